"""Event extraction on small invented texts: dates, places, roles, identity, status.

Each text goes through the whole extraction of a document (every extractor, then the relation
stage that reads who organized, hosted, chaired, opened or attended each event)."""
import pytest

from graph import refs
from graph.pipeline import extract_document
from graph.resolve import resolve
from tests.event_lexicon import arnor_lexicon, make_doc


@pytest.fixture
def lexicon():
    return arnor_lexicon()


def run(text, lexicon):
    x = extract_document(make_doc(text), lexicon)
    for item in [*x.mentions, *x.attributes, *x.relations]:
        e = item.evidence
        assert text[e.start:e.end] == e.quote
    return x


ARNOR_GOVERNMENT = refs.org("Government of the Republic of Arnor")


def event_refs(x):
    return {m.ref for m in x.mentions if m.ref.startswith("event:")}


def attrs(x, ref):
    return {a.prop: a.value.lexical for a in x.attributes if a.ref == ref}


def rels(x, prop):
    return {(r.subject, r.object) for r in x.relations if r.prop == prop}


def test_named_meeting_with_range_city_country_and_organizer(lexicon):
    x = run("The Arnor Regional Meeting on Migration was organized by the Agency for Arnorian Affairs "
            "in Annuminas, Arnor, from 3 to 5 May 2008.", lexicon)
    (ev,) = event_refs(x)
    assert attrs(x, ev)["startDate"] == "2008-05-03" and attrs(x, ev)["endDate"] == "2008-05-05"
    assert (ev, refs.city("Annuminas")) in rels(x, "heldIn")
    assert (refs.city("Annuminas"), refs.country("ARN")) in rels(x, "locatedIn")
    assert (refs.org("Agency for Arnorian Affairs"), ev) in rels(x, "organized")


def test_active_voice_organizers_with_collaboration(lexicon):
    x = run("The Gondor Institute of Studies (GIS), in collaboration with the International Organization for "
            "Migration (IOM), organized a Workshop on Border Data in Minas Tirith, Gondor, in September 2008.", lexicon)
    (ev,) = event_refs(x)
    organizers = {s for s, o in rels(x, "organized") if o == ev}
    assert refs.org("International Organization for Migration") in organizers
    assert refs.org("Gondor Institute of Studies") in organizers
    assert attrs(x, ev)["startDate"] == "2008-09"


def test_hosted_chaired_opened_and_attendance(lexicon):
    x = run("The Arnor Forum on Mobility, hosted by the Government of Gondor, took place in Osgiliath, Gondor, "
            "in 2007. The meeting was opened by Ms. Elena Marsh, Minister of Labour, and attended by "
            "representatives of 3 countries (Arnor, Gondor and Belgium).", lexicon)
    (ev,) = event_refs(x)
    assert (refs.org("Government of Gondor"), ev) in rels(x, "hosted")
    assert (refs.person("Elena Marsh"), ev) in rels(x, "opened")
    attended = {s for s, o in rels(x, "attended") if o == ev}
    assert {refs.country("ARN"), refs.country("GON"), refs.country("BEL")} <= attended
    assert attrs(x, ev)["participantCount"] == "3"
    assert attrs(x, ev)["startDate"] == "2007"


def test_chair_of_an_edition(lexicon):
    x = run("Mr. Tom Bree, Minister of Gondor and Chair of the Second Meeting of the Arnor Forum on Mobility, spoke.",
            lexicon)
    chaired = rels(x, "chaired")
    assert any(s == refs.person("Tom Bree") for s, _ in chaired)


def test_editions_of_a_series_resolve_to_one_node_each(lexicon):
    text = ("The second meeting of the Global Forum on Arnorian Mobility (GFAM) was held in Manila, the "
            "Philippines, from 27 to 30 October 2008. Its first meeting had been held in Brussels, Belgium, in 2007.\n"
            "The Manila Global Forum adopted no decisions. The first meeting of the GFAM, held in Brussels, "
            "Belgium, in 2007, was a success. The Global Forum held in Manila, the Philippines, in October 2008 "
            "was the second.")
    x = run(text, lexicon)
    evs = event_refs(x)
    assert len(evs) == 2
    series = {o for _, o in rels(x, "partOf")}
    assert series == {refs.series("Global Forum on Arnorian Mobility")}
    second = next(r for r in evs if attrs(x, r).get("startDate") == "2008-10-27")
    assert attrs(x, second)["endDate"] == "2008-10-30"


