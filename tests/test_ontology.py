"""Tests for the CAMEO / PLOVER 2.0 tables in polevents.ontology."""

import csv
from pathlib import Path

import pytest

from polevents import ontology
from polevents.ontology import (
    PLOVER_EVENTS,
    CameoCode,
    all_codes,
    cameo,
    pentaclass,
    plover_types,
    quad_class_of_root,
)

SHARED_CODEBOOK = Path(__file__).resolve().parents[2] / "shared/data/codebooks/cameo_event_codes.csv"


# ----------------------------------------------------------------- table shape


def test_table_has_every_code():
    codes = all_codes()
    assert len(codes) == 317
    assert all(isinstance(c, CameoCode) for c in codes.values())
    assert all(k == c.code for k, c in codes.items())


def test_all_twenty_roots_present():
    codes = all_codes()
    for n in range(1, 21):
        root = f"{n:02d}"
        assert root in codes, root
        assert f"{root}0" in codes, f"{root}0"


def test_codes_are_zero_padded_digit_strings():
    for code in all_codes():
        assert code.isdigit() and len(code) in (2, 3, 4)
        if len(code) > 2:
            assert code[:2] in all_codes(), f"{code} has no root row"
        if len(code) == 4:
            assert code[:3] in all_codes(), f"{code} has no 3-digit parent"


def test_every_plover_event_and_mode_is_valid():
    types = plover_types()
    for c in all_codes().values():
        assert c.plover_event in PLOVER_EVENTS, c
        if c.plover_mode is not None:
            assert c.plover_mode in types[c.plover_event], c


def test_goldstein_in_range_and_names_filled():
    for c in all_codes().values():
        assert -10.0 <= c.goldstein <= 10.0, c
        assert c.name.strip(), c


# ----------------------------------------------------------------- known facts


def test_consult_codes():
    assert cameo("041").plover_event == "CONSULT"
    assert cameo("041").plover_mode == "phone"
    assert (cameo("042").plover_event, cameo("042").plover_mode) == ("CONSULT", "visit")
    assert (cameo("043").plover_event, cameo("043").plover_mode) == ("CONSULT", "visit")
    assert cameo("044").plover_mode == "third-party"
    assert cameo("040").plover_mode is None
    assert cameo("042").goldstein == pytest.approx(1.9)
    assert cameo("043").goldstein == pytest.approx(2.8)


def test_goldstein_facts():
    assert cameo("190").goldstein == -10
    assert cameo("0874").goldstein == 10
    assert cameo("057").goldstein == 8
    assert cameo("011").goldstein == pytest.approx(-0.1)
    assert cameo("13").goldstein == -6
    assert cameo("130").goldstein == pytest.approx(-4.4)
    # codes without a value in the codebook take their parent's
    assert cameo("155").goldstein == pytest.approx(-7.2)
    assert cameo("1952").goldstein == -10


def test_sub_codes_exist():
    assert cameo("0211").plover_event == "REQUEST"
    assert cameo("0211").plover_mode == "assist"
    assert cameo("1041").plover_event == "REQUEST"
    assert cameo("1041").plover_mode == "change"
    assert cameo("2042").plover_mode == "unconventional"


def test_plover_mapping_samples():
    expected = {
        "030": ("AGREE", None),
        "051": ("SUPPORT", None),
        "061": ("COOPERATE", None),
        "073": ("AID", None),
        "081": ("CONCEDE", None),
        "0841": ("RETREAT", "release"),
        "0871": ("RETREAT", "ceasefire"),
        "091": ("ACCUSE", "investigate"),
        "111": ("ACCUSE", "disapprove"),
        "1122": ("ACCUSE", "allege"),
        "116": ("SANCTION", "convict"),
        "125": ("REJECT", "meet"),
        "138": ("THREATEN", "violence"),
        "141": ("PROTEST", "demo"),
        "145": ("PROTEST", "riot"),
        "154": ("MOBILIZE", "troops"),
        "161": ("SANCTION", "withdraw"),
        "163": ("COERCE", "restrict"),
        "173": ("COERCE", "arrest"),
        "174": ("COERCE", "deport"),
        "181": ("ASSAULT", "abduct"),
        "186": ("ASSAULT", "targeted"),
        "192": ("COERCE", "seize"),
        "193": ("ASSAULT", "firearms"),
        "195": ("ASSAULT", "aerial"),
        "1952": ("ASSAULT", "drone"),
    }
    for code, (event, mode) in expected.items():
        c = cameo(code)
        assert (c.plover_event, c.plover_mode) == (event, mode), code


def test_roots_follow_their_zero_code():
    for n in range(1, 21):
        root = f"{n:02d}"
        r, z = cameo(root), cameo(root + "0")
        assert (r.plover_event, r.plover_mode, r.quad_class) == (z.plover_event, z.plover_mode, z.quad_class)


