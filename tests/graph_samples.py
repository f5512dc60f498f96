"""Hand-made articles and claims for the graph-layer tests (no spaCy, no gazetteer).

``use_fake_gazetteer(monkeypatch)`` swaps the gazetteer lookup of ``kgraph.rdf`` for a
small fixed one, so labels, coordinates and memberships do not depend on the real
gazetteer data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


from kgraph.model import Amount, Article, Claim, Entity, Evidence, Percent, Period

RUS = Entity("Country", "RUS", "Russia", qid="Q159")
TJK = Entity("Country", "TJK", "Tajikistan", qid="Q863")
CHN = Entity("Country", "CHN", "China", qid="Q148")
USA = Entity("Country", "USA", "United States", qid="Q30")
KAZ = Entity("Country", "KAZ", "Kazakhstan", qid="Q232")
SCO = Entity("Organization", "SCO", "Shanghai Cooperation Organisation")
PUTIN = Entity("Leader", "vladimir-putin", "Vladimir Putin", qid="Q7747", country="RUS", role="President")
RAHMON = Entity("Leader", "emomali-rahmon", "Emomali Rahmon", country="TJK", role="President")
LAVROV = Entity("Person", "sergey-lavrov", "Sergey Lavrov", country="RUS", role="Foreign Minister")


@dataclass(frozen=True)
class CountryRecord:
    alpha3: str
    name: str
    qid: str | None
    lat: float | None
    lon: float | None
    region: str | None = None


@dataclass(frozen=True)
class OrganizationRecord:
    id: str
    name: str
    members: tuple[str, ...] = field(default=())


class FakeGazetteer:
    countries = {
        "RUS": CountryRecord("RUS", "Russia", "Q159", 61.5, 105.3),
        "TJK": CountryRecord("TJK", "Tajikistan", "Q863", 38.9, 71.3),
        "CHN": CountryRecord("CHN", "China", "Q148", 35.9, 104.2),
        "USA": CountryRecord("USA", "United States", "Q30", 37.1, -95.7),
        "KAZ": CountryRecord("KAZ", "Kazakhstan", "Q232", 48.0, 66.9),
    }
    orgs = {"SCO": OrganizationRecord("SCO", "Shanghai Cooperation Organisation", ("CHN", "KAZ", "RUS", "TJK"))}

    def country(self, code: str) -> CountryRecord | None:
        return self.countries.get(code)

    def organization(self, code: str) -> OrganizationRecord | None:
        return self.orgs.get(code)


def use_fake_gazetteer(monkeypatch: Any, gazetteer: Any = None) -> None:
    import kgraph.rdf

    fake = gazetteer if gazetteer is not None else FakeGazetteer()
    monkeypatch.setattr(kgraph.rdf, "_gazetteer", lambda: fake)


def _claim(article: Article, relation: str, subject: Entity, obj: Entity, sentence: str, **kw: Any) -> Claim:
    start = article.text.index(sentence)
    return Claim(article.id, relation, subject, obj, Evidence(sentence, start, start + len(sentence)), kw.pop("rule", "test.v1"), **kw)


A1 = Article(
    "a1",
    "Russia remains Tajikistan's top trade partner. Trade reached $1.5 billion in 2023, up 12.5%, Putin said. "
    "Russia did not impose sanctions on China.",
    dt.date(2024, 3, 1),
    title="Russia and Tajikistan trade",
    source="Trend",
    url="https://example.org/a1",
)
A2 = Article(
    "a2",
    "Tajikistan and Russia are strategic partners and allies. Trade between them was $1.7 billion in 2023. "
    "China is the largest investor in Tajikistan with $3 billion. President Emomali Rahmon met Vladimir Putin.",
    dt.date(2024, 6, 15),
    source="Asia-Plus",
)
A3 = Article(
    "a3",
    "The United States imposed sanctions on Russia. China may sign an agreement with Kazakhstan. "
    "Lavrov said Russia and Tajikistan will hold military exercises. Kazakhstan and China are strategic partners.",
    dt.date(2025, 1, 10),
)


def sample_articles() -> list[tuple[Article, list[Claim]]]:
    """Three articles whose claims exercise every query."""
    c1 = _claim(A1, "trade_partner", RUS, TJK, "Russia remains Tajikistan's top trade partner.", rank=1)
    c2 = _claim(
        A1,
        "trade_partner",
        RUS,
        TJK,
        "Trade reached $1.5 billion in 2023, up 12.5%, Putin said.",
        amount=Amount(1.5e9, "USD", "$1.5 billion"),
        percent=Percent(12.5, "12.5%"),
        period=Period("in 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        speaker=PUTIN,
    )
    c3 = _claim(A1, "sanction", RUS, CHN, "Russia did not impose sanctions on China.", modality="negated")
    d1 = _claim(A2, "strategic_partner", TJK, RUS, "Tajikistan and Russia are strategic partners and allies.")
    d2 = _claim(A2, "ally", TJK, RUS, "Tajikistan and Russia are strategic partners and allies.")
    d3 = _claim(
        A2,
        "trade_partner",
        TJK,
        RUS,
        "Trade between them was $1.7 billion in 2023.",
        amount=Amount(1.7e9, "USD", "$1.7 billion"),
        period=Period("in 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        implied=True,
    )
    d4 = _claim(
        A2, "investor", CHN, TJK, "China is the largest investor in Tajikistan with $3 billion.",
        amount=Amount(3e9, "USD", "$3 billion"), rank=1,
    )
    d5 = _claim(A2, "meeting", RAHMON, PUTIN, "President Emomali Rahmon met Vladimir Putin.")
    d6 = _claim(A2, "leader_of", RAHMON, TJK, "President Emomali Rahmon met Vladimir Putin.", derived=True)
    d7 = _claim(A2, "leader_of", PUTIN, RUS, "President Emomali Rahmon met Vladimir Putin.", derived=True)
    e1 = _claim(A3, "sanction", USA, RUS, "The United States imposed sanctions on Russia.", confidence=0.95)
    e2 = _claim(A3, "agreement", CHN, KAZ, "China may sign an agreement with Kazakhstan.", modality="hedged")
    e3 = _claim(
        A3, "military_cooperation", RUS, TJK, "Lavrov said Russia and Tajikistan will hold military exercises.",
        modality="future", speaker=LAVROV,
    )
    e4 = _claim(A3, "strategic_partner", KAZ, CHN, "Kazakhstan and China are strategic partners.")
    return [(A1, [c1, c2, c3]), (A2, [d1, d2, d3, d4, d5, d6, d7]), (A3, [e1, e2, e3, e4])]


def sample_mentions() -> dict[str, list[Any]]:
    from kgraph.model import Mention

    return {"a3": [Mention("SCO", 0, 3, SCO, function="government")]}


def build_sample_graph(path: Any = None) -> Any:
    """A ``KnowledgeGraph`` holding :func:`sample_articles` (plus an SCO mention)."""
    from kgraph.graph import KnowledgeGraph

    kg = KnowledgeGraph(path)
    mentions = sample_mentions()
    for article, claims in sample_articles():
        kg.add(article, claims, mentions.get(article.id, ()))
    return kg
