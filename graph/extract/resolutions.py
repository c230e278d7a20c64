"""Resolutions as graph records: what the General Assembly decided, requested and of whom.

For every resolution found by graph.extract.resolution_layout (a resolution file, the
annexes of a report, a draft quoted in a committee report):

- the Resolution node, keyed by its symbol, with symbol, title, session, agendaItem,
  distributionDate, dateAdopted, plenaryMeeting, committeeReport and seeAlso
  (its official document address), and `adopted` from the General Assembly;
- one Provision per operative paragraph (and lettered sub-paragraph with its own verb):
  provisionNumber, operativeVerb as written, text, `addressedTo` every actor asked to
  act, and `requested` from the resolution to the addressees of requests;
- `references` to every resolution, decision, document and instrument it cites;
- events it decides to hold (`plans`, with eventStatus "planned").

Resolutions cited anywhere else in the document become Resolution nodes too (symbol,
date when given), without edges.
"""
from __future__ import annotations

import re

from graph import refs
from graph.extract import commitment_data
from graph.extract.addressees import actor_ref, base_verb, find_addressees
from graph.extract.citations import find_citations, find_document_symbols, issuers_from
from graph.extract.instruments import find_instruments
from graph.extract.resolution_layout import Block, Field, Paragraph, body, find_blocks
from graph.extract.un_dates import ORDINAL_RE, ordinal
from graph.lexicon import Lexicon
from graph.model import Attribute, Document, Evidence, Extraction, Mention, Relation, Value
from graph.reading import Reading, reads

UNDOCS = "http://undocs.org/"
_UN_SYMBOL = re.compile(r"^(?:A|E|S)/")


class _Out:
    """Collects records for one document's reading; parsing and evidence read its view."""

    def __init__(self, document: Reading) -> None:
        self.doc = document
        self.view = document.text
        self.x = Extraction()
        self._mentioned: set[tuple[str, int, int]] = set()

    def ev(self, start: int, end: int) -> Evidence:
        return Evidence(self.doc.doc_id, start, end, self.doc.text[start:end])

    def mention(self, ref: str, cls: str, label: str, start: int, end: int, aliases: tuple[str, ...] = ()) -> None:
        key = (ref, start, end)
        if key not in self._mentioned:
            self._mentioned.add(key)
            self.x.mentions.append(Mention(ref, cls, label, self.ev(start, end), aliases))

    def attr(self, ref: str, prop: str, value: Value, start: int, end: int) -> None:
        self.x.attributes.append(Attribute(ref, prop, value, self.ev(start, end)))

    def rel(self, subject: str, prop: str, obj: str, start: int, end: int) -> None:
        self.x.relations.append(Relation(subject, prop, obj, self.ev(start, end)))


@reads
def extract(document: Reading, lexicon: Lexicon) -> Extraction:
    out = _Out(document)
    verbs = commitment_data.verbs(lexicon)
    data = commitment_data.instruments(lexicon)
    issuers = issuers_from(data)
    text = out.view
    blocks = find_blocks(text, verbs)
    if len(blocks) == 1 and blocks[0].symbol is None:  # a file named after its symbol: "A-RES-63-225.txt"
        named = symbol_from_name(document)
        if named:
            blocks[0].symbol = Field(named, *_first_span(blocks[0]))
    inside: list[tuple[int, int]] = []
    for block in blocks:
        _resolution(out, block, lexicon, verbs, data, issuers)
        inside.append((block.start, block.end))
    # resolutions cited in the running text of the document
    for c in find_citations(text, 0, len(text), issuers):
        if any(a <= c.start < b for a, b in inside):
            continue
        _cited_node(out, c)
    return out.x


