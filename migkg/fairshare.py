"""Share query workers between clients, so one client's slow queries cannot take them all.

A plain first-come queue lets a client that sends many slow queries hold every
worker until the time limit, and everyone else waits behind it. Here each
client holds at most `per_client` workers at once, and a free worker goes to
the waiting client that holds the fewest (oldest request first among equals).
"""
from __future__ import annotations

import asyncio
import itertools
from collections import Counter, deque
from typing import Generic, TypeVar

W = TypeVar("W")


class FairShare(Generic[W]):
    """Idle workers, and the requests waiting for one, per client."""

    def __init__(self, per_client: int):
        self.per_client = max(1, per_client)
        self._idle: deque[W] = deque()
        self._waiting: dict[str, deque[tuple[int, asyncio.Future[W]]]] = {}
        self._held: Counter[str] = Counter()
        self._order = itertools.count()

    @property
    def idle(self) -> int:
        return len(self._idle)

    def held(self, client: str) -> int:
        return self._held[client]

    def add(self, worker: W) -> None:
        """A new (or replacement) worker joins the idle set."""
        self._idle.append(worker)
        self._dispatch()

    def release(self, client: str, worker: W | None) -> None:
        """`client` is done with its worker; None when the worker died and is not coming back."""
        self._held[client] -= 1
        if self._held[client] <= 0:
            del self._held[client]
        if worker is not None:
            self._idle.append(worker)
        self._dispatch()

    async def acquire(self, client: str, timeout: float) -> W:
        """A worker for `client`; asyncio.TimeoutError after `timeout` seconds of waiting."""
        future: asyncio.Future[W] = asyncio.get_running_loop().create_future()
        entry = (next(self._order), future)
        self._waiting.setdefault(client, deque()).append(entry)
        self._dispatch()
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout)
        except BaseException:
            queue = self._waiting.get(client)
            if queue is not None and entry in queue:
                queue.remove(entry)
                if not queue:
                    del self._waiting[client]
            if future.done() and not future.cancelled():  # won a worker just as it gave up
                self.release(client, future.result())
            else:
                future.cancel()
            raise

    def _dispatch(self) -> None:
        while self._idle:
            eligible = [(self._held[c], q[0][0], c) for c, q in self._waiting.items()
                        if q and self._held[c] < self.per_client]
            if not eligible:
                return
            _, _, client = min(eligible)
            _, future = self._waiting[client].popleft()
            if not self._waiting[client]:
                del self._waiting[client]
            if future.done():  # cancelled meanwhile
                continue
            self._held[client] += 1
            future.set_result(self._idle.popleft())
