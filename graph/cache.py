"""Per-document extraction cache, so an unchanged document is not read or extracted again.

An entry is keyed by the file's content hash (of its bytes: checking a hit
needs no decoding, no PDF parsing and no worker process), the document id
(evidence names the document, so a renamed file is a different entry) and the
extractor code version — a hash of every file that can change what extraction returns
(the reading layer, `graph/extract/*.py`, the relation stage, the dictionaries and
patterns in `graph/data/`, the records, refs, lexicon loader, segmenter and pipeline). Editing a rule or a dictionary therefore
invalidates every entry without anyone having to remember to clear the cache.

An entry holds the Document and its Extraction as checked JSON
(graph/cache_codec.py: data, never code; an edited or foreign entry is a miss
and is rebuilt), written to a temporary file and renamed into place, so a killed
build never leaves a half-written entry. The cache lives in the user's own cache
folder (`$MIGKG_CACHE_DIR`, else `$XDG_CACHE_HOME/migkg`, else `~/.cache/migkg`),
created readable by its owner only — never in a folder others share.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

from graph.model import Document, Extraction

from graph import cache_codec

FORMAT = cache_codec.FORMAT  # part of the code version: a new layout starts a new folder
# Modules outside graph/extract whose content shapes an Extraction.
_CODE_FILES = ("model.py", "refs.py", "lexicon.py", "ingest.py", "pipeline.py", "cache_codec.py")


@cache
def code_version() -> str:
    """Hash of the extractor code and dictionaries (computed once per process)."""
    root = Path(__file__).resolve().parent
    files = [root / name for name in _CODE_FILES]
    for sub in ("reading", "extract", "relations", "data"):
        d = root / sub
        if d.is_dir():
            files.extend(p for p in d.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                         and p.suffix not in (".pyc", ".pyo"))
    h = hashlib.sha256(FORMAT.encode())
    for p in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


def default_dir() -> Path:
    """`$MIGKG_CACHE_DIR`, else `migkg/` in the user's cache folder (XDG)."""
    env = os.environ.get("MIGKG_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "migkg"


def file_key(path: Path, doc_id: str, chunk: int = 1 << 20) -> str | None:
    """Cache key of an input file (streamed sha256 of its bytes), or None if it cannot be read."""
    from graph.errors import InputError
    from graph.ingest import open_regular

    h = hashlib.sha256()
    try:
        with open_regular(path) as f:  # a FIFO or a device is refused, not read forever
            while block := f.read(chunk):
                h.update(block)
    except (OSError, InputError):
        return None
    h.update(b"\0" + doc_id.encode("utf-8"))
    return h.hexdigest()


class ExtractionCache:
    """Checked JSON entries (Document, Extraction, notes) under `root/<version>/<key[:2]>/<key>.json`."""

    def __init__(self, root: Path, version: str | None = None) -> None:
        self.root = Path(root)
        self.version = version or code_version()

    def _path(self, key: str) -> Path:
        return self.root / self.version / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[Document, Extraction, tuple[str, ...]] | None:
        """(document, extraction, notes) cached for this key, or None (missing, damaged or foreign entry)."""
        try:
            data = self._path(key).read_bytes()
            return cache_codec.decode(data, self.version, key)
        except (OSError, cache_codec.CorruptEntry):
            return None  # a miss: the document is extracted again and put() replaces the entry

    def put(self, key: str, document: Document, extraction: Extraction, notes: tuple[str, ...] = ()) -> None:
        """Store an entry atomically; a cache that cannot be written is silently skipped."""
        path = self._path(key)
        try:
            if not self.root.exists():
                self.root.mkdir(parents=True, mode=0o700, exist_ok=True)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(cache_codec.encode(self.version, key, document, extraction, notes))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # read-only or full disk: the build still succeeds, only slower next time
