"""Citations of resolutions, decisions and documents by symbol, anywhere in a text.

"General Assembly resolutions 59/241 of 22 December 2004 and 60/227 of 23 December 2005"
gives two citations, each with its symbol in full form (A/RES/59/241) and its date.
Who issued a cited resolution is read from the words before "resolution" ("Economic
and Social Council resolution 2006/2"); "its resolution" and a bare "resolution
61/208" are the General Assembly's when the number has the General Assembly form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph.extract.un_dates import DAY_MONTH_YEAR, MONTH_RE, iso
from graph.refs import fold

_ITEM = (r"(?:(?:ES|S)-\d{1,2}/\d{1,3}"
         # the symbol of another body: "GB.14/1", "ABC/CM/9/2", "XYZ/MC.3/Dec.1"
         r"|(?<![\w/.])[A-Z]{2,8}(?:\.\d{1,3})?(?:/(?:[A-Z][A-Za-z]{0,4}(?:\.\d{1,3})?|\d{1,4}))*"
         r"/(?:[A-Z][a-z]{0,3}\.)?\d{1,4}(?![\w/])"
         r"|\d{1,4}[ \t]?(?:[A-Z][ \t]?)?\((?:[IVXLC]{1,8}|S-[IVX]{1,4}|ES-[IVX]{1,4}|(?:19|20)\d\d)\)"
         r"|(?:19|20)\d\d/\d{1,3}(?![\d/])"
         r"|\d{1,3}/\d{1,3}(?![\d/])(?:[ \t]?[A-H](?![\w/-]))?)")
_DATE = r"[0-3]?\d[ \t\n]+" + MONTH_RE + r"[ \t\n]+\d{4}"
_OF_DATE = r"(?:[ \t\n]+of[ \t\n]+" + _DATE + r")?"
_SEP = r"(?:[ \t]*,[ \t\n]*(?:and[ \t\n]+)?|[ \t\n]+and[ \t\n]+|(?<=\d)[ \t\n]+(?=\d{2,3}/))"  # last: after a footnote
_FOOT = r"(?:[ \t]?[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=\d{4}),?\d{1,2}(?![\d/]))?"
_ONE = _ITEM + _OF_DATE + _FOOT
CITATION = re.compile(r"\b(?P<kind>[Rr]esolutions?|[Dd]ecisions?)[ \t\n]+(?P<list>" + _ONE + r"(?:" + _SEP + _ONE +
                      r")*)")
ITEM = re.compile(r"(?P<item>" + _ITEM + r")(?:[ \t\n]+of[ \t\n]+(?P<d>" + _DATE + r"))?" + _FOOT)
FULL_SYMBOL = re.compile(r"\bA/RES/(?P<num>(?:(?:ES|S)-\d{1,2}/)?\d{1,3}/\d{1,3}(?:[ \t]?[A-H](?![\w/-]))?)")
DOC_SYMBOL = re.compile(r"(?<![\w/])(?P<sym>(?:A|E|S)/(?:(?:C\.\d|CN\.\d{1,2}|AC\.\d{1,3}|CONF\.\d{1,3}|HRC|"
                        r"ECE|ESCAP|ESCWA|ECLAC|ECA)/)*\d{1,4}/(?:L\.)?\d{1,4}(?:/(?:Add|Rev|Corr)\.\d{1,2})*)(?![\w/])")
ADOPTED_IN = re.compile(r"[ \t]*[¹²³⁴⁵⁶⁷⁸⁹⁰\d]{0,2}[ \t]+adopted[ \t]+(?:at|by|in|on)\b[^.;\n]{0,200}?\bin[ \t]+"
                        r"(?P<y>(?:19|20)\d\d)\b")


@dataclass(frozen=True, slots=True)
class Citation:
    """A cited resolution or decision: symbol in full form, how the text names it, where."""

    symbol: str
    label: str
    issuer: str  # "General Assembly", "Economic and Social Council", … or "" when not stated
    kind: str  # resolution | decision
    date: str  # ISO date or year, "" when not given
    start: int
    end: int
    date_start: int = -1
    date_end: int = -1


@dataclass(frozen=True, slots=True)
class DocCitation:
    symbol: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Issuer:
    name: str
    names: tuple[str, ...]  # folded names and acronyms that designate it
    prefix: str  # symbol prefix for resolutions ("E/RES/"), "" to keep the bare number


@lru_cache(maxsize=4)
def _issuers(table: tuple[tuple[str, tuple[str, ...], str], ...]) -> tuple[Issuer, ...]:
    return tuple(Issuer(n, tuple(fold(a) for a in (n, *aliases)), p) for n, aliases, p in table)


def issuers_from(data: dict[str, Any]) -> tuple[Issuer, ...]:
    rows = tuple((r["name"], tuple(r.get("aliases") or ()), r.get("prefix") or "")
                 for r in data.get("resolution_issuers") or ())
    return _issuers(rows)


def find_citations(text: str, start: int, end: int, issuers: tuple[Issuer, ...],
                   default_issuer: str = "General Assembly") -> list[Citation]:
    """Every resolution/decision cited in text[start:end], one per symbol mention."""
    out: list[Citation] = []
    covered: list[tuple[int, int]] = []
    for m in CITATION.finditer(text, start, end):
        kind = "decision" if m.group("kind").lower().startswith("decision") else "resolution"
        issuer_name = _issuer_before(text, m.start(), issuers)
        for item in ITEM.finditer(text, m.start("list"), m.end("list") + 40):
            if item.start() > m.end("list"):
                break
            raw = " ".join(item.group("item").split())
            issuer = issuer_name
            if not issuer and re.fullmatch(r"\d{2,3}/\d{1,3}(?: ?[A-H])?|(?:ES|S)-\d+/\d+|\d{1,4} ?[A-Z]? ?\([IVXLC]+\)",
                                           raw) and kind and default_issuer == "General Assembly":
                issuer = default_issuer if _ga_form(raw) else ""
            elif not issuer and default_issuer and default_issuer != "General Assembly" and not _ga_form(raw) \
                    and re.fullmatch(r"\d{1,4}/\d{1,3}", raw):  # a Council's "its resolution 2008/18"
                issuer = default_issuer
            symbol, label = _symbol(raw, issuer, kind, issuers)
            date, ds, de = "", -1, -1
            if item.group("d"):
                d = DAY_MONTH_YEAR.search(item.group("d"))
                if d:
                    date, ds, de = iso(d), item.start("d"), item.end("d")
            else:
                a = ADOPTED_IN.match(text, item.end("item"), min(len(text), item.end("item") + 260))
                if a:
                    date, ds, de = a.group("y"), a.start("y"), a.end("y")
            end_ = item.end("d") if item.group("d") else item.end("item")  # "59/241 of 22 December 2004"
            out.append(Citation(symbol, label, issuer, kind, date, item.start("item"), end_, ds, de))
        covered.append((m.start(), m.end()))
    for m in FULL_SYMBOL.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in covered):
            continue
        num = " ".join(m.group("num").split())
        out.append(Citation(f"A/RES/{num}", f"A/RES/{num}", "General Assembly", "resolution", "",
                            m.start(), m.end()))
    out.sort(key=lambda c: c.start)
    return out


def find_document_symbols(text: str, start: int, end: int) -> list[DocCitation]:
    """Document symbols (A/60/871, A/C.2/62/2) cited in text[start:end]; resolutions left out."""
    return [DocCitation(m.group("sym"), m.start("sym"), m.end("sym"))
            for m in DOC_SYMBOL.finditer(text, start, end) if "/RES/" not in m.group("sym")]


def _ga_form(raw: str) -> bool:
    """GA resolutions are "nn/nnn" from the thirty-first session on, "2200 A (XXI)" before."""
    m = re.fullmatch(r"(\d{2,3})/\d{1,3}(?: ?[A-H])?", raw)
    if m:
        return int(m.group(1)) >= 31
    m = re.fullmatch(r"\d{1,4} ?[A-Z]? ?\(([IVXLC]+)\)", raw)
    if m:
        return _roman(m.group(1)) <= 30  # sessions I-XXX numbered resolutions this way
    return bool(re.fullmatch(r"(?:ES|S)-\d+/\d+", raw))


def _roman(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = values[a]
        total += -v if b in values and values[b] > v else v
    return total


def _issuer_before(text: str, pos: int, issuers: tuple[Issuer, ...]) -> str:
    """The body named right before "resolution(s)": "Economic and Social Council resolution"."""
    window = text[max(0, pos - 120):pos]
    window = re.split(r"[.;:()\n]", window)[-1]
    folded = fold(window)
    if not folded:
        return ""
    if re.search(r"\b(its|our|this|that|these|the present)$", folded):
        return ""
    best = max(((len(name), issuer.name) for issuer in issuers for name in issuer.names
                if name and (folded == name or folded.endswith(" " + name))), default=None)
    if best:
        return best[1]
    m = re.search(r"((?:[A-Z][\w’'-]+[ \t]+(?:(?:on|of|and|for|the|de)[ \t]+)*)+)$", window)
    if m:
        name = re.sub(r"^(?:[A-Z]\w+ing|Also|Further|Decides|Recalls|Requests|Reaffirms|Notes|The)[ \t]+", "",
                      m.group(1).strip())
        if len(name.split()) >= 2 and not re.search(r"\b\w+ing$", name):
            return name.strip()
    return ""


def _symbol(raw: str, issuer: str, kind: str, issuers: tuple[Issuer, ...]) -> tuple[str, str]:
    """Full symbol and a readable label for a cited number."""
    compact = re.sub(r"\s+", " ", raw)
    if issuer == "General Assembly" or (not issuer and _ga_form(compact)):
        if re.fullmatch(r"\d{1,4} ?[A-Z]? ?\([IVXLC]+\)", compact):
            return _old_ga(compact), f"General Assembly {kind} {_old_ga(compact)}"
        head = "A/RES/" if kind == "resolution" else "A/DEC/"
        return head + compact, head + compact
    prefix = next((i.prefix for i in issuers if i.name == issuer), "")
    label = f"{issuer} {kind} {compact}".strip()
    if prefix and kind == "resolution":
        return prefix + compact, label
    return compact, label


def _old_ga(raw: str) -> str:
    """"2200A(XXI)" -> "2200 A (XXI)": the form the General Assembly prints."""
    m = re.fullmatch(r"(\d{1,4}) ?([A-Z])? ?\(([IVXLC]+)\)", raw)
    if not m:
        return raw
    return f"{m.group(1)} {m.group(2)} ({m.group(3)})" if m.group(2) else f"{m.group(1)} ({m.group(3)})"
