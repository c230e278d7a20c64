"""The relation patterns of graph/data/relations.yaml: each row's invented example gives its edges,
and the stage keeps only what the contract allows, inside one sentence."""
from __future__ import annotations

import pytest

from graph.ingest import make_document
from graph.lexicon import load_lexicon
from graph.pipeline import extract_document
from graph.relations.patterns import compile_pattern, table

LEX = load_lexicon()
PATTERNS = table().patterns


def edges(text: str) -> tuple[set[str], list]:
    doc = make_document(text, "t")
    x = extract_document(doc, LEX)
    label = {m.ref: m.label for m in x.mentions}
    for r in x.relations:
        assert doc.text[r.evidence.start:r.evidence.end] == r.evidence.quote
    return {f"{label[r.subject]} | {r.prop} | {label[r.object]}" for r in x.relations}, x.relations


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.name for p in PATTERNS])
def test_each_pattern_reads_the_edges_of_its_example(pattern):
    found, relations = edges(pattern.example)
    assert pattern.gives, "every pattern row lists the edges its example gives"
    assert set(pattern.gives) <= found
    assert any(r.evidence.rule == pattern.name for r in relations), "the row itself reads its example"


def test_every_pattern_names_a_relation_of_the_contract():
    rules = table()
    assert {p.relation for p in rules.patterns} <= set(rules.contract)
    assert len({p.name for p in rules.patterns}) == len(rules.patterns)


def test_an_edge_the_contract_does_not_allow_is_not_made():
    found, _ = edges("The Regional Seminar on Tidal Mobility was organized by Lima.")
    assert not any("| organized |" in e for e in found)


def test_no_edge_joins_two_sentences():
    found, _ = edges("The Arnor Institute for Migration Studies studies tides. "
                     "The Regional Seminar on Tidal Mobility was organized by experts.")
    assert not any("organized" in e for e in found)


def test_a_mention_after_a_preposition_is_not_the_subject():
    _, relations = edges("The report of the Gondor Bureau of Statistics chaired the Regional Seminar on Tidal Mobility.")
    assert not [r for r in relations if r.prop == "chaired" and not r.evidence.rule.startswith("extractor:")]


def test_the_government_of_a_country_acts_as_that_country():
    found, _ = edges("The Regional Seminar on Tidal Mobility was hosted by the Government of Chile.")
    assert "Chile | hosted | Regional Seminar on Tidal Mobility" in found


def test_a_definite_description_names_the_organization_before_it():
    found, _ = edges("The Arnor Institute for Migration Studies was founded in 2020. The Regional Seminar on "
                     "Tidal Mobility was organized by the Institute.")
    assert "Arnor Institute for Migration Studies | organized | Regional Seminar on Tidal Mobility" in found


def test_it_at_the_start_of_a_sentence_is_the_subject_of_the_sentence_before():
    found, _ = edges("The Harmonized Tide Data Initiative (HTDI) began in 2030. It is funded by the Government of "
                     "Chile.")
    assert "Harmonized Tide Data Initiative | fundedBy | Chile" in found


def test_every_edge_names_the_rule_that_made_it():
    _, relations = edges("The Regional Seminar on Tidal Mobility was organized by the Arnor Institute for "
                         "Migration Studies in Lima, Peru, on 3 May 2031.")
    assert relations and all(r.evidence.rule for r in relations)


def test_slots_and_macros_compile_to_one_regex():
    rx = compile_pattern("{o:event+}{__}(?:{be} )?hosted by {s:actor+}")
    m = rx.search("⟦0:Event⟧ was hosted by the ⟦1:Country⟧ and ⟦2:Org⟧.")
    assert m and m.group("o") == "⟦0:Event⟧" and "⟦2:Org⟧" in m.group("s")
    assert rx.search("⟦0:Event⟧ was hosted by ⟦1:City⟧.") is None


