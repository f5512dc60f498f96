"""Extraction: articles -> parsed Docs -> mentions -> claims.

`extract_article` handles one article; `extract_articles` streams many through
`nlp.pipe`, optionally on several processes, and reports each article's result.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
import types
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from ..gazetteer import load_gazetteer
from ..model import Article, Claim, Mention
from .claims import extract_claims
from .mentions import byline_entity, find_mentions
from .pipeline import load_pipeline
from .speakers import byline_name

__all__ = ["ArticleResult", "extract_article", "extract_articles", "extract_claims", "extract_text", "find_mentions",
           "load_pipeline", "make_doc", "memory_zone"]

# Long texts are parsed in blocks of paragraphs: spaCy's parser is quadratic in nothing
# but its memory grows with the Doc, and news paragraphs never need each other's parse.
BLOCK_CHARS = 100_000
# Batches of `nlp.pipe` parsed in one memory zone: when the zone closes, spaCy forgets the
# words its articles added to the vocabulary, so a long build's memory does not grow with its input.
ZONE_BATCHES = 32
# Zones' worth of articles one pool of worker processes parses (`n_process > 1`): each
# pool starts from the main process's fixed vocabulary and ends with its segment, so the
# workers' vocabularies do not grow with the input either. Starting a pool (a fork) is cheap.
POOL_ZONES = 4
# Pipelines whose vocabulary has been filled: the first zone's worth of articles a pipeline
# parses is parsed outside a zone, so the commonest words stay in its vocabulary and in its
# tokenizer's cache (the tokenizer caches nothing inside a zone). That much memory is fixed.
_FILLED: weakref.WeakSet[Language] = weakref.WeakSet()


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article
    mentions: list[Mention]
    claims: list[Claim]


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized Doc carrying the article's date and id for the pipeline components."""
    doc = nlp.make_doc(article.text)
    # ISO text, not a date object: Docs cross process boundaries as msgpack in nlp.pipe(n_process>1).
    doc._.kg_date = article.date.isoformat() if article.date else None
    doc._.kg_doc_id = article.id
    return doc


