"""Benchmark the graph layer: pyoxigraph vs rdflib's in-memory engine on kgraph-shaped graphs.

For each size (default ~100k and ~1M quads) a deterministic synthetic corpus is generated
(articles with 6-14 claims over 190 countries, hub-skewed, amounts, periods, speakers,
all modalities) and converted with ``kgraph.rdf`` exactly as ``KnowledgeGraph.add`` does.
Each (engine, size) runs in its own subprocess so that peak RSS is that run's own.

Measured per engine and size: load time from the same N-Quads bytes, median latency of
every shipped query (``run_query`` with typical bindings), peak RSS; for Oxigraph also
the median ``KnowledgeGraph.add`` latency of a new article on the loaded store and the
rdflib hand-over (``to_rdflib``) time; on the smallest size the pyshacl ``validate`` time.

Usage:
    python benchmarks/bench_store.py                 # 100k and 1M, writes benchmarks/out/
    python benchmarks/bench_store.py --sizes 20000   # quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import signal
import statistics
import string
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgraph.model import Amount, Article, Claim, Entity, Evidence, Percent, Period  # noqa: E402

RELATION_WEIGHTS = {
    "trade_partner": 20,
    "investor": 10,
    "meeting": 14,
    "agreement": 10,
    "strategic_partner": 6,
    "ally": 4,
    "aid_donor": 5,
    "energy_supplier": 4,
    "military_cooperation": 5,
    "sanction": 6,
    "tariff": 4,
    "dispute": 4,
    "conflict": 3,
    "leader_of": 5,
}
MODALITIES = ["asserted"] * 80 + ["negated"] * 6 + ["future"] * 8 + ["hedged"] * 6


def _countries(n: int = 190) -> list[Entity]:
    rng = random.Random(1)
    codes: set[str] = {"RUS", "TJK", "CHN", "USA"}
    while len(codes) < n:
        codes.add("".join(rng.choice(string.ascii_uppercase) for _ in range(3)))
    ordered = ["RUS", "CHN", "TJK", "USA"] + sorted(codes - {"RUS", "TJK", "CHN", "USA"})
    return [Entity("Country", c, f"Country {c}", qid=f"Q{1000 + i}") for i, c in enumerate(ordered)]


def generate_corpus(target_quads: int, seed: int = 42) -> tuple[list[Any], dict[str, str]]:
    """(article, claims) pairs whose quads add up to about ``target_quads``."""
    from kgraph.rdf import to_quads

    rng = random.Random(seed)
    countries = _countries()
    weights = [1.0 / (i + 1) ** 0.9 for i in range(len(countries))]  # hub-skewed (Zipf-like)
    leaders = {
        c.id: Entity("Leader", f"leader-{c.id.lower()}", f"Leader of {c.id}", country=c.id, role="President")
        for c in countries
    }
    relations = list(RELATION_WEIGHTS)
    rel_weights = list(RELATION_WEIGHTS.values())
    items: list[Any] = []
    total = 0
    i = 0
    while total < target_quads:
        date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        sentences = []
        claims = []
        art_id = f"art{i:06d}"
        for k in range(rng.randint(6, 14)):
            rel = rng.choices(relations, rel_weights)[0]
            a, b = rng.choices(countries, weights, k=2)
            while b.id == a.id:
                b = rng.choices(countries, weights)[0]
            subject = leaders[b.id] if rel == "leader_of" else a
            sentence = f"Sentence {k} says {a.name} and {b.name} are related by {rel} in {date.year}."
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            extra: dict[str, Any] = {}
            if rel in ("trade_partner", "investor", "aid_donor") and rng.random() < 0.6:
                value = round(rng.lognormvariate(20, 1.5), -6)
                extra["amount"] = Amount(value, "USD", f"${value / 1e6:.0f} million")
                if rng.random() < 0.5:
                    extra["percent"] = Percent(round(rng.uniform(-30, 60), 1), "x%")
                year = date.year - 1
                extra["period"] = Period(f"in {year}", dt.date(year, 1, 1), dt.date(year, 12, 31))
            if rel == "investor" and rng.random() < 0.3:
                extra["rank"] = rng.randint(1, 5)
            if rng.random() < 0.15:
                extra["speaker"] = leaders[a.id]
            claims.append(
                Claim(
                    art_id,
                    rel,
                    subject,
                    b,
                    Evidence(sentence, start, start + len(sentence)),
                    "bench.v1",
                    modality=rng.choice(MODALITIES),
                    confidence=round(rng.uniform(0.5, 1.0), 2),
                    **extra,
                )
            )
        article = Article(art_id, " ".join(sentences), date, title=f"Title {i}", source=rng.choice(["Trend", "TASS", "AP"]))
        total += len(to_quads(article, claims)) + 6 * len(claims)  # + edge quads, roughly
        items.append((article, claims))
        i += 1
    params = {"country": "RUS", "partner": "CHN", "a": "RUS", "b": "CHN", "org": "BENCHORG"}
    return items, params


def build_nquads(items: list[Any]) -> bytes:
    """The whole corpus as N-Quads bytes (what both engines load)."""
    from pyoxigraph import NamedNode, Quad, RdfFormat, serialize

    from kgraph.rdf import ontology_quads, to_edge_quads, to_quads, to_supports
    from kgraph.vocab import ENTITIES_GRAPH, KG, entity_iri

    quads: list[Any] = list(ontology_quads())
    supports = []
    for article, claims in items:
        quads += to_quads(article, claims)
        supports += to_supports(article, claims)
    quads += to_edge_quads(supports)
    g = NamedNode(ENTITIES_GRAPH)
    org = NamedNode(entity_iri(Entity("Organization", "BENCHORG", "Bench Org")))
    from pyoxigraph import Literal

    quads += [
        Quad(org, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(str(KG.Organization)), g),
        Quad(org, NamedNode(str(KG.acronym)), Literal("BENCHORG"), g),
        Quad(org, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Bench Org"), g),
        Quad(org, NamedNode(str(KG.entityId)), Literal("BENCHORG"), g),
    ]
    for c in _countries()[:12]:
        quads.append(Quad(org, NamedNode(str(KG.hasMember)), NamedNode(entity_iri(c)), g))
    return serialize(dict.fromkeys(quads), format=RdfFormat.N_QUADS) or b""


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def _time_queries(target: Any, params: dict[str, str], repeats: int, budget: float) -> dict[str, Any]:
    from kgraph.queries import list_queries, run_query

    out: dict[str, Any] = {}
    signal.signal(signal.SIGALRM, _alarm)
    for name, info in list_queries().items():
        bindings = {p: params[p] for p in info.params if p in params}
        times = []
        rows = 0
        try:
            for _ in range(repeats):
                signal.alarm(int(budget))
                t0 = time.perf_counter()
                rows = len(run_query(target, name, **bindings))
                times.append(time.perf_counter() - t0)
                signal.alarm(0)
                if sum(times) > budget / 2:
                    break
            out[name] = {"median_ms": statistics.median(times) * 1000, "runs": len(times), "rows": rows}
        except _Timeout:
            out[name] = {"median_ms": None, "timeout_s": budget, "rows": None}
        finally:
            signal.alarm(0)
    return out


def worker(engine: str, target: int, repeats: int, budget: float) -> dict[str, Any]:
    t0 = time.perf_counter()
    items, params = generate_corpus(target)
    data = build_nquads(items)
    gen_s = time.perf_counter() - t0
    base_rss = _peak_rss_mb()
    result: dict[str, Any] = {"engine": engine, "target": target, "articles": len(items), "generate_s": gen_s}
    result["claims"] = sum(len(c) for _, c in items)
    if engine == "oxigraph":
        from pyoxigraph import RdfFormat, Store

        from kgraph.graph import KnowledgeGraph

        t0 = time.perf_counter()
        store = Store()
        store.load(data, format=RdfFormat.N_QUADS)
        result["load_s"] = time.perf_counter() - t0
        result["quads"] = len(store)
        kg = KnowledgeGraph.from_store(store)
        result["queries"] = _time_queries(kg, params, repeats, budget)
        # incremental adds on the loaded store (new articles that touch existing edges)
        extra, _ = generate_corpus(3000, seed=7)
        times = []
        for article, claims in extra[:30]:
            article = Article("new-" + article.id, article.text, article.date)
            claims = [Claim(article.id, c.relation, c.subject, c.object, c.evidence, c.rule, modality=c.modality)
                      for c in claims]
            t0 = time.perf_counter()
            kg.add(article, claims)
            times.append(time.perf_counter() - t0)
        result["add_median_ms"] = statistics.median(times) * 1000
        t0 = time.perf_counter()
        ds = kg.to_rdflib()
        result["to_rdflib_s"] = time.perf_counter() - t0
        del ds
        if target <= 150_000:
            t0 = time.perf_counter()
            violations = kg.validate()
            result["validate_s"] = time.perf_counter() - t0
            result["violations"] = len(violations)
    else:
        from rdflib import Dataset

        t0 = time.perf_counter()
        ds = Dataset(default_union=True)
        ds.parse(data=data, format="nquads")
        result["load_s"] = time.perf_counter() - t0
        result["quads"] = sum(1 for _ in ds.quads((None, None, None, None)))
        result["queries"] = _time_queries(ds, params, repeats, budget)
    result["peak_rss_mb"] = _peak_rss_mb()
    result["rss_before_load_mb"] = base_rss
    return result


def _fmt(x: float | None, unit: str = "") -> str:
    if x is None:
        return "-"
    return f"{x:,.1f}{unit}" if x >= 10 else f"{x:,.2f}{unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_300_000])
    parser.add_argument("--engines", nargs="+", default=["oxigraph", "rdflib"])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per query (rdflib may time out)")
    parser.add_argument("--rdflib-max", type=int, default=150_000, help="skip rdflib above this size")
    parser.add_argument("--rdflib-budget", type=float, default=15.0, help="seconds per rdflib query")
    parser.add_argument("--worker", nargs=2, metavar=("ENGINE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]), args.repeats, args.budget)))
        return
    results = []
    for size in args.sizes:
        for engine in args.engines:
            if engine == "rdflib" and size > args.rdflib_max:
                continue
            budget = args.rdflib_budget if engine == "rdflib" else args.budget
            repeats = 1 if engine == "rdflib" else args.repeats
            cmd = [sys.executable, __file__, "--worker", engine, str(size), "--repeats", str(repeats),
                   "--budget", str(budget)]
            print(f"running {engine} at ~{size:,} quads ...", file=sys.stderr, flush=True)
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                results.append({"engine": engine, "target": size, "error": proc.stderr[-2000:]})
                continue
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    lines = []
    for size in args.sizes:
        ox = next((r for r in results if r["target"] == size and r["engine"] == "oxigraph" and "error" not in r), None)
        rl = next((r for r in results if r["target"] == size and r["engine"] == "rdflib" and "error" not in r), None)
        ref = ox or rl
        if ref is None:
            continue
        lines.append(f"\n== ~{size:,} target: {ref['quads']:,} quads, {ref['articles']:,} articles, {ref['claims']:,} claims")
        lines.append(f"{'':28}{'oxigraph':>12}{'rdflib':>12}{'rdflib/oxi':>12}")

        def row(label: str, a: float | None, b: float | None, unit: str = "") -> None:
            ratio = f"{b / a:,.1f}x" if a and b else "-"
            lines.append(f"{label:28}{_fmt(a, unit):>12}{_fmt(b, unit):>12}{ratio:>12}")

        row("load (s)", ox and ox["load_s"], rl and rl["load_s"])
        row("peak RSS (MB)", ox and ox["peak_rss_mb"], rl and rl["peak_rss_mb"])
        names = sorted((ox or rl)["queries"])
        for name in names:
            a = ox["queries"][name]["median_ms"] if ox else None
            b = rl["queries"][name]["median_ms"] if rl else None
            row(f"q {name} (ms)", a, b)
            if rl and b is None:
                lines[-1] = lines[-1][:40] + f"{'>' + str(int(rl['queries'][name]['timeout_s'])) + 's':>12}" + lines[-1][52:]
        if ox:
            lines.append(f"{'add one article (ms)':28}{_fmt(ox['add_median_ms']):>12}")
            lines.append(f"{'to_rdflib hand-over (s)':28}{_fmt(ox['to_rdflib_s']):>12}")
            if "validate_s" in ox:
                lines.append(f"{'pyshacl validate (s)':28}{_fmt(ox['validate_s']):>12}   ({ox['violations']} violations)")
    report = "\n".join(lines)
    print(report)
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    meta = {"python": sys.version.split()[0], "machine": platform.machine(), "cpus": os.cpu_count()}
    (out_dir / f"bench_store-{stamp}.json").write_text(json.dumps({"meta": meta, "results": results}, indent=2))
    (out_dir / f"bench_store-{stamp}.txt").write_text(report + "\n")


if __name__ == "__main__":
    main()
