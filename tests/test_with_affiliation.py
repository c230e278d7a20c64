"""A person named in "(with Mr. X)" after one organization is a member of it."""
from __future__ import annotations

import hashlib

from graph.extract import actors
from graph.lexicon import Lexicon
from graph.model import Document


def _members(text: str) -> set[tuple[str, str]]:
    d = Document("t", "t.txt", "t", text, hashlib.sha256(text.encode()).hexdigest())
    x = actors.extract(d, Lexicon(organizations=[], countries=[]))
    for r in x.relations:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.quote
    return {(r.subject, r.object) for r in x.relations if r.prop == "memberOf"}


def test_one_organization_before_the_parenthesis_is_the_affiliation():
    got = _members("She led projects run by the University of Lindon (with Mr. Cirdan Shipwright), "
                   "among others.")
    assert ("person:cirdan shipwright", "org:university of lindon") in got


def test_a_list_of_organizations_before_the_parenthesis_gives_no_affiliation():
    got = _members("Projects run by the University of Lindon and the Institute for Sea Studies "
                   "(with Mr. Cirdan Shipwright and Ms. Elwing Tern) ended.")
    assert not got
