"""Build the KnowledgeGraph (a networkx MultiDiGraph) from resolved entities and edges.

Node id = entity path ("organization/…"); node attributes cls, label, alt_labels,
label_evidence, alt_evidence, attributes. Edge key = property local name, with
`prop` and `evidence`. `G.graph` carries the source documents and the base IRI.
"""
from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from graph.model import Document
from graph.refs import DEFAULT_BASE
from graph.resolve import Resolved

KnowledgeGraph = nx.MultiDiGraph


def build(resolved: Resolved, documents: Sequence[Document], base: str = DEFAULT_BASE) -> KnowledgeGraph:
    """Typed nodes and evidenced edges, in a deterministic insertion order."""
    g = nx.MultiDiGraph(base=normalize_base(base), documents=tuple(sorted(documents, key=lambda d: d.doc_id)))
    for e in resolved.entities:
        g.add_node(e.id, cls=e.cls, label=e.label, alt_labels=e.alt_labels, label_evidence=e.label_evidence,
                   alt_evidence=e.alt_evidence, attributes=e.attributes)
    for edge in resolved.edges:
        g.add_edge(edge.subject, edge.object, key=edge.prop, prop=edge.prop, evidence=edge.evidence)
    return g


def normalize_base(base: str) -> str:
    """Base IRIs end with "/" or "#" so that base + path is an IRI."""
    base = base.strip()
    if not base.startswith(("http://", "https://", "urn:")):
        from graph.errors import MigkgError

        raise MigkgError(f"base IRI must start with http://, https:// or urn: (got {base!r})")
    return base if base.endswith(("/", "#")) else base + "/"


def counts(g: KnowledgeGraph) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per class and edges per property, for the build summary."""
    nodes: dict[str, int] = {}
    for _, cls in g.nodes(data="cls"):
        nodes[cls] = nodes.get(cls, 0) + 1
    edges: dict[str, int] = {}
    for _, _, prop in g.edges(keys=True):
        edges[prop] = edges.get(prop, 0) + 1
    return dict(sorted(nodes.items())), dict(sorted(edges.items()))
