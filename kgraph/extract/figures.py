"""Money amounts and percentages in news text: find them, parse them, convert money to USD.

Pure functions over strings, with no spaCy import, so the claim rules can call them on a
sentence, an entity span or a token's subtree alike. Every span returned keeps a leading
approximation word ("about $1 billion", "over £200m"), because the claim's evidence should
show that the figure was not exact.

Conventions:

* A money expression needs a currency (a symbol, an ISO 4217 code or a currency word);
  bare counts ("36,000 students") and years ("in 2024") are never amounts.
* A range ("$1-2 billion") is valued at its lower bound, the conservative figure for
  summing edge weights.
* A conversion in parentheses right after an amount ("€100 million ($110 million)") is
  the same amount restated, so it is folded into the first amount's span instead of being
  reported twice.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from kgraph.model import Amount, Percent

__all__ = ["convert_to_usd", "find_amounts", "find_percents", "parse_amount", "parse_percent"]

# --- numbers -----------------------------------------------------------------------------

# Magnitude words and newsroom abbreviations that multiply the number before them.
_SCALE_WORDS: dict[str, int] = {
    "thousand": 10**3,
    "k": 10**3,
    "lakh": 10**5,
    "lakhs": 10**5,
    "lac": 10**5,
    "million": 10**6,
    "millions": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "crore": 10**7,
    "crores": 10**7,
    "billion": 10**9,
    "billions": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "trillions": 10**12,
    "trln": 10**12,
    "tln": 10**12,
    "trn": 10**12,
    "tn": 10**12,
}

# Cardinal words that stand for a number in prose ("two billion dollars", "a million euros").
_NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "half a": 0,  # placeholder: "half a billion" is handled in _to_decimal
}

# Words before a figure that say it is approximate or a bound; kept inside the span.
_APPROXIMATORS: tuple[str, ...] = (
    "approximately",
    "approx.",
    "an estimated",
    "estimated",
    "around",
    "about",
    "roughly",
    "some",
    "nearly",
    "almost",
    "close to",
    "just over",
    "just under",
    "well over",
    "well above",
    "slightly more than",
    "slightly less than",
    "more than",
    "less than",
    "fewer than",
    "no more than",
    "no less than",
    "over",
    "under",
    "above",
    "below",
    "up to",
    "at least",
    "at most",
    "as much as",
    "upwards of",
    "in excess of",
    "roughly",
    "~",
)

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_WORD_NUMBER = (
    r"(?i:half\s+an?|"
    + "|".join(sorted((w for w in _NUMBER_WORDS if w != "half a"), key=len, reverse=True))
    + r")(?![\w-])"
)
_SCALE = r"(?i:" + "|".join(sorted(_SCALE_WORDS, key=len, reverse=True)) + r")\b"
_APPROX = r"(?i:" + "|".join(re.escape(a) for a in sorted(set(_APPROXIMATORS), key=len, reverse=True)) + r")"

# --- currencies --------------------------------------------------------------------------

# Symbols and abbreviations written before the number ("US$9bn", "Rs 500 crore").
_PREFIX_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "USD$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAN$": "CAD",
    "HK$": "HKD",
    "S$": "SGD",
    "SG$": "SGD",
    "NZ$": "NZD",
    "R$": "BRL",
    "NT$": "TWD",
    "MX$": "MXN",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",  # Japanese unless the sentence says yuan / RMB, see _yen_or_yuan
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "₦": "NGN",
    "₴": "UAH",
    "₸": "KZT",
    "₪": "ILS",
    "₱": "PHP",
    "₫": "VND",
    "฿": "THB",
    "KSh": "KES",
    "Ksh": "KES",
    "Dh": "AED",
    "R": "ZAR",  # only directly before a digit, and only with a scale word
}

# ISO 4217 codes recognised before or after the number ("USD 3.5 million", "5bn EUR").
_ISO_CODES: frozenset[str] = frozenset(
    """USD EUR GBP JPY CNY RMB INR RUB KRW KPW KZT TJS UZS KGS TMT AZN AMD GEL UAH BYN PLN CZK
    HUF RON BGN SEK NOK DKK CHF TRY AED SAR QAR OMR KWD BHD JOD IQD IRR ILS EGP MAD DZD TND
    LYD ZAR NGN KES UGX TZS ETB GHS XOF XAF AUD CAD HKD SGD NZD BRL MXN ARS CLP COP PEN
    TWD THB VND MYR IDR PHP PKR BDT LKR NPR AFN MNT MMK""".split()
)

# Currency words after the number; the value is the currency when no qualifier says otherwise.
_CURRENCY_WORDS: dict[str, str | None] = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "won": "KRW",
    "tenge": "KZT",
    "somoni": "TJS",
    "soum": "UZS",
    "soums": "UZS",
    "sum": "UZS",
    "som": "KGS",
    "soms": "KGS",
    "manat": None,  # Azerbaijani or Turkmen
    "manats": None,
    "dram": "AMD",
    "drams": "AMD",
    "lari": "GEL",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "hryvnas": "UAH",
    "zloty": "PLN",
    "zlotys": "PLN",
    "zlotych": "PLN",
    "forint": "HUF",
    "forints": "HUF",
    "koruna": "CZK",
    "korunas": "CZK",
    "krona": "SEK",
    "kronor": "SEK",
    "krone": None,  # Danish or Norwegian
    "kroner": None,
    "lei": "RON",
    "leu": "RON",
    "lev": "BGN",
    "leva": "BGN",
    "franc": "CHF",
    "francs": "CHF",
    "rupee": "INR",
    "rupees": "INR",
    "dirham": "AED",
    "dirhams": "AED",
    "riyal": "SAR",
    "riyals": "SAR",
    "rial": "IRR",
    "rials": "IRR",
    "dinar": None,  # Kuwaiti, Iraqi, Jordanian, ... ambiguous without a qualifier
    "dinars": None,
    "lira": "TRY",
    "liras": "TRY",
    "lire": "TRY",
    "shekel": "ILS",
    "shekels": "ILS",
    "rand": "ZAR",
    "naira": "NGN",
    "shilling": "KES",
    "shillings": "KES",
    "birr": "ETB",
    "cedi": "GHS",
    "cedis": "GHS",
    "real": "BRL",
    "reais": "BRL",
    "reals": "BRL",
    "peso": None,  # Mexican, Philippine, Argentine, ... ambiguous without a qualifier
    "pesos": None,
    "ringgit": "MYR",
    "rupiah": "IDR",
    "baht": "THB",
    "dong": "VND",
    "taka": "BDT",
    "kyat": "MMK",
    "kyats": "MMK",
    "afghani": "AFN",
    "afghanis": "AFN",
    "tugrik": "MNT",
    "tugriks": "MNT",
}

# National adjectives that pick the currency of a shared currency word ("Ugandan shillings").
_QUALIFIED_CURRENCIES: dict[tuple[str, str], str] = {
    ("us", "dollar"): "USD",
    ("u.s.", "dollar"): "USD",
    ("american", "dollar"): "USD",
    ("australian", "dollar"): "AUD",
    ("canadian", "dollar"): "CAD",
    ("hong kong", "dollar"): "HKD",
    ("singapore", "dollar"): "SGD",
    ("singaporean", "dollar"): "SGD",
    ("new zealand", "dollar"): "NZD",
    ("taiwan", "dollar"): "TWD",
    ("taiwanese", "dollar"): "TWD",
    ("new taiwan", "dollar"): "TWD",
    ("british", "pound"): "GBP",
    ("egyptian", "pound"): "EGP",
    ("lebanese", "pound"): "LBP",
    ("syrian", "pound"): "SYP",
    ("sudanese", "pound"): "SDG",
    ("chinese", "yuan"): "CNY",
    ("japanese", "yen"): "JPY",
    ("south korean", "won"): "KRW",
    ("korean", "won"): "KRW",
    ("north korean", "won"): "KPW",
    ("russian", "ruble"): "RUB",
    ("belarusian", "ruble"): "BYN",
    ("kazakh", "tenge"): "KZT",
    ("tajik", "somoni"): "TJS",
    ("uzbek", "sum"): "UZS",
    ("uzbek", "soum"): "UZS",
    ("kyrgyz", "som"): "KGS",
    ("azerbaijani", "manat"): "AZN",
    ("turkmen", "manat"): "TMT",
    ("armenian", "dram"): "AMD",
    ("georgian", "lari"): "GEL",
    ("ukrainian", "hryvnia"): "UAH",
    ("polish", "zloty"): "PLN",
    ("hungarian", "forint"): "HUF",
    ("czech", "koruna"): "CZK",
    ("swedish", "krona"): "SEK",
    ("danish", "krone"): "DKK",
    ("norwegian", "krone"): "NOK",
    ("romanian", "leu"): "RON",
    ("moldovan", "leu"): "MDL",
    ("bulgarian", "lev"): "BGN",
    ("swiss", "franc"): "CHF",
    ("cfa", "franc"): "XOF",
    ("indian", "rupee"): "INR",
    ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR",
    ("nepalese", "rupee"): "NPR",
    ("nepali", "rupee"): "NPR",
    ("uae", "dirham"): "AED",
    ("emirati", "dirham"): "AED",
    ("moroccan", "dirham"): "MAD",
    ("saudi", "riyal"): "SAR",
    ("qatari", "riyal"): "QAR",
    ("omani", "rial"): "OMR",
    ("iranian", "rial"): "IRR",
    ("yemeni", "rial"): "YER",
    ("kuwaiti", "dinar"): "KWD",
    ("iraqi", "dinar"): "IQD",
    ("jordanian", "dinar"): "JOD",
    ("bahraini", "dinar"): "BHD",
    ("algerian", "dinar"): "DZD",
    ("tunisian", "dinar"): "TND",
    ("libyan", "dinar"): "LYD",
    ("serbian", "dinar"): "RSD",
    ("turkish", "lira"): "TRY",
    ("lebanese", "lira"): "LBP",
    ("syrian", "lira"): "SYP",
    ("israeli", "shekel"): "ILS",
    ("south african", "rand"): "ZAR",
    ("nigerian", "naira"): "NGN",
    ("kenyan", "shilling"): "KES",
    ("ugandan", "shilling"): "UGX",
    ("tanzanian", "shilling"): "TZS",
    ("somali", "shilling"): "SOS",
    ("ethiopian", "birr"): "ETB",
    ("ghanaian", "cedi"): "GHS",
    ("brazilian", "real"): "BRL",
    ("mexican", "peso"): "MXN",
    ("philippine", "peso"): "PHP",
    ("argentine", "peso"): "ARS",
    ("argentinian", "peso"): "ARS",
    ("chilean", "peso"): "CLP",
    ("colombian", "peso"): "COP",
    ("cuban", "peso"): "CUP",
    ("malaysian", "ringgit"): "MYR",
    ("indonesian", "rupiah"): "IDR",
    ("thai", "baht"): "THB",
    ("vietnamese", "dong"): "VND",
    ("bangladeshi", "taka"): "BDT",
    ("mongolian", "tugrik"): "MNT",
}

_SINGULAR: dict[str, str] = {
    "dollars": "dollar", "pounds": "pound", "roubles": "ruble", "rouble": "ruble", "rubles": "ruble",
    "soums": "soum", "soms": "som", "manats": "manat", "drams": "dram", "hryvnias": "hryvnia",
    "hryvnas": "hryvnia", "zlotys": "zloty", "zlotych": "zloty", "forints": "forint", "korunas": "koruna",
    "kronor": "krona", "kroner": "krone", "lei": "leu", "leva": "lev", "francs": "franc", "rupees": "rupee",
    "dirhams": "dirham", "riyals": "riyal", "rials": "rial", "dinars": "dinar", "liras": "lira", "lire": "lira",
    "shekels": "shekel", "shillings": "shilling", "cedis": "cedi", "reais": "real", "reals": "real",
    "pesos": "peso", "tugriks": "tugrik", "kyats": "kyat", "afghanis": "afghani", "euros": "euro",
}

_QUALIFIERS = sorted({q for q, _ in _QUALIFIED_CURRENCIES}, key=len, reverse=True)
_QUALIFIER = r"(?i:" + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in _QUALIFIERS) + r")"
_CURRENCY_WORD = r"(?:" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r")"
_ISO = r"(?:" + "|".join(sorted(_ISO_CODES)) + r")"
_SYMBOL = r"(?:" + "|".join(re.escape(s) for s in sorted(_PREFIX_SYMBOLS, key=len, reverse=True)) + r")"

_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_RANGE_DASH = r"\s*(?:-|–|—|to)\s*"
_APPROX_PREFIX = rf"(?:(?P<approx>{_APPROX})\s+)?"

_AMOUNT_RE = re.compile(
    _APPROX_PREFIX
    + r"(?:"
    # Money written symbol-first: "$1.08 billion", "US$9bn", "USD 3.5 million", "Rs 500 crore".
    + rf"(?:(?<![A-Za-z0-9])(?P<sym>{_SYMBOL})|(?<![A-Za-z])(?P<iso1>{_ISO})\b)\s?"
    + rf"(?P<snum>{_DIGITS})"
    + rf"(?:{_RANGE_DASH}(?:{_SYMBOL})?\s?(?P<snum2>{_DIGITS}))?"
    + rf"(?:\s*(?P<sscale>{_SCALE}))?"
    + rf"(?:\s+(?P<iso_after>{_ISO})\b)?"
    + r"|"
    # Money written word-last: "2 billion dollars", "1.2 trillion yen", "5 million Ugandan shillings".
    + rf"(?<![\w$€£¥₹.,])(?P<num>{_NUMBER})"
    + rf"(?:{_RANGE_DASH}(?P<num2>{_DIGITS}))?"
    + rf"(?:\s*(?P<scale>{_SCALE}))?\s*"
    + rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?P<word>(?i:{_CURRENCY_WORD})|{_ISO})\b"
    + r"(?:\s+(?i:sterling)\b)?"
    + r")"
)

# A restatement in brackets right after an amount: "€100 million ($110 million)".
_PAREN_RE = re.compile(r"\s*\(\s*(?:(?i:or)\s+)?([^()]{1,48})\)")

_PERCENT_RE = re.compile(
    rf"{_APPROX_PREFIX}(?<![\w.,])(?P<num>{_NUMBER})(?:{_RANGE_DASH}(?P<num2>{_DIGITS}))?\s*"
    r"(?P<unit>%|(?i:percent(?:age)?\s+points?\b|per\s*cent\b|pct\b|pp\b|p\.p\.))"
)


def _to_decimal(number: str) -> Decimal:
    """The value of a numeral or a cardinal word ("1,200.5", "two", "half a")."""
    cleaned = number.replace(",", "").strip().lower()
    if cleaned.startswith("half"):
        return Decimal("0.5")
    if cleaned in _NUMBER_WORDS:
        return Decimal(_NUMBER_WORDS[cleaned])
    return Decimal(cleaned)


def _scale_of(scale: str | None) -> int:
    return _SCALE_WORDS[scale.lower()] if scale else 1


def _yen_or_yuan(context: str) -> str:
    """"¥" is Japanese yen unless the sentence names the Chinese currency."""
    return "CNY" if re.search(r"\b(?:yuan|rmb|renminbi|cny)\b", context, re.IGNORECASE) else "JPY"


def _symbol_currency(symbol: str, context: str) -> str:
    if symbol == "¥":
        return _yen_or_yuan(context)
    return _PREFIX_SYMBOLS[symbol]


def _word_currency(word: str, qualifier: str | None) -> str | None:
    lowered = word.lower()
    if word in _ISO_CODES:
        return "CNY" if word == "RMB" else word
    if qualifier:
        key = (" ".join(qualifier.lower().split()), _SINGULAR.get(lowered, lowered))
        if key in _QUALIFIED_CURRENCIES:
            return _QUALIFIED_CURRENCIES[key]
    return _CURRENCY_WORDS.get(lowered)


# Currency words that are also common English words; money only with a digit or a scale word.
_AMBIGUOUS_CURRENCY_WORDS: frozenset[str] = frozenset({"real", "sum", "som", "dong", "won", "rand", "lev", "pound", "pounds"})


def _amount_from_match(match: re.Match[str], context: str) -> Amount | None:
    """The amount a regex match stands for, or None when the match is not money after all."""
    groups = match.groupdict()
    currency: str | None
    if groups["snum"] is not None:
        number, scale = groups["snum"], groups["sscale"]
        symbol = groups["sym"]
        if symbol is not None:
            # a bare "R" is the rand only in "R2 billion"; before a plain number it is too ambiguous
            if symbol == "R" and not scale:
                return None
            currency = _symbol_currency(symbol, context)
        else:
            currency = "CNY" if groups["iso1"] == "RMB" else groups["iso1"]
    else:
        number, scale, word = groups["num"], groups["scale"], groups["word"]
        has_digit = any(char.isdigit() for char in number)
        # an article is a number only before a scale word: "a billion dollars", not "a dollar"
        if number.lower() in {"a", "an"} and not scale:
            return None
        # "won", "real", "pounds" ... are money only after a figure: "5 billion won", "£"-less "2,000 pounds"
        if word.lower() in _AMBIGUOUS_CURRENCY_WORDS and not (has_digit or scale):
            return None
        # weight, not sterling: "500 pounds of explosives"
        if word.lower().startswith("pound") and re.match(r"\s+of\b", context[match.end():]):
            return None
        currency = _word_currency(word, groups["qual"])
    value = _to_decimal(number) * _scale_of(scale)
    return Amount(float(value), currency, match.group(0).strip())


def find_amounts(text: str) -> list[tuple[int, int, Amount]]:
    """Every money expression in a sentence, with character offsets into `text`.

    A leading approximation word belongs to the span; a bracketed restatement right after
    an amount ("€100 million ($110 million)") is folded into it.

    Args:
        text: A sentence or any short text.

    Returns:
        `(start, end, Amount)` triples in text order, non-overlapping.

    Examples:
        >>> [(s, e, a.value, a.currency) for s, e, a in find_amounts("It lent about $2bn and €300m.")]
        [(8, 18, 2000000000.0, 'USD'), (23, 28, 300000000.0, 'EUR')]
        >>> find_amounts("Some 36,000 students study there since 2024.")
        []
    """
    found: list[tuple[int, int, Amount]] = []
    position = 0
    while True:
        match = _AMOUNT_RE.search(text, position)
        if match is None:
            break
        amount = _amount_from_match(match, text)
        if amount is None:
            position = match.start() + 1
            continue
        start, end = match.start(), match.end()
        paren = _PAREN_RE.match(text, end)
        if paren and _AMOUNT_RE.fullmatch(paren.group(1).strip()):
            end = paren.end()
            amount = Amount(amount.value, amount.currency, text[start:end].strip())
        found.append((start, end, amount))
        position = end
    return found


# Physical quantities that news gives for trade, aid and energy ("more than 800 tonnes of
# aid", "21 metric tons of gold", "5 bcm of gas"), and the count of those a sanction names.
_QUANTITY_RE = re.compile(
    r"(?P<qual>(?:about|around|approximately|some|nearly|almost|more than|over|up to|at least|less than|"
    r"roughly)\s+)?(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|billion|thousand|mln|bln)?\s*"
    r"(?P<unit>(?:metric\s+)?(?:tonnes|tons|tonne|ton)|barrels(?:\s+per\s+day)?|bcm|cubic\s+met(?:er|re)s|"
    r"(?:mega|giga|kilo)watts?|MW|GW|TWh|kWh|doses|individuals|entities|organi[sz]ations|companies|vessels)\b",
    re.IGNORECASE,
)


def find_quantities(text: str) -> list[tuple[int, int, Amount]]:
    """Non-monetary quantities with a unit, as Amounts without a currency.

    Examples:
        >>> [(a.value, a.currency, a.text) for _, _, a in find_quantities("It sent more than 800 tonnes of aid.")]
        [(800.0, None, 'more than 800 tonnes')]
        >>> find_quantities("It lent $2bn.")
        []
    """
    found = []
    for match in _QUANTITY_RE.finditer(text):
        value = _to_decimal(match.group("number")) * _scale_of(match.group("scale"))
        found.append((match.start(), match.end(), Amount(float(value), None, match.group(0).strip())))
    return found


def parse_amount(text: str) -> Amount | None:
    """The first money amount in `text`, normalised to a number and an ISO 4217 code.

    Args:
        text: A money span ("over £200m") or a sentence containing one.

    Returns:
        The amount, its `text` being the matched span with any approximation word, or
        None when `text` holds no money.

    Examples:
        >>> parse_amount("US$9bn")
        Amount(value=9000000000.0, currency='USD', text='US$9bn')
        >>> parse_amount("Rs 500 crore")
        Amount(value=5000000000.0, currency='INR', text='Rs 500 crore')
        >>> parse_amount("over £200m").text
        'over £200m'
        >>> parse_amount("36,000 students") is None
        True
    """
    amounts = find_amounts(text)
    return amounts[0][2] if amounts else None


def find_percents(text: str) -> list[tuple[int, int, Percent]]:
    """Every percentage in a sentence, with character offsets into `text`.

    Percentage points ("1.5 percentage points") count as percents; the unit stays in the
    span's text. A leading approximation word belongs to the span; a verb before the figure
    ("exceeded 88 percent") does not.

    Args:
        text: A sentence or any short text.

    Returns:
        `(start, end, Percent)` triples in text order.

    Examples:
        >>> [(s, e, p.value) for s, e, p in find_percents("Exports rose 10.1 percent, around 90% by sea.")]
        [(13, 25, 10.1), (27, 37, 90.0)]
    """
    found: list[tuple[int, int, Percent]] = []
    for match in _PERCENT_RE.finditer(text):
        number = match.group("num")
        if number.lower() in {"a", "an"}:
            continue
        value = float(_to_decimal(number))
        found.append((match.start(), match.end(), Percent(value, match.group(0).strip())))
    return found


def parse_percent(text: str) -> Percent | None:
    """The first percentage in `text`.

    Args:
        text: A percent span ("about 20 percent") or a sentence containing one.

    Returns:
        The percent, or None when `text` holds none.

    Examples:
        >>> parse_percent("20 per cent")
        Percent(value=20.0, text='20 per cent')
        >>> parse_percent("exceeded 88 percent").value
        88.0
        >>> parse_percent("in 2024") is None
        True
    """
    percents = find_percents(text)
    return percents[0][2] if percents else None


# --- conversion ----------------------------------------------------------------------------

# Units of currency per US dollar, yearly averages, rounded to two or three significant
# figures. Approximate values in the spirit of the Federal Reserve H.10 / IMF IFS annual
# averages, compiled by hand; good enough to weigh edges in an export, never for finance.
# Pegged currencies carry a single rate. Missing years fall back to the nearest year given.
_USD_RATES: dict[str, dict[int, float]] = {
    "USD": {2000: 1.0},
    "EUR": {2010: 0.755, 2012: 0.778, 2014: 0.754, 2015: 0.902, 2016: 0.904, 2017: 0.887, 2018: 0.847,
            2019: 0.893, 2020: 0.877, 2021: 0.846, 2022: 0.951, 2023: 0.925, 2024: 0.924, 2025: 0.89},
    "GBP": {2010: 0.647, 2012: 0.631, 2014: 0.607, 2015: 0.654, 2016: 0.741, 2017: 0.777, 2018: 0.750,
            2019: 0.784, 2020: 0.780, 2021: 0.727, 2022: 0.811, 2023: 0.804, 2024: 0.783, 2025: 0.76},
    "JPY": {2010: 87.8, 2012: 79.8, 2014: 105.9, 2015: 121.0, 2016: 108.8, 2017: 112.2, 2018: 110.4,
            2019: 109.0, 2020: 106.8, 2021: 109.8, 2022: 131.5, 2023: 140.5, 2024: 151.4, 2025: 150.0},
    "CNY": {2010: 6.77, 2012: 6.31, 2014: 6.16, 2015: 6.23, 2016: 6.64, 2017: 6.76, 2018: 6.62,
            2019: 6.91, 2020: 6.90, 2021: 6.45, 2022: 6.73, 2023: 7.08, 2024: 7.19, 2025: 7.20},
    "INR": {2010: 45.7, 2012: 53.4, 2014: 61.0, 2015: 64.2, 2016: 67.2, 2017: 65.1, 2018: 68.4,
            2019: 70.4, 2020: 74.1, 2021: 73.9, 2022: 78.6, 2023: 82.6, 2024: 83.7, 2025: 86.5},
    "RUB": {2010: 30.4, 2012: 31.1, 2014: 38.4, 2015: 61.0, 2016: 67.1, 2017: 58.3, 2018: 62.7,
            2019: 64.7, 2020: 72.1, 2021: 73.7, 2022: 68.5, 2023: 85.2, 2024: 92.6, 2025: 85.0},
    "KRW": {2010: 1156.0, 2014: 1053.0, 2015: 1131.0, 2016: 1160.0, 2017: 1130.0, 2018: 1100.0,
            2019: 1166.0, 2020: 1180.0, 2021: 1144.0, 2022: 1292.0, 2023: 1306.0, 2024: 1364.0, 2025: 1420.0},
    "KZT": {2010: 147.0, 2014: 179.0, 2015: 222.0, 2016: 342.0, 2017: 326.0, 2018: 345.0, 2019: 383.0,
            2020: 413.0, 2021: 426.0, 2022: 460.0, 2023: 456.0, 2024: 470.0, 2025: 510.0},
    "TJS": {2010: 4.38, 2014: 4.94, 2015: 6.16, 2016: 7.84, 2017: 8.55, 2018: 9.15, 2019: 9.53,
            2020: 10.32, 2021: 11.31, 2022: 11.03, 2023: 10.93, 2024: 10.85, 2025: 10.6},
    "UZS": {2015: 2570.0, 2017: 5120.0, 2018: 8070.0, 2019: 8840.0, 2020: 10050.0, 2021: 10610.0,
            2022: 11050.0, 2023: 11730.0, 2024: 12650.0, 2025: 12800.0},
    "KGS": {2015: 64.5, 2017: 68.9, 2019: 69.8, 2020: 77.4, 2021: 84.6, 2022: 84.1, 2023: 88.1, 2024: 87.0},
    "TRY": {2010: 1.50, 2014: 2.19, 2015: 2.72, 2016: 3.02, 2017: 3.65, 2018: 4.83, 2019: 5.67,
            2020: 7.01, 2021: 8.85, 2022: 16.55, 2023: 23.74, 2024: 32.8, 2025: 39.0},
    "ZAR": {2010: 7.32, 2014: 10.85, 2015: 12.75, 2016: 14.71, 2017: 13.32, 2018: 13.23, 2019: 14.45,
            2020: 16.46, 2021: 14.79, 2022: 16.36, 2023: 18.45, 2024: 18.33, 2025: 18.0},
    "NGN": {2010: 150.0, 2014: 158.0, 2015: 193.0, 2016: 253.0, 2017: 306.0, 2018: 306.0, 2019: 307.0,
            2020: 358.0, 2021: 401.0, 2022: 425.0, 2023: 645.0, 2024: 1479.0, 2025: 1550.0},
    "KES": {2010: 79.2, 2014: 87.9, 2015: 98.2, 2016: 101.5, 2017: 103.4, 2018: 101.3, 2019: 102.0,
            2020: 106.5, 2021: 109.6, 2022: 117.9, 2023: 139.8, 2024: 134.8, 2025: 129.0},
    "PKR": {2010: 85.2, 2014: 101.1, 2015: 102.8, 2016: 104.8, 2017: 105.5, 2018: 121.8, 2019: 150.0,
            2020: 161.8, 2021: 162.9, 2022: 204.9, 2023: 280.4, 2024: 278.6, 2025: 282.0},
    "AUD": {2010: 1.09, 2014: 1.11, 2015: 1.33, 2016: 1.345, 2017: 1.305, 2018: 1.338, 2019: 1.439,
            2020: 1.453, 2021: 1.331, 2022: 1.442, 2023: 1.505, 2024: 1.515, 2025: 1.55},
    "CAD": {2010: 1.03, 2014: 1.10, 2015: 1.279, 2016: 1.325, 2017: 1.298, 2018: 1.296, 2019: 1.327,
            2020: 1.341, 2021: 1.254, 2022: 1.301, 2023: 1.350, 2024: 1.370, 2025: 1.40},
    "NZD": {2010: 1.39, 2015: 1.43, 2016: 1.44, 2017: 1.41, 2018: 1.45, 2019: 1.52, 2020: 1.54,
            2021: 1.41, 2022: 1.58, 2023: 1.63, 2024: 1.65, 2025: 1.72},
    "SGD": {2010: 1.36, 2015: 1.375, 2016: 1.381, 2017: 1.381, 2018: 1.349, 2019: 1.364, 2020: 1.380,
            2021: 1.344, 2022: 1.379, 2023: 1.343, 2024: 1.336, 2025: 1.31},
    "BRL": {2010: 1.76, 2014: 2.35, 2015: 3.33, 2016: 3.49, 2017: 3.19, 2018: 3.65, 2019: 3.94,
            2020: 5.16, 2021: 5.40, 2022: 5.16, 2023: 5.00, 2024: 5.39, 2025: 5.6},
    "CHF": {2010: 1.04, 2014: 0.915, 2015: 0.962, 2016: 0.985, 2017: 0.985, 2018: 0.978, 2019: 0.994,
            2020: 0.939, 2021: 0.914, 2022: 0.955, 2023: 0.899, 2024: 0.880, 2025: 0.83},
    "UAH": {2010: 7.94, 2014: 11.9, 2015: 21.8, 2016: 25.6, 2017: 26.6, 2018: 27.2, 2019: 25.8,
            2020: 27.0, 2021: 27.3, 2022: 32.3, 2023: 36.6, 2024: 40.2, 2025: 41.5},
    "PLN": {2015: 3.77, 2018: 3.61, 2020: 3.90, 2022: 4.46, 2023: 4.20, 2024: 3.98, 2025: 3.80},
    "SEK": {2015: 8.43, 2018: 8.69, 2020: 9.21, 2022: 10.11, 2023: 10.61, 2024: 10.57, 2025: 10.0},
    "EGP": {2015: 7.69, 2017: 17.8, 2019: 16.8, 2021: 15.7, 2022: 19.2, 2023: 30.6, 2024: 45.4, 2025: 50.0},
    "MXN": {2015: 15.9, 2018: 19.2, 2020: 21.5, 2022: 20.1, 2023: 17.8, 2024: 18.3, 2025: 19.5},
    "IDR": {2015: 13390.0, 2018: 14240.0, 2020: 14580.0, 2022: 14850.0, 2023: 15240.0, 2024: 15850.0},
    "MYR": {2015: 3.91, 2018: 4.04, 2020: 4.20, 2022: 4.40, 2023: 4.56, 2024: 4.58, 2025: 4.35},
    "THB": {2015: 34.2, 2018: 32.3, 2020: 31.3, 2022: 35.1, 2023: 34.8, 2024: 35.3, 2025: 33.5},
    "VND": {2015: 21900.0, 2018: 23000.0, 2020: 23200.0, 2022: 23400.0, 2023: 23800.0, 2024: 25000.0},
    "BDT": {2015: 77.9, 2018: 83.5, 2020: 84.9, 2022: 91.0, 2023: 108.0, 2024: 117.0, 2025: 121.0},
    "ILS": {2015: 3.89, 2018: 3.60, 2020: 3.44, 2022: 3.36, 2023: 3.69, 2024: 3.70, 2025: 3.50},
    "AZN": {2014: 0.78, 2015: 1.02, 2016: 1.60, 2017: 1.72, 2018: 1.70},
    "TMT": {2015: 3.5},
    "AMD": {2015: 478.0, 2018: 483.0, 2020: 489.0, 2022: 436.0, 2023: 392.0, 2024: 392.0},
    "GEL": {2015: 2.27, 2018: 2.53, 2020: 3.11, 2022: 2.92, 2023: 2.63, 2024: 2.72},
    "BYN": {2017: 1.93, 2019: 2.09, 2021: 2.54, 2023: 3.05, 2024: 3.25},
    "IRR": {2015: 29000.0, 2018: 40900.0, 2020: 42000.0},  # official rate; the market rate differs widely
    "HKD": {2000: 7.8},  # pegged
    "SAR": {2000: 3.75},  # pegged
    "AED": {2000: 3.6725},  # pegged
    "QAR": {2000: 3.64},  # pegged
    "OMR": {2000: 0.3845},  # pegged
    "BHD": {2000: 0.376},  # pegged
    "JOD": {2000: 0.709},  # pegged
    "KWD": {2015: 0.302, 2020: 0.306, 2024: 0.307},
    "XOF": {2015: 592.0, 2018: 556.0, 2020: 575.0, 2022: 624.0, 2023: 607.0, 2024: 606.0},
    "XAF": {2015: 592.0, 2018: 556.0, 2020: 575.0, 2022: 624.0, 2023: 607.0, 2024: 606.0},
    "TWD": {2015: 31.9, 2018: 30.2, 2020: 29.5, 2022: 29.8, 2023: 31.2, 2024: 32.1},
    "PHP": {2015: 45.5, 2018: 52.7, 2020: 49.6, 2022: 54.5, 2023: 55.6, 2024: 57.3},
}


def convert_to_usd(amount: Amount, on: dt.date | None = None) -> float | None:
    """An approximate US-dollar value of `amount`, for weighing edges in exports.

    Uses a small hand-made table of yearly average rates (rounded; see `_USD_RATES`). The
    year of `on` picks the rate; a year outside the table falls back to the nearest year
    listed, and `on=None` uses the latest year listed.

    Args:
        amount: The amount to convert.
        on: The date the amount refers to (usually the article date).

    Returns:
        The value in USD, or None when the currency is unknown or not in the table.

    Examples:
        >>> convert_to_usd(Amount(2e9, "USD", "$2bn"))
        2000000000.0
        >>> round(convert_to_usd(Amount(3.75e6, "SAR", "3.75 million riyals")))
        1000000
        >>> round(convert_to_usd(Amount(1e6, "EUR", "€1m"), dt.date(2024, 5, 1)))
        1082251
        >>> convert_to_usd(Amount(1e6, None, "1 million dinars")) is None
        True
    """
    if amount.currency is None:
        return None
    rates = _USD_RATES.get(amount.currency.upper())
    if rates is None:
        return None
    year = on.year if on is not None else max(rates)
    nearest = min(rates, key=lambda listed: (abs(listed - year), -listed))
    return amount.value / rates[nearest]
