"""Persons wherever UN and news texts name them: titles before the name, honorifics of every
kind, a title and a comma before a bare name, programme lines, mis-decoded letters."""
from __future__ import annotations

from graph.ingest import make_document
from graph.lexicon import load_lexicon
from graph.pipeline import extract_document

LEX = load_lexicon()


def people(text: str) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """{person label: jobTitle} and {(person label, organization label)} of a text."""
    x = extract_document(make_document(text, "t"), LEX)
    label = {m.ref: m.label for m in x.mentions}
    persons = {m.ref for m in x.mentions if m.cls == "Person"}
    titles = {label[r]: "" for r in persons}
    titles.update({label[a.ref]: a.value.lexical for a in x.attributes if a.prop == "jobTitle" and a.ref in persons})
    members = {(label[r.subject], label[r.object]) for r in x.relations if r.prop == "memberOf"}
    return titles, members


def test_a_title_before_the_name_is_the_job_title_but_a_nationality_is_not():
    titles, _ = people("On 3 May, Chilean Deputy Foreign Minister Ana Quispe led the closing session.")
    assert titles == {"Ana Quispe": "Deputy Foreign Minister"}


def test_an_acronym_before_the_title_belongs_to_the_title():
    titles, _ = people("UNGA President Tomas Ekwueme noted the contribution of migrants.")
    assert titles == {"Tomas Ekwueme": "UNGA President"}


def test_hon_and_his_excellency_are_honorifics():
    titles, members = people("Hon. Mara Velez, Minister of Labour of Peru, welcomed the delegates. H.E. Jon Arkwright, "
                             "the Director General of the Arnor Institute for Migration Studies (AIMS), attended.")
    assert titles == {"Mara Velez": "Minister of Labour of Peru", "Jon Arkwright": "Director General"}
    assert ("Jon Arkwright", "Arnor Institute for Migration Studies") in members


def test_a_title_then_a_comma_then_a_bare_name():
    titles, _ = people("In her keynote address, the President of Malta, Rosa Lind-Varga, called for solidarity.")
    assert titles == {"Rosa Lind-Varga": "President of Malta"}


def test_a_programme_line_led_by_a_name_gives_the_person_and_the_organization():
    _, members = people("Opening session\n  \u2022 Ana Quispe, Arnor Institute for Migration Studies\n"
                        "  \u2022 Ambassador Ferenc K\u0139\u2018v\u00e1ri, Permanent Representative of Hungary\n")
    assert ("Ana Quispe", "Arnor Institute for Migration Studies") in members


def test_a_name_with_mis_decoded_letters_is_kept_as_written():
    titles, _ = people("\u2022 Ambassador Ferenc K\u0139\u2018v\u00e1ri, Permanent Representative of Hungary to the "
                       "United Nations.\n")
    assert list(titles) == ["Ferenc K\u0139\u2018v\u00e1ri"]


def test_a_country_in_brackets_after_the_name_does_not_hide_the_title():
    titles, _ = people("Members of the Board\n  Mr. Jon Arkwright (Jamaica), Chair\n  Ms. Ana Quispe (Peru), Vice-Chair\n")
    assert titles == {"Jon Arkwright": "Chair", "Ana Quispe": "Vice-Chair"}


def test_a_person_named_as_staff_of_a_described_organization_is_its_member():
    _, members = people("The Arnor Institute for Migration Studies opened an office in Lima. At the workshop, Dr. Ana "
                        "Quispe, Senior Statistician of the Institute, presented the survey.")
    assert ("Ana Quispe", "Arnor Institute for Migration Studies") in members


def test_a_compound_surname_alone_is_the_person_named_in_full_before():
    titles, _ = people("The President of Malta, Rosa Lind Varga, spoke first. President Lind Varga then left.")
    assert list(titles) == ["Rosa Lind Varga"]
