"""Store benchmarks (a script, not a test): time series over 10 million events, clustering growth.

    python benchmarks/store_bench.py                 # 10M rows, clustering at 1e4, 1e5, 1e6
    python benchmarks/store_bench.py --rows 1000000 --max-cluster 100000   # quicker

1. Builds a synthetic events table of `--rows` rows with the store's own schema (store.py), in a
   temporary DuckDB file, and times `analysis.dyad_series(db, "RUS:UKR", freq="month")` the way
   the CLI runs it (a fresh read-only connection each time). Target: under 1 s for 10M rows.
2. Times `dedup.cluster_mentions` on 10^4, 10^5 and 10^6 synthetic mentions (real events reported
   1-5 times over 0-2 days, with varied wording) and prints each step's time ratio: a ratio near
   10 for ten times the mentions means linear growth (all-pairs would be near 100).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from polevents import analysis, dedup, store  # noqa: E402

COUNTRIES = ("RUS UKR USA CHN ISR PSE IRN IRQ SYR TUR DEU FRA GBR IND PAK AFG SAU YEM EGY LBN"
             " JOR QAT NGA ETH SDN SOM KEN COD VEN COL MEX BRA JPN KOR PRK TWN POL BLR GEO ARM").split()
BASE = dt.date(2015, 1, 1)


def build_events(path: Path, rows: int) -> float:
    """Fills the events table with `rows` synthetic events, generated inside DuckDB."""
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    n = len(COUNTRIES)
    # Skewed choice (a few countries make most news, as in real data): index = floor(n * u^2).
    pick = f"list_extract({countries}, 1 + floor({n} * pow(random(), 2))::INT)"
    started = time.perf_counter()
    with store.connect(path) as con:
        con.execute("SET preserve_insertion_order = false")
        con.execute(f"""
            INSERT INTO events BY NAME
            SELECT 'e' || i AS event_id, 'd' || (i // 5) AS doc_id, 'h' || (i // 5) AS doc_hash,
                   0 AS sentence, s || sec1 AS source_code, s AS source_country,
                   t || sec2 AS target_code, t AS target_country,
                   lpad(root::VARCHAR, 2, '0') || (i % 10)::VARCHAR AS cameo,
                   lpad(root::VARCHAR, 2, '0') AS cameo_root,
                   CASE WHEN root <= 5 THEN 1 WHEN root <= 9 THEN 2 WHEN root <= 14 THEN 3 ELSE 4 END
                       AS quad_class,
                   round(10 - root, 1) AS goldstein,
                   CASE WHEN i % 10 = 0 THEN 'negated' ELSE 'asserted' END AS modality,
                   DATE '{BASE}' + (i * 7919 % 3650)::INT AS day, 'day' AS date_precision
            FROM (SELECT i, {pick} AS s, {pick} AS t, 1 + (i * 31 % 20) AS root,
                         ['', 'GOV', 'MIL'][1 + i % 3] AS sec1, ['', 'GOV', 'MIL'][1 + i * 7 % 3] AS sec2
                  FROM range({rows}) r(i))
        """)
    return time.perf_counter() - started


def time_series(path: Path, repeats: int = 5) -> tuple[float, float, int]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        df = analysis.dyad_series(path, "RUS:UKR", freq="month")
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times), len(df)


def synthetic_mentions(n: int, seed: int = 7) -> tuple[list[dedup.Mention], int]:
    """n mentions of n/2.5 real events: each reported 1-5 times, within 2 days, in varied words."""
    rng = random.Random(seed)
    places = [f"place{i}" for i in range(2000)]
    verbs = ["shelled", "attacked", "struck", "bombed", "raided", "hit", "targeted"]
    filler = ["officials", "reported", "local", "sources", "according", "witnesses", "early",
              "morning", "late", "statement", "ministry", "residents", "several", "people"]
    countries = COUNTRIES[:30]
    mentions, k, events = [], 0, 0
    while len(mentions) < n:
        events += 1
        src, tgt = rng.choice(countries), rng.choice(countries)
        root = rng.randint(1, 20)
        day = BASE.toordinal() + rng.randrange(3 * 365)
        place, verb, killed = rng.choice(places), rng.choice(verbs), rng.randint(1, 50)
        for r in range(min(rng.randint(1, 5), n - len(mentions))):
            words = [src.lower(), verb, place, str(killed), "killed"] + rng.sample(filler, 4)
            rng.shuffle(words)
            mentions.append(dedup.Mention(
                key=f"m{k}", doc=f"d{k // 3}", outlet=f"outlet{rng.randrange(200)}", source=src,
                target=tgt, cameo=f"{root:02d}{rng.randrange(10)}", quad_class=1 + (root - 1) // 5,
                modality="negated" if rng.random() < 0.03 else "asserted",
                day=day + rng.randint(0, 2), text=" ".join(words)))
            k += 1
    rng.shuffle(mentions)
    return mentions, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--max-cluster", type=int, default=1_000_000)
    parser.add_argument("--db", help="DuckDB file to build (default: a temporary file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.duckdb"
        path.unlink(missing_ok=True)
        built = build_events(path, args.rows)
        size = path.stat().st_size / 2**20
        print(f"built {args.rows:,} synthetic events in {built:.1f} s ({size:,.0f} MiB)")
        best, median, periods = time_series(path)
        print(f"monthly RUS:UKR time series over {args.rows:,} events: best {best:.3f} s,"
              f" median {median:.3f} s ({periods} rows; fresh read-only connection each time)")

    sizes = [s for s in (10_000, 100_000, 1_000_000) if s <= args.max_cluster]
    previous = None
    for size in sizes:
        mentions, events = synthetic_mentions(size)
        started = time.perf_counter()
        clusters = dedup.cluster_mentions(mentions)
        took = time.perf_counter() - started
        ratio = f", x{took / previous:.1f} the time for x10 the mentions" if previous else ""
        print(f"clustering {size:>9,} mentions: {took:7.2f} s, {took / size * 1e6:5.1f} us each,"
              f" {len(clusters):,} clusters of {events:,} generated events{ratio}")
        previous = took


if __name__ == "__main__":
    main()
