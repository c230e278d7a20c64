"""The relation stage: typed edges from mention-tagged sentences, by patterns kept as data.

    mentions (every extractor) ──tag──▶ Tagged sentences ──patterns──▶ Relations

`relate(reading, found)` reads each sentence of the reading with the mentions found in it
(graph.relations.tagging), runs every pattern of graph/data/relations.yaml over it and keeps
the edges the contract allows (domain and range per relation). Each edge's evidence is its
sentence and names the pattern that read it (`Evidence.rule`), so a wrong edge points at its
rule. Offsets are view offsets, like every extractor's; the pipeline maps them to the source.
"""
from __future__ import annotations

import heapq
import re
from dataclasses import replace

from graph.model import Evidence, Extraction, Mention, Relation
from graph.reading import Reading
from graph.relations.cues import could_match
from graph.relations.patterns import APPOSITIONS, COMPLEMENT, Pattern, Table, table
from graph.relations.tagging import Tagged, Tagger, kind

__all__ = ["relate", "relate_sentence"]

_SLOT_NO = re.compile(r"⟦(\d+):")


def relate_sentence(tagged: Tagged, doc: str, quote: str, rules: Table | None = None,
                    topic: Mention | None = None) -> Extraction:
    """Every edge the patterns read in one tagged sentence (`topic`: the document's own organization)."""
    rules = rules or table()
    out = Extraction()
    done: set[tuple[str, str, str]] = set()
    present = {kind(m) for m in tagged.slots}
    lowered = tagged.text.lower()
    for p in rules.patterns:
        if (p.subject == "topic" and topic is None) or (p.subject == "speaker" and tagged.speaker is None):
            continue
        if not all(present & k for role, k in p.kinds.items() if not (role == "s" and p.subject != "slot")):
            continue  # the sentence names nothing a slot could hold
        if not could_match(p.cues, tagged.text, lowered):
            continue  # the sentence lacks the pattern's own words ("organized by"): no match possible
        for m in _matches(p, tagged.text):
            _emit(p, m, tagged, rules, doc, quote, done, out, topic)
    return out


def _matches(p: Pattern, text: str):
    """The pattern's matches, left to right; a subject right after a preposition is a complement
    ("the report of ⟦X⟧ chaired"), so the search goes on from the next character."""
    pos = 0
    while (m := p.regex.search(text, pos)) is not None:
        if p.guarded and COMPLEMENT.search(text, max(0, m.start() - 40), m.start()):
            pos = m.start() + 1
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


# "⟦4:Person⟧, President of the ⟦5:Org⟧": the organization a person acts for
_ACTS_FOR = re.compile(r"(?: \([^()⟦⟧]{1,40}\))?, (?:the )?(?:[A-Z][\w-]* ){0,4}(?:of|at) (?:the )?⟦(\d+):Org⟧")


def _emit(p: Pattern, m: re.Match[str], tagged: Tagged, rules: Table, doc: str, quote: str,
          done: set[tuple[str, str, str]], out: Extraction, topic: Mention | None = None) -> None:
    if p.subject == "topic":
        subjects = [topic] if topic is not None else []
    elif p.subject == "speaker":
        subjects = [tagged.speaker] if tagged.speaker is not None else []
    else:
        subjects = _slots(tagged, m.group("s"), p.kinds["s"])
    if p.for_organization:
        subjects = [_acting_for(tagged, s) for s in subjects]
    domain = rules.contract[p.relation][0]
    if topic is not None and "Project" not in domain:
        # a project the report describes is its organization's: "It [the project] is implemented in
        # partnership with X" makes the organization X's partner
        subjects = [topic if kind(s) == "Project" else s for s in subjects]
    objects = _slots(tagged, m.group("o"), p.kinds["o"])
    ev = Evidence(doc, tagged.start, tagged.end, quote, p.name)
    for relation in (p.relation, *p.implies):
        domain, range_ = rules.contract[relation]
        for s in subjects:
            for o in objects:
                key = (s.ref, relation, o.ref)
                if s.ref == o.ref or key in done or kind(s) not in domain or kind(o) not in range_:
                    continue
                done.add(key)
                out.mentions += [s, o]
                out.relations.append(Relation(s.ref, relation, o.ref, ev))


def _slots(tagged: Tagged, group: str, kinds: frozenset[str]) -> list[Mention]:
    """The mentions a slot's text holds, its appositions left out; a state the text names by its
    Government ("the Government of Peru") comes with that Government, an actor of its own."""
    out = []
    for n in map(int, _SLOT_NO.findall(APPOSITIONS.sub("", group))):
        x = tagged.slots[n]
        if kind(x) in kinds:
            out.append(x)
            if n in tagged.named and kind(tagged.named[n]) in kinds:
                out.append(tagged.named[n])
    return out


