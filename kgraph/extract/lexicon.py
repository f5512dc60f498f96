"""The word sets the extraction rules read, kept as data (lemmas and words in lower case).

The trigger words themselves are rows of the trigger table (trigger_table.py); the sets
here are what the rows, the vetoes and the role and pair rules refer to: goods, verbs
of supply, of stance or of accusation, modifiers a trigger needs, prepositions, ...
"""

from __future__ import annotations

# Verbs whose subject receives what the trigger names: "Sudan received aid from Egypt".
RECEIVE_VERBS = frozenset({"receive", "attract", "get", "obtain", "accept", "secure", "win"})
# Verbs whose subject undergoes what their object names: "Cuba faces sanctions",
# "to avoid U.S. sanctions", "X intercepts a missile in an attack". The subject is the target,
# not the one who imposes or attacks.
TARGET_VERBS = frozenset({"face", "suffer", "avoid", "evade", "circumvent", "escape", "endure", "fear", "risk",
                          "withstand", "weather", "survive", "intercept", "repel", "repulse", "thwart", "foil"})
# Verbs of mutual action: with two coordinated subjects they hold both ways
# ("X and Y exchanged fire": each attacked the other).
MUTUAL_VERBS = frozenset({"exchange", "trade"})
# Nouns for supplies: with an energy modifier ("Russian oil supplies") they name the supply itself.
SUPPLY_NOUNS = frozenset({"supply", "supplies", "export", "exports", "shipment", "delivery", "sale", "import"})
# Imports run from the seller to the buyer: "X imports from Y" gives Y -> X; so does what
# X receives ("X received shipments of fuel from Y").
IMPORT_WORDS = frozenset({"import", "buy", "purchase", "receive"})

# Energy goods: with a supply verb or a "needs/requirements" noun they give energy_supplier.
ENERGY_NOUNS = frozenset({"oil", "gas", "lng", "petroleum", "crude", "electricity", "fuel", "diesel", "gasoline",
                          "coal", "uranium", "energy", "power"})
SUPPLY_VERBS = frozenset({"supply", "export", "sell", "deliver", "provide", "satisfy", "meet", "cover", "ship", "transport",
                          "send", "import", "buy", "purchase", "receive"})
# Arms: with a supply verb they give military_cooperation (supplier -> buyer).
ARMS_NOUNS = frozenset({"arm", "arms", "weapon", "missile", "tank", "jet", "aircraft", "drone", "ammunition",
                        "munition", "howitzer"})

# A trade or investment noun modifying another noun is a claim only when that noun
# measures the flow ("trade turnover", "investment volume"); "trade agreement",
# "trade minister" and "investment fund" are about something else.
FLOW_HEADS = frozenset({"volume", "turnover", "flow", "exchange", "figure", "surplus", "deficit", "balance",
                        "growth", "value"})
# Words under which trade is the object of a change or a plan, not a stated flow.
TRADE_BLOCKERS = frozenset({"ban", "embargo", "tariff", "rate", "duty", "sanction", "restriction", "exemption", "prohibition",
                            "eliminate", "remove", "suspend", "halt", "resume", "permit", "allow", "block", "stop",
                            "deal", "agreement", "treaty", "memorandum", "talk", "negotiation", "outline"})
# Words that stop a flow or a tie ("halts gas supplies", "a freeze on aid", "the suspension of
# supplies") or end it ("the end of fuel supplies"), and words that lift a sanction or a tariff:
# a claim under one of them gets that status.
HALT_WORDS = frozenset({"halt", "suspend", "suspension", "stop", "stoppage", "freeze", "pause", "cut", "cutoff",
                        "cease", "interrupt", "interruption", "block"})
END_WORDS = frozenset({"end", "terminate", "termination", "discontinue", "cancel", "cancellation", "abandon",
                       "withdraw", "withdrawal", "exit", "quit"})
# Events a country hosts that are no meeting of states ("hosted the World Cup").
SPORTING_EVENTS = frozenset({"cup", "olympics", "games", "tournament", "championship", "championships", "match",
                             "festival", "contest", "expo", "race", "marathon", "final", "finals"})
# Talks, as the object of a verb that would otherwise make a deal ("concluded talks").
TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "consultation", "consultations", "visit",
                        "meeting", "summit", "discussion", "discussions"})
