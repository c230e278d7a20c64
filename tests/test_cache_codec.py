"""The extraction cache stores data, not code, checks what it reads, and lives in the user's cache folder."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from graph import cache_codec
from graph.cache import ExtractionCache, default_dir
from tests.subprocess_env import ROOT, migkg_env as _env

TEXT = ("The Gondor Institute for Migration Studies (GIMS) organized the Arnor Migration Forum "
        "in Geneva, Switzerland, from 3 to 4 May 2031. GIMS also chaired the forum.\n") * 3


def _build(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "migkg", "build", "--quiet", "--jobs", "1", *args],
                          capture_output=True, text=True, env=env or _env(), cwd=ROOT)


def test_an_entry_round_trips_every_record(arnor_doc, arnor_extraction):
    data = cache_codec.encode("v1", "k", arnor_doc, arnor_extraction, ("a note",))
    assert cache_codec.decode(data, "v1", "k") == (arnor_doc, arnor_extraction, ("a note",))
    assert cache_codec.encode("v1", "k", arnor_doc, arnor_extraction, ("a note",)) == data


@pytest.mark.parametrize("version, key", [("v2", "k"), ("v1", "other")])
def test_an_entry_for_another_code_version_or_input_is_refused(arnor_doc, arnor_extraction, version, key):
    data = cache_codec.encode("v1", "k", arnor_doc, arnor_extraction, ())
    with pytest.raises(cache_codec.CorruptEntry, match="checksum"):
        cache_codec.decode(data, version, key)


def test_an_edited_entry_is_detected_and_ignored(tmp_path, arnor_doc, arnor_extraction):
    cache = ExtractionCache(tmp_path, version="v1")
    cache.put("k", arnor_doc, arnor_extraction)
    entry = next(tmp_path.rglob("*.json"))
    head, payload, _ = entry.read_bytes().split(b"\n")
    entry.write_bytes(head + b"\n" + payload.replace(b"Gondor Institute", b"Gondor Instiute") + b"\n")
    assert cache.get("k") is None


def test_a_reshaped_entry_with_a_valid_checksum_is_still_refused(arnor_doc, arnor_extraction):
    data = cache_codec.encode("v1", "k", arnor_doc, arnor_extraction, ())
    payload = json.loads(data.split(b"\n")[1])
    payload["mentions"][0][3][1] = "12"  # an offset as a string
    raw = json.dumps(payload).encode()
    forged = json.dumps({"format": cache_codec.FORMAT, "check": cache_codec._check("v1", "k", raw)}).encode()
    with pytest.raises(cache_codec.CorruptEntry, match="bad payload"):
        cache_codec.decode(forged + b"\n" + raw + b"\n", "v1", "k")


class _Planted:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_never_runs(tmp_path, arnor_doc, arnor_extraction):
    cache = ExtractionCache(tmp_path / "cache", version="v1")
    cache.put("k", arnor_doc, arnor_extraction)
    entry = next((tmp_path / "cache").rglob("*.json"))
    marker = tmp_path / "ran"
    entry.write_bytes(pickle.dumps(_Planted(marker)))
    entry.with_suffix(".pkl").write_bytes(pickle.dumps(_Planted(marker)))
    assert cache.get("k") is None
    assert not marker.exists()


def test_a_build_over_an_edited_entry_rebuilds_it_byte_for_byte(tmp_path):
    doc = tmp_path / "in" / "forum.txt"
    doc.parent.mkdir()
    doc.write_text(TEXT)
    cache = tmp_path / "cache"
    assert _build(str(doc), "--out", str(tmp_path / "plain"), "--no-cache").returncode == 0
    assert _build(str(doc), "--out", str(tmp_path / "first"), "--cache-dir", str(cache)).returncode == 0
    entry = next(cache.rglob("*.json"))
    assert b"Arnor Migration Forum" in entry.read_bytes()
    entry.write_bytes(entry.read_bytes().replace(b"Arnor Migration Forum", b"Arnor Migratoin Forum"))
    proc = _build(str(doc), "--out", str(tmp_path / "second"), "--cache-dir", str(cache))
    assert proc.returncode == 0, proc.stderr
    proc = _build(str(doc), "--out", str(tmp_path / "third"), "--cache-dir", str(cache))  # a hit, the entry rebuilt
    for name in ("graph.nt", "graph.ttl", "graph.jsonld", "graph.html", "timeline.html", "merges.tsv"):
        plain = (tmp_path / "plain" / name).read_bytes()
        assert (tmp_path / "second" / name).read_bytes() == plain, name
        assert (tmp_path / "third" / name).read_bytes() == plain, name
    assert b"Migratoin" not in (tmp_path / "second" / "graph.nt").read_bytes()
    assert b"Migratoin" not in entry.read_bytes()


def test_the_default_cache_is_the_users_not_the_folder_around_the_output(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    doc = tmp_path / "forum.txt"
    doc.write_text(TEXT)
    env = _env(HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "xdg"))
    env.pop("MIGKG_CACHE_DIR")
    proc = _build(str(doc), "--out", str(shared / "out"), env=env)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in shared.iterdir()) == [".out.migkg", "out"]
    assert list((tmp_path / "xdg" / "migkg").rglob("*.json"))
    assert (tmp_path / "xdg" / "migkg").stat().st_mode & 0o077 == 0


def test_the_default_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("MIGKG_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert default_dir() == tmp_path / ".cache" / "migkg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert default_dir() == tmp_path / "x" / "migkg"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # ignored, as the XDG spec says
    assert default_dir() == tmp_path / ".cache" / "migkg"
    monkeypatch.setenv("MIGKG_CACHE_DIR", str(tmp_path / "mine"))
    assert default_dir() == tmp_path / "mine"


def test_the_tests_never_use_the_users_cache(private_cache):
    assert default_dir() == private_cache
