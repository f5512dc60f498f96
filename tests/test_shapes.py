"""SHACL: a built graph conforms to shapes.ttl; broken graphs give readable violations."""

from __future__ import annotations

from importlib.resources import files

import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Quad

from kgraph.vocab import KG, article_graph_iri
from tests.graph_samples import build_sample_graph, use_fake_gazetteer


@pytest.fixture()
def kg(monkeypatch):
    use_fake_gazetteer(monkeypatch)
    return build_sample_graph()


def test_shapes_file_parses():
    g = rdflib.Graph().parse(data=files("kgraph").joinpath("shapes.ttl").read_text(), format="turtle")
    assert len(g) > 50


def test_built_graph_is_valid(kg):
    assert kg.validate() == []


def _first_claim(kg) -> NamedNode:
    rows = kg.query("PREFIX kg: <https://w3id.org/kgraph/ns#> SELECT ?c WHERE { ?c a kg:Claim } ORDER BY ?c LIMIT 1")
    return NamedNode(rows[0]["c"])


def _replace(kg, node, predicate, value):
    graph = NamedNode(article_graph_iri("a1"))
    for quad in list(kg.store.quads_for_pattern(node, NamedNode(predicate), None, None)):
        kg.store.remove(quad)
    if value is not None:
        kg.store.add(Quad(node, NamedNode(predicate), value, graph))


@pytest.mark.parametrize(
    ("predicate", "value", "expected"),
    [
        (KG.modality, Literal("certain"), "modality must be one of"),
        (KG.rule, None, "non-empty kg:rule"),
        (KG.claimDate, Literal("2024"), "kg:claimDate must be one xsd:date"),
        (KG.relation, NamedNode("https://w3id.org/kgraph/ns#friendOf"), "closed set"),
        (KG.evidence, None, "exactly one evidence span"),
        (KG.confidence, Literal("1.5", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#double")), "between 0 and 1"),
    ],
)
def test_broken_graph_yields_violations(kg, predicate, value, expected):
    claim = _first_claim(kg)
    _replace(kg, claim, str(predicate), value)
    violations = kg.validate()
    assert violations, "expected a violation"
    assert any(expected in v and claim.value.rsplit("/", 1)[-1] in v for v in violations), violations


def test_second_subject_is_a_violation(kg):
    claim = _first_claim(kg)
    kg.store.add(Quad(claim, NamedNode(str(KG.subject)), NamedNode("https://w3id.org/kgraph/id/country/XXX"),
                      NamedNode(article_graph_iri("a1"))))
    assert any("exactly one kg:subject" in v for v in kg.validate())


def _give_a_person_two_countries(kg) -> str:
    from kgraph.vocab import ENTITIES_GRAPH

    rows = kg.query("PREFIX kg: <https://w3id.org/kgraph/ns#> SELECT ?p WHERE { ?p a kg:Leader ; kg:country ?c } "
                    "ORDER BY ?p LIMIT 1")
    person = NamedNode(rows[0]["p"])
    kg.store.add(Quad(person, NamedNode(str(KG.country)), NamedNode("https://w3id.org/kgraph/id/country/TJK"),
                      NamedNode(ENTITIES_GRAPH)))
    kg.store.add(Quad(person, NamedNode(str(KG.country)), NamedNode("https://w3id.org/kgraph/id/country/RUS"),
                      NamedNode(ENTITIES_GRAPH)))
    return person.value


def test_person_with_two_countries_is_a_warning_not_a_violation(kg):
    person = _give_a_person_two_countries(kg)
    assert kg.validate() == []
    warnings = kg.validate(warnings=True)
    assert len(warnings) == 1 and warnings[0].startswith("warning: ") and "more than one kg:country" in warnings[0]
    assert person.rsplit("/", 1)[-1] in warnings[0]


def test_cli_validate_lists_warnings_and_passes(kg, tmp_path):
    import subprocess
    import sys

    def validate():
        path = tmp_path / "g.nq"
        kg.write(path)
        return subprocess.run([sys.executable, "-m", "kgraph", "validate", str(path)], capture_output=True, text=True)

    _give_a_person_two_countries(kg)
    result = validate()
    assert result.returncode == 0 and result.stdout.startswith("warning: ")
    assert "0 violation(s), 1 warning(s)" in result.stderr
    claim = _first_claim(kg)
    _replace(kg, claim, str(KG.rule), None)
    result = validate()
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "non-empty kg:rule" in lines[0] and lines[-1].startswith("warning: ")
    assert "1 violation(s), 1 warning(s)" in result.stderr
