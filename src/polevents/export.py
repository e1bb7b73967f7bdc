"""Exports in standard formats: CSV, Parquet partitioned by month, GDELT 2.0 events, PLOVER JSONL.

CSV, Parquet and PLOVER have one row per mention (every report, linked to its cluster); the GDELT
table has one row per cluster, as GDELT's has one row per event, with NumMentions, NumArticles and
NumSources counted over the cluster's reports. `out` may be "-" for standard output (not Parquet).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from polevents import store
from polevents.query import MENTION_COLUMNS, Filters

FORMATS = ("csv", "parquet", "gdelt", "plover")

# The GDELT 2.0 event table, in its order (61 columns, tab-separated, no header line).
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
]
ROLE_CODES = set("GOV MIL COP REB OPP LEG JUD CVL MED BUS REF EDU HLH SPY UAF LAB REL HRI IGO NGO"
                 " NGM IMG INS SEP AGR CRM DEV ELI ENV MOD RAD MNC PKO SET UIS INT".split())
RELIGION_CODES = set("ADR ATH BAH BUD CHR CON CPT CTH DOX HIN ITR JAN JEW MOS MUS NRM PAG PRO SFI"
                     " SHI SHN SIK SUN TAO ZRO".split())
REGION_CODES = set("AFR ASA BLK CAS CAU CFR CRB EAF EEU EIN EUR LAM MEA MDT NAF NMR PGS SAF SAM SAS"
                   " SEA SCN WAF WST".split())


def split_actor_code(code: str | None, country: str | None = None) -> dict:
    """A CAMEO actor code cut into GDELT's country, known group, religion and type codes."""
    chunks = [code[i:i + 3] for i in range(0, len(code or ""), 3)]
    out = {"country": country or "", "known": "", "ethnic": "", "religions": [], "types": []}
    if chunks and chunks[0] not in ROLE_CODES | RELIGION_CODES:
        first = chunks.pop(0)
        if first != "---" and not out["country"]:
            out["country"] = first
    for c in chunks:
        if c in ROLE_CODES:
            out["types"].append(c)
        elif c in RELIGION_CODES:
            out["religions"].append(c)
        elif c not in REGION_CODES:
            out["known"] = c
    return out


def _actor_fields(code, name, country) -> list:
    if not code:
        return [""] * 10
    parts = split_actor_code(code, country)
    rel = parts["religions"] + ["", ""]
    types = parts["types"] + ["", "", ""]
    return [code, (name or "").upper(), parts["country"], parts["known"], parts["ethnic"],
            rel[0], rel[1], types[0], types[1], types[2]]


def gdelt_row(c: dict) -> list:
    """One GDELT 2.0 event row (61 values) from a clusters-table row."""
    day: dt.date | None = c["day"]
    cameo = c["cameo"] or ""
    loc_type = "" if not c["location_name"] else 4 if c["location_lat"] is not None else 1
    added = c.get("ingested_at")
    return [
        int(c["cluster_id"][:12], 16),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "",
        round(day.year + (day.month * 30 + day.day) / 365, 4) if day else "",
        *_actor_fields(c["source_code"], c["source_name"] or c["source_text"], c["source_country"]),
        *_actor_fields(c["target_code"], c["target_name"] or c["target_text"], c["target_country"]),
        1 if c["sentence"] == 0 else 0, cameo, cameo[:3], cameo[:2], c["quad_class"],
        c["goldstein"], c["n_mentions"], c["n_sources"], c["n_documents"], "",
        *[""] * 16,  # actor geography: polevents locates events, not actors
        loc_type, c["location_name"] or "", "", "", "", _num(c["location_lat"]),
        _num(c["location_lon"]), "",
        added.strftime("%Y%m%d%H%M%S") if added else "", c["url"] or c["rep_doc_hash"],
    ]


def _num(value):
    return "" if value is None else value


@contextlib.contextmanager
def _output(out):
    if str(out) == "-":
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _rows(db, sql: str, params: list):
    with store.connect(db, read_only=True) as con:
        cur = con.execute(sql, params)
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(10_000):
            for row in batch:
                yield dict(zip(names, row))


def export_gdelt(db, out, filters: Filters | None = None) -> int:
    cond, params = (filters or Filters()).where("c")
    sql = ("SELECT c.*, d.ingested_at FROM clusters c LEFT JOIN documents d ON d.hash = c.rep_doc_hash"
           f" WHERE {cond} ORDER BY c.day, c.cluster_id")
    n = 0
    with _output(out) as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")
        for c in _rows(db, sql, params):
            writer.writerow(gdelt_row(c))
            n += 1
    return n


