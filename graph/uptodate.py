"""Skip a build whose outputs are already those of the same inputs, options and code (like make).

After a complete build, `record` writes `.migkg-build.json` in the output
folder: a key over every input file's content and name, the base IRI, the
formats and a hash of the code and data that shape the outputs, plus the size
and modification time of each file written. A later build with the same key
whose outputs are all still there, untouched, has nothing to do. Anything
else — an input edited or added, another option, new code, an output deleted
or edited — means a full build (with the extraction cache).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

MANIFEST = ".migkg-build.json"
_PACKAGES = ("graph", "exports", "ontology")


@cache
def code_version() -> str:
    """Hash of the files under graph/, exports/ and ontology/ (code, dictionaries, assets)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for pkg in _PACKAGES:
        for p in sorted((root / pkg).rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo"):
                h.update(p.relative_to(root).as_posix().encode() + b"\0")
                h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def build_key(files: Sequence[Path], base: str, formats: Sequence[str] | None) -> str | None:
    """Key of a build, or None when an input cannot be read (such a build is never skipped)."""
    from graph.cache import file_key

    h = hashlib.sha256(f"{code_version()}\0{base}\0{','.join(formats or ['*'])}".encode())
    for f in sorted(files, key=str):
        k = file_key(f, Path(f).name)
        if k is None:
            return None
        h.update(f"\0{f}\0{k}".encode())
    return h.hexdigest()


def _stamp(p: Path) -> list[int]:
    st = p.stat()
    return [st.st_size, st.st_mtime_ns]


def up_to_date(out: Path, key: str) -> dict | None:
    """The recorded manifest when `out` holds the intact outputs of a build with this key."""
    try:
        m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if m.get("key") != key:
            return None
        for name, stamp in m["outputs"].items():
            if _stamp(out / name) != stamp:
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return m


def record(out: Path, key: str, written: Sequence[Path], summary: str, notes: Sequence[str] = ()) -> None:
    """Write the manifest atomically (a build killed before this line is simply redone)."""
    m = {"key": key, "outputs": {p.name: _stamp(p) for p in written}, "summary": summary, "notes": list(notes)}
    fd, tmp = tempfile.mkstemp(prefix=".tmp-manifest-", dir=out)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(m, f, indent=1)
        os.replace(tmp, out / MANIFEST)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def forget(out: Path) -> None:
    """Drop the manifest (before outputs change, so a half-finished build is never trusted)."""
    (out / MANIFEST).unlink(missing_ok=True)
