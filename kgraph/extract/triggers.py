"""Trigger words: the words of a sentence that signal a relation, and how to read their parties."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from . import lexicon as lx
from .syntax import has_subject, lemma_of, modifier_lemmas, object_has, predicate_of


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that signals a relation, and how its possessor is to be read."""

    token: Token
    relation: str
    kind: str  # "action" | "relational" | "verb" | "energy" | "arms"
    reversed: bool = False


def _energy_in(token: Token) -> bool:
    return any(lemma_of(t) in lx.ENERGY_NOUNS or t.lower_ in lx.ENERGY_NOUNS for t in token.subtree)


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
        lemma = lemma_of(token)
        if token.ent_type_ == "ORG" or _in_body_name(token):
            continue  # a word of a body's name ("UN Assistance Mission", "World Trade Organization")
        if token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and lemma in ("bilateral",)):
            if lemma in lx.MODIFIED_NOUNS:
                relations = {r for m in modifier_lemmas(token) if (r := lx.modifier_relation(lemma, m))}
                for relation in sorted(relations):
                    triggers.append(Trigger(token, relation, "relational"))
            elif lemma in lx.RELATIONAL_NOUNS:
                relation = lx.RELATIONAL_NOUNS[lemma]
                if relation == "ally" and set(modifier_lemmas(token)) & {"political", "party"}:
                    continue  # "contracts for his political allies": people, not states
                if relation == "energy_supplier" and not (_energy_in(token) or any(
                        lemma_of(c) in lx.ENERGY_NOUNS for c in token.children)):
                    if any(lemma_of(t) in lx.ARMS_NOUNS for t in token.subtree):
                        triggers.append(Trigger(token, "military_cooperation", "relational"))
                    continue
                triggers.append(Trigger(token, relation, "relational"))
            elif lemma in lx.ACTION_NOUNS:
                relation = lx.ACTION_NOUNS[lemma]
                if relation in ("trade_partner", "investor") and token.dep_ in ("compound", "amod", "nmod") \
                        and lemma_of(token.head) not in lx.FLOW_HEADS:
                    continue
                if lemma in lx.SUPPLY_NOUNS and any(lemma_of(c) in lx.ENERGY_NOUNS for c in token.children):
                    continue  # an energy supply, handled below
                if relation == "sanction" and (_bars_own_people(token) or _health_measure(token, sent)):
                    continue  # "a travel ban on its citizens to X", "an entry ban after the Ebola outbreak"
                if relation == "trade_partner" and _trade_blocked(token):
                    continue  # trade as the object of a ban, a tariff or a deal is not stated trade
                mods = set(modifier_lemmas(token))
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
            elif lemma in lx.SUPPLY_NOUNS and any(lemma_of(c) in lx.ENERGY_NOUNS for c in token.children
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
            if token.dep_ in ("acl", "relcl", "amod") and token.tag_ in ("VBN", "VBG") and not has_subject(token):
                continue  # a participle describing a noun ("goods traded to X") states no act of its own
            if lemma in lx.SUPPLY_VERBS and object_has(token, lx.ENERGY_NOUNS):
                triggers.append(Trigger(token, "energy_supplier", "energy", reversed=lemma in lx.IMPORT_WORDS))
            elif lemma in lx.SUPPLY_VERBS and object_has(token, lx.ARMS_NOUNS):
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
                        c.dep_ == "dobj" and lemma_of(c) in lx.NOT_TRADED for c in token.children):
                    continue  # "trades fire", "trade accusations": an exchange, not trade
                if lemma == "conclude" and any(
                        c.dep_ == "dobj" and lemma_of(c) in lx.TALK_NOUNS for c in token.children):
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
    return lemma_of(subject) in lx.NATURAL_EVENTS | lx.ACCIDENTAL_HITTERS or any(
        c.dep_ == "amod" and c.lower_ in lx.ACCIDENTAL_WORDS for c in subject.children)


def _bars_own_people(token: Token) -> bool:
    """A ban on the banning state's own people ("a ban on its citizens", "bans its nationals")."""
    barred = [c for c in token.children if c.dep_ == "dobj"]
    barred += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
               if g.dep_ == "pobj"]
    return any(lemma_of(b) in lx.OWN_PEOPLE_NOUNS and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in b.children)
               for b in barred)


