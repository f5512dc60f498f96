"""`kgraph serve`'s pages and the HTML export in headless Chromium: the query page runs a shipped
query; the explorer, served and opened from file://, shows the sentence behind an edge.

Drives Debian's Chromium (/usr/bin/chromium, which `make test` installs) through Playwright; no
browser is downloaded. A missing Chromium fails the tests with a message: they are not skipped.
Screenshots are kept in test-output/.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from kgraph.queries import load_query
from kgraph.serve import start_server
from tests.test_serve import make_store

CHROMIUM = os.environ.get("KGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OUTPUT = Path(__file__).resolve().parents[1] / "test-output"
TRADE_SENTENCE = "From January to September 2024, bilateral trade rose by 10.1 percent, totaling $1.08 billion."


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: install it (apt-get install -y chromium) "
                    "or set KGRAPH_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: pip install 'kgraph[browser]'")
    OUTPUT.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory, eval_dir):
    """A store of the development articles, as `kgraph build ../shared/eval/dev/articles --store DIR` makes it."""
    from kgraph.api import build

    path = tmp_path_factory.mktemp("explorer") / "dev.store"
    kg = build([eval_dir / "dev" / "articles"], store=path)
    kg.flush()
    del kg  # free the store's lock
    gc.collect()
    return path


def test_query_page_runs_a_shipped_query(browser, tmp_path):
    _, query = load_query("allies")
    with start_server(make_store(tmp_path / "store"), port=0, timeout=20) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(server.url + "/sparql", wait_until="load")
            page.wait_for_selector(".CodeMirror", timeout=15_000)
            assert page.title() == "kgraph: SPARQL"
            assert "PREFIX kg: <https://w3id.org/kgraph/ns#>" in page.evaluate(
                "() => document.querySelector('.tabPanel.active .yasqe .CodeMirror').CodeMirror.getValue()")
            page.evaluate("q => document.querySelector('.tabPanel.active .yasqe .CodeMirror').CodeMirror.setValue(q)", query)
            page.click(".tabPanel.active .yasqe_queryButton")
            page.wait_for_selector(".tabPanel.active .yasr table tbody tr", timeout=15_000)
            count = page.locator(".tabPanel.active .yasr table tbody tr").count()
            text = page.inner_text(".tabPanel.active .yasr table")
            page.screenshot(path=str(OUTPUT / "serve-query-page.png"), full_page=True)
        finally:
            page.close()
    assert count == 4  # two ally edges, each seen from both sides
    assert "countryId" in text and "partnerName" in text
    for code in ("RUS", "TJK", "FRA", "DEU"):
        assert code in text
    assert "ally" in text


def _open_trade_edge(page) -> str:
    """Filter the explorer to trade_partner, click the Russia-Tajikistan edge and return the panel's text."""
    page.wait_for_function("window.kgExplorer && (kgExplorer.ready || kgExplorer.error)", timeout=30_000)
    assert page.evaluate("kgExplorer.error") is None
    assert page.evaluate("kgExplorer.edgesDrawn") > 50  # the development set's graph, not an empty map
    page.click("#relations-none")
    page.check("#rel-trade_partner")
    assert "trade" in page.inner_text("#relations li:has(#rel-trade_partner)")
    key = page.evaluate("kgExplorer.edgeKey('RUS', 'TJK', 'trade_partner')")
    assert key, "no Russia-Tajikistan trade_partner edge drawn"
    assert page.evaluate("kgExplorer.edgesDrawn") < 20  # trade_partner edges only
    page.fill("#search", "Tajikistan")  # zooms on it, as a reader would before clicking
    page.press("#search", "Enter")
    page.wait_for_selector("#panel h2:has-text('Tajikistan')")
    page.click("#panel-close")
    page.wait_for_timeout(500)  # the camera's animation
    point = page.evaluate("k => kgExplorer.edgeClickPoint(k)", key)
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])  # a click on the canvas: sigma picks the edge
    page.wait_for_selector("#panel .claim", timeout=15_000)
    title = page.inner_text("#panel h2")
    assert "Russia" in title and "Tajikistan" in title
    assert "trade partner" in page.inner_text("#panel .sub")
    assert page.locator("#panel mark", has_text="$1.08 billion").count() >= 1  # the figure marked in its sentence
    return page.inner_text("#panel")


def test_explorer_shows_the_sentence_behind_an_edge(browser, dev_store):
    with start_server(dev_store, port=0, timeout=20) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        try:
            page.goto(server.url + "/")
            text = _open_trade_edge(page)
            page.locator("#panel mark", has_text="$1.08 billion").first.scroll_into_view_if_needed()
            page.screenshot(path=str(OUTPUT / "explorer-served.png"))
            drawn = page.evaluate("kgExplorer.edgesDrawn")
            page.check("input[name=layout][value=force]")  # its library comes from the server when asked for
            page.wait_for_function("window.graphologyLibrary && kgExplorer.layout === 'force'", timeout=15_000)
            assert page.evaluate("kgExplorer.edgesDrawn") == drawn
            link = page.get_attribute("#panel a[href^='/sparql#query=']", "href")
            page.goto("about:blank")
            page.goto(server.url + link)  # the same query, in the query page
            page.wait_for_selector(".tabPanel.active .yasr table tbody tr", timeout=15_000)
            results = page.inner_text(".tabPanel.active .yasr table")
        finally:
            page.close()
    assert "$1.08 billion" in text and TRADE_SENTENCE in text
    for label in ("article", "date", "speaker", "figures", "modality", "rule"):
        assert label in text
    assert "$1.08 billion" in results
    outside = [url for url in requests if not url.startswith((server.url + "/", "about:", "data:"))]
    assert outside == [], outside


def test_html_export_works_from_file_without_network(browser, dev_store, tmp_path):
    from kgraph.export import export
    from kgraph.graph import KnowledgeGraph

    path = tmp_path / "graph.html"
    export(KnowledgeGraph.read(dev_store, read_only=True), "html", path)
    context = browser.new_context(viewport={"width": 1400, "height": 850}, offline=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(path.as_uri())
        text = _open_trade_edge(page)
        page.locator("#panel mark", has_text="$1.08 billion").first.scroll_into_view_if_needed()
        page.screenshot(path=str(OUTPUT / "explorer-export.png"))
        query = page.text_content("#panel pre.query")
    finally:
        context.close()
    assert "$1.08 billion" in text and TRADE_SENTENCE in text
    assert "VALUES ?edge" in query  # the query behind the list, shown since there is no server to run it
    assert [url for url in requests if not url.startswith(("file://", "about:", "data:"))] == []
