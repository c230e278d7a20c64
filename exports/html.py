"""The interactive network page (graph.html): pyvis data, our own offline template.

pyvis builds the vis-network node and edge records (we fill `net.nodes`/`net.edges`
directly: its `add_node` checks are quadratic) and bundles vis-network itself. Its
own template is not used: it loads Bootstrap and vis-network from CDNs even in
"in_line" mode, copies lib/ into the working directory, and inserts the heading
unescaped. The page here inlines vis-network, carries the graph as escaped JSON and
renders every string with textContent, so one file opens offline and a label can
never run script.

Usage::

    from exports.html import write_html
    write_html(kg, Path("out/graph.html"))
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx

from exports import pagekit
from exports.layout import label_font, layout, node_size, short_label

# The layout is computed in Python, so live physics is opt-in: the toggle is offered on
# graphs small enough for vis-network to simulate smoothly, and off by default.
PHYSICS_ALLOWED_MAX = 1500


def write_html(kg: nx.MultiDiGraph, path: Path, *, title: str | None = None,
               timeline_href: str | None = None) -> None:
    """Write the self-contained network page for `kg` to exactly `path` (nothing else is written).

    `timeline_href`, when given (e.g. "timeline.html" written beside it), adds a Timeline link.
    """
    Path(path).write_text(render_html(kg, title=title, timeline_href=timeline_href), encoding="utf-8")


def render_html(kg: nx.MultiDiGraph, *, title: str | None = None, timeline_href: str | None = None) -> str:
    """The page as a string."""
    net = build_network(kg)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    data = page_data(kg, nodes, edges, title or pagekit.graph_title(kg))
    data["options"] = json.loads(options)
    data["timeline"] = timeline_href
    vis_js, vis_css = pagekit.vis_network()
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(pagekit.asset("graph.html.j2"))
    return template.render(
        title=data["title"],
        data_json=pagekit.embed_json(data),
        vis_js=vis_js,
        vis_css=vis_css,
        app_js=pagekit.inline_code(pagekit.asset("graph.js"), "graph.js"),
        app_css=pagekit.inline_code(pagekit.asset("graph.css"), "graph.css"),
    )


def _pyvis_network() -> Any:
    """pyvis's Network class, imported without IPython.

    pyvis.network imports `IPython.display.IFrame` at the top, for notebooks only (its
    `show()` in a notebook); IPython and traitlets cost a build 0.1 s. While pyvis is first
    imported, a stand-in module answers for IPython.display (IFrame = None); it is taken
    out again at once, so a later `import IPython` gets the real one.
    """
    import sys
    import types

    if "pyvis.network" in sys.modules or "IPython.display" in sys.modules:
        from pyvis.network import Network

        return Network
    stand_in = types.ModuleType("IPython.display")
    stand_in.IFrame = None  # type: ignore[attr-defined]
    sys.modules["IPython.display"] = stand_in
    try:
        from pyvis.network import Network
    finally:
        if sys.modules.get("IPython.display") is stand_in:
            del sys.modules["IPython.display"]
    return Network


def build_network(kg: nx.MultiDiGraph) -> Any:
    """A pyvis Network holding vis-network records for every node and edge of `kg`."""
    Network = _pyvis_network()

    pos = layout(kg)
    n = kg.number_of_nodes()
    degree = dict(kg.degree())
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    net.nodes = [_node(nid, attrs, pos[nid], degree[nid], n) for nid, attrs in sorted(kg.nodes(data=True))]
    net.edges = _edges(kg)
    net.options = _options(n, kg.number_of_edges())
    return net


def _node(nid: str, attrs: dict[str, Any], xy: tuple[float, float], deg: int, n: int) -> dict[str, Any]:
    """A vis-network node record; shape, colour and tooltip are added by the page from `cls`."""
    return {
        "id": nid,
        "label": short_label(str(attrs.get("label") or nid)),
        "cls": attrs.get("cls", ""),
        "x": xy[0],
        "y": xy[1],
        "size": node_size(deg),
        "font": {"size": label_font(deg, n)},
        "deg": deg,
    }


def _edges(kg: nx.MultiDiGraph) -> list[dict[str, Any]]:
    out = []
    seen: Counter[tuple[str, str]] = Counter()
    for u, v, key, attrs in sorted(kg.edges(keys=True, data=True), key=lambda e: e[:3]):
        prop = attrs.get("prop", key)
        pair = (min(u, v), max(u, v))
        nth = seen[pair]
        seen[pair] += 1
        edge: dict[str, Any] = {"from": u, "to": v, "prop": prop}  # id, label, colour: set by the page
        if nth:  # parallel links between the same two nodes bend apart instead of overlapping
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                              "roundness": 0.18 * ((nth + 1) // 2)}
        out.append(edge)
    return out


def _options(n: int, m: int) -> dict[str, Any]:
    big = n > 2000
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": False,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -45, "centralGravity": 0.004,
                                 "springLength": 110, "springConstant": 0.05, "avoidOverlap": 0.3},
            "stabilization": {"enabled": False},
            "minVelocity": 1.0,
        },
        "interaction": {"hover": not big, "tooltipDelay": 200, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": n > 5000, "keyboard": False},
        "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3,
                  "font": {"face": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
                           "color": "#1d2733", "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 10}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
                  "smooth": False if m > 1500 else {"enabled": True, "type": "continuous", "roundness": 0.3},
                  "width": 1.1, "selectionWidth": 1.5, "hoverWidth": 0.6,
                  "color": {"inherit": False, "opacity": 0.75},
                  "font": {"size": 10, "color": "#4a5560", "strokeWidth": 3, "strokeColor": "#ffffff",
                           "align": "middle"},
                  "scaling": {"label": {"drawThreshold": 8}}},
    }


def page_data(kg: nx.MultiDiGraph, nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
              title: str) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-able data."""
    table = pagekit.EvidenceTable(kg)
    info: dict[str, Any] = {}
    for nid, attrs in kg.nodes(data=True):
        info[nid] = {  # the entity IRI is base + id: the page joins them
            "label": str(attrs.get("label") or nid),
            "alt": list(attrs.get("alt_labels", ())),
            "ev": table.rows(tuple(attrs.get("label_evidence", ())))[:3],
            "attrs": [[prop, value.lexical, value.datatype, table.rows(tuple(ev))]
                      for prop, value, ev in attrs.get("attributes", ())],
        }
    for edge in edges:
        attrs = kg.edges[edge["from"], edge["to"], edge["prop"]]
        edge["ev"] = table.rows(tuple(attrs.get("evidence", ())))
    classes = Counter(n["cls"] for n in nodes)
    relations = Counter(e["prop"] for e in edges)
    n = len(nodes)
    return {
        "title": title,
        "base": pagekit.entity_iri(kg, ""),
        "physics": False,
        "physicsAllowed": n <= PHYSICS_ALLOWED_MAX,
        "docs": table.docs,
        "quotes": table.quotes,
        "classes": [{"name": c, "count": k, **pagekit.class_style(c)}
                    for c, k in sorted(classes.items(), key=lambda x: (_group_rank(x[0]), -x[1], x[0]))],
        "relations": [{"name": r, "count": k, "color": pagekit.relation_color(r)}
                      for r, k in sorted(relations.items(), key=lambda x: (-x[1], x[0]))],
        "nodes": nodes,
        "edges": edges,
        "info": info,
    }


_GROUPS = ("Organization", "Person", "Place", "Event", "Commitment", "Document", "Other")


def _group_rank(cls: str) -> int:
    return _GROUPS.index(pagekit.class_style(cls)["group"])
