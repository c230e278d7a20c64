"""What an entity page shows beyond the raw description: names for terms, order, folding.

`migkg.describe` gathers the triples about one IRI; this module arranges them for
people. Properties and classes are shown by their ontology label ("organized",
"has provision"), the IRI on hover; values sort in natural order, so a resolution's
paragraphs read 1, 2 … 10, 11 rather than 1, 10, 11 … 2; the paragraphs of a
resolution are listed with their verb, addressees and wording; evidence folds per
property with a count, because a hub such as IOM has a hundred evidence blocks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from migkg.describe import MIGKG, RDF_TYPE, Quote, first, label_of
from migkg.store import LoadedGraph

RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
# Standard terms the ontology uses without redefining them.
STANDARD_LABELS: dict[str, str] = {
    RDFS + "label": "label",
    RDFS + "comment": "comment",
    RDFS + "seeAlso": "see also",
    SKOS + "altLabel": "also called",
    SKOS + "prefLabel": "preferred label",
    SKOS + "exactMatch": "same as (in another vocabulary)",
    SKOS + "closeMatch": "close match",
    "http://www.w3.org/2002/07/owl#sameAs": "same as",
    RDF_TYPE: "type",
    "http://purl.org/dc/terms/title": "title",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "derived from",
}
HAS_PROVISION = MIGKG + "hasProvision"
_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key that orders digit runs by number: 'para-2' < 'para-10'."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in _DIGITS.split(text))


def vocabulary_labels(graph: LoadedGraph, terms: list[Any]) -> dict[str, str]:
    """Labels of properties and classes: the ontology's rdfs:label, else a standard name."""
    labels: dict[str, str] = {}
    for term in terms:
        if term is None or type(term).__name__ != "NamedNode" or term.value in labels:
            continue
        label = label_of(graph.ontology, term) if graph.ontology is not None else None
        label = label or STANDARD_LABELS.get(term.value)
        if label:
            labels[term.value] = label
    return labels


def sorted_groups(groups: list[tuple[Any, list[Any]]], text_of: Any) -> list[tuple[Any, list[Any]]]:
    """Groups by property label, values in natural order of their shown text (IRI as tie-break)."""
    ordered = [(key, sorted(values, key=lambda t: (natural_key(text_of(t)), str(t)))) for key, values in groups]
    return sorted(ordered, key=lambda kv: (natural_key(text_of(kv[0])), kv[0].value))


@dataclass(frozen=True)
class Paragraph:
    """One operative paragraph of a resolution, as its page lists it."""

    term: Any
    number: int | None
    verb: str
    text: str
    addressees: list[Any] = field(default_factory=list)


def paragraphs(graph: LoadedGraph, properties: list[tuple[Any, Any]]) -> list[Paragraph]:
    """The resolution's provisions in number order, with verb, addressees and wording."""
    import pyoxigraph as ox

    store = graph.store
    found = []
    for predicate, para in properties:
        if predicate.value != HAS_PROVISION or type(para).__name__ != "NamedNode":
            continue
        number = first(store, para, MIGKG + "provisionNumber")
        verb = first(store, para, MIGKG + "operativeVerb")
        wording = first(store, para, MIGKG + "text")
        addressees = sorted((q.object for q in store.quads_for_pattern(para, ox.NamedNode(MIGKG + "addressedTo"), None)),
                            key=str)
        try:
            n = int(number.value) if number is not None else None
        except ValueError:
            n = None
        found.append(Paragraph(para, n, verb.value if verb is not None else "",
                               wording.value if wording is not None else "", addressees))
    return sorted(found, key=lambda p: (p.number is None, p.number or 0, natural_key(p.term.value)))


def evidence_groups(evidence: list[Quote], text_of: Any) -> list[tuple[Any, list[Quote]]]:
    """Evidence per property (by label), each group in the order of the source text."""
    groups: dict[str, tuple[Any, list[Quote]]] = {}
    for q in evidence:
        key = q.predicate.value if q.predicate is not None else ""
        groups.setdefault(key, (q.predicate, []))[1].append(q)
    ordered = sorted(groups.values(), key=lambda g: natural_key(text_of(g[0]) if g[0] is not None else ""))
    return [(p, sorted(qs, key=lambda q: (str(q.source), q.start or 0, str(q.statement)))) for p, qs in ordered]


def labelled_terms(d: Any) -> list[Any]:
    """Properties and classes on a description, whose vocabulary labels the page needs."""
    return ([p for p, _ in d.properties] + [p for _, p in d.inverse] + list(d.types)
            + [q.predicate for q in d.evidence])
