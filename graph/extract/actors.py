"""Actors: organizations, persons and countries named in a document.

Organizations come from the dictionary, from acronyms the text defines or the
dictionary knows unambiguously, and from names shaped like organizations
("Thai Ministry of Labour"); each is keyed by its long name so "IOM" and
"International Organization for Migration" are one ref. Persons are keyed by
first and last name; a bare "Mr. Lemaitre" joins the one full name with that
surname in the document. Countries are keyed by ISO 3166-1 alpha-3.

The participants list is left to `graph.extract.participants`, which reads its
layout; its names are used here only to attach short references.
"""
from __future__ import annotations

import re

from graph import refs
from graph.extract import participants as participants_mod
from graph.extract.countries import CountryIndex
from graph.extract.org_shapes import HEADS
from graph.extract.organizations import OrgContext, OrgHit, find_organizations
from graph.extract.person_names import display, name_tokens, person_key, similar_given, surname
from graph.extract.persons import PersonHit, find_persons
from graph.lexicon import Lexicon
from graph.model import Attribute, Evidence, Extraction, Mention, Relation, Value
from graph.reading import Reading, reads
from graph.refs import fold


def emit_org(out: Extraction, doc: str, hit: OrgHit, text: str | None = None) -> str:
    """Add the Mention (and acronym attribute) of an organization hit; return its ref."""
    ref = refs.org(hit.name)
    aliases = []
    if fold(hit.surface) != fold(hit.name) and hit.surface != hit.acronym \
            and (hit.source != "government" or "Government" in hit.surface):
        aliases.append(" ".join(hit.surface.split()))
    if hit.acronym:
        aliases.append(hit.acronym)
    ev = Evidence(doc, hit.start, hit.end, hit.surface)
    out.mentions.append(Mention(ref, hit.kind, hit.name, ev, tuple(dict.fromkeys(aliases))))
    if hit.acronym:
        out.attributes.append(Attribute(ref, "acronym", Value(hit.acronym), ev))
    return ref


@reads
def extract(document: Reading, lexicon: Lexicon) -> Extraction:
    """Organizations, persons (jobTitle, memberOf) and countries (isoCode) of one document's reading."""
    text, doc = document.text, document.doc_id
    ctx = OrgContext.build(text, lexicon)
    countries = CountryIndex(lexicon)
    plist = participants_mod.parse(document, lexicon, ctx, countries)
    regions = [(0, len(text))]
    if plist is not None:
        ps, pe = plist.span
        regions = [(0, ps), (pe, len(text))]
    out = Extraction()

    # organizations
    org_hits: list[OrgHit] = []
    found = []
    for s, e in regions:
        found.append(find_organizations(ctx, s, e, countries=countries))
    every = {h.name for hits, _ in found for h in hits}
    if plist is not None:
        every |= {o.name for o in plist.orgs}
    for hits, part_of in found:
        done = [_complete(h, every) for h in hits]
        renamed = {a.name: b.name for a, b in zip(hits, done)}
        org_hits += done
        for h in done:
            emit_org(out, doc, h)
        for rel in part_of:
            child, parent = renamed.get(rel.child, rel.child), renamed.get(rel.parent, rel.parent)
            out.relations.append(Relation(refs.org(child), "partOf", refs.org(parent),
                                          Evidence(doc, rel.start, rel.end, text[rel.start:rel.end])))
    _dictionary_parents(out, doc, org_hits)
    _membership_lists(out, doc, text, org_hits)

    # countries
    seen_iso: set[str] = set()
    for c in countries.find(text):
        ref = refs.country(c.entry.iso3)
        aliases = () if c.demonym or c.surface == c.entry.name else (" ".join(c.surface.split()),)
        ev = Evidence(doc, c.start, c.end, c.surface)
        out.mentions.append(Mention(ref, "Country", c.entry.name, ev, aliases))
        if c.entry.iso3 not in seen_iso:
            seen_iso.add(c.entry.iso3)
            out.attributes.append(Attribute(ref, "isoCode", Value(c.entry.iso3), ev))

    # persons
    hits: list[PersonHit] = []
    for s, e in regions:
        hits += find_persons(text, s, e, org_hits)
    hits = [h for h in hits if not _not_a_person(h, countries, ctx)]
    known = _known_people(plist, hits)
    for h in hits:
        if h.by_title and len(name_tokens(h.written)) == 1 and len(known.get(surname(h.written), {})) != 1:
            continue  # "Minister Counsellor", "President Obama" with no full name to join: too unsure
        ref, label = _person_ref(h, known)
        # only full names as aliases: "Mr. Martin" would join every Martin of another document
        aliases = tuple(a for a in {" ".join(h.written.split()), " ".join(h.alias.split())}
                        if a and a != label and len(name_tokens(a)) >= 2)
        out.mentions.append(Mention(ref, "Person", label, Evidence(doc, h.start, h.end, h.surface),
                                    tuple(sorted(aliases))))
        if h.title:
            out.attributes.append(Attribute(ref, "jobTitle", Value(h.title),
                                            Evidence(doc, h.title_start, h.title_end,
                                                     text[h.title_start:h.title_end])))
        if h.org is not None:
            oref = emit_org(out, doc, h.org)
            rs, re_ = h.rel_start, h.rel_end
            out.relations.append(Relation(ref, "memberOf", oref, Evidence(doc, rs, re_, text[rs:re_])))
        else:
            _with_affiliation(out, doc, text, h, ref, org_hits)
    return out


