"""Extractors: independent functions `extract(document, lexicon) -> Extraction`.

The registry is a plain dict, filled by `registry()` on first use (no import-time
registration), so adding an extractor touches its own module and one line here.
"""
from __future__ import annotations

from collections.abc import Callable

from graph.lexicon import Lexicon
from graph.model import Document, Extraction

Extractor = Callable[[Document, Lexicon], Extraction]


def registry() -> dict[str, Extractor]:
    """Name -> extractor, in the order they run (the order does not change the result)."""
    from graph.extract import events, instruments, participants, partnerships, publications, resolutions
    from graph.extract.actor_index import actor_extraction

    return {
        "actors": actor_extraction,  # the actors extractor, shared with extractors that relate actors
        "participants": participants.extract,
        "events": events.extract,
        "resolutions": resolutions.extract,
        "instruments": instruments.extract,
        "publications": publications.extract,
        "partnerships": partnerships.extract,
    }
