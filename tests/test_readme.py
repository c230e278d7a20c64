"""The README's example queries return exactly what the README shows."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLE = re.compile(r"```sh\n(\.venv/bin/migkg query .*?)\n```\n```\n(.*?)```", re.S)


def examples() -> list[tuple[str, str]]:
    return EXAMPLE.findall(README.read_text(encoding="utf-8"))


def test_the_readme_has_three_example_queries():
    assert len(examples()) >= 3


@pytest.mark.parametrize("command,expected", examples())
def test_readme_query_output_is_real(command, expected, corpus_build, capsys):
    from migkg.cli import main

    args = shlex.split(command)[1:]
    assert main([*args, "--graph", str(corpus_build / "graph.ttl")]) == 0
    # CSV results end lines with CRLF, as RFC 4180 and the SPARQL CSV format say
    assert capsys.readouterr().out.replace("\r\n", "\n") == expected
