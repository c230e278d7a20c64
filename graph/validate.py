"""SHACL validation of a built graph against the ontology's shapes (pySHACL)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputError

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}


@dataclass(frozen=True, slots=True)
class Report:
    conforms: bool
    violations: int
    triples: int
    text: str


def load_graph(path: Path):
    """An rdflib Graph from a Turtle / N-Triples / JSON-LD file, or one clear InputError."""
    from rdflib import Graph

    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF format {path.suffix or '(none)'}; use .ttl, .nt or .jsonld")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    g = Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputError(f"{path}: not valid {fmt}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    return g


def validate_graph(data, shapes=None) -> Report:
    """Validate an rdflib Graph; the ontology is given to pySHACL for the class hierarchy."""
    from pyshacl import validate
    from rdflib import Graph, Namespace

    from ontology import ontology_path, shapes_path

    sg = shapes if shapes is not None else Graph().parse(shapes_path(), format="turtle")
    og = Graph().parse(ontology_path(), format="turtle")
    conforms, results, text = validate(data, shacl_graph=sg, ont_graph=og, inference="none",
                                       abort_on_first=False, allow_warnings=True)
    sh = Namespace("http://www.w3.org/ns/shacl#")
    violations = sum(1 for _ in results.subjects(predicate=sh.resultSeverity, object=sh.Violation))
    return Report(bool(conforms), violations, len(data), text)


def validate_file(path: Path, shapes_file: Path | None = None) -> Report:
    from rdflib import Graph

    shapes = None
    if shapes_file is not None:
        shapes = Graph().parse(shapes_file, format="turtle")
    return validate_graph(load_graph(path), shapes)
