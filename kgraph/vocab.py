"""The closed kgraph vocabulary: every IRI kgraph writes comes from this module.

Terms live under :data:`NS` (``https://w3id.org/kgraph/ns#``) and resources under
:data:`ID` (``https://w3id.org/kgraph/id/``). ``KG`` is a closed ``DefinedNamespace``:
a misspelt term raises instead of silently minting a new IRI. Resource IRIs are minted
by :func:`entity_iri`, :func:`claim_iri` and :func:`article_iri` only (plus the derived
:func:`edge_iri` and the graph names), so rebuilding the same input gives the same graph.

Examples:
    >>> str(KG.Claim)
    'https://w3id.org/kgraph/ns#Claim'
    >>> KG.Countyr
    Traceback (most recent call last):
    ...
    AttributeError: term 'Countyr' not in namespace 'https://w3id.org/kgraph/ns#'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import TYPE_CHECKING
from urllib.parse import quote

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from kgraph.relations import REGISTRY, relation_terms

if TYPE_CHECKING:
    from kgraph.model import Claim, Entity

NS = "https://w3id.org/kgraph/ns#"
ID = "https://w3id.org/kgraph/id/"

SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
WD = "http://www.wikidata.org/entity/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
DCTERMS = "http://purl.org/dc/terms/"
SH = "http://www.w3.org/ns/shacl#"
# kgraph's SHACL shapes (shapes.ttl).
SHAPES = "https://w3id.org/kgraph/shapes#"

PREFIXES: dict[str, str] = {
    "kg": NS,
    "schema": SCHEMA,
    "prov": PROV,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "wd": WD,
    "nif": NIF,
    "dcterms": DCTERMS,
}


class KG(DefinedNamespace):
    """kgraph terms: classes in UpperCamel, properties in lowerCamel."""

    _fail = True
    _NS = Namespace(NS)

    # classes
    Country: URIRef
    Organization: URIRef
    Leader: URIRef
    Person: URIRef
    Article: URIRef
    Claim: URIRef
    Edge: URIRef
    # claim structure
    relation: URIRef
    subject: URIRef
    object: URIRef
    modality: URIRef
    rank: URIRef
    amount: URIRef
    percent: URIRef
    percentText: URIRef
    periodText: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    rule: URIRef
    confidence: URIRef
    derived: URIRef
    implied: URIRef
    resolution: URIRef
    status: URIRef
    claimDate: URIRef
    evidence: URIRef
    # article
    textHash: URIRef
    articleId: URIRef
    source: URIRef
    # entities
    entityId: URIRef
    iso3: URIRef
    acronym: URIRef
    country: URIRef
    role: URIRef
    hasMember: URIRef
    memberOf: URIRef
    # aggregated edges
    supportCount: URIRef
    assertedCount: URIRef
    articleCount: URIRef
    firstDate: URIRef
    lastDate: URIRef
    supportedBy: URIRef
    edgeSubject: URIRef
    edgeObject: URIRef
    # tallies: whole-graph counts kept up to date with the edges
    PartyTally: URIRef
    ModalityTally: URIRef
    party: URIRef
    partnerCount: URIRef
    edgeCount: URIRef
    claimCount: URIRef
    claimModality: URIRef
    # conflicting figures: kept up to date with the edges
    FigureConflict: URIRef
    conflictOf: URIRef
    conflictParty: URIRef
    conflictPeriod: URIRef
    figureCount: URIRef
    figureArticleCount: URIRef
    lowValue: URIRef
    highValue: URIRef
    lowArticle: URIRef
    highArticle: URIRef
    # annotations
    cameoCode: URIRef
    ploverCode: URIRef
    relationName: URIRef
    # roll-ups
    relatedTo: URIRef
    economicCooperation: URIRef
    diplomaticCooperation: URIRef
    securityCooperation: URIRef
    hostile: URIRef
    # (one property per relation of the registry, and the inverse of each directed one:
    # added below from kgraph/relations.py)


# The relation properties are terms of KG as if declared above: a misspelt one still raises.
KG.__annotations__.update(dict.fromkeys(relation_terms(), "URIRef"))


class SDO(DefinedNamespace):
    """The schema.org terms kgraph uses (closed)."""

    _fail = True
    _NS = Namespace(SCHEMA)

    Country: URIRef
    Person: URIRef
    Organization: URIRef
    NewsArticle: URIRef
    MonetaryAmount: URIRef
    value: URIRef
    currency: URIRef
    description: URIRef
    datePublished: URIRef
    headline: URIRef
    url: URIRef
    publisher: URIRef
    mentions: URIRef
    latitude: URIRef
    longitude: URIRef
    jobTitle: URIRef
    identifier: URIRef


class NIFTerms(DefinedNamespace):
    """The NIF 2.0 core terms kgraph uses for evidence spans (closed)."""

    _fail = True
    _NS = Namespace(NIF)

    OffsetBasedString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef


# model.RELATIONS name -> property local name (lowerCamel of the name), from the registry.
RELATION_TERMS: dict[str, str] = {str(spec.relation.value): spec.term for spec in REGISTRY}
_TERM_RELATIONS = {v: k for k, v in RELATION_TERMS.items()}

# Named graphs: one per article, plus one for entity descriptions and one for edges.
ENTITIES_GRAPH = ID + "graph/entities"
EDGES_GRAPH = ID + "graph/edges"
ONTOLOGY_GRAPH = ID + "graph/ontology"
ARTICLE_GRAPH_PREFIX = ID + "graph/article/"

_ENTITY_PATHS = {"Country": "country", "Organization": "org", "Leader": "person", "Person": "person"}
_SAFE = re.compile(r"[^A-Za-z0-9._~-]")


def _segment(text: str) -> str:
    """An IRI path segment: unreserved characters kept, everything else percent-encoded."""
    return quote(text, safe="") if _SAFE.search(text) else text


def relation_iri(relation: str) -> str:
    """The property IRI of a relation name from ``model.RELATIONS``.

    Examples:
        >>> relation_iri("trade_partner")
        'https://w3id.org/kgraph/ns#tradePartner'
    """
    return str(getattr(KG, RELATION_TERMS[relation]))


def relation_name(iri: str) -> str:
    """The relation name of a property IRI; inverse of :func:`relation_iri`.

    Examples:
        >>> relation_name("https://w3id.org/kgraph/ns#tradePartner")
        'trade_partner'
    """
    return _TERM_RELATIONS[iri.removeprefix(NS)]


def entity_iri(entity: Entity) -> str:
    """The IRI of a country, organization or person; deterministic in type and id.

    Examples:
        >>> from kgraph.model import Entity
        >>> entity_iri(Entity("Country", "RUS", "Russia"))
        'https://w3id.org/kgraph/id/country/RUS'
        >>> entity_iri(Entity("Leader", "Vladimir Putin", "Vladimir Putin"))
        'https://w3id.org/kgraph/id/person/Vladimir%20Putin'
    """
    return f"{ID}{_ENTITY_PATHS.get(entity.type, 'entity')}/{_segment(entity.id)}"


def article_iri(article_id: str) -> str:
    """The IRI of an article (a ``schema:NewsArticle``).

    Examples:
        >>> article_iri("trend-2024-12-25")
        'https://w3id.org/kgraph/id/article/trend-2024-12-25'
    """
    return f"{ID}article/{_segment(article_id)}"


def article_graph_iri(article_id: str) -> str:
    """The named graph holding one article and its claims.

    Examples:
        >>> article_graph_iri("a1")
        'https://w3id.org/kgraph/id/graph/article/a1'
    """
    return ARTICLE_GRAPH_PREFIX + _segment(article_id)


def claim_iri(claim: Claim) -> str:
    """The IRI of a claim, from ``Claim.key`` (article, relation, parties, offsets)."""
    return f"{ID}claim/{claim.key}"


def edge_iri(subject_iri: str, relation: str, object_iri: str) -> str:
    """The IRI of the aggregate node of an edge; symmetric relations sort their parties.

    Examples:
        >>> a, b = ID + "country/RUS", ID + "country/TJK"
        >>> edge_iri(a, "ally", b) == edge_iri(b, "ally", a)
        True
        >>> edge_iri(a, "sanction", b) == edge_iri(b, "sanction", a)
        False
    """
    from kgraph.model import SYMMETRIC

    if relation in SYMMETRIC and object_iri < subject_iri:
        subject_iri, object_iri = object_iri, subject_iri
    digest = hashlib.sha1("\x1f".join((subject_iri, relation, object_iri)).encode()).hexdigest()[:16]
    return f"{ID}edge/{digest}"


def party_tally_iri(party_iri: str, relation: str | None = None) -> str:
    """The IRI of a party's tally over one relation, or over every relation when None.

    Examples:
        >>> a = ID + "country/RUS"
        >>> party_tally_iri(a).startswith(ID + "tally/party/")
        True
        >>> party_tally_iri(a) == party_tally_iri(a, "ally")
        False
    """
    digest = hashlib.sha1("\x1f".join((party_iri, relation or "")).encode()).hexdigest()[:16]
    return f"{ID}tally/party/{digest}"


def modality_tally_iri(relation: str, modality: str) -> str:
    """The IRI of the whole-graph count of one relation's claims with one modality.

    Examples:
        >>> modality_tally_iri("trade_partner", "hedged")
        'https://w3id.org/kgraph/id/tally/modality/trade_partner/hedged'
    """
    return f"{ID}tally/modality/{_segment(relation)}/{_segment(modality)}"


def figure_conflict_iri(edge: str, currency: str, period: dt.date | None) -> str:
    """The IRI of the figures an edge's claims disagree on for one currency and period.

    Examples:
        >>> a = figure_conflict_iri(ID + "edge/x", "USD", dt.date(2023, 1, 1))
        >>> a.startswith(ID + "conflict/"), a == figure_conflict_iri(ID + "edge/x", "USD", None)
        (True, False)
    """
    key = "\x1f".join((edge, currency, period.isoformat() if period else ""))
    return f"{ID}conflict/{hashlib.sha1(key.encode()).hexdigest()[:16]}"


def wikidata_iri(qid: str) -> str:
    """The Wikidata entity IRI of a QID.

    Examples:
        >>> wikidata_iri("Q159")
        'http://www.wikidata.org/entity/Q159'
    """
    return WD + qid


def sparql_prefixes() -> str:
    """PREFIX lines for every entry of :data:`PREFIXES`."""
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