def test_planned_events_are_kept_and_marked(lexicon):
    x = run("Decides to hold a High-level Dialogue on Arnorian Mobility in 2013. The Expert Group Meeting on "
            "Youth, to be organized by the Agency for Arnorian Affairs in Annuminas, Arnor, on 8 January 2009.",
            lexicon)
    statuses = {attrs(x, r)["status"] for r in event_refs(x)}
    assert statuses == {"planned"}


def test_a_bare_mention_of_a_series_is_not_a_new_event(lexicon):
    x = run("The 2006 High-level Dialogue on Arnorian Mobility was held in New York on 14 and 15 September 2006. "
            "Follow-up to the High-level Dialogue on Arnorian Mobility continued.", lexicon)
    assert len(event_refs(x)) == 1


def test_descriptive_event_needs_a_date_place_or_role(lexicon):
    assert event_refs(run("They discussed a meeting of minds.", lexicon)) == set()
    x = run("A symposium on the movement of natural persons was held in Annuminas, Arnor, on 26 July 2008.", lexicon)
    assert len(event_refs(x)) == 1


def test_shipped_corpus_gfmd_series_and_its_editions(lexicon):
    from importlib import resources
    text = (resources.files("graph") / "corpus" / "esa-p-wp214-seventh-coordination-meeting-2008.txt").read_text(
        encoding="utf-8")
    x = run(text, lexicon)
    gfmd = refs.series("Global Forum on Migration and Development")
    parts = {s for s, o in rels(x, "partOf") if o.startswith("event:")}
    editions = {s for s, o in rels(x, "partOf") if o == gfmd} - parts
    by_start = {attrs(x, e).get("startDate"): e for e in editions}
    assert "2007-07-09" in by_start and "2008-10-27" in by_start
    assert attrs(x, by_start["2008-10-27"])["endDate"] == "2008-10-30"
    assert (by_start["2008-10-27"], refs.city("Manila")) in rels(x, "heldIn")
    assert (by_start["2007-07-09"], refs.city("Brussels")) in rels(x, "heldIn")


def organizers(x, ev):
    return {s for s, o in rels(x, "organized") if o == ev}


def test_co_organized_by_and_convened_by(lexicon):
    x = run("The Gondor Seminar on Remittances, co-organized by the Agency for Arnorian Affairs and the Gondor "
            "Statistics Office, was held in Minas Tirith, Gondor, from 3 to 4 June 2009.", lexicon)
    (ev,) = event_refs(x)
    assert organizers(x, ev) == {refs.org("Agency for Arnorian Affairs"), refs.org("Gondor Statistics Office")}
    x = run("The Arnor Consultation on Return, convened by the International Organization for Migration (IOM), "
            "took place in Annuminas, Arnor, in May 2010.", lexicon)
    (ev,) = event_refs(x)
    assert organizers(x, ev) == {refs.org("International Organization for Migration")}


def test_jointly_organized_with_includes_the_reporting_organization(lexicon):
    x = run("The representative of the Agency for Arnorian Affairs (AAA) reported that the Arnor High-level Meeting "
            "on Mobility was the highlight of its year. The meeting, jointly organized with IOM and hosted by the "
            "Government of Arnor, took place in Annuminas, Arnor, in September 2008.", lexicon)
    (ev,) = event_refs(x)
    assert organizers(x, ev) == {refs.org("Agency for Arnorian Affairs"), refs.org("International Organization for Migration")}
    assert {(refs.country("ARN"), ev), (ARNOR_GOVERNMENT, ev)} <= rels(x, "hosted")


def test_chaired_by_a_person_named_after_a_title(lexicon):
    x = run("The Special Session on the Future of the Arnor Forum had been chaired by the Special Representative "
            "of the Agency, Mr. Tom Bree.", lexicon)
    (ev,) = event_refs(x)
    assert rels(x, "chaired") == {(refs.person("Tom Bree"), ev)}


