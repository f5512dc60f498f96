"""Tests of the exports: networkx, GEXF (Gephi), GraphML, CSV, PNG, and explain()."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kgraph.errors import KGraphError, UnknownFormatError
from kgraph.explain import explain
from kgraph.export import EXPORT_FORMATS, export, generate_gexf, to_networkx, write_csv, write_gexf, write_graphml, write_png

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


@pytest.fixture(scope="module")
def kg(sample_kg):
    return sample_kg


def test_to_networkx_actors(kg):
    g = to_networkx(kg, "actors")
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes["RUS"]["label"] == "Russia" and g.nodes["RUS"]["qid"] == "Q159"
    trade = g.get_edge_data("RUS", "TJK", key="trade_partner")
    assert trade["weight"] == 3 and trade["articles"] == 2 and trade["amount_usd"] == pytest.approx(1.7e9)  # a2's, the latest
    assert (trade["first"], trade["last"]) == ("2024-03-01", "2024-06-15")
    assert not g.has_edge("RUS", "CHN")  # negated sanction
    assert not g.has_edge("CHN", "KAZ", key="agreement")  # hedged only


def test_amount_usd_converts_currencies_and_does_not_add_up_repeated_figures(tmp_path):
    import datetime as dt

    from kgraph.graph import KnowledgeGraph
    from kgraph.model import Amount, Article, Claim, Evidence
    from tests.graph_samples import CHN, RUS, TJK

    def claim(art, rel, s, o, value, currency):
        return Claim(art.id, rel, s, o, Evidence(art.text, 0, len(art.text)), "test.v1",
                     amount=Amount(value, currency, "x"))

    kg = KnowledgeGraph()
    early = Article("e1", "Trade reached $1.5 billion.", dt.date(2024, 3, 1))
    late = Article("e2", "Trade reached $1.5 billion, and aid $9 billion.", dt.date(2024, 6, 1))
    euro = Article("e3", "China invested 1 million euros.", dt.date(2024, 5, 1))
    kg.add(early, [claim(early, "trade_partner", RUS, TJK, 1.5e9, "USD")])
    kg.add(late, [claim(late, "trade_partner", RUS, TJK, 1.5e9, "USD")])
    kg.add(euro, [claim(euro, "investor", CHN, TJK, 1e6, "EUR"), claim(euro, "aid_donor", CHN, RUS, 5e6, None)])
    g = to_networkx(kg, "actors")
    trade = g.get_edge_data("RUS", "TJK", key="trade_partner")
    assert trade["amount_usd"] == pytest.approx(1.5e9)  # two articles, one figure: not 3e9
    from kgraph.extract.figures import convert_to_usd

    invest = g.get_edge_data("CHN", "TJK", key="investor")["amount_usd"]
    assert invest == pytest.approx(convert_to_usd(Amount(1e6, "EUR", "x"), on=dt.date(2024, 5, 1)))
    assert invest != pytest.approx(1e6)
    assert g.get_edge_data("CHN", "RUS", key="aid_donor")["amount_usd"] is None  # unknown currency
    rows = list(csv.DictReader(open(write_csv(kg, tmp_path / "g.csv")[1], encoding="utf-8")))
    assert {r["relation"]: r["amount_usd"] for r in rows}["trade_partner"] in {"1500000000", "1500000000.0"}

def test_to_networkx_claims_is_bipartite(kg):
    g = to_networkx(kg, "claims")
    claims = [n for n, d in g.nodes(data=True) if d["bipartite"] == 1]
    assert len(claims) == 14
    assert all(g.nodes[n]["relation"] for n in claims)
    roles = {d["role"] for _, _, d in g.edges(data=True)}
    assert roles == {"subject", "object", "speaker"}


def test_to_networkx_unknown_kind(kg):
    with pytest.raises(UnknownFormatError):
        to_networkx(kg, "people")


def test_gexf_reads_back_with_networkx(kg, tmp_path):
    path = tmp_path / "g.gexf"
    write_gexf(kg, path)
    g = nx.read_gexf(path)
    assert g.nodes["RUS"]["label"] == "Russia"
    assert g.nodes["RUS"]["type"] == "Country" and g.nodes["RUS"]["iso"] == "RUS" and g.nodes["RUS"]["qid"] == "Q159"
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert {"trade_partner", "investor", "sanction", "leader_of"} <= relations
    weights = {d["relation"]: d["weight"] for u, v, d in g.edges(data=True) if (u, v) == ("RUS", "TJK")}
    assert weights["trade_partner"] == 3.0


def test_gexf_schema_level(kg, tmp_path):
    path = tmp_path / "g.gexf"
    write_gexf(kg, path)
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert graph.get("mode") == "static" and graph.get("defaultedgetype") == "directed"
    titles = {a.get("title") for a in graph.iter(f"{GEXF}attribute")}
    assert {"type", "iso", "qid", "relation", "amount_usd", "first", "last"} <= titles
    assert "type" not in {a.get("title") for a in graph.find(f"{GEXF}attributes[@class='edge']")}
    edges = list(graph.iter(f"{GEXF}edge"))
    ids = [e.get("id") for e in edges]
    assert len(ids) == len(set(ids))
    keys = [(e.get("source"), e.get("target"), e.get("label")) for e in edges]
    assert len(keys) == len(set(keys))
    assert {e.get("type") for e in edges} == {"mutual", "directed"}
    for node in graph.iter(f"{GEXF}node"):
        position = node.find(f"{VIZ}position")
        assert position is not None, node.get("id")
    rus = graph.find(f"{GEXF}nodes/{GEXF}node[@id='RUS']/{VIZ}position")
    assert float(rus.get("x")) == pytest.approx(1053.0) and float(rus.get("y")) == pytest.approx(615.0)


def test_gexf_dynamic_mode_has_spells(kg, tmp_path):
    path = tmp_path / "d.gexf"
    kg.write_gexf(path, mode="dynamic")
    graph = ET.parse(path).getroot().find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    spells = [s for e in graph.iter(f"{GEXF}edge") for s in e.iter(f"{GEXF}spell")]
    assert spells and all(s.get("start") for s in spells)
    g = nx.read_gexf(path)
    trade = [d for u, v, d in g.edges(data=True) if d["relation"] == "trade_partner"][0]
    assert trade["spells"] == [("2024-03-01", "2024-06-15")]


def test_gexf_sanitizes_values():
    g = nx.MultiDiGraph()
    g.add_node("A&B", label='A "and" <B>', type=None, iso=["X", "Y"])
    g.add_node("C", label=None)
    g.add_edge("A&B", "C", key="ally", relation="ally", first=None, amount_usd=float("nan"))
    text = "\n".join(generate_gexf(g))
    root = ET.fromstring(text.encode())
    node = root.find(f"{GEXF}graph/{GEXF}nodes/{GEXF}node[@id='A&B']")
    assert node.get("label") == 'A "and" <B>'
    assert "None" not in text and "nan" not in text
    assert 'value="X;Y"' in text


def test_gexf_unknown_mode(kg, tmp_path):
    with pytest.raises(UnknownFormatError):
        write_gexf(kg, tmp_path / "x.gexf", mode="animated")


def test_graphml_round_trip(kg, tmp_path):
    path = tmp_path / "g.graphml"
    write_graphml(kg, path)
    g = nx.read_graphml(path, force_multigraph=True)
    original = to_networkx(kg)
    assert set(g.nodes) == set(original.nodes)
    assert g.nodes["TJK"]["label"] == "Tajikistan"
    relations = sorted(d["relation"] for _, _, d in g.edges(data=True))
    assert relations == sorted(d["relation"] for _, _, d in original.edges(data=True))


@pytest.mark.parametrize("target", ["dir", "name.csv"])
def test_csv_gephi_columns(kg, tmp_path, target):
    nodes_path, edges_path = write_csv(kg, tmp_path / target)
    with open(nodes_path, newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(edges_path, newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert list(nodes[0])[:2] == ["Id", "Label"]
    assert list(edges[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    assert "Time Interval" in edges[0]
    trade = [e for e in edges if e["relation"] == "trade_partner"][0]
    assert trade["Type"] == "Undirected" and trade["Weight"] == "3"
    assert trade["Time Interval"] == "<[2024-03-01, 2024-06-15]>"
    assert len({e["Id"] for e in edges}) == len(edges)


def test_png_written(kg, tmp_path):
    path = tmp_path / "g.png"
    write_png(kg, path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.png"]


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export_every_format(kg, tmp_path, fmt):
    path = tmp_path / ("out" if fmt == "csv" else f"out.{fmt}")
    export(kg, fmt, path)
    assert path.exists()


def test_export_unknown_format(kg, tmp_path):
    with pytest.raises(UnknownFormatError, match="gexf"):
        export(kg, "pdf", tmp_path / "x.pdf")


def test_explain_lists_every_claim_with_evidence(kg):
    text = explain(kg, "Russia", "TJK")
    flat = " ".join(text.split())
    assert text.startswith("Russia – TJK: 6 claims in 3 articles")
    for needle in ("trade_partner (3 claims)", "$1.5 billion", "said by Vladimir Putin (President)",
                   "military_cooperation", "future", "“Trade between them was $1.7 billion in 2023.”"):
        assert needle in flat
    # each article's provenance once, at the top; each claim refers to it by number
    assert flat.count("a1, Trend") == 1 and flat.count("Asia-Plus") == 1
    number = re.search(r"\[(\d)\] a1, Trend", flat).group(1)
    assert flat.count(f"[{number}]") > 1
    # the two articles' trade figures for 2023 disagree: said once, under trade_partner
    assert flat.count("figures disagree") == 1
    assert ("figures disagree for the period from 2023-01-01: USD 1.5 billion (article a1) to USD 1.7 billion "
            "(article a2); 2 figures in 2 articles") in flat
    assert flat.index("trade_partner (3 claims)") < flat.index("figures disagree")


def test_explain_no_claims(kg):
    assert explain(kg, "USA", "KAZ") == "No claims link USA and KAZ."


def test_explain_one_relation_and_a_limit(kg):
    text = explain(kg, "RUS", "TJK", relations=["trade_partner"], limit=1)
    assert "trade_partner (3 claims, the 1 most recent shown)" in text
    assert text.count("  • ") == 1 and "2024-06-15" in text  # the latest of the three
    assert "military_cooperation" not in text and "ally" not in text
    with pytest.raises(KGraphError, match="Can't find relation 'friend'. Available: .*ally"):
        explain(kg, "RUS", "TJK", relations=["friend"])


def test_explain_unknown_party_suggests_close_names(kg):
    with pytest.raises(KGraphError) as info:
        explain(kg, "Rusia", "TJK")
    assert str(info.value).startswith("no party named 'Rusia' in the graph") and "Russia (RUS)" in str(info.value)
    with pytest.raises(KGraphError, match="no party named 'Atlantis' in the graph"):
        explain(kg, "RUS", "Atlantis")


def test_explain_does_not_double_an_articles_quotation_marks():
    from kgraph.explain import format_explanation

    row = {"relation": "ally", "subjectId": "TJK", "objectId": "RUS", "modality": "asserted", "article": "a1",
           "sentence": "“Tajikistan is our ally and a valuable economic partner."}
    text = format_explanation("RUS", "TJK", [row])
    assert "    “Tajikistan is our ally" in text and "““" not in text and "”" not in text


def test_jsonld_is_compact_and_rdflib_reads_every_triple(kg, tmp_path):
    import json

    import rdflib
    from rdflib.compare import isomorphic
    from pyoxigraph import Literal, NamedNode, Quad

    from kgraph.graph import KnowledgeGraph
    from kgraph.vocab import ID

    odd = KnowledgeGraph.from_store(kg.store)  # the sample graph, plus IRIs that must not be made relative
    odd.store.add(Quad(NamedNode(ID + "article/.."), NamedNode("urn:p"), Literal("dot segment"), NamedNode("urn:g")))
    odd.store.add(Quad(NamedNode(ID + "x:y"), NamedNode("urn:p"), Literal("3", language="en"), NamedNode("urn:g")))
    try:
        path = tmp_path / "g.jsonld"
        export(odd, "jsonld", path)
        doc = json.loads(path.read_text())
        assert doc["@context"]["kg"] == "https://w3id.org/kgraph/ns#" and doc["@context"]["@base"] == ID
        assert any(node.get("@type") == "kg:Claim" for node in doc["@graph"])
        read = rdflib.Graph().parse(path, format="json-ld")
        union = rdflib.Graph().parse(data=odd.serialize("nt"), format="nt")
        assert len(read) == len(union) > 100 and isomorphic(read, union)
        assert len(KnowledgeGraph.read(path)) == len(union)  # and Oxigraph reads it back
    finally:
        odd.store.remove(Quad(NamedNode(ID + "article/.."), NamedNode("urn:p"), Literal("dot segment"), NamedNode("urn:g")))
        odd.store.remove(Quad(NamedNode(ID + "x:y"), NamedNode("urn:p"), Literal("3", language="en"), NamedNode("urn:g")))
