"""Who committed to what, and who adopted which text, in the running text of a report.

- "Labour Ministers of four Governments —A, B and C— publicly committed to introduce a Special
  Unified Working Contract" -> Pledge "Special Unified Working Contract", `committedTo` from the
  ministers and from each listed country;
- "Greece, Argentina and Spain had already offered to host future meetings of the Forum" ->
  Pledge "host future meetings of the Forum" of each country;
- "the Heads of State and Government reaffirmed their commitment to the Cuenca Plan";
- "received by the Chair-in-Office with the public commitment to include it in the statement";
- "The participating associations adopted the Covenant of ..." -> `adopted`.

A group named only by its role ("Heads of State and Government", "member countries") is
qualified by the meeting the sentence places it at, so the groups of two summits stay apart.
"""
from __future__ import annotations

import re

from graph import refs
from graph.extract.sentences import clause_around
from graph.lexicon import Lexicon
from graph.model import Evidence, Extraction, Mention, Relation
from graph.reading import Reading

_NAMED_PLEDGE = re.compile(
    r"\b(?:(?:publicly|formally|jointly|firmly)[ \t]+)?(?:committed|pledged|undertook)[ \t]+"
    r"(?:themselves[ \t]+|itself[ \t]+)?to[ \t]+(?:the[ \t]+)?(?:(?P<verb>[a-z]+)[ \t]+)?"
    r"(?:an?|the)?[ \t]*(?P<obj>(?:[A-Z][\w'’-]*|\d{4})(?:[ \t]+(?:(?:for|of|on|and|the|to|in)[ \t]+)*"
    r"(?:[A-Z][\w'’-]*|\d{4}))+)")
_ACTION_PLEDGE = re.compile(
    r"\b(?:(?:publicly|formally|jointly|firmly|already)[ \t]+)*(?:offered|pledged|committed|undertook|promised)"
    r"[ \t]+(?:themselves[ \t]+|itself[ \t]+)?to[ \t]+(?P<obj>(?:host|organize|organise|convene|fund|finance|"
    r"support|provide|contribute|establish|create|introduce|implement|ratify|sign|include)[ \t]+[^.;:()\n]{3,140})")
_COMMITMENT_TO = re.compile(
    r"\b(?:reaffirmed|renewed|expressed|made|confirmed)[ \t]+(?:their|its|his|her|a|the)[ \t]+"
    r"(?:public[ \t]+|firm[ \t]+|strong[ \t]+)?commitment[ \t]+to[ \t]+(?:the[ \t]+)?"
    r"(?P<obj>(?:[A-Z][\w'’-]*)(?:[ \t]+(?:(?:for|of|on|and|the)[ \t]+)*[A-Z][\w'’-]*)*)")
_WITH_COMMITMENT = re.compile(
    r"\bby[ \t]+(?:the[ \t]+)?(?P<subj>[A-Z][^,;.]{2,80}?)[ \t]+with[ \t]+(?:the|a)[ \t]+(?:public[ \t]+|firm[ \t]+)?"
    r"commitment[ \t]+to[ \t]+(?P<obj>[a-z]+[ \t]+[^.;:()\n]{3,140})")
_ADOPTED = re.compile(r"\b(?:adopted|adopt|approved|endorsed)[ \t]+(?:the[ \t]+text[ \t]+of[ \t]+)?(?:the[ \t]+|a[ \t]+)?")
_RECOMMENDATIONS = re.compile(
    r"\b(?P<subj>[A-Z][A-Za-z]{1,9}(?:[ \t]+Committee)?)[ \t]+(?:has[ \t]+|had[ \t]+)?adopted[ \t]+(?:a[ \t]+|its[ \t]+|the[ \t]+)?"
    r"(?P<obj>(?:general[ \t]+)?recommendations?[ \t]+(?:on|concerning)[ \t]+[a-z][\w \t-]{2,60}?)"
    r"(?=[ \t]+(?:due|in|at|by|which|that|and|following)\b|[,.;])")
_LEAD = re.compile(r"^[\s\-–—•]*(?:\([a-z0-9]{1,3}\)[ \t]*)?(?:(?:The|the|A|a|At|In)[ \t]+)?(?:participating[ \t]+)?")
_AUX = r"(?:hereby|also|jointly|publicly|formally|already|have|has|had|were|was|all)"
_MEETING = re.compile(r"\b[Aa]t[ \t]+the[ \t]+(?P<ev>(?:[a-z]+(?:-[a-z]+)?[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){0,5}"
                      r"(?:Summit|Meeting|Conference|Forum|Dialogue|Session|Consultation))\b")
_NAME = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*"
_NAME_LIST = re.compile(r"(?:^|(?<=[\s,]))(?:" + _NAME + r",[ \t]+){2,}" + _NAME + r",?[ \t]+and[ \t]+" + _NAME +
                        r"[ \t]*$")
