"""Identity keys ("refs") for mentions, and the IRI paths they become.

A ref is "family:key". The family decides the IRI segment (`organization/…`,
`country/…`); the key is a deterministic normal form of a name, a symbol or a
code, so the same input always gives the same IRI and an unrelated document
never changes an existing one.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from graph import DEFAULT_BASE  # noqa: E402,F401  (re-exported: refs.DEFAULT_BASE)

# family -> IRI path segment
FAMILIES: dict[str, str] = {
    "org": "organization",
    "person": "person",
    "country": "country",
    "city": "place",
    "event": "event",
    "series": "series",
    "project": "project",
    "resolution": "resolution",
    "provision": "resolution",  # provisions live below their resolution
    "instrument": "instrument",
    "pledge": "pledge",
    "document": "document",
}

# class local name -> family (the resolver only merges within a family)
CLASS_FAMILY: dict[str, str] = {
    **{c: "org" for c in ("Organization", "UNEntity", "IntergovernmentalOrganization",
                           "NonGovernmentalOrganization", "AcademicInstitution", "Foundation",
                           "Company", "GovernmentBody")},
    "Person": "person",
    "Country": "country",
    "City": "city",
    "Place": "city",
    **{c: "event" for c in ("Event", "Meeting", "Conference", "Forum", "Dialogue", "Workshop",
                             "Symposium")},
    "EventSeries": "series",
    "Project": "project",
    "Resolution": "resolution",
    "Provision": "provision",
    **{c: "instrument" for c in ("Commitment", "Convention", "Declaration", "Agreement",
                                  "Recommendation")},
    "Pledge": "pledge",
    **{c: "document" for c in ("Document", "Report", "Publication")},
}

_LEADING_THE = re.compile(r"^(the)\s+", re.I)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form of a name (cached: extractors
    fold the same names thousands of times per report)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ").replace("’", "'").casefold()
    text = re.sub(r"['`´]", "", text)
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    return _LEADING_THE.sub("", text)


def slug(text: str, limit: int = 80) -> str:
    """URL-safe deterministic slug: "Global Forum (GFMD)" -> "global-forum-gfmd"."""
    s = fold(text).replace(" ", "-")
    if len(s) > limit:  # keep IRIs short; the digest keeps two long names that share a prefix apart
        digest = hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]
        s = s[:limit].rstrip("-") + "-" + digest
    return s or "unnamed"


def symbol_slug(symbol: str) -> str:
    """UN document symbol to an IRI segment: "A/RES/63/225" -> "A-RES-63-225"."""
    return re.sub(r"[^0-9A-Za-z.]+", "-", symbol.strip()).strip("-")


def ref(family: str, key: str) -> str:
    """Build a ref; names are folded, codes and symbols are kept as given."""
    if family not in FAMILIES:
        raise ValueError(f"unknown ref family {family!r}; valid: {', '.join(sorted(FAMILIES))}")
    if family in ("resolution", "provision", "country"):
        return f"{family}:{key.strip()}"
    return f"{family}:{fold(key)}"


def family_of(r: str) -> str:
    return r.split(":", 1)[0]


def key_of(r: str) -> str:
    return r.split(":", 1)[1]


def org(name: str) -> str:
    return ref("org", name)


def person(name: str) -> str:
    return ref("person", name)


def country(iso3: str) -> str:
    return ref("country", iso3.upper())


def city(name: str) -> str:
    return ref("city", name)


def event(name: str) -> str:
    return ref("event", name)


def project(name: str) -> str:
    return ref("project", name)


def series(name: str) -> str:
    return ref("series", name)


def resolution(symbol: str) -> str:
    return ref("resolution", "".join(symbol.split()))


def provision(symbol: str, number: int | str) -> str:
    return ref("provision", "".join(symbol.split()) + f"#{number}")


def instrument(name: str) -> str:
    return ref("instrument", name)


def document(doc_id: str) -> str:
    return f"document:{doc_id}"


def entity_path(r: str) -> str:
    """IRI path below the base for a ref: "organization/international-organization-for-migration"."""
    family, key = r.split(":", 1)
    seg = FAMILIES[family]
    if family == "country":
        return f"{seg}/{key.upper()}"
    if family == "resolution":
        return f"{seg}/{symbol_slug(key)}"
    if family == "provision":
        sym, _, num = key.partition("#")
        return f"{seg}/{symbol_slug(sym)}/para-{slug(num)}"
    if family == "document":
        return f"{seg}/{key}"
    return f"{seg}/{slug(key)}"
