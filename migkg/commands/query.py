"""`migkg query`: run SPARQL on a built graph and print the answer."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.errors import InputError, QueryError

FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "jsonld", "ntriples")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sparql", nargs="?", help="the query text (or use --file)")
    parser.add_argument("--file", "-f", type=Path, help="read the query from this file (e.g. queries/*.rq)")
    parser.add_argument("--graph", "-g", type=Path, default=Path("out/graph.ttl"),
                        help="graph file or build directory (default: out/graph.ttl)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: table for SELECT/ASK, turtle for CONSTRUCT/DESCRIBE)")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="stop the query after this many seconds (default 30; 0 = no limit)")
    parser.add_argument("--limit", type=int, default=None,
                        help="print at most this many rows or triples")
    parser.add_argument("--base-iri", default=None, help="entity base IRI if it cannot be read from the data")


def read_query(args: argparse.Namespace) -> str:
    if args.file and args.sparql:
        raise InputError("give either a query or --file, not both")
    if args.file:
        try:
            return args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{args.file}: cannot read: {exc.__class__.__name__}") from None
    if args.sparql:
        return args.sparql
    if not sys.stdin.isatty():
        return sys.stdin.read()
    raise InputError("no query: give the SPARQL text, --file FILE, or pipe it on stdin")


def run(args: argparse.Namespace) -> int:
    from migkg import results, store

    query = read_query(args)
    if not query.strip():
        raise QueryError("the query is empty")
    loaded = store.load(args.graph, base_iri=args.base_iri, ontology=False)  # prefixes only
    result = store.execute_with_timeout(
        loaded.store, query, loaded.prefixes, timeout=args.timeout or None, limit=args.limit
    )
    fmt = args.format or ("turtle" if result.kind == "graph" else "table")
    try:
        data = results.render(result, fmt, loaded.prefixes)
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    if result.truncated:
        print(f"migkg query: output stopped at --limit {args.limit}", file=sys.stderr)
    return 0
