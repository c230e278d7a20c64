"""`migkg build --executor dask`: a real Dask cluster (scheduler and worker processes on
127.0.0.1) reads and extracts; the outputs are byte-identical to a local build, and the
cache it fills serves a local build (and the other way round)."""
from __future__ import annotations

import filecmp
import socket

import pytest

distributed = pytest.importorskip("distributed")

from bench.synth import generate  # noqa: E402
from migkg.cli import main  # noqa: E402

OUTPUTS = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.html", "timeline.html", "ontology.ttl", "merges.tsv")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=50) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("corpus"), 60_000, seed=3)


def _same(a, b) -> list[str]:
    """Output files that differ (or are missing) between two build directories."""
    return [f for f in OUTPUTS if not (a / f).is_file() or not filecmp.cmp(a / f, b / f, shallow=False)]


def test_cluster_build_is_byte_identical_to_a_local_build(cluster, corpus, tmp_path, capsys):
    assert len(corpus) >= 3
    assert main(["build", *map(str, corpus), "--out", str(tmp_path / "local"), "--jobs", "1",
                 "--no-cache", "--quiet"]) == 0
    assert main(["build", *map(str, corpus), "--out", str(tmp_path / "dask"), "--no-cache", "--quiet",
                 "--executor", "dask", "--scheduler", cluster.scheduler_address]) == 0
    assert _same(tmp_path / "local", tmp_path / "dask") == []
    assert (tmp_path / "dask" / "graph.nt").stat().st_size > 10_000


def test_the_cache_filled_on_the_cluster_serves_a_local_build(cluster, corpus, tmp_path, capsys, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)  # the variable, not the option
    assert main(["build", *map(str, corpus), "--out", str(tmp_path / "dask"), "--cache-dir", str(cache),
                 "--executor", "dask"]) == 0
    assert "from cache" not in capsys.readouterr().out
    assert len(list(cache.rglob("*.*"))) >= len(corpus)
    assert main(["build", *map(str, corpus), "--out", str(tmp_path / "local"), "--cache-dir", str(cache),
                 "--jobs", "1"]) == 0
    assert f"({len(corpus)} from cache)" in capsys.readouterr().out
    assert _same(tmp_path / "local", tmp_path / "dask") == []
    # and a cluster build finds what a local build cached: nothing is sent to the workers
    corpus[0].write_text(corpus[0].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert main(["build", *map(str, corpus), "--out", str(tmp_path / "again"), "--cache-dir", str(cache),
                 "--executor", "dask"]) == 0
    assert f"({len(corpus) - 1} from cache)" in capsys.readouterr().out


def test_an_unusable_input_is_one_line_and_nothing_is_written(cluster, corpus, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["build", str(corpus[0]), str(empty), "--out", str(out), "--no-cache",
                 "--executor", "dask", "--scheduler", cluster.scheduler_address])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(err) == 1 and "empty.txt" in err[0]
    assert not out.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_one_line(tmp_path, capsys, monkeypatch, corpus):
    import graph.distributed

    monkeypatch.setattr(graph.distributed, "CONNECT_TIMEOUT", "1s")
    code = main(["build", str(corpus[0]), "--out", str(tmp_path / "out"), "--no-cache",
                 "--executor", "dask", "--scheduler", f"tcp://127.0.0.1:{_free_port()}"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(err) == 1 and "cannot reach the Dask scheduler" in err[0]
    assert not (tmp_path / "out").exists()


def test_dask_without_a_scheduler_or_a_scheduler_without_dask_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    assert main(["build", "--out", str(tmp_path / "a"), "--executor", "dask"]) == 2
    assert "DASK_SCHEDULER_ADDRESS" in capsys.readouterr().err
    assert main(["build", "--out", str(tmp_path / "b"), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "--executor dask" in capsys.readouterr().err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
