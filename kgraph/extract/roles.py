"""Roles: the grammatical part each party of a sentence plays for a trigger.

`assign_role` reads the parse only: a party in the trigger noun's own phrase (its
possessor, a phrase on it, a participle describing it) or in its clause (the subject,
an object, a prepositional phrase of the trigger's verb or of a verb sharing its
subject). What the roles then mean for the claim (filters, agent or other party) is
parties.py's and pairs.py's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..model import SYMMETRIC
from ..relations import HOSTILE, LIFTABLE, NameEnum, Relation
from . import lexicon as lx
from .context import ArticleContext, Sentence
from .nonparties import modifies_other_trigger
from .syntax import (
    MODIFIER_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, clause_free, conjunct_of, designation_in_respect, edge_into,
    first_conjunct, has_subject, heads_phrase, lemma_of, predicate_of, prep_between, prep_depth, within_respect_phrase,
)
from .triggers import Kind, Trigger


class Role(NameEnum):
    """The part a party plays for a trigger."""

    AGENT = "agent"  # who does the act: "Russia invests", "investments by Russia"
    OTHER = "other"  # who the act is done to or for: "sanctions on Iran", "aid to Chad"
    CO = "co"  # who does it with the agent: "talks with X", "between X and Y"
    SOURCE = "source"  # where it comes from: "imports from X", "aid from X"
    AHEAD = "ahead"  # who ranks one place higher: "second, after China"
    CITER = "citer"  # a subject that cites a measure named as another's: "X cites U.S. tariffs"
    MOD = "mod"  # a possessor or modifier of the trigger noun: "Russia's investments", "U.S. sanctions"
    SUBJECT = "subject"  # the subject of the trigger's clause (an agent)


def _framework(trigger: Token) -> bool:
    """Whether a trigger is the framework its clause acts under ("under the agreement", "as part
    of the deal"): the clause's objects are what is done under it, not its parties."""
    head = trigger.head
    if trigger.dep_ != "pobj":
        return False
    if head.lower_ in ("under", "pursuant"):
        return True
    return head.lower_ == "of" and head.head.lower_ == "part" and head.head.head.lower_ == "as"


def _drill(trigger: Trigger) -> bool:
    """A military exercise: where it is held is its venue, no partner ("drills in Greenland")."""
    return trigger.relation == Relation.MILITARY_COOPERATION and lemma_of(trigger.token) in lx.DRILL_NOUNS


def _has_venue(trigger: Trigger) -> bool:
    """An act held somewhere, a meeting, an agreement's signing or a drill: a place named with
    it is where it was held, no party (but where a visitor is, "you are here in Russia", is
    the host)."""
    if lemma_of(trigger.token) == "be":
        return False
    return trigger.relation in (Relation.MEETING, Relation.AGREEMENT) or _drill(trigger)


def _accused_of(trigger: Token, verb: Token) -> bool:
    """Whether a trigger is what a verb of accusing charges its object with: "accused Y of
    attacks", "blamed Y for the strike", "holds Y responsible for the attacks", "arrested Y
    on suspicion of attacking", "links Y to the attacks"."""
    preps: tuple[str, ...]
    if lemma_of(verb) in lx.LINK_VERBS:
        preps = ("to",)
    elif lemma_of(verb) in lx.ACCUSE_VERBS:
        preps = ("of", "for")
    else:
        return False
    node = trigger
    while node.head != node and node.head != verb:
        node = node.head
        if node.dep_ == "prep" and node.lower_ in preps:
            if lemma_of(node.head) in ("responsible", "accountable", "suspicion"):
                return True
            # "accused Y of", "jailed a man for" ("hold" only with "responsible": "held talks for")
            if lemma_of(verb) != "hold" and (node.head == verb or (node.head.dep_ == "dobj" and node.head.head == verb)):
                return True
    return False


def assign_role(party: Token, trigger: Trigger, sentence: Sentence, ctx: ArticleContext) -> Role | None:
    """The grammatical part a party plays for a trigger, or None for no part.

    A party inside the trigger noun's own phrase (its possessor, a phrase on it) is read
    there; any other from the clause the trigger is in, climbing from its verb to the verbs
    that share their subject with it.
    """
    t = trigger.token
    if party == t:
        return Role.AGENT if trigger.kind == Kind.RELATIONAL else None
    if trigger.kind == Kind.ACTION and _listed_before(party, t, sentence):
        return None  # "A, B and C report attacks" parsed as the list "A, B and [C report attacks]"
    if trigger.kind == Kind.ACTION and _agent_of_act_noun(party, t):
        return Role.AGENT  # "Mexico's imposition of duties", "the announcement by X of the imposition of duties"
    edge = edge_into(party, t) if t.pos_ not in ("VERB", "AUX") else None
    if edge is not None and edge.dep_ in ("acl", "relcl") and _granted_by_agreement(party, edge, trigger):
        return Role.CO  # "its agreement permitting U.S. military personnel to use the base"
    if _struck_by_disaster(party, trigger):
        return Role.OTHER  # "$100 million in assistance in response to the earthquakes in Türkiye"
    if _partner_in_respect(party, t):
        return Role.OTHER  # "Britain was Russia's leading partner in terms of investments"
    if edge is not None and clause_free(party, edge):
        return _role_in_phrase(party, edge, trigger, sentence)
    return _role_in_clause(party, trigger, sentence, ctx)


def _struck_by_disaster(party: Token, trigger: Trigger) -> bool:
    """Whether a party is where the disaster that aid answers struck: "assistance in response to
    the earthquakes in Türkiye and Syria", "aid for families displaced by floods in Malawi", "relief
    after the Malawi floods" (the disaster in the trigger's clause; a natural one only: aid "in
    response to the war in Ukraine" may go to its neighbours), where no recipient is named ("aid to
    Chile after the earthquake in Peru")."""
    if trigger.relation != Relation.AID_DONOR:
        return False
    verb = predicate_of(trigger.token)
    if any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in (*trigger.token.children, *verb.children)):
        return False
    node = first_conjunct(party)  # "in Türkiye and Syria"
    if node.dep_ == "pobj" and node.head.lower_ in ("in", "on"):
        disaster = node.head.head
    elif node.dep_ in ("poss", "compound", "amod", "nmod"):
        disaster = node.head
    else:
        return False
    return lemma_of(disaster) in lx.DISASTER_NOUNS and disaster in verb.subtree


