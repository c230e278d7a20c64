"""Event mentions in one sentence: names ("Asia-Pacific High-level Meeting on …"),
editions ("the second meeting of the Global Forum …", "the 2006 High-level
Dialogue", "eighteenth Ibero-American Summit"), descriptions ("a symposium on the
movement of natural persons") and anaphors ("the meeting", "the Forum").

Cue words come from graph/data/cues.yaml; nothing here knows a particular event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
              "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
              "seventeenth", "eighteenth", "nineteenth"]
_ORD_TENS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
             "eightieth", "ninetieth"]


def _ordinal_words() -> dict[str, int]:
    out = {w: i for i, w in enumerate(_ORD_UNITS) if w}
    for t in range(2, 10):
        out[_ORD_TENS[t]] = t * 10
        for u in range(1, 10):
            out[f"{_TENS[t]}-{_ORD_UNITS[u]}"] = t * 10 + u
    return out


ORDINALS = _ordinal_words()
_ORD_RE = r"(?:\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")"
ORDINAL_RE = re.compile(rf"\b{_ORD_RE}\b", re.I)


def ordinal_value(word: str) -> int | None:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else None


def ordinal_word(n: int) -> str:
    """12 -> "Twelfth", 31 -> "Thirty-first", 101 -> "101st"."""
    for w, v in ORDINALS.items():
        if v == n:
            return w.capitalize()
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def number_value(word: str) -> int | None:
    """ "eighty" -> 80, "twenty-two" -> 22, "1,200" -> 1200."""
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    if w in _UNITS and w:
        return _UNITS.index(w)
    if w in _TENS and w:
        return _TENS.index(w) * 10
    m = re.fullmatch(r"([a-z]+)-([a-z]+)", w)
    if m and m.group(1) in _TENS and m.group(2) in _UNITS:
        return _TENS.index(m.group(1)) * 10 + _UNITS.index(m.group(2))
    return None


NUMBER_WORD = r"(?:\d[\d,]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|" \
              r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|" \
              r"fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundreds)"

CONNECTORS = {"of", "on", "for", "and", "the", "to", "in", "de", "del", "la", "y", "sobre", "against",
              "including", "with", "by", "et", "des", "du", "a"}
LEADING_FUNCTION = {"The", "A", "An", "This", "That", "These", "Its", "Their", "In", "At", "During", "As",
                    "Also", "Under", "Since", "For", "On", "By", "From", "With", "After", "Before", "While",
                    "Following", "Through", "Both", "Each", "All", "Some", "His", "Her", "Our", "Such",
                    "Welcomes", "Recalling", "Noting", "Taking", "Decides", "Recalls", "Notes"}


@dataclass(slots=True)
class EventMention:
    """One place where an event is named or referred to, with what the phrase itself says."""

    start: int
    end: int
    kind: str  # named | edition | described | anaphor
    name: str  # the event or series name as written (normalized case), "" for anaphors
    cue: str  # head cue word, lowercase
    cls: str
    ordinal: int | None = None
    year: int | None = None  # a year written as part of the name ("the 2006 High-level Dialogue")
    city_prefix: str | None = None  # "the Manila Global Forum"
    owner: str = ""  # "session of ORG": the organ whose session it is
    acronym: str = ""  # "(FIBEMYD)" right after the name
    series_hint: bool = False  # the name itself says it recurs ("annual", plural, "Series")
    extra: dict = field(default_factory=dict)


def title_view(text: str) -> str:
    """A same-length copy of `text` where ALL-CAPS lines are in title case, so headings
    ("SEVENTH COORDINATION MEETING ON …") are read like names in running text, and
    emphasis marks are blanks ("*Decides* to hold" reads "Decides  to hold")."""
    text = text.replace("*", " ")
    out = []
    for line in text.splitlines(keepends=True):
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters):
            words = re.split(r"(\W+)", line)
            conv = []
            for i, w in enumerate(words):
                if w.isalpha() and w.lower() in CONNECTORS and i > 0:
                    conv.append(w.lower())
                elif w[:1].isalpha():
                    conv.append(w[:1].upper() + w[1:].lower())
                else:
                    conv.append(w)
            new = "".join(conv)
            out.append(new if len(new) == len(line) else line)
        else:
            out.append(line)
    return "".join(out)


_TOKEN = re.compile(r"\d+(?:\.\d+)+|[\w'\u2019]+(?:[-\u2013][\w'\u2019]+)*|[:,()\u2013\u2014]")


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or bool(re.fullmatch(r"\d+(?:\.\d+)+", tok))


def named_spans(view: str, start: int, end: int, stop_at_place,
                cue_words: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Maximal capitalized name spans in view[start:end]: (start, end, acronym in brackets after it).
    With `cue_words`, "the Workshop on X and the Seminar on Y" is two names, not one: a name that
    already has its event word ends at "and" when an event word opens the next name."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(view, start, end)]
    spans = []
    i = 0
    n = len(toks)
    while i < n:
        if not (_is_cap(toks[i][2]) and toks[i][2][:1].isalpha()):
            i += 1
            continue
        j = i
        while j + 1 < n:
            t = toks[j + 1][2]
            if _is_cap(t):
                j += 1
                continue
            if t.lower() in CONNECTORS and not t[:1].isupper():
                k = j + 1
                while k < n and toks[k][2].lower() in CONNECTORS and not toks[k][2][:1].isupper():
                    k += 1
                if k < n and _is_cap(toks[k][2]) and toks[k][2][:1].isalpha():
                    if any(toks[x][2] in ("in", "to", "with", "by", "a") for x in range(j + 1, k)) and \
                            stop_at_place(toks[k][0]):
                        break
                    if "by" in [toks[x][2] for x in range(j + 1, k)]:
                        break
                    links = [toks[x][2] for x in range(j + 1, k)]
                    if cue_words and "and" in links and _opens_event(toks, k, cue_words) and \
                            ("the" in links or any(toks[x][2].lower() in cue_words for x in range(i, j + 1))):
                        break
                    j = k
                    continue
                break
            if t in (":", "\u2013", "\u2014") and j + 2 < n and _is_cap(toks[j + 2][2]):
                j += 2
                continue
            if t == "," and re.match(r",\s+(?:[A-Z][\w'\u2019\-]*\s+)+and\s+[A-Z]", view[toks[j + 1][0]:end]):
                j += 1
                continue
            break
        acr = ""
        if j + 3 < n and toks[j + 1][2] == "(" and toks[j + 3][2] == ")" and \
                re.fullmatch(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*", toks[j + 2][2]):
            acr = toks[j + 2][2]
        spans.append((toks[i][0], toks[j][1], acr))
        i = j + 1
    return spans


def _opens_event(toks: list, k: int, cue_words: frozenset[str]) -> bool:
    """The capitalized words from toks[k] on reach an event word before any lower-case word."""
    for x in range(k, min(k + 4, len(toks))):
        if not _is_cap(toks[x][2]):
            return False
        if toks[x][2].lower() in cue_words:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue data of cues.yaml, compiled."""

    classes: dict[str, str]
    weak: frozenset[str]
    series_heads: frozenset[str]
    cue_re: re.Pattern[str]

    @classmethod
    def from_data(cls, data: dict) -> "Cues":
        classes = {k.lower(): v for k, v in (data.get("event_cues") or {}).items()}
        words = sorted(classes, key=len, reverse=True)
        alt = "|".join(re.escape(w).replace("\\ ", " ").replace(" ", r"\s+") for w in words) or "(?!)"
        cue_re = re.compile(rf"\b(?:{alt})(?:s)?\b(?!['\u2019\-]\w)", re.I)
        return cls(classes, frozenset(data.get("weak_cues") or ()), frozenset(data.get("series_heads") or ()), cue_re)

    def cue_of(self, phrase: str) -> tuple[str, str, int] | None:
        """(cue, class, offset) of the first cue word in a phrase."""
        m = self.cue_re.search(phrase)
        if not m:
            return None
        word = re.sub(r"\s+", " ", m.group().lower())
        base = word if word in self.classes else word[:-1] if word[:-1] in self.classes else word
        if base not in self.classes:
            return None
        return base, self.classes[base], m.start()
