"""Segment the resolutions in a text: header, preamble, operative paragraphs, closing formula.

A General Assembly resolution has a fixed layout, whatever the document around it:

    United Nations  A/RES/63/225          <- symbol (or "63/225. Title", or a draft symbol)
    Distr.: General 19 February 2009      <- distribution date
    Sixty-third session  Agenda item 52   <- session, agenda item
    Resolution adopted by the General Assembly on 19 December 2008
    [on the report of the Second Committee (A/63/416)]
    63/225. International migration and development
    The General Assembly,
    Recalling ...,                        <- preambular paragraphs
    1. Takes note ...;                    <- numbered operative paragraphs
    (a) Welcomes ...;                     <- lettered sub-paragraphs
    72nd plenary meeting 19 December 2008 <- closing formula

Every field keeps its offsets into the original text (PDF damage is read in place,
see graph.extract.loose). This module only finds the layout; turning it into graph
records is graph.extract.resolutions' job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graph.extract.loose import alternation, loose, plain, squash
from graph.extract.un_dates import DAY_MONTH_YEAR, MONTH_RE, ORDINAL_RE, iso, ordinal


@dataclass(frozen=True, slots=True)
class Field:
    """A value read from the text, with the span it was read from."""

    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One preambular or operative paragraph.

    `number` is "" for preambular paragraphs, "5" for operative ones and "1 (a)"
    for lettered sub-paragraphs; `text` is cleaned (markers, footnote numbers,
    line breaks removed); `start`/`end` delimit the raw paragraph in the text.
    """

    kind: str  # preambular | operative | subparagraph
    number: str
    verb: Field
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Block:
    """One resolution (adopted or draft) found in a text."""

    start: int
    end: int
    symbol: Field | None = None
    draft: bool = False
    title: Field | None = None
    session: Field | None = None  # as written: "Sixty-third session"
    agenda_item: Field | None = None
    distributed: Field | None = None  # ISO date
    adopted_header: Field | None = None  # "Resolution adopted by the General Assembly [on DATE]"; value: the body
    committee_report: Field | None = None  # symbol of the report it was adopted on
    opening: Field | None = None  # "The General Assembly,"
    meeting: Field | None = None  # closing formula: "72nd plenary meeting"
    date_adopted: Field | None = None  # ISO date from the closing formula or the header
    paragraphs: list[Paragraph] = field(default_factory=list)
    anchors: list[tuple[str, int, int]] = field(default_factory=list)
    roman: str = ""  # "II" for "Draft resolution II" in a committee report
    numbered: bool = False  # the symbol was read from a title line "63/225. …" (its body decides the prefix)

    @property
    def operative(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind != "preambular"]


# ---------------------------------------------------------------- patterns

SYMBOL_RES = r"A\s?/\s?RES\s?/\s?(?:ES-\d+/|S-\d+/)?\d{1,3}\s?/\s?\d{1,3}(?:[ \t]?[A-Z](?![A-Za-z/]))?"
SYMBOL_DRAFT = r"A\s?/\s?(?:C\.\s?\d\s?/\s?)?\d{1,3}\s?/\s?L\.\s?\d{1,3}(?:\s?/\s?Rev\.\s?\d)?(?:\s?/\s?Add\.\s?\d{1,2})?"
SYMBOL_DOC = (r"\b(?:A|E|S)/(?:[A-Z]{1,5}\.?\d*/)*(?:\d{1,4}|[A-Z]+)(?:/[A-Za-z.]*\d+[A-Za-z]?)+"
              r"(?:/(?:Add|Rev|Corr)\.\d+)*")

_LINE_START = r"(?:^|(?<=\n))[ \t]*(?:[-•▪>#]+[ \t]+)?[*_]*"
HEADER_RES = re.compile(_LINE_START + r"(?:United[ \t]+Nations[ \t]+)?(?P<sym>" + SYMBOL_RES + r")", re.M)
HEADER_DRAFT = re.compile(_LINE_START + r"(?:United[ \t]+Nations[ \t]+)?(?P<sym>" + SYMBOL_DRAFT + r")(?![\w/])",
                          re.M)
