"""The records of SPEC.md: documents in, events out. The one contract between stages."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field


@dataclass
class Document:
    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


@dataclass
class Actor:
    text: str
    start: int
    end: int
    code: str
    name: str | None = None
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    kb_id: str | None = None
    confidence: float = 1.0   # how sure the resolution is (an extension of SPEC's actor)


@dataclass
class Event:
    doc_id: str
    sentence: int
    text: str
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: dict
    goldstein: float
    quad_class: int
    trigger: dict
    rule: str
    version: str
    modality: str = "asserted"
    reported_by: Actor | None = None
    date: str | None = None
    date_precision: str = "none"
    location: dict | None = None
    confidence: float = 0.5
    event_id: str = ""

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    def assign_id(self) -> None:
        """A stable id from what makes the event: same input and version give the same id."""
        parts = [
            self.doc_id,
            str(self.sentence),
            str(self.trigger.get("start")),
            self.cameo,
            self.source.code if self.source else "",
            str(self.source.start) if self.source else "",
            self.target.code if self.target else "",
            str(self.target.start) if self.target else "",
            self.version,
        ]
        self.event_id = hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]

    def to_dict(self) -> dict:
        d = asdict(self)
        ordered = {"event_id": d.pop("event_id"), "doc_id": d.pop("doc_id"),
                   "sentence": d.pop("sentence"), "text": d.pop("text"),
                   "source": d.pop("source"), "target": d.pop("target"),
                   "cameo": self.cameo, "cameo_root": self.cameo_root}
        d.pop("cameo")
        ordered.update(d)
        return ordered

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)
