"""Multilateral events whose participants come after them (kgraph/extract/events.py), and
counted groups the next sentence lists (referents.Referents.listed_group).

Rule logic on hand-built parses (tests/extract/parses.py specs); recall per pattern on
invented articles with the real model. Every sentence was written for these tests.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from kgraph.extract import extract_article
from kgraph.extract.participation import participation_verb
from kgraph.model import Article

from .claim_helpers import between
from .parses import parse

# -- which sentence says who took part (hand-built parses) ----------------------------------

PARTICIPATION = [
    # It was chaired by Chile.
    ("It/nsubjpass/2/it/PRON was/auxpass/2/be/AUX chaired/ROOT/2/chair/VERB/#VBN by/agent/2/by/ADP "
     "Chile/pobj/3/Chile/PROPN/=CHL/_ ./punct/2/./PUNCT", "chaired"),
    # Peru was represented by its president.
    ("Peru/nsubjpass/2/Peru/PROPN/=PER was/auxpass/2/be/AUX represented/ROOT/2/represent/VERB/#VBN "
     "by/agent/2/by/ADP its/poss/5/its/PRON president/pobj/3/president/NOUN/_ ./punct/2/./PUNCT", "represented"),
    # Chile and Peru took part.
    ("Chile/nsubj/3/Chile/PROPN/=CHL and/cc/0/and/CCONJ Peru/conj/0/Peru/PROPN/=PER took/ROOT/3/take/VERB/#VBD "
     "part/dobj/3/part/NOUN/_ ./punct/3/./PUNCT", "took"),
]
NOT_PARTICIPATION = [
    # Peru did not attend.
    "Peru/nsubj/3/Peru/PROPN/=PER did/aux/3/do/AUX not/neg/3/not/PART attend/ROOT/3/attend/VERB/#VB/_ "
    "./punct/3/./PUNCT",
    # Chile took steps.
    "Chile/nsubj/1/Chile/PROPN/=CHL took/ROOT/1/take/VERB/#VBD steps/dobj/1/step/NOUN/#NNS/_ ./punct/1/./PUNCT",
    # Chile signed a deal.
    "Chile/nsubj/1/Chile/PROPN/=CHL signed/ROOT/1/sign/VERB/#VBD a/det/3/a/DET deal/dobj/1/deal/NOUN/_ "
    "./punct/1/./PUNCT",
]


@pytest.mark.parametrize("spec,verb", PARTICIPATION)
def test_participation_verb_says_who_took_part(spec, verb):
    doc, _ = parse(spec)
    found = participation_verb(doc[:])
    assert found is not None and found.text == verb


@pytest.mark.parametrize("spec", NOT_PARTICIPATION)
def test_participation_verb_none_for_a_denied_part_or_another_act(spec):
    doc, _ = parse(spec)
    assert participation_verb(doc[:]) is None


# -- per pattern, with the real model ---------------------------------------------------------

def _claims(nlp, text: str):
    return extract_article(Article(id="t", text=text, date=dt.date(2024, 6, 15)), nlp).claims


def _met(claims, a, b):
    return [c for c in between(claims, "meeting", a, b) if c.modality == "asserted"]


SUMMIT = ("On 3 June, the first Andean Summit was held in Cusco. It was chaired by the President of Peru. "
          "Chile was represented by its foreign minister, and Bolivia and Ecuador were represented by their "
          "presidents.\n\nThe leaders discussed water and trade.")


@pytest.mark.model
def test_extract_event_meeting_for_each_pair_of_participants_named_after_it(nlp):
    claims = _claims(nlp, SUMMIT)
    for a, b in itertools.combinations(("PER", "CHL", "BOL", "ECU"), 2):
        found = _met(claims, a, b)
        assert found, (a, b, [(c.subject.id, c.object.id, c.rule) for c in claims])
        assert found[0].resolution == "event" and "Andean Summit" in found[0].evidence.text


@pytest.mark.model
def test_extract_event_venue_is_no_participant(nlp):
    claims = _claims(nlp, "A summit on water was held last week. It was attended by Chile and Peru in Lima, "
                          "Peru, and by Bolivia.")
    assert _met(claims, "CHL", "BOL") and _met(claims, "PER", "BOL")


@pytest.mark.model
def test_extract_event_stops_at_a_sentence_that_is_no_participation(nlp):
    claims = _claims(nlp, "A summit on water was held in Lima. It was chaired by Chile. Peru later imposed "
                          "tariffs on Bolivia.")
    assert not _met(claims, "CHL", "BOL") and not _met(claims, "PER", "BOL")


@pytest.mark.model
def test_extract_event_a_denied_part_ends_the_participants(nlp):
    claims = _claims(nlp, "A summit on water was held in Lima. Bolivia did not attend. It was chaired by Chile "
                          "and Peru.")
    assert not _met(claims, "CHL", "BOL")


@pytest.mark.model
def test_extract_counted_group_listed_in_the_next_sentence(nlp):
    claims = _claims(nlp, "Last May, envoys from Chile and three other countries met to discuss a fishing pact. "
                          "The three were Peru, Ecuador and Colombia.")
    for a, b in itertools.combinations(("CHL", "PER", "ECU", "COL"), 2):
        found = _met(claims, a, b)
        assert found, (a, b, [(c.subject.id, c.object.id) for c in claims])
        assert found[0].resolution == "group"


@pytest.mark.model
def test_extract_counted_group_not_resolved_when_the_count_differs(nlp):
    claims = _claims(nlp, "Last May, envoys from Chile and three other countries met to discuss a fishing pact. "
                          "The three were Peru and Ecuador.")
    assert not _met(claims, "PER", "ECU")


# -- group nouns after an event: its participants ---------------------------------------------

@pytest.mark.model
def test_extract_regional_group_after_an_event_is_its_participants_from_that_region(nlp):
    claims = _claims(nlp, SUMMIT.replace("The leaders discussed water and trade.",
                                         "Spain and the South American leaders agreed to elevate relations by "
                                         "establishing a strategic partnership."))
    for member in ("PER", "CHL", "BOL", "ECU"):
        found = [c for c in between(claims, "strategic_partner", "ESP", member) if c.modality == "asserted"]
        assert found and "group" in (found[0].resolution or ""), member
    # the group is one side: its members are not made partners of one another
    assert not between(claims, "strategic_partner", "PER", "CHL")


@pytest.mark.model
def test_extract_regional_group_without_an_event_is_no_one(nlp):
    claims = _claims(nlp, "Chile and Peru reject the plan. Spain and the South American leaders agreed to "
                          "elevate relations by establishing a strategic partnership.")
    assert not between(claims, "strategic_partner", "ESP", "CHL")


@pytest.mark.model
@pytest.mark.parametrize("text,modality", [
    ("Chile and Peru agreed to upgrade their relations to a strategic partnership.", "asserted"),
    ("Chile and Peru decided to establish a comprehensive partnership.", "asserted"),
    ("Chile and Peru plan to upgrade their relations to a strategic partnership.", "future"),
    ("Chile and Peru will agree to upgrade their relations to a strategic partnership.", "future"),
])
def test_extract_an_elevation_agreed_is_the_partnership(nlp, text, modality):
    claims = between(_claims(nlp, text), "strategic_partner", "CHL", "PER")
    assert claims and claims[0].modality == modality, claims
