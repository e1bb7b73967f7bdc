"""Documents from files, JSON Lines, HTML, directories and standard input (SPEC section 1).

A document that cannot be read is reported (file, line, reason) and skipped; reading goes on.
Documents stream one at a time, so a corpus is never held in memory whole.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from polevents.model import Document

SUFFIXES = {".txt", ".jsonl", ".html", ".htm"}
MAX_CHARS = 1_000_000  # spaCy's own limit; a longer document is no single news article


def report_to_stderr(message: str) -> None:
    print(f"polevents: {message}", file=sys.stderr)


def iter_documents(inputs: Iterable[str], default_date: str | None = None,
                   report: Callable[[str], None] = report_to_stderr) -> Iterator[Document]:
    for name in inputs:
        if name == "-":
            yield from _from_stdin(default_date, report)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES:
                    yield from _from_file(child, default_date, report)
        elif path.is_file():
            yield from _from_file(path, default_date, report)
        else:
            report(f"{name}: no such file or directory")


def _from_file(path: Path, default_date, report) -> Iterator[Document]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as lines:  # line by line: a corpus is never held whole
                yield from _from_jsonl(str(path), lines, default_date, report)
            return
        data = path.read_bytes()
    except OSError as exc:
        report(f"{path}: cannot read: {exc.strerror}")
        return
    text = _decode(str(path), data, report)
    if text is None:
        return
    title = None
    date = default_date
    if suffix in (".html", ".htm"):
        text, title, published = html_article(text)
        if not text:
            report(f"{path}: no article text found in the HTML")
            return
        date = _iso_date(published) or default_date  # the page's own date comes first
    doc = _checked(str(path), None, Document(id=path.stem, text=text, date=date, title=title), report)
    if doc:
        yield doc


def _from_stdin(default_date, report) -> Iterator[Document]:
    stream = sys.stdin.buffer
    first = stream.readline()
    while first and not first.strip():
        first = stream.readline()
    if first.lstrip().startswith(b"{"):
        yield from _from_jsonl("<stdin>", itertools.chain([first], stream), default_date, report)
        return
    name, data = "<stdin>", first + stream.read()
    text = _decode(name, data, report)
    if text is not None:
        doc = _checked(name, None, Document(id="stdin", text=text, date=default_date), report)
        if doc:
            yield doc


def _from_jsonl(name: str, lines: Iterable[bytes], default_date, report) -> Iterator[Document]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            report(f"{where}: skipped: not valid UTF-8")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report(f"{where}: skipped: malformed JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            report(f"{where}: skipped: a JSON object is expected, got {type(obj).__name__}")
            continue
        if not isinstance(obj.get("text"), str):
            report(f"{where}: skipped: no \"text\" string")
            continue
        doc_id = str(obj.get("id") or f"{Path(name).stem}-{number}")
        date = _iso_date(obj.get("date")) or default_date
        doc = Document(id=doc_id, text=obj["text"], date=date, title=obj.get("title"),
                       url=obj.get("url"), source=obj.get("source"), language=obj.get("language"))
        doc = _checked(name, number, doc, report)
        if doc:
            yield doc


def _iso_date(value) -> str | None:
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None


def _decode(name: str, data: bytes, report) -> str | None:
    if b"\x00" in data[:4096]:
        report(f"{name}: skipped: binary file")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        report(f"{name}: skipped: not valid UTF-8 (byte {exc.start})")
        return None


def _checked(name: str, line: int | None, doc: Document, report) -> Document | None:
    where = f"{name}:{line}" if line else name
    if not doc.text.strip():
        report(f"{where}: skipped: empty document")
        return None
    if len(doc.text) > MAX_CHARS:
        report(f"{where}: skipped: document of {len(doc.text):,} characters "
               f"exceeds the limit of {MAX_CHARS:,}")
        return None
    if doc.language and not doc.language.lower().startswith("en"):
        report(f"{where}: skipped: language {doc.language!r} is not supported (English only)")
        return None
    if not _looks_english(doc.text):
        report(f"{where}: skipped: the text does not look like English")
        return None
    return doc


_ENGLISH = {"the", "a", "of", "and", "to", "in", "on", "is", "was", "said", "for", "with", "by",
            "has", "have", "that", "it", "at", "from", "will", "are", "were", "an", "as", "his",
            "her", "after", "also", "its", "their", "this", "who", "not", "be", "been"}
_FOREIGN = {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "auf", "le",
            "la", "les", "et", "est", "des", "du", "une", "dans", "pour", "que", "el", "los",
            "las", "y", "es", "del", "una", "por", "con", "para", "il", "di", "che", "della",
            "e", "och", "het", "een", "van", "op", "em", "não", "do", "da", "ni", "na", "za"}


def _looks_english(text: str) -> bool:
    """Other languages betray themselves by their function words; names say nothing either way."""
    words = [w.strip(".,;:!?\"'()") for w in text[:5000].lower().split()]
    if len(words) < 12:
        return True  # too short to judge: give it the benefit of the doubt
    english = sum(w in _ENGLISH for w in words)
    foreign = sum(w in _FOREIGN for w in words)
    return english >= foreign


def html_article(html: str) -> tuple[str, str | None, str | None]:
    """The main text of a web page (menus, scripts and boilerplate dropped), its title and its
    publication date; the headline is kept as the text's first paragraph."""
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                        include_tables=False)
    if not found:
        return "", None, None
    text = (found.text or "").strip()
    if found.title and text.startswith(found.title):
        text = found.title + "\n\n" + text[len(found.title):].lstrip()
    return text, found.title, found.date
