"""``KnowledgeGraph``: the Python API over a pyoxigraph store that users and the CLI call.

One named graph per article holds its claims; the entities graph and the edges graph
are shared. ``add`` replaces an article's graph, updates the edges it touches by the
change alone (the counts on each edge node and the ``kg:supportedBy`` links of the
claims that leave or come: an edge's other claims are neither read nor rewritten),
rewrites the figure conflicts of the edges whose figures change, and brings the tallies
up to date the same way (so that no whole-graph count is redone), in a single SPARQL
Update request, which Oxigraph runs as one transaction: a build killed midway leaves
the store as it was after the last completed ``add``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, Quad, Store
from rdflib.namespace import OWL, RDF

from kgraph.errors import KGraphError
from kgraph.model import Article, Claim, Mention
from kgraph.rdf import (
    EDGE_NODE_PROPERTIES,
    EdgeCounts,
    EdgeState,
    Figure,
    Support,
    direct_quads,
    edge_node_quads,
    figure_conflict_quads,
    from_edge_node_quads,
    from_graph,
    modality_counts,
    modality_tally_quads,
    needs_date_recount,
    ontology_quads,
    party_tally_quads,
    supported_by_quads,
    to_quads,
    to_supports,
    update_edge_counts,
)
from kgraph.store import (
    REOPEN_WAIT,
    check_every_quad,
    generate_rdf,
    load_file,
    open_store,
    quad_term_text,
    rdf_format,
    select,
    store_read_error,
    term_value,
    to_rdflib,
    write_atomic,
)
from kgraph.model import RELATIONS, SYMMETRIC
from kgraph.relations import Relation
from kgraph.vocab import (
    EDGES_GRAPH,
    KG,
    ONTOLOGY_GRAPH,
    article_graph_iri,
    article_iri,
    modality_tally_iri,
    party_tally_iri,
    relation_iri,
    relation_name,
    sparql_prefixes,
)

__all__ = ["KnowledgeGraph"]

_PREFIX = sparql_prefixes()

_GRAPH_SUPPORTS = (
    _PREFIX
    + """SELECT ?claim ?s ?rel ?o ?date ?mod ?art ?g ?value ?currency ?period WHERE {
  GRAPH ?g { ?claim kg:subject ?s ; kg:relation ?rel ; kg:object ?o ; prov:wasDerivedFrom ?art .
             OPTIONAL { ?claim kg:claimDate ?cdate } OPTIONAL { ?claim kg:modality ?mod }
             OPTIONAL { ?art schema:datePublished ?adate }
             OPTIONAL { ?claim kg:amount ?am . ?am schema:value ?value ; schema:currency ?currency }
             OPTIONAL { ?claim kg:periodStart ?period } }
  BIND(COALESCE(?cdate, ?adate) AS ?date)
}"""
)

# The figures of the edges' claims (of some edges when a VALUES block is added), but those
# of the article graphs being replaced.
_REMAINING_FIGURES = (
    _PREFIX
    + """SELECT ?edge ?claim ?art ?value ?currency ?period WHERE {
  GRAPH <%s> { ?edge kg:supportedBy ?claim }
  GRAPH ?g { ?claim kg:amount ?am ; prov:wasDerivedFrom ?art . ?am schema:value ?value ; schema:currency ?currency .
             OPTIONAL { ?claim kg:periodStart ?period } }
  FILTER(?g NOT IN (%%s))
}"""
    % EDGES_GRAPH
)

_REMAINING_DATES = (
    _PREFIX
    + """SELECT DISTINCT ?edge ?date WHERE {
  GRAPH <%s> { ?edge kg:supportedBy ?claim }
  GRAPH ?g { ?claim prov:wasDerivedFrom ?art .
             OPTIONAL { ?claim kg:claimDate ?cdate } OPTIONAL { ?art schema:datePublished ?adate } }
  BIND(COALESCE(?cdate, ?adate) AS ?date)
  FILTER(BOUND(?date) && ?g NOT IN (%%s))
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
        if not read_only:
            self._bring_up_to_date()

    @classmethod
    def read(cls, path: str | Path, format: str | None = None, *, read_only: bool = False,
             in_memory: bool = False) -> KnowledgeGraph:
        """Open a store directory, or load an RDF file into an in-memory graph.

        Args:
            path: A store directory or an RDF file (ttl, nt, nq, trig, jsonld, xml).
            format: The RDF format when the extension does not say.
            read_only: Open a store directory read-only.
            in_memory: Copy a store directory into memory (opened read-only, so a build
                may not be writing to it) rather than open it: about 11 s per million
                quads, after which the shipped queries run up to 4 times faster (no disk
                lookups) and changes stay in memory. For many queries from one process.

        Files in triple formats (ttl, nt, xml, jsonld) land in the default graph: they
        can be queried, exported and validated, but not updated article by article.
        """
        path = Path(path)
        if path.is_dir() and in_memory:
            kg = cls.from_store(Store())
            kg.store.bulk_extend(open_store(path, read_only=True).quads_for_pattern(None, None, None))
            return kg
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

    def _bring_up_to_date(self) -> None:
        """Make a store written by another kgraph version match this one, in one transaction.

        The ontology graph is replaced when it differs from the packaged ontology; a store
        whose ontology has no ``kg:FigureConflict`` was written before figure conflicts
        were kept, so they are computed from all its claims with an amount.
        """
        g = NamedNode(ONTOLOGY_GRAPH)
        packaged = ontology_quads()
        stored = set(self.store.quads_for_pattern(None, None, None, g))
        if not stored:
            self.store.extend(packaged)  # a new store
            return
        if stored == set(packaged):
            return
        inserted = list(packaged)
        if Quad(NamedNode(str(KG.FigureConflict)), NamedNode(str(RDF.type)), NamedNode(str(OWL.Class)), g) not in stored:
            figures = self._remaining_figures(None, ())
            counts, _ = self._stored_edges(set(figures))
            inserted += [q for edge in sorted(figures) for q in figure_conflict_quads(edge, counts[edge], figures[edge])]
        self.store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{\n"
                          + "\n".join(quad_term_text(q) for q in inserted) + "\n}")

    def stored_text_hash(self, article_id: str) -> str | None:
        """The text hash stored with an article (None when no such article is stored).

        A build compares it with an article's own before parsing the article, and skips
        an unchanged one: re-running a build costs what its new articles cost.
        """
        return self._stored_hash(article_id)

    def _stored_hash(self, article_id: str) -> str | None:
        graph = NamedNode(article_graph_iri(article_id))
        for quad in self.store.quads_for_pattern(NamedNode(article_iri(article_id)), NamedNode(KG.textHash), None, graph):
            return term_value(quad.object)
        return None

    def _graph_supports(self, graph: NamedNode) -> list[Support]:
        """The supports of the claims stored in ``graph`` (one article's graph: small)."""
        out = []
        for row in select(self.store, _GRAPH_SUPPORTS, substitutions={_var("g"): graph}):
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
                    _row_figure(row),
                )
            )
        return out

    def _stored_edges(self, edges: set[str]) -> tuple[dict[str, EdgeCounts], dict[str, list[Quad]]]:
        """The counts of the stored ``edges`` and their node quads, ``kg:supportedBy`` links aside."""
        g = NamedNode(EDGES_GRAPH)
        quads: dict[str, list[Quad]] = {}
        for edge in edges:
            node = NamedNode(edge)
            found = [q for p in _EDGE_NODE_PROPERTIES for q in self.store.quads_for_pattern(node, p, None, g)]
            if found:
                quads[edge] = found
        return from_edge_node_quads(q for found in quads.values() for q in found), quads

    def _remaining_dates(self, edges: set[str], graphs: Sequence[NamedNode]) -> dict[str, list[dt.date]]:
        """The distinct support dates of ``edges`` from every article graph except ``graphs``."""
        out: dict[str, list[dt.date]] = {edge: [] for edge in edges}
        if not edges:
            return out
        values = " ".join(str(NamedNode(e)) for e in sorted(edges))
        query = _REMAINING_DATES % ", ".join(str(g) for g in graphs)
        query = query.replace("WHERE {", "WHERE {\n  VALUES ?edge { " + values + " }", 1)
        for row in select(self.store, query):
            out[row["edge"].value].append(dt.date.fromisoformat(row["date"].value))
        return out

    def _edge_changes(self, graphs: Sequence[NamedNode], removed: Sequence[Support], added: Sequence[Support],
                      ) -> tuple[list[Quad], list[Quad], dict[str, EdgeCounts], dict[str, EdgeCounts]]:
        """The edge quads to delete and to insert when ``removed`` leave and ``added`` come.

        Each touched edge is updated from its stored counts and the change alone: its
        ``kg:supportedBy`` links are neither read nor rewritten, only those of the claims
        that leave or come. The first or last date is recounted from the edge's
        remaining claims only when a leaving claim has it.

        Returns:
            The quads to delete, the quads to insert, and the counts of the touched edges
            before and after.
        """
        gone: dict[str, list[Support]] = defaultdict(list)
        come: dict[str, list[Support]] = defaultdict(list)
        for support in removed:
            gone[support.edge].append(support)
        for support in added:
            come[support.edge].append(support)
        edges = gone.keys() | come.keys()
        old, stored = self._stored_edges(edges)
        recount = {edge for edge in gone if needs_date_recount(old.get(edge), gone[edge])}
        remaining = self._remaining_dates(recount, graphs)
        new: dict[str, EdgeCounts] = {}
        deleted: list[Quad] = []
        inserted: list[Quad] = []
        for edge in sorted(edges):
            before = old.get(edge)
            after = update_edge_counts(before, gone.get(edge, ()), come.get(edge, ()), remaining.get(edge))
            was, now = stored.get(edge, []), edge_node_quads(edge, after) if after is not None else []
            deleted += [q for q in was if q not in now]
            inserted += [q for q in now if q not in was]
            leaving, coming = {s.claim for s in gone.get(edge, ())}, {s.claim for s in come.get(edge, ())}
            deleted += supported_by_quads(edge, leaving - coming)
            inserted += supported_by_quads(edge, coming - leaving)
            was_asserted = before is not None and before.asserted > 0
            is_asserted = after is not None and after.asserted > 0
            if before is not None and was_asserted and not is_asserted:
                deleted += direct_quads(before)  # the last asserted claim leaves
            elif after is not None and is_asserted and not was_asserted:
                inserted += direct_quads(after)  # the first asserted claim comes
            if after is not None:
                new[edge] = after
        return deleted, inserted, old, new

    def _remaining_figures(self, edges: Sequence[str] | None, graphs: Sequence[NamedNode],
                           ) -> defaultdict[str, list[Support]]:
        """The stored figures of ``edges`` (of every edge when None) but those in ``graphs``, by edge.

        Each is a support with its claim, article and figure only: what a conflict reads.
        """
        query = _REMAINING_FIGURES % (", ".join(str(g) for g in graphs) or "<urn:kgraph:none>")
        if edges is not None:
            values = " ".join(str(NamedNode(e)) for e in edges)
            query = query.replace("WHERE {", "WHERE {\n  VALUES ?edge { " + values + " }", 1)
        figures: defaultdict[str, list[Support]] = defaultdict(list)
        for row in select(self.store, query):
            figure = _row_figure(row)
            if figure is not None:
                figures[row["edge"].value].append(
                    Support("", "", "", row["claim"].value, row["art"].value, None, "", figure))
        return figures

    def _conflict_changes(self, graphs: Sequence[NamedNode], removed: Sequence[Support], added: Sequence[Support],
                          new: dict[str, EdgeCounts]) -> tuple[list[Quad], list[Quad]]:
        """The ``kg:FigureConflict`` quads to delete and to insert when ``removed`` leave and ``added`` come.

        Only the edges that a leaving or coming claim with a figure touches are looked at:
        their figures are read again from the claims that stay (only the claims with an
        amount: a claim without one costs a single lookup), and their conflict nodes
        rewritten where they changed. The cost follows the touched edges, not the store.
        """
        edges = sorted({s.edge for s in (*removed, *added) if s.figure is not None})
        if not edges:
            return [], []
        figures = self._remaining_figures(edges, graphs)
        for support in added:
            if support.figure is not None:
                figures[support.edge].append(support)
        g = NamedNode(EDGES_GRAPH)
        deleted: list[Quad] = []
        inserted: list[Quad] = []
        for edge in edges:
            was = [q for node in self.store.quads_for_pattern(None, _CONFLICT_OF, NamedNode(edge), g)
                   for q in self.store.quads_for_pattern(node.subject, None, None, g)]
            counts = new.get(edge)
            now = figure_conflict_quads(edge, counts, figures[edge]) if counts is not None else []
            deleted += [q for q in was if q not in now]
            inserted += [q for q in now if q not in was]
        return deleted, inserted

    def _tally_changes(self, old: dict[str, EdgeState], new: dict[str, EdgeState],
                       old_claims: set[tuple[str, str, str]], new_claims: set[tuple[str, str, str]],
                       ) -> tuple[list[Quad], list[Quad]]:
        """The tally quads to delete and to insert when the edges ``old`` become ``new``.

        Every tally changes by the change of the touched edges only: edge and claim
        counts by their difference, a party's partner count by the pairs of parties that
        gain their first or lose their last asserted edge (read from the direct triples,
        which exist exactly for the asserted edges), and the modality counts by the
        claims that leave and come.
        """
        g = NamedNode(EDGES_GRAPH)
        gone = EdgeState("", "", "", False, 0)
        deltas: dict[tuple[str, str | None], list[int]] = {}
        pairs: dict[frozenset[str], dict[tuple[str, str, str], bool]] = {}

        def add(key: tuple[str, str | None], index: int, value: int) -> None:
            deltas.setdefault(key, [0, 0, 0])[index] += value

        for iri in old.keys() | new.keys():
            before, after = old.get(iri, gone), new.get(iri, gone)
            state = after if after.relation else before
            if state.relation == Relation.LEADER_OF or (before.asserted, before.claims) == (after.asserted, after.claims):
                continue
            for scope in (state.relation, None):
                for party in {state.subject, state.object}:
                    add((party, scope), 1, after.asserted - before.asserted)
                for party in (state.subject, state.object):
                    add((party, scope), 2, after.claims * after.asserted - before.claims * before.asserted)
            if before.asserted != after.asserted:
                key = (state.subject, state.relation, state.object)
                pairs.setdefault(frozenset((state.subject, state.object)), {})[key] = after.asserted
        for pair, changed in pairs.items():
            ends = sorted(pair)
            x, y = ends[0], ends[-1]
            was = {(term_value(q.subject), relation_name(q.predicate.value), term_value(q.object))
                   for a, b in {(x, y), (y, x)}
                   for q in self.store.quads_for_pattern(NamedNode(a), None, NamedNode(b), g)
                   if q.predicate.value in _PROPERTIES and q.predicate.value != _LEADER_OF}
            was = {(min(s, o), r, max(s, o)) if r in SYMMETRIC else (s, r, o) for s, r, o in was}
            now = (was - changed.keys()) | {key for key, asserted in changed.items() if asserted}
            for scope in {r for _, r, _ in changed} | {None}:
                had = any(scope is None or r == scope for _, r, _ in was)
                has = any(scope is None or r == scope for _, r, _ in now)
                for party in pair:
                    add((party, scope), 0, has - had)
        deleted: list[Quad] = []
        inserted: list[Quad] = []
        counts = (KG.partnerCount, KG.edgeCount, KG.claimCount)
        for (party, scope), delta in deltas.items():
            if not any(delta):
                continue
            node = NamedNode(party_tally_iri(party, scope))
            stored = {q.predicate.value: q for q in self.store.quads_for_pattern(node, None, None, g)}
            values = [int(term_value(stored[str(p)].object)) if str(p) in stored else 0 for p in counts]
            new_values = [v + d for v, d in zip(values, delta)]
            if new_values[1] <= 0:
                deleted += stored.values()
            elif not stored:
                inserted += party_tally_quads(party, scope, (new_values[0], new_values[1], new_values[2]))
            else:
                fresh = party_tally_quads(party, scope, (new_values[0], new_values[1], new_values[2]))
                for p, v, w in zip(counts, values, new_values):
                    if v != w:
                        deleted.append(stored[str(p)])
                        inserted += [q for q in fresh if q.predicate.value == str(p)]
        before_counts, after_counts = modality_counts(old_claims), modality_counts(new_claims)
        for relation, modality in before_counts.keys() | after_counts.keys():
            change = after_counts.get((relation, modality), 0) - before_counts.get((relation, modality), 0)
            if not change:
                continue
            node = NamedNode(modality_tally_iri(relation, modality))
            stored_quads = list(self.store.quads_for_pattern(node, None, None, g))
            n = sum(int(term_value(q.object)) for q in stored_quads if q.predicate.value == str(KG.claimCount))
            deleted += stored_quads
            if n + change > 0:
                inserted += modality_tally_quads(relation, modality, n + change)
        return deleted, inserted

    def _replace_graphs(self, graphs: Sequence[NamedNode], quads: Sequence[Quad], supports: Sequence[Support],
                        ) -> None:
        """Swap article graphs, update the edges and the tallies in a single update (one transaction).

        The cost depends on the batch, not on the store: the old graphs' supports are read
        from those graphs, and each touched edge from its node's counts.
        """
        if self.read_only:
            raise KGraphError(f"{self.path}: the store is open read-only")
        removed = [s for g in graphs if self.store.contains_named_graph(g) for s in self._graph_supports(g)]
        old_edges, new_edges, before, after = self._edge_changes(graphs, removed, supports)  # compute first ...
        old_conflicts, new_conflicts = self._conflict_changes(graphs, removed, supports, after)
        old_tallies, new_tallies = self._tally_changes(
            {edge: counts.state for edge, counts in before.items()},
            {edge: counts.state for edge, counts in after.items()},
            {(s.claim, s.relation, s.modality) for s in removed},
            {(s.claim, s.relation, s.modality) for s in supports},
        )
        parts = [f"DROP SILENT GRAPH {graph}" for graph in graphs]
        deleted = old_edges + old_conflicts + old_tallies
        if deleted:
            parts.append("DELETE DATA {\n" + "\n".join(quad_term_text(q) for q in deleted) + "\n}")
        inserted = list(quads) + new_edges + new_conflicts + new_tallies
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
            supported updated), "unchanged" when the same id and text hash are already
            stored (nothing is written).

        Raises:
            KGraphError: The graph is open read-only.
        """
        return self.add_many([(article, claims, mentions)])[0]

    def add_many(self, items: Sequence[tuple[Article, Sequence[Claim], Sequence[Mention]]]) -> list[str]:
        """Add or replace several articles in one transaction, updating each touched edge once.

        A build adds articles in batches this way: an edge between two much-reported
        countries is updated once per batch instead of once per article. An interrupted
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
        for article, claims, mentions in items:
            old_hash = self._stored_hash(article.id)
            if old_hash == article.text_hash:
                outcomes.append("unchanged")
                continue
            graphs.append(NamedNode(article_graph_iri(article.id)))
            quads += to_quads(article, claims, mentions)
            supports += to_supports(article, claims)
            outcomes.append("added" if old_hash is None else "replaced")
        if graphs:
            self._replace_graphs(graphs, quads, supports)
        return outcomes

    def remove(self, article_id: str) -> bool:
        """Remove an article and its claims (the edges they supported are updated).

        Returns:
            False when no such article is stored.
        """
        if self._stored_hash(article_id) is None:
            return False
        self._replace_graphs([NamedNode(article_graph_iri(article_id))], (), ())
        return True

    def flush(self) -> None:
        """Flush an on-disk store's buffers (optional; commits are already durable)."""
        if self.path is not None and not self.read_only:
            self.store.flush()

    def reopen(self) -> None:
        """Flush an on-disk store, close it and open it again (in memory: a no-op).

        An open RocksDB store keeps block caches and table indexes that grow with the
        store (Oxigraph gives no way to bound them): a long build that reopens its store
        now and then keeps its memory flat, whatever the size of its input.
        """
        if self.path is None or self.read_only:
            return
        self.flush()
        self.store = None  # type: ignore[assignment]  # the last reference: RocksDB closes
        # Another process may take the lock in the moment it is free (`kgraph serve` tries
        # a writable open to make its snapshot): wait for it rather than stop the build.
        self.store = open_store(self.path, wait=REOPEN_WAIT)

    # --- reading --------------------------------------------------------------------

    def claims(self) -> list[Claim]:
        """Every claim, rebuilt as ``Claim`` records (ordered by article and offset)."""
        return from_graph(self.store)

    def articles(self) -> list[str]:
        """The ids of the stored articles, sorted."""
        return [row["id"].value for row in select(self.store, _ARTICLES)]

    def query(self, sparql_or_name: str, *, allow_service: bool = False, **bindings: str) -> list[dict[str, str]]:
        """Run a shipped query (by name), a ``.rq`` file or SPARQL text; see ``queries.run_query``."""
        from kgraph.queries import run_query

        return run_query(self, sparql_or_name, allow_service=allow_service, **bindings)

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

    def validate(self, *, warnings: bool = False, deep: bool = False) -> list[str]:
        """SHACL violations against ``shapes.ttl``, one line each; empty when valid.

        With ``warnings=True`` the results of warning severity follow, each line starting
        "warning: " (a person with two countries: a namesake, a misread title, or a monarch
        of several realms); they do not make a graph invalid. With ``deep=True`` every
        quad is first read through every index (``store.check_every_quad``), which finds
        damaged table blocks that the SHACL check, reading one index, may not reach.

        Raises:
            KGraphError: The store cannot be read (a damaged block on the way).
        """
        if deep:
            damage = [f"{self.path or 'store'}: {line}" for line in check_every_quad(self.store)]
            if damage:
                return damage
        try:
            lines = validate_store(self.store, warnings=warnings)
            return check_edges(self.store) + lines
        except (OSError, RuntimeError) as ex:
            raise store_read_error(self.path, ex) from ex

    def __len__(self) -> int:
        return len(self.store)

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "memory"
        return f"KnowledgeGraph({where}, {len(self)} quads)"


