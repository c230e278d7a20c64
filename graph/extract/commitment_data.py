"""The dictionaries the commitment extractors read: verbs and instruments (graph/data/*.yaml)."""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from graph.lexicon import Lexicon


@cache
def _yaml(name: str) -> dict[str, Any]:
    import yaml

    path = resources.files("graph") / "data" / name
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}


def verbs(lexicon: Lexicon) -> dict[str, Any]:
    """The lexicon's verbs, or the shipped verbs.yaml when a test lexicon carries none."""
    return lexicon.verbs or _yaml("verbs.yaml")


def instruments(lexicon: Lexicon) -> dict[str, Any]:
    """Known instruments and resolution issuers, or the shipped instruments.yaml when a test lexicon carries none."""
    return lexicon.instruments or _yaml("instruments.yaml")
