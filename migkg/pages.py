"""HTML pages for people: entity, type index, home, ontology, dataset, query.

Jinja2 with autoescape on: every value from the graph (labels, quotes, IRIs)
goes through HTML escaping, so a label like `<script>` shows as text. Only http(s)
IRIs and the site's own relative paths become links (never `javascript:` or
`data:`); text with bidirectional controls or right-to-left letters is isolated in
`<bdi>`, so a U+202E in a label cannot reverse the text around it. Links are
relative (`../../doc/organization/iom.html`) so the same pages work from the
server, from a static host under any path, and from a local folder.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from migkg import entityview, network
from migkg.describe import RDF, Description
from migkg.results import XSD_STRING, compact
from migkg.store import ONTOLOGY_NS, LoadedGraph

TEMPLATES = Path(__file__).parent / "templates"
EVIDENCE_LINKS = (RDF + "subject", RDF + "object")
WAS_DERIVED_FROM = "http://www.w3.org/ns/prov#wasDerivedFrom"

# description file extensions -> (media type, name shown)
DESCRIPTION_FORMATS: dict[str, tuple[str, str]] = {
    "html": ("text/html", "HTML"),
    "ttl": ("text/turtle", "Turtle"),
    "jsonld": ("application/ld+json", "JSON-LD"),
    "nt": ("application/n-triples", "N-Triples"),
}


# What static pages may load: nothing but their own inline styles (the pages run no script).
# The server sends the same policy as a header, with frame-ancestors, which a meta tag cannot carry.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'"
LINK_SCHEMES = ("http://", "https://")
# Explicit bidirectional formatting characters (embeddings, overrides, isolates, marks).
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NEEDS_ISOLATION = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def linkable(iri: str) -> bool:
    """An IRI a page may turn into a link: http(s) only (no javascript:, data:, file: …)."""
    return iri[:8].lower().startswith(LINK_SCHEMES)


def isolate(text: Any) -> Any:
    """Escaped text, in <bdi> when it holds bidi controls or right-to-left letters."""
    from markupsafe import Markup, escape

    text = "" if text is None else str(text)
    if _NEEDS_ISOLATION.search(text):
        return Markup("<bdi>") + escape(text) + Markup("</bdi>")
    return escape(text)


def without_bidi(text: Any) -> str:
    """Text for places that cannot hold markup (the window title): bidi controls dropped."""
    return _BIDI_CONTROLS.sub("", "" if text is None else str(text))


@lru_cache(maxsize=1)
def environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=False,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["bdi"] = isolate
    env.filters["plain"] = without_bidi
    env.globals["csp"] = CSP
    return env


@dataclass(frozen=True)
class View:
    kind: str  # iri | literal | bnode
    text: str
    href: str = ""
    iri: str = ""
    note: str = ""


class Linker:
    """Turns RDF terms into link text and relative hrefs for a page at some depth."""

    def __init__(self, graph: LoadedGraph, root: str, labels: dict[str, str] | None = None):
        self.base = graph.base_iri
        self.prefixes = graph.prefixes
        self.root = root
        self.labels = labels or {}

    def doc_path(self, iri: str, ext: str = "html") -> str | None:
        """Site path of the description of an IRI under the base, e.g. doc/country/PHL.html."""
        if not iri.startswith(self.base) or len(iri) == len(self.base):
            return None
        rest = iri[len(self.base):]
        return f"doc/{quote(rest, safe='/-._~')}.{ext}"

    def href(self, term: Any) -> str:
        if type(term).__name__ != "NamedNode":
            return ""
        iri = term.value
        path = self.doc_path(iri)
        if path is not None:
            return self.root + path
        if iri.startswith(ONTOLOGY_NS):
            return f"{self.root}ontology.html#{quote(iri[len(ONTOLOGY_NS):], safe='')}"
        return iri if linkable(iri) else ""  # shown as text, not a link

    def view(self, term: Any) -> View:
        kind = type(term).__name__
        if kind == "NamedNode":
            iri = term.value
            text = self.labels.get(iri) or compact(iri, self.prefixes, extra="/")
            if text.startswith("<") and text.endswith(">"):
                text = iri
            return View("iri", text, self.href(term), iri)
        if kind == "Literal":
            note = term.language or ("" if term.datatype.value == XSD_STRING
                                     else compact(term.datatype.value, self.prefixes))
            return View("literal", term.value, note=note)
        return View("bnode", str(term))


def root_for(path: str) -> str:
    """Relative prefix from a page at site path `path` back to the site root."""
    return "../" * path.count("/")


def _grouped(pairs: list[tuple[Any, Any]], key_first: bool = True) -> list[tuple[Any, list[Any]]]:
    groups: dict[str, tuple[Any, list[Any]]] = {}
    for a, b in pairs:
        key, value = (a, b) if key_first else (b, a)
        groups.setdefault(key.value, (key, []))[1].append(value)
    return list(groups.values())


def entity_page(graph: LoadedGraph, d: Description, live: bool = False) -> str:
    linker = Linker(graph, "", {**d.labels, **entityview.vocabulary_labels(graph, entityview.labelled_terms(d))})
    path = linker.doc_path(d.iri) or "doc/x.html"
    root = root_for(path)
    linker.root = root
    stem = path.rsplit("/", 1)[-1][: -len(".html")]
    alternates = [
        {"type": DESCRIPTION_FORMATS[ext][0], "href": f"{stem}.{ext}", "name": DESCRIPTION_FORMATS[ext][1]}
        for ext in ("ttl", "jsonld", "nt")
    ]
    # Evidence statements point at their source document by the hundred: count them, don't list them.
    statement_ns = graph.base_iri + "statement/"
    quoting = [s for s, p in d.inverse if p.value == WAS_DERIVED_FROM and s.value.startswith(statement_ns)]
    inverse = [(s, p) for s, p in d.inverse
               if p.value not in EVIDENCE_LINKS and not (p.value == WAS_DERIVED_FROM and s.value.startswith(statement_ns))]

    def shown(term: Any) -> str:
        return linker.view(term).text

    entity_path = d.iri[len(graph.base_iri):] if d.iri.startswith(graph.base_iri) else ""
    drawn = entity_path in network.node_ids(graph.directory)
    paragraphs = entityview.paragraphs(graph, d.properties)
    props = [(p, vs) for p, vs in _grouped(d.properties) if not (paragraphs and p.value == entityview.HAS_PROVISION)]
    return environment().get_template("entity.html").render(
        title=d.label or compact(d.iri, graph.prefixes, extra="/"),
        d=d, link=linker, root=root, live=live, alternates=alternates,
        props=entityview.sorted_groups(props, shown),
        inverse=entityview.sorted_groups(_grouped(inverse, key_first=False), shown),
        quoting=len(quoting), paragraphs=paragraphs,
        evidence=entityview.evidence_groups(d.evidence, shown),
        node_href=network.node_href(root, entity_path) if drawn else None,
        network_pages=network.available(graph.directory),
    )


def index_page(graph: LoadedGraph, types: list[tuple[Any, int]], documents: list[tuple[Any, str]],
               entities: int, dumps: list[str], live: bool = False) -> str:
    linker = Linker(graph, "")
    rows = [(f"type/{type_slug(t.value, graph)}.html", class_name(graph, t, linker), n) for t, n in types]
    docs = [(linker.href(iri), label) for iri, label in documents]
    return environment().get_template("index.html").render(
        title="Migration knowledge graph", root="", live=live, alternates=[],
        network_pages=network.available(graph.directory),
        triples=graph.triples, entities=entities, documents=docs, base=graph.base_iri,
        types=rows, dumps=[(f"download/{n}", n) for n in dumps],
    )


def class_name(graph: LoadedGraph, type_iri: Any, linker: Linker) -> str:
    """"Academic institution (migkg:AcademicInstitution)": the ontology's label, then the term."""
    from migkg.describe import label_of

    term = linker.view(type_iri).text
    label = label_of(graph.ontology, type_iri) if graph.ontology is not None else None
    return f"{label} ({term})" if label and label != term else term


