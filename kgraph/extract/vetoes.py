"""The named tests of the trigger table (trigger_table.py): predicates of one word of a parse.

A *veto* says a word that looks like a trigger is none ("trades fire": no trade), or that
a trigger states no claim ("strikes on an aid convoy": no aid given). A *condition* says
when a row of the table applies at all ("supplies gas": the energy row of "supply").
Each is a pure function of a spaCy token, named for what it finds in the sentence and
tested on its own on hand-built parses (tests/extract/test_trigger_table.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .syntax import has_subject, lemma_of, modifier_lemmas, object_has, predicate_of

# -- vetoes of any word ------------------------------------------------------------------


def part_of_a_name(token: Token) -> bool:
    """A word of a body's name: tagged as part of an organization ("World Trade Organization"),
    or a capitalised word of a name headed by a body ("UN Assistance Mission", "EU Trade
    Commissioner") that the model did not tag as one."""
    if token.ent_type_ == "ORG":
        return True
    if not token.is_title or token.pos_ != "PROPN" or lemma_of(token) in lx.EVENT_NOUNS:
        return False  # (but "the EU-China Summit" is an event, named after its parties)
    head = token.head if token.dep_ == "compound" else token
    return any(c.ent_type_ == "ORG" and c.dep_ == "compound" and c.i < token.i for c in head.children)


def participle_of_a_noun(token: Token) -> bool:
    """A participle describing a noun ("goods traded to X"), without a subject of its own:
    it states no act of its own."""
    return token.pos_ == "VERB" and token.dep_ in ("acl", "relcl", "amod") and token.tag_ in ("VBN", "VBG") \
        and not has_subject(token)


# -- vetoes of nouns ---------------------------------------------------------------------


def modifies_no_flow(token: Token) -> bool:
    """A trade or investment noun modifying a noun that is no measure of the flow: "trade
    agreement", "trade minister", "investment fund" (but "trade turnover", "investment volume")."""
    return token.dep_ in ("compound", "amod", "nmod") and lemma_of(token.head) not in lx.FLOW_HEADS


def energy_traded(token: Token) -> bool:
    """An export or import noun naming energy goods ("gas exports", "oil imports"). Such a
    word is no trigger at all: the energy-supply row never sees it (a known gap, kept as it is)."""
    return any(lemma_of(c) in lx.ENERGY_NOUNS for c in token.children)


def trade_blocked(token: Token) -> bool:
    """Trade as what a ban, a tariff or a deal acts on ("duties on imports", "a deal outlining
    exports"): a measure or a plan, not trade the text states."""
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


def bars_own_people(token: Token) -> bool:
    """A ban on the banning state's own people ("a ban on its citizens to X", "bans its
    nationals from travelling"): an advisory to its own, not a measure against X."""
    barred = [c for c in token.children if c.dep_ == "dobj"]
    barred += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
               if g.dep_ == "pobj"]
    return any(lemma_of(b) in lx.OWN_PEOPLE_NOUNS and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in b.children)
               for b in barred)


def health_measure(token: Token) -> bool:
    """A ban or a restriction in a sentence about an outbreak ("an entry ban on residents of X
    after the Ebola epidemic"): a health measure, not a sanction."""
    return any(t.lower_ in lx.OUTBREAK_WORDS for t in token.sent)


def into_airspace(token: Token) -> bool:
    """"drone incursions", "incursions into X's airspace": aircraft crossing a border, no attack."""
    # ("into" may hang on the verb: "protests X incursions into its airspace")
    holders = [token] + ([token.head] if token.dep_ == "dobj" else [])
    return any(lemma_of(c) == "drone" for c in token.children if c.dep_ in ("compound", "amod", "nmod")) or any(
        lemma_of(g) == "airspace" for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "into"
        for g in c.children if g.dep_ == "pobj")