REPORT = ("The Arnor Institute for Migration Studies (AIMS) met in Lima. The Arnor Institute for Migration Studies "
          "trained staff. The Arnor Institute for Migration Studies issued reports. The Arnor Institute for Migration "
          "Studies grew. The Arnor Institute for Migration Studies moved.\n\n")


def test_a_project_of_the_reports_own_organization_partners_for_it():
    found, _ = edges(REPORT + "The Tidal Data Initiative (TDI) began in 2030. It is implemented in partnership with "
                     "the Gondor Bureau of Statistics.")
    assert "Arnor Institute for Migration Studies | partneredWith | Gondor Bureau of Statistics" in found


def test_the_report_own_organization_receives_the_contributions_it_lists():
    found, _ = edges(REPORT + "Contributions were received from the Governments of Chile and Peru.")
    assert {"Arnor Institute for Migration Studies | fundedBy | Chile",
            "Arnor Institute for Migration Studies | fundedBy | Peru"} <= found


def test_no_topic_without_an_organization_the_document_is_about():
    found, _ = edges("The Arnor Institute for Migration Studies met. Contributions were received from Chile.")
    assert not any("fundedBy" in e for e in found)


def test_the_secretary_general_is_an_actor_a_resolution_asks():
    found, _ = edges("The meeting was held pursuant to resolution 12/3 of the Arnor Council, which requests the "
                     "Secretary-General to report on tides.")
    assert any(e.endswith("| requested | Secretary-General") for e in found)


def test_a_persons_country_in_brackets_is_not_a_co_subject():
    found, _ = edges("The Regional Seminar on Tidal Mobility was chaired by Ms. Ann Tern (Peru).")
    assert "Ann Tern | chaired | Regional Seminar on Tidal Mobility" in found
    assert "Peru | chaired | Regional Seminar on Tidal Mobility" not in found


def test_a_list_on_lines_of_its_own_takes_the_subject_of_the_sentence_introducing_it():
    text = ("The Arnor Institute for Migration Studies supported the region's work on data by:\n"
            "(a) moderating a panel at the Regional Seminar on Tidal Mobility in 2031; (b) chairing\n"
            "the Expert Meeting on Seasonal Work in Quito.\n")
    found, _ = edges(text)
    assert "Arnor Institute for Migration Studies | attended | Regional Seminar on Tidal Mobility" in found
    assert "Arnor Institute for Migration Studies | chaired | Expert Meeting on Seasonal Work" in found


def test_a_division_of_an_organization_is_the_subject_not_the_organization():
    found, _ = edges("The Population Division of the International Labour Organization is organizing the Regional "
                     "Seminar on Tidal Mobility.")
    assert {e.split(" | ")[0] for e in found if "| organized |" in e} == {"Population Division"}


def test_a_title_after_a_persons_country_names_the_body_again():
    found, _ = edges("The Governing Board held its fourteenth session in Lima on 3 May 2031 under the chairmanship "
                     "of Mr. Ivo Sarn (Peru), Chair of the Governing Board.")
    assert "Ivo Sarn | memberOf | Governing Board" in found
    assert "Peru | chaired | Fourteenth session of the Governing Board" not in found
    assert not any(e.startswith("Governing Board | chaired") for e in found)


def test_decisions_listed_with_their_subjects_are_each_adopted():
    found, _ = edges("At that session the Gondor Bureau of Statistics adopted decision GB.14/1 on the programme of "
                     "work for 2031 and decision GB.14/2 on the budget for 2031.")
    assert {"Gondor Bureau of Statistics | adopted | decision GB.14/1",
            "Gondor Bureau of Statistics | adopted | decision GB.14/2"} <= found


def test_a_meeting_named_by_its_city_is_the_last_one_held_there():
    found, _ = edges("The Regional Seminar on Tidal Mobility was held in Lima in 2031. The Expert Meeting on Seasonal "
                     "Work was held in Quito in 2031. The Lima seminar was opened by Mr. Bob Reed.")
    assert "Bob Reed | opened | Regional Seminar on Tidal Mobility" in found
    assert "Bob Reed | opened | Expert Meeting on Seasonal Work" not in found
