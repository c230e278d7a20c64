"""Where an organization sits (`locatedIn`): "the Arnor Research Centre in Minas Tirith, Gondor",
"the Institute, based in Bree", "X, headquartered in Y", "the Rivendell Institute (Bree)".

An agency "in" a country is usually one of its field activities, not its seat, so a bare
"in" counts only for a city and only after a name that is itself a place of work (a centre,
institute, university, office …); "based/headquartered/located/seated in" is explicit and
counts for any organization and for a country alone.
"""
from __future__ import annotations

import re

from graph import refs
from graph.extract.actor_index import ActorIndex
from graph.extract.places import PlaceSpan, place_at
from graph.lexicon import Lexicon
from graph.model import Evidence, Extraction, Mention, Relation

_ACR = re.compile(r"\s*\([A-Z][\w/&\-]*\)")
_EXPLICIT = re.compile(r",?\s+(?:which\s+is\s+|that\s+is\s+|is\s+|was\s+)?(?:based|headquartered|located|seated|"
                       r"situated)\s+in\s+(?:the\s+)?")
_BARE_IN = re.compile(r"\s+in\s+(?!the\b)")
_BRACKET = re.compile(r"\s*\((?=[A-Z][^()]{1,40}\))")
_AGENT = re.compile(r"\b(?:by|at|to)\s+(?:the\s+)?$")
_SEAT_HEADS = re.compile(r"\b(?:Centre|Center|Institute|Institut|University|Universit\w+|College|School|Office|"
                         r"Foundation|Secretariat|Headquarters|Academy|Observatory|Laboratory|Bureau)\b")


def _place(text: str, pos: int, lexicon: Lexicon, end: int) -> PlaceSpan | None:
    p = place_at(text, pos, lexicon, end)
    # "in Florence, Italy, was …" but not "in Florence Street": the place must end the phrase
    if p and not re.match(r"\s+[A-Z]", text[p.char_end:p.char_end + 2]):
        return p
    return None


def find_seats(document, lexicon: Lexicon, actors: ActorIndex, sentences: list[tuple[int, int]],
               out: Extraction) -> None:
    """Add `locatedIn` from organizations to the city (or country) the text says they sit in."""
    text = document.text
    done: set[tuple[str, str]] = set()
    for ss, se in sentences:
        for m in actors.within(ss, se):
            if m.cls in ("Person", "Country"):
                continue
            pos = m.evidence.end
            acr = _ACR.match(text, pos, se)
            if acr:
                pos = acr.end()
            place = None
            explicit = _EXPLICIT.match(text, pos, se)
            if explicit:
                place = _place(text, explicit.end(), lexicon, se)
            elif (_SEAT_HEADS.search(m.label) or _SEAT_HEADS.search(m.evidence.quote)) \
                    and not _AGENT.search(text, max(ss, m.evidence.start - 30), m.evidence.start):
                # "a meeting organized by the Arnor Institute in Bree": the place is the meeting's
                bare = _BARE_IN.match(text, pos, se) or _BRACKET.match(text, pos, se)
                if bare:
                    place = _place(text, bare.end(), lexicon, se)
                    if place and (not place.city or (bare.group().strip() == "(" and
                                                     text[place.char_end:place.char_end + 1] != ")")):
                        place = None
            if place is None:
                continue
            # "in Florence, Italy": the organization sits in the city and, as the text says, in the country
            named_country = place.iso3 and (not place.city or "," in place.quote)
            targets = []
            if place.city:
                targets.append((refs.city(place.city), "City", place.city))
            if named_country:
                targets.append((refs.country(place.iso3), "Country", place.country or place.iso3))
            ev = Evidence(document.doc_id, ss, se, text[ss:se])
            where = Evidence(document.doc_id, place.char_start, place.char_end, place.quote)
            for target, cls, label in targets:
                if (m.ref, target) in done:
                    continue
                done.add((m.ref, target))
                out.mentions += [m, Mention(target, cls, label, where)]
                out.relations.append(Relation(m.ref, "locatedIn", target, ev))
            if place.city and named_country and (targets[0][0], targets[1][0]) not in done:
                done.add((targets[0][0], targets[1][0]))
                out.relations.append(Relation(targets[0][0], "locatedIn", targets[1][0], where))
