"""Knowledge graphs for tests and benchmarks, in the exact shape graph/build.py produces.

Every Evidence is a real slice of its Document's text, so writers that check
`text[start:end] == quote` accept these graphs. Names are invented (Republic of
Arnor, Minas Tirith) except where a test needs a real acronym such as IOM.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

import networkx as nx

from graph.model import Document, Evidence, Value

BASE = "https://w3id.org/migkg/id/"


@dataclass
class KGBuilder:
    """Writes one document sentence by sentence and records nodes and edges with evidence."""

    doc_id: str = "test-doc"
    title: str = "Test document"
    base: str = BASE
    parts: list[str] = field(default_factory=list)
    size: int = 0
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)

    def sentence(self, text: str) -> Evidence:
        """Append a sentence to the document and return evidence for all of it."""
        start = self.size
        self.parts.append(text + "\n")
        self.size += len(text) + 1
        return Evidence(self.doc_id, start, start + len(text), text)

    def node(self, nid: str, cls: str, label: str, alt: tuple[str, ...] = (),
             attrs: tuple[tuple[str, str, str], ...] = ()) -> str:
        """Add an entity; its label (and each attribute) gets a sentence of its own."""
        ev = self.sentence(f"{label} is mentioned here.")
        label_ev = Evidence(ev.doc, ev.start, ev.start + len(label), label)
        attributes = []
        for prop, lexical, datatype in attrs:
            a = self.sentence(f"The {prop} of {label} is {lexical}.")
            attributes.append((prop, Value(lexical, datatype), (a,)))  # type: ignore[arg-type]
        self.graph.add_node(nid, cls=cls, label=label, alt_labels=tuple(alt),
                            label_evidence=(label_ev,), attributes=tuple(attributes))
        return nid

    def edge(self, s: str, prop: str, o: str, quote: str | None = None) -> None:
        """Add a typed edge whose evidence is `quote` (or a generated sentence)."""
        sl = self.graph.nodes[s]["label"]
        ol = self.graph.nodes[o]["label"]
        ev = self.sentence(quote or f"{sl} {prop} {ol}.")
        self.graph.add_edge(s, o, key=prop, prop=prop, evidence=(ev,))

    def build(self) -> nx.MultiDiGraph:
        text = "".join(self.parts)
        doc = Document(self.doc_id, f"{self.doc_id}.txt", self.title, text,
                       hashlib.sha256(text.encode()).hexdigest())
        self.graph.graph["documents"] = (doc,)
        self.graph.graph["base"] = self.base
        return self.graph


def small_kg() -> nx.MultiDiGraph:
    """A dozen entities: agencies with acronyms, a meeting in a series, a resolution."""
    b = KGBuilder(doc_id="arnor-meeting-2031", title="Report of the Fifth Meeting on Migration")
    iom = b.node("organization/international-organization-for-migration", "IntergovernmentalOrganization",
                 "International Organization for Migration", alt=("IOM",), attrs=(("acronym", "IOM", "string"),))
    desa = b.node("organization/department-of-economic-and-social-affairs", "UNEntity",
                  "Department of Economic and Social Affairs", alt=("DESA", "UN/DESA"),
                  attrs=(("acronym", "DESA", "string"),))
    arnor = b.node("country/ARN", "Country", "Republic of Arnor", attrs=(("isoCode", "ARN", "string"),))
    manila = b.node("place/manila", "City", "Manila")
    phl = b.node("country/PHL", "Country", "Philippines", attrs=(("isoCode", "PHL", "string"),))
    series = b.node("series/coordination-meeting-on-international-migration", "EventSeries",
                    "Coordination Meeting on International Migration")
    m5 = b.node("event/fifth-coordination-meeting", "Meeting", "Fifth Coordination Meeting",
                attrs=(("startDate", "2031-11-20", "date"), ("endDate", "2031-11-21", "date")))
    m4 = b.node("event/fourth-coordination-meeting", "Meeting", "Fourth Coordination Meeting",
                attrs=(("startDate", "2030-10", "gYearMonth"),))
    gfmd = b.node("event/global-forum-2031", "Forum", "Global Forum on Migration and Development 2031",
                  alt=("GFMD",), attrs=(("startDate", "2031", "gYear"),))
    person = b.node("person/aria-valen", "Person", "Aria Valen", attrs=(("jobTitle", "Director", "string"),))
    res = b.node("resolution/A-RES-99-1", "Resolution", "International migration and development (A/RES/99/1)",
                 attrs=(("symbol", "A/RES/99/1", "string"), ("dateAdopted", "2031-12-19", "date")))
    para = b.node("resolution/A-RES-99-1/para-5", "Provision", "A/RES/99/1, paragraph 5",
                  attrs=(("provisionNumber", "5", "integer"), ("operativeVerb", "Requests", "string")))
    sg = b.node("person/secretary-general", "Person", "Secretary-General")
    b.edge(desa, "organized", m5, "The meeting was organized by the Department of Economic and Social Affairs.")
    b.edge(iom, "attended", m5, "The International Organization for Migration (IOM) attended the meeting.")
    b.edge(m5, "heldIn", manila, "The meeting was held in Manila, Philippines, on 20-21 November 2031.")
    b.edge(manila, "locatedIn", phl)
    b.edge(m5, "partOf", series)
    b.edge(m4, "partOf", series)
    b.edge(arnor, "hosted", gfmd)
    b.edge(iom, "attended", gfmd)
    b.edge(person, "memberOf", iom)
    b.edge(person, "chaired", m5)
    b.edge(res, "hasProvision", para)
    b.edge(para, "addressedTo", sg, "5. Requests the Secretary-General to submit a report.")
    b.edge(res, "requested", sg)
    return b.build()


XSS_LABELS = (
    '<script>window.__xss = "script"</script>Evil Agency',
    '<img src=x onerror="window.__xss = \'img\'">Imaginary Institute',
    'O\'Brien "Quoted" Foundation \\ back\\slash',
    '</script><script>window.__xss = "breakout"</script>',
    '<svg onload="window.__xss=\'svg\'">Svg Council',
)


def xss_kg() -> nx.MultiDiGraph:
    """Labels, alt labels, attributes and quotes that would run script if inserted as HTML."""
    b = KGBuilder(doc_id='doc-<b>"x"</b>', title='<img src=x onerror="window.__xss=\'title\'">Title')
    ids = []
    for i, label in enumerate(XSS_LABELS):
        ids.append(b.node(f"organization/evil-{i}", "NonGovernmentalOrganization", label,
                          alt=(f"<b onmouseover=\"window.__xss='alt{i}'\">ALT{i}</b>",),
                          attrs=(("text", f"<img src=x onerror=\"window.__xss='attr{i}'\">", "string"),)))
    ev = b.node("event/evil-meeting", "Meeting", "Meeting of <i>the</i> \"Evil\" & 'Odd'",
                attrs=(("startDate", "2030-01-02", "date"),))
    for i, nid in enumerate(ids):
        b.edge(nid, "attended", ev, f"<img src=x onerror=\"window.__xss='quote{i}'\"> attended \\ \"it\"")
    b.edge(ids[0], "partneredWith", ids[1], "<script>window.__xss='quote-script'</script>")
    return b.build()


def synthetic_kg(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """About `n` nodes shaped like migkg output: agencies, people, meetings, resolutions, places."""
    rnd = random.Random(seed)
    b = KGBuilder(doc_id=f"synthetic-{n}", title=f"Synthetic corpus of {n} entities")
    n_country = max(5, n // 50)
    n_city = max(5, n // 25)
    n_org = max(5, n // 8)
    n_series = max(2, n // 200)
    n_event = max(5, n // 8)
    n_res = max(2, n // 60)
    countries = [b.node(f"country/C{i:04d}", "Country", f"Country {i}") for i in range(n_country)]
    cities = [b.node(f"place/city-{i}", "City", f"City {i}") for i in range(n_city)]
    for c in cities:
        b.edge(c, "locatedIn", rnd.choice(countries))
    org_classes = ("UNEntity", "IntergovernmentalOrganization", "NonGovernmentalOrganization",
                   "AcademicInstitution", "GovernmentBody", "Foundation")
    orgs = [b.node(f"organization/org-{i}", rnd.choice(org_classes), f"Organization {i}",
                   alt=(f"O{i}",)) for i in range(n_org)]
    for o in orgs:
        if rnd.random() < 0.5:
            b.edge(o, "locatedIn", rnd.choice(cities))
    series = [b.node(f"series/series-{i}", "EventSeries", f"Meeting Series {i}") for i in range(n_series)]
    ev_classes = ("Meeting", "Conference", "Forum", "Workshop", "Dialogue", "Symposium")
    events = []
    for i in range(n_event):
        year = 2000 + rnd.randrange(25)
        e = b.node(f"event/event-{i}", rnd.choice(ev_classes), f"Event {i}",
                   attrs=(("startDate", f"{year}-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 28):02d}", "date"),))
        events.append(e)
        b.edge(e, "heldIn", rnd.choice(cities))
        b.edge(e, "partOf", rnd.choice(series))
        for o in rnd.sample(orgs, 2):
            b.edge(o, rnd.choice(("organized", "attended", "attended", "hosted")), e)
    resolutions = []
    provisions = []
    for i in range(n_res):
        r = b.node(f"resolution/A-RES-{i}", "Resolution", f"A/RES/{i}",
                   attrs=(("symbol", f"A/RES/{i}", "string"), ("dateAdopted", f"{2000 + i % 25}-12-19", "date")))
        resolutions.append(r)
        for p in range(1, 6):
            pid = b.node(f"resolution/A-RES-{i}/para-{p}", "Provision", f"A/RES/{i}, paragraph {p}",
                         attrs=(("provisionNumber", str(p), "integer"),))
            provisions.append(pid)
            b.edge(r, "hasProvision", pid)
            b.edge(pid, "addressedTo", rnd.choice(orgs))
    used = len(b.graph)
    for i in range(max(0, n - used)):
        p = b.node(f"person/person-{i}", "Person", f"Person {i}", attrs=(("jobTitle", "Delegate", "string"),))
        b.edge(p, "memberOf", rnd.choice(orgs))
        if rnd.random() < 0.3:
            b.edge(p, "attended", rnd.choice(events))
    return b.build()
