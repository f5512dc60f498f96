"""Re-running a build into its store: an article stored with the same id and text is skipped before parsing."""

from __future__ import annotations

import datetime as dt

import pytest

import kgraph.extract
import kgraph.extract.pipeline
from kgraph.api import BuildReport, build
from kgraph.extract import ArticleResult
from kgraph.graph import KnowledgeGraph
from kgraph.model import Article


@pytest.fixture
def parsed(monkeypatch):
    """The ids of the articles the build sends to parsing (no model: each result has no claims).

    The fake reads its whole input before giving any result, as far ahead as a pipeline can.
    """
    seen: list[str] = []

    def extract_articles(articles, nlp, **options):
        articles = list(articles)
        seen.extend(a.id for a in articles)
        for article in articles:
            yield ArticleResult(article, [], [])

    def load_pipeline(model=None):
        seen.append("<model loaded>")
        return object()

    monkeypatch.setattr(kgraph.extract, "extract_articles", extract_articles)
    monkeypatch.setattr(kgraph.extract, "load_pipeline", load_pipeline)
    return seen


def article(id: str, text: str) -> Article:
    return Article(id, text, dt.date(2024, 5, 1))


def test_rebuild_skips_unchanged_articles_before_parsing(tmp_path, parsed):
    store = tmp_path / "store"
    first = [article("a", "Russia and Tajikistan are allies."), article("b", "China invests in Kazakhstan.")]
    report = BuildReport()
    build(first, store=store, report=report)
    assert (report.added, parsed) == (2, ["<model loaded>", "a", "b"])

    parsed.clear()
    report = BuildReport()
    build(first, store=store, report=report)
    assert (report.unchanged, report.added, report.replaced) == (2, 0, 0)
    assert parsed == []  # nothing parsed, and no model loaded for it

    parsed.clear()
    report = BuildReport()
    grown = [first[0], article("b", "China invests more in Kazakhstan."), article("c", "Japan aids Vietnam.")]
    build(grown, store=store, report=report)
    assert (report.unchanged, report.replaced, report.added) == (1, 1, 1)
    assert parsed == ["<model loaded>", "b", "c"]
    kg = KnowledgeGraph(store, read_only=True)
    assert kg.articles() == ["a", "b", "c"]
    assert kg.stored_text_hash("b") == grown[1].text_hash


def test_repeated_id_in_one_input_keeps_the_last_version(tmp_path, parsed):
    store = tmp_path / "store"
    old, new = article("x", "Russia and Tajikistan are allies."), article("x", "Russia and Tajikistan are partners.")
    build([old], store=store)
    parsed.clear()
    report = BuildReport()
    # The second "x" is the stored text, but the first is still on its way to the store: both are parsed.
    build([new, old], store=store, report=report)
    assert parsed == ["<model loaded>", "x", "x"]
    assert (report.replaced, report.articles) == (2, 2)
    assert KnowledgeGraph(store, read_only=True).stored_text_hash("x") == old.text_hash
