"""Attack trials on the output folder and the cache; prints what held.

    python -m bench.output_trials [--concurrent 10] [--kills 20] [--work DIR]

- concurrent: two builds of the shipped corpus (different base IRIs, so their sets differ)
  started together into one --out; a trial holds when both exit 0 and the folder then holds
  one build's whole set.
- kills: a build over an existing set is killed (SIGKILL) at a random moment, or when its
  unfinished set holds k files; a trial holds when the folder shows all the old set or all
  the new one, and the next build succeeds.
- cache: a pickle planted where entries live must not run; an edited entry must not reach
  the outputs.
"""
from __future__ import annotations

import argparse
import os
import pickle
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.html", "timeline.html", "ontology.ttl", "merges.tsv")


def _env(cache: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["MIGKG_CACHE_DIR"] = str(cache)
    return env


def _cmd(out: Path, base: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "migkg", "build", "--out", str(out), "--quiet", "--jobs", "1",
            "--base-iri", base, *extra]


def _set(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in SET if (out / n).is_file()}


def concurrent(work: Path, trials: int) -> tuple[int, int]:
    held = 0
    refs = {}
    for base in ("https://a.example/id/", "https://b.example/id/"):
        out = work / f"ref-{base[8]}"
        subprocess.run(_cmd(out, base, "--no-cache"), env=_env(work / "cache"), check=True)
        refs[base] = _set(out)
    for t in range(trials):
        out = work / f"conc-{t}"
        procs = [subprocess.Popen(_cmd(out, base, "--no-cache"), env=_env(work / "cache"),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for base in refs]
        rcs = [p.wait() for p in procs]
        whole = _set(out) in refs.values()
        held += rcs == [0, 0] and whole
        print(f"  concurrent trial {t + 1}: exit {rcs}, one whole set: {whole}", flush=True)
    return held, trials


def kills(work: Path, trials: int, seed: int = 1) -> tuple[int, int, dict[str, int]]:
    rnd = random.Random(seed)
    old_base, new_base = "https://old.example/id/", "https://new.example/id/"
    refs = {}
    for base in (old_base, new_base):
        out = work / f"kref-{base[8:11]}"
        subprocess.run(_cmd(out, base, "--no-cache"), env=_env(work / "cache"), check=True)
        refs[base] = _set(out)
    held, seen = 0, {"old": 0, "new": 0, "mixed": 0}
    for t in range(trials):
        out = work / f"kill-{t}"
        subprocess.run(_cmd(out, old_base, "--no-cache"), env=_env(work / "cache"), check=True)
        store = out.parent / f".{out.name}.migkg"
        proc = subprocess.Popen(_cmd(out, new_base, "--no-cache"), env=_env(work / "cache"),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if t % 2:
            time.sleep(rnd.uniform(0.5, 7.0))
        else:  # while the unfinished set holds k of its files
            k = rnd.randint(1, len(SET))
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline:
                current = os.path.realpath(out)
                if any(len(list(p.iterdir())) >= k for p in store.glob("set-*") if str(p) != current):
                    break
                time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = _set(out)
        state = "old" if now == refs[old_base] else "new" if now == refs[new_base] else "mixed"
        seen[state] += 1
        again = subprocess.run(_cmd(out, new_base, "--no-cache"), env=_env(work / "cache"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        ok = state != "mixed" and again == 0 and _set(out) == refs[new_base]
        held += ok
        print(f"  kill trial {t + 1}: after the kill {state}; next build exit {again}", flush=True)
    return held, trials, seen


class _Planted:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):  # what a planted pickle would run on load
        return (os.system, (f"touch {self.marker}",))


def cache(work: Path) -> dict[str, bool]:
    cache_dir = work / "trial-cache"
    base = "https://c.example/id/"
    plain = work / "cache-plain"
    subprocess.run(_cmd(plain, base, "--no-cache"), env=_env(cache_dir), check=True)
    subprocess.run(_cmd(work / "cache-fill", base), env=_env(cache_dir), check=True)
    entry = next(cache_dir.rglob("*.json"))
    edited = entry.read_bytes().replace(b"Global Forum on Migration and Development",
                                        b"Global Forum on Migraton and Development")
    entry.write_bytes(edited)
    subprocess.run(_cmd(work / "cache-edited", base), env=_env(cache_dir), check=True)
    marker = work / "planted-ran"
    entry.write_bytes(pickle.dumps(_Planted(str(marker))))
    entry.with_suffix(".pkl").write_bytes(pickle.dumps(_Planted(str(marker))))
    subprocess.run(_cmd(work / "cache-planted", base), env=_env(cache_dir), check=True)
    return {
        "edited entry kept out of the outputs": _set(work / "cache-edited") == _set(plain),
        "planted pickle never ran": not marker.exists(),
        "outputs after a planted entry as without cache": _set(work / "cache-planted") == _set(plain),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--concurrent", type=int, default=10)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="migkg-trials-"))
    work.mkdir(parents=True, exist_ok=True)
    held, n = concurrent(work, args.concurrent)
    print(f"concurrent builds into one --out: {held} of {n} trials held")
    held, n, seen = kills(work, args.kills)
    print(f"SIGKILL during a build: {held} of {n} trials held (after the kill: {seen})")
    for what, ok in cache(work).items():
        print(f"cache: {what}: {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
