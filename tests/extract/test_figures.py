"""Money and percent parsing: kgraph.extract.figures."""

from __future__ import annotations

import datetime as dt

import pytest

from kgraph.extract.figures import convert_to_usd, find_amounts, find_percents, parse_amount, parse_percent
from kgraph.model import Amount, Percent


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$1.08 billion", 1.08e9, "USD"),
        ("US$9bn", 9e9, "USD"),
        ("US$ 9 bn", 9e9, "USD"),
        ("USD 3.5 million", 3.5e6, "USD"),
        ("€250 million", 2.5e8, "EUR"),
        ("EUR 1.2bn", 1.2e9, "EUR"),
        ("£533m", 5.33e8, "GBP"),
        ("1.2 trillion yen", 1.2e12, "JPY"),
        ("100 billion roubles", 1e11, "RUB"),
        ("100 billion rubles", 1e11, "RUB"),
        ("2 billion dollars", 2e9, "USD"),
        ("2 billion US dollars", 2e9, "USD"),
        ("5 million euros", 5e6, "EUR"),
        ("$50,000", 5e4, "USD"),
        ("$3.5 mln", 3.5e6, "USD"),
        ("Rs 500 crore", 5e9, "INR"),
        ("Rs. 20 lakh", 2e6, "INR"),
        ("₹500 crore", 5e9, "INR"),
        ("A$2 billion", 2e9, "AUD"),
        ("C$300 million", 3e8, "CAD"),
        ("HK$1bn", 1e9, "HKD"),
        ("S$5 million", 5e6, "SGD"),
        ("NZ$40m", 4e7, "NZD"),
        ("R$10 billion", 1e10, "BRL"),
        ("¥500 billion", 5e11, "JPY"),
        ("10 billion yuan", 1e10, "CNY"),
        ("5 billion renminbi", 5e9, "CNY"),
        ("RMB 5bn", 5e9, "CNY"),
        ("CNY 3 billion", 3e9, "CNY"),
        ("500 billion won", 5e11, "KRW"),
        ("2 billion tenge", 2e9, "KZT"),
        ("30 million somoni", 3e7, "TJS"),
        ("100 crore rupees", 1e9, "INR"),
        ("4 billion Pakistani rupees", 4e9, "PKR"),
        ("2 billion dirhams", 2e9, "AED"),
        ("2 billion Moroccan dirhams", 2e9, "MAD"),
        ("5 billion riyals", 5e9, "SAR"),
        ("5 billion Qatari riyals", 5e9, "QAR"),
        ("1 billion lira", 1e9, "TRY"),
        ("3 billion rand", 3e9, "ZAR"),
        ("R2 billion", 2e9, "ZAR"),
        ("50 billion naira", 5e10, "NGN"),
        ("2 billion shillings", 2e9, "KES"),
        ("2 billion Ugandan shillings", 2e9, "UGX"),
        ("5 million Egyptian pounds", 5e6, "EGP"),
        ("300 million Hong Kong dollars", 3e8, "HKD"),
        ("two billion dollars", 2e9, "USD"),
        ("a billion euros", 1e9, "EUR"),
        ("half a billion dollars", 5e8, "USD"),
        ("$50k", 5e4, "USD"),
        ("€2.5 trillion", 2.5e12, "EUR"),
        ("500 million USD", 5e8, "USD"),
        ("1 billion dinars", 1e9, None),
        ("1 billion Kuwaiti dinars", 1e9, "KWD"),
    ],
)
def test_parse_amount_value_and_currency(text: str, value: float, currency: str | None) -> None:
    amount = parse_amount(text)
    assert amount is not None
    assert amount.value == pytest.approx(value)
    assert amount.currency == currency
    assert amount.text == text


@pytest.mark.parametrize(
    "approximator",
    ["about", "around", "approximately", "some", "nearly", "almost", "more than", "over", "up to",
     "at least", "less than", "roughly", "just over", "an estimated", "close to", "in excess of"],
)
def test_parse_amount_keeps_approximation_word(approximator: str) -> None:
    amount = parse_amount(f"{approximator} $1 billion")
    assert amount == Amount(1e9, "USD", f"{approximator} $1 billion")


@pytest.mark.parametrize(
    "text",
    ["36,000 students", "in 2024", "The talks lasted 3 days.", "", "Trade grew by 12 percent.",
     "500 pounds of explosives", "The team won 3 games.", "R&D spending rose.", "a dollar-denominated bond"],
)
def test_parse_amount_none_without_money(text: str) -> None:
    assert parse_amount(text) is None


