"""Helpers for tests that start real HTTP servers on 127.0.0.1 (migkg serve, oxigraph)."""
from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

SERVING_FIXTURE = Path(__file__).parent / "fixtures" / "serving"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            httpx.get(url, timeout=2.0)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


def start_migkg(graph: Path, *options: str, log: Path | None = None) -> tuple[subprocess.Popen, str]:
    """`migkg serve GRAPH --port N OPTIONS` in a child process; returns (process, base URL).

    The server's output goes to `log` when given (else a temporary file): a
    file, not a pipe, so a chatty server never blocks on it.
    """
    port = free_port()
    sink = open(log, "wb") if log is not None else tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "migkg", "serve", str(graph), "--host", "127.0.0.1", "--port", str(port), *options],
        stdout=sink, stderr=sink,
    )
    url = f"http://127.0.0.1:{port}"
    wait_for(url + "/sparql", process)
    return process, url
