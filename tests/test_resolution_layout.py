"""Segmenting resolutions: header, preamble, operative paragraphs, closing formula — clean and damaged."""
from __future__ import annotations

import pytest
from resolution_texts import (
    COMMITTEE_REPORT,
    DAMAGED,
    DRAFT,
    PDF_LAYOUT,
    STANDARD,
    TWO_DRAFTS_REPORT,
    WEB,
)

from graph.extract.commitment_data import verbs as shipped_verbs
from graph.extract.resolution_layout import find_blocks
from graph.lexicon import Lexicon


@pytest.fixture(scope="module")
def verbs():
    return shipped_verbs(Lexicon())


def only(text, verbs):
    blocks = find_blocks(text, verbs)
    assert len(blocks) == 1
    return blocks[0]


def operative(block):
    return [(p.number, p.verb.value) for p in block.operative]


def test_header_fields_are_read_with_their_spans(verbs):
    b = only(STANDARD, verbs)
    assert b.symbol.value == "A/RES/70/999"
    assert STANDARD[b.symbol.start:b.symbol.end] == "A/RES/70/999"
    assert b.title.value == "Migration between Arnor and Gondor"
    assert b.session.value == "Seventieth session"
    assert b.agenda_item.value == "Agenda item 22 (c)"
    assert b.distributed.value == "2016-01-12"
    assert b.committee_report.value == "A/70/999/Add.3"
    assert not b.draft


def test_closing_formula_gives_the_plenary_meeting_and_the_adoption_date(verbs):
    b = only(STANDARD, verbs)
    assert b.meeting.value == "81st plenary meeting"
    assert b.date_adopted.value == "2015-12-22"
    assert STANDARD[b.meeting.start:b.meeting.end] == "81st plenary meeting"


def test_preambular_clause_forms_are_recognized(verbs):
    b = only(STANDARD, verbs)
    pre = [p.verb.value for p in b.paragraphs if p.kind == "preambular"]
    assert pre == ["Recalling", "Reaffirming", "Noting with interest", "Bearing in mind"]


def test_operative_paragraphs_keep_number_and_verb_as_written(verbs):
    b = only(STANDARD, verbs)
    assert operative(b) == [("1", "Takes note"), ("2", "Requests"), ("3", "Invites"), ("4", "Urges"),
                            ("5", "Calls upon"), ("6", "Encourages"), ("7", "Decides"), ("8", "Also decides")]


def test_paragraph_text_leaves_out_footnote_numbers_and_keeps_offsets(verbs):
    b = only(STANDARD, verbs)
    first = b.operative[0]
    assert first.text == "Takes note of the report of the Secretary-General;"
    assert STANDARD[first.start:first.end].startswith("1. Takes note")


def test_letter_spaced_and_italic_verbs_are_read(verbs):
    b = only(DAMAGED, verbs)
    assert [p.verb.value for p in b.paragraphs if p.kind == "preambular"] == ["Recalling", "Noting with interest"]
    assert operative(b) == [("1", "Takes note"), ("2", "Requests"), ("3", "Further decides")]
    recalling = b.paragraphs[0]
    assert recalling.text.startswith("Recalling its resolution 69/229")
    assert DAMAGED[recalling.verb.start:recalling.verb.end] == "Reca llin g"


def test_paragraph_broken_across_a_page_skips_running_header_and_job_number(verbs):
    b = only(DAMAGED, verbs)
    second = b.operative[1]
    assert second.text == ("Requests the Secretary-General to submit to the General Assembly at its seventy-first "
                           "session a report on the implementation of the present resolution;")
    assert "15-22222" in DAMAGED[second.start:second.end]  # the evidence is the raw span


def test_curly_quotes_are_straightened_in_text_values(verbs):
    b = only(DAMAGED, verbs)
    assert b.operative[-1].text.endswith('entitled "Migration of Arnorian seafarers".')


def test_closing_formula_after_a_footnote_still_ends_the_resolution(verbs):
    b = only(DAMAGED, verbs)
    assert b.date_adopted.value == "2015-12-21"
    assert "A/69/100" not in b.operative[-1].text


def test_symbol_written_only_as_session_and_number_becomes_a_ga_symbol(verbs):
    b = only(WEB, verbs)
    assert b.symbol.value == "A/RES/70/997"
    assert b.title.value == "Protection of Gondorian migrants"


