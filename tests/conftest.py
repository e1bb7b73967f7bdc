"""Fixtures shared by the store tests."""

import pytest
from fake_coder import ReplayCoder, load_docs

from polevents.ingest import ingest_documents


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A store holding the handwritten fixture events, ingested once per test module."""
    path = tmp_path_factory.mktemp("store") / "events.duckdb"
    ingest_documents(load_docs(), path, ReplayCoder())
    return path
