"""Builds at scale: parallel = serial, the extraction cache, --keep-going, size limits, killed builds."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.synth import generate
from graph.cache import ExtractionCache
from graph.errors import InputError
from graph.pipeline import run_files, run_files_serial
from tests.subprocess_env import ROOT, migkg_env as _env

OUTPUTS = ("graph.ttl", "graph.nt", "graph.jsonld", "merges.tsv")


def _build(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "migkg", "build", "--quiet", *args], capture_output=True,
                          text=True, env=env or _env(), cwd=ROOT)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """Five small synthetic reports and resolutions (the vocabulary the extractors read)."""
    return generate(tmp_path_factory.mktemp("corpus"), 60_000, seed=3, mean_doc_bytes=12_000)


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def test_worker_count_hash_seed_and_input_order_do_not_change_a_byte(corpus, tmp_path):
    files = [str(f) for f in corpus]
    runs = [
        (["--jobs", "1", *files], "0"),
        (["--jobs", "2", *files], "1"),
        (["--jobs", "2", *reversed(files)], "12345"),
    ]
    results = []
    for i, (args, seed) in enumerate(runs):
        out = tmp_path / f"out{i}"
        proc = _build(*args, "--out", str(out), "--no-cache", env=_env(PYTHONHASHSEED=seed))
        assert proc.returncode == 0, proc.stderr
        results.append(_outputs(out))
    assert results[0] == results[1] == results[2]


def test_parallel_pipeline_equals_the_serial_one(corpus):
    a = run_files(corpus, jobs=2)
    b = run_files_serial(corpus)
    assert a.resolved == b.resolved
    assert [d.doc_id for d in a.documents] == [d.doc_id for d in b.documents]


def test_adding_an_unrelated_document_keeps_every_existing_iri(corpus, tmp_path):
    from exports.rdf import triples

    def entity_iris(files):
        kg = run_files(files).graph
        return {t.subject.value for t in triples(kg) if "/statement/" not in t.subject.value}

    before = entity_iris(corpus[:3])
    after = entity_iris(corpus)
    assert before and before <= after


def test_second_build_reuses_every_extraction(corpus, tmp_path):
    first = run_files(corpus, jobs=1, cache_dir=tmp_path / "cache")
    second = run_files(corpus, jobs=2, cache_dir=tmp_path / "cache")
    assert first.cached == 0 and second.cached == len(corpus)
    assert second.resolved == first.resolved


def test_a_changed_document_is_extracted_again(tmp_path):
    doc = tmp_path / "report.txt"
    doc.write_text("The Arnor Migration Forum was held in Annuminas, Arnor, in 2031.", encoding="utf-8")
    cache = tmp_path / "cache"
    run_files([doc], cache_dir=cache)
    assert run_files([doc], cache_dir=cache).cached == 1
    doc.write_text("The Gondor Migration Forum was held in Minas Tirith, Gondor, in 2032.", encoding="utf-8")
    changed = run_files([doc], cache_dir=cache)
    assert changed.cached == 0 and "Gondor" in changed.documents[0].text
    renamed = tmp_path / "renamed.txt"
    doc.rename(renamed)
    again = run_files([renamed], cache_dir=cache)
    assert again.cached == 0 and again.documents[0].doc_id == "renamed"


def test_a_new_extractor_version_invalidates_the_cache(tmp_path, arnor_doc, arnor_extraction):
    old = ExtractionCache(tmp_path, version="v1")
    old.put("k", arnor_doc, arnor_extraction)
    assert old.get("k") == (arnor_doc, arnor_extraction, ())
    assert ExtractionCache(tmp_path, version="v2").get("k") is None


def test_the_cache_version_follows_the_extractor_code_and_dictionaries():
    from graph.cache import code_version

    assert code_version() == code_version() and len(code_version()) == 16


def test_a_corrupt_cache_entry_is_a_miss_not_a_crash(tmp_path, arnor_doc, arnor_extraction):
    cache = ExtractionCache(tmp_path, version="v1")
    cache.put("k", arnor_doc, arnor_extraction)
    entry = next(tmp_path.rglob("*.json"))
    entry.write_bytes(entry.read_bytes()[:10])
    assert cache.get("k") is None
    cache.put("k", arnor_doc, arnor_extraction)
    assert cache.get("k") == (arnor_doc, arnor_extraction, ())
    assert not list(tmp_path.rglob(".tmp-*")), "no temporary files left behind"


def test_no_cache_flag_writes_no_cache(corpus, tmp_path):
    proc = _build(str(corpus[0]), "--out", str(tmp_path / "out"), "--no-cache",
                  "--cache-dir", str(tmp_path / "cache"))
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "cache").exists()


@pytest.fixture
def mixed_dir(tmp_path, corpus) -> Path:
    """A directory of mixed files: two good reports and every kind of bad input."""
    d = tmp_path / "mixed"
    d.mkdir()
    for f in corpus[:2]:
        (d / f.name).write_bytes(f.read_bytes())
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 500)
    (d / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (d / "notes.md").write_bytes(b"   \n\n  ")
    return d


def test_keep_going_builds_the_rest_and_names_each_skipped_file(mixed_dir, tmp_path):
    out = tmp_path / "out"
    proc = _build(str(mixed_dir), "--out", str(out), "--keep-going", "--no-cache")
    assert proc.returncode == 2
    skipped = [line for line in proc.stderr.splitlines() if "skipped" in line and "input(s)" not in line]
    assert sorted(Path(line.split("skipped ", 1)[1].split(":")[0]).name for line in skipped) == \
        ["binary.txt", "broken.pdf", "empty.txt", "notes.md"]
    assert "Traceback" not in proc.stderr
    graph = (out / "graph.nt").read_text(encoding="utf-8")
    assert "report-" in graph or "resolution-" in graph


def test_without_keep_going_the_first_bad_file_stops_the_build_with_one_line(mixed_dir, tmp_path):
    out = tmp_path / "out"
    proc = _build(str(mixed_dir), "--out", str(out), "--no-cache")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and ("binary.txt" in lines[0] or "broken.pdf" in lines[0])
    assert not out.exists() or not any(out.iterdir())


def test_nothing_usable_is_an_error_even_with_keep_going(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="no usable input"):
        run_files([tmp_path / "empty.txt"], keep_going=True)


def test_an_input_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(3 * 1024 * 1024)  # sparse: no disk, and it would be "binary" if it were read
    with pytest.raises(InputError, match=r"huge\.txt: 3 MB is over the 2 MB limit"):
        run_files([big], max_bytes=2 * 1024 * 1024)


def test_a_non_tty_build_prints_no_progress_bar(corpus, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "migkg", "build", *map(str, corpus), "--out", str(tmp_path / "o"),
                           "--no-cache"], capture_output=True, text=True, env=_env(), cwd=ROOT)
    assert proc.returncode == 0 and proc.stderr == ""


# A build whose N-Triples writer stops half-way, as if the machine died while writing.
_HANGING_BUILD = """
import sys, time
import exports.rdf as rdf
real = rdf.write_ntriples
def hang(kg, out, ts=None):
    out.write(b"<urn:half> <urn:written> ")
    out.flush()
    time.sleep(600)
