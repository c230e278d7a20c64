"""Projects, programmes and initiatives, as Project nodes (not Events: nothing was held).

Like an event, a project is organized by an agency and runs in places. So: its name ("The project of UN-INSTRAW on Gender and
Remittances: …", "the UNIFEM … Regional Programme on …", "launched a new initiative on
…"), `organized` by the agency that runs it (the subject of "implementing", "launched",
"will lead", or an agency named in the name itself), `heldIn` every country the text
says it runs in.
"""
from __future__ import annotations

import re

from graph import refs
from graph.extract.actor_index import ActorIndex
from graph.extract.lexmatch import WORD
from graph.extract.paper_headings import contributed_papers
from graph.model import Evidence, Extraction, Mention, Relation
from graph.reading import Reading

_HEAD = r"(?:Programme|Program|Project|Initiative)"
_SMALL = r"(?:of|on|for|and|the|in|to|with|from|&)"
_NAME = re.compile(rf"(?<![\w\-])(?:[A-Z][\w’'\-–]*|\d+)(?:\s+(?:{_SMALL}\s+)*(?:[A-Z][\w’'\-–]*|\d+))*")
_OF_ORG_ON = re.compile(r"\b(?:the\s+)?(?P<kind>project|programme|program|initiative)\s+of\s+(?=\S)")
_LAUNCH = re.compile(r"\b(?P<verb>launched|started|initiated|established|set\s+up|leads?|led|will\s+lead|lead|"
                     r"(?:has\s+been\s+|is\s+|was\s+)?implementing|implements|implemented|runs|manages|coordinates|"
                     r"carrying\s+out|carries\s+out|carried\s+out)\s+(?:a\s+|an\s+|the\s+|its\s+)(?:new\s+)?")
_QUOTED_NAME = re.compile(r"\b(?:project|programme|program|initiative)\s+[\"\u201c](?P<t>[^\"\u201d\n]{5,120})[\"\u201d]", re.I)
_LOWER_NAME = re.compile(r"(?P<name>(?:initiative|project|programme)\s+on\s+[a-z][a-z\-]*(?:\s+(?:[a-z][a-z\-]*))*?)"
                         r"(?=\s*[.;,]|\s+(?:in|with|to|which|that|since|from)\b)")
_ANAPHOR = re.compile(r"\s*(?:(?:Currently|Now|Since\s+\d{4}|In\s+\d{4})[^,]{0,40},\s*)?(?:[Tt]he|[Tt]his|[Ii]ts)\s+"
                      r"(?:programme|project|initiative|program)\b")
_IN_COUNTRIES = re.compile(r"\bin\s+(?:(?:the\s+following|\w+|\d+)\s+)?(?:(?:pilot\s+|programme\s+|partner\s+)?"
                           r"countries|States)\b(?:[^.;:—–\n]{0,60}?[:—–]\s*|\s*)|\bin\s+(?=(?:the\s+)?[A-Z])")


def find_projects(document: Reading, actors: ActorIndex, sentences: list[tuple[int, int]], out: Extraction) -> None:
    """Project nodes named sentence by sentence, with organized and heldIn, added to `out`."""
    text, doc = document.text, document.doc_id

    def ev(s: int, e: int) -> Evidence:
        return Evidence(doc, s, e, text[s:e])

    last_in_para: tuple[str, int] | None = None  # (ref, paragraph start) of the last project named
    for k, (ss, se) in enumerate(sentences):
        para = text.rfind("\n", 0, ss)
        found = _project_names(text, actors, ss, se)
        if found:
            for name, ns, ne, aliases, organizers in found:
                ref = refs.project(name)
                out.mentions.append(Mention(ref, "Project", name, ev(ns, ne), aliases))
                for o in organizers:
                    out.mentions.append(o)
                    out.relations.append(Relation(o.ref, "organized", ref, ev(ss, se)))
                _held_in(text, actors, ref, ne, ss, se, out)
                last_in_para = (ref, para)
        elif last_in_para and last_in_para[1] == para:
            a = _ANAPHOR.match(text, ss, se)
            if a:  # "… Programme … since 2001. Currently in its second phase, the programme works … in nine …"
                _held_in(text, actors, last_in_para[0], a.end(), ss, se, out)
        else:
            last_in_para = None


def initiative_papers(document: Reading, actors: ActorIndex, out: Extraction) -> None:
    """A contributed paper titled by an initiative ("INITIATIVE ON GLOBAL MIGRATION AND HUMAN MOBILITY" /
    "The John D. and Catherine T. MacArthur Foundation") describes that organization's initiative."""
    text, doc = document.text, document.doc_id
    for title, s, e, quote, org in contributed_papers(text, actors):
        if not re.match(rf"{_HEAD}\s+(?:on|for|of|to)\s", title):
            continue
        ref = refs.project(title)
        out.mentions += [Mention(ref, "Project", title, Evidence(doc, s, e, text[s:e])), org]
        qs, qe = quote
        out.relations.append(Relation(org.ref, "organized", ref, Evidence(doc, qs, qe, text[qs:qe])))


def _project_names(text: str, actors: ActorIndex, ss: int,
                   se: int) -> list[tuple[str, int, int, tuple[str, ...], list[Mention]]]:
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
        acr = re.match(r"\s*\(([A-Z][\w/&\-]*)\)", text[e:e + 20])
        if not orgs and not (acr or len(WORD.findall(name)) >= 4):
            continue  # nobody runs it and nothing names it: an unnamed thing ("Work Programme")
        add(name, start, e, (acr.group(1),) if acr else (), list({o.ref: o for o in orgs}.values()))
    # 'The project "Climate and Mobility in Small Islands" (CAMSI)': a name in quotes after the word
    for m in _QUOTED_NAME.finditer(text, ss, se):
        title = " ".join(m.group("t").split())
        if len(WORD.findall(title)) >= 2 and title[:1].isupper():
            acr = re.match(r"\s*\(([A-Z][\w/&\-]*)\)", text[m.end():m.end() + 20])
            add(title, m.start("t"), m.end("t"), (acr.group(1),) if acr else (), [])
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