def type_slug(iri: str, graph: LoadedGraph) -> str:
    """File-safe name for a class page: the compact name with ':' -> '_' (migkg_Person)."""
    text = compact(iri, graph.prefixes)
    if text.startswith("<"):
        text = iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)


def type_page(graph: LoadedGraph, type_iri: Any, members: list[tuple[Any, str | None]],
              more: bool, live: bool = False) -> str:
    linker = Linker(graph, "../")
    rows = [(linker.href(m), label or compact(m.value, graph.prefixes, extra="/"), m.value)
            for m, label in members]
    return environment().get_template("type.html").render(
        title=class_name(graph, type_iri, linker), type_iri=type_iri.value, members=rows, more=more,
        root="../", live=live, alternates=[],
    )


def ontology_page(graph: LoadedGraph, title: str, iri: str,
                  sections: list[tuple[str, list[dict]]], live: bool = False) -> str:
    return environment().get_template("ontology.html").render(
        title=title, iri=iri, sections=sections, link=Linker(graph, ""), root="", live=live,
        alternates=[{"type": "text/turtle", "href": "ontology.ttl"},
                    {"type": "application/ld+json", "href": "ontology.jsonld"}],
    )


def dataset_page(graph: LoadedGraph, triples: list[Any], live: bool = False) -> str:
    by_subject: dict[str, tuple[Any, list[tuple[Any, Any]]]] = {}
    for t in triples:
        by_subject.setdefault(str(t.subject), (t.subject, []))[1].append((t.predicate, t.object))
    nodes = [(s, _grouped(pairs)) for s, pairs in by_subject.values()]
    return environment().get_template("dataset.html").render(
        title="Dataset description", nodes=nodes, link=Linker(graph, ""), root="", live=live,
        alternates=[{"type": "text/turtle", "href": "void.ttl"},
                    {"type": "application/ld+json", "href": "void.jsonld"}],
    )


