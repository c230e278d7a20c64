"""Placeholder timeline; replaced by the interactive exporter."""
from __future__ import annotations

from pathlib import Path


def write_timeline(kg, path: Path) -> None:
    path.write_text("<!doctype html><meta charset=utf-8><title>migkg timeline</title>", encoding="utf-8")
