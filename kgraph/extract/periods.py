"""Time expressions in news text: find them and resolve them to start/end dates.

Relative expressions ("last year", "on Monday", "over the past decade") resolve against the
article date, the `reference`. Without a reference they come back as `Period(text)` with no
dates, as do expressions that are clearly temporal but not datable ("in recent years", a
duration such as "a 10-year deal").

Conventions (each one a choice, documented here once):

* A span keeps a leading preposition ("in 2023", "since 2015", "during the Cold War"); for
  "since", "by", "between" and "from" it carries meaning.
* "last July" is the latest July strictly before the reference month; "in March" / "on
  March 15" without a year is the latest such month / day not after the reference date;
  "next July" the first one strictly after the reference month.
* "on Monday" is the latest Monday on or before the reference date, "last Monday" the
  latest one strictly before it, "next Monday" the first one strictly after it.
* "the past five years" / "over the past decade" run from the reference date minus the
  span to the reference date; "last year" is the previous calendar year.
* "since 2015" runs from 2015-01-01 to the reference date; "by 2030" / "until 2030" has
  no start and ends on 2030-12-31.
* Named eras resolve to conventional dates: the Cold War 1947-1991, the Soviet era
  1922-1991, the First World War 1914-1918, the Second World War 1939-1945.
* "the ending year" / "the outgoing year" is the reference year; "the same year" and "the
  following year" point back to a date the text gave earlier, so they stay undated.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kgraph.model import Period

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["find_periods", "period_from_span", "resolve_period"]

_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}
_CARDINALS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
}
# Conventional dates of eras that news refers to by name.
_ERAS: dict[str, tuple[dt.date, dt.date]] = {
    "cold war": (dt.date(1947, 1, 1), dt.date(1991, 12, 31)),
    "soviet": (dt.date(1922, 12, 30), dt.date(1991, 12, 26)),
    "ww1": (dt.date(1914, 7, 28), dt.date(1918, 11, 11)),
    "ww2": (dt.date(1939, 9, 1), dt.date(1945, 9, 2)),
}
# Words that make a text temporal even when no rule can date it.
_TEMPORAL_WORDS = re.compile(
    r"\b(?:(?:19|20)\d\d|years?|months?|weeks?|days?|decades?|century|centuries|quarters?|era|"
    r"ago|recently|recent|soon|now|currently|nowadays|today|tonight|yesterday|tomorrow|"
    r"spring|summer|autumn|winter|season|annual|annually|yearly|monthly|weekly|daily|period|"
    + "|".join(_WEEKDAYS)
    + r")\b"
    # month names only capitalised: "may" is a modal verb, "march" a noun
    + r"|\b(?-i:"
    + "|".join(name.capitalize() for name in _MONTHS)
    + r")\b",
    re.IGNORECASE,
)

# --- regex building blocks ---------------------------------------------------------------

_YEAR = r"(?<![\d,.$€£¥])(?:19|20)\d\d(?![\d,]\d|\.\d|%)"
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_COUNT = r"(?:\d+|" + "|".join(_CARDINALS) + r")"
_DASH = r"\s*(?:-|–|—|to|through|till|until|and)\s*"
# A preposition that only places the expression in time ("in", "during"): kept in the span.
_PLACE_PREP = r"(?:(?i:in|during|over|on|for|throughout|within|through|at|of)\s+)?"
_REL_YEAR = r"(?i:this|last|next|the\s+(?:previous|current|ending|outgoing|past|coming|same|following)|the)\s+year"
_YEAR_REF = rf"(?:{_YEAR}|{_REL_YEAR})"
# Nouns that follow a count rather than a year ("2000 troops"); a number before them is no year.
_COUNT_NOUNS = (
    r"(?i:people|persons|troops|soldiers|students|workers|tons|tonnes|barrels|km|kilometres|kilometers|miles|"
    r"units|vehicles|jobs|projects|companies|firms|refugees|migrants|migrant|cases|deaths|casualties|"
    r"megawatts|mw|households|families|children|tourists|visitors|flights|trucks|cars|homes|houses|"
    r"hectares|acres|employees|members|delegates|percent|per\s+cent|million|billion|thousand|crore|"
    r"dollars|euros|yuan|yen|roubles|rubles|rupees|pounds)\b"
)
_COUNT_MODIFIERS = r"(?i:about|around|some|nearly|almost|over|than|to|at\s+least|approximately|roughly|up\s+to|only|just)"


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, first: int, last: int | None = None) -> tuple[dt.date, dt.date]:
    return dt.date(year, first, 1), _last_day(year, last if last is not None else first)


def _year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _year_of(expression: str, reference: dt.date | None) -> int | None:
    """The calendar year of "2024", "this year", "last year", "next year" ..."""
    text = " ".join(expression.lower().split())
    if re.fullmatch(r"(?:19|20)\d\d", text):
        return int(text)
    if reference is None:
        return None
    if text in {"last year", "the previous year", "the past year"}:
        return reference.year - 1
    if text in {"next year", "the coming year"}:
        return reference.year + 1
    if text in {"this year", "the current year", "the ending year", "the outgoing year"}:
        return reference.year
    return None  # anaphoric: "the same year", "the following year", "the year" point back to another date


def _count(word: str) -> int:
    lowered = word.lower()
    return int(lowered) if lowered.isdigit() else _CARDINALS[lowered]


# --- rules ---------------------------------------------------------------------------------
# Each rule is a regex and a handler from the match and the reference date to (start, end);
# a handler returns None when the expression cannot be dated (the period keeps its text only).

_Dates = tuple[dt.date | None, dt.date | None] | None
_Handler = Callable[[re.Match[str], dt.date | None], _Dates]
_RULES: list[tuple[str, re.Pattern[str], _Handler]] = []


def _rule(name: str, pattern: str) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        # every expression starts at a word boundary: "again last month" holds no "in"
        _RULES.append((name, re.compile(rf"(?<!\w)(?:{pattern})"), handler))
        return handler

    return register


# "From January to September 2024", "January-September 2024", "between March 2022 and May 2023"
@_rule(
    "month_range",
    rf"(?:(?i:from|between)\s+|{_PLACE_PREP})(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?{_DASH}(?P<m2>{_MONTH}),?(?:\s+(?P<y2>{_YEAR}|{_REL_YEAR}))?",
)
def _month_range(match: re.Match[str], reference: dt.date | None) -> _Dates:
    year2 = _year_of(match["y2"], reference) if match["y2"] else (reference.year if reference else None)
    if year2 is None:
        return None
    year1 = int(match["y1"]) if match["y1"] else year2
    first, last = _month_number(match["m1"]), _month_number(match["m2"])
    if not match["y1"] and first > last:  # "from November to February 2024": the winter across the new year
        year1 = year2 - 1
    return dt.date(year1, first, 1), _last_day(year2, last)


# "in the first nine months of 2024", "the first six months of this year"
@_rule(
    "first_months",
    rf"{_PLACE_PREP}(?i:the\s+first)\s+(?P<n>{_COUNT})\s+(?i:months)(?:\s+(?i:of)\s+(?P<y>{_YEAR_REF}))?",
)
def _first_months(match: re.Match[str], reference: dt.date | None) -> _Dates:
    year = _year_of(match["y"], reference) if match["y"] else (reference.year if reference else None)
    count = _count(match["n"])
    if year is None or not 1 <= count <= 12:
        return None
    return _month_span(year, 1, count)


# "the first half of 2023", "the second half of last year", "H1 2023"
@_rule(
    "half_year",
    rf"{_PLACE_PREP}(?:(?i:the\s+)?(?P<ord>(?i:first|second|1st|2nd))\s+(?i:half)(?:\s+(?i:of)\s+(?P<y>{_YEAR_REF}))?"
    rf"|(?:H(?P<h>[12])|(?P<h2>[12])H)\s+(?P<hy>{_YEAR}))",
)
def _half_year(match: re.Match[str], reference: dt.date | None) -> _Dates:
    half = int(match["h"] or match["h2"] or _ORDINALS[match["ord"].lower()])
    expression = match["y"] or match["hy"]
    year = _year_of(expression, reference) if expression else (reference.year if reference else None)
    if year is None:
        return None
    return _month_span(year, 1, 6) if half == 1 else _month_span(year, 7, 12)


# "Q3 2023", "the third quarter of 2023", "the last quarter of this year"
@_rule(
    "quarter",
    rf"{_PLACE_PREP}(?:Q(?P<q>[1-4])(?:\s+(?P<qy>{_YEAR}))?"
    rf"|(?i:the\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))\s+(?i:quarter)"
    rf"(?:\s+(?i:of)\s+(?P<y>{_YEAR_REF}))?)",
)
def _quarter(match: re.Match[str], reference: dt.date | None) -> _Dates:
    quarter = int(match["q"]) if match["q"] else _ORDINALS[match["ord"].lower()]
    expression = match["qy"] or match["y"]
    year = _year_of(expression, reference) if expression else (reference.year if reference else None)
    if year is None:
        return None
    return _month_span(year, 3 * quarter - 2, 3 * quarter)


# "between 2010 and 2015", "from 2010 to 2015", "2010-2015", "2022-23"
@_rule(
    "year_range",
    rf"(?:(?i:from|between)\s+|{_PLACE_PREP})(?P<y1>{_YEAR})\s*(?:-|–|—|/|(?i:to|and|through|until))\s*(?P<y2>{_YEAR}|\d\d(?!\d))",
)
def _year_range(match: re.Match[str], reference: dt.date | None) -> _Dates:
    first = int(match["y1"])
    second = match["y2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last < first:
        return None
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


# "since 2015", "since March 2022", "since last year", "since the 1990s"
@_rule(
    "since",
    rf"(?i:since)\s+(?:(?P<m>{_MONTH})\s+)?(?P<y>{_YEAR}|{_REL_YEAR})(?!\s*(?:-|–|to\b|and\b))"
    rf"|(?i:since)\s+(?P<dec>(?i:the\s+)?(?:19|20)\d0s)",
)
def _since(match: re.Match[str], reference: dt.date | None) -> _Dates:
    if match["dec"]:
        start_year = int(re.search(r"\d{4}", match["dec"]).group(0))  # type: ignore[union-attr]
        return dt.date(start_year, 1, 1), reference
    year = _year_of(match["y"], reference)
    if year is None:
        return None
    start = dt.date(year, _month_number(match["m"]) if match["m"] else 1, 1)
    return start, reference


# "by 2030", "until 2025", "by the end of the year", "by the end of next year"
@_rule(
    "deadline",
    rf"(?i:by|until|till|before)\s+(?:(?i:the\s+end\s+of)\s+)?(?:(?P<m>{_MONTH})\s+)?(?P<y>{_YEAR}|{_REL_YEAR})",
)
def _deadline(match: re.Match[str], reference: dt.date | None) -> _Dates:
    year = _year_of(match["y"], reference)
    if year is None:
        return None
    end = _last_day(year, _month_number(match["m"])) if match["m"] else dt.date(year, 12, 31)
    return None, end


# "in the 1990s", "the early 2000s", "the late 1980s"
@_rule(
    "decade",
    r"(?:(?i:in|during|since|through|throughout)\s+)?(?i:the\s+)?(?:(?P<part>(?i:early|mid|late))[\s-]+)?(?P<dec>(?:19|20)\d0)s\b",
)
def _decade(match: re.Match[str], reference: dt.date | None) -> _Dates:
    start = int(match["dec"])
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), None: (0, 9)}[
        match["part"].lower() if match["part"] else None
    ]
    return dt.date(start + first, 1, 1), dt.date(start + last, 12, 31)


# "March 15, 2023", "15 March 2023", "on March 15", "15 March"
@_rule(
    "day",
    rf"{_PLACE_PREP}(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?![\d:])(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?)",
)
def _day(match: re.Match[str], reference: dt.date | None) -> _Dates:
    month = _month_number(match["m1"] or match["m2"])
    day = int(re.match(r"\d+", match["d1"] or match["d2"]).group(0))  # type: ignore[union-attr]
    explicit = match["y1"] or match["y2"]
    if explicit:
        year = int(explicit)
    elif reference is not None:
        year = reference.year
        if (month, day) > (reference.month, reference.day):
            year -= 1
    else:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date, date


# "March 2023", "in July 2024", "last July", "next March", "in March"
@_rule(
    "month",
    rf"(?:(?P<rel>(?i:last|this|next|early|late|mid|earlier\s+in|later\s+in))[\s-]+|{_PLACE_PREP})(?P<m>{_MONTH_FULL}|{_MONTH_ABBR}(?=,?\s+{_YEAR}))(?:,?\s+(?P<y>{_YEAR}|{_REL_YEAR}))?",
)
def _month(match: re.Match[str], reference: dt.date | None) -> _Dates:
    month = _month_number(match["m"])
    relation = match["rel"].lower().split()[0] if match["rel"] else None
    if match["y"]:
        year = _year_of(match["y"], reference)
    elif reference is None:
        return None
    elif relation == "last":
        year = reference.year if month < reference.month else reference.year - 1
    elif relation == "next":
        year = reference.year if month > reference.month else reference.year + 1
    elif relation == "this":
        year = reference.year
    else:
        year = reference.year if month <= reference.month else reference.year - 1
    if year is None:
        return None
    return _month_span(year, month)


# A bare month name counts only with a preposition, a year or "last/next/this"; "May" alone is a modal.
_BARE_MONTH = re.compile(rf"^(?:{_MONTH_FULL}|{_MONTH_ABBR})$")


# "in 2023", "2018", "fiscal 2023"
@_rule(
    "year",
    rf"(?:(?P<prep>(?i:in|during|for|of|throughout|from|after|before|through|at|to|and|the|fiscal|FY|year))\s+)?(?P<y>{_YEAR})\b",
)
def _year(match: re.Match[str], reference: dt.date | None) -> _Dates:
    return _year_span(int(match["y"]))


# "last year", "this year", "next year", "the ending year", "the outgoing year", "earlier this year"
@_rule(
    "relative_year",
    rf"{_PLACE_PREP}(?P<edge>(?i:earlier|later|early|late)\s+(?i:in\s+)?)?(?P<y>{_REL_YEAR})(?!\s+(?:ago|earlier|before))",
)
def _relative_year(match: re.Match[str], reference: dt.date | None) -> _Dates:
    text = " ".join(match["y"].lower().split())
    if reference is None:
        return None
    if text == "the past year":  # a rolling year, not the previous calendar year
        return _years_before(reference, 1), reference
    year = _year_of(text, reference)
    if year is None:
        return None
    start, end = _year_span(year)
    edge = match["edge"].split()[0].lower() if match["edge"] else None
    if edge == "earlier" and year == reference.year:
        return start, reference
    if edge == "later" and year == reference.year:
        return reference, end
    return start, end


# "last month", "this month", "next month", "last week", "this week", "next week"
@_rule(
    "relative_month_week",
    rf"{_PLACE_PREP}(?:(?i:earlier|later)\s+)?(?P<rel>(?i:last|this|next|the\s+previous|the\s+current|the\s+past|the\s+coming))\s+(?P<unit>(?i:month|week))\b(?!\s+(?:ago|earlier))",
)
def _relative_month_week(match: re.Match[str], reference: dt.date | None) -> _Dates:
    if reference is None:
        return None
    relation = match["rel"].lower().split()[-1]
    offset = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[relation]
    if match["unit"].lower() == "month":
        first = _months_before(reference.replace(day=1), -offset)
        return first, _last_day(first.year, first.month)
    monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


# "over the past decade", "the past five years", "in the last two decades", "the past 12 months"
@_rule(
    "rolling",
    rf"{_PLACE_PREP}(?i:the\s+(?:past|last|previous|preceding))\s+(?:(?P<n>{_COUNT}|(?i:few|several|couple\s+of))\s+)?(?P<unit>(?i:years?|months?|weeks?|days?|decades?|century|centuries))\b",
)
def _rolling(match: re.Match[str], reference: dt.date | None) -> _Dates:
    if reference is None or (match["n"] and not re.fullmatch(_COUNT, match["n"], re.IGNORECASE)):
        return None
    count = _count(match["n"]) if match["n"] else 1
    unit = match["unit"].lower().rstrip("s")
    if unit in {"centurie", "century"}:
        return _years_before(reference, 100 * count), reference
    if unit == "decade":
        return _years_before(reference, 10 * count), reference
    if unit == "year":
        return _years_before(reference, count), reference
    if unit == "month":
        return _months_before(reference, count), reference
    days = 7 * count if unit == "week" else count
    return reference - dt.timedelta(days=days), reference


# "two years ago", "a month ago", "a year earlier"
@_rule(
    "ago",
    rf"(?P<n>{_COUNT}|(?i:a|an|one))\s+(?P<unit>(?i:years?|months?|weeks?|days?|decades?))\s+(?i:ago|earlier)\b",
)
def _ago(match: re.Match[str], reference: dt.date | None) -> _Dates:
    if reference is None:
        return None
    word = match["n"].lower()
    count = 1 if word in {"a", "an"} else _count(word)
    unit = match["unit"].lower().rstrip("s")
    if unit == "decade":
        day = _years_before(reference, 10 * count)
    elif unit == "year":
        day = _years_before(reference, count)
    elif unit == "month":
        day = _months_before(reference, count)
    else:
        day = reference - dt.timedelta(days=count * (7 if unit == "week" else 1))
    return day, day


# "yesterday", "today", "tomorrow"
@_rule("deictic_day", r"(?i:the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|tonight)\b")
def _deictic_day(match: re.Match[str], reference: dt.date | None) -> _Dates:
    if reference is None:
        return None
    word = match.group(0).lower()
    offset = -2 if "before" in word else {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    day = reference + dt.timedelta(days=offset)
    return day, day


# "on Monday", "last Friday", "next Tuesday", "Monday"
@_rule(
    "weekday",
    rf"(?:(?P<rel>(?i:last|next|this|on|since|by|until))\s+)?(?P<w>{_WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night))?\b",
)
def _weekday(match: re.Match[str], reference: dt.date | None) -> _Dates:
    if reference is None:
        return None
    target = _WEEKDAYS[match["w"].lower()]
    relation = match["rel"].lower() if match["rel"] else None
    back = (reference.weekday() - target) % 7
    if relation == "last":
        back = back or 7
    if relation == "next":
        forward = (target - reference.weekday()) % 7 or 7
        day = reference + dt.timedelta(days=forward)
    else:
        day = reference - dt.timedelta(days=back)
    if relation == "since":
        return day, reference
    return day, day


# "during the Cold War", "in Soviet times", "the Soviet era", "World War II"
@_rule(
    "era",
    r"(?:(?i:in|during|since|after|before|throughout|from)\s+)?(?:(?i:the)\s+)?"
    r"(?:(?P<cold>Cold\s+War)|(?P<soviet>Soviet\s+(?i:era|times|period|years|Union\s+era))"
    r"|(?P<ww2>(?:World\s+War\s+(?:II|2|Two)|Second\s+World\s+War|WWII|WW2))"
    r"|(?P<ww1>(?:World\s+War\s+(?:I|1|One)|First\s+World\s+War|Great\s+War|WWI|WW1)))(?![\w])",
)
def _era(match: re.Match[str], reference: dt.date | None) -> _Dates:
    key = "cold war" if match["cold"] else "soviet" if match["soviet"] else "ww2" if match["ww2"] else "ww1"
    start, end = _ERAS[key]
    word = match.group(0).split()[0].lower()
    if word == "since" or word == "after":
        return end, reference
    if word == "before":
        return None, start
    return start, end


# Durations and vague spans, temporal but not datable: "a 10-year deal", "for two years", "in recent years"
@_rule(
    "duration",
    r"(?:(?i:for|within|over|in)\s+)?"
    rf"(?:(?:(?i:a|an|one)|{_COUNT})[\s-]+(?:(?i:and\s+a\s+half)\s+)?(?i:years?|months?|weeks?|days?|decades?)(?:-(?i:long|old))?"
    r"|(?i:the\s+)?(?i:recent|coming|next\s+few|past\s+few)\s+(?i:years|months|weeks|days|decades))\b",
)
def _duration(match: re.Match[str], reference: dt.date | None) -> _Dates:
    return None


def _is_count_not_year(text: str, match: re.Match[str], name: str) -> bool:
    """A bare four-digit number that is a count ("2000 troops", "about 2015 people"), not a year."""
    if name != "year" or match["prep"]:
        return False
    after = text[match.end():]
    before = text[: match.start()]
    return bool(re.match(rf"\s+{_COUNT_NOUNS}", after) or re.search(rf"{_COUNT_MODIFIERS}\s+$", before))


def _is_bare_month(match: re.Match[str], name: str) -> bool:
    """A lone month name with nothing to anchor it: "May" the modal, "March" the noun."""
    return name == "month" and bool(_BARE_MONTH.match(match.group(0)))


def _find_periods(text: str, reference: dt.date | None, *, bare_months: bool) -> list[tuple[int, int, Period]]:
    """`find_periods`, optionally taking a lone month name ("March") as a month."""
    candidates: list[tuple[int, int, int, Period]] = []
    for order, (name, pattern, handler) in enumerate(_RULES):
        for match in pattern.finditer(text):
            if match.end() == match.start() or not match.group(0).strip():
                continue
            if _is_count_not_year(text, match, name) or (not bare_months and _is_bare_month(match, name)):
                continue
            dates = handler(match, reference)
            start_date, end_date = dates if dates is not None else (None, None)
            span_text = match.group(0).strip()
            offset = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
            candidates.append((offset, offset + len(span_text), order, Period(span_text, start_date, end_date)))
    # longest first, then leftmost, then the rule listed first
    candidates.sort(key=lambda item: (-(item[1] - item[0]), item[0], item[2]))
    chosen: list[tuple[int, int, Period]] = []
    for start, end, _, period in candidates:
        if all(end <= other_start or start >= other_end for other_start, other_end, _ in chosen):
            chosen.append((start, end, period))
    return sorted(chosen, key=lambda item: item[0])


def find_periods(text: str, reference: dt.date | None) -> list[tuple[int, int, Period]]:
    """Every time expression in a sentence, resolved against `reference`, with offsets.

    Overlapping candidates are settled by length: the longest expression wins ("the first
    nine months of 2024" over "2024").

    Args:
        text: A sentence or any short text.
        reference: The article date; relative expressions stay undated without it.

    Returns:
        `(start, end, Period)` triples in text order, non-overlapping.

    Examples:
        >>> ref = dt.date(2024, 11, 20)
        >>> [(s, e, p.start, p.end) for s, e, p in find_periods("Trade rose in 2023 and last month.", ref)]
        [(11, 18, datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)), (23, 33, datetime.date(2024, 10, 1), datetime.date(2024, 10, 31))]
        >>> find_periods("It sent 2000 troops.", ref)
        []
    """
    return _find_periods(text, reference, bare_months=False)


def resolve_period(text: str, reference: dt.date | None) -> Period | None:
    """A time expression resolved to start and end dates against the article date.

    Args:
        text: A time expression ("the first half of 2023", "last July", "since 2015").
        reference: The article date.

    Returns:
        The longest period found in `text`; `Period(text)` without dates when `text` is
        clearly temporal but cannot be dated; None when `text` is not temporal at all.

    Examples:
        >>> resolve_period("From January to September 2024", None)
        Period(text='From January to September 2024', start=datetime.date(2024, 1, 1), end=datetime.date(2024, 9, 30))
        >>> resolve_period("last July", dt.date(2024, 5, 2)).start
        datetime.date(2023, 7, 1)
        >>> resolve_period("in recent years", dt.date(2024, 5, 2))
        Period(text='in recent years', start=None, end=None)
        >>> resolve_period("the embassy", dt.date(2024, 5, 2)) is None
        True
    """
    stripped = " ".join(text.split())
    if not stripped:
        return None
    found = _find_periods(stripped, reference, bare_months=True)
    if found:
        return max(found, key=lambda item: item[1] - item[0])[2]
    if _TEMPORAL_WORDS.search(stripped):
        return Period(stripped)
    return None


# Prepositions just before a DATE entity that change what it means ("since 2015", "by 2030").
_MEANINGFUL_PREPOSITIONS: frozenset[str] = frozenset({"since", "by", "until", "till", "from", "between", "before"})


def period_from_span(span: Span, reference: dt.date | None) -> Period | None:
    """The period of a spaCy span, usually a DATE entity, resolved against `reference`.

    spaCy leaves the preposition outside a DATE entity ("since [2015]"), so a meaningful
    preposition right before the span ("since", "by", "until", "from", "between") is taken in.

    Args:
        span: A span of a parsed Doc, e.g. an entity labelled DATE.
        reference: The article date.

    Returns:
        As `resolve_period`; a DATE or TIME entity that no rule dates still gives `Period(text)`.
    """
    doc = span.doc
    start_char = span.start_char
    if span.start > 0 and doc[span.start - 1].text.lower() in _MEANINGFUL_PREPOSITIONS:
        start_char = doc[span.start - 1].idx
    text = doc.text[start_char : span.end_char]
    period = resolve_period(text, reference)
    if period is None and span.label_ in {"DATE", "TIME"}:
        return Period(span.text)
    return period
