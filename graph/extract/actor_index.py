"""The actors of one document by position, as the actors extractor names them.

Extractors that relate actors to other things (publications, partnerships) ask
"which actor is named here?" and must answer with the very ref, label and class
that `graph.extract.actors` emits, so the resolver joins them. Rather than a
second matcher, the pipeline runs that extractor once per document and hands
this index of its Mentions by span to the extractors that need it.
"""
from __future__ import annotations

import bisect
import re

from graph.lexicon import Lexicon
from graph.model import Extraction, Mention
from graph.reading import Reading

ACTOR_CLASSES = frozenset({
    "Organization", "UNEntity", "IntergovernmentalOrganization", "NonGovernmentalOrganization",
    "AcademicInstitution", "Foundation", "Company", "GovernmentBody", "Person", "Country",
})

# What may stand between two actors of one list: "ILO, IOM and the United Nations Population Fund".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+|or\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+or\s+|\s*&\s*"
                       # "… and other organizations, such as the ILO"
                       r"|,?\s+and\s+other\s+[a-z][a-z\s\-]{0,40}?,?\s+(?:such\s+as|including|like)\s+)"
                       r"(?:the\s+|its\s+)?")
_ACR_AFTER = re.compile(r"\s*\(\s*[A-Z][\w/&\-]*\s*\)")
_LEAD = re.compile(r"\s*(?:the\s+|its\s+|their\s+|both\s+)?")


def _non_overlapping(extraction: Extraction) -> tuple[Mention, ...]:
    found = [m for m in extraction.mentions if m.cls in ACTOR_CLASSES]
    # longest first, then drop any mention inside another ("Mauritius" in "Government of Mauritius")
    found.sort(key=lambda m: (m.evidence.start, -(m.evidence.end - m.evidence.start)))
    kept: list[Mention] = []
    for m in found:
        if kept and m.evidence.start < kept[-1].evidence.end:
            continue
        kept.append(m)
    return tuple(kept)


class ActorIndex:
    """Actor mentions of one document, non-overlapping, in text order.

    Built once per document from the actors extractor's result (`extraction`, which the
    pipeline also emits), and handed to every extractor that relates actors.
    """

    def __init__(self, text: str, extraction: Extraction) -> None:
        self.text = text
        self.extraction = extraction
        self.mentions = _non_overlapping(extraction)
        self._starts = [m.evidence.start for m in self.mentions]

    @classmethod
    def of(cls, reading: Reading, lexicon: Lexicon) -> "ActorIndex":
        """Run the actors extractor on a reading and index what it found."""
        from graph.extract import actors

        return cls(reading.text, actors.extract(reading, lexicon))

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying entirely inside text[start:end]."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].evidence.start < end:
            if self.mentions[i].evidence.end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def at(self, pos: int) -> Mention | None:
        """The mention that starts at `pos`, after an optional "the"."""
        m = _LEAD.match(self.text, pos)
        s = m.end() if m else pos
        i = bisect.bisect_left(self._starts, s)
        if i < len(self.mentions) and self.mentions[i].evidence.start == s:
            return self.mentions[i]
        return None

    def before(self, pos: int, floor: int) -> list[Mention]:
        """Mentions ending at or before `pos` and starting at or after `floor`, nearest first."""
        i = bisect.bisect_left(self._starts, pos)
        out = []
        for m in reversed(self.mentions[:i]):
            if m.evidence.start < floor:
                break
            if m.evidence.end <= pos:
                out.append(m)
        return out

    def subject(self, floor: int, verb_start: int) -> list[Mention]:
        """The actor(s) whose verb starts at `verb_start`, looking back no further than `floor`."""
        return _subject(self, floor, verb_start)

    def list_at(self, pos: int, limit: int) -> list[Mention]:
        """The actors listed from `pos` on ("ILO, IOM and the United Nations Population Fund (UNFPA)"):
        consecutive mentions joined only by commas, "and", "as well as" or an acronym in brackets."""
        first = self.at(pos)
        if first is None or first.evidence.end > limit:
            return []
        out = [first]
        i = bisect.bisect_left(self._starts, first.evidence.start) + 1
        end = first.evidence.end
        while i < len(self.mentions):
            nxt = self.mentions[i]
            if nxt.evidence.end > limit:
                break
            acr = _ACR_AFTER.match(self.text, end)
            gap_start = acr.end() if acr else end
            if nxt.evidence.start < gap_start:  # the acronym itself: "(IOM)"
                if nxt.ref == out[-1].ref and acr is not None:
                    end = acr.end()
                    i += 1
                    continue
                break
            gap = self.text[gap_start:nxt.evidence.start]
            if not _LIST_GAP.fullmatch(gap):
                break
            if nxt.ref not in {o.ref for o in out}:
                out.append(nxt)
            end = nxt.evidence.end
            i += 1
        return out


