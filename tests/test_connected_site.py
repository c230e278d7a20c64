"""One connected site: the network and timeline beside the entity pages, linked both ways.

Built once from invented documents (Arnor, Gondor; resolution 70/999 with twelve
paragraphs), then published by `migkg site` and by the server in-process.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag

import httpx
import pytest

import migkg
from migkg import network
from migkg.entityview import natural_key
from migkg.site import write_site
from tests.resolution_texts import STANDARD
from tests.serving import SERVING_FIXTURE, start_migkg, stop

MORE_PARAGRAPHS = "".join(
    f"{n}. Encourages the Arnor Migration Agency to report on item {n};\n\n" for n in range(9, 13))
RESOLUTION = STANDARD.replace("81st plenary meeting", MORE_PARAGRAPHS + "81st plenary meeting")
REPORT = ("REPORT OF THE ARNOR MEETING\n\n"
          "The Gondor Institute for Migration Studies (GIMS) organized the Arnor Migration Forum "
          "in Lima, Peru, from 3 to 4 May 2031. GIMS also chaired the forum.\n")
RESOLUTION_PAGE = "doc/resolution/A-RES-70-999.html"
GIMS_PAGE = "doc/organization/gondor-institute-for-migration-studies.html"


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    (docs / "a-res-70-999.txt").write_text(RESOLUTION, encoding="utf-8")
    (docs / "arnor-report.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    migkg.build([docs]).write(out)
    return out


@pytest.fixture(scope="module")
def site(build, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    write_site(build, out)
    return out


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def network_ids(html: str) -> set[str]:
    data = re.search(r'<script type="application/json" id="migkg-data">(.*?)</script>', html, re.S)
    return {n["id"] for n in json.loads(data.group(1))["nodes"]}


def test_site_copies_the_network_and_timeline_linked_to_entity_pages(build, site):
    for name in ("graph.html", "timeline.html"):
        assert (site / name).is_file()
    assert network.PUBLISHED.decode() in read(site, "graph.html")
    # the build folder's own copy stays as built: opened from disk, there are no entity pages
    assert network.UNPUBLISHED.decode() in (build / "graph.html").read_text(encoding="utf-8")
    assert read(site, "graph.html").replace(network.PUBLISHED.decode(), network.UNPUBLISHED.decode()) == \
        (build / "graph.html").read_text(encoding="utf-8")


def test_every_entity_page_drawn_in_the_network_links_to_its_node(site):
    ids = network_ids(read(site, "graph.html"))
    pages = sorted((site / "doc").rglob("*.html"))
    linked = 0
    for page in pages:
        entity = page.relative_to(site / "doc").as_posix()[: -len(".html")]
        html = page.read_text(encoding="utf-8")
        hrefs = re.findall(r'href="((?:\.\./)*graph\.html#node=[^"]*)"', html)
        if unquote(entity) in ids:
            assert len(hrefs) == 1, page
            assert unquote(hrefs[0].split("#node=", 1)[1]) == unquote(entity)
            linked += 1
        else:
            assert hrefs == [], page  # statements and documents are not drawn: no dead link
    assert linked == len(ids) > 5


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k == "href" and v]


def test_no_dead_local_link_between_pages(site):
    checked = 0
    for page in [site / "index.html", site / RESOLUTION_PAGE, site / GIMS_PAGE]:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            target, _ = urldefrag(href)
            if not target or "://" in target or target.startswith(("query", "sparql")):
                continue
            assert (page.parent / unquote(target)).resolve().is_file(), f"{page.name}: {href}"
            checked += 1
    assert checked > 20


def test_home_page_links_the_network_and_timeline(site):
    home = read(site, "index.html")
    assert 'href="graph.html"' in home and 'href="timeline.html"' in home


def test_properties_show_their_ontology_label_with_the_iri_on_hover(site):
    html = read(site, GIMS_PAGE)
    assert 'title="https://w3id.org/migkg/ontology#organized">organized</a>' in html
    assert 'title="https://w3id.org/migkg/ontology#chaired">chaired</a>' in html
    assert ">migkg:organized<" not in html and ">migkg:chaired<" not in html


def test_a_resolution_lists_its_paragraphs_in_number_order_with_verb_and_text(site):
    html = read(site, RESOLUTION_PAGE)
    rows = re.findall(r'<td class="n"><a [^>]*>(\d+)</a></td><td>([^<]*)</td><td>(.*?)</td><td>([^<]*)</td>', html)
    assert [int(n) for n, *_ in rows] == list(range(1, 13))
    by_number = {int(n): (verb, to, text) for n, verb, to, text in rows}
    assert by_number[2][0] == "Requests" and "Secretary-General" in by_number[2][1]
    assert by_number[10][2].startswith("Encourages the Arnor Migration Agency to report on item 10")


def test_evidence_folds_per_property_with_a_count(site):
    html = read(site, GIMS_PAGE)
    evidence = html.split("<h2>Evidence</h2>", 1)[1]
    groups = re.findall(r'<details class="ev-group"[^>]*>\s*<summary><span title="([^"]+)">([^<]+)</span> '
                        r'<span class="count">(\d+)</span></summary>(.*?)</details>', evidence, re.S)
    assert len(groups) >= 3
    props = [iri for iri, *_ in groups]
    assert len(props) == len(set(props)) and "https://w3id.org/migkg/ontology#organized" in props
    for _iri, _label, count, body in groups:
        assert body.count('<div class="ev">') == int(count)
    assert sum(int(c) for *_, c, _ in groups) == evidence.count('<div class="ev">')


def test_natural_order_reads_numbers_as_numbers():
    texts = ["para-10", "para-2", "para-1", "Para-11", "para-20"]
    assert sorted(texts, key=natural_key) == ["para-1", "para-2", "para-10", "Para-11", "para-20"]


def test_htaccess_lets_the_network_pages_run_their_script(site):
    htaccess = read(site, ".htaccess")
    assert '<FilesMatch "^(graph|timeline)\\.html$">' in htaccess
    assert network.CONTENT_SECURITY_POLICY in htaccess


@pytest.fixture(scope="module")
def served(build):
    process, url = start_migkg(build, "--workers", "1")
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            yield client
    finally:
        stop(process)


def test_serve_answers_the_network_and_timeline(served, build):
    for name in ("graph.html", "timeline.html"):
        r = served.get(f"/{name}")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert r.headers["content-security-policy"] == network.CONTENT_SECURITY_POLICY  # one policy, scripts allowed
        assert r.content == network.published((build / name).read_bytes())
    assert network.PUBLISHED in served.get("/graph.html").content


def test_served_entity_page_links_its_node_and_the_node_links_back(served):
    page = served.get("/" + GIMS_PAGE)
    assert page.status_code == 200
    [href] = re.findall(r'href="((?:\.\./)*graph\.html#node=[^"]*)"', page.text)
    entity = unquote(href.split("#node=", 1)[1])
    assert entity == "organization/gondor-institute-for-migration-studies"
    assert entity in network_ids(served.get("/graph.html").text)
    # the panel's link is "doc/" + the entity path + ".html": that page answers
    assert served.get(f"/doc/{entity}.html").status_code == 200
    assert "default-src 'none'; style-src" in page.headers["content-security-policy"]  # pages keep theirs


def test_serve_without_network_pages_answers_404():
    process, url = start_migkg(SERVING_FIXTURE, "--workers", "1")
    try:
        assert httpx.get(url + "/graph.html").status_code == 404
        assert httpx.get(url + "/timeline.html").status_code == 404
        assert 'href="graph.html"' not in httpx.get(url + "/").text
    finally:
        stop(process)
