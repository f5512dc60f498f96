"""The command line as a user runs it: help for every command, normal runs, bad input."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.cli import EXPORT_FORMAT_NAMES, app

from .conftest import ROOT, SEED_ARTICLE

COMMANDS = sorted(command.name for command in app.registered_commands)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kgraph", *args], capture_output=True, text=True, input=stdin,
                          cwd=ROOT, timeout=600)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout and len(result.stdout.splitlines()) > 3


def test_cli_help_lists_commands_without_loading_spacy():
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "kgraph", "--help"], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0
    for command in ("extract", "build", "query", "export", "explain", "mentions", "eval", "validate"):
        assert command in result.stdout
    assert "spacy" not in result.stderr.split("import time:")[-1] or " spacy" not in result.stderr


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("graph") / "seed.ttl"
    result = run("build", str(SEED_ARTICLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stderr
    return out


@pytest.mark.model
def test_cli_extract_jsonl_shape():
    result = run("extract", str(SEED_ARTICLE), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows
    for row in rows:
        assert {"doc", "relation", "subject", "object", "modality", "rank", "amount", "percent", "period",
                "speaker", "evidence", "date", "rule"} <= row.keys()
        assert row["doc"] == SEED_ARTICLE.name and row["date"] == "2024-12-25"
        assert {"name", "type", "id"} <= row["subject"].keys()
        assert {"text", "start", "end"} <= row["evidence"].keys()
    investor = next(r for r in rows if r["relation"] == "investor" and r["subject"]["id"] == "RUS" and r["amount"])
    assert investor["amount"] == {"value": 1.6e9, "currency": "USD", "text": "$1.6 billion"}
    assert investor["object"] == {"name": "Tajikistan", "type": "Country", "id": "TJK", "qid": "Q863"}


@pytest.mark.model
def test_cli_extract_bad_inputs_reported_good_ones_kept(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\xff\x00")
    bad_jsonl = tmp_path / "items.jsonl"
    bad_jsonl.write_text('{"id": "ok", "text": "Russia is an ally of Belarus."}\n{broken\n')
    result = run("extract", str(empty), str(binary), str(bad_jsonl), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("blob.txt: binary file" in e for e in errors)
    assert any("items.jsonl:2: malformed JSON" in e for e in errors)
    assert any("missing.txt: no such file or directory" in e for e in errors)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["doc"] == "ok" and r["relation"] == "ally" for r in rows)


@pytest.mark.model
def test_cli_extract_stdin_table():
    result = run("extract", "-", "--format", "table", stdin="date: 2024-01-05\n\nJapan is the largest investor in Vietnam.")
    assert result.returncode == 0, result.stderr
    assert "investor" in result.stdout and "Japan" in result.stdout and "Vietnam" in result.stdout


KGRAPH = shutil.which("kgraph", path=str(Path(sys.executable).parent)) or shutil.which("kgraph")


def run_kgraph(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The installed `kgraph` executable, as a user types it (not `python -m kgraph`)."""
    assert KGRAPH, "the kgraph executable is not installed (pip install -e .)"
    return subprocess.run([KGRAPH, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.mark.parametrize("args, named", [
    (["--bogus"], ["--bogus", "--version", "--help"]),
    (["bogus"], ["'bogus'", "build", "extract", "query"]),
    (["buld", "seeds"], ["Did you mean 'build'"]),
    (["query"], ["GRAPH"]),
    (["query", "graph.ttl"], ["QUERY"]),
    (["export", "graph.ttl"], ["--output"]),
    (["explain", "graph.ttl", "RUS"], ["'B'"]),
    (["build", "seeds", "--nope"], ["--nope", "--store"]),
    (["build", "seeds", "--workers", "abc"], ["--workers", "integer"]),
    (["build", "seeds", "--engine", "spark"], ["'spark'", "'local'", "'dask'"]),
    (["extract", "seeds", "--format", "xlsx"], ["'xlsx'", "'jsonl'", "'json'", "'table'"]),
    (["export", "graph.ttl", "-o", "x.gexf", "--format", "gif"], ["'gif'", "'gexf-dynamic'", "'trig'"]),
    (["query", "graph.ttl", "leaders", "--format", "xml"], ["'xml'", "'csv'", "'tsv'"]),
])
def test_cli_usage_error_is_one_line_and_the_usage_exit_2(args, named):
    result = run_kgraph(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    error, usage = result.stderr.splitlines()
    assert error.startswith("kgraph: error: ") and usage.startswith("Usage: kgraph")
    for word in named:
        assert word in error


def test_cli_no_arguments_prints_the_help_and_exits_2():
    result = run_kgraph()
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Usage: kgraph" in result.stderr and "build" in result.stderr and "--version" in result.stderr


def test_cli_version_prints_the_installed_version():
    from importlib.metadata import version

    result = run_kgraph("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"kgraph {version('kgraph')}"


def test_cli_help_shows_brackets_and_no_python_types():
    helps = {command: run_kgraph(command, "--help").stdout for command in COMMANDS}
    assert "kgraph[dask]" in helps["build"]
    for command, text in helps.items():
        assert not re.search(r"<(bool|str|int|float|path|Path|list\[\w+\])>", text), (command, text)


def test_cli_export_help_lists_every_export_format():
    from kgraph.export import EXPORT_FORMATS

    assert set(EXPORT_FORMAT_NAMES) == set(EXPORT_FORMATS)
    text = " ".join(run_kgraph("export", "--help").stdout.split())
    for name in EXPORT_FORMATS:
        assert re.search(rf"[<|]{re.escape(name)}[|>]", text), name


def test_cli_queries_lists_with_headers():
    result = run_kgraph("queries")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["query", "parameters", "description"]
    assert any(line.startswith("investors ") and "country" in line for line in lines)


@pytest.mark.model
def test_cli_mentions_table(tmp_path):
    result = run("mentions", str(SEED_ARTICLE))
    assert result.returncode == 0, result.stderr
    assert "Emomali Rahmon" in result.stdout and "TJK" in result.stdout and "title" in result.stdout


@pytest.mark.model
def test_cli_query_named_with_param(seed_graph):
    result = run("query", str(seed_graph), "investors", "--param", "country=TJK", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["investorName"] for r in rows} >= {"Russia", "China"}


@pytest.mark.model
def test_cli_query_json_numbers_and_null_csv_header_without_rows(seed_graph):
    rows = json.loads(run("query", str(seed_graph), "partners", "--param", "country=TJK", "--format", "json").stdout)
    assert rows and all(isinstance(r["claims"], int) and isinstance(r["articles"], int) for r in rows)
    evidence = json.loads(run("query", str(seed_graph), "evidence", "-p", "a=RUS", "-p", "b=TJK", "-f", "json").stdout)
    assert any(r["value"] is None for r in evidence) and any(r["value"] == 1.6e9 for r in evidence)
    assert all(isinstance(r["begin"], int) for r in evidence)
    empty = run("query", str(seed_graph), "partners", "--param", "country=TJK", "--param", "relation=sanction",
                "--format", "csv")
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.splitlines() == ["countryId,relation,partnerId,partnerName,direction,claims,articles,first,last"]


@pytest.mark.model
def test_cli_query_broken_sparql_one_line_error(seed_graph):
    result = run("query", str(seed_graph), "SELECT ?x WHERE { ?x ?y")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.model
def test_cli_query_unknown_name_lists_choices(seed_graph):
    result = run("query", str(seed_graph), "no_such_query")
    assert result.returncode == 1
    assert "investors" in result.stderr


def test_cli_query_warns_on_an_undefined_kg_term(sample_kg, tmp_path):
    path = tmp_path / "sample.ttl"
    sample_kg.write(path)
    result = run_kgraph("query", str(path), "PREFIX kg: <https://w3id.org/kgraph/ns#> "
                        "SELECT ?a ?b WHERE { ?a kg:trade_partner ?b }")
    assert result.returncode == 0 and result.stdout.strip() == "(no results)"
    assert result.stderr.startswith("kgraph: warning: the query uses kg:trade_partner")
    assert "kg:tradePartner" in result.stderr and result.stderr.count("\n") == 1


def test_cli_query_missing_graph_error(tmp_path):
    result = run("query", str(tmp_path / "nope.ttl"), "investors")
    assert result.returncode == 1 and "nope.ttl" in result.stderr


@pytest.mark.model
def test_cli_export_infers_the_format_from_the_extension(seed_graph, tmp_path):
    import rdflib

    result = run_kgraph("export", str(seed_graph), "-o", str(tmp_path / "g.gexf"))
    assert result.returncode == 0, result.stderr
    assert "(gexf)" in result.stderr and (tmp_path / "g.gexf").read_text().startswith("<?xml")
    result = run_kgraph("export", str(seed_graph), "-o", str(tmp_path / "g.nt"))
    assert result.returncode == 0, result.stderr
    assert len(rdflib.Graph().parse(tmp_path / "g.nt", format="nt")) > 100
    result = run_kgraph("export", str(seed_graph), "-o", str(tmp_path / "g.xlsx"))
    assert result.returncode == 1 and not (tmp_path / "g.xlsx").exists()
    assert result.stderr.count("\n") == 1 and "'xlsx'" in result.stderr and "gexf" in result.stderr


@pytest.mark.model
def test_cli_build_without_output_says_where_it_writes_first(tmp_path):
    result = run_kgraph("build", str(SEED_ARTICLE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert "graph.ttl" in lines[0] and "no -o or --store" in lines[0]
    assert (tmp_path / "graph.ttl").is_file()
    assert lines[-1].startswith("kgraph: 1 article (1 added") and "-> graph.ttl" in lines[-1]


@pytest.mark.model
def test_cli_extract_to_a_file_prints_a_summary(tmp_path):
    out = tmp_path / "claims.jsonl"
    result = run_kgraph("extract", str(SEED_ARTICLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    claims = out.read_text().splitlines()
    assert result.stderr.strip() == result.stderr.strip().splitlines()[0]  # one line
    assert result.stderr.startswith(f"kgraph: 1 article (0 failed), {len(claims)} claims, ") and str(out) in result.stderr


@pytest.mark.model
def test_cli_export_gexf_and_explain(seed_graph, tmp_path):
    import networkx as nx

    out = tmp_path / "g.gexf"
    result = run("export", str(seed_graph), "--format", "gexf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    graph = nx.read_gexf(out)
    labels = {data.get("label") for _, data in graph.nodes(data=True)}
    assert {"Russia", "Tajikistan"} <= labels
    result = run("explain", str(seed_graph), "RUS", "TJK")
    assert result.returncode == 0, result.stderr
    assert "investor" in result.stdout and "$1.6 billion" in result.stdout


@pytest.mark.model
def test_cli_validate_built_graph(seed_graph):
    result = run("validate", str(seed_graph))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.model
def test_cli_build_unknown_output_format_writes_nothing(tmp_path):
    out = tmp_path / "g.xyz"
    result = run("build", str(SEED_ARTICLE), "-o", str(out))
    assert result.returncode == 1 and not out.exists()


@pytest.mark.model
def test_cli_query_a_store_while_a_writer_holds_it(tmp_path):
    store = tmp_path / "store"
    assert run("build", str(SEED_ARTICLE), "--store", str(store)).returncode == 0
    writer = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom kgraph.graph import KnowledgeGraph\n"
                               f"kg = KnowledgeGraph({str(store)!r})\nprint('open', flush=True)\ntime.sleep(60)"],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert writer.stdout.readline().strip() == "open"
        result = run("query", str(store), "investors", "--param", "country=TJK", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert {r["investorName"] for r in json.loads(result.stdout)} >= {"Russia", "China"}
    finally:
        writer.kill()
        writer.wait()
