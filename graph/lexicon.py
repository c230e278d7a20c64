"""Dictionaries of real-world names, loaded once and passed to every extractor.

The data lives in `graph/data/` as small CSV/YAML files that a curator can read
and extend without touching code:

- organizations.csv  name, acronyms (";"-separated), kind (ontology class), parent, aliases
- countries.csv      name (UN short name), iso3, aliases, demonyms
- cities.csv         name, iso3 (country), aliases
- verbs.yaml         operative and preambular phrases of UN resolutions
- cues.yaml          event cue words and role phrases
- instruments.yaml   treaties, declarations and programmes; bodies whose resolutions are cited by number
- curation.yaml      aliases to add and merges to forbid (overrides the resolver's rules)
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from graph.refs import fold


@dataclass(frozen=True, slots=True)
class OrgEntry:
    name: str
    acronyms: tuple[str, ...]
    kind: str
    parent: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CountryEntry:
    name: str
    iso3: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CityEntry:
    name: str
    iso3: str
    aliases: tuple[str, ...]


@dataclass(slots=True)
class Lexicon:
    """All dictionaries, with folded-name indexes for lookup."""

    organizations: list[OrgEntry] = field(default_factory=list)
    countries: list[CountryEntry] = field(default_factory=list)
    cities: list[CityEntry] = field(default_factory=list)
    verbs: dict[str, Any] = field(default_factory=dict)
    cues: dict[str, Any] = field(default_factory=dict)
    instruments: dict[str, Any] = field(default_factory=dict)
    curation: dict[str, Any] = field(default_factory=dict)
    _org_index: dict[str, OrgEntry] = field(default_factory=dict, repr=False)
    _acronym_index: dict[str, list[OrgEntry]] = field(default_factory=dict, repr=False)
    _country_index: dict[str, CountryEntry] = field(default_factory=dict, repr=False)
    _city_index: dict[str, CityEntry] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self._org_index.clear()
        self._acronym_index.clear()
        self._country_index.clear()
        self._city_index.clear()
        for o in self.organizations:
            for name in (o.name, *o.aliases):
                self._org_index.setdefault(fold(name), o)
            for acr in o.acronyms:
                self._acronym_index.setdefault(acr, []).append(o)
        for c in self.countries:
            for name in (c.name, *c.aliases):
                self._country_index.setdefault(fold(name), c)
        for c in self.cities:
            for name in (c.name, *c.aliases):
                self._city_index.setdefault(fold(name), c)

    def organization(self, name: str) -> OrgEntry | None:
        """The entry whose official name or alias is `name` (case/accents/"the" ignored)."""
        return self._org_index.get(fold(name))

    def by_acronym(self, acronym: str) -> list[OrgEntry]:
        """Entries with this acronym (case-sensitive: "WHO" is not "who"); may be several."""
        return self._acronym_index.get(acronym, [])

    def country(self, name: str) -> CountryEntry | None:
        return self._country_index.get(fold(name))

    def city(self, name: str) -> CityEntry | None:
        return self._city_index.get(fold(name))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split(";") if x.strip())


def _rows(name: str) -> list[dict[str, str]]:
    path = resources.files("graph") / "data" / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if any((v or "").strip() for v in row.values())]


def _yaml(name: str) -> dict[str, Any]:
    path = resources.files("graph") / "data" / name
    if not path.is_file():
        return {}
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@cache
def load_lexicon() -> Lexicon:
    """Read every dictionary shipped in graph/data (cached: the files do not change at run time)."""
    orgs = [OrgEntry(r["name"].strip(), _split(r.get("acronyms")), (r.get("kind") or "Organization").strip(),
                     (r.get("parent") or "").strip(), _split(r.get("aliases")))
            for r in _rows("organizations.csv")]
    countries = [CountryEntry(r["name"].strip(), r["iso3"].strip().upper(), _split(r.get("aliases")),
                              _split(r.get("demonyms")))
                 for r in _rows("countries.csv")]
    cities = [CityEntry(r["name"].strip(), r["iso3"].strip().upper(), _split(r.get("aliases")))
              for r in _rows("cities.csv")]
    return Lexicon(orgs, countries, cities, verbs=_yaml("verbs.yaml"), cues=_yaml("cues.yaml"),
                   instruments=_yaml("instruments.yaml"), curation=_yaml("curation.yaml"))
