"""The fast graph path: an in-memory Oxigraph store for loading graph files and running SPARQL.

pyoxigraph parses, queries and serializes an order of magnitude faster than
rdflib's in-memory store (docs: performance notes), so `query`, `serve` and the
benchmarks load built graphs here; rdflib is only for what needs it (SHACL).
Only pyoxigraph is imported, so a command that queries starts fast.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from graph.errors import InputError, QueryError

_FORMATS = {".ttl": "TURTLE", ".turtle": "TURTLE", ".nt": "N_TRIPLES", ".jsonld": "JSON_LD", ".json": "JSON_LD",
            ".nq": "N_QUADS", ".trig": "TRIG", ".rdf": "RDF_XML", ".owl": "RDF_XML", ".n3": "N3"}


def rdf_format(path: Path):
    """pyoxigraph's RdfFormat for a file name, or an InputError listing the known suffixes."""
    from pyoxigraph import RdfFormat

    name = _FORMATS.get(path.suffix.lower())
    if name is None:
        raise InputError(f"{path}: unknown RDF format {path.suffix or '(none)'}; "
                         f"use one of {', '.join(sorted(_FORMATS))}")
    return getattr(RdfFormat, name)


def load(*paths: Path, store=None):
    """A pyoxigraph Store holding the triples of the given files (in the default graph)."""
    from pyoxigraph import DefaultGraph, Store

    store = store if store is not None else Store()
    for path in paths:
        path = Path(path)
        fmt = rdf_format(path)
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        try:
            store.load(path=str(path), format=fmt, to_graph=DefaultGraph())
        except (SyntaxError, ValueError) as exc:
            raise InputError(f"{path}: not valid {fmt}: {str(exc).splitlines()[0]}") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return store


def from_triples(triples, store=None):
    """A Store from pyoxigraph Triples (e.g. `exports.rdf.triples(kg)`)."""
    from pyoxigraph import DefaultGraph, Quad, Store

    store = store if store is not None else Store()
    store.bulk_extend(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples)
    return store


def query(store, sparql: str, prefixes: dict[str, str] | None = None):
    """Run a SPARQL query on the default graph; QueryError carries the parser's first line."""
    if prefixes:
        head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes.items()
                       if f"PREFIX {p}:".lower() not in sparql.lower())
        sparql = head + sparql
    try:
        return store.query(sparql)
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {str(exc).splitlines()[0]}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None


def write_results(results, out: IO[bytes] | None = None, fmt: str = "table") -> None:
    """Results as a plain-text table, or CSV / TSV / SPARQL JSON / XML (pyoxigraph's writers)."""
    from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions

    out = out if out is not None else sys.stdout.buffer
    if fmt != "table":
        native = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON,
                  "xml": QueryResultsFormat.XML}
        if fmt not in native:
            raise QueryError(f"unknown result format {fmt!r}; valid: table, {', '.join(native)}")
        if isinstance(results, (QuerySolutions, QueryBoolean)):
            results.serialize(out, native[fmt])
        else:  # CONSTRUCT / DESCRIBE: triples
            from pyoxigraph import RdfFormat, serialize

            serialize(results, out, RdfFormat.N_TRIPLES)
        return
    if isinstance(results, QueryBoolean):
        out.write(b"true\n" if bool(results) else b"false\n")
        return
    if not isinstance(results, QuerySolutions):
        from pyoxigraph import RdfFormat, serialize

        serialize(results, out, RdfFormat.TURTLE)
        return
    names = [v.value for v in results.variables]
    rows = [[_cell(sol[v]) for v in names] for sol in results]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    out.write(("\n".join(lines) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n").encode("utf-8"))


def _cell(term) -> str:
    if term is None:
        return ""
    return getattr(term, "value", str(term))
