"""Resolve mentions into entities: one node per real-world thing.

Mentions with the same ref are one entity. Refs of one family are also merged
when a folded name (label or alias) agrees. An acronym joins a bare-acronym
mention to a long name only when exactly one long name in the family carries
that acronym — two organizations that share an acronym are never merged.
Every merge is recorded with its reason for the audit file.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph.model import Attribute, Edge, Entity, Evidence, Extraction, Mention, Relation
from graph.refs import entity_path, family_of, fold, key_of

# Families whose refs are already exact keys (symbols, ISO codes, document ids).
KEYED_FAMILIES = {"resolution", "provision", "country", "document"}
GENERIC_CLASSES = {"Actor", "Organization", "Event", "Commitment", "Document", "Place"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z/&\-]*[A-Z][A-Za-z]*$")


def is_acronym(name: str) -> bool:
    """"IOM", "UN/DESA", "UNHCR", "ECOSOC" — short, no spaces, mostly capitals."""
    s = name.strip()
    return (2 <= len(s) <= 12 and " " not in s and bool(_ACRONYM.match(s))
            and sum(c.isupper() for c in s) >= max(2, len(s) // 2))


@dataclass(frozen=True, slots=True)
class Merge:
    """One audit row: `merged` (a ref) was folded into entity `into` because of `reason`."""

    into: str
    merged: str
    reason: str


@dataclass(frozen=True, slots=True)
class Resolved:
    entities: tuple[Entity, ...]
    edges: tuple[Edge, ...]
    merges: tuple[Merge, ...]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


def _names(mentions: list[Mention]) -> set[str]:
    return {n for m in mentions for n in (m.label, *m.aliases) if n.strip()}


def _forbidden(curation: dict) -> set[frozenset[str]]:
    return {frozenset(fold(n) for n in pair) for pair in curation.get("forbid_merge", []) or []}


def _group(by_ref: dict[str, list[Mention]], curation: dict) -> tuple[dict[str, str], list[Merge], list[Relation]]:
    """Map every ref to its group's representative ref, with the merges made and the
    partOf facts read from names ("ECLAC Ad Hoc Committee …" is a body of ECLAC)."""
    uf = _UnionFind()
    reasons: dict[tuple[str, str], str] = {}
    forbid = _forbidden(curation)
    for r in by_ref:
        uf.find(r)

    def allowed(a: str, b: str) -> bool:
        if not forbid:
            return True
        na = {fold(n) for n in _names(by_ref[a])}
        nb = {fold(n) for n in _names(by_ref[b])}
        return not any(frozenset((x, y)) in forbid for x in na for y in nb)

    extra: list[Relation] = []
    families: dict[str, list[str]] = defaultdict(list)
    for r in sorted(by_ref):
        families[family_of(r)].append(r)
    for fam, fam_refs in families.items():
        if fam in KEYED_FAMILIES:
            continue
        if fam in ACTOR_FAMILIES:
            _group_actors(fam, fam_refs, by_ref, uf, reasons, curation)
            if fam == "org":
                extra += _join_units(fam_refs, by_ref, uf, reasons, allowed)
            continue
        # curated aliases: every alias folds to the canonical name
        alias_of = {fold(a): fold(canon) for canon, aliases in (curation.get("aliases") or {}).items()
                    for a in aliases or []}
        full_keys: dict[str, list[str]] = defaultdict(list)
        acronym_keys: dict[str, list[str]] = defaultdict(list)
        bare_acronym_refs: dict[str, list[str]] = defaultdict(list)
        for r in fam_refs:
            names = _names(by_ref[r])
            labels = {m.label for m in by_ref[r]}
            for n in names:
                if is_acronym(n):
                    if n in labels and all(is_acronym(x) for x in labels):
                        bare_acronym_refs[n].append(r)
                    else:
                        acronym_keys[n].append(r)
                else:
                    k = _year_last(fold(n)) if fam == "event" else fold(n)
                    full_keys[alias_of.get(k, k)].append(r)
        for key, rs in sorted(full_keys.items()):
            for other in rs[1:]:
                if allowed(rs[0], other) and uf.union(rs[0], other):
                    reasons[(rs[0], other)] = f"same name '{key}'"
        for acr, rs in sorted(bare_acronym_refs.items()):
            owners = sorted({uf.find(x) for x in acronym_keys.get(acr, [])})
            if len(owners) == 1:
                for r in rs:
                    if allowed(owners[0], r) and uf.union(owners[0], r):
                        reasons[(owners[0], r)] = f"acronym {acr} of exactly one name"
            else:
                for a in rs[1:]:
                    if uf.union(rs[0], a):
                        reasons[(rs[0], a)] = f"same acronym {acr}"
    if families.get("event") and families.get("org"):
        _join_editions(families["event"], families["org"], by_ref, uf, reasons)
    rep = {r: uf.find(r) for r in by_ref}
    merges = [Merge(rep[b], b, why) for (a, b), why in sorted(reasons.items())]
    return rep, merges, extra


_EDITION = re.compile(r"^(\S+)\s+(session|meeting)\s+of\s+(?:the\s+)?(.+?)(?:\s*\(\d{4}\))?$", re.I)


def _join_editions(event_refs: list[str], org_refs: list[str], by_ref: dict[str, list[Mention]],
                   uf: _UnionFind, reasons: dict[tuple[str, str], str]) -> None:
    """ "Thirty-first session of the United Nations Economic Commission for …", "… of the
    Commission of ECLAC", "… of the Commission Meeting of ECLAC" and, when only one such
    edition exists, "the thirty-first session of the Commission": one session of one body.
    The body is read with the organizations' own resolution."""
    from graph.extract.event_mentions import ordinal_value
    from graph.extract.org_shapes import HEADS
    from graph.resolve_actors import org_name_variants

    roots: dict[str, set[str]] = defaultdict(set)
    for r in org_refs:
        roots[uf.find(r)] |= _names(by_ref[r])
    by_name: dict[str, set[str]] = defaultdict(set)
    by_acr: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, set[str]] = defaultdict(set)
    for g, ns in roots.items():
        for n in ns:
            if is_acronym(n):
                by_acr[n.upper()].add(g)
            else:
                for v in org_name_variants(n):
                    by_name[v].add(g)
                heads[g] |= {w for w in n.split() if w in HEADS}

    def body_of(body: str) -> set[str]:
        found = set()
        for v in org_name_variants(body):
            found |= by_name.get(v, set())
        m = re.match(r"^(\w+)\b.*\s+of\s+(?:the\s+)?(\S+)$", body)
        if not found and m and is_acronym(m.group(2).upper()):
            found = {g for g in by_acr.get(m.group(2).upper(), set()) if m.group(1) in heads[g]}
        return found

    keyed: dict[tuple, list[str]] = defaultdict(list)
    bare: dict[tuple, list[str]] = defaultdict(list)
    for r in event_refs:
        for n in sorted(_names(by_ref[r])):
            m = _EDITION.match(n.strip())
            number = ordinal_value(m.group(1)) if m else None
            if number is None:
                continue
            cue, body = m.group(2).lower(), m.group(3)
            found = body_of(body)
            if len(found) == 1:
                keyed[(next(iter(found)), number, cue)].append(r)
            elif body in HEADS:
                bare[(body, number, cue)].append(r)
    for key, rs in sorted(keyed.items()):
        for other in rs[1:]:
            a, b = sorted((uf.find(rs[0]), uf.find(other)))
            if uf.union(a, b):
                reasons[(a, b)] = f"edition {key[1]} of one body"
    for (head, number, cue), rs in sorted(bare.items()):
        owners = {k for k in keyed if k[1] == number and k[2] == cue and head in heads[k[0]]}
        if len(owners) == 1:
            target = keyed[next(iter(owners))][0]
            for r in rs:
                a, b = sorted((uf.find(target), uf.find(r)))
                if uf.union(a, b):
                    reasons[(a, b)] = f"'the {head}' of edition {number} names the one such body"


