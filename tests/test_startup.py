"""Each command imports only what it needs: nothing heavy before it is used."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "serving" / "graph.ttl"
HEAVY = ("networkx", "numpy", "rdflib", "pyshacl", "pyvis", "IPython", "jinja2", "yaml", "dask",
         "distributed", "spellchecker", "pypdf", "pycountry", "tqdm", "starlette", "uvicorn", "httpx")

PROBE = """
import json, sys
from migkg.cli import main
code = main(sys.argv[1:])
print(json.dumps([code, sorted({m.split(".")[0] for m in sys.modules} & set(%r))]), file=sys.stderr)
""" % (HEAVY,)


def _imports(*args: str) -> tuple[int, list[str]]:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    code, loaded = json.loads(out.stderr.strip().splitlines()[-1])
    return code, loaded


def test_query_imports_nothing_heavy():
    assert _imports("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--graph", str(FIXTURE)) == (0, [])


def test_validate_imports_neither_rdflib_nor_pyshacl(tmp_path):
    code, loaded = _imports("validate", str(FIXTURE))
    assert code in (0, 1) and loaded == []


def test_help_imports_nothing_heavy():
    out = subprocess.run([sys.executable, "-c", "import sys; from migkg.cli import parser; parser(); "
                          "print(sorted({m.split('.')[0] for m in sys.modules} & set(%r)))" % (HEAVY,)],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("fmt, absent", [("turtle", ["numpy", "pyvis", "IPython", "rdflib", "jinja2"]),
                                         ("html", ["IPython", "rdflib"])])
def test_build_imports_layout_and_html_tools_only_for_the_page(tmp_path, fmt, absent):
    code, loaded = _imports("build", "--out", str(tmp_path / "out"), "--format", fmt, "--no-cache",
                            "--jobs", "1", "--quiet")
    assert code == 0 and "networkx" in loaded
    assert [m for m in absent if m in loaded] == []
    if fmt == "html":
        assert {"numpy", "pyvis", "jinja2"} <= set(loaded)
