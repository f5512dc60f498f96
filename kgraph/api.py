"""The library functions behind every CLI command: extract claims, build graphs, evaluate.

The CLI parses arguments and prints; everything else happens here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import itertools
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, KGraphError
from .io import ErrorHandler, SeenIds, read_articles
from .model import Article, Claim, Mention

if TYPE_CHECKING:
    from spacy.language import Language

    from .extract import ArticleResult
    from .graph import KnowledgeGraph


# Articles between reopenings of a persistent store (flushing its write buffers and
# dropping its caches) and trims of freed heap memory: neither then grows with the input.
FLUSH_EVERY = 500
# Articles written to the store in one transaction: an edge that many articles support
# (a much-reported pair of countries) is updated once per batch, not once per article.
BATCH_SIZE = 50
# ... or what a second of extraction produced, so that a slow build still commits often.
BATCH_SECONDS = 1.0


def _load_libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


_LIBC = _load_libc()


def trim_memory() -> None:
    """Hand freed heap memory back to the operating system (glibc only; elsewhere a no-op).

    glibc keeps what a process frees in its arenas for reuse. A build frees a lot as it
    goes (spaCy's memory zones, the store's write buffers and SPARQL updates), so
    without trimming its resident memory creeps up with the input beyond what is live.
    Dask trims its workers' memory the same way.
    """
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


@dataclass
class BuildReport:
    """What a build did: articles added, replaced, skipped, failed; claims found; time taken."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.added + self.replaced + self.unchanged

    def summary(self) -> str:
        """What a build did, in one line.

        Examples:
            >>> BuildReport(added=1, claims=1, seconds=2.0).summary()
            '1 article (1 added, 0 replaced, 0 unchanged, 0 failed), 1 claim, 2.0s (0.5 articles/s)'
        """
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"{counted(self.articles, 'article')} ({self.added} added, {self.replaced} replaced, "
                f"{self.unchanged} unchanged, {self.failed} failed), {counted(self.claims, 'claim')}, "
                f"{self.seconds:.1f}s ({rate:.1f} articles/s)")

    def extraction_summary(self) -> str:
        """What an extraction did (its articles are counted as added), in one line."""
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"{counted(self.articles, 'article')} ({self.failed} failed), {counted(self.claims, 'claim')}, "
                f"{self.seconds:.1f}s ({rate:.1f} articles/s)")


def counted(number: int, noun: str) -> str:
    """A count and its noun, plural unless the count is 1.

    Examples:
        >>> counted(1, "article"), counted(0, "claim"), counted(2, "claim")
        ('1 article', '0 claims', '2 claims')
    """
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _as_sources(sources: Iterable[str | Path | Article] | str | Path) -> Iterable[str | Path | Article]:
    if isinstance(sources, (str, Path, Article)):
        return [sources]
    return sources  # streamed: a generator of a million articles is never held whole


def iter_inputs(sources: Iterable[str | Path | Article] | str | Path, on_error: ErrorHandler) -> Iterator[Article]:
    """Articles from paths, "-", Article objects, or plain texts (anything that is not an existing path)."""
    seen = SeenIds()  # an id that comes twice in the whole input is reported
    for number, source in enumerate(_as_sources(sources), start=1):
        if isinstance(source, Article):
            yield source
        elif isinstance(source, Path) or source == "-" or Path(source).exists() or (
                "\n" not in source and len(source) < 300 and source.endswith((".txt", ".md", ".jsonl"))):
            yield from read_articles([source], on_error=on_error, seen=seen)
        else:
            yield Article(id=f"text-{number}", text=source)


def article_error(article: Article, stage: str, error: BaseException) -> InputError:
    """One article's failure as one line: where it came from, its id, the stage and the cause."""
    cause = " ".join(str(error).split()) or type(error).__name__
    return InputError(article.path or "<input>", f"article {article.id!r}: {stage} failed ({type(error).__name__}: "
                      f"{cause[:300]})")


class _InputFailed(Exception):
    """Carries an exception raised by the input stream itself through the extraction stream."""


