"""Mention finding end to end, on the real model's parses.

Two kinds of check: sentences written for the test that exercise the model's tokenisation,
tagging and NER together with the rules, and a quality check over the shared dev set: every
country or organization a gold fact's evidence sentence names must be found with its code.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from kgraph.extract.mentions import LEADER_ROLES, find_mentions
from kgraph.gazetteer import load_gazetteer
from kgraph.io import read_text_file
from kgraph.model import Mention

pytestmark = pytest.mark.model


def _mentions(nlp, text: str, date: str) -> list[Mention]:
    doc = nlp(text)
    return find_mentions(doc, date=dt.date.fromisoformat(date))


def _leaders(mentions: list[Mention]) -> set[tuple[str, str]]:
    return {(m.entity.name, m.entity.country) for m in mentions
            if m.entity.type == "Leader" and m.entity.role in LEADER_ROLES and m.entity.country
            and m.resolution in ("title", "title-of")}


LEADER_SENTENCES = [
    ("On Monday the minister met the president of Kenya, William Ruto, in Nairobi.", "2024-03-04",
     {("William Ruto", "KEN")}),
    ("Canada's Prime Minister, Justin Trudeau, said the talks went well.", "2019-03-04",
     {("Justin Trudeau", "CAN")}),
    ("JUSTIN TRUDEAU, PRIME MINISTER OF CANADA: Thank you all for coming.", "2019-03-04",
     {("Justin Trudeau", "CAN")}),
    ("The summit drew leaders from three countries: Cyril Ramaphosa of South Africa, William Ruto of Kenya "
     "and Bola Tinubu of Nigeria.", "2024-03-04",
     {("Cyril Ramaphosa", "ZAF"), ("William Ruto", "KEN"), ("Bola Tinubu", "NGA")}),
    ("Former British Prime Minister Theresa May spoke at the forum.", "2024-03-04", set()),
    ("Russian Foreign Minister Sergei Lavrov met Indian Prime Minister Narendra Modi in New Delhi.", "2024-03-04",
     {("Narendra Modi", "IND")}),
    ("Vice President Kamala Harris met French President Emmanuel Macron.", "2024-03-04",
     {("Emmanuel Macron", "FRA")}),
    ("South Korean President Moon Jae-in met them in Seoul.", "2021-06-01", {("Moon Jae-in", "KOR")}),
    ("British Columbia Premier David Eby met officials in New Mexico.", "2024-03-04", set()),
]


@pytest.mark.parametrize("text,date,expected", LEADER_SENTENCES)
def test_find_mentions_model_leader_of(nlp, text: str, date: str, expected: set) -> None:
    assert _leaders(_mentions(nlp, text, date)) == expected


COUNTRY_SENTENCES = [
    ("North and South Korea exchanged artillery fire on Thursday.", "2015-08-21", {"PRK", "KOR"}),
    ("The DPRK said it would respond.", "2015-08-21", {"PRK"}),
    ("Air Canada suspended its flights to Cuba.", "2026-02-09", {"CUB"}),
    ("Georgia and Armenia signed a transit deal in Tbilisi.", "2024-03-04", {"GEO", "ARM"}),
    ("Jordan and Egypt hosted the talks.", "2024-03-04", {"JOR", "EGY"}),
    ("Aid reached Chad and Niger last week.", "2024-03-04", {"TCD", "NER"}),
    ("Latin American leaders met in Brasilia.", "2024-03-04", {"BRA"}),
    ("British Columbia and New Mexico signed a deal with Mexico.", "2024-03-04", {"MEX"}),
]


@pytest.mark.parametrize("text,date,expected", COUNTRY_SENTENCES)
def test_find_mentions_model_countries(nlp, text: str, date: str, expected: set[str]) -> None:
    found = {m.entity.id for m in _mentions(nlp, text, date) if m.entity.type == "Country"}
    assert found == expected


def test_find_mentions_model_demonym_on_firms_is_not_the_state(nlp) -> None:
    found = {m.text: m.function for m in _mentions(nlp, "An American lobbying firm signed a contract with "
                                                        "Chinese companies.", "2024-03-04")}
    assert found.get("American") == "people" and found.get("Chinese") == "people"


def test_find_mentions_model_officials_by_convention(nlp) -> None:
    found = _mentions(nlp, "Secretary of State Antony J. Blinken spoke with Foreign Secretary James Cleverly.",
                      "2023-06-01")
    people = {m.entity.name: m.entity.country for m in found if m.entity.type == "Person"}
    assert people == {"Antony J. Blinken": "USA", "James Cleverly": "GBR"}


# -- quality over the shared dev set -----------------------------------------------------------

def _fold(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", text.lower().replace(".", "")).strip()


def _named(code: str, sentence: str, forms_by_code: dict[str, list[str]]) -> bool:
    """Whether a sentence names a party by one of its gazetteer forms (or a curated nickname)."""
    for form in forms_by_code.get(code, []):
        text = form[4:] if form.startswith("the ") else form
        if re.search(r"(?<![\w-])" + re.escape(text) + r"(?!\w)", sentence):
            return True
    return False


def test_find_mentions_gold_evidence_parties(nlp, eval_dir) -> None:
    """Every country or organization a gold evidence sentence names is found with its code."""
    names = json.loads((eval_dir / "names.json").read_text(encoding="utf-8"))
    gaz = load_gazetteer()
    forms_by_code: dict[str, list[str]] = {}
    for form in gaz.forms():
        if len(form.text) > 1:
            forms_by_code.setdefault(form.id.upper(), []).append(form.text)
    # Forms the tables leave to context, spelt as English news writes them.
    forms_by_code.setdefault("PRK", []).extend(["North and South Korea", "the DPRK"])
    forms_by_code.setdefault("KOR", []).extend(["North and South Korea"])
    rows = [json.loads(line) for path in sorted((eval_dir / "dev").glob("gold-*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = {}
    failures = []
    checked = 0
    for row in rows:
        if row["doc"] not in articles:
            article = read_text_file(eval_dir / "dev" / "articles" / row["doc"])
            articles[row["doc"]] = (article, find_mentions(nlp(article.text), date=article.date))
        article, mentions = articles[row["doc"]]
        evidence = row["evidence"]
        at = article.text.find(evidence[:60])
        if at < 0:
            continue
        inside = [m for m in mentions if at <= m.start < at + len(evidence)]
        found = {m.entity.id for m in inside if m.entity.type in ("Country", "Organization")}
        for side in ("subject", "object"):
            if row[f"{side}_type"] == "Leader":
                continue
            code = names.get(_fold(row[side]), _fold(row[side])).upper()
            if not _named(code, evidence, forms_by_code):
                continue
            checked += 1
            if code not in found:
                failures.append(f"{row['doc']}: {code} not found in {evidence[:120]!r}")
    assert checked > 300
    assert not failures, "\n".join(failures)


def test_find_mentions_gold_leaders_only_current_heads(nlp, eval_dir) -> None:
    """No person outside the gold's leader_of rows is titled as a current head of their country."""
    rows = [json.loads(line) for path in sorted((eval_dir / "dev").glob("gold-*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold: dict[str, list[set[str]]] = {}
    for row in rows:
        if row["relation"] == "leader_of":
            gold.setdefault(row["doc"], []).append({w for w in re.split(r"[\s\-]+", _fold(row["subject"]))
                                                    if len(w) > 1})
    wrong = []
    for path in sorted((eval_dir / "dev" / "articles").glob("*.txt")):
        article = read_text_file(path)
        for name, _ in _leaders(find_mentions(nlp(article.text), date=article.date)):
            words = {w for w in re.split(r"[\s\-]+", _fold(name)) if len(w) > 1}
            if not any(g <= words or words <= g for g in gold.get(path.name, [])):
                wrong.append(f"{path.name}: {name}")
    assert not wrong, "\n".join(wrong)
