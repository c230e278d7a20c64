"""Publications and reports: what a document cites, announces or collects, and who
published or presented them.

Sources, each a layout or phrasing UN reports share:

- reference-list entries, "Author (2008a). Title. *Series*. Place: Publisher.";
- titles in running text, in italics ("*World Migration 2008*") or quotes, next to a
  publication word ("published a report entitled …", "the book …", "(Betts, 2008a)");
- lists introduced by "X completed the following publications:";
- report documents of meetings ("the summary report of the first meeting of …");
- contributed papers: an all-caps paper title followed by the contributing
  organization's name (contents page and paper headings).

A Publication node needs a real title, so running text only yields one with a
publication cue; actors are linked only where the actors extractor already names
one (graph.extract.actor_index), never invented here.
"""
from __future__ import annotations

import re

from graph import refs
from graph.extract.actor_index import ActorIndex
from graph.extract.lexmatch import WORD
from graph.extract.paper_headings import contributed_papers
from graph.extract.reference_lists import read_references
from graph.extract.titles import TITLE_RUN, Sighting, clean_title, document_class, real_title, title_case, trim_run
from graph.lexicon import Lexicon
from graph.model import Attribute, Document, Evidence, Extraction, Mention, Relation, Value
from graph.reading import Reading, Sentences, reads

_ITALIC = re.compile(r"(?<![*A-Za-z0-9])\*(?P<t>[A-Z0-9“\"'][^*\n]{2,250}?)\*(?![*A-Za-z0-9])")
_QUOTED = re.compile(r"[\"“](?P<t>[A-Z][^\"“”\n]{4,150}?)[\"”]")
_CUE = re.compile(r"\b(?:publications?|reports?|books?|papers?|study|studies|briefs?|entitled|titled|published|"
                  r"produced|launched|issued|released|compendium|manual|handbook|guide|yearbook|fact-?sheets?|"
                  r"bulletin|volume)\b", re.I)
_NOT_DOC = re.compile(r"\b(?:journal|magazine|newsletter|series|session|conference|meeting|forum|summit|"
                      r"convention|resolution|declaration)\s*$", re.I)
_CITATION = re.compile(r"\s*\((?P<who>[A-Z][^()\d;]{1,90}?),\s*(?:19|20)\d\d[a-z]?\)")
_VERB = re.compile(r"\b(?P<v>published|produced|launched|issued|released|prepared|presented|submitted|introduced|"
                   r"completed|edited|compiled)\b")
_BY_AFTER = re.compile(r"[,]?\s+(?P<v>prepared|published|produced|issued|written|edited|compiled|presented|submitted|"
                       r"introduced|launched)\s+by\s+")
_THIS_BY = re.compile(r"(?:This|The)\s+(?:paper|report|study|book|publication|brief|fact-sheet|volume)\s*,\s*"
                      r"(?P<v>prepared|published|produced|written|edited|issued|presented|submitted)\s+by\s+")
_AFTER_VERB = re.compile(r"\b(?:published|launched|released|issued|produced|presented)\s+(?:(?:its|their|the|a|an)\s+)?"
                         r"(?:(?:new|latest|annual|flagship|first|second)\s+)*"
                         r"(?P<kind>(?:report|book|study|publication|paper|handbook|manual|guide|policy\s+brief)\s+)?"
                         r"(?=[A-Z0-9])")
_OF_ACTOR = re.compile(r"\b(?:publication|report|book|study|paper)\s+of\s+")
_LIST_LEAD = re.compile(r"\b(?P<v>completed|published|produced|issued|released|prepared|launched|presented)\s+"
                        r"(?:the\s+following|several|a\s+number\s+of|these)\s+"
                        r"(?:publications|reports|studies|papers|books)"
                        r"[^:\n]{0,40}:", re.I)
