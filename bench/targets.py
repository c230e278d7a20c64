"""The targets of "fast at every size", each measured beside its anchor in one run.

    python -m bench.targets            # every target (about five minutes on 2 shared cores)
    python -m bench.targets --quick    # leaves out the 10x corpus and the serving load

Prints one Markdown table: target, migkg's figure, the anchor (the same work done by a
reference tool, or the target itself), the ratio, and met / MISSED. Whole commands run as
separate processes, as a user runs them; medians of repeated runs. Times are CPU seconds
(user + system) of the measured process, which on a one-core job equal its wall time on an
idle machine: on a shared machine the wall time also counts waiting for other people's
work, which made the same build read 5 s or 15 s within an hour. Serving is measured in
requests per second (wall clock), against Oxigraph's server in the same run.
"""
from __future__ import annotations

import argparse
import asyncio
import filecmp
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.buildbench import BARE, QUERY, _env, corpus, migkg  # noqa: E402


@dataclass(frozen=True, slots=True)
class Row:
    target: str
    figure: str
    anchor: str
    ratio: str
    met: bool | None  # None: not measured here

    def cells(self) -> list[str]:
        verdict = "n/a" if self.met is None else ("met" if self.met else "MISSED")
        return [self.target, self.figure, self.anchor, self.ratio, verdict]


def _timed(cmd: list[str], repeat: int, check: bool = True) -> float:
    """Median CPU seconds (user + system) of a command, over `repeat` runs."""
    times = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


# ------------------------------------------------------------------------------------------
# 1. extraction


def extraction_seconds(files: list[Path]) -> tuple[float, float]:
    """(seconds, MB) of reading + extraction over `files` in this process, fixed costs paid before."""
    from graph.lexicon import load_lexicon
    from graph.parallel import plan, read_document
    from graph.pipeline import extract_document

    lexicon = load_lexicon()
    docs = [read_document(t) for t in plan(files)]
    t0 = time.process_time()
    for d in docs:
        extract_document(d, lexicon)
    return time.process_time() - t0, sum(f.stat().st_size for f in files) / 1e6


def fixed_costs() -> str:
    """Imports, lexicon and the first extraction of a one-line document, in a fresh process."""
    code = (
        "import time; t0 = time.process_time()\n"
        "from graph.pipeline import extract_document; from graph.lexicon import load_lexicon\n"
        "from graph.ingest import make_document\n"
        "t1 = time.process_time(); lex = load_lexicon(); t2 = time.process_time()\n"
        "extract_document(make_document('The meeting was held in Geneva.', 'probe', 'probe.txt'), lex)\n"
        "t3 = time.process_time()\n"
        "print(f'{t1 - t0:.2f} {t2 - t1:.2f} {t3 - t2:.2f}')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True, text=True, check=True)
    imports, lexicon, first = out.stdout.split()
    return f"imports {imports} s, lexicon {lexicon} s, first document (patterns compiled) {first} s"


def extraction_rows(work: Path, quick: bool) -> list[Row]:
    from graph.ingest import expand_inputs, shipped_corpus

    shipped = expand_inputs([shipped_corpus()])
    extraction_seconds(shipped[:1])  # warm: imports, lexicon, compiled patterns
    secs, mb = min(extraction_seconds(shipped) for _ in range(3))
    per_mb = secs / mb
    rows = [Row("extraction, shipped corpus, one core: ≤ 3 s/MB", f"{per_mb:.1f} CPU s/MB ({secs:.2f} s, {mb:.2f} MB)",
                "3 s/MB", f"{per_mb / 3:.2f}×", per_mb <= 3)]
    if not quick:
        one, _ = corpus(work, 1)
        ten, _ = corpus(work, 10)
        s1, m1 = extraction_seconds(sorted(one.glob("*.txt")))
        s10, m10 = extraction_seconds(sorted(ten.glob("*.txt")))
        ratio = (s10 / m10) / (s1 / m1)
        rows.append(Row("extraction cost per MB at 10× within 1.1× of 1×", f"{s10 / m10:.1f} s/MB at 10×",
                        f"{s1 / m1:.1f} s/MB at 1×", f"{ratio:.2f}×", ratio <= 1.1))
    rows.append(Row("  fixed costs, measured apart (not in the figures above)", fixed_costs(), "", "", None))
    return rows


# ------------------------------------------------------------------------------------------
# 2. start-up


def startup_rows(work: Path) -> list[Row]:
    out = work / "out-shipped"
    build = _timed(migkg("build", "--out", str(out), "--jobs", "1", "--no-cache", "--quiet"), 3)
    ttl = out / "graph.ttl"
    ours = migkg("query", QUERY, "--graph", str(ttl), "--format", "tsv")
    bare = [sys.executable, "-c", BARE, str(ttl), QUERY]
    ours_s, bare_s = [], []
    for _ in range(3):  # interleaved, so load on the machine hits both alike
        ours_s.append(_timed(ours, 5))
        bare_s.append(_timed(bare, 5))
    q, b = statistics.median(ours_s), statistics.median(bare_s)
    return [
        Row("`migkg query` whole process ≤ 1.3× a bare pyoxigraph script", f"{q * 1000:.0f} ms CPU",
            f"bare script {b * 1000:.0f} ms CPU", f"{q / b:.2f}×", q / b <= 1.3),
        Row("`migkg build` shipped corpus, one core, no cache, end to end ≤ 2 s", f"{build:.2f} s CPU", "2 s",
            f"{build / 2:.2f}×", build <= 2),
    ]


# ------------------------------------------------------------------------------------------
# 3. serving


SELECTS = [
    "SELECT ?s ?label WHERE { ?s a ?t ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 50",
    "SELECT ?t (COUNT(?s) AS ?n) WHERE { ?s a ?t } GROUP BY ?t ORDER BY DESC(?n)",
    'SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(CONTAINS(?l, "Migration")) }',
]


async def _load(url: str, requests: int, clients: int) -> float:
    """Requests per second of the SELECT mix at `clients` concurrent clients."""
    import httpx

    done = 0

    async def client(c: httpx.AsyncClient) -> None:
        nonlocal done
        while done < requests:
            q = SELECTS[done % len(SELECTS)]
            done += 1
            r = await c.get(url, params={"query": q}, headers={"Accept": "application/sparql-results+json"})
            r.raise_for_status()

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=60, limits=limits) as c:
        for q in SELECTS:  # warm: connections, caches
            (await c.get(url, params={"query": q})).raise_for_status()
        t0 = time.perf_counter()
        await asyncio.gather(*(client(c) for _ in range(clients)))
        return requests / (time.perf_counter() - t0)


