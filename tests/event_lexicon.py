"""A tiny invented lexicon for the event tests, so rules are tested without the real dictionaries."""
import hashlib

from graph.lexicon import CityEntry, CountryEntry, Lexicon, OrgEntry, _yaml
from graph.model import Document


def arnor_lexicon() -> Lexicon:
    return Lexicon(
        organizations=[OrgEntry("International Organization for Migration", ("IOM",), "IntergovernmentalOrganization", "", ()),
                       OrgEntry("Agency for Arnorian Affairs", ("AAA",), "UNEntity", "", ())],
        countries=[CountryEntry("Republic of Arnor", "ARN", ("Arnor",), ()),
                   CountryEntry("Gondor", "GON", (), ()),
                   CountryEntry("Philippines", "PHL", (), ()),
                   CountryEntry("Belgium", "BEL", (), ()),
                   CountryEntry("United States of America", "USA", ("United States",), ())],
        cities=[CityEntry("Annuminas", "ARN", ()), CityEntry("Minas Tirith", "GON", ()),
                CityEntry("New York", "USA", ()), CityEntry("Manila", "PHL", ()), CityEntry("Brussels", "BEL", ())],
        cues=_yaml("cues.yaml"),
    )


def make_doc(text: str) -> Document:
    return Document("t", "t.txt", "t", text, hashlib.sha256(text.encode()).hexdigest())
