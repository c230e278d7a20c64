"""Build benchmarks: `migkg build` on synthetic corpora of growing size, the cache, start-up, HTML.

Builds run as separate processes (start-up included, as a user runs them), with
a fresh extraction cache for the first build and the same cache for the second.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.measure import RunStats, median_time, run_command
from bench.synth import SHIPPED_BYTES, generate
from exports import outset

ROOT = Path(__file__).resolve().parent.parent


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def migkg(*args: str) -> list[str]:
    return [sys.executable, "-m", "migkg", *args]


def corpus(work: Path, scale: float) -> tuple[Path, float]:
    """The synthetic corpus at `scale` × the shipped corpus (generated once per work dir); (dir, MB)."""
    d = work / f"corpus-{scale:g}x"
    if not (d / ".complete").exists():
        shutil.rmtree(d, ignore_errors=True)
        generate(d, int(scale * SHIPPED_BYTES))
        (d / ".complete").write_text("")
    mb = sum(f.stat().st_size for f in d.glob("*.txt")) / 1e6
    return d, mb


@dataclass(frozen=True, slots=True)
class BuildRow:
    scale: float
    files: int
    mb: float
    triples: int
    cold: RunStats  # first build, empty cache
    unchanged: RunStats  # the same build again: outputs are up to date
    cached: RunStats  # into a fresh output folder: every extraction from the cache

    @property
    def cost_per_mb(self) -> float:
        return self.cold.seconds / self.mb


def _triples(nt: Path) -> int:
    with nt.open("rb") as f:
        return sum(1 for _ in f)


def build_scale(work: Path, scale: float, jobs: int | None = None) -> BuildRow:
    d, mb = corpus(work, scale)
    out, cache = work / f"out-{scale:g}x", work / f"cache-{scale:g}x"
    shutil.rmtree(cache, ignore_errors=True)
    outset.remove(out)
    opts = ["--cache-dir", str(cache), "--quiet"] + (["--jobs", str(jobs)] if jobs else [])
    cold = run_command(migkg("build", str(d), "--out", str(out), *opts), env=_env())
    if cold.returncode != 0:
        raise RuntimeError(f"build failed at {scale}x: {cold.stderr.strip()}")
    unchanged = run_command(migkg("build", str(d), "--out", str(out), *opts), env=_env())
    fresh = work / f"out-{scale:g}x-again"
    outset.remove(fresh)
    cached = run_command(migkg("build", str(d), "--out", str(fresh), *opts), env=_env())
    return BuildRow(scale, len(list(d.glob("*.txt"))), mb, _triples(out / "graph.nt"), cold, unchanged, cached)


def reports(work: Path, n: int = 8) -> list[Path]:
    """`n` distinct reports of similar size (~28 KB each)."""
    import random

    from bench.synth import Corpus, report

    d = work / "reports"
    if not (d / ".complete").exists():
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        c = Corpus(random.Random(7))
        for i in range(n):
            (d / f"report-{i}.txt").write_text(report(c, 2001 + i, 28_000), encoding="utf-8")
        (d / ".complete").write_text("")
    return sorted(d.glob("report-*.txt"))


def report_scaling(work: Path, repeat: int = 3) -> tuple[float, float]:
    """(mean seconds of each report built alone, seconds per report when the 8 are built together).

    Extraction, resolution and graph, in process, one worker, no cache. Comparing each
    report alone with the same reports together isolates the cost of a growing corpus
    from differences between reports.
    """
    from graph.pipeline import run_files

    files = reports(work)
    run_files(files[:1])  # warm imports and the lexicon
    alone = statistics.mean(median_time(lambda f=f: run_files([f], jobs=1), repeat) for f in files)
    together = median_time(lambda: run_files(files, jobs=1), repeat)
    return alone, together / len(files)


def shipped_one_core(work: Path, repeat: int = 3) -> float:
    """End-to-end `migkg build` of the shipped corpus, all exports, pinned to one core, no cache."""
    out = work / "out-shipped"
    cmd = migkg("build", "--out", str(out), "--jobs", "1", "--no-cache", "--quiet")
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    times = []
    for _ in range(repeat):
        r = run_command(cmd, env=_env())
        if r.returncode != 0:
            raise RuntimeError(f"shipped build failed: {r.stderr.strip()}")
        times.append(r.seconds)
    return statistics.median(times)


QUERY = ('PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> '
         'SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(CONTAINS(LCASE(?label), "migration")) }')

BARE = """import sys
from pyoxigraph import RdfFormat, Store
s = Store()
s.load(path=sys.argv[1], format=RdfFormat.TURTLE)
for row in s.query(sys.argv[2]):
    print(*(t.value for t in row), sep="\\t")
"""


def query_startup(work: Path, repeat: int = 5) -> tuple[float, float, str]:
    """(migkg query s, bare pyoxigraph script s, label) on the shipped corpus's graph.ttl, whole processes."""
    ttl = work / "out-shipped" / "graph.ttl"
    if not ttl.exists():
        shipped_one_core(work, 1)
    bare = [sys.executable, "-c", BARE, str(ttl), QUERY]
    ours = migkg("query", QUERY, "--graph", str(ttl), "--format", "tsv")
    label = "migkg query"
    probe = subprocess.run(ours, env=_env(), capture_output=True)
    if probe.returncode != 0:  # the query command is not wired yet
        return float("nan"), float("nan"), f"migkg query (not available: {probe.stderr.decode().strip()[:60]})"

    def timed(cmd):
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            subprocess.run(cmd, env=_env(), stdout=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    return timed(ours), timed(bare), label


def html_rows(work: Path) -> list[tuple[int, float, int]]:
    """(nodes, seconds, bytes) for exports.html.write_html on synthetic graphs of 1k and 10k nodes."""
    from bench.graphs import synthetic_kg_nodes
    from exports.html import write_html

    rows = []
    for n in (1_000, 10_000):
        kg = synthetic_kg_nodes(n)
        path = work / f"graph-{n}.html"
        t0 = time.perf_counter()
        write_html(kg, path)
        rows.append((kg.number_of_nodes(), time.perf_counter() - t0, path.stat().st_size))
    return rows