def _agent_of_act_noun(party: Token, trigger: Token) -> bool:
    """Whether a party does the act a noun of acting names, whose phrase the trigger is:
    "Mexico's imposition of duties", "the introduction of sanctions by the EU", "Turkey's pause
    in military operations", "China's decision to impose duties" (through a verb without a
    subject of its own), "the announcement by the President of X of the imposition of duties"
    (the parser may hang the inner "of" on the person). The act noun's possessor or "by"
    phrase is the doer; a party inside the trigger's own phrase is not; up to three steps."""
    node = trigger
    for _ in range(3):
        holder = _act_holder(node)
        if holder is None or party in node.subtree:
            return False
        if lemma_of(holder) in lx.ACT_NOUNS:
            if any(c.dep_ == "poss" and party in c.subtree or c.dep_ == "prep" and c.lower_ == "by"
                   and party in c.subtree and prep_depth(party, c) <= 2 for c in holder.children):
                return True
        elif node.dep_ == "pobj" and (lemma_of(holder) in lx.PERSON_NOUNS or holder.is_title):
            # "the President of X of the imposition": X's president imposes
            return party in holder.subtree and prep_depth(party, holder) <= 2 and node.i > party.i
        else:
            return False
        node = holder
    return False


def _act_holder(node: Token) -> Token | None:
    """The noun whose act phrase `node` is: "[imposition] of duties", "[pause] in operations",
    "[decision] to impose duties" (the object of a verb that has no subject of its own)."""
    if node.dep_ == "pobj" and node.head.lower_ in ("of", "in") and node.head.head != node.head:
        return node.head.head
    if node.dep_ == "dobj" and node.head.pos_ == "VERB" and not has_subject(node.head):
        verb = node.head
        while verb.dep_ in ("pcomp", "xcomp", "advcl") or verb.dep_ == "prep" and verb.lower_ == "by":
            verb = verb.head  # "to cause harm by imposing duties": up to the verb the infinitive hangs from
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and not has_subject(verb):
            return verb.head
    return None


