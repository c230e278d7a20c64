"""Find organizations in a stretch of text: dictionary names, acronyms, in-text
acronym definitions and names recognised by their shape.

The result is plain `OrgHit` values (span + canonical name + kind); turning them
into Mentions is `graph.extract.actors`' job. One `OrgContext` per document holds
what the document itself defines ("International Organization for Migration
(IOM)"), so an acronym seen later resolves to the long name it was given here
before the dictionary is asked.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from graph.extract.countries import CountryIndex
from graph.extract.lexmatch import WORD, PhraseIndex, line_bounds, lines_of, tokenize
from graph.extract.org_shapes import (
    GENERIC,
    HEADS,
    INNER_CONNECTORS,
    NOT_ORG_WORDS,
    RIGHT_CONNECTORS,
    STOP_LEFT,
    TITLE_NOUNS,
    UNIT_HEADS,
    WEAK_HEADS,
    head_of,
    infer_kind,
    initials_match,
    is_acronym,
)
from graph.lexicon import Lexicon, OrgEntry
from graph.refs import fold


@dataclass(frozen=True, slots=True)
class OrgHit:
    """An organization named at text[start:end]."""

    start: int
    end: int
    surface: str
    name: str  # canonical long name (dictionary or in-text definition, else the surface)
    kind: str
    acronym: str = ""
    parent: str = ""  # canonical name of the organization it belongs to, if known
    source: str = ""  # dictionary | acronym | definition | shape | government


@dataclass(frozen=True, slots=True)
class PartOf:
    child: str
    parent: str
    start: int
    end: int


@dataclass(slots=True)
class Definition:
    name: str
    kind: str
    parent: str
    acronym: str


@dataclass(slots=True)
class OrgContext:
    """Dictionary + what one document defines; built once per document."""

    text: str
    lexicon: Lexicon
    index: PhraseIndex = field(default_factory=PhraseIndex)
    defined: dict[str, Definition] = field(default_factory=dict)
    known_names: dict[str, Definition] = field(default_factory=dict)  # folded name -> def
    definition_hits: list[OrgHit] = field(default_factory=list)
    glossary_lines: list[tuple[int, int]] = field(default_factory=list)
    ambiguous: dict[str, list[OrgEntry]] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str, lexicon: Lexicon) -> "OrgContext":
        ctx = cls(text, lexicon)
        for e in lexicon.organizations:
            # an "acronym" written as two words ("UN Women") is matched like a name
            for n in (e.name, *e.aliases, *(a for a in e.acronyms if " " in a.strip())):
                ctx.index.add(n, e)
        ctx._collect_definitions()
        return ctx

    # ---- dictionary -------------------------------------------------------------------
    def entry(self, name: str) -> OrgEntry | None:
        e = self.lexicon.organization(name)
        if e is None and not fold(name).startswith("united nations ") and len(fold(name).split()) >= 2:
            e = self.lexicon.organization("United Nations " + name)  # "Statistics Division"
        return e

    def canonical(self, name: str) -> Definition:
        """Canonical record for a long name: the dictionary's, else what the text defined."""
        e = self.entry(name)
        if e is not None:
            return Definition(e.name, e.kind, e.parent, e.acronyms[0] if e.acronyms else "")
        d = self.known_names.get(fold(name))
        if d is not None:
            return d
        return Definition(_clean(name), infer_kind(name), "", "")

    def acronym(self, acr: str) -> Definition | None:
        """The long name an acronym stands for here: in-text first, then an unambiguous entry."""
        if acr in self.defined:
            return self.defined[acr]
        entries = self.lexicon.by_acronym(acr)
        if len(entries) > 1:  # ambiguous: keep the one whose long name the text uses
            if acr not in self.ambiguous:
                self.ambiguous[acr] = [e for e in entries if _mentions(self.text, e)]
            entries = self.ambiguous[acr]
        if len(entries) == 1:
            e = entries[0]
            return Definition(e.name, e.kind, e.parent, acr)
        return None

    # ---- in-text definitions -------------------------------------------------------------
    def _collect_definitions(self) -> None:
        text = self.text
        for m in _PAREN_ACR.finditer(text):
            acr = m.group(1)
            if not is_acronym(acr) or ("/" in acr and not acr.startswith("UN/")):
                continue  # "PPMD/LAS" names a unit and its organization, not one body
            hit = self._long_form_before(m.start(), acr)
            if hit is not None:
                self._define(acr, hit)
        for m in _APPOSITIVE.finditer(text):
            acr, long_start = m.group(1), m.start(2)
            if not is_acronym(acr):
                continue
            hit = self._long_form_after(long_start, acr)
            if hit is not None:
                self._define(acr, hit)
        for m in _GLOSSARY.finditer(text):
            entries = list(_glossary_entries(text, m.start(), m.end()))
            if entries:
                self.glossary_lines.append((m.start(), m.end()))
            for acr, start, end in entries:
                long = text[start:end].strip()
                words = WORD.findall(long)
                d = self.canonical(long)
                if (self.entry(long) is not None or initials_match(_acr_core(acr), words)) and _org_like(words):
                    if self.entry(long) is None:
                        e = self.acronym(acr)
                        if e is not None and _similar(e.name, long):
                            d = e
                    self._define(acr, OrgHit(start, start + len(long), long, d.name, d.kind, acr,
                                             d.parent, "definition"))

    def _define(self, acr: str, hit: OrgHit) -> None:
        d = Definition(hit.name, hit.kind, hit.parent, acr)
        self.defined.setdefault(acr, d)
        self.known_names.setdefault(fold(hit.name), d)
        self.definition_hits.append(hit)

    def _long_form_before(self, paren: int, acr: str) -> OrgHit | None:
        """The organization name that ends right before "(ACR)"."""
        text = self.text
        ls, _ = line_bounds(text, paren)
        window_start = max(ls, paren - 200)
        words = list(WORD.finditer(text, window_start, paren))
        if not words or text[words[-1].end():paren].strip(" \t–—-"):
            return None
        # the capitalised run (with inner connectors) that ends at the parenthesis
        run: list[re.Match] = []
        for w in reversed(words):
            gap = text[w.end():(run[0].start() if run else paren)]
            if run and not re.fullmatch(r"[\s\-,’'.]*", gap):
                break
            tok = w.group()
            if tok[:1].isupper() or tok in INNER_CONNECTORS:
                run.insert(0, w)
            else:
                break
        while run and (run[0].group() in INNER_CONNECTORS or run[0].group() in STOP_LEFT):
            run.pop(0)
        if not run:
            return None
        cands = [run[i:] for i in range(len(run)) if run[i].group()[:1].isupper()]
        # "… Indian Studies in New Delhi (AIIS)": the place is not part of the name
        ins = [i for i, w in enumerate(run) if w.group() == "in"]
        if ins:
            cut = run[:ins[-1]]
            cands = [cut[i:] for i in range(len(cut)) if cut[i].group()[:1].isupper()] + cands
        core = _acr_core(acr)
        # 1. longest suffix that is a dictionary name carrying this acronym
        for c in cands:
            name = text[c[0].start():c[-1].end()]
            e = self.entry(name)
            if e is not None and acr in e.acronyms:
                return OrgHit(c[0].start(), c[-1].end(), name, e.name, e.kind, acr, e.parent, "definition")
        # 2. shortest suffix whose initials give the acronym (with a national modifier:
        #    "Filipino Department of Foreign Affairs (DFA)")
        for c in sorted(cands, key=len):
            ws = [w.group() for w in c]
            if initials_match(core, ws):
                i = next(k for k, w in enumerate(run) if w.start() == c[0].start())
                while i > 0 and (self.lexicon.country(run[i - 1].group()) is not None
                                 or _is_demonym(self.lexicon, run[i - 1].group())):
                    i -= 1
                c = run[i:run.index(c[-1]) + 1]
                name = text[c[0].start():c[-1].end()]
                e = self.entry(name)
                if e is not None:
                    return OrgHit(c[0].start(), c[-1].end(), name, e.name, e.kind, acr, e.parent, "definition")
                return self._shaped(c, acr)
        # 3. an acronym the dictionary knows, with a long name that looks like the run
        e = self.acronym(acr)
        if e is not None:
            for c in cands:
                if _similar(e.name, text[c[0].start():c[-1].end()]):
                    return OrgHit(c[0].start(), c[-1].end(), text[c[0].start():c[-1].end()], e.name,
                                  e.kind, acr, e.parent, "definition")
        # 4. a whole run shaped like an organization ("Hellenic Migration Policy Institute (IMEPO)")
        c = cands[0] if cands else []
        ws = [w.group() for w in c]
        if ws and ws[-1] in HEADS and ws[-1] not in WEAK_HEADS and _org_like(ws) and len(ws) <= 10:
            return self._shaped(c, acr)
        return None

    def _long_form_after(self, start: int, acr: str) -> OrgHit | None:
        """ "UNITAR, the United Nations Institute for Training and Research": name after the comma."""
        text = self.text
        run: list[re.Match] = []
        for w in WORD.finditer(text, start, min(len(text), start + 200)):
            gap = text[(run[-1].end() if run else start):w.start()]
            if run and not re.fullmatch(r"[ \-’']*", gap):
                break
            tok = w.group()
            if tok[:1].isupper() or (run and tok in INNER_CONNECTORS):
                run.append(w)
            else:
                break
        while run and run[-1].group() in INNER_CONNECTORS:
            run.pop()
        for k in range(len(run), 0, -1):
            c = run[:k]
            name = text[c[0].start():c[-1].end()]
            e = self.entry(name)
            if e is not None and (acr in e.acronyms or initials_match(_acr_core(acr), WORD.findall(name))):
                return OrgHit(c[0].start(), c[-1].end(), name, e.name, e.kind, acr, e.parent, "definition")
        for k in range(len(run), 0, -1):
            if initials_match(_acr_core(acr), [w.group() for w in run[:k]]):
                return self._shaped(run[:k], acr)
        return None

    def _shaped(self, words: list[re.Match], acr: str) -> OrgHit | None:
        ws = [w.group() for w in words]
        if not _org_like(ws):
            return None
        start, end = words[0].start(), words[-1].end()
        name = self.text[start:end]
        return OrgHit(start, end, name, _clean(name), _national(self, name, infer_kind(name)), acr, "",
                      "definition")


