"""A stand-in for polevents.pipeline.Coder in the store tests: it replays handwritten events.

Same interface as the real coder (`code(docs)` yields `(document, [Event])`), so the store, dedup,
analysis and export tests do not depend on spaCy or on what the lexicons happen to find.
"""

import json
from pathlib import Path

from polevents.model import Actor, Document, Event

DATA = Path(__file__).parent / "data"


def load_docs(path=DATA / "docs_small.jsonl") -> list[Document]:
    return [Document(**json.loads(line)) for line in Path(path).read_text().splitlines() if line]


def load_records(path=DATA / "events_small.jsonl") -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text().splitlines() if line]


def _actor(d):
    return Actor(**d) if d else None


def event_from_record(r: dict) -> Event:
    fields = {k: v for k, v in r.items() if k not in ("cameo_root", "source", "target", "reported_by")}
    return Event(source=_actor(r["source"]), target=_actor(r["target"]),
                 reported_by=_actor(r["reported_by"]), **fields)


class ReplayCoder:
    """Yields, for each document, the fixture events recorded for its id."""

    version = "fixture"

    def __init__(self, records=None, interrupt_after: int | None = None):
        self.by_doc: dict[str, list[dict]] = {}
        for r in records if records is not None else load_records():
            self.by_doc.setdefault(r["doc_id"], []).append(r)
        self.interrupt_after = interrupt_after
        self.coded: list[str] = []

    def code(self, docs):
        for doc in docs:
            if self.interrupt_after is not None and len(self.coded) >= self.interrupt_after:
                raise KeyboardInterrupt
            self.coded.append(doc.id)
            yield doc, [event_from_record(r) for r in self.by_doc.get(doc.id, [])]