def _phrase_names_a_side(phrase: Token, trigger: Token, ctx: ArticleContext) -> bool:
    """Whether a phrase of circumstance names a party other than by a modifier of its act:
    "after a drone attack on a pipeline in Y" names Y; "despite the U.S. blockade of the
    island" and "during an Israeli-U.S. airstrike on his home" name only who acted."""
    for token in phrase.subtree:
        if token.i not in ctx.index or ctx.party_at(token) is None:
            continue
        node = token
        while node != trigger and node.dep_ in MODIFIER_DEPS | {"case", "punct"} and node.head != node:
            node = node.head
        if node != trigger:
            return True
    return False


def _role_in_phrase(party: Token, edge: Token, trigger: Trigger, sentence: Sentence) -> Role | None:
    """The part of a party in the trigger noun's phrase, which it joins by `edge`."""
    if edge.dep_ == "appos" and edge.i in sentence.trigger_tokens and edge != party:
        return None  # "strikes on X, strikes on Y": an appositive event has parties of its own
    if edge.dep_ in MODIFIER_DEPS:
        # "Tajikistan's partner": the other party; "Russia's investments": the agent.
        return Role.MOD
    if edge.dep_ == "prep":
        return _role_by_preposition(party, edge, trigger, sentence)
    if edge.dep_ == "agent":
        return Role.AGENT
    if edge.dep_ in ("acl", "relcl") and edge.tag_ == "VBN":
        return _role_under_participle(party, edge, trigger)
    return None


def _granted_by_agreement(party: Token, verb: Token, trigger: Trigger) -> bool:
    """Whether a party is whom an agreement grants a right, in its own clause ("an agreement
    permitting U.S. troops to use the ports", "a deal allowing Chinese ships to dock"): the
    other side of the agreement. The grantee is the verb's object or its modifier."""
    if trigger.relation != Relation.AGREEMENT or lemma_of(verb) not in lx.PERMISSION_VERBS:
        return False
    inner = edge_into(party, verb)
    if inner is None or inner.dep_ not in ("dobj", "dative", "ccomp", "xcomp"):
        return False
    # "permitting [U.S. personnel] to use", or the parser's "allowing [[Chinese ships] to dock]"
    grantee = inner if inner.dep_ in ("dobj", "dative") else next(
        (c for c in inner.children if c.dep_ == "nsubj"), None)
    return grantee is not None and (party == grantee or party.head == grantee and party.dep_ in MODIFIER_DEPS)


def _role_by_preposition(party: Token, prep: Token, trigger: Trigger, sentence: Sentence) -> Role | None:
    """The part of a party in a prepositional phrase on the trigger noun ("sanctions on X",
    "talks with X", "imports from X", "the visit of the President of X")."""
    t, word = trigger.token, prep.lower_
    if word in lx.RANK_AHEAD_WORDS:
        return Role.AHEAD
    if trigger.relation == Relation.MEETING and lemma_of(t) in lx.VISIT_NOUNS and word in ("of", "by"):
        return Role.AGENT if prep_depth(party, prep) <= 1 else None  # "the visit of the President of X"
    if trigger.relation == Relation.MEETING and (word in lx.VENUE_PREPS or word == "of"):
        return None  # "talks in Moscow", "a summit of the SCO": venue and host body, not parties
    if _has_venue(trigger) and word in lx.VENUE_PREPS:
        return None  # "an accord signed in Washington", "drills in Greenland": the venue
    if word == "by":
        return Role.AGENT
    if word in lx.CO_PARTY_PREPS:
        return None if _venue_inside(party, prep, trigger) else Role.CO
    if word == "from":
        return Role.SOURCE if prep_depth(party, prep) <= 1 else None
    if word in lx.OBJECT_PREPS:
        # "tariffs on imports from China" is near enough; a party four phrases down is not
        if _behind_buyers(party, prep) or modifies_other_trigger(party, t, sentence):
            return None  # "tariffs on buyers of Russian oil", "attacks on U.S. allies"
        return Role.OTHER if prep_depth(party, prep) <= 1 else None
    return None


