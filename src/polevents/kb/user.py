"""Users' own knowledge-base files, given with --kb: polevents TSV/YAML or PETRARCH dictionaries."""

from __future__ import annotations

from pathlib import Path

from polevents.kb import loader
from polevents.kb.loader import KBError, KnowledgeBase


def load_user_file(kb: KnowledgeBase, path: Path) -> None:
    if not path.is_file():
        raise KBError(f"{path}: no such knowledge-base file")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from polevents.kb.petrarch import load_petrarch

        load_petrarch(kb, path)
        return
    if suffix in (".yaml", ".yml"):
        _override(kb, path, loader.load_organisations)
        return
    if suffix == ".tsv":
        header = next((line for line in path.read_text(encoding="utf-8").splitlines()
                       if line.strip() and not line.startswith("#")), "")
        if header.startswith("person_id"):
            _override(kb, path, loader.load_persons)
        elif "phrase" in header.split("\t"):
            _override(kb, path, loader.load_sectors)
        else:
            _override(kb, path, loader.load_places)
        return
    raise KBError(f"{path}: unknown knowledge-base format (use .tsv, .yaml or PETRARCH .txt)")


def _override(kb: KnowledgeBase, path: Path, load) -> None:
    """Entries in a user's file replace bundled entries with the same id."""
    scratch = KnowledgeBase()
    scratch.countries = kb.countries
    load(scratch, path)
    for entry in scratch.entries.values():
        kb.replace(entry)
    for key, bucket in scratch.index.items():
        for entry, strength in bucket:
            kb.add_phrase(key, entry, strength)
