"""The fast RDF writers write exactly what the reference serializers write."""
from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from exports.rdf import (
    DATATYPES,
    PREFIXES,
    _Compactor,
    _context,
    _FastCompactor,
    _node,
    _rows_of,
    _turtle_chunks,
    prefixes,
    triples,
    write_jsonld,
    write_ntriples,
    write_turtle,
)
from graph.build import build
from graph.resolve import resolve

BASE = "https://w3id.org/migkg/id/"
LOCAL_PARTS = ["a", "Z", "0", "_", "-", ".", "/", ":", "~", "é", "%20", "#x", "?q", "statement/", "A-RES-63-225"]
locals_ = st.lists(st.sampled_from(LOCAL_PARTS), min_size=0, max_size=5).map("".join)
namespaces = st.sampled_from([BASE, PREFIXES["migkg"], PREFIXES["schema"], "http://example.org/other/"])
iris = st.builds(lambda ns, local: ns + local, namespaces, locals_)
lexicals = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["5", "-5", "+05", "1.5", ".5", "true", "false", "2008-11-20", "2008", "x y"])
datatypes = st.sampled_from(sorted(set(DATATYPES.values())) + [PREFIXES["xsd"] + "double"])


@st.composite
def graphs(draw):
    out = []
    for _ in range(draw(st.integers(1, 12))):
        s, p = draw(iris), draw(st.sampled_from([PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "label",
                                                   PREFIXES["migkg"] + "organized", BASE + "odd/p"]))
        if draw(st.booleans()):
            o = draw(iris)
            obj = ("iri", o)
        else:
            obj = ("lit", draw(lexicals), draw(datatypes))
        out.append((s, p, obj))
    return out


def _triples(spec) -> list[Triple]:
    ts = set()
    for s, p, obj in spec:
        try:
            o = NamedNode(obj[1]) if obj[0] == "iri" else Literal(obj[1], datatype=NamedNode(obj[2]))
            ts.add(Triple(NamedNode(s), NamedNode(p), o))
        except ValueError:  # not a valid IRI or literal: not something a writer ever gets
            continue
    return sorted(ts, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_turtle_of_any_graph_is_the_bytes_pyoxigraph_writes(spec):
    ts = _triples(spec)
    assume(ts)
    prefixes = {**PREFIXES, "kg": BASE}
    ours = b"".join(_turtle_chunks(_rows_of(None, ts), prefixes))
    assert ours == serialize(ts, None, RdfFormat.TURTLE, prefixes=prefixes)


@pytest.fixture
def kg(arnor_doc, arnor_extraction):
    return build(resolve([arnor_extraction]), [arnor_doc])


def test_ntriples_and_turtle_are_the_bytes_pyoxigraph_writes_for_the_same_triples(kg):
    ts = list(triples(kg))
    for writer, fmt, kw in ((write_ntriples, RdfFormat.N_TRIPLES, {}),
                            (write_turtle, RdfFormat.TURTLE, {"prefixes": prefixes(kg)})):
        buf = io.BytesIO()
        writer(kg, buf)
        assert buf.getvalue() == serialize(ts, None, fmt, **kw)


def test_jsonld_is_the_indented_json_of_its_node_objects(kg):
    """The streamed writer emits exactly json.dumps(indent=1) of the reference node objects."""
    assert _streamed_jsonld(kg, None) == _reference_jsonld(kg, None)


def test_triples_stream_as_pyoxigraph_terms_and_index_like_a_list(kg):
    ts = triples(kg)
    listed = list(ts)
    assert len(listed) == len(ts) and ts[0] == listed[0] and ts[-1] == listed[-1]
    assert all(isinstance(t, Triple) for t in listed)


@settings(max_examples=300, deadline=None)
@given(lexicals, datatypes)
def test_literals_are_formatted_as_pyoxigraph_formats_them(lexical, datatype):
    from exports.rdf import _nt_literal

    try:
        expected = str(Literal(lexical, datatype=NamedNode(datatype)))
    except ValueError:
        return
    assert _nt_literal(lexical, datatype) == expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(graphs())
def test_jsonld_of_any_graph_is_the_indented_json_of_its_reference_nodes(kg, spec):
    ts = _triples(spec)
    assume(ts)
    assert _streamed_jsonld(kg, ts) == _reference_jsonld(kg, ts)


def _reference_jsonld(kg, ts) -> bytes:
    """json.dumps(indent=1) of the reference node objects, one per subject, sorted."""
    rs = _rows_of(kg, ts)
    ctx = _context(kg)
    c = _FastCompactor(_Compactor(ctx))
    groups: dict[str, list] = {}
    for r in rs:
        groups.setdefault(r[0][1:-1], []).append(r)
    doc = {"@context": ctx, "@graph": [_node(groups[s], c) for s in sorted(groups)]}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _streamed_jsonld(kg, ts) -> bytes:
    buf = io.BytesIO()
    write_jsonld(kg, buf, ts)
    return buf.getvalue()
