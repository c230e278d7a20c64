"""The same words give the same facts in any layout: re-wrapped at any width, CRLF line ends,
no-break spaces, or printed as a justified PDF with page numbers and a running header.

Facts are compared without their evidence (entities by label and class, typed edges by
labels, attributes by value); only the offsets may differ between layouts.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.layouts import crlf, nbsp, rewrap, to_pdf
from graph.ingest import ingest, make_document, read_text, shipped_corpus
from graph.lexicon import load_lexicon
from graph.model import Document
from graph.pipeline import run

HERE = Path(__file__).parent / "fixtures" / "layouts"
TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(HERE.glob("*.txt"))}
LEX = load_lexicon()

Facts = tuple[frozenset, frozenset, frozenset]


def facts(document: Document) -> Facts:
    g = run([document], lexicon=LEX).graph
    label = {n: d["label"] for n, d in g.nodes(data=True)}
    for _, _, data in g.edges(data=True):  # every edge still quotes its source exactly
        for ev in data["evidence"]:
            assert document.text[ev.start:ev.end] == ev.quote
    return (frozenset((d["label"], d["cls"]) for _, d in g.nodes(data=True)),
            frozenset((label[u], k, label[v]) for u, v, k in g.edges(keys=True)),
            frozenset((d["label"], p, v.lexical) for _, d in g.nodes(data=True) for p, v, _ in d["attributes"]))


SHIPPED = {name: facts(make_document(text, name)) for name, text in TEXTS.items()}


def test_the_invented_documents_give_facts_worth_comparing():
    entities, edges, attrs = SHIPPED["meeting-report"]
    assert ("Arnor Institute for Migration Studies", "organized",
            "Second Regional Consultation on Labour Mobility in South-East Asia") in edges
    assert ("Second Regional Consultation on Labour Mobility in South-East Asia", "startDate", "2031-05-14") in attrs
    assert ("Ann Tern", "Person") in entities
    assert len(SHIPPED["regional-resolution"][0]) >= 5


@pytest.mark.parametrize("name", sorted(TEXTS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(40, 120))
def test_a_document_rewrapped_at_any_width_gives_the_same_facts(name, width):
    assert facts(make_document(rewrap(TEXTS[name], width), name)) == SHIPPED[name]


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("variant", [crlf, nbsp], ids=["crlf", "nbsp"])
def test_crlf_line_ends_and_no_break_spaces_give_the_same_facts(name, variant, tmp_path):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(variant(TEXTS[name]).encode("utf-8"))
    (document,) = ingest([path])
    assert facts(document) == SHIPPED[name]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_a_justified_pdf_with_page_numbers_and_a_running_header_gives_the_same_facts(name, tmp_path):
    path = tmp_path / f"{name}.pdf"
    to_pdf(TEXTS[name] * 1, path, header="Arnor Migration Partnership  ARN/2031/4")
    (document,) = ingest([path])
    assert "ARN/2031/4" in document.text  # the header is in the PDF's text, and must not matter
    assert facts(document) == SHIPPED[name]


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["w78", "pdf"])
def test_the_shipped_corpus_in_another_layout_keeps_its_facts(layout, tmp_path):
    """The shipped corpus is a PDF extraction with its own damage (headings run into names, cut
    paragraphs), so a few facts move; nearly all must stay."""
    text = read_text(shipped_corpus())
    if layout == "w78":
        path = tmp_path / "corpus.txt"
        path.write_text(rewrap(text, 78), encoding="utf-8")
    else:
        path = tmp_path / "corpus.pdf"
        to_pdf(text, path)
    (document,) = ingest([path])
    base, other = facts(make_document(text, "corpus")), facts(document)
    for kind, a, b in zip(("entities", "edges", "attributes"), base, other):
        assert len(a & b) >= 0.95 * len(a), (kind, sorted(a - b)[:20])
        assert len(b - a) <= 0.05 * len(a), (kind, sorted(b - a)[:20])
