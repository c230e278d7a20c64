"""Query results as bytes: SPARQL JSON/XML/CSV/TSV, an aligned text table, RDF for graphs.

The writers work on materialized, possibly truncated results (see `migkg.store.Result`),
which is why they are ours and not pyoxigraph's streaming serializers: a capped
result must still be a well-formed document.
"""
from __future__ import annotations


TYPE_CHECKING = False  # not typing's: importing typing costs `migkg query` 5 ms


def xml_escape(text: str) -> str:
    """Text content for XML, as html.escape(quote=False) does (xml.sax.saxutils would import
    urllib: 40 ms of start-up; html imports its entity table)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    return '"' + xml_escape(text).replace('"', "&quot;").replace("'", "&#x27;") + '"'

if TYPE_CHECKING:
    from migkg.store import Result

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# format name -> media type; the names are what `migkg query --format` accepts
SOLUTION_FORMATS: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "table": "text/plain; charset=utf-8",
}
GRAPH_FORMATS: dict[str, str] = {
    "turtle": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}


def term_kind(term: object) -> str:
    return type(term).__name__  # NamedNode | BlankNode | Literal | Triple


def nt(term: object) -> str:
    """N-Triples form of a term (pyoxigraph's str() already is)."""
    return str(term)


def plain(term: object | None) -> str:
    """The human value of a term: IRI, lexical form, or _:label (SPARQL CSV rules)."""
    if term is None:
        return ""
    kind = term_kind(term)
    if kind == "NamedNode" or kind == "Literal":
        return term.value  # type: ignore[attr-defined]
    return str(term)


def json_term(term: object) -> dict[str, str]:
    kind = term_kind(term)
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}  # type: ignore[attr-defined]
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}  # type: ignore[attr-defined]
    if kind == "Literal":
        out = {"type": "literal", "value": term.value}  # type: ignore[attr-defined]
        if term.language:  # type: ignore[attr-defined]
            out["xml:lang"] = term.language  # type: ignore[attr-defined]
        elif term.datatype.value != XSD_STRING:  # type: ignore[attr-defined]
            out["datatype"] = term.datatype.value  # type: ignore[attr-defined]
        return out
    return {"type": "triple", "value": str(term)}


def xml_term(term: object) -> str:
    kind = term_kind(term)
    if kind == "NamedNode":
        return f"<uri>{xml_escape(term.value)}</uri>"  # type: ignore[attr-defined]
    if kind == "BlankNode":
        return f"<bnode>{xml_escape(term.value)}</bnode>"  # type: ignore[attr-defined]
    if kind == "Literal":
        if term.language:  # type: ignore[attr-defined]
            attr = f" xml:lang={quoteattr(term.language)}"  # type: ignore[attr-defined]
        elif term.datatype.value != XSD_STRING:  # type: ignore[attr-defined]
            attr = f" datatype={quoteattr(term.datatype.value)}"  # type: ignore[attr-defined]
        else:
            attr = ""
        return f"<literal{attr}>{xml_escape(term.value)}</literal>"  # type: ignore[attr-defined]
    return f"<literal>{xml_escape(str(term))}</literal>"


def to_json(result: "Result") -> bytes:
    import json

    if result.kind == "ask":
        return (json.dumps({"head": {}, "boolean": result.boolean}) + "\n").encode()
    bindings = [
        {v: json_term(t) for v, t in zip(result.variables, row) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode()


def to_xml(result: "Result") -> bytes:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        out.append("<head>")
        out += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
        out += ["</head>", "<results>"]
        for row in result.rows:
            out.append("<result>")
            out += [
                f"<binding name={quoteattr(v)}>{xml_term(t)}</binding>"
                for v, t in zip(result.variables, row)
                if t is not None
            ]
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return ("\n".join(out) + "\n").encode()


def to_csv(result: "Result") -> bytes:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        writer.writerows([plain(t) for t in row] for row in result.rows)
    return buf.getvalue().encode()


def to_tsv(result: "Result") -> bytes:
    if result.kind == "ask":
        return b"?boolean\n" + (b"true\n" if result.boolean else b"false\n")
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if t is None else nt(t) for t in row) for row in result.rows]
    return ("\n".join(lines) + "\n").encode()


