"""Property tests for the serving safety rules: escaping everywhere, no 500 on any query text."""
from __future__ import annotations

import html
import re

import httpx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migkg import pages
from migkg.describe import describe
from migkg.store import load
from tests.serving import SERVING_FIXTURE, start_migkg, stop

ID = "https://w3id.org/migkg/id/"
PAGE_TAGS = {"html", "head", "meta", "title", "link", "style", "body", "header", "a", "strong", "main", "h1", "h2",
             "h3", "p", "span", "table", "tr", "th", "td", "br", "div", "blockquote"}
NASTY = st.lists(st.sampled_from(list("<>&\"'/=; aZ\u00e9\u2028") + ["<script>", "</td>", "&amp;", "javascript:"]),
                 min_size=1, max_size=20).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=NASTY, quote=NASTY)
def test_any_label_or_quote_is_escaped_in_entity_pages(tmp_path, label, quote):
    graph = load(SERVING_FIXTURE)
    me = ox.NamedNode(ID + "organization/gondor-institute")
    graph.store.remove(next(iter(graph.store.quads_for_pattern(me, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None))))
    graph.store.add(ox.Quad(me, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(label)))
    st_node = ox.NamedNode(ID + "statement/0a1b2c")
    graph.store.add(ox.Quad(st_node, ox.NamedNode("https://w3id.org/migkg/ontology#quote"), ox.Literal(quote)))
    page = pages.entity_page(graph, describe(graph.store, me.value))
    assert f"<h1>{html.escape(label, quote=False)}</h1>" in page.replace("&#34;", '"').replace("&#39;", "'")
    tags = {name.lower() for name in re.findall(r"</?([A-Za-z][A-Za-z0-9]*)", page)}
    assert tags <= PAGE_TAGS, tags - PAGE_TAGS  # nothing from the data became markup


@pytest.fixture(scope="module")
def server():
    process, url = start_migkg(SERVING_FIXTURE, "--time-limit", "2")
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            yield client
    finally:
        stop(process)


SPARQL_BITS = st.sampled_from(["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "?s", "?p", "?o", ".",
                               "<http://x/>", "migkg:Person", "a", "FILTER(", ")", "\"x\"", "LIMIT 3", "OPTIONAL",
                               "UNION", "GROUP BY", "COUNT(*)", "AS", "PREFIX p: <http://p/>", "#", "\n", "SERVICE",
                               "INSERT", "'", "\\", "\u0000", "\U0001F600"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(SPARQL_BITS, min_size=1, max_size=14))
def test_no_query_text_makes_the_endpoint_fail(server, parts):
    text = " ".join(parts)
    r = server.post("/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9"})
    assert r.status_code in (200, 400, 403, 406, 503), (text, r.status_code, r.text[:200])
    assert "Traceback" not in r.text
