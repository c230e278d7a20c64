"""The pipeline, in order: ingest → extract → resolve → build.

Each stage is a plain function; this module only strings them together.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.build import DEFAULT_BASE, KnowledgeGraph, build
from graph.extract import registry
from graph.ingest import ingest, shipped_corpus
from graph.lexicon import Lexicon, load_lexicon
from graph.model import Document, Extraction
from graph.resolve import Resolved, resolve


@dataclass(frozen=True, slots=True)
class BuildResult:
    graph: KnowledgeGraph
    documents: tuple[Document, ...]
    resolved: Resolved


def extract_document(document: Document, lexicon: Lexicon, names: Sequence[str] | None = None) -> Extraction:
    """Run every registered extractor (or those named) on one document."""
    out = Extraction()
    for name, extractor in registry().items():
        if names is None or name in names:
            out.extend(extractor(document, lexicon))
    return out


def run(documents: Iterable[Document], base: str = DEFAULT_BASE, lexicon: Lexicon | None = None) -> BuildResult:
    """Documents in, knowledge graph out."""
    lexicon = lexicon or load_lexicon()
    docs = tuple(documents)
    extractions = [extract_document(d, lexicon) for d in docs]
    resolved = resolve(extractions, lexicon.curation)
    return BuildResult(build(resolved, docs, base), docs, resolved)


def run_files(paths: Sequence[str | Path] = (), base: str = DEFAULT_BASE) -> BuildResult:
    """Files (or the shipped corpus when none are given) in, knowledge graph out."""
    return run(ingest(list(paths) or [shipped_corpus()]), base)