ADOPTED = re.compile(loose("Resolution adopted by the") + r"[\s*_]*(?P<body>" + loose("General Assembly") + "|" +
                     loose("Economic and Social Council") + "|" + loose("Human Rights Council") + "|" +
                     loose("Security Council") + ")" +
                     r"(?:[ \t\n]+on[ \t\n]+(?P<date>[0-3]?\d[ \t]+" + MONTH_RE + r"[ \t]+\d{4}))?")
# a title line, or (web text run into one line) a title right after "… adopted … on 20 December 2010"
TITLE = re.compile(r"(?:" + _LINE_START + r"|(?<=\][ \t])|(?<=\]\n)|(?<=(?:19|20)\d\d[ \t]))(?P<num>(?:ES-\d+/|S-\d+/)?(?:\d{2,3}|(?:19|20)\d\d)/\d{1,3})[ \t]?\.[ \t]*(?P<title>[A-Z\"“][^\n]{2,250})",
                   re.M)
_BODIES = {"General Assembly": "A/RES/", "Economic and Social Council": "E/RES/", "Human Rights Council": "A/HRC/RES/"}
OPENING = re.compile(r"(?:" + _LINE_START + r"(?P<open>(?i:" + "|".join(loose("The " + b) for b in _BODIES) +
                     r"))[ \t]*,"
                     r"|(?P<open2>The[ \t]+General[ \t]+Assembly)[ \t]*,[ \t]*(?=[*_]?[A-Z][a-z])"
                     r"|(?:^|(?<=\n))[ \t]*(?P<open3>The[ \t]+General[ \t]+Assembly)[ \t]*\n"
                     r"(?=[ \t]*[*_]?[A-Z][a-z]+(?:ing|s|ed)\b))", re.M)
CLOSING = re.compile(r"(?P<num>\d{1,3})[ \t]*(?:st|nd|rd|th|d)?\.?[ \t]+(?P<pm>" + loose("plenary meeting") +
                     r"|(?<=(?:st|nd|rd|th)[ \t])meeting(?=[ \t]*\n))"
                     r"[\s,.]*(?P<date>[0-3]?\d[ \t]+" + MONTH_RE + r"[ \t]*,?[ \t]*\d{4})")
DISTR = re.compile(r"Distr\.?[ \t]*:?[ \t]*(?:General|Limited|Restricted)[ \t,\n]*(?P<date>[0-3]?\d[ \t]+" + MONTH_RE +
                   r"[ \t]+\d{4})?", re.I)
SESSION = re.compile(r"\b(?P<ord>" + ORDINAL_RE + r")[ \t]+session\b", re.I)
AGENDA = re.compile(r"\bAgenda[ \t]+items?[ \t]+(?P<item>\d{1,3}(?:[ \t]*\([a-z]\))?)", re.I)
REPORT = re.compile(r"\[?\s*on[ \t\n]+the[ \t\n]+report[ \t\n]+of[ \t\n]+the[ \t\n]+(?P<committee>[A-Z][\w\- ]{2,60}?)"
                    r"[ \t\n]*\((?P<sym>" + SYMBOL_DOC + r")[^)]*\)")
DRAFT_CUE = re.compile(r"draft[ \t]+resolution", re.I)

