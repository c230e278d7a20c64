"""Load a graph into an external SPARQL 1.1 store.

First choice is the SPARQL 1.1 Graph Store HTTP Protocol: one `PUT` of the whole
graph as N-Triples replaces the target graph in a single request, which stores
apply atomically. Stores without it get SPARQL 1.1 Update: `DROP SILENT` the
graph, then `INSERT DATA` in batches (not atomic: a failure midway leaves part
of the graph, and the command says so).
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlencode

from graph.errors import InputError, MigkgError

CHUNK = 1 << 20  # upload granularity for progress reports
BATCH_TRIPLES = 20000  # triples per INSERT DATA request
PROGRESS_FROM = 4 << 20  # show progress for uploads above 4 MB
GSP_UNSUPPORTED = {404, 405, 415, 501}


class PublishError(MigkgError):
    """The store could not be reached or refused the graph."""


@dataclass(frozen=True)
class PublishReport:
    method: str  # "graph-store" | "update"
    triples: int
    bytes_sent: int
    seconds: float
    graph: str | None
    store_triples: int | None = None  # from --query-endpoint, when given


def ntriples_of(path: Path) -> tuple[bytes, int]:
    """The graph as N-Triples bytes and its triple count (an .nt file is sent as is)."""
    import pyoxigraph as ox

    from migkg.store import find_graph_file, rdf_format

    source = find_graph_file(path)
    fmt = rdf_format(source)
    if fmt == ox.RdfFormat.N_TRIPLES:
        data = source.read_bytes()
        count = sum(1 for line in data.splitlines() if line.strip() and not line.lstrip().startswith(b"#"))
        return data, count
    try:
        triples = [q.triple for q in ox.parse(path=str(source), format=fmt)]
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"{source}: cannot parse: {str(exc).splitlines()[0]}") from None
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", len(triples)


def _progress(total: int, out: Any) -> Callable[[int], None]:
    started = time.perf_counter()
    shown = [-1]

    def report(sent: int) -> None:
        if total < PROGRESS_FROM:
            return
        percent = int(sent * 100 / total) if total else 100
        if percent // 10 != shown[0] // 10 or sent == total:
            shown[0] = percent
            rate = sent / max(time.perf_counter() - started, 1e-6) / 1e6
            print(f"migkg publish: {sent / 1e6:.1f} of {total / 1e6:.1f} MB sent ({percent} %, {rate:.1f} MB/s)",
                  file=out, flush=True)
    return report


def _chunks(data: bytes, report: Callable[[int], None]) -> Iterator[bytes]:
    for i in range(0, len(data), CHUNK):
        piece = data[i: i + CHUNK]
        yield piece
        report(i + len(piece))


def _refusal(response: Any) -> str:
    body = " ".join(response.text.split())[:300] if response.text else ""
    return f"HTTP {response.status_code} {response.reason_phrase}" + (f": {body}" if body else "")


def put_graph(client: Any, endpoint: str, data: bytes, graph: str | None, out: Any,
              params: dict[str, str] | None = None) -> Any:
    """Graph Store Protocol PUT (replace the named graph, or the default graph).

    `params` are extra URL parameters for the store, e.g. Oxigraph's `no_transaction`
    bulk-load switch (an empty value sends the bare name).
    """
    query = urlencode({"graph": graph}) if graph else "default"
    for key, value in (params or {}).items():
        query += "&" + (urlencode({key: value}) if value else urlencode({key: ""})[:-1])
    target = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
    return client.put(
        target,
        content=_chunks(data, _progress(len(data), out)),
        headers={"Content-Type": "application/n-triples", "Content-Length": str(len(data))},
    )


def _update_batches(data: bytes, graph: str | None) -> Iterator[tuple[str, int]]:
    lines = [line for line in data.decode("utf-8").splitlines() if line.strip() and not line.startswith("#")]
    for i in range(0, len(lines), BATCH_TRIPLES):
        body = "\n".join(lines[i: i + BATCH_TRIPLES])
        inner = f"GRAPH <{graph}> {{\n{body}\n}}" if graph else body
        yield f"INSERT DATA {{\n{inner}\n}}", min(len(lines), i + BATCH_TRIPLES)


def update_graph(client: Any, endpoint: str, data: bytes, graph: str | None, triples: int, out: Any) -> None:
    """SPARQL Update fallback: drop the graph, then insert in batches."""
    drop = f"DROP SILENT GRAPH <{graph}>" if graph else "DROP SILENT DEFAULT"
    _update(client, endpoint, drop)
    for i, (request, done) in enumerate(_update_batches(data, graph)):
        try:
            _update(client, endpoint, request)
        except PublishError as exc:
            raise PublishError(f"{exc} (after {i} of the batches: the graph in the store is incomplete)") from None
        if triples > BATCH_TRIPLES:
            print(f"migkg publish: {done} of {triples} triples inserted", file=out, flush=True)


def _update(client: Any, endpoint: str, request: str) -> None:
    response = client.post(endpoint, content=request.encode("utf-8"),
                           headers={"Content-Type": "application/sparql-update"})
    if response.status_code >= 300:
        raise PublishError(f"the store refused the update: {_refusal(response)}")


def count_in_store(client: Any, query_endpoint: str, graph: str | None) -> int:
    """Triples in the target graph, asked through the store's SPARQL query endpoint."""
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    response = client.post(query_endpoint, data={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"},
                           headers={"Accept": "application/sparql-results+json"})
    if response.status_code != 200:
        raise PublishError(f"the store refused the count query: {_refusal(response)}")
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def publish(path: str | Path, endpoint: str | None, graph: str | None = None,
            update_endpoint: str | None = None, query_endpoint: str | None = None,
            auth: Any = None, timeout: float = 600.0, out: Any = None,
            params: dict[str, str] | None = None) -> PublishReport:
    """Replace `graph` (default graph when None) in a store with the graph at `path`.

    Parameters: `endpoint` the store's Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store);
    `update_endpoint` a SPARQL Update URL used when there is no Graph Store endpoint or it
    answers 404/405/415/501; `query_endpoint` to count the triples afterwards; `auth` an
    httpx auth (BasicAuth, DigestAuth) or a (user, password) pair for basic auth.
    Raises PublishError when the store cannot be reached or refuses; InputError on a bad file.
    """
    import httpx

    out = out or sys.stderr
    if not endpoint and not update_endpoint:
        raise MigkgError("give --endpoint (Graph Store Protocol) or --update-endpoint (SPARQL Update)")
    data, triples = ntriples_of(Path(path))
    started = time.perf_counter()
    method = "graph-store"
    with httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0), auth=auth) as client:
        try:
            response = put_graph(client, endpoint, data, graph, out, params) if endpoint else None
            if response is not None and response.status_code >= 300:
                if response.status_code in GSP_UNSUPPORTED and update_endpoint:
                    print(f"migkg publish: Graph Store Protocol not available ({_refusal(response)}); "
                          "using SPARQL Update", file=out)
                    response = None
                else:
                    raise PublishError(f"the store refused the graph: {_refusal(response)}")
            if response is None:
                method = "update"
                update_graph(client, update_endpoint or "", data, graph, triples, out)
            store_triples = count_in_store(client, query_endpoint, graph) if query_endpoint else None
        except httpx.HTTPError as exc:
            try:
                where: Any = exc.request.url
            except RuntimeError:  # no request attached
                where = endpoint or update_endpoint
            raise PublishError(f"cannot reach the store at {where}: {exc.__class__.__name__}: {exc}") from None
    return PublishReport(method=method, triples=triples, bytes_sent=len(data),
                         seconds=time.perf_counter() - started, graph=graph, store_triples=store_triples)
