"""Find and link the countries, organizations, leaders and officials an article mentions.

Countries and organizations come from the gazetteer entity ruler (ids on the entity
spans); ambiguous forms ("Georgia", "Jordan", "Washington") are settled from their
context. People are found through their titles ("President of Tajikistan Emomali
Rahmon", "Russian President Vladimir Putin", "Putin, the Russian president"), later by
surname ("Putin", "Mr. Rahmon") and by role ("the Russian president"), and checked
against the table of heads of state and government on the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..gazetteer import Gazetteer, LeaderRecord, load_gazetteer
from ..model import Entity, Mention
from .patterns import AMBIGUOUS_PREFIX, ORG_PREFIX

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
# Titles of officials who act for their country but do not lead it.
OFFICIAL_TITLES: dict[tuple[str, ...], str] = {
    ("foreign", "minister"): "foreign minister",
    ("minister",): "minister",
    ("deputy", "prime", "minister"): "deputy prime minister",
    ("first", "deputy", "prime", "minister"): "first deputy prime minister",
    ("vice", "president"): "vice president",
    ("vice", "premier"): "vice premier",
    ("secretary", "of", "state"): "secretary of state",
    ("foreign", "secretary"): "foreign secretary",
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
    ("secretary", "general"): "secretary-general",
    ("director-general",): "director-general",
    ("minister", "for", "europe"): "minister for europe",
    ("governor",): "governor",
}
_ALL_TITLES = {**OFFICIAL_TITLES, **HEAD_TITLES}
_MAX_TITLE = max(len(t) for t in _ALL_TITLES)
# Heads-of-state titles that make someone leader_of their country (the guidelines exclude
# crown princes who are not heads of state, and party chairmen).
LEADER_ROLES = frozenset({"president", "prime minister", "premier", "chancellor", "king", "queen", "emir",
                          "sultan", "supreme leader", "taoiseach", "grand duke"})
# Words that sit between a title and a name without changing who is meant.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sheikh", "shaikh", "sir", "dame",
                        "h.e.", "his", "her", "excellency", "majesty", "highness", "general", "gen."})
# A title preceded by one of these no longer holds ("former president").
_PAST_MARKERS = frozenset({"former", "ex", "ex-", "late", "then", "outgoing", "previous", "erstwhile"})
# Lower-case particles inside Arabic, Dutch, Portuguese... names ("bin", "al", "van", "da").
_NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "al-", "el", "de", "da", "do", "dos", "van", "von", "der",
                             "la", "le", "du", "di", "abu"})
# Generic words for a leader used as a role mention ("the Indian leader").
_ROLE_WORDS = {**{k: v for k, v in HEAD_TITLES.items()}, ("leader",): "leader", ("head", "of", "state"): "president"}
_US_STATE_CONTEXT = re.compile(
    r"\b(Atlanta|Savannah|governor|Gov\.|state of|U\.S\. state|US state|American state|Alabama|Florida|"
    r"Carolina|Tennessee|Georgia's \d|county|senator|Senate race|Peach State)\b"
)
_LATIN_AMERICAN = frozenset({"latin", "south", "north", "central", "african", "native", "anglo"})


@dataclass
class _Person:
    """A person introduced in the article, for later surname and role mentions."""

    entity: Entity
    surnames: set[str] = field(default_factory=set)


def _title_at(tokens: list[str], start: int, titles: dict[tuple[str, ...], str]) -> tuple[int, str] | None:
    """The longest title starting at `start`: (end index, role)."""
    for size in range(min(_MAX_TITLE, len(tokens) - start), 0, -1):
        key = tuple(tokens[start:start + size])
        if key in titles:
            return start + size, titles[key]
    return None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def person_entity(name: str, country: str | None, role: str | None, record: LeaderRecord | None,
                  gazetteer: Gazetteer) -> Entity:
    """An Entity for a person: the table's record when there is one, else a slug id."""
    if record is not None:
        return gazetteer.leader_entity(record)
    kind = "Leader" if role in LEADER_ROLES else "Person"
    return Entity(type=kind, id=_slug(name), name=name, country=country, role=role)


