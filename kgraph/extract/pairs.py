"""Pairs: from a trigger's parties to the (subject, object) pairs its claims are about.

`find_pairs` sends each trigger to its reading: a designation or a grant of money reads
its verb's frame (verb_frames.py), a directed relation its acting and receiving sides
(direction.py), a symmetric one the parties that take part alike (here). The parse gives
the pairs first; where it names one party or none, the fallbacks fill in, in order (the
speaker, the sentence's one other party, the article's main pair), and the claim says
how: `how` is written into its rule ("verb-meeting/speaker-attends") and a pair not read
off the parse makes the claim `implied`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from ..model import SYMMETRIC
from ..relations import MULTILATERAL, Relation
from . import lexicon as lx
from .context import ArticleContext, Discourse, Pair, Party, Recent, Sentence, Side, unique_parties
from .direction import directed_pairs
from .nonparties import no_party
from .parties import Parties
from .roles import enclosing_phrase
from .syntax import SUBJECT_DEPS, edge_into, first_conjunct, heads_phrase, lemma_of, predicate_of, prep_between
from .triggers import Kind, Trigger
from .verb_frames import funding_pairs, listing_pairs

# How a claim's parties were found: straight from the parse, or filled in from context
# (the claim is then `implied` and its rule says how, e.g. "action-aid_donor/carried").
FROM_PARSE = frozenset({"parse", "multilateral", "coordination", "mutual", "imports"})
# Parties guessed from the rest of the sentence or from who reports it: they stand for what is
# told as done. Beside a plan, a condition or a denial the country guessed is mostly the plan's
# proposer, its host or a country named for another reason, so such claims are not made unless
# the country is named in the act's own phrase ("renewed an aid offer to X").
GUESSES_OF_FACT = frozenset({"sentence-party", "pair-reported"})


def is_symmetric(trigger: Trigger) -> bool:
    """Whether a trigger's claims are read as symmetric: its relation is, and it is no arms
    deal ("sold jets to": supplier -> buyer) nor an export or import (seller -> buyer)."""
    return trigger.relation in SYMMETRIC and trigger.kind != Kind.ARMS and not (
        trigger.relation == Relation.TRADE_PARTNER and lemma_of(trigger.token) in ("export", "import"))


def find_pairs(trigger: Trigger, parties: Parties, sentence: Sentence, ctx: ArticleContext,
               discourse: Discourse) -> tuple[list[Pair], str]:
    """The (subject, object) pairs of a trigger's claims, and how they were found."""
    if trigger.kind in (Kind.LISTING, Kind.DELISTING):
        return listing_pairs(trigger, sentence.span, ctx)
    if trigger.kind == Kind.FUNDING:
        return funding_pairs(trigger, sentence.span, ctx)
    symmetric = is_symmetric(trigger)
    if symmetric:
        pairs, how = symmetric_pairs(trigger, parties, sentence, ctx)
    else:
        pairs, how = directed_pairs(trigger, parties, sentence, ctx, discourse)
    if not pairs and not parties.ahead:
        recent = discourse.last_shared(trigger.relation) if symmetric else discourse.last(trigger.relation)
        pairs, how = topic_continued(trigger, sentence, ctx, recent)
    return pairs, how


@dataclass(frozen=True, slots=True)
class Sides:
    """A symmetric trigger's parties as the pair rules read them.

    `everyone` is every party that takes part; `actors`, for a relational noun heading a
    subject that acts ("NATO allies send jets"), the token indexes of that subject.
    """

    agents: list[Side]
    others: list[Side]
    co: list[Side]
    everyone: list[Side]
    subjects: list[Side]
    mods: list[Side]
    actors: set[int] | None


