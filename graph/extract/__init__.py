"""Extractors: plain functions `(reading, lexicon, actors) -> Extraction`, one per pattern family.

Each reads the document's reading (graph.reading: the layout-free view, its blocks and
sentences); those that relate actors to other things also take the `ActorIndex` the
pipeline builds once from the actors extractor. The registry is a plain dict, filled by
`registry()` on first use (no import-time registration), so adding an extractor touches its
own module and one line here.
"""
from __future__ import annotations

from collections.abc import Callable

from graph.lexicon import Lexicon
from graph.model import Extraction
from graph.reading import Reading

Extractor = Callable[[Reading, Lexicon, "ActorIndex"], Extraction]


def registry() -> dict[str, Extractor]:
    """Name -> extractor, in the order they run (the order does not change the result)."""
    from graph.extract import events, instruments, participants, partnerships, publications, resolutions

    return {
        "actors": lambda r, lx, actors: actors.extraction,  # computed once by the pipeline, shared
        "participants": lambda r, lx, actors: participants.extract(r, lx),
        "events": lambda r, lx, actors: events.extract(r, lx),
        "resolutions": lambda r, lx, actors: resolutions.extract(r, lx),
        "instruments": lambda r, lx, actors: instruments.extract(r, lx),
        "publications": publications.extract,
        "partnerships": partnerships.extract,
    }


from graph.extract.actor_index import ActorIndex  # noqa: E402  (for the type above)