def _acting_for(tagged: Tagged, person: Mention) -> Mention:
    if kind(person) != "Person":
        return person
    n = tagged.slots.index(person)
    at = tagged.text.find(f"⟦{n}:")
    m = _ACTS_FOR.match(tagged.text, tagged.text.index("⟧", at) + 1)
    return tagged.slots[int(m.group(1))] if m else person


def relate(reading: Reading, found: Extraction) -> Extraction:
    """The relations of one reading, given every mention the extractors found (view offsets)."""
    rules = table()
    out = Extraction()
    label = {m.ref: m.label for m in found.mentions}
    places: dict[str, set[str]] = {}
    for r in found.relations:
        if r.prop == "heldIn" and r.object in label:
            places.setdefault(r.subject, set()).add(label[r.object])
    sentences = _voiced(Tagger(reading, found.mentions, places).sentences(), found)
    topic = Tagger.topic(sentences)
    for t in sentences:
        if "⟦" in t.text or topic is not None:
            out.extend(relate_sentence(t, reading.doc_id, reading.text[t.start:t.end], rules, topic))
    if topic is not None and any(r.subject == topic.ref for r in out.relations):
        out.mentions.append(topic)
    _co_organizers(out, rules)
    return _unique_mentions(out)


def _co_organizers(out: Extraction, rules: Table) -> None:
    """"X organized a conference. The meeting was co-organized with Y": Y partners with X. Rows with
    `partners: true` read co-organizers; each is a partner of the organizers of that event named
    before it in the document (the edge's evidence is the sentence that names the co-organizer)."""
    flagged = {p.name for p in rules.patterns if p.partners}
    if not flagged:
        return
    mention = {m.ref: m for m in out.mentions}
    allowed_s, allowed_o = rules.contract["partneredWith"]
    have = {(r.subject, r.object) for r in out.relations if r.prop == "partneredWith"}
    before: dict[str, list[str]] = {}  # event -> its organizers so far
    for r in list(out.relations):
        if r.prop != "organized":
            continue
        earlier = before.setdefault(r.object, [])
        if r.evidence.rule in flagged:
            for x in earlier:
                if x == r.subject or (x, r.subject) in have or (r.subject, x) in have:
                    continue
                if kind(mention[x]) in allowed_s and kind(mention[r.subject]) in allowed_o:
                    have.add((x, r.subject))
                    e = r.evidence
                    out.relations.append(Relation(x, "partneredWith", r.subject,
                                                  Evidence(e.doc, e.start, e.end, e.quote, "partneredWith.co-organizers")))
        if r.subject not in earlier:
            earlier.append(r.subject)


def _voiced(sentences: list[Tagged], found: Extraction) -> list[Tagged]:
    """The sentences of a resolution's paragraphs with the body that adopts it as their speaker:
    "Decides to hold …" is said by the Assembly."""
    body_of_res = {r.object: r.subject for r in found.relations if r.prop == "adopted"}
    res_of_prov = {r.object: r.subject for r in found.relations if r.prop == "hasProvision"}
    first = {}
    for m in found.mentions:
        first.setdefault(m.ref, m)
    spans = sorted(((m.evidence.start, m.evidence.end, first[body]) for m in found.mentions
                    if (body := body_of_res.get(res_of_prov.get(m.ref, ""))) in first), key=lambda s: s[:2])
    if not spans:
        return sentences
    out = []
    open_spans: list[tuple[int, int]] = []  # (index in spans, end) of the spans begun so far, first first
    j = 0
    for t in sentences:  # in text order: a span that ended stays ended
        while j < len(spans) and spans[j][0] <= t.start:
            heapq.heappush(open_spans, (j, spans[j][1]))
            j += 1
        while open_spans and open_spans[0][1] <= t.start:
            heapq.heappop(open_spans)
        body = spans[open_spans[0][0]][2] if open_spans else None  # the first span holding t.start
        out.append(replace(t, speaker=body) if body is not None and t.speaker is None else t)
    return out


def _unique_mentions(x: Extraction) -> Extraction:
    seen: set[tuple[str, int, int]] = set()
    mentions: list[Mention] = []
    for m in x.mentions:
        key = (m.ref, m.evidence.start, m.evidence.end)
        if key not in seen:
            seen.add(key)
            mentions.append(m)
    return Extraction(mentions, x.attributes, x.relations)
