"""Benchmark builds: throughput of each engine against the bare spaCy pipeline, and memory as input grows.

Throughput, on the same sample of the Wikipedia current-events corpus (JSONL, one item a line):

* ``bare``   - the English model without kgraph's components, ``nlp.pipe`` over the texts;
* ``single`` - ``kgraph.api.build`` in one process into an on-disk store;
* ``workers2`` - the same with ``workers=2`` (spaCy's ``nlp.pipe(n_process=2)``);
* ``dask2``  - ``kgraph.distributed.build_dask`` on a 2-worker local Dask cluster (the
  time includes starting the cluster and loading the model in each worker).

Each is reported in articles/s and as a ratio to ``bare``. The model load of the process
that runs the timed call is not counted (it is loaded before the clock starts).

Memory: peak RSS of single-process builds into an on-disk store for the input and for ten
times the input (the same items with changed ids, written on the fly to a temporary
JSONL file, so nothing holds it whole). A flat peak shows that the build streams.

Every run is a subprocess of its own, so its peak RSS is its own.

Usage:
    python benchmarks/bench_build.py                      # sample of 2,000 items, memory on 1,000 and 10,000
    python benchmarks/bench_build.py --sample 0 --memory-base 0   # the full corpus for both (long)
    python benchmarks/bench_build.py --engines "" --memory-base 0 # memory only: the corpus and ten times it
    python benchmarks/bench_build.py --sample 0 --memory-base -1  # throughput only, on the full corpus
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("KGRAPH_SHARED", ROOT.parent / "shared")) / "corpus" / "wikipedia-current-events.jsonl"
OUT = ROOT / "benchmarks" / "out"
ENGINES = ("bare", "single", "workers2", "dask2")


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return own / 1024  # ru_maxrss is in KiB on Linux


def _children_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def write_sample(source: Path, target: Path, count: int, copies: int = 1) -> int:
    """Stream the first ``count`` items (all when 0) ``copies`` times, ids suffixed per copy."""
    written = 0
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            with source.open(encoding="utf-8") as lines:
                for line in itertools.islice(lines, count or None):
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    if copies > 1:
                        record["id"] = f"{record['id']}-copy{copy}"
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
    return written


def run_child(engine: str, path: Path) -> dict[str, Any]:
    """Run one engine on one JSONL file, in this process; return its figures."""
    from kgraph.io import read_articles

    curve: list[tuple[int, float]] = []  # (articles written, peak RSS MB so far) of a kgraph build
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-") as tmp:
        if engine == "bare":
            from kgraph.extract.pipeline import load_bare_pipeline

            nlp = load_bare_pipeline()
            texts = (a.text for a in read_articles([path]))
            started = time.perf_counter()
            articles = sum(1 for _ in nlp.pipe(texts, batch_size=32))
            seconds = time.perf_counter() - started
            claims = None
        elif engine == "dask2":
            from kgraph.api import BuildReport
            from kgraph.distributed import build_dask

            report = BuildReport()
            started = time.perf_counter()
            build_dask(read_articles([path]), store=Path(tmp, "store"), workers=2, partition_size=250,
                       report=report)
            seconds = time.perf_counter() - started
            articles, claims = report.articles, report.claims
        else:
            from kgraph.api import BuildReport, build
            from kgraph.extract import load_pipeline

            load_pipeline()
            report = BuildReport()
            started = time.perf_counter()
            build([path], store=Path(tmp, "store"), workers=2 if engine == "workers2" else 1, report=report,
                  progress=lambda r: _sample_peak(curve, r.articles))
            seconds = time.perf_counter() - started
            articles, claims = report.articles, report.claims
    return {"engine": engine, "articles": articles, "claims": claims, "seconds": round(seconds, 2),
            "articles_per_s": round(articles / seconds, 1), "peak_rss_mb": round(_peak_rss_mb(), 1),
            "children_peak_rss_mb": round(_children_peak_rss_mb(), 1), "peak_curve": curve}


CURVE_STEP = 1000  # articles between two samples of a build's peak RSS


def _sample_peak(points: list[tuple[int, float]], articles: int) -> None:
    """Note the peak so far each time the build passes another CURVE_STEP articles."""
    if not points or articles // CURVE_STEP > points[-1][0] // CURVE_STEP:
        points.append((articles, round(_peak_rss_mb(), 1)))


def peak_at(curve: list[list[float]], articles: int) -> float | None:
    """The peak RSS the build had reached when it had written ``articles`` articles."""
    reached = [peak for done, peak in curve if done <= articles]
    return reached[-1] if reached else None


def run(engine: str, path: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", engine, str(path)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if done.returncode != 0:
        raise SystemExit(f"{engine} failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {engine:9} {result['articles']:>7} articles {result['seconds']:>8.1f}s "
          f"{result['articles_per_s']:>7.1f}/s  peak RSS {result['peak_rss_mb']:.0f} MB", file=sys.stderr)
    return result


def _git_state() -> str:
    """The commit, with "+changes" when the tree differs: runs are only comparable on the same code."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
        dirty = subprocess.run(["git", "status", "--porcelain", "kgraph"], capture_output=True, text=True, cwd=ROOT).stdout
    except OSError:
        return "unknown"
    return head.strip() + ("+changes" if dirty.strip() else "")