def query_page(graph: LoadedGraph, query: str, result: Any, error: str | None,
               time_limit: float, result_limit: int, examples: list[tuple[str, str]]) -> str:
    from urllib.parse import urlencode

    downloads = []
    labels: dict[str, str] = {}
    if result is not None:
        fmts = ("turtle", "jsonld", "ntriples") if result.kind == "graph" else ("json", "csv", "tsv", "xml")
        downloads = [(f"sparql?{urlencode({'query': query, 'format': f})}", f) for f in fmts]
        labels = result_labels(graph, result)
    return environment().get_template("query.html").render(
        title="SPARQL query", query=query, result=result, error=error, link=Linker(graph, "", labels),
        root="", live=True, alternates=[], time_limit=f"{time_limit:g}", result_limit=result_limit,
        prefix_names=", ".join(sorted(graph.prefixes)), downloads=downloads, examples=examples,
    )


def result_labels(graph: LoadedGraph, result: Any, cap: int = 5000) -> dict[str, str]:
    """Labels of the entities in a result, so the table reads as names (IRIs stay in the title)."""
    from migkg.describe import label_of

    terms = []
    if result.kind == "select":
        terms = [t for row in result.rows for t in row]
    elif result.kind == "graph":
        terms = [t for tr in result.triples for t in (tr.subject, tr.object)]
    labels: dict[str, str] = {}
    for term in terms:
        if len(labels) >= cap:
            break
        if type(term).__name__ == "NamedNode" and term.value.startswith(graph.base_iri) and term.value not in labels:
            label = label_of(graph.store, term)
            if label is not None:
                labels[term.value] = label
    return labels


def error_page(title: str, message: str, root: str = "/") -> str:
    return environment().get_template("error.html").render(
        title=title, message=message, root=root, live=True, alternates=[],
    )
