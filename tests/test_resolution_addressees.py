"""Who an operative paragraph asks to act, and which graph node each addressee becomes."""
from __future__ import annotations

from graph.extract.addressees import actor_ref, find_addressees
from graph.lexicon import CountryEntry, Lexicon, OrgEntry

REQUESTS = ("requests", "invites", "urges", "calls upon", "calls on", "encourages", "appeals to")


def addressees(paragraph: str) -> list[str]:
    verb = next(v for v in ("Calls upon", "Requests", "Invites", "Urges", "Encourages", "Recognizes", "Welcomes",
                            "Takes note") if paragraph.startswith(v))
    return [a.label for a in find_addressees(paragraph, len(verb), len(paragraph), verb, REQUESTS)]


def test_spans_index_the_original_text():
    text = "Requests the Secretary-General to report;"
    [a] = find_addressees(text, len("Requests"), len(text), "Requests", REQUESTS)
    assert text[a.start:a.end] == "Secretary-General"
    assert a.verb == "requests"


def test_list_sharing_one_head_stays_one_addressee_and_as_well_as_splits():
    assert addressees("Invites relevant United Nations agencies, funds and programmes as well as the Arnor "
                      "Migration Office to contribute;") == [
        "relevant United Nations agencies, funds and programmes", "Arnor Migration Office"]


def test_conjunction_opening_a_new_noun_phrase_splits():
    assert addressees("Calls upon the United Nations system and other relevant international organizations and "
                      "multilateral institutions to enhance their cooperation;") == [
        "United Nations system", "other relevant international organizations", "multilateral institutions"]


def test_adjectives_joined_by_and_share_their_noun():
    assert addressees("Invites Member States and intergovernmental and non-governmental organizations to take "
                      "part;") == ["Member States", "intergovernmental and non-governmental organizations"]


def test_countries_of_origin_and_destination_is_one_group():
    assert addressees("Invites the countries of origin and destination, in accordance with domestic legislation, "
                      "to undertake measures;") == ["countries of origin and destination"]


def test_parenthetical_between_addressee_and_infinitive_is_dropped_and_all_is_kept():
    assert addressees("Requests all Member States, in accordance with their obligations, to cooperate;") == [
        "all Member States"]


def test_comma_list_with_including_gives_each_group():
    assert addressees("Calls upon all relevant bodies, agencies, funds and programmes of the United Nations system, "
                      "and other relevant regional and subregional organizations, including the Gondor Migration "
                      "Group, within their respective mandates, to continue their work;") == [
        "all relevant bodies, agencies, funds and programmes of the United Nations system",
        "other relevant regional and subregional organizations", "Gondor Migration Group"]


def test_efforts_by_names_the_actors_encouraged():
    assert addressees("Encourages efforts by Member States and the international community to promote "
                      "cooperation;") == ["Member States", "international community"]


def test_the_need_for_an_actor_to_act_addresses_it():
    assert addressees("Recognizes the need for Member States to continue considering migration;") == ["Member States"]


def test_a_request_later_in_the_paragraph_addresses_its_object():
    assert addressees("Welcomes the report of the Forum, and invites organizers of subsequent meetings of the Forum "
                      "to continue this practice;") == ["organizers of subsequent meetings of the Forum"]


def test_second_addressee_with_its_own_infinitive_is_found():
    assert addressees("Encourages Member States to participate actively in, and the organizations that are members "
                      "of the Gondor Migration Group to contribute to, the Forum;") == [
        "Member States", "organizations that are members of the Gondor Migration Group"]


def test_relative_clause_is_not_part_of_the_addressee():
    assert addressees("Urges all States that have not yet done so to ratify the Convention;") == ["all States"]


def test_verbs_that_ask_nothing_have_no_addressee():
    assert addressees("Takes note of the report of the Secretary-General;") == []
    assert addressees("Recognizes that migration brings benefits to Member States;") == []


LEXICON = Lexicon(
    organizations=[OrgEntry("Arnor Migration Office", ("AMO",), "IntergovernmentalOrganization", "", ())],
    countries=[CountryEntry("Republic of Gondor", "GND", ("Gondor",), ("Gondorian",))],
)


def test_secretary_general_is_one_office_holder_node():
    a = actor_ref("Secretary-General", LEXICON)
    assert (a.ref, a.cls, a.label) == ("org:secretary general", "UNEntity", "Secretary-General")


def test_known_organization_by_name_or_acronym_gets_its_official_name():
    assert actor_ref("Arnor Migration Office", LEXICON).cls == "IntergovernmentalOrganization"
    assert actor_ref("AMO", LEXICON).label == "Arnor Migration Office"


def test_government_of_a_country_is_the_country():
    a = actor_ref("Government of Gondor", LEXICON)
    assert (a.ref, a.cls, a.label) == ("country:GND", "Country", "Republic of Gondor")


def test_unnamed_group_is_an_actor_named_as_written():
    a = actor_ref("the regional commissions", LEXICON)
    assert (a.cls, a.label) == ("Actor", "regional commissions")


def test_comma_separated_actors_are_each_an_addressee():
    assert addressees("Invites Member States, the United Nations system, international organizations, civil society "
                      "and the private sector to contribute to the Trust Fund;") == [
        "Member States", "United Nations system", "international organizations", "civil society", "private sector"]


def test_an_actor_named_after_a_parenthetical_is_kept():
    assert addressees("Encourages Governments, as appropriate, and relevant international organizations to "
                      "cooperate;") == ["Governments", "relevant international organizations"]


def test_recommends_that_names_the_actors_of_the_clause():
    assert addressees("Requests that Member States and the regional commissions consider the matter;") == [
        "Member States", "regional commissions"]


def test_first_person_request_verbs_address_like_third_person_ones():
    text = "Call upon all States to protect migrants, and invite the regional commissions to report;"
    found = find_addressees(text, len("Call upon"), len(text), "Call upon", REQUESTS)
    assert [(a.label, a.verb) for a in found] == [("all States", "calls upon"), ("regional commissions", "invites")]


def test_a_second_request_verb_ends_the_first_addressee_phrase():
    assert addressees("Calls upon States Members and observers, and invites relevant United Nations bodies to "
                      "participate;") == ["States Members", "observers", "relevant United Nations bodies"]


def test_an_acronym_in_brackets_does_not_end_the_phrase():
    assert addressees("Invites the Arnor Migration Office (AMO) and the regional commissions to report;") == [
        "Arnor Migration Office", "regional commissions"]


def test_a_call_reiterated_addresses_its_object():
    text = "Reiterates its call upon Member States to ratify the Convention;"
    found = find_addressees(text, len("Reiterates"), len(text), "Reiterates", REQUESTS)
    assert [(a.label, a.verb) for a in found] == [("Member States", "calls upon")]
