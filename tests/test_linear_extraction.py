"""Extraction paths rewritten to run in linear time give the answers of the expressions they replace,
and hostile shapes of input (runs of spaces, repeated tokens, one long line) give the facts of the
plain text. Timings are in bench/adversarial.py, not here."""
from __future__ import annotations

import random
import re

import pytest

from graph.extract import event_identity
from graph.extract.bib_lines import bib_lines
from graph.extract.lexmatch import LineIndex
from graph.ingest import make_document
from graph.lexicon import load_lexicon
from graph.pipeline import extract_document
from graph.reading import read
from graph.reading.blocks import _drop_head_number
from graph.relations.cues import could_match, required_words
from graph.relations.patterns import table
from graph.relations.tagging import Tagger

# the expressions the one-pass readers replace, as they were written
_REFERENCE_LINE = re.compile(r"^[ \t]*(?:[-•*][ \t]+)?(?P<authors>[^\n()]{2,250}?)[ \t]*"
                             r"\((?P<year>(?:1[89]|20)\d\d[a-z]?|n\.d\.)\)\.?[ \t]+(?P<rest>[^\n]+)$", re.M)
_REFERENCE_TAIL = re.compile(r"\((?P<year>(?:1[89]|20)\d\d[a-z]?|n\.d\.)\)\.?[ \t]+(?P<rest>[^\n]+)$", re.M)
_AUTHOR_LINE = re.compile(r"^[ \t]*(?:[-•*][ \t]+)?(?P<authors>[^\n()]{3,200}?)\s*\((?:\d{4}[a-z]?|n\.d\.)\)", re.M)
_AUTHOR_TAIL = re.compile(r"\((?:\d{4}[a-z]?|n\.d\.)\)")
_HEAD_NUMBER = re.compile(r"[ \t]*(?:[IVXL]{1,6}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)\.?[ \t]+")

_PIECES = [" ", " ", "\t", "\n", "-", "•", "*", "A", "b", "(", ")", "(2010)", "(1999a)", "(n.d.)", ".", ",",
           "\xa0", "\r", "T", "x y", "(20", "  "]


def _spans(matches):
    return [(m.start(), m.start("authors"), m.end("authors"), m.end()) for m in matches]


def _bib(text, tail, lo, hi, any_space, pos=0, endpos=None):
    return [(b.start, b.authors_start, b.authors_end, b.end) for b in bib_lines(text, tail, lo, hi, any_space, pos, endpos)]


def test_reference_lines_read_in_one_pass_match_the_expression():
    rng = random.Random(14)
    narrow_ref = re.compile(_REFERENCE_LINE.pattern.replace("{2,250}", "{2,6}"), re.M)
    narrow_author = re.compile(_AUTHOR_LINE.pattern.replace("{3,200}", "{3,5}"), re.M)
    matched = 0
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        pos, endpos = (0, len(text)) if rng.random() < 0.5 else sorted(rng.randint(0, len(text)) for _ in "ab")
        for rx, tail, lo, hi, any_space in ((_REFERENCE_LINE, _REFERENCE_TAIL, 2, 250, False),
                                            (narrow_ref, _REFERENCE_TAIL, 2, 6, False),
                                            (_AUTHOR_LINE, _AUTHOR_TAIL, 3, 200, True),
                                            (narrow_author, _AUTHOR_TAIL, 3, 5, True)):
            expected = _spans(rx.finditer(text, pos, endpos))
            matched += bool(expected)
            assert _bib(text, tail, lo, hi, any_space, pos, endpos) == expected, (text, pos, endpos, rx.pattern)
    assert matched > 300  # the random lines do reach the matching cases


def test_reference_line_after_a_long_run_of_spaces():
    text = "References\n" + " " * 3000 + "- Tern, Ann   (2010). Tides of Arnor. Lima: Arnor Institute.\n"
    assert _bib(text, _REFERENCE_TAIL, 2, 250, False) == _spans(_REFERENCE_LINE.finditer(text))
    (line,) = bib_lines(text, _REFERENCE_TAIL, 2, 250, False)
    assert text[line.authors_start:line.authors_end] == "Tern, Ann"
    assert line.tail.group("rest") == "Tides of Arnor. Lima: Arnor Institute."


def test_heading_numbers_dropped_in_one_pass_as_the_expression_drops_them():
    rng = random.Random(15)
    pieces = [" ", "\t", ".", "1", "2", "3", "I", "V", "X", "L", "A", "b", "c", "\u0661", "  ", "1.", "IV", "12", "x"]
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _drop_head_number(line) == _HEAD_NUMBER.sub("", line, count=1), line
    assert _drop_head_number("1.1." * 500 + " REPORT") == "REPORT"
    assert _drop_head_number("  IV. OPENING OF THE MEETING") == "OPENING OF THE MEETING"


def test_line_index_gives_the_line_around_each_position():
    text = "one\n\ntwo three\nfour"
    index = LineIndex(text)
    for pos in range(len(text) + 1):
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        assert index.bounds(pos) == (start, len(text) if end < 0 else end), pos


