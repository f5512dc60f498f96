"""Hostile inputs and faults: each test reproduces a failure an adversarial run found (issue 20).

The tests are grouped by what they guard: nothing lost (articles, stores), one bad record
costing only itself, every failure one line, nothing reached (the endpoint and queries
make no request elsewhere and take no cross-site write), work that stops when it should,
and the kill safety and idempotence the README promises. Most are tables: to try a new
hostile input, add a row.

* ``HOSTILE_RECORDS`` / ``ACCEPTED_RECORDS``: JSONL records fed to one build among good
  articles; each bad one must cost only itself (one error line naming it) while the good
  articles reach the store.
* ``HOSTILE_TEXT_FILES``: the same for text files in a folder.
* ``SERVICE_SPELLINGS`` / ``NOT_SERVICE``: SPARQL that must be refused as reaching out,
  and SPARQL that merely contains the word.
* ``OUTBOUND_REQUESTS``, ``CROSS_SITE``, ``HOSTS``, ``BAD_REQUESTS``: requests the served
  endpoint must refuse or answer (they start the real Oxigraph server).

Tests that need the spaCy model are marked ``model``. Anything that could hang or fill
memory if the code regressed (reading a pipe or /dev/zero, querying a damaged store) runs
in a subprocess with a time limit and a memory cap.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kgraph.errors import DuplicateIdWarning, InputError, KGraphError
from kgraph.graph import KnowledgeGraph
from kgraph.io import read_articles
from kgraph.model import Article, Claim, Entity, Evidence

RUS = Entity("Country", "RUS", "Russia")
TJK = Entity("Country", "TJK", "Tajikistan")
FRA = Entity("Country", "FRA", "France")
DEU = Entity("Country", "DEU", "Germany")

GOOD = {"id": "good-1", "date": "2024-05-16",
        "text": "Russia and Tajikistan signed a strategic partnership agreement in Dushanbe."}
GOOD_TOO = {"id": "good-2", "date": "2025-02-01",
            "text": "France and Germany are close allies, Emmanuel Macron said in Berlin."}


def run_kgraph(*args: str, limit_memory: bool = False, limit_file_bytes: int | None = None,
               stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`python -m kgraph ARGS` in a subprocess; its address space capped when asked (a damaged
    store can make Oxigraph's evaluator allocate without end), its file sizes when asked (a full disk)."""

    def limits() -> None:
        if limit_memory:
            resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
        if limit_file_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

    return subprocess.run([sys.executable, "-m", "kgraph", *args], capture_output=True, text=True, input=
                          stdin.decode() if stdin is not None else None, timeout=timeout, preexec_fn=limits)


