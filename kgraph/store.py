"""Store plumbing: RDF formats, pyoxigraph <-> rdflib hand-over, atomic file writes.

pyoxigraph does the storage, querying, parsing and serializing (Turtle, N-Triples,
N-Quads, TriG, JSON-LD, RDF/XML). rdflib is only met at the boundary: pyshacl and
callers who want an ``rdflib.Dataset``; the hand-over is one N-Quads buffer each way.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    serialize,
)

from kgraph.errors import KGraphError, UnknownFormatError
from kgraph.io import atomic_write
from kgraph.vocab import ID, PREFIXES, RDF, XSD

__all__ = [
    "RDF_FORMATS",
    "rdf_format",
    "open_store",
    "is_store",
    "check_every_quad",
    "store_read_error",
    "load_file",
    "generate_rdf",
    "generate_jsonld",
    "write_atomic",
    "to_rdflib",
    "from_rdflib",
    "select",
    "term_value",
]

# Short name / file extension -> pyoxigraph format.
RDF_FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "ntriples": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
    "json-ld": RdfFormat.JSON_LD,
    "json": RdfFormat.JSON_LD,
    "xml": RdfFormat.RDF_XML,
    "rdf": RdfFormat.RDF_XML,
    "owl": RdfFormat.RDF_XML,
    "n3": RdfFormat.N3,
}


def rdf_format(path: str | Path | None, format: str | None = None) -> RdfFormat:
    """The RDF format named by ``format`` or, failing that, by the file extension.

    Raises:
        UnknownFormatError: Neither names a supported format.

    Examples:
        >>> rdf_format("out/graph.ttl").name
        'Turtle'
        >>> rdf_format("x", "nq").name
        'N-Quads'
        >>> rdf_format("graph.csv")
        Traceback (most recent call last):
        ...
        kgraph.errors.UnknownFormatError: Can't find format 'csv'. Available: ...
    """
    name = (format or (Path(path).suffix.lstrip(".") if path else "")).lower()
    try:
        return RDF_FORMATS[name]
    except KeyError:
        raise UnknownFormatError(name or str(path), ("jsonld", "n3", "nq", "nt", "trig", "ttl", "xml")) from None


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a store directory: every RocksDB directory has a ``CURRENT`` file."""
    return (Path(path) / "CURRENT").is_file()


def _check_not_damaged(path: Path) -> None:
    """Refuse a directory that holds files but no ``CURRENT``: never start a new store in it.

    Without ``CURRENT`` RocksDB takes the directory for a new database: its first open
    fails ("wal_dir contains existing log file") after deleting the old files, and the
    second creates an empty store, so a damaged store would be wiped by the next build.
    """
    if path.is_dir() and not is_store(path) and any(path.iterdir()):
        damaged = any(p.name.startswith(("MANIFEST-", "OPTIONS-")) or p.suffix in (".sst", ".log")
                      for p in path.iterdir())
        what = ("a damaged store: its CURRENT file is missing" if damaged
                else "a folder that is not empty and is no store")
        raise KGraphError(f"{path}: {what}; kgraph creates a store only in a new or empty folder. "
                          "Restore the store from a backup (kgraph validate --deep checks one) "
                          "or give another folder")


# How long a build waits to reopen its store (see ``KnowledgeGraph.reopen``) when another
# process took the lock in the moment it was released.
REOPEN_WAIT = 30.0


