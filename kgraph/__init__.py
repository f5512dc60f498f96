"""kgraph: bilateral-relations knowledge graphs from news.

    >>> import kgraph
    >>> claims = kgraph.extract("Russia is Tajikistan's main strategic partner.")  # doctest: +SKIP
    >>> kg = kgraph.build(["seeds/"])                                                 # doctest: +SKIP
    >>> kg.query("investors", country="TJK")                                         # doctest: +SKIP

spaCy and the store load lazily, so `import kgraph` and `kgraph --help` stay fast.
"""

from __future__ import annotations

from typing import Any

from .model import Amount, Article, Claim, Entity, Evidence, Mention, Percent, Period

__version__ = "0.1.0"

__all__ = [
    "Amount", "Article", "Claim", "Entity", "Evidence", "KnowledgeGraph", "Mention", "Percent", "Period",
    "__version__", "build", "extract", "load_pipeline", "mentions", "read_articles", "run_query",
]

_LAZY = {
    "build": ("kgraph.api", "build"),
    "extract": ("kgraph.api", "extract"),
    "mentions": ("kgraph.api", "mentions"),
    "KnowledgeGraph": ("kgraph.graph", "KnowledgeGraph"),
    "load_pipeline": ("kgraph.extract.pipeline", "load_pipeline"),
    "read_articles": ("kgraph.io", "read_articles"),
    "run_query": ("kgraph.queries", "run_query"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