class MentionFinder:
    """Finds the mentions of one Doc; holds the per-article memory of people."""

    def __init__(self, doc: Doc, date: dt.date | None, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.date = date
        self.gaz = gazetteer
        self.lower = [t.lower_ for t in doc]
        self.people: list[_Person] = []
        self.mentions: dict[tuple[int, int], Mention] = {}
        self.taken = [False] * len(doc)

    # -- countries and organizations -------------------------------------------------
    def _country_of_span(self, span: Span) -> str | None:
        mention = self.mentions.get((span.start_char, span.end_char))
        if mention and mention.entity.type == "Country":
            return mention.entity.id
        return None

    def _resolve_ambiguous(self, ent: Span) -> str | None:
        """Settle a form that names more than one thing, from its sentence."""
        text = ent.text
        sentence = ent.sent.text
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        after = self.doc[ent.end] if ent.end < len(self.doc) else None
        candidates = [f for f in self.gaz.lookup(text) if f.kind == "Country"]
        if not candidates:
            orgs = [f for f in self.gaz.lookup(text) if f.kind == "Organization"]
            return ORG_PREFIX + orgs[0].id if len(orgs) == 1 else None
        # A first name before, or a capitalised surname after, makes it a person ("Michael Jordan").
        if (before is not None and before.pos_ == "PROPN" and before.ent_type_ in ("PERSON", "")
                and before.is_title and before.lower_ not in HONORIFICS):
            return None
        if after is not None and after.is_title and after.pos_ == "PROPN" and after.ent_type_ in ("PERSON", ""):
            return None
        if text == "Georgia" and _US_STATE_CONTEXT.search(sentence):
            return None
        if text == "Washington":
            if after is not None and after.text in ("Post", "Times", "Examiner", "state", "State", "Nationals"):
                return None
            return "USA"
        codes = sorted({f.id for f in candidates})
        if len(codes) == 1:
            return codes[0]
        # "Congo", "Guinea", "Korea": a qualifier in the sentence decides; else leave it out.
        return None

    def add_entity_mentions(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ not in ("GPE", "NORP", "ORG", "LOC", "FAC"):
                continue
            ent_id = ent.ent_id_
            if not ent_id:
                continue
            if ent_id.startswith(AMBIGUOUS_PREFIX):
                resolved = self._resolve_ambiguous(ent)
                if resolved is None:
                    continue
                ent_id, resolution = resolved, "context"
            else:
                resolution = "gazetteer"
            if ent_id.startswith(ORG_PREFIX):
                entity = self.gaz.organization_entity(ent_id[len(ORG_PREFIX):])
                function = "government"
            else:
                if ent.label_ == "NORP" and ent.start > 0 and self.lower[ent.start - 1] in _LATIN_AMERICAN \
                        and ent.text in ("American", "Americans"):
                    continue  # "Latin American" names a region, not the United States
                entity = self.gaz.country_entity(ent_id)
                function = self._country_function(ent)
                resolution = self._form_kind(ent.text) if resolution == "gazetteer" else resolution
            self._add(ent.start, ent.end, entity, resolution, function)

    def _form_kind(self, text: str) -> str:
        forms = self.gaz.lookup(text)
        kinds = {f.form for f in forms}
        for kind in ("name", "official", "alias", "adjective", "demonym", "capital"):
            if kind in kinds:
                return {"name": "gazetteer", "official": "gazetteer"}.get(kind, kind)
        return "gazetteer"

    def _country_function(self, ent: Span) -> str:
        """What a country mention stands for: the state, its people, or a place."""
        root = ent.root
        if ent.label_ == "NORP":
            # A demonym naming people ("36,000 Tajik students", "Russians") is not a state actor.
            head = root.head if root.dep_ in ("amod", "compound", "nmod") else None
            if ent.text.endswith("s") and root.dep_ not in ("amod", "compound"):
                return "people"
            if head is not None and head.lemma_.lower() in _PEOPLE_NOUNS:
                return "people"
            return "government"
        forms = {f.form for f in self.gaz.lookup(ent.text)}
        if forms <= {"capital"} and root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near"):
            return "place"
        return "government"

    def _add(self, start: int, end: int, entity: Entity, resolution: str, function: str) -> Mention:
        span = self.doc[start:end]
        mention = Mention(span.text, span.start_char, span.end_char, entity, resolution, function)
        self.mentions[(span.start_char, span.end_char)] = mention
        for i in range(start, end):
            self.taken[i] = True
        return mention

    # -- people -------------------------------------------------------------------
    def _country_at(self, start: int) -> tuple[int, str] | None:
        """A country mention starting at token `start`: (end token, alpha-3)."""
        for (s_char, _), mention in self.mentions.items():
            if mention.entity.type != "Country":
                continue
            span = self.doc.char_span(mention.start, mention.end)
            if span is not None and span.start == start:
                return span.end, mention.entity.id
        return None

    def _country_ending_at(self, end: int) -> str | None:
        """A country mention ending just before token `end` ("Russian", "Kenya 's")."""
        if end > 0 and self.doc[end - 1].text in ("'s", "’s", "'") and end > 1:
            end -= 1
        for mention in self.mentions.values():
            if mention.entity.type != "Country":
                continue
            span = self.doc.char_span(mention.start, mention.end)
            if span is not None and span.end == end:
                return mention.entity.id
        return None

    def _name_from(self, start: int) -> int:
        """End of a personal name starting at `start` (a PERSON entity or capitalised words)."""
        doc = self.doc
        if start >= len(doc):
            return start
        ent = next((e for e in doc.ents if e.start == start and e.label_ == "PERSON"), None)
        if ent is not None:
            return ent.end
        end = start
        while end < len(doc):
            tok = doc[end]
            if self.taken[end] and tok.ent_type_ in ("GPE", "NORP", "ORG"):
                break
            if tok.is_title and tok.is_alpha or (tok.lower_ in _NAME_PARTICLES and end > start and
                                                  end + 1 < len(doc) and doc[end + 1].is_title):
                end += 1
                continue
            if tok.text in ("-",) and end > start and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 1
                continue
            break
        # A name ends before a word that starts a new clause ("Putin Said" never happens; keep simple).
        return end

    def _leader_record(self, name: str, country: str | None, role: str | None) -> LeaderRecord | None:
        for record in self.gaz.find_leaders(name, self.date):
            if country and record.country != country:
                continue
            if self.date is not None and not record.in_office(self.date):
                continue
            return record
        return None

    def _register(self, start: int, end: int, country: str | None, role: str | None, resolution: str,
                  past: bool = False) -> None:
        while end - start > 1 and self.doc[end - 1].text in ("'s", "’s", "'", ",", "."):
            end -= 1  # "Isaac Herzog's state visit": the possessive ending is not part of the name
        name = self.doc[start:end].text
        record = None if past else self._leader_record(name, country, role)
        if record is not None:
            country = country or record.country
            if role in (None, "leader") or role in LEADER_ROLES:
                role = record.role
        entity = person_entity(name, country, role, record, self.gaz)
        if past or (record is None and role not in LEADER_ROLES):
            entity = Entity(type="Person", id=entity.id, name=entity.name, qid=entity.qid, country=country, role=role)
        elif record is None and role in LEADER_ROLES and not country:
            entity = Entity(type="Person", id=entity.id, name=name, country=None, role=role)
        function = "leader" if entity.type == "Leader" else "official"
        self._add(start, end, entity, resolution, function)
        surnames = {self.doc[end - 1].text}
        if record is not None:
            surnames |= {a for a in record.aliases if " " not in a}
            surnames.add(record.name.split()[-1])
        self.people.append(_Person(entity, surnames))

    def add_titled_people(self) -> None:
        """Title forms: "[Russian|Kenya's] President [of Tajikistan] [Mr.] NAME [of India]"."""
        doc = self.doc
        i = 0
        while i < len(doc):
            found = _title_at(self.lower, i, _ALL_TITLES)
            if found is None or not doc[i].is_alpha:
                i += 1
                continue
            title_end, role = found
            # "prime minister" written in lower case is usually a role mention, handled later.
            # "former president", "former Honduran president"
            past = any(self.lower[k] in _PAST_MARKERS for k in range(max(0, i - 3), i))
            country = self._country_ending_at(i)
            j = title_end
            # "President of [the State of] Tajikistan NAME", "Minister for Foreign Affairs of X"
            if j < len(doc) and self.lower[j] == "of":
                k = j + 1
                if k < len(doc) and self.lower[k] == "the":
                    k += 1
                if k + 1 < len(doc) and self.lower[k] == "state" and self.lower[k + 1] == "of":
                    k += 2
                at = self._country_at(k)
                if at is not None:
                    j, country = at
            while j < len(doc) and (self.lower[j] in HONORIFICS):
                j += 1
            if j < len(doc) and doc[j].is_title and not self.taken[j]:
                end = self._name_from(j)
                if end > j:
                    # "Prime Minister Narendra Modi of India"
                    if country is None and end + 1 < len(doc) and self.lower[end] == "of":
                        at = self._country_at(end + 1)
                        if at is not None:
                            country = at[1]
                    self._register(j, end, country, role, "title", past)
                    i = end
                    continue
            i = title_end

    def add_appositive_people(self) -> None:
        """"NAME, the Russian president": a person followed by a role in apposition."""
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ != "PERSON" or self.taken[ent.start]:
                continue
            k = ent.end
            if k + 2 < len(doc) and doc[k].text == ",":
                k += 1
                if self.lower[k] == "the":
                    k += 1
                country = None
                at = self._country_at(k)
                if at is not None:
                    k, country = at
                found = _title_at(self.lower, k, _ALL_TITLES)
                if found is not None:
                    role = found[1]
                    if country is None and found[0] < len(doc) and self.lower[found[0]] == "of":
                        at = self._country_at(found[0] + 1)
                        country = at[1] if at else None
                    self._register(ent.start, ent.end, country, role, "title")

    def add_known_people(self) -> None:
        """Later mentions by surname ("Putin", "Mr. Rahmon") and untitled names in the table."""
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ != "PERSON" or self.taken[ent.start]:
                continue
            text = ent.text
            last = doc[ent.end - 1].text
            person = next((p for p in reversed(self.people) if text in p.surnames or last in p.surnames
                           or text == p.entity.name), None)
            if person is not None:
                self._add(ent.start, ent.end, person.entity, "surname",
                          "leader" if person.entity.type == "Leader" else "official")
                continue
            record = self._leader_record(text, None, None)
            if record is not None and (" " in text or text in record.aliases):
                self._register(ent.start, ent.end, record.country, record.role, "table")

    def add_role_mentions(self) -> None:
        """"the Russian president", "the Prime Minister", "the Indian leader" -> a known person."""
        doc = self.doc
        for i in range(len(doc)):
            if self.taken[i] or self.lower[i] != "the":
                continue
            j = i + 1
            country = None
            at = self._country_at(j)
            if at is not None and doc[j].ent_type_ == "NORP":
                j, country = at
            found = _title_at(self.lower, j, _ROLE_WORDS)
            if found is None:
                continue
            end, role = found
            if end < len(doc) and (doc[end].is_title and doc[end].pos_ == "PROPN" or self.lower[end] == "of"):
                continue  # a titled name or "the President of X", handled elsewhere
            person = self._person_for_role(country, role)
            if person is None:
                continue
            self._add(i + 1 if country is None else i + 1, end, person, "role",
                      "leader" if person.type == "Leader" else "official")

    def _person_for_role(self, country: str | None, role: str) -> Entity | None:
        for person in reversed(self.people):
            entity = person.entity
            if country and entity.country != country:
                continue
            if role != "leader" and entity.role and entity.role != role:
                continue
            if role == "leader" and entity.type != "Leader":
                continue
            return entity
        if country and self.date is not None:
            office = None if role == "leader" else ("head_of_government" if role in ("prime minister", "premier")
                                                    else None)
            for record in self.gaz.leaders_on(country, self.date, office):
                if role in ("leader", record.role):
                    return self.gaz.leader_entity(record)
        return None

    def run(self) -> list[Mention]:
        self.add_entity_mentions()
        self.add_titled_people()
        self.add_appositive_people()
        self.add_known_people()
        self.add_role_mentions()
        return sorted(self.mentions.values(), key=lambda m: (m.start, m.end))


# Nouns for people: a demonym modifying one names people, not the state.
_PEOPLE_NOUNS = frozenset({"student", "citizen", "national", "worker", "migrant", "tourist", "people", "resident",
                           "soldier", "troop", "refugee", "child", "woman", "man", "family",
                           "diaspora", "community", "postgraduate", "fan", "player", "journalist"})


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


def root_token(doc: Doc, mention: Mention) -> Token | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None
