"""Read-only guard for SPARQL: decide on the parse tree, after cheap limits, never with a lexer of our own.

A hand lexer keeps missing forms SPARQL allows (a `#` comment ended by CR,
keywords in any case, `\\uXXXX` escapes decoded before parsing), and an endpoint
that misses `SERVICE` becomes a client for whoever asks. So:

1. cheap limits first, linear in the text: its size and its bracket nesting
   (deep nesting is what overflows a parser's stack);
2. one canonical text: code-point escapes decoded once, as SPARQL 1.1 does
   before parsing, and every line end made LF — the text that is then both
   checked and executed, so the two parsers cannot disagree on where a
   comment ends or what an escape spells;
3. rdflib's SPARQL parser reads it into a tree; the query form comes from the
   tree, an update is named by its operation, and `SERVICE` anywhere in the
   tree (OPTIONAL, subqueries, FILTER EXISTS, …) is refused.

What the tree cannot promise (a query both parsers accept but read
differently) the sandbox covers: query threads have no network
(`migkg.sandbox`).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.errors import QueryError

QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
               "DescribeQuery": "DESCRIBE"}
UPDATE_NAMES = {"InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
                "Modify": "DELETE/INSERT", "Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP",
                "Create": "CREATE", "Add": "ADD", "Move": "MOVE", "Copy": "COPY"}
UPDATE_MESSAGE = "SPARQL Update ({}) is not accepted: this graph is read-only"
SERVICE_MESSAGE = "SERVICE (federated query) is not accepted: queries run on this graph only"


@dataclass(frozen=True)
class Limits:
    """What a query may be before anyone parses it."""

    max_chars: int = 64 * 1024
    max_depth: int = 64


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed the guard: the canonical text to execute and its form."""

    text: str
    form: str | None  # SELECT | ASK | CONSTRUCT | DESCRIBE; None when the tree was not read (`check(tree=False)`)


class ReadOnlyViolation(QueryError):
    """The text asks for something a read-only endpoint never does (update, SERVICE)."""


class QueryTooLarge(QueryError):
    """The query text is longer than the limit."""


class QueryTooDeep(QueryError):
    """Brackets nest deeper than the limit, or the parser ran out of room."""


class QuerySyntaxError(QueryError):
    """The query is not SPARQL the guard can read."""


