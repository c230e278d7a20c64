"""The migkg ontology: OWL terms, SHACL shapes, JSON-LD context and the closed `MIGKG` namespace."""
from ontology.namespace import (
    MIGKG,
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
