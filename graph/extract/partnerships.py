"""Ties between actors — who works with whom (`partneredWith`) and who pays (`fundedBy`) —
and the projects, programmes and initiatives agencies run.

Partnerships come from the phrases UN reports use for them ("in collaboration with",
"together with", "with the support of", "partnership between X and Y", "X and Y
convened …"); funding from "funded by", "financed by", "with financial support from".
The partner on each side must be an actor the actors extractor already names
(graph.extract.actor_index), so a tie never invents an organization.

A project or programme is kept as an Event (the contract has no Project class; like an
event it is organized by an agency and takes place in countries): its name, `organized`
by the agency that runs it, `heldIn` every country the text says it runs in.
"""
from __future__ import annotations

import re

from graph import refs
from graph.extract.actor_index import ActorIndex
from graph.extract.lexmatch import WORD
from graph.extract.sentences import split_sentences
from graph.lexicon import Lexicon
from graph.model import Attribute, Document, Evidence, Extraction, Mention, Relation, Value

_PARTNER_CUE = re.compile(
    r"\b(?:in\s+(?:close\s+)?(?:partnership|collaboration|cooperation|co-operation|association)\s+with"
    r"|(?:jointly|together|along)\s+with"
    r"|with\s+the\s+(?:technical\s+)?(?:support|assistance|cooperation|collaboration)\s+of"
    r"|partnered\s+with"
    r"|(?:(?:its|their|a|the)\s+)?(?:partnerships?|collaboration|cooperation|collaborative\s+work|joint\s+work|"
    r"working\s+relationships?)\s+with"
    r"|(?:established|built|developed|has|have|maintains?|maintained)\s+(?:a\s+|close\s+|strong\s+|working\s+)*"
    r"(?:relationship|relations|ties|links)\s+with"
    r"|(?:is|was|are|were|been|be)\s+(?:working|collaborating|cooperating|partnering)\s+(?:closely\s+)?with"
    r"|(?:co-?organi[sz]ed|jointly\s+organi[sz]ed|co-?convened|co-?hosted)\s+with"
    r"|co-?sponsored\s+by)\s+")
_BETWEEN = re.compile(r"\b(?:partnerships?|collaboration|cooperation|agreement|memorandum\s+of\s+understanding|"
                      r"MOU|joint\s+(?:project|programme|initiative))\s+(?:\w+\s+){0,2}?(?:between|among|of)\s+")
_CO_VERB = re.compile(r"\s+(?:had\s+|have\s+|has\s+)?(?:jointly\s+|also\s+)?(?:convened|organi[sz]ed|co-organi[sz]ed|"
                      r"launched|established|founded|signed|hosted|co-hosted|implemented|published)\b")
_FUND_CUE = re.compile(
    r"(?<![\w\-])(?:(?:funded|financed|co-?financed|co-?funded|sponsored|financially\s+supported|supported\s+financially)\s+by"
    r"|with\s+(?:the\s+)?(?:financial\s+support|funding|funds|financing|(?:a\s+)?grants?)\s+(?:from|of)"
    r"|(?:receives?|received|receiving)\s+(?:financial\s+support|funding|funds|(?:a\s+)?grants?)\s+from)\s+")
_REPORTING = re.compile(r"\s*(?:said|noted|stated|reported|explained|added|observed|stressed|mentioned|recalled|"
                        r"informed|pointed|described|concluded|replied|underscored|remarked)\b")
_FINITE = re.compile(r"(?:\s*\([A-Z][\w/&\-]*\))?\s+(?:would|will|is|was|are|were|has|had|have|also|can|could|"
                     r"shall|should|may|might|must|[a-z]+ed|[a-z]+s)\b")
_PREP_BEFORE = re.compile(r"\b(?:of|for|at|in|on|from|to|by|with|through|between|among|and)\s+(?:the\s+|its\s+)?$")

# projects, programmes, initiatives
_HEAD = r"(?:Programme|Program|Project|Initiative)"
_SMALL = r"(?:of|on|for|and|the|in|to|with|from|&)"
_NAME = re.compile(rf"(?<![\w\-])(?:[A-Z][\w’'\-–]*|\d+)(?:\s+(?:{_SMALL}\s+)*(?:[A-Z][\w’'\-–]*|\d+))*")
_OF_ORG_ON = re.compile(r"\b(?:the\s+)?(?P<kind>project|programme|program|initiative)\s+of\s+(?=\S)")
_LAUNCH = re.compile(r"\b(?P<verb>launched|started|initiated|established|set\s+up|leads?|led|will\s+lead|lead|"
                     r"(?:has\s+been\s+|is\s+|was\s+)?implementing|implements|implemented|runs|manages|coordinates|"
                     r"carrying\s+out|carries\s+out|carried\s+out)\s+(?:a\s+|an\s+|the\s+|its\s+)(?:new\s+)?")
