"""Files kgraph writes get the permissions `open()` would give them: the umask for a new file, the old mode otherwise.

Every writer goes through a temporary file and a rename; `tempfile.mkstemp` makes its
file 0600, which a user sharing a graph with a group (umask 002) or the world (022) would
otherwise have to undo by hand.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from kgraph.export import EXPORT_FORMATS, export
from kgraph.io import atomic_write

from .conftest import ROOT


@pytest.fixture
def umask():
    def set_umask(value: int) -> None:
        os.umask(value)

    old = os.umask(0o022)
    os.umask(old)
    yield set_umask
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_atomic_write_new_file_follows_umask(tmp_path, umask, mask, expected):
    umask(mask)
    target = tmp_path / "out.txt"
    with atomic_write(target) as handle:
        handle.write("x")
    assert mode(target) == expected


def test_atomic_write_keeps_an_existing_files_mode(tmp_path, umask):
    umask(0o022)
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o600)
    with atomic_write(target) as handle:
        handle.write("new")
    assert target.read_text() == "new" and mode(target) == 0o600


@pytest.mark.parametrize("format", sorted(EXPORT_FORMATS))
def test_exports_follow_umask(sample_kg, tmp_path, umask, format):
    umask(0o022)
    export(sample_kg, format, tmp_path / ("g" if format == "csv" else f"g.{format}"))
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert written and all(mode(p) == 0o644 for p in written), {p.name: oct(mode(p)) for p in written}


def test_cli_extract_output_follows_umask(tmp_path):
    out = tmp_path / "claims.jsonl"
    text = "date: 2024-01-05\n\nJapan is the largest investor in Vietnam."
    result = subprocess.run([sys.executable, "-m", "kgraph", "extract", "-", "-o", str(out)], input=text,
                            capture_output=True, text=True, cwd=ROOT, timeout=600,
                            preexec_fn=lambda: os.umask(0o022))
    assert result.returncode == 0, result.stderr
    assert mode(out) == 0o644
