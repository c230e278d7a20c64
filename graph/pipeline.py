"""The pipeline, in order: ingest → read → extract → resolve → build.

Each stage is a plain function; this module only strings them together.
Extraction runs per document (in parallel, cached: graph.parallel, graph.cache);
resolution and building run once over everything.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.build import DEFAULT_BASE, KnowledgeGraph, build
from graph.extract import registry
from graph.extract.actor_index import ActorIndex
from graph.ingest import ingest, shipped_corpus
from graph.lexicon import Lexicon, load_lexicon
from graph.model import Document, Evidence, Extraction, Relation
from graph.reading import read
from graph.relations import relate
from graph.resolve import Resolved, resolve


@dataclass(frozen=True, slots=True)
class BuildResult:
    graph: KnowledgeGraph
    documents: tuple[Document, ...]
    resolved: Resolved
    skipped: tuple = ()  # graph.parallel.Problem for each input left out (keep_going)
    cached: int = 0  # documents whose extraction came from the cache
    notes: tuple[str, ...] = ()  # one line per thing worth knowing (a guessed encoding)


def extract_document(document: Document, lexicon: Lexicon, names: Sequence[str] | None = None) -> Extraction:
    """Read one document once, run every registered extractor (or those named) on its reading,
    and return what they found with evidence in source offsets."""
    reading = read(document)                        # read
    actors = ActorIndex.of(reading, lexicon)
    out = Extraction()
    for name, extractor in registry().items():      # mentions (and the structural facts of each family)
        if names is None or name in names:
            found = extractor(reading, lexicon, actors)
            found.relations = [_stamped(r, f"extractor:{name}") for r in found.relations]
            out.extend(found)
    if names is None or "relations" in names:
        out.extend(relate(reading, out))            # relations, by the patterns of graph/data/relations.yaml
    return reading.to_source(out)


def _stamped(r: Relation, rule: str) -> Relation:
    if r.evidence.rule:
        return r
    e = r.evidence
    return Relation(r.subject, r.prop, r.object, Evidence(e.doc, e.start, e.end, e.quote, rule))


def run(documents: Iterable[Document], base: str = DEFAULT_BASE, lexicon: Lexicon | None = None) -> BuildResult:
    """Documents in, knowledge graph out (in this process, no cache)."""
    lexicon = lexicon or load_lexicon()
    docs = tuple(documents)
    extractions = [extract_document(d, lexicon) for d in docs]
    resolved = resolve(extractions, lexicon.curation)
    return BuildResult(build(resolved, docs, base), docs, resolved)


def run_files(paths: Sequence[str | Path] = (), base: str = DEFAULT_BASE, *, jobs: int = 1,
              cache_dir: Path | None = None, keep_going: bool = False, max_bytes: int | None = None,
              progress: Callable[[int], None] | None = None,
              on_files: Callable[[int], None] | None = None,
              scheduler: str | None = None) -> BuildResult:
    """Files (or the shipped corpus when none are given) in, knowledge graph out.

    Parameters
    ----------
    jobs: worker processes for reading and extraction (1 = this process).
    cache_dir: extraction cache directory (None = no cache).
    keep_going: skip unusable inputs (listed in `BuildResult.skipped`) instead of failing.
    max_bytes: largest input file accepted (default graph.parallel.DEFAULT_MAX_BYTES).
    progress / on_files: progress callbacks (files done; total files once known).
    scheduler: a Dask scheduler address: reading and extraction run on that cluster
        (graph.distributed), resolution and building here; the result is the same.

    Raises
    ------
    InputError: an input cannot be used (without keep_going), or no input could be used.
    """
    from graph.errors import InputError, MigkgError
    from graph.ingest import expand_inputs
    from graph.parallel import DEFAULT_MAX_BYTES, Problem, extract_files

    files = expand_inputs(list(paths) or [shipped_corpus()])
    if on_files:
        on_files(len(files))
    try:
        results = extract_files(files, jobs=jobs, cache_dir=cache_dir, max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                                catch_bugs=keep_going, progress=progress, scheduler=scheduler)
    except Exception as exc:
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(exc, BrokenProcessPool):
            raise MigkgError("a worker process died (out of memory?); try fewer --jobs") from None
        raise
    problems = [r for r in results if isinstance(r, Problem)]
    if problems and not keep_going:
        raise InputError(problems[0].reason)
    done = [r for r in results if not isinstance(r, Problem)]
    if not done:
        raise InputError("no usable input: " + "; ".join(p.reason for p in problems))
    docs = tuple(r.document for r in done)
    resolved = resolve((r.extraction for r in done), load_lexicon().curation)
    return BuildResult(build(resolved, docs, base), docs, resolved, tuple(problems),
                       sum(1 for r in done if r.cached), tuple(n for r in done for n in r.notes))


def run_files_serial(paths: Sequence[str | Path] = (), base: str = DEFAULT_BASE) -> BuildResult:
    """The plain serial path (ingest, then run): a reference for tests of the parallel one."""
    return run(ingest(list(paths) or [shipped_corpus()]), base)
