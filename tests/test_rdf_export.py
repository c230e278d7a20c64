"""The RDF writers: evidence for every edge, round trips, stable bytes."""
from __future__ import annotations

import io

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.compare import isomorphic

from exports import write_all
from exports.rdf import triples, write_jsonld, write_ntriples, write_turtle
from graph.build import build
from graph.resolve import resolve

MIGKG = Namespace("https://w3id.org/migkg/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")


@pytest.fixture
def kg(arnor_doc, arnor_extraction):
    return build(resolve([arnor_extraction]), [arnor_doc])


def _parse(kg, writer, fmt):
    buf = io.BytesIO()
    writer(kg, buf)
    return Graph().parse(data=buf.getvalue(), format=fmt), buf.getvalue()


def test_every_edge_has_a_statement_whose_quote_is_the_text_slice(kg, arnor_doc):
    g, _ = _parse(kg, write_turtle, "turtle")
    edges = [(s, p, o) for s, p, o in g if str(p).startswith(str(MIGKG)) and isinstance(o, URIRef)]
    assert edges, "the fixture has edges"
    for s, p, o in edges:
        sts = [st for st in g.subjects(RDF.subject, s)
               if (st, RDF.predicate, p) in g and (st, RDF.object, o) in g]
        assert sts, f"no evidence for {s} {p} {o}"
        for st in sts:
            start, end = int(g.value(st, MIGKG.charStart)), int(g.value(st, MIGKG.charEnd))
            assert arnor_doc.text[start:end] == str(g.value(st, MIGKG.quote))
            doc = g.value(st, PROV.wasDerivedFrom)
            assert (doc, RDF.type, MIGKG.Document) in g


def test_turtle_ntriples_and_jsonld_parse_to_the_same_graph(kg):
    ttl, _ = _parse(kg, write_turtle, "turtle")
    nt, _ = _parse(kg, write_ntriples, "nt")
    js, raw = _parse(kg, write_jsonld, "json-ld")
    assert len(ttl) == len(triples(kg)) > 20
    assert isomorphic(ttl, nt)
    assert isomorphic(ttl, js)
    assert b'"@context"' in raw


def test_dates_are_typed_literals(kg):
    g, _ = _parse(kg, write_turtle, "turtle")
    dates = list(g.objects(None, MIGKG.startDate))
    assert [d.datatype for d in dates] == [URIRef("http://www.w3.org/2001/XMLSchema#date")]


def test_same_input_gives_byte_identical_files(arnor_doc, arnor_extraction, tmp_path):
    a = write_all(build(resolve([arnor_extraction]), [arnor_doc]), tmp_path / "a", ["turtle", "ntriples", "jsonld"])
    b = write_all(build(resolve([arnor_extraction]), [arnor_doc]), tmp_path / "b", ["turtle", "ntriples", "jsonld"])
    for fa, fb in zip(a, b):
        assert fa.read_bytes() == fb.read_bytes(), fa.name


def test_base_iri_is_configurable(arnor_doc, arnor_extraction):
    kg = build(resolve([arnor_extraction]), [arnor_doc], base="https://example.org/kg")
    g, _ = _parse(kg, write_ntriples, "nt")
    subjects = {str(s) for s in g.subjects(RDF.type, MIGKG.Forum)}
    assert subjects == {"https://example.org/kg/event/arnor-migration-forum-2031"}


def test_a_failing_writer_leaves_previous_outputs_untouched(kg, tmp_path, monkeypatch):
    write_all(kg, tmp_path, ["turtle"])
    before = (tmp_path / "graph.ttl").read_bytes()
    import exports.rdf

    def boom(*a, **k):
        raise RuntimeError("disk full")
    monkeypatch.setattr(exports.rdf, "write_ntriples", boom)
    with pytest.raises(RuntimeError):
        write_all(kg, tmp_path, ["turtle", "ntriples"])
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert not (tmp_path / "graph.nt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_a_curator_can_ask_which_rule_made_an_edge():
    from graph.ingest import make_document
    from graph.pipeline import run

    doc = make_document("The Regional Seminar on Tidal Mobility was hosted by the Government of Chile.", "seminar")
    g, _ = _parse(run([doc]).graph, write_turtle, "turtle")
    rows = {(str(r), str(q)) for r, q in g.query("""
        PREFIX migkg: <https://w3id.org/migkg/ontology#>
        SELECT ?rule ?quote WHERE { ?st rdf:predicate migkg:hosted ; rdf:subject ?c ;
                                        migkg:extractionRule ?rule ; migkg:quote ?quote .
                                    ?c migkg:isoCode "CHL" }""")}
    assert rows == {("hosted.passive", doc.text)}
