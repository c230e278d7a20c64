"""Plain records passed between pipeline stages.

Every stage takes and returns these small immutable values, so each stage can be
tested on a three-line text and a test can compare whole records.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal as _Lit

Datatype = _Lit["string", "integer", "nonNegativeInteger", "positiveInteger", "date", "gYearMonth", "gYear",
                "boolean", "decimal", "anyURI"]


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """Where a fact was read: `text[start:end] == quote` in document `doc`."""

    doc: str  # Document.doc_id
    start: int
    end: int
    quote: str
    rule: str = ""  # the pattern or extractor that read this fact ("organized.passive", "extractor:events")


@dataclass(frozen=True, slots=True, order=True)
class Value:
    """A typed literal. `lexical` is the XSD lexical form (e.g. "2008-11", "72")."""

    lexical: str
    datatype: Datatype = "string"


@dataclass(frozen=True, slots=True)
class Section:
    """A titled stretch of a document, by character offsets."""

    title: str
    start: int
    end: int
    kind: str = "body"  # body | participants | resolution | paper | front


@dataclass(frozen=True, slots=True)
class Document:
    """One source text. Offsets of every Evidence index into `text`."""

    doc_id: str  # deterministic slug of the file name
    path: str  # as given by the user (never written into outputs)
    title: str
    text: str
    sha256: str
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """An extractor saw a thing.

    `ref` is the extractor's identity key, "family:key" (see graph.refs): mentions
    with the same ref are one entity; the resolver also merges refs of the same
    family whose labels, aliases or acronyms agree.
    """

    ref: str
    cls: str  # ontology class local name, e.g. "UNEntity", "Person", "Meeting"
    label: str
    evidence: Evidence
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribute:
    """A datatype property of the entity behind `ref` (startDate, symbol, jobTitle …)."""

    ref: str
    prop: str  # ontology property local name
    value: Value
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed edge between two entities (organized, heldIn, memberOf …)."""

    subject: str  # ref
    prop: str  # ontology property local name
    object: str  # ref
    evidence: Evidence


@dataclass(slots=True)
class Extraction:
    """What one extractor found in one document."""

    mentions: list[Mention] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def extend(self, other: "Extraction") -> None:
        self.mentions.extend(other.mentions)
        self.attributes.extend(other.attributes)
        self.relations.extend(other.relations)


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved real-world thing: one node of the knowledge graph.

    `id` is the IRI path below the base, "{kind}/{slug}" (see graph.refs).
    """

    id: str
    cls: str
    label: str
    alt_labels: tuple[str, ...]
    label_evidence: tuple[Evidence, ...]
    alt_evidence: tuple[Evidence, ...]  # one per alt label, same order
    attributes: tuple[tuple[str, Value, tuple[Evidence, ...]], ...]


@dataclass(frozen=True, slots=True)
class Edge:
    subject: str  # Entity.id
    prop: str
    object: str  # Entity.id
    evidence: tuple[Evidence, ...]
