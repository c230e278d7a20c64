"""Query worker processes: the only way to really stop a runaway SPARQL query.

pyoxigraph cannot cancel a query, so the server never evaluates user SPARQL in
its own process. Each worker loads the graph once and answers (query, format,
limit) messages over a pipe with ready-to-send bytes; when a query overruns its
time limit the worker is killed and a fresh one is started in its place.
"""
from __future__ import annotations

import asyncio
import logging
import os
import pickle
import select
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import QueryError

log = logging.getLogger("migkg.workers")


@dataclass(frozen=True)
class Answer:
    kind: str  # select | ask | graph
    body: bytes
    count: int
    truncated: bool


class Busy(QueryError):
    """All workers stayed busy longer than the queue wait."""


class Timeout(QueryError):
    """The query ran past the time limit and its worker was stopped."""


class WorkerLost(QueryError):
    """The worker process died under a query (killed from outside, out of memory)."""


def _serve(source: str, base_iri: str | None, inp: Any, out: Any) -> None:
    """Worker loop: load once, then answer framed messages until stdin closes."""
    from migkg import results, store

    graph = store.load(source, base_iri=base_iri)
    _write(out, ("ready", graph.triples))
    while True:
        try:
            query, fmt, limit = _read(inp)
        except EOFError:
            return
        try:
            result = store.execute(graph.store, query, graph.prefixes, limit=limit)
            chosen = fmt[result.kind]
            body = results.render(result, chosen, graph.prefixes)
            reply: tuple = ("ok", result.kind, chosen, body, len(result), result.truncated)
        except QueryError as exc:
            reply = ("error", exc.__class__.__name__, str(exc))
        except Exception as exc:  # never let one query take the worker down silently
            reply = ("error", "InternalError", f"{exc.__class__.__name__}: {' '.join(str(exc).split())[:300]}")
        _write(out, reply)


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

    def __init__(self, source: Path, base_iri: str | None):
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "migkg.workers", str(source), base_iri or ""],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, env=env,
        )

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
    """A fixed number of workers shared by all requests; waiting requests queue in order."""

    def __init__(self, source: Path, base_iri: str | None = None, size: int = 2,
                 time_limit: float = 10.0, result_limit: int = 10000, queue_wait: float = 30.0):
        self.source, self.base_iri, self.size = source, base_iri, size
        self.time_limit, self.result_limit, self.queue_wait = time_limit, result_limit, queue_wait
        self._idle: asyncio.Queue[Worker] | None = None
        self._all: set[Worker] = set()
        self.started = 0

    def _spawn(self) -> Worker:
        worker = Worker(self.source, self.base_iri)
        worker.wait_ready(120)
        self._all.add(worker)
        self.started += 1
        return worker

    async def start(self) -> None:
        import anyio

        self._idle = asyncio.Queue()
        workers = [Worker(self.source, self.base_iri) for _ in range(self.size)]
        for w in workers:
            await anyio.to_thread.run_sync(w.wait_ready, 120)
            self._all.add(w)
            self.started += 1
            self._idle.put_nowait(w)

    async def _replace(self, dead: Worker) -> None:
        import anyio

        self._all.discard(dead)
        try:
            worker = await anyio.to_thread.run_sync(self._spawn)
        except Exception:  # the pool runs one short; later queries still have the others
            log.exception("could not start a replacement query worker")
            return
        assert self._idle is not None
        self._idle.put_nowait(worker)

    async def run(self, query: str, formats: dict[str, str]) -> Answer:
        """Answer a query in the format chosen per result kind (`{"select": "json", …}`).

        Raises Timeout, Busy or QueryError (syntax, read-only violation).
        """
        import anyio

        assert self._idle is not None, "QueryPool.start() was not awaited"
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.queue_wait)
        except asyncio.TimeoutError:
            raise Busy("the server is busy; try again shortly") from None
        try:
            reply = await anyio.to_thread.run_sync(
                worker.call, (query, formats, self.result_limit), self.time_limit
            )
        except Timeout:
            asyncio.get_running_loop().create_task(self._replace(worker))
            raise
        except (EOFError, OSError):
            worker.kill()
            asyncio.get_running_loop().create_task(self._replace(worker))
            raise WorkerLost("the query worker stopped unexpectedly; try again") from None
        self._idle.put_nowait(worker)
        if reply[0] == "error":
            _, kind, message = reply
            if kind == "ReadOnlyViolation":
                from migkg.sparqlcheck import ReadOnlyViolation

                raise ReadOnlyViolation(message)
            if kind == "InternalError":
                raise RuntimeError(message)
            raise QueryError(message)
        _, kind, _chosen, body, count, truncated = reply
        return Answer(kind=kind, body=body, count=count, truncated=truncated)

    def close(self) -> None:
        for worker in list(self._all):
            worker.kill()
        self._all.clear()



def main(argv: list[str]) -> None:
    """Entry point of a worker process: argv = [graph source, base IRI or ""]."""
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stray prints must never corrupt the message stream
    _serve(argv[0], argv[1] or None, inp, out)


if __name__ == "__main__":
    main(sys.argv[1:])
