"""Filters over stored events (raw mentions) or event clusters, and the three ways to print them.

Actor and dyad filters take CAMEO actor code prefixes: `ISR` matches ISRGOV and ISRMIL. An actor
filter that is not a code (`Bennett`, `prime minister`) matches words in the actors' names and
texts. A CAMEO filter is a code prefix too: `04` is the whole root, `042` the code and its children.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass

from polevents import store

CODE = re.compile(r"^[A-Z0-9-]{3,}$")
MENTION_COLUMNS = [c for c, _ in store.EVENT_COLUMNS if c != "record"]


class QueryError(ValueError):
    """A filter the user wrote in a form polevents does not understand."""


@dataclass
class Filters:
    actor: str | None = None
    dyad: str | None = None
    undirected: bool = False
    cameo: str | None = None
    plover: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    modality: str | None = None
    text: str | None = None

    def where(self, alias: str = "") -> tuple[str, list]:
        """SQL condition and parameters; the same column names serve events and clusters.

        `alias` qualifies the columns (e.g. "e" when the events table is joined as e).
        """
        p = f"{alias}." if alias else ""
        sql, params = ["TRUE"], []
        if self.actor:
            if CODE.match(self.actor):
                sql.append(f"(starts_with({p}source_code, ?) OR starts_with({p}target_code, ?))")
                params += [self.actor, self.actor]
            for word in ([] if CODE.match(self.actor) else self.actor.split()):
                names = ", ".join(f"{p}{who}_{f}" for who in ("source", "target")
                                  for f in ("name", "text"))
                sql.append(f"concat_ws(' ', {names}) ILIKE ?")
                params.append(f"%{word}%")
        if self.dyad:
            a, b = parse_dyad(self.dyad)
            pair = f"(starts_with({p}source_code, ?) AND starts_with({p}target_code, ?))"
            sql.append(f"({pair} OR {pair})" if self.undirected else pair)
            params += [a, b, b, a] if self.undirected else [a, b]
        if self.cameo:
            if not self.cameo.isdigit():
                raise QueryError(f"CAMEO code must be digits, e.g. 04 or 042: {self.cameo!r}")
            sql.append(f"starts_with({p}cameo, ?)")
            params.append(self.cameo)
        if self.plover:
            sql.append(f"{p}plover_event = ?")
            params.append(self.plover.upper())
        if self.quad is not None:
            if self.quad not in (1, 2, 3, 4):
                raise QueryError(f"quad class is 1, 2, 3 or 4: {self.quad}")
            sql.append(f"{p}quad_class = ?")
            params.append(self.quad)
        for value, op in ((self.since, ">="), (self.until, "<=")):
            if value:
                sql.append(f"{p}day {op} ?")
                params.append(parse_date(value))
        if self.modality:
            sql.append(f"{p}modality = ?")
            params.append(self.modality)
        for word in (self.text or "").split():
            sql.append(f"{p}text ILIKE ?")
            params.append(f"%{word}%")
        return " AND ".join(sql), params


def parse_dyad(value: str) -> tuple[str, str]:
    parts = value.split(":")
    if len(parts) != 2 or not all(CODE.match(p) for p in parts):
        raise QueryError(f"a dyad is two actor codes joined by ':', e.g. ISR:RUS, not {value!r}")
    return parts[0], parts[1]


def parse_date(value: str) -> dt.date:
    day = store.parse_day(value)
    if day is None:
        raise QueryError(f"not a date (YYYY-MM-DD): {value!r}")
    return day


def select(db, filters: Filters | None = None, clusters: bool = False,
           limit: int | None = None) -> tuple[list[str], list[tuple]]:
    """Column names and rows of the matching mentions (with their JSON record) or clusters."""
    cond, params = (filters or Filters()).where()
    table = "clusters" if clusters else "events"
    cols = "*" if clusters else ", ".join(f'"{c}"' for c in MENTION_COLUMNS + ["record"])
    order = "day, source_key, target_key, cluster_id" if clusters else "day, doc_id, sentence, event_id"
    sql = f"SELECT {cols} FROM {table} WHERE {cond} ORDER BY {order} NULLS LAST"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    with store.connect(db, read_only=True) as con:
        cur = con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return names, cur.fetchall()


def records(db, filters: Filters | None = None, limit: int | None = None) -> list[dict]:
    """The matching events as exact SPEC event records."""
    names, rows = select(db, filters, limit=limit)
    i = names.index("record")
    return [json.loads(r[i]) for r in rows]


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def write_jsonl(names, rows, out=None) -> None:
    out = out or sys.stdout
    if "record" in names:  # mentions: the stored record, byte for byte
        i = names.index("record")
        for r in rows:
            out.write(r[i] + "\n")
        return
    for r in rows:
        out.write(json.dumps({n: _plain(v) for n, v in zip(names, r)}, ensure_ascii=False) + "\n")


def write_csv(names, rows, out=None) -> None:
    out = out or sys.stdout
    keep = [i for i, n in enumerate(names) if n != "record"]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([names[i] for i in keep])
    for r in rows:
        writer.writerow([";".join(r[i]) if isinstance(r[i], list) else _plain(r[i]) for i in keep])


def print_table(names, rows, out=None) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    clusters = "n_mentions" in names
    cols = ["day", "source_code", "target_code", "cameo"]
    cols += ["n_mentions", "n_documents"] if clusters else ["plover_event", "modality"]
    labels = {"source_code": "source", "target_code": "target", "plover_event": "plover",
              "n_mentions": "reports", "n_documents": "docs"}
    table = Table(expand=True, box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for c in cols:
        table.add_column(labels.get(c, c), no_wrap=True)
    # one line per row, cut with an ellipsis: a table is for scanning
    table.add_column("text", no_wrap=True, overflow="ellipsis", ratio=1)
    idx = [names.index(c) for c in cols]
    for r in rows:
        row = dict(zip(names, r))
        flags = "".join(f"[{f}] " for f in row.get("contradictions") or [])
        table.add_row(*("" if r[i] is None else str(_plain(r[i])) for i in idx),
                      Text(flags + (row["text"] or "")))
    Console(file=out).print(table)
