"""Pairs: from the parties' roles to the (subject, object) pairs a trigger's claims are about.

The parse gives the pairs first; where it names one party or none, the speaker, the
sentence's one other party or the article's main pair fill in, and the claim says how
(`how`, written into its rule, e.g. "action-aid_donor/carried").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Entity
from ..relations import MULTILATERAL
from . import lexicon as lx
from .context import ArticleContext, Discourse, Sentence, unique_parties
from .nonparties import in_relative_clause, modifies_other_trigger, no_party
from .parties import Parties
from .roles import enclosing_phrase
from .syntax import SUBJECT_DEPS, acted_on, edge_into, has_subject, heads_phrase, lemma_of, predicate_of, prep_between
from .triggers import Trigger


def _own_act(trigger: Token) -> bool:
    """The trigger is what its clause does: the verb itself or its object ("fought a war",
    "exchanged fire"), not something further down ("a peace plan for the war", "talks aimed
    at ending the war", whose verb has no subject of its own)."""
    predicate = predicate_of(trigger)
    return (trigger == predicate or (trigger.head == predicate and trigger.dep_ in ("dobj", "attr"))) \
        and has_subject(predicate)


def _reciprocal(verb: Token) -> bool:
    """"blame each other", "accused one another": the verb's subjects act on each other."""
    return any(c.lower_ in ("other", "another") and any(g.lower_ in ("each", "one") for g in c.children)
               for c in verb.subtree)


def _receiving(trigger: Token) -> bool:
    """Whether the trigger is what its verb's subject receives ("Sudan received aid from Egypt")."""
    p = predicate_of(trigger)
    return lemma_of(p) in lx.RECEIVE_VERBS and edge_into(trigger, p) is not None and \
        edge_into(trigger, p).dep_ in ("dobj", "attr")


Pair = tuple[tuple[Entity, Token | None], tuple[Entity, Token | None]]


# How a claim's parties were found: straight from the parse, or filled in from context
# (the claim is then `implied` and its rule says how, e.g. "action-aid_donor/carried").
FROM_PARSE = frozenset({"parse", "multilateral", "coordination", "mutual", "imports"})


# Parties guessed from the rest of the sentence or from who reports it: they stand for what is
# told as done. Beside a plan, a condition or a denial the country guessed is mostly the plan's
# proposer, its host or a country named for another reason, so such claims are not made unless
# the country is named in the act's own phrase ("renewed an aid offer to X").
GUESSES_OF_FACT = frozenset({"sentence-party", "pair-reported"})


def _all_pairs(group: list[tuple[Entity, Token]]) -> list[Pair]:
    return [(group[i], group[j]) for i in range(len(group)) for j in range(i + 1, len(group))]


def _plural_deals(trigger: Token) -> bool:
    """"agreements", "signed deals": several deals, not one."""
    return trigger.tag_ == "NNS" or any(c.dep_ == "dobj" and c.tag_ == "NNS" for c in trigger.children)


def _acting_phrase(noun: Token) -> set[int] | None:
    """Token indexes of the subject phrase a relational noun heads or is coordinated in, when
    that phrase does something ("Germany and other NATO allies lifted ..."); None when the
    noun is predicated of someone ("X is an ally of Y") or is not a subject."""
    top = noun
    while top.dep_ == "conj" and top.head != top:
        top = top.head
    if top.dep_ not in ("nsubj", "nsubjpass") or lemma_of(top.head) in ("be", "remain", "become", "stay"):
        return None
    return {t.i for t in top.subtree}


def _pair_named_before(trigger: Token, ctx: ArticleContext) -> list[tuple[Entity, Token]]:
    """The two parties a hyphenated pair names just before the trigger ("Iran–U.S. talks",
    "the EU-US trade deal"), else []: the relation is theirs, whoever else the sentence names."""
    doc = trigger.doc
    i = trigger.i - 1
    while i > trigger.i - 3 and i >= 0 and doc[i].is_lower and doc[i].i not in ctx.index:
        i -= 1  # "trade", "peace", "nuclear"
    found: list[tuple[Entity, Token]] = []
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


def symmetric_pairs(trigger: Trigger, parties: Parties, sentence: Sentence,
                    ctx: ArticleContext) -> tuple[list[Pair], str]:
    """Pairs for a symmetric relation: parse first, then the speaker, the sentence, the article's pair."""
    sent = sentence.span
    relation = trigger.relation
    agents = unique_parties(parties.agents)
    others = unique_parties(parties.others + parties.sources)
    co = unique_parties(parties.co_parties)
    actors = _acting_phrase(trigger.token) if trigger.kind == "relational" else None
    if actors is not None:
        # "NATO allies send jets after Z's drones": the allies act; the tie is among
        # the parties of their own phrase, not with what they act on.
        agents, others, co = ([p for p in group if p[1] is not None and p[1].i in actors]
                              for group in (agents, others, co))
    named_pair = _pair_named_before(trigger.token, ctx) if trigger.kind == "action" and any(
        t.pos_ in ("VERB", "AUX") for t in sent) else []  # (not a bare title: "- X–Y tensions")
    if named_pair:
        return [(named_pair[0], named_pair[1])], "parse"  # "potential Iran-U.S. talks hosted by X"
    named = [p for p in co if p[1] is not None and prep_between(p[1], trigger.token, lx.LIST_PREPS)]
    if len(named) >= 2:
        # "agreements reached between X and Y", "hosted talks among X, Y and Z": the parties are
        # listed; the clause's subject is none of them
        agents, others, co = [], [], named
    everyone = unique_parties(agents + others + co)
    if relation == "meeting" and lemma_of(trigger.token) in lx.TRAVEL_WORDS:
        # "travelled to A, B and C": the places visited do not meet; travellers to one place do.
        # Whom the traveller meets there is not on the trip ("met X during a trip to Y").
        if others:
            co = [p for p in co if p[1] is not None and p[1] in trigger.token.subtree]
        everyone = unique_parties(agents + co + (others if len(others) == 1 else []))
    subjects = unique_parties(parties.subjects)
    rest = [p for p in everyone if p[0].id not in {s[0].id for s in subjects}]
    if (relation == "agreement" or relation == "meeting" and lemma_of(trigger.token) in lx.SEPARATE_MEETINGS) and \
            _plural_deals(trigger.token) and subjects and len(rest) >= 2 and not any(
            prep_between(p[1], trigger.token, lx.LIST_PREPS) for p in rest):
        # "X announces trade agreements with A, B and C": a deal with each, none among them (but
        # "agreements between A and B" are theirs)
        pairs, how = [(a, b) for a in subjects for b in rest], "parse"
    elif relation in MULTILATERAL and len(everyone) >= 3:
        pairs, how = _all_pairs(everyone), "multilateral"  # one claim per pair of three or more parties
    elif agents and (others or co):
        pairs, how = [(a, b) for a in agents for b in others + co], "parse"
    elif others and co:
        pairs, how = [(a, b) for a in others for b in co], "parse"
    else:
        # "X and Y signed", "talks between X and Y", "the U.S.-Egypt partnership"
        # ("X and Y condemned the attack" makes X and Y co-critics, not disputants)
        doers = agents if not (relation == "dispute" and trigger.kind == "verb") or _reciprocal(trigger.token) else []
        group = next((g for g in (doers, co, unique_parties(parties.mods)) if len(g) >= 2), [])
        pairs, how = _all_pairs(group), "coordination"
    pairs = [(a, b) for a, b in pairs if a[0].id != b[0].id]
    if pairs:
        return pairs, how
    if relation == "dispute" and agents and not others and not co:
        # "the policy of X, which Y criticised": the relative pronoun stands for X's act.
        targets = [p for p in _antecedent_parties(trigger.token, ctx) if p[0].id not in {a[0].id for a in agents}]
        if targets:
            return [(a, b) for a in agents for b in targets], "antecedent"
    if relation == "meeting" and co and enclosing_phrase(trigger.token, relation) is None and not (
            trigger.token.dep_ == "dobj" and lemma_of(trigger.token.head) in lx.GO_BETWEEN_VERBS):
        # (who mediates "talks between X and Y" is not at the table with them)
        # "..., Rahmon said at a meeting with Putin": the one who speaks attended (not "after talks
        # between X and Y").
        speaker = ctx.speakers.adjacent_speaker(sent, None) or ctx.speakers.speaker_of(sent, trigger.token)[0]
        party = ctx.as_party(speaker.entity) if speaker is not None else None
        if party is not None and party.id not in {c[0].id for c in co} and (
                party.type == "Country" or party.id in ctx.gaz.organizations):
            # (a group known only as a speaker, "the Naxalites state ...", is no state at talks)
            return [((party, None), c) for c in co], "speaker-attends"
    if trigger.kind == "relational" and len(everyone) == 1 and trigger.token.dep_ not in ("pobj", "dobj") \
            and actors is None:
        # (said of a country, "X is an ally"; not "attacks on U.S. allies", which names no second party)
        # "X is not only a neighbour but also an ally, this is how we regard X": the one
        # other party of the sentence.
        rest = [p for p in unique_parties(ctx.parties_in(sent)) if p[0].id != everyone[0][0].id
                and not no_party(p[1], trigger, ctx)]
        if len(rest) == 1:
            return [(everyone[0], rest[0])], "sentence-party"
    if ctx.pair is None:
        return [], ""
    pair = ((ctx.pair[0], None), (ctx.pair[1], None))
    if not everyone and relation == "agreement":
        # "a roadmap has been established", reported by one of the article's pair: the pair's.
        speaker, _ = ctx.speakers.speaker_of(sent, trigger.token)
        party = ctx.as_party(speaker.entity) if speaker is not None else None
        if party is not None and party.id in (ctx.pair[0].id, ctx.pair[1].id):
            return [pair], "pair-reported"
    if ctx.pair_mentioned(sent) or (ctx.bilateral_voice(sent) and (trigger.kind == "relational"
                                                                     or relation == "meeting")):
        # "bilateral trade rose", "the two countries signed", "our cooperation" (in a bilateral talk)
        one = (agents or others or co)[:1]
        if not one:
            return [pair], "article-pair"
        if one[0][0].id in (ctx.pair[0].id, ctx.pair[1].id):
            other = ctx.pair[1] if one[0][0].id == ctx.pair[0].id else ctx.pair[0]
            return [(one[0], (other, None))], "article-pair"
    return [], ""


def directed_pairs(trigger: Trigger, parties: Parties, sentence: Sentence, ctx: ArticleContext,
                   discourse: Discourse) -> tuple[list[Pair], str]:
    """(agent, other) pairs for a directed relation: giver -> receiver, imposer -> target, ..."""
    sent = sentence.span
    relation = trigger.relation
    agents = unique_parties(parties.agents)
    others = unique_parties(parties.others + parties.co_parties)
    sources = unique_parties(parties.sources)
    if relation in ("tariff", "sanction") and not agents:
        # "a 15% tariff on U.S. imports from Korea": the importing country levies it
        levied = _importer_pairs(trigger.token, ctx.parties_in(sent))
        if levied:
            return levied, "imports"
    # "from X" names the giver; after "import", "buy", "receive" the subject takes.
    if trigger.reversed:
        agents, others = unique_parties(sources + others), agents
    elif _receiving(trigger.token):
        # "Venezuela secured Chinese investment": the subject receives, the modifier gives
        subject_ids = {e.id for e, _ in parties.subjects}
        givers = unique_parties(sources + [a for a in agents if a[0].id not in subject_ids])
        agents, others = givers, unique_parties(parties.subjects + others)
    elif sources and not agents:
        agents = sources
    if trigger.kind == "action" and not trigger.reversed:
        # "France cites threats such as Russia's war on Ukraine": the act's own possessor or
        # adjective says whose it is; the clause's subject is not a second doer
        own = {e.id for e, _ in parties.mods}
        if any(a[0].id in own for a in agents):
            subject_ids = {e.id for e, _ in parties.subjects} - own
            agents = [a for a in agents if a[0].id not in subject_ids]
    how = "parse"
    if others and not agents:
        # "The new funding includes $8 million for Chad": the giver named just before.
        recent = discourse.last(relation)
        # (not into a phrase of circumstance: "after the attack on X" is no attack by the giver)
        if recent is not None and sentence.number - recent.sentence <= 2 \
                and enclosing_phrase(trigger.token, relation) is None \
                and recent.subject.id not in {o[0].id for o in others}:
            agents, how = [(recent.subject, None)], "carried"
    # (several coordinated agents only outside conflict, where the rest is often a bystander)
    if agents and (len(agents) == 1 or relation != "conflict") and not others \
            and trigger.kind in ("relational", "action") and not _names_theatre(trigger.token, sent, ctx) \
            and not _aimed_at_holder(trigger.token, ctx):
        # "Russia ... ranks second in investment": the one other party of the sentence
        # ("the Iran war" names where a war is fought: the sentence's others are not its sides)
        # (a target guessed this way is a country: "UNICEF reports ... the Israeli blockade" is no
        # blockade of UNICEF)
        rest = [p for p in unique_parties(ctx.parties_in(sent)) if p[0].id not in {a[0].id for a in agents}
                and p not in parties.ahead + parties.citers and not modifies_other_trigger(p[1], trigger.token, sentence)
                and not no_party(p[1], trigger, ctx) and not in_relative_clause(p[1], trigger.token)]
        target = _stated_target(trigger.token) if relation in ("sanction", "tariff") else None
        if target is not None:
            # "Y asks X to end its blockade of the strait": the target is named, if not as a
            # state, and Y is not it; a state named in the measure's own phrase may be
            # ("a ban on goods from Israeli settlements")
            phrase = list(trigger.token.subtree)
            if trigger.token.dep_ == "dobj":  # "imposed tariffs on cars from China": "from" may hang on the verb
                phrase += [t for c in trigger.token.head.children if c.dep_ == "prep" and c.lower_ == "from"
                           for t in c.subtree]
            named = {party.id for t in phrase if (m := ctx.index.get(t.i)) is not None
                     and (party := ctx.as_party(m.entity)) is not None}
            rest = [p for p in rest if p[0].id in named]
        if len(rest) == 1 and rest[0][0].type == "Country" and not (
                relation == "conflict" and any(a[0].type != "Country" for a in agents)):
            others, how = rest, "sentence-party"
    pairs = [(a, o) for a in agents for o in others if a[0].id != o[0].id]
    if pairs:
        return pairs, how
    subjects = unique_parties(parties.subjects)
    co = unique_parties(parties.co_parties)
    if len(subjects) >= 2 and ((relation == "conflict" and lemma_of(trigger.token) in lx.MUTUAL_CONFLICTS)
                               or lemma_of(predicate_of(trigger.token)) in lx.MUTUAL_VERBS) \
            and _own_act(trigger.token):
        # "X and Y exchanged fire", "X and Y clashed": each against the other
        return [(a, b) for a in subjects for b in subjects if a[0].id != b[0].id], "mutual"
    if relation == "conflict" and len(co) >= 2 and not agents:
        return [(a, b) for a in co for b in co if a[0].id != b[0].id], "mutual"  # "clashes between X and Y"
    return [], ""


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


def _aimed_at_holder(trigger: Token, ctx: ArticleContext) -> bool:
    """"sanctions on [a person]", "tariffs on buyers of ...": the target is named, and is no state."""
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
        g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or lemma_of(g) in lx.HOLDER_NOUNS) and g.i not in ctx.index
        for g in c.children) for c in trigger.children)


