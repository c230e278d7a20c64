"""Reference-list lines, "Tern, Ann (2010). Title …", found in one pass over the text.

The shape of such a line — optional spaces and a bullet, the authors (no brackets, no line
break), optional spaces, then "(year)" — reads naturally as one regular expression:

    ^[ \\t]*(?:[-•*][ \\t]+)?(?P<authors>[^\\n()]{lo,hi}?)SPACES\\((year)\\)…

but a backtracking engine tries that expression at every split of a run of spaces between its
three space-eating parts: a line of 8,000 spaces before a name costs minutes. The authors can
hold no bracket, so the "(" that ends them is the first one on the line; the rest follows from
where that bracket and the spaces before it are, in one pass. `bib_lines` gives the same
matches as the expression, in the same order (tests/test_linear_extraction.py holds it to that
on random lines).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["BibLine", "bib_lines"]

_STOP = re.compile(r"[\n()]")
_BULLETS = "-•*"


@dataclass(frozen=True, slots=True)
class BibLine:
    """One match: the line start, the authors' span and the match of the tail (from "(")."""

    start: int
    authors_start: int
    authors_end: int
    tail: re.Match[str]

    @property
    def end(self) -> int:
        return self.tail.end()


def _tabs_from(text: str, i: int, end: int) -> int:
    """The end of the run of spaces and tabs from i."""
    while i < end and text[i] in " \t":
        i += 1
    return i


def _spaces_before(text: str, i: int, floor: int, any_space: bool) -> int:
    """The start of the run of spaces (any white space, or spaces and tabs) ending at i."""
    while i > floor and (text[i - 1].isspace() if any_space else text[i - 1] in " \t"):
        i -= 1
    return i


def bib_lines(text: str, tail: re.Pattern[str], shortest: int, longest: int, any_space: bool,
              pos: int = 0, endpos: int | None = None) -> Iterator[BibLine]:
    """The matches, left to right, of `^[ \\t]*(?:[-•*][ \\t]+)?(?P<authors>[^\\n()]{shortest,longest}?)`
    then white space (`\\s*` when `any_space`, which may cross line breaks, else `[ \\t]*`) and then
    `tail` (which opens with "(") — as `re.finditer(…, re.M)` over text[pos:endpos] gives them."""
    end = len(text) if endpos is None else min(endpos, len(text))
    if pos == 0 or text[pos - 1] == "\n":
        ls = pos
    else:
        nl = text.find("\n", pos, end)
        ls = nl + 1 if nl >= 0 else end
    run: tuple[int, int] = (-1, -1)  # the last run of white space measured after a line break
    while ls < end:
        stop = _STOP.search(text, ls, end)
        q = stop.start() if stop else end
        found = _line(text, tail, shortest, longest, any_space, ls, q, end, run)
        if isinstance(found, tuple):
            run = found
            found = None
        if found is not None:
            yield found
            nxt = text.find("\n", found.end, end)
        else:
            nxt = text.find("\n", ls, end)
        if nxt < 0:
            return
        ls = nxt + 1


def _line(text: str, tail: re.Pattern[str], shortest: int, longest: int, any_space: bool, ls: int, q: int,
          end: int, run: tuple[int, int]) -> BibLine | tuple[int, int] | None:
    """The match at line start `ls` (q: the first line break or bracket after it), if any; a
    tuple is a measured run of white space to remember (and no match)."""
    if q >= end or q - ls < shortest:
        return None
    lead = _tabs_from(text, ls, q)
    floor = _spaces_before(text, q, ls, any_space)  # the authors end at or after here
    first: int | None = None
    if lead < q and text[lead] in _BULLETS:
        gap_end = _tabs_from(text, lead + 1, q)
        if gap_end > lead + 1:  # "- " then the authors; the bullet's spaces are tried longest first
            a = min(gap_end, q - shortest)
            if a >= max(lead + 2, floor - longest):
                first = a
    if first is None:
        a = min(lead, q - shortest)  # the leading spaces, longest first
        if a >= max(ls, floor - longest):
            first = a
    if first is None:
        return None
    paren = q
    remembered = None
    if text[q] == "\n":
        if not any_space:
            return None
        if run[0] <= q < run[1]:
            paren = run[1]
        else:
            paren = q
            while paren < end and text[paren].isspace():
                paren += 1
            remembered = (q, paren)
    if paren >= end or text[paren] != "(":
        return remembered
    m = tail.match(text, paren, end)
    if m is None:
        return remembered
    return BibLine(ls, first, max(first + shortest, floor), m)