_WITH = re.compile(r"\s*\(\s*with\s+")


def _with_affiliation(out: Extraction, doc: str, text: str, h: PersonHit, ref: str,
                      org_hits: list[OrgHit]) -> None:
    """ "projects organized by the University of Arnor (with Mr. Ann Smith)": the person named
    in the parenthesis works there — only when one organization, not a list, stands before it."""
    close = text.find(")", h.end)
    opening = text.rfind("(", 0, h.start)
    if close < 0 or opening < 0 or text.find(")", opening) < h.start:
        return
    gap = opening  # the white space right before "(": an organization ending in it stands right before it
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    before = [o for o in org_hits if gap <= o.end <= opening]
    w = _WITH.match(text, before[0].end) if before else None
    if not w or w.end() > h.start:
        return
    org = before[0]
    prev = [o for o in org_hits if o.end <= org.start]
    if prev and re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s+(?:the\s+)?", text[prev[-1].end:org.start]):
        return  # "the University of X and the Y (with Mr. Z)": which of them is unsaid
    oref = emit_org(out, doc, org)
    out.relations.append(Relation(ref, "memberOf", oref, Evidence(doc, org.start, close + 1,
                                                                  text[org.start:close + 1])))


def _complete(hit: OrgHit, names: set[str]) -> OrgHit:
    """A shape-found name cut short by the text ("the Regional Thematic Working Group") is the
    one longer name of the document that it begins or ends."""
    if hit.source != "shape":
        return hit
    words = hit.name.split()
    if len(words) < 3:
        return hit
    longer = []
    for n in names:
        nw = n.split()
        if len(nw) <= len(words):
            continue
        if nw[:len(words)] == words and nw[len(words)] in ("on", "for", "of", "including"):
            longer.append(n)
        elif nw[-len(words):] == words and words[0] in HEADS | {"Working", "Regional", "National"}:
            longer.append(n)
    if len(longer) == 1:
        from dataclasses import replace

        return replace(hit, name=longer[0])
    return hit


_MEMBERS = re.compile(r"\s*,?\s*(?:which\s+|whose\s+members\s+)?(?:consists?\s+of|comprises?|is\s+composed\s+of|"
                      r"(?:its\s+)?members\s+(?:are|include|consist\s+of))\b")


