"""Load a built graph into pyoxigraph and run SPARQL on it, read-only and time-limited.

Loading takes the fastest file the build wrote (N-Triples, then Turtle, then
JSON-LD) through pyoxigraph's parser; prefixes come from the Turtle headers of the
graph and the ontology, so a query can write `migkg:Organization` without a
PREFIX line. pyoxigraph has no query cancellation, but it releases the GIL while
it evaluates, so a watchdog can stop *waiting*; the command line then exits and
the server (`migkg.workers`) kills the worker process that runs the query.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

TYPE_CHECKING = False  # typing itself is not imported: `migkg query` starts faster without it
if TYPE_CHECKING:
    from typing import Any

from graph.errors import InputError, QueryError
from migkg import sandbox
from migkg.sparqlcheck import Limits, check, oxigraph_syntax

ONTOLOGY_NS = "https://w3id.org/migkg/ontology#"
from graph import DEFAULT_BASE  # noqa: E402  (one default for build and serve)

# Well-known prefixes, always bound; the graph's own header wins on conflicts.
STANDARD_PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "sh": "http://www.w3.org/ns/shacl#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "migkg": ONTOLOGY_NS,
}

BULK_BYTES = 64 * 1024 * 1024  # graph files above this are loaded with Store.bulk_load

# Files a build writes, fastest to parse first.
GRAPH_FILES = ("graph.nt", "graph.ttl", "graph.jsonld")
ONTOLOGY_FILES = ("ontology.ttl",)

# Path segments of entity IRIs (graph.refs.FAMILIES values) plus evidence nodes.
_KIND_SEGMENTS = (
    "organization|person|country|place|event|series|resolution|instrument|pledge|document|statement"
)
_BASE_RE = re.compile(rf"^(.+/)(?:{_KIND_SEGMENTS})/[^/]")
_PREFIX_RE = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*|):\s*<([^>]*)>", re.I)


class LoadedGraph:
    """A graph in memory with what queries and pages need to know about it.

    `base_iri` and `triples` are worked out on first use (`migkg query` needs neither).
    A plain class, not a dataclass: importing dataclasses costs `migkg query` 10 ms.
    """

    __slots__ = ("store", "source", "prefixes", "directory", "ontology", "ontology_source", "_base", "_triples")

    def __init__(self, store: Any, source: Path, base_iri: str | None, prefixes: dict[str, str],
                 triples: int | None = None, directory: Path | None = None, ontology: Any = None,
                 ontology_source: Path | None = None) -> None:
        self.store = store  # pyoxigraph.Store
        self.source = source
        self.prefixes = prefixes
        self.directory = directory
        self.ontology = ontology  # pyoxigraph.Store of the ontology, when one was loaded
        self.ontology_source = ontology_source
        self._base = base_iri
        self._triples = triples

    @property
    def base_iri(self) -> str:
        if self._base is None:
            self._base = _slashed(detect_base(self.store) or DEFAULT_BASE)
        return self._base

    @base_iri.setter
    def base_iri(self, value: str) -> None:
        self._base = value

    @property
    def triples(self) -> int:
        if self._triples is None:
            self._triples = len(self.store)
        return self._triples

    @triples.setter
    def triples(self, value: int) -> None:
        self._triples = value


def _slashed(base: str) -> str:
    return base if base.endswith(("/", "#")) else base + "/"


def find_graph_file(path: Path) -> Path:
    """The graph file for a path: the path itself, or the best file a build wrote in it.

    A build's graph.ttl is read through its graph.nt twin when that is at least as
    new: N-Triples parses faster and the build writes both from the same graph.
    """
    if path.is_file() and path.name == "graph.ttl":
        twin = path.with_name("graph.nt")
        if twin.is_file() and twin.stat().st_mtime >= path.stat().st_mtime:
            return twin
    if path.is_dir():
        for name in GRAPH_FILES:
            if (path / name).is_file():
                return path / name
        raise InputError(f"{path}: no {', '.join(GRAPH_FILES)} here; run `migkg build --out {path}` first")
    if not path.is_file():
        raise InputError(f"{path}: no such file or directory (build a graph with `migkg build` first)")
    return path


def rdf_format(path: Path) -> Any:
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r}; use .ttl, .nt, .jsonld, .nq, .trig or .rdf")
    return fmt


def read_prefixes(path: Path, max_lines: int = 400) -> dict[str, str]:
    """@prefix / PREFIX declarations from the head of a Turtle-family file (cheap: no parse)."""
    if path.suffix.lower() not in (".ttl", ".trig", ".n3"):
        return {}
    found: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for i, line in enumerate(handle):
                if i >= max_lines:
                    break
                m = _PREFIX_RE.match(line)
                if m and m.group(1):
                    found[m.group(1)] = m.group(2)
    except OSError:
        return {}
    return found


def detect_base(store: Any, sample: int = 2000) -> str | None:
    """The base IRI the graph was built with: the most common `…/{kind}/` stem of subjects."""
    stems: Counter[str] = Counter()
    for i, quad in enumerate(store.quads_for_pattern(None, None, None)):
        if i >= sample:
            break
        subject = quad.subject
        if type(subject).__name__ == "NamedNode":
            m = _BASE_RE.match(subject.value)
            if m:
                stems[m.group(1)] += 1
    return stems.most_common(1)[0][0] if stems else None


def _subjects_under(store: Any, base: str, sample: int = 5000) -> Any:
    for i, quad in enumerate(store.quads_for_pattern(None, None, None)):
        if i >= sample:
            return
        if type(quad.subject).__name__ == "NamedNode" and quad.subject.value.startswith(base):
            yield quad.subject


def packaged_ontology() -> Path | None:
    """The ontology shipped with the code (ontology/migkg.ttl), if present."""
    here = Path(__file__).resolve().parent.parent / "ontology"
    for name in ("migkg.ttl", "ontology.ttl"):
        if (here / name).is_file():
            return here / name
    return None


def load(path: str | Path, base_iri: str | None = None, ontology: bool = True) -> LoadedGraph:
    """Load a graph file or build directory.

    Parameters: `path` a graph file or a directory holding graph.nt/ttl/jsonld;
    `base_iri` the entity base when it cannot be read from the data; `ontology`
    False leaves the ontology store out (pages need it, `migkg query` does not; its
    prefixes are still read).
    Raises InputError on a missing or unparsable file.
    """
    import pyoxigraph as ox

    path = Path(path)
    source = find_graph_file(path)
    directory = path if path.is_dir() else source.parent
    store = ox.Store()
    try:
        # bulk_load pays off on large files; below BULK_BYTES the transactional load is quicker
        big = source.stat().st_size > BULK_BYTES
        (store.bulk_load if big else store.load)(path=str(source), format=rdf_format(source))
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"{source}: cannot parse: {str(exc).splitlines()[0]}") from None
    prefixes = dict(STANDARD_PREFIXES)
    turtle_twin = source.with_suffix(".ttl")
    prefixes.update(read_prefixes(turtle_twin if turtle_twin.is_file() else source))

    ontology_file = next(
        (directory / n for n in ONTOLOGY_FILES if (directory / n).is_file()), None
    ) or packaged_ontology()
    ontology_store = None
    if ontology_file is not None and not ontology:
        prefixes.update({k: v for k, v in read_prefixes(ontology_file).items() if k not in prefixes})
    elif ontology_file is not None:
        ontology_store = ox.Store()
        try:
            ontology_store.load(path=str(ontology_file), format=rdf_format(ontology_file))
            for name, ns in read_prefixes(ontology_file).items():
                prefixes.setdefault(name, ns)
        except (SyntaxError, ValueError, OSError):
            ontology_store, ontology_file = None, None

    base = None
    if base_iri:
        base = _slashed(base_iri)
        detected = detect_base(store)
        if detected and not any(True for _ in _subjects_under(store, base)):
            raise InputError(f"no entity IRI in {source} starts with {base}; it was built with {detected} "
                             "(build with --base-iri to publish under another base)")
    return LoadedGraph(
        store=store,
        source=source,
        base_iri=base,  # None: detected from the data on first use
        prefixes=prefixes,
        directory=directory,
        ontology=ontology_store,
        ontology_source=ontology_file if ontology_store is not None else None,
    )


class Result:
    """A materialized query result, at most `limit` rows or triples."""

    __slots__ = ("kind", "variables", "rows", "boolean", "triples", "truncated", "limit")

    def __init__(self, kind: str, variables: list[str] | None = None, rows: list[tuple] | None = None,
                 boolean: bool | None = None, triples: list | None = None, truncated: bool = False,
                 limit: int | None = None) -> None:
        self.kind = kind  # "select" | "ask" | "graph"
        self.variables = variables if variables is not None else []
        self.rows = rows if rows is not None else []
        self.boolean = boolean
        self.triples = triples if triples is not None else []
        self.truncated = truncated
        self.limit = limit

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self.rows)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Result) and all(getattr(self, a) == getattr(other, a) for a in self.__slots__)

    def __repr__(self) -> str:
        return "Result(" + ", ".join(f"{a}={getattr(self, a)!r}" for a in self.__slots__) + ")"


def syntax_message(exc: BaseException, query: str = "", prefixes: dict[str, str] | None = None) -> str:
    """pyoxigraph's parser message on one line ("error at 1:25: expected …"); see migkg.sparqlerrors."""
    from migkg.sparqlerrors import syntax_message as one_line

    return one_line(str(exc), query, prefixes)