def _result(article: Article, doc: Doc) -> ArticleResult:
    mentions = doc._.kg_mentions
    if mentions is None:
        mentions = find_mentions(doc, date=article.date)
    name = byline_name(article.title, article.source)
    byline = byline_entity(name, article.date, load_gazetteer()) if name else None
    claims = extract_claims(doc, mentions, doc_id=article.id, date=article.date, byline=byline,
                            source=article.source, title=article.title)
    return ArticleResult(article, mentions, claims)


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, block) pieces of at most about BLOCK_CHARS, cut at paragraph breaks."""
    start = 0
    while start < len(text):
        end = min(len(text), start + BLOCK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + BLOCK_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        yield start, text[start:end]
        start = end


def _shift(result: ArticleResult, article: Article, offset: int) -> ArticleResult:
    from dataclasses import replace

    mentions = [replace(m, start=m.start + offset, end=m.end + offset) for m in result.mentions]
    claims = [replace(c, evidence=replace(c.evidence, start=c.evidence.start + offset,
                                          end=c.evidence.end + offset)) for c in result.claims]
    return ArticleResult(article, mentions, claims)


def extract_article(article: Article, nlp: Language | None = None) -> ArticleResult:
    """Mentions and claims of one article."""
    nlp = nlp or load_pipeline()
    if len(article.text) <= BLOCK_CHARS:
        return _result(article, nlp(make_doc(nlp, article)))
    mentions: list[Mention] = []
    claims: list[Claim] = []
    for offset, block in _blocks(article.text):
        part = Article(article.id, block, article.date, article.title, article.source, article.url, article.path)
        shifted = _shift(_result(part, nlp(make_doc(nlp, part))), article, offset)
        mentions += shifted.mentions
        claims += shifted.claims
    return ArticleResult(article, mentions, claims)


@contextmanager
def memory_zone(nlp: Language) -> Iterator[None]:
    """spaCy's memory zone, which also forgets what the rule lemmatizer cached inside it.

    Inside the zone, strings and lexemes new to the vocabulary are transient: spaCy frees
    them when the zone closes, so no Doc or Token parsed inside may be used after it.
    The lemmatizer caches the lemmas of every (word, tag) it sees, which the zone leaves alone.
    """
    caches = [pipe.cache for _, pipe in nlp.pipeline if isinstance(pipe, Lemmatizer)]
    sizes = [len(cache) for cache in caches]
    with nlp.memory_zone():
        yield
    for cache, size in zip(caches, sizes):
        for key in list(itertools.islice(cache, size, None)):  # a dict keeps insertion order
            del cache[key]


def _extract_stream(articles: Iterable[Article], nlp: Language, batch_size: int,
                    n_process: int) -> Iterator[ArticleResult]:
    def docs() -> Iterator[tuple[Doc, tuple[Article, Article, int, bool]]]:
        for article in articles:
            if len(article.text) <= BLOCK_CHARS:
                yield make_doc(nlp, article), (article, article, 0, True)
                continue
            blocks = list(_blocks(article.text))
            for number, (offset, block) in enumerate(blocks, start=1):
                part = Article(article.id, block, article.date, article.title, article.source, article.url,
                               article.path)
                yield make_doc(nlp, part), (article, part, offset, number == len(blocks))

    disable = ["kgraph_mentions"] if n_process > 1 else []
    mentions: list[Mention] = []
    claims: list[Claim] = []
    for doc, (article, part, offset, last) in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size,
                                                       n_process=n_process, disable=disable):
        if part is article:
            yield _result(article, doc)
            continue
        shifted = _shift(_result(part, doc), article, offset)
        mentions += shifted.mentions
        claims += shifted.claims
        if last:
            yield ArticleResult(article, mentions, claims)
            mentions, claims = [], []


def extract_articles(articles: Iterable[Article], nlp: Language | None = None, *, batch_size: int = 32,
                     n_process: int = 1) -> Iterator[ArticleResult]:
    """Stream results for many articles through `nlp.pipe` (several processes when n_process > 1).

    Every `ZONE_BATCHES` batches of articles are parsed in a memory zone (see
    `memory_zone`), so memory stays flat however long the stream: results hold plain
    values, never a Doc. The first batches a pipeline ever parses are not zoned (see
    `_FILLED`). With several processes, each `POOL_ZONES` zones' worth of articles goes
    to a pool of worker processes of its own, inside one zone of the main process (which
    reads the parsed Docs back into its vocabulary). Long articles go through `nlp.pipe`
    block by block and are put together again here.
    """
    nlp = nlp or load_pipeline()
    segment = ZONE_BATCHES * batch_size * (POOL_ZONES if n_process > 1 else 1)
    stream = iter(articles)
    for first in stream:
        zone = itertools.chain([first], itertools.islice(stream, segment - 1))
        context = memory_zone(nlp) if nlp in _FILLED else nullcontext()
        _FILLED.add(nlp)
        with context:
            yield from _extract_stream(zone, nlp, batch_size, n_process)


def extract_text(text: str, date: dt.date | str | None = None, doc: str | None = None, *,
                 model: str | None = None) -> ArticleResult:
    """Mentions and claims of one text (what `kgraph.extract` and `kgraph.mentions` return).

    Args:
        text: the article text (no metadata lines).
        date: its publication date (an ISO string or a date).
        doc: the id to write in each claim's `doc` ("text" when not given).
        model: a spaCy model name; the project's default English model otherwise.
    """
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    article = Article(id=doc or "text", text=text, date=date)
    return next(extract_articles([article], load_pipeline(model)))


class _CallableModule(types.ModuleType):
    """`kgraph.extract(text)` is the public API, and `kgraph.extract` is also this package:
    once the package is imported Python binds the name to it, so the package is callable too."""

    def __call__(self, text: str, date: dt.date | str | None = None, doc: str | None = None, *,
                 model: str | None = None) -> list[Claim]:
        return extract_text(text, date, doc, model=model).claims


sys.modules[__name__].__class__ = _CallableModule
