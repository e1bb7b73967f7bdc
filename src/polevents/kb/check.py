"""Resolution accuracy of the knowledge base on test sets of dated mentions.

A mention file is a TSV with the header `mention  date  expected_code  expected_person_id  note`.
Each mention is resolved the way the coder resolves a subject: it is parsed in the carrier
sentence "<mention> said on Monday." with the coder's own spaCy pipeline, and the subject of
"said" goes through `ActorResolver.resolve` with the mention's date. A mention is right when the
actor's code equals `expected_code` and, where `expected_person_id` is given, its `kb_id` too.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

CARRIER = "{mention} said on Monday."
COLUMNS = ("mention", "date", "expected_code", "expected_person_id", "note")

# Coarse categories of the free-text notes, first match wins (order matters: "namesake" before
# "after", "title without name" before everything).
CATEGORIES = (
    ("title without name", ("title without name",)),
    ("namesake", ("namesake",)),
    ("spelling", ("transliteration", "spelling", "ascii", "diacritic", "alias", "nickname",
                  "kunya", "nom de guerre", "legal name", "unhyphenated", "given name", " oe")),
    ("out of office", ("after", "former", "ousted", "deposed", "removed", "out of office",
                       "no office", "between", "fled", "dismissed", "resigned", "candidate",
                       "before", "detained", "backbencher", "exile", "day before")),
    ("opposition", ("opposition", "minority leader")),
)


def category_of(note: str) -> str:
    """The coarse category of a mention's note (office holder when no other fits)."""
    text = f" {note.lower()}"
    for name, cues in CATEGORIES:
        if any(cue in text for cue in cues):
            return name
    return "office holder"


@dataclass
class Mention:
    file: str
    line: int
    mention: str
    date: str
    expected_code: str
    expected_person_id: str
    note: str

    @property
    def category(self) -> str:
        return category_of(self.note)


def read_mentions(path: str | Path) -> list[Mention]:
    path = Path(path)
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = None
        for number, row in enumerate(reader, start=1):
            if not row or not "".join(row).strip() or row[0].startswith("#"):
                continue
            if header is None:
                header = [h.strip() for h in row]
                missing = [c for c in COLUMNS[:3] if c not in header]
                if missing:
                    raise ValueError(f"{path}:{number}: missing column(s) {', '.join(missing)}")
                continue
            values = dict(zip(header, (v.strip() for v in row)))
            out.append(Mention(str(path), number, values.get("mention", ""), values.get("date", ""),
                               values.get("expected_code", ""),
                               values.get("expected_person_id", ""), values.get("note", "")))
    return out


def subject_token(parsed, mention: str):
    """The token that heads the mention: the subject of "said" where the parse gives one inside
    the mention, else the mention's own syntactic head."""
    end = len(mention)
    inside = [t for t in parsed if t.idx < end]
    for token in parsed:
        if token.lower_ == "said":
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.idx < end:
                    return child, "nsubj"
    heads = [t for t in inside if not (t.head.idx < end) or t.head is t]
    if heads:
        return heads[-1], "head"
    return (inside[-1] if inside else parsed[0]), "last"


def _resolve_parsed(parsed, mention: str, date: str | None, kb):
    from polevents.actors import ActorResolver

    token, how = subject_token(parsed, mention)
    resolver = ActorResolver(kb, date or None)
    resolver.start_sentence(token.sent)
    return token, how, resolver.resolve(token)


def resolve_mention(mention: str, date: str | None, coder=None, kb=None):
    """The Actor the coder gives `mention` as the subject of "<mention> said on Monday." in a
    report of `date` (None when it names nobody). `kb` replaces the coder's knowledge base."""
    if coder is None:
        from polevents.pipeline import Coder

        coder = Coder()
    parsed = coder.nlp(CARRIER.format(mention=mention))
    return _resolve_parsed(parsed, mention, date, kb if kb is not None else coder.kb)[2]


def _resolve_all(mentions: list[Mention], coder):
    texts = [CARRIER.format(mention=m.mention) for m in mentions]
    return [_resolve_parsed(parsed, m.mention, m.date, coder.kb)
            for m, parsed in zip(mentions, coder.nlp.pipe(texts, batch_size=256))]


def _rate(right: int, total: int) -> dict:
    return {"correct": right, "total": total, "accuracy": right / total if total else 0.0}


def check_mentions(paths, coder=None) -> dict:
    """Resolve every mention of the files through the coder's path and score them.

    Returns {"correct", "total", "accuracy", "by_category", "by_file", "by_note", "failures"};
    each `by_*` maps a name to {"correct", "total", "accuracy"}, and each failure is a dict with
    the mention, its file and line, what was expected and what the coder gave.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if coder is None:
        from polevents.pipeline import Coder

        coder = Coder()
    mentions = [m for p in paths for m in read_mentions(p)]
    tallies = {"by_category": defaultdict(lambda: [0, 0]), "by_file": defaultdict(lambda: [0, 0]),
               "by_note": defaultdict(lambda: [0, 0])}
    failures = []
    right = 0
    for m, (token, how, actor) in zip(mentions, _resolve_all(mentions, coder)):
        got_code = actor.code if actor else None
        got_id = actor.kb_id if actor else None
        ok = got_code == m.expected_code and (not m.expected_person_id or got_id == m.expected_person_id)
        right += ok
        for key, name in (("by_category", m.category), ("by_file", Path(m.file).name),
                          ("by_note", m.note)):
            tallies[key][name][0] += ok
            tallies[key][name][1] += 1
        if not ok:
            failures.append({
                "file": m.file, "line": m.line, "mention": m.mention, "date": m.date,
                "note": m.note, "category": m.category,
                "expected_code": m.expected_code, "expected_person_id": m.expected_person_id or None,
                "got_code": got_code, "got_person_id": got_id,
                "got_name": actor.name if actor else None, "got_text": actor.text if actor else None,
                "head": token.text, "head_found_by": how,
            })
    report = _rate(right, len(mentions))
    for key, table in tallies.items():
        report[key] = {name: _rate(*counts) for name, counts in sorted(table.items())}
    report["failures"] = failures
    return report


def format_report(report: dict, show_failures: bool = False) -> list[str]:
    lines = [f"accuracy: {report['correct']}/{report['total']} "
             f"({100 * report['accuracy']:.1f}%)"]
    if len(report["by_file"]) > 1:
        for name, r in report["by_file"].items():
            lines.append(f"  {name:<36} {r['correct']:>4}/{r['total']:<4} {100 * r['accuracy']:5.1f}%")
    lines.append("by category:")
    for name, r in report["by_category"].items():
        lines.append(f"  {name:<36} {r['correct']:>4}/{r['total']:<4} {100 * r['accuracy']:5.1f}%")
    if show_failures and report["failures"]:
        lines.append(f"failures ({len(report['failures'])}):")
        for f in report["failures"]:
            expected = f["expected_code"] + (f" {f['expected_person_id']}" if f["expected_person_id"] else "")
            got = f"{f['got_code']} {f['got_person_id'] or '-'}" if f["got_code"] is not None else "nothing"
            lines.append(f"  {Path(f['file']).name}:{f['line']}  {f['mention']!r} on {f['date']} "
                         f"[{f['note']}]: expected {expected}, got {got}"
                         + (f" (head {f['head']!r} by {f['head_found_by']})" if f["head_found_by"] != "nsubj" else ""))
    return lines
