"""Events: what happened where and when, who organized, hosted, chaired, opened and
attended it, and which series it belongs to.

Flow for one document: find event mentions sentence by sentence and attach to each
the dates, places and role phrases of its clause (graph.extract.event_reader, with
graph.extract.event_mentions, .dates, .places, .actor_phrases); group the mentions of
one real event (graph.extract.event_identity: same series and edition ordinal, year
or city; anaphors to their antecedent); then emit here one node per event with a ref
computed from its identity, so every mention of an edition gets the same ref.
"""
from __future__ import annotations

import re

from graph import refs
from graph.extract.actor_phrases import parse_actors
from graph.extract.dates import DateSpan, find_dates
from graph.extract.event_identity import SUB_EVENT_CUES, best_dates, event_label, group_mentions, series_key
from graph.extract.event_mentions import ordinal_word
from graph.extract.event_reader import EventReader, Found
from graph.lexicon import Lexicon
from graph.model import Attribute, Document, Evidence, Extraction, Mention, Relation, Value
from graph.reading import Reading, reads


@reads
def extract(document: Reading, lexicon: Lexicon) -> Extraction:
    """Event nodes with dates, places, roles and series for one document's reading."""
    reader = EventReader(document, lexicon)
    text = document.text
    found: list[Found] = []
    para = 0
    last_line = 0
    for s, e in document.sentences:
        para += len(re.findall(r"\n[ \t]*\S", text[last_line:s + 1]))
        last_line = s
        ms = reader.mentions(s, e)
        for i, m in enumerate(ms):
            f = Found(m, (s, e), para)
            left = ms[i - 1].end if i else s
            right = ms[i + 1].start if i + 1 < len(ms) else e
            reader.attach(f, left, right)
            found.append(f)
    # "Session 3.2 … at the Global Forum in Manila on 27 October 2008": a part inherits the venue
    for a, b in zip(found, found[1:]):
        if a.sent == b.sent and not a.dates and not a.places and a.m.kind != "anaphor" and \
                re.fullmatch(r"[^,.;]{0,40}?\b(?:at|during|of)\s+(?:the\s+)?", text[a.m.end:b.m.start]):
            a.dates, a.places = list(b.dates), list(b.places)
    # a fronted "In 2008, …" dates the first event of its sentence that has no date of its own
    for f in found:
        if f.dates or f.m.kind == "anaphor":
            continue
        s = f.sent[0]
        fr = re.match(r"\s*(?:In|During|By|On|From)\s+([^,]{4,30}),", text[s:f.m.start])
        if fr and f.acted and all(g.m.start >= f.m.start or g.sent != f.sent for g in found if g is not f and g.m.kind != "anaphor"):
            f.dates = find_dates(text, s + fr.start(1) - 3 if fr.start(1) >= 3 else s, s + fr.end(1))[:1]
    clusters = group_mentions(found, reader.cues, lexicon)
    return _emit(document, clusters, found, reader)


