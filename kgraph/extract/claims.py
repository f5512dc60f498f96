"""Typed claims between countries and organizations, read off spaCy's dependency parse.

For every trigger word (lexicon.py) the rules find the parties syntactically tied to it,
sort them into agent and other party by their grammatical function, and attach the
figures, rank, period, speaker and modality found in the same clause. A claim is made
only when two distinct parties are found; where the text leaves a party implicit
("bilateral trade rose", "the two countries signed"), the article's main pair fills it
and the claim says so (`implied=True`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..gazetteer import Gazetteer, load_gazetteer
from ..model import SYMMETRIC, Amount, Claim, Entity, Evidence, Mention, Percent, Period
from ..relations import FIGURE_BEARING, HOSTILE
from . import lexicon as lx
from .figures import find_amounts, find_percents, find_quantities
from .mentions import LEADER_ROLES, mention_tokens
from .modality import copular_modality, modality_of
from .periods import find_periods
from .speakers import SpeakerMap

# Dependency labels by grammatical function.
_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod", "appos", "nummod"})
# Clause boundaries: a party below one of these belongs to another clause.
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "parataxis", "relcl", "acl", "csubj", "conj", "pcomp"})
# Prepositions that introduce the other party of an action ("sanctions on", "aid to", "trade with").
_OBJECT_PREPS = frozenset({"in", "into", "to", "for", "on", "against", "with", "between", "from", "of", "toward",
                           "towards", "among", "upon", "onto", "inside"})
# Help given to a side ("with support from X", "with the backing of X"): X backs it, is no side.
_SUPPORT_NOUNS = frozenset({"support", "backing", "help", "assistance", "aid", "participation"})
# The path from an agent up to its clause may pass only through these: "Russia", "the
# Russian government", "Russia and China", "the president of Russia", "officials from China".
_DIRECT_DEPS = frozenset({"compound", "poss", "amod", "nmod", "conj", "appos", "flat", "case"})
_AGENT_HOLDERS = frozenset({"government", "ministry", "authority", "authorities", "administration", "leadership",
                            "delegation", "side", "state", "regime", "cabinet", "parliament", "military", "army",
                            "navy", "force", "forces", "embassy"})
_CO_PARTY_PREPS = frozenset({"with", "between", "among"})
# Of those, the ones that list all the parties ("talks between X and Y").
_LIST_PREPS = frozenset({"between", "among"})
_VENUE_PREPS = frozenset({"in", "at", "near", "on", "during"})
# Prepositions of circumstance: a trigger inside one is not done by the clause's subject.
# Prepositions of topic: a war "about" which parties talk is not one they wage, nor are
# sanctions "regarding" which a country appeals its own.
_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
_CIRCUMSTANCE_PREPS = frozenset({"amid", "amidst", "despite", "after", "before", "following", "since", "during",
                                 "because", "over", "against", "due"})
_ORDER_VERBS = frozenset({"order", "instruct", "direct", "tell", "command", "authorize", "authorise"})
_SHORT_QUOTE = re.compile(r"[“\"‘'](?:\S+\s+){0,4}\S+[”\"’']")
_PLACE_NOUNS = frozenset({"border", "frontier", "region", "area", "town", "city", "village", "coast", "province",
                          "capital", "territory", "side", "waters", "airspace", "soil", "port", "zone", "corridor"})
# Meetings that come one per counterpart when several are named: "meetings with A and B",
# "calls with A and B" (talks and summits with several may be one round with all of them).
_SEPARATE_MEETINGS = frozenset({"meeting", "call", "visit", "phone"})
# Hyphens and dashes that join a pair's names ("Iran–U.S. talks").
_DASHES = ("-", "–", "—")
# Places at sea by a country's shore: a ship there is not the country.
_SHORES = frozenset({"coast", "coastline", "shore", "waters"})
_VISIT_NOUNS = frozenset({"visit", "trip", "tour"})
# What is found out or looked into: evidence of an act is not the act of who holds it.
_EVIDENCE_NOUNS = frozenset({"evidence", "proof", "sign", "trace", "footage", "investigation", "inquiry", "probe"})
# Heads of a named instrument ("the United Nations Convention on the Law of the Sea"): a body in
# such a name is part of the title, not a party.
_INSTRUMENT_NAMES = frozenset({"convention", "treaty", "charter", "law", "act", "protocol", "statute", "covenant"})
_AFFILIATIONS = frozenset({"backed", "based", "aligned", "allied", "sponsored", "funded", "supported", "linked",
                           "affiliated", "owned", "controlled", "made", "trained", "armed", "leaning", "friendly"})
_SECOND_PERSON = frozenset({"you", "your", "yours"})
_RANK_CARRIERS = frozenset({"position", "place", "rank", "spot"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that signals a relation, and how its possessor is to be read."""

    token: Token
    relation: str
    kind: str  # "action" | "relational" | "verb" | "energy" | "arms"
    reversed: bool = False


@dataclass
class Parties:
    mods: list[tuple[Entity, Token]] = field(default_factory=list)
    agents: list[tuple[Entity, Token]] = field(default_factory=list)
    others: list[tuple[Entity, Token]] = field(default_factory=list)
    co_parties: list[tuple[Entity, Token]] = field(default_factory=list)
    sources: list[tuple[Entity, Token]] = field(default_factory=list)
    subjects: list[tuple[Entity, Token]] = field(default_factory=list)
    ahead: list[tuple[Entity, Token]] = field(default_factory=list)
    # subjects that cite a measure whose owner it names ("X cites U.S. tariffs"): no side of it
    citers: list[tuple[Entity, Token]] = field(default_factory=list)
    implied: bool = False


# -- triggers --------------------------------------------------------------------------

def _lemma(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


def _modifier_lemmas(token: Token) -> list[str]:
    """Lemmas of a noun's adjectival and compound modifiers, with their conjuncts."""
    out = []
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            out.append(_lemma(child))
            out.extend(_lemma(c) for c in child.children if c.dep_ == "conj")
            out.extend(_lemma(c) for c in child.children if c.dep_ in ("amod", "compound"))
    # "trading and economic partner": the parser may attach "economic" as a conjunct of "trading".
    if token.dep_ == "conj":
        out.extend(_lemma(c) for c in token.head.children if c.dep_ in ("amod", "compound"))
    return out


def _energy_in(token: Token) -> bool:
    return any(_lemma(t) in lx.ENERGY_NOUNS or t.lower_ in lx.ENERGY_NOUNS for t in token.subtree)


def _in_body_name(token: Token) -> bool:
    """A capitalised word in a name headed by a body ("UN Assistance Mission", "EU Trade
    Commissioner"), which the model did not tag as an organization."""
    if not token.is_title or token.pos_ != "PROPN":
        return False
    head = token.head if token.dep_ == "compound" else token
    return any(c.ent_type_ == "ORG" and c.dep_ == "compound" and c.i < token.i for c in head.children)


def find_triggers(sent: Span) -> list[Trigger]:
    """Every trigger in a sentence, with the relation it signals."""
    triggers: list[Trigger] = []
    for token in sent:
        lemma = _lemma(token)
        if token.ent_type_ == "ORG" or _in_body_name(token):
            continue  # a word of a body's name ("UN Assistance Mission", "World Trade Organization")
        if token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and lemma in ("bilateral",)):
            if lemma in lx.MODIFIED_NOUNS:
                relations = {r for m in _modifier_lemmas(token) if (r := lx.modifier_relation(lemma, m))}
                for relation in sorted(relations):
                    triggers.append(Trigger(token, relation, "relational"))
            elif lemma in lx.RELATIONAL_NOUNS:
                relation = lx.RELATIONAL_NOUNS[lemma]
                if relation == "ally" and set(_modifier_lemmas(token)) & {"political", "party"}:
                    continue  # "contracts for his political allies": people, not states
                if relation == "energy_supplier" and not (_energy_in(token) or any(
                        _lemma(c) in lx.ENERGY_NOUNS for c in token.children)):
                    if any(_lemma(t) in lx.ARMS_NOUNS for t in token.subtree):
                        triggers.append(Trigger(token, "military_cooperation", "relational"))
                    continue
                triggers.append(Trigger(token, relation, "relational"))
            elif lemma in lx.ACTION_NOUNS:
                relation = lx.ACTION_NOUNS[lemma]
                if relation in ("trade_partner", "investor") and token.dep_ in ("compound", "amod", "nmod") \
                        and _lemma(token.head) not in lx.FLOW_HEADS:
                    continue
                if lemma in lx.SUPPLY_NOUNS and any(_lemma(c) in lx.ENERGY_NOUNS for c in token.children):
                    continue  # an energy supply, handled below
                if relation == "sanction" and (_bars_own_people(token) or _health_measure(token, sent)):
                    continue  # "a travel ban on its citizens to X", "an entry ban after the Ebola outbreak"
                if relation == "trade_partner" and _trade_blocked(token):
                    continue  # trade as the object of a ban, a tariff or a deal is not stated trade
                mods = set(_modifier_lemmas(token))
                if relation == "trade_partner" and mods & lx.ILLICIT_TRADE:
                    continue  # "the drug trade": crime, not trade between states
                if relation == "aid_donor" and mods & lx.MILITARY_MODIFIERS:
                    # military aid runs from supplier to recipient, like an arms sale
                    triggers.append(Trigger(token, "military_cooperation", "arms"))
                    continue
                if relation == "aid_donor" and mods & lx.OPERATIONAL_MODIFIERS:
                    continue
                if relation == "conflict" and lemma == "incursion" and _into_airspace(token):
                    continue  # "drone incursions into X's airspace": a violation of the sky, no attack
                if relation == "aid_donor" and lemma in ("grant", "relief", "funding") and token.pos_ != "NOUN":
                    continue
                if lemma == "loan" and not mods & {"concessional", "soft", "preferential", "interest-free",
                                                    "concessionary", "zero-interest"}:
                    continue  # only concessional loans are aid
                if relation == "military_cooperation" and not (mods & ({"joint", "military", "naval", "war"}
                                                                      | lx.MILITARY_MODIFIERS)):
                    continue
                if lemma in ("declaration", "statement") and "joint" not in mods:
                    continue
                if lemma == "call" and not (mods & {"phone", "telephone", "video"}):
                    continue
                if lemma == "phone" and token.head.lemma_.lower() not in ("call", "talk", "conversation", "speak"):
                    continue
                if lemma in ("import",):
                    triggers.append(Trigger(token, relation, "action", reversed=True))
                    continue
                if lemma in ("war", "strike") and token.pos_ != "NOUN":
                    continue
                if relation == "conflict" and token.dep_ == "compound":
                    continue  # "war crimes", "war tribunal", "strike group": a modifier, not an event
                if relation == "conflict" and mods & lx.NATURAL_EVENTS:
                    continue  # "earthquake strikes": no attack
                if lemma == "war" and mods & {"trade", "tariff", "price", "currency", "chip", "tech", "sanction"}:
                    relation = "dispute"  # a "trade war" is a dispute, not armed conflict
                if lemma == "fire" and not (mods & {"artillery", "gun", "rocket", "mortar", "tank", "cross", "sniper"}):
                    continue
                if lemma == "pressure" and "maximum" not in mods:
                    continue
                if lemma == "protest" and not any(c.dep_ == "prep" and c.lower_ in ("with", "to", "against")
                                                  for c in token.children):
                    continue  # a diplomatic protest is lodged with someone; street protests are not disputes
                triggers.append(Trigger(token, relation, "action"))
            elif lemma in lx.SUPPLY_NOUNS and any(_lemma(c) in lx.ENERGY_NOUNS for c in token.children
                                                   if c.dep_ in ("compound", "amod", "nmod")):
                # "Russian oil supplies", "gas exports to Europe": the supply, its supplier as modifier;
                # but "the country's fuel supply", with no "to", is what the owner consumes
                # ("halted its oil supplies to X": the "to" may hang from the verb)
                around = list(token.children) + (list(token.head.children) if token.dep_ == "dobj" else [])
                stock = lemma in ("supply", "supplies") and any(c.dep_ == "poss" for c in token.children) \
                    and not any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for c in around)
                triggers.append(Trigger(token, "energy_supplier", "action", reversed=lemma == "import" or stock))
            elif lemma in lx.ENERGY_NOUNS and token.head.lemma_.lower() in ("need", "requirement", "demand",
                                                                          "consumption"):
                triggers.append(Trigger(token, "energy_supplier", "energy"))
        elif token.pos_ == "VERB":
            if token.dep_ in ("acl", "relcl", "amod") and token.tag_ in ("VBN", "VBG") and not _has_subject(token):
                continue  # a participle describing a noun ("goods traded to X") states no act of its own
            if lemma in lx.SUPPLY_VERBS and _object_has(token, lx.ENERGY_NOUNS):
                triggers.append(Trigger(token, "energy_supplier", "energy", reversed=lemma in lx.IMPORT_WORDS))
            elif lemma in lx.SUPPLY_VERBS and _object_has(token, lx.ARMS_NOUNS):
                # "X bought jets from Y": Y sold them
                triggers.append(Trigger(token, "military_cooperation", "arms", reversed=lemma in lx.IMPORT_WORDS))
            elif (lemma in lx.FUNDING_VERBS or lemma in lx.FUNDING_RECEIVE_VERBS) and _funds_aid(token):
                triggers.append(Trigger(token, "aid_donor", "funding"))
            elif (lemma in lx.LISTING_VERBS or lemma in lx.DELISTING_VERBS) and (kind := _listing(token)):
                triggers.append(Trigger(token, "sanction", kind))
            elif lemma in lx.VERBS:
                if lx.VERBS[lemma] == "conflict" and any(c.dep_ == "nsubj" and _strikes_unaimed(c)
                                                         for c in token.children):
                    continue  # "an earthquake strikes X", "missile fragments hit X": no attack on X
                if lx.VERBS[lemma] == "trade_partner" and any(
                        c.dep_ == "dobj" and _lemma(c) in lx.NOT_TRADED for c in token.children):
                    continue  # "trades fire", "trade accusations": an exchange, not trade
                if lemma == "conclude" and any(
                        c.dep_ == "dobj" and _lemma(c) in lx.TALK_NOUNS for c in token.children):
                    continue  # "concluded talks on a deal": the talks ended, no deal was made
                if lx.VERBS[lemma] == "sanction" and (_bars_own_people(token) or _health_measure(token, sent)):
                    continue  # "bans its nationals from travelling to X", "bans travellers over Ebola"
                if lemma == "host" and _hosts_an_event(token):
                    continue  # "the World Cup will be hosted by X and Y": a tournament, not a meeting
                triggers.append(Trigger(token, lx.VERBS[lemma], "verb",
                                        reversed=lemma in lx.REVERSED_VERBS or lemma in lx.IMPORT_WORDS))
    return triggers