def _importer_pairs(trigger: Token, parties: list[tuple[Entity, Token]]) -> list[Pair]:
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
    return [(a, b) for a in unique_parties(importers) for b in unique_parties(exporters) if a[0].id != b[0].id]


def listing_pairs(trigger: Trigger, sent: Span, ctx: ArticleContext) -> tuple[list[Pair], str]:
    """Who lists whom: the verb's subject (or passive agent) lists the country of what it adds.

    The target may be named by its firms or people ("two dozen Cuban entities", "U.S.
    companies"): a designation of a country's firms is a sanction on that country."""
    verb = trigger.token
    imposers: list[tuple[Entity, Token]] = []
    targets: list[tuple[Entity, Token]] = []
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
            if party is not None and token == ctx.mention_head(mention) and _names_listed(token, child):
                side.append((party, token))
    pairs = [(a, b) for a in unique_parties(imposers) for b in unique_parties(targets) if a[0].id != b[0].id]
    return pairs, "parse"


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
            return [(a, b) for a in unique_parties(sources) for b in unique_parties(takers) if a[0].id != b[0].id], "parse"
        speaker, _ = ctx.speakers.speaker_of(sent, verb)
        reporter = ctx.as_party(speaker.entity) if speaker is not None else None
        if reporter is None:
            return [], ""
        return [((reporter, None), b) for b in unique_parties(takers) if b[0].id != reporter.id], "reporter"
    pairs = [(a, b) for a in unique_parties(givers) for b in unique_parties(receivers) if a[0].id != b[0].id]
    return pairs, "parse"


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


def _antecedent_parties(verb: Token, ctx: ArticleContext) -> list[tuple[Entity, Token]]:
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
