"""The relation registry (kgraph/relations.py) and what is generated from it."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import OWL, RDFS

from kgraph.model import RELATIONS, SYMMETRIC
from kgraph.ontology import ontology_text, shapes_text
from kgraph.relations import GROUP_TERMS, REGISTRY, SPECS, Relation, relations_where, spec_of
from kgraph.vocab import KG, RELATION_TERMS, relation_iri


def test_relations_every_name_has_one_registry_row():
    assert [spec.relation for spec in REGISTRY] == list(Relation)
    assert len({spec.term for spec in REGISTRY}) == len(REGISTRY)


def test_relations_a_misspelt_name_raises():
    with pytest.raises(ValueError, match="not a valid Relation"):
        spec_of("trade_partnr")
    with pytest.raises(AttributeError):
        Relation.TRADE_PARTNR  # noqa: B018


def test_relations_names_compare_and_print_as_plain_strings():
    assert Relation.MEETING == "meeting" and "meeting" in {Relation.MEETING}
    assert f"{Relation.MEETING}-x" == "meeting-x" and str(Relation.MEETING) == "meeting"


def test_relations_model_and_vocab_read_the_registry():
    assert RELATIONS == tuple(r.value for r in Relation)
    assert SYMMETRIC == {r.value for r in relations_where("symmetric")}
    assert RELATION_TERMS == {spec.relation.value: spec.term for spec in REGISTRY}


def test_relations_a_directed_relation_has_an_inverse_and_a_symmetric_one_none():
    for spec in REGISTRY:
        assert (spec.inverse is None) == spec.symmetric, spec.relation


@pytest.mark.parametrize("spec", REGISTRY, ids=lambda s: s.relation.value)
def test_ontology_generated_property_matches_its_registry_row(spec):
    ontology = rdflib.Graph().parse(data=ontology_text(), format="turtle")
    prop = rdflib.URIRef(relation_iri(spec.relation))
    assert str(ontology.value(prop, KG.relationName)) == spec.relation
    assert ontology.value(prop, RDFS.subPropertyOf) == KG[GROUP_TERMS[spec.group]]
    assert {str(c) for c in ontology.objects(prop, KG.cameoCode)} == set(spec.cameo)
    assert {str(c) for c in ontology.objects(prop, KG.ploverCode)} == set(spec.plover)
    if spec.inverse is not None:
        assert ontology.value(prop, OWL.inverseOf) == KG[spec.inverse.term]


def test_shapes_list_every_relation_of_the_registry():
    shapes = rdflib.Graph().parse(data=shapes_text(), format="turtle")
    listed = {o for s, p, o in shapes if isinstance(o, rdflib.URIRef) and str(o) in {relation_iri(r) for r in SPECS}}
    assert listed == {rdflib.URIRef(relation_iri(r)) for r in SPECS}
