"""Run every benchmark and print one Markdown report (also written to a file).

    python -m bench.run                 # default sizes: a few minutes
    python -m bench.run --full          # adds 1M triples and the 100× corpus
    python -m bench.run --only rdf      # one part: build, rdf, query, html

Figures are medians of repeated runs on the current machine; ratios compare
each engine with pyoxigraph used directly, in the same run.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import tempfile
from pathlib import Path

PARTS = ("build", "rdf", "query", "html")


def _ms(s: float) -> str:
    return f"{s * 1000:,.0f} ms" if s >= 0.1 else f"{s * 1000:.1f} ms"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b > 0 else "–"


def build_section(work: Path, full: bool, lines: list[str]) -> None:
    from bench.buildbench import build_scale, report_scaling, shipped_one_core

    scales = (1, 10, 100) if full else (1, 10)
    rows = []
    for s in scales:
        print(f"… build {s}×", file=sys.stderr)
        rows.append(build_scale(work, s))
    lines += ["## Build (`migkg build`, all exports, one worker per core)", "",
              "| corpus | files | MB | triples | first build | per MB | peak RSS (largest process / all) | "
              "again, unchanged | again, new --out (all cached) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r.scale:g}× | {r.files} | {r.mb:.1f} | {r.triples:,} | {r.cold.seconds:.2f} s | "
                     f"{r.cost_per_mb:.2f} s/MB | {r.cold.peak_process_mb:,.0f} / {r.cold.peak_tree_mb:,.0f} MB | "
                     f"{r.unchanged.seconds:.2f} s ({r.cold.seconds / r.unchanged.seconds:.0f}× faster) | "
                     f"{r.cached.seconds:.2f} s ({r.cold.seconds / r.cached.seconds:.1f}× faster) |")
    if len(rows) >= 3:
        lines.append(f"\nCost per MB at 100× / at 10×: **{rows[2].cost_per_mb / rows[1].cost_per_mb:.2f}** "
                     "(target ≤ 1.2).")
    else:
        lines.append(f"\nCost per MB at 10× / at 1×: **{rows[1].cost_per_mb / rows[0].cost_per_mb:.2f}** "
                     "(100× with --full; target at 100×/10× ≤ 1.2).")
    print("… per-report cost, shipped corpus on one core", file=sys.stderr)
    one, per8 = report_scaling(work)
    shipped = shipped_one_core(work)
    lines += ["", f"- Cost per report, in process (extract + resolve + graph): each of 8 distinct reports built "
              f"alone {_ms(one)} on average, the 8 built together {_ms(per8)} per report → "
              f"**{per8 / one:.2f}×** (target ≤ 1.2).",
              f"- Shipped corpus end to end, all exports, one core, no cache: **{shipped:.2f} s** "
              "(target < 3 s).", ""]


def rdf_section(work: Path, full: bool, with_rdflib: bool, lines: list[str]) -> None:
    from bench import rdfbench

    sizes = (10_000, 100_000, 1_000_000) if full else (10_000, 100_000)
    for n in sizes:
        print(f"… RDF {n:,} triples", file=sys.stderr)
        actual, ts = rdfbench.run(n, repeat=3, with_rdflib=with_rdflib)
        ox = ts[0]
        engines = [ts[1], *ts[2:], ox]
        lines += [f"## RDF at {actual:,} triples", "",
                  "| operation | " + " | ".join(e.engine for e in engines) + " |",
                  "|---|" + "---:|" * len(engines)]
        total = {e.engine: 0.0 for e in engines}
        for op in ox.ops:
            cells = []
            for e in engines:
                v = e.ops.get(op)
                if v is None:
                    cells.append("–")
                    continue
                cells.append(_ms(v) if e is ox else f"{_ms(v)} ({_ratio(v, ox.ops[op])})")
                if op in rdfbench.QUERIES:
                    total[e.engine] += v
            lines.append(f"| {op} | " + " | ".join(cells) + " |")
        q = ["–" if not total[e.engine] else
             f"{_ms(total[e.engine])}" + ("" if e is ox else f" ({_ratio(total[e.engine], total[ox.engine])})")
             for e in engines]
        lines += ["| five queries, summed | " + " | ".join(q) + " |", ""]


def query_section(work: Path, lines: list[str]) -> None:
    from bench.buildbench import query_startup

    print("… query start-up", file=sys.stderr)
    ours, bare, label = query_startup(work)
    lines += ["## A query from the shell (whole process, shipped corpus's graph.ttl)", "",
              "| command | time |", "|---|---:|", f"| {label} | {_ms(ours)} ({_ratio(ours, bare)}) |",
              f"| bare pyoxigraph script | {_ms(bare)} |", ""]


def html_section(work: Path, lines: list[str]) -> None:
    from bench.buildbench import html_rows

    print("… graph.html", file=sys.stderr)
    lines += ["## graph.html (`exports.html.write_html`)", "", "| nodes | time | size |", "|---:|---:|---:|"]
    for n, s, size in html_rows(work):
        lines.append(f"| {n:,} | {_ms(s)} | {size / 1e6:.2f} MB |")
    lines.append("")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--full", action="store_true", help="also 1M triples and the 100× corpus (slow: rdflib)")
    ap.add_argument("--only", choices=PARTS, action="append", help="run only this part (repeatable)")
    ap.add_argument("--no-rdflib", action="store_true", help="skip rdflib (the slow column)")
    ap.add_argument("--work", type=Path, default=None, help="scratch directory (default: a temporary one)")
    ap.add_argument("--output", type=Path, default=Path(__file__).parent / "results.md",
                    help="Markdown file to write (default: bench/results.md)")
    args = ap.parse_args(argv)
    parts = args.only or PARTS
    with tempfile.TemporaryDirectory(prefix="migkg-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        import pyoxigraph
        import rdflib

        lines = ["# migkg benchmark", "",
                 f"{datetime.date.today().isoformat()} · Python {platform.python_version()} · "
                 f"{os.cpu_count()} cores · pyoxigraph {pyoxigraph.__version__} · rdflib {rdflib.__version__}"
                 f"{' · full sizes' if args.full else ''}", ""]
        if "build" in parts:
            build_section(work, args.full, lines)
        if "rdf" in parts:
            rdf_section(work, args.full, not args.no_rdflib, lines)
        if "query" in parts:
            query_section(work, lines)
        if "html" in parts:
            html_section(work, lines)
    text = "\n".join(lines)
    print(text)
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"(written to {args.output})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
