"""The shipped corpus, built end to end: files, validity, evidence, independent parsers."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from graph.ingest import read_text, shipped_corpus

MIGKG = Namespace("https://w3id.org/migkg/ontology#")
OUTPUTS = ["graph.ttl", "graph.nt", "graph.jsonld", "graph.html", "ontology.ttl", "timeline.html", "merges.tsv"]


def test_build_writes_every_output(corpus_build):
    for name in OUTPUTS:
        assert (corpus_build / name).stat().st_size > 0, name


def test_every_edge_has_evidence_matching_the_corpus_text(corpus_build):
    g = Graph().parse(corpus_build / "graph.nt", format="nt")
    text = read_text(shipped_corpus())
    evidenced = {(g.value(s, RDF.subject), g.value(s, RDF.predicate), g.value(s, RDF.object))
                 for s in g.subjects(RDF.type, RDF.Statement)}
    edges = [(s, p, o) for s, p, o in g if str(p).startswith(str(MIGKG)) and isinstance(o, URIRef)]
    assert all(e in evidenced for e in edges)
    for st in g.subjects(RDF.type, RDF.Statement):
        start, end = int(g.value(st, MIGKG.charStart)), int(g.value(st, MIGKG.charEnd))
        assert text[start:end] == str(g.value(st, MIGKG.quote))


def test_corpus_graph_conforms_to_the_shapes(corpus_build):
    from migkg.cli import main

    assert main(["validate", str(corpus_build / "graph.ttl")]) == 0


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("name,syntax", [("graph.ttl", "turtle"), ("graph.nt", "ntriples")])
def test_an_independent_parser_reads_the_output(corpus_build, name, syntax):
    proc = subprocess.run(["rapper", "-q", "-c", "-i", syntax, str(corpus_build / name)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    n_rapper = int(proc.stderr.strip().split()[-2]) if "returned" in proc.stderr else None
    g = Graph().parse(corpus_build / "graph.nt", format="nt")
    if n_rapper is not None:
        assert n_rapper == len(g)


def test_every_migkg_term_used_is_declared_by_the_ontology(corpus_build):
    g = Graph().parse(corpus_build / "graph.nt", format="nt")
    onto = Graph().parse(corpus_build / "ontology.ttl", format="turtle")
    declared = {str(s) for s in onto.subjects() if str(s).startswith(str(MIGKG))}
    used = {str(p) for p in g.predicates() if str(p).startswith(str(MIGKG))}
    used |= {str(o) for o in g.objects(None, RDF.type) if str(o).startswith(str(MIGKG))}
    assert used and used <= declared, sorted(used - declared)


def test_countries_link_out_to_the_country_authority_by_iso_code(corpus_build):
    from rdflib.namespace import SKOS

    g = Graph().parse(corpus_build / "graph.nt", format="nt")
    phl = URIRef("https://w3id.org/migkg/id/country/PHL")
    assert str(g.value(phl, MIGKG.isoCode)) == "PHL"
    assert (phl, SKOS.exactMatch, URIRef("http://publications.europa.eu/resource/authority/country/PHL")) in g
