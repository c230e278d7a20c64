"""Sentences with their mentions as placeholders, the text the relation patterns read.

"Ms. Ann Tern, Director of the Institute, opened the Seminar in Lima." becomes
"⟦0:Person⟧, Director of ⟦1:Org⟧, opened ⟦2:Event⟧ in ⟦3:City⟧." Each placeholder stands
for one chosen mention. Some readings go beyond the mentions the extractors found:

- a definite description names the last organization with that head noun ("the Observatory"
  after "the Caribbean Migration Data Observatory"; "the Board" after "the Governing Board");
- a sentence opening with "It" or "They" is about the subject of the sentence before it in
  the same paragraph (the paragraph's topic);
- "the Government of Peru" acts as Peru: the edges of a state go to its Country node (and to the
  Government, kept in `Tagged.named`);
- a title ending with an event, followed by ", held …", stands for that event;
- list items that open with their verb ("- Organized a symposium", "(b) organizing …") have the
  subject of the sentence that introduces them written in;
- a paragraph that reports an actor ("The representative of X reported that …") has X as its
  speaker (`Tagged.speaker`).

A sentence that introduces a list ("… were organized by X:") carries the first mention of
each item that follows as ⟪⟦4:Event⟧ ⟦9:Event⟧⟫, for the `{o:items}` slot.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from graph import refs
from graph.extract.lexmatch import lines_of
from graph.extract.person_names import HONORIFIC
from graph.model import Evidence, Mention
from graph.reading import Reading
from graph.relations.patterns import KIND_OF_CLASS

# which mention wins a span two extractors both claim: the more specific reading
_PRIORITY = {k: i for i, k in enumerate(("Person", "Event", "Project", "Doc", "Resolution", "Provision", "Convention",
                                         "Instrument", "Pledge", "Org", "City", "Country", "Series"))}
_GOVERNMENT = re.compile(r"(?:the\s+)?(?:Government|Republic|State|Kingdom)\s+of\s+", re.I)
_DEFINITE = re.compile(r"\b[Tt]he ([A-Z][a-z]{2,})\b(?![ -][A-Z])")
# "the event", "the one-day consultation", "the document": the last thing of that kind named before
_GENERIC = re.compile(r"\b[Tt]he (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)? )?"
                      r"(?:(?:one-day|two-day|three-day|week-long|high-level|ministerial|annual|present|"
                      r"same|above|said) )?(?P<noun>event|meeting|conference|consultation|summit|forum|session|workshop|"
                      r"seminar|symposium|dialogue|document|declaration|report|study|publication|convention|agreement|"
                      r"resolution|project|initiative|programme)\b(?![ -]?(?:of|on|for)\b)(?! [\"\u201c]| [A-Z])")
_NOUN_KINDS = {**{n: ("Event",) for n in ("event", "meeting", "conference", "consultation", "summit", "forum", "session",
                                            "workshop", "seminar", "symposium", "dialogue")},
               "document": ("Doc", "Instrument", "Resolution", "Convention"), "declaration": ("Instrument",),
               "report": ("Doc",), "study": ("Doc",), "publication": ("Doc",), "convention": ("Convention",),
               "agreement": ("Instrument",), "resolution": ("Resolution",),
               **{n: ("Project",) for n in ("project", "initiative", "programme")}}
# the Secretary-General is an actor of his own (the node resolutions' addressees use), unless a name follows
_SG = re.compile(r"\b(?:the |UN |United Nations )?Secretary-General(?: of the United Nations)?\b(?! [A-Z][a-z])")
_IT = re.compile(r"(?:It|They|This (?:project|initiative|programme|meeting|organization))\b")
_SUBJECT_FIRST = re.compile(r"(?:(?:The|the) (?:(?:project|programme|initiative|meeting|workshop|report) )?[\"\u201c]?)?⟦(\d+):")
# a sentence that introduces a list ends with a colon; its subject may follow a fronted phrase
_INTRO = re.compile(r":\s*(?:⟪[^⟫]*⟫)?$")
_INTRO_SUBJECT = re.compile(r"(?:(?:In|During|Since|Recently|Over|Throughout|As part of)\b[^⟦⟧,]{0,60},\s+)?"
                            r"(?:[Tt]he\s+)?⟦(\d+):[A-Za-z]+⟧(?:\s*\([^()⟦⟧]{1,20}\))?\s+(?:has\s+|have\s+|had\s+|also\s+)?"
                            r"(?:undertook|carried out|conducted|implemented|engaged in|was involved in|were involved in|"
                            r"participated in|contributed|organized|achieved|provided|did|completed|worked|took part in|"
                            r"its activities included|activities included)\b")
# an organization's name used as a modifier names something else: "the United Nations country team"
_MODIFIER = re.compile(r"\s+(?:country\s+teams?|country\s+offices?|field\s+offices?|staff|task\s+forces?|teams?)\b")
# a heading over a list of persons: "Members of the ⟦0:Org⟧ in 2031", "List of participants in the ⟦1:Event⟧"
_ROSTER_HEAD = re.compile(r"(?:(?:annex|appendix)\s*[\w.]*[:.]?\s+)?(?:list of |the )?(?:members|membership|composition|"
                          r"participants|speakers|panellists|panelists|delegates|attendees)\b", re.I)
# a paragraph that reports what an actor said: "The representative of ⟦2:Org⟧ reported that …"
_SPEAKER = re.compile(r"(?:(?:In|During|At|On)\b[^⟦⟧,]{0,60},\s+)?(?:[Tt]he\s+)?(?:(?:representative|delegate|observer|"
                      r"delegation|spokesperson|secretariat)s?\s+of\s+(?:the\s+)?)?⟦(\d+):(?:Org|Country)⟧"
                      r"(?:\s*\([^()⟦⟧]{1,20}\)|\s*\(⟦\d+:Org⟧\))?\s+(?:also\s+|further\s+)?(?:reported|informed|stated|"
                      r"said|noted|indicated|highlighted|explained|described|mentioned|announced|emphasized|"
                      r"emphasised|underlined|pointed out|recalled|shared|told)\b")
# an item that opens with its verb: "- Organized …", "(b) Hosting …", "- Co-chaired …"
_VERB_FIRST = re.compile(r"(?:Co-)?[A-Z][a-z]+(?:ed|ing)\b(?! by\b)")
_ITEM_MARK = re.compile(r"\s*(?:\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\)|\d{1,2}[.)]|[-\u2022*\u2013])\s+")
# a line that opens with a person: "Mr. ⟦0:Person⟧ (⟦1:Country⟧), Chair", "- Ms. ⟦0:Person⟧, Director of …"
_ROSTER_LINE = re.compile(rf"(?:{_ITEM_MARK.pattern})?\s*(?:{HONORIFIC}\s+)*⟦(\d+):Person⟧")


@dataclass(frozen=True, slots=True)
class Tagged:
    """One sentence of the view, [start, end), as the patterns see it."""

    start: int
    end: int
    text: str
    slots: tuple[Mention, ...]  # placeholder number -> the mention it stands for
    # placeholder number -> the organization the text names there when the slot holds the state it acts
    # for ("the Government of Peru" is tagged as Peru; the Government is an actor of its own too)
    named: dict[int, Mention] = field(default_factory=dict)
    # who the paragraph reports: "The representative of X reported that …" (X), for `subject: speaker` rows
    speaker: Mention | None = None


def kind(m: Mention) -> str:
    return KIND_OF_CLASS.get(m.cls, "")


_NUMBERED = re.compile(r"\s*\(?(?:\d{1,3}|[a-z]{1,2}|[ivx]{1,5})[.)]\s")


def _whole_paragraph(m: Mention) -> bool:
    """A provision's mention is its whole operative paragraph: the names inside it are the slots."""
    return kind(m) == "Provision" and _NUMBERED.match(m.evidence.quote) is not None


