"""`migkg validate`: SHACL conformance of a built graph."""
from __future__ import annotations

import argparse
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("graph", nargs="?", type=Path, default=Path("out/graph.ttl"),
                        help="graph file to check (Turtle, N-Triples or JSON-LD; default: out/graph.ttl)")
    parser.add_argument("--shapes", type=Path, default=None, help="SHACL shapes (default: the ontology's shapes.ttl)")
    parser.add_argument("--engine", choices=("auto", "oxigraph", "pyshacl"), default="auto",
                        help="oxigraph: migkg's fast SHACL Core checker; pyshacl: complete SHACL, slower; "
                             "auto (default): oxigraph unless the shapes use a feature it lacks")


def run(args: argparse.Namespace) -> int:
    from graph.validate import validate_file

    report = validate_file(args.graph, args.shapes, args.engine)
    if report.conforms:
        print(f"migkg validate: {args.graph} conforms ({report.triples} triples checked)")
        return 0
    print(report.text)
    print(f"migkg validate: {args.graph} does NOT conform: {report.violations} violation(s)")
    return 1
