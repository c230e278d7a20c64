"""Sentence spans of a text, by character offsets (never a cleaned copy).

Lines are paragraphs in PDF extractions, so a sentence never crosses a line break;
inside a line a sentence ends at . ! ? before a capital, except after honorifics,
initials and the abbreviations UN texts use.
"""
from __future__ import annotations

import re

_ABBREV = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|MR|MS|MRS|DR|St|No|Nos|Jr|Sr|Rev|Vol|pp|para|paras|art|Art|"
                     r"e\.g|i\.e|etc|cf|viz|vs|Inc|Ltd|Co|Corp|approx|Sept|Oct|Nov|Dec|Jan|Feb|Aug)"
                     r"|\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z])\.$")
_END = re.compile(r"[.!?](?:[\"\u201d')\]]*)\s+(?=[\"\u201c(]?[A-Z0-9])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text[start:end]`, whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        ls, le = start + line.start(), start + line.end()
        s = ls
        for m in _END.finditer(text, ls, le):
            head = text[s:m.start() + 1]
            if _ABBREV.search(head):
                continue
            spans.append((s, m.start() + 1))
            s = m.end()
        spans.append((s, le))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# A sentence or list clause ends at . ; ! ? before a capital, bullet, bracket or quote, or at a blank line.
_CLAUSE_END = re.compile(r"(?<=[.;!?])\s+(?=[-•A-Z(\"“])|\n\s*\n")


def clause_around(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence or clause holding `pos` (looks back at most 1,500 characters)."""
    start = 0
    for m in _CLAUSE_END.finditer(text, max(0, pos - 1500), pos):
        start = m.end()
    m = _CLAUSE_END.search(text, pos)
    return start, (m.start() if m else len(text))
