"""Person names as UN reports write them, and the identity key they resolve under.

"Ms. Hania Zlotnik", "H.E. Mr. Esteban B. Conejos, Jr.", "MS. HANIA ZLOTNIK",
"Under-Secretary Conejos", "Betts, Alexander (2008a)". A person's ref is keyed by
first given name and surname, folded, without honorifics, initials or "Jr.", so
the participants list, the body and the bibliography agree.
"""
from __future__ import annotations

import re

from graph.refs import fold

HONORIFIC = (r"(?:(?:H\.\s?E\.\s+)?(?:Mr|Ms|Mrs|Miss|Mme|Dr|Prof|Professor|Sir|Dame|Ambassador|Amb|Judge|Senator|"
             r"Hon|Honourable|Honorable|Excellency)\.?|H\.\s?E\.)")
HONORIFICS = frozenset({"mr", "ms", "mrs", "miss", "mme", "dr", "prof", "professor", "sir", "dame",
                        "ambassador", "amb", "judge", "senator", "hon", "honourable", "honorable", "excellency",
                        "h", "e", "he"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
PARTICLES = frozenset({"de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos",
                       "das", "bin", "ibn", "al", "el", "y"})

# Titles that may stand before a bare surname: "Under-Secretary Conejos".
TITLE_BEFORE_NAME = (r"(?:Under-Secretary|Vice-Minister|(?:Deputy |Vice )?(?:Foreign |Prime |Labour |Interior )?Minister|"
                     r"(?:Foreign |Permanent |Home )?Secretary|President|Vice-President|Secretary-General|"
                     r"Director-General|Director General|Executive Director|(?:High )?Commissioner|Governor|Mayor|"
                     r"Chairman|Chairperson|Rapporteur|Chancellor|Premier|King|Queen|Prince|Princess|Sheikh)")

# letters as UN web pages write names, mis-decoded ones included ("Kőrösi" read as "KĹ‘rösi")
_LO = r"[a-zß-öø-ÿ\u0100-\u024f]"
_NAME_WORD = (rf"(?:[A-Z]{_LO}+(?:[\-'’‘][A-Z]?{_LO}+)*|[A-Z]{_LO}*[A-Z\u0100-\u024f][‘’]?{_LO}+"
              rf"|[A-Z][\u0100-\u024f][‘’]?{_LO}+)")
_INITIAL = r"[A-Z]\."
_PARTICLE = r"(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")"
# Given name(s), optional initials and particles, surname; optional ", Jr."
MIXED_NAME = (rf"{_NAME_WORD}(?:\s+(?:{_INITIAL}|{_PARTICLE}(?=\s+[A-Z])|{_NAME_WORD})){{0,4}}"
              r"(?:,?\s+Jr\.?)?")
_UPPER_WORD = r"[A-ZÀ-Þ][A-ZÀ-Þ'’]*(?:-[A-ZÀ-Þ][A-ZÀ-Þ'’]*)*(?![\w'’])"
UPPER_NAME = rf"{_UPPER_WORD}(?:[ \t]+(?:[A-Z]\.|{_UPPER_WORD})){{1,5}}(?:,?[ \t]+JR\.?)?"

# Words that are never part of a person's name (they start the next phrase).
NOT_NAME = frozenset("""
United Nations Division Department Office Organization Institute University Ministry Government
Commission Committee Council Fund Programme Bank Union Agency Centre Center Foundation Secretariat
Said The Of And In On For At By With From Chair Director President Secretary General Minister
Representative Under Vice Deputy Chief Head Executive Special Senior Assistant Associate Officer
Republic Kingdom States America Africa Asia Europe Europa Pacific Caribbean Forum Meeting
""".split())


def name_tokens(name: str) -> list[str]:
    """Significant words of a name: no honorifics, initials, suffixes or particles."""
    words = [w for w in re.findall(r"[^\W\d_]+(?:[\-'’‘][^\W\d_]+)*\.?", name)]
    out = []
    for w in words:
        core = w.rstrip(".")
        f = fold(core)
        if not f or f in HONORIFICS or f in SUFFIXES or f in PARTICLES:
            continue
        if len(core) == 1:  # an initial
            continue
        out.append(core)
    return out


def person_key(name: str) -> str:
    """ "H.E. Mr. Esteban B. Conejos, Jr." -> "esteban conejos"; one word -> that word."""
    toks = name_tokens(name)
    if not toks:
        return fold(name)
    if len(toks) == 1:
        return fold(toks[0])
    return f"{fold(toks[0])} {fold(toks[-1])}"


def surname(name: str) -> str:
    toks = name_tokens(name)
    return fold(toks[-1]) if toks else ""


def given(name: str) -> str:
    toks = name_tokens(name)
    return fold(toks[0]) if len(toks) > 1 else ""


def display(name: str) -> str:
    """Readable form of an upper-case listing: "MARY M. KRITZ" -> "Mary M. Kritz"."""
    name = re.sub(r"\s+", " ", name).strip(" ,")
    if any(c.islower() for c in name):
        return name

    def cap(m: re.Match) -> str:
        w = m.group()
        if w.casefold() in PARTICLES:
            return w.casefold()
        if w.casefold() in SUFFIXES:
            return w[:1] + w[1:].casefold() if w.casefold() in {"jr", "sr"} else w
        return w[:1] + w[1:].casefold()

    return re.sub(r"[^\W\d_]+", cap, name)


def similar_given(a: str, b: str) -> bool:
    """ "george" ~ "georges", "aisha" ~ "aish": one is a prefix of the other, or one edit apart."""
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return min(len(a), len(b)) >= 3
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    return _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance <= 1."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]
