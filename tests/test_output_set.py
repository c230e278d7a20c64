"""The output folder changes as one set, one build at a time, and keeps the user's own files."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import exports
from exports import outset, write_all
from graph.ingest import make_document
from graph.pipeline import run
from tests.subprocess_env import ROOT, migkg_env as _env

FORMATS = ["turtle", "ntriples", "jsonld", "ontology"]

OLD_TEXT = ("The Gondor Institute for Migration Studies (GIMS) organized the Arnor Migration Forum "
            "in Geneva, Switzerland, from 3 to 4 May 2031.\n")
NEW_TEXT = ("The Rohan Council on Mobility (RCM) organized the Eriador Dialogue on Migration "
            "in Nairobi, Kenya, from 7 to 8 June 2032.\n")


@pytest.fixture(scope="module")
def graphs():
    old = run([make_document(OLD_TEXT, "old-report")])
    new = run([make_document(NEW_TEXT, "new-report")])
    return old.graph, new.graph


@pytest.fixture(scope="module")
def references(graphs, tmp_path_factory):
    """The bytes of each file of the old and of the new set, written on their own."""
    refs = []
    for kg in graphs:
        d = tmp_path_factory.mktemp("ref")
        exports.write_files(kg, d, FORMATS)
        refs.append({p.name: p.read_bytes() for p in d.iterdir()})
    assert refs[0]["graph.nt"] != refs[1]["graph.nt"]
    return refs


def _visible(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} if out.is_dir() else {}


def _which(out: Path, references) -> str:
    """'old' or 'new' when the folder holds exactly one of the two sets; 'mixed' otherwise."""
    seen = {k: v for k, v in _visible(out).items() if k in references[0]}
    for name, ref in zip(("old", "new"), references):
        if seen == ref:
            return name
    return "mixed"


def test_the_output_folder_is_a_link_to_a_complete_set_beside_it(graphs, tmp_path):
    out = tmp_path / "out"
    write_all(graphs[0], out, FORMATS)
    assert out.is_symlink() and out.is_dir()
    assert sorted(p.name for p in out.iterdir()) == ["graph.jsonld", "graph.nt", "graph.ttl", "ontology.ttl"]
    assert Path(os.path.realpath(out)).parent == tmp_path / ".out.migkg"
    write_all(graphs[1], out, FORMATS)
    assert [p.name for p in (tmp_path / ".out.migkg").glob("set-*")] == [Path(os.path.realpath(out)).name]


class _Killed(BaseException):
    """The process dies here: no cleanup runs after it."""


_FS_CALLS = ("replace", "rename", "symlink", "unlink", "rmdir", "mkdir")


def _count_calls(monkeypatch, kill_at: int | None) -> list[str]:
    calls: list[str] = []
    for name in _FS_CALLS:
        real = getattr(os, name)

        def wrapped(*a, _real=real, _name=name, **kw):
            calls.append(_name)
            if kill_at is not None and len(calls) == kill_at:
                raise _Killed()
            return _real(*a, **kw)
        monkeypatch.setattr(os, name, wrapped)
    monkeypatch.setattr(outset, "discard", lambda folder: None)  # a killed build cleans nothing
    return calls


@pytest.mark.parametrize("start", ["link", "plain"])
def test_a_build_killed_at_any_step_leaves_all_the_old_set_or_all_the_new(graphs, references, tmp_path, monkeypatch,
                                                                          start):
    """A kill before, between or after every file-system step of writing and switching a set."""
    def fresh(i: int) -> Path:
        out = tmp_path / f"out{i}"
        if start == "link":
            write_all(graphs[0], out, FORMATS)
        else:  # a plain folder, as an older migkg wrote it, with a file of the user's own
            out.mkdir()
            for name, data in references[0].items():
                (out / name).write_bytes(data)
        (out / "notes.txt").write_text("mine")
        return out

    with monkeypatch.context() as m:
        out = fresh(0)
        calls = _count_calls(m, None)
        write_all(graphs[1], out, FORMATS)
    steps = len(calls)
    assert steps >= 3
    outcomes = []
    for k in range(1, steps + 1):
        out = fresh(k)
        with monkeypatch.context() as m:
            _count_calls(m, k)
            with pytest.raises(_Killed):
                write_all(graphs[1], out, FORMATS)
        state = _which(out, references)
        assert state in ("old", "new") or (start == "plain" and not out.exists()), (k, calls[k - 1], state)
        outcomes.append(state)
        write_all(graphs[1], out, FORMATS)  # the next build recovers: the new set, the user's file kept
        assert _which(out, references) == "new" and (out / "notes.txt").read_text() == "mine", k
        assert len(list((tmp_path / f".out{k}.migkg").glob("set-*"))) == 1
    assert "old" in outcomes and "new" in outcomes


def test_a_failing_writer_leaves_the_old_set_and_no_unfinished_folder(graphs, references, tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_all(graphs[0], out, FORMATS)

    def broken(kg, f, ts):
        raise RuntimeError("disk full")
    monkeypatch.setitem(exports.EXPORTERS, "jsonld", exports.Exporter("graph.jsonld", exports._binary(broken), ""))
    with pytest.raises(RuntimeError):
        write_all(graphs[1], out, FORMATS)
    assert _which(out, references) == "old"
    assert len(list((tmp_path / ".out.migkg").glob("set-*"))) == 1


def test_a_plain_output_folder_becomes_a_set_and_keeps_the_users_files(graphs, references, tmp_path):
    out = tmp_path / "out"
    (out / "site").mkdir(parents=True)
    (out / "site" / "index.html").write_text("<p>mine</p>")
    (out / "graph.nt").write_text("stale")
    (out / ".migkg-abcd1234").mkdir()  # an older migkg's dead staging folder
    write_all(graphs[1], out, FORMATS)
    assert out.is_symlink()
    assert _which(out, references) == "new"
    assert (out / "site" / "index.html").read_text() == "<p>mine</p>"
    assert not (out / ".migkg-abcd1234").exists()


def test_a_link_of_the_users_own_is_followed(graphs, references, tmp_path):
    real = tmp_path / "data" / "kg"
    real.mkdir(parents=True)
    out = tmp_path / "out"
    out.symlink_to(real)
    write_all(graphs[1], out, FORMATS)
    assert os.readlink(out) == str(real)
    assert _which(out, references) == "new" and real.is_symlink()


def test_a_second_build_waits_for_the_lock_and_says_so(tmp_path):
    out = tmp_path / "out"
    doc = tmp_path / "forum.txt"
    doc.write_text(NEW_TEXT * 3)
    with outset.locked(out):
        proc = subprocess.Popen([sys.executable, "-m", "migkg", "build", str(doc), "--out", str(out), "--quiet",
                                 "--no-cache"], env=_env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        time.sleep(3)
        assert proc.poll() is None, proc.communicate()
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert stderr.strip() == f"migkg build: waiting for another build into {out} to finish"
    assert (out / "graph.nt").stat().st_size > 0


def test_without_waiting_a_taken_lock_is_one_clear_error(tmp_path):
    from graph.errors import MigkgError

    out = tmp_path / "out"
    with outset.locked(out):
        with pytest.raises(MigkgError, match="another build is writing"):
            with outset.locked(out, wait=False):
                pass


def test_concurrent_builds_into_one_folder_all_succeed_and_leave_one_whole_set(tmp_path):
    docs = []
    for i, text in enumerate((OLD_TEXT, NEW_TEXT, OLD_TEXT.replace("Geneva, Switzerland", "Lima, Peru"))):
        d = tmp_path / f"doc{i}"
        d.mkdir()
        (d / f"report-{i}.txt").write_text(text * 3)
        docs.append(d)
    out = tmp_path / "out"
    procs = [subprocess.Popen([sys.executable, "-m", "migkg", "build", str(d), "--out", str(out), "--quiet",
                               "--jobs", "1"], env=_env(), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for d in docs]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0, 0, 0], results
    # the set on disk is one build's: its N-Triples and Turtle name the same single document
    nt, ttl = (out / "graph.nt").read_text(), (out / "graph.ttl").read_text()
    named = [i for i in range(3) if f"report-{i}" in nt]
    assert len(named) == 1 and f"report-{named[0]}" in ttl
    assert len(list((tmp_path / ".out.migkg").glob("set-*"))) == 1
    shutil.rmtree(tmp_path / ".out.migkg")


def test_remove_deletes_the_link_and_its_versions(graphs, tmp_path):
    out = tmp_path / "out"
    write_all(graphs[0], out, FORMATS)
    outset.remove(out)
    assert not out.exists() and not out.is_symlink() and not (tmp_path / ".out.migkg").exists()


def test_an_output_path_that_is_a_file_is_refused_before_the_build(tmp_path):
    from graph.errors import MigkgError

    (tmp_path / "out").write_text("mine")
    with pytest.raises(MigkgError, match="exists and is not a folder"):
        with outset.locked(tmp_path / "out"):
            pass
    assert (tmp_path / "out").read_text() == "mine"
