"""SHACL validation of a built graph against the ontology's shapes.

Two engines give the same verdicts: `graph.shacl` (the default; pyoxigraph parsing and one
pass per constraint, well under a second on the shipped graph) and pySHACL (complete SHACL,
seconds per 20k triples), used with `engine="pyshacl"` or when custom shapes need a feature
`graph.shacl` does not implement. The ontology is mixed into the data in both, for the class
hierarchy behind sh:class and sh:targetClass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputError

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}
ENGINES = ("auto", "oxigraph", "pyshacl")


@dataclass(frozen=True, slots=True)
class Report:
    conforms: bool
    violations: int
    triples: int
    text: str
    engine: str = "pyshacl"


def _format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF format {path.suffix or '(none)'}; use .ttl, .nt or .jsonld")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return fmt


def load_graph(path: Path):
    """An rdflib Graph from a Turtle / N-Triples / JSON-LD file, or one clear InputError."""
    from rdflib import Graph

    fmt = _format(path)
    g = Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputError(f"{path}: not valid {fmt}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    return g


def parse_triples(path: Path) -> list:
    """(subject, predicate, object) pyoxigraph terms of a file, exactly as written, or one InputError."""
    import pyoxigraph as ox

    fmt = _format(path)
    oxfmt = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD}[fmt]
    try:
        return [(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=oxfmt)]
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: not valid {fmt}: {first}") from None


def validate_graph(data, shapes=None) -> Report:
    """Validate an rdflib Graph with pySHACL; the ontology is given for the class hierarchy."""
    from pyshacl import validate
    from rdflib import Graph, Namespace

    from ontology import ontology_path, shapes_path

    sg = shapes if shapes is not None else Graph().parse(shapes_path(), format="turtle")
    og = Graph().parse(ontology_path(), format="turtle")
    conforms, results, text = validate(data, shacl_graph=sg, ont_graph=og, inference="none",
                                       abort_on_first=False, allow_warnings=True)
    sh = Namespace("http://www.w3.org/ns/shacl#")
    violations = sum(1 for _ in results.subjects(predicate=sh.resultSeverity, object=sh.Violation))
    return Report(bool(conforms), violations, len(data), text, "pyshacl")


def validate_fast(data: list, shapes_file: Path | None = None, prefixes: dict[str, str] | None = None) -> Report:
    """Validate parsed triples with graph.shacl; raises graph.shacl.Unsupported for shapes beyond it."""
    from graph import shacl
    from ontology import ontology_path, shapes_path

    shapes = shacl.Index((s, p, o) for s, p, o in parse_triples(shapes_file or shapes_path()))
    checks = shacl.compile_shapes(shapes)
    index = shacl.Index([*data, *parse_triples(ontology_path())])
    results = shacl.validate(index, checks)
    violations = sum(1 for r in results if r.severity == "Violation")
    return Report(violations == 0, violations, len(set(data)), shacl.report_text(results, shapes, prefixes),
                  "oxigraph")


_PREFIX_RE = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*):\s*<([^>]*)>", re.I)


def read_prefixes(path: Path, max_lines: int = 400) -> dict[str, str]:
    """The Turtle file's own prefixes (its head only), so the report names nodes as pySHACL does."""
    found: dict[str, str] = {}
    if path.suffix.lower() != ".ttl":
        return found
    with path.open(encoding="utf-8", errors="replace") as handle:
        for i, line in enumerate(handle):
            if i >= max_lines:
                break
            m = _PREFIX_RE.match(line)
            if m:
                found[m.group(1)] = m.group(2)
    return found


def validate_file(path: Path, shapes_file: Path | None = None, engine: str = "auto") -> Report:
    """Validate a graph file. `engine`: "oxigraph", "pyshacl", or "auto" (oxigraph when it
    implements every feature the shapes use, pySHACL otherwise)."""
    from graph.shacl import Unsupported

    if engine not in ENGINES:
        raise InputError(f"unknown validation engine {engine!r}; valid: {', '.join(ENGINES)}")
    if shapes_file is not None and not shapes_file.is_file():
        raise InputError(f"{shapes_file}: no such file")
    if engine != "pyshacl":
        data = parse_triples(path)
        try:
            return validate_fast(data, shapes_file, read_prefixes(path))
        except Unsupported as exc:
            if engine == "oxigraph":
                raise InputError(f"{shapes_file}: the oxigraph engine does not implement {exc}; "
                                 "use --engine pyshacl") from None
    from rdflib import Graph

    shapes = None
    if shapes_file is not None:
        try:
            shapes = Graph().parse(shapes_file, format="turtle")
        except Exception as exc:
            raise InputError(f"{shapes_file}: not valid turtle: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    return validate_graph(load_graph(path), shapes)
