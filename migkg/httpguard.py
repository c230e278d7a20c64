"""Connections that send nothing useful must not lock out those that do (slowloris).

uvicorn keeps a connection that has sent half a request head for as long as the
client likes, and once `limit_concurrency` connections are open everyone else
gets 503. This protocol (uvicorn's h11 protocol with two additions) gives each
request `request_timeout` seconds to arrive in full, head and body, counted
from the connection (or from the previous response on a kept-alive one); and
when `max_connections` are open, a new connection pushes out one that is
waiting without a complete request, rather than being refused: the oldest of
the address that holds the most such connections, so a client that opens a
thousand idle sockets pushes out its own, never the kept-alive connections
of others. The newcomer is answered 503 only when every open connection is
busy with a real request.
"""
from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

BUSY_RESPONSE = (b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n"
                 b"connection: close\r\nretry-after: 2\r\ncontent-length: 43\r\n\r\n"
                 b"the server is busy; try again in a moment\r\n")


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a request-read deadline and eviction of idle connections."""

    request_timeout: float = 10.0
    max_connections: int = 1000
    # connections waiting for a complete request, by client address, oldest first
    # (one registry per configured class: one per server)
    waiting_by_address: dict[str, dict[GuardedH11Protocol, None]] = {}

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._deadline: asyncio.TimerHandle | None = None
        self._address = self.client[0] if self.client else ""
        self._arm()
        if len(self.connections) > self.max_connections:
            self._make_room()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE and self.conn.their_state is not h11.SEND_BODY:
            self._disarm()  # the whole request is in: what follows is the application's time

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    @property
    def waiting(self) -> bool:
        """Still waiting for a request to arrive in full (an idle kept-alive connection too)."""
        return self._deadline is not None

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_timeout, self._expire)
        self.waiting_by_address.setdefault(self._address, {})[self] = None

    def _disarm(self) -> None:
        deadline = getattr(self, "_deadline", None)
        if deadline is not None:
            deadline.cancel()
            self._deadline = None
            mine = self.waiting_by_address.get(self._address)
            if mine is not None:
                mine.pop(self, None)
                if not mine:
                    del self.waiting_by_address[self._address]

    def _expire(self) -> None:
        self._disarm()
        if not self.transport.is_closing():
            self.transport.close()

    def _make_room(self) -> None:
        """Close the oldest waiting connection of the address with the most of them; or refuse this one."""
        mine = self.waiting_by_address.get(self._address, {})
        others = [(len(conns), address) for address, conns in self.waiting_by_address.items()
                  if address != self._address]
        crowd_size, crowd = max(others, default=(0, ""))
        # on a tie this address pays with its own idle connections (never the newcomer itself)
        victims = mine if len(mine) - 1 >= crowd_size else self.waiting_by_address.get(crowd, {})
        victim = next((c for c in victims if c is not self), None)
        if victim is not None:
            victim._disarm()
            victim.transport.close()
            return
        self._disarm()  # every open connection is busy with a real request
        self.transport.write(BUSY_RESPONSE)
        self.transport.close()


def guarded_protocol(request_timeout: float, max_connections: int) -> type[Any]:
    """A GuardedH11Protocol class with these limits, for `uvicorn.run(http=…)`."""
    return type("GuardedH11Protocol", (GuardedH11Protocol,),
                {"request_timeout": request_timeout, "max_connections": max_connections,
                 "waiting_by_address": {}})
