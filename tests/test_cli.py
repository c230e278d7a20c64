"""The command line: help everywhere, one clear line and a non-zero exit on bad input."""
from __future__ import annotations

import subprocess
import sys

import pytest

from migkg.cli import COMMANDS, main


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert "usage: migkg " + command in capsys.readouterr().out


def test_top_level_help_lists_every_command():
    out = subprocess.run([sys.executable, "-m", "migkg", "--help"], capture_output=True, text=True, check=True).stdout
    for command in COMMANDS:
        assert command in out


@pytest.mark.parametrize("name,content", [
    ("empty.txt", b""),
    ("binary.txt", b"\x00\x01\x02\x03" * 100),
    ("slides.pptx", b"PK\x03\x04"),
])
def test_bad_input_gives_one_line_nonzero_exit_and_no_output(tmp_path, name, content):
    f = tmp_path / name
    f.write_bytes(content)
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "migkg", "build", str(f), "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and "Traceback" not in proc.stderr
    assert not out.exists() or not any(out.iterdir())


def test_bad_input_does_not_touch_previous_outputs(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The Arnor Migration Forum was held in 2031.", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(good), "--out", str(out), "--quiet", "--format", "turtle"]) == 0
    before = (out / "graph.ttl").read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["build", str(bad), "--out", str(out), "--quiet", "--format", "turtle"]) != 0
    assert (out / "graph.ttl").read_bytes() == before