def _strikes_unaimed(subject: Token) -> bool:
    """Whether what strikes is no one's aimed weapon: a natural event ("an earthquake"), debris
    or a weapon off its course ("falling missile fragments", "a stray drone")."""
    return _lemma(subject) in lx.NATURAL_EVENTS | lx.ACCIDENTAL_HITTERS or any(
        c.dep_ == "amod" and c.lower_ in lx.ACCIDENTAL_WORDS for c in subject.children)


def _bars_own_people(token: Token) -> bool:
    """A ban on the banning state's own people ("a ban on its citizens", "bans its nationals")."""
    barred = [c for c in token.children if c.dep_ == "dobj"]
    barred += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
               if g.dep_ == "pobj"]
    return any(_lemma(b) in lx.OWN_PEOPLE_NOUNS and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in b.children)
               for b in barred)


def _health_measure(token: Token, sent: Span) -> bool:
    """A ban or restriction in a sentence about an outbreak ("an entry ban on residents of X after
    the Ebola epidemic"): a health measure, not a sanction. (Not a blockade or an embargo.)"""
    return _lemma(token) in ("ban", "restriction", "restrict") and any(t.lower_ in lx.OUTBREAK_WORDS for t in sent)


def _hosts_an_event(verb: Token) -> bool:
    """"host the World Cup", "a tournament hosted by X", "the Cup to be hosted by X": what is
    hosted is a sporting or public event, not a visitor. Without an object of its own, the
    hosted thing is the noun just before ("the 2030 World Cup to be hosted by ...")."""
    hosted = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl"):
        hosted.append(verb.head)
    if not hosted:
        hosted = [t for t in verb.doc[max(verb.sent.start, verb.i - 4):verb.i] if t.pos_ in ("NOUN", "PROPN")][-1:]
    return any(_lemma(h) in lx.SPORTING_EVENTS for h in hosted)


def _funds_aid(verb: Token) -> bool:
    """A sum of money given to help ("provided $20 million to help refugees"): its object is
    money and a purpose clause says it is to help, support or rebuild."""
    money = any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children)
    purpose = any(c.dep_ in ("advcl", "xcomp") and _lemma(c) in lx.AID_PURPOSE_VERBS
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)
    return money and purpose


def _listing(verb: Token) -> str | None:
    """"listing" for "added X to the entity list", "delisting" for "removed X from the terrorism list"."""
    lemma = _lemma(verb)
    preps = ("to", "on", "onto") if lemma in lx.LISTING_VERBS else ("from", "off")
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        words = {_lemma(t) for t in prep.subtree}  # "the state sponsors of terrorism list"
        if words & lx.LIST_NOUNS and ("blacklist" in words or words & lx.BLACKLIST_WORDS):
            return "listing" if lemma in lx.LISTING_VERBS else "delisting"
    return None


def _trade_blocked(token: Token) -> bool:
    """Trade under a ban, tariff or deal ("duties on imports", "a deal outlining exports")."""
    if any(_lemma(a) in lx.TRADE_BLOCKERS for a in list(token.ancestors)[:4]):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "on":
        # "a round of tariff rates on imports": what lies on the trade is named by the
        # phrase the preposition hangs from, with its modifiers and "of" complement.
        head = token.head.head
        nouns = [head] + [t for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                          for t in p.children if t.dep_ == "pobj"]
        words = {_lemma(n) for n in nouns} | {m for n in nouns for m in _modifier_lemmas(n)}
        if words & lx.TRADE_BLOCKERS:
            return True
    verb = _predicate(token)
    return any(c.dep_ in ("dobj", "nsubjpass", "nsubj") and _lemma(c) in lx.TRADE_BLOCKERS for c in verb.children)


def _object_has(verb: Token, words: frozenset[str]) -> bool:
    """Whether the verb's object (or a prepositional object) names one of `words`."""
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "nsubjpass", "prep", "dative"):
            if any(_lemma(t) in words or t.lower_ in words for t in child.subtree):
                return True
    return False


# -- parties ---------------------------------------------------------------------------

def _predicate(token: Token) -> Token:
    """The lowest verb governing a trigger (the trigger itself when it is a verb)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
    return node


def _edge_into(token: Token, target: Token) -> Token | None:
    """The child of `target` on the path up from `token`, or None if `token` is not below it."""
    node = token
    while node.head != node:
        if node.head == target:
            return node
        node = node.head
    return None


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS for c in verb.children)


def _clause_free(path_start: Token, edge: Token) -> bool:
    """No clause boundary between a party and the edge it attaches by."""
    node = path_start
    while node != edge:
        if node.dep_ in _CLAUSE_DEPS and node.dep_ != "conj":
            return False
        node = node.head
    return True


class ArticleContext:
    """Everything the rules need to know about one article beyond a sentence."""

    def __init__(self, doc: Doc, mentions: list[Mention], date: dt.date | None, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.date = date
        self.gaz = gazetteer
        self.mentions = mentions
        self.index = mention_tokens(doc, mentions)
        self.speakers = SpeakerMap(doc, self.index)
        self.pair = self._main_pair()
        # The last explicit claim of each relation (sentence number, subject, object), for
        # sentences that leave the subject to the one before ("The new funding includes ...").
        self.recent: dict[str, tuple[int, Entity, Entity | None]] = {}
        self.sent_no = 0
        self.trigger_tokens: set[int] = set()  # the current sentence's trigger words
        self.byline: Entity | None = None  # who speaks the whole article, if one person does

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
        if token.lower_ in _SECOND_PERSON:
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

    def parties_in(self, sent: Span) -> list[tuple[Entity, Token]]:
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


def _names_a_city(mention: Mention, ctx: ArticleContext) -> bool:
    """Whether a country mention is a capital's name ("Washington", also when context resolved it)."""
    return mention.resolution == "capital" or (
        mention.resolution == "context" and any(f.form == "capital" for f in ctx.gaz.lookup(mention.text)))


def _acted_on(act: Token, preps: frozenset[str]) -> list[Token]:
    """What an act is done to, as the text names it: the object of a verb ("struck militants"),
    of one of `preps` on the act ("strikes on X", "a blockade of X"), or of a participle
    "targeting" ("strikes targeting X")."""
    objects = [c for c in act.children if c.dep_ == "dobj"] if act.pos_ in ("VERB", "AUX") else []
    for child in act.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("acl", "advcl") and _lemma(child) == "target":
            objects += [g for g in child.children if g.dep_ == "dobj"]
    return objects


_ON_AGAINST = frozenset({"on", "against"})


def _struck_place(place: Token, trigger: Token) -> bool:
    """Whether a place is what an attack hits: "struck a Syrian town", "strikes on a Lebanese village"."""
    return place in _acted_on(trigger, _ON_AGAINST)


