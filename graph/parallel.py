"""Read and extract many documents independently, in a pool of worker processes.

Each file is one task. With a cache, hits are answered first, in this process,
from a hash of the file's bytes; the other files go to the workers, largest
first (so one big file does not finish last alone), and each worker reads,
extracts and caches its file. Results are returned in input order, so the
merged result does not depend on the number of workers or on which worker
finished first. A file that cannot be used becomes a `Problem` (one line naming
the file) instead of stopping the other workers; the caller decides whether a
problem is fatal (`--keep-going` or not).
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputError
from graph.model import Document, Extraction

DEFAULT_MAX_BYTES = 128 * 1024 * 1024  # one input file; past this a file is refused, not read


@dataclass(frozen=True, slots=True)
class Task:
    path: str
    doc_id: str  # slug of the file name; a duplicate name gets its checksum appended in the worker
    duplicate_name: bool
    cache_key: str | None = None  # set by the parent when a cache is in use


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that was skipped, with the one-line reason (which names the file)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Extracted:
    document: Document
    extraction: Extraction
    cached: bool
    notes: tuple[str, ...] = ()  # one line each, e.g. "x.txt: not UTF-8; decoded as cp1252"


@dataclass(frozen=True, slots=True)
class Settings:
    cache_dir: str | None
    max_bytes: int
    catch_bugs: bool  # keep going past an extractor crash too (reported as a problem)


def default_jobs() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def plan(files: Sequence[Path]) -> list[Task]:
    """Tasks with deterministic document ids (same rule as graph.ingest.ingest)."""
    from graph.ingest import duplicate_names
    from graph.refs import slug

    later = duplicate_names(files)
    return [Task(str(f), slug(f.stem), f in later) for f in files]


def read_document(task: Task, max_bytes: int = DEFAULT_MAX_BYTES, notes: list[str] | None = None) -> Document:
    """The Document of one task; InputError names the file when it cannot be used.

    Warnings raised while reading (a legacy encoding was guessed) are appended to `notes`.
    """
    notes = notes if notes is not None else []
    import warnings

    from graph.ingest import document_id, make_document, read_text

    path = Path(task.path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise InputError(f"{path}: {size / 2**20:.0f} MB is over the {max_bytes / 2**20:.0f} MB limit per input "
                         "(split the file, or raise --max-input-mb)")
    if path.suffix.lower() == ".pdf":
        import logging

        logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its log lines would garble the one-line error
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # recorded, and reported by the parent as notes
        try:
            text = read_text(path)
        except MemoryError:
            raise InputError(f"{path}: too large to hold in memory") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    notes.extend(str(w.message) for w in caught)
    return make_document(text, document_id(path, text, task.duplicate_name), task.path)


def _process(task: Task, settings: Settings) -> Extracted | Problem:
    """Read and extract one file, in whichever process runs it; fill the cache on the way."""
    from graph.cache import ExtractionCache
    from graph.lexicon import load_lexicon
    from graph.pipeline import extract_document

    notes: list[str] = []
    try:
        document = read_document(task, settings.max_bytes, notes)
    except InputError as exc:
        return Problem(task.path, str(exc))
    try:
        extraction = extract_document(document, load_lexicon())
    except Exception as exc:
        if not settings.catch_bugs:
            raise
        return Problem(task.path, f"{task.path}: extraction failed ({type(exc).__name__}: {exc})")
    if settings.cache_dir and task.cache_key:
        ExtractionCache(Path(settings.cache_dir)).put(task.cache_key, document, extraction, tuple(notes))
    return Extracted(document, extraction, False, tuple(notes))


# Worker-side state: set once per worker by the pool initializer.
_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool


def _worker(task: Task) -> Extracted | Problem:
    assert _SETTINGS is not None
    return _process(task, _SETTINGS)


def _size(task: Task) -> int:
    try:
        return Path(task.path).stat().st_size
    except OSError:
        return 0


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the already-loaded lexicon and modules with the workers; elsewhere spawn.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform == "linux" else "spawn")


def extract_files(files: Sequence[Path], jobs: int = 1, cache_dir: Path | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, catch_bugs: bool = False,
                  progress: Callable[[int], None] | None = None,
                  scheduler: str | None = None) -> list[Extracted | Problem]:
    """One result per file, in the order of `files`.

    Parameters: `jobs` worker processes (1 = in this process); `cache_dir` enables the
    extraction cache; `progress(n)` is called after each finished file; `scheduler`, a Dask
    scheduler address, sends the files that are not cached to that cluster instead
    (`graph.distributed`; `jobs` is then unused).
    """
    from dataclasses import replace

    from graph.cache import ExtractionCache, file_key

    settings = Settings(str(cache_dir) if cache_dir else None, max_bytes, catch_bugs)
    tasks = plan(files)
    results: list[Extracted | Problem | None] = [None] * len(tasks)
    if cache_dir:
        # Hits are answered here, before any worker starts: no decoding, no extraction, no IPC.
        cache = ExtractionCache(Path(cache_dir))
        for i, t in enumerate(tasks):
            try:
                small = Path(t.path).stat().st_size <= max_bytes
            except OSError:
                small = False  # the worker reports why
            key = file_key(Path(t.path), t.doc_id) if small else None
            hit = cache.get(key) if key else None
            if hit is not None:
                results[i] = Extracted(*hit[:2], True, hit[2])
                if progress:
                    progress(1)
            tasks[i] = replace(t, cache_key=key)
    todo = [i for i, r in enumerate(results) if r is None]
    if scheduler is not None:
        if todo:
            from graph.distributed import extract_on_cluster

            extract_on_cluster(tasks, todo, settings, scheduler, results, progress, _size)
        return results  # type: ignore[return-value]
    jobs = max(1, min(jobs, len(todo)))
    if jobs == 1:
        for i in todo:
            results[i] = _process(tasks[i], settings)
            if progress:
                progress(1)
        return results  # type: ignore[return-value]
    from graph.lexicon import load_lexicon

    load_lexicon()  # once, before forking, so workers share it
    from concurrent.futures import ProcessPoolExecutor

    # ProcessPoolExecutor (not multiprocessing.Pool): a worker that dies raises here instead of hanging.
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init_worker, initargs=(settings,))
    try:
        from concurrent.futures import FIRST_COMPLETED, wait

        futures = {pool.submit(_worker, tasks[i]): i for i in sorted(todo, key=lambda i: -_size(tasks[i]))}
        pending = set(futures)
        while pending:
            # wake up now and then: Ctrl-C may reach one of the pool's own threads, and the main
            # thread only sees it once it runs again
            done, pending = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
            for fut in sorted(done, key=futures.__getitem__):
                results[futures[fut]] = fut.result()
                if progress:
                    progress(1)
    except BaseException:
        # Ctrl-C or a failure: stop now rather than wait for the documents in progress.
        procs = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.join(timeout=5)
        raise
    pool.shutdown(wait=True)
    return results  # type: ignore[return-value]
