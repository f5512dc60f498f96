"""`kgraph serve`: the real Oxigraph server on a free loopback port, queried with SPARQLWrapper."""

from __future__ import annotations

import datetime as dt
import time
import urllib.error
from pathlib import Path

import pytest

from kgraph.errors import KGraphError
from kgraph.graph import KnowledgeGraph
from kgraph.model import Article, Claim, Entity, Evidence
from kgraph.serve import snapshot, start_server

SPARQLWrapper = pytest.importorskip("SPARQLWrapper", reason="install kgraph[serve]")

RUS = Entity("Country", "RUS", "Russia")
TJK = Entity("Country", "TJK", "Tajikistan")
FRA = Entity("Country", "FRA", "France")
DEU = Entity("Country", "DEU", "Germany")

ALLIES = """PREFIX kg: <https://w3id.org/kgraph/ns#>
SELECT ?a ?b WHERE { ?e a kg:Edge ; kg:relation kg:ally ; kg:edgeSubject/kg:entityId ?a ; kg:edgeObject/kg:entityId ?b }
ORDER BY ?a ?b"""

# Four unconstrained patterns over a few hundred quads: ~10^10 solutions to count.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def make_store(path: Path) -> Path:
    """A store with two articles: Russia-Tajikistan allies, France-Germany allies."""
    kg = KnowledgeGraph(path)
    one = Article("a1", "Russia and Tajikistan are allies.", dt.date(2024, 12, 25))
    two = Article("a2", "France and Germany are allies.", dt.date(2025, 1, 2))
    kg.add(one, [Claim("a1", "ally", RUS, TJK, Evidence(one.text, 0, 33), "test")])
    kg.add(two, [Claim("a2", "ally", FRA, DEU, Evidence(two.text, 0, 30), "test")])
    kg.flush()
    del kg
    return path


def select(url: str, query: str) -> list[dict[str, str]]:
    sparql = SPARQLWrapper.SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(SPARQLWrapper.JSON)
    result = sparql.queryAndConvert()
    return [{k: v["value"] for k, v in row.items()} for row in result["results"]["bindings"]]


def pairs(rows: list[dict[str, str]]) -> set[tuple[str, ...]]:
    """Ally pairs, each in alphabetical order (the relation is symmetric)."""
    return {tuple(sorted((row["a"], row["b"]))) for row in rows}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("serve") / "store")
    with start_server(store, port=0, timeout=2) as server:
        yield server


def test_query_rows(server):
    assert server.url.startswith("http://127.0.0.1:")
    assert pairs(select(server.query_url, ALLIES)) == {("DEU", "FRA"), ("RUS", "TJK")}


def test_query_page(server):
    import urllib.request

    with urllib.request.urlopen(server.url + "/sparql", timeout=10) as response:
        page = response.read().decode("utf-8")
    assert "yasgui" in page.lower() and "<title>kgraph" in page


def test_update_is_refused(server):
    sparql = SPARQLWrapper.SPARQLWrapper(server.query_url, updateEndpoint=server.update_url)
    sparql.setMethod(SPARQLWrapper.POST)
    sparql.setQuery("INSERT DATA { <urn:x> <urn:y> <urn:z> }")
    with pytest.raises(urllib.error.HTTPError) as caught:
        sparql.query()
    assert caught.value.code == 403
    assert select(server.query_url, "ASK { <urn:x> ?p ?o }".replace("ASK", "SELECT * WHERE", 1)) == []


def test_slow_query_is_cut_off(server):
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as caught:
        select(server.query_url, SLOW)
    assert caught.value.code == 503
    assert time.monotonic() - started < 10
    assert select(server.query_url, ALLIES)  # the server still answers


def test_serves_while_a_build_writes(tmp_path):
    store = make_store(tmp_path / "store")
    writer = KnowledgeGraph(store)  # holds the store's lock, as a running build does
    art = Article("a3", "Russia and France are allies.", dt.date(2025, 2, 1))
    writer.add(art, [Claim("a3", "ally", FRA, RUS, Evidence(art.text, 0, 29), "test")])
    with start_server(store, port=0, timeout=5) as server:
        assert server.how == "copy"
        rows = select(server.query_url, ALLIES)
    assert pairs(rows) == {("DEU", "FRA"), ("FRA", "RUS"), ("RUS", "TJK")}
    del writer


def test_serves_an_rdf_file(tmp_path):
    kg = KnowledgeGraph.read(make_store(tmp_path / "store"))
    kg.write(tmp_path / "graph.nq")
    del kg
    with start_server(tmp_path / "graph.nq", port=0, timeout=None) as server:
        assert server.how == "load"
        assert len(select(server.query_url, ALLIES)) == 2


def test_not_a_store(tmp_path):
    with pytest.raises(KGraphError, match="not an Oxigraph store"):
        snapshot(tmp_path, tmp_path / "copy")


def test_cli_serves_until_terminated(tmp_path):
    import signal
    import socket
    import subprocess
    import sys

    store = make_store(tmp_path / "store")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "kgraph", "serve", str(store), "--port", str(port),
                                "--timeout", "5"], stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        assert f"http://127.0.0.1:{port}/" in line and "read-only" in line
        assert len(select(f"http://127.0.0.1:{port}/query", ALLIES)) == 2
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(20)
    assert not list(tmp_path.glob(".kgraph-serve-*"))  # the snapshot is removed
