"""Reading articles from files, folders, JSONL and stdin; writing files atomically.

This module and the CLI are the only places that touch the filesystem for inputs.
Every problem with one input becomes an `InputError` handed to `on_error`, so the
other inputs are still read.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import stat
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import DuplicateIdWarning, InputError
from .model import Article

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Larger texts are refused: news articles are far smaller, and a file this big is
# almost always a dump or a mistake. Larger archives belong in JSONL, one item a line.
MAX_ARTICLE_CHARS = 5_000_000
# UTF-8 takes at most 4 bytes a character: a file (or a JSONL line) larger than this is
# refused from its size alone, before it is read, so /dev/zero or a 300 MB dump costs nothing.
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS
# A JSONL line holds an article and its metadata.
MAX_LINE_BYTES = MAX_ARTICLE_BYTES + 65_536

# Metadata lines at the head of a text file: "source: ...", "date: 2024-12-25",
# "title: ...", "url: ...". The seed article writes "date 2024-12-25" without a colon,
# with its text following on the same line, so a date needs no colon.
_META_LINE = re.compile(r"^[ \t]*(source|title|url|id)[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
# A time of day after the date ("2024-05-16T10:00:00Z") is allowed and ignored.
_META_DATE = re.compile(r"^[ \t]*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})"
                        r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b[ \t]*", re.IGNORECASE)

ErrorHandler = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


class SeenIds:
    """The article ids read so far from one input, to report an id that comes twice.

    A later article with an id already seen replaces the earlier one in a store, so the
    reader warns (``DuplicateIdWarning``) naming where the second one is. Ids are kept as
    64-bit hashes: about 70 bytes an article (measured: 69 MB for a million ids).
    """

    def __init__(self) -> None:
        self._seen: set[int] = set()

    def check(self, article: Article, where: str) -> Article:
        key = hash(article.id)
        if key in self._seen:
            warnings.warn(DuplicateIdWarning(f"{where}: article id {article.id!r} comes twice in this input; "
                                             "this one replaces the earlier one"), stacklevel=2)
        self._seen.add(key)
        return article


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


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "not a regular file"


def read_regular_file(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    A named pipe, a device or a socket is refused without being opened (opening a pipe
    waits for a writer; a device may never end), and the size is checked before reading.

    Raises:
        InputError: The file is not a regular file, is too large, or cannot be read.
    """
    source = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(source, f"{_file_kind(info.st_mode)}, not a regular file: skipped")
        if info.st_size > limit:
            raise InputError(source, f"file is {info.st_size:,} bytes, over the limit of {limit:,}")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # never blocks, even if swapped for a pipe
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError(source, "not a regular file: skipped")
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise InputError(source, f"file is over the limit of {limit:,} bytes")
    return data


def read_text_file(path: Path, doc_id: str | None = None) -> Article:
    """One article from a .txt/.md file; its id is ``doc_id``, by default the file name."""
    data = read_regular_file(path)
    article = parse_text_article(decode_text(data, str(path)), doc_id or path.name, path=str(path))
    return _check_text(article, str(path))


_STRING_FIELDS = ("text", "title", "source", "url", "date")


