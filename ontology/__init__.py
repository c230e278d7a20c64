"""Placeholder; the ontology package provides the real namespace and files."""
from importlib import resources


def ontology_path():
    return resources.files("ontology") / "migkg.ttl"


def load_context() -> dict:
    return {}
