"""Find persons in running text, with the title and organization the text gives them.

"Ms. Hania Zlotnik, Director of the Population Division of UN/DESA" → a person,
jobTitle "Director", memberOf the Population Division. "Mr. Lemaitre" and
"Under-Secretary Conejos" attach to the one full name with that surname in the
document; bibliography entries ("Betts, Alexander (2008a)") name authors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.bib_lines import bib_lines
from graph.extract.org_shapes import TITLE_NOUNS, TITLE_WORDS
from graph.extract.organizations import OrgHit
from graph.extract.person_names import HONORIFIC, MIXED_NAME, NOT_NAME, TITLE_BEFORE_NAME, name_tokens


@dataclass(frozen=True, slots=True)
class PersonHit:
    start: int
    end: int
    surface: str  # text[start:end], the name as it appears
    written: str  # the name in reading order, no honorific ("Alexander Betts" for "Betts, Alexander")
    alias: str = ""  # as written with its honorific or title ("Mr. Lemaitre")
    by_title: bool = False  # found as "Under-Secretary Conejos", not after an honorific
    title: str = ""
    title_start: int = -1
    title_end: int = -1
    org: OrgHit | None = None
    rel_start: int = -1
    rel_end: int = -1


_HON_NAME = re.compile(rf"\b(?P<hon>{HONORIFIC})\s+(?P<name>{MIXED_NAME})")
_TITLE_NAME = re.compile(rf"\b(?P<hon>{TITLE_BEFORE_NAME})\s+(?P<name>{MIXED_NAME})")
# a line "Authors (year)": bib_lines reads `^[ \t]*(?:[-•*][ \t]+)?(?P<authors>[^\n()]{3,200}?)\s*` before this
# tail in one pass (as one regex, a run of spaces made it quadratic)
_BIB_YEAR = re.compile(r"\((?:\d{4}[a-z]?|n\.d\.)\)")
_EDITORS = re.compile(r"(?P<names>[A-Z][^.;:()\n]{2,120}?),?\s+eds?\.")
_DEMONYM_LIKE = re.compile(r"^[A-Z][a-z]+(?:an|ese|ish|ian|i|ic|ch)$")


def find_persons(text: str, start: int, end: int, orgs: list[OrgHit]) -> list[PersonHit]:
    """Persons named in text[start:end] with honorifics, titles, or as cited authors."""
    out: list[PersonHit] = []
    seen: set[int] = set()
    for pat in (_HON_NAME, _TITLE_NAME):
        for m in pat.finditer(text, start, end):
            s, e = _trim_name(text, m.start("name"), m.end("name"))
            if e <= s or s in seen:
                continue
            toks = name_tokens(text[s:e])
            if not toks or (pat is _TITLE_NAME and has_non_name_word(toks)):
                continue
            seen.add(s)
            hit = PersonHit(s, e, text[s:e], text[s:e], text[m.start():e], by_title=pat is _TITLE_NAME)
            hit = _with_role(text, hit, orgs, m.start(), end)
            if pat is _TITLE_NAME and not hit.title:
                hit = _title_before(text, hit, m.start("hon"), m.end("hon"), start)
            out.append(hit)
    out += _titled_then_named(text, start, end, orgs, seen)
    out += _list_item_names(text, start, end, orgs, seen)
    out += _bibliography(text, start, end, seen)
    return sorted(out, key=lambda h: h.start)


def _title_before(text: str, hit: PersonHit, ts: int, te: int, floor: int) -> PersonHit:
    """ "UN Secretary-General Ban Ki-moon", "Turkish Deputy Foreign Minister Naci Koru": the title before
    the name is the jobTitle, with an organization's acronym before it but not a nationality."""
    for w in reversed(list(re.finditer(r"[^\s]+", text[max(floor, ts - 40):ts]))):
        word = w.group()
        if not (word in TITLE_WORDS or re.fullmatch(r"[A-Z]{2,6}", word)):
            break
        ts = max(floor, ts - 40) + w.start()
    return _replace(hit, title=" ".join(text[ts:te].split()), title_start=ts, title_end=te,
                    rel_start=min(ts, hit.start), rel_end=max(te, hit.end))


