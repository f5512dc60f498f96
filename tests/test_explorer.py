"""The explorer's files and routes: vendored files at their pinned versions, pages that load nothing
from other servers, the explorer's queries, and the self-contained HTML export.

The explorer in a real browser is tested in tests/test_browser.py.
"""

from __future__ import annotations

import hashlib
import json
import re
import runpy
from pathlib import Path

import pytest

from kgraph.explorer import (
    EXPLORER_QUERIES,
    VENDOR_SCRIPTS,
    explorer_data,
    explorer_queries,
    generate_html,
    render_explorer,
    render_sparql_page,
    route,
    vendor_manifest,
)
from kgraph.palette import RELATION_COLORS
from kgraph.store import select

PACKAGE = Path(__file__).resolve().parents[1] / "kgraph" / "explorer"
VENDOR = PACKAGE / "vendor"
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "vendor_explorer.py"


@pytest.fixture(scope="module")
def kg(sample_kg):
    return sample_kg


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(vendor_manifest()))
def test_vendored_file_is_the_pinned_version(name):
    entry = vendor_manifest()[name]
    assert _sha256(VENDOR / name) == entry["sha256"], f"{name} differs from {entry['package']}@{entry['version']}"
    assert (VENDOR / entry["license_file"]).is_file() and entry["license"] in ("MIT", "ISC")


def test_every_vendored_file_is_in_the_manifest():
    on_disk = {p.name for p in VENDOR.iterdir() if p.is_file()} - {"manifest.json"}
    assert on_disk == set(vendor_manifest())
    assert set(VENDOR_SCRIPTS) < on_disk


def test_manifest_versions_are_the_vendoring_scripts_pins():
    pins = {package: version for package, version, _, _ in runpy.run_path(str(SCRIPT))["PINS"]}
    assert {e["package"]: e["version"] for e in vendor_manifest().values()} == pins


def _urls(html: str) -> list[str]:
    return re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)["']""", html)


def test_pages_load_nothing_from_other_servers():
    for html in (render_explorer(), render_sparql_page()):
        urls = _urls(html)
        assert urls, "no links found: the check would pass vacuously"
        assert [u for u in urls if not u.startswith(("/", "#", "data:"))] == []
    own = (PACKAGE / "static" / "explorer.js").read_text(encoding="utf-8")
    assert not re.search(r"https?://", own)
    assert "fetch(CONFIG.endpoint" in own and "fetch(CONFIG.world)" in own  # what it fetches: from the config
    assert "script.src = CONFIG.layoutLibrary" in own
    config = json.loads(re.search(r'id="kg-config">(.*?)</script>', render_explorer()).group(1))
    for key in ("endpoint", "world", "layoutLibrary", "sparqlPage"):
        assert config[key].startswith("/") and not config[key].startswith("//"), key  # this server's


def test_route_serves_the_explorer_its_files_and_the_query_page():
    page = route("GET", "/")
    assert page.status == 200 and "kgraph explorer" in page.body.decode()
    sigma = route("GET", "/explorer/vendor/sigma.min.js")
    assert sigma.status == 200 and sigma.content_type.startswith("text/javascript")
    assert sigma.body == (VENDOR / "sigma.min.js").read_bytes()
    assert route("GET", "/explorer/explorer.js").body == (PACKAGE / "static" / "explorer.js").read_bytes()
    assert route("GET", "/explorer/vendor/countries-110m.json").content_type == "application/json"
    query_page = route("GET", "/sparql").body.decode()
    assert "<title>kgraph: SPARQL</title>" in query_page and "yasgui.min.js" in query_page
    config = json.loads(re.search(r'id="kg-config">(.*?)</script>', query_page).group(1))
    assert config["endpoint"] == "/query" and config["prefixes"]["kg"] == "https://w3id.org/kgraph/ns#"
    assert {"partners", "evidence", "leaders"} <= {q["name"] for q in config["queries"]}


@pytest.mark.parametrize("path", ["/explorer/../../pyproject.toml", "/explorer/vendor/manifest.json",
                                  "/explorer/vendor/licenses/sigma-LICENSE.txt", "/explorer/nothing.js",
                                  "/explorer/static/explorer.js"])
def test_route_refuses_other_files(path):
    assert route("GET", path).status == 404


@pytest.mark.parametrize("method, path", [("GET", "/query?query=ASK%7B%7D"), ("POST", "/query"), ("POST", "/"),
                                          ("GET", "/yasgui.min.js"), ("GET", "/sparql?query=ASK%7B%7D")])
def test_route_leaves_sparql_to_the_server(method, path):
    assert route(method, path) is None


def test_explorer_queries_parse_and_answer(kg):
    queries = explorer_queries()
    assert set(queries) == set(EXPLORER_QUERIES)
    claims = list(select(kg.store, queries["claims"]))
    assert len(claims) == len(kg.claims())
    assert {str(row["relation"].value) for row in claims} >= {"trade_partner", "leader_of"}
    for name in ("edge_claims", "amounts"):
        assert "# @values" in queries[name]  # where the page puts VALUES ?edge { ... }


def test_html_export_is_self_contained(kg):
    html = generate_html(kg)
    assert not re.search(r"<script[^>]+src=|<link[^>]+stylesheet", html)
    markup = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    assert [u for u in _urls(markup) if not u.startswith(("#", "data:"))] == []  # no SPARQL tab: no server
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1))
    edge_claims = data["results"]["edge_claims"]
    sentences = {row[edge_claims["vars"].index("sentence")] for row in edge_claims["rows"]}
    assert "Trade between them was $1.7 billion in 2023." in sentences
    config = json.loads(re.search(r'id="kg-config">(.*?)</script>', html).group(1))
    assert config["embedded"] is True and config["relationColors"] == RELATION_COLORS
    for name in VENDOR_SCRIPTS:  # every library inline, as vendored
        assert (VENDOR / name).read_text(encoding="utf-8")[:200] in html


def test_html_export_escapes_what_could_end_a_script(kg):
    data = explorer_data(kg)
    data["results"]["nodes"]["rows"].append(["urn:x", "X", "Country", "</script><script>alert(1)</script>",
                                              None, None, None, None])
    html = render_explorer(data=data)
    assert html.count("</script>") == html.count("<script")