def test_paragraphs_run_together_on_one_line_are_split_by_their_numbers(verbs):
    b = only(WEB, verbs)
    assert operative(b) == [("1", "Calls upon"), ("2", "Requests"), ("3", "Decides")]
    assert b.date_adopted.value == "2015-12-17"
    assert [p.verb.value for p in b.paragraphs if p.kind == "preambular"] == ["Recalling", "Noting"]


def test_draft_quoted_in_a_committee_report_takes_the_draft_symbol(verbs):
    b = only(COMMITTEE_REPORT, verbs)
    assert b.symbol.value == "A/C.3/70/L.99"
    assert b.draft
    assert b.title.value == "Protection of migrants in Arnor"
    assert operative(b) == [("1", "Calls upon"), ("2", "Requests")]
    assert b.meeting is None and b.date_adopted is None


def test_numbered_paragraphs_of_the_report_itself_are_not_provisions(verbs):
    b = only(COMMITTEE_REPORT, verbs)
    assert all("Committee" not in p.text for p in b.operative)


def test_two_resolutions_each_numbered_from_one_are_two_blocks(verbs):
    two = STANDARD + "\n" + WEB
    blocks = find_blocks(two, verbs)
    assert [b.symbol.value for b in blocks] == ["A/RES/70/999", "A/RES/70/997"]
    assert [p.number for p in blocks[1].operative] == ["1", "2", "3"]


def test_a_page_printed_twice_does_not_duplicate_paragraphs(verbs):
    text = STANDARD.replace("3. Invites", "2. Requests the Secretary-General to submit a report;\n\n3. Invites")
    numbers = [p.number for p in only(text, verbs).operative]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7", "8"]


def test_lettered_subparagraphs_with_their_own_verb_are_kept_under_their_paragraph(verbs):
    text = ("United Nations A/RES/71/990\n\nThe General Assembly,\n\nRecalling its resolution 70/999,\n\n"
            "1. Recognizes the role of the Arnor Forum, and in this regard:\n"
            "(a) Welcomes the report of the Forum, and invites the organizers of the Forum to share it;\n"
            "(b) Requests the Secretary-General to take note of it;\n\n"
            "2. Decides to remain seized of the matter.\n\n90th plenary meeting\n1 March 2017\n")
    b = only(text, verbs)
    assert operative(b) == [("1", "Recognizes"), ("1 (a)", "Welcomes"), ("1 (b)", "Requests"), ("2", "Decides")]


def test_text_without_a_resolution_gives_no_block(verbs):
    text = "The meeting discussed migration.\n\n1. Introduction\n\n2. Requests for assistance were made.\n"
    assert find_blocks(text, verbs) == []


def test_pdf_page_furniture_footnote_rule_and_running_title_stay_out_of_paragraphs(verbs):
    b = only(PDF_LAYOUT, verbs)
    assert b.symbol.value == "A/RES/72/991" and b.date_adopted.value == "2017-12-20"
    assert operative(b) == [("1", "Takes note"), ("2", "Calls upon"), ("3", "Also requests"), ("4", "Decides")]
    second = b.operative[1].text
    assert second.endswith("to strengthen cooperation on migration statistics;")
    assert "_____" not in second and "A/72/291" not in second and "2/3" not in second
    assert b.operative[2].text.startswith("Also requests the Secretary-General, in consultation with")
    assert [p.verb.value for p in b.paragraphs if p.kind == "preambular"] == ["Recalling", "Deeply concerned"]


def test_draft_as_issued_is_a_draft_with_its_own_symbol_and_title(verbs):
    b = only(DRAFT, verbs)
    assert (b.symbol.value, b.draft, b.title.value) == ("A/C.2/72/L.98", True, "Migration and mobility in Arnor")
    assert b.operative[-1].text == "Invites Member States to share their experience."  # sponsors' footnote left out


def test_drafts_recommended_by_number_take_the_symbol_the_report_gives_that_number(verbs):
    blocks = find_blocks(TWO_DRAFTS_REPORT, verbs)
    assert [(b.symbol.value, b.title.value) for b in blocks] == [
        ("A/C.3/72/L.30", "Migrant seafarers"), ("A/C.3/72/L.40/Rev.1", "Migrant children")]
    assert blocks[0].operative[0].text == "Urges all States to protect migrant seafarers;"


