"""Typographic variants link like the plain text: every gazetteer form and every leader's name,
written with curly apostrophes, other dashes or non-breaking spaces, finds what its ASCII
spelling finds, and the linked text and offsets are those of the original text.

The gazetteer cases run the entity ruler on a blank English pipeline (tokenizer only, no model).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest
import spacy

import kgraph.extract.pipeline  # noqa: F401  (registers the kgraph_gazetteer factory)
from kgraph.gazetteer import TYPOGRAPHIC_VARIANTS, load_gazetteer, name_key, normalize_typography

# Two variants per character class: the commonest in news text and a rarer one.
_VARIANTS = {"'": ("\u2019", "\u02bc"), "-": ("\u2013", "\u2011"), " ": ("\u00a0", "\u202f")}


def _variants(text: str) -> list[tuple[str, str]]:
    """(name of the variant, text with every ASCII character of one class replaced by it)."""
    out = []
    for plain, variants in _VARIANTS.items():
        if plain in text:
            out += [(f"U+{ord(v):04X}", text.replace(plain, v)) for v in variants]
    return out


def _gazetteer_cases() -> list[tuple[str, str]]:
    texts = sorted({normalize_typography(form.text) for form in load_gazetteer().forms()})
    return [(text, variant) for text in texts for _, variant in _variants(text)]


def _leader_cases() -> list[tuple[str, str]]:
    names = sorted({normalize_typography(n) for r in load_gazetteer().leaders for n in (r.name, *r.aliases)})
    return [(name, variant) for name in names for _, variant in _variants(name)]


@pytest.fixture(scope="module")
def ruler_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("kgraph_gazetteer")
    return nlp


@lru_cache(maxsize=None)
def _entities(nlp: spacy.language.Language, text: str) -> tuple[tuple[int, int, str, str, str], ...]:
    doc = nlp(text)
    return tuple((e.start_char, e.end_char, e.label_, e.ent_id_, e.text) for e in doc.ents)


def test_normalize_typography_keeps_length_and_maps_every_variant():
    for plain, variants in TYPOGRAPHIC_VARIANTS.items():
        assert normalize_typography(variants) == plain * len(variants)
    text = "“Côte d’Ivoire” – the U.S.\u00a0and Guinea\u2011Bissau"
    assert len(normalize_typography(text)) == len(text)


@pytest.mark.parametrize(("plain", "variant"), _gazetteer_cases())
def test_gazetteer_form_typographic_variant_links_like_plain(ruler_nlp, plain, variant):
    """A form with a curly apostrophe, an en dash or a non-breaking space is matched like its
    ASCII spelling, as the same entity, over the same characters, keeping its own text."""
    expected = _entities(ruler_nlp, f"Officials from {plain} met.")
    found = _entities(ruler_nlp, f"Officials from {variant} met.")
    assert [e[:4] for e in found] == [e[:4] for e in expected]
    sentence = f"Officials from {variant} met."
    assert all(sentence[start:end] == text for start, end, _, _, text in found)


@pytest.mark.parametrize(("plain", "variant"), _leader_cases())
def test_find_leaders_typographic_variant_finds_like_plain(plain, variant):
    gazetteer = load_gazetteer()
    on = dt.date(2024, 6, 1)
    assert gazetteer.find_leaders(variant, on) == gazetteer.find_leaders(plain, on)


def test_lookup_curly_apostrophe_finds_the_form():
    gazetteer = load_gazetteer()
    assert {f.id for f in gazetteer.lookup("People\u2019s Republic of China")} == {"CHN"}
    assert {f.id for f in gazetteer.lookup("Guinea\u2013Bissau")} == {"GNB"}


def _full_names() -> list[str]:
    """Listed names of two name words or more (not "Harald V", "K. R. Narayanan")."""
    return sorted({r.name for r in load_gazetteer().leaders if len(name_key(r.name).split()) >= 2})


@pytest.mark.parametrize("name", _full_names())
def test_find_leaders_name_with_initial_and_suffix_finds_like_plain(name):
    """"Joseph R. Biden, Jr." is Joe Biden's "Joseph Biden": a middle initial and a generational
    suffix written into a listed full name find the same terms."""
    gazetteer = load_gazetteer()
    first, *rest = name.split()
    variant = f"{first} Q. {' '.join(rest)}, Jr."
    assert gazetteer.find_leaders(variant) == gazetteer.find_leaders(name)
