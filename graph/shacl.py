"""A fast SHACL Core validator for the subset of SHACL that migkg's shapes use.

pySHACL takes seconds on a 20k-triple graph (rdflib parsing, then one Python
evaluation per focus node and constraint). Here the data are parsed by
pyoxigraph and indexed once by predicate, and each constraint is checked over
the whole index in one pass. SPARQL on an Oxigraph store cannot serve for the
value checks: the store canonicalizes literals ("05"^^xsd:integer becomes "5",
"-1"^^xsd:nonNegativeInteger becomes an xsd:integer), so sh:datatype would see
other terms than the file holds. The parsed terms are exactly the file's.

Supported: targets (sh:targetClass with rdfs:subClassOf, sh:targetNode,
sh:targetSubjectsOf, sh:targetObjectsOf); property shapes with a predicate path
and sh:minCount, sh:maxCount, sh:nodeKind, sh:datatype (well-formed lexical
forms), sh:pattern (+ sh:flags), sh:class, sh:lessThanOrEquals, sh:lessThan,
sh:in, sh:or of value constraints; sh:message, sh:severity, sh:deactivated.
`compile_shapes` raises `Unsupported` for anything else, and `graph.validate`
then uses pySHACL, so a verdict is never a guess.
"""
from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE, FIRST, REST, NIL = RDF + "type", RDF + "first", RDF + "rest", RDF + "nil"
SUBCLASS = RDFS + "subClassOf"

# What a shape or property shape may say; anything else is Unsupported.
_SHAPE_KEYS = {TYPE, RDFS + "label", RDFS + "comment", SH + "property", SH + "targetClass", SH + "targetNode",
               SH + "targetSubjectsOf", SH + "targetObjectsOf", SH + "message", SH + "severity",
               SH + "deactivated", SH + "name", SH + "description"}
_VALUE_KEYS = {SH + "nodeKind", SH + "datatype", SH + "pattern", SH + "flags", SH + "class", SH + "in"}
_PROPERTY_KEYS = _SHAPE_KEYS | _VALUE_KEYS | {SH + "path", SH + "minCount", SH + "maxCount", SH + "or",
                                              SH + "lessThanOrEquals", SH + "lessThan", SH + "order",
                                              SH + "group"}


class Unsupported(ValueError):
    """The shapes use a SHACL feature this validator does not implement."""


Term = Any  # a pyoxigraph NamedNode, BlankNode or Literal


@dataclass(frozen=True, slots=True)
class Result:
    """One sh:ValidationResult."""

    component: str  # local name, e.g. "MinCountConstraintComponent"
    severity: str  # local name: Violation, Warning, Info
    source_shape: Term
    focus: Term
    path: Term | None
    value: Term | None
    message: str


@dataclass
class ValueTest:
    """The value constraints of one shape (a property shape, or a member of sh:or)."""

    node_kind: str | None = None
    datatype: str | None = None
    pattern: re.Pattern[str] | None = None
    cls: tuple[str, ...] = ()
    allowed: frozenset | None = None  # sh:in


@dataclass
class PropertyCheck:
    shape: Term
    path: str
    message: str | None
    severity: str
    min_count: int | None = None
    max_count: int | None = None
    value: ValueTest = field(default_factory=ValueTest)
    alternatives: tuple[ValueTest, ...] | None = None  # sh:or
    less_eq: str | None = None
    less: str | None = None


@dataclass
class NodeCheck:
    shape: Term
    target_class: tuple[str, ...]
    target_node: tuple[Term, ...]
    subjects_of: tuple[str, ...]
    objects_of: tuple[str, ...]
    properties: list[PropertyCheck]


