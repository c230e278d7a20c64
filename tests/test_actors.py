"""Actor extraction: one invented text per rule, plus regressions on the shipped corpus."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import assert_exact_evidence

from graph import refs
from graph.extract import actors
from graph.lexicon import CountryEntry, Lexicon, OrgEntry, load_lexicon
from graph.model import Document, Extraction

ARNOR = CountryEntry("Republic of Arnor", "ARN", ("Arnor",), ("Arnorian",))
GONDOR = CountryEntry("Gondor", "GON", (), ("Gondorian",))


def doc(text: str) -> Document:
    return Document("t", "t.txt", "t", text, hashlib.sha256(text.encode()).hexdigest())


def lexicon(*orgs: OrgEntry) -> Lexicon:
    return Lexicon(organizations=list(orgs), countries=[ARNOR, GONDOR])


def run(text: str, lex: Lexicon | None = None) -> Extraction:
    d = doc(text)
    x = actors.extract(d, lex or lexicon())
    assert_evidence(x, d)
    return x


def assert_evidence(x: Extraction, d: Document) -> None:
    assert_exact_evidence(d, x)


def mentions(x: Extraction, family: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for m in x.mentions:
        if m.ref.startswith(family + ":"):
            out.setdefault(m.ref, []).append(m)
    return out


def attrs(x: Extraction, ref: str, prop: str) -> set[str]:
    return {a.value.lexical for a in x.attributes if a.ref == ref and a.prop == prop}


def rels(x: Extraction, prop: str) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in x.relations if r.prop == prop}


GIMS = refs.org("Gondor Institute for Migration Studies")


# ---- organizations ------------------------------------------------------------------------

def test_acronym_defined_after_long_name_is_one_organization_under_its_long_name():
    x = run("The Gondor Institute for Migration Studies (GIMS) met in May. Later, GIMS reported.")
    orgs = mentions(x, "org")
    assert set(orgs) == {GIMS}
    assert len(orgs[GIMS]) == 3  # long name, the acronym in brackets, the acronym alone
    assert attrs(x, GIMS, "acronym") == {"GIMS"}
    assert any("GIMS" in m.aliases for m in orgs[GIMS])


def test_acronym_defined_before_long_name_in_apposition():
    x = run("Ms. Smith said that UNARN, the United Nations Arnor Relief Network, had grown. UNARN works.")
    ref = refs.org("United Nations Arnor Relief Network")
    assert ref in mentions(x, "org")
    assert attrs(x, ref, "acronym") == {"UNARN"}
    assert len(mentions(x, "org")[ref]) >= 2


def test_glossary_lines_define_acronyms():
    text = "ABBREVIATIONS\n\nGIMS  Gondor Institute for Migration Studies\nRAC Rohan Assistance Council\n\nGIMS and RAC met."
    x = run(text)
    orgs = mentions(x, "org")
    assert GIMS in orgs and refs.org("Rohan Assistance Council") in orgs
    assert any(m.evidence.quote == "RAC" for m in orgs[refs.org("Rohan Assistance Council")])


def test_dictionary_acronym_seen_alone_takes_the_entry_long_name():
    bank = OrgEntry("Minas Tirith Development Bank", ("MTDB",), "IntergovernmentalOrganization", "", ())
    x = run("Last year MTDB lent money to farmers.", lexicon(bank))
    orgs = mentions(x, "org")
    assert list(orgs) == [refs.org("Minas Tirith Development Bank")]
    assert orgs[refs.org("Minas Tirith Development Bank")][0].cls == "IntergovernmentalOrganization"


def test_shared_acronym_is_resolved_only_by_the_long_name_the_text_uses():
    a = OrgEntry("Rohan Development Bank", ("RDB",), "IntergovernmentalOrganization", "", ())
    b = OrgEntry("Rhun Development Bank", ("RDB",), "IntergovernmentalOrganization", "", ())
    alone = run("Last year RDB lent money.", lexicon(a, b))
    assert mentions(alone, "org") == {}
    x = run("The Rhun Development Bank met. Later RDB lent money.", lexicon(a, b))
    assert set(mentions(x, "org")) == {refs.org("Rhun Development Bank")}


def test_acronyms_match_case_sensitively_and_whole_words_only():
    who = OrgEntry("Wizards Health Organization", ("WHO",), "UNEntity", "", ())
    x = run("Those who work here, and WHOever else, met the WHOA group.", lexicon(who))
    assert mentions(x, "org") == {}
    assert set(mentions(run("The WHO reported.", lexicon(who)), "org")) == {refs.org("Wizards Health Organization")}


@pytest.mark.parametrize("text, name, kind", [
    ("Students of the Arnor State University protested.", "Arnor State University", "AcademicInstitution"),
    ("The University of Fornost opened a campus.", "University of Fornost", "AcademicInstitution"),
    ("Grants came from the Ithilien Heritage Foundation last year.", "Ithilien Heritage Foundation", "Foundation"),
    ("It was organized by the Ministry of Migration Affairs in May.", "Ministry of Migration Affairs", "GovernmentBody"),
    ("She joined the Dol Amroth Research Institute in 2001.", "Dol Amroth Research Institute", "AcademicInstitution"),
    ("The Anduin Migration Policy Institute published a brief.", "Anduin Migration Policy Institute", "NonGovernmentalOrganization"),
])
def test_names_shaped_like_organizations_get_a_kind_from_their_head(text, name, kind):
    orgs = mentions(run(text), "org")
    assert refs.org(name) in orgs, orgs
    assert orgs[refs.org(name)][0].cls == kind


def test_government_of_a_country_is_a_government_body_named_the_un_way():
    x = run("It was hosted by the Government of Arnor and later the Gondorian Government agreed.")
    orgs = mentions(x, "org")
    assert refs.org("Government of the Republic of Arnor") in orgs
    assert refs.org("Government of Gondor") in orgs
    assert {m.cls for ms in orgs.values() for m in ms} == {"GovernmentBody"}


def test_unit_of_a_known_organization_is_part_of_it():
    x = run("The Gondor Institute for Migration Studies (GIMS) grew. "
            "The Refugee Statistics Division of GIMS published data.")
    unit = refs.org("Refugee Statistics Division")
    assert unit in mentions(x, "org")
    assert (unit, GIMS) in rels(x, "partOf")


@pytest.mark.parametrize("text", [
    "REPORT OF THE MEETING\n\nThe Report of the Meeting was adopted.",
    "Member States and the Regional Consultative Process discussed remittances.",
    "The Global Forum on Migration and Development (GFMD) met in Arnor.",
    "The National Commission and the Commission agreed.",
    "An Expert Group Meeting was held.",
])
def test_events_documents_and_generic_phrases_are_not_organizations(text):
    assert mentions(run(text), "org") == {}


# ---- persons -------------------------------------------------------------------------------

def test_person_with_title_and_organization_in_apposition():
    x = run("The Gondor Institute for Migration Studies (GIMS) has a Refugee Statistics Division. "
            "Ms. Arwen Undomiel, Director of the Refugee Statistics Division of GIMS, opened the meeting.")
    p = refs.person("arwen undomiel")
    assert mentions(x, "person")[p][0].label == "Arwen Undomiel"
    assert attrs(x, p, "jobTitle") == {"Director"}
    assert (p, refs.org("Refugee Statistics Division")) in rels(x, "memberOf")


def test_person_of_an_organization():
    x = run("The Gondor Institute for Migration Studies (GIMS) grew. Mr. Beren Erchamion of GIMS said so.")
    assert (refs.person("beren erchamion"), GIMS) in rels(x, "memberOf")


def test_title_before_the_name():
    x = run("The session was chaired by the Special Envoy of the Republic of Arnor, Mr. Elrond Peredhel.")
    p = refs.person("elrond peredhel")
    assert attrs(x, p, "jobTitle") == {"Special Envoy of the Republic of Arnor"}


def test_short_references_attach_to_the_one_full_name_with_that_surname():
    x = run("Mr. Faramir Hurin spoke first. Mr. Hurin then replied, and Under-Secretary Hurin agreed.")
    people = mentions(x, "person")
    assert set(people) == {refs.person("faramir hurin")}
    assert len(people[refs.person("faramir hurin")]) == 3


def test_short_reference_stays_apart_when_two_people_share_the_surname():
    x = run("Mr. Faramir Hurin and Ms. Ioreth Hurin spoke. Mr. Hurin replied.")
    assert set(mentions(x, "person")) == {refs.person("faramir hurin"), refs.person("ioreth hurin"),
                                          refs.person("hurin")}


def test_close_spellings_of_one_name_are_one_person():
    x = run("Mr. Georges Lemaire spoke. Mr. George Lemaire replied.")
    assert set(mentions(x, "person")) == {refs.person("georges lemaire")}


def test_reference_list_names_authors_and_editors():
    text = ("REFERENCES\n\n- Hurin, Faramir and Ioreth Nimloth (2007). Leaving Arnor. Minas: Press.\n"
            "- Gondor Institute for Migration Studies (2008). Arnor Today, Beren Erchamion and Luthien Tinuviel, eds.\n")
    people = mentions(run(text), "person")
    assert {refs.person("faramir hurin"), refs.person("ioreth nimloth"), refs.person("beren erchamion"),
            refs.person("luthien tinuviel")} <= set(people)
    assert not any("gondor" in r for r in people)


# ---- countries -----------------------------------------------------------------------------

def test_countries_by_name_alias_and_demonym_before_a_state_noun():
    x = run("Arnor and the Republic of Arnor signed. Arnorian workers left; Arnorian cuisine stayed.")
    arn = mentions(x, "country")[refs.country("ARN")]
    assert [m.evidence.quote for m in arn] == ["Arnor", "Republic of Arnor", "Arnorian"]
    assert {m.label for m in arn} == {"Republic of Arnor"}
    assert attrs(x, refs.country("ARN"), "isoCode") == {"ARN"}


def test_country_names_in_upper_case_headings_are_not_mentions():
    assert mentions(run("MIGRATION FROM ARNOR TO GONDOR\n\nText."), "country") == {}


# ---- the shipped corpus --------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus() -> tuple[Document, Extraction]:
    path = Path(__file__).resolve().parents[1] / "graph" / "corpus" / \
        "esa-p-wp214-seventh-coordination-meeting-2008.txt"
    text = path.read_text(encoding="utf-8")
    d = Document("seed", str(path), "seed", text, hashlib.sha256(text.encode()).hexdigest())
    x = actors.extract(d, load_lexicon())
    return d, x


def test_corpus_evidence_quotes_equal_their_text_slices(corpus):
    d, x = corpus
    assert_evidence(x, d)


def test_corpus_iom_is_found_under_its_name_and_acronym(corpus):
    _, x = corpus
    iom = refs.org("International Organization for Migration")
    ms = mentions(x, "org")[iom]
    assert {m.evidence.quote for m in ms} >= {"IOM", "International Organization for Migration"}
    assert ms[0].cls == "IntergovernmentalOrganization"
    assert attrs(x, iom, "acronym") == {"IOM"}


def test_corpus_hania_zlotnik_is_director_of_the_population_division(corpus):
    _, x = corpus
    p = refs.person("hania zlotnik")
    assert "Director" in attrs(x, p, "jobTitle")
    assert (p, refs.org("Population Division")) in rels(x, "memberOf")


def test_corpus_has_no_organization_named_after_an_event_or_a_heading(corpus):
    _, x = corpus
    labels = {m.label for ms in mentions(x, "org").values() for m in ms}
    for bad in ("Report of the Meeting", "Member States", "Regional Consultative Process",
                "Global Forum on Migration and Development"):
        assert bad not in labels
    assert not any(label.isupper() and len(label) > 12 for label in labels)


def test_corpus_countries_carry_iso_codes(corpus):
    _, x = corpus
    countries = mentions(x, "country")
    assert {refs.country(c) for c in ("PHL", "MEX", "USA", "KOR", "HKG")} <= set(countries)
    assert attrs(x, refs.country("KOR"), "isoCode") == {"KOR"}


def test_listed_members_of_a_group_are_member_of_it():
    text = ("The Rohan Thematic Working Group consists of the following organizations: the Gondor Institute "
            "for Migration Studies (GIMS) (Co-chair), the Arnor Labour Organization and the Dale Bank.\n\n"
            "The Shire Working Group, whose members consist of 16 agencies of the Arnor Labour Organization.")
    member = rels(run(text), "memberOf")
    group = refs.org("Rohan Thematic Working Group")
    assert {(GIMS, group), (refs.org("Arnor Labour Organization"), group), (refs.org("Dale Bank"), group)} <= member
    assert not any(o == refs.org("Shire Working Group") for _, o in member)


def test_unit_at_a_known_organization_is_part_of_it():
    text = ("The Gondor Institute for Migration Studies (GIMS) works with the Research Programme on "
            "Border Studies at GIMS.")
    unit = refs.org("Research Programme on Border Studies")
    assert (unit, GIMS) in rels(run(text), "partOf")


def test_permanent_missions_and_embassies_are_government_bodies():
    orgs = mentions(run("A note from the Permanent Mission of Arnor to the United Nations was read."), "org")
    assert orgs[refs.org("Permanent Mission of Arnor")][0].cls == "GovernmentBody"


def test_a_body_named_after_a_country_is_a_government_body():
    orgs = mentions(run("The Arnor Bureau of Foreign Employment (ABFE) and the Gondorian Labour Office met."), "org")
    assert orgs[refs.org("Arnor Bureau of Foreign Employment")][0].cls == "GovernmentBody"
    assert orgs[refs.org("Gondorian Labour Office")][0].cls == "GovernmentBody"


def test_a_dictionary_unit_named_under_another_organization_is_not_made_part_of_it():
    lex = lexicon(OrgEntry("Arnor Statistics Office", ("ASO",), "GovernmentBody", "", ()),
                  OrgEntry("Census Division", (), "GovernmentBody", "Arnor Statistics Office", ()),
                  OrgEntry("Gondor Planning Agency", ("GPA",), "GovernmentBody", "", ()))
    x = run("The Census Division of the Gondor Planning Agency and the Census Division of the "
            "Arnor Statistics Office met.", lex)
    part = rels(x, "partOf")
    assert (refs.org("Census Division"), refs.org("Gondor Planning Agency")) not in part
    assert (refs.org("Census Division"), refs.org("Arnor Statistics Office")) in part


def test_a_title_before_an_unknown_single_word_is_not_a_person():
    assert mentions(run("The Minister Counsellor spoke, then President Snow left."), "person") == {}


def test_a_place_and_publisher_in_a_reference_list_are_not_an_author():
    text = "REFERENCES\n\n- Paris, OECD (2008). Trends. Paris: OECD.\n- Betts, Alexander (2008). Title.\n"
    assert set(mentions(run(text), "person")) == {refs.person("alexander betts")}
