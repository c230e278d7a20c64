"""Replace a build's whole output set at once, one build per output folder at a time.

`--out DIR` is a symbolic link to a version folder kept beside it, in
`.DIR.migkg/`. A build writes every file into a fresh version folder there and
then replaces the link in one `rename`, so a reader (or a build killed at any
moment) sees either the old set or the new one, never a new graph.ttl beside an
old graph.nt. An exclusive lock (`.DIR.migkg/lock`, flock) makes a second build
into the same folder wait for the first; a version folder is only ever removed
by the build holding that lock, so no build deletes another's work in progress.

Files of the user's own inside DIR (anything migkg does not write, such as a
site folder or a cache) are carried into each new version. A DIR that is still a
plain folder, as older versions of migkg wrote it, becomes a link on the first
build; on Linux the folder and the link are exchanged atomically.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from graph.errors import MigkgError

STORE_SUFFIX = ".migkg"
_OLD_TEMP = re.compile(r"\.migkg-[a-z0-9_]{8}")  # staging folders of older versions, written inside DIR


def store_of(out: Path) -> Path:
    """The folder beside `out` that holds its versions and its lock."""
    return out.parent / f".{out.name}{STORE_SUFFIX}"


def _target(out: Path) -> Path:
    """The path the build manages: `out` itself, or where a link of the user's own points."""
    out = Path(os.path.abspath(out))
    if out.is_symlink() and not _is_ours(out):
        return Path(os.path.realpath(out))
    return out


def _is_ours(out: Path) -> bool:
    try:
        link = os.readlink(out)
    except OSError:
        return False
    head, _, tail = link.partition("/")
    return head == store_of(out).name and bool(tail) and "/" not in tail


@contextlib.contextmanager
def locked(out: Path, wait: bool = True, on_wait: Callable[[], None] | None = None) -> Iterator[Path]:
    """Hold the exclusive lock of an output folder; yields the folder the build manages.

    Raises MigkgError when the lock is taken and `wait` is False, or when the folder
    beside `out` cannot be created.
    """
    target = _target(out)
    if target.exists() and not target.is_dir():
        raise MigkgError(f"{out} exists and is not a folder")
    store = store_of(target)
    try:
        store.mkdir(parents=True, exist_ok=True)
        fd = os.open(store / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise MigkgError(f"cannot write beside {out}: {exc.strerror or exc}") from None
    try:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock, the atomic switch still holds
            yield target
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise MigkgError(f"another build is writing {out}; try again when it has finished") from None
            if on_wait:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield target
    finally:
        os.close(fd)  # releases the lock


def current(target: Path) -> Path | None:
    """The version folder `target` points to now (None when it is not one of ours)."""
    return store_of(target) / os.readlink(target).partition("/")[2] if _is_ours(target) else None


def stage(target: Path) -> Path:
    """A fresh, empty version folder for the next output set (call while holding the lock)."""
    folder = Path(tempfile.mkdtemp(prefix="set-", dir=store_of(target)))
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)  # as a plain mkdir would (mkdtemp makes it private)
    return folder


def switch(target: Path, new: Path, ours: Iterable[str]) -> None:
    """Point `target` at the complete version folder `new`, in one step; then tidy up.

    `ours` names the files a build writes: every other entry of the old set is the
    user's and moves into the new version. Call while holding the lock.
    """
    store = store_of(target)
    ours = set(ours)
    old = current(target)
    link = store / f".link-{new.name}"
    link.unlink(missing_ok=True)
    os.symlink(f"{store.name}/{new.name}", link)
    if old is None and target.is_dir() and not target.is_symlink():
        # A plain folder (an older migkg's outputs, or a new empty one): it becomes a version too.
        if not _exchange(link, target):
            os.replace(target, store / f"plain-{new.name}")  # (the folder is gone until the next line)
            os.replace(link, target)
        else:
            os.replace(link, store / f"plain-{new.name}")
    else:
        if target.is_symlink() or not target.exists():
            os.replace(link, target)
        else:
            link.unlink()
            raise MigkgError(f"{target} is not a folder")
    try:
        tidy(target, ours)
    except OSError:
        pass  # the new set is in place; the next build tidies what is left


def tidy(target: Path, ours: set[str]) -> None:
    """Remove every version folder but the current one, moving the user's files into it first.

    Moving before removing means a build killed between the switch and the move
    loses nothing: the next build moves what is still there.
    """
    store = store_of(target)
    now = current(target)
    if now is None:
        return
    for p in sorted(store.iterdir()):
        if p == now or p.name == "lock":
            continue
        if p.is_dir() and not p.is_symlink():
            for entry in p.iterdir():
                if entry.name in ours or _OLD_TEMP.fullmatch(entry.name):
                    continue
                dest = now / entry.name
                if not dest.exists() and not dest.is_symlink():
                    os.replace(entry, dest)
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
    for entry in now.iterdir():  # staging folders an older migkg left inside the folder itself
        if _OLD_TEMP.fullmatch(entry.name) and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


def discard(folder: Path) -> None:
    """Remove a version folder that never became current (a failed build)."""
    shutil.rmtree(folder, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return rc == 0


def remove(out: Path) -> None:
    """Delete an output folder and its versions (a link, plain `shutil.rmtree` refuses it)."""
    target = _target(Path(out))
    if target.is_symlink():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    shutil.rmtree(store_of(target), ignore_errors=True)
