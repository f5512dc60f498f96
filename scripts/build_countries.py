"""Regenerate ``kgraph/data/countries.csv`` from pycountry and the curated columns.

The ISO 3166-1 columns (alpha2, alpha3, numeric) and the ISO names come from pycountry, a
maintained library, so refreshing the standard is ``pip install -U pycountry`` and a rerun.
Everything an ISO table lacks (Wikidata QID, the common English name used by news and by the
evaluation's canonical names, aliases, adjectives, demonyms, capitals and seats of government,
centroid, UN M49 region) lives in ``kgraph/data/countries_curated.csv``, keyed by alpha-3.

Curated rows for codes that ISO does not assign (Kosovo, XKX) carry their own alpha2 and numeric.

Usage::

    python scripts/build_countries.py            # rewrite kgraph/data/countries.csv
    python scripts/build_countries.py --check    # exit 1 if the file is out of date
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parents[1] / "kgraph" / "data"
CURATED = DATA / "countries_curated.csv"
OUTPUT = DATA / "countries.csv"
COLUMNS: tuple[str, ...] = (
    "alpha2",
    "alpha3",
    "numeric",
    "qid",
    "name",
    "official_name",
    "aliases",
    "adjectives",
    "demonyms",
    "capitals",
    "lat",
    "lon",
    "region",
    "subregion",
)
_LIST_COLUMNS: tuple[str, ...] = ("aliases", "adjectives", "demonyms", "capitals")


def fold_ascii(text: str) -> str:
    """Drop diacritics and turn typographic apostrophes straight, as many news feeds do.

    Examples:
        >>> fold_ascii("Côte d’Ivoire")
        "Cote d'Ivoire"
        >>> fold_ascii("Türkiye")
        'Turkiye'
    """
    text = text.replace("\u2019", "'").replace("\u02bb", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def split_list(value: str) -> list[str]:
    """Split a ``|``-separated cell, dropping blanks.

    Examples:
        >>> split_list("Moscow| the Kremlin |")
        ['Moscow', 'the Kremlin']
    """
    return [part.strip() for part in value.split("|") if part.strip()]


def unique(items: Iterable[str], *, exclude: Iterable[str] = ()) -> list[str]:
    """Keep the first occurrence of each item, in order, leaving out ``exclude``.

    Examples:
        >>> unique(["US", "U.S.", "US", "America"], exclude=["America"])
        ['US', 'U.S.']
    """
    seen = set(exclude)
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def with_folded(items: Iterable[str]) -> list[str]:
    """Each item followed by its ASCII-folded spelling when that differs.

    Examples:
        >>> with_folded(["Élysée", "Paris"])
        ['Élysée', 'Elysee', 'Paris']
    """
    out = []
    for item in items:
        out += [item, fold_ascii(item)]
    return unique(out)


def merge_row(iso: dict[str, str], curated: dict[str, str]) -> dict[str, str]:
    """One output row: ISO columns from pycountry, the rest from the curated row.

    ``iso`` has the keys alpha2, alpha3, numeric, iso_name, iso_official and iso_common
    (the last three may be empty). pycountry's own names that differ from the curated
    name are kept as aliases, so every ISO spelling stays a surface form.

    Examples:
        >>> iso = {"alpha2": "RU", "alpha3": "RUS", "numeric": "643", "iso_name": "Russian Federation",
        ...        "iso_official": "", "iso_common": ""}
        >>> row = merge_row(iso, {"name": "Russia", "aliases": "the Russian Federation"})
        >>> row["name"], row["official_name"], row["aliases"]
        ('Russia', 'Russian Federation', 'the Russian Federation')
    """
    name = curated.get("name") or iso["iso_common"] or iso["iso_name"]
    official = curated.get("official_name") or iso["iso_official"] or iso["iso_name"]
    iso_names = [iso["iso_name"], iso["iso_common"], iso["iso_official"]]
    row = {column: (curated.get(column) or "").strip() for column in COLUMNS}
    row.update(alpha2=iso["alpha2"], alpha3=iso["alpha3"], numeric=iso["numeric"], name=name, official_name=official)
    aliases = with_folded(split_list(row["aliases"]) + iso_names + [name, official])
    row["aliases"] = "|".join(unique(aliases, exclude=[name, official]))
    for column in ("adjectives", "demonyms", "capitals"):
        row[column] = "|".join(with_folded(split_list(row[column])))
    return row


def iter_iso() -> Iterator[dict[str, str]]:
    """pycountry's ISO 3166-1 entries as plain dicts."""
    for country in pycountry.countries:
        yield {
            "alpha2": country.alpha_2,
            "alpha3": country.alpha_3,
            "numeric": country.numeric,
            "iso_name": country.name,
            "iso_official": getattr(country, "official_name", "") or "",
            "iso_common": getattr(country, "common_name", "") or "",
        }


def build_rows(curated: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """Merge every ISO entry with its curated row, then add the curated non-ISO codes."""
    rows = [merge_row(iso, curated.get(iso["alpha3"], {})) for iso in iter_iso()]
    iso_codes = {row["alpha3"] for row in rows}
    for alpha3, extra in curated.items():
        if alpha3 in iso_codes:
            continue
        if not extra.get("alpha2"):
            raise ValueError(f"curated row {alpha3!r} is not an ISO code and has no alpha2; add one or drop the row")
        iso = {"alpha2": extra["alpha2"], "alpha3": alpha3, "numeric": extra.get("numeric", ""),
               "iso_name": "", "iso_official": "", "iso_common": ""}
        rows.append(merge_row(iso, extra))
    return sorted(rows, key=lambda row: row["alpha3"])


def generate_csv(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def read_curated(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["alpha3"]: row for row in csv.DictReader(handle)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether countries.csv is up to date")
    args = parser.parse_args(argv)
    text = generate_csv(build_rows(read_curated(CURATED)))
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        print("up to date" if current == text else f"{OUTPUT} is out of date: rerun without --check")
        return 0 if current == text else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({text.count(chr(10)) - 1} rows, pycountry {pycountry_version()})")
    return 0


def pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


if __name__ == "__main__":
    sys.exit(main())