def test_unknown_code_raises_keyerror():
    with pytest.raises(KeyError, match="unknown CAMEO event code '999'"):
        cameo("999")
    with pytest.raises(KeyError):
        cameo("42")  # not zero-padded


def test_all_codes_returns_a_copy():
    codes = all_codes()
    codes.clear()
    assert "042" in all_codes()
    types = plover_types()
    types["CONSULT"].append("bogus")
    assert "bogus" not in plover_types()["CONSULT"]


@pytest.mark.skipif(not SHARED_CODEBOOK.exists(), reason="shared codebook not available")
def test_goldstein_matches_codebook():
    with SHARED_CODEBOOK.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["code"] for r in rows} == set(all_codes())
    for r in rows:
        if r["goldstein"] not in ("NA", "NULL", ""):
            assert cameo(r["code"]).goldstein == pytest.approx(float(r["goldstein"])), r["code"]


# ----------------------------------------------------------------- PLOVER types


def test_plover_types():
    types = plover_types()
    assert list(types) == list(PLOVER_EVENTS)
    assert len(types) == 16
    assert types["CONSULT"] == ["visit", "third-party", "multilateral", "phone"]
    assert "crowd-control" in types["ASSAULT"]
    assert "convict" in types["SANCTION"]
    for event in ("AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID"):
        assert types[event] == []
    assert sum(len(m) for m in types.values()) == 67


# ----------------------------------------------------------------- classes


@pytest.mark.parametrize(
    "root, quad",
    [("01", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3), ("14", 3), ("15", 4), ("20", 4)],
)
def test_quad_class_boundaries(root, quad):
    assert quad_class_of_root(root) == quad


def test_quad_class_of_codes():
    assert cameo("041").quad_class == 1
    assert cameo("1041").quad_class == 3
    assert cameo("0874").quad_class == 2
    assert cameo("190").quad_class == 4
    assert quad_class_of_root("1041") == 3  # a full code is reduced to its root


@pytest.mark.parametrize(
    "code, penta",
    [
        ("01", 0), ("020", 0), ("0256", 0),
        ("03", 1), ("057", 1),
        ("06", 2), ("0874", 2),
        ("09", 3), ("094", 3), ("1385", 3),
        ("14", 4), ("145", 4), ("2042", 4),
    ],
)
def test_pentaclass_boundaries(code, penta):
    assert pentaclass(code) == penta


@pytest.mark.parametrize("bad", ["", "0", "00", "21", "4a", "12345"])
def test_bad_roots_raise(bad):
    with pytest.raises(ValueError):
        quad_class_of_root(bad)
    with pytest.raises(ValueError):
        pentaclass(bad)


# ----------------------------------------------------------------- validation

HEADER = "code\tname\tgoldstein\tplover_event\tplover_mode\tquad_class\n"


def _parse(body: str):
    return ontology._parse_cameo("# comment\n" + HEADER + body, plover_types(), "test.tsv")


def test_parser_accepts_good_rows():
    codes = _parse("04\tTalks\t1\tCONSULT\t\t1\n042\tVisit\t1.9\tCONSULT\tvisit\t1\n")
    assert codes["042"] == CameoCode("042", "Visit", 1.9, "CONSULT", "visit", 1)
    assert codes["04"].plover_mode is None


@pytest.mark.parametrize(
    "body, message",
    [
        ("042\tA\t1\tCONSULT\t\t1\n042\tB\t1\tCONSULT\t\t1\n", r"test\.tsv:4: duplicate CAMEO code 042"),
        ("190\tFight\t-11\tASSAULT\t\t4\n", r"test\.tsv:3: Goldstein value -11.0 outside"),
        ("190\tFight\tlots\tASSAULT\t\t4\n", r"test\.tsv:3: .*not a number"),
        ("010\tSay\t0\tSTATEMENT\t\t1\n", r"test\.tsv:3: unknown PLOVER event type 'STATEMENT'"),
        ("042\tVisit\t1\tCONSULT\tfax\t1\n", r"test\.tsv:3: 'fax' is not a mode"),
        ("042\tVisit\t1\tCONSULT\t\t2\n", r"test\.tsv:3: quad class"),
        ("042\tVisit\t1\tCONSULT\n", r"test\.tsv:3: expected 6"),
        ("21\tNothing\t0\tCONSULT\t\t4\n", r"test\.tsv:3: CAMEO root out of range"),
    ],
)
def test_parser_rejects_bad_rows(body, message):
    with pytest.raises(ValueError, match=message):
        _parse(body)


def test_plover_parser_rejects_unknown_type():
    text = "event\tmode\tdefinition\nSTATEMENT\t\tSay something\n"
    with pytest.raises(ValueError, match=r"x\.tsv:2: unknown PLOVER event type 'STATEMENT'"):
        ontology._parse_plover(text, "x.tsv")