def choose(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions in text order: the longest span wins, then the more specific kind."""
    usable = [m for m in mentions if kind(m) and m.evidence.end > m.evidence.start and not _whole_paragraph(m)]
    usable.sort(key=lambda m: (m.evidence.start, -(m.evidence.end - m.evidence.start), _PRIORITY.get(kind(m), 99),
                               m.ref))
    out: list[Mention] = []
    for m in usable:
        if out and m.evidence.start < out[-1].evidence.end:
            continue
        out.append(m)
    return out


def _heads(name: str) -> set[str]:
    """The words a definite description may use for a name: its last word, and the word before its
    first "of" or "for" ("Institute" of "Arnor Institute for Migration Studies")."""
    words = name.split()
    heads = {words[-1].lower()}
    for i, w in enumerate(words[1:], 1):
        if w in ("of", "for", "on"):
            heads.add(words[i - 1].lower())
            break
    return heads


# a participle after a document's title that tells of the event the title names, not of the document
_OF_EVENT = re.compile(r"\s*,?\s*(?:which\s+was\s+|that\s+was\s+)?(?:jointly\s+)?(?:held|convened|organi[sz]ed|"
                       r"co-organi[sz]ed|hosted|co-hosted|chaired|co-chaired)\b")


def _event_of_title(m: Mention, inner: list[Mention], text: str) -> Mention:
    """ "the summary report of the first meeting of the Forum, held in Brussels …": what follows the
    title is said of the meeting the title ends with, so the meeting stands in the title's place."""
    if kind(m) != "Doc" or not _OF_EVENT.match(text, m.evidence.end):
        return m
    events = [x for x in inner if kind(x) == "Event" and x.evidence.end == m.evidence.end
              and x.evidence.start > m.evidence.start]
    return events[0] if events else m


# "X supported the Forum by: (a) moderating …; (b) hosting …": inline items that open with their verb
_INLINE_ITEM = re.compile(r"(?:^|(?<=:)|(?<=;)|(?<=,)|(?<=\band))\s*\([a-z]\)\s+(?=(?:Co-|co-)?[a-z]+(?:ed|ing)\b)")
_LEAD_SUBJECT = re.compile(r"\s*(?:[-\u2022*\u2013]\s+|\(?[a-z0-9]{1,3}[.)]\s+)?(?:[Tt]he\s+)?⟦(\d+):(Org|Country|Person)⟧ [A-Z]?[a-z]")


def _inline_items(t: Tagged, prev: Tagged | None) -> Tagged:
    """Each inline item of a sentence's list "…: (a) moderating …; (b) organizing …" has the
    sentence's subject: it is written before each item's verb. A list that starts a sentence of its
    own ("… by:" then "(a) moderating …", as a wrapped or printed page splits it) has the subject of
    the sentence that introduces it."""
    lead = _LEAD_SUBJECT.match(t.text)
    slots = t.slots
    if lead and re.search(r":\s*\(a\)\s", t.text):
        token = f"⟦{lead.group(1)}:{lead.group(2)}⟧"
        text = _INLINE_ITEM.sub(lambda m: f"{m.group()}{token} " if m.start() else m.group(), t.text)
    elif (prev is not None and re.match(r"\s*\(a\)\s", t.text) and prev.text.rstrip().endswith(":")
          and (lead := _LEAD_SUBJECT.match(prev.text))):
        slots = (*t.slots, prev.slots[int(lead.group(1))])
        token = f"⟦{len(t.slots)}:{lead.group(2)}⟧"
        text = _INLINE_ITEM.sub(lambda m: f"{m.group()}{token} ", t.text)
    else:
        return t
    return Tagged(t.start, t.end, text, slots, t.named)


def _as_state(m: Mention, inner: list[Mention]) -> Mention:
    """"the Government of Peru" -> Peru, when the name holds one country and nothing else."""
    if kind(m) != "Org" or not _GOVERNMENT.match(m.label):
        return m
    countries = [c for c in inner if kind(c) == "Country" and m.evidence.start <= c.evidence.start
                 and c.evidence.end <= m.evidence.end]
    if len({c.ref for c in countries}) != 1 or not m.label.rstrip().endswith(countries[0].label.split()[-1]):
        return m
    c = countries[0]
    return Mention(c.ref, c.cls, c.label, m.evidence, c.aliases)


class Tagger:
    """Tags the sentences of one reading, given every mention the extractors found in it."""

    def __init__(self, reading: Reading, mentions: list[Mention], places: dict[str, set[str]] | None = None) -> None:
        """`places`: where each event was held (event ref -> place names), for "the Kingston workshop"."""
        self.reading = reading
        self._places = places or {}
        self._described: list[Mention] = []  # events named by description ("the Kingston workshop"), in order
        by_start = sorted(mentions, key=lambda m: m.evidence.start)
        starts = [m.evidence.start for m in by_start]
        self.chosen = []
        self._government: dict[int, Mention] = {}  # id of a state's mention -> the Government named there
        for m in choose(mentions):
            inner = self._inside(by_start, starts, m)
            m = _event_of_title(m, inner, reading.text)
            state = _as_state(m, inner)
            if state is not m:
                self._government[id(state)] = m
            self.chosen.append(state)
        self._starts = [m.evidence.start for m in self.chosen]
        self._orgs_by_head: dict[str, list[Mention]] = {}
        self._org_by_name: dict[str, Mention] = {}
        # the chosen mentions do not overlap, so their ends rise with their starts: lookups bisect
        self._of_kind: dict[str, tuple[list[int], list[int]]] = {}  # kind -> (indexes in chosen, ends)
        for i, m in enumerate(self.chosen):
            idx, ends = self._of_kind.setdefault(kind(m), ([], []))
            idx.append(i)
            ends.append(m.evidence.end)
            if kind(m) == "Org" and len(m.label.split()) > 1:
                for head in _heads(m.label):
                    self._orgs_by_head.setdefault(head, []).append(m)
                # its name again, where no extractor tagged it ("Chair of the Governing Board")
                self._org_by_name.setdefault(m.label, m)
        self._head_ends = {h: [m.evidence.end for m in ms] for h, ms in self._orgs_by_head.items()}
        self._block_starts = [b.start for b in reading.blocks]

    @staticmethod
    def _inside(by_start: list[Mention], starts: list[int], m: Mention) -> list[Mention]:
        i = bisect.bisect_left(starts, m.evidence.start)
        out = []
        while i < len(by_start) and by_start[i].evidence.start < m.evidence.end:
            out.append(by_start[i])
            i += 1
        return out

    @staticmethod
    def topic(sentences: list[Tagged]) -> Mention | None:
        """The document's own organization: the one it names most often, by name or as "the
        Observatory" (at least five times, and twice as often as any other), as an annual report
        names its agency."""
        counts: dict[str, list[Mention]] = {}
        for t in sentences:
            for m in t.slots:
                if kind(m) == "Org":
                    counts.setdefault(m.ref, []).append(m)
        ranked = sorted(counts.values(), key=len, reverse=True)
        if not ranked or len(ranked[0]) < 5 or (len(ranked) > 1 and len(ranked[0]) < 2 * len(ranked[1])):
            return None
        return ranked[0][0]

    def _antecedent(self, head: str, pos: int) -> Mention | None:
        """The last organization before `pos` whose name ends with `head`."""
        head = head.lower()
        i = bisect.bisect_right(self._head_ends.get(head, ()), pos) - 1
        return self._orgs_by_head[head][i] if i >= 0 else None

    def _last_held_in(self, place: str, pos: int) -> Mention | None:
        """The last event before `pos` held in `place`."""
        idx, ends = self._of_kind.get("Event", ((), ()))
        for j in range(bisect.bisect_left(ends, pos) - 1, -1, -1):
            m = self.chosen[idx[j]]
            if place in self._places.get(m.ref, ()):
                return m
        return None

    def _last_of(self, kinds: tuple[str, ...], pos: int) -> Mention | None:
        """The last mention of one of `kinds` before `pos`."""
        i = bisect.bisect_left(self._starts, pos) - 1  # the mentions that start before pos
        best = -1
        for k in kinds:
            idx, ends = self._of_kind.get(k, ((), ()))
            j = bisect.bisect_right(idx, i) - 1
            if j >= 0 and ends[j] > pos:
                j -= 1  # only the last mention before pos can reach past it
            if j >= 0 and idx[j] > best:
                best = idx[j]
        found = self.chosen[best] if best >= 0 else None
        if "Event" in kinds:  # an event named since by description is the later one
            later = next((d for d in reversed(self._described) if d.evidence.end <= pos), None)
            if later is not None and (found is None or later.evidence.start > found.evidence.start):
                return later
        return found

    def _block_at(self, pos: int):
        """The block holding view offset pos (blocks are lines, in order)."""
        i = bisect.bisect_right(self._block_starts, pos) - 1
        if i >= 0 and pos < self.reading.blocks[i].end:
            return self.reading.blocks[i]
        return None

    def sentences(self) -> list[Tagged]:
        r = self.reading
        lines = lines_of(r.text)
        out: list[Tagged] = []
        prev: Tagged | None = None
        for s, e in r.sentences:
            tagged = self._tag(s, e, prev if prev and lines.bounds(s)[0] - 1 < prev.start else None)
            out.append(tagged)
            prev = tagged
        out = [self._roster(t, out, i + 1) or self._with_items(t, out, i + 1) for i, t in enumerate(out)]
        return self._speakers(self._items_continue(out))

    def _roster(self, t: Tagged, out: list[Tagged], start: int) -> Tagged | None:
        """A heading that names a body's members or an event's participants ("Members of the Board in
        2031", "Participants in the Regional Seminar") with the persons of the lines under it, one per
        line ("Mr. A (Peru), Chair"), as ⟪…⟫ items; None when `t` is no such heading."""
        block = self._block_at(t.start)
        if block is None or block.kind != "heading" or not _ROSTER_HEAD.match(t.text):
            return None
        leads: list[Mention] = []
        for f in out[start:]:
            line = self._block_at(f.start)
            if line is None or line.kind == "heading" or f.start != line.start or f.end - f.start > 200:
                break
            lead = _ROSTER_LINE.match(f.text)
            if not lead or kind(f.slots[int(lead.group(1))]) != "Person":
                break
            leads.append(f.slots[int(lead.group(1))])
        if not leads:
            return None
        n = len(t.slots)
        items = " ".join(f"⟦{n + k}:Person⟧" for k in range(len(leads)))
        return Tagged(t.start, t.end, f"{t.text} ⟪{items}⟫", (*t.slots, *leads), t.named)

    def _speakers(self, out: list[Tagged]) -> list[Tagged]:
        """Each sentence with the speaker of its paragraph, from the sentence that names it on."""
        lines, speaker, para = lines_of(self.reading.text), None, -1
        for i, t in enumerate(out):
            start = lines.bounds(t.start)[0] - 1  # the line break before it (by bisection)
            if start != para:
                para, speaker = start, None
            said = _SPEAKER.match(t.text)
            if said:
                speaker = t.slots[int(said.group(1))]
            if speaker is not None:
                out[i] = replace(t, speaker=speaker)
        return out

    def _items(self, out: list[Tagged], start: int):
        """The sentences of the list items from out[start] on, right after an introducing
        sentence, with whether each opens its item."""
        for k in range(start, len(out)):
            f = out[k]
            block = self._block_at(f.start)
            if block is None or block.kind not in ("subparagraph", "item", "numbered"):
                return
            yield f, f.start == block.start

    def _items_continue(self, out: list[Tagged]) -> list[Tagged]:
        """ "ISIM undertook the following: - Organized a symposium …": an item that opens with its
        verb goes on from the introducing sentence, whose subject is the item's subject."""
        for i, t in enumerate(out):
            if not _INTRO.search(t.text):
                continue
            subject = _INTRO_SUBJECT.match(t.text)
            if not subject:
                continue
            who = t.slots[int(subject.group(1))]
            if kind(who) not in ("Org", "Country", "Person"):
                continue
            for k, (f, opens) in enumerate(self._items(out, i + 1), start=i + 1):
                mark = _ITEM_MARK.match(f.text)
                if not opens or not _VERB_FIRST.match(f.text, mark.end() if mark else 0):
                    continue
                at = mark.end() if mark else 0
                n = len(f.slots)
                out[k] = Tagged(f.start, f.end, f"{f.text[:at]}⟦{n}:{kind(who)}⟧ {f.text[at:]}", (*f.slots, who), f.named)
        return [_inline_items(t, out[i - 1] if i else None) for i, t in enumerate(out)]

    def _tag(self, s: int, e: int, prev: Tagged | None) -> Tagged:
        text = self.reading.text
        i = bisect.bisect_left(self._starts, s)
        found: list[Mention] = []
        while i < len(self.chosen) and self.chosen[i].evidence.start < e:
            m = self.chosen[i]
            if m.evidence.end <= e and not (kind(m) == "Org" and _MODIFIER.match(text, m.evidence.end)):
                found.append(m)
            i += 1
        extra = self._descriptions(s, e, found)
        it = _IT.match(text, s, e)
        if it and not any(m.evidence.start == s for m in found) and prev is not None:
            first = _SUBJECT_FIRST.match(prev.text)
            if first:
                m = prev.slots[int(first.group(1))]
                extra.append(Mention(m.ref, m.cls, m.label, Evidence(m.evidence.doc, s, it.end(), text[s:it.end()]), m.aliases))
        spans = sorted([*found, *extra], key=lambda m: m.evidence.start)
        parts, slots, pos = [], [], s
        named: dict[int, Mention] = {}
        for m in spans:
            if m.evidence.start < pos:
                continue
            parts.append(text[pos:m.evidence.start])
            parts.append(f"⟦{len(slots)}:{kind(m)}⟧")
            if id(m) in self._government:
                named[len(slots)] = self._government[id(m)]
            slots.append(m)
            pos = m.evidence.end
        parts.append(text[pos:e])
        return Tagged(s, e, re.sub(r"\s+", " ", "".join(parts)), tuple(slots), named)

    def _descriptions(self, s: int, e: int, found: list[Mention]) -> list[Mention]:
        text, out = self.reading.text, []
        for d in _DEFINITE.finditer(text, s, e):
            if any(m.evidence.start <= d.start(1) < m.evidence.end for m in found):
                continue
            m = self._antecedent(d.group(1), d.start()) or self._head_noun(d.group(1), d.start())
            if m is not None:
                ev = Evidence(m.evidence.doc, d.start(), d.end(), text[d.start():d.end()])
                out.append(Mention(m.ref, m.cls, m.label, ev, m.aliases))
        sentence = text[s:e]
        for name, m in self._org_by_name.items():
            at = sentence.find(name)
            while at >= 0:
                a, b = s + at, s + at + len(name)
                whole = not (text[a - 1:a].isalnum() or text[b:b + 1].isalnum()) and not _MODIFIER.match(text, b)
                if whole and m.evidence.start < a and \
                        not any(x.evidence.start < b and a < x.evidence.end for x in [*found, *out]):
                    out.append(Mention(m.ref, m.cls, m.label, Evidence(m.evidence.doc, a, b, name), m.aliases))
                at = sentence.find(name, at + len(name))
        for g in _SG.finditer(text, s, e):
            if not any(m.evidence.start < g.end() and g.start() < m.evidence.end for m in [*found, *out]):
                out.append(Mention(refs.org("Secretary-General"), "UNEntity", "Secretary-General",
                                   Evidence(self.reading.doc_id, g.start(), g.end(), text[g.start():g.end()])))
        for g in _GENERIC.finditer(text, s, e):
            if any(m.evidence.start < g.end() and g.start() < m.evidence.end for m in [*found, *out]):
                continue
            kinds = _NOUN_KINDS[g.group("noun").lower()]
            if g.group("place"):  # "the Kingston workshop": the last event held there, or nothing
                m = self._last_held_in(g.group("place").strip(), g.start()) if kinds == ("Event",) else None
            else:
                m = self._last_of(kinds, g.start())
            if m is not None:
                d = Mention(m.ref, m.cls, m.label, Evidence(m.evidence.doc, g.start(), g.end(), text[g.start():g.end()]),
                            m.aliases)
                out.append(d)
                if kind(d) == "Event":
                    self._described.append(d)
        return out

    def _head_noun(self, head: str, pos: int) -> Mention | None:
        """ "the Declaration", "the Forum": the last named thing of the kind that word names."""
        kinds = _NOUN_KINDS.get(head.lower())
        if not kinds:
            return None
        m = self._last_of(kinds, pos)
        return m if m is not None and head.lower() in m.label.lower() else None

    def _with_items(self, t: Tagged, out: list[Tagged], start: int) -> Tagged:
        """An introducing sentence ("… the following meetings …:") with the lead mention of each
        item after it (out[start:])."""
        if not t.text.rstrip().endswith(":"):
            return t
        leads: list[Mention] = []
        for k in range(start, len(out)):
            f = out[k]
            block = self._block_at(f.start)
            if block is None or block.kind not in ("subparagraph", "item", "numbered"):
                break
            if f.start != block.start:
                continue  # a later sentence of the same item
            mark = _ITEM_MARK.match(f.text)
            lead = _SUBJECT_FIRST.match(f.text, mark.end() if mark else 0)
            if lead:
                leads.append(f.slots[int(lead.group(1))])
        if not leads:
            return t
        n = len(t.slots)
        items = " ".join(f"⟦{n + k}:{kind(m)}⟧" for k, m in enumerate(leads))
        return Tagged(t.start, t.end, f"{t.text} ⟪{items}⟫", (*t.slots, *leads), t.named)
