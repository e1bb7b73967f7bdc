"""The event trigger lexicon and the modality cues, read from the data files beside this module."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SLOT = re.compile(r"^(dobj|none|prep:[a-z]+|clause\.subject|about|judged)$")


@dataclass(frozen=True)
class Trigger:
    id: str
    cameo: str
    pos: str                                  # verb or noun
    head: str                                 # lemma of the trigger's head word
    companions: tuple[frozenset[str], ...]    # each: lemmas of which one must be near the head
    targets: tuple[str, ...]                  # slots tried in order: dobj, prep:X, none


class LexiconError(ValueError):
    pass


def parse_triggers(path: Path) -> list[Trigger]:
    from polevents.ontology import all_codes

    codes = all_codes()
    triggers, seen = [], set()
    header = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cols
            continue
        row = dict(zip(header, cols + [""] * (len(header) - len(cols))))
        where = f"{path}:{number}"
        if row["id"] in seen:
            raise LexiconError(f"{where}: duplicate id {row['id']!r}")
        seen.add(row["id"])
        if row["cameo"] not in codes:
            raise LexiconError(f"{where}: unknown CAMEO code {row['cameo']!r}")
        if row["pos"] not in ("verb", "noun"):
            raise LexiconError(f"{where}: pos must be verb or noun, not {row['pos']!r}")
        words = row["pattern"].split()
        if not words:
            raise LexiconError(f"{where}: empty pattern")
        slots = tuple(s for s in (row.get("target") or "none").split("|") if s)
        if not all(SLOT.match(s) for s in slots):
            raise LexiconError(f"{where}: bad target {row.get('target')!r}")
        triggers.append(Trigger(row["id"], row["cameo"], row["pos"], words[0],
                                tuple(frozenset(w.split("|")) for w in words[1:]), slots))
    return triggers


@dataclass(frozen=True)
class Lexicon:
    by_head: dict          # (lemma, pos) -> [Trigger]
    cues: dict
    intents: dict          # CAMEO prefix of an announced act -> (rule id, intent code)

    def intent_for(self, cameo: str) -> tuple[str, str] | None:
        for length in range(len(cameo), 1, -1):
            if cameo[:length] in self.intents:
                return self.intents[cameo[:length]]
        return None

    def cue_id(self, group: str, lemma: str) -> str | None:
        for item in self.cues.get(group, []):
            if lemma in item["words"]:
                return item["id"]
        return None


def word_list(name: str) -> frozenset:
    """A list of words from cues.yaml, for the parse rules that need one."""
    return frozenset(_cues()[name])


@lru_cache(maxsize=1)
def _cues() -> dict:
    return yaml.safe_load((HERE / "cues.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    by_head: dict = {}
    triggers = parse_triggers(HERE / "triggers.tsv")
    for trigger in triggers:
        by_head.setdefault((trigger.head, trigger.pos), []).append(trigger)
    cues = dict(_cues())
    by_id = {t.id: t for t in triggers}
    cues["military_senses"] = {plain: by_id[military]
                               for plain, military in cues["military_senses"].items()}
    for name, value in cues.items():  # a list of words is looked up, never walked in order
        if isinstance(value, list) and all(isinstance(w, str) for w in value):
            cues[name] = frozenset(value)
    cues["helping_verbs"] = {key: frozenset(words) for key, words in cues["helping_verbs"].items()}
    intents = {}
    for line in (HERE / "intents.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith(("#", "id\t")):
            rule, act, code = line.split("\t")
            intents[act] = (rule, code)
    return Lexicon(by_head, cues, intents)
