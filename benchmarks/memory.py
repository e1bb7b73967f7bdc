"""Peak memory of `polevents code` as the input grows: it should stay flat, since documents
stream. Codes N and 4N documents in fresh processes and prints both peaks and their ratio.

    python benchmarks/memory.py [--docs N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/data/corpus/guardian_sample.jsonl"


def sample_docs() -> list[dict]:
    if CORPUS.exists():
        return [json.loads(line) for line in CORPUS.open(encoding="utf-8")][:40]
    return [json.loads(line) for line in (ROOT / "examples/wire.jsonl").open(encoding="utf-8")]


def peak_rss_mb(path: Path) -> float:
    """Peak resident memory of one coding run, in a fresh child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([str(Path(sys.executable).with_name("polevents")), "code", str(path)],
                   check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=160)  # past the warm-up of caches
    args = parser.parse_args()
    docs = sample_docs()
    with tempfile.TemporaryDirectory() as tmp:
        peaks = []
        for n in (args.docs, 4 * args.docs):
            path = Path(tmp) / f"corpus-{n}.jsonl"
            with path.open("w", encoding="utf-8") as f:
                for i in range(n):
                    doc = dict(docs[i % len(docs)], id=f"doc-{i}")
                    f.write(json.dumps(doc) + "\n")
            peaks.append(peak_rss_mb(path))
            print(f"{n:6d} documents: peak {peaks[-1]:7.1f} MB")
    print(f"ratio of peaks (4x the input): {peaks[1] / peaks[0]:.2f} (flat is 1.0)")


if __name__ == "__main__":
    main()
