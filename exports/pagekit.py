"""What the self-contained HTML pages share: safe embedding, inlined assets, evidence tables.

Safety rules every page follows: data travels as JSON inside
`<script type="application/json">` with every `<` written as `\\u003c` (so no
`</script>` or `<!--` in a label can end the block), scripts render text with
`textContent` only, and inlined code is checked for sequences that would end its
`<script>` element. Nothing refers to a network resource.
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from graph.model import Evidence

VIS_VERSION = "9.1.2"
_SCRIPT_BREAKERS = re.compile(r"</script|<!--", re.I)  # what ends a script element early


def embed_json(data: Any) -> str:
    """JSON safe to place inside a `<script type="application/json">` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def inline_code(code: str, name: str) -> str:
    """Code to put between `<script>`/`<style>` tags; refuses code that would close the element."""
    if _SCRIPT_BREAKERS.search(code) or re.search(r"</style", code, re.I):
        raise ValueError(f"{name} contains a sequence that would end its inline element")
    return code


@cache
def asset(name: str) -> str:
    """Text of a file in exports/assets/."""
    return resources.files("exports").joinpath("assets", name).read_text(encoding="utf-8")


@cache
def palette() -> dict[str, Any]:
    return json.loads(asset("palette.json"))


@cache
def vis_network() -> tuple[str, str]:
    """(js, css) of the vis-network build that pyvis bundles, to inline in the page."""
    lib = resources.files("pyvis").joinpath("templates", "lib", f"vis-{VIS_VERSION}")
    js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
    return inline_code(js, "vis-network.min.js"), inline_code(css, "vis-network.css")


def class_style(cls: str) -> dict[str, str]:
    p = palette()
    return p["classes"].get(cls, p["fallback"])


def relation_color(prop: str) -> str:
    p = palette()
    return p["relations"].get(prop, p["relation_fallback"])


class EvidenceTable:
    """Interns documents and quotes so that a sentence cited by fifty edges is stored once."""

    def __init__(self, kg: nx.MultiDiGraph) -> None:
        self.docs: list[dict[str, str]] = []
        self._doc_index: dict[str, int] = {}
        for doc in kg.graph.get("documents", ()):
            self._doc_index[doc.doc_id] = len(self.docs)
            self.docs.append({"id": doc.doc_id, "title": doc.title})
        self.quotes: list[str] = []
        self._quote_index: dict[str, int] = {}

    def row(self, ev: Evidence) -> list[int]:
        """[document index, start, end, quote index] for one Evidence."""
        if ev.doc not in self._doc_index:
            self._doc_index[ev.doc] = len(self.docs)
            self.docs.append({"id": ev.doc, "title": ev.doc})
        q = self._quote_index.get(ev.quote)
        if q is None:
            q = self._quote_index[ev.quote] = len(self.quotes)
            self.quotes.append(ev.quote)
        return [self._doc_index[ev.doc], ev.start, ev.end, q]

    def rows(self, evidence: tuple[Evidence, ...]) -> list[list[int]]:
        return [self.row(ev) for ev in sorted(evidence)]


def graph_title(kg: nx.MultiDiGraph) -> str:
    """A page title from the source documents: one title, or how many documents."""
    docs = kg.graph.get("documents", ())
    if len(docs) == 1:
        return docs[0].title or docs[0].doc_id
    return f"{len(docs)} documents" if docs else "Knowledge graph"


def entity_iri(kg: nx.MultiDiGraph, node: str) -> str:
    base = str(kg.graph.get("base", ""))
    if base and not base.endswith(("/", "#")):
        base += "/"
    return base + node
