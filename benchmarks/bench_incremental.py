"""Benchmark re-running a build into its store: unchanged input, and input that grew by 1%.

A build into a store skips an article whose id and text hash are already stored before
parsing it, so re-running a build over an archive costs what its new articles cost, plus
reading the input and one store lookup per article. Three runs of ``kgraph build --store``
as a user types it (each a fresh process, so model loading and start-up count), on a
sample of the Wikipedia current-events corpus:

* ``first``     - the sample into a new store (the baseline);
* ``unchanged`` - the same sample again into that store;
* ``grown``     - the sample plus 1% more items, into that store.

The figures are the ratios of the second and third wall-clock times to the first, measured
in the same run.

Usage:
    python benchmarks/bench_incremental.py                 # 2,000 items
    python benchmarks/bench_incremental.py --sample 0      # the whole corpus (about 3 minutes on 2 cores)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("KGRAPH_SHARED", ROOT.parent / "shared")) / "corpus" / "wikipedia-current-events.jsonl"
OUT = ROOT / "benchmarks" / "out"
KGRAPH = Path(sys.executable).parent / "kgraph"


def write_items(source: Path, target: Path, count: int) -> int:
    """The first ``count`` non-blank lines of ``source`` (all when 0) into ``target``."""
    written = 0
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for line in lines:
            if line.strip():
                out.write(line)
                written += 1
                if written == count:
                    break
    return written


def timed_build(path: Path, store: Path) -> dict[str, Any]:
    """One ``kgraph build PATH --store STORE``: its wall-clock time and its summary line."""
    started = time.perf_counter()
    done = subprocess.run([str(KGRAPH), "build", str(path), "--store", str(store)], capture_output=True, text=True,
                          cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr}")
    return {"seconds": round(seconds, 2), "summary": done.stderr.strip().splitlines()[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=2000, help="items of the first build (0: the corpus less 1%%)")
    args, _ = parser.parse_known_args()  # run_all.py passes every benchmark the same options
    if not args.corpus.is_file():
        raise SystemExit(f"corpus not found: {args.corpus} (set KGRAPH_SHARED)")
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-") as tmp:
        available = sum(1 for line in args.corpus.open(encoding="utf-8") if line.strip())
        base = args.sample or available * 100 // 101
        if base + max(1, base // 100) > available:
            raise SystemExit(f"the corpus has {available} items: take --sample {available * 100 // 101} or fewer")
        first, grown = Path(tmp, "first.jsonl"), Path(tmp, "grown.jsonl")
        items = write_items(args.corpus, first, base)
        grown_items = write_items(args.corpus, grown, base + max(1, base // 100))
        store = Path(tmp, "store")
        runs = {}
        for name, path in (("first", first), ("unchanged", first), ("grown", grown)):
            runs[name] = timed_build(path, store)
            print(f"  {name:9} {runs[name]['seconds']:>7.1f}s  {runs[name]['summary']}", file=sys.stderr)
    ratios = {name: round(runs[name]["seconds"] / runs["first"]["seconds"], 3) for name in ("unchanged", "grown")}
    results = {
        "benchmark": "bench_incremental", "date": dt.date.today().isoformat(), "corpus": str(args.corpus),
        "items": items, "grown_items": grown_items, "runs": runs, "ratio_to_first": ratios,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_incremental.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"Re-running kgraph build --store over {items:,} items ({os.cpu_count()} CPUs)")
    print(f"{'run':10} {'items':>7} {'seconds':>8} {'x first':>8}")
    print(f"{'first':10} {items:>7,} {runs['first']['seconds']:>8.1f} {1:>8.3f}")
    print(f"{'unchanged':10} {items:>7,} {runs['unchanged']['seconds']:>8.1f} {ratios['unchanged']:>8.3f}")
    print(f"{'grown 1%':10} {grown_items:>7,} {runs['grown']['seconds']:>8.1f} {ratios['grown']:>8.3f}")


if __name__ == "__main__":
    main()
