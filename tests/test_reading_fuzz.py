"""Mutated invented documents (cuts, joins, splices, runs of one token, odd Unicode, control
characters) read and extract without an exception, every view span maps back inside the source
and every quote is its slice. `python -m bench.fuzz_reading` runs thousands of such cases."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz_reading import BASES, OPS, check, mutate

_OP = st.tuples(st.sampled_from(OPS), st.integers(0, 1 << 16), st.integers(0, 1 << 16), st.integers(0, 1 << 16))


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(BASES), st.lists(_OP, min_size=1, max_size=4))
def test_mutated_documents_keep_every_invariant(base, ops):
    assert check(mutate(base, ops)) == []


def test_the_check_sees_a_broken_quote(monkeypatch):
    """The invariant can fail: an extraction whose quote is not its slice is reported."""
    import graph.pipeline as pipeline
    from graph.model import Evidence, Extraction, Mention

    def wrong(doc, lexicon):
        return Extraction([Mention("org:x", "Organization", "X", Evidence(doc.doc_id, 0, 3, "not the slice"))])

    monkeypatch.setattr(pipeline, "extract_document", wrong)
    assert any("not its slice" in p for p in check(BASES[0]))


def test_mutations_do_what_they_say():
    text = "ab\ncd\nef"
    assert mutate(text, [("cut", 1, 4, 0)]) == "ad\nef"
    assert mutate(text, [("join_lines", 0, 5, 0)]) == "ab cd\nef"
    assert mutate(text, [("crlf", 0, 0, 0)]) == "ab\r\ncd\r\nef"
    assert mutate(text, [("run", 2, 4, 0)]) == "ab" + "Mr. " * 3 + "\ncd\nef"