def one_line_error(done: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Assert a run failed with exit status 1 and one `kgraph: error:` line holding each fragment."""
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("kgraph: error:")]
    assert len(errors) == 1, done.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]
    return errors[0]


def claim_store(path: Path, articles: int = 2) -> Path:
    """A store of ``articles`` articles, each with one ally claim (no model needed)."""
    kg = KnowledgeGraph(path)
    pairs = [(RUS, TJK), (FRA, DEU)]
    items = []
    for number in range(articles):
        subject, obj = pairs[number % 2]
        text = f"{subject.name} and {obj.name} are allies, article {number} says."
        article = Article(f"a{number}", text, dt.date(2024, 1, 1) + dt.timedelta(days=number))
        items.append((article, [Claim(article.id, "ally", subject, obj, Evidence(text, 0, len(text)), "test")], ()))
    for start in range(0, len(items), 50):
        kg.add_many(items[start:start + 50])
    kg.flush()
    del kg
    return path


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def stored_ids(store: Path) -> set[str]:
    kg = KnowledgeGraph(store, read_only=True)
    try:
        return set(kg.articles())
    finally:
        del kg


# --- 1. Nothing lost: two files with one name are two articles -------------------------------------


def test_same_file_name_in_two_folders_is_two_articles(tmp_path):
    (tmp_path / "same" / "jan").mkdir(parents=True)
    (tmp_path / "same" / "feb").mkdir()
    (tmp_path / "same" / "jan" / "story.txt").write_text("Russia and China met.", encoding="utf-8")
    (tmp_path / "same" / "feb" / "story.txt").write_text("France and Germany met.", encoding="utf-8")
    articles = list(read_articles([tmp_path / "same"]))
    assert [a.id for a in articles] == ["feb/story.txt", "jan/story.txt"]  # relative to the folder given


@pytest.mark.model
def test_same_file_name_in_two_folders_both_reach_the_store(tmp_path):
    from kgraph.api import BuildReport, build

    for month, text in (("jan", GOOD["text"]), ("feb", GOOD_TOO["text"])):
        (tmp_path / "same" / month).mkdir(parents=True)
        (tmp_path / "same" / month / "story.txt").write_text(text, encoding="utf-8")
    report = BuildReport()
    build([tmp_path / "same"], store=tmp_path / "store", report=report)
    assert (report.added, report.replaced) == (2, 0)  # was 1 added, 1 replaced
    assert stored_ids(tmp_path / "store") == {"jan/story.txt", "feb/story.txt"}


def test_jsonl_id_twice_is_reported(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl", [GOOD, GOOD_TOO, {**GOOD, "text": GOOD["text"] + " Again."}])
    with pytest.warns(DuplicateIdWarning, match=r"news.jsonl:3: article id 'good-1' comes twice"):
        assert [a.id for a in read_articles([path])] == ["good-1", "good-2", "good-1"]


def test_same_name_given_twice_is_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "story.txt").write_text(f"Story from {folder}.", encoding="utf-8")
    with pytest.warns(DuplicateIdWarning, match="story.txt' comes twice"):
        list(read_articles([tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"]))


# --- 2. Nothing lost: a store missing its CURRENT file is never replaced by a new one ---------------


def test_store_without_current_is_refused_not_wiped(tmp_path):
    store = claim_store(tmp_path / "store", articles=20)
    (store / "CURRENT").unlink()
    before = {p.name: p.stat().st_size for p in store.iterdir()}
    for _ in range(2):  # the second build used to succeed, on an empty new store
        with pytest.raises(KGraphError, match="CURRENT file is missing.*backup"):
            KnowledgeGraph(store)
    assert {p.name: p.stat().st_size for p in store.iterdir()} == before  # nothing deleted or added
    done = run_kgraph("query", str(store), "most_connected")
    one_line_error(done, "CURRENT file is missing")


def test_store_in_a_folder_of_other_files_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(KGraphError, match="not empty and is no store"):
        KnowledgeGraph(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


# --- 3, 4. Dask builds: all or nothing, and a work directory belongs to its input ---------------------

DASK_ARTICLES = [
    {"id": "d1", "date": "2024-12-25", "text": "Russia and Tajikistan signed a strategic partnership agreement."},
    {"id": "d2", "date": "2025-01-10", "text": "China invested $2 billion in Kazakhstan last year."},
    {"id": "d3", "date": "2025-02-01", "text": "France and Germany are close allies, Emmanuel Macron said."},
]
OTHER_ARTICLES = [
    {"id": "o1", "date": "2025-03-01", "text": "Trade between Turkey and Azerbaijan grew by 12 percent in 2024."},
    {"id": "o2", "date": "2025-03-09", "text": "India and the United States held joint military exercises."},
]


class Killed(BaseException):
    """Stands for kill -9 at a chosen moment: nothing after it runs, no handler catches it."""


@pytest.fixture(scope="module")
def threads_scheduler():
    """A Dask cluster of one worker thread in this process (the model is loaded once, and shared)."""
    pytest.importorskip("distributed", reason="install kgraph[dask]")
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.model
def test_dask_load_stopped_midway_leaves_no_half_store(tmp_path, threads_scheduler, monkeypatch):
    import gc

    import kgraph.distributed as distributed
    from kgraph.api import build

    corpus = write_jsonl(tmp_path / "news.jsonl", DASK_ARTICLES)
    store, work = tmp_path / "store", tmp_path / "work"

    def killed_while_loading(*args, **kwargs):
        raise Killed  # the articles' quads are loaded, the edges not yet

    monkeypatch.setattr(distributed, "_write_edges", killed_while_loading)
    with pytest.raises(Killed) as stopped:
        distributed.build_dask(read_articles([corpus]), store=store, scheduler=threads_scheduler, partition_size=2,
                               work_dir=work)
    del stopped
    gc.collect()  # the interrupted build's store closes
    assert not store.exists()  # no half store where the store should be
    half = KnowledgeGraph(tmp_path / ".store.loading", read_only=True)
    assert any("claim supports no kg:Edge" in line for line in half.validate())  # validate sees a half store
    del half
    monkeypatch.undo()
    kg = distributed.build_dask(read_articles([corpus]), store=store, scheduler=threads_scheduler, partition_size=2,
                                work_dir=work)  # the same command finishes the build
    assert set(kg.store) == set(build([corpus]).store)
    assert not (tmp_path / ".store.loading").exists()
    with pytest.raises(KGraphError, match="exists; --engine dask builds a new store"):
        distributed.build_dask(read_articles([corpus]), store=store, scheduler=threads_scheduler, work_dir=work)


@pytest.mark.model
def test_dask_work_dir_of_another_input_is_not_reused(tmp_path, threads_scheduler):
    from kgraph.api import build
    from kgraph.distributed import build_dask

    first = write_jsonl(tmp_path / "first.jsonl", DASK_ARTICLES)
    second = write_jsonl(tmp_path / "second.jsonl", OTHER_ARTICLES)
    work = tmp_path / "work"
    build_dask(read_articles([first]), scheduler=threads_scheduler, partition_size=2, work_dir=work)
    assert len(list(work.glob("part-*.nq"))) == 2
    kg = build_dask(read_articles([second]), store=tmp_path / "store", scheduler=threads_scheduler, partition_size=2,
                    work_dir=work)
    assert set(kg.articles()) == {"o1", "o2"}  # was d1, d2 (the first input's partition 0) and nothing of the second
    assert set(kg.store) == set(build([second]).store)
    assert sorted(p.name for p in work.glob("part-*")) == ["part-000000.input", "part-000000.nq",
                                                           "part-000000.supports.jsonl"]


def test_validate_reports_claims_without_their_edge(tmp_path):
    from pyoxigraph import NamedNode

    from kgraph.vocab import EDGES_GRAPH

    kg = KnowledgeGraph(claim_store(tmp_path / "store", articles=12))
    assert kg.validate() == []
    kg.store.remove_graph(NamedNode(EDGES_GRAPH))  # what a load stopped before the edges left
    lines = kg.validate()
    assert len(lines) == 11 and all("claim supports no kg:Edge" in line for line in lines[:10])
    assert lines[10] == "... and 2 more claims like these"


# --- 9. Terminal escapes from article text never reach the terminal --------------------------------

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b[31m\x9b31m\u202e"


def test_explain_and_table_strip_control_characters(tmp_path):
    kg = KnowledgeGraph(tmp_path / "store")
    text = f"Russia and Tajikistan{ESCAPES} are allies."
    article = Article("a1\x1b[1m", text, dt.date(2024, 12, 25), source=f"Trend{ESCAPES}")
    kg.add(article, [Claim(article.id, "ally", RUS, TJK, Evidence(text, 0, len(text)), "test")])
    kg.flush()
    del kg
    explained = run_kgraph("explain", str(tmp_path / "store"), "RUS", "TJK")
    table = run_kgraph("query", str(tmp_path / "store"), "evidence", "--param", "a=RUS")
    for done in (explained, table):
        assert done.returncode == 0, done.stderr
        assert "Tajikistan" in done.stdout
        assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) < 0xA0 or c == "\u202e" for c in done.stdout)
    assert "Russia and Tajikistan]0;owned[2J[31m31m are allies." in explained.stdout


# --- 10. One bad record costs only itself --------------------------------------------------------
# (name, JSONL line, what its error line says). Each is fed to one build among good articles.

HOSTILE_RECORDS = [
    ("year-past-9999", {"id": "far", "date": "9999-12-31", "text": "Japan will provide aid to Ukraine next year."},
     "article 'far': extraction failed (ValueError: year 10000 is out of range)"),
    ("year-before-1", {"id": "early", "date": "0001-01-01", "text": "Japan provided aid to Ukraine last year."},
     "article 'early': extraction failed"),
    ("title-a-number", {"id": "t", "text": "Japan will provide aid to Ukraine.", "title": 123},
     "'title' must be a string, not a number"),
    ("source-a-list", {"id": "s", "text": "Japan will provide aid to Ukraine.", "source": ["x"]},
     "'source' must be a string, not a list"),
    ("url-an-object", {"id": "u", "text": "Japan will provide aid to Ukraine.", "url": {}},
     "'url' must be a string, not an object"),
    ("id-a-list", {"id": ["x"], "text": "Japan will provide aid to Ukraine."}, "'id' must be a string or an integer"),
    ("lone-surrogate", '{"id": "sur", "text": "Japan will provide aid to Ukraine \\ud800."}',
     "'text' holds a lone surrogate (\\ud800)"),
    ("not-json", '{"id": "broken", "text": ', "malformed JSON"),
    ("not-an-object", '["id", "text"]', "expected a JSON object"),
    ("date-not-iso", {"id": "d", "text": "Japan will provide aid to Ukraine.", "date": "someday"}, "not an ISO date"),
]
# Records that used to be dropped or fail and must now be read: (name, record, expected id, expected date).
ACCEPTED_RECORDS = [
    ("date-with-time", {"id": "timed", "date": "2024-05-16T10:00:00Z",
                        "text": "India and the United States held joint military exercises."}, "timed",
     dt.date(2024, 5, 16)),
    ("integer-id", {"id": 42, "text": "Kenya and Uganda signed a trade agreement."}, "42", None),
]


@pytest.mark.model
def test_bad_records_cost_only_themselves(tmp_path):
    from kgraph.api import BuildReport, build

    lines = ["\ufeff" + json.dumps(GOOD)]  # a byte order mark on the first line
    lines += [r if isinstance(r, str) else json.dumps(r) for _, r, _ in HOSTILE_RECORDS]
    lines += [json.dumps(r) for _, r, _, _ in ACCEPTED_RECORDS] + [json.dumps(GOOD_TOO)]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    for run in range(2):  # a rerun goes past the bad lines too, and changes nothing
        errors: list[InputError] = []
        report = BuildReport()
        build([path], store=store, on_error=errors.append, report=report)
        messages = [str(e) for e in errors]
        for name, _, expected in HOSTILE_RECORDS:
            assert sum(expected in m for m in messages) == 1, (name, messages)
        assert len(messages) == len(HOSTILE_RECORDS) and all("\n" not in m for m in messages)
        assert report.failed == len(HOSTILE_RECORDS)
        assert (report.added, report.unchanged) == ((4, 0) if run == 0 else (0, 4))
    assert stored_ids(store) == {"good-1", "good-2", "timed", "42"}
    dates = {r["id"]: r["date"] for r in KnowledgeGraph(store, read_only=True).query(
        "PREFIX kg: <https://w3id.org/kgraph/ns#> PREFIX schema: <https://schema.org/> "
        "SELECT ?id ?date WHERE { ?a kg:articleId ?id OPTIONAL { ?a schema:datePublished ?date } }")}
    assert str(dates["timed"]) == "2024-05-16"


HOSTILE_TEXT_FILES = [
    ("year-past-9999.txt", "date: 9999-12-31\n\nRussia and China will sign a trade agreement next year.",
     "extraction failed"),
    ("empty.txt", "", "empty file"),
    ("metadata-only.txt", "date: 2024-01-01\ntitle: x\n\n", "no text after the metadata"),
]


@pytest.mark.model
def test_cli_bad_text_files_cost_only_themselves(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, content, _ in HOSTILE_TEXT_FILES:
        (folder / name).write_text(content, encoding="utf-8")
    (folder / "good.txt").write_text("date: 2024-05-16T10:00:00Z\n\nRussia and Tajikistan are allies.", encoding="utf-8")
    done = run_kgraph("build", str(folder), "--store", str(tmp_path / "store"))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    for name, _, expected in HOSTILE_TEXT_FILES:
        assert any(name in line and expected in line for line in done.stderr.splitlines()), (name, done.stderr)
    assert "1 added" in done.stderr and f"{len(HOSTILE_TEXT_FILES)} failed" in done.stderr
    assert stored_ids(tmp_path / "store") == {"good.txt"}


@pytest.mark.model
def test_article_that_cannot_be_written_costs_only_itself(tmp_path, monkeypatch):
    """A fault in building or storing one article's RDF: the batch's other articles are written."""
    import kgraph.graph
    from kgraph.api import build

    real = kgraph.graph.to_quads

    def to_quads(article, claims, mentions):
        if article.id == "poison":
            raise ValueError("cannot build this article's RDF")
        return real(article, claims, mentions)

    monkeypatch.setattr(kgraph.graph, "to_quads", to_quads)
    articles = [Article("good-1", GOOD["text"]), Article("poison", GOOD_TOO["text"]), Article("good-2", GOOD_TOO["text"])]
    errors: list[InputError] = []
    build(articles, store=tmp_path / "store", on_error=errors.append)
    assert [str(e) for e in errors] == ["<input>: article 'poison': writing to the graph failed "
                                        "(ValueError: cannot build this article's RDF)"]
    assert stored_ids(tmp_path / "store") == {"good-1", "good-2"}


# --- 11. Only regular files are read, sizes are checked first, nothing is skipped silently ----------


READER = """
import json, sys, tracemalloc
from kgraph.io import read_articles
tracemalloc.start()
errors = []
stdin = open(sys.argv[2], encoding="utf-8") if sys.argv[2] else None
ids = [a.id for a in read_articles(json.loads(sys.argv[1]), on_error=lambda e: errors.append(str(e)), stdin=stdin)]
print(json.dumps({"ids": ids, "errors": errors, "peak": tracemalloc.get_traced_memory()[1]}))
"""


def read_isolated(sources: list[str | Path], stdin: str | Path = "") -> dict:
    """read_articles in a subprocess with its memory capped and a time limit: a hang or an
    endless read (a pipe, /dev/zero) fails the test instead of stalling or exhausting the machine."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    done = subprocess.run([sys.executable, "-c", READER, json.dumps([str(s) for s in sources]), str(stdin)],
                          capture_output=True, text=True, timeout=60, preexec_fn=cap)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_fifo_is_skipped_and_reported(tmp_path):
    (tmp_path / "good.txt").write_text("Russia and China met.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    expected = [f"{tmp_path}/pipe.jsonl: a named pipe (FIFO), not a regular file: skipped",
                f"{tmp_path}/pipe.txt: a named pipe (FIFO), not a regular file: skipped"]
    read = read_isolated([tmp_path])
    assert read["ids"] == ["good.txt"] and sorted(read["errors"]) == expected
    read = read_isolated([tmp_path / "pipe.txt"])  # named on the command line
    assert (read["ids"], read["errors"]) == ([], expected[1:])


