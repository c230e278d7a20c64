"""Node positions for the network page, computed once in Python so the browser never simulates.

Why not vis-network physics: its stabilization takes minutes above a thousand nodes.
Why not only `networkx.spring_layout`: above 500 nodes it needs scipy and runs a Python
loop per node per iteration (tens of seconds at 5k). So: each connected component is laid
out on its own, degree-1 nodes are peeled off and set in a ring around their one neighbour
(knowledge graphs are full of such leaves: provisions, people, cities), the remaining core
uses `spring_layout` when small and a Fruchterman-Reingold in numpy when large (exact
repulsion between nodes in neighbouring grid cells, the rest through an FFT convolution of
a mass grid, as particle-mesh codes do: 10k nodes in about a second), and the components are
packed in rows. Seeded, so the same graph gives the same picture.
"""
from __future__ import annotations

import math

import networkx as nx

Pos = dict[str, tuple[float, float]]
LABEL_MAX = 48  # longer names are shortened on the canvas (the page's panel shows them whole)
DECLUTTER_MAX = 800  # components up to this size get their names pushed apart (cost grows as n²)

EDGE_LENGTH = 120.0  # target distance between linked core nodes, in page pixels
MIN_GAP = 55.0  # median distance from a core node to its nearest neighbour, in pixels
SMALL_CORE = 400  # below this, networkx's dense spring layout


def node_size(deg: int) -> float:
    """Radius of a node on the page, in pixels at zoom 1: grows with the number of links."""
    return min(round(9 + 4.2 * math.sqrt(deg), 1), 48.0) if deg else 8.0


def label_font(deg: int, n: int) -> int:
    """Font size of a node's name: hubs larger; on small graphs every name is readable."""
    if deg <= 2:
        return 14 if n <= 200 else 12
    return min(round(11 + 2.6 * math.sqrt(deg)), 32)


def short_label(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1].rstrip() + "…"


def layout(graph: nx.Graph, edge_length: float | None = None) -> Pos:
    """Positions (pixels, y down) for every node of `graph`, directed or not, multi or not."""
    if edge_length is None:
        # Small graphs are seen close up, where names are wide: give them longer links.
        edge_length = EDGE_LENGTH * min(2.0, max(1.0, 2.0 - len(graph) / 150))
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    comps = sorted((sorted(c) for c in nx.connected_components(simple) if len(c) > 1),
                   key=lambda c: (-len(c), c[0]))
    boxes = []
    for c in comps:
        pos = _widen(_component(_induced(simple, c), edge_length))
        if len(c) <= DECLUTTER_MAX and _have_numpy():
            pos = _declutter(pos, graph)
        boxes.append(_normalise(pos))
    # Unlinked nodes go in one tidy block below, grouped by class, instead of a shelf each.
    alone = sorted((n for n in simple if simple.degree(n) == 0),
                   key=lambda n: (str(graph.nodes[n].get("cls", "")), str(graph.nodes[n].get("label", n)), n))
    return _pack(boxes, alone, edge_length)


def _have_numpy() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


