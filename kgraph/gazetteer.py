"""Reference data: countries, international organizations, their leaders, and every surface form news uses for them.

The tables ship as package data (``kgraph/data/*.csv``, described in ``kgraph/data/README.md``)
and are read once through `importlib.resources`; `load_gazetteer()` caches the result. This
module is pure Python (csv + dataclasses): it imports neither spaCy nor rdflib, so the pattern
builder, the mention linker and the RDF layer can all share it.

Leader terms use a half-open interval: a holder is in office from ``start`` (inclusive) to
``end`` (exclusive), so on a hand-over day only the successor is in office.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .model import Entity

__all__ = [
    "AMBIGUOUS",
    "CountryRecord",
    "Form",
    "Gazetteer",
    "LeaderRecord",
    "OrganizationRecord",
    "load_gazetteer",
    "load_headquarters",
    "name_key",
    "normalize_typography",
    "parse_countries",
    "parse_leaders",
    "parse_organizations",
]

HEAD_OF_STATE = "head_of_state"
HEAD_OF_GOVERNMENT = "head_of_government"
OFFICES: tuple[str, ...] = (HEAD_OF_STATE, HEAD_OF_GOVERNMENT)
# Roles whose holders share one head-of-state office (Andorra's co-princes, Bosnia's presidency,
# Nicaragua's co-presidency); every other country has at most one head of state on a given day.
SHARED_HEAD_OF_STATE_ROLES: frozenset[str] = frozenset({"co-prince", "member of the presidency", "co-president"})
# Where a monarch of several realms at once (Charles III, king of fifteen Commonwealth realms)
# is read to lead when the text names none of the realms: the seat of the monarchy.
MONARCHY_SEATS: frozenset[str] = frozenset({"GBR"})

# Forms that need context even though the tables give them a single owner: a person's name
# ("Chad", "Jordan"), a US state or city ("Georgia", "Washington"), a region or a river ("Niger",
# "Micronesia", "Macedonia"), a common word ("Male", "Victoria"), a bare noun that other bodies
# share ("the Security Council" of Russia, "the Commonwealth"), or a nickname for either Korea.
# Compared case-insensitively and without a leading "the".
AMBIGUOUS: frozenset[str] = frozenset(
    {
        "Georgia", "Jordan", "Chad", "Niger", "Guinea", "Congo", "the Congo", "Korea", "Dominica", "Dominican",
        "Washington", "the North", "the South", "American", "Macedonia", "Micronesia", "Virgin Islands",
        "Jersey", "the Islamic Republic", "Victoria", "Georgetown", "George Town", "Hamilton", "Douglas",
        "Stanley", "Plymouth", "Jamestown", "Kingston", "Saint-Denis", "Male", "Tripoli", "San José", "San Jose",
        "The Hague", "Number 10", "No 10", "No. 10", "Brussels", "Security Council", "General Assembly",
        "Commonwealth", "Quad", "Emirates", "Salvador", "Santiago", "Antigua",
    }
)

_LIST_SEPARATOR = "|"
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
# Generational suffixes are not surnames ("Ferdinand Marcos Jr." is "Marcos").
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "vi", "x", "xiv", "xvi"})
# In Arabic names the last word after "bin"/"ibn" is the father's name, not a surname.
_PATRONYMIC = re.compile(r"\b(bin|ibn|bint)\b", re.IGNORECASE)
# Chinese, Korean and Khmer names put the family name first ("Xi Jinping", "Hun Manet"); their
# short forms are listed as aliases instead.
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "KHM"})
_HONORIFICS = re.compile(
    r"^(?:(?:president|prime minister|premier|chancellor|king|queen|emir|sultan|sheikh|shaikh|crown prince|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?|sir|general|gen\.|pope|prince|ayatollah)\s+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class CountryRecord:
    """One ISO 3166-1 entry (plus Kosovo) with the names news uses for it."""

    alpha2: str
    alpha3: str
    numeric: str
    qid: str | None
    name: str
    official_name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    lat: float | None
    lon: float | None
    region: str
    subregion: str


@dataclass(frozen=True, slots=True)
class OrganizationRecord:
    """An international organization; `members` are alpha-3 codes (empty where not curated)."""

    id: str
    name: str
    qid: str | None
    aliases: tuple[str, ...]
    kind: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LeaderRecord:
    """One term of one head of state or government.

    `office` is "head_of_state" or "head_of_government". A president who is both (United
    States, Brazil) has one record per office for the same term. `end` is exclusive and
    None while in office.
    """

    qid: str | None
    name: str
    aliases: tuple[str, ...]
    country: str
    role: str
    office: str
    start: dt.date
    end: dt.date | None

    def in_office(self, on: dt.date | None) -> bool:
        """Whether the term covers `on`; None means "at any time" and is always True.

        Examples:
            >>> rec = LeaderRecord(None, "A B", (), "XXX", "president", "head_of_state",
            ...                    dt.date(2020, 1, 1), dt.date(2024, 1, 1))
            >>> rec.in_office(dt.date(2023, 12, 31)), rec.in_office(dt.date(2024, 1, 1)), rec.in_office(None)
            (True, False, True)
        """
        if on is None:
            return True
        return self.start <= on and (self.end is None or on < self.end)

    @property
    def surname(self) -> str | None:
        """The word news uses alone for this person, when the name has one.

        Examples:
            >>> LeaderRecord(None, "Ferdinand Marcos Jr.", (), "PHL", "president", "head_of_state",
            ...              dt.date(2022, 6, 30), None).surname
            'Marcos'
            >>> LeaderRecord(None, "Mohammed bin Salman", (), "SAU", "prime minister", "head_of_government",
            ...              dt.date(2022, 9, 27), None).surname is None
            True
        """
        if _PATRONYMIC.search(self.name) or self.country in _FAMILY_NAME_FIRST:
            return None
        words = [w for w in self.name.split() if w.lower() not in _SUFFIXES]
        return words[-1].rstrip(",") if len(words) > 1 else None


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of a country or an organization.

    `form` says which column it came from: "name", "official", "alias", "adjective",
    "demonym", "capital" or "acronym" (an organization's id or all-capitals alias; a
    country's acronyms such as "US" are aliases).
    `ambiguous` is True when the same text (ignoring case and a leading "the") names another
    entity too, or is in `AMBIGUOUS`.
    """

    text: str
    kind: str
    id: str
    form: str
    ambiguous: bool


