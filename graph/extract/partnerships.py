"""Ties between actors — who works with whom (`partneredWith`) and who pays (`fundedBy`) —
and the projects, programmes and initiatives agencies run.

Partnerships come from the phrases UN reports use for them ("in collaboration with",
"together with", "with the support of", "partnership between X and Y", "X and Y
convened …"); funding from "funded by", "financed by", "with financial support from".
The partner on each side must be an actor the actors extractor already names
(graph.extract.actor_index), so a tie never invents an organization.

Projects and programmes, the other thing agencies do together, are read by
graph.extract.projects and emitted here with the ties.
"""
from __future__ import annotations

import re

from graph.extract.actor_index import ActorIndex
from graph.extract.projects import find_projects, initiative_papers
from graph.extract.seats import find_seats
from graph.lexicon import Lexicon
from graph.model import Evidence, Extraction, Mention, Relation
from graph.reading import Reading, reads

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
    r"(?<![\w\-])(?:(?:funded|financed|co-?financed|co-?funded|sponsored|financially\s+supported|"
    r"supported\s+financially)\s+by"
    r"|with\s+(?:the\s+)?(?:financial\s+support|funding|funds|financing|(?:a\s+)?grants?)\s+(?:from|of)"
    r"|(?:receives?|received|receiving)\s+(?:financial\s+support|funding|funds|(?:a\s+)?grants?)\s+from)\s+")
_REPORTING = re.compile(r"\s*(?:said|noted|stated|reported|explained|added|observed|stressed|mentioned|recalled|"
                        r"informed|pointed|described|concluded|replied|underscored|remarked)\b")
_FINITE = re.compile(r"(?:\s*\([A-Z][\w/&\-]*\))?\s+(?:would|will|is|was|are|were|has|had|have|also|can|could|"
                     r"shall|should|may|might|must|[a-z]+ed|[a-z]+s)\b")
_PREP_BEFORE = re.compile(r"\b(?:of|for|at|in|on|from|to|by|with|through|between|among|and)\s+(?:the\s+|its\s+)?$")


@reads
def extract(document: Reading, lexicon: Lexicon, actors: ActorIndex | None = None) -> Extraction:
    """partneredWith and fundedBy between actors, and project nodes with organized/heldIn."""
    text = document.text
    actors = actors or ActorIndex.of(document, lexicon)
    out = Extraction()
    sentences = list(document.sentences)
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
    find_projects(document, actors, sentences, out)
    find_seats(document, lexicon, actors, sentences, out)
    initiative_papers(document, actors, out)
    return out


def _subject(text: str, actors: ActorIndex, ss: int, pos: int) -> Mention | None:
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


_THE_EVENT_WAS = re.compile(r"\b(?:The|This|That)\s+(?:meeting|conference|event|workshop|seminar|forum|symposium|"
                            r"session|consultation|dialogue|project|programme|initiative|study|survey|campaign)\s*,?\s+"
                            r"(?:(?:was|were|is|has\s+been|had\s+been|being|also|jointly)\s+)*$")
_ORGANIZING = re.compile(r"\b(?:co-?organi[sz]ed|organi[sz]ed|co-?convened|convened|co-?hosted|hosted|launched|"
                         r"co-?sponsored|held|implemented|conducted)\b")


def _previous_organizer(text: str, actors: ActorIndex, ss: int) -> Mention | None:
    """The actor that organized something in the sentence before `ss`, in the same paragraph."""
    para = text.rfind("\n", 0, ss) + 1
    if ss - para < 2:
        return None
    stop = text.rfind(". ", para, ss - 2)
    prev_start = stop + 2 if stop >= 0 else para
    for v in _ORGANIZING.finditer(text, prev_start, ss):
        who = actors.subject(prev_start, v.start())
        if who:
            return who[0]
    return None


def _partners(text: str, actors: ActorIndex, ss: int, se: int) -> list[tuple[Mention, list[Mention]]]:
    """(subject, [partners]) pairs said in one sentence."""
    found = []
    for m in _PARTNER_CUE.finditer(text, ss, se):
        objs = _objects(text, actors, m.end(), se)
        if not objs:
            continue
        subj = _subject(text, actors, ss, m.start())
        if subj is None and _THE_EVENT_WAS.search(text, ss, m.start()):
            subj = _previous_organizer(text, actors, ss)  # "UNIFEM coorganized a conference. The meeting was
            # coorganized with …": the partners are the organizer's
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
_COMPLEMENT_OF = re.compile(r"\b(?:at|in|of|for|from)\s+(?:the\s+)?$")
_MODIFIER = re.compile(r"\s+(?:[A-Z][a-z]|(?:country|team|teams|office|offices|task|working|staff)\b)")


def _objects(text: str, actors: ActorIndex, pos: int, end: int) -> list[Mention]:
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
            if a.cls != "Person" and text[a.evidence.start - 1:a.evidence.start] != "("
            and not _COMPLEMENT_OF.search(text, max(pos, a.evidence.start - 10), a.evidence.start)
            and not _MODIFIER.match(text, a.evidence.end)]


def _acr_len(text: str, pos: int) -> int:
    m = re.match(r"\s*\([A-Z][\w/&\-]*\)", text[pos:pos + 20])
    return m.end() if m else 0


def _funders(text: str, actors: ActorIndex, ss: int, se: int) -> list[tuple[Mention, list[Mention]]]:
    """(funded actor, [funders]) pairs: "UNITAR, funded by X", "UNITAR is financed by X and Y"."""
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
