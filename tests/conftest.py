"""Shared fixtures: tiny invented documents and extractions built by hand."""
from __future__ import annotations

import re

import pytest

from graph.ingest import make_document
from graph.model import Attribute, Evidence, Extraction, Mention, Relation, Value


def span(doc, needle: str, occurrence: int = 0) -> Evidence:
    """Evidence for the n-th occurrence of `needle` in a document."""
    starts = [m.start() for m in re.finditer(re.escape(needle), doc.text)]
    start = starts[occurrence]
    return Evidence(doc.doc_id, start, start + len(needle), needle)


ARNOR_TEXT = (
    "REPORT OF THE ARNOR MEETING\n\n"
    "The Gondor Institute for Migration Studies (GIMS) organized the Arnor Migration Forum "
    "in Annuminas, Arnor, from 3 to 4 May 2031. GIMS also chaired the forum.\n"
)


@pytest.fixture
def arnor_doc():
    return make_document(ARNOR_TEXT, "arnor-report")


@pytest.fixture
def arnor_extraction(arnor_doc):
    """What an extractor would find in ARNOR_TEXT, written by hand."""
    d = arnor_doc
    org, acr, ev, city = "org:gondor institute for migration studies", "org:gims", "event:arnor migration forum 2031", "city:annuminas"
    ex = Extraction()
    ex.mentions += [
        Mention(org, "AcademicInstitution", "Gondor Institute for Migration Studies",
                span(d, "Gondor Institute for Migration Studies (GIMS)"), ("GIMS",)),
        Mention(acr, "Organization", "GIMS", span(d, "GIMS", 1)),
        Mention(ev, "Forum", "Arnor Migration Forum", span(d, "Arnor Migration Forum")),
        Mention(city, "City", "Annuminas", span(d, "Annuminas")),
    ]
    ex.attributes += [
        Attribute(ev, "startDate", Value("2031-05-03", "date"), span(d, "from 3 to 4 May 2031")),
        Attribute(ev, "endDate", Value("2031-05-04", "date"), span(d, "from 3 to 4 May 2031")),
        Attribute(org, "acronym", Value("GIMS"), span(d, "Gondor Institute for Migration Studies (GIMS)")),
    ]
    ex.relations += [
        Relation(org, "organized", ev, span(d, "organized the Arnor Migration Forum")),
        Relation(ev, "heldIn", city, span(d, "in Annuminas, Arnor")),
        Relation(acr, "chaired", ev, span(d, "GIMS also chaired the forum")),
    ]
    return ex


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The extraction cache of every test (and of the builds tests start) in a temporary folder,
    never the user's own."""
    mp = pytest.MonkeyPatch()
    root = tmp_path_factory.mktemp("migkg-cache")
    mp.setenv("MIGKG_CACHE_DIR", str(root))
    yield root
    mp.undo()


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """The shipped corpus built once with every output, for tests that read the files."""
    from migkg.cli import main

    out = tmp_path_factory.mktemp("corpus-out")
    assert main(["build", "--out", str(out), "--quiet"]) == 0
    return out


def pytest_configure(config) -> None:  # type: ignore[no-untyped-def]
    config.addinivalue_line(
        "markers", "browser: drives headless Chromium (/usr/bin/chromium + chromedriver); skipped when absent")


def assert_exact_evidence(doc, extraction) -> None:
    """Every record's quote is the document text at its offsets, and every ref an
    attribute or relation uses has a Mention (the contract between extractors and the resolver)."""
    for item in (*extraction.mentions, *extraction.attributes, *extraction.relations):
        ev = item.evidence
        assert ev.doc == doc.doc_id and 0 <= ev.start <= ev.end <= len(doc.text), item
        assert doc.text[ev.start:ev.end] == ev.quote, item
    mentioned = {m.ref for m in extraction.mentions}
    for a in extraction.attributes:
        assert a.ref in mentioned, a
    for r in extraction.relations:
        assert r.subject in mentioned and r.object in mentioned, r
