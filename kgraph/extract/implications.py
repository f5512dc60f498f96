"""Relations one fact implies under the annotation guidelines, as a table of rows.

"X and Y signed a defence pact" states an agreement and, by the guidelines, a military
cooperation; a "Treaty on Comprehensive Strategic Partnership" signed is also a strategic
partnership; a "strategic alliance" is an alliance and a strategic partnership; two
parties signing together in a named place, with a person, or before one, met there. Each row says which relation implies
which, and a named test of the trigger word says when. `implied_claims` adds, for every
claim of a row's relation whose trigger passes the test, the implied claim between the
same parties, with the same evidence and modality, marked `derived` and its rule ending
in "/implies" (e.g. "action-agreement/implies-military_cooperation").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..model import Claim
from ..relations import Relation as R
from . import lexicon as lx
from .syntax import lemma_of
from .triggers import Trigger


@dataclass(frozen=True, slots=True)
class Implication:
    """One row: a claim of `relation` whose trigger passes `when` implies one of `implies`."""

    relation: R
    implies: R
    when: Callable[[Token], bool]


def _deals(trigger: Token) -> list[Token]:
    """The document nouns a trigger is about: itself, a signing verb's objects ("signed [a
    pact]"), and the noun it modifies ("the Partnership [Charter]")."""
    deals = [trigger]
    if trigger.pos_ in ("VERB", "AUX"):
        deals = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    node = trigger
    while node.dep_ in ("compound", "amod", "nmod") and node.head != node:
        node = node.head
        deals.append(node)
    return deals


def _modifiers(noun: Token) -> list[Token]:
    """A noun and its adjectives and compounds, recursively ("Mutual Defence Treaty")."""
    found = [noun]
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            found += _modifiers(child)
    return found


def _what_it_covers(deal: Token) -> list[Token]:
    """The words that say what a document is: its own modifiers, what it is "on", "for" or "of"
    (and theirs), and what a clause on it lets someone do ("an agreement permitting U.S. military
    personnel to use the base")."""
    words = _modifiers(deal)
    for child in deal.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "for", "of", "concerning", "regarding", "covering"):
            objects = [o for o in child.children if o.dep_ == "pobj"]
            # "an agreement on exchanging military equipment": what the gerund acts on
            objects += [o for p in child.children if p.dep_ == "pcomp" for o in p.children if o.dep_ == "dobj"]
            words += [t for obj in objects for c in (obj, *obj.conjuncts) for t in _modifiers(c)]
        elif child.dep_ in ("acl", "relcl") and lemma_of(child) in lx.GRANT_VERBS:
            words += list(child.subtree)
    return words


def names_strategic_partnership(trigger: Token) -> bool:
    """An agreement on a strategic or comprehensive partnership: "the Treaty on Comprehensive
    Strategic Partnership", "a Strategic Partnership Charter"."""
    return any(lemma_of(t) in lx.PARTNERSHIP_WORDS and {lemma_of(c) for c in t.children if c.dep_ in (
        "amod", "compound")} & lx.STRATEGIC_WORDS for deal in _deals(trigger) for t in _what_it_covers(deal))


def names_defence(trigger: Token) -> bool:
    """An agreement on defence: "a defence pact", "an arms deal", "an agreement on military
    cooperation", "an agreement permitting U.S. military personnel to use the airport"."""
    return any(lemma_of(t) in lx.DEFENCE_WORDS and t.pos_ in ("NOUN", "PROPN", "ADJ")
               for deal in _deals(trigger) for t in _what_it_covers(deal))


def defence_pact_in_operation(trigger: Token) -> bool:
    """An agreement on defence that is made, not only approved by one side or agreed on as a
    pact to come (the guidelines' "defense pacts in operation"): not "the Cabinet approves a
    defense treaty with X", nor "a communiqué confirming agreement on a mutual defence treaty"."""
    if not names_defence(trigger):
        return False
    verb = trigger if trigger.pos_ == "VERB" else trigger.head if trigger.dep_ in ("dobj", "nsubjpass") else None
    if verb is not None and lemma_of(verb) in lx.APPROVAL_VERBS:
        return False
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "on" and lemma_of(trigger.head.head) in lx.PACT_NOUNS:
        return False  # "agreement on a mutual defence treaty": the treaty is still to come
    return not (lemma_of(trigger) in lx.CONSENT_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(lemma_of(o) in lx.PACT_NOUNS for o in c.children)
        for c in trigger.children))


def strategic(trigger: Token) -> bool:
    """"a strategic alliance": an alliance and a strategic partnership (not "strategic
    cooperation and an alliance", where "strategic" is the cooperation's)."""
    return any(c.dep_ in ("amod", "compound") and lemma_of(c) in lx.STRATEGIC_WORDS for c in trigger.children)


def signed_together(trigger: Token) -> bool:
    """"X's minister and Y's secretary sign in Washington a charter" (two signatories coordinated
    as the verb's subject, in a named place), "Minister X signed the agreement with Secretary Y"
    (with a person): they met to sign."""
    if lemma_of(trigger) not in ("sign", "ink") or trigger.pos_ != "VERB":
        return False
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    coordinated = any(c.dep_ == "conj" for s in subjects for c in s.children) or any(
        c.dep_ == "conj" for s in subjects for a in s.children if a.dep_ == "appos" for c in a.children)
    placed = any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
        g.ent_type_ in ("GPE", "FAC", "LOC") for g in c.subtree) for c in trigger.children)
    with_person = any(c.dep_ == "prep" and c.lower_ == "with" and any(
        g.ent_type_ == "PERSON" or lemma_of(g) in lx.PERSON_NOUNS for g in c.subtree) for c in trigger.children)
    return coordinated and placed or with_person


def signed_in_presence(trigger: Token) -> bool:
    """"Minister X, in the presence of President Y, signed the agreement": a signing done before
    a person, who met the signatories there."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head if trigger.dep_ == "dobj" else None
    if verb is None or lemma_of(verb) not in ("sign", "ink"):
        return False
    # the parser hangs "in the presence of" on the verb or on its subject ("Minister X, in the presence of Y,")
    near = [*verb.children, *(g for s in verb.children if s.dep_ == "nsubj" for g in s.children)]
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        p.dep_ == "pobj" and p.lower_ == "presence" and any(
            o.dep_ == "prep" and o.lower_ == "of" for o in p.children) for p in c.children) for c in near)


IMPLICATIONS: tuple[Implication, ...] = (
    Implication(R.AGREEMENT, R.STRATEGIC_PARTNER, names_strategic_partnership),
    Implication(R.AGREEMENT, R.MILITARY_COOPERATION, defence_pact_in_operation),
    Implication(R.ALLY, R.STRATEGIC_PARTNER, strategic),
    Implication(R.AGREEMENT, R.MEETING, signed_together),
    Implication(R.AGREEMENT, R.MEETING, signed_in_presence),
)


def implied_claims(claims: Iterable[Claim], trigger: Trigger,
                   table: tuple[Implication, ...] = IMPLICATIONS) -> list[Claim]:
    """The claims that `claims` (one trigger's) imply by the rows of `table`."""
    rows = [row for row in table if row.relation == trigger.relation and row.when(trigger.token)]
    return [replace(claim, relation=str(row.implies), rule=f"{claim.rule}/implies-{row.implies}", derived=True,
                    amount=None, percent=None, rank=None)
            for claim in claims if not claim.derived for row in rows]
