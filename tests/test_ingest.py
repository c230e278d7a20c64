"""Reading inputs: every bad file gives one clear InputError naming it."""
from __future__ import annotations

import warnings

import pytest

from graph.errors import InputError
from graph.ingest import expand_inputs, ingest, read_text, segment, shipped_corpus


def test_shipped_corpus_is_packaged_and_readable():
    text = read_text(shipped_corpus())
    assert "SEVENTH COORDINATION MEETING ON INTERNATIONAL MIGRATION" in text
    assert "A/RES/63/225" in text


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary"),
    ("notes.docx", b"PK\x03\x04", "unsupported"),
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
])
def test_bad_files_are_refused_with_their_name_and_reason(tmp_path, name, content, reason):
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_text(f)
    assert name in str(err.value) and reason in str(err.value)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")


def test_legacy_encoding_is_decoded_with_a_warning(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Réunion de coordination à Genève, Côte d'Ivoire et Bogotá.".encode("latin-1") * 3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = read_text(f)
    assert "Genève" in text
    assert any("not UTF-8" in str(w.message) for w in caught)


def test_line_ends_and_bom_are_normalized_like_text_mode(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(b"\xef\xbb\xbfFirst line\r\nSecond line\r\n")
    assert read_text(f) == "First line\nSecond line\n"


def test_directories_expand_to_their_supported_files_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("Beta document text here.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Alpha document text here.", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    assert [p.name for p in expand_inputs([tmp_path])] == ["a.md", "b.txt"]
    docs = list(ingest([tmp_path]))
    assert [d.doc_id for d in docs] == ["a", "b"]


def test_same_file_names_in_two_folders_get_distinct_stable_ids(tmp_path):
    for sub, text in (("x", "One report text."), ("y", "Another report text.")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(text, encoding="utf-8")
    ids = [d.doc_id for d in ingest([tmp_path / "x", tmp_path / "y"])]
    assert ids[0] == "report" and ids[1].startswith("report-") and len(ids[1]) == len("report-") + 8
    assert ids == [d.doc_id for d in ingest([tmp_path / "x", tmp_path / "y"])]


def test_segment_finds_headings_and_participant_lists():
    text = "PREFACE\nsome text\nLIST OF PARTICIPANTS\nMR. JOHN DOE\nDirector\n"
    kinds = [(s.title, s.kind) for s in segment(text)]
    assert ("LIST OF PARTICIPANTS", "participants") in kinds
    secs = segment(text)
    assert secs[0].start == 0 and secs[-1].end == len(text)
    participants = next(s for s in secs if s.kind == "participants")
    assert "Director" in text[participants.start:participants.end]  # a name line is not a heading
