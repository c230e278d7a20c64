"""Reading one document for events: mentions sentence by sentence, and what each
mention's clause says of the event itself — dates, venue, attendance count, planned or held,
and whether the clause gives it an actor. Who organized, hosted, chaired, opened or attended
it is read by the relation stage (graph.relations), from the same sentences.

Used by graph.extract.events; the rules are general (cue words and role phrases come
from graph/data/cues.yaml), nothing here knows a particular event.
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from dataclasses import dataclass, field

from graph.extract.actor_phrases import ActorContext, document_acronyms
from graph.extract.dates import DateSpan, find_dates
from graph.extract.lexmatch import lines_of
from graph.extract.event_mentions import (
    NUMBER_WORD,
    ORDINAL_RE,
    Cues,
    EventMention,
    named_spans,
    number_value,
    ordinal_value,
    title_view,
)
from graph.extract.places import PlaceSpan, find_places, place_at
from graph.lexicon import Lexicon
from graph.reading import Reading

_ANAPHOR = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Ii]ts)\s+(?:same\s+|above\s+|said\s+)?"
                      r"(?:(?:one|two|three|four|five|half)-day\s+|week-long\s+|\d-day\s+)?"
                      r"(?P<cue>meeting|conference|forum|Forum|summit|Summit|symposium|seminar|workshop|"
                      r"consultation|dialogue|Dialogue|session|event|Conference|Meeting)\b(?!\s+(?:of|on)\s+(?:the\s+)?[A-Z])")
_IT = re.compile(r"\b(?:It|it)(?=\s+(?:was|had been|has been|is|will be)\s+(?:jointly\s+|also\s+|officially\s+)?"
                 r"(?:organized|organised|co-organized|coorganized|convened|hosted|co-hosted|chaired|co-chaired|"
                 r"opened|attended|held)\b)")
_ADJ = r"(?:(?!(?:during|at|in|on|of|for|by|with|from|to|the|a|an|and|or|its|their)\b)[a-z][\w'\u2019\-]*\s+){0,4}?"


# Parts of an event: "a session at the Forum", "the panel on the Civil Society Day".
_PART = r"(?:sessions?|panels?|round\s*tables?|roundtables?|workshops?|side\s+events?|segments?|plenar(?:y|ies))"


# "X Secretariat"; "Secretariat of the X", "Leaders of X", "Member States of the X"
_BODY_AFTER = re.compile(r"\s+Secretariat\b")
_LEAD_RUN = re.compile(r"[^\W_]*")  # the letters and digits a text opens with (isalnum, as the check reads)
_BODY_BEFORE = re.compile(r"\b(?:Secretariat|[Mm]ember\s+[Ss]tates|Leaders|[Hh]eads\s+of\s+[Ss]tate)\s+of\s+(?:the\s+)?")


@cache
def _verb_patterns(verbs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """For each role verb, the patterns of "VERB (the) <event>" and "VERB a session at <event>", compiled
    once per process (built per event, they overflowed the regex cache and were compiled again)."""
    out = []
    for prop, verb in verbs:
        verb_re = re.escape(verb).replace("\\ ", r"\s+")
        direct = re.compile(rf"\b(?i:{verb_re})\s+(?:(?:a|an|the)\s+)?(?:{_ADJ})?$")
        part = re.compile(rf"\b(?i:{verb_re})\s+(?:a|an|the|one)\s+(?:[a-z\-]+\s+)?{_PART}\s+"
                          rf"(?:on|at|of|during|in)\s+(?:the\s+)?(?:{_ADJ})?$") if prop in ("chaired", "attended") else None
        out.append((prop, verb, direct, part))
    return tuple(out)


def _loose(phrase: str) -> str:
    """A phrase as a regex matching any white space between its words.

    One `\\s+` per gap, never per space: a run of spaces in PDF text would otherwise
    become a run of `\\s+` that backtracks for minutes.
    """
    return r"\s+".join(re.escape(w) for w in phrase.split())


@dataclass(slots=True)
class Found:
    """A mention plus what its clause says about the event."""

    m: EventMention
    sent: tuple[int, int]
    para: int
    dates: list[DateSpan] = field(default_factory=list)
    places: list[PlaceSpan] = field(default_factory=list)
    acted: bool = False  # the clause gives the event an organizer, host, chair or participant
    count: int | None = None
    planned: bool = False
    held: bool = False
    antecedent: "Found | None" = None
    series: str = ""  # resolved series key
    cluster: int = -1


def cue_pattern(cue: str) -> str:
    """Regex for a cue word with its plural: "round table" -> "round\\s+tables?"."""
    return cue.replace(" ", r"\s+") + "s?"


class EventReader:
    """Finds and attaches event mentions in one document."""

    def __init__(self, document: Reading, lexicon: Lexicon):
        self.doc = document
        self.text = document.text
        self.view = title_view(document.text)
        self.lex = lexicon
        self.data = lexicon.cues or {}
        self.cues = Cues.from_data(self.data)
        self.cue_re = self.cues.cue_re
        self.acronyms = document_acronyms(document.text)
        hon = tuple(self.data.get("honorifics") or ()) or ("Mr.", "Ms.", "Mrs.", "Dr.", "H.E.")
        self.actors = ActorContext(lexicon, self.acronyms, hon)
        self.planned_re = self._phrases(self.data.get("planned_cues"))
        self.held_re = self._phrases(self.data.get("held_cues"))
        self.role_phrases = {p: self._phrases(v) for p, v in (self.data.get("role_phrases") or {}).items()}
        verbs = sorted(((p, v) for p, vs in (self.data.get("role_verbs") or {}).items() for v in vs),
                       key=lambda pv: -len(pv[1]))
        self.verbs = verbs
        self.cue_words = frozenset(c for c in self.cues.classes if " " not in c)
        self._sentences = document.sentences
        # the words before "… Secretariat" (by last word) and after "Leaders of …" (by first run of
        # letters), read once; and the answer per name
        self._bodies: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
        self._body_of: dict[str, bool] = {}
        self._stars: list[int] | None = None  # where "*" (italics) stand in the text
        cue_alt = "|".join(cue_pattern(c)[:-2] for c in sorted(self.cues.classes, key=len, reverse=True)) or "(?!)"
        self.edition_re = re.compile(
            rf"(?P<pre>\b(?:its|their|whose|the|a|an)\s+)?(?P<ord>{ORDINAL_RE.pattern[2:-2]})\s+"
            rf"(?:(?P<adj>[A-Za-z][\w\-]+)\s+)?(?P<cue>(?:{cue_alt})s?)\b(?!['\u2019\-]\w)", re.I)
        self.described_re = re.compile(
            rf"\b(?P<det>an?|the|The|A|An)\s+(?P<adj>{_ADJ})(?P<cue>(?:{cue_alt})s?)\b(?![\-\u2019']\w)")

    def _a_body(self, name: str) -> bool:
        """ "the Pacific Islands Forum" of "the Leaders of the Pacific Islands Forum" and "the
        Pacific Islands Forum Secretariat": an organization named with an event word."""
        if self._bodies is None:  # one pass over the text for every name asked about
            before: dict[str, list[str]] = {}
            after: dict[str, list[str]] = {}
            for m in _BODY_AFTER.finditer(self.text):
                b = " " + " ".join(self.text[max(0, m.start() - 200):m.start()].split())
                before.setdefault(b.rsplit(" ", 1)[-1], []).append(b)
            for m in _BODY_BEFORE.finditer(self.text):
                a = " ".join(self.text[m.end():m.end() + 200].split()) + " "
                after.setdefault(_LEAD_RUN.match(a).group(), []).append(a)
            self._bodies = (before, after)
        n = " ".join(name.split())
        if n not in self._body_of:
            before, after = self._bodies
            # b ends with " " + n only if n ends with b's last word; a starts with n (then no letter
            # or digit) only if n opens with a's first run of letters and digits
            self._body_of[n] = any(b.endswith(" " + n) for b in before.get(n.rsplit(" ", 1)[-1], ())) or \
                any(a.startswith(n) and not a[len(n)].isalnum() for a in after.get(_LEAD_RUN.match(n).group(), ()))
        return self._body_of[n]

    def _stars_before(self, pos: int) -> int:
        """How many "*" stand between the start of pos's line and pos (by bisection: one line may be the whole text)."""
        if self._stars is None:
            self._stars = [m.start() for m in re.finditer(r"\*", self.text)]
        line_start = lines_of(self.text).bounds(pos)[0]
        return bisect.bisect_left(self._stars, pos) - bisect.bisect_left(self._stars, line_start)

    def _cue_head(self, follow: str) -> bool:
        """Another cue word (and what may follow one) right after the cue: "Summit Meeting", "Forum Session"."""
        words = follow.split()
        return bool(words) and words[0].lower().rstrip("s") in self.cues.classes and \
            (len(words) == 1 or words[1] in ("of", "on", "for", "in"))

    @staticmethod
    def _phrases(items) -> re.Pattern[str]:
        items = sorted(items or ["\x00"], key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(_loose(i) for i in items) + r")\b", re.I)

    # ---- mention detection -------------------------------------------------------------
    def _is_place(self, pos: int) -> bool:
        return place_at(self.view, pos, self.lex) is not None

    def mentions(self, s: int, e: int) -> list[EventMention]:
        view, out = self.view, []
        # editions: "the second meeting of the Global Forum", "thirty-first session of ECLAC"
        for m in self.edition_re.finditer(view[s:e]):
            if m.group("cue")[:1].isupper() and not m.group("ord")[:1].isupper():
                continue
            if m.group("cue")[:1].isupper():
                continue  # "Second Meeting of …": read as a name below
            cue = self.cues.cue_of(m.group("cue"))
            if not cue:
                continue
            cue_word = cue[0]
            cue_end = s + m.end("cue")
            pre = (m.group("pre") or "").strip().lower()
            if pre in ("its", "their") and cue_word == "session" and (
                    self.cue_re.search(view, s, s + m.start()) or self.cue_re.search(view, cue_end, e)
                    or not self._its_owner(s, e)):
                continue  # "a Dialogue … during its sixty-eighth session": a time adjunct of that event
            mention = EventMention(s + m.start("ord"), cue_end, "edition", "", cue_word, cue[1],
                                   ordinal=ordinal_value(m.group("ord")))
            mention.extra["surface"] = m.group()
            of = re.match(r"\s+of\s+(?:the\s+)?", view[cue_end:e])
            if of:
                spans = named_spans(view, cue_end + of.end(), e, self._is_place, self.cue_words)
                if spans and spans[0][0] == cue_end + of.end():
                    ns, ne, acr = spans[0]
                    mention.name = view[ns:ne] if self.text[ns:ne].isupper() and len(self.text[ns:ne]) > 6 else self.text[ns:ne]
                    mention.acronym = acr
                    mention.end = ne
                    if mention.name in self.acronyms:
                        mention.name = self.acronyms[mention.name]
            if pre == "whose":
                before = named_spans(view, s, s + m.start(), self._is_place)
                if before:
                    mention.name = self.text[before[-1][0]:before[-1][1]]
            if pre in ("its", "their"):
                mention.extra["its"] = True
                if not mention.name:
                    owner = self._its_owner(s, e)
                    if owner:
                        mention.name = self.text[owner[0]:owner[1]]
                        mention.extra["owner_span"] = owner
            if m.group("adj"):
                mention.extra["adj"] = m.group("adj")
            out.append(mention)
        # capitalized names with a cue word
        for ns, ne, acr in named_spans(view, s, e, self._is_place, self.cue_words):
            if any(o.start <= ns < o.end for o in out):
                continue
            phrase = view[ns:ne]
            words = phrase.split()
            while words and words[0] in ("The", "A", "An", "This", "That", "In", "At", "During", "As", "Its",
                                         "Also", "Under", "Since", "On", "By", "Following", "Welcomes",
                                         "Recalling", "Noting", "Taking", "Decides", "Recalls", "Notes", "Both"):
                ns = view.index(words[1], ns + len(words[0])) if len(words) > 1 else ne
                words = words[1:]
            # a list item that opens with its verb: "- Organized a Workshop on …"
            if len(words) > 2 and re.fullmatch(r"[A-Z][a-z]+(?:ed|ing)", words[0]) and words[1] in ("a", "an", "the"):
                ns = view.index(words[2], ns + len(words[0]) + len(words[1]) + 1)
                words = words[2:]
            if not words:
                continue
            cue = self.cues.cue_of(view[ns:ne])
            if not cue:
                continue
            # the event is the part that starts after the last "of/on/for the" before the cue
            head = view[ns:ns + cue[2]]
            cut = list(re.finditer(r"\b(?:of|on|for|to|in|at)\s+(?:the\s+)?", head))
            if cut:
                ns = ns + cut[-1].end()
            first = re.match(r"[\w'\u2019\-]+", view[ns:ne])
            if not first:
                continue
            name = self.text[ns:ne] if not self.text[ns:ne].isupper() else view[ns:ne]
            ordinal = ordinal_value(first.group())
            if ordinal:
                name = name[len(first.group()):].strip()
            if not name or (self.cues.cue_of(name) is None):
                continue
            if self.lex.organization(name) or self._a_body(name) or (name.split()[-1].lower() not in self.cues.classes and
                                               not name.split()[-1].lower().rstrip("s") in self.cues.classes and
                                               " " not in name[cue[2]:].strip() and False):
                continue
            both = re.search(r"\s+and\s+(?:the\s+)?", name)
            if both and self.cues.cue_of(name[:both.start()]) and self.cues.cue_of(name[both.end():]):
                # "the Civil Society Days and the Global Forum": two events, keep the first here
                name = name[:both.start()]
                ne = ns + len(name) if self.text[ns:ns + len(name)] == name or view[ns:ns + len(name)] == name else ne
            rel = self.cues.cue_of(name)
            cue_at = rel[2]
            after = name[cue_at:]
            cue_len = len(re.match(cue_pattern(rel[0]), after, re.I).group())
            follow = after[cue_len:]
            if follow and not re.match(r"\s*(?:of|on|for|in|to|and|with|:|\(|\d|\u2013|\u2014)", follow) and \
                    not self._cue_head(follow):
                continue  # "Migrant Forum Asia": the cue word is not the head ("Summit Meeting" is one head)
            if not name[:cue_at].strip() and not re.match(r"\s*\d", follow) and not ordinal and \
                    not re.match(r"\s*(?:of|on)\s", follow) and " " not in rel[0]:
                if len(name.split()) > 1:
                    continue  # "Meeting and Information Papers"
            if rel[0] in self.cues.weak and not ordinal and not re.match(r"\s*(?:of|on|\d)", follow) \
                    and not re.search(r"\b(?:Special|Plenary|Ministerial|Extraordinary)\b", name[:cue_at]):
                continue  # "General Assembly": an organ, not an event
            if self._stars_before(ns) % 2 == 1:
                continue  # inside an italic title
            if name.split()[-1].lower() in ("series",):
                continue  # the series itself, named as such
            mention = EventMention(ns, ne, "named", name, cue[0], cue[1], ordinal=ordinal, acronym=acr)
            if ordinal:
                of = re.match(rf"{cue_pattern(rel[0])}\s+of\s+(?:the\s+)?(.+)$", name, re.I)
                if of and cue_at == 0:
                    mention.kind, mention.name = "edition", of.group(1)
            if re.search(r"\b(?:an?|An?)\s+$", view[max(s, ns - 4):ns]):
                mention.extra["indefinite"] = True
            before = view[max(s, ns - 40):ns]
            y = re.search(r"\b((?:19|20)\d\d)\s+$", before)
            if y:
                mention.year = int(y.group(1))
                mention.start = ns - (len(before) - y.start())
            o = re.search(rf"\b({ORDINAL_RE.pattern[2:-2]})\s+$", before, re.I)
            if o and not ordinal:
                mention.ordinal = ordinal_value(o.group(1))
                mention.start = ns - (len(before) - o.start(1))
            city = re.match(r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+", name)
            if city and not mention.ordinal:
                for cand in (city.group(1), city.group(1).split()[0]):
                    entry = self.lex.city(cand)
                    if entry and name[len(cand):].strip() and self.cues.cue_of(name[len(cand):]):
                        mention.city_prefix = entry.name
                        mention.name = name[len(cand):].strip()
                        break
            last = mention.name.split()[-1].lower()
            if last in self.cues.series_heads or re.search(r"\bannual\s+$", view[max(s, ns - 10):ns]):
                mention.series_hint = True
            if len(mention.name.split()) == 1 and not mention.ordinal and not mention.year and not acr:
                mention.kind = "anaphor"  # "the Forum", "the Summit"
            out.append(mention)
        # acronyms of events defined earlier in the document ("FIBEMYD")
        for m in re.finditer(r"\b[A-Z]{3,}\b", view[s:e]):
            if any(o.start <= s + m.start() < o.end for o in out) or view[s + m.start() - 1:s + m.start()] == "(":
                continue
            long = self.acronyms.get(m.group())
            if long and self.cues.cue_of(long) and not self.lex.organization(long):
                out.append(EventMention(s + m.start(), s + m.end(), "named", long, *self.cues.cue_of(long)[:2],
                                        extra={"via_acronym": m.group()}))
        # descriptions: "a symposium on …", "the meeting of the ECLAC Ad Hoc Committee …"
        for m in self.described_re.finditer(view[s:e]):
            cue = self.cues.cue_of(m.group("cue"))
            if not cue or cue[2] != 0:
                continue
            cs = s + m.start("cue")
            cue_len = len(re.match(cue_pattern(cue[0]), view[cs:e], re.I).group())
            ce = cs + cue_len
            if view[ce - 1] == "s" and not cue[0].endswith("s") and cue[0] not in ("hearings",):
                continue  # plural: generic
            if any(o.start <= cs < o.end or o.start <= s + m.start() < o.end for o in out):
                continue
            det = m.group("det").lower()
            adj = m.group("adj").strip()
            if re.search(r"\b(?:of|on|for|in|to|and|was|were|is|are|be|been|has|had|will|would|at|the|a|an|by|"
                         r"with|from|its|their|this|that)\b", adj):
                continue
            tail = re.match(r"(?:\s+(?:of|on|for|focusing on|to discuss|to review|to examine|between|among)\s+"
                            r"[^,;.()\n]*?)?(?=\s+(?:in|at|from|on|held|organized|organised|hosted|convened|was|were|"
                            r"which|that|to be|attended|took|during|with)\b|[,.;(:]|$)", view[ce:e])
            tail_text = tail.group() if tail else ""
            if det == "the":
                if not re.match(r"\s+of\s+(?:the\s+)?[A-Z]", view[ce:e]):
                    continue  # anaphor, handled below
                spans = named_spans(view, ce + re.match(r"\s+of\s+(?:the\s+)?", view[ce:e]).end(), e, self._is_place,
                                    self.cue_words)
                if spans:
                    tail_text = view[ce:spans[0][1]]
            label = (adj + " " if adj else "") + view[cs:ce] + tail_text
            label = re.sub(r"\s+", " ", label).strip()
            if cue[0] in self.cues.weak and not tail_text and not adj:
                continue
            out.append(EventMention(s + m.start(), ce + len(tail_text), "described",
                                    label[:1].upper() + label[1:], cue[0], cue[1]))
        for m in _IT.finditer(view, s, e):
            out.append(EventMention(m.start(), m.end(), "anaphor", "", "event", "Event"))
        for m in _ANAPHOR.finditer(view, s, e):
            if any(o.start <= m.start("cue") < o.end for o in out):
                continue
            cue = self.cues.cue_of(m.group("cue"))
            if cue:
                out.append(EventMention(m.start(), m.end(), "anaphor", "", cue[0], cue[1]))
        return sorted(out, key=lambda o: o.start)

    def assembly_span(self, pos: int) -> tuple[int, int] | None:
        """Inside a General Assembly resolution (the Assembly is the one who decides), the span of
        "General Assembly" in its heading; None elsewhere."""
        lo = max(0, pos - 20000)
        heads = list(re.finditer(r"Resolution adopted by the (General Assembly)", self.text[lo:pos]))
        if not heads:
            return None
        return lo + heads[-1].start(1), lo + heads[-1].end(1)

    def _its_owner(self, s: int, e: int) -> tuple[int, int] | None:
        """The organization a sentence (or the one before it) is about: "The Inter-Agency Standing
        Committee (IASC) has recently begun …" -> "Inter-Agency Standing Committee"."""
        spans = [(a, b) for a, b in self._sentences if b <= e][-2:]
        for a, b in reversed(spans):
            m = re.match(r"\s*(?:The\s+)?([A-Z][\w\-']*(?:\s+(?:of|for|on|and|the)?\s*[A-Z][\w\-']*)*)"
                         r"(?:\s*\([A-Z]+\))?(?:\s+(?:has|have|had|is|was|were|are|also|recently|held|met|began|took|\w+ed)\b|"
                         r",\s+(?:at|in|during)\s+(?:its|their)\b)", self.text[a:b])
            if m:
                from graph.extract.actor_phrases import canonical_org
                org = canonical_org(m.group(1), self.actors)
                if org:
                    return a + m.start(1), a + m.end(1)
        return None

    def owner_spans(self, f: Found) -> list[tuple[int, int]]:
        """Text spans naming the organ whose meeting or session this is."""
        m, view = f.m, self.view
        if m.kind == "anaphor":
            return []
        if m.extra.get("owner_span"):
            return [m.extra["owner_span"]]
        phrase = view[m.start:m.end]
        out = []
        of = re.search(r"\b(?:" + "|".join(cue_pattern(c) for c in self.cues.classes) + r")\s+of\s+(?:the\s+)?",
                       phrase, re.I)
        if of:
            rest = phrase[of.end():]
            expanded = self.acronyms.get(rest.strip(), rest)
            if rest[:1].isupper() and not self.cues.cue_of(expanded) and not re.match(r"Heads?\b|Ministers?\b|Experts?\b", rest):
                out.append((m.start + of.end(), m.end))
        acr = re.match(r"(?:[A-Z][a-z\-]+\s+)?([A-Z]{2,}[a-z]?)\s", phrase)
        if acr and (self.lex.by_acronym(acr.group(1)) or acr.group(1) in self.acronyms):
            out.append((m.start + acr.start(1), m.start + acr.end(1)))
        return out

    # ---- attachment ------------------------------------------------------------------
    def attach(self, f: Found, left: int, right: int) -> None:
        text, m = self.text, f.m
        rs, re_ = m.end, min(right, m.end + 300)
        if re.match(r"\s*\(\d", text[rs:re_]):
            return
        first_break = re.search(r";|:\s|\bwhere\b|\bwhile\b|\bwhich (?:focused|was guided|aimed)", text[rs:re_])
        if first_break:
            re_ = rs + first_break.start()
        dates = find_dates(text, rs, re_)
        cue_held = re.search(r"\b(?:held|took place|convened|organi[sz]ed|hosted|to be|scheduled)\b", text[rs:re_])
        f.dates = [d for d in dates if (d.char_start - rs <= 80 or (cue_held and cue_held.start() < d.char_start - rs))
                   and not (text[d.char_start - 1:d.char_start] == "(" and d.char_start - rs > 3)][:1]
        f.places = [p for p in find_places(text, self.lex, rs, re_)][:1]
        # "the Tenth Session (Geneva, 26-30 April 2009)", "… Forum, Brussels, Belgium, 9 July 2007"
        venue = re.match(r"\s*(?:\(|,\s*)(?=[A-Z])", text[rs:re_])
        if venue and not f.places:
            p = place_at(text, rs + venue.end(), self.lex, re_)
            if p and p.city:
                f.places = [p]
                if not f.dates:
                    f.dates = [d for d in find_dates(text, p.char_end, min(re_, p.char_end + 40))
                               if re.fullmatch(r"[,\s]*", text[p.char_end:d.char_start])][:1]
        # a heading line followed by a "City, date" line
        line_end = text.find("\n", m.end)
        if line_end != -1 and not text[m.end:line_end].strip() and not f.dates:
            nxt = re.match(r"\n+\s*([^\n]{3,60})\n", text[line_end:])
            if nxt:
                ls = line_end + nxt.start(1)
                le = ls + len(nxt.group(1))
                dates = find_dates(text, ls, le)
                if dates:
                    f.dates = dates[:1]
                    p = place_at(text, ls, self.lex, le)
                    f.places = [p] if p else []
        ctx = text[rs:re_]
        cues = sorted((r.start(), prop, r.end()) for prop, rx in self.role_phrases.items() for r in rx.finditer(text, rs, re_))
        for i, (_, prop, en) in enumerate(cues):
            f.acted = True
            if prop == "attended":  # "attended by some 120 participants from 40 countries"
                stop = cues[i + 1][0] if i + 1 < len(cues) else max(re_, min(f.sent[1], rs + 400))
                self._attendance(f, en, stop)
        vctx = self.view[rs:re_]
        if self.planned_re.search(vctx[:120]) or self.planned_re.search(self.view[max(left, m.start - 60):m.start]):
            f.planned = True
        if self.held_re.search(ctx[:80]) and not re.search(r"\b(?:to be|will be|would be)\s*$", ctx[:ctx.find(self.held_re.search(ctx[:80]).group())]) \
                or re.search(r"\b(?:took place|was held|were held|had been held)\b",
                                                      text[max(left, m.start - 120):m.start]):
            f.held = True
        self._active(f, left)
        self._count(f, left, re_)

    def _attendance(self, f: Found, s: int, e: int) -> None:
        n = re.search(rf"(?:some|about|around|approximately|over|more than|nearly|almost)?\s*\b(?P<n>{NUMBER_WORD})\s+"
                      r"(?:[A-Za-z\-]+\s+){0,3}?(?:countries|States|participants|people|delegates|experts|"
                      r"representatives|Governments|organizations|ministers|officials)", self.text[s:e])
        if n and f.count is None:
            f.count = number_value(n.group("n").split()[-1])

    def _count(self, f: Found, left: int, right: int) -> None:
        text = self.text
        before = text[max(left, f.m.start - 160):f.m.start]
        n = re.search(rf"(?:[Ss]ome|[Aa]bout|[Oo]ver|[Mm]ore than|[Nn]early|[Aa]lmost)?\s*\b(?P<n>{NUMBER_WORD})\s+"
                      r"(?:[A-Za-z\-]+\s+){0,2}?(?:participants|people|persons|delegates|experts|representatives)\s+"
                      r"(?:(?:from|of|representing)\s+[^,.;]{1,60}?\s+)?"
                      r"(?:attended|participated in|took part in)\s+(?:the\s+)?$", before)
        after = re.match(rf"[^.;]{{0,80}}?\bbr(?:ought|inging) together\s+(?:some\s+|about\s+|over\s+)?"
                         rf"(?:representatives of\s+|delegates from\s+)?(?P<n>{NUMBER_WORD})\b", text[f.m.end:right])
        hit = n or after
        if hit and f.count is None:
            f.count = number_value(hit.group("n"))

    def _active(self, f: Found, left: int) -> None:
        """Whether the words before the mention give it an actor ("LAS and IOM had convened the …",
        "The ALO, in its …", "Chair of the …"), and whether they say it was held or is planned."""
        text, m = self.text, f.m
        before = text[left:m.start]
        if re.match(r"\s*(?P<subj>.+?),\s+(?:in|at|during)\s+(?:its|their)\s*$", before) or \
                re.search(r"\b(?:activities|programmes|programs|events|meetings|initiatives)\s+of\s+"
                          r"(?:the\s+)?[A-Z][^,;()]{1,80}?,\s+(?:including|such as|notably)\s+(?:the\s+)?$", before) or \
                re.search(r"\b(?:[Cc]o-)?[Cc]hair(?:man|person)?\s+of\s+(?:the\s+)?$", before):
            f.acted = True
        decides = re.search(r"\b(?:[Dd]ecides|[Dd]ecided|[Aa]grees|[Rr]esolves)\s+to\s+(?:hold|convene|organize|organise)\b",
                            self.view[max(f.sent[0], m.start - 120):m.start])
        if decides and self.assembly_span(m.start):
            f.acted = True
            f.planned = True
            if not f.dates:  # "Decides to convene, at its sixty-fifth session, in 2011, a … debate"
                d0 = max(f.sent[0], m.start - 120) + decides.end()
                f.dates = find_dates(text, d0, m.start)[-1:]
        for prop, verb, direct, part in _verb_patterns(tuple(self.verbs)):
            v = direct.search(before) or (part.search(before) if part is not None else None)
            if not v:
                continue
            if prop == "organized" and verb == "held" and re.search(r"\b(?:was|were|been|be|is|are)\s+held", before):
                break
            if re.search(r"\b(?:planning|plans|will|would|to)\b", verb + " " + before[max(0, v.start() - 20):v.start()]):
                f.planned = True
            else:
                f.held = True
            f.acted = True
            break
