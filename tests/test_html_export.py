"""The network page as a file: self-contained, escaped, complete, written only where asked."""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from exports.html import render_html, write_html
from exports.layout import layout
from exports.pagekit import embed_json, inline_code
from tests.kgfactory import XSS_LABELS, small_kg, synthetic_kg, xss_kg


def page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="migkg-data">(.*?)</script>', page, re.S)
    assert m, "data block missing"
    return json.loads(m.group(1))


def test_page_loads_nothing_from_the_network() -> None:
    page = render_html(small_kg())
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)\s*=", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap" not in page.lower()


def test_write_html_writes_exactly_the_given_path_and_nothing_in_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = tmp_path / "cwd"
    out = tmp_path / "out"
    cwd.mkdir()
    out.mkdir()
    monkeypatch.chdir(cwd)
    write_html(small_kg(), out / "graph.html")
    assert list(cwd.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ["graph.html"]


def test_hostile_labels_cannot_end_the_data_block_and_round_trip_exactly() -> None:
    kg = xss_kg()
    page = render_html(kg)
    # Only our own three scripts close: the data block, vis-network and the page script.
    assert page.count("</script>") == 3
    data = page_data(page)
    labels = {v["label"] for v in data["info"].values()}
    assert set(XSS_LABELS) <= labels
    quotes = set(data["quotes"])
    assert "<script>window.__xss='quote-script'</script>" in quotes
    assert "<img" not in page.split('id="migkg-data">', 1)[1].split("</script>", 1)[0]


def test_page_title_is_escaped() -> None:
    page = render_html(xss_kg())
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<img" not in title and "&lt;img" in title


def test_every_node_and_edge_reaches_the_page_with_its_evidence() -> None:
    kg = small_kg()
    data = page_data(render_html(kg))
    assert {n["id"] for n in data["nodes"]} == set(kg.nodes)
    assert len(data["edges"]) == kg.number_of_edges()
    doc = kg.graph["documents"][0]
    for edge in data["edges"]:
        assert edge["ev"], edge
        for d, start, end, q in edge["ev"]:
            assert data["docs"][d]["id"] == doc.doc_id
            assert doc.text[start:end] == data["quotes"][q]
    iom = data["info"]["organization/international-organization-for-migration"]
    assert iom["alt"] == ["IOM"]
    assert ["acronym", "IOM", "string"] == iom["attrs"][0][:3]


def test_legend_counts_each_class_and_relation() -> None:
    kg = small_kg()
    data = page_data(render_html(kg))
    classes = {c["name"]: c["count"] for c in data["classes"]}
    assert classes["Meeting"] == 2 and classes["Country"] == 2 and sum(classes.values()) == len(kg)
    relations = {r["name"]: r["count"] for r in data["relations"]}
    assert relations["attended"] == 2 and sum(relations.values()) == kg.number_of_edges()
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c["color"]) for c in data["classes"])


def test_physics_is_off_and_the_toggle_withdrawn_on_large_graphs() -> None:
    data = page_data(render_html(synthetic_kg(2000)))
    assert data["options"]["physics"]["enabled"] is False
    assert data["physicsAllowed"] is False
    assert data["options"]["layout"]["improvedLayout"] is False
    assert page_data(render_html(small_kg()))["physicsAllowed"] is True


def test_layout_places_every_node_at_a_distinct_finite_point_deterministically() -> None:
    kg = synthetic_kg(600)
    pos = layout(kg)
    assert set(pos) == set(kg.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert len(set(pos.values())) == len(pos)
    assert layout(kg) == pos


def test_the_same_graph_gives_a_byte_identical_page() -> None:
    assert render_html(small_kg()) == render_html(small_kg())


def test_embed_json_escapes_every_angle_bracket() -> None:
    text = embed_json({"a": "</script><!--<script>"})
    assert "<" not in text
    assert json.loads(text) == {"a": "</script><!--<script>"}


def test_inline_code_refuses_code_that_would_close_its_element() -> None:
    with pytest.raises(ValueError):
        inline_code('var s = "</script>";', "x.js")
    assert inline_code("var s = 1;", "x.js") == "var s = 1;"


def test_an_empty_graph_still_gives_a_page() -> None:
    import networkx as nx

    kg = nx.MultiDiGraph(documents=(), base="https://example.org/id/")
    data = page_data(render_html(kg))
    assert data["nodes"] == [] and data["edges"] == []


def test_layout_still_places_every_node_without_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "numpy", None)  # makes `import numpy` raise ImportError
    kg = synthetic_kg(300)
    pos = layout(kg)
    assert set(pos) == set(kg.nodes) and len(set(pos.values())) == len(pos)


def test_timeline_link_is_offered_only_when_asked_for() -> None:
    assert page_data(render_html(small_kg()))["timeline"] is None
    assert page_data(render_html(small_kg(), timeline_href="timeline.html"))["timeline"] == "timeline.html"


def test_the_page_is_byte_identical_whatever_the_hash_seed() -> None:
    import os
    import subprocess
    import sys

    # many unlinked nodes make the components small parts of the graph, the case where
    # networkx iterates subgraphs in (per-process) set order
    code = ("import hashlib; from exports.html import render_html; from tests.kgfactory import synthetic_kg\n"
            "kg = synthetic_kg(300)\n"
            "for i in range(400): kg.add_node(f'country/X{i:03d}', cls='Country', label=f'X{i}', alt_labels=(), "
            "label_evidence=(), attributes=())\n"
            "print(hashlib.sha256(render_html(kg).encode()).hexdigest())")
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_names_of_a_small_graph_do_not_overlap() -> None:
    from exports.layout import label_font, node_size, short_label

    kg = small_kg()
    pos = layout(kg)
    boxes = []
    for v, (x, y) in pos.items():
        deg = kg.degree(v)
        size, font = node_size(deg), label_font(deg, len(kg))
        half = max(size, 0.29 * font * len(short_label(kg.nodes[v]["label"])))
        boxes.append((x - half, y - size, x + half, y + size + 1.3 * font))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_large_layout_keeps_links_short_and_nodes_apart() -> None:
    """The grid + FFT force path (cores of 400 nodes and more): linked nodes sit far closer
    than random pairs, few nodes touch, and the same graph gives the same positions."""
    import numpy as np

    import exports.layout as lay

    kg = synthetic_kg(3000)
    used = []
    original = lay._grid_fr
    try:
        lay._grid_fr = lambda g, *a, **k: used.append(len(g)) or original(g, *a, **k)
        pos = layout(kg)
    finally:
        lay._grid_fr = original
    assert used and max(used) >= lay.SMALL_CORE
    nodes = sorted(kg.nodes)
    xy = np.array([pos[n] for n in nodes])
    at = {n: i for i, n in enumerate(nodes)}
    links = np.median([math.dist(xy[at[u]], xy[at[v]]) for u, v in kg.edges() if u != v])
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, len(xy), 4000), rng.integers(0, len(xy), 4000)
    assert links < 0.45 * np.median(np.hypot(*(xy[a] - xy[b]).T))
    d = ((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2)
    np.fill_diagonal(d, np.inf)
    assert np.mean(np.sqrt(d.min(axis=1)) < 15) < 0.15
    assert layout(kg) == pos
