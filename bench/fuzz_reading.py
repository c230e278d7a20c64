"""Fuzz the reading and extraction with mutated versions of invented documents.

    python -m bench.fuzz_reading                    # 300 cases, seed 0
    python -m bench.fuzz_reading --cases 10000 --seconds 1800 --seed 3

Each case takes one of the invented texts below and applies a few random mutations — a cut, a
join of lines, a splice of two texts, a run of spaces or of a repeated token, odd Unicode (no-break
and zero-width spaces, ligatures, combining marks, bidi controls, characters that fold to ASCII
letters), control characters — then reads and extracts it. Invariants: no exception; every view
span maps back inside the source; every evidence quote is the source text at its offsets; every
ref an attribute or relation uses has a mention. It prints the counts (cases, crashes, invariant
failures) and the slowest case; the first failures are printed with their seed to reproduce.
"""
from __future__ import annotations

import argparse
import random
import time
import traceback
from collections.abc import Sequence

BASES: tuple[str, ...] = (
    "REPORT OF THE REGIONAL WORKSHOP ON TIDAL MOBILITY\n\n"
    "I. ORGANIZATION OF THE WORKSHOP\n\n"
    "1. The Regional Workshop on Tidal Mobility was held in Lima, Peru, from 3 to 5 May 2031. It was\n"
    "organized by the Arnor Institute for Migration Studies (AIMS) in collaboration with the Gondor\n"
    "Bureau of Statistics. Some 40 participants attended.\n\n"
    "2. Ms. Ann Tern, Director of AIMS, opened the Workshop. Mr. Bo Reed chaired the first session.\n",
    "The Council,\n\nRecalling its resolution 12/3 of 4 June 2030,\n\n"
    "1. Requests the Secretary-General to report on the implementation of the present resolution;\n"
    "2. Invites the Arnor Institute for Migration Studies to support the Regional Forum on Seasonal Work;\n"
    "3. Decides to convene the Third Forum on Seasonal Work in Quito, Ecuador, in 2032.\n\n"
    "41st plenary meeting\n7 July 2031\n",
    "References\n\n"
    "Tern, Ann (2030). Tides of Arnor. Lima: Arnor Institute for Migration Studies.\n"
    "- Reed, Bo, and Ann Tern (2029a). *Seasonal Work in Gondor*. Quito: Gondor Bureau of Statistics.\n"
    "Vale, Cy (n.d.). Paper presented at the Second Forum on Seasonal Work, Quito.\n",
    "LIST OF PARTICIPANTS\n\nArnor Institute for Migration Studies\nMs. Ann Tern, Director\n\n"
    "Gondor Bureau of Statistics\nMr. Bo Reed, Chief Statistician\nMs. Cy Vale, Researcher\n",
)
_ODD = ["\u00a0", "\u200b", "\ufb01", "\ufb02", "\u0301", "\u202e", "\u2066", "\u2069", "\u0130", "\u0131", "\u017f",
        "\u212a", "\u2028", "\u2029", "\u00ad", "\ufeff", "\u3000", "\U0001f30a", "\u00e9", "\u0661"]
_CONTROL = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127, 0x85)]
_TOKENS = ["Mr. ", "1.1.", "(", " ", "\t", "resolution 1/1, ", "-\n", "\n\n", "* ", "(2030)", "\u2022 "]
OPS = ("cut", "join_lines", "splice", "run", "odd", "control", "swap_case", "duplicate", "crlf", "wrap")