# "(IOM)", "(UN/DESA)", "(UN-HABITAT)"
_PAREN_ACR = re.compile(r"\(\s*([A-Z][A-Za-z0-9]*(?:[/\-&][A-Za-z0-9]+)*)\s*\)")
# "UNITAR, the United Nations Institute …"
_APPOSITIVE = re.compile(r"\b([A-Z][A-Z0-9]{1,}(?:[/\-][A-Z0-9]+)*),\s+the\s+([A-Z])")
# "ACR  Long Name" lines of an abbreviations list
_GLOSSARY = re.compile(r"^[ \t]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9/\-&]*[ \t]+[A-Z][^\n]*$", re.M)


def _glossary_entries(text: str, start: int, end: int):
    """ "NGOs Non-Governmental Organizations OAS Organization of American States" -> 2 entries."""
    line = text[start:end]
    toks = list(re.finditer(r"\S+", line))
    marks = [i for i, t in enumerate(toks)
             if is_acronym(t.group().rstrip("s")) and t.group().isupper() or
             (is_acronym(t.group()) and t.group()[-1] == "s" and t.group()[:-1].isupper())]
    marks = [i for i in marks if i + 1 < len(toks) and toks[i + 1].group()[:1].isupper()
             and not (toks[i + 1].group().isupper() and len(toks[i + 1].group()) > 1)]
    if not marks or marks[0] != 0:
        return
    # the rest of each entry must be a name: capitalised words and connectors only
    for k, i in enumerate(marks):
        j = marks[k + 1] if k + 1 < len(marks) else len(toks)
        body = [t.group() for t in toks[i + 1:j]]
        if not body or any(not (w[:1].isupper() or w in INNER_CONNECTORS or not w[:1].isalpha())
                           for w in body):
            return
        yield toks[i].group(), start + toks[i + 1].start(), start + toks[j - 1].end()