def extract_results(articles: Iterable[Article], *, model: str | None = None, nlp: Language | None = None,
                    workers: int = 1, batch_size: int = 32,
                    on_error: ErrorHandler | None = None) -> Iterator[ArticleResult]:
    """Parse and extract each article; results stream in input order.

    spaCy is imported and the model loaded when the first article comes, so that input
    with nothing to parse (a re-run whose articles are all stored already) costs neither.

    Args:
        on_error: called with one ``InputError`` per article whose extraction fails
            (whatever failed: the parser, a rule, a date out of range), and the stream
            goes on with the next article; by default the failure is raised.
    """
    stream = iter(articles)
    first = next(stream, None)
    if first is None:
        return
    from .extract import extract_article, extract_articles, load_pipeline

    nlp = nlp or load_pipeline(model)
    if on_error is None:
        yield from extract_articles(itertools.chain([first], stream), nlp, n_process=workers, batch_size=batch_size)
        return
    source = itertools.chain([first], stream)
    pending: deque[Article] = deque()  # handed to the stream, no result yet

    def feed() -> Iterator[Article]:
        while True:
            try:
                article = next(source)
            except StopIteration:
                return
            except Exception as ex:  # the input's own failure is no article's: let it through
                raise _InputFailed() from ex
            pending.append(article)
            yield article

    while True:
        try:
            for result in extract_articles(feed(), nlp, n_process=workers, batch_size=batch_size):
                pending.popleft()
                yield result
            return
        except _InputFailed as ex:
            raise ex.__cause__ from None  # type: ignore[misc]
        except Exception:
            # The stream stopped on one of the articles it held: take them one by one,
            # report the one that fails, then stream the rest of the input again.
            held = list(pending)
            pending.clear()
            for article in held:
                try:
                    result = extract_article(article, nlp)
                except Exception as ex:
                    on_error(article_error(article, "extraction", ex))
                    continue
                yield result


def extract(text: str, date: dt.date | str | None = None, doc: str | None = None, *,
            model: str | None = None) -> list[Claim]:
    """The claims in one text.

    Args:
        text: the article text (no metadata lines).
        date: its publication date, the reference for "last year" and for who held office.
        doc: the id to write in each claim's `doc`.
        model: a spaCy model name; the project's default English model otherwise.
    """
    from .extract import extract_text

    return extract_text(text, date, doc, model=model).claims


def mentions(text: str, date: dt.date | str | None = None, *, model: str | None = None) -> list[Mention]:
    """The linked mentions of countries, organizations, leaders and officials in one text."""
    from .extract import extract_text

    return extract_text(text, date, model=model).mentions


def counting_handler(report: BuildReport, on_error: ErrorHandler | None) -> ErrorHandler:
    """An input-error handler that counts each failure in the report, then passes it on (or raises)."""

    def handle(error: InputError) -> None:
        report.failed += 1
        report.errors.append(str(error))
        if on_error is None:
            raise error
        on_error(error)

    return handle


# Where `build` runs: on this machine, or on a Dask cluster.
ENGINES = ("local", "dask")


