"""What the usual clients trip over first: folder notes, unknown prefixes, format=json for graphs."""
from __future__ import annotations

import json
import subprocess
import sys

import httpx
import pytest

from graph.errors import InputError
from graph.ingest import expand_inputs
from tests.serving import SERVING_FIXTURE, start_migkg, stop

CONSTRUCT = "CONSTRUCT { ?p rdfs:label ?name } WHERE { ?p a migkg:Person ; rdfs:label ?name }"
UNKNOWN_PREFIX = "SELECT ?s WHERE { ?s a migkg:Person ; foaf:name ?n ; dbo:birthPlace ?x }"


def test_a_folder_leaves_out_its_readme_license_and_hidden_files(tmp_path):
    for name in ("report.txt", "notes/paper.md", "README.md", "notes/readme.txt", "LICENSE.txt",
                 ".hidden.txt", ".git/x.txt", "CHANGELOG.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("The Arnor Migration Forum met.\n", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_inputs([tmp_path])] == [
        "notes/paper.md", "report.txt"]


def test_a_readme_named_on_its_own_is_still_read(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("x\n", encoding="utf-8")
    assert expand_inputs([readme]) == [readme]


def test_a_folder_of_notes_only_is_one_clear_error(tmp_path):
    (tmp_path / "README.md").write_text("x\n", encoding="utf-8")
    with pytest.raises(InputError, match="README, LICENSE"):
        expand_inputs([tmp_path])


def test_unknown_prefix_is_one_line_naming_it_in_migkg_query():
    out = subprocess.run([sys.executable, "-m", "migkg", "query", "--graph", str(SERVING_FIXTURE / "graph.ttl"),
                          UNKNOWN_PREFIX], capture_output=True, text=True)
    assert out.returncode != 0 and out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "unknown prefix 'dbo:'" in lines[0] and "1:" in lines[0]
    assert "\\u{" not in lines[0] and "Traceback" not in out.stderr


def test_unknown_prefix_position_points_at_it():
    from migkg.sparqlerrors import undeclared_prefix

    query = 'PREFIX ex: <http://example.org/a:b>\nSELECT * WHERE {\n  ?s ex:p "x:y" ;\n     zz:q ?o }'
    assert undeclared_prefix(query, {"rdfs"}) == ("zz", 4, 6)
    assert undeclared_prefix("SELECT * WHERE { ?s ex:p _:b }", {"ex"}) is None


def test_other_syntax_errors_keep_the_parser_position():
    from migkg.sparqlerrors import syntax_message

    message = syntax_message("error at 1:28: expected one of " + ", ".join(f"'{i}'" for i in range(300)))
    assert message.startswith("SPARQL syntax error at 1:28: expected one of '0', '1'")
    assert message.endswith(", …") and len(message) < 250


@pytest.fixture(scope="module")
def server():
    process, url = start_migkg(SERVING_FIXTURE)
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            yield client
    finally:
        stop(process)


@pytest.mark.parametrize("param", ["format", "output"])
def test_construct_asked_for_as_json_answers_json_ld(server, param):
    # what SPARQLWrapper sends for a CONSTRUCT with setReturnFormat(JSON)
    r = server.get("/sparql", params={"query": CONSTRUCT, param: "json"},
                   headers={"Accept": "application/ld+json,application/x-json+ld"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/ld+json")
    names = sorted(str(v) for v in _values(json.loads(r.text)))
    assert "Arwen Undomiel" in names and "Elrond Halfelven" in names


def test_select_output_json_is_sparql_results(server):
    r = server.get("/sparql", params={"query": "SELECT ?p WHERE { ?p a migkg:Person }", "output": "json"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    assert len(r.json()["results"]["bindings"]) == 2


def test_unknown_prefix_at_the_endpoint_is_one_line(server):
    r = server.get("/sparql", params={"query": UNKNOWN_PREFIX}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 400
    assert r.text.count("\n") == 1 and "unknown prefix 'dbo:'" in r.text and "\\u{" not in r.text


def _values(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "@value":
                yield v
            else:
                yield from _values(v)
    elif isinstance(node, list):
        for v in node:
            yield from _values(v)
    elif isinstance(node, str):
        yield node


@pytest.mark.filterwarnings("ignore:Sending Accept header:RuntimeWarning")  # SPARQLWrapper's own notice
def test_sparqlwrapper_construct_with_json_return_format(server):
    sw = pytest.importorskip("SPARQLWrapper")
    client = sw.SPARQLWrapper(str(server.base_url) + "/sparql")
    client.setQuery("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                    "PREFIX migkg: <https://w3id.org/migkg/ontology#> " + CONSTRUCT)
    client.setReturnFormat(sw.JSON)
    response = client.query()
    assert response.response.headers["Content-Type"].startswith("application/ld+json")
    names = sorted(str(v) for v in _values(json.loads(response.response.read())))
    assert "Arwen Undomiel" in names


def test_sparqlwrapper_select_json_and_a_bad_prefix(server):
    sw = pytest.importorskip("SPARQLWrapper")
    client = sw.SPARQLWrapper(str(server.base_url) + "/sparql")
    client.setReturnFormat(sw.JSON)
    client.setQuery("SELECT ?p WHERE { ?p a migkg:Person }")
    assert len(client.query().convert()["results"]["bindings"]) == 2
    client.setQuery(UNKNOWN_PREFIX)
    with pytest.raises(sw.SPARQLExceptions.QueryBadFormed, match="unknown prefix 'dbo:'"):
        client.query()
