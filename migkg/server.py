"""The HTTP face of a built graph: SPARQL 1.1 Protocol endpoint and linked-data pages.

Routes (all read-only; any other method gets 405):

- `/sparql` — SPARQL 1.1 Protocol, GET and POST (form or `application/sparql-query`
  body); results as JSON, XML, CSV, TSV or HTML, graphs as Turtle, JSON-LD,
  N-Triples or RDF/XML by Accept header (or `format=`). Without a query: the
  Service Description. Queries run in worker processes (`migkg.workers`) under a
  time limit and a result cap, announced in `X-SPARQL-*` headers.
- `/id/{path}` — the things. `303 See Other` to `/doc/{path}.{html|ttl|jsonld|nt}`
  chosen by Accept (Cool URIs for the Semantic Web, 303 pattern): the
  organization is not the page about it, the description gets its own URL that
  can be bookmarked, cited and served as a plain file by a static host.
- `/doc/{path}.{ext}` — the descriptions; `/doc/{path}` negotiates and answers
  with `Content-Location`.
- `/ontology[.ttl|.jsonld|.html]`, `/void[.ttl|.jsonld|.html]`, `/`, `/type/…`,
  `/query` (a plain HTML form), `/download/graph.{ttl,nt,jsonld}`, and the build's
  `/graph.html` and `/timeline.html` (their panels link the entity pages).

The entity base IRI is the one the graph was built with (read from the data, or
`base_iri`); a publisher at their own domain builds with `--base-iri` and points
`{base}` at this server's `/id/`.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from graph.errors import QueryError
from migkg import catalog, negotiate, network, pages, results
from migkg.dataset import service_description, void_triples
from migkg.describe import describe
from migkg.sparqlcheck import QueryTooLarge, ReadOnlyViolation
from migkg.store import LoadedGraph, load
from migkg.workers import Busy, NotAcceptable, QueryPool, Timeout, WorkerLimits, WorkerLost

log = logging.getLogger("migkg.server")

SOLUTION_MEDIA = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/html": "html",
}
GRAPH_MEDIA = {
    "text/turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/n-triples": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/x-turtle": "turtle",
    "text/plain": "ntriples",
    "application/json": "jsonld",
    "text/html": "html",
}
GRAPH_FORMAT_ALIASES = {"json": "jsonld", "json-ld": "jsonld", "ttl": "turtle", "nt": "ntriples",
                        "n-triples": "ntriples", "xml": "rdfxml", "rdf": "rdfxml"}
FORMAT_NAMES = {"json", "xml", "csv", "tsv", "turtle", "jsonld", "ntriples", "rdfxml", "html"}
DESCRIPTION_MEDIA = {"text/html": "html", "application/xhtml+xml": "html", "text/turtle": "ttl",
                     "application/ld+json": "jsonld", "application/n-triples": "nt",
                     "application/x-turtle": "ttl", "application/json": "jsonld"}
EXT_MEDIA = {"html": "text/html; charset=utf-8", "ttl": "text/turtle; charset=utf-8",
             "jsonld": "application/ld+json", "nt": "application/n-triples"}
EXT_FORMAT = {"ttl": "turtle", "jsonld": "jsonld", "nt": "ntriples"}
DUMPS = ("graph.ttl", "graph.nt", "graph.jsonld")


class Settings:
    """Limits of the endpoint; all configurable from `migkg serve`."""

    def __init__(self, time_limit: float = 10.0, result_limit: int = 10000, workers: int = 2,
                 max_body: int = 64 * 1024, queue_wait: float = 30.0, worker_memory: int = 1024,
                 max_depth: int = 64, workers_per_client: int | None = None):
        self.time_limit, self.result_limit, self.workers = time_limit, result_limit, workers
        self.max_body, self.queue_wait = max_body, queue_wait
        self.worker_memory, self.max_depth = worker_memory, max_depth
        self.workers_per_client = workers_per_client or max(1, workers - 1)


def create_app(graph_dir: str | Path, base_iri: str | None = None, settings: Settings | None = None) -> Any:
    """The Starlette application serving the graph in `graph_dir` (a build directory or a file).

    Raises InputError when the graph cannot be loaded. Worker processes start with
    the application's lifespan (uvicorn, or `with TestClient(app)`).
    """
    from contextlib import asynccontextmanager

    from starlette.applications import Starlette
    from starlette.routing import Route

    settings = settings or Settings()
    graph = load(graph_dir, base_iri=base_iri)
    limits = WorkerLimits(memory_mb=settings.worker_memory, max_chars=settings.max_body,
                          max_depth=settings.max_depth)
    pool = QueryPool(graph.source, base_iri=graph.base_iri, size=settings.workers,
                     time_limit=settings.time_limit, result_limit=settings.result_limit,
                     queue_wait=settings.queue_wait, limits=limits, per_client=settings.workers_per_client)
    site = Site(graph, pool, settings)

    @asynccontextmanager
    async def lifespan(app: Any):  # noqa: ARG001
        await pool.start()
        try:
            yield
        finally:
            pool.close()

    routes = [
        Route("/", site.home), Route("/index.html", site.home),
        Route("/sparql", site.sparql, methods=["GET", "POST"]),
        Route("/query", site.query_page),
        Route("/id/{path:path}", site.thing), Route("/id", site.thing),
        Route("/doc/{path:path}", site.description),
        Route("/type/{name}", site.type_index),
        Route("/ontology", site.ontology), Route("/ontology.{ext}", site.ontology),
        Route("/void", site.dataset), Route("/void.{ext}", site.dataset),
        Route("/.well-known/void", site.dataset),
        Route("/download/{name}", site.download),
        *(Route(f"/{name}", site.network_page) for name in network.PAGES),
    ]
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware

    # Any web page may query this read-only endpoint from a browser (no credentials).
    cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                      allow_headers=["Accept", "Content-Type"], expose_headers=[
                          "X-SPARQL-Time-Limit", "X-SPARQL-Result-Limit", "X-SPARQL-Truncated",
                          "X-SPARQL-Result-Count", "Content-Location"])
    app = Starlette(routes=routes, lifespan=lifespan, middleware=[cors, Middleware(SecurityHeaders)],
                    exception_handlers={404: site.not_found, 405: site.not_allowed, Exception: site.crashed})
    app.state.graph = graph
    app.state.pool = pool
    return app


class SecurityHeaders:
    """Pages run no script and load nothing from elsewhere; say so to the browser.

    A plain ASGI middleware (no body buffering): adds nosniff everywhere and a
    Content-Security-Policy that forbids scripts, frames and foreign resources; a
    response that sets its own policy (graph.html, timeline.html: inline script, no
    requests) keeps it.
    """

    HEADERS = [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"content-security-policy",
         b"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    ]

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                own = {name.lower() for name, _ in headers}  # a page with its own policy keeps it
                message = {**message, "headers": headers + [h for h in self.HEADERS if h[0] not in own]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def text(status: int, message: str, headers: dict[str, str] | None = None) -> Any:
    from starlette.responses import PlainTextResponse

    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status, headers=headers)


class Site:
    """Request handlers over one loaded graph."""

    def __init__(self, graph: LoadedGraph, pool: QueryPool, settings: Settings):
        self.graph, self.pool, self.settings = graph, pool, settings
        self._cache: dict[str, Any] = {}
        self._type_slugs: dict[str, Any] | None = None

    # ---------- errors ----------
    async def not_found(self, request: Any, exc: Any) -> Any:
        return self._error(request, 404, "Not found", "Nothing is published at this address.")

    async def not_allowed(self, request: Any, exc: Any) -> Any:
        return text(405, "method not allowed: this server is read-only", {"Allow": "GET, HEAD, POST" if request.url.path == "/sparql" else "GET, HEAD"})

    async def crashed(self, request: Any, exc: Exception) -> Any:
        log.exception("error while serving %s", request.url.path)
        return text(500, "internal error; the server log has the details")

    def _error(self, request: Any, status: int, title: str, message: str) -> Any:
        from starlette.responses import HTMLResponse

        if negotiate.choose(request.headers.get("accept"), ["text/plain", "text/html"]) == "text/html":
            return HTMLResponse(pages.error_page(title, message), status_code=status)
        return text(status, message)

    # ---------- pages ----------
    async def home(self, request: Any) -> Any:
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse

        if "home" not in self._cache:
            self._cache["home"] = await run_in_threadpool(self._home_html)
        return HTMLResponse(self._cache["home"])

    def _home_html(self) -> str:
        g = self.graph
        return pages.index_page(g, catalog.types(g), catalog.documents(g), catalog.entity_count(g),
                                self._dumps(), live=True)

    def _dumps(self) -> list[str]:
        d = self.graph.directory
        return [n for n in DUMPS if d is not None and (d / n).is_file()]

    async def type_index(self, request: Any) -> Any:
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse

        name = request.path_params["name"]
        if not name.endswith(".html"):
            return await self.not_found(request, None)
        if self._type_slugs is None:
            self._type_slugs = {pages.type_slug(t.value, self.graph): t for t, _ in catalog.types(self.graph)}
        type_iri = self._type_slugs.get(name[: -len(".html")])
        if type_iri is None:
            return await self.not_found(request, None)
        members, more = await run_in_threadpool(catalog.members, self.graph, type_iri)
        return HTMLResponse(pages.type_page(self.graph, type_iri, members, more, live=True))

    async def network_page(self, request: Any) -> Any:
        """graph.html and timeline.html from the build folder, linked to the entity pages."""
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import Response

        name = request.url.path.lstrip("/")
        if name not in network.available(self.graph.directory):
            return await self.not_found(request, None)
        body = await run_in_threadpool(network.read_published, self.graph.directory, name)
        return Response(body, media_type="text/html; charset=utf-8",
                        headers={"Content-Security-Policy": network.CONTENT_SECURITY_POLICY})

    # ---------- linked data ----------
    def _iri(self, path: str) -> str | None:
        import pyoxigraph as ox

        iri = self.graph.base_iri + path
        try:
            ox.NamedNode(iri)
        except ValueError:
            return None
        return iri

    async def thing(self, request: Any) -> Any:
        """303 from the thing to its description in the negotiated format."""
        from starlette.responses import RedirectResponse

        from migkg.describe import exists

        path = request.path_params.get("path", "")
        iri = self._iri(path) if path else None
        if iri is None or not exists(self.graph.store, iri):
            return await self.not_found(request, None)
        ext = DESCRIPTION_MEDIA.get(
            negotiate.choose(request.headers.get("accept"), list(DESCRIPTION_MEDIA)) or "", "html"
        )
        location = f"/doc/{quote(path, safe='/-._~')}.{ext}"
        return RedirectResponse(location, status_code=303, headers={"Vary": "Accept"})

    async def description(self, request: Any) -> Any:
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import Response

        path = request.path_params["path"]
        ext = next((e for e in EXT_MEDIA if path.endswith("." + e)), None)
        headers = {}
        if ext is None:
            chosen = negotiate.choose(request.headers.get("accept"), list(DESCRIPTION_MEDIA))
            if chosen is None:
                return text(406, "not acceptable: offered text/html, text/turtle, application/ld+json, application/n-triples")
            ext = DESCRIPTION_MEDIA[chosen]
            headers = {"Content-Location": f"/doc/{quote(path, safe='/-._~')}.{ext}", "Vary": "Accept"}
        else:
            path = path[: -len(ext) - 1]
        iri = self._iri(path)
        if iri is None:
            return await self.not_found(request, None)
        body = await run_in_threadpool(self._describe_bytes, iri, ext)
        if body is None:
            return await self.not_found(request, None)
        return Response(body, media_type=EXT_MEDIA[ext], headers=headers)

    def _describe_bytes(self, iri: str, ext: str) -> bytes | None:
        d = describe(self.graph.store, iri)
        if d is None:
            return None
        if ext == "html":
            return pages.entity_page(self.graph, d, live=True).encode()
        return results.graph_bytes(d.triples(), EXT_FORMAT[ext], self.graph.prefixes)

    async def ontology(self, request: Any) -> Any:
        from starlette.responses import HTMLResponse, RedirectResponse, Response

        g = self.graph
        if g.ontology is None:
            return await self.not_found(request, None)
        ext = request.path_params.get("ext")
        if ext is None:
            chosen = negotiate.choose(request.headers.get("accept"), list(DESCRIPTION_MEDIA)) or "text/html"
            return RedirectResponse(f"/ontology.{DESCRIPTION_MEDIA[chosen]}", 303, headers={"Vary": "Accept"})
        if ext == "html":
            return HTMLResponse(pages.ontology_page(g, "migkg ontology", catalog.ontology_iri(g),
                                                    catalog.ontology_sections(g), live=True))
        if ext == "ttl" and g.ontology_source is not None and g.ontology_source.suffix == ".ttl":
            return Response(g.ontology_source.read_bytes(), media_type=EXT_MEDIA["ttl"])
        if ext not in EXT_FORMAT:
            return await self.not_found(request, None)
        triples = [q.triple for q in g.ontology.quads_for_pattern(None, None, None)]
        return Response(results.graph_bytes(triples, EXT_FORMAT[ext], g.prefixes), media_type=EXT_MEDIA[ext])

    async def dataset(self, request: Any) -> Any:
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse, RedirectResponse, Response

        ext = request.path_params.get("ext")
        if ext is None:
            chosen = negotiate.choose(request.headers.get("accept"), list(DESCRIPTION_MEDIA)) or "text/html"
            return RedirectResponse(f"/void.{DESCRIPTION_MEDIA[chosen]}", 303, headers={"Vary": "Accept"})
        if ext not in EXT_MEDIA:
            return await self.not_found(request, None)
        site_url = str(request.base_url)
        triples = await run_in_threadpool(void_triples, self.graph, site_url, site_url + "sparql", self._dumps())
        if ext == "html":
            return HTMLResponse(pages.dataset_page(self.graph, triples, live=True))
        return Response(results.graph_bytes(triples, EXT_FORMAT[ext], self.graph.prefixes), media_type=EXT_MEDIA[ext])

    async def download(self, request: Any) -> Any:
        from starlette.responses import FileResponse

        name = request.path_params["name"]
        if name not in self._dumps():  # a fixed list: no path from the request reaches the disk
            return await self.not_found(request, None)
        media = {"graph.ttl": "text/turtle", "graph.nt": "application/n-triples", "graph.jsonld": "application/ld+json"}[name]
        return FileResponse(self.graph.directory / name, media_type=media)  # type: ignore[operator]

    # ---------- SPARQL ----------
    def _limit_headers(self) -> dict[str, str]:
        return {"X-SPARQL-Time-Limit": f"{self.settings.time_limit:g}",
                "X-SPARQL-Result-Limit": str(self.settings.result_limit)}

    async def _read_body(self, request: Any) -> bytes | None:
        """The request body, or None when it is larger than the configured maximum."""
        limit = self.settings.max_body
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            return None
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    async def _sparql_params(self, request: Any) -> tuple[dict[str, list[str]], str | None] | Any:
        """(params, query) from GET or POST per the SPARQL 1.1 Protocol, or an error response."""
        params = parse_qs(request.url.query, keep_blank_values=True)
        if len(request.url.query) > self.settings.max_body:
            return text(413, f"request too large: at most {self.settings.max_body} bytes of query")
        if request.method == "GET":
            return params, params.get("query", [None])[0]
        body = await self._read_body(request)
        if body is None:
            return text(413, f"request body too large: at most {self.settings.max_body} bytes")
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return text(403, "SPARQL Update is not accepted: this endpoint is read-only")
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                return text(400, "the form body is not UTF-8")
            if "update" in form:
                return text(403, "SPARQL Update is not accepted: this endpoint is read-only")
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
            return params, form.get("query", [None])[0]
        if ctype == "application/sparql-query":
            try:
                return params, body.decode("utf-8")
            except UnicodeDecodeError:
                return text(400, "the query body is not UTF-8")
        return text(415, "unsupported content type: send application/sparql-query or "
                         "application/x-www-form-urlencoded (query=…)")

    def _choose_formats(self, request: Any, params: dict[str, list[str]]) -> dict[str, str | None]:
        """The format for each result kind: the worker knows the kind once it has parsed the query.
        format= (SPARQLWrapper, Virtuoso) or output= (Fuseki); a graph asked for as "json" is JSON-LD."""
        requested = (params.get("format") or params.get("output") or [""])[0].lower()
        chosen = {}
        for kind, media, valid in (("select", SOLUTION_MEDIA, {"json", "xml", "csv", "tsv", "html"}),
                                   ("graph", GRAPH_MEDIA, {"turtle", "jsonld", "ntriples", "rdfxml", "html"})):
            if requested:
                asked = GRAPH_FORMAT_ALIASES.get(requested, requested) if kind == "graph" else requested
                chosen[kind] = media.get(asked) or (asked if asked in valid else None)
            else:
                best = negotiate.choose(request.headers.get("accept"), list(media))
                chosen[kind] = media[best] if best else None
        chosen["ask"] = chosen["select"]
        return chosen

    async def sparql(self, request: Any) -> Any:
        from starlette.responses import Response

        parsed = await self._sparql_params(request)
        if not isinstance(parsed, tuple):
            return parsed
        params, query = parsed
        if query is None:
            if "update" in params:
                return text(403, "SPARQL Update is not accepted: this endpoint is read-only")
            return self._service_description(request)
        if not query.strip():
            return text(400, "the query is empty")
        if any(v for v in params.get("default-graph-uri", []) + params.get("named-graph-uri", [])):
            return text(400, "this endpoint has one default graph: default-graph-uri and named-graph-uri are not supported")
        formats = self._choose_formats(request, params)
        if formats["select"] is None and formats["graph"] is None:
            return text(406, NOT_ACCEPTABLE)
        if formats["select"] == "html" and formats["graph"] in ("html", None):
            return await self._html_results(query, request)
        headers = self._limit_headers()
        try:
            answer = await self.pool.run(query, formats, client_of(request))
        except QueryError as exc:
            status, message = error_status(exc)
            extra = {"Retry-After": "2"} if status == 503 and not isinstance(exc, Timeout) else {}
            return text(status, message, {**headers, **extra})
        if answer.chosen == "html":
            return await self._html_page(query, _answer_to_result(answer), None, 200)
        headers["X-SPARQL-Truncated"] = "true" if answer.truncated else "false"
        headers["X-SPARQL-Result-Count"] = str(answer.count)
        headers["Vary"] = "Accept"
        media = (results.GRAPH_FORMATS if answer.kind == "graph" else results.SOLUTION_FORMATS)[answer.chosen]
        return Response(answer.body, media_type=media, headers=headers)

    def _service_description(self, request: Any) -> Any:
        from starlette.responses import RedirectResponse, Response

        offers = ["text/turtle", "application/ld+json", "application/n-triples", "text/html"]
        chosen = negotiate.choose(request.headers.get("accept"), offers) or "text/turtle"
        if chosen == "text/html":
            return RedirectResponse("/query", 303)
        endpoint = str(request.url.replace(query="", fragment="")).rstrip("?")
        triples = service_description(self.graph, endpoint, self.settings.time_limit, self.settings.result_limit)
        fmt = {"text/turtle": "turtle", "application/ld+json": "jsonld", "application/n-triples": "ntriples"}[chosen]
        return Response(results.graph_bytes(triples, fmt, self.graph.prefixes),
                        media_type=results.GRAPH_FORMATS[fmt], headers=self._limit_headers())

    async def _html_results(self, query: str, request: Any) -> Any:
        result, error, status = None, None, 200
        try:
            answer = await self.pool.run(query, {"select": "html", "ask": "html", "graph": "html"},
                                         client_of(request))
            result = _answer_to_result(answer)
        except QueryError as exc:
            status, error = error_status(exc)
        return await self._html_page(query, result, error, status)

    async def _html_page(self, query: str, result: Any, error: str | None, status: int) -> Any:
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse

        html = await run_in_threadpool(pages.query_page, self.graph, query, result, error,
                                       self.settings.time_limit, self.settings.result_limit, saved_queries())
        return HTMLResponse(html, status_code=status, headers=self._limit_headers())

    async def query_page(self, request: Any) -> Any:
        from starlette.responses import HTMLResponse

        query = request.query_params.get("query")
        if len(request.url.query) > self.settings.max_body:
            return text(413, f"request too large: at most {self.settings.max_body} bytes of query")
        if query:
            return await self._html_results(query, request)
        example = "SELECT ?org ?label WHERE {\n  ?org a migkg:Organization ; rdfs:label ?label .\n} LIMIT 20"
        saved = saved_queries()
        return HTMLResponse(pages.query_page(self.graph, example, None, None, self.settings.time_limit,
                                             self.settings.result_limit, saved))


NOT_ACCEPTABLE = ("not acceptable: results come as JSON, XML, CSV or TSV; "
                  "graphs as Turtle, JSON-LD, N-Triples or RDF/XML")


def client_of(request: Any) -> str:
    """Who asks, for the fair share of workers: the peer address (or the proxy's X-Forwarded-For)."""
    return request.client.host if request.client else ""


def error_status(exc: QueryError) -> tuple[int, str]:
    """HTTP status and message for a query that did not run to an answer."""
    if isinstance(exc, Timeout):
        return 503, f"{exc}; simplify the query or add a LIMIT"
    if isinstance(exc, (Busy, WorkerLost)):
        return 503, str(exc)
    if isinstance(exc, ReadOnlyViolation):
        return 403, str(exc)
    if isinstance(exc, QueryTooLarge):
        return 413, str(exc)
    if isinstance(exc, NotAcceptable):
        return 406, NOT_ACCEPTABLE
    return 400, str(exc)


def _answer_to_result(answer: Any) -> Any:
    """Rebuild a Result from worker bytes (JSON results / N-Triples) for the HTML table."""
    import pyoxigraph as ox

    from migkg.store import Result

    if answer.kind == "graph":
        triples = list(ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES))
        return Result(kind="graph", triples=triples, truncated=answer.truncated)
    parsed = ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON)
    if isinstance(parsed, ox.QueryBoolean):
        return Result(kind="ask", boolean=bool(parsed))
    variables = [v.value for v in parsed.variables]
    rows = [tuple(s[v] for v in variables) for s in parsed]
    return Result(kind="select", variables=variables, rows=rows, truncated=answer.truncated)


def saved_queries() -> list[tuple[str, str]]:
    """The project's queries/*.rq as links that fill the query form."""
    from urllib.parse import urlencode

    folder = Path(__file__).resolve().parent.parent / "queries"
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.rq")):
        try:
            out.append((f"query?{urlencode({'query': path.read_text(encoding='utf-8')})}", path.stem))
        except (OSError, UnicodeDecodeError):
            continue
    return out


