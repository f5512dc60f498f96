"""Builds on a Dask cluster: partitions of articles -> N-Quads files -> one bulk load.

The driver streams the input and cuts it into partitions of ``partition_size`` articles
(at most a few partitions are in flight, so the input is never held whole). Each Dask
worker loads the spaCy pipeline once (a worker plugin) and turns a partition into

* the N-Quads of its articles (``kgraph.rdf.to_quads``: article graphs and entities), and
* one JSON line per article with its id, text hash and edge supports.

The driver writes both to the work directory atomically, N-Quads last, so a partition
whose ``part-NNNNNN.nq`` exists is complete. Beside it, ``part-NNNNNN.input`` holds a
fingerprint of the articles it was made from (ids, texts, metadata, model): when the
build is run again, a partition is skipped only if the same articles fall into it, and is
redone otherwise; partitions beyond the end of the input are removed. A work directory
left by another input is thus never loaded as this one's. Workers need no shared file
system: partitions travel to them, and results come back.

When every partition is done, the driver bulk-loads the N-Quads into a new store beside
the target (``.NAME.loading``) and renames it to the target once the edges are in: a
build stopped while loading leaves no store at the target (never a half store whose
claims have no edges), and the same command, run again, loads afresh. The driver
computes the edges graph and its tallies from the supports (``to_edge_quads`` and
``tally_quads``, as ``KnowledgeGraph.add`` does batch by batch), writing it as
``edges.nq`` too. The result is the same graph,
quad for quad, as a single-process build of the same input; an article id seen twice
keeps its last version, as ``add`` does. The supports are first sorted into
``EDGE_BUCKETS`` files by edge and aggregated one file at a time, so the driver holds
one small record per edge, not per claim.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgraph.errors import KGraphError
from kgraph.io import ErrorHandler, atomic_write
from kgraph.model import Article
from kgraph.store import write_atomic

if TYPE_CHECKING:
    from kgraph.api import BuildReport
    from kgraph.graph import KnowledgeGraph

__all__ = ["DEFAULT_PARTITION_SIZE", "PartitionResult", "extract_partition", "build_dask", "read_supports"]

DEFAULT_PARTITION_SIZE = 500
_MANIFEST = "manifest.json"
_LOCK = threading.Lock()  # one parse at a time per worker process: spaCy pipelines are not thread-safe


@dataclass(frozen=True)
class PartitionResult:
    """What a worker sends back for one partition."""

    nquads: bytes
    supports: bytes  # JSON lines: {"id", "hash", "claims", "supports": [Support.to_row(), ...]}
    articles: int
    claims: int


def extract_partition(articles: list[Article], model: str | None = None) -> PartitionResult:
    """Extract a partition's articles and serialize their quads (runs on a worker)."""
    from pyoxigraph import NamedNode, RdfFormat, serialize

    from kgraph.extract import extract_articles, load_pipeline
    from kgraph.rdf import to_quads, to_supports
    from kgraph.vocab import article_graph_iri

    last = {article.id: number for number, article in enumerate(articles)}
    quads = []
    lines = []
    claims = 0
    with _LOCK:
        for number, result in enumerate(extract_articles(articles, load_pipeline(model))):
            article = result.article
            article_quads = to_quads(article, result.claims, result.mentions)
            if last[article.id] != number:  # replaced later in this partition: keep its entities only
                graph = NamedNode(article_graph_iri(article.id))
                quads += [q for q in article_quads if q.graph_name != graph]
                continue
            quads += article_quads
            supports = [s.to_row() for s in to_supports(article, result.claims)]
            lines.append(json.dumps({"id": article.id, "hash": article.text_hash, "claims": len(result.claims),
                                     "supports": supports}, ensure_ascii=False))
            claims += len(result.claims)
    data = serialize(quads, format=RdfFormat.N_QUADS) or b""
    return PartitionResult(data, ("\n".join(lines) + "\n").encode("utf-8") if lines else b"", len(lines), claims)


