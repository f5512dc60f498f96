"""Tests of the pure RDF conversion (kgraph.rdf, kgraph.vocab, ontology.ttl)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import rdflib
from pyoxigraph import BlankNode, DefaultGraph, Store
from rdflib.namespace import OWL, RDF, RDFS

from tests.graph_samples import A1, CHN, PUTIN, RUS, TJK, sample_articles, use_fake_gazetteer
from kgraph.model import RELATIONS, SYMMETRIC, Amount, Article, Claim, Evidence, Percent, Period
from kgraph.ontology import ontology_text
from kgraph.rdf import Support, entity_quads, from_graph, to_dataset, to_edge_quads, to_quads, to_store, to_supports
from kgraph.vocab import EDGES_GRAPH, KG, NS, claim_iri, edge_iri, entity_iri, relation_iri, relation_name


@pytest.fixture(autouse=True)
def _gazetteer(monkeypatch):
    use_fake_gazetteer(monkeypatch)


def _base() -> Claim:
    return Claim("a1", "trade_partner", RUS, TJK, Evidence("Russia remains Tajikistan's top trade partner.", 0, 46), "t.v1")


VARIANTS = {
    "plain": {},
    "amount": {"amount": Amount(1.5e9, "USD", "$1.5 billion")},
    "amount-no-currency": {"amount": Amount(2.0, None, "two")},
    "percent": {"percent": Percent(12.5, "12.5%")},
    "period": {"period": Period("in 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31))},
    "open-period": {"period": Period("since May", dt.date(2024, 5, 1), None)},
    "speaker": {"speaker": PUTIN},
    "rank": {"rank": 2},
    "negated": {"modality": "negated"},
    "status": {"status": "lifted", "relation": "sanction"},
    "flags": {"derived": True, "implied": True, "confidence": 0.42},
    "resolution": {"implied": True, "resolution": "article-pair+publisher"},
    "date": {"date": dt.date(2024, 2, 29)},
    "unicode": {"evidence": Evidence('Он сказал: "да" \\ \n', 3, 21)},
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_from_graph_round_trips_claim(variant):
    claim = dataclasses.replace(_base(), **VARIANTS[variant])
    assert from_graph(to_store([(A1, [claim])])) == [claim]


@pytest.mark.parametrize("relation", RELATIONS)
def test_relation_iri_round_trips(relation):
    assert relation_name(relation_iri(relation)) == relation


def test_closed_vocabulary_raises_on_misspelt_term():
    with pytest.raises(AttributeError):
        KG.Countyr  # noqa: B018


def test_to_quads_is_deterministic_and_has_no_blank_nodes():
    article, claims = sample_articles()[1]
    first, second = to_quads(article, claims), to_quads(article, claims)
    assert first == second
    for quad in first:
        assert not isinstance(quad.subject, BlankNode) and not isinstance(quad.object, BlankNode)
        assert not isinstance(quad.graph_name, DefaultGraph)


def test_claim_iri_uses_claim_key():
    claim = _base()
    assert claim_iri(claim).endswith(claim.key)
    moved = dataclasses.replace(claim, evidence=Evidence(claim.evidence.text, 1, 47))
    assert claim_iri(moved) != claim_iri(claim)


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        (RUS, "https://w3id.org/kgraph/id/country/RUS"),
        (PUTIN, "https://w3id.org/kgraph/id/person/vladimir-putin"),
    ],
)
def test_entity_iri(entity, expected):
    assert entity_iri(entity) == expected


def test_entity_quads_country_has_wikidata_and_coordinates():
    preds = {q.predicate.value: q.object for q in entity_quads(RUS)}
    assert preds[str(OWL.sameAs)].value == "http://www.wikidata.org/entity/Q159"
    assert preds[str(KG.iso3)].value == "RUS"
    assert "https://schema.org/latitude" in preds


def test_entity_quads_leader_points_to_country():
    preds = {q.predicate.value: q.object.value for q in entity_quads(PUTIN) if q.subject.value == entity_iri(PUTIN)}
    assert preds[str(KG.country)] == entity_iri(RUS)
    assert preds[str(KG.role)] == "President"


def _support(s, o, claim, modality="asserted", relation="ally", day=1):
    return Support(s, relation, o, "urn:" + claim, "urn:art:" + claim, dt.date(2024, 1, day), modality)


def test_edge_quads_symmetric_relation_asserts_both_directions_and_counts():
    quads = to_edge_quads([_support("urn:a", "urn:b", "c1", day=3), _support("urn:b", "urn:a", "c2", day=9)])
    direct = {(q.subject.value, q.object.value) for q in quads if q.predicate.value == relation_iri("ally")}
    assert direct == {("urn:a", "urn:b"), ("urn:b", "urn:a")}
    values = {q.predicate.value: q.object.value for q in quads}
    assert values[str(KG.supportCount)] == "2"
    assert values[str(KG.firstDate)] == "2024-01-03"
    assert values[str(KG.lastDate)] == "2024-01-09"


def test_edge_quads_directed_relation_keeps_direction():
    quads = to_edge_quads([_support("urn:a", "urn:b", "c1", relation="sanction")])
    direct = [(q.subject.value, q.object.value) for q in quads if q.predicate.value == relation_iri("sanction")]
    assert direct == [("urn:a", "urn:b")]


def test_edge_quads_negated_only_edge_has_no_direct_triple():
    quads = to_edge_quads([_support("urn:a", "urn:b", "c1", modality="negated")])
    assert not [q for q in quads if q.predicate.value == relation_iri("ally")]
    values = {q.predicate.value: q.object.value for q in quads}
    assert values[str(KG.assertedCount)] == "0" and values[str(KG.supportCount)] == "1"


def test_edge_iri_symmetric_ignores_order():
    assert edge_iri("urn:a", "ally", "urn:b") == edge_iri("urn:b", "ally", "urn:a")
    assert edge_iri("urn:a", "sanction", "urn:b") != edge_iri("urn:b", "sanction", "urn:a")


def test_to_supports_uses_article_date_when_claim_has_none():
    (support,) = to_supports(A1, [_base()])
    assert support.date == A1.date


def test_to_store_sample_round_trips_all_claims():
    items = sample_articles()
    expected = sorted((c for _, cs in items for c in cs), key=lambda c: c.key)
    assert sorted(from_graph(to_store(items)), key=lambda c: c.key) == expected


def test_to_dataset_matches_store():
    items = sample_articles()
    store = to_store(items)
    ds = to_dataset(items)
    assert len(list(ds.quads((None, None, None, None)))) == len(store)
    assert sorted(from_graph(ds), key=lambda c: c.key) == sorted(from_graph(store), key=lambda c: c.key)


def test_edges_graph_counts_match_claims():
    store = to_store(sample_articles())
    rows = store.query(
        "PREFIX kg: <%s> SELECT ?n WHERE { GRAPH <%s> { ?e kg:relation kg:tradePartner ; kg:supportCount ?n } }"
        % (NS, EDGES_GRAPH)
    )
    assert [r["n"].value for r in rows] == ["3"]


# --- ontology ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(data=ontology_text(), format="turtle")


@pytest.mark.parametrize("relation", RELATIONS)
def test_ontology_declares_relation(ontology, relation):
    prop = rdflib.URIRef(relation_iri(relation))
    assert (prop, RDF.type, OWL.ObjectProperty) in ontology
    assert ((prop, RDF.type, OWL.SymmetricProperty) in ontology) == (relation in SYMMETRIC)
    if relation not in SYMMETRIC:
        assert ontology.value(prop, OWL.inverseOf) is not None
    assert str(ontology.value(prop, KG.relationName)) == relation
    assert ontology.value(prop, RDFS.subPropertyOf) is not None
    if relation != "leader_of":
        assert ontology.value(prop, KG.cameoCode) is not None
        assert ontology.value(prop, KG.ploverCode) is not None


def test_ontology_labels_and_comments_every_term(ontology):
    terms = {s for s in ontology.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(NS)}
    missing = sorted(str(t) for t in terms if ontology.value(t, RDFS.label) is None or ontology.value(t, RDFS.comment) is None)
    assert not missing


def test_ontology_and_vocab_agree(ontology):
    declared = {str(s)[len(NS):] for s in ontology.subjects() if str(s).startswith(NS)}
    assert declared == set(KG.__annotations__)


@pytest.mark.parametrize(
    ("rollup", "members"),
    [
        ("economicCooperation", {"investor", "tradePartner", "aidDonor", "energySupplier"}),
        ("diplomaticCooperation", {"ally", "strategicPartner", "agreement", "meeting"}),
        ("securityCooperation", {"militaryCooperation"}),
        ("hostile", {"sanction", "tariff", "conflict", "dispute"}),
    ],
)
def test_ontology_rollups(ontology, rollup, members):
    subs = {str(s)[len(NS):] for s in ontology.subjects(RDFS.subPropertyOf, rdflib.URIRef(NS + rollup))}
    assert subs == members


def test_store_query_uses_rollup():
    store = to_store(sample_articles())
    rows = store.query(
        "PREFIX kg: <%s> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?p WHERE { ?p rdfs:subPropertyOf kg:hostile . ?a ?p ?b }" % NS,
        use_default_graph_as_union=True,
    )
    assert {r["p"].value for r in rows} == {relation_iri("sanction")}


def test_from_graph_empty_store():
    assert from_graph(Store()) == []


def test_to_quads_records_mentions():
    from tests.graph_samples import A3, SCO, sample_mentions

    quads = to_quads(A3, [], sample_mentions()["a3"])
    assert any(q.predicate.value == "https://schema.org/mentions" and q.object.value == entity_iri(SCO) for q in quads)
    members = {q.object.value for q in quads if q.predicate.value == str(KG.hasMember)}
    assert entity_iri(CHN) in members and len(members) == 4


def test_article_without_date_or_metadata():
    art = Article("bare", "Russia and China.")
    claim = Claim("bare", "ally", RUS, CHN, Evidence("Russia and China.", 0, 17), "t")
    assert from_graph(to_store([(art, [claim])])) == [claim]