_EVENT_REPORT = re.compile(
    r"\b(?P<kind>[Ss]ummary|[Ff]ull|[Ff]inal|[Aa]nnual|[Pp]rogress|[Ii]nterim)\s+report\s+of\s+the\s+"
    r"(?P<what>(?:(?:[a-z]+(?:-[a-z]+)?)\s+){0,2}(?:meeting|session|conference|forum|summit|dialogue)\s+of\s+the\s+"
    r"[A-Z][\w’'\-]*(?:\s+(?:on|of|and|for|the|[A-Z][\w’'\-]*))*"
    r"|[A-Z][\w’'\-]*(?:\s+(?:on|of|and|for|the|[A-Z][\w’'\-]*))*)")
_OUTPUTS = re.compile(r"\b(?:outputs?|publications?|products?|flagship\s+reports?)\s+of\s+"
                      r"(?P<who>(?:the\s+)?[A-Z][\w/\-]*(?:\s+[A-Z][\w/\-]*)*)\s+(?:were|was|are|is|include[sd]?)\b")
_REPORT_GIVER = re.compile(r"\b(?:transmission|submission|presentation)\s+(?:to\s+[^,;]{1,60}?\s+)?by\s+")
_EVENT_WORD = re.compile(r"\b(?:symposium|meeting|conference|session|workshop|seminar|forum|event|panel|round\s+table|"
                         r"dialogue|summit|consultation|course|campaign)s?\b[^.;]{0,25}$", re.I)
_PRESENTED_AFTER = re.compile(r"[^\sA-Za-z]{0,3}\s*(?:that|which)\s+(?:was|were|had\s+been|has\s+been)\s+"
                              r"(?:\w+\s+)?presented\b")
_DOC_HEADS = frozenset("Recommendations Manual Handbook Guide Guidelines Compendium Yearbook Factbook Atlas "
                       "Principles Directory Glossary Survey".split())


def pub_ref(title: str) -> str:
    """Ref of a publication: the `document` family, keyed "pub-<slug of the title>" (a long title's slug
    carries a digest of the whole, so two titles sharing their beginning stay apart)."""
    return "document:pub-" + refs.slug(title)


def symbol_ref(symbol: str) -> str:
    """Ref of a document known by its UN symbol: the key the resolutions extractor gives a cited document,
    so a report listed in references and cited in a resolution is one node."""
    return refs.document(refs.symbol_slug(symbol))


@reads
def extract(document: Reading, lexicon: Lexicon, actors: ActorIndex | None = None) -> Extraction:
    """Publication/Report nodes with `published` and `presented` edges for one document's reading."""
    text = document.text
    actors = actors or ActorIndex.of(document, lexicon)
    pubs: list[Sighting] = []
    bib_lines: set[int] = set()
    pubs += read_references(text, actors, bib_lines, document.title)
    pubs += _running_text(text, document.sentences, actors, bib_lines)
    pubs += _event_reports(text, document.sentences, actors)
    pubs += _contributed_papers(text, actors)
    pubs += _listed_documents(text)
    return _emit(document, pubs)


