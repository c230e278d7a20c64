"""Find countries and territories: UN names, common aliases, and demonyms used as
country cues ("Filipino workers", "the Thai Ministry of Labour").

A demonym alone is not a country mention ("Latin American", "Indian academic
institutions" say nothing about a state), so demonyms count only before a noun
that belongs to a state or its people (Government, Ministry, workers, migrants…).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.lexmatch import PhraseIndex, lines_of, tokenize
from graph.lexicon import CountryEntry, Lexicon

# Names that contain a country name but are not that country.
_NOT_COUNTRY = ("New Mexico", "New Jersey", "New South Wales", "New Guinea", "Latin America",
                "Guinea pig", "Georgia State", "Georgetown", "Niger Delta", "Jordan River",
                "Chad Basin", "Turkey Point", "Panama Canal", "Washington State")

# Nouns after a demonym that make it a country cue.
_DEMONYM_HEADS = frozenset("""
government governments ministry minister ministers president vice-president prime department
authorities authority parliament embassy consulate delegation delegations mission statement
workers worker migrants migrant nationals citizens women men children nurses emigrants immigrants
diaspora community communities labour labor households nationality army police courts law laws
""".split())


@dataclass(frozen=True, slots=True)
class CountryHit:
    start: int
    end: int
    surface: str
    entry: CountryEntry
    demonym: bool = False


class CountryIndex:
    """Country names, aliases and demonyms of a Lexicon, ready for matching."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.names = PhraseIndex()
        self.blockers = PhraseIndex()
        self._demonyms: dict[str, CountryEntry] = {}
        for c in lexicon.countries:
            for n in (c.name, *c.aliases):
                self.names.add(n, c)
                self.blockers.add(n, c)
            for d in c.demonyms:
                self._demonyms.setdefault(d, c)
        for n in _NOT_COUNTRY:
            self.blockers.add(n, None)
        # "Port of Spain", "Kuwait City": a city named after a country is no mention of it
        for city in lexicon.cities:
            for n in (city.name, *city.aliases):
                if len(n.split()) > 1 or "-" in n:
                    self.blockers.add(n, None)

    def demonym(self, word: str) -> CountryEntry | None:
        return self._demonyms.get(word)

    def match_at(self, text: str, pos: int) -> tuple[CountryEntry, int] | None:
        """A country name starting at `pos` (after an optional "the")."""
        m = re.match(r"(?:the\s+)?", text[pos:pos + 5])
        s = pos + (m.end() if m else 0)
        toks = tokenize(text, s, min(len(text), s + 120))
        for h in self.names.find(text, toks):
            if h.start == s:
                return h.value, h.end  # type: ignore[return-value]
            break
        return None

    def find(self, text: str, start: int = 0, end: int | None = None, *,
             headings: bool = False) -> list[CountryHit]:
        end = len(text) if end is None else end
        toks = tokenize(text, start, end)
        out: list[CountryHit] = []
        for h in self.blockers.find(text, toks):
            if h.value is None:
                continue
            if not headings and lines_of(text).is_heading(h.start):
                continue
            out.append(CountryHit(h.start, h.end, h.surface, h.value))  # type: ignore[arg-type]
        words = list(re.finditer(r"[A-Za-z][A-Za-z\-]*", text[start:end]))
        for i, m in enumerate(words[:-1]):
            for span in (2, 1):
                if i + span >= len(words):
                    continue
                phrase = " ".join(w.group() for w in words[i:i + span])
                c = self._demonyms.get(phrase)
                if c is None:
                    continue
                head = words[i + span].group().casefold()
                gap = text[start + words[i + span - 1].end():start + words[i + span].start()]
                if head not in _DEMONYM_HEADS or gap.strip():
                    break
                s = start + m.start()
                e = start + words[i + span - 1].end()
                if not re.search(r"(?:Latin|North|South|Central|Inter-?)\s*$", text[max(0, s - 8):s]):
                    out.append(CountryHit(s, e, text[s:e], c, True))
                break
        return sorted(out, key=lambda h: h.start)