def test_parse_amount_yen_sign_means_yuan_when_sentence_says_so() -> None:
    assert parse_amount("The bank lent ¥20 billion in yuan loans.").currency == "CNY"  # type: ignore[union-attr]


def test_parse_amount_range_takes_lower_bound() -> None:
    amount = parse_amount("$1-2 billion")
    assert amount is not None and amount.value == 1e9 and amount.text == "$1-2 billion"


def test_parse_amount_folds_bracketed_conversion() -> None:
    amount = parse_amount("€100 million ($110 million)")
    assert amount == Amount(1e8, "EUR", "€100 million ($110 million)")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Norway pledged $2bn and Sweden €300m.", [("$2bn", 2e9, "USD"), ("€300m", 3e8, "EUR")]),
        ("Some 36,000 students received grants worth about $5 million in 2023.", [("about $5 million", 5e6, "USD")]),
        ("The loan of €100 million ($110 million) was signed.", [("€100 million ($110 million)", 1e8, "EUR")]),
        ("Brazil bought 2 billion dollars of fertiliser from 2020 to 2022.", [("2 billion dollars", 2e9, "USD")]),
        ("No figure was given for the 2024 deal.", []),
        ("Exports rose 10% to over £200m, up from £150m.", [("over £200m", 2e8, "GBP"), ("£150m", 1.5e8, "GBP")]),
    ],
)
def test_find_amounts_spans_in_sentence(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    found = find_amounts(sentence)
    assert [(sentence[s:e], a.value, a.currency) for s, e, a in found] == expected
    assert all(a.text == sentence[s:e] for s, e, a in found)


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("10.1 percent", 10.1, "10.1 percent"),
        ("around 90%", 90.0, "around 90%"),
        ("20 per cent", 20.0, "20 per cent"),
        ("about 20 percent", 20.0, "about 20 percent"),
        ("exceeded 88 percent", 88.0, "88 percent"),
        ("1.5 percentage points", 1.5, "1.5 percentage points"),
        ("a 5% rise", 5.0, "5%"),
        ("ten percent", 10.0, "ten percent"),
        ("2.5pct", 2.5, "2.5pct"),
        ("nearly 40 per cent", 40.0, "nearly 40 per cent"),
        ("more than 60%", 60.0, "more than 60%"),
        ("3-4 percent", 3.0, "3-4 percent"),
    ],
)
def test_parse_percent_value_and_text(text: str, value: float, span: str) -> None:
    assert parse_percent(text) == Percent(value, span)


@pytest.mark.parametrize("text", ["in 2024", "$5 billion", "36,000 students", "the percentage of exports"])
def test_parse_percent_none_without_percent(text: str) -> None:
    assert parse_percent(text) is None


def test_find_percents_offsets() -> None:
    sentence = "Imports fell 4.2% while exports grew about 7 percent."
    found = find_percents(sentence)
    assert [(sentence[s:e], p.value) for s, e, p in found] == [("4.2%", 4.2), ("about 7 percent", 7.0)]


@pytest.mark.parametrize(
    ("amount", "on", "expected"),
    [
        (Amount(2e9, "USD", "$2bn"), None, 2e9),
        (Amount(3.75e6, "SAR", "3.75 million riyals"), dt.date(2021, 1, 1), 1e6),
        (Amount(9.24e8, "EUR", "€924m"), dt.date(2024, 3, 1), 1e9),
        (Amount(7.8e9, "HKD", "HK$7.8bn"), dt.date(1990, 1, 1), 1e9),
    ],
)
def test_convert_to_usd_uses_yearly_rate(amount: Amount, on: dt.date | None, expected: float) -> None:
    assert convert_to_usd(amount, on) == pytest.approx(expected, rel=1e-3)


def test_convert_to_usd_nearest_year_outside_table() -> None:
    far_future = convert_to_usd(Amount(1e6, "EUR", "€1m"), dt.date(2090, 1, 1))
    latest = convert_to_usd(Amount(1e6, "EUR", "€1m"))
    assert far_future == latest


@pytest.mark.parametrize("currency", [None, "XYZ"])
def test_convert_to_usd_none_for_unknown_currency(currency: str | None) -> None:
    assert convert_to_usd(Amount(1e6, currency, "1 million")) is None
