"""The event store: one embedded DuckDB file holding documents, event records, runs and clusters.

Concurrency (DESIGN.md): DuckDB lets one process hold a database file for writing and then no
other process may open it, not even to read. polevents therefore never keeps a connection open
for long. Every reader (query, analysis, export, the dashboard) opens a read-only connection for
one request and closes it; a writer (ingest) opens a read-write connection for one batch of
documents, commits and closes it, so the file is free while the coder works on the next batch
(that is almost all of an ingest's time). Whoever finds the file locked waits and retries for
up to `lock_timeout` seconds before giving up with one clear line naming the file and the
process that holds it. Several readers can share the file at once.

Idempotence: a document is keyed by the SHA-256 of its text. A batch re-checks, inside its own
transaction, which documents are new, and writes each new document with all of its events in the
same transaction: a crash or Ctrl-C loses only the batch in flight, and a rerun skips what is
stored and goes on. Events whose `cluster_id` is still NULL are clustered by `recluster`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import time
from contextlib import contextmanager
from pathlib import Path

DEFAULT_DB = "polevents.duckdb"
ACTOR_FIELDS = [("code", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
                ("name", "VARCHAR"), ("country", "VARCHAR"), ("sectors", "VARCHAR[]"),
                ("kb_id", "VARCHAR")]
EVENT_COLUMNS = (
    [("event_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("doc_hash", "VARCHAR"), ("run_id", "VARCHAR"),
     ("sentence", "INTEGER"), ("text", "VARCHAR")]
    + [(f"{who}_{f}", t) for who in ("source", "target") for f, t in ACTOR_FIELDS]
    + [("cameo", "VARCHAR"), ("cameo_root", "VARCHAR"), ("plover_event", "VARCHAR"),
       ("plover_mode", "VARCHAR"), ("plover_contexts", "VARCHAR[]"), ("goldstein", "DOUBLE"),
       ("quad_class", "INTEGER"), ("modality", "VARCHAR")]
    + [(f"reported_by_{f}", t) for f, t in ACTOR_FIELDS]
    + [("date", "VARCHAR"), ("day", "DATE"), ("date_precision", "VARCHAR"),
       ("location_text", "VARCHAR"), ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
       ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"), ("trigger_text", "VARCHAR"),
       ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("confidence", "DOUBLE"),
       ("rule", "VARCHAR"), ("version", "VARCHAR"), ("record", "VARCHAR"), ("cluster_id", "VARCHAR")])
DOCUMENT_COLUMNS = [("hash", "VARCHAR"), ("id", "VARCHAR"), ("text", "VARCHAR"), ("date", "VARCHAR"),
                    ("title", "VARCHAR"), ("url", "VARCHAR"), ("source", "VARCHAR"),
                    ("language", "VARCHAR"), ("run_id", "VARCHAR"), ("ingested_at", "TIMESTAMP")]
SENTENCE_COLUMNS = [("doc_hash", "VARCHAR"), ("sentence", "INTEGER"), ("text", "VARCHAR")]
CLUSTER_COLUMNS = [
    ("cluster_id", "VARCHAR"), ("source_key", "VARCHAR"), ("target_key", "VARCHAR"),
    ("cameo", "VARCHAR"), ("cameo_root", "VARCHAR"), ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"), ("modality", "VARCHAR"), ("day", "DATE"), ("last_day", "DATE"),
    ("n_mentions", "INTEGER"), ("n_documents", "INTEGER"), ("n_sources", "INTEGER"),
    ("contradictions", "VARCHAR[]"), ("rep_doc_hash", "VARCHAR"), ("rep_event_id", "VARCHAR")]
# Filled from the cluster's first mention when the cluster is written.
CLUSTER_REP_COLUMNS = ["source_code", "source_name", "source_text", "source_country",
                       "target_code", "target_name", "target_text", "target_country",
                       "plover_event", "text", "sentence", "location_name", "location_country",
                       "location_lat", "location_lon"]
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP,"
    " coder_version VARCHAR, versions VARCHAR[], inputs VARCHAR, documents INTEGER,"
    " events INTEGER, status VARCHAR)",
    "CREATE TABLE IF NOT EXISTS documents ({}, PRIMARY KEY (hash))".format(
        ", ".join(f'"{n}" {t}' for n, t in DOCUMENT_COLUMNS)),
    "CREATE TABLE IF NOT EXISTS sentences ({})".format(
        ", ".join(f'"{n}" {t}' for n, t in SENTENCE_COLUMNS)),
    "CREATE TABLE IF NOT EXISTS events ({})".format(", ".join(f'"{n}" {t}' for n, t in EVENT_COLUMNS)),
    "CREATE TABLE IF NOT EXISTS clusters ({}, {}, url VARCHAR, date_added TIMESTAMP)".format(
        ", ".join(f'"{n}" {t}' for n, t in CLUSTER_COLUMNS),
        ", ".join(f'"{c}" {dict(EVENT_COLUMNS)[c]}' for c in CLUSTER_REP_COLUMNS)),
    "INSERT INTO meta VALUES ('schema', '1') ON CONFLICT DO NOTHING",
]


def actor_key(prefix: str) -> str:
    """SQL for the actor key of dyads: the actor's country where known, else its whole code."""
    return f"coalesce({prefix}_country, {prefix}_code, '')"