# lines that are page furniture or footnotes, never paragraph text
_JUNK_LINE = re.compile(
    r"^[ \t]*(?:"
    r"(?![^\n]*[A-Za-z])(?![^\n]*[,;.)][ \t]*$)[^\n]*"       # page numbers, rules, barcodes, stray glyphs
    r"|[^\sA-Za-z0-9]{1,2}"                                 # a stray glyph ("ſ")
    r"|\d{2}-\d{5}[\w \t()/.*-]*"                       # job number "07-47991 163", "14-67530 (E) *1467530*"
    r"|Please[ \t]+recycle.*"
    r"|\*{1,3}[ \t]+\S.*"                                  # asterisk footnote ("* On behalf of ...")
    r"|(?:United[ \t]+Nations[ \t]+)?" + SYMBOL_RES + r"(?:[ \t]+[^.;:\n]{0,120})?"  # running header and title
    r"|[¹²³⁴⁵⁶⁷⁸⁹⁰]+[ \t].*"                             # footnote with superscript number
    r"|\d{1,2}[ \t]+(?:See|Ibid|Official[ \t]+Records|A/|E/|S/|Resolution|United[ \t]+Nations|Treaty)\b.*"
    r"|Distr\.?:.*|General[ \t]+Assembly[ \t]*"
    r")[ \t]*$")
_FOOTNOTE_MARK = re.compile(r"(?<=[^\s\d])[ \t]*[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?:(?<=[,;.:\"”)])[ \t]?|(?<=[a-z]))\d{1,2}(?=[ \t]*(?:$|[,;.]?[ \t]*$))",
                            re.M)


@dataclass(frozen=True, slots=True)
class Patterns:
    operative: re.Pattern
    preambular: re.Pattern
    unnumbered: re.Pattern
    no_dot: re.Pattern
    operative_words: tuple[str, ...]
    preambular_words: tuple[str, ...]


@lru_cache(maxsize=8)
def _patterns(op: tuple[str, ...], op_pre: tuple[str, ...], op_suf: tuple[str, ...],
              pre: tuple[str, ...], pre_pre: tuple[str, ...], pre_suf: tuple[str, ...]) -> Patterns:
    generic = r"[A-Z][a-z]{3,}(?:s|es)"  # an unlisted third-person verb ("Proclaims")
    verb = (r"(?:" + alternation(op_pre) + r"[\s*_]*)*(?:" + alternation(op) + "|" + generic + "|" +
            alternation(tuple(v.lower() for v in op)) + r")" +
            r"(?:[\s*_]+" + alternation(op_suf) + r"(?![\w-]))?")
    number = r"(?P<num>\d{1,3})[ \t]*[.)][ \t*_]*(?:\n[ \t]*){0,2}|\((?P<let>[a-z]{1,2})\)[ \t*_]*"
    operative = re.compile(
        r"(?P<lead>" + _LINE_START + r"|(?<=\S)[ \t]+|(?<=[;:.])\n?)"  # inline starts are vetted by _inline_ok
        r"(?:" + number + r")[*_]*(?P<verb>" + verb + r")(?![\w-])[*_]*", re.M)
    pre_verb = (r"(?:" + alternation(pre_pre) + r"[\s*_]+)?(?:" + alternation(pre) + r"|[A-Z][a-z]{3,}ing(?=[ \t]+(?:the|that|"
                r"its|also|further|with|in|of|to|all|[A-Z])\b))" +
                r"(?:[ \t,]*[\s*_]+" + alternation(pre_suf) + r"(?![\w-]))*")
    preambular = re.compile(r"(?P<lead>" + _LINE_START + r"|(?<=,)[ \t]+)(?P<verb>" + pre_verb +
                            r")(?![\w-])[*_]*", re.M)
    listed = (r"(?:" + alternation(op_pre) + r"[\s*_]*)*(?:" + alternation(op) + "|" +
              alternation(tuple(v.lower() for v in op)) + r")" + r"(?:[\s*_]+" + alternation(op_suf) + r"(?![\w-]))?")
    unnumbered = re.compile(_LINE_START + r"(?P<verb>" + listed + r")(?![\w-])[*_]*(?=[ \t]+(?:the|that|of|to|with|"
                            r"all|its|[A-Z])\b)", re.M)
    # "1 Takes note": the dot lost in extraction; only a listed verb at the head of a line will do
    no_dot = re.compile(_LINE_START + r"(?P<num>\d{1,3})[ \t]+[*_]*(?P<verb>" + listed + r")(?![\w-])[*_]*", re.M)
    words = tuple(op) + tuple(op_pre) + tuple(op_suf)
    return Patterns(operative, preambular, unnumbered, no_dot, words, tuple(pre) + tuple(pre_pre) + tuple(pre_suf))


