"""The corpus build, served: one entity of every type dereferences to HTML and to Turtle."""
from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest

from migkg import store
from tests.serving import start_migkg, stop


@pytest.fixture(scope="module")
def corpus_server(corpus_build):
    process, url = start_migkg(corpus_build)
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            yield client
    finally:
        stop(process)


def one_entity_per_type(corpus_build) -> list[str]:
    graph = store.load(corpus_build)
    rows = store.execute(graph.store, "SELECT ?t (MIN(STR(?s)) AS ?e) WHERE { ?s a ?t } GROUP BY ?t ORDER BY ?t",
                         graph.prefixes).rows
    return [row[1].value for row in rows if row[1].value.startswith(graph.base_iri)]


def test_every_type_has_a_dereferenceable_entity(corpus_server, corpus_build):
    base = store.load(corpus_build).base_iri
    iris = one_entity_per_type(corpus_build)
    assert iris
    for iri in iris:
        path = "/id/" + iri[len(base):]
        ttl = corpus_server.get(path, headers={"Accept": "text/turtle"}, follow_redirects=True)
        assert ttl.status_code == 200, path
        triples = {q.triple for q in ox.parse(ttl.content, format=ox.RdfFormat.TURTLE)}
        assert any(t.subject.value == iri for t in triples), path
        page = corpus_server.get(path, headers={"Accept": "text/html"}, follow_redirects=True)
        assert page.status_code == 200 and "<h1>" in page.text, path


def test_ontology_and_dataset_description_of_the_corpus(corpus_server):
    assert corpus_server.get("/ontology.html").status_code == 200
    void = corpus_server.get("/void.ttl")
    assert "void:triples" in void.text and "download/graph.nt" in void.text