_LOWER_NAME = re.compile(r"(?P<name>(?:initiative|project|programme)\s+on\s+[a-z][a-z\-]*(?:\s+(?:[a-z][a-z\-]*))*?)"
                         r"(?=\s*[.;,]|\s+(?:in|with|to|which|that|since|from)\b)")
_ANAPHOR = re.compile(r"\s*(?:(?:Currently|Now|Since\s+\d{4}|In\s+\d{4})[^,]{0,40},\s*)?(?:[Tt]he|[Tt]his|[Ii]ts)\s+"
                      r"(?:programme|project|initiative|program)\b")
_IN_COUNTRIES = re.compile(r"\bin\s+(?:(?:the\s+following|\w+|\d+)\s+)?(?:(?:pilot\s+|programme\s+|partner\s+)?"
                           r"countries|States)\b(?:[^.;:—–\n]{0,60}?[:—–]\s*|\s*)|\bin\s+(?=(?:the\s+)?[A-Z])")


def extract(document: Document, lexicon: Lexicon) -> Extraction:
    """partneredWith and fundedBy between actors, and project nodes with organized/heldIn."""
    text = document.text
    actors = ActorIndex(document, lexicon)
    out = Extraction()
    sentences = _sentences(text)
    done: set[tuple[str, str, str, int]] = set()

    def tie(a, prop: str, b, s: int, e: int) -> None:
        if a.ref == b.ref or (a.ref, prop, b.ref, s) in done:
            return
        done.add((a.ref, prop, b.ref, s))
        out.mentions += [a, b]
        out.relations.append(Relation(a.ref, prop, b.ref, Evidence(document.doc_id, s, e, text[s:e])))

    for ss, se in sentences:
        for subj, partners in _partners(text, actors, ss, se):
            for p in partners:
                tie(subj, "partneredWith", p, ss, se)
        for subj, funders in _funders(text, actors, ss, se):
            for f in funders:
                tie(subj, "fundedBy", f, ss, se)
    _projects(document, actors, sentences, out)
    _initiative_papers(document, actors, out)
    return out