def open_store(path: str | Path | None = None, *, read_only: bool = False, wait: float = 0.0) -> Store:
    """An in-memory store (no path) or an on-disk store in directory ``path``.

    Args:
        path: The store directory; created when missing. None for a store in memory.
        read_only: Open an existing store without write access (and without its lock).
        wait: Seconds to keep trying while another process holds the store's lock.

    Raises:
        KGraphError: The directory cannot be opened (missing for read-only, locked by
            another writer, not an Oxigraph store, or a damaged one).
    """
    if path is None:
        return Store()
    path = Path(path)
    try:
        if read_only:
            if not path.is_dir():
                raise KGraphError(f"{path}: no store directory to open read-only")
            if not is_store(path):
                _check_not_damaged(path)
                raise KGraphError(f"{path}: not a store directory")
            return _open_read_only(path)
        _check_not_damaged(path)
        path.mkdir(parents=True, exist_ok=True)
        return _open_writable(path, wait)
    except (OSError, RuntimeError) as ex:
        raise KGraphError(f"{path}: cannot open the store ({ex})") from ex


def _open_writable(path: Path, wait: float) -> Store:
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            return Store(str(path))
        except OSError as ex:  # "IO error: While lock file ...: Resource temporarily unavailable"
            if "lock" not in str(ex).lower() or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(1.0, delay * 2)


def store_read_error(path: str | Path | None, ex: BaseException) -> KGraphError:
    """A failure to read a store as one line; a damaged store is named, with the check to run."""
    cause = " ".join(str(ex).split()) or type(ex).__name__
    where = str(path) if path is not None else "the store"
    if "corruption" in cause.lower() or "checksum" in cause.lower():
        return KGraphError(f"{where}: the store is damaged ({cause[:240]}); `kgraph validate --deep {where}` "
                           "reads every quad to check it; restore it from a backup")
    return KGraphError(f"{where}: cannot read the store ({cause[:240]})")


def check_every_quad(store: Store) -> list[str]:
    """Read every quad through every index of the store; one line per problem found.

    Oxigraph keeps each quad in several indexes (by subject, predicate, object and graph,
    for the default and the named graphs), each in its own table files, and RocksDB
    verifies a block's checksum when it reads the block. A plain read touches one index, so
    a damaged block elsewhere goes unseen until a query needs it. This scans the store,
    then looks up every subject, predicate, object and graph, and every predicate and
    object of each graph, so that each index is read whole; each must give every quad.

    Returns:
        An empty list when every read succeeded and every index gives the same quads.
    """
    try:
        quads = 0
        subjects: set[Any] = set()
        predicates: set[Any] = set()
        objects: set[Any] = set()
        graphs: set[Any] = set()
        for quad in store.quads_for_pattern(None, None, None, None):
            quads += 1
            subjects.add(quad.subject)
            predicates.add(quad.predicate)
            objects.add(quad.object)
            graphs.add(quad.graph_name)
        problems = []
        for index, keys, pattern in (("subject", subjects, lambda k: (k, None, None, None)),
                                     ("predicate", predicates, lambda k: (None, k, None, None)),
                                     ("object", objects, lambda k: (None, None, k, None))):
            found = sum(1 for key in keys for _ in store.quads_for_pattern(*pattern(key)))
            if found != quads:
                problems.append(f"the {index} index gives {found} quads, the store holds {quads}")
        by_graph = by_predicate = by_object = 0
        for graph in graphs:
            in_graph = list(store.quads_for_pattern(None, None, None, graph))
            by_graph += len(in_graph)
            for p in {q.predicate for q in in_graph}:
                by_predicate += sum(1 for _ in store.quads_for_pattern(None, p, None, graph))
            for o in {q.object for q in in_graph}:
                by_object += sum(1 for _ in store.quads_for_pattern(None, None, o, graph))
        for index, found in (("graph", by_graph), ("graph-predicate", by_predicate), ("graph-object", by_object)):
            if found != quads:
                problems.append(f"the {index} index gives {found} quads, the store holds {quads}")
        return problems
    except (OSError, RuntimeError) as ex:
        return [f"cannot be read: {' '.join(str(ex).split())}"]


# A writer's compaction may delete a table file between the moment a reader lists the
# files and the moment it opens them; RocksDB then reports "Corruption". Opening again
# sees the new file list. Once open, the files are held, so reads see one consistent state.
READ_ONLY_ATTEMPTS = 10