def _role_under_participle(party: Token, participle: Token, trigger: Trigger) -> Role | None:
    """The part of a party under a participle describing the trigger noun: "sanctions imposed
    by Norway on Iran" (the participle's agent and objects), "talks held between X and Y"."""
    inner = edge_into(party, participle)
    if inner is None:
        return None
    if inner.dep_ == "agent":
        return Role.AGENT
    if inner.dep_ == "prep" and inner.lower_ in lx.VENUE_PREPS and _has_venue(trigger):
        return None  # "talks held in Doha between X and Y": the venue
    if inner.dep_ == "prep" and inner.lower_ in lx.CO_PARTY_PREPS:
        return Role.CO  # "talks held between X and Y"
    if inner.dep_ == "prep" and inner.lower_ in lx.OBJECT_PREPS - {"from"}:
        return Role.OTHER
    return None


@dataclass(frozen=True, slots=True)
class _Clause:
    """A trigger as the climb through its clause sees it: its lowest verb, the phrase of
    circumstance or topic it lies in, and whether it lies too deep to take the clause's subject."""

    trigger: Trigger
    predicate: Token
    phrase: Token | None
    remote: bool


def _role_in_clause(party: Token, trigger: Trigger, sentence: Sentence, ctx: ArticleContext) -> Role | None:
    """The part of a party in the trigger's clause: from the trigger's verb up through the
    verbs that share its subject ("agreed to impose sanctions": who agreed imposes them)."""
    t = trigger.token
    p = predicate_of(t)
    phrase = enclosing_phrase(t, trigger.relation)
    if phrase is not None and party not in phrase.subtree and (
            trigger.relation in SYMMETRIC or _phrase_names_a_side(phrase, t, ctx)):
        # "X signed a deal with Y amid tensions between Z and W": Y has no part in them; "oil
        # to X is suspended after a drone attack on a pipeline in Y": X was not attacked. (But
        # "Cuba ... despite the U.S. blockade of the island": the target is named outside.)
        return None
    # A trigger buried in the clause ("sanctions ... due to their conduct during the war") or in
    # a phrase of circumstance is not something the clause's subject does: only a trigger near
    # its verb takes its subject.
    clause = _Clause(trigger, p, phrase, phrase is not None or _deep(t, p) or _as_evidence(t, p))
    verb: Token = p
    controller: Token | None = None
    while True:
        edge = edge_into(party, verb) if party != verb else None
        if edge is not None and clause_free(party, edge):
            return _role_under_verb(party, edge, verb, controller, clause, sentence, ctx)
        if verb.dep_ == "relcl" and party == verb.head and verb == p:
            # "Japan, which condemned China": the relative pronoun stands for its antecedent
            pronoun = next((c for c in verb.children if c.tag_ in ("WDT", "WP")
                            and c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
            if pronoun is not None:
                return Role.SUBJECT if pronoun.dep_ in SUBJECT_DEPS else Role.OTHER
        step = _climb(verb, controller, ctx)
        if step is None:
            return None
        verb, controller = step


def _climb(verb: Token, controller: Token | None, ctx: ArticleContext) -> tuple[Token, Token | None] | None:
    """The verb whose subject `verb` shares, being coordinated with it or its complement, and
    the object that controls the complement's subject ("urged X to end the war": X ends it);
    None where the climb stops: `verb` has a subject of its own, or the way passes a phrase
    of circumstance, or an object other than a party would do the act."""
    if verb.dep_ not in ("conj", "xcomp", "advcl", "prep", "pcomp", "acl") or has_subject(verb) \
            or verb.head == verb:
        return None
    came_by = verb.dep_
    if verb.dep_ == "prep" and verb.lower_ in lx.CIRCUMSTANCE_PREPS:
        return None  # "met ... amid tensions with X": the meeting's parties are not the tension's
    # "sanctions X for providing weapons to Y": X provided them, not the subject
    for_cause = came_by == "pcomp" and verb.head.lower_ == "for" and verb.head.head.pos_ == "VERB"
    verb = verb.head
    # "vessels carrying aid to Cuba": through the noun a participle describes, to its verb
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb and verb.dep_ in (
            "dobj", "pobj", "prep", "attr", "appos", "conj", "acomp"):
        if verb.dep_ == "prep" and verb.lower_ in lx.CIRCUMSTANCE_PREPS:
            return None
        verb = verb.head
    if came_by in ("xcomp", "pcomp", "prep"):
        controller = _party_object(verb, ctx)
        if controller is None and (lemma_of(verb) in lx.CONTROL_VERBS or for_cause) and any(
                c.dep_ == "dobj" for c in verb.children):
            return None  # "bans its citizens from travelling": the citizens would travel
    return verb, controller


def _role_under_verb(party: Token, edge: Token, verb: Token, controller: Token | None, clause: _Clause,
                     sentence: Sentence, ctx: ArticleContext) -> Role | None:
    """The part of a party that joins `verb` (the trigger's verb or one sharing its subject) by `edge`."""
    dep = edge.dep_
    phrase = clause.phrase
    if phrase is not None and lemma_of(phrase.head) in lx.RESPONSE_NOUNS and party not in phrase.subtree \
            and dep not in SUBJECT_DEPS:
        return None  # "X struck Y in response to attacks on Z": Y is not what the attacks were on
    if controller is not None:
        # Object control: in "accused X of exporting", "urged X to end", X does the act.
        if edge == controller:
            return Role.AGENT
        if dep in SUBJECT_DEPS:
            return None
    if dep in SUBJECT_DEPS:
        return _subject_role(party, edge, verb, clause, sentence, ctx)
    if verb != clause.predicate:
        return None  # a higher clause shares its subject with the trigger's clause, nothing else
    if dep in PASSIVE_SUBJECT_DEPS:
        return Role.OTHER  # "Iran was sanctioned": the passive subject undergoes the act
    if dep == "agent":
        return Role.AGENT
    if dep in ("dobj", "dative", "attr", "oprd") or dep in ("ccomp", "xcomp", "acomp") and edge.lower_ == "worth":
        # ("bought US energy worth $5 billion": the parser hangs the object under "worth")
        return _object_role(party, edge, clause, sentence, ctx)
    if dep == "prep":
        return _clause_prep_role(party, edge, clause, ctx)
    if dep == "xcomp" and _purpose_of_subject(party, edge, verb, clause):
        return Role.OTHER  # "this aid is to provide food support to X": X receives it
    if dep == "advmod" and edge.lower_ in ("here", "back") and (inner := edge_into(party, edge)) is not None \
            and inner.dep_ == "prep":
        return _clause_prep_role(party, inner, clause, ctx)  # "you are here in Russia": where the visitor is
    if dep == "advcl" and edge.tag_ == "VBG" and edge.lower_ in lx.RANK_AHEAD_WORDS:
        return Role.AHEAD
    return None


def _purpose_of_subject(party: Token, complement: Token, verb: Token, clause: _Clause) -> bool:
    """Whether a party is whom a trigger noun is for, as the copula's infinitive says: "this
    aid is to provide food support to X", "the grant is to help refugees in X" ("to"/"for" or
    "in" one phrase below the infinitive's verb)."""
    t = clause.trigger.token
    if lemma_of(verb) != "be" or t.dep_ != "nsubj" or t.head != verb or lemma_of(complement) not in lx.AID_PURPOSE_VERBS \
            | {"provide", "deliver", "give", "supply", "fund", "finance"}:
        return False
    inner = edge_into(party, complement)
    return inner is not None and inner.dep_ in ("prep", "dative") and inner.lower_ in ("to", "for") \
        and prep_depth(party, inner) <= 1


def _subject_role(party: Token, edge: Token, verb: Token, clause: _Clause, sentence: Sentence,
                  ctx: ArticleContext) -> Role | None:
    """The part of the subject of the trigger's clause (`edge`, of `verb`) for the trigger."""
    trigger, t, p = clause.trigger, clause.trigger.token, clause.predicate
    if verb != t and _accused_of(t, verb):
        return None  # "X accused Y of attacks": the accuser did not attack
    if p != t and lemma_of(p) in lx.STANCE_VERBS:
        return None  # "X condemned the strikes on Y": X judges the act, it did not do it
    if p != t and lemma_of(p) in lx.VIOLATION_VERBS and trigger.relation in LIFTABLE:
        return None  # "X sold arms to Y, violating the embargo on Y": X did not impose it
    if clause.remote or not heads_phrase(party, edge):
        return None  # "assistance in Chad is supporting ...": Chad is not the giver
    if modifies_other_trigger(party, t, sentence):
        return None  # "X's occupation would violate the Y-Z deal": X did the occupying
    if lemma_of(verb) in lx.TARGET_VERBS and trigger.kind == Kind.ACTION:
        return Role.OTHER  # "Cuba faces U.S. sanctions": the subject is the target
    if trigger.relation in LIFTABLE and p != t and _named_imposer(t, party, ctx):
        return Role.CITER  # "Honda cites U.S. tariffs on Canada": the tariffs say whose they are
    return Role.SUBJECT


def _object_role(party: Token, edge: Token, clause: _Clause, sentence: Sentence,
                 ctx: ArticleContext) -> Role | None:
    """The part of a party in an object (`edge`) of the trigger's own verb."""
    trigger, t, p = clause.trigger, clause.trigger.token, clause.predicate
    if edge_into(t, p) == edge:
        return None  # the trigger lies in this object too: a party beside it is no object of the act
    if _framework(t):
        return None  # "under the agreement, X will send troops to Y": Y is no party to it
    if edge.dep_ == "dobj" and _accused_of(t, p):
        return Role.AGENT  # "X accused Y of attacks on Z": Y attacked
    if lemma_of(t) not in lx.STANCE_VERBS and modifies_other_trigger(party, t, sentence):
        return None  # "X's occupation of Y violates the Z-W deal": Z and W belong to the deal
    if trigger.relation == Relation.MEETING and edge != party and lemma_of(edge) not in lx.PERSON_NOUNS \
            and not (edge.i in ctx.index and conjunct_of(party, edge)):
        return None  # "welcomed the commitment between X and Y" is no meeting ("visits X, Y and Z" is)
    if prep_depth(party, edge) > 1:
        return None
    if _has_venue(trigger) and prep_between(party, edge, lx.VENUE_PREPS):
        return None  # "signed an agreement in Washington, United States": the venue
    if lemma_of(t) in lx.STANCE_VERBS and edge != party and _judged_act(party, edge):
        return None  # "condemned the strikes on Y": the strikers are the target, not Y
    return Role.OTHER


def _clause_prep_role(party: Token, prep: Token, clause: _Clause, ctx: ArticleContext) -> Role | None:
    """The part of a party in a prepositional phrase on the trigger's own verb."""
    trigger, t, p = clause.trigger, clause.trigger.token, clause.predicate
    word = prep.lower_
    if word in lx.RANK_AHEAD_WORDS:
        return Role.AHEAD
    if _has_venue(trigger) and word in lx.VENUE_PREPS:
        return None  # "a summit in Helsinki", "signed in Washington": the venue
    if trigger.relation == Relation.MEETING and p != t and not _meets_through(party, prep, ctx):
        return None  # "agreed to a ceasefire in X during a call": X is not on the call
    if trigger.relation == Relation.MEETING and word == "to" and p != t and _counterpart_named(t, ctx):
        return None  # "flies to X for talks with Y": X is where they meet; Y is met
    if word in lx.CO_PARTY_PREPS:
        if word == "with" and any(c.dep_ == "pobj" and lemma_of(c) in lx.SUPPORT_NOUNS and c != party
                                  for c in prep.children):
            return None  # "attacked X with support from Y": Y backs the attack
        return None if _venue_inside(party, prep, trigger) else Role.CO
    if word == "by" and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in p.children):
        return Role.AGENT
    if word == "from":
        if trigger.relation == Relation.MEETING and any(
                c.dep_ == "dobj" and c.i not in ctx.index and lemma_of(c) not in lx.PERSON_NOUNS for c in p.children):
            return None  # "received aid from X" is no meeting with X
        return Role.SOURCE if prep_depth(party, prep) <= 1 else None
    if word in lx.OBJECT_PREPS:
        return Role.OTHER if prep_depth(party, prep) <= 1 else None
    return None



def _behind_buyers(party: Token, prep: Token) -> bool:
    """Whether a party sits under "of" below people or firms a preposition names ("on buyers of
    Russian oil", "against officials of the company"): those are the target, not the party."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or objects[0] == party or lemma_of(objects[0]) not in lx.HOLDER_NOUNS:
        return False
    return prep_between(party, objects[0])


def _listed_before(party: Token, trigger: Token, sentence: Sentence) -> bool:
    """Whether an act noun is parsed as a further item of a list of things that are no acts
    ("the governments of A, B and [C report attacks]"), the party in an earlier item: a
    misparse, whose other items are not the act's sides. (An act listed with another act,
    "sanctions on X and attacks on Y", keeps its reading.)"""
    node = first_conjunct(trigger)
    # (a modifier of the first item is shared: "a Russian missile and drone attack")
    shared = party.head == node and party.dep_ in MODIFIER_DEPS
    return node != trigger and node.i not in sentence.trigger_tokens and party in node.subtree \
        and party not in trigger.subtree and not shared


def _counterpart_named(trigger: Token, ctx: ArticleContext) -> bool:
    """Whether talks name their counterpart themselves ("talks with X", "talks between X and Y")."""
    return any(c.dep_ == "prep" and c.lower_ in lx.CO_PARTY_PREPS and any(t.i in ctx.index for t in c.subtree)
               for c in trigger.children)


def _venue_inside(party: Token, edge: Token, trigger: Trigger) -> bool:
    """Whether a party named below "with" or "between" is the country of the city where a
    counterpart met or signed ("talks with the X government in Lima, Peru"): the venue, not a
    side ("the government in Lima" may be one)."""
    if not _has_venue(trigger):
        return False
    # a place written with its country ("Lima, Peru"): the city and the country are both the venue
    city = party.head if party.dep_ in ("appos", "npadvmod") else party
    with_country = city != party or any(c.dep_ in ("appos", "npadvmod") and c.pos_ == "PROPN" for c in city.children)
    return with_country and city.dep_ == "pobj" and city.head.lower_ in lx.VENUE_PREPS and prep_between(
        party, edge, lx.VENUE_PREPS)


def _named_imposer(trigger: Token, subject: Token, ctx: ArticleContext) -> bool:
    """Whether a sanction or tariff noun names whose it is ("U.S. tariffs", "Japan's
    sanctions"), and that is not the clause's subject: the subject cites or suffers them."""
    own = ctx.party_at(subject)
    for child in trigger.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            named = ctx.party_at(child)
            if named is not None and (own is None or named[0].id != own[0].id):
                return True
    return False


def _meets_through(party: Token, prep: Token, ctx: ArticleContext) -> bool:
    """Whether a party under a verb's preposition is someone met: the preposition's object itself,
    or a person or body of that party ("with the president of X", "to the government of X")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return False
    head = objects[0]
    return head == party or edge_into(party, head) is not None and (
        head.i in ctx.index or lemma_of(head) in lx.PERSON_NOUNS or lemma_of(head) in lx.AGENT_HOLDERS)


def _judged_act(party: Token, edge: Token) -> bool:
    """Whether a party hangs by a preposition from an act a dispute verb judges ("the strikes on Y",
    "the invasion of Y"), rather than being the one judged ("the ambassador of Y", "Y's decision")."""
    if lemma_of(edge) in lx.PERSON_NOUNS or lemma_of(edge) in lx.AGENT_HOLDERS:
        return False
    return prep_between(party, edge)


def enclosing_phrase(trigger: Token, relation: Relation) -> Token | None:
    """The preposition of circumstance or topic a trigger lies in, below its verb: "amid the
    offensive in X", "after talks between X and Y", "talks about the war", "regarding the
    sanctions". What is done there is not done by the clause's parties."""
    predicate = predicate_of(trigger)
    if relation in HOSTILE and predicate.dep_ == "prep" and predicate.lower_ in lx.TOPIC_PREPS:
        return predicate  # "regarding" and "concerning" are tagged as verbs: the trigger's "predicate"
    node = trigger
    while node != predicate and node.head != node:
        if node.dep_ == "prep" or (node.pos_ == "ADP" and node.dep_ in ("amod", "advmod", "pcomp")):
            if node.lower_ in lx.CIRCUMSTANCE_PREPS and not (relation == Relation.MEETING and node.lower_ == "during"):
                return node  # but "agreed ... during a phone call": those who agreed were on the call
            if node.lower_ in ("to", "for") and lemma_of(node.head) in lx.RESPONSE_NOUNS:
                return node  # "X struck Y in response to attacks on X"
            if relation in HOSTILE and node.lower_ in lx.TOPIC_PREPS or relation == Relation.CONFLICT and (
                    node.lower_ == "on" and node.head.pos_ == "NOUN"):
                return node  # "began talks about the war in X", "appealed regarding the sanctions"
        node = node.head
    if predicate != trigger and predicate.lower_ in lx.CIRCUMSTANCE_PREPS and predicate.tag_ == "VBG":
        return predicate  # "following" tagged as a verb: "closes the border following the attack on X"
    return None


def _as_evidence(trigger: Token, predicate: Token) -> bool:
    """Whether a trigger is what evidence or an inquiry is about, below its verb ("confirm
    evidence of sabotage behind the attack", "open an investigation into the strikes"): who
    finds or looks for it did not do it."""
    node = trigger.head
    while node != predicate and node.head != node:
        if node.pos_ == "NOUN" and lemma_of(node) in lx.EVIDENCE_NOUNS:
            return True
        node = node.head
    return False


def _deep(trigger: Token, predicate: Token) -> bool:
    """Whether a trigger lies two or more phrases below its verb ("in terms of", "in the field of"
    count as one: "Britain was Russia's leading partner in terms of investments")."""
    depth, node = 0, trigger
    while node != predicate and node.head != node:
        if node.dep_ == "prep" or (node.pos_ == "ADP" and node.dep_ in ("amod", "advmod", "pcomp")):
            depth += 0 if within_respect_phrase(node) else 1
        node = node.head
    return depth > 1


def _partner_in_respect(party: Token, trigger: Token) -> bool:
    """Whether a party is whose partner the clause's subject is said to be in the respect the
    trigger names: "Britain was Russia's leading partner in terms of investments", "Japan is
    Vietnam's largest partner in investment" (the possessor of what the subject is)."""
    named = designation_in_respect(trigger)
    return named is not None and party.dep_ == "poss" and (party.head == named or party.head in named.conjuncts)


def _party_object(verb: Token, ctx: ArticleContext) -> Token | None:
    """The verb's direct object when it names a party or a person (a controller of a complement)."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.i in ctx.index:
            return child
    return None
