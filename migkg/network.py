"""The build's network and timeline pages, published beside the entity pages.

A build folder holds graph.html and timeline.html, self-contained and offline. Served
by `migkg serve` or copied by `migkg site`, they sit next to `doc/…` pages; one meta
tag tells the network script so, and its panel then links each node to its local
page. Entity pages link back with `graph.html#node=<entity path>`, for the nodes the
network actually draws (read once from the page's embedded data).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

PAGES = ("graph.html", "timeline.html")
NETWORK = "graph.html"
UNPUBLISHED = b'<meta name="migkg-entity-pages" content="">'
PUBLISHED = b'<meta name="migkg-entity-pages" content="doc/">'
# The pages' own policy (their inline script runs; nothing is fetched), for the HTTP header.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                           "img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'; "
                           "frame-ancestors 'none'")
_DATA = re.compile(rb'<script type="application/json" id="migkg-data">(.*?)</script>', re.S)


def available(directory: Path | None) -> list[str]:
    """The network pages a build folder holds, in PAGES order."""
    if directory is None:
        return []
    return [name for name in PAGES if (directory / name).is_file()]


def published(html: bytes) -> bytes:
    """A page as published beside the entity pages (the network panel then links them)."""
    return html.replace(UNPUBLISHED, PUBLISHED, 1)


def read_published(directory: Path, name: str) -> bytes:
    """The bytes of graph.html or timeline.html from a build folder, ready to publish."""
    if name not in PAGES:
        raise ValueError(f"not a network page: {name}")
    return published((directory / name).read_bytes())


def node_ids(directory: Path | None) -> frozenset[str]:
    """Entity paths drawn in the folder's graph.html (empty when there is none)."""
    if directory is None or not (directory / NETWORK).is_file():
        return frozenset()
    stat = (directory / NETWORK).stat()
    return _node_ids(str(directory / NETWORK), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _node_ids(path: str, mtime_ns: int, size: int) -> frozenset[str]:  # noqa: ARG001 (cache keys)
    m = _DATA.search(Path(path).read_bytes())
    if m is None:
        return frozenset()
    try:
        data = json.loads(m.group(1))
    except ValueError:
        return frozenset()
    return frozenset(str(n.get("id")) for n in data.get("nodes", []) if isinstance(n, dict))


def node_href(root: str, entity_path: str) -> str:
    """Link from a page (at `root` below the site root) to a node in the network."""
    return f"{root}{NETWORK}#node={quote(entity_path, safe='')}"
