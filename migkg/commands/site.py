"""`migkg site`: write the linked-data pages as static files."""
from __future__ import annotations

import argparse
import time
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", type=Path, default=Path("out"),
                        help="build directory or graph file (default: out)")
    parser.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site)")
    parser.add_argument("--base-iri", default=None, help="entity base IRI, when it cannot be read from the data")
    parser.add_argument("--site-url", default=None,
                        help="public URL of the site root, for the dataset description (default: the base IRI without id/)")
    parser.add_argument("--sparql-url", default=None, help="public SPARQL endpoint to announce in the dataset description")


def run(args: argparse.Namespace) -> int:
    from migkg.site import write_site

    started = time.perf_counter()
    summary = write_site(args.dir, args.out, base_iri=args.base_iri, site_url=args.site_url,
                         sparql_url=args.sparql_url)
    print(f"migkg site: {summary.entities} entities, {summary.files} files in {summary.out} "
          f"({time.perf_counter() - started:.1f} s); web-server snippets: .htaccess, nginx.conf.example")
    return 0
