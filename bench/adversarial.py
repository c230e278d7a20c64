"""Extraction time on inputs built to find super-linear spots, and cost per MB as the input grows.

    python -m bench.adversarial                 # every case, each in its own process, 120 s limit each
    python -m bench.adversarial --limit 30      # a shorter limit (a case over it prints "> 30 s")
    python -m bench.adversarial --only spaces-before-name --only mr-repeated
    python -m bench.adversarial --scale         # also s/MB at 1× and 10× the shipped corpus (one document)

Each case runs `extract_document` on one invented document in a fresh process, after a warm-up
extraction of a tiny text, so the figure is the extraction alone (lexicon loading and pattern
compilation are measured apart, as "fixed"). The target of the issue: under 2 s per 100 KB on
one core for every case, and cost per MB at 10× within 1.1× of 1×.
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

_PROSE_SENTENCE = ("The Arnor Institute for Migration Studies (AIMS) organized the Third Regional Workshop on "
                   "Labour Mobility in Lima, Peru, from 3 to 5 May 2011, in collaboration with Ms. Ann Tern. ")


def _shipped() -> str:
    from graph.ingest import shipped_corpus

    return shipped_corpus().read_text(encoding="utf-8")


def _prose(size: int) -> str:
    """Varied report prose of about `size` characters (the benchmark's synthetic meeting report)."""
    from bench.synth import Corpus, report

    return report(Corpus(random.Random(7)), 2008, size)


CASES: dict[str, Callable[[], str]] = {
    "spaces-before-name": lambda: " " * 8192 + "Ann Tern, Director, Arnor Institute for Migration Studies.\n",
    "spaces-in-reference": lambda: "References\n\n" + "Tern, A." + " " * 8192 + "(2010). Migration in Arnor.\n",
    "mr-repeated": lambda: "Mr. " * 20000,
    "numbering-repeated": lambda: "1.1." * 10000,
    "open-parens": lambda: "(" * 10000,
    "resolution-list": lambda: "Recalling resolution 1/1, " + "resolution 1/1, " * 10000 + "\n",
    "acronym-defs-one-line": lambda: " ".join(f"the Office Number {i} (ONX{i})" for i in range(3000)),
    "shipped-one-line": lambda: " ".join(_shipped().split()),
    "prose-1MB": lambda: _prose(1_000_000),
    "prose-1MB-one-line": lambda: " ".join(_prose(1_000_000).split()),
    "sentence-repeated-1MB": lambda: _PROSE_SENTENCE * (1_000_000 // len(_PROSE_SENTENCE)),
}
SCALE = {"shipped-1x": lambda: _shipped(), "shipped-10x": lambda: "\n\n".join([_shipped()] * 10)}


def _run_one(name: str) -> None:
    """In a child process: build the case's text, warm up, time one extraction, print 'seconds size'."""
    from graph.ingest import make_document
    from graph.lexicon import load_lexicon
    from graph.pipeline import extract_document

    text = {**CASES, **SCALE}[name]()
    t0 = time.perf_counter()
    lexicon = load_lexicon()
    extract_document(make_document("The Workshop was held in Lima, Peru, on 3 May 2011.\n", "warm"), lexicon)
    fixed = time.perf_counter() - t0
    doc = make_document(text, "case")
    t0 = time.perf_counter()
    extract_document(doc, lexicon)
    print(f"{time.perf_counter() - t0:.4f} {len(text.encode('utf-8'))} {fixed:.4f}")


def measure(name: str, limit: float) -> tuple[float | None, int, float]:
    """(seconds or None when over the limit, input bytes, fixed cost) of one case in a fresh process."""
    try:
        p = subprocess.run([sys.executable, "-m", "bench.adversarial", "--child", name], capture_output=True,
                           text=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None, 0, 0.0
    seconds, size, fixed = p.stdout.split()
    return float(seconds), int(size), float(fixed)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=sorted({**CASES, **SCALE}), help="run only this case")
    ap.add_argument("--limit", type=float, default=120.0, help="seconds allowed per case")
    ap.add_argument("--scale", action="store_true", help="also cost per MB at 1× and 10× the shipped corpus")
    ap.add_argument("--repeat", type=int, default=1, help="runs per case (the median is printed)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _run_one(args.child)
        return 0
    names = args.only or [*CASES, *(SCALE if args.scale else ())]
    print("| case | input | extraction | per 100 KB | fixed |")
    print("|---|---|---|---|---|")
    per_mb: dict[str, float] = {}
    for name in names:
        runs = [measure(name, args.limit) for _ in range(args.repeat)]
        if any(r[0] is None for r in runs):
            print(f"| {name} | | > {args.limit:.0f} s | | |", flush=True)
            continue
        seconds = statistics.median(r[0] for r in runs)
        size, fixed = runs[0][1], statistics.median(r[2] for r in runs)
        per_mb[name] = seconds / (size / 1e6)
        print(f"| {name} | {size / 1e3:,.0f} KB | {seconds:.2f} s | {seconds / (size / 1e5):.3f} s | {fixed:.2f} s |",
              flush=True)
    if "shipped-1x" in per_mb and "shipped-10x" in per_mb:
        a, b = per_mb["shipped-1x"], per_mb["shipped-10x"]
        print(f"\ncost per MB: 1× {a:.2f} s/MB, 10× {b:.2f} s/MB, ratio {b / a:.2f} (target ≤ 1.1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
