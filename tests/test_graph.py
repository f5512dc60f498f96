"""Tests of KnowledgeGraph: adding, replacing, persistence, crash safety, writing."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest

from kgraph.errors import KGraphError, UnknownFormatError
from kgraph.graph import KnowledgeGraph
from kgraph.model import Article, Claim, Evidence
from kgraph.rdf import Support, to_tally_quads
from kgraph.vocab import ARTICLE_GRAPH_PREFIX, ID, NS, article_iri, claim_iri, edge_iri, entity_iri
from tests.graph_samples import A1, RUS, TJK, build_sample_graph, sample_articles, use_fake_gazetteer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _gazetteer(monkeypatch):
    use_fake_gazetteer(monkeypatch)


def _support_counts(kg: KnowledgeGraph) -> dict[str, int]:
    rows = kg.query(f"PREFIX kg: <{NS}> SELECT ?e ?n WHERE {{ ?e a kg:Edge ; kg:supportCount ?n }}")
    return {r["e"]: int(r["n"]) for r in rows}


def _expected_counts(kg: KnowledgeGraph) -> dict[str, int]:
    return dict(Counter(edge_iri(entity_iri(c.subject), c.relation, entity_iri(c.object)) for c in kg.claims()))


def _tallies(kg: KnowledgeGraph) -> set[str]:
    """The stored tally quads (party and modality tallies), as N-Quads lines."""
    return {str(q) for q in kg.store if q.subject.value.startswith(ID + "tally/")}


def _expected_tallies(kg: KnowledgeGraph) -> set[str]:
    """The tallies recomputed from scratch from the stored claims."""
    supports = [Support(entity_iri(c.subject), c.relation, entity_iri(c.object), claim_iri(c), article_iri(c.doc),
                        None, c.modality) for c in kg.claims()]
    return {str(q) for q in to_tally_quads(supports)}


def test_add_twice_is_unchanged():
    kg = KnowledgeGraph()
    article, claims = sample_articles()[0]
    assert kg.add(article, claims) == "added"
    size = len(kg)
    assert kg.add(article, claims) == "unchanged"
    assert len(kg) == size


def test_changed_article_replaces_its_claims():
    kg = build_sample_graph()
    article, claims = sample_articles()[0]
    changed = dataclasses.replace(article, text=article.text + " Update.")
    new = [claims[0]]
    assert kg.add(changed, new) == "replaced"
    kept = [c for c in kg.claims() if c.doc == article.id]
    assert kept == new
    assert _support_counts(kg) == _expected_counts(kg)
    assert _tallies(kg) == _expected_tallies(kg)


def test_replace_drops_edges_left_without_support():
    kg = KnowledgeGraph()
    art = Article("x", "Russia sanctions Tajikistan.")
    claim = Claim("x", "sanction", RUS, TJK, Evidence(art.text, 0, 27), "t")
    kg.add(art, [claim])
    assert ("https://w3id.org/kgraph/id/country/RUS", "sanction", "https://w3id.org/kgraph/id/country/TJK") in kg.edges()
    assert kg.add(dataclasses.replace(art, text="Nothing."), []) == "replaced"
    assert kg.edges() == []
    assert _support_counts(kg) == {}
    assert _tallies(kg) == set()


def test_aggregates_follow_every_add():
    kg = KnowledgeGraph()
    for article, claims in sample_articles():
        kg.add(article, claims)
        assert _support_counts(kg) == _expected_counts(kg)
        assert _tallies(kg) == _expected_tallies(kg)
    assert _tallies(kg) == _expected_tallies(kg)


def test_remove_article():
    kg = build_sample_graph()
    assert kg.remove("a1") is True
    assert kg.remove("a1") is False
    assert "a1" not in kg.articles()
    assert _support_counts(kg) == _expected_counts(kg)
    assert _tallies(kg) == _expected_tallies(kg)


def test_claims_and_articles():
    kg = build_sample_graph()
    assert kg.articles() == ["a1", "a2", "a3"]
    expected = sorted((c for _, cs in sample_articles() for c in cs), key=lambda c: c.key)
    assert sorted(kg.claims(), key=lambda c: c.key) == expected


def test_persistence_across_reopen(tmp_path):
    store_dir = tmp_path / "store"
    kg = build_sample_graph(store_dir)
    size, claims = len(kg), kg.claims()
    del kg
    reopened = KnowledgeGraph(store_dir)
    assert len(reopened) == size
    assert reopened.claims() == claims
    article, article_claims = sample_articles()[0]
    assert reopened.add(article, article_claims) == "unchanged"
    del reopened
    read_only = KnowledgeGraph(store_dir, read_only=True)
    assert read_only.articles() == ["a1", "a2", "a3"]


def test_read_accepts_store_directory(tmp_path):
    store_dir = tmp_path / "store"
    size = len(build_sample_graph(store_dir))
    assert len(KnowledgeGraph.read(store_dir)) == size


def test_read_store_directory_into_memory(tmp_path):
    store_dir = tmp_path / "store"
    on_disk = build_sample_graph(store_dir)
    quads, rows = set(on_disk.store), on_disk.query("partners", country="RUS")
    del on_disk
    copy = KnowledgeGraph.read(store_dir, in_memory=True)
    assert copy.path is None and set(copy.store) == quads
    assert copy.query("partners", country="RUS") == rows
    assert copy.remove("a1") and set(copy.store) != quads  # changes stay in memory
    assert set(KnowledgeGraph.read(store_dir, read_only=True).store) == quads


def test_store_from_an_earlier_version_gets_its_figure_conflicts(tmp_path):
    """A store written before figure conflicts were kept (no conflict nodes, an older
    ontology) is brought up to date when it is next opened for writing."""
    from pyoxigraph import NamedNode

    from kgraph.rdf import ontology_quads
    from kgraph.vocab import KG, ONTOLOGY_GRAPH

    store_dir = tmp_path / "store"
    kg = build_sample_graph(store_dir)
    current = set(kg.store)
    conflict_nodes = {q.subject for q in kg.store.quads_for_pattern(None, None, NamedNode(str(KG.FigureConflict)))}
    assert conflict_nodes  # the sample's two trade figures for 2023 disagree
    for node in conflict_nodes:  # make it look like an earlier version's store
        for quad in list(kg.store.quads_for_pattern(node, None, None)):
            kg.store.remove(quad)
    for quad in [q for q in ontology_quads() if str(KG.FigureConflict) in str(q) or "#conflict" in str(q)]:
        kg.store.remove(quad)
    assert set(kg.store) != current
    del kg
    assert set(KnowledgeGraph(store_dir, read_only=True).store) != current  # a reader changes nothing
    assert set(KnowledgeGraph(store_dir).store) == current
    graph = NamedNode(ONTOLOGY_GRAPH)
    assert set(KnowledgeGraph(store_dir).store.quads_for_pattern(None, None, None, graph)) == set(ontology_quads())


def test_read_only_missing_directory_raises(tmp_path):
    with pytest.raises(KGraphError):
        KnowledgeGraph(tmp_path / "nope", read_only=True)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld", "xml"])
def test_write_and_read_every_format(tmp_path, fmt):
    kg = build_sample_graph()
    path = tmp_path / f"graph.{fmt}"
    kg.write(path)
    back = KnowledgeGraph.read(path)
    assert sorted(back.claims(), key=lambda c: c.key) == sorted(kg.claims(), key=lambda c: c.key)
    assert back.query("partners", country="RUS") == kg.query("partners", country="RUS")


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("old")
    build_sample_graph().write(path)
    assert path.read_text().startswith("@prefix")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_write_unknown_format(tmp_path):
    with pytest.raises(UnknownFormatError):
        build_sample_graph().write(tmp_path / "graph.csv")


def test_len_counts_quads():
    kg = KnowledgeGraph()
    empty = len(kg)  # the ontology
    kg.add(A1, sample_articles()[0][1])
    assert len(kg) > empty > 0


_WRITER = textwrap.dedent(
    """
    import sys, time
    from kgraph.graph import KnowledgeGraph
    from kgraph.model import Article, Claim, Entity, Evidence

    kg = KnowledgeGraph(sys.argv[1])
    codes = ["RUS", "TJK", "CHN", "KAZ", "USA", "IND", "IRN", "TUR"]
    for i in range(10_000):
        text = f"Article {i}: " + "Trade grew. " * 50
        art = Article(f"art{i:05d}", text)
        claims = [
            Claim(art.id, "trade_partner", Entity("Country", codes[(i + k) % 8], codes[(i + k) % 8]),
                  Entity("Country", codes[(i + k + 1) % 8], codes[(i + k + 1) % 8]),
                  Evidence("Trade grew.", 12 + 12 * k, 23 + 12 * k), "t")
            for k in range(40)
        ]
        kg.add(art, claims)
        print(art.id, flush=True)
    """
)


def test_killed_build_leaves_store_consistent(tmp_path):
    store_dir = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(store_dir)], stdout=subprocess.PIPE, text=True, env=env
    )
    done = []
    try:
        assert proc.stdout is not None
        while len(done) < 5:
            line = proc.stdout.readline()
            assert line, "writer exited early"
            done.append(line.strip())
        time.sleep(0.05)  # let it get into the middle of the next add
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    kg = KnowledgeGraph(store_dir)
    articles = kg.articles()
    assert set(done) <= set(articles)
    claims = Counter(c.doc for c in kg.claims())
    assert all(claims[a] == 40 for a in articles)  # no article half-written
    assert _support_counts(kg) == _expected_counts(kg)
    assert _tallies(kg) == _expected_tallies(kg)


def test_read_only_graph_refuses_to_add(tmp_path):
    store_dir = tmp_path / "store"
    build_sample_graph(store_dir)
    kg = KnowledgeGraph.read(store_dir, read_only=True)
    article, claims = sample_articles()[0]
    with pytest.raises(KGraphError, match="read-only"):
        kg.add(dataclasses.replace(article, text="changed"), claims)


# --- the CLI path: python -m kgraph build DIR --store S ----------------------------------

DEV_ARTICLES = ROOT.parent / "shared" / "eval" / "dev" / "articles"
needs_articles = pytest.mark.skipif(not DEV_ARTICLES.is_dir(), reason="no dev articles")


def _cli_build(src: Path, store_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "kgraph", "build", str(src), "--store", str(store_dir)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, cwd=src.parent)


def _store_quads(store_dir: Path) -> dict[str, set[str]]:
    """The store's quads by graph name, as N-Triples lines (no locks kept)."""
    from pyoxigraph import Store

    store = Store.read_only(str(store_dir))
    out: dict[str, set[str]] = {}
    for q in store:
        out.setdefault(str(q.graph_name), set()).add(str(q.triple))
    del store
    return out


