"""Pages link only to http(s), carry a Content-Security-Policy and isolate bidirectional text."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from migkg.cli import main

ID = "https://w3id.org/migkg/id/"
RLO = "\u202e"
HOSTILE = f"""\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix migkg: <https://w3id.org/migkg/ontology#> .
<{ID}organization/arnor-council> rdf:type migkg:Organization ;
    rdfs:label "Arnor {RLO}lionuoC" ;
    rdfs:seeAlso <javascript:alert(1)> , <JavaScript:alert(2)> , <data:text/html,hi> , <https://example.org/arnor> ;
    migkg:organized <{ID}event/gondor-forum> .
<{ID}event/gondor-forum> rdf:type migkg:Forum ; rdfs:label "Gondor Forum \u2067x\u2069" .
<{ID}organization/rohan-office> rdf:type migkg:Organization ; rdfs:label "مكتب روهان" .
"""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.csp: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        if "href" in a and a["href"] is not None:
            self.hrefs.append(a["href"])
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(a.get("content") or "")


def _tags(html: str) -> _Tags:
    t = _Tags()
    t.feed(html)
    return t


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    (d / "graph.ttl").write_text(HOSTILE, encoding="utf-8")
    out = d / "site"
    assert main(["site", str(d / "graph.ttl"), "--out", str(out)]) == 0
    return out


def test_only_http_and_relative_links_are_written(site):
    hrefs = [h for f in site.rglob("*.html") for h in _tags(f.read_text(encoding="utf-8")).hrefs]
    assert "https://example.org/arnor" in hrefs
    bad = [h for h in hrefs if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", h) and not re.match(r"^https?:", h, re.I)]
    assert bad == []
    page = (site / "doc/organization/arnor-council.html").read_text(encoding="utf-8")
    assert "javascript:alert(1)" in page  # still shown, as text
    assert 'href="javascript' not in page.lower()


def test_every_static_page_carries_a_content_security_policy(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 5
    for f in pages:
        csp = _tags(f.read_text(encoding="utf-8")).csp
        assert len(csp) == 1 and "default-src 'none'" in csp[0] and "script-src" not in csp[0], f


def test_the_server_examples_send_a_content_security_policy(site):
    nginx = (site / "nginx.conf.example").read_text()
    assert re.search(r"add_header Content-Security-Policy \"default-src 'none';[^\"]*frame-ancestors 'none'[^\"]*\" always;",
                     nginx)
    htaccess = (site / ".htaccess").read_text()
    assert "Header set Content-Security-Policy \"default-src 'none';" in htaccess


def test_labels_with_bidi_controls_or_right_to_left_letters_are_isolated(site):
    page = (site / "doc/organization/arnor-council.html").read_text(encoding="utf-8")
    assert f"<h1><bdi>Arnor {RLO}lionuoC</bdi></h1>" in page
    assert f"<bdi>Gondor Forum \u2067x\u2069</bdi>" in page
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert RLO not in title and "Arnor lionuoC" in title
    # outside <bdi>, no bidi control is left to run on into the page
    outside = re.sub(r"<bdi>.*?</bdi>", "", page, flags=re.S)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", outside)
    index = (site / "type/migkg_Organization.html").read_text(encoding="utf-8")
    assert "<bdi>مكتب روهان</bdi>" in index and "<bdi>Arnor" in index
    plain = (site / "index.html").read_text(encoding="utf-8")
    assert "<bdi>" not in plain.split("<h2")[0]  # ordinary text stays as it was


def test_the_forwarding_pages_isolate_and_carry_the_policy(site):
    page = (site / "id/organization/arnor-council.html").read_text(encoding="utf-8")
    t = _tags(page)
    assert t.csp and t.hrefs[0] == "../../doc/organization/arnor-council.html"
    assert f"<bdi>Arnor {RLO}lionuoC</bdi>" in page and f"<title>Arnor lionuoC</title>" in page


def test_server_pages_make_the_same_choices(tmp_path):
    import httpx

    from tests.serving import start_migkg, stop

    (tmp_path / "graph.ttl").write_text(HOSTILE, encoding="utf-8")
    process, url = start_migkg(tmp_path / "graph.ttl")
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            page = client.get("/doc/organization/arnor-council.html")
            assert page.status_code == 200
            assert "default-src 'none'" in page.headers["content-security-policy"]
            assert 'href="javascript' not in page.text.lower() and "<bdi>Arnor" in page.text
            q = client.get("/query", params={
                "query": "SELECT ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#seeAlso> ?o }"})
            assert q.status_code == 200, q.text
            assert "javascript:alert(1)" in q.text and 'href="javascript' not in q.text.lower()
    finally:
        stop(process)