def _induced(g: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The subgraph on `nodes` as a new graph in sorted order. (networkx subgraph views of
    small parts iterate in set order, which changes from run to run and so would the picture.)"""
    keep = set(nodes)
    sub = nx.Graph()
    sub.add_nodes_from(sorted(keep))
    sub.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in g.edges(keep) if u in keep and v in keep))
    return sub


def _component(g: nx.Graph, k: float) -> Pos:
    nodes = sorted(g.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    deg = dict(g.degree())
    leaves: dict[str, list[str]] = {}
    for n in nodes:
        if deg[n] == 1:
            (parent,) = g.neighbors(n)
            if deg[parent] > 1:
                leaves.setdefault(parent, []).append(n)
    peeled = {leaf for group in leaves.values() for leaf in group}
    core = [n for n in nodes if n not in peeled]
    pos = _core_layout(_induced(g, core), k)
    for parent, group in leaves.items():
        _ring(pos, parent, group, g, k)
    return pos


def _core_layout(g: nx.Graph, k: float) -> Pos:
    n = len(g)
    if n == 1:
        return {next(iter(g.nodes)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(g.nodes)
        return {a: (0.0, 0.0), b: (k, 0.0)}
    if not _have_numpy():  # networkx's layouts and ours need it
        return _spiral(g, k)
    if n < SMALL_CORE:
        # k above networkx's 1/sqrt(n): more room between the hubs, less of a knot in the middle
        raw = nx.spring_layout(g, k=1.8 / math.sqrt(n), seed=7, iterations=100 if n < 150 else 60)
        pos = {v: (float(p[0]), float(p[1])) for v, p in raw.items()}
    else:
        pos = _grid_fr(g)
    return _rescale(pos, g, k)


def _spiral(g: nx.Graph, k: float) -> Pos:
    """Without numpy: nodes in breadth-first order along a sunflower spiral (linked nodes stay near)."""
    start = max(g.degree(), key=lambda d: (d[1], d[0]))[0]
    order = list(nx.bfs_tree(g, start))
    golden = math.pi * (3 - math.sqrt(5))
    return {v: (k * 0.6 * math.sqrt(i) * math.cos(i * golden), k * 0.6 * math.sqrt(i) * math.sin(i * golden))
            for i, v in enumerate(order)}


def _rescale(pos: Pos, g: nx.Graph, k: float) -> Pos:
    """Scale so the median edge is `k` pixels long and nodes keep a readable distance apart."""
    lengths = sorted(math.dist(pos[u], pos[v]) for u, v in g.edges())
    median = lengths[len(lengths) // 2] if lengths else 1.0
    f = k / median if median > 1e-9 else k
    gap = _median_nearest(pos)
    if gap > 1e-9:
        f = max(f, MIN_GAP * k / EDGE_LENGTH / gap)
    return {v: (x * f, y * f) for v, (x, y) in pos.items()}


def _median_nearest(pos: Pos) -> float:
    """Median distance from a node to its nearest neighbour (sampled on large graphs)."""
    import numpy as np

    xy = np.array(list(pos.values()))
    sample = xy if len(xy) <= 400 else xy[:: len(xy) // 400 + 1]  # a median of 400 is close enough
    x, y = xy[:, 0], xy[:, 1]
    nearest = []
    for start in range(0, len(sample), 512):
        part = sample[start:start + 512]
        d = (part[:, 0:1] - x[None, :]) ** 2 + (part[:, 1:2] - y[None, :]) ** 2
        d[d == 0] = np.inf
        nearest.append(np.sqrt(d.min(axis=1)))
    return float(np.median(np.concatenate(nearest)))


def _ring(pos: Pos, parent: str, group: list[str], g: nx.Graph, k: float) -> None:
    """Put a hub's leaves on a circle (or an arc facing away from its other links)."""
    px, py = pos[parent]
    others = [pos[n] for n in g.neighbors(parent) if n in pos and n != parent]
    m = len(group)
    radius = k * (0.45 + 0.09 * math.sqrt(m))
    if others:
        ax = sum(x for x, _ in others) / len(others) - px
        ay = sum(y for _, y in others) / len(others) - py
        away = math.atan2(-ay, -ax) if abs(ax) + abs(ay) > 1e-6 else 0.0
    else:
        away = 0.0
    spread = 2 * math.pi if m > 8 or not others else min(2 * math.pi, 0.55 * m + 0.8)
    for i, leaf in enumerate(group):
        if spread >= 2 * math.pi:
            a = away + 2 * math.pi * i / m
        else:
            a = away - spread / 2 + spread * (i + 0.5) / m
        r = radius * (1.0 if m <= 24 else 0.75 + 0.5 * (i % 2))
        pos[leaf] = (px + r * math.cos(a), py + r * math.sin(a))


def _grid_fr(g: nx.Graph, iterations: int = 50, seed: int = 7) -> Pos:
    """Fruchterman-Reingold (unit edge length) with the repulsion split in two: exact between
    nodes closer than `cell` (pairs found on a grid of that size, each pair once), and from
    farther nodes through a mass grid convolved by FFT (`_mesh_field`), so an iteration costs
    O(n + pairs + grid log grid) instead of O(n²)."""
    import numpy as np

    nodes = sorted(g.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    edges = np.array([(index[u], index[v]) for u, v in g.edges()], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.uniform(0, side, size=(n, 2))
    temp = side / 8
    cool = (0.02 / (side / 8)) ** (1 / iterations)
    cell = 2.0
    u, v = (edges[:, 0], edges[:, 1]) if len(edges) else (None, None)
    for _ in range(iterations):
        x, y = pos[:, 0], pos[:, 1]  # 1-D arrays: sums over an axis of (pairs, 2) are slow in numpy
        i, j = _close_pairs(pos, cell, np)
        dx, dy = x[i] - x[j], y[i] - y[j]
        d2 = np.maximum(dx * dx + dy * dy, 1e-4)
        w = np.where(d2 < cell * cell, 1.0 / d2, 0.0)  # k^2 d / |d|^2 with k = 1
        fx, fy = dx * w, dy * w
        field = _mesh_field(pos, cell, np)
        sx = field[:, 0] + np.bincount(i, weights=fx, minlength=n) - np.bincount(j, weights=fx, minlength=n)
        sy = field[:, 1] + np.bincount(i, weights=fy, minlength=n) - np.bincount(j, weights=fy, minlength=n)
        if u is not None:
            dx, dy = x[u] - x[v], y[u] - y[v]
            dist = np.sqrt(np.maximum(dx * dx + dy * dy, 1e-8))  # |d|^2 / k along d / |d|
            fx, fy = dx * dist, dy * dist
            sx -= np.bincount(u, weights=fx, minlength=n) - np.bincount(v, weights=fx, minlength=n)
            sy -= np.bincount(u, weights=fy, minlength=n) - np.bincount(v, weights=fy, minlength=n)
        length = np.sqrt(np.maximum(sx * sx + sy * sy, 1e-12))
        step = np.minimum(length, temp) / length
        pos = np.stack((x + sx * step, y + sy * step), axis=1)
        temp *= cool
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in index.items()}


def _close_pairs(pos, cell: float, np):  # type: ignore[no-untyped-def]
    """Index pairs (i, j), each unordered pair once, of nodes in the same or adjacent grid cells."""
    n = len(pos)
    c = np.floor(pos / cell).astype(np.int64)
    c -= c.min(axis=0)
    h = int(c[:, 1].max()) + 3
    cid = (c[:, 0] + 1) * h + (c[:, 1] + 1)
    order = np.argsort(cid, kind="stable")
    # half of the 3x3 neighbourhood (the own cell and four others): every pair is seen once
    offsets = np.array([0, h, h + 1, 1, -h + 1], dtype=np.int64)
    target = (cid[:, None] + offsets[None, :]).ravel()
    src = np.repeat(np.arange(n), len(offsets))
    cells = int(cid.max()) + h + 2
    if cells <= 16 * n + 1024:  # a table of where each cell's nodes start in `order`
        start = np.zeros(cells + 1, dtype=np.int64)
        np.cumsum(np.bincount(cid, minlength=cells), out=start[1:])
        lo, hi = start[target], start[target + 1]
    else:  # far-flung points: binary search instead of a huge table
        sorted_cid = cid[order]
        lo = np.searchsorted(sorted_cid, target, "left")
        hi = np.searchsorted(sorted_cid, target, "right")
    cnt = hi - lo
    total = int(cnt.sum())
    i = np.repeat(src, cnt)
    j = order[np.repeat(lo - (np.cumsum(cnt) - cnt), cnt) + np.arange(total)]
    own = np.repeat(target == cid[src], cnt)
    keep = ~own | (i < j)  # inside one cell, each pair once
    return i[keep], j[keep]


def _mesh_field(pos, near: float, np, cells: int = 64):  # type: ignore[no-untyped-def]
    """Repulsion (d / |d|^2 per unit mass) on every node from all nodes farther than `near`:
    masses deposited on a grid (cloud in cell), convolved with the force kernel by FFT, and read
    back at each node by the same weights."""
    lo = pos.min(axis=0)
    size = max(float((pos.max(axis=0) - lo).max()) / (cells - 1), 1e-6)
    g = (pos - lo) / size
    base = np.minimum(np.floor(g).astype(np.int64), cells - 2)
    frac = g - base
    weights = [((1 - frac[:, 0]) * (1 - frac[:, 1]), 0, 0), (frac[:, 0] * (1 - frac[:, 1]), 1, 0),
               ((1 - frac[:, 0]) * frac[:, 1], 0, 1), (frac[:, 0] * frac[:, 1], 1, 1)]
    mass = np.zeros(cells * cells)
    for w, dx, dy in weights:
        mass += np.bincount((base[:, 0] + dx) * cells + base[:, 1] + dy, weights=w, minlength=cells * cells)
    m = 2 * cells
    k = np.arange(m)
    k = np.where(k < cells, k, k - m) * size  # signed offsets, in layout units
    kx, ky = np.meshgrid(k, k, indexing="ij")
    r2 = kx * kx + ky * ky
    inv = np.where(r2 > near * near, 1.0 / np.maximum(r2, 1e-12), 0.0)
    padded = np.zeros((m, m))
    padded[:cells, :cells] = mass.reshape(cells, cells)
    spectrum = np.fft.rfft2(padded)
    field = []
    for kernel in (kx * inv, ky * inv):
        full = np.fft.irfft2(spectrum * np.fft.rfft2(kernel), s=(m, m))[:cells, :cells].ravel()
        at = np.zeros(len(pos))
        for w, dx, dy in weights:
            at += w * full[(base[:, 0] + dx) * cells + base[:, 1] + dy]
        field.append(at)
    return np.stack(field, axis=1)


def _normalise(pos: Pos) -> tuple[Pos, float, float]:
    """Move a component so its bounding box starts at (0, 0); return it with its size."""
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    x0, y0 = min(xs), min(ys)
    return {v: (x - x0, y - y0) for v, (x, y) in pos.items()}, max(xs) - x0, max(ys) - y0


def _declutter(pos: Pos, graph: nx.Graph, rounds: int = 60) -> Pos:
    """Push apart nodes whose drawn boxes (shape plus the name below it) overlap, along the
    axis of least overlap, so names stay readable at every zoom (they scale with it)."""
    import numpy as np

    nodes = list(pos)
    n_all = len(graph)
    xy = np.array([pos[v] for v in nodes], dtype=float)
    half_w, above, below = [], [], []
    for v in nodes:
        deg = graph.degree(v)
        size, font = node_size(deg), label_font(deg, n_all)
        text = short_label(str(graph.nodes[v].get("label") or v))
        half_w.append(max(size, 0.29 * font * len(text) + 3))
        above.append(size + 2)
        below.append(size + 4 + 1.3 * font)
    hw, up, down = np.array(half_w), np.array(above), np.array(below)
    n = len(nodes)
    for _ in range(rounds):
        x, y = xy[:, 0], xy[:, 1]
        i, j = _x_overlaps(x - hw, x + hw, np)  # candidate pairs, each once: their boxes overlap in x
        ox = np.minimum(x[i] + hw[i], x[j] + hw[j]) - np.maximum(x[i] - hw[i], x[j] - hw[j])
        oy = np.minimum(y[i] + down[i], y[j] + down[j]) - np.maximum(y[i] - up[i], y[j] - up[j])
        hit = (ox > 0) & (oy > 0)
        if not hit.any():
            break
        i, j, ox, oy = i[hit], j[hit], ox[hit], oy[hit]
        along_y = oy <= ox
        # i is pushed away from j along the axis of least overlap, j the other way
        px = np.where(along_y, 0.0, np.sign(x[i] - x[j] + 1e-9 * (i - j)) * (ox / 2 + 1))
        py = np.where(along_y, np.sign(y[i] - y[j] + 1e-9 * (i - j)) * (oy / 2 + 1), 0.0)
        push_x = np.bincount(i, weights=px, minlength=n) - np.bincount(j, weights=px, minlength=n)
        push_y = np.bincount(i, weights=py, minlength=n) - np.bincount(j, weights=py, minlength=n)
        count = np.maximum(np.bincount(i, minlength=n) + np.bincount(j, minlength=n), 1)
        xy[:, 0] += push_x / np.sqrt(count)
        xy[:, 1] += push_y / np.sqrt(count)
    return {v: (float(xy[i, 0]), float(xy[i, 1])) for i, v in enumerate(nodes)}


def _x_overlaps(left, right, np):  # type: ignore[no-untyped-def]
    """Index pairs (i, j), i < j, whose intervals [left, right) overlap: a sweep over the
    intervals sorted by their left end, so the cost follows the overlaps, not n²."""
    order = np.argsort(left, kind="stable")
    ls = left[order]
    ends = np.searchsorted(ls, right[order], "left")  # sorted positions p+1 .. ends-1 start before p ends
    first = np.arange(1, len(ls) + 1)
    cnt = np.maximum(ends - first, 0)
    total = int(cnt.sum())
    a = np.repeat(np.arange(len(ls)), cnt)
    b = np.repeat(first - (np.cumsum(cnt) - cnt), cnt) + np.arange(total)
    i, j = order[a], order[b]
    return np.minimum(i, j), np.maximum(i, j)


def _widen(pos: Pos) -> Pos:
    """Rotate about the centroid so the principal axis of the points is horizontal."""
    n = len(pos)
    if n < 3:
        return pos
    cx = sum(x for x, _ in pos.values()) / n
    cy = sum(y for _, y in pos.values()) / n
    sxx = sum((x - cx) ** 2 for x, _ in pos.values())
    syy = sum((y - cy) ** 2 for _, y in pos.values())
    sxy = sum((x - cx) * (y - cy) for x, y in pos.values())
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy)  # direction of greatest spread
    c, s = math.cos(-angle), math.sin(-angle)
    return {v: ((x - cx) * c - (y - cy) * s, (x - cx) * s + (y - cy) * c) for v, (x, y) in pos.items()}


def _pack(boxes: list[tuple[Pos, float, float]], alone: list[str], k: float) -> Pos:
    """Place components (largest first) for a wide screen: the largest at the top left, the
    next ones in rows in the band to its right, the rest in rows below; then the unlinked
    nodes as a grid block underneath."""
    gap = k * 0.6
    cell = k * 0.45
    area = sum((w + gap) * (h + gap) for _, w, h in boxes) + len(alone) * cell * cell
    widest = max((w for _, w, _ in boxes), default=0.0)
    width = max(widest, math.sqrt(area * 1.6), cell * 8)
    out: Pos = {}

    def put(pos: Pos, x: float, y: float) -> None:
        for v, (px, py) in pos.items():
            out[v] = (round(x + px, 1), round(y + py, 1))

    bottom = 0.0
    rest = boxes
    if boxes:
        first, w0, h0 = boxes[0]
        put(first, 0.0, 0.0)
        bottom = h0
        # the band beside the largest component, as wide as what is left of the screen
        left, x, y, row_h = w0 + gap, w0 + gap, 0.0, 0.0
        rest = []
        for pos, w, h in boxes[1:]:
            if x > left and x + w > width:
                x, y, row_h = left, y + row_h + gap, 0.0
            if x + w <= width + 1e-6 and y + h <= h0:
                put(pos, x, y)
                x += w + gap
                row_h = max(row_h, h)
                bottom = max(bottom, y + h)
            else:
                rest.append((pos, w, h))
    x, y, row_h = 0.0, bottom + gap if boxes else 0.0, 0.0
    for pos, w, h in rest:
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        put(pos, x, y)
        x += w + gap
        row_h = max(row_h, h)
    if alone:
        top = y + row_h + (gap if rest else 0.0)
        per_row = max(1, int(width // cell) + 1)
        for i, v in enumerate(alone):
            out[v] = (round((i % per_row) * cell, 1), round(top + (i // per_row) * cell, 1))
    return out