# The typographic variants of an apostrophe or single quote, a double quote, a hyphen or dash, and
# a space that news text uses for the plain ASCII character. Each maps to one character, so a
# normalised text keeps the original's length and every character offset stays valid.
_APOSTROPHES = "\u2018\u2019\u201a\u201b\u02bb\u02bc\u2032\u00b4\u0060\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_TYPOGRAPHY = str.maketrans({**dict.fromkeys(_APOSTROPHES, "'"), **dict.fromkeys(_DOUBLE_QUOTES, '"'),
                             **dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_SPACES, " ")})
TYPOGRAPHIC_VARIANTS: dict[str, str] = {"'": _APOSTROPHES, '"': _DOUBLE_QUOTES, "-": _DASHES, " ": _SPACES}


def normalize_typography(text: str) -> str:
    """Curly quotes and apostrophes, dashes and special spaces as their ASCII character.

    The one place where kgraph decides which characters count as the same for matching names:
    the gazetteer's patterns and lookups, the leaders table and the title rules all read text
    through it. The result has the same length as `text`, so offsets found in it hold in `text`.

    Examples:
        >>> normalize_typography("People\u2019s Republic \u2013 Guinea\u2011Bissau\u00a0")
        "People's Republic - Guinea-Bissau "
    """
    return text.translate(_TYPOGRAPHY)