class Index:
    """Triples by predicate, keeping each term exactly as parsed."""

    def __init__(self, triples: Iterable[tuple[Term, Term, Term]]) -> None:
        self.by_pred: dict[str, dict[Term, set[Term]]] = defaultdict(lambda: defaultdict(set))
        self.count = 0
        for s, p, o in triples:
            self.by_pred[p.value][s].add(o)
            self.count += 1
        self._supers: dict[str, set[str]] = {}

    def values(self, node: Term, pred: str) -> set[Term]:
        table = self.by_pred.get(pred)
        return table.get(node, set()) if table else set()

    def superclasses(self, cls: str) -> set[str]:
        """cls and every class above it by rdfs:subClassOf (transitively)."""
        found = self._supers.get(cls)
        if found is None:
            found, todo = {cls}, [cls]
            table = self.by_pred.get(SUBCLASS, {})
            while todo:
                for sup in table.get(_iri(todo.pop()), ()):
                    if sup.value not in found and _is_iri(sup):
                        found.add(sup.value)
                        todo.append(sup.value)
            self._supers[cls] = found
        return found

    def is_instance(self, node: Term, cls: str) -> bool:
        return any(cls in self.superclasses(t.value) for t in self.values(node, TYPE) if _is_iri(t))

    def instances(self, cls: str) -> set[Term]:
        return {s for s, types in self.by_pred.get(TYPE, {}).items()
                if any(cls in self.superclasses(t.value) for t in types if _is_iri(t))}


def _iri(value: str) -> Term:
    import pyoxigraph as ox

    return ox.NamedNode(value)


def _is_iri(t: Term) -> bool:
    return type(t).__name__ == "NamedNode"


def _is_blank(t: Term) -> bool:
    return type(t).__name__ == "BlankNode"


def _is_literal(t: Term) -> bool:
    return type(t).__name__ == "Literal"


# --------------------------------------------------------------------------------------------
# Shapes → checks
# --------------------------------------------------------------------------------------------

def compile_shapes(shapes: Index) -> list[NodeCheck]:
    """The node shapes of a shapes graph as checks; Unsupported when a feature is missing here."""
    node_shapes: set[Term] = set()
    for key in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"):
        node_shapes.update(shapes.by_pred.get(SH + key, {}))
    node_shapes.update(s for s, ts in shapes.by_pred.get(TYPE, {}).items() if _iri(SH + "NodeShape") in ts)
    checks = []
    for shape in sorted(node_shapes, key=str):
        keys = _keys(shapes, shape)
        if keys - _SHAPE_KEYS:
            raise Unsupported(f"node shape {shape}: {', '.join(sorted(keys - _SHAPE_KEYS))}")
        if _deactivated(shapes, shape):
            continue
        props = [_property(shapes, p) for p in sorted(shapes.values(shape, SH + "property"), key=str)]
        checks.append(NodeCheck(
            shape,
            tuple(sorted(t.value for t in shapes.values(shape, SH + "targetClass"))),
            tuple(sorted(shapes.values(shape, SH + "targetNode"), key=str)),
            tuple(sorted(t.value for t in shapes.values(shape, SH + "targetSubjectsOf"))),
            tuple(sorted(t.value for t in shapes.values(shape, SH + "targetObjectsOf"))),
            [p for p in props if p is not None],
        ))
    return checks


def _keys(shapes: Index, node: Term) -> set[str]:
    return {p for p, table in shapes.by_pred.items() if node in table}


def _one(shapes: Index, node: Term, pred: str) -> Term | None:
    vals = shapes.values(node, pred)
    if len(vals) > 1:
        raise Unsupported(f"{node}: more than one {pred}")
    return next(iter(vals)) if vals else None


def _deactivated(shapes: Index, node: Term) -> bool:
    flag = _one(shapes, node, SH + "deactivated")
    return flag is not None and flag.value == "true"


def _list(shapes: Index, head: Term) -> list[Term]:
    items = []
    while not (_is_iri(head) and head.value == NIL):
        first = _one(shapes, head, FIRST)
        rest = _one(shapes, head, REST)
        if first is None or rest is None:
            raise Unsupported(f"malformed RDF list at {head}")
        items.append(first)
        head = rest
    return items


