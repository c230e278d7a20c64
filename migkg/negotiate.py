"""HTTP content negotiation: pick the best offered media type for an Accept header."""
from __future__ import annotations


def parse_accept(header: str) -> list[tuple[str, float]]:
    """Media ranges with their q values, in header order; bad q values count as 0."""
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(f[2:])))
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range matching `offer` (exact > type/* > */*), 0 if none."""
    kind = offer.split("/")[0]
    best_specificity, q = -1, 0.0
    for media, value in ranges:
        if media == offer:
            specificity = 2
        elif media == f"{kind}/*":
            specificity = 1
        elif media == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, q = specificity, value
    return q


def choose(header: str | None, offers: list[str]) -> str | None:
    """Best offer for the header; ties go to the earlier offer (the server's preference).

    No header means "anything": the first offer. None when nothing offered is acceptable.
    """
    if not header or not header.strip():
        return offers[0]
    ranges = parse_accept(header)
    scored = [(_quality(o, ranges), -i, o) for i, o in enumerate(offers)]
    q, _, offer = max(scored)
    return offer if q > 0 else None