_STATE_HEADS = frozenset({"Bureau", "Department", "Agency", "Office", "Commission", "Council", "Authority",
                          "Administration", "Service", "Directorate", "Board", "Committee"})


def _national(ctx: "OrgContext", name: str, kind: str) -> str:
    """ "Sri Lanka Bureau of Foreign Employment", "Thai Labour Office": a state's own body."""
    if kind not in ("NonGovernmentalOrganization", "IntergovernmentalOrganization"):
        return kind
    words = WORD.findall(name)
    if head_of(words) not in _STATE_HEADS:
        return kind
    for k in (2, 1):
        lead = " ".join(words[:k])
        if ctx.lexicon.country(lead) is not None or _is_demonym(ctx.lexicon, lead):
            return "GovernmentBody"
    return kind


def foreign_unit(ctx: "OrgContext", unit: str, parent: str) -> bool:
    """A dictionary unit placed under an organization that is not its parent or ancestor:
    "Population Division" of ECLAC is not the Population Division of DESA."""
    e = ctx.entry(unit)
    if e is None or not e.parent:
        return False
    seen, cur = set(), e
    target = fold(parent)
    while cur is not None and cur.parent and cur.name not in seen:
        seen.add(cur.name)
        if fold(cur.parent) == target:
            return False
        cur = ctx.entry(cur.parent)
    return True


def _is_demonym(lexicon: Lexicon, word: str) -> bool:
    return any(word in c.demonyms for c in lexicon.countries)


def _acr_core(acr: str) -> str:
    core = re.sub(r"^UN[/\-]", "UN", acr)
    return core[:-1] if core.endswith("s") and core[:-1].isupper() else core


def _org_like(words: list[str]) -> bool:
    """A phrase names an organization: it has a head noun and no event/document word."""
    if any(w in NOT_ORG_WORDS for w in words):
        return False
    if words and words[-1] in {"Organizations", "Organisations", "Agencies", "Entities"}:
        return False
    return bool(head_of(words)) or "Nations" in words


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:-–")
    return re.sub(r"^(?:the|The)\s+", "", name)


def _similar(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, fold(a), fold(b)).ratio() >= 0.9


def _proper_modifier(mods: list[str]) -> bool:
    """A modifier no English word list knows, capitalised: a family or place name ("Lindqvist")."""
    from graph.reading.words import english

    words = english()
    return any(m[:1].isupper() and not m.isupper() and m.isalpha() and len(m) > 3 and m.lower() not in words
               for m in mods)


def _mentions(text: str, e: OrgEntry) -> bool:
    return any(re.search(r"\b" + r"\s+".join(re.escape(w) for w in n.split()) + r"\b", text) for n in (e.name, *e.aliases))


# ---- finding every organization in a span ----------------------------------------------------

_ACR_TOKEN = re.compile(r"(?<![\w/\-])[A-Z][A-Za-z0-9]*(?:[/\-][A-Za-z0-9]+)*(?![\w])")
_GOV = re.compile(r"\b(Governments?)\s+of\s+")


