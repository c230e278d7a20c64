"""Where the ontology's data files are, and its IRIs: no rdflib here, so commands that only
need a path (validate, query) do not import it. Nothing is parsed at import: the files are
only located (as `importlib.resources` Traversables, which also work from a wheel or zip).
"""
import json
from importlib.resources import files
from importlib.resources.abc import Traversable

NAMESPACE = "https://w3id.org/migkg/ontology#"
ONTOLOGY_IRI = "https://w3id.org/migkg/ontology"


def _data(name: str) -> Traversable:
    return files(__package__ or "ontology") / name


def ontology_path() -> Traversable:
    """The OWL ontology, `migkg.ttl` (Turtle)."""
    return _data("migkg.ttl")


def shapes_path() -> Traversable:
    """The SHACL shapes, `shapes.ttl` (Turtle)."""
    return _data("shapes.ttl")


def context_path() -> Traversable:
    """The JSON-LD 1.1 context, `context.jsonld`."""
    return _data("context.jsonld")


def load_context() -> dict:
    """The JSON-LD context document, `{"@context": {...}}`, freshly parsed (safe to mutate).

    Embed `load_context()["@context"]` in a JSON-LD document, and pass that inner map to
    rdflib (`graph.serialize(format="json-ld", context=load_context()["@context"])`):
    given the whole document, rdflib nests "@context" inside "@context", which JSON-LD
    1.1 processors reject.
    """
    return json.loads(context_path().read_text(encoding="utf-8"))
