"""What an organization name looks like, and what kind of organization it names.

Used where no dictionary entry exists: "Thai Ministry of Labour", "Calcutta
Research Group", "Institute for Social and Economic Change". The head word
decides both that a capitalised phrase names an organization and its kind.
"""
from __future__ import annotations

import re

# Head nouns that end ("… Division") or start ("Division for …") an organization name.
HEADS = frozenset("""
Organization Organisation Institute Institution Fund Programme Commission Council Committee
Office Bank Union Association Agency Department Division Ministry University Universidad
Université Universität Centre Center Centro Foundation Group Secretariat Community Network
League Society Board Authority Unit Branch Section Directorate Observatory Endowment Consortium
Federation Confederation College School Bureau Court Parliament Administration Coalition
Alliance Academy Service Force Corporation Company Trust Mission Embassy Consulate
""".split())

# Heads that only name an organization inside a longer name we already know
# ("United Nations Development Programme"), never from shape alone.
WEAK_HEADS = frozenset({"Programme", "Service", "Force", "Trust", "Court", "Parliament"})

# Unit heads: a name with one of these is usually part of a larger organization.
UNIT_HEADS = frozenset({"Division", "Section", "Branch", "Office", "Unit", "Department",
                        "Directorate", "Bureau", "Secretariat", "Programme", "Centre", "Center",
                        "Group", "School", "Service", "Team", "Institute", "Observatory"})

# Words that may start a name on the right of a head: "Institute for …", "Office of the …".
RIGHT_CONNECTORS = frozenset({"of", "for", "on", "against"})
INNER_CONNECTORS = frozenset({"and", "&", "the", "of", "for", "on", "in"})

# Modifiers too generic to make a name on their own ("the National Commission").
GENERIC = frozenset("""
The A An This That These Those Its Their Our His Her National International Regional Global
Joint Special New Permanent General Central Federal Local Main Executive Liaison Country
Field Relevant Such Other Each Every Both All Various Several Many Some Same Said First Second
Third Fourth Fifth Former Present Current Investment Technical Working Administrative
Advisory Governing Editorial Supervisory Organizing Organising Preparatory Scientific
""".split())

# Capitalised words that start sentences or clauses and are never part of a name.
STOP_LEFT = frozenset("""
The A An In At On For By With From During Since As Also Both All Each Its Their This That These
Those Some Many Under Upon Following Through Within Between Among After Before Lastly Recently
Globally Moreover However Furthermore Thus Therefore Further Finally Meanwhile While When Where
If Although Though Unless Whereas Because Given Noting Recalling Welcomes Requests Invites Urges
Encourages Calls Decides Notes Takes Recognizes Recognizing Acknowledging Reaffirming Bearing
Considering Taking Mr Ms Mrs Dr Prof H E Her His Excellency Representative Representatives
Director Chief Head Officer Staff January February March April May June July
August September October November December Monday Tuesday Wednesday Thursday Friday Saturday
Sunday Page See Source Note Notes Table Figure Annex Chapter Part Section Paragraph And Or But
Yet So To Of Into Including Like Unlike Despite Against Via Per Towards Toward Around About
""".split())

# Words that make a phrase an event, a document or an activity rather than an organization.
NOT_ORG_WORDS = frozenset("""
Meeting Meetings Conference Forum Summit Dialogue Dialogues Session Sessions Seminar Seminars
Workshop Symposium Convention Declaration Report Reports Resolution Resolutions Agenda Plan
Day Days Year Decade Process Processes Initiative Project Projects Survey Surveys Series Goals
Account Framework Strategy Principles Recommendations Manual Handbook Guidelines Protocol Charter
Covenant Statement Call Action Agreement Agreements Review Database Yearbook Factbook Paper Papers
Note Brief Study Studies? Estimates Census Round Table Consultation Consultations Hearings
Week Month Fact Sheet Bulletin Countries Nations? Members Migrants Workers
""".replace("?", "").split()) - {"Studies", "Nations"}

TITLE_WORDS = frozenset("""
Director Directors Deputy Assistant Associate Under-Secretary Vice-Minister Minister Chair
Chairman Chairperson Chairwoman Vice-Chair Co-Chair President Vice-President Secretary-General
Secretary Executive Chief Head Representative Special Senior Officer Officer-in-Charge Adviser
Advisor Coordinator Co-ordinator Professor Lecturer Researcher Research Economist Specialist
Consultant Ambassador Permanent Counsellor Counselor Commissioner High Manager Administrator
Analyst Fellow Member Founder Editor Dean Rector Governor Mayor Director-General Deputy-Director
Principal Lead Acting Interim Statistician Demographer Expert Intern Assistant-Secretary-General
Under-Secretary-General Attaché Attache Delegate Observer Officer Programme Project Policy
Population Training Vice Social Affairs Economic Statistical Legal Political Information
Public Programme-Officer Focal Staff Scientist Advocate Spokesperson Rapporteur Envoy Minister-Counsellor
""".split())