def _running_text(text: str, sentences: Sentences, actors: ActorIndex, bib_lines: set[int]) -> list[Sighting]:
    out: list[Sighting] = []
    lists = _list_blocks(text, actors)
    for ss, se in sentences:
        line_start = text.rfind("\n", 0, ss) + 1
        if line_start in bib_lines:
            continue
        found: list[Sighting] = []
        for m in _ITALIC.finditer(text, ss, se):
            ts = m.start("t")
            title = clean_title(m.group("t"))
            if not real_title(title) or _NOT_DOC.search(text[max(ss, ts - 30):ts - 1]):
                continue
            cited = _CITATION.match(text, m.end())
            in_list = any(a <= ts < b for _, a, b, _ in lists)
            if not (cited or in_list or _CUE.search(text, max(ss, ts - 90), ts - 1)):
                continue
            kind = document_class(title, text[max(ss, ts - 40):ts])
            found.append(Sighting(title, ts, ts + len(title), (ss, se), kind))
        for m in _QUOTED.finditer(text, ss, se):
            ts = m.start("t")
            title = clean_title(m.group("t"))
            window = text[max(ss, ts - 60):ts]
            if not real_title(title) or not re.search(r"\b(?:report|paper|study|publication|book|entitled|titled|"
                                                       r"brief|atlas|handbook|guide|note|series|review|survey)\b",
                                                       window, re.I):
                continue
            if not title_case(title):
                continue
            found.append(Sighting(title, ts, ts + len(title), (ss, se), document_class(title, window)))
        found += _plain_titles(text, ss, se, found, actors.at)
        found += _report_titles(text, ss, se, found)
        outputs = _OUTPUTS.search(text, ss, se)
        owner = _owner(text, actors, outputs.start("who"), outputs.end("who")) if outputs else None
        for p in found:
            _attach_actors(text, p, actors, ss, se)
            if owner is not None and p.start > outputs.end() and owner not in p.published:
                p.published.append(owner)  # "Two key outputs of the Division were the Recommendations on …"
            for lead, a, b, who in lists:
                if a <= p.start < b:
                    p.published += [w for w in who if w not in p.published]
                    p.quote = (lead, p.quote[1])  # the lead sentence names the publisher
        # "This paper, prepared by IOM, will analyse …": the title named in the sentence before
        this = _THIS_BY.search(text, ss, se)
        earlier = [p for p in found if this and p.end <= this.start()]
        if not earlier and this and out and text.rfind("\n", 0, ss) < out[-1].start:
            earlier = [out[-1]]
        if this and earlier:
            prev = earlier[-1]
            who = actors.list_at(this.end(), se)
            (prev.presented if this.group("v") in ("presented", "submitted") else prev.published).extend(who)
            if who:
                prev.quote = (prev.quote[0], se)
        out += found
    out += _item_titles(text, lists, out)
    return out


_TITLE_WORDS = r"[A-Z][\w’'\-]*(?:(?::\s+|\s+)(?:(?:on|of|the|and|in|for|to|with|at|by|from|a)\s+)*[A-Z][\w’'\-]*)*"
# "his report on International Migration and Development", "a McKinsey report: People on the Move: …"
_REPORT_TITLE = re.compile(rf"\b(?P<kind>report|study)(?P<on>\s+on\s+|\s+of\s+|:\s+)(?P<t>{_TITLE_WORDS})")


def _report_titles(text: str, ss: int, se: int, taken: list[Sighting]) -> list[Sighting]:
    """A report named by its subject ("the report on X") or by a title after a colon."""
    out = []
    for m in _REPORT_TITLE.finditer(text, ss, se):
        if any(p.start <= m.start("t") < p.end for p in taken):
            continue
        title = clean_title(m.group("t"))
        if not (real_title(title) and title_case(title)) or len(title.split()) < 3:
            continue
        if m.group("on").strip() == ":":
            s, e = m.start("t"), m.start("t") + len(title)
        else:  # the report has no title of its own: it is named by its subject
            s, e = m.start("kind"), m.start("t") + len(title)
            title = text[s:e]
        out.append(Sighting(" ".join(title.split()), s, e, (ss, se), "Report" if m.group("kind") == "report" else "Publication"))
    return out


_ITEM = re.compile(r"[ \t]*(?:[-\u2022*]|\(\w{1,3}\))[ \t]+")
_ITEM_TITLE = re.compile(r"[^,;(\n]+")