def _health_measure(token: Token, sent: Span) -> bool:
    """A ban or restriction in a sentence about an outbreak ("an entry ban on residents of X after
    the Ebola epidemic"): a health measure, not a sanction. (Not a blockade or an embargo.)"""
    return lemma_of(token) in ("ban", "restriction", "restrict") and any(t.lower_ in lx.OUTBREAK_WORDS for t in sent)


def _hosts_an_event(verb: Token) -> bool:
    """"host the World Cup", "a tournament hosted by X", "the Cup to be hosted by X": what is
    hosted is a sporting or public event, not a visitor. Without an object of its own, the
    hosted thing is the noun just before ("the 2030 World Cup to be hosted by ...")."""
    hosted = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl"):
        hosted.append(verb.head)
    if not hosted:
        hosted = [t for t in verb.doc[max(verb.sent.start, verb.i - 4):verb.i] if t.pos_ in ("NOUN", "PROPN")][-1:]
    return any(lemma_of(h) in lx.SPORTING_EVENTS for h in hosted)


def _funds_aid(verb: Token) -> bool:
    """A sum of money given to help ("provided $20 million to help refugees"): its object is
    money and a purpose clause says it is to help, support or rebuild."""
    money = any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children)
    purpose = any(c.dep_ in ("advcl", "xcomp") and lemma_of(c) in lx.AID_PURPOSE_VERBS
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)
    return money and purpose


def _listing(verb: Token) -> str | None:
    """"listing" for "added X to the entity list", "delisting" for "removed X from the terrorism list"."""
    lemma = lemma_of(verb)
    preps = ("to", "on", "onto") if lemma in lx.LISTING_VERBS else ("from", "off")
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        words = {lemma_of(t) for t in prep.subtree}  # "the state sponsors of terrorism list"
        if words & lx.LIST_NOUNS and ("blacklist" in words or words & lx.BLACKLIST_WORDS):
            return "listing" if lemma in lx.LISTING_VERBS else "delisting"
    return None


def _trade_blocked(token: Token) -> bool:
    """Trade under a ban, tariff or deal ("duties on imports", "a deal outlining exports")."""
    if any(lemma_of(a) in lx.TRADE_BLOCKERS for a in list(token.ancestors)[:4]):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "on":
        # "a round of tariff rates on imports": what lies on the trade is named by the
        # phrase the preposition hangs from, with its modifiers and "of" complement.
        head = token.head.head
        nouns = [head] + [t for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                          for t in p.children if t.dep_ == "pobj"]
        words = {lemma_of(n) for n in nouns} | {m for n in nouns for m in modifier_lemmas(n)}
        if words & lx.TRADE_BLOCKERS:
            return True
    verb = predicate_of(token)
    return any(c.dep_ in ("dobj", "nsubjpass", "nsubj") and lemma_of(c) in lx.TRADE_BLOCKERS for c in verb.children)


def _into_airspace(token: Token) -> bool:
    """"drone incursions", "incursions into X's airspace": aircraft crossing a border, no attack."""
    # ("into" may hang on the verb: "protests X incursions into its airspace")
    holders = [token] + ([token.head] if token.dep_ == "dobj" else [])
    return any(lemma_of(c) == "drone" for c in token.children if c.dep_ in ("compound", "amod", "nmod")) or any(
        lemma_of(g) == "airspace" for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "into"
        for g in c.children if g.dep_ == "pobj")


def said_of_another_act(noun: Token) -> bool:
    """Whether a noun is what a copula calls another relation's act: "the tariff is an attack"."""
    if noun.dep_ != "attr" or lemma_of(noun.head) != "be":
        return False
    subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and lx.ACTION_NOUNS.get(lemma_of(subject), "conflict") != "conflict"


def attacked(token: Token) -> bool:
    """Whether a word names what an attack hits: the object of "targeted relief facilities",
    "looted aid warehouses", or of "an attack on an aid convoy"."""
    node = token
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ == "VERB":
            return lemma_of(node.head) in lx.ATTACK_VERBS
        if node.dep_ == "pobj" and node.head.lower_ in ("on", "against") and lemma_of(node.head.head) in lx.ATTACK_NOUNS:
            return True
        if node.dep_ not in ("compound", "amod", "nmod", "conj", "pobj", "prep"):
            return False
        node = node.head
    return False