def proper_noun(token: Token) -> bool:
    """The word tagged as a name, not a common noun ("Relief" in "Relief International", "Strike"
    in a title): no act."""
    return token.pos_ != "NOUN"


def compound_modifier(token: Token) -> bool:
    """The word modifies a noun as a compound ("war crimes", "war tribunal", "strike group"):
    a kind of thing, not an event."""
    return token.dep_ == "compound"


def not_a_phone_call(token: Token) -> bool:
    """"phone" not in a phone call, a phone talk or "speak by phone" ("phone makers")."""
    return token.head.lemma_.lower() not in ("call", "talk", "conversation", "speak")


def protest_lodged_with_no_one(token: Token) -> bool:
    """A protest not lodged "with", "to" or "against" someone: a street protest, no dispute
    between states (a diplomatic protest is lodged with someone)."""
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "to", "against") for c in token.children)


# -- vetoes of verbs ---------------------------------------------------------------------


def struck_by_no_attacker(verb: Token) -> bool:
    """What strikes is no one's aimed weapon: a natural event ("an earthquake strikes X"),
    debris or a weapon off its course ("falling missile fragments hit X", "a stray drone")."""
    return any(c.dep_ == "nsubj" and (lemma_of(c) in lx.NATURAL_EVENTS | lx.ACCIDENTAL_HITTERS or any(
        g.dep_ == "amod" and g.lower_ in lx.ACCIDENTAL_WORDS for g in c.children)) for c in verb.children)


def trades_blows(verb: Token) -> bool:
    """"trades fire", "trade accusations": an exchange of blows or words, not trade."""
    return any(c.dep_ == "dobj" and lemma_of(c) in lx.NOT_TRADED for c in verb.children)


def concludes_talks(verb: Token) -> bool:
    """"concluded talks on a deal": the talks ended, no deal was made."""
    return any(c.dep_ == "dobj" and lemma_of(c) in lx.TALK_NOUNS for c in verb.children)


def hosts_an_event(verb: Token) -> bool:
    """"host the World Cup", "a tournament hosted by X", "the Cup to be hosted by X": what is
    hosted is a sporting or public event, not a visitor. Without an object of its own, the
    hosted thing is the noun just before ("the 2030 World Cup to be hosted by ...")."""
    hosted = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl"):
        hosted.append(verb.head)
    if not hosted:
        hosted = [t for t in verb.doc[max(verb.sent.start, verb.i - 4):verb.i] if t.pos_ in ("NOUN", "PROPN")][-1:]
    return any(lemma_of(h) in lx.SPORTING_EVENTS for h in hosted)


def speaks_no_talks(verb: Token) -> bool:
    """"speaks volumes", "speak English", "talked tough": "speak" and "talk" with an object or a
    complement of manner are no talks with anyone."""
    return lemma_of(verb) in ("speak", "talk") and any(c.dep_ in ("dobj", "acomp", "oprd") for c in verb.children)


def receives_a_thing(verb: Token) -> bool:
    """"welcome China's decision", "received aid": what is welcomed or received is a thing, an
    act or a word, not a visitor (a person, a delegation, a state or a name)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(
        o.pos_ == "NOUN" and not o.ent_type_ and lemma_of(o) not in lx.PERSON_NOUNS | lx.AGENT_HOLDERS
        and lemma_of(o) not in lx.VISITOR_NOUNS for o in objects)


# -- vetoes of a trigger's claims (the word still counts as a trigger of its sentence) --


def aid_under_attack(token: Token) -> bool:
    """The aid is what an attack hits: the object of "targeted relief facilities", "looted aid
    warehouses", or of "an attack on an aid convoy". No aid is given."""
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


def civil_war(token: Token) -> bool:
    """"Sudan's civil war", "an internal conflict": fought within one state, by no state on another."""
    return any(c.dep_ == "amod" and c.lower_ in ("civil", "internal", "domestic") for c in token.children)


# -- conditions: when a row applies -------------------------------------------------------


