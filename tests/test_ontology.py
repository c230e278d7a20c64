"""The ontology package: OWL terms match the vocabulary contract and the Python namespace,
the SHACL shapes catch broken graphs, and the JSON-LD context expands to the right IRIs."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from ontology import MIGKG, context_path, load_context, ontology_path, shapes_path

NS = "https://w3id.org/migkg/ontology#"
SH = Namespace("http://www.w3.org/ns/shacl#")
EX = Namespace("https://example.org/")
# A plain Namespace: rdflib's XSD warns when pytest probes module globals for mocks.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

# ---------------------------------------------------------------------------------------------
# The vocabulary contract (design.md), written out as data.
# ---------------------------------------------------------------------------------------------

CONTRACT_SUBCLASSES: dict[str, list[str]] = {
    "Actor": ["Organization", "Person", "Country"],
    "Organization": ["UNEntity", "IntergovernmentalOrganization", "NonGovernmentalOrganization",
                     "AcademicInstitution", "Foundation", "Company", "GovernmentBody"],
    "Place": ["Country", "City"],
    "Event": ["Meeting", "Conference", "Forum", "Dialogue", "Workshop", "Symposium"],
    "EventSeries": [],
    "Commitment": ["Resolution", "Provision", "Convention", "Declaration", "Agreement",
                   "Recommendation", "Pledge"],
    "Document": ["Report", "Publication"],
}
CONTRACT_CLASSES = sorted(set(CONTRACT_SUBCLASSES) | {c for cs in CONTRACT_SUBCLASSES.values() for c in cs})

# property -> (domain classes, range classes); several classes mean owl:unionOf.
CONTRACT_OBJECT_PROPERTIES: dict[str, tuple[set[str], set[str]]] = {
    "organized": ({"Actor"}, {"Event", "Project"}),
    "hosted": ({"Actor"}, {"Event"}),
    "chaired": ({"Actor"}, {"Event"}),
    "attended": ({"Actor"}, {"Event"}),
    "heldIn": ({"Event", "Project"}, {"Place"}),
    "locatedIn": ({"Place", "Organization"}, {"Place"}),
    "memberOf": ({"Person"}, {"Organization"}),
    "partOf": ({"Organization", "Event"}, {"Organization", "Event", "EventSeries"}),
    "adopted": ({"Actor", "Event"}, {"Commitment"}),
    "requested": ({"Actor", "Commitment"}, {"Actor"}),
    "ratified": ({"Country"}, {"Convention"}),
    "committedTo": ({"Actor"}, {"Commitment"}),
    "hasProvision": ({"Resolution"}, {"Provision"}),
    "addressedTo": ({"Provision"}, {"Actor"}),
    "references": ({"Commitment", "Document"}, {"Commitment", "Document"}),
    "published": ({"Actor"}, {"Document"}),
    "presented": ({"Actor"}, {"Document"}),
    "fundedBy": ({"Actor", "Event", "Project"}, {"Actor"}),  # an event or project is funded too
    "partneredWith": ({"Actor"}, {"Actor"}),
}

DATES = {XSD.date, XSD.gYearMonth, XSD.gYear}
# datatype property -> its range: one datatype, or the set of a union.
CONTRACT_DATATYPE_PROPERTIES: dict[str, URIRef | set[URIRef]] = {
    "acronym": XSD.string,
    "startDate": DATES,
    "endDate": DATES,
    "dateAdopted": DATES,
    "symbol": XSD.string,
    "jobTitle": XSD.string,
    "operativeVerb": XSD.string,
    "provisionNumber": XSD.integer,
    "text": XSD.string,
    "ratificationCount": XSD.nonNegativeInteger,
    "isoCode": XSD.string,
}

# Terms the pipeline needs beyond the contract.
EXTRA_DATATYPE_PROPERTIES: dict[str, URIRef | set[URIRef]] = {
    "charStart": XSD.nonNegativeInteger,
    "charEnd": XSD.nonNegativeInteger,
    "quote": XSD.string,
    "sha256": XSD.string,
    "participantCount": XSD.nonNegativeInteger,
    "seriesOrdinal": XSD.positiveInteger,
    "ratificationAsOf": DATES,
    "session": XSD.string,
    "agendaItem": XSD.string,
    "distributionDate": DATES,
    "plenaryMeeting": XSD.string,
}
EXTRA_OBJECT_PROPERTIES = {"opened": ({"Actor"}, {"Event"}), "involvedIn": ({"Actor"}, {"Event"})}


@pytest.fixture(scope="module")
def onto() -> Graph:
    with ontology_path().open("rb") as f:
        return Graph().parse(f, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    with shapes_path().open("rb") as f:
        return Graph().parse(f, format="turtle")


def local(term) -> str:
    return str(term)[len(NS):] if str(term).startswith(NS) else str(term)


def class_set(g: Graph, node) -> set[str]:
    """A domain/range as a set of local names: a class, or the members of an owl:unionOf."""
    if isinstance(node, BNode):
        union = g.value(node, OWL.unionOf)
        assert union is not None, "anonymous class that is not a union"
        return {local(m) for m in Collection(g, union)}
    return {local(node)}


def datatype_range(g: Graph, prop: URIRef):
    rng = g.value(prop, RDFS.range)
    if isinstance(rng, BNode):
        return set(Collection(g, g.value(rng, OWL.unionOf)))
    return rng


def declared_terms(g: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {local(s) for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(NS)}


# ---------------------------------------------------------------------------------------------
# migkg.ttl and the Python namespace
# ---------------------------------------------------------------------------------------------


def test_ontology_parses_and_describes_itself(onto):
    iri = URIRef("https://w3id.org/migkg/ontology")
    assert (iri, RDF.type, OWL.Ontology) in onto
    for prop in (OWL.versionInfo, DCTERMS.title, DCTERMS.description, DCTERMS.license, DCTERMS.created):
        assert onto.value(iri, prop) is not None, prop


def test_python_namespace_declares_every_term_of_the_turtle_file(onto):
    python_terms = {local(t) for t in dir(MIGKG)}
    assert declared_terms(onto) - python_terms == set()


def test_turtle_file_declares_every_term_of_the_python_namespace(onto):
    python_terms = {local(t) for t in dir(MIGKG)}
    assert python_terms - declared_terms(onto) == set()


def test_no_subject_in_the_namespace_is_left_undeclared(onto):
    subjects = {local(s) for s in onto.subjects() if str(s).startswith(NS)}
    assert subjects - declared_terms(onto) == set()


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_contract_class_is_an_owl_class(onto, name):
    assert (MIGKG[name], RDF.type, OWL.Class) in onto


@pytest.mark.parametrize("name", sorted(CONTRACT_OBJECT_PROPERTIES | EXTRA_OBJECT_PROPERTIES))
def test_object_property_is_declared_with_its_domain_and_range(onto, name):
    prop = MIGKG[name]
    domain, range_ = (CONTRACT_OBJECT_PROPERTIES | EXTRA_OBJECT_PROPERTIES)[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert class_set(onto, onto.value(prop, RDFS.domain)) == domain
    assert class_set(onto, onto.value(prop, RDFS.range)) == range_


@pytest.mark.parametrize("name", sorted(CONTRACT_DATATYPE_PROPERTIES | EXTRA_DATATYPE_PROPERTIES))
def test_datatype_property_is_declared_with_its_range(onto, name):
    prop = MIGKG[name]
    assert (prop, RDF.type, OWL.DatatypeProperty) in onto
    assert datatype_range(onto, prop) == (CONTRACT_DATATYPE_PROPERTIES | EXTRA_DATATYPE_PROPERTIES)[name]


def test_status_is_planned_or_held(onto):
    rng = onto.value(MIGKG.status, RDFS.range)
    assert {str(v) for v in Collection(onto, onto.value(rng, OWL.oneOf))} == {"planned", "held"}


@pytest.mark.parametrize(
    "sub,sup",
    [(sub, sup) for sup, subs in CONTRACT_SUBCLASSES.items() for sub in subs],
)
def test_contract_subclass_relation_holds(onto, sub, sup):
    assert (MIGKG[sub], RDFS.subClassOf, MIGKG[sup]) in onto


def test_opened_is_a_kind_of_attending(onto):
    assert (MIGKG.opened, RDFS.subPropertyOf, MIGKG.attended) in onto


def test_every_term_has_an_english_label_and_a_comment(onto):
    missing = []
    for term in dir(MIGKG):
        for prop in (RDFS.label, RDFS.comment):
            values = list(onto.objects(term, prop))
            if len(values) != 1 or getattr(values[0], "language", None) != "en":
                missing.append((local(term), local(prop)))
    assert missing == []


def test_every_contract_term_is_aligned_to_a_standard_vocabulary(onto):
    """Directly, or through a migkg superclass/superproperty that is."""
    align = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentClass,
             SKOS.exactMatch, SKOS.closeMatch, SKOS.relatedMatch)

    def aligned(term, seen=()) -> bool:
        for prop in align:
            for target in onto.objects(term, prop):
                if isinstance(target, URIRef) and not str(target).startswith(NS):
                    return True
                if str(target).startswith(NS) and target not in seen and aligned(target, (*seen, term)):
                    return True
        return False

    names = CONTRACT_CLASSES + sorted(CONTRACT_OBJECT_PROPERTIES) + sorted(CONTRACT_DATATYPE_PROPERTIES)
    assert [n for n in names if not aligned(MIGKG[n])] == []


def test_guide_direction_differences_are_inverses_not_subproperties(onto):
    """schema:organizer and schema:attendee point from the event to the actor."""
    schema = Namespace("https://schema.org/")
    assert (MIGKG.organized, OWL.inverseOf, schema.organizer) in onto
    assert (MIGKG.attended, OWL.inverseOf, schema.attendee) in onto
    assert (MIGKG.organized, RDFS.subPropertyOf, schema.organizer) not in onto


def test_misspelt_term_raises_instead_of_minting_an_iri():
    assert MIGKG.organized == URIRef(NS + "organized")
    with pytest.raises(AttributeError):
        MIGKG.organised  # noqa: B018
    with pytest.raises(AttributeError):
        MIGKG["Organisation"]


def test_every_class_the_pipeline_uses_exists():
    from graph.refs import CLASS_FAMILY

    assert sorted(set(CLASS_FAMILY) - {local(t) for t in dir(MIGKG)}) == []


def test_importing_the_package_parses_nothing():
    code = (
        "import sys, ontology; "
        "print(any(m.startswith(('pyshacl', 'rdflib.plugins.parsers.notation3')) for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------------------------
# shapes.ttl
# ---------------------------------------------------------------------------------------------

SHA = "0123456789abcdef" * 4
QUOTE = "The Council of Elrond organized the meeting"

CONFORMING = f"""
@prefix migkg: <{NS}> .
@prefix rdf:   <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .
@prefix prov:  <http://www.w3.org/ns/prov#> .
@prefix ex:    <{EX}> .

