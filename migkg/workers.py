"""Query worker processes: the only way to really stop a runaway SPARQL query.

pyoxigraph cannot cancel a query, so the server never parses or evaluates user
SPARQL in its own process (its event loop stays free for pages). Each worker
loads the graph once and answers (query, formats, limit) messages over a pipe
with ready-to-send bytes; when a query overruns its time limit the worker is
killed and a fresh one is started in its place. A worker has no network
(seccomp), a memory cap beyond its loaded graph, a large stack for its query
thread, and exits when the server that started it is gone.
"""
from __future__ import annotations

import asyncio
import collections
import logging
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import QueryError
from migkg.fairshare import FairShare

log = logging.getLogger("migkg.workers")


@dataclass(frozen=True)
class Answer:
    kind: str  # select | ask | graph
    body: bytes
    count: int
    truncated: bool
    chosen: str = ""  # the format asked for; "html" means body is HTML_DATA for a page


class Busy(QueryError):
    """All workers stayed busy longer than the queue wait."""


class Timeout(QueryError):
    """The query ran past the time limit and its worker was stopped."""


class WorkerLost(QueryError):
    """The worker process died under a query (killed from outside, out of memory)."""


class OutOfMemory(WorkerLost):
    """The query needed more memory than a worker may take."""


class NotAcceptable(QueryError):
    """The result kind has no format the client accepts."""


@dataclass(frozen=True)
class WorkerLimits:
    """What each worker process may use."""

    memory_mb: int = 1024  # beyond the loaded graph
    max_chars: int = 64 * 1024
    max_depth: int = 64


# Evaluation errors carry the engine's own words (for SERVICE, even a remote
# body): the client gets a fixed sentence, the server log the details.
EVALUATION_FAILED = "the query could not be evaluated (the server log has the details)"
# How the worker's answer renders the HTML page's data: the server builds the page.
HTML_DATA = {"select": "json", "ask": "json", "graph": "ntriples"}


def _answer(graph: Any, message: tuple, limits: Any) -> tuple:
    from migkg import results, store

    query, formats, limit = message
    try:
        result = store.execute(graph.store, query, graph.prefixes, limit=limit, limits=limits)
        chosen = formats.get(result.kind)
        if chosen is None:
            raise NotAcceptable(f"not acceptable: no format the client accepts for a {result.kind} result")
        body = results.render(result, HTML_DATA[result.kind] if chosen == "html" else chosen, graph.prefixes)
        return ("ok", result.kind, chosen, body, len(result), result.truncated)
    except MemoryError:
        return ("error", "OutOfMemory", "")
    except QueryError as exc:
        if str(exc).startswith("query failed:"):
            print(f"migkg worker: {exc}", file=sys.stderr, flush=True)
            return ("error", "QueryError", EVALUATION_FAILED)
        return ("error", exc.__class__.__name__, str(exc))
    except Exception as exc:  # never let one query take the worker down silently
        print(f"migkg worker: {exc.__class__.__name__}: {' '.join(str(exc).split())[:300]}",
              file=sys.stderr, flush=True)
        return ("error", "InternalError", "")


def _serve(source: str, base_iri: str | None, limits: WorkerLimits, inp: Any, out: Any) -> None:
    """Worker loop: load once, cap memory, then answer framed messages until stdin closes."""
    from migkg import sandbox, sparqlcheck, store

    graph = store.load(source, base_iri=base_iri)
    sparqlcheck.check("ASK {}")  # build the parser now, not in the first query's time
    sandbox.limit_memory(limits.memory_mb * 1024 * 1024)
    query_limits = sparqlcheck.Limits(max_chars=limits.max_chars, max_depth=limits.max_depth)
    _write(out, ("ready", graph.triples))
    while True:
        try:
            message = _read(inp)
        except EOFError:
            return
        _write(out, _answer(graph, message, query_limits))


def _write(stream: Any, message: tuple) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(data)) + data)
    stream.flush()


