"""Accept headers pick the best offered format, with the server's order breaking ties."""
from __future__ import annotations

from migkg.negotiate import choose

OFFERS = ["text/html", "text/turtle", "application/ld+json"]
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


def test_browser_gets_html():
    assert choose(BROWSER, OFFERS) == "text/html"


def test_machine_gets_what_it_asks_for():
    assert choose("text/turtle", OFFERS) == "text/turtle"
    assert choose("application/ld+json;q=0.9, text/turtle;q=0.5", OFFERS) == "application/ld+json"


def test_wildcards_and_missing_header_take_the_first_offer():
    assert choose("*/*", OFFERS) == "text/html"
    assert choose(None, OFFERS) == "text/html"
    assert choose("text/*", ["application/ld+json", "text/turtle"]) == "text/turtle"


def test_nothing_acceptable_is_none():
    assert choose("image/png", OFFERS) is None
    assert choose("text/turtle;q=0", OFFERS) is None