def _severity(shapes: Index, node: Term) -> str:
    sev = _one(shapes, node, SH + "severity")
    return sev.value.removeprefix(SH) if sev is not None else "Violation"


def _value_test(shapes: Index, node: Term) -> ValueTest:
    test = ValueTest()
    kind = _one(shapes, node, SH + "nodeKind")
    test.node_kind = kind.value.removeprefix(SH) if kind is not None else None
    dt = _one(shapes, node, SH + "datatype")
    test.datatype = dt.value if dt is not None else None
    pattern = _one(shapes, node, SH + "pattern")
    if pattern is not None:
        flags = _one(shapes, node, SH + "flags")
        test.pattern = re.compile(pattern.value, _re_flags(flags.value if flags is not None else ""))
    test.cls = tuple(sorted(c.value for c in shapes.values(node, SH + "class")))
    allowed = _one(shapes, node, SH + "in")
    if allowed is not None:
        test.allowed = frozenset(_list(shapes, allowed))
    return test


def _re_flags(text: str) -> int:
    table = {"i": re.I, "m": re.M, "s": re.S, "x": re.X, "q": 0}
    if set(text) - set(table):
        raise Unsupported(f"sh:flags {text!r}")
    out = 0
    for ch in text:
        out |= table[ch]
    return out


def _property(shapes: Index, node: Term) -> PropertyCheck | None:
    keys = _keys(shapes, node)
    if keys - _PROPERTY_KEYS:
        raise Unsupported(f"property shape {node}: {', '.join(sorted(keys - _PROPERTY_KEYS))}")
    path = _one(shapes, node, SH + "path")
    if path is None or not _is_iri(path):
        raise Unsupported(f"property shape {node}: only predicate paths are supported")
    if _deactivated(shapes, node):
        return None
    message = _one(shapes, node, SH + "message")
    check = PropertyCheck(node, path.value, message.value if message is not None else None,
                          _severity(shapes, node), value=_value_test(shapes, node))
    for key in ("minCount", "maxCount"):
        n = _one(shapes, node, SH + key)
        if n is not None:
            setattr(check, "min_count" if key == "minCount" else "max_count", int(n.value))
    for key, attr in (("lessThanOrEquals", "less_eq"), ("lessThan", "less")):
        other = _one(shapes, node, SH + key)
        if other is not None:
            setattr(check, attr, other.value)
    alternatives = _one(shapes, node, SH + "or")
    if alternatives is not None:
        members = []
        for member in _list(shapes, alternatives):
            extra = _keys(shapes, member) - _VALUE_KEYS - {TYPE, SH + "message"}
            if extra:
                raise Unsupported(f"sh:or member {member}: {', '.join(sorted(extra))}")
            members.append(_value_test(shapes, member))
        check.alternatives = tuple(members)
    return check


# --------------------------------------------------------------------------------------------
# Checks × data → results
# --------------------------------------------------------------------------------------------

def validate(data: Index, checks: list[NodeCheck]) -> list[Result]:
    """Every validation result, in a stable order (shape, focus node, path, value)."""
    results: list[Result] = []
    for node in checks:
        focus = _targets(data, node)
        for prop in node.properties:
            for f in sorted(focus, key=str):
                results.extend(_check_property(data, prop, f))
    return results


def _targets(data: Index, node: NodeCheck) -> set[Term]:
    found: set[Term] = set(node.target_node)
    for cls in node.target_class:
        found |= data.instances(cls)
    for pred in node.subjects_of:
        found.update(data.by_pred.get(pred, {}))
    for pred in node.objects_of:
        for objs in data.by_pred.get(pred, {}).values():
            found |= objs
    return found


