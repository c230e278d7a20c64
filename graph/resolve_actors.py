"""When two actor mentions name the same organization, person or country.

Pure functions the resolver (graph.resolve) calls for the actor families:

- `actor_merge_keys(mention)` — the keys under which a mention may meet another one;
  two mentions of one family sharing a key are merge candidates.
- `may_merge(a_labels, b_labels)` — the veto: a shared key is not enough when the
  two sides carry different long names (one acronym, two organizations) or two
  different first names with one surname.
- `person_keys(label)` — the keys of a person's name.

Rules, in words:

Organizations
  * name keys ``name:<folded>`` for the label and every alias; case, accents,
    punctuation and a leading "the" never matter ("The World Bank" = "World Bank");
  * a "United Nations " / "UN " prefix is optional when what remains still names
    something (two words or more, not only generic words): "United Nations
    Statistics Division" = "Statistics Division", but "United Nations University"
    is never "University";
  * acronym keys ``acr:<ACRONYM>``, case-sensitive; a "UN/" or "UN-" prefix is
    optional ("UN/DESA" = "DESA");
  * `may_merge` refuses two organizations whose long names differ (after the
    variants above and allowing small spelling differences) even when they share
    an acronym or alias: "Inter-American Development Bank" (IDB) is not the
    "Islamic Development Bank" (IDB).

Persons
  * keys are ``person:<first last>`` (folded, honorifics, initials and "Jr."
    dropped) and ``person-full:<all names>``; a bare surname gives only
    ``surname:<name>``, which no full name shares: attaching "Mr. Lemaitre" to
    "Georges Lemaitre" is for the resolver to do when exactly one full name in
    the family has that surname (see `surname_of`);
  * `may_merge` refuses different surnames, and two different first names with the
    same surname ("Ann Smith" / "John Smith"); "George" and "Georges" (a prefix or
    one edit apart) may merge.

Countries
  * keys are the ISO 3166-1 alpha-3 code carried by the ref, and folded names.

`curation` (the parsed graph/data/curation.yaml) adds alias keys and forbids pairs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph.extract.org_shapes import GENERIC, HEADS, is_acronym
from graph.extract.person_names import name_tokens, similar_given
from graph.model import Mention
from graph.refs import CLASS_FAMILY, family_of, fold, key_of

_UN_PREFIX = re.compile(r"^(?:united nations|un)\s+")
_UN_ACR = re.compile(r"^UN[/\-]")


def _family(mention: Mention) -> str:
    return family_of(mention.ref) if ":" in mention.ref else CLASS_FAMILY.get(mention.cls, "")


def org_name_variants(name: str) -> set[str]:
    """Folded forms under which an organization name may be written."""
    f = fold(name)
    out = {f} if f else set()
    bare = _UN_PREFIX.sub("", f)
    if bare != f:
        words = bare.split()
        generic = {fold(g) for g in GENERIC | HEADS}
        if len(words) >= 2 and any(w not in generic for w in words):
            out.add(bare)
    return out


def acronym_variants(acr: str) -> set[str]:
    a = acr.strip()
    out = {a}
    bare = _UN_ACR.sub("", a)
    if bare != a and len(bare) >= 2:
        out.add(bare)
    return out


def person_keys(label: str) -> set[str]:
    """Keys of a person's name: "H.E. Mr. Esteban B. Conejos, Jr." -> {person:esteban conejos, …}."""
    toks = [fold(t) for t in name_tokens(label)]
    toks = [t for t in toks if t]
    if not toks:
        return set()
    if len(toks) == 1:
        return {f"surname:{toks[0]}"}
    return {f"person:{toks[0]} {toks[-1]}", f"person-full:{' '.join(toks)}"}


def surname_of(label: str) -> str:
    toks = name_tokens(label)
    return fold(toks[-1]) if toks else ""


def actor_merge_keys(mention: Mention, curation: Mapping[str, Any] | None = None) -> set[str]:
    """Keys under which this actor mention may be merged with another of its family."""
    family = _family(mention)
    labels = [mention.label, *mention.aliases]
    keys: set[str] = set()
    if family == "org":
        if mention.cls == "GovernmentBody":
            # "Ministry of Labour" written in a list under "Fiji" was named "Ministry of Labour of
            # Fiji": the bare form it came from would join every state's Ministry of Labour
            labels = [lab for lab in labels if lab == mention.label
                      or not fold(mention.label).startswith(fold(lab) + " of ")]
        for lab in labels:
            if is_acronym(lab) and " " not in lab:
                keys |= {f"acr:{a}" for a in acronym_variants(lab)}
            else:
                keys |= {f"name:{v}" for v in org_name_variants(lab)}
        keys |= {f"name:{fold(c)}" for c in _curated_canonicals(labels, curation)}
    elif family == "person":
        for lab in labels:
            keys |= person_keys(lab)
    elif family == "country":
        if ":" in mention.ref:
            keys.add(f"iso:{key_of(mention.ref).upper()}")
        keys |= {f"name:{fold(lab)}" for lab in labels if fold(lab)}
    return keys


