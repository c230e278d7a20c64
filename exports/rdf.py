"""The knowledge graph as RDF: triples, evidence statements, Turtle/N-Triples/JSON-LD writers.

Triples are made once as pyoxigraph terms and sorted, so every writer emits the
same bytes for the same graph. Turtle and N-Triples use pyoxigraph's native
serializers (an order of magnitude faster than rdflib's); JSON-LD is written
here, compacted against the ontology's context, because pyoxigraph does not
compact.

Evidence: each asserted triple gets one `rdf:Statement` per piece of evidence,
named `{base}statement/{digest}` (a digest of the triple and the span, so names
are stable), carrying `prov:wasDerivedFrom`, `migkg:charStart`, `migkg:charEnd`,
`migkg:quote` and, for edges, the `migkg:extractionRule` that read them.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator, Sequence
from typing import IO

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse, serialize

from graph.build import KnowledgeGraph
from graph.model import Evidence

MIGKG = "https://w3id.org/migkg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"

PREFIXES: dict[str, str] = {
    "migkg": MIGKG,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "owl": "http://www.w3.org/2002/07/owl#",
    "schema": "https://schema.org/",
}

DATATYPES = {
    "string": XSD + "string",
    "integer": XSD + "integer",
    "nonNegativeInteger": XSD + "nonNegativeInteger",
    "positiveInteger": XSD + "positiveInteger",
    "anyURI": XSD + "anyURI",
    "date": XSD + "date",
    "gYearMonth": XSD + "gYearMonth",
    "gYear": XSD + "gYear",
    "boolean": XSD + "boolean",
    "decimal": XSD + "decimal",
}
# Attributes whose value is an IRI rather than a literal.
IRI_ATTRIBUTES = {"seeAlso": RDFS + "seeAlso"}
# Links out: a country's ISO 3166-1 alpha-3 code names it in the EU Publications Office
# country authority, a stable, resolvable authority keyed by the same code.
COUNTRY_AUTHORITY = "http://publications.europa.eu/resource/authority/country/"

_TYPE = NamedNode(RDF + "type")
_STRING = XSD + "string"
_NNI = XSD + "nonNegativeInteger"
# N-Triples forms of the terms every statement repeats.
_T_TYPE, _T_STATEMENT = f"<{RDF}type>", f"<{RDF}Statement>"
_T_SUBJECT, _T_PREDICATE, _T_OBJECT = f"<{RDF}subject>", f"<{RDF}predicate>", f"<{RDF}object>"
_T_DERIVED = f"<{PROV}wasDerivedFrom>"
_T_START, _T_END, _T_QUOTE = f"<{MIGKG}charStart>", f"<{MIGKG}charEnd>", f"<{MIGKG}quote>"
_T_RULE = f"<{MIGKG}extractionRule>"
_T_LABEL, _T_ALT = f"<{RDFS}label>", f"<{SKOS}altLabel>"
_T_EXACT = f"<{SKOS}exactMatch>"
# Characters pyoxigraph escapes (or might) in a literal: those literals are formatted by pyoxigraph itself.
_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\U00010000-\U0010ffff]')

# A row is one triple as its N-Triples terms plus the object's value for JSON-LD:
# (subject, predicate, object, lexical form or None for an IRI, datatype IRI or None).
Row = tuple[str, str, str, "str | None", "str | None"]


def _nt_literal(lexical: str, datatype: str) -> str:
    """The N-Triples form pyoxigraph gives this literal (so sorting and digests match its output)."""
    if _ESCAPE.search(lexical):
        return str(Literal(lexical, datatype=NamedNode(datatype)))
    return f'"{lexical}"' if datatype == _STRING else f'"{lexical}"^^<{datatype}>'


def _iri(iri: str) -> str:
    return str(NamedNode(iri))  # validates the IRI


class _Emitter:
    """Collects rows (triples and their evidence statements) for one graph."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.rows: list[Row] = []
        self.seen: set[tuple[str, str, str]] = set()
        self.statements: set[str] = set()
        self.docs: dict[str, str] = {}

    def add(self, s: str, p: str, o: str, lexical: str | None = None, datatype: str | None = None,
            evidence: tuple[Evidence, ...] = ()) -> None:
        key = (s, p, o)
        if key not in self.seen:
            self.seen.add(key)
            self.rows.append((s, p, o, lexical, datatype))
        for ev in evidence:
            self._statement(s, p, o, lexical, datatype, ev)

    def literal(self, s: str, p: str, lexical: str, datatype: str = _STRING,
                evidence: tuple[Evidence, ...] = ()) -> None:
        self.add(s, p, _nt_literal(lexical, datatype), lexical, datatype, evidence)

    def _statement(self, s: str, p: str, o: str, lexical, datatype, ev: Evidence) -> None:
        key = "\x1f".join((s, p, o, ev.doc, str(ev.start), str(ev.end), *((ev.rule,) if ev.rule else ())))
        st = f"<{self.base}statement/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}>"
        if st in self.statements:
            return
        self.statements.add(st)
        doc = self.docs.get(ev.doc)
        if doc is None:
            doc = self.docs[ev.doc] = _iri(f"{self.base}document/{ev.doc}")
        start, end = str(ev.start), str(ev.end)
        self.rows.extend((
            (st, _T_TYPE, _T_STATEMENT, None, None),
            (st, _T_SUBJECT, s, None, None),
            (st, _T_PREDICATE, p, None, None),
            (st, _T_OBJECT, o, lexical, datatype),
            (st, _T_DERIVED, doc, None, None),
            (st, _T_START, f'"{start}"^^<{_NNI}>', start, _NNI),
            (st, _T_END, f'"{end}"^^<{_NNI}>', end, _NNI),
            (st, _T_QUOTE, _nt_literal(ev.quote, _STRING), ev.quote, _STRING),
        ))
        if ev.rule:
            self.rows.append((st, _T_RULE, _nt_literal(ev.rule, _STRING), ev.rule, _STRING))


