"""Checks on the event trigger lexicon data file (src/polevents/lexicon/triggers.tsv)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "src" / "polevents" / "lexicon" / "triggers.tsv"
ONTOLOGY = ROOT / "src" / "polevents" / "ontology" / "cameo.tsv"
CODEBOOKS = [
    ROOT / "shared" / "data" / "codebooks" / "cameo_event_codes.csv",
    ROOT.parent / "shared" / "data" / "codebooks" / "cameo_event_codes.csv",
]

COLUMNS = ["id", "cameo", "pos", "pattern", "target"]
ROOTS = {f"{n:02d}" for n in range(1, 21)}
TARGET_PART = re.compile(r"^(dobj|none|prep:[a-z]+|clause\.subject|about|judged)$")
WORD = r"[a-z][a-z'\-]*"
SLOT = rf"(@person|@must|{WORD})"
PATTERN = re.compile(rf"^{WORD}( {SLOT}(\|{SLOT})*)*$")
GROUP = re.compile(r"^# (\d\d) [A-Z]")


def _data_lines(path: Path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    reader = csv.DictReader(_data_lines(LEXICON), delimiter="\t", quoting=csv.QUOTE_NONE)
    assert reader.fieldnames == COLUMNS
    return list(reader)


def _known_codes() -> set[str] | None:
    codes: set[str] = set()
    found = False
    if ONTOLOGY.exists():
        found = True
        lines = _data_lines(ONTOLOGY)
        table = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
        col = 0
        if table and "code" in [c.strip().lower() for c in table[0]]:
            col = [c.strip().lower() for c in table[0]].index("code")
            table = table[1:]
        codes |= {r[col].strip() for r in table if r}
    for path in CODEBOOKS:
        if path.exists():
            found = True
            with path.open(encoding="utf-8") as fh:
                codes |= {r["code"].strip() for r in csv.DictReader(fh)}
            break
    return codes if found else None


def test_file_is_utf8_and_rows_have_five_fields():
    text = LEXICON.read_bytes().decode("utf-8")
    for line in _data_lines(LEXICON):
        assert len(line.split("\t")) == 5, line
    assert "\r" not in text


def test_ids_are_unique_and_readable(rows):
    ids = [r["id"] for r in rows]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes, dupes
    for r in rows:
        assert re.fullmatch(r"\d\d(\.[a-z0-9\-]+)+", r["id"]), r["id"]
        assert r["id"][:2] == r["cameo"][:2], r


def test_codes_exist_in_cameo(rows):
    known = _known_codes()
    if known is None:
        pytest.skip("no CAMEO code table available (codebook or ontology/cameo.tsv)")
    unknown = sorted({r["cameo"] for r in rows} - known)
    assert not unknown, unknown


def test_codes_are_zero_padded_strings(rows):
    for r in rows:
        assert re.fullmatch(r"\d{3,4}", r["cameo"]), r


def test_pos_values(rows):
    assert {r["pos"] for r in rows} <= {"verb", "noun"}


def test_target_syntax(rows):
    for r in rows:
        parts = r["target"].split("|")
        assert all(TARGET_PART.match(p) for p in parts), r
        assert len(parts) == len(set(parts)), r
        assert "none" not in parts or parts == ["none"], r


def test_patterns_are_lowercase_lemmas(rows):
    for r in rows:
        pat = r["pattern"]
        assert pat == pat.lower(), r
        assert PATTERN.match(pat), r
        for slot in pat.split()[1:]:
            alts = slot.split("|")
            assert len(alts) == len(set(alts)), r


def test_no_duplicate_patterns(rows):
    # a row read only in its military sense (cues.yaml military_senses) may repeat a pattern
    senses = yaml.safe_load((LEXICON.parent / "cues.yaml").read_text(encoding="utf-8"))
    military = set(senses["military_senses"].values())
    seen: dict[tuple[str, str], str] = {}
    for r in rows:
        if r["id"] in military:
            continue
        key = (r["pos"], r["pattern"])
        assert key not in seen, (r["id"], seen.get(key))
        seen[key] = r["id"]


def test_coverage(rows):
    codes = {r["cameo"] for r in rows}
    assert {c[:2] for c in codes} == ROOTS
    assert len(codes) >= 150
    assert len(rows) >= 700


def test_rows_are_grouped_by_root():
    group = None
    groups_seen = []
    header_seen = False
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        m = GROUP.match(line)
        if m:
            group = m.group(1)
            groups_seen.append(group)
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        assert group is not None and line.split("\t")[1][:2] == group, line
    assert groups_seen == sorted(ROOTS)


@pytest.mark.parametrize(
    "pos,pattern,cameo",
    [
        ("verb", "hold talk|negotiation|discussion|dialogue", "046"),
        ("verb", "speak phone|telephone|videoconference|video", "041"),
        ("verb", "impose sanction|embargo|tariff|boycott|duty|levy|penalty", "163"),
        ("noun", "airstrike", "195"),
        ("verb", "shell", "194"),
        ("noun", "strike", "143"),
        ("verb", "strike", "190"),
        ("noun", "massacre", "202"),
    ],
)
def test_key_entries(rows, pos, pattern, cameo):
    match = [r for r in rows if r["pos"] == pos and r["pattern"] == pattern]
    assert match and match[0]["cameo"] == cameo


def test_words_without_event_sense_are_never_bare(rows):
    bare = {(r["pos"], r["pattern"]) for r in rows if " " not in r["pattern"]}
    # "call" alone is a phone call only with an actor as object (04.call.person)
    for word in ("hold", "release", "fire", "deny", "say", "tell", "have", "take", "make"):
        assert ("verb", word) not in bare, word
