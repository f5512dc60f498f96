"""Directed pairs: who acts on whom for a directed relation (giver -> receiver, imposer -> target).

The parse's roles give the sides (`directed_sides`): the agent acts on the other party,
unless the trigger's row reverses it ("imports", "hosts"), its verb's subject receives
("secured Chinese investment"), or only a source is named ("aid from X"). Where the
parse names one side only, the giver of the article's last claim of the relation
(`Discourse`) or the sentence's one other country fills in the other.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..relations import Relation
from . import lexicon as lx
from .context import ArticleContext, Discourse, Pair, Party, Sentence, Side, cross_pairs, unique_parties
from .nonparties import in_relative_clause, modifies_other_trigger, no_party
from .parties import Parties
from .roles import enclosing_phrase
from .syntax import acted_on, edge_into, has_subject, lemma_of, predicate_of
from .triggers import Kind, Trigger


def directed_pairs(trigger: Trigger, parties: Parties, sentence: Sentence, ctx: ArticleContext,
                   discourse: Discourse) -> tuple[list[Pair], str]:
    """(agent, other) pairs for a directed relation, and how they were found."""
    relation = trigger.relation
    if relation in (Relation.TARIFF, Relation.SANCTION) and not parties.agents:
        # "a 15% tariff on U.S. imports from Korea": the importing country levies it
        levied = _importer_pairs(trigger.token, ctx.parties_in(sentence.span))
        if levied:
            return levied, "imports"
    agents, others = directed_sides(trigger, parties)
    how = "parse"
    if others and not agents:
        carried = _carried_giver(trigger, others, sentence, discourse)
        if carried:
            agents, how = carried, "carried"
    if agents and not others:
        similar = _carried_target(trigger, agents, sentence, discourse)
        if similar:
            others, how = similar, "carried"
    if agents and not others:
        guessed = _target_in_sentence(trigger, agents, parties, sentence, ctx)
        if guessed:
            others, how = guessed, "sentence-party"
    pairs = cross_pairs(agents, others)
    if pairs:
        return pairs, how
    mutual = _mutual_pairs(trigger, parties, agents)
    return (mutual, "mutual") if mutual else ([], "")


def directed_sides(trigger: Trigger, parties: Parties) -> tuple[list[Side], list[Side]]:
    """The acting side and the side acted on, from the parties' roles.

    "from X" names the giver; after "import", "buy", "host" (the row's `reverse`) the
    object acts on the subject; a verb of receiving ("received", "secured") makes its
    subject the receiver and the trigger's modifier the giver.
    """
    agents: list[Side] = unique_parties(parties.agents)
    others: list[Side] = unique_parties(parties.others + parties.co_parties)
    sources: list[Side] = unique_parties(parties.sources)
    if trigger.reversed:
        agents, others = unique_parties(sources + others), agents
    elif _receiving(trigger.token):
        # "Venezuela secured Chinese investment": the subject receives, the modifier gives
        subject_ids = {e.id for e, _ in parties.subjects}
        givers = unique_parties(sources + [a for a in agents if a[0].id not in subject_ids])
        agents, others = givers, unique_parties(parties.subjects + others)
    elif sources and not agents:
        agents = sources
    if trigger.kind == Kind.ACTION and not trigger.reversed:
        # "France cites threats such as Russia's war on Ukraine": the act's own possessor or
        # adjective says whose it is; the clause's subject is not a second doer
        own = {e.id for e, _ in parties.mods}
        if any(a[0].id in own for a in agents):
            subject_ids = {e.id for e, _ in parties.subjects} - own
            agents = [a for a in agents if a[0].id not in subject_ids]
    return agents, others


def _receiving(trigger: Token) -> bool:
    """Whether the trigger is what its verb's subject receives ("Sudan received aid from Egypt")."""
    p = predicate_of(trigger)
    edge = edge_into(trigger, p)
    return lemma_of(p) in lx.RECEIVE_VERBS and edge is not None and edge.dep_ in ("dobj", "attr")


def _carried_giver(trigger: Trigger, others: list[Side], sentence: Sentence,
                   discourse: Discourse) -> list[Side]:
    """"The new funding includes $8 million for Chad": the giver of the relation's last claim,
    made at most two sentences before (not into a phrase of circumstance: "after the attack on
    X" is no attack by the giver)."""
    recent = discourse.last(trigger.relation)
    if recent is None or sentence.number - recent.sentence > 2 or enclosing_phrase(trigger.token, trigger.relation) \
            is not None or recent.subject.id in {o[0].id for o in others}:
        return []
    return [(recent.subject, None)]


# How many sentences back "similar sanctions" may point to the sanctions it is like.
SAMENESS_REACH = 6


def _carried_target(trigger: Trigger, agents: list[Side], sentence: Sentence, discourse: Discourse) -> list[Side]:
    """"Similar sanctions were imposed by Canada", "the same tariffs": a measure said to be like
    the one reported before is on the same target, the one of the relation's last claim (made
    at most SAMENESS_REACH sentences before: the word points back further than a bare noun)."""
    if not any(lemma_of(c) in lx.SAMENESS_WORDS for c in trigger.token.children if c.dep_ in ("amod", "det")):
        return []
    recent = discourse.last(trigger.relation)
    if recent is None or recent.object is None or sentence.number - recent.sentence > SAMENESS_REACH \
            or recent.object.id in {a[0].id for a in agents}:
        return []
    return [(recent.object, None)]


def _target_in_sentence(trigger: Trigger, agents: list[Side], parties: Parties, sentence: Sentence,
                        ctx: ArticleContext) -> list[Side]:
    """"Russia ... ranks second in investment": the sentence's one other country, where the parse
    names the agent only. (Several coordinated agents only outside conflict, where the rest is
    often a bystander; not for a war named by where it is fought, "the Iran war", nor for a
    measure aimed at a person; a target guessed this way is a country: "UNICEF reports ... the
    Israeli blockade" is no blockade of UNICEF.)"""
    token, relation = trigger.token, trigger.relation
    if (len(agents) > 1 and relation == Relation.CONFLICT) or trigger.kind not in (Kind.RELATIONAL, Kind.ACTION) \
            or _names_theatre(token, sentence.span, ctx) or _aimed_at_holder(token, ctx) \
            or _placed_elsewhere(token):
        return []
    agent_ids = {a[0].id for a in agents}
    rest: list[Side] = [p for p in unique_parties(ctx.parties_in(sentence.span)) if p[0].id not in agent_ids
            and p not in parties.ahead + parties.citers and not modifies_other_trigger(p[1], token, sentence)
            and not no_party(p[1], trigger, ctx) and not in_relative_clause(p[1], token)]
    if relation in (Relation.SANCTION, Relation.TARIFF) and _stated_target(token) is not None:
        # "Y asks X to end its blockade of the strait": the target is named, if not as a state,
        # and Y is not it; a state named in the measure's own phrase may be ("a ban on goods
        # from Israeli settlements")
        named = _named_in_measure(token, ctx)
        rest = [p for p in rest if p[0].id in named]
    if len(rest) == 1 and rest[0][0].type == "Country" and not (
            relation == Relation.CONFLICT and any(a[0].type != "Country" for a in agents)):
        return rest
    return []


def _named_in_measure(measure: Token, ctx: ArticleContext) -> set[str]:
    """The parties named in a measure's own phrase ("imposed tariffs on cars from China": the
    "from" may hang on the verb)."""
    phrase = list(measure.subtree)
    if measure.dep_ == "dobj":
        phrase += [t for c in measure.head.children if c.dep_ == "prep" and c.lower_ == "from" for t in c.subtree]
    return {party.id for t in phrase if (m := ctx.index.get(t.i)) is not None
            and (party := ctx.as_party(m.entity)) is not None}


def _mutual_pairs(trigger: Trigger, parties: Parties, agents: list[Side]) -> list[Pair]:
    """"X and Y exchanged fire", "X and Y clashed", "clashes between X and Y" (with no agent):
    each against the other."""
    subjects = unique_parties(parties.subjects)
    co = unique_parties(parties.co_parties)
    token, relation = trigger.token, trigger.relation
    if len(subjects) >= 2 and ((relation == Relation.CONFLICT and lemma_of(token) in lx.MUTUAL_CONFLICTS)
                               or lemma_of(predicate_of(token)) in lx.MUTUAL_VERBS) and _own_act(token):
        return cross_pairs(subjects, subjects)
    if relation == Relation.CONFLICT and len(co) >= 2 and not agents:
        return cross_pairs(co, co)
    return []


def _own_act(trigger: Token) -> bool:
    """The trigger is what its clause does: the verb itself or its object ("fought a war",
    "exchanged fire"), not something further down ("a peace plan for the war", "talks aimed
    at ending the war", whose verb has no subject of its own)."""
    predicate = predicate_of(trigger)
    return (trigger == predicate or (trigger.head == predicate and trigger.dep_ in ("dobj", "attr"))) \
        and has_subject(predicate)


def _stated_target(trigger: Token) -> Token | None:
    """What a measure is said to be on, when it is named ("a blockade of the strait", "sanctions
    on two brothers", "restrictions for the team"); None when it is not, or is a word standing
    for a state ("a blockade of the island")."""
    for obj in acted_on(trigger, lx.TARGET_PREPS):
        if obj.like_num or lemma_of(obj) in ("%", "percent") or any(c.like_num for c in obj.children):
            continue  # "tariffs of 38%": a rate, not a target
        if lemma_of(obj) not in lx.STATE_WORDS and not any(
                c.dep_ in ("det", "amod", "predet") and c.lower_ in ("such", "these", "those", "same")
                for c in obj.children):
            return obj  # (not "sanctions on such shipments": those of a state named before)
    return None


def _names_theatre(trigger: Token, sent: Span, ctx: ArticleContext) -> bool:
    """"the Iran war", "the Gaza war": a war named by where it is fought."""
    return lemma_of(trigger) == "war" and (any(h.head == trigger and h.dep_ != "poss" for _, h in ctx.parties_in(sent))
                                         or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in trigger.children))


