"""The synthetic corpus: sized as asked, deterministic, varied, in the language the extractors read."""
from __future__ import annotations

import re

from bench.graphs import synthetic_kg
from bench.synth import generate


def test_corpus_reaches_the_requested_size_and_is_the_same_for_the_same_seed(tmp_path):
    a = generate(tmp_path / "a", 120_000, seed=5)
    b = generate(tmp_path / "b", 120_000, seed=5)
    total = sum(f.stat().st_size for f in a)
    assert 120_000 <= total < 120_000 + 60_000
    assert [f.read_bytes() for f in a] == [f.read_bytes() for f in b]
    c = generate(tmp_path / "c", 120_000, seed=6)
    assert [f.read_bytes() for f in a] != [f.read_bytes() for f in c]


def test_documents_are_distinct_and_use_the_patterns_extractors_read(tmp_path):
    files = generate(tmp_path, 200_000, seed=1)
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert len(set(texts)) == len(texts)
    reports = [t for f, t in zip(files, texts) if f.name.startswith("report-")]
    resolutions = [t for f, t in zip(files, texts) if f.name.startswith("resolution-")]
    assert reports and resolutions
    joined = "\n".join(reports)
    assert re.search(r"held in [A-Z][\w .'-]+, [A-Z][\w ,.'()-]+, from \d{1,2} to \d{1,2} [A-Z][a-z]+ \d{4}", joined)
    assert re.search(r"organized by the [A-Z][\w ,'-]+ \([A-Z][A-Za-z-]+\)", joined)
    assert "LIST OF PARTICIPANTS" in joined
    res = resolutions[0]
    assert re.search(r"^United Nations A/RES/\d+/\d+$", res, re.M)
    assert re.search(r"^1\. [A-Z][a-z]+", res, re.M) and re.search(r"plenary meeting \d{1,2} [A-Z][a-z]+ \d{4}", res)
    people = set(re.findall(r"(?:Mr\.|Ms\.|Dr\.) ([A-Z][a-z]+ [A-Z][a-z]+),", joined))
    assert len(people) > 20  # names vary, not one speaker copied


def test_synthetic_graphs_scale_with_the_requested_triples():
    from exports.rdf import triples

    small, large = len(triples(synthetic_kg(5_000))), len(triples(synthetic_kg(20_000)))
    assert 3_500 < small < 6_500 and 3.5 < large / small < 4.5
