"""Records that flow through kgraph: articles, entities, mentions, figures and claims.

Frozen dataclasses only; this module imports neither spaCy nor rdflib, so every layer
(extraction, RDF, export, CLI) can share it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from . import relations
from .relations import REGISTRY, names

# The relation names, in the registry's order (kgraph/relations.py says what each means).
RELATIONS: tuple[str, ...] = tuple(str(spec.relation.value) for spec in REGISTRY)
# Relations whose two parties play the same part; their order carries no meaning
# (the subject is simply the party named first).
SYMMETRIC: frozenset[str] = names(relations.SYMMETRIC)
MODALITIES: tuple[str, ...] = ("asserted", "negated", "future", "hedged")
ENTITY_TYPES: tuple[str, ...] = ("Country", "Organization", "Leader", "Person")


@dataclass(frozen=True, slots=True)
class Article:
    """One news item: its text (metadata lines removed) and its reference date."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None

    @property
    def text_hash(self) -> str:
        """SHA-256 of the text, to tell a changed article from an unchanged one."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Entity:
    """A country, an international organization or a person.

    `id` is the ISO 3166-1 alpha-3 code for a country, the acronym for an organization
    ("EU", "NATO"), and a stable slug or Wikidata QID for a person. For a person,
    `country` is the alpha-3 code of the country they lead or serve and `role` their title.
    """

    type: str
    id: str
    name: str
    qid: str | None = None
    country: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "id": self.id}
        if self.qid:
            out["qid"] = self.qid
        if self.country:
            out["country"] = self.country
        if self.role:
            out["role"] = self.role
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            type=data.get("type") or "Country",
            id=str(data.get("id") or data.get("name") or ""),
            name=str(data.get("name") or data.get("id") or ""),
            qid=data.get("qid"),
            country=data.get("country"),
            role=data.get("role"),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article that refers to an entity, and how it was resolved.

    `function` says what the span stands for: "government" (the state acts: "Moscow said"),
    "people" (a demonym naming people: "36,000 Tajik students"), "place" (a location only),
    "leader" (a head of state or government) or "official" (a minister, ambassador, spokesperson).
    `resolution` says how it was linked: "gazetteer", "alias", "demonym", "capital", "title",
    "surname", "role", "pronoun", "context", "model".
    """

    text: str
    start: int
    end: int
    entity: Entity
    resolution: str = "gazetteer"
    function: str = "government"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "entity": self.entity.to_dict(),
            "resolution": self.resolution,
            "function": self.function,
        }


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount normalised to a number and an ISO 4217 currency; `text` keeps the span."""

    value: float
    currency: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "currency": self.currency, "text": self.text}


@dataclass(frozen=True, slots=True)
class Percent:
    value: float
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "text": self.text}


@dataclass(frozen=True, slots=True)
class Period:
    """A time expression and the dates it resolves to against the article date."""

    text: str
    start: dt.date | None = None
    end: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a claim comes from, with character offsets into the article text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Claim:
    """One typed statement between two parties, with its figures and its evidence.

    `derived` marks a claim implied by another (a ranking "second after China" implies
    China first; a defence pact is military cooperation too: extract/implications.py, its
    rule ending in "/implies-RELATION"); `implied` marks a claim whose parties were resolved from context
    ("the two countries"); `status` is "lifted", "halted" or "ended" where the text says so.
    `resolution` says how a party the sentence does not name was found, where one was:
    "speaker", "addressee", "byline", "publisher", "joint" or "inclusive" for "we"/"you"
    (extract/referents.py), "article-pair" for the article's main pair ("the two countries"),
    "carried" for a party carried from a sentence before, "event" for the participants of a
    meeting named in the sentences around it, "group" for a group noun ("the four", "the
    leaders") standing for parties listed elsewhere, "document" for a leader's country named
    only elsewhere in the article; several are joined with "+" ("addressee+speaker").
    """

    doc: str
    relation: str
    subject: Entity
    object: Entity
    evidence: Evidence
    rule: str
    modality: str = "asserted"
    rank: int | None = None
    amount: Amount | None = None
    percent: Percent | None = None
    period: Period | None = None
    speaker: Entity | None = None
    date: dt.date | None = None
    confidence: float = 0.8
    derived: bool = False
    implied: bool = False
    status: str | None = None
    resolution: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def key(self) -> str:
        """A deterministic id: hash of article, relation, parties and offsets."""
        parts = (self.doc, self.relation, self.subject.id, self.object.id, str(self.evidence.start), str(self.evidence.end))
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The JSONL shape that `kgraph extract --format jsonl` writes and score.py reads."""
        return {
            "doc": self.doc,
            "relation": self.relation,
            "subject": self.subject.to_dict(),
            "object": self.object.to_dict(),
            "modality": self.modality,
            "rank": self.rank,
            "amount": self.amount.to_dict() if self.amount else None,
            "percent": self.percent.to_dict() if self.percent else None,
            "period": self.period.to_dict() if self.period else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "evidence": self.evidence.to_dict(),
            "date": self.date.isoformat() if self.date else None,
            "rule": self.rule,
            "confidence": self.confidence,
            "derived": self.derived,
            "implied": self.implied,
            "status": self.status,
            "resolution": self.resolution,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        def _date(value: str | None) -> dt.date | None:
            return dt.date.fromisoformat(value) if value else None

        amount = data.get("amount")
        percent = data.get("percent")
        period = data.get("period")
        speaker = data.get("speaker")
        evidence = data.get("evidence") or {}
        return cls(
            doc=data["doc"],
            relation=data["relation"],
            subject=Entity.from_dict(data["subject"]),
            object=Entity.from_dict(data["object"]),
            evidence=Evidence(evidence.get("text", ""), int(evidence.get("start", 0)), int(evidence.get("end", 0))),
            rule=data.get("rule") or "unknown",
            modality=data.get("modality") or "asserted",
            rank=data.get("rank"),
            amount=Amount(amount["value"], amount.get("currency"), amount.get("text", "")) if amount else None,
            percent=Percent(percent["value"], percent.get("text", "")) if percent else None,
            period=Period(period.get("text", ""), _date(period.get("start")), _date(period.get("end"))) if period else None,
            speaker=Entity.from_dict(speaker) if speaker else None,
            date=_date(data.get("date")),
            confidence=float(data.get("confidence", 0.8)),
            derived=bool(data.get("derived", False)),
            implied=bool(data.get("implied", False)),
            status=data.get("status"),
            resolution=data.get("resolution"),
        )
