"""Contributed papers of a meeting report, read from their headings.

An all-caps paper title followed by the contributing organization, on the next line
("INTERNATIONAL MIGRATION IN THE ARAB REGION" / "League of Arab States (LAS)") or
closing the same line, as both the contents page and the papers themselves print them.
"""
from __future__ import annotations

import re

from graph.extract.actor_index import ActorIndex
from graph.extract.lexmatch import is_heading_line
from graph.extract.titles import title_from_caps
from graph.model import Mention

_CAPS_RUN = re.compile(r"\s*((?:[A-Z0-9][A-Z0-9'’\-,:;()/&]*[ \t]+){2,}[A-Z0-9][A-Z0-9'’\-,:;()/&]*)(?![\w’'])")
_HEADING_SKIP = re.compile(r"^(?:PART|ANNEX|CONTENTS|LIST|REFERENCES?|NOTES?|AGENDA|EXPLANATORY|PREFACE|CHAPTER|"
                           r"[A-Z]\.|[IVX]+\.|\d+\.)", re.I)


def contributed_papers(text: str, actors: ActorIndex) -> list[tuple[str, int, int, tuple[int, int], Mention]]:
    """(title, start, end, quote span, organization) of each contributed paper.

    An all-caps paper title followed by the contributing organization, on the next line
    ("INTERNATIONAL MIGRATION IN THE ARAB REGION" / "League of Arab States (LAS)") or at the
    end of the same line ("WORK ON … DEVELOPMENT International Union for the …")."""
    out: list[tuple[str, int, int, tuple[int, int], Mention]] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for i, (ls, le) in enumerate(lines):
        line = text[ls:le]
        if _HEADING_SKIP.match(line.strip()):
            continue
        caps = _CAPS_RUN.match(line)
        if caps is None:
            continue
        head = caps.group(1)
        if sum(c.isalpha() for c in head) < 12 or not is_heading_line(head):
            continue
        title_end = ls + caps.end(1)
        who: list[Mention] = []
        if text[title_end:le].strip():  # the organization closes the heading line
            who = _whole_line_actor(text, actors, title_end, le)
            last = re.search(r"[ \t]([A-Z]{2,6})$", head)
            if not who and last:  # "… DEVELOPMENT NGO Committee on Migration": the acronym opens the name
                head = head[:last.start()]
                title_end = ls + caps.start(1) + len(head)
                who = _whole_line_actor(text, actors, title_end, le)
        elif i + 1 < len(lines):
            ns, ne = lines[i + 1]
            who = _whole_line_actor(text, actors, ns, ne)
        if len(who) != 1 or who[0].cls in ("Person", "Country"):
            continue
        title = title_from_caps(head.strip(" ,;:"))
        ts = ls + caps.start(1)
        out.append((title, ts, ts + len(head.strip(" ,;:")), (ts, who[0].evidence.end), who[0]))
    return out


def _whole_line_actor(text: str, actors: ActorIndex, s: int, e: int) -> list[Mention]:
    """The one actor a line consists of ("League of Arab States (LAS)", "*The John D. … Foundation*")."""
    body = text[s:e]
    core = re.sub(r"^[\s*$\\]+|[\s*$]+$", "", body)
    core = re.sub(r"\s*\([A-Z][\w/&\-]*\)$", "", core)
    if not core:
        return []
    cs = s + body.find(core)
    found = actors.within(cs, cs + len(core))
    if len(found) >= 1 and found[0].evidence.start <= cs + 4 and found[0].evidence.end >= cs + len(core) - 1:
        return [found[0]]
    return []
