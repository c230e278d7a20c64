"""Is this a word? The document's own vocabulary first, then an English word list.

Healing a PDF's damage ("migra-\\ntion", "Reca llin g") needs to know which joined form is a
word. The document itself is the best witness: the damaged word is usually written whole
elsewhere in it. Where it is not, the English frequency list of pyspellchecker (MIT; a
plain word -> count table, no model) decides; it is loaded on first need only.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

_WORD = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


@cache
def english() -> frozenset[str]:
    """Lower-case English words (pyspellchecker's list); empty if the package is missing."""
    import gzip
    import json
    from importlib import resources

    try:
        with resources.files("spellchecker").joinpath("resources/en.json.gz").open("rb") as raw:
            return frozenset(json.load(gzip.open(raw)))
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()


class Vocabulary:
    """The words of one document, with a fallback to English."""

    def __init__(self, text: str) -> None:
        self.counts = Counter(w.lower() for w in _WORD.findall(text))
        self.compounds = {w.lower() for w in _COMPOUND.findall(text)}

    def in_document(self, word: str) -> bool:
        return word.lower() in self.counts

    def is_word(self, word: str) -> bool:
        w = word.lower()
        return w in self.counts or w in english()

    def is_english(self, word: str) -> bool:
        return word.lower() in english()
