"""graph.shacl gives pySHACL's verdicts: the same results (focus node, path, constraint) on a
conforming graph, on graphs broken one way at a time, and on the shipped graph."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import PROV, RDF, RDFS, XSD

from graph.shacl import Unsupported, well_formed
from graph.validate import validate_file
from migkg.cli import main
from ontology import MIGKG
from tests.test_ontology import CONFORMING, EX, QUOTE, SHA

SH = Namespace("http://www.w3.org/ns/shacl#")


def _pyshacl_results(path: Path) -> set[tuple[str, str, str, str]]:
    from pyshacl import validate
    from rdflib import Graph as G

    from ontology import ontology_path, shapes_path

    _, report, _ = validate(G().parse(path), shacl_graph=G().parse(shapes_path()),
                            ont_graph=G().parse(ontology_path()), inference="none", allow_warnings=True)
    return {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)).split("#")[-1],
             str(report.value(r, SH.sourceConstraintComponent)).split("#")[-1],
             str(report.value(r, SH.value) or ""))
            for r in report.subjects(RDF.type, SH.ValidationResult)}


def _fast_results(path: Path) -> set[tuple[str, str, str, str]]:
    from graph import shacl
    from graph.validate import parse_triples
    from ontology import ontology_path, shapes_path

    checks = shacl.compile_shapes(shacl.Index(parse_triples(shapes_path())))
    found = shacl.validate(shacl.Index([*parse_triples(path), *parse_triples(ontology_path())]), checks)
    return {(r.focus.value, r.path.value.split("#")[-1], r.component, r.value.value if r.value is not None else "")
            for r in found}


def _remove(p, o=None):
    return lambda g, s: g.remove((s, p, o))


MUTATIONS = {
    "conforming": (EX.res, lambda g, s: None),
    "resolution without symbol": (EX.res, _remove(MIGKG.symbol)),
    "two symbols": (EX.res, lambda g, s: g.add((s, MIGKG.symbol, Literal("A/RES/99/2")))),
    "symbol not UN": (EX.res, lambda g, s: g.set((s, MIGKG.symbol, Literal("a/res/1/2")))),
    "historic symbol": (EX.res, lambda g, s: g.set((s, MIGKG.symbol, Literal("2200 A (XXI)")))),
    "date as prose": (EX.meeting, lambda g, s: g.set((s, MIGKG.startDate, Literal("20 November 2008")))),
    "ill-formed date": (EX.res, lambda g, s: g.set((s, MIGKG.dateAdopted, Literal("2008-13-40", datatype=XSD.date)))),
    "30 February": (EX.res, lambda g, s: g.set((s, MIGKG.dateAdopted, Literal("2009-02-30", datatype=XSD.date)))),
    "language-tagged date": (EX.meeting, lambda g, s: g.set((s, MIGKG.endDate, Literal("2008", lang="en")))),
    "no charEnd": (EX.st1, _remove(MIGKG.charEnd)),
    "start after end": (EX.st1, lambda g, s: g.set((s, MIGKG.charEnd, Literal(99, datatype=XSD.nonNegativeInteger)))),
    "offset as xsd:integer": (EX.st1, lambda g, s: g.set((s, MIGKG.charStart, Literal(100)))),
    "negative offset": (EX.st1, lambda g, s: g.set((s, MIGKG.charStart, Literal("-1", datatype=XSD.nonNegativeInteger)))),
    "offset as text": (EX.st1, lambda g, s: g.set((s, MIGKG.charEnd, Literal("200")))),
    "quote in English": (EX.st1, lambda g, s: g.set((s, MIGKG.quote, Literal(QUOTE, lang="en")))),
    "untyped source": (EX.doc, _remove(RDF.type, MIGKG.Document)),
    "source typed by a subclass": (EX.doc, lambda g, s: g.set((s, RDF.type, MIGKG.Report))),
    "source a literal": (EX.st1, lambda g, s: g.set((s, PROV.wasDerivedFrom, Literal("doc")))),
    "two sources": (EX.st1, lambda g, s: g.add((s, PROV.wasDerivedFrom, EX.doc2))),
    "no subject": (EX.st1, _remove(RDF.subject)),
    "predicate a literal": (EX.st1, lambda g, s: g.set((s, RDF.predicate, Literal("organized")))),
    "no checksum": (EX.doc, _remove(MIGKG.sha256)),
    "upper-case checksum": (EX.doc, lambda g, s: g.set((s, MIGKG.sha256, Literal(SHA.upper())))),
    "no provision number": (EX["res-p1"], _remove(MIGKG.provisionNumber)),
    "provision number as text": (EX["res-p1"], lambda g, s: g.set((s, MIGKG.provisionNumber, Literal("1")))),
    "no operative verb": (EX["res-p1"], _remove(MIGKG.operativeVerb)),
    "bad iso code": (EX.arnor, lambda g, s: g.set((s, MIGKG.isoCode, Literal("A1N")))),
    "two iso codes": (EX.arnor, lambda g, s: g.add((s, MIGKG.isoCode, Literal("ARR")))),
    "two labels": (EX.council, lambda g, s: g.add((s, RDFS.label, Literal("Elrond's Council")))),
    "no label": (EX.minas, _remove(RDFS.label)),
    "label an IRI": (EX.minas, lambda g, s: g.set((s, RDFS.label, EX.name))),
    "unknown status": (EX.meeting, lambda g, s: g.set((s, MIGKG.status, Literal("cancelled")))),
    "two rules": (EX.st1, lambda g, s: [g.add((s, MIGKG.extractionRule, Literal(r))) for r in ("a", "b")]),
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_verdicts_agree_with_pyshacl(tmp_path, name):
    node, mutate = MUTATIONS[name]
    g = Graph().parse(data=CONFORMING, format="turtle")
    g.add((EX.doc2, RDFS.label, Literal("Other")))
    mutate(g, node)
    path = tmp_path / "g.ttl"
    g.serialize(path, format="turtle")
    expected = _pyshacl_results(path)
    assert _fast_results(path) == expected
    assert (name == "conforming" or name == "historic symbol" or name == "source typed by a subclass") == (not expected)


def test_the_shipped_graph_gets_the_same_verdict(corpus_build):
    path = corpus_build / "graph.ttl"
    assert _fast_results(path) == _pyshacl_results(path) == set()


def test_a_broken_build_gets_the_same_results_from_both_engines(corpus_build, tmp_path):
    lines = (corpus_build / "graph.nt").read_text(encoding="utf-8").splitlines()
    broken = [ln for i, ln in enumerate(lines) if not ("/ontology#charEnd>" in ln and i % 7 == 0)]
    broken.append('<https://w3id.org/migkg/id/country/ARN> <https://w3id.org/migkg/ontology#isoCode> "arn" .')
    path = tmp_path / "graph.nt"
    path.write_text("\n".join(broken) + "\n", encoding="utf-8")
    fast = _fast_results(path)
    assert fast == _pyshacl_results(path)
    assert {c for _, _, c, _ in fast} == {"MinCountConstraintComponent", "PatternConstraintComponent"}
    fast_report = validate_file(path, engine="oxigraph")
    slow_report = validate_file(path, engine="pyshacl")
    assert (fast_report.conforms, fast_report.violations, fast_report.triples) == \
        (slow_report.conforms, slow_report.violations, slow_report.triples)
    assert fast_report.violations == len(fast) > 1


def test_cli_report_reads_like_pyshacl_and_exits_1(tmp_path, capsys):
    g = Graph().parse(data=CONFORMING, format="turtle")
    g.remove((EX.res, MIGKG.symbol, None))
    path = tmp_path / "g.ttl"
    g.serialize(path, format="turtle")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Validation Report\nConforms: False\nResults (1):\n"
                          "Constraint Violation in MinCountConstraintComponent "
                          "(http://www.w3.org/ns/shacl#MinCountConstraintComponent):\n\tSeverity: sh:Violation\n")
    assert "\tFocus Node: ex:res\n\tResult Path: migkg:symbol\n" in out
    assert out.rstrip().endswith("does NOT conform: 1 violation(s)")
    assert main(["validate", "--engine", "pyshacl", str(path)]) == 1
    assert "Focus Node: ex:res" in capsys.readouterr().out


def test_shapes_beyond_the_subset_fall_back_to_pyshacl(tmp_path, capsys):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:p ; sh:uniqueLang true ] .
""", encoding="utf-8")
    data = tmp_path / "d.ttl"
    data.write_text('<https://example.org/a> a <https://example.org/T> ; '
                    '<https://example.org/p> "x"@en, "y"@en .\n', encoding="utf-8")
    assert main(["validate", "--shapes", str(shapes), str(data)]) == 1  # pySHACL found the two @en
    assert "UniqueLangConstraintComponent" in capsys.readouterr().out
    assert main(["validate", "--engine", "oxigraph", "--shapes", str(shapes), str(data)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "uniqueLang" in err[0] and "--engine pyshacl" in err[0]
    with pytest.raises(Unsupported):
        from graph import shacl
        from graph.validate import parse_triples

        shacl.compile_shapes(shacl.Index(parse_triples(shapes)))


@pytest.mark.parametrize("lexical, datatype, ok", [
    ("2008-11-20", "date", True), ("2008-02-29", "date", True), ("2009-02-29", "date", False),
    ("2008-11", "gYearMonth", True), ("2008-13", "gYearMonth", False), ("08", "gYear", False),
    ("0", "nonNegativeInteger", True), ("-3", "nonNegativeInteger", False), ("1.5", "integer", False),
])
def test_lexical_forms(lexical, datatype, ok):
    assert well_formed(lexical, "http://www.w3.org/2001/XMLSchema#" + datatype) is ok


@pytest.mark.parametrize("text", ["garbage <<", '<a> <b> "unterminated .'])
def test_unparsable_graph_is_one_error_line(tmp_path, capsys, text):
    path = tmp_path / "bad.ttl"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"migkg validate: error: {path}: not valid turtle")