def symmetric_pairs(trigger: Trigger, parties: Parties, sentence: Sentence,
                    ctx: ArticleContext) -> tuple[list[Pair], str]:
    """Pairs for a symmetric relation: parse first, then the fallbacks in order."""
    named_pair = _pair_named_before(trigger.token, ctx) if trigger.kind == Kind.ACTION and any(
        t.pos_ in ("VERB", "AUX") for t in sentence.span) else []  # (not a bare title: "- X–Y tensions")
    if named_pair:
        return [(named_pair[0], named_pair[1])], "parse"  # "potential Iran-U.S. talks hosted by X"
    sides = symmetric_sides(trigger, parties)
    pairs, how = _parse_pairs(trigger, sides)
    pairs = [pair for pair in pairs if not _within_a_group(pair, trigger, ctx)]
    if pairs:
        return pairs, how
    for fallback in SYMMETRIC_FALLBACKS:
        found = fallback(trigger, sides, sentence, ctx)
        if found is not None:
            return found
    return [], ""


def symmetric_sides(trigger: Trigger, parties: Parties) -> Sides:
    """The parties of a symmetric trigger that take part, by role."""
    agents: list[Side] = unique_parties(parties.agents)
    others: list[Side] = unique_parties(parties.others + parties.sources)
    co: list[Side] = unique_parties(parties.co_parties)
    actors = _acting_phrase(trigger.token) if trigger.kind == Kind.RELATIONAL else None
    if actors is not None:
        # "NATO allies send jets after Z's drones": the allies act; the tie is among
        # the parties of their own phrase, not with what they act on.
        agents, others, co = ([p for p in group if p[1] is not None and p[1].i in actors]
                              for group in (agents, others, co))
    named = [p for p in co if p[1] is not None and prep_between(p[1], trigger.token, lx.LIST_PREPS)]
    if len(named) >= 2:
        # "agreements reached between X and Y", "hosted talks among X, Y and Z": the parties are
        # listed; the clause's subject is none of them
        agents, others, co = [], [], named
    everyone = unique_parties(agents + others + co)
    if trigger.relation == Relation.MEETING and lemma_of(trigger.token) in lx.TRAVEL_WORDS:
        # "travelled to A, B and C": the places visited do not meet; travellers to one place do.
        # Whom the traveller meets there is not on the trip ("met X during a trip to Y").
        if others:
            co = [p for p in co if p[1] is not None and p[1] in trigger.token.subtree]
        everyone = unique_parties(agents + co + (others if len(others) == 1 else []))
    return Sides(agents, others, co, everyone, unique_parties(parties.subjects), unique_parties(parties.mods),
                 actors)


def _parse_pairs(trigger: Trigger, sides: Sides) -> tuple[list[Pair], str]:
    """The pairs the parse gives a symmetric trigger (without a party paired with itself)."""
    relation, agents, others, co, everyone = trigger.relation, sides.agents, sides.others, sides.co, sides.everyone
    rest = [p for p in everyone if p[0].id not in {s[0].id for s in sides.subjects}]
    pairs: list[Pair]
    if (relation == Relation.AGREEMENT or relation == Relation.MEETING
            and lemma_of(trigger.token) in lx.SEPARATE_MEETINGS) and _plural_deals(trigger.token) \
            and sides.subjects and len(rest) >= 2 and not any(
            p[1] is not None and prep_between(p[1], trigger.token, lx.LIST_PREPS) for p in rest):
        # "X announces trade agreements with A, B and C": a deal with each, none among them (but
        # "agreements between A and B" are theirs)
        pairs, how = [(a, b) for a in sides.subjects for b in rest], "parse"
    elif relation in MULTILATERAL and len(everyone) >= 3:
        pairs, how = _all_pairs(everyone), "multilateral"  # one claim per pair of three or more parties
    elif agents and (others or co):
        pairs, how = [(a, b) for a in agents for b in others + co], "parse"
    elif others and co:
        pairs, how = [(a, b) for a in others for b in co], "parse"
    else:
        # "X and Y signed", "talks between X and Y", "the U.S.-Egypt partnership"
        # ("X and Y condemned the attack" makes X and Y co-critics, not disputants)
        mutual = not (relation == Relation.DISPUTE and trigger.kind == Kind.VERB) or _reciprocal(trigger.token)
        group = next((g for g in (agents if mutual else [], co, sides.mods) if len(g) >= 2), [])
        pairs, how = _all_pairs(group), "coordination"
    return [(a, b) for a, b in pairs if a[0].id != b[0].id], how


# -- fallbacks: where the parse pairs no one -----------------------------------------------

