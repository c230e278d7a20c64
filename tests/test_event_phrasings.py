"""Events as summit pages and news items name them."""
from __future__ import annotations

from graph.ingest import make_document
from graph.lexicon import load_lexicon
from graph.pipeline import extract_document

LEX = load_lexicon()


def events(text: str) -> dict[str, dict[str, str]]:
    x = extract_document(make_document(text, "t"), LEX)
    label = {m.ref: m.label for m in x.mentions if m.ref.startswith("event:")}
    out: dict[str, dict[str, str]] = {v: {} for v in label.values()}
    for a in x.attributes:
        if a.ref in label and a.prop in ("startDate", "endDate", "seriesOrdinal"):
            out[label[a.ref]][a.prop] = a.value.lexical
    return out


def test_two_cue_words_are_one_head_and_the_edition_keeps_its_dates():
    found = events("Minister Ana Quispe led the concluding session of the 9th Andean Summit Meeting which took "
                   "place in Lima from 14 to 16 October 2031.")
    assert any(v.get("startDate") == "2031-10-14" and v.get("endDate") == "2031-10-16" and v.get("seriesOrdinal") == "9"
               for v in found.values()), found


def test_a_described_event_with_its_length_takes_the_dates_that_follow():
    found = events("The Andean Dialogue on Labour Mobility opened in Lima. Over 100 Ministers attended the two-day "
                   "dialogue, held from 3-4 October 2031, in Lima, Peru.")
    assert found.get("Andean Dialogue on Labour Mobility", {}).get("startDate") == "2031-10-03", found


def test_a_festival_is_an_event():
    found = events("The film was screened as part of the Arnor Institute's first Andean Migration Film Festival.")
    assert any("Festival" in name for name in found), found