def _item_titles(text: str, lists: list[tuple[int, int, int, list[Mention]]], found: list[Sighting]) -> list[Sighting]:
    """An item of a list of publications that starts with a plain title ("(a) Caribbean Outlook 2031, the
    flagship report …"): the title runs to the first comma, bracket or semicolon."""
    out = []
    for lead, a, b, who in lists:
        for line in re.finditer(r"[^\n]+", text[a:b]):
            ls, le = a + line.start(), a + line.end()
            mark = _ITEM.match(text, ls, le)
            if mark is None or any(mark.end() <= p.start <= mark.end() + 40 for p in found):
                continue
            run = _ITEM_TITLE.match(text, mark.end(), le)
            title = clean_title(run.group()) if run else ""
            if not (title and real_title(title) and title_case(title)):
                continue
            ts = mark.end()
            out.append(Sighting(title, ts, ts + len(title), (lead, le), document_class(title, ""), list(who)))
    return out


def _owner(text: str, actors: ActorIndex, s: int, e: int) -> Mention | None:
    """The actor a possessive phrase names: "of IOM", or "of the Division" for the last Division named
    in the paragraph."""
    who = actors.at(s)
    if who is not None and who.evidence.end <= e:
        return who
    head = re.fullmatch(r"(?:the\s+)?([A-Z][a-z]+)", text[s:e].strip())
    if head is None:
        return None
    para = text.rfind("\n\n", 0, s)
    for m in actors.before(s, max(para, 0)):
        if m.cls not in ("Person", "Country") and m.label.split()[-1] == head.group(1):
            return m
    return None


def _plain_titles(text: str, ss: int, se: int, taken: list[Sighting], actors_at) -> list[Sighting]:
    """Titles without italics: "the report entitled Principles and …", "the Manual on Statistics of …",
    and title-case runs cited with author and year ("A Gendered Assessment of the Brain Drain (Docquier, 2008)")."""
    out: list[Sighting] = []
    busy = [(p.start, p.end) for p in taken]

    def add(ts: int, te: int, ctx: str) -> None:
        title = clean_title(text[ts:te])
        te = ts + len(title)
        if not real_title(title) or not title_case(title) or any(a < te and ts < b for a, b in busy):
            return
        busy.append((ts, te))
        out.append(Sighting(title, ts, te, (ss, se), document_class(title, ctx)))

    for m in re.finditer(r"\b(?:entitled|titled)\s+(?=[A-Z])", text[ss:se]):
        if _EVENT_WORD.search(text, max(ss, ss + m.start() - 40), ss + m.start()):
            continue  # "The symposium, titled Mode 4 of the GATS …": an event's name
        run = TITLE_RUN.match(text, ss + m.end(), se)
        if run:
            add(run.start(), trim_run(text, run.start(), run.end()), text[max(ss, ss + m.start() - 30):ss + m.end()])
    # "IOM published World Migration 2008: Managing …", "presented the book Mexico-U.S. Migration …"
    for m in _AFTER_VERB.finditer(text, ss, se):
        run = TITLE_RUN.match(text, m.end(), se)
        if run is None or actors_at(run.start()):
            continue  # "published with the European Commission": a name, not a title
        te = trim_run(text, run.start(), run.end())
        words = WORD.findall(text[run.start():te])
        if len(words) >= 3 and (":" in text[run.start():te] or m.group("kind") or len(words) >= 4) and \
                re.match(r"\s*(?:[,.;(*]|$|in\s+(?:19|20)\d\d|which|that|to\b|at\b|and\b)", text[te:te + 12]):
            add(run.start(), te, m.group())
    if _CUE.search(text, ss, se):
        for m in re.finditer(r"\bthe\s+(?=(?:" + "|".join(_DOC_HEADS) + r")\s+(?:on|of|for)\s+[A-Z])", text[ss:se]):
            run = TITLE_RUN.match(text, ss + m.end(), se)
            if run:
                add(run.start(), trim_run(text, run.start(), run.end()), "")
    for m in _CITATION.finditer(text, ss, se):
        cs = m.start()
        floor = max(ss, text.rfind("\n", 0, cs) + 1)
        leads = {floor}
        for d in re.finditer(r";\s+(?:and\s+)?|:\s+|\bincluding\s+|\b(?:book|report|paper|study)\s+|[-•]\s+",
                             text[floor:cs]):
            leads.add(floor + d.end())
        for s in sorted(leads):  # the longest stretch that is all title
            if text[s:s + 1] == "*":
                break  # italics: handled above
            if TITLE_RUN.fullmatch(text, s, cs) and 3 <= len(WORD.findall(text[s:cs])) <= 30:
                add(s, cs, "")
                break
    return out