# A fallback: (trigger, its sides, sentence, article) -> (pairs, how), or None to try the next.
Fallback = Callable[[Trigger, Sides, Sentence, ArticleContext], tuple[list[Pair], str] | None]


def antecedent_target(trigger: Trigger, sides: Sides, sentence: Sentence,
                      ctx: ArticleContext) -> tuple[list[Pair], str] | None:
    """"the policy of X, which Y criticised": the relative pronoun stands for X's act."""
    if trigger.relation != Relation.DISPUTE or not sides.agents or sides.others or sides.co:
        return None
    agent_ids = {a[0].id for a in sides.agents}
    targets = [p for p in _antecedent_parties(trigger.token, ctx) if p[0].id not in agent_ids]
    return ([(a, b) for a in sides.agents for b in targets], "antecedent") if targets else None


def speaker_attends(trigger: Trigger, sides: Sides, sentence: Sentence,
                    ctx: ArticleContext) -> tuple[list[Pair], str] | None:
    """"..., Rahmon said at a meeting with Putin": the one who speaks attended; in a government's
    own release or remarks, "consultations with the Chinese government have intensified": the
    government whose words they are. (Not "after talks between X and Y"; who mediates "talks
    between X and Y" is not at the table; a group known only as a speaker, "the Naxalites state
    ...", is no state at talks.)"""
    token, sent = trigger.token, sentence.span
    # ("a pleasure to be back in Nairobi": the host is where the one who speaks is)
    met = sides.co or (sides.others if lemma_of(token) == "be" and not sides.agents else [])
    if trigger.relation != Relation.MEETING or not met or enclosing_phrase(token, trigger.relation) is not None \
            or (token.dep_ == "dobj" and lemma_of(token.head) in lx.GO_BETWEEN_VERBS):
        return None
    speaker = ctx.speakers.adjacent_speaker(sent, None) or ctx.speakers.speaker_of(sent, token)[0]
    party = ctx.as_party(speaker.entity) if speaker is not None else None
    how = "speaker-attends"
    if speaker is None and (voice := ctx.referents.voice_at(token)) is not None:
        party, how = voice.entity, f"{voice.resolution}-attends"
    if party is None or party.id in {c[0].id for c in met} or not (
            party.type == "Country" or party.id in ctx.gaz.organizations):
        return None
    return [((party, None), c) for c in met], how


def critic_speaks(trigger: Trigger, sides: Sides, sentence: Sentence,
                  ctx: ArticleContext) -> tuple[list[Pair], str] | None:
    """"The Administration continues to urge China to stop its unfair practices", in the U.S.
    Trade Representative's statement: conduct called wrong, whose owner is the one party named,
    is disputed by the one who calls it so, the sentence's speaker."""
    if trigger.relation != Relation.DISPUTE or lemma_of(trigger.token) not in lx.CONDUCT_NOUNS \
            or len(sides.everyone) != 1:
        return None
    speaker, _ = ctx.speakers.speaker_of(sentence.span, trigger.token)
    party = ctx.speaker_party(speaker) if speaker is not None else None
    owner = sides.everyone[0]
    if party is None or party.id == owner[0].id or party.type != "Country":
        return None
    return [((party, None), owner)], "speaker-criticises"


def other_in_sentence(trigger: Trigger, sides: Sides, sentence: Sentence,
                      ctx: ArticleContext) -> tuple[list[Pair], str] | None:
    """"X is not only a neighbour but also an ally, this is how we regard X": a relational noun
    said of one country pairs it with the sentence's one other party (not "attacks on U.S.
    allies", which names no second party)."""
    everyone = sides.everyone
    if trigger.kind != Kind.RELATIONAL or len(everyone) != 1 or trigger.token.dep_ in ("pobj", "dobj") \
            or sides.actors is not None:
        return None
    rest = [p for p in unique_parties(ctx.parties_in(sentence.span)) if p[0].id != everyone[0][0].id
            and not no_party(p[1], trigger, ctx)]
    return ([(everyone[0], rest[0])], "sentence-party") if len(rest) == 1 else None