def _copy_articles(names: list[str], dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in names:
        (dest / name).write_bytes((DEV_ARTICLES / name).read_bytes())
    return dest


@pytest.fixture(scope="module")
def dev_names() -> list[str]:
    return sorted(p.name for p in DEV_ARTICLES.glob("*.txt")) if DEV_ARTICLES.is_dir() else []


@needs_articles
def test_cli_build_store_twice_changes_nothing_and_one_more_article_only_adds(tmp_path, dev_names):
    from kgraph.vocab import EDGES_GRAPH, ENTITIES_GRAPH

    src, store_dir = _copy_articles(dev_names[:3], tmp_path / "in"), tmp_path / "store"
    first = _cli_build(src, store_dir)
    assert first.returncode == 0, first.stderr
    assert not (tmp_path / "graph.ttl").exists()  # with --store and no -o, only the store is written
    before = _store_quads(store_dir)
    again = _cli_build(src, store_dir)
    assert again.returncode == 0, again.stderr
    assert "3 unchanged" in again.stderr
    assert _store_quads(store_dir) == before

    _copy_articles(dev_names[3:4], src)
    more = _cli_build(src, store_dir)
    assert more.returncode == 0, more.stderr
    assert "1 added" in more.stderr and "3 unchanged" in more.stderr
    after = _store_quads(store_dir)
    shared = {f"<{EDGES_GRAPH}>", f"<{ENTITIES_GRAPH}>"}
    for graph, quads in before.items():
        if graph not in shared:
            assert after[graph] == quads, f"{graph} changed"  # earlier articles untouched
    assert before[f"<{ENTITIES_GRAPH}>"] <= after[f"<{ENTITIES_GRAPH}>"]
    new_graphs = set(after) - set(before)
    assert len(new_graphs) == 1  # the new article's graph
    kg = KnowledgeGraph(store_dir, read_only=True)
    assert len(kg.articles()) == 4
    assert _support_counts(kg) == _expected_counts(kg)
    assert _tallies(kg) == _expected_tallies(kg)


@needs_articles
def test_cli_build_killed_midway_keeps_earlier_articles(tmp_path, dev_names):
    early, later = dev_names[:2], dev_names[2:]
    src, store_dir = _copy_articles(early, tmp_path / "in"), tmp_path / "store"
    assert _cli_build(src, store_dir).returncode == 0
    before = _store_quads(store_dir)
    # Enough articles for several write batches (the build commits up to 50 at a time).
    for copy in range(5):
        for name in later:
            (src / f"copy{copy}-{name}").write_bytes((DEV_ARTICLES / name).read_bytes())
    total = 2 + 5 * len(later)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kgraph", "build", str(src), "--store", str(store_dir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 300
        seen = 2
        while time.monotonic() < deadline and proc.poll() is None and seen < 4:  # wait for new articles to land
            time.sleep(0.5)
            try:
                seen = len(KnowledgeGraph(store_dir, read_only=True).articles())
            except KGraphError:
                pass
        assert proc.poll() is None, "the build finished before it could be killed"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    kg = KnowledgeGraph(store_dir)  # opens for writing after the kill
    articles = kg.articles()
    assert 2 <= len(articles) < total
    after = _store_quads_of(kg)
    for graph, quads in before.items():
        if graph.startswith(f"<{ARTICLE_GRAPH_PREFIX}"):
            assert after.get(graph) == quads, f"{graph} changed"
    assert _support_counts(kg) == _expected_counts(kg)
    assert _tallies(kg) == _expected_tallies(kg)


def _store_quads_of(kg: KnowledgeGraph) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for q in kg.store:
        out.setdefault(str(q.graph_name), set()).add(str(q.triple))
    return out


def test_knowledge_graph_directed_edges_both_ways_survive_updates():
    """Recomputing RUS->UKR must not delete the separate UKR->RUS edge (directed relation)."""
    from pyoxigraph import NamedNode

    from kgraph.graph import KnowledgeGraph
    from kgraph.model import Article, Claim, Entity, Evidence
    from kgraph.vocab import KG

    rus, ukr = Entity("Country", "RUS", "Russia"), Entity("Country", "UKR", "Ukraine")
    kg = KnowledgeGraph()
    for number, (a, b) in enumerate([(ukr, rus), (rus, ukr), (rus, ukr)], start=1):
        text = f"{a.name} attacked {b.name} again, report number {number}."
        article = Article(f"a{number}", text)
        kg.add(article, [Claim(article.id, "conflict", a, b, Evidence(text, 0, len(text)), "test")])
    edges = {(s.value.rsplit("/", 1)[-1], o.value.rsplit("/", 1)[-1])
             for s, _, o, _ in kg.store.quads_for_pattern(None, NamedNode(str(KG.conflict)), None)}
    assert {("UKR", "RUS"), ("RUS", "UKR")} <= edges


def test_knowledge_graph_add_many_equals_adding_one_by_one():
    from kgraph.graph import KnowledgeGraph
    from kgraph.model import Article, Claim, Entity, Evidence

    rus, ukr, blr = (Entity("Country", c, n) for c, n in (("RUS", "Russia"), ("UKR", "Ukraine"), ("BLR", "Belarus")))
    items = []
    for number, (a, b, rel) in enumerate([(rus, ukr, "conflict"), (rus, blr, "ally"), (ukr, rus, "conflict")]):
        text = f"{a.name} and {b.name}: report {number}."
        article = Article(f"a{number}", text)
        items.append((article, [Claim(article.id, rel, a, b, Evidence(text, 0, len(text)), "test")], []))
    one_by_one, batched = KnowledgeGraph(), KnowledgeGraph()
    assert [one_by_one.add(*item) for item in items] == batched.add_many(items) == ["added"] * 3
    assert set(one_by_one.store) == set(batched.store)
    assert batched.add_many(items) == ["unchanged"] * 3
    with pytest.raises(ValueError):
        batched.add_many([items[0], items[0]])


def test_build_repeated_id_keeps_the_last_version(tmp_path):
    import json

    from kgraph.api import BuildReport, build

    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "x", "text": "Japan is the largest investor in Vietnam."},
        {"id": "y", "text": "Russia is an ally of Belarus."},
        {"id": "x", "text": "Japan is the largest investor in Laos."},
    ]), encoding="utf-8")
    report = BuildReport()
    kg = build([path], report=report)
    assert (report.added, report.replaced) == (2, 1)
    assert {(c.doc, c.object.id) for c in kg.claims() if c.relation == "investor"} == {("x", "LAO")}


