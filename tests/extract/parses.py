"""Hand-built parses for rule tests: a compact spec of a parsed sentence, and the claims it gives.

A spec is the sentence's tokens separated by spaces, each "word/dep/head/lemma/POS" (heads
are absolute token indices, as in test_modality.py), optionally followed by more fields:

- ``#TAG``: the fine-grained tag (``#VBN``, ``#NNS``), which some rules read;
- ``@TYPE``: the named-entity type (``@ORG``, ``@MONEY``, ``@PERSON``);
- ``=ID``: the token is (part of) a mention of a country (ISO alpha-3) or an organization
  (its acronym); consecutive tokens with the same ID are one mention; ``=ID:how`` says how
  it was resolved (``=BLR:capital`` for "Minsk"; "gazetteer" when not said);
- ``_``: no space after the token ("Iran/npadvmod/3/Iran/PROPN/=IRN/_ -/punct/3/-/PUNCT/_").

`scripts/parse_spec.py "sentence"` prints a sentence's parse by the real model in this
format, to start a case from; the tests themselves never load the model.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import spacy
from spacy.tokens import Doc

from kgraph.extract.claims import extract_claims
from kgraph.gazetteer import Gazetteer, load_gazetteer
from kgraph.model import Claim, Entity, Mention

# English lexical attributes (lower case, title case, like_num) without loading any model.
_VOCAB = spacy.blank("en").vocab


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def parse(spec: str) -> tuple[Doc, list[Mention]]:
    """The Doc a spec describes, and its mentions."""
    rows = [token.split("/") for token in spec.split()]
    fields = [_fields(row[5:]) for row in rows]
    doc = Doc(
        _VOCAB,
        words=[row[0] for row in rows],
        spaces=[not f["nospace"] for f in fields],
        deps=[row[1] for row in rows],
        heads=[int(row[2]) for row in rows],
        lemmas=[row[3] for row in rows],
        pos=[row[4] for row in rows],
        tags=[f["tag"] or row[4] for row, f in zip(rows, fields)],
        ents=[("B-" + f["ent"]) if f["ent"] else "O" for f in fields],
    )
    return doc, _mentions(doc, [f["id"] for f in fields])


def _fields(extra: list[str]) -> dict:
    out: dict = {"tag": "", "ent": "", "id": "", "nospace": False}
    for item in extra:
        if item == "_":
            out["nospace"] = True
        elif item[0] == "#":
            out["tag"] = item[1:]
        elif item[0] == "@":
            out["ent"] = item[1:]
        elif item[0] == "=":
            out["id"] = item[1:]
        else:
            raise ValueError(f"unknown field {item!r}; expected #TAG, @TYPE, =ID or _")
    return out


def _mentions(doc: Doc, ids: list[str]) -> list[Mention]:
    """One mention per run of tokens marked with the same id."""
    mentions = []
    i = 0
    while i < len(doc):
        if not ids[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and ids[j + 1] == ids[i]:
            j += 1
        span = doc[i:j + 1]
        code, _, how = ids[i].partition(":")
        mentions.append(Mention(span.text, span.start_char, span.end_char, entity(code), resolution=how or "gazetteer"))
        i = j + 1
    return mentions


def entity(code: str) -> Entity:
    """A country by its ISO alpha-3 code, or an organization by its acronym."""
    gaz = gazetteer()
    if code in gaz.organizations:
        record = gaz.organizations[code]
        return Entity("Organization", code, record.name)
    return gaz.country_entity(code)


def claims_of(spec: str, date: dt.date | None = dt.date(2024, 6, 15)) -> list[Claim]:
    """The claims extract_claims finds in a hand-built parse."""
    doc, mentions = parse(spec)
    return extract_claims(doc, mentions, doc_id="t", date=date, gazetteer=gazetteer())


def show(claims: list[Claim]) -> str:
    return "; ".join(f"{c.relation}({c.subject.id}->{c.object.id},{c.modality})" for c in claims) or "no claims"
