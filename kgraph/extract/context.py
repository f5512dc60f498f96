"""What the claim rules know beyond one trigger: the article, the sentence, the claims before.

Three records, each passed explicitly to the rules that read it:

- `ArticleContext`: what the whole article says, built once before its first sentence
  and never changed: its mentions and where they are, who speaks each sentence, its main
  pair, and how a mention, "we" or "you" stands for a party.
- `Sentence`: one sentence, its number and its trigger words.
- `Discourse`: what the article's earlier claims established, handed from one trigger to
  the next as a new value (the last explicit claim of each relation).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from ..gazetteer import Gazetteer
from ..model import Entity, Mention
from ..relations import Relation
from . import lexicon as lx
from .mentions import mention_tokens
from .speakers import SpeakerMap
from .triggers import Trigger


# A party of a sentence, with the head token of its mention.
Party = tuple[Entity, Token]
# A side of a claim: a party, with its token when the sentence names it (None: found elsewhere).
Side = tuple[Entity, Token | None]
# A claim's (subject, object).
Pair = tuple[Side, Side]
S = TypeVar("S", Party, Side)


class ArticleContext:
    """What the rules know about one article as a whole; not changed once built.

    Args:
        doc: the parsed article.
        mentions: its linked mentions.
        date: its date (periods, leaders in office).
        gazetteer: countries and organizations.
        doc_id: the article id written in each claim.
        byline: who speaks the whole article (remarks, a statement), if one person does.
    """

    def __init__(self, doc: Doc, mentions: list[Mention], date: dt.date | None, gazetteer: Gazetteer, *,
                 doc_id: str = "", byline: Entity | None = None) -> None:
        self.doc = doc
        self.date = date
        self.gaz = gazetteer
        self.doc_id = doc_id
        self.byline = byline
        self.mentions = mentions
        self.index = mention_tokens(doc, mentions)
        self.speakers = SpeakerMap(doc, self.index)
        self.pair = self._main_pair()

    def _main_pair(self) -> tuple[Entity, Entity] | None:
        """The two countries an article is about: the two most mentioned as actors."""
        counts: Counter[str] = Counter()
        entities: dict[str, Entity] = {}
        for mention in self.mentions:
            party = self.as_party(mention.entity)
            if party is None or mention.function == "people":
                continue
            counts[party.id] += 1
            entities[party.id] = party
        ranked = [code for code, n in counts.most_common() if n >= 1]
        if len(ranked) < 2:
            return None
        if len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]]:
            return None  # no clear second party
        return entities[ranked[0]], entities[ranked[1]]

    def as_party(self, entity: Entity) -> Entity | None:
        """The state or organization a mention acts for (a leader acts for their country).
        Territories without a government of their own ("Antarctica") act for no one."""
        if entity.type == "Country" and entity.id in lx.UNGOVERNED:
            return None
        if entity.type == "Organization":
            record = self.gaz.organizations.get(entity.id)
            if record is not None and record.kind == "national_agency" and len(record.members) == 1:
                return self.gaz.country_entity(record.members[0])  # USAID acts for the United States
        if entity.type in ("Country", "Organization"):
            return entity
        if entity.country:
            return self.gaz.country_entity(entity.country)
        return None

    def party_at(self, token: Token) -> tuple[Entity, Mention | None] | None:
        mention = self.index.get(token.i)
        if mention is not None:
            if mention.function in ("people",):
                return None
            party = self.as_party(mention.entity)
            return (party, mention) if party is not None else None
        speaker = self.speakers.first_person_country(token)
        if speaker is not None:
            party = self.as_party(speaker)
            return (party, None) if party is not None else None
        if token.lower_ in lx.SECOND_PERSON:
            addressee = self.addressee(token)
            return (addressee, None) if addressee is not None else None
        return None

    def addressee(self, token: Token) -> Entity | None:
        """"you" in a quotation or transcript turn: the other country of the article's pair."""
        speaker, how = self.speakers.speaker_of(token.sent, token)
        if speaker is None or how not in ("quotation", "transcript") or self.pair is None:
            return None
        own = self.as_party(speaker.entity)
        if own is None or own.id not in (self.pair[0].id, self.pair[1].id):
            return None
        return self.pair[1] if own.id == self.pair[0].id else self.pair[0]

    def parties_in(self, sent: Span) -> list[Party]:
        """Each party in a sentence once per mention, with the mention's head token."""
        out = []
        seen: set[int] = set()
        for token in sent:
            found = self.party_at(token)
            if found is None:
                continue
            entity, mention = found
            if mention is not None:
                head = self.mention_head(mention) or token
                key = head.i
            else:
                head, key = token, token.i
            if key in seen:
                continue
            seen.add(key)
            out.append((entity, head))
        return out

    def mention_head(self, mention: Mention) -> Token | None:
        """The syntactic head of a mention's span."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span.root if span is not None else None

    def bilateral_voice(self, sent: Span) -> bool:
        """A speaker of the article's pair saying "we"/"our" in a quotation or transcript turn:
        in a bilateral meeting "our cooperation" is the two countries'."""
        for token in sent:
            if token.lower_ in ("we", "our", "us"):
                speaker = self.speakers.first_person_country(token)
                party = self.as_party(speaker) if speaker is not None else None
                if party is not None and self.pair is not None and party.id in (self.pair[0].id, self.pair[1].id):
                    return True
        return False

    def pair_mentioned(self, sent: Span) -> bool:
        """Whether the sentence refers to the article's pair ("the two countries", "bilateral")."""
        lowers = [t.lower_ for t in sent]
        if any(w in lx.BILATERAL_WORDS for w in lowers):
            return True
        for phrase in lx.PAIR_PHRASES:
            n = len(phrase)
            if any(tuple(lowers[i:i + n]) == phrase for i in range(len(lowers) - n + 1)):
                return True
        return False


def unique_parties(items: Iterable[S]) -> list[S]:
    """The parties once each (the first mention of each), in order."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item[0].id not in seen:
            seen.add(item[0].id)
            out.append(item)
    return out


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence as the rules read it: its span, its number in the article and its triggers."""

    span: Span
    number: int
    triggers: tuple[Trigger, ...]
    trigger_tokens: frozenset[int]

    @classmethod
    def of(cls, span: Span, number: int, triggers: Iterable[Trigger]) -> Sentence:
        found = tuple(triggers)
        return cls(span, number, found, frozenset(t.token.i for t in found))


@dataclass(frozen=True, slots=True)
class Recent:
    """An explicit claim of a relation: the sentence it was made in and its parties."""

    sentence: int
    subject: Entity
    object: Entity | None


@dataclass(frozen=True, slots=True)
class Discourse:
    """What the article's earlier claims established, for sentences that leave a party to them
    ("The new funding includes $8 million for Chad": the giver named just before).

    A new value is made for each change (`after`); no rule changes one in place.
    """

    recent: Mapping[Relation, Recent] = field(default_factory=dict)

    def last(self, relation: Relation) -> Recent | None:
        """The last explicit claim of a relation, if any."""
        return self.recent.get(relation)

    def after(self, relation: Relation, sentence: int, subject: Entity, obj: Entity | None) -> Discourse:
        """The discourse once a claim of `relation` between `subject` and `obj` is made."""
        return Discourse({**self.recent, relation: Recent(sentence, subject, obj)})
