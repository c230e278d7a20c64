"""`migkg build`: documents in, graph files out."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="text (.txt, .md) or PDF files, or directories of them; default: the shipped corpus")
    parser.add_argument("--out", type=Path, default=Path("out"), help="output directory (default: out/)")
    parser.add_argument("--base-iri", default=None,
                        help="base of entity IRIs (default: https://w3id.org/migkg/id/)")
    parser.add_argument("--format", action="append", dest="formats", metavar="NAME",
                        help="write only this format (repeatable): turtle, ntriples, jsonld, timeline, html, ontology")
    parser.add_argument("--quiet", action="store_true", help="print no summary")


def run(args: argparse.Namespace) -> int:
    from exports import write_all
    from graph.build import DEFAULT_BASE, counts
    from graph.pipeline import run_files
    from graph.resolve import write_merges

    t0 = time.perf_counter()
    result = run_files(args.inputs, base=args.base_iri or DEFAULT_BASE)
    kg = result.graph
    extra = {"merges.tsv": lambda p: write_merges(result.resolved.merges, p)}
    files = write_all(kg, args.out, args.formats, extra)
    if not args.quiet:
        nodes, edges = counts(kg)
        print(f"migkg build: {len(result.documents)} document(s), {kg.number_of_nodes()} nodes, "
              f"{kg.number_of_edges()} edges in {time.perf_counter() - t0:.2f} s")
        print("nodes per class:")
        for cls, n in nodes.items():
            print(f"  {cls:32s} {n:6d}")
        print("edges per property:")
        for prop, n in edges.items():
            print(f"  {prop:32s} {n:6d}")
        print("wrote: " + ", ".join(str(f) for f in files))
    return 0
