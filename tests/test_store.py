"""The store: idempotent ingest, resumable runs, exact records, filters, locks and corrupt files."""

import json
import re
import subprocess
import sys
import textwrap
import time

import pytest
from fake_coder import DATA, ReplayCoder, load_docs, load_records
from typer.testing import CliRunner

from polevents import query, store
from polevents.ingest import ingest, ingest_documents
from polevents.model import Document


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    ingest_documents(load_docs(), path, ReplayCoder(), batch_size=4)
    return path


def test_ingest_stores_documents_events_and_runs(db):
    assert store.counts(db) == {"documents": 12, "events": 15, "clusters": 13, "unclustered": 0}
    with store.connect(db, read_only=True) as con:
        status, docs, events = con.execute("SELECT status, documents, events FROM runs").fetchone()
        assert (status, docs, events) == ("done", 12, 15)
        assert con.execute("SELECT count(*) FROM sentences").fetchone()[0] == 15


def test_ingesting_the_same_documents_again_adds_nothing(db):
    coder = ReplayCoder()
    summary = ingest_documents(load_docs(), db, coder, batch_size=4)
    assert summary["stored"] == 0 and summary["events"] == 0
    assert summary["already_stored"] == 12
    assert coder.coded == []  # nothing was coded a second time
    assert store.counts(db)["events"] == 15


def test_same_text_under_another_id_is_the_same_document(db):
    copy = load_docs()[1]
    copy.id, copy.source = "syndicated-copy", "Yahoo"
    summary = ingest_documents([copy], db, ReplayCoder())
    assert summary["stored"] == 0 and store.counts(db)["documents"] == 12


def test_interrupted_run_keeps_what_was_coded_and_a_rerun_continues(tmp_path):
    path = tmp_path / "events.duckdb"
    first = ingest_documents(load_docs(), path, ReplayCoder(interrupt_after=5), batch_size=2)
    assert first["interrupted"] and first["stored"] == 5
    assert store.counts(path)["documents"] == 5
    coder = ReplayCoder()
    second = ingest_documents(load_docs(), path, coder, batch_size=2)
    assert second["stored"] == 7 and len(coder.coded) == 7
    assert store.counts(path) == {"documents": 12, "events": 15, "clusters": 13, "unclustered": 0}
    with store.connect(path, read_only=True) as con:
        assert sorted(r[0] for r in con.execute("SELECT status FROM runs").fetchall()) == [
            "done", "interrupted"]


def test_query_returns_the_exact_spec_records(db):
    expected = {r["event_id"]: r for r in load_records()}
    got = query.records(db)
    assert len(got) == 15
    for rec in got:
        assert rec == expected[rec["event_id"]]
        assert list(rec)[:8] == ["event_id", "doc_id", "sentence", "text", "source", "target",
                                 "cameo", "cameo_root"]


@pytest.mark.parametrize("filters, expected", [
    (query.Filters(dyad="ISR:RUS"), 1),
    (query.Filters(dyad="RUS:ISR"), 0),
    (query.Filters(dyad="RUS:ISR", undirected=True), 1),
    (query.Filters(actor="ISR"), 2),
    (query.Filters(actor="Bennett"), 2),
    (query.Filters(actor="foreign minister"), 2),
    (query.Filters(cameo="19"), 5),
    (query.Filters(cameo="195"), 3),
    (query.Filters(plover="assault"), 5),
    (query.Filters(quad=4), 7),
    (query.Filters(since="2022-03-10", until="2022-03-11"), 5),
    (query.Filters(modality="negated"), 1),
    (query.Filters(text="Kharkiv killing"), 2),
])
def test_query_filters(db, filters, expected):
    assert len(query.records(db, filters)) == expected


def test_query_clusters_counts_one_event_for_two_reports(db):
    names, rows = query.select(db, query.Filters(dyad="RUS:UKR", cameo="195"), clusters=True)
    found = [dict(zip(names, r)) for r in rows]
    assert [(c["n_mentions"], c["n_documents"]) for c in found] == [(2, 2), (1, 1)]


def test_bad_filters_are_reported():
    with pytest.raises(query.QueryError):
        query.Filters(dyad="ISR-RUS").where()
    with pytest.raises(query.QueryError):
        query.Filters(since="last week").where()


def test_corrupt_database_gives_one_line_and_is_left_untouched(tmp_path):
    path = tmp_path / "broken.duckdb"
    garbage = b"this is not a database " * 500
    path.write_bytes(garbage)
    for read_only in (True, False):
        with pytest.raises(store.StoreError) as err:
            with store.connect(path, read_only=read_only):
                pass
        assert str(path) in str(err.value) and "\n" not in str(err.value)
        assert "not a DuckDB database" in str(err.value)
    with pytest.raises(store.StoreError):
        ingest_documents(load_docs()[:1], path, ReplayCoder())
    assert path.read_bytes() == garbage


