"""Dates and session ordinals as UN documents write them ("19 December 2008", "Sixty-third session")."""
from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(
    ("january february march april may june july august september october november december").split(), 1)}
MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

# "19 December 2008", "19 Decem ber 2008" (letter-spaced), "December 19, 2008"
DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?[ \t]*\n?[ \t]*(?P<m>{MONTH_RE})[ \t,]*\n?[ \t]*(?P<y>(?:19|20)\d\d)\b")
MONTH_DAY_YEAR = re.compile(rf"\b(?P<m>{MONTH_RE})[ \t]+(?P<d>[0-3]?\d),?[ \t]+(?P<y>(?:19|20)\d\d)\b")
MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH_RE})[ \t]+(?P<y>(?:19|20)\d\d)\b")
YEAR = re.compile(r"\b(?P<y>(?:19|20)\d\d)\b")


def iso(match: re.Match) -> str:
    """ISO form of a DAY_MONTH_YEAR / MONTH_DAY_YEAR / MONTH_YEAR / YEAR match."""
    groups = match.groupdict()
    y = groups["y"]
    if groups.get("m") is None:
        return y
    m = MONTHS[groups["m"].lower()]
    if groups.get("d") is None:
        return f"{y}-{m:02d}"
    return f"{y}-{m:02d}-{int(groups['d']):02d}"


def datatype(lexical: str) -> str:
    return {4: "gYear", 7: "gYearMonth"}.get(len(lexical), "date")


def first_date(text: str) -> re.Match | None:
    """The earliest full date in `text` (day month year, either order)."""
    found = [m for m in (DAY_MONTH_YEAR.search(text), MONTH_DAY_YEAR.search(text)) if m]
    return min(found, key=lambda m: m.start()) if found else None


_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
          "eighth": 8, "ninth": 9}
_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
          "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_TENS_ORD = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90}
ORDINAL_RE = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\u2011 ]?"
              r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
              r"twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|"
              r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
              r"nineteenth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|\d{1,3}(?:st|nd|rd|th))")


def ordinal(word: str) -> int | None:
    """"Sixty-third" -> 63, "21st" -> 21; None when it is not an ordinal."""
    w = word.lower().replace("\u2011", "-").replace(" ", "-")
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    if w in _UNITS:
        return _UNITS[w]
    if w in _TEENS:
        return _TEENS[w]
    if w in _TENS_ORD:
        return _TENS_ORD[w]
    tens, _, unit = w.partition("-")
    if tens in _TENS and unit in _UNITS:
        return _TENS[tens] + _UNITS[unit]
    return None