def _located_by(name: Token) -> bool:
    """A name of a shore after a preposition of place, "off the coast of X", "in the waters of
    X" (a ship attacked there is not attacked by or on X), or of a place something is only near:
    "a strike near the Ethiopian border"."""
    if name.dep_ in ("amod", "compound", "nmod") and _lemma(name.head) in _PLACE_NOUNS:
        place = name.head
        if _lemma(place) in _SHORES:
            return place.dep_ == "pobj" and place.head.lower_ in lx.LOCATIVE_PREPS  # "in the Venezuelan coast"
        return place.dep_ == "pobj" and place.head.lower_ in ("near", "along", "off", "outside")
    of = name.head
    if name.dep_ != "pobj" or of.lower_ != "of" or _lemma(of.head) not in _SHORES:
        return False
    place = of.head
    return place.dep_ == "pobj" and place.head.lower_ in lx.LOCATIVE_PREPS


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
    return trigger.relation == "military_cooperation" and _lemma(trigger.token) in lx.DRILL_NOUNS


def _has_venue(trigger: Trigger) -> bool:
    """An act held somewhere, a meeting, an agreement's signing or a drill: a place named with
    it is where it was held, no party."""
    return trigger.relation in ("meeting", "agreement") or _drill(trigger)


def _accused_of(trigger: Token, verb: Token) -> bool:
    """Whether a trigger is what a verb of accusing charges its object with: "accused Y of
    attacks", "blamed Y for the strike", "holds Y responsible for the attacks", "arrested Y
    on suspicion of attacking", "links Y to the attacks"."""
    if _lemma(verb) in lx.LINK_VERBS:
        preps = ("to",)
    elif _lemma(verb) in lx.ACCUSE_VERBS:
        preps = ("of", "for")
    else:
        return False
    node = trigger
    while node.head != node and node.head != verb:
        node = node.head
        if node.dep_ == "prep" and node.lower_ in preps:
            if _lemma(node.head) in ("responsible", "accountable", "suspicion"):
                return True
            # "accused Y of", "jailed a man for" ("hold" only with "responsible": "held talks for")
            if _lemma(verb) != "hold" and (node.head == verb or (node.head.dep_ == "dobj" and node.head.head == verb)):
                return True
    return False


def _classify(party: Token, trigger: Trigger, ctx: ArticleContext) -> str | None:
    """The grammatical part a party plays for a trigger: agent, other, co-party or ahead."""
    t = trigger.token
    if party == t:
        return "agent" if trigger.kind in ("relational",) else None
    if trigger.kind == "action" and _listed_before(party, t, ctx):
        return None  # "A, B and C report attacks" parsed as the list "A, B and [C report attacks]"
    edge = _edge_into(party, t) if t.pos_ not in ("VERB", "AUX") else None
    if edge is not None and _clause_free(party, edge):
        if edge.dep_ == "appos" and edge.i in ctx.trigger_tokens and edge != party:
            return None  # "strikes on X, strikes on Y": an appositive event has parties of its own
        if edge.dep_ in _MODIFIER_DEPS:
            # "Tajikistan's partner": the other party; "Russia's investments": the agent.
            return "mod"
        if edge.dep_ == "prep":
            prep = edge.lower_
            if prep in lx.RANK_AHEAD_WORDS:
                return "ahead"
            if trigger.relation == "meeting" and _lemma(t) in _VISIT_NOUNS and prep in ("of", "by"):
                return "agent" if _prep_depth(party, edge) <= 1 else None  # "the visit of the President of X"
            if trigger.relation == "meeting" and (prep in _VENUE_PREPS or prep == "of"):
                return None  # "talks in Moscow", "a summit of the SCO": venue and host body, not parties
            if _has_venue(trigger) and prep in _VENUE_PREPS:
                return None  # "an accord signed in Washington", "drills in Greenland": the venue
            if prep in ("by",):
                return "agent"
            if prep in _CO_PARTY_PREPS:
                return None if _venue_inside(party, edge, trigger) else "co"
            if prep == "from":
                return "source" if _prep_depth(party, edge) <= 1 else None
            if prep in _OBJECT_PREPS:
                # "tariffs on imports from China" is near enough; a party four phrases down is not
                if _behind_buyers(party, edge) or _modifies_other_trigger(party, t, ctx):
                    return None  # "tariffs on buyers of Russian oil", "attacks on U.S. allies"
                return "other" if _prep_depth(party, edge) <= 1 else None
        if edge.dep_ == "agent":
            return "agent"
        if edge.dep_ in ("acl", "relcl") and edge.tag_ == "VBN":
            # "sanctions imposed by Norway on Iran": the participle's agent and objects
            inner = _edge_into(party, edge)
            if inner is not None and inner.dep_ == "agent":
                return "agent"
            if inner is not None and inner.dep_ == "prep" and inner.lower_ in _VENUE_PREPS and _has_venue(trigger):
                return None  # "talks held in Doha between X and Y": the venue
            if inner is not None and inner.dep_ == "prep" and inner.lower_ in _CO_PARTY_PREPS:
                return "co"  # "talks held between X and Y"
            if inner is not None and inner.dep_ == "prep" and inner.lower_ in _OBJECT_PREPS - {"from"}:
                return "other"
        return None
    p = _predicate(t)
    phrase = _enclosing_phrase(t, trigger.relation)
    if phrase is not None and trigger.relation in SYMMETRIC and party not in phrase.subtree:
        # "X signed a deal with Y amid tensions between Z and W": Y has no part in them. (The
        # target of a strike or a blockade in such a phrase is often the sentence's place:
        # "explosions in X amid new U.S. strikes".)
        return None
    verb = p
    controller: Token | None = None
    # A trigger buried in the clause ("sanctions ... due to their conduct during the war") or in
    # a phrase of circumstance is not something the clause's subject does: only a trigger near
    # its verb takes its subject.
    remote = phrase is not None or _deep(t, p) or _as_evidence(t, p)
    while True:
        edge = _edge_into(party, verb) if party != verb else None
        if edge is not None and _clause_free(party, edge):
            dep = edge.dep_
            if phrase is not None and _lemma(phrase.head) in lx.RESPONSE_NOUNS and party not in phrase.subtree \
                    and dep not in _SUBJECT_DEPS:
                return None  # "X struck Y in response to attacks on Z": Y is not what the attacks were on
            if controller is not None:
                # Object control: in "accused X of exporting", "urged X to end", X does the act.
                if edge == controller:
                    return "agent"
                if dep in _SUBJECT_DEPS:
                    return None
            if dep in _SUBJECT_DEPS:
                if verb != t and _accused_of(t, verb):
                    return None  # "X accused Y of attacks": the accuser did not attack
                if p != t and _lemma(p) in lx.STANCE_VERBS:
                    return None  # "X condemned the strikes on Y": X judges the act, it did not do it
                if p != t and _lemma(p) in lx.VIOLATION_VERBS and trigger.relation in lx.LIFTABLE:
                    return None  # "X sold arms to Y, violating the embargo on Y": X did not impose it
                if remote or not _direct(party, edge):
                    return None  # "assistance in Chad is supporting ...": Chad is not the giver
                if _modifies_other_trigger(party, t, ctx):
                    return None  # "X's occupation would violate the Y-Z deal": X did the occupying
                if _lemma(verb) in lx.TARGET_VERBS and trigger.kind == "action":
                    return "other"  # "Cuba faces U.S. sanctions": the subject is the target
                if trigger.relation in lx.LIFTABLE and p != t and _named_imposer(t, party, ctx):
                    return "citer"  # "Honda cites U.S. tariffs on Canada": the tariffs say whose they are
                return "subject"
            if verb != p:
                return None  # a higher clause shares its subject with the trigger's clause, nothing else
            if dep in _PASSIVE_SUBJECT_DEPS:
                # "China is expected to invest": the raised subject of a complement's verb acts
                return "agent" if verb != p else "other"
            if dep == "agent":
                return "agent"
            if dep in ("dobj", "dative", "attr", "oprd"):
                if verb == p and _edge_into(t, verb) == edge:
                    return None
                if _framework(t):
                    return None  # "under the agreement, X will send troops to Y": Y is no party to it
                if verb == p and dep == "dobj" and _accused_of(t, p):
                    return "agent"  # "X accused Y of attacks on Z": Y attacked
                if _lemma(t) not in lx.STANCE_VERBS and _modifies_other_trigger(party, t, ctx):
                    return None  # "X's occupation of Y violates the Z-W deal": Z and W belong to the deal
                if trigger.relation == "meeting" and edge != party and _lemma(edge) not in lx.PERSON_NOUNS \
                        and not (edge.i in ctx.index and _conjunct_of(party, edge)):
                    return None  # "welcomed the commitment between X and Y" is no meeting ("visits X, Y and Z" is)
                if _prep_depth(party, edge) > 1:
                    return None
                if _has_venue(trigger) and _prep_between(party, edge, _VENUE_PREPS):
                    return None  # "signed an agreement in Washington, United States": the venue
                if _lemma(t) in lx.STANCE_VERBS and edge != party and _judged_act(party, edge):
                    return None  # "condemned the strikes on Y": the strikers are the target, not Y
                return "other"
            if dep == "prep":
                prep = edge.lower_
                if prep in lx.RANK_AHEAD_WORDS:
                    return "ahead"
                if _has_venue(trigger) and prep in _VENUE_PREPS:
                    return None  # "a summit in Helsinki", "signed in Washington": the venue
                if trigger.relation == "meeting" and verb == p and p != t and not _meets_through(party, edge, ctx):
                    return None  # "agreed to a ceasefire in X during a call": X is not on the call
                if trigger.relation == "meeting" and prep == "to" and p != t and _counterpart_named(t, ctx):
                    return None  # "flies to X for talks with Y": X is where they meet; Y is met
                if prep in _CO_PARTY_PREPS:
                    if prep == "with" and any(c.dep_ == "pobj" and _lemma(c) in _SUPPORT_NOUNS and c != party
                                              for c in edge.children):
                        return None  # "attacked X with support from Y": Y backs the attack
                    return None if _venue_inside(party, edge, trigger) else "co"
                if prep == "by" and any(c.dep_ in _PASSIVE_SUBJECT_DEPS for c in verb.children):
                    return "agent"
                if prep == "from":
                    if trigger.relation == "meeting" and any(
                            c.dep_ == "dobj" and c.i not in ctx.index and _lemma(c) not in lx.PERSON_NOUNS
                            for c in verb.children):
                        return None  # "received aid from X" is no meeting with X
                    return "source" if _prep_depth(party, edge) <= 1 else None
                if prep in _OBJECT_PREPS:
                    return "other" if _prep_depth(party, edge) <= 1 else None
            if dep in ("advcl",) and edge.tag_ == "VBG" and edge.lower_ in lx.RANK_AHEAD_WORDS:
                return "ahead"
            if dep in ("npadvmod",):
                return None
            return None
        if verb.dep_ == "relcl" and party == verb.head and verb == p:
            # "Japan, which condemned China": the relative pronoun stands for its antecedent
            pronoun = next((c for c in verb.children if c.tag_ in ("WDT", "WP")
                            and c.dep_ in _SUBJECT_DEPS | _PASSIVE_SUBJECT_DEPS), None)
            if pronoun is not None:
                return "subject" if pronoun.dep_ in _SUBJECT_DEPS else "other"
        # A verb sharing its subject with the verb it is coordinated with or complements.
        if verb.dep_ in ("conj", "xcomp", "advcl", "prep", "pcomp", "acl") and not _has_subject(verb) \
                and verb.head != verb:
            came_by = verb.dep_
            if verb.dep_ == "prep" and verb.lower_ in _CIRCUMSTANCE_PREPS:
                return None  # "met ... amid tensions with X": the meeting's parties are not the tension's
            # "sanctions X for providing weapons to Y": X provided them, not the subject
            for_cause = came_by == "pcomp" and verb.head.lower_ == "for" and verb.head.head.pos_ == "VERB"
            verb = verb.head
            # "vessels carrying aid to Cuba": through the noun a participle describes, to its verb
            while verb.pos_ not in ("VERB", "AUX") and verb.head != verb and verb.dep_ in (
                    "dobj", "pobj", "prep", "attr", "appos", "conj", "acomp"):
                if verb.dep_ == "prep" and verb.lower_ in _CIRCUMSTANCE_PREPS:
                    return None
                verb = verb.head
            if came_by in ("xcomp", "pcomp", "prep"):
                controller = _party_object(verb, ctx)
                if controller is None and (_lemma(verb) in lx.CONTROL_VERBS or for_cause) and any(
                        c.dep_ == "dobj" for c in verb.children):
                    return None  # "bans its citizens from travelling": the citizens would travel
            continue
        return None


