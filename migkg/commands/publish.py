"""`migkg publish`: load the graph into an external SPARQL store (Graph Store Protocol)."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from graph.errors import MigkgError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="graph file (.nt, .ttl, .jsonld) or build directory")
    parser.add_argument("--endpoint", help="the store's Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store)")
    parser.add_argument("--graph", default=None, help="named graph IRI to replace (default graph when omitted)")
    parser.add_argument("--update-endpoint", default=None,
                        help="SPARQL Update URL, used when the store has no Graph Store endpoint")
    parser.add_argument("--query-endpoint", default=None,
                        help="SPARQL query URL; when given, the triples in the store are counted afterwards")
    parser.add_argument("--user", default=None,
                        help="user name for HTTP basic auth; the password is read from MIGKG_STORE_PASSWORD")
    parser.add_argument("--auth-scheme", choices=("basic", "digest"), default="basic",
                        help="HTTP auth scheme for --user (Virtuoso's /sparql-graph-crud-auth wants digest)")
    parser.add_argument("--param", action="append", default=[], metavar="NAME[=VALUE]",
                        help="extra URL parameter for the Graph Store endpoint, repeatable; e.g. "
                             "`--param no_transaction` makes Oxigraph bulk-load (much faster, not atomic)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for the store (default 600)")


def run(args: argparse.Namespace) -> int:
    from migkg.publish import publish

    auth = None
    if args.user:
        password = os.environ.get("MIGKG_STORE_PASSWORD")
        if password is None:
            raise MigkgError("--user needs the password in the MIGKG_STORE_PASSWORD environment variable")
        import httpx

        auth = httpx.DigestAuth(args.user, password) if args.auth_scheme == "digest" else httpx.BasicAuth(args.user, password)
    params = dict(p.partition("=")[::2] for p in args.param)
    report = publish(args.file, args.endpoint, graph=args.graph, update_endpoint=args.update_endpoint,
                     query_endpoint=args.query_endpoint, auth=auth, timeout=args.timeout, params=params)
    target = f"graph <{report.graph}>" if report.graph else "the default graph"
    line = (f"migkg publish: {report.triples} triples ({report.bytes_sent / 1e6:.1f} MB) into {target} "
            f"by {'Graph Store Protocol' if report.method == 'graph-store' else 'SPARQL Update'} "
            f"in {report.seconds:.1f} s")
    if report.store_triples is not None:
        line += f"; the store now holds {report.store_triples} triples there"
    print(line)
    if report.store_triples is not None and report.store_triples != report.triples:
        raise MigkgError(f"the store holds {report.store_triples} triples, the file {report.triples}")
    return 0
