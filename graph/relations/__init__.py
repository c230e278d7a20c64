"""The relation stage: typed edges from mention-tagged sentences, by patterns kept as data.

    mentions (every extractor) ──tag──▶ Tagged sentences ──patterns──▶ Relations

`relate(reading, found)` reads each sentence of the reading with the mentions found in it
(graph.relations.tagging), runs every pattern of graph/data/relations.yaml over it and keeps
the edges the contract allows (domain and range per relation). Each edge's evidence is its
sentence and names the pattern that read it (`Evidence.rule`), so a wrong edge points at its
rule. Offsets are view offsets, like every extractor's; the pipeline maps them to the source.
"""
from __future__ import annotations

import re

from graph.model import Evidence, Extraction, Mention, Relation
from graph.reading import Reading
from graph.relations.patterns import Pattern, Table, table
from graph.relations.tagging import Tagged, Tagger, kind

__all__ = ["relate", "relate_sentence"]

_SLOT_NO = re.compile(r"⟦(\d+):")


def relate_sentence(tagged: Tagged, doc: str, quote: str, rules: Table | None = None) -> Extraction:
    """Every edge the patterns read in one tagged sentence."""
    rules = rules or table()
    out = Extraction()
    done: set[tuple[str, str, str]] = set()
    for p in rules.patterns:
        for m in p.regex.finditer(tagged.text):
            _emit(p, m, tagged, rules, doc, quote, done, out)
    return out


def _emit(p: Pattern, m: re.Match[str], tagged: Tagged, rules: Table, doc: str, quote: str,
          done: set[tuple[str, str, str]], out: Extraction) -> None:
    subjects = [x for n in _SLOT_NO.findall(m.group("s")) if kind(x := tagged.slots[int(n)]) in p.kinds["s"]]
    objects = [x for n in _SLOT_NO.findall(m.group("o")) if kind(x := tagged.slots[int(n)]) in p.kinds["o"]]
    domain, range_ = rules.contract[p.relation]
    ev = Evidence(doc, tagged.start, tagged.end, quote, p.name)
    for s in subjects:
        for o in objects:
            key = (s.ref, p.relation, o.ref)
            if s.ref == o.ref or key in done or kind(s) not in domain or kind(o) not in range_:
                continue
            done.add(key)
            out.mentions += [s, o]
            out.relations.append(Relation(s.ref, p.relation, o.ref, ev))


def relate(reading: Reading, found: Extraction) -> Extraction:
    """The relations of one reading, given every mention the extractors found (view offsets)."""
    rules = table()
    out = Extraction()
    for t in Tagger(reading, found.mentions).sentences():
        if "⟦" in t.text:
            out.extend(relate_sentence(t, reading.doc_id, reading.text[t.start:t.end], rules))
    return _unique_mentions(out)


def _unique_mentions(x: Extraction) -> Extraction:
    seen: set[tuple[str, int, int]] = set()
    mentions: list[Mention] = []
    for m in x.mentions:
        key = (m.ref, m.evidence.start, m.evidence.end)
        if key not in seen:
            seen.add(key)
            mentions.append(m)
    return Extraction(mentions, x.attributes, x.relations)
