"""Pure conversion between kgraph records (Article, Claim, Entity) and RDF quads.

Quads are ``pyoxigraph.Quad`` values: immutable, cheap, and what the store ingests
directly. Layout (see ``ontology.ttl``):

* one named graph per article (``vocab.article_graph_iri``) holding the
  ``schema:NewsArticle`` node and its ``kg:Claim`` nodes, each with an amount
  (``schema:MonetaryAmount``) and an evidence span (``nif:OffsetBasedString``);
* ``vocab.ENTITIES_GRAPH``: countries, organizations and people;
* ``vocab.EDGES_GRAPH``: the direct edges ``party kg:<relation> party``, one
  ``kg:Edge`` node per edge with its support count and first/last dates, a
  ``kg:FigureConflict`` per edge, currency and period whose claims give different
  amounts in different articles, and the tallies that whole-graph queries read instead
  of scanning every claim: a ``kg:PartyTally`` per party (and per party and relation)
  and a ``kg:ModalityTally`` per relation and modality.

No blank nodes are written: every node has an IRI derived from a claim, an entity or
an article, so the same input always gives the same quads.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any, Protocol

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD

from kgraph.model import SYMMETRIC, Amount, Article, Claim, Entity, Evidence, Mention, Percent, Period
from kgraph.relations import Relation
from kgraph.vocab import (
    EDGES_GRAPH,
    ENTITIES_GRAPH,
    ONTOLOGY_GRAPH,
    KG,
    NIFTerms,
    SDO,
    article_graph_iri,
    article_iri,
    claim_iri,
    edge_iri,
    entity_iri,
    figure_conflict_iri,
    modality_tally_iri,
    party_tally_iri,
    relation_iri,
    relation_name,
    sparql_prefixes,
    wikidata_iri,
)

__all__ = [
    "Support",
    "Figure",
    "figure_conflict_quads",
    "to_quads",
    "to_supports",
    "to_edge_quads",
    "EdgeCounts",
    "EDGE_NODE_PROPERTIES",
    "to_edge_counts",
    "from_edge_node_quads",
    "edge_node_quads",
    "direct_quads",
    "supported_by_quads",
    "needs_date_recount",
    "update_edge_counts",
    "EdgeState",
    "to_edge_states",
    "tally_counts",
    "modality_counts",
    "party_tally_quads",
    "modality_tally_quads",
    "to_tally_quads",
    "to_store",
    "to_dataset",
    "from_graph",
    "entity_quads",
    "ontology_quads",
]

_TYPE_CLASSES = {"Country": KG.Country, "Organization": KG.Organization, "Leader": KG.Leader, "Person": KG.Person}
_CLASS_TYPES = {str(v): k for k, v in _TYPE_CLASSES.items()}
_ENTITIES = NamedNode(ENTITIES_GRAPH)
_EDGES = NamedNode(EDGES_GRAPH)


class _CountryRecord(Protocol):
    alpha3: str
    name: str
    qid: str | None
    lat: float | None
    lon: float | None


def _n(iri: Any) -> NamedNode:
    return NamedNode(str(iri))


def _str(value: str) -> Literal:
    return Literal(value)


def _date(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=_n(XSD.date))


def _int(value: int) -> Literal:
    return Literal(str(int(value)), datatype=_n(XSD.integer))


def _bool(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=_n(XSD.boolean))


def _decimal(value: float) -> Literal:
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=_n(XSD.decimal))


def _double(value: float) -> Literal:
    return Literal(repr(float(value)), datatype=_n(XSD.double))


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    """The shared gazetteer, or None while ``kgraph.gazetteer`` is unavailable."""
    try:
        from kgraph.gazetteer import load_gazetteer  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        return load_gazetteer()
    except Exception:  # pragma: no cover - a broken gazetteer must not break graph building
        return None


def _country_record(code: str) -> _CountryRecord | None:
    gaz = _gazetteer()
    if gaz is None:
        return None
    try:
        return gaz.country(code)  # type: ignore[no-any-return]
    except Exception:  # pragma: no cover
        return None


def _org_record(org_id: str) -> Any:
    gaz = _gazetteer()
    if gaz is None or not hasattr(gaz, "organization"):
        return None
    try:
        return gaz.organization(org_id)
    except Exception:  # pragma: no cover
        return None


def _org_seat(org_id: str) -> tuple[float, float] | None:
    try:
        from kgraph.gazetteer import load_headquarters
    except ImportError:  # pragma: no cover - the gazetteer ships with the package
        return None
    return load_headquarters().get(org_id)


def _org_members(org_id: str) -> tuple[str, ...]:
    record = _org_record(org_id)
    return tuple(getattr(record, "members", ()) or ()) if record is not None else ()


def entity_quads(entity: Entity, *, graph: str = ENTITIES_GRAPH) -> list[Quad]:
    """Describe a country, organization or person: type, label, code, Wikidata link.

    Countries get ``kg:iso3`` and, when the gazetteer knows them, coordinates;
    organizations get ``kg:acronym`` and ``kg:hasMember`` for their member states;
    leaders get ``kg:country`` and ``kg:role``.

    Examples:
        >>> from kgraph.model import Entity
        >>> quads = entity_quads(Entity("Country", "RUS", "Russia", qid="Q159"))
        >>> names = {q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for q in quads}
        >>> sorted(names & {"entityId", "iso3", "label", "sameAs"})
        ['entityId', 'iso3', 'label', 'sameAs']
    """
    g = NamedNode(graph)
    node = NamedNode(entity_iri(entity))
    record = _country_record(entity.id) if entity.type == "Country" else None
    # A country's label is the gazetteer's name when known, so that articles naming it
    # differently ("Russian Federation", "Russia") do not give it two labels.
    label = (getattr(record, "name", None) if record is not None else None) or entity.name or entity.id
    out = [
        Quad(node, _n(RDF.type), _n(_TYPE_CLASSES.get(entity.type, KG.Person)), g),
        Quad(node, _n(RDFS.label), _str(label), g),
        Quad(node, _n(KG.entityId), _str(entity.id), g),
    ]
    qid = entity.qid
    if entity.type == "Country":
        out.append(Quad(node, _n(KG.iso3), _str(entity.id), g))
        if record is not None:
            qid = qid or getattr(record, "qid", None)
            lat, lon = getattr(record, "lat", None), getattr(record, "lon", None)
            if lat is not None and lon is not None:
                out.append(Quad(node, _n(SDO.latitude), _double(lat), g))
                out.append(Quad(node, _n(SDO.longitude), _double(lon), g))
    elif entity.type == "Organization":
        out.append(Quad(node, _n(KG.acronym), _str(entity.id), g))
        qid = qid or getattr(_org_record(entity.id), "qid", None)
        seat = _org_seat(entity.id)
        if seat is not None:  # where maps draw it: its headquarters
            out.append(Quad(node, _n(SDO.latitude), _double(seat[0]), g))
            out.append(Quad(node, _n(SDO.longitude), _double(seat[1]), g))
        for code in _org_members(entity.id):
            member = NamedNode(entity_iri(Entity("Country", code, code)))
            out.append(Quad(node, _n(KG.hasMember), member, g))
            out.append(Quad(member, _n(KG.memberOf), node, g))
            out.extend(_country_stub(code, g))
    else:
        if entity.country:
            country = NamedNode(entity_iri(Entity("Country", entity.country, entity.country)))
            out.append(Quad(node, _n(KG.country), country, g))
            out.extend(_country_stub(entity.country, g))
        if entity.role:
            out.append(Quad(node, _n(KG.role), _str(entity.role), g))
    if qid:
        out.append(Quad(node, _n(OWL.sameAs), NamedNode(wikidata_iri(qid)), g))
    return out


def _country_stub(code: str, g: NamedNode) -> list[Quad]:
    """Enough about a country referenced only indirectly (member, leader's country).

    The label comes from the gazetteer only: a stub never adds a second label to a
    country that an article names.
    """
    record = _country_record(code)
    name = getattr(record, "name", None) if record is not None else None
    quads = entity_quads(Entity("Country", code, name or code), graph=g.value)
    return quads if name else [q for q in quads if q.predicate.value != str(RDFS.label)]


def _article_quads(article: Article, g: NamedNode) -> list[Quad]:
    node = NamedNode(article_iri(article.id))
    out = [
        Quad(node, _n(RDF.type), _n(SDO.NewsArticle), g),
        Quad(node, _n(KG.articleId), _str(article.id), g),
        Quad(node, _n(KG.textHash), _str(article.text_hash), g),
    ]
    if article.date:
        out.append(Quad(node, _n(SDO.datePublished), _date(article.date), g))
    if article.title:
        out.append(Quad(node, _n(SDO.headline), _str(article.title), g))
    if article.source:
        out.append(Quad(node, _n(KG.source), _str(article.source), g))
    if article.url:
        out.append(Quad(node, _n(SDO.url), Literal(article.url, datatype=_n(XSD.anyURI)), g))
    return out


def _claim_quads(claim: Claim, article: Article, g: NamedNode) -> list[Quad]:
    iri = claim_iri(claim)
    node = NamedNode(iri)
    def q(p: Any, o: NamedNode | Literal, s: NamedNode = node) -> Quad:
        return Quad(s, _n(p), o, g)

    out = [
        q(RDF.type, _n(KG.Claim)),
        q(KG.relation, NamedNode(relation_iri(claim.relation))),
        q(KG.subject, NamedNode(entity_iri(claim.subject))),
        q(KG.object, NamedNode(entity_iri(claim.object))),
        q(KG.modality, _str(claim.modality)),
        q(KG.rule, _str(claim.rule)),
        q(KG.confidence, _double(claim.confidence)),
        q(KG.derived, _bool(claim.derived)),
        q(KG.implied, _bool(claim.implied)),
        q(PROV.wasDerivedFrom, NamedNode(article_iri(claim.doc))),
    ]
    if claim.date:
        out.append(q(KG.claimDate, _date(claim.date)))
    if claim.rank is not None:
        out.append(q(KG.rank, _int(claim.rank)))
    if claim.status:
        out.append(q(KG.status, _str(claim.status)))
    if claim.resolution:
        out.append(q(KG.resolution, _str(claim.resolution)))
    if claim.speaker is not None:
        out.append(q(PROV.wasAttributedTo, NamedNode(entity_iri(claim.speaker))))
    if claim.amount is not None:
        amount = NamedNode(iri + "/amount")
        out.append(q(KG.amount, amount))
        out.append(q(RDF.type, _n(SDO.MonetaryAmount), amount))
        out.append(q(SDO.value, _decimal(claim.amount.value), amount))
        out.append(q(SDO.description, _str(claim.amount.text), amount))
        if claim.amount.currency:
            out.append(q(SDO.currency, _str(claim.amount.currency), amount))
    if claim.percent is not None:
        out.append(q(KG.percent, _decimal(claim.percent.value)))
        out.append(q(KG.percentText, _str(claim.percent.text)))
    if claim.period is not None:
        out.append(q(KG.periodText, _str(claim.period.text)))
        if claim.period.start:
            out.append(q(KG.periodStart, _date(claim.period.start)))
        if claim.period.end:
            out.append(q(KG.periodEnd, _date(claim.period.end)))
    span = NamedNode(iri + "/evidence")
    out += [
        q(KG.evidence, span),
        q(RDF.type, _n(NIFTerms.OffsetBasedString), span),
        q(NIFTerms.anchorOf, _str(claim.evidence.text), span),
        q(NIFTerms.beginIndex, _int(claim.evidence.start), span),
        q(NIFTerms.endIndex, _int(claim.evidence.end), span),
        q(NIFTerms.referenceContext, NamedNode(article_iri(claim.doc)), span),
    ]
    return out


def to_quads(article: Article, claims: Sequence[Claim], mentions: Sequence[Mention] = ()) -> list[Quad]:
    """The article graph plus the entity descriptions of one article (no edges).

    Args:
        article: The article the claims come from.
        claims: Its claims; each ``claim.doc`` should equal ``article.id``.
        mentions: Its resolved mentions; each entity becomes ``schema:mentions``.

    Returns:
        Quads in the article's named graph and in ``ENTITIES_GRAPH``.

    Examples:
        >>> from kgraph.model import Article, Claim, Entity, Evidence
        >>> art = Article("a1", "Russia and Tajikistan are allies.")
        >>> rus, tjk = Entity("Country", "RUS", "Russia"), Entity("Country", "TJK", "Tajikistan")
        >>> c = Claim("a1", "ally", rus, tjk, Evidence(art.text, 0, 33), "test")
        >>> len([q for q in to_quads(art, [c]) if q.predicate.value.endswith("#relation")])
        1
    """
    g = NamedNode(article_graph_iri(article.id))
    out = _article_quads(article, g)
    entities: dict[str, Entity] = {}
    for claim in claims:
        out.extend(_claim_quads(claim, article, g))
        for entity in (claim.subject, claim.object, claim.speaker):
            if entity is not None:
                entities.setdefault(entity_iri(entity), entity)
    art = NamedNode(article_iri(article.id))
    for mention in mentions:
        iri = entity_iri(mention.entity)
        entities.setdefault(iri, mention.entity)
        out.append(Quad(art, _n(SDO.mentions), NamedNode(iri), g))
    for entity in entities.values():
        out.extend(entity_quads(entity))
    return list(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class Figure:
    """The amount a claim gives, as conflicting figures are compared: same currency and period."""

    currency: str
    period: dt.date | None
    value: Decimal


def _figure(claim: Claim) -> Figure | None:
    """A claim's figure; None without an amount or its currency (nothing to compare it with)."""
    if claim.amount is None or not claim.amount.currency:
        return None
    return Figure(claim.amount.currency, claim.period.start if claim.period else None,
                  Decimal(_decimal(claim.amount.value).value))  # the value as stored


@dataclass(frozen=True, slots=True)
class Support:
    """One claim's support for an edge: what the aggregate ``kg:Edge`` node counts."""

    subject: str
    relation: str
    object: str
    claim: str
    article: str
    date: dt.date | None
    modality: str
    figure: Figure | None = None

    @property
    def edge(self) -> str:
        return edge_iri(self.subject, self.relation, self.object)

    def to_row(self) -> list[Any]:
        """A JSON-ready list (the dask driver's files); :meth:`from_row` reads it back."""
        figure = self.figure
        return [self.subject, self.relation, self.object, self.claim, self.article,
                self.date.isoformat() if self.date else None, self.modality,
                None if figure is None else [figure.currency, figure.period.isoformat() if figure.period else None,
                                             str(figure.value)]]

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> Support:
        """The support of a :meth:`to_row` list.

        Examples:
            >>> s = Support("urn:a", "ally", "urn:b", "urn:c", "urn:x", dt.date(2024, 1, 2), "asserted",
            ...             Figure("USD", None, Decimal("1.5")))
            >>> Support.from_row(s.to_row()) == s
            True
        """
        s, rel, o, claim, article, date, modality = row[:7]
        figure = row[7] if len(row) > 7 else None  # rows written before figures were kept have none
        return cls(s, rel, o, claim, article, dt.date.fromisoformat(date) if date else None, modality,
                   None if figure is None else Figure(figure[0], dt.date.fromisoformat(figure[1]) if figure[1] else None,
                                                      Decimal(figure[2])))


def to_supports(article: Article, claims: Iterable[Claim]) -> list[Support]:
    """One :class:`Support` per claim of an article.

    Examples:
        >>> from kgraph.model import Article, Claim, Entity, Evidence
        >>> art = Article("a1", "x", dt.date(2024, 1, 2))
        >>> c = Claim("a1", "ally", Entity("Country", "RUS", "R"), Entity("Country", "TJK", "T"), Evidence("x", 0, 1), "r")
        >>> to_supports(art, [c])[0].date
        datetime.date(2024, 1, 2)
    """
    return [
        Support(
            entity_iri(c.subject),
            c.relation,
            entity_iri(c.object),
            claim_iri(c),
            article_iri(c.doc),
            c.date or article.date,
            c.modality,
            _figure(c),
        )
        for c in claims
    ]


@dataclass(frozen=True, slots=True)
class EdgeCounts:
    """What a ``kg:Edge`` node records besides its ``kg:supportedBy`` links.

    ``claims``, ``asserted`` and ``articles`` are the distinct supporting claims, the
    asserted ones among them and their distinct articles; ``first``/``last`` the
    earliest and latest support dates (None when no support is dated).
    """

    subject: str
    relation: str
    object: str
    claims: int
    asserted: int
    articles: int
    first: dt.date | None
    last: dt.date | None

    @property
    def state(self) -> EdgeState:
        """What the party tallies count of the edge."""
        return EdgeState(self.subject, self.relation, self.object, self.asserted > 0, self.claims)


def _edge_ends(group: Sequence[Support]) -> tuple[str, str, str]:
    """(subject, relation, object) of an edge; a symmetric relation's parties in IRI order."""
    first = min(group, key=lambda s: (s.subject, s.object))
    subject, relation, obj = first.subject, first.relation, first.object
    if relation in SYMMETRIC and obj < subject:
        subject, obj = obj, subject
    return subject, relation, obj


def _group_supports(supports: Iterable[Support]) -> dict[str, list[Support]]:
    groups: dict[str, list[Support]] = defaultdict(list)
    for support in supports:
        groups[support.edge].append(support)
    return groups


def _dates(group: Iterable[Support]) -> list[dt.date]:
    return [s.date for s in group if s.date is not None]


def to_edge_counts(supports: Iterable[Support]) -> dict[str, EdgeCounts]:
    """The counts of each edge the supports make, keyed by edge IRI.

    Examples:
        >>> s = Support("urn:b", "ally", "urn:a", "urn:c1", "urn:x", dt.date(2024, 1, 1), "asserted")
        >>> t = Support("urn:a", "ally", "urn:b", "urn:c2", "urn:x", None, "hedged")
        >>> c = to_edge_counts([s, t])[s.edge]
        >>> c.subject, c.claims, c.asserted, c.articles, c.first
        ('urn:a', 2, 1, 1, datetime.date(2024, 1, 1))
    """
    out = {}
    for iri, group in _group_supports(supports).items():
        dates = _dates(group)
        out[iri] = EdgeCounts(*_edge_ends(group), len({s.claim for s in group}),
                              len({s.claim for s in group if s.modality == "asserted"}),
                              len({s.article for s in group}), min(dates, default=None), max(dates, default=None))
    return out


#: The properties of a ``kg:Edge`` node but ``kg:supportedBy``, each with one value.
EDGE_NODE_PROPERTIES: tuple[str, ...] = tuple(str(p) for p in (
    RDF.type, KG.edgeSubject, KG.relation, KG.edgeObject, KG.supportCount, KG.assertedCount, KG.articleCount,
    KG.firstDate, KG.lastDate))


def edge_node_quads(iri: str, counts: EdgeCounts) -> list[Quad]:
    """The quads of a ``kg:Edge`` node but its ``kg:supportedBy`` links (see :func:`to_edge_quads`)."""
    node = NamedNode(iri)
    g = _EDGES
    out = [
        Quad(node, _n(RDF.type), _n(KG.Edge), g),
        Quad(node, _n(KG.edgeSubject), NamedNode(counts.subject), g),
        Quad(node, _n(KG.relation), NamedNode(relation_iri(counts.relation)), g),
        Quad(node, _n(KG.edgeObject), NamedNode(counts.object), g),
        Quad(node, _n(KG.supportCount), _int(counts.claims), g),
        Quad(node, _n(KG.assertedCount), _int(counts.asserted), g),
        Quad(node, _n(KG.articleCount), _int(counts.articles), g),
    ]
    if counts.first is not None and counts.last is not None:
        out.append(Quad(node, _n(KG.firstDate), _date(counts.first), g))
        out.append(Quad(node, _n(KG.lastDate), _date(counts.last), g))
    return out


def direct_quads(counts: EdgeCounts) -> list[Quad]:
    """The direct triple(s) ``subject kg:<relation> object`` of an edge (both ways when symmetric)."""
    prop = NamedNode(relation_iri(counts.relation))
    s_node, o_node = NamedNode(counts.subject), NamedNode(counts.object)
    out = [Quad(s_node, prop, o_node, _EDGES)]
    if counts.relation in SYMMETRIC and s_node != o_node:
        out.append(Quad(o_node, prop, s_node, _EDGES))
    return out


def supported_by_quads(iri: str, claims: Iterable[str]) -> list[Quad]:
    """The ``kg:supportedBy`` links of an edge node to some claims (sorted, distinct)."""
    node = NamedNode(iri)
    return [Quad(node, _n(KG.supportedBy), NamedNode(claim), _EDGES) for claim in sorted(set(claims))]


def to_edge_quads(supports: Iterable[Support]) -> list[Quad]:
    """Aggregate supports into edges: direct triples plus one ``kg:Edge`` node each.

    The direct triple ``subject kg:<relation> object`` is asserted when at least one
    supporting claim is ``asserted`` (not negated, hedged or future); symmetric
    relations get both directions. The ``kg:Edge`` node always exists and carries
    ``kg:supportCount`` (claims), ``kg:assertedCount``, ``kg:articleCount``,
    ``kg:firstDate``/``kg:lastDate`` and ``kg:supportedBy`` links to the claims.

    Examples:
        >>> s = Support("urn:a", "ally", "urn:b", "urn:c1", "urn:x", dt.date(2024, 1, 1), "asserted")
        >>> t = Support("urn:b", "ally", "urn:a", "urn:c2", "urn:y", dt.date(2024, 3, 1), "hedged")
        >>> quads = to_edge_quads([s, t])
        >>> [q.object.value for q in quads if q.predicate.value.endswith("supportCount")]
        ['2']
        >>> sorted(q.subject.value for q in quads if q.predicate.value.endswith("#ally"))
        ['urn:a', 'urn:b']
    """
    groups = _group_supports(supports)
    out: list[Quad] = []
    for iri, counts in to_edge_counts(s for group in groups.values() for s in group).items():
        out += edge_node_quads(iri, counts)
        out += supported_by_quads(iri, (s.claim for s in groups[iri]))
        if counts.asserted:
            out += direct_quads(counts)
        out += figure_conflict_quads(iri, counts, groups[iri])
    return out


def figure_conflict_quads(edge: str, counts: EdgeCounts, supports: Iterable[Support]) -> list[Quad]:
    """The ``kg:FigureConflict`` nodes of an edge, from all its supports.

    The figures are grouped by currency and period start (figures without a period form
    a group of their own); a group is a conflict when it holds at least two different
    amounts from at least two articles, which is exactly when two articles give two
    different amounts in it.

    Examples:
        >>> usd = lambda v: Figure("USD", dt.date(2023, 1, 1), Decimal(v))
        >>> s = Support("urn:a", "trade_partner", "urn:b", "urn:c1", "urn:x", None, "asserted", usd("1.5"))
        >>> t = Support("urn:a", "trade_partner", "urn:b", "urn:c2", "urn:y", None, "asserted", usd("1.7"))
        >>> counts = to_edge_counts([s, t])[s.edge]
        >>> quads = figure_conflict_quads(s.edge, counts, [s, t])
        >>> sorted(q.object.value for q in quads if q.predicate.value.endswith(("lowValue", "highValue")))
        ['1.5', '1.7']
        >>> figure_conflict_quads(s.edge, counts, [s])
        []
    """
    groups: dict[tuple[str, dt.date | None], list[tuple[Decimal, str]]] = defaultdict(list)
    for support in supports:
        if support.figure is not None:
            groups[(support.figure.currency, support.figure.period)].append((support.figure.value, support.article))
    out: list[Quad] = []
    g = _EDGES
    for (currency, period), group in groups.items():
        values = {value for value, _ in group}
        articles = {article for _, article in group}
        if len(values) < 2 or len(articles) < 2:
            continue
        low, high = min(values), max(values)
        node = NamedNode(figure_conflict_iri(edge, currency, period))
        out += [
            Quad(node, _n(RDF.type), _n(KG.FigureConflict), g),
            Quad(node, _n(KG.conflictOf), NamedNode(edge), g),
            Quad(node, _n(KG.conflictParty), NamedNode(counts.subject), g),
            Quad(node, _n(KG.conflictParty), NamedNode(counts.object), g),
            Quad(node, _n(SDO.currency), _str(currency), g),
            Quad(node, _n(KG.figureCount), _int(len(values)), g),
            Quad(node, _n(KG.figureArticleCount), _int(len(articles)), g),
            Quad(node, _n(KG.lowValue), _decimal(float(low)), g),
            Quad(node, _n(KG.highValue), _decimal(float(high)), g),
            Quad(node, _n(KG.lowArticle), NamedNode(min(a for v, a in group if v == low)), g),
            Quad(node, _n(KG.highArticle), NamedNode(min(a for v, a in group if v == high)), g),
        ]
        if period is not None:
            out.append(Quad(node, _n(KG.conflictPeriod), _date(period), g))
    return list(dict.fromkeys(out))  # a self-edge names its party once


def from_edge_node_quads(quads: Iterable[Quad]) -> dict[str, EdgeCounts]:
    """The counts of each ``kg:Edge`` node in some quads (as :func:`edge_node_quads` writes them)."""
    props: dict[str, dict[str, str]] = defaultdict(dict)
    for quad in quads:
        if isinstance(quad.subject, NamedNode) and isinstance(quad.object, (NamedNode, Literal)):
            props[quad.subject.value][quad.predicate.value] = quad.object.value
    out = {}
    for iri, p in props.items():
        if str(KG.edgeSubject) not in p:
            continue
        first, last = p.get(str(KG.firstDate)), p.get(str(KG.lastDate))
        out[iri] = EdgeCounts(
            p[str(KG.edgeSubject)], relation_name(p[str(KG.relation)]), p[str(KG.edgeObject)],
            int(p.get(str(KG.supportCount), 0)), int(p.get(str(KG.assertedCount), 0)),
            int(p.get(str(KG.articleCount), 0)),
            dt.date.fromisoformat(first) if first is not None else None,
            dt.date.fromisoformat(last) if last is not None else None,
        )
    return out


def needs_date_recount(counts: EdgeCounts | None, removed: Iterable[Support]) -> bool:
    """Whether removing supports may move an edge's first or last date (one of them has that date)."""
    if counts is None:
        return False
    return any(s.date is not None and s.date in (counts.first, counts.last) for s in removed)


def update_edge_counts(counts: EdgeCounts | None, removed: Sequence[Support], added: Sequence[Support],
                       remaining_dates: Iterable[dt.date] | None = None) -> EdgeCounts | None:
    """An edge's counts after some of its supports leave and new ones come; None when none is left.

    Args:
        counts: The stored counts (None for a new edge).
        removed: Supports of the edge that leave the store (every one is stored).
        added: Supports that come; their claims and articles are new to the edge, except
            those of ``removed`` (an article replaced by a new version of itself).
        remaining_dates: The dates of the stored supports that stay; needed only when
            :func:`needs_date_recount` says so.

    Examples:
        >>> s = Support("urn:a", "ally", "urn:b", "urn:c1", "urn:x", dt.date(2024, 1, 1), "asserted")
        >>> t = Support("urn:a", "ally", "urn:b", "urn:c2", "urn:y", dt.date(2024, 3, 1), "hedged")
        >>> counts = update_edge_counts(None, [], [s])
        >>> update_edge_counts(counts, [], [t]) == to_edge_counts([s, t])[s.edge]
        True
        >>> update_edge_counts(counts, [s], []) is None
        True
    """
    def claims(group: Sequence[Support], asserted: bool = False) -> int:
        return len({s.claim for s in group if not asserted or s.modality == "asserted"})

    n = (counts.claims if counts else 0) - claims(removed) + claims(added)
    if n <= 0:
        return None
    ends = (counts.subject, counts.relation, counts.object) if counts else _edge_ends(added)
    dates = _dates(added)
    if counts is not None and needs_date_recount(counts, removed):
        if remaining_dates is None:
            raise ValueError("update_edge_counts: a first or last date leaves; pass remaining_dates")
        dates += remaining_dates
    elif counts is not None and counts.first is not None and counts.last is not None:
        dates += [counts.first, counts.last]
    return EdgeCounts(
        *ends, n,
        (counts.asserted if counts else 0) - claims(removed, True) + claims(added, True),
        (counts.articles if counts else 0) - len({s.article for s in removed}) + len({s.article for s in added}),
        min(dates, default=None), max(dates, default=None),
    )


# --- tallies --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EdgeState:
    """What the party tallies count of one edge: its ends, relation, assertion and claims."""

    subject: str
    relation: str
    object: str
    asserted: bool
    claims: int


def to_edge_states(supports: Iterable[Support]) -> dict[str, EdgeState]:
    """The state of each edge the supports make, keyed by edge IRI (as ``to_edge_quads``).

    Examples:
        >>> s = Support("urn:b", "ally", "urn:a", "urn:c1", "urn:x", None, "hedged")
        >>> to_edge_states([s])[s.edge]
        EdgeState(subject='urn:a', relation='ally', object='urn:b', asserted=False, claims=1)
    """
    return {iri: counts.state for iri, counts in to_edge_counts(supports).items()}


def tally_counts(states: Iterable[EdgeState]) -> dict[tuple[str, str | None], tuple[int, int, int]]:
    """(partners, edges, claims) of each party over its asserted edges (leader_of aside).

    Keys are (party IRI, relation name), and (party IRI, None) for every relation
    together. Counted as ``most_connected`` counts: distinct partners, distinct edges,
    and the claims of each edge once per end it holds.

    Examples:
        >>> e = EdgeState("urn:a", "ally", "urn:b", True, 3)
        >>> tally_counts([e, EdgeState("urn:a", "meeting", "urn:b", True, 2)])[("urn:a", None)]
        (1, 2, 5)
    """
    partners: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    edges: dict[tuple[str, str | None], int] = defaultdict(int)
    claims: dict[tuple[str, str | None], int] = defaultdict(int)
    for state in states:
        if not state.asserted or state.relation == Relation.LEADER_OF:
            continue
        for scope in (state.relation, None):
            for party in {state.subject, state.object}:
                edges[party, scope] += 1
            for party, partner in ((state.subject, state.object), (state.object, state.subject)):
                claims[party, scope] += state.claims
                partners[party, scope].add(partner)
    return {key: (len(partners[key]), edges[key], claims[key]) for key in edges}


def modality_counts(claims: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], int]:
    """How many distinct claims each (relation, modality) has, from (claim, relation, modality)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for _, relation, modality in set(claims):
        counts[relation, modality] += 1
    return dict(counts)


def party_tally_quads(party: str, relation: str | None, counts: tuple[int, int, int]) -> list[Quad]:
    """The ``kg:PartyTally`` node of a party (over one relation, or all when None)."""
    node, g = NamedNode(party_tally_iri(party, relation)), _EDGES
    scope = NamedNode(relation_iri(relation)) if relation is not None else _n(KG.relatedTo)
    partners, edges, claims = counts
    return [
        Quad(node, _n(RDF.type), _n(KG.PartyTally), g),
        Quad(node, _n(KG.party), NamedNode(party), g),
        Quad(node, _n(KG.relation), scope, g),
        Quad(node, _n(KG.partnerCount), _int(partners), g),
        Quad(node, _n(KG.edgeCount), _int(edges), g),
        Quad(node, _n(KG.claimCount), _int(claims), g),
    ]


def modality_tally_quads(relation: str, modality: str, claims: int) -> list[Quad]:
    """The ``kg:ModalityTally`` node of a relation and modality."""
    node, g = NamedNode(modality_tally_iri(relation, modality)), _EDGES
    return [
        Quad(node, _n(RDF.type), _n(KG.ModalityTally), g),
        Quad(node, _n(KG.relation), NamedNode(relation_iri(relation)), g),
        Quad(node, _n(KG.claimModality), _str(modality), g),
        Quad(node, _n(KG.claimCount), _int(claims), g),
    ]


def to_tally_quads(supports: Iterable[Support]) -> list[Quad]:
    """Every tally of a graph, computed from all of its supports at once.

    ``KnowledgeGraph.add_many`` keeps the same tallies up to date batch by batch; a
    graph built either way holds the same quads.

    Examples:
        >>> s = Support("urn:a", "ally", "urn:b", "urn:c1", "urn:x", None, "asserted")
        >>> quads = to_tally_quads([s])
        >>> sorted(q.object.value for q in quads if q.predicate.value.endswith("#claimCount"))
        ['1', '1', '1', '1', '1']
    """
    supports = list(supports)
    claims = ((s.claim, s.relation, s.modality) for s in supports)
    return tally_quads(to_edge_states(supports).values(), modality_counts(claims))


def tally_quads(states: Iterable[EdgeState], modalities: Mapping[tuple[str, str], int]) -> list[Quad]:
    """Every tally node from the states of all edges and the claims per (relation, modality)."""
    out: list[Quad] = []
    for (party, relation), counts in sorted(tally_counts(states).items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        out += party_tally_quads(party, relation, counts)
    for (relation, modality), n in sorted(modalities.items()):
        out += modality_tally_quads(relation, modality, n)
    return out


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def ontology_quads() -> tuple[Quad, ...]:
    """The ontology (``ontology.ttl`` and the registry's relations) in ``ONTOLOGY_GRAPH``.

    Stores carry the ontology so that queries can use relation names
    (``kg:relationName``), labels and the ``rdfs:subPropertyOf`` roll-ups.
    """
    from pyoxigraph import RdfFormat, parse

    from kgraph.ontology import ontology_text

    data = ontology_text().encode("utf-8")
    g = NamedNode(ONTOLOGY_GRAPH)
    return tuple(Quad(t.subject, t.predicate, t.object, g) for t in parse(data, format=RdfFormat.TURTLE))


def to_store(items: Iterable[tuple[Article, Sequence[Claim]]], store: Store | None = None) -> Store:
    """Build an in-memory pyoxigraph store from (article, claims) pairs.

    Later duplicates of an article id replace earlier ones, as ``KnowledgeGraph.add`` does.
    """
    by_id: dict[str, tuple[Article, Sequence[Claim]]] = {}
    for article, claims in items:
        by_id[article.id] = (article, claims)
    store = store if store is not None else Store()
    quads: list[Quad] = []
    supports: list[Support] = []
    for article, claims in by_id.values():
        quads += to_quads(article, claims)
        supports += to_supports(article, claims)
    quads += to_edge_quads(supports)
    quads += to_tally_quads(supports)
    store.extend(ontology_quads())
    store.extend(quads)
    return store


def to_dataset(items: Iterable[tuple[Article, Sequence[Claim]]]) -> Any:
    """The same graph as :func:`to_store`, as an ``rdflib.Dataset`` (union default graph).

    rdflib stays at the boundary: the quads are built by pyoxigraph and handed over as
    N-Quads, which is the fastest path between the two libraries.
    """
    from kgraph.store import to_rdflib

    return to_rdflib(to_store(items))


# --- reading back -------------------------------------------------------------------

_CLAIMS_QUERY = sparql_prefixes() + """
SELECT ?claim ?doc ?relation ?subject ?object ?modality ?rule ?rank ?confidence ?derived ?implied
       ?resolution ?status ?date ?speaker ?value ?currency ?amountText ?percent ?percentText
       ?periodText ?periodStart ?periodEnd ?evText ?evStart ?evEnd
WHERE {
  ?claim a kg:Claim ; kg:relation ?relation ; kg:subject ?subject ; kg:object ?object ;
         prov:wasDerivedFrom ?article ; kg:evidence ?ev .
  ?article kg:articleId ?doc .
  ?ev nif:anchorOf ?evText ; nif:beginIndex ?evStart ; nif:endIndex ?evEnd .
  OPTIONAL { ?claim kg:modality ?modality }
  OPTIONAL { ?claim kg:rule ?rule }
  OPTIONAL { ?claim kg:rank ?rank }
  OPTIONAL { ?claim kg:confidence ?confidence }
  OPTIONAL { ?claim kg:derived ?derived }
  OPTIONAL { ?claim kg:implied ?implied }
  OPTIONAL { ?claim kg:resolution ?resolution }
  OPTIONAL { ?claim kg:status ?status }
  OPTIONAL { ?claim kg:claimDate ?date }
  OPTIONAL { ?claim prov:wasAttributedTo ?speaker }
  OPTIONAL { ?claim kg:amount ?am . ?am schema:value ?value .
             OPTIONAL { ?am schema:currency ?currency } OPTIONAL { ?am schema:description ?amountText } }
  OPTIONAL { ?claim kg:percent ?percent . OPTIONAL { ?claim kg:percentText ?percentText } }
  OPTIONAL { ?claim kg:periodText ?periodText .
             OPTIONAL { ?claim kg:periodStart ?periodStart } OPTIONAL { ?claim kg:periodEnd ?periodEnd } }
}
ORDER BY ?doc ?evStart ?claim
"""

_ENTITIES_QUERY = sparql_prefixes() + """
SELECT ?e ?type ?id ?name ?same ?countryId ?role WHERE {
  ?e kg:entityId ?id ; a ?type .
  OPTIONAL { ?e rdfs:label ?name }
  OPTIONAL { ?e owl:sameAs ?same }
  OPTIONAL { ?e kg:country/kg:entityId ?countryId }
  OPTIONAL { ?e kg:role ?role }
}
"""


def _entities(store: Store) -> dict[str, Entity]:
    from kgraph.store import select

    out: dict[str, Entity] = {}
    for row in select(store, _ENTITIES_QUERY):
        iri = row["e"].value
        kind = _CLASS_TYPES.get(row["type"].value)
        if kind is None:
            continue
        if iri in out:
            name = row["name"].value if row["name"] is not None else None
            if name and out[iri].name == out[iri].id and name != out[iri].id:
                out[iri] = replace(out[iri], name=name)
            continue
        same = row["same"]
        qid = same.value.rsplit("/", 1)[-1] if same is not None and "wikidata.org" in same.value else None
        out[iri] = Entity(
            type=kind,
            id=row["id"].value,
            name=row["name"].value if row["name"] is not None else row["id"].value,
            qid=qid,
            country=row["countryId"].value if row["countryId"] is not None else None,
            role=row["role"].value if row["role"] is not None else None,
        )
    return out


def _v(row: Any, name: str) -> str | None:
    term = row[name]
    return None if term is None else str(term.value)


def _entity_of(iri: str, entities: dict[str, Entity]) -> Entity:
    if iri in entities:
        return entities[iri]
    slug = iri.rsplit("/", 1)[-1]
    return Entity("Country" if "/country/" in iri else "Person", slug, slug)


def _as_store(graph: Any) -> Store:
    if isinstance(graph, Store):
        return graph
    inner = getattr(graph, "store", None)
    if isinstance(inner, Store):
        return inner
    from kgraph.store import from_rdflib

    return from_rdflib(graph)


def from_graph(graph: Any) -> list[Claim]:
    """Read the claims back from a store, a ``KnowledgeGraph`` or an rdflib graph.

    The inverse of :func:`to_quads` for everything a ``Claim`` holds except ``extra``.

    Examples:
        >>> from kgraph.model import Article, Claim, Entity, Evidence
        >>> art = Article("a1", "Russia and Tajikistan are allies.", dt.date(2024, 5, 1))
        >>> rus, tjk = Entity("Country", "RUS", "Russia"), Entity("Country", "TJK", "Tajikistan")
        >>> c = Claim("a1", "ally", rus, tjk, Evidence(art.text, 0, 33), "test", date=art.date)
        >>> [(x.relation, x.subject.id, x.object.id, x.date) for x in from_graph(to_store([(art, [c])]))]
        [('ally', 'RUS', 'TJK', datetime.date(2024, 5, 1))]
    """
    from kgraph.store import select

    store = _as_store(graph)
    entities = _entities(store)
    seen: dict[str, Claim] = {}
    for row in select(store, _CLAIMS_QUERY):
        iri = row["claim"].value
        if iri in seen:
            continue
        value = _v(row, "value")
        percent = _v(row, "percent")
        period_text = _v(row, "periodText")
        speaker = _v(row, "speaker")
        date = _v(row, "date")
        start, end = _v(row, "periodStart"), _v(row, "periodEnd")
        rank = _v(row, "rank")
        seen[iri] = Claim(
            doc=row["doc"].value,
            relation=relation_name(row["relation"].value),
            subject=_entity_of(row["subject"].value, entities),
            object=_entity_of(row["object"].value, entities),
            evidence=Evidence(row["evText"].value, int(row["evStart"].value), int(row["evEnd"].value)),
            rule=_v(row, "rule") or "unknown",
            modality=_v(row, "modality") or "asserted",
            rank=int(rank) if rank is not None else None,
            amount=Amount(float(value), _v(row, "currency"), _v(row, "amountText") or "") if value is not None else None,
            percent=Percent(float(percent), _v(row, "percentText") or "") if percent is not None else None,
            period=Period(
                period_text,
                dt.date.fromisoformat(start) if start else None,
                dt.date.fromisoformat(end) if end else None,
            )
            if period_text is not None
            else None,
            speaker=_entity_of(speaker, entities) if speaker else None,
            date=dt.date.fromisoformat(date) if date else None,
            confidence=float(_v(row, "confidence") or 0.8),
            derived=_v(row, "derived") == "true",
            implied=_v(row, "implied") == "true",
            status=_v(row, "status"),
            resolution=_v(row, "resolution"),
        )
    return list(seen.values())


def iter_graph_names(quads: Iterable[Quad]) -> Iterator[str]:
    """The distinct named graphs of some quads, in first-seen order."""
    seen: set[str] = set()
    for quad in quads:
        if isinstance(quad.graph_name, DefaultGraph):
            continue
        name = quad.graph_name.value
        if name not in seen:
            seen.add(name)
            yield name
