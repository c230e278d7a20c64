"""Blocks of a view: each line is a heading, a paragraph, a numbered paragraph, a sub-paragraph,
a list item or a table row. Extractors ask for a kind instead of re-reading line shapes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "paragraph", "numbered", "subparagraph", "item", "table"]

_NUMBERED = re.compile(r"[ \t]*(\d{1,3})[.)][ \t]+(?=\S)")
_SUB = re.compile(r"[ \t]*\(([a-z]{1,2}|[ivxlc]{1,6})\)[ \t]+(?=\S)|[ \t]*([a-z])\)[ \t]+(?=\S)")
_ITEM = re.compile(r"[ \t]*[\u2022\u00b7\u25aa\u25a0\u25cf\u25e6\u2023\u2043*\-\u2013\u2014][ \t]+(?=\S)")
_TABLE = re.compile(r"\t|\S {4,}\S")
_HEAD_NUMBER = re.compile(r"[ \t]*(?:[IVXL]{1,6}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)\.?[ \t]+")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the view: [start, end) in view offsets; `number` is its paragraph number or letter."""

    kind: BlockKind
    start: int
    end: int
    number: str = ""


def _tabs_end(line: str, i: int) -> int:
    while i < len(line) and line[i] in " \t":
        i += 1
    return i


def _number_tail(line: str, e: int) -> int:
    r"""Where `\.?[ \t]+` after a heading number ending at e ends (-1: it does not follow)."""
    if e < len(line) and line[e] == ".":
        e += 1
    return _tabs_end(line, e) if e < len(line) and line[e] in " \t" else -1


def _drop_head_number(line: str) -> str:
    r"""`_HEAD_NUMBER.sub("", line, count=1)` in one pass: that search restarts inside every run of
    spaces and every chain of numbers ("1.1.1.1…"), which is quadratic in the line. The same match
    is found from the facts that decide it: a run of spaces tries the number after it, and a
    chain of numbers ends where its longest reading ends."""
    n, chain_end = len(line), {}

    def chain(q: int) -> int:  # the end of `(?:\.\d{1,2})*` from q
        path = []
        while q not in chain_end and q + 1 < n and line[q] == "." and line[q + 1].isdecimal():
            path.append(q)
            q += 3 if q + 2 < n and line[q + 2].isdecimal() else 2
        end = chain_end.get(q, q)
        for x in path:
            chain_end[x] = end
        return end

    def number_at(q: int) -> int:  # the end of a match whose number starts at q, or -1
        if q >= n:
            return -1
        c = line[q]
        if c in "IVXL":
            k = 1
            while k < 6 and q + k < n and line[q + k] in "IVXL":
                k += 1
            for e in range(q + k, q, -1):
                if (end := _number_tail(line, e)) >= 0:
                    return end
            return -1
        if "A" <= c <= "Z":
            return _number_tail(line, q + 1)
        if c.isdecimal():
            e = q + 2 if q + 1 < n and line[q + 1].isdecimal() else q + 1
            return _number_tail(line, chain(e))
        return -1

    p = 0
    while p < n:
        if line[p] in " \t":
            q = _tabs_end(line, p)
            if (end := number_at(q)) >= 0:
                return line[:p] + line[end:]
            p = q + 1  # every start inside the run, and the number itself, fails the same way
            continue
        if (end := number_at(p)) >= 0:
            return line[:p] + line[end:]
        p += 1
    return line


def _heading(line: str) -> bool:
    if len(line.split()) > 16:
        return False  # dropping a number loses at most two words: more than 14 would be left
    body = _drop_head_number(line).strip()
    words = body.split()
    if not words or len(words) > 14 or len(body) > 120 or body[-1] in ".,;:" or not body[0].isupper():
        return False
    letters = [c for c in body if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words) \
        and not re.search(r"[.!?]\s", body)


def blocks(view: str) -> tuple[Block, ...]:
    out = []
    for m in _LINE.finditer(view):
        line = m.group()
        if not line.strip():
            continue
        s, e = m.start() + len(line) - len(line.lstrip()), m.end()  # a block starts at its first letter
        if n := _NUMBERED.match(line):
            out.append(Block("numbered", s, e, n.group(1)))
        elif sub := _SUB.match(line):
            out.append(Block("subparagraph", s, e, sub.group(1) or sub.group(2)))
        elif _ITEM.match(line):
            out.append(Block("item", s, e))
        elif _TABLE.search(line):
            out.append(Block("table", s, e))
        elif _heading(line):
            out.append(Block("heading", s, e))
        else:
            out.append(Block("paragraph", s, e))
    return tuple(out)
