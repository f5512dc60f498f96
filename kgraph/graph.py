"""``KnowledgeGraph``: the Python API over a pyoxigraph store that users and the CLI call.

One named graph per article holds its claims; the entities graph and the edges graph
are shared. ``add`` replaces an article's graph and recomputes the edges it touches in
a single SPARQL Update request, which Oxigraph runs as one transaction: a build killed
midway leaves the store as it was after the last completed ``add``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, Quad, Store

from kgraph.errors import KGraphError
from kgraph.model import Article, Claim, Mention
from kgraph.rdf import Support, from_graph, ontology_quads, to_edge_quads, to_quads, to_supports
from kgraph.store import (
    generate_rdf,
    load_file,
    open_store,
    quad_term_text,
    rdf_format,
    select,
    term_value,
    to_rdflib,
    write_atomic,
)
from kgraph.model import RELATIONS, SYMMETRIC
from kgraph.vocab import ONTOLOGY_GRAPH, EDGES_GRAPH, KG, article_graph_iri, article_iri, edge_iri, relation_iri, relation_name

__all__ = ["KnowledgeGraph"]

_PREFIX = (
    "PREFIX kg: <https://w3id.org/kgraph/ns#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
    "PREFIX schema: <https://schema.org/>\n"
)

_OLD_EDGES = (
    _PREFIX
    + """SELECT DISTINCT ?s ?rel ?o ?g WHERE { GRAPH ?g { ?c kg:subject ?s ; kg:relation ?rel ; kg:object ?o } }"""
)

_OTHER_SUPPORTS = (
    _PREFIX
    + """SELECT ?claim ?s ?rel ?o ?date ?mod ?art ?self WHERE {
  GRAPH <%s> { ?edge kg:supportedBy ?claim }
  GRAPH ?g { ?claim kg:subject ?s ; kg:relation ?rel ; kg:object ?o ; prov:wasDerivedFrom ?art .
             OPTIONAL { ?claim kg:claimDate ?cdate } OPTIONAL { ?claim kg:modality ?mod }
             OPTIONAL { ?art schema:datePublished ?adate } }
  BIND(COALESCE(?cdate, ?adate) AS ?date)
  FILTER(?g NOT IN (%%s))
}"""
    % EDGES_GRAPH
)

_ARTICLES = _PREFIX + "SELECT DISTINCT ?id WHERE { GRAPH ?g { ?a kg:articleId ?id } } ORDER BY ?id"


class KnowledgeGraph:
    """A kgraph knowledge graph, in memory or persisted in a store directory.

    Args:
        path: A directory for a persistent store (created if missing); None keeps the
            graph in memory.
        read_only: Open an existing store directory without write access.

    Examples:
        >>> from kgraph.model import Article, Claim, Entity, Evidence
        >>> kg = KnowledgeGraph()
        >>> art = Article("a1", "Russia and Tajikistan are allies.")
        >>> c = Claim("a1", "ally", Entity("Country", "RUS", "Russia"), Entity("Country", "TJK", "Tajikistan"),
        ...           Evidence(art.text, 0, 33), "test")
        >>> kg.add(art, [c]), kg.add(art, [c])
        ('added', 'unchanged')
        >>> kg.articles()
        ['a1']
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.store: Store = open_store(path, read_only=read_only)
        if not read_only and not self.store.contains_named_graph(NamedNode(ONTOLOGY_GRAPH)):
            self.store.extend(ontology_quads())

    @classmethod
    def read(cls, path: str | Path, format: str | None = None, *, read_only: bool = False) -> KnowledgeGraph:
        """Open a store directory, or load an RDF file into an in-memory graph.

        Args:
            path: A store directory or an RDF file (ttl, nt, nq, trig, jsonld, xml).
            format: The RDF format when the extension does not say.
            read_only: Open a store directory read-only.

        Files in triple formats (ttl, nt, xml, jsonld) land in the default graph: they
        can be queried, exported and validated, but not updated article by article.
        """
        path = Path(path)
        if path.is_dir():
            return cls(path, read_only=read_only)
        kg = cls.from_store(Store())
        load_file(kg.store, path, format)
        if not any(True for _ in kg.store.quads_for_pattern(None, NamedNode(KG.relationName), None)):
            kg.store.extend(ontology_quads())
        return kg

    @classmethod
    def from_store(cls, store: Store) -> KnowledgeGraph:
        """Wrap an existing pyoxigraph store."""
        kg = cls.__new__(cls)
        kg.path, kg.read_only, kg.store = None, False, store
        return kg

    # --- writing --------------------------------------------------------------------

    def _stored_hash(self, article_id: str) -> str | None:
        graph = NamedNode(article_graph_iri(article_id))
        for quad in self.store.quads_for_pattern(NamedNode(article_iri(article_id)), NamedNode(KG.textHash), None, graph):
            return term_value(quad.object)
        return None

    def _other_supports(self, edges: set[str], graphs: Sequence[NamedNode]) -> list[Support]:
        """The supports of ``edges`` from every article graph except ``graphs`` (those being replaced)."""
        if not edges:
            return []
        values = " ".join(str(NamedNode(e)) for e in sorted(edges))
        query = _OTHER_SUPPORTS % ", ".join(str(g) for g in graphs)
        query = query.replace("WHERE {", "WHERE {\n  VALUES ?edge { " + values + " }", 1)
        out = []
        for row in select(self.store, query):
            date = row["date"]
            out.append(
                Support(
                    row["s"].value,
                    relation_name(row["rel"].value),
                    row["o"].value,
                    row["claim"].value,
                    row["art"].value,
                    dt.date.fromisoformat(date.value) if date is not None else None,
                    row["mod"].value if row["mod"] is not None else "asserted",
                )
            )
        return out

    def _edge_quads_in_store(self, edges: set[str]) -> list[Quad]:
        g = NamedNode(EDGES_GRAPH)
        out: list[Quad] = []
        for edge in edges:
            node = NamedNode(edge)
            quads = list(self.store.quads_for_pattern(node, None, None, g))
            out += quads
            ends = {q.predicate.value: q.object for q in quads}
            s, rel, o = ends.get(str(KG.edgeSubject)), ends.get(str(KG.relation)), ends.get(str(KG.edgeObject))
            if s is not None and rel is not None and o is not None:
                prop = NamedNode(term_value(rel))
                out += list(self.store.quads_for_pattern(s, prop, o, g))  # type: ignore[arg-type]
                # only a symmetric edge owns the reverse triple; a directed one's reverse is another edge
                if relation_name(term_value(rel)) in SYMMETRIC:
                    out += list(self.store.quads_for_pattern(o, prop, s, g))  # type: ignore[arg-type]
        return out

    def _old_edges(self, graph: NamedNode) -> set[str]:
        """The edges the claims stored in ``graph`` support."""
        return {
            edge_iri(term_value(row["s"]), relation_name(term_value(row["rel"])), term_value(row["o"]))
            for row in select(self.store, _OLD_EDGES, substitutions={_var("g"): graph})
        }

    def _replace_graphs(self, graphs: Sequence[NamedNode], quads: Sequence[Quad], supports: Sequence[Support],
                        edges: set[str]) -> None:
        """Swap article graphs and recompute ``edges`` in a single update (one transaction)."""
        if self.read_only:
            raise KGraphError(f"{self.path}: the store is open read-only")
        all_supports = self._other_supports(edges, graphs) + list(supports)
        old_edge_quads = self._edge_quads_in_store(edges)  # compute first ...
        new_edge_quads = to_edge_quads(all_supports)
        parts = [f"DROP SILENT GRAPH {graph}" for graph in graphs]
        if old_edge_quads:
            parts.append("DELETE DATA {\n" + "\n".join(quad_term_text(q) for q in old_edge_quads) + "\n}")
        inserted = list(quads) + new_edge_quads
        if inserted:
            parts.append("INSERT DATA {\n" + "\n".join(quad_term_text(q) for q in inserted) + "\n}")
        self.store.update(" ;\n".join(parts))  # ... then mutate, atomically

    def add(self, article: Article, claims: Sequence[Claim], mentions: Sequence[Mention] = ()) -> str:
        """Add or replace one article and its claims, atomically.

        Args:
            article: The article; its id names its graph.
            claims: Its claims.
            mentions: Its resolved mentions (recorded as ``schema:mentions``).

        Returns:
            "added" for a new article, "replaced" when an article with the same id but
            another text hash was there (its old claims are removed and the edges they
            supported recounted), "unchanged" when the same id and text hash are already
            stored (nothing is written).

        Raises:
            KGraphError: The graph is open read-only.
        """
        return self.add_many([(article, claims, mentions)])[0]

    def add_many(self, items: Sequence[tuple[Article, Sequence[Claim], Sequence[Mention]]]) -> list[str]:
        """Add or replace several articles in one transaction, recounting each touched edge once.

        A build adds articles in batches this way: an edge between two much-reported
        countries is recounted once per batch instead of once per article. An interrupted
        batch leaves the store as it was before the batch.

        Args:
            items: (article, claims, mentions) with distinct article ids.

        Returns:
            One outcome per item, as :meth:`add` gives.

        Raises:
            KGraphError: The graph is open read-only.
            ValueError: Two items have the same article id.
        """
        if len({article.id for article, _, _ in items}) != len(items):
            raise ValueError("add_many: the same article id twice in one batch")
        outcomes = []
        graphs: list[NamedNode] = []
        quads: list[Quad] = []
        supports: list[Support] = []
        edges: set[str] = set()
        for article, claims, mentions in items:
            old_hash = self._stored_hash(article.id)
            if old_hash == article.text_hash:
                outcomes.append("unchanged")
                continue
            graph = NamedNode(article_graph_iri(article.id))
            article_supports = to_supports(article, claims)
            edges |= {support.edge for support in article_supports}
            if old_hash is not None:
                edges |= self._old_edges(graph)
            graphs.append(graph)
            quads += to_quads(article, claims, mentions)
            supports += article_supports
            outcomes.append("added" if old_hash is None else "replaced")
        if graphs:
            self._replace_graphs(graphs, quads, supports, edges)
        return outcomes

    def remove(self, article_id: str) -> bool:
        """Remove an article and its claims (the edges they supported are recounted).

        Returns:
            False when no such article is stored.
        """
        if self._stored_hash(article_id) is None:
            return False
        graph = NamedNode(article_graph_iri(article_id))
        self._replace_graphs([graph], (), (), self._old_edges(graph))
        return True

    def flush(self) -> None:
        """Flush an on-disk store's buffers (optional; commits are already durable)."""
        if self.path is not None and not self.read_only:
            self.store.flush()

    # --- reading --------------------------------------------------------------------

    def claims(self) -> list[Claim]:
        """Every claim, rebuilt as ``Claim`` records (ordered by article and offset)."""
        return from_graph(self.store)

    def articles(self) -> list[str]:
        """The ids of the stored articles, sorted."""
        return [row["id"].value for row in select(self.store, _ARTICLES)]

    def query(self, sparql_or_name: str, **bindings: str) -> list[dict[str, str]]:
        """Run a shipped query (by name), a ``.rq`` file or SPARQL text; see ``queries.run_query``."""
        from kgraph.queries import run_query

        return run_query(self, sparql_or_name, **bindings)

    def edges(self, relation: str | None = None) -> list[tuple[str, str, str]]:
        """The asserted direct edges as (subject IRI, relation name, object IRI)."""
        rels = [relation] if relation else None
        out = []
        for quad in self.store.quads_for_pattern(None, None, None, NamedNode(EDGES_GRAPH)):
            pred = quad.predicate.value
            if pred in _PROPERTIES:
                name = relation_name(pred)
                if rels is None or name in rels:
                    out.append((term_value(quad.subject), name, term_value(quad.object)))
        return sorted(out)

    # --- conversions and output ---------------------------------------------------

    def to_networkx(self, kind: str = "actors") -> Any:
        """A networkx graph: "actors" (MultiDiGraph of parties) or "claims" (bipartite)."""
        from kgraph.export import to_networkx

        return to_networkx(self, kind)

    def to_rdflib(self) -> Any:
        """An ``rdflib.Dataset`` copy (default graph = union of all graphs)."""
        return to_rdflib(self.store)

    def serialize(self, format: str = "ttl") -> bytes:
        """The graph in an RDF format (ttl, nt, nq, trig, jsonld, xml)."""
        return generate_rdf(self.store, rdf_format(None, format))

    def write(self, path: str | Path, format: str | None = None) -> None:
        """Write the graph to an RDF file, atomically (temporary file + ``os.replace``).

        Quad formats (nq, trig) keep the named graphs; triple formats get their union.
        """
        write_atomic(path, generate_rdf(self.store, rdf_format(path, format)))

    def write_gexf(self, path: str | Path, *, mode: str = "static") -> None:
        """Write a GEXF 1.3 file for Gephi; see ``export.write_gexf``."""
        from kgraph.export import write_gexf

        write_gexf(self, path, mode=mode)

    def validate(self) -> list[str]:
        """SHACL violations against ``shapes.ttl``, one line each; empty when valid."""
        return validate_store(self.store)

    def __len__(self) -> int:
        return len(self.store)

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "memory"
        return f"KnowledgeGraph({where}, {len(self)} quads)"