class StoreError(Exception):
    """A database problem worth one line to the user: locked, corrupt, missing."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def arrow_schema(columns):
    import pyarrow as pa

    types = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
             "DATE": pa.date32(), "VARCHAR[]": pa.list_(pa.string()),
             "TIMESTAMP": pa.timestamp("us"), "BOOLEAN": pa.bool_()}
    return pa.schema([(name, types[t]) for name, t in columns])


def _one_line(path, exc: Exception) -> StoreError:
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    msg = re.sub(r"^[A-Za-z ]*Error: ", "", msg)
    if "Could not set lock" in msg:
        holder = re.search(r"\(PID (\d+)\)", msg)
        who = f" by process {holder.group(1)}" if holder else ""
        return StoreError(f"{path}: database is locked{who}; try again when it finishes")
    if "not a valid DuckDB database" in msg:
        return StoreError(f"{path}: not a DuckDB database file (corrupt or another format)")
    if "does not exist" in msg:
        return StoreError(f"{path}: no such database (run `polevents ingest` first)")
    return StoreError(f"{path}: {msg}")


def _is_storage_error(exc: Exception) -> bool:
    import duckdb

    text = str(exc).lower()
    return isinstance(exc, (duckdb.IOException, duckdb.InternalException)) or any(
        w in text for w in ("corrupt", "checksum", "serializ"))


def _open(path, read_only: bool, lock_timeout: float):
    import duckdb

    deadline = time.monotonic() + lock_timeout
    delay = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.ConnectionException:
            if read_only:  # this process already holds the file read-write: share that instance
                return duckdb.connect(str(path))
            raise StoreError(f"{path}: already open read-only in this process") from None
        except duckdb.Error as exc:
            if "Could not set lock" not in str(exc) or time.monotonic() >= deadline:
                raise _one_line(path, exc) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


@contextmanager
def connect(path=DEFAULT_DB, read_only: bool = False, lock_timeout: float = 10.0):
    """A short-lived connection; storage errors become one-line `StoreError`s naming the path.

    `path` may also be an open DuckDB connection, which is used as it is (and not closed).
    """
    if not isinstance(path, (str, Path)):
        yield path
        return
    if read_only and not Path(path).exists():
        raise StoreError(f"{path}: no such database (run `polevents ingest` first)")
    con = _open(path, read_only, lock_timeout)
    try:
        if not read_only and not con.execute(
                "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'clusters'").fetchone()[0]:
            for statement in SCHEMA:
                con.execute(statement)
        yield con
    except Exception as exc:
        if _is_storage_error(exc) and not isinstance(exc, StoreError):
            raise _one_line(path, exc) from None
        raise
    finally:
        con.close()


def parse_day(value) -> dt.date | None:
    """The calendar day of an ISO date, month or year (a timestamp is cut to its date)."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def flatten(record: dict, doc_hash: str, run_id: str, doc_date=None) -> dict:
    """One events-table row from a SPEC event record (the record itself is kept whole as JSON)."""
    row = {k: record.get(k) for k in ("event_id", "doc_id", "sentence", "text", "cameo",
                                      "cameo_root", "goldstein", "quad_class", "modality", "date",
                                      "date_precision", "confidence", "rule", "version")}
    for who in ("source", "target", "reported_by"):
        actor = record.get(who) or {}
        for f, _ in ACTOR_FIELDS:
            row[f"{who}_{f}"] = actor.get(f)
    plover = record.get("plover") or {}
    row.update(plover_event=plover.get("event"), plover_mode=plover.get("mode"),
               plover_contexts=plover.get("contexts"))
    loc = record.get("location") or {}
    for f in ("text", "name", "country", "lat", "lon"):
        row[f"location_{f}"] = loc.get(f)
    trig = record.get("trigger") or {}
    row.update(trigger_text=trig.get("text"), trigger_start=trig.get("start"),
               trigger_end=trig.get("end"))
    row.update(doc_hash=doc_hash, run_id=run_id, cluster_id=None,
               day=parse_day(record.get("date")) or parse_day(doc_date),
               record=json.dumps(record, ensure_ascii=False))
    return row


