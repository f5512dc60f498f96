"""Pairs read off one verb's frame: designations and grants of money.

A designation names its imposer as the verb's subject and its target by what is added to
the list ("added two dozen Cuban entities to the entity list": a sanction on Cuba). A
grant names its giver as the subject and the places the money goes by "to", "for" and
"in" phrases ("provided $20 million to help refugees in Chad").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import lexicon as lx
from .context import ArticleContext, Pair, Party, cross_pairs, unique_parties
from .syntax import SUBJECT_DEPS, edge_into, has_subject, heads_phrase, lemma_of
from .triggers import Trigger


def listing_pairs(trigger: Trigger, sent: Span, ctx: ArticleContext) -> tuple[list[Pair], str]:
    """Who lists whom: the verb's subject (or passive agent) lists the country of what it adds.

    The target may be named by its firms or people ("two dozen Cuban entities", "U.S.
    companies"): a designation of a country's firms is a sanction on that country."""
    verb = trigger.token
    imposers: list[Party] = []
    targets: list[Party] = []
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ == "agent":
            side = imposers
        elif child.dep_ in ("dobj", "nsubjpass", "ccomp", "attr", "oprd", "dative", "npadvmod"):
            side = targets
        else:
            continue
        for token in child.subtree:
            mention = ctx.index.get(token.i)
            party = ctx.as_party(mention.entity) if mention is not None else None
            if mention is not None and party is not None and token == ctx.mention_head(mention) \
                    and _names_listed(token, child):
                side.append((party, token))
    return cross_pairs(unique_parties(imposers), unique_parties(targets)), "parse"


def _names_listed(token: Token, top: Token) -> bool:
    """Whether a country names what is listed ("Cuba", "Cuban entities", "U.S. companies") and
    not a detail of a listed person ("London Business School dean Sergei Guriev")."""
    node = token
    while node != top:
        if node.dep_ not in ("compound", "amod", "poss", "nmod", "conj", "appos", "nummod") or node.head == node:
            return False
        node = node.head
        if node.ent_type_ == "PERSON":
            return False
    return True


def funding_pairs(trigger: Trigger, sent: Span, ctx: ArticleContext) -> tuple[list[Pair], str]:
    """The giver (the subject) and the places the money goes: countries reached from the verb
    through "to", "for" and "in" ("to help refugees in Chad", "focusing on ... in Egypt")."""
    verb = trigger.token
    actor = verb  # "announces plans to allocate": the subject of the clause that plans
    for _ in range(4):
        if has_subject(actor) or actor.head == actor or actor.dep_ not in ("xcomp", "conj", "advcl", "acl", "dobj"):
            break
        actor = actor.head
    givers, receivers = [], []
    for entity, head in ctx.parties_in(sent):
        subject_edge = edge_into(head, actor)
        if subject_edge is not None and subject_edge.dep_ in SUBJECT_DEPS and heads_phrase(head, subject_edge):
            givers.append((entity, head))
            continue
        edge = edge_into(head, verb)
        if edge is None:
            continue
        if edge.dep_ in ("prep", "advcl", "xcomp", "dative") and head.dep_ in ("pobj", "conj", "dative") \
                and _reached_by_place(head, verb):
            receivers.append((entity, head))
    if lemma_of(verb) in lx.FUNDING_RECEIVE_VERBS:
        # the subject receives; the giver is named "from X" or is who reports it ("the Commission says")
        takers = givers
        sources = [p for p in ctx.parties_in(sent) if p[1].dep_ == "pobj" and p[1].head.lower_ == "from"
                   and p[1].head.head == verb]
        if sources:
            return cross_pairs(unique_parties(sources), unique_parties(takers)), "parse"
        speaker, _ = ctx.speakers.speaker_of(sent, verb)
        reporter = ctx.as_party(speaker.entity) if speaker is not None else None
        if reporter is None:
            return [], ""
        return [((reporter, None), b) for b in unique_parties(takers) if b[0].id != reporter.id], "reporter"
    return cross_pairs(unique_parties(givers), unique_parties(receivers)), "parse"


def _reached_by_place(party: Token, verb: Token) -> bool:
    """Whether a party hangs from `verb` by "to"/"for"/"in" phrases and clauses only (not "by the
    Iran war", not inside a modifier)."""
    node = party
    while node.dep_ == "conj":
        node = node.head
    if node.dep_ == "dative":
        return node.head == verb
    if node.dep_ != "pobj" or node.head.lower_ not in ("to", "for", "in"):
        return False
    node = node.head
    while node != verb:
        if node.dep_ in ("agent", "compound", "amod", "poss", "relcl", "acl", "nsubj", "nsubjpass") \
                or node.head == node:
            return False
        if node.pos_ in ("VERB", "AUX") and not (node.head == verb and node.dep_ in ("advcl", "xcomp")):
            return False  # one purpose clause at most: "to repay debt to X" two clauses down is not X's aid
        node = node.head
    return True
