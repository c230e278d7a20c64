"""The saved query lists events by year with their place and organizers."""
from pathlib import Path

from rdflib import Graph

QUERY = Path(__file__).resolve().parent.parent / "queries" / "events-by-year.rq"


def test_events_by_year_lists_the_gfmd_editions_with_place(corpus_build):
    g = Graph().parse(corpus_build / "graph.ttl")
    rows = [{k: str(v) if v is not None else "" for k, v in r.asdict().items()} for r in g.query(QUERY.read_text())]
    by_label = {r["label"]: r for r in rows}
    manila = [r for r in rows if r["start"] == "2008-10-27" and "Global Forum" in r["label"]]
    assert manila and "Manila" in manila[0]["places"]
    years = [r["year"] for r in rows]
    assert years == sorted(years)
    seventh = [r for lab, r in by_label.items() if "Coordination Meeting on International Migration" in lab]
    assert seventh and "Population Division" in seventh[0]["organizers"]