def _modifies_other_trigger(party: Token, trigger: Token, ctx: ArticleContext) -> bool:
    """Whether a party names a side of another trigger noun of the sentence ("the Iran-US deal")."""
    node = party
    while node.dep_ in ("compound", "amod", "poss", "nmod") and node.head != node:
        node = node.head
        if node.i in ctx.trigger_tokens:
            return node != trigger
    return False


def _behind_buyers(party: Token, prep: Token) -> bool:
    """Whether a party sits under "of" below people or firms a preposition names ("on buyers of
    Russian oil", "against officials of the company"): those are the target, not the party."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or objects[0] == party or _lemma(objects[0]) not in lx.HOLDER_NOUNS:
        return False
    return _prep_between(party, objects[0])


def _prep_between(party: Token, top: Token, preps: frozenset[str] | None = None) -> bool:
    """Whether the path from a party up to `top` passes a preposition (one of `preps` if given)."""
    node = party
    while node != top and node.head != node:
        if node.dep_ == "prep" and (preps is None or node.lower_ in preps):
            return True
        node = node.head
    return False


def _listed_before(party: Token, trigger: Token, ctx: ArticleContext) -> bool:
    """Whether an act noun is parsed as a further item of a list of things that are no acts
    ("the governments of A, B and [C report attacks]"), the party in an earlier item: a
    misparse, whose other items are not the act's sides. (An act listed with another act,
    "sanctions on X and attacks on Y", keeps its reading.)"""
    node = trigger
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    # (a modifier of the first item is shared: "a Russian missile and drone attack")
    shared = party.head == node and party.dep_ in _MODIFIER_DEPS
    return node != trigger and node.i not in ctx.trigger_tokens and party in node.subtree \
        and party not in trigger.subtree and not shared


def _counterpart_named(trigger: Token, ctx: ArticleContext) -> bool:
    """Whether talks name their counterpart themselves ("talks with X", "talks between X and Y")."""
    return any(c.dep_ == "prep" and c.lower_ in _CO_PARTY_PREPS and any(t.i in ctx.index for t in c.subtree)
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
    return with_country and city.dep_ == "pobj" and city.head.lower_ in _VENUE_PREPS and _prep_between(
        party, edge, _VENUE_PREPS)


def _affiliation(token: Token) -> bool:
    """"Iran-backed", "Russia-aligned", "US-based": a country naming whom something belongs to."""
    after = _hyphenated(token)
    return (after is not None and after.lower_ in _AFFILIATIONS) or token.head.lower_ in _AFFILIATIONS


def _negated_name(token: Token, ctx: ArticleContext) -> bool:
    """"a major non-NATO ally", "anti-EU parties": the name is what the thing is not or opposes."""
    mention = ctx.index.get(token.i)
    if mention is None:
        return False
    before = token.doc.text[max(0, mention.start - 5):mention.start].lower()
    return before.endswith(("non-", "anti-", "non ", "ex-"))


def _describes_other_party(token: Token, ctx: ArticleContext) -> bool:
    """"Romania, a NATO and EU member country" / "Romania, a member of NATO": a name inside an
    apposition that describes another party, not a party of its own."""
    node = token
    nouns = set()
    for _ in range(4):
        if node.dep_ == "appos":
            # a membership noun, not a name ("the United Kingdom" in a list of names may be
            # parsed as an apposition of the name before it; "the DR Congo-Rwanda agreement" too)
            return (node is not token and node.i not in ctx.index and node.head.i in ctx.index
                    and bool((nouns | {_lemma(node)}) & lx.MEMBERSHIP_NOUNS))
        if node.dep_ not in ("compound", "amod", "conj", "nmod", "pobj", "prep") or node.head == node:
            return False
        if node.dep_ == "prep" and node.lower_ != "of":
            return False
        node = node.head
        nouns.add(_lemma(node))
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
            return verb != trigger and _lemma(verb) in lx.HOSTILE_ACTS
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
    targets = [t for holder in holders for t in _acted_on(holder, _ON_AGAINST) if t != trigger]
    if trigger.dep_ == "nsubj" and _lemma(trigger.head) in ("target", "hit", "kill", "strike"):
        targets += [c for c in trigger.head.children if c.dep_ == "dobj"]  # "strikes targeted militants"
    killed = [g for holder in holders for c in holder.children if c.dep_ in ("acl", "advcl") and _lemma(c) == "kill"
              for g in c.children if g.dep_ == "dobj"]
    # "an airstrike in X, killing 35 militants" (but "an airstrike on a building in X, killing
    # militants" was aimed at the building)
    targets = targets or killed
    for target in targets:
        name = [c for c in target.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
        if target.i in ctx.index or any(tok.i in ctx.index for part in name for tok in part.subtree):
            continue  # "Syrian army positions": a state's forces
        # (a name alone is no sign: a town or a hospital is often tagged as one)
        if _lemma(target) in lx.ARMED_GROUP_NOUNS or _lemma(target) in lx.GROUP_POSITION_NOUNS and any(
                c.ent_type_ in ("ORG", "NORP") or _lemma(c) in lx.ARMED_GROUP_NOUNS
                for part in name for c in part.subtree):
            return target
    return None


def _fought_in(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """"airstrikes against Islamic State hideouts in X", "struck militants inside X": an attack
    aimed at an armed group or a person, with X only where it happened ("struck targets in X",
    with no one named, is an attack on X)."""
    if trigger.relation != "conflict" or _non_state_target(trigger.token, ctx) is None:
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


def _exempted(token: Token, trigger: Trigger) -> bool:
    """"grants Hungary an exemption from sanctions on Russian oil", "a waiver of tariffs for
    Peru": who is exempted from a measure is spared by it, not its target."""
    t = trigger.token
    if trigger.relation not in lx.LIFTABLE or token in t.subtree:
        return False
    node = token
    while node.dep_ in ("compound", "conj", "appos", "amod", "poss") and node.head != node:
        node = node.head
    if node.dep_ == "pobj" and _lemma(node.head.head) in lx.EXEMPTIONS and t not in node.head.head.subtree:
        return True  # "tariffs on X, with exemptions for Y"
    under = t.dep_ == "pobj" and t.head.lower_ in ("from", "of", "on") and _lemma(t.head.head) in lx.EXEMPTIONS
    if not under:
        return False
    exemption = t.head.head
    verb = exemption.head if exemption.dep_ == "dobj" else None
    return (verb is not None and node.head == verb and node.dep_ in ("dative", "dobj")) or (
        node.dep_ == "pobj" and node.head.head == exemption)


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


def _title_destination(token: Token) -> bool:
    """"the U.S. envoy to Ukraine", "Japan's ambassador to China": where a person is posted
    is part of their title, no party to what the sentence reports."""
    node = token
    while node.dep_ == "compound" and node.head != node:
        node = node.head  # "the envoy to Ukraine Keith Kellogg": the name may be parsed as the object
    to = node.head
    return node.dep_ == "pobj" and to.lower_ == "to" and to.i > 0 and (
        _lemma(to.head) in lx.ENVOY_NOUNS or _lemma(to.doc[to.i - 1]) in lx.ENVOY_NOUNS)


def _no_party(token: Token, trigger: Trigger, ctx: ArticleContext) -> bool:
    """A name that is no party to the trigger whatever role the parse gives it, so that the
    parse and the one-other-party fallbacks leave it out alike: "non-NATO", a body that
    describes a party, a mediator, for a cooperative relation what a seizure or a strike is
    done to ("helped by X, Y seizes a Z-flagged ship": Z is no partner), the country where
    an attack on an armed group took place, who is exempted from a sanction, where an
    envoy is posted, and a place named after "off the coast of"."""
    return (_negated_name(token, ctx) or _describes_other_party(token, ctx) or _go_between(token, trigger)
            or (trigger.relation in lx.COOPERATIVE and _target_of_hostile_act(token, trigger.token))
            or _fought_in(token, trigger, ctx) or _exempted(token, trigger) or _title_destination(token)
            or _located_by(token) or _where_opposed(token, trigger.token))


