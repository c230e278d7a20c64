"""The reading layer: one layout-free view per document, mapped back to exact source offsets."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.ingest import make_document
from graph.reading import read


def view(text: str) -> str:
    return read(make_document(text, "t")).text


def test_the_wrapped_lines_of_a_paragraph_are_one_line():
    text = ("The Regional Consultation on Labour Migration in South-East\n"
            "Asia was organized by the Arnor Institute in Bangkok on 14 May\n"
            "2024. It was attended by delegates from twelve countries of the\n"
            "region and by observers.\n\n"
            "The next meeting will be held in Manila.\n")
    assert view(text).split("\n")[:3] == [
        "The Regional Consultation on Labour Migration in South-East Asia was organized by the Arnor Institute "
        "in Bangkok on 14 May 2024. It was attended by delegates from twelve countries of the region and by "
        "observers.", "", "The next meeting will be held in Manila."]


def test_a_word_hyphenated_at_a_line_end_is_whole_but_a_compound_keeps_its_hyphen():
    text = ("The workshop on labour migra-\ntion statistics in South-\nEast Asia gathered non-\n"
            "governmental organizations and the Inter-\nnational Office.")
    assert view(text) == ("The workshop on labour migration statistics in South-East Asia gathered "
                          "non-governmental organizations and the International Office.")


def test_a_hyphenated_form_the_document_writes_elsewhere_keeps_its_hyphen():
    text = "Follow-up was discussed.\nThe follow-\nup meeting took place in Geneva in May."
    assert "follow-up meeting" in view(text)


def test_page_numbers_job_numbers_and_running_headers_leave_the_view():
    page = ("The Forum on Remittances reviewed the data collected by the {} statistical offices\n"
            "of the region and agreed that the survey on transfer costs would be repeated in the coming\n"
            "years with the support of the Arnor Institute and of the Gondor Bureau of Statistics.\n")
    pages = []
    for n, who in enumerate(("national", "regional", "municipal"), 1):
        pages.append(f"ARN/FR/2031/3\n{page.format(who)}Page {n} of 3\n24-0100{n} (E)\n")
    text = "\f".join(pages)
    v = view(text)
    assert v.count("ARN/FR/2031/3") == 1  # the masthead's symbol stays, its repeats in the running header go
    assert "Page 2" not in v and "24-0100" not in v
    assert v.count("The Forum on Remittances reviewed") == 3


def test_a_page_break_inside_a_sentence_joins_the_sentence():
    text = ("The meeting of experts on labour mobility was held in Nairobi, Kenya, and it was\n"
            "- 4 -\n\n"
            "organized by the Arnor Institute for Migration Studies.\n")
    assert "and it was organized by the Arnor Institute" in view(text)


def test_a_line_repeated_away_from_page_breaks_is_content():
    text = "\n".join(["Participants", "Ms. Ann Tern", "Geneva", "Mr. Bob Reed", "Geneva", "Ms. Cy Lund", "Geneva"])
    assert view(text).count("Geneva") == 3


def test_pdf_damage_inside_a_line_is_healed():
    text = ("R e c a l l i n g its resolution 12/3, the Council, at the \ufb01rst\u00a0session of the "
            "General Assembly,2 noted the in form ation. Reca llin g also the report.")
    assert view(text) == ("Recalling its resolution 12/3, the Council, at the first session of the "
                          "General Assembly, noted the information. Recalling also the report.")


def test_letter_spaced_words_run_together_are_split_into_words():
    assert view("C a l l s u p o n Member States to act.") == "Calls upon Member States to act."


def test_justified_spacing_is_one_space_but_table_columns_keep_theirs():
    text = "The  meeting   was held in Kigali.\nName      Title      Organization\n"
    assert view(text).split("\n")[:2] == ["The meeting was held in Kigali.", "Name      Title      Organization"]


def test_symbols_and_note_free_numbers_are_left_alone():
    text = "See A/RES/63/225, para.5, document Add.1 and Rev.2, and Goal 8 of Agenda 2030."
    assert view(text) == text


def test_every_view_span_maps_back_to_the_source_span_that_holds_its_words():
    text = ("The Inter-\nnational   Office\u00a0organized the \ufb01rst meeting,3 on 5 May\n2031, in Kigali.\n"
            "- 2 -\n")
    r = read(make_document(text, "t"))
    for word in ("International", "Office", "first", "meeting", "5 May 2031", "Kigali"):
        i = r.text.index(word)
        ev = r.evidence(i, i + len(word))
        assert ev.quote == text[ev.start:ev.end]
        plain = re.sub(r"-\n", "", ev.quote).replace("\ufb01", "fi")
        assert re.sub(r"\s+", " ", plain) == word


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab cD-.\n\f\u00a0\ufb01,2(") + ["Mr. ", "migra-\ntion ", "- 3 -\n"]),
                max_size=120).map("".join), st.data())
def test_any_view_span_maps_to_an_ordered_source_span(text, data):
    r = read(make_document(text, "t"))
    n = len(r.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    s, e = r.source_span(a, b)
    assert 0 <= s <= e <= len(text)
    if b < n:
        s2, e2 = r.source_span(a, b + 1)
        assert s2 == s and e2 >= e


def test_a_text_with_nothing_to_heal_is_its_own_view():
    text = "Report of the meeting\n\n1. The meeting was opened by Ms. Ann Tern.\n2. It adopted its agenda.\n"
    assert view(text) == text


def test_sentences_do_not_end_at_un_abbreviations():
    text = ("H.E. Mr. Bo Lind, Minister of Labour, opened the session (see para. 4 and annex No. 2, e.g. "
            "the U.N. report). The Council took note of document A/63/265. It also noted A/63/265/Add.1 "
            "and Corr.1.")
    r = read(make_document(text, "t"))
    assert [r.text[s:e] for s, e in r.sentences] == [
        "H.E. Mr. Bo Lind, Minister of Labour, opened the session (see para. 4 and annex No. 2, e.g. the U.N. "
        "report).", "The Council took note of document A/63/265.", "It also noted A/63/265/Add.1 and Corr.1."]


def test_blocks_say_what_each_line_is():
    text = ("II. REGIONAL DEVELOPMENTS\n\n3. The meeting noted the trends.\n(a) Labour migration;\n"
            "\u2022 a bullet item\nName\tTitle\tOrganization\nThe meeting closed.\n")
    r = read(make_document(text, "t"))
    assert [(b.kind, b.number) for b in r.blocks] == [
        ("heading", ""), ("numbered", "3"), ("subparagraph", "a"), ("item", ""), ("table", ""), ("paragraph", "")]


def test_sentence_at_finds_the_sentence_holding_a_position():
    r = read(make_document("One sentence here. Another one there.", "t"))
    assert r.sentence_at(r.text.index("Another")) == (19, 37)
    assert r.sentences_in(0, 18) == [(0, 18)]