_SUBJECT_GAP = re.compile(r"(?:\s*\([A-Z][\w/&\-]*\))?\s*(?:(?:agencies|members|partners|secretariat|staff)\s+)?"
                          r"(?:(?:had|has|have|also|jointly|recently|just|then|would|will|was|were|already|been|"
                          r"successfully|officially)\s+){0,3}$")
_WITH = re.compile(r"(?:\s*\([A-Z][\w/&\-]*\))?\s*,\s*(?:(?P<with>(?:together|along|jointly)\s+with|"
                   r"in\s+(?:collaboration|cooperation|partnership)\s+with)|through|via)\s+(?:the\s+)?")
_SPEAKS_FOR = re.compile(r"\b(?:[Rr]epresentatives?|[Dd]elegations?|[Dd]elegates?|[Oo]bservers?)\s+of\s+(?:the\s+)?$")
_COMPLEMENT = re.compile(r"\b(?:of|for|at|in|on|with|from|by|to)\s+(?:the\s+)?$")


def _subject(index: "ActorIndex", ss: int, verb_start: int) -> list[Mention]:
    """The actor(s) whose verb starts at `verb_start`: "IOM had also published", "the GMG agencies jointly
    published", "ECLAC, together with SEGIB and IOM, presented", "Mr. Philip Guest, Assistant Director of
    the Population Division of …, introduced"."""
    text, actors = index.text, index
    before = actors.before(verb_start, ss)
    if not before:
        return []
    m = before[0]
    gap = text[m.evidence.end:verb_start]
    if len(before) > 1 and before[1].ref == m.ref and text[m.evidence.start - 1:m.evidence.start] == "(" \
            and text[m.evidence.end:m.evidence.end + 1] == ")":
        # "the International Organization for Migration (IOM), launched": the acronym restates the name
        gap = text[m.evidence.end + 1:verb_start]
        before = before[1:]
        m = before[0]
    if _SUBJECT_GAP.match(gap):
        # "… the Population Division of the Department …": an actor inside a complement is not the subject
        if not _COMPLEMENT.search(text, max(ss, m.evidence.start - 12), m.evidence.start) or \
                _SPEAKS_FOR.search(text, max(ss, m.evidence.start - 40), m.evidence.start):
            return [m]  # "IOM had published", "the representative of ECLAC presented"
    # "X, together with Y and Z, presented": all of them
    if re.fullmatch(r"(?:\s*\([A-Z][\w/&\-]*\))?\s*,\s*", gap):
        for lead in before[1:]:
            w = _WITH.match(text, lead.evidence.end, verb_start)
            if w and w.end() <= m.evidence.start:
                if not w.group("with"):  # "ECLAC, through CELADE, will lead": the one who acts through another
                    return [lead]
                return [lead, *(a for a in actors.within(w.end(), verb_start) if a.ref != lead.ref)]
    # "Mr. X, Director of the Y, introduced": the head of an apposition
    for head in before:
        if head.cls != "Person" and not re.match(r"\s*,", text[head.evidence.end:head.evidence.end + 3]):
            continue
        rest = text[head.evidence.end:verb_start]
        if re.match(r"(?:\s*\([A-Z][\w/&\-]*\))?\s*,\s*(?:the\s+)?[A-Z][\w\-]*\s[^,;.]{1,160},?\s*$", rest) and \
                not _COMPLEMENT.search(text, max(ss, head.evidence.start - 12), head.evidence.start):
            return [head]
        break
    return []