def _where_opposed(token: Token, trigger: Token) -> bool:
    """Whether a name is where people act against the trigger's act ("rally in Stockholm, Sweden,
    against Israeli strikes"): the place of the rally, not of the strikes."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in ("against", "over", "about"):
        return False
    verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ != "prep"), None)
    if verb is None or token in trigger.subtree:  # (not "including", a preposition)
        return False
    node = token
    while node.head != node and node.head != verb:
        node = node.head
    return node.head == verb and node.dep_ == "prep" and node.lower_ in lx.LOCATIVE_PREPS


def _go_between(token: Token, trigger: Trigger) -> bool:
    """"talks mediated by the UK", "an agreement brokered by Qatar", "signed in Washington,
    hosted by the U.S. president", "UK- and US-mediated talks": who brings the parties together
    is not one of them."""
    joined = _hyphenated(token)
    if joined is not None and _lemma(joined) in lx.GO_BETWEEN_VERBS:
        return True
    node = token
    while node.dep_ in ("compound", "conj", "appos", "nmod", "amod", "poss") and node.head != node:
        node = node.head  # "mediated by the UK and US", "by U.S. president Trump", "by the U.S. envoy"
    by = node.head if node.dep_ == "pobj" else None
    if by is not None and by.lower_ in ("in", "from", "of") and (
            _lemma(by.head) in lx.MEDIATOR_NOUNS or by.i > 0 and _lemma(by.doc[by.i - 1]) in lx.MEDIATOR_NOUNS):
        return True  # "mediators in the US and Qatar" ("from" may hang on a noun before "mediators")
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(_lemma(g) in lx.MEDIATOR_NOUNS for g in c.children)
           for c in [*node.children, *(by.children if by is not None else [])]):
        return True  # "with Oman as mediator"
    if by is None or by.lower_ != "by" or by.dep_ != "agent":
        return False
    lemma = _lemma(by.head)
    return lemma in lx.GO_BETWEEN_VERBS or (lemma == "host" and trigger.relation == "agreement")


def _hyphenated(name: Token) -> Token | None:
    """The word a hyphen joins to a name, or to the last of the names coordinated with it
    ("Iran-backed" -> backed; "UK and US-mediated" -> mediated, for both names)."""
    doc = name.doc
    i = name.i + 1
    while i + 1 < len(doc) and i <= name.i + 6:
        if doc[i].text in ("-", "–", "—") and not doc[i].whitespace_ and not doc[i - 1].whitespace_:
            return doc[i + 1]
        # only across names ("the country and the Algeria-backed front": the country is not backed)
        if not (name.is_title or name.is_upper) or not (
                doc[i].lower_ in ("and", ",") or doc[i].is_title or doc[i].is_upper):
            return None
        i += 1
    return None


def _own_act(trigger: Token) -> bool:
    """The trigger is what its clause does: the verb itself or its object ("fought a war",
    "exchanged fire"), not something further down ("a peace plan for the war", "talks aimed
    at ending the war", whose verb has no subject of its own)."""
    predicate = _predicate(trigger)
    return (trigger == predicate or (trigger.head == predicate and trigger.dep_ in ("dobj", "attr"))) \
        and _has_subject(predicate)


def _meets_through(party: Token, prep: Token, ctx: ArticleContext) -> bool:
    """Whether a party under a verb's preposition is someone met: the preposition's object itself,
    or a person or body of that party ("with the president of X", "to the government of X")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return False
    head = objects[0]
    return head == party or _edge_into(party, head) is not None and (
        head.i in ctx.index or _lemma(head) in lx.PERSON_NOUNS or _lemma(head) in _AGENT_HOLDERS)


def _conjunct_of(token: Token, head: Token) -> bool:
    """Whether `token` is coordinated with `head` ("X, Y and Z": Y and Z with X)."""
    node = token
    while node.dep_ == "conj" and node.head != node:
        node = node.head
        if node == head:
            return True
    return False


def _reciprocal(verb: Token) -> bool:
    """"blame each other", "accused one another": the verb's subjects act on each other."""
    return any(c.lower_ in ("other", "another") and any(g.lower_ in ("each", "one") for g in c.children)
               for c in verb.subtree)


def _judged_act(party: Token, edge: Token) -> bool:
    """Whether a party hangs by a preposition from an act a dispute verb judges ("the strikes on Y",
    "the invasion of Y"), rather than being the one judged ("the ambassador of Y", "Y's decision")."""
    if _lemma(edge) in lx.PERSON_NOUNS or _lemma(edge) in _AGENT_HOLDERS:
        return False
    return _prep_between(party, edge)


def _direct(party: Token, edge: Token) -> bool:
    """Whether a party heads the phrase attached by `edge`, up to modifiers and coordination."""
    node = party
    while node != edge:
        if node.dep_ in _DIRECT_DEPS:
            node = node.head
            continue
        if node.dep_ == "pobj" and node.head.lower_ in ("of", "from", "including") and (
                _lemma(node.head.head) in lx.PERSON_NOUNS or _lemma(node.head.head) in _AGENT_HOLDERS):
            node = node.head.head
            continue
        return False
    return True


def _receiving(trigger: Token) -> bool:
    """Whether the trigger is what its verb's subject receives ("Sudan received aid from Egypt")."""
    p = _predicate(trigger)
    return _lemma(p) in lx.RECEIVE_VERBS and _edge_into(trigger, p) is not None and \
        _edge_into(trigger, p).dep_ in ("dobj", "attr")


def _enclosing_phrase(trigger: Token, relation: str) -> Token | None:
    """The preposition of circumstance or topic a trigger lies in, below its verb: "amid the
    offensive in X", "after talks between X and Y", "talks about the war", "regarding the
    sanctions". What is done there is not done by the clause's parties."""
    predicate = _predicate(trigger)
    if relation in HOSTILE and predicate.dep_ == "prep" and predicate.lower_ in _TOPIC_PREPS:
        return predicate  # "regarding" and "concerning" are tagged as verbs: the trigger's "predicate"
    node = trigger
    while node != predicate and node.head != node:
        if node.dep_ == "prep" or (node.pos_ == "ADP" and node.dep_ in ("amod", "advmod", "pcomp")):
            if node.lower_ in _CIRCUMSTANCE_PREPS and not (relation == "meeting" and node.lower_ == "during"):
                return node  # but "agreed ... during a phone call": those who agreed were on the call
            if node.lower_ in ("to", "for") and _lemma(node.head) in lx.RESPONSE_NOUNS:
                return node  # "X struck Y in response to attacks on X"
            if relation in HOSTILE and node.lower_ in _TOPIC_PREPS or relation == "conflict" and (
                    node.lower_ == "on" and node.head.pos_ == "NOUN"):
                return node  # "began talks about the war in X", "appealed regarding the sanctions"
        node = node.head
    if predicate != trigger and predicate.lower_ in _CIRCUMSTANCE_PREPS and predicate.tag_ == "VBG":
        return predicate  # "following" tagged as a verb: "closes the border following the attack on X"
    return None


def _into_airspace(token: Token) -> bool:
    """"drone incursions", "incursions into X's airspace": aircraft crossing a border, no attack."""
    # ("into" may hang on the verb: "protests X incursions into its airspace")
    holders = [token] + ([token.head] if token.dep_ == "dobj" else [])
    return any(_lemma(c) == "drone" for c in token.children if c.dep_ in ("compound", "amod", "nmod")) or any(
        _lemma(g) == "airspace" for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "into"
        for g in c.children if g.dep_ == "pobj")


def _as_evidence(trigger: Token, predicate: Token) -> bool:
    """Whether a trigger is what evidence or an inquiry is about, below its verb ("confirm
    evidence of sabotage behind the attack", "open an investigation into the strikes"): who
    finds or looks for it did not do it."""
    node = trigger.head
    while node != predicate and node.head != node:
        if node.pos_ == "NOUN" and _lemma(node) in _EVIDENCE_NOUNS:
            return True
        node = node.head
    return False


def _deep(trigger: Token, predicate: Token) -> bool:
    """Whether a trigger lies two or more phrases below its verb."""
    depth, node = 0, trigger
    while node != predicate and node.head != node:
        if node.dep_ == "prep" or (node.pos_ == "ADP" and node.dep_ in ("amod", "advmod", "pcomp")):
            depth += 1
        node = node.head
    return depth > 1


def _prep_depth(party: Token, edge: Token) -> int:
    """How many prepositions lie between a party and the edge it attaches by (the edge excluded)."""
    depth, node = 0, party.head
    while node != edge and node.head != node:
        if node.dep_ == "prep":
            depth += 1
        node = node.head
    return depth


def _party_object(verb: Token, ctx: ArticleContext) -> Token | None:
    """The verb's direct object when it names a party or a person (a controller of a complement)."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.i in ctx.index:
            return child
    return None


def _following_party(party: Token, ctx: ArticleContext) -> bool:
    """"following China", "after China": the party ranks ahead."""
    node = party
    for _ in range(3):
        if node.head == node:
            return False
        node = node.head
        if node.lower_ in lx.RANK_AHEAD_WORDS:
            return True
    return False


def find_parties(trigger: Trigger, sent: Span, ctx: ArticleContext) -> Parties:
    parties = Parties()
    for entity, head in ctx.parties_in(sent):
        role = _classify(head, trigger, ctx)
        if role != "ahead" and _following_party(head, ctx):
            role = "ahead"
        if head.dep_ in ("compound", "amod", "nmod") and _lemma(head.head) in _PLACE_NOUNS:
            if not (trigger.relation == "conflict" and _struck_place(head.head, trigger.token)):
                continue  # "at the Chad-Sudan border", "a Syrian town": a place, not a party
            role = "other"  # "struck a Lebanese town": the town's country is the target
        if head.dep_ == "compound" and head.head.is_title and _lemma(head.head) in _INSTRUMENT_NAMES:
            continue  # "the United Nations Convention on the Law of the Sea": a title
        if role in ("other", "co") and _affiliation(head):
            continue  # "strikes on Iran-backed militias": the militias are the target, not Iran
        if _no_party(head, trigger, ctx):
            continue
        if role == "mod":
            if trigger.relation == "conflict" and _lemma(trigger.token) == "war" and head.dep_ != "poss":
                continue  # "the Iran war", "the Syrian war": where it is fought, not who attacks
            if trigger.relation == "meeting" and entity.type == "Organization":
                continue  # "the CICA summit": the venue, not a party
            mention = ctx.index.get(head.i)
            if mention is not None and head.dep_ == "compound" and _names_a_city(mention, ctx):
                continue  # "the Ottawa Treaty", "the Minsk agreements", "the Washington talks": a city
            parties.mods.append((entity, head))
            role = "other" if trigger.kind == "relational" else "agent"
        if role == "subject":
            parties.subjects.append((entity, head))
            role = "agent"
        if role == "agent":
            parties.agents.append((entity, head))
        elif role == "other":
            parties.others.append((entity, head))
        elif role == "source":
            parties.sources.append((entity, head))
        elif role == "co":
            parties.co_parties.append((entity, head))
        elif role == "ahead":
            parties.ahead.append((entity, head))
        elif role == "citer":
            parties.citers.append((entity, head))
    return parties


# -- figures, rank, period -------------------------------------------------------------

def _clause_span(trigger: Token) -> tuple[int, int]:
    """Character range of the trigger's clause (the subtree of its predicate)."""
    p = _predicate(trigger)
    tokens = list(p.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _figures(trigger: Trigger, sent: Span, n_triggers: int) -> tuple[list[tuple[int, int, Amount]],
                                                                    list[tuple[int, int, Percent]]]:
    """Amounts and percentages in the trigger's clause (the whole sentence when it has one trigger)."""
    if trigger.relation not in FIGURE_BEARING:
        return [], []
    lo, hi = (sent.start_char, sent.end_char) if n_triggers == 1 else _clause_span(trigger.token)
    base = sent.start_char
    text = sent.text
    amounts = [(s + base, e + base, a) for s, e, a in find_amounts(text) if lo <= s + base < hi]
    if not amounts:  # "more than 800 tonnes of aid": a quantity stands in for the amount
        amounts = [(s + base, e + base, a) for s, e, a in find_quantities(text) if lo <= s + base < hi]
    percents = [(s + base, e + base, p) for s, e, p in find_percents(text) if lo <= s + base < hi]
    return amounts, percents


def _rank_word(token: Token) -> int | None:
    """1 for "main"/"largest", 2 for "second" or "second-largest", ..."""
    rank = lx.RANK_WORDS.get(token.lower_)
    if rank:
        return rank
    parts = token.lower_.split("-")
    if len(parts) > 1:
        return next((lx.RANK_WORDS[p] for p in parts if lx.RANK_WORDS.get(p)), None)
    return None


def _rank(trigger: Trigger, sent: Span) -> int | None:
    """Rank from "main/largest/second" on the trigger, or "ranks second in", "the second position regarding"."""
    t = trigger.token
    modifiers = [c for c in t.children if c.dep_ in ("amod", "advmod", "compound", "nummod", "npadvmod", "nmod")]
    if t.dep_ == "conj":
        modifiers += [c for c in t.head.children if c.dep_ in ("amod", "advmod")]
    for child in list(modifiers):
        modifiers.extend(c for c in child.children if c.dep_ in ("amod", "advmod", "compound", "npadvmod", "conj"))
    for child in modifiers:
        rank = _rank_word(child)
        # "second-largest" split into "second", "-", "largest": the ordinal counts
        if rank == 1 and child.i >= 2 and child.doc[child.i - 1].text in ("-", "–"):
            rank = _rank_word(child.doc[child.i - 2]) or rank
        if rank:
            return rank
    # A ranking verb or noun governing the trigger: "ranks second in investment",
    # "has the second position regarding investments".
    for ancestor in list(t.ancestors)[:4]:
        if _lemma(ancestor) == "rank":
            for child in ancestor.children:
                if child.dep_ in ("advmod", "npadvmod", "attr", "dobj", "oprd") and (rank := _rank_word(child)):
                    return rank
        for child in ancestor.children:
            if _lemma(child) in _RANK_CARRIERS and child.dep_ in ("dobj", "attr"):
                for word in child.children:
                    if rank := _rank_word(word):
                        return rank
    return None


def _period(trigger: Trigger, sent: Span, date: dt.date | None, n_triggers: int) -> Period | None:
    lo, hi = (sent.start_char, sent.end_char) if n_triggers == 1 else _clause_span(trigger.token)
    base = sent.start_char
    for s, e, period in find_periods(sent.text, date):
        if lo <= s + base < hi:
            return period
    return None


# -- claims ----------------------------------------------------------------------------

def _evidence(sent: Span) -> Evidence:
    return Evidence(sent.text, sent.start_char, sent.end_char)


def _amount_for(party_token: Token, amounts: list[tuple[int, int, Amount]], doc: Doc) -> Amount | None:
    """The amount a party hangs from ("$17 million for Chad"): the nearest amount above it."""
    roots: dict[int, Amount] = {}
    for start, end, amount in amounts:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            roots.setdefault(span.root.i, amount)
    for ancestor in party_token.ancestors:
        if ancestor.i in roots:
            return roots[ancestor.i]
    return None


Pair = tuple[tuple[Entity, Token | None], tuple[Entity, Token | None]]
# How a claim's parties were found: straight from the parse, or filled in from context
# (the claim is then `implied` and its rule says how, e.g. "action-aid_donor/carried").
_FROM_PARSE = frozenset({"parse", "multilateral", "coordination", "mutual", "imports"})
# Parties guessed from the rest of the sentence or from who reports it: they stand for what is
# told as done. Beside a plan, a condition or a denial the country guessed is mostly the plan's
# proposer, its host or a country named for another reason, so such claims are not made unless
# the country is named in the act's own phrase ("renewed an aid offer to X").
_GUESSES_OF_FACT = frozenset({"sentence-party", "pair-reported"})


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
    if top.dep_ not in ("nsubj", "nsubjpass") or _lemma(top.head) in ("be", "remain", "become", "stay"):
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
            if i < 1 or doc[i].text not in _DASHES or doc[i].whitespace_ or doc[i - 1].whitespace_:
                return []
            i -= 1
    return found if found[0][0].id != found[1][0].id else []


def _symmetric_pairs(trigger: Trigger, parties: Parties, sent: Span, ctx: ArticleContext) -> tuple[list[Pair], str]:
    """Pairs for a symmetric relation: parse first, then the speaker, the sentence, the article's pair."""
    relation = trigger.relation
    agents = _unique(parties.agents)
    others = _unique(parties.others + parties.sources)
    co = _unique(parties.co_parties)
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
    named = [p for p in co if p[1] is not None and _prep_between(p[1], trigger.token, _LIST_PREPS)]
    if len(named) >= 2:
        # "agreements reached between X and Y", "hosted talks among X, Y and Z": the parties are
        # listed; the clause's subject is none of them
        agents, others, co = [], [], named
    everyone = _unique(agents + others + co)
    if relation == "meeting" and _lemma(trigger.token) in lx.TRAVEL_WORDS:
        # "travelled to A, B and C": the places visited do not meet; travellers to one place do.
        # Whom the traveller meets there is not on the trip ("met X during a trip to Y").
        if others:
            co = [p for p in co if p[1] is not None and p[1] in trigger.token.subtree]
        everyone = _unique(agents + co + (others if len(others) == 1 else []))
    subjects = _unique(parties.subjects)
    rest = [p for p in everyone if p[0].id not in {s[0].id for s in subjects}]
    if (relation == "agreement" or relation == "meeting" and _lemma(trigger.token) in _SEPARATE_MEETINGS) and \
            _plural_deals(trigger.token) and subjects and len(rest) >= 2 and not any(
            _prep_between(p[1], trigger.token, _LIST_PREPS) for p in rest):
        # "X announces trade agreements with A, B and C": a deal with each, none among them (but
        # "agreements between A and B" are theirs)
        pairs, how = [(a, b) for a in subjects for b in rest], "parse"
    elif relation in lx.MULTILATERAL and len(everyone) >= 3:
        pairs, how = _all_pairs(everyone), "multilateral"  # one claim per pair of three or more parties
    elif agents and (others or co):
        pairs, how = [(a, b) for a in agents for b in others + co], "parse"
    elif others and co:
        pairs, how = [(a, b) for a in others for b in co], "parse"
    else:
        # "X and Y signed", "talks between X and Y", "the U.S.-Egypt partnership"
        # ("X and Y condemned the attack" makes X and Y co-critics, not disputants)
        doers = agents if not (relation == "dispute" and trigger.kind == "verb") or _reciprocal(trigger.token) else []
        group = next((g for g in (doers, co, _unique(parties.mods)) if len(g) >= 2), [])
        pairs, how = _all_pairs(group), "coordination"
    pairs = [(a, b) for a, b in pairs if a[0].id != b[0].id]
    if pairs:
        return pairs, how
    if relation == "dispute" and agents and not others and not co:
        # "the policy of X, which Y criticised": the relative pronoun stands for X's act.
        targets = [p for p in _antecedent_parties(trigger.token, ctx) if p[0].id not in {a[0].id for a in agents}]
        if targets:
            return [(a, b) for a in agents for b in targets], "antecedent"
    if relation == "meeting" and co and _enclosing_phrase(trigger.token, relation) is None and not (
            trigger.token.dep_ == "dobj" and _lemma(trigger.token.head) in lx.GO_BETWEEN_VERBS):
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
        rest = [p for p in _unique(ctx.parties_in(sent)) if p[0].id != everyone[0][0].id
                and not _no_party(p[1], trigger, ctx)]
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


def _directed_pairs(trigger: Trigger, parties: Parties, sent: Span, ctx: ArticleContext) -> tuple[list[Pair], str]:
    """(agent, other) pairs for a directed relation: giver -> receiver, imposer -> target, ..."""
    relation = trigger.relation
    agents = _unique(parties.agents)
    others = _unique(parties.others + parties.co_parties)
    sources = _unique(parties.sources)
    if relation in ("tariff", "sanction") and not agents:
        # "a 15% tariff on U.S. imports from Korea": the importing country levies it
        levied = _importer_pairs(trigger.token, ctx.parties_in(sent))
        if levied:
            return levied, "imports"
    # "from X" names the giver; after "import", "buy", "receive" the subject takes.
    if trigger.reversed:
        agents, others = _unique(sources + others), agents
    elif _receiving(trigger.token):
        # "Venezuela secured Chinese investment": the subject receives, the modifier gives
        subject_ids = {e.id for e, _ in parties.subjects}
        givers = _unique(sources + [a for a in agents if a[0].id not in subject_ids])
        agents, others = givers, _unique(parties.subjects + others)
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
        recent = ctx.recent.get(relation)
        # (not into a phrase of circumstance: "after the attack on X" is no attack by the giver)
        if recent is not None and ctx.sent_no - recent[0] <= 2 and _enclosing_phrase(trigger.token, relation) is None \
                and recent[1].id not in {o[0].id for o in others}:
            agents, how = [(recent[1], None)], "carried"
    # (several coordinated agents only outside conflict, where the rest is often a bystander)
    if agents and (len(agents) == 1 or relation != "conflict") and not others \
            and trigger.kind in ("relational", "action") and not _names_theatre(trigger.token, sent, ctx) \
            and not _aimed_at_holder(trigger.token, ctx):
        # "Russia ... ranks second in investment": the one other party of the sentence
        # ("the Iran war" names where a war is fought: the sentence's others are not its sides)
        # (a target guessed this way is a country: "UNICEF reports ... the Israeli blockade" is no
        # blockade of UNICEF)
        rest = [p for p in _unique(ctx.parties_in(sent)) if p[0].id not in {a[0].id for a in agents}
                and p not in parties.ahead + parties.citers and not _modifies_other_trigger(p[1], trigger.token, ctx)
                and not _no_party(p[1], trigger, ctx) and not _in_relative_clause(p[1], trigger.token)]
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
    subjects = _unique(parties.subjects)
    co = _unique(parties.co_parties)
    if len(subjects) >= 2 and ((relation == "conflict" and _lemma(trigger.token) in lx.MUTUAL_CONFLICTS)
                               or _lemma(_predicate(trigger.token)) in lx.MUTUAL_VERBS) \
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
    for obj in _acted_on(trigger, lx.TARGET_PREPS):
        if obj.like_num or _lemma(obj) in ("%", "percent") or any(c.like_num for c in obj.children):
            continue  # "tariffs of 38%": a rate, not a target
        if _lemma(obj) not in lx.STATE_WORDS and not any(
                c.dep_ in ("det", "amod", "predet") and c.lower_ in ("such", "these", "those", "same")
                for c in obj.children):
            return obj  # (not "sanctions on such shipments": those of a state named before)
    return None


def _in_relative_clause(token: Token | None, trigger: Token) -> bool:
    """A name inside a relative clause the trigger is not in ("two NGOs that had advocated for
    Palestinian rights"): it describes someone else, and is no guess for the trigger's party."""
    node = token
    while node is not None and node.head != node:
        if node.dep_ == "relcl":
            # ("an attack that destroyed a building in X" tells of the attack itself)
            return trigger not in node.subtree and node.head != trigger
        node = node.head
    return False


def _names_theatre(trigger: Token, sent: Span, ctx: ArticleContext) -> bool:
    """"the Iran war", "the Gaza war": a war named by where it is fought."""
    return _lemma(trigger) == "war" and (any(h.head == trigger and h.dep_ != "poss" for _, h in ctx.parties_in(sent))
                                         or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in trigger.children))


def _aimed_at_holder(trigger: Token, ctx: ArticleContext) -> bool:
    """"sanctions on [a person]", "tariffs on buyers of ...": the target is named, and is no state."""
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
        g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or _lemma(g) in lx.HOLDER_NOUNS) and g.i not in ctx.index
        for g in c.children) for c in trigger.children)


