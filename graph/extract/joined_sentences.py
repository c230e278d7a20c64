"""Sentences rejoined across a soft line wrap: PDF text often cuts a sentence where a line
ended, and a relation whose actor and event sit on both sides of the cut would otherwise be
lost. A blank line (a page break) is not joined: what follows it is as often a heading."""
from __future__ import annotations

import re

from graph.extract.sentences import split_sentences


def joined_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences, joined across one line break when one ends without closing punctuation and
    the next goes on in lower case (or on an indented line)."""
    out: list[tuple[int, int]] = []
    for s, e in split_sentences(text):
        if out:
            ps, pe = out[-1]
            gap = text[pe:s]
            if re.fullmatch(r"[ \t]*\n[ \t]*", gap) and not re.search(r"[.:;!?]\W*$", text[ps:pe]) \
                    and (text[s:s + 1].islower() or gap.endswith((" ", "\t"))):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out
