"""Dates as UN texts write them, with the precision the text gives.

`find_dates(text)` returns every date expression with its start and end as typed
`Value`s (xsd:date, xsd:gYearMonth or xsd:gYear) and the character span it was read
from, so other extractors can quote it. A day is never guessed: "in September 2008"
is the month 2008-09, "in 2007" the year 2007.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from graph.model import Value

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9][0-9]|20[0-9][0-9])(?![0-9])"
_DASH = r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*"
_TO = rf"(?:{_DASH}|\s+(?:to|until|till|through|and)\s+)"

# Ordered: longer, more precise forms first; matches never overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 23 February to 1 March 2008 / 30 December 2008 to 2 January 2009
    ("dmy-dmy", re.compile(rf"\b(?P<d1>{_DAY})\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?{_TO}"
                           rf"(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})")),
    # 20-21 November 2008 / 27 to 30 October 2008 / 14 and 15 September 2006
    ("dd-my", re.compile(rf"\b(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})")),
    # November 20-21, 2008 / November 30 to December 2, 2008
    ("md-md-y", re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_TO}(?:(?P<m2>{_MONTH})\s+)?"
                           rf"(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})")),
    # 8 January 2009
    ("dmy", re.compile(rf"\b(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})")),
    # January 8, 2009
    ("mdy", re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),\s*(?P<y1>{_YEAR})")),
    # September to November 2008 / March 2006 to June 2007
    ("my-my", re.compile(rf"\b(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?{_TO}(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})")),
    # September 2008
    ("my", re.compile(rf"\b(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})")),
    # 2004-2005 / from 1998 to 2005 (a span of years needs "from" or a dash)
    ("y-y", re.compile(rf"(?:\bfrom\s+|\b)(?P<y1>{_YEAR})(?:{_DASH}|\s+to\s+)(?P<y2>{_YEAR})(?![-/]\d)")),
    # in 2007 / during 2008 / (2005): a bare year only after a temporal preposition or in brackets
    ("y", re.compile(rf"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bIn\s)|(?<=\())"
                     rf"(?P<y1>{_YEAR})(?![-/\u2013]\d|[a-z])")),
]


@dataclass(frozen=True, slots=True)
class DateSpan:
    """One date expression: `text[char_start:char_end] == quote`; `end == start` for one day/month/year."""

    start: Value
    end: Value
    char_start: int
    char_end: int
    quote: str

    @property
    def precision(self) -> str:
        return self.start.datatype

    @property
    def year(self) -> int:
        return int(self.start.lexical[:4])


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _date(y: int, m: int, d: int) -> Value | None:
    try:
        return Value(_dt.date(y, m, d).isoformat(), "date")
    except ValueError:
        return None


def _ym(y: int, m: int) -> Value:
    return Value(f"{y:04d}-{m:02d}", "gYearMonth")


def _values(kind: str, g: dict[str, str | None]) -> tuple[Value, Value] | None:
    """Start and end Values of one match, or None when the numbers are not a real date."""
    if kind in ("dmy-dmy", "dd-my", "md-md-y"):
        y2 = int(g["y2"])  # type: ignore[arg-type]
        m2 = _month(g["m2"] or g["m1"])  # type: ignore[arg-type]
        m1 = _month(g["m1"]) if g.get("m1") else m2
        y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m1 > m2 else y2)
        start, end = _date(y1, m1, _day(g["d1"])), _date(y2, m2, _day(g["d2"]))  # type: ignore[arg-type]
        if start is None or end is None or start.lexical > end.lexical:
            return None
        return start, end
    if kind in ("dmy", "mdy"):
        v = _date(int(g["y1"]), _month(g["m1"]), _day(g["d1"]))  # type: ignore[arg-type]
        return (v, v) if v else None
    if kind == "my-my":
        y2, m2, m1 = int(g["y2"]), _month(g["m2"]), _month(g["m1"])  # type: ignore[arg-type]
        y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m1 > m2 else y2)
        start, end = _ym(y1, m1), _ym(y2, m2)
        return (start, end) if start.lexical <= end.lexical else None
    if kind == "my":
        v = _ym(int(g["y1"]), _month(g["m1"]))  # type: ignore[arg-type]
        return v, v
    if kind == "y-y":
        y1, y2 = int(g["y1"]), int(g["y2"])  # type: ignore[arg-type]
        if not y1 < y2 <= y1 + 20:
            return None
        return Value(str(y1), "gYear"), Value(str(y2), "gYear")
    v = Value(str(int(g["y1"])), "gYear")  # type: ignore[arg-type]
    return v, v


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateSpan]:
    """Every date expression in `text[start:end]`, in text order, offsets into `text`.

    >>> [(d.start.lexical, d.end.lexical) for d in find_dates("held from 27 to 30 October 2008")]
    [('2008-10-27', '2008-10-30')]
    """
    end = len(text) if end is None else end
    taken: list[tuple[int, int]] = []
    out: list[DateSpan] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if kind == "y-y" and text[s:s + 4] == "from":
                s += 5
            if any(s < te and ts < e for ts, te in taken):
                continue
            values = _values(kind, m.groupdict())
            if values is None:
                continue
            taken.append((s, e))
            out.append(DateSpan(values[0], values[1], s, e, text[s:e]))
    return sorted(out, key=lambda d: d.char_start)