def patterns(verbs: dict[str, Any]) -> Patterns:
    t = lambda key: tuple(verbs.get(key) or ())  # noqa: E731
    operative = t("operative")
    # declarations adopted by the Assembly speak in the first person: "We ... 1. Recognize that"
    operative = operative + tuple(dict.fromkeys(base_form(v) for v in operative))
    return _patterns(operative, t("operative_prefixes"), t("operative_suffixes"),
                     t("preambular"), t("preambular_prefixes"), t("preambular_suffixes"))


def base_form(phrase: str) -> str:
    """"Requests" -> "Request", "Stresses" -> "Stress", "Calls upon" -> "Call upon"."""
    first, _, rest = phrase.partition(" ")
    if first.endswith(("sses", "shes", "ches", "xes")):
        first = first[:-2]
    elif first.endswith("s") and not first.endswith("ss"):
        first = first[:-1]
    return f"{first} {rest}".strip()


_GENERIC_NOT_VERBS = {"States", "Nations", "Affairs", "Rights", "Members", "Parties", "Countries", "Goals",
                      "Governments", "Commissions", "Agencies", "Programmes", "Resources", "Services", "Islands",
                      "Americas", "Emirates", "Philippines", "Netherlands", "Bahamas", "Comoros", "Maldives",
                      "Seychelles", "Bodies", "Conventions", "Actions", "Matters", "Issues", "Reports", "Funds",
                      "Annexes", "Paragraphs", "Sessions", "Decisions", "Resolutions"}


# ---------------------------------------------------------------- public entry


def find_blocks(text: str, verbs: dict[str, Any]) -> list[Block]:
    """Every resolution in `text` whose layout shows at least one operative paragraph."""
    pats = patterns(verbs)
    blocks = _group_anchors(text)
    if not blocks and CLOSING.search(text):  # a fragment: paragraphs and a closing formula, no header
        blocks = [Block(start=0, end=0)]
    for block in blocks:  # a draft quoted in a report: its title (and "Draft resolution II") head it
        if block.title is None and block.opening is not None:
            block.title = _title_before_opening(text, block)
            if block.title is not None:
                block.start = min(block.start, block.title.start)
                roman = _ROMAN_LINE.search(text, max(0, block.title.start - 120), block.title.start)
                if roman:
                    block.roman = roman.group("roman")
                    block.start = min(block.start, roman.start())
    for i, block in enumerate(blocks):
        limit = blocks[i + 1].start if i + 1 < len(blocks) else len(text)
        closing = _closing_after(text, block, limit)
        block.end = closing.end() if closing else limit
        if closing:
            kind = "plenary meeting" if "plenary" in squash(closing.group("pm")) else "meeting"
            block.meeting = Field(f"{closing.group('num')}{_suffix(closing.group())} {kind}",
                                  closing.start(), closing.end("pm"))
            date = DAY_MONTH_YEAR.search(closing.group(0))
            if date:
                block.date_adopted = Field(iso(date), closing.start(), closing.end())
        block.paragraphs = _paragraphs(text, block, pats)
        if not closing and block.paragraphs:
            block.end = max(p.end for p in block.paragraphs)
        _header(text, block)
        _body_prefix(text, block)
    return [b for b in blocks if b.operative]


def body(block: Block) -> str:
    """The adopting body: the header's, else the opening line's ("The Human Rights Council,")."""
    if block.adopted_header is not None:
        return block.adopted_header.value
    if block.opening is not None:
        return block.opening.value.removeprefix("The ").strip()
    return "General Assembly"