def pair_reported(trigger: Trigger, sides: Sides, sentence: Sentence,
                  ctx: ArticleContext) -> tuple[list[Pair], str] | None:
    """"a roadmap has been established", reported by one of the article's pair: the pair's."""
    if ctx.pair is None or sides.everyone or trigger.relation != Relation.AGREEMENT:
        return None
    speaker, _ = ctx.speakers.speaker_of(sentence.span, trigger.token)
    party = ctx.as_party(speaker.entity) if speaker is not None else None
    if party is None or party.id not in (ctx.pair[0].id, ctx.pair[1].id):
        return None
    return [((ctx.pair[0], None), (ctx.pair[1], None))], "pair-reported"


def article_pair(trigger: Trigger, sides: Sides, sentence: Sentence,
                 ctx: ArticleContext) -> tuple[list[Pair], str] | None:
    """"bilateral trade rose", "the two countries signed", "our cooperation" (a speaker of the
    pair, in a bilateral talk): the article's main pair, or its other party beside one named."""
    sent, pair = sentence.span, ctx.pair
    if pair is None or not (ctx.pair_mentioned(sent) or (ctx.bilateral_voice(sent) and (
            trigger.kind == Kind.RELATIONAL or trigger.relation == Relation.MEETING))):
        return None
    one = (sides.agents or sides.others or sides.co)[:1]
    if not one:
        return [((pair[0], None), (pair[1], None))], "article-pair"
    if one[0][0].id not in (pair[0].id, pair[1].id):
        return None
    other = pair[1] if one[0][0].id == pair[0].id else pair[0]
    return [(one[0], (other, None))], "article-pair"


def inclusive_we(trigger: Trigger, sides: Sides, sentence: Sentence,
                 ctx: ArticleContext) -> tuple[list[Pair], str] | None:
    """The inclusive "we" of bilateral talks: "we have signed an agreement", "we met", said by
    one of the article's pair with no other party named, did it with the other (the addressee).
    Not "we signed the Paris Agreement" (a named treaty has parties of its own) nor "we will
    meet with industry representatives" (the other side is named)."""
    agents = sides.agents
    if sides.others or sides.co or len(agents) != 1 or agents[0][1] is None or agents[0][1].lower_ != "we":
        return None
    deal = trigger.token
    if deal.pos_ == "VERB":
        deal = next((c for c in deal.children if c.dep_ in ("dobj", "nsubjpass")), deal)
    if deal.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in deal.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ in lx.CO_PARTY_PREPS for c in trigger.token.children):
        return None
    speaking = ctx.referents.speaking_party(agents[0][1])
    other = ctx.referents.inclusive(speaking) if speaking is not None else None
    return ([(agents[0], (other.entity, None))], "inclusive") if other is not None else None


def topic_continued(trigger: Trigger, sentence: Sentence, ctx: ArticleContext,
                    recent: Recent | None) -> tuple[list[Pair], str]:
    """"Trade between Russia and China continued to grow. In 2016 trade increased by 4 percent to
    $66 billion", "Britain was Russia's leading partner in terms of investments. I think they
    reached almost $40 billion, although investment in the real economy remains modest": the
    relation's noun in a sentence that names no party (but "I", one of the pair speaking),
    right after a sentence whose claim of the relation (`recent`) named its pair, goes on about
    that pair's (not "global trade", nor a sentence that names anyone else)."""
    token = trigger.token
    if recent is None or recent.object is None or sentence.number - recent.sentence != 1 \
            or token.pos_ not in ("NOUN", "PROPN") \
            or any(p[1].pos_ != "PRON" or p[0].id not in (recent.subject.id, recent.object.id)
                   for p in ctx.parties_in(sentence.span)) \
            or any(c.dep_ == "amod" and lemma_of(c) in lx.SCOPE_WORDS for c in token.children) \
            or any(t.lower_ in ("other", "another") and t.head.pos_ == "NOUN" and t.head.lower_ not in ("%", "percent")
                   for t in predicate_of(token).subtree):
        return [], ""  # ("restrictions on citizens from 15 other countries": not the pair's)
    return [((recent.subject, None), (recent.object, None))], "carried"