# Nouns of an event that several parties attend: "the EU-China Summit" names an event, not a
# body; its participants may be named in the sentences after it (events.py).
EVENT_NOUNS = frozenset({"summit", "meeting", "talk", "talks", "conference", "negotiation", "consultation"})
# Words that call an event off before it takes place: "cancelled the visit".
CANCEL_WORDS = frozenset({"cancel", "cancellation", "scrap", "abandon"})
# Words that put an event off: "postponed the summit" (it may still take place).
POSTPONE_WORDS = frozenset({"postpone", "postponement", "delay", "reschedule", "defer"})
LIFT_WORDS = frozenset({"lift", "lifting", "remove", "removal", "ease", "easing", "scrap", "drop", "rescind",
                        "revoke", "revocation", "repeal", "waive", "end", "terminate", "suspend", "suspension",
                        "cancel", "cancellation"})
# Nouns that exempt from what modifies them ("a sanctions waiver"): lifting one restores it.
EXEMPTIONS = frozenset({"waiver", "exemption", "exception", "relief", "license", "licence", "carve-out"})
# Nouns that say what a party belongs to ("Romania, a NATO member country"): the body named
# in such an apposition describes the party and is not a party itself.
MEMBERSHIP_NOUNS = frozenset({"member", "state", "country", "nation", "signatory", "founder", "part"})
# Acts done to a party, whose object is never a partner of the doer ("seizes a Z-flagged ship").
HOSTILE_ACTS = frozenset({"seize", "intercept", "board", "capture", "detain", "arrest", "sink", "raid", "attack",
                          "strike", "shoot", "target", "bomb", "expel"})
# Who an attack may be aimed at without being a state: a strike on such a target in a
# country ("drone strikes on militants in X") is fought in X, not against X.
ARMED_GROUP_NOUNS = frozenset({"militant", "insurgent", "fighter", "jihadist", "militia", "terrorist", "rebel",
                               "guerrilla", "extremist", "separatist", "smuggler", "cartel", "gang", "commander",
                               "operative"})
# What of an armed group an attack may strike: "Hezbollah positions", "Islamic State camps"
# (a group's name before it); without one ("a training camp in X") it is the country's.
GROUP_POSITION_NOUNS = frozenset({"position", "target", "site", "camp", "hideout", "stronghold", "depot", "force",
                                  "cell", "fighter", "unit"})
# Prepositions that place an act somewhere: "strikes in X", "raids across X", "off the coast of X".
LOCATIVE_PREPS = frozenset({"in", "inside", "across", "near", "within", "throughout", "off", "along"})
# Titles of a person posted abroad: "the envoy to X" names where, not a party.
ENVOY_NOUNS = frozenset({"envoy", "ambassador", "emissary", "representative", "consul", "delegate", "attache",
                         "attaché", "commissioner", "chargé", "charge"})
# What an attack is done with or named by: aid it hits ("targeted relief facilities",
# "strikes on aid convoys") is not aid given. ("struck a deal" is no attack: no "strike" verb.)
ATTACK_VERBS = frozenset({"attack", "target", "bomb", "shell", "hit", "raid", "loot", "destroy", "damage", "seize",
                          "block", "blockade", "ambush", "storm"})
ATTACK_NOUNS = frozenset({"attack", "strike", "airstrike", "raid", "bombing", "assault", "shelling", "ambush"})
# Military exercises, which are held somewhere: the place is a venue.
DRILL_NOUNS = frozenset({"drill", "exercise", "maneuver", "manoeuvre", "wargame", "patrol"})
# Prepositions that name what a measure is on ("sanctions on", "a blockade of").
TARGET_PREPS = frozenset({"on", "against", "of", "for", "upon", "around"})
# Words that stand for a state in a text about it ("a blockade of the island").
STATE_WORDS = frozenset({"island", "country", "nation", "state", "kingdom", "republic", "government", "regime",
                         "territory", "it", "them"})
# Nouns of a reply to an earlier act ("in response to", "in retaliation for"): what the
# phrase names happened before, between its own parties.
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reprisal", "revenge"})
# Verbs of an event taking place: their tense is the event's ("talks will begin").
OCCURRENCE_VERBS = frozenset({"begin", "start", "commence", "open", "resume", "occur", "happen", "proceed"})
# Outbreaks that make a travel or entry ban a health measure, not a sanction.
OUTBREAK_WORDS = frozenset({"ebola", "outbreak", "epidemic", "pandemic", "covid", "covid-19", "cholera", "mpox",
                            "monkeypox", "quarantine", "virus", "coronavirus", "plague", "marburg"})