_NOUNS = "|".join(sorted(TITLE_NOUNS, key=len, reverse=True))
# "the President of Malta, Marie-Louise Coleiro Preca, called …": a title, a comma, a bare name
_TITLE_COMMA_NAME = re.compile(
    rf"\b(?P<title>(?:[A-Z][\w-]*\s+){{0,3}}(?:{_NOUNS})(?:\s+(?:of|for|on|to)\s+[^,;:()\n]{{2,100}}?)?),\s+"
    rf"(?P<name>{MIXED_NAME})(?=\s*,|\s+(?:said|noted|called|stressed|urged|underlined|observed|added|opened|"
    r"welcomed|announced|presented|addressed|delivered|highlighted|emphasi[sz]ed|spoke|recalled|reiterated)\b)")
# a programme or list line led by a name: "• Francesca Perucci, Population Division", "Ann Tern (Chile)"
_ITEM_NAME = re.compile(rf"^[ \t]*(?:[-\u2022*\u25aa\u25cf]|\(?[a-z0-9]{{1,3}}[.)])[ \t]+(?:{HONORIFIC}\s+)*"
                        rf"(?P<name>{MIXED_NAME})(?=\s*[,(])",
                        re.M)


def _bare_name(text: str, s: int, e: int) -> bool:
    toks = name_tokens(text[s:e])
    return 2 <= len(toks) <= 5 and not has_non_name_word(toks) and all(t[:1].isupper() for t in text[s:e].split())


def _titled_then_named(text: str, start: int, end: int, orgs: list[OrgHit], seen: set[int]) -> list[PersonHit]:
    out = []
    for m in _TITLE_COMMA_NAME.finditer(text, start, end):
        s, e = _trim_name(text, m.start("name"), m.end("name"))
        if s in seen or not _bare_name(text, s, e):
            continue
        ts = m.start("title")
        lead = re.match(r"(?:the|The)\s+", text[ts:m.end("title")])
        title = _title_phrase(text, ts + (lead.end() if lead else 0), m.end("title"), orgs)
        if title is None:
            continue
        seen.add(s)
        hit = PersonHit(s, e, text[s:e], text[s:e], text[s:e])
        out.append(_assign(hit, *title, rel_start=title[1]))
    return out


def _list_item_names(text: str, start: int, end: int, orgs: list[OrgHit], seen: set[int]) -> list[PersonHit]:
    out = []
    for m in _ITEM_NAME.finditer(text, start, end):
        s, e = _trim_name(text, m.start("name"), m.end("name"))
        if s in seen or not _bare_name(text, s, e) or any(o.start <= s < o.end for o in orgs):
            continue
        seen.add(s)
        hit = _with_role(text, PersonHit(s, e, text[s:e], text[s:e], text[s:e]), orgs, s, end)
        if not hit.title and hit.org is None:  # "Name, Organization"
            after = re.match(r",\s+(?:the\s+)?", text[e:e + 10])
            org = _org_at(orgs, e + after.end()) if after else None
            if org is not None:
                hit = _replace(hit, org=org, rel_start=s, rel_end=org.end)
        out.append(hit)
    return out


def has_non_name_word(toks: list[str]) -> bool:
    return any(t in NOT_NAME for t in toks)


_PLACE_SURNAMES = frozenset({"America", "Africa", "Asia", "Europe", "Europa", "Pacific", "Caribbean"})


def _trim_name(text: str, s: int, e: int) -> tuple[int, int]:
    """Cut a matched name before the first word that cannot be part of a name, and at a tab
    (a table's next column: "Ms. Ann Lee<TAB>Director")."""
    tab = text.find("\t", s, e)
    if tab >= 0:
        e = tab
    words = list(re.finditer(r"[^\s,]+", text[s:e]))
    for i, w in enumerate(words):
        token = w.group().rstrip(".,")
        if token in NOT_NAME:
            if token in _PLACE_SURNAMES and i == len(words) - 1 == 1:
                break  # "Mr. John Pacific": a place word as a surname, nothing after it
            e = s + w.start()
            break
    return s, len(text[:e].rstrip(" ,\n\t"))