def serving_rows(work: Path) -> list[Row]:
    from tests.serving import free_port, start_migkg, stop, wait_for

    nt = work / "out-shipped" / "graph.nt"
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(oxigraph).exists():
        return [Row("`migkg serve` ≥ 0.8× `oxigraph serve-read-only` req/s", "not measured", "no oxigraph binary",
                    "", None)]
    store = work / "oxigraph-store"
    shutil.rmtree(store, ignore_errors=True)
    subprocess.run([oxigraph, "load", "--location", str(store), "--file", str(nt)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = free_port()
    ox = subprocess.Popen([oxigraph, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ours, url = start_migkg(nt.parent)
    rows = []
    try:
        wait_for(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", ox)
        for clients, requests in ((1, 150), (50, 600)):
            a = asyncio.run(_load(url + "/sparql", requests, clients))
            b = asyncio.run(_load(f"http://127.0.0.1:{port}/query", requests, clients))
            rows.append(Row(f"`migkg serve` ≥ 0.8× `oxigraph serve-read-only`, {clients} client(s)",
                            f"{a:.0f} req/s", f"{b:.0f} req/s", f"{a / b:.2f}×", a / b >= 0.8))
    finally:
        stop(ours)
        stop(ox)
    return rows


# ------------------------------------------------------------------------------------------
# 4. validate, 5. Dask, 6. HTML


def validate_rows(work: Path) -> list[Row]:
    ttl = work / "out-shipped" / "graph.ttl"
    if not ttl.is_file():
        raise RuntimeError("no shipped build to validate (the start-up step writes it)")
    ours = _timed(migkg("validate", str(ttl)), 3)
    slow = _timed(migkg("validate", "--engine", "pyshacl", str(ttl)), 1)
    return [Row("`migkg validate` shipped graph ≤ 3 s", f"{ours:.2f} s CPU", f"pySHACL engine {slow:.2f} s CPU",
                f"{ours / 3:.2f}× of target", ours <= 3)]


def dask_rows(work: Path) -> list[Row]:
    try:
        from distributed import LocalCluster
    except ImportError:
        return [Row("`migkg build --executor dask`: byte-identical to a local build", "not measured",
                    "dask[distributed] not installed", "", None)]
    files, _ = corpus(work, 1)
    inputs = [str(p) for p in sorted(files.glob("*.txt"))]
    local, remote = work / "out-local", work / "out-dask"
    t0 = time.perf_counter()
    subprocess.run(migkg("build", *inputs, "--out", str(local), "--no-cache", "--quiet"), env=_env(), check=True)
    local_s = time.perf_counter() - t0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=50) as cluster:
        t0 = time.perf_counter()
        subprocess.run(migkg("build", *inputs, "--out", str(remote), "--no-cache", "--quiet", "--executor", "dask",
                             "--scheduler", cluster.scheduler_address), env=_env(), check=True)
        dask_s = time.perf_counter() - t0
    names = sorted(p.name for p in local.iterdir() if p.is_file() and not p.name.startswith("."))
    same = all(filecmp.cmp(local / n, remote / n, shallow=False) for n in names)
    return [Row("`migkg build --executor dask` (LocalCluster, 2 workers): outputs byte-identical",
                f"{'identical' if same else 'DIFFERENT'}, {dask_s:.1f} s wall", f"local build {local_s:.1f} s wall",
                f"{dask_s / local_s:.2f}×", same)]


def html_rows() -> list[Row]:
    from bench.graphs import synthetic_kg_nodes
    from exports.html import write_html

    kg = synthetic_kg_nodes(10_000)
    times = []
    with tempfile.TemporaryDirectory() as d:
        for _ in range(3):
            t0 = time.process_time()
            write_html(kg, Path(d) / "graph.html")
            times.append(time.process_time() - t0)
    s = statistics.median(times)
    return [Row("graph.html, 10k nodes, written (layout included) ≤ 2 s", f"{s:.2f} s CPU", "2 s", f"{s / 2:.2f}×",
                s <= 2)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="leave out the 10× corpus and the serving load")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="migkg-targets-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    steps = [("extraction", lambda: extraction_rows(work, args.quick)), ("start-up", lambda: startup_rows(work)),
             ("validate", lambda: validate_rows(work)), ("dask", lambda: dask_rows(work)),
             ("html", html_rows)]
    if not args.quick:
        steps.insert(2, ("serving", lambda: serving_rows(work)))
    for name, step in steps:
        print(f"… {name}", file=sys.stderr, flush=True)
        rows += step()
    lines = ["| target | migkg | anchor | ratio | |", "|---|---:|---:|---:|---|"]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    print("\n".join(lines))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
