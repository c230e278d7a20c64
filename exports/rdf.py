"""The knowledge graph as RDF: triples, evidence statements, Turtle/N-Triples/JSON-LD writers.

Triples are made once as pyoxigraph terms and sorted, so every writer emits the
same bytes for the same graph. Turtle and N-Triples use pyoxigraph's native
serializers (an order of magnitude faster than rdflib's); JSON-LD is written
here, compacted against the ontology's context, because pyoxigraph does not
compact.

Evidence: each asserted triple gets one `rdf:Statement` per piece of evidence,
named `{base}statement/{digest}` (a digest of the triple and the span, so names
are stable), carrying `prov:wasDerivedFrom`, `migkg:charStart`, `migkg:charEnd`
and `migkg:quote`.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import IO

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from graph.build import KnowledgeGraph
from graph.model import Evidence, Value

MIGKG = "https://w3id.org/migkg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"

PREFIXES: dict[str, str] = {
    "migkg": MIGKG,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "owl": "http://www.w3.org/2002/07/owl#",
    "schema": "https://schema.org/",
}

DATATYPES = {
    "string": XSD + "string",
    "integer": XSD + "integer",
    "nonNegativeInteger": XSD + "nonNegativeInteger",
    "positiveInteger": XSD + "positiveInteger",
    "anyURI": XSD + "anyURI",
    "date": XSD + "date",
    "gYearMonth": XSD + "gYearMonth",
    "gYear": XSD + "gYear",
    "boolean": XSD + "boolean",
    "decimal": XSD + "decimal",
}
# Attributes whose value is an IRI rather than a literal.
IRI_ATTRIBUTES = {"seeAlso": RDFS + "seeAlso"}

_TYPE = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")
_ALT = NamedNode(SKOS + "altLabel")


def _lit(value: Value) -> Literal:
    return Literal(value.lexical, datatype=NamedNode(DATATYPES[value.datatype]))


def _nn_int(n: int) -> Literal:
    return Literal(str(n), datatype=NamedNode(XSD + "nonNegativeInteger"))


class _Emitter:
    """Collects triples and their evidence statements for one graph."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.out: list[Triple] = []
        self.seen: set[Triple] = set()

    def add(self, s: NamedNode, p: NamedNode, o, evidence: tuple[Evidence, ...] = ()) -> None:
        t = Triple(s, p, o)
        if t not in self.seen:
            self.seen.add(t)
            self.out.append(t)
        for ev in evidence:
            self._statement(t, ev)

    def _statement(self, t: Triple, ev: Evidence) -> None:
        key = "\x1f".join((str(t.subject), str(t.predicate), str(t.object), ev.doc, str(ev.start), str(ev.end)))
        st = NamedNode(f"{self.base}statement/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}")
        if st in self.seen:
            return
        self.seen.add(st)
        self.out.extend((
            Triple(st, _TYPE, NamedNode(RDF + "Statement")),
            Triple(st, NamedNode(RDF + "subject"), t.subject),
            Triple(st, NamedNode(RDF + "predicate"), t.predicate),
            Triple(st, NamedNode(RDF + "object"), t.object),
            Triple(st, NamedNode(PROV + "wasDerivedFrom"), NamedNode(f"{self.base}document/{ev.doc}")),
            Triple(st, NamedNode(MIGKG + "charStart"), _nn_int(ev.start)),
            Triple(st, NamedNode(MIGKG + "charEnd"), _nn_int(ev.end)),
            Triple(st, NamedNode(MIGKG + "quote"), Literal(ev.quote)),
        ))


