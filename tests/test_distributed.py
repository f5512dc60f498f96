"""`kgraph build --engine dask`: a 2-worker local cluster gives the single-process graph, quad for quad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="install kgraph[dask]")

from kgraph.api import BuildReport, build  # noqa: E402
from kgraph.distributed import build_dask, read_supports  # noqa: E402
from kgraph.errors import KGraphError  # noqa: E402
from kgraph.io import read_articles  # noqa: E402

pytestmark = pytest.mark.model

ARTICLES = [
    {"id": "n1", "date": "2024-12-25", "text": "Russia and Tajikistan signed a strategic partnership agreement in "
     "Dushanbe. Vladimir Putin said Russia is Tajikistan's main trade partner."},
    {"id": "n2", "date": "2025-01-10", "text": "China invested $2 billion in Kazakhstan last year, the ministry said."},
    {"id": "n3", "date": "2025-02-01", "text": "France and Germany are close allies, Emmanuel Macron said in Berlin."},
    {"id": "n4", "date": "2025-02-03", "text": "Japan will provide $50 million in aid to Ukraine."},
    {"id": "n5", "date": "2025-03-01", "text": "Trade between Turkey and Azerbaijan grew by 12 percent in 2024."},
    {"id": "n2", "date": "2025-03-05", "text": "China is Kazakhstan's largest trade partner, officials said."},
    {"id": "n6", "date": "2025-03-09", "text": "India and the United States held joint military exercises."},
    {"id": "n7", "date": "2025-03-12", "text": "Japan will provide $80 million in aid to Ukraine."},  # n4 said 50
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dask") / "news.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def scheduler():
    """One local cluster of 2 worker processes for the module; builds reach it by its address."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def single(corpus):
    return set(build([corpus]).store)


def test_same_quads_as_a_single_process_build(corpus, single, scheduler, tmp_path):
    report = BuildReport()
    work = tmp_path / "work"
    kg = build_dask(read_articles([corpus]), store=tmp_path / "store", scheduler=scheduler, partition_size=2,
                    work_dir=work, report=report)
    assert set(kg.store) == single
    assert any(q.object.value.endswith("#FigureConflict") for q in single)  # n4 and n7 disagree
    assert report.added == 7 and report.replaced == 1
    assert sorted(p.name for p in work.glob("part-*.nq")) == [f"part-00000{i}.nq" for i in range(4)]
    assert [r["id"] for _, r in read_supports(work)] == ["n1", "n2", "n3", "n4", "n5", "n2", "n6", "n7"]
    assert not list(work.glob(".*.tmp")) and not list(work.glob("edges-*"))  # nothing left behind


def test_restart_skips_finished_partitions(corpus, single, scheduler, tmp_path):
    work = tmp_path / "work"
    build_dask(read_articles([corpus]), scheduler=scheduler, partition_size=3, work_dir=work)
    (work / "part-000001.nq").unlink()
    before = {p.name: p.stat().st_mtime_ns for p in work.glob("part-*.nq")}
    kg = build_dask(read_articles([corpus]), scheduler=scheduler, partition_size=3, work_dir=work)
    after = {p.name: p.stat().st_mtime_ns for p in work.glob("part-*.nq")}
    assert set(kg.store) == single
    assert after["part-000000.nq"] == before["part-000000.nq"] and "part-000001.nq" in after
    with pytest.raises(KGraphError, match="partition-size 3"):
        build_dask(read_articles([corpus]), scheduler=scheduler, partition_size=4, work_dir=work)


def test_cli_local_cluster(corpus, single, tmp_path):
    """`kgraph build --engine dask` without --scheduler starts a LocalCluster of --workers processes."""
    import subprocess
    import sys

    from kgraph.graph import KnowledgeGraph

    out = tmp_path / "graph.nq"
    done = subprocess.run([sys.executable, "-m", "kgraph", "build", str(corpus), "--engine", "dask", "--workers", "2",
                           "--partition-size", "3", "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "8 articles" in done.stderr and "Traceback" not in done.stderr
    assert set(KnowledgeGraph.read(out).store) == single
