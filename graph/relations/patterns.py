"""Relation patterns, kept as data (graph/data/relations.yaml) and compiled once per process.

A pattern is a regular expression over a mention-tagged sentence, written with slots
(`{s:actor+}`, `{o:event}`) and macros (`{_}`, `{__}`, `{be}`, `{adv}`) so that it reads like
the sentences it matches: `{o:event+}{__}was organized by {s:actor+}`.

Why a matcher of our own rather than spaCy's `Matcher`: the tokens a pattern cares about are
migkg's own mentions (which spaCy would have to be given as entity spans, after a tokenizer
and an import that cost 0.55 s per process), and a pattern over placeholders is one compiled
regular expression per rule — the whole table runs over the shipped corpus in a fraction of a
second.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from graph.relations.cues import Cues, required_words

# kind of a mention placeholder, by ontology class
KIND_OF_CLASS: dict[str, str] = {
    "Person": "Person",
    **{c: "Org" for c in ("Organization", "UNEntity", "IntergovernmentalOrganization", "NonGovernmentalOrganization",
                           "AcademicInstitution", "Foundation", "Company", "GovernmentBody", "Actor")},
    "Country": "Country",
    "City": "City",
    "Place": "City",
    **{c: "Event" for c in ("Event", "Meeting", "Conference", "Forum", "Dialogue", "Workshop", "Symposium")},
    "EventSeries": "Series",
    "Project": "Project",
    **{c: "Doc" for c in ("Document", "Report", "Publication")},
    "Convention": "Convention",
    **{c: "Instrument" for c in ("Commitment", "Declaration", "Agreement", "Recommendation")},
    "Resolution": "Resolution",
    "Provision": "Provision",
    "Pledge": "Pledge",
}

# slot kinds a pattern may name -> placeholder kinds
SLOT_KINDS: dict[str, tuple[str, ...]] = {
    "actor": ("Person", "Org", "Country"),
    "person": ("Person",),
    "org": ("Org",),
    "country": ("Country",),
    "event": ("Event",),
    "series": ("Series",),
    "place": ("City", "Country"),
    "doc": ("Doc",),
    "project": ("Project",),
    "activity": ("Org", "Event", "Project"),  # what receives funding
    "doer": ("Person", "Org", "Country", "Project"),  # an actor, or a project acting for its organization
    "convention": ("Convention",),
    "commitment": ("Convention", "Instrument", "Resolution", "Pledge", "Provision"),
    "any": ("Person", "Org", "Country", "City", "Event", "Series", "Project", "Doc", "Convention", "Instrument",
            "Resolution", "Provision", "Pledge"),
}

_DET = (r"(?:(?:the|its|their|his|her|a|an|both|all)\s+)?"
        r"(?:(?:H\.\s?E\.|Mr\.?|Ms\.?|Mrs\.?|Mme\.?|Dr\.?|Prof\.?|Professor|Ambassador|Minister|Judge|Sir|Dame)\s+)*")
_QUOTE = "[\"\u201c\u201d\u2018\u2019']?"
# a group of actors named by their members: "the Governments of Chile and Peru"
_GROUP = (r"(?:(?:the\s+)?(?:Governments|Ministries|delegations|representatives|experts|authorities)\s+of\s+(?:the\s+)?"
          # or by a count and the list: "representatives of 12 countries (A, B and C)", "delegates from
          # several States, including A and B"
          r"|(?:representatives|delegates|delegations|participants|officials|experts|ministers)\s+(?:of|from)\s+"
          r"(?:(?:some|about|over|more\s+than|nearly|around)\s+)?(?:[\w-]+\s+){1,2}?"
          r"(?:countries|States|Governments|organizations|agencies)(?:\s*\(|,?\s+(?:including|such\s+as|among\s+them)\s+))?")
_SEP = (r"(?:,?\s+and\s+other\s+[\w-]+(?:\s+[\w-]+)?,?\s+(?:such\s+as|including|notably|among\s+them)\s+(?:the\s+)?"
        r"|\s*,\s*(?:and\s+|as\s+well\s+as\s+|or\s+)?(?:by\s+|with\s+)?|\s+(?:and|as\s+well\s+as|or)\s+(?:by\s+|with\s+)?"
        r"|\s*&\s*)")
# an actor's own apposition, skipped between a subject and its verb: ", Director of the X,"
_APPOS = (r"(?:\s*\([^()⟦⟧]{1,40}\))?(?:,\s+[^⟦⟧;,]{0,60}?(?:⟦\d+:(?:Org|Country|City)⟧(?:\s*\(⟦\d+:Org⟧\))?"
          r"[^⟦⟧;,]{0,25}?){0,2},)?")
# between two names of a list of persons, the first one's title: ", Foreign Secretary of ⟦3:Country⟧, incoming Chair"
_PERSON_APPOS = r"(?:,\s+[^⟦⟧;]{0,80}?(?:⟦\d+:(?:Org|Country|City|Series|Event)⟧[^⟦⟧;]{0,60}?){0,3}(?=,))"
# words that make a phrase beside a person's name that person's title ("Mr. A, the Minister of Labour of X")
_TITLE = (r"(?:Minister|Secretary|Director|President|Vice-President|Chair|Chairperson|Chairman|Ambassador|"
          r"Representative|Commissioner|Head|Officer|Coordinator|Adviser|Advisor|Deputy|Rapporteur|Chief|"
          r"Executive|Governor|Mayor|Member|Professor|Envoy|Delegate|Counsellor|Consul|Spokesperson|Dean|"
          r"Senator|Judge|Manager|Founder|Expert|Researcher|Fellow|Lecturer|Prime)")
# a person's apposition inside a list of actors: ", the ⟦3:Country⟧ Minister of Labour", ", ⟦2:Org⟧ of the ⟦3:Org⟧"
PERSON_APPOS = (rf"(?:,\s+(?:the\s+)?(?:[^⟦⟧;,]{{0,30}}?\s)?(?:⟦\d+:(?:Country|Org)⟧\s+)?(?:[\w'-]+\s+){{0,3}}?"
                rf"{_TITLE}s?\b[^⟦⟧;,]{{0,40}}?(?:⟦\d+:(?:Org|Country)⟧(?:\s*\(⟦\d+:Org⟧\))?[^⟦⟧;,]{{0,40}}?){{0,2}}?"
                rf"(?=,|\s+and\b|\s*[.;)]|$)"
                rf"|,\s+⟦\d+:Org⟧\s+(?:of|to|for)\s+(?:the\s+)?⟦\d+:(?:Org|Country)⟧(?=,|\s+and\b|\s*[.;)]|$))")
# a title before a person's name: "the Special Representative of the ⟦1:Org⟧ on Migration, ⟦2:Person⟧"
TITLE_LEAD = (rf"(?:the\s+(?:[\w'-]+\s+){{0,3}}?{_TITLE}s?\b[^⟦⟧;,]{{0,60}}?"
              rf"(?:⟦\d+:(?:Org|Country)⟧[^⟦⟧;,]{{0,60}}?){{0,2}},\s+(?=(?:{_DET})?⟦\d+:Person⟧))")
# what a list's own appositions name is not one of the list: stripped before its slots are read
# where an actor of a list is or whom it belongs to: "the ⟦0:Org⟧ of the ⟦1:Org⟧ is organizing …" (the
# Division of the Department), "the ⟦2:Org⟧ in ⟦3:City⟧ (⟦4:Org⟧)": the actor is the first
_OWNER = r"(?:\s+(?:of|at|in)\s+(?:the\s+)?⟦\d+:(?:Org|City|Country)⟧(?:\s*\(⟦\d+:Org⟧\))?)"
APPOSITIONS = re.compile(rf"(?<=⟧){PERSON_APPOS}|{TITLE_LEAD}|(?<=⟧){_OWNER}"
                         # a name in brackets after another is its acronym, or a person's country: "Mr. A (Peru)"
                         rf"|(?<=⟧)\s*\(⟦\d+:[A-Za-z]+⟧\)(?:{PERSON_APPOS})?", re.I)
# a co-subject joined before the verb: "X, in collaboration with Y, organized …"
_JOINER = r"(?:,?\s+(?:in\s+collaboration|in\s+cooperation|in\s+partnership|together|jointly|along)\s+with\s+)"
# participial clauses between an event and what is said of it: ", jointly organized with X and Y and"
_PARTICIPLE = (r"(?:(?:,\s*|\s+)(?:and\s+)?(?:(?:jointly|co-)\s*)?(?:organi[sz]ed|convened|hosted|held|sponsored|"
               r"supported|funded|financed|chaired|opened|attended|co-organi[sz]ed|co-hosted|co-chaired)\s+"
               r"(?:by|with|in|at|on|under)\s+(?:the\s+)?(?:[^⟦⟧;,]{0,30}?⟦\d+:(?:Org|Country|City|Person)⟧"
               r"(?:(?:,\s*|\s+and\s+|\s+as\s+well\s+as\s+)(?:the\s+)?⟦\d+:(?:Org|Country|City|Person)⟧)*"
               r"(?:,\s+(?:the\s+)?[A-Z][^⟦⟧;,]{0,50}?(?=,))?"  # a title after the last name: ", Minister of Labour"
               r"|[^⟦⟧;,]{0,40}?\d{4}))*")
# a preposition before a mention makes it a complement, never the subject of the verb that follows
# (checked on each match rather than as look-behinds, which would run at every position)
# and so is a country after its city ("in Manila, ⟦3:Country⟧")
COMPLEMENT = re.compile(r"(?i:\b(?:of|for|at|in|on|from|to|with|by)(?: the)? )$|\b(?:in|at) (?:[A-Z][\w'-]* ){0,2}[A-Z][\w'-]*, $")
MACROS = {
    # a few words of one clause: not across a list's item mark ("…, and (f) serving as …")
    "_": r"(?:(?!\([a-z]{1,2}\)\s)[^⟦⟧;]){0,80}?",
    "__": r"(?:[^⟦⟧;]|⟦\d+:(?:City|Country|Series)⟧){0,220}?",
    # the rest of a clause, whatever it names ("… held in partnership with X and with support from …")
    "___": r"(?:[^⟦⟧;]|⟦\d+:[A-Za-z]+⟧){0,260}?",
    "be": r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be|is\s+being|was\s+being|"
          r"being|been|be|to\s+be)",
    # what a document is called before its title: "its report", "the new policy brief"
    "docnoun": r"(?:(?:its|their|his|her|the|a|an)\s+)?(?:(?:new|latest|annual|flagship|joint|final|first|second|"
               r"third|draft)\s+)*(?:(?:policy|research|working|background|discussion|technical|issue|"
               r"information)\s+)?(?:reports?|study|studies|papers?|publications?|books?|briefs?|atlas|guide|"
               r"handbook|notes?|series|review|survey|methodology)?\s*",
    "pp": _PARTICIPLE,
    "adv": r"(?:(?:also|jointly|successfully|further|recently|again|then|officially|formally|first|previously|"
           r"originally|subsequently|kindly|generously|once\s+again)\s+)?",
}
_SLOT = re.compile(r"\{(?P<role>[so]):(?P<kind>[a-z]+)(?P<many>\+?)\}|\{(?P<macro>___|__|_|be|adv|docnoun|pp)\}")


def placeholder(kinds: tuple[str, ...]) -> str:
    return r"⟦\d+:(?:" + "|".join(kinds) + r")⟧"


# an organization named by its officer: "the Director of the Observatory (signed)"
_OFFICER = r"(?:the\s+(?:[A-Z][\w-]*\s+){1,4}(?:of|at)\s+)?"


def _slot(role: str, kind: str, many: bool, officers: bool = False) -> str:
    if kind == "items":
        return rf"\s*⟪(?P<{role}>[^⟫]*)⟫"
    one = placeholder(SLOT_KINDS[kind])
    lead = _OFFICER if officers and role == "s" else ""
    item = lead + _DET + _QUOTE + one + _QUOTE + r"(?:\s*\((?:" + one + r"|[A-Z][\w./&-]*)\))?"
    if "Org" in SLOT_KINDS[kind]:
        item += _OWNER + "?"
    if "Resolution" in SLOT_KINDS[kind] and kind != "any":  # "decision ⟦1⟧ on the budget and decision ⟦2⟧ on …"
        item = rf"(?:(?:decisions?|resolutions?)\s+)?{item}(?:\s+on\s+[^⟦⟧;,]{{1,60}}?(?=,|\s+and\b|\s+as\s+well\b))?"
    if "Person" in SLOT_KINDS[kind]:  # "the Minister of X, Ms. A", "Ms. A, the Minister of X, and Mr. B"
        item = rf"{TITLE_LEAD}?{item}(?:{PERSON_APPOS})?"
    if many and kind == "person":  # "Ms. A, Minister of X, Mr. B, Director of Y, and Ms. C"
        body = rf"{item}(?:{_PERSON_APPOS}?{_SEP}{_DET}{item})*"
    elif many and role == "s":  # a co-subject may join the list: "X, in collaboration with Y and Z,"
        body = rf"{_GROUP}{item}(?:(?:{_SEP}{_GROUP}|{_JOINER}){_DET}{item})*,?"
    else:
        body = rf"{_GROUP}{item}(?:{_SEP}{_GROUP}{_DET}{item})*" if many else item
    appos = _APPOS if role == "s" else ""
    return rf"(?P<{role}>{body}){appos}"


def compile_pattern(source: str, officers: bool = False) -> re.Pattern[str]:
    """A pattern's source, its slots and macros expanded, as one case-insensitive regex (tagged
    sentences have single spaces, so a space in a pattern is one space)."""
    out, pos = [], 0
    for m in _SLOT.finditer(source):
        out.append(source[pos:m.start()])
        if m.group("macro"):
            out.append(MACROS[m.group("macro")])
        else:
            out.append(_slot(m.group("role"), m.group("kind"), bool(m.group("many")), officers=officers))
        pos = m.end()
    out.append(source[pos:])
    return re.compile("".join(out), re.I)


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    relation: str
    regex: re.Pattern[str]
    example: str
    gives: tuple[str, ...]
    kinds: dict[str, frozenset[str]]  # slot role ("s", "o") -> the placeholder kinds it stands for
    guarded: bool = False  # the pattern opens with its subject, which may not follow a preposition
    for_organization: bool = False  # a person named with "Title of Org" acts for the organization
    # where the subject comes from: its slot, or (no subject slot) "topic", the document's own
    # organization, or "speaker", who the paragraph reports ("X reported that …")
    subject: str = "slot"
    implies: tuple[str, ...] = ()  # relations that hold whenever this one does (who opens a meeting attends it)
    # the subjects it reads co-organize: each is a partner of the event's organizers named before it
    partners: bool = False
    cues: Cues = ()  # words a sentence must hold for the regex to match it (checked before the regex runs)


def slot_kinds(source: str) -> dict[str, frozenset[str]]:
    """What each slot of a pattern may be filled with (a list's appositions hold other mentions)."""
    out = {}
    for m in _SLOT.finditer(source):
        if m.group("role"):
            kind = m.group("kind")
            out[m.group("role")] = frozenset(SLOT_KINDS["any"] if kind == "items" else SLOT_KINDS[kind])
    return out


@dataclass(frozen=True, slots=True)
class Table:
    patterns: tuple[Pattern, ...]
    contract: dict[str, tuple[frozenset[str], frozenset[str]]]  # relation -> (subject kinds, object kinds)


def _cues(source: str) -> Cues:
    """The literal words of a pattern's source, its slots and macros (variable text) stood in for."""
    return required_words(_SLOT.sub("\u27e6", source), re.I)


def _kinds(words: str) -> frozenset[str]:
    return frozenset(k for w in words.split() for k in SLOT_KINDS[w])


@cache
def table() -> Table:
    """The relation patterns of graph/data/relations.yaml, compiled (once per process)."""
    data = yaml.safe_load(resources.files("graph").joinpath("data/relations.yaml").read_text(encoding="utf-8"))
    contract = {rel: (_kinds(subj), _kinds(obj)) for rel, (subj, obj) in data["contract"].items()}
    patterns = []
    for row in data["patterns"]:
        if row.get("subject", "slot") not in ("slot", "topic", "speaker"):
            raise ValueError(f"relations.yaml: {row['name']}: subject must be slot, topic or speaker")
        for rel in (row["relation"], *(row.get("implies") or ())):
            if rel not in contract:
                raise ValueError(f"relations.yaml: {row['name']}: relation {rel!r} has no contract row")
        patterns.append(Pattern(row["name"], row["relation"],
                                compile_pattern(row["pattern"], bool(row.get("for_organization"))), row["example"],
                                tuple(row.get("gives") or ()), slot_kinds(row["pattern"]),
                                row["pattern"].startswith("{s:") and not row.get("after_preposition", False),
                                bool(row.get("for_organization")), row.get("subject", "slot"),
                                tuple(row.get("implies") or ()), bool(row.get("partners")), _cues(row["pattern"])))
    return Table(tuple(patterns), contract)
