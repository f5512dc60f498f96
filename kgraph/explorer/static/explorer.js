/* kgraph explorer: the graph on a world map (sigma.js + graphology), its filters, and the
 * evidence behind a country or an edge.
 *
 * The graph comes from the SPARQL endpoint of the server that served the page (kgraph serve),
 * or from the query results embedded in a self-contained export (kgraph export --format html):
 * both give the rows of the same queries (kgraph/explorer/queries/*.rq), so everything below
 * works the same on either. Nothing is fetched from anywhere else.
 */
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const readJson = (id) => { const el = $(id); return el ? JSON.parse(el.textContent) : null; };
  const CONFIG = readJson("kg-config");
  const DATA = CONFIG.embedded ? readJson("kg-data") : null;
  const SYMMETRIC = new Set(CONFIG.symmetric);
  const MODALITIES = ["asserted", "future", "hedged", "negated"];
  const PEOPLE = new Set(["Leader", "Person"]);
  // The map is Web Mercator, in degrees: x is the longitude, y the stretched latitude.
  const mercator = (lat) => (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
  // The map's extent: the inhabited world, Antarctica left out.
  const WORLD_BBOX = { x: [-170, 180], y: [mercator(-56), mercator(78)] };
  const api = (window.kgExplorer = { ready: false, error: null });

  // ---- where the rows come from ---------------------------------------------------------

  const IRI = /^[^<>"{}|^`\\\s]+$/;

  /** The query with `VALUES ?name { <iri> ... }` at its `# @values` line. */
  function withValues(query, values) {
    if (!values) return query;
    const blocks = Object.entries(values).map(([name, iris]) => {
      for (const iri of iris) if (!IRI.test(iri)) throw new Error("not an IRI: " + iri);
      return `VALUES ?${name} { ${iris.map((iri) => `<${iri}>`).join(" ")} }`;
    });
    return query.replace(/^[ \t]*#[ \t]*@values[ \t]*$/m, "  " + blocks.join("\n  "));
  }

  function serverSource() {
    return {
      text: (name, values) => withValues(CONFIG.queries[name], values),
      async select(name, values) {
        const response = await fetch(CONFIG.endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
          body: withValues(CONFIG.queries[name], values),
        });
        if (!response.ok) throw new Error(`the ${name} query failed: ${response.status} ${await response.text()}`);
        const json = await response.json();
        const vars = json.head.vars;
        return json.results.bindings.map((b) => {
          const row = {};
          for (const v of vars) row[v] = b[v] ? b[v].value : null;
          return row;
        });
      },
    };
  }

  function embeddedSource(data) {
    const tables = {};
    for (const [name, table] of Object.entries(data.results)) {
      tables[name] = table.rows.map((r) => Object.fromEntries(table.vars.map((v, i) => [v, r[i]])));
    }
    return {
      text: (name, values) => withValues(CONFIG.queries[name], values),
      // The embedded answers are the queries run without VALUES: filtering them gives the same rows.
      async select(name, values) {
        let rows = tables[name];
        for (const [v, iris] of Object.entries(values || {})) {
          const keep = new Set(iris);
          rows = rows.filter((r) => keep.has(r[v]));
        }
        return rows;
      },
    };
  }

  const source = DATA ? embeddedSource(DATA) : serverSource();

  // ---- the model ------------------------------------------------------------------------

  const state = {
    nodes: new Map(), // IRI -> party
    countryById: new Map(), // "RUS" -> IRI
    claims: [], // one per supporting claim: edge, s, o, relation, modality, date, month, article
    months: [], // "YYYY-MM", every month from the first claim's to the last's
    filters: {
      relations: new Set(CONFIG.relations),
      modalities: new Set(["asserted"]),
      from: 0,
      to: 0,
      minArticles: 1,
      topN: 300,
      leadersAsNodes: false,
    },
    layout: "map",
    groups: [], // the edges that pass the filters, strongest first
    byKey: new Map(),
    selected: null, // {node: IRI} or {edge: key}
  };

  function loadNodes(rows) {
    for (const r of rows) {
      let n = state.nodes.get(r.e);
      if (!n) {
        n = { iri: r.e, id: r.id, type: r.type, label: null, lat: null, lon: null, countryId: null, role: null };
        state.nodes.set(r.e, n);
      }
      if (r.label && (!n.label || n.label === n.id)) n.label = r.label;
      if (r.lat !== null && r.lon !== null) { n.lat = parseFloat(r.lat); n.lon = parseFloat(r.lon); }
      if (r.countryId) n.countryId = r.countryId;
      if (r.role) n.role = r.role;
    }
    for (const n of state.nodes.values()) {
      n.label = n.label || n.id;
      if (n.type === "Country") state.countryById.set(n.id, n.iri);
    }
    // People sit in a small ring around their country; parties with no position on a row below the map.
    const around = new Map();
    let unplaced = 0;
    for (const n of state.nodes.values()) {
      if (n.lat !== null) continue;
      const home = state.nodes.get(state.countryById.get(n.countryId));
      if (home && home.lat !== null) {
        const k = around.get(home.iri) || 0;
        around.set(home.iri, k + 1);
        const angle = (k * 2 * Math.PI) / 6 + Math.PI / 4;
        n.lat = home.lat + 3.5 * Math.sin(angle);
        n.lon = home.lon + 3.5 * Math.cos(angle);
      } else {
        n.lat = -50;
        n.lon = -160 + 9 * (unplaced++ % 36);
        n.unplaced = true;
      }
    }
    // Parties with one seat (the UN bodies in New York, EU and NATO in Brussels) are spread around it.
    const bySeat = new Map();
    for (const n of state.nodes.values()) {
      const seat = `${n.lat.toFixed(1)},${n.lon.toFixed(1)}`;
      if (!bySeat.has(seat)) bySeat.set(seat, []);
      bySeat.get(seat).push(n);
    }
    for (const group of bySeat.values()) {
      if (group.length < 2) continue;
      group.sort((a, b) => (a.type === "Country" ? -1 : 0) - (b.type === "Country" ? -1 : 0) || a.id.localeCompare(b.id));
      group.forEach((n, k) => {
        const angle = (2 * Math.PI * k) / group.length;
        n.lat += 1.2 * Math.sin(angle);
        n.lon += 1.2 * Math.cos(angle);
      });
    }
    for (const n of state.nodes.values()) {
      n.x = n.lon;
      n.y = mercator(n.lat);
    }
  }

  function loadClaims(rows) {
    let first = null, last = null;
    state.claims = rows.map((r) => {
      const date = r.date ? r.date.slice(0, 10) : null;
      const month = date ? date.slice(0, 7) : null;
      if (month && (!first || month < first)) first = month;
      if (month && (!last || month > last)) last = month;
      return { edge: r.edge, s: r.s, o: r.o, relation: r.relation, modality: r.modality, date, month, article: r.article };
    });
    state.months = [];
    if (first) {
      let [y, m] = first.split("-").map(Number);
      for (;;) {
        const month = `${y}-${String(m).padStart(2, "0")}`;
        state.months.push(month);
        if (month >= last) break;
        m += 1;
        if (m > 12) { m = 1; y += 1; }
      }
    }
    state.filters.from = 0;
    state.filters.to = Math.max(0, state.months.length - 1);
  }

  /** The node a party is drawn as: a leader or official folds into their country unless asked not to. */
  function home(iri) {
    if (state.filters.leadersAsNodes) return iri;
    const n = state.nodes.get(iri);
    if (n && PEOPLE.has(n.type) && n.countryId && state.countryById.has(n.countryId)) return state.countryById.get(n.countryId);
    return iri;
  }

  function fullRange() {
    return state.filters.from === 0 && state.filters.to === state.months.length - 1;
  }

  /** Does a claim pass the date filter? Undated claims count only while the whole range is selected. */
  function inDates(c) {
    if (!c.month) return fullRange();
    return c.month >= state.months[state.filters.from] && c.month <= state.months[state.filters.to];
  }

  function passes(c) {
    const f = state.filters;
    return f.relations.has(c.relation) && f.modalities.has(c.modality) && inDates(c);
  }

  /** The edges to draw: claims that pass the filters, grouped by (drawn parties, relation). */
  function computeGroups() {
    const f = state.filters;
    const groups = new Map();
    const relationCounts = {}, modalityCounts = {}, monthCounts = new Map();
    for (const c of state.claims) {
      const s = home(c.s), o = home(c.o);
      if (s === o) continue; // a leader_of folded into the leader's own country
      if (f.relations.has(c.relation) && f.modalities.has(c.modality) && c.month) {
        monthCounts.set(c.month, (monthCounts.get(c.month) || 0) + 1);
      }
      if (!inDates(c)) continue;
      if (f.modalities.has(c.modality)) relationCounts[c.relation] = (relationCounts[c.relation] || 0) + 1;
      if (f.relations.has(c.relation)) modalityCounts[c.modality] = (modalityCounts[c.modality] || 0) + 1;
      if (!f.relations.has(c.relation) || !f.modalities.has(c.modality)) continue;
      const symmetric = SYMMETRIC.has(c.relation);
      const [a, b] = symmetric && s > o ? [o, s] : [s, o];
      const key = `${a}|${c.relation}|${b}`;
      let g = groups.get(key);
      if (!g) {
        g = { key, s: a, o: b, relation: c.relation, symmetric, edges: new Set(), claims: 0, articles: new Set(), first: null, last: null };
        groups.set(key, g);
      }
      g.edges.add(c.edge);
      g.claims += 1;
      g.articles.add(c.article);
      if (c.date) {
        if (!g.first || c.date < g.first) g.first = c.date;
        if (!g.last || c.date > g.last) g.last = c.date;
      }
    }
    const list = [...groups.values()].filter((g) => g.articles.size >= f.minArticles);
    list.sort((x, y) => y.claims - x.claims || y.articles.size - x.articles.size || (x.key < y.key ? -1 : 1));
    return { list, relationCounts, modalityCounts, monthCounts };
  }

  // ---- drawing --------------------------------------------------------------------------

  const graph = new graphology.MultiDirectedGraph();
  let renderer = null;
  let worldRings = [];

  function label(iri) {
    const n = state.nodes.get(iri);
    return n ? n.label : iri.slice(iri.lastIndexOf("/") + 1);
  }

  function relationName(relation) {
    return relation.replace(/_/g, " ");
  }

  function createRenderer() {
    const R = Sigma.rendering;
    const dimmed = (a, normal) => (a.dim ? "#d5dbe1" : normal);
    renderer = new Sigma(graph, $("graph"), {
      primitives: {
        edges: { paths: [R.pathLine(), R.pathCurved()], extremities: [R.extremityArrow()], layers: [R.layerPlain()] },
      },
      styles: {
        nodes: {
          ...Sigma.DEFAULT_STYLES.nodes,
          color: (a) => dimmed(a, a.color),
          size: { attribute: "size" },
          labelColor: (a) => (a.dim ? "#9aa5b1" : "#1f2933"),
          labelVisibility: (a, s) => (s.isHovered || a.focus ? "visible" : "auto"),
        },
        edges: {
          ...Sigma.DEFAULT_STYLES.edges,
          color: (a) => dimmed(a, a.color),
          size: (a) => (a.focus ? a.size + 2 : a.size),
          path: "straight",
          parallelPath: "curved",
          head: { attribute: "head" },
        },
      },
      settings: {
        enableEdgeEvents: true,
        labelRenderedSizeThreshold: 7,
        labelDensity: 0.7,
        stagePadding: 20,
        zIndex: true,
      },
    });
    renderer.setCustomBBox(WORLD_BBOX);
    renderer.on("afterRender", drawMap);
    renderer.on("clickNode", ({ node }) => select({ node }));
    renderer.on("clickEdge", ({ edge }) => select({ edge }));
    renderer.on("clickStage", () => select(null));
    renderer.on("enterEdge", ({ edge, event }) => showTooltip(edge, event));
    renderer.on("leaveEdge", () => { $("tooltip").hidden = true; });
    window.addEventListener("resize", () => renderer.resize());
  }

  function drawMap() {
    const canvas = $("map");
    const { width, height } = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (state.layout !== "map") return;
    ctx.beginPath();
    for (const ring of worldRings) {
      ring.forEach(([lon, lat], i) => {
        const p = renderer.graphToViewport({ x: lon, y: mercator(lat) });
        if (i === 0) ctx.moveTo(p.x, p.y); else ctx.lineTo(p.x, p.y);
      });
      ctx.closePath();
    }
    ctx.fillStyle = "#ffffff";
    ctx.fill("evenodd");
    ctx.strokeStyle = "#c5d0db";
    ctx.lineWidth = 0.7;
    ctx.stroke();
  }

  /** A ring that crosses the antimeridian (Chukotka, Fiji) continues past ±180° instead of jumping across the map. */
  function unwrap(ring) {
    let shift = 0;
    return ring.map(([lon, lat], i) => {
      if (i > 0) {
        const jump = lon - ring[i - 1][0];
        if (jump > 180) shift -= 360; else if (jump < -180) shift += 360;
      }
      return [lon + shift, lat];
    });
  }

  function loadWorld(topology) {
    const countries = topojson.feature(topology, topology.objects.countries);
    worldRings = [];
    for (const f of countries.features) {
      if (f.id === "010" || !f.geometry) continue; // Antarctica
      const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const polygon of polygons) for (const ring of polygon) worldRings.push(unwrap(ring));
    }
  }

  function nodeSize(partners) {
    return 2 + 1.1 * Math.sqrt(partners);
  }

  function redraw() {
    const f = state.filters;
    const { list, relationCounts, modalityCounts, monthCounts } = computeGroups();
    state.groups = list;
    state.byKey = new Map(list.map((g) => [g.key, g]));
    const shown = list.slice(0, f.topN);
    const partners = new Map();
    for (const g of list) {
      for (const [a, b] of [[g.s, g.o], [g.o, g.s]]) {
        if (!partners.has(a)) partners.set(a, new Set());
        partners.get(a).add(b);
      }
    }
    state.partners = partners;
    graph.clear();
    const addNode = (iri) => {
      if (graph.hasNode(iri)) return;
      const n = state.nodes.get(iri) || { label: iri, type: "Person", x: 0, y: mercator(-50) };
      graph.addNode(iri, {
        label: n.type === "Organization" ? n.id : n.label, // "EBRD" on the map; the panel gives the full name
        kind: n.type,
        x: n.x,
        y: n.y,
        size: nodeSize(partners.has(iri) ? partners.get(iri).size : 0),
        color: CONFIG.partyColors[n.type] || "#999",
      });
    };
    for (const g of shown) {
      addNode(g.s);
      addNode(g.o);
      const color = CONFIG.relationColors[g.relation] || "#999999";
      graph.addDirectedEdgeWithKey(g.key, g.s, g.o, {
        relation: g.relation,
        color: g.claims > 1 ? color : color + "99", // a single claim: drawn lighter, as in the pictures
        size: Math.min(6, 0.8 + 1.2 * Math.log2(1 + g.claims)),
        head: g.symmetric ? "none" : "arrow",
        zIndex: g.claims,
      });
    }
    if (state.selected && state.selected.node && state.nodes.has(state.selected.node)) addNode(state.selected.node);
    if (state.layout === "force") applyForceLayout();
    updateControls(relationCounts, modalityCounts, monthCounts);
    const hidden = list.length - shown.length;
    $("hidden-note").textContent = hidden > 0
      ? `Drawing the ${shown.length.toLocaleString()} strongest of ${list.length.toLocaleString()} edges: ${hidden.toLocaleString()} weaker ones are hidden.`
      : `All ${list.length.toLocaleString()} edges are drawn.`;
    const claims = shown.reduce((n, g) => n + g.claims, 0);
    $("status").textContent = `${shown.length.toLocaleString()} edges (${hidden.toLocaleString()} hidden) between ${graph.order.toLocaleString()} parties, from ${claims.toLocaleString()} claims`;
    Object.assign(api, { edgesDrawn: shown.length, edgesTotal: list.length, edgesHidden: hidden, nodesDrawn: graph.order,
                         layout: state.layout });
    applySelection();
  }

  function applyForceLayout() {
    const fa2 = graphologyLibrary.layoutForceAtlas2;
    const settings = Object.assign(fa2.inferSettings(graph), { barnesHutOptimize: graph.order > 400, adjustSizes: false });
    fa2.assign(graph, { iterations: 250, settings });
  }

  /** The force layout's library: inline in an export, fetched from the server the first time it is asked for. */
  function layoutLibrary() {
    if (window.graphologyLibrary) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = CONFIG.layoutLibrary;
      script.onload = resolve;
      script.onerror = () => reject(new Error("cannot load " + CONFIG.layoutLibrary));
      document.head.appendChild(script);
    });
  }

  async function setLayout(layout) {
    if (layout === "force") await layoutLibrary();
    state.layout = layout;
    renderer.setCustomBBox(layout === "map" ? WORLD_BBOX : null);
    redraw();
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    if (layout === "map") fitToGraph();
  }

  /** Zoom the map on the drawn parties when they fill only a corner of the world. */
  function fitToGraph() {
    if (graph.order === 0 || state.layout !== "map") return;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    graph.forEachNode((_, a) => {
      x0 = Math.min(x0, a.x); x1 = Math.max(x1, a.x); y0 = Math.min(y0, a.y); y1 = Math.max(y1, a.y);
    });
    const spanX = (x1 - x0) / (WORLD_BBOX.x[1] - WORLD_BBOX.x[0]);
    const spanY = (y1 - y0) / (WORLD_BBOX.y[1] - WORLD_BBOX.y[0]);
    const ratio = Math.min(1, Math.max(0.15, 1.6 * Math.max(spanX, spanY)));
    if (ratio > 0.8) return;
    const center = renderer.graphToFramedGraph({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 });
    renderer.getCamera().setState({ x: center.x, y: center.y, ratio, angle: 0 });
  }

  function showTooltip(key, event) {
    const g = state.byKey.get(key);
    if (!g) return;
    const tip = $("tooltip");
    const arrow = g.symmetric ? "↔" : "→";
    tip.textContent = `${label(g.s)} ${arrow} ${label(g.o)}: ${relationName(g.relation)} (${g.claims} claim${g.claims === 1 ? "" : "s"}, ${g.articles.size} article${g.articles.size === 1 ? "" : "s"})`;
    tip.style.left = `${event.x + 12}px`;
    tip.style.top = `${event.y + 12}px`;
    tip.hidden = false;
  }

  // ---- selection and the side panel --------------------------------------------------------

  function select(what) {
    state.selected = what;
    applySelection();
    if (!what) {
      $("panel").hidden = true;
    } else if (what.node) {
      showParty(what.node).catch(fail);
      if (graph.hasNode(home(what.node))) reveal([graph.getNodeAttributes(home(what.node))]);
    } else {
      showEdge(what.edge).catch(fail);
      if (graph.hasEdge(what.edge)) reveal([graph.getNodeAttributes(graph.source(what.edge)), graph.getNodeAttributes(graph.target(what.edge))]);
    }
  }

  /** Pan the camera so that the given graph points are not hidden behind the side panel. */
  function reveal(points) {
    if (!points.length || $("panel").hidden) return;
    const { width } = renderer.getDimensions();
    const visible = width - $("panel").offsetWidth;
    const xs = points.map((p) => renderer.graphToViewport(p).x);
    const right = Math.max(...xs), left = Math.min(...xs);
    if (right < visible - 20) return;
    const shift = Math.min(right - (visible - 40), Math.max(0, left - 40));
    if (shift <= 0) return;
    const camera = renderer.getCamera();
    const a = renderer.viewportToFramedGraph({ x: 0, y: 0 }), b = renderer.viewportToFramedGraph({ x: shift, y: 0 });
    camera.animate({ x: camera.x + (b.x - a.x), y: camera.y + (b.y - a.y) }, { duration: 300 });
  }

  function applySelection() {
    const sel = state.selected;
    const focusNodes = new Set();
    if (sel && sel.node && graph.hasNode(sel.node)) {
      focusNodes.add(sel.node);
      graph.forEachNeighbor(sel.node, (n) => focusNodes.add(n));
    } else if (sel && sel.edge && graph.hasEdge(sel.edge)) {
      focusNodes.add(graph.source(sel.edge));
      focusNodes.add(graph.target(sel.edge));
    }
    const active = focusNodes.size > 0;
    graph.forEachNode((n) => {
      graph.mergeNodeAttributes(n, { dim: active && !focusNodes.has(n), focus: active && focusNodes.has(n) });
    });
    graph.forEachEdge((e, a, s, t) => {
      const on = sel && (sel.edge ? e === sel.edge : (s === sel.node || t === sel.node));
      graph.mergeEdgeAttributes(e, { dim: active && !on, focus: Boolean(sel && sel.edge === e) });
    });
  }

  const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  function partyLink(iri) {
    return `<a class="party" data-iri="${escapeHtml(iri)}">${escapeHtml(label(iri))}</a>`;
  }

  function dates(first, last) {
    if (!first) return "undated";
    return first === last ? first : `${first} – ${last}`;
  }

  function plural(n, word) {
    return `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;
  }

  async function showParty(iri) {
    const n = state.nodes.get(iri);
    if (!n) return;
    const mine = state.groups.filter((g) => g.s === iri || g.o === iri);
    const partners = new Set(mine.map((g) => (g.s === iri ? g.o : g.s)));
    const claims = mine.reduce((k, g) => k + g.claims, 0);
    let html = `<h2>${escapeHtml(n.label)}</h2><p class="sub">${escapeHtml(n.type.toLowerCase())} · ${escapeHtml(n.id)}` +
      `${n.role ? " · " + escapeHtml(n.role) : ""}${n.countryId && n.type !== "Country" ? " · " + partyLink(state.countryById.get(n.countryId) || iri) : ""}</p>` +
      `<p>${plural(partners.size, "partner")} and ${plural(claims, "claim")} within the filters.</p>`;
    if (n.type === "Country") html += leadersHtml(iri);
    const byRelation = new Map();
    for (const g of mine) {
      if (!byRelation.has(g.relation)) byRelation.set(g.relation, []);
      byRelation.get(g.relation).push(g);
    }
    for (const relation of CONFIG.relations) {
      const rows = byRelation.get(relation);
      if (!rows) continue;
      html += `<h3><span class="swatch" style="background:${CONFIG.relationColors[relation]}"></span> ${escapeHtml(relationName(relation))} (${rows.length})</h3><table class="partners">`;
      for (const g of rows) {
        const other = g.s === iri ? g.o : g.s;
        const arrow = g.symmetric ? "↔" : g.s === iri ? "→" : "←";
        html += `<tr><td>${arrow} ${partyLink(other)} <a class="party" data-edge="${escapeHtml(g.key)}">claims</a></td>` +
          `<td class="num">${plural(g.claims, "claim")}, ${plural(g.articles.size, "article")}<br>${escapeHtml(dates(g.first, g.last))}` +
          `<br><span class="amount" data-key="${escapeHtml(g.key)}"></span></td></tr>`;
      }
      html += "</table>";
    }
    setPanel(html);
    await fillAmounts(mine);
  }

  function leadersHtml(country) {
    const leaders = new Map();
    for (const c of state.claims) {
      if (c.relation !== "leader_of" || c.o !== country || c.modality === "negated" || !inDates(c)) continue;
      const l = leaders.get(c.s) || { claims: 0, first: null, last: null };
      l.claims += 1;
      if (c.date && (!l.first || c.date < l.first)) l.first = c.date;
      if (c.date && (!l.last || c.date > l.last)) l.last = c.date;
      leaders.set(c.s, l);
    }
    if (!leaders.size) return "";
    const rows = [...leaders.entries()].sort((a, b) => String(b[1].last).localeCompare(String(a[1].last)));
    let html = `<h3>Leaders (${rows.length})</h3><table class="partners">`;
    for (const [iri, l] of rows) {
      const n = state.nodes.get(iri);
      html += `<tr><td>${partyLink(iri)}${n && n.role ? ", " + escapeHtml(n.role) : ""}</td>` +
        `<td class="num">${plural(l.claims, "claim")}<br>${escapeHtml(dates(l.first, l.last))}</td></tr>`;
    }
    return html + "</table>";
  }

  /** The latest reported amount of each of a party's edges, read when the panel opens. */
  async function fillAmounts(groups) {
    const edges = [...new Set(groups.flatMap((g) => [...g.edges]))];
    if (!edges.length) return;
    const rows = [];
    for (let i = 0; i < edges.length; i += 300) rows.push(...(await source.select("amounts", { edge: edges.slice(i, i + 300) })));
    const byEdge = new Map();
    for (const r of rows) {
      if (!state.filters.modalities.has(r.modality)) continue;
      if (!byEdge.has(r.edge)) byEdge.set(r.edge, []);
      byEdge.get(r.edge).push(r);
    }
    for (const g of groups) {
      const found = [...g.edges].flatMap((e) => byEdge.get(e) || []).filter((r) => inDates({ month: r.date ? r.date.slice(0, 7) : null }));
      if (!found.length) continue;
      found.sort((a, b) => String(b.date).localeCompare(String(a.date)));
      const texts = [...new Set(found.map((r) => r.amountText || `${r.value} ${r.currency || ""}`.trim()))];
      const el = document.querySelector(`.amount[data-key="${CSS.escape(g.key)}"]`);
      if (el) el.textContent = `${texts[0]}${found[0].date ? " (" + found[0].date.slice(0, 10) + ")" : ""}${texts.length > 1 ? `, ${texts.length - 1} other figure${texts.length > 2 ? "s" : ""}` : ""}`;
    }
  }

  /** The sentence with the claim's figures and parties marked. */
  function highlight(sentence, figures, parties) {
    const marks = [];
    const letter = /[\p{L}\p{N}]/u;
    const find = (needle, kind) => {
      if (!needle) return;
      const lower = sentence.toLowerCase(), n = needle.toLowerCase();
      for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + n.length)) {
        // A party's name as a word of its own, not "Russia" inside "Russian".
        const whole = !letter.test(sentence[i - 1] || " ") && !letter.test(sentence[i + n.length] || " ");
        if (kind === "figure" || whole) marks.push([i, i + n.length, kind]);
      }
    };
    figures.forEach((f) => find(f, "figure"));
    parties.forEach((p) => find(p, "party"));
    marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let html = "", at = 0;
    for (const [start, end, kind] of marks) {
      if (start < at) continue;
      html += escapeHtml(sentence.slice(at, start)) + `<mark class="${kind}">${escapeHtml(sentence.slice(start, end))}</mark>`;
      at = end;
    }
    return html + escapeHtml(sentence.slice(at));
  }

  function byId(id) {
    return state.countryById.get(id) || [...state.nodes.values()].find((n) => n.id === id)?.iri;
  }

  async function showEdge(key) {
    const g = state.byKey.get(key);
    if (!g) return;
    const color = CONFIG.relationColors[g.relation];
    const arrow = g.symmetric ? "↔" : "→";
    const siblings = state.groups.filter((o) => o.key !== key && ((o.s === g.s && o.o === g.o) || (o.s === g.o && o.o === g.s)));
    let html = `<h2>${partyLink(g.s)} ${arrow} ${partyLink(g.o)}</h2>` +
      `<p class="sub"><span class="swatch" style="background:${color}"></span> ${escapeHtml(relationName(g.relation))} · ` +
      `${plural(g.claims, "claim")} from ${plural(g.articles.size, "article")} · ${escapeHtml(dates(g.first, g.last))}</p>`;
    if (siblings.length) {
      html += `<p class="sub">Also between them: ${siblings.map((o) => `<a class="party" data-edge="${escapeHtml(o.key)}">${escapeHtml(relationName(o.relation))}</a> (${o.claims})`).join(", ")}</p>`;
    }
    setPanel(html + '<p class="hint">Reading the claims…</p>');
    const values = { edge: [...g.edges] };
    const rows = await source.select("edge_claims", values);
    if (!state.selected || state.selected.edge !== key) return;
    const seen = new Set();
    const claims = rows.filter((r) => {
      if (seen.has(r.claim)) return false;
      seen.add(r.claim);
      return state.filters.modalities.has(r.modality) && inDates({ month: r.date ? r.date.slice(0, 7) : null });
    });
    const outside = seen.size - claims.length;
    for (const r of claims) {
      const figures = [r.amountText, r.percentText, r.periodText].filter(Boolean);
      const parties = [r.subject, r.object].map((id) => label(byId(id) || id));
      const article = r.url
        ? `<a href="${escapeHtml(r.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(r.title || r.article)}</a>`
        : escapeHtml(r.title || r.article);
      html += `<div class="claim" style="border-left-color:${color}"><blockquote>${highlight(r.sentence, figures, parties)}</blockquote><dl>` +
        `<dt>article</dt><dd>${article}${r.title ? ` <span class="count">${escapeHtml(r.article)}</span>` : ""}${r.source ? " · " + escapeHtml(r.source) : ""}</dd>` +
        `<dt>date</dt><dd>${escapeHtml(r.date ? r.date.slice(0, 10) : "undated")}</dd>` +
        `<dt>parties</dt><dd>${escapeHtml(parties[0])} → ${escapeHtml(parties[1])}</dd>` +
        (r.speakerName ? `<dt>speaker</dt><dd>${escapeHtml(r.speakerName)}${r.speakerRole ? ", " + escapeHtml(r.speakerRole) : ""}</dd>` : "") +
        (figures.length ? `<dt>figures</dt><dd>${figures.map(escapeHtml).join(" · ")}</dd>` : "") +
        `<dt>modality</dt><dd><span class="badge ${escapeHtml(r.modality)}">${escapeHtml(r.modality)}</span>${r.status ? " · " + escapeHtml(r.status) : ""}</dd>` +
        `<dt>rule</dt><dd>${escapeHtml(r.rule || "")}${r.confidence ? ` · confidence ${Number(r.confidence).toFixed(2)}` : ""}</dd>` +
        `<dt>offsets</dt><dd>${escapeHtml(r.begin)}–${escapeHtml(r.end)}</dd></dl></div>`;
    }
    if (outside > 0) html += `<p class="hint">${plural(outside, "more claim")} of this edge fall outside the modality or date filters.</p>`;
    const query = source.text("edge_claims", values);
    html += DATA
      ? `<details><summary>The SPARQL query behind this list</summary><pre class="query">${escapeHtml(query)}</pre></details>`
      : `<p><a href="${CONFIG.sparqlPage}#query=${encodeURIComponent(query)}" target="_blank" rel="noopener">Open this query in the SPARQL page</a></p>`;
    setPanel(html);
  }

  function setPanel(html) {
    const body = $("panel-body");
    body.innerHTML = html;
    $("panel").hidden = false;
    $("panel").scrollTop = 0;
  }

  $("panel-close").addEventListener("click", () => select(null));

  $("panel").addEventListener("click", (event) => {
    const link = event.target.closest("a.party");
    if (!link) return;
    event.preventDefault();
    if (link.dataset.edge) select({ edge: link.dataset.edge });
    else if (link.dataset.iri) focusParty(link.dataset.iri);
  });

  function focusParty(iri) {
    select({ node: iri }); // a folded leader gets a panel of their own; the map shows their country
    const drawn = graph.hasNode(home(iri)) ? home(iri) : null;
    if (drawn) {
      const d = renderer.getNodeDisplayData(drawn);
      if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(renderer.getCamera().ratio, 0.3) }, { duration: 400 });
    }
  }

  // ---- controls -------------------------------------------------------------------------------

  function buildControls() {
    const relations = $("relations");
    relations.innerHTML = CONFIG.relations.map((r) =>
      `<li><input type="checkbox" id="rel-${r}" data-relation="${r}" checked><span class="swatch" style="background:${CONFIG.relationColors[r]}"></span>` +
      `<label for="rel-${r}">${relationName(r)}</label><span class="count" id="count-${r}"></span></li>`).join("");
    relations.addEventListener("change", (e) => {
      const r = e.target.dataset.relation;
      if (e.target.checked) state.filters.relations.add(r); else state.filters.relations.delete(r);
      redraw();
    });
    const setAll = (on) => {
      state.filters.relations = new Set(on ? CONFIG.relations : []);
      relations.querySelectorAll("input").forEach((i) => { i.checked = on; });
      redraw();
    };
    $("relations-all").addEventListener("click", () => setAll(true));
    $("relations-none").addEventListener("click", () => setAll(false));

    const modalities = $("modalities");
    modalities.innerHTML = MODALITIES.map((m) =>
      `<li><input type="checkbox" id="mod-${m}" data-modality="${m}"${state.filters.modalities.has(m) ? " checked" : ""}>` +
      `<label for="mod-${m}">${m}</label><span class="count" id="count-${m}"></span></li>`).join("");
    modalities.addEventListener("change", (e) => {
      const m = e.target.dataset.modality;
      if (e.target.checked) state.filters.modalities.add(m); else state.filters.modalities.delete(m);
      redraw();
    });

    const from = $("date-from"), to = $("date-to");
    for (const el of [from, to]) {
      el.max = String(Math.max(0, state.months.length - 1));
      el.disabled = state.months.length < 2;
    }
    from.value = "0";
    to.value = from.max;
    const onRange = () => {
      let a = Number(from.value), b = Number(to.value);
      if (a > b) [a, b] = [b, a];
      state.filters.from = a;
      state.filters.to = b;
      redraw();
    };
    from.addEventListener("input", onRange);
    to.addEventListener("input", onRange);

    $("min-articles").addEventListener("change", (e) => {
      state.filters.minArticles = Math.max(1, Number(e.target.value) || 1);
      redraw();
    });
    $("top-n").addEventListener("change", (e) => {
      state.filters.topN = Math.max(1, Number(e.target.value) || 1);
      redraw();
    });
    $("leaders-as-nodes").addEventListener("change", (e) => {
      state.filters.leadersAsNodes = e.target.checked;
      redraw();
    });
    document.querySelectorAll('input[name="layout"]').forEach((el) => el.addEventListener("change", (e) => setLayout(e.target.value).catch(fail)));

    const names = [...state.nodes.values()].sort((a, b) => a.label.localeCompare(b.label));
    $("search-names").innerHTML = names.map((n) => `<option value="${escapeHtml(n.label)}">${escapeHtml(n.type.toLowerCase())}</option>`).join("");
    const search = $("search");
    const find = () => {
      const q = search.value.trim().toLowerCase();
      if (!q) return;
      const hit = names.find((n) => n.label.toLowerCase() === q || n.id.toLowerCase() === q) ||
        names.find((n) => n.label.toLowerCase().startsWith(q)) || names.find((n) => n.label.toLowerCase().includes(q));
      if (hit) focusParty(hit.iri);
    };
    search.addEventListener("change", find);
    search.addEventListener("keydown", (e) => { if (e.key === "Enter") find(); });
  }

  function updateControls(relationCounts, modalityCounts, monthCounts) {
    for (const r of CONFIG.relations) $(`count-${r}`).textContent = (relationCounts[r] || 0).toLocaleString();
    // Folded into their countries, leaders draw no leader_of edge: say where they went.
    $("count-leader_of").textContent = state.filters.leadersAsNodes ? $("count-leader_of").textContent : "in panels";
    for (const m of MODALITIES) $(`count-${m}`).textContent = (modalityCounts[m] || 0).toLocaleString();
    const f = state.filters;
    $("date-label").textContent = state.months.length ? `${state.months[f.from]} – ${state.months[f.to]}` : "";
    drawTimeline(monthCounts);
  }

  function drawTimeline(monthCounts) {
    const canvas = $("timeline");
    const ctx = canvas.getContext("2d");
    const w = canvas.width, h = canvas.height, months = state.months;
    ctx.clearRect(0, 0, w, h);
    if (!months.length) return;
    const max = Math.max(1, ...months.map((m) => monthCounts.get(m) || 0));
    const bar = w / months.length;
    months.forEach((m, i) => {
      const v = monthCounts.get(m) || 0;
      if (!v) return;
      const inRange = i >= state.filters.from && i <= state.filters.to;
      ctx.fillStyle = inRange ? "#457b9d" : "#c3ccd6";
      const bh = Math.max(1.5, (h - 2) * Math.sqrt(v / max));
      ctx.fillRect(i * bar, h - bh, Math.max(1, bar - 0.5), bh);
    });
  }

  function fail(error) {
    api.error = String(error && error.message ? error.message : error);
    $("status").textContent = "Error: " + api.error;
    console.error(error);
  }

  // ---- start ------------------------------------------------------------------------------------

  /** For tests and benchmarks: where an edge of the drawn graph is on screen (its middle, straight edges only). */
  api.edgeKey = (a, b, relation) => {
    const key = [...state.byKey.keys()].find((k) => {
      const g = state.byKey.get(k);
      const ids = [state.nodes.get(g.s)?.id, state.nodes.get(g.o)?.id];
      return g.relation === relation && ((ids[0] === a && ids[1] === b) || (ids[0] === b && ids[1] === a));
    });
    return key || null;
  };
  /** The point of a straight drawn edge farthest from every other edge and node on screen: where a click picks it. */
  api.edgeClickPoint = (key) => {
    if (!graph.hasEdge(key)) return null;
    const at = (n) => renderer.graphToViewport(graph.getNodeAttributes(n));
    const p = at(graph.source(key)), q = at(graph.target(key));
    const { width, height } = renderer.getDimensions();
    const segments = [];
    graph.forEachEdge((e, a, s, t) => { if (e !== key) segments.push([at(s), at(t)]); });
    const dots = [];
    graph.forEachNode((n, a) => dots.push([at(n), renderer.scaleSize(a.size)]));
    const toSegment = (c, [a, b]) => {
      const dx = b.x - a.x, dy = b.y - a.y, len = dx * dx + dy * dy || 1;
      const u = Math.max(0, Math.min(1, ((c.x - a.x) * dx + (c.y - a.y) * dy) / len));
      return Math.hypot(c.x - a.x - u * dx, c.y - a.y - u * dy);
    };
    let best = null, bestGap = -1;
    for (let t = 0.05; t <= 0.951; t += 0.01) {
      const c = { x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) };
      if (c.x < 5 || c.y < 5 || c.x > width - 5 || c.y > height - 5) continue;
      const gap = Math.min(Infinity, ...segments.map((sg) => toSegment(c, sg)), ...dots.map(([d, r]) => Math.hypot(c.x - d.x, c.y - d.y) - r));
      if (gap > bestGap) { bestGap = gap; best = c; }
    }
    return best && { x: best.x, y: best.y, gap: bestGap };
  };

  async function start() {
    if ($("sparql-tab")) $("sparql-tab").href = CONFIG.sparqlPage;
    api.marks = { start: performance.now() };
    const world = DATA ? Promise.resolve(readJson("kg-world")) : fetch(CONFIG.world).then((r) => r.json());
    const rows = Promise.all([source.select("nodes"), source.select("claims"), world]);
    // WebGL and the label atlas are set up while the server answers.
    createRenderer();
    api.marks.renderer = performance.now();
    const [nodes, claims, topology] = await rows;
    api.marks.fetched = performance.now();
    loadWorld(topology);
    loadNodes(nodes);
    loadClaims(claims);
    buildControls();
    api.marks.modelled = performance.now();
    redraw();
    fitToGraph();
    api.marks.drawn = performance.now();
    renderer.once("afterRender", () => {
      api.ready = true;
      api.loadMs = performance.now();
    });
    renderer.refresh();
  }

  start().catch(fail);
})();