def test_build_that_reopens_its_store_midway_writes_the_same_graph(tmp_path, monkeypatch):
    """Reopening the store every few articles (to keep memory flat) changes no quad."""
    import json

    from kgraph import api

    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "Japan is the largest investor in Vietnam."},
        {"id": "b", "text": "Russia is an ally of Belarus."},
        {"id": "c", "text": "Japan is the largest investor in Laos."},
        {"id": "d", "text": "China and Russia signed a trade agreement."},
        {"id": "e", "text": "Russia is an ally of Belarus and Armenia."},
    ]), encoding="utf-8")
    monkeypatch.setattr(api, "BATCH_SIZE", 1)
    reopened = []
    monkeypatch.setattr(KnowledgeGraph, "reopen", lambda self, _real=KnowledgeGraph.reopen: (reopened.append(1), _real(self)))
    monkeypatch.setattr(api, "FLUSH_EVERY", 2)
    often = api.build([path], store=tmp_path / "often")
    monkeypatch.setattr(api, "FLUSH_EVERY", 1000)
    never = api.build([path], store=tmp_path / "never")
    assert len(reopened) == 2
    assert len(often.claims()) == 6
    assert set(often.store) == set(never.store)
    assert often.add(Article("f", "Peru."), []) == "added"  # still writable after reopening


