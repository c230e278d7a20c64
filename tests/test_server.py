"""`migkg serve` on 127.0.0.1, driven by a standard HTTP client (httpx).

One server for the module, with a 1-second time limit and a 5-result cap so the
limits can be seen without big data.
"""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import httpx
import pyoxigraph as ox
import pytest

from tests.serving import SERVING_FIXTURE, start_migkg, stop

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
PERSONS = "SELECT ?p ?name WHERE { ?p a migkg:Person ; rdfs:label ?name } ORDER BY ?name"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
ID = "https://w3id.org/migkg/id/"


def triples_of(data: bytes, format: ox.RdfFormat) -> set:
    return {q.triple for q in ox.parse(data, format=format)}


@pytest.fixture(scope="module")
def server():
    process, url = start_migkg(SERVING_FIXTURE, "--time-limit", "1", "--result-limit", "5",
                               "--max-body", "4096")
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            yield client
    finally:
        stop(process)


def test_select_as_json(server):
    r = server.get("/sparql", params={"query": PERSONS}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    rows = r.json()["results"]["bindings"]
    assert [b["name"]["value"] for b in rows] == ["Arwen Undomiel", "Elrond Halfelven"]
    assert rows[0]["p"] == {"type": "uri", "value": ID + "person/arwen-undomiel"}


def test_select_as_csv_by_post_form(server):
    r = server.post("/sparql", data={"query": PERSONS}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(r.text)))[1:] == [
        [ID + "person/arwen-undomiel", "Arwen Undomiel"], [ID + "person/elrond-halfelven", "Elrond Halfelven"]]


