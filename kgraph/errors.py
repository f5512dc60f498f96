"""The exceptions kgraph raises; the CLI turns each into one line on stderr."""

from __future__ import annotations

from collections.abc import Iterable


class KGraphError(Exception):
    """Base class: something the user asked for cannot be done."""


class InputError(KGraphError):
    """An input file or record cannot be read (empty, binary, not UTF-8, malformed)."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


def _choices(name: str, kind: str, available: Iterable[str]) -> str:
    return f"Can't find {kind} '{name}'. Available: {', '.join(sorted(available))}"


class UnknownFormatError(KGraphError):
    def __init__(self, name: str, available: Iterable[str]) -> None:
        super().__init__(_choices(name, "format", available))


class UnknownQueryError(KGraphError):
    def __init__(self, name: str, available: Iterable[str]) -> None:
        super().__init__(_choices(name, "query", available))


class QuerySyntaxError(KGraphError):
    """A SPARQL query does not parse."""


class ModelNotFoundError(KGraphError):
    """No spaCy model could be loaded."""


class DuplicateIdWarning(UserWarning):
    """An article id comes twice in one input: the later article replaces the earlier one."""