def rows(kg: KnowledgeGraph) -> list[Row]:
    """Every triple of the graph with its evidence as sorted rows (so outputs are byte-stable)."""
    base = kg.graph["base"]
    em = _Emitter(base)
    cls_iri: dict[str, str] = {}
    prop_iri: dict[str, str] = {}

    def prop(name: str) -> str:
        p = prop_iri.get(name)
        if p is None:
            p = prop_iri[name] = _iri(IRI_ATTRIBUTES.get(name, MIGKG + name))
        return p

    for doc in kg.graph["documents"]:
        d = _iri(f"{base}document/{doc.doc_id}")
        em.add(d, _T_TYPE, f"<{MIGKG}Document>")
        em.literal(d, _T_LABEL, doc.title)
        em.literal(d, f"<{MIGKG}sha256>", doc.sha256)
        em.literal(d, f"<{DCTERMS}identifier>", doc.doc_id)
    node_iri = {}
    for node, data in kg.nodes(data=True):
        s = node_iri[node] = _iri(base + node)
        c = cls_iri.get(data["cls"])
        if c is None:
            c = cls_iri[data["cls"]] = _iri(MIGKG + data["cls"])
        em.add(s, _T_TYPE, c)
        em.literal(s, _T_LABEL, data["label"], _STRING, data["label_evidence"][:1])
        for alt, ev in zip(data["alt_labels"], data["alt_evidence"]):
            em.literal(s, _T_ALT, alt, _STRING, (ev,))
        for name, value, evidence in data["attributes"]:
            if name in IRI_ATTRIBUTES:
                em.add(s, prop(name), _iri(value.lexical), None, None, evidence)
            else:
                em.literal(s, prop(name), value.lexical, DATATYPES[value.datatype], evidence)
            if name == "isoCode" and data["cls"] == "Country":
                em.add(s, _T_EXACT, _iri(COUNTRY_AUTHORITY + value.lexical), None, None, evidence)
    for s, o, name, evidence in kg.edges(keys=True, data="evidence"):
        em.add(node_iri[s], prop(name), node_iri[o], None, None, evidence)
    out = em.rows
    out.sort()  # (s, p, o) are unique, so the tuple order is the (s, p, o) string order
    return out


