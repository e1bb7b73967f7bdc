"""The actor knowledge base: bundled data files, plus the user's own (--kb)."""

from __future__ import annotations

from pathlib import Path

from polevents.kb.loader import KBError, KnowledgeBase, load_bundled

__all__ = ["KBError", "KnowledgeBase", "load_kb"]


def load_kb(extra_files: tuple[str, ...] = ()) -> KnowledgeBase:
    kb = load_bundled()
    for name in extra_files:
        from polevents.kb.user import load_user_file

        load_user_file(kb, Path(name))
    return kb
