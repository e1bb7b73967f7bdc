"""Ingest: read documents, code the new ones, store them with their events, cluster the events.

Documents already in the store (same text hash) are never coded again. Coded documents are
written in batches, each in its own short transaction (see store.py for why the connection is
not held between batches); on Ctrl-C the documents already coded are written before stopping.
"""

from __future__ import annotations

import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator

from polevents import store
from polevents.model import Document


def iter_inputs(inputs: Iterable[str], default_date: str | None = None,
                report: Callable[[str], None] = print, full_text: bool = False) -> Iterator[Document]:
    """Documents from files, directories and stdin (polevents.read) or from feeds and URLs."""
    from polevents import feeds

    for name in inputs:
        if feeds.is_feed_input(name):
            yield from feeds.iter_feed_documents([name], default_date, report, full_text)
        else:
            from polevents.read import iter_documents

            yield from iter_documents([name], default_date=default_date, report=report)


def _records(events) -> list[dict]:
    return [e if isinstance(e, dict) else e.to_dict() for e in events]


class _Progress:
    """A Rich progress line on stderr (documents, events), or nothing."""

    def __init__(self, enabled: bool):
        self.bar = None
        if enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                TextColumn("{task.completed} new documents, {task.fields[events]}"
                                           " events, {task.fields[old]} already stored"),
                                TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("ingesting", total=None, events=0, old=0)
            self.bar.start()

    def update(self, docs: int, events: int, old: int) -> None:
        if self.bar:
            self.bar.update(self.task, completed=docs, events=events, old=old)

    def stop(self) -> None:
        if self.bar:
            self.bar.stop()


def ingest_documents(docs: Iterable[Document], db_path, coder, progress: bool = False,
                     batch_size: int = 50, lock_timeout: float = 30.0, inputs=(),
                     skipped: list | None = None, window_days: int = 2) -> dict:
    """Codes and stores the documents not yet stored; returns the run's summary.

    Ctrl-C stops the run after writing what was already coded; the summary then says
    `interrupted: True` and the events of that run are left for the next run to cluster.
    """
    started = time.monotonic()
    run_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    summary = {"documents": 0, "stored": 0, "already_stored": 0, "skipped": 0,
               "skipped_reasons": skipped if skipped is not None else [], "sentences": 0,
               "events": 0, "clusters": 0, "seconds": 0.0, "run_id": run_id, "db": str(db_path)}
    version = getattr(coder, "version", None) or _coder_version()
    with store.connect(db_path, lock_timeout=lock_timeout) as con:
        store.start_run(con, run_id, inputs, version)
    bar = _Progress(progress)
    seen: set[str] = set()

    def new_documents() -> Iterator[Document]:
        chunk: list[tuple[Document, str]] = []
        for doc in docs:
            summary["documents"] += 1
            chunk.append((doc, store.content_hash(doc.text)))
            if len(chunk) >= batch_size:
                yield from _unseen(chunk)
                chunk = []
        yield from _unseen(chunk)

    def _unseen(chunk):
        with store.connect(db_path, read_only=True, lock_timeout=lock_timeout) as con:
            stored = store.known_hashes(con, [h for _, h in chunk])
        for doc, h in chunk:
            if h in stored or h in seen:
                summary["already_stored"] += 1
                continue
            seen.add(h)
            yield doc

    pending: list[tuple] = []

    def flush():
        if pending:
            with store.connect(db_path, lock_timeout=lock_timeout) as con:
                n_docs, n_events = store.write_batch(con, pending, run_id)
            summary["stored"] += n_docs
            summary["events"] += n_events
            summary["sentences"] += sum(len({r["sentence"] for r in recs}) for _, _, recs in pending)
            pending.clear()
        bar.update(summary["stored"], summary["events"], summary["already_stored"])

    status = "failed"
    try:
        for doc, events in coder.code(new_documents()):
            pending.append((doc, store.content_hash(doc.text), _records(events)))
            if len(pending) >= batch_size:
                flush()
        status = "done"
    except KeyboardInterrupt:  # stop cleanly: keep what was coded, report, let the caller decide
        status = "interrupted"
    finally:
        flush()  # what was coded is kept, even on Ctrl-C
        bar.stop()
        summary["skipped"] = len(summary["skipped_reasons"])
        with store.connect(db_path, lock_timeout=lock_timeout) as con:
            if status == "done":
                store.recluster(con, window_days=window_days)
                summary["clusters"] = con.execute(
                    "SELECT count(DISTINCT cluster_id) FROM events WHERE run_id = ?",
                    [run_id]).fetchone()[0]
            store.finish_run(con, run_id, summary["stored"], summary["events"], status)
        summary["seconds"] = round(time.monotonic() - started, 3)
        summary["interrupted"] = status == "interrupted"
    return summary


def ingest(inputs: list[str], db_path, coder, default_date: str | None = None,
           progress: bool = True, batch_size: int = 50, full_text: bool = False,
           lock_timeout: float = 30.0, report: Callable[[str], None] | None = None) -> dict:
    """Reads the inputs (files, directories, `-`, feeds, URLs), codes and stores what is new."""
    reasons: list[str] = []

    def note(message: str) -> None:
        reasons.append(message)
        (report or (lambda m: print(f"polevents: {m}", file=sys.stderr)))(message)

    docs = iter_inputs(inputs, default_date, note, full_text)
    return ingest_documents(docs, db_path, coder, progress=progress, batch_size=batch_size,
                            lock_timeout=lock_timeout, inputs=inputs, skipped=reasons)


def watch(inputs: list[str], db_path, coder, seconds: float, rounds: int | None = None,
          on_round: Callable[[dict], None] | None = None, sleep=time.sleep, **options) -> list[dict]:
    """Ingests the inputs again every `seconds` (what is new gets stored) until Ctrl-C or `rounds`."""
    summaries: list[dict] = []
    try:
        while rounds is None or len(summaries) < rounds:
            summaries.append(ingest(inputs, db_path, coder, **options))
            if on_round:
                on_round(summaries[-1])
            if summaries[-1]["interrupted"]:
                break
            if rounds is None or len(summaries) < rounds:
                sleep(seconds)
    except KeyboardInterrupt:  # while sleeping between rounds
        pass
    return summaries


def _coder_version() -> str:
    from polevents.version import CODER_VERSION

    return f"polevents {CODER_VERSION}"
