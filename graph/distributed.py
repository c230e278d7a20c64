"""Read and extract documents on a Dask distributed cluster; resolve and write stay on the client.

Each document is one task, as in `graph.parallel`: the client answers cache hits itself,
sends the rest (largest first) to the scheduler, and puts each result back in input order,
so the graph is the one a local build makes, byte for byte. Workers only read and extract:
they write nothing, and the client fills the extraction cache, so a cache on the client's
disk serves later local and cluster builds alike. Workers read the input files by path, so
the paths must be the same on every worker (a shared file system, or the same checkout).

Why Dask and not Ray: the work is a bag of independent, coarse tasks (one document,
seconds each) whose inputs and results are small Python records; Dask's `Client.submit`
and `as_completed` are exactly that, its scheduler runs from the same Python package
(`dask-scheduler`, `dask-worker`), and `LocalCluster` lets the tests run a real cluster of
processes on 127.0.0.1. Ray would add a daemon and an object store the tasks do not need.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from graph.errors import InputError, MigkgError
from graph.parallel import Extracted, Problem, Settings, Task

ENV_SCHEDULER = "DASK_SCHEDULER_ADDRESS"
CONNECT_TIMEOUT = "20s"


def scheduler_address(given: str | None) -> str:
    """The scheduler to use: the option, else $DASK_SCHEDULER_ADDRESS; one clear error otherwise."""
    address = given or os.environ.get(ENV_SCHEDULER)
    if not address:
        raise InputError(f"--executor dask needs the scheduler's address: --scheduler ADDRESS "
                         f"(e.g. tcp://10.0.0.5:8786) or ${ENV_SCHEDULER}")
    return address


def _remote(task: Task, settings: Settings) -> tuple[str, Extracted | Problem]:
    """What a worker runs for one document: (its code version, the extraction or the problem)."""
    from graph.cache import code_version
    from graph.parallel import _process

    return code_version(), _process(task, settings)


def _client(address: str):  # type: ignore[no-untyped-def]
    try:
        from distributed import Client
    except ImportError:
        raise MigkgError("--executor dask needs Dask: pip install 'migkg[dask]'") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise MigkgError(f"cannot reach the Dask scheduler at {address}: "
                         f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    except ValueError as exc:  # a malformed address
        raise InputError(f"--scheduler {address}: {exc}") from None


def extract_on_cluster(tasks: Sequence[Task], todo: Sequence[int], settings: Settings, address: str,
                       results: list, progress: Callable[[int], None] | None = None,
                       size: Callable[[Task], int] | None = None) -> None:
    """Fill `results[i]` for every index in `todo` by running the task on the cluster.

    The cache (if any) is filled here, on the client, from the workers' results.
    Raises MigkgError when the scheduler cannot be reached or a worker runs other code.
    """
    from distributed import KilledWorker, as_completed

    from graph.cache import ExtractionCache, code_version

    remote_settings = Settings(None, settings.max_bytes, settings.catch_bugs)  # workers write nothing
    cache = ExtractionCache(Path(settings.cache_dir)) if settings.cache_dir else None
    here = code_version()
    order = sorted(todo, key=lambda i: -size(tasks[i])) if size else list(todo)
    client = _client(address)
    futures: dict = {}
    try:
        futures = {client.submit(_remote, tasks[i], remote_settings, pure=False,
                                 key=f"migkg-extract-{i}-{os.getpid()}-{id(tasks)}"): i for i in order}
        for fut in as_completed(futures, loop=client.loop):
            i = futures[fut]
            try:
                version, result = fut.result()
            except KilledWorker:
                raise MigkgError(f"{tasks[i].path}: the Dask workers extracting it died (out of memory?)") from None
            if version != here:
                raise MigkgError(f"the Dask workers run other migkg code or dictionaries (version {version}, "
                                 f"here {here}); install the same migkg on every worker")
            if isinstance(result, Extracted) and cache is not None and tasks[i].cache_key:
                cache.put(tasks[i].cache_key, result.document, result.extraction, result.notes)
            results[i] = result
            if progress:
                progress(1)
    except BaseException:
        for fut in futures:
            fut.cancel()
        raise
    finally:
        client.close()
