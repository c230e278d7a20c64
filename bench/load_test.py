"""Bounded load test of `migkg serve`: concurrent SPARQL and linked-data requests on 127.0.0.1.

Starts a server on a free loopback port (or uses --url, which must be loopback),
fires --requests requests with at most --concurrency in flight from this
process, and prints status counts and latency figures. Exit status 1 when any
request failed. Run from the project root:

    python bench/load_test.py [GRAPH_DIR] --requests 400 --concurrency 300
"""
from __future__ import annotations

import argparse
import asyncio
import ipaddress
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A mix like an analyst's session: small SELECTs, an aggregate, a CONSTRUCT, entity pages.
QUERIES = [
    ("select", "SELECT ?s ?label WHERE { ?s a ?t ; rdfs:label ?label } LIMIT 50", "application/sparql-results+json"),
    ("count", "SELECT ?t (COUNT(?s) AS ?n) WHERE { ?s a ?t } GROUP BY ?t ORDER BY DESC(?n)", "text/csv"),
    ("construct", "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l } LIMIT 100", "text/turtle"),
    ("ask", "ASK { ?s a migkg:Organization }", "application/sparql-results+json"),
]


@dataclass
class Outcome:
    kind: str
    status: int
    seconds: float
    error: str = ""


def loopback_only(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        ok = ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = host == "localhost"
    if not ok:
        raise SystemExit(f"refusing to load-test {host}: this tool only talks to 127.0.0.1")


async def one(client: httpx.AsyncClient, i: int, entities: list[str], gate: asyncio.Semaphore) -> Outcome:
    async with gate:
        started = time.perf_counter()
        try:
            if entities and i % 5 == 4:
                kind = "entity"
                r = await client.get(entities[i % len(entities)], headers={"Accept": "text/turtle"},
                                     follow_redirects=True)
            else:
                kind, query, accept = QUERIES[i % len(QUERIES)]
                r = await client.get("/sparql", params={"query": query}, headers={"Accept": accept})
            return Outcome(kind, r.status_code, time.perf_counter() - started)
        except httpx.HTTPError as exc:
            return Outcome("error", 0, time.perf_counter() - started, f"{exc.__class__.__name__}: {exc}")


async def entity_paths(client: httpx.AsyncClient) -> list[str]:
    r = await client.get("/sparql", params={"query": "SELECT DISTINCT ?s WHERE { ?s a ?t FILTER(?t != rdf:Statement) } LIMIT 200"},
                         headers={"Accept": "application/sparql-results+json"})
    r.raise_for_status()
    paths = []
    for b in r.json()["results"]["bindings"]:
        iri = b["s"]["value"]
        if "/id/" in iri:
            paths.append("/id/" + iri.split("/id/", 1)[1])
    return paths


async def run_load(url: str, requests: int, concurrency: int) -> list[Outcome]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=60.0, limits=limits) as client:
        entities = await entity_paths(client)
        gate = asyncio.Semaphore(concurrency)
        return await asyncio.gather(*(one(client, i, entities, gate) for i in range(requests)))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1)))))
    return ordered[k]


def summarize(outcomes: list[Outcome], wall: float) -> dict:
    ms = [o.seconds * 1000 for o in outcomes]
    return {
        "requests": len(outcomes),
        "errors": sum(1 for o in outcomes if o.status != 200),
        "statuses": dict(Counter(o.status for o in outcomes)),
        "kinds": dict(Counter(o.kind for o in outcomes)),
        "wall_s": wall,
        "throughput_rps": len(outcomes) / wall if wall else 0.0,
        "p50_ms": statistics.median(ms),
        "p90_ms": percentile(ms, 90),
        "p99_ms": percentile(ms, 99),
        "max_ms": max(ms),
        "first_error": next((o.error or f"HTTP {o.status} on {o.kind}" for o in outcomes if o.status != 200), ""),
    }


def start_server(graph: Path, workers: int) -> tuple[object, str]:
    from tests.serving import start_migkg

    return start_migkg(graph, "--workers", str(workers))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", type=Path, default=ROOT / "out", help="build directory (default: out)")
    parser.add_argument("--url", help="an already running server on 127.0.0.1 (default: start one)")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2, help="query workers of the started server")
    args = parser.parse_args(argv)
    if args.requests > 5000 or args.concurrency > 1000:
        raise SystemExit("bounded load test: at most 5000 requests and 1000 in flight")

    process = None
    if args.url:
        url = args.url.rstrip("/")
    else:
        process, url = start_server(args.graph, args.workers)
    loopback_only(url)
    try:
        started = time.perf_counter()
        outcomes = asyncio.run(run_load(url, args.requests, args.concurrency))
        figures = summarize(outcomes, time.perf_counter() - started)
    finally:
        if process is not None:
            from tests.serving import stop

            stop(process)  # type: ignore[arg-type]
    print(f"load test on {url}: {figures['requests']} requests, {args.concurrency} in flight at most")
    print(f"  statuses {figures['statuses']}  mix {figures['kinds']}")
    print(f"  errors {figures['errors']}")
    print(f"  latency ms: p50 {figures['p50_ms']:.1f}  p90 {figures['p90_ms']:.1f}  "
          f"p99 {figures['p99_ms']:.1f}  max {figures['max_ms']:.1f}")
    print(f"  wall {figures['wall_s']:.2f} s, {figures['throughput_rps']:.0f} requests/s")
    if figures["errors"]:
        print(f"  first error: {figures['first_error']}")
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
