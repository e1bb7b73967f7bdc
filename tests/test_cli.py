"""The command line end to end: each command run as a user runs it, through the console script.

Starting the coder costs a second or two (spaCy and its pipeline), so the commands that code are
run once per module, several at a time, and the tests read their results.
"""

import csv
import io
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BENNETT = EXAMPLES / "bennett_mediation.txt"
GOLD = Path(__file__).parent / "data" / "gold_small.jsonl"
POLEVENTS = str(Path(sys.executable).with_name("polevents"))

COMMANDS = ("code", "evaluate", "who", "ingest", "query", "dyads", "network", "roles", "export")
EVENT_FIELDS = {"event_id", "doc_id", "sentence", "text", "source", "target", "cameo",
                "cameo_root", "plover", "goldstein", "quad_class", "modality", "reported_by",
                "date", "date_precision", "location", "trigger", "confidence", "rule", "version"}
ACTOR_FIELDS = {"text", "start", "end", "name", "code", "country", "sectors", "kb_id"}
MODALITIES = {"asserted", "negated", "future", "hypothetical", "historical"}
SHELLING = "Russian troops shelled the city of Kharkiv on Monday, killing at least nine civilians."
STDIN_DOCS = [
    {"id": "b1", "date": "2022-03-05", "text": BENNETT.read_text(encoding="utf-8")},
    {"id": "s1", "date": "2022-03-01", "text": SHELLING, "title": "ignored", "other": 1},
]
STDIN_BAD_LINES = ["not json", "[1, 2]", '{"id": "no-text"}']  # lines 3, 4 and 5 of stdin
BINARY = bytes(range(256)) * 8


