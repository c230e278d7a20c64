"""Bounded load of `migkg serve`, quiet and under attack: do ordinary requests still get through?

Starts a server on a free loopback port and sends the same mix of ordinary
requests (small SPARQL queries and entity pages, from --clients loopback
addresses 127.0.0.x, at most --concurrency in flight) twice: once quiet, once
while one hostile address sends runaway, memory-hungry, slow-to-parse, deep and
SERVICE queries and another holds --idle-sockets half-sent requests open
(reopening, a second later, each one the server closes). Prints, for the ordinary requests of
each phase, errors, p50/p99 and requests/s, and what the attacks got back; then
how long the guard takes on growing hostile texts (it must grow linearly) and
how long a page takes while a slow check runs. Run from the project root:

    python bench/serve_load.py [GRAPH_DIR] [--requests 3000] [--concurrency 300]
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.load_test import percentile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOG = Path(tempfile.gettempdir()) / "migkg-serve-load.log"  # the server's own output, read at the end
ORDINARY = [
    ("select", "SELECT ?s ?label WHERE { ?s a ?t ; rdfs:label ?label } LIMIT 50", "application/sparql-results+json"),
    ("count", "SELECT ?t (COUNT(?s) AS ?n) WHERE { ?s a ?t } GROUP BY ?t ORDER BY DESC(?n)", "text/csv"),
    ("construct", "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l } LIMIT 100", "text/turtle"),
    ("ask", "ASK { ?s a migkg:Organization }", "application/sparql-results+json"),
]
HOSTILE = [
    ("runaway", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
    ("memory", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY STR(?c) STR(?f) LIMIT 1"),
    ("slow-parse", "SELECT * WHERE { ?s ?p ?o FILTER(?o IN (" + "1," * 20000 + "1)) }"),
    ("deep", "SELECT * WHERE " + "{" * 4000),
    ("service", "SELECT * WHERE { ?s ?p ?o # x\rSERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } \n }"),
]


@dataclass
class Phase:
    outcomes: list[tuple[str, int, float]] = field(default_factory=list)
    hostile: Counter = field(default_factory=Counter)
    idle_opened: int = 0
    wall: float = 0.0


async def ordinary(clients: list[httpx.AsyncClient], entities: list[str], requests: int,
                   concurrency: int, phase: Phase) -> None:
    gate = asyncio.Semaphore(concurrency)

    async def one(i: int) -> None:
        client = clients[i % len(clients)]
        async with gate:
            started = time.perf_counter()
            try:
                if i % 5 == 4:
                    kind = "page"
                    r = await client.get(entities[i % len(entities)], headers={"Accept": "text/turtle"},
                                         follow_redirects=True)
                else:
                    kind, query, accept = ORDINARY[i % len(ORDINARY)]
                    r = await client.get("/sparql", params={"query": query}, headers={"Accept": accept})
                status = r.status_code
            except httpx.HTTPError:
                kind, status = "transport", 0
            phase.outcomes.append((kind, status, time.perf_counter() - started))

    await asyncio.gather(*(one(i) for i in range(requests)))


async def hostile_queries(url: str, port: int, stop: asyncio.Event, phase: Phase, parallel: int) -> None:
    transport = httpx.AsyncHTTPTransport(local_address="127.0.0.200")
    async with httpx.AsyncClient(base_url=url, timeout=120, transport=transport) as client:
        names = itertools.cycle(HOSTILE)

        async def loop() -> None:
            while not stop.is_set():
                name, query = next(names)
                try:
                    r = await client.post("/sparql", content=query.replace("{port}", str(port)),
                                          headers={"Content-Type": "application/sparql-query"})
                    phase.hostile[f"{name} {r.status_code}"] += 1
                except httpx.HTTPError as exc:
                    phase.hostile[f"{name} {exc.__class__.__name__}"] += 1

        await asyncio.gather(*(loop() for _ in range(parallel)))


async def idle_sockets(port: int, count: int, stop: asyncio.Event, phase: Phase) -> None:
    async def hold() -> None:
        while not stop.is_set():
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=("127.0.0.201", 0))
            except OSError:
                await asyncio.sleep(0.5)
                continue
            phase.idle_opened += 1
            writer.write(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            try:
                while not stop.is_set():
                    if await asyncio.wait_for(reader.read(100), 1.0) == b"":
                        break
            except asyncio.TimeoutError:
                pass
            except OSError:
                pass
            finally:
                writer.close()
            await asyncio.sleep(1.0)  # then open another one in its place

    async def until_stopped() -> None:
        tasks = [asyncio.create_task(hold()) for _ in range(count)]
        await stop.wait()
        await asyncio.gather(*tasks, return_exceptions=True)

    await until_stopped()


async def run_phase(url: str, args: argparse.Namespace, entities: list[str], attack: bool,
                    service_port: int) -> Phase:
    phase = Phase()
    per = max(1, args.concurrency // args.clients)
    clients = [httpx.AsyncClient(base_url=url, timeout=120,
                                 limits=httpx.Limits(max_connections=per, max_keepalive_connections=per),
                                 transport=httpx.AsyncHTTPTransport(local_address=f"127.0.0.{10 + i}"))
               for i in range(args.clients)]
    stop = asyncio.Event()
    background = []
    port = int(url.rsplit(":", 1)[1])
    if attack:
        background = [asyncio.create_task(idle_sockets(port, args.idle_sockets, stop, phase)),
                      asyncio.create_task(hostile_queries(url, service_port, stop, phase, args.hostile))]
        await asyncio.sleep(3)  # let the attack take hold first
    started = time.perf_counter()
    try:
        await ordinary(clients, entities, args.requests, args.concurrency, phase)
    finally:
        phase.wall = time.perf_counter() - started
        stop.set()
        await asyncio.gather(*background, return_exceptions=True)
        for c in clients:
            await c.aclose()
    return phase


def report(name: str, phase: Phase) -> float:
    ms = [s * 1000 for _, _, s in phase.outcomes]
    errors = sum(1 for _, status, _ in phase.outcomes if status != 200)
    p99 = percentile(ms, 99)
    print(f"{name:>7}: {len(ms)} ordinary requests, errors {errors} "
          f"{dict(Counter(st for _, st, _ in phase.outcomes))}, p50 {statistics.median(ms):.0f} ms, "
          f"p99 {p99:.0f} ms, {len(ms) / phase.wall:.0f} req/s")
    if phase.hostile or phase.idle_opened:
        print(f"         attack: {phase.idle_opened} idle sockets opened; hostile answers {dict(phase.hostile)}")
    return p99


def guard_timings() -> None:
    from migkg import sandbox, sparqlcheck

    sandbox.run_in_query_thread(sparqlcheck.check, "ASK {}")  # build the parser outside the figures
    print("guard on hostile texts (seconds; linear means each doubling about doubles):")
    for name, make in (("digits", lambda n: "SELECT * WHERE { ?s ?p " + "1" * n + " }"),
                       ("quotes", lambda n: "SELECT * WHERE { ?s ?p ?o } #" + "\"'<" * (n // 3)),
                       ("brackets", lambda n: "SELECT * WHERE { FILTER(" + "(1)" * (n // 3) + ") }")):
        row = []
        for n in (8000, 16000, 32000, 64000):
            text = make(n)
            started = time.perf_counter()
            try:
                sandbox.run_in_query_thread(sparqlcheck.check, text, sparqlcheck.Limits(max_chars=10 ** 6))
            except Exception:
                pass
            row.append(f"{n // 1000}k {time.perf_counter() - started:.3f}")
        print(f"  {name:>8}: " + ", ".join(row))


def page_during_slow_check(url: str, entity: str) -> None:
    slow = HOSTILE[2][1]
    done = threading.Event()

    def query() -> None:
        httpx.post(url + "/sparql", content=slow, headers={"Content-Type": "application/sparql-query"}, timeout=120)
        done.set()

    started = time.perf_counter()
    threading.Thread(target=query, daemon=True).start()
    time.sleep(0.3)
    t = time.perf_counter()
    httpx.get(url + entity, headers={"Accept": "text/turtle"}, follow_redirects=True, timeout=60)
    page = time.perf_counter() - t
    done.wait(120)
    print(f"a page during a slow check: page {page * 1000:.0f} ms, the check's query "
          f"{time.perf_counter() - started:.1f} s")


async def entity_paths(url: str) -> list[str]:
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        r = await client.get("/sparql", params={"query": "SELECT DISTINCT ?s WHERE { ?s a ?t "
                                                          "FILTER(?t != rdf:Statement) } LIMIT 200"},
                             headers={"Accept": "application/sparql-results+json"})
        r.raise_for_status()
    return ["/id/" + b["s"]["value"].split("/id/", 1)[1] for b in r.json()["results"]["bindings"]
            if "/id/" in b["s"]["value"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", type=Path, default=ROOT / "out", help="build directory (default: out)")
    parser.add_argument("--requests", type=int, default=3000, help="ordinary requests per phase")
    parser.add_argument("--concurrency", type=int, default=300)
    parser.add_argument("--clients", type=int, default=10, help="loopback addresses the ordinary load comes from")
    parser.add_argument("--hostile", type=int, default=6, help="hostile queries in flight at once")
    parser.add_argument("--idle-sockets", type=int, default=1100)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if args.requests > 10000 or args.concurrency > 1000 or args.idle_sockets > 2000:
        raise SystemExit("bounded: at most 10000 requests, 1000 in flight, 2000 idle sockets")

    import resource

    from tests.serving import start_migkg, stop

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    process, url = start_migkg(args.graph, "--workers", str(args.workers), log=LOG)
    try:
        entities = asyncio.run(entity_paths(url))
        print(f"serve load on {url}: {args.requests} ordinary requests a phase from {args.clients} addresses, "
              f"{args.concurrency} in flight; attack = {args.hostile} hostile queries in flight + "
              f"{args.idle_sockets} idle sockets")
        quiet = report("quiet", asyncio.run(run_phase(url, args, entities, False, listener.getsockname()[1])))
        attacked = report("attack", asyncio.run(run_phase(url, args, entities, True, listener.getsockname()[1])))
        print(f"p99 under attack / quiet p99: {attacked / quiet:.2f}")
        contacts = 0
        while True:
            try:
                listener.accept()[0].close()
                contacts += 1
            except OSError:
                break
        print(f"connections the SERVICE target received: {contacts}")
        page_during_slow_check(url, entities[0])
    finally:
        stop(process)
        listener.close()
    lines = LOG.read_text(errors="replace").splitlines()
    print(f"server log: {len(lines)} lines; worker replacements failed: "
          f"{sum('could not start a replacement' in line for line in lines)}")
    guard_timings()
    return 0


if __name__ == "__main__":
    sys.exit(main())