_PROPERTIES = frozenset(relation_iri(r) for r in RELATIONS)
_EDGE_NODE_PROPERTIES = tuple(NamedNode(p) for p in EDGE_NODE_PROPERTIES)
_LEADER_OF = relation_iri(Relation.LEADER_OF)
_CONFLICT_OF = NamedNode(str(KG.conflictOf))


def _row_figure(row: Any) -> Figure | None:
    """The figure of a result row with ?value, ?currency and ?period (None without both of the first two)."""
    if row["value"] is None or row["currency"] is None:
        return None
    period = row["period"]
    return Figure(row["currency"].value, dt.date.fromisoformat(period.value) if period is not None else None,
                  Decimal(row["value"].value))


def validate_store(store: Store, shapes: str | Path | None = None, *, warnings: bool = False) -> list[str]:
    """SHACL-validate a store with pyshacl; one human-readable line per violation.

    Args:
        store: The store to check (its union graph is validated).
        shapes: A shapes file; defaults to the packaged shapes (``shapes.ttl`` and the relations).
        warnings: Also list results of lesser severity, after the violations, each line
            starting with its severity ("warning: ...").
    """
    import pyshacl
    from rdflib import Graph
    from rdflib.namespace import SH

    from kgraph.ontology import shapes_text

    data = Graph()
    dump = generate_rdf(store, rdf_format(None, "nt"))
    if dump:
        data.parse(data=dump, format="nt")
    shapes_graph = Graph()
    if shapes is None:
        shapes_graph.parse(data=shapes_text(), format="turtle")
    else:
        shapes_graph.parse(str(shapes), format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", advanced=True)
    if conforms:
        return []
    lines, lesser = set(), set()
    for result, severity in report.subject_objects(SH.resultSeverity):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        where = f" {_short(path)}" if path is not None else ""
        got = f" (value: {value})" if value is not None and value != focus else ""
        line = f"{_short(focus)}{where}: {message}{got}"
        if severity == SH.Violation:
            lines.add(line)
        else:
            lesser.add(f"{str(severity).rsplit('#', 1)[-1].lower()}: {line}")
    return sorted(lines) + (sorted(lesser) if warnings else [])


_CLAIMS_WITHOUT_EDGE = (
    _PREFIX
    + """SELECT ?claim WHERE { GRAPH ?g { ?claim a kg:Claim }
  FILTER NOT EXISTS { GRAPH <%s> { ?edge kg:supportedBy ?claim } } }"""
    % EDGES_GRAPH
)
_EDGES_WITHOUT_CLAIM = (
    _PREFIX
    + """SELECT ?claim WHERE { GRAPH <%s> { ?edge kg:supportedBy ?claim }
  FILTER NOT EXISTS { GRAPH ?g { ?claim a kg:Claim } } }"""
    % EDGES_GRAPH
)
# Lines listed of each kind of inconsistency; the rest are counted.
_LISTED = 10


def check_edges(store: Store) -> list[str]:
    """The claims that no edge counts and the edges that count a missing claim, one line each.

    Every claim supports an edge (``kg:supportedBy``) from the moment it is written: a claim
    without one means the edges graph is behind its articles (a load stopped half-way), and
    the edges, tallies and queries on them are wrong until the store is rebuilt.
    """
    lines = []
    for query, problem in ((_CLAIMS_WITHOUT_EDGE, "claim supports no kg:Edge (the edges graph is incomplete: "
                            "rebuild the store)"),
                           (_EDGES_WITHOUT_CLAIM, "a kg:Edge counts this claim, which is missing (the edges "
                            "graph is out of date: rebuild the store)")):
        claims = [row["claim"] for row in select(store, query)]
        lines += [f"{_short(c.value)}: {problem}" for c in claims[:_LISTED]]
        if len(claims) > _LISTED:
            lines.append(f"... and {len(claims) - _LISTED} more claims like these")
    return lines


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
