"""Organizations named with their parent, and a state's ministry written several ways."""
from __future__ import annotations

import hashlib

from graph import refs
from graph.extract import actors
from graph.lexicon import CountryEntry, Lexicon
from graph.model import Document, Evidence, Extraction, Mention
from graph.pipeline import extract_document
from graph.resolve import resolve
from graph.resolve_actors import unit_links

ARNOR = CountryEntry("Republic of Arnor", "ARN", ("Arnor",), ("Arnorian",))
GONDOR = CountryEntry("Gondor", "GON", (), ("Gondorian",))


def org(label: str, *aliases: str, start: int = 0) -> Mention:
    return Mention(refs.org(label), "Organization", label, Evidence("t", start, start + 1, "x"), aliases)


def resolved(*mentions: Mention):
    r = resolve([Extraction(list(mentions))])
    by_label = {e.label: e for e in r.entities}
    return r, by_label


def test_acronym_prefixed_body_is_one_with_its_bare_name_and_part_of_the_acronym_owner():
    r, by = resolved(org("Economic Commission for Arnor", "ECAR"),
                     org("ECAR Standing Committee on Fisheries", start=5),
                     org("Standing Committee on Fisheries", start=9))
    orgs = [e for e in r.entities if e.id.startswith("organization/")]
    assert len(orgs) == 2
    unit = next(e for e in orgs if "Fisheries" in e.label)
    assert {unit.label, *unit.alt_labels} >= {"ECAR Standing Committee on Fisheries", "Standing Committee on Fisheries"}
    parent = by["Economic Commission for Arnor"]
    assert any(e.subject == unit.id and e.prop == "partOf" and e.object == parent.id for e in r.edges)
    assert any("ECAR body" in m.reason for m in r.merges)


def test_head_noun_of_the_acronym_own_name_is_the_organization_itself():
    links = unit_links({"a": {"Economic Commission for Arnor", "ECAR"}, "b": {"Commission of ECAR"},
                        "c": {"Global Council on Tides", "GCT"}, "d": {"Secretariat of GCT"}})
    same = {(x.group, x.same) for x in links}
    assert ("b", "a") in same
    assert not any(x.group == "d" and x.same for x in links)  # a secretariat is a body of its own


def test_parent_dash_unit_name_joins_the_bare_unit():
    links = unit_links({"p": {"Arnor Fund for Women"}, "u": {"Arnor Fund for Women\u2014Southern Office"},
                        "s": {"Southern Office"}})
    assert [(x.group, x.parent, x.same) for x in links] == [("u", "p", "s")]


def test_acronym_prefixed_name_with_two_candidates_merges_with_neither():
    links = unit_links({"a": {"Arnor Relief Agency", "ARA"}, "b": {"ARA Field Office"},
                        "c": {"Field Office"}, "d": {"Field Office", "Gondor Field Office"}})
    link = next(x for x in links if x.group == "b")
    assert link.parent == "a" and link.same is None


def _doc(text: str) -> Document:
    return Document("t", "t.txt", "t", text, hashlib.sha256(text.encode()).hexdigest())


def test_a_states_ministry_is_one_name_whether_possessive_demonym_or_in_country():
    text = ("The forum was co-organized by Arnor's Ministry of Mines. The contract was introduced "
            "by the Ministry of Mines in Arnor. Later the Arnorian Ministry of Mines signed it. "
            "The Gondorian Ministry of Mines declined.")
    lex = Lexicon(organizations=[], countries=[ARNOR, GONDOR])
    d = _doc(text)
    x = actors.extract(d, lex)
    for m in x.mentions:
        assert text[m.evidence.start:m.evidence.end] == m.evidence.quote
    r = resolve([extract_document(d, lex)])
    ministries = sorted(e.label for e in r.entities if "Ministry" in e.label)
    assert ministries == ["Ministry of Mines of Gondor", "Ministry of Mines of the Republic of Arnor"]
    arnor = next(e for e in r.entities if e.label == "Ministry of Mines of the Republic of Arnor")
    assert {"Arnor's Ministry of Mines", "Ministry of Mines in Arnor", "Arnorian Ministry of Mines"} <= set(arnor.alt_labels)


def test_in_inside_a_name_is_kept_when_a_topic_follows_but_not_a_place():
    lex = Lexicon(organizations=[], countries=[ARNOR, GONDOR])
    text = ("Funds went to the Research Network on Tides in Storm and Flood, which met twice. "
            "The Tidal Institute in Gondor closed.")
    labels = {m.label for m in actors.extract(_doc(text), lex).mentions if m.ref.startswith("org:")}
    assert "Research Network on Tides in Storm and Flood" in labels
    assert not any("in Gondor" in x for x in labels)