def triples(kg: KnowledgeGraph) -> list[Triple]:
    """Every triple of the graph with its evidence, sorted (so outputs are byte-stable)."""
    base = kg.graph["base"]
    em = _Emitter(base)
    for doc in kg.graph["documents"]:
        d = NamedNode(f"{base}document/{doc.doc_id}")
        em.add(d, _TYPE, NamedNode(MIGKG + "Document"))
        em.add(d, _LABEL, Literal(doc.title))
        em.add(d, NamedNode(MIGKG + "sha256"), Literal(doc.sha256))
        em.add(d, NamedNode(DCTERMS + "identifier"), Literal(doc.doc_id))
    for node, data in kg.nodes(data=True):
        s = NamedNode(base + node)
        em.add(s, _TYPE, NamedNode(MIGKG + data["cls"]))
        em.add(s, _LABEL, Literal(data["label"]), data["label_evidence"][:1])
        for alt, ev in zip(data["alt_labels"], data["alt_evidence"]):
            em.add(s, _ALT, Literal(alt), (ev,))
        for prop, value, evidence in data["attributes"]:
            if prop in IRI_ATTRIBUTES:
                em.add(s, NamedNode(IRI_ATTRIBUTES[prop]), NamedNode(value.lexical), evidence)
            else:
                em.add(s, NamedNode(MIGKG + prop), _lit(value), evidence)
    for s, o, prop, evidence in kg.edges(keys=True, data="evidence"):
        em.add(NamedNode(base + s), NamedNode(MIGKG + prop), NamedNode(base + o), evidence)
    return sorted(em.out, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def prefixes(kg: KnowledgeGraph) -> dict[str, str]:
    # No prefix for the graph's own IRIs: their "/" would be escaped in Turtle local names.
    return dict(PREFIXES)


def write_turtle(kg: KnowledgeGraph, out: IO[bytes], ts: list[Triple] | None = None) -> None:
    serialize(ts if ts is not None else triples(kg), out, RdfFormat.TURTLE, prefixes=prefixes(kg))


def write_ntriples(kg: KnowledgeGraph, out: IO[bytes], ts: list[Triple] | None = None) -> None:
    serialize(ts if ts is not None else triples(kg), out, RdfFormat.N_TRIPLES)


# --- JSON-LD -------------------------------------------------------------------------------

def _context(kg: KnowledgeGraph) -> dict:
    """The ontology's JSON-LD context plus a prefix for the graph's own IRIs."""
    ctx: dict = {}
    try:
        from ontology import load_context

        ctx = dict(load_context().get("@context", {}))
    except (ImportError, FileNotFoundError, AttributeError):
        pass
    for p, iri in PREFIXES.items():
        ctx.setdefault(p, iri)
    ctx["kg"] = kg.graph["base"]
    return ctx


class _Compactor:
    """Compacts IRIs and values against a context of prefixes and terms."""

    def __init__(self, ctx: dict) -> None:
        self.prefixes = sorted(((iri, p) for p, iri in ctx.items()
                                if isinstance(iri, str) and iri.endswith(("/", "#"))),
                               key=lambda x: -len(x[0]))
        self.terms: dict[str, tuple[str, str | None, str | None]] = {}  # iri -> (term, @type, @container)
        for term, d in ctx.items():
            if term.startswith("@"):
                continue
            iri, typ, cont = (d, None, None) if isinstance(d, str) else (d.get("@id"), d.get("@type"), d.get("@container"))
            if iri and ":" in iri and not iri.endswith(("/", "#")):
                iri = self.expand(iri, ctx)
                if iri not in self.terms or len(term) < len(self.terms[iri][0]):
                    self.terms[iri] = (term, self.expand(typ, ctx) if typ and typ != "@id" else typ, cont)

    @staticmethod
    def expand(curie: str, ctx: dict) -> str:
        p, _, local = curie.partition(":")
        target = ctx.get(p)
        if isinstance(target, str) and not local.startswith("//"):
            return target + local
        return curie

    def iri(self, iri: str) -> str:
        for ns, p in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{p}:{iri[len(ns):]}"
        return iri

    def entry(self, pred: str, obj) -> tuple[str, object]:
        """(key, value) for one predicate/object pair, exact under the context's coercions."""
        term, typ, _ = self.terms.get(pred, (None, None, None))
        if isinstance(obj, NamedNode):
            if term and typ == "@id":
                return term, self.iri(obj.value)
            return (term if term and typ is None else self.iri(pred)), {"@id": self.iri(obj.value)}
        dt = obj.datatype.value
        if term and typ == dt:
            return term, obj.value
        if term and typ is None and dt == XSD + "string":
            return term, obj.value
        key = self.iri(pred) if (term is None or typ is not None) else term
        if dt == XSD + "string" and (term is None or typ is None):
            return key, obj.value
        return key, {"@value": obj.value, "@type": self.iri(dt)}


def write_jsonld(kg: KnowledgeGraph, out: IO[bytes], ts: list[Triple] | None = None) -> None:
    """Compact JSON-LD: one node object per subject, sorted, with the context inline."""
    ctx = _context(kg)
    c = _Compactor(ctx)
    nodes: dict[str, dict] = {}
    for t in ts if ts is not None else triples(kg):
        node = nodes.setdefault(t.subject.value, {"@id": c.iri(t.subject.value)})
        if t.predicate.value == RDF + "type" and isinstance(t.object, NamedNode):
            node.setdefault("@type", []).append(c.iri(t.object.value))
            continue
        key, value = c.entry(t.predicate.value, t.object)
        node.setdefault(key, []).append(value)
    graph = []
    for subject in sorted(nodes):
        node = nodes[subject]
        graph.append({k: (v[0] if isinstance(v, list) and len(v) == 1 and k != "@type" else v)
                      for k, v in node.items()})
    doc = {"@context": ctx, "@graph": graph}
    out.write(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8"))
    out.write(b"\n")


def iter_statements(ts: list[Triple]) -> Iterator[NamedNode]:
    """The evidence statement nodes among `ts` (for tests and reports)."""
    for t in ts:
        if t.predicate.value == RDF + "type" and t.object.value == RDF + "Statement":
            yield t.subject
