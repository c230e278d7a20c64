"""Synthetic knowledge graphs shaped like migkg's, at a requested number of triples.

Built straight as resolved entities and edges (no text, no extraction), so the
RDF benchmarks can reach 1M triples in seconds: organizations with acronyms,
persons affiliated to them, countries with ISO codes, cities in countries,
dated events organized, hosted and attended, resolutions with numbered
provisions addressed to actors, and resolutions citing earlier ones — every
fact with one piece of evidence, as migkg writes them.
"""
from __future__ import annotations

import random

from graph.build import KnowledgeGraph, build
from graph.ingest import make_document
from graph.model import Edge, Entity, Evidence, Value
from graph.resolve import Resolved

TRIPLES_PER_UNIT = 685  # about what one "unit" below produces; used to size the graph


def _unit(u: int, rng: random.Random, ev, countries: list[str], out_e: list, out_r: list) -> None:
    """One slice of the graph: ~20 organizations, persons, events, a resolution with provisions."""
    def ent(eid: str, cls: str, label: str, alts=(), attrs=()):
        out_e.append(Entity(eid, cls, label, tuple(alts), (ev(),), tuple(ev() for _ in alts),
                            tuple((p, v, (ev(),)) for p, v in attrs)))

    def rel(s: str, p: str, o: str):
        out_r.append(Edge(s, p, o, (ev(),)))

    orgs = [f"organization/agency-{u}-{i}" for i in range(4)]
    for i, o in enumerate(orgs):
        acr = f"AG{u}X{i}"
        ent(o, rng.choice(["UNEntity", "IntergovernmentalOrganization", "NonGovernmentalOrganization"]),
            f"Agency {u} number {i} for Migration", [acr], [("acronym", Value(acr))])
    city = f"place/city-{u}"
    country = rng.choice(countries)
    ent(city, "City", f"City {u}")
    rel(city, "locatedIn", country)
    persons = [f"person/person-{u}-{i}" for i in range(5)]
    for i, p in enumerate(persons):
        ent(p, "Person", f"Person {u} {i}", attrs=[("jobTitle", Value("Director"))])
        rel(p, "memberOf", rng.choice(orgs))
    year = 2000 + u % 20
    events = [f"event/meeting-{u}-{i}" for i in range(2)]
    for i, e in enumerate(events):
        ent(e, "Meeting", f"Meeting {u} {i} on International Migration",
            attrs=[("startDate", Value(f"{year}-{1 + i:02d}-1{i}", "date")),
                   ("endDate", Value(f"{year}-{1 + i:02d}-2{i}", "date"))])
        rel(orgs[i], "organized", e)
        rel(e, "heldIn", city)
        for p in rng.sample(persons, 3):
            rel(p, "attended", e)
    sym = f"A/RES/{55 + u % 20}/{u}"
    res = f"resolution/A-RES-{55 + u % 20}-{u}"
    ent(res, "Resolution", f"Resolution {sym}", attrs=[("symbol", Value(sym)),
                                                      ("dateAdopted", Value(f"{year}-12-20", "date"))])
    if u:
        rel(res, "references", f"resolution/A-RES-{55 + (u - 1) % 20}-{u - 1}")
        if u > 5:
            rel(res, "references", f"resolution/A-RES-{55 + (u - 5) % 20}-{u - 5}")
    for n in range(1, 5):
        prov = f"{res}/para-{n}"
        ent(prov, "Provision", f"{sym} paragraph {n}",
            attrs=[("provisionNumber", Value(str(n), "integer")), ("operativeVerb", Value("Requests")),
                   ("text", Value(f"Requests the agency {u} to report on item {n}"))])
        rel(res, "hasProvision", prov)
        rel(prov, "addressedTo", rng.choice(orgs + countries[:3]))


NODES_PER_UNIT = 16


def synthetic_kg_nodes(n_nodes: int, seed: int = 0) -> KnowledgeGraph:
    """A KnowledgeGraph of about `n_nodes` entities."""
    return synthetic_kg(max(1, round(n_nodes / NODES_PER_UNIT)) * TRIPLES_PER_UNIT, seed)


def synthetic_kg(n_triples: int, seed: int = 0) -> KnowledgeGraph:
    """A KnowledgeGraph whose RDF export holds about `n_triples` triples."""
    rng = random.Random(seed)
    text = "Synthetic evidence sentence for benchmarking the RDF path. " * 20
    docs = [make_document(text, f"synthetic-{i}") for i in range(10)]
    counter = iter(range(10**9))

    def ev() -> Evidence:
        i = next(counter)
        d = docs[i % 10]
        start = (i * 7) % 900
        return Evidence(d.doc_id, start, start + 40, d.text[start:start + 40])

    entities: list[Entity] = []
    edges: list[Edge] = []
    codes = ["PHL", "MEX", "GRC", "SEN", "BGD", "NPL", "ESP", "MAR", "ARG", "BEL", "THA", "KEN"]
    countries = [f"country/{c}" for c in codes]
    for c in codes:
        entities.append(Entity(f"country/{c}", "Country", f"Country {c}", (), (ev(),), (),
                               (("isoCode", Value(c), (ev(),)),)))
    units = max(1, round(n_triples / TRIPLES_PER_UNIT))
    for u in range(units):
        _unit(u, rng, ev, countries, entities, edges)
    entities.sort(key=lambda e: e.id)
    edges.sort(key=lambda e: (e.subject, e.prop, e.object))
    return build(Resolved(tuple(entities), tuple(edges), ()), docs)