def find_organizations(ctx: OrgContext, start: int = 0, end: int | None = None, *,
                       countries: CountryIndex | None = None,
                       participants: bool = False) -> tuple[list[OrgHit], list[PartOf]]:
    """Every organization named in ctx.text[start:end], non-overlapping, with partOf facts."""
    text = ctx.text
    end = len(text) if end is None else end
    tokens = tokenize(text, start, end)
    hits: list[OrgHit] = []
    for h in ctx.index.find(text, tokens, allow_blank_lines=participants):
        e: OrgEntry = h.value  # type: ignore[assignment]
        hits.append(OrgHit(h.start, h.end, h.surface, e.name, e.kind, "", e.parent, "dictionary"))
    hits += [d for d in ctx.definition_hits if start <= d.start and d.end <= end]
    hits += _acronym_hits(ctx, start, end, participants)
    part_of: list[PartOf] = []
    shaped, rel = _shape_hits(ctx, start, end, hits, participants)
    hits += shaped
    part_of += rel
    if countries is not None:
        hits += _government_hits(ctx, start, end, countries)
    kept = _non_overlapping(hits)
    kept = [_portfolio_list(ctx, h, countries, end, kept) for h in kept]
    kept = [_posted_office(ctx, h, countries, end) for h in kept]
    if countries is not None:
        kept = [_national_body(ctx, h, countries, end) for h in kept]
    names = {h.name for h in kept}
    return kept, [p for p in part_of if p.child in names and p.parent in names]


def _acronym_hits(ctx: OrgContext, start: int, end: int, participants: bool) -> list[OrgHit]:
    text, out = ctx.text, []
    for m in _ACR_TOKEN.finditer(text, start, end):
        tok = m.group()
        if not is_acronym(tok):
            continue
        if not participants and lines_of(text).is_heading(m.start()):
            continue
        parts = [(tok, m.start())]
        if ctx.acronym(tok) is None and ("/" in tok or "-" in tok):
            parts, off = [], m.start()
            for p in re.split(r"([/\-])", tok):
                if p not in "/-" and is_acronym(p):
                    parts.append((p, off))
                off += len(p)
        for p, off in parts:
            d = ctx.acronym(p)
            if d is not None:
                out.append(OrgHit(off, off + len(p), p, d.name, d.kind, p, d.parent, "acronym"))
    return out


