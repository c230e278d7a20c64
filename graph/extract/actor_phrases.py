"""Actors named in a role phrase: "organized by the Population Division of DESA and IOM".

Turns a stretch of text into organization, country and person refs, using the
lexicon and the acronyms the document itself defines, so the refs agree with
what the actors extractor emits for the same names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph import refs
from graph.lexicon import Lexicon

ORG_HEADS = {
    "organization", "organisation", "division", "department", "ministry", "government", "commission",
    "committee", "office", "fund", "programme", "program", "bank", "union", "institute", "institution",
    "foundation", "university", "centre", "center", "council", "secretariat", "agency", "association",
    "group", "network", "league", "society", "assembly", "observatory", "unit", "team", "federation",
    "authority", "board", "trust", "section", "branch", "forum", "conference", "parliament",
    "community", "consortium", "school", "college", "academy", "service", "services", "endowment",
    "bureau", "partnership", "initiative", "task", "force", "mission", "presidency",
}
TITLE_WORDS = re.compile(
    r"^(?:the\s+)?(?:[\w'\u2019]+\s+){0,2}?(?:Minister|Vice-Minister|Secretary|Under-Secretary|Director|Chair|Chairman|"
    r"Chairperson|President|Vice-President|Representative|Ambassador|Executive|Head|Chief|Officer|"
    r"Commissioner|Rapporteur|Adviser|Advisor|Coordinator|Deputy|Assistant|Special|Permanent|Senior|"
    r"Governor|Mayor|King|Queen|Prime|Envoy|Dean|Professor)\b")
_ACR_DEF = re.compile(r"([A-Z][\w'\u2019&.,\- ]{3,120}?)\s*\(([A-Z][A-Za-z/&\-]{1,12})\)")
_STOP_ITEM = re.compile(r"\s+(?:in|at|from|during|held|took|which|who|that|was|were|is|are|has|have|had|"
                        r"to|as|with|under|after|before|between|through|within|where|while|whose|would|will)\b.*$"
                        r"|\s+(?:and|or)\s*$",
                        re.S)
_JOINERS = r"together with|in collaboration with|in cooperation with|in partnership with|jointly with|along with"
_SPLIT = re.compile(rf"\s*,?\s*(?:{_JOINERS})\s+|\s+and\s+other\s+[a-z ]+?,?\s*(?:such as|including)\s+|\s*(?:,|;)\s*(?:and\s+|as well as\s+)?|\s+as well as\s+")
_AND = re.compile(r"\s+and\s+(?=(?:the\s+)?[A-Z])")
_LEAD = re.compile(r"^(?:and|the|by|of|such as|including|notably|in particular|both)\s+", re.I)
_CAP_NAME = (r"[A-Z][\w'\u2018\u2019\-]*\.?(?:\s+(?:[A-Z][\w'\u2018\u2019\-]*\.?|de|da|van|von|del|der|di|la|le|bin|al|"
             r"el))*")


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor read in the text at [start, end)."""

    ref: str
    cls: str
    label: str
    start: int
    end: int
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class ActorContext:
    """What a phrase parser needs: the lexicon, the document's own acronyms, honorifics."""

    lexicon: Lexicon
    acronyms: dict[str, str] = field(default_factory=dict)
    honorifics: tuple[str, ...] = ("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "H.E.", "Ambassador")

    @property
    def person_re(self) -> re.Pattern[str]:
        hon = "|".join(re.escape(h) for h in sorted(self.honorifics, key=len, reverse=True))
        return re.compile(rf"(?:(?:{hon})\s+)+(?P<name>{_CAP_NAME})")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper())


