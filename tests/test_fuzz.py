"""Property-based fuzzing of ingest and extraction: nothing escapes, every quote is its slice.

The default run is short; `pytest --hypothesis-profile=long tests/test_fuzz.py` runs a
thousand examples per property.
"""
from __future__ import annotations

from conftest import assert_exact_evidence
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.ingest import make_document, read_text, segment, shipped_corpus
from graph.lexicon import load_lexicon
from graph.pipeline import extract_document
from graph.resolve import resolve

settings.register_profile("default", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")

CORPUS = read_text(shipped_corpus())


def _check_evidence(doc, ex) -> None:
    assert_exact_evidence(doc, ex)


def _run(text: str) -> None:
    doc = make_document(text, "fuzz")
    assert segment(text)[-1].end == len(text) or not text
    ex = extract_document(doc, load_lexicon())
    _check_evidence(doc, ex)
    resolve([ex])


@given(st.text(max_size=2000))
def test_random_unicode_never_breaks_extraction(text):
    _run(text)


@st.composite
def corpus_slices(draw):
    """A stretch of the real corpus, with random cuts, insertions and case changes."""
    start = draw(st.integers(0, len(CORPUS) - 1))
    length = draw(st.integers(0, 6000))
    chunk = CORPUS[start:start + length]
    for _ in range(draw(st.integers(0, 5))):
        pos = draw(st.integers(0, len(chunk)))
        op = draw(st.sampled_from(["insert", "delete", "upper", "newline"]))
        if op == "insert":
            chunk = chunk[:pos] + draw(st.text(max_size=20)) + chunk[pos:]
        elif op == "delete":
            chunk = chunk[:pos] + chunk[pos + draw(st.integers(0, 50)):]
        elif op == "upper":
            chunk = chunk[:pos] + chunk[pos:pos + 80].upper() + chunk[pos + 80:]
        else:
            chunk = chunk[:pos] + "\n\n" + chunk[pos:]
    return chunk


@given(corpus_slices())
def test_mutated_report_text_never_breaks_extraction(text):
    _run(text)


@given(st.sampled_from(["(", ")", "A/RES/", "1.", "MR. ", "from ", " to ", "(IOM)", "\n", " ", "Ms.", "Requests"]),
       st.integers(1, 3000))
def test_pathological_repetition_is_handled(token, n):
    _run(token * n)


def test_the_whole_corpus_has_exact_evidence():
    doc = make_document(CORPUS, "corpus")
    _check_evidence(doc, extract_document(doc, load_lexicon()))