# The fallbacks of a symmetric trigger, tried in order where the parse pairs no one.
SYMMETRIC_FALLBACKS: tuple[Fallback, ...] = (antecedent_target, speaker_attends, critic_speaks, other_in_sentence,
                                             pair_reported, inclusive_we, article_pair)


def _within_a_group(pair: Pair, trigger: Trigger, ctx: ArticleContext) -> bool:
    """Whether both sides of a pair are members of one group noun ("the EU and Central Asian
    leaders agreed a strategic partnership": the group is one side, its members are not
    partners of one another), for a relation that is not one of several parties alike
    (a meeting of the group's members is a meeting of each pair)."""
    (_, first), (_, second) = pair
    return first is not None and first is second and trigger.relation not in MULTILATERAL \
        and ctx.resolution_at(first) == "group"


def _all_pairs(group: Sequence[Side]) -> list[Pair]:
    return [(group[i], group[j]) for i in range(len(group)) for j in range(i + 1, len(group))]


def _plural_deals(trigger: Token) -> bool:
    """"agreements", "signed deals": several deals, not one."""
    return trigger.tag_ == "NNS" or any(c.dep_ == "dobj" and c.tag_ == "NNS" for c in trigger.children)


def _acting_phrase(noun: Token) -> set[int] | None:
    """Token indexes of the subject phrase a relational noun heads or is coordinated in, when
    that phrase does something ("Germany and other NATO allies lifted ..."); None when the
    noun is predicated of someone ("X is an ally of Y") or is not a subject."""
    top = first_conjunct(noun)
    if top.dep_ not in ("nsubj", "nsubjpass") or lemma_of(top.head) in lx.COPULAS:
        return None
    return {t.i for t in top.subtree}


def _pair_named_before(trigger: Token, ctx: ArticleContext) -> list[Party]:
    """The two parties a hyphenated pair names just before the trigger ("Iran–U.S. talks",
    "the EU-US trade deal"), else []: the relation is theirs, whoever else the sentence names."""
    doc = trigger.doc
    i = trigger.i - 1
    while i > trigger.i - 3 and i >= 0 and doc[i].is_lower and doc[i].i not in ctx.index:
        i -= 1  # "trade", "peace", "nuclear"
    found: list[Party] = []
    for side in ("second", "first"):
        mention = ctx.index.get(i) if i >= 0 else None
        party = ctx.party_at(doc[i]) if mention is not None else None
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand") if mention else None
        if party is None or span is None:
            return []
        found.insert(0, (party[0], doc[i]))
        i = span.start - 1
        if side == "second":  # "Iran–U.S.": a dash with no space either side before the second name
            if i < 1 or doc[i].text not in lx.DASHES or doc[i].whitespace_ or doc[i - 1].whitespace_:
                return []
            i -= 1
    return found if found[0][0].id != found[1][0].id else []


def _reciprocal(verb: Token) -> bool:
    """"blame each other", "accused one another": the verb's subjects act on each other."""
    return any(c.lower_ in ("other", "another") and any(g.lower_ in ("each", "one") for g in c.children)
               for c in verb.subtree)


def _antecedent_parties(verb: Token, ctx: ArticleContext) -> list[Party]:
    """Who a relative clause's object pronoun points at: in "X's policy, which Y condemned" or
    "X maintained a policy which Y condemned", X (named in the antecedent, else its clause's subject)."""
    relative = [c for c in verb.children if c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubj")]
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c not in relative]
    # the parser may label a fronted object "which" a subject; a second subject shows it is not
    if verb.dep_ != "relcl" or not relative or (relative[0].dep_ == "nsubj" and not subjects):
        return []
    antecedent = verb.head
    parties = ctx.parties_in(verb.sent)
    clause = set(t.i for t in verb.subtree)
    inside = [p for p in parties if p[1].i not in clause and edge_into(p[1], antecedent) is not None]
    if inside:
        return unique_parties(inside)
    node = antecedent
    while node.dep_ in ("dobj", "pobj", "prep", "pcomp", "attr") and node.head != node:
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
    return unique_parties(p for p in parties if any(p[1] == s or edge_into(p[1], s) is not None and heads_phrase(p[1], s)
                                             for s in subjects))
