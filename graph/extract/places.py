"""Place phrases: "in Bangkok, Thailand", "held in Manila, the Philippines",
"at United Nations Headquarters in New York", "in Brazil".

Cities come from the lexicon (graph/data/cities.csv); a capitalized name followed
by a known country ("in Cuenca, Ecuador") is taken as a city even when the lexicon
does not list it, since that is how UN texts name a venue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.lexicon import Lexicon

_CAP = r"[A-Z\u00C0-\u00DE][\w'\u2019.\u00C0-\u017F]*(?:-[\w'\u2019\u00C0-\u017F]+)*"
_LINK = r"(?:of|and|the|de|del|da|do|du|des|el|al|la|le|es|y|upon|on|am|an|sur|dos)"
_NAME = rf"{_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP})*"
_NAME_RE = re.compile(_NAME)
_PREP = re.compile(r"\b(?:in|at|In|At)\s+(?:the\s+)?")
_HQ = re.compile(r"(?:(?:United Nations|UN)\s+)?Headquarters(?:\s+of\s+[^,.;]{1,60}?)?\s+in\s+(?:the\s+)?")
_NOT_CITY = {"university", "center", "centre", "office", "institute", "headquarters", "school",
             "college", "hall", "building", "palace", "ministry", "house", "foundation", "council",
             "committee", "commission", "secretariat", "department", "division", "programme",
             "organization", "bank", "fund", "union", "assembly", "conference", "meeting", "forum",
             "dialogue", "summit", "session", "government", "law", "states", "region", "nations"}


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A venue read in the text: a city (with its country when known) or a country alone."""

    city: str | None  # canonical city name, or None for a country-only place
    iso3: str | None  # country of the city, or the country itself
    country: str | None  # the lexicon's name of that country
    char_start: int
    char_end: int
    quote: str


def _country(lexicon: Lexicon, name: str):
    entry = lexicon.country(name)
    if entry is None and name.lower().startswith("the "):
        entry = lexicon.country(name[4:])
    return entry


def _country_name(lexicon: Lexicon, iso3: str) -> str | None:
    for c in lexicon.countries:
        if c.iso3 == iso3:
            return c.name
    return None


def _prefixes(name: str) -> list[str]:
    """Word prefixes of a name, longest first ("Sharm El-Sheikh Egypt" -> …, "Sharm")."""
    words = name.split()
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]


def _looks_like_city(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 4 and not any(w.lower().strip(".'\u2019s") in _NOT_CITY for w in words)


def place_at(text: str, pos: int, lexicon: Lexicon, end: int | None = None) -> PlaceSpan | None:
    """The place named at `pos` ("Manila, the Philippines"), without a preposition, or None."""
    end = len(text) if end is None else end
    m = _NAME_RE.match(text, pos, end)
    if not m:
        return None
    first = m.group()
    # longest prefix that is a known city or country
    for pre in _prefixes(first):
        p_end = pos + len(pre)
        tail = re.match(r",\s*(?:the\s+)?", text[p_end:end])
        country2 = None
        if tail:
            m2 = _NAME_RE.match(text, p_end + tail.end(), end)
            if m2:
                for pre2 in _prefixes(m2.group()):
                    entry = _country(lexicon, pre2)
                    if entry:
                        country2 = (entry, p_end + tail.end() + len(pre2))
                        break
        city = lexicon.city(pre)
        country = _country(lexicon, pre)
        if country2 and not country and (city or _looks_like_city(pre)):
            entry, c_end = country2
            name = city.name if city and city.iso3 == entry.iso3 else pre
            return PlaceSpan(name, entry.iso3, entry.name, pos, c_end, text[pos:c_end])
        longer = re.match(r" [A-Z]", text[p_end:p_end + 2]) is not None
        if city and not country and not longer:
            return PlaceSpan(city.name, city.iso3, _country_name(lexicon, city.iso3), pos, p_end,
                             text[pos:p_end])
        if country and not longer:
            return PlaceSpan(None, country.iso3, country.name, pos, p_end, text[pos:p_end])
    return None


def find_places(text: str, lexicon: Lexicon, start: int = 0, end: int | None = None) -> list[PlaceSpan]:
    """Venues introduced by "in/at" (or "Headquarters in") in `text[start:end]`, in text order."""
    end = len(text) if end is None else end
    out: list[PlaceSpan] = []
    pos = start
    for m in _PREP.finditer(text, start, end):
        if m.start() < pos:
            continue
        at = m.end()
        hq = _HQ.match(text, at, end)
        if hq:
            at = hq.end()
        place = place_at(text, at, lexicon, end)
        if place:
            out.append(place)
            pos = place.char_end
    return out
