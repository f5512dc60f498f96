"""The shape the extraction code keeps: short rule functions, relation names from the registry.

These read the package's source with `ast`; they load no model.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kgraph.model import RELATIONS

PACKAGE = Path(__file__).resolve().parents[1] / "kgraph"
EXTRACT = sorted((PACKAGE / "extract").glob("*.py"))
MAX_LINES = 60


def _functions(path: Path) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


@pytest.mark.parametrize("path", EXTRACT, ids=lambda p: p.name)
def test_extract_functions_are_at_most_60_lines(path):
    long = [f"{f.name} ({f.end_lineno - f.lineno + 1} lines)" for f in _functions(path)
            if f.end_lineno - f.lineno + 1 > MAX_LINES]
    assert not long, f"{path.name}: split {', '.join(long)}"


def _relation_literals(path: Path, root: Path = PACKAGE) -> list[str]:
    """Relation names written as strings in a module, other than a lemma in a word set
    ({"meeting", "summit"}) or among a trigger row's words (row("ally", ...)): those are
    English words that happen to be spelt like a relation."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body \
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            allowed.add(id(node.body[0].value))  # a docstring
        elif isinstance(node, ast.Set):
            allowed.update(id(e) for e in node.elts)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "row" and node.args:
            allowed.add(id(node.args[0]))
    return [f"{path.relative_to(root)}:{n.lineno}: {n.value!r}" for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and n.value in RELATIONS and id(n) not in allowed]


def test_relation_names_are_written_only_in_the_registry():
    found = [hit for path in sorted(PACKAGE.rglob("*.py")) if path.name != "relations.py"
             for hit in _relation_literals(path)]
    assert not found, "write these as Relation members (kgraph/relations.py):\n" + "\n".join(found)


def test_relation_literal_check_finds_a_name_in_code(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""Doc naming ally."""\nWORDS = {"ally", "friend"}\nif x == "ally":\n    pass\n')
    assert _relation_literals(module, tmp_path) == ["m.py:3: 'ally'"]


def test_extract_package_does_not_import_the_api():
    """The layers go one way: api uses extract, extract never imports api (no cycle)."""
    import subprocess
    import sys

    code = "import sys, kgraph.extract.claims, kgraph.extract; print('kgraph.api' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_build_names_the_engines_it_knows():
    from kgraph.api import build
    from kgraph.errors import KGraphError

    with pytest.raises(KGraphError, match="Can't find engine 'spark'. Available: local, dask"):
        build([], engine="spark")


def test_typed_modules_pass_mypy_strict():
    """`make lint`: the modules STYLE.md names are typed strictly (pyproject.toml's [tool.mypy])."""
    import subprocess
    import sys

    pytest.importorskip("mypy")
    modules = [str(PACKAGE / name) for name in ("model.py", "rdf.py", "queries.py", "export.py")]
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", *modules],
                          cwd=PACKAGE.parent, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]
