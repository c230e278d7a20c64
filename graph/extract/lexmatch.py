"""Token-level dictionary matching that keeps offsets into the original text.

Names are matched word by word on folded tokens (case, accents, apostrophes
ignored), so "Organization for Security and Co-Operation in Europe" finds the
dictionary's "Co-operation" spelling and a name broken across a line still
matches — while every hit is a slice of the untouched text.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from graph.refs import fold

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# What may sit between two words of one name ("Co-operation", "UN/DESA", "D. and").
_GAP = re.compile(r"[ \t\r\n\-/,.–&]{0,4}")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    key: str  # folded


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> tuple[str, ...]:
    return tuple(fold(word).split()) or ("",)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of `text[start:end]` with absolute offsets and folded keys."""
    out = []
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        for part in _fold_word(m.group()):
            out.append(Token(m.group(), m.start(), m.end(), part))
    return out


def _name_tokens(name: str) -> list[str]:
    return [p for w in WORD.findall(name) for p in fold(w).split()]


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    value: object
    surface: str


class PhraseIndex:
    """Longest-match lookup of multi-word names over a token list."""

    def __init__(self) -> None:
        self._trie: dict = {}

    def add(self, name: str, value: object) -> None:
        keys = _name_tokens(name)
        if not keys:
            return
        node = self._trie
        for k in keys:
            node = node.setdefault(k, {})
        node.setdefault("\0", (name, value))

    def add_all(self, pairs: Iterable[tuple[str, object]]) -> None:
        for name, value in pairs:
            self.add(name, value)

    def find(self, text: str, tokens: list[Token], *, allow_blank_lines: bool = False) -> Iterator[Hit]:
        """Non-overlapping longest matches, left to right, with capitalisation checks."""
        i = 0
        while i < len(tokens):
            node, j, best = self._trie, i, None
            while j < len(tokens) and tokens[j].key in node:
                if j > i:
                    gap = text[tokens[j - 1].end:tokens[j].start]
                    if not _GAP.fullmatch(gap) or (not allow_blank_lines and gap.count("\n") > 1):
                        break
                node = node[tokens[j].key]
                if "\0" in node:
                    best = (j, node["\0"])
                j += 1
            if best is not None:
                j, (name, value) = best
                start, end = tokens[i].start, tokens[j].end
                surface = text[start:end]
                if _case_ok(name, surface):
                    yield Hit(start, end, value, surface)
                    i = j + 1
                    continue
            i += 1


def _case_ok(name: str, surface: str) -> bool:
    """A hit must be capitalised where the name is, and not be an all-caps heading."""
    nw, sw = WORD.findall(name), WORD.findall(surface)
    if len(nw) == len(sw):
        for a, b in zip(nw, sw):
            if a[:1].isupper() and not b[:1].isupper():
                return False
            if len(b) > 3 and b.isupper() and not a.isupper():
                return False  # a word of an all-caps heading glued to the name
    elif not surface[:1].isupper():
        return False
    letters = [c for c in surface if c.isalpha()]
    if len(letters) > 5 and all(c.isupper() for c in letters) and not name.isupper():
        return False
    return True


def is_heading_line(line: str) -> bool:
    """An all-caps heading ("CONTRIBUTION OF THE INTERNATIONAL ORGANIZATION …")."""
    words = [w for w in WORD.findall(line) if any(c.isalpha() for c in w)]
    if len(words) < 3:
        return False
    upper = sum(1 for w in words if w.isupper())
    return upper / len(words) > 0.8


class LineIndex:
    """The lines of one text, found once: the line around a position by bisection (a scan back
    and forth per lookup is quadratic on a text of one long line), and whether it is a heading,
    decided once per line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._heading: dict[int, bool] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.starts[i], (self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text))

    def is_heading(self, pos: int) -> bool:
        """`is_heading_line` of the line around `pos`."""
        start, end = self.bounds(pos)
        if start not in self._heading:
            self._heading[start] = is_heading_line(self.text[start:end])
        return self._heading[start]


@functools.lru_cache(maxsize=8)
def lines_of(text: str) -> LineIndex:
    """The line index of a text (kept for the few texts in use: extractors ask for it per hit)."""
    return LineIndex(text)


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the line around `pos` (end: its line break or the end of the text)."""
    return lines_of(text).bounds(pos)