def test_under_the_auspices_of_is_hosting(lexicon):
    x = run("Taking note of the first meeting of the Arnor Forum on Mobility, held in Annuminas from 9 to 11 July "
            "2007 under the auspices of the Government of Arnor,", lexicon)
    (ev,) = event_refs(x)
    # the state hosts, and so does its Government, named after the state's full name
    assert rels(x, "hosted") == {(refs.country("ARN"), ev), (ARNOR_GOVERNMENT, ev)}
    assert attrs(x, ev)["startDate"] == "2007-07-09"


def test_participant_count_in_words(lexicon):
    x = run("The Seventh Arnor Coordination Meeting took place in Annuminas, Arnor, from 20 to 21 November 2008. "
            "Some eighty participants attended the meeting.", lexicon)
    (ev,) = event_refs(x)
    assert attrs(x, ev)["participantCount"] == "80"


def test_a_resolution_deciding_to_hold_an_event_names_the_assembly_as_organizer(lexicon):
    x = run("Resolution adopted by the General Assembly\n"
            "16. Decides to hold, within existing resources, a High-level Dialogue on Arnorian Mobility during its "
            "sixty-eighth session, in 2013;", lexicon)
    # the resolution's plan and the event reading name one event, which resolution makes one node
    graph = resolve([x])
    (ev,) = [e for e in graph.entities if e.id.startswith("event/")]
    (assembly,) = [e for e in graph.entities if e.label == "General Assembly"]
    assert {(d.subject, d.object) for d in graph.edges if d.prop == "organized"} == {(assembly.id, ev.id)}
    assert {(prop, value.lexical) for prop, value, _ in ev.attributes} >= {("status", "planned"), ("startDate", "2013")}


def test_opened_by_in_active_voice_is_opener_and_attendee(lexicon):
    x = run("The Arnor Meeting on Return took place in Annuminas, Arnor, on 2 May 2008. Ms. Ada Vell, Director "
            "of the Agency for Arnorian Affairs, opened the meeting by welcoming the participants.", lexicon)
    (ev,) = event_refs(x)
    assert (refs.person("Ada Vell"), ev) in rels(x, "opened")
    assert (refs.person("Ada Vell"), ev) in rels(x, "attended")


def test_it_was_organized_by_refers_to_the_event_before(lexicon):
    x = run("The Eighth Arnor Coordination Meeting was held in Annuminas, Arnor, on 16 and 17 November 2009. "
            "It was organized by the Agency for Arnorian Affairs and chaired by Mr. Tom Bree.", lexicon)
    (ev,) = event_refs(x)
    assert organizers(x, ev) == {refs.org("Agency for Arnorian Affairs")}
    assert rels(x, "chaired") == {(refs.person("Tom Bree"), ev)}
    assert attrs(x, ev)["endDate"] == "2009-11-17"


def test_a_commission_session_with_dates_is_an_event_but_a_session_after_an_event_is_its_time(lexicon):
    x = run("The Commission on Arnorian Population, at its forty-second session, held from 30 March to 3 April "
            "2009 in New York, adopted a resolution.", lexicon)
    (ev,) = event_refs(x)
    assert attrs(x, ev)["startDate"] == "2009-03-30"
    assert organizers(x, ev) == {refs.org("Commission on Arnorian Population")}
    x = run("Decides to hold a High-level Dialogue on Arnorian Mobility during its sixty-eighth session, in 2013;",
            lexicon)
    (ev,) = event_refs(x)
    assert "dialogue" in ev


def test_venue_in_brackets_and_a_fronted_day(lexicon):
    x = run("The report was presented to the Tenth Session of the Committee on Arnorian Workers (Annuminas, 26-30 "
            "April 2009).", lexicon)
    (ev,) = event_refs(x)
    assert attrs(x, ev)["startDate"] == "2009-04-26" and (ev, refs.city("Annuminas")) in rels(x, "heldIn")
    x = run("On 4 and 5 October 2007, the Government of Gondor hosted the Second Gondor Conference on Migration "
            "in Minas Tirith.", lexicon)
    (ev,) = event_refs(x)
    assert attrs(x, ev)["startDate"] == "2007-10-04"
    assert (refs.org("Government of Gondor"), ev) in rels(x, "hosted")