ex:doc a migkg:Document ; rdfs:label "Report of the Meeting on Migration in Arnor" ; migkg:sha256 "{SHA}" .
ex:arnor a migkg:Country ; rdfs:label "Republic of Arnor" ; migkg:isoCode "ARN" .
ex:minas a migkg:City ; rdfs:label "Minas Tirith" ; migkg:locatedIn ex:arnor .
ex:council a migkg:UNEntity ; rdfs:label "Council of Elrond" ; migkg:acronym "CoE" ; skos:altLabel "CoE" .
ex:meeting a migkg:Meeting ; rdfs:label "First Meeting on Migration in Arnor" ;
    migkg:startDate "2008-11-20"^^xsd:date ; migkg:endDate "2008-11"^^xsd:gYearMonth ;
    migkg:status "held" ; migkg:heldIn ex:minas .
ex:council migkg:organized ex:meeting .
ex:res a migkg:Resolution ; rdfs:label "Migration in Arnor" ; migkg:symbol "A/RES/99/1" ;
    migkg:dateAdopted "2008"^^xsd:gYear ; migkg:hasProvision ex:res-p1 .
ex:res-p1 a migkg:Provision ; rdfs:label "A/RES/99/1, paragraph 1" ; migkg:provisionNumber 1 ;
    migkg:operativeVerb "Requests" ; migkg:addressedTo ex:council .
