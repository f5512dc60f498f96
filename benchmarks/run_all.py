"""Run every benchmark once, one after another (`make bench`); each writes JSON under benchmarks/out/.

Benchmarks measure ratios against a baseline taken in the same run (the bare spaCy
pipeline, rdflib's in-memory engine), never absolute times in tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("bench_mentions.py", "bench_build.py", "bench_incremental.py", "bench_store.py", "bench_explorer.py")


def main(argv: list[str]) -> int:
    failed = []
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        if subprocess.run([sys.executable, str(HERE / name), *argv]).returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
