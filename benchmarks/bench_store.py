"""Benchmark the graph layer: pyoxigraph (on disk and in memory) vs rdflib on kgraph-shaped graphs.

For each size (default ~100k and ~1M quads) a deterministic synthetic corpus is generated
(articles with 6-14 claims over 190 countries, hub-skewed, amounts, periods, speakers,
all modalities) and written with ``KnowledgeGraph.add_many`` in batches of
``api.BATCH_SIZE``, exactly as ``kgraph build`` writes it, so that the edges and every
maintained aggregate come from the code a real build runs. The graph is then dumped
as N-Quads, which every engine loads. Each (engine, size) runs in its own subprocess so
that peak RSS is that run's own.

The headline Oxigraph figures are for an on-disk (RocksDB) store, which is what
``kgraph build --store DIR`` leaves and users query: ``Store(path)`` in a temporary
directory, ``bulk_load`` of the N-Quads, ``flush`` and ``optimize``, then reopened
through ``KnowledgeGraph(path)``. The same queries on an in-memory ``Store()`` are a
second column.

Measured per engine and size: load time from the same N-Quads bytes, median latency of
every shipped query (``run_query`` bound to the two biggest hubs, RUS and CHN, and a
12-hub organization: the worst case), peak RSS; on disk also with the parameters of a
country of median rank (``typical_params``); for Oxigraph also
the build time through ``add_many``, the median ``KnowledgeGraph.add`` latency of a new
article on the loaded on-disk store and the rdflib hand-over (``to_rdflib``) time; on
the smallest size the pyshacl ``validate`` time.

Usage:
    python benchmarks/bench_store.py                 # 100k and 1M, writes benchmarks/out/
    python benchmarks/bench_store.py --sizes 20000   # quick run
    python benchmarks/bench_store.py --sizes 1300000 --engines oxigraph   # ~1M quads, Oxigraph only
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
import tempfile
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


def typical_params() -> dict[str, str]:
    """Parameters for a country of median rank (half the countries have more claims) and its
    pair with the biggest hub, and an organization of six such countries: the hub parameters
    above are the worst case, these what most queries ask."""
    mid = _countries()[95].id
    return {"country": mid, "partner": "RUS", "a": mid, "b": "RUS", "org": "MIDORG"}


BATCH = 50  # kgraph.api.BATCH_SIZE: articles per add_many transaction in a build


def build_nquads(items: list[Any]) -> tuple[bytes, float]:
    """The whole corpus as N-Quads bytes (what every engine loads), and the build time.

    The articles go through ``KnowledgeGraph.add_many`` in batches, as in ``kgraph build``,
    so the edges graph and its aggregates are what a real build leaves.
    """
    from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

    from kgraph.graph import KnowledgeGraph
    from kgraph.rdf import entity_quads
    from kgraph.vocab import ENTITIES_GRAPH, KG, entity_iri

    try:
        from kgraph.api import BATCH_SIZE as batch
    except ImportError:  # pragma: no cover
        batch = BATCH
    kg = KnowledgeGraph()
    t0 = time.perf_counter()
    for i in range(0, len(items), batch):
        kg.add_many([(article, claims, ()) for article, claims in items[i : i + batch]])
    build_s = time.perf_counter() - t0
    g = NamedNode(ENTITIES_GRAPH)
    org = NamedNode(entity_iri(Entity("Organization", "BENCHORG", "Bench Org")))
    quads = [
        Quad(org, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(str(KG.Organization)), g),
        Quad(org, NamedNode(str(KG.acronym)), Literal("BENCHORG"), g),
        Quad(org, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Bench Org"), g),
        Quad(org, NamedNode(str(KG.entityId)), Literal("BENCHORG"), g),
    ]
    for c in _countries()[:12]:
        quads.append(Quad(org, NamedNode(str(KG.hasMember)), NamedNode(entity_iri(c)), g))
    mid_org = NamedNode(entity_iri(Entity("Organization", "MIDORG", "Mid Org")))
    quads += [
        Quad(mid_org, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(str(KG.Organization)), g),
        Quad(mid_org, NamedNode(str(KG.acronym)), Literal("MIDORG"), g),
        Quad(mid_org, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Mid Org"), g),
        Quad(mid_org, NamedNode(str(KG.entityId)), Literal("MIDORG"), g),
    ]
    for c in _countries()[90:96]:
        quads.append(Quad(mid_org, NamedNode(str(KG.hasMember)), NamedNode(entity_iri(c)), g))
        quads += entity_quads(c)  # a small corpus may not name every member
    kg.store.extend(quads)
    return kg.store.dump(format=RdfFormat.N_QUADS) or b"", build_s


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def _time_queries(target: Any, params: dict[str, str], repeats: int, budget: float,
                  answers: dict[str, Any] | None = None) -> dict[str, Any]:
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
                answer = run_query(target, name, **bindings)
                times.append(time.perf_counter() - t0)
                rows = len(answer)
                if answers is not None:
                    answers[name] = answer
                signal.alarm(0)
                if sum(times) > budget / 2:
                    break
            out[name] = {"median_ms": statistics.median(times) * 1000, "runs": len(times), "rows": rows}
        except _Timeout:
            out[name] = {"median_ms": None, "timeout_s": budget, "rows": None}
        finally:
            signal.alarm(0)
    return out


def _time_adds(kg: Any) -> float:
    """Median latency (ms) of adding a new article that touches existing edges."""
    extra, _ = generate_corpus(3000, seed=7)
    times = []
    for article, claims in extra[:30]:
        article = Article("new-" + article.id, article.text, article.date)
        claims = [Claim(article.id, c.relation, c.subject, c.object, c.evidence, c.rule, modality=c.modality)
                  for c in claims]
        t0 = time.perf_counter()
        kg.add(article, claims)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def worker(engine: str, target: int, repeats: int, budget: float, dump_rows: str | None = None) -> dict[str, Any]:
    t0 = time.perf_counter()
    items, params = generate_corpus(target)
    gen_s = time.perf_counter() - t0
    data, build_s = build_nquads(items)
    base_rss = _peak_rss_mb()
    result: dict[str, Any] = {"engine": engine, "target": target, "articles": len(items), "generate_s": gen_s}
    result["claims"] = sum(len(c) for _, c in items)
    if engine == "oxigraph":
        from pyoxigraph import RdfFormat, Store

        from kgraph.graph import KnowledgeGraph

        result["build_s"] = build_s
        with tempfile.TemporaryDirectory(prefix="kgraph-bench-store-") as tmp:
            path = Path(tmp) / "store"
            t0 = time.perf_counter()
            store = Store(str(path))
            store.bulk_load(data, format=RdfFormat.N_QUADS)
            store.flush()
            store.optimize()
            result["load_s"] = time.perf_counter() - t0
            del store
            kg = KnowledgeGraph(path)  # reopened, as a user's query would
            result["quads"] = len(kg)
            answers: dict[str, Any] = {}
            result["queries"] = _time_queries(kg, params, repeats, budget, answers)
            result["queries_typical"] = _time_queries(kg, typical_params(), repeats, budget)
            if dump_rows:
                Path(dump_rows).write_text(json.dumps(answers, indent=1, sort_keys=True))
            result["add_median_ms"] = _time_adds(kg)
            del kg
        t0 = time.perf_counter()
        memory = Store()
        memory.load(data, format=RdfFormat.N_QUADS)
        result["load_memory_s"] = time.perf_counter() - t0
        kg = KnowledgeGraph.from_store(memory)
        result["queries_memory"] = _time_queries(kg, params, repeats, budget)
        result["add_memory_median_ms"] = _time_adds(kg)
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
    parser.add_argument("--dump-rows", metavar="JSON", help="write every query's rows (on-disk store) to this file")
    parser.add_argument("--worker", nargs=2, metavar=("ENGINE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]), args.repeats, args.budget, args.dump_rows)))
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
            if args.dump_rows and engine == "oxigraph":
                cmd += ["--dump-rows", args.dump_rows]
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
        lines.append(f"{'':28}{'oxi disk':>12}{'oxi memory':>12}{'rdflib':>12}{'rdflib/disk':>12}"
                     f"{'disk typical':>14}")

        def row(label: str, a: float | None, m: float | None, b: float | None, unit: str = "",
                typical: float | None = None) -> None:
            ratio = f"{b / a:,.1f}x" if a and b else "-"
            lines.append(f"{label:28}{_fmt(a, unit):>12}{_fmt(m, unit):>12}{_fmt(b, unit):>12}{ratio:>12}"
                         + (f"{_fmt(typical, unit):>14}" if typical is not None else ""))

        row("load (s)", ox and ox["load_s"], ox and ox["load_memory_s"], rl and rl["load_s"])
        row("peak RSS (MB)", ox and ox["peak_rss_mb"], None, rl and rl["peak_rss_mb"])
        names = sorted((ox or rl)["queries"])
        for name in names:
            a = ox["queries"][name]["median_ms"] if ox else None
            m = ox["queries_memory"][name]["median_ms"] if ox else None
            b = rl["queries"][name]["median_ms"] if rl else None
            typical = ox["queries_typical"][name]["median_ms"] if ox and "queries_typical" in ox else None
            row(f"q {name} (ms)", a, m, b, typical=typical)
            if rl and b is None:
                lines[-1] = lines[-1][:52] + f"{'>' + str(int(rl['queries'][name]['timeout_s'])) + 's':>12}" + lines[-1][64:]
        if ox:
            row("add one article (ms)", ox["add_median_ms"], ox["add_memory_median_ms"], None)
            lines.append(f"{'build via add_many (s)':28}{'':>12}{_fmt(ox['build_s']):>12}")
            lines.append(f"{'to_rdflib hand-over (s)':28}{'':>12}{_fmt(ox['to_rdflib_s']):>12}")
            if "validate_s" in ox:
                lines.append(f"{'pyshacl validate (s)':28}{'':>12}{_fmt(ox['validate_s']):>12}   ({ox['violations']} violations)")
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
