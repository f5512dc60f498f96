"""The trigger table: every word that signals a relation, one row per group of words.

A row reads: the words (lemmas), their part of speech, the relation, the kind (how their
possessor or subject is read: triggers.Kind), and, where needed, the direction
(`reverse`: the object acts on the subject), the conditions for the row to apply
(`when`), the modifiers a word needs (`requires`) or must not have (`excludes`), and
named vetoes (`unless`, from vetoes.py). The rows of one lemma are tried in the order
they are written; the first whose conditions hold decides (triggers.TriggerTable).

To add a trigger, add a row (or a word to a row); to stop a word being one in some
sentences, add a named veto to vetoes.py, test it, and list it in the row's `unless`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..relations import Relation as R
from . import lexicon as lx
from . import vetoes as v
from .syntax import lemma_of
from .triggers import NOUN, VERB, Kind, Trigger, TriggerTable, modifier_row, row

# Head nouns whose relation comes from their modifiers ("strategic partner", "trade ties",
# "military cooperation"); relational: the possessor is the other party.
MODIFIED_HEADS = "partner partnership relationship relation cooperation tie ties market destination collaboration"

MODIFIER_TRIGGERS = (
    # "strategic partnership", "strategic ties" (not "strategic cooperation" on one field)
    modifier_row("strategic", "partner partnership relationship relation tie ties", R.STRATEGIC_PARTNER),
    modifier_row("special", "relationship", R.STRATEGIC_PARTNER),  # "special relationship"
    modifier_row("comprehensive", "partnership partner", R.STRATEGIC_PARTNER),
    modifier_row("trade trading commercial economic export import", MODIFIED_HEADS, R.TRADE_PARTNER),
    modifier_row("investment", "partner partnership destination", R.INVESTOR),
    modifier_row("military defense defence security military-technical",
                 "cooperation tie ties partnership partner relation collaboration", R.MILITARY_COOPERATION),
)

TRIGGERS = (
    # -- relational nouns: the possessor is the other party ("Tajikistan's main partner")
    row(MODIFIED_HEADS, NOUN, None, Kind.RELATIONAL),
    row("ally", NOUN, R.ALLY, Kind.RELATIONAL, excludes=lx.PARTY_POLITICS),  # not "his political allies"
    row("investor", NOUN, R.INVESTOR, Kind.RELATIONAL),
    row("donor", NOUN, R.AID_DONOR, Kind.RELATIONAL),
    row("supplier exporter", NOUN, R.ENERGY_SUPPLIER, Kind.RELATIONAL, when=(v.names_energy,)),
    row("supplier exporter", NOUN, R.MILITARY_COOPERATION, Kind.RELATIONAL, when=(v.names_arms,)),
    # -- action nouns: the possessor is the agent ("Russia's investments in X")
    row("trade turnover commerce", NOUN, R.TRADE_PARTNER, Kind.ACTION, excludes=lx.ILLICIT_TRADE,
        unless=(v.modifies_no_flow, v.trade_blocked)),
    row("export", NOUN, R.TRADE_PARTNER, Kind.ACTION, excludes=lx.ILLICIT_TRADE,
        unless=(v.modifies_no_flow, v.energy_traded, v.trade_blocked)),
    row("import", NOUN, R.TRADE_PARTNER, Kind.ACTION, reverse=True, excludes=lx.ILLICIT_TRADE,
        unless=(v.modifies_no_flow, v.energy_traded, v.trade_blocked)),
    row("investment", NOUN, R.INVESTOR, Kind.ACTION, unless=(v.modifies_no_flow,)),
    row("alliance", NOUN, R.ALLY, Kind.ACTION),
    row("aid assistance grant donation relief funding loan", NOUN, R.MILITARY_COOPERATION, Kind.ARMS,
        when=(v.military_aid,)),
    row("aid assistance donation", NOUN, R.AID_DONOR, Kind.ACTION, excludes=lx.OPERATIONAL_MODIFIERS),
    row("grant relief funding", NOUN, R.AID_DONOR, Kind.ACTION, excludes=lx.OPERATIONAL_MODIFIERS,
        unless=(v.proper_noun,)),
    row("loan", NOUN, R.AID_DONOR, Kind.ACTION, requires=lx.CONCESSIONAL_WORDS, excludes=lx.OPERATIONAL_MODIFIERS),
    row("agreement treaty memorandum mou accord pact deal roadmap charter convention signing signature", NOUN,
        R.AGREEMENT, Kind.ACTION),
    row("declaration statement", NOUN, R.AGREEMENT, Kind.ACTION, requires={"joint"}),
    row("exercise drill", NOUN, R.MILITARY_COOPERATION, Kind.ACTION, requires=lx.DRILL_MODIFIERS),
    row("meeting talk talks summit visit conversation trip negotiation consultation", NOUN, R.MEETING, Kind.ACTION),
    row("call", NOUN, R.MEETING, Kind.ACTION, requires=lx.CALL_MODIFIERS),  # a phone or video call
    row("phone", NOUN, R.MEETING, Kind.ACTION, unless=(v.not_a_phone_call,)),
    row("sanction sanctions embargo blacklist blockade", NOUN, R.SANCTION, Kind.ACTION,
        unless=(v.bars_own_people,)),
    row("ban restriction", NOUN, R.SANCTION, Kind.ACTION, unless=(v.bars_own_people, v.health_measure)),
    row("pressure", NOUN, R.SANCTION, Kind.ACTION, requires={"maximum"},  # "maximum pressure"
        unless=(v.bars_own_people,)),
    row("tariff duty levy", NOUN, R.TARIFF, Kind.ACTION),
    row("condemnation criticism tension dispute row spat", NOUN, R.DISPUTE, Kind.ACTION),
    row(lx.CONDUCT_NOUNS, NOUN, R.DISPUTE, Kind.ACTION, requires=lx.FAULT_ADJECTIVES),  # "its unfair practices"
    row("protest", NOUN, R.DISPUTE, Kind.ACTION, unless=(v.protest_lodged_with_no_one,)),
    row("support backing", NOUN, R.CONFLICT, Kind.ACTION, when=(v.backs_armed_group,)),  # "its support for rebels"
    row("war", NOUN, R.DISPUTE, Kind.ACTION, when=(v.economic_war,), excludes=lx.NATURAL_EVENTS,
        unless=(v.proper_noun, v.compound_modifier)),
    row("war strike", NOUN, R.CONFLICT, Kind.ACTION, excludes=lx.NATURAL_EVENTS,
        unless=(v.proper_noun, v.compound_modifier)),
    row("attack airstrike invasion occupation clash offensive bombardment shelling hack cyberattack", NOUN,
        R.CONFLICT, Kind.ACTION, excludes=lx.NATURAL_EVENTS, unless=(v.compound_modifier,)),
    row("operation", NOUN, R.CONFLICT, Kind.ACTION, requires={"military", "ground", "air", "naval"},
        excludes=lx.NATURAL_EVENTS | {"joint"}, unless=(v.compound_modifier,)),  # "Turkey's military operation in Syria"
    row("incursion", NOUN, R.CONFLICT, Kind.ACTION, excludes=lx.NATURAL_EVENTS,
        unless=(v.compound_modifier, v.into_airspace)),
    row("fire", NOUN, R.CONFLICT, Kind.ACTION, when=(v.opens_fire,)),  # "opened fire on the Lebanese army"
    row("fire", NOUN, R.CONFLICT, Kind.ACTION, requires=lx.FIRE_MODIFIERS, excludes=lx.NATURAL_EVENTS,
        unless=(v.compound_modifier,)),  # "artillery fire", "cross fire"
    # -- energy: "Russian oil supplies" (the supplier as modifier), "X's gas needs"
    row(lx.SUPPLY_NOUNS, NOUN, R.ENERGY_SUPPLIER, Kind.ACTION, when=(v.energy_modifier,), reverse=v.owned_supply),
    row(lx.ENERGY_NOUNS, NOUN, R.ENERGY_SUPPLIER, Kind.ENERGY, when=(v.energy_needed,)),
    # -- verbs: the subject acts on the object, the object on the subject where `reverse`
    row(lx.SUPPLY_VERBS - lx.IMPORT_WORDS, VERB, R.ENERGY_SUPPLIER, Kind.ENERGY, when=(v.object_names_energy,)),
    row(lx.SUPPLY_VERBS & lx.IMPORT_WORDS, VERB, R.ENERGY_SUPPLIER, Kind.ENERGY, when=(v.object_names_energy,),
        reverse=True),  # "X buys gas from Y": Y supplies it
    row(lx.SUPPLY_VERBS - lx.IMPORT_WORDS, VERB, R.MILITARY_COOPERATION, Kind.ARMS, when=(v.object_names_arms,)),
    row(lx.SUPPLY_VERBS & lx.IMPORT_WORDS, VERB, R.MILITARY_COOPERATION, Kind.ARMS, when=(v.object_names_arms,),
        reverse=True),  # "X bought jets from Y": Y sold them
    row(lx.FUNDING_VERBS | lx.FUNDING_RECEIVE_VERBS, VERB, R.AID_DONOR, Kind.FUNDING, when=(v.funds_aid,)),
    row(lx.LISTING_VERBS, VERB, R.SANCTION, Kind.LISTING, when=(v.adds_to_a_blacklist,)),
    row(lx.DELISTING_VERBS, VERB, R.SANCTION, Kind.DELISTING, when=(v.removes_from_a_blacklist,)),
    row("trade export", VERB, R.TRADE_PARTNER, Kind.VERB, unless=(v.trades_blows,)),
    row("import", VERB, R.TRADE_PARTNER, Kind.VERB, reverse=True, unless=(v.trades_blows,)),
    row("invest", VERB, R.INVESTOR, Kind.VERB),
    row("donate", VERB, R.AID_DONOR, Kind.VERB),
    row("sign ink ratify", VERB, R.AGREEMENT, Kind.VERB),
    row("conclude", VERB, R.AGREEMENT, Kind.VERB, unless=(v.concludes_talks,)),
    row("meet visit travel fly speak talk contact phone telephone", VERB, R.MEETING, Kind.VERB,
        unless=(v.speaks_no_talks,)),
    # the subject of these is the host, the object the visitor (visitor -> host)
    row("be", VERB, R.MEETING, Kind.VERB, when=(v.present_on_a_visit,)),  # "you are here in Russia": a visit
    row("receive welcome", VERB, R.MEETING, Kind.VERB, reverse=True, unless=(v.receives_a_thing,)),
    row("host", VERB, R.MEETING, Kind.VERB, reverse=True, unless=(v.hosts_an_event,)),
    row("sanction embargo blacklist", VERB, R.SANCTION, Kind.VERB, unless=(v.bars_own_people,)),
    row("ban", VERB, R.SANCTION, Kind.VERB, unless=(v.bars_own_people, v.health_measure)),
    row("protest condemn criticize criticise denounce summon expel warn threaten accuse blame rebuke", VERB,
        R.DISPUTE, Kind.VERB),
    row("attack invade bomb shell occupy strike hack", VERB, R.CONFLICT, Kind.VERB,
        unless=(v.struck_by_no_attacker,)),
    # "shot down a Turkish jet"; "shot down Ukrainian drones": the drones' owner attacks
    row("shoot down", VERB, R.CONFLICT, Kind.VERB, when=(v.shoots_down,), reverse=v.downs_a_weapon),
    row("capture seize retake recapture", VERB, R.CONFLICT, Kind.VERB, when=(v.captures_territory,)),
    row("support back arm fund", VERB, R.CONFLICT, Kind.VERB, when=(v.backs_armed_group,)),  # "backs rebels in X"
    row("sever cut break", VERB, R.DISPUTE, Kind.VERB, when=(v.cuts_ties,)),  # "severed relations with X"
    row("recall", VERB, R.DISPUTE, Kind.VERB, when=(v.recalls_an_envoy,)),  # "recalled its ambassador from X"
    row(lx.NAMING_VERBS, VERB, R.DISPUTE, Kind.VERB, when=(v.calls_names,)),  # "branded Taiwan a threat"
    row("share", VERB, R.MILITARY_COOPERATION, Kind.VERB, when=(v.shares_intelligence,)),
    row("sharing", NOUN, R.MILITARY_COOPERATION, Kind.ACTION, when=(v.shares_intelligence,)),
)


def another_act_called_an_attack(noun: Token) -> bool:
    """A noun a copula says another relation's act is: "the tariff is a direct attack on
    Canada", "sanctions are an act of war". A tariff, called an attack, is no attack."""
    if noun.dep_ != "attr" or lemma_of(noun.head) != "be":
        return False
    subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and TABLE.action_noun_relation(lemma_of(subject)) not in (None, R.CONFLICT)


TABLE = TriggerTable(
    TRIGGERS, MODIFIER_TRIGGERS,
    word_vetoes=(v.part_of_a_name, v.participle_of_a_noun),
    claim_vetoes={
        R.AID_DONOR: (v.aid_under_attack,),
        R.CONFLICT: (v.civil_war, another_act_called_an_attack),
    },
)


def find_triggers(sent: Span) -> list[Trigger]:
    """Every trigger in a sentence, with the relation it signals (the table's reading)."""
    return TABLE.find(sent)
