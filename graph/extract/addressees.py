"""Who an operative paragraph asks to act: "Calls upon the United Nations system and other
relevant international organizations and multilateral institutions to enhance ..." ->
["United Nations system", "other relevant international organizations", "multilateral institutions"].

The addressee phrase runs from the verb to the infinitive ("to enhance"); it is then cut
into actors at commas and conjunctions that open a new noun phrase, keeping lists that
share one head together ("agencies, funds and programmes", "countries of origin and
destination"). Spans index the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.loose import plain
from graph.extract.resolution_layout import without_furniture


@dataclass(frozen=True, slots=True)
class Addressee:
    label: str  # as written, without a leading "the" and footnote marks
    start: int
    end: int
    verb: str  # the (lower-case) verb that addresses it: "requests", "invites", "need for" …


# nouns that head a phrase naming actors
ACTOR_HEADS = (
    "states", "state", "governments", "government", "organizations", "organisations", "organization",
    "agencies", "agency", "bodies", "body", "funds", "fund", "programmes", "programme", "programs",
    "commissions", "commission", "community", "communities", "institutions", "institution", "system",
    "secretary-general", "secretariat", "council", "assembly", "committee", "committees", "office",
    "offices", "donors", "donor", "countries", "country", "partners", "stakeholders", "society",
    "sector", "entities", "entity", "parties", "members", "organizers", "organisers", "rapporteur",
    "rapporteurs", "commissioner", "president", "chair", "chairs", "forum", "group", "groups", "bank",
    "banks", "mechanisms", "authorities", "actors", "ngos", "director-general", "administrator",
    "director", "experts", "unions", "employers", "workers", "migrants", "diasporas", "diaspora",
    "representative", "envoy", "board", "boards", "team", "teams", "network", "networks",
    "secretariats", "missions", "mission", "coordinators", "coordinator", "facility", "alliance",
    "union", "centres", "centers", "centre", "center", "academia", "media", "recipients", "sectors",
    "institutes", "institute", "observers", "partnerships", "members", "leaders", "ministries",
    "ministry", "destination", "transit", "origin",
)
_REQUEST_AGAIN = re.compile(
    r"(?:(?<=[,;])|\band\b|\balso\b|\bfurther\b)[ \t\n*_]*(?:also[ \t\n]+|further[ \t\n]+|in[ \t\n]+this[ \t\n]+"
    r"regard[ \t\n]+|in[ \t\n]+this[ \t\n]+context[ \t\n]+)?(?P<verb>requests?|invites?|urges?|encourages?|calls?[ \t\n]+upon|"
    r"calls?[ \t\n]+on|appeals?[ \t\n]+to|asks?|recommends?[ \t\n]+that|strongly[ \t\n]+urges?|strongly[ \t\n]+encourages?)"
    r"[ \t\n]+")
_NEED_FOR = re.compile(r"\b(?P<verb>need|needs|necessity|importance|call|calls)[ \t\n]+(?:for|of)[ \t\n]+(?=(?:the|all|"
                       r"Member|States|Governments|relevant|[A-Z]))")
_ITS_CALL = re.compile(r"\b(?:its|the|his|their)[ \t\n]+(?:call|calls|appeal|appeals|invitation|request)[ \t\n]+"
                       r"(?:upon|on|to)[ \t\n]+(?=(?:the|all|Member|States|Governments|relevant|[A-Z]))")
_EFFORTS_BY = re.compile(r"[ \t\n*_]*(?:the[ \t\n]+)?(?:continued[ \t\n]+|ongoing[ \t\n]+)?(?P<verb>efforts|initiatives|"
                         r"work|commitment|cooperation|activities|contributions?)[ \t\n]+(?:made[ \t\n]+)?(?:by|of)"
                         r"[ \t\n]+")
_INFINITIVE = re.compile(r"[ \t\n,]+(?:in[ \t\n]+order[ \t\n]+)?to[ \t\n]+(?!the\b|all\b|their\b|its\b|that\b|this\b|"
                         r"[A-Z]|\d)[a-z]")
_HARD_STOP = re.compile(r"[;:.\[]|\((?![A-Z][A-Za-z]{1,9}\))|,?[ \t\n]+and[ \t\n]+(?:also[ \t\n]+)?(?:requests?|invites?|urges?|encourages?|"
                        r"calls?|appeals?|asks?|decides?|requests?)\b|\bthat\b(?![ \t\n]+are[ \t\n]+(?:members|parties|part)\b)|\bwhich\b|\bwho\b|\bwhose\b|\bwhere\b|\bwhen\b|\bshould\b|\bwill\b|"
                        r"\bto[ \t\n]+(?:the|their|its)[ \t\n]+(?:attention|consideration)\b|\bfor[ \t\n]+(?:their|its)\b")
_PARENTHETICAL = re.compile(r"^(?:in|within|with|as|where|inter|consistent|according|through|on|at|upon|under|"
                            r"while|when|if|pursuant|taking|bearing|subject|without|from|by|and[ \t\n]+in|and[ \t\n]+"
                            r"within|and[ \t\n]+as|and[ \t\n]+with|notably[ \t\n]+through|particularly[ \t\n]+"
                            r"through)\b")
_NEW_PHRASE = re.compile(r"^(?:and[ \t\n]+|as[ \t\n]+well[ \t\n]+as[ \t\n]+|including[ \t\n]+|in[ \t\n]+particular[ \t\n]+"
                         r"|particularly[ \t\n]+|notably[ \t\n]+|especially[ \t\n]+|or[ \t\n]+)*(?:the|all|other|"
                         r"relevant|its|their|each|every|any|both|[A-Z])\b")
_LEADING = re.compile(r"^(?:[*_]+[ \t\n]*|(?:and|or|as[ \t\n]+well[ \t\n]+as|including|in[ \t\n]+particular|particularly|notably|"
                      r"especially|also|the|both|inter[ \t\n]+alia|,)[ \t\n]+|,[ \t\n]*)+")
_TRAILING = re.compile(r"(?:[ \t\n,]+(?:and|or|as[ \t\n]+well[ \t\n]+as|also|as[ \t\n]+appropriate))*[ \t\n,]*$")
_FOOTNOTES = re.compile(r"[ \t]?[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*_]")


def find_addressees(text: str, verb_end: int, para_end: int, main_verb: str,
                    request_verbs: tuple[str, ...]) -> list[Addressee]:
    """Actors asked to act by the operative paragraph whose verb ends at `verb_end`."""
    out: list[Addressee] = []
    base = _third_person(base_verb(main_verb))
    efforts = _EFFORTS_BY.match(text, verb_end, para_end)
    if efforts and base in (*request_verbs, "welcomes", "supports", "commends", "calls for", "notes"):
        out += _phrase_at(text, efforts.end(), para_end, base)
    elif base in request_verbs:
        that = _THAT.match(text, verb_end, para_end)
        if that:  # "Recommends that Member States consider ..."
            end = _THAT_VERB.search(text, that.end(), min(para_end, that.end() + 250))
            if end:
                out += [a for a in (_clean(text, s, e, base) for s, e in _split(text, that.end(), end.start())) if a]
        else:
            out += _phrase_at(text, verb_end, para_end, base)
            out += _ellipsis(text, verb_end, para_end, base)
    for m in _REQUEST_AGAIN.finditer(text, verb_end, para_end):
        verb = _third_person(" ".join(m.group("verb").split()).replace("strongly ", ""))
        if verb == "recommends that":
            continue
        out += _phrase_at(text, m.end(), para_end, verb)
        out += _ellipsis(text, m.end(), para_end, verb)
    for m in _ITS_CALL.finditer(text, verb_end, para_end):  # "Reiterates its call upon Member States to ..."
        out += _phrase_at(text, m.end(), para_end, "calls upon", require_infinitive=True)
    for m in _NEED_FOR.finditer(text, verb_end, para_end):
        found = _phrase_at(text, m.end(), para_end, "need for", require_infinitive=True)
        out += found
    seen: set[tuple[int, int]] = set()
    unique = []
    for a in out:
        if (a.start, a.end) not in seen:
            seen.add((a.start, a.end))
            unique.append(a)
    return unique


_THAT = re.compile(r"[ \t\n]*,?[ \t\n]*that[ \t\n]+")
_THAT_VERB = re.compile(r"[ \t\n,]+(?:should|shall|must|may|might|could|would|will|consider|continue|take|ensure|"
                        r"promote|provide|develop|strengthen|include|submit|make|support|adopt|establish|address|"
                        r"use|give|pay|explore|cooperate|work|redouble|enhance|increase|report|intensify|undertake|"
                        r"prepare|convene|organize|review|seek|share|facilitate|protect|respect|refrain|be)\b")
_ELLIPSIS = re.compile(r",[ \t\n]+and[ \t\n]+(?:also[ \t\n]+)?(?=(?:the|all|other|relevant|[A-Z])\b)")


def _ellipsis(text: str, start: int, para_end: int, verb: str) -> list[Addressee]:
    """"Requests X to act, and Y to act": the verb also addresses Y."""
    first_inf = _INFINITIVE.search(text, start, para_end)
    if first_inf is None:
        return []
    stop = re.compile(r";|\.(?:\s|$)").search(text, first_inf.end(), para_end)
    end = stop.start() if stop else para_end
    out = []
    for m in _ELLIPSIS.finditer(text, first_inf.end(), end):
        found = _phrase_at(text, m.end(), end, verb, require_infinitive=True)
        out += [a for a in found if _head(a.label) in ACTOR_HEADS]
    return out


def _head(label: str) -> str:
    """Head noun of an actor phrase: "organizations that are members of X" -> "organizations"."""
    core = re.split(r"\s+(?:of|that|in|for|from|on|with)\s+", label, maxsplit=1)[0]
    words = core.split()
    return words[-1].lower() if words else ""


def _third_person(base: str) -> str:
    """"call upon" (a declaration's "We ... call upon") -> "calls upon"; third person stays."""
    first, _, rest = base.partition(" ")
    if not first or first.endswith("s") and not first.endswith("ss"):
        return base
    first = first + ("es" if first.endswith(("ss", "sh", "ch", "x")) else "s")
    return f"{first} {rest}".strip()


def base_verb(verb: str) -> str:
    """"Also strongly urges" -> "urges"; "Calls upon" -> "calls upon"."""
    words = verb.lower().split()
    while len(words) > 1 and words[0] in ("also", "further", "again", "once", "strongly", "firmly", "deeply",
                                          "sincerely", "emphatically", "repeatedly", "expressly", "equally",
                                          "likewise", "moreover", "finally", "lastly", "furthermore", "more"):
        words = words[1:]
    two = " ".join(words[:2])
    if re.fullmatch(r"calls? (?:upon|on|for)|appeals? to|takes? note", two):
        return two
    return words[0] if words else ""


def _phrase_at(text: str, start: int, para_end: int, verb: str, require_infinitive: bool = False) -> list[Addressee]:
    limit = min(para_end, start + 400)
    inf = _INFINITIVE.search(text, start, limit)
    stop = _HARD_STOP.search(text, start, limit)
    if require_infinitive and (inf is None or (stop and stop.start() < inf.start())):
        return []
    end = min(x.start() for x in (inf, stop) if x is not None) if (inf or stop) else limit
    if inf is None and not require_infinitive:
        end = min(end, start + 200)
    return [a for a in (_clean(text, s, e, verb) for s, e in _split(text, start, end)) if a]


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an addressee phrase into actor spans.

    Comma segments are new actors ("Member States, the United Nations system, civil society"),
    except a bare head noun that continues a list sharing its modifiers ("all relevant bodies,
    agencies, funds and programmes of ...") or a segment after an adjective ("intergovernmental,
    regional and subregional organizations"). Parentheticals (", as appropriate,") are skipped;
    after one, only a segment opened by "and"/"as well as" names another actor.
    """
    segments: list[list[int]] = []
    pos = start
    in_paren = False
    for m in list(re.finditer(r",", text[start:end])) + [None]:
        seg_end = start + m.start() if m else end
        seg = text[pos:seg_end]
        stripped = seg.lstrip(" \t\n")
        seg_start = pos + len(seg) - len(stripped)
        pos = seg_end + 1
        if not stripped.strip():
            continue
        if segments and _PARENTHETICAL.match(stripped):
            in_paren = True
            continue
        if in_paren:
            if not _AFTER_PAREN.match(stripped):
                continue
            in_paren = False
            segments.append([seg_start, seg_end])
            continue
        if segments and _continues(text[segments[-1][0]:segments[-1][1]], stripped):
            segments[-1][1] = seg_end
        else:
            segments.append([seg_start, seg_end])
    spans: list[tuple[int, int]] = []
    for s, e in segments:
        spans += _split_conjunctions(text, s, e)
    return spans


_AFTER_PAREN = re.compile(r"^(?:and|as[ \t\n]+well[ \t\n]+as|including)[ \t\n]+(?!in\b|within\b|with\b|as\b)")


def _continues(previous: str, segment: str) -> bool:
    """Whether a comma segment continues the previous actor instead of naming a new one."""
    prev_words = re.findall(r"[\w'’-]+", previous)
    words = re.findall(r"[\w'’-]+", segment)
    if not words:
        return True
    first = words[0].lower()
    if first in ("and", "or", "including", "notably", "particularly", "especially") or \
            first in ("the", "all", "other", "its", "their", "each", "every", "any", "both"):
        return False
    if prev_words and not (prev_words[-1].lower() in ACTOR_HEADS or prev_words[-1][:1].isupper()):
        return True  # "other relevant intergovernmental, regional and subregional organizations"
    return first in ACTOR_HEADS and not words[0][:1].isupper()  # "bodies, agencies, funds and programmes"


_CONJ = re.compile(r"[ \t\n]+(?:and|as[ \t\n]+well[ \t\n]+as|or|together[ \t\n]+with|including|in[ \t\n]+particular|"
                   r"particularly|notably|especially)[ \t\n]+")


def _split_conjunctions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    left = start
    for m in _CONJ.finditer(text, start, end):
        if m.start() < left:
            continue
        conj = " ".join(m.group().split())
        before = text[left:m.start()]
        after = text[m.end():end]
        left_words = re.findall(r"[\w'’-]+", before.split(",")[-1])
        right_words = re.findall(r"[\w'’-]+", after)
        if not right_words or not left_words:
            continue
        strong = conj in ("as well as", "together with", "including", "in particular", "particularly", "notably",
                          "especially")
        # "Economic and Social Council": a conjunction inside a proper name
        inside_name = left_words[-1][:1].isupper() and right_words[0][:1].isupper() and \
            left_words[-1].lower() not in ACTOR_HEADS and right_words[0].lower() not in ("the", "all", "other")
        # the left conjunct must end in a noun that names actors ("organizations", "Arnor"), not in
        # an adjective that shares the right one's noun ("regional and subregional organizations")
        single_left = (len(left_words) == 1 and not left_words[0][:1].isupper()) or not (
            left_words[-1].lower() in ACTOR_HEADS or left_words[-1][:1].isupper())
        right_first = right_words[0].lower()
        right_is_head = right_first in ("the", "all", "other", "relevant", "its", "their", "each") or \
            right_words[0][:1].isupper() or any(w.lower() in ACTOR_HEADS for w in right_words)
        right_phrase = len(right_words) >= 2 or right_first in ACTOR_HEADS and right_first not in (
            "destination", "transit", "origin")
        if strong or (not inside_name and not single_left and right_is_head and right_phrase):
            out.append((left, m.start()))
            left = m.end()
    out.append((left, end))
    return out


def _clean(text: str, start: int, end: int, verb: str) -> Addressee | None:
    raw = text[start:end]
    lead = _LEADING.match(raw)
    if lead:
        start += lead.end()
    raw = text[start:end]
    trail = _TRAILING.search(raw)
    if trail:
        end = start + trail.start()
    # relative clauses and qualifiers end the actor: "all States that have not yet done so"
    cut = re.search(r"[ \t\n]+(?:that(?![ \t\n]+are[ \t\n]+(?:members|parties|part)\b)|which|who|whose|in[ \t\n]+accordance|within[ \t\n]+their|within[ \t\n]+its|"
                    r"as[ \t\n]+appropriate|where[ \t\n]+appropriate|in[ \t\n]+a[ \t\n]+position|concerned[ \t\n]+by|"
                    r"to[ \t\n]+(?:the|their|its)[ \t\n]+(?:extent|attention))\b", text[start:end])
    if cut:
        end = start + cut.start()
    end = start + len(text[start:end].rstrip(" \t\n,;*_"))
    if end <= start:
        return None
    raw = without_furniture(text[start:end])
    label = plain(" ".join(_FOOTNOTES.sub("", re.sub(r"-[ \t]*\n[ \t]*", "-", raw)).split()))
    label = re.sub(r"^the\s+", "", label, flags=re.I)
    label = re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)", "", label)  # "(IOM)": the acronym the text defines
    if not _is_actor(label):
        return None
    return Addressee(label, start, end, verb)


def _is_actor(label: str) -> bool:
    words = re.findall(r"[\w'-]+", label)
    if not words or len(words) > 25:
        return False
    if any(w.lower() in ACTOR_HEADS for w in words):
        return True
    # a proper name: "Arnor", "UNICEF", "Office of the High Commissioner"
    return words[0][:1].isupper()


@dataclass(frozen=True, slots=True)
class ActorRef:
    ref: str
    cls: str
    label: str
    aliases: tuple[str, ...] = ()


_SG = {"secretary general", "secretary general of united nations", "united nations secretary general"}
_GOVERNMENT_OF = re.compile(r"^(?:the\s+)?Governments?\s+of\s+(?:the\s+)?(?P<name>.+)$", re.I)


def actor_ref(label: str, lexicon) -> ActorRef:
    """The graph node for an addressee: a known organization, a country, the Secretary-General,
    or else a group of actors named as written ("Member States", "regional commissions")."""
    from graph import refs

    folded = refs.fold(label)
    if folded in _SG:
        return ActorRef(refs.org("Secretary-General"), "UNEntity", "Secretary-General",
                        ("Secretary-General of the United Nations", "United Nations Secretary-General"))
    org = lexicon.organization(label)
    if org is None and re.fullmatch(r"[A-Z][A-Z-]{1,11}", label):
        found = lexicon.by_acronym(label)
        org = found[0] if len(found) == 1 else None
    written = re.sub(r"^the\s+", "", label, flags=re.I)
    if org is not None:  # the surface form stays as an alternative label
        names = (*org.aliases, *org.acronyms, written)
        return ActorRef(refs.org(org.name), org.kind or "Organization", org.name,
                        tuple(n for n in dict.fromkeys(names) if n != org.name))
    gov = _GOVERNMENT_OF.match(label)
    country = lexicon.country(gov.group("name") if gov else label)
    if country is not None:
        return ActorRef(refs.country(country.iso3), "Country", country.name,
                        (written,) if written != country.name else ())
    label = re.sub(r"^the\s+", "", label, flags=re.I)
    group = re.sub(r"^all\s+(?:the\s+)?(?=\w)", "", label)  # "all States" is the group "States"
    if group != label and group[:1].isupper():
        return ActorRef(refs.org(group), "Actor", group, (label,))
    return ActorRef(refs.org(label), "Actor", label)
