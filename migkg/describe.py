"""What the graph says about one IRI: its properties, the links to it and the evidence.

Shared by the server and the static site, so a page and its Turtle twin always
show the same facts. Pattern lookups go straight to the pyoxigraph store (no
SPARQL parsing per page); inverse links and evidence are capped so a hub such as
a source document (the origin of every statement) still renders quickly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
MIGKG = "https://w3id.org/migkg/ontology#"
RDF_TYPE = RDF + "type"
RDFS_LABEL = RDFS + "label"
LABEL_PROPERTIES = (RDFS_LABEL, SKOS + "prefLabel", "http://purl.org/dc/terms/title", "https://schema.org/name")


@dataclass(frozen=True)
class Quote:
    """One evidence statement: the fact it supports and where it was read."""

    statement: Any  # NamedNode or BlankNode of the rdf:Statement
    subject: Any
    predicate: Any
    object: Any
    quote: str
    source: Any | None
    start: int | None
    end: int | None


@dataclass
class Description:
    iri: str
    label: str | None
    types: list[Any] = field(default_factory=list)
    properties: list[tuple[Any, Any]] = field(default_factory=list)  # (predicate, object)
    inverse: list[tuple[Any, Any]] = field(default_factory=list)  # (subject, predicate)
    inverse_total: int = 0
    evidence: list[Quote] = field(default_factory=list)
    evidence_total: int = 0
    labels: dict[str, str] = field(default_factory=dict)  # IRI -> label of every neighbour
    store: Any = field(default=None, repr=False, compare=False)

    def triples(self) -> list[Any]:
        """The description as RDF: own triples, inverse links, evidence, neighbours' labels."""
        import pyoxigraph as ox

        me = ox.NamedNode(self.iri)
        out = [ox.Triple(me, ox.NamedNode(RDF_TYPE), t) for t in self.types]
        out += [ox.Triple(me, p, o) for p, o in self.properties]
        out += [ox.Triple(s, p, me) for s, p in self.inverse]
        seen = set()
        for q in self.evidence:
            if q.statement in seen:
                continue
            seen.add(q.statement)
            out += self._statement_triples(q.statement)
        own = {self.iri}
        for iri, label in sorted(self.labels.items()):
            if iri not in own:
                out.append(ox.Triple(ox.NamedNode(iri), ox.NamedNode(RDFS_LABEL), ox.Literal(label)))
        return list(dict.fromkeys(out))

    def _statement_triples(self, node: Any) -> list[Any]:
        import pyoxigraph as ox

        return [ox.Triple(q.subject, q.predicate, q.object)
                for q in self.store.quads_for_pattern(node, None, None)]


def first(store: Any, subject: Any, predicate: str) -> Any | None:
    import pyoxigraph as ox

    for quad in store.quads_for_pattern(subject, ox.NamedNode(predicate), None):
        return quad.object
    return None


def label_of(store: Any, term: Any) -> str | None:
    """rdfs:label (or another naming property) of a node, if it has one."""
    if type(term).__name__ != "NamedNode":
        return None
    for prop in LABEL_PROPERTIES:
        value = first(store, term, prop)
        if value is not None and type(value).__name__ == "Literal":
            return value.value
    return None


def _int(term: Any) -> int | None:
    try:
        return int(term.value) if term is not None else None
    except (AttributeError, ValueError):
        return None


def quotes_for(store: Any, node: Any, role: str, cap: int) -> tuple[list[Quote], int]:
    """Evidence statements whose rdf:subject (role="subject") or rdf:object is `node`."""
    import pyoxigraph as ox

    found: list[Quote] = []
    total = 0
    for quad in store.quads_for_pattern(None, ox.NamedNode(RDF + role), node):
        total += 1
        if len(found) >= cap:
            continue
        st = quad.subject
        quote = first(store, st, MIGKG + "quote")
        found.append(Quote(
            statement=st,
            subject=first(store, st, RDF + "subject"),
            predicate=first(store, st, RDF + "predicate"),
            object=first(store, st, RDF + "object"),
            quote=quote.value if quote is not None else "",
            source=first(store, st, PROV + "wasDerivedFrom"),
            start=_int(first(store, st, MIGKG + "charStart")),
            end=_int(first(store, st, MIGKG + "charEnd")),
        ))
    return found, total


def exists(store: Any, iri: str) -> bool:
    import pyoxigraph as ox

    node = ox.NamedNode(iri)
    for _ in store.quads_for_pattern(node, None, None):
        return True
    for _ in store.quads_for_pattern(None, None, node):
        return True
    return False


def describe(store: Any, iri: str, cap: int = 1000) -> Description | None:
    """Everything a page about `iri` shows, or None when the graph never mentions it."""
    import pyoxigraph as ox

    if not exists(store, iri):
        return None
    me = ox.NamedNode(iri)
    d = Description(iri=iri, label=label_of(store, me), store=store)
    for quad in store.quads_for_pattern(me, None, None):
        if quad.predicate.value == RDF_TYPE:
            d.types.append(quad.object)
        else:
            d.properties.append((quad.predicate, quad.object))
    d.properties.sort(key=lambda po: (po[0].value, str(po[1])))
    d.types.sort(key=str)
    for quad in store.quads_for_pattern(None, None, me):
        d.inverse_total += 1
        if len(d.inverse) < cap:
            d.inverse.append((quad.subject, quad.predicate))
    d.inverse.sort(key=lambda sp: (sp[1].value, str(sp[0])))
    as_subject, n1 = quotes_for(store, me, "subject", cap)
    as_object, n2 = quotes_for(store, me, "object", cap)
    d.evidence = sorted(set(as_subject + as_object), key=lambda q: (q.predicate.value if q.predicate else "", q.start or 0, str(q.statement)))
    d.evidence_total = n1 + n2
    neighbours = [o for _, o in d.properties] + [s for s, _ in d.inverse] + d.types
    for q in d.evidence:
        neighbours += [q.subject, q.object, q.source]
    for term in neighbours:
        if term is not None and type(term).__name__ == "NamedNode" and term.value not in d.labels:
            label = label_of(store, term)
            if label is not None:
                d.labels[term.value] = label
    return d