def _join_units(fam_refs: list[str], by_ref: dict[str, list[Mention]], uf: _UnionFind,
                reasons: dict[tuple[str, str], str], allowed) -> list[Relation]:
    """Organizations named with their parent (graph.resolve_actors.unit_links): merge the
    ones that are one body, and return the partOf facts, each with the naming mention."""
    from graph.resolve_actors import unit_links

    members: dict[str, list[str]] = defaultdict(list)
    for r in fam_refs:
        members[uf.find(r)].append(r)
    names = {g: set().union(*(_names(by_ref[r]) for r in rs)) for g, rs in members.items()}
    out: list[Relation] = []
    for link in unit_links(names):
        evidence = next((m.evidence for r in members[link.group] for m in by_ref[r]
                         if link.name in (m.label, *m.aliases)), None)
        if link.same and allowed(link.group, link.same):
            a, b = sorted((link.group, link.same))
            if uf.union(a, b):
                reasons[(a, b)] = link.reason
        if link.parent and link.parent != link.same and evidence is not None:
            out.append(Relation(link.group, "partOf", link.parent, evidence))
    return out


ACTOR_FAMILIES = {"org", "person"}
_GUESSED = {"Organization", "NonGovernmentalOrganization"}
_SYSTEM = {"UNEntity", "IntergovernmentalOrganization"}
_LEADING_YEAR = re.compile(r"^((?:19|20)\d\d) (.+)$")


