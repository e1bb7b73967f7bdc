"""Checks on the knowledge-base data files in src/polevents/kb/.

They guard the shape that the loader and resolver rely on: unique ids, valid ISO and role
codes, coordinates in range, and a few anchor entries that coding depends on.
"""

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

KB = Path(__file__).parents[1] / "src/polevents/kb"

ROLE_CODES = set(
    "GOV MIL COP REB OPP LEG JUD CVL MED BUS REF EDU HLH SPY UAF LAB REL HRI IGO NGO".split()
)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@lru_cache(maxsize=None)
def load_yaml(name):
    with open(KB / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


@lru_cache(maxsize=None)
def load_tsv(name):
    with open(KB / name, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = list(reader)
    header, body = rows[0], rows[1:]
    return header, [dict(zip(header, r)) for r in body], body


def countries():
    return load_yaml("countries.yaml")


def country_codes():
    return {c["code"] for c in countries()}


def organisations():
    return load_yaml("organisations.yaml")


def by_code(code):
    return next(c for c in countries() if c["code"] == code)


def org_named(name):
    found = [o for o in organisations() if name in o["names"]]
    assert len(found) == 1, f"{name!r} names {len(found)} organisations"
    return found[0]


def folded(text):
    """Case- and accent-insensitive form, without a leading "the" (how phrases are looked up)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    return text[4:] if text.startswith("the ") else text


def is_str_list(value):
    return isinstance(value, list) and all(isinstance(x, str) and x.strip() == x and x for x in value)


# ---- countries.yaml ----


def test_countries_is_a_list_of_at_least_240():
    data = countries()
    assert isinstance(data, list)
    assert len(data) >= 240


def test_country_ids_and_codes_are_unique_and_well_formed():
    data = countries()
    ids = [c["id"] for c in data]
    assert len(ids) == len(set(ids))
    codes = [c["code"] for c in data]
    assert len(codes) == len(set(codes))
    for c in data:
        assert re.fullmatch(r"[A-Z]{3}", c["code"]), c["code"]
        assert c["id"] == f"country.{c['code']}"


def test_country_fields():
    for c in countries():
        assert isinstance(c["name"], str) and c["name"]
        assert is_str_list(c["names"]) and c["name"] in c["names"], c["id"]
        assert is_str_list(c["adjectives"]), c["id"]
        assert is_str_list(c["capital_aliases"]), c["id"]
        assert -90 <= c["lat"] <= 90 and -180 <= c["lon"] <= 180, c["id"]
        cap = c["capital"]
        if cap is not None:
            assert isinstance(cap["name"], str) and cap["name"]
            assert -90 <= cap["lat"] <= 90 and -180 <= cap["lon"] <= 180, c["id"]
        for seat in c["seats"]:
            assert isinstance(seat["text"], str) and seat["text"], c["id"]
            assert seat["sectors"] and set(seat["sectors"]) <= ROLE_CODES, (c["id"], seat)


@pytest.mark.parametrize("code", ["ISR", "RUS", "UKR", "USA", "XKX", "PSE", "TWN", "ESH", "HKG", "VAT"])
def test_required_countries_present(code):
    assert code in country_codes()


@pytest.mark.parametrize(
    "code, adjective",
    [("ISR", "Israeli"), ("UKR", "Ukrainian"), ("USA", "American"), ("USA", "Americans"),
     ("GBR", "British"), ("GBR", "Britons"), ("RUS", "Russian"), ("PSE", "Palestinian")],
)
def test_adjectives(code, adjective):
    assert adjective in by_code(code)["adjectives"]


@pytest.mark.parametrize(
    "code, name",
    [("USA", "US"), ("USA", "U.S."), ("USA", "United States"), ("MMR", "Burma"),
     ("CIV", "Ivory Coast"), ("CIV", "Côte d'Ivoire"), ("XKX", "Kosovo"), ("TUR", "Türkiye")],
)
def test_country_names(code, name):
    assert name in by_code(code)["names"]


def test_washington_stands_for_the_united_states():
    usa = by_code("USA")
    assert usa["capital"]["name"] == "Washington"
    assert "Washington DC" in usa["capital_aliases"]


@pytest.mark.parametrize(
    "text, code, sector",
    [("Kremlin", "RUS", "GOV"), ("White House", "USA", "GOV"), ("Pentagon", "USA", "MIL"),
     ("Downing Street", "GBR", "GOV"), ("Knesset", "ISR", "LEG"), ("Bundestag", "DEU", "LEG"),
     ("Zhongnanhai", "CHN", "GOV"), ("Élysée", "FRA", "GOV")],
)
def test_seats(text, code, sector):
    seats = [(c["code"], s["sectors"][0]) for c in countries() for s in c["seats"] if s["text"] == text]
    assert seats == [(code, sector)]


# ---- organisations.yaml ----


def test_organisations_count_and_unique_ids():
    data = organisations()
    assert isinstance(data, list) and len(data) >= 250
    ids = [o["id"] for o in data]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("org.") for i in ids)


def test_organisation_fields():
    codes = country_codes()
    for o in organisations():
        assert re.fullmatch(r"(?:[A-Z0-9]{3})+", o["code"]), o["id"]
        assert isinstance(o["name"], str) and is_str_list(o["names"]) and o["name"] in o["names"], o["id"]
        assert o["country"] is None or o["country"] in codes, o["id"]
        assert set(o["sectors"]) <= ROLE_CODES, o["id"]
        for p in o.get("periods", []):
            assert set(p) <= {"from", "until", "code", "sectors"}, o["id"]
            assert re.fullmatch(r"(?:[A-Z0-9]{3})+", p["code"]) and set(p["sectors"]) <= ROLE_CODES, o["id"]
            for k in ("from", "until"):
                if k in p:
                    assert isinstance(p[k], str) and ISO_DATE.match(p[k]), o["id"]


def test_organisation_names_are_not_shared():
    seen = {}
    for o in organisations():
        for n in {folded(n) for n in o["names"]}:
            assert n not in seen, f"{n!r} in {seen.get(n)} and {o['id']}"
            seen[n] = o["id"]


def test_organisation_names_do_not_name_countries_or_places():
    taken = set()
    for c in countries():
        taken.update(folded(n) for n in c["names"] + c["adjectives"])
    for r in load_tsv("places.tsv")[1]:
        taken.update(folded(n) for n in [r["name"], *r["aliases"].split("|")] if n)
    clashes = [(o["id"], n) for o in organisations() for n in o["names"] if folded(n) in taken]
    assert clashes == []


@pytest.mark.parametrize(
    "name, code",
    [("NATO", "IGOWSTNAT"), ("Nato", "IGOWSTNAT"), ("Hamas", "PSEREBHMS"), ("Islamic State", "IMGMUSISI"),
     ("Isis", "IMGMUSISI"), ("ISIL", "IMGMUSISI"), ("Daesh", "IMGMUSISI"), ("IS", "IMGMUSISI"),
     ("Hezbollah", "LBNREB"), ("United Nations", "IGOUNO"), ("IAEA", "IGOUNOIAE"),
     ("European Union", "IGOEUREEC"), ("African Union", "IGOAFRAFU"), ("Arab League", "IGOMEAARL"),
     ("ASEAN", "IGOSEAASN"), ("Palestinian Authority", "PSEGOV"), ("IRGC", "IRNMIL"),
     ("Mossad", "ISRSPY"), ("CIA", "USASPY"), ("FBI", "USACOP"), ("SDF", "SYRREB"), ("PKK", "TURREB")],
)
def test_organisation_codes(name, code):
    assert org_named(name)["code"] == code


def test_media_are_coded_med():
    for name, code in [("Reuters", "GBRMED"), ("Xinhua", "CHNMED"), ("TASS", "RUSMED"), ("Al Jazeera", "QATMED")]:
        org = org_named(name)
        assert org["code"] == code and org["sectors"] == ["MED"]


def test_periods_change_the_code():
    taliban = org_named("Taliban")
    assert [p["code"] for p in taliban["periods"]] == ["AFGREB", "AFGGOV", "AFGREB", "AFGGOV"]
    assert org_named("HTS")["periods"][-1]["code"] == "SYRGOV"


# ---- places.tsv ----


def test_places_header_and_rows():
    header, rows, raw = load_tsv("places.tsv")
    assert header == ["id", "name", "aliases", "country", "lat", "lon", "kind"]
    assert all(len(r) == len(header) for r in raw)
    assert len(rows) >= 400


def test_places_values():
    _, rows, _ = load_tsv("places.tsv")
    codes = country_codes()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    names = []
    for r in rows:
        assert r["id"].startswith("place."), r
        assert r["name"] and r["name"] == r["name"].strip(), r
        aliases = r["aliases"].split("|") if r["aliases"] else []
        assert all(a and a == a.strip() for a in aliases), r
        names += sorted({folded(n) for n in [r["name"], *aliases]})
        assert r["country"] == "" or r["country"] in codes, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert r["kind"] in {"city", "region", "site"}, r
    assert len(names) == len(set(names)), "a place name or alias is used twice"


@pytest.mark.parametrize(
    "name, country",
    [("Aleppo", "SYR"), ("Idlib", "SYR"), ("Mosul", "IRQ"), ("Gaza City", "PSE"), ("West Bank", "PSE"),
     ("Donetsk", "UKR"), ("Crimea", "UKR"), ("Kandahar", "AFG"), ("Benghazi", "LBY"), ("Darfur", "SDN"),
     ("Hodeidah", "YEM"), ("Xinjiang", "CHN"), ("Geneva", "CHE"), ("New York", "USA"), ("Odessa", "UKR")],
)
def test_known_places(name, country):
    _, rows, _ = load_tsv("places.tsv")
    hits = [r for r in rows if name == r["name"] or name in r["aliases"].split("|")]
    assert [r["country"] for r in hits] == [country]


# ---- sectors.tsv ----


def test_sectors_header_and_rows():
    header, rows, raw = load_tsv("sectors.tsv")
    assert header == ["id", "phrase", "sectors", "kind"]
    assert all(len(r) == len(header) for r in raw)
    assert len(rows) >= 400


def test_sectors_values():
    _, rows, _ = load_tsv("sectors.tsv")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    phrases = [r["phrase"] for r in rows]
    assert len(phrases) == len(set(phrases))
    for r in rows:
        assert r["id"].startswith("sector."), r
        # lower case, or capitalised where only the capitalised word is a title ("Major")
        assert r["phrase"] in (r["phrase"].lower(), r["phrase"].title()), r
        assert r["phrase"] == r["phrase"].strip() and r["phrase"], r
        secs = r["sectors"].split("|")
        assert secs and set(secs) <= ROLE_CODES, r
        assert r["kind"] in {"title", "noun"}, r


@pytest.mark.parametrize(
    "phrase, sector",
    [("president", "GOV"), ("prime minister", "GOV"), ("foreign minister", "GOV"), ("spokesman", "GOV"),
     ("troops", "MIL"), ("army", "MIL"), ("police", "COP"), ("security forces", "COP"), ("rebel", "REB"),
     ("militant", "REB"), ("gunman", "UAF"), ("opposition", "OPP"), ("protester", "CVL"), ("parliament", "LEG"),
     ("court", "JUD"), ("civilian", "CVL"), ("journalist", "MED"), ("company", "BUS"), ("refugee", "REF"),
     ("student", "EDU"), ("doctor", "HLH"), ("spy", "SPY"), ("worker", "LAB"), ("cleric", "REL"),
     ("rights group", "HRI"), ("aid agency", "NGO"), ("peacekeeper", "IGO")],
)
def test_sector_phrases(phrase, sector):
    _, rows, _ = load_tsv("sectors.tsv")
    row = next(r for r in rows if r["phrase"] == phrase)
    assert row["sectors"].split("|")[0] == sector


def test_the_bundled_loader_reads_the_files():
    loader = pytest.importorskip("polevents.kb.loader")
    kb = loader.KnowledgeBase()
    loader.load_countries(kb, KB / "countries.yaml")
    loader.load_organisations(kb, KB / "organisations.yaml")
    loader.load_places(kb, KB / "places.tsv")
    loader.load_sectors(kb, KB / "sectors.tsv")
    assert kb.lookup("Kremlin")[0][0].code == "RUS"
    assert kb.lookup("Nato")[0][0].code == "IGOWSTNAT"


def test_ids_are_unique_across_files():
    ids = [c["id"] for c in countries()] + [o["id"] for o in organisations()]
    ids += [r["id"] for r in load_tsv("places.tsv")[1]] + [r["id"] for r in load_tsv("sectors.tsv")[1]]
    assert len(ids) == len(set(ids))