def _importer_pairs(trigger: Token, parties: list[tuple[Entity, Token]]) -> list[Pair]:
    """(importer, exporter) for a duty "on X imports from Y" or "on X's imports of Y goods"."""
    imports = [n for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "on"
               for n in prep.children if n.dep_ == "pobj" and _lemma(n) == "import"]
    if not imports:
        return []
    noun = imports[0]
    importers = [p for p in parties if p[1].head == noun and p[1].dep_ in ("compound", "amod", "poss", "nmod")]
    # the parser hangs "from Brazil" on the noun or on the duty itself
    exporters = [p for p in parties if p[1].dep_ == "pobj" and p[1].head.lower_ == "from"
                 and p[1].head.head in (noun, trigger)]
    return [(a, b) for a in _unique(importers) for b in _unique(exporters) if a[0].id != b[0].id]


def _listing_pairs(trigger: Trigger, sent: Span, ctx: ArticleContext) -> tuple[list[Pair], str]:
    """Who lists whom: the verb's subject (or passive agent) lists the country of what it adds.

    The target may be named by its firms or people ("two dozen Cuban entities", "U.S.
    companies"): a designation of a country's firms is a sanction on that country."""
    verb = trigger.token
    imposers: list[tuple[Entity, Token]] = []
    targets: list[tuple[Entity, Token]] = []
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS or child.dep_ == "agent":
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
    pairs = [(a, b) for a in _unique(imposers) for b in _unique(targets) if a[0].id != b[0].id]
    return pairs, "parse"