def _year_last(key: str) -> str:
    """ "2011 one day debate" and "one day debate (2011)" are one event name."""
    m = _LEADING_YEAR.match(key)
    return f"{m.group(2)} {m.group(1)}" if m else key


def _group_actors(fam: str, fam_refs: list[str], by_ref: dict[str, list[Mention]], uf: _UnionFind,
                  reasons: dict[tuple[str, str], str], curation: dict) -> None:
    """Organizations and persons: merge keys and vetoes from graph.resolve_actors.

    A shared key merges two groups unless `may_merge` vetoes it (two long names that
    only share an acronym; two first names with one surname). A bare acronym or a bare
    surname joins a group only when exactly one group carries it.
    """
    from graph.resolve_actors import actor_merge_keys, may_merge, surname_of

    names = {r: _names(by_ref[r]) for r in fam_refs}
    ref_keys = {r: {k for m in by_ref[r] for k in actor_merge_keys(m, curation)} for r in fam_refs}
    keys: dict[str, list[str]] = defaultdict(list)
    for r in fam_refs:
        for k in sorted(ref_keys[r]):
            keys[k].append(r)

    def bare(r: str) -> bool:
        """Only a surname (persons) or only an acronym (organizations)."""
        if fam == "person":
            return not any(k.startswith("person:") for k in ref_keys[r])
        return all(is_acronym(m.label) for m in by_ref[r])

    def union(a: str, b: str, why: str) -> None:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb or not may_merge(names[ra], names[rb], family=fam, curation=curation):
            return
        uf.union(ra, rb)
        names[uf.find(ra)] = names[ra] | names[rb]
        reasons[(a, b)] = why

    deferred: list[tuple[str, list[str]]] = []
    for k in sorted(keys):
        rs = keys[k]
        if len(rs) < 2 and not k.startswith("surname:"):
            continue
        full = [r for r in rs if not bare(r)]
        if k.startswith(("acr:", "surname:")) and any(bare(r) for r in rs):
            deferred.append((k, rs))
            rs = full
        for other in rs[1:]:
            union(rs[0], other, _why(k))
    # Bare acronyms and surnames last, once the full names have formed their groups. A bare
    # surname ("Mr. Lemaitre") refers to someone named in full in the same document: it never
    # attaches across documents, where the same surname may well be somebody else.
    docs = {r: {m.evidence.doc for m in by_ref[r]} for r in fam_refs}
    by_surname: dict[str, list[str]] = defaultdict(list)
    if fam == "person":
        for r in fam_refs:
            if not bare(r):
                for n in sorted({surname_of(x) for x in names[r]}):
                    by_surname[n].append(r)
    for k, rs in deferred:
        if k.startswith("surname:"):
            surname = k.split(":", 1)[1]
            for r in (x for x in rs if bare(x)):
                owners = sorted({uf.find(x) for x in by_surname.get(surname, ()) if docs[x] & docs[r]})
                if len(owners) == 1:
                    union(owners[0], r, f"{_why(k)} names exactly one person in the same document")
            continue
        owners = sorted({uf.find(r) for r in rs if not bare(r)})
        for r in rs:
            if bare(r) and len(owners) == 1:
                union(owners[0], r, f"{_why(k)} names exactly one entity")
            elif bare(r) and not owners and r != rs[0] and bare(rs[0]):
                union(rs[0], r, _why(k))


def _why(key: str) -> str:
    kind, _, value = key.partition(":")
    return {"acr": f"acronym {value}", "surname": f"surname '{value}'", "name": f"same name '{value}'",
            "person": f"same person '{value}'", "person-full": f"same full name '{value}'"}.get(kind, key)