# People a state bars from going abroad ("a travel ban on its citizens to X"): an advisory to
# its own, not a measure against X.
OWN_PEOPLE_NOUNS = frozenset({"citizen", "national", "resident", "people", "traveller", "traveler", "tourist",
                              "student", "pilgrim", "official", "diplomat"})
# Verbs of charging someone with an act ("accused Y of attacks", "holds Y responsible for"),
# or of arresting or punishing them for it ("arrested Y on suspicion of attacking"): the one
# charged is its doer, not the accuser.
ACCUSE_VERBS = frozenset({"accuse", "blame", "charge", "fault", "hold", "indict", "arrest", "detain", "convict",
                          "sentence", "prosecute", "jail", "imprison"})
# Verbs that tie their object to an act ("an inquiry links X to the attacks"): X is its doer.
LINK_VERBS = frozenset({"link", "tie", "connect"})
# Verbs whose agent brings two others together ("talks mediated by X"): a go-between, not a party.
GO_BETWEEN_VERBS = frozenset({"mediate", "broker", "facilitate", "arbitrate", "moderate", "sponsor"})
# The same go-betweens as people ("mediators in Qatar and Egypt").
MEDIATOR_NOUNS = frozenset({"mediator", "broker", "facilitator", "intermediary", "arbiter"})
# Modifiers of "trade" that make it a crime rather than commerce between states ("the drug trade").
ILLICIT_TRADE = frozenset({"drug", "narcotic", "narcotics", "cocaine", "heroin", "opium", "slave", "illegal",
                           "illicit", "wildlife", "ivory", "organ", "black-market"})
# Objects of the verb "trade" that are exchanged blows, not goods ("trades fire with").
NOT_TRADED = frozenset({"fire", "shot", "blow", "barb", "accusation", "insult", "jab", "punch", "gunfire",
                        "place", "prisoner"})
# Nouns for people who meet on a country's behalf ("welcomed leaders from five countries").
PERSON_NOUNS = frozenset({"leader", "delegation", "official", "president", "minister", "counterpart", "head",
                          "representative", "envoy", "ambassador", "diplomat", "king", "premier", "chancellor",
                          "friend", "colleague", "guest", "visitor", "host"})
# People a host receives besides those of PERSON_NOUNS ("welcomed the visitors", "received the team").
VISITOR_NOUNS = frozenset({"visitor", "team", "people", "participant", "member", "dignitary", "counterpart",
                           "guest", "crew", "troop", "soldier", "citizen", "refugee"})
# Verbs whose object is talked about, not done: "discussed diversifying trade".
DISCUSSION_VERBS = frozenset({"discuss", "explore", "review", "examine", "debate", "study",
                              "negotiate", "propose", "seek", "mull", "weigh"})

# Designations: "added X entities to its entity list" is a sanction on X's country;
# "removed X from the terrorism list" lifts one. Verbs, and the words that make a list a
# blacklist (on the list noun or its modifiers).
LISTING_VERBS = frozenset({"add", "place", "put", "include", "designate", "list"})
DELISTING_VERBS = frozenset({"remove", "delist", "drop", "take", "strike", "lift"})
LIST_NOUNS = frozenset({"list", "blacklist", "register", "registry"})
BLACKLIST_WORDS = frozenset({"entity", "entities", "sanction", "sanctions", "terrorism", "terror", "terrorist",
                             "unreliable", "blacklist", "watch", "export", "control", "sdn", "restricted",
                             "denied", "sponsor", "sponsors", "black", "grey", "gray", "sanctioned", "military"})

# Money given for a humanitarian or recovery purpose is aid: "provided $20 million to help
# refugees in Chad", "allocate €5 billion to support economies in Egypt and Iraq".
FUNDING_VERBS = frozenset({"provide", "allocate", "give", "grant", "disburse", "pledge", "earmark", "contribute",
                           "commit", "send", "offer", "release", "channel", "extend"})
