"""The saved commitment queries answer on the shipped corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

QUERIES = Path(__file__).resolve().parent.parent / "queries"


@pytest.fixture(scope="module")
def graph(corpus_build):
    return Graph().parse(corpus_build / "graph.ttl")


def rows(graph, name):
    return [tuple(None if v is None else str(v) for v in row)
            for row in graph.query((QUERIES / name).read_text(encoding="utf-8"))]


def test_requests_of_the_secretary_general_give_resolution_paragraph_date_and_quote(graph):
    found = {(r[0], r[2], r[1]) for r in rows(graph, "requests-of-secretary-general.rq")}
    assert ("A/RES/63/225", "20", "2008-12-19") in found
    assert ("A/RES/62/270", "3", "2008-06-20") in found
    assert all(r[6] and "Secretary-General" in r[6] for r in rows(graph, "requests-of-secretary-general.rq"))


def test_resolutions_citing_61_208(graph):
    assert [r[0] for r in rows(graph, "resolutions-citing.rq")] == ["A/RES/62/270"]


def test_instruments_with_their_ratification_counts(graph):
    [(name, _kind, count, as_of, _listed)] = rows(graph, "instruments-ratification.rq")
    assert name.startswith("International Convention on the Protection of the Rights of All Migrant Workers")
    assert (count, as_of) == ("39", "2008")
