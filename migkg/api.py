"""The Python API: build or load a graph, query it, write it — the library behind the CLI.

Everything the command line does is reachable from here without a shell::

    >>> import migkg
    >>> kg = migkg.build(["reports/"])                       # doctest: +SKIP
    >>> kg.records("SELECT ?name WHERE { ?o a migkg:Organization ; rdfs:label ?name }")  # doctest: +SKIP
    [{'name': 'International Organization for Migration'}, ...]
    >>> kg.write("out")                                      # doctest: +SKIP

Errors are `migkg.MigkgError` (`InputError` for unusable inputs, `QueryError` for a
bad or failed query); nothing here prints or exits.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from graph.errors import InputError, MigkgError, QueryError

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                               "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}
_FLOATS = {XSD + t for t in ("decimal", "double", "float")}


def python_value(term: Any) -> Any:
    """A query answer term as a plain value: IRI -> str, typed number -> int/float, boolean -> bool."""
    if term is None:
        return None
    kind = type(term).__name__
    if kind != "Literal":
        return term.value if kind == "NamedNode" else str(term)
    datatype = term.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype in _FLOATS:
            return float(term.value)
    except ValueError:
        return term.value
    if datatype == XSD + "boolean":
        return term.value in ("true", "1")
    return term.value


@dataclass
class Graph:
    """A knowledge graph you can query: built from documents (`build`) or loaded from files (`load`).

    Attributes: `store` the pyoxigraph store, `prefixes` the prefixes every query may use
    without declaring them, `base_iri` the base of entity IRIs, `kg` the networkx graph
    when it was built in this process (None when loaded from RDF files).
    """

    store: Any
    prefixes: dict[str, str]
    base_iri: str
    kg: Any = None

    def __len__(self) -> int:
        """Number of triples (evidence statements included)."""
        return len(self.store)

    def query(self, sparql: str, *, limit: int | None = None, timeout: float | None = None) -> Any:
        """Run a read-only SPARQL query; returns a `migkg.store.Result`.

        `Result.kind` is "select", "ask" or "graph"; then `.variables` and `.rows`
        (pyoxigraph terms), `.boolean`, or `.triples`. At most `limit` answers.
        Raises QueryError (syntax, an update, a timeout after `timeout` seconds).
        """
        from migkg import store

        if not sparql.strip():
            raise QueryError("the query is empty")
        return store.execute_with_timeout(self.store, sparql, self.prefixes, timeout, limit)

    def records(self, sparql: str, *, limit: int | None = None) -> list[dict[str, Any]]:
        """A SELECT query's rows as dicts of plain Python values (unbound variables left out).

        >>> kg = load_turtle('<https://w3id.org/migkg/id/organization/gims> '
        ...                  '<http://www.w3.org/2000/01/rdf-schema#label> "GIMS" .')
        >>> kg.records("SELECT ?name WHERE { ?o rdfs:label ?name }")
        [{'name': 'GIMS'}]
        """
        result = self.query(sparql, limit=limit)
        if result.kind != "select":
            raise QueryError(f"records() needs a SELECT query, not a {result.kind.upper()} query")
        return [{v: python_value(t) for v, t in zip(result.variables, row) if t is not None}
                for row in result.rows]

    def to_dataframe(self, sparql: str, *, limit: int | None = None) -> Any:
        """A SELECT query's rows as a pandas DataFrame (pandas is an optional extra: `migkg[pandas]`)."""
        try:
            import pandas as pd
        except ImportError:
            raise MigkgError("to_dataframe needs pandas: pip install 'migkg[pandas]'") from None
        result = self.query(sparql, limit=limit)
        if result.kind != "select":
            raise QueryError(f"to_dataframe() needs a SELECT query, not a {result.kind.upper()} query")
        return pd.DataFrame([[python_value(t) for t in row] for row in result.rows], columns=result.variables)

    def write(self, out: str | Path, formats: Sequence[str] | None = None) -> list[Path]:
        """Write the build's files (graph.ttl, graph.nt, graph.jsonld, graph.html, …) into `out`.

        `formats` picks some of turtle, ntriples, jsonld, timeline, html, ontology.
        Only a graph built in this process can be written; a loaded one is already on disk.
        """
        if self.kg is None:
            raise MigkgError("this graph was loaded from files; only a graph made by migkg.build() can be written")
        from exports import write_all

        return write_all(self.kg, Path(out), list(formats) if formats else None)


def build(paths: Iterable[str | Path] = (), *, base_iri: str | None = None, jobs: int = 1,
          cache_dir: str | Path | None = None) -> Graph:
    """Build the knowledge graph of documents (files or folders; default: the shipped corpus).

    Parameters: `paths` .txt/.md/.pdf files or folders of them; `base_iri` the base of
    entity IRIs; `jobs` worker processes (1 = this process); `cache_dir` an extraction
    cache shared with `migkg build` (None = no cache).
    Raises InputError when an input cannot be used.
    """
    import pyoxigraph as ox

    from exports.rdf import prefixes, write_ntriples
    from graph.build import DEFAULT_BASE
    from graph.pipeline import run_files
    from migkg.store import STANDARD_PREFIXES

    result = run_files(list(paths), base=base_iri or DEFAULT_BASE, jobs=jobs,
                       cache_dir=Path(cache_dir) if cache_dir is not None else None)
    kg = result.graph
    buffer = io.BytesIO()
    write_ntriples(kg, buffer)
    store = ox.Store()
    store.bulk_load(buffer.getvalue(), format=ox.RdfFormat.N_TRIPLES)
    return Graph(store=store, prefixes={**STANDARD_PREFIXES, **prefixes(kg)}, base_iri=kg.graph["base"], kg=kg)


def load(path: str | Path, *, base_iri: str | None = None) -> Graph:
    """Load a build folder (out/) or a graph file (.nt, .ttl, .jsonld) for querying.

    Raises InputError when nothing can be loaded there.
    """
    from migkg import store

    loaded = store.load(path, base_iri=base_iri)
    return Graph(store=loaded.store, prefixes=loaded.prefixes, base_iri=loaded.base_iri)


def load_turtle(text: str, *, base_iri: str | None = None) -> Graph:
    """A graph from Turtle text in memory (handy in tests and notebooks)."""
    import pyoxigraph as ox

    from migkg.store import _PREFIX_RE, DEFAULT_BASE, STANDARD_PREFIXES, detect_base

    store = ox.Store()
    try:
        store.load(text.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    except SyntaxError as exc:
        raise InputError(f"cannot parse the Turtle text: {str(exc).splitlines()[0]}") from None
    declared = (_PREFIX_RE.match(line) for line in text.splitlines())
    prefixes = {**STANDARD_PREFIXES, **{m.group(1): m.group(2) for m in declared if m and m.group(1)}}
    return Graph(store=store, prefixes=prefixes, base_iri=base_iri or detect_base(store) or DEFAULT_BASE)


def query(graph: Graph | str | Path, sparql: str, *, limit: int | None = None,
          timeout: float | None = None) -> Any:
    """Run a query on a Graph, or on a build folder or graph file loaded for the purpose."""
    target = graph if isinstance(graph, Graph) else load(graph)
    return target.query(sparql, limit=limit, timeout=timeout)
