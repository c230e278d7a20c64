"""Lines back into paragraphs: soft wraps joined, hyphenation healed, page furniture dropped.

A plain-text dump of a PDF breaks every paragraph into lines of about one width, hyphenates
words at line ends and repeats a header, a page number and a job number on every page. A
break between two lines is a soft wrap when the text shows it: the next line goes on in lower
case, or the first line is full (the next word would not have fitted beside it) and no list
marker or heading starts the next one. Everything else stays a line break.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from graph.reading.offsets import Edit
from graph.reading.sentences import ends_with_abbreviation
from graph.reading.words import Vocabulary

_BREAK = re.compile(r"\r\n|[\n\r\f\v\x85\u2028\u2029]")
_PAGE_NO = re.compile(r"(?i)(?:page\s+)?[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?(?:\s*(?:of|/)\s*\d{1,4})?")
# "- 3 -", "Page 3", "Page 3 of 12": a page number wherever it stands (a bare "3" needs company)
_MARKED_PAGE_NO = re.compile(r"(?i)[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?")
_ROMAN_PAGE = re.compile(r"(?i)[-\u2013\u2014]?\s*[ivxl]{1,6}\s*[-\u2013\u2014]?")
# UN job numbers ("07-47991", "08-12345 (E) 050109", "*0812345*"), possibly with the page number
_JOB_NO = re.compile(r"(?:\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\*\d{5,}\*)?|\*\d{5,}\*)(?:\s+\d{1,4})?")
# what starts a new block: numbered paragraphs, sub-paragraphs, bullets, lettered and roman headings
LIST_MARKER = re.compile(r"\s*(?:\d{1,3}[.)](?=\s)|\(?[a-z]{1,2}\)(?=\s)|\([ivxlc]{1,6}\)(?=\s)|[IVXL]{1,6}\.(?=\s)"
                         r"|[A-Z]\.(?=\s+[A-Z])|[\u2022\u00b7\u25aa\u25a0\u25cf\u25e6\u2023\u2043*\-\u2013\u2014](?=\s))")
_BULLET = re.compile(r"\s*[\u2022\u00b7\u25aa\u25a0\u25cf\u25e6\u2023\u2043*\-\u2013\u2014]\s")  # never a wrapped word
_HYPHENATED = re.compile(r"([^\W\d_]+)[-\u2010]$")
_LEAD_WORD = re.compile(r"[^\W\d_]+")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'\u2019-]+(?:\s|$)")  # a heading's first word
_SYMBOL = re.compile(r"[A-Z][A-Z0-9.]*(?:/[A-Z0-9.()-]+)+")  # a document symbol: "A/RES/63/225", "CMDO/GB/15/2"
_TABLE = re.compile(r"\t|\S {4,}\S")  # columns: a tab or a gap wider than justified spacing


@dataclass(slots=True)
class Line:
    start: int  # first character of the line
    end: int  # the line break (exclusive of it)
    next: int  # first character after the line break
    page_break: bool  # the break after this line is a form feed
    cs: int  # content without surrounding spaces: [cs, ce)
    ce: int
    furniture: bool = False

    @property
    def blank(self) -> bool:
        return self.cs == self.ce


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for m in _BREAK.finditer(text):
        lines.append(_line(text, pos, m.start(), m.end(), m.group() == "\f"))
        pos = m.end()
    if pos < len(text) or not lines:
        lines.append(_line(text, pos, len(text), len(text), False))
    return lines


def _line(text: str, s: int, e: int, nxt: int, page: bool) -> Line:
    cs, ce = s, e
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and text[ce - 1].isspace():
        ce -= 1
    return Line(s, e, nxt, page, cs, ce)


def mark_furniture(text: str, lines: list[Line]) -> None:
    """Page numbers, job numbers and running headers/footers (short lines repeated beside page
    breaks) are furniture. A repeated line away from page breaks (a city in a list) is content."""
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    body = [text[lines[i].cs:lines[i].ce] for i in content]
    ends: set[int] = set()  # the last non-blank line before each form feed
    k = -1
    for ln in lines:
        if not ln.blank:
            k += 1
        if ln.page_break and k >= 0:
            ends.add(k)
    near_break = {k + d for b in ends for k in (b, b + 1) for d in range(-2, 3)}
    furniture = {k for k, s in enumerate(body) if _JOB_NO.fullmatch(s) or _MARKED_PAGE_NO.fullmatch(s)}
    arabic = [k for k, s in enumerate(body) if _PAGE_NO.fullmatch(s)]
    furniture.update(k for k in arabic if k in near_break)
    furniture.update(_page_sequence(arabic, body))
    furniture.update(k for k, s in enumerate(body) if k in near_break and _ROMAN_PAGE.fullmatch(s))
    anchors = furniture | ends | {b + 1 for b in ends}
    if len(anchors) >= 2:  # running headers and footers: repeated short lines at page edges
        edges = {k + d for k in anchors for d in range(-2, 3)} | {0, 1, len(body) - 2, len(body) - 1}
        keys = [re.sub(r"\d+", "#", re.sub(r"\s+", " ", s.lower())) if len(s) <= 80 else "" for s in body]
        count = Counter(keys)
        at_edge = Counter(keys[k] for k in edges if 0 <= k < len(body))
        first_page = min(anchors)
        furniture.update(k for k in edges if 0 <= k < len(body) and keys[k] and count[keys[k]] >= 2
                         and at_edge[keys[k]] >= max(2, 0.75 * count[keys[k]])
                         and not (k < first_page and _SYMBOL.fullmatch(body[k])))  # the masthead's own symbol
    for k in furniture:
        lines[content[k]].furniture = True


def _page_sequence(numbered: list[int], body: list[str]) -> list[int]:
    """Bare numbers that count pages: each a few lines from the next, the values rising."""
    vals = [int(re.search(r"\d+", body[k]).group()) for k in numbered]
    out = []
    for i, k in enumerate(numbered):
        for j in (i - 1, i + 1):
            if 0 <= j < len(numbered) and abs(numbered[j] - k) >= 4:
                step = (vals[j] - vals[i]) * (1 if j > i else -1)
                if 1 <= step <= 3:
                    out.append(k)
                    break
    return out


@dataclass(frozen=True, slots=True)
class Layout:
    """What the lines of a document say about its wrapping: the width of a full line, in
    characters and in printed width (a justified PDF fills its lines in ems, not characters)."""

    wrapped: bool
    width: int
    printed: float = 0.0


# relative widths of a serif text face (Times): capitals are half as wide again as lower case
_WIDTHS = {**{c: 0.55 for c in "ijl.,;:'!|()[]-/ "}, **{c: 0.7 for c in "frtI"}, **{c: 1.5 for c in "mw"},
           **{c: 1.9 for c in "MW@%"}}


def printed_width(s: str) -> float:
    """Width of `s` as set in a proportional font, in average lower-case letters."""
    get = _WIDTHS.get
    return sum(get(c) or (1.5 if c.isupper() else 1.0) for c in s)


def _percentile(values: list, share: float):
    values = sorted(values)
    return values[int(share * (len(values) - 1))] if len(values) >= 10 else values[-1]


def layout(text: str, lines: list[Line]) -> Layout:
    """A document is hard-wrapped when most of its longer lines end near one width, and full
    lines often break mid-sentence (after a comma or "the", before a lower-case word): a list
    of names has lines of one width too."""
    body = [text[ln.cs:ln.ce] for ln in lines if not ln.furniture and ln.ce - ln.cs >= 20]
    if len(body) < 3:
        return Layout(False, 0)
    width = _percentile([len(s) for s in body], 0.9)
    near = sum(1 for s in body if len(s) >= 0.75 * width)
    if width > 160 or near < 0.5 * len(body):
        return Layout(False, width)
    pairs = goes_on = 0
    kept = [ln for ln in lines if not ln.furniture]
    for a, b in zip(kept, kept[1:]):
        if a.ce - a.cs >= 0.75 * width and not b.blank:
            pairs += 1
            first, end = text[b.cs], text[a.cs:a.ce]
            goes_on += first.islower() or first.isdigit() or first == "(" or end.endswith(",") \
                or bool(_DANGLING.search(end))
    if goes_on < max(1, 0.25 * pairs):
        return Layout(False, width)
    return Layout(True, width, _percentile([printed_width(s) for s in body], 0.9))


def _full(s1: str, s2: str, lay: Layout) -> bool:
    """Would the next line's first word have fitted at the end of this one? If not, the break
    is a wrap. Judged in characters (plain-text dumps) and in printed width (PDF text)."""
    if not lay.wrapped:
        return False
    word = s2.split()[0]
    return len(s1) + 1 + len(word) > 0.9 * lay.width or \
        printed_width(s1) + 0.5 + printed_width(word) > 0.9 * lay.printed


def _caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


_DANGLING = re.compile(r"(?<![^\s(])(?:the|of|and|on|for|in|to|a|an|by|with|at|from|or|its|their)$")


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = re.compile(rf"(?:{_MONTHS})")


def _split_date(s1: str, s2: str) -> bool:
    """A date cut by the line break: "14 May\n2024", "on 14\nMay 2024"."""
    last, first = s1.rsplit(None, 1)[-1], s2.split(None, 1)[0].rstrip(",.;")
    return bool((_MONTH.fullmatch(last) and re.fullmatch(r"\d{1,4}", first)) or
                (re.fullmatch(r"\d{1,2}", last) and _MONTH.fullmatch(first)))


def _title(s: str) -> bool:
    """Title Case and no closing punctuation: a heading, a name or a title line."""
    if s[-1:] in ".,;:!?" or _DANGLING.search(s):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", s) if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _terminal(s: str) -> bool:
    core = s.rstrip("\"'\u201d\u2019)]")
    return core[-1:] in (".", "!", "?") and not ends_with_abbreviation(core)


def join(text: str, a: Line, b: Line, lay: Layout, vocab: Vocabulary) -> Edit | None:
    """The edit that joins line `a` to the next content line `b`, or None (a real break)."""
    s1, s2 = text[a.cs:a.ce], text[b.cs:b.ce]
    if "\t" in s1 or "\t" in s2:
        return None
    if s1.endswith("\u00ad"):
        return Edit(a.ce - 1, b.cs, "")
    hy = _HYPHENATED.search(s1)
    if hy and s2[0].isalpha():
        return Edit(a.ce - 1, b.cs, "") if _drop_hyphen(hy.group(1), s2, vocab) else Edit(a.ce, b.cs, "")
    full = _full(s1, s2, lay)
    terminal = _terminal(s1)
    if LIST_MARKER.match(s2) and (_BULLET.match(s2) or not (full and not terminal and s1[-1] not in ";:")):
        return None  # a new item, unless the marker is a word the wrap put first ("see paragraph\n(a) above")
    if s2[0].islower() and (not terminal or full):
        return Edit(a.ce, b.cs, " ")
    if _centred(a, b) and not terminal and s2[0].isalnum():
        return Edit(a.ce, b.cs, " ")  # a title set centred over two lines
    if (_DANGLING.search(s1) and s2[0].isalnum()) or _split_date(s1, s2):
        return Edit(a.ce, b.cs, " ")  # no line ends on "of the", or inside a date ("14 May\n2024")
    if not full:
        return None
    caps1, caps2 = _caps(s1), _caps(s2)
    if _title(s1) and _title(s2) and len(s2) <= 0.5 * lay.width and not (caps1 and caps2):
        return None  # a title, then a subtitle ("… Transnational Crime\nSenior Officials' Meeting")
    if caps2 and not caps1 and _CAPS_WORD.match(s2) and not re.fullmatch(r"[A-Z][A-Z.'\u2019-]*", s1.split()[-1]):
        return None  # a heading after a paragraph ("… New York\nPREFACE")
    if caps1 and not caps2 and len(s1) + 1 + len(s2.split()[0]) <= 0.9 * lay.width:
        return None  # a paragraph after a heading, the heading's capitals wider than its letters
    return Edit(a.ce, b.cs, " ")


# prefixes UN editorial style always hyphenates ("non-governmental", "self-employed", "cross-border")
_HYPHEN_PREFIXES = frozenset({"non", "self", "ex", "cross", "well", "semi", "quasi", "all", "half"})


def _centred(a: Line, b: Line) -> bool:
    """Two lines set well in from the margin, one under the other, as a centred title is."""
    ia, ib = a.cs - a.start, b.cs - b.start
    mid_a, mid_b = a.cs + a.ce - 2 * a.start, b.cs + b.ce - 2 * b.start  # twice the column of each middle
    return ia >= 8 and ib >= 8 and abs(mid_a - mid_b) <= 8


def _drop_hyphen(head: str, rest: str, vocab: Vocabulary) -> bool:
    """'migra-' + 'tion' is one word; 'South-' + 'East' and 'self-' + 'government' keep the hyphen."""
    tail = _LEAD_WORD.match(rest)
    if tail is None:
        return False
    tail_word = tail.group()
    if f"{head}-{tail_word}".lower() in vocab.compounds:
        return False
    if vocab.in_document(head + tail_word):
        return True
    if tail_word[0].isupper() or head.lower() in _HYPHEN_PREFIXES:
        return False
    if vocab.is_english(head + tail_word):
        return True
    if len(head) > 2 and vocab.is_english(head) and vocab.is_english(tail_word):
        return False
    return True


def paragraph_edits(text: str, vocab: Vocabulary) -> tuple[list[Edit], list[tuple[int, int]], list[Line]]:
    """Edits that join wrapped lines and drop furniture; the spans of prose lines (to tidy spaces
    in); and the lines."""
    lines = split_lines(text)
    mark_furniture(text, lines)
    lay = layout(text, lines)
    edits: list[Edit] = []
    prose: list[tuple[int, int]] = []
    prev: Line | None = None
    gap_page = gap_blank = False
    joined_prev = False
    for ln in lines:
        if ln.furniture:
            gap_page = True
            if prev is None:
                edits.append(Edit(ln.start, ln.next, ""))
            continue
        if ln.blank:
            gap_page = gap_page or ln.page_break
            gap_blank = True
            continue
        if prev is not None:
            gap_page = gap_page or prev.page_break
            edit = None if (gap_blank and not gap_page) else join(text, prev, ln, lay, vocab)
            if edit is not None:
                edits.append(edit)
                if not joined_prev:
                    prose.append((prev.cs, prev.ce))
                prose.append((ln.cs, ln.ce))
                joined_prev = True
            else:
                if gap_page:  # furniture between two paragraphs: one line break instead
                    edits.append(Edit(prev.ce, ln.start, "\n"))
                joined_prev = False
        prev = ln
        gap_page = gap_blank = False
    if prev is not None and gap_page:
        edits.append(Edit(prev.ce, len(text), "\n" if prev.next < len(text) else ""))
    for ln in lines:
        if not ln.blank and not _TABLE.search(text, ln.cs, ln.ce):
            prose.append((ln.cs, ln.ce))
    return edits, sorted(set(prose)), lines
