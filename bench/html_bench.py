"""Time-to-interactive of the network page, next to plain pyvis defaults, in headless Chromium.

Run from the project root:

    python bench/html_bench.py                 # shipped corpus + 1k, 5k, 10k synthetic nodes
    python bench/html_bench.py --sizes 1000 --runs 1 --pyvis-timeout 30

For each graph it writes migkg's graph.html and a plain pyvis page (defaults: physics on,
`cdn_resources="in_line"`, the only mode whose vis-network loads at all without a network),
opens each in headless Chromium with the network emulated off, and measures, from
navigation start:

- ready: migkg's page has drawn the network once and wired search, filters and panel;
  pyvis's page has drawn once (after its physics stabilization);
- then, on migkg's page, how long a search plus selecting the best hit (panel, neighbourhood
  highlight, focus) blocks the page.

It prints a Markdown table. Pages are written to a temporary directory, never the cwd.
"""
from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import browser  # noqa: E402
from tests.kgfactory import synthetic_kg  # noqa: E402

# Installed before any page script runs: notes when pyvis's global `network` first draws.
PYVIS_HOOK = """
(function () {
  var n;
  Object.defineProperty(window, "network", { configurable: true,
    get: function () { return n; },
    set: function (v) { n = v; if (v && v.once) v.once("afterDrawing", function () { window.__pyvisReady = performance.now(); }); } });
})();
"""


def corpus_kg():  # type: ignore[no-untyped-def]
    from graph.pipeline import run_files

    return run_files().graph


def write_pyvis_default(kg, path: Path) -> None:  # type: ignore[no-untyped-def]
    """A plain pyvis page with its defaults: labels and titles, physics on, in_line resources."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    # filling the lists directly: add_node/add_edge are quadratic (minutes at 10k)
    net.nodes = [{"id": n, "label": a.get("label", n), "title": a.get("cls", ""), "shape": "dot", "size": 10}
                 for n, a in kg.nodes(data=True)]
    net.edges = [{"from": u, "to": v, "title": k, "arrows": "to"} for u, v, k in kg.edges(keys=True)]
    path.write_text(net.generate_html(), encoding="utf-8")


def time_migkg(drv, path: Path, query: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    drv.get(path.as_uri())
    ready = browser.wait_ready(drv, timeout=120)
    t = time.perf_counter()
    drv.execute_script(
        "var h = window.migkg.search(arguments[0]); if (h.length) window.migkg.selectNode(h[0].id, true);", query)
    drv.execute_script("return 1")  # returns once the page is free again
    return ready / 1000, time.perf_counter() - t


def probe_pyvis(path: Path, timeout: float) -> None:
    """Child process: open a pyvis page, print seconds to its first draw, or nothing."""
    from selenium.common.exceptions import TimeoutException

    with browser.driver(offline=True) as drv:
        drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PYVIS_HOOK})
        deadline = time.monotonic() + timeout
        drv.set_page_load_timeout(timeout)
        drv.set_script_timeout(5)
        try:
            drv.get(path.as_uri())  # may block while pyvis stabilizes
        except TimeoutException:
            return
        while time.monotonic() < deadline:
            v = drv.execute_script("return window.__pyvisReady || null")
            if v:
                print(f"{v / 1000:.3f}", flush=True)
                return
            time.sleep(0.25)


def time_pyvis(path: Path, timeout: float) -> str:
    """Run the probe in its own process group and kill it at the deadline: a page busy in
    physics stalls every WebDriver command, so only a hard kill keeps the benchmark bounded."""
    proc = subprocess.Popen([sys.executable, __file__, "--probe-pyvis", str(path), str(timeout)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout + 15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        out = ""
    out = out.strip()
    return f"{float(out):.2f} s" if out else f"> {timeout:.0f} s (not drawn yet)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 10000])
    ap.add_argument("--runs", type=int, default=3, help="runs per migkg page (median reported)")
    ap.add_argument("--pyvis-timeout", type=float, default=60.0, help="give up on a pyvis page after this")
    ap.add_argument("--no-pyvis", action="store_true")
    ap.add_argument("--no-corpus", action="store_true")
    ap.add_argument("--probe-pyvis", nargs=2, metavar=("PAGE", "TIMEOUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.probe_pyvis:
        probe_pyvis(Path(args.probe_pyvis[0]), float(args.probe_pyvis[1]))
        return 0
    if not browser.available():
        print("needs /usr/bin/chromium and /usr/bin/chromedriver", file=sys.stderr)
        return 2

    from exports.html import write_html

    cases = []
    if not args.no_corpus:
        cases.append(("shipped corpus", corpus_kg, "IOM"))
    for n in args.sizes:
        cases.append((f"synthetic {n:,}", lambda n=n: synthetic_kg(n), "Organization 5"))

    rows = []
    with tempfile.TemporaryDirectory(prefix="migkg-bench-") as tmp:
        for name, make, query in cases:
            kg = make()
            page = Path(tmp) / "graph.html"
            t = time.perf_counter()
            write_html(kg, page)
            write_s = time.perf_counter() - t
            readies, interacts = [], []
            for _ in range(args.runs):
                with browser.driver(offline=True) as drv:  # a fresh browser: no warm caches
                    r, i = time_migkg(drv, page, query)
                readies.append(r)
                interacts.append(i)
            pyvis = "—"
            if not args.no_pyvis:
                plain = Path(tmp) / "pyvis.html"
                write_pyvis_default(kg, plain)
                pyvis = time_pyvis(plain, args.pyvis_timeout)
            rows.append((name, kg.number_of_nodes(), kg.number_of_edges(), write_s, page.stat().st_size,
                         statistics.median(readies), max(readies), statistics.median(interacts), pyvis))
            print(f"  {name}: done", file=sys.stderr)

    print("| graph | nodes | edges | write (Python) | page size | migkg ready (median) | worst | search+select | "
          "plain pyvis defaults, first draw |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, n, m, w, size, ready, worst, inter, pyvis in rows:
        print(f"| {name} | {n:,} | {m:,} | {w:.2f} s | {size / 1e6:.1f} MB | {ready:.2f} s | {worst:.2f} s | "
              f"{inter:.2f} s | {pyvis} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
