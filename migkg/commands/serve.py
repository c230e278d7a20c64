"""`migkg serve`: SPARQL endpoint and linked-data pages over HTTP (Starlette + uvicorn)."""
from __future__ import annotations

import argparse
from pathlib import Path

from graph.errors import MigkgError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", type=Path, default=Path("out"),
                        help="build directory or graph file (default: out)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--base-iri", default=None,
                        help="entity base IRI, when it cannot be read from the data")
    parser.add_argument("--time-limit", type=float, default=10.0,
                        help="seconds a SPARQL query may run (default 10)")
    parser.add_argument("--result-limit", type=int, default=10000,
                        help="most rows or triples a query returns (default 10000)")
    parser.add_argument("--workers", type=int, default=2,
                        help="query worker processes (default 2)")
    parser.add_argument("--max-connections", type=int, default=1000,
                        help="open connections at most; past it a new one pushes out the longest idle, "
                             "or gets 503 when all are busy (default 1000)")
    parser.add_argument("--max-body", type=int, default=64 * 1024,
                        help="largest accepted request body or query, in bytes (default 65536)")
    parser.add_argument("--max-depth", type=int, default=64,
                        help="deepest nesting of brackets in a query (default 64)")
    parser.add_argument("--worker-memory", type=int, default=1024, metavar="MB",
                        help="memory one query may take in its worker beyond the loaded graph (default 1024)")
    parser.add_argument("--workers-per-client", type=int, default=None,
                        help="workers one client address may hold at once (default: all but one)")
    parser.add_argument("--request-timeout", type=float, default=10.0,
                        help="seconds a client has to send a whole request, head and body (default 10)")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from migkg.server import Settings, create_app

    from migkg.httpguard import guarded_protocol

    numbers = (args.time_limit, args.result_limit, args.workers, args.max_body, args.max_connections,
               args.max_depth, args.worker_memory, args.request_timeout, args.workers_per_client or 1)
    if min(numbers) <= 0:
        raise MigkgError("--time-limit, --result-limit, --workers, --max-body, --max-connections, --max-depth, "
                         "--worker-memory, --workers-per-client and --request-timeout must be positive")
    check_port(args.host, args.port)
    open_files(args.max_connections + 256)
    settings = Settings(time_limit=args.time_limit, result_limit=args.result_limit,
                        workers=args.workers, max_body=args.max_body, max_depth=args.max_depth,
                        worker_memory=args.worker_memory, workers_per_client=args.workers_per_client)
    app = create_app(args.dir, base_iri=args.base_iri, settings=settings)
    graph = app.state.graph
    print(f"migkg serve: {graph.triples} triples from {graph.source}; entities under {graph.base_iri}", flush=True)
    print(f"migkg serve: http://{args.host}:{args.port}/  (SPARQL at /sparql, entities at /id/…)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False,
                http=guarded_protocol(args.request_timeout, args.max_connections), timeout_keep_alive=5)
    return 0


def open_files(wanted: int) -> None:
    """Raise the soft limit on open files towards `wanted`, so the connection cap is the real limit."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def check_port(host: str, port: int) -> None:
    """Fail with one line before loading anything when the address cannot be bound."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise MigkgError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise MigkgError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