def _json_type(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def _check_fields(record: dict[str, object], source: str, line: int | None) -> None:
    """Refuse fields of the wrong type and strings that are not valid Unicode (a lone surrogate)."""
    if isinstance(record["id"], (bool, float, list, dict)):
        raise InputError(source, f"'id' must be a string or an integer, not {_json_type(record['id'])}", line)
    for key in _STRING_FIELDS:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(source, f"'{key}' must be a string, not {_json_type(value)}", line)
    for key in ("id", *_STRING_FIELDS):
        value = record.get(key)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InputError(source, f"'{key}' holds a lone surrogate (\\u{ord(value[exc.start]):04x}) at "
                                 f"character {exc.start}: not valid Unicode", line) from None


def article_from_record(record: object, source: str, line: int | None = None) -> Article:
    """One article from a JSON object with `id` and `text` (and optional metadata).

    Raises:
        InputError: A required field is missing, a field has the wrong type (``title``,
            ``source``, ``url``, ``date`` and ``text`` are strings; ``id`` a string or an
            integer), a string is not valid Unicode, or the text is refused.
    """
    if not isinstance(record, dict):
        raise InputError(source, "expected a JSON object with 'id' and 'text'", line)
    missing = [key for key in ("id", "text") if record.get(key) in (None, "")]
    if missing:
        raise InputError(source, f"missing required field(s): {', '.join(missing)}", line)
    _check_fields(record, source, line)
    try:
        date = parse_date(record.get("date"), source)
    except InputError as exc:
        raise InputError(source, exc.problem, line) from None
    article = Article(
        id=str(record["id"]),
        text=record["text"],
        date=date,
        title=record.get("title") or None,
        source=record.get("source") or None,
        url=record.get("url") or None,
        path=source,
    )
    where = f"{source}:{line}" if line is not None else source
    return _check_text(article, where)


class _TooLong:
    """Stands for a JSONL line over ``MAX_LINE_BYTES``, which is skipped unread."""


_TOO_LONG = _TooLong()


def bounded_lines(handle: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | _TooLong]:
    """The lines of a binary stream; of a line over ``limit`` bytes no more than the limit is ever held."""
    while True:
        parts: list[bytes] = []
        size = 0
        while size <= limit and (part := handle.readline(1 << 20)):
            parts.append(part)
            size += len(part)
            if part.endswith(b"\n"):
                break
        if not parts:
            return
        if size > limit:
            parts.clear()  # let go of what was read before skipping the rest of the line
            while part and not part.endswith(b"\n"):
                part = handle.readline(1 << 20)
            yield _TOO_LONG
        else:
            yield b"".join(parts)


def iter_jsonl(stream: Iterable[bytes | str | _TooLong], source: str, on_error: ErrorHandler,
               seen: SeenIds | None = None) -> Iterator[Article]:
    """Stream articles from JSONL lines; a bad line is reported and skipped, a repeated id reported."""
    for number, raw in enumerate(stream, start=1):
        if isinstance(raw, _TooLong):
            on_error(InputError(source, f"line is over the limit of {MAX_LINE_BYTES:,} bytes", number))
            continue
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                on_error(InputError(source, "not valid UTF-8", number))
                continue
        else:
            line = raw
        if number == 1:
            line = line.removeprefix("\ufeff")  # a byte order mark some editors write
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            on_error(InputError(source, f"malformed JSON ({exc.msg} at column {exc.colno})", number))
            continue
        try:
            article = article_from_record(record, source, number)
        except InputError as exc:
            on_error(exc)
            continue
        yield seen.check(article, f"{source}:{number}") if seen is not None else article


def _walk(folder: Path, on_error: ErrorHandler) -> Iterator[Path]:
    """Files under a folder, recursively, in a stable order, without loading the listing whole.

    A subfolder that cannot be listed is reported, not skipped silently.
    """
    def report(exc: OSError) -> None:
        on_error(InputError(str(exc.filename or folder), f"cannot list the folder ({exc.strerror or exc}): skipped"))

    for root, dirs, files in os.walk(folder, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                yield path


def _read_path(path: Path, on_error: ErrorHandler, seen: SeenIds, doc_id: str | None = None) -> Iterator[Article]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise InputError(str(path), f"{_file_kind(info.st_mode)}, not a regular file: skipped")
            with path.open("rb") as handle:
                yield from iter_jsonl(bounded_lines(handle), str(path), on_error, seen)
        except InputError as exc:
            on_error(exc)
        except OSError as exc:
            on_error(InputError(str(path), exc.strerror or str(exc)))
        return
    try:
        article = read_text_file(path, doc_id)
    except InputError as exc:
        on_error(exc)
        return
    yield seen.check(article, str(path))


class _Prefixed(io.RawIOBase):
    """A binary stream that first gives back bytes already read from it."""

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix, self._rest = prefix, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n], self._prefix = self._prefix[:n], self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _read_stdin(stream: IO[str], on_error: ErrorHandler, seen: SeenIds) -> Iterator[Article]:
    """Standard input: JSONL (streamed, line by line) when it starts with "{", else one text article."""
    binary: IO[bytes] = getattr(stream, "buffer", None) or io.BytesIO(stream.read().encode("utf-8", "replace"))
    head = b""
    while len(head) <= MAX_ARTICLE_BYTES and not head.removeprefix(b"\xef\xbb\xbf").lstrip():
        chunk = binary.read(65536)
        if not chunk:
            break
        head += chunk
    if b"\x00" in head[:8192]:  # /dev/zero or a binary file: refused before more is read
        on_error(InputError("<stdin>", "binary input (contains NUL bytes), expected UTF-8 text"))
        return
    reader = io.BufferedReader(_Prefixed(head, binary))
    if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        yield from iter_jsonl(bounded_lines(reader), "<stdin>", on_error, seen)
        return
    data = reader.read(MAX_ARTICLE_BYTES + 1)
    try:
        if len(data) > MAX_ARTICLE_BYTES:
            raise InputError("<stdin>", f"input is over the limit of {MAX_ARTICLE_BYTES:,} bytes")
        article = _check_text(parse_text_article(decode_text(data, "<stdin>"), "stdin"), "<stdin>")
    except InputError as exc:
        on_error(exc)
        return
    yield seen.check(article, "<stdin>")


def read_articles(
    sources: Iterable[str | Path], *, on_error: ErrorHandler = _raise, stdin: IO[str] | None = None,
    seen: SeenIds | None = None,
) -> Iterator[Article]:
    """Yield the articles in any mix of text files, folders, JSONL files and "-" (stdin).

    An article's id is, for a text file, its path relative to the folder given (its name
    when the file itself is given) unless an ``id:`` line says otherwise, and for a JSONL
    record its ``id`` field. An id that comes twice in the input is reported with a
    ``DuplicateIdWarning`` (the later article replaces the earlier one in a store).

    Args:
        sources: paths, or "-" for standard input (JSONL when it starts with "{", else one text).
        on_error: called with an InputError for each input that cannot be read;
            by default the error is raised. The CLI passes a handler that reports and goes on.
        stdin: the stream "-" reads (sys.stdin by default).
        seen: the ids read so far, shared by calls that read one input in parts.

    Yields:
        Articles, streamed: folders and JSONL files are never read whole into memory.
        Only regular files are read: pipes and devices are reported and skipped.
    """
    seen = seen if seen is not None else SeenIds()
    for source in sources:
        if str(source) == "-":
            yield from _read_stdin(stdin or sys.stdin, on_error, seen)
            continue
        path = Path(source)
        if path.is_dir():
            for child in _walk(path, on_error):
                yield from _read_path(child, on_error, seen, child.relative_to(path).as_posix())
        elif path.exists() or path.is_symlink():
            yield from _read_path(path, on_error, seen)
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


def check_writable(path: str | Path) -> None:
    """Fail now, before any work, if a file cannot be written at ``path``.

    Creates the missing parent folders (as the write would) and a temporary file beside
    ``path``, which is removed at once.

    Raises:
        KGraphError: ``path`` is a folder, or its folder cannot be created or written.
    """
    from .errors import KGraphError

    target = Path(path)
    if target.is_dir():
        raise KGraphError(f"{target}: is a folder; give a file name to write")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(prefix=f".{target.name}.", suffix=".check", dir=target.parent):
            pass
    except OSError as exc:
        raise KGraphError(f"{target}: cannot write here ({exc.strerror or exc})") from None


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`, then rename it over `path`: kgraph's one way
    of writing a file.

    A reader never sees a half-written file, and a failure part-way leaves any earlier
    file at `path` untouched. The file gets the mode ``open(path, "w")`` would give it
    (`new_file_mode`). `newline` is passed to ``open`` in text mode ("" for csv).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, new_file_mode(target))
        text = "b" not in mode
        with os.fdopen(fd, mode, encoding=encoding if text else None, newline=newline if text else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and exc.filename is None:
            exc.filename = str(target)  # "File too large" or "No space left on device": say which file
        raise