def _with_role(text: str, hit: PersonHit, orgs: list[OrgHit], hon_start: int, limit: int) -> PersonHit:
    after = text[hit.end:min(limit, hit.end + 400)]
    # "…, Director of the Population Division of UN/DESA, …" ("Name (Jamaica), Chair of …" too)
    m = re.match(r"(?:\s*\([^()\n]{1,40}\))?,\s+(?:the\s+|a\s+|an\s+)?", after)
    if m:
        ps = hit.end + m.end()
        pe = _portfolios_end(text, ps, _phrase_end(text, ps, limit), limit)
        title = _title_phrase(text, ps, pe, orgs)
        if title is not None:
            return _assign(hit, *title, rel_start=hit.start)
    # "Mr. Ivo Havinga of the United Nations Statistics Division"
    m = re.match(r"\s+of\s+(?:the\s+)?", after)
    if m:
        org = _org_at(orgs, hit.end + m.end())
        if org is not None:
            return _replace(hit, org=org, rel_start=hit.start, rel_end=org.end)
    # "…chaired by the Special Representative … on International Migration, Mr. Peter Sutherland"
    floor = max(0, hon_start - 300)
    before = text[floor:hon_start]
    if re.search(r",\s*$", before):
        pe = floor + len(before.rstrip(", \n"))
        bound = max(before.rfind(". "), before.rfind(";"), before.rfind(":"), before.rfind("\n"))
        clause_start = floor + bound + 1 if bound >= 0 else floor
        for m in re.finditer(r"\b(?:the|The|a|an|its|his|her|their|Its|His|Her|Their)\s+(?=[A-Z])",
                             text[clause_start:pe]):
            ps = clause_start + m.end()
            title = _title_phrase(text, ps, pe, orgs)
            if title is not None:
                return _assign(hit, *title, rel_start=title[1])
    return hit


def _assign(hit: PersonHit, title: str, ts: int, te: int, org: OrgHit | None, rel_start: int) -> PersonHit:
    rel_end = max(te, org.end if org else te, hit.end)
    return _replace(hit, title=title, title_start=ts, title_end=te, org=org,
                    rel_start=min(rel_start, ts), rel_end=rel_end)


def _replace(hit: PersonHit, **kw) -> PersonHit:
    from dataclasses import replace

    return replace(hit, **kw)


_CAPS = r"[A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*)*"
_PORTFOLIOS = re.compile(rf",[ \t]+{_CAPS}(?:,[ \t]+{_CAPS})*,?[ \t]+and[ \t]+{_CAPS}(?:[ \t]+of[ \t]+(?:the[ \t]+)?{_CAPS})*")


def _portfolios_end(text: str, ps: int, pe: int, limit: int) -> int:
    """ "Minister of Labour, Social Protection and Family of Arnor": a minister's portfolios
    listed with commas are one title, not a title and an apposition."""
    if not re.match(r"(?:Deputy\s+|Vice-)?Minister\s+(?:of|for)\s", text[ps:pe]):
        return pe
    m = _PORTFOLIOS.match(text, pe, limit)
    return m.end() if m else pe


def _phrase_end(text: str, ps: int, limit: int) -> int:
    """End of an appositive title: next comma, semicolon, bracket, line or sentence end."""
    m = re.compile(r"[,;()\n]|\.\s|\.$|\s+and\s+(?:Mr|Ms|Mrs|Dr)\b|\s+and\s+(?=[a-z])|\s+(?:said|noted|opened|reported|"
                   r"stated|explained|described|presented|was|were|is|had|has|who|which|that)\b"
                   ).search(text, ps, min(limit, ps + 250))
    return m.start() if m else min(limit, ps + 250)


