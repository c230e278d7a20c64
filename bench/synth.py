"""A synthetic corpus of UN-style meeting reports and General Assembly resolutions, at any size.

The text uses the language the extractors read — acronym definitions ("the
International Labour Organization (ILO)"), "organized by", "held in CITY,
COUNTRY, from D to D MONTH YYYY", participant lists, resolutions with a symbol,
preamble, numbered operative paragraphs and "Nth plenary meeting DATE" — filled
with real-world names drawn at random (organizations, people, cities, pycountry
countries), so a benchmark exercises real extraction without copying one file.
Same seed ⇒ same corpus.

    python -m bench.synth OUT_DIR --scale 10     # ten times the shipped corpus's size
"""
from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

SHIPPED_BYTES = 171_456  # size of the shipped corpus text (ESA/P/WP.214)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
            "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth",
            "Eighteenth", "Nineteenth", "Twentieth"]
SESSION_WORDS = {55: "fifty-fifth", 56: "fifty-sixth", 57: "fifty-seventh", 58: "fifty-eighth", 59: "fifty-ninth",
                 60: "sixtieth", 61: "sixty-first", 62: "sixty-second", 63: "sixty-third", 64: "sixty-fourth",
                 65: "sixty-fifth", 66: "sixty-sixth", 67: "sixty-seventh", 68: "sixty-eighth",
                 69: "sixty-ninth", 70: "seventieth", 71: "seventy-first", 72: "seventy-second",
                 73: "seventy-third", 74: "seventy-fourth", 75: "seventy-fifth"}


@cache
def vocab() -> dict:
    """The name lists (bench/vocab.yaml) plus the UN member countries from pycountry."""
    import pycountry
    import yaml

    v = yaml.safe_load((Path(__file__).parent / "vocab.yaml").read_text(encoding="utf-8"))
    v["countries"] = sorted(getattr(c, "common_name", None) or c.name for c in pycountry.countries)
    return v


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@dataclass
class Corpus:
    """State shared across documents so later resolutions cite earlier ones."""

    rng: random.Random
    resolutions: list[tuple[str, str, str]] = field(default_factory=list)  # (symbol short "61/208", date, title)
    used_symbols: set[str] = field(default_factory=set)

    def pick(self, key: str):
        return self.rng.choice(vocab()[key])

    def person(self) -> tuple[str, str, str]:
        """(honorific, first, last)."""
        return self.pick("honorifics"), self.pick("first_names"), self.pick("last_names")

    def org(self) -> tuple[str, str, str]:
        return tuple(self.pick("organizations"))

    def place(self) -> tuple[str, str]:
        return tuple(self.pick("cities"))

    def date_span(self, year: int) -> tuple[int, int, str]:
        d1 = self.rng.randint(1, 26)
        return d1, d1 + self.rng.randint(1, 3), self.rng.choice(MONTHS)

    def event_name(self, year: int) -> tuple[str, str]:
        pattern, cls = self.pick("event_kinds")
        return pattern.format(n=self.rng.choice(ORDINALS), topic=self.pick("topics")), cls


def _sentence_pool(c: Corpus, year: int) -> list[str]:
    """Varied body sentences; each call draws fresh names and numbers."""
    rng = c.rng
    o1, o2, o3 = c.org(), c.org(), c.org()
    city, country = c.place()
    ev, _ = c.event_name(year)
    d1, d2, month = c.date_span(year)
    h, f, l = c.person()
    topic = c.pick("topics")
    return [
        f"The representative of the {o1[0]} ({o1[1]}) said that the {o1[1]} had continued its work on "
        f"{topic.lower()} and had published a report on the subject in {year - rng.randint(0, 2)}.",
        f"The {ev} was held in {city}, {country}, from {d1} to {d2} {month} {year - rng.randint(0, 1)}. "
        f"It was organized by the {o2[0]} in cooperation with the {o3[0]}.",
        f"{h} {f} {l}, {c.pick('job_titles')} of the {o1[0]}, presented the activities of the {o1[1]} "
        f"in the area of {topic.lower()}.",
        f"As of {year}, the {rng.choice([i for i in vocab()['instruments'] if 'Convention' in i])} had been ratified by {rng.randint(20, 150)} Member States.",
        f"The {o2[1]} and the {o3[1]} organized a joint workshop on {c.pick('topics').lower()} in "
        f"{c.place()[0]} in {year - 1}, which brought together some {rng.randint(20, 90)} experts.",
        f"{h} {l} noted that remittances to {c.pick('countries')} had reached US$ {rng.randint(1, 40)} billion "
        f"in {year - 1}, more than {rng.randint(5, 30)} per cent of its gross domestic product.",
        f"With the support of the {c.pick('foundations')}, the {o1[1]} had launched a programme on "
        f"{c.pick('topics').lower()} covering {rng.randint(3, 25)} countries.",
        f"During the discussion, the representative of the {o3[1]} asked whether the estimates for "
        f"{c.pick('countries')} and {c.pick('countries')} would be made available to researchers.",
        f"The {o2[0]} ({o2[1]}) was preparing a handbook on {c.pick('topics').lower()}, to be issued in "
        f"{year + 1}.",
        f"In {year}, the {o1[1]} hosted a meeting in {city} on the follow-up to the {ev}.",
    ]


def _paragraph(c: Corpus, year: int) -> str:
    pool = _sentence_pool(c, year)
    c.rng.shuffle(pool)
    return " ".join(pool[: c.rng.randint(3, 6)])


