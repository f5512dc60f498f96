"""Who an article's words that name no party stand for: "we", "our", "you", "the two countries".

A sentence often leaves its parties to the rest of the article: "we" in a transcript is
the speaker's country, in a government's release the government, in a joint statement
both signatories; "you" in a speech to a visiting leader is the visitor's country; "the
two countries" is the pair the article is about. `Referents` reads those once per
article: the publishing government from the source line (`publisher_of`), the person
whose remarks the text is (the byline), whether the text is a joint statement, and the
article's main pair. `Referents.refer` says whom such a word stands for and how that was
found: the `resolution` a claim resting on it carries.

Resolutions (the values of `Claim.resolution`):

- "speaker": "we"/"our"/"I" in a quotation or transcript turn, the speaker's country;
- "addressee": "you"/"your" there, the other country of the article's pair;
- "byline": "we" in remarks one person gives (their title or source line says so), that
  person's country;
- "publisher": "we" in a government's release outside any quotation, that government;
- "joint": "we" in a joint statement, both parties of the article's pair;
- "inclusive": "we" after bilateral talks doing what takes two ("we signed agreements"),
  the speaker's and the addressee's countries;
- "group": a counted group the next sentence lists ("four other countries ... The four
  were A, B, C and D"), or a group noun naming the participants of the event just
  before ("the leaders", "Central Asian leaders").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..gazetteer import Gazetteer
from ..model import Entity
from .lexicon import EVENT_NOUNS
from .participation import participants_after
from .speakers import SpeakerMap

FIRST_PERSON_PLURAL = frozenset({"we", "our", "us", "ours", "ourselves"})
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "myself"})
SECOND_PERSON = frozenset({"you", "your", "yours"})


@dataclass(frozen=True, slots=True)
class Reference:
    """A party a word stands for, and how that was found (a resolution, see the module)."""

    entity: Entity
    resolution: str


# -- the publisher ---------------------------------------------------------------------

# Government web domains: ".gov" and ".mil" are American; "gov.XX", "go.XX", "gob.XX",
# "gouv.XX" and the like are country XX's (alpha-2, "uk" for GB); a few governments and the
# EU publish under a domain of their own.
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.IGNORECASE)
_GOVERNMENT_SUFFIX = re.compile(r"\.(?:gov|go|gob|gouv|govt|gv|gub|mil)\.([a-z]{2})$")
_GOVERNMENT_DOMAINS = {
    "kremlin.ru": "RUS", "government.ru": "RUS", "mid.ru": "RUS", "gc.ca": "CAN", "canada.ca": "CAN",
    "admin.ch": "CHE", "elysee.fr": "FRA", "bundesregierung.de": "DEU", "auswaertiges-amt.de": "DEU",
    "regjeringen.no": "NOR", "government.se": "SWE", "mofa.go.kr": "KOR", "fmprc.gov.cn": "CHN",
    "europa.eu": "EU",
}
# Publishers named in words: "a Prime Minister of Australia media release", "Ministry of
# Foreign Affairs of Japan", "Government of the Russian Federation", "President of Russia
# website", "a GOV.UK press release", "a U.S. Department of the Treasury press release".
_OFFICE_OF = re.compile(
    r"\b(?:Government|Ministry(?: of [A-Z][a-z]+(?: (?:and|&)? ?[A-Z][a-z]+)*)?|Prime Minister|President|"
    r"Presidency|Office of the (?:President|Prime Minister)|Department of [A-Z][a-z]+(?: Affairs)?)"
    r" of (?P<country>(?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})")
_NAMED_PUBLISHERS = (
    (re.compile(r"\bGOV\.UK\b|\bUK Government\b|\bHM Government\b|\bForeign, Commonwealth"), "GBR"),
    (re.compile(r"\b(?:U\.S\.|US|United States) (?:Department|Embassy|Mission|Trade Representative)|"
                r"\bWhite House\b|\bUSAID\b|\bOffice of the United States Trade Representative\b"), "USA"),
    (re.compile(r"\bEuropean (?:Commission|Council|External Action Service)\b|\bEuropean Union press\b"), "EU"),
)


def publisher_of(source: str | None, gazetteer: Gazetteer) -> Entity | None:
    """The government (a country, or the EU) that published a text, read off its source line.

    A government web domain decides first ("https://pm.gov.au/...", "home.treasury.gov"),
    then a publisher named in words ("mirror of a Prime Minister of Australia media
    release"). A newspaper, a wire or an encyclopedia has no publishing government.

    Examples:
        >>> from kgraph.gazetteer import load_gazetteer
        >>> gaz = load_gazetteer()
        >>> publisher_of("https://pm.gov.au/media/press-conference (Prime Minister of Australia)", gaz).id
        'AUS'
        >>> publisher_of("https://example.org/x (mirror of a Ministry of Foreign Affairs of Japan release)", gaz).id
        'JPN'
        >>> publisher_of("https://x.com/y (reprint of a U.S. Department of the Treasury press release)", gaz).id
        'USA'
        >>> publisher_of("Wikinews; CC BY 2.5", gaz) is None
        True
    """
    if not source:
        return None
    for match in _DOMAIN.finditer(source):
        domain = match.group(1).lower()
        code = None
        if domain.endswith((".gov", ".mil")):
            code = "USA"
        elif (suffix := _GOVERNMENT_SUFFIX.search(domain)) is not None:
            alpha2 = suffix.group(1).upper()
            record = gazetteer.country("GB" if alpha2 == "UK" else alpha2)
            code = record.alpha3 if record is not None else None
        else:
            code = next((c for known, c in _GOVERNMENT_DOMAINS.items()
                         if domain == known or domain.endswith("." + known)), None)
        if code is not None:
            return _entity(code, gazetteer)
    found: list[tuple[int, str]] = []
    for match in _OFFICE_OF.finditer(source):
        words = match.group("country").split()
        # "Prime Minister of Australia media release": the longest name that is a country
        for n in range(len(words), 0, -1):
            record = gazetteer.country(" ".join(words[:n]))
            if record is not None:
                found.append((match.start(), record.alpha3))
                break
    for pattern, code in _NAMED_PUBLISHERS:
        match = pattern.search(source)
        if match is not None:
            found.append((match.start(), code))
    return _entity(min(found)[1], gazetteer) if found else None


def _entity(code: str, gazetteer: Gazetteer) -> Entity | None:
    if code in gazetteer.organizations:
        return gazetteer.organization_entity(code)
    record = gazetteer.country(code)
    return gazetteer.country_entity(record.alpha3) if record is not None else None


# -- the document's voice --------------------------------------------------------------

# A text that is itself a joint statement: its "we" is every party that issues it.
_JOINT_TEXT = re.compile(r"\bjoint (?:leaders['’]? )?(?:statement|declaration|communiqu[eé])\b", re.IGNORECASE)


def is_joint_statement(*texts: str | None) -> bool:
    """Whether a title, source line or headline calls the text a joint statement.

    Examples:
        >>> is_joint_statement(None, "Prime Minister of Australia, joint statement with the Prime Minister of Tuvalu")
        True
        >>> is_joint_statement("Remarks at the joint press conference")
        False
    """
    return any(_JOINT_TEXT.search(text or "") for text in texts)


# Plural nouns that stand for a group of parties: "the four countries", "three other nations".
GROUP_NOUNS = frozenset({"country", "nation", "state", "government", "economy", "member", "side", "party",
                         "leader", "delegation"})
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "eleven": 11, "twelve": 12}


# How many sentences back a group noun ("the leaders") may refer to an event's participants.
EVENT_REACH = 6

# Regions and subregions as news names them, and their name in the country table.
REGION_NAMES = {
    "central asia": "Central Asia", "central asian": "Central Asia", "african": "Africa", "asian": "Asia",
    "european": "Europe", "south american": "South America", "central american": "Central America",
    "caribbean": "Caribbean", "west african": "Western Africa", "east african": "Eastern Africa",
    "southern african": "Southern Africa", "southeast asian": "South-eastern Asia",
    "south-east asian": "South-eastern Asia", "south asian": "Southern Asia", "east asian": "Eastern Asia",
    "north african": "Northern Africa", "eastern european": "Eastern Europe", "nordic": "Northern Europe",
    "pacific island": "Polynesia",
}


def _number(token: Token) -> int | None:
    """The number a word says ("four", "4"), if any."""
    lower = token.text.lower()
    if lower.isdigit():
        return int(lower)
    return _NUMBERS.get(lower)


class Referents:
    """The article-level referents of "we", "our", "you" and their kin.

    Args:
        doc: the parsed article.
        speakers: who says each sentence.
        as_party: the state or organization a person or body acts for.
        pair: the article's main pair (`ArticleContext.pair`), if it has one.
        publisher: the government that published the text (`publisher_of`).
        byline: the person whose remarks the whole text is.
        joint: whether the text is a joint statement of the pair.
        party_named: the party the name at a token stands for (the article's mentions).
        region_of: a country's region and subregion ("Asia", "Central Asia").
    """

    def __init__(self, doc: Doc, speakers: SpeakerMap, as_party: Callable[[Entity], Entity | None],
                 pair: tuple[Entity, Entity] | None, *, publisher: Entity | None = None,
                 byline: Entity | None = None, joint: bool = False,
                 party_named: Callable[[Token], Entity | None] = lambda token: None,
                 region_of: Callable[[Entity], tuple[str, str] | None] = lambda entity: None) -> None:
        self.doc = doc
        self.region_of = region_of
        self.party_named = party_named  # the party a name at a token stands for
        self.speakers = speakers
        self.as_party = as_party
        self.pair = pair
        self.publisher = publisher
        self.byline = byline
        self.joint = joint and pair is not None

    def refer(self, token: Token) -> list[Reference]:
        """The parties a pronoun stands for ([] for any other word, or when the text does not say)."""
        lower = token.text.lower()
        if lower in FIRST_PERSON_PLURAL or lower in FIRST_PERSON_SINGULAR:
            return self._first_person(token, singular=lower in FIRST_PERSON_SINGULAR)
        if lower in SECOND_PERSON:
            addressee = self.addressee(token)
            return [Reference(addressee, "addressee")] if addressee is not None else []
        if token.tag_ == "NNS" and token.lemma_.lower() in GROUP_NOUNS:
            members = self.listed_group(token) or self.counted_before(token) or self.event_group(token)
            return [Reference(entity, "group") for entity in members]
        return []

    def event_group(self, noun: Token) -> list[Entity]:
        """The participants of the event named last before a group noun that refers to them: "the
        leaders", "the three ministers", "Central Asian countries" (those of the region only),
        within a few sentences of the event; [] when no event's participants fit."""
        before = [t.text.lower() for t in self.doc[max(noun.sent.start, noun.i - 3):noun.i]]
        # the words right before the noun ("Central Asian countries"; the parser may hang them elsewhere)
        region = next((REGION_NAMES[" ".join(before[i:])] for i in range(len(before))
                       if " ".join(before[i:]) in REGION_NAMES), None)
        count = next((_number(c) for c in noun.children if c.dep_ == "nummod"), None)
        definite = any(c.dep_ in ("det", "predet") and c.lower_ in ("the", "both", "all") for c in noun.children)
        if region is None and not definite:
            return []
        participants = self._participants_before(noun)
        members = [p for p in participants if region is None or p.type == "Country"
                   and region in (self.region_of(p) or ())]
        if len(members) < 2 or count is not None and count != len(members):
            return []
        return members

    def _participants_before(self, noun: Token) -> list[Entity]:
        """The participants of the last event named in the few sentences up to `noun`'s."""
        sents = list(self.doc.sents)
        number = next(i for i, s in enumerate(sents) if s.start <= noun.i < s.end)
        for sent in reversed(sents[max(0, number - EVENT_REACH):number]):
            if any(t.lemma_.lower() in EVENT_NOUNS and t.pos_ in ("NOUN", "PROPN") for t in sent):
                found = participants_after(sent, self._named_parties)
                if found:
                    return [entity for entity, _ in found]
        return []

    def _named_parties(self, span: Span) -> list[tuple[Entity, Token]]:
        """The parties a span names, each with one of its words."""
        return [(party, token) for token in span if (party := self.party_named(token)) is not None]

    def counted_before(self, noun: Token) -> list[Entity]:
        """The members of a counted group named earlier in its own sentence: in "X hit A with
        sanctions after restrictions against B and C, calling the three nations ...", A, B and C
        (the parties of the subjects above the noun, who speak of the group, are not in it). The
        count must match; else [] (the group is not resolved). Three or more: "the two countries"
        is the article's pair (`ArticleContext.pair_mentioned`), often the speaker's own."""
        count = next((_number(c) for c in noun.children if c.dep_ == "nummod"), None)
        if count is None or count < 3 or not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                                 for c in noun.children):
            return []
        speakers = {t.i for verb in noun.ancestors for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                    for t in c.subtree}
        members: list[Entity] = []
        for token in noun.doc[noun.sent.start:noun.i]:
            party = self.party_named(token)
            if party is not None and token.i not in speakers and party.id not in {m.id for m in members}:
                members.append(party)
        return members if len(members) == count else []

    def listed_group(self, noun: Token) -> list[Entity]:
        """The members of a counted group that the next sentence lists: in "officials from X and
        four other countries met. The four were A, B, C and D.", A, B, C and D. The count must
        match the list; else [] (the group is not resolved)."""
        count = next((_number(c) for c in noun.children if c.dep_ == "nummod"), None)
        if count is None or count < 2:
            return []
        following = noun.doc[noun.sent.end:noun.sent.end + 1]
        if not len(following):
            return []
        sent = following[0].sent
        root = sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.lemma_.lower() != "be" or subject is None or not (
                _number(subject) == count or subject.lower_ in ("they", "these", "those")
                or any(_number(c) == count for c in subject.children if c.dep_ == "nummod")):
            return []
        listed = next((c for c in root.children if c.dep_ == "attr"), None)
        if listed is None:
            return []
        members: list[Entity] = []
        for item in [listed, *listed.conjuncts]:
            party = self.party_named(item)
            if party is None:
                return []  # an item that names no party: not a list of the group's members
            if party.id not in {m.id for m in members}:
                members.append(party)
        return members if len(members) == count else []

    def _first_person(self, token: Token, *, singular: bool) -> list[Reference]:
        speaker, how = self.speakers.speaker_of(token.sent, token)
        if speaker is not None and how in ("quotation", "transcript"):
            # "I", "my": the country too when the speaker holds an office ("I welcome my friend")
            if singular and not (speaker.entity.type == "Leader" or speaker.entity.role):
                return []
            party = self.as_party(speaker.entity)
            return [Reference(party, "speaker")] if party is not None else []
        if how == "quotation" or self.speakers.in_quote(token):
            return []  # a quotation whose speaker is not known
        if speaker is not None:
            return []  # reported speech: "X said we ..." is X's "we", not the text's
        return self._voice(singular)

    def _voice(self, singular: bool) -> list[Reference]:
        """"we" in the text's own words: the joint statement's parties, the remarks' speaker's
        country, or the publishing government."""
        if self.joint and not singular and self.pair is not None:
            return [Reference(self.pair[0], "joint"), Reference(self.pair[1], "joint")]
        if self.byline is not None:
            party = self.byline_party()
            # "I" too: the one who gives remarks an office or a government publishes speaks for it
            if party is None or singular and not (self.byline.type == "Leader" or self.byline.role
                                                  or self.publisher is not None):
                return []
            return [Reference(party, "byline")]
        if self.publisher is not None and not singular:
            return [Reference(self.publisher, "publisher")]
        return []

    def voice_at(self, token: Token) -> Reference | None:
        """The party whose own words a token is in, when no one else is quoted, reported or
        labelled saying them: the byline's country, else the publishing government."""
        speaker, how = self.speakers.speaker_of(token.sent, token)
        if speaker is not None or how or self.speakers.in_quote(token):
            return None
        if self.byline is not None:
            party = self.byline_party()
            return Reference(party, "byline") if party is not None else None
        return Reference(self.publisher, "publisher") if self.publisher is not None else None

    def byline_party(self) -> Entity | None:
        """The country the byline's person speaks for: their own, else the publishing government's
        ("Remarks by Secretary Janet L. Yellen" on a Treasury site)."""
        if self.byline is None:
            return None
        return self.as_party(self.byline) or self.publisher

    def speaking_party(self, token: Token) -> Reference | None:
        """The country whose "we" a first-person word is, if one country's."""
        lower = token.text.lower()
        found = self._first_person(token, singular=lower in FIRST_PERSON_SINGULAR) \
            if lower in FIRST_PERSON_PLURAL | FIRST_PERSON_SINGULAR else []
        return found[0] if len(found) == 1 else None

    def addressee(self, token: Token) -> Entity | None:
        """"you" in a quotation, a transcript turn or one person's remarks: the other country
        of the article's pair."""
        if self.pair is None:
            return None
        speaker, how = self.speakers.speaker_of(token.sent, token)
        if speaker is not None and how in ("quotation", "transcript"):
            own = self.as_party(speaker.entity)
        elif speaker is None and how == "" and self.byline is not None:
            own = self.byline_party()
        else:
            return None
        if own is None or own.id not in (self.pair[0].id, self.pair[1].id):
            return None
        return self.pair[1] if own.id == self.pair[0].id else self.pair[0]

    def inclusive(self, speaking: Reference) -> Reference | None:
        """The other side of an inclusive "we" (speaker and addressee together): the other
        country of the article's pair, when the speaker's country is one of it."""
        if self.pair is None or speaking.resolution not in ("speaker", "byline", "publisher"):
            return None
        ids = (self.pair[0].id, self.pair[1].id)
        if speaking.entity.id not in ids:
            return None
        return Reference(self.pair[1] if speaking.entity.id == ids[0] else self.pair[0], "inclusive")

    def voices_pair(self, sent: Span) -> bool:
        """Whether a first-person word of the sentence speaks for one of the article's pair."""
        if self.pair is None:
            return False
        for token in sent:
            if token.text.lower() in ("we", "our", "us"):
                found = self.speaking_party(token)
                if found is not None and found.entity.id in (self.pair[0].id, self.pair[1].id):
                    return True
        return False