def mutate(text: str, ops: Sequence[tuple[str, int, int, int]]) -> str:
    """Apply each (op, a, b, k) in turn; a and b are positions (taken modulo the length), k picks a payload."""
    for op, a, b, k in ops:
        n = len(text) + 1
        i, j = sorted((a % n, b % n))
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "join_lines":
            text = text[:i] + text[i:j].replace("\n", " ") + text[j:]
        elif op == "splice":
            other = BASES[k % len(BASES)]
            text = text[:i] + other[j % (len(other) + 1):]
        elif op == "run":
            text = text[:i] + _TOKENS[k % len(_TOKENS)] * (1 + (j - i) % 400) + text[i:]
        elif op == "odd":
            text = text[:i] + _ODD[k % len(_ODD)] + text[i:]
        elif op == "control":
            text = text[:i] + _CONTROL[k % len(_CONTROL)] + text[i:]
        elif op == "swap_case":
            text = text[:i] + text[i:j].swapcase() + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "crlf":
            text = text.replace("\n", "\r\n")
        elif op == "wrap":  # re-wrap a stretch at a narrow width, as a PDF would
            width = 20 + k % 60
            words = text[i:j].split(" ")
            lines, line = [], ""
            for w in words:
                if line and len(line) + len(w) + 1 > width:
                    lines.append(line)
                    line = w
                else:
                    line = f"{line} {w}" if line else w
            text = text[:i] + "\n".join([*lines, line]) + text[j:]
    return text


def random_ops(rng: random.Random, count: int) -> list[tuple[str, int, int, int]]:
    return [(rng.choice(OPS), rng.randrange(1 << 16), rng.randrange(1 << 16), rng.randrange(1 << 16))
            for _ in range(count)]


def check(text: str) -> list[str]:
    """The invariants broken on one text (empty: all held). Exceptions propagate."""
    from graph.ingest import make_document
    from graph.lexicon import load_lexicon
    from graph.pipeline import extract_document
    from graph.reading import read

    doc = make_document(text, "fuzz")
    problems = []
    reading = read(doc)
    view = reading.text
    for s in range(0, len(view) + 1, max(1, len(view) // 25)):
        for e in (s, min(len(view), s + 7), len(view)):
            a, b = reading.source_span(s, e)
            if not 0 <= a <= b <= len(text):
                problems.append(f"view span {s}:{e} maps to {a}:{b} outside the source")
    ex = extract_document(doc, load_lexicon())
    for item in (*ex.mentions, *ex.attributes, *ex.relations):
        ev = item.evidence
        if not (0 <= ev.start <= ev.end <= len(text) and text[ev.start:ev.end] == ev.quote):
            problems.append(f"quote is not its slice: {ev.start}:{ev.end} {ev.quote[:40]!r}")
    mentioned = {m.ref for m in ex.mentions}
    problems += [f"attribute without mention: {a.ref}" for a in ex.attributes if a.ref not in mentioned]
    problems += [f"relation without mention: {r.subject} {r.object}" for r in ex.relations
                 if r.subject not in mentioned or r.object not in mentioned]
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seconds", type=float, default=600.0, help="stop after this long, whatever the count")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--ops", type=int, default=4, help="most mutations per case")
    args = ap.parse_args(argv)
    from graph.lexicon import load_lexicon

    load_lexicon()
    check(BASES[0])  # patterns compiled before the clock starts
    t0 = time.perf_counter()
    cases = crashes = failures = 0
    slowest = (0.0, -1)
    for case in range(args.cases):
        if time.perf_counter() - t0 > args.seconds:
            break
        rng = random.Random(f"{args.seed}:{case}")
        text = mutate(rng.choice(BASES), random_ops(rng, rng.randint(1, args.ops)))
        t = time.perf_counter()
        try:
            problems = check(text)
        except Exception:
            crashes += 1
            if crashes <= 3:
                print(f"crash: seed {args.seed} case {case}\n{traceback.format_exc()}")
            problems = []
        slowest = max(slowest, (time.perf_counter() - t, case))
        cases += 1
        if problems:
            failures += 1
            if failures <= 3:
                print(f"invariant: seed {args.seed} case {case}: {problems[0]}")
    elapsed = time.perf_counter() - t0
    print(f"cases {cases}, crashes {crashes}, invariant failures {failures}, {elapsed:.1f} s "
          f"(slowest case {slowest[1]}: {slowest[0]:.2f} s)")
    return 1 if crashes or failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
