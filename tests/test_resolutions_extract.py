"""The resolutions extractor: records for the graph, with evidence cut from the text."""
from __future__ import annotations

import pytest
from conftest import assert_exact_evidence
from resolution_texts import COMMITTEE_REPORT, STANDARD

from graph.extract import resolutions
from graph.ingest import make_document
from graph.lexicon import CountryEntry, Lexicon, OrgEntry

LEXICON = Lexicon(
    organizations=[OrgEntry("General Assembly", ("GA",), "UNEntity", "", ()),
                   OrgEntry("International Organization for Migration", ("IOM",), "IntergovernmentalOrganization",
                            "", ())],
    countries=[CountryEntry("Republic of Gondor", "GND", ("Gondor",), ())],
)


@pytest.fixture(scope="module")
def standard():
    doc = make_document(STANDARD, "a-res-70-999")
    return doc, resolutions.extract(doc, LEXICON)


def attrs(x, ref, prop):
    return [a.value for a in x.attributes if a.ref == ref and a.prop == prop]


def rels(x, prop, subject=None):
    return [(r.subject, r.object) for r in x.relations if r.prop == prop and (subject is None or r.subject == subject)]


RES = "resolution:A/RES/70/999"


def test_every_evidence_quote_is_the_text_at_its_offsets(standard):
    doc, x = standard
    assert_exact_evidence(doc, x)


def test_every_ref_used_has_a_mention(standard):
    _, x = standard
    mentioned = {m.ref for m in x.mentions}
    assert {a.ref for a in x.attributes} <= mentioned
    assert {r.subject for r in x.relations} | {r.object for r in x.relations} <= mentioned


def test_resolution_is_keyed_by_symbol_with_its_official_address(standard):
    _, x = standard
    [m] = [m for m in x.mentions if m.ref == RES]
    assert (m.cls, m.label) == ("Resolution", "A/RES/70/999")
    assert [v.lexical for v in attrs(x, RES, "symbol")] == ["A/RES/70/999"]
    assert [v.lexical for v in attrs(x, RES, "seeAlso")] == ["http://undocs.org/A/RES/70/999"]


def test_adoption_date_meeting_session_and_agenda_item(standard):
    _, x = standard
    assert [(v.lexical, v.datatype) for v in attrs(x, RES, "dateAdopted")] == [("2015-12-22", "date")]
    assert [v.lexical for v in attrs(x, RES, "plenaryMeeting")] == ["81st plenary meeting"]
    assert [v.lexical for v in attrs(x, RES, "session")] == ["Seventieth session"]
    assert [v.lexical for v in attrs(x, RES, "agendaItem")] == ["Agenda item 22 (c)"]
    assert [v.lexical for v in attrs(x, RES, "distributionDate")] == ["2016-01-12"]


def test_general_assembly_adopted_the_resolution(standard):
    _, x = standard
    assert ("org:general assembly", RES) in rels(x, "adopted")


def test_each_operative_paragraph_is_a_provision_with_number_verb_and_text(standard):
    _, x = standard
    provs = [o for s, o in rels(x, "hasProvision", RES)]
    assert len(provs) == 8
    p2 = "provision:A/RES/70/999#2"
    assert [(v.lexical, v.datatype) for v in attrs(x, p2, "provisionNumber")] == [("2", "integer")]
    assert [v.lexical for v in attrs(x, p2, "operativeVerb")] == ["Requests"]
    assert attrs(x, p2, "text")[0].lexical.startswith("Requests the Secretary-General to submit")
    assert [v.lexical for v in attrs(x, "provision:A/RES/70/999#8", "operativeVerb")] == ["Also decides"]


def test_requests_are_addressed_and_requested_of_each_actor(standard):
    _, x = standard
    sg = "org:secretary general"
    assert ("provision:A/RES/70/999#2", sg) in rels(x, "addressedTo")
    assert (RES, sg) in rels(x, "requested")
    p3 = [o for s, o in rels(x, "addressedTo", "provision:A/RES/70/999#3")]
    assert p3 == ["org:relevant united nations agencies funds and programmes",
                  "org:international organization for migration"]
    assert ("provision:A/RES/70/999#5", "country:GND") in rels(x, "addressedTo")


def test_takes_note_asks_no_one(standard):
    _, x = standard
    assert rels(x, "addressedTo", "provision:A/RES/70/999#1") == []


def test_cited_resolutions_are_referenced_nodes_with_symbol_and_date(standard):
    _, x = standard
    cited = [o for s, o in rels(x, "references", RES)]
    assert {"resolution:A/RES/68/4", "resolution:A/RES/69/229", "resolution:E/RES/2014/7"} <= set(cited)
    assert [v.lexical for v in attrs(x, "resolution:A/RES/68/4", "symbol")] == ["A/RES/68/4"]
    assert [v.lexical for v in attrs(x, "resolution:A/RES/69/229", "dateAdopted")] == ["2014-12-19"]


