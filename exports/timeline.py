"""The timeline page (timeline.html): dated events and resolutions on a time axis.

Rows are event series (an event that is `partOf` an EventSeries sits in that
series' row) and, for the rest, one row per class. Each item links to its node in
the network page (`graph.html#node=<id>`). Self-contained and escaped like the
network page: data as JSON, text rendered with textContent, no network request.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import networkx as nx

from exports import pagekit

DATE_PROPS = ("startDate", "dateAdopted", "endDate")


def write_timeline(kg: nx.MultiDiGraph, path: Path, *, graph_href: str = "graph.html",
                   title: str | None = None) -> None:
    """Write the timeline page for `kg` to exactly `path`; items link to `graph_href`."""
    Path(path).write_text(render_timeline(kg, graph_href=graph_href, title=title), encoding="utf-8")


def render_timeline(kg: nx.MultiDiGraph, *, graph_href: str = "graph.html", title: str | None = None) -> str:
    data = timeline_data(kg, graph_href, title or pagekit.graph_title(kg))
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(pagekit.asset("timeline.html.j2")).render(
        title=data["title"],
        data_json=pagekit.embed_json(data),
        app_js=pagekit.inline_code(pagekit.asset("timeline.js"), "timeline.js"),
        app_css=pagekit.inline_code(pagekit.asset("timeline.css"), "timeline.css"),
    )


def timeline_data(kg: nx.MultiDiGraph, graph_href: str, title: str) -> dict[str, Any]:
    """Dated items with their row, as plain JSON-able data."""
    series_of: dict[str, str] = {}
    for u, v, attrs in kg.edges(data=True):
        if attrs.get("prop") == "partOf" and kg.nodes[v].get("cls") == "EventSeries":
            series_of.setdefault(u, v)
    items = []
    for nid, attrs in sorted(kg.nodes(data=True)):
        dates = _dates(attrs.get("attributes", ()))
        start = dates.get("startDate") or dates.get("dateAdopted")
        if not start:
            continue
        cls = attrs.get("cls", "")
        series = series_of.get(nid)
        items.append({
            "id": nid,
            "label": str(attrs.get("label") or nid),
            "cls": cls,
            "start": start,
            "end": dates.get("endDate"),
            "row": kg.nodes[series]["label"] if series else cls,
            "series": bool(series),
            "color": pagekit.class_style(cls)["color"],
        })
    return {"title": title, "graph": graph_href, "base": pagekit.entity_iri(kg, ""), "items": items}


def _dates(attributes: Any) -> dict[str, tuple[str, str]]:
    """First value of each date property, as (lexical, datatype); earliest lexical wins."""
    out: dict[str, tuple[str, str]] = {}
    for prop, value, _ev in attributes:
        if prop in DATE_PROPS and value.datatype in ("date", "gYearMonth", "gYear"):
            if prop not in out or value.lexical < out[prop][0]:
                out[prop] = (value.lexical, value.datatype)
    return out
