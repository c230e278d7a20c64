"""Reference-list entries: "Betts, Alexander (2008a). Towards a … Migrants. *Series*. Geneva: UNHCR."

Each entry gives a title, its authors and often a publisher ("Place: Publisher."), a
container ("In *Book*"), a meeting it was presented at and a UN symbol. Authors and
publishers are linked only where the actors extractor names an actor in that span.
"""
from __future__ import annotations

import re

from graph import refs
from graph.extract.actor_index import ActorIndex
from graph.extract.bib_lines import bib_lines
from graph.extract.titles import Sighting, clean_title, document_class, real_title

# a line "Authors (year). Rest": bib_lines reads `^[ \t]*(?:[-•*][ \t]+)?(?P<authors>[^\n()]{2,250}?)[ \t]*`
# before this tail in one pass (as one regex, a run of spaces made it quadratic)
_BIB_TAIL = re.compile(r"\((?P<year>(?:1[89]|20)\d\d[a-z]?|n\.d\.)\)\.?[ \t]+(?P<rest>[^\n]+)$", re.M)
_TITLE_END = re.compile(r"(?<=[?!])\s+(?=[A-Z*(])|\.\s+(?=[A-Z*(\"“])|\.?\s*$")
_PUBLISHER = re.compile(r"(?:^|[.*]\s+)(?P<place>[A-Z][\w .,'’\-]{1,40}?):\s+(?P<pub>[^:]+?)\.?\s*$")
_UN_PUB = re.compile(r"\((?P<pub>[A-Z][^(),]{1,80}?)\s+publication\b")
_CONTAINER = re.compile(r"\bIn\s+\*(?P<t>[^*\n]{3,200}?)\*")
_PRESENTED_AT = re.compile(r"\b(?:[Pp]aper|[Pp]resentation|[Ss]tatement|[Dd]ocument)s?\s+presented\s+at\b")
_AUTHOR_LINKS = frozenset("and of for the on in de del da van von der la le y et al eds ed".split())
_SYMBOL = re.compile(r"(?:^|[\s,.(])([A-Z]{1,6}(?:/[A-Za-z0-9.\-]+){2,})(?<!\.)\.?\)?\s*$")


def read_references(text: str, actors: ActorIndex, seen_lines: set[int], self_title: str = "") -> list[Sighting]:
    """The publications of the document's reference lists; adds the start of each entry's line to `seen_lines`."""
    out = []
    for line in bib_lines(text, _BIB_TAIL, 2, 250, any_space=False):
        m = line.tail
        rest_s = m.start("rest")
        rest = m.group("rest")
        authors = text[line.authors_start:line.authors_end].strip()
        if not authors[:1].isupper() or len(authors.split()) > 25:
            continue
        lower = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", authors) if w[:1].islower() and w not in _AUTHOR_LINKS]
        if len(lower) > 1:
            continue  # a sentence that happens to end in "(2006).", not a list of authors
        seen_lines.add(line.start)
        quote = (line.authors_start, m.end())
        if rest.startswith("*"):
            close = rest.find("*", 1)
            if close < 0:
                continue
            ts, te = rest_s + 1, rest_s + close
        else:
            end = _TITLE_END.search(rest)
            ts, te = rest_s, rest_s + (end.start() if end else len(rest))
        title = clean_title(text[ts:te])
        if not real_title(title):
            continue
        ts = ts + text[ts:te].find(title[:10]) if title[:10] in text[ts:te] else ts
        te = ts + len(title)
        after = text[te:m.end()]
        who = actors.within(line.authors_start, line.authors_end)
        if refs.fold(title) == refs.fold(self_title):
            continue  # the suggested citation of the source document itself: that node exists already
        cls = "Report" if re.match(r"[\W]*Report\b", after) else document_class(title, after)
        sym = _SYMBOL.search(after)
        pub = Sighting(title, ts, te, quote, cls, full=True, symbol=sym.group(1) if sym else "")
        if _PRESENTED_AT.search(after):
            pub.presented += who
        else:
            pub.published += who
        tail = text[te:m.end()]
        p = _PUBLISHER.search(tail)
        if p:
            pub.published += actors.within(te + p.start("pub"), te + p.end("pub"))
        u = _UN_PUB.search(tail)
        if u:
            pub.published += actors.within(te + u.start("pub"), te + u.end("pub"))
        out.append(pub)
        c = _CONTAINER.search(tail)
        if c:  # a chapter "In *Perspectives on Gender and Migration*": the book is a publication too
            cs, ce = te + c.start("t"), te + c.end("t")
            ctitle = clean_title(text[cs:ce])
            if real_title(ctitle):
                book = Sighting(ctitle, cs, cs + len(ctitle), quote, document_class(ctitle, ""), full=True)
                if u:
                    book.published += actors.within(te + u.start("pub"), te + u.end("pub"))
                out.append(book)
    return out