_ROLE_GROUP = re.compile(r"(?i)^(?:heads of state|ministers?|labour ministers|member countries|member states|"
                         r"participants|delegations|governments|leaders|representatives)\b")


def find(document: Reading, instruments: list, lexicon: Lexicon) -> Extraction:
    """Pledges and adoptions in `document`; `instruments` are the instrument mentions found in it."""
    text = document.text
    x = Extraction()

    def ev(a: int, b: int) -> Evidence:
        return Evidence(document.doc_id, a, b, document.text[a:b])

    def actor(ref: str, cls: str, label: str, a: int, b: int) -> None:
        written = re.sub(r"^the\s+", "", " ".join(text[a:b].split()), flags=re.I)
        # the surface form as an alternative label — not for groups, whose label may be qualified by
        # their meeting and must not merge with the same words said of another meeting
        alias = (written,) if written != label and cls != "Actor" else ()
        x.mentions.append(Mention(ref, cls, label, ev(a, b), alias))

    def pledge(label: str, start: int, end: int, subjects: list, rel_start: int, rel_end: int) -> None:
        ref = refs.ref("pledge", label)
        x.mentions.append(Mention(ref, "Pledge", label, ev(start, end)))
        for s_ref, cls, s_label, a, b in subjects:
            actor(s_ref, cls, s_label, a, b)
            x.relations.append(Relation(s_ref, "committedTo", ref, ev(min(a, rel_start), max(b, rel_end))))

    named_at: set[int] = set()
    for m in _NAMED_PLEDGE.finditer(text):
        obj = " ".join(m.group("obj").split())
        if len(obj.split()) < 2:
            continue
        s, _ = clause_around(text, m.start())
        subjects = clause_subjects(text, s, m.start(), lexicon)
        if subjects:
            named_at.add(m.start())
            pledge(obj, m.start("obj"), m.end("obj"), subjects, m.start(), m.end())
    for m in _ACTION_PLEDGE.finditer(text):
        if m.start() in named_at:
            continue
        s, _ = clause_around(text, m.start())
        start, end, label = _action(text, m.start("obj"), m.end("obj"), instruments, s)
        subjects = clause_subjects(text, s, m.start(), lexicon)
        if subjects and label:
            pledge(label, start, end, subjects, m.start(), end)
    by_start = {i.start: i for i in instruments}
    for m in _COMMITMENT_TO.finditer(text):
        s, _ = clause_around(text, m.start())
        subjects = clause_subjects(text, s, m.start(), lexicon)
        named = by_start.get(m.start("obj"))
        if subjects and named is not None:  # a commitment to a text already named as an instrument
            for s_ref, cls, s_label, a, b in subjects:
                actor(s_ref, cls, s_label, a, b)
                x.relations.append(Relation(s_ref, "committedTo", named.ref, ev(min(a, m.start()), named.end)))
        elif subjects:
            pledge(" ".join(m.group("obj").split()), m.start("obj"), m.end("obj"), subjects, m.start(), m.end())
    for m in _WITH_COMMITMENT.finditer(text):
        s, _ = clause_around(text, m.start())
        start, end, label = _action(text, m.start("obj"), m.end("obj"), instruments, s)
        subj = _actor(text, m.start("subj"), m.end("subj"), lexicon)
        if subj and label:
            pledge(label, start, end, [subj], m.start(), end)
    treaty_acronyms = {i.acronym or i.label for i in instruments if i.cls == "Convention" and i.acronym}
    for m in _RECOMMENDATIONS.finditer(text):
        # "CEDAW adopted general recommendations on migration": a treaty acts through its committee
        subj = m.group("subj")
        body = f"{subj} Committee" if subj in treaty_acronyms else subj
        from graph.extract.addressees import actor_ref

        body_ref = actor_ref(body, lexicon)
        label = f"{subj.replace(' Committee', '')} {' '.join(m.group('obj').split())}"
        rec = refs.instrument(label)
        x.mentions.append(Mention(body_ref.ref, body_ref.cls, body_ref.label, ev(m.start("subj"), m.end("subj")),
                                  body_ref.aliases))
        x.mentions.append(Mention(rec, "Recommendation", label, ev(m.start("obj"), m.end("obj"))))
        x.relations.append(Relation(body_ref.ref, "adopted", rec, ev(m.start(), m.end())))
    starts = {i.start: i for i in instruments}
    for m in _ADOPTED.finditer(text):
        inst = starts.get(m.end())
        if inst is None:
            continue
        s, _ = clause_around(text, m.start())
        for ref, cls, label, a, b in clause_subjects(text, s, m.start(), lexicon):
            if ref != inst.ref:
                actor(ref, cls, label, a, b)
                x.relations.append(Relation(ref, "adopted", inst.ref, ev(a, inst.end)))
    return x



