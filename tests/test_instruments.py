"""Instruments in running text: names, ratification counts, status tables, pledges, adoptions, plans."""
from __future__ import annotations

from conftest import assert_exact_evidence

from graph.extract import instruments
from graph.extract.commitment_data import instruments as shipped
from graph.extract.instruments import find_instruments
from graph.ingest import make_document
from graph.lexicon import CountryEntry, Lexicon, OrgEntry

LEXICON = Lexicon(
    organizations=[OrgEntry("Arnor Migration Office", ("AMO",), "IntergovernmentalOrganization", "", ()),
                   OrgEntry("Gondor Commission for Western Lands", ("GCWL",), "UNEntity", "", ())],
    countries=[CountryEntry("Arnor", "ARN", (), ()), CountryEntry("Gondor", "GND", (), ()),
               CountryEntry("Rohan", "ROH", (), ())],
)


def run(text):
    doc = make_document(text, "d")
    x = instruments.extract(doc, LEXICON)
    assert_exact_evidence(doc, x)
    return x


def names(text):
    return [i.label for i in find_instruments(text, 0, len(text), shipped(LEXICON), LEXICON)]


def test_dictionary_instrument_found_by_name_and_by_acronym():
    text = ("Within the Convention on the Elimination of All Forms of Discrimination against Women (CEDAW), "
            "States report on migrant women; CEDAW also covers trafficking.")
    assert names(text) == ["Convention on the Elimination of All Forms of Discrimination against Women"] * 2


def test_unknown_instruments_are_recognized_by_their_form():
    text = ("The Ministers signed the Declaration of Minas Tirith and adopted the Multilateral Convention for "
            "Social Security of Rohan, guided by the Arnor Policy Framework for Mobility.")
    assert names(text) == ["Declaration of Minas Tirith", "Multilateral Convention for Social Security of Rohan",
                           "Arnor Policy Framework for Mobility"]


def test_a_bare_head_word_is_not_an_instrument():
    assert names("The Convention had been ratified; the Declaration was read.") == []


def test_trailing_footnote_number_is_not_part_of_the_name():
    assert names("adopted the Covenant of Good Conduct of Recruiters4 in 2005") == ["Covenant of Good Conduct of Recruiters"]


def test_ratification_count_is_a_count_with_its_date_never_edges():
    x = run("The Office promoted the International Convention on the Protection of the Rights of All Migrant Workers "
            "and Members of Their Families. As of 2031, the Convention had been ratified by 39 Member States.")
    counts = [(a.prop, a.value.lexical, a.value.datatype) for a in x.attributes if a.prop.startswith("ratification")]
    assert counts == [("ratificationCount", "39", "integer"), ("ratificationAsOf", "2031", "gYear")]
    assert [r for r in x.relations if r.prop == "ratified"] == []


def test_status_table_rows_give_ratified_edges_for_countries_with_a_ratification():
    text = ("STATUS OF THE ARNOR CONVENTION ON SEAFARERS\n\nThe Arnor Convention on Seafarers (2030)\n\n"
            "Country\tSignature\tRatification\tCountry\tSignature\tRatification\n"
            "Arnor\t\t2031\tGondor\t2030\t\n"
            "Rohan\t2029\t2032\n\nNotes\n")
    x = run(text)
    ratified = sorted((r.subject, r.object) for r in x.relations if r.prop == "ratified")
    assert ratified == [("country:ARN", "instrument:arnor convention on seafarers"),
                        ("country:ROH", "instrument:arnor convention on seafarers")]


def test_public_commitment_is_a_pledge_of_the_actor_and_the_listed_countries():
    x = run("- (c) Labour Ministers of three Governments —Arnor, Gondor and Rohan— publicly committed to introduce a "
            "Unified Working Contract for Migrant Domestic Workers at the Forum.")
    [pledge] = [m for m in x.mentions if m.cls == "Pledge"]
    assert pledge.label == "Unified Working Contract for Migrant Domestic Workers"
    committed = sorted(r.subject for r in x.relations if r.prop == "committedTo")
    assert committed == ["country:ARN", "country:GND", "country:ROH", "org:labour ministers of three governments"]