class _ChunkReader(io.RawIOBase):
    """A readable binary stream over an iterator of byte chunks (to stream into pyoxigraph's parser)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buf = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._buf = memoryview(chunk)
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def _nt_chunks(rs: Sequence[Row], size: int = 20_000) -> Iterator[bytes]:
    for i in range(0, len(rs), size):
        yield "".join(f"{r[0]} {r[1]} {r[2]} .\n" for r in rs[i:i + size]).encode("utf-8")


class Triples(Sequence):
    """The graph's sorted triples: rows for the fast writers, pyoxigraph Triples on demand.

    Iterating streams Triples out of pyoxigraph's N-Triples parser (native, bounded
    memory); indexing materializes the list once.
    """

    def __init__(self, rs: list[Row]) -> None:
        self.rows = rs
        self._list: list[Triple] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Triple]:
        if self._list is not None:
            return iter(self._list)
        return (q.triple for q in parse(_ChunkReader(_nt_chunks(self.rows)), format=RdfFormat.N_TRIPLES))

    def __getitem__(self, i):
        if self._list is None:
            self._list = list(iter(self))
        return self._list[i]


def triples(kg: KnowledgeGraph) -> Triples:
    """Every triple of the graph with its evidence, sorted (so outputs are byte-stable)."""
    return Triples(rows(kg))


def _rows_of(kg: KnowledgeGraph, ts) -> list[Row]:
    """Rows for the writers, from `triples(kg)`, any iterable of pyoxigraph Triples, or the graph."""
    if ts is None:
        return rows(kg)
    if isinstance(ts, Triples):
        return ts.rows
    out = []
    for t in ts:
        o = t.object
        lit = isinstance(o, Literal)
        out.append((str(t.subject), str(t.predicate), str(o), o.value if lit else None,
                    o.datatype.value if lit else None))
    out.sort(key=lambda r: r[0])  # group by subject, keeping the given order within a subject
    return out


def prefixes(kg: KnowledgeGraph) -> dict[str, str]:
    # No prefix for the graph's own IRIs: their "/" would be escaped in Turtle local names.
    return dict(PREFIXES)


class _TurtleTerms:
    """Turtle forms of N-Triples terms, as pyoxigraph's Turtle serializer writes them.

    The common shapes (prefixed names with plain local names, strings, dates,
    integers) are formatted here; anything else is formatted by pyoxigraph itself,
    one term at a time, so the output is always pyoxigraph's.
    """

    _LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_\-./:]*[A-Za-z0-9_\-/:])?")
    _BARE = {XSD + "integer": re.compile(r"[+-]?[0-9]+"), XSD + "boolean": re.compile(r"true|false"),
             XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+")}

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = prefixes
        self.namespaces = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        # a namespace inside another one: which prefix pyoxigraph picks is its business, so ask it
        self.nested = {a for _, a in self.namespaces for _, b in self.namespaces if a != b and a.startswith(b)}
        self.cache: dict[str, str] = {}

    def header(self) -> str:
        probe = Triple(NamedNode("urn:x:s"), NamedNode("urn:x:p"), NamedNode("urn:x:o"))
        text = serialize([probe], None, RdfFormat.TURTLE, prefixes=self.prefixes).decode("utf-8")
        return "".join(line + "\n" for line in text.split("\n") if line.startswith("@prefix"))

    def _exact(self, row_object: str, lexical: str | None, datatype: str | None) -> str:
        term = NamedNode(row_object[1:-1]) if lexical is None else Literal(lexical, datatype=NamedNode(datatype))
        probe = Triple(NamedNode("urn:x:s"), NamedNode("urn:x:p"), term)
        line = serialize([probe], None, RdfFormat.TURTLE, prefixes=self.prefixes).decode("utf-8").rstrip("\n").split("\n")[-1]
        head = "<urn:x:s> <urn:x:p> "
        assert line.startswith(head) and line.endswith(" ."), line
        return line[len(head):-2]

    def iri(self, nt: str) -> str:
        t = self.cache.get(nt)
        if t is None:
            t = self.cache[nt] = self._iri(nt)
        return t

    def _iri(self, nt: str) -> str:
        iri = nt[1:-1]
        for p, ns in self.namespaces:  # longest first
            if iri.startswith(ns):
                local = iri[len(ns):]
                if ns not in self.nested and self._LOCAL.fullmatch(local):
                    return f"{p}:{local.replace('/', chr(92) + '/')}"
                return self._exact(nt, None, None)
        return nt

    def subject(self, nt: str) -> str:
        """Subjects are mostly distinct (evidence statements): not cached."""
        return self._iri(nt)

    def obj(self, nt: str, lexical: str | None, datatype: str | None) -> str:
        if lexical is None:
            return self.iri(nt)
        if datatype == _STRING:
            return nt  # same escaping in N-Triples and Turtle
        bare = self._BARE.get(datatype)
        if bare is not None:
            return lexical if bare.fullmatch(lexical) else self._exact(nt, lexical, datatype)
        if datatype == XSD + "double" or nt[-1] != ">":
            return self._exact(nt, lexical, datatype)
        return f"{nt[:nt.rindex('^^') + 2]}{self.iri('<' + datatype + '>')}"


def _turtle_chunks(rs: Sequence[Row], prefixes_: dict[str, str], size: int = 20_000) -> Iterator[bytes]:
    terms = _TurtleTerms(prefixes_)
    yield terms.header().encode("utf-8")
    iri, obj, subject, cache = terms.iri, terms.obj, terms.subject, terms.cache
    cur_s = cur_p = None
    buf: list[str] = []
    add = buf.append
    for n, (s, p, o, lexical, datatype) in enumerate(rs, 1):
        if lexical is None:
            o_t = cache.get(o) or iri(o)
        elif datatype == _STRING:
            o_t = o
        else:
            o_t = obj(o, lexical, datatype)
        if s != cur_s:
            if cur_s is not None:
                add(" .\n")
            add(f"{subject(s)} {'a' if p == _T_TYPE else cache.get(p) or iri(p)} {o_t}")
            cur_s, cur_p = s, p
        elif p != cur_p:
            add(f" ;\n\t{'a' if p == _T_TYPE else cache.get(p) or iri(p)} {o_t}")
            cur_p = p
        else:
            add(f" , {o_t}")
        if n % size == 0:
            yield "".join(buf).encode("utf-8")
            buf.clear()
    if cur_s is not None:
        add(" .\n")
    yield "".join(buf).encode("utf-8")


def write_turtle(kg: KnowledgeGraph, out: IO[bytes], ts=None) -> None:
    """Turtle with the graph's prefixes, streamed; the bytes pyoxigraph's serializer writes."""
    if ts is not None and not isinstance(ts, Triples):
        serialize(ts, out, RdfFormat.TURTLE, prefixes=prefixes(kg))
        return
    for chunk in _turtle_chunks(_rows_of(kg, ts), prefixes(kg)):
        out.write(chunk)


def write_ntriples(kg: KnowledgeGraph, out: IO[bytes], ts=None) -> None:
    """N-Triples, one sorted line per triple (the bytes pyoxigraph's serializer writes)."""
    if ts is not None and not isinstance(ts, Triples):
        serialize(ts, out, RdfFormat.N_TRIPLES)
        return
    for chunk in _nt_chunks(_rows_of(kg, ts)):
        out.write(chunk)


# --- JSON-LD -------------------------------------------------------------------------------

def _context(kg: KnowledgeGraph) -> dict:
    """The ontology's JSON-LD context plus a prefix for the graph's own IRIs."""
    ctx: dict = {}
    try:
        from ontology import load_context

        ctx = dict(load_context().get("@context", {}))
    except (ImportError, FileNotFoundError, AttributeError):
        pass
    for p, iri in PREFIXES.items():
        ctx.setdefault(p, iri)
    ctx["kg"] = kg.graph["base"]
    return ctx


class _Compactor:
    """Compacts IRIs and values against a context of prefixes and terms."""

    def __init__(self, ctx: dict) -> None:
        self.prefixes = sorted(((iri, p) for p, iri in ctx.items()
                                if isinstance(iri, str) and iri.endswith(("/", "#"))),
                               key=lambda x: -len(x[0]))
        self.terms: dict[str, tuple[str, str | None, str | None]] = {}  # iri -> (term, @type, @container)
        for term, d in ctx.items():
            if term.startswith("@"):
                continue
            iri, typ, cont = (d, None, None) if isinstance(d, str) else (d.get("@id"), d.get("@type"), d.get("@container"))
            if iri and ":" in iri and not iri.endswith(("/", "#")):
                iri = self.expand(iri, ctx)
                if iri not in self.terms or len(term) < len(self.terms[iri][0]):
                    self.terms[iri] = (term, self.expand(typ, ctx) if typ and typ != "@id" else typ, cont)

    @staticmethod
    def expand(curie: str, ctx: dict) -> str:
        p, _, local = curie.partition(":")
        target = ctx.get(p)
        if isinstance(target, str) and not local.startswith("//"):
            return target + local
        return curie

    def iri(self, iri: str) -> str:
        for ns, p in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{p}:{iri[len(ns):]}"
        return iri

    def entry(self, pred: str, obj) -> tuple[str, object]:
        """(key, value) for one predicate/object pair, exact under the context's coercions."""
        if isinstance(obj, NamedNode):
            return self.entry_row(pred, obj.value, None)
        return self.entry_row(pred, obj.value, obj.datatype.value)

    def entry_row(self, pred: str, value: str, datatype: str | None) -> tuple[str, object]:
        """`entry` for an IRI object (datatype None) or a literal given by lexical form and datatype."""
        term, typ, _ = self.terms.get(pred, (None, None, None))
        if datatype is None:
            if term and typ == "@id":
                return term, self.iri(value)
            return (term if term and typ is None else self.iri(pred)), {"@id": self.iri(value)}
        if term and typ == datatype:
            return term, value
        if term and typ is None and datatype == XSD + "string":
            return term, value
        key = self.iri(pred) if (term is None or typ is not None) else term
        if datatype == XSD + "string" and (term is None or typ is None):
            return key, value
        return key, {"@value": value, "@type": self.iri(datatype)}


class _FastCompactor:
    """`_Compactor` with the per-IRI and per-(predicate, datatype) decisions remembered."""

    def __init__(self, c: _Compactor) -> None:
        self.c = c
        self.iris: dict[str, str] = {}
        self.shapes: dict[tuple[str, str | None], tuple[str, int, str | None]] = {}

    def iri(self, iri: str) -> str:
        v = self.iris.get(iri)
        if v is None:
            v = self.iris[iri] = self.c.iri(iri)
        return v

    def shape(self, pred: str, datatype: str | None) -> tuple[str, int, str | None]:
        """(key, kind, @type) for a predicate and object datatype (None = IRI object)."""
        self.entry(pred, "urn:x" if datatype is None else "x", datatype)
        return self.shapes[(pred, datatype)]

    def entry(self, pred: str, value: str, datatype: str | None) -> tuple[str, object]:
        # shape: 0 = bare value, 1 = compact IRI, 2 = {"@id": …}, 3 = {"@value", "@type"}
        shape = self.shapes.get((pred, datatype))
        if shape is None:
            probe = "urn:x" if datatype is None else "x"
            key, v = self.c.entry_row(pred, probe, datatype)
            if isinstance(v, dict):
                kind, typ = (2, None) if "@id" in v else (3, v["@type"])
            else:
                kind, typ = (1 if datatype is None else 0), None
            shape = self.shapes[(pred, datatype)] = (key, kind, typ)
        key, kind, typ = shape
        if kind == 0:
            return key, value
        if kind == 1:
            return key, self.iri(value)
        if kind == 2:
            return key, {"@id": self.iri(value)}
        return key, {"@value": value, "@type": typ}


_enc = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) uses for strings


