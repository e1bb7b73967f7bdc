"""Dyadic time series, actor networks and the roles of third parties, on the fixture store."""

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from polevents import analysis


def test_monthly_dyad_series_counts_quad_classes_and_goldstein(db):
    df = analysis.dyad_series(db, "RUS:UKR", freq="month")
    assert len(df) == 1
    row = df.iloc[0]
    assert str(row["period"])[:10] == "2022-03-01"
    assert (row["source"], row["target"], row["events"]) == ("RUS", "UKR", 4)
    assert (row["quad1"], row["quad2"], row["quad3"], row["quad4"]) == (1, 0, 0, 3)
    assert row["goldstein_sum"] == pytest.approx(-23.0)
    assert row["goldstein_mean"] == pytest.approx(-5.75)


def test_weekly_undirected_series_keeps_the_direction(db):
    df = analysis.dyad_series(db, "RUS:UKR", freq="week", undirected=True)
    got = [(str(p)[:10], s, t, n) for p, s, t, n in
           df[["period", "source", "target", "events"]].itertuples(index=False)]
    assert got == [("2022-02-28", "RUS", "UKR", 2), ("2022-03-07", "UKR", "RUS", 1),
                   ("2022-03-14", "RUS", "UKR", 2)]


def test_clusters_count_real_events_and_skip_what_did_not_happen(db):
    mentions = analysis.dyad_series(db, "RUS:UKR", modality=None)
    clusters = analysis.dyad_series(db, "RUS:UKR", unit="clusters")
    assert mentions["events"].sum() == 4 and clusters["events"].sum() == 3
    future = analysis.dyad_series(db, "USA:UKR", modality=None)["events"].sum()
    asserted = analysis.dyad_series(db, "USA:UKR")["events"].sum()
    assert (future, asserted) == (2, 1)


def test_all_dyads_by_country(db):
    df = analysis.dyad_series(db, freq="month", unit="clusters")
    pairs = set(zip(df["source"], df["target"]))
    assert ("IGOEUREEC", "RUS") in pairs and ("ISR", "RUS") in pairs and len(df) == 10


def test_network_edges_are_weighted_and_directed(db, tmp_path):
    graph = analysis.actor_network(db, since="2022-03-01", until="2022-03-31")
    assert graph.is_directed()
    assert graph["RUS"]["UKR"]["weight"] == 4 and graph["RUS"]["UKR"]["quad4"] == 3
    assert graph["UKR"]["RUS"]["weight"] == 1  # the denied attack is not counted
    assert not graph.has_edge("UKR", "USA")
    graph_file, json_file = tmp_path / "net.graphml", tmp_path / "net.json"
    analysis.write_graphml(graph, graph_file)
    analysis.write_json(graph, json_file)
    again = nx.read_graphml(graph_file)
    assert again["ISR"]["RUS"]["weight"] == 1 and again.number_of_edges() == graph.number_of_edges()
    data = json.loads(json_file.read_text())
    assert {(e["source"], e["target"]) for e in data["links"]} == set(graph.edges)


def test_network_by_full_code_and_quad(db):
    graph = analysis.actor_network(db, by="code", quad=1)
    assert graph.has_edge("ISRGOV", "RUSGOV") and not graph.has_edge("RUSMIL", "UKR")


def test_roles_find_the_mediators_supporters_and_sanctioners(db):
    df = analysis.roles(db, "RUS:UKR", since="2022-03-01", until="2022-03-31")
    got = {(r.role, r.side, r.actor) for r in df.itertuples()}
    assert got == {("mediator", "RUS:UKR", "ISR"), ("mediator", "RUS:UKR", "TUR"),
                   ("supporter", "RUS", "BLR"), ("supporter", "UKR", "USA"),
                   ("sanctioner", "RUS", "USA"), ("sanctioner", "RUS", "IGOEUREEC")}
    isr = df[df["actor"] == "ISR"].iloc[0]
    assert (isr["with_a"], isr["with_b"], str(isr["first"])) == (1, 1, "2022-03-05")


def test_roles_respect_the_period(db):
    df = analysis.roles(db, "RUS:UKR", since="2022-03-06", until="2022-03-31")
    assert "ISR" not in set(df["actor"])  # Bennett's talks were on the 5th
    assert "TUR" in set(df["actor"])


def test_one_sided_contact_is_not_mediation(db):
    assert analysis.roles(db, "USA:RUS").query("role == 'mediator'").empty  # ISR, TUR: RUS only
    # Russia talked to Israel (Bennett's visit) and to Ukraine (negotiations): between those two
    assert set(analysis.roles(db, "ISR:UKR").query("role == 'mediator'")["actor"]) == {"RUS"}


def test_cli_dyads_network_roles(db, tmp_path):
    from polevents.cli import app

    runner = CliRunner()
    out = runner.invoke(app, ["dyads", "--db", str(db), "--dyad", "RUS:UKR", "--format", "csv"])
    assert out.exit_code == 0 and out.stdout.splitlines()[0].startswith("period,source,target,events")
    net = runner.invoke(app, ["network", "--db", str(db), "--format", "graphml"])
    assert net.exit_code == 0 and "<graphml" in net.stdout
    roles = runner.invoke(app, ["roles", "RUS:UKR", "--db", str(db), "--format", "jsonl"])
    assert roles.exit_code == 0
    lines = [json.loads(line) for line in roles.stdout.splitlines()]
    assert {r["actor"] for r in lines} >= {"ISR", "TUR"} and lines[0]["first"] == "2022-03-05"
    assert runner.invoke(app, ["roles", "RUSSIA", "--db", str(db)]).exit_code == 2
    assert runner.invoke(app, ["dyads", "--db", str(db), "--freq", "fortnight"]).exit_code == 2
