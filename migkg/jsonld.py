"""Compact JSON-LD for small graphs (entity descriptions, CONSTRUCT results).

pyoxigraph writes expanded JSON-LD; rdflib compacts but is slow on big graphs.
Entity descriptions are small and always shaped the same, so we write the compact
form directly: a context made of the prefixes in use, one node object per subject,
every value in the explicit `@id` / `@value` form (no context-dependent coercion,
so any JSON-LD 1.1 processor reads back exactly the same triples).
"""
from __future__ import annotations

from migkg.results import XSD_STRING, term_kind, used_prefixes

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _name(iri: str, prefixes: dict[str, str]) -> str:
    best = ""
    for p, ns in prefixes.items():
        if iri.startswith(ns) and len(ns) > len(prefixes.get(best, "")) and len(iri) > len(ns):
            best = p
    return f"{best}:{iri[len(prefixes[best]):]}" if best else iri


def _node_id(term: object) -> str:
    if term_kind(term) == "BlankNode":
        return f"_:{term.value}"  # type: ignore[attr-defined]
    return term.value  # type: ignore[attr-defined]


def _value(term: object, prefixes: dict[str, str]) -> dict[str, str]:
    kind = term_kind(term)
    if kind in ("NamedNode", "BlankNode"):
        return {"@id": _node_id(term)}
    if kind == "Literal":
        out = {"@value": term.value}  # type: ignore[attr-defined]
        if term.language:  # type: ignore[attr-defined]
            out["@language"] = term.language  # type: ignore[attr-defined]
        elif term.datatype.value != XSD_STRING:  # type: ignore[attr-defined]
            out["@type"] = _name(term.datatype.value, prefixes)  # type: ignore[attr-defined]
        return out
    return {"@value": str(term)}


def to_jsonld(triples: list, prefixes: dict[str, str]) -> dict:
    """A compact JSON-LD document `{"@context": …, "@graph": […]}` for the triples."""
    used = used_prefixes(triples, prefixes)
    nodes: dict[str, dict] = {}
    for t in triples:
        sid = _node_id(t.subject)
        node = nodes.setdefault(sid, {"@id": sid})
        if t.predicate.value == RDF_TYPE and term_kind(t.object) == "NamedNode":
            node.setdefault("@type", []).append(_name(t.object.value, used))
            continue
        node.setdefault(_name(t.predicate.value, used), []).append(_value(t.object, used))
    graph = [nodes[k] for k in sorted(nodes)]
    return {"@context": dict(sorted(used.items())), "@graph": graph}
