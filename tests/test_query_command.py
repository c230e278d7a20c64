"""`migkg query`: formats, pre-bound prefixes, saved queries, one-line errors, a time limit."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from migkg.cli import main
from tests.serving import SERVING_FIXTURE

GRAPH = str(SERVING_FIXTURE / "graph.ttl")
PERSONS = "SELECT ?p ?name WHERE { ?p a migkg:Person ; rdfs:label ?name } ORDER BY ?name"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"


def query(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["query", "--graph", GRAPH, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_is_aligned_and_uses_prefixes(capsys):
    code, out, _ = query(capsys, PERSONS)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["p", "|", "name"]
    assert "kg:person/arwen-undomiel" in out or "id:person/arwen-undomiel" in out
    assert lines[1].startswith("---")
    assert lines[-1] == "(2 rows)"
    assert len({line.index("|") for line in lines[:-1] if "|" in line}) == 1  # one column edge


def test_csv_and_tsv_follow_the_sparql_result_formats(capsys):
    _, out, _ = query(capsys, PERSONS, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["p", "name"]
    assert rows[1] == ["https://w3id.org/migkg/id/person/arwen-undomiel", "Arwen Undomiel"]
    _, out, _ = query(capsys, PERSONS, "--format", "tsv")
    assert out.splitlines()[0] == "?p\t?name"
    assert out.splitlines()[1] == '<https://w3id.org/migkg/id/person/arwen-undomiel>\t"Arwen Undomiel"'


def test_json_is_sparql_results_json(capsys):
    _, out, _ = query(capsys, PERSONS, "--format", "json")
    doc = json.loads(out)
    assert doc["head"]["vars"] == ["p", "name"]
    assert doc["results"]["bindings"][1]["name"] == {"type": "literal", "value": "Elrond Halfelven"}
    parsed = ox.parse_query_results(out.encode(), format=ox.QueryResultsFormat.JSON)
    assert len(list(parsed)) == 2


def test_ask_answers_true_or_false(capsys):
    assert query(capsys, "ASK { ?x a migkg:Convention }")[1] == "true\n"
    assert json.loads(query(capsys, "ASK { ?x a migkg:Forum }", "--format", "json")[1])["boolean"] is False


@pytest.mark.parametrize("fmt,rdf_format", [("turtle", ox.RdfFormat.TURTLE), ("jsonld", ox.RdfFormat.JSON_LD),
                                            ("ntriples", ox.RdfFormat.N_TRIPLES)])
def test_construct_writes_a_graph_that_parses_back(capsys, fmt, rdf_format):
    code, out, _ = query(capsys, "CONSTRUCT { ?o migkg:organized ?e } WHERE { ?o migkg:organized ?e }", "--format", fmt)
    assert code == 0
    triples = set(ox.parse(out.encode(), format=rdf_format))
    meeting = ox.NamedNode("https://w3id.org/migkg/id/event/first-arnor-meeting")
    assert len(triples) == 2 and all(t.object == meeting for t in triples)


def test_describe_defaults_to_turtle(capsys):
    _, out, _ = query(capsys, "DESCRIBE <https://w3id.org/migkg/id/person/arwen-undomiel>")
    assert "Arwen Undomiel" in out and "@prefix" in out


def test_saved_query_from_file(capsys, tmp_path):
    saved = tmp_path / "persons.rq"
    saved.write_text(PERSONS + "\n", encoding="utf-8")
    code, out, _ = query(capsys, "--file", str(saved), "--format", "csv")
    assert code == 0 and "Elrond Halfelven" in out


def test_syntax_error_is_one_line_with_position(capsys):
    code, out, err = query(capsys, "SELECT ?p WHERE { ?p a }")
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "error at 1:" in lines[0] and "Traceback" not in err


def test_update_is_refused(capsys):
    code, _, err = query(capsys, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert code == 2 and "read-only" in err


def test_graph_format_for_select_is_an_error(capsys):
    code, _, err = query(capsys, PERSONS, "--format", "turtle")
    assert code == 2 and "table" in err


def test_missing_graph_says_how_to_build(capsys, tmp_path):
    code = main(["query", "--graph", str(tmp_path), "ASK {}"])
    assert code == 2 and "migkg build" in capsys.readouterr().err


def test_limit_truncates_and_says_so(capsys):
    code, out, err = query(capsys, "SELECT ?s WHERE { ?s ?p ?o }", "--limit", "3", "--format", "csv")
    assert code == 0 and len(out.strip().splitlines()) == 4 and "--limit 3" in err


def test_slow_query_stops_at_the_time_limit():
    proc = subprocess.run([sys.executable, "-m", "migkg", "query", "--graph", GRAPH, "--timeout", "1", SLOW],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "migkg query: error: query stopped after the time limit of 1 s"


def test_a_base_iri_the_graph_does_not_use_is_explained(capsys):
    code = main(["query", "--graph", GRAPH, "--base-iri", "https://example.org/data/", "ASK {}"])
    err = capsys.readouterr().err
    assert code == 2 and "built with https://w3id.org/migkg/id/" in err