def _check_property(data: Index, prop: PropertyCheck, focus: Term) -> list[Result]:
    values = data.values(focus, prop.path)
    out: list[Result] = []

    def result(component: str, value: Term | None, default: str) -> None:
        out.append(Result(component, prop.severity, prop.shape, focus, _iri(prop.path), value,
                          prop.message or default))

    n = len(values)
    if prop.min_count is not None and n < prop.min_count:
        result("MinCountConstraintComponent", None,
               f"Less than {prop.min_count} values on {_show(focus)}->{_show(_iri(prop.path))}")
    if prop.max_count is not None and n > prop.max_count:
        result("MaxCountConstraintComponent", None,
               f"More than {prop.max_count} values on {_show(focus)}->{_show(_iri(prop.path))}")
    for v in sorted(values, key=str):
        for component, default in _value_failures(data, prop.value, v):
            result(component, v, default)
        if prop.alternatives is not None and not any(
                not _value_failures(data, alt, v) for alt in prop.alternatives):
            result("OrConstraintComponent", v, f"Node {_show(v)} must conform to one or more shapes in sh:or")
        for other, component, strict in ((prop.less_eq, "LessThanOrEqualsConstraintComponent", False),
                                         (prop.less, "LessThanConstraintComponent", True)):
            if other is not None:
                for w in sorted(data.values(focus, other), key=str):
                    if not _less(v, w, strict):
                        result(component, v, f"Value of {_show(focus)}->{_show(_iri(other))} "
                                              f"is not {'<' if strict else '<='} {_show(v)}")
    return out


def _value_failures(data: Index, test: ValueTest, v: Term) -> list[tuple[str, str]]:
    failures = []
    if test.node_kind is not None and not _kind_ok(test.node_kind, v):
        failures.append(("NodeKindConstraintComponent", f"Value {_show(v)} is not of Node Kind sh:{test.node_kind}"))
    if test.datatype is not None and not (_is_literal(v) and v.datatype.value == test.datatype
                                          and well_formed(v.value, test.datatype)):
        failures.append(("DatatypeConstraintComponent", f"Value {_show(v)} is not Literal with datatype "
                                                        f"{_show(_iri(test.datatype))}"))
    if test.pattern is not None and (_is_blank(v) or not test.pattern.search(v.value)):
        failures.append(("PatternConstraintComponent", f"Value {_show(v)} does not match pattern "
                                                       f"{test.pattern.pattern!r}"))
    for cls in test.cls:
        if _is_literal(v) or not data.is_instance(v, cls):
            failures.append(("ClassConstraintComponent", f"Value {_show(v)} does not have class {_show(_iri(cls))}"))
    if test.allowed is not None and v not in test.allowed:
        failures.append(("InConstraintComponent", f"Value {_show(v)} not in list"))
    return failures


def _kind_ok(kind: str, v: Term) -> bool:
    return {"IRI": _is_iri(v), "BlankNode": _is_blank(v), "Literal": _is_literal(v),
            "BlankNodeOrIRI": not _is_literal(v), "BlankNodeOrLiteral": not _is_iri(v),
            "IRIOrLiteral": not _is_blank(v)}[kind]


_NUMERIC = {XSD + t for t in ("integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                              "negativeInteger", "int", "long", "short", "byte", "unsignedInt",
                              "unsignedLong", "unsignedShort", "unsignedByte", "decimal", "float", "double")}


def _less(v: Term, w: Term, strict: bool) -> bool:
    """v < w (or <=) when both are comparable literals; anything incomparable fails, as in SHACL."""
    if not (_is_literal(v) and _is_literal(w)):
        return False
    a, b = v.datatype.value, w.datatype.value
    if a in _NUMERIC and b in _NUMERIC:
        try:
            x, y = Decimal(v.value.strip()), Decimal(w.value.strip())
        except InvalidOperation:
            return False
    elif a == b and a in (XSD + "string", XSD + "date", XSD + "dateTime", XSD + "gYear", XSD + "gYearMonth"):
        if not (well_formed(v.value, a) and well_formed(w.value, a)):
            return False
        x, y = v.value, w.value
    else:
        return False
    return x < y if strict else x <= y


