"""How long the explorer takes to open in headless Chromium, and how many edges it draws.

    python benchmarks/bench_explorer.py                       # the corpus store (built once into benchmarks/out/)
    python benchmarks/bench_explorer.py --store kg.store --runs 7

For each graph, `kgraph serve` serves it and a fresh browser context (cold cache, as a first
visit) opens the explorer; the time is the page's own clock (``performance.now()``, from the
start of navigation) when sigma has drawn the first frame with the graph. The baseline is the
same page on an empty graph, measured in the same run: what the page costs before any data
(scripts, WebGL, the world map). Also reported: the server's time to answer the page's two
queries (``nodes``, ``claims``) from Python, and the edges drawn and hidden (the page draws the
300 strongest by default). Medians of ``--runs`` runs; writes benchmarks/out/explorer.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
SHARED = Path(os.environ.get("KGRAPH_SHARED", ROOT.parent / "shared"))
CHROMIUM = os.environ.get("KGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _corpus_store() -> Path:
    store = OUT / "corpus.store"
    if not (store / "CURRENT").is_file():
        print(f"building {store} from {SHARED / 'corpus'} (about 3 minutes, once)", flush=True)
        subprocess.run([sys.executable, "-m", "kgraph", "build", str(SHARED / "corpus"), "--store", str(store)],
                       check=True)
    return store


def _empty_store() -> Path:
    from kgraph.graph import KnowledgeGraph

    store = OUT / "empty.store"
    if not (store / "CURRENT").is_file():
        kg = KnowledgeGraph(store)
        kg.flush()
        del kg
    return store


def _query_ms(url: str, query: str) -> float:
    started = time.perf_counter()
    request = urllib.request.Request(url, data=query.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def measure(store: Path, runs: int, browser) -> dict:
    from kgraph.explorer import explorer_queries
    from kgraph.serve import start_server

    queries = explorer_queries()
    loads, fetched, counts = [], [], {}
    with start_server(store, port=0, timeout=60) as server:
        _query_ms(server.query_url, queries["claims"])  # the server's first answer warms its caches
        server_ms = [_query_ms(server.query_url, queries["nodes"]) + _query_ms(server.query_url, queries["claims"])
                     for _ in range(runs)]
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 850})
            page = context.new_page()
            page.goto(server.url + "/")
            page.wait_for_function("window.kgExplorer && (kgExplorer.ready || kgExplorer.error)", timeout=60_000)
            result = page.evaluate("({error: kgExplorer.error, load: kgExplorer.loadMs, marks: kgExplorer.marks,"
                                   " drawn: kgExplorer.edgesDrawn, total: kgExplorer.edgesTotal,"
                                   " hidden: kgExplorer.edgesHidden, nodes: kgExplorer.nodesDrawn})")
            context.close()
            if result["error"]:
                raise RuntimeError(result["error"])
            loads.append(result["load"])
            fetched.append(result["marks"]["fetched"] - result["marks"]["start"])
            counts = {k: result[k] for k in ("drawn", "hidden", "total", "nodes")}
    return {"store": str(store), "load_ms": loads, "load_ms_median": statistics.median(loads),
            "load_ms_min": min(loads), "data_wait_ms_median": statistics.median(fetched),
            "server_queries_ms_median": statistics.median(server_ms), **{f"edges_{k}" if k != "nodes" else "nodes_drawn": v
                                                                        for k, v in counts.items()}}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", action="append", type=Path, help="store(s) to open (default: the corpus)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    stores = [("empty graph (baseline)", _empty_store())]
    stores += [(str(s), s) for s in args.store] if args.store else [("corpus (10,340 items)", _corpus_store())]
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            for name, store in stores:
                results[name] = measure(store, args.runs, browser)
        finally:
            browser.close()
    base = results["empty graph (baseline)"]["load_ms_median"]
    print(f"{'graph':28} {'load ms (median, min)':>22} {'x baseline':>10} {'waiting for data':>17} "
          f"{'server':>7} {'edges drawn / hidden':>21}")
    for name, r in results.items():
        r["ratio_to_baseline"] = r["load_ms_median"] / base
        print(f"{name:28} {r['load_ms_median']:>13.0f} ({r['load_ms_min']:>5.0f}) {r['ratio_to_baseline']:>10.2f} "
              f"{r['data_wait_ms_median']:>17.0f} {r['server_queries_ms_median']:>7.0f} "
              f"{r['edges_drawn']:>12} / {r['edges_hidden']}")
    machine = {"cpus": os.cpu_count(), "platform": platform.platform(), "load_average": os.getloadavg(),
               "chromium": subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()}
    (OUT / "explorer.json").write_text(json.dumps({"machine": machine, "runs": args.runs, "results": results}, indent=2))
    print(f"machine: {machine['cpus']} cpus, load average {machine['load_average'][0]:.1f}; wrote {OUT / 'explorer.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