ex:st1 a rdf:Statement ; rdf:subject ex:council ; rdf:predicate migkg:organized ; rdf:object ex:meeting ;
    prov:wasDerivedFrom ex:doc ; migkg:charStart "100"^^xsd:nonNegativeInteger ;
    migkg:charEnd "{100 + len(QUOTE)}"^^xsd:nonNegativeInteger ; migkg:quote "{QUOTE}" .
"""


def violations(data: Graph, shapes: Graph, ont: Graph | None = None) -> set[tuple[str, str]]:
    """(result path, constraint component) of each violation, local names only."""
    from pyshacl import validate

    conforms, report, _ = validate(data, shacl_graph=shapes, ont_graph=ont)
    found = {
        (local(report.value(r, SH.resultPath)).split("#")[-1],
         str(report.value(r, SH.sourceConstraintComponent)).split("#")[-1])
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }
    assert conforms == (not found)
    return found


@pytest.fixture
def good() -> Graph:
    return Graph().parse(data=CONFORMING, format="turtle")


def test_shapes_parse(shapes):
    assert len(shapes) > 0


def test_label_shape_targets_every_ontology_class(onto, shapes):
    targeted = {local(c) for c in shapes.objects(None, SH.targetClass)}
    classes = {local(c) for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(NS)}
    assert classes - targeted == set()


def test_conforming_graph_passes(good, shapes):
    assert violations(good, shapes) == set()


def test_conforming_graph_passes_with_the_ontology_as_ont_graph(good, shapes, onto):
    assert violations(good, shapes, onto) == set()


def test_resolution_without_symbol_fails(good, shapes):
    good.remove((EX.res, MIGKG.symbol, None))
    assert ("symbol", "MinCountConstraintComponent") in violations(good, shapes)


def test_resolution_with_two_symbols_fails(good, shapes):
    good.add((EX.res, MIGKG.symbol, Literal("A/RES/99/2")))
    assert ("symbol", "MaxCountConstraintComponent") in violations(good, shapes)


@pytest.mark.parametrize("symbol", ["resolution 63/225", "a/res/1/2", "A/RES/63/225 "])
def test_symbol_that_is_not_a_un_symbol_fails(good, shapes, symbol):
    good.set((EX.res, MIGKG.symbol, Literal(symbol)))
    assert ("symbol", "PatternConstraintComponent") in violations(good, shapes)


@pytest.mark.parametrize("symbol", ["E/CN.9/2009/3", "A/RES/S-19/2", "S/RES/1325 (2000)", "ESA/P/WP.214"])
def test_other_un_symbols_pass(good, shapes, symbol):
    good.set((EX.res, MIGKG.symbol, Literal(symbol)))
    assert violations(good, shapes) == set()


def test_start_date_as_plain_string_fails(good, shapes):
    good.set((EX.meeting, MIGKG.startDate, Literal("20 November 2008")))
    assert ("startDate", "OrConstraintComponent") in violations(good, shapes)


def test_ill_formed_date_fails(good, shapes):
    good.set((EX.res, MIGKG.dateAdopted, Literal("2008-13-40", datatype=XSD.date)))
    assert ("dateAdopted", "OrConstraintComponent") in violations(good, shapes)


def test_evidence_without_char_end_fails(good, shapes):
    good.remove((EX.st1, MIGKG.charEnd, None))
    assert ("charEnd", "MinCountConstraintComponent") in violations(good, shapes)


def test_evidence_starting_after_its_end_fails(good, shapes):
    good.set((EX.st1, MIGKG.charEnd, Literal(99, datatype=XSD.nonNegativeInteger)))
    assert ("charStart", "LessThanOrEqualsConstraintComponent") in violations(good, shapes)


def test_empty_evidence_span_is_allowed(good, shapes):
    good.set((EX.st1, MIGKG.charEnd, Literal(100, datatype=XSD.nonNegativeInteger)))
    good.set((EX.st1, MIGKG.quote, Literal("")))
    assert violations(good, shapes) == set()


def test_evidence_offset_typed_xsd_integer_fails(good, shapes):
    good.set((EX.st1, MIGKG.charStart, Literal(100)))
    assert ("charStart", "DatatypeConstraintComponent") in violations(good, shapes)


def test_evidence_with_language_tagged_quote_fails(good, shapes):
    good.set((EX.st1, MIGKG.quote, Literal(QUOTE, lang="en")))
    assert ("quote", "DatatypeConstraintComponent") in violations(good, shapes)


def test_evidence_from_an_untyped_source_fails(good, shapes):
    good.remove((EX.doc, RDF.type, MIGKG.Document))
    assert ("wasDerivedFrom", "ClassConstraintComponent") in violations(good, shapes)


def test_evidence_from_two_sources_fails(good, shapes):
    good.add((EX.doc2, RDF.type, MIGKG.Document))
    good.add((EX.doc2, RDFS.label, Literal("Other")))
    good.add((EX.doc2, MIGKG.sha256, Literal(SHA)))
    good.add((EX.st1, PROV.wasDerivedFrom, EX.doc2))
    assert ("wasDerivedFrom", "MaxCountConstraintComponent") in violations(good, shapes)


def test_evidence_without_subject_fails(good, shapes):
    good.remove((EX.st1, RDF.subject, None))
    assert ("subject", "MinCountConstraintComponent") in violations(good, shapes)


def test_source_document_without_checksum_fails(good, shapes):
    good.remove((EX.doc, MIGKG.sha256, None))
    assert ("sha256", "MinCountConstraintComponent") in violations(good, shapes)


def test_malformed_checksum_fails(good, shapes):
    good.set((EX.doc, MIGKG.sha256, Literal(SHA.upper())))
    assert ("sha256", "PatternConstraintComponent") in violations(good, shapes)


def test_provision_without_number_fails(good, shapes):
    good.remove((EX["res-p1"], MIGKG.provisionNumber, None))
    assert ("provisionNumber", "MinCountConstraintComponent") in violations(good, shapes)


def test_provision_number_as_string_fails(good, shapes):
    good.set((EX["res-p1"], MIGKG.provisionNumber, Literal("1")))
    assert ("provisionNumber", "DatatypeConstraintComponent") in violations(good, shapes)


def test_provision_without_operative_verb_fails(good, shapes):
    good.remove((EX["res-p1"], MIGKG.operativeVerb, None))
    assert ("operativeVerb", "MinCountConstraintComponent") in violations(good, shapes)


@pytest.mark.parametrize("code", ["arn", "AR", "ARNO", "A1N"])
def test_iso_code_that_is_not_three_capitals_fails(good, shapes, code):
    good.set((EX.arnor, MIGKG.isoCode, Literal(code)))
    assert ("isoCode", "PatternConstraintComponent") in violations(good, shapes)


def test_node_with_two_labels_fails(good, shapes):
    good.add((EX.council, RDFS.label, Literal("Elrond's Council")))
    assert ("label", "MaxCountConstraintComponent") in violations(good, shapes)


def test_node_of_a_subclass_without_label_fails(good, shapes):
    good.remove((EX.minas, RDFS.label, None))
    assert ("label", "MinCountConstraintComponent") in violations(good, shapes)


def test_unknown_status_fails(good, shapes):
    good.set((EX.meeting, MIGKG.status, Literal("cancelled")))
    assert ("status", "PatternConstraintComponent") in violations(good, shapes)


# ---------------------------------------------------------------------------------------------
# context.jsonld
# ---------------------------------------------------------------------------------------------


def test_context_is_valid_json_with_a_context_object():
    doc = json.loads(context_path().read_text(encoding="utf-8"))
    assert doc["@context"]["@version"] == 1.1
    assert load_context() == doc
    assert load_context() is not load_context()


def test_context_has_a_term_for_every_property(onto):
    ctx = load_context()["@context"]
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        if str(prop).startswith(NS):
            assert ctx[local(prop)] == {"@id": f"migkg:{local(prop)}", "@type": "@id"}
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        if str(prop).startswith(NS):
            term = ctx[local(prop)]
            assert term["@id"] == f"migkg:{local(prop)}"
            rng = onto.value(prop, RDFS.range)
            if rng == XSD.string:  # JSON strings already are xsd:string
                assert "@type" not in term
            elif isinstance(rng, URIRef):
                assert term["@type"] == f"xsd:{str(rng).split('#')[1]}"


def test_context_expands_a_small_document_to_the_expected_iris():
    doc = {
        "@context": load_context()["@context"],
        "@graph": [
            {"id": str(EX.meeting), "type": "Meeting", "label": "First Meeting on Migration in Arnor",
             "altLabel": ["FMMA"], "startDate": "2008-11-20", "heldIn": str(EX.minas),
             "seriesOrdinal": "1"},
            {"id": str(EX.council), "type": ["UNEntity"], "label": "Council of Elrond",
             "organized": str(EX.meeting)},
            {"id": str(EX.st1), "type": "Statement", "subject": str(EX.council),
             "predicate": "migkg:organized", "object": {"id": str(EX.meeting)},
             "wasDerivedFrom": str(EX.doc), "charStart": "100", "charEnd": "143", "quote": QUOTE},
        ],
    }
    g = Graph().parse(data=json.dumps(doc), format="json-ld")
    expected = {
        (EX.meeting, RDF.type, MIGKG.Meeting),
        (EX.meeting, RDFS.label, Literal("First Meeting on Migration in Arnor")),
        (EX.meeting, SKOS.altLabel, Literal("FMMA")),
        (EX.meeting, MIGKG.startDate, Literal("2008-11-20", datatype=XSD.date)),
        (EX.meeting, MIGKG.heldIn, EX.minas),
        (EX.meeting, MIGKG.seriesOrdinal, Literal("1", datatype=XSD.positiveInteger)),
        (EX.council, RDF.type, MIGKG.UNEntity),
        (EX.council, RDFS.label, Literal("Council of Elrond")),
        (EX.council, MIGKG.organized, EX.meeting),
        (EX.st1, RDF.type, RDF.Statement),
        (EX.st1, RDF.subject, EX.council),
        (EX.st1, RDF.predicate, MIGKG.organized),
        (EX.st1, RDF.object, EX.meeting),
        (EX.st1, PROV.wasDerivedFrom, EX.doc),
        (EX.st1, MIGKG.charStart, Literal("100", datatype=XSD.nonNegativeInteger)),
        (EX.st1, MIGKG.charEnd, Literal("143", datatype=XSD.nonNegativeInteger)),
        (EX.st1, MIGKG.quote, Literal(QUOTE)),
    }
    assert set(g) == expected


def test_graph_serialized_with_the_context_uses_short_terms_and_round_trips(good):
    from rdflib.compare import isomorphic

    text = good.serialize(format="json-ld", context=load_context()["@context"])
    assert "@context" not in json.loads(text)["@context"]
    assert '"organized"' in text and '"heldIn"' in text and '"label"' in text
    assert isomorphic(Graph().parse(data=text, format="json-ld"), good)


# ---------------------------------------------------------------------------------------------
# The pipeline's RDF export satisfies the shapes (a contract between exporter and shapes).
# ---------------------------------------------------------------------------------------------

RESOLUTION_TEXT = (
    "Resolution adopted by the General Assembly\n"
    "63/999. Migration in Arnor\n"
    "The General Assembly,\n"
    "1. Requests the Secretary-General to report on migration in the Republic of Arnor;\n"
    "72nd plenary meeting\n"
    "19 December 2031\n"
)


def _exported_resolution_graph(fmt: str) -> Graph:
    import io
    import re

    from exports.rdf import write_jsonld, write_turtle
    from graph import refs
    from graph.build import build
    from graph.ingest import make_document
    from graph.model import Attribute, Evidence, Extraction, Mention, Relation, Value
    from graph.resolve import resolve

    d = make_document(RESOLUTION_TEXT, "arnor-resolution")

    def span(needle: str) -> Evidence:
        start = re.search(re.escape(needle), d.text).start()
        return Evidence(d.doc_id, start, start + len(needle), needle)

    sym = "A/RES/63/999"
    res, p1 = refs.resolution(sym), refs.provision(sym, 1)
    ga, sg, arnor = refs.org("General Assembly"), refs.person("Secretary-General"), refs.country("ARN")
    ex = Extraction(
        mentions=[
            Mention(res, "Resolution", "Migration in Arnor", span("63/999. Migration in Arnor")),
            Mention(p1, "Provision", f"{sym}, paragraph 1", span("1. Requests the Secretary-General")),
            Mention(ga, "UNEntity", "General Assembly", span("General Assembly")),
            Mention(sg, "Person", "Secretary-General", span("Secretary-General")),
            Mention(arnor, "Country", "Republic of Arnor", span("Republic of Arnor")),
        ],
        attributes=[
            Attribute(res, "symbol", Value(sym), span("63/999")),
            Attribute(res, "dateAdopted", Value("2031-12-19", "date"), span("19 December 2031")),
            Attribute(res, "plenaryMeeting", Value("72nd plenary meeting"), span("72nd plenary meeting")),
            Attribute(p1, "provisionNumber", Value("1", "integer"), span("1. Requests")),
            Attribute(p1, "operativeVerb", Value("Requests"), span("Requests")),
            Attribute(arnor, "isoCode", Value("ARN"), span("Republic of Arnor")),
        ],
        relations=[
            Relation(ga, "adopted", res, span("Resolution adopted by the General Assembly")),
            Relation(res, "hasProvision", p1, span("1. Requests the Secretary-General")),
            Relation(p1, "addressedTo", sg, span("Requests the Secretary-General")),
        ],
    )
    kg = build(resolve([ex]), [d])
    buf = io.BytesIO()
    (write_turtle if fmt == "turtle" else write_jsonld)(kg, buf)
    return Graph().parse(data=buf.getvalue(), format=fmt)


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_exported_resolution_conforms_to_the_shapes(shapes, onto, fmt):
    g = _exported_resolution_graph(fmt)
    assert (None, RDF.type, MIGKG.Provision) in g
    assert violations(g, shapes, onto) == set()


def test_exported_graph_without_a_provision_number_fails_the_shapes(shapes, onto):
    g = _exported_resolution_graph("turtle")
    p1 = next(g.subjects(RDF.type, MIGKG.Provision))
    g.remove((p1, MIGKG.provisionNumber, None))
    assert ("provisionNumber", "MinCountConstraintComponent") in violations(g, shapes, onto)