def _choose_class(mentions: list[Mention]) -> str:
    votes = Counter(m.cls for m in mentions)
    specific = {c: n for c, n in votes.items() if c not in GENERIC_CLASSES}
    pool = specific or dict(votes)
    return sorted(pool.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _canonical_ref(refs: list[str], by_ref: dict[str, list[Mention]]) -> str:
    """The ref that names the entity's IRI: a full name over an acronym or a bare surname,
    then the shortest key. Mention counts play no part, so a new document that repeats a
    variant never renames an entity; one that adds a longer variant never does either."""
    def key(r: str) -> tuple:
        labels = [m.label for m in by_ref[r]]
        bare_surname = family_of(r) == "person" and len(key_of(r).split()) < 2
        return (all(is_acronym(x) for x in labels), bare_surname, len(key_of(r)), r)
    return sorted(refs, key=key)[0]


def _label(mentions: list[Mention]) -> str:
    counts = Counter(m.label.strip() for m in mentions if not is_acronym(m.label)) or \
        Counter(m.label.strip() for m in mentions)
    # "One-day debate" over "2011 one-day debate": the year is an attribute, not the name
    return sorted(counts.items(), key=lambda kv: (bool(_LEADING_YEAR.match(kv[0])), -kv[1], -len(kv[0]),
                                                  kv[0]))[0][0]


def resolve(extractions: Iterable[Extraction], curation: dict | None = None) -> Resolved:
    """Entities and edges from the extractions of all documents, merged as the module says."""
    mentions: list[Mention] = []
    attributes: list[Attribute] = []
    relations: list[Relation] = []
    for ex in extractions:
        mentions.extend(ex.mentions)
        attributes.extend(ex.attributes)
        relations.extend(ex.relations)
    by_ref: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_ref[m.ref].append(m)
    # A ref used only in a fact still needs a node; without a mention it is dropped (no class, no label).
    rep, merges, implied = _group(by_ref, curation or {})
    relations.extend(implied)
    groups: dict[str, list[str]] = defaultdict(list)
    for r, g in rep.items():
        groups[g].append(r)
    ref_to_id: dict[str, str] = {}
    entities: dict[str, dict] = {}
    for g, refs in groups.items():
        canon = _canonical_ref(refs, by_ref)
        ms = sorted((m for r in refs for m in by_ref[r]), key=lambda m: (m.evidence, m.label, m.cls))
        label = _label(ms)
        eid = entity_path(canon)
        if eid in entities:  # two different keys with one slug: keep both, apart and stable
            eid = f"{eid}-{hashlib.sha1(canon.encode('utf-8')).hexdigest()[:8]}"
        for r in refs:
            ref_to_id[r] = eid
        names: dict[str, Evidence] = {}
        for m in ms:
            for n in (m.label.strip(), *(a.strip() for a in m.aliases)):
                if n and n != label:
                    names.setdefault(n, m.evidence)
        entities[eid] = {"cls": _choose_class(ms), "label": label,
                         "label_evidence": tuple(sorted({m.evidence for m in ms if m.label.strip() == label})),
                         "alts": names, "attrs": defaultdict(set)}
    merges = [Merge(ref_to_id[m.into], m.merged, m.reason) for m in merges]
    # a body named with its parent ("UNIFEM—Arab States Office") whose own class is only a
    # guess from its words is the kind of organization its parent is
    for rel in implied:
        child, parent = entities.get(ref_to_id.get(rel.subject, "")), entities.get(ref_to_id.get(rel.object, ""))
        if child and parent and child["cls"] in _GUESSED and parent["cls"] in _SYSTEM:
            child["cls"] = parent["cls"]
    for a in attributes:
        eid = ref_to_id.get(a.ref)
        if eid is not None:
            entities[eid]["attrs"][(a.prop, a.value)].add(a.evidence)
    edge_ev: dict[tuple[str, str, str], set[Evidence]] = defaultdict(set)
    for rel in relations:
        s, o = ref_to_id.get(rel.subject), ref_to_id.get(rel.object)
        if s is not None and o is not None and s != o:
            edge_ev[(s, rel.prop, o)].add(rel.evidence)
    out = []
    for eid in sorted(entities):
        e = entities[eid]
        alts = sorted(e["alts"])
        attrs = tuple((p, v, tuple(sorted(ev))) for (p, v), ev in sorted(e["attrs"].items()))
        out.append(Entity(id=eid, cls=e["cls"], label=e["label"], alt_labels=tuple(alts),
                          label_evidence=e["label_evidence"],
                          alt_evidence=tuple(e["alts"][n] for n in alts), attributes=attrs))
    edges = tuple(Edge(s, p, o, tuple(sorted(ev))) for (s, p, o), ev in sorted(edge_ev.items()))
    return Resolved(tuple(out), edges, tuple(sorted(merges, key=lambda m: (m.into, m.merged))))


def write_merges(merges: Iterable[Merge], path) -> None:
    """The audit file: one merge per line, tab-separated (entity, merged ref, reason)."""
    lines = ["entity\tmerged_ref\treason"] + [f"{m.into}\t{m.merged}\t{m.reason}" for m in merges]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


__all__ = ["Merge", "Resolved", "resolve", "write_merges", "is_acronym"]
