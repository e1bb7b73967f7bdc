"""Sentences per second of `polevents code` against spaCy parsing alone, on the same text.

    python benchmarks/throughput.py [CORPUS.jsonl] [--docs N] [--repeat R]

Prints both rates and the coder's cost on top of parsing (the target: at most 15%).
Default corpus: ../shared/data/corpus/guardian_sample.jsonl, else the bundled examples.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from polevents.nlp import BATCH_SIZE, load_pipeline
from polevents.pipeline import Coder
from polevents.read import iter_documents

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared/data/corpus/guardian_sample.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT if DEFAULT.exists() else ROOT / "examples"))
    parser.add_argument("--docs", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = list(iter_documents([args.corpus], "2020-01-01", report=lambda m: None))[: args.docs]
    coder = Coder()
    nlp = load_pipeline()
    coder.code_text("Warm up: Russia attacked Ukraine.")  # loads the lexicon and knowledge base

    parse_s = code_s = float("inf")
    for _ in range(args.repeat):  # alternate, keep the best of each: the machine is shared
        start = time.perf_counter()
        parsed = nlp.pipe((d.text for d in docs), batch_size=BATCH_SIZE)
        sentences = sum(len(list(d.sents)) for d in parsed)
        parse_s = min(parse_s, time.perf_counter() - start)
        start = time.perf_counter()
        events = sum(len(evs) for _, evs in coder.code(docs))
        code_s = min(code_s, time.perf_counter() - start)

    print(f"documents {len(docs)}, sentences {sentences}, events {events}")
    print(f"spaCy parsing alone : {sentences / parse_s:8.1f} sentences/s")
    print(f"polevents code      : {sentences / code_s:8.1f} sentences/s")
    print(f"coder cost on top of parsing: {100 * (code_s / parse_s - 1):+.1f}% (target <= 15%)")


if __name__ == "__main__":
    main()