def _resolution(out: _Out, block: Block, lexicon: Lexicon, verbs: dict, data: dict, issuers) -> None:
    if block.symbol is not None:
        symbol = block.symbol.value
        span = (block.symbol.start, block.symbol.end)
    else:  # a resolution whose symbol the text does not give
        symbol = ""
        span = (block.opening.start, block.opening.end) if block.opening else (block.start, block.start + 1)
    key = symbol or f"{out.doc.doc_id}-resolution-{block.start}"
    res = refs.resolution(key)
    label = symbol or (block.title.value if block.title else key)
    conforming = bool(symbol) and symbol_form().match(symbol) is not None
    out.mention(res, "Resolution" if conforming else "Commitment", label, *span)
    if conforming:
        out.attr(res, "symbol", Value(symbol), *span)
        if _UN_SYMBOL.match(symbol):
            out.attr(res, "seeAlso", Value(_undocs(symbol)), *span)
    if block.title:
        out.attr(res, "title", Value(block.title.value), block.title.start, block.title.end)
    session = _session(block, symbol)
    if session:
        out.attr(res, "session", Value(session.value), session.start, session.end)
    if block.agenda_item:
        f = block.agenda_item
        out.attr(res, "agendaItem", Value(f.value), f.start, f.end)
    if block.distributed:
        f = block.distributed
        out.attr(res, "distributionDate", Value(f.value, "date"), f.start, f.end)
    if block.committee_report:  # "[on the report of the Second Committee (A/63/416)]"
        f = block.committee_report
        _document(out, res, f.value, f.start, f.end)
    if block.date_adopted:
        f = block.date_adopted
        out.attr(res, "dateAdopted", Value(f.value, "date"), f.start, f.end)
    if block.meeting:
        f = block.meeting
        out.attr(res, "plenaryMeeting", Value(f.value), f.start, f.end)
    if not block.draft:
        where = block.adopted_header or block.meeting
        if where is not None:
            ga = actor_ref(body(block), lexicon)
            cls = ga.cls if ga.cls != "Actor" else "UNEntity"
            out.mention(ga.ref, cls, ga.label, where.start, where.end, ga.aliases)
            out.rel(ga.ref, "adopted", res, where.start, where.end)

    requests = tuple(verbs.get("request") or ())
    for p in block.paragraphs:
        if p.kind != "preambular":
            _provision(out, res, symbol or key, p, lexicon, verbs, requests)
    # cited texts are read from the end of the header on, so a preambular paragraph whose opening
    # word the parser did not know still gives its citations
    first = min((p.start for p in block.paragraphs), default=block.start)
    body_start = max((e for _, _, e in block.anchors if e <= first), default=first)
    _references(out, res, symbol, body_start, block.end, issuers, data, lexicon, body(block))


_NAMED = (
    (re.compile(r"(?i)\bA[-_ ]RES[-_ ](\d{1,3})[-_ ](\d{1,3})(?!\d)"), "A/RES/{0}/{1}"),
    (re.compile(r"(?i)\bA[-_ ]C\.?(\d)[-_ ](\d{1,3})[-_ ]L\.?(\d{1,3})(?!\d)"), "A/C.{0}/{1}/L.{2}"),
    (re.compile(r"(?i)\bA[-_ ](\d{1,3})[-_ ]L\.?(\d{1,3})(?!\d)"), "A/{0}/L.{1}"),
)


def symbol_from_name(document: Document) -> str:
    """The symbol a file is named after ("A-RES-63-225.txt", "a_c.3_63_l.20.pdf"), or ""."""
    for name in (document.path.replace("\\", "/").rsplit("/", 1)[-1], document.doc_id):
        for pattern, form in _NAMED:
            m = pattern.search(name)
            if m:
                return form.format(*(str(int(g)) for g in m.groups()))
    return ""


def _first_span(block: Block) -> tuple[int, int]:
    first = block.paragraphs[0] if block.paragraphs else None
    return (first.verb.start, first.verb.end) if first else (block.start, block.start + 1)


def _session(block: Block, symbol: str) -> Field | None:
    """The session as written in the header ("Sixty-third session"); none when not written."""
    return block.session


