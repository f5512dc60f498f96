"""Fetch the explorer's JavaScript and map data from npm and vendor them into kgraph/explorer/vendor/.

The explorer page (kgraph serve, kgraph export --format html) must work with no network, so
the libraries it runs are copied into the package at pinned versions, each with its licence,
and listed with their SHA-256 in vendor/manifest.json (tests/test_explorer.py checks the files
against it). To update one, change its version in PINS, run

    python scripts/vendor_explorer.py

(it needs `npm` and the npm registry), look at the page (`kgraph serve`, then the browser test
`pytest tests/test_browser.py`), and commit the changed files and manifest together.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "kgraph" / "explorer" / "vendor"

# package, version, files to copy (path in the package -> name in vendor/), licence file.
PINS = (
    ("sigma", "4.0.4", {"dist/sigma.min.js": "sigma.min.js"}, "LICENSE.txt"),
    ("graphology", "0.26.0", {"dist/graphology.umd.min.js": "graphology.umd.min.js"}, "LICENSE.txt"),
    # The UMD bundle of graphology's standard library: the explorer uses its ForceAtlas2 layout.
    ("graphology-library", "0.8.0", {"dist/graphology-library.min.js": "graphology-library.min.js"}, "LICENSE.txt"),
    ("topojson-client", "3.1.0", {"dist/topojson-client.min.js": "topojson-client.min.js"}, "LICENSE"),
    # Natural Earth 1:110m admin-0 countries (public domain) as TopoJSON.
    ("world-atlas", "2.0.2", {"countries-110m.json": "countries-110m.json"}, "LICENSE"),
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pack(package: str, version: str, into: Path) -> tuple[Path, str]:
    """Download one package tarball through npm (which checks its integrity); return it and its integrity."""
    out = subprocess.run(["npm", "pack", f"{package}@{version}", "--json", "--pack-destination", str(into)],
                         check=True, capture_output=True, text=True, cwd=into)
    info = json.loads(out.stdout)[0]
    return into / info["filename"], info["integrity"]


def main() -> int:
    manifest: dict[str, dict[str, str]] = {}
    VENDOR.mkdir(parents=True, exist_ok=True)
    (VENDOR / "licenses").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kgraph-vendor-") as tmp:
        for package, version, files, licence in PINS:
            tarball, integrity = _pack(package, version, Path(tmp))
            with tarfile.open(tarball) as tar:
                root = Path(tmp, package)
                tar.extractall(root, filter="data")
            source = root / "package"
            licence_name = f"licenses/{package}-{licence.removesuffix('.txt')}.txt"
            shutil.copyfile(source / licence, VENDOR / licence_name)
            for inner, name in files.items():
                shutil.copyfile(source / inner, VENDOR / name)
                manifest[name] = {
                    "package": package,
                    "version": version,
                    "path": inner,
                    "npm_integrity": integrity,
                    "license": json.loads((source / "package.json").read_text())["license"],
                    "license_file": licence_name,
                    "sha256": _sha256(VENDOR / name),
                }
            print(f"{package}@{version}: {', '.join(files.values())}")
    (VENDOR / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