def document_acronyms(text: str) -> dict[str, str]:
    """ACRONYM -> long name, from definitions such as "International Organization for Migration (IOM)"."""
    out: dict[str, str] = {}
    for m in _ACR_DEF.finditer(text):
        long, acr = m.group(1), m.group(2)
        letters = [c for c in acr.split("/")[-1] if c.isupper()] if "/" in acr else [c for c in acr if c.isupper()]
        if "/" in acr:
            letters = [c for c in acr if c.isupper()]
        words = list(re.finditer(r"[A-Za-z][\w'\u2019\-]*", long))
        # the shortest tail of words that starts with the acronym's first letter and has
        # about as many capitalized words as the acronym has capitals
        found = None
        for lo, hi in ((len(letters), len(letters)), (len(letters) - 1, len(letters) + 2)):
            for n in range(1, min(len(words), 16) + 1):
                tail = words[-n:]
                first = tail[0].group()
                caps = sum(w.group()[0].isupper() for w in tail)
                if first[0] == letters[0] and lo <= caps <= hi and caps >= 2 - (len(letters) == 1):
                    found = long[tail[0].start():].strip(" ,")
                    break
            if found:
                break
        if found:
            out.setdefault(acr, found)
    lowered = text.lower()
    for acr, long in out.items():
        # "Economic and Social Commission for Western Asia (ESCWA)" is written in full elsewhere
        # as "United Nations Economic and Social Commission …": keep the official long form
        if not long.startswith("United Nations") and ("united nations " + long.lower()) in lowered:
            out[acr] = "United Nations " + long
    return out


def person_name(raw: str) -> str:
    """ "Esteban B. Conejos, Jr." -> "Esteban Conejos": the name a person ref is built from."""
    words = [w for w in re.split(r"\s+", raw.replace(",", " ").strip()) if w]
    words = [w for w in words if w.rstrip(".") not in ("Jr", "Sr", "JR", "SR", "III", "II")]
    core = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]
    name = " ".join(core or words)
    if name.isupper():
        name = " ".join(w.capitalize() for w in name.split())
    return name


def _is_orgish(name: str) -> bool:
    words = re.findall(r"[A-Za-z][\w\-]*", name)
    return any(w.lower() in ORG_HEADS for w in words) or name.startswith("Government")


def canonical_org(name: str, ctx: ActorContext) -> tuple[str, str, tuple[str, ...]] | None:
    """(official name, class, aliases) for an organization phrase, or None when it is not one."""
    name = re.sub(r"^the\s+", "", name.strip(" ,.;:"), flags=re.I)
    aliases: list[str] = []
    acr = re.search(r"\s*\(([A-Z][A-Za-z/&\-]{1,12})\)$", name)
    if acr:  # only a trailing acronym names the whole phrase
        aliases.append(acr.group(1))
        name = name[:acr.start()].strip()
    # "Population Division of the Department of … (DESA) of the …": DESA is the inner name's
    name = re.sub(r"\s*\([A-Z][A-Za-z/&\-]{1,12}\)", "", name).strip()
    lex = ctx.lexicon
    if re.fullmatch(r"[A-Z][A-Za-z/&\-]{1,12}", name) and sum(c.isupper() for c in name) >= 2:
        entries = lex.by_acronym(name)
        if len(entries) == 1:
            return entries[0].name, entries[0].kind, (name,)
        if name in ctx.acronyms:
            long = ctx.acronyms[name]
            entry = lex.organization(long)
            return (entry.name, entry.kind, (name,)) if entry else (long, _kind(long), (name,))
        if "/" in name:
            return None
        return name, "Organization", ()
    entry = lex.organization(name)
    if entry:
        return entry.name, entry.kind, tuple(aliases)
    parts = re.split(r"\s+of\s+(?:the\s+)?", name)
    for n in range(len(parts) - 1, 0, -1):
        head = re.sub(r"\s*\([^)]*\)", "", " of the ".join(parts[:n]))
        entry = lex.organization(head)
        if entry:
            return entry.name, entry.kind, tuple(aliases)
    if len(parts) > 1:
        head = re.sub(r"\s*\([^)]*\)", "", parts[0]).strip()
        rest = " of ".join(parts[1:])
        if len(head.split()) >= 2 and _is_orgish(head) and (_is_orgish(rest) or re.search(r"\b[A-Z]{2,}\b", rest)) \
                and lex.country(rest) is None:
            return head, _kind(head), tuple(aliases)
    if not _is_orgish(name) or (len(name.split()) == 1 and name.lower() in ORG_HEADS):
        return None  # "the Commission" alone names no one in particular
    if any(w[0].islower() and w not in _NAME_LINKS for w in re.findall(r"[\w'\u2019\-]+", name)):
        return None  # "Belgian organizing team": a description, not a name
    return name, _kind(name), tuple(aliases)


