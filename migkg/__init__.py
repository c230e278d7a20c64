"""migkg: UN documents on international migration in, a knowledge graph with evidence out.

The Python API (the command line `migkg` is a thin layer over it)::

    import migkg

    kg = migkg.build(["reports/", "A-RES-64-166.pdf"])   # or migkg.build() for the shipped corpus
    kg.records("SELECT ?name WHERE { ?o a migkg:Organization ; rdfs:label ?name }")
    kg.write("out")                                       # graph.ttl, graph.nt, graph.jsonld, graph.html …
    kg = migkg.load("out")                                # a build folder or a graph file
    result = migkg.query("out", "ASK { ?s ?p ?o }")      # a migkg.store.Result

Heavy libraries load on first use, so `import migkg` stays instant.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph.errors import InputError, MigkgError, QueryError

if TYPE_CHECKING:
    from migkg.api import Graph, build, load, load_turtle, query

__all__ = ["Graph", "InputError", "MigkgError", "QueryError", "__version__", "build", "load",
           "load_turtle", "query"]
_API = {"Graph", "build", "load", "load_turtle", "query"}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("migkg")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


__version__ = _version()


def __getattr__(name: str) -> Any:
    if name in _API:
        from migkg import api

        return getattr(api, name)
    raise AttributeError(f"module 'migkg' has no attribute {name!r}")