def execute(store: Any, query: str, prefixes: dict[str, str], limit: int | None = None,
            base_iri: str | None = None, limits: Limits | None = None) -> Result:
    """Run a read-only query and materialize at most `limit` answers.

    Raises QueryError for a syntax error (one line, with line:column), an update,
    a SERVICE clause, a query over `limits` or an evaluation error. Run it in a
    query thread (`migkg.sandbox`): large stack, no network.
    """
    import pyoxigraph as ox

    query = check(query, limits, engine_syntax=oxigraph_syntax, tree=False).text
    try:
        answer = store.query(query, prefixes=prefixes, base_iri=base_iri)
        if isinstance(answer, ox.QueryBoolean):
            return Result(kind="ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            rows, truncated = [], False
            for solution in answer:
                if limit is not None and len(rows) >= limit:
                    truncated = True
                    break
                rows.append(tuple(solution[v] for v in variables))
            return Result(kind="select", variables=variables, rows=rows, truncated=truncated, limit=limit)
        triples, truncated = [], False
        for triple in answer:
            if limit is not None and len(triples) >= limit:
                truncated = True
                break
            triples.append(triple)
        return Result(kind="graph", triples=triples, truncated=truncated, limit=limit)
    except SyntaxError as exc:
        raise QueryError(syntax_message(exc, query, prefixes)) from None
    except (OSError, ValueError, TypeError, RuntimeError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None


def execute_with_timeout(store: Any, query: str, prefixes: dict[str, str], timeout: float | None,
                         limit: int | None = None) -> Result:
    """`execute` in a watchdog thread; QueryError when `timeout` seconds pass first.

    The evaluation itself cannot be interrupted in-process: the caller must not
    wait for it afterwards (the command line exits; the server uses workers).
    """
    if not timeout:
        return sandbox.run_in_query_thread(execute, store, query, prefixes, limit)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            sandbox.deny_network()
            box["result"] = execute(store, query, prefixes, limit)
        except BaseException as exc:  # handed back to the caller's thread
            box["error"] = sandbox.detach(exc)

    thread = sandbox.start_big_stack_thread(work, "migkg-query")
    thread.join(timeout)
    if thread.is_alive():
        raise QueryTimeout(f"query stopped after the time limit of {timeout:g} s")
    if "error" in box:
        raise box["error"]
    return box["result"]


class QueryTimeout(QueryError):
    """A query ran past its time limit."""
