"""`migkg site`: a page per entity in HTML, Turtle and JSON-LD, indexes, dataset, ontology, server config."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest

from migkg.cli import main
from tests.serving import SERVING_FIXTURE

ID = "https://w3id.org/migkg/id/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    assert main(["site", str(SERVING_FIXTURE), "--out", str(out)]) == 0
    return out


def subjects_under_base() -> set[str]:
    store = ox.Store()
    store.load(path=str(SERVING_FIXTURE / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return {q.subject.value for q in store if q.subject.value.startswith(ID)}


def test_every_entity_has_html_turtle_and_json_ld(site):
    for iri in subjects_under_base():
        stem = site / "doc" / iri[len(ID):]
        for ext in ("html", "ttl", "jsonld", "nt"):
            assert stem.with_name(stem.name + "." + ext).is_file(), f"{iri} .{ext}"


def test_each_turtle_file_is_valid_and_describes_its_entity(site):
    files = sorted((site / "doc").rglob("*.ttl"))
    assert len(files) == len(subjects_under_base())
    for f in files:
        iri = ID + str(f.relative_to(site / "doc"))[: -len(".ttl")]
        triples = {q.triple for q in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE)}
        assert any(t.subject.value == iri for t in triples), f
        jsonld = {q.triple for q in ox.parse(path=str(f.with_suffix(".jsonld")), format=ox.RdfFormat.JSON_LD)}
        assert jsonld == triples, f  # the two machine formats say the same thing


def test_provision_pages_nest_below_their_resolution(site):
    page = (site / "doc/resolution/A-RES-99-1/para-5.html").read_text()
    assert "Requests the Secretary-General to report on the &lt;Arnor&gt; meeting;" in page
    assert 'href="../../../doc/organization/secretary-general.html"' in page


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "link"):
            self.hrefs += [v for k, v in attrs if k == "href" and v]


def test_relative_links_between_pages_resolve_to_files(site):
    broken = []
    for page in site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text())
        for href in parser.hrefs:
            if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert broken == []


def test_index_by_type_and_dataset_and_ontology(site):
    index = (site / "index.html").read_text()
    assert 'href="type/migkg_Person.html"' in index
    assert "Arwen Undomiel" in (site / "type/migkg_Person.html").read_text()
    void = {q.triple for q in ox.parse(path=str(site / "void.ttl"), format=ox.RdfFormat.TURTLE)}
    dumps = {t.object.value for t in void if t.predicate.value == "http://rdfs.org/ns/void#dataDump"}
    assert dumps == {"https://w3id.org/migkg/download/graph.ttl"}
    assert (site / "download/graph.ttl").is_file()
    assert 'id="organized"' in (site / "ontology.html").read_text()
    assert len(list(ox.parse(path=str(site / "ontology.jsonld"), format=ox.RdfFormat.JSON_LD))) > 100


def test_web_server_snippets_negotiate_id_to_doc(site):
    htaccess = (site / ".htaccess").read_text()
    assert "RewriteRule ^id/(.+)$ doc/$1.ttl [R=303,L]" in htaccess
    assert "return 303 /doc/$1.$migkg_ext;" in (site / "nginx.conf.example").read_text()


def test_labels_are_escaped_in_static_pages(site):
    page = (site / "doc/organization/gondor-institute.html").read_text()
    assert "Gondor &amp; &lt;Rohan&gt; Institute" in page and "<Rohan>" not in page


def test_id_pages_forward_browsers_on_hosts_without_rewrites(site):
    page = site / "id/resolution/A-RES-99-1/para-5.html"
    text = page.read_text()
    target = re.search(r'url=([^"]+)"', text).group(1)
    assert target == "../../../doc/resolution/A-RES-99-1/para-5.html"
    assert (page.parent / target).resolve().is_file()