def _membership_lists(out: Extraction, doc: str, text: str, hits: list[OrgHit]) -> None:
    """ "The Working Group consists of the following organizations: ESCAP (Co-chair), IOM, …":
    each listed organization is memberOf the group."""
    by_start = sorted(hits, key=lambda h: h.start)
    for i, group in enumerate(by_start):
        m = _MEMBERS.match(text, group.end)
        if not m:
            continue
        end = _sentence_end(text, m.end())
        colon = text.find(":", m.end(), end)
        if colon < 0 or colon - m.end() > 120:
            continue  # only an explicit list ("… the following organizations: A, B, C")
        seen = set()
        for h in by_start[i + 1:]:
            if h.start >= end:
                break
            if h.start < colon:
                continue
            if h.name == group.name or h.name in seen:
                continue
            seen.add(h.name)
            out.relations.append(Relation(refs.org(h.name), "memberOf", refs.org(group.name),
                                          Evidence(doc, group.start, h.end, text[group.start:h.end])))


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"\.(?:\s|$)|\n\s*\n").search(text, pos)
    return m.start() if m else len(text)


def _dictionary_parents(out: Extraction, doc: str, hits: list[OrgHit]) -> None:
    """partOf from the dictionary, when both the unit and its parent are named in the document."""
    names = {fold(h.name) for h in hits}  # only what this Extraction mentions
    done: set[tuple[str, str]] = set()
    for h in hits:
        if h.parent and fold(h.parent) in names and (h.name, h.parent) not in done:
            done.add((h.name, h.parent))
            out.relations.append(Relation(refs.org(h.name), "partOf", refs.org(h.parent),
                                          Evidence(doc, h.start, h.end, h.surface)))


def _not_a_person(h: PersonHit, countries: CountryIndex, ctx: OrgContext) -> bool:
    name = h.written
    if countries.find(name) or ctx.entry(name) is not None:
        return True
    return not name_tokens(name)


def _known_people(plist, hits: list[PersonHit]) -> dict[str, dict[str, str]]:
    """surname -> {person key: display name} for every full name in the document."""
    known: dict[str, dict[str, str]] = {}

    def add(name: str) -> None:
        if len(name_tokens(name)) < 2:
            return
        same = known.setdefault(surname(name), {})
        key = person_key(name)
        first = key.split()[0]
        if key not in same and not any(similar_given(first, k.split()[0]) for k in same):
            same[key] = display(name)

    if plist is not None:
        for p in plist.people:
            add(p.name)
    for h in hits:
        add(h.written)
    for same in known.values():  # "Lind Varga" is the compound surname of "Rosa Lind Varga", not another person
        toks = {k: [fold(t) for t in name_tokens(v)] for k, v in same.items()}
        for k in [k for k, t in toks.items() if any(len(u) > len(t) and u[-len(t):] == t for u in toks.values())]:
            del same[k]
    return known


def _person_ref(h: PersonHit, known: dict[str, dict[str, str]]) -> tuple[str, str]:
    name = " ".join(h.written.split())
    sur = surname(name)
    candidates = known.get(sur, {})
    toks = name_tokens(name)
    if len(toks) == 1:
        if len(candidates) == 1:
            key, label = next(iter(candidates.items()))
            return refs.person(key), label
        return refs.person(sur), display(name)
    key = person_key(name)
    if key not in candidates:
        first = fold(toks[0])
        close = [k for k in candidates if similar_given(first, k.split()[0])]
        if len(close) == 1:
            return refs.person(close[0]), candidates[close[0]]
        # "President Coleiro Preca" after "Marie-Louise Coleiro Preca": a compound surname alone
        folded = [fold(t) for t in toks]
        longer = [k for k, full in candidates.items()
                  if [fold(t) for t in name_tokens(full)][-len(folded):] == folded and len(name_tokens(full)) > len(toks)]
        if len(longer) == 1:
            return refs.person(longer[0]), candidates[longer[0]]
    return refs.person(key), candidates.get(key, display(name))