def compact(iri: str, prefixes: dict[str, str], extra: str = "") -> str:
    """prefix:local when a prefix covers the IRI and the rest is a simple local name.

    `extra` widens what counts as simple (the table view allows "/" for readability).
    """
    best = ""
    for name, ns in prefixes.items():
        if iri.startswith(ns) and len(ns) > len(prefixes.get(best, "")):
            rest = iri[len(ns):]
            if rest and all(c.isalnum() or c in "-_." + extra for c in rest):
                best = name
    return f"{best}:{iri[len(prefixes[best]):]}" if best else f"<{iri}>"


def table_cell(term: object | None, prefixes: dict[str, str]) -> str:
    if term is None:
        return ""
    if term_kind(term) == "NamedNode":
        return compact(term.value, prefixes, extra="/")  # type: ignore[attr-defined]
    value = plain(term).replace("\n", " ")
    return value if len(value) <= 120 else value[:117] + "..."


def to_table(result: "Result", prefixes: dict[str, str]) -> bytes:
    if result.kind == "ask":
        return b"true\n" if result.boolean else b"false\n"
    cells = [[table_cell(t, prefixes) for t in row] for row in result.rows]
    widths = [
        max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)
    ]
    def line(values: list[str]) -> str:
        return " | ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(result.variables), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    noun = "row" if len(cells) == 1 else "rows"
    out.append(f"({len(cells)} {noun}{', truncated at the result limit' if result.truncated else ''})")
    return ("\n".join(out) + "\n").encode()


def graph_bytes(triples: list, fmt: str, prefixes: dict[str, str]) -> bytes:
    """Serialize triples as Turtle, N-Triples, RDF/XML (pyoxigraph) or compact JSON-LD (ours)."""
    import pyoxigraph as ox

    if fmt == "jsonld":
        import json

        from migkg.jsonld import to_jsonld

        return json.dumps(to_jsonld(triples, prefixes), ensure_ascii=False, indent=1).encode()
    rdf_format = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "rdfxml": ox.RdfFormat.RDF_XML,
    }[fmt]
    used = used_prefixes(triples, prefixes, clean=True) if fmt != "ntriples" else None
    return ox.serialize(grouped(triples), format=rdf_format, prefixes=used) or b""


def grouped(triples: list) -> list:
    """Triples with each subject's together (first-seen order), so Turtle writes one block each."""
    order: dict[str, list] = {}
    for t in triples:
        order.setdefault(str(t.subject), []).append(t)
    return [t for group in order.values() for t in group]


def used_prefixes(triples: list, prefixes: dict[str, str], clean: bool = False) -> dict[str, str]:
    """Only the prefixes some IRI in the triples starts with, so output stays short.

    With `clean`, a prefix is dropped when a local name under it would need
    backslash escapes in Turtle (`id:organization\\/iom`): a full IRI reads better.
    """
    namespaces = set()
    for t in triples:
        for term in (t.subject, t.predicate, t.object):
            if term_kind(term) == "NamedNode":
                namespaces.add(term.value)
            elif term_kind(term) == "Literal":
                namespaces.add(term.datatype.value)
    used = {p: ns for p, ns in prefixes.items() if any(i.startswith(ns) for i in namespaces)}
    if clean:
        simple = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        used = {p: ns for p, ns in used.items()
                if all(set(i[len(ns):]) <= simple for i in namespaces if i.startswith(ns))}
    return used


def render(result: "Result", fmt: str, prefixes: dict[str, str]) -> bytes:
    """Bytes of a result in a named format; graph results take graph formats only."""
    if result.kind == "graph":
        if fmt not in GRAPH_FORMATS:
            raise ValueError(f"a graph result is written as {', '.join(GRAPH_FORMATS)}, not {fmt}")
        return graph_bytes(result.triples, fmt, prefixes)
    writers = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}
    if fmt == "table":
        return to_table(result, prefixes)
    if fmt not in writers:
        raise ValueError(f"a {result.kind.upper()} result is written as {', '.join(SOLUTION_FORMATS)}, not {fmt}")
    return writers[fmt](result)