def _model_plugin(model: str | None) -> Any:
    from distributed import WorkerPlugin

    class LoadModel(WorkerPlugin):
        """Loads the pipeline once when a worker starts (later calls hit load_pipeline's cache)."""

        name = "kgraph-load-model"

        def setup(self, worker: Any) -> None:
            from kgraph.extract import load_pipeline

            load_pipeline(model)

    return LoadModel()


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _part_path(work_dir: Path, index: int) -> Path:
    return work_dir / f"part-{index:06d}.nq"


def fingerprint(articles: Iterable[Article], model: str | None) -> str:
    """What a partition's quads are made from: its articles (id, text, metadata, in order) and the model.

    Examples:
        >>> a = Article("a1", "Russia and Tajikistan are allies.")
        >>> fingerprint([a], None) == fingerprint([a], None) != fingerprint([a], "en_core_web_md")
        True
    """
    digest = hashlib.sha256(json.dumps(model).encode())
    for article in articles:
        fields = [article.id, article.text_hash, article.date.isoformat() if article.date else None,
                  article.title, article.source, article.url]
        digest.update(json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


def _is_done(work_dir: Path, index: int, fingerprint: str) -> bool:
    """Whether partition ``index`` was finished from the same articles (an earlier run of this input)."""
    if not _part_path(work_dir, index).exists():
        return False
    try:
        return _part_path(work_dir, index).with_suffix(".input").read_text(encoding="ascii").strip() == fingerprint
    except OSError:
        return False  # made by a kgraph that kept no fingerprint: redone


def _remove_partitions_from(work_dir: Path, count: int) -> None:
    """Remove the partitions numbered ``count`` and up: left by a longer, earlier input."""
    for path in work_dir.glob("part-*"):
        if path.name[5:11].isdigit() and int(path.name[5:11]) >= count:
            path.unlink()


def _check_manifest(work_dir: Path, partition_size: int) -> None:
    path = work_dir / _MANIFEST
    if path.exists():
        found = json.loads(path.read_text()).get("partition_size")
        if found != partition_size:
            raise KGraphError(f"{work_dir} holds partitions of {found} articles; pass --partition-size {found} "
                              "to resume, or use another --work-dir")
    else:
        write_atomic(path, json.dumps({"partition_size": partition_size}) + "\n")


def _write_partition(work_dir: Path, index: int, result: PartitionResult, fingerprint: str) -> None:
    path = _part_path(work_dir, index)
    path.unlink(missing_ok=True)  # a partition being redone is not done until its new quads are in
    write_atomic(path.with_suffix(".supports.jsonl"), result.supports)
    write_atomic(path.with_suffix(".input"), fingerprint + "\n")
    write_atomic(path, result.nquads)  # last: its presence marks the partition as done


def read_supports(work_dir: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(partition index, record) for every article in the work directory, in input order."""
    for path in sorted(Path(work_dir).glob("part-*.supports.jsonl")):
        index = int(path.name[5:11])
        with path.open("rb") as handle:
            for line in handle:
                if line.strip():
                    yield index, json.loads(line)


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _run_partitions(client: Any, articles: Iterable[Article], work_dir: Path, partition_size: int,
                    model: str | None, report: BuildReport, progress: Callable[[BuildReport], None] | None,
                    in_flight: int) -> int:
    """Extract the partitions not done yet; the number of partitions of the input."""
    from distributed import as_completed

    started = time.perf_counter()
    pending = as_completed()
    indices: dict[Any, tuple[int, str]] = {}

    def collect(future: Any) -> None:
        index, prints = indices.pop(future)
        try:
            result = future.result()
        except Exception as ex:
            raise KGraphError(f"partition {index} failed on a worker: {ex}") from ex
        _write_partition(work_dir, index, result, prints)
        report.added += result.articles
        report.claims += result.claims
        report.seconds = time.perf_counter() - started
        if progress is not None:
            progress(report)

    count = 0
    for index, chunk in enumerate(_partitions(articles, partition_size)):
        count = index + 1
        prints = fingerprint(chunk, model)
        if _is_done(work_dir, index, prints):
            continue  # done by an earlier run of the same input
        future = client.submit(extract_partition, chunk, model, pure=False, key=f"kgraph-part-{index:06d}-"
                               f"{time.time_ns()}")
        indices[future] = (index, prints)
        pending.add(future)
        while pending.count() >= in_flight:
            collect(next(pending))
    for future in pending:
        collect(future)
    return count


# Files the driver sorts the supports into by edge, so that it aggregates one file's edges
# at a time: its memory then holds one edge state per edge, never every claim.
EDGE_BUCKETS = 64


def _dedupe(kg: KnowledgeGraph, work_dir: Path, report: BuildReport) -> dict[str, int]:
    """Keep the last version of each article id seen twice; the partition of each such last version."""
    from pyoxigraph import NamedNode, RdfFormat, parse

    from kgraph.store import select
    from kgraph.vocab import article_graph_iri, sparql_prefixes

    changed = {row["id"].value for row in select(kg.store, sparql_prefixes() + """
        SELECT ?id WHERE { GRAPH ?g { ?a kg:articleId ?id ; kg:textHash ?h } }
        GROUP BY ?id HAVING (COUNT(DISTINCT ?h) > 1)""")}
    last: dict[str, int] = {}  # partition holding the last version of each changed id
    total = 0
    for index, record in read_supports(work_dir):
        total += 1
        if record["id"] in changed:
            last[record["id"]] = index
    for index in sorted(set(last.values())):
        graphs = {NamedNode(article_graph_iri(i)) for i, where in last.items() if where == index}
        for graph in graphs:
            kg.store.remove_graph(graph)
        with _part_path(work_dir, index).open("rb") as handle:
            kg.store.extend(q for q in parse(handle, format=RdfFormat.N_QUADS) if q.graph_name in graphs)
    distinct = int(next(iter(select(kg.store, sparql_prefixes() + """
        SELECT (COUNT(DISTINCT ?id) AS ?n) WHERE { GRAPH ?g { ?a kg:articleId ?id } }""")))["n"].value)
    report.added = distinct
    report.replaced = total - distinct
    report.unchanged = 0
    return last


def _write_edges(work_dir: Path, last: dict[str, int], target: Path) -> None:
    """Write the edge and tally quads of every kept support to ``target`` (N-Quads, atomically)."""
    from pyoxigraph import RdfFormat, serialize

    from kgraph.rdf import EdgeState, Support, modality_counts, tally_quads, to_edge_quads, to_edge_states
    from kgraph.vocab import edge_iri

    buckets = [work_dir / f"edges-{i:03d}.tmp" for i in range(EDGE_BUCKETS)]
    handles = [path.open("w", encoding="utf-8") for path in buckets]
    try:
        for index, record in read_supports(work_dir):
            if last.get(record["id"], index) != index:
                continue  # an earlier version of a changed article
            for row in record["supports"]:
                edge = edge_iri(row[0], row[1], row[2])  # as Support.edge
                handles[zlib.crc32(edge.encode()) % EDGE_BUCKETS].write(json.dumps(row) + "\n")
    finally:
        for handle in handles:
            handle.close()
    states: list[EdgeState] = []
    modalities: Counter[tuple[str, str]] = Counter()
    with atomic_write(target, "wb") as out:
        for path in buckets:
            with path.open(encoding="utf-8") as handle:
                supports = [Support.from_row(row) for row in map(json.loads, handle)]
            out.write(serialize(to_edge_quads(supports), format=RdfFormat.N_QUADS) or b"")
            states += to_edge_states(supports).values()
            modalities.update(modality_counts((s.claim, s.relation, s.modality) for s in supports))
            path.unlink()
        out.write(serialize(tally_quads(states, modalities), format=RdfFormat.N_QUADS) or b"")


def build_dask(articles: Iterable[Article], *, store: str | Path | None = None, model: str | None = None,
               scheduler: str | None = None, workers: int = 2, partition_size: int = DEFAULT_PARTITION_SIZE,
               work_dir: str | Path | None = None, progress: Callable[[BuildReport], None] | None = None,
               report: BuildReport | None = None) -> KnowledgeGraph:
    """Build a knowledge graph on a Dask cluster; see the module docstring.

    Args:
        articles: the articles, streamed.
        store: a new store directory (or None for memory).
        model: the spaCy model name the workers load.
        scheduler: a Dask scheduler address (``tcp://host:8786``); a local cluster of
            ``workers`` processes when None.
        workers: processes of the local cluster.
        partition_size: articles per partition.
        work_dir: where the partition files go; kept when given (for a restart or for
            loading into another store), else a temporary folder removed on success.
        progress: called after each partition with the running report.
        report: filled in with what the build did.

    Raises:
        KGraphError: ``store`` exists and is not an empty folder (extend a store with a
            plain build), or a partition failed on a worker.

    From a script, call it under ``if __name__ == "__main__":``: the local cluster starts
    its workers with ``spawn``, which imports the main module again.
    """
    from pyoxigraph import RdfFormat, serialize

    from kgraph.api import BuildReport
    from kgraph.graph import KnowledgeGraph
    from kgraph.rdf import ontology_quads

    report = report if report is not None else BuildReport()
    started = time.perf_counter()
    target = Path(store) if store is not None else None
    if target is not None and target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise KGraphError(f"{target}: exists; --engine dask builds a new store (give a new folder, or extend "
                          "this store with a plain kgraph build --store)")
    keep = work_dir is not None
    work = Path(work_dir) if work_dir is not None else Path(tempfile.mkdtemp(prefix="kgraph-dask-"))
    work.mkdir(parents=True, exist_ok=True)
    _check_manifest(work, partition_size)
    client, cluster = _client(scheduler, workers)
    try:
        client.register_plugin(_model_plugin(model))
        slots = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()) or workers
        count = _run_partitions(client, articles, work, partition_size, model, report, progress,
                                in_flight=2 * slots)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    _remove_partitions_from(work, count)
    loading = _loading_path(target) if target is not None else None
    if loading is not None:
        shutil.rmtree(loading, ignore_errors=True)  # a load that was stopped: start it again
    kg = KnowledgeGraph(loading)
    for path in sorted(work.glob("part-*.nq")):
        kg.store.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
    _write_edges(work, _dedupe(kg, work, report), work / "edges.nq")
    write_atomic(work / "ontology.nq", serialize(ontology_quads(), format=RdfFormat.N_QUADS) or b"")
    kg.store.bulk_load(path=str(work / "edges.nq"), format=RdfFormat.N_QUADS)
    kg.flush()
    if target is not None and loading is not None:
        del kg
        gc.collect()  # the last reference: the store closes before its folder is renamed
        os.replace(loading, target)  # all or nothing: the target holds the whole graph or does not exist
        kg = KnowledgeGraph(target)
    report.claims = sum(record["claims"] for _, record in read_supports(work))
    report.seconds = time.perf_counter() - started
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    gc.collect()
    return kg


def _loading_path(target: Path) -> Path:
    """Where a store is loaded before it is renamed to ``target``: beside it, so the rename is atomic."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.parent / f".{target.name}.loading"


def read_inputs(sources: Iterable[str | Path | Article] | str | Path, on_error: ErrorHandler | None,
                report: BuildReport) -> Iterator[Article]:
    """The build's input stream, counting unreadable inputs in the report."""
    from kgraph.api import counting_handler, iter_inputs

    return iter_inputs(sources, counting_handler(report, on_error))
