"""Analysis over the store: dyadic time series, actor networks, and the roles of third parties.

All of it counts asserted events by default (a denied or planned attack is not an attack); pass
`modality=None` to count every mention. `unit="clusters"` counts real events (one per cluster)
instead of reports. Actors are grouped by their country where known, else by their whole code
(`IGOEUREEC`), unless `by="code"` asks for full actor codes.
"""

from __future__ import annotations

import json
from pathlib import Path

from polevents import store
from polevents.query import Filters, parse_date, parse_dyad

FREQS = {"day", "week", "month", "quarter", "year"}
MEDIATION_ROOTS = ("04",)  # consult: meet, visit, host, phone, mediate, negotiate
SUPPORT_ROOTS = ("05", "06", "07")  # diplomatic cooperation, material cooperation, aid
SANCTION_ROOTS = ("16", "17")  # reduce relations, coerce
SANCTION_PLOVER = ("SANCTION", "COERCE")


def _key(prefix: str, by: str) -> str:
    return f"{prefix}_code" if by == "code" else store.actor_key(prefix)


def _base(unit: str, modality, since, until) -> tuple[str, str, list]:
    if unit not in ("mentions", "clusters"):
        raise ValueError(f"unit is 'mentions' or 'clusters', not {unit!r}")
    table = "events" if unit == "mentions" else "clusters"
    cond, params = Filters(since=since, until=until, modality=modality).where()
    return table, cond, params


def dyad_series(db, dyad: str | None = None, freq: str = "month", undirected: bool = False,
                since: str | None = None, until: str | None = None, modality: str | None = "asserted",
                unit: str = "mentions", by: str = "country"):
    """Events per period and dyad: counts per quad class, Goldstein sum and mean (pandas)."""
    if freq not in FREQS:
        raise ValueError(f"freq is one of {sorted(FREQS)}, not {freq!r}")
    table, cond, params = _base(unit, modality, since, until)
    if dyad:  # parse_dyad admits only [A-Z0-9-], so the codes can be written into the SQL
        a, b = parse_dyad(dyad)
        fwd = f"starts_with(source_code, '{a}') AND starts_with(target_code, '{b}')"
        back = f"starts_with(source_code, '{b}') AND starts_with(target_code, '{a}')"
        cond += f" AND (({fwd}) OR ({back}))" if undirected else f" AND {fwd}"
        src = f"CASE WHEN {fwd} THEN '{a}' ELSE '{b}' END"
        tgt = f"CASE WHEN {fwd} THEN '{b}' ELSE '{a}' END"
    else:
        src, tgt = _key("source", by), _key("target", by)
    sql = (f"SELECT date_trunc('{freq}', day)::DATE AS period, {src} AS source, {tgt} AS target,"
           " count(*) AS events,"
           + "".join(f" count(*) FILTER (WHERE quad_class = {q}) AS quad{q}," for q in (1, 2, 3, 4))
           + " sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean"
           f" FROM {table} WHERE day IS NOT NULL AND {cond}"
           " GROUP BY ALL ORDER BY period, source, target")
    with store.connect(db, read_only=True) as con:
        return con.execute(sql, params).df()


def actor_network(db, since: str | None = None, until: str | None = None,
                  modality: str | None = "asserted", unit: str = "mentions", by: str = "country",
                  quad: int | None = None, min_weight: int = 1):
    """A weighted directed networkx graph: an edge per (source, target) with event counts."""
    import networkx as nx

    table, cond, params = _base(unit, modality, since, until)
    if quad:
        cond += " AND quad_class = ?"
        params.append(quad)
    src, tgt = _key("source", by), _key("target", by)
    sql = (f"SELECT {src} AS s, {tgt} AS t, count(*) AS weight,"
           + "".join(f" count(*) FILTER (WHERE quad_class = {q}) AS quad{q}," for q in (1, 2, 3, 4))
           + f" sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean"
           f" FROM {table} WHERE {cond} AND {src} <> '' AND {tgt} <> ''"
           f" GROUP BY ALL HAVING count(*) >= {int(min_weight)} ORDER BY s, t")
    graph = nx.DiGraph(since=since or "", until=until or "", unit=unit)
    with store.connect(db, read_only=True) as con:
        cur = con.execute(sql, params)
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            attrs = dict(zip(names, row))
            s, t = attrs.pop("s"), attrs.pop("t")
            graph.add_edge(s, t, **{k: float(v) if "goldstein" in k else int(v)
                                    for k, v in attrs.items()})
    for node in graph.nodes:
        graph.nodes[node]["out_events"] = int(graph.out_degree(node, weight="weight"))
        graph.nodes[node]["in_events"] = int(graph.in_degree(node, weight="weight"))
    return graph