def _provision(out: _Out, res: str, symbol: str, p: Paragraph, lexicon: Lexicon, verbs: dict,
               requests: tuple[str, ...]) -> None:
    text = out.view
    number = p.number.replace(" ", "")
    prov = refs.provision(symbol, number)
    out.mention(prov, "Provision", f"{symbol}, paragraph {p.number}", p.start, p.end)
    out.rel(res, "hasProvision", prov, p.start, p.end)
    # a lettered sub-paragraph ("1 (b)") carries the number of its paragraph
    out.attr(prov, "provisionNumber", Value(p.number.split()[0], "integer"), p.start, p.verb.start)
    out.attr(prov, "operativeVerb", Value(p.verb.value), p.verb.start, p.verb.end)
    out.attr(prov, "text", Value(p.text), p.start, p.end)
    for a in find_addressees(text, p.verb.end, p.end, p.verb.value, requests):
        actor = actor_ref(a.label, lexicon)
        out.mention(actor.ref, actor.cls, actor.label, a.start, a.end, actor.aliases)
        q_start = p.verb.start if a.end - p.verb.start <= 400 else a.start
        out.rel(prov, "addressedTo", actor.ref, q_start, a.end)
        if a.verb in requests:
            out.rel(res, "requested", actor.ref, q_start, a.end)
    if base_verb(p.verb.value) in tuple(verbs.get("decide") or ()):
        _planned_event(out, prov, p, tuple(verbs.get("plan_verbs") or ()))


_PLAN = r"\bto[ \t\n]+(?P<verb>{verbs})\b"
_SKIP_SEGMENT = re.compile(r"^(?:within|in|at|during|on|from|under|with|as|subject|without|for|by)\b|^\d{4}$")
_NP_END = re.compile(r"[ \t\n]+(?:during|at[ \t\n]+its|in[ \t\n]+(?:19|20)\d\d|on[ \t\n]+[0-3]?\d|from[ \t\n]+[0-3]?\d|"
                     r"in[ \t\n]+[A-Z]|the[ \t\n]+focus|which|that|to[ \t\n]+be)\b|[;.]")
_EVENT_CLASSES = (("dialogue", "Dialogue"), ("conference", "Conference"), ("forum", "Forum"),
                  ("workshop", "Workshop"), ("symposium", "Symposium"), ("summit", "Conference"))


def _planned_event(out: _Out, prov: str, p: Paragraph, plan_verbs: tuple[str, ...]) -> None:
    """"Decides to hold, within existing resources, a High-level Dialogue ... in 2013"."""
    if not plan_verbs:
        return
    text = out.view
    m = re.compile(_PLAN.format(verbs="|".join(map(re.escape, plan_verbs)))).search(text, p.verb.end, p.end)
    if not m:
        return
    pos = m.end()
    np_start = np_end = -1
    while pos < p.end:
        comma = text.find(",", pos, p.end)
        seg_end = comma if comma >= 0 else p.end
        seg = text[pos:seg_end].strip()
        if seg and not _SKIP_SEGMENT.match(seg):
            np_start = pos + text[pos:seg_end].find(seg)
            stop = _NP_END.search(text, np_start, seg_end)
            np_end = stop.start() if stop else seg_end
            break
        pos = seg_end + 1
    if np_start < 0 or np_end <= np_start:
        return
    name = " ".join(text[np_start:np_end].split())
    name = re.sub(r"^(?:a|an|the)\s+", "", name)
    if len(name.split()) < 2 or len(name) > 160:
        return
    year = re.search(r"\bin[ \t\n]+((?:19|20)\d\d)\b", text[m.start():p.end])
    session = re.search(r"\b(" + ORDINAL_RE + r")[ \t\n]+session\b", text[m.start():p.end], re.I)
    label = f"{year.group(1)} {name}" if year else name
    if not year and session and ordinal(session.group(1)):
        label = f"{name} ({session.group(1)} session)"
    cls = next((c for k, c in _EVENT_CLASSES if k in name.lower()), "Meeting")
    event = refs.event(label)
    out.mention(event, cls, label, np_start, np_end)
    out.rel(prov, "plans", event, m.start(), np_end)
    out.attr(event, "status", Value("planned"), m.start(), np_end)
    if year:
        y0 = m.start() + year.start(1)
        out.attr(event, "startDate", Value(year.group(1), "gYear"), y0, y0 + 4)