# Nouns that are a person's position, never an organization's modifier ("Chief | Population and
# Development Branch").
TITLE_NOUNS = frozenset("""
Director Directors Deputy Assistant Under-Secretary Vice-Minister Minister Chair Chairman
Chairperson Chairwoman Vice-Chair Co-Chair President Vice-President Secretary-General Chief Head
Secretary Representative Officer Officer-in-Charge Adviser Advisor Coordinator Co-ordinator Professor
Lecturer Researcher Economist Specialist Consultant Ambassador Counsellor Counselor Commissioner
Manager Administrator Analyst Fellow Founder Editor Dean Rector Governor Mayor
Director-General Statistician Demographer Expert Intern Delegate Observer Scientist Advocate
Spokesperson Rapporteur Envoy Associate
""".split())

_ROMAN = re.compile(r"^[IVXLC]+$")


def head_of(words: list[str]) -> str:
    """The head noun of a name: the last head word before any right connector."""
    head = ""
    for w in words:
        if w in RIGHT_CONNECTORS:
            break
        base = w[:-2] if w.endswith(("'s", "’s")) else w
        if base in HEADS:
            head = base
    if not head:
        for w in words:
            if w in HEADS:
                return w
    return head


def infer_kind(name: str, parent_kind: str = "") -> str:
    """Ontology class for an organization known only by its name."""
    words = re.findall(r"[\w'’\-]+", name)
    low = name.casefold()
    head = head_of(words)
    if "united nations" in low or re.match(r"^UN[\s/\-]", name):
        return "UNEntity"
    if re.search(r"\bInter-?governmental\b", name, re.I):
        return "IntergovernmentalOrganization"
    if parent_kind and head in UNIT_HEADS | {"Mission", "Delegation"} \
            and not re.search(r"\bGovernments?\b|\bMinistry\b|\bMinistries\b|\bEmbassy\b|\bConsulate\b", name):
        return parent_kind  # "IOM Mission": a unit is the kind of what it belongs to
    if re.search(r"\bGovernments?\b|\bMinistry\b|\bMinistries\b|\bAdministration\b|\bParliament\b|"
                 r"\bMission\b|\bEmbassy\b|\bConsulate\b", name):
        return "GovernmentBody"
    if head in {"University", "Universidad", "Université", "Universität", "College", "School", "Academy"}:
        return "AcademicInstitution"
    if head in {"Foundation", "Endowment", "Trust"} or (head == "Fund" and parent_kind != "UNEntity"):
        return "Foundation"
    if head in {"Corporation", "Company"} or re.search(r"\b(?:Inc|Ltd|LLC|plc|S\.A\.|GmbH)\b", name):
        return "Company"
    if head == "Bank":
        return "IntergovernmentalOrganization" if "Development" in name or "World" in name else "Company"
    if parent_kind and head in UNIT_HEADS | {"Committee", "Commission", "Council", "Board"}:
        return parent_kind
    if re.search(r"\bNational\b", name) and head in {"Commission", "Committee", "Council", "Board", "Agency"}:
        return "GovernmentBody"
    if head == "Department" and " of " in name and parent_kind == "":
        return "GovernmentBody"
    if head in {"Institute", "Centre", "Center", "Observatory", "Group"}:
        if re.search(r"\bPolicy\b|\bThink\b", name):
            return "NonGovernmentalOrganization"
        return "AcademicInstitution"
    if head in {"Organization", "Organisation", "League", "Community", "Secretariat", "Council",
                "Union", "Commission", "Authority"}:
        if re.search(r"\bNGO\b|Catholic|Christian|Islamic Relief|Volunteer", name):
            return "NonGovernmentalOrganization"
        return "IntergovernmentalOrganization"
    if head in {"Association", "Society", "Network", "Coalition", "Alliance", "Federation",
                "Confederation", "Committee", "Consortium"}:
        return "NonGovernmentalOrganization"
    return parent_kind or "NonGovernmentalOrganization"


def is_acronym(token: str) -> bool:
    """ "IOM", "UN/DESA", "UN-HABITAT", "UNWTO" — not "Co-chair", not a roman numeral."""
    core = token.replace("/", "").replace("-", "").replace("&", "")
    if len(core) < 2 or not core[0].isupper() or _ROMAN.match(core):
        return False
    uppers = sum(c.isupper() for c in core)
    return uppers >= 2 and uppers >= len(core) * 0.5 and core.isalnum()


def initials_match(acronym: str, words: list[str]) -> bool:
    """Schwartz–Hearst style check that `acronym` abbreviates the phrase `words`.

    Every acronym letter is found, in order, in the phrase; the first letter starts the
    phrase's first word; connectors may be skipped. A "UN/" or "UN-" prefix may stand
    for "United Nations".
    """
    letters = [c.lower() for c in acronym if c.isalnum()]
    text = " ".join(words).lower()
    if not letters or not text or text[0] != letters[0]:
        return False
    # right-to-left greedy match, each letter at or inside a word
    i = len(text) - 1
    for c in reversed(letters):
        while i >= 0 and text[i] != c:
            i -= 1
        if i < 0:
            return False
        i -= 1
    # most content words should contribute a letter
    content = [w for w in words if w.lower() not in INNER_CONNECTORS and w[:1].isalpha()]
    return len(letters) >= max(2, len(content) // 2)
