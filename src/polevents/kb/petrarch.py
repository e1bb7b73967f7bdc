"""PETRARCH/TABARI actor and agent dictionaries, so a team can keep the dictionaries it has.

Actor records:   PHRASE_ [CODE]   then +SYNONYM_ lines, then tab-indented [CODE from-to] lines.
Agent records:   PHRASE {PLURALS} [~ROLE]
Dates are YYMMDD or YYYYMMDD; ranges are `<date`, `>date` or `date-date`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from polevents.kb.entries import Entry, Office
from polevents.kb.loader import ROLE_CODES, KBError, KnowledgeBase

CODE = re.compile(r"\[([^\]]*)\]")


def _phrase(raw: str) -> str:
    return raw.strip().lstrip("+").replace("_", " ").strip().lower()


def _date(raw: str, where: str) -> str:
    raw = raw.strip()
    if len(raw) == 6:
        year = int(raw[:2])
        raw = ("19" if year > 30 else "20") + raw
    if not re.fullmatch(r"\d{8}", raw):
        raise KBError(f"{where}: bad date {raw!r} (YYMMDD or YYYYMMDD)")
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"


def _office(restriction: str, where: str) -> Office | None:
    parts = restriction.split()
    if len(parts) == 1:
        return None
    code, span = parts[0], parts[1]
    if span.startswith("<"):
        return Office(code, "", "0001-01-01", _date(span[1:], where))
    if span.startswith(">"):
        return Office(code, "", _date(span[1:], where), None)
    if "-" in span:
        start, end = span.split("-", 1)
        return Office(code, "", _date(start, where), _date(end, where))
    raise KBError(f"{where}: bad date restriction {restriction!r}")


def warn(message: str) -> None:
    print(f"polevents: {message}", file=sys.stderr)


def load_petrarch(kb: KnowledgeBase, path: Path) -> None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KBError(f"{path}: cannot read: {exc.strerror}") from None
    current: Entry | None = None
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if body.startswith(("\t", " ")) and body.strip().startswith("["):
            if current is None:
                raise KBError(f"{where}: a date restriction before any actor")
            try:
                office = _office(body.strip()[1:-1], where)
            except KBError as exc:
                warn(f"{exc}; line skipped")
                continue
            if office is None:
                current.code = body.strip()[1:-1].strip()
            else:
                current.kind = "person"
                current.offices.append(office)
                if current.country is None and office.code[:3] in kb.countries:
                    current.country = office.code[:3]
            continue
        if body.startswith("+"):
            if current is None:
                raise KBError(f"{where}: a synonym before any actor")
            kb.add_phrase(_phrase(body), current)
            continue
        codes = CODE.findall(body)
        phrase = _phrase(CODE.sub("", re.sub(r"\{[^}]*\}", "", body)))
        if not phrase:
            continue
        if codes and codes[0].startswith("~"):
            current = None
            _agent(kb, phrase, body, codes[0], where)
            continue
        code = codes[0].strip() if codes else ""
        country = code[:3] if code[:3] in kb.countries else None
        current = Entry(f"petrarch.{path.stem}.{number}", "org", phrase.title(), code, country)
        kb.add(current, where)
        kb.add_phrase(phrase, current)


def _agent(kb: KnowledgeBase, phrase: str, body: str, code: str, where: str) -> None:
    roles = [r for r in code.split("~") if r in ROLE_CODES]
    if not roles:
        return
    entry = Entry(f"petrarch.agent.{where.rsplit(':', 1)[-1]}.{phrase}", "noun", phrase, "", None,
                  (roles[0],))
    kb.add(entry, where)
    kb.add_phrase(phrase, entry)
    plurals = re.search(r"\{([^}]*)\}", body)
    forms = plurals.group(1).split() if plurals else [phrase.replace(" ", "_") + "s"]
    for form in forms:
        kb.add_phrase(_phrase(form), entry)