def _title_phrase(text: str, ps: int, pe: int, orgs: list[OrgHit]) -> tuple[str, int, int, OrgHit | None] | None:
    """(jobTitle, start, end, organization) from a phrase like "Director of the Population Division"."""
    phrase = text[ps:pe]
    words = phrase.split()
    if not words:
        return None
    first = words[0]
    if _DEMONYM_LIKE.match(first) and len(words) > 1 and words[1] in TITLE_WORDS:
        ps += len(first) + (len(phrase) - len(phrase.lstrip()) ) + 1
        phrase = text[ps:pe]
        words = phrase.split()
        first = words[0]
    # "Director of …", "Senior Policy Officer", "Regional Migration Specialist": a title noun
    # within the first words, led by a title word or by capitalised modifiers of it
    noun_at = next((i for i, w in enumerate(words[:4]) if w.strip(",") in TITLE_NOUNS), None)
    if noun_at is None or (first not in TITLE_WORDS and not (
            noun_at <= 2 and all(w[:1].isupper() and w.isalpha() for w in words[:noun_at]))):
        return None
    # keep the first of several roles: "Under-Secretary … and Chair of the Second Meeting …"
    m = re.search(r"\s+and\s+(?=(?:the\s+)?[A-Z][\w\-]*\b)", phrase)
    if m and phrase[m.end():].split()[0].strip(",") in TITLE_WORDS:
        pe = ps + m.start()
        phrase = text[ps:pe]
    org = None
    tend = pe
    for o in orgs:
        if ps <= o.start < pe:
            org = o
            lead = re.search(r"\s+(?:of|at|for|in|to|with)\s+(?:the\s+)?$", text[ps:o.start])
            if lead:
                tend = ps + lead.start()
            elif o.start > ps:
                tend = o.start
            elif o.end < pe and re.match(r"[ \t]+[A-Z]", text[o.end:pe]):
                ps = o.end + len(text[o.end:pe]) - len(text[o.end:pe].lstrip())  # "the IOM Chief of Mission"
            break
    title = text[ps:tend].strip(" ,")
    tend = ps + len(text[ps:tend].rstrip(" ,"))
    if not title or len(title.split()) > 18:
        return None
    return title, ps, tend, org


def _org_at(orgs: list[OrgHit], pos: int) -> OrgHit | None:
    for o in orgs:
        if o.start == pos:
            return o
    return None


def _bibliography(text: str, start: int, end: int, seen: set[int]) -> list[PersonHit]:
    """Authors and editors of reference-list entries."""
    out = []
    for line in bib_lines(text, _BIB_YEAR, 3, 200, True, start, end):
        a_s = line.authors_start
        authors = text[a_s:line.authors_end]
        first = re.match(r"(?P<sur>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?),\s+(?P<giv>[A-Z][\w’'\-.]+(?:\s+[A-Z][\w’'\-.]*){0,2})",
                         authors)
        if not first:
            continue
        pieces = [(a_s + first.start(), a_s + first.end(), f"{first.group('giv')} {first.group('sur')}")]
        rest_at = first.end()
        for r in re.finditer(r"(?:,\s+|\s+and\s+|,\s+and\s+)(?P<n>[A-Z][\w’'\-.]+(?:\s+[A-Z][\w’'\-.]*){1,3})",
                             authors[rest_at:]):
            pieces.append((a_s + rest_at + r.start("n"), a_s + rest_at + r.end("n"), r.group("n")))
        if any(has_non_name_word(name_tokens(p[2])) or any(t.isupper() for t in name_tokens(p[2]))
               for p in pieces):
            continue  # "Paris, OECD (2008)": a place and a publisher, not a person
        for s, e, name in pieces:
            if s not in seen and len(name_tokens(name)) >= 2:
                seen.add(s)
                out.append(PersonHit(s, e, text[s:e], name))
    for m in _EDITORS.finditer(text, start, end):
        names = m.group("names")
        tail = names.rsplit(", ", 1)[-1]
        base = m.start("names") + len(names) - len(tail)
        for r in re.finditer(r"[^,]+?(?=\s+and\s+|$)", tail):
            raw = r.group()
            lead = len(raw) - len(raw.lstrip())
            raw = raw.strip()
            if raw.startswith("and "):
                lead += 4
                raw = raw[4:]
            s = base + r.start() + lead
            e = s + len(raw)
            toks = name_tokens(raw)
            if not raw or s in seen or len(toks) < 2 or has_non_name_word(toks) or len(toks) > 4 \
                    or not all(t[:1].isupper() for t in raw.split()):
                continue
            seen.add(s)
            out.append(PersonHit(s, e, text[s:e], raw))
    return out

