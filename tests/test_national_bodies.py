"""A state's ministry in a participants list grouped under country headings, and portfolios."""
from __future__ import annotations

import hashlib

from graph.lexicon import CityEntry, CountryEntry, Lexicon
from graph.model import Document
from graph.pipeline import extract_document
from graph.resolve import resolve

ARNOR = CountryEntry("Republic of Arnor", "ARN", ("Arnor",), ("Arnorian",))
GONDOR = CountryEntry("Gondor", "GON", (), ("Gondorian",))
LEX = Lexicon(organizations=[], countries=[ARNOR, GONDOR], cities=[CityEntry("Annuminas", "ARN", ())])

TEXT = """REPORT OF THE MEETING

The meeting discussed seasonal work.

List of participants

Arnor
Mr. Aragorn Elessar, Permanent Secretary, Ministry of Labour, Rangers and Employment, Annuminas

Gondor
Ms. Ioreth Healer, Director, Ministry of Labour, Osgiliath
Mr. Beregond Guard, Adviser, Department of Ports
"""


def _resolved():
    d = Document("t", "t.txt", "t", TEXT, hashlib.sha256(TEXT.encode()).hexdigest())
    x = extract_document(d, LEX)
    for item in [*x.mentions, *x.attributes, *x.relations]:
        assert TEXT[item.evidence.start:item.evidence.end] == item.evidence.quote
    return resolve([x])


def test_a_ministry_under_a_country_heading_is_that_country_s_ministry():
    r = _resolved()
    labels = {e.label for e in r.entities if e.id.startswith("organization/")}
    assert "Ministry of Labour, Rangers and Employment of the Republic of Arnor" in labels
    assert "Ministry of Labour of Gondor" in labels
    assert "Department of Ports of Gondor" in labels


def test_two_states_ministries_of_one_bare_name_stay_two():
    r = _resolved()
    ministries = [e for e in r.entities if e.label.startswith("Ministry of Labour")]
    assert len(ministries) == 2
    by_id = {e.id: e.label for e in r.entities}
    members = {(by_id[e.subject], by_id[e.object]) for e in r.edges if e.prop == "memberOf"}
    assert ("Ioreth Healer", "Ministry of Labour of Gondor") in members
    assert ("Aragorn Elessar", "Ministry of Labour, Rangers and Employment of the Republic of Arnor") in members


def test_a_duty_station_after_the_title_is_not_part_of_the_title():
    from graph.extract.participants import parse

    text = ("List of participants\n\nAgency for Tides\nMr. Faramir Steward, Chief of Mission, Annuminas\n"
            "Ms. Eowyn Shield, Senior Adviser, Gondor\n")
    d = Document("t", "t.txt", "t", text, hashlib.sha256(text.encode()).hexdigest())
    titles = {p.name: p.title for p in parse(d, LEX).people}
    assert titles == {"Faramir Steward": "Chief of Mission", "Eowyn Shield": "Senior Adviser"}


def test_a_bare_ministry_in_a_sentence_opening_in_country_is_that_country_s():
    from graph.extract import actors

    text = "In Gondor, the agency supported the Ministry of Ports. Later the Ministry of Roads spoke."
    d = Document("t", "t.txt", "t", text, hashlib.sha256(text.encode()).hexdigest())
    labels = {m.label for m in actors.extract(d, LEX).mentions if m.ref.startswith("org:")}
    assert labels == {"Ministry of Ports of Gondor", "Ministry of Roads"}
