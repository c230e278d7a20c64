"""Instruments and acts in running text: conventions, covenants, declarations, agreements,
memoranda of understanding, programmes of action — and what actors did with them.

- names, from the dictionary in graph/data/instruments.yaml (with acronyms: CEDAW, CRC) and
  from their form ("Declaration of Santiago", "Multilateral Convention for Social Security");
- `ratificationCount` and `ratificationAsOf` from "As of 2008, the Convention had been ratified
  by 39 Member States" — a count, never invented edges;
- `ratified` country -> instrument from status tables listing countries and dates;
- pledges and adoptions (graph.extract.pledges): `committedTo` actor -> Pledge, `adopted`
  actor -> instrument;
- planned agreements ("planning to sign a Memorandum of Understanding") with status "planned".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph import refs
from graph.extract import commitment_data, pledges
from graph.extract.sentences import clause_around
from graph.extract.un_dates import DAY_MONTH_YEAR, MONTH_YEAR, YEAR, datatype, iso
from graph.lexicon import Lexicon
from graph.model import (
    Attribute,
    Evidence,
    Extraction,
    Mention,
    Relation,
    Value,
)
from graph.reading import Reading, reads


@dataclass(frozen=True, slots=True)
class InstrumentMention:
    ref: str
    cls: str
    label: str
    aliases: tuple[str, ...]
    acronym: str  # the acronym this mention used or defined, "" if none
    start: int
    end: int


# head word -> class
HEADS: tuple[tuple[str, str], ...] = (
    ("Memorandum of Understanding", "Agreement"), ("Programme of Action", "Commitment"),
    ("Plan of Action", "Commitment"), ("Platform for Action", "Commitment"), ("Call to Action", "Commitment"),
    ("Code of Conduct", "Agreement"), ("Guiding Principles", "Recommendation"), ("Convention", "Convention"),
    ("Covenant", "Agreement"), ("Declaration", "Declaration"), ("Protocol", "Convention"), ("Treaty", "Convention"),
    ("Charter", "Convention"), ("Agreement", "Agreement"), ("Accord", "Agreement"), ("Compact", "Agreement"),
    ("Consensus", "Commitment"), ("Framework", "Commitment"), ("Plan", "Commitment"), ("Commitment", "Commitment"),
    ("Recommendation", "Recommendation"), ("Guidelines", "Recommendation"),
)
_CAP = r"(?:[A-Z][A-Za-z'’\-]*|(?:19|20)\d\d(?![\w/]))"
_LINK = r"(?:of|on|for|against|and|or|to|in|the|concerning|relating|between|with|de|del|la|All|Their|Its)"
_PRE_STOP = {"The", "A", "An", "At", "In", "On", "By", "Under", "With", "Its", "This", "That", "These", "Their",
             "As", "For", "And", "Of", "To", "From", "Recalling", "Reaffirming", "See", "Also", "New", "Such"}


@lru_cache(maxsize=2)
def _form_pattern() -> re.Pattern:
    heads = "|".join(h.replace(" ", r"(?:[ \t]+|[ \t]*\n[ \t]*)") for h, _ in HEADS)
    return re.compile(
        r"(?P<pre>(?:" + _CAP + r"[ \t]+){0,5})(?P<head>" + heads + r")(?![\w-])"
        r"(?P<no>[ \t]+No\.[ \t]*\d{1,3})?"
        r"(?P<post>(?:[ \t]+(?:on|of|for|against|concerning|relating[ \t]+to|between)[ \t]*\n?[ \t]*"
        r"(?:(?:" + _LINK + r"|" + _CAP + r"|,[ \t]*(?=[A-Z]))[ \t]*\n?[ \t]*)*)?)")  # a name may run onto the next line


@lru_cache(maxsize=4)
def _known(rows: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]) -> tuple[re.Pattern | None, dict]:
    table: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {}
    alts = []
    for name, kind, acronyms, aliases in rows:
        for variant in (name, *aliases):
            table[refs.fold(variant)] = (name, kind, acronyms, aliases)
            alts.append(r"[ \t\n]+".join(re.escape(w) for w in variant.split()))
        for acr in acronyms:
            table[acr] = (name, kind, acronyms, aliases)
    if not alts:
        return None, table
    alts.sort(key=len, reverse=True)
    acr = sorted({a for _, _, acrs, _ in rows for a in acrs}, key=len, reverse=True)
    src = r"(?<![\w-])(?:(?P<name>" + "|".join(alts) + r")"
    if acr:
        src += r"|(?P<acr>" + "|".join(map(re.escape, acr)) + r")"
    src += r")(?![\w-])"
    return re.compile(src), table


def _rows(data: dict[str, Any]) -> tuple:
    return tuple((r["name"], r.get("kind") or "Convention", tuple(r.get("acronyms") or ()), tuple(r.get("aliases") or ()))
                 for r in data.get("instruments") or ())


def find_instruments(text: str, start: int, end: int, data: dict[str, Any], lexicon: Lexicon | None = None
                     ) -> list[InstrumentMention]:
    """Named instruments in text[start:end], dictionary names first, then names recognized by form."""
    pattern, table = _known(_rows(data))
    out: list[InstrumentMention] = []
    taken: list[tuple[int, int]] = []
    if pattern is not None:
        for m in pattern.finditer(text, start, end):
            key = m.group("acr") or refs.fold(m.group("name"))
            name, kind, acronyms, aliases = table[key]
            if m.group("acr") and _is_org_acronym(text, m.end()):
                continue
            if m.group("acr") and taken and m.start() - taken[-1][1] <= 3 and text[m.start() - 1] == "(":
                continue  # "Convention on the Rights of the Child (CRC)": the acronym is defined, not a new mention
            out.append(InstrumentMention(refs.instrument(name), kind, name, tuple(acronyms) + tuple(aliases),
                                         m.group("acr") or "", m.start(), m.end()))
            taken.append((m.start(), m.end()))
    pattern_form, pos = _form_pattern(), start
    while (m := pattern_form.search(text, pos, end)) is not None:
        s, e, label = _trim(text, m)
        pos = e if m.start() < e < m.end() else max(m.end(), pos + 1)  # a cut name: read on from the cut
        if label is None or any(a < e and s < b for a, b in taken):
            continue
        if refs.fold(label) in table:
            name, kind, acronyms, aliases = table[refs.fold(label)]
            out.append(InstrumentMention(refs.instrument(name), kind, name, tuple(acronyms) + tuple(aliases), "", s, e))
            continue
        if lexicon is not None and lexicon.organization(label) is not None:
            continue  # "Global Forum ..." style names that are organizations, not texts
        kind = next(k for h, k in HEADS if re.search(r"\b" + h.replace(" ", r"\s+") + r"\b", m.group("head")))
        acronym = _acronym_after(text, e)
        out.append(InstrumentMention(refs.instrument(label), kind, label, (acronym,) if acronym else (), acronym, s, e))
    out.sort(key=lambda i: i.start)
    return out


def _is_org_acronym(text: str, end: int) -> bool:
    """"CEDAW Committee", "CEDAW review process": the acronym names the treaty body, not the treaty."""
    return bool(re.match(r"[ \t]+(?:Committee|review|process|secretariat)\b", text[end:end + 20]))


_AGREED_AT = re.compile(r"[ \t]+(?:agreed|adopted|approved|signed)[ \t]+(?:at|by)[ \t]+the[ \t]+(?:[a-z]+(?:-[a-z]+)?[ \t]+)?"
                        r"(?:[A-Z][\w'’-]*[ \t]+){0,5}(?:Summit|Conference|Meeting|Forum|Dialogue|Session|Congress)\b")


def _trim(text: str, m: re.Match) -> tuple[int, int, str | None]:
    """Drop sentence-initial words and dangling links; refuse bare heads ("the Convention")."""
    s, e = m.start(), m.end()
    pre_words = m.group("pre").split()
    while pre_words and (pre_words[0] in _PRE_STOP or pre_words[0].endswith("ing")):
        s = text.index(pre_words[0], s) + len(pre_words[0])
        pre_words = pre_words[1:]
    s = s + len(text[s:e]) - len(text[s:e].lstrip())
    # "the Charter of the United Nations and the Agreement on ...": two names, not one
    heads = "|".join(h.replace(" ", r"[ \t]+") for h, _ in HEADS)
    second = re.search(r"[ \t]+and[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){0,4}(?:" + heads + r")\b",
                       text[s + len(m.group("pre")) + len(m.group("head")):e])
    if second:
        e = s + len(m.group("pre")) + len(m.group("head")) + second.start()
    span = text[s:e]
    # trailing link words, commas and footnote numbers ("Service Providers4", "Displacement¹")
    trail = re.search(r"(?:[ \t]+in[ \t]+(?:19|20)\d\d)?(?:(?<=[a-z])\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?(?:[ \t,]+(?:" + _LINK +
                      r"))*[ \t,]*$", span)
    if trail:
        e = s + trail.start()
    span = text[s:e]
    bare = not any(w[:1].isalpha() for w in pre_words) and not (m.group("post") or "").strip() and not m.group("no")
    if bare:
        # "the Programme of Action agreed at the seventeenth Summit": named by where it was agreed
        where = _AGREED_AT.match(text, e)
        if where is None or m.group("head") in ("Plan", "Framework", "Commitment", "Agreement"):
            return s, e, None
        e = where.end()
        return s, e, " ".join(text[s:e].split())
    if m.group("head") in ("Plan", "Framework", "Commitment", "Consensus") and not pre_words:
        return s, e, None
    if len(span) < 8 or len(span) > 200:
        return s, e, None
    return s, e, " ".join(span.split())


def _acronym_after(text: str, end: int) -> str:
    m = re.match(r"[ \t]*\((?P<a>[A-Z][A-Za-z]{1,9})\)", text[end:end + 16])
    return m.group("a") if m else ""


# ---------------------------------------------------------------- the extractor


@reads
def extract(document: Reading, lexicon: Lexicon) -> Extraction:
    text = document.text
    data = commitment_data.instruments(lexicon)
    x = Extraction()
    ev = lambda s, e: Evidence(document.doc_id, s, e, document.text[s:e])  # noqa: E731
    found = find_instruments(text, 0, len(text), data, lexicon)
    acronyms_done: set[tuple[str, str]] = set()
    for inst in found:
        x.mentions.append(Mention(inst.ref, inst.cls, inst.label, ev(inst.start, inst.end), inst.aliases))
        for acr in _acronyms(inst):
            if (inst.ref, acr) not in acronyms_done:
                acronyms_done.add((inst.ref, acr))
                x.attributes.append(Attribute(inst.ref, "acronym", Value(acr), ev(inst.start, inst.end)))
    _ratification_counts(text, found, x, ev)
    _status_tables(text, found, lexicon, x, ev)
    x.extend(pledges.find(document, found, lexicon))
    _planned(text, found, lexicon, x, ev)
    return x


def _acronyms(inst: InstrumentMention) -> tuple[str, ...]:
    return tuple(a for a in inst.aliases if re.fullmatch(r"[A-Z][A-Za-z]{1,9}", a) and any(c.isupper() for c in a[1:]))





_COUNT = re.compile(r"\b(?:had|has|have)?[ \t]*(?:been[ \t]+)?ratified[ \t]+by[ \t]+(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)[ \t]+"
                    r"(?:Member[ \t]+States|States|countries|Governments|parties|member[ \t]+States)\b"
                    r"|\b(?P<n2>\d{1,3})[ \t]+(?:States[ \t]+parties|ratifications|States[ \t]+Parties)\b")
_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_AS_OF = re.compile(r"\b(?:[Aa]s[ \t]+(?:of|at)|[Bb]y|[Ii]n)[ \t]+(?P<d>(?:[0-3]?\d[ \t]+)?(?:January|February|March|April|"
                    r"May|June|July|August|September|October|November|December)?[ \t]*(?:19|20)\d\d)\b")


def _ratification_counts(text: str, found: list[InstrumentMention], x: Extraction, ev) -> None:
    for m in _COUNT.finditer(text):
        raw = m.group("n") or m.group("n2")
        n = int(raw) if raw.isdigit() else _WORDS.get(raw.lower())
        if n is None:
            continue
        s, e = clause_around(text, m.start())
        inst = _antecedent(text, found, s, m.start())
        if inst is None:
            continue
        x.attributes.append(Attribute(inst.ref, "ratificationCount", Value(str(n), "integer"), ev(s, e)))
        as_of = _AS_OF.search(text, s, e)
        if as_of:
            d = DAY_MONTH_YEAR.search(as_of.group("d")) or MONTH_YEAR.search(as_of.group("d")) or \
                YEAR.search(as_of.group("d"))
            if d:
                value = iso(d)
                x.attributes.append(Attribute(inst.ref, "ratificationAsOf", Value(value, datatype(value)), ev(s, e)))


def _antecedent(text: str, found: list[InstrumentMention], sentence_start: int, pos: int) -> InstrumentMention | None:
    """The instrument a sentence speaks of: named in it, or the last one named before "the Convention"."""
    inside = [i for i in found if sentence_start <= i.start < pos]
    if inside:
        return inside[-1]
    head = re.search(r"\bthe[ \t]+(Convention|Covenant|Protocol|Treaty|Agreement|Declaration)\b", text[sentence_start:pos])
    before = [i for i in found if i.end <= sentence_start and sentence_start - i.end < 2000]
    if head:
        before = [i for i in before if head.group(1).lower() in i.label.lower()]
    return before[-1] if before and head else None


def _status_tables(text: str, found: list[InstrumentMention], lexicon: Lexicon, x: Extraction, ev) -> None:
    """Rows under a header naming Country ... Ratification: each country with a ratification date."""
    for header in re.finditer(r"(?im)^(?=[^\n]*\bcountry\b)(?=[^\n]*\bratification\b)[^\n]*$", text):
        cols = [c.strip().lower() for c in header.group().split("\t")]
        if len(cols) < 2:
            cols = [c.strip().lower() for c in re.split(r"\s{2,}", header.group())]
        inst = _table_instrument(text, found, header.start())
        if inst is None:
            continue
        pos = header.end() + 1
        while pos < len(text):
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            line = text[pos:line_end]
            if not line.strip():
                break
            cells = line.split("\t") if "\t" in line else re.split(r"\s{2,}", line)
            if len(cells) < 2:
                break
            offset = pos
            for i, col in enumerate(cols):
                if col != "country" or i >= len(cells):
                    continue
                country_cell = cells[i].strip()
                rat_i = next((j for j in range(i + 1, len(cols)) if cols[j].startswith("ratification")), None)
                if rat_i is None or rat_i >= len(cells) or not cells[rat_i].strip():
                    continue
                entry = lexicon.country(country_cell) if country_cell else None
                if entry is None:
                    continue
                c_ref = refs.country(entry.iso3)
                c_start = offset + line.find(country_cell)
                x.mentions.append(Mention(c_ref, "Country", entry.name, ev(c_start, c_start + len(country_cell))))
                x.relations.append(Relation(c_ref, "ratified", inst.ref, ev(pos, line_end)))
            pos = line_end + 1


def _table_instrument(text: str, found: list[InstrumentMention], header_start: int) -> InstrumentMention | None:
    above = text[max(0, header_start - 600):header_start]
    title = re.search(r"(?im)^[^\n]*\bstatus\b[^\n]*$", above)
    before = [i for i in found if i.end <= header_start and header_start - i.end < 600]
    if before:
        return before[-1]
    if title:
        # a title in capitals: match it to a known instrument by folded name
        folded = refs.fold(title.group())
        for i in found:
            if refs.fold(i.label) in folded:
                return i
    return None


_PLANNED = re.compile(r"\b(?:planning|plan|plans|planned|intend|intends|intending|expected|expect|expects|due|"
                      r"preparing|prepare|prepares)[ \t]+to[ \t]+(?:sign|conclude|adopt|ratify|launch)[ \t]+"
                      r"(?:an?|the)[ \t]+")


def _planned(text: str, found: list[InstrumentMention], lexicon: Lexicon, x: Extraction, ev) -> None:
    """"ESCWA and IOM are planning to sign a Memorandum of Understanding": a planned agreement,
    named after its parties."""
    for m in _PLANNED.finditer(text):
        head = re.match(r"(Memorandum[ \t]+of[ \t]+Understanding|Agreement|Convention|Protocol|Declaration|"
                        r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*[ \t]+(?:Agreement|Memorandum[ \t]+of[ \t]+Understanding))",
                        text[m.end():m.end() + 120])
        if not head:
            continue
        h_start, h_end = m.end(), m.end() + head.end()
        s, e = clause_around(text, m.start())
        subj = re.sub(r"^(?:Lastly|Finally|Moreover|In addition|Furthermore|Also),?[ \t]+", "",
                      " ".join(text[s:m.start()].split()))
        subj = re.sub(r"[ \t]+(?:are|is|were|was|have[ \t]+been|has[ \t]+been)$", "", subj)
        parties = [p.strip() for p in re.split(r",[ \t]*|[ \t]+and[ \t]+", re.sub(r"^the\s+", "", subj)) if p.strip()]
        parties = [re.sub(r"^the\s+", "", p) for p in parties]
        name = " ".join(head.group().split())
        label = name
        aliases: tuple[str, ...] = ()
        if 2 <= len(parties) <= 4 and all(p[:1].isupper() for p in parties):
            label = f"{name} between {' and '.join(parties)}"
            short = [_short_name(p, lexicon) for p in parties]
            if short != parties:
                aliases = (f"{name} between {' and '.join(short)}",)
        inst = refs.instrument(label)
        cls = "Agreement" if "Memorandum" in name or "Agreement" in name else next(
            (k for h, k in HEADS if h in name), "Agreement")
        x.mentions.append(Mention(inst, cls, label, ev(h_start, h_end), aliases))
        x.attributes.append(Attribute(inst, "status", Value("planned"), ev(s, e)))
        acr = re.match(r"[ \t]*\((?P<a>[A-Z]{2,6})\)", text[h_end:h_end + 12])
        later = re.search(r"\bThe[ \t]+(?P<a>MOU|MoU|MOUs)\b", text[e:e + 300])
        acronym = acr.group("a") if acr else (later.group("a") if later else "")
        if acronym:
            x.attributes.append(Attribute(inst, "acronym", Value(acronym), ev(s, e)))


def _short_name(name: str, lexicon: Lexicon) -> str:
    entry = lexicon.organization(name)
    if entry is not None and entry.acronyms:
        return entry.acronyms[0]
    return name