def _shape_hits(ctx: OrgContext, start: int, end: int, known: list[OrgHit],
                participants: bool) -> tuple[list[OrgHit], list[PartOf]]:
    text = ctx.text
    words = list(WORD.finditer(text, start, end))
    known_at = {h.start: h for h in known}
    long_ends = {h.end for h in known if h.source != "acronym"}
    long_end_hits = {h.end: h for h in known if h.source != "acronym"}
    known_spans = {(k.start, k.end) for k in known}
    by_start = sorted(range(len(known)), key=lambda i: known[i].start)  # positions in `known`, by start
    known_starts = [known[i].start for i in by_start]
    out: list[OrgHit] = []
    rels: list[PartOf] = []
    for h, w in enumerate(words):
        tok = w.group()
        if tok in ROMANCE_HEADS and not _in_glossary(ctx, w.start()):
            hit = _romance_name(ctx, words, h, participants)
            if hit is not None:
                out.append(hit)
            continue
        if tok not in HEADS or _in_glossary(ctx, w.start()):
            continue
        if h > 0 and text[words[h - 1].end():w.start()] == "-" and not words[h - 1].group()[:1].isupper():
            continue  # "Chair-in-Office"
        # the head must end the capitalised run (else "Expert Group Meeting": not a head)
        nxt = words[h + 1] if h + 1 < len(words) else None
        if nxt is not None and _tight(text, words, h + 1, participants) and nxt.group()[:1].isupper() \
                and not (participants and (_run_has_head(words, h + 1, text, participants, known_at)
                                           or nxt.start() in known_at)):
            continue
        left = h
        while left > 0:
            ptok = words[left - 1].group()
            if not _tight(text, words, left, participants, allow_comma=participants):
                break
            pbase = ptok[:-2] if ptok.endswith(("'s", "’s")) else ptok
            if ptok in ("and", "&") and left - 2 >= 0 and words[left - 2].group()[:1].isupper() \
                    and words[left].start() not in known_at:
                left -= 1
                continue
            if ptok == "in" and left - 2 >= 0 and words[left - 2].group()[:1].isupper() \
                    and words[left - 2].group() not in STOP_LEFT and _topic_in(ctx, words, left - 1, stop=h) \
                    and _tight(text, words, left - 1, participants):
                left -= 1  # "Remittances in Conflict and Crisis | Consortium"
                continue
            if not ptok[:1].isupper() or ptok in STOP_LEFT or (pbase in HEADS and pbase == ptok):
                break
            if _camel_glued(ptok) or (ptok.isupper() and len(ptok) > 1 and ctx.acronym(ptok) is None):
                break
            if participants and ptok in TITLE_NOUNS:
                break
            if words[left - 1].end() in long_ends or _in_complement(text, words, left - 1, participants):
                break  # never reach into another organization's name
            if left - 2 >= 0 and words[left - 2].group() in ("of", "for", "on", "in") \
                    and _tight(text, words, left - 1, participants) \
                    and not (words[left - 2].group() == "in" and left - 3 >= 0
                             and words[left - 3].group()[:1].isupper()
                             and words[left - 3].group() not in STOP_LEFT | HEADS
                             and _topic_in(ctx, words, left - 2, stop=h)):
                break  # "Professor of Sociology | Department of …": it closes the previous phrase
            left -= 1
        while left < h and words[left].group() in ("and", "&"):
            left += 1
        right = h
        k = h + 1
        while k < len(words) and words[k].group() in RIGHT_CONNECTORS and _tight(text, words, k, participants):
            j = k + 1
            if j < len(words) and words[j].group() == "the" and _tight(text, words, j, participants):
                j += 1
            last = None
            while j < len(words) and _tight(text, words, j, participants):
                t = words[j].group()
                if last is not None and words[j].start() in known_at:
                    break  # "… Cooperation | United Nations Development Programme"
                if _camel_glued(t):
                    last, right = None, -1
                    break
                if t[:1].isupper() and t not in STOP_LEFT - {"The"}:
                    if participants and last is not None and j + 1 < len(words) \
                            and words[j + 1].group() in HEADS and _tight(text, words, j + 1, participants):
                        break  # "of Sociology | Princeton University"
                    last = j
                    j += 1
                elif (t in ("and", "&", "the", "of", "for", "on", "including")
                      or (t == "in" and _topic_in(ctx, words, j))) and j + 1 < len(words) \
                        and words[j + 1].group()[:1].isupper() and _tight(text, words, j + 1, participants):
                    if t in ("and", "&") and _run_has_head(words, j + 1, text, participants, known_at):
                        break  # "Center for Migration Studies | and International Organization for …"
                    j += 1
                elif t == "and" and j + 2 < len(words) and words[j + 1].group() == "the" \
                        and words[j + 2].group()[:1].isupper() and _tight(text, words, j + 1, participants) \
                        and _tight(text, words, j + 2, participants) \
                        and not _run_has_head(words, j + 2, text, participants, known_at) \
                        and words[j + 2].start() not in known_at:
                    j += 2  # "Regional Office for Asia and the Pacific"
                else:
                    break
            if last is None:
                break
            right = last
            k = last + 1
        if right < 0:
            continue  # "… Social AffairsPopulation Division": words glued by the extraction
        if not participants and re.match(r"[ \t]*\n\s*\n\s*[a-z]", text[words[right].end():words[right].end() + 12]):
            continue  # "the Committee on Migrant¶family members …": a paragraph cut mid-name
        span = words[left:right + 1]
        ws = [x.group() for x in span]
        mods = [x for x in ws[:h - left] if x not in ("and", "&")]
        if not mods and right == h:
            continue
        if right == h and not (participants and tok in UNIT_HEADS) and all(m in GENERIC for m in mods):
            continue
        at = re.match(r"\s+at\s+(?:the\s+)?", text[span[-1].end():span[-1].end() + 12])
        at_org = known_at.get(span[-1].end() + at.end()) if at else None
        if tok in WEAK_HEADS and "Nations" not in ws and not participants and at_org is None and \
                not _proper_modifier(ws[:h - left]):
            continue  # "Trust", "Programme" name an organization only after a proper name ("the Lindqvist Trust")
        if not _org_like(ws) or any(x in TITLE_NOUNS for x in ws[:h - left]):
            continue
        s, e = span[0].start(), span[-1].end()
        # "International Organization for Migration, Regional Office for Southeast Asia"
        owner = long_end_hits.get(s - 2) if text[s - 2:s] == ", " and tok in UNIT_HEADS else None
        # a known name followed by a place ("United Nations Development Fund for Women New York")
        lo, hi = bisect.bisect_left(known_starts, s), bisect.bisect_left(known_starts, e)
        inner = [known[i] for i in sorted(by_start[lo:hi]) if known[i].end < e and known[i].source != "acronym"]
        for k in sorted(inner, key=lambda k: k.end):
            nxt_word = text[k.end:e].split()[0] if text[k.end:e].split() else ""
            if nxt_word[:1].isupper() and nxt_word not in RIGHT_CONNECTORS and k.start == s:
                e = k.end
                break
        if (s, e) in known_spans:
            continue
        span = [x for x in span if x.end() <= e]
        ws = [x.group() for x in span]
        # "X of (the) KNOWN-ORG": X is a unit of that organization
        parent = None
        for q in range(h + 1, right + 1):
            if words[q].group() == "of":
                r = q + 1
                if r <= right and words[r].group() == "the":
                    r += 1
                if r <= right and words[r].start() in known_at:
                    parent = known_at[words[r].start()]
                    if parent.end >= span[-1].end() - 1:
                        e = words[q - 1].end()
                        break
                    parent = None
        name = text[s:e]
        if parent is not None and foreign_unit(ctx, name, parent.name):
            continue  # the dictionary's unit of that name belongs elsewhere; do not mix them
        if parent is not None:
            unit_words = WORD.findall(name)
            if len(unit_words) == 1 and unit_words[0] != "Secretariat":
                continue
            if len(unit_words) == 1:  # "Secretariat of GCIM"
                e = parent.end
                name = text[s:e]
        if owner is not None and parent is None and ctx.entry(name) is None:
            parent, s = owner, owner.start
            name = text[s:e]
        elif parent is None and at_org is not None and tok in UNIT_HEADS:
            # "the Research Programme on International Migration at Jawaharlal Nehru University"
            parent = at_org
        d = ctx.canonical(name)
        listed = ctx.entry(name) is not None or fold(name) in ctx.known_names
        # "IOM Mission", "ESCAP Social Development Division": named with the parent's acronym
        lead = ctx.acronym(ws[0]) if parent is None and len(ws) > 1 and is_acronym(ws[0]) else None
        pkind = parent.kind if parent else lead.kind if lead else ""
        kind = d.kind if listed else _national(ctx, name, infer_kind(name, pkind))
        par = d.parent or (parent.name if parent else "")
        out.append(OrgHit(s, e, name, d.name, kind, d.acronym if ctx.entry(name) else "", par, "shape"))
        if parent is not None:
            rels.append(PartOf(d.name, parent.name, min(s, parent.start), max(e, parent.end)))
    return out, rels


