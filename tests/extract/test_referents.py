"""Document-level referents of "we", "our", "you" (kgraph.extract.referents.py).

Rule logic on hand-built Docs (no model); then per-relation recall on invented articles
with the real model: a government's release, remarks with a byline, a transcript after
bilateral talks, a joint statement. Every sentence was written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgraph.extract import extract_article
from kgraph.extract.referents import Referents, is_joint_statement, publisher_of
from kgraph.extract.speakers import SpeakerMap
from kgraph.gazetteer import load_gazetteer
from kgraph.model import Article, Entity, Mention

from .claim_helpers import between

AUS = Entity(type="Country", id="AUS", name="Australia")
PER = Entity(type="Country", id="PER", name="Peru")


# -- the publisher, from the source line ---------------------------------------------------

@pytest.mark.parametrize("source,expected", [
    ("https://www.pm.gov.au/media/visit (Prime Minister of Australia, media release)", "AUS"),
    ("https://www.mofa.go.jp/press/release/x.html (Ministry of Foreign Affairs of Japan)", "JPN"),
    ("https://home.treasury.gov/news/press-releases/x", "USA"),
    ("https://www.gov.uk/government/news/x (GOV.UK press release)", "GBR"),
    ("http://en.kremlin.ru/events/president/news/1", "RUS"),
    ("https://mirror.example.com/x (mirror of a Prime Minister of Australia media release)", "AUS"),
    ("https://mirror.example.com/x (reprint of a Government of the Russian Federation news item)", "RUS"),
    ("https://mirror.example.com/x (copy of a Ministry of Foreign Affairs and Trade of New Zealand release)", "NZL"),
    ("https://mirror.example.com/x (copy of a U.S. Department of State readout)", "USA"),
    ("https://mirror.example.com/x (mirror of a European Commission press release)", "EU"),
    ("https://mirror.example.com/x (mirror of a GOV.UK press release, Foreign Office)", "GBR"),
])
def test_publisher_of_reads_the_government_of_a_source_line(source, expected):
    publisher = publisher_of(source, load_gazetteer())
    assert publisher is not None and publisher.id == expected


@pytest.mark.parametrize("source", [
    None, "", "Wikinews; CC BY 2.5", "https://www.reuters.com/world/x (Reuters)",
    "Wikipedia Portal:Current events", "https://news.example.org/x (The Daily Example, by Jane Roe)",
])
def test_publisher_of_a_newspaper_or_wire_is_none(source):
    assert publisher_of(source, load_gazetteer()) is None


def test_is_joint_statement_reads_title_source_and_headline():
    assert is_joint_statement(None, "Joint Statement on the Falepili Union between Tuvalu and Australia")
    assert is_joint_statement("JOINT LEADERS' STATEMENT: A NEW CHAPTER")
    assert not is_joint_statement("Remarks at a joint press availability", None)


# -- "we" and "you" on hand-built Docs ------------------------------------------------------

def _referents(words: list[str], *, publisher=None, byline=None, joint=False, mentions=None) -> tuple[Doc, Referents]:
    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * (len(words) - 1))
    speakers = SpeakerMap(doc, mentions or {})
    return doc, Referents(doc, speakers, lambda e: e if e.type == "Country" else None, (AUS, PER),
                          publisher=publisher, byline=byline, joint=joint)


def test_refer_we_in_a_release_is_the_publisher():
    doc, referents = _referents(["We", "signed", "a", "deal", "."], publisher=AUS)
    assert [(r.entity.id, r.resolution) for r in referents.refer(doc[0])] == [("AUS", "publisher")]


def test_refer_we_without_a_publisher_is_no_one():
    doc, referents = _referents(["We", "signed", "a", "deal", "."])
    assert referents.refer(doc[0]) == []


def test_refer_we_in_a_quotation_of_no_known_speaker_is_no_one():
    doc, referents = _referents(['"', "We", "signed", "a", "deal", '"', ",", "he", "said", "."], publisher=AUS)
    assert referents.refer(doc[1]) == []


def test_refer_we_in_a_joint_statement_is_both_parties():
    doc, referents = _referents(["We", "signed", "a", "deal", "."], publisher=AUS, joint=True)
    assert [(r.entity.id, r.resolution) for r in referents.refer(doc[0])] == [("AUS", "joint"), ("PER", "joint")]


def test_refer_we_and_you_in_remarks_with_a_byline():
    doc, referents = _referents(["We", "welcome", "your", "visit", "."], byline=Entity(
        type="Person", id="jane-roe", name="Jane Roe", role="minister"), publisher=AUS)
    assert [(r.entity.id, r.resolution) for r in referents.refer(doc[0])] == [("AUS", "byline")]
    assert [(r.entity.id, r.resolution) for r in referents.refer(doc[2])] == [("PER", "addressee")]


def test_refer_i_in_a_release_without_a_speaker_is_no_one():
    doc, referents = _referents(["I", "signed", "a", "deal", "."], publisher=AUS)
    assert referents.refer(doc[0]) == []


def test_refer_we_in_a_transcript_turn_is_the_speakers_country():
    words = ["Jane", "Roe", ":", "We", "signed", "a", "deal", "."]
    doc = Doc(Vocab(), words=words, spaces=[True, False, True, True, True, True, False, False],
              sent_starts=[True] + [False] * (len(words) - 1))
    roe = Entity(type="Leader", id="roe", name="Jane Roe", country="PER", role="president")
    mention = Mention("Jane Roe", 0, 8, roe, "table", "leader")
    speakers = SpeakerMap(doc, {0: mention, 1: mention})
    referents = Referents(doc, speakers, lambda e: PER if e.country == "PER" else e, (AUS, PER), publisher=AUS)
    assert [(r.entity.id, r.resolution) for r in referents.refer(doc[3])] == [("PER", "speaker")]
    inclusive = referents.inclusive(referents.refer(doc[3])[0])
    assert inclusive is not None and (inclusive.entity.id, inclusive.resolution) == ("AUS", "inclusive")


# -- per relation, with the real model -------------------------------------------------------

RELEASE = "https://www.pm.gov.au/media/x (Prime Minister of Australia, media release)"


def _claims(nlp, text: str, source: str | None = RELEASE, title: str | None = None):
    article = Article(id="t", text=text, date=dt.date(2024, 6, 15), source=source, title=title)
    return extract_article(article, nlp).claims


def _asserted(claims, relation, a, b):
    return [c for c in between(claims, relation, a, b) if c.modality == "asserted"]


@pytest.mark.model
@pytest.mark.parametrize("relation,text,other", [
    ("agreement", "Prime Minister visits Peru\n\nWe have reached an agreement with Peru on fisheries.", "PER"),
    ("dispute", "Prime Minister visits Peru\n\nWe raised our long-running dispute with Peru over fishing quotas.",
     "PER"),
    ("trade_partner", "Minister visits Peru\n\nPeru and Australia met in Lima. We are expanding our close trade "
                      "ties with Peru.", "PER"),
])
def test_extract_we_in_a_government_release_is_the_government(nlp, relation, text, other):
    claims = _claims(nlp, text)
    found = _asserted(claims, relation, "AUS", other)
    assert found, claims
    assert "publisher" in (found[0].resolution or "")


@pytest.mark.model
def test_extract_we_in_a_newspaper_is_no_party(nlp):
    claims = _claims(nlp, "We have reached an agreement with Peru on fisheries.",
                     source="https://news.example.org/x (The Daily Example)")
    assert not between(claims, "agreement", "AUS", "PER")


TRANSCRIPT = ("Statements after Australian-Peruvian talks\n\n"
              "Prime Minister of Australia Anthony Albanese: Mr President, welcome to Canberra. "
              "Peru and Australia are old friends.\n\n"
              "{sentence}\n\n"
              "President of Peru Dina Boluarte: Thank you. Australia is a great friend of Peru.")


@pytest.mark.model
@pytest.mark.parametrize("relation,sentence", [
    ("agreement", "Today we signed three agreements on mining and education."),
    ("meeting", "We met this morning and talked for two hours."),
])
def test_extract_inclusive_we_after_bilateral_talks(nlp, relation, sentence):
    claims = _claims(nlp, TRANSCRIPT.format(sentence=sentence), source=None)
    found = [c for c in _asserted(claims, relation, "AUS", "PER") if sentence in c.evidence.text]
    assert found and "inclusive" in (found[0].resolution or ""), claims


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "We signed the Paris Agreement years ago.",  # a named treaty has parties of its own
    "We will meet with mining companies tomorrow.",  # the other side is named, and is no state
    "Any deal we sign must be good for workers.",  # a kind of deal, none signed
])
def test_extract_we_is_not_inclusive_when_the_text_names_the_other_side(nlp, sentence):
    claims = _claims(nlp, TRANSCRIPT.format(sentence=sentence), source=None)
    evidence = [c for c in claims if sentence[:20] in c.evidence.text and c.modality == "asserted"
                and c.relation in ("agreement", "meeting")]
    assert not evidence, evidence


@pytest.mark.model
def test_extract_you_in_remarks_is_the_addressee(nlp):
    text = ("Remarks by Minister Jane Roe at a bilateral meeting with Peru\n\n"
            "Minister, thank you for hosting me in Lima. I am pleased to visit you and Peru again.")
    claims = _claims(nlp, text, source="https://www.dfat.gov.au/news/x (remarks by Minister Jane Roe)")
    found = _asserted(claims, "meeting", "AUS", "PER")
    assert found, claims


@pytest.mark.model
def test_extract_claims_carry_no_resolution_when_the_sentence_names_both(nlp):
    claims = _claims(nlp, "Australia signed a fisheries agreement with Peru.")
    found = _asserted(claims, "agreement", "AUS", "PER")
    assert found and found[0].resolution is None


@pytest.mark.model
def test_extract_talks_with_a_country_in_a_release_are_the_publishers(nlp):
    text = "Trade update\n\nConsultations with the Peruvian government have intensified in recent weeks."
    found = _asserted(_claims(nlp, text), "meeting", "AUS", "PER")
    assert found and found[0].resolution == "publisher"
    assert not _asserted(_claims(nlp, text, source="https://news.example.org/x (The Daily Example)"),
                         "meeting", "AUS", "PER")


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "It is a pleasure to be back in Canberra.",
    "I am glad to be here in Australia again.",
])
def test_extract_a_visitor_present_in_the_hosts_country_met_it(nlp, sentence):
    text = f"Remarks by Minister Jane Roe of Peru\n\nThank you, Prime Minister. {sentence}"
    claims = _claims(nlp, text, source="https://www.gob.pe/x (remarks by Minister Jane Roe)")
    found = [c for c in _asserted(claims, "meeting", "PER", "AUS") if sentence in c.evidence.text]
    assert found, claims


@pytest.mark.model
def test_extract_you_are_here_in_our_country_is_the_addressees_visit(nlp):
    claims = _claims(nlp, TRANSCRIPT.format(sentence="You are here in Australia for the third time."), source=None)
    assert [c for c in _asserted(claims, "meeting", "PER", "AUS") if "You are here" in c.evidence.text], claims