def test_tallies_follow_random_adds_replaces_and_removes():
    """Edges that gain or lose their assertion, in either direction, keep every tally exact."""
    import random

    from kgraph.model import Entity

    rng = random.Random(3)
    parties = [Entity("Country", c, c) for c in ("RUS", "TJK", "CHN", "USA")]
    relations = ["ally", "sanction", "conflict", "trade_partner", "leader_of"]
    kg = KnowledgeGraph()
    for step in range(60):
        article_id = f"r{rng.randrange(8)}"
        if rng.random() < 0.2:
            kg.remove(article_id)
        else:
            text = f"Report {step}."
            claims = []
            for k in range(rng.randrange(4)):
                a, b = rng.sample(parties, 2)
                claims.append(Claim(article_id, rng.choice(relations), a, b, Evidence(text, k, k + 1), "t",
                                    modality=rng.choice(["asserted", "asserted", "negated", "hedged"])))
            kg.add_many([(Article(article_id, text), claims, ())])
        assert _support_counts(kg) == _expected_counts(kg)
        assert _tallies(kg) == _expected_tallies(kg), f"step {step}"


@pytest.mark.parametrize("seed", range(4))
def test_edges_follow_random_batches_as_a_rebuild_gives_them(seed):
    """Edges updated by each batch's change alone (counts, dates, links, direct triples, tallies,
    figure conflicts) equal the edges graph rebuilt from every stored claim, after any add,
    replace or remove."""
    import datetime as dt
    import random

    from pyoxigraph import NamedNode

    from kgraph.model import Amount, Entity, Period
    from kgraph.rdf import to_store
    from kgraph.vocab import EDGES_GRAPH

    rng = random.Random(seed)
    parties = [Entity("Country", c, c) for c in ("RUS", "TJK", "CHN", "USA")]
    relations = ["ally", "sanction", "conflict", "meeting", "leader_of"] + ["trade_partner", "investor"] * 3
    dates = [None, dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 3, 1)]  # few: ties on first/last
    # few figures, so that articles agree and disagree: currencies, periods and values
    amounts = [None, Amount(1e9, "USD", "$1 billion"), Amount(1.2e9, "USD", "$1.2 billion"),
               Amount(1e9, "EUR", "1 billion euros"), Amount(5e8, None, "500 million")]
    periods = [None, Period("in 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)), Period("recently")]
    edges = NamedNode(EDGES_GRAPH)
    kg, stored = KnowledgeGraph(), {}
    conflicts = 0
    for step in range(80):
        if rng.random() < 0.2:
            article_id = f"r{rng.randrange(10)}"
            assert kg.remove(article_id) is (stored.pop(article_id, None) is not None)
        else:
            batch = []
            for article_id in rng.sample([f"r{i}" for i in range(10)], rng.randrange(1, 6)):
                text = f"Report {step}."
                claims = []
                for k in range(rng.randrange(5)):
                    a = rng.choice(parties)
                    b = a if rng.random() < 0.05 else rng.choice([p for p in parties if p != a])
                    claims.append(Claim(article_id, rng.choice(relations), a, b, Evidence(text, k, k + 1), "t",
                                        modality=rng.choice(["asserted", "asserted", "negated", "hedged"]),
                                        date=rng.choice(dates), amount=rng.choice(amounts),
                                        period=rng.choice(periods)))
                batch.append((Article(article_id, text, rng.choice(dates)), claims, ()))
                stored[article_id] = batch[-1][:2]
            kg.add_many(batch)
        rebuilt = {str(q) for q in to_store(stored.values()).quads_for_pattern(None, None, None, edges)}
        assert {str(q) for q in kg.store.quads_for_pattern(None, None, None, edges)} == rebuilt, f"step {step}"
        conflicts += sum("#FigureConflict" in q for q in rebuilt)
    assert conflicts > 0  # the random figures did conflict somewhere