def _arrow(rows: list[dict], columns):
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=arrow_schema(columns))


def _insert(con, table: str, rows: list[dict], columns) -> None:
    if not rows:
        return
    con.register("_incoming", _arrow(rows, columns))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
    finally:
        con.unregister("_incoming")


def known_hashes(con, hashes: list[str]) -> set[str]:
    if not hashes:
        return set()
    rows = con.execute("SELECT hash FROM documents WHERE hash IN (SELECT unnest(?))",
                       [hashes]).fetchall()
    return {r[0] for r in rows}


def write_batch(con, batch: list[tuple], run_id: str) -> tuple[int, int]:
    """Stores (document, hash, [event record]) triples in one transaction; skips stored documents.

    Returns (documents written, events written).
    """
    con.execute("BEGIN TRANSACTION")
    try:
        stored = known_hashes(con, [h for _, h, _ in batch])
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        docs, events, sentences, seen = [], [], {}, set()
        for doc, h, records in batch:
            if h in stored or h in seen:
                continue
            seen.add(h)
            docs.append({"hash": h, "id": doc.id, "text": doc.text, "date": doc.date,
                         "title": doc.title, "url": doc.url, "source": doc.source,
                         "language": doc.language, "run_id": run_id, "ingested_at": now})
            for rec in records:
                events.append(flatten(rec, h, run_id, doc.date))
                sentences.setdefault((h, rec["sentence"]), rec["text"])
        _insert(con, "documents", docs, DOCUMENT_COLUMNS)
        _insert(con, "events", events, EVENT_COLUMNS)
        _insert(con, "sentences", [{"doc_hash": h, "sentence": s, "text": t}
                                   for (h, s), t in sentences.items()], SENTENCE_COLUMNS)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(docs), len(events)


def start_run(con, run_id: str, inputs, coder_version: str) -> None:
    con.execute("INSERT INTO runs VALUES (?, now(), NULL, ?, [], ?, 0, 0, 'running')",
                [run_id, coder_version, json.dumps(list(inputs))])


def finish_run(con, run_id: str, documents: int, events: int, status: str) -> None:
    con.execute("UPDATE runs SET finished_at = now(), documents = ?, events = ?, status = ?,"
                " versions = (SELECT list(DISTINCT version ORDER BY version) FROM events"
                " WHERE run_id = ?) WHERE run_id = ?", [documents, events, status, run_id, run_id])