def _emit(document: Document, clusters: list[list[Found]], found: list[Found], reader: EventReader) -> Extraction:
    out = Extraction()
    text, doc = document.text, document.doc_id
    country_named: dict[tuple[str, str], bool] = {}  # (iso3, country) -> the text names it (one search each)

    def ev(s: int, e: int) -> Evidence:
        return Evidence(doc, s, e, text[s:e])

    emitted: set[str] = set()

    def mention(ref: str, cls: str, label: str, evidence: Evidence, aliases=()) -> None:
        out.mentions.append(Mention(ref, cls, label, evidence, tuple(aliases)))
        emitted.add(ref)

    # first pass: the identity of every event, so parts can point to their whole
    plan: list[tuple[list[Found], str, str, str, list[str], DateSpan | None, int | None]] = []
    ref_of: dict[int, str] = {}
    series_of: dict[str, str] = {}
    place_of: dict[str, Found] = {}
    for c in clusters:
        named = [f for f in c if f.m.kind != "anaphor"]
        if not named:
            continue
        best = best_dates(c)
        year = best.year if best else next((f.m.year for f in named if f.m.year), None)
        label, series, aliases = event_label(c, year)
        if not label:
            continue
        recurring = any(f.m.extra.get("recurring") for f in named)
        ordinal = next((f.m.ordinal for f in named if f.m.ordinal), None)
        has_fact = best or any(f.places or f.acted or f.m.city_prefix for f in c)
        if all(f.m.kind == "described" for f in named) and not has_fact:
            continue
        if recurring and series:
            key = f"{series} {year}" if year else f"{series} edition {ordinal}" if ordinal else label
        else:
            key = f"{label} {year}" if year else label
        ref = refs.event(key)
        for f in c:
            ref_of[id(f)] = ref
        series_cue = reader.cues.cue_of(series) if series else None
        if recurring and series and (ordinal or year) and series_cue and series_cue[0] not in reader.cues.weak:
            series_of[ref] = refs.series(series)
        plan.append((c, ref, label, series, aliases, best, year))
        where = next((f for f in c if f.places and f.places[0].city), None) or next((f for f in c if f.places), None)
        if where:
            place_of[ref] = where

    def parent_of(c: list[Found], ref: str) -> str | None:
        """The edition a session, round table or civil-society day belongs to."""
        subs = [f for f in c if f.m.kind == "named" and f.m.cue in SUB_EVENT_CUES]
        if not subs:
            return None
        f = subs[0]
        editions = [g for g in found if id(g) in ref_of and ref_of[id(g)] in series_of and ref_of[id(g)] != ref
                    and g.m.kind != "anaphor"]
        own = series_key(f.m.name)
        named_series = [g for g in editions if g.series and set(g.series.split()) <= set(own.split())]
        if named_series:  # "Civil Society Day of the Global Forum …, 9 July 2007": that series, that year
            year = best_dates(c).year if best_dates(c) else None
            same_year = [g for g in named_series if year and any(d.year == year for d in g.dates)]
            cands = same_year or [g for g in named_series if g.sent == f.sent]
        else:
            # nearby editions only when the name itself points to a series ("… of the Forum")
            cue_words = {w for w in own.split() if w in reader.cues.classes and w not in SUB_EVENT_CUES}
            cands = [g for g in editions if (g.sent == f.sent) or
                     (cue_words & set(g.series.split()) and g.m.start < f.m.start and 0 <= f.para - g.para <= 2)]
        if not cands:
            return None
        return ref_of[id(min(cands, key=lambda g: abs(g.m.start - f.m.start)))]

    # a session or civil-society day is identified by its own head name and its edition:
    # "the Civil Society Day at the Brussels Global Forum" = "Civil Society Day of the GFMD, 9 July 2007"
    parents: dict[str, str] = {}
    for i, (c, ref, label, series, aliases, best, year) in enumerate(plan):
        parent = parent_of(c, ref)
        if not parent:
            continue
        head = re.split(r"\s+(?:of|at|during)\s+", label, maxsplit=1)[0]
        new_ref = refs.event(f"{re.sub(r's$', '', head)} {refs.key_of(parent)}")
        parents[new_ref] = parent
        plan[i] = (c, new_ref, label, series, aliases, best, year)
    merged: dict[str, int] = {}
    for i, item in enumerate(plan):
        if item[1] in merged:  # two mentions of one part of one edition: keep the first label
            j = merged[item[1]]
            c0, r0, l0, s0, a0, b0, y0 = plan[j]
            best2 = best_dates(c0 + item[0])
            plan[j] = (c0 + item[0], r0, l0, s0, a0 + [item[2]] + item[4], best2, y0 or item[6])
            plan[i] = None  # type: ignore[call-overload]
        else:
            merged[item[1]] = i
    plan = [p for p in plan if p is not None]

    for c, ref, label, series, aliases, best, year in plan:
        named = [f for f in c if f.m.kind != "anaphor"]
        parent = parents.get(ref)
        if parent:
            out.relations.append(Relation(ref, "partOf", parent, ev(*c[0].sent)))
            out.relations.append(Relation(ref, "partOf", series_of[parent], ev(*c[0].sent)))
        cls = max((f.m.cls for f in named), key=lambda k: sum(g.m.cls == k for g in named))
        cls = next((f.m.cls for f in named if f.m.kind in ("named", "edition")), cls)
        if ref in series_of and series and reader.cues.cue_of(series):
            cls = reader.cues.cue_of(series)[1]  # "the second meeting of the Global Forum" is a Forum
        ordinal = next((f.m.ordinal for f in named if f.m.ordinal), None)
        if ordinal and ref in series_of and series:
            # the two ways other documents name the same edition, so the resolver can join them
            extra = [f"{ordinal_word(ordinal)} {series}", f"{ordinal_word(ordinal)} meeting of the {series}"]
            aliases = aliases + [a for a in extra if refs.fold(a) != refs.fold(label) and a not in aliases]
        for f in c:
            mention(ref, cls, label, ev(f.m.start, f.m.end), aliases)
        sent = lambda f: ev(*f.sent)  # noqa: E731
        if best:
            owner = next(f for f in c if best in f.dates)
            out.attributes.append(Attribute(ref, "startDate", best.start, sent(owner)))
            out.attributes.append(Attribute(ref, "endDate", best.end, sent(owner)))
        status = "held" if any(f.held for f in c) or not any(f.planned for f in c) else "planned"
        out.attributes.append(Attribute(ref, "status", Value(status), sent(named[0])))
        place_f = next((f for f in c if f.places and f.places[0].city), None) or next((f for f in c if f.places), None)
        if place_f is None and parent:
            place_f = place_of.get(parent)  # a session is where its forum is
        if place_f:
            p = place_f.places[0]
            # a country only the city dictionary knows ("New York" alone) is not one the text names
            country_ref = refs.country(p.iso3) if p.iso3 and (not p.city or _names_country(p, document.text, reader.lex, country_named)) else None
            if country_ref:
                mention(country_ref, "Country", p.country or p.iso3, ev(p.char_start, p.char_end))
            if p.city:
                city_ref = refs.city(p.city)
                mention(city_ref, "City", p.city, ev(p.char_start, p.char_end))
                out.relations.append(Relation(ref, "heldIn", city_ref, sent(place_f)))
                if country_ref:
                    out.relations.append(Relation(city_ref, "locatedIn", country_ref, ev(p.char_start, p.char_end)))
            elif country_ref:
                out.relations.append(Relation(ref, "heldIn", country_ref, sent(place_f)))
        seen_roles = set()
        for f in c:
            # "session of ORG", "the meeting of the ECLAC Ad Hoc Committee", "WTO Ministerial Meeting":
            # an organ holds its own sessions and meetings
            for s_, e_ in reader.owner_spans(f):
                for a in parse_actors(text, s_, e_, reader.actors):
                    if ("organized", a.ref) not in seen_roles:
                        seen_roles.add(("organized", a.ref))
                        mention(a.ref, a.cls, a.label, ev(a.start, a.end), a.aliases)
                        out.relations.append(Relation(a.ref, "organized", ref, sent(f)))
        ord_f = next((f for f in named if f.m.ordinal), None)
        if ord_f and ref in series_of:
            out.attributes.append(Attribute(ref, "seriesOrdinal", Value(str(ord_f.m.ordinal), "positiveInteger"),
                                            ev(ord_f.m.start, ord_f.m.end)))
        count_f = next((f for f in c if f.count), None)
        if count_f:
            out.attributes.append(Attribute(ref, "participantCount", Value(str(count_f.count), "nonNegativeInteger"),
                                            sent(count_f)))
        if ref in series_of:
            sref = series_of[ref]
            first = named[0]
            skey = next((f.series for f in named if f.series), "")
            names = {f.m.name for f in found if skey and f.series == skey and f.m.name}
            s_alias = sorted(n for n in names if refs.fold(n) != refs.fold(series) and len(n) < 90)
            acrs = sorted({f.m.acronym for f in found if skey and f.series == skey and f.m.acronym})
            mention(sref, "EventSeries", series, ev(first.m.start, first.m.end), s_alias + acrs)
            out.relations.append(Relation(ref, "partOf", sref, sent(first)))
    return out


def _names_country(place, text: str, lexicon, memo: dict[tuple[str, str], bool] | None = None) -> bool:
    """The document writes the city's country somewhere ("Manila, the Philippines", a
    participants list), not only the city: a country it never names is no actor of it."""
    if memo is not None:
        key = (place.iso3, place.country or "")
        if key not in memo:
            memo[key] = _names_country(place, text, lexicon)
        return memo[key]
    entry = next((c for c in lexicon.countries if c.iso3 == place.iso3), None)
    names = {place.country or ""} | ({entry.name, *entry.aliases} if entry else set())
    for n in names:
        n = re.sub(r"\s*\(.*\)$", "", n).strip()
        if n and re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text):
            return True
    return False
