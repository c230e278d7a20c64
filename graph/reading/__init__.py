"""The reading of a document: one layout-free view that every extractor reads.

`read(document)` turns the source text into a view in which the wrapped lines of a paragraph
are one line, words hyphenated at line ends are whole, page numbers, job numbers and running
headers are gone, and PDF damage (odd spaces, ligatures, letter-spaced and split words,
footnote markers clinging to words) is healed. The view is computed once, with its blocks
and sentences, and an offset map sends every view span back to the exact source span, so
evidence always quotes the source:

    >>> from graph.ingest import make_document
    >>> r = read(make_document("The workshop was organized by the Inter-\\nnational Office.", "d"))
    >>> r.text
    'The workshop was organized by the International Office.'
    >>> r.evidence(34, 54).quote
    'Inter-\\nnational Office'

The same words in any layout (re-wrapped, CRLF, NBSPs, a PDF's text) give the same view,
and so the same facts; only evidence offsets differ.
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graph.model import Attribute, Document, Evidence, Extraction, Mention, Relation, Section
from graph.reading import chars
from graph.reading.blocks import Block, blocks
from graph.reading.lines import paragraph_edits
from graph.reading.offsets import OffsetMap, apply_edits
from graph.reading.sentences import split_sentences
from graph.reading.words import Vocabulary

__all__ = ["Block", "Reading", "Sentences", "read", "reading_of", "reads", "split_sentences"]

Sentences = tuple[tuple[int, int], ...]  # (start, end) in view offsets


@dataclass(frozen=True, eq=False)
class Reading:
    """A document's view with its offset map, blocks, sentences and sections (all in view offsets).

    It answers to what extractors read of a Document (`text`, `doc_id`, `title`, `sections`),
    `text` being the view; `source` is the document itself.
    """

    source: Document
    text: str
    offsets: OffsetMap
    blocks: tuple[Block, ...]
    sentences: tuple[tuple[int, int], ...]
    sections: tuple[Section, ...]
    _sentence_starts: list[int] = field(repr=False, default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.source.doc_id

    @property
    def title(self) -> str:
        return self.source.title

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def sha256(self) -> str:
        return self.source.sha256

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets behind view[start:end]."""
        return self.offsets.span(start, end)

    def evidence(self, start: int, end: int, rule: str = "") -> Evidence:
        """Evidence for view[start:end], in source offsets, quoting the source."""
        s, e = self.offsets.span(start, end)
        return Evidence(self.source.doc_id, s, e, self.source.text[s:e], rule)

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        """The sentence holding view offset `pos`."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return None

    def sentences_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Sentences lying inside view[start:end]."""
        i = bisect.bisect_left(self._sentence_starts, start)
        out = []
        while i < len(self.sentences) and self.sentences[i][1] <= end:
            out.append(self.sentences[i])
            i += 1
        return out

    def to_source(self, extraction: Extraction) -> Extraction:
        """The extraction with every evidence moved from view to source offsets."""
        memo: dict[tuple[int, int, str], Evidence] = {}

        def ev(e: Evidence) -> Evidence:
            key = (e.start, e.end, e.rule)
            if key not in memo:
                memo[key] = self.evidence(e.start, e.end, e.rule)
            return memo[key]

        return Extraction(
            [Mention(m.ref, m.cls, m.label, ev(m.evidence), m.aliases) for m in extraction.mentions],
            [Attribute(a.ref, a.prop, a.value, ev(a.evidence)) for a in extraction.attributes],
            [Relation(r.subject, r.prop, r.object, ev(r.evidence)) for r in extraction.relations])


def view_of(text: str) -> tuple[str, OffsetMap]:
    """The layout-free view of a source text and its offset map."""
    vocab = Vocabulary(text)
    edits, prose, _ = paragraph_edits(text, vocab)
    edits.extend(chars.odd_characters(text))
    edits.extend(chars.note_markers(text))
    edits.extend(chars.letter_spacing(text, vocab))
    edits.extend(chars.stray_spaces(text, vocab, prose))
    edits.extend(chars.space_runs(text, prose))
    return apply_edits(text, edits)


def reading_of(document: Document | Reading) -> Reading:
    """A reading as given, or the reading of a document."""
    return document if isinstance(document, Reading) else read(document)


def reads(extract: Callable[..., Extraction]) -> Callable[..., Extraction]:
    """Let an extractor of readings be called on a Document too (tests, other front ends): the
    document is read first and the evidence of the result moved back to source offsets."""
    @functools.wraps(extract)
    def on_either(document: Document | Reading, *args: Any, **kwargs: Any) -> Extraction:
        if isinstance(document, Reading):
            return extract(document, *args, **kwargs)
        reading = read(document)
        return reading.to_source(extract(reading, *args, **kwargs))

    return on_either


def read(document: Document) -> Reading:
    """The reading of one document: view, offset map, blocks, sentences and sections."""
    from graph.ingest import segment

    view, offsets = view_of(document.text)
    sentences = tuple(split_sentences(view))
    return Reading(document, view, offsets, blocks(view), sentences, segment(view),
                   [s for s, _ in sentences])