def _references(out: _Out, res: str, symbol: str, start: int, end: int, issuers, data: dict,
                lexicon: Lexicon, issuer: str = "General Assembly") -> None:
    text = out.view
    own = re.sub(r"\s+", "", symbol)
    for c in find_citations(text, start, end, issuers, issuer):
        if re.sub(r"\s+", "", c.symbol) == own:
            continue
        cited = _cited_node(out, c)
        out.rel(res, "references", cited, c.start, c.end)
    for d in find_document_symbols(text, start, end):
        if re.sub(r"\s+", "", d.symbol) != own:
            _document(out, res, d.symbol, d.start, d.end)
    for inst in find_instruments(text, start, end, data, lexicon):
        out.mention(inst.ref, inst.cls, inst.label, inst.start, inst.end, inst.aliases)
        out.rel(res, "references", inst.ref, inst.start, inst.end)


def _document(out: _Out, res: str, symbol: str, start: int, end: int) -> None:
    """A cited UN document (a report, a draft): a Document node keyed by its symbol."""
    doc_ref = refs.document(refs.symbol_slug(symbol))
    out.mention(doc_ref, "Document", symbol, start, end)
    out.attr(doc_ref, "symbol", Value(symbol), start, end)
    out.attr(doc_ref, "seeAlso", Value(_undocs(symbol)), start, end)
    out.rel(res, "references", doc_ref, start, end)


# The forms SymbolShape (ontology/shapes.ttl) accepts for migkg:symbol; a test keeps the two equal.
SYMBOL_FORM = re.compile(r"^([A-Z]+(/[A-Za-z0-9.-]+)+( \([0-9]{4}\))?|[0-9]{1,4}( [A-Z])? \([IVXLC]+\)|[0-9]{4}/[0-9]{1,3})$")


def symbol_form() -> re.Pattern:
    return SYMBOL_FORM


def _undocs(symbol: str) -> str:
    """The official document address of a symbol: http://undocs.org/A/RES/63/225."""
    return UNDOCS + symbol.replace(" ", "")


def _cited_node(out: _Out, c) -> str:
    """A cited resolution. Symbols in a form the shapes refuse ("2200 A (XXI)", a bare "2006/2")
    are kept as the label of a Commitment node until the shapes accept them."""
    ref = refs.resolution(_citation_key(c))
    symbol = c.symbol.replace(" ", "") if re.fullmatch(r"A/RES/\S+ [A-H]", c.symbol) else c.symbol
    if symbol_form().match(symbol):
        out.mention(ref, "Resolution", c.label, c.start, c.end)
        out.attr(ref, "symbol", Value(symbol), c.start, c.end)
    else:
        out.mention(ref, "Commitment", c.label, c.start, c.end)
    if _UN_SYMBOL.match(symbol):
        out.attr(ref, "seeAlso", Value(_undocs(symbol)), c.start, c.end)
    if c.date:
        out.attr(ref, "dateAdopted", Value(c.date, "date" if len(c.date) == 10 else "gYear"), c.date_start,
                 c.date_end)
    return ref


def _citation_key(c) -> str:
    """Symbols with a body prefix are unique; a bare number is keyed with its issuer."""
    if _UN_SYMBOL.match(c.symbol) or not c.issuer:
        return c.symbol
    return f"{refs.slug(c.issuer)}/{c.symbol}"
