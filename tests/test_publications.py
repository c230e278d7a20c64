"""Publication extraction: one invented text per rule, plus regressions on the shipped corpus."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import assert_exact_evidence

from graph import refs
from graph.extract import actors, publications
from graph.lexicon import CountryEntry, Lexicon, OrgEntry, load_lexicon
from graph.model import Document, Extraction

ARNOR = CountryEntry("Republic of Arnor", "ARN", ("Arnor",), ("Arnorian",))
GIMS = OrgEntry("Gondor Institute for Migration Studies", ("GIMS",), "AcademicInstitution", "", ())
AMO = OrgEntry("Arnor Migration Office", ("AMO",), "GovernmentBody", "", ())
LEX = Lexicon(organizations=[GIMS, AMO], countries=[ARNOR])

GIMS_REF = refs.org(GIMS.name)
AMO_REF = refs.org(AMO.name)


def doc(text: str) -> Document:
    return Document("t", "t.txt", "t", text, hashlib.sha256(text.encode()).hexdigest())


def run(text: str) -> tuple[Document, Extraction]:
    d = doc(text)
    x = publications.extract(d, LEX)
    check(d, x)
    return d, x


def check(d: Document, x: Extraction) -> None:
    """Exact evidence, and a Mention for every ref a relation uses."""
    assert_exact_evidence(d, x)


def titles(x: Extraction) -> dict[str, str]:
    """title -> class of every publication node."""
    return {m.label: m.cls for m in x.mentions if m.ref.startswith("document:pub-")}


def rels(x: Extraction, prop: str) -> set[tuple[str, str]]:
    label = {m.ref: m.label for m in x.mentions}
    return {(label[r.subject], label[r.object]) for r in x.relations if r.prop == prop}


def test_reference_entry_gives_title_author_and_publisher():
    _, x = run("REFERENCES\n\n- Gondor Institute for Migration Studies (2031a). Rivers of Arnor: A Migration Atlas. "
               "*Gondor Papers*, No. 4. Annuminas: Arnor Migration Office.\n")
    assert titles(x) == {"Rivers of Arnor: A Migration Atlas": "Publication"}
    assert rels(x, "published") == {(GIMS.name, "Rivers of Arnor: A Migration Atlas"),
                                    (AMO.name, "Rivers of Arnor: A Migration Atlas")}


def test_reference_entry_in_italics_keeps_the_whole_italic_title():
    _, x = run("- Arnor Migration Office (2030). *Roads North. Challenges on the Threshold of a New Age.* "
               "Annuminas: Arnor Migration Office.\n")
    assert set(titles(x)) == {"Roads North. Challenges on the Threshold of a New Age"}


def test_paper_presented_at_a_meeting_is_presented_by_its_author_person():
    d, x = run("- Dunadan, Aragorn (2030). Walking the North Together. Paper presented at the Arnor Forum, "
               "Annuminas, 3 May 2030.\n")
    person = next(m for m in actors.extract(d, LEX).mentions if m.cls == "Person")
    assert rels(x, "presented") == {(person.label, "Walking the North Together")}
    assert {r.subject for r in x.relations} == {person.ref}  # the very ref the actors extractor gives


def test_italic_title_after_a_publishing_verb_is_published_by_the_subject():
    _, x = run("In 2031, GIMS had also published a report entitled *Rivers and Roads of the North*, "
               "which described seasonal movements.\n")
    assert titles(x) == {"Rivers and Roads of the North": "Report"}
    assert rels(x, "published") == {(GIMS.name, "Rivers and Roads of the North")}


def test_italics_without_a_publication_cue_are_not_a_publication():
    _, x = run("Delegates sang *Gondor Rising Again* at the opening of the meeting.\n")
    assert titles(x) == {}


def test_event_name_after_titled_is_not_a_publication():
    _, x = run("The symposium, titled Rivers of the North and Their Peoples, was held in Annuminas.\n")
    assert titles(x) == {}


def test_following_publications_list_gives_the_publisher_of_each_item():
    _, x = run("In 2031, GIMS completed the following publications:\n\n"
               "- *Seasonal Work in Arnor* (Baggins and Took, 2031) with chapters on farms.\n"
               "- *Migration in the Shire*, based on a conference.\n\nOther text.\n")
    assert rels(x, "published") == {(GIMS.name, "Seasonal Work in Arnor"), (GIMS.name, "Migration in the Shire")}


def test_title_cited_with_author_and_year_without_italics():
    _, x = run("Studies on remittances, including A Gendered Look at the River Trade (Took, 2030); and "
               "Harvest Wages in the North (Brandybuck, 2029).\n")
    assert set(titles(x)) == {"A Gendered Look at the River Trade", "Harvest Wages in the North"}


def test_summary_report_of_a_meeting_is_a_report_presented_by_who_transmitted_it():
    _, x = run("(a) Welcomes the transmission to the Secretary-General by the Government of Arnor of the summary "
               "report of the first meeting of the Northern Forum on Migration, circulated as a document;\n")
    assert titles(x) == {"Summary report of the first meeting of the Northern Forum on Migration": "Report"}
    assert rels(x, "presented") == {("Government of the Republic of Arnor",
                                     "Summary report of the first meeting of the Northern Forum on Migration")}


def test_contributed_paper_heading_followed_by_its_organization():
    _, x = run("PART TWO\n\nRIVER MIGRATION IN THE NORTHERN REALMS\n\n"
               "Gondor Institute for Migration Studies (GIMS)\n\nThe Institute studies rivers.\n")
    assert titles(x) == {"River Migration in the Northern Realms": "Publication"}
    assert rels(x, "presented") == {(GIMS.name, "River Migration in the Northern Realms")}


def test_heading_followed_by_text_is_not_a_paper():
    _, x = run("RIVER MIGRATION IN THE NORTHERN REALMS\n\nMigration along rivers grew in 2030.\n")
    assert titles(x) == {}


def test_short_title_in_text_joins_the_full_reference_title():
    _, x = run("GIMS jointly published a report entitled *Rivers and Roads*. It was praised.\n\n"
               "REFERENCES\n\n- Gondor Institute for Migration Studies (2031). *Rivers and Roads. Challenges of the "
               "Northern Realms*. Annuminas: Arnor Migration Office.\n")
    pubs = {m.ref for m in x.mentions if m.ref.startswith("document:pub-")}
    assert len(pubs) == 1


def test_long_titles_sharing_their_beginning_get_different_refs():
    a = "International Migration, Human Rights and Development in the Northern Realms and the Southern Coasts"
    assert publications.pub_ref(a) != publications.pub_ref(a + ": Summary and Conclusions")
    assert publications.pub_ref("Rivers and Roads") == "document:pub-rivers-and-roads"


# ---- the shipped corpus --------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus() -> tuple[Document, Extraction]:
    path = Path(__file__).resolve().parents[1] / "graph" / "corpus" / \
        "esa-p-wp214-seventh-coordination-meeting-2008.txt"
    text = path.read_text(encoding="utf-8")
    d = Document("seed", str(path), "seed", text, hashlib.sha256(text.encode()).hexdigest())
    return d, publications.extract(d, load_lexicon())


def test_corpus_evidence_and_mentions_hold(corpus):
    check(*corpus)


def test_corpus_reference_lists_link_authors_and_publishers(corpus):
    _, x = corpus
    published = rels(x, "published")
    assert ("Dilip Ratha", "Leveraging Remittances for Development") in published
    assert ("Migration Policy Institute", "Leveraging Remittances for Development") in published
    assert ("International Organization for Migration",
            "World Migration 2008: Managing Labour Mobility in the Evolving Global Economy") in published
    assert ("Kathleen Newland", "Can Migrants, Countries of Origin and Countries of Destination All Win from "
                                "Circular Migration?") in rels(x, "presented")


def test_corpus_contributed_papers_and_meeting_report(corpus):
    _, x = corpus
    presented = rels(x, "presented")
    assert ("League of Arab States", "International Migration in the Arab Region") in presented
    assert ("Government of Belgium",
            "Summary report of the first meeting of the Global Forum on Migration and Development") in presented


def test_corpus_publications_are_not_resolution_verbs_or_garbage(corpus):
    _, x = corpus
    labels = set(titles(x))
    assert not any(t in labels for t in ("Requests", "Decides", "Further decides"))
    assert all(len(t.split()) >= 2 and t.count("(") == t.count(")") for t in labels)


def test_representative_presents_for_the_organization():
    _, x = run("The representative of the Arnor Migration Office presented the report entitled "
               "*Northern Labour Flows*, prepared for the forum.\n")
    assert rels(x, "presented") == {(AMO.name, "Northern Labour Flows")}


def test_sentence_ending_in_a_year_is_not_a_reference_entry():
    _, x = run("The Council adopted its plan on the protection of migrants (2006). The plan was welcomed.\n")
    assert titles(x) == {}


def test_reference_entry_with_a_un_symbol_is_keyed_by_it():
    _, x = run("- Arnor Migration Office (2031). *Northern Labour Flows*. Report of the Director, 1 May 2031. "
               "A/86/123.\n")
    ref = publications.symbol_ref("A/86/123")
    assert ref == refs.document("A-86-123")
    assert {m.cls for m in x.mentions if m.ref == ref} == {"Report"}
    assert {(a.prop, a.value.lexical) for a in x.attributes if a.ref == ref} == {("symbol", "A/86/123")}


def test_this_paper_prepared_by_names_the_publisher_of_the_title_before():
    _, x = run("The Office will contribute to a paper on *Young Migrants of the North.* This paper, prepared by "
               "GIMS, will analyse river crossings.\n")
    assert rels(x, "published") == {(GIMS.name, "Young Migrants of the North")}


def test_title_case_run_right_after_a_publishing_verb():
    _, x = run("In 2031, GIMS published Northern Rivers 2031: Managing Seasonal Mobility in the Realms, which was "
               "widely read.\n")
    assert rels(x, "published") == {(GIMS.name, "Northern Rivers 2031: Managing Seasonal Mobility in the Realms")}


def test_publishing_verb_followed_by_an_actor_is_no_title():
    _, x = run("At the forum, GIMS presented the Arnor Migration Office River Review Team and its partners.\n")
    assert titles(x) == {}