def _body_prefix(text: str, block: Block) -> None:
    """A title number "2009/21." of a Council resolution is E/RES/2009/21 or A/HRC/RES/12/6, not A/RES/."""
    if not block.numbered or block.symbol is None:
        return
    prefix = next((p for b, p in _BODIES.items() if b.lower() == body(block).lower()), "A/RES/")
    number = block.symbol.value.removeprefix("A/RES/")
    block.symbol = Field(prefix + number, block.symbol.start, block.symbol.end)


# ---------------------------------------------------------------- anchors and blocks


def _anchors(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, value) for every header-like line, in text order."""
    out: list[tuple[int, int, str, str]] = []
    for m in HEADER_RES.finditer(text):
        out.append((m.start("sym"), m.end("sym"), "symbol", _norm_symbol(m.group("sym"))))
    for m in HEADER_DRAFT.finditer(text):
        out.append((m.start("sym"), m.end("sym"), "draft", _norm_symbol(m.group("sym"))))
    for m in ADOPTED.finditer(text):
        out.append((m.start(), m.end(), "adopted", ""))
    for m in TITLE.finditer(text):
        title = re.split(r"\s+The\s+General\s+Assembly\s*,", m.group("title"))[0].rstrip()
        out.append((m.start("num"), m.start("title") + len(title), "title", m.group("num")))
    for m in OPENING.finditer(text):
        name = next(g for g in ("open", "open2", "open3") if m.group(g))
        out.append((m.start(name), m.end(name), "opening", ""))
    out.sort()
    return out


def _group_anchors(text: str) -> list[Block]:
    """Cluster header lines into resolutions: a new one starts when a field repeats with a new value."""
    closings = [m.end() for m in CLOSING.finditer(text)]
    blocks: list[Block] = []
    cur: Block | None = None
    last = -1
    for start, end, kind, value in _anchors(text):
        if cur is not None and _starts_new(cur, kind, value, start, last, closings):
            cur = None
        if cur is None:
            cur = Block(start=start, end=start)
            blocks.append(cur)
        cur.anchors.append((kind, start, end))
        last = end
        if kind in ("symbol", "draft") and cur.symbol is None:
            cur.symbol = Field(value, start, end)
            cur.draft = kind == "draft"
        elif kind == "title":
            title_start = start + len(value) + len(re.match(r"[ \t]?\.[ \t]*", text[start + len(value):]).group())
            title = text[title_start:end]
            cur.title = Field(plain(title).rstrip(" ."), title_start, end)
            if cur.symbol is None:
                cur.symbol = Field(_ga_symbol(value), start, start + len(value))
                cur.numbered = True
        elif kind == "adopted":
            m = ADOPTED.match(text, start)
            cur.adopted_header = Field(squash(m.group("body")) if m else "General Assembly", start, end)
            if m and m.group("date"):
                d = DAY_MONTH_YEAR.search(m.group("date"))
                if d:
                    cur.date_adopted = Field(iso(d), start, end)
        elif kind == "opening":
            cur.opening = Field(squash(text[start:end]), start, end)
    return blocks


def _starts_new(cur: Block, kind: str, value: str, start: int, last: int, closings: list[int]) -> bool:
    closed = any(cur.start < c <= start for c in closings)
    seen = {k for k, _, _ in cur.anchors}
    far = start - last > 4000
    if kind in ("symbol", "draft", "title"):
        if cur.symbol is not None:
            if _sym_key(value) != _sym_key(cur.symbol.value):
                return True
            return kind == "title" and "title" in seen  # a repeated page header is not a new resolution
        return closed or far or kind in seen
    return closed or far or kind in seen


def _suffix(closing: str) -> str:
    """The ordinal suffix as written, or the right one when the text lost it ("72 plenary")."""
    m = re.match(r"(\d+)\s*(st|nd|rd|th|d)?", closing)
    if m.group(2):
        return m.group(2)
    n = int(m.group(1))
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _closing_after(text: str, block: Block, limit: int) -> re.Match | None:
    for m in CLOSING.finditer(text, block.start, limit):
        return m
    return None


def _norm_symbol(raw: str) -> str:
    return re.sub(r"\s+", "", raw).replace("/RES/", "/RES/").strip()


def _ga_symbol(number: str) -> str:
    return f"A/RES/{number}"


def _sym_key(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).upper().removeprefix("A/RES/")


# ---------------------------------------------------------------- header fields


def _header(text: str, block: Block) -> None:
    first = min((p.start for p in block.paragraphs), default=block.end)
    head_start = max(0, block.start - 400) if block.symbol is None else block.start
    head = text[head_start:first]
    off = head_start
    if block.session is None:
        m = SESSION.search(head)
        if m and ordinal(m.group("ord")):
            block.session = Field(" ".join(m.group().split()), off + m.start(), off + m.end())
    if block.agenda_item is None:
        m = AGENDA.search(head)
        if m:
            block.agenda_item = Field(" ".join(m.group().split()), off + m.start(), off + m.end())
    if block.distributed is None:
        m = DISTR.search(head)
        if m and m.group("date"):
            d = DAY_MONTH_YEAR.search(m.group("date"))
            if d:
                block.distributed = Field(iso(d), off + m.start(), off + m.end())
        if m and "limited" in m.group(0).lower():
            block.draft = block.draft or block.adopted_header is None
    if block.committee_report is None:
        m = REPORT.search(head)
        if m:
            block.committee_report = Field(_norm_symbol(m.group("sym")), off + m.start("sym"), off + m.end("sym"))
    if block.symbol is None:
        block.symbol = _draft_symbol_near(text, block)
        if block.symbol is not None:
            block.draft = True
    if block.symbol is None:  # "Symbol: A/RES/63/225" somewhere above the text
        found = list(re.finditer(SYMBOL_RES, text[max(0, block.start - 1500):first]))
        if found:
            m = found[-1]
            off = max(0, block.start - 1500)
            block.symbol = Field(_norm_symbol(m.group()), off + m.start(), off + m.end())


def _title_before_opening(text: str, block: Block) -> Field | None:
    """The non-empty line just above "The General Assembly," (drafts and committee reports)."""
    end = text.rfind("\n", 0, block.opening.start)
    while end > block.start - 600 and end > 0:
        line_start = text.rfind("\n", 0, end) + 1
        line = text[line_start:end].strip(" \t*_#")
        if line:
            if len(line) > 200 or line.endswith((".", ":", ";")) or re.search(r"draft resolution\b", line, re.I):
                return None
            s = line_start + text[line_start:end].find(line)
            return Field(plain(line), s, s + len(line))
        end = line_start - 1
    return None


_DRAFT_MENTION = re.compile(r"(?P<sym>" + SYMBOL_DRAFT + r")(?![\w/])")
_ROMAN_LINE = re.compile(r"(?im)^[ \t]*draft[ \t]+resolution[ \t]+(?P<roman>[IVXL]{1,6})[ \t]*$")
_SEE_ROMAN = re.compile(r"^[^()]{0,40}\(see[^()]{0,40}draft[ \t]+resolution[ \t]+(?P<roman>[IVXL]{1,6})\)")
_ADOPTED_DRAFT = re.compile(r"\badopted[ \t\n]+(?:the[ \t\n]+)?(?:revised[ \t\n]+)?draft[ \t\n]+resolution[ \t\n]+$")
_ENTITLED_AFTER = re.compile(r"^[\s,]*(?:\([^)]*\)[\s,]*)?(?:entitled|on)[\s\n]*[\"“](?P<t>[^\"”]{3,250})[\"”]")
_ENTITLED_BEFORE = re.compile(r"(?:entitled|on)[\s\n]*[\"“](?P<t>[^\"”]{3,250})[\"”][\s,]*\($")


def _draft_symbol_near(text: str, block: Block) -> Field | None:
    """A block with no symbol of its own is a draft quoted in a report: take the draft symbol
    the report gives it — by "(see para. 9, draft resolution II)", by its title, by the draft
    the Committee adopted, else the last draft named before it."""
    mentions = list(_DRAFT_MENTION.finditer(text, 0, block.start))
    if not mentions:
        return None
    field_of = lambda m: Field(_norm_symbol(m.group("sym")), m.start("sym"), m.end("sym"))  # noqa: E731
    if block.roman:
        for m in mentions:
            see = _SEE_ROMAN.match(text, m.end(), min(len(text), m.end() + 120))
            if see and see.group("roman") == block.roman:
                return field_of(m)
    adopted = [m for m in mentions if _ADOPTED_DRAFT.search(text, max(0, m.start() - 60), m.start())]
    if block.title is not None:
        want = _fold(block.title.value)
        titled = []
        for m in mentions:
            after = _ENTITLED_AFTER.match(text, m.end(), min(len(text), m.end() + 300))
            before = _ENTITLED_BEFORE.search(text, max(0, m.start() - 300), m.start())
            if any(t and _fold(t.group("t")) == want for t in (after, before)):
                titled.append(m)
        if titled:
            chosen = [m for m in titled if m in adopted] or titled
            return field_of(chosen[-1])
    return field_of((adopted or mentions)[-1])


def _fold(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", plain(s).lower()).strip()


# ---------------------------------------------------------------- paragraphs


def _paragraphs(text: str, block: Block, pats: Patterns) -> list[Paragraph]:
    starts: list[tuple[int, int, str, str, re.Match]] = []  # (start, body_start, kind, number, match)
    expected = 1
    found = list(pats.operative.finditer(text, block.start, block.end))
    taken = {m.start("verb") for m in found}
    found += [m for m in pats.no_dot.finditer(text, block.start, block.end) if m.start("verb") not in taken]
    found.sort(key=lambda m: m.start())
    for m in found:
        verb = m.group("verb")
        first = squash(verb).split()[0] if verb.strip() else ""
        if first in _GENERIC_NOT_VERBS or not first[:1].isupper():
            continue
        at_line_start = _at_line_start(text, m.start("num") if m.group("num") else m.start("let") - 1)
        if m.re is pats.no_dot and not at_line_start:
            continue
        if m.group("num"):
            n = int(m.group("num"))
            if not at_line_start and not _inline_ok(text, m.start("num"), n, expected,
                                                    _listed(squash(verb, pats.operative_words), pats.operative_words)):
                continue
            expected = n + 1
            starts.append((m.start("num"), m.start("verb"), "operative", str(n), m))
        else:
            if not at_line_start and (not starts or _before(text, m.start("let") - 1) not in (";", ":", ".", ",")):
                continue
            if not _listed(squash(verb, pats.operative_words), pats.operative_words):
                continue  # "(a) Measures to ...": an item of a list, not a paragraph with a verb
            starts.append((m.start("let"), m.start("verb"), "subparagraph", m.group("let"), m))
    first_op = starts[0][0] if starts else block.end
    preamble = [m for m in pats.preambular.finditer(text, block.start, first_op)]
    for m in preamble:
        starts.append((m.start("verb"), m.start("verb"), "preambular", "", m))
    if not any(kind == "operative" for _, _, kind, _, _ in starts):
        # numbers lost (a web list rendered without them): operative verbs opening lines, in order
        after = preamble[-1].end() if preamble else block.start
        n = 0
        for m in pats.unnumbered.finditer(text, after, block.end):
            n += 1
            starts.append((m.start("verb"), m.start("verb"), "operative", str(n), m))
    starts.sort(key=lambda s: s[0])

    out: list[Paragraph] = []
    parent = ""
    seen: dict[str, str] = {}  # number -> text
    offset = last = 0
    for i, (start, _body, kind, number, m) in enumerate(starts):
        nxt = starts[i + 1][0] if i + 1 < len(starts) else block.end
        if block.meeting is not None:
            nxt = min(nxt, block.meeting.start)
        raw_end, cleaned = _paragraph_text(text, m.end(), nxt, last=i + 1 == len(starts))
        if kind == "operative":
            n = int(number) + offset
            if str(n) in seen and seen[str(n)] != cleaned and int(number) == 1 and last >= 1:
                offset, n = last, last + 1  # the list restarted at 1: its numbers continue the count
            number = str(n)
            parent = number
        elif kind == "subparagraph":
            if not parent:
                continue
            number = f"{parent} ({number})"
        if number and number in seen:
            continue  # a page printed twice: keep the first reading
        if number:
            seen[number] = cleaned
        if kind == "operative":
            last = int(number)
        words = pats.operative_words if kind != "preambular" else pats.preambular_words
        verb = squash(m.group("verb"), words)
        cleaned = f"{verb} {cleaned}".strip() if cleaned[:1] not in ",;:." else verb + cleaned
        out.append(Paragraph(kind, number, Field(verb, m.start("verb"), m.end("verb")), cleaned,
                             start, max(raw_end, m.end("verb"))))
    return out


def _before(text: str, pos: int) -> str:
    """The character that ends what comes before `pos`, a footnote number after punctuation skipped."""
    head = re.sub(r"(?<=[;:.,])[ \t]*(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$", "", text[max(0, pos - 200):pos].rstrip())
    return head[-1:]


def _inline_ok(text: str, pos: int, n: int, expected: int, listed: bool) -> bool:
    """A number inside a line opens a paragraph when it follows the previous one's end ("…; 3. Decides",
    "…;11 3. Decides" after a footnote number) and continues the count (a few paragraphs may be missing
    from a damaged text); after a cut-off paragraph, only before a listed verb."""
    before = _before(text, pos)
    if before in (";", ":", "."):
        return expected <= n <= expected + 6
    if before == ",":
        return n == expected
    return listed and before.isalpha() and expected < n <= expected + 6


def _listed(verb: str, words: tuple[str, ...]) -> bool:
    known = {w.casefold() for w in words}
    return all(w.casefold() in known for w in verb.split())


def _at_line_start(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return re.fullmatch(r"[ \t]*(?:[-•▪>#]+[ \t]+)?[*_]*", text[line_start:pos]) is not None


def without_furniture(raw: str) -> str:
    """`raw` without the page-furniture lines inside it (job numbers, running headers, page numbers)."""
    if "\n" not in raw:
        return raw
    first, *rest = raw.split("\n")
    return "\n".join([first, *(line for line in rest if not _JUNK_LINE.match(line))])


def _paragraph_text(text: str, start: int, end: int, last: bool) -> tuple[int, str]:
    """End offset of the paragraph's own text (page furniture and footnotes left out) and its
    cleaned text."""
    lines: list[str] = []
    raw_end = start
    pos = start
    blank_after_stop = False
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        if not line.strip():
            if lines and last and lines[-1].rstrip().endswith((".", "”", '"')):
                blank_after_stop = True
        elif pos == start or not _JUNK_LINE.match(line):
            if blank_after_stop:
                break
            lines.append(line)
            raw_end = pos + len(line.rstrip())
        pos = line_end + 1
    body = "\n".join(lines)
    body = _FOOTNOTE_MARK.sub("", body)
    body = re.sub(r"(\w)-\n(\w)", r"\1-\2", body)  # UN typesetting breaks lines at hyphens, rarely inside words
    body = re.sub(r"[*_]{1,2}(?=\w)|(?<=\w)[*_]{1,2}", "", body)
    body = " ".join(body.split())
    return raw_end, plain(body)
