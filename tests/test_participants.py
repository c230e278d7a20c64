"""The participants-list parser: invented lists in the layouts UN reports use, and the seed."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph import refs
from graph.extract import participants
from graph.lexicon import CountryEntry, Lexicon, load_lexicon
from graph.model import Document, Extraction

LEX = Lexicon(countries=[CountryEntry("Republic of Arnor", "ARN", ("Arnor",), ()),
                         CountryEntry("Gondor", "GON", (), ())])

LIST = """REPORT

Some text about the meeting.

LIST OF PARTICIPANTS

Invited Speakers

MS. ARWEN UNDOMIEL

Senior Policy Adviser

Refugee Statistics Division

Gondor Institute for Migration Studies

Minas Tirith

Gondor

MR. FARAMIR B. HURIN, JR. Chief Data Section Refugee Statistics Division Gondor Institute for Migration Studies Minas Tirith Gondor

Specialized Agencies

Arnor Labour Organization (ALO)

MR. BEREN ERCHAMION
Programme Officer
Fornost
Republic of Arnor

MS. LUTHIEN TINUVIEL

LIST OF PAPERS

A paper.
"""


def doc(text: str) -> Document:
    return Document("t", "t.txt", "t", text, hashlib.sha256(text.encode()).hexdigest())


def run(text: str, lex: Lexicon = LEX) -> Extraction:
    d = doc(text)
    x = participants.extract(d, lex)
    for item in (*x.mentions, *x.attributes, *x.relations):
        assert d.text[item.evidence.start:item.evidence.end] == item.evidence.quote, item
    mentioned = {m.ref for m in x.mentions}
    assert all(r.subject in mentioned and r.object in mentioned for r in x.relations)
    return x


def titles(x: Extraction) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a in x.attributes:
        if a.prop == "jobTitle":
            out.setdefault(a.ref, set()).add(a.value.lexical)
    return out


def edges(x: Extraction, prop: str) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in x.relations if r.prop == prop}


GIMS = refs.org("Gondor Institute for Migration Studies")
DIVISION = refs.org("Refugee Statistics Division")


def test_section_runs_from_its_heading_to_the_next_upper_case_heading():
    d = doc(LIST)
    s, e = participants.find_participants_section(d)
    assert d.text[s:e].strip().startswith("Invited Speakers")
    assert "LIST OF PAPERS" not in d.text[s:e] and "MS. LUTHIEN TINUVIEL" in d.text[s:e]


def test_document_without_a_list_has_no_section_and_no_participants():
    d = doc("REPORT\n\nMr. Hurin spoke.\n")
    assert participants.find_participants_section(d) is None
    assert participants.extract(d, LEX) == Extraction()


def test_every_listed_person_is_a_person_with_a_readable_name():
    x = run(LIST)
    people = {m.ref: m.label for m in x.mentions if m.cls == "Person"}
    assert people == {refs.person("arwen undomiel"): "Arwen Undomiel",
                      refs.person("faramir hurin"): "Faramir B. Hurin, Jr.",
                      refs.person("beren erchamion"): "Beren Erchamion",
                      refs.person("luthien tinuviel"): "Luthien Tinuviel"}


def test_title_lines_become_job_titles_whether_on_their_own_line_or_glued():
    t = titles(run(LIST))
    assert t[refs.person("arwen undomiel")] == {"Senior Policy Adviser"}
    assert t[refs.person("faramir hurin")] == {"Chief"}
    assert t[refs.person("beren erchamion")] == {"Programme Officer"}


def test_units_and_organizations_of_a_block_give_member_of_and_part_of():
    x = run(LIST)
    member = edges(x, "memberOf")
    assert {(refs.person("arwen undomiel"), DIVISION), (refs.person("arwen undomiel"), GIMS)} <= member
    part = edges(x, "partOf")
    assert (DIVISION, GIMS) in part
    assert (refs.org("Data Section"), DIVISION) in part


def test_a_person_without_affiliation_lines_belongs_to_the_group_heading():
    x = run(LIST)
    alo = refs.org("Arnor Labour Organization")
    assert (refs.person("beren erchamion"), alo) in edges(x, "memberOf")
    assert (refs.person("luthien tinuviel"), alo) in edges(x, "memberOf")


def test_category_headings_are_not_organizations():
    labels = {m.label for m in run(LIST).mentions if m.cls != "Person"}
    assert "Invited Speakers" not in labels and "Specialized Agencies" not in labels


# ---- the shipped corpus --------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> tuple[Document, participants.ParticipantsList, Extraction]:
    path = Path(__file__).resolve().parents[1] / "graph" / "corpus" / \
        "esa-p-wp214-seventh-coordination-meeting-2008.txt"
    text = path.read_text(encoding="utf-8")
    d = Document("seed", str(path), "seed", text, hashlib.sha256(text.encode()).hexdigest())
    lex = load_lexicon()
    return d, participants.parse(d, lex), participants.extract(d, lex)


def test_seed_list_has_every_listed_person(seed):
    d, parsed, _ = seed
    s, e = parsed.span
    listed = d.text[s:e].count("MR. ") + d.text[s:e].count("MS. ")
    assert len(parsed.people) == listed == 61


def test_seed_participants_with_a_title_line_get_their_title(seed):
    _, parsed, x = seed
    by_name = {p.name: p for p in parsed.people}
    assert by_name["Georges Lemaitre"].title == "Principal Administrator"
    assert by_name["Hania Zlotnik"].title == "Director"
    assert by_name["Athanassios Nakos"].title == "Vice-Minister of the Interior of Greece"
    assert by_name["Azfar Khan"].title == "Senior Migration Policy Specialist"
    # the few without a title are listed without one in the source
    untitled = {p.name for p in parsed.people if not p.title}
    assert untitled <= {"Sharon J. Taylor", "Ekaterina Anyanova", "Victor Ortega", "Victoria Rietig",
                        "Seung Bok Lee", "Henk-Jan Brinkman", "Yamina Djacta", "Rhitu Siddarth",
                        "Leonir Chiarello", "Mary Breeding", "Brian Gorlick"}


def test_seed_participants_belong_to_their_organizations(seed):
    _, _, x = seed
    member = edges(x, "memberOf")
    assert (refs.person("georges lemaitre"),
            refs.org("Organization for Economic Co-operation and Development")) in member
    assert (refs.person("hania zlotnik"), refs.org("Population Division")) in member
    assert (refs.person("azfar khan"), refs.org("International Labour Organization")) in member
    people = {m.ref for m in x.mentions if m.cls == "Person"}
    with_org = {s for s, _ in member}
    # only the Vice-Minister, whose listing names no organization, has none
    assert people - with_org == {refs.person("athanassios nakos")}


def test_lists_in_mixed_case_one_line_per_person():
    text = ("LIST OF PARTICIPANTS\n\nArnor Labour Organization (ALO)\n\n"
            "Mr. Beren Erchamion, Programme Officer, Statistics Unit, Arnor Labour Organization, Fornost, Arnor\n"
            "Ms. Luthien Tinuviel, Senior Adviser\n\nANNEX\n")
    x = run(text)
    alo = refs.org("Arnor Labour Organization")
    t = titles(x)
    assert t[refs.person("beren erchamion")] == {"Programme Officer"}
    assert t[refs.person("luthien tinuviel")] == {"Senior Adviser"}
    assert (refs.person("luthien tinuviel"), alo) in edges(x, "memberOf")
    assert (refs.org("Statistics Unit"), alo) in edges(x, "partOf")
