"""Command stub: filled in by its issue."""
from __future__ import annotations

import argparse

from graph.errors import MigkgError


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise MigkgError("not implemented yet")
