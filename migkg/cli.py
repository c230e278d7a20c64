"""The `migkg` command line: parse options, call one library function, print.

Each command lives in `migkg/commands/<name>.py` with `configure(parser)` and
`run(args) -> int`. Command modules import their heavy libraries inside `run`,
so `migkg --help` stays instant.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from graph.errors import MigkgError

COMMANDS: dict[str, str] = {
    "build": "Build the knowledge graph from documents (default: the shipped corpus).",
    "query": "Run a SPARQL query against a built graph.",
    "validate": "Check a built graph against the SHACL shapes.",
    "serve": "Serve the graph: SPARQL endpoint, linked-data pages, ontology.",
    "site": "Write the linked-data pages as a static site.",
    "publish": "Load the graph into an external SPARQL store (Graph Store Protocol).",
}


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given the command about to run, only that command is set up
    (`migkg --help` and a mistyped command get them all), which keeps `migkg query` quick."""
    top = argparse.ArgumentParser(
        prog="migkg",
        description="Turn UN documents on international migration into a knowledge graph and publish it.",
    )
    from migkg import __version__

    top.add_argument("--version", action="version", version=f"migkg {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS.items():
        if command is None or name == command:
            p = sub.add_parser(name, help=help_text, description=help_text)
            module = importlib.import_module(f"migkg.commands.{name}")
            module.configure(p)
            p.set_defaults(_run=module.run)
    return top


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except MigkgError as exc:
        print(f"migkg {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"migkg {args.command}: interrupted; outputs left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line for the user, the traceback on request
        if os.environ.get("MIGKG_DEBUG"):
            raise
        print(f"migkg {args.command}: internal error: {type(exc).__name__}: {exc} "
              "(set MIGKG_DEBUG=1 for the traceback)", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
