"""Resolutions, decisions and documents cited by number."""
from __future__ import annotations

import pytest

from graph.extract.citations import find_citations, find_document_symbols, issuers_from
from graph.extract.commitment_data import instruments
from graph.lexicon import Lexicon


@pytest.fixture(scope="module")
def issuers():
    return issuers_from(instruments(Lexicon()))


def cite(text, issuers):
    return [(c.symbol, c.date, text[c.start:c.end]) for c in find_citations(text, 0, len(text), issuers)]


def test_two_resolutions_in_one_phrase_are_two_citations_with_their_dates(issuers):
    text = "pursuant to General Assembly resolutions 59/241 of 22 December 2004 and 60/227 of 23 December 2005,"
    assert cite(text, issuers) == [("A/RES/59/241", "2004-12-22", "59/241 of 22 December 2004"),
                                   ("A/RES/60/227", "2005-12-23", "60/227 of 23 December 2005")]


def test_a_comma_list_after_its_resolutions_is_read_to_the_end(issuers):
    text = "Recalling its resolutions 58/208 of 23 December 2003, 59/241, 60/227 and 60/206,"
    assert [s for s, _, _ in cite(text, issuers)] == ["A/RES/58/208", "A/RES/59/241", "A/RES/60/227",
                                                      "A/RES/60/206"]


def test_issuer_named_before_resolution_gives_its_symbol_series(issuers):
    text = "Bearing in mind Economic and Social Council resolution 2014/7 and Security Council resolution 2999 (2030),"
    assert [s for s, _, _ in cite(text, issuers)] == ["E/RES/2014/7", "S/RES/2999 (2030)"]


def test_other_bodies_keep_the_number_and_name_the_body_in_the_label(issuers):
    text = "Recalling further Commission on Population and Development resolution 2006/2 of 10 May 2006,9"
    [c] = find_citations(text, 0, len(text), issuers)
    assert (c.symbol, c.issuer, c.date) == ("2006/2", "Commission on Population and Development", "2006-05-10")
    assert c.label == "Commission on Population and Development resolution 2006/2"


def test_old_general_assembly_numbering_keeps_its_form(issuers):
    text = "resolution 2200 A (XXI) of 16 December 1966"
    assert cite(text, issuers) == [("2200 A (XXI)", "1966-12-16", "2200 A (XXI) of 16 December 1966")]


def test_roman_session_numbers_past_thirty_are_not_general_assembly_resolutions(issuers):
    text = "Following up resolution 615 (XXXI)¹ adopted at the meeting of the Arnor Committee in Gondor in 2006;"
    [c] = find_citations(text, 0, len(text), issuers)
    assert (c.symbol, c.issuer, c.date) == ("615 (XXXI)", "", "2006")


def test_decisions_and_full_symbols_are_cited_too(issuers):
    text = "its decision 62/547 and the report (A/RES/61/208)"
    assert [s for s, _, _ in cite(text, issuers)] == ["A/DEC/62/547", "A/RES/61/208"]


def test_document_symbols_leave_resolutions_out():
    text = "See A/60/871 and A/C.2/62/2, annex, and A/RES/61/208."
    assert [d.symbol for d in find_document_symbols(text, 0, len(text))] == ["A/60/871", "A/C.2/62/2"]


def test_a_footnote_number_after_a_date_does_not_end_the_list(issuers):
    text = "Recalling its resolutions 58/208 of 23 December 2003,1 59/241 of 22 December 2004 and 60/227,"
    assert [s for s, _, _ in cite(text, issuers)] == ["A/RES/58/208", "A/RES/59/241", "A/RES/60/227"]


@pytest.mark.parametrize("symbol", ["ABC/CM/9/2", "XYZ/MC.3/Dec.1", "GB.14/1"])
def test_a_decision_of_another_body_is_cited_by_its_own_symbol(issuers, symbol):
    text = f"Recalling also decision {symbol} of 3 May 2031 of the Arnor Ministerial Conference,"
    assert cite(text, issuers) == [(symbol, "2031-05-03", f"{symbol} of 3 May 2031")]


def test_decisions_of_another_body_listed_together_are_each_cited(issuers):
    text = "Recalling its decisions ABC/CM/9/2 and ABC/CM/9/3, and resolution XYZ/MC.3/Res.1,"
    assert [s for s, _, _ in cite(text, issuers)] == ["ABC/CM/9/2", "ABC/CM/9/3", "XYZ/MC.3/Res.1"]
