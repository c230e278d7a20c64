"""The read-only guard refuses updates and SERVICE, and is not fooled by strings or names."""
from __future__ import annotations

import pytest

from migkg.sparqlcheck import ReadOnlyViolation, check_read_only, query_form


@pytest.mark.parametrize("text", [
    "INSERT DATA { <a:b> <a:c> <a:d> }",
    "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "DROP GRAPH <http://g>",
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "# a comment\ncreate graph <http://g>",
])
def test_updates_are_refused(text):
    with pytest.raises(ReadOnlyViolation, match="read-only"):
        check_read_only(text)


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent <http://elsewhere/> { ?s ?p ?o } }",
])
def test_service_is_refused(text):
    with pytest.raises(ReadOnlyViolation, match="SERVICE"):
        check_read_only(text)


@pytest.mark.parametrize("text", [
    'SELECT ?x WHERE { ?x <http://p> "please INSERT DATA here" }',
    "SELECT ?x WHERE { ?x <http://example.org/SERVICE> ?y }",
    "PREFIX ex: <http://ex/> SELECT ?x WHERE { ?x ex:SERVICE ?y . ?x ex:delete ?z }",
    "SELECT ?service ?insert WHERE { ?service <http://p> ?insert } # DELETE this comment",
    "ASK { ?s ?p '''a\nLOAD <x>''' }",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    "DESCRIBE <http://example.org/x>",
])
def test_read_only_queries_pass_even_when_they_mention_the_words(text):
    check_read_only(text)


def test_query_form_skips_the_prologue():
    assert query_form("PREFIX s: <http://s/>\nBASE <http://b/>\n# SELECT in a comment\nCONSTRUCT { ?a ?b ?c } WHERE { ?a ?b ?c }") == "CONSTRUCT"
    assert query_form("select * {}") == "SELECT"