def test_missing_database_for_reading(tmp_path):
    with pytest.raises(store.StoreError, match="no such database"):
        query.records(tmp_path / "nothing.duckdb")


def _hold_lock(path, seconds):
    """Another process that opens the database for writing and keeps it for a while."""
    code = textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(path)!r})
        print("locked", flush=True)
        time.sleep({seconds})
        con.close()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_locked_database_gives_one_line_naming_the_file(db):
    holder = _hold_lock(db, 5)
    try:
        with pytest.raises(store.StoreError) as err:
            with store.connect(db, read_only=True, lock_timeout=0.2):
                pass
        message = str(err.value)
        assert str(db) in message and "locked" in message and str(holder.pid) in message
        assert "\n" not in message
    finally:
        holder.kill()
        holder.wait()


def test_reader_waits_for_a_short_write_instead_of_failing(db):
    holder = _hold_lock(db, 1.0)
    try:
        started = time.monotonic()
        assert len(query.records(db)) == 15  # waits for the lock (default lock_timeout 10 s)
        assert time.monotonic() - started >= 0.3
    finally:
        holder.wait()


def test_queries_run_while_another_process_ingests(tmp_path):
    """The dashboard case: a long ingest in one process, queries from another, nobody locked out."""
    path = tmp_path / "live.duckdb"
    code = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(DATA.parent)!r})
        from fake_coder import ReplayCoder, load_docs
        from polevents.ingest import ingest_documents

        class Slow(ReplayCoder):
            def code(self, docs):
                for pair in super().code(docs):
                    time.sleep(0.15)  # coding is where an ingest spends its time
                    yield pair

        ingest_documents(load_docs(), {str(path)!r}, Slow(), batch_size=2)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code])
    try:
        seen = []
        while proc.poll() is None or not seen:
            if path.exists():
                try:
                    seen.append(store.counts(path)["documents"])
                except store.StoreError as exc:  # only a not-yet-created schema may fail
                    assert "locked" not in str(exc), exc
            time.sleep(0.05)
        assert proc.wait() == 0
        assert seen == sorted(seen) and len(set(seen)) >= 3  # saw the store grow batch by batch
        assert store.counts(path)["documents"] == 12
    finally:
        proc.kill()


def test_ingest_reads_jsonl_files(tmp_path):
    pytest.importorskip("polevents.read")
    path = tmp_path / "events.duckdb"
    skipped = []
    summary = ingest([str(DATA / "docs_small.jsonl"), str(tmp_path / "missing.jsonl")], path,
                     ReplayCoder(), progress=False, report=skipped.append)
    assert summary["stored"] == 12 and summary["skipped"] == 1 and "missing.jsonl" in skipped[0]


def test_cli_query_jsonl_and_exit_codes(db, tmp_path, monkeypatch):
    from polevents.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["query", "--db", str(db), "--dyad", "ISR:RUS", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["cameo"] == "042"
    assert runner.invoke(app, ["query", "--db", str(tmp_path / "none.duckdb")]).exit_code == 1
    assert runner.invoke(app, ["query", "--db", str(db), "--dyad", "ISR"]).exit_code == 2
    assert runner.invoke(app, ["query", "--db", str(db), "--format", "xml"]).exit_code == 2
    monkeypatch.setenv("COLUMNS", "160")
    table = runner.invoke(app, ["query", "--db", str(db), "--clusters", "--cameo", "19"])
    assert table.exit_code == 0
    assert re.search(r"2022-03-05\s+RUSMIL\s+UKR\s+195\s+2\s+2\s+Russian forces", table.stdout)
    assert "[asserted-negated] Ukrainian forces attacked" in table.stdout


def test_cli_ingest_with_a_stand_in_coder(tmp_path, monkeypatch):
    pytest.importorskip("polevents.read")
    import polevents.pipeline
    from polevents.cli import app

    monkeypatch.setattr(polevents.pipeline, "Coder", lambda model=None, kb_files=(): ReplayCoder())
    path = tmp_path / "cli.duckdb"
    args = ["ingest", str(DATA / "docs_small.jsonl"), "--db", str(path), "--no-progress"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "12 new" in first.stderr and "13 clusters" in first.stderr
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and "0 new, 12 already stored" in again.stderr
    nothing = CliRunner().invoke(app, ["ingest", str(tmp_path / "none.txt"), "--db", str(path)])
    assert nothing.exit_code == 1


def test_documents_without_events_are_stored(tmp_path):
    path = tmp_path / "events.duckdb"
    summary = ingest_documents([Document("x", "Nothing happened.", "2022-01-01")], path,
                               ReplayCoder(records=[]))
    assert summary["stored"] == 1 and summary["events"] == 0
    assert store.counts(path)["documents"] == 1