def _fmt(v, ind: str) -> str:
    """`json.dumps(v, indent=1, ensure_ascii=False)` at indentation `ind`, with the C string encoder."""
    t = type(v)
    if t is str:
        return _enc(v)
    if t is dict:
        if not v:
            return "{}"
        inner = ind + " "
        return "{\n" + ",\n".join(f"{inner}{_enc(k)}: {_fmt(x, inner)}" for k, x in v.items()) + "\n" + ind + "}"
    if t is list:
        if not v:
            return "[]"
        inner = ind + " "
        return "[\n" + ",\n".join(inner + _fmt(x, inner) for x in v) + "\n" + ind + "]"
    return json.dumps(v, ensure_ascii=False)


def _node(rs: Sequence[Row], c: _FastCompactor) -> dict:
    """The node object of one subject (the reference form of what `_NodeWriter` writes)."""
    node: dict = {"@id": c.iri(rs[0][0][1:-1])}
    for _, p, o, lexical, datatype in rs:
        if p == _T_TYPE and lexical is None:
            node.setdefault("@type", []).append(c.iri(o[1:-1]))
            continue
        key, value = c.entry(p[1:-1], o[1:-1] if lexical is None else lexical, datatype)
        node.setdefault(key, []).append(value)
    return {k: (v[0] if isinstance(v, list) and len(v) == 1 and k != "@type" else v) for k, v in node.items()}


