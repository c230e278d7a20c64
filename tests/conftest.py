"""Shared fixtures: the hand-written mini graph, and a runner for one CLI command."""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

import pytest

from graph.errors import MigkgError

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini_graph() -> Path:
    return FIXTURES / "mini-graph.ttl"


def run_command(name: str, *argv: str) -> int:
    """Run one `migkg NAME …` command the way migkg.cli does (errors -> message, exit code)."""
    module = importlib.import_module(f"migkg.commands.{name}")
    parser = argparse.ArgumentParser(prog=f"migkg {name}")
    module.configure(parser)
    args = parser.parse_args(list(argv))
    args.command = name
    try:
        return int(module.run(args) or 0)
    except MigkgError as exc:
        print(f"migkg {name}: error: {exc}", file=sys.stderr)
        return exc.exit_code


@pytest.fixture
def cli():
    return run_command
