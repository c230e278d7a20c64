"""What a publication title looks like, and one sighting of a publication.

Shared by the readers of reference lists, running text and paper headings
(graph.extract.reference_lists, .paper_headings, .publications): a title is a run of
capitalised words with the small words between them, and a Sighting is where one
was read, with the actors said to have published or presented it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.extract.lexmatch import WORD
from graph.model import Mention

SMALL = frozenset("a an and as at by de del for from in into of on or the to with via vs versus y".split())
TITLE_RUN = re.compile(r"[A-Z0-9][\w'’\-.]*(?:(?:\s+|:\s+|,\s+(?=Revision\b))(?:[A-Z0-9][\w'’\-.]*|"
                        + "|".join(sorted(SMALL, key=len, reverse=True)) + r"))*")


@dataclass(slots=True)
class Sighting:
    """One sighting of a publication."""

    title: str
    start: int  # span of the title in the text
    end: int
    quote: tuple[int, int]  # span of the sentence or entry that says it
    cls: str = "Publication"
    published: list[Mention] = field(default_factory=list)
    presented: list[Mention] = field(default_factory=list)
    alias: str = ""
    full: bool = False  # from a reference list: the complete title
    symbol: str = ""  # UN document symbol given in the reference ("A/63/265")


def clean_title(t: str) -> str:
    t = " ".join(t.split())
    t = re.sub(r",\s+[A-Z][^,]*(?:,\s+[A-Z][^,]*)*,\s+eds?\.?$", "", t)  # ", Jane Roe and John Doe, eds."
    t = re.sub(r"[\s*]+$", "", t)
    t = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+$", "", t)
    return t.strip(" ,;.:").strip("*").strip()


def real_title(title: str) -> bool:
    words = WORD.findall(title)
    if len(words) < 2 or len(title) > 260 or "\\" in title or "$" in title:
        return False
    if title.count("(") != title.count(")") or sum(1 for w in words if w[:1].isalpha()) < 2:
        return False
    if not title[:1].isupper() and not title[:1].isdigit() and title[:1] not in "'’\"“":
        return False
    return sum(c.isalpha() for c in title) >= 6


def title_case(title: str) -> bool:
    """Most content words of a title are capitalised ("Remittances by the Highly Educated")."""
    words = [w for w in WORD.findall(title) if w.lower() not in SMALL and w[:1].isalpha()]
    if not words:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps / len(words) >= 0.75 and title[:1].isupper()


def trim_run(text: str, s: int, e: int) -> int:
    """A title run ends before trailing small words and a following year ("… Services in 2002")."""
    words = list(re.finditer(r"\S+", text[s:e]))
    while words and (words[-1].group().lower() in SMALL or re.fullmatch(r"(?:19|20)\d\d", words[-1].group())):
        words.pop()
    return s + words[-1].end() if words else s


def document_class(title: str, context: str) -> str:
    return "Report" if re.search(r"\b[Rr]eport\b", title) or \
        re.search(r"\b[Rr]eport\s+(?:(?:entitled|titled)\s+)?[*\"“]?$", context) \
        else "Publication"


def title_from_caps(head: str) -> str:
    """ "CONTRIBUTION OF THE INTERNATIONAL ORGANIZATION FOR MIGRATION" -> "Contribution of the International …"."""
    words = head.split()
    out = []
    for k, w in enumerate(words):
        low = w.lower()
        if k > 0 and low in SMALL and not words[k - 1].endswith(":"):
            out.append(low)
        elif re.fullmatch(r"[IVX]+|[A-Z]{2,5}\d*|\(?[A-Z]{2,6}\)?", w) and k > 0 and len(w) <= 4 \
                and not re.fullmatch(r"[A-Z]{2,4}", w) or w in ("UN", "WTO", "GFMD"):
            out.append(w)
        else:
            out.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    return " ".join(out)
