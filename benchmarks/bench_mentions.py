"""Benchmark extraction (mentions and claims) against the bare spaCy pipeline.

On a deterministic sample of the Wikipedia current-events corpus (default 2,000 items) it
times, in one process and one run each after a short warm-up:

* ``bare``: the English model alone (``load_bare_pipeline()``), ``nlp.pipe`` over the texts;
* ``kgraph``: ``load_pipeline()`` (line breaks, gazetteer entity ruler, mentions) over the same texts;
* ``kgraph_without_mentions``: the same with the mention component disabled (what the
  gazetteer ruler and the line-break component cost);
* ``mentions``: ``find_mentions`` alone on those Docs;
* ``claims``: ``extract_claims`` alone on those Docs and their mentions (the claim rules).

``extraction / bare`` = (kgraph + claims) / bare is the whole of ``kgraph extract``'s work
against the model alone; ``(mentions + claims) / bare`` is its steadier part.

The machine's load moves whole-pipeline timings by more than the mention finder costs, so
``mentions / bare`` is the stable figure; rerun for the others.

It prints the throughputs and the ratios ``kgraph / bare`` and ``mentions / bare`` (the
project's target is the whole extraction within 15% of the bare pipeline), and writes them as
JSON to ``benchmarks/out/bench_mentions-<timestamp>.json``.

Usage:
    python benchmarks/bench_mentions.py                 # 2,000 items
    python benchmarks/bench_mentions.py --items 500     # quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "wikipedia-current-events.jsonl"


def read_sample(path: Path, items: int) -> list[tuple[str, dt.date | None]]:
    """Every k-th record of the corpus, so that the sample spreads over its whole period."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    step = max(1, len(records) // items)
    sample = records[::step][:items]
    return [(r["text"], dt.date.fromisoformat(r["date"]) if r.get("date") else None) for r in sample]


def _timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(items: int, corpus: Path, batch_size: int = 64) -> dict[str, Any]:
    from kgraph.extract.claims import extract_claims
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.pipeline import load_bare_pipeline, load_pipeline

    sample = read_sample(corpus, items)
    texts = [text for text, _ in sample]
    bare = load_bare_pipeline()
    full = load_pipeline()

    def make(nlp: Any) -> list[Any]:
        docs = []
        for text, date in sample:
            doc = nlp.make_doc(text)
            doc._.kg_date = date.isoformat() if date else None
            docs.append(doc)
        return docs

    # Warm-up: model weights, gazetteer tables and pattern caches.
    list(bare.pipe(texts[:20]))
    list(full.pipe(make(full)[:20]))

    t_bare = _timed(lambda: list(bare.pipe(texts, batch_size=batch_size)))
    t_full = _timed(lambda: list(full.pipe(make(full), batch_size=batch_size)))
    parsed: list[Any] = []
    with full.select_pipes(disable=["kgraph_mentions"]):
        t_ruler = _timed(lambda: parsed.extend(full.pipe(make(full), batch_size=batch_size)))
    count = 0

    def mentions_only() -> None:
        nonlocal count
        for doc, (_, date) in zip(parsed, sample):
            count += len(find_mentions(doc, date=date))

    t_mentions = _timed(mentions_only)
    found = [find_mentions(doc, date=date) for doc, (_, date) in zip(parsed, sample)]
    claims = 0

    def claims_only() -> None:
        nonlocal claims
        for doc, mentions, (_, date) in zip(parsed, found, sample):
            claims += len(extract_claims(doc, mentions, date=date))

    t_claims = _timed(claims_only)
    tokens = sum(len(doc) for doc in parsed)
    # Component by component over the same Docs: the share of kgraph's own components is
    # steadier under a loaded machine than the difference of two whole-pipeline runs.
    components: dict[str, float] = {}
    docs = make(full)
    for name, proc in full.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        components[name] = round(time.perf_counter() - start, 3)
    ours = sum(t for name, t in components.items() if name.startswith("kgraph_"))
    model = sum(t for name, t in components.items() if not name.startswith("kgraph_"))
    return {
        "benchmark": "bench_mentions",
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "corpus": str(corpus),
        "items": len(texts),
        "tokens": tokens,
        "mentions": count,
        "claims": claims,
        "seconds": {"bare": round(t_bare, 3), "kgraph": round(t_full, 3),
                    "kgraph_without_mentions": round(t_ruler, 3), "mentions": round(t_mentions, 3),
                    "claims": round(t_claims, 3)},
        "docs_per_second": {"bare": round(len(texts) / t_bare, 1), "kgraph": round(len(texts) / t_full, 1),
                            "kgraph_without_mentions": round(len(texts) / t_ruler, 1),
                            "mentions": round(len(texts) / t_mentions, 1),
                            "claims": round(len(texts) / t_claims, 1)},
        "component_seconds": components,
        "ratio_kgraph_components_over_model": round(ours / model, 3),
        "ratio_kgraph_over_bare": round(t_full / t_bare, 3),
        "ratio_mentions_over_bare": round(t_mentions / t_bare, 3),
        "ratio_extraction_over_bare": round((t_full + t_claims) / t_bare, 3),
        "ratio_mentions_and_claims_over_bare": round((t_mentions + t_claims) / t_bare, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args(argv)
    result = run(args.items, args.corpus)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = args.out / f"bench_mentions-{stamp}.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    seconds, rate = result["seconds"], result["docs_per_second"]
    print(f"{result['items']} items, {result['tokens']} tokens, {result['mentions']} mentions, "
          f"{result['claims']} claims")
    for key in ("bare", "kgraph", "kgraph_without_mentions", "mentions", "claims"):
        print(f"  {key:<24} {seconds[key]:>8.2f} s  {rate[key]:>8.1f} docs/s")
    print(f"  kgraph / bare   = {result['ratio_kgraph_over_bare']:.3f}  (two whole runs; load-sensitive)")
    print(f"  kgraph components / model components = {result['ratio_kgraph_components_over_model']:.3f}")
    print(f"  mentions / bare = {result['ratio_mentions_over_bare']:.3f}")
    print(f"  extraction (kgraph + claims) / bare = {result['ratio_extraction_over_bare']:.3f}")
    print(f"  (mentions + claims) / bare = {result['ratio_mentions_and_claims_over_bare']:.3f}")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
