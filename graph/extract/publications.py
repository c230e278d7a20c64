"""Extractor stub: filled in by its issue."""
from __future__ import annotations

from graph.lexicon import Lexicon
from graph.model import Document, Extraction


def extract(document: Document, lexicon: Lexicon) -> Extraction:
    return Extraction()
