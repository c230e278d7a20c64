"""The clause around a position, by character offsets: where a ';' list item or a sentence
holding it starts and ends (sentences themselves come from graph.reading)."""
from __future__ import annotations

import re

# A sentence or list clause ends at . ; ! ? before a capital, bullet, bracket or quote, or at a blank line.
_CLAUSE_END = re.compile(r"(?<=[.;!?])\s+(?=[-•A-Z(\"“])|\n\s*\n")


def clause_around(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence or clause holding `pos` (looks back at most 1,500 characters)."""
    start = 0
    for m in _CLAUSE_END.finditer(text, max(0, pos - 1500), pos):
        start = m.end()
    m = _CLAUSE_END.search(text, pos)
    return start, (m.start() if m else len(text))
