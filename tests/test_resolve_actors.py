"""Merge keys and vetoes for actor mentions (graph.resolve_actors)."""
from __future__ import annotations

from graph import refs
from graph.model import Evidence, Mention
from graph.resolve_actors import actor_merge_keys, may_merge, person_keys

EV = Evidence("t", 0, 1, "x")


def org(label: str, *aliases: str) -> Mention:
    return Mention(refs.org(label), "UNEntity", label, EV, aliases)


def test_case_punctuation_and_leading_the_do_not_change_organization_keys():
    assert actor_merge_keys(org("The World Bank")) & actor_merge_keys(org("world bank"))


def test_united_nations_prefix_is_optional_when_the_rest_still_names_something():
    keys = actor_merge_keys(org("United Nations Statistics Division"))
    assert "name:statistics division" in keys
    assert "name:university" not in actor_merge_keys(org("United Nations University"))
    assert "name:secretariat" not in actor_merge_keys(org("United Nations Secretariat"))


def test_un_slash_acronyms_meet_their_bare_form():
    assert "acr:DESA" in actor_merge_keys(org("Department of Economic and Social Affairs", "UN/DESA"))
    assert actor_merge_keys(org("X Agency", "UN-ARN")) & actor_merge_keys(org("Y", "ARN"))


def test_acronym_keys_are_case_sensitive():
    assert not actor_merge_keys(org("Wizards Health Organization", "WHO")) & {"acr:who", "acr:Who"}


def test_two_long_names_sharing_an_acronym_may_not_merge():
    assert not may_merge(["Inter-Arnor Development Bank", "IDB"], ["Islamic Development Bank", "IDB"])


def test_acronym_alone_may_join_its_long_name():
    assert may_merge(["International Organization for Migration", "IOM"], ["IOM"])


def test_spelling_variants_of_one_long_name_may_merge():
    assert may_merge(["Organization for Economic Co-operation and Development", "OECD"],
                     ["Organisation for Economic Co-operation and Development"])
    assert may_merge(["United Nations Statistics Division"], ["Statistics Division"])


def test_curation_forbids_pairs_and_adds_aliases():
    cur = {"forbid_merge": [["Rohan Bank", "Rhun Bank"]], "aliases": {"Arnor Council": ["Council of Arnor"]}}
    assert not may_merge(["Rohan Bank", "RB"], ["Rhun Bank", "RB"], curation=cur)
    assert "name:arnor council" in actor_merge_keys(org("Council of Arnor"), curation=cur)


def test_person_keys_drop_honorifics_initials_and_suffixes():
    assert person_keys("H.E. Mr. Esteban B. Conejos, Jr.") == {"person:esteban conejos",
                                                               "person-full:esteban conejos"}
    assert person_keys("MR. SEUNG BOK LEE") == {"person:seung lee", "person-full:seung bok lee"}
    assert person_keys("Mr. Lemaitre") == {"surname:lemaitre"}


def test_a_surname_alone_shares_no_key_with_a_full_name():
    assert not person_keys("Mr. Lemaitre") & person_keys("Georges Lemaitre")


def test_persons_with_one_surname_and_different_first_names_may_not_merge():
    assert not may_merge(["Ann Hurin"], ["Faramir Hurin"], family="person")
    assert may_merge(["George Lemaitre"], ["Georges Lemaitre"], family="person")
    assert may_merge(["Mr. Lemaitre"], ["Georges Lemaitre"], family="person")
    assert not may_merge(["Mr. Lemaitre"], ["Georges Hurin"], family="person")


def test_person_mentions_keyed_by_first_and_last_name():
    m = Mention(refs.person("hania zlotnik"), "Person", "Hania Zlotnik", EV, ("Ms. Hania Zlotnik",))
    assert "person:hania zlotnik" in actor_merge_keys(m)


def test_country_keys_carry_the_iso_code():
    m = Mention(refs.country("ARN"), "Country", "Republic of Arnor", EV, ("Arnor",))
    assert {"iso:ARN", "name:arnor", "name:republic of arnor"} <= actor_merge_keys(m)
