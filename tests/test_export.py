"""Exports: CSV, monthly Parquet, the GDELT 2.0 event table and PLOVER JSONL."""

import csv
import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from polevents import export
from polevents.query import Filters

SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared/data/codebooks/gdelt_events2_schema.csv"


def gdelt_rows(path):
    return [line.split("\t") for line in Path(path).read_text(encoding="utf-8").splitlines()]


def test_gdelt_table_has_61_tab_separated_columns_one_row_per_cluster(db, tmp_path):
    out = tmp_path / "events.tsv"
    assert export.export(db, "gdelt", out) == 13
    rows = gdelt_rows(out)
    assert len(rows) == 13 and {len(r) for r in rows} == {61}
    assert len(export.GDELT_COLUMNS) == 61 and len(set(export.GDELT_COLUMNS)) == 61


def test_gdelt_fields_for_the_kharkiv_shelling(db, tmp_path):
    out = tmp_path / "events.tsv"
    export.export(db, "gdelt", out)
    rows = [dict(zip(export.GDELT_COLUMNS, r)) for r in gdelt_rows(out)]
    [r] = [r for r in rows if r["EventCode"] == "195" and r["SQLDATE"] == "20220305"]
    assert (r["Actor1Code"], r["Actor1CountryCode"], r["Actor1Type1Code"]) == ("RUSMIL", "RUS", "MIL")
    assert (r["Actor2Code"], r["Actor2CountryCode"]) == ("UKR", "UKR")
    assert (r["EventBaseCode"], r["EventRootCode"], r["QuadClass"]) == ("195", "19", "4")
    assert float(r["GoldsteinScale"]) == -10.0
    assert (r["NumMentions"], r["NumSources"], r["NumArticles"]) == ("2", "2", "2")
    assert (r["MonthYear"], r["Year"], r["FractionDate"]) == ("202203", "2022", "2022.2603")
    assert (r["ActionGeo_FullName"], r["ActionGeo_Lat"], r["ActionGeo_Long"]) == ("Kharkiv", "49.99",
                                                                                 "36.23")
    assert r["SOURCEURL"] == "https://example.org/ap/kharkiv" and len(r["DATEADDED"]) == 14
    assert r["GLOBALEVENTID"].isdigit() and r["IsRootEvent"] == "1"
    eu = next(r for r in rows if r["Actor1Code"] == "IGOEUREEC")
    assert (eu["Actor1CountryCode"], eu["Actor1KnownGroupCode"], eu["Actor1Type1Code"]) == ("", "EEC",
                                                                                             "IGO")


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="shared codebooks not present")
def test_gdelt_columns_match_the_published_schema():
    with open(SHARED_SCHEMA, encoding="utf-8") as f:
        assert export.GDELT_COLUMNS == [row["name"] for row in csv.DictReader(f)]


@pytest.mark.parametrize("code, country, expected", [
    ("ISRGOV", "ISR", ("ISR", "", [], ["GOV"])),
    ("PSEREBHMS", None, ("PSE", "HMS", [], ["REB"])),
    ("IMGMUSISI", None, ("", "ISI", ["MUS"], ["IMG"])),
    ("IGOWSTNAT", None, ("", "NAT", [], ["IGO"])),
    ("---REB", None, ("", "", [], ["REB"])),
])
def test_split_actor_code(code, country, expected):
    p = export.split_actor_code(code, country)
    assert (p["country"], p["known"], p["religions"], p["types"]) == expected


def test_csv_has_one_row_per_mention_with_its_cluster(db, tmp_path):
    out = tmp_path / "events.csv"
    assert export.export(db, "csv", out) == 15
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 15 and all(r["cluster_id"] for r in rows)
    assert "record" not in rows[0] and rows[0]["day"] == "2022-03-05"


def test_parquet_is_partitioned_by_month(db, tmp_path):
    out = tmp_path / "parquet"
    assert export.export(db, "parquet", out) == 15
    assert [p.name for p in out.iterdir()] == ["month=2022-03"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 15 and "record" in table.column_names
    again = export.export(db, "parquet", out, Filters(dyad="RUS:UKR"))  # replaces, no duplicates
    assert ds.dataset(out, partitioning="hive").count_rows() == again == 4


def test_plover_jsonl(db, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    assert export.export(db, "plover", out, Filters(modality="asserted")) == 13
    records = [json.loads(line) for line in out.read_text().splitlines()]
    bennett = next(r for r in records if r["cameo"] == "042")
    assert bennett["event"] == ["CONSULT"] and bennett["mode"] == "visit"
    assert bennett["source"][0]["code"] == "ISR" and bennett["source"][0]["sector"] == "GOV"
    assert bennett["recipient"][0]["cameo_code"] == "RUSGOV" and bennett["date"] == "2022-03-05"
    assert bennett["event_loc"]["name"] == "Moscow" and bennett["quad_code"] == 1
    assert bennett["cite_info"]["url"].endswith("bennett-putin") and bennett["link"]


def test_cli_export(db, tmp_path):
    from polevents.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "-"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 13
    assert "13 clusters written" in result.stderr
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "xls", "-"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "-"]).exit_code == 2