def polevents(*args, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([POLEVENTS, *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd, timeout=300)


def out(result) -> str:
    return result.stdout.decode("utf-8")


def err(result) -> str:
    return result.stderr.decode("utf-8")


def jsonl(result) -> list[dict]:
    return [json.loads(line) for line in out(result).splitlines() if line.strip()]


def example_texts() -> dict[str, str]:
    """doc id -> text of every bundled example document."""
    texts = {BENNETT.stem: BENNETT.read_text(encoding="utf-8")}
    for line in (EXAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            texts[doc["id"]] = doc["text"]
    return texts


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The commands that start the coder, run once each, in parallel."""
    tmp = tmp_path_factory.mktemp("cli")
    mixed, bad_only = tmp / "mixed", tmp / "bad_only"
    (mixed / "sub").mkdir(parents=True)
    bad_only.mkdir()
    (mixed / "good.txt").write_text(BENNETT.read_text(encoding="utf-8"), encoding="utf-8")
    (mixed / "sub" / "broken.txt").write_bytes(BINARY)
    (bad_only / "broken.txt").write_bytes(BINARY)
    lines = [json.dumps(d) for d in STDIN_DOCS] + STDIN_BAD_LINES
    stdin = "".join(line + "\n" for line in lines).encode("utf-8")
    jobs = {
        "examples": (("code", EXAMPLES, "--date", "2022-03-05"), None),
        "stdin_csv": (("code", "-", "--format", "csv"), stdin),
        "mixed_table": (("code", mixed, "--date", "2022-03-05", "--format", "table"), None),
        "bad_only": (("code", bad_only), None),
        "evaluate": (("evaluate", GOLD), None),
        "evaluate_json": (("evaluate", GOLD, "--json"), None),
    }
    db = tmp / "x.duckdb"
    ingest = ("ingest", EXAMPLES, "--db", db, "--date", "2022-03-05", "--no-progress")
    query = ("query", "--db", db, "--format", "jsonl")

    def store_session() -> dict:
        """ingest, query, ingest the same again, query again: one after the other."""
        return {"db": db, "ingest": polevents(*ingest), "query": polevents(*query),
                "ingest_again": polevents(*ingest), "query_again": polevents(*query)}

    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(workers) as pool:
        store = pool.submit(store_session)  # the longest chain goes first
        futures = {name: pool.submit(polevents, *args, stdin=data) for name, (args, data) in jobs.items()}
        results = {name: f.result() for name, f in futures.items()}
        results["store"] = store.result()
    return results


def check_actor(actor, doc_text: str) -> None:
    assert set(actor) >= ACTOR_FIELDS, actor
    assert isinstance(actor["text"], str) and actor["text"]
    assert type(actor["start"]) is int and type(actor["end"]) is int
    assert doc_text[actor["start"]:actor["end"]] == actor["text"]
    assert isinstance(actor["code"], str) and actor["code"]
    assert actor["name"] is None or isinstance(actor["name"], str)
    assert actor["country"] is None or (isinstance(actor["country"], str) and len(actor["country"]) == 3)
    assert isinstance(actor["sectors"], list) and all(isinstance(s, str) for s in actor["sectors"])
    assert actor["kb_id"] is None or isinstance(actor["kb_id"], str)


def check_event(event: dict, doc_text: str) -> None:
    """One record against SPEC.md section 2: every field, its type, and exact offsets."""
    assert set(event) >= EVENT_FIELDS, EVENT_FIELDS - set(event)
    for name in ("event_id", "doc_id", "text", "cameo", "cameo_root", "rule", "version"):
        assert isinstance(event[name], str) and event[name], name
    assert type(event["sentence"]) is int and event["sentence"] >= 0
    assert event["text"] in doc_text
    for role in ("source", "target", "reported_by"):
        if event[role] is not None:
            check_actor(event[role], doc_text)
    assert event["source"] is not None
    assert event["cameo"].isdigit() and event["cameo_root"] == event["cameo"][:2]
    plover = event["plover"]
    assert isinstance(plover["event"], str) and plover["event"].isupper()
    assert plover["mode"] is None or isinstance(plover["mode"], str)
    assert isinstance(plover["contexts"], list)
    assert isinstance(event["goldstein"], (int, float)) and -10 <= event["goldstein"] <= 10
    root = int(event["cameo_root"])
    expected_quad = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
    assert type(event["quad_class"]) is int and event["quad_class"] == expected_quad
    assert event["modality"] in MODALITIES
    assert event["date_precision"] in {"day", "month", "year", "none"}
    if event["date"] is not None:
        assert isinstance(event["date"], str) and len(event["date"]) == 10
    else:
        assert event["date_precision"] == "none"
    if event["location"] is not None:
        assert set(event["location"]) >= {"text", "name", "country", "lat", "lon"}
    trigger = event["trigger"]
    assert type(trigger["start"]) is int and type(trigger["end"]) is int
    assert doc_text[trigger["start"]:trigger["end"]] == trigger["text"] != ""
    assert isinstance(event["confidence"], (int, float)) and 0 <= event["confidence"] <= 1


# --- help and usage -------------------------------------------------------------------------------

def test_help_lists_the_commands_and_is_quick():
    started = time.perf_counter()
    result = polevents("--help")
    elapsed = time.perf_counter() - started
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in out(result)
    assert elapsed < 5, f"polevents --help took {elapsed:.1f} s"


def test_help_imports_no_heavy_module():
    script = ("import sys\nfrom polevents import cli\nsys.argv = ['polevents', '--help']\n"
              "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
              "heavy = {'spacy', 'duckdb', 'dateparser', 'trafilatura', 'pandas'} & set(sys.modules)\n"
              "print('HEAVY', sorted(heavy))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in result.stdout, result.stdout[-300:] + result.stderr[-300:]


def test_every_command_has_help():
    from typer.testing import CliRunner

    from polevents.cli import app

    runner = CliRunner()
    for command in COMMANDS:
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, command
        assert "Usage" in result.output and "--help" in result.output, command


def test_bad_usage_exits_2(tmp_path):
    bad_date = polevents("code", BENNETT, "--date", "2022-13-45")
    assert bad_date.returncode == 2 and "--date" in err(bad_date) and out(bad_date) == ""
    unknown_option = polevents("code", BENNETT, "--no-such-option")
    assert unknown_option.returncode == 2 and "--no-such-option" in err(unknown_option)
    assert out(unknown_option) == ""
    assert polevents("no-such-command").returncode == 2
    assert polevents("code").returncode == 2  # no input named
    assert polevents("who", "Bennett", "--on", "March 5").returncode == 2
    assert polevents("query", "--db", tmp_path / "x.duckdb", "--since", "2022-99-01").returncode == 2


# --- code -----------------------------------------------------------------------------------------

def test_code_prints_spec_records_with_exact_offsets(runs):
    result = runs["examples"]
    assert result.returncode == 0, err(result)
    events = jsonl(result)
    texts = example_texts()
    assert {e["doc_id"] for e in events} <= set(texts)
    for event in events:
        check_event(event, texts[event["doc_id"]])
    bennett = [e for e in events if e["doc_id"] == BENNETT.stem]
    assert bennett, "the Bennett example gives no event"
    # the example of DESIGN.md: Bennett (ISRGOV) consults Putin (RUSGOV) on 2022-03-05
    assert any(e["source"]["code"] == "ISRGOV" and e["target"] and e["target"]["code"] == "RUSGOV"
               and e["cameo_root"] == "04" and e["date"] == "2022-03-05" for e in bennett)
    ids = [e["event_id"] for e in events]
    assert len(ids) == len(set(ids))


def test_code_reads_json_lines_from_stdin_and_writes_csv(runs):
    result = runs["stdin_csv"]
    assert result.returncode == 0, err(result)
    rows = list(csv.DictReader(io.StringIO(out(result))))
    assert rows, out(result)
    header = out(result).splitlines()[0].split(",")
    for column in ("event_id", "doc_id", "source", "target", "cameo", "modality"):
        assert column in header
    assert {r["doc_id"] for r in rows} == {"b1", "s1"}
    assert all(r["date"] for r in rows)  # every document carried a date


def test_code_reports_each_bad_json_line_and_goes_on(runs):
    problems = err(runs["stdin_csv"]).strip().splitlines()
    assert len(problems) == len(STDIN_BAD_LINES), problems
    # "polevents: <stdin>:LINE: skipped: REASON"
    assert [p.split(":")[2] for p in problems] == ["3", "4", "5"]
    assert all("skipped" in p for p in problems)
    assert "JSON" in problems[0] and "object" in problems[1] and "text" in problems[2]


def test_code_directory_skips_the_bad_file_and_codes_the_good_one(runs):
    result = runs["mixed_table"]
    assert result.returncode == 0, err(result)
    lines = err(result).strip().splitlines()
    assert len(lines) == 1, err(result)
    assert "broken.txt" in lines[0] and "binary" in lines[0]
    table = out(result)
    for column in ("doc_id", "source", "target", "cameo", "modality", "rule"):
        assert column in table
    assert "good" in table and "ISRGOV" in table and "broken" not in table
    count = table.strip().splitlines()[-1]
    assert count.endswith("events") and int(count.split()[0]) > 0


def test_code_with_nothing_readable_exits_1(runs):
    result = runs["bad_only"]
    assert result.returncode == 1
    assert out(result) == ""
    assert "broken.txt" in err(result)


# --- evaluate -------------------------------------------------------------------------------------

def gold_required() -> int:
    docs = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    return sum(1 for d in docs for e in d["events"] if not e.get("optional"))


def test_evaluate_prints_precision_recall_f1(runs):
    result = runs["evaluate"]
    assert result.returncode == 0, err(result)
    lines = out(result).splitlines()
    assert lines[0] == "documents: 4"
    header = next(line for line in lines if line.startswith("level"))
    assert header.split()[:4] == ["level", "P", "R", "F1"]
    for level in ("root", "full", "plover"):
        row = next(line for line in lines if line.startswith(level))
        p, r, f1 = (float(x) for x in row.split()[1:4])
        assert all(0 <= x <= 1 for x in (p, r, f1))


def test_evaluate_json(runs):
    result = runs["evaluate_json"]
    assert result.returncode == 0, err(result)
    report = json.loads(out(result))
    assert report["documents"] == 4
    root = report["levels"]["root"]
    assert root["tp"] + root["fn"] == gold_required()
    assert root["tp"] >= 1
    if root["tp"] + root["fp"]:
        assert root["precision"] == pytest.approx(root["tp"] / (root["tp"] + root["fp"]), abs=1e-4)
    assert root["recall"] == pytest.approx(root["tp"] / gold_required(), abs=1e-4)
    assert set(report["levels"]) >= {"root", "full", "plover"}
    assert isinstance(report["confusions"], list)


def test_evaluate_missing_gold_file_exits_1(tmp_path):
    result = polevents("evaluate", tmp_path / "missing.jsonl")
    assert result.returncode == 1 and "missing.jsonl" in err(result)


# --- who ------------------------------------------------------------------------------------------

def test_who():
    known = polevents("who", "Bennett", "--on", "2022-03-05")
    assert known.returncode == 0, err(known)
    assert "ISRGOV" in out(known).splitlines()[0]
    assert "per.bennett_naftali" in out(known)
    unknown = polevents("who", "Xqzzyv Plorkin")
    assert unknown.returncode == 1
    assert out(unknown) == "" and "Xqzzyv Plorkin" in err(unknown)


def test_kbcheck_usage():
    if "kbcheck" not in out(polevents("--help")):
        pytest.skip("kbcheck is not a command yet")
    assert polevents("kbcheck", "--help").returncode == 0
    missing = polevents("kbcheck", "no-such-mentions.tsv")
    assert missing.returncode == 2 and "no-such-mentions.tsv" in err(missing)


# --- the store ------------------------------------------------------------------------------------

def test_ingest_stores_the_coded_records_once(runs):
    store, texts = runs["store"], example_texts()
    first = store["ingest"]
    assert first.returncode == 0, err(first)
    assert f"{len(texts)} documents read ({len(texts)} new" in err(first)
    assert out(first) == ""

    assert store["query"].returncode == 0, err(store["query"])
    records = jsonl(store["query"])
    assert records
    for record in records:
        check_event(record, texts[record["doc_id"]])
    # the store keeps the records exactly as `polevents code` prints them (a second process
    # coding the same input: this is also the check that coding is deterministic)
    coded = {e["event_id"]: e for e in jsonl(runs["examples"])}
    assert {r["event_id"]: r for r in records} == coded

    again = store["ingest_again"]
    assert again.returncode == 0, err(again)
    assert f"(0 new, {len(texts)} already stored" in err(again)
    assert jsonl(store["query_again"]) == records


def test_query_filters_and_the_analysis_commands_on_coded_examples(runs, tmp_path):
    from typer.testing import CliRunner

    from polevents.cli import app

    db = str(runs["store"]["db"])
    dyad = polevents("query", "--db", db, "--dyad", "ISR:RUS", "--format", "jsonl")
    assert dyad.returncode == 0, err(dyad)
    assert jsonl(dyad) and all(r["source"]["code"].startswith("ISR") and
                               r["target"]["code"].startswith("RUS") for r in jsonl(dyad))
    n_records = len(jsonl(runs["store"]["query"]))

    runner = CliRunner()

    def run(*args):
        result = runner.invoke(app, list(args))
        assert result.exit_code == 0, (args, result.output)
        return result.stdout

    assert run("query", "--db", db, "--limit", "2").count("\n") > 2
    assert run("dyads", "--db", db, "--format", "csv").startswith("period,source,target,events")
    assert json.loads(run("network", "--db", db))["links"]
    roles = [json.loads(line) for line in run("roles", "RUS:UKR", "--db", db, "--format", "jsonl").splitlines()]
    # DESIGN.md's example: Israel mediating between Russia and Ukraine
    assert any(r["role"] == "mediator" and r["actor"] == "ISR" for r in roles)
    csv_file = tmp_path / "events.csv"
    run("export", str(csv_file), "--format", "csv", "--db", db)
    assert len(list(csv.DictReader(csv_file.open(encoding="utf-8")))) == n_records
    gdelt = run("export", "-", "--format", "gdelt", "--db", db)
    assert {len(row.split("\t")) for row in gdelt.splitlines()} == {61}
    assert len(run("export", "-", "--format", "plover", "--db", db).splitlines()) == n_records
    run("export", str(tmp_path / "pq"), "--format", "parquet", "--db", db)
    assert list((tmp_path / "pq").glob("month=*/*.parquet"))


def test_query_without_a_database_exits_1(tmp_path):
    result = polevents("query", "--db", tmp_path / "none.duckdb")
    assert result.returncode == 1 and "none.duckdb" in err(result)
    assert not (tmp_path / "none.duckdb").exists()