_ADJECTIVES = frozenset({"International", "National", "Social", "Economic", "Public", "Human", "Political",
                        "Foreign", "Regional", "Global", "Scientific", "Cultural", "Environmental"})


# Heads that open Spanish, Portuguese, French and Italian names: "Centro de Investigaciones …".
ROMANCE_HEADS = frozenset("""
Universidad Universidade Université Università Centro Centre Instituto Institut Istituto Fundación
Fundação Fondation Fondazione Colegio Consejo Comisión Comissão Ministerio Ministério Ministère
Secretaría Organización Organisation Asociación Associação Association Oficina Departamento
""".split()) - {"Centre", "Association", "Organisation"}
_ROMANCE_LINK = frozenset({"de", "del", "la", "las", "los", "y", "e", "en", "para", "do", "da", "dos",
                           "das", "des", "du", "et", "di", "della", "per"})


def _romance_name(ctx: OrgContext, words: list[re.Match], h: int, participants: bool) -> OrgHit | None:
    """ "Universidad Iberoamericana", "Centro de Investigación y Docencia Económicas"."""
    text = ctx.text
    j, last = h + 1, None
    while j < len(words) and _tight(text, words, j, participants):
        t = words[j].group()
        if t[:1].isupper() and not t.isupper():
            last = j
        elif t not in _ROMANCE_LINK:
            break
        j += 1
    if last is None or (h > 0 and _tight(text, words, h, participants) and words[h - 1].group()[:1].isupper()
                        and words[h - 1].group() not in STOP_LEFT):
        return None
    s, e = words[h].start(), words[last].end()
    name = text[s:e]
    d = ctx.canonical(name)
    kind = d.kind if ctx.entry(name) else (
        "AcademicInstitution" if words[h].group().startswith(("Univ", "Cent", "Inst", "Isti", "Coleg"))
        else "GovernmentBody" if words[h].group().startswith(("Minist", "Secret", "Consejo", "Comis"))
        else "Foundation" if words[h].group().startswith("Fund") else "NonGovernmentalOrganization")
    return OrgHit(s, e, name, d.name, kind, "", d.parent, "shape")


def _topic_in(ctx: OrgContext, words: list[re.Match], i: int, stop: int | None = None) -> bool:
    """words[i] is an "in" inside a name ("… on Remittances in Conflict and Crisis"): what
    follows is a capitalised topic, not a place ("Office in Geneva", "Institute in Arnor")."""
    run: list[str] = []
    j = i + 1
    while j < (len(words) if stop is None else stop) and (words[j].group()[:1].isupper() or words[j].group() in ("and", "&")) \
            and _tight(ctx.text, words, j, False):
        run.append(words[j].group())
        j += 1
    caps = [w for w in run if w[:1].isupper()]
    if not caps or any(w in HEADS or w in STOP_LEFT for w in caps):
        return False
    lex = ctx.lexicon
    for n in range(1, len(run) + 1):
        phrase = " ".join(run[:n])
        if lex.country(phrase) or lex.city(phrase) or lex.country("the " + phrase):
            return False
    return not any(lex.country(w) or lex.city(w) or w in _REGION_WORDS for w in caps) and \
        not re.match(r"(?:North|South|East|West|Central|Latin|Southern|Northern|Eastern|Western)\b", caps[0])


# "… in Africa", "… in the Caribbean": a region after "in" is where, not part of the name
_REGION_WORDS = frozenset("""Africa Asia Europe America Americas Caribbean Pacific Oceania Middle Arab
Mediterranean Gulf Balkans Sahel Maghreb Mashreq Andes Andean Region Regions Subregion""".split())


def _in_glossary(ctx: OrgContext, pos: int) -> bool:
    return any(a <= pos < b for a, b in ctx.glossary_lines)


def _in_complement(text: str, words: list[re.Match], i: int, participants: bool) -> bool:
    """words[i] closes a prepositional phrase ("… for South-South Cooperation")."""
    while i > 0 and _tight(text, words, i, participants):
        prev = words[i - 1].group()
        if prev in ("of", "for", "on"):
            return True
        if not (prev[:1].isupper() or prev in ("and", "&")):
            return False
        i -= 1
    return False


def _camel_glued(tok: str) -> bool:
    """ "AffairsPopulation": two words glued by a PDF extraction (not "MacArthur")."""
    return re.search(r"[a-z]{3}[A-Z][a-z]{2}", tok) is not None


def _run_has_head(words: list[re.Match], j: int, text: str, participants: bool, known_at: dict) -> bool:
    """Whether the capitalised run starting at words[j] names an organization of its own."""
    if words[j].start() in known_at:
        return True
    while j < len(words) and words[j].group()[:1].isupper():
        if _camel_glued(words[j].group()):
            return False
        if words[j].group() in HEADS:
            return True
        j += 1
        if j < len(words) and not _tight(text, words, j, participants):
            break
    return False


