"""The kgraph ontology and SHACL shapes as Turtle: the packaged files plus their relation part.

`ontology.ttl` and `shapes.ttl` say everything that does not depend on the set of
relations. The property of each relation (its label, roll-up, CAMEO and PLOVER codes,
inverse) and the shapes' closed lists of relation properties are written here from the
registry (`kgraph/relations.py`), so that a new relation needs no edit of either file.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files

from kgraph.relations import GROUP_TERMS, REGISTRY, RelationSpec
from kgraph.vocab import NS, OWL, RDFS, SH, SHAPES

_PREFIXES = "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in
                    (("kg", NS), ("owl", OWL), ("rdfs", RDFS), ("sh", SH), ("kgs", SHAPES)))


def _literal(text: str) -> str:
    """A Turtle string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate_relation_property(spec: RelationSpec) -> Iterator[str]:
    """Turtle lines declaring one relation's property and its inverse.

    Examples:
        >>> from kgraph.relations import SPECS, Relation
        >>> print("\\n".join(generate_relation_property(SPECS[Relation.ALLY])))
        kg:ally a owl:ObjectProperty, owl:SymmetricProperty ;
            rdfs:subPropertyOf kg:diplomaticCooperation ;
            rdfs:label "ally"@en ;
            rdfs:comment "The two parties are allies (formal or declared alliance)."@en ;
            kg:relationName "ally" ;
            kg:cameoCode "050" ;
            kg:ploverCode "SUPPORT" .
    """
    types = "owl:ObjectProperty, owl:SymmetricProperty" if spec.symmetric else "owl:ObjectProperty"
    lines = [f"kg:{spec.term} a {types}", f"rdfs:subPropertyOf kg:{GROUP_TERMS[spec.group]}"]
    if spec.domain:
        lines.append(f"rdfs:domain kg:{spec.domain}")
    lines += [f"rdfs:label {_literal(spec.label)}@en", f"rdfs:comment {_literal(spec.comment)}@en",
              f"kg:relationName {_literal(spec.relation.value)}"]
    if spec.cameo:
        lines.append("kg:cameoCode " + ", ".join(map(_literal, spec.cameo)))
    if spec.plover:
        lines.append("kg:ploverCode " + ", ".join(map(_literal, spec.plover)))
    if spec.see_also:
        lines.append(f"rdfs:seeAlso <{spec.see_also}>")
    if spec.inverse is not None:
        lines.append(f"owl:inverseOf kg:{spec.inverse.term}")
    yield from _statement(lines)
    if spec.inverse is not None:
        yield ""
        yield from _statement([
            f"kg:{spec.inverse.term} a owl:ObjectProperty", f"owl:inverseOf kg:{spec.term}",
            f"rdfs:label {_literal(spec.inverse.label)}@en",
            f"rdfs:comment {_literal(f'Inverse of kg:{spec.term}; not asserted by kgraph, inferred by an OWL reasoner.')}@en"])


def _statement(parts: list[str]) -> Iterator[str]:
    """A subject's predicate-object parts as one Turtle statement, one part a line."""
    for number, part in enumerate(parts):
        indent = "" if number == 0 else "    "
        yield indent + part + (" ." if number == len(parts) - 1 else " ;")


def _relation_list(first: str, *, leader: bool = True) -> str:
    """A Turtle list of relation properties, the registry's order, after `first` if given."""
    terms = [f"kg:{spec.term}" for spec in REGISTRY if leader or spec.group != "leader"]
    return "( " + " ".join(([first] if first else []) + terms) + " )"


def generate_relation_shapes() -> Iterator[str]:
    """Turtle lines constraining `kg:relation` to the registry's relations, for shapes.ttl's shapes."""
    yield "kgs:ClaimShape sh:property ["
    yield "    sh:path kg:relation ; sh:minCount 1 ; sh:maxCount 1 ;"
    yield f"    sh:in {_relation_list('')} ;"
    yield '    sh:message "a claim needs exactly one kg:relation from the closed set" ] .'
    yield "kgs:PartyTallyShape sh:property ["
    yield "    sh:path kg:relation ; sh:minCount 1 ; sh:maxCount 1 ;"
    yield f"    sh:in {_relation_list('kg:relatedTo', leader=False)} ;"
    yield '    sh:message "a party tally counts one relation other than kg:leaderOf, or kg:relatedTo for all" ] .'
    yield "kgs:ModalityTallyShape sh:property ["
    yield "    sh:path kg:relation ; sh:minCount 1 ; sh:maxCount 1 ;"
    yield f"    sh:in {_relation_list('')} ] ."


@lru_cache(maxsize=1)
def ontology_text() -> str:
    """The whole ontology as Turtle: ``ontology.ttl`` and one property per relation of the registry."""
    lines = ["", "# --- relation properties (kgraph/relations.py) ---", "", _PREFIXES]
    for spec in REGISTRY:
        lines += [*generate_relation_property(spec), ""]
    return files("kgraph").joinpath("ontology.ttl").read_text(encoding="utf-8") + "\n".join(lines)


@lru_cache(maxsize=1)
def shapes_text() -> str:
    """The SHACL shapes as Turtle: ``shapes.ttl`` and the closed lists of relations of the registry."""
    lines = ["", "# --- relation constraints (kgraph/relations.py) ---", "", _PREFIXES, *generate_relation_shapes(), ""]
    return files("kgraph").joinpath("shapes.ttl").read_text(encoding="utf-8") + "\n".join(lines)
