"""The implications table (kgraph/extract/implications.py): each row's test on hand-built
parses, true and false, and the claims a row adds. No model is loaded."""

from __future__ import annotations

import pytest

from kgraph.extract.implications import IMPLICATIONS, implied_claims
from kgraph.extract.triggers import Kind, Trigger
from kgraph.model import Claim, Entity, Evidence
from kgraph.relations import Relation

from .parses import parse

# (test name, spec, trigger token index, expected)
CASES = [
    # The Cabinet of Peru approves a defence treaty with Chile. -- one side's consent: not yet in operation
    ("defence_pact_in_operation",
     "The/det/1/the/DET Cabinet/nsubj/4/Cabinet/PROPN of/prep/1/of/ADP Peru/pobj/2/Peru/PROPN/=PER "
     "approves/ROOT/4/approve/VERB/#VBZ a/det/7/a/DET defence/compound/7/defence/NOUN treaty/dobj/4/treaty/NOUN "
     "with/prep/7/with/ADP Chile/pobj/8/Chile/PROPN/=CHL/_ ./punct/4/./PUNCT", 7, False),
    # Chile and Peru confirm agreement on a defence treaty. -- the treaty agreed on is still to come
    ("defence_pact_in_operation",
     "Chile/nsubj/3/Chile/PROPN/=CHL and/cc/0/and/CCONJ Peru/conj/0/Peru/PROPN/=PER confirm/ROOT/3/confirm/VERB "
     "agreement/dobj/3/agreement/NOUN on/prep/4/on/ADP a/det/8/a/DET defence/compound/8/defence/NOUN "
     "treaty/pobj/5/treaty/NOUN/_ ./punct/3/./PUNCT", 8, False),
    # Chile and Peru signed a defence pact.
    ("defence_pact_in_operation",
     "Chile/nsubj/3/Chile/PROPN/=CHL and/cc/0/and/CCONJ Peru/conj/0/Peru/PROPN/=PER signed/ROOT/3/sign/VERB/#VBD "
     "a/det/6/a/DET defence/compound/6/defence/NOUN pact/dobj/3/pact/NOUN/_ ./punct/3/./PUNCT", 6, True),
    # Chile and Peru signed a pact permitting troops to use ports.
    ("defence_pact_in_operation",
     "Chile/nsubj/3/Chile/PROPN/=CHL and/cc/0/and/CCONJ Peru/conj/0/Peru/PROPN/=PER signed/ROOT/3/sign/VERB/#VBD "
     "a/det/5/a/DET pact/dobj/3/pact/NOUN permitting/acl/5/permit/VERB/#VBG troops/dobj/6/troop/NOUN/#NNS "
     "to/aux/9/to/PART use/xcomp/6/use/VERB/#VB ports/dobj/9/port/NOUN/#NNS/_ ./punct/3/./PUNCT", 5, True),
    # Chile and Peru signed a pact that calls for the disarmament of armed groups.
    ("defence_pact_in_operation",
     "Chile/nsubj/3/Chile/PROPN/=CHL and/cc/0/and/CCONJ Peru/conj/0/Peru/PROPN/=PER signed/ROOT/3/sign/VERB/#VBD "
     "a/det/5/a/DET pact/dobj/3/pact/NOUN that/nsubj/7/that/PRON calls/relcl/5/call/VERB/#VBZ for/prep/7/for/ADP "
     "the/det/10/the/DET disarmament/pobj/8/disarmament/NOUN of/prep/10/of/ADP armed/amod/13/armed/ADJ "
     "groups/pobj/11/group/NOUN/#NNS/_ ./punct/3/./PUNCT", 5, False),
    # Chile signed the Treaty on Strategic Partnership.
    ("names_strategic_partnership",
     "Chile/nsubj/1/Chile/PROPN/=CHL signed/ROOT/1/sign/VERB/#VBD the/det/3/the/DET Treaty/dobj/1/treaty/PROPN "
     "on/prep/3/on/ADP Strategic/compound/6/strategic/PROPN Partnership/pobj/4/partnership/PROPN/_ "
     "./punct/1/./PUNCT", 3, True),
    # Chile signed a treaty on strategic cooperation and an alliance.
    ("names_strategic_partnership",
     "Chile/nsubj/1/Chile/PROPN/=CHL signed/ROOT/1/sign/VERB/#VBD a/det/3/a/DET treaty/dobj/1/treaty/NOUN "
     "on/prep/3/on/ADP strategic/amod/6/strategic/ADJ cooperation/pobj/4/cooperation/NOUN and/cc/6/and/CCONJ "
     "an/det/9/an/DET alliance/conj/6/alliance/NOUN/_ ./punct/1/./PUNCT", 3, False),
    # Chile formed a strategic alliance with Peru.
    ("strategic",
     "Chile/nsubj/1/Chile/PROPN/=CHL formed/ROOT/1/form/VERB/#VBD a/det/4/a/DET strategic/amod/4/strategic/ADJ "
     "alliance/dobj/1/alliance/NOUN with/prep/4/with/ADP Peru/pobj/5/Peru/PROPN/=PER/_ ./punct/1/./PUNCT", 4, True),
    # Chile formed an alliance with Peru.
    ("strategic",
     "Chile/nsubj/1/Chile/PROPN/=CHL formed/ROOT/1/form/VERB/#VBD an/det/3/an/DET alliance/dobj/1/alliance/NOUN "
     "with/prep/3/with/ADP Peru/pobj/4/Peru/PROPN/=PER/_ ./punct/1/./PUNCT", 3, False),
    # Chile and Peru sign in Lima a pact.
    ("signed_together",
     "Chile/nsubj/3/Chile/PROPN/=CHL and/cc/0/and/CCONJ Peru/conj/0/Peru/PROPN/=PER sign/ROOT/3/sign/VERB/#VBP "
     "in/prep/3/in/ADP Lima/pobj/4/Lima/PROPN/@GPE a/det/7/a/DET pact/dobj/3/pact/NOUN/_ ./punct/3/./PUNCT",
     3, True),
    # Chile signed a pact with minister Gomez.
    ("signed_together",
     "Chile/nsubj/1/Chile/PROPN/=CHL signed/ROOT/1/sign/VERB/#VBD a/det/3/a/DET pact/dobj/1/pact/NOUN "
     "with/prep/1/with/ADP minister/compound/6/minister/NOUN Gomez/pobj/4/Gomez/PROPN/@PERSON/_ ./punct/1/./PUNCT",
     1, True),
    # Chile, in the presence of Gomez, signed a pact.
    ("signed_in_presence",
     "Chile/nsubj/8/Chile/PROPN/=CHL/_ ,/punct/8/,/PUNCT in/prep/8/in/ADP the/det/4/the/DET presence/pobj/2/presence/NOUN "
     "of/prep/4/of/ADP Gomez/pobj/5/Gomez/PROPN/@PERSON/_ ,/punct/8/,/PUNCT signed/ROOT/8/sign/VERB/#VBD "
     "a/det/10/a/DET pact/dobj/8/pact/NOUN/_ ./punct/8/./PUNCT", 10, True),
    # Chile signed a pact in the capital.
    ("signed_in_presence",
     "Chile/nsubj/1/Chile/PROPN/=CHL signed/ROOT/1/sign/VERB/#VBD a/det/3/a/DET pact/dobj/1/pact/NOUN "
     "in/prep/1/in/ADP the/det/6/the/DET capital/pobj/4/capital/NOUN/_ ./punct/1/./PUNCT", 3, False),
    # Chile and Peru sign a pact.
    ("signed_together",
     "Chile/nsubj/3/Chile/PROPN/=CHL and/cc/0/and/CCONJ Peru/conj/0/Peru/PROPN/=PER sign/ROOT/3/sign/VERB/#VBP "
     "a/det/5/a/DET pact/dobj/3/pact/NOUN/_ ./punct/3/./PUNCT", 3, False),
]


