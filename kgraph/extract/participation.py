"""Who took part in an event: the sentences right after it that say so ("It was chaired by X",
"Y was represented by Z", "leaders of A and B attended").

Pure functions of a parse and of a callable that names a sentence's parties, shared by the
event claims (events.py) and by the group nouns that refer to an event's participants
("the leaders", "Central Asian leaders": referents.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from spacy.tokens import Span, Token

from .syntax import lemma_of

# Verbs saying who took part in an event: "was chaired by X", "X was represented by Y",
# "leaders of X and Y attended", "X took part", "X joined", "the delegation was led by Y".
PARTICIPATION_VERBS = frozenset({"chair", "co-chair", "cochair", "represent", "attend", "participate", "join",
                                 "lead", "head", "take"})
# Prepositions of where: a place named with a participation verb is the venue, no participant.
_VENUE_PREPS = frozenset({"in", "at", "near", "on", "during"})
# How many sentences after the event may name its participants.
MAX_PARTICIPANT_SENTENCES = 3

P = TypeVar("P", bound=tuple)


def participants_after(sent: Span, parties_in: Callable[[Span], Iterable[P]]) -> list[P]:
    """The parties (as `parties_in` gives them: (entity, head token), ...) named as taking part
    in the run of sentences right after `sent`, in the same paragraph, whose verb says who took
    part. The run ends at the first other sentence; a denied part ("X did not attend") ends it
    too. Venues ("in Samarkand") are left out; each party once."""
    found: list[P] = []
    seen: set[str] = set()
    doc = sent.doc
    end = sent.end
    for _ in range(MAX_PARTICIPANT_SENTENCES):
        if end >= len(doc) or "\n\n" in doc[end - 1:end + 1].text_with_ws:
            break
        following = doc[end].sent
        verb = participation_verb(following)
        if verb is None:
            break
        for party in parties_in(following):
            if not _venue(party[1], verb) and party[0].id not in seen:
                seen.add(party[0].id)
                found.append(party)
        end = following.end
    return found


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
