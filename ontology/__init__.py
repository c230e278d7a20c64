"""The migkg ontology: OWL terms, SHACL shapes, JSON-LD context and the closed `MIGKG` namespace.

`MIGKG` (an rdflib DefinedNamespace) is imported on first use, so `from ontology import
shapes_path` does not import rdflib.
"""
from ontology.files import (
    NAMESPACE,
    ONTOLOGY_IRI,
    context_path,
    load_context,
    ontology_path,
    shapes_path,
)

__all__ = [
    "MIGKG",
    "NAMESPACE",
    "ONTOLOGY_IRI",
    "context_path",
    "load_context",
    "ontology_path",
    "shapes_path",
]


def __getattr__(name: str):  # PEP 562: the namespace only when asked for
    if name == "MIGKG":
        from ontology.namespace import MIGKG

        return MIGKG
    raise AttributeError(f"module 'ontology' has no attribute {name!r}")
