"""Inputs of every kind: encrypted PDFs, byte-order marks, legacy and mixed encodings, non-files, PDFs by magic."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import warnings

import pytest

from graph.errors import InputError
from graph.ingest import read_text
from tests.subprocess_env import ROOT, migkg_env as _env

SENTENCE = "The Gondor Institute for Migration Studies organized the Arnor Forum in Geneva, Switzerland."


def _build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "migkg", "build", "--quiet", "--no-cache", "--jobs", "1", *args],
                          capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=120)


def _pdf(compress: bool = True) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pageCompression=1 if compress else 0)
    c.drawString(72, 720, SENTENCE)
    c.save()
    return buf.getvalue()


def _encrypted(algorithm: str, user_password: str = "") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf())))
    writer.encrypt(user_password, "owner-secret", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256", "RC4-128"])
def test_an_encrypted_pdf_that_needs_no_password_is_read(tmp_path, algorithm):
    f = tmp_path / "locked.pdf"
    f.write_bytes(_encrypted(algorithm))
    assert SENTENCE in " ".join(read_text(f).split())


def test_a_pdf_that_needs_a_password_is_refused_in_one_line_and_keep_going_skips_it(tmp_path):
    locked = tmp_path / "in" / "secret.pdf"
    locked.parent.mkdir()
    locked.write_bytes(_encrypted("AES-256", "open-sesame"))
    with pytest.raises(InputError, match="secret.pdf: PDF is encrypted and needs a password"):
        read_text(locked)
    (tmp_path / "in" / "plain.txt").write_text(SENTENCE * 3)
    proc = _build(str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "secret.pdf" in proc.stderr, proc.stderr
    assert not (tmp_path / "out").exists()
    proc = _build(str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--keep-going")
    assert proc.returncode == 2, proc.stderr
    assert "skipped" in proc.stderr and "secret.pdf" in proc.stderr and "Traceback" not in proc.stderr
    assert b"plain" in (tmp_path / "out" / "graph.nt").read_bytes()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_byte_order_mark_gives_the_encoding(tmp_path, codec):
    text = "Réunion à Genève, organisée par l'Institut de Gondor.\n" * 3
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):  # Python writes no mark for these: add it
        data = "\ufeff".encode(codec) + data
    f = tmp_path / "marked.txt"
    f.write_bytes(data)
    assert read_text(f) == text


def test_a_byte_order_mark_over_bytes_of_another_encoding_is_one_clear_error(tmp_path):
    f = tmp_path / "odd.txt"
    f.write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"a\x00")  # a lone surrogate in UTF-16
    with pytest.raises(InputError, match="odd.txt: marked as UTF-16-LE but not valid"):
        read_text(f)


@pytest.mark.parametrize("text, codec", [
    ("Réunion à Genève; the meeting in Genève was held at the Palais.", "latin-1"),
    ("Die Sitzung in Zürich über Migration, Größe und Straße.", "latin-1"),
    ("¿Dónde está la reunión? En Bogotá, Perú, año 2008.", "cp1252"),
    ("The “Arnor Forum” – held in Genève for €2 million…", "cp1252"),
    ("Spotkanie w Łodzi, Gdańsku i Wrocławiu; źródło, część, ślub.", "cp1250"),
    ("Setkání v Brně a Českých Budějovicích; řeka, město, příjezd.", "cp1250"),
])
def test_a_legacy_encoding_is_guessed_western_first(tmp_path, text, codec):
    f = tmp_path / "legacy.txt"
    f.write_bytes((text + "\n").encode(codec) * 3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert read_text(f) == (text + "\n") * 3
    assert any("not UTF-8" in str(w.message) for w in caught)


def test_a_file_mixing_utf8_and_latin1_keeps_every_utf8_line(tmp_path):
    utf8 = "Meeting in Genève with the Cyrillic name Женева and the sign €.\n"
    latin = "Réunion à Genève, organisée en 2031.\n"
    f = tmp_path / "mixed.txt"
    f.write_bytes(utf8.encode() + latin.encode("latin-1") + utf8.encode())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert read_text(f) == utf8 + latin + utf8
    assert [str(w.message) for w in caught] == [f"{f}: 1 of 3 lines not UTF-8; those decoded as cp1252"]


def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="pipe.txt: is a FIFO, not a regular file"):
        read_text(fifo)
    proc = _build(str(fifo), "--out", str(tmp_path / "out"))  # with the cache key too: no hang
    assert proc.returncode == 2 and "is a FIFO" in proc.stderr, proc.stderr


def test_a_link_to_a_device_is_refused_at_once(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="zero.txt: is a device, not a regular file"):
        read_text(link)
    proc = subprocess.run([sys.executable, "-m", "migkg", "build", "--quiet", str(link), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=120)
    assert proc.returncode == 2 and proc.stderr.strip() == f"migkg build: error: {link}: is a device, not a regular file"


@pytest.mark.parametrize("name", ["report.txt", "report.md"])
def test_a_pdf_is_read_as_a_pdf_whatever_its_name(tmp_path, name):
    f = tmp_path / name
    f.write_bytes(_pdf(compress=False))
    text = read_text(f)
    assert SENTENCE in " ".join(text.split()) and "endobj" not in text


def test_a_file_named_pdf_without_the_pdf_header_is_refused(tmp_path):
    f = tmp_path / "fake.pdf"
    f.write_text(SENTENCE)
    with pytest.raises(InputError, match="fake.pdf: not a readable PDF"):
        read_text(f)


def test_a_text_that_mentions_the_pdf_header_stays_text(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("Files begin with %PDF-1.7 as the Arnor archive guide explains.\n" * 3)
    assert read_text(f).startswith("Files begin with %PDF-1.7")