@pytest.mark.parametrize("name,spec,index,expected", CASES)
def test_implication_test_on_hand_built_parse(name, spec, index, expected):
    doc, _ = parse(spec)
    test = next(row.when for row in IMPLICATIONS if row.when.__name__ == name)
    assert test(doc[index]) is expected


def test_implication_tests_each_have_a_case_either_way():
    cases = {(name, expected) for name, _, _, expected in CASES}
    missing = [f"{row.when.__name__} ({outcome})" for row in IMPLICATIONS for outcome in (True, False)
               if (row.when.__name__, outcome) not in cases]
    assert not missing, "add a hand-built case for: " + ", ".join(missing)


def test_implied_claims_copy_parties_evidence_and_modality_and_are_derived():
    doc, _ = parse(CASES[0][1])
    chile, peru = Entity("Country", "CHL", "Chile"), Entity("Country", "PER", "Peru")
    claim = Claim("d", "agreement", chile, peru, Evidence(doc.text, 0, len(doc.text)), "action-agreement",
                  modality="future")
    found = implied_claims([claim], Trigger(doc[6], Relation.AGREEMENT, Kind.ACTION))
    assert [(c.relation, c.subject.id, c.object.id, c.modality, c.derived) for c in found] == [
        ("military_cooperation", "CHL", "PER", "future", True)]
    assert found[0].rule == "action-agreement/implies-military_cooperation"
    assert implied_claims(found, Trigger(doc[6], Relation.AGREEMENT, Kind.ACTION)) == []  # (no chains)
