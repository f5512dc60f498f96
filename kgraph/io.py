"""Reading articles from files, folders, JSONL and stdin; writing files atomically.

This module and the CLI are the only places that touch the filesystem for inputs.
Every problem with one input becomes an `InputError` handed to `on_error`, so the
other inputs are still read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import InputError
from .model import Article

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Larger texts are refused: news articles are far smaller, and a file this big is
# almost always a dump or a mistake. Larger archives belong in JSONL, one item a line.
MAX_ARTICLE_CHARS = 5_000_000

# Metadata lines at the head of a text file: "source: ...", "date: 2024-12-25",
# "title: ...", "url: ...". The seed article writes "date 2024-12-25" without a colon,
# with its text following on the same line, so a date needs no colon.
_META_LINE = re.compile(r"^[ \t]*(source|title|url|id)[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
_META_DATE = re.compile(r"^[ \t]*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)

ErrorHandler = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


def parse_date(value: object, source: str = "<date>") -> dt.date | None:
    """Parse an ISO date (or datetime) string; None for empty values.

    Examples:
        >>> parse_date("2024-12-25")
        datetime.date(2024, 12, 25)
        >>> parse_date("2024-12-25T10:00:00Z")
        datetime.date(2024, 12, 25)
    """
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(source, f"date {text!r} is not an ISO date (YYYY-MM-DD)") from None


def parse_text_article(raw: str, doc_id: str, *, path: str | None = None) -> Article:
    """Split leading metadata lines from an article's text.

    Examples:
        >>> a = parse_text_article("source: Trend\\ndate: 2024-12-25\\n\\nRussia said.", "x.txt")
        >>> a.date, a.source, a.text
        (datetime.date(2024, 12, 25), 'Trend', 'Russia said.')
        >>> parse_text_article(" date 2024-12-25 DUSHANBE, Dec 25. Text.", "s.txt").text
        'DUSHANBE, Dec 25. Text.'
    """
    meta: dict[str, str] = {}
    date: dt.date | None = None
    rest = raw.lstrip("\ufeff")
    while rest:
        line, newline, after = rest.partition("\n")
        if date is None and (m := _META_DATE.match(line)):
            date = parse_date(m.group(1), path or doc_id)
            remainder = line[m.end():]
            if remainder.strip():
                rest = remainder + newline + after
                break
            rest = after
        elif (m := _META_LINE.match(line)) and m.group(1).lower() not in meta:
            meta[m.group(1).lower()] = m.group(2)
            rest = after
        else:
            break
    text = rest.lstrip("\r\n").rstrip()
    return Article(
        id=meta.get("id") or doc_id,
        text=text,
        date=date,
        title=meta.get("title"),
        source=meta.get("source"),
        url=meta.get("url"),
        path=path,
    )


def decode_text(data: bytes, source: str) -> str:
    """Bytes to text, refusing empty, binary and non-UTF-8 input with a clear message."""
    if not data.strip():
        raise InputError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), expected UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


# The commonest English function words: real English prose has several in every hundred words.
_ENGLISH_WORDS = frozenset({"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by",
                            "was", "at", "from", "it", "an", "be", "are", "has", "its", "said", "will", "have"})
# Function words of other languages news is written in (Spanish, French, German, Portuguese,
# Italian, Dutch, Indonesian), none of them an English word.
_FOREIGN_WORDS = frozenset({
    "el", "los", "las", "del", "que", "y", "es", "una", "por", "para", "con", "se", "su", "como", "más",
    "le", "les", "des", "du", "et", "est", "une", "pour", "dans", "au", "aux", "sur", "qui", "pas", "avec",
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "sich", "auf", "für", "ein", "eine",
    "os", "da", "do", "em", "um", "uma", "não", "dos", "das", "ao", "pelo", "pela",
    "il", "di", "che", "della", "dei", "gli", "nel", "sono", "è", "per", "alla",
    "het", "een", "van", "niet", "zijn", "op", "dat", "yang", "dan", "dengan", "untuk", "ini", "itu", "dari",
})
_WORD = re.compile(r"[^\W\d_]+")


def looks_english(text: str, *, sample: int = 4000) -> bool:
    """Whether a text reads as English prose (kgraph's model and rules are English-only).

    Short texts pass: there is too little to judge.

    Examples:
        >>> looks_english("Russia is the main trading partner of Tajikistan, the minister said.")
        True
        >>> looks_english("Россия является главным торговым партнёром Таджикистана, заявил министр "
        ...               "иностранных дел сегодня утром в столице страны.")
        False
        >>> looks_english("Rusia es el principal socio comercial de Tayikistán, dijo el ministro en la capital del país.")
        False
    """
    words = _WORD.findall(text[:sample])
    if len(words) < 12:
        return True
    ascii_words = sum(1 for w in words if w.isascii())
    if ascii_words < 0.6 * len(words):
        return False  # another script: Cyrillic, Arabic, Chinese, ...
    # Latin-script languages: their own function words outnumber English ones. Headlines
    # ("Militants attack Sanduku, killing two") have few function words of any language.
    lower = [w.lower() for w in words]
    english = sum(1 for w in lower if w in _ENGLISH_WORDS)
    foreign = sum(1 for w in lower if w in _FOREIGN_WORDS)
    return not (foreign >= 0.08 * len(words) and english < foreign / 2)


def _check_text(article: Article, source: str) -> Article:
    if not article.text.strip():
        raise InputError(source, "no text after the metadata lines")
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise InputError(source, f"text is {len(article.text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}")
    if not looks_english(article.text):
        raise InputError(source, "does not look like English text (kgraph reads English news only)")
    return article


def read_text_file(path: Path) -> Article:
    """One article from a .txt/.md file; its id is the file name."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None
    article = parse_text_article(decode_text(data, str(path)), path.name, path=str(path))
    return _check_text(article, str(path))


def article_from_record(record: object, source: str, line: int | None = None) -> Article:
    """One article from a JSON object with `id` and `text` (and optional metadata)."""
    if not isinstance(record, dict):
        raise InputError(source, "expected a JSON object with 'id' and 'text'", line)
    missing = [key for key in ("id", "text") if record.get(key) in (None, "")]
    if missing:
        raise InputError(source, f"missing required field(s): {', '.join(missing)}", line)
    if not isinstance(record["text"], str):
        raise InputError(source, "'text' must be a string", line)
    try:
        date = parse_date(record.get("date"), source)
    except InputError as exc:
        raise InputError(source, exc.problem, line) from None
    article = Article(
        id=str(record["id"]),
        text=record["text"],
        date=date,
        title=record.get("title"),
        source=record.get("source"),
        url=record.get("url"),
        path=source,
    )
    where = f"{source}:{line}" if line is not None else source
    return _check_text(article, where)


def iter_jsonl(stream: Iterable[bytes | str], source: str, on_error: ErrorHandler) -> Iterator[Article]:
    """Stream articles from JSONL lines; a bad line is reported and skipped."""
    for number, raw in enumerate(stream, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                on_error(InputError(source, "not valid UTF-8", number))
                continue
        else:
            line = raw
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            on_error(InputError(source, f"malformed JSON ({exc.msg} at column {exc.colno})", number))
            continue
        try:
            yield article_from_record(record, source, number)
        except InputError as exc:
            on_error(exc)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder, recursively, in a stable order, without loading the listing whole."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                yield path


def _read_path(path: Path, on_error: ErrorHandler) -> Iterator[Article]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            with path.open("rb") as handle:
                yield from iter_jsonl(handle, str(path), on_error)
        except OSError as exc:
            on_error(InputError(str(path), exc.strerror or str(exc)))
        return
    try:
        yield read_text_file(path)
    except InputError as exc:
        on_error(exc)


def _read_stdin(stream: IO[str], on_error: ErrorHandler) -> Iterator[Article]:
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    try:
        text = decode_text(data, "<stdin>")
    except InputError as exc:
        on_error(exc)
        return
    if text.lstrip().startswith("{"):
        yield from iter_jsonl(text.splitlines(), "<stdin>", on_error)
        return
    try:
        yield _check_text(parse_text_article(text, "stdin"), "<stdin>")
    except InputError as exc:
        on_error(exc)


def read_articles(
    sources: Iterable[str | Path], *, on_error: ErrorHandler = _raise, stdin: IO[str] | None = None
) -> Iterator[Article]:
    """Yield the articles in any mix of text files, folders, JSONL files and "-" (stdin).

    Args:
        sources: paths, or "-" for standard input (JSONL when it starts with "{", else one text).
        on_error: called with an InputError for each input that cannot be read;
            by default the error is raised. The CLI passes a handler that reports and goes on.
        stdin: the stream "-" reads (sys.stdin by default).

    Yields:
        Articles, streamed: folders and JSONL files are never read whole into memory.
    """
    for source in sources:
        if str(source) == "-":
            yield from _read_stdin(stdin or sys.stdin, on_error)
            continue
        path = Path(source)
        if path.is_dir():
            for child in _walk(path):
                yield from _read_path(child, on_error)
        elif path.exists():
            yield from _read_path(path, on_error)
        else:
            on_error(InputError(str(path), "no such file or directory"))


def new_file_mode(path: str | Path) -> int:
    """The permission bits ``open(path, "w")`` would leave: an existing file's own, else 0o666 less the umask.

    ``tempfile.mkstemp`` creates its file with mode 0600 whatever the umask; a file
    written through it and renamed into place gets this mode instead.
    """
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where Linux shows it (os.umask sets it to read it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Write to a temporary file beside `path`, then rename it over `path`.

    A failure part-way leaves any earlier file at `path` untouched.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, new_file_mode(target))
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
