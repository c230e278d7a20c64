"""Regexes that read PDF-damaged words in place, so offsets stay in the original text.

PDF extraction splits words into spaced letters ("Reca llin g"), wraps italics in
markers ("*Requests*"), breaks lines inside phrases and curls quotes. Instead of
cleaning a copy of the text (and mapping offsets back), the few phrases that anchor
the layout are matched with a tolerant pattern, and only the matched value is
cleaned with `squash`.
"""
from __future__ import annotations

import re
from functools import lru_cache

# between two letters of one word: nothing, or a stray space / italics marker
_IN_WORD = r"[ \t*_]?"
# between two words: any run of blanks, newlines or italics markers — or none, as PDF text
# extraction glues italic words together ("Alsodecides")
_BETWEEN = r"[\s*_]*"


def loose(phrase: str) -> str:
    """A regex source matching `phrase` with letter-spacing, italics and line breaks."""
    words = phrase.split()
    parts = []
    for word in words:
        chars = [re.escape(c) if c not in "-'’" else "[-'’\u2011\u2010]?" for c in word]
        parts.append(_IN_WORD.join(chars))
    return _BETWEEN.join(parts)


@lru_cache(maxsize=64)
def alternation(phrases: tuple[str, ...]) -> str:
    """One regex source matching any of `phrases`, longest first (so "Takes note" beats "Takes")."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(loose(p) for p in ordered) + ")"


_MARKERS = re.compile(r"[*_]+")


def squash(raw: str, vocabulary: tuple[str, ...] = ()) -> str:
    """The phrase as written, without italics markers, line breaks and letter-spacing.

    Spaced fragments are joined back while they spell the start of a word of
    `vocabulary` ("Reca llin g also" -> "Recalling also").
    """
    tokens = _MARKERS.sub(" ", raw).split()
    words = _words(tuple(vocabulary))
    out: list[str] = []
    i = 0
    while i < len(tokens):
        cur = tokens[i]
        i += 1
        while cur.casefold() not in words and i < len(tokens) and \
                any(w.startswith((cur + tokens[i]).casefold()) for w in words):
            cur += tokens[i]
            i += 1
        # a word may go on letter by letter ("C a l l s": "Call" is a word, "Calls" a longer one)
        j, longer = i, cur
        while cur.casefold() in words and j < len(tokens) and len(tokens[j]) == 1 and \
                any(w.startswith((longer + tokens[j]).casefold()) for w in words):
            longer += tokens[j]
            j += 1
            if longer.casefold() in words:
                cur, i = longer, j
        out.extend(_unglue(cur, words) if cur.casefold() not in words else [cur])
    return " ".join(out)


def _unglue(token: str, words: frozenset[str]) -> list[str]:
    """"Alsodecides" -> ["Also", "decides"] when the token is known words run together."""
    folded = token.casefold()
    best: dict[int, list[int]] = {0: []}
    for i in range(len(folded)):
        if i not in best:
            continue
        for j in range(i + 2, len(folded) + 1):
            if folded[i:j] in words and j not in best:
                best[j] = best[i] + [j]
    if len(folded) not in best or len(best[len(folded)]) < 2:
        return [token]
    cuts = [0] + best[len(folded)]
    return [token[a:b] for a, b in zip(cuts, cuts[1:])]


@lru_cache(maxsize=8)
def _words(vocabulary: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for phrase in vocabulary for w in phrase.split())


QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u2011": "-", "\u2010": "-",
                        "\u00a0": " "})


def plain(text: str) -> str:
    """Straight quotes, plain hyphens and spaces: for values, never for offsets."""
    return text.translate(QUOTES)