def _attach_actors(text: str, p: Sighting, actors: ActorIndex, ss: int, se: int) -> None:
    """Who published or presented the title: the subject of a publishing verb before it,
    "publication of X entitled …", or "…, prepared by X" after it."""
    verb = None
    for v in _VERB.finditer(text, ss, p.start):
        verb = v
    if verb is not None:
        subj = actors.subject(ss, verb.start())
        if subj:
            (p.presented if verb.group("v") in ("presented", "submitted", "introduced") else p.published).extend(subj)
    of = None
    for o in _OF_ACTOR.finditer(text, max(ss, p.start - 200), p.start):
        of = o
    if of is not None:
        who = actors.at(of.end())
        if who is not None and who.evidence.end <= p.start:
            p.published.append(who)
    if verb is not None and verb.group("v") not in ("presented", "submitted", "introduced") and \
            _PRESENTED_AFTER.match(text, p.end + 1 if text[p.end:p.end + 1] == "*" else p.end):
        p.presented.extend(actors.subject(ss, verb.start()))  # "… the book *X* that was presented …"
    by = _BY_AFTER.match(text, p.end) or _BY_AFTER.match(text, p.end + 1)
    if by:
        who = actors.list_at(by.end(), se)
        (p.presented if by.group("v") in ("presented", "submitted", "introduced") else p.published).extend(who)


def _list_blocks(text: str, actors: ActorIndex) -> list[tuple[int, int, int, list[Mention]]]:
    """ "In 2008, ISIM completed the following publications:" and the bullet lines after it."""
    out = []
    for m in _LIST_LEAD.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        subj = actors.subject(ls, m.start())
        pos = text.find("\n", m.end())
        if pos < 0:
            continue
        end = pos
        for line in re.finditer(r"[^\n]*\n?", text[pos:]):
            body = line.group().strip()
            if not body:
                if line.end() == 0:
                    break
                continue
            if not re.match(r"[-•*]\s|\(\w\)\s", body):
                break
            end = pos + line.end()
        if end > pos:  # the publisher may be a description ("The Observatory issued …"): the relation stage reads it
            out.append((subj[0].evidence.start if subj else ls, pos, end, subj[:1]))
    return out


def _event_reports(text: str, sentences: Sentences, actors: ActorIndex) -> list[Sighting]:
    """ "the summary report of the first meeting of the Global Forum …" is a Report; who transmitted,
    submitted or presented it presented it."""
    out = []
    for m in _EVENT_REPORT.finditer(text):
        what = m.group("what")
        if m.group("kind").lower() not in ("summary", "full", "final", "interim", "progress") and \
                not re.search(r"\b(?:Commission|Conference|Forum|Meeting|Summit|Dialogue)\b", what):
            continue
        s, e = m.start("kind"), trim_run(text, m.start("what"), m.end("what"))
        title = text[s:e]
        title = " ".join(title.split())
        title = title[:1].upper() + title[1:]
        ss, se = next(((a, b) for a, b in sentences if a <= s < b), (s, e))
        pub = Sighting(title, s, e, (ss, se), "Report")
        giver = None
        for g in _REPORT_GIVER.finditer(text, ss, s):
            giver = g
        if giver is not None:
            pub.presented += actors.list_at(giver.end(), s)
        else:
            verb = None
            for v in re.finditer(r"\b(?:presented|submitted|transmitted|introduced)\b", text[ss:s]):
                verb = v
            if verb is not None:
                pub.presented += actors.subject(ss, ss + verb.start())
        out.append(pub)
    return out