def _open_read_only(path: Path) -> Store:
    for attempt in range(READ_ONLY_ATTEMPTS):
        try:
            return Store.read_only(str(path))
        except (OSError, RuntimeError):
            if attempt == READ_ONLY_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def load_file(store: Store, path: str | Path, format: str | None = None) -> None:
    """Parse an RDF file into ``store`` (triple formats go to the default graph).

    Raises:
        KGraphError: The file does not parse.
    """
    fmt = rdf_format(path, format)
    try:
        store.load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as ex:
        raise KGraphError(f"{path}: cannot read {fmt.name} ({ex})") from ex


def _merged_triples(store: Store) -> Iterator[Triple]:
    seen: set[Triple] = set()
    for quad in store:
        triple = quad.triple
        if triple not in seen:
            seen.add(triple)
            yield triple


def generate_rdf(store: Store, format: RdfFormat) -> bytes:
    """Serialize the store; triple formats get the union of all graphs.

    Examples:
        >>> from pyoxigraph import NamedNode, Literal
        >>> s = Store()
        >>> s.add(Quad(NamedNode("urn:a"), NamedNode("urn:p"), Literal("x"), NamedNode("urn:g")))
        >>> generate_rdf(s, RdfFormat.N_TRIPLES)
        b'<urn:a> <urn:p> "x" .\\n'
    """
    if format == RdfFormat.JSON_LD:
        return "".join(generate_jsonld(store)).encode("utf-8")
    prefixes = PREFIXES if format in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.N3) else None
    if format.supports_datasets:
        dumped = store.dump(format=format, prefixes=prefixes) if prefixes else store.dump(format=format)
        return dumped or b""
    if prefixes:
        data = serialize(_merged_triples(store), format=format, prefixes=prefixes)
    else:
        data = serialize(_merged_triples(store), format=format)
    return data or b""


_RDF_TYPE = RDF + "type"
_XSD_STRING = XSD + "string"
# Every distinct triple of the store (the union of its graphs), a subject's triples together.
_ALL_TRIPLES = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p"


def _compact_iri(iri: str) -> str:
    """An IRI as a compact IRI ("kg:Claim") where a prefix of :data:`PREFIXES` covers it.

    Examples:
        >>> _compact_iri("https://w3id.org/kgraph/ns#Claim"), _compact_iri("urn:x")
        ('kg:Claim', 'urn:x')
    """
    for prefix, namespace in _LONGEST_FIRST:
        if iri.startswith(namespace) and len(iri) > len(namespace) and not iri[len(namespace):].startswith("//"):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def _jsonld_id(term: Any) -> str:
    """A node's ``@id``: relative to ``@base`` (kgraph's resources), a compact IRI, or a blank node label."""
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    rest = term.value[len(ID):] if term.value.startswith(ID) else ""
    segments = rest.split("/")
    # Only where resolving against @base gives the IRI back: no scheme-like first segment, no dot segments.
    if rest and rest[0] not in "/?#" and ":" not in segments[0] and not {".", ".."} & set(segments):
        return rest
    return _compact_iri(term.value)