def test_fragment_with_only_paragraphs_and_a_closing_formula_is_still_read(verbs):
    b = only("5. Requests the Secretary-General to report;\n6. Decides to remain seized of the matter.\n\n"
             "72nd plenary meeting\n19 December 2008\n", verbs)
    assert operative(b) == [("5", "Requests"), ("6", "Decides")]
    assert b.symbol is None and b.date_adopted.value == "2008-12-19"


def test_italic_words_glued_by_pdf_extraction_are_read_apart(verbs):
    text = STANDARD.replace("8. Also decides", "8. *Alsodecides*").replace("5. Calls upon", "5. Callsupon")
    b = only(text, verbs)
    assert operative(b)[4] == ("5", "Calls upon")
    assert operative(b)[7] == ("8", "Also decides")


def test_symbol_stated_anywhere_above_the_text_is_taken(verbs):
    b = only("Document symbol: A/RES/70/995 (web page)\nThe General Assembly,\nRecalling its resolution 69/1,\n"
             "1. Decides to remain seized of the matter.\n", verbs)
    assert b.symbol.value == "A/RES/70/995"


def test_paragraphs_whose_numbers_were_lost_are_numbered_in_order(verbs):
    text = ("A/RES/71/993\nThe General Assembly,\nRecalling its resolution 70/999,\n"
            "Takes note of the report of the Secretary-General;\n"
            "Requests the Secretary-General to report on the implementation of the present resolution;\n"
            "Decides to include the item in the agenda of its seventy-second session.\n")
    assert operative(only(text, verbs)) == [("1", "Takes note"), ("2", "Requests"), ("3", "Decides")]


def test_a_list_that_restarts_at_one_continues_the_count(verbs):
    text = ("A/RES/71/992\nThe General Assembly,\nRecalling its resolution 70/999,\n"
            "1. Takes note of the report;\n2. Welcomes the Forum;\n3. Urges Member States to act;\n"
            "A/RES/71/992\n"
            "1. Requests the Secretary-General to report;\n2. Decides to remain seized of the matter.\n")
    assert operative(only(text, verbs)) == [("1", "Takes note"), ("2", "Welcomes"), ("3", "Urges"),
                                            ("4", "Requests"), ("5", "Decides")]


def test_a_number_on_its_own_line_still_opens_its_paragraph(verbs):
    text = "A/RES/71/991\nThe General Assembly,\n1.\n\nTakes note of the report;\n2.\nDecides to act.\n"
    assert operative(only(text, verbs)) == [("1", "Takes note"), ("2", "Decides")]


def test_a_number_that_lost_its_dot_still_numbers_a_listed_verb(verbs):
    text = ("A/RES/71/989\nThe General Assembly,\nRecalling its resolution 70/999,\n1 Takes note of the report;\n"
            "2 Requests the Secretary-General to report;\n3 See A/71/100.\n")
    assert operative(only(text, verbs)) == [("1", "Takes note"), ("2", "Requests")]


def test_a_declaration_in_the_first_person_has_its_paragraphs_read(verbs):
    text = ("A/RES/68/990\nThe General Assembly\nAdopts the following Declaration:\nDeclaration of Arnor\n"
            "We, the Ministers and representatives of States,\n"
            "1. Recognize that migration is a multidimensional reality;\n"
            "2. Call upon all States to protect migrants;\n3. We decide to meet again.\n\n"
            "4th plenary meeting\n3 October 2013\n")
    b = only(text, verbs)
    assert operative(b) == [("1", "Recognize"), ("2", "Call upon")]


def test_opening_without_its_comma_still_opens_a_draft(verbs):
    text = ("The Committee adopted draft resolution A/C.2/72/L.97.\n\nMigration in Gondor\n\nThe General Assembly\n"
            "Recalling its resolution 71/237,\n1. Invites Member States to act.\n")
    b = only(text, verbs)
    assert (b.symbol.value, b.title.value) == ("A/C.2/72/L.97", "Migration in Gondor")


def test_an_unlisted_participle_still_opens_a_preambular_paragraph(verbs):
    text = ("A/RES/71/988\nThe General Assembly,\nApplauding the work of the Arnor Forum,\n"
            "1. Decides to remain seized of the matter.\n")
    b = only(text, verbs)
    assert [p.verb.value for p in b.paragraphs if p.kind == "preambular"] == ["Applauding"]
