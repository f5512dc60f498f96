"""Names that are no party to a trigger whatever role the parse gives them.

A mediator, a place named "off the coast of", a body that describes another party, the
country where an attack on an armed group took place: the role rules and the fallbacks
that guess a party from the sentence leave these out alike.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..model import Mention
from ..relations import COOPERATIVE, LIFTABLE, Relation
from . import lexicon as lx
from .context import ArticleContext, Sentence
from .syntax import acted_on, hyphenated_word, lemma_of
from .triggers import Trigger


def names_a_city(mention: Mention, ctx: ArticleContext) -> bool:
    """Whether a country mention is a capital's name ("Washington", also when context resolved it)."""
    return mention.resolution == "capital" or (
        mention.resolution == "context" and any(f.form == "capital" for f in ctx.gaz.lookup(mention.text)))


def located_by(name: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """A name of a shore after a preposition of place, "off the coast of X", "in the waters of
    X" (a ship attacked there is not attacked by or on X), or of a place something is only near:
    "a strike near the Ethiopian border"."""
    if name.dep_ in ("amod", "compound", "nmod") and lemma_of(name.head) in lx.PLACE_NOUNS:
        place = name.head
        if lemma_of(place) in lx.SHORES:
            return place.dep_ == "pobj" and place.head.lower_ in lx.LOCATIVE_PREPS  # "in the Venezuelan coast"
        return place.dep_ == "pobj" and place.head.lower_ in ("near", "along", "off", "outside")
    of = name.head
    if name.dep_ != "pobj" or of.lower_ != "of" or lemma_of(of.head) not in lx.SHORES:
        return False
    place = of.head
    return place.dep_ == "pobj" and place.head.lower_ in lx.LOCATIVE_PREPS


def modifies_other_trigger(party: Token, trigger: Token, sentence: Sentence) -> bool:
    """Whether a party names a side of another trigger noun of the sentence ("the Iran-US deal")."""
    node = party
    while node.dep_ in ("compound", "amod", "poss", "nmod") and node.head != node:
        node = node.head
        if node.i in sentence.trigger_tokens:
            return node != trigger
    return False


def names_affiliation(token: Token) -> bool:
    """"Iran-backed", "Russia-aligned", "US-based": a country naming whom something belongs to."""
    after = hyphenated_word(token)
    return (after is not None and after.lower_ in lx.AFFILIATIONS) or token.head.lower_ in lx.AFFILIATIONS


def negated_name(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """"a major non-NATO ally", "anti-EU parties", "pro-Russian separatists": the name is what the
    thing is not, opposes or supports."""
    mention = ctx.index.get(token.i)
    if mention is None:
        return False
    before = token.doc.text[max(0, mention.start - 5):mention.start].lower()
    return before.endswith(("non-", "anti-", "non ", "ex-", "pro-"))


def describes_other_party(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """"Romania, a NATO and EU member country" / "Romania, a member of NATO": a name inside an
    apposition that describes another party, not a party of its own."""
    node = token
    nouns: set[str] = set()
    for _ in range(4):
        if node.dep_ == "appos":
            # a membership noun, not a name ("the United Kingdom" in a list of names may be
            # parsed as an apposition of the name before it; "the DR Congo-Rwanda agreement" too)
            return (node is not token and node.i not in ctx.index and node.head.i in ctx.index
                    and bool((nouns | {lemma_of(node)}) & lx.MEMBERSHIP_NOUNS))
        if node.dep_ not in ("compound", "amod", "conj", "nmod", "pobj", "prep") or node.head == node:
            return False
        if node.dep_ == "prep" and node.lower_ != "of":
            return False
        node = node.head
        nouns.add(lemma_of(node))
    return False


def _target_of_hostile_act(token: Token, trigger: Token) -> bool:
    """A party named in the object of a seizure, a strike or an arrest ("seizes a Russian
    tanker"), other than the trigger's own: what the act is done to, not a partner in it."""
    node = token
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ == "VERB":
            verb = node.head
            return verb != trigger and lemma_of(verb) in lx.HOSTILE_ACTS
        if node.dep_ not in ("compound", "amod", "nmod", "poss", "conj", "pobj", "prep"):
            return False
        node = node.head
    return False


def _non_state_target(trigger: Token, ctx: ArticleContext) -> Token | None:
    """The target an attack names, when it is an armed group or a person rather than a state:
    the object of "struck militants", of "airstrikes on/against Islamic State hideouts" (on the
    noun or on the verb that carries it out), or of "strikes targeting the X group"."""
    holders = [trigger] + ([trigger.head] if trigger.dep_ == "dobj" else [])
    # (the verb that carries the act out is no target of it: "launched strikes on X")
    targets = [t for holder in holders for t in acted_on(holder, lx.ON_AGAINST) if t != trigger]
    if trigger.dep_ == "nsubj" and lemma_of(trigger.head) in ("target", "hit", "kill", "strike"):
        targets += [c for c in trigger.head.children if c.dep_ == "dobj"]  # "strikes targeted militants"
    killed = [g for holder in holders for c in holder.children if c.dep_ in ("acl", "advcl") and lemma_of(c) == "kill"
              for g in c.children if g.dep_ == "dobj"]
    # "an airstrike in X, killing 35 militants" (but "an airstrike on a building in X, killing
    # militants" was aimed at the building)
    targets = targets or killed
    for target in targets:
        name = [c for c in target.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
        if target.i in ctx.index or any(tok.i in ctx.index for part in name for tok in part.subtree):
            continue  # "Syrian army positions": a state's forces
        # (a name alone is no sign: a town or a hospital is often tagged as one)
        if lemma_of(target) in lx.ARMED_GROUP_NOUNS or lemma_of(target) in lx.GROUP_POSITION_NOUNS and any(
                c.ent_type_ in ("ORG", "NORP") or lemma_of(c) in lx.ARMED_GROUP_NOUNS
                for part in name for c in part.subtree):
            return target
    return None


def fought_in(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """"airstrikes against Islamic State hideouts in X", "struck militants inside X": an attack
    aimed at an armed group or a person, with X only where it happened ("struck targets in X",
    with no one named, is an attack on X)."""
    if trigger.relation != Relation.CONFLICT or _non_state_target(trigger.token, ctx) is None:
        return False
    node = token
    for _ in range(5):
        if node == trigger.token or node.head == node or node.dep_ not in (
                "compound", "amod", "nmod", "conj", "appos", "pobj", "prep"):
            return False  # "killed in Chadian airstrikes on ...": the attacker, named on the act itself
        if node.dep_ == "pobj" and node.head.lower_ in lx.LOCATIVE_PREPS:
            return True
        node = node.head
    return False


def exempted(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """"grants Hungary an exemption from sanctions on Russian oil", "a waiver of tariffs for
    Peru": who is exempted from a measure is spared by it, not its target."""
    t = trigger.token
    if trigger.relation not in LIFTABLE or token in t.subtree:
        return False
    node = token
    while node.dep_ in ("compound", "conj", "appos", "amod", "poss") and node.head != node:
        node = node.head
    if node.dep_ == "pobj" and lemma_of(node.head.head) in lx.EXEMPTIONS and t not in node.head.head.subtree:
        return True  # "tariffs on X, with exemptions for Y"
    under = t.dep_ == "pobj" and t.head.lower_ in ("from", "of", "on") and lemma_of(t.head.head) in lx.EXEMPTIONS
    if not under:
        return False
    exemption = t.head.head
    verb = exemption.head if exemption.dep_ == "dobj" else None
    return (verb is not None and node.head == verb and node.dep_ in ("dative", "dobj")) or (
        node.dep_ == "pobj" and node.head.head == exemption)


def title_destination(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """"the U.S. envoy to Ukraine", "Japan's ambassador to China": where a person is posted
    is part of their title, no party to what the sentence reports (but the country an envoy
    is recalled from or expelled to is the other side: "recalled its ambassador to Ukraine")."""
    if lemma_of(trigger.token) in ("recall", "expel", "summon"):
        return False
    node = token
    while node.dep_ == "compound" and node.head != node:
        node = node.head  # "the envoy to Ukraine Keith Kellogg": the name may be parsed as the object
    to = node.head
    return node.dep_ == "pobj" and to.lower_ == "to" and to.i > 0 and (
        lemma_of(to.head) in lx.ENVOY_NOUNS or lemma_of(to.doc[to.i - 1]) in lx.ENVOY_NOUNS)


def where_opposed(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """Whether a name is where people act against the trigger's act ("rally in Stockholm, Sweden,
    against Israeli strikes"): the place of the rally, not of the strikes."""
    act = trigger.token
    if act.dep_ != "pobj" or act.head.lower_ not in ("against", "over", "about"):
        return False
    verb = next((a for a in act.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ != "prep"), None)
    if verb is None or token in act.subtree:  # (not "including", a preposition)
        return False
    node = token
    while node.head != node and node.head != verb:
        node = node.head
    return node.head == verb and node.dep_ == "prep" and node.lower_ in lx.LOCATIVE_PREPS


def go_between(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """"talks mediated by the UK", "an agreement brokered by Qatar", "signed in Washington,
    hosted by the U.S. president", "UK- and US-mediated talks": who brings the parties together
    is not one of them."""
    joined = hyphenated_word(token)
    if joined is not None and lemma_of(joined) in lx.GO_BETWEEN_VERBS:
        return True
    node = token
    while node.dep_ in ("compound", "conj", "appos", "nmod", "amod", "poss") and node.head != node:
        node = node.head  # "mediated by the UK and US", "by U.S. president Trump", "by the U.S. envoy"
    by = node.head if node.dep_ == "pobj" else None
    if by is not None and by.lower_ in ("in", "from", "of") and (
            lemma_of(by.head) in lx.MEDIATOR_NOUNS or by.i > 0 and lemma_of(by.doc[by.i - 1]) in lx.MEDIATOR_NOUNS):
        return True  # "mediators in the US and Qatar" ("from" may hang on a noun before "mediators")
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(lemma_of(g) in lx.MEDIATOR_NOUNS for g in c.children)
           for c in [*node.children, *(by.children if by is not None else [])]):
        return True  # "with Oman as mediator"
    if by is None or by.lower_ != "by" or by.dep_ != "agent":
        return False
    lemma = lemma_of(by.head)
    return lemma in lx.GO_BETWEEN_VERBS or (lemma == "host" and trigger.relation == Relation.AGREEMENT)


def in_relative_clause(token: Token | None, trigger: Token) -> bool:
    """A name inside a relative clause the trigger is not in ("two NGOs that had advocated for
    Palestinian rights"): it describes someone else, and is no guess for the trigger's party."""
    node = token
    while node is not None and node.head != node:
        if node.dep_ == "relcl":
            # ("an attack that destroyed a building in X" tells of the attack itself)
            return trigger not in node.subtree and node.head != trigger
        node = node.head
    return False


def hostile_act_target(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """For a tie between partners, what a seizure or a strike is done to ("helped by X, Y
    seizes a Z-flagged ship": Z is no partner)."""
    return trigger.relation in COOPERATIVE and _target_of_hostile_act(token, trigger.token)


# Names that are no party to a trigger, whatever role the parse gives them; each is
# (token, trigger, article) -> bool and has its case in tests/extract/test_rules_hand_built.py.
NONPARTY_TESTS: tuple[Callable[[Token, Trigger, ArticleContext], bool], ...] = (
    negated_name, describes_other_party, go_between, hostile_act_target, fought_in, exempted, title_destination,
    located_by, where_opposed,
)


def no_party(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """A name that is no party to the trigger whatever role the parse gives it, so that the
    parse and the one-other-party fallbacks leave it out alike (one of NONPARTY_TESTS finds
    it): "non-NATO", a body that describes a party, a mediator, for a cooperative relation
    what a seizure or a strike is done to, the country where an attack on an armed group
    took place, who is exempted from a sanction, where an envoy is posted, a place named
    after "off the coast of", where people rally against the act."""
    return any(test(token, trigger, ctx) for test in NONPARTY_TESTS)
