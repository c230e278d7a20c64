from conftest import span

from graph.ingest import make_document
from graph.model import Extraction, Mention
from graph.resolve import is_acronym, resolve


def test_acronym_seen_alone_joins_the_one_long_name_that_defines_it(arnor_extraction):
    res = resolve([arnor_extraction])
    ids = {e.id for e in res.entities}
    assert "organization/gondor-institute-for-migration-studies" in ids
    assert "organization/gims" not in ids
    org = next(e for e in res.entities if e.id == "organization/gondor-institute-for-migration-studies")
    assert "GIMS" in org.alt_labels
    assert org.cls == "AcademicInstitution"  # specific class wins over generic Organization
    chaired = [e for e in res.edges if e.prop == "chaired"]
    assert chaired and chaired[0].subject == org.id
    assert any(m.merged == "org:gims" and "acronym" in m.reason for m in res.merges)


def test_two_long_names_sharing_an_acronym_are_never_merged():
    d = make_document("Arnor Postal Union (APU). Arnor Pilots Union (APU). The APU met.", "d")
    ex = Extraction(mentions=[
        Mention("org:arnor postal union", "Organization", "Arnor Postal Union", span(d, "Arnor Postal Union"), ("APU",)),
        Mention("org:arnor pilots union", "Organization", "Arnor Pilots Union", span(d, "Arnor Pilots Union"), ("APU",)),
        Mention("org:apu", "Organization", "APU", span(d, "APU", 2)),
    ])
    res = resolve([ex])
    labels = sorted(e.label for e in res.entities)
    assert labels == ["APU", "Arnor Pilots Union", "Arnor Postal Union"]


def test_names_differing_in_case_and_leading_the_are_one_entity():
    d = make_document("The Arnor Council met. the arnor council agreed.", "d")
    ex = Extraction(mentions=[
        Mention("org:arnor council", "Organization", "The Arnor Council", span(d, "The Arnor Council")),
        Mention("org:the arnor council", "GovernmentBody", "arnor council", span(d, "arnor council")),
    ])
    assert len(resolve([ex]).entities) == 1


def test_curation_forbids_a_merge_the_rules_would_make():
    d = make_document("Arnor Bank. Arnor Bank.", "d")
    ex = Extraction(mentions=[
        Mention("org:arnor bank", "Organization", "Arnor Bank", span(d, "Arnor Bank")),
        Mention("org:arnor-bank", "Company", "Arnor Bank", span(d, "Arnor Bank", 1), ("AB",)),
    ])
    assert len(resolve([ex]).entities) == 1
    # forbidding needs two distinct names: give the second one another
    ex2 = Extraction(mentions=[
        Mention("org:arnor bank", "Organization", "Arnor Bank", span(d, "Arnor Bank"), ("Bank of Arnor",)),
        Mention("org:bank of arnor", "Company", "Bank of Arnor", span(d, "Arnor Bank", 1)),
    ])
    assert len(resolve([ex2]).entities) == 1
    assert len(resolve([ex2], {"forbid_merge": [["Arnor Bank", "Bank of Arnor"]]}).entities) == 2


def test_acronym_shapes():
    assert is_acronym("IOM") and is_acronym("UN/DESA") and is_acronym("UNHCR")
    assert not is_acronym("Manila") and not is_acronym("of") and not is_acronym("Population Division")


def test_relations_to_unmentioned_refs_are_dropped(arnor_extraction):
    from graph.model import Relation
    ex = arnor_extraction
    ex.relations.append(Relation("org:gondor institute for migration studies", "hosted", "event:nowhere",
                                 ex.relations[0].evidence))
    res = resolve([ex])
    assert not [e for e in res.edges if e.prop == "hosted"]


def test_a_bare_surname_joins_the_only_person_with_that_surname():
    d = make_document("Ms. Tindra Valen spoke. Ms. Valen replied. Mr. Orro Dunmar and Ms. Ila Dunmar left. Mr. Dunmar stayed.", "d")
    ex = Extraction(mentions=[
        Mention("person:tindra valen", "Person", "Tindra Valen", span(d, "Tindra Valen")),
        Mention("person:valen", "Person", "Valen", span(d, "Valen", 1)),
        Mention("person:orro dunmar", "Person", "Orro Dunmar", span(d, "Orro Dunmar")),
        Mention("person:ila dunmar", "Person", "Ila Dunmar", span(d, "Ila Dunmar")),
        Mention("person:dunmar", "Person", "Dunmar", span(d, "Dunmar", 2)),
    ])
    res = resolve([ex])
    by_label = {e.label: e for e in res.entities}
    assert "Valen" in by_label["Tindra Valen"].alt_labels
    assert "Orro Dunmar" in by_label and "Ila Dunmar" in by_label  # same surname, different persons
    assert "Dunmar" in by_label  # ambiguous: left alone rather than guessed
    assert any("surname" in m.reason for m in res.merges)


def test_long_names_sharing_a_prefix_get_distinct_stable_iris():
    from graph.refs import entity_path, event

    stem = "Regional consultation of recruitment and placement agencies on good practices to protect "
    a, b = event(stem + "women migrant workers"), event(stem + "domestic workers in Arnor")
    assert entity_path(a) != entity_path(b)
    assert entity_path(a) == entity_path(event(stem + "women migrant workers"))
    assert len(entity_path(a)) < 110