def test_select_as_xml_and_tsv_by_direct_post_body(server):
    for accept, fmt in (("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                        ("text/tab-separated-values", ox.QueryResultsFormat.TSV)):
        r = server.post("/sparql", content=PERSONS, headers={"Content-Type": "application/sparql-query", "Accept": accept})
        assert r.status_code == 200
        assert len(list(ox.parse_query_results(r.content, format=fmt))) == 2


def test_construct_as_turtle_and_json_ld(server):
    q = "CONSTRUCT { ?o migkg:organized ?e } WHERE { ?o migkg:organized ?e }"
    ttl = server.get("/sparql", params={"query": q}, headers={"Accept": "text/turtle"})
    assert ttl.status_code == 200 and ttl.headers["content-type"].startswith("text/turtle")
    triples = triples_of(ttl.content, format=ox.RdfFormat.TURTLE)
    jsonld = server.get("/sparql", params={"query": q}, headers={"Accept": "application/ld+json"})
    assert triples_of(jsonld.content, format=ox.RdfFormat.JSON_LD) == triples
    assert len(triples) == 2


def test_ask(server):
    r = server.get("/sparql", params={"query": "ASK { ?x a migkg:Convention }"})
    assert r.json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize("how", ["form", "body", "query", "get"])
def test_update_is_refused_with_403(server, how):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    if how == "form":
        r = server.post("/sparql", data={"update": update})
    elif how == "body":
        r = server.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"})
    elif how == "query":
        r = server.post("/sparql", data={"query": update})
    else:
        r = server.get("/sparql", params={"update": update})
    assert r.status_code == 403 and "read-only" in r.text
    assert server.get("/sparql", params={"query": "ASK { <urn:a> ?p ?o }"}).json()["boolean"] is False


def test_load_and_service_are_refused(server):
    assert server.post("/sparql", data={"update": "LOAD <http://example.org/x.ttl>"}).status_code == 403
    r = server.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 403 and "SERVICE" in r.text


def test_slow_query_is_stopped_with_a_clear_answer_and_the_server_recovers(server):
    r = server.get("/sparql", params={"query": SLOW})
    assert r.status_code == 503
    assert "time limit of 1 s" in r.text
    assert r.headers["x-sparql-time-limit"] == "1"
    for _ in range(3):  # the killed worker is replaced; later queries still answer
        assert server.get("/sparql", params={"query": PERSONS}).status_code == 200


def test_result_cap_is_announced(server):
    r = server.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == 5
    assert r.headers["x-sparql-result-limit"] == "5"
    assert r.headers["x-sparql-truncated"] == "true"
    small = server.get("/sparql", params={"query": PERSONS})
    assert small.headers["x-sparql-truncated"] == "false"


def test_malformed_query_is_400_with_a_message_not_a_traceback(server):
    r = server.get("/sparql", params={"query": "SELECT ?x WHERE { ?x a }"})
    assert r.status_code == 400
    assert r.text.startswith("SPARQL syntax error at 1:") and "Traceback" not in r.text
    assert server.get("/sparql", params={"query": ""}).status_code == 400


def test_oversized_body_is_rejected(server):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 10000
    assert server.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"}).status_code == 413
    assert server.get("/sparql", params={"query": big}).status_code == 413


def test_unsupported_content_type_and_methods(server):
    assert server.post("/sparql", content=b"x", headers={"Content-Type": "image/png"}).status_code == 415
    assert server.put("/sparql", content=b"x").status_code == 405
    assert server.delete("/id/person/arwen-undomiel").status_code == 405


def test_service_description(server):
    r = server.get("/sparql", headers={"Accept": "text/turtle"})
    g = triples_of(r.content, format=ox.RdfFormat.TURTLE)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(t.predicate.value == sd + "supportedLanguage" and t.object.value == sd + "SPARQL11Query" for t in g)


def test_entity_iri_answers_turtle_by_303(server):
    r = server.get("/id/person/elrond-halfelven", headers={"Accept": "text/turtle"})
    assert r.status_code == 303 and r.headers["location"] == "/doc/person/elrond-halfelven.ttl"
    assert "Accept" in r.headers["vary"]
    doc = server.get(r.headers["location"])
    triples = triples_of(doc.content, format=ox.RdfFormat.TURTLE)
    me = ox.NamedNode(ID + "person/elrond-halfelven")
    assert ox.Triple(me, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("Elrond Halfelven")) in triples
    assert ox.Triple(me, ox.NamedNode("https://w3id.org/migkg/ontology#memberOf"),
                     ox.NamedNode(ID + "organization/arnor-migration-office")) in triples


def test_entity_iri_answers_html_to_a_browser(server):
    r = server.get("/id/organization/arnor-migration-office", headers={"Accept": BROWSER}, follow_redirects=True)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert str(r.url).endswith("/doc/organization/arnor-migration-office.html")
    html = r.text
    assert "<h1>Arnor Migration Office</h1>" in html
    assert "First Arnor Meeting on Migration" in html  # linked value with its label
    assert "Elrond Halfelven" in html  # inverse link (memberOf)
    assert "The meeting was organized by the Arnor Migration Office (AMO)." in html  # evidence quote
    assert "Report of the Arnor meeting on migration" in html  # its source


def test_entity_json_ld_and_content_location(server):
    r = server.get("/doc/resolution/A-RES-99-1/para-5", headers={"Accept": "application/ld+json"})
    assert r.status_code == 200 and r.headers["content-location"] == "/doc/resolution/A-RES-99-1/para-5.jsonld"
    triples = triples_of(r.content, format=ox.RdfFormat.JSON_LD)
    assert any(t.object == ox.Literal("Requests") for t in triples)


def test_every_value_is_html_escaped(server):
    html = server.get("/doc/organization/gondor-institute.html").text
    assert "Gondor &amp; &lt;Rohan&gt; Institute" in html and "<Rohan>" not in html
    sg = server.get("/doc/organization/secretary-general.html").text
    assert "&lt;Arnor&gt; meeting" in sg and "<Arnor>" not in sg


def test_unknown_entity_and_traversal_are_404(server):
    assert server.get("/id/person/nobody", headers={"Accept": "text/turtle"}).status_code == 404
    for path in ("/download/../../../etc/passwd", "/download/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                 "/doc/..%2f..%2fetc%2fpasswd.html", "/id/%2e%2e/%2e%2e/etc/passwd", "/static/../serving.py"):
        r = server.get(path)
        assert r.status_code == 404, path
        assert "root:" not in r.text


def test_ontology_by_content_negotiation(server):
    r = server.get("/ontology", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert r.status_code == 200
    terms = {t.subject.value for t in ox.parse(r.content, format=ox.RdfFormat.TURTLE)}
    assert "https://w3id.org/migkg/ontology#Organization" in terms
    html = server.get("/ontology", headers={"Accept": BROWSER}, follow_redirects=True).text
    assert 'id="Organization"' in html
    jsonld = server.get("/ontology.jsonld")
    assert len(triples_of(jsonld.content, format=ox.RdfFormat.JSON_LD)) > 100


def test_dataset_description_void_and_dcat(server):
    r = server.get("/void", headers={"Accept": "text/turtle"}, follow_redirects=True)
    triples = list(triples_of(r.content, format=ox.RdfFormat.TURTLE))
    types = {t.object.value for t in triples if t.predicate.value.endswith("#type")}
    assert {"http://rdfs.org/ns/void#Dataset", "http://www.w3.org/ns/dcat#Dataset"} <= types
    endpoint = [t.object.value for t in triples if t.predicate.value == "http://rdfs.org/ns/void#sparqlEndpoint"]
    assert endpoint == [str(server.base_url).rstrip("/") + "/sparql"]


def test_query_page_works_in_a_browser(server):
    form = server.get("/query")
    assert form.status_code == 200 and "<form" in form.text and "<textarea" in form.text
    assert "http" not in form.text.split("<style>")[1].split("</style>")[0]  # no CDN
    page = server.get("/query", params={"query": "SELECT ?p WHERE { ?p a migkg:Person }"})
    assert "<table>" in page.text
    assert '>Elrond Halfelven</a>' in page.text  # IRIs shown by their labels, linked to their pages
    bad = server.get("/query", params={"query": "SELECT ?x WHERE { ?x a }"})
    assert bad.status_code == 400 and "error at 1:" in bad.text


def test_home_lists_types(server):
    home = server.get("/")
    assert "Entities by type" in home.text and "type/migkg_Person.html" in home.text
    assert "Arwen Undomiel" in server.get("/type/migkg_Person.html").text


def test_browser_scripts_elsewhere_may_query(server):
    r = server.get("/sparql", params={"query": PERSONS}, headers={"Origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "*"
    assert "x-sparql-truncated" in r.headers["access-control-expose-headers"].lower()


def test_source_document_page_counts_its_evidence_statements_instead_of_listing_them(server):
    html = server.get("/doc/document/arnor-report.html").text
    assert "2 evidence statements quote this document." in html
    assert "doc/statement/" not in html.split("<h2>Links to this</h2>")[1].split("<h2>Evidence</h2>")[0]


def test_ask_shows_its_answer_on_the_query_page(server):
    page = server.get("/query", params={"query": "ASK { ?x a migkg:Convention }"}).text
    assert "<strong>true</strong>" in page


def test_pages_forbid_scripts_and_sniffing(server):
    for path in ("/", "/doc/organization/gondor-institute.html", "/sparql?query=ASK%7B%7D"):
        r = server.get(path)
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in r.headers["content-security-policy"]


def test_a_busy_port_is_one_clear_line(server):
    port = str(server.base_url.port)
    proc = subprocess.run([sys.executable, "-m", "migkg", "serve", str(SERVING_FIXTURE), "--port", port],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"migkg serve: error: cannot listen on 127.0.0.1:{port}: Address already in use"


def child_pids(pid: int) -> list[int]:
    from pathlib import Path

    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the workers through /proc")
def test_a_worker_killed_from_outside_is_replaced():
    import os
    import signal
    import time

    process, url = start_migkg(SERVING_FIXTURE, "--workers", "1")
    try:
        workers = child_pids(process.pid)
        assert len(workers) == 1
        os.kill(workers[0], signal.SIGKILL)
        time.sleep(0.2)
        first = httpx.get(url + "/sparql", params={"query": PERSONS}, timeout=30)
        assert first.status_code in (200, 503)
        if first.status_code == 503:
            assert "try again" in first.text
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            r = httpx.get(url + "/sparql", params={"query": PERSONS}, timeout=30)
            if r.status_code == 200:
                break
            time.sleep(0.2)
        assert r.status_code == 200
    finally:
        stop(process)
