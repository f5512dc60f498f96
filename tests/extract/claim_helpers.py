"""Helpers the claim-rule tests share: extract a sentence's claims, find those between two parties."""

from __future__ import annotations

import datetime as dt

from kgraph.extract import extract_article
from kgraph.model import SYMMETRIC, Article, Claim, Entity

DATE = dt.date(2024, 6, 15)  # a Saturday


def claims_of(nlp, text: str, date: dt.date | None = DATE, doc: str = "t") -> list[Claim]:
    return extract_article(Article(id=doc, text=text, date=date), nlp).claims


def is_party(entity: Entity, spec: str) -> bool:
    """An ISO code / organization acronym matches the id; a person matches by (sur)name."""
    if entity.id == spec:
        return True
    return entity.type in ("Leader", "Person") and spec.lower() in entity.name.lower()


def between(claims: list[Claim], relation: str, a: str, b: str, *, ordered: bool | None = None) -> list[Claim]:
    """Claims of `relation` from a to b (either way for symmetric relations unless `ordered`)."""
    if ordered is None:
        ordered = relation not in SYMMETRIC
    return [c for c in claims if c.relation == relation and (
        (is_party(c.subject, a) and is_party(c.object, b))
        or (not ordered and is_party(c.subject, b) and is_party(c.object, a)))]
