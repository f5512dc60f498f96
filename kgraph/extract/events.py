"""Multilateral events whose participants are named in the sentences after them.

"The first Central Asia - European Union Summit was held in Samarkand. It was chaired by
the President of Uzbekistan. The EU was represented by ... Central Asian countries were
represented by the Presidents of Kazakhstan, ..." names a summit once and its participants
in the sentences that follow. Under the guidelines a meeting of three or more named parties
gives one meeting row per pair of them (brokers and venues are not parties). `event_claims`
reads an event noun's own parties (its modifiers, "with"/"between" phrases), then the
participants of the run of sentences right after it that say who took part (chaired,
represented, attended, took part, joined, led), and makes one meeting claim per pair, with
the event's sentence as evidence and resolution "event".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Claim
from ..relations import Relation
from . import lexicon as lx
from .attributes import claim_speaker, evidence_of
from .claim_modality import claim_modality
from .context import ArticleContext, Party, Sentence, unique_parties
from .parties import find_parties
from .syntax import lemma_of
from .triggers import Trigger

# Verbs saying who took part in an event: "was chaired by X", "X was represented by Y",
# "leaders of X and Y attended", "X took part", "X joined", "the delegation was led by Y".
PARTICIPATION_VERBS = frozenset({"chair", "co-chair", "cochair", "represent", "attend", "participate", "join",
                                 "lead", "head", "take"})
# Prepositions of where: a place named with a participation verb is the venue, no participant.
_VENUE_PREPS = frozenset({"in", "at", "near", "on", "during"})
# How many sentences after the event may name its participants.
MAX_PARTICIPANT_SENTENCES = 3


def event_claims(trigger: Trigger, sentence: Sentence, ctx: ArticleContext) -> list[Claim]:
    """Meeting claims for each pair of an event's participants, when the sentences right after
    the event name participants its own sentence does not; [] otherwise."""
    if trigger.relation != Relation.MEETING or lemma_of(trigger.token) not in lx.EVENT_NOUNS:
        return []
    sent = sentence.span
    following = participants_after(sent, ctx)
    if not following:
        return []
    parties = find_parties(trigger, sentence, ctx)
    own = unique_parties(parties.agents + parties.others + parties.co_parties + parties.mods)
    everyone = unique_parties(own + following)
    if len(everyone) < 2 or len(everyone) == len(own):
        return []
    modality = claim_modality(trigger, False)
    speaker = claim_speaker(sent, trigger.token, ctx)
    evidence = evidence_of(sent)
    return [
        Claim(doc=ctx.doc_id, relation=str(trigger.relation), subject=a, object=b, evidence=evidence,
              rule=f"{trigger.kind}-{trigger.relation}/event", modality=modality, speaker=speaker, date=ctx.date,
              confidence=0.6, implied=True, resolution="event")
        for i, (a, _) in enumerate(everyone) for b, _ in everyone[i + 1:]
    ]


def participants_after(sent: Span, ctx: ArticleContext) -> list[Party]:
    """The parties named as taking part in the run of sentences right after `sent` (in the
    same paragraph) whose verb says who took part: "It was chaired by X", "Y was represented
    by Z". The run ends at the first other sentence; a denied part ("X did not attend")
    ends it too."""
    found: list[Party] = []
    doc = sent.doc
    end = sent.end
    for _ in range(MAX_PARTICIPANT_SENTENCES):
        if end >= len(doc) or "\n\n" in doc[end - 1:end + 1].text_with_ws:
            break
        following = doc[end].sent
        verb = participation_verb(following)
        if verb is None:
            break
        found.extend((entity, head) for entity, head in ctx.parties_in(following) if not _venue(head, verb))
        end = following.end
    return unique_parties(found)


def participation_verb(sent: Span) -> Token | None:
    """The verb of a sentence that says who took part in an event ("chaired", "represented",
    "attended", "took part"), unless it is denied; None for any other sentence."""
    root = sent.root
    for verb in (root, *root.conjuncts):
        lemma = lemma_of(verb)
        if lemma not in PARTICIPATION_VERBS:
            continue
        if lemma == "take" and not any(c.dep_ == "dobj" and lemma_of(c) == "part" for c in verb.children):
            continue  # "took part", not "took steps"
        if any(c.dep_ == "neg" for c in verb.children):
            return None
        return verb
    return None


def _venue(party: Token, verb: Token) -> bool:
    """Whether a party is reached from the verb through a preposition of place ("in Samarkand")."""
    node = party
    while node != verb and node.head != node:
        if node.dep_ == "pobj" and node.head.lower_ in _VENUE_PREPS and node.head.head == verb:
            return True
        node = node.head
    return False