def _tight(text: str, words: list[re.Match], j: int, participants: bool, allow_comma: bool = False) -> bool:
    """words[j-1] and words[j] sit next to each other inside one name.

    Only spaces or hyphens between them (a comma where allowed, the period of an
    initial "T. MacArthur"); a line break only where the first line visibly
    continues: it ends on a connector, or the next line is a short tail ("Relations").
    """
    if j <= 0 or j >= len(words):
        return False
    a, b = words[j - 1].end(), words[j].start()
    gap = text[a:b]
    if "\t" in gap:
        return False
    flat = gap.replace("\n", " ").replace("\r", " ")
    core = flat.strip(" ")
    if core not in ("", "-", "–", "’", "'") and not (allow_comma and core == ","):
        if not (core == "." and len(words[j - 1].group()) == 1 and words[j - 1].group().isupper()):
            return False
    breaks = gap.count("\n")
    if breaks == 0:
        return True
    if breaks > 1 and not participants:
        return False
    prev = words[j - 1].group()
    if prev in ("and", "of", "for", "on", "the", "&", "in") or prev.endswith("-"):
        return True
    if j >= 2 and words[j - 2].group() == "and" and prev[:1].isupper():
        return True  # "… Economies and International | Migration Division"
    if prev not in _ADJECTIVES:
        return False
    line_end = text.find("\n", b)
    tail = text[b:line_end if line_end >= 0 else len(text)]
    tail = re.sub(r"\s*\(\s*[A-Z][\w/\-]*\s*\)\s*$", "", tail).strip()
    return 0 < len(tail.split()) <= 2 and not any(t in HEADS for t in tail.split()) and \
        re.fullmatch(r"[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)?", tail) is not None


def _government_hits(ctx: OrgContext, start: int, end: int, countries) -> list[OrgHit]:
    """ "Government of the Philippines", "Governments of Indonesia and Nepal", "Thai Government"."""
    text, out = ctx.text, []
    for m in _GOV.finditer(text, start, end):
        pos = m.end()
        while True:
            hit = countries.match_at(text, pos)
            if hit is None:
                break
            c, cend = hit
            s = m.start() if pos == m.end() else pos
            out.append(OrgHit(s, cend, text[s:cend], government_name(c.name), "GovernmentBody",
                              "", "", "government"))
            rest = re.match(r",?\s+and\s+|,\s+", text[cend:cend + 6])
            if not rest or m.group(1) == "Government":
                break
            pos = cend + rest.end()
    for m in re.finditer(r"\b([A-Z][a-z]+)\s+Government\b", text[start:end]):
        c = countries.demonym(m.group(1))
        if c is not None:
            s = start + m.start()
            out.append(OrgHit(s, start + m.end(), m.group(), government_name(c.name), "GovernmentBody",
                              "", "", "government"))
    return out


_NATIONAL_HEADS = frozenset({"Ministry", "Department"})


_CAP_RUN = r"[A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*)*"
_PORTFOLIOS = re.compile(rf",[ \t]+({_CAP_RUN})((?:,[ \t]+{_CAP_RUN})*),?[ \t]+and[ \t]+({_CAP_RUN})")


_POSTED_HEADS = frozenset({"Mission", "Office", "Delegation", "Representation"})


def _posted_office(ctx: OrgContext, hit: OrgHit, countries, limit: int) -> OrgHit:
    """ "the IOM Mission in Moldova", "the OSCE Mission to Moldova", "UNU Office in New York":
    an organization's office is named by where it is posted (offices elsewhere are others)."""
    words = WORD.findall(hit.name)
    if hit.source != "shape" or not words or words[-1] not in _POSTED_HEADS or len(words) < 2:
        return hit
    m = re.match(r"[ \t]+(?:in|to)[ \t]+(?:the[ \t]+)?", ctx.text[hit.end:min(limit, hit.end + 12)])
    if not m:
        return hit
    pos = hit.end + m.end()
    place_end = None
    c = countries.match_at(ctx.text, pos) if countries is not None else None
    if c and c[1] <= limit:
        place_end = c[1]
    else:
        city = re.match(r"[A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*){0,2}", ctx.text[pos:limit])
        while city:
            if ctx.lexicon.city(city.group()):
                place_end = pos + city.end()
                break
            shorter = city.group().rsplit(None, 1)
            city = re.match(re.escape(shorter[0]), ctx.text[pos:limit]) if len(shorter) == 2 else None
    if place_end is None:
        return hit
    from dataclasses import replace

    surface = ctx.text[hit.start:place_end]
    return replace(hit, end=place_end, surface=surface, name=" ".join(surface.split()))


def _portfolio_list(ctx: OrgContext, hit: OrgHit, countries, limit: int, others: list[OrgHit]) -> OrgHit:
    """ "Ministry of Labour, Industrial Relations and Employment": a ministry's portfolios
    listed with commas belong to its name — unless an item is itself a body or a place."""
    if hit.source not in ("shape", "definition") or not hit.name.split()[0] in _NATIONAL_HEADS \
            or " of " not in hit.name or ctx.entry(hit.name) is not None or hit.surface != hit.name:
        return hit
    m = _PORTFOLIOS.match(ctx.text, hit.end, limit)
    if not m:
        return hit
    items = [m.group(1), *[x.strip() for x in m.group(2).split(",") if x.strip()], m.group(3)]
    for item in items:
        words = item.split()
        if any(w in HEADS for w in words) or len(words) > 3 or (countries and countries.match_at(item, 0)) \
                or ctx.lexicon.city(item) or any(o.start == hit.end + m.start(1) - m.start() for o in others):
            return hit
    from dataclasses import replace

    surface = ctx.text[hit.start:m.end()]
    return replace(hit, end=m.end(), surface=surface, name=" ".join(surface.split()))


