"""The modality and status of a claim: the trigger's modality (modality.py) read under the
guidelines (discussion, proposals, purpose, same-day events, pledges), and whether the
claim is lifted, halted or ended."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..relations import HALTABLE, LIFTABLE, Relation
from . import lexicon as lx
from .modality import copular_modality, modality_of
from .syntax import SUBJECT_DEPS, has_subject, lemma_of, predicate_of
from .trigger_table import TABLE
from .triggers import Kind, Trigger


_SHORT_QUOTE = re.compile(r"[“\"‘'](?:\S+\s+){0,4}\S+[”\"’']")


def presupposed_by(token: Token) -> Token | None:
    """The word acting on a relation that already exists: "end" in "seeks to end the war",
    "bring an end to the invasion", "would violate the agreement"; else None."""
    head = token.head
    if token.dep_ == "xcomp" and token.tag_ == "VBG" and lemma_of(head) in lx.KEEP_ON_VERBS:
        return head  # "will continue supplying gas": it is supplied now
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    if token.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and lemma_of(head) in lx.PRESUPPOSING_VERBS:
        if lemma_of(head) == "implement" and TABLE.action_noun_relation(lemma_of(token)) != Relation.AGREEMENT:
            return None  # "implement tariffs" imposes them; "implement the deal" carries it out
        return head
    if token.dep_ == "dobj" and head.dep_ == "xcomp" and head.tag_ == "VBG" and lemma_of(head.head) in lx.KEEP_ON_VERBS:
        return head.head  # "will continue receiving Russian gas": it is received now
    if token.dep_ == "pobj" and head.lower_ in ("of", "to") and lemma_of(head.head) in lx.PRESUPPOSING_NOUNS:
        return head.head
    if token.dep_ == "nsubj" and lemma_of(head) in lx.ONGOING_VERBS:
        return head  # "if the attacks do not end", "if the blockade continues"
    return None


def acting_party(token: Token | None, trigger: Token, acting: Token) -> bool:
    """Whether a party is named by the relation's own phrase ("the airstrikes on Iran", "the
    Iran-US deal") or does what acts on it ("Israel agreed to stop the airstrikes"); not a
    party whose plan, proposal or talks are about ending it ("the U.S. plan to end the war")."""
    if token is None:
        return False
    if token in trigger.subtree or any(c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "between", "among")
                                       and token in c.subtree for c in acting.children):
        return True  # "stop its airstrikes on Iran" (the parser may hang "on" on the verb)
    verb = acting
    while verb.dep_ in ("xcomp", "conj") and not has_subject(verb):
        if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" and token in c.subtree for c in verb.head.children):
            return True  # "urges Rwanda to end its support": the one asked is the one who would end it
        verb = verb.head  # "agreed to stop": the one who agreed stops
    return any(c.dep_ in SUBJECT_DEPS and token in c.subtree for c in verb.children)


def claim_modality(trigger: Trigger, has_amount: bool) -> str:
    """The trigger's modality, with the guidelines' readings of discussion, same-day and pledges."""
    modality = _modality(trigger.token)
    if trigger.relation == Relation.MEETING and modality in ("asserted", "future") and (off := _called_off(trigger)):
        return off  # "terminated negotiations with X", "cancelled a planned visit": no meeting
    if modality in ("asserted", "future") and any(c.dep_ == "amod" and c.lower_ in lx.PLANNED_WORDS
                                                  for c in trigger.token.children) and (off := _called_off(trigger)):
        return off  # "will cancel the planned tariffs on X": they will not be imposed
    if modality == "asserted" and (_under_discussion(trigger.token) or _proposed(trigger.token)):
        return "hedged"
    if modality == "asserted" and _any_such(trigger.token):
        return "hedged"  # "any deal we sign will ...": a kind of act, not one that took place
    if modality == "asserted" and _none_such(trigger.token):
        return "negated"  # "no U.S. aircraft has been shot down"
    if modality == "asserted" and _purpose(trigger.token):
        return "future"  # "signed an agreement to foster trade": the trade is the aim
    if modality == "asserted" and _quoted_label(trigger):
        return "hedged"  # "called it a 'declaration of war'": a quoted label, not a report
    if modality == "future" and trigger.relation in (Relation.STRATEGIC_PARTNER, Relation.ALLY) \
            and _elevation_agreed(trigger.token):
        return "asserted"  # "agreed to upgrade ties to a strategic partnership": the upgrade is the agreement
    if modality == "future" and any(t.lower_ in ("today", "tonight") for t in predicate_of(trigger.token).subtree):
        return "asserted"  # "will visit Ghana today": it happens on the day of the text
    if modality == "future" and trigger.relation == Relation.MEETING and _glad_to_be_there(trigger.token):
        return "asserted"  # "it is a pleasure to be back in Nairobi": the visit is going on
    if modality == "future" and trigger.relation == Relation.AID_DONOR and _aid_decided(trigger.token):
        return "asserted"  # "the Government of Japan decided to extend aid to X": the decision grants it
    if modality == "future" and has_amount and trigger.kind == Kind.FUNDING:
        return "asserted"  # "will provide $20 million to help": a sum committed by a named giver
    if modality == "future" and has_amount and trigger.relation in (Relation.INVESTOR, Relation.AID_DONOR) and any(
            lemma_of(a) in lx.PLEDGE_VERBS for a in [trigger.token, *list(trigger.token.ancestors)[:3]]):
        return "asserted"  # a pledge with an amount by a named giver is reported as a fact
    return modality


def claim_status(trigger: Trigger) -> str | None:
    """"lifted", "halted" or "ended" when the trigger is what a lift or a stop acts on:
    "lifts sanctions", "halts its gas supplies", "a freeze on aid", "the end of fuel supplies"."""
    if trigger.kind == Kind.DELISTING:
        return "lifted"
    relation = trigger.relation
    if relation not in HALTABLE and relation not in LIFTABLE:
        return None
    for word in _governors(trigger):
        lemma = lemma_of(word)
        if _offered(word):
            return None  # "rejected an offer ... in return for the U.S. ending intelligence sharing"
        if relation in LIFTABLE and lemma in lx.LIFT_WORDS and word is not trigger.token:
            return "lifted"
        if relation in HALTABLE and lemma in lx.HALT_WORDS:
            return "halted"
        if relation in HALTABLE and lemma in lx.END_WORDS:
            return "ended"
    return None


def _offered(word: Token) -> bool:
    """Whether a word is part of what an offer or a proposal would do ("an offer by Russia to stop
    X in return for the U.S. ending Y"): the stop is not done, and what it would stop goes on."""
    return any(lemma_of(a) in lx.OFFER_NOUNS and a.pos_ == "NOUN" for a in word.ancestors)


def _called_off(trigger: Trigger) -> str | None:
    """"negated" for talks or a visit that are cancelled or called off, "future" for ones put
    off: no meeting took place. (Talks ended or suspended did take place.)"""
    for word in _governors(trigger):
        if word is trigger.token:
            continue  # the verb itself ("cancelled" in "X cancelled ...") is no meeting
        lemma = lemma_of(word)
        particle = {c.lower_ for c in word.children if c.dep_ == "prt"}
        if lemma in lx.CANCEL_WORDS or (lemma == "call" and "off" in particle):
            return "negated"
        if lemma in lx.POSTPONE_WORDS:
            return "future"
    return None


def _governors(trigger: Trigger) -> list[Token]:
    """The trigger (when it is itself the verb: "stopped supplying") and the words it hangs
    from, up to the first verb: "halts [its gas] supplies", "suspension of [gas] supplies"."""
    node = trigger.token
    governors = [node] if node.pos_ == "VERB" else []
    for _ in range(3):
        # Through objects, "of/on/to/for/in" and nouns the trigger names ("assistance programs"),
        # not across "except" ("freezes aid except military aid") nor from a noun that turns
        # the trigger round ("revokes the sanctions waiver" reinstates the sanctions).
        if node.head == node or node.dep_ not in ("dobj", "pobj", "prep", "nsubjpass", "xcomp", "compound") or (
                node.dep_ == "prep" and node.lower_ not in ("of", "on", "to", "for", "in", "from")) or (
                node.dep_ == "compound" and lemma_of(node.head) in lx.EXEMPTIONS):
            break
        node = node.head
        governors.append(node)
        if node.pos_ in ("VERB", "AUX"):
            break
    return governors


def in_own_phrase(party: Token | None, trigger: Token) -> bool:
    """Whether a party lies in the noun phrase a trigger heads or modifies ("an aid offer to X",
    "the suspension of gas supplies to X")."""
    head = trigger
    while head.head != head:
        if head.dep_ in ("compound", "amod", "nmod"):
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head
        else:
            break
    return party is not None and party in head.subtree


def _modality(token: Token) -> str:
    """Modality of the claim a trigger states.

    A noun in the active subject of a verb names something that exists; the verb's
    tense or modal is about its effect ("The adoption of the declaration will provide
    peace": the declaration was adopted), so only the noun's own words and the verbs
    between the two count ("a planned visit ... is aggressive" is still planned). A verb
    of taking place says when the noun does: "talks will begin next week".
    """
    modality = modality_of(token)
    if modality in ("future", "hedged") and token.pos_ in ("NOUN", "PROPN"):
        node = token
        while node.head != node and node.pos_ not in ("VERB", "AUX"):
            if node.dep_ in ("nsubj", "csubj"):
                if lemma_of(node.head) in lx.OCCURRENCE_VERBS or copular_modality(node.head) is not None:
                    return modality  # "talks will begin", "an attack is imminent": said of the noun
                return modality_of(token, stop=node.head)
            node = node.head
    return modality


def _glad_to_be_there(token: Token) -> bool:
    """"It is a pleasure to be back in X", "I am glad to be here in X": an infinitive of being
    somewhere under a word of gladness says where the speaker is now, not a plan."""
    if lemma_of(token) != "be" or token.dep_ not in ("xcomp", "acl"):
        return False
    head = token.head
    words = [head] + [c for c in head.children if c.dep_ in ("attr", "acomp")]
    return any(lemma_of(w) in lx.GLAD_WORDS for w in words)


def _aid_decided(token: Token) -> bool:
    """Whether aid is what a government decided (in the past or now) to give: "decided to extend
    Emergency Grant Aid of $5 million to X", "has decided to provide relief goods". The decision
    is the grant, as a donor's release reports it; "will decide", "may decide" are not."""
    for verb in [token, *list(token.ancestors)[:3]]:
        if verb.pos_ != "VERB" or lemma_of(verb) not in lx.FUNDING_VERBS:
            continue
        governor = verb.head
        if verb.dep_ == "xcomp" and lemma_of(governor) == "decide":
            return modality_of(governor) == "asserted"
    return False


def _elevation_agreed(token: Token) -> bool:
    """Whether a partnership is what the parties agreed or decided (in the past or now) to raise
    their relations to or to establish: "agreed to elevate relations to a strategic partnership",
    "decided to establish a comprehensive partnership". The agreement is the upgrade."""
    for verb in list(token.ancestors)[:5]:
        if verb.pos_ != "VERB" or lemma_of(verb) not in lx.ELEVATION_VERBS:
            continue
        governor = verb.head
        if verb.dep_ == "xcomp" and lemma_of(governor) in ("agree", "decide"):
            return modality_of(governor) == "asserted"
    return False


def _any_such(token: Token) -> bool:
    """Whether the trigger is, or a relative clause says what is done with, a noun quantified
    by "any" or "every" ("any agreement", "any deal we sign"), or what the act is aimed at is
    ("sanctions on any country that buys ...", "open fire on any vessel"): what holds of every
    such act reports none."""
    noun = token.head if token.pos_ == "VERB" and token.dep_ == "relcl" else token
    heads = [token, token.head] if token.dep_ == "dobj" else [token]
    aimed = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at")
             for g in c.children if g.dep_ == "pobj"]
    return any(c.dep_ == "det" and c.lower_ in ("any", "every", "whatever") for n in [noun, *aimed]
               for c in n.children)


