"""Partnership, funding and project extraction: one invented text per rule, plus corpus regressions.

Each text goes through a document's whole extraction: the ties come from the relation table, the
projects from the partnerships extractor."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import assert_exact_evidence

from graph import refs
from graph.extract import actors, partnerships
from graph.lexicon import CountryEntry, Lexicon, OrgEntry, load_lexicon
from graph.model import Document, Extraction
from graph.pipeline import extract_document

ARNOR = CountryEntry("Republic of Arnor", "ARN", ("Arnor",), ("Arnorian",))
GONDOR = CountryEntry("Gondor", "GON", (), ("Gondorian",))
GIMS = OrgEntry("Gondor Institute for Migration Studies", ("GIMS",), "AcademicInstitution", "", ())
AMO = OrgEntry("Arnor Migration Office", ("AMO",), "GovernmentBody", "", ())
RRC = OrgEntry("Rohan Refugee Council", ("RRC",), "NonGovernmentalOrganization", "", ())
# the shipped cue words (what names an event, a verb of organizing) with invented actors
_SHIPPED = load_lexicon()
LEX = Lexicon(organizations=[GIMS, AMO, RRC], countries=[ARNOR, GONDOR], cues=_SHIPPED.cues, verbs=_SHIPPED.verbs)


def doc(text: str) -> Document:
    return Document("t", "t.txt", "t", text, hashlib.sha256(text.encode()).hexdigest())


def run(text: str) -> tuple[Document, Extraction]:
    d = doc(text)
    x = extract_document(d, LEX)  # ties come from the relation stage, projects from the extractor
    assert_exact_evidence(d, x)
    known = {m.ref for m in x.mentions}
    for r in x.relations:
        assert r.subject in known and r.object in known, r
    return d, x


def rels(x: Extraction, prop: str) -> set[tuple[str, str]]:
    label = {m.ref: m.label for m in x.mentions}
    return {(label[r.subject], label[r.object]) for r in x.relations if r.prop == prop}


@pytest.mark.parametrize("text", [
    "The Gondor Institute for Migration Studies (GIMS), in collaboration with the Arnor Migration Office (AMO), "
    "organized a workshop in 2031.",
    "GIMS continues its collaboration with the Arnor Migration Office and offers seminars.",
    "GIMS was working with the Arnor Migration Office to establish a programme.",
    "The delegate said that, with the support of the Arnor Migration Office, GIMS would extend its seminars.",
    "In 2031, GIMS and AMO had convened a regional meeting.",
])
def test_partnership_phrases_link_the_subject_to_its_partner(text):
    _, x = run(text + "\n")
    assert rels(x, "partneredWith") == {(GIMS.name, AMO.name)}


def test_every_actor_of_a_partner_list_is_a_partner():
    _, x = run("GIMS, together with AMO and the Rohan Refugee Council, presented the book.\n"
               "GIMS continues its cooperation with AMO, RRC and the Republic of Arnor.\n")
    assert rels(x, "partneredWith") >= {(GIMS.name, AMO.name), (GIMS.name, RRC.name)}


def test_partnership_between_two_actors():
    _, x = run("The partnership between the Arnor Migration Office and the Rohan Refugee Council grew in 2031.\n")
    assert rels(x, "partneredWith") == {(AMO.name, RRC.name)}


def test_partner_refs_are_the_actor_extractor_refs():
    d, x = run("GIMS continues its collaboration with the Government of Gondor.\n")
    gov = {m.ref for m in actors.extract(d, LEX).mentions if m.cls == "GovernmentBody"}
    # the partner is the Government the actors extractor names, and the state it acts for
    assert {r.object for r in x.relations if r.prop == "partneredWith"} == gov | {refs.country("GON")}


def test_funding_phrase_gives_funded_by():
    _, x = run("The Rohan Refugee Council is funded by the Gondor Institute for Migration Studies.\n")
    assert rels(x, "fundedBy") == {(RRC.name, GIMS.name)}


@pytest.mark.parametrize("text", [
    "The events were sponsored by GIMS.",  # the funded thing is no actor
    "The meeting discussed cooperation with other partners.",  # no actor named
    "GIMS was founded in 2001 in Arnor.",
])
def test_no_tie_without_two_actors(text):
    _, x = run(text + "\n")
    assert not rels(x, "partneredWith") and not rels(x, "fundedBy")


def test_project_of_an_agency_is_a_project_it_organizes_in_the_listed_countries():
    _, x = run("The project of GIMS on Rivers and Roads: Mapping Northern Migration was set up in the following "
               "countries: Arnor and Gondor, and produced reports.\n")
    ref = refs.project("Rivers and Roads: Mapping Northern Migration")
    assert {m.cls for m in x.mentions if m.ref == ref} == {"Project"}
    assert rels(x, "organized") == {(GIMS.name, "Rivers and Roads: Mapping Northern Migration")}
    assert {r.object for r in x.relations if r.prop == "heldIn"} == {refs.country("ARN"), refs.country("GON")}


def test_named_programme_and_its_countries_in_the_next_sentence():
    _, x = run("GIMS has been implementing the GIMS Northern Programme on Safe River Crossings since 2001. "
               "Currently in its second phase, the programme works in three countries—Arnor, Gondor and Rohan.\n")
    assert rels(x, "organized") == {(GIMS.name, "GIMS Northern Programme on Safe River Crossings")}
    assert {r.object for r in x.relations if r.prop == "heldIn"} == {refs.country("ARN"), refs.country("GON")}


def test_organization_named_programme_is_not_a_project():
    lex_org = OrgEntry("Northern Development Programme", ("NDP",), "UNEntity", "", ())
    d = doc("GIMS supports the Northern Development Programme in Arnor.\n")
    x = partnerships.extract(d, Lexicon(organizations=[GIMS, lex_org], countries=[ARNOR]))
    assert not [m for m in x.mentions if m.cls == "Event"]


def test_initiative_launched_by_an_agency():
    _, x = run("In 2030, the GIMS launched a new initiative on river migration and co-development.\n")
    assert rels(x, "organized") == {(GIMS.name, "initiative on river migration and co-development")}


# ---- the shipped corpus --------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus() -> Extraction:
    path = Path(__file__).resolve().parents[1] / "graph" / "corpus" / \
        "esa-p-wp214-seventh-coordination-meeting-2008.txt"
    text = path.read_text(encoding="utf-8")
    d = Document("seed", str(path), "seed", text, hashlib.sha256(text.encode()).hexdigest())
    return extract_document(d, load_lexicon())


def test_corpus_partnerships(corpus):
    got = rels(corpus, "partneredWith")
    assert ("League of Arab States", "International Organization for Migration") in got
    assert ("United Nations Population Fund", "United Nations Institute for Training and Research") in got
    # "the United Nations country team" is not the United Nations
    assert not any(b == "United Nations" for _, b in got)


def test_corpus_project_countries(corpus):
    label = {m.ref: m.label for m in corpus.mentions}
    held = {(label[r.subject], label[r.object]) for r in corpus.relations if r.prop == "heldIn"}
    project = "Gender and Remittances: Building Gender-Sensitive Local Development"
    assert {(project, c) for c in ("Albania", "Philippines", "Senegal")} <= held


def test_co_sponsorship_is_partnership_not_funding():
    _, x = run("GIMS held a seminar co-sponsored by the Arnor Migration Office.\n")
    assert rels(x, "fundedBy") == set()
    assert rels(x, "partneredWith") == {(GIMS.name, AMO.name)}


def test_countries_after_a_programme_name_are_where_it_runs_not_its_name():
    _, x = run("The Gondor Institute for Migration Studies (GIMS), in cooperation with the Arnor Migration Office, "
               "launched the Safe Crossings Protection Programme in Arnor and Gondor in 2031.\n")
    assert {m.label for m in x.mentions if m.cls == "Project"} == {"Safe Crossings Protection Programme"}
    assert (GIMS.name, "Safe Crossings Protection Programme") in rels(x, "organized")
    assert {r.object for r in x.relations if r.prop == "heldIn"} == {refs.country("ARN"), refs.country("GON")}


def test_established_relationship_is_a_partnership():
    _, x = run("GIMS has established a close relationship with the Rohan Refugee Council (RRC), through agreements.\n")
    assert rels(x, "partneredWith") == {(GIMS.name, RRC.name)}


def test_joint_initiative_is_organized_by_the_agencies_in_its_name():
    _, x = run("RRC is participating in the new Gondor Institute for Migration Studies–Arnor Migration Office Joint "
               "River Initiative (GAJRI), which supports local actors.\n")
    ev = [m for m in x.mentions if m.cls == "Project"]
    assert {m.label for m in ev} == {"Gondor Institute for Migration Studies–Arnor Migration Office Joint River Initiative"}
    assert "GAJRI" in ev[0].aliases
    assert {a for a, _ in rels(x, "organized")} == {GIMS.name, AMO.name}


def test_event_co_organized_with_partners_gives_partners_of_its_organizer():
    _, x = run("GIMS coorganized the International Conference on River Crossings in Arnor in 2031. The meeting was "
               "coorganized with the Arnor "
               "Migration Office and other organizations, such as the Rohan Refugee Council.\n")
    # every co-organizer partners with the organizer named before it, and with each other
    assert rels(x, "partneredWith") == {(GIMS.name, AMO.name), (GIMS.name, RRC.name), (AMO.name, RRC.name)}


def test_seat_of_an_institute_named_with_its_city():
    _, x = run("The Gondor Institute for Migration Studies (GIMS) in Minas Tirith, Gondor, is studying return.")
    assert rels(x, "locatedIn") == {("Gondor Institute for Migration Studies", "Minas Tirith"),
                                    ("Gondor Institute for Migration Studies", "Gondor"), ("Minas Tirith", "Gondor")}


def test_seat_said_with_based_or_headquartered_in():
    _, x = run("The Rohan Refugee Council, based in Edoras, Gondor, assists migrants. "
               "The Arnor Migration Office (AMO) is headquartered in Arnor.")
    assert rels(x, "locatedIn") == {("Rohan Refugee Council", "Edoras"), ("Rohan Refugee Council", "Gondor"),
                                    ("Edoras", "Gondor"), ("Arnor Migration Office", "Republic of Arnor")}


def test_no_seat_from_activities_in_a_country_or_an_event_venue():
    _, x = run("The Arnor Migration Office in Gondor trained border guards. "
               "A workshop was organized by the Gondor Institute for Migration Studies in Minas Tirith, Gondor.")
    # the city is in its country; neither organization sits there
    assert rels(x, "locatedIn") <= {("Minas Tirith", "Gondor")}


def test_seat_in_brackets_after_an_institute():
    _, x = run("Researchers of the Gondor Institute for Migration Studies (Minas Tirith, Gondor) met officials.")
    assert ("Gondor Institute for Migration Studies", "Minas Tirith") in rels(x, "locatedIn")
