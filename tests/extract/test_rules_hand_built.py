"""Claim rules on hand-built parses: direction, who is no party, and the trigger table's vetoes.

Each case is the parse a rule is meant for, in the compact spec of tests/extract/parses.py
("word/dep/head/lemma/POS" plus #TAG, @TYPE, =ID, _), with the sentence it stands for as
a comment. The parses were started from the real model (scripts/parse_spec.py) and
corrected by hand where it misparsed; these tests never load the model, so a rule's test
breaks when the rule changes, not when the parser's guess does. The same behaviours on the
real model's parse of whole articles are quality tests (test_claims_relations.py).
"""

from __future__ import annotations

import pytest

import kgraph.extract.nonparties as nonparties
import kgraph.extract.parties as parties
import kgraph.extract.trigger_table as trigger_table
import kgraph.extract.vetoes as vetoes
from kgraph.extract.trigger_table import TABLE

from .parses import claims_of, parse, show

# -- direction: (relation, spec, subject, object); the claim runs subject -> object, not back

DIRECTION: list[tuple[str, str, str, str]] = [
    # Canada welcomed the introduction of sanctions on Iran by the EU. -- an act noun's "by" phrase does it
    ("sanction",
        "Canada/nsubj/1/Canada/PROPN/=CAN welcomed/ROOT/1/welcome/VERB/#VBD the/det/3/the/DET "
        "introduction/dobj/1/introduction/NOUN of/prep/3/of/ADP sanctions/pobj/4/sanction/NOUN/#NNS "
        "on/prep/5/on/ADP Iran/pobj/6/Iran/PROPN/=IRN by/prep/3/by/ADP the/det/10/the/DET "
        "EU/pobj/8/EU/PROPN/@ORG/=EU/_ ./punct/1/./PUNCT",
     "EU", "IRN"),
    # Chile's pause in military operations in Peru ended. -- an act noun's possessor does it
    ("conflict",
        "Chile/poss/2/Chile/PROPN/=CHL/_ 's/case/0/'s/PART pause/nsubj/8/pause/NOUN in/prep/2/in/ADP "
        "military/amod/5/military/ADJ operations/pobj/3/operation/NOUN/#NNS in/prep/5/in/ADP "
        "Peru/pobj/6/Peru/PROPN/=PER ended/ROOT/8/end/VERB/#VBD/_ ./punct/8/./PUNCT",
     "CHL", "PER"),
    # Chile imports gas from Bolivia. -- a buying verb: the seller supplies
    ("energy_supplier",
        "Chile/nsubj/1/Chile/PROPN/=CHL imports/ROOT/1/import/VERB/#VBZ gas/dobj/1/gas/NOUN "
        "from/prep/1/from/ADP Bolivia/pobj/3/Bolivia/PROPN/=BOL/_ ./punct/1/./PUNCT",
     "BOL", "CHL"),
    # Bolivia supplies gas to Chile. -- a selling verb: the subject supplies
    ("energy_supplier",
        "Bolivia/nsubj/1/Bolivia/PROPN/=BOL supplies/ROOT/1/supply/VERB/#VBZ gas/dobj/1/gas/NOUN "
        "to/prep/1/to/ADP Chile/pobj/3/Chile/PROPN/=CHL/_ ./punct/1/./PUNCT",
     "BOL", "CHL"),
    # Peru bought jets from France. -- arms bought: the seller supplies
    ("military_cooperation",
        "Peru/nsubj/1/Peru/PROPN/=PER bought/ROOT/1/buy/VERB/#VBD jets/dobj/1/jet/NOUN/#NNS "
        "from/prep/1/from/ADP France/pobj/3/France/PROPN/=FRA/_ ./punct/1/./PUNCT",
     "FRA", "PER"),
    # France sold jets to Peru. -- arms sold: the subject supplies
    ("military_cooperation",
        "France/nsubj/1/France/PROPN/=FRA sold/ROOT/1/sell/VERB/#VBD jets/dobj/1/jet/NOUN/#NNS "
        "to/prep/1/to/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     "FRA", "PER"),
    # Kenya received aid from Japan. -- a verb of receiving: the subject receives
    ("aid_donor",
        "Kenya/nsubj/1/Kenya/PROPN/=KEN received/ROOT/1/receive/VERB/#VBD aid/dobj/1/aid/NOUN "
        "from/prep/1/from/ADP Japan/pobj/3/Japan/PROPN/=JPN/_ ./punct/1/./PUNCT",
     "JPN", "KEN"),
    # Japan's aid to Kenya rose. -- an action noun: its possessor gives
    ("aid_donor",
        "Japan/poss/2/Japan/PROPN/=JPN/_ 's/case/0/'s/PART aid/nsubj/5/aid/NOUN to/prep/2/to/ADP "
        "Kenya/pobj/3/Kenya/PROPN/=KEN rose/ROOT/5/rise/VERB/#VBD/_ ./punct/5/./PUNCT",
     "JPN", "KEN"),
    # Aid from Japan to Kenya rose. (the model tags 'Aid' a verb) -- "from" names the giver
    ("aid_donor",
        "Aid/nsubj/5/aid/NOUN from/prep/0/from/ADP Japan/pobj/1/Japan/PROPN/=JPN to/prep/0/to/ADP "
        "Kenya/pobj/3/Kenya/PROPN/=KEN rose/ROOT/5/rise/VERB/#VBD/_ ./punct/5/./PUNCT",
     "JPN", "KEN"),
    # Chile is Peru's largest investor. -- a relational noun: its possessor is the other party
    ("investor",
        "Chile/nsubj/1/Chile/PROPN/=CHL is/ROOT/1/be/AUX/#VBZ Peru/poss/5/Peru/PROPN/=PER/_ "
        "'s/case/2/'s/PART largest/amod/5/large/ADJ investor/attr/1/investor/NOUN/_ ./punct/1/./PUNCT",
     "CHL", "PER"),
    # Chinese investment in Peru grew. -- an action noun: its adjective invests
    ("investor",
        "Chinese/amod/1/chinese/ADJ/@NORP/=CHN investment/nsubj/4/investment/NOUN in/prep/1/in/ADP "
        "Peru/pobj/2/Peru/PROPN/=PER grew/ROOT/4/grow/VERB/#VBD/_ ./punct/4/./PUNCT",
     "CHN", "PER"),
    # Peru faces Chilean sanctions. -- a verb of undergoing: the subject is the target
    ("sanction",
        "Peru/nsubj/1/Peru/PROPN/=PER faces/ROOT/1/face/VERB/#VBZ Chilean/amod/3/chilean/ADJ/@NORP/=CHL "
        "sanctions/dobj/1/sanction/NOUN/#NNS/_ ./punct/1/./PUNCT",
     "CHL", "PER"),
    # Peru was sanctioned by Chile. -- a passive verb: its agent imposes
    ("sanction",
        "Peru/nsubjpass/2/Peru/PROPN/=PER was/auxpass/2/be/AUX/#VBD sanctioned/ROOT/2/sanction/VERB/#VBN "
        "by/agent/2/by/ADP Chile/pobj/3/Chile/PROPN/=CHL/_ ./punct/2/./PUNCT",
     "CHL", "PER"),
    # Chile imposed sanctions on Peru. -- the subject imposes
    ("sanction",
        "Chile/nsubj/1/Chile/PROPN/=CHL imposed/ROOT/1/impose/VERB/#VBD sanctions/dobj/1/sanction/NOUN/#NNS "
        "on/prep/2/on/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     "CHL", "PER"),
    # Chile's exports to Peru grew. -- exports run from the exporter
    ("trade_partner",
        "Chile/poss/2/Chile/PROPN/=CHL/_ 's/case/0/'s/PART exports/nsubj/5/export/NOUN/#NNS "
        "to/prep/2/to/ADP Peru/pobj/3/Peru/PROPN/=PER grew/ROOT/5/grow/VERB/#VBD/_ ./punct/5/./PUNCT",
     "CHL", "PER"),
    # Peru's imports from Chile grew. -- imports run to the importer
    ("trade_partner",
        "Peru/poss/2/Peru/PROPN/=PER/_ 's/case/0/'s/PART imports/nsubj/5/import/NOUN/#NNS "
        "from/prep/2/from/ADP Chile/pobj/3/Chile/PROPN/=CHL grew/ROOT/5/grow/VERB/#VBD/_ ./punct/5/./PUNCT",
     "CHL", "PER"),
    # Chile imposed tariffs on Peruvian goods. -- the subject levies; the goods' country pays
    ("tariff",
        "Chile/nsubj/1/Chile/PROPN/=CHL imposed/ROOT/1/impose/VERB/#VBD tariffs/dobj/1/tariff/NOUN/#NNS "
        "on/prep/2/on/ADP Peruvian/amod/5/peruvian/ADJ/@NORP/=PER goods/pobj/3/good/NOUN/#NNS/_ "
        "./punct/1/./PUNCT",
     "CHL", "PER"),
    # Chile struck Peru. -- the subject attacks
    ("conflict",
        "Chile/nsubj/1/Chile/PROPN/=CHL struck/ROOT/1/strike/VERB/#VBD Peru/dobj/1/Peru/PROPN/=PER/_ "
        "./punct/1/./PUNCT",
     "CHL", "PER"),
    # Chile was Peru's leading partner in terms of investments. -- the subject invests in the possessor
    ("investor",
        "Chile/nsubj/1/Chile/PROPN/=CHL was/ROOT/1/be/AUX/#VBD Peru/poss/5/Peru/PROPN/=PER/_ 's/case/2/'s/PART "
        "leading/amod/5/lead/VERB/#VBG partner/attr/1/partner/NOUN in/prep/1/in/ADP terms/pobj/6/term/NOUN/#NNS "
        "of/prep/7/of/ADP investments/pobj/8/investment/NOUN/#NNS/_ ./punct/1/./PUNCT",
     "CHL", "PER"),
    # Chile shot down a Peruvian drone. -- who downs a drone defends against its owner
    ("conflict",
        "Chile/nsubj/1/Chile/PROPN/=CHL shot/ROOT/1/shoot/VERB/#VBD down/prt/1/down/ADP a/det/5/a/DET "
        "Peruvian/amod/5/peruvian/ADJ/@NORP/=PER drone/dobj/1/drone/NOUN/_ ./punct/1/./PUNCT",
     "PER", "CHL"),
    # Chile's oil supply comes from Bolivia. -- a supply its owner consumes
    ("energy_supplier",
        "Chile/poss/3/Chile/PROPN/=CHL/_ 's/case/0/'s/PART oil/compound/3/oil/NOUN "
        "supply/nsubj/4/supply/NOUN comes/ROOT/4/come/VERB/#VBZ from/prep/4/from/ADP "
        "Bolivia/pobj/5/Bolivia/PROPN/=BOL/_ ./punct/4/./PUNCT",
     "BOL", "CHL"),
]



@pytest.mark.parametrize(("relation", "spec", "subject", "obj"), DIRECTION)
def test_extract_claims_hand_built_direction(relation, spec, subject, obj):
    claims = claims_of(spec)
    ids = {(c.subject.id, c.object.id) for c in claims if c.relation == relation}
    assert (subject, obj) in ids and (obj, subject) not in ids, show(claims)


# -- who is no party: (rule, relation, spec, outsider, the pair that remains or "")
# The rule is a role filter (parties.ROLE_FILTERS) or a not-a-party test (nonparties.NONPARTY_TESTS).

NOT_PARTY: list[tuple[str, str, str, str, str]] = [
    # Iran and Oman held talks mediated by Qatar.
    ("go_between", "meeting",
        "Iran/nsubj/3/Iran/PROPN/=IRN and/cc/0/and/CCONJ Oman/conj/0/Oman/PROPN/=OMN "
        "held/ROOT/3/hold/VERB/#VBD talks/dobj/3/talk/NOUN/#NNS mediated/acl/4/mediate/VERB/#VBN "
        "by/agent/5/by/ADP Qatar/pobj/6/Qatar/PROPN/=QAT/_ ./punct/3/./PUNCT",
     "QAT", "IRN OMN"),
    # Romania, a NATO member, signed a deal with Turkey.
    ("describes_other_party", "agreement",
        "Romania/nsubj/6/Romania/PROPN/=ROU/_ ,/punct/0/,/PUNCT a/det/4/a/DET "
        "NATO/compound/4/NATO/PROPN/@ORG/=NATO member/appos/0/member/NOUN/_ ,/punct/0/,/PUNCT "
        "signed/ROOT/6/sign/VERB/#VBD a/det/8/a/DET deal/dobj/6/deal/NOUN with/prep/6/with/ADP "
        "Turkey/pobj/9/Turkey/PROPN/=TUR/_ ./punct/6/./PUNCT",
     "NATO", "ROU TUR"),
    # The Chilean envoy to Peru announced new aid.
    ("title_destination", "aid_donor",
        "The/det/2/the/DET Chilean/amod/2/chilean/ADJ/@NORP/=CHL envoy/nsubj/5/envoy/NOUN to/prep/2/to/ADP "
        "Peru/pobj/3/Peru/PROPN/=PER announced/ROOT/5/announce/VERB/#VBD new/amod/7/new/ADJ "
        "aid/dobj/5/aid/NOUN/_ ./punct/5/./PUNCT",
     "PER", ""),
    # Chile's blockade of ports off the coast of Peru continued.
    ("located_by", "sanction",
        "Chile/poss/2/Chile/PROPN/=CHL/_ 's/case/0/'s/PART blockade/nsubj/10/blockade/NOUN of/prep/2/of/ADP "
        "ports/pobj/3/port/NOUN/#NNS off/prep/4/off/ADP the/det/7/the/DET coast/pobj/5/coast/NOUN "
        "of/prep/7/of/ADP Peru/pobj/8/Peru/PROPN/=PER continued/ROOT/10/continue/VERB/#VBD/_ "
        "./punct/10/./PUNCT",
     "PER", ""),
    # Chile launched airstrikes on militants in Peru.
    ("fought_in", "conflict",
        "Chile/nsubj/1/Chile/PROPN/=CHL launched/ROOT/1/launch/VERB/#VBD "
        "airstrikes/dobj/1/airstrike/NOUN/#NNS on/prep/2/on/ADP militants/pobj/3/militant/NOUN/#NNS "
        "in/prep/4/in/ADP Peru/pobj/5/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     "PER", ""),
    # Chile imposed tariffs on Peru, with exemptions for Bolivia.
    ("exempted", "tariff",
        "Chile/nsubj/1/Chile/PROPN/=CHL imposed/ROOT/1/impose/VERB/#VBD tariffs/dobj/1/tariff/NOUN/#NNS "
        "on/prep/1/on/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ,/punct/1/,/PUNCT with/prep/1/with/ADP "
        "exemptions/pobj/6/exemption/NOUN/#NNS for/prep/7/for/ADP Bolivia/pobj/8/Bolivia/PROPN/=BOL/_ "
        "./punct/1/./PUNCT",
     "BOL", "CHL PER"),
    # Japan is a major non-NATO ally of Chile.
    ("negated_name", "ally",
        "Japan/nsubj/1/Japan/PROPN/=JPN is/ROOT/1/be/AUX/#VBZ a/det/7/a/DET major/amod/7/major/ADJ "
        "non/amod/7/non/ADJ/@ORG/_ -/amod/7/-/ADJ/@ORG/_ NATO/amod/7/nato/ADJ/@ORG/=NATO "
        "ally/attr/1/ally/NOUN of/prep/7/of/ADP Chile/pobj/8/Chile/PROPN/=CHL/_ ./punct/1/./PUNCT",
     "NATO", "JPN CHL"),
    # Protesters rallied in Peru against Chilean strikes. (With a target named, "strikes on
    # Bolivia", the phrase of circumstance alone keeps Peru out: roles._phrase_names_a_side.)
    ("where_opposed", "conflict",
        "Protesters/nsubj/1/protester/NOUN/#NNS rallied/ROOT/1/rally/VERB/#VBD in/prep/1/in/ADP "
        "Peru/pobj/2/Peru/PROPN/=PER against/prep/1/against/ADP Chilean/compound/6/Chilean/PROPN/@NORP/=CHL "
        "strikes/pobj/4/strike/NOUN/#NNS/_ ./punct/1/./PUNCT",
     "PER", ""),
    # Helped by Chile, Peru seized a Bolivian tanker in joint drills.
    ("hostile_act_target", "military_cooperation",
        "Helped/advcl/5/help/VERB/#VBN by/agent/0/by/ADP Chile/pobj/1/Chile/PROPN/=CHL/_ ,/punct/5/,/PUNCT "
        "Peru/nsubj/5/Peru/PROPN/=PER seized/ROOT/5/seize/VERB/#VBD a/det/8/a/DET "
        "Bolivian/amod/8/bolivian/ADJ/@NORP/=BOL tanker/dobj/5/tanker/NOUN in/prep/5/in/ADP "
        "joint/amod/11/joint/ADJ drills/pobj/9/drill/NOUN/#NNS/_ ./punct/5/./PUNCT",
     "BOL", ""),
    # Chile's aid to Peru reached a Bolivian border town.
    ("named_place", "aid_donor",
        "Chile/poss/2/Chile/PROPN/=CHL/_ 's/case/0/'s/PART aid/nsubj/5/aid/NOUN to/prep/2/to/ADP "
        "Peru/pobj/3/Peru/PROPN/=PER reached/ROOT/5/reach/VERB/#VBD a/det/9/a/DET "
        "Bolivian/amod/9/bolivian/ADJ/@NORP/=BOL border/compound/9/border/NOUN town/dobj/5/town/NOUN/_ "
        "./punct/5/./PUNCT",
     "BOL", "CHL PER"),
    # Chile and Peru ratified the United Nations Convention on the Law of the Sea.
    ("instrument_title", "agreement",
        "Chile/nsubj/3/Chile/PROPN/=CHL and/cc/0/and/CCONJ Peru/conj/0/Peru/PROPN/=PER "
        "ratified/ROOT/3/ratify/VERB/#VBD the/det/7/the/DET United/compound/6/United/PROPN/@ORG/=UN "
        "Nations/compound/7/Nations/PROPN/#NNPS/@ORG/=UN Convention/dobj/3/Convention/PROPN "
        "on/prep/7/on/ADP the/det/10/the/DET Law/pobj/8/Law/PROPN of/prep/10/of/ADP the/det/13/the/DET "
        "Sea/pobj/11/Sea/PROPN/_ ./punct/3/./PUNCT",
     "UN", "CHL PER"),
    # Chile bombed Iran-backed militias in Peru.
    ("affiliated", "conflict",
        "Chile/nsubj/1/Chile/PROPN/=CHL bombed/ROOT/1/bomb/VERB/#VBD Iran/npadvmod/4/Iran/PROPN/=IRN/_ "
        "-/punct/4/-/PUNCT/_ backed/amod/5/back/VERB/#VBN militias/dobj/1/militia/NOUN/#NNS "
        "in/prep/5/in/ADP Peru/pobj/6/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     "IRN", ""),
    # Chile joined the Syrian war against Peru.
    ("theatre_of_war", "conflict",
        "Chile/nsubj/1/Chile/PROPN/=CHL joined/ROOT/1/join/VERB/#VBD the/det/4/the/DET "
        "Syrian/amod/4/syrian/ADJ/@NORP/=SYR war/dobj/1/war/NOUN against/prep/4/against/ADP "
        "Peru/pobj/5/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     "SYR", "CHL PER"),
    # Chile and Peru met at the APEC summit.
    ("summit_body", "meeting",
        "Chile/nsubj/3/Chile/PROPN/=CHL and/cc/0/and/CCONJ Peru/conj/0/Peru/PROPN/=PER "
        "met/ROOT/3/meet/VERB/#VBD at/prep/3/at/ADP the/det/7/the/DET APEC/compound/7/APEC/PROPN/@ORG/=APEC "
        "summit/pobj/4/summit/NOUN/_ ./punct/3/./PUNCT",
     "APEC", "CHL PER"),
    # Chile and Peru honoured the Minsk agreements.
    ("city_named", "agreement",
        "Chile/nsubj/3/Chile/PROPN/=CHL and/cc/0/and/CCONJ Peru/conj/0/Peru/PROPN/=PER "
        "honoured/ROOT/3/honour/VERB/#VBD the/det/6/the/DET Minsk/compound/6/Minsk/PROPN/=BLR:capital "
        "agreements/dobj/3/agreement/NOUN/#NNS/_ ./punct/3/./PUNCT",
     "BLR", "CHL PER"),
]



@pytest.mark.parametrize(("rule", "relation", "spec", "outsider", "kept"), NOT_PARTY)
def test_extract_claims_hand_built_outsider_is_no_party(rule, relation, spec, outsider, kept):
    claims = [c for c in claims_of(spec) if c.relation == relation]
    assert not [c for c in claims if outsider in (c.subject.id, c.object.id)], show(claims)
    if kept:
        assert any({c.subject.id, c.object.id} == set(kept.split()) for c in claims), show(claims)


@pytest.mark.parametrize(("rule", "relation", "spec", "outsider", "kept"), NOT_PARTY)
def test_extract_claims_hand_built_outsider_case_needs_its_rule(monkeypatch, rule, relation, spec, outsider, kept):
    """Without its rule, each case's outsider becomes a party: the case tests that rule."""
    if rule in {f.__name__ for f in parties.ROLE_FILTERS}:
        monkeypatch.setattr(parties, "ROLE_FILTERS", tuple(f for f in parties.ROLE_FILTERS if f.__name__ != rule))
    else:
        monkeypatch.setattr(nonparties, "NONPARTY_TESTS",
                            tuple(t for t in nonparties.NONPARTY_TESTS if t.__name__ != rule))
    claims = claims_of(spec)
    assert [c for c in claims if c.relation == relation and outsider in (c.subject.id, c.object.id)], show(claims)


def test_not_party_rules_each_have_a_case():
    # (ranked_after gives a role; not_a_party is the gate of NONPARTY_TESTS, each with its case)
    rules = {f.__name__ for f in parties.ROLE_FILTERS if f not in (parties.ranked_after, parties.not_a_party)}
    rules |= {t.__name__ for t in nonparties.NONPARTY_TESTS}
    assert rules == {case[0] for case in NOT_PARTY}


# -- the trigger table's vetoes and conditions: (name, spec, token index, expected)

VETOES: list[tuple[str, str, int, bool]] = [
    # The World Trade Organization ruled on the dispute.
    ("part_of_a_name",
        "The/det/3/the/DET World/compound/3/World/PROPN/@ORG/=WTO Trade/compound/3/Trade/PROPN/@ORG/=WTO "
        "Organization/nsubj/4/Organization/PROPN/@ORG/=WTO ruled/ROOT/4/rule/VERB/#VBD on/prep/4/on/ADP "
        "the/det/7/the/DET dispute/pobj/5/dispute/NOUN/_ ./punct/4/./PUNCT",
     2, True),
    # Chile expanded trade with Peru.
    ("part_of_a_name",
        "Chile/nsubj/1/Chile/PROPN/=CHL expanded/ROOT/1/expand/VERB/#VBD trade/dobj/1/trade/NOUN "
        "with/prep/2/with/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     2, False),
    # Goods exported to Peru rose in value.
    ("participle_of_a_noun",
        "Goods/nsubj/4/good/NOUN/#NNS exported/acl/0/export/VERB/#VBN to/prep/1/to/ADP "
        "Peru/pobj/2/Peru/PROPN/=PER rose/ROOT/4/rise/VERB/#VBD in/prep/4/in/ADP value/pobj/5/value/NOUN/_ "
        "./punct/4/./PUNCT",
     1, True),
    # Chile traded goods with Peru.
    ("participle_of_a_noun",
        "Chile/nsubj/1/Chile/PROPN/=CHL traded/ROOT/1/trade/VERB/#VBD goods/dobj/1/good/NOUN/#NNS "
        "with/prep/2/with/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, False),
    # Chile signed a trade agreement with Peru.
    ("modifies_no_flow",
        "Chile/nsubj/1/Chile/PROPN/=CHL signed/ROOT/1/sign/VERB/#VBD a/det/4/a/DET "
        "trade/compound/4/trade/NOUN agreement/dobj/1/agreement/NOUN with/prep/4/with/ADP "
        "Peru/pobj/5/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     3, True),
    # The trade volume between Chile and Peru rose.
    ("modifies_no_flow",
        "The/det/2/the/DET trade/compound/2/trade/NOUN volume/nsubj/7/volume/NOUN "
        "between/prep/2/between/ADP Chile/pobj/3/Chile/PROPN/=CHL and/cc/4/and/CCONJ "
        "Peru/conj/4/Peru/PROPN/=PER rose/ROOT/7/rise/VERB/#VBD/_ ./punct/7/./PUNCT",
     1, False),
    # Chile's gas exports to Peru rose.
    ("energy_traded",
        "Chile/poss/3/Chile/PROPN/=CHL/_ 's/case/0/'s/PART gas/compound/3/gas/NOUN "
        "exports/nsubj/6/export/NOUN/#NNS to/prep/3/to/ADP Peru/pobj/4/Peru/PROPN/=PER "
        "rose/ROOT/6/rise/VERB/#VBD/_ ./punct/6/./PUNCT",
     3, True),
    # Chile's exports to Peru rose.
    ("energy_traded",
        "Chile/poss/2/Chile/PROPN/=CHL/_ 's/case/0/'s/PART exports/nsubj/5/export/NOUN/#NNS "
        "to/prep/2/to/ADP Peru/pobj/3/Peru/PROPN/=PER rose/ROOT/5/rise/VERB/#VBD/_ ./punct/5/./PUNCT",
     2, False),
    # Chile imposed duties on imports from Peru.
    ("trade_blocked",
        "Chile/nsubj/1/Chile/PROPN/=CHL imposed/ROOT/1/impose/VERB/#VBD duties/dobj/1/duty/NOUN/#NNS "
        "on/prep/2/on/ADP imports/pobj/3/import/NOUN/#NNS from/prep/4/from/ADP "
        "Peru/pobj/5/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     4, True),
    # Chile's imports from Peru rose.
    ("trade_blocked",
        "Chile/poss/2/Chile/PROPN/=CHL/_ 's/case/0/'s/PART imports/nsubj/5/import/NOUN/#NNS "
        "from/prep/2/from/ADP Peru/pobj/3/Peru/PROPN/=PER rose/ROOT/5/rise/VERB/#VBD/_ ./punct/5/./PUNCT",
     2, False),
    # Chile imposed a ban on its citizens travelling to Peru.
    ("bars_own_people",
        "Chile/nsubj/1/Chile/PROPN/=CHL imposed/ROOT/1/impose/VERB/#VBD a/det/3/a/DET ban/dobj/1/ban/NOUN "
        "on/prep/3/on/ADP its/poss/6/its/PRON citizens/pobj/4/citizen/NOUN/#NNS "
        "travelling/acl/3/travel/VERB/#VBG to/prep/7/to/ADP Peru/pobj/8/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     3, True),
    # Chile imposed a ban on Peruvian fish.
    ("bars_own_people",
        "Chile/nsubj/1/Chile/PROPN/=CHL imposed/ROOT/1/impose/VERB/#VBD a/det/3/a/DET ban/dobj/1/ban/NOUN "
        "on/prep/3/on/ADP Peruvian/amod/6/peruvian/ADJ/@NORP/=PER fish/pobj/4/fish/NOUN/_ ./punct/1/./PUNCT",
     3, False),
    # Chile imposed a travel ban on Peru after the Ebola outbreak.
    ("health_measure",
        "Chile/nsubj/1/Chile/PROPN/=CHL imposed/ROOT/1/impose/VERB/#VBD a/det/4/a/DET "
        "travel/compound/4/travel/NOUN ban/dobj/1/ban/NOUN on/prep/4/on/ADP Peru/pobj/5/Peru/PROPN/=PER "
        "after/prep/1/after/ADP the/det/10/the/DET Ebola/compound/10/Ebola/PROPN "
        "outbreak/pobj/7/outbreak/NOUN/_ ./punct/1/./PUNCT",
     4, True),
    # Chile imposed a travel ban on Peru after the election.
    ("health_measure",
        "Chile/nsubj/1/Chile/PROPN/=CHL imposed/ROOT/1/impose/VERB/#VBD a/det/4/a/DET "
        "travel/compound/4/travel/NOUN ban/dobj/1/ban/NOUN on/prep/4/on/ADP Peru/pobj/5/Peru/PROPN/=PER "
        "after/prep/1/after/ADP the/det/9/the/DET election/pobj/7/election/NOUN/_ ./punct/1/./PUNCT",
     4, False),
    # Chile protested Peruvian incursions into its airspace.
    ("into_airspace",
        "Chile/nsubj/1/Chile/PROPN/=CHL protested/ROOT/1/protest/VERB/#VBD "
        "Peruvian/amod/3/peruvian/ADJ/@NORP/=PER incursions/dobj/1/incursion/NOUN/#NNS into/prep/3/into/ADP "
        "its/poss/6/its/PRON airspace/pobj/4/airspace/NOUN/_ ./punct/1/./PUNCT",
     3, True),
    # Chile condemned the Peruvian incursion into Bolivia.
    ("into_airspace",
        "Chile/nsubj/1/Chile/PROPN/=CHL condemned/ROOT/1/condemn/VERB/#VBD the/det/4/the/DET "
        "Peruvian/amod/4/peruvian/ADJ/@NORP/=PER incursion/dobj/1/incursion/NOUN into/prep/4/into/ADP "
        "Bolivia/pobj/5/Bolivia/PROPN/=BOL/_ ./punct/1/./PUNCT",
     4, False),
    # Relief International sent staff to Peru.
    ("proper_noun",
        "Relief/compound/1/Relief/PROPN/@ORG International/nsubj/2/International/PROPN/@ORG "
        "sent/ROOT/2/send/VERB/#VBD staff/dobj/2/staff/NOUN to/dative/2/to/ADP "
        "Peru/pobj/4/Peru/PROPN/=PER/_ ./punct/2/./PUNCT",
     0, True),
    # Chile sent relief to Peru.
    ("proper_noun",
        "Chile/nsubj/1/Chile/PROPN/=CHL sent/ROOT/1/send/VERB/#VBD relief/dobj/1/relief/NOUN "
        "to/dative/1/to/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     2, False),
    # Chile accused Peru of war crimes.
    ("compound_modifier",
        "Chile/nsubj/1/Chile/PROPN/=CHL accused/ROOT/1/accuse/VERB/#VBD Peru/dobj/1/Peru/PROPN/=PER "
        "of/prep/1/of/ADP war/compound/5/war/NOUN crimes/pobj/3/crime/NOUN/#NNS/_ ./punct/1/./PUNCT",
     4, True),
    # Chile waged war on Peru.
    ("compound_modifier",
        "Chile/nsubj/1/Chile/PROPN/=CHL waged/ROOT/1/wag/VERB/#VBD war/dobj/1/war/NOUN on/prep/2/on/ADP "
        "Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     2, False),
    # Chile bought phone chargers from Peru.
    ("not_a_phone_call",
        "Chile/nsubj/1/Chile/PROPN/=CHL bought/ROOT/1/buy/VERB/#VBD phone/compound/3/phone/NOUN "
        "chargers/dobj/1/charger/NOUN/#NNS from/prep/1/from/ADP Peru/pobj/4/Peru/PROPN/=PER/_ "
        "./punct/1/./PUNCT",
     2, True),
    # Boric held a phone call with Boluarte.
    ("not_a_phone_call",
        "Boric/nsubj/1/Boric/PROPN/@ORG held/ROOT/1/hold/VERB/#VBD a/det/4/a/DET "
        "phone/compound/4/phone/NOUN call/dobj/1/call/NOUN with/prep/4/with/ADP "
        "Boluarte/pobj/5/Boluarte/PROPN/@PERSON/_ ./punct/1/./PUNCT",
     3, False),
    # Thousands joined a protest in Lima.
    ("protest_lodged_with_no_one",
        "Thousands/nsubj/1/thousand/NOUN/#NNS joined/ROOT/1/join/VERB/#VBD a/det/3/a/DET "
        "protest/dobj/1/protest/NOUN in/prep/3/in/ADP Lima/pobj/4/Lima/PROPN/=PER:capital/_ "
        "./punct/1/./PUNCT",
     3, True),
    # Chile lodged a protest with Peru.
    ("protest_lodged_with_no_one",
        "Chile/nsubj/1/Chile/PROPN/=CHL lodged/ROOT/1/lodge/VERB/#VBD a/det/3/a/DET "
        "protest/dobj/1/protest/NOUN with/prep/3/with/ADP Peru/pobj/4/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     3, False),
    # An earthquake struck Peru.
    ("struck_by_no_attacker",
        "An/det/1/an/DET earthquake/nsubj/2/earthquake/NOUN struck/ROOT/2/strike/VERB/#VBD "
        "Peru/dobj/2/Peru/PROPN/=PER/_ ./punct/2/./PUNCT",
     2, True),
    # Chile struck Peru.
    ("struck_by_no_attacker",
        "Chile/nsubj/1/Chile/PROPN/=CHL struck/ROOT/1/strike/VERB/#VBD Peru/dobj/1/Peru/PROPN/=PER/_ "
        "./punct/1/./PUNCT",
     1, False),
    # Chile traded fire with Peru.
    ("trades_blows",
        "Chile/nsubj/1/Chile/PROPN/=CHL traded/ROOT/1/trade/VERB/#VBD fire/dobj/1/fire/NOUN "
        "with/prep/1/with/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, True),
    # Chile traded goods with Peru.
    ("trades_blows",
        "Chile/nsubj/1/Chile/PROPN/=CHL traded/ROOT/1/trade/VERB/#VBD goods/dobj/1/good/NOUN/#NNS "
        "with/prep/2/with/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, False),
    # Chile concluded talks with Peru.
    ("concludes_talks",
        "Chile/nsubj/1/Chile/PROPN/=CHL concluded/ROOT/1/conclude/VERB/#VBD talks/dobj/1/talk/NOUN/#NNS "
        "with/prep/2/with/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, True),
    # Chile concluded an agreement with Peru.
    ("concludes_talks",
        "Chile/nsubj/1/Chile/PROPN/=CHL concluded/ROOT/1/conclude/VERB/#VBD an/det/3/an/DET "
        "agreement/dobj/1/agreement/NOUN with/prep/3/with/ADP Peru/pobj/4/Peru/PROPN/=PER/_ "
        "./punct/1/./PUNCT",
     1, False),
    # Chile will host the World Cup.
    ("hosts_an_event",
        "Chile/nsubj/2/Chile/PROPN/=CHL will/aux/2/will/AUX/#MD host/ROOT/2/host/VERB/#VB the/det/5/the/DET "
        "World/compound/5/World/PROPN Cup/dobj/2/Cup/PROPN/_ ./punct/2/./PUNCT",
     2, True),
    # Chile will host the Peruvian president.
    ("hosts_an_event",
        "Chile/nsubj/2/Chile/PROPN/=CHL will/aux/2/will/AUX/#MD host/ROOT/2/host/VERB/#VB the/det/5/the/DET "
        "Peruvian/amod/5/peruvian/ADJ/@NORP/=PER president/dobj/2/president/NOUN/_ ./punct/2/./PUNCT",
     2, False),
    # Chile welcomed Peru's decision.
    ("receives_a_thing",
        "Chile/nsubj/1/Chile/PROPN/=CHL welcomed/ROOT/1/welcome/VERB/#VBD Peru/poss/4/Peru/PROPN/=PER/_ "
        "'s/case/2/'s/PART decision/dobj/1/decision/NOUN/_ ./punct/1/./PUNCT",
     1, True),
    # Chile welcomed the Peruvian president.
    ("receives_a_thing",
        "Chile/nsubj/1/Chile/PROPN/=CHL welcomed/ROOT/1/welcome/VERB/#VBD the/det/4/the/DET "
        "Peruvian/amod/4/peruvian/ADJ/@NORP/=PER president/dobj/1/president/NOUN/_ ./punct/1/./PUNCT",
     1, False),
    # Chile's record speaks volumes.
    ("speaks_no_talks",
        "Chile/poss/2/Chile/PROPN/=CHL/_ 's/case/0/'s/PART record/nsubj/3/record/NOUN speaks/ROOT/3/speak/VERB/#VBZ "
        "volumes/dobj/3/volume/NOUN/#NNS/_ ./punct/3/./PUNCT",
     3, True),
    # Chile spoke with Peru.
    ("speaks_no_talks",
        "Chile/nsubj/1/Chile/PROPN/=CHL spoke/ROOT/1/speak/VERB/#VBD with/prep/1/with/ADP "
        "Peru/pobj/2/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, False),
    # Chile shot down a Peruvian drone.
    ("shoots_down",
        "Chile/nsubj/1/Chile/PROPN/=CHL shot/ROOT/1/shoot/VERB/#VBD down/prt/1/down/ADP a/det/5/a/DET "
        "Peruvian/amod/5/peruvian/ADJ/@NORP/=PER drone/dobj/1/drone/NOUN/_ ./punct/1/./PUNCT",
     1, True),
    # Chile shot down a Peruvian drone. -- an uncrewed weapon: its owner attacks
    ("downs_a_weapon",
        "Chile/nsubj/1/Chile/PROPN/=CHL shot/ROOT/1/shoot/VERB/#VBD down/prt/1/down/ADP a/det/5/a/DET "
        "Peruvian/amod/5/peruvian/ADJ/@NORP/=PER drone/dobj/1/drone/NOUN/_ ./punct/1/./PUNCT",
     1, True),
    # Chile shot down a Peruvian jet.
    ("downs_a_weapon",
        "Chile/nsubj/1/Chile/PROPN/=CHL shot/ROOT/1/shoot/VERB/#VBD down/prt/1/down/ADP a/det/5/a/DET "
        "Peruvian/amod/5/peruvian/ADJ/@NORP/=PER jet/dobj/1/jet/NOUN/_ ./punct/1/./PUNCT",
     1, False),
    # Chile shot down a Peruvian proposal.
    ("shoots_down",
        "Chile/nsubj/1/Chile/PROPN/=CHL shot/ROOT/1/shoot/VERB/#VBD down/prt/1/down/ADP a/det/5/a/DET "
        "Peruvian/amod/5/peruvian/ADJ/@NORP/=PER proposal/dobj/1/proposal/NOUN/_ ./punct/1/./PUNCT",
     1, False),
    # Chilean troops opened fire on a Peruvian patrol.
    ("opens_fire",
        "Chilean/amod/1/chilean/ADJ/@NORP/=CHL troops/nsubj/2/troop/NOUN/#NNS opened/ROOT/2/open/VERB/#VBD "
        "fire/dobj/2/fire/NOUN on/prep/2/on/ADP a/det/7/a/DET Peruvian/amod/7/peruvian/ADJ/@NORP/=PER "
        "patrol/pobj/4/patrol/NOUN/_ ./punct/2/./PUNCT",
     3, True),
    # A fire broke out in a Peruvian port.
    ("opens_fire",
        "A/det/1/a/DET fire/nsubj/2/fire/NOUN broke/ROOT/2/break/VERB/#VBD out/prt/2/out/ADP in/prep/2/in/ADP "
        "a/det/7/a/DET Peruvian/amod/7/peruvian/ADJ/@NORP/=PER port/pobj/4/port/NOUN/_ ./punct/2/./PUNCT",
     1, False),
    # Chile captured the town of Tacna in Peru.
    ("captures_territory",
        "Chile/nsubj/1/Chile/PROPN/=CHL captured/ROOT/1/capture/VERB/#VBD the/det/3/the/DET town/dobj/1/town/NOUN "
        "of/prep/3/of/ADP Tacna/pobj/4/Tacna/PROPN in/prep/3/in/ADP Peru/pobj/6/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, True),
    # Chile captured a Peruvian fighter.
    ("captures_territory",
        "Chile/nsubj/1/Chile/PROPN/=CHL captured/ROOT/1/capture/VERB/#VBD a/det/4/a/DET "
        "Peruvian/amod/4/peruvian/ADJ/@NORP/=PER fighter/dobj/1/fighter/NOUN/_ ./punct/1/./PUNCT",
     1, False),
    # Chile ended its support for rebels in Peru.
    ("backs_armed_group",
        "Chile/nsubj/1/Chile/PROPN/=CHL ended/ROOT/1/end/VERB/#VBD its/poss/3/its/PRON support/dobj/1/support/NOUN "
        "for/prep/3/for/ADP rebels/pobj/4/rebel/NOUN/#NNS in/prep/5/in/ADP Peru/pobj/6/Peru/PROPN/=PER/_ "
        "./punct/1/./PUNCT", 3, True),
    # Chile backs an armed group in Peru.
    ("backs_armed_group",
        "Chile/nsubj/1/Chile/PROPN/=CHL backs/ROOT/1/back/VERB/#VBZ an/det/4/an/DET armed/amod/4/armed/ADJ "
        "group/dobj/1/group/NOUN in/prep/4/in/ADP Peru/pobj/5/Peru/PROPN/=PER/_ ./punct/1/./PUNCT", 1, True),
    # Chile increased its support for refugees.
    ("backs_armed_group",
        "Chile/nsubj/1/Chile/PROPN/=CHL increased/ROOT/1/increase/VERB/#VBD its/poss/3/its/PRON "
        "support/dobj/1/support/NOUN for/prep/3/for/ADP refugees/pobj/4/refugee/NOUN/#NNS/_ ./punct/1/./PUNCT",
     3, False),
    # Chile severed relations with Peru.
    ("cuts_ties",
        "Chile/nsubj/1/Chile/PROPN/=CHL severed/ROOT/1/sever/VERB/#VBD relations/dobj/1/relation/NOUN/#NNS "
        "with/prep/1/with/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, True),
    # Chile cut tariffs on Peru.
    ("cuts_ties",
        "Chile/nsubj/1/Chile/PROPN/=CHL cut/ROOT/1/cut/VERB/#VBD tariffs/dobj/1/tariff/NOUN/#NNS "
        "on/prep/2/on/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, False),
    # Chile branded Peru a threat.
    ("calls_names",
        "Chile/nsubj/1/Chile/PROPN/=CHL branded/ROOT/1/brand/VERB/#VBD Peru/dobj/1/Peru/PROPN/=PER "
        "a/det/4/a/DET threat/oprd/1/threat/NOUN/_ ./punct/1/./PUNCT",
     1, True),
    # Chile views Peru as an adversary.
    ("calls_names",
        "Chile/nsubj/1/Chile/PROPN/=CHL views/ROOT/1/view/VERB/#VBZ Peru/dobj/1/Peru/PROPN/=PER "
        "as/prep/1/as/ADP an/det/5/an/DET adversary/pobj/3/adversary/NOUN/_ ./punct/1/./PUNCT",
     1, True),
    # Chile called Peru a reliable partner.
    ("calls_names",
        "Chile/nsubj/1/Chile/PROPN/=CHL called/ROOT/1/call/VERB/#VBD Peru/dobj/1/Peru/PROPN/=PER "
        "a/det/5/a/DET reliable/amod/5/reliable/ADJ partner/oprd/1/partner/NOUN/_ ./punct/1/./PUNCT",
     1, False),
    # Chile recalled its ambassador to Peru.
    ("recalls_an_envoy",
        "Chile/nsubj/1/Chile/PROPN/=CHL recalled/ROOT/1/recall/VERB/#VBD its/poss/3/its/PRON "
        "ambassador/dobj/1/ambassador/NOUN to/prep/3/to/ADP Peru/pobj/4/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, True),
    # Chile recalled its cars from Peru.
    ("recalls_an_envoy",
        "Chile/nsubj/1/Chile/PROPN/=CHL recalled/ROOT/1/recall/VERB/#VBD its/poss/3/its/PRON "
        "cars/dobj/1/car/NOUN/#NNS from/prep/1/from/ADP Peru/pobj/4/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, False),
    # Chile shares intelligence with Peru.
    ("shares_intelligence",
        "Chile/nsubj/1/Chile/PROPN/=CHL shares/ROOT/1/share/VERB/#VBZ intelligence/dobj/1/intelligence/NOUN "
        "with/prep/1/with/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, True),
    # Chile shares a border with Peru.
    ("shares_intelligence",
        "Chile/nsubj/1/Chile/PROPN/=CHL shares/ROOT/1/share/VERB/#VBZ a/det/3/a/DET border/dobj/1/border/NOUN "
        "with/prep/1/with/ADP Peru/pobj/4/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, False),
    # You are here in Peru.
    ("present_on_a_visit",
        "You/nsubj/1/you/PRON are/ROOT/1/be/AUX/#VBP here/advmod/1/here/ADV in/prep/2/in/ADP "
        "Peru/pobj/3/Peru/PROPN/@GPE/=PER/_ ./punct/1/./PUNCT",
     1, True),
    # You are in Peru.
    ("present_on_a_visit",
        "You/nsubj/1/you/PRON are/ROOT/1/be/AUX/#VBP in/prep/1/in/ADP Peru/pobj/2/Peru/PROPN/@GPE/=PER/_ "
        "./punct/1/./PUNCT",
     1, False),
    # Chilean jets attacked an aid convoy to Peru.
    ("aid_under_attack",
        "Chilean/amod/1/chilean/ADJ/@NORP/=CHL jets/nsubj/2/jet/NOUN/#NNS attacked/ROOT/2/attack/VERB/#VBD "
        "an/det/5/an/DET aid/compound/5/aid/NOUN convoy/dobj/2/convoy/NOUN to/prep/2/to/ADP "
        "Peru/pobj/6/Peru/PROPN/=PER/_ ./punct/2/./PUNCT",
     4, True),
    # Chile sent aid to Peru.
    ("aid_under_attack",
        "Chile/nsubj/1/Chile/PROPN/=CHL sent/ROOT/1/send/VERB/#VBD aid/dobj/1/aid/NOUN to/dative/1/to/ADP "
        "Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     2, False),
    # Peru's civil war ended.
    ("civil_war",
        "Peru/poss/3/Peru/PROPN/=PER/_ 's/case/0/'s/PART civil/amod/3/civil/ADJ war/nsubj/4/war/NOUN "
        "ended/ROOT/4/end/VERB/#VBD/_ ./punct/4/./PUNCT",
     3, True),
    # Chile's war with Peru ended.
    ("civil_war",
        "Chile/poss/2/Chile/PROPN/=CHL/_ 's/case/0/'s/PART war/nsubj/5/war/NOUN with/prep/2/with/ADP "
        "Peru/pobj/3/Peru/PROPN/=PER ended/ROOT/5/end/VERB/#VBD/_ ./punct/5/./PUNCT",
     2, False),
    # Chile sent military aid to Peru.
    ("military_aid",
        "Chile/nsubj/1/Chile/PROPN/=CHL sent/ROOT/1/send/VERB/#VBD military/amod/3/military/ADJ "
        "aid/dobj/1/aid/NOUN to/prep/1/to/ADP Peru/pobj/4/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     3, True),
    # Chile sent humanitarian aid to Peru.
    ("military_aid",
        "Chile/nsubj/1/Chile/PROPN/=CHL sent/ROOT/1/send/VERB/#VBD humanitarian/amod/3/humanitarian/ADJ "
        "aid/dobj/1/aid/NOUN to/prep/1/to/ADP Peru/pobj/4/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     3, False),
    # Chile started a trade war with Peru.
    ("economic_war",
        "Chile/nsubj/1/Chile/PROPN/=CHL started/ROOT/1/start/VERB/#VBD a/det/4/a/DET "
        "trade/compound/4/trade/NOUN war/dobj/1/war/NOUN with/prep/4/with/ADP Peru/pobj/5/Peru/PROPN/=PER/_ "
        "./punct/1/./PUNCT",
     4, True),
    # Chile started a war with Peru.
    ("economic_war",
        "Chile/nsubj/1/Chile/PROPN/=CHL started/ROOT/1/start/VERB/#VBD a/det/3/a/DET war/dobj/1/war/NOUN "
        "with/prep/3/with/ADP Peru/pobj/4/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     3, False),
    # Chile is Peru's main oil supplier.
    ("names_energy",
        "Chile/nsubj/1/Chile/PROPN/=CHL is/ROOT/1/be/AUX/#VBZ Peru/poss/6/Peru/PROPN/=PER/_ "
        "'s/case/2/'s/PART main/amod/6/main/ADJ oil/compound/6/oil/NOUN supplier/attr/1/supplier/NOUN/_ "
        "./punct/1/./PUNCT",
     6, True),
    # Chile is Peru's main arms supplier.
    ("names_energy",
        "Chile/nsubj/1/Chile/PROPN/=CHL is/ROOT/1/be/AUX/#VBZ Peru/poss/6/Peru/PROPN/=PER/_ "
        "'s/case/2/'s/PART main/amod/6/main/ADJ arms/compound/6/arm/NOUN/#NNS "
        "supplier/attr/1/supplier/NOUN/_ ./punct/1/./PUNCT",
     6, False),
    # Chile is Peru's main arms supplier.
    ("names_arms",
        "Chile/nsubj/1/Chile/PROPN/=CHL is/ROOT/1/be/AUX/#VBZ Peru/poss/6/Peru/PROPN/=PER/_ "
        "'s/case/2/'s/PART main/amod/6/main/ADJ arms/compound/6/arm/NOUN/#NNS "
        "supplier/attr/1/supplier/NOUN/_ ./punct/1/./PUNCT",
     6, True),
    # Chile is Peru's main oil supplier.
    ("names_arms",
        "Chile/nsubj/1/Chile/PROPN/=CHL is/ROOT/1/be/AUX/#VBZ Peru/poss/6/Peru/PROPN/=PER/_ "
        "'s/case/2/'s/PART main/amod/6/main/ADJ oil/compound/6/oil/NOUN supplier/attr/1/supplier/NOUN/_ "
        "./punct/1/./PUNCT",
     6, False),
    # Chilean gas supplies to Peru rose.
    ("energy_modifier",
        "Chilean/amod/2/chilean/ADJ/@NORP/=CHL gas/compound/2/gas/NOUN supplies/nsubj/5/supply/NOUN/#NNS "
        "to/prep/2/to/ADP Peru/pobj/3/Peru/PROPN/=PER rose/ROOT/5/rise/VERB/#VBD/_ ./punct/5/./PUNCT",
     2, True),
    # Chilean supplies to Peru rose.
    ("energy_modifier",
        "Chilean/amod/1/chilean/ADJ/@NORP/=CHL supplies/nsubj/4/supply/NOUN/#NNS to/prep/1/to/ADP "
        "Peru/pobj/2/Peru/PROPN/=PER rose/ROOT/4/rise/VERB/#VBD/_ ./punct/4/./PUNCT",
     1, False),
    # Chile covers Peru's gas needs.
    ("energy_needed",
        "Chile/nsubj/1/Chile/PROPN/=CHL covers/ROOT/1/cover/VERB/#VBZ Peru/poss/5/Peru/PROPN/=PER/_ "
        "'s/case/2/'s/PART gas/compound/5/gas/NOUN needs/dobj/1/need/NOUN/#NNS/_ ./punct/1/./PUNCT",
     4, True),
    # Chile sells gas to Peru.
    ("energy_needed",
        "Chile/nsubj/1/Chile/PROPN/=CHL sells/ROOT/1/sell/VERB/#VBZ gas/dobj/1/gas/NOUN to/prep/1/to/ADP "
        "Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     2, False),
    # Chile sells gas to Peru.
    ("object_names_energy",
        "Chile/nsubj/1/Chile/PROPN/=CHL sells/ROOT/1/sell/VERB/#VBZ gas/dobj/1/gas/NOUN to/prep/1/to/ADP "
        "Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, True),
    # Chile sells jets to Peru.
    ("object_names_energy",
        "Chile/nsubj/1/Chile/PROPN/=CHL sells/ROOT/1/sell/VERB/#VBZ jets/dobj/1/jet/NOUN/#NNS "
        "to/prep/1/to/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, False),
    # Chile sells jets to Peru.
    ("object_names_arms",
        "Chile/nsubj/1/Chile/PROPN/=CHL sells/ROOT/1/sell/VERB/#VBZ jets/dobj/1/jet/NOUN/#NNS "
        "to/prep/1/to/ADP Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, True),
    # Chile sells gas to Peru.
    ("object_names_arms",
        "Chile/nsubj/1/Chile/PROPN/=CHL sells/ROOT/1/sell/VERB/#VBZ gas/dobj/1/gas/NOUN to/prep/1/to/ADP "
        "Peru/pobj/3/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, False),
    # Chile provided $20 million to help refugees in Peru.
    ("funds_aid",
        "Chile/nsubj/1/Chile/PROPN/=CHL provided/ROOT/1/provide/VERB/#VBD $/quantmod/4/$/SYM/@MONEY/_ "
        "20/compound/4/20/NUM/@MONEY million/dobj/1/million/NUM/@MONEY to/aux/6/to/PART/#TO "
        "help/advcl/1/help/VERB/#VB refugees/dobj/6/refugee/NOUN/#NNS in/prep/6/in/ADP "
        "Peru/pobj/8/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, True),
    # Chile provided $20 million for a stadium in Peru.
    ("funds_aid",
        "Chile/nsubj/1/Chile/PROPN/=CHL provided/ROOT/1/provide/VERB/#VBD $/quantmod/4/$/SYM/@MONEY/_ "
        "20/compound/4/20/NUM/@MONEY million/dobj/1/million/NUM/@MONEY for/prep/1/for/ADP a/det/7/a/DET "
        "stadium/pobj/5/stadium/NOUN in/prep/7/in/ADP Peru/pobj/8/Peru/PROPN/=PER/_ ./punct/1/./PUNCT",
     1, False),
    # Chile added Peruvian firms to its entity list.
    ("adds_to_a_blacklist",
        "Chile/nsubj/1/Chile/PROPN/=CHL added/ROOT/1/add/VERB/#VBD Peruvian/amod/3/peruvian/ADJ/@NORP "
        "firms/dobj/1/firm/NOUN/#NNS to/prep/1/to/ADP its/poss/7/its/PRON entity/compound/7/entity/NOUN "
        "list/pobj/4/list/NOUN/_ ./punct/1/./PUNCT",
     1, True),
    # Chile added Peruvian firms to its list of partners.
    ("adds_to_a_blacklist",
        "Chile/nsubj/1/Chile/PROPN/=CHL added/ROOT/1/add/VERB/#VBD Peruvian/amod/3/peruvian/ADJ/@NORP "
        "firms/dobj/1/firm/NOUN/#NNS to/prep/1/to/ADP its/poss/6/its/PRON list/pobj/4/list/NOUN "
        "of/prep/6/of/ADP partners/pobj/7/partner/NOUN/#NNS/_ ./punct/1/./PUNCT",
     1, False),
    # Chile removed Peru from its terrorism list.
    ("removes_from_a_blacklist",
        "Chile/nsubj/1/Chile/PROPN/=CHL removed/ROOT/1/remove/VERB/#VBD Peru/dobj/1/Peru/PROPN/=PER "
        "from/prep/1/from/ADP its/poss/6/its/PRON terrorism/compound/6/terrorism/NOUN "
        "list/pobj/3/list/NOUN/_ ./punct/1/./PUNCT",
     1, True),
    # Chile removed Peru from its list of partners.
    ("removes_from_a_blacklist",
        "Chile/nsubj/1/Chile/PROPN/=CHL removed/ROOT/1/remove/VERB/#VBD Peru/dobj/1/Peru/PROPN/=PER "
        "from/prep/1/from/ADP its/poss/5/its/PRON list/pobj/3/list/NOUN of/prep/5/of/ADP "
        "partners/pobj/6/partner/NOUN/#NNS/_ ./punct/1/./PUNCT",
     1, False),
    # Chile's oil supply comes from Bolivia.
    ("owned_supply",
        "Chile/poss/3/Chile/PROPN/=CHL/_ 's/case/0/'s/PART oil/compound/3/oil/NOUN "
        "supply/nsubj/4/supply/NOUN comes/ROOT/4/come/VERB/#VBZ from/prep/4/from/ADP "
        "Bolivia/pobj/5/Bolivia/PROPN/=BOL/_ ./punct/4/./PUNCT",
     3, True),
    # Chile's oil supply to Peru rose.
    ("owned_supply",
        "Chile/poss/3/Chile/PROPN/=CHL/_ 's/case/0/'s/PART oil/compound/3/oil/NOUN "
        "supply/nsubj/6/supply/NOUN to/prep/3/to/ADP Peru/pobj/4/Peru/PROPN/=PER "
        "rose/ROOT/6/rise/VERB/#VBD/_ ./punct/6/./PUNCT",
     3, False),
    # The tariff is an attack on Peru.
    ("another_act_called_an_attack",
        "The/det/1/the/DET tariff/nsubj/2/tariff/NOUN is/ROOT/2/be/AUX/#VBZ an/det/4/an/DET "
        "attack/attr/2/attack/NOUN on/prep/4/on/ADP Peru/pobj/5/Peru/PROPN/=PER/_ ./punct/2/./PUNCT",
     4, True),
    # The strike was an attack on Peru.
    ("another_act_called_an_attack",
        "The/det/1/the/DET strike/nsubj/2/strike/NOUN was/ROOT/2/be/AUX/#VBD an/det/4/an/DET "
        "attack/attr/2/attack/NOUN on/prep/4/on/ADP Peru/pobj/5/Peru/PROPN/=PER/_ ./punct/2/./PUNCT",
     4, False),
]



def _named(name: str):
    return getattr(vetoes, name, None) or getattr(trigger_table, name)


@pytest.mark.parametrize(("name", "spec", "index", "expected"), VETOES)
def test_trigger_table_veto_on_hand_built_parse(name, spec, index, expected):
    doc, _ = parse(spec)
    assert bool(_named(name)(doc[index])) is expected, f"{name}({doc[index].text!r}) in {doc.text!r}"


def _table_tests() -> set[str]:
    """Every named test the trigger table uses: conditions, vetoes, direction tests, claim vetoes."""
    used = set(TABLE.word_vetoes) | {t for tests in TABLE.claim_vetoes.values() for t in tests}
    for row in TABLE.rows:
        used |= set(row.when) | set(row.unless) | ({row.reverse} if callable(row.reverse) else set())
    return {t.__name__ for t in used}


def test_trigger_table_vetoes_each_have_a_case_either_way():
    cases = {(name, expected) for name, _, _, expected in VETOES}
    missing = sorted(f"{name} ({outcome})" for name in _table_tests() for outcome in (True, False)
                     if (name, outcome) not in cases)
    assert not missing, "add a hand-built case for: " + ", ".join(missing)
