"""Writing event records to a stream: JSON Lines, CSV or a readable table."""

from __future__ import annotations

import csv
import json

CSV_COLUMNS = ["event_id", "doc_id", "sentence", "date", "source", "target", "cameo", "plover",
               "mode", "goldstein", "quad_class", "modality", "location", "trigger", "confidence",
               "rule", "text"]


def flat(event: dict) -> dict:
    location = event["location"] or {}
    return {
        "event_id": event["event_id"], "doc_id": event["doc_id"], "sentence": event["sentence"],
        "date": event["date"] or "", "source": (event["source"] or {}).get("code", ""),
        "target": (event["target"] or {}).get("code", ""), "cameo": event["cameo"],
        "plover": event["plover"]["event"], "mode": event["plover"]["mode"] or "",
        "goldstein": event["goldstein"], "quad_class": event["quad_class"],
        "modality": event["modality"], "location": location.get("name") or "",
        "trigger": event["trigger"]["text"], "confidence": event["confidence"],
        "rule": event["rule"], "text": event["text"],
    }


class EventWriter:
    def __init__(self, fmt: str, stream):
        self.fmt, self.stream = fmt, stream
        self.rows: list[dict] = []
        self.csv = None
        if fmt == "csv":
            self.csv = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
            self.csv.writeheader()

    def write(self, events) -> None:
        for event in events:
            record = event.to_dict() if hasattr(event, "to_dict") else event
            if self.fmt == "jsonl":
                self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                self.csv.writerow(flat(record))
            else:
                self.rows.append(flat(record))
        self.stream.flush()

    def close(self) -> None:
        if self.fmt != "table":
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for column in ("doc_id", "date", "source", "target", "cameo", "plover", "modality",
                       "location", "trigger", "rule"):
            table.add_column(column, overflow="fold")
        for row in self.rows:
            table.add_row(*(str(row[c]) for c in ("doc_id", "date", "source", "target", "cameo",
                                                  "plover", "modality", "location", "trigger",
                                                  "rule")))
        Console(file=self.stream, width=160).print(table)
        self.stream.write(f"{len(self.rows)} events\n")
