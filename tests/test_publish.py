"""`migkg publish` round-trips a graph through a real Oxigraph server on 127.0.0.1."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from migkg.cli import main
from tests.serving import SERVING_FIXTURE, free_port, stop, wait_for

GRAPH = SERVING_FIXTURE / "graph.ttl"
SAMPLE = ("SELECT ?name WHERE { ?p a <https://w3id.org/migkg/ontology#Person> ; "
          "<http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name")


def oxigraph_executable() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


@pytest.fixture
def store(tmp_path):
    exe = oxigraph_executable()
    if exe is None:
        pytest.skip("the `oxigraph` executable is not installed (pip install oxigraph)")
    port = free_port()
    process = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + "/query?query=ASK%7B%7D", process)
        yield url
    finally:
        stop(process)


def local(query: str) -> list:
    s = ox.Store()
    s.load(path=str(GRAPH), format=ox.RdfFormat.TURTLE)
    return [[t.value for t in row] for row in s.query(query)]


def remote(url: str, query: str) -> list:
    r = httpx.post(url + "/query", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    r.raise_for_status()
    data = r.json()
    return [[b[v]["value"] for v in data["head"]["vars"]] for b in data["results"]["bindings"]]


def local_count() -> int:
    return sum(1 for _ in ox.parse(path=str(GRAPH), format=ox.RdfFormat.TURTLE))


def test_graph_store_protocol_round_trip_into_a_named_graph(store, capsys):
    g = "https://example.org/graphs/migkg"
    assert main(["publish", str(GRAPH), "--endpoint", store + "/store", "--graph", g,
                 "--query-endpoint", store + "/query"]) == 0
    out = capsys.readouterr().out
    assert "Graph Store Protocol" in out and f"holds {local_count()} triples" in out
    count = remote(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
    assert int(count[0][0]) == local_count()
    sample = SAMPLE.replace("WHERE {", f"WHERE {{ GRAPH <{g}> {{").replace("} ORDER", "} } ORDER")
    assert remote(store, sample) == local(SAMPLE) == [["Arwen Undomiel"], ["Elrond Halfelven"]]


def test_publishing_again_replaces_instead_of_duplicating(store):
    for _ in range(2):
        assert main(["publish", str(SERVING_FIXTURE), "--endpoint", store + "/store"]) == 0
    assert int(remote(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0][0]) == local_count()
    assert remote(store, SAMPLE) == local(SAMPLE)


def test_sparql_update_fallback(store, capsys):
    assert main(["publish", str(GRAPH), "--endpoint", store + "/no-graph-store-here",
                 "--update-endpoint", store + "/update", "--graph", "https://example.org/g2"]) == 0
    captured = capsys.readouterr()
    assert "using SPARQL Update" in captured.err and "SPARQL Update" in captured.out
    assert int(remote(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/g2> { ?s ?p ?o } }")[0][0]) == local_count()


def test_refusal_is_one_clear_line(store, capsys):
    assert main(["publish", str(GRAPH), "--endpoint", store + "/query"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "refused the graph: HTTP" in err[0]


def test_unreachable_store_is_one_clear_line(capsys):
    port = free_port()
    assert main(["publish", str(GRAPH), "--endpoint", f"http://127.0.0.1:{port}/store"]) == 1
    err = capsys.readouterr().err.strip()
    assert "cannot reach the store" in err and "Traceback" not in err


def test_progress_is_shown_for_large_uploads(store, capsys, monkeypatch):
    import migkg.publish as publish

    monkeypatch.setattr(publish, "PROGRESS_FROM", 0)  # the fixture is tiny; pretend it is large
    monkeypatch.setattr(publish, "CHUNK", 1024)
    assert main(["publish", str(GRAPH), "--endpoint", store + "/store"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "MB sent" in line]
    assert len(lines) >= 2 and lines[-1].endswith("MB/s)") and "(100 %" in lines[-1]


def test_user_without_password_is_a_clear_error(capsys, monkeypatch):
    monkeypatch.delenv("MIGKG_STORE_PASSWORD", raising=False)
    assert main(["publish", str(GRAPH), "--endpoint", "http://127.0.0.1:1/store", "--user", "dba"]) == 1
    assert "MIGKG_STORE_PASSWORD" in capsys.readouterr().err


def test_store_specific_parameters_reach_the_store(store):
    # Oxigraph's bulk-load switch: the graph still arrives whole
    assert main(["publish", str(GRAPH), "--endpoint", store + "/store", "--param", "no_transaction",
                 "--graph", "https://example.org/bulk"]) == 0
    assert int(remote(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/bulk> { ?s ?p ?o } }")[0][0]) == local_count()


def test_corpus_build_round_trips(store, corpus_build):
    nt = corpus_build / "graph.nt"
    assert main(["publish", str(nt), "--endpoint", store + "/store", "--query-endpoint", store + "/query"]) == 0
    local_store = ox.Store()
    local_store.load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    assert int(remote(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0][0]) == len(local_store)
    sample = ("SELECT ?s ?label WHERE { ?s a ?type ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } "
              "ORDER BY ?s ?label LIMIT 50")
    assert remote(store, sample) == [[t.value for t in row] for row in local_store.query(sample)]