def recluster(con, window_days: int = 2, min_similarity: float = 0.2) -> int:
    """Clusters the unclustered events with their neighbours; returns the clusters written.

    Per touched dyad only the stretch of days that the new events can change is redone: their
    days plus the window, widened until no cluster lies within the window of its edges, so the
    result is the same as clustering the whole dyad again.
    """
    from polevents import dedup

    src, tgt, w = actor_key("e.source"), actor_key("e.target"), int(window_days)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _dirty AS SELECT {src} AS s, {tgt} AS t,"
                    f" min(day) - {w} AS lo, max(day) + {w} AS hi FROM events e"
                    " WHERE cluster_id IS NULL GROUP BY ALL")
        while con.execute(
                "UPDATE _dirty SET lo = least(_dirty.lo, x.lo), hi = greatest(_dirty.hi, x.hi)"
                " FROM (SELECT d.s, d.t, min(c.day) - $w AS lo, max(c.last_day) + $w AS hi"
                " FROM clusters c JOIN _dirty d ON c.source_key = d.s AND c.target_key = d.t"
                " AND c.day <= d.hi + $w AND c.last_day >= d.lo - $w GROUP BY ALL) x"
                " WHERE _dirty.s = x.s AND _dirty.t = x.t AND (x.lo < _dirty.lo OR x.hi > _dirty.hi)",
                {"w": w}).fetchone()[0]:
            pass  # widen each stretch over the clusters near its edges until none is left
        rows = con.execute(
            f"SELECT e.doc_hash || ':' || e.event_id, e.doc_hash, coalesce(d.source,"
            f" nullif(regexp_extract(d.url, '//([^/]+)', 1), ''), d.hash), {src}, {tgt},"
            f" coalesce(e.cameo, ''), coalesce(e.quad_class, 0), coalesce(e.modality, 'asserted'),"
            f" e.day, coalesce(e.text, ''), e.location_name, coalesce(e.goldstein, 0), e.cluster_id"
            f" FROM events e JOIN documents d ON d.hash = e.doc_hash"
            f" JOIN _dirty x ON {src} = x.s AND {tgt} = x.t"
            f" WHERE e.day BETWEEN x.lo AND x.hi OR (e.day IS NULL AND e.cluster_id IS NULL)"
        ).fetchall()
        mentions = [dedup.Mention(*r[:8], r[8] and r[8].toordinal(), *r[9:12]) for r in rows]
        clusters = dedup.cluster_mentions(mentions, window_days, min_similarity)
        links = [dict(zip(("doc_hash", "event_id"), k.split(":", 1)), cluster_id=c.cluster_id)
                 for c in clusters for k in c.members]
        out = [c.row() for c in clusters]
        old = sorted({r[12] for r in rows if r[12]})
        con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))", [old])
        con.register("_link_rows", _arrow(links, [("doc_hash", "VARCHAR"), ("event_id", "VARCHAR"),
                                                  ("cluster_id", "VARCHAR")]))
        con.execute("UPDATE events SET cluster_id = l.cluster_id FROM _link_rows l"
                    " WHERE events.doc_hash = l.doc_hash AND events.event_id = l.event_id")
        con.register("_cluster_rows", _arrow(out, CLUSTER_COLUMNS))
        rep = ", ".join(f"e.{c}" for c in CLUSTER_REP_COLUMNS)
        con.execute(f"INSERT INTO clusters BY NAME SELECT c.*, {rep}, d.url,"
                    f" now()::TIMESTAMP AS date_added FROM _cluster_rows c"
                    f" JOIN events e ON e.doc_hash = c.rep_doc_hash AND e.event_id = c.rep_event_id"
                    f" JOIN documents d ON d.hash = c.rep_doc_hash")
        con.execute("DROP TABLE _dirty")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in ("_link_rows", "_cluster_rows"):
            with contextlib.suppress(Exception):
                con.unregister(name)
    return len(out)


def counts(db) -> dict:
    """How much the store holds: documents, events, clusters, unclustered events."""
    with connect(db, read_only=True) as con:
        q = ("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),"
             " (SELECT count(*) FROM clusters), (SELECT count(*) FROM events WHERE cluster_id IS NULL)")
        d, e, c, u = con.execute(q).fetchone()
    return {"documents": d, "events": e, "clusters": c, "unclustered": u}
