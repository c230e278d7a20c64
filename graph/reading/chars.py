"""Damage inside a line, healed where it is unambiguous: odd spaces, ligatures, footnote markers,
letter-spaced words and words split by stray spaces. Each healer proposes `Edit`s on the source."""
from __future__ import annotations

import re
from collections.abc import Iterator

from graph.reading.offsets import Edit
from graph.reading.words import Vocabulary

SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ODD_SPACE = re.compile(f"[{SPACES}]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
             "\ufb06": "st"}
_LIGATURE = re.compile("[" + "".join(LIGATURES) + "]")
_HYPHEN = re.compile("[\u2010\u2011]")  # typographic and non-breaking hyphens
_PAGE_FEED = re.compile("[\f\v]")  # what is left of a page break is a line break
_SUPERSCRIPT = re.compile("[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")
# "Assembly,2 on", "migration.3 The": a note number clinging to a word (two lower-case letters before it)
_NOTE = re.compile(r"(?<=[a-z\u00e0-\u00ff]{2})([.,;:]?)(\d{1,2})(?=\s|$)")
_NOTE_EXEMPT = {"add", "corr", "rev", "vol", "no", "nos", "para", "paras", "art", "arts", "annex", "sess", "ch",
                "pt", "supp", "amend", "item", "items", "page", "pages", "p", "pp", "sect", "rule", "goal", "target",
                "article", "paragraph", "chapter", "section", "table", "figure", "box", "phase", "level", "session",
                "part", "version", "step"}
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_LETTER_SPACED = re.compile(rf"(?<![^\s\"'\u201c\u2018(\[])((?:[^\W\d_][ {SPACES}]){{3,}}[^\W\d_])"
                            r"(?=[\s.,;:!?)\]\"'\u201d\u2019]|$)")
_SPACE_RUN = re.compile(rf"(?<=\S)[ {SPACES}]{{2,}}(?=\S)")
_TOKEN = re.compile(r"[^\W\d_]+")


def odd_characters(text: str) -> Iterator[Edit]:
    """NBSP and other Unicode spaces as a space; zero-width marks dropped; typographic hyphens
    plain; ligatures spelt out; superscript note numbers dropped."""
    for m in _ODD_SPACE.finditer(text):
        yield Edit(m.start(), m.end(), " ")
    for m in _INVISIBLE.finditer(text):
        yield Edit(m.start(), m.end(), "")
    for m in _PAGE_FEED.finditer(text):
        yield Edit(m.start(), m.end(), "\n")
    for m in _HYPHEN.finditer(text):
        yield Edit(m.start(), m.end(), "-")
    for m in _LIGATURE.finditer(text):
        yield Edit(m.start(), m.end(), LIGATURES[m.group()])
    for m in _SUPERSCRIPT.finditer(text):
        yield Edit(m.start(), m.end(), "")


def note_markers(text: str) -> Iterator[Edit]:
    """'Assembly,2' and 'Development3 ' lose the note number (the word is read clean)."""
    for m in _NOTE.finditer(text):
        w = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if w is None or w.group().lower() in _NOTE_EXEMPT or not w.group()[0].isalpha():
            continue
        if text[w.start() - 1:w.start()] in ("/", "-", "."):  # a symbol or code: "A/C.2/conf3"
            continue
        yield Edit(m.start(2), m.end(2), "")


def _segment(word: str, vocab: Vocabulary, limit: int = 4) -> list[str] | None:
    """`word` as the fewest English words (at most `limit`), or None."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(1, n + 1):
        for j in range(max(0, i - 24), i):
            piece = word[j:i]
            prev = best[j]
            if prev is None or len(prev) >= limit:
                continue
            if (len(piece) > 1 or piece.lower() in ("a", "i")) and vocab.is_word(piece):
                if best[i] is None or len(prev) + 1 < len(best[i]):
                    best[i] = [*prev, piece]
    return best[n]


def letter_spacing(text: str, vocab: Vocabulary) -> Iterator[Edit]:
    """'R e c a l l i n g' -> 'Recalling'; 'C a l l s u p o n' -> 'Calls upon'."""
    for m in _LETTER_SPACED.finditer(text):
        joined = re.sub(rf"[ {SPACES}]", "", m.group(1))
        if vocab.is_word(joined) or joined.isupper():
            yield Edit(m.start(1), m.end(1), joined)
            continue
        words = _segment(joined, vocab)
        if words:
            yield Edit(m.start(1), m.end(1), " ".join(words))


def stray_spaces(text: str, vocab: Vocabulary, lines: list[tuple[int, int]]) -> Iterator[Edit]:
    """'Reca llin g' -> 'Recalling', 'in form ation' -> 'information': pieces joined by single
    spaces are one word when the joined form is a word of the document (or, for two short
    fragments, an English word) and one piece is a fragment (no word at all).

    Only windows around a rare token are tried, so a clean text costs one pass."""
    counts = vocab.counts
    for ls, le in lines:
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, ls, le)]
        # glued[j]: token j+1 follows token j after one space and goes on in lower case
        glued = [b[0] == a[1] + 1 and text[a[1]] == " " and b[2][0].islower() for a, b in zip(toks, toks[1:])]
        done_to = -1
        for i, (_, _, word) in enumerate(toks):
            if i <= done_to or counts[word.lower()] > 2 or not ((i and glued[i - 1]) or (i < len(glued) and glued[i])):
                continue
            edit = _join_around(toks, glued, i, done_to, vocab)
            if edit is not None:
                yield edit[0]
                done_to = edit[1]


def _join_around(toks: list[tuple[int, int, str]], glued: list[bool], i: int, floor: int,
                 vocab: Vocabulary) -> tuple[Edit, int] | None:
    for k in (4, 3, 2):
        for first in range(max(floor + 1, i - k + 1), i + 1):
            last = first + k - 1
            if last >= len(toks) or not all(glued[first:last]):
                continue
            pieces = [t[2] for t in toks[first:last + 1]]
            joined = "".join(pieces)
            if len(joined) < 5:
                continue
            if not vocab.in_document(joined):
                short_rare = sum(1 for p in pieces if len(p) <= 4 and vocab.counts[p.lower()] <= 2)
                if short_rare < 2 or not vocab.is_english(joined):
                    continue
            if any(_fragment(p, vocab) for p in pieces):
                return Edit(toks[first][0], toks[last][1], joined), last
    return None


def _fragment(piece: str, vocab: Vocabulary) -> bool:
    """A piece no reader would take for a word: not English and at most twice in the document."""
    return vocab.counts.get(piece.lower(), 0) <= 2 and not vocab.is_english(piece)


def space_runs(text: str, lines: list[tuple[int, int]]) -> Iterator[Edit]:
    """Runs of spaces inside prose lines as one space (justified text); table lines keep theirs."""
    for ls, le in lines:
        for m in _SPACE_RUN.finditer(text, ls, le):
            yield Edit(m.start(), m.end(), " ")
