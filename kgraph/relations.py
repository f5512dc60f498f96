"""The relation registry: every relation kgraph extracts and what it means, one row each.

Everything that depends on the set of relations reads it from here: the record types
(`model.RELATIONS`, `model.SYMMETRIC`), the RDF vocabulary and the relation part of the
ontology (`vocab`, `ontology`), the roll-up groups of the exports, and the claim rules
(which relations carry figures, can be lifted or halted, take several parties, ...).
Relation names are members of `Relation`, so a misspelt one raises instead of matching
nothing:

    >>> Relation.TRADE_PARTNER == "trade_partner", f"{Relation.TRADE_PARTNER}"
    (True, 'trade_partner')
    >>> Relation.TRADE_PARTNR
    Traceback (most recent call last):
    ...
    AttributeError: TRADE_PARTNR
    >>> Relation("trade_partnr")
    Traceback (most recent call last):
    ...
    ValueError: 'trade_partnr' is not a valid Relation

This module imports neither spaCy nor rdflib.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class NameEnum(str, Enum):
    """An enum of names that compare, hash, print and format as the plain strings they are
    (Python 3.11's StrEnum, for 3.10 too)."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Relation(NameEnum):
    """A relation's name, as `Claim.relation` and the JSONL output write it."""

    LEADER_OF = "leader_of"
    TRADE_PARTNER = "trade_partner"
    INVESTOR = "investor"
    ALLY = "ally"
    STRATEGIC_PARTNER = "strategic_partner"
    AID_DONOR = "aid_donor"
    AGREEMENT = "agreement"
    MILITARY_COOPERATION = "military_cooperation"
    ENERGY_SUPPLIER = "energy_supplier"
    MEETING = "meeting"
    SANCTION = "sanction"
    TARIFF = "tariff"
    DISPUTE = "dispute"
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class Inverse:
    """The inverse property of a directed relation (declared for OWL reasoners, never written)."""

    term: str
    label: str


@dataclass(frozen=True, slots=True)
class RelationSpec:
    """What one relation is: its RDF property, its place in the roll-ups and how the rules treat it.

    Attributes:
        relation: the name.
        term: the local name of its property under ``kg:`` (lowerCamel).
        label, comment: the property's ``rdfs:label`` and ``rdfs:comment``.
        group: its roll-up: "economic", "diplomatic", "security", "hostile" or "leader".
        cameo, plover: the nearest CAMEO event codes and PLOVER categories.
        symmetric: both parties play the same part; their order carries no meaning.
        inverse: the inverse property of a directed relation.
        figures: a claim may carry a money amount or a percentage.
        liftable: a measure that is lifted ("lifts sanctions"): its claims get status "lifted".
        haltable: a flow or a tie that is halted or ended ("halts gas supplies").
        multilateral: three or more named parties give one claim per pair.
        hostile: a measure or a fight, which a party may talk about without taking part.
        cooperative: a tie between partners: a party is one only if it takes part, not
            if it is acted upon ("seizes a Z-flagged ship" makes Z no partner of a deal).
        domain, see_also: the property's ``rdfs:domain`` and ``rdfs:seeAlso``, if any.
        color: its colour in every picture, in the explorer and in the GEXF (palette.py).
    """

    relation: Relation
    term: str
    label: str
    comment: str
    group: str
    cameo: tuple[str, ...] = ()
    plover: tuple[str, ...] = ()
    symmetric: bool = False
    inverse: Inverse | None = None
    figures: bool = False
    liftable: bool = False
    haltable: bool = False
    multilateral: bool = False
    hostile: bool = False
    cooperative: bool = False
    domain: str | None = None
    see_also: str | None = None
    color: str = "#999999"


# The roll-up groups: their property under ``kg:`` (none for leader_of, which rolls up to kg:relatedTo).
GROUP_TERMS: dict[str, str] = {
    "economic": "economicCooperation",
    "diplomatic": "diplomaticCooperation",
    "security": "securityCooperation",
    "hostile": "hostile",
    "leader": "relatedTo",
}

R = Relation
REGISTRY: tuple[RelationSpec, ...] = (
    RelationSpec(
        R.LEADER_OF, "leaderOf", "leader of",
        "The subject (a person) leads the object (a country or organization) as head of state or government.",
        "leader", inverse=Inverse("hasLeader", "has leader"), domain="Person",
        see_also="http://www.wikidata.org/prop/direct/P35", color="#8c8c8c"),
    RelationSpec(
        R.TRADE_PARTNER, "tradePartner", "trade partner",
        "The two parties trade with each other; a claim may carry the trade volume (amount), its growth "
        "(percent) and the period.",
        "economic", ("061",), ("COOPERATE",), symmetric=True, figures=True, haltable=True, cooperative=True,
        color="#1b9e77"),
    RelationSpec(
        R.INVESTOR, "investor", "investor in",
        "The subject invests in the object; a claim may carry the amount and the investor's rank.",
        "economic", ("061", "0311"), ("COOPERATE",), inverse=Inverse("hasInvestor", "has investor"),
        figures=True, haltable=True, cooperative=True, color="#66a61e"),
    RelationSpec(
        R.ALLY, "ally", "ally", "The two parties are allies (formal or declared alliance).",
        "diplomatic", ("050",), ("SUPPORT",), symmetric=True, cooperative=True, color="#1f4e9c"),
    RelationSpec(
        R.STRATEGIC_PARTNER, "strategicPartner", "strategic partner",
        "The two parties call each other strategic partners.",
        "diplomatic", ("050",), ("SUPPORT",), symmetric=True, cooperative=True, color="#5b9bd5"),
    RelationSpec(
        R.AID_DONOR, "aidDonor", "aid donor to",
        "The subject gives aid (economic, military, humanitarian) to the object.",
        "economic", ("070", "071", "072", "073"), ("AID",), inverse=Inverse("receivesAidFrom", "receives aid from"),
        figures=True, haltable=True, cooperative=True, color="#17becf"),
    RelationSpec(
        R.AGREEMENT, "agreement", "agreement with",
        "The two parties signed or agreed an agreement, treaty or memorandum.",
        "diplomatic", ("057", "030"), ("SUPPORT", "AGREE"), symmetric=True, figures=True, haltable=True,
        multilateral=True, cooperative=True, color="#8c564b"),
    RelationSpec(
        R.MILITARY_COOPERATION, "militaryCooperation", "military cooperation with",
        "The two parties cooperate militarily (exercises, arms, bases, intelligence sharing).",
        "security", ("062", "064", "0312"), ("COOPERATE",), symmetric=True, figures=True, haltable=True,
        multilateral=True, cooperative=True, color="#6a3d9a"),
    RelationSpec(
        R.ENERGY_SUPPLIER, "energySupplier", "energy supplier to",
        "The subject supplies energy (oil, gas, electricity, nuclear fuel) to the object. No CAMEO/PLOVER code "
        "has energy supply; the codes are the nearest (economic cooperation).",
        "economic", ("061",), ("COOPERATE",), inverse=Inverse("importsEnergyFrom", "imports energy from"),
        figures=True, haltable=True, cooperative=True, color="#e6ab02"),
    RelationSpec(
        R.MEETING, "meeting", "meeting with",
        "Representatives of the two parties met, visited, talked or negotiated.",
        "diplomatic", ("040", "042", "043", "044", "046"), ("CONSULT",), symmetric=True, multilateral=True,
        cooperative=True, color="#9e9ac8"),
    RelationSpec(
        R.SANCTION, "sanction", "sanctions",
        "The subject imposes sanctions, an embargo or a boycott on the object.",
        "hostile", ("163", "160"), ("SANCTION", "COERCE"), inverse=Inverse("sanctionedBy", "sanctioned by"),
        figures=True, liftable=True, hostile=True, color="#ff7f00"),
    RelationSpec(
        R.TARIFF, "tariff", "imposes tariffs on",
        "The subject imposes tariffs or duties on goods from the object. CAMEO/PLOVER have no tariff code; the "
        "codes are the nearest (economic sanctions).",
        "hostile", ("163",), ("SANCTION",), inverse=Inverse("tariffedBy", "subject to tariffs by"),
        figures=True, liftable=True, hostile=True, color="#fb9a99"),
    RelationSpec(
        R.DISPUTE, "dispute", "dispute with",
        "The two parties are in a (territorial, trade, diplomatic) dispute. The codes are the nearest "
        "(disapprove, reject).",
        "hostile", ("110", "120"), ("DISAPPROVE", "REJECT"), symmetric=True, hostile=True, color="#e7298a"),
    RelationSpec(
        R.CONFLICT, "conflict", "conflict with",
        "The subject uses military force against the object (war, blockade, occupation, strikes).",
        "hostile", ("190", "191", "192", "193", "195"), ("ASSAULT", "COERCE"),
        inverse=Inverse("attackedBy", "attacked by"), hostile=True, color="#d62728"),
)
del R

SPECS: dict[Relation, RelationSpec] = {spec.relation: spec for spec in REGISTRY}


def spec_of(relation: str) -> RelationSpec:
    """The registry row of a relation name.

    Raises:
        ValueError: the name is no relation.

    Examples:
        >>> spec_of("ally").symmetric
        True
    """
    return SPECS[Relation(relation)]


def relations_where(flag: str) -> frozenset[Relation]:
    """The relations whose registry row has `flag` set ("symmetric", "figures", ...).

    Examples:
        >>> sorted(relations_where("liftable"))
        [<Relation.SANCTION: 'sanction'>, <Relation.TARIFF: 'tariff'>]
    """
    return frozenset(spec.relation for spec in REGISTRY if getattr(spec, flag))


def names(relations: Iterable[Relation]) -> frozenset[str]:
    """The names of some relations, as plain strings."""
    return frozenset(str(r.value) for r in relations)


SYMMETRIC = relations_where("symmetric")
FIGURE_BEARING = relations_where("figures")
LIFTABLE = relations_where("liftable")
HALTABLE = relations_where("haltable")
MULTILATERAL = relations_where("multilateral")
HOSTILE = relations_where("hostile")
COOPERATIVE = relations_where("cooperative")


def relation_terms() -> list[str]:
    """Every property term (under ``kg:``) the registry declares: one per relation, one per inverse.

    Examples:
        >>> relation_terms()[:3]
        ['leaderOf', 'hasLeader', 'tradePartner']
    """
    terms = []
    for spec in REGISTRY:
        terms.append(spec.term)
        if spec.inverse is not None:
            terms.append(spec.inverse.term)
    return terms