def test_reaffirmed_commitment_to_a_named_plan_links_the_plan_and_qualifies_the_group_by_its_meeting():
    x = run("The book was presented at the eighteenth Arnor Summit held in Osgiliath, at which the Heads of State "
            "and Government reaffirmed their commitment to the Cuenca Plan.")
    assert [(r.subject, r.object) for r in x.relations if r.prop == "committedTo"] == [
        ("org:heads of state and government eighteenth arnor summit", "instrument:cuenca plan")]
    assert "Heads of State and Government (eighteenth Arnor Summit)" in [m.label for m in x.mentions]


def test_countries_offering_to_host_each_commit_to_the_action():
    x = run("Given that Arnor, Gondor and Rohan had already offered to host future meetings of the Forum, the "
            "future of the Forum was secure.")
    rels = sorted((r.subject, r.object) for r in x.relations if r.prop == "committedTo")
    assert rels == [(c, "pledge:host future meetings of the forum") for c in ("country:ARN", "country:GND", "country:ROH")]


def test_commitment_made_on_receiving_a_text_reads_it_as_that_text():
    x = run("(a) Osgiliath Call to Action received at the closing ceremony by the Chair-in-Office of the Forum "
            "with the public commitment to include it in the Gondorian statement and present a paper.")
    [(subject, obj)] = [(r.subject, r.object) for r in x.relations if r.prop == "committedTo"]
    assert subject == "org:chair in office of the forum"
    assert obj == "pledge:include osgiliath call to action in the gondorian statement"


def test_text_adopted_at_a_meeting_is_adopted_by_its_participants():
    x = run("The participating national associations of recruitment agencies adopted the Covenant of Good Conduct "
            "of Recruiters.")
    assert [(r.subject, r.object) for r in x.relations if r.prop == "adopted"] == [
        ("org:national associations of recruitment agencies", "instrument:covenant of good conduct of recruiters")]


def test_planned_memorandum_is_named_after_its_parties_with_status_planned():
    x = run("Lastly, the Gondor Commission for Western Lands and the Arnor Migration Office are planning to sign a "
            "Memorandum of Understanding in the near future. The MOU will explore collaboration.")
    [mou] = [m for m in x.mentions if m.cls == "Agreement"]
    assert mou.label == "Memorandum of Understanding between Gondor Commission for Western Lands and Arnor Migration Office"
    assert "Memorandum of Understanding between GCWL and AMO" in mou.aliases
    assert [(a.prop, a.value.lexical) for a in x.attributes if a.ref == mou.ref] == [("status", "planned"),
                                                                                       ("acronym", "MOU")]


def test_treaty_acronym_adopting_recommendations_is_its_committee():
    x = run("At the global level, the Convention on the Rights of the Child (CRC) was promoted. In particular, CRC "
            "adopted general recommendations on migration due to advocacy work by the Office.")
    assert [(r.subject, r.prop, r.object) for r in x.relations] == [
        ("org:crc committee", "adopted", "instrument:crc general recommendations on migration")]
    assert ("Recommendation", "CRC general recommendations on migration") in [(m.cls, m.label) for m in x.mentions]


def test_unnamed_programme_is_named_by_the_meeting_that_agreed_it():
    assert names("The Programme of Action agreed at the third Arnor Summit instructed the Forum to act.") == [
        "Programme of Action agreed at the third Arnor Summit"]


def test_charter_and_agreement_named_by_what_follows():
    assert names("Guided by the Charter of the United Nations and the Agreement on Seafarers of Arnor,") == [
        "Charter of the United Nations", "Agreement on Seafarers of Arnor"]


def test_guidelines_named_as_such_are_an_instrument():
    text = "The workshop concluded with the adoption of the Annuminas Guidelines on Tidal Data, which the Board endorsed."
    assert names(text) == ["Annuminas Guidelines on Tidal Data"]
    assert names("The guidelines were discussed; the Guidelines were read.") == []
