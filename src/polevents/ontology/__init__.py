"""CAMEO and PLOVER 2.0 reference tables.

The data lives in two tab-separated files next to this module:

* ``cameo.tsv``  - every CAMEO event code with a short name, its Goldstein weight,
  the PLOVER 2.0 event type and mode it maps to, and its quad class;
* ``plover.tsv`` - the 16 PLOVER 2.0 event types and their modes.

Lines starting with ``#`` are comments. Both tables are read once and cached;
any malformed row raises ``ValueError`` naming the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

__all__ = [
    "PLOVER_EVENTS",
    "CameoCode",
    "all_codes",
    "cameo",
    "pentaclass",
    "plover_types",
    "quad_class_of_root",
]

_HERE = Path(__file__).parent
CAMEO_FILE = _HERE / "cameo.tsv"
PLOVER_FILE = _HERE / "plover.tsv"

#: The 16 PLOVER 2.0 event types, cooperative first.
PLOVER_EVENTS: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

_CAMEO_COLUMNS = ["code", "name", "goldstein", "plover_event", "plover_mode", "quad_class"]
_PLOVER_COLUMNS = ["event", "mode", "definition"]


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code and what it maps to."""

    code: str  # zero-padded: "04", "042", "0211"
    name: str
    goldstein: float  # -10 (most hostile) .. +10 (most cooperative)
    plover_event: str  # one of PLOVER_EVENTS
    plover_mode: str | None  # None where no mode applies
    quad_class: int  # 1..4, from the root

    @property
    def root(self) -> str:
        return self.code[:2]


# --------------------------------------------------------------------------- roots


def _root_number(code: str) -> int:
    """The CAMEO root (1..20) of a code or root such as "04", "042" or "1041"."""
    if not (isinstance(code, str) and code.isdigit() and 2 <= len(code) <= 4):
        raise ValueError(f"not a CAMEO code: {code!r}")
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"CAMEO root out of range 01-20: {code!r}")
    return root


def quad_class_of_root(root: str) -> int:
    """Quad class of a CAMEO root (a longer code is reduced to its root).

    1 verbal cooperation (01-05), 2 material cooperation (06-09),
    3 verbal conflict (10-14), 4 material conflict (15-20).
    """
    n = _root_number(root)
    if n <= 5:
        return 1
    if n <= 9:
        return 2
    if n <= 14:
        return 3
    return 4


def pentaclass(code: str) -> int:
    """Five-way class of a CAMEO code, as used by the ConfliBERT data (SPEC section 3).

    0: roots 01-02, 1: 03-05, 2: 06-08, 3: 09-13, 4: 14-20.
    """
    n = _root_number(code)
    if n <= 2:
        return 0
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    if n <= 13:
        return 3
    return 4


# --------------------------------------------------------------------------- parsing


def _rows(text: str, source: str, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data line of a TSV with a header line."""
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if fields != columns:
                raise ValueError(f"{source}:{lineno}: expected header {columns}, got {fields}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise ValueError(
                f"{source}:{lineno}: expected {len(columns)} tab-separated fields, got {len(fields)}"
            )
        yield lineno, dict(zip(columns, (f.strip() for f in fields)))
    if not header_seen:
        raise ValueError(f"{source}: no header line")


def _parse_plover(text: str, source: str = "plover.tsv") -> dict[str, list[str]]:
    types: dict[str, list[str]] = {}
    for lineno, row in _rows(text, source, _PLOVER_COLUMNS):
        event, mode = row["event"], row["mode"]
        if event not in PLOVER_EVENTS:
            raise ValueError(f"{source}:{lineno}: unknown PLOVER event type {event!r}")
        if not row["definition"]:
            raise ValueError(f"{source}:{lineno}: empty definition")
        if not mode:
            if event in types:
                raise ValueError(f"{source}:{lineno}: duplicate event type {event}")
            types[event] = []
        elif event not in types:
            raise ValueError(f"{source}:{lineno}: mode {mode!r} listed before its type {event}")
        elif mode in types[event]:
            raise ValueError(f"{source}:{lineno}: duplicate mode {event} {mode}")
        else:
            types[event].append(mode)
    missing = [e for e in PLOVER_EVENTS if e not in types]
    if missing:
        raise ValueError(f"{source}: missing PLOVER event types {missing}")
    return types


def _parse_cameo(
    text: str, plover: dict[str, list[str]], source: str = "cameo.tsv"
) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for lineno, row in _rows(text, source, _CAMEO_COLUMNS):
        where = f"{source}:{lineno}"
        code = row["code"]
        try:
            root_quad = quad_class_of_root(code)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        if code in codes:
            raise ValueError(f"{where}: duplicate CAMEO code {code}")
        if not row["name"]:
            raise ValueError(f"{where}: empty name for {code}")
        try:
            goldstein = float(row["goldstein"])
        except ValueError:
            raise ValueError(f"{where}: Goldstein value {row['goldstein']!r} is not a number") from None
        if not -10.0 <= goldstein <= 10.0:
            raise ValueError(f"{where}: Goldstein value {goldstein} outside -10..10")
        event, mode = row["plover_event"], row["plover_mode"] or None
        if event not in plover:
            raise ValueError(f"{where}: unknown PLOVER event type {event!r}")
        if mode is not None and mode not in plover[event]:
            raise ValueError(f"{where}: {mode!r} is not a mode of PLOVER {event}")
        if row["quad_class"] != str(root_quad):
            raise ValueError(
                f"{where}: quad class {row['quad_class']!r} for {code}, expected {root_quad}"
            )
        codes[code] = CameoCode(code, row["name"], goldstein, event, mode, root_quad)
    return codes


# --------------------------------------------------------------------------- public API


@lru_cache(maxsize=1)
def _plover_table() -> dict[str, list[str]]:
    return _parse_plover(PLOVER_FILE.read_text(encoding="utf-8"), PLOVER_FILE.name)


@lru_cache(maxsize=1)
def _cameo_table() -> dict[str, CameoCode]:
    return _parse_cameo(CAMEO_FILE.read_text(encoding="utf-8"), _plover_table(), CAMEO_FILE.name)


def plover_types() -> dict[str, list[str]]:
    """PLOVER 2.0 event type -> its modes (possibly empty), in table order (a fresh copy)."""
    return {event: list(modes) for event, modes in _plover_table().items()}


def all_codes() -> dict[str, CameoCode]:
    """Every CAMEO code in the table, keyed by its zero-padded code (a fresh copy)."""
    return dict(_cameo_table())


def cameo(code: str) -> CameoCode:
    """Look up one CAMEO code, e.g. ``cameo("042")``.

    Raises KeyError for a code that is not in the table.
    """
    try:
        return _cameo_table()[code]
    except KeyError:
        raise KeyError(
            f"unknown CAMEO event code {code!r} (codes are zero-padded strings such as '04', '042', '0211')"
        ) from None
