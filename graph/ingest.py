"""Read source files into Documents: text, checksum, sections.

The text kept here is the text every evidence offset points into, so it is
changed as little as possible: only a byte-order mark is dropped and line ends
are made "\\n" (as Python's text mode reads them).
"""
from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path

from graph.errors import InputError
from graph.model import Document, Section
from graph.refs import slug

TEXT_SUFFIXES = {".txt", ".text", ".md"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = TEXT_SUFFIXES | PDF_SUFFIXES
CORPUS_FILE = "esa-p-wp214-seventh-coordination-meeting-2008.txt"


class LegacyEncodingWarning(UserWarning):
    """A file was not UTF-8 and was decoded from a detected legacy encoding."""


def shipped_corpus() -> Path:
    """Path of the shipped corpus text (ESA/P/WP.214)."""
    with resources.as_file(resources.files("graph") / "corpus" / CORPUS_FILE) as p:
        return Path(p)


# A folder's own notes, not documents: `migkg build corpus/` must not read corpus/README.md.
FOLDER_NOTES = frozenset({"readme", "license", "licence", "changelog", "changes", "contributing",
                          "authors", "notice", "copying"})


def is_folder_note(relative: Path) -> bool:
    """README.md, LICENSE.txt, a hidden file or anything in a hidden folder (found in a directory)."""
    if any(part.startswith(".") for part in relative.parts):
        return True
    return relative.stem.lower().split(".")[0] in FOLDER_NOTES


def expand_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, plus the supported files inside named directories, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                           and not is_folder_note(f.relative_to(p)))
            if not found:
                raise InputError(f"{p}: directory holds no .txt, .md or .pdf document "
                                 "(README, LICENSE, CHANGELOG and hidden files are not documents)")
            out.extend(found)
        else:
            out.append(p)
    return out


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: not UTF-8 and no text encoding could be detected")
    warnings.warn(f"{name}: not UTF-8; decoded as {best.encoding}", LegacyEncodingWarning, stacklevel=2)
    return str(best)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.05


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise InputError(f"{path}: PDF is encrypted")
            except Exception as exc:  # pypdf raises several types for unsupported crypto
                raise InputError(f"{path}: PDF is encrypted ({exc})") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from None
    return "\n\f".join(pages)  # a form feed between pages, as pdftotext writes: the reading layer's page break


def read_text(path: Path) -> str:
    """The text of a .txt/.md/.pdf file, or an InputError that names the file and the reason."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    if suffix not in SUPPORTED:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; use .txt, .md or .pdf")
    try:
        if suffix in PDF_SUFFIXES:
            text = _pdf_text(path)
        else:
            data = path.read_bytes()
            if _looks_binary(data):
                raise InputError(f"{path}: looks like a binary file, not text")
            text = _decode(data, str(path))
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # (form feeds stay: they are page breaks)
    if not text.strip():
        raise InputError(f"{path}: empty document (no text)")
    return text


_HEADING = re.compile(r"^[ \t]*([A-Z0-9][A-Z0-9 ,.:;'’()/&\-–]{6,})[ \t]*$", re.M)
# "MR. GEORGES LEMAITRE", "H.E. MS. …": names in a participants list, not headings
_NAME_LINE = re.compile(r"^(?:H\.\s?E\.\s+)?(?:MR|MS|MRS|DR|PROF|SIR|MME|M)\.?\s", re.I)
_SECTION_KINDS = (
    (re.compile(r"LIST OF PARTICIPANTS", re.I), "participants"),
    (re.compile(r"RESOLUTION", re.I), "resolution"),
    (re.compile(r"CONTENTS|PREFACE|EXPLANATORY NOTES|ABBREVIATIONS", re.I), "front"),
)


def segment(text: str) -> tuple[Section, ...]:
    """Split a text at its upper-case heading lines; each section runs to the next heading."""
    heads = [m for m in _HEADING.finditer(text)
             if sum(c.isalpha() for c in m.group(1)) >= 6 and not _NAME_LINE.match(m.group(1))]
    if not heads:
        return (Section("", 0, len(text)),)
    sections = []
    if heads[0].start() > 0:
        sections.append(Section("", 0, heads[0].start(), "front"))
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        title = m.group(1).strip()
        kind = next((k for rx, k in _SECTION_KINDS if rx.search(title)), "body")
        sections.append(Section(title, m.start(), end, kind))
    return tuple(sections)


def _title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if len(line) >= 12 and sum(c.isalpha() for c in line) >= 10:
            return re.sub(r"\s+", " ", line)[:200]
    return fallback


def make_document(text: str, doc_id: str, path: str = "", title: str | None = None) -> Document:
    """A Document from text already in memory (tests, fuzzing, other front ends)."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(doc_id=doc_id, path=path, title=title or _title(text, doc_id), text=text,
                    sha256=sha, sections=segment(text))


def duplicate_names(files: Sequence[Path]) -> set[Path]:
    """Files whose name slug an earlier file (in path order) already has.

    These get their checksum appended to their document id; the first file of a name
    keeps the plain slug, so adding a same-named file elsewhere never renames it.
    """
    seen: set[str] = set()
    later: set[Path] = set()
    for f in sorted(files, key=str):
        s = slug(f.stem)
        if s in seen:
            later.add(f)
        seen.add(s)
    return later


def document_id(path: Path, text: str, duplicate: bool) -> str:
    doc_id = slug(path.stem)
    return f"{doc_id}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}" if duplicate else doc_id


def ingest(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Documents for the given files/directories; doc ids are slugs of the file names."""
    files = expand_inputs(paths)
    later = duplicate_names(files)
    for f in files:
        text = read_text(f)
        yield make_document(text, document_id(f, text, f in later), str(f))
