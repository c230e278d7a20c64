"""Run SPARQL where a missed check still cannot hurt the host: no network, bounded memory and stack.

The read-only guard (`migkg.sparqlcheck`) refuses SERVICE on the parse tree, but
pyoxigraph carries an HTTP client and would follow a SERVICE its own parser
reads differently. So the threads that parse and evaluate user SPARQL run under
a seccomp filter (Linux, through ctypes: no dependency) that makes `socket()`
for anything but local Unix sockets, `connect()` and io_uring fail with EPERM.
Query threads get a large stack, so a deep query ends in an error instead of
a segfault; workers get an address-space limit and notice when their parent dies.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
import resource
import struct
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# Room for the recursion of rdflib's parser (one level per triple of a long
# pattern) and pyoxigraph's; address space only, pages are used when touched.
QUERY_STACK = 256 * 1024 * 1024
RECURSION_LIMIT = 200_000

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_SET_MODE_FILTER = 1
_SECCOMP_FILTER_FLAG_TSYNC = 1
_RET_ALLOW = 0x7FFF0000
_RET_KILL_PROCESS = 0x80000000
_RET_EPERM = 0x00050000 | 1
_AF_UNIX = 1

# machine: (audit arch, socket, connect, io_uring_setup/enter/register, seccomp syscall)
_ARCH = {
    "x86_64": (0xC000003E, 41, 42, (425, 426, 427), 317),
    "aarch64": (0xC00000B7, 198, 203, (425, 426, 427), 277),
}


class _Filter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter))]


def _load(offset: int) -> tuple[int, int, int, int]:
    return (0x20, 0, 0, offset)  # BPF_LD | BPF_W | BPF_ABS


def _jump_eq(value: int, jt: int, jf: int) -> tuple[int, int, int, int]:
    return (0x15, jt, jf, value)  # BPF_JMP | BPF_JEQ | BPF_K


def _ret(value: int) -> tuple[int, int, int, int]:
    return (0x06, 0, 0, value)  # BPF_RET | BPF_K


def _program(machine: str) -> list[tuple[int, int, int, int]]:
    arch, sock, connect, uring, _ = _ARCH[machine]
    prog = [_load(4), _jump_eq(arch, 1, 0), _ret(_RET_KILL_PROCESS), _load(0)]
    if machine == "x86_64":  # x32 syscalls (nr | 0x40000000) would bypass the numbers below
        prog += [(0x35, 0, 1, 0x40000000), _ret(_RET_EPERM)]  # BPF_JMP | BPF_JGE | BPF_K
    for nr in (connect, *uring):
        prog += [_jump_eq(nr, 0, 1), _ret(_RET_EPERM)]
    # socket(family, …): a Unix socket stays possible, every network family fails
    prog += [_jump_eq(sock, 0, 3), _load(16), _jump_eq(_AF_UNIX, 1, 0), _ret(_RET_EPERM), _ret(_RET_ALLOW)]
    return prog


def _libc() -> Any:
    return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


_state = threading.local()
_process_denied = False


def network_denied() -> bool:
    """Whether `deny_network` holds for the calling thread."""
    return _process_denied or getattr(_state, "denied", False)


def network_filter_supported() -> bool:
    return sys.platform == "linux" and platform.machine() in _ARCH and struct.calcsize("P") == 8


def deny_network(all_threads: bool = False) -> bool:
    """Forbid network sockets to the calling thread (and threads it starts), or to the whole process.

    Returns False where seccomp is not available (not Linux, unknown machine,
    kernel refused); the parse-tree guard still applies there.
    """
    global _process_denied
    if not network_filter_supported():
        return False
    machine = platform.machine()
    rows = _program(machine)
    filters = (_Filter * len(rows))(*[_Filter(*row) for row in rows])
    prog = _Program(len(rows), filters)
    libc = _libc()
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    if all_threads:
        seccomp_nr = _ARCH[machine][4]
        libc.syscall.restype = ctypes.c_long
        done = libc.syscall(ctypes.c_long(seccomp_nr), ctypes.c_long(_SECCOMP_SET_MODE_FILTER),
                            ctypes.c_long(_SECCOMP_FILTER_FLAG_TSYNC), ctypes.byref(prog))
        if done == 0:
            _process_denied = True
            return True
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        return False
    _state.denied = True
    return True


def run_in_query_thread(fn: Callable[..., T], *args: Any, network: bool = False) -> T:
    """`fn(*args)` in a fresh thread with a large stack and (by default) no network; its result or error."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            if not network:
                deny_network()
            box["result"] = fn(*args)
        except BaseException as exc:  # handed back to the caller's thread
            box["error"] = detach(exc)

    try:
        thread = start_big_stack_thread(work, "migkg-query")
    except RuntimeError:  # no room for another stack under a memory cap: this thread's must do
        work()
    else:
        thread.join()
    if "error" in box:
        raise box["error"]
    return box["result"]


def detach(exc: BaseException) -> BaseException:
    """The error without its tracebacks, so the query thread's frames die with the thread.

    pyoxigraph's result iterators may only be dropped on the thread that made
    them; a traceback handed to another thread would carry them along.
    """
    seen: set[int] = set()
    node: BaseException | None = exc
    while node is not None and id(node) not in seen:
        seen.add(id(node))
        node.__traceback__ = None
        node = node.__cause__ or node.__context__
    return exc


def start_big_stack_thread(target: Callable[[], None], name: str) -> threading.Thread:
    """A daemon thread with QUERY_STACK bytes of stack, started."""
    if sys.getrecursionlimit() < RECURSION_LIMIT:
        sys.setrecursionlimit(RECURSION_LIMIT)
    previous = threading.stack_size()
    try:
        threading.stack_size(QUERY_STACK)
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
    finally:
        threading.stack_size(previous)
    return thread


def address_space() -> int:
    """Bytes of address space the process maps now (Linux); 0 when unknown."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def limit_memory(extra_bytes: int) -> bool:
    """Cap the process's address space at what it maps now plus `extra_bytes`.

    Called by a worker once its graph is loaded: each query then gets the same
    room whatever the size of the graph. False when the platform has no RLIMIT_AS.
    """
    now = address_space()
    if not now or not hasattr(resource, "RLIMIT_AS"):
        return False
    cap = now + extra_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    return True


def parent_alive(parent: int) -> bool:
    """Whether the process that started us is still our parent (a dead one leaves us to init).

    Polled by workers rather than PR_SET_PDEATHSIG, whose signal follows the
    parent *thread*: a worker started from a pool thread would die with that thread.
    """
    return os.getppid() == parent
