"""The query page of `kgraph serve` in headless Chromium: run a shipped query, read the result table.

Drives Debian's Chromium (/usr/bin/chromium, which `make test` installs) through Playwright; no
browser is downloaded. A missing Chromium fails the test with a message: it is not skipped.
"""

from __future__ import annotations

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


def test_query_page_runs_a_shipped_query(tmp_path):
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: install it (apt-get install -y chromium) "
                    "or set KGRAPH_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: pip install 'kgraph[browser]'")
    _, query = load_query("allies")
    OUTPUT.mkdir(exist_ok=True)
    with start_server(make_store(tmp_path / "store"), port=0, timeout=20) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server.url + "/", wait_until="load")
            page.wait_for_selector(".CodeMirror", timeout=15_000)
            page.evaluate("q => document.querySelector('.yasqe .CodeMirror').CodeMirror.setValue(q)", query)
            page.click(".yasqe_queryButton")
            page.wait_for_selector(".yasr table tbody tr", timeout=15_000)
            count = page.locator(".yasr table tbody tr").count()
            text = page.inner_text(".yasr table")
            page.screenshot(path=str(OUTPUT / "serve-query-page.png"), full_page=True)
        finally:
            browser.close()
    assert count == 4  # two ally edges, each seen from both sides
    assert "countryId" in text and "partnerName" in text
    for code in ("RUS", "TJK", "FRA", "DEU"):
        assert code in text
    assert "ally" in text
