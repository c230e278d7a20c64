"""The list of participants of a UN meeting report, read by its layout.

A list looks like

    United Nations Children's Fund (UNICEF)          <- heading: the organization
    MR. SEUNG BOK LEE                                <- upper-case name with honorific
    Chief                                            <- title
    Migration Section  Population Division          <- units, smallest first
    United Nations Children's Fund                   <- organization
    New York  United States of America               <- city, country

with category headings ("United Nations Specialized Agencies", "Observers")
between groups and, in PDF extractions, lines glued together or broken in two.
Each person becomes a Person with jobTitle and memberOf; headings and units
become organizations, units `partOf` the organization listed after them.
Who attended which meeting is the events extractor's business; it can reuse
`find_participants_section`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from graph import refs
from graph.extract.countries import CountryIndex
from graph.extract.org_shapes import TITLE_NOUNS, head_of
from graph.extract.organizations import (
    OrgContext,
    OrgHit,
    _org_like,
    bare_national_body,
    find_organizations,
    foreign_unit,
    national_name,
)
from graph.extract.person_names import HONORIFIC, MIXED_NAME, UPPER_NAME, display, name_tokens, person_key
from graph.extract.persons import _trim_name
from graph.lexicon import Lexicon
from graph.model import Attribute, Document, Evidence, Extraction, Mention, Relation, Value
from graph.reading import Reading, reading_of, reads

_HEADING = re.compile(r"^[ \t]*(?:LIST OF PARTICIPANTS|List of [Pp]articipants|PARTICIPANTS|Participants"
                      r"|LIST OF ATTENDANCE|ATTENDANCE|Attendance|LIST OF PARTICIPANTS AND OBSERVERS)"
                      r"[ \t]*:?[ \t]*$", re.M)
_HONORIFIC_UP = r"(?:H\.\s?E\.\s+)?(?:MR|MS|MRS|MISS|MME|DR|PROF|AMBASSADOR)\.?"
_ANCHOR = re.compile(rf"(?P<hon>{_HONORIFIC_UP})\s+(?P<name>{UPPER_NAME})")
# "Mr. John Smith, Director, …" at the start of a line, in lists that do not use capitals
_MIXED_ANCHOR = re.compile(rf"^[ \t]*(?:[-•*][ \t]*)?(?P<hon>{HONORIFIC})[ \t]+(?P<name>{MIXED_NAME})", re.M)
_CATEGORY = re.compile(
    r"^(?:Other\s+)?(?:[A-Z][\w\-]*\s+|and\s+){0,5}(?:Entities|Agencies|Organizations|Organisations|Commissions|"
    r"Funds|Programmes|Speakers|Observers|Experts|Institutions|Participants|Members|Governments|"
    r"Member States|Non-Member States|Secretariats|Bodies|Panellists|Panelists|Guests|Resource Persons)$")


@dataclass(frozen=True, slots=True)
class Participant:
    name: str  # display form, "Georges Lemaitre"
    start: int  # span of the upper-case name
    end: int
    anchor_start: int  # honorific included
    title: str = ""
    title_span: tuple[int, int] | None = None
    orgs: tuple[OrgHit, ...] = ()  # memberOf targets
    org_evidence: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class ParticipantsList:
    span: tuple[int, int]
    people: list[Participant] = field(default_factory=list)
    orgs: list[OrgHit] = field(default_factory=list)  # headings and units
    part_of: list[tuple[OrgHit, OrgHit]] = field(default_factory=list)


def find_participants_section(document: Document) -> tuple[int, int] | None:
    """Character span of the list of participants, or None when the document has none."""
    text = document.text
    # the heading may come from the ingest's segmentation, but its end does not: upper-case
    # name lines ("MR. GEORGES LEMAITRE") look like headings and belong to the list
    m = _HEADING.search(text)
    if m:
        start = m.end()
    else:
        sec = next((s for s in document.sections if s.kind == "participants"), None)
        if sec is None:
            return None
        start = text.find("\n", sec.start)
        start = sec.end if start < 0 or start > sec.end else start
    pos = start
    for line in re.finditer(r"[^\n]+", text[start:]):
        raw = line.group().strip()
        if _is_section_heading(raw):
            return start, start + line.start()
        pos = start + line.end()
    return start, len(text) if pos else len(text)


def _is_section_heading(line: str) -> bool:
    if not line or _ANCHOR.match(line):
        return False
    letters = [c for c in line if c.isalpha()]
    words = line.split()
    if not letters or not all(c.isupper() for c in letters) or re.search(r"\b(?:MR|MS|MRS|DR)\.", line):
        return False
    if len(words) == 1:  # "ANNEX" ends the list; "OBSERVERS" is a group inside it
        return len(letters) >= 5 and not _CATEGORY.match(line.title()) and line.title() != "Secretariat"
    return len(letters) >= 8


def parse(document: Reading | Document, lexicon: Lexicon, ctx: OrgContext | None = None,
          countries: CountryIndex | None = None) -> ParticipantsList | None:
    """Read the participants list into people, their titles and organizations."""
    document = reading_of(document)
    span = find_participants_section(document)
    if span is None:
        return None
    text = document.text
    ctx = ctx or OrgContext.build(text, lexicon)
    countries = countries or CountryIndex(lexicon)
    s0, e0 = span
    result = ParticipantsList(span)
    anchors = [_trim_anchor(m, ctx) for m in _ANCHOR.finditer(text, s0, e0)]
    upper_starts = {a[0] for a in anchors}
    for m in _MIXED_ANCHOR.finditer(text, s0, e0):
        if m.start("hon") not in upper_starts:
            s, e = _trim_name(text, m.start("name"), m.end("name"))
            if len(name_tokens(text[s:e])) >= 2:
                anchors.append((m.start("hon"), s, e))
    anchors.sort()
    stack: list[OrgHit] = []
    group_country: list = [None]  # the country heading the current group ("Fiji" above its delegates)
    # lists grouped under country headings put the country line above the delegates, not
    # below each one as a location: the line right before the first name says which layout
    pre = _lines(text, s0, anchors[0][0]) if anchors else []
    headed = bool(pre) and _whole_country(text, *pre[-1], countries) is not None
    bounds = [a[0] for a in anchors] + [e0]
    tops = _headings(text, s0, bounds[0] if anchors else e0, ctx, stack, result, countries, group_country)
    groups: list[tuple[list[OrgHit], list[int]]] = [(tops, [])]
    for i, (hon_s, name_s, name_e) in enumerate(anchors):
        block_end = bounds[i + 1]
        body_end = _tail_start(text, name_e, block_end, ctx, countries, headed)
        person = _person(text, hon_s, name_s, name_e, body_end, ctx, countries, stack, result,
                         group_country[0], headed)
        result.people.append(person)
        groups[-1][1].append(len(result.people) - 1)
        tops = _headings(text, body_end, block_end, ctx, stack, result, countries, group_country)
        if tops:
            groups.append((tops, []))
    _pair_stacked_headings(result, groups)
    return result


def _pair_stacked_headings(result: ParticipantsList, groups: list[tuple[list[OrgHit], list[int]]]) -> None:
    """ "World Food Programme · UN-HABITAT · MR. A · MS. B": a PDF column read out of order
    stacks two headings before their two bare names; the first name goes with the first."""
    for heads, people in groups:
        if len(heads) < 2 or len(people) != len(heads):
            continue
        ps = [result.people[i] for i in people]
        if any(p.title or p.orgs != (heads[-1],) for p in ps):
            continue
        for i, head in zip(people, heads):
            p = result.people[i]
            result.people[i] = replace(p, orgs=(head,), org_evidence=((head.start, p.end),))


def _trim_anchor(m: re.Match, ctx: OrgContext) -> tuple[int, int, int]:
    """Drop acronyms glued after a name ("MS. EKATERINA ANYANOVA UNU Office…")."""
    s, e = m.start("name"), m.end("name")
    words = list(re.finditer(r"\S+", m.group("name")))
    while len(words) > 2 and ctx.acronym(words[-1].group().strip(",")) is not None:
        words.pop()
        e = s + words[-1].end()
    return m.start(), s, e


def _lines(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text[s:e]):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            out.append((s + m.start() + lead, s + m.start() + lead + len(body)))
    return out


def _is_heading(text: str, s: int, e: int, ctx: OrgContext, countries: CountryIndex) -> str:
    """ "category", "org" or "" for one line."""
    line = text[s:e]
    core = re.sub(r"\s*\(\s*[A-Z][\w/\-]*\s*\)\s*$", "", line).strip()
    if _CATEGORY.match(core) and not ctx.entry(core):
        return "category"
    if not core or not core[:1].isupper():
        return ""
    hits, _ = find_organizations(ctx, s, s + len(core), participants=True)
    if len(hits) == 1 and hits[0].start == s and hits[0].end == s + len(core):
        return "org"
    words = re.findall(r"[\w'’\-]+", core)
    if core != line and _org_like(words) and len(words) <= 10 and not any(w in TITLE_NOUNS for w in words) \
            and not countries.find(core, headings=True):
        return "org"
    return ""


def _whole_country(text: str, s: int, e: int, countries: CountryIndex):
    hits = list(countries.find(text, s, e, headings=True))
    return hits[0].entry if len(hits) == 1 and hits[0].start == s and hits[0].end == e else None


def _tail_start(text: str, name_end: int, block_end: int, ctx: OrgContext, countries: CountryIndex,
                headed: bool = False) -> int:
    """Where a person's block ends and the next group's headings begin."""
    lines = _lines(text, name_end, block_end)
    cut = block_end
    for s, e in reversed(lines):
        if _is_heading(text, s, e, ctx, countries) or (headed and _whole_country(text, s, e, countries)):
            cut = s
            continue
        break
    # "… United States of America World Food Programme (WFP)": a heading glued after the country
    hits = countries.find(text, name_end, cut, headings=True)
    if hits:
        last = hits[-1]
        rest = text[last.end:cut]
        ls = last.end + len(rest) - len(rest.lstrip())
        le = last.end + len(rest.split("\n")[0].rstrip())
        whole, _ = find_organizations(ctx, last.start, le, participants=True) if ls < le else ([], [])
        if any(o.start == last.start and o.end >= le for o in whole):
            return cut  # "Arnor Relief Agency": the country begins an organization's name
        if ls < le and "\n" not in text[last.end:ls] and _is_heading(text, ls, le, ctx, countries):
            return ls
    return cut


def _headings(text: str, s: int, e: int, ctx: OrgContext, stack: list[OrgHit],
              result: ParticipantsList, countries: CountryIndex,
              group_country: list | None = None) -> list[OrgHit]:
    """Read the heading lines between two people; return the whole organizations headed here."""
    previous: OrgHit | None = None
    tops: list[OrgHit] = []
    group_country = group_country if group_country is not None else [None]
    for ls, le in _lines(text, s, e):
        kind = _is_heading(text, ls, le, ctx, countries)
        if kind == "category":
            stack.clear()
            tops.clear()
            previous = None
            group_country[0] = None
            continue
        if kind != "org":
            whole = _whole_country(text, ls, le, countries)
            if whole is not None:
                group_country[0] = whole
            continue
        group_country[0] = None
        hits, _ = find_organizations(ctx, ls, le, participants=True)
        if hits:
            org = hits[0]
        else:
            core = re.sub(r"\s*\(\s*[A-Z][\w/\-]*\s*\)\s*$", "", text[ls:le]).strip()
            d = ctx.canonical(core)
            org = OrgHit(ls, ls + len(core), core, d.name, d.kind, d.acronym, d.parent, "shape")
        result.orgs.append(org)
        if previous is not None and _unit_like(org, previous, ctx):
            result.part_of.append((org, previous))
            stack.append(org)
        elif stack and _unit_like(org, None, ctx):
            stack[:] = stack[:-1] if len(stack) > 1 else stack
            stack.append(org)
        else:
            stack[:] = [org]
            tops.append(org)
        previous = org
    return tops


_RANK = {**{h: 1 for h in ("Section", "Unit", "Branch", "Team")},
         **{h: 2 for h in ("Division", "Office", "Programme", "Centre", "Center", "Group", "Observatory",
                           "Service")},
         **{h: 3 for h in ("Department", "Directorate", "Bureau", "Institute", "School", "Secretariat")}}


def _rank(org: OrgHit, ctx: OrgContext) -> int:
    """How small a unit is: 1 section … 3 department, 4 a whole organization."""
    e = ctx.entry(org.name)
    if e is not None and e.parent in ("", "United Nations"):
        return 4
    return _RANK.get(head_of(re.findall(r"[\w'’\-]+", org.name)), 4)


def _unit_like(org: OrgHit, parent: OrgHit | None, ctx: OrgContext) -> bool:
    """Whether `org` is a unit (of `parent`, when given)."""
    if parent is not None and org.parent and refs.fold(org.parent) == refs.fold(parent.name):
        return True
    if parent is None:
        return _rank(org, ctx) < 4
    return _rank(org, ctx) < _rank(parent, ctx)


def _person(text: str, hon_s: int, name_s: int, name_e: int, body_end: int, ctx: OrgContext,
            countries: CountryIndex, stack: list[OrgHit], result: ParticipantsList,
            group_country=None, headed: bool = False) -> Participant:
    name = display(text[name_s:name_e])
    orgs, _ = find_organizations(ctx, name_e, body_end, participants=True)
    # a country inside an organization's name ("Statistical Institute of Jamaica") is no location
    places = [p for p in countries.find(text, name_e, body_end, headings=True)
              if not any(o.start <= p.start and p.end <= o.end for o in orgs)]
    # the location closes the block: ignore organizations found after the last country
    loc_start = body_end
    if places:
        last = places[-1]
        loc_start = last.start
        orgs = [o for o in orgs if o.end <= last.start]
    # leading country lines (a garbled order) are not a title
    body_start = name_e
    for ls, le in _lines(text, name_e, loc_start):
        if any(p.start == ls and p.end == le for p in places):
            body_start = le
            continue
        break
    title_end = orgs[0].start if orgs else loc_start
    if not orgs and places:
        # the city line before the country is not part of the title
        lines = _lines(text, body_start, title_end)
        if len(lines) >= 2 and len(text[lines[-1][0]:lines[-1][1]].split()) <= 3:
            title_end = lines[-1][0]
    # "Chief of Mission, Canberra": the duty station after the title is a place, not the title
    station = re.search(r",[ \t]*([A-Z][\w'\u2019\-]*(?:[ \t]+[A-Z][\w'\u2019\-]*){0,2})[\s,]*$",
                        text[body_start:title_end])
    if station and (ctx.lexicon.city(station.group(1)) or countries.match_at(station.group(1), 0)):
        title_end = body_start + station.start()
    raw = text[body_start:title_end]
    title = re.sub(r"\s+", " ", raw).strip(" ,;–-")
    title = re.sub(r"\s+(?:of|for|to|at|in|with|and)$", "", title)
    title_span = None
    if title and title[:1].isupper() and len(title.split()) <= 14 and not _only_places(title, countries):
        ts = body_start + raw.index(title.split()[0])
        te = ts + len(re.sub(r"\s+(?:of|for|to|at|in|with|and)$", "", text[ts:title_end].rstrip(" ,;–-\n\t")))
        title_span = (ts, te)
        title = re.sub(r"\s+", " ", text[ts:te])
    else:
        title = ""
    # a dictionary unit listed under another organization ("Population Division" of ECLAC)
    # is not that unit: keep the organization only
    orgs = [o for i, o in enumerate(orgs)
            if not any(_rank(later, ctx) == 4 and foreign_unit(ctx, o.name, later.name)
                       for later in orgs[i + 1:])]
    # "Ministry of Labour … Suva, Fiji": the state whose ministry it is, from the block or its group
    country = group_country if headed else places[-1].entry if places else None
    if orgs and country is not None and bare_national_body(ctx, orgs[-1], countries):
        bare, named = orgs[-1].name, national_name(orgs[-1].name, country.name)
        orgs = [replace(o, name=named, kind="GovernmentBody") if o.name == bare else o for o in orgs]
    for i, (child, parent) in enumerate(zip(orgs, orgs[1:])):
        if child.name != parent.name and _unit_like(child, parent, ctx):
            if ctx.entry(child.name) is None and child.kind != parent.kind:
                child = replace(child, kind=parent.kind)  # a unit is the kind of what it belongs to
                orgs[i] = child
            result.part_of.append((child, parent))
    result.orgs.extend(orgs)
    targets = []
    if orgs:
        targets = list({o.name: o for o in reversed(orgs)}.values())[::-1]
        evidence = tuple((hon_s, o.end) for o in targets)
    elif stack:
        targets = [stack[-1]]
        evidence = ((stack[-1].start, name_e),)
    else:
        evidence = ()
    return Participant(name, name_s, name_e, hon_s, title, title_span, tuple(targets), evidence)


def _only_places(title: str, countries: CountryIndex) -> bool:
    hits = countries.find(title, headings=True)
    return bool(hits) and sum(h.end - h.start for h in hits) >= len(title.replace(" ", "")) * 0.6


@reads
def extract(document: Reading, lexicon: Lexicon) -> Extraction:
    """Persons (jobTitle, memberOf) and organizations (partOf) of the participants list."""
    parsed = parse(document, lexicon)
    out = Extraction()
    if parsed is None:
        return out
    from graph.extract.actors import emit_org

    text, doc = document.text, document.doc_id
    for org in parsed.orgs:
        emit_org(out, doc, org)
    for child, parent in parsed.part_of:
        s, e = min(child.start, parent.start), max(child.end, parent.end)
        out.relations.append(Relation(refs.org(child.name), "partOf", refs.org(parent.name),
                                      Evidence(doc, s, e, text[s:e])))
    for p in parsed.people:
        ref = refs.person(person_key(p.name))
        out.mentions.append(Mention(ref, "Person", p.name, Evidence(doc, p.start, p.end, text[p.start:p.end])))
        if p.title and p.title_span:
            ts, te = p.title_span
            out.attributes.append(Attribute(ref, "jobTitle", Value(p.title), Evidence(doc, ts, te, text[ts:te])))
        for org, (s, e) in zip(p.orgs, p.org_evidence):
            emit_org(out, doc, org)
            out.relations.append(Relation(ref, "memberOf", refs.org(org.name), Evidence(doc, s, e, text[s:e])))
    return out
