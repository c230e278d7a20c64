"""`migkg build`: documents in, graph files out."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def _jobs(text: str) -> int:
    n = int(text)
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (all cores) or more")
    return n


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="text (.txt, .md) or PDF files, or directories of them; default: the shipped corpus")
    parser.add_argument("--out", type=Path, default=Path("out"), help="output directory (default: out/); a link to the latest complete set, kept in .DIR.migkg/ beside it")
    parser.add_argument("--base-iri", default=None,
                        help="base of entity IRIs (default: https://w3id.org/migkg/id/)")
    parser.add_argument("--format", action="append", dest="formats", metavar="NAME",
                        help="write only this format (repeatable): turtle, ntriples, jsonld, timeline, html, ontology")
    parser.add_argument("--jobs", "-j", type=_jobs, default=0, metavar="N",
                        help="worker processes for reading and extraction (default 0 = one per core)")
    parser.add_argument("--no-cache", action="store_true",
                        help="build everything again: no cached extractions, no skipping an up-to-date build")
    parser.add_argument("--cache-dir", type=Path, default=None,
                        help="extraction cache (default: $MIGKG_CACHE_DIR, else $XDG_CACHE_HOME/migkg or ~/.cache/migkg)")
    parser.add_argument("--keep-going", "-k", action="store_true",
                        help="skip inputs that cannot be used, build the rest, list what was skipped "
                             "(exit status 2 when anything was skipped)")
    parser.add_argument("--max-input-mb", type=float, default=128.0, metavar="MB",
                        help="refuse input files larger than this, before reading them (default 128)")
    parser.add_argument("--executor", choices=("local", "dask"), default="local",
                        help="where documents are read and extracted: local processes (default) or a "
                             "Dask distributed cluster (needs migkg[dask]; see docs/scale.md)")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="the Dask scheduler for --executor dask, e.g. tcp://10.0.0.5:8786 "
                             "(default: $DASK_SCHEDULER_ADDRESS)")
    parser.add_argument("--quiet", action="store_true", help="print no summary and no progress bar")


class _Progress:
    """A progress bar on a terminal for multi-document builds; nothing otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar = None

    def start(self, total: int) -> None:
        if self.enabled and total > 1:
            try:
                from tqdm import tqdm
            except ImportError:
                return
            self.bar = tqdm(total=total, unit="doc", desc="extracting", file=sys.stderr, leave=False)

    def step(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _summary(result, files, seconds: float) -> str:
    from graph.build import counts

    kg = result.graph
    nodes, edges = counts(kg)
    cached = f" ({result.cached} from cache)" if result.cached else ""
    lines = [f"migkg build: {len(result.documents)} document(s){cached}, {kg.number_of_nodes()} nodes, "
             f"{kg.number_of_edges()} edges in {seconds:.2f} s", "nodes per class:"]
    lines += [f"  {cls:32s} {n:6d}" for cls, n in nodes.items()]
    lines.append("edges per property:")
    lines += [f"  {prop:32s} {n:6d}" for prop, n in edges.items()]
    lines.append("wrote: " + ", ".join(str(f) for f in files))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from exports import outset

    def waiting() -> None:
        print(f"migkg build: waiting for another build into {args.out} to finish", file=sys.stderr)

    with outset.locked(args.out, on_wait=waiting) as target:
        return _build(args, target)


def _build(args: argparse.Namespace, target: Path) -> int:
    """The build proper, holding the output folder's lock."""
    from exports import replace_set
    from graph.build import DEFAULT_BASE
    from graph.cache import default_dir
    from graph.errors import InputError
    from graph.ingest import expand_inputs, shipped_corpus
    from graph.parallel import default_jobs
    from graph.pipeline import run_files
    from graph.resolve import write_merges
    from graph.uptodate import build_key, record, up_to_date

    t0 = time.perf_counter()
    scheduler = None
    if args.executor == "dask":
        from graph.distributed import scheduler_address

        scheduler = scheduler_address(args.scheduler)
    elif args.scheduler:
        raise InputError("--scheduler is for --executor dask")
    base = args.base_iri or DEFAULT_BASE
    cache_dir = None if args.no_cache else (args.cache_dir or default_dir())
    inputs = expand_inputs(list(args.inputs) or [shipped_corpus()])
    key = build_key(inputs, base, args.formats) if cache_dir else None  # --no-cache: always build
    done = up_to_date(target, key) if key else None
    if done is not None:
        for note in done.get("notes", []):
            print(f"migkg build: note: {note}", file=sys.stderr)
        if not args.quiet:
            print(f"migkg build: {args.out} is up to date (same inputs, options and code); "
                  f"checked in {time.perf_counter() - t0:.2f} s")
            print(done.get("summary", ""))
        return 0
    progress = _Progress(not args.quiet and sys.stderr.isatty())
    try:
        result = run_files(inputs, base=base, jobs=args.jobs or default_jobs(),
                           cache_dir=cache_dir, keep_going=args.keep_going,
                           max_bytes=int(args.max_input_mb * 1024 * 1024),
                           progress=progress.step, on_files=progress.start, scheduler=scheduler)
    finally:
        progress.close()
    kg = result.graph
    extra = {"merges.tsv": lambda p: write_merges(result.resolved.merges, p)}
    summary = ""

    def finish(folder: Path, names: list[str]) -> None:
        # The summary and the manifest belong to the set, so they are written before the switch.
        nonlocal summary
        summary = _summary(result, [args.out / n for n in names], time.perf_counter() - t0)
        if key and not result.skipped:  # a build with problems is never skipped: they are re-reported
            record(folder, key, [folder / n for n in names], summary, result.notes)

    replace_set(kg, target, args.formats, extra, finish)
    for note in result.notes:
        print(f"migkg build: note: {note}", file=sys.stderr)
    for problem in result.skipped:
        print(f"migkg build: skipped {problem.reason}", file=sys.stderr)
    if not args.quiet:
        print(summary)
    if result.skipped:
        print(f"migkg build: {len(result.skipped)} input(s) skipped; outputs built from the other "
              f"{len(result.documents)}", file=sys.stderr)
        return 2
    return 0