def test_cited_instrument_and_committee_report_are_referenced(standard):
    _, x = standard
    cited = [o for s, o in rels(x, "references", RES)]
    assert any(o.startswith("instrument:international convention on the protection") for o in cited)
    assert "document:A-70-999-Add.3" in cited


def test_decided_event_is_a_planned_event_with_its_year(standard):
    _, x = standard
    [ev] = [m for m in x.mentions if m.ref.startswith("event:")]
    assert (ev.cls, ev.label) == ("Dialogue", "2019 High-level Dialogue on Arnor Migration")
    assert [v.lexical for v in attrs(x, ev.ref, "status")] == ["planned"]
    assert [(v.lexical, v.datatype) for v in attrs(x, ev.ref, "startDate")] == [("2019", "gYear")]


def test_draft_in_a_committee_report_is_not_adopted():
    doc = make_document(COMMITTEE_REPORT, "a-70-996")
    x = resolutions.extract(doc, LEXICON)
    draft = "resolution:A/C.3/70/L.99"
    assert any(m.ref == draft and m.cls == "Resolution" for m in x.mentions)
    assert rels(x, "adopted") == []
    assert len(rels(x, "hasProvision", draft)) == 2
    assert (draft, "org:states") in rels(x, "requested")


def test_resolution_mentioned_in_running_text_is_a_node_without_edges():
    doc = make_document("The Forum followed up General Assembly resolution 61/208 of 20 December 2006.", "d")
    x = resolutions.extract(doc, LEXICON)
    assert [m.ref for m in x.mentions] == ["resolution:A/RES/61/208"]
    assert x.relations == []


def test_a_fragment_takes_its_symbol_from_the_file_name():
    doc = make_document("5. Requests the Secretary-General to report;\n\n72nd plenary meeting\n19 December 2008\n",
                        "a-res-63-225")
    x = resolutions.extract(doc, LEXICON)
    assert [a.value.lexical for a in x.attributes if a.prop == "symbol"] == ["A/RES/63/225"]


def test_no_break_spaces_and_windows_line_ends_are_read_and_evidence_keeps_them():
    text = STANDARD.replace("\n", "\r\n").replace("2. Requests", "2.\u00a0Requests").replace(
        "Secretary-General", "Secretary\u2011General")
    doc = make_document(text, "a-res-70-999-crlf")
    x = resolutions.extract(doc, LEXICON)
    assert_exact_evidence(doc, x)
    assert ("provision:A/RES/70/999#2", "org:secretary general") in rels(x, "addressedTo")
    assert len(rels(x, "hasProvision", RES)) == 8


def test_historic_symbols_are_resolutions_with_their_symbol():
    doc = make_document("Following up resolution 615 (XXXI) adopted at the Arnor meeting in Gondor in 2006.", "d")
    x = resolutions.extract(doc, LEXICON)
    assert [(m.cls, m.label) for m in x.mentions] == [("Resolution", "resolution 615 (XXXI)")]
    assert ("symbol", "615 (XXXI)") in [(a.prop, a.value.lexical) for a in x.attributes]


def test_the_symbol_form_is_the_one_the_shapes_accept():
    from rdflib import Graph, Namespace

    from ontology import shapes_path

    sh = Namespace("http://www.w3.org/ns/shacl#")
    g = Graph().parse(shapes_path(), format="turtle")
    props = g.subjects(sh.path, Namespace("https://w3id.org/migkg/ontology#").symbol)
    patterns = {str(p) for prop in props for p in g.objects(prop, sh.pattern)}
    assert patterns == {resolutions.SYMBOL_FORM.pattern}


def test_the_adopting_body_is_read_from_the_header():
    text = ("Resolution adopted by the Economic and Social Council on 25 July 2030\n\n2030/9. Migrant workers in Arnor\n\n"
            "The Economic and Social Council,\n\nRecalling its resolution 2029/4,\n\n"
            "1. Requests the Secretary-General to report.\n\n44th plenary meeting\n25 July 2030\n")
    x = resolutions.extract(make_document(text, "e-res-2030-9"), LEXICON)
    assert [s for s, _ in rels(x, "adopted")] == ["org:economic and social council"]


def test_title_and_planned_event_link():
    doc = make_document(STANDARD, "a-res-70-999")
    x = resolutions.extract(doc, LEXICON)
    assert [a.value.lexical for a in x.attributes if a.prop == "title"] == ["Migration between Arnor and Gondor"]
    assert rels(x, "plans") == [("provision:A/RES/70/999#7", "event:2019 high level dialogue on arnor migration")]


def test_citations_in_the_first_paragraph_count_even_when_its_opening_word_is_unknown():
    text = "A/RES/71/987\nThe General Assembly,\nMindfully recalling its resolution 69/229,\n1. Decides to act.\n"
    x = resolutions.extract(make_document(text, "d"), LEXICON)
    assert ("resolution:A/RES/71/987", "resolution:A/RES/69/229") in rels(x, "references")
