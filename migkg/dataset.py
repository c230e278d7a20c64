"""Descriptions of the data itself: VoID + DCAT for the dataset, SPARQL Service Description.

The dataset node is `{site}void#dataset` (typed void:Dataset and dcat:Dataset), so
it is dereferenceable like any entity. Endpoint and download URLs are given by
the caller: the server knows where it listens, a static site where it is hosted.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from migkg import catalog
from migkg.store import ONTOLOGY_NS, LoadedGraph

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SD = "http://www.w3.org/ns/sparql-service-description#"
FOAF = "http://xmlns.com/foaf/0.1/"

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
DUMP_TYPES = {"graph.ttl": "text/turtle", "graph.nt": "application/n-triples",
              "graph.jsonld": "application/ld+json"}
VOCABULARIES = (ONTOLOGY_NS, "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#",
                "http://www.w3.org/2000/01/rdf-schema#")


def dataset_iri(graph: LoadedGraph) -> str:
    """`https://w3id.org/migkg/void#dataset`: a hash IRI in the VoID document, beside /id/."""
    base = graph.base_iri
    root = base[: -len("id/")] if base.endswith("/id/") else base
    return root + "void#dataset"


def void_triples(graph: LoadedGraph, site_url: str, sparql_url: str | None,
                 dumps: list[str]) -> list[Any]:
    """VoID + DCAT description. `site_url` ends with '/', dumps are file names under download/."""
    import pyoxigraph as ox

    N, L = ox.NamedNode, ox.Literal
    ds = N(dataset_iri(graph))
    out = []

    def add(s: Any, p: str, o: Any) -> None:
        out.append(ox.Triple(s, N(p), o))

    add(ds, RDF + "type", N(VOID + "Dataset"))
    add(ds, RDF + "type", N(DCAT + "Dataset"))
    add(ds, DCT + "title", L("Migration knowledge graph", language="en"))
    add(ds, DCT + "description", L(
        "Actors, events and commitments on international migration extracted from UN documents, "
        "each fact with the quoted sentence it was read from.", language="en"))
    add(ds, DCT + "license", N(LICENSE))
    add(ds, DCT + "rights", L("Quoted evidence sentences remain United Nations text.", language="en"))
    add(ds, DCT + "modified", L(_dt.date.fromtimestamp(graph.source.stat().st_mtime).isoformat(),
                               datatype=N(XSD + "date")))
    add(ds, VOID + "uriSpace", L(graph.base_iri))
    add(ds, VOID + "triples", L(str(graph.triples), datatype=N(XSD + "integer")))
    add(ds, VOID + "entities", L(str(catalog.entity_count(graph)), datatype=N(XSD + "integer")))
    add(ds, DCT + "conformsTo", N(catalog.ontology_iri(graph)))
    for vocab in VOCABULARIES:
        add(ds, VOID + "vocabulary", N(vocab))
    for doc, _label in catalog.documents(graph):
        add(ds, DCT + "source", doc)
    for i, (cls, n) in enumerate(catalog.types(graph)):
        part = N(f"{dataset_iri(graph)}-class-{i + 1}")
        add(ds, VOID + "classPartition", part)
        add(part, VOID + "class", cls)
        add(part, VOID + "entities", L(str(n), datatype=N(XSD + "integer")))
    examples = catalog.all_entities(graph)[:1]
    for ex in examples:
        add(ds, VOID + "exampleResource", ex)
    if sparql_url:
        add(ds, VOID + "sparqlEndpoint", N(sparql_url))
        service = N(sparql_url)
        add(ds, DCAT + "distribution", N(sparql_url + "#distribution"))
        dist = N(sparql_url + "#distribution")
        add(dist, RDF + "type", N(DCAT + "Distribution"))
        add(dist, DCAT + "accessService", service)
        add(service, RDF + "type", N(DCAT + "DataService"))
        add(service, DCAT + "endpointURL", service)
        add(service, DCT + "conformsTo", N("https://www.w3.org/TR/sparql11-protocol/"))
    for name in dumps:
        url = N(f"{site_url}download/{name}")
        add(ds, VOID + "dataDump", url)
        dist = N(f"{site_url}download/{name}#distribution")
        add(ds, DCAT + "distribution", dist)
        add(dist, RDF + "type", N(DCAT + "Distribution"))
        add(dist, DCAT + "downloadURL", url)
        add(dist, DCAT + "mediaType", N(f"https://www.iana.org/assignments/media-types/{DUMP_TYPES[name]}"))
    return out


def service_description(graph: LoadedGraph, endpoint: str, time_limit: float, result_limit: int) -> list[Any]:
    """SPARQL 1.1 Service Description of the read-only endpoint."""
    import pyoxigraph as ox

    N, L = ox.NamedNode, ox.Literal
    svc = N(endpoint)
    out = []

    def add(s: Any, p: str, o: Any) -> None:
        out.append(ox.Triple(s, N(p), o))

    add(svc, RDF + "type", N(SD + "Service"))
    add(svc, SD + "endpoint", svc)
    add(svc, SD + "supportedLanguage", N(SD + "SPARQL11Query"))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "JSON-LD", "N-Triples", "RDF_XML"):
        add(svc, SD + "resultFormat", N(f"http://www.w3.org/ns/formats/{fmt}"))
    add(svc, DCT + "description", L(
        f"Read-only. Each query runs at most {time_limit:g} s and returns at most {result_limit} "
        "results (rows or triples); the X-SPARQL-Time-Limit and X-SPARQL-Result-Limit headers repeat "
        "these limits and X-SPARQL-Truncated: true marks a capped result. SPARQL Update and SERVICE "
        "are refused.", language="en"))
    graph_node = ox.BlankNode("defaultGraph")
    dataset_node = ox.BlankNode("dataset")
    add(svc, SD + "defaultDataset", dataset_node)
    add(dataset_node, RDF + "type", N(SD + "Dataset"))
    add(dataset_node, SD + "defaultGraph", graph_node)
    add(graph_node, RDF + "type", N(SD + "Graph"))
    add(graph_node, VOID + "triples", L(str(graph.triples), datatype=N(XSD + "integer")))
    add(dataset_node, DCT + "source", N(dataset_iri(graph)))
    return out
