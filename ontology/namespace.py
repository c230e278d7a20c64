"""The closed `migkg:` namespace and the paths of the ontology's data files.

`MIGKG` is an rdflib `DefinedNamespace` with `_fail = True`, so a misspelt term
raises instead of silently minting a new IRI; tests check that it declares exactly
the terms of `migkg.ttl`. Nothing is parsed at import: the files are only located
(as `importlib.resources` Traversables, which also work from a wheel or zip).
"""
# No `from __future__ import annotations`: DefinedNamespace reads the annotations
# below as real classes (rdflib's `as_jsonld_context` checks `issubclass(term, URIRef)`).
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from ontology.files import (  # noqa: F401  (re-exported)
    NAMESPACE,
    ONTOLOGY_IRI,
    context_path,
    load_context,
    ontology_path,
    shapes_path,
)


class MIGKG(DefinedNamespace):
    """migkg ontology terms (https://w3id.org/migkg/ontology#)."""

    _fail = True
    _NS = Namespace(NAMESPACE)

    # Classes: actors
    Actor: URIRef
    Organization: URIRef
    UNEntity: URIRef
    IntergovernmentalOrganization: URIRef
    NonGovernmentalOrganization: URIRef
    AcademicInstitution: URIRef
    Foundation: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    Person: URIRef
    Country: URIRef
    # Classes: places
    Place: URIRef
    City: URIRef
    # Classes: events
    Event: URIRef
    Meeting: URIRef
    Conference: URIRef
    Forum: URIRef
    Dialogue: URIRef
    Workshop: URIRef
    Project: URIRef
    Symposium: URIRef
    EventSeries: URIRef
    # Classes: commitments
    Commitment: URIRef
    Resolution: URIRef
    Provision: URIRef
    Convention: URIRef
    Declaration: URIRef
    Agreement: URIRef
    Recommendation: URIRef
    Pledge: URIRef
    # Classes: documents
    Document: URIRef
    Report: URIRef
    Publication: URIRef

    # Object properties: actors and events
    involvedIn: URIRef
    organized: URIRef
    hosted: URIRef
    chaired: URIRef
    attended: URIRef
    opened: URIRef
    heldIn: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    partOf: URIRef
    fundedBy: URIRef
    partneredWith: URIRef
    # Object properties: commitments and documents
    adopted: URIRef
    requested: URIRef
    ratified: URIRef
    committedTo: URIRef
    hasProvision: URIRef
    addressedTo: URIRef
    references: URIRef
    published: URIRef
    presented: URIRef

    # Datatype properties: names and codes
    acronym: URIRef
    isoCode: URIRef
    symbol: URIRef
    jobTitle: URIRef
    # Datatype properties: dates and event facts
    startDate: URIRef
    endDate: URIRef
    status: URIRef
    title: URIRef
    plans: URIRef
    participantCount: URIRef
    seriesOrdinal: URIRef
    # Datatype properties: commitments and resolutions
    dateAdopted: URIRef
    operativeVerb: URIRef
    provisionNumber: URIRef
    text: URIRef
    ratificationCount: URIRef
    ratificationAsOf: URIRef
    session: URIRef
    agendaItem: URIRef
    distributionDate: URIRef
    plenaryMeeting: URIRef
    # Datatype properties: sources and evidence
    sha256: URIRef
    charStart: URIRef
    charEnd: URIRef
    quote: URIRef
    extractionRule: URIRef
