"""Read source files into Documents: text, checksum, sections.

The text kept here is the text every evidence offset points into, so it is
changed as little as possible: only a byte-order mark is dropped and line ends
are made "\\n" (as Python's text mode reads them).
"""
from __future__ import annotations

import hashlib
import os
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


_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"), (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
)
# Letters each legacy code page is there for; a decoding that yields them reads as words.
_WESTERN = set("àâäçéèêëîïôöùûüÿñáíóúãõœæßÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÑÁÍÓÚÃÕŒÆ¿¡ªº«»€–—‘’“”…")
_CENTRAL = set("ąćęłńóśźżčďěňřšťůýžőűăâîșțĺľŕĄĆĘŁŃÓŚŹŻČĎĚŇŘŠŤŮÝŽŐŰĂÂÎȘȚĹĽŔ„“”–—…")
_ODD = set("¹²³¼½¾¤¦¨¬¯°±´µ¶·¸Ÿ×÷þÞðÐ¢£¥§©®")  # rare in prose, common as misread letters


def _legacy_codec(data: bytes) -> str:
    """The legacy encoding of non-UTF-8 bytes: Windows-1252 for Western text unless another reads better.

    A Central European code page wins only when its letters make more words than
    Windows-1252's do (so "Genève" is never "Genčve"); a non-Latin script is left to
    charset-normalizer's guess.
    """
    def score(text: str, letters: set[str]) -> int:
        return sum(1 if c in letters else -2 if c in _ODD or "\x80" <= c <= "\x9f" else 0
                   for c in text if c > "\x7f")

    western = data.decode("cp1252", errors="migkg-latin1")
    central = data.decode("cp1250", errors="migkg-latin1")
    best = "cp1250" if score(central, _CENTRAL) > score(western, _WESTERN) else "cp1252"
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is not None and guess.encoding not in ("cp1252", "cp1250", "ascii", "utf_8"):
        text = str(guess)
        letters = [c for c in text if c.isalpha() and c > "\x7f"]
        if letters and sum(1 for c in letters if c > "\u024f") > len(letters) / 2:  # mostly not Latin script
            return guess.encoding
    return best


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    # The five bytes Windows-1252 leaves undefined read as Latin-1 (C1 controls), never an error.
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start:exc.end].decode("latin-1"), exc.end


def _decode(data: bytes, name: str) -> str:
    import codecs

    codecs.register_error("migkg-latin1", _latin1_fallback)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{name}: marked as {codec.upper()} but not valid {codec.upper()}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Line by line: a file edited in two editors keeps its valid UTF-8 lines as they are.
    lines = data.splitlines(keepends=True)
    bad = []
    for i, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(i)
    codec = _legacy_codec(b"".join(lines[i] for i in bad))
    legacy = set(bad)
    out = [line.decode(codec, errors="migkg-latin1") if i in legacy else line.decode("utf-8")
           for i, line in enumerate(lines)]
    if len(bad) == len(lines):
        warnings.warn(f"{name}: not UTF-8; decoded as {codec}", LegacyEncodingWarning, stacklevel=2)
    else:
        warnings.warn(f"{name}: {len(bad)} of {len(lines)} lines not UTF-8; those decoded as {codec}",
                      LegacyEncodingWarning, stacklevel=2)
    return "".join(out)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.05


def is_pdf(data: bytes, named_pdf: bool = False) -> bool:
    """PDF by its magic number, whatever the file is named.

    A file named .pdf may have the header anywhere in its first KB (as readers allow);
    any other file must start with it, so a text that mentions "%PDF-" stays text.
    """
    return b"%PDF-" in data[:1024] if named_pdf else data[:1024].lstrip()[:5] == b"%PDF-"


def _pdf_text(path: Path, data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except DependencyError:
                raise InputError(f"{path}: PDF is encrypted with a cipher this installation cannot read "
                                 "(install the 'cryptography' package)") from None
            except Exception as exc:  # pypdf raises several types for unsupported crypto
                raise InputError(f"{path}: PDF is encrypted ({type(exc).__name__}: {exc})") from None
            if not ok:
                raise InputError(f"{path}: PDF is encrypted and needs a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (DependencyError, FileNotDecryptedError) as exc:
        raise InputError(f"{path}: PDF is encrypted and cannot be read ({exc})") from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
            RecursionError, ZeroDivisionError) as exc:
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from None
    return "\n\f".join(pages)  # a form feed between pages, as pdftotext writes: the reading layer's page break


def _kind(mode: int) -> str:
    import stat

    return ("a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")


def open_regular(path: Path):
    """A binary file object for a regular file; InputError for FIFOs, devices and sockets.

    Opened without blocking and checked on the open descriptor, so a FIFO or a link to
    /dev/zero is refused at once instead of hanging the build (their size reads 0).
    """
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{path}: is {_kind(mode)}, not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


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
        with open_regular(path) as f:
            data = f.read()
        if is_pdf(data, suffix in PDF_SUFFIXES):
            text = _pdf_text(path, data)
        elif suffix in PDF_SUFFIXES:
            raise InputError(f"{path}: not a readable PDF (no PDF header)")
        else:
            marked = any(data.startswith(bom) for bom, _ in _BOMS)  # UTF-16/32 hold NUL bytes
            if not marked and _looks_binary(data):
                raise InputError(f"{path}: looks like a binary file, not text")
            text = _decode(data, str(path))
            if marked and _looks_binary(text[:8192].encode("utf-8")):
                raise InputError(f"{path}: looks like a binary file, not text")
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
