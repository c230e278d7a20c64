"""The view of a document as edits of its source, and the map from view offsets back to the source.

The view is the source with a few replacements (a line break joined into a space, a
ligature spelt out, a footnote marker dropped). Each replacement covers a source range;
everything between replacements is copied verbatim. A view span therefore maps back to
exactly one source span, and evidence quotes the source at that span.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace source[start:end] with `text` in the view."""

    start: int
    end: int
    text: str


class OffsetMap:
    """View offsets to source offsets, piecewise: verbatim runs and replaced ranges."""

    __slots__ = ("_vstart", "_sstart", "_send", "_verbatim")

    def __init__(self) -> None:
        self._vstart: list[int] = []
        self._sstart: list[int] = []
        self._send: list[int] = []
        self._verbatim: list[bool] = []

    def _add(self, vstart: int, sstart: int, send: int, verbatim: bool) -> None:
        self._vstart.append(vstart)
        self._sstart.append(sstart)
        self._send.append(send)
        self._verbatim.append(verbatim)

    def _segment(self, v: int) -> int:
        return max(0, bisect.bisect_right(self._vstart, v) - 1)

    def start(self, v: int) -> int:
        """Source offset where the view character at `v` begins."""
        if not self._vstart:
            return v
        i = self._segment(v)
        if self._verbatim[i]:
            return self._sstart[i] + (v - self._vstart[i])
        return self._sstart[i]

    def end(self, v: int) -> int:
        """Source offset just after the view character at `v - 1` (the end of a span ending at `v`)."""
        if not self._vstart:
            return v
        i = self._segment(v - 1)
        if self._verbatim[i]:
            return self._sstart[i] + (v - self._vstart[i])
        return self._send[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span behind view[start:end]."""
        if end <= start:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)


def apply_edits(source: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """The view and its offset map. Edits are taken in source order; an edit that overlaps an
    earlier (or an enclosing) one is dropped, so healers may propose freely."""
    parts: list[str] = []
    omap = OffsetMap()
    vpos = spos = 0
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if e.start < spos or e.end < e.start:
            continue
        if e.start > spos:
            omap._add(vpos, spos, e.start, True)
            parts.append(source[spos:e.start])
            vpos += e.start - spos
        if e.text == source[e.start:e.end]:
            omap._add(vpos, e.start, e.end, True)
        else:
            omap._add(vpos, e.start, e.end, False)
        parts.append(e.text)
        vpos += len(e.text)
        spos = e.end
    if spos < len(source) or not parts:
        omap._add(vpos, spos, len(source), True)
        parts.append(source[spos:])
    return "".join(parts), omap
