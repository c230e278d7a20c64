"""The literal words a compiled pattern cannot match without: a cheap test before the regex runs.

Most relation patterns name a verb or a preposition ("organized by", "hosted", "on behalf of");
a sentence that holds none of a pattern's words cannot match it, so the pattern's regex — whose
slots may backtrack over the whole sentence before failing — need not run there. The words are
read from the regex's own parse tree (never from a hand-kept list, which would drift from the
table), so the test is a necessary condition of a match and the matches are the same.

    >>> cues = required_words(r"⟦ was (?:organized|convened) by")
    >>> could_match(cues, "the meeting was convened by ⟦1:Org⟧")
    True
    >>> could_match(cues, "the meeting took place in ⟦2:City⟧")
    False
"""
from __future__ import annotations

import re
from functools import cache

try:  # the parser behind `re.compile`, the only one that reads a pattern as `re` does
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p
except ImportError:  # pragma: no cover  (Python < 3.11)
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["Cues", "could_match", "required_words"]

# each inner set: at least one of its words is in any text the pattern matches (lower case)
Cues = tuple[frozenset[str], ...]

# non-ASCII characters that an ASCII letter matches when case is ignored (K the Kelvin sign, ſ, İ, ı):
# a text holding one may match a pattern without holding its words as written, so it is not tested
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, *((_c.POSSESSIVE_REPEAT,) if hasattr(_c, "POSSESSIVE_REPEAT") else ())}


def _score(words: frozenset[str]) -> int:
    return min(len(w.strip()) for w in words)


def _sequence(items) -> list[frozenset[str]]:
    """What a sequence of parse items needs: each literal run, and what each item needs."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        word = "".join(run).lower()
        if word.strip():
            out.append(frozenset((word,)))
        run.clear()

    for op, arg in items:
        if op is _c.LITERAL and arg < 128:
            run.append(chr(arg))
            continue
        close()
        if op is _c.SUBPATTERN:
            out.extend(_sequence(arg[-1]))
        elif op in _REPEATS and arg[0] >= 1:
            out.extend(_sequence(arg[2]))
        elif hasattr(_c, "ATOMIC_GROUP") and op is _c.ATOMIC_GROUP:
            out.extend(_sequence(arg))
        elif op is _c.BRANCH:
            either = _branch(arg[1])
            if either:
                out.append(either)
    close()
    return out


def _branch(alternatives) -> frozenset[str] | None:
    """One of the alternatives matches: the union of each one's most telling words (none if an
    alternative needs no word)."""
    words: set[str] = set()
    for alt in alternatives:
        needs = _sequence(alt)
        if not needs:
            return None
        words |= max(needs, key=_score)
    return frozenset(words)


@cache
def required_words(source: str, flags: int = re.IGNORECASE) -> Cues:
    """The words (lower case) a case-insensitive regex cannot match without: all of the sets,
    one word of each. Empty when nothing is certain. Parts of the source that stand for variable
    text may be given as a non-ASCII stand-in ("⟦"): it needs nothing and splits the words."""
    if not flags & re.IGNORECASE:
        return ()  # the test lower-cases the text: only sound for patterns that ignore case
    try:
        tree = _p.parse(source, flags)
    except Exception:  # no test rather than a wrong one
        return ()
    needs = sorted(set(_sequence(tree)), key=lambda w: (-_score(w), sorted(w)))
    return tuple(needs[:3])


def could_match(cues: Cues, text: str, lowered: str | None = None) -> bool:
    """False only when `text` lacks every word of one of the sets, so the regex cannot match it."""
    if not cues or _FOLDS_TO_ASCII.search(text):
        return True
    low = text.lower() if lowered is None else lowered
    return all(any(w in low for w in words) for words in cues)