# The receiving side of the same: "Moldova will receive €250 million to help its citizens".
FUNDING_RECEIVE_VERBS = frozenset({"receive", "get", "obtain", "secure"})
AID_PURPOSE_VERBS = frozenset({"support", "help", "assist", "aid", "relieve", "alleviate", "rebuild",
                               "reconstruct", "feed", "shelter", "respond", "cope", "recover"})

# Verbs whose object does what their complement says ("bans its citizens from travelling",
# "urged companies to invest"): the subject does not.
CONTROL_VERBS = frozenset({"ban", "bar", "prohibit", "forbid", "prevent", "stop", "block", "allow", "permit",
                           "urge", "ask", "order", "instruct", "tell", "encourage", "advise", "warn", "invite",
                           "force", "require", "authorize", "authorise", "restrict", "discourage"})
# Words of travel: their objects are destinations, which do not meet one another.
TRAVEL_WORDS = frozenset({"travel", "visit", "fly", "trip", "tour"})
# Conflicts both sides wage: "X and Y clashed / fought a war / exchanged fire". Strikes and
# attacks by two subjects are joint, not against each other.
MUTUAL_CONFLICTS = frozenset({"clash", "war", "fighting", "fight", "hostility", "hostilities", "skirmish", "battle",
                              "conflict", "fire", "shelling"})
# People and firms a sanction or duty may target directly: a country further down ("buyers
# of Russian oil") is not the target.
HOLDER_NOUNS = frozenset({"buyer", "importer", "purchaser", "customer", "consumer", "company", "firm", "entity",
                          "individual", "person", "official", "bank", "vessel", "ship", "tanker", "operator",
                          "supplier", "trader", "shipper", "insurer", "user"})
# ISO 3166 territories without a government or people of their own: never a party.
UNGOVERNED = frozenset({"ATA", "BVT", "HMD", "SGS", "ATF", "UMI", "IOT"})
# Natural events: "an earthquake strikes X" is no attack.
# What strikes by accident: the remains of an intercepted weapon, or one off its course
# ("missile fragments hit a house", "a stray drone strikes a power station"): no attack on where.
ACCIDENTAL_HITTERS = frozenset({"fragment", "debris", "shrapnel", "wreckage"})
ACCIDENTAL_WORDS = frozenset({"stray", "errant", "falling"})
NATURAL_EVENTS = frozenset({"earthquake", "quake", "storm", "cyclone", "typhoon", "hurricane", "flood", "tornado",
                            "tsunami", "lightning", "wildfire", "drought", "heatwave", "outbreak", "epidemic",
                            "pandemic", "landslide", "avalanche", "eruption", "tremor", "aftershock", "blizzard"})
# Disasters whose place is the recipient of the aid that answers them (roles._struck_by_disaster).
DISASTER_NOUNS = NATURAL_EVENTS | {"disaster", "famine", "catastrophe"}

# Verbs of breaking a measure: who violates an embargo neither imposed it nor is its target
# (who evades or faces one is its target: TARGET_VERBS).
VIOLATION_VERBS = frozenset({"violate", "breach", "flout", "defy", "break", "bust", "contravene"})
# Verbs that judge another's act: in "X condemned the strikes on Y" or "X welcomed the deal
# between Y and Z", X neither struck nor signed.
STANCE_VERBS = frozenset({"condemn", "criticize", "criticise", "denounce", "decry", "deplore", "slam", "blast",
                          "rebuke", "protest", "welcome", "praise", "hail", "applaud", "commend", "laud", "endorse",
                          "support", "back", "oppose", "reject", "dismiss", "question", "regret", "lament",
                          "mourn", "note", "salute", "congratulate", "celebrate"})

# Verbs that ask for something not yet done: "calls for an arms embargo", "urged sanctions".
PROPOSAL_VERBS = frozenset({"urge", "demand", "propose", "advocate", "recommend", "request", "suggest",
                            "threaten", "push", "press", "lobby", "petition", "outline", "draft", "float", "mull"})

# Words that turn a single party's statement into one about the article's pair.
BILATERAL_WORDS = frozenset({"bilateral", "mutual", "two-way"})
PAIR_PHRASES = (("two", "countries"), ("two", "nations"), ("two", "sides"), ("both", "countries"),
                ("both", "nations"), ("both", "sides"), ("two", "states"), ("our", "countries"),
                ("our", "nations"), ("two", "governments"), ("our", "two", "countries"))

