"""Every saved query in queries/ answers the question it was written for on the shipped corpus.

Known queries check facts the corpus states (the Population Division organized the
Seventh Coordination Meeting; the Migrant Workers Convention was ratified by 39
States); any other .rq file must at least return rows with values.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from migkg import store

QUERIES = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def corpus_graph(corpus_build):
    graph = store.load(corpus_build)
    if catalog_size(graph) < 10:
        pytest.skip("the corpus build has almost no entities (extractors not merged yet)")
    return graph


def catalog_size(graph) -> int:
    rows = store.execute(graph.store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t FILTER(?t != rdf:Statement) }",
                         graph.prefixes).rows
    return int(rows[0][0].value)


def answers(graph, path: Path) -> list[dict[str, str]]:
    result = store.execute(graph.store, path.read_text(encoding="utf-8"), {}, limit=None)  # no pre-bound prefixes:
    assert result.kind == "select"                                                        # the files must declare theirs
    return [{v: t.value for v, t in zip(result.variables, row) if t is not None} for row in result.rows]


def contains(rows: list[dict[str, str]], **expected: str) -> bool:
    """Some row whose named columns contain the expected substrings (case-insensitive)."""
    return any(all(e.lower() in row.get(k, "").lower() for k, e in expected.items()) for row in rows)


def check_who_organized_what(rows):
    assert len(rows) >= 5
    assert contains(rows, organizerLabel="Population Division", eventLabel="Coordination Meeting on International Migration")
    assert all(row.get("quote") for row in rows), "every organizer edge carries its evidence quote"


def check_persons_by_organization(rows):
    assert len(rows) >= 5
    assert all(row.get("personLabel") and row.get("organizationLabel") for row in rows)


def check_ratifications(rows):
    assert contains(rows, instrumentLabel="Rights of All Migrant Workers", reportedCount="39")


def check_events_by_year(rows):
    assert len(rows) >= 5
    assert contains(rows, year="2008", label="Coordination Meeting on International Migration")


def check_requests_of_secretary_general(rows):
    assert len(rows) >= 3
    assert any("secretary-general" in " ".join(row.values()).lower() for row in rows)


CHECKS = {
    "who-organized-what": check_who_organized_what,
    "persons-by-organization": check_persons_by_organization,
    "ratifications": check_ratifications,
    "events-by-year": check_events_by_year,
    "requests-of-secretary-general": check_requests_of_secretary_general,
}


# The properties each question stands on (any one suffices); other files: every migkg
# property they use, evidence terms aside.
STANDS_ON = {
    "who-organized-what": ["organized"],
    "persons-by-organization": ["memberOf"],
    "ratifications": ["ratificationCount", "ratified"],
    "events-by-year": ["startDate"],
    "requests-of-secretary-general": ["requested", "addressedTo"],
}
EVIDENCE_TERMS = {"quote", "charStart", "charEnd"}


def missing_vocabulary(graph, path: Path) -> list[str]:
    """The properties a question stands on, when the graph has none of them at all."""
    used = STANDS_ON.get(path.stem) or sorted(
        set(re.findall(r"migkg:([a-z]\w*)", path.read_text(encoding="utf-8"))) - EVIDENCE_TERMS)
    present = [p for p in used if store.execute(
        graph.store, f"ASK {{ ?s <https://w3id.org/migkg/ontology#{p}> ?o }}", {}).boolean]
    return [] if present else used


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_saved_query_answers_on_the_corpus(corpus_graph, path):
    missing = missing_vocabulary(corpus_graph, path)
    if missing:  # a precondition, not a result: the extractor that makes these is not merged yet
        pytest.skip(f"the corpus graph has no migkg:{', migkg:'.join(missing)} at all yet")
    rows = answers(corpus_graph, path)
    assert rows, f"{path.name} returned nothing"
    assert any(row for row in rows), f"{path.name} returned only empty rows"
    CHECKS.get(path.stem, lambda rows: None)(rows)


def test_the_competency_questions_are_all_there():
    names = {p.stem for p in QUERIES}
    assert {"who-organized-what", "persons-by-organization", "ratifications"} <= names