def _memory_gib() -> float:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        return 0.0


def table(results: dict[str, Any]) -> str:
    lines = []
    if results["throughput"]:
        bare = results["throughput"].get("bare", {}).get("articles_per_s")
        lines += [f"Build throughput on {results['sample_items']:,} items ({results['corpus']})",
                  f"{'engine':10} {'articles/s':>11} {'x bare':>7} {'claims':>7} {'seconds':>8} {'peak RSS MB':>12}"]
        for engine in ENGINES:
            r = results["throughput"].get(engine)
            if r:
                ratio = f"{r['articles_per_s'] / bare:>7.2f}" if bare else f"{'-':>7}"
                lines.append(f"{engine:10} {r['articles_per_s']:>11.1f} {ratio} "
                             f"{r['claims'] if r['claims'] is not None else '-':>7} {r['seconds']:>8.1f} "
                             f"{r['peak_rss_mb']:>12.0f}")
        lines.append("")
    machine = results["machine"]
    if not results["memory"]:
        return "\n".join(lines) + f"{machine['cpus']} CPUs, {machine['memory_gib']} GiB, git {results['git']}\n"
    lines.append(f"Peak memory of a single-process build (on-disk store); {machine['cpus']} CPUs, "
                 f"{machine['memory_gib']} GiB, git {results['git']}")
    lines.append(f"{'input':10} {'items':>8} {'seconds':>8} {'peak RSS MB':>12} {'peak at 1x':>11}")
    base = results["memory"].get("1x", {}).get("articles")
    for name, r in results["memory"].items():
        early = peak_at(r.get("peak_curve", []), base) if base else None
        lines.append(f"{name:10} {r['articles']:>8,} {r['seconds']:>8.1f} {r['peak_rss_mb']:>12.0f} "
                     f"{early if early is not None else '-':>11}")
    lines.append("(peak at 1x: the peak the run had reached when it had written as many articles as the 1x run)")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=2000, help="items for the throughput runs (0: all)")
    parser.add_argument("--memory-base", type=int, default=1000,
                        help="items of the 1x memory run (0: all; -1: no memory runs)")
    parser.add_argument("--engines", default=",".join(ENGINES), help='comma-separated; "" for memory only')
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child[0], Path(args.child[1]))))
        return
    if not args.corpus.is_file():
        raise SystemExit(f"no corpus at {args.corpus} (set KGRAPH_SHARED)")
    results: dict[str, Any] = {
        "corpus": str(args.corpus), "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "memory_gib": _memory_gib(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "throughput": {}, "memory": {}, "git": _git_state(),
    }
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-in-") as tmp:
        engines = [engine for engine in args.engines.split(",") if engine]
        if engines:
            sample = Path(tmp, "sample.jsonl")
            results["sample_items"] = write_sample(args.corpus, sample, args.sample)
            print(f"throughput on {results['sample_items']} items", file=sys.stderr)
        for engine in engines:
            results["throughput"][engine] = run(engine, sample)
        for name, copies in (("1x", 1), ("10x", 10)) if args.memory_base >= 0 else ():
            path = Path(tmp, f"memory-{name}.jsonl")
            items = write_sample(args.corpus, path, args.memory_base, copies)
            print(f"memory, {name}: {items} items", file=sys.stderr)
            results["memory"][name] = run("single", path)
            path.unlink()
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = table(results)
    (OUT / f"bench_build-{stamp}.json").write_text(json.dumps(results, indent=2) + "\n")
    (OUT / f"bench_build-{stamp}.txt").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