def _placed_elsewhere(trigger: Token) -> bool:
    """"Iranian attacks in the region", "strikes across the wider region": the act is placed in
    an unnamed region, not in the sentence's other country, which is then no guessed target
    (a named place, "in the Godey area of Lower Shabelle", may well be in it)."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout") and any(
        g.dep_ == "pobj" and lemma_of(g) in lx.REGION_NOUNS
        and not any(m.dep_ in ("compound", "prep", "poss") or m.pos_ == "PROPN" for m in g.children)
        for g in c.children) for c in trigger.children)


def _aimed_at_holder(trigger: Token, ctx: ArticleContext) -> bool:
    """"sanctions on [a person]", "tariffs on buyers of ...", "opened fire on civilians": the
    target is named, and is no state (the act's own phrase, or its verb's when it is the object:
    "open fire on", "launch strikes at")."""
    heads = [trigger, trigger.head] if trigger.dep_ == "dobj" else [trigger]
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against", "at") and any(
        g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or lemma_of(g) in lx.HOLDER_NOUNS | lx.CIVILIAN_NOUNS)
        and g.i not in ctx.index for g in c.children) for head in heads for c in head.children)


def _importer_pairs(trigger: Token, parties: list[Party]) -> list[Pair]:
    """(importer, exporter) for a duty "on X imports from Y" or "on X's imports of Y goods"."""
    imports = [n for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "on"
               for n in prep.children if n.dep_ == "pobj" and lemma_of(n) == "import"]
    if not imports:
        return []
    noun = imports[0]
    importers = [p for p in parties if p[1].head == noun and p[1].dep_ in ("compound", "amod", "poss", "nmod")]
    # the parser hangs "from Brazil" on the noun or on the duty itself
    exporters = [p for p in parties if p[1].dep_ == "pobj" and p[1].head.lower_ == "from"
                 and p[1].head.head in (noun, trigger)]
    return cross_pairs(unique_parties(importers), unique_parties(exporters))