_DOC_BULLET = re.compile(r"^[ \t]*[•▪◦][ \t]+(?P<t>(?:Paper|Report|Study|Fact-?sheet|Fact\s+sheet|Bulletin|Brief|"
                         r"Policy\s+brief|Booklet|Handbook|Manual|Guide|Compendium)\s+on\s+[A-Z][^\n]{3,180}?)[ \t]*$",
                         re.M)


def _listed_documents(text: str) -> list[Sighting]:
    """ "• Paper on Labour Migration in Arab Countries" followed by "This paper was presented at …": a
    list of an agency's outputs, each a document named by its kind and subject."""
    out = []
    for m in _DOC_BULLET.finditer(text):
        kind = m.group("t").split()[0].lower().rstrip("s")
        nxt = re.match(r"\s*\n\s*(?:This|The)\s+([\w\-]+)", text[m.end():m.end() + 80])
        if not nxt or not nxt.group(1).lower().startswith(kind[:5]):
            continue
        title = clean_title(m.group("t"))
        if real_title(title):
            ts = m.start("t")
            out.append(Sighting(title, ts, ts + len(title), (ts, ts + len(title)), document_class(title, "")))
    return out


def _contributed_papers(text: str, actors: ActorIndex) -> list[Sighting]:
    return [Sighting(title, s, e, quote, "Report" if re.search(r"\bReport\b", title) else "Publication",
                     presented=[org])
            for title, s, e, quote, org in contributed_papers(text, actors)]


def _emit(document: Document, pubs: list[Sighting]) -> Extraction:
    out = Extraction()
    text, doc = document.text, document.doc_id

    def ev(s: int, e: int) -> Evidence:
        return Evidence(doc, s, e, text[s:e])

    # a short title that is the main title of a full reference-list title is that publication
    full = {refs.fold(p.title): p.title for p in pubs if p.full}
    main: dict[str, set[str]] = {}
    for t in full.values():
        for cut in re.finditer(r"[.:?]\s", t):
            main.setdefault(refs.fold(t[:cut.start()]), set()).add(t)
    # a reference that gives a UN symbol is keyed by it: "International Migration and Development" names
    # many reports, "A/63/265" one
    symbols: dict[str, set[str]] = {}
    for p in pubs:
        if p.symbol:
            symbols.setdefault(refs.fold(p.title), set()).add(p.symbol)
    cls_of: dict[str, str] = {}
    canon: list[tuple[Sighting, str, str]] = []
    for p in pubs:
        key = refs.fold(p.title)
        title = p.title
        if key not in full and len(main.get(key, ())) == 1:
            title = next(iter(main[key]))
        sym = symbols.get(refs.fold(title), set())
        ref = symbol_ref(next(iter(sym))) if len(sym) == 1 else pub_ref(title)
        if p.cls == "Report" or cls_of.get(ref) == "Report":
            cls_of[ref] = "Report"
        else:
            cls_of.setdefault(ref, "Publication")
        canon.append((p, ref, title))
    said: set[tuple[str, str, str, tuple[int, int]]] = set()
    for p, ref, title in canon:
        aliases = (p.title,) if p.title != title else ()
        out.mentions.append(Mention(ref, cls_of[ref], title, ev(p.start, p.end), aliases))
        if p.symbol and ref == symbol_ref(p.symbol):
            at = text.find(p.symbol, p.end, p.quote[1])
            if at >= 0:
                out.attributes.append(Attribute(ref, "symbol", Value(p.symbol), ev(at, at + len(p.symbol))))
        for prop, who in (("published", p.published), ("presented", p.presented)):
            for a in who:
                if (a.ref, prop, ref, p.quote) in said:
                    continue
                said.add((a.ref, prop, ref, p.quote))
                out.mentions.append(a)
                out.relations.append(Relation(a.ref, prop, ref, ev(*p.quote)))
    return out
