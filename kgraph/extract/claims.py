"""Typed claims between countries and organizations, read off spaCy's dependency parse.

For every trigger word (triggers.py) the rules find the parties syntactically tied to it
(roles.py), sort them into agent and other party (pairs.py), and attach the figures,
rank, period, speaker and modality found in the same clause (attributes.py,
claim_modality.py). A claim is made only when two distinct parties are found; where the
text leaves a party implicit ("bilateral trade rose", "the two countries signed"), the
article's main pair fills it and the claim says so (`implied=True`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..gazetteer import Gazetteer, load_gazetteer
from ..model import SYMMETRIC, Amount, Claim, Entity, Mention
from .attributes import amount_for, claim_speaker, clause_amount, evidence_of, find_figures, find_period, find_rank
from .claim_modality import acting_party, claim_modality, claim_status, in_own_phrase, presupposed_by
from .context import ArticleContext, Discourse, Pair, Sentence, unique_parties
from .events import event_claims
from .implications import implied_claims
from .leaders import leader_claims
from .modality import modality_of
from .pairs import FROM_PARSE, GUESSES_OF_FACT, find_pairs, is_symmetric
from .parties import Parties, find_parties
from .trigger_table import TABLE, find_triggers
from .triggers import Kind, Trigger


def claims_for_trigger(trigger: Trigger, sentence: Sentence, ctx: ArticleContext,
                       discourse: Discourse) -> tuple[list[Claim], Discourse]:
    """The claims one trigger states (its parties, figures, rank, period, speaker and
    modality), and the discourse after them."""
    if TABLE.states_no_claim(trigger):
        return [], discourse  # "an attack on an aid convoy", "Sudan's civil war": a claim veto of the table
    sent = sentence.span
    n_triggers = len(sentence.triggers)
    doc_id = ctx.doc_id
    parties = find_parties(trigger, sentence, ctx)
    relation = trigger.relation
    pairs, how = find_pairs(trigger, parties, sentence, ctx, discourse)
    amounts, percents = find_figures(trigger, sent, n_triggers)
    earlier = _amount_referred_to(trigger, how, discourse) if not amounts else None
    discourse = _remembered(trigger, parties, pairs, how, sentence.number, discourse, amounts)
    if not pairs and not parties.ahead:
        return [], discourse
    implied = how not in FROM_PARSE
    rank = find_rank(trigger, sent) if trigger.kind in (Kind.RELATIONAL, Kind.ACTION) else None
    period = find_period(trigger, sent, ctx.date, n_triggers)
    modality = claim_modality(trigger, bool(amounts))
    speaker_entity = claim_speaker(sent, trigger.token, ctx)
    rule = f"{trigger.kind}-{relation}" + ("" if how in ("parse", "") else f"/{how}")
    status = claim_status(trigger)
    # "Iran seeks to end the war with the U.S.": the plan is the ending; the war is a fact
    acting = presupposed_by(trigger.token) if modality != "asserted" and status is None else None
    claims = []
    for (subj, s_tok), (obj, o_tok) in pairs:
        pair_modality = _pair_modality(modality, acting, how, trigger.token, (s_tok, o_tok))
        if pair_modality != "asserted" and how in GUESSES_OF_FACT and not in_own_phrase(o_tok, trigger.token):
            continue
        amount = earlier
        if len(amounts) == 1:
            amount = amounts[0][2]
        elif amounts:
            # "$8 million for X, $17 million for Y"; else the figure of the trigger's own clause
            amount = (amount_for(o_tok, amounts, ctx.doc) if o_tok is not None else None) \
                or clause_amount(trigger.token, amounts, ctx.doc)
        claims.append(Claim(
            doc=doc_id, relation=str(relation), subject=subj, object=obj, evidence=evidence_of(sent), rule=rule,
            modality=pair_modality, rank=rank, amount=amount, percent=percents[0][2] if percents else None,
            period=period, speaker=speaker_entity, date=ctx.date,
            confidence=0.6 if implied else 0.85, implied=implied,
            status=status, resolution=pair_resolution(((subj, s_tok), (obj, o_tok)), how, ctx),
        ))
    # "second, following China": China ranks one place higher in the same relation.
    if rank and rank > 1 and parties.ahead:
        targets = {c.object.id: c.object for c in claims}
        for entity, _ in parties.ahead:
            for obj in targets.values():
                if obj.id != entity.id:
                    claims.append(Claim(
                        doc=doc_id, relation=str(relation), subject=entity, object=obj, evidence=evidence_of(sent),
                        rule="rank-ahead", modality=modality, rank=rank - 1, date=ctx.date, confidence=0.7,
                        derived=True, speaker=speaker_entity,
                    ))
    return claims, discourse


def _pair_modality(modality: str, acting: Token | None, how: str, trigger: Token,
                   tokens: tuple[Token | None, Token | None]) -> str:
    """A pair's modality: that of the relation itself where both parties are those of the act on
    it ("Israel agreed to stop the airstrikes on Iran": the airstrikes are a fact), or where the
    one who speaks disputes conduct asked to stop ("urge China to stop its unfair practices")."""
    if acting is not None and (how == "speaker-criticises" or all(acting_party(tok, trigger, acting)
                                                                  for tok in tokens)):
        return modality_of(trigger, stop=acting)
    return modality


def _remembered(trigger: Trigger, parties: Parties, pairs: list[Pair], how: str, number: int,
                discourse: Discourse, amounts: list[tuple[int, int, Amount]]) -> Discourse:
    """The discourse after a directed trigger: its giver and receiver (and its one amount), which
    a later act of the relation that leaves one out may carry; or a giver named without a
    receiver ("Japan decided to extend aid of $5 million to Southern Africa. This aid is to
    provide support to X")."""
    if is_symmetric(trigger):
        if how not in GUESSES_OF_FACT and len(pairs) == 1:
            (first, _), (second, _) = pairs[0]
            return discourse.after_shared(trigger.relation, number, first, second)
        return discourse
    if how == "carried":
        return discourse
    amount = amounts[0][2] if len(amounts) == 1 else None
    if pairs:
        return discourse.after(trigger.relation, number, pairs[0][0][0], pairs[0][1][0], amount)
    agents = unique_parties(parties.agents)
    if len(agents) == 1 and trigger.kind == Kind.ACTION and not parties.ahead:
        return discourse.after(trigger.relation, number, agents[0][0], None, amount)
    return discourse


def _amount_referred_to(trigger: Trigger, how: str, discourse: Discourse) -> Amount | None:
    """The amount of the act a demonstrative points back to, when the parties are carried from it
    too: "Japan decided to extend $5 million in aid. This aid is for Malawi" (not "similar aid",
    another act)."""
    recent = discourse.last(trigger.relation)
    if how != "carried" or recent is None or not any(
            c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those", "such") for c in trigger.token.children):
        return None
    return recent.amount


# Parties filled in by a pair rule (pairs.py) and the resolution they are (see model.Claim).
_HOW_RESOLVED = {"article-pair": "article-pair", "pair-reported": "article-pair", "carried": "carried",
                 "speaker-attends": "speaker", "speaker-criticises": "speaker", "reporter": "speaker",
                 "inclusive": "inclusive", "event": "event", "publisher-attends": "publisher",
                 "byline-attends": "byline"}


def pair_resolution(pair: Pair, how: str, ctx: ArticleContext) -> str | None:
    """How the parties of a pair that the sentence does not name were found, if any were:
    the resolutions of its words ("we": "publisher") and of the pair rule, sorted, joined by "+"."""
    found = []
    for _entity, token in pair:
        resolution = _HOW_RESOLVED.get(how) if token is None else ctx.resolution_at(token)
        if resolution is not None and resolution not in found:
            found.append(resolution)
    return "+".join(sorted(found)) or None


def merge_duplicate_claims(claims: list[Claim]) -> list[Claim]:
    """One claim per (relation, parties, sentence), keeping every figure any duplicate found."""
    merged: dict[tuple[str, tuple[str, ...], int], Claim] = {}
    for claim in claims:
        ids: tuple[str, ...] = (claim.subject.id, claim.object.id)
        if claim.relation in SYMMETRIC:
            ids = tuple(sorted(ids))
        key = (claim.relation, ids, claim.evidence.start)
        if key not in merged:
            merged[key] = claim
            continue
        old = merged[key]
        merged[key] = replace(
            old,
            rank=old.rank or claim.rank,
            amount=old.amount or claim.amount,
            percent=old.percent or claim.percent,
            period=old.period or claim.period,
            speaker=old.speaker or claim.speaker,
            implied=old.implied and claim.implied,
            # (a duplicate whose parties the sentence names rests on no resolved reference)
            resolution=old.resolution if old.resolution and claim.resolution else None,
            derived=old.derived and claim.derived,
        )
    return list(merged.values())


def extract_claims(doc: Doc, mentions: list[Mention], *, doc_id: str = "", date: dt.date | None = None,
                   gazetteer: Gazetteer | None = None, byline: Entity | None = None, source: str | None = None,
                   title: str | None = None) -> list[Claim]:
    """Claims in a parsed article.

    Args:
        doc: a Doc from `load_pipeline()`.
        mentions: its linked mentions (`find_mentions`).
        doc_id: the article id written in each claim.
        date: the article date (periods, leaders in office).
        byline: the person whose words the whole article is (remarks, a statement), who
            speaks every sentence the text does not give to someone else.
        source: the article's source line, which may name the government that published it
            (whose "we" the text's own "we" is: referents.py).
        title: the article's title.

    Returns:
        Claims in text order, duplicates merged.
    """
    ctx = ArticleContext(doc, mentions, date, gazetteer or load_gazetteer(), doc_id=doc_id, byline=byline,
                         source=source, title=title)
    claims: list[Claim] = []
    discourse = Discourse()
    for number, span in enumerate(doc.sents):
        sentence = Sentence.of(span, number, find_triggers(span))
        for trigger in sentence.triggers:
            found, discourse = claims_for_trigger(trigger, sentence, ctx, discourse)
            claims.extend(found)
            claims.extend(implied_claims(found, trigger))  # "a defence pact" is military cooperation too
            claims.extend(event_claims(trigger, sentence, ctx))  # a summit whose participants come after
    acting = {(c.evidence.start, party.id) for c in claims for party in (c.subject, c.object)}
    claims = merge_duplicate_claims(leader_claims(ctx, acting) + claims)
    return sorted(claims, key=lambda c: (c.evidence.start, c.relation, c.subject.id, c.object.id))