def _initiative_papers(document: Document, actors: ActorIndex, out: Extraction) -> None:
    """A contributed paper titled by an initiative ("INITIATIVE ON GLOBAL MIGRATION AND HUMAN MOBILITY" /
    "The John D. and Catherine T. MacArthur Foundation") describes that organization's initiative."""
    from graph.extract.publications import contributed_papers

    text, doc = document.text, document.doc_id
    for title, s, e, quote, org in contributed_papers(text, actors):
        if not re.match(rf"{_HEAD}\s+(?:on|for|of|to)\s", title):
            continue
        ref = refs.event(title)
        out.mentions += [Mention(ref, "Event", title, Evidence(doc, s, e, text[s:e])), org]
        qs, qe = quote
        out.attributes.append(Attribute(ref, "status", Value("held"), Evidence(doc, qs, qe, text[qs:qe])))
        out.relations.append(Relation(org.ref, "organized", ref, Evidence(doc, qs, qe, text[qs:qe])))


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentences, joined across a soft line wrap (a line that ends mid-sentence and a next line that goes on)."""
    spans = split_sentences(text)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            gap = text[pe:s]
            # a wrapped line: one line break, no closing punctuation, and the next line goes on
            # (indented or in lower case)
            if re.fullmatch(r"[ \t]*\n[ \t]*", gap) and not re.search(r"[.:;!?]\W*$", text[ps:pe]) \
                    and (text[s:s + 1].islower() or gap.endswith((" ", "\t"))):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _subject(text: str, actors: ActorIndex, ss: int, pos: int):
    """The actor a partnership phrase at `pos` belongs to: the nearest actor before it in the sentence that is
    not the complement of a preposition, nor a speaker ("Ms. X said that …")."""
    for m in actors.before(pos, ss):
        if m.cls == "Country":
            continue
        if _PREP_BEFORE.search(text, max(ss, m.evidence.start - 14), m.evidence.start):
            continue
        if m.cls == "Person" and _REPORTING.match(text, m.evidence.end):
            continue
        return m
    return None


def _partners(text: str, actors: ActorIndex, ss: int, se: int):
    """(subject, [partners]) pairs said in one sentence."""
    found = []
    for m in _PARTNER_CUE.finditer(text, ss, se):
        objs = _objects(text, actors, m.end(), se)
        if not objs:
            continue
        subj = _subject(text, actors, ss, m.start())
        if subj is None and re.search(r"(?:^|[,;:]|\bthat)\s*$", text[ss:m.start()]):
            # "With the support of Spain and IOM, UNITAR would extend …": the subject follows the list
            after = re.match(r"(?:\s*\([A-Z][\w/&\-]*\))?\s*,\s*", text[objs[-1].evidence.end:se])
            if after:
                subj = actors.at(objs[-1].evidence.end + after.end())
            elif len(objs) >= 2 and re.fullmatch(r"(?:\s*\([A-Z][\w/&\-]*\))?\s*,\s*",
                                                 text[objs[-2].evidence.end:objs[-1].evidence.start]) \
                    and _FINITE.match(text, objs[-1].evidence.end):
                subj, objs = objs[-1], objs[:-1]  # the list swallowed the subject of the main clause
        if subj is not None and subj.cls != "Country":
            found.append((subj, [o for o in objs if o.ref != subj.ref]))
    # "partnership between UNIFEM and the Government of the Philippines", "an agreement among SEGIB, ECLAC and IOM"
    for m in _BETWEEN.finditer(text, ss, se):
        objs = [o for o in actors.list_at(m.end(), se) if o.cls != "Country"]
        for i, a in enumerate(objs):
            if objs[i + 1:]:
                found.append((a, objs[i + 1:]))
    # "In 2008, LAS and IOM had convened …": co-subjects of one verb
    lead = re.match(r"\s*(?:(?:In|During|By|Since|On)\s+[^,]{2,30},\s*)?", text[ss:se])
    start = ss + (lead.end() if lead else 0)
    objs = actors.list_at(start, se)
    if len(objs) >= 2 and all(o.cls not in ("Country", "Person") for o in objs) and \
            _CO_VERB.match(text, objs[-1].evidence.end + _acr_len(text, objs[-1].evidence.end)):
        for i, a in enumerate(objs[:-1]):
            found.append((a, objs[i + 1:]))
    return found


_INCLUDING = re.compile(r"(?:[\w\-]+\s+){0,4}?[\w\-]+\s*,?\s*(?:including|such\s+as|namely|notably|in\s+particular)\s+|"
                        r"(?:[\w\-]+\s+){1,6}?(?:in\s+[A-Z][\w\-]*\s+)?:\s*")
_MODIFIER = re.compile(r"\s+(?:[A-Z][a-z]|(?:country|team|teams|office|offices|task|working|staff)\b)")


def _objects(text: str, actors: ActorIndex, pos: int, end: int):
    """The partners named from `pos`: a plain list ("ILO, IOM and UNFPA"), or a class and its members
    ("Indian academic institutions, including the …, the … and the …": every actor up to the clause end
    that is not itself the complement of a preposition)."""
    objs = actors.list_at(pos, end)
    if objs:
        if _MODIFIER.match(text, objs[-1].evidence.end):
            objs = objs[:-1]  # "the ASEAN Task Force", "the United Nations country team": not that actor itself
        return objs
    inc = _INCLUDING.match(text, pos, end)
    if not inc:
        return []
    stop = re.search(r";|\.\s", text[inc.end():end])
    limit = inc.end() + stop.start() if stop else end
    return [a for a in actors.within(inc.end(), limit)
            if a.cls != "Person" and text[a.evidence.start - 1:a.evidence.start] != "(" and not re.search(r"\b(?:at|in|of|for|from)\s+(?:the\s+)?$",
                                                    text[max(pos, a.evidence.start - 10):a.evidence.start])
            and not _MODIFIER.match(text, a.evidence.end)]


def _acr_len(text: str, pos: int) -> int:
    m = re.match(r"\s*\([A-Z][\w/&\-]*\)", text[pos:pos + 20])
    return m.end() if m else 0


def _funders(text: str, actors: ActorIndex, ss: int, se: int):
    found = []
    for m in _FUND_CUE.finditer(text, ss, se):
        objs = _objects(text, actors, m.end(), se)
        if not objs:
            continue
        subj = _subject(text, actors, ss, m.start())
        # the funded actor is the one the phrase is attached to: "UNITAR, funded by X" / "UNITAR is funded by X"
        if subj is None:
            continue
        between = text[subj.evidence.end:m.start()]
        if not re.fullmatch(r"(?:\s*\([A-Z][\w/&\-]*\))?\s*,?\s*(?:(?:is|was|are|were|has\s+been|had\s+been|been|"
                            r"being|also|partly|partially|largely|mainly|jointly|generously)\s+)*", between):
            continue
        found.append((subj, [o for o in objs if o.ref != subj.ref]))
    return found


# ---- projects ------------------------------------------------------------------------------------

def _projects(document: Document, actors: ActorIndex, sentences: list[tuple[int, int]], out: Extraction) -> None:
    text, doc = document.text, document.doc_id

    def ev(s: int, e: int) -> Evidence:
        return Evidence(doc, s, e, text[s:e])

    last_in_para: tuple[str, int] | None = None  # (ref, paragraph start) of the last project named
    for k, (ss, se) in enumerate(sentences):
        para = text.rfind("\n", 0, ss)
        found = _project_names(text, actors, ss, se)
        if found:
            for name, ns, ne, aliases, organizers in found:
                ref = refs.event(name)
                out.mentions.append(Mention(ref, "Event", name, ev(ns, ne), aliases))
                out.attributes.append(Attribute(ref, "status", Value("held"), ev(ss, se)))
                for o in organizers:
                    out.mentions.append(o)
                    out.relations.append(Relation(o.ref, "organized", ref, ev(ss, se)))
                _held_in(text, actors, ref, ne, ss, se, out)
                last_in_para = (ref, para)
        elif last_in_para and last_in_para[1] == para:
            a = _ANAPHOR.match(text, ss, se)
            if a:  # "… Programme … since 2001. Currently in its second phase, the programme works … in nine countries"
                _held_in(text, actors, last_in_para[0], a.end(), ss, se, out)
        else:
            last_in_para = None


def _project_names(text: str, actors: ActorIndex, ss: int, se: int):
    """(name, start, end, aliases, organizers) for each project or programme named in one sentence."""
    out = []
    taken: list[tuple[int, int]] = []

    def add(name: str, s: int, e: int, aliases: tuple[str, ...], orgs) -> None:
        if any(a < e and s < b for a, b in taken):
            return
        taken.append((s, e))
        out.append((name, s, e, tuple(a for a in dict.fromkeys(aliases) if a != name), orgs))

    # "The project of UN-INSTRAW on Gender and Remittances: Building …"
    for m in _OF_ORG_ON.finditer(text, ss, se):
        org = actors.at(m.end())
        if org is None or org.cls in ("Person", "Country"):
            continue
        on = re.match(r"\s*(?:\([A-Z][\w/&\-]*\)\s*)?\s+on\s+", text[org.evidence.end:se])
        if not on:
            continue
        ts = org.evidence.end + on.end()
        title = _title_at(text, ts, se)
        if title:
            te = ts + len(title)
            written = " ".join(text[m.start("kind"):te].split())
            add(title, ts, te, (written, _main(written), _main(title)), [org])
    # "the UNIFEM Asia Pacific … Regional Programme on Empowering Women Migrant Workers in Asia"
    for m in re.finditer(rf"\b{_HEAD}\b", text[ss:se]):
        hs = ss + m.start()
        start = _name_start(text, ss, hs)
        if start is None:
            continue
        run = _NAME.match(text, start, se)
        if not run or run.end() < hs + len(m.group()):
            continue
        name = _trim(text[start:run.end()])
        for c in actors.within(start, start + len(name)):
            if c.cls == "Country" and c.evidence.start > hs and \
                    re.search(r"\s(?:in|to|for)\s+(?:the\s+)?$", text[start:c.evidence.start]):
                # "… Programme in Nepal and Sri Lanka": where it runs, not its name
                cut = re.search(r"\s(?:in|to|for)\s+(?:the\s+)?$", text[start:c.evidence.start])
                name = _trim(text[start:start + cut.start()])
                break
        name = re.sub(r"(?:\s+(?:in|since|from|of)\s+\d{4})+$", "", name)
        if len(WORD.findall(name)) < 3 or re.search(rf"{_HEAD}\s+of\s+Action\b", name) \
                or re.match(r"(?:Regional|National|Global|New|This|That|The)\s+" + _HEAD + "$", name):
            continue
        e = start + len(name)
        inner = actors.within(start, e)
        if any(a.evidence.start == start and a.evidence.end == e for a in inner):
            continue  # an organization's own name ("United Nations Development Programme")
        if any(a.evidence.start <= hs < a.evidence.end for a in inner):
            continue  # the head word belongs to an organization named inside
        orgs = [a for a in inner if a.cls not in ("Person", "Country")]
        verb = None
        for v in _LAUNCH.finditer(text, ss, start):
            if v.end() >= start - 5:
                verb = v
        if verb is not None:
            orgs = [*actors.subject(ss, verb.start()), *orgs]
        if not orgs:
            continue  # nobody runs it: an unnamed thing ("Work Programme")
        acr = re.match(r"\s*\(([A-Z][\w/&\-]*)\)", text[e:e + 20])
        add(name, start, e, (acr.group(1),) if acr else (), list({o.ref: o for o in orgs}.values()))
    # "the IUSSP launched a new initiative on international migration and co-development"
    for v in _LAUNCH.finditer(text, ss, se):
        low = _LOWER_NAME.match(text, v.end(), se)
        if low:
            orgs = actors.subject(ss, v.start())
            if orgs:
                add(low.group("name"), low.start(), low.end(), (), orgs)
            continue
        # "ECLAC, through CELADE, will lead the development account project Strengthening National Capacities …"
        kind = re.match(r"(?:[a-z]+\s+){0,3}?(?:project|programme|initiative)\s+(?=[A-Z])", text[v.end():se])
        if kind:
            ts = v.end() + kind.end()
            title = _title_at(text, ts, se)
            orgs = actors.subject(ss, v.start())
            if title and orgs:
                te = ts + len(title)
                written = " ".join(text[v.end():te].split())
                # the name as written, and without its subtitle: "development account project Strengthening …"
                add(title, ts, te, (written, _main(written), _main(title)), orgs)
    return out


def _name_start(text: str, floor: int, head: int) -> int | None:
    """Where a capitalised name containing the head word at `head` begins: right after "the"."""
    i = head
    words = list(re.finditer(r"[\w’'\-–]+", text[max(floor, head - 200):head]))
    base = max(floor, head - 200)
    start = None
    adjective = None
    for w in reversed(words):
        tok = w.group()
        if tok in ("the", "The", "its", "their"):
            start = i if adjective is None else adjective
            break
        if adjective is not None:
            break
        if not (tok[:1].isupper() or tok in ("of", "on", "for", "and", "in", "&")):
            if tok in ("new", "joint", "regional", "global", "national", "current", "ongoing", "multi-year"):
                adjective = i  # "the new European Commission–United Nations Joint … Initiative"
                continue
            break
        i = base + w.start()
    return start


def _title_at(text: str, pos: int, limit: int) -> str:
    """A title-case run with an optional subtitle after a colon: "Gender and Remittances: Building …"."""
    run = _NAME.match(text, pos, limit)
    if not run:
        return ""
    end = run.end()
    sub = re.match(r":\s+", text[end:limit])
    if sub:
        run2 = _NAME.match(text, end + sub.end(), limit)
        if run2:
            end = run2.end()
    title = _trim(text[pos:end])
    return title if len(WORD.findall(title)) >= 2 else ""


def _trim(name: str) -> str:
    name = re.sub(r"(?:\s+(?:of|on|for|and|the|in|to|with|from|&))+$", "", " ".join(name.split()))
    return name.strip(" ,;:")


def _main(title: str) -> str:
    return title.split(":")[0].strip()


def _held_in(text: str, actors: ActorIndex, ref: str, pos: int, ss: int, se: int, out: Extraction) -> None:
    """heldIn each country listed after "in" following the project name in its sentence."""
    stop = re.search(r";\s|,\s+and\s+[a-z]+ed\b|\s+and\s+(?:produced|published|has|have|had)\b", text[pos:se])
    end = pos + stop.start() if stop else se
    cue = _IN_COUNTRIES.search(text, pos, end)
    if not cue:
        return
    countries = [a for a in actors.within(cue.end() - 1, end) if a.cls == "Country"]
    if not countries or countries[0].evidence.start - cue.end() > 12:
        return
    doc = out.mentions[-1].evidence.doc if out.mentions else ""
    for c in dict((c.ref, c) for c in countries).values():
        out.mentions.append(c)
        out.relations.append(Relation(ref, "heldIn", c.ref, Evidence(c.evidence.doc or doc, ss, se, text[ss:se])))
