"""Gazetteer rows -> entity-ruler patterns.

Countries' names, aliases and capitals become GPE, adjectives and demonyms NORP,
organizations ORG. The pattern id is the country's alpha-3 code ("RUS"), or
"org:" + the organization's id ("org:EU"); forms that need context to resolve
("Georgia", "Jordan", "Washington") get the id "?" + the form, and the mention
linker decides. Pattern texts are in normalised typography (straight apostrophes,
ASCII hyphens): the ruler matches them against the text normalised the same way.
"""

from __future__ import annotations

from functools import lru_cache

from ..gazetteer import load_gazetteer, normalize_typography

_LABELS = {
    "name": "GPE",
    "official": "GPE",
    "alias": "GPE",
    "capital": "GPE",
    "adjective": "NORP",
    "demonym": "NORP",
    "acronym": "ORG",
}

AMBIGUOUS_PREFIX = "?"
# Regions whose names contain a country's alias ("Latin America", "North American"):
# listed as locations without an id, so the longer match wins and names no country.
REGIONS = (
    "Latin America", "Latin American", "North America", "North American", "South America", "South American",
    "Central America", "Central American", "Middle East", "Middle Eastern", "North Africa", "North African",
    "West Africa", "West African", "East Africa", "East African", "Southern Africa", "Sub-Saharan Africa",
    "Central Africa", "Central Asia", "Central Asian", "South Asia", "South Asian", "East Asia", "East Asian",
    "Southeast Asia", "Southeast Asian", "South East Asia", "Asia-Pacific", "Indo-Pacific", "Western Europe",
    "Eastern Europe", "Central Europe", "Northern Europe", "Southern Europe", "North Atlantic", "South Pacific",
    "South China Sea", "East China Sea", "Korean Peninsula", "Persian Gulf", "Gulf region", "Caucasus",
    "South Caucasus", "North Caucasus", "Horn of Africa", "Sahel", "Balkans", "Western Balkans", "Baltic states",
    # Provinces and states whose names contain a country's name or adjective.
    "New Mexico", "New Jersey", "British Columbia", "Western Australia", "South Australia", "West Papua",
    "New England",
)
ORG_PREFIX = "org:"


def _strip_article(text: str) -> str:
    """News writes "the Kremlin", "the U.S.": the determiner is not part of the name."""
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article):]
    return text


def pattern_id(kind: str, entity_id: str) -> str:
    return ORG_PREFIX + entity_id if kind == "Organization" else entity_id


@lru_cache(maxsize=1)
def gazetteer_patterns() -> tuple[dict[str, str], ...]:
    """Entity-ruler phrase patterns for every surface form in the gazetteer."""
    gazetteer = load_gazetteer()
    by_text: dict[tuple[str, str], set[str]] = {}
    ambiguous: set[tuple[str, str]] = set()
    for form in gazetteer.forms():
        text = normalize_typography(form.text)
        texts = [_strip_article(text).strip()]
        if form.form == "capital" and text.startswith("The "):
            # "The Valley", "The Hague": the article is part of the name ("Valley" alone is no city)
            texts = [text, "the " + text[4:]]
        for text in texts:
            if len(text) < 2 or text.islower():
                continue
            label = "ORG" if form.kind == "Organization" else _LABELS.get(form.form, "GPE")
            key = (text, label)
            by_text.setdefault(key, set()).add(pattern_id(form.kind, form.id))
            if form.ambiguous:
                ambiguous.add(key)
    patterns: list[dict[str, str]] = [{"label": "LOC", "pattern": region} for region in REGIONS]
    for (text, label), ids in sorted(by_text.items()):
        if len(ids) == 1 and (text, label) not in ambiguous:
            entity_id = next(iter(ids))
        else:
            entity_id = AMBIGUOUS_PREFIX + text
        patterns.append({"label": label, "pattern": text, "id": entity_id})
    return tuple(patterns)