def _read_exactly(stream: Any, n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _read(stream: Any) -> tuple:
    (size,) = struct.unpack(">Q", _read_exactly(stream, 8))
    return pickle.loads(_read_exactly(stream, size))  # only ever from our own child/parent


class Worker:
    """One child process (`python -m migkg.workers`) talking length-prefixed pickles on stdio.

    A plain subprocess rather than multiprocessing: it never re-imports the
    caller's __main__, whatever script started the server.
    """

    def __init__(self, source: Path, base_iri: str | None, limits: WorkerLimits | None = None):
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        env.pop("RUST_BACKTRACE", None)  # a dying worker says one line, not a backtrace
        self.limits = limits or WorkerLimits()
        lim = self.limits
        self.process = subprocess.Popen(
            [sys.executable, "-m", "migkg.workers", str(source), base_iri or "", str(os.getpid()),
             str(lim.memory_mb), str(lim.max_chars), str(lim.max_depth)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0, env=env,
        )
        self.last_words: collections.deque[str] = collections.deque(maxlen=20)
        threading.Thread(target=self._relay_stderr, name="migkg-worker-log", daemon=True).start()

    def _relay_stderr(self) -> None:
        """Pass the worker's messages on to the server log, keeping the last few for a post-mortem."""
        for raw in self.process.stderr:  # type: ignore[union-attr]
            line = raw.decode("utf-8", "replace").rstrip()
            if line:
                self.last_words.append(line)
                log.warning("%s", line)
        self.process.stderr.close()  # type: ignore[union-attr]

    def died_of_memory(self) -> bool:
        """Whether the worker ended because an allocation failed under its memory cap."""
        try:
            self.process.wait(2)
        except subprocess.TimeoutExpired:
            return False
        time.sleep(0.05)  # let the relay read the last line
        return any("memory allocation of" in w or "MemoryError" in w for w in self.last_words)

    def _poll(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        return bool(ready)

    def wait_ready(self, timeout: float) -> None:
        if not self._poll(timeout):
            self.kill()
            raise QueryError("a query worker did not start in time")
        try:
            message = _read(self.process.stdout)
        except EOFError:
            raise QueryError("a query worker failed to start (see the log above)") from None
        if message[0] != "ready":
            raise QueryError("a query worker failed to start")

    def call(self, message: tuple, timeout: float) -> tuple:
        """Send one query; the reply, or Timeout after killing the worker."""
        _write(self.process.stdin, message)
        if not self._poll(timeout):
            self.kill()
            raise Timeout(f"query stopped after the time limit of {timeout:g} s")
        return _read(self.process.stdout)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(5)
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass


class QueryPool:
    """A fixed number of workers shared by all requests, fairly between clients (`migkg.fairshare`)."""

    def __init__(self, source: Path, base_iri: str | None = None, size: int = 2,
                 time_limit: float = 10.0, result_limit: int = 10000, queue_wait: float = 30.0,
                 limits: WorkerLimits | None = None, per_client: int | None = None):
        self.source, self.base_iri, self.size = source, base_iri, size
        self.time_limit, self.result_limit, self.queue_wait = time_limit, result_limit, queue_wait
        self.limits = limits or WorkerLimits()
        self.per_client = per_client or max(1, size - 1)
        self._share: FairShare[Worker] | None = None
        self._all: set[Worker] = set()
        self.started = 0

    def _new_worker(self) -> Worker:
        return Worker(self.source, self.base_iri, self.limits)

    async def start(self) -> None:
        import anyio

        self._share = FairShare(self.per_client)
        workers = [self._new_worker() for _ in range(self.size)]
        for w in workers:
            await anyio.to_thread.run_sync(w.wait_ready, 120)
            self._all.add(w)
            self.started += 1
            self._share.add(w)

    async def _replace(self, dead: Worker) -> None:
        import anyio

        self._all.discard(dead)
        try:
            worker = self._new_worker()
            await anyio.to_thread.run_sync(worker.wait_ready, 120)
        except Exception:  # the pool runs one short; later queries still have the others
            log.exception("could not start a replacement query worker")
            return
        self._all.add(worker)
        self.started += 1
        assert self._share is not None
        self._share.add(worker)

    async def run(self, query: str, formats: dict[str, str | None], client: str = "") -> Answer:
        """Answer a query in the format chosen per result kind (`{"select": "json", …}`).

        `client` names who asks (an address), for the fair share of workers.
        Raises Timeout, Busy, OutOfMemory, WorkerLost or QueryError (syntax,
        read-only violation, limits, not acceptable).
        """
        import anyio

        assert self._share is not None, "QueryPool.start() was not awaited"
        try:
            worker = await self._share.acquire(client, self.queue_wait)
        except asyncio.TimeoutError:
            raise Busy("the server is busy; try again shortly") from None
        try:
            reply = await anyio.to_thread.run_sync(
                worker.call, (query, formats, self.result_limit), self.time_limit
            )
        except Timeout:
            self._share.release(client, None)
            asyncio.get_running_loop().create_task(self._replace(worker))
            raise
        except (EOFError, OSError):
            self._share.release(client, None)
            memory = await anyio.to_thread.run_sync(worker.died_of_memory)
            worker.kill()
            asyncio.get_running_loop().create_task(self._replace(worker))
            if memory:
                raise self._out_of_memory() from None
            raise WorkerLost("the query worker stopped unexpectedly; try again") from None
        self._share.release(client, worker)
        if reply[0] == "error":
            _, kind, message = reply
            raise self._error(kind, message)
        _, kind, chosen, body, count, truncated = reply
        return Answer(kind=kind, body=body, count=count, truncated=truncated, chosen=chosen)

    def _out_of_memory(self) -> OutOfMemory:
        return OutOfMemory(f"query stopped: it needed more than the memory limit of {self.limits.memory_mb} MB "
                           "per query; simplify it or add a LIMIT")

    def _error(self, kind: str, message: str) -> Exception:
        from migkg import sparqlcheck

        if kind == "OutOfMemory":
            return self._out_of_memory()
        if kind == "InternalError":
            return RuntimeError("a query worker failed (the server log has the details)")
        known = {"ReadOnlyViolation": sparqlcheck.ReadOnlyViolation, "QueryTooLarge": sparqlcheck.QueryTooLarge,
                 "QueryTooDeep": sparqlcheck.QueryTooDeep, "QuerySyntaxError": sparqlcheck.QuerySyntaxError,
                 "NotAcceptable": NotAcceptable}
        return known.get(kind, QueryError)(message)

    def close(self) -> None:
        for worker in list(self._all):
            worker.kill()
        self._all.clear()


def _watch_parent(parent: int, serving: threading.Thread) -> None:
    """Main thread of a worker: exit when the server is gone (even mid-query) or the loop ends."""
    from migkg import sandbox

    while serving.is_alive():
        if not sandbox.parent_alive(parent):
            os._exit(0)
        serving.join(0.25)


def main(argv: list[str]) -> None:
    """Entry point of a worker process.

    argv = [graph source, base IRI or "", server pid, memory MB, max query chars, max depth].
    """
    from migkg import sandbox

    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stray prints must never corrupt the message stream
    source, base_iri, parent = argv[0], argv[1] or None, int(argv[2])
    limits = WorkerLimits(*(int(a) for a in argv[3:6]))
    if not sandbox.parent_alive(parent):
        return
    sandbox.deny_network(all_threads=True)
    try:  # queries yield the CPU to the server itself, so pages stay quick under a heavy query
        os.nice(5)
    except OSError:
        pass
    serving = sandbox.start_big_stack_thread(lambda: _serve(source, base_iri, limits, inp, out), "migkg-serve")
    _watch_parent(parent, serving)


if __name__ == "__main__":
    main(sys.argv[1:])
