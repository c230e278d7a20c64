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


def _heading(line: str) -> bool:
    body = _HEAD_NUMBER.sub("", line, count=1).strip()
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
