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
from ..model import Amount, Entity, Mention
from ..relations import Relation
from . import lexicon as lx
from .mentions import mention_tokens
from .referents import Referents, is_joint_statement, publisher_of
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
        source: the article's source line, which may name the government that published it
            (whose "we" the text's own "we" is: referents.py).
        title: the article's title.
    """

    def __init__(self, doc: Doc, mentions: list[Mention], date: dt.date | None, gazetteer: Gazetteer, *,
                 doc_id: str = "", byline: Entity | None = None, source: str | None = None,
                 title: str | None = None) -> None:
        self.doc = doc
        self.date = date
        self.gaz = gazetteer
        self.doc_id = doc_id
        self.byline = byline
        self.mentions = mentions
        self.index = mention_tokens(doc, mentions)
        self.speakers = SpeakerMap(doc, self.index)
        publisher = publisher_of(source, gazetteer)
        # the country whose voice the text is (its remarks' speaker, its publisher) is one of its parties
        voice = (self.as_party(byline) if byline is not None else None) or publisher
        self.pair = self._main_pair(voice)
        # who "we", "our" and "you" stand for beyond a sentence (publisher, byline, joint statement)
        self.referents = Referents(doc, self.speakers, self.as_party, self.pair, byline=byline, publisher=publisher,
                                   joint=is_joint_statement(title, source, _headline(doc)),
                                   party_named=self._named_party, region_of=self._region_of)

    def _main_pair(self, voice: Entity | None = None) -> tuple[Entity, Entity] | None:
        """The two countries an article is about: the two most mentioned as actors. The country
        whose voice the text is (`voice`: a release's government) is one of them when the text
        names one other party only, or several others equally often."""
        counts: Counter[str] = Counter()
        entities: dict[str, Entity] = {}
        for mention in self.mentions:
            party = self.as_party(mention.entity)
            if party is None or mention.function == "people":
                continue
            counts[party.id] += 1
            entities[party.id] = party
        ranked = [code for code, n in counts.most_common() if n >= 1]
        if voice is not None and ranked and voice.id != ranked[0] and (
                len(ranked) == 1 or counts[ranked[1]] < counts[ranked[0]] and voice.id != ranked[1] and (
                    counts[ranked[1]] == counts.get(voice.id, 0)
                    or len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]])):
            return voice, entities[ranked[0]]  # "we" and the country it is most about
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

    def speaker_party(self, speaker: Mention) -> Entity | None:
        """The state or organization a speaker acts for: their own, else that of the office named
        right before their name, which the linker did not know ("U.S. Trade Representative
        Robert Lighthizer": the United States)."""
        party = self.as_party(speaker.entity)
        if party is not None:
            return party
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        office = self.index.get(span.start - 1)
        return self.as_party(office.entity) if office is not None else None

    def party_at(self, token: Token) -> tuple[Entity, Mention | None] | None:
        mention = self.index.get(token.i)
        if mention is not None:
            if mention.function in ("people",):
                return None
            party = self.as_party(mention.entity)
            return (party, mention) if party is not None else None
        references = self.referents.refer(token)  # "we", "our", "you": referents.py
        return (references[0].entity, None) if references else None

    def _named_party(self, token: Token) -> Entity | None:
        mention = self.index.get(token.i)
        return self.as_party(mention.entity) if mention is not None and mention.function != "people" else None

    def _region_of(self, country: Entity) -> tuple[str, str] | None:
        record = self.gaz.countries.get(country.id)
        return (record.region, record.subregion) if record is not None else None

    def resolution_at(self, token: Token) -> str | None:
        """How the party at a token was found when the token does not name it ("we": "speaker",
        "publisher", ...; see referents.py); None for a name."""
        if token.i in self.index:
            return None
        references = self.referents.refer(token)
        return references[0].resolution if references else None

    def parties_in(self, sent: Span) -> list[Party]:
        """Each party in a sentence once per mention, with the mention's head token."""
        out = []
        seen: set[int] = set()
        for token in sent:
            if token.i not in self.index and len(references := self.referents.refer(token)) > 1:
                # "we" in a joint statement: each of its parties, on the same word
                out.extend((reference.entity, token) for reference in references)
                seen.add(token.i)
                continue
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
        """A speaker of the article's pair saying "we"/"our" (in a quotation, a transcript turn,
        remarks or a release of that government): in a bilateral meeting "our cooperation" is
        the two countries'."""
        return self.referents.voices_pair(sent)

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


def _headline(doc: Doc) -> str:
    """The article's first line, which is its headline when it has one."""
    return doc.text.split("\n", 1)[0][:300]


def unique_parties(items: Iterable[S]) -> list[S]:
    """The parties once each (the first mention of each), in order."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item[0].id not in seen:
            seen.add(item[0].id)
            out.append(item)
    return out


def cross_pairs(firsts: Iterable[Side], seconds: Iterable[Side]) -> list[Pair]:
    """Each of `firsts` with each of `seconds`, in order, never a party with itself."""
    later = list(seconds)
    return [(a, b) for a in firsts for b in later if a[0].id != b[0].id]


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
    amount: Amount | None = None


@dataclass(frozen=True, slots=True)
class Discourse:
    """What the article's earlier claims established, for sentences that leave a party to them
    ("The new funding includes $8 million for Chad": the giver named just before).

    A new value is made for each change (`after`); no rule changes one in place.
    """

    recent: Mapping[Relation, Recent] = field(default_factory=dict)
    shared: Mapping[Relation, Recent] = field(default_factory=dict)  # the same for symmetric relations

    def last(self, relation: Relation) -> Recent | None:
        """The last explicit claim of a relation, if any."""
        return self.recent.get(relation)

    def after(self, relation: Relation, sentence: int, subject: Entity, obj: Entity | None,
              amount: Amount | None = None) -> Discourse:
        """The discourse once a claim of `relation` between `subject` and `obj` is made."""
        return Discourse({**self.recent, relation: Recent(sentence, subject, obj, amount)}, self.shared)

    def last_shared(self, relation: Relation) -> Recent | None:
        """The last claim of a symmetric relation made of one pair, if any."""
        return self.shared.get(relation)

    def after_shared(self, relation: Relation, sentence: int, first: Entity, second: Entity) -> Discourse:
        """The discourse once a symmetric claim of `relation` is made of one pair."""
        return Discourse(self.recent, {**self.shared, relation: Recent(sentence, first, second)})
