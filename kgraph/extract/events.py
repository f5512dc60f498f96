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

from ..model import Claim
from ..relations import Relation
from . import lexicon as lx
from .attributes import claim_speaker, evidence_of
from .claim_modality import claim_modality
from .context import ArticleContext, Sentence, unique_parties
from .participation import participants_after
from .parties import find_parties
from .syntax import lemma_of
from .triggers import Trigger



def event_claims(trigger: Trigger, sentence: Sentence, ctx: ArticleContext) -> list[Claim]:
    """Meeting claims for each pair of an event's participants, when the sentences right after
    the event name participants its own sentence does not; [] otherwise."""
    if trigger.relation != Relation.MEETING or lemma_of(trigger.token) not in lx.EVENT_NOUNS:
        return []
    sent = sentence.span
    following = participants_after(sent, ctx.parties_in)
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