def _labelled(x, prop):
    lab = {m.ref: m.label for m in x.mentions}
    return {(lab[s], lab[o]) for s, o in rels(x, prop)}


@pytest.mark.parametrize("phrase", ["was represented at", "made a presentation at", "served as Rapporteur for",
                                    "contributed to", "took part in"])
def test_participation_verbs_make_the_subject_an_attendee(lexicon, phrase):
    x = run(f"The Agency for Arnorian Affairs {phrase} the Conference on Arnorian Migration in Minas Tirith.", lexicon)
    assert _labelled(x, "attended") == {("Agency for Arnorian Affairs", "Conference on Arnorian Migration")}


def test_nominal_participation_takes_the_sentence_subject(lexicon):
    x = run("- (c) The Agency for Arnorian Affairs (AAA) helped to draft the report through active participation in "
            "the Expert Group Meeting on Border Data organized by IOM in Annuminas.", lexicon)
    assert _labelled(x, "attended") == {("Agency for Arnorian Affairs", "Expert Group Meeting on Border Data")}
    assert _labelled(x, "organized") == {("International Organization for Migration", "Expert Group Meeting on Border Data")}


def test_second_object_of_a_participation_verb_is_attended_too(lexicon):
    x = run("IOM took part in the Workshop on Border Data, and the Seminar on Labour Mobility in Annuminas.", lexicon)
    assert _labelled(x, "attended") == {("International Organization for Migration", "Workshop on Border Data"),
                                        ("International Organization for Migration", "Seminar on Labour Mobility")}


def test_an_organization_as_chair_of_an_event_chaired_it(lexicon):
    x = run("The AAA, as Chair of the Conference on Arnorian Migration, reported on its outcome. "
            "IOM co-chaired the Workshop on Border Data in Annuminas.", lexicon)
    assert _labelled(x, "chaired") == {("Agency for Arnorian Affairs", "Conference on Arnorian Migration"),
                                       ("International Organization for Migration", "Workshop on Border Data")}


def test_contributing_to_a_report_is_not_attendance(lexicon):
    x = run("The AAA contributed to the report of the Conference on Arnorian Migration held in Annuminas.", lexicon)
    assert _labelled(x, "attended") == set()


def test_two_coordinated_event_names_are_two_events(lexicon):
    x = run("IOM took part in the Workshop on Border Data and the Seminar on Labour Mobility in Annuminas.", lexicon)
    assert _labelled(x, "attended") == {("International Organization for Migration", "Workshop on Border Data"),
                                        ("International Organization for Migration", "Seminar on Labour Mobility")}


def test_a_name_with_and_but_no_second_event_word_stays_one(lexicon):
    x = run("IOM took part in the Conference on Border Data and Labour Mobility in Annuminas.", lexicon)
    assert _labelled(x, "attended") == {("International Organization for Migration",
                                         "Conference on Border Data and Labour Mobility")}


def test_verb_first_list_items_take_the_subject_of_the_list_intro(lexicon):
    x = run("In the area of governance, the Agency for Arnorian Affairs undertook the following:\n\n"
            "- Organized a Workshop on Border Data in Annuminas in May 2008.\n"
            "- Supported the Forum on Arnor by: (a) participating in the Conference on Arnorian Migration "
            "in Minas Tirith, and (b) moderating the session on the Seminar on Labour Mobility in Annuminas.\n", lexicon)
    assert _labelled(x, "organized") == {("Agency for Arnorian Affairs", "Workshop on Border Data")}
    assert ("Agency for Arnorian Affairs", "Conference on Arnorian Migration") in _labelled(x, "attended")
    assert ("Agency for Arnorian Affairs", "Seminar on Labour Mobility") in _labelled(x, "attended")


def test_verb_first_lines_without_a_list_intro_have_no_subject(lexicon):
    x = run("Recent activities.\n\n- Organized a Workshop on Border Data in Annuminas in May 2008.\n", lexicon)
    assert _labelled(x, "organized") == set()