def _national_body(ctx: OrgContext, hit: OrgHit, countries, limit: int) -> OrgHit:
    """One name for a state's ministry however the text ties it to the state:
    "Jordan's Ministry of Labour", "the Ministry of Labour in Jordan", "Jordanian Ministry of
    Labour" and "Ministry of Labour of Jordan" are all "Ministry of Labour of Jordan"."""
    if hit.source not in ("shape", "definition") or ctx.entry(hit.name) is not None:
        return hit
    text, name = ctx.text, hit.name
    country = body = None
    end = hit.end
    m = re.match(r"^(.+?)['’]s\s+(.+)$", name)
    if m and countries.match_at(m.group(1), 0) and countries.match_at(m.group(1), 0)[1] == len(m.group(1)):
        country, body = countries.match_at(m.group(1), 0)[0], m.group(2)
    if country is None:
        first, _, rest = name.partition(" ")
        if rest and countries.demonym(first) is not None:
            country, body = countries.demonym(first), rest
    if country is None:
        m = re.match(r"^(.+)\s+of\s+(?:the\s+)?(.+)$", name)  # the last "of"
        c = countries.match_at(m.group(2), 0) if m else None
        if c and c[1] == len(m.group(2)):
            country, body = c[0], m.group(1)
    if country is None:
        after = re.match(r"\s+(?:in|of)\s+(?:the\s+)?", text[hit.end:min(limit, hit.end + 12)])
        if after and name.split()[0] in _NATIONAL_HEADS:
            c = countries.match_at(text, hit.end + after.end())
            if c and c[1] <= limit:
                country, body, end = c[0], name, c[1]
    if country is None and name.split()[0] in _NATIONAL_HEADS and not countries.find(name):
        # "In Thailand, the ILO office supported the Ministry of Labour": the sentence's country
        dot = text.rfind(". ", 0, hit.start)
        start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, hit.start) + 1)
        lead = re.match(r"\s*(?:In|Within)\s+(?:the\s+)?", text[start:hit.start])
        c = countries.match_at(text, start + lead.end()) if lead else None
        if c and re.match(r"\s*,", text[c[1]:c[1] + 3]):
            country, body = c[0], name
    if country is None or not body or body.split()[0] not in _NATIONAL_HEADS or head_of(WORD.findall(body)) not in _NATIONAL_HEADS:
        return hit
    from dataclasses import replace

    return replace(hit, end=end, surface=text[hit.start:end], name=national_name(body, country.name),
                   kind="GovernmentBody")


def national_name(body: str, country: str) -> str:
    """ "Ministry of Labour", "Jordan" -> "Ministry of Labour of Jordan" (UN usage of the article)."""
    return f"{body} of {government_name(country)[len('Government of '):]}"


def bare_national_body(ctx: OrgContext, hit: OrgHit, countries) -> bool:
    """ "Ministry of Foreign Affairs", "Department of Labour": a state's body whose state the
    name does not say (no dictionary entry, no country or demonym in it)."""
    words = WORD.findall(hit.name)
    return bool(words) and words[0] in _NATIONAL_HEADS and head_of(words) in _NATIONAL_HEADS \
        and ctx.entry(hit.name) is None and not countries.find(hit.name) \
        and not any(_is_demonym(ctx.lexicon, w) for w in words)


_ARTICLE_START = re.compile(r"^(?:Republic|Democratic|United|Islamic|Kingdom|State|Federated|Lao|Syrian|"
                            r"Russian|Dominican|Central|Czech|Holy|Plurinational|Bolivarian|Former|former)\b")


def government_name(country: str) -> str:
    """ "Government of the Philippines", "Government of Spain": UN usage of the article."""
    bare = re.sub(r"\s*\(.*\)$", "", country)
    if _ARTICLE_START.match(bare) or bare.endswith("Islands") or bare in {
            "Gambia", "Sudan", "Niger", "Congo", "Philippines", "Netherlands", "Bahamas", "Comoros",
            "Maldives", "Seychelles"}:
        return f"Government of the {bare}"
    return f"Government of {bare}"


_PRIORITY = {"definition": 0, "dictionary": 1, "government": 2, "acronym": 3, "shape": 4}


def _non_overlapping(hits: list[OrgHit]) -> list[OrgHit]:
    hits = sorted(set(hits), key=lambda h: (-(h.end - h.start), _PRIORITY.get(h.source, 9), h.start))
    taken: list[OrgHit] = []
    if any(h.end <= h.start for h in hits):  # an empty span: the plain check (never met in practice)
        for h in hits:
            if not any(h.start < t.end and t.start < h.end for t in taken):
                taken.append(h)
        return sorted(taken, key=lambda h: (h.start, h.end))
    # the spans taken do not overlap, so sorted by start their ends rise too: a new span overlaps
    # one of them exactly when it overlaps the last one starting before its end
    starts: list[int] = []
    ends: list[int] = []
    for h in hits:
        i = bisect.bisect_left(starts, h.end)
        if i and ends[i - 1] > h.start:
            continue
        starts.insert(i, h.start)
        ends.insert(i, h.end)
        taken.append(h)
    return sorted(taken, key=lambda h: (h.start, h.end))