def test_devices_and_huge_files_are_refused_unread(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(300_000_000)  # sparse: costs no disk
    read = read_isolated(["/dev/zero", huge])
    assert read["ids"] == []
    assert read["errors"] == ["/dev/zero: a character device, not a regular file: skipped",
                              f"{huge}: file is 300,000,000 bytes, over the limit of 20,000,000"]
    assert read["peak"] < 5_000_000  # neither was read
    read = read_isolated(["-"], stdin="/dev/zero")
    assert read["errors"] == ["<stdin>: binary input (contains NUL bytes), expected UTF-8 text"]
    assert read["peak"] < 5_000_000


def test_huge_jsonl_line_is_refused_unheld(tmp_path):
    from kgraph.io import MAX_LINE_BYTES

    path = tmp_path / "news.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("\ufeff" + json.dumps(GOOD) + "\n")  # with a byte order mark
        handle.write('{"id": "big", "text": "' + "x" * (2 * MAX_LINE_BYTES) + '"}\n')
        handle.write(json.dumps(GOOD_TOO) + "\n")
    read = read_isolated([path])
    assert read["ids"] == ["good-1", "good-2"]
    assert read["errors"] == [f"{path}:2: line is over the limit of {MAX_LINE_BYTES:,} bytes"]
    assert read["peak"] < 1.2 * MAX_LINE_BYTES  # no more than the limit was held: the rest was skipped unread
    stdin = tmp_path / "stdin.jsonl"
    stdin.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\n")
    assert read_isolated(["-"], stdin=stdin)["ids"] == ["good-1"]  # JSONL on stdin, with a byte order mark


def test_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text("Russia and China met.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("France and Germany met.", encoding="utf-8")
    if os.geteuid() == 0:  # root reads any folder: make it fail as it would for anyone else
        real_scandir = os.scandir

        def scandir(path="."):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    errors: list[InputError] = []
    try:
        articles = [a.id for a in read_articles([tmp_path], on_error=errors.append)]
    finally:
        locked.chmod(0o755)
    assert articles == ["good.txt"]
    assert [str(e) for e in errors] == [f"{locked}: cannot list the folder (Permission denied): skipped"]


# --- 12. Every failure is one line -------------------------------------------------------------


def test_iri_shaped_parameter_is_one_line(tmp_path):
    store = claim_store(tmp_path / "store")
    done = run_kgraph("query", str(store), "partners", "--param", "country=http://x> ?s ?p ?o } #")
    one_line_error(done, "?country", "is not a valid IRI")


def test_output_that_cannot_be_written_fails_before_the_work(tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    done = run_kgraph("build", str(tmp_path / "nothing-to-read.txt"), "-o", str(tmp_path / "a-file" / "graph.ttl"))
    one_line_error(done, "a-file/graph.ttl: cannot write here")
    assert "no such file" not in done.stderr  # refused before the input was looked at
    if os.geteuid() != 0:  # root writes anywhere
        (tmp_path / "read-only").mkdir(mode=0o555)
        done = run_kgraph("build", str(tmp_path / "x.txt"), "-o", str(tmp_path / "read-only" / "graph.ttl"))
        one_line_error(done, "cannot write here")


ARTICLE_WITH_CLAIMS = ("Russia and Tajikistan signed a strategic partnership agreement in Dushanbe. France and "
                       "Germany are close allies, Emmanuel Macron said in Berlin. ")


@pytest.mark.model
@pytest.mark.parametrize("target, limit", [("-o", 8192), ("--store", 102_400)])
def test_full_disk_is_one_line(tmp_path, target, limit):
    """A file size limit stands for a full disk: a write fails part-way (EFBIG, as ENOSPC would).

    The store's limit lets it open and fail on a later write to its log.
    """
    source = write_jsonl(tmp_path / "news.jsonl", [{"id": f"n{i}", "text": ARTICLE_WITH_CLAIMS * 3} for i in range(12)])
    out = tmp_path / ("graph.ttl" if target == "-o" else "store")
    done = run_kgraph("build", str(source), target, str(out), limit_file_bytes=limit)
    line = one_line_error(done, "File too large")
    assert "cannot open the store" not in line  # the store opened: a write failed later
    assert not list(tmp_path.glob(".graph.ttl.*"))  # no temporary file left behind


def test_failing_service_call_is_one_line(tmp_path, listener):
    store = claim_store(tmp_path / "store")
    done = run_kgraph("query", str(store), f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> "
                      "{ ?s ?p ?o } }", "--allow-service", timeout=60)
    one_line_error(done, "the query failed")
    assert listener.connections == 1  # the flag lets it out


# --- 6. kgraph query makes no request elsewhere ------------------------------------------------

SERVICE_SPELLINGS = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c .SERVICE<http://127.0.0.1:PORT/sparql>{ ?s ?p ?o } }",
    "SELECT * WHERE { # a comment\n  SeRvIcE\n<http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }",
    'SELECT * WHERE { BIND("x" AS ?x) SERVICE <http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }',
    "SELECT * WHERE { VALUES ?e { <http://127.0.0.1:PORT/sparql> } SERVICE ?e { ?s ?p ?o } }",
]
NOT_SERVICE = [
    "SELECT ?service WHERE { ?service ?p ?o }",
    'PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:service "SERVICE <http://x> {}" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x> { }",
    "PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:x ?o }",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
]


class Listener:
    """A TCP port that accepts, records and hangs up every connection: where a request would go."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()


@pytest.fixture
def listener():
    listening = Listener()
    yield listening
    listening.sock.close()


@pytest.mark.parametrize("query", SERVICE_SPELLINGS)
def test_query_with_service_is_refused(tmp_path, listener, query):
    from kgraph.queries import run_query

    store = claim_store(tmp_path / "store")
    kg = KnowledgeGraph(store, read_only=True)
    with pytest.raises(KGraphError, match="uses SERVICE.*--allow-service"):
        run_query(kg, query.replace("PORT", str(listener.port)))
    assert listener.connections == 0


@pytest.mark.parametrize("query", NOT_SERVICE)
def test_query_naming_service_is_not_refused(query):
    from kgraph.queries import outbound_keyword

    assert outbound_keyword(query) is None


def test_cli_query_service_is_refused(tmp_path, listener):
    store = claim_store(tmp_path / "store")
    query = SERVICE_SPELLINGS[0].replace("PORT", str(listener.port))
    one_line_error(run_kgraph("query", str(store), query, timeout=60), "uses SERVICE")
    assert listener.connections == 0


# --- 13. A damaged table block is found by validate --deep, and a query says so in one line -----------


def _damage(path: Path, offset: int = 200) -> None:
    """Flip a byte in the first data block of a table file (data blocks come first in an SST)."""
    with path.open("r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0xFF]))


def test_validate_deep_finds_every_damaged_table(tmp_path):
    from kgraph.store import check_every_quad, open_store

    store = claim_store(tmp_path / "store", articles=300)
    tables = sorted(p.name for p in store.glob("*.sst") if p.stat().st_size > 16_384)
    assert len(tables) >= 3  # the indexes have tables of their own
    quads = len(open_store(store, read_only=True))
    unseen_by_a_scan = 0
    for name in tables:
        copy = tmp_path / f"copy-{name}"
        shutil.copytree(store, copy)
        _damage(copy / name)
        reader = open_store(copy, read_only=True)
        problems = check_every_quad(reader)
        assert len(problems) == 1 and "block checksum mismatch" in problems[0], (name, problems)
        try:  # what `kgraph validate` read: every quad, through one index
            unseen_by_a_scan += sum(1 for _ in reader) == quads
        except RuntimeError:
            pass
        del reader
        shutil.rmtree(copy)
    assert unseen_by_a_scan >= 1  # what the adversarial run saw: a plain read misses some damage
    assert check_every_quad(open_store(store, read_only=True)) == []


def test_query_on_a_damaged_store_is_one_line(tmp_path):
    store = claim_store(tmp_path / "store", articles=300)
    for table in store.glob("*.sst"):
        if table.stat().st_size > 16_384:
            _damage(table)
    done = run_kgraph("query", str(store), "SELECT * WHERE { ?s ?p ?o }", limit_memory=True)
    one_line_error(done, f"{store}: the store is damaged", "block checksum mismatch", f"kgraph validate --deep {store}")
    done = run_kgraph("validate", "--deep", str(store), limit_memory=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "cannot be read: Corruption: block checksum mismatch" in done.stdout


# --- 14. A build's reopen waits for a process that took the lock meanwhile -------------------------

COMPETITOR = """
import sys, time
from pyoxigraph import Store
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    try:
        store = Store(sys.argv[1])
    except OSError:
        time.sleep(0.005)
        continue
    print("locked", flush=True)
    time.sleep(1.5)
    del store
    print("released", flush=True)
    break
"""


def test_reopen_waits_for_a_competing_opener(tmp_path, monkeypatch):
    import kgraph.graph

    store = claim_store(tmp_path / "store")
    kg = KnowledgeGraph(store)
    competitor = subprocess.Popen([sys.executable, "-c", COMPETITOR, str(store)], stdout=subprocess.PIPE, text=True)
    real_open = kgraph.graph.open_store

    def open_after_the_competitor(*args, **kwargs):
        assert competitor.stdout.readline() == "locked\n"  # it took the lock the moment the build let it go
        return real_open(*args, **kwargs)

    monkeypatch.setattr(kgraph.graph, "open_store", open_after_the_competitor)
    try:
        kg.reopen()
    finally:
        competitor.wait(30)
    assert competitor.stdout.read() == "released\n"
    article = Article("after", "France and Germany are allies.", dt.date(2025, 1, 1))
    assert kg.add(article, [Claim("after", "ally", FRA, DEU, Evidence(article.text, 0, 30), "test")]) == "added"


# --- The endpoint: 5 (cross-site writes), 6 (SERVICE), 7 (timeouts stop the work), 8 (Host), and polish --------

serve_needed = pytest.mark.skipif(shutil.which("oxigraph") is None and not (Path(sys.executable).parent / "oxigraph")
                                  .is_file(), reason="install kgraph[serve]")

# Four unconstrained patterns over a few hundred quads: ~10^10 solutions to count.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ALLIES = ("PREFIX kg: <https://w3id.org/kgraph/ns#> SELECT ?a ?b WHERE { ?e kg:relation kg:ally ; "
          "kg:edgeSubject/kg:entityId ?a ; kg:edgeObject/kg:entityId ?b }")


def request(server, method: str, path: str, body: bytes | str | None = None, headers: dict[str, str] | None = None,
            timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    """One request to the served endpoint: status, headers (lower-case names) and body."""
    import http.client
    import urllib.parse

    url = urllib.parse.urlsplit(server.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def query_path(query: str) -> str:
    import urllib.parse

    return "/query?" + urllib.parse.urlencode({"query": query})


def raw_exchange(server, data: bytes, timeout: float = 10) -> bytes:
    """Bytes as they are to the endpoint's port; what comes back until it closes or goes quiet."""
    import urllib.parse

    url = urllib.parse.urlsplit(server.url)
    with socket.create_connection((url.hostname, url.port), timeout=timeout) as sock:
        sock.sendall(data)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
                if b"\r\n\r\n" in received and b"Content-Length: " in received:
                    head, _, rest = received.partition(b"\r\n\r\n")
                    length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
                    if len(rest) >= length:
                        break
        except (TimeoutError, socket.timeout):
            pass
        return received


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The read-only endpoint of a small store, with a 2 s timeout."""
    from kgraph.serve import start_server

    store = claim_store(tmp_path_factory.mktemp("served") / "store", articles=300)
    with start_server(store, port=0, timeout=2) as server:
        yield server


CROSS_SITE = [
    ("form from another site", {"Origin": "http://evil.example", "Content-Type": "application/x-www-form-urlencoded"}),
    ("another port of this host", {"Origin": "http://127.0.0.1:1", "Content-Type": "application/x-www-form-urlencoded"}),
    ("a sandboxed page", {"Origin": "null", "Content-Type": "application/x-www-form-urlencoded"}),
    ("fetch metadata only", {"Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded"}),
]


@serve_needed
def test_writable_refuses_cross_site_updates(tmp_path):
    from kgraph.serve import start_server

    store = claim_store(tmp_path / "store")
    with start_server(store, port=0, timeout=5, writable=True) as server:
        before = request(server, "GET", query_path("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))[2]
        for name, headers in CROSS_SITE:
            status, _, body = request(server, "POST", "/update", "update=DROP%20ALL", headers)
            assert status == 403, (name, status, body)
        assert request(server, "GET", query_path("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))[2] == before
        own = {"Origin": server.url, "Content-Type": "application/sparql-update"}  # the query page's own requests
        assert request(server, "POST", "/update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", own)[0] == 204
        assert request(server, "POST", "/update", "INSERT DATA { <urn:d> <urn:b> <urn:c> }",
                       {"Content-Type": "application/sparql-update"})[0] == 204  # a script sends no Origin


# (what, method, path, content type, body): every way a query or an update can carry SERVICE or LOAD.
OUTBOUND_REQUESTS = [
    ("GET query", "GET", "/query?query=SELECT%20*%20WHERE%20%7B%20SERVICE%20%3CURL%3E%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20%7D",
     None, None),
    ("POST form", "POST", "/query", "application/x-www-form-urlencoded",
     "query=SELECT+*+WHERE+%7B+service+silent+%3CURL%3E+%7B+%3Fs+%3Fp+%3Fo+%7D+%7D"),
    ("POST body", "POST", "/query", "application/sparql-query; charset=utf-8",
     "SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } }"),
    ("query page path", "POST", "/sparql", "application/sparql-query", "SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } }"),
    ("update LOAD", "POST", "/update", "application/sparql-update", "LOAD <URL>"),
]


@serve_needed
@pytest.mark.parametrize("what, method, path, content_type, body", OUTBOUND_REQUESTS, ids=[r[0] for r in OUTBOUND_REQUESTS])
def test_endpoint_refuses_service_and_load(served, listener, what, method, path, content_type, body):
    target = f"http://127.0.0.1:{listener.port}/sparql"
    import urllib.parse

    path = path.replace("URL", urllib.parse.quote(target, safe=""))
    body = body.replace("URL", urllib.parse.quote_plus(target) if "form" in (content_type or "") else target) \
        if body else None
    status, _, text = request(served, method, path, body, {"Content-Type": content_type} if content_type else {})
    assert status == 403 and b"refused" in text, (status, text)
    assert listener.connections == 0


@serve_needed
def test_endpoint_refuses_service_in_a_chunked_body(served, listener):
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}".encode()
    data = (b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n" + b"".join(b"%x\r\n%s\r\n" % (len(query[i:i + 10]), query[i:i + 10])
                                                           for i in range(0, len(query), 10)) + b"0\r\n\r\n")
    assert raw_exchange(served, data).startswith(b"HTTP/1.1 403")
    assert listener.connections == 0


@serve_needed
def test_timed_out_queries_stop_computing(tmp_path):
    """Three queries that overrun: each gets 503, and then no process of the server computes."""
    from concurrent.futures import ThreadPoolExecutor

    from kgraph.serve import start_server

    store = claim_store(tmp_path / "store")
    with start_server(store, port=0, timeout=1) as server:
        first = server.process.pid
        with ThreadPoolExecutor(3) as pool:
            statuses = list(pool.map(lambda _: request(server, "GET", query_path(SLOW))[0], range(3)))
        assert statuses == [503, 503, 503]
        assert not Path(f"/proc/{first}").exists()  # the server that ran them is gone ...
        process = server.process
        before = cpu_seconds(process.pid)
        time.sleep(1.0)
        assert cpu_seconds(process.pid) - before < 0.2  # ... and the one serving now is idle
        status, _, body = request(server, "GET", query_path(ALLIES), headers={"Accept": "application/json"})
        assert status == 200 and b"RUS" in body  # and it answers
        assert server.process is process and process.poll() is None  # the same one, still running


HOSTS = [  # (Host header, accepted)
    ("evil.example", False),
    ("evil.example:7878", False),
    ("localhost.evil.example", False),
    ("localhost", True),
    ("127.0.0.1", True),
    ("[::1]:80", True),
]


@serve_needed
@pytest.mark.parametrize("host, accepted", HOSTS)
def test_endpoint_accepts_only_its_own_host_names(served, host, accepted):
    status, _, body = request(served, "GET", query_path(ALLIES), headers={"Host": host})
    assert status == (200 if accepted else 403), (status, body)


@serve_needed
def test_endpoint_accepts_a_full_backlog(tmp_path):
    """Connections waiting to be accepted are queued, not dropped (the default backlog of 5 dropped them)."""
    from kgraph.serve import _ProxyServer

    proxy = _ProxyServer(("127.0.0.1", 0), None, 1.0, read_only=True, allow_service=False,  # type: ignore[arg-type]
                         host_names=frozenset())
    try:  # the proxy listens but accepts nothing: every connection waits in the backlog
        clients = []
        for _ in range(60):
            client = socket.socket()
            client.settimeout(0.5)  # a dropped handshake is retried after 1 s: it would time out here
            client.connect(proxy.server_address)
            clients.append(client)
    finally:
        for client in clients:
            client.close()
        proxy.server_close()


BAD_REQUESTS = [  # (what, request bytes, status expected)
    ("letters for a length", b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n", 400),
    ("a negative length", b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n", 400),
    ("a huge length", b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999\r\n\r\n", 413),
    ("a body shorter than its length", b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/"
     b"sparql-query\r\nContent-Length: 100\r\nConnection: close\r\n\r\nSELECT", None),
    ("a bad chunk size", b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
]


@serve_needed
@pytest.mark.parametrize("what, data, status", BAD_REQUESTS, ids=[r[0] for r in BAD_REQUESTS])
def test_bad_requests_get_an_answer(served, what, data, status):
    if status is None:  # the client stops sending before the end of its body: answered 400 all the same
        with socket.create_connection(urlsplit_address(served), timeout=5) as sock:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            answer = sock.recv(65536)
        assert answer.startswith(b"HTTP/1.1 400"), answer
        return
    answer = raw_exchange(served, data)
    assert answer.startswith(b"HTTP/1.1 %d" % status), answer
    assert request(served, "GET", query_path(ALLIES))[0] == 200  # and the endpoint still answers


def urlsplit_address(server) -> tuple[str, int]:
    import urllib.parse

    url = urllib.parse.urlsplit(server.url)
    return url.hostname, url.port


@serve_needed
def test_chunked_body_is_read(served):
    query = ALLIES.encode()
    data = (b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            b"Accept: application/sparql-results+json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + b"%x\r\n%s\r\n" % (len(query), query) + b"0\r\n\r\n")
    answer = raw_exchange(served, data)
    assert answer.startswith(b"HTTP/1.1 200") and b"RUS" in answer, answer[:300]


@serve_needed
def test_answer_cut_at_the_timeout_is_marked_incomplete(served):
    import http.client

    small = request(served, "GET", query_path(ALLIES))
    assert small[0] == 200 and int(small[1]["content-length"]) == len(small[2])  # a small answer comes whole
    url = served.url.split("//")[1].split(":")
    connection = http.client.HTTPConnection(url[0], int(url[1]), timeout=30)
    connection.request("GET", query_path("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"))  # millions of rows
    response = connection.getresponse()
    assert response.status == 200 and response.getheader("Transfer-Encoding") == "chunked"
    with pytest.raises(http.client.IncompleteRead):
        response.read()  # cut at the timeout: no last chunk
    connection.close()
    assert request(served, "GET", query_path(ALLIES))[0] == 200


@serve_needed
def test_killed_servers_snapshot_is_removed_at_the_next_start(tmp_path):
    import signal

    from kgraph.serve import start_server

    store = claim_store(tmp_path / "store")
    process = subprocess.Popen([sys.executable, "-m", "kgraph", "serve", str(store), "--port", "0"],
                               stderr=subprocess.PIPE, text=True)
    try:
        assert "serving" in process.stderr.readline()
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(20)
    [stale] = tmp_path.glob(".kgraph-serve-*")  # what kill -9 left
    with start_server(store, port=0, timeout=5) as server:
        assert not stale.exists()
        assert [p.name for p in tmp_path.glob(".kgraph-serve-*")] == [server.workdir.name]  # its own stays


# --- Kill safety and idempotence (the guarantees the README states) ------------------------------------

WRITER = """
import datetime as dt, sys
from kgraph.graph import KnowledgeGraph
from kgraph.model import Article, Claim, Entity, Evidence
parties = [Entity("Country", c, c) for c in ("RUS", "TJK", "FRA", "DEU", "CHN", "IND")]
kg = KnowledgeGraph(sys.argv[1])
for batch in range(40):
    items = []
    for n in range(batch * 10, batch * 10 + 10):
        a, b = parties[n % 6], parties[(n * 5 + 1) % 6]
        text = f"{a.name} and {b.name} are allies, report {n} says."
        art = Article(f"r{n}", text, dt.date(2024, 1, 1) + dt.timedelta(days=n % 50))
        claims = [Claim(art.id, rel, a, b, Evidence(text, 0, len(text)), "test", modality=mod)
                  for rel, mod in (("ally", "asserted"), ("trade_partner", "hedged"), ("sanction", "asserted"))]
        items.append((art, claims, ()))
    kg.add_many(items)
    print(batch, flush=True)
"""


def test_killed_writes_then_rerun_equal_an_uninterrupted_build(tmp_path):
    import signal

    def write(store: Path, kill_after: int | None = None) -> None:
        process = subprocess.Popen([sys.executable, "-c", WRITER, str(store)], stdout=subprocess.PIPE, text=True)
        try:
            for _ in range(kill_after or 0):
                assert process.stdout.readline()
        finally:
            if kill_after is not None:
                process.send_signal(signal.SIGKILL)
            process.wait(120)
        assert process.returncode == (-signal.SIGKILL if kill_after is not None else 0)

    write(tmp_path / "whole")
    for kill_after in (3, 17):  # kill -9 mid-batch, twice, then let it finish
        write(tmp_path / "killed", kill_after)
    write(tmp_path / "killed")
    whole = KnowledgeGraph(tmp_path / "whole", read_only=True)
    again = KnowledgeGraph(tmp_path / "killed", read_only=True)
    assert len(whole.articles()) == 400
    assert set(whole.store) == set(again.store)  # the same quads, edges and tallies included
