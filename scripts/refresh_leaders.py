"""Rebuild ``kgraph/data/leaders.csv`` from a Wikidata export of heads of state and government.

Run this query at https://query.wikidata.org and download the result as JSON (SPARQL 1.1
results format) or CSV; nothing is fetched by this script or at run time::

    SELECT ?country ?iso3 ?office ?person ?personLabel ?roleLabel ?start ?end
           (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases)
    WHERE {
      {
        ?country wdt:P298 ?iso3 ; p:P35 ?stmt .
        ?stmt ps:P35 ?person .
        OPTIONAL { ?country wdt:P1906 ?role }          # office held by head of state
        BIND("head_of_state" AS ?office)
      } UNION {
        ?country wdt:P298 ?iso3 ; p:P6 ?stmt .
        ?stmt ps:P6 ?person .
        OPTIONAL { ?country wdt:P1313 ?role }          # office held by head of government
        BIND("head_of_government" AS ?office)
      }
      ?person wdt:P31 wd:Q5 .
      OPTIONAL { ?stmt pq:P580 ?start }
      OPTIONAL { ?stmt pq:P582 ?end }
      OPTIONAL { ?person skos:altLabel ?alias . FILTER(LANG(?alias) = "en") }
      FILTER(!BOUND(?end) || ?end >= "2000-01-01T00:00:00Z"^^xsd:dateTime)
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
    }
    GROUP BY ?country ?iso3 ?office ?person ?personLabel ?roleLabel ?start ?end
    ORDER BY ?iso3 ?office ?start

Each binding becomes a row of leaders.csv: the QID from the person's IRI, the English label
as the name, the English aliases, the alpha-3 code (P298), a short role ("President of
Russia" -> "president"), the office and the start/end qualifiers (day precision). A person
who holds both offices for the same term (the US president) gets one row with the office
"head_of_state|head_of_government", as in the curated file. Statements without a start date
are dropped and counted.

With ``--merge`` the curated file is the base: rows of countries the export does not cover
are kept, and curated aliases of a person (matched by QID and country) are kept beside
Wikidata's, since they carry the forms news uses ("MBS", "Erdogan").

Usage::

    python scripts/refresh_leaders.py export.json --merge kgraph/data/leaders.csv -o kgraph/data/leaders.csv
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

COLUMNS: tuple[str, ...] = ("qid", "name", "aliases", "country", "role", "office", "start", "end")
OFFICES: tuple[str, ...] = ("head_of_state", "head_of_government")
_QID = re.compile(r"(Q\d+)$")
_ROLE_TAIL = re.compile(r"\s+(of|of the)\s+.*$", re.IGNORECASE)


def qid_of(value: str) -> str:
    """The QID at the end of a Wikidata entity IRI.

    Examples:
        >>> qid_of("http://www.wikidata.org/entity/Q7747")
        'Q7747'
        >>> qid_of("")
        ''
    """
    match = _QID.search(value.strip())
    return match.group(1) if match else ""


def day_of(value: str) -> str:
    """The YYYY-MM-DD part of an xsd:dateTime, or "" when absent.

    Examples:
        >>> day_of("2012-05-07T00:00:00Z")
        '2012-05-07'
    """
    return value.strip()[:10] if value.strip() else ""


def short_role(label: str, office: str) -> str:
    """A lower-case role from the label of the country's office.

    Examples:
        >>> short_role("President of Russia", "head_of_state")
        'president'
        >>> short_role("Prime Minister of the United Kingdom", "head_of_government")
        'prime minister'
        >>> short_role("", "head_of_government")
        'head of government'
    """
    role = _ROLE_TAIL.sub("", label.strip()).lower()
    return role or office.replace("_", " ")


def parse_export(text: str) -> list[dict[str, str]]:
    """Flatten a SPARQL JSON result or a CSV download into dicts of plain strings.

    Examples:
        >>> doc = {"head": {"vars": ["iso3"]}, "results": {"bindings": [{"iso3": {"type": "literal", "value": "RUS"}}]}}
        >>> parse_export(json.dumps(doc))
        [{'iso3': 'RUS'}]
        >>> parse_export("iso3,start\\nRUS,2012-05-07T00:00:00Z\\n")
        [{'iso3': 'RUS', 'start': '2012-05-07T00:00:00Z'}]
    """
    stripped = text.lstrip()
    if stripped.startswith("{"):
        data = json.loads(stripped)
        return [{key: cell.get("value", "") for key, cell in binding.items()} for binding in data["results"]["bindings"]]
    return [dict(row) for row in csv.DictReader(io.StringIO(stripped))]


def to_rows(bindings: Iterable[dict[str, str]]) -> tuple[list[dict[str, str]], int]:
    """Leader rows from flattened bindings, and the number of statements dropped (no start).

    Rows for the same person, country and term in both offices are merged into one.
    """
    merged: dict[tuple[str, str, str, str], dict[str, str]] = {}
    dropped = 0
    for binding in bindings:
        office = binding.get("office", "")
        start = day_of(binding.get("start", ""))
        country = binding.get("iso3", "").strip().upper()
        name = binding.get("personLabel", "").strip()
        if not start or office not in OFFICES or not country or not name:
            dropped += 1
            continue
        qid = qid_of(binding.get("person", ""))
        end = day_of(binding.get("end", ""))
        key = (qid or name, country, start, end)
        aliases = [a.strip() for a in binding.get("aliases", "").split("|") if a.strip() and a.strip() != name]
        row = merged.get(key)
        if row is None:
            merged[key] = {
                "qid": qid, "name": name, "aliases": "|".join(dict.fromkeys(aliases)), "country": country,
                "role": short_role(binding.get("roleLabel", ""), office), "office": office, "start": start, "end": end,
            }
            continue
        offices = set(row["office"].split("|")) | {office}
        row["office"] = "|".join(o for o in OFFICES if o in offices)
        row["aliases"] = "|".join(a for a in dict.fromkeys([*row["aliases"].split("|"), *aliases]) if a)
    rows = sorted(merged.values(), key=lambda r: (r["country"], r["office"], r["start"]))
    return rows, dropped


def merge_rows(fresh: list[dict[str, str]], curated: list[dict[str, str]]) -> list[dict[str, str]]:
    """Fresh rows plus the curated rows of countries the export lacks, keeping curated aliases.

    Examples:
        >>> fresh = [{"qid": "Q7747", "name": "Vladimir Putin", "aliases": "", "country": "RUS",
        ...           "role": "president", "office": "head_of_state", "start": "2012-05-07", "end": ""}]
        >>> curated = [dict(fresh[0], aliases="Putin"), {"qid": "", "name": "Emomali Rahmon", "aliases": "Rahmon",
        ...            "country": "TJK", "role": "president", "office": "head_of_state", "start": "1994-11-16", "end": ""}]
        >>> [(r["name"], r["aliases"]) for r in merge_rows(fresh, curated)]
        [('Vladimir Putin', 'Putin'), ('Emomali Rahmon', 'Rahmon')]
    """
    covered = {row["country"] for row in fresh}
    curated_aliases: dict[tuple[str, str], list[str]] = {}
    for row in curated:
        if row["qid"]:
            curated_aliases.setdefault((row["qid"], row["country"]), []).extend(row["aliases"].split("|"))
    out = []
    for row in fresh:
        extra = curated_aliases.get((row["qid"], row["country"]), [])
        aliases = [a for a in dict.fromkeys([*row["aliases"].split("|"), *extra]) if a and a != row["name"]]
        out.append(dict(row, aliases="|".join(aliases)))
    out += [row for row in curated if row["country"] not in covered]
    return sorted(out, key=lambda r: (r["country"], r["office"], r["start"]))


def generate_csv(rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def refresh(export_text: str, curated_text: str | None = None) -> tuple[str, int]:
    """The new leaders.csv text and the number of dropped statements."""
    rows, dropped = to_rows(parse_export(export_text))
    if curated_text is not None:
        rows = merge_rows(rows, list(csv.DictReader(io.StringIO(curated_text))))
    return generate_csv(rows), dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path, help="Wikidata query result (.json or .csv)")
    parser.add_argument("--merge", type=Path, help="curated leaders.csv to keep aliases and uncovered countries from")
    parser.add_argument("-o", "--output", type=Path, help="where to write (default: stdout)")
    args = parser.parse_args(argv)
    curated = args.merge.read_text(encoding="utf-8") if args.merge else None
    text, dropped = refresh(args.export.read_text(encoding="utf-8"), curated)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{text.count(chr(10)) - 1} rows; {dropped} statements without a start date dropped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
