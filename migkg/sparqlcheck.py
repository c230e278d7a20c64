"""Read-only guard for SPARQL text: spot updates and SERVICE calls before anything runs.

pyoxigraph would happily follow `SERVICE <http://elsewhere/>` over HTTP, and an
update sent as a query only fails with a parser message about CONSTRUCT. A small
lexer that skips strings, IRIs and comments lets us refuse both with a clear
reason, without being fooled by a literal that merely contains the word.
"""
from __future__ import annotations

import re

from graph.errors import QueryError

_TOKEN = re.compile(
    r'''
    (?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
       |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'
       |<[^<>"{}|^`\\\x00-\x20]*>
       |\#[^\n]*
       |[?$][\w]+
       |[\w.-]*:[\w.:%-]*)
    |(?P<word>[A-Za-z]+)
    |(?P<other>\S)
    ''',
    re.X,
)

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


def keywords(query: str) -> list[str]:
    """Bare words of the query, upper-cased, outside strings, IRIs, names and comments."""
    return [m.group("word").upper() for m in _TOKEN.finditer(query) if m.group("word")]


def query_form(query: str) -> str | None:
    """SELECT / ASK / CONSTRUCT / DESCRIBE, an update keyword, or None if neither appears."""
    for word in keywords(query):
        if word in QUERY_FORMS or word in UPDATE_KEYWORDS:
            return word
    return None


class ReadOnlyViolation(QueryError):
    """The text asks for something a read-only endpoint never does (update, SERVICE)."""


def check_read_only(query: str) -> None:
    """Raise ReadOnlyViolation for SPARQL Update or any SERVICE clause.

    SERVICE is refused outright rather than filtered by host: federation to this
    endpoint itself is pointless and to any other host is a request forgery risk.
    """
    words = keywords(query)
    form = next((w for w in words if w in QUERY_FORMS or w in UPDATE_KEYWORDS), None)
    if form in UPDATE_KEYWORDS:
        raise ReadOnlyViolation(
            f"SPARQL Update ({form}) is not accepted: this graph is read-only"
        )
    if "SERVICE" in words:
        raise ReadOnlyViolation(
            "SERVICE (federated query) is not accepted: queries run on this graph only"
        )
