"""Show that two revisions of kgraph extract the same claims: for a refactoring of the rules.

Each revision is exported from git into a temporary directory (``git archive``) and runs
``python -m kgraph extract SET --format jsonl`` with that directory first on ``PYTHONPATH``,
under the interpreter running this script (so both use the same spaCy and model). The
outputs are compared as sorted lines: byte-identical claims, in any order, or a diff::

    .venv/bin/python scripts/compare_extraction.py 76e591d HEAD
    .venv/bin/python scripts/compare_extraction.py 76e591d WORKTREE --sets dev dev2 --score

``WORKTREE`` stands for the checkout as it is, uncommitted changes included. The sets are
``corpus`` (../shared/corpus), ``dev`` and ``dev2`` (../shared/eval/*/articles); the
output of a commit is cached under ``~/.cache/kgraph-compare`` (it depends on nothing
else but the inputs, whose names and sizes are part of the key). Exit status 0 when every
set is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KGRAPH_SHARED", ROOT.parent / "shared"))
SETS = {
    "corpus": SHARED / "corpus",
    "dev": SHARED / "eval" / "dev" / "articles",
    "dev2": SHARED / "eval" / "dev2" / "articles",
}
GOLD = {
    "dev": sorted((SHARED / "eval" / "dev").glob("gold-*.jsonl")),
    "dev2": [SHARED / "eval" / "dev2" / "gold.jsonl"],
}
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kgraph-compare"
WORKTREE = "WORKTREE"


def resolve(rev: str) -> str:
    """The commit id of a revision, or WORKTREE itself."""
    if rev == WORKTREE:
        return rev
    return subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()


class Trees:
    """Each revision's tree, exported from git (``git archive``) the first time it is needed."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.trees: dict[str, Path] = {}

    def __getitem__(self, commit: str) -> Path:
        if commit == WORKTREE:
            return ROOT
        if commit not in self.trees:
            into = self.tmp / commit
            into.mkdir(parents=True)
            archive = into / "tree.tar"
            with archive.open("wb") as out:
                subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, stdout=out)
            with tarfile.open(archive) as tar:
                tar.extractall(into / "tree", filter="data")
            self.trees[commit] = into / "tree"
        return self.trees[commit]


def input_digest(path: Path) -> str:
    """A digest of the files of an input set: their relative names and sizes."""
    files = sorted(p for p in path.rglob("*") if p.is_file())
    listing = "\n".join(f"{p.relative_to(path)}\t{p.stat().st_size}" for p in files)
    return hashlib.sha1(listing.encode()).hexdigest()[:12]


def run_extract(tree: Path, articles: Path) -> list[str]:
    """The sorted JSONL lines `kgraph extract` writes for a set, with the code of `tree`."""
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    result = subprocess.run([sys.executable, "-m", "kgraph", "extract", str(articles), "--format", "jsonl"],
                            cwd=tree, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"kgraph extract {articles} failed under {tree}:\n{result.stderr[-2000:]}")
    return sorted(result.stdout.splitlines())


def extraction(commit: str, name: str, trees: Trees, *, use_cache: bool) -> list[str]:
    """The sorted output of one revision on one set, from the cache when a commit has one."""
    articles = SETS[name]
    cached = CACHE / commit / f"{name}-{input_digest(articles)}.jsonl"
    if use_cache and commit != WORKTREE and cached.exists():
        return cached.read_text(encoding="utf-8").splitlines()
    lines = run_extract(trees[commit], articles)
    if commit != WORKTREE:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return lines


def report(name: str, a: list[str], b: list[str], show: int) -> bool:
    """Print whether two sorted outputs are identical, and what differs if not."""
    if a == b:
        print(f"{name}: identical ({len(a)} claims)")
        return True
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    print(f"{name}: DIFFERENT ({len(a)} vs {len(b)} claims; {len(only_a)} only in A, {len(only_b)} only in B)")
    for tag, lines in (("-", only_a), ("+", only_b)):
        for line in lines[:show]:
            print(f"  {tag} {line[:400]}")
    return False


def score(name: str, lines: list[str]) -> str:
    """The referee's summary line for a set's output."""
    referee = SHARED / "eval" / "score.py"
    result = subprocess.run([sys.executable, str(referee), *map(str, GOLD[name]), "--pred", "-"],
                            input="".join(line + "\n" for line in lines), capture_output=True, text=True)
    summary = [line for line in result.stdout.splitlines() if line.startswith(("ALL", "on matched"))]
    return "\n    ".join(summary)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev_a")
    parser.add_argument("rev_b", nargs="?", default=WORKTREE)
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=["corpus", "dev", "dev2"])
    parser.add_argument("--no-cache", action="store_true", help="re-run commits even if their output is cached")
    parser.add_argument("--score", action="store_true", help="also print the referee's figures for dev and dev2")
    parser.add_argument("--show", type=int, default=5, help="differing lines shown per side")
    args = parser.parse_args(argv)
    commits = [resolve(args.rev_a), resolve(args.rev_b)]
    print(f"A = {args.rev_a} ({commits[0][:12]}), B = {args.rev_b} ({commits[1][:12]})")
    same = True
    with tempfile.TemporaryDirectory(prefix="kgraph-compare-") as tmp:
        trees = Trees(Path(tmp))
        for name in args.sets:
            outputs = [extraction(commit, name, trees, use_cache=not args.no_cache) for commit in commits]
            same = report(name, outputs[0], outputs[1], args.show) and same
            if args.score and name in GOLD:
                for side, lines in zip("AB", outputs):
                    print(f"  referee {side}: {score(name, lines)}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