def build(sources: Iterable[str | Path | Article] | str | Path, *, store: str | Path | None = None,
          model: str | None = None, workers: int = 1, engine: str = "local", scheduler: str | None = None,
          partition_size: int | None = None, work_dir: str | Path | None = None,
          on_error: ErrorHandler | None = None, progress: Callable[[BuildReport], None] | None = None,
          report: BuildReport | None = None) -> KnowledgeGraph:
    """Build (or extend) a knowledge graph from articles.

    Args:
        sources: paths (files, folders, JSONL, "-"), Article objects, or texts.
        store: a store directory to create or extend; in memory when None.
        model: the spaCy model name.
        workers: processes for parsing (spaCy's nlp.pipe n_process), or of the local Dask cluster.
        engine: "local" (this machine) or "dask" (a Dask cluster; needs ``kgraph[dask]``).
        scheduler: the Dask scheduler's address (``tcp://host:8786``); a local cluster of
            `workers` processes when None. Dask engine only.
        partition_size: articles per Dask partition. Dask engine only.
        work_dir: where the Dask partitions are kept (a rerun skips finished ones). Dask engine only.
        on_error: called with each input that cannot be read and each article that cannot
            be extracted or written, one ``InputError`` each, while the build goes on
            (default: raise).
        progress: called after each batch of articles with the running report.
        report: filled in with what the build did.

    Raises:
        KGraphError: an unknown engine, or the Dask engine without Dask installed.
    """
    from .graph import KnowledgeGraph

    if engine not in ENGINES:
        raise KGraphError(f"Can't find engine '{engine}'. Available: {', '.join(ENGINES)}")
    if engine == "dask":
        return _build_dask(sources, store=store, model=model, workers=workers, scheduler=scheduler,
                           partition_size=partition_size, work_dir=work_dir, on_error=on_error,
                           progress=progress, report=report if report is not None else BuildReport())

    report = report if report is not None else BuildReport()
    kg = KnowledgeGraph(store)
    handle = counting_handler(report, on_error)
    started = time.perf_counter()
    batch: list[ArticleResult] = []
    # Ids sent to parsing and not yet written: a stored hash says nothing about them until they are.
    pending: dict[str, int] = {}
    last_shown = started
    written = 0  # articles through add_many: the store is reopened every FLUSH_EVERY of them

    def to_parse(articles: Iterable[Article]) -> Iterator[Article]:
        """The articles that need parsing: not those stored already with the same text (checked before parsing)."""
        nonlocal last_shown
        for article in articles:
            if article.id not in pending and kg.stored_text_hash(article.id) == article.text_hash:
                report.unchanged += 1
                now = time.perf_counter()
                if progress is not None and now - last_shown >= BATCH_SECONDS:
                    report.seconds, last_shown = now - started, now
                    progress(report)
                continue
            pending[article.id] = pending.get(article.id, 0) + 1
            yield article

    def write_batch() -> None:
        nonlocal written
        for result, outcome in zip(batch, _add_batch(kg, batch, handle)):
            pending[result.article.id] -= 1
            if not pending[result.article.id]:
                del pending[result.article.id]
            if outcome is None:  # reported: it could not be written
                continue
            setattr(report, outcome, getattr(report, outcome) + 1)
            report.claims += len(result.claims)
        written += len(batch)
        if written // FLUSH_EVERY != (written - len(batch)) // FLUSH_EVERY:
            kg.reopen()  # the store's buffers and caches otherwise grow with the input
            trim_memory()
        batch.clear()
        report.seconds = time.perf_counter() - started
        if progress is not None:
            progress(report)

    batch_started = time.perf_counter()
    results = extract_results(to_parse(iter_inputs(sources, handle)), model=model, workers=workers,
                              on_error=handle if on_error is not None else None)
    for result in results:
        if any(r.article.id == result.article.id for r in batch):
            write_batch()  # a repeated id replaces the earlier version, in order
        if not batch:
            batch_started = time.perf_counter()
        batch.append(result)
        if len(batch) >= BATCH_SIZE or time.perf_counter() - batch_started >= BATCH_SECONDS:
            write_batch()
    if batch:
        write_batch()
    kg.flush()
    report.seconds = time.perf_counter() - started
    return kg


def _add_batch(kg: KnowledgeGraph, batch: Sequence[ArticleResult], on_error: ErrorHandler) -> list[str | None]:
    """Write a batch in one transaction; if an article in it cannot be written, write them one by one.

    An article that fails on its own (its RDF cannot be built or stored) is reported and
    left out (None); a failure of the store itself (a full disk, a read-only store) is raised.
    """
    items = [(r.article, r.claims, r.mentions) for r in batch]
    try:
        return list(kg.add_many(items))
    except (OSError, KGraphError):
        raise
    except Exception:
        pass  # an article of the batch: find it below
    outcomes: list[str | None] = []
    for item in items:
        try:
            outcomes.append(kg.add_many([item])[0])
        except (OSError, KGraphError):
            raise
        except Exception as ex:
            on_error(article_error(item[0], "writing to the graph", ex))
            outcomes.append(None)
    return outcomes


def _build_dask(sources: Iterable[str | Path | Article] | str | Path, *, store: str | Path | None,
                model: str | None, workers: int, scheduler: str | None, partition_size: int | None,
                work_dir: str | Path | None, on_error: ErrorHandler | None,
                progress: Callable[[BuildReport], None] | None, report: BuildReport) -> KnowledgeGraph:
    """`build` on a Dask cluster (distributed.build_dask)."""
    try:
        from .distributed import build_dask, read_inputs
    except ImportError as ex:
        raise KGraphError(f"the dask engine needs Dask: pip install 'kgraph[dask]' ({ex})") from ex
    options = {} if partition_size is None else {"partition_size": partition_size}
    return build_dask(read_inputs(sources, on_error, report), store=store, model=model, scheduler=scheduler,
                      workers=max(1, workers), work_dir=work_dir, progress=progress, report=report, **options)
