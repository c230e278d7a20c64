"""Lists for the index pages: types with counts, members of a type, sources, ontology terms."""
from __future__ import annotations

from typing import Any

from migkg.describe import RDF, RDFS, label_of
from migkg.store import ONTOLOGY_NS, LoadedGraph

OWL = "http://www.w3.org/2002/07/owl#"
RDF_STATEMENT = RDF + "Statement"


def types(graph: LoadedGraph) -> list[tuple[Any, int]]:
    """Classes used in the data with their number of instances (evidence statements left out)."""
    rows = graph.store.query(
        "SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t FILTER(?t != rdf:Statement) } "
        "GROUP BY ?t ORDER BY DESC(?n) ?t",
        prefixes=graph.prefixes,
    )
    return [(r["t"], int(r["n"].value)) for r in rows]


def entity_count(graph: LoadedGraph) -> int:
    rows = graph.store.query(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t FILTER(?t != rdf:Statement) }",
        prefixes=graph.prefixes,
    )
    return next(int(r["n"].value) for r in rows)


def members(graph: LoadedGraph, type_iri: Any, cap: int = 5000) -> tuple[list[tuple[Any, str | None]], bool]:
    """Instances of a class sorted by label, at most `cap` (and whether more exist)."""
    rows = graph.store.query(  # str(NamedNode) is the escaped <iri> form
        f"SELECT DISTINCT ?s ?l WHERE {{ ?s a {type_iri} OPTIONAL {{ ?s rdfs:label ?l }} }} "
        "ORDER BY LCASE(STR(?l)) ?s",
        prefixes=graph.prefixes,
    )
    out: list[tuple[Any, str | None]] = []
    seen = set()
    for r in rows:
        if r["s"].value in seen:
            continue
        if len(out) >= cap:
            return out, True
        seen.add(r["s"].value)
        out.append((r["s"], r["l"].value if r["l"] is not None else None))
    return out, False


def all_entities(graph: LoadedGraph) -> list[Any]:
    """Every IRI under the base that appears as a subject (each gets a page)."""
    base = graph.base_iri
    seen: dict[str, Any] = {}
    for quad in graph.store.quads_for_pattern(None, None, None):
        s = quad.subject
        if type(s).__name__ == "NamedNode" and s.value.startswith(base) and s.value not in seen:
            seen[s.value] = s
    return [seen[k] for k in sorted(seen)]


def documents(graph: LoadedGraph) -> list[tuple[Any, str]]:
    """Source documents (targets of prov:wasDerivedFrom) with their labels."""
    rows = graph.store.query(
        "SELECT DISTINCT ?d WHERE { ?st prov:wasDerivedFrom ?d } ORDER BY ?d", prefixes=graph.prefixes
    )
    return [(r["d"], label_of(graph.store, r["d"]) or r["d"].value) for r in rows]


def ontology_sections(graph: LoadedGraph) -> list[tuple[str, list[dict]]]:
    """Classes and properties of the ontology, each with its label, comment and other statements."""
    store = graph.ontology
    if store is None:
        return []
    import pyoxigraph as ox

    kinds = [
        ("Classes", (OWL + "Class", RDFS + "Class")),
        ("Object properties", (OWL + "ObjectProperty",)),
        ("Datatype properties", (OWL + "DatatypeProperty",)),
        ("Other properties", (OWL + "AnnotationProperty", RDF + "Property")),
    ]
    done: set[str] = set()
    sections = []
    for heading, classes in kinds:
        terms = []
        for cls in classes:
            for quad in store.quads_for_pattern(None, ox.NamedNode(RDF + "type"), ox.NamedNode(cls)):
                iri = quad.subject
                if type(iri).__name__ != "NamedNode" or not iri.value.startswith(ONTOLOGY_NS) or iri.value in done:
                    continue
                done.add(iri.value)
                terms.append(_term_entry(store, iri))
        sections.append((heading, sorted(terms, key=lambda t: t["local"].lower())))
    return [s for s in sections if s[1]]


def _term_entry(store: Any, iri: Any) -> dict:
    local = iri.value[len(ONTOLOGY_NS):]
    label = comment = None
    rows: dict[str, tuple[Any, list[Any]]] = {}
    for quad in store.quads_for_pattern(iri, None, None):
        p = quad.predicate.value
        if p == RDFS + "label" and label is None:
            label = quad.object.value
        elif p == RDFS + "comment" and comment is None:
            comment = quad.object.value
        elif p != RDF + "type":
            rows.setdefault(p, (quad.predicate, []))[1].append(quad.object)
    return {"local": local, "curie": f"migkg:{local}", "label": label, "comment": comment,
            "rows": sorted(rows.values(), key=lambda r: r[0].value)}


def ontology_iri(graph: LoadedGraph) -> str:
    """The owl:Ontology node of the ontology file, or the namespace without '#'."""
    if graph.ontology is not None:
        import pyoxigraph as ox

        for quad in graph.ontology.quads_for_pattern(None, ox.NamedNode(RDF + "type"), ox.NamedNode(OWL + "Ontology")):
            return quad.subject.value
    return ONTOLOGY_NS.rstrip("#")
