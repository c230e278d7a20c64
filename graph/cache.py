"""Per-document extraction cache, so an unchanged document is not read or extracted again.

An entry is keyed by the file's content hash (of its bytes: checking a hit
needs no decoding, no PDF parsing and no worker process), the document id
(evidence names the document, so a renamed file is a different entry) and the
extractor code version — a hash of every file that can change what extraction returns
(the reading layer, `graph/extract/*.py`, the relation stage, the dictionaries and
patterns in `graph/data/`, the records, refs, lexicon loader, segmenter and pipeline). Editing a rule or a dictionary therefore
invalidates every entry without anyone having to remember to clear the cache.

An entry holds the Document and its Extraction, pickled, written to a
temporary file and renamed into place, so a killed build never leaves a
half-written entry; an unreadable entry is a miss.
The cache directory is trusted like the code itself (pickle).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from graph.model import Document, Extraction

FORMAT = "2"  # bump when the entry layout changes
# Modules outside graph/extract whose content shapes an Extraction.
_CODE_FILES = ("model.py", "refs.py", "lexicon.py", "ingest.py", "pipeline.py")


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


def default_dir(out_dir: Path) -> Path:
    """`$MIGKG_CACHE_DIR`, else `.migkg-cache/` beside the output directory."""
    env = os.environ.get("MIGKG_CACHE_DIR")
    if env:
        return Path(env)
    return out_dir.resolve().parent / ".migkg-cache"


def file_key(path: Path, doc_id: str, chunk: int = 1 << 20) -> str | None:
    """Cache key of an input file (streamed sha256 of its bytes), or None if it cannot be read."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while block := f.read(chunk):
                h.update(block)
    except OSError:
        return None
    h.update(b"\0" + doc_id.encode("utf-8"))
    return h.hexdigest()


class ExtractionCache:
    """Pickled (Document, Extraction, notes) under `root/<version>/<key[:2]>/<key>.pkl`."""

    def __init__(self, root: Path, version: str | None = None) -> None:
        self.root = Path(root)
        self.version = version or code_version()

    def _path(self, key: str) -> Path:
        return self.root / self.version / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> tuple[Document, Extraction, tuple[str, ...]] | None:
        """(document, extraction, notes) cached for this key, or None (missing or unreadable entry)."""
        try:
            with self._path(key).open("rb") as f:
                value = pickle.load(f)
        except Exception:  # missing, truncated or foreign file: a miss, and put() replaces it
            return None
        if (isinstance(value, tuple) and len(value) == 4 and value[0] == FORMAT
                and isinstance(value[1], Document) and isinstance(value[2], Extraction)):
            return value[1], value[2], value[3]
        return None

    def put(self, key: str, document: Document, extraction: Extraction, notes: tuple[str, ...] = ()) -> None:
        """Store an entry atomically; a cache that cannot be written is silently skipped."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump((FORMAT, document, extraction, notes), f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # read-only or full disk: the build still succeeds, only slower next time