def write_graphml(graph, path) -> None:
    import networkx as nx

    nx.write_graphml(graph, str(path))


def network_json(graph) -> dict:
    import networkx as nx

    return nx.node_link_data(graph, edges="links")


def write_json(graph, path) -> None:
    Path(path).write_text(json.dumps(network_json(graph), indent=1, sort_keys=True) + "\n")


def roles(db, dyad: str, since: str | None = None, until: str | None = None,
          modality: str | None = "asserted", unit: str = "mentions"):
    """Third parties of a dyad A:B in a period: mediators, supporters and sanctioners of each side.

    A mediator consults or negotiates (CAMEO 04, either direction) with both sides; a supporter
    cooperates diplomatically or materially with, or aids, one side (05-07, toward it); a
    sanctioner reduces relations with or coerces one side (16-17, SANCTION or COERCE).
    Returns a pandas DataFrame: role, side, actor, events, with_a, with_b, first, last.
    """
    import pandas as pd

    a, b = parse_dyad(dyad)
    table, cond, params = _base(unit, modality, since, until)
    sql = (f"SELECT source_code, {store.actor_key('source')}, target_code,"
           f" {store.actor_key('target')}, cameo_root, plover_event, day FROM {table}"
           f" WHERE {cond} AND (starts_with(source_code, ?) OR starts_with(source_code, ?)"
           f" OR starts_with(target_code, ?) OR starts_with(target_code, ?))")
    with store.connect(db, read_only=True) as con:
        rows = con.execute(sql, params + [a, b, a, b]).fetchall()

    def side(code, key):
        for s in (a, b):
            if (code or "").startswith(s) or key == s:
                return s
        return None

    found: dict[tuple, dict] = {}

    def note(role, side_, actor, day, with_side):
        item = found.setdefault((role, side_, actor), {"events": 0, "with": {a: 0, b: 0},
                                                      "first": day, "last": day})
        item["events"] += 1
        item["with"][with_side] += 1
        item["first"] = min(item["first"], day) if day and item["first"] else day or item["first"]
        item["last"] = max(item["last"], day) if day and item["last"] else day or item["last"]

    for s_code, s_key, t_code, t_key, root, plover, day in rows:
        s_side, t_side = side(s_code, s_key), side(t_code, t_key)
        if (s_side is None) == (t_side is None):
            continue  # between the two sides, or within one: not a third party
        third, touched, outgoing = (s_key, t_side, True) if s_side is None else (t_key, s_side, False)
        if not third:
            continue
        if root in MEDIATION_ROOTS:
            note("consult", "", third, day, touched)
        if outgoing and root in SUPPORT_ROOTS:
            note("supporter", touched, third, day, touched)
        if outgoing and (root in SANCTION_ROOTS or plover in SANCTION_PLOVER):
            note("sanctioner", touched, third, day, touched)

    out = []
    for (role, side_, actor), item in found.items():
        if role == "consult":
            if not (item["with"][a] and item["with"][b]):
                continue
            role, side_ = "mediator", f"{a}:{b}"
        out.append({"role": role, "side": side_, "actor": actor, "events": item["events"],
                    "with_a": item["with"][a], "with_b": item["with"][b],
                    "first": item["first"], "last": item["last"]})
    order = {"mediator": 0, "supporter": 1, "sanctioner": 2}
    out.sort(key=lambda r: (order[r["role"]], r["side"], -r["events"], r["actor"]))
    return pd.DataFrame(out, columns=["role", "side", "actor", "events", "with_a", "with_b",
                                      "first", "last"])


def check_period(since: str | None, until: str | None) -> None:
    """Raises QueryError early for dates that do not parse (the CLI turns it into exit code 2)."""
    for value in (since, until):
        if value:
            parse_date(value)