def _curated_canonicals(labels: Iterable[str], curation: Mapping[str, Any] | None) -> set[str]:
    if not curation:
        return set()
    folded = {fold(x) for x in labels}
    out = set()
    for canonical, aliases in (curation.get("aliases") or {}).items():
        names = {fold(canonical), *(fold(a) for a in aliases or ())}
        if names & folded:
            out.add(canonical)
    return out


def _long_names(labels: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for lab in labels:
        if lab and not (is_acronym(lab) and " " not in lab):
            out |= org_name_variants(lab)
    return out


def _close(a: set[str], b: set[str]) -> bool:
    if a & b:
        return True
    from difflib import SequenceMatcher

    def similar(x: str, y: str) -> bool:
        m = SequenceMatcher(None, x, y)  # the quick ratios bound ratio() from above: same answer, sooner
        return m.real_quick_ratio() >= 0.92 and m.quick_ratio() >= 0.92 and m.ratio() >= 0.92

    return any(similar(x, y) for x in a for y in b)


def may_merge(a_labels: Iterable[str], b_labels: Iterable[str], *, family: str = "org",
              curation: Mapping[str, Any] | None = None) -> bool:
    """Whether two entities that share a merge key may really become one.

    `a_labels` / `b_labels` are each entity's label and aliases (acronyms included).
    """
    a_labels, b_labels = list(a_labels), list(b_labels)
    if curation:
        fa, fb = {fold(x) for x in a_labels}, {fold(x) for x in b_labels}
        for pair in curation.get("forbid_merge") or ():
            x, y = (fold(p) for p in pair)
            if (x in fa and y in fb) or (y in fa and x in fb):
                return False
    if family == "person":
        return _persons_may_merge(a_labels, b_labels)
    if family != "org":
        return True
    la, lb = _long_names(a_labels), _long_names(b_labels)
    if curation:
        la |= {fold(c) for c in _curated_canonicals(a_labels, curation)}
        lb |= {fold(c) for c in _curated_canonicals(b_labels, curation)}
    if la and lb and not _close(la, lb):
        return False  # two long names sharing only an acronym or a loose alias
    return True


def _persons_may_merge(a_labels: list[str], b_labels: list[str]) -> bool:
    def parts(labels: list[str]) -> tuple[set[str], set[str]]:
        surnames, givens = set(), set()
        for lab in labels:
            toks = [fold(t) for t in name_tokens(lab)]
            if toks:
                surnames.add(toks[-1])
                if len(toks) > 1:
                    givens.add(toks[0])
        return surnames, givens

    sa, ga = parts(a_labels)
    sb, gb = parts(b_labels)
    if sa and sb and not sa & sb:
        return False
    if ga and gb and not any(similar_given(x, y) for x in ga for y in gb):
        return False
    return True


# --- sub-bodies named with their parent ------------------------------------------------

_DASH = re.compile(r"\s*[\u2014\u2013]\s*|\s+-\s+")
_HEAD_OF = re.compile(r"^(?:the\s+)?(\w+)\s+of\s+(?:the\s+)?(.+)$", re.I)


@dataclass(frozen=True, slots=True)
class UnitLink:
    """`group` names (as `name`) a body of `parent`; `same` is the group it is one with, if any."""

    group: str
    parent: str
    same: str | None
    name: str
    reason: str


def _head_words(long_names: Iterable[str]) -> set[str]:
    return {w for n in long_names for w in n.split() if w[:1].isupper() and w in HEADS}


def unit_links(names: Mapping[str, set[str]]) -> list[UnitLink]:
    """How organization groups named after their parent relate to the others.

    `names` maps each group to its names (labels, aliases, acronyms). Read:

    * "ECLAC Ad Hoc Committee on X" — a known acronym, then a name: a body of that
      organization (partOf), and one with "Ad Hoc Committee on X" when exactly one
      other group is called that;
    * "Commission of ECLAC", "the ECLAC Commission" — the head noun of the
      acronym's own long name ("Economic Commission for …"): the organization itself;
      "Secretariat of GCIM" stays a body of its own;
    * "United Nations Development Fund for Women—Arab States Office" — parent, dash,
      unit: partOf the parent, and one with "Arab States Office" when unique.

    The acronym or parent name must belong to exactly one other group.
    """
    acr_owner: dict[str, set[str]] = {}
    long_of: dict[str, set[str]] = {}
    by_name: dict[str, set[str]] = {}
    for g, ns in names.items():
        for n in ns:
            if is_acronym(n) and " " not in n:
                for a in acronym_variants(n):
                    acr_owner.setdefault(a, set()).add(g)
            else:
                long_of.setdefault(g, set()).add(n)
                for v in org_name_variants(n):
                    by_name.setdefault(v, set()).add(g)

    def owner_of_acr(acr: str, g: str) -> str | None:
        owners = acr_owner.get(acr, set()) - {g}
        return next(iter(owners)) if len(owners) == 1 else None

    def owner_of_name(name: str, g: str) -> str | None:
        owners: set[str] = set()
        for v in org_name_variants(name):
            owners |= by_name.get(v, set())
        owners -= {g}
        if not owners:
            flat = fold(name)
            owners = {h for h, ls in long_of.items() if h != g
                      and _close({flat}, {fold(x) for x in ls})}
        return next(iter(owners)) if len(owners) == 1 else None

    out: list[UnitLink] = []
    for g in sorted(names):
        for n in sorted(long_of.get(g, ())):
            words = n.split()
            link = None
            # "Commission of ECLAC"
            hm = _HEAD_OF.match(n)
            if hm and is_acronym(hm.group(2)) and hm.group(1) in HEADS:
                p = owner_of_acr(hm.group(2), g)
                if p and hm.group(1) in _head_words(long_of.get(p, ())):
                    link = UnitLink(g, p, p, n, f"'{n}' is {hm.group(2)} itself")
            # "ECLAC Ad Hoc Committee on …", "the ECLAC Commission"
            lead = words[1] if words and words[0].lower() == "the" and len(words) > 2 else words[0] if words else ""
            rest = n.split(lead, 1)[1].strip() if lead else ""
            if link is None and lead and is_acronym(lead) and rest:
                p = owner_of_acr(lead, g)
                if p:
                    if len(rest.split()) == 1 and rest in _head_words(long_of.get(p, ())):
                        link = UnitLink(g, p, p, n, f"'{n}' is {lead} itself")
                    else:
                        same = owner_of_name(rest, g) if len(rest.split()) >= 2 else None
                        if same == p:
                            same = None
                        link = UnitLink(g, p, same, n, f"'{n}' is the {lead} body '{rest}'")
            # "Parent—Unit"
            if link is None:
                parts = _DASH.split(n)
                if len(parts) == 2 and all(parts) and parts[1].split()[-1] in HEADS:
                    p = owner_of_name(parts[0], g)
                    same = owner_of_name(parts[1], g) if len(parts[1].split()) >= 2 else None
                    if p or same:
                        link = UnitLink(g, p or "", same if same != p else None, n,
                                        f"'{n}' is the unit '{parts[1]}'")
            if link is None:
                link = _inverted(g, n, long_of)
            if link is not None:
                out.append(link)
    return out


def _inverted(g: str, name: str, long_of: Mapping[str, set[str]]) -> UnitLink | None:
    """ "Remittances in Conflict and Crisis Consortium" is the one "Research Consortium on
    Remittances in Conflict and Crisis" of the document: the topic (three words or more, so
    "Migration Policy Institute" never meets an "Institute for Migration Policy") and the head
    noun agree."""
    words = name.split()
    if len(words) < 4 or words[-1] not in HEADS:
        return None
    head, topic = words[-1], fold(" ".join(words[:-1]))
    if len(topic.split()) < 3:
        return None
    pat = re.compile(rf"^(?:[\w'\-]+\s+){{0,2}}{re.escape(head)}\s+(?:on|for|of)\s+(?:the\s+)?(.+)$")
    hits = {h for h, ls in long_of.items() if h != g
            for x in ls if (m := pat.match(x)) and fold(m.group(1)) == topic}
    if len(hits) != 1:
        return None
    same = next(iter(hits))
    return UnitLink(g, "", same, name, f"'{name}' is the same {head} named topic first")