_TZ = r"(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)?"
_LEXICAL = {
    "integer": r"[+-]?\d+",
    "nonNegativeInteger": r"\+?\d+|-0+",
    "positiveInteger": r"\+?0*[1-9]\d*",
    "decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)",
    "boolean": r"true|false|1|0",
    "gYear": r"-?\d{4,}" + _TZ,
    "gYearMonth": r"-?\d{4,}-(0[1-9]|1[0-2])" + _TZ,
    "date": r"(-?\d{4,})-(0[1-9]|1[0-2])-(\d\d)" + _TZ,
    "dateTime": r"(-?\d{4,})-(0[1-9]|1[0-2])-(\d\d)T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?" + _TZ,
}
_LEXICAL_RE = {XSD + k: re.compile(v) for k, v in _LEXICAL.items()}


def well_formed(lexical: str, datatype: str) -> bool:
    """Whether `lexical` is a valid form of `datatype` (types not listed here always are)."""
    rx = _LEXICAL_RE.get(datatype)
    if rx is None:
        return True
    m = rx.fullmatch(lexical)
    if m is None:
        return False
    if datatype in (XSD + "date", XSD + "dateTime"):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if year == 0 or not 1 <= day <= calendar.monthrange(year if year > 0 else 2000, month)[1]:
            return False
    return True


# --------------------------------------------------------------------------------------------
# The text report (pySHACL's layout)
# --------------------------------------------------------------------------------------------

PREFIXES = {"sh": SH, "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
            "migkg": "https://w3id.org/migkg/ontology#", "mkshape": "https://w3id.org/migkg/shapes#",
            "prov": "http://www.w3.org/ns/prov#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "dcterms": "http://purl.org/dc/terms/"}


def _show(t: Term, prefixes: dict[str, str] | None = None) -> str:
    prefixes = prefixes or PREFIXES
    if _is_iri(t):
        for name, ns in sorted(prefixes.items(), key=lambda x: -len(x[1])):
            local = t.value[len(ns):]
            if t.value.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w.-]*", local or "_"):
                return f"{name}:{local}"
        return f"<{t.value}>"
    if _is_blank(t):
        return f"_:{t.value}"
    if t.language:
        return f'Literal("{t.value}", lang={t.language})'
    if t.datatype.value == XSD + "string":
        return f'Literal("{t.value}")'
    return f'Literal("{t.value}", datatype={_show(t.datatype, prefixes)})'


def _show_shape(shapes: Index, shape: Term, prefixes: dict[str, str]) -> str:
    if not _is_blank(shape):
        return _show(shape, prefixes)
    parts = []
    for pred, table in sorted(shapes.by_pred.items()):
        for o in sorted(table.get(shape, ()), key=str):
            parts.append(f"{_show(_iri(pred), prefixes)} {_show(o, prefixes)}")
    return "[ " + " ; ".join(sorted(parts)) + " ]"


def report_text(results: list[Result], shapes: Index, prefixes: dict[str, str] | None = None) -> str:
    """The report as pySHACL writes it (Validation Report, Conforms, one block per result)."""
    prefixes = {**PREFIXES, **(prefixes or {})}
    conforms = not any(r.severity == "Violation" for r in results)
    lines = ["Validation Report", f"Conforms: {conforms}"]
    if results:
        lines.append(f"Results ({len(results)}):")
    for r in results:
        kind = {"Violation": "Constraint Violation", "Warning": "Validation Warning",
                "Info": "Validation Info"}.get(r.severity, r.severity)
        lines.append(f"{kind} in {r.component} ({SH}{r.component}):")
        lines.append(f"\tSeverity: sh:{r.severity}")
        lines.append(f"\tSource Shape: {_show_shape(shapes, r.source_shape, prefixes)}")
        lines.append(f"\tFocus Node: {_show(r.focus, prefixes)}")
        if r.value is not None:
            lines.append(f"\tValue Node: {_show(r.value, prefixes)}")
        if r.path is not None:
            lines.append(f"\tResult Path: {_show(r.path, prefixes)}")
        lines.append(f"\tMessage: {r.message}")
    return "\n".join(lines) + "\n"