def export_csv(db, out, filters: Filters | None = None) -> int:
    cond, params = (filters or Filters()).where()
    cols = ", ".join(f'"{c}"' for c in MENTION_COLUMNS)
    n = 0
    with _output(out) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(MENTION_COLUMNS)
        for r in _rows(db, f"SELECT {cols} FROM events WHERE {cond} ORDER BY day, doc_id,"
                           " sentence, event_id", params):
            writer.writerow([";".join(v) if isinstance(v, list) else v for v in r.values()])
            n += 1
    return n


def export_parquet(db, out, filters: Filters | None = None) -> int:
    """A Hive-partitioned Parquet dataset: OUT/month=YYYY-MM/part-0.parquet (month=unknown if undated)."""
    import pyarrow.dataset as ds

    cond, params = (filters or Filters()).where()
    cols = ", ".join(f'"{c}"' for c in MENTION_COLUMNS + ["record"])
    sql = (f"SELECT {cols}, coalesce(strftime(day, '%Y-%m'), 'unknown') AS month FROM events"
           f" WHERE {cond} ORDER BY day, doc_id, sentence, event_id")
    with store.connect(db, read_only=True) as con:
        table = con.sql(sql, params=params).to_arrow_table()
    Path(out).mkdir(parents=True, exist_ok=True)
    ds.write_dataset(table, str(out), format="parquet", partitioning=["month"],
                     partitioning_flavor="hive", existing_data_behavior="delete_matching",
                     basename_template="part-{i}.parquet")
    return table.num_rows


def plover_record(r: dict) -> dict:
    """A PLOVER JSON record (PLOVER manual, 'JSON Data Fields') from a mention and its document."""
    rec = json.loads(r["record"])

    def actor(a):
        if not a:
            return []
        return [{"code": a.get("country") or a["code"][:3], "sector": ",".join(a.get("sectors") or []),
                 "actor_text": a["text"], "identifier_id": a.get("kb_id"),
                 "identifier_text": a.get("name"), "cameo_code": a["code"]}]

    loc = rec.get("location")
    plover = rec.get("plover") or {}
    return {
        "id": rec["event_id"], "date": r["day"].isoformat() if r["day"] else None,
        "source": actor(rec.get("source")), "recipient": actor(rec.get("target")),
        "event": [plover.get("event")], "mode": plover.get("mode"),
        "context": plover.get("contexts") or [], "modality": rec.get("modality"),
        "quad_code": rec.get("quad_class"), "event_scale": rec.get("goldstein"),
        "cameo": rec.get("cameo"), "event_text": [rec["trigger"]["text"]],
        "event_loc": {"name": loc.get("name"), "latitude": loc.get("lat"),
                      "longitude": loc.get("lon"), "cc3": loc.get("country")} if loc else None,
        "text": rec.get("text"),
        "text_info": {"sequence": rec.get("sentence"), "start": rec["trigger"].get("start"),
                      "end": rec["trigger"].get("end")},
        "cite_info": {"url": r["url"], "title": r["title"], "publication": r["source"],
                      "citation": rec.get("doc_id"), "coder": "polevents", "version": rec.get("version")},
        "link": r["cluster_id"], "coder": rec.get("version"),
    }


def export_plover(db, out, filters: Filters | None = None) -> int:
    cond, params = (filters or Filters()).where("e")
    sql = ("SELECT e.record, e.day, e.cluster_id, d.url, d.title, d.source FROM events e"
           f" JOIN documents d ON d.hash = e.doc_hash WHERE {cond}"
           " ORDER BY e.day, e.doc_id, e.sentence, e.event_id")
    n = 0
    with _output(out) as handle:
        for r in _rows(db, sql, params):
            handle.write(json.dumps(plover_record(r), ensure_ascii=False) + "\n")
            n += 1
    return n


def export(db, fmt: str, out, filters: Filters | None = None) -> int:
    """Writes the stored events in one of FORMATS; returns the rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"format is one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "parquet" and str(out) == "-":
        raise ValueError("Parquet is written to a directory, not to standard output")
    return {"csv": export_csv, "parquet": export_parquet, "gdelt": export_gdelt,
            "plover": export_plover}[fmt](db, out, filters)
