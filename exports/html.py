"""Placeholder network page; replaced by the interactive exporter."""
from __future__ import annotations

import html
from pathlib import Path


def write_html(kg, path: Path) -> None:
    rows = "".join(f"<li>{html.escape(d['label'])} ({html.escape(d['cls'])})</li>" for _, d in kg.nodes(data=True))
    path.write_text(f"<!doctype html><meta charset=utf-8><title>migkg</title><ul>{rows}</ul>", encoding="utf-8")
