"""SPARQL syntax errors as one line a person can act on.

pyoxigraph reports an undeclared prefix as "expected one of Prefix not found, …"
followed by a dump of the grammar's character classes (a few hundred characters of
Unicode ranges). Users need the name of the prefix and how to declare it, so this
module finds the undeclared prefixed name in the query and says that instead; any
other parser message is kept, with over-long "expected one of" lists cut short.
"""
from __future__ import annotations

import re

_POSITION = re.compile(r"error at (\d+):(\d+)")
# A prefixed name (prefix part only) not inside an IRI or a variable name.
_PREFIXED = re.compile(r"(?<![\w.?$:-])([A-Za-z][\w.-]*)?:")
_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<", re.I)
_HIDDEN = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")
MAX_EXPECTED = 160


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def undeclared_prefix(query: str, known: set[str]) -> tuple[str, int, int] | None:
    """(prefix, line, column) of the first prefixed name whose prefix is neither declared nor known."""
    visible = _HIDDEN.sub(_blank, query)  # IRIs, strings and comments cannot hold a prefixed name
    declared = known | {m.group(1) or "" for m in _DECLARED.finditer(query)}
    for m in _PREFIXED.finditer(visible):
        name = m.group(1) or ""
        if name in declared:
            continue
        before = visible[: m.start()]
        if re.search(r"PREFIX\s*$", before, re.I):
            continue
        line = before.count("\n") + 1
        column = m.start() - (before.rfind("\n") + 1) + 1
        return name, line, column
    return None


def syntax_message(error: str, query: str = "", prefixes: dict[str, str] | None = None) -> str:
    """One line for a SPARQL parse error, naming an unknown prefix when that is the cause."""
    text = " ".join(error.split())
    if "Prefix not found" in text and query:
        found = undeclared_prefix(query, set(prefixes or {}))
        if found is not None:
            name, line, column = found
            bound = ", ".join(sorted(prefixes or {})) or "none"
            return (f"SPARQL syntax error at {line}:{column}: unknown prefix '{name}:'; declare it with "
                    f"PREFIX {name}: <…> (pre-bound: {bound})")
        return "SPARQL syntax error: a prefix is used without being declared (PREFIX name: <…>)"
    head, sep, tail = text.partition("expected one of ")
    if sep and len(tail) > MAX_EXPECTED:
        text = f"{head}{sep}{tail[:MAX_EXPECTED].rsplit(',', 1)[0]}, …"
    return f"SPARQL syntax {text}" if text.startswith("error at") else f"SPARQL syntax error: {text}"
