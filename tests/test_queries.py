"""Tests of the shipped SPARQL queries and run_query / format_rows."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kgraph.errors import KGraphError, QuerySyntaxError, UnknownFormatError, UnknownQueryError
from kgraph.queries import UndefinedTermWarning, format_rows, list_queries, load_query, run_query, undefined_terms
from tests.graph_samples import use_fake_gazetteer

QUERIES = list_queries()


@pytest.fixture(scope="module")
def kg(sample_kg):
    return sample_kg


# --- inventory ---------------------------------------------------------------------------


def test_at_least_thirteen_queries_ship():
    assert len(QUERIES) >= 13
    assert "evidence" in QUERIES


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_file_has_header_prefixes_and_parses(name):
    info = QUERIES[name]
    text = Path(info.path).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == f"# name: {name}"
    assert lines[1].startswith("# description: ") and len(info.description) > 20
    assert lines[2].startswith("# params:")
    assert Path(info.path).stem == name
    assert "PREFIX kg:" in text
    for param in info.params:
        assert f"?{param}" in text.split("\n", 3)[3], f"?{param} declared but unused"
    assert run_query(build_empty(), name) == []


def build_empty():
    from kgraph.graph import KnowledgeGraph

    return KnowledgeGraph()


# --- every query on the sample graph ---------------------------------------------------


def _pairs(rows, *cols):
    return sorted(tuple(r[c] for c in cols) for r in rows)


def test_partners(kg):
    rows = run_query(kg, "partners", country="RUS", relation="trade_partner")
    assert _pairs(rows, "partnerId", "direction", "claims", "articles") == [("TJK", "mutual", 3, 2)]
    sanction = run_query(kg, "partners", country="Russia", relation="sanction")
    assert _pairs(sanction, "partnerId", "direction") == [("USA", "in")]  # the negated RUS->CHN claim is no edge


def test_trade_volumes(kg):
    rows = run_query(kg, "trade_volumes", country="RUS", partner="TJK")
    assert _pairs(rows, "value", "article") == [(Decimal("1500000000"), "a1"), (Decimal("1700000000"), "a2")]
    assert rows[0]["growth"] == Decimal("12.5") and rows[0]["periodStart"] == dt.date(2023, 1, 1)


def test_investors(kg):
    rows = run_query(kg, "investors", country="TJK")
    assert _pairs(rows, "investorId", "rank", "maxAmount", "currency") == [("CHN", 1, Decimal("3000000000"), "USD")]



# --- aggregates over values that only some claims have --------------------------------


@pytest.fixture(scope="module")
def partly_valued_kg():
    """The same pairs twice: once with amount, rank and date, once without them.

    MIN/MAX over a group where one row leaves the value unbound is unbound in Oxigraph,
    so these rows catch a query that aggregates an OPTIONAL value directly.
    """
    import datetime as dt

    from kgraph.graph import KnowledgeGraph
    from kgraph.model import Amount, Article, Claim, Evidence
    from tests.graph_samples import PUTIN, RUS, TJK

    mp = pytest.MonkeyPatch()
    use_fake_gazetteer(mp)
    try:
        kg = KnowledgeGraph()
        dated = Article("p1", "Russia invested $2 billion in Tajikistan. Putin leads Russia. Russia and Tajikistan are allies.",
                        dt.date(2024, 5, 1))
        undated = Article("p2", "Russia invests in Tajikistan. Putin leads Russia. Russia and Tajikistan are allies.")

        def claim(art, rel, s, o, sentence, **kw):
            start = art.text.index(sentence)
            return Claim(art.id, rel, s, o, Evidence(sentence, start, start + len(sentence)), "test.v1", **kw)

        kg.add(dated, [
            claim(dated, "investor", RUS, TJK, "Russia invested $2 billion in Tajikistan.",
                  amount=Amount(2e9, "USD", "$2 billion"), rank=2),
            claim(dated, "leader_of", PUTIN, RUS, "Putin leads Russia."),
            claim(dated, "ally", RUS, TJK, "Russia and Tajikistan are allies."),
        ])
        kg.add(undated, [
            claim(undated, "investor", RUS, TJK, "Russia invests in Tajikistan."),
            claim(undated, "leader_of", PUTIN, RUS, "Putin leads Russia."),
            claim(undated, "ally", RUS, TJK, "Russia and Tajikistan are allies."),
        ])
        yield kg
    finally:
        mp.undo()


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_investors_aggregate_only_the_claims_with_a_value(partly_valued_kg, engine):
    target = partly_valued_kg if engine == "oxigraph" else partly_valued_kg.to_rdflib()
    rows = run_query(target, "investors", country="TJK")
    assert _pairs(rows, "investorId", "rank", "maxAmount", "currency", "claims") == [
        ("RUS", 2, Decimal("2000000000"), "USD", 2)
    ]
    assert set(rows[0]["articles"].split()) == {"p1", "p2"}


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_pair_profile_dates_skip_undated_claims(partly_valued_kg, engine):
    target = partly_valued_kg if engine == "oxigraph" else partly_valued_kg.to_rdflib()
    rows = run_query(target, "pair_profile", a="RUS", b="TJK")
    assert _pairs(rows, "relation", "claims", "first", "last") == [
        ("ally", 2, dt.date(2024, 5, 1), dt.date(2024, 5, 1)),
        ("investor", 2, dt.date(2024, 5, 1), dt.date(2024, 5, 1)),
    ]
    from pyoxigraph import Store

    from kgraph.graph import KnowledgeGraph

    undated = KnowledgeGraph.from_store(Store())
    undated.store.extend(partly_valued_kg.store)  # a copy: the fixture is shared
    undated.remove("p1")  # no dated claim left: no first or last date, not a stand-in
    target = undated if engine == "oxigraph" else undated.to_rdflib()
    rows = run_query(target, "pair_profile", a="RUS", b="TJK")
    assert _pairs(rows, "relation", "claims", "first", "last") == [("ally", 1, None, None), ("investor", 1, None, None)]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_leaders_dates_skip_undated_claims(partly_valued_kg, engine):
    target = partly_valued_kg if engine == "oxigraph" else partly_valued_kg.to_rdflib()
    rows = run_query(target, "leaders", country="RUS")
    assert _pairs(rows, "leaderName", "firstSeen", "lastSeen", "claims") == [
        ("Vladimir Putin", dt.date(2024, 5, 1), dt.date(2024, 5, 1), 2)
    ]
    on_date = run_query(target, "leaders", country="RUS", date="2024-06-01")
    assert _pairs(on_date, "leaderName", "lastSeen", "claims") == [("Vladimir Putin", dt.date(2024, 5, 1), 1)]

def test_allies(kg):
    rows = run_query(kg, "allies", country="TJK")
    assert _pairs(rows, "partnerId", "relation") == [("RUS", "ally"), ("RUS", "strategic_partner")]


def test_leaders(kg):
    rows = run_query(kg, "leaders")
    assert _pairs(rows, "countryId", "leaderName", "role") == [
        ("RUS", "Vladimir Putin", "President"),
        ("TJK", "Emomali Rahmon", "President"),
    ]


def test_leaders_on_a_date(kg):
    rows = run_query(kg, "leaders", date="2024-04-01")
    assert _pairs(rows, "countryId", "leaderName", "lastSeen") == [("RUS", "Vladimir Putin", dt.date(2024, 3, 1))]


def test_who_said(kg):
    rows = run_query(kg, "who_said", a="TJK", b="RUS")
    speakers = {r["speakerName"] for r in rows}
    assert speakers == {"Vladimir Putin", "Sergey Lavrov", None}
    lavrov = [r for r in rows if r["speakerName"] == "Sergey Lavrov"][0]
    assert lavrov["modality"] == "future" and lavrov["sentence"].startswith("Lavrov said")


def test_pair_profile(kg):
    rows = run_query(kg, "pair_profile", a="RUS", b="TJK")
    assert _pairs(rows, "relation", "modality", "claims") == [
        ("ally", "asserted", 1),
        ("military_cooperation", "future", 1),
        ("strategic_partner", "asserted", 1),
        ("trade_partner", "asserted", 3),
    ]
    trade = [r for r in rows if r["relation"] == "trade_partner"][0]
    assert set(trade["articles"].split()) == {"a1", "a2"}
    assert (trade["first"], trade["last"]) == (dt.date(2024, 3, 1), dt.date(2024, 6, 15))


def test_most_connected(kg):
    rows = run_query(kg, "most_connected")
    assert [r["id"] for r in rows[:2]] == ["RUS", "TJK"]
    assert all(r["id"] not in {"vladimir-putin", "emomali-rahmon"} for r in rows)
    investors = run_query(kg, "most_connected", relation="investor")  # bound inside the sub-select
    assert _pairs(investors, "id", "partners", "claims") == [("CHN", 1, 1), ("TJK", 1, 1)]


def test_conflicting_figures(kg):
    rows = run_query(kg, "conflicting_figures", country="TJK")
    assert _pairs(rows, "relation", "currency", "low", "lowArticle", "high", "highArticle", "figures", "articles") == [
        ("trade_partner", "USD", Decimal("1500000000"), "a1", Decimal("1700000000"), "a2", 2, 2)
    ]
    assert run_query(kg, "conflicting_figures") == rows  # unbound: each conflict once, not once per party
    assert run_query(kg, "conflicting_figures", country="TJK", relation="investor") == []


def test_claims_by_modality(kg):
    rows = run_query(kg, "claims_by_modality", modality="negated")
    assert _pairs(rows, "relation", "claims") == [("sanction", 1)]
    sanctions = run_query(kg, "claims_by_modality", relation="sanction")
    assert _pairs(sanctions, "modality", "relation", "claims") == [("asserted", "sanction", 1), ("negated", "sanction", 1)]
    totals = {r["modality"] for r in run_query(kg, "claims_by_modality")}
    assert totals == {"asserted", "negated", "future", "hedged"}


def test_org_members_relations(kg):
    rows = run_query(kg, "org_members_relations", org="SCO")
    cols = ("memberId", "relation", "partners", "claims", "memberPartners", "partnersInOrg")
    # the US sanctions Russia: a partner outside the SCO, counted but not listed
    assert ("RUS", "sanction", 1, 1, 0, "") in _pairs(rows, *cols)
    # China invests in Tajikistan: fellow members, from either end
    assert ("CHN", "investor", 1, 1, 1, "TJK") in _pairs(rows, *cols)
    assert ("TJK", "investor", 1, 1, 1, "CHN") in _pairs(rows, *cols)
    # three claims in two articles support the RUS-TJK trade edge
    assert ("RUS", "trade_partner", 1, 3, 1, "TJK") in _pairs(rows, *cols)
    # the negated sanction on China and the hedged agreement are no edges; leader_of is no relation of a state's
    assert ("RUS", "sanction", "CHN") not in {(r["memberId"], r["relation"], r["partnersInOrg"]) for r in rows}
    assert not {r["relation"] for r in rows} & {"agreement", "leader_of", "meeting"}
    assert {r["memberId"] for r in rows} == {"CHN", "KAZ", "RUS", "TJK"}


def test_org_members_relations_counts_members_and_outsiders_apart(sample_kg):
    from kgraph.model import Article
    from tests.graph_samples import RUS, USA, _claim, build_sample_graph

    with_outsider = build_sample_graph()  # sample_kg keeps the fake gazetteer in place
    extra = Article("a4", "Russia and the United States are trade partners.", dt.date(2025, 2, 1))
    with_outsider.add(extra, [_claim(extra, "trade_partner", RUS, USA, extra.text)])
    rows = run_query(with_outsider, "org_members_relations", org="SCO")
    cols = ("memberId", "relation", "partners", "claims", "memberPartners", "partnersInOrg")
    assert ("RUS", "trade_partner", 2, 4, 1, "TJK") in _pairs(rows, *cols)
    assert ("TJK", "trade_partner", 1, 3, 1, "RUS") in _pairs(rows, *cols)


def test_single_source(kg):
    rows = run_query(kg, "single_source", country="USA")
    assert _pairs(rows, "subjectId", "relation", "objectId", "article") == [("USA", "sanction", "RUS", "a3")]
    everything = run_query(kg, "single_source")
    assert "trade_partner" not in {r["relation"] for r in everything}  # two articles


def test_evidence(kg):
    rows = run_query(kg, "evidence", a="Tajikistan", b="Russia")
    assert len(rows) == 6
    figures = [r for r in rows if r["amountText"]]
    assert {r["amountText"] for r in figures} == {"$1.5 billion", "$1.7 billion"}
    putin = [r for r in rows if r["speakerName"] == "Vladimir Putin"][0]
    assert putin["article"] == "a1" and putin["source"] == "Trend" and putin["begin"] == 47


def test_every_query_has_a_test():
    tested = {m.group(1) for m in re.finditer(r"^def test_(\w+?)(?:_on_a_date)?\(kg\)", Path(__file__).read_text(), re.M)}
    assert set(QUERIES) <= tested


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_rdflib_engine_agrees_with_oxigraph(kg, name):
    params = {"country": "RUS", "a": "RUS", "b": "TJK", "partner": "TJK", "org": "SCO"}
    bindings = {p: params[p] for p in QUERIES[name].params if p in params}
    ox = run_query(kg, name, **bindings)
    rl = run_query(kg.to_rdflib(), name, **bindings)

    def norm(rows):
        return sorted((tuple(sorted((k, _num(v)) for k, v in r.items() if k != "articles")) for r in rows), key=repr)

    assert norm(rl) == norm(ox)


def _num(value):
    """Numbers compared as floats: the engines may give an aggregate as integer or decimal."""
    return float(value) if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) else value


# --- parameters, errors, formatting ---------------------------------------------------------


def test_query_values_are_typed_and_columns_known_without_rows(kg):
    rows = run_query(kg, "partners", country="RUS", relation="trade_partner")
    assert isinstance(rows[0]["claims"], int) and isinstance(rows[0]["first"], dt.date)
    assert rows.columns[:3] == ("countryId", "relation", "partnerId")
    none = run_query(kg, "partners", country="KAZ", relation="sanction")
    assert none == [] and "partnerId" in none.columns
    assert format_rows(none, "csv").splitlines()[0].split(",")[:3] == ["countryId", "relation", "partnerId"]
    assert json.loads(format_rows(rows, "json"))[0]["claims"] == 3


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_shipped_query_uses_only_defined_terms(name):
    assert undefined_terms(load_query(name)[1]) == []


def test_query_with_an_undefined_kg_term_warns(kg):
    text = "PREFIX kg: <https://w3id.org/kgraph/ns#> SELECT ?a ?b WHERE { ?a kg:trade_partner ?b }"
    with pytest.warns(UndefinedTermWarning, match="kg:trade_partner.*did you mean kg:tradePartner"):
        assert run_query(kg, text) == []
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run_query(kg, "PREFIX kg: <https://w3id.org/kgraph/ns#> SELECT ?a WHERE { ?a kg:tradePartner ?b }")


def test_country_by_name_or_code_gives_same_rows(kg):
    assert run_query(kg, "partners", country="Russia") == run_query(kg, "partners", country="RUS")


def test_binding_is_not_pasted_into_the_text(kg):
    with pytest.raises(KGraphError, match="no party named"):
        run_query(kg, "partners", country='RUS" } } DROP ALL #')


def test_unknown_parameter_lists_parameters(kg):
    with pytest.raises(KGraphError, match="Available: country, relation"):
        run_query(kg, "partners", nation="RUS")


def test_unknown_relation_lists_relations(kg):
    with pytest.raises(KGraphError, match="trade_partner"):
        run_query(kg, "partners", relation="friendship")


def test_unknown_query_lists_names(kg):
    with pytest.raises(UnknownQueryError) as info:
        run_query(kg, "partnrs")
    assert "partners" in str(info.value) and "evidence" in str(info.value)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_broken_query_raises_one_line_syntax_error(kg, engine):
    target = kg if engine == "oxigraph" else kg.to_rdflib()
    with pytest.raises(QuerySyntaxError) as info:
        run_query(target, "SELECT ?x WHERE { ?x ?p }")
    assert "\n" not in str(info.value)


def test_rq_path_and_text(kg, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# name: mine\n# description: Count claims.\n# params: ?modality\n"
                    "PREFIX kg: <https://w3id.org/kgraph/ns#>\nSELECT (COUNT(?c) AS ?n) WHERE { ?c kg:modality ?modality }")
    assert run_query(kg, str(path), modality="hedged") == [{"n": 1}]
    assert load_query(str(path))[0].params == ("modality",)
    text = "PREFIX kg: <https://w3id.org/kgraph/ns#> SELECT ?c WHERE { ?c a kg:Claim ; kg:relation kg:investor }"
    assert len(run_query(kg, text)) == 1
    assert len(kg.query(text)) == 1


def test_missing_rq_file(kg, tmp_path):
    with pytest.raises(KGraphError):
        run_query(kg, str(tmp_path / "nope.rq"))


def test_bad_date_parameter(kg):
    with pytest.raises(KGraphError, match="ISO date"):
        run_query(kg, "leaders", date="yesterday")


ROWS = [{"country": "RUS", "partners": "2"}, {"country": "TJK", "partners": "10", "note": "a,b"}]


def test_format_rows_table():
    text = format_rows(ROWS, "table")
    assert text.splitlines()[0].split() == ["country", "partners", "note"]
    assert format_rows([], "table") == "(no results)"


def test_format_rows_csv():
    assert format_rows(ROWS, "csv").splitlines() == ["country,partners,note", "RUS,2,", 'TJK,10,"a,b"']


def test_format_rows_json():
    assert json.loads(format_rows(ROWS, "json")) == ROWS


def test_format_rows_unknown_format():
    with pytest.raises(UnknownFormatError):
        format_rows(ROWS, "xlsx")


def test_country_alias_resolves_through_the_gazetteer(kg, monkeypatch):
    import kgraph.rdf

    class Form:
        id, ambiguous = "RUS", False

    class Gaz:
        def lookup(self, text):
            return [Form()] if text == "the Kremlin" else []

    monkeypatch.setattr(kgraph.rdf, "_gazetteer", lambda: Gaz())
    assert run_query(kg, "allies", country="the Kremlin") == run_query(kg, "allies", country="RUS")


def test_query_values_keep_every_character_and_type():
    from decimal import Decimal

    from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store

    xsd = "http://www.w3.org/2001/XMLSchema#"
    store = Store()
    values = [Literal('tab\there\nnew "q" \\ é \u2028'), Literal("hi", language="en"), Literal("-5", datatype=NamedNode(xsd + "integer")),
              Literal("1.25", datatype=NamedNode(xsd + "decimal")), Literal("2E3", datatype=NamedNode(xsd + "double")),
              Literal("2024-02-29", datatype=NamedNode(xsd + "date")), Literal("false", datatype=NamedNode(xsd + "boolean")),
              NamedNode("https://example.org/x?a=1#f"), BlankNode("b1")]
    for number, value in enumerate(values):
        store.add(Quad(NamedNode(f"urn:s{number}"), NamedNode("urn:p"), value, NamedNode("urn:g")))
    rows = run_query(store, "SELECT ?s ?o ?unbound WHERE { ?s <urn:p> ?o } ORDER BY ?s")
    assert [r["o"] for r in rows] == ['tab\there\nnew "q" \\ é \u2028', "hi", -5, Decimal("1.25"), 2000.0,
                                      dt.date(2024, 2, 29), False, "https://example.org/x?a=1#f", "_:b1"]
    assert all(r["unbound"] is None for r in rows)