# One token at a time, each alternative possessive or bounded by its own
# terminator, so the scan is linear whatever the text (an unterminated string
# runs to the end of its line, or of the text, and stops there).
_TOKENS = re.compile(
    r'''
      \#[^\n]*+
    | """(?:[^"\\]++|\\.|"(?!""))*+(?:"""|\Z)
    | \'\'\'(?:[^'\\]++|\\.|'(?!''))*+(?:\'\'\'|\Z)
    | "(?:[^"\\\n]++|\\.)*+"?
    | '(?:[^'\\\n]++|\\.)*+'?
    | <[^<>"{}|^`\\\x00-\x20]*+>
    | (?P<open>[{(\[])
    | (?P<close>[})\]])
    ''',
    re.X | re.S,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_ANY_ESCAPE = re.compile(r"\\[uU][0-9A-Fa-f]{4}")  # what rdflib's own (looser) expansion would take


def nesting_depth(text: str) -> int:
    """Deepest nesting of { ( [ outside strings, comments and IRIs; linear in the text."""
    depth = deepest = 0
    for m in _TOKENS.finditer(text):
        if m.group("open"):
            depth += 1
            deepest = max(deepest, depth)
        elif m.group("close") and depth:
            depth -= 1
    return deepest


def canonical_text(query: str) -> str:
    r"""The query with `\uXXXX` / `\UXXXXXXXX` decoded (SPARQL 1.1, before parsing) and every line end LF.

    Raises QuerySyntaxError for an escape of no character, or for escapes that
    spell further escapes (`\u005Cu0041`): read once here and again by a
    parser, those would mean two different queries.
    """
    def decode(m: re.Match[str]) -> str:
        point = int(m.group(1) or m.group(2), 16)
        if point > 0x10FFFF or 0xD800 <= point <= 0xDFFF:
            raise QuerySyntaxError(f"SPARQL syntax error: {m.group(0)} is not a character")
        return chr(point)

    text = _ESCAPE.sub(decode, query)
    if _ANY_ESCAPE.search(text):
        raise QuerySyntaxError("SPARQL syntax error: an escape sequence that is not \\uXXXX or \\UXXXXXXXX, "
                               "or one that spells another escape, is not accepted")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_limits(query: str, limits: Limits) -> None:
    """QueryTooLarge / QueryTooDeep before any parsing."""
    if len(query) > limits.max_chars:
        raise QueryTooLarge(f"query too large: {len(query)} characters (at most {limits.max_chars})")
    depth = nesting_depth(query)
    if depth > limits.max_depth:
        raise QueryTooDeep(f"query nested too deeply: {depth} levels of brackets (at most {limits.max_depth})")


def _parsers() -> tuple[Any, Any, Any]:
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import Query, UpdateUnit

    # rdflib logs a traceback for literals it cannot convert (a 5,000-digit
    # integer); the literal is still read, so keep that out of the output.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    return Query, UpdateUnit, ParseBaseException


def _walk(tree: Any) -> Any:
    """Every node of an rdflib parse tree, without recursion (trees of long patterns are deep)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)


def _update_operation(text: str, update_unit: Any, parse_error: type) -> str | None:
    try:
        update = update_unit.parse_string(text, parse_all=True)[0]
    except (parse_error, RecursionError, ValueError):
        return None
    operations = update["request"] if "request" in update else []
    if not operations:
        return None
    return UPDATE_NAMES.get(operations[0].name, operations[0].name)


def _syntax_message(exc: Any) -> str:
    where = f" at {exc.lineno}:{exc.col}" if getattr(exc, "lineno", None) else ""
    return f"SPARQL syntax error{where}: {' '.join(str(getattr(exc, 'msg', exc)).split())}"


def _read_tree(text: str) -> tuple[str | None, str | None]:
    """(query form, None) from rdflib's parse tree, or (None, syntax message); raises for refusals."""
    Query, UpdateUnit, ParseBaseException = _parsers()
    try:
        tree = Query.parse_string(text, parse_all=True)
    except RecursionError:
        raise QueryTooDeep("query too complex to read: simplify it or split it") from None
    except (ParseBaseException, ValueError) as exc:
        operation = _update_operation(text, UpdateUnit, ParseBaseException)
        if operation:
            raise ReadOnlyViolation(UPDATE_MESSAGE.format(operation)) from None
        return None, _syntax_message(exc)
    form = None
    for node in _walk(tree):
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            raise ReadOnlyViolation(SERVICE_MESSAGE)
        if form is None and name in QUERY_FORMS:
            form = QUERY_FORMS[name]
    if form is None:  # pragma: no cover - the grammar has no other query form
        return None, "SPARQL syntax error: no SELECT, ASK, CONSTRUCT or DESCRIBE"
    return form, None


# what only a SERVICE clause or an update can be written with: a text without these words cannot hold
# either (escapes are decoded and line ends unified before the search), so it needs no parse tree
_RISKY_WORD = re.compile(r"service|insert|delete|load|clear|create|drop|copy|move|add|with|using", re.I)


def check(query: str, limits: Limits | None = None,
          engine_syntax: Callable[[str], str | None] | None = None, tree: bool = True) -> CheckedQuery:
    """The query made safe to run, or an error saying why not.

    Parameters: `query` the text as received; `limits` size and nesting;
    `engine_syntax` called with the canonical text when rdflib cannot read it,
    returning the executing engine's own syntax message (clearer, with a
    position) or None when the engine would accept it.
    `tree=False`: read rdflib's parse tree only when the text holds a word a SERVICE clause or an
    update needs (a plain query then costs no rdflib import; the engine, which runs queries only,
    parses it, and the query thread has no network either way).
    Raises QueryTooLarge, QueryTooDeep, ReadOnlyViolation or QuerySyntaxError.
    Call it in a thread with a large stack (`migkg.sandbox`).
    """
    limits = limits or Limits()
    check_limits(query, limits)
    text = canonical_text(query)
    if not tree and _RISKY_WORD.search(text) is None:
        return CheckedQuery(text=text, form=None)
    from migkg.sandbox import run_in_query_thread

    # In a thread of its own: pyparsing leaves cycles of frames behind, and
    # they must not reach the caller's frame (which may hold pyoxigraph results).
    form, rdflib_error = run_in_query_thread(_read_tree, text, network=True)
    if rdflib_error is not None:
        own = engine_syntax(text) if engine_syntax else None
        if own:
            raise QuerySyntaxError(own)
        if engine_syntax:
            rdflib_error += " (this endpoint reads SPARQL 1.1 only)"
        raise QuerySyntaxError(rdflib_error)
    assert form is not None
    return CheckedQuery(text=text, form=form)


def oxigraph_syntax(text: str) -> str | None:
    """pyoxigraph's syntax message for `text`, read on an empty store; None if it parses.

    Only in a thread without network (`migkg.sandbox`): a text pyoxigraph
    accepts starts evaluating, and it must not reach anything from there.
    """
    import pyoxigraph as ox

    from migkg import sandbox
    from migkg.store import syntax_message

    if not sandbox.network_denied():
        return None
    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        return syntax_message(exc)
    except Exception:  # evaluation on the empty store failed: the text parsed
        return None
    return None


def check_read_only(query: str, limits: Limits | None = None) -> str:
    """Raise ReadOnlyViolation for SPARQL Update or any SERVICE; the query form otherwise."""
    return check(query, limits).form


def query_form(query: str) -> str | None:
    """SELECT / ASK / CONSTRUCT / DESCRIBE from the parse tree, or None when it does not parse."""
    try:
        return check(query).form
    except QueryError:
        return None