def test_relation_cues_never_hide_a_match():
    """Every pattern's words are in each tagged sentence its regex matches (the examples of the
    whole table, each read against every pattern)."""
    lexicon, rules = load_lexicon(), table()
    assert sum(bool(p.cues) for p in rules.patterns) > 0.8 * len(rules.patterns)
    matches = skipped = 0
    for example in sorted({p.example for p in rules.patterns}):
        reading = read(make_document(example, "example"))
        found = extract_document(make_document(example, "example"), lexicon, names=[
            "actors", "participants", "events", "resolutions", "instruments", "publications", "partnerships"])
        for t in Tagger(reading, _in_view(reading, found).mentions).sentences():
            for p in rules.patterns:
                if p.regex.search(t.text):
                    matches += 1
                    assert could_match(p.cues, t.text), (p.name, t.text)
                elif not could_match(p.cues, t.text):
                    skipped += 1
    assert matches >= len(rules.patterns) // 2 and skipped > matches  # most pairs are skipped unread


def _in_view(reading, extraction):
    """extract_document answers in source offsets; these examples have no layout, so the view is the source."""
    assert reading.text == reading.source.text
    return extraction


def test_cues_read_from_a_pattern():
    cues = required_words(r"\u27e6 (?:was|were) (?:organized|convened) by \u27e6")
    assert could_match(cues, "⟦0:Event⟧ was convened by ⟦1:Org⟧")
    assert could_match(cues, "⟦0:Event⟧ WERE ORGANIZED BY ⟦1:Org⟧")
    assert not could_match(cues, "⟦0:Event⟧ took place in ⟦1:City⟧")
    assert could_match(cues, "\u212a")  # a character an ASCII letter matches when case is ignored: never skipped
    assert required_words(r"(?:a|\u27e6)b?") == ()  # an alternative that needs no word: nothing is certain


def test_dedupe_merges_as_the_start_over_rule_does(monkeypatch):
    """`_dedupe` merges the first pair that is one event, then starts over; the faster loop makes
    the same merges, here with a made-up sameness over random groups."""
    def same(a, b):
        return random.Random(hash((min(a), min(b), len(a) + len(b)))).random() < 0.08

    def start_over(groups):
        groups = [list(g) for g in groups]
        merged = True
        while merged:
            merged = False
            for i in range(len(groups)):
                for j in range(i + 1, len(groups)):
                    if same(frozenset(groups[i]), frozenset(groups[j])):
                        groups[i] = groups[i] + groups[j]
                        del groups[j]
                        merged = True
                        break
                if merged:
                    break
        return groups

    monkeypatch.setattr(event_identity._Traits, "of", staticmethod(lambda c: frozenset(c)))
    monkeypatch.setattr(event_identity, "_same_event", same)
    rng = random.Random(16)
    for n in (0, 1, 2, 5, 30, 80):
        groups = [[k] for k in rng.sample(range(1000), n)]
        assert event_identity._dedupe(groups) == start_over(groups)


def _partition(n, link):
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    def union(a, b):
        parent[find(a)] = find(b)

    link(union)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values())


def test_editions_linked_by_ordinal_year_and_city_as_pair_by_pair():
    def pair_by_pair(items, union):
        for a, oa, ya, ca in items:
            for b, ob, yb, cb in items:
                if a >= b:
                    continue
                if oa and ob:
                    if oa == ob:
                        union(a, b)
                    continue
                if ya and yb:
                    if ya == yb and (not ca or not cb or ca == cb):
                        union(a, b)
                    continue
                if ca and cb and ca == cb:
                    union(a, b)

    rng = random.Random(17)
    for _ in range(3000):
        n = rng.randint(0, 9)
        items = [(i, rng.choice([None, 1, 2, 3]), rng.choice([None, 2030, 2031]), rng.choice([None, "", "Lima", "Quito"]))
                 for i in range(n)]
        assert _partition(n, lambda u: event_identity._link_editions(items, u)) == \
            _partition(n, lambda u: pair_by_pair(items, u)), items


def _labels(text: str) -> set[tuple[str, str]]:
    ex = extract_document(make_document(text, "case"), load_lexicon())
    return {(m.cls, m.label) for m in ex.mentions}


_PLAIN = ("The Arnor Institute for Migration Studies (AIMS) organized the Regional Workshop on Tidal Mobility "
          "in Lima, Peru, from 3 to 5 May 2031.\n")


@pytest.mark.parametrize("hostile", [
    " " * 4000 + "\n",
    "Mr. " * 500 + "\n",
    "1.1." * 500 + "\n",
    "(" * 1000 + "\n",
    "Recalling resolution 1/1, " + "resolution 1/1, " * 300 + "\n",
])
def test_hostile_lines_leave_the_plain_facts_unchanged(hostile):
    plain = _labels(_PLAIN)
    assert ("Organization", "Arnor Institute for Migration Studies") in plain or any(
        label == "Arnor Institute for Migration Studies" for _, label in plain)
    assert plain <= _labels(hostile + "\n" + _PLAIN)


def test_a_name_after_a_long_run_of_spaces_is_still_read():
    found = _labels(" " * 3000 + "Ms. Ann Tern, Director of the Arnor Institute for Migration Studies, opened the "
                    "Regional Workshop on Tidal Mobility.\n")
    assert any(label == "Ann Tern" for _, label in found)


def test_a_text_on_one_line_gives_the_facts_of_its_lines():
    lines = _PLAIN + "Ms. Ann Tern chaired the Regional Workshop on Tidal Mobility.\n"
    assert {label for _, label in _labels(lines)} <= {label for _, label in _labels(" ".join(lines.split()))}
