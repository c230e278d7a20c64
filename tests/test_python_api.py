"""The Python API: `import migkg`, build or load, query, write — without the command line."""
from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest

import migkg
from migkg import api
from tests.serving import SERVING_FIXTURE

REPORT = (
    "REPORT OF THE ARNOR MEETING\n\n"
    "The Gondor Institute for Migration Studies (GIMS) organized the Arnor Migration Forum "
    "in Lima, Peru, from 3 to 4 May 2031.\n"
)
LABELS = "SELECT ?name WHERE { ?o a migkg:AcademicInstitution ; rdfs:label ?name }"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    (folder / "arnor.txt").write_text(REPORT, encoding="utf-8")
    return migkg.build([folder])


def test_version_comes_from_the_package_metadata():
    from importlib.metadata import version

    assert migkg.__version__ == version("migkg")


def test_migkg_version_on_the_command_line():
    out = subprocess.run([sys.executable, "-m", "migkg", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == f"migkg {migkg.__version__}"


def test_build_then_records_gives_plain_values(built):
    assert built.records(LABELS) == [{"name": "Gondor Institute for Migration Studies"}]
    dates = built.records("SELECT ?d WHERE { ?e migkg:startDate ?d }")
    assert dates == [{"d": "2031-05-03"}]


def test_numbers_come_back_as_numbers(built):
    [row] = built.records("SELECT (COUNT(*) AS ?n) WHERE { ?o a migkg:AcademicInstitution }")
    assert row == {"n": 1} and isinstance(row["n"], int)


def test_write_then_load_answers_the_same(built, tmp_path):
    written = built.write(tmp_path, ["ntriples", "turtle"])
    assert sorted(p.name for p in written) == ["graph.nt", "graph.ttl"]
    loaded = migkg.load(tmp_path)
    assert len(loaded) == len(built)
    assert loaded.records(LABELS) == built.records(LABELS)
    assert migkg.query(tmp_path, "ASK { ?o rdfs:label \"Gondor Institute for Migration Studies\" }").boolean is True


def test_a_loaded_graph_cannot_be_written(tmp_path):
    with pytest.raises(migkg.MigkgError, match="loaded from files"):
        migkg.load(SERVING_FIXTURE).write(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_bad_inputs_and_queries_raise_the_library_errors(tmp_path):
    with pytest.raises(migkg.InputError):
        migkg.load(tmp_path / "nothing-here")
    kg = migkg.load(SERVING_FIXTURE)
    with pytest.raises(migkg.QueryError, match="unknown prefix 'foo:'"):
        kg.query("SELECT * WHERE { ?s foo:bar ?o }")
    with pytest.raises(migkg.QueryError, match="needs a SELECT"):
        kg.records("ASK { ?s ?p ?o }")


def test_to_dataframe_has_one_column_per_variable():
    pd = pytest.importorskip("pandas")
    frame = migkg.load(SERVING_FIXTURE).to_dataframe(
        "SELECT ?name WHERE { ?p a migkg:Person ; rdfs:label ?name } ORDER BY ?name")
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == ["name"]
    assert list(frame["name"]) == ["Arwen Undomiel", "Elrond Halfelven"]


def test_the_api_docstrings_run():
    failures, tried = doctest.testmod(api, optionflags=doctest.ELLIPSIS)
    assert tried > 0 and failures == 0


def test_readme_python_section_runs(tmp_path, monkeypatch):
    """The README's Python API snippet, run as written against a build of a tiny document."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "arnor.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "reports" / "README.md").write_text("# Notes on this folder\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "out" / "graph.ttl").is_file()
