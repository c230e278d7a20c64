"""Regression on the shipped corpus: the three annexed resolutions of ESA/P/WP.214."""
from __future__ import annotations

import pytest

from graph.extract import instruments, resolutions
from graph.ingest import make_document, read_text, shipped_corpus
from graph.lexicon import load_lexicon


@pytest.fixture(scope="module")
def corpus():
    doc = make_document(read_text(shipped_corpus()), "corpus")
    lex = load_lexicon()
    return doc, resolutions.extract(doc, lex), instruments.extract(doc, lex)


def provisions(x, symbol):
    out = {}
    for r in x.relations:
        if r.prop == "hasProvision" and r.subject == f"resolution:{symbol}":
            number = [a.value.lexical for a in x.attributes if a.ref == r.object and a.prop == "provisionNumber"]
            verb = [a.value.lexical for a in x.attributes if a.ref == r.object and a.prop == "operativeVerb"]
            out[r.object.split("#")[1]] = (number[0], verb[0])
    return out


def test_the_three_annexed_resolutions_are_found_with_their_adoption_dates(corpus):
    _, x, _ = corpus
    dates = {a.ref: a.value.lexical for a in x.attributes if a.prop == "dateAdopted"}
    assert dates["resolution:A/RES/61/208"] == "2006-12-20"
    assert dates["resolution:A/RES/62/270"] == "2008-06-20"
    assert dates["resolution:A/RES/63/225"] == "2008-12-19"


def test_provisions_of_63_225_that_survived_extraction(corpus):
    _, x, _ = corpus
    p = provisions(x, "A/RES/63/225")
    assert sorted(p, key=int) == ["1", "2", *map(str, range(6, 21))]
    assert p["1"] == ("1", "Takes note")
    assert p["17"] == ("17", "Also decides")
    assert p["18"] == ("18", "Further decides")
    assert p["13"] == ("13", "Calls upon")


def test_subparagraphs_of_62_270_carry_their_verbs(corpus):
    _, x, _ = corpus
    p = provisions(x, "A/RES/62/270")
    assert p["1(b)"] == ("1", "Requests")
    assert p["2"] == ("2", "Takes note with interest")


def test_secretary_general_is_requested_by_each_resolution(corpus):
    _, x, _ = corpus
    requested = {r.subject for r in x.relations if r.prop == "requested" and r.object == "org:secretary general"}
    assert requested == {"resolution:A/RES/61/208", "resolution:A/RES/62/270", "resolution:A/RES/63/225"}


def test_citations_with_dates_in_62_270(corpus):
    _, x, _ = corpus
    cited = {r.object for r in x.relations if r.prop == "references" and r.subject == "resolution:A/RES/62/270"}
    assert {"resolution:A/RES/59/241", "resolution:A/RES/60/227", "resolution:A/RES/61/208"} <= cited


def test_migrant_workers_convention_ratification_count(corpus):
    _, _, x = corpus
    counts = [a.value.lexical for a in x.attributes if a.prop == "ratificationCount"]
    assert counts == ["39"]


def _as_a_pdf_would_print_it(text: str, width: int, drop_blank_lines: bool) -> str:
    """The corpus resolutions re-set as PDF text: bullets gone, hard line breaks, every third
    operative verb letter-spaced in italics, a job number and running header every 23 lines."""
    import re
    import textwrap

    lines, symbol, n = [], "", 0
    for para in text.split("\n"):
        para = re.sub(r"^- ", "", para)
        m = re.match(r"(\d+\. )\*?([A-Z][a-z]+)\*?", para)
        if m:
            n += 1
            if n % 3 == 0:
                verb = m.group(2)
                para = f"{m.group(1)}*{' '.join(verb[:4])}{verb[4:]}*{para[m.end():]}"
        lines += textwrap.wrap(para, width=width) or [""]
    out = []
    for i, line in enumerate(lines):
        sym = re.match(r"United Nations (A/RES/\S+)", line)
        symbol = sym.group(1) if sym else symbol
        out.append(line)
        if i % 23 == 22:
            out += ["", f"08-12345 {i}", symbol, ""]
    return "\n".join(line for line in out if line.strip() or not drop_blank_lines)


@pytest.mark.parametrize("width,drop", [(72, False), (88, True), (100, True)])
def test_pdf_damage_does_not_change_numbers_verbs_or_addressees(width, drop):
    from graph.extract.addressees import find_addressees
    from graph.extract.commitment_data import verbs as shipped_verbs
    from graph.extract.resolution_layout import find_blocks

    verbs = shipped_verbs(load_lexicon())
    requests = tuple(verbs["request"])
    text = read_text(shipped_corpus())
    annex = text[text.index("United Nations A/RES/61/208"):]

    def facts(t):
        return {(b.symbol.value, p.number): (p.verb.value, tuple(a.label for a in find_addressees(
            t, p.verb.end, p.end, p.verb.value, requests))) for b in find_blocks(t, verbs) for p in b.operative}

    clean = facts(annex)
    assert len(clean) == 29
    assert facts(_as_a_pdf_would_print_it(annex, width, drop)) == clean


@pytest.mark.parametrize("width,drop", [(72, False), (100, True)])
def test_pdf_damage_does_not_change_what_the_resolutions_cite_or_their_dates(width, drop):
    lex = load_lexicon()
    text = read_text(shipped_corpus())
    annex = text[text.index("United Nations A/RES/61/208"):]

    def facts(t):
        x = resolutions.extract(make_document(t, "d"), lex)
        edges = {(r.subject, r.prop, r.object) for r in x.relations if r.prop in ("references", "adopted", "requested")}
        values = {(a.ref, a.prop, a.value.lexical) for a in x.attributes
                  if a.prop in ("dateAdopted", "symbol", "plenaryMeeting", "session", "agendaItem")}
        return edges, values

    assert facts(_as_a_pdf_would_print_it(annex, width, drop)) == facts(annex)


def test_paragraphs_run_together_as_a_web_page_prints_them_keep_their_numbers():
    import re

    from graph.extract.addressees import find_addressees
    from graph.extract.commitment_data import verbs as shipped_verbs
    from graph.extract.resolution_layout import find_blocks

    verbs = shipped_verbs(load_lexicon())
    requests = tuple(verbs["request"])
    text = read_text(shipped_corpus())
    annex = text[text.index("United Nations A/RES/61/208"):]
    lines = re.sub(r"\n\n+", "\n", re.sub(r"\n- ", "\n", annex))
    run_on = re.sub(r"\n+(?=\d+\.|\([a-z]\)|[A-Z][a-z]+ing\b|Noting|Taking|Bearing)", " ", lines)

    def facts(t):
        return {(b.symbol.value, p.number): (p.verb.value, tuple(a.label for a in find_addressees(
            t, p.verb.end, p.end, p.verb.value, requests))) for b in find_blocks(t, verbs) for p in b.operative}

    assert "; 11 2. Encourages" in run_on  # a footnote number between two paragraphs
    assert facts(run_on) == facts(annex)
