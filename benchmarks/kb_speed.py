"""How fast the knowledge base loads, and what actor resolution adds to coding time.

    python benchmarks/kb_speed.py [CORPUS] [--docs N] [--repeat R]

1. Loading the bundled knowledge base (target: under 1 s): best of 3 runs, each in a fresh
   Python process, so that nothing is cached; printed with and without the imports.
2. Resolution overhead (target: at most 10% of coding time): `Coder.code` over N documents
   (default 60 of ../shared/data/corpus/guardian_sample.jsonl, else examples/), against the same
   with `ActorResolver.resolve` replaced by a stub that returns None. Best of R runs each,
   alternating. A third line also stubs `start_sentence` (the phrase lookup over each sentence),
   which shows the whole cost of the knowledge base. With resolution stubbed no event has a
   source, so the stubbed run also skips building events: the difference is an upper bound.
   Last, the time spent inside the resolver during one full run, timed directly.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared/data/corpus/guardian_sample.jsonl"

LOAD_SNIPPET = """
import time
t0 = time.perf_counter()
from polevents.kb.loader import load_bundled
t1 = time.perf_counter()
kb = load_bundled()
t2 = time.perf_counter()
print(t2 - t0, t2 - t1, len(kb.entries))
"""


def load_time(runs: int = 3) -> tuple[float, float, int]:
    best_all = best_load = float("inf")
    entries = 0
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True,
                             check=True).stdout.split()
        best_all = min(best_all, float(out[0]))
        best_load = min(best_load, float(out[1]))
        entries = int(out[2])
    return best_all, best_load, entries


def code_time(coder, docs) -> tuple[float, int]:
    start = time.perf_counter()
    events = sum(len(evs) for _, evs in coder.code(docs))
    return time.perf_counter() - start, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?",
                        default=str(DEFAULT if DEFAULT.exists() else ROOT / "examples"))
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    total, load, entries = load_time()
    print(f"bundled knowledge base: {entries} entries")
    print(f"  load (best of 3, fresh processes): {load:.3f} s  (target < 1 s)"
          f"  [with imports: {total:.3f} s]")

    from polevents import actors
    from polevents.pipeline import Coder
    from polevents.read import iter_documents

    docs = list(iter_documents([args.corpus], "2020-01-01", report=lambda m: None))[: args.docs]
    coder = Coder()
    code_time(coder, docs)  # warm up: lazy caches, the holder index, spaCy's buffers
    real_resolve = actors.ActorResolver.resolve
    real_start = actors.ActorResolver.start_sentence

    def no_resolve(self, token):
        return None

    def no_matches(self, sent):
        self.matches = {}

    variants = {
        "full coder": (real_resolve, real_start),
        "resolve stubbed": (no_resolve, real_start),
        "resolve + phrase lookup stubbed": (no_resolve, no_matches),
    }
    best = {name: float("inf") for name in variants}
    events = {}
    try:
        for _ in range(args.repeat):
            for name, (resolve, start) in variants.items():
                actors.ActorResolver.resolve = resolve
                actors.ActorResolver.start_sentence = start
                seconds, n = code_time(coder, docs)
                best[name] = min(best[name], seconds)
                events[name] = n
    finally:
        actors.ActorResolver.resolve = real_resolve
        actors.ActorResolver.start_sentence = real_start

    full = best["full coder"]
    print(f"coding {len(docs)} documents of {args.corpus} (best of {args.repeat}):")
    for name, seconds in best.items():
        print(f"  {name:<32} {seconds:7.3f} s  ({events[name]} events)")
    for name in list(variants)[1:]:
        share = (full - best[name]) / full
        print(f"  cost over {name:<31} {full - best[name]:+.3f} s = {100 * share:4.1f}%"
              f" of coding time (ratio {full / best[name]:.3f})")
    inside, whole = timed_inside(coder, docs, actors.ActorResolver)
    print(f"  time inside ActorResolver.resolve/start_sentence during a full run: {inside:.3f} s"
          f" = {100 * inside / whole:.1f}% of {whole:.3f} s")
    print("  target: resolution adds at most 10% to coding time")


def timed_inside(coder, docs, cls) -> tuple[float, float]:
    """Seconds spent inside the resolver's two entry points during one full coding run (a
    direct measure, less exposed to machine noise than the difference of two runs)."""
    spent = [0.0]
    originals = {name: getattr(cls, name) for name in ("resolve", "start_sentence")}

    def timed(fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - start
        return wrapper

    try:
        for name, fn in originals.items():
            setattr(cls, name, timed(fn))
        whole, _ = code_time(coder, docs)
    finally:
        for name, fn in originals.items():
            setattr(cls, name, fn)
    return spent[0], whole


if __name__ == "__main__":
    main()
