"""`kgraph build --workers N`: nlp.pipe on N processes gives the single-process results, streamed."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from kgraph.api import BuildReport, build
from kgraph.extract import extract_article, extract_articles
from kgraph.model import Article

pytestmark = pytest.mark.model

# Dates matter: "last year" and who holds an office are resolved against doc._.kg_date,
# which crosses to the worker processes as an ISO string.
ARTICLES = [
    Article("w1", "Russia and Tajikistan signed a strategic partnership agreement. Vladimir Putin said trade "
            "with Tajikistan grew by 10 percent last year.", dt.date(2024, 12, 25)),
    Article("w2", "China invested $2 billion in Kazakhstan last year, the ministry said.", dt.date(2025, 1, 10)),
    Article("w3", "France and Germany are close allies, the French president said in Berlin.", dt.date(2025, 2, 1)),
    Article("w4", "Japan will provide $50 million in aid to Ukraine.", None),
    Article("w5", "The president of the United States met the president of Mexico.", dt.date(2018, 6, 1)),
]


def as_data(results):
    return [(r.article.id, [c.to_dict() for c in r.claims], [m.to_dict() for m in r.mentions]) for r in results]


@pytest.fixture(scope="module")
def sequential(nlp):
    return as_data(extract_article(a, nlp) for a in ARTICLES)


def test_two_processes_give_the_same_results(nlp, sequential):
    assert sum(len(claims) for _, claims, _ in sequential) >= 3
    assert as_data(extract_articles(ARTICLES, nlp, n_process=2, batch_size=2)) == sequential


def test_each_segment_gets_a_pool_of_its_own_and_the_same_results(nlp, sequential, monkeypatch):
    """Pools restart every POOL_ZONES zones (so workers' vocabularies stay bounded); results do not change."""
    import kgraph.extract as extract

    monkeypatch.setattr(extract, "ZONE_BATCHES", 1)
    monkeypatch.setattr(extract, "POOL_ZONES", 1)
    pools = []
    real = extract._extract_stream
    monkeypatch.setattr(extract, "_extract_stream", lambda *a: (pools.append(a[3]), real(*a))[1])
    assert as_data(extract_articles(ARTICLES, nlp, n_process=2, batch_size=2)) == sequential
    assert pools == [2, 2, 2]  # 5 articles, 2 per segment


def test_long_articles_are_parsed_in_blocks_across_processes(nlp, monkeypatch):
    import kgraph.extract as extract

    monkeypatch.setattr(extract, "BLOCK_CHARS", 120)
    long = Article("long", "\n".join(a.text for a in ARTICLES[:3]), dt.date(2025, 1, 10))
    articles = [ARTICLES[3], long, ARTICLES[4]]
    expected = as_data(extract_article(a, nlp) for a in articles)
    assert expected[1][1], "the long article should yield claims"
    assert as_data(extract_articles(articles, nlp, n_process=2, batch_size=2)) == expected


def test_input_is_streamed(nlp):
    pulled = itertools.count()

    def endless():
        for number in itertools.count():
            next(pulled)
            yield Article(f"s{number}", "France and Germany are allies.", dt.date(2025, 1, 1))

    first = list(itertools.islice(extract_articles(endless(), nlp, batch_size=8), 3))
    assert len(first) == 3 and next(pulled) < 100


def test_build_with_two_workers(nlp):
    one = build(ARTICLES)
    report = BuildReport()
    two = build(ARTICLES, workers=2, report=report)
    assert set(two.store) == set(one.store)
    assert report.added == len(ARTICLES) and report.claims > 0