def _funding_pairs(trigger: Trigger, sent: Span, ctx: ArticleContext) -> tuple[list[Pair], str]:
    """The giver (the subject) and the places the money goes: countries reached from the verb
    through "to", "for" and "in" ("to help refugees in Chad", "focusing on ... in Egypt")."""
    verb = trigger.token
    actor = verb  # "announces plans to allocate": the subject of the clause that plans
    for _ in range(4):
        if _has_subject(actor) or actor.head == actor or actor.dep_ not in ("xcomp", "conj", "advcl", "acl", "dobj"):
            break
        actor = actor.head
    givers, receivers = [], []
    for entity, head in ctx.parties_in(sent):
        subject_edge = _edge_into(head, actor)
        if subject_edge is not None and subject_edge.dep_ in _SUBJECT_DEPS and _direct(head, subject_edge):
            givers.append((entity, head))
            continue
        edge = _edge_into(head, verb)
        if edge is None:
            continue
        if edge.dep_ in ("prep", "advcl", "xcomp", "dative") and head.dep_ in ("pobj", "conj", "dative") \
                and _reached_by_place(head, verb):
            receivers.append((entity, head))
    if _lemma(verb) in lx.FUNDING_RECEIVE_VERBS:
        # the subject receives; the giver is named "from X" or is who reports it ("the Commission says")
        takers = givers
        sources = [p for p in ctx.parties_in(sent) if p[1].dep_ == "pobj" and p[1].head.lower_ == "from"
                   and p[1].head.head == verb]
        if sources:
            return [(a, b) for a in _unique(sources) for b in _unique(takers) if a[0].id != b[0].id], "parse"
        speaker, _ = ctx.speakers.speaker_of(sent, verb)
        reporter = ctx.as_party(speaker.entity) if speaker is not None else None
        if reporter is None:
            return [], ""
        return [((reporter, None), b) for b in _unique(takers) if b[0].id != reporter.id], "reporter"
    pairs = [(a, b) for a in _unique(givers) for b in _unique(receivers) if a[0].id != b[0].id]
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


def _presupposed_by(token: Token) -> Token | None:
    """The word acting on a relation that already exists: "end" in "seeks to end the war",
    "bring an end to the invasion", "would violate the agreement"; else None."""
    head = token.head
    if token.dep_ == "xcomp" and token.tag_ == "VBG" and _lemma(head) in lx.KEEP_ON_VERBS:
        return head  # "will continue supplying gas": it is supplied now
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    if token.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and _lemma(head) in lx.PRESUPPOSING_VERBS:
        if _lemma(head) == "implement" and lx.ACTION_NOUNS.get(_lemma(token)) != "agreement":
            return None  # "implement tariffs" imposes them; "implement the deal" carries it out
        return head
    if token.dep_ == "dobj" and head.dep_ == "xcomp" and head.tag_ == "VBG" and _lemma(head.head) in lx.KEEP_ON_VERBS:
        return head.head  # "will continue receiving Russian gas": it is received now
    if token.dep_ == "pobj" and head.lower_ in ("of", "to") and _lemma(head.head) in lx.PRESUPPOSING_NOUNS:
        return head.head
    if token.dep_ == "nsubj" and _lemma(head) in lx.ONGOING_VERBS:
        return head  # "if the attacks do not end", "if the blockade continues"
    return None


def _said_of_another_act(noun: Token) -> bool:
    """Whether a noun is what a copula calls another relation's act: "the tariff is an attack"."""
    if noun.dep_ != "attr" or _lemma(noun.head) != "be":
        return False
    subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and lx.ACTION_NOUNS.get(_lemma(subject), "conflict") != "conflict"


def _acting_party(token: Token | None, trigger: Token, acting: Token) -> bool:
    """Whether a party is named by the relation's own phrase ("the airstrikes on Iran", "the
    Iran-US deal") or does what acts on it ("Israel agreed to stop the airstrikes"); not a
    party whose plan, proposal or talks are about ending it ("the U.S. plan to end the war")."""
    if token is None:
        return False
    if token in trigger.subtree or any(c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "between", "among")
                                       and token in c.subtree for c in acting.children):
        return True  # "stop its airstrikes on Iran" (the parser may hang "on" on the verb)
    verb = acting
    while verb.dep_ in ("xcomp", "conj") and not _has_subject(verb):
        verb = verb.head  # "agreed to stop": the one who agreed stops
    return any(c.dep_ in _SUBJECT_DEPS and token in c.subtree for c in verb.children)


def _claim_modality(trigger: Trigger, has_amount: bool) -> str:
    """The trigger's modality, with the guidelines' readings of discussion, same-day and pledges."""
    modality = _modality(trigger.token)
    if trigger.relation == "meeting" and modality in ("asserted", "future") and (off := _called_off(trigger)):
        return off  # "terminated negotiations with X", "cancelled a planned visit": no meeting
    if modality in ("asserted", "future") and any(c.dep_ == "amod" and c.lower_ in lx.PLANNED_WORDS
                                                  for c in trigger.token.children) and (off := _called_off(trigger)):
        return off  # "will cancel the planned tariffs on X": they will not be imposed
    if modality == "asserted" and (_under_discussion(trigger.token) or _proposed(trigger.token)):
        return "hedged"
    if modality == "asserted" and _purpose(trigger.token):
        return "future"  # "signed an agreement to foster trade": the trade is the aim
    if modality == "asserted" and _quoted_label(trigger):
        return "hedged"  # "called it a 'declaration of war'": a quoted label, not a report
    if modality == "future" and any(t.lower_ in ("today", "tonight") for t in _predicate(trigger.token).subtree):
        return "asserted"  # "will visit Ghana today": it happens on the day of the text
    if modality == "future" and has_amount and trigger.kind == "funding":
        return "asserted"  # "will provide $20 million to help": a sum committed by a named giver
    if modality == "future" and has_amount and trigger.relation in ("investor", "aid_donor") and any(
            _lemma(a) in lx.PLEDGE_VERBS for a in [trigger.token, *list(trigger.token.ancestors)[:3]]):
        return "asserted"  # a pledge with an amount by a named giver is reported as a fact
    return modality


def _status(trigger: Trigger) -> str | None:
    """"lifted", "halted" or "ended" when the trigger is what a lift or a stop acts on:
    "lifts sanctions", "halts its gas supplies", "a freeze on aid", "the end of fuel supplies"."""
    if trigger.kind == "delisting":
        return "lifted"
    relation = trigger.relation
    if relation not in lx.HALTABLE and relation not in lx.LIFTABLE:
        return None
    for word in _governors(trigger):
        lemma = _lemma(word)
        if relation in lx.LIFTABLE and lemma in lx.LIFT_WORDS and word is not trigger.token:
            return "lifted"
        if relation in lx.HALTABLE and lemma in lx.HALT_WORDS:
            return "halted"
        if relation in lx.HALTABLE and lemma in lx.END_WORDS:
            return "ended"
    return None


def _called_off(trigger: Trigger) -> str | None:
    """"negated" for talks or a visit that are cancelled or called off, "future" for ones put
    off: no meeting took place. (Talks ended or suspended did take place.)"""
    for word in _governors(trigger):
        if word is trigger.token:
            continue  # the verb itself ("cancelled" in "X cancelled ...") is no meeting
        lemma = _lemma(word)
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
                node.dep_ == "compound" and _lemma(node.head) in lx.EXEMPTIONS):
            break
        node = node.head
        governors.append(node)
        if node.pos_ in ("VERB", "AUX"):
            break
    return governors


def _attacked(token: Token) -> bool:
    """Whether a word names what an attack hits: the object of "targeted relief facilities",
    "looted aid warehouses", or of "an attack on an aid convoy"."""
    node = token
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ == "VERB":
            return _lemma(node.head) in lx.ATTACK_VERBS
        if node.dep_ == "pobj" and node.head.lower_ in ("on", "against") and _lemma(node.head.head) in lx.ATTACK_NOUNS:
            return True
        if node.dep_ not in ("compound", "amod", "nmod", "conj", "pobj", "prep"):
            return False
        node = node.head
    return False


def _in_own_phrase(party: Token | None, trigger: Token) -> bool:
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


