"""Find and link the countries, organizations, leaders and officials an article mentions.

Countries and organizations come from the gazetteer entity ruler (ids on the entity
spans); ambiguous forms ("Georgia", "Jordan", "Washington", "Congolese", "the North")
are settled from their sentence and from the countries the rest of the article names.
People are found through their titles ("President of Tajikistan Emomali Rahmon",
"Russian President Vladimir Putin", "Putin, the Russian president", "the president of
Djibouti, Ismail Omar Guelleh", "NAME, PRIME MINISTER OF X:"), as "NAME of COUNTRY"
when the table of heads of state and government confirms it, later by surname
("Putin", "Mr. Rahmon") and by role ("the Russian president", "the Prime Minister"),
and checked against that table on the article's date.

Every lookup is indexed by token, so the cost grows with the article's length, not with
the product of its mentions and its tokens.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..gazetteer import (HEAD_OF_GOVERNMENT, HEAD_OF_STATE, MONARCHY_SEATS, SHARED_HEAD_OF_STATE_ROLES, Gazetteer,
                         LeaderRecord, fold, load_gazetteer, name_key, normalize_typography)
from ..model import Entity, Mention
from .lexicon import MEMBERSHIP_NOUNS, STATE_AGENT_NOUNS
from .patterns import AMBIGUOUS_PREFIX, ORG_PREFIX
from .speakers import SPEECH_VERBS

# Titles of heads of state or government, lower-cased token sequences -> canonical role.
HEAD_TITLES: dict[tuple[str, ...], str] = {
    ("president",): "president",
    ("prime", "minister"): "prime minister",
    ("pm",): "prime minister",
    ("premier",): "premier",
    ("chancellor",): "chancellor",
    ("king",): "king",
    ("queen",): "queen",
    ("emir",): "emir",
    ("amir",): "emir",
    ("sultan",): "sultan",
    ("supreme", "leader"): "supreme leader",
    ("taoiseach",): "taoiseach",
    ("grand", "duke"): "grand duke",
    ("crown", "prince"): "crown prince",
    ("chairman",): "chairman",
    ("state", "counsellor"): "state counsellor",
}
# Titles of officials who act for their country but do not lead it. The longest title wins,
# so "Vice President" and "Chancellor of the Exchequer" never read as heads.
OFFICIAL_TITLES: dict[tuple[str, ...], str] = {
    ("foreign", "minister"): "foreign minister",
    ("minister",): "minister",
    ("deputy", "prime", "minister"): "deputy prime minister",
    ("first", "deputy", "prime", "minister"): "first deputy prime minister",
    ("vice", "president"): "vice president",
    ("vice", "-", "president"): "vice president",
    ("vice", "premier"): "vice premier",
    ("secretary", "of", "state"): "secretary of state",
    ("secretary", "of", "defense"): "secretary of defense",
    ("secretary", "of", "the", "treasury"): "treasury secretary",
    ("treasury", "secretary"): "treasury secretary",
    ("defense", "secretary"): "defense secretary",
    ("defence", "secretary"): "defence secretary",
    ("foreign", "secretary"): "foreign secretary",
    ("home", "secretary"): "home secretary",
    ("chancellor", "of", "the", "exchequer"): "chancellor of the exchequer",
    ("secretary",): "secretary",
    ("ambassador",): "ambassador",
    ("envoy",): "envoy",
    ("special", "envoy"): "special envoy",
    ("spokesperson",): "spokesperson",
    ("spokesman",): "spokesperson",
    ("spokeswoman",): "spokesperson",
    ("defense", "minister"): "defense minister",
    ("defence", "minister"): "defence minister",
    ("trade", "minister"): "trade minister",
    ("finance", "minister"): "finance minister",
    ("commissioner",): "commissioner",
    ("high", "representative"): "high representative",
    ("secretary-general",): "secretary-general",
    ("secretary", "-", "general"): "secretary-general",
    ("secretary", "general"): "secretary-general",
    ("director-general",): "director-general",
    ("director", "-", "general"): "director-general",
    ("minister", "for", "europe"): "minister for europe",
    ("governor",): "governor",
    ("administrator",): "administrator",
    # a ruling party's leader ("General Secretary of the Communist Party of Vietnam"): an official
    # of the state unless the table lists them as its head
    ("general", "secretary"): "general secretary",
}
# Common misspellings of title words in news and releases ("Prime Minster", "Presdient"). A
# misspelling that is itself an English word ("minster", a church) counts only inside a title
# of several words.
_TITLE_MISSPELLINGS: dict[str, tuple[str, ...]] = {
    "minister": ("minster", "ministre", "minsiter"),
    "president": ("presdient", "preident", "presidnet"),
    "secretary": ("secretery", "secratary", "secreatry"),
    "chancellor": ("chancelor",),
}
_REAL_WORDS = frozenset({"minster"})


def _with_variants(titles: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """The titles, their common misspellings, and two-word titles written with a hyphen ("Prime-Minister").

    Examples:
        >>> variants = _with_variants({("prime", "minister"): "prime minister", ("minister",): "minister"})
        >>> variants[("prime", "minster")], variants[("prime", "-", "minister")], ("minster",) in variants
        ('prime minister', 'prime minister', False)
    """
    out = dict(titles)
    for words, role in titles.items():
        for k, word in enumerate(words):
            for wrong in _TITLE_MISSPELLINGS.get(word, ()):
                if len(words) > 1 or wrong not in _REAL_WORDS:
                    out.setdefault(words[:k] + (wrong,) + words[k + 1:], role)
        if len(words) == 2:
            out.setdefault((words[0], "-", words[1]), role)
    return out


HEAD_TITLES = _with_variants(HEAD_TITLES)
OFFICIAL_TITLES = _with_variants(OFFICIAL_TITLES)
_ALL_TITLES = {**HEAD_TITLES, **OFFICIAL_TITLES}
_MAX_TITLE = max(len(t) for t in _ALL_TITLES)
_TITLE_FIRST_WORDS = frozenset(t[0] for t in _ALL_TITLES)
# Heads-of-state titles that make someone leader_of their country (the guidelines exclude
# crown princes who are not heads of state, and party chairmen).
LEADER_ROLES = frozenset({"president", "prime minister", "premier", "chancellor", "king", "queen", "emir",
                          "sultan", "supreme leader", "taoiseach", "grand duke", "co-president"})
# Words that sit between a title and a name without changing who is meant.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sheikh", "shaikh", "sir", "dame",
                        "h.e.", "his", "her", "excellency", "majesty", "highness", "general", "gen.", "hon", "hon.",
                        "honourable", "honorable", "the"})
# A title preceded by one of these no longer holds ("former president").
_PAST_MARKERS = frozenset({"former", "ex", "ex-", "late", "then", "outgoing", "previous", "erstwhile"})
# A head's title after one of these names a deputy ("Vice-President", "Deputy Prime Minister").
# ("under" only when capitalised: "under President X" names the president).
_DEPUTY_MARKERS = frozenset({"vice", "deputy", "under", "assistant", "executive", "associate"})
# Lower-case particles inside Arabic, Dutch, Portuguese... names ("bin", "al", "van", "da").
_NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "al-", "el", "de", "da", "do", "dos", "van", "von", "der",
                             "la", "le", "du", "di", "abu"})
# Generational suffixes that follow a surname, often after a comma ("Marcos, Jr.").
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Capitalised words that end a name rather than continue it: places and bodies named after people.
_NOT_NAME_WORDS = frozenset({"airport", "international", "university", "street", "avenue", "road", "bridge",
                             "hospital", "mosque", "palace", "square", "park", "center", "centre", "foundation",
                             "school", "college", "institute", "port", "stadium", "hall", "the", "a", "an",
                             "this", "that", "he", "she", "it", "they", "we", "i", "you", "on", "in", "at",
                             "and", "but", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday",
                             "friday", "saturday", "sunday", "said", "says", "league", "cup", "party", "council",
                             "club", "trophy", "games", "championship", "series"})
# Words after a name that make it a place or a body named after a person ("King Fahd International Airport").
_PLACE_WORDS = frozenset({"airport", "international", "university", "street", "avenue", "road", "bridge",
                          "hospital", "mosque", "palace", "square", "park", "center", "centre", "foundation",
                          "school", "college", "institute", "port", "stadium", "hall", "dam", "prize", "award"})
# Post-nominal letters that follow a name ("Leo Docherty MP").
_POST_NOMINALS = frozenset({"mp", "mep", "qc", "kc", "obe", "mbe", "cbe", "phd"})
# Titles that name their country by convention in English-language news when the text gives
# none: "Secretary of State" is American (the British one is "Secretary of State for ..."),
# "Foreign Secretary" British.
CONVENTION_COUNTRIES: dict[str, str] = {
    "secretary of state": "USA",
    "secretary of defense": "USA",
    "treasury secretary": "USA",
    "defense secretary": "USA",
    "foreign secretary": "GBR",
    "home secretary": "GBR",
    "defence secretary": "GBR",
    "chancellor of the exchequer": "GBR",
}
# Generic words for a leader used as a role mention ("the Indian leader").
_ROLE_WORDS = {**HEAD_TITLES, ("leader",): "leader", ("head", "of", "state"): "president"}
_US_STATE_CONTEXT = re.compile(
    r"\b(Atlanta|Savannah|governor|Gov\.|state of|U\.S\. state|US state|American state|Alabama|Florida|"
    r"Carolina|Tennessee|Georgia's \d|county|senator|Senate race|Peach State|Georgia, USA|Georgia, U\.S\.)\b"
)
# Words before "American" that make it a region or an ethnic group, not the United States.
_AMERICAN_QUALIFIERS = frozenset({"latin", "south", "north", "central", "african", "native", "anglo", "asian",
                                  "mexican", "arab", "irish", "italian", "pan"})
# Words after a capitalised "Washington" that make it something other than the US government.
_WASHINGTON_NOT_USA = frozenset({"post", "times", "examiner", "state", "nationals", "commanders", "wizards",
                                 "capitals", "county", "university", "monument", "consensus"})
# Words that turn a country's name into a company's ("Air Canada", "Qatar Airways").
_COMPANY_BEFORE = frozenset({"air"})
_COMPANY_AFTER = frozenset({"airlines", "airways", "air", "telecom", "mobile", "unicom", "post", "times", "herald",
                            "today", "daily", "motors", "railways", "life", "tobacco", "steel", "petroleum"})
# A sea named after a country ("the Gulf of Oman", "the Sea of Japan") is a place, not the state.
_WATER_BODIES = frozenset({"gulf", "sea", "bay", "strait", "straits", "channel"})
# A ship's flag ("a Liberia-flagged tanker") is where it is registered: no party to what befalls it.
_FLAG_WORDS = frozenset({"flagged", "registered"})
# Nouns for people and private bodies: a demonym or adjective modifying one names people or
# firms, not the state ("36,000 Tajik students", "an American lobbying firm", "Chinese companies").
_PEOPLE_NOUNS = frozenset({"student", "citizen", "national", "worker", "migrant", "tourist", "people", "resident",
                           "refugee", "child", "woman", "man", "family", "diaspora", "community", "postgraduate",
                           "fan", "player", "journalist", "company", "firm", "business", "businessman",
                           "businesswoman", "businesspeople", "entrepreneur", "investor", "bank", "lender",
                           "manufacturer", "maker", "producer", "exporter", "importer", "brand", "startup",
                           "corporation", "conglomerate", "giant", "group", "hacker", "lobbyist", "lobbying",
                           "consumer", "shopper", "traveler", "traveller", "passenger", "athlete", "artist",
                           "writer", "scholar", "scientist", "expert", "analyst", "academic", "pilgrim",
                           "immigrant", "expatriate", "expat", "descent", "origin", "airline", "carrier",
                           # armed groups that are not a state's forces, and performers
                           "militant", "rebel", "insurgent", "gunman", "terrorist", "jihadist", "extremist",
                           "separatist", "hostage", "prisoner", "detainee", "militia", "faction", "guerrilla",
                           "cartel", "gang", "jihad", "settler", "clan", "tribe", "tribesman",
                           "band", "trio", "duo", "singer",
                           "rapper", "musician", "actor", "team", "club", "footballer",
                           # a ship's crew: on board a foreign ship, fellow victims, not the state
                           "crew", "crewman", "crewmember", "sailor", "seafarer", "seaman", "fisherman",
                           # troops serving under the United Nations: hit, they are not their state's
                           "peacekeeper"})
# The two Koreas' nicknames, and the words that show an article is about them.
_KOREA_CODES = frozenset({"PRK", "KOR"})
_KOREA_NICKNAMES = {"north": "PRK", "south": "KOR"}


@dataclass
class _Person:
    """A person introduced in the article, for later surname and role mentions."""

    entity: Entity
    surnames: set[str]


def _title_at(tokens: list[str], start: int, titles: dict[tuple[str, ...], str]) -> tuple[int, str] | None:
    """The longest title starting at `start`: (end index, role).

    Examples:
        >>> _title_at(["the", "prime", "minister", "said"], 1, HEAD_TITLES)
        (3, 'prime minister')
        >>> _title_at(["vice", "president"], 0, _ALL_TITLES)
        (2, 'vice president')
    """
    if start >= len(tokens) or tokens[start] not in _TITLE_FIRST_WORDS and titles is _ALL_TITLES:
        return None
    for size in range(min(_MAX_TITLE, len(tokens) - start), 0, -1):
        key = tuple(tokens[start:start + size])
        if key in titles:
            return start + size, titles[key]
    return None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def person_slug(name: str) -> str:
    """The id of a person the leaders table does not know: one for every spelling of the name
    with or without initials and "Jr." ("Antony J. Blinken" and "Antony Blinken").

    Examples:
        >>> person_slug("Antony J. Blinken"), person_slug("Antony Blinken")
        ('antony-blinken', 'antony-blinken')
    """
    return _slug(name_key(name) or name)


def _clean_name(text: str) -> str:
    """A name as written, without a possessive, trailing punctuation or line breaks.

    Examples:
        >>> _clean_name("Isaac Herzog's")
        'Isaac Herzog'
        >>> _clean_name("Donald Trump\\n  ")
        'Donald Trump'
    """
    text = " ".join(text.split())
    for ending in ("'s", "’s", "'"):
        if text.endswith(ending):
            text = text[: -len(ending)]
    return text.rstrip(" ,.;:") if not text.endswith((" Jr.", " Sr.", ",Jr.")) else text


def _words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s\-.,]+", fold(name)) if len(w) > 1}


def _role_matches(role: str | None, record: LeaderRecord) -> bool:
    """Whether a title fits a table record ("premier" and "prime minister" are one office)."""
    if role in (None, "leader"):
        return True
    if role == record.role or record.role.endswith(role):
        return True
    if role in ("prime minister", "premier", "chancellor", "taoiseach"):
        return record.office == HEAD_OF_GOVERNMENT
    return record.office == HEAD_OF_STATE and role in LEADER_ROLES


def _office_of(role: str | None) -> str | None:
    if role in ("prime minister", "premier", "chancellor", "taoiseach"):
        return HEAD_OF_GOVERNMENT
    if role in ("president", "king", "queen", "emir", "sultan", "supreme leader", "grand duke"):
        return HEAD_OF_STATE
    return None


def person_entity(name: str, country: str | None, role: str | None, record: LeaderRecord | None,
                  gazetteer: Gazetteer) -> Entity:
    """An Entity for a person: the table's record when there is one, else a slug id.

    The name is the fullest form the text uses ("Ferdinand R. Marcos, Jr."), the id the table's.
    """
    if record is not None:
        entity = gazetteer.leader_entity(record)
        if len(name.split()) >= len(record.name.split()) and _words(record.name) & _words(name):
            entity = replace(entity, name=name)
        return entity
    kind = "Leader" if role in LEADER_ROLES and country else "Person"
    slug = person_slug(name)
    # A namesake of a listed leader ("Pedro Sánchez", Colombia's defence minister, not Spain's
    # prime minister) must not share that leader's node: the country tells them apart.
    if country and any(gazetteer.leader_entity(r).id == slug and r.country != country
                       for r in gazetteer.find_leaders(name)):
        slug = f"{slug}-{country.lower()}"
    return Entity(type=kind, id=slug, name=name, country=country, role=role)


def byline_entity(name: str, date: dt.date | None, gazetteer: Gazetteer) -> Entity | None:
    """The person a release's byline names: the leaders table's record when the name is a
    listed leader's in office ("President Biden", "Biden"), else a person with a full name or
    with a title ("Commissioner Šefčovič").

    Examples:
        >>> byline_entity("Commissioner Šefčovič", dt.date(2025, 11, 24), load_gazetteer())
        Entity(type='Person', id='sefcovic', name='Šefčovič', qid=None, country=None, role='commissioner')
    """
    written = name.split()
    found = _title_at([w.lower().rstrip(".") for w in written], 0, _ALL_TITLES)
    role = found[1] if found is not None and found[0] < len(written) else None
    if role is not None:
        name = " ".join(written[found[0]:])  # type: ignore[index]
    words = _words(name)
    for record in gazetteer.find_leaders(name, date):
        if record.in_office(date) and (_words(record.name) <= words or len(words) == 1):
            return gazetteer.leader_entity(record)
    if len(name.split()) >= 2 or role is not None:
        return Entity(type="Person", id=person_slug(name), name=name, role=role)
    return None


class MentionFinder:
    """Finds the mentions of one Doc; holds the per-article memory of people."""

    def __init__(self, doc: Doc, date: dt.date | None, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.date = date
        self.gaz = gazetteer
        self.lower = [normalize_typography(t.lower_) for t in doc]
        self.people: list[_Person] = []
        self.by_surname: dict[str, _Person] = {}
        self.mentions: dict[tuple[int, int], Mention] = {}
        self.taken = [False] * len(doc)
        # Token indexes of country mentions: start -> (end, code) and end -> code.
        self.country_from: dict[int, tuple[int, str]] = {}
        self.country_to: dict[int, str] = {}
        self.country_start_of: dict[int, int] = {}
        self.org_to: dict[int, str] = {}
        self.person_ents: dict[int, Span] = {e.start: e for e in doc.ents if e.label_ == "PERSON"}
        self.doc_codes: set[str] = set()
        # Role mentions without a name ("as President of X"): upgraded once the holder is named.
        self.pending_roles: list[tuple[int, int, Entity]] = []

    # -- countries and organizations -------------------------------------------------
    def _resolve_ambiguous(self, ent: Span) -> str | None:
        """Settle a form that names more than one thing, from its sentence and the article."""
        text = ent.text
        doc = self.doc
        before = doc[ent.start - 1] if ent.start > 0 else None
        after = doc[ent.end] if ent.end < len(doc) else None
        forms = self.gaz.lookup(text)
        candidates = sorted({f.id for f in forms if f.kind == "Country"})
        if not candidates:
            orgs = sorted({f.id for f in forms if f.kind == "Organization"})
            return ORG_PREFIX + orgs[0] if len(orgs) == 1 else None
        key = fold(text).removeprefix("the ")
        # "the North", "the South": the Koreas, in an article about them; else a compass point.
        if key in _KOREA_NICKNAMES:
            if before is None or before.lower_ != "the" or not (self.doc_codes & _KOREA_CODES):
                return None
            return _KOREA_NICKNAMES[key]
        # A first name before, or a capitalised surname after, makes it a person ("Michael Jordan",
        # "Chad Smith", "George Washington"); a title after keeps it a country ("Chad President X").
        if (before is not None and before.pos_ == "PROPN" and before.ent_type_ in ("PERSON", "")
                and before.is_title and before.lower_ not in HONORIFICS and not self.taken[before.i]
                and before.lower_ not in _TITLE_FIRST_WORDS):
            return None
        if (after is not None and after.is_title and after.pos_ == "PROPN" and after.ent_type_ in ("PERSON", "")
                and _title_at(self.lower, after.i, _ALL_TITLES) is None and after.lower_ not in _NOT_NAME_WORDS
                and after.lower_ not in ("river", "delta", "valley", "basin")):
            return None
        if after is not None and after.lower_ in ("river", "delta", "valley", "basin", "state", "county"):
            return None  # "Niger Delta", "Jordan River", "Washington State"
        if key == "georgia" and _US_STATE_CONTEXT.search(ent.sent.text):
            return None
        if key == "washington" and after is not None and after.lower_ in _WASHINGTON_NOT_USA:
            return None
        if key == "american" and before is not None and before.lower_ in _AMERICAN_QUALIFIERS:
            return None  # "Latin American", "African American"
        if len(candidates) == 1:
            return candidates[0]
        # "Congo", "Congolese", "Korea", "Dominican": the one the rest of the article names.
        named = [c for c in candidates if c in self.doc_codes]
        return named[0] if len(named) == 1 else None

    def _is_company_name(self, ent: Span) -> bool:
        """A country's name inside a company's ("Air Canada", "Qatar Airways", "China Telecom")."""
        before = self.lower[ent.start - 1] if ent.start > 0 else ""
        after = self.lower[ent.end] if ent.end < len(self.doc) else ""
        before_ok = before in _COMPANY_BEFORE and self.doc[ent.start - 1].is_title
        after_ok = after in _COMPANY_AFTER and self.doc[ent.end].is_title
        return before_ok or after_ok

    def _tail_of_longer_name(self, ent: Span) -> bool:
        """A body's name of two words or more ending another body's name: "Iran's Supreme
        National Security Council", "the Russian Security Council" are no UN Security Council."""
        if len(ent) < 2 or ent.start == 0 or ent.label_ not in ("ORG", "FAC"):
            return False
        before = self.doc[ent.start - 1]
        return before.is_title and not before.is_sent_start and before.lower_ not in _BODY_PREFIXES

    def _not_the_state(self, ent: Span) -> bool:
        """A country's name inside a company's, a longer body's or a sea's, or naming a ship's flag."""
        return (self._is_company_name(ent) or self._tail_of_longer_name(ent) or self._names_a_sea(ent)
                or self._names_a_flag(ent))

    def _names_a_sea(self, ent: Span) -> bool:
        """"the Gulf of Oman", "the Sea of Japan": the name ends a sea's."""
        if ent.start < 2 or self.lower[ent.start - 1] != "of":
            return False
        water = self.doc[ent.start - 2]
        return water.lower_ in _WATER_BODIES and water.is_title

    def _names_a_flag(self, ent: Span) -> bool:
        """"a Liberia-flagged tanker", "a Malta-registered ship"."""
        return (ent.end + 1 < len(self.doc) and self.doc[ent.end].text == "-"
                and self.lower[ent.end + 1] in _FLAG_WORDS)

    def add_entity_mentions(self) -> None:
        """Countries and organizations: unambiguous forms first, then the ones that need context."""
        deferred: list[Span] = []
        for ent in self.doc.ents:
            if ent.label_ not in ("GPE", "NORP", "ORG", "LOC", "FAC"):
                continue
            ent_id = ent.ent_id_
            if not ent_id:
                continue
            if ent_id.startswith(AMBIGUOUS_PREFIX):
                deferred.append(ent)
                continue
            if self._not_the_state(ent):
                continue
            self._add_place(ent, ent_id, "gazetteer")
        for ent in deferred:
            resolved = self._resolve_ambiguous(ent)
            if resolved is not None and not self._not_the_state(ent):
                self._add_place(ent, resolved, "context")
        self._add_coordinated_ellipsis()
        self._add_lowercase_korea()
        self._add_defined_forces()

    def _add_defined_forces(self) -> None:
        """A state's armed forces named with the acronym the text defines for them: after
        "the Rwanda Defence Force (RDF)", "Israel Defense Forces (IDF)", every "RDF"/"IDF" of
        the article stands for that state (not "Syrian Democratic Forces", a militia)."""
        doc = self.doc
        defined: dict[str, str] = {}
        for (start, end), mention in list(self.mentions.items()):
            if mention.entity.type != "Country":
                continue
            k = end
            while k < len(doc) and k - end < 4 and self.lower[k] in _FORCE_WORDS:
                k += 1
            if not (end < k and self.lower[k - 1] in _FORCE_HEADS and k + 2 < len(doc) and doc[k].text == "("
                    and doc[k + 2].text == ")" and doc[k + 1].is_upper and len(doc[k + 1].text) >= 2):
                continue
            defined.setdefault(doc[k + 1].text, mention.entity.id)
        if not defined:
            return
        for token in doc:
            code = defined.get(token.text)
            if code is not None and not self.taken[token.i]:
                self._add(token.i, token.i + 1, self.gaz.country_entity(code), "acronym", "government")

    def _add_place(self, ent: Span, ent_id: str, resolution: str) -> None:
        if ent_id.startswith(ORG_PREFIX):
            org_id = ent_id[len(ORG_PREFIX):]
            self._add(ent.start, ent.end, self.gaz.organization_entity(org_id), resolution, "government")
            self.org_to[ent.end] = org_id
            return
        entity = self.gaz.country_entity(ent_id)
        function = self._country_function(ent)
        if resolution == "gazetteer":
            resolution = self._form_kind(ent.text)
        self._add(ent.start, ent.end, entity, resolution, function)

    def _add_coordinated_ellipsis(self) -> None:
        """"North and South Korea": the first conjunct shares the second's head noun."""
        doc = self.doc
        for (start, end), mention in list(self.mentions.items()):
            if mention.entity.type != "Country" or end - start < 2 or start < 2:
                continue
            conj, first = doc[start - 1], doc[start - 2]
            if conj.lower_ not in ("and", "or", "&") or not first.is_title or self.taken[first.i]:
                continue
            rest = doc[start + 1:end].text
            forms = [f for f in self.gaz.lookup(f"{first.text} {rest}") if f.kind == "Country"]
            codes = {f.id for f in forms}
            if len(codes) == 1:
                self._add(first.i, first.i + 1, self.gaz.country_entity(codes.pop()), "context", "government")

    def _add_lowercase_korea(self) -> None:
        """"the South fired into the north": a lower-case nickname beside a capitalised one."""
        nicknames = {m.entity.id for (s, e), m in self.mentions.items()
                     if m.resolution == "context" and self.lower[s] in _KOREA_NICKNAMES}
        if not nicknames:
            return
        doc = self.doc
        for i in range(1, len(doc)):
            code = _KOREA_NICKNAMES.get(doc[i].text)
            if code is None or self.taken[i] or self.lower[i - 1] != "the":
                continue
            sent = doc[i].sent
            if any(self.lower[s] in _KOREA_NICKNAMES and m.resolution == "context"
                   for (s, e), m in self.mentions.items() if sent.start <= s < sent.end):
                self._add(i, i + 1, self.gaz.country_entity(code), "context", "place")

    def _form_kind(self, text: str) -> str:
        kinds = {f.form for f in self.gaz.lookup(text)}
        for kind in ("name", "official", "alias", "adjective", "demonym", "capital"):
            if kind in kinds:
                return {"name": "gazetteer", "official": "gazetteer"}.get(kind, kind)
        return "gazetteer"

    def _country_function(self, ent: Span) -> str:
        """What a country mention stands for: the state, its people, or a place."""
        root = ent.root
        if ent.label_ == "NORP":
            # A demonym naming people ("36,000 Tajik students", "Russians") or firms ("Chinese
            # companies") is not a state actor; "Chinese government", "Russian investments" are.
            if ent.text.endswith("s") and root.dep_ not in ("amod", "compound"):
                return "people"
            head = root.head if root.dep_ in ("amod", "compound", "nmod") else None
            if head is not None:
                # "American lobbying firm": the modified noun may sit one compound further on.
                nouns = {head.lemma_.lower(), head.lower_}
                if head.dep_ in ("compound", "amod") and head.head.i > head.i:
                    nouns |= {head.head.lemma_.lower(), head.head.lower_}
                # "an Egyptian crew member", "a Palestinian militant attack": the noun that says
                # who may modify the head too.
                nouns |= {c.lemma_.lower() for c in head.children
                          if c.dep_ in ("compound", "amod") and root.i < c.i < head.i}
                if nouns & _PEOPLE_NOUNS:
                    return "people"
            return "government"
        forms = {f.form for f in self.gaz.lookup(ent.text)}
        if forms <= {"capital"} and root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near"):
            return "place"
        return "government"

    def _add(self, start: int, end: int, entity: Entity, resolution: str, function: str) -> Mention:
        span = self.doc[start:end]
        mention = Mention(span.text, span.start_char, span.end_char, entity, resolution, function)
        self.mentions[(start, end)] = mention
        for i in range(start, end):
            self.taken[i] = True
        if entity.type == "Country":
            self.country_from[start] = (end, entity.id)
            self.country_to[end] = entity.id
            self.country_start_of[end] = start
            self.doc_codes.add(entity.id)
        return mention

    # -- people: helpers ------------------------------------------------------------
    def _country_at(self, start: int) -> tuple[int, str] | None:
        """A country named from token `start`: (end token, alpha-3).

        Also reads forms the case-sensitive ruler misses, as in all-capitals transcript
        labels ("PRIME MINISTER OF AUSTRALIA").
        """
        if start in self.country_from:
            return self.country_from[start]
        doc = self.doc
        if start < len(doc) and doc[start].is_upper and doc[start].is_alpha:
            for size in (4, 3, 2, 1):
                end = start + size
                if end > len(doc) or not all(t.is_upper or not t.is_alpha for t in doc[start:end]):
                    continue
                codes = {f.id for f in self.gaz.lookup(doc[start:end].text) if f.kind == "Country"
                         and f.form in ("name", "official", "alias")}
                if len(codes) == 1:
                    return end, codes.pop()
        return None

    def _country_of(self, start: int) -> tuple[int, str] | None:
        """"[the] [Republic of the] COUNTRY" from `start`, skipping a determiner."""
        k = start
        if k < len(self.doc) and self.lower[k] == "the":
            k += 1
        if k + 1 < len(self.doc) and self.lower[k] == "state" and self.lower[k + 1] == "of":
            k += 2
        return self._country_at(k)

    def _country_ending_at(self, end: int) -> str | None:
        """A country named just before token `end` ("Russian", "Kenya 's", "U.S.")."""
        doc = self.doc
        if end > 1 and doc[end - 1].text in ("'s", "’s", "'"):
            end -= 1
        return self.country_to.get(end)

    def _country_before_title(self, i: int) -> tuple[str | None, str | None, bool]:
        """The country (or organization), a deputy marker and a past marker before a title at `i`.

        Walks back over department words ("Chinese Trade Minister", "Russian Deputy Foreign
        Minister") and determiners.
        """
        deputy = None
        past = False
        k = i
        for _ in range(4):
            if k == 0:
                break
            prev = self.lower[k - 1]
            tok = self.doc[k - 1]
            if prev in _DEPUTY_MARKERS and (prev != "under" or tok.is_title):
                deputy = deputy or prev
            elif prev in _PAST_MARKERS:
                past = True
            if k in self.country_to or (k > 1 and self.doc[k - 1].text in ("'s", "’s") and k - 1 in self.country_to):
                return self._country_ending_at(k), deputy, past or self._past_before(k)
            if k in self.org_to:
                # "USAID Administrator": a national agency's official acts for its country.
                return self._agency_country(self.org_to[k]), deputy, past
            # Department words carry no entity of their own ("British Columbia Premier" stops at "Columbia").
            department = tok.is_title and tok.ent_type_ in ("", "ORG") or tok.pos_ in ("NOUN", "ADJ") and tok.is_lower
            if self.taken[k - 1] or not (department or prev in _DEPUTY_MARKERS and (prev != "under" or tok.is_title)
                                         or prev in _PAST_MARKERS or prev == "-"):
                break
            k -= 1
        return None, deputy, past or self._past_before(i)

    def _agency_country(self, org_id: str) -> str | None:
        """The country of a national agency (an organization with a single member), else None."""
        record = self.gaz.organizations.get(org_id)
        if record is not None and len(record.members) == 1:
            return record.members[0]
        return None

    def _past_before(self, i: int) -> bool:
        return any(self.lower[k] in _PAST_MARKERS for k in range(max(0, i - 3), i))

    def _name_forward(self, start: int) -> int:
        """End of a personal name starting at `start` (a PERSON entity or capitalised words)."""
        doc = self.doc
        n = len(doc)
        if start >= n or self.taken[start] or not self._name_like(doc[start]):
            return start
        ent = self.person_ents.get(start)
        end = ent.end if ent is not None else start
        if ent is not None and any(self.taken[i] or doc[i].is_space for i in range(ent.start, ent.end)):
            end = start
        while end < n:
            tok = doc[end]
            if self.taken[end] or tok.is_space:
                break
            if self._name_like(tok) and tok.lower_ not in _NOT_NAME_WORDS:
                end += 1
                continue
            if (tok.lower_ in _NAME_PARTICLES or tok.text == "-") and end > start and end + 1 < n \
                    and self._name_like(doc[end + 1]):
                end += 1
                continue
            if tok.text == "," and end > start and end + 1 < n and doc[end + 1].lower_ in _NAME_SUFFIXES:
                end += 2  # "Marcos, Jr."
                continue
            if (tok.text == "-" and end > start and end + 1 < n and not doc[end - 1].whitespace_
                    and not tok.whitespace_ and doc[end + 1].is_alpha):
                end += 2  # "Moon Jae-in": the hyphen joins a syllable written in lower case
                continue
            break
        if end < n and doc[end].lower_ in _PLACE_WORDS and doc[end].is_title:
            return start  # "King Fahd International Airport"
        while (end > start and doc[end - 1].lower_ in _NOT_NAME_WORDS | _NAME_PARTICLES | _POST_NOMINALS
               and not (end - start > 1 and doc[end - 2].text == "-" and not doc[end - 2].whitespace_)):
            end -= 1
        if end > start and doc[end - 1].lower_ in _NOT_NAME_WORDS and not (
                end - start > 1 and doc[end - 2].text == "-" and not doc[end - 2].whitespace_):
            return start
        return end

    def _name_like(self, tok: Token) -> bool:
        """A word that can be part of a name: capitalised, an initial ("J."), or in capitals."""
        text = tok.text
        if tok.lower_ in _NAME_SUFFIXES:
            return True
        if tok.ent_type_ not in ("PERSON", "", "ORG", "WORK_OF_ART", "NORP", "GPE", "LOC", "FAC", "PRODUCT"):
            return False
        if re.fullmatch(r"[A-Z]\.", text):
            return True
        return tok.is_alpha and (tok.is_title or tok.is_upper and len(text) > 1) or (
            "-" in text and text[:1].isupper())

    def _name_backward(self, end: int) -> int:
        """Start of a personal name ending just before `end` ("Ferdinand R. Marcos, Jr.")."""
        doc = self.doc
        start = end
        while start > 0:
            tok = doc[start - 1]
            if self.taken[start - 1] or tok.is_space or tok.lower_ in HONORIFICS:
                break
            if self._name_like(tok) and tok.lower_ not in _NOT_NAME_WORDS:
                start -= 1
                continue
            if tok.lower_ in _NAME_PARTICLES and start < end:
                start -= 1
                continue
            if tok.text == "," and start < end and doc[start].lower_ in _NAME_SUFFIXES:
                start -= 1
                continue
            break
        while start < end and (doc[start].lower_ in _NAME_PARTICLES or doc[start].lower_ in _NAME_SUFFIXES
                               or doc[start].text == ","):
            start += 1
        if start < end and (doc[start].ent_type_ in ("DATE", "TIME") or doc[start].lower_ in _TITLE_FIRST_WORDS):
            return end
        return start

    def _leader_records(self, name: str, country: str | None, role: str | None) -> list[LeaderRecord]:
        # A listed alias may hold the title ("King Charles", "Sheikh Tamim"): try it with the title too.
        found = self.gaz.find_leaders(name, self.date) or (
            self.gaz.find_leaders(f"{role} {name}", self.date) if role else [])
        records = [r for r in found if (country is None or r.country == country) and _role_matches(role, r)]
        # The office the title names first, and a shared office ("co-prince of Andorra", held
        # by France's president) last: "President Macron" leads France.
        records.sort(key=lambda r: (r.role != role, r.role in SHARED_HEAD_OF_STATE_ROLES))
        return records

    def _realm(self, records: list[LeaderRecord]) -> LeaderRecord:
        """The record to read when the text names no country and the first record's holder heads
        several states at once (a monarch of several realms): the one realm the article names,
        else the seat of the monarchy."""
        first = records[0]
        same = [r for r in records if (r.qid or r.name) == (first.qid or first.name) and r.role == first.role]
        if len({r.country for r in same}) < 2:
            return first
        named = [r for r in same if r.country in self.doc_codes]
        if len(named) == 1:
            return named[0]
        return next((r for r in same if r.country in MONARCHY_SEATS), first)

    def _holder_known_and_other(self, name: str, country: str, role: str | None) -> bool:
        """Whether the table names someone else in this office on the article's date."""
        if self.date is None:
            return False
        holders = self.gaz.leaders_on(country, self.date, _office_of(role))
        if not holders:
            return False
        words = _words(name)
        return not any(words & (_words(h.name) | {w for a in h.aliases for w in _words(a)}) for h in holders)

    # -- people: registration ----------------------------------------------------------
    def _register(self, start: int, end: int, country: str | None, role: str | None, resolution: str,
                  past: bool = False, record: LeaderRecord | None = None) -> Mention | None:
        doc = self.doc
        while end - start > 1 and (doc[end - 1].text in ("'s", "’s", "'", ",", ".", ":") or doc[end - 1].is_space):
            end -= 1  # "Isaac Herzog's state visit": the possessive ending is not part of the name
        if end <= start or any(self.taken[i] for i in range(start, end)):
            return None
        name = _clean_name(doc[start:end].text)
        if not name or not name[0].isupper():
            return None
        if name.isupper():
            name = name.title()
        head_title = role in LEADER_ROLES or role is None
        if record is None and not past:
            records = self._leader_records(name, country, role if head_title else None)
            current = [r for r in records if r.in_office(self.date)]
            if current:
                record = current[0] if country else self._realm(current)
            elif records and head_title:
                past = True  # a leader named with their title after their term ended (or before it began)
                country = country or records[0].country
            if record is None and head_title and country and role in LEADER_ROLES:
                past = past or self._holder_known_and_other(name, country, role)
        if record is not None:
            country = country or record.country
            if head_title:
                role = record.role
            elif role is not None and not head_title:
                record = None  # a minister who once led: an official now
        entity = person_entity(name, country, role, record, self.gaz)
        if past or (entity.type == "Leader" and role not in LEADER_ROLES and record is None):
            entity = Entity(type="Person", id=entity.id, name=entity.name, qid=entity.qid, country=country,
                            role=role)
        function = "leader" if entity.type == "Leader" else "official"
        mention = self._add(start, end, entity, resolution, function)
        self._remember(entity, doc[start:end], record)
        return mention

    def _remember(self, entity: Entity, span: Span, record: LeaderRecord | None) -> None:
        words = [t.text for t in span if t.lower_ not in _NAME_SUFFIXES and t.is_alpha]
        surnames = {words[-1]} if words else set()
        if record is not None:
            surnames |= {a for a in record.aliases if " " not in a}
            if record.surname:
                surnames.add(record.surname)
        person = _Person(entity, {s for s in surnames if s})
        self.people.append(person)
        for surname in person.surnames:
            self.by_surname[surname] = person
            self.by_surname[surname.upper()] = person

    # -- people: title forms ----------------------------------------------------------
    def _title_complement(self, j: int) -> tuple[int, str | None]:
        """After a title: "of [the] COUNTRY", or a department then "of COUNTRY"
        ("Minister of Defense of Japan", "Minister for Foreign Affairs of X").

        Returns the index after what was read and the country, if any.
        """
        doc = self.doc
        if j >= len(doc) or self.lower[j] not in ("of", "for"):
            return j, None
        at = self._country_of(j + 1) if self.lower[j] == "of" else None
        if at is not None:
            return at
        organization = self._organization_at(j + 1) if self.lower[j] == "of" else None
        if organization is not None:
            return organization, None  # "President of the European Commission"
        # The department ends where a name starts ("Minister of Finance Ahmed Ali"); it may
        # start with "the" ("General Secretary of the Communist Party of Vietnam").
        start = j + 2 if j + 1 < len(doc) and self.lower[j + 1] == "the" else j + 1
        k = start
        while k < len(doc) and k - j <= 6 and (doc[k].is_title or doc[k].is_upper or self.lower[k] in ("and", "&")) \
                and not self.taken[k] and (k == start or k not in self.person_ents):
            k += 1
        if k > start and k < len(doc) and self.lower[k] == "of":
            at = self._country_of(k + 1)
            if at is not None:
                return self._after_body_name(at[0]), at[1]
        if k > start and (k in self.org_to or k in self.person_ents):
            return k, None
        return j, None

    def _organization_at(self, k: int) -> int | None:
        """The end of an organization's mention starting at `k`, after an optional "the"."""
        if k < len(self.doc) and self.lower[k] == "the":
            k += 1
        return next((end for (start, end), mention in self.mentions.items()
                     if start == k and mention.entity.type == "Organization"), None)

    def _after_body_name(self, end: int) -> int:
        """Past the rest of a body's name after its country ("... Party of Vietnam Central
        Committee Nguyen Phu Trong"): capitalised words up to a word naming a body."""
        doc = self.doc
        last = None
        for k in range(end, min(end + 3, len(doc))):
            if self.taken[k] or not doc[k].is_title:
                break
            if self.lower[k] in _BODY_WORDS:
                last = k
        return end if last is None else last + 1

    def add_titled_people(self) -> None:
        """Title forms: "[Russian|Kenya's] President [of Tajikistan][,] [Mr.] NAME [of India]"
        and "NAME, [the] [Russian] President [of Tajikistan]"."""
        doc = self.doc
        i = 0
        n = len(doc)
        while i < n:
            found = _title_at(self.lower, i, _ALL_TITLES) if not self.taken[i] else None
            if found is None or not doc[i].text[:1].isalpha():
                i += 1
                continue
            title_end, role = found
            country, deputy, past = self._country_before_title(i)
            if deputy and role in LEADER_ROLES | {"chairman", "crown prince"}:
                role = f"{deputy} {role}"
            j, of_country = self._title_complement(title_end)
            country = country or of_country
            if country is None and role in CONVENTION_COUNTRIES and deputy is None:
                country = CONVENTION_COUNTRIES[role]
                if role == "secretary of state" and title_end < n and self.lower[title_end] == "for":
                    country = "GBR"  # "Secretary of State for Foreign ... Affairs"
            start_of_title = i
            if i > 0 and deputy and self.lower[i - 1] == deputy:
                start_of_title = i - 1
            # "NAME, [the] [Russian] President ...": the name stands before the title, unless a
            # name follows it ("after talks with X, Chilean president Y said" gives Y the title).
            if not self._name_follows(j) and self._appositive(start_of_title, j, country, role, past):
                i = j
                continue
            k = j
            comma = k < n and doc[k].text == ","
            if comma and (country or of_country or j > title_end):
                k += 1  # "the president of Djibouti, Ismail Omar Guelleh"
            while k < n and self.lower[k] in HONORIFICS and k + 1 < n and not doc[k + 1].is_punct:
                k += 1
            self._release_first_name(k)
            end = self._name_forward(k) if (not comma or k > j) else k
            if end > k:
                # "Prime Minister Narendra Modi of India"
                if country is None and end + 1 < n and self.lower[end] == "of":
                    at = self._country_of(end + 1)
                    if at is not None:
                        country = at[1]
                if country is None and role in CONVENTION_COUNTRIES and deputy is None:
                    country = CONVENTION_COUNTRIES[role]
                if self._register(k, end, country, role, "title", past) is not None:
                    i = end
                    continue
            elif of_country and role in LEADER_ROLES and not past:
                # "as President of Tajikistan": the office without a name.
                self._role_of(i, title_end, of_country, role)
            i = max(title_end, i + 1)

    def _name_follows(self, j: int) -> bool:
        """Whether a personal name starts right after a title ending at `j` (honorifics skipped)."""
        n = len(self.doc)
        while j < n and self.lower[j] in HONORIFICS and j + 1 < n and not self.doc[j + 1].is_punct:
            j += 1
        return j < n and self._name_forward(j) > j

    def _release_first_name(self, k: int) -> None:
        """A one-word place name right after a title and before a capitalised word is a first name:
        "Cabinet Secretary Aden Duale", "Defense Minister Israel Katz"."""
        found = self.country_from.get(k)
        doc = self.doc
        if found is None or found[0] != k + 1 or k + 1 >= len(doc) or self.taken[k + 1]:
            return
        after = doc[k + 1]
        if not (after.is_title and after.pos_ == "PROPN" and after.lower_ not in _NOT_NAME_WORDS):
            return
        del self.mentions[(k, k + 1)]
        del self.country_from[k]
        del self.country_to[k + 1]
        del self.country_start_of[k + 1]
        self.taken[k] = False

    def _appositive(self, title_start: int, after: int, country: str | None, role: str, past: bool) -> bool:
        """"NAME, [the] [COUNTRY] TITLE": register NAME; True when one was found."""
        doc = self.doc
        k = title_start
        for _ in range(3):
            if k > 0 and self.lower[k - 1] in ("the", "a"):
                k -= 1
                continue
            e = k - 1 if k > 0 and doc[k - 1].text in ("'s", "’s") else k
            if e in self.country_start_of:
                k = self.country_start_of[e]
                continue
            break
        if k < 2 or doc[k - 1].text != ",":
            return False
        end = k - 1
        start = self._name_backward(end)
        if start >= end:
            return False
        span = doc[start:end]
        is_person = (any(t.ent_type_ == "PERSON" for t in span) or span.text.isupper()
                     or (start > 0 and self.lower[start - 1] in HONORIFICS and self.lower[start - 1] != "the")
                     or bool(self.gaz.find_leaders(_clean_name(span.text))))
        if not is_person or not (country or role in LEADER_ROLES):
            return False
        if country is None and role in CONVENTION_COUNTRIES:
            country = CONVENTION_COUNTRIES[role]
        return self._register(start, end, country, role, "title", past) is not None

    def _role_of(self, start: int, end: int, country: str, role: str) -> None:
        """"President of Tajikistan" with no name: the holder on the article's date, if the table
        knows them; a leader_of title once the article names that person too."""
        if self.date is None:
            return
        holders = [r for r in self.gaz.leaders_on(country, self.date, _office_of(role)) if _role_matches(role, r)]
        if len(holders) != 1:
            return
        entity = self.gaz.leader_entity(holders[0])
        self.pending_roles.append((start, end, entity))

    # -- people: other forms ----------------------------------------------------------
    def add_of_people(self) -> None:
        """"Festus Mogae of Botswana": a name followed by "of COUNTRY", confirmed by the table."""
        doc = self.doc
        for i in range(1, len(doc) - 1):
            if self.lower[i] != "of" or self.taken[i - 1]:
                continue
            at = self._country_of(i + 1)
            if at is None:
                continue
            start = self._name_backward(i)
            # Try the longest name first, then shorter ones ("President Festus Mogae" -> "Festus Mogae").
            for s in range(start, i):
                name = _clean_name(doc[s:i].text)
                records = [r for r in self._leader_records(name, at[1], None) if r.in_office(self.date)]
                if records:
                    self._register(s, i, at[1], records[0].role, "title-of", record=records[0])
                    break

    def add_known_people(self) -> None:
        """Later mentions by surname ("Putin", "Mr. Rahmon") and untitled names in the table."""
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ != "PERSON" or any(self.taken[i] for i in range(ent.start, ent.end)):
                continue
            start = ent.start
            while start < ent.end - 1 and self.lower[start] in HONORIFICS:
                start += 1
            end = ent.end
            while end - start > 1 and (doc[end - 1].text in ("'s", "’s", ",") or doc[end - 1].is_space):
                end -= 1
            text = _clean_name(doc[start:end].text)
            person = self._person_named(text)
            if person is not None:
                self._add(start, end, person.entity, "surname",
                          "leader" if person.entity.type == "Leader" else "official")
                continue
            records = [r for r in self._leader_records(text, None, None) if r.in_office(self.date)]
            if records and (" " in text or text in records[0].aliases or text == records[0].surname):
                record = self._realm(records)
                self._register(start, end, record.country, record.role, "table", record=record)
        self._add_untagged_leaders()
        # Surnames the model did not tag as a person ("Austin" read as a city).
        for i, tok in enumerate(doc):
            if self.taken[i] or not tok.is_title or tok.pos_ != "PROPN" or tok.ent_type_ in _TIME_TYPES:
                continue
            person = self.by_surname.get(tok.text)
            if person is not None and (i + 1 >= len(doc) or not self._name_like(doc[i + 1])):
                self._add(i, i + 1, person.entity, "surname",
                          "leader" if person.entity.type == "Leader" else "official")

    def _add_untagged_leaders(self) -> None:
        """Leaders named without a title whom the model did not tag as people ("Later, Lula met
        Xi", "Modi met Albanese"): a capitalised name that the dated table lists for a leader in
        office. A full name is enough; a single word (a listed surname or short form) counts
        only when the article names that leader's country, and never inside a longer name."""
        doc = self.doc
        i = 0
        while i < len(doc):
            tok = doc[i]
            if (self.taken[i] or tok.pos_ != "PROPN" or tok.ent_type_ not in _UNTAGGED_NAME_TYPES
                    or not self._name_like(tok) or (i > 0 and self._continues_name(i))):
                i += 1
                continue
            end = self._name_forward(i)
            if end <= i:
                i += 1
                continue
            record = self._untagged_leader(i, end)
            if record is not None:
                self._register(i, end, record.country, record.role, "table", record=record)
            i = end

    def _continues_name(self, i: int) -> bool:
        """Whether token `i` follows an unlinked capitalised word of the same name ("Pedro Costa")."""
        before = self.doc[i - 1]
        return not self.taken[i - 1] and not before.is_sent_start and before.is_title and before.pos_ == "PROPN"

    def _untagged_leader(self, start: int, end: int) -> LeaderRecord | None:
        if self.date is None:
            return None  # without a date every past holder would match
        name = _clean_name(self.doc[start:end].text)
        records = [r for r in self._leader_records(name, None, None) if r.in_office(self.date)]
        if not records:
            return None
        record = self._realm(records)
        if end - start == 1 and not (name in record.aliases or name == record.surname) \
                or end - start == 1 and record.country not in self.doc_codes:
            return None
        return record

    def _person_named(self, text: str) -> _Person | None:
        if text in self.by_surname:
            return self.by_surname[text]
        last = text.split()[-1] if text else ""
        person = self.by_surname.get(last)
        if person is not None and (" " not in text or _words(text) <= _words(person.entity.name)):
            return person
        return None

    def add_role_mentions(self) -> None:
        """"the Russian president", "the Prime Minister", "the Indian leader" -> a known person."""
        doc = self.doc
        for i in range(len(doc)):
            if self.taken[i] or self.lower[i] != "the":
                continue
            j = i + 1
            country = None
            at = self.country_from.get(j)
            if at is not None and doc[j].ent_type_ == "NORP" or at is not None and doc[at[0] - 1].text in ("'s",):
                j, country = at
            elif j < len(doc) and self.taken[j]:
                continue
            found = _title_at(self.lower, j, _ROLE_WORDS)
            if found is None:
                continue
            end, role = found
            if end < len(doc) and (doc[end].is_title and doc[end].pos_ == "PROPN" or self.lower[end] == "of"):
                continue  # a titled name or "the President of X", handled elsewhere
            person = self._person_for_role(country, role)
            if person is None:
                continue
            start = j if country is None else i + 1
            if any(self.taken[k] for k in range(start, end)):
                start = j
            self._add(start, end, person, "role", "leader" if person.type == "Leader" else "official")

    def _person_for_role(self, country: str | None, role: str) -> Entity | None:
        for person in reversed(self.people):
            entity = person.entity
            if country and entity.country != country:
                continue
            if role != "leader" and entity.role and entity.role != role and not (
                    entity.type == "Leader" and _office_of(role) and _office_of(role) == _office_of(entity.role)):
                continue
            if role == "leader" and entity.type != "Leader":
                continue
            if role != "leader" and entity.role is None:
                continue
            return entity
        if country and self.date is not None:
            for record in self.gaz.leaders_on(country, self.date, _office_of(role) if role != "leader" else None):
                if _role_matches(role, record):
                    return self.gaz.leader_entity(record)
        return None

    def resolve_pending_roles(self) -> None:
        """"as President of Tajikistan": a title once the article also names the holder."""
        named = {m.entity.id for m in self.mentions.values() if m.entity.type == "Leader"}
        for start, end, entity in self.pending_roles:
            if any(self.taken[k] for k in range(start, end)):
                continue
            resolution = "title" if entity.id in named else "role"
            self._add(start, end, entity, resolution, "leader")

    # -- references without a name ---------------------------------------------------
    def add_bare_titles(self) -> None:
        """"Foreign Secretary warns Tehran": a capitalised title that by convention names its
        country's office, with no name after it, stands for that official."""
        doc = self.doc
        for i in range(len(doc)):
            if self.taken[i] or not doc[i].is_title:
                continue
            found = _title_at(self.lower, i, OFFICIAL_TITLES)
            if found is None or found[1] not in CONVENTION_COUNTRIES:
                continue
            end, role = found
            if end < len(doc) and (doc[end].is_title or self.lower[end] in ("for", "of")):
                continue  # a name or "Secretary of State for ..." follows: handled by the title rules
            country = CONVENTION_COUNTRIES[role]
            entity = Entity(type="Person", id=f"{_slug(role)}-{country.lower()}", name=doc[i:end].text,
                            country=country, role=role)
            self._add(i, end, entity, "role", "official")

    def add_anaphora(self) -> None:
        """"he", "her", "the country": the one person, or the last country, named just before.

        A pronoun is linked only when a single person is named in its sentence (before it)
        and the sentence before; "the country" takes the last country named as a state.
        """
        doc = self.doc
        ordered = sorted(self.mentions.values(), key=lambda m: m.start)
        sent_starts = [s.start_char for s in doc.sents]
        for token in doc:
            lower = self.lower[token.i]
            if self.taken[token.i]:
                continue
            if token.pos_ == "PRON" and lower in _PERSON_PRONOUNS:
                window = _window_start(sent_starts, token.idx, 1)
                people = {m.entity.id: m for m in ordered if window <= m.start < token.idx
                          and m.entity.type in ("Leader", "Person")}
                # a person the linker does not know counts too: then "her" is not clear
                strangers = {e.text for e in doc.ents if e.label_ == "PERSON" and window <= e.start_char < token.idx
                             and not self.taken[e.start]}
                if len(people) == 1 and not strangers:
                    person = next(iter(people.values()))
                    self._add(token.i, token.i + 1, person.entity, "pronoun", person.function)
            elif lower == "it" and token.dep_ == "nsubj" and token.i == token.sent.start and \
                    token.head.pos_ == "VERB" and token.head.lemma_.lower() not in _IMPERSONAL_VERBS:
                # "China imposes tariffs on ... . It also adds ...": the state the sentence before was about
                state = self._previous_subject_state(token.sent)
                if state is not None:
                    self._add(token.i, token.i + 1, state.entity, "anaphora", "government")
            elif lower == "its" and token.dep_ == "poss" and token.head.lemma_.lower() not in MEMBERSHIP_NOUNS:
                owner = self._state_owning(token)
                if owner is not None:
                    self._add(token.i, token.i + 1, owner.entity, "anaphora", "government")
            elif lower == "country" and token.i > 0 and self.lower[token.i - 1] == "the" and not any(
                    c.dep_ in ("amod", "compound", "prep") for c in token.children):
                window = _window_start(sent_starts, token.idx, 1)
                countries = [m for m in ordered if window <= m.start < doc[token.i - 1].idx
                             and (m.entity.type == "Country" and m.function == "government"
                                  or m.entity.type == "Leader" and m.entity.country and self._speaks_of(m, token))
                             and not self._modifies_a_head_of(m, token)]
                if countries:
                    # a country named as a state beats one named only as a modifier ("a U.S.
                    # proposal for ending Israel's occupation in the country": Lebanon, named before)
                    countries = [m for m in countries if not self._only_modifies(m)] or countries
                    last = countries[-1].entity
                    state = last if last.type == "Country" else self.gaz.country_entity(last.country or "")
                    self._add(token.i - 1, token.i + 1, state, "anaphora", "government")

    def _speaks_of(self, mention: Mention, token: Token) -> bool:
        """Whether a leader is the subject of a verb of saying whose clause holds `token`
        ("Maduro said he secured ... investment in the country": his own)."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "nsubj":
            return False
        verb = span.root.head
        return verb.lemma_.lower() in SPEECH_VERBS and verb in list(token.ancestors)

    def _state_owning(self, its: Token) -> Mention | None:
        """"The Dominican Republic announces that its agreement ...", "urges Rwanda to end its
        support": the state that is the subject of the nearest clause above "its" (for an
        infinitive without one, the object of the verb it completes, then that verb's subject)."""
        node = its
        while node.head != node:
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            if node.dep_ == "xcomp":
                holders = [c for dep in ("dobj", "nsubj") for c in node.head.children if c.dep_ == dep]
            else:
                holders = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            holders = [h for h in holders if its not in h.subtree]  # not "its agreement" itself
            for holder in holders:
                mention = self._mention_at(holder.i)
                if mention is not None and mention.entity.type in ("Country", "Organization") \
                        and mention.function == "government":
                    return mention
            if holders:
                return None  # the clause's subject is no state: "its" is someone else's
        return None

    def _mention_at(self, i: int) -> Mention | None:
        return next((m for (start, end), m in self.mentions.items() if start <= i < end), None)

    def _only_modifies(self, mention: Mention) -> bool:
        """Whether a country's name only modifies a noun ("a U.S. proposal", "Chinese goods")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("amod", "compound", "nmod") \
            and span.root.head.lemma_.lower() not in STATE_AGENT_NOUNS  # "Chilean officials" are the state's

    def _modifies_a_head_of(self, mention: Mention, token: Token) -> bool:
        """Whether a name modifies a noun that "the country" hangs from ("Chinese investment in the
        country": the country is not China)."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        # (not the state of people it names: "sanctions on Rwandan officials over the country's support")
        return root.dep_ in ("amod", "compound", "poss", "nmod") and root.head in list(token.ancestors) \
            and root.head.lemma_.lower() not in STATE_AGENT_NOUNS

    def _previous_subject_state(self, sent: Span) -> Mention | None:
        """The country or organization that is the main subject of the sentence before `sent`."""
        if sent.start == 0:
            return None
        previous = self.doc[sent.start - 1].sent
        subjects = [c for c in previous.root.children if c.dep_ == "nsubj"]
        if len(subjects) != 1:
            return None
        subject = subjects[0]
        for (start, end), mention in self.mentions.items():
            if start <= subject.i < end and mention.entity.type in ("Country", "Organization") \
                    and mention.function == "government":
                return mention
        return None

    def run(self) -> list[Mention]:
        self.add_entity_mentions()
        self.add_titled_people()
        self.add_of_people()
        self.add_known_people()
        self.add_role_mentions()
        self.resolve_pending_roles()
        self.add_bare_titles()
        self.add_anaphora()
        mentions = sorted(self.mentions.values(), key=lambda m: (m.start, m.end))
        mentions = [m for m in mentions if not _names_a_currency(m, self.doc)]
        return _drop_misplaced_capitals(mentions, self.doc.text, self.gaz)


_PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
# A month is no surname ("In May, Theresa May ...").
_TIME_TYPES = frozenset({"DATE", "TIME"})
# Entity types the model gives a leader's name when it does not tag it PERSON.
_UNTAGGED_NAME_TYPES = frozenset({"", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"})
# Verbs whose "it" is usually impersonal ("It is expected", "It remains unclear").
_IMPERSONAL_VERBS = frozenset({"be", "seem", "appear", "remain", "happen", "take", "become", "look", "matter",
                               "mean", "cost", "rain", "follow", "come", "go", "turn", "emerge", "help", "make"})


# The name of a state's armed forces after the state's name ("Rwanda Defence Force", "Sudanese
# Armed Forces", "Japan Self-Defense Forces"), ending in one of the heads.
_FORCE_WORDS = frozenset({"defence", "defense", "armed", "self", "-", "self-defense", "self-defence", "air", "national",
                          "force", "forces", "army", "navy"})
_FORCE_HEADS = frozenset({"force", "forces", "army", "navy"})
# Last words of a body's name ("Central Committee", "Politburo").
_BODY_WORDS = frozenset({"committee", "council", "politburo", "presidium", "secretariat", "bureau", "commission"})
# Words before a body's name that belong to the same body ("the UN Security Council").
_BODY_PREFIXES = frozenset({"the", "un", "u.n.", "nations", "united", "european", "eu", "african", "arab"})


# Currencies named after a country ("5 million US dollars", "Australian dollars"): the name is
# the currency's, not a mention of the state.
_CURRENCY_WORDS = frozenset({"dollar", "dollars", "cent", "cents", "pound", "pounds", "franc", "francs", "peso",
                             "pesos", "rupee", "rupees", "yen", "yuan", "ruble", "rubles", "rouble", "roubles",
                             "krone", "kroner", "krona", "kronor", "dinar", "dinars", "riyal", "riyals", "rand",
                             "lira", "shilling", "shillings", "treasuries"})


def _names_a_currency(mention: Mention, doc: Doc) -> bool:
    """Whether a country's name or adjective modifies the currency named right after it ("US
    dollars", "Canadian dollars", "U.S. Treasuries"; not "Russia pounds Kyiv")."""
    if mention.entity.type != "Country":
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or doc[span.end].lower_ not in _CURRENCY_WORDS:
        return False
    return span.root.head == doc[span.end] and span.root.dep_ in ("compound", "amod", "nmod")


def _window_start(sent_starts: list[int], char: int, back: int) -> int:
    """The first character of the sentence `back` sentences before the one holding `char`."""
    index = max(0, bisect.bisect_right(sent_starts, char) - 1)
    return sent_starts[max(0, index - back)] if sent_starts else 0


def _drop_misplaced_capitals(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """"Tripoli, Lebanon": a city followed by the country it lies in names that country's city,
    not the capital of another country with the same name."""
    keep = []
    for i, mention in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if (following is not None and following.entity.type == "Country" and mention.entity.type == "Country"
                and following.entity.id != mention.entity.id and following.resolution != "capital"
                and text[mention.end:following.start].strip() == ","
                and any(f.form == "capital" for f in gazetteer.lookup(mention.text))):
            continue
        keep.append(mention)
    return keep


def find_mentions(doc: Doc, *, date: dt.date | None = None, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every linked mention of a country, organization, leader or official in a parsed Doc.

    Args:
        doc: a Doc from `load_pipeline()` (its entity spans carry gazetteer ids).
        date: the article's date, to check who held an office then.
        gazetteer: the reference data (the shipped one by default).

    Returns:
        Mentions sorted by position.
    """
    return MentionFinder(doc, date, gazetteer or load_gazetteer()).run()


def mention_tokens(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    """Map each token index to the mention covering it."""
    index: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            index[token.i] = mention
    return index

