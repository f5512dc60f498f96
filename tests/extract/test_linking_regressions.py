"""Linking cases found while reading claims over the news corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from kgraph.extract import extract_article
from kgraph.model import Article

pytestmark = pytest.mark.model


def _mentions(nlp, text):
    return extract_article(Article("t", text, dt.date(2024, 6, 15)), nlp).mentions


@pytest.mark.parametrize("text, expected", [
    ("President Emmanuel Macron visited Berlin.", "FRA"),
    ("Emmanuel Macron met the chancellor.", "FRA"),
])
def test_find_mentions_shared_office_yields_to_the_main_one(nlp, text, expected):
    """France's president is also co-prince of Andorra; news about him means France."""
    person = next(m for m in _mentions(nlp, text) if m.entity.type in ("Leader", "Person"))
    assert person.entity.country == expected


@pytest.mark.parametrize("text, city, country", [
    ("An airstrike hit Tripoli, Lebanon, on Monday.", "Tripoli", "LBN"),
    ("Protesters gathered in Tripoli, Lebanon.", "Tripoli", "LBN"),
])
def test_find_mentions_city_followed_by_its_country(nlp, text, city, country):
    codes = {m.entity.id for m in _mentions(nlp, text)}
    assert country in codes and "LBY" not in codes


def test_find_mentions_list_of_capitals_kept(nlp):
    codes = {m.entity.id for m in _mentions(nlp, "Envoys flew to Moscow, Beijing and Tokyo.")}
    assert {"RUS", "CHN", "JPN"} <= codes


def test_kgraph_extract_is_callable_after_the_package_is_imported():
    import kgraph
    import kgraph.extract.claims  # noqa: F401  binds kgraph.extract to the package

    claims = kgraph.extract("Japan is the largest investor in Vietnam.", date="2024-01-01")
    assert any(c.relation == "investor" and c.subject.id == "JPN" and c.object.id == "VNM" for c in claims)


def test_find_mentions_bare_conventional_title(nlp):
    [official] = [m for m in _mentions(nlp, "Foreign Secretary warns Tehran over threats.") if m.function == "official"]
    assert official.entity.country == "GBR" and official.resolution == "role"


def test_find_mentions_the_country_is_the_last_state_named(nlp):
    found = [m for m in _mentions(nlp, "Flights to Cuba stopped after the country's fuel supply ran out.")
             if m.resolution == "anaphora"]
    assert [m.entity.id for m in found] == ["CUB"]


@pytest.mark.parametrize("text, linked", [
    ("President Joe Biden spoke today. He said his country will help.", True),
    ("President Joe Biden met Olaf Scholz. He said the talks went well.", False),
])
def test_find_mentions_pronoun_only_when_one_person_is_named(nlp, text, linked):
    pronouns = [m for m in _mentions(nlp, text) if m.resolution == "pronoun"]
    assert bool(pronouns) == linked


@pytest.mark.parametrize("text, relation, modality", [
    ('The minister called the blockade of the port a "declaration of war" against Qatar.', "conflict", "hedged"),
    ("Chile and Peru signed a treaty to foster trade between the two countries.", "trade_partner", "future"),
    ("The senator called for an arms embargo against Myanmar.", "sanction", "hedged"),
])
def test_extract_claims_labels_aims_and_demands_are_not_facts(nlp, text, relation, modality):
    claims = [c for c in extract_article(Article("t", text, dt.date(2024, 6, 15)), nlp).claims
              if c.relation == relation]
    assert all(c.modality != "asserted" for c in claims)


def test_extract_claims_place_modifiers_are_not_parties(nlp):
    text = "The agency distributed food aid to refugees at the Chad-Sudan border."
    claims = extract_article(Article("t", text, dt.date(2024, 6, 15)), nlp).claims
    assert not [c for c in claims if c.relation == "aid_donor" and c.object.id in ("TCD", "SDN")]


def test_extract_claims_visit_of_a_president_is_a_meeting(nlp):
    text = "The talks took place during the official visit of the President of Ghana to Kenya."
    claims = extract_article(Article("t", text, dt.date(2024, 6, 15)), nlp).claims
    assert any(c.relation == "meeting" and {c.subject.id, c.object.id} == {"GHA", "KEN"} for c in claims)


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_find_mentions_peoples_republic_with_any_apostrophe_is_china(nlp, apostrophe):
    """A curly apostrophe must not leave "Republic of China" (Taiwan's official name) to match."""
    text = f"The official visit to Russia by President of the People{apostrophe}s Republic of China Xi Jinping."
    found = [m for m in _mentions(nlp, text) if m.entity.type == "Country"]
    assert [(m.entity.id, m.text) for m in found] == [
        ("RUS", "Russia"), ("CHN", f"People{apostrophe}s Republic of China")]
    assert all(text[m.start:m.end] == m.text for m in found)


@pytest.mark.parametrize("text, date, pair", [
    ("Brazil and China agreed. Later, Lula met Xi in Beijing.", "2024-06-01", {"BRA", "CHN"}),
    ("Modi met Albanese in Sydney to discuss India's trade with Australia.", "2023-05-24", {"IND", "AUS"}),
])
def test_extract_claims_leaders_named_without_title_are_parties(nlp, text, date, pair):
    claims = extract_article(Article("t", text, dt.date.fromisoformat(date)), nlp).claims
    assert any(c.relation == "meeting" and {c.subject.id, c.object.id} == pair for c in claims)


@pytest.mark.parametrize("text", [
    "The Prime Minister sent a message to Hon. Rear Admiral Josaia Voreqe Bainimarama, Prime Minister of Fiji.",
    "With this aid, Japan extends app. 52.1 million USD in total for the Philippine typhoon disaster.",
    "He met Gen. Mark Milley and Sen. Lindsey Graham in Washington.",
])
def test_pipeline_no_sentence_break_after_a_title_abbreviation(nlp, text):
    assert len(list(nlp(text).sents)) == 1


def test_line_breaks_component_keeps_a_sentence_going_after_an_abbreviation():
    import spacy

    from kgraph.extract.pipeline import line_breaks_component

    doc = line_breaks_component(spacy.blank("en")("Messages went to Hon. Rear Admiral Smith.\nNew line"))
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Rear"] is False and starts["New"] is True


def test_find_mentions_defined_acronym_of_a_states_forces(nlp):
    text = ("Sanctions were imposed on the Rwanda Defence Force (RDF) today. "
            "The RDF is fighting alongside the rebels.")
    found = [m for m in _mentions(nlp, text) if m.text == "RDF"]
    assert [m.entity.id for m in found] == ["RWA", "RWA"]