# Rank words: lemma -> rank.
RANK_WORDS: dict[str, int] = {
    "main": 1, "primary": 1, "foremost": 1, "largest": 1, "biggest": 1, "leading": 1, "top": 1, "first": 1,
    "principal": 1, "chief": 1, "major": 0, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
# Words after which a named party ranks one place higher ("second, after China").
RANK_AHEAD_WORDS = frozenset({"following", "after", "behind"})

# Verbs that make an investment or aid with an amount a fact although it lies ahead:
# "promises to invest US$350 billion" (a pledge by a named investor, with an amount).
PLEDGE_VERBS = frozenset({"promise", "pledge", "commit", "announce", "agree", "allocate", "earmark"})

# Aid needs a humanitarian/development sense; "military aid/assistance" is military cooperation.
MILITARY_MODIFIERS = frozenset({"military", "defense", "defence", "security", "lethal", "arms", "arm", "weapon",
                                "naval", "intelligence"})
# Help in carrying out an operation ("logistical assistance to X to thwart the coup"): neither a
# gift of aid nor, by itself, a defence tie.
OPERATIONAL_MODIFIERS = frozenset({"logistical", "logistic"})

# A head of state or government who is the subject of a leaving verb, or the one a passive of
# a removal verb, a removal adjective or a removal noun is about, is leaving office that day
# ("X resigns", "X was ousted", "the removed X", "the dismissal of X"): no longer a leader.
# (REMOVED_WORDS: the adjectives, whose lemma the tagger leaves as the participle.)
LEAVING_VERBS = frozenset({"resign", "quit", "abdicate"})
# Verbs of a government's end, which ends its head's office ("X's administration collapsed").
FALLING_VERBS = frozenset({"collapse", "fall"})
REMOVAL_VERBS = frozenset({"oust", "remove", "depose", "dismiss", "topple", "overthrow", "succeed",
                           "replace", "sack", "fire", "unseat"})
REMOVED_WORDS = frozenset({"ousted", "removed", "deposed", "dismissed", "toppled", "overthrown", "sacked",
                           "unseated"})
REMOVAL_NOUNS = frozenset({"resignation", "dismissal", "removal", "ouster", "ousting", "overthrow",
                           "abdication", "sacking"})
# Nouns of an unnamed region ("attacks in the region"), where an act is placed in no one country.
REGION_NOUNS = frozenset({"region", "area", "neighbourhood", "neighborhood", "vicinity"})
# People who act for a state without leading it ("Rwandan officials", "Russian troops"): a
# demonym on them names the state as such, which "the country" may then mean.
STATE_AGENT_NOUNS = frozenset({"official", "officer", "diplomat", "soldier", "troop", "agent"})
# Verbs whose object loses office to the subject ("replacing X", "defeated X"): with
# REMOVAL_VERBS, a leader who is their object, as a fact, no longer holds office.
DEFEAT_VERBS = frozenset({"defeat", "beat", "unseat"})
# Words that, next to a name without a title, present the person in an office: the word
# before the name ("incumbent X", "Chinese leader X", "co-presidents X and Y"), its apposition
# ("X, the prime minister"), or the role they are named to ("appoints X as prime minister").
OFFICE_WORDS = frozenset({"president", "presidents", "co-president", "co-presidents", "prime", "minister",
                          "ministers", "premier", "chancellor", "king", "queen", "emir", "sultan", "leader",
                          "leaders", "incumbent", "counterpart", "counterparts", "head", "chairman", "taoiseach",
                          "ruler", "monarch", "pm"})
# Nouns of the power a person holds whose holder they name ("X's government", "the X
# administration", "the cabinet of X", "during the presidency of X", "X's envoy").
GOVERNANCE_NOUNS = frozenset({"government", "administration", "cabinet", "regime", "presidency", "premiership",
                              "envoy", "leadership", "junta"})
# Verbs of raising relations to a new level or founding a partnership ("agreed to upgrade ties
# to a strategic partnership", "decided to establish a comprehensive partnership").
ELEVATION_VERBS = frozenset({"elevate", "upgrade", "raise", "lift", "establish", "form", "launch"})
# Nouns of an act whose "of" phrase names what is done and whose possessor or "by" phrase names
# who does it: "Mexico's imposition of duties", "the announcement by X of new sanctions".
ACT_NOUNS = frozenset({"imposition", "reimposition", "introduction", "announcement", "adoption", "levying",
                       "application", "enforcement", "implementation", "extension", "provision", "delivery",
                       "approval", "signing", "conclusion", "decision", "expansion", "tightening", "move",
                       "pause", "halt", "suspension", "resumption", "escalation", "continuation"})
# What an agreement on a strategic partnership names ("the Treaty on Comprehensive Strategic
# Partnership", implications.py), and what an agreement on defence names ("a defence pact", "an
# agreement permitting U.S. military personnel to use the airport", "an arms deal").
PARTNERSHIP_WORDS = frozenset({"partnership", "partner", "alliance", "relationship"})
STRATEGIC_WORDS = frozenset({"strategic", "comprehensive"})
DEFENCE_WORDS = frozenset({"defence", "defense", "military", "troop", "troops", "base", "arm", "arms", "weapon",
                           "naval", "army", "armed", "basing"})
# Verbs of a clause on a document that say what it lets a party do ("an agreement permitting U.S.
# military personnel to use the airport", "a deal allowing troops to train").
GRANT_VERBS = frozenset({"permit", "allow", "grant", "authorize", "authorise", "let", "give", "enable", "host",
                         "station", "build", "deploy", "use", "provide"})
# Verbs of permission whose object (or the subject of their clause) is the one permitted: in an
# agreement's own clause, the other side of the agreement ("an agreement permitting U.S. troops
# to use the base").
PERMISSION_VERBS = frozenset({"permit", "allow", "authorize", "authorise", "let", "enable", "grant"})
# What is shot down or downed: aircraft in flight ("shot down a Turkish drone"; a missile or a
# rocket shot down is intercepted, which is no attack on whoever fired it).
AIRCRAFT_WORDS = frozenset({"drone", "uav", "jet", "plane", "aircraft", "airliner", "helicopter", "fighter",
                            "bomber", "airplane"})
# Uncrewed weapons in flight: who shoots one down defends against its owner.
UNCREWED_WEAPONS = frozenset({"drone", "uav", "missile", "rocket", "projectile"})
# People an attack may be aimed at without being a state ("opened fire on civilians"): the
# country of the sentence is not the target for that.
CIVILIAN_NOUNS = frozenset({"civilian", "protester", "demonstrator", "crowd", "people", "migrant", "worshipper",
                            "worshiper", "passenger", "resident", "villager", "stone-thrower", "thrower", "journalist",
                            "student", "refugee", "pilgrim", "fisherman", "fishermen"})
# Places taken by force ("captured the village of X").
TERRITORY_WORDS = frozenset({"village", "town", "city", "settlement", "territory", "region", "province", "island",
                             "oblast", "district", "capital", "border", "area"})
# Words next to a leader's name that say they do not (yet, or any longer) hold the office:
# "President-Elect of Turkmenistan X", "former president X", "X, the prime minister-designate".
NOT_IN_OFFICE_WORDS = ("elect", "designate", "former", "ex", "late", "candidate", "challenger", "nominee")
# Words of gladness under which "to be here in X" says where the speaker is now.
GLAD_WORDS = frozenset({"pleasure", "honour", "honor", "privilege", "glad", "happy", "pleased", "delighted",
                        "great", "wonderful", "good", "nice", "joy", "thrilled", "proud"})
# Words that say an act is like one reported before ("similar sanctions", "the same tariffs").
SAMENESS_WORDS = frozenset({"similar", "same", "identical", "comparable", "parallel", "matching", "equivalent"})
# Verbs that ask for something besides PROPOSAL_VERBS' ("calls for X's resignation").
DEMAND_VERBS = frozenset({"call", "seek", "want", "ask"})

# Words that act on a relation already in place: what they end, break, keep or change exists
# ("seeks to end the war with X", "would violate the X-Y agreement", "an end to the invasion",
# "agreed to reduce tariffs on X"), whatever their own tense or mood.
PRESUPPOSING_VERBS = frozenset({"end", "stop", "resolve", "settle", "address", "violate", "breach", "honor",
                                "honour", "implement", "reverse", "reduce", "lower", "continue", "bolster",
                                "discredit", "escalate", "intensify", "de-escalate", "undermine", "uphold",
                                "respect", "enforce", "prolong", "fuel", "maintain", "keep", "retain"})
PRESUPPOSING_NOUNS = frozenset({"end", "resolution", "violation", "breach", "implementation", "escalation",
                                "continuation", "settlement", "de-escalation", "anniversary"})
# Verbs saying whether a relation in place goes on: its subject exists ("if the attacks do not end").
ONGOING_VERBS = frozenset({"end", "stop", "continue", "cease", "persist"})
# Verbs of going on doing: what follows is done now ("will continue receiving Russian gas").
KEEP_ON_VERBS = frozenset({"continue", "keep"})
# Adjectives of an act not yet done: calling one off means it does not take place ("cancels
# the planned tariffs"), where calling off an act in force lifts or ends it.
PLANNED_WORDS = frozenset({"planned", "proposed", "threatened", "scheduled", "upcoming", "announced",
                           "intended", "forthcoming"})


# -- modifiers the trigger table requires or excludes ------------------------------------

# "his political allies", "party allies": people, not states.
PARTY_POLITICS = frozenset({"political", "party"})
# Only concessional loans are aid.
CONCESSIONAL_WORDS = frozenset({"concessional", "soft", "preferential", "interest-free", "concessionary",
                                "zero-interest"})
# Exercises and drills that are military ("joint naval drills"), not fire drills or exercises of power.
DRILL_MODIFIERS = frozenset({"joint", "military", "naval", "war"}) | MILITARY_MODIFIERS
# A call between leaders is a phone or video call.
CALL_MODIFIERS = frozenset({"phone", "telephone", "video"})
# Fire as an attack: "artillery fire", "rocket fire", "cross fire" (not "a fire broke out").
FIRE_MODIFIERS = frozenset({"artillery", "gun", "rocket", "mortar", "tank", "cross", "sniper"})
# A "trade war" or a "tariff war" is a dispute, not armed conflict.
ECONOMIC_WAR_MODIFIERS = frozenset({"trade", "tariff", "price", "currency", "chip", "tech", "sanction"})


# -- words the role and pair rules read ------------------------------------------------

# Prepositions that introduce the other party of an action ("sanctions on", "aid to", "trade with").
OBJECT_PREPS = frozenset({"in", "into", "to", "for", "on", "against", "with", "between", "from", "of", "toward",
                          "towards", "among", "upon", "onto", "inside"})
# Prepositions of a co-party ("talks with X"), and of those the ones that list all the
# parties ("talks between X and Y").
CO_PARTY_PREPS = frozenset({"with", "between", "among"})
LIST_PREPS = frozenset({"between", "among"})
# Prepositions of where an act is held ("talks in Moscow", "signed at the summit").
VENUE_PREPS = frozenset({"in", "at", "near", "on", "during"})
# Prepositions of topic: a war "about" which parties talk is not one they wage, nor are
# sanctions "regarding" which a country appeals its own.
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
# Prepositions of circumstance: a trigger inside one is not done by the clause's subject.
CIRCUMSTANCE_PREPS = frozenset({"amid", "amidst", "despite", "after", "before", "following", "since", "during",
                                "because", "over", "against", "due"})
# Prepositions of what an attack hits ("strikes on X", "attacks against X").
ON_AGAINST = frozenset({"on", "against"})
# Help given to a side ("with support from X", "with the backing of X"): X backs it, is no side.
SUPPORT_NOUNS = frozenset({"support", "backing", "help", "assistance", "aid", "participation"})
# Bodies that act for a state: the path from an agent up to its clause may pass through them
# ("the Russian government", "officials from China").
AGENT_HOLDERS = frozenset({"government", "ministry", "authority", "authorities", "administration", "leadership",
                           "delegation", "side", "state", "regime", "cabinet", "parliament", "military", "army",
                           "navy", "force", "forces", "embassy"})
# Verbs whose order is carried out: "orders the ministry to raise tariffs" is no mere purpose.
ORDER_VERBS = frozenset({"order", "instruct", "direct", "tell", "command", "authorize", "authorise"})
# Places named by a country's adjective ("a Syrian town", "the Chad-Sudan border"): a place, not a party.
PLACE_NOUNS = frozenset({"border", "frontier", "region", "area", "town", "city", "village", "coast", "province",
                         "capital", "territory", "side", "waters", "water", "airspace", "soil", "port", "zone", "corridor"})
# Meetings that come one per counterpart when several are named: "meetings with A and B",
# "calls with A and B" (talks and summits with several may be one round with all of them).
SEPARATE_MEETINGS = frozenset({"meeting", "call", "visit", "phone"})
# Hyphens and dashes that join a pair's names ("Iran–U.S. talks").
DASHES = ("-", "–", "—")
# Places at sea by a country's shore: a ship there is not the country.
SHORES = frozenset({"coast", "coastline", "shore", "waters", "water"})
# Visits, whose "of"/"by" phrase names the visitor ("the visit of the President of X").
VISIT_NOUNS = frozenset({"visit", "trip", "tour"})
# What is found out or looked into: evidence of an act is not the act of who holds it.
EVIDENCE_NOUNS = frozenset({"evidence", "proof", "sign", "trace", "footage", "investigation", "inquiry", "probe"})
# Heads of a named instrument ("the United Nations Convention on the Law of the Sea"): a body in
# such a name is part of the title, not a party.
INSTRUMENT_NAMES = frozenset({"convention", "treaty", "charter", "law", "act", "protocol", "statute", "covenant"})
# Words after a hyphenated name that say whom something belongs to ("Iran-backed", "US-based").
AFFILIATIONS = frozenset({"backed", "based", "aligned", "allied", "sponsored", "funded", "supported", "linked",
                          "affiliated", "owned", "controlled", "made", "trained", "armed", "leaning", "friendly"})
# "you" in a quotation or transcript turn: the addressee.
SECOND_PERSON = frozenset({"you", "your", "yours"})
# Nouns that carry a rank ("the second position regarding investments").
RANK_CARRIERS = frozenset({"position", "place", "rank", "spot"})

# Modifiers that put a relation beyond any one pair of states ("global trade", "world trade").
SCOPE_WORDS = frozenset({"global", "world", "worldwide", "international", "foreign", "domestic", "regional",
                         "multilateral", "internal"})

# Naming a state with one of these words is a dispute with it: "calling the three nations a
# 'troika of tyranny'", "branded Taiwan a threat", "views X as an adversary" (vetoes.calls_names).
NAMING_VERBS = frozenset({"call", "label", "brand", "dub", "term", "describe", "regard", "view", "consider"})
PEJORATIVE_WORDS = frozenset({"tyranny", "tyrant", "dictatorship", "dictator", "despot", "threat", "enemy",
                              "adversary", "aggressor", "menace", "pariah", "rogue", "bully", "thug", "criminal",
                              "evil", "provocateur", "puppet", "villain", "oppressor", "occupier"})

# Nouns of a complex preposition of respect: "in terms of", "in the field of", "in the sphere of".
RESPECT_NOUNS = frozenset({"term", "terms", "field", "area", "sphere", "domain", "respect"})
# Verbs that say what their subject is ("X is Y's partner", "remains", "became").
COPULAS = frozenset({"be", "remain", "become", "stay"})
# Nouns of an act offered, not done: a stop inside one stops nothing (claim_modality._offered).
OFFER_NOUNS = frozenset({"offer", "proposal", "proposition"})
# Conduct called wrong: "China's unfair practices", "dangerous actions by the Coast Guard of X"
# (the trigger row of criticised conduct, a dispute between who says it and whose it is).
CONDUCT_NOUNS = frozenset({"practice", "action", "behaviour", "behavior", "conduct", "activity", "provocation"})
FAULT_ADJECTIVES = frozenset({"unfair", "dangerous", "aggressive", "illegal", "unlawful", "reckless", "provocative",
                              "coercive", "destabilizing", "destabilising", "irresponsible", "hostile", "malign",
                              "unjustified", "unacceptable", "escalatory"})
# Verbs of one side's consent to a text, which do not yet put it in operation ("the Cabinet
# approves a defense treaty"), and the nouns of a pact agreed on ("agreement on a defence treaty").
APPROVAL_VERBS = frozenset({"approve", "endorse", "back", "confirm", "negotiate", "draft"})
PACT_NOUNS = frozenset({"treaty", "pact", "accord", "alliance", "agreement"})
CONSENT_NOUNS = frozenset({"agreement", "consensus", "understanding"})