def fold(text: str) -> str:
    """Case-fold, drop diacritics and normalise typography: the key for loose matching.

    Examples:
        >>> fold("Côte d’Ivoire")
        "cote d'ivoire"
    """
    text = normalize_typography(text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def form_key(text: str) -> str:
    """The key under which two forms count as the same text: folded, without a leading "the".

    Examples:
        >>> form_key("The Kremlin") == form_key("Kremlin")
        True
    """
    return _ARTICLE.sub("", fold(text))


# Generational suffixes and initials: left out of a name's key ("Joseph R. Biden, Jr." = "Joseph Biden").
_KEY_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_INITIAL = re.compile(r"[a-z]\.?")


def name_key(name: str) -> str:
    """The words that identify a personal name: folded, without initials, generational
    suffixes or commas. Two spellings of one name ("Antony J. Blinken", "Antony Blinken";
    "Ferdinand R. Marcos, Jr.", "Ferdinand Marcos Jr.") share their key.

    Examples:
        >>> name_key("Joseph R. Biden, Jr.")
        'joseph biden'
        >>> name_key("Ferdinand Marcos Jr."), name_key("Kim Jong-un")
        ('ferdinand marcos', 'kim jong-un')
    """
    words = [w for w in re.split(r"[\s,]+", fold(name)) if w]
    return " ".join(w for w in words if w.rstrip(".") not in _KEY_SUFFIXES and not _INITIAL.fullmatch(w))


def is_acronym(text: str) -> bool:
    """An all-capitals token such as "UAE", "U.S." or "OPEC+".

    Examples:
        >>> is_acronym("U.S."), is_acronym("NATO"), is_acronym("Nato"), is_acronym("the UAE")
        (True, True, False, False)
    """
    letters = re.sub(r"[^A-Za-z]", "", text)
    return bool(letters) and letters.isupper() and " " not in text.strip() and len(letters) <= 8


def slugify(name: str) -> str:
    """A stable ASCII id for a person without a QID.

    Examples:
        >>> slugify("Tamim bin Hamad Al Thani")
        'tamim-bin-hamad-al-thani'
        >>> slugify("Recep Tayyip Erdoğan")
        'recep-tayyip-erdogan'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(_LIST_SEPARATOR) if part.strip())


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _rows(text: str) -> Iterator[dict[str, str]]:
    yield from csv.DictReader(io.StringIO(text))


def parse_countries(text: str) -> dict[str, CountryRecord]:
    """Country records from the text of countries.csv, by alpha-3 code.

    Examples:
        >>> text = ("alpha2,alpha3,numeric,qid,name,official_name,aliases,adjectives,demonyms,capitals,"
        ...         "lat,lon,region,subregion\\n"
        ...         "TJ,TJK,762,Q863,Tajikistan,Republic of Tajikistan,,Tajik,Tajik|Tajiks,Dushanbe,"
        ...         "38.53,71.05,Asia,Central Asia\\n")
        >>> parse_countries(text)["TJK"].demonyms
        ('Tajik', 'Tajiks')
    """
    out = {}
    for row in _rows(text):
        record = CountryRecord(
            alpha2=row["alpha2"],
            alpha3=row["alpha3"],
            numeric=row["numeric"],
            qid=row["qid"] or None,
            name=row["name"],
            official_name=row["official_name"],
            aliases=_split(row["aliases"]),
            adjectives=_split(row["adjectives"]),
            demonyms=_split(row["demonyms"]),
            capitals=_split(row["capitals"]),
            lat=_float(row["lat"]),
            lon=_float(row["lon"]),
            region=row["region"],
            subregion=row["subregion"],
        )
        out[record.alpha3] = record
    return out


def parse_organizations(text: str) -> dict[str, OrganizationRecord]:
    """Organization records from the text of organizations.csv, by id.

    Examples:
        >>> org = parse_organizations("id,name,qid,aliases,kind,members\\nGCC,Gulf Cooperation Council,,"
        ...                           "the GCC,bloc,BHR|KWT\\n")["GCC"]
        >>> org.members, org.qid
        (('BHR', 'KWT'), None)
    """
    out = {}
    for row in _rows(text):
        record = OrganizationRecord(
            id=row["id"],
            name=row["name"],
            qid=row["qid"] or None,
            aliases=_split(row["aliases"]),
            kind=row["kind"],
            members=_split(row["members"]),
        )
        out[record.id] = record
    return out


def parse_leaders(text: str) -> tuple[LeaderRecord, ...]:
    """Leader records from the text of leaders.csv.

    A row whose office is "head_of_state|head_of_government" (a president who heads both)
    becomes one record per office.

    Examples:
        >>> text = ("qid,name,aliases,country,role,office,start,end\\n"
        ...         "Q22686,Donald Trump,Trump,USA,president,head_of_state|head_of_government,2025-01-20,\\n")
        >>> [r.office for r in parse_leaders(text)]
        ['head_of_state', 'head_of_government']
    """
    out = []
    for row in _rows(text):
        for office in _split(row["office"]):
            start = _date(row["start"])
            if start is None:
                raise ValueError(f"leader {row['name']!r} has no start date")
            out.append(
                LeaderRecord(
                    qid=row["qid"] or None,
                    name=row["name"],
                    aliases=_split(row["aliases"]),
                    country=row["country"],
                    role=row["role"],
                    office=office,
                    start=start,
                    end=_date(row["end"]),
                )
            )
    return tuple(out)


def _country_forms(record: CountryRecord) -> Iterator[tuple[str, str]]:
    yield record.name, "name"
    if record.official_name:
        yield record.official_name, "official"
    # A country's acronyms ("US", "DPRK") stay "alias": "acronym" is kept for organizations, whose
    # acronyms the pattern builder labels ORG.
    for alias in record.aliases:
        yield alias, "alias"
    for capital in record.capitals:
        yield capital, "capital"
    for adjective in record.adjectives:
        yield adjective, "adjective"
    for demonym in record.demonyms:
        yield demonym, "demonym"


def _organization_forms(record: OrganizationRecord) -> Iterator[tuple[str, str]]:
    yield record.name, "acronym" if is_acronym(record.name) else "name"
    yield record.id, "acronym"
    for alias in record.aliases:
        yield alias, "acronym" if is_acronym(alias) else "alias"


def build_forms(
    countries: Iterable[CountryRecord], organizations: Iterable[OrganizationRecord], *, ambiguous: Iterable[str] = AMBIGUOUS
) -> list[Form]:
    """Every surface form, each (text, entity, column) once, with its ambiguity flag.

    Examples:
        >>> cg = CountryRecord("CG", "COG", "178", "Q971", "Republic of the Congo", "", ("Congo",), ("Congolese",),
        ...                    (), (), None, None, "Africa", "Middle Africa")
        >>> cd = CountryRecord("CD", "COD", "180", "Q974", "Democratic Republic of the Congo", "", ("DRC", "Congo"),
        ...                    ("Congolese",), (), (), None, None, "Africa", "Middle Africa")
        >>> sorted({(f.text, f.ambiguous) for f in build_forms([cg, cd], [], ambiguous=())})[:3]
        [('Congo', True), ('Congolese', True), ('DRC', False)]
    """
    raw: list[tuple[str, str, str, str]] = []
    for country in countries:
        raw += [(text, "Country", country.alpha3, form) for text, form in _country_forms(country)]
    for org in organizations:
        raw += [(text, "Organization", org.id, form) for text, form in _organization_forms(org)]
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for text, kind, entity_id, _ in raw:
        owners[form_key(text)].add((kind, entity_id))
    curated = {form_key(text) for text in ambiguous}
    seen: set[tuple[str, str, str, str]] = set()
    forms = []
    for item in raw:
        if item in seen or not item[0]:
            continue
        seen.add(item)
        key = form_key(item[0])
        forms.append(Form(item[0], item[1], item[2], item[3], len(owners[key]) > 1 or key in curated))
    return forms


class Gazetteer:
    """Countries, organizations and leaders, with indexes for looking up names and office holders.

    Build one with `load_gazetteer()` (the shipped, cached tables) or directly from records
    (tests, other data).
    """

    def __init__(
        self,
        countries: dict[str, CountryRecord],
        organizations: dict[str, OrganizationRecord],
        leaders: Iterable[LeaderRecord],
        *,
        ambiguous: Iterable[str] = AMBIGUOUS,
    ) -> None:
        self.countries = countries
        self.organizations = organizations
        self.leaders = tuple(leaders)
        self._forms = build_forms(countries.values(), organizations.values(), ambiguous=ambiguous)
        self._exact: dict[str, list[Form]] = defaultdict(list)
        self._folded: dict[str, list[Form]] = defaultdict(list)
        for form in self._forms:
            self._exact[normalize_typography(form.text)].append(form)
            self._folded[fold(form.text)].append(form)
        self._alpha2 = {c.alpha2: c for c in countries.values()}
        self._org_ids = {key.upper(): org for key, org in organizations.items()}
        self._leaders_by_country: dict[str, list[LeaderRecord]] = defaultdict(list)
        self._leaders_by_name: dict[str, list[LeaderRecord]] = defaultdict(list)
        # By the key of a full name (two words or more), for spellings with initials or "Jr.".
        self._leaders_by_key: dict[str, list[LeaderRecord]] = defaultdict(list)
        for leader in self.leaders:
            self._leaders_by_country[leader.country].append(leader)
            names = {leader.name, *leader.aliases, *([leader.surname] if leader.surname else [])}
            for name in names:
                if leader not in self._leaders_by_name[fold(name)]:
                    self._leaders_by_name[fold(name)].append(leader)
                key = name_key(name)
                if " " in key and leader not in self._leaders_by_key[key]:
                    self._leaders_by_key[key].append(leader)

    def __repr__(self) -> str:
        return (f"Gazetteer({len(self.countries)} countries, {len(self.organizations)} organizations, "
                f"{len(self.leaders)} leader records)")

    # -- surface forms -------------------------------------------------------------------

    def forms(self) -> list[Form]:
        """Every surface form of every country and organization (for building spaCy patterns)."""
        return list(self._forms)

    def lookup(self, text: str) -> list[Form]:
        """The forms spelt `text`: case-sensitive first, then ignoring case and diacritics.

        A leading "the" is optional both ways ("Kremlin" finds "the Kremlin"). The loose pass
        never lets a lower-case word match an acronym, so "who" and "us" find nothing.

        Examples:
            >>> gaz = load_gazetteer()
            >>> [(f.id, f.form) for f in gaz.lookup("The Kremlin")]
            [('RUS', 'capital')]
            >>> gaz.lookup("us")
            []
        """
        text = normalize_typography(text).strip()
        variants = [text]
        stripped = _ARTICLE.sub("", text)
        variants.append(stripped if stripped != text else "the " + text)
        found = [form for variant in variants for form in self._exact.get(variant, [])]
        if not found:
            query_is_acronym = is_acronym(stripped)
            for variant in variants:
                for form in self._folded.get(fold(variant), []):
                    if is_acronym(_ARTICLE.sub("", form.text)) and not query_is_acronym:
                        continue
                    found.append(form)
        return list(dict.fromkeys(found))

    # -- records and entities ------------------------------------------------------------

    def country(self, code: str) -> CountryRecord | None:
        """A country by alpha-3, alpha-2 or any unambiguous name or alias ("Russia", "the UK").

        Examples:
            >>> gaz = load_gazetteer()
            >>> [gaz.country(c).alpha3 for c in ("tjk", "TJ", "Türkiye", "the U.S.")]
            ['TJK', 'TJK', 'TUR', 'USA']
        """
        code = code.strip()
        upper = code.upper()
        if upper in self.countries:
            return self.countries[upper]
        if len(code) == 2 and upper in self._alpha2:
            return self._alpha2[upper]
        names = [f for f in self.lookup(code) if f.kind == "Country" and f.form in ("name", "official", "alias", "acronym")]
        ids = {f.id for f in names}
        return self.countries[ids.pop()] if len(ids) == 1 else None

    def organization(self, code: str) -> OrganizationRecord | None:
        """An organization by id ("EU", case-insensitive) or by an unambiguous name or alias."""
        code = code.strip()
        if code.upper() in self._org_ids:
            return self._org_ids[code.upper()]
        ids = {f.id for f in self.lookup(code) if f.kind == "Organization"}
        return self.organizations[ids.pop()] if len(ids) == 1 else None

    def country_entity(self, alpha3: str) -> Entity:
        """The `Entity` of a country.

        Raises:
            KeyError: for a code that is not in the table.

        Examples:
            >>> load_gazetteer().country_entity("TJK")
            Entity(type='Country', id='TJK', name='Tajikistan', qid='Q863', country=None, role=None)
        """
        record = self.countries.get(alpha3) or self.country(alpha3)
        if record is None:
            raise KeyError(f"Can't find country '{alpha3}'. Use an ISO 3166-1 alpha-3 code such as 'RUS'.")
        return Entity(type="Country", id=record.alpha3, name=record.name, qid=record.qid)

    def organization_entity(self, org_id: str) -> Entity:
        """The `Entity` of an organization.

        Raises:
            KeyError: for an id that is not in the table.
        """
        record = self.organizations.get(org_id) or self.organization(org_id)
        if record is None:
            raise KeyError(f"Can't find organization '{org_id}'. Available: {', '.join(sorted(self.organizations))}")
        return Entity(type="Organization", id=record.id, name=record.name, qid=record.qid)

    def leader_entity(self, leader: LeaderRecord) -> Entity:
        """The `Entity` of a leader: id is the QID, or a slug of the name when there is none."""
        return Entity(type="Leader", id=leader.qid or slugify(leader.name), name=leader.name, qid=leader.qid,
                      country=leader.country, role=leader.role)

    # -- office holders ------------------------------------------------------------------

    def leaders_on(self, alpha3: str, on: dt.date | None, office: str | None = None) -> list[LeaderRecord]:
        """Who held `office` (or either office) in a country on a date; heads of state first.

        With `office=None` a person who holds both offices appears once (the head-of-state record).

        Examples:
            >>> gaz = load_gazetteer()
            >>> [r.name for r in gaz.leaders_on("RUS", dt.date(2024, 12, 25))]
            ['Vladimir Putin', 'Mikhail Mishustin']
            >>> [r.name for r in gaz.leaders_on("USA", dt.date(2019, 1, 1))]
            ['Donald Trump']
        """
        record = self.countries.get(alpha3) or self.country(alpha3)
        code = record.alpha3 if record else alpha3
        holders = [
            leader for leader in self._leaders_by_country.get(code, [])
            if leader.in_office(on) and (office is None or leader.office == office)
        ]
        holders.sort(key=lambda r: (OFFICES.index(r.office) if r.office in OFFICES else 2, r.start))
        if office is None:
            holders = _one_per_term(holders)
        return holders

    def find_leaders(self, name: str, on: dt.date | None = None) -> list[LeaderRecord]:
        """Leader terms matching a full name, an alias or a surname; those in office on `on` first.

        Titles in front of the name ("President", "Sheikh", "Mr") are ignored, and so are
        case, diacritics, typography, and a full name's initials and "Jr." (`name_key`). Each term is listed once (the head-of-state record when one
        person holds both offices); then the most recent terms come first.

        Examples:
            >>> gaz = load_gazetteer()
            >>> [(r.name, r.role) for r in gaz.find_leaders("Putin", dt.date(2010, 1, 1))][:2]
            [('Vladimir Putin', 'prime minister'), ('Vladimir Putin', 'president')]
            >>> gaz.find_leaders("President Rahmon")[0].country
            'TJK'
        """
        # The title may be part of a listed alias ("Sheikh Tamim", "King Salman"): try the name as written first.
        bare = _HONORIFICS.sub("", name.strip())
        found = (self._leaders_by_name.get(fold(name), []) or self._leaders_by_name.get(fold(bare), [])
                 or self._leaders_by_key.get(name_key(bare), []))
        matches = _one_per_term(found)
        matches.sort(key=lambda r: (not r.in_office(on), -r.start.toordinal()))
        return matches


def _one_per_term(records: Iterable[LeaderRecord]) -> list[LeaderRecord]:
    """Drop the second record of a person who holds both offices in the same term."""
    seen: set[tuple[str, str, dt.date, dt.date | None]] = set()
    out = []
    for record in sorted(records, key=lambda r: OFFICES.index(r.office) if r.office in OFFICES else 2):
        key = (record.qid or record.name, record.country, record.start, record.end)
        if key not in seen:
            seen.add(key)
            out.append(record)
    return sorted(out, key=lambda r: (OFFICES.index(r.office) if r.office in OFFICES else 2, r.start))


def _read_data(name: str) -> str:
    return resources.files("kgraph").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_headquarters() -> dict[str, tuple[float, float]]:
    """Organization id -> (latitude, longitude) of its seat, from ``headquarters.csv``.

    Forums without a seat (G7, G20, BRICS, ...) are absent.

    Examples:
        >>> load_headquarters()["EBRD"]
        (51.52, -0.08)
    """
    rows = csv.DictReader(io.StringIO(_read_data("headquarters.csv")))
    return {row["id"]: (float(row["lat"]), float(row["lon"])) for row in rows}


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped reference tables, read once per process.

    Examples:
        >>> gaz = load_gazetteer()
        >>> gaz.countries["RUS"].qid, gaz.organizations["NATO"].kind
        ('Q159', 'alliance')
    """
    return Gazetteer(
        parse_countries(_read_data("countries.csv")),
        parse_organizations(_read_data("organizations.csv")),
        parse_leaders(_read_data("leaders.csv")),
    )
