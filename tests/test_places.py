"""Venue phrases become a city with its country, or a country alone."""
import pytest

from graph.extract.places import find_places
from tests.event_lexicon import arnor_lexicon


@pytest.fixture
def lexicon():
    return arnor_lexicon()


def test_city_comma_country(lexicon):
    (p,) = find_places("held in Annuminas, Arnor, from 1 to 2 May 2008", lexicon)
    assert (p.city, p.iso3, p.country) == ("Annuminas", "ARN", "Republic of Arnor")


def test_unknown_city_before_a_known_country_is_still_a_city(lexicon):
    (p,) = find_places("took place in Osgiliath, Gondor, in 2007", lexicon)
    assert (p.city, p.iso3) == ("Osgiliath", "GON")


def test_headquarters_in_city(lexicon):
    (p,) = find_places("took place at United Nations Headquarters in New York from 20 to 21 November", lexicon)
    assert (p.city, p.iso3) == ("New York", "USA")


def test_country_alone_and_the_article(lexicon):
    assert find_places("would be held in Gondor in 2010", lexicon)[0].city is None
    (p,) = find_places("in Manila, the Philippines, from 27 to 30 October 2008", lexicon)
    assert (p.city, p.country) == ("Manila", "Philippines")


def test_a_longer_name_starting_with_a_city_is_not_the_city(lexicon):
    assert find_places("held at Annuminas University Law Center", lexicon) == []
