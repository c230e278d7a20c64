"""One error hierarchy for the library; only the command line turns these into exit codes."""
from __future__ import annotations


class MigkgError(Exception):
    """Base of every error migkg reports to a user as one line."""

    exit_code = 1


class InputError(MigkgError):
    """An input file cannot be used: missing, unreadable, empty, binary, undecodable."""

    exit_code = 2


class QueryError(MigkgError):
    """A SPARQL query is malformed, too slow or not allowed."""

    exit_code = 2


class ValidationError(MigkgError):
    """A graph does not conform to the SHACL shapes."""

    exit_code = 1
