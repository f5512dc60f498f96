"""Time expressions resolved against the article date: kgraph.extract.periods."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgraph.extract.periods import find_periods, period_from_span, resolve_period
from kgraph.model import Period

D = dt.date
# A Wednesday in late November, the reference date of most cases.
REF = D(2024, 11, 20)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("From January to September 2024", D(2024, 1, 1), D(2024, 9, 30)),
        ("January-September 2024", D(2024, 1, 1), D(2024, 9, 30)),
        ("Jan-Sep 2023", D(2023, 1, 1), D(2023, 9, 30)),
        ("between March 2022 and May 2023", D(2022, 3, 1), D(2023, 5, 31)),
        ("from November to February 2024", D(2023, 11, 1), D(2024, 2, 29)),
        ("in the first nine months of 2024", D(2024, 1, 1), D(2024, 9, 30)),
        ("the first six months of this year", D(2024, 1, 1), D(2024, 6, 30)),
        ("the first half of 2023", D(2023, 1, 1), D(2023, 6, 30)),
        ("the second half of last year", D(2023, 7, 1), D(2023, 12, 31)),
        ("H1 2023", D(2023, 1, 1), D(2023, 6, 30)),
        ("Q3 2023", D(2023, 7, 1), D(2023, 9, 30)),
        ("the third quarter of 2023", D(2023, 7, 1), D(2023, 9, 30)),
        ("the fourth quarter of last year", D(2023, 10, 1), D(2023, 12, 31)),
        ("in 2023", D(2023, 1, 1), D(2023, 12, 31)),
        ("2018", D(2018, 1, 1), D(2018, 12, 31)),
        ("fiscal 2023", D(2023, 1, 1), D(2023, 12, 31)),
        ("March 2023", D(2023, 3, 1), D(2023, 3, 31)),
        ("last year", D(2023, 1, 1), D(2023, 12, 31)),
        ("this year", D(2024, 1, 1), D(2024, 12, 31)),
        ("the ending year", D(2024, 1, 1), D(2024, 12, 31)),
        ("the outgoing year", D(2024, 1, 1), D(2024, 12, 31)),
        ("next year", D(2025, 1, 1), D(2025, 12, 31)),
        ("earlier this year", D(2024, 1, 1), REF),
        ("last month", D(2024, 10, 1), D(2024, 10, 31)),
        ("this month", D(2024, 11, 1), D(2024, 11, 30)),
        ("next month", D(2024, 12, 1), D(2024, 12, 31)),
        ("last week", D(2024, 11, 11), D(2024, 11, 17)),
        ("last July", D(2024, 7, 1), D(2024, 7, 31)),
        ("next July", D(2025, 7, 1), D(2025, 7, 31)),
        ("in March", D(2024, 3, 1), D(2024, 3, 31)),
        ("in December", D(2023, 12, 1), D(2023, 12, 31)),
        ("over the past decade", D(2014, 11, 20), REF),
        ("the past five years", D(2019, 11, 20), REF),
        ("in the last two decades", D(2004, 11, 20), REF),
        ("the past 12 months", D(2023, 11, 20), REF),
        ("since 2015", D(2015, 1, 1), REF),
        ("since March 2022", D(2022, 3, 1), REF),
        ("between 2010 and 2015", D(2010, 1, 1), D(2015, 12, 31)),
        ("from 2010 to 2015", D(2010, 1, 1), D(2015, 12, 31)),
        ("2022-23", D(2022, 1, 1), D(2023, 12, 31)),
        ("in the 1990s", D(1990, 1, 1), D(1999, 12, 31)),
        ("the early 2000s", D(2000, 1, 1), D(2003, 12, 31)),
        ("March 15, 2023", D(2023, 3, 15), D(2023, 3, 15)),
        ("on 15 March", D(2024, 3, 15), D(2024, 3, 15)),
        ("on December 2", D(2023, 12, 2), D(2023, 12, 2)),
        ("yesterday", D(2024, 11, 19), D(2024, 11, 19)),
        ("today", REF, REF),
        ("tomorrow", D(2024, 11, 21), D(2024, 11, 21)),
        ("on Monday", D(2024, 11, 18), D(2024, 11, 18)),
        ("on Wednesday", REF, REF),
        ("last Wednesday", D(2024, 11, 13), D(2024, 11, 13)),
        ("next Monday", D(2024, 11, 25), D(2024, 11, 25)),
        ("two years ago", D(2022, 11, 20), D(2022, 11, 20)),
        ("during the Cold War", D(1947, 1, 1), D(1991, 12, 31)),
        ("during the Second World War", D(1939, 9, 1), D(1945, 9, 2)),
        ("by 2030", None, D(2030, 12, 31)),
        ("by the end of next year", None, D(2025, 12, 31)),
    ],
)
def test_resolve_period_dates(text: str, start: dt.date | None, end: dt.date | None) -> None:
    assert resolve_period(text, REF) == Period(text, start, end)


@pytest.mark.parametrize(
    ("reference", "start"),
    [(D(2024, 7, 15), D(2023, 7, 1)), (D(2024, 5, 2), D(2023, 7, 1)), (D(2024, 8, 1), D(2024, 7, 1))],
)
def test_resolve_period_last_month_name_strictly_before_reference_month(reference: dt.date, start: dt.date) -> None:
    period = resolve_period("last July", reference)
    assert period is not None and period.start == start


@pytest.mark.parametrize(
    "text",
    ["a year", "10-year", "for two years", "in recent years", "a five-year plan", "over the coming decades",
     "the following year", "in the same year"],
)
def test_resolve_period_undatable_has_no_dates(text: str) -> None:
    period = resolve_period(text, REF)
    assert period is not None and period.start is None and period.end is None


@pytest.mark.parametrize("text", ["last year", "on Monday", "the past five years", "in March", "yesterday"])
def test_resolve_period_relative_without_reference_keeps_text(text: str) -> None:
    assert resolve_period(text, None) == Period(text)


@pytest.mark.parametrize("text", ["the embassy", "36,000 students", "$5 billion", "", "She may visit."])
def test_resolve_period_none_when_not_temporal(text: str) -> None:
    assert resolve_period(text, REF) is None


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("Trade rose in 2023 and again last month.", ["in 2023", "last month"]),
        ("Exports grew 12% in the first nine months of this year.", ["in the first nine months of this year"]),
        ("He visited Ankara on Monday and will return next year.", ["on Monday", "next year"]),
        ("The 10-year agreement was signed in March.", ["10-year", "in March"]),
        ("Some 2000 troops arrived on May 5.", ["on May 5"]),
        ("She may visit in May.", ["in May"]),
        ("Trade was up 20 percent from 2022.", ["from 2022"]),
        ("About 36,000 students have enrolled since 2015.", ["since 2015"]),
        ("The embassy reopened.", []),
    ],
)
def test_find_periods_spans(sentence: str, spans: list[str]) -> None:
    found = find_periods(sentence, REF)
    assert [sentence[s:e] for s, e, _ in found] == spans
    assert all(p.text == sentence[s:e] for s, e, p in found)


def test_find_periods_longest_expression_wins() -> None:
    found = find_periods("Output fell in the first half of 2023.", REF)
    assert [(p.start, p.end) for _, _, p in found] == [(D(2023, 1, 1), D(2023, 6, 30))]


def test_find_periods_from_year_is_comparison_base_not_since() -> None:
    (_, _, period), = find_periods("Sales were 5% higher than from 2021.", REF)
    assert (period.start, period.end) == (D(2021, 1, 1), D(2021, 12, 31))


def _date_doc(words: list[str], ents: list[str]) -> Doc:
    return Doc(Vocab(), words=words, ents=ents)


@pytest.mark.parametrize(
    ("words", "ents", "text", "start", "end"),
    [
        (["Trade", "grew", "since", "2015"], ["O", "O", "O", "B-DATE"], "since 2015", D(2015, 1, 1), REF),
        (["Aid", "ends", "by", "2030"], ["O", "O", "O", "B-DATE"], "by 2030", None, D(2030, 12, 31)),
        (["They", "met", "last", "week"], ["O", "O", "B-DATE", "I-DATE"], "last week", D(2024, 11, 11), D(2024, 11, 17)),
        (["They", "met", "in", "March"], ["O", "O", "O", "B-DATE"], "March", D(2024, 3, 1), D(2024, 3, 31)),
        (["It", "took", "decades"], ["O", "O", "B-DATE"], "decades", None, None),
    ],
)
def test_period_from_span_takes_meaningful_preposition(
    words: list[str], ents: list[str], text: str, start: dt.date | None, end: dt.date | None
) -> None:
    doc = _date_doc(words, ents)
    assert period_from_span(doc.ents[0], REF) == Period(text, start, end)


def test_period_from_span_untimed_date_entity_keeps_text() -> None:
    doc = _date_doc(["It", "happened", "back", "then"], ["O", "O", "B-DATE", "I-DATE"])
    assert period_from_span(doc.ents[0], REF) == Period("back then")
