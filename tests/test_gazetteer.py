"""The reference tables (countries, organizations, leaders) and their loader."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from collections import defaultdict

import pycountry
import pytest

from kgraph.gazetteer import (
    AMBIGUOUS,
    OFFICES,
    SHARED_HEAD_OF_STATE_ROLES,
    Gazetteer,
    LeaderRecord,
    fold,
    form_key,
    load_gazetteer,
    parse_leaders,
)
from kgraph.model import Entity

from .conftest import EVAL, ROOT

GAZ = load_gazetteer()
UN_MEMBERS = GAZ.organizations["UN"].members
# Sovereign states outside the UN that news treats as actors.
OTHER_STATES = ("VAT", "PSE", "TWN", "XKX")
SOVEREIGN = (*UN_MEMBERS, *OTHER_STATES)
TODAY = dt.date(2026, 11, 26)
# Presidential terms whose successor is not in the table yet (see kgraph/data/README.md).
NO_CURRENT_HOLDER = frozenset({"BEN", "COL", "PER"})
# Kenya's grand-coalition prime minister (2008-2013) served beside a president who also headed the government.
SHARED_HEAD_OF_GOVERNMENT = frozenset({"KEN"})
NAMES_JSON = EVAL / "names.json"
NAMES: dict[str, str] = json.loads(NAMES_JSON.read_text(encoding="utf-8")) if NAMES_JSON.exists() else {}
needs_names = pytest.mark.skipif(not NAMES, reason="shared/eval/names.json not available")


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold_leader_rows() -> list[dict]:
    rows = []
    for path in sorted((EVAL / "dev").glob("gold-*.jsonl")) if EVAL.exists() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if row and row["relation"] == "leader_of":
                rows.append(row)
    return rows


def _article_date(doc: str) -> dt.date:
    head = (EVAL / "dev" / "articles" / doc).read_text(encoding="utf-8").splitlines()[:3]
    return dt.date.fromisoformat(next(line.split(":", 1)[1].strip() for line in head if line.startswith("date:")))


# -- countries ------------------------------------------------------------------------------


@pytest.mark.parametrize("iso", list(pycountry.countries), ids=lambda c: c.alpha_3)
def test_countries_every_pycountry_entry_present(iso):
    record = GAZ.countries[iso.alpha_3]
    assert (record.alpha2, record.numeric) == (iso.alpha_2, iso.numeric)
    assert fold(iso.name) in {fold(f.text) for f in GAZ.forms() if f.id == iso.alpha_3}


def test_countries_extra_codes():
    assert set(GAZ.countries) - {c.alpha_3 for c in pycountry.countries} == {"XKX"}
    assert GAZ.countries["XKX"].alpha2 == "XK"


@pytest.mark.parametrize("alpha3", SOVEREIGN)
def test_countries_sovereign_state_complete(alpha3):
    record = GAZ.countries[alpha3]
    assert record.qid and re.fullmatch(r"Q\d+", record.qid)
    assert record.adjectives and record.capitals and record.region and record.subregion
    assert record.demonyms or alpha3 == "VAT"  # the Holy See has no demonym
    assert record.lat is not None and -90 <= record.lat <= 90
    assert record.lon is not None and -180 <= record.lon <= 180


def test_countries_un_membership_count():
    assert len(UN_MEMBERS) == 193


@pytest.mark.parametrize(
    "alpha3, qid",
    [("RUS", "Q159"), ("USA", "Q30"), ("CHN", "Q148"), ("TJK", "Q863"), ("GBR", "Q145"), ("FRA", "Q142"),
     ("DEU", "Q183"), ("IND", "Q668"), ("JPN", "Q17"), ("QAT", "Q846"), ("XKX", "Q1246"), ("TWN", "Q865"),
     ("PSE", "Q219060")],
)
def test_countries_known_qids(alpha3, qid):
    assert GAZ.countries[alpha3].qid == qid


def test_countries_qids_unique():
    qids = [c.qid for c in GAZ.countries.values() if c.qid]
    assert len(qids) == len(set(qids))


def test_countries_csv_is_up_to_date():
    """countries.csv is exactly what build_countries.py makes from pycountry + the curated file."""
    build = _load_script("build_countries")
    expected = build.generate_csv(build.build_rows(build.read_curated(build.CURATED)))
    assert (ROOT / "kgraph" / "data" / "countries.csv").read_text(encoding="utf-8") == expected


@needs_names
def test_countries_name_is_eval_canonical():
    """A state's name is one of the eval's canonical spellings (names.json keys, lower-cased)."""
    keys = defaultdict(set)
    for key, code in NAMES.items():
        keys[code].add(key)
    wrong = [(a3, GAZ.countries[a3].name) for a3 in SOVEREIGN
             if keys[a3] - {a3.lower()} and fold(GAZ.countries[a3].name) not in keys[a3]]
    assert not wrong


@needs_names
def test_forms_every_eval_name_resolves():
    """Every name the eval knows (765 of them) finds its entity; one test, for speed."""
    misses = []
    for key, code in NAMES.items():
        if key == code.lower() and code in GAZ.countries:
            found = {GAZ.country(key).alpha3}  # a bare alpha-3 code
        else:
            # names.json keys are lower-cased; lookup() keeps "adb" from matching an acronym, so try capitals too.
            found = {f.id for f in GAZ.lookup(key) + GAZ.lookup(key.upper())}
        if code not in found:
            misses.append((key, code, found))
    assert not misses


# -- surface forms --------------------------------------------------------------------------


def test_forms_single_owner_or_ambiguous():
    owners = defaultdict(set)
    for form in GAZ.forms():
        owners[form_key(form.text)].add((form.kind, form.id))
    for form in GAZ.forms():
        assert len(owners[form_key(form.text)]) == 1 or form.ambiguous, form


def test_forms_curated_ambiguous_are_flagged():
    texts = {form_key(t) for t in AMBIGUOUS}
    flagged = [f for f in GAZ.forms() if form_key(f.text) in texts]
    assert flagged and all(f.ambiguous for f in flagged)


def test_forms_well_formed():
    for form in GAZ.forms():
        assert form.text == form.text.strip() and form.text
        assert form.kind in ("Country", "Organization")
        assert form.form in ("name", "official", "alias", "adjective", "demonym", "capital", "acronym")


@pytest.mark.parametrize(
    "text, code, form",
    [("Tajik", "TJK", "adjective"), ("Kremlin", "RUS", "capital"), ("the Kremlin", "RUS", "capital"),
     ("The Kremlin", "RUS", "capital"), ("Emirati", "ARE", "adjective"), ("Filipino", "PHL", "demonym"),
     ("Kiwis", "NZL", "demonym"), ("Türkiye", "TUR", "alias"), ("Turkiye", "TUR", "alias"), ("DPRK", "PRK", "alias"),
     ("Burma", "MMR", "alias"), ("Czechia", "CZE", "alias"), ("Cote d'Ivoire", "CIV", "alias"),
     ("Downing Street", "GBR", "capital"), ("Élysée", "FRA", "capital"), ("Elysee", "FRA", "capital"),
     ("Kiev", "UKR", "capital"), ("U.S.", "USA", "alias"), ("America", "USA", "alias"), ("Britain", "GBR", "alias"),
     ("the Netherlands", "NLD", "alias"), ("Holland", "NLD", "alias"), ("the Philippines", "PHL", "alias"),
     ("Russian Federation", "RUS", "official"), ("European Commission", "EU", "alias"), ("Nato", "NATO", "alias"),
     ("the Arab League", "LAS", "alias"), ("OPEC+", "OPEC+", "acronym")],
)
def test_lookup_finds_form(text, code, form):
    assert (code, form) in {(f.id, f.form) for f in GAZ.lookup(text)}


@pytest.mark.parametrize("text", ["Georgia", "Jordan", "Korea", "Congo", "Washington", "the North", "Brussels",
                                  "Dominican", "Congolese", "American"])
def test_lookup_ambiguous(text):
    forms = GAZ.lookup(text)
    assert forms and all(f.ambiguous for f in forms)


def test_lookup_brussels_names_eu_and_belgium():
    assert {f.id for f in GAZ.lookup("Brussels")} == {"EU", "BEL"}


@pytest.mark.parametrize("text", ["who", "us", "un", "eu", "nothing like a country"])
def test_lookup_lowercase_words_miss_acronyms(text):
    assert GAZ.lookup(text) == []


@pytest.mark.parametrize("code, alpha3", [("RUS", "RUS"), ("ru", "RUS"), ("Russia", "RUS"), ("the UK", "GBR"),
                                          ("Ivory Coast", "CIV"), ("Kosovo", "XKX")])
def test_country_by_code_or_name(code, alpha3):
    assert GAZ.country(code).alpha3 == alpha3


def test_country_unknown_or_ambiguous_is_none():
    assert GAZ.country("Atlantis") is None
    assert GAZ.country("Congo") is None


def test_entities():
    assert GAZ.country_entity("TJK") == Entity(type="Country", id="TJK", name="Tajikistan", qid="Q863")
    assert GAZ.organization_entity("EU") == Entity(type="Organization", id="EU", name="European Union", qid="Q458")
    with pytest.raises(KeyError):
        GAZ.country_entity("ZZZ")
    with pytest.raises(KeyError):
        GAZ.organization_entity("NOPE")


# -- organizations --------------------------------------------------------------------------

REQUIRED_ORGS = ("EU NATO UN UNSC UNGA UNHCR WFP WHO IAEA UNICEF ASEAN AU GCC LAS OIC CSTO EAEU CIS SCO BRICS G7 G20 "
                 "OPEC OPEC+ WTO IMF WB EBRD AIIB ADB AfDB IDB OSCE COE MERCOSUR ECOWAS SADC EAC CARICOM APEC PIF QUAD "
                 "AUKUS CICA IGAD OAS CELAC COMMONWEALTH ICC ICJ INTERPOL").split()


def test_organizations_required_present():
    assert not set(REQUIRED_ORGS) - set(GAZ.organizations)
    assert len(GAZ.organizations) >= 45


@needs_names
@pytest.mark.parametrize("key, code", sorted((k, v) for k, v in NAMES.items() if v not in GAZ.countries))
def test_organizations_ids_match_eval_codes(key, code):
    assert code in GAZ.organizations
    assert GAZ.organization(key).id == code


@pytest.mark.parametrize("org", GAZ.organizations.values(), ids=lambda o: o.id)
def test_organizations_members_are_alpha3(org):
    assert not set(org.members) - set(GAZ.countries)
    assert len(org.members) == len(set(org.members))
    assert org.qid is None or re.fullmatch(r"Q\d+", org.qid)


@pytest.mark.parametrize("org_id, members", [("EU", 27), ("NATO", 32), ("GCC", 6), ("G7", 7), ("G20", 19),
                                             ("BRICS", 10), ("ASEAN", 11), ("CSTO", 6), ("EAEU", 5)])
def test_organizations_member_counts(org_id, members):
    assert len(GAZ.organizations[org_id].members) == members


# -- leaders --------------------------------------------------------------------------------


def test_leaders_records_valid():
    for leader in GAZ.leaders:
        assert leader.country in GAZ.countries, leader
        assert leader.office in OFFICES, leader
        assert leader.end is None or leader.start < leader.end, leader
        assert leader.name and leader.role == leader.role.strip()
        assert leader.qid is None or re.fullmatch(r"Q\d+", leader.qid)


@pytest.mark.parametrize("office", OFFICES)
def test_leaders_one_holder_per_office_at_a_time(office):
    by_country = defaultdict(list)
    for leader in GAZ.leaders:
        if leader.office == office and leader.role not in SHARED_HEAD_OF_STATE_ROLES:
            by_country[leader.country].append(leader)
    for country, records in by_country.items():
        if office == "head_of_government" and country in SHARED_HEAD_OF_GOVERNMENT:
            continue
        for record in records:
            holders = {r.name for r in records if r.in_office(record.start)}
            assert len(holders) == 1, (country, record.start, holders)


@pytest.mark.parametrize("alpha3", SOVEREIGN)
def test_leaders_current_holder_for_every_state(alpha3):
    holders = GAZ.leaders_on(alpha3, TODAY)
    assert bool(holders) != (alpha3 in NO_CURRENT_HOLDER)


def test_leaders_on_russia_2024():
    holders = GAZ.leaders_on("RUS", dt.date(2024, 12, 25))
    assert [(r.name, r.office) for r in holders] == [("Vladimir Putin", "head_of_state"),
                                                     ("Mikhail Mishustin", "head_of_government")]


def test_leaders_on_uk_head_of_government_2021():
    assert [r.name for r in GAZ.leaders_on("GBR", dt.date(2021, 6, 1), "head_of_government")] == ["Boris Johnson"]


@pytest.mark.parametrize("on", [dt.date(2019, 1, 1), dt.date(2025, 3, 1)])
def test_leaders_on_us_trump_both_terms(on):
    assert [r.name for r in GAZ.leaders_on("USA", on)] == ["Donald Trump"]
    assert [r.name for r in GAZ.leaders_on("USA", on, "head_of_government")] == ["Donald Trump"]


def test_leaders_on_hand_over_day_gives_successor():
    assert [r.name for r in GAZ.leaders_on("USA", dt.date(2021, 1, 20))] == ["Joe Biden"]


def test_leaders_on_accepts_alpha2_and_name():
    assert GAZ.leaders_on("RU", dt.date(2024, 12, 25)) == GAZ.leaders_on("Russia", dt.date(2024, 12, 25))


def test_leaders_qatar_emir_is_head_of_state():
    (emir,) = GAZ.leaders_on("QAT", dt.date(2019, 6, 15), "head_of_state")
    assert (emir.name, emir.role) == ("Tamim bin Hamad Al Thani", "emir")


@pytest.mark.parametrize("name, on, expected", [
    ("Putin", dt.date(2010, 1, 1), ("Vladimir Putin", "RUS", "prime minister")),
    ("President Rahmon", None, ("Emomali Rahmon", "TJK", "president")),
    ("MBS", None, ("Mohammed bin Salman", "SAU", "prime minister")),
    ("Erdogan", dt.date(2020, 1, 1), ("Recep Tayyip Erdoğan", "TUR", "president")),
    ("Lula", dt.date(2024, 1, 1), ("Luiz Inácio Lula da Silva", "BRA", "president")),
    ("Xi", dt.date(2015, 1, 9), ("Xi Jinping", "CHN", "president")),
    ("Ferdinand R. Marcos, Jr.", dt.date(2024, 7, 8), ("Ferdinand Marcos Jr.", "PHL", "president")),
    ("Sheikh Tamim", dt.date(2019, 6, 15), ("Tamim bin Hamad Al Thani", "QAT", "emir")),
])
def test_find_leaders(name, on, expected):
    first = GAZ.find_leaders(name, on)[0]
    assert (first.name, first.country, first.role) == expected


def test_find_leaders_bin_name_is_not_a_surname():
    assert all(r.name != "Mohammed bin Salman" for r in GAZ.find_leaders("Salman"))


@pytest.mark.parametrize("row", _gold_leader_rows(), ids=lambda r: r["id"])
def test_find_leaders_every_gold_leader_in_office(row):
    on = _article_date(row["doc"])
    country = GAZ.country(row["object"]).alpha3
    matches = [r for r in GAZ.find_leaders(row["subject"], on) if r.country == country and r.in_office(on)]
    assert matches, (row["subject"], country, on)


def test_leader_entity_id_is_qid_or_slug():
    putin = GAZ.find_leaders("Vladimir Putin")[0]
    assert GAZ.leader_entity(putin) == Entity(type="Leader", id="Q7747", name="Vladimir Putin", qid="Q7747",
                                               country="RUS", role="president")
    rahmon = GAZ.find_leaders("Emomali Rahmon")[0]
    assert GAZ.leader_entity(rahmon).id == (rahmon.qid or "emomali-rahmon")


def test_gazetteer_from_records():
    leader = LeaderRecord(None, "Ann Example", ("Example",), "RUS", "president", "head_of_state",
                          dt.date(2030, 1, 1), None)
    gaz = Gazetteer({"RUS": GAZ.countries["RUS"]}, {}, [leader])
    assert gaz.leaders_on("RUS", dt.date(2031, 1, 1)) == [leader]
    assert gaz.find_leaders("example") == [leader]


# -- refresh script -------------------------------------------------------------------------

SAMPLE = ROOT / "tests" / "data" / "wikidata_leaders_sample.json"


def test_refresh_leaders_sample():
    refresh = _load_script("refresh_leaders")
    text, dropped = refresh.refresh(SAMPLE.read_text(encoding="utf-8"))
    assert dropped == 1  # the statement without a start date
    records = parse_leaders(text)
    biden = [r for r in records if r.name == "Joe Biden"]
    assert {r.office for r in biden} == set(OFFICES)
    assert text.count("Joe Biden,") == 1  # both offices in one row
    putin = next(r for r in records if r.qid == "Q7747")
    assert (putin.country, putin.role, putin.start, putin.end) == ("RUS", "president", dt.date(2012, 5, 7), None)


def test_refresh_leaders_merge_keeps_curated():
    refresh = _load_script("refresh_leaders")
    curated = (ROOT / "kgraph" / "data" / "leaders.csv").read_text(encoding="utf-8")
    text, _ = refresh.refresh(SAMPLE.read_text(encoding="utf-8"), curated)
    records = parse_leaders(text)
    assert {r.country for r in records} == {r.country for r in GAZ.leaders}
    putin = next(r for r in records if r.qid == "Q7747" and r.start == dt.date(2012, 5, 7))
    assert "Putin" in putin.aliases  # curated alias survives the refresh
    assert not any(r.name == "Mikhail Mishustin" for r in records)  # RUS now comes from the export only


def test_refresh_leaders_cli(tmp_path, capsys):
    refresh = _load_script("refresh_leaders")
    out = tmp_path / "leaders.csv"
    assert refresh.main([str(SAMPLE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("qid,name,aliases,country,role,office,start,end\n")
    assert "1 statements without a start date" in capsys.readouterr().err