def military_aid(token: Token) -> bool:
    """Aid with a military modifier ("military aid", "security assistance"): military
    cooperation, running from supplier to recipient like an arms sale."""
    return bool(set(modifier_lemmas(token)) & lx.MILITARY_MODIFIERS)


def economic_war(token: Token) -> bool:
    """"a trade war", "a tariff war", "a chip war": a dispute, not armed conflict."""
    return bool(set(modifier_lemmas(token)) & lx.ECONOMIC_WAR_MODIFIERS)


def names_energy(token: Token) -> bool:
    """The noun's phrase names energy goods ("an oil supplier", "supplier of gas")."""
    return any(lemma_of(t) in lx.ENERGY_NOUNS or t.lower_ in lx.ENERGY_NOUNS for t in token.subtree)


def names_arms(token: Token) -> bool:
    """The noun's phrase names arms ("an arms supplier", "supplier of drones")."""
    return any(lemma_of(t) in lx.ARMS_NOUNS for t in token.subtree)


def energy_modifier(token: Token) -> bool:
    """A supply noun with an energy modifier ("Russian oil supplies", "gas deliveries")."""
    return any(lemma_of(c) in lx.ENERGY_NOUNS for c in token.children if c.dep_ in ("compound", "amod", "nmod"))


def energy_needed(token: Token) -> bool:
    """An energy noun as what a party needs or consumes ("its gas needs", "oil demand")."""
    return token.head.lemma_.lower() in ("need", "requirement", "demand", "consumption")


def object_names_energy(verb: Token) -> bool:
    """The verb's object names energy goods ("supplies gas", "buys oil from")."""
    return object_has(verb, lx.ENERGY_NOUNS)


def object_names_arms(verb: Token) -> bool:
    """The verb's object names arms ("sells jets to", "bought drones from")."""
    return object_has(verb, lx.ARMS_NOUNS)


def _objects(verb: Token) -> list[Token]:
    """What a verb acts on: its object, or its passive subject ("a drone was shot down")."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def shoots_down(verb: Token) -> bool:
    """"shot down a Turkish drone", "downed a Russian jet", "the plane was shot down by X":
    an aircraft or a weapon in flight brought down (not "shot down the proposal")."""
    if lemma_of(verb) == "shoot" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return False
    return any(lemma_of(t) in lx.AIRCRAFT_WORDS for o in _objects(verb) for t in o.subtree)


def downs_a_weapon(verb: Token) -> bool:
    """"shot down 323 Ukrainian drones", "downed a Russian drone that had entered its airspace":
    what is brought down is an uncrewed weapon, so its owner is the one attacking and the one
    who downs it defends (not "shot down a U.S. fighter jet")."""
    downed = [t for o in _objects(verb) for t in o.subtree]
    return any(lemma_of(t) in lx.UNCREWED_WEAPONS for t in downed) and not any(
        lemma_of(t) in lx.AIRCRAFT_WORDS - lx.UNCREWED_WEAPONS for t in downed)


def opens_fire(noun: Token) -> bool:
    """"opened fire on the Lebanese army", "open fire at a patrol": fire as an attack."""
    return noun.dep_ == "dobj" and lemma_of(noun.head) == "open"


def captures_territory(verb: Token) -> bool:
    """"captured the village of X", "retook the city": a place taken by force (not "seized a
    tanker", "captured a fighter")."""
    return any(lemma_of(o) in lx.TERRITORY_WORDS for o in _objects(verb))


def backs_armed_group(token: Token) -> bool:
    """"its support for rebels in the Congo", "supporting, training and fighting alongside the
    March 23 Movement, an armed group": backing armed men in another country is taking part in
    its conflict (not "support for refugees", "backed the proposal")."""
    if token.pos_ == "VERB":
        backed = _objects(token)
    else:
        backed = [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "of")
                  for p in c.children if p.dep_ == "pobj"]
    return any(_armed_group(t) for b in backed for t in (b, *(c for c in b.children if c.dep_ == "appos")))