def claims_for_trigger(trigger: Trigger, sent: Span, ctx: ArticleContext, doc_id: str,
                       n_triggers: int) -> list[Claim]:
    """The claims one trigger states: its parties, figures, rank, period, speaker and modality."""
    if trigger.relation == "aid_donor" and _attacked(trigger.token):
        return []  # "strikes targeted relief facilities", "an attack on an aid convoy": no aid given
    if trigger.relation == "conflict" and any(c.dep_ == "amod" and c.lower_ in ("civil", "internal", "domestic")
                                              for c in trigger.token.children):
        return []  # "Sudan's civil war": fought within one state, by no state on another
    if trigger.relation == "conflict" and _said_of_another_act(trigger.token):
        return []  # "the tariff is a direct attack on Canada": a tariff, called an attack
    parties = find_parties(trigger, sent, ctx)
    relation = trigger.relation
    symmetric = relation in SYMMETRIC and trigger.kind != "arms" and not (
        relation == "trade_partner" and _lemma(trigger.token) in ("export", "import"))
    if trigger.kind in ("listing", "delisting"):
        pairs, how = _listing_pairs(trigger, sent, ctx)
    elif trigger.kind == "funding":
        pairs, how = _funding_pairs(trigger, sent, ctx)
    else:
        pairs, how = (_symmetric_pairs if symmetric else _directed_pairs)(trigger, parties, sent, ctx)
    if not pairs and not parties.ahead:
        return []
    implied = how not in _FROM_PARSE
    if not symmetric and pairs and how != "carried":
        ctx.recent[relation] = (ctx.sent_no, pairs[0][0][0], pairs[0][1][0])
    amounts, percents = _figures(trigger, sent, n_triggers)
    rank = _rank(trigger, sent) if trigger.kind in ("relational", "action") else None
    period = _period(trigger, sent, ctx.date, n_triggers)
    modality = _claim_modality(trigger, bool(amounts))
    speaker, found = ctx.speakers.speaker_of(sent, trigger.token)
    # In remarks or a statement, what no one else is quoted or reported saying is the byline's.
    speaker_entity = speaker.entity if speaker is not None else (ctx.byline if found != "quotation" else None)
    rule = f"{trigger.kind}-{relation}" + ("" if how in ("parse", "") else f"/{how}")
    status = _status(trigger)
    # "Iran seeks to end the war with the U.S.": the plan is the ending; the war is a fact
    acting = _presupposed_by(trigger.token) if modality != "asserted" and status is None else None
    claims = []
    for (subj, s_tok), (obj, o_tok) in pairs:
        pair_modality = modality
        if acting is not None and all(_acting_party(tok, trigger.token, acting) for tok in (s_tok, o_tok)):
            pair_modality = modality_of(trigger.token, stop=acting)
        if pair_modality != "asserted" and how in _GUESSES_OF_FACT and not _in_own_phrase(o_tok, trigger.token):
            continue
        amount = None
        if len(amounts) == 1:
            amount = amounts[0][2]
        elif amounts and o_tok is not None:
            amount = _amount_for(o_tok, amounts, ctx.doc)  # "$8 million for X, $17 million for Y"
        claims.append(Claim(
            doc=doc_id, relation=relation, subject=subj, object=obj, evidence=_evidence(sent), rule=rule,
            modality=pair_modality, rank=rank, amount=amount, percent=percents[0][2] if percents else None,
            period=period, speaker=speaker_entity, date=ctx.date,
            confidence=0.6 if implied else 0.85, implied=implied,
            status=status,
        ))
    # "second, following China": China ranks one place higher in the same relation.
    if rank and rank > 1 and parties.ahead:
        targets = {c.object.id: c.object for c in claims}
        for entity, _ in parties.ahead:
            for obj in targets.values():
                if obj.id != entity.id:
                    claims.append(Claim(
                        doc=doc_id, relation=relation, subject=entity, object=obj, evidence=_evidence(sent),
                        rule="rank-ahead", modality=modality, rank=rank - 1, date=ctx.date, confidence=0.7,
                        derived=True, speaker=speaker_entity,
                    ))
    return claims


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
                if _lemma(node.head) in lx.OCCURRENCE_VERBS or copular_modality(node.head) is not None:
                    return modality  # "talks will begin", "an attack is imminent": said of the noun
                return modality_of(token, stop=node.head)
            node = node.head
    return modality


def _purpose(token: Token) -> bool:
    """Whether the trigger's clause is an infinitive of purpose ("... to foster trade")."""
    verb = _predicate(token)
    if not (verb.tag_ == "VB" and verb.dep_ in ("advcl", "acl") and verb != token.sent.root
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        return False
    if _lemma(verb.head) in _ORDER_VERBS:
        return False  # "orders the ministry to raise tariffs": the order is carried out
    node = token
    while node != verb and node.head != node:
        if node.dep_ == "prep" and node.lower_ in _CIRCUMSTANCE_PREPS:
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
    """Whether the trigger is something asked for, not done: "calls for an embargo", "urged sanctions"."""
    for ancestor in list(token.ancestors)[:4]:
        lemma = _lemma(ancestor)
        if ancestor.dep_ == "prep" and ancestor.lower_ in _CIRCUMSTANCE_PREPS:
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
        if node.pos_ == "VERB" and _lemma(node) in lx.DISCUSSION_VERBS:
            # what is discussed is its object; "amid tensions", "in Havana" are circumstances
            return child.dep_ in ("dobj", "xcomp", "ccomp", "pcomp", "nsubjpass") or (
                child.dep_ == "prep" and child.lower_ in ("on", "about", "of", "over"))
        if node.pos_ == "NOUN" and _lemma(node) in lx.TALK_NOUNS and token.pos_ == "NOUN" and (
                child.dep_ == "prep" and child.lower_ in ("on", "about", "over")):
            return True  # "talks on a fisheries deal": the deal is what they talk about
        if node.dep_ in ("ROOT", "ccomp", "conj"):
            return False
    return False


def _antecedent_parties(verb: Token, ctx: ArticleContext) -> list[tuple[Entity, Token]]:
    """Who a relative clause's object pronoun points at: in "X's policy, which Y condemned" or
    "X maintained a policy which Y condemned", X (named in the antecedent, else its clause's subject)."""
    relative = [c for c in verb.children if c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubj")]
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c not in relative]
    # the parser may label a fronted object "which" a subject; a second subject shows it is not
    if verb.dep_ != "relcl" or not relative or (relative[0].dep_ == "nsubj" and not subjects):
        return []
    antecedent = verb.head
    parties = ctx.parties_in(verb.sent)
    clause = set(t.i for t in verb.subtree)
    inside = [p for p in parties if p[1].i not in clause and _edge_into(p[1], antecedent) is not None]
    if inside:
        return _unique(inside)
    node = antecedent
    while node.dep_ in ("dobj", "pobj", "prep", "pcomp", "attr") and node.head != node:
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [c for c in node.children if c.dep_ in _SUBJECT_DEPS]
    return _unique(p for p in parties if any(p[1] == s or _edge_into(p[1], s) is not None and _direct(p[1], s)
                                             for s in subjects))


def _unique(items: Iterable[tuple[Entity, Token]]) -> list[tuple[Entity, Token]]:
    seen: set[str] = set()
    out = []
    for entity, token in items:
        if entity.id not in seen:
            seen.add(entity.id)
            out.append((entity, token))
    return out


def leader_claims(ctx: ArticleContext, doc_id: str) -> list[Claim]:
    """leader_of for each current head of state or government named with a title."""
    claims: dict[tuple[str, str], Claim] = {}
    for mention in ctx.mentions:
        person = mention.entity
        if person.type != "Leader" or not person.country or person.role not in LEADER_ROLES:
            continue
        if mention.resolution not in ("title", "title-of"):
            continue
        key = (person.id, person.country)
        if key in claims:
            continue
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or _leaves_office(span.root):
            continue
        sent = span.sent
        claims[key] = Claim(
            doc=doc_id, relation="leader_of", subject=person, object=ctx.gaz.country_entity(person.country),
            evidence=_evidence(sent), rule="leader-title", date=ctx.date, confidence=0.95,
        )
    return list(claims.values())


def _leaves_office(name: Token) -> bool:
    """Whether a titled leader is the one leaving office in the sentence, as a fact.

    "X resigns", "X steps down", "X was ousted", "succeeds the removed X", "the dismissal
    of X" (but not "X will resign", "calls for X to resign", "demands the resignation of
    X" or "X dismisses his minister").
    """
    while name.dep_ in ("compound", "appos", "flat") and name.head != name:
        name = name.head  # "Prime Minister X": the phrase's head
    if any(c.dep_ == "amod" and (_lemma(c) in lx.REMOVAL_VERBS or c.lower_ in lx.REMOVED_WORDS)
           for c in name.children):
        return True  # "the removed X", "ousted president X"
    head = name.head
    dep = name.dep_
    if dep == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
        # "X resigns as Prime Minister of Y": the title is the role left
        head = head.head
        dep = next((c.dep_ for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), "")
    if dep == "nsubj":
        leaving = _lemma(head) in lx.LEAVING_VERBS or _lemma(head) == "step" and any(
            c.dep_ == "prt" and c.lower_ in ("down", "aside") for c in head.children)
    elif dep == "nsubjpass":
        leaving = _lemma(head) in lx.REMOVAL_VERBS
    elif dep == "pobj" and head.lower_ == "of" and _lemma(head.head) in lx.REMOVAL_NOUNS:
        head = head.head
        leaving = True
    else:
        return False
    if not leaving or head.tag_ == "VB" or any(c.tag_ == "TO" for c in head.children):
        return False  # "to resign", "to be removed": asked for or planned
    if any(_lemma(a) in lx.PROPOSAL_VERBS | lx.DEMAND_VERBS for a in head.ancestors if a.pos_ == "VERB"):
        return False  # "demanding the resignation of X"
    return modality_of(head) == "asserted"


def merge_duplicate_claims(claims: list[Claim]) -> list[Claim]:
    """One claim per (relation, parties, sentence), keeping every figure any duplicate found."""
    merged: dict[tuple, Claim] = {}
    for claim in claims:
        ids = (claim.subject.id, claim.object.id)
        if claim.relation in SYMMETRIC:
            ids = tuple(sorted(ids))
        key = (claim.relation, ids, claim.evidence.start)
        if key not in merged:
            merged[key] = claim
            continue
        old = merged[key]
        merged[key] = replace(
            old,
            rank=old.rank or claim.rank,
            amount=old.amount or claim.amount,
            percent=old.percent or claim.percent,
            period=old.period or claim.period,
            speaker=old.speaker or claim.speaker,
            implied=old.implied and claim.implied,
            derived=old.derived and claim.derived,
        )
    return list(merged.values())


def extract_claims(doc: Doc, mentions: list[Mention], *, doc_id: str = "", date: dt.date | None = None,
                   gazetteer: Gazetteer | None = None, byline: Entity | None = None) -> list[Claim]:
    """Claims in a parsed article.

    Args:
        doc: a Doc from `load_pipeline()`.
        mentions: its linked mentions (`find_mentions`).
        doc_id: the article id written in each claim.
        date: the article date (periods, leaders in office).
        byline: the person whose words the whole article is (remarks, a statement), who
            speaks every sentence the text does not give to someone else.

    Returns:
        Claims in text order, duplicates merged.
    """
    ctx = ArticleContext(doc, mentions, date, gazetteer or load_gazetteer())
    ctx.byline = byline
    claims = leader_claims(ctx, doc_id)
    for number, sent in enumerate(doc.sents):
        ctx.sent_no = number
        triggers = find_triggers(sent)
        ctx.trigger_tokens = {t.token.i for t in triggers}
        for trigger in triggers:
            claims.extend(claims_for_trigger(trigger, sent, ctx, doc_id, len(triggers)))
    claims = merge_duplicate_claims(claims)
    return sorted(claims, key=lambda c: (c.evidence.start, c.relation, c.subject.id, c.object.id))