def test_a_name_written_topic_first_is_the_one_name_with_that_topic():
    links = unit_links({"a": {"Research Network on Tides in Storm and Flood"},
                        "b": {"Tides in Storm and Flood Network"}})
    assert [(x.group, x.same) for x in links] == [("b", "a")]
    assert unit_links({"a": {"Research Network on Tides in Storm"}, "b": {"Tides in Storm Council"}}) == []


def test_an_event_named_with_a_leading_year_is_the_event_named_with_the_year_after():
    ev = Evidence("t", 0, 1, "x")
    r = resolve([Extraction([Mention("event:2031 tidal debate", "Meeting", "2031 tidal debate", ev),
                             Mention("event:tidal debate 2031", "Meeting", "Tidal debate", ev,
                                     ("Tidal debate (2031)",))])])
    assert [e.label for e in r.entities] == ["Tidal debate"]


def _orgs(text: str, lex: Lexicon) -> dict[str, str]:
    x = actors.extract(_doc(text), lex)
    for m in x.mentions:
        assert text[m.evidence.start:m.evidence.end] == m.evidence.quote
    return {m.label: m.cls for m in x.mentions if m.ref.startswith("org:")}


def test_an_office_is_named_by_the_place_it_is_posted_to():
    from graph.lexicon import CityEntry, OrgEntry

    lex = Lexicon(organizations=[OrgEntry("Arnor Relief Agency", ("ARA",), "IntergovernmentalOrganization", "", ())],
                  countries=[ARNOR, GONDOR], cities=[CityEntry("Annuminas", "ARN", ())])
    got = _orgs("The ARA Mission in Gondor and the ARA Office in Annuminas met the ARA Mission to Arnor. "
                "The ARA Office in charge of tides declined.", lex)
    assert {"ARA Mission in Gondor", "ARA Office in Annuminas", "ARA Mission to Arnor"} <= set(got)
    assert got["ARA Mission in Gondor"] == "IntergovernmentalOrganization"  # the kind of its parent
    assert not any("charge" in n for n in got)


def test_a_body_named_with_its_un_parent_takes_the_parent_s_kind_over_a_guess():
    parent = Mention(refs.org("Arnor Fund for Women"), "UNEntity", "Arnor Fund for Women", Evidence("t", 0, 1, "x"))
    unit = Mention(refs.org("Arnor Fund for Women—Southern Office"), "NonGovernmentalOrganization",
                   "Arnor Fund for Women\u2014Southern Office", Evidence("t", 5, 6, "x"))
    r = resolve([Extraction([parent, unit])])
    assert {e.label: e.cls for e in r.entities}["Arnor Fund for Women\u2014Southern Office"] == "UNEntity"


def test_one_session_of_one_body_however_the_body_is_written():
    ev = Evidence("t", 0, 1, "x")
    ms = [org("Economic Commission for Arnor", "ECAR"),
          Mention("event:a", "Meeting", "Twelfth session of the Economic Commission for Arnor", ev),
          Mention("event:b", "Meeting", "Twelfth session of the Commission of ECAR", ev),
          Mention("event:c", "Meeting", "Twelfth session of the Commission", ev),
          Mention("event:d", "Meeting", "Thirteenth session of the Commission", ev),
          Mention("event:e", "Meeting", "Twelfth session of the Council", ev)]
    r = resolve([Extraction(ms)])
    events = sorted(e.label for e in r.entities if e.id.startswith("event/"))
    assert events == ["Thirteenth session of the Commission", "Twelfth session of the Council",
                      "Twelfth session of the Economic Commission for Arnor"]


def test_in_before_a_region_or_a_month_closes_the_name():
    lex = Lexicon(organizations=[], countries=[ARNOR, GONDOR])
    text = "The Institute for Tides in Africa met the Research Network on Storms in May 2031."
    labels = {m.label for m in actors.extract(_doc(text), lex).mentions if m.ref.startswith("org:")}
    assert labels == {"Institute for Tides", "Research Network on Storms"}


def test_a_two_word_topic_first_name_stays_its_own_organization():
    assert unit_links({"a": {"Tide Policy Institute"}, "b": {"Arnorian Institute for Tide Policy"}}) == []