class _NodeWriter:
    """Writes node objects at depth 2 of the document, exactly as `_fmt(_node(...), "  ")` would.

    Subjects with the same predicates and datatypes (every evidence statement, most
    entities) share a plan — key order, grouping and value shapes — worked out once.
    """

    def __init__(self, c: _FastCompactor) -> None:
        self.c = c
        self.plans: dict[tuple, list[tuple[str, bool, list[tuple[int, int, str | None]]]]] = {}

    def _plan(self, rs: Sequence[Row]) -> list[tuple[str, bool, list[tuple[int, int, str | None]]]]:
        keys: dict[str, list[tuple[int, int, str | None]]] = {}
        for i, (_, p, o, lexical, datatype) in enumerate(rs):
            if p == _T_TYPE and lexical is None:
                keys.setdefault("@type", []).append((i, 1, None))
                continue
            key, kind, typ = self.c.shape(p[1:-1], datatype)
            keys.setdefault(key, []).append((i, kind, typ))
        return [(k, len(v) > 1 or k == "@type", v) for k, v in keys.items()]

    def write(self, rs: Sequence[Row]) -> str:
        # the datatype is None exactly when the object is an IRI, so predicates and datatypes fix the plan
        sig = (tuple([r[1] for r in rs]), tuple([r[4] for r in rs]))
        plan = self.plans.get(sig)
        if plan is None:
            plan = self.plans[sig] = self._plan(rs)
        iri = self.c.iri
        parts = ['  {\n   "@id": ', _enc(self.c.c.iri(rs[0][0][1:-1]))]
        for key, many, items in plan:
            parts.append(",\n   ")
            parts.append(_enc(key))
            parts.append(": ")
            ind = "    " if many else "   "
            values = []
            for i, kind, typ in items:
                r = rs[i]
                if kind == 0:
                    values.append(_enc(r[3]))
                elif kind == 1:
                    values.append(_enc(iri(r[2][1:-1])))
                elif kind == 2:
                    values.append(f'{{\n{ind} "@id": {_enc(iri(r[2][1:-1]))}\n{ind}}}')
                else:
                    values.append(f'{{\n{ind} "@value": {_enc(r[3])},\n{ind} "@type": {_enc(typ)}\n{ind}}}')
            if many:
                parts.append("[\n    " + ",\n    ".join(values) + "\n   ]")
            else:
                parts.append(values[0])
        parts.append("\n  }")
        return "".join(parts)


