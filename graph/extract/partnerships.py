"""The projects, programmes and initiatives agencies run, and where organizations sit.

Ties between actors — who works with whom (`partneredWith`) and who pays (`fundedBy`) — are
sentence facts and come from the relation table (graph/data/relations.yaml: "in collaboration
with", "with the support of", "partnership between X and Y", "X and Y convened …", "funded by",
"with financial support from"). What stays here is read from document structure: projects and
programmes (graph.extract.projects) with their organizer and countries, an organization's seat
(graph.extract.seats) and the papers of an initiative heading.
"""
from __future__ import annotations

from graph.extract.actor_index import ActorIndex
from graph.extract.projects import find_projects, initiative_papers
from graph.extract.seats import find_seats
from graph.lexicon import Lexicon
from graph.model import Extraction
from graph.reading import Reading, reads


@reads
def extract(document: Reading, lexicon: Lexicon, actors: ActorIndex | None = None) -> Extraction:
    """Project nodes with organized/heldIn, seats (locatedIn) and initiative papers."""
    actors = actors or ActorIndex.of(document, lexicon)
    out = Extraction()
    sentences = list(document.sentences)
    find_projects(document, actors, sentences, out)
    find_seats(document, lexicon, actors, sentences, out)
    initiative_papers(document, actors, out)
    return out