def _participants(c: Corpus, n: int) -> str:
    blocks = []
    for group in ("Invited Speakers", "United Nations system", "Intergovernmental organizations",
                  "Non-governmental organizations"):
        blocks.append(group)
        for _ in range(max(1, n // 4)):
            h, f, l = c.person()
            org = c.org()
            city, country = c.place()
            blocks.append(f"{h.upper()} {f.upper()} {l.upper()}\n{c.pick('job_titles')}\n{org[0]} ({org[1]})\n"
                          f"{city}\n{country}")
    return "LIST OF PARTICIPANTS\n\n" + "\n\n".join(blocks)


def resolution(c: Corpus, year: int) -> str:
    """One General Assembly resolution: symbol, preamble, numbered operative paragraphs, plenary date."""
    rng = c.rng
    session = min(75, max(55, year - 1945))
    while True:
        short = f"{session}/{rng.randint(100, 299)}"
        if short not in c.used_symbols:
            break
    c.used_symbols.add(short)
    topic = c.pick("topics")
    day, month = rng.randint(1, 28), rng.choice(MONTHS[8:])
    date = f"{day} {month} {year}"
    lines = [f"United Nations A/RES/{short}", "", f"Distr.: General {rng.randint(1, 28)} {rng.choice(MONTHS)} "
             f"{year + 1}", "", f"{SESSION_WORDS[session].capitalize()} session Agenda item {rng.randint(40, 130)}",
             "", f"Resolution adopted by the General Assembly on the report of the {c.pick('committees')} "
             f"(A/{session}/{rng.randint(400, 600)}/Add.{rng.randint(1, 4)})", "", f"{short}. {topic}", "",
             "The General Assembly,", ""]
    cited = rng.sample(c.resolutions, k=min(len(c.resolutions), rng.randint(0, 3)))
    for s, d, t in cited:
        lines += [f"Recalling its resolution {s} of {d} on {t.lower()},", ""]
    for _ in range(rng.randint(3, 7)):
        org = c.org()
        lines += [f"{c.pick('preambular')} the efforts of the {org[0]} and of Member States on "
                  f"{c.pick('topics').lower()},", ""]
    ops = rng.sample(vocab()["operative"], k=rng.randint(5, 12))
    for i, (verb, rest) in enumerate(ops, 1):
        org = c.org()
        text = rest.format(org=org[0], topic=c.pick("topics").lower(), session=SESSION_WORDS[min(75, session + 1)],
                           instrument=c.pick("instruments"))
        end = "." if i == len(ops) else ";"
        lines += [f"{i}. {verb} {text}{end}", ""]
    lines.append(f"{rng.randint(50, 120)}{_suffix(rng.randint(1, 9))} plenary meeting {date}")
    c.resolutions.append((short, date, topic))
    return "\n".join(lines) + "\n"


def report(c: Corpus, year: int, target_bytes: int) -> str:
    """One meeting report of about `target_bytes`: front matter, body, participants, annexed resolutions."""
    rng = c.rng
    name, _cls = c.event_name(year)
    city, country = c.place()
    d1, d2, month = c.date_span(year)
    org, partner = c.org(), c.org()
    acronyms = sorted({c.org() for _ in range(8)} | {org, partner}, key=lambda o: o[1])
    h, f, l = c.person()
    parts = [name.upper(), f"{city}, {d1}-{d2} {month} {year}", "United Nations", org[0], "PREFACE",
             f"Since {year - rng.randint(3, 8)}, the {org[0]} ({org[1]}) has been organizing meetings on "
             f"{c.pick('topics').lower()}. The purpose of these meetings is to review the latest evidence and to "
             f"exchange information with a view to enhancing coordination.",
             "EXPLANATORY NOTES", "\n".join(f"{o[1]} {o[0]}" for o in acronyms),
             "REPORT OF THE MEETING",
             f"The {name} took place in {city}, {country}, from {d1} to {d2} {month} {year}. The meeting was "
             f"organized by the {org[0]} ({org[1]}) in collaboration with the {partner[0]} ({partner[1]}). "
             f"Some {rng.randint(30, 120)} participants attended the meeting.",
             "I. OPENING",
             f"{h} {f} {l}, {c.pick('job_titles')} of the {org[0]}, opened the meeting by welcoming the "
             f"participants. {h} {l} chaired the meeting."]
    numeral = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    n_res = rng.randint(0, 3)
    body_budget = target_bytes - 2500 * n_res - 3000
    size = sum(len(p) for p in parts)
    section = 0
    while size < body_budget:
        if section < len(numeral) and rng.random() < 0.25:
            parts.append(f"{numeral[section]}. {c.pick('topics').upper()}")
            section += 1
        p = _paragraph(c, year)
        parts.append(p)
        size += len(p) + 2
    parts.append(_participants(c, rng.randint(8, 24)))
    if n_res:
        parts += ["PART THREE", "ANNEX"]
        parts += [resolution(c, year - rng.randint(0, 2)) for _ in range(n_res)]
    return "\n\n".join(parts) + "\n"


def generate(out_dir: Path, total_bytes: int, seed: int = 0, mean_doc_bytes: int = 28_000) -> list[Path]:
    """Write reports and stand-alone resolutions until they hold `total_bytes`; returns the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    c = Corpus(random.Random(seed))
    written, total, i = [], 0, 0
    while total < total_bytes:
        year = 2000 + (i % 20)
        if i % 5 == 4:
            text, name = resolution(c, year), f"resolution-{year}-{i:05d}.txt"
        else:
            target = int(mean_doc_bytes * c.rng.uniform(0.6, 1.4))
            text, name = report(c, year, target), f"report-{year}-{i:05d}.txt"
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
        total += len(text.encode("utf-8"))
        i += 1
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--scale", type=float, default=1.0, help="multiple of the shipped corpus's size (default 1)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    files = generate(args.out, int(args.scale * SHIPPED_BYTES), args.seed)
    print(f"wrote {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
