"""leader_of claims: each current head of state or government named with a title."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Claim
from ..relations import Relation
from . import lexicon as lx
from .attributes import evidence_of
from .context import ArticleContext
from .mentions import LEADER_ROLES
from .modality import modality_of
from .syntax import lemma_of


def leader_claims(ctx: ArticleContext) -> list[Claim]:
    """leader_of for each current head of state or government named with a title."""
    claims: dict[tuple[str, str], Claim] = {}
    for mention in ctx.mentions:
        person = mention.entity
        if person.type != "Leader" or not person.country or person.role not in LEADER_ROLES:
            continue
        if mention.resolution not in ("title", "title-of"):
            continue
        key = (person.id, person.country)
        if key in claims:
            continue
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or _leaves_office(span.root):
            continue
        sent = span.sent
        claims[key] = Claim(
            doc=ctx.doc_id, relation=str(Relation.LEADER_OF), subject=person,
            object=ctx.gaz.country_entity(person.country),
            evidence=evidence_of(sent), rule="leader-title", date=ctx.date, confidence=0.95,
        )
    return list(claims.values())


def _leaves_office(name: Token) -> bool:
    """Whether a titled leader is the one leaving office in the sentence, as a fact.

    "X resigns", "X steps down", "X was ousted", "succeeds the removed X", "the dismissal
    of X" (but not "X will resign", "calls for X to resign", "demands the resignation of
    X" or "X dismisses his minister").
    """
    while name.dep_ in ("compound", "appos", "flat") and name.head != name:
        name = name.head  # "Prime Minister X": the phrase's head
    if any(c.dep_ == "amod" and (lemma_of(c) in lx.REMOVAL_VERBS or c.lower_ in lx.REMOVED_WORDS)
           for c in name.children):
        return True  # "the removed X", "ousted president X"
    head = name.head
    dep = name.dep_
    if dep == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
        # "X resigns as Prime Minister of Y": the title is the role left
        head = head.head
        dep = next((c.dep_ for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), "")
    if dep == "nsubj":
        leaving = lemma_of(head) in lx.LEAVING_VERBS or lemma_of(head) == "step" and any(
            c.dep_ == "prt" and c.lower_ in ("down", "aside") for c in head.children)
    elif dep == "nsubjpass":
        leaving = lemma_of(head) in lx.REMOVAL_VERBS
    elif dep == "pobj" and head.lower_ == "of" and lemma_of(head.head) in lx.REMOVAL_NOUNS:
        head = head.head
        leaving = True
    else:
        return False
    if not leaving or head.tag_ == "VB" or any(c.tag_ == "TO" for c in head.children):
        return False  # "to resign", "to be removed": asked for or planned
    if any(lemma_of(a) in lx.PROPOSAL_VERBS | lx.DEMAND_VERBS for a in head.ancestors if a.pos_ == "VERB"):
        return False  # "demanding the resignation of X"
    return modality_of(head) == "asserted"