def _action(text: str, start: int, end: int, instruments: list, sentence_start: int) -> tuple[int, int, str]:
    """"include it in the Filipino statement and present a paper" -> the first verb phrase, with
    "it" read as the last instrument named before it in the sentence."""
    cut = re.search(r",|[ \t]+and[ \t]+(?=[a-z]+[ \t]+(?:a|an|the|its|their|it)\b)|[ \t]+(?:in|by)[ \t]+(?:19|20)\d\d",
                    text[start:end])
    end = start + cut.start() if cut else end
    end = start + len(text[start:end].rstrip())
    label = " ".join(text[start:end].split())
    before = [i for i in instruments if sentence_start <= i.start and i.end <= start]
    if before and re.search(r"\b(?:it|them)\b", label):
        label = re.sub(r"\b(?:it|them)\b", before[-1].label, label, count=1)
    if len(label.split()) < 2:
        return start, end, ""
    return start, end, label


def clause_subjects(text: str, s: int, verb_at: int, lexicon: Lexicon) -> list[tuple[str, str, str, int, int]]:
    """Who did it: the clause before the verb — a list of countries ("Greece, Argentina and Spain"),
    or one actor ("Labour Ministers of four Governments —A, B and C—", with each listed country)."""
    dash = re.search(r"[ \t]*[—–][^—–]*[—–]?[ \t]*(?:" + _AUX + r"[ \t]+)*$", text[s:verb_at])
    head_end = s + dash.start() if dash else verb_at
    clause_start = s
    for m in re.finditer(r"[;:][ \t]+|\bwhere(?:by)?\b|\bthat\b|\bwhich\b", text[s:head_end]):
        clause_start = s + m.end()
    tail = re.search(r"(?:[ \t,]+" + _AUX + r")*[ \t,]*$", text[clause_start:head_end])
    end = clause_start + tail.start() if tail else head_end
    countries = _country_list(text, clause_start, end, lexicon)
    if countries:
        return countries
    if _NAME_LIST.search(text, clause_start, end):
        return []  # "Greece, Argentina, Spain and Morocco" with names the lexicon does not know
    commas = [clause_start + m.end() for m in re.finditer(r",[ \t]+", text[clause_start:end])]
    clause_start = next((c for c in reversed(commas) if text[c:end].strip()), clause_start)
    out = []
    subj = _actor(text, clause_start, end, lexicon)
    if subj:
        ref, cls, label, a, b = subj
        meeting = [m for m in _MEETING.finditer(text, s, verb_at)]
        if cls == "Actor" and meeting and _ROLE_GROUP.match(label):
            from graph.extract.addressees import actor_ref

            label = f"{label} ({' '.join(meeting[-1].group('ev').split())})"
            actor = actor_ref(label, lexicon)
            ref, cls, label = actor.ref, actor.cls, actor.label
        out.append((ref, cls, label, a, b))
    if dash:
        for m in re.finditer(r"[A-Z][\w'’-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+)?[A-Z][\w'’-]*)*", text[head_end:verb_at]):
            entry = lexicon.country(m.group())
            if entry is not None:
                cs = head_end + m.start()
                out.append((refs.country(entry.iso3), "Country", entry.name, cs, cs + len(m.group())))
    return out


def _actor(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[str, str, str, int, int] | None:
    from graph.extract.addressees import actor_ref

    lead = _LEAD.match(text[start:end])
    a = start + (lead.end() if lead else 0)
    b = a + len(text[a:end].rstrip(" \t,"))
    words = text[a:b].split()
    if not words or len(words) > 14:
        return None
    label = " ".join(words)
    if not (label[:1].isupper() or words[0] in ("national", "member")):
        return None
    actor = actor_ref(label, lexicon)
    return actor.ref, actor.cls, actor.label, a, b


def _country_list(text: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[str, str, str, int, int]]:
    """"Greece, Argentina, Spain and Morocco": every item a country, or nothing."""
    lead = _LEAD.match(text[start:end])
    pos = start + (lead.end() if lead else 0)
    out = []
    for m in re.finditer(r"[^,]+?(?=,[ \t]*|[ \t]+and[ \t]+|$)(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|$)",
                         text[pos:end]):
        item = re.sub(r"(?:,|\band\b|\s)+$", "", m.group()).strip()
        item_c = re.sub(r"^the\s+", "", item)
        if not item_c:
            continue
        entry = lexicon.country(item_c)
        if entry is None:
            return []
        a = pos + m.start() + m.group().find(item_c)
        out.append((refs.country(entry.iso3), "Country", entry.name, a, a + len(item_c)))
    return out