def write_jsonld(kg: KnowledgeGraph, out: IO[bytes], ts=None) -> None:
    """Compact JSON-LD: one node object per subject, sorted by IRI, with the context inline.

    Streamed node by node; the bytes are those of `json.dumps(document, indent=1,
    ensure_ascii=False)` for the whole document.
    """
    rs = _rows_of(kg, ts)
    ctx = _context(kg)
    c = _FastCompactor(_Compactor(ctx))
    # rows are grouped by subject (sorted by its N-Triples form); nodes go out sorted by the IRI itself
    groups: list[tuple[str, int, int]] = []
    start = 0
    for i in range(1, len(rs) + 1):
        if i == len(rs) or rs[i][0] != rs[start][0]:
            groups.append((rs[start][0][1:-1], start, i))
            start = i
    groups.sort()
    out.write(("{\n \"@context\": " + _fmt(ctx, " ") + ",\n \"@graph\": ").encode("utf-8"))
    if not groups:
        out.write(b"[]\n}\n")
        return
    out.write(b"[\n")
    batch: list[str] = []
    nodes = _NodeWriter(c)
    for n, (_, a, b) in enumerate(groups):
        batch.append(nodes.write(rs[a:b]))
        if len(batch) == 2000 or n == len(groups) - 1:
            out.write((",\n".join(batch) + ("\n" if n == len(groups) - 1 else ",\n")).encode("utf-8"))
            batch.clear()
    out.write(b" ]\n}\n")


def iter_statements(ts: list[Triple]) -> Iterator[NamedNode]:
    """The evidence statement nodes among `ts` (for tests and reports)."""
    for t in ts:
        if t.predicate.value == RDF + "type" and t.object.value == RDF + "Statement":
            yield t.subject
