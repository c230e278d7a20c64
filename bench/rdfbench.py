"""Parse, serialize and SPARQL on graphs of a given size: migkg's path, rdflib in memory, pyoxigraph direct.

migkg's path is what the commands do: `migkg.store.load` / `migkg.store.execute`
(the store behind `migkg query` and `migkg serve`) to read and query a built
graph, and the `exports.rdf` writers (from the graph's triples, as `migkg build`
writes them) to serialize. Where `migkg.store` is not there yet, those cells are
left out. Every engine reads the same
files and runs the same five queries; every result row is consumed.
"""
from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import median_time

PREFIXES = """PREFIX migkg: <https://w3id.org/migkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

# Five typical questions (see the design's users); they run on synthetic graphs and real builds alike.
QUERIES: dict[str, str] = {
    "label lookup": PREFIXES + """
SELECT ?s ?type WHERE { ?s rdfs:label "Agency 3 number 0 for Migration" ; a ?type }""",
    "events of an organizer in a year": PREFIXES + """
SELECT ?event ?label ?start WHERE {
  ?org rdfs:label "Agency 3 number 0 for Migration" ; migkg:organized ?event .
  ?event rdfs:label ?label ; migkg:startDate ?start .
  FILTER (YEAR(?start) = 2003)
}""",
    "persons at events in a country": PREFIXES + """
SELECT DISTINCT ?person ?name WHERE {
  ?country migkg:isoCode "PHL" .
  ?place migkg:locatedIn ?country .
  ?event migkg:heldIn ?place .
  ?person migkg:attended ?event ; a migkg:Person ; rdfs:label ?name .
}""",
    "provisions per addressee (GROUP BY)": PREFIXES + """
SELECT ?addressee (COUNT(?provision) AS ?n) WHERE {
  ?provision a migkg:Provision ; migkg:addressedTo ?addressee .
} GROUP BY ?addressee ORDER BY DESC(?n) ?addressee""",
    "resolution citation paths": PREFIXES + """
SELECT ?resolution (COUNT(DISTINCT ?cited) AS ?cites) WHERE {
  ?resolution a migkg:Resolution ; migkg:symbol ?symbol .
  FILTER (STRSTARTS(?symbol, "A/RES/69/"))
  ?resolution migkg:references+ ?cited .
} GROUP BY ?resolution""",
}


@dataclass
class Timings:
    """Seconds per operation for one engine on one graph."""

    engine: str
    ops: dict[str, float] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)


def _files(kg, work: Path) -> tuple[Path, object]:
    from exports.rdf import triples, write_turtle

    ts = triples(kg)
    ttl = work / "graph.ttl"  # alone: a loader that prefers a graph.nt twin must parse Turtle here
    with ttl.open("wb") as f:
        write_turtle(kg, f, ts)
    return ttl, ts


def _count(results) -> int:
    return sum(1 for _ in results)


def bench_pyoxigraph(ttl: Path, kg, repeat: int) -> Timings:
    from pyoxigraph import DefaultGraph, RdfFormat, Store

    from exports.rdf import prefixes

    t = Timings("pyoxigraph direct")
    holder: dict = {}

    def parse():
        holder["s"] = s = Store()
        s.load(path=str(ttl), format=RdfFormat.TURTLE)

    t.ops["parse Turtle"] = median_time(parse, repeat)
    s = holder["s"]
    pre = prefixes(kg)
    for name, fmt in (("write Turtle", RdfFormat.TURTLE), ("write N-Triples", RdfFormat.N_TRIPLES),
                      ("write JSON-LD", RdfFormat.JSON_LD)):
        kw = {"prefixes": pre} if fmt != RdfFormat.N_TRIPLES else {}
        t.ops[name] = median_time(lambda: s.dump(io.BytesIO(), fmt, from_graph=DefaultGraph(), **kw), repeat)
    for name, q in QUERIES.items():
        t.ops[name] = median_time(lambda: _count(s.query(q)), repeat)
        t.rows[name] = _count(s.query(q))
    return t


def _migkg_store():
    """(load, query) of the store behind `migkg query`, or None when it is not there."""
    try:
        from migkg import store
    except ImportError:
        return None
    return (lambda path: store.load(path).store), (lambda s, q: store.execute(s, q, {}).rows)


def bench_migkg(ttl: Path, kg, ts, repeat: int) -> Timings:
    from exports.rdf import write_jsonld, write_ntriples, write_turtle

    t = Timings("migkg")
    api = _migkg_store()
    if api is not None:
        load, query = api
        holder: dict = {}

        def parse():
            holder["s"] = load(ttl)

        t.ops["parse Turtle"] = median_time(parse, repeat)
    for name, writer in (("write Turtle", write_turtle), ("write N-Triples", write_ntriples),
                         ("write JSON-LD", write_jsonld)):
        t.ops[name] = median_time(lambda: writer(kg, io.BytesIO(), ts), repeat)
    if api is not None:
        s = holder["s"]
        for name, q in QUERIES.items():
            t.ops[name] = median_time(lambda: _count(query(s, q)), repeat)
            t.rows[name] = _count(query(s, q))
    return t


def bench_rdflib(ttl: Path, kg, repeat: int) -> Timings:
    from rdflib import Graph

    from exports.rdf import _context

    t = Timings("rdflib in-memory")
    holder: dict = {}

    def parse():
        holder["g"] = g = Graph()
        g.parse(str(ttl), format="turtle")

    t.ops["parse Turtle"] = median_time(parse, repeat)
    g = holder["g"]
    ctx = _context(kg)
    t.ops["write Turtle"] = median_time(lambda: g.serialize(format="turtle", encoding="utf-8"), repeat)
    t.ops["write N-Triples"] = median_time(lambda: g.serialize(format="nt", encoding="utf-8"), repeat)
    t.ops["write JSON-LD"] = median_time(lambda: g.serialize(format="json-ld", context=ctx, auto_compact=True,
                                                             encoding="utf-8"), repeat)
    for name, q in QUERIES.items():
        t.ops[name] = median_time(lambda: _count(g.query(q)), repeat)
        t.rows[name] = _count(g.query(q))
    return t


def run(n_triples: int, repeat: int = 3, with_rdflib: bool = True) -> tuple[int, list[Timings]]:
    """All engines on one synthetic graph of about `n_triples`; returns (actual triples, timings)."""
    import gc

    from bench.graphs import synthetic_kg

    kg = synthetic_kg(n_triples)
    with tempfile.TemporaryDirectory(prefix="migkg-bench-") as tmp:
        ttl, ts = _files(kg, Path(tmp))
        out = [bench_pyoxigraph(ttl, kg, repeat)]
        gc.collect()
        out.append(bench_migkg(ttl, kg, ts, repeat))
        gc.collect()
        if with_rdflib:
            out.append(bench_rdflib(ttl, kg, 1 if n_triples >= 1_000_000 else repeat))
            gc.collect()
        for t in out[1:]:
            for q, n in t.rows.items():
                if n != out[0].rows[q]:
                    raise AssertionError(f"{t.engine} gives {n} rows for {q!r}, pyoxigraph {out[0].rows[q]}")
        return len(ts), out
