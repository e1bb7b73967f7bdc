"""Scoring against gold files, exactly as SPEC.md section 3 defines it."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from polevents.ontology import pentaclass

LEVELS = ("root", "full", "plover")
SPAN_STOPWORDS = {"a", "an", "the", "of", "s"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    levels: dict = field(default_factory=lambda: {level: Score() for level in LEVELS})
    documents: int = 0
    confusions: Counter = field(default_factory=Counter)
    penta_docs: int = 0
    penta_right: int = 0
    source_docs: int = 0
    source_right: int = 0
    target_docs: int = 0
    target_right: int = 0
    plover_docs: int = 0      # documents labelled with one PLOVER event (not in SPEC: an extra)
    plover_right: int = 0

    def as_dict(self) -> dict:
        out = {"documents": self.documents,
               "levels": {k: v.as_dict() for k, v in self.levels.items()
                          if v.tp + v.fp + v.fn}}
        if self.penta_docs:
            out["pentaclass"] = {"documents": self.penta_docs,
                                 "accuracy": round(self.penta_right / self.penta_docs, 4)}
        if self.source_docs:
            out["source_span_overlap"] = round(self.source_right / self.source_docs, 4)
        if self.target_docs:
            out["target_span_overlap"] = round(self.target_right / self.target_docs, 4)
        if self.plover_docs:
            out["main_event_plover"] = {"documents": self.plover_docs,
                                        "accuracy": round(self.plover_right / self.plover_docs, 4)}
        out["confusions"] = [{"gold": g, "coded": c, "count": n}
                             for (g, c), n in self.confusions.most_common(15)]
        return out


def _options(code) -> list[str]:
    return [str(c) for c in code] if isinstance(code, list) else [str(code)]


def _gold_key_matches(level: str, gold: dict, pred: dict) -> bool:
    g_target = gold.get("target")
    p_source, p_target = pred["source"], pred["target"]
    if level == "full":
        source_ok = gold["source"] == p_source
        target_ok = g_target == "*" or (g_target or "") == p_target
        return source_ok and target_ok and pred["cameo"] in _options(gold["cameo"])
    source_ok = gold["source"][:3] == p_source[:3]
    target_ok = g_target == "*" or (g_target or "")[:3] == p_target[:3]
    if level == "root":
        return source_ok and target_ok and pred["cameo"][:2] in {c[:2] for c in _options(gold["cameo"])}
    plover = gold.get("plover")
    if isinstance(plover, dict):
        plover = plover.get("event")
    return source_ok and target_ok and plover == pred["plover"]


def _max_matching(preds: list[dict], golds: list[dict], level: str) -> dict[int, int]:
    """Maximum bipartite matching of predictions to gold events (pred index -> gold index)."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g, gold in enumerate(golds):
            if g in seen or not _gold_key_matches(level, gold, preds[p]):
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(preds)):
        augment(p, set())
    return {p: g for g, p in owner.items()}


def score_document(level: str, preds: list[dict], golds: list[dict], score: Score,
                   confusions: Counter | None = None) -> None:
    if level == "plover":
        golds = [g for g in golds if g.get("plover")]
        if not golds:
            return
    required = [g for g in golds if not g.get("optional")]
    optional = [g for g in golds if g.get("optional")]
    matched = _max_matching(preds, required, level)
    score.tp += len(matched)
    score.fn += len(required) - len(matched)
    rest = [p for i, p in enumerate(preds) if i not in matched]
    soaked = _max_matching(rest, optional, level)
    unmatched = [p for i, p in enumerate(rest) if i not in soaked]
    score.fp += len(unmatched)
    if confusions is not None:
        missed = [g for i, g in enumerate(required) if i not in set(matched.values())]
        for g in missed:
            same_dyad = next((p for p in unmatched if p["source"][:3] == g["source"][:3]
                              and p["target"][:3] == (g.get("target") or "")[:3]), None)
            coded = same_dyad["cameo"][:2] if same_dyad else "none"
            confusions[(f"{g['source']}>{g.get('target') or ''} {_options(g['cameo'])[0][:2]}",
                        coded)] += 1
        for p in unmatched:
            confusions[("none", f"{p['source']}>{p['target']} {p['cameo'][:2]}")] += 1


def _triple(event: dict) -> dict:
    return {"source": (event["source"] or {}).get("code", ""),
            "target": (event["target"] or {}).get("code", "") if event["target"] else "",
            "cameo": event["cameo"], "plover": event["plover"]["event"]}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in SPAN_STOPWORDS}


def _overlaps(actor: dict | None, spans: list[str]) -> bool:
    if not actor:
        return False
    mine = _words(actor["text"])
    return any(mine & _words(span) for span in spans)


def evaluate(gold_docs: Iterable[dict], coded: Iterable[list[dict]]) -> Report:
    """gold_docs and coded run in parallel: the event records coded for each gold document."""
    report = Report()
    for gold, events in zip(gold_docs, coded):
        report.documents += 1
        if "events" in gold:
            preds = [_triple(e) for e in events if e["modality"] == "asserted"]
            for level in LEVELS:
                score_document(level, preds, gold["events"], report.levels[level],
                               report.confusions if level == "root" else None)
        main = _main_event(events)
        if gold.get("plover_event"):
            report.plover_docs += 1
            report.plover_right += bool(main and main["plover"]["event"] == gold["plover_event"])
        if "pentaclass" in gold:
            report.penta_docs += 1
            report.penta_right += bool(main and pentaclass(main["cameo"]) == gold["pentaclass"])
            if gold.get("source_spans"):
                report.source_docs += 1
                report.source_right += _overlaps(main and main["source"], gold["source_spans"])
            if gold.get("target_spans"):
                report.target_docs += 1
                report.target_right += _overlaps(main and main["target"], gold["target_spans"])
    return report


def _main_event(events: list[dict]) -> dict | None:
    """The document's highest-confidence event, the first on a tie."""
    best = None
    for event in events:
        if best is None or event["confidence"] > best["confidence"]:
            best = event
    return best


def format_report(report: Report) -> str:
    data = report.as_dict()
    lines = [f"documents: {report.documents}"]
    if data["levels"]:
        lines.append(f"{'level':<8}{'P':>8}{'R':>8}{'F1':>8}{'TP':>7}{'FP':>7}{'FN':>7}")
        for level, s in data["levels"].items():
            lines.append(f"{level:<8}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                         f"{s['tp']:>7}{s['fp']:>7}{s['fn']:>7}")
    for label, right, total in (("pentaclass accuracy", report.penta_right, report.penta_docs),
                                ("source span overlap", report.source_right, report.source_docs),
                                ("target span overlap", report.target_right, report.target_docs),
                                ("main event PLOVER type", report.plover_right, report.plover_docs)):
        if total:
            lines.append(f"{label}: {right / total:.3f} ({right}/{total})")
    if data["confusions"]:
        lines.append("most frequent confusions at root level (gold -> coded):")
        for c in data["confusions"]:
            lines.append(f"  {c['count']:>4}  {c['gold']}  ->  {c['coded']}")
    return "\n".join(lines)


def read_gold(path: str) -> list[dict]:
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
    return docs