_PROPERTIES = frozenset(relation_iri(r) for r in RELATIONS)


def validate_store(store: Store, shapes: str | Path | None = None) -> list[str]:
    """SHACL-validate a store with pyshacl; one human-readable line per violation.

    Args:
        store: The store to check (its union graph is validated).
        shapes: A shapes file; defaults to the packaged ``shapes.ttl``.
    """
    from importlib.resources import files

    import pyshacl
    from rdflib import Graph
    from rdflib.namespace import SH

    data = Graph()
    dump = generate_rdf(store, rdf_format(None, "nt"))
    if dump:
        data.parse(data=dump, format="nt")
    shapes_graph = Graph()
    if shapes is None:
        shapes_graph.parse(data=files("kgraph").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    else:
        shapes_graph.parse(str(shapes), format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", advanced=True)
    if conforms:
        return []
    lines = []
    for result in report.subjects(SH.resultSeverity, None):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        where = f" {_short(path)}" if path is not None else ""
        got = f" (value: {value})" if value is not None and value != focus else ""
        lines.append(f"{_short(focus)}{where}: {message}{got}")
    return sorted(set(lines))


def _short(term: Any) -> str:
    from kgraph.vocab import PREFIXES

    text = str(term)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    return f"<{text}>"


def _var(name: str) -> Any:
    from pyoxigraph import Variable

    return Variable(name)