def _none_such(token: Token) -> bool:
    """Whether a trigger verb's subject is quantified by "no" ("no aircraft has been shot
    down", "no agreement was signed"): the act did not take place."""
    return token.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in token.children)


def _purpose(token: Token) -> bool:
    """Whether the trigger's clause is an infinitive of purpose ("... to foster trade")."""
    verb = predicate_of(token)
    if not (verb.tag_ == "VB" and verb.dep_ in ("advcl", "acl") and verb != token.sent.root
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        return False
    if lemma_of(verb.head) in lx.ORDER_VERBS:
        return False  # "orders the ministry to raise tariffs": the order is carried out
    node = token
    while node != verb and node.head != node:
        if node.dep_ == "prep" and node.lower_ in lx.CIRCUMSTANCE_PREPS:
            return False  # "to discuss relations amid tensions": the tensions are real
        node = node.head
    return True


def _quoted_label(trigger: Trigger) -> bool:
    """Whether the trigger sits in a short quoted phrase without a verb: a label ("a 'declaration
    of war'"), not a report."""
    sent = trigger.token.sent
    text = sent.text
    offset = trigger.token.idx - sent.start_char
    for match in _SHORT_QUOTE.finditer(text):
        if match.start() < offset < match.end():
            quoted = sent.char_span(match.start(), match.end(), alignment_mode="expand")
            # a quoted clause is a report ("Tajikistan is our ally"); a phrase without a verb is a label
            return quoted is not None and not any(t.pos_ in ("VERB", "AUX") for t in quoted)
    return False


def _proposed(token: Token) -> bool:
    """Whether the trigger is something asked for, not done: "calls for an embargo", "urged sanctions"
    (not an act of its own beside the request: "threatens sanctions on X, calling Y a threat")."""
    for ancestor in list(token.ancestors)[:4]:
        if any(c.dep_ == "advcl" and c.tag_ == "VBG" and token in c.subtree for c in ancestor.children):
            return False
        lemma = lemma_of(ancestor)
        if ancestor.dep_ == "prep" and ancestor.lower_ in lx.CIRCUMSTANCE_PREPS:
            return False  # "threatens X after imposing sanctions on Y": those sanctions are in force
        if ancestor.pos_ == "VERB" and (lemma in lx.PROPOSAL_VERBS or (
                lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in ancestor.children))):
            return True
        if ancestor.dep_ in ("ROOT", "ccomp"):
            return False
    return False


def _under_discussion(token: Token) -> bool:
    """Whether the trigger is what a verb of discussion is about ("discussed diversifying trade")."""
    node = token
    for _ in range(4):
        if node.head == node:
            return False
        child, node = node, node.head
        if node.pos_ == "VERB" and lemma_of(node) in lx.DISCUSSION_VERBS:
            # what is discussed is its object; "amid tensions", "in Havana" are circumstances
            return child.dep_ in ("dobj", "xcomp", "ccomp", "pcomp", "nsubjpass") or (
                child.dep_ == "prep" and child.lower_ in ("on", "about", "of", "over"))
        if node.pos_ == "NOUN" and lemma_of(node) in lx.TALK_NOUNS and token.pos_ == "NOUN" and (
                child.dep_ == "prep" and child.lower_ in ("on", "about", "over")):
            return True  # "talks on a fisheries deal": the deal is what they talk about
        if node.dep_ in ("ROOT", "ccomp", "conj"):
            return False
    return False