_NAME_LINKS = {"of", "for", "on", "and", "the", "de", "des", "du", "la", "le", "del", "in", "to", "y", "et", "at"}


def _kind(name: str) -> str:
    if re.match(r"(?:Government|Ministry|Ministries)\b", name) or re.search(r"\bMinistry\b", name):
        return "GovernmentBody"
    if re.search(r"\bUniversity\b|\bCollege\b", name):
        return "AcademicInstitution"
    if re.search(r"\bFoundation\b", name):
        return "Foundation"
    return "Organization"


def _plausible(raw: str, ctx: ActorContext) -> bool:
    raw = re.sub(r"^(?:the\s+)", "", raw.strip(" ,.;:"))
    raw = _STOP_ITEM.sub("", raw)
    if not raw:
        return False
    if ctx.person_re.match(raw) or ctx.lexicon.country(raw) or ctx.lexicon.organization(raw):
        return True
    if re.fullmatch(r"[A-Z][A-Za-z/&\-]{1,12}(?:\s*\([^)]*\))?", raw) and \
            sum(c.isupper() for c in raw.split("(")[0]) >= 2:
        return True
    return _is_orgish(raw) and raw[0].isupper()


def _split_and(phrase: str, s: int, e: int, ctx: ActorContext) -> list[tuple[int, int]]:
    """Split one list item on "and" only where both sides name an actor ("LAS and IOM"),
    never inside a name ("Department of Economic and Social Affairs")."""
    for m in _AND.finditer(phrase, s, e):
        left, right = phrase[s:m.start()], phrase[m.end():e]
        starts_actor = bool(ctx.person_re.match(right)) or bool(re.match(r"the\s|[A-Z][A-Za-z/&\-]*[A-Z]\b", right)) \
            or bool(ctx.lexicon.country(_STOP_ITEM.sub("", right))) or bool(ctx.lexicon.organization(_STOP_ITEM.sub("", right)))
        if ctx.person_re.match(right) or (starts_actor and _plausible(left, ctx) and _plausible(right, ctx)):
            return [(s, m.start()), *_split_and(phrase, m.end(), e, ctx)]
    return [(s, e)]


def parse_actors(text: str, start: int, end: int, ctx: ActorContext) -> list[ActorRef]:
    """Actors listed in `text[start:end]` ("the Government of Thailand", "LAS and IOM", "Ms. X, Minister")."""
    while start < end and text[start].isspace():
        start += 1
    phrase = text[start:end]
    cut = _STOP_ITEM.search(phrase)
    out: list[ActorRef] = []
    pos = 0
    items: list[tuple[int, int]] = []
    for m in _SPLIT.finditer(phrase):
        items.append((pos, m.start()))
        pos = m.end()
    items.append((pos, len(phrase)))
    items = [piece for s, e in items for piece in _split_and(phrase, s, e, ctx)]
    for s, e in items:
        raw = phrase[s:e]
        lead = _LEAD.match(raw)
        while lead:
            s += lead.end()
            raw = phrase[s:e]
            lead = _LEAD.match(raw)
        stop = _STOP_ITEM.search(raw)
        if stop:
            e = s + stop.start()
            raw = phrase[s:e]
        raw_s = re.sub(r"\s+(?:and|or)$", "", raw.rstrip(" .,;:"))
        e = s + len(raw_s)
        if not raw_s:
            continue
        pm = ctx.person_re.match(raw_s)
        if pm:
            name = person_name(pm.group("name"))
            out.append(ActorRef(refs.person(name), "Person", name, start + s, start + e, (pm.group("name"),)))
        elif TITLE_WORDS.match(raw_s) and not raw_s.startswith("Government"):
            continue  # an appositive title: "Mr. X, Director of Y" or "the Chair, Mr. X"
        elif not raw_s[0].isupper():
            if stop or (cut and cut.start() <= s):
                break
            continue
        else:
            country = ctx.lexicon.country(raw_s)
            if country:
                out.append(ActorRef(refs.country(country.iso3), "Country", country.name, start + s, start + e))
            else:
                org = canonical_org(raw_s, ctx)
                if org:
                    out.append(ActorRef(refs.org(org[0]), org[1], org[0], start + s, start + e,
                                        tuple(a for a in (raw_s, *org[2]) if a != org[0])))
        if stop:
            break
    return out