def _armed_group(noun: Token) -> bool:
    """"rebels", "militias", "an armed group"."""
    return lemma_of(noun) in lx.ARMED_GROUP_NOUNS or lemma_of(noun) == "group" and any(
        c.lower_ == "armed" for c in noun.children)


def cuts_ties(verb: Token) -> bool:
    """"severed diplomatic relations with X", "cut ties with X", "broke off relations"."""
    return any(lemma_of(o) in ("relation", "relations", "tie", "ties") for o in _objects(verb))


def calls_names(verb: Token) -> bool:
    """"calling the three nations a 'troika of tyranny'", "branded Taiwan a threat", "views X as an
    adversary": a verb of naming whose object is named with a word of enmity (the word itself,
    a modifier of it or what it is "of")."""
    if lemma_of(verb) not in lx.NAMING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    names = [c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp")] + objects[1:]
    names += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
              for p in c.children if p.dep_ == "pobj"]
    return any(lemma_of(w) in lx.PEJORATIVE_WORDS for name in names for w in (
        name, *(c for c in name.children if c.dep_ in ("amod", "compound")),
        *(p for c in name.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)))


def recalls_an_envoy(verb: Token) -> bool:
    """"recalled its ambassador from X": an envoy called home in protest."""
    return any(lemma_of(o) in lx.ENVOY_NOUNS for o in _objects(verb))


def shares_intelligence(token: Token) -> bool:
    """"share intelligence with X", "intelligence sharing with X": military cooperation."""
    if token.pos_ == "VERB":
        return any(lemma_of(o) == "intelligence" for o in _objects(token))
    return "intelligence" in modifier_lemmas(token) or token.dep_ == "compound" and lemma_of(token.head) == "intelligence"


def present_on_a_visit(verb: Token) -> bool:
    """"you are here in Russia", "a pleasure to be back in Nairobi", "I am glad to be here in
    Hanoi": someone present in a country on a visit ("here", "back"), said by or to them."""
    here = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in ("here", "back")]
    return lemma_of(verb) == "be" and bool(here) and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.ent_type_ == "GPE" for g in c.subtree)
        for h in [verb, *here] for c in h.children)


def funds_aid(verb: Token) -> bool:
    """A sum of money given to help ("provided $20 million to help refugees"): the verb's object
    is money and a purpose clause says it is to help, support or rebuild."""
    money = any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children)
    purpose = any(c.dep_ in ("advcl", "xcomp") and lemma_of(c) in lx.AID_PURPOSE_VERBS
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)
    return money and purpose


def _onto_a_blacklist(verb: Token, preps: tuple[str, ...]) -> bool:
    """Whether one of `preps` on the verb names a blacklist ("to the entity list", "from the
    state sponsors of terrorism list")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        words = {lemma_of(t) for t in prep.subtree}  # "the state sponsors of terrorism list"
        if words & lx.LIST_NOUNS and ("blacklist" in words or words & lx.BLACKLIST_WORDS):
            return True
    return False


def adds_to_a_blacklist(verb: Token) -> bool:
    """"added X entities to its entity list", "placed X on the blacklist"."""
    return _onto_a_blacklist(verb, ("to", "on", "onto"))


def removes_from_a_blacklist(verb: Token) -> bool:
    """"removed X from the terrorism list", "took X off the list"."""
    return _onto_a_blacklist(verb, ("from", "off"))


# -- how a row reads its direction ---------------------------------------------------------


def owned_supply(token: Token) -> bool:
    """"the country's fuel supply", with no "to": what its owner consumes, so the owner is the
    receiver ("halted its oil supplies to X": the "to" may hang from the verb)."""
    around = list(token.children) + (list(token.head.children) if token.dep_ == "dobj" else [])
    return lemma_of(token) in ("supply", "supplies") and any(c.dep_ == "poss" for c in token.children) \
        and not any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for c in around)