rdf.write_ntriples = hang
from migkg.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_build_killed_while_writing_leaves_the_previous_outputs_intact(corpus, tmp_path):
    out = tmp_path / "out"
    assert _build(str(corpus[0]), "--out", str(out), "--no-cache").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    proc = subprocess.Popen([sys.executable, "-c", _HANGING_BUILD, "build", *map(str, corpus), "--out", str(out),
                             "--no-cache", "--quiet"], env=_env(), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not any(p.stat().st_size for p in tmp_path.glob(".out.migkg/set-*/graph.nt")):
            assert proc.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    # the next build clears the dead build's unfinished set
    assert _build(str(corpus[0]), "--out", str(out), "--no-cache").returncode == 0
    assert [p.name for p in tmp_path.glob(".out.migkg/set-*")] == [out.resolve().name]


def test_a_legacy_encoding_is_reported_as_a_note_naming_the_file(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Réunion de coordination à Genève, Côte d'Ivoire et Bogotá, organisée à Genève.".encode("latin-1") * 3)
    proc = _build(str(f), "--out", str(tmp_path / "out"), "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert "note:" in proc.stderr and "latin.txt" in proc.stderr and "not UTF-8" in proc.stderr


def test_a_cache_kept_inside_the_output_folder_survives_the_cleanup_of_dead_builds(corpus, tmp_path):
    out = tmp_path / "out"
    cache = out / ".migkg-cache"
    for _ in range(2):
        proc = _build(str(corpus[0]), "--out", str(out), "--cache-dir", str(cache))
        assert proc.returncode == 0, proc.stderr
    assert list(cache.rglob("*.json"))


def test_a_document_repeating_another_name_variant_keeps_the_entity_iri():
    from conftest import span

    from graph.ingest import make_document
    from graph.model import Extraction, Mention
    from graph.resolve import resolve

    a = make_document("Arnor Council of Elders (ACE). Council of Elders of Arnor.", "a")
    b = make_document("Council of Elders of Arnor. " * 3, "b")
    ex_a = Extraction(mentions=[
        Mention("org:arnor council of elders", "Organization", "Arnor Council of Elders",
                span(a, "Arnor Council of Elders"), ("Council of Elders of Arnor", "ACE")),
        Mention("org:council of elders of arnor", "Organization", "Council of Elders of Arnor",
                span(a, "Council of Elders of Arnor"))])
    ex_b = Extraction(mentions=[Mention("org:council of elders of arnor", "Organization", "Council of Elders of Arnor",
                                        span(b, "Council of Elders of Arnor", i)) for i in range(3)])
    before = {e.id for e in resolve([ex_a]).entities}
    after = {e.id for e in resolve([ex_a, ex_b]).entities}
    assert before <= after


def test_a_new_file_with_an_existing_file_name_keeps_the_first_documents_id(tmp_path):
    for sub, text in (("2008", "The Arnor Migration Forum met in 2008."), ("2009", "The forum met again in 2009.")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(text, encoding="utf-8")
    alone = run_files([tmp_path / "2008"]).documents[0].doc_id
    together = {d.doc_id for d in run_files([tmp_path / "2008", tmp_path / "2009"]).documents}
    assert alone in together


_SLOW_BUILD = """
import sys, time
import graph.pipeline as pipeline
def slow(document, lexicon, names=None):
    time.sleep(600)
pipeline.extract_document = slow
from migkg.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_ctrl_c_stops_the_workers_at_once_and_touches_no_output(corpus, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_BUILD, "build", *map(str, corpus), "--out", str(out),
                             "--no-cache", "--jobs", "2", "--quiet"], env=_env(), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(_children(proc.pid)) < 2:
        assert proc.poll() is None and time.monotonic() < deadline, "workers never started"
        time.sleep(0.05)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGINT)
    try:
        code = proc.wait(timeout=60)
    finally:
        proc.kill()
    assert code == 130 and "interrupted" in proc.stderr.read()
    time.sleep(0.5)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and
                "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]], "workers left running"
    assert not out.exists() or not any(out.iterdir())


def test_an_unchanged_build_is_skipped_and_any_change_builds_again(corpus, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"

    def build(*inputs: Path, extra: tuple[str, ...] = ()) -> str:
        proc = subprocess.run([sys.executable, "-m", "migkg", "build", *map(str, inputs), "--out", str(out),
                               "--cache-dir", str(cache), *extra], capture_output=True, text=True, env=_env(),
                              cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    files = corpus[:3]
    assert "up to date" not in build(*files)
    stamp = (out / "graph.nt").stat().st_mtime_ns
    second = build(*files)
    assert "up to date" in second and "nodes per class" in second
    assert (out / "graph.nt").stat().st_mtime_ns == stamp, "nothing rewritten"
    assert "up to date" not in build(*files, extra=("--format", "turtle"))  # other options
    assert "up to date" not in build(*files)
    (out / "graph.jsonld").unlink()  # an output lost
    assert "up to date" not in build(*files) and (out / "graph.jsonld").exists()
    edited = tmp_path / files[0].name
    edited.write_text(files[0].read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    changed = build(edited, *files[1:])
    assert "up to date" not in changed and "(2 from cache)" in changed
    assert "up to date" in build(edited, *files[1:])
