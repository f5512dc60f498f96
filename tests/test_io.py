"""Reading articles: metadata lines, JSONL, folders, stdin, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from kgraph.errors import InputError
from kgraph.io import atomic_write, parse_text_article, read_articles

from .conftest import SEED_ARTICLE


def _collect(sources, **kwargs):
    errors = []
    articles = list(read_articles(sources, on_error=errors.append, **kwargs))
    return articles, errors


def test_read_articles_seed_date_without_colon():
    [article] = list(read_articles([SEED_ARTICLE]))
    assert article.date == dt.date(2024, 12, 25)
    assert article.text.startswith("DUSHANBE, Tajikistan")
    assert article.id == SEED_ARTICLE.name


def test_parse_text_article_eval_header():
    article = parse_text_article("source: Example (CC BY)\ndate: 2023-05-19\n\nFirst line.\nSecond.", "a.txt")
    assert (article.source, article.date, article.text) == ("Example (CC BY)", dt.date(2023, 5, 19),
                                                            "First line.\nSecond.")


def test_parse_text_article_no_metadata_keeps_text():
    assert parse_text_article("Source of tension: trade.", "a.txt").text == "Source of tension: trade."


def test_read_articles_jsonl_streams_and_reports_bad_lines(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "Russia and China signed a treaty.", "date": "2024-01-02"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "Japan met Korea.", "date": "someday"}),
        json.dumps({"id": "d", "text": "Kenya exports tea.", "title": "T", "url": "http://x"}),
    ]), encoding="utf-8")
    articles, errors = _collect([path])
    assert [a.id for a in articles] == ["a", "d"]
    assert articles[0].date == dt.date(2024, 1, 2) and articles[1].title == "T"
    assert [e.line for e in errors] == [2, 3, 4]
    assert "malformed JSON" in str(errors[0]) and "news.jsonl:2" in str(errors[0])
    assert "missing required field(s): text" in str(errors[1])
    assert "not an ISO date" in str(errors[2])


@pytest.mark.parametrize("content, problem", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"caf\xe9 au lait", "not valid UTF-8"),
    (b"date: 2024-01-01\n\n", "no text after the metadata"),
])
def test_read_articles_bad_file_reported_others_kept(tmp_path, content, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Russia is an ally of Belarus.", encoding="utf-8")
    articles, errors = _collect([bad, good])
    assert [a.id for a in articles] == ["good.txt"]
    assert len(errors) == 1 and problem in str(errors[0]) and "bad.txt" in str(errors[0])


def test_read_articles_missing_path_reported(tmp_path):
    articles, errors = _collect([tmp_path / "nope.txt"])
    assert articles == [] and "no such file or directory" in str(errors[0])


def test_read_articles_folder_recursive_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("Second text.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("First text.", encoding="utf-8")
    (tmp_path / "skip.csv").write_text("x,y", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text(json.dumps({"id": "j1", "text": "Third."}) + "\n", encoding="utf-8")
    articles, errors = _collect([tmp_path])
    assert [a.id for a in articles] == ["j1", "one.txt", "b/two.md"] and errors == []  # ids relative to the folder


def test_read_articles_stdin_text_and_jsonl():
    text = io.TextIOWrapper(io.BytesIO(b"date: 2020-02-02\n\nChina and India met."), encoding="utf-8")
    [article] = list(read_articles(["-"], stdin=text))
    assert article.id == "stdin" and article.date == dt.date(2020, 2, 2)
    lines = io.TextIOWrapper(io.BytesIO(b'{"id": "x", "text": "A."}\n{"id": "y", "text": "B."}\n'), encoding="utf-8")
    assert [a.id for a in read_articles(["-"], stdin=lines)] == ["x", "y"]


def test_read_articles_default_raises_input_error(tmp_path):
    with pytest.raises(InputError):
        list(read_articles([tmp_path / "missing.txt"]))


def test_atomic_write_failure_keeps_old_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as handle:
            handle.write("half")
            raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("text", [
    "Президент России провёл переговоры с президентом Таджикистана в Санкт-Петербурге и обсудил "
    "торговлю, инвестиции и вопросы безопасности в регионе.",
    "El presidente de Rusia se reunió con el presidente de Tayikistán para hablar del comercio y de "
    "las inversiones en la región, según un comunicado.",
])
def test_read_articles_non_english_reported(tmp_path, text):
    path = tmp_path / "foreign.txt"
    path.write_text(text, encoding="utf-8")
    articles, errors = _collect([path])
    assert articles == [] and "does not look like English" in str(errors[0]) and "foreign.txt" in str(errors[0])


def test_read_articles_english_headlines_kept(tmp_path):
    path = tmp_path / "headline.txt"
    path.write_text("Militants attack Sanduku, Djugu Territory, DRC, killing two civilians and "
                    "wounding five others. (Radio Okapi)", encoding="utf-8")
    articles, errors = _collect([path])
    assert len(articles) == 1 and errors == []
