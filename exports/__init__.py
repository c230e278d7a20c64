"""Writers, in a plain registry keyed by format name.

`write_all` writes every output into a fresh version folder beside the target and
then switches the target to it in one step (exports/outset.py), so an interrupted
or failed build never leaves a half-written file, or a mix of old and new files,
where a good set was.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.build import KnowledgeGraph
from graph.errors import MigkgError


@dataclass(frozen=True, slots=True)
class Exporter:
    filename: str
    write: Callable[[KnowledgeGraph, Path, list], None]  # (graph, path, sorted triples)
    description: str


def _binary(fn: Callable) -> Callable[[KnowledgeGraph, Path, list], None]:
    def write(kg: KnowledgeGraph, path: Path, ts: list) -> None:
        with path.open("wb") as f:
            fn(kg, f, ts)
    return write


def _turtle(kg, f, ts):
    from exports.rdf import write_turtle
    write_turtle(kg, f, ts)


def _ntriples(kg, f, ts):
    from exports.rdf import write_ntriples
    write_ntriples(kg, f, ts)


def _jsonld(kg, f, ts):
    from exports.rdf import write_jsonld
    write_jsonld(kg, f, ts)


def _timeline(kg: KnowledgeGraph, path: Path, ts: list) -> None:
    from exports.timeline import write_timeline
    write_timeline(kg, path)


def _html(kg: KnowledgeGraph, path: Path, ts: list) -> None:
    from exports.html import write_html
    # Link the timeline only when this build writes it (it is written first, beside us).
    href = "timeline.html" if (path.parent / "timeline.html").exists() else None
    write_html(kg, path, timeline_href=href)


def _ontology(kg: KnowledgeGraph, path: Path, ts: list) -> None:
    from ontology import ontology_path
    path.write_bytes(ontology_path().read_bytes())


EXPORTERS: dict[str, Exporter] = {
    "turtle": Exporter("graph.ttl", _binary(_turtle), "RDF 1.1 Turtle"),
    "ntriples": Exporter("graph.nt", _binary(_ntriples), "N-Triples"),
    "jsonld": Exporter("graph.jsonld", _binary(_jsonld), "compact JSON-LD with the ontology's context"),
    "timeline": Exporter("timeline.html", _timeline, "events on a time axis (self-contained)"),
    "html": Exporter("graph.html", _html, "interactive network (self-contained, works offline)"),
    "ontology": Exporter("ontology.ttl", _ontology, "the ontology (OWL, Turtle)"),
}


def exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name]
    except KeyError:
        raise MigkgError(f"unknown export format {name!r}; valid: {', '.join(EXPORTERS)}") from None


def write_files(kg: KnowledgeGraph, folder: Path, formats: Sequence[str] | None = None,
                extra: dict[str, Callable[[Path], None]] | None = None) -> list[str]:
    """Write the chosen formats (all by default) into an empty folder; returns the names written."""
    from exports.rdf import triples

    chosen = [exporter(n) for n in (formats or list(EXPORTERS))]
    ts = triples(kg)
    written = []
    for ex in chosen:
        ex.write(kg, folder / ex.filename, ts)
        written.append(ex.filename)
    for name, fn in (extra or {}).items():
        fn(folder / name)
        written.append(name)
    return written


def output_names(extra: Iterable[str] = ()) -> set[str]:
    """Every file name a build may write into its output folder (the rest is the user's)."""
    from graph.uptodate import MANIFEST

    return {ex.filename for ex in EXPORTERS.values()} | {"merges.tsv", MANIFEST} | set(extra)


def replace_set(kg: KnowledgeGraph, target: Path, formats: Sequence[str] | None = None,
            extra: dict[str, Callable[[Path], None]] | None = None,
            finish: Callable[[Path, list[str]], None] | None = None) -> list[str]:
    """Write a whole output set and make it `target`'s, in one step (the caller holds the lock).

    `finish(folder, names)` runs after the files are written and before the switch
    (the build manifest goes into the same set).
    """
    from exports import outset

    [exporter(n) for n in (formats or [])]  # an unknown format fails before anything is written
    folder = outset.stage(target)
    try:
        written = write_files(kg, folder, formats, extra)
        if finish:
            finish(folder, written)
        outset.switch(target, folder, output_names(extra or {}))
    except BaseException:
        if outset.current(target) != folder:
            outset.discard(folder)
        raise
    return written


def write_all(kg: KnowledgeGraph, out_dir: Path, formats: Sequence[str] | None = None,
              extra: dict[str, Callable[[Path], None]] | None = None) -> list[Path]:
    """Write the chosen formats (all by default) as out_dir's new output set; returns the files written.

    `extra` maps further file names to functions that write them (e.g. the merges audit).
    Nothing in out_dir changes until every file has been written completely, and then
    the whole set changes at once.
    """
    from exports import outset

    with outset.locked(out_dir) as target:
        written = replace_set(kg, target, formats, extra)
    return [out_dir / n for n in written]
