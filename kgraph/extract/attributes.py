"""Attributes of a claim read off its clause: figures, rank, period and evidence."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from ..model import Amount, Entity, Evidence, Percent, Period
from ..relations import FIGURE_BEARING
from . import lexicon as lx
from .context import ArticleContext
from .figures import find_amounts, find_percents, find_quantities
from .periods import find_periods
from .syntax import designation_in_respect, lemma_of, predicate_of
from .triggers import Trigger


def _clause_span(trigger: Token) -> tuple[int, int]:
    """Character range of the trigger's clause (the subtree of its predicate)."""
    p = predicate_of(trigger)
    tokens = list(p.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def find_figures(trigger: Trigger, sent: Span, n_triggers: int) -> tuple[list[tuple[int, int, Amount]],
                                                                    list[tuple[int, int, Percent]]]:
    """Amounts and percentages in the trigger's clause (the whole sentence when it has one trigger)."""
    if trigger.relation not in FIGURE_BEARING:
        return [], []
    lo, hi = (sent.start_char, sent.end_char) if n_triggers == 1 else _clause_span(trigger.token)
    base = sent.start_char
    text = sent.text
    amounts = [(s + base, e + base, a) for s, e, a in find_amounts(text) if lo <= s + base < hi]
    if not amounts:  # "more than 800 tonnes of aid": a quantity stands in for the amount
        amounts = [(s + base, e + base, a) for s, e, a in find_quantities(text) if lo <= s + base < hi]
    percents = [(s + base, e + base, p) for s, e, p in find_percents(text) if lo <= s + base < hi]
    return amounts, percents


def _rank_word(token: Token) -> int | None:
    """1 for "main"/"largest", 2 for "second" or "second-largest", ..."""
    rank = lx.RANK_WORDS.get(token.lower_)
    if rank:
        return rank
    parts = token.lower_.split("-")
    if len(parts) > 1:
        return next((lx.RANK_WORDS[p] for p in parts if lx.RANK_WORDS.get(p)), None)
    return None


def find_rank(trigger: Trigger, sent: Span) -> int | None:
    """Rank from "main/largest/second" on the trigger, or "ranks second in", "the second position regarding"."""
    t = trigger.token
    # "Britain was Russia's leading partner in terms of investments": the rank of what the subject is
    named = designation_in_respect(t)
    ranked = [named, *named.conjuncts] if named is not None else [t]
    modifiers = [c for r in ranked for c in r.children if c.dep_ in ("amod", "advmod", "compound", "nummod",
                                                                     "npadvmod", "nmod")]
    if t.dep_ == "conj":
        modifiers += [c for c in t.head.children if c.dep_ in ("amod", "advmod")]
    for child in list(modifiers):
        modifiers.extend(c for c in child.children if c.dep_ in ("amod", "advmod", "compound", "npadvmod", "conj"))
    for child in modifiers:
        rank = _rank_word(child)
        # "second-largest" split into "second", "-", "largest": the ordinal counts
        if rank == 1 and child.i >= 2 and child.doc[child.i - 1].text in ("-", "–"):
            rank = _rank_word(child.doc[child.i - 2]) or rank
        if rank == 1:  # "second largest": the ordinal on the superlative counts
            rank = next((r for c in child.children if c.dep_ in ("advmod", "amod") and (r := _rank_word(c))), rank)
        if rank:
            return rank
    # A ranking verb or noun governing the trigger: "ranks second in investment",
    # "has the second position regarding investments".
    for ancestor in list(t.ancestors)[:4]:
        if lemma_of(ancestor) == "rank":
            for child in ancestor.children:
                if child.dep_ in ("advmod", "npadvmod", "attr", "dobj", "oprd") and (rank := _rank_word(child)):
                    return rank
        for child in ancestor.children:
            if lemma_of(child) in lx.RANK_CARRIERS and child.dep_ in ("dobj", "attr"):
                for word in child.children:
                    if rank := _rank_word(word):
                        return rank
    return None


def find_period(trigger: Trigger, sent: Span, date: dt.date | None, n_triggers: int) -> Period | None:
    lo, hi = (sent.start_char, sent.end_char) if n_triggers == 1 else _clause_span(trigger.token)
    base = sent.start_char
    for s, e, period in find_periods(sent.text, date):
        if lo <= s + base < hi:
            return period
    return None


def claim_speaker(sent: Span, trigger: Token, ctx: ArticleContext) -> Entity | None:
    """Who makes a claim: the speaker of its sentence or quotation; in remarks or a statement,
    what no one else is quoted or reported saying is the byline's."""
    speaker, found = ctx.speakers.speaker_of(sent, trigger)
    return speaker.entity if speaker is not None else (ctx.byline if found != "quotation" else None)


def evidence_of(sent: Span) -> Evidence:
    return Evidence(sent.text, sent.start_char, sent.end_char)


def clause_amount(trigger: Token, amounts: list[tuple[int, int, Amount]], doc: Doc) -> Amount | None:
    """Of several amounts, the one closest to the trigger's verb in the parse ("In 2016 trade
    increased by 4 percent to $66 billion, while this year it went up by $24.5 billion": $66
    billion, the figure of the trigger's own clause), when the parties name none of them."""
    verb = predicate_of(trigger)
    best: tuple[int, Amount] | None = None
    for start, end, amount in amounts:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        hops = next((n for n, node in enumerate([span.root, *span.root.ancestors]) if node == verb), None)
        if hops is not None and (best is None or hops < best[0]):
            best = (hops, amount)
    return best[1] if best is not None else None


def amount_for(party_token: Token, amounts: list[tuple[int, int, Amount]], doc: Doc) -> Amount | None:
    """The amount a party hangs from ("$17 million for Chad"): the nearest amount above it."""
    roots: dict[int, Amount] = {}
    for start, end, amount in amounts:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            roots.setdefault(span.root.i, amount)
    for ancestor in party_token.ancestors:
        if ancestor.i in roots:
            return roots[ancestor.i]
    return None
