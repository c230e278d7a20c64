"""Which mentions are one real event: series names resolved to their full form,
editions grouped by ordinal, year or city, anaphors joined to their antecedent, and
the same event written two ways merged; then the event's canonical label and aliases.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from collections import Counter

from graph import refs
from graph.extract.dates import DateSpan
from graph.extract.event_mentions import Cues, ordinal_word
from graph.extract.event_reader import Found
from graph.lexicon import Lexicon

_CUES_OF_LABEL = re.compile(r"\b(?:meeting|session|forum|dialogue|conference|summit|symposium|seminar|workshop|"
                            r"consultation|congress|hearings?|round\s*table|days?)s?\b", re.I)
SUB_EVENT_CUES = {"session", "round table", "roundtable", "civil society day", "civil society days"}
_STOP = {"the", "of", "on", "and", "for", "in", "a", "an", "to", "at", "with", "by", "de", "united", "nations"}


def series_key(name: str) -> str:
    """Comparable form of an event name: "the Global Forum for Migration and Development" and
    "Global Forum on Migration and Development" give one key; "High-level"/"Highlevel" too."""
    words = [w for w in refs.fold(name.replace("-", "")).split() if w not in _STOP]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 4 and not w.endswith("ss") else w for w in words)


def norm_name(name: str) -> str:
    """Name as a label: no leading article, no "State-led"-style qualifier."""
    name = re.sub(r"\s+", " ", name).strip(" ,;:")
    name = re.sub(r"^(?:the|The|its|Its|their|Their)\s+", "", name)
    name = re.sub(r"^[A-Z][\w]*-(?:led|based|driven|related|sponsored)\s+", "", name)
    # "a workshop on skills recognition jointly (with …)": the adverb is the clause's, not the name's
    name = re.sub(r"\s+(?:jointly|together|also|respectively|recently|successfully|annually|again|"
                  r"subsequently|later|thereafter)$", "", name)
    # "… workshop for Arab government officials working (on …)": a participle after a plural
    # noun opens a clause the text cut off
    name = re.sub(r"(?<=[a-z]s)\s+[a-z]+ing$", "", name)
    return name


def group_mentions(found: list[Found], cues: Cues, lex: Lexicon) -> list[list[Found]]:
    """Groups of mentions that denote one real event."""
    # resolve anaphors to the nearest earlier mention in the same or previous paragraph
    named = [f for f in found if f.m.kind != "anaphor"]
    for f in found:
        if f.m.kind == "anaphor":
            generic = f.m.cue in ("meeting", "event")
            here = [g for g in named if g.m.start < f.m.start and g.para == f.para]
            near = [g for g in named if g.m.start < f.m.start and f.para - g.para <= 4]

            def fits(g: Found) -> bool:
                return g.m.cue == f.m.cue or (g.m.cls == f.m.cls and f.m.cue != "session") or \
                    (generic and g.m.cue not in ("session",))

            same = [g for g in here if fits(g)] or [g for g in near if g.m.cue == f.m.cue or g.m.cls == f.m.cls] \
                or ([g for g in near if fits(g)] if generic else [])
            f.antecedent = same[-1] if same else None
    # series keys: short names ("Global Forum", "GFMD") resolve to the longest name in the document
    name_counts: dict[str, Counter] = {}
    for f in named:
        if f.m.name:
            f.m.name = norm_name(f.m.name)
            name_counts.setdefault(series_key(f.m.name), Counter())[f.m.name] += 1
    long_names = {k: c.most_common(1)[0][0] for k, c in name_counts.items()}
    ords = {}
    for f in named:
        if f.m.name:
            ords.setdefault(series_key(f.m.name), set()).update({f.m.ordinal, f.m.year} - {None})
    keys = sorted(long_names, key=lambda k: (-sum(name_counts[k].values()), -len(k)))
    def resolve(k: str, mine: set, seen: frozenset = frozenset()) -> str:
        toks = k.split()
        for cand in sorted(keys, key=lambda c: not (mine & ords.get(c, set()))):
            ct = cand.split()
            cue = cues.cue_of(long_names[cand])
            affix = ct[:len(toks)] == toks or ct[-len(toks):] == toks or len(toks) == 1
            if cand != k and cand not in seen and set(toks) < set(ct) and affix \
                    and cue and cue[0] not in cues.weak and cue[0] in toks + [t + "s" for t in toks]:
                return resolve(cand, mine, seen | {k})
        return k

    for f in named:
        k = series_key(f.m.name) if f.m.name else ""
        if f.m.kind == "described" or (f.m.cue in SUB_EVENT_CUES and not f.m.ordinal and f.m.kind == "named"):
            # a description names one event, a session is one part of one edition:
            # grouped only by anaphors, dedupe and (for parts) their edition
            f.series = f"#{f.m.start}"
            continue
        if not k and f.m.kind == "edition" and f.m.extra.get("its"):
            # "at its second meeting": the event named just before, in this sentence or paragraph
            prev = [g for g in named if g.m.start < f.m.start and g.m.name and g.m.kind != "described"
                    and (g.sent == f.sent or g.para == f.para)]
            k = series_key(prev[-1].m.name) if prev else ""
        elif not k and f.m.kind == "edition" and not f.m.extra.get("adj"):
            # "to host the second meeting": the series named just before, in the same paragraph
            prev = [g for g in named if g.m.start < f.m.start and g.series and g.para == f.para]
            k = prev[-1].series if prev else ""
        if k and not f.m.extra.get("indefinite"):
            k = resolve(k, {f.m.ordinal, f.m.year} - {None})
        f.series = k
        if k in long_names:
            f.m.extra["canonical"] = long_names[k]
    # union-find per series key
    parent = list(range(len(named)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    def feats(f: Found):
        year = f.m.year or (f.dates[0].year if f.dates else None)
        city = f.m.city_prefix or (f.places[0].city if f.places else None)
        return f.m.ordinal, year, city

    by_series: dict[str, list[int]] = {}
    for i, f in enumerate(named):
        if f.series:
            by_series.setdefault(f.series, []).append(i)
    recurring: set[str] = set()
    for key, idx in by_series.items():
        fs = [named[i] for i in idx]
        years = {feats(f)[1] for f in fs if feats(f)[1]}
        if any(f.m.ordinal or f.m.year or f.m.series_hint for f in fs) or len(years) > 1:
            recurring.add(key)
        else:
            for a in idx[1:]:
                union(idx[0], a)  # a one-off event named several times
        _link_editions([(a, *feats(named[a])) for a in idx], union)
    for f in found:
        f.m.extra["recurring"] = f.series in recurring
    groups: dict[int, list[Found]] = {}
    for i, f in enumerate(named):
        o, y, c = feats(f)
        if f.series in recurring and not (o or y or c):
            continue  # a mention of the series, not of one edition
        groups.setdefault(find(i), []).append(f)
    # one-off names mentioned bare and dated elsewhere join their only dated group
    clusters = list(groups.values())
    for f in found:
        if f.m.kind == "anaphor" and f.antecedent is not None:
            for c in clusters:
                if f.antecedent in c:
                    c.append(f)
                    break
    return _dedupe(clusters)


def _link_editions(items: list[tuple[int, object, object, object]], union) -> None:
    """Union the mentions (index, ordinal, year, city) of one series that name one edition: the
    same ordinal when both have one; else the same year when both have one (and no two cities);
    else the same city. The groups this makes are those of joining each such pair, found per
    ordinal, year and city instead of pair by pair (a long report names a series thousands of times)."""
    def join(members: list[int]) -> None:
        for m in members[1:]:
            union(members[0], m)

    by_ordinal: dict[object, list[int]] = {}
    by_year: dict[object, list[tuple[int, object, object]]] = {}
    by_city: dict[object, list[tuple[int, bool, bool]]] = {}
    for i, o, y, c in items:
        if o:
            by_ordinal.setdefault(o, []).append(i)
        if y:
            by_year.setdefault(y, []).append((i, o, c))
        if c:
            by_city.setdefault(c, []).append((i, bool(o), bool(y)))
    for members in by_ordinal.values():
        join(members)
    for same_year in by_year.values():  # pairs of which at least one has no ordinal
        if any(not o and not c for _, o, c in same_year):
            join([i for i, _, _ in same_year])  # one without ordinal or city fits every other
            continue
        cityless = [i for i, _, c in same_year if not c]  # each has an ordinal
        cities: dict[object, list[int]] = {}
        for i, _, c in same_year:
            if c:
                cities.setdefault(c, []).append(i)
        open_cities = {c for _, o, c in same_year if c and not o}  # a city with a mention without ordinal
        for c, members in cities.items():
            if c in open_cities:
                join(members + cityless)
    for same_city in by_city.values():  # pairs not both with an ordinal, nor both with a year
        if any(not o and not y for _, o, y in same_city):
            join([i for i, _, _ in same_city])
            continue
        dated = [i for i, o, y in same_city if y and not o]
        ordinal = [i for i, o, y in same_city if o and not y]
        if dated and ordinal:
            join(dated + ordinal)


def _tokens(c: list[Found]) -> set[str]:
    names = [f.m.name for f in c if f.m.name] or [""]
    return set(series_key(max(names, key=len)).split())


@dataclass(frozen=True, slots=True)
class _Traits:
    """What `_dedupe` compares of a group, read once per group."""

    year: int | None
    places: frozenset[str]
    ordinal: int | str | None
    part: bool
    tokens: set[str]
    acronyms: frozenset[str]
    indefinite: bool

    @staticmethod
    def of(c: list[Found]) -> _Traits:
        year = next((f.dates[0].year for f in c if f.dates), None) or next((f.m.year for f in c if f.m.year), None)
        return _Traits(year, frozenset(x for f in c for p in f.places for x in (p.city, p.iso3) if x),
                       next((f.m.ordinal for f in c if f.m.ordinal), None),
                       any(f.m.cue in SUB_EVENT_CUES and f.m.kind == "named" for f in c), _tokens(c),
                       frozenset(f.m.acronym.lower() for f in c if f.m.acronym),
                       any(f.m.extra.get("indefinite") for f in c))


def _same_event(a: _Traits, b: _Traits) -> bool:
    ya, yb = a.year, b.year
    if not ya or ya != yb:
        return False
    pa, pb = a.places, b.places
    if pa and pb and not (pa & pb):
        return False
    oa, ob = a.ordinal, b.ordinal
    if oa and ob and oa != ob:
        return False
    if a.part != b.part:
        return False  # a session of a forum is not the forum
    ta, tb = a.tokens, b.tokens
    if not ta or not tb:
        return False
    acr = a.acronyms | b.acronyms
    indefinite = a.indefinite or b.indefinite
    subset = (ta <= tb or tb <= ta) and len(ta ^ tb) <= 1
    placed = bool(pa and pb) and (ta <= tb or tb <= ta)
    return bool((not indefinite and (subset or placed)) or len(ta & tb) / len(ta | tb) >= 0.75
                or (oa and ob and acr and (acr & ta or acr & tb)))


def _dedupe(clusters: list[list[Found]]) -> list[list[Found]]:
    """Merge groups that are one event written two ways (same year, same place, near names).

    The rule: merge the first pair (i < j, in reading order) that is one event, then start over,
    until no pair is. Starting over would compare every pair again after every merge (cubic in
    the number of groups); only the pairs with the merged group can have changed, so the same
    merges are made comparing each pair once, and each merged group with the rest once more."""
    clusters = list(clusters)
    traits = [_Traits.of(c) for c in clusters]

    def merge(i: int, j: int) -> None:
        clusters[i] = clusters[i] + clusters[j]
        traits[i] = _Traits.of(clusters[i])
        del clusters[j], traits[j]

    def row(i: int) -> int | None:  # the first group after i that is one event with it
        return next((j for j in range(i + 1, len(clusters)) if _same_event(traits[i], traits[j])), None)

    frontier, changed = 0, None  # rows before the frontier hold no pair that merges, but for `changed`
    while True:
        if changed is not None:
            # the rows before the changed group can now merge with it, and it with the rows after it
            i = next((i for i in range(changed) if _same_event(traits[i], traits[changed])), None)
            if i is not None:
                merge(i, changed)
                frontier -= 1  # the changed group was before the frontier, and is gone
                changed = i
                continue
            j = row(changed)
            if j is not None:
                merge(changed, j)
                if j < frontier:
                    frontier -= 1
                continue
            changed = None
        if frontier >= len(clusters):
            return clusters
        j = row(frontier)
        if j is None:
            frontier += 1
            continue
        merge(frontier, j)
        changed, frontier = frontier, frontier + 1


def best_dates(c: list[Found]) -> DateSpan | None:
    order = {"date": 3, "gYearMonth": 2, "gYear": 1}
    spans = [(bool(f.places or f.held or f.planned), d) for f in c for d in f.dates]
    if not spans:
        return None
    # the date of the clause that says where or that it was held, refined by a more precise
    # date elsewhere that agrees with it ("in September 2008" + "22-23 September 2008")
    best = max(spans, key=lambda sd: (sd[0], order[sd[1].precision], sd[1].end.lexical != sd[1].start.lexical,
                                      -sd[1].char_start))[1]
    finer = [d for _, d in spans if d.start.lexical.startswith(best.start.lexical) and
             order[d.precision] > order[best.precision]]
    return max(finer, key=lambda d: (order[d.precision], d.end.lexical != d.start.lexical)) if finer else best


def document_text_of(f: Found) -> str:
    return f.m.extra.get("surface", "")


def event_label(c: list[Found], year: int | None) -> tuple[str, str, list[str]]:
    """(label, series name, aliases) of one event."""
    named = [f for f in c if f.m.kind != "anaphor"]
    series = next((f.m.extra["canonical"] for f in named if f.m.extra.get("canonical") and f.m.kind != "described"), "") \
        or max((f.m.name for f in named if f.m.name), key=len, default="")
    ordinal = next((f.m.ordinal for f in named if f.m.ordinal), None)
    recurring = any(f.m.extra.get("recurring") for f in named)
    aliases = []
    for f in named:
        if f.m.kind == "described":
            aliases.append(f.m.name)
        elif f.m.kind == "edition" and f.m.ordinal and (f.m.name or series):
            aliases.append(f"{ordinal_word(f.m.ordinal)} {f.m.cue} of the {f.m.name or series}")
        elif f.m.ordinal and f.m.name:
            aliases.append(f"{ordinal_word(f.m.ordinal)} {f.m.name}")
        elif f.m.name and not recurring:
            aliases.append(f.m.name)
        if not recurring:
            if f.m.extra.get("via_acronym"):
                aliases.append(f.m.extra["via_acronym"])
            if f.m.acronym and f.m.kind == "named":
                aliases.append(f.m.acronym)
    if recurring and year and series and _CUES_OF_LABEL.search(series):
        aliases.append(f"{year} {norm_name(series)}")
    edition = next((f for f in named if f.m.kind == "edition" and f.m.ordinal), None)
    if edition and (edition.m.name or series):
        owner = edition.m.name or series
        if series and set(series_key(owner).split()) < set(series_key(series).split()):
            owner = series  # "the third meeting of the Forum": name the series in full
        label = f"{ordinal_word(edition.m.ordinal)} {edition.m.cue} of the {norm_name(owner)}"
    elif ordinal and series:
        own = next((f.m.name for f in named if f.m.ordinal and f.m.kind == "named" and f.m.name), series)
        label = f"{ordinal_word(ordinal)} {norm_name(own)}"
    elif ordinal:
        e0 = next(f for f in named if f.m.ordinal)
        adj = e0.m.extra.get("adj", "")
        label = f"{ordinal_word(ordinal)} {adj + ' ' if adj else ''}{e0.m.cue}"
        aliases.append(re.sub(r"\s+", " ", document_text_of(e0)))
    elif year and any(f.m.extra.get("recurring") for f in named):
        label = f"{year} {norm_name(series)}"
    elif series:
        label = norm_name(series)
    else:
        label = named[0].m.name if named else ""
    if year and (not series or _CUES_OF_LABEL.search(series)):
        aliases.append(f"{norm_name(series) or label} ({year})")
    seen, out = {refs.fold(label)}, []
    for a in aliases:
        a = norm_name(a)
        if a and refs.fold(a) not in seen:
            seen.add(refs.fold(a))
            out.append(a)
    return label, norm_name(series), out