def _jsonld_value(term: Any) -> Any:
    """An object term as a JSON-LD value: a node reference, a plain string, or a typed or tagged value."""
    if not isinstance(term, Literal):
        return {"@id": _jsonld_id(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == _XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": _compact_iri(term.datatype.value)}


def generate_jsonld(store: Store) -> Iterator[str]:
    """The store as compact JSON-LD: an ``@context`` of kgraph's prefixes and one node object per subject.

    kgraph's own resources are written relative to the context's ``@base``
    (``"country/RUS"``), other IRIs as compact IRIs (``"kg:Claim"``) where a prefix covers them.

    Like the other triple formats it holds the union of the store's graphs (N-Quads and
    TriG keep the named graphs), in the default graph, so that any JSON-LD reader, and
    ``rdflib.Graph().parse(format="json-ld")``, reads every triple. Written a node at a
    time: the subjects come sorted from the store.

    Examples:
        >>> from pyoxigraph import NamedNode
        >>> s = Store()
        >>> s.add(Quad(NamedNode("https://w3id.org/kgraph/id/c1"), NamedNode(_RDF_TYPE),
        ...            NamedNode("https://w3id.org/kgraph/ns#Claim"), NamedNode("urn:g")))
        >>> s.add(Quad(NamedNode("https://w3id.org/kgraph/id/c1"), NamedNode("https://w3id.org/kgraph/ns#modality"),
        ...            Literal("asserted"), NamedNode("urn:g")))
        >>> print("".join(generate_jsonld(s)).split('"@graph": [')[1])
        <BLANKLINE>
          {"@id": "c1", "@type": "kg:Claim", "kg:modality": "asserted"}
        ]}
        <BLANKLINE>
    """
    import json

    yield '{"@context": ' + json.dumps({"@base": ID, **PREFIXES}) + ',\n"@graph": ['
    subject: Any = None
    node: dict[str, Any] = {}
    first = True

    def node_text() -> str:
        out = {key: values[0] if len(values) == 1 else values for key, values in node.items()}
        return ("\n  " if first else ",\n  ") + json.dumps(out, ensure_ascii=False)

    for row in select(store, _ALL_TRIPLES):
        s, p, o = row["s"], row["p"], row["o"]
        if s != subject:
            if node:
                yield node_text()
                first = False
            subject, node = s, {"@id": [_jsonld_id(s)]}
        if p.value == _RDF_TYPE and isinstance(o, NamedNode):
            node.setdefault("@type", []).append(_compact_iri(o.value))
        else:
            node.setdefault(_compact_iri(p.value), []).append(_jsonld_value(o))
    if node:
        yield node_text()
    yield "\n]}\n"


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` through ``io.atomic_write``."""
    with atomic_write(path, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)


def to_rdflib(store: Store) -> Any:
    """The store as an ``rdflib.Dataset`` whose default graph is the union of all graphs."""
    from rdflib import Dataset

    ds = Dataset(default_union=True)
    data = store.dump(format=RdfFormat.N_QUADS)
    if data:
        ds.parse(data=data, format="nquads")
    return ds


def from_rdflib(graph: Any) -> Store:
    """An in-memory pyoxigraph store holding an rdflib ``Graph`` or ``Dataset``."""
    store = Store()
    is_dataset = hasattr(graph, "contexts") and hasattr(graph, "quads")
    data = graph.serialize(format="nquads" if is_dataset else "nt", encoding="utf-8")
    if data:
        store.load(data, format=RdfFormat.N_QUADS if is_dataset else RdfFormat.N_TRIPLES)
    return store


def quad_term_text(quad: Quad) -> str:
    """A quad in SPARQL ``INSERT DATA`` syntax (terms are pyoxigraph's N-Triples forms)."""
    triple = f"{quad.subject} {quad.predicate} {quad.object} ."
    if isinstance(quad.graph_name, DefaultGraph):
        return triple
    return f"GRAPH {quad.graph_name} {{ {triple} }}"


def select(store: Store, query: str, **options: Any) -> QuerySolutions:
    """Run a SELECT query on a store (union default graph unless told otherwise).

    Raises:
        KGraphError: The query is an ASK, CONSTRUCT or DESCRIBE query.
    """
    options.setdefault("use_default_graph_as_union", True)
    result = store.query(query, **options)
    if not isinstance(result, QuerySolutions):
        raise KGraphError("only SELECT queries return rows; this is an ASK, CONSTRUCT or DESCRIBE query")
    return result


def term_value(term: Any) -> str:
    """The lexical value of a pyoxigraph term ("" for None)."""
    if term is None:
        return ""
    return str(getattr(term, "value", term))
