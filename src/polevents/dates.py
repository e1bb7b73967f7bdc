"""The date of an event: the date expressions near its trigger, resolved against the
publication date ("on Saturday" is the last Saturday on or before it, as news reports past acts,
unless the act is still to come: "will meet on Saturday" is the next one)."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
VAGUE = re.compile(r"\b(early|mid|late|the end of|the start of|the beginning of)[- ]", re.I)
YEAR = re.compile(r"^(?:in |since |by |during )?((?:19|20)\d\d)$", re.I)
RELATIVE = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "yesterday": 1, "last night": 1, "the day before": 1, "last week": 7,
            "earlier this week": 3, "this week": 0, "last month": 30,
            "tomorrow": -1, "next week": -7, "next month": -30, "later this week": -2}


def resolve(expression: str, published: str | None, future: bool = False) -> tuple[str | None, str]:
    """ISO date and precision (day, month, year, none) of a date expression."""
    text = expression.strip().lower()
    text = re.sub(r"^(on|in|at|since|by|from|during|until|of)\s+", "", text)
    base = date.fromisoformat(published) if published else None
    if base is not None:
        for phrase, days in RELATIVE.items():
            if text == phrase or text.endswith(" " + phrase):
                precision = "month" if phrase.endswith("month") else "day"
                return (base - timedelta(days=days)).isoformat(), precision
        for i, name in enumerate(WEEKDAYS):
            if re.fullmatch(rf"(last |this |next |on )?{name}( (morning|afternoon|evening|night))?",
                            text):
                back = (base.weekday() - i) % 7
                if text.startswith("next") or future and not text.startswith("last"):
                    return (base + timedelta(days=(i - base.weekday()) % 7 or 7)).isoformat(), "day"
                return (base - timedelta(days=back)).isoformat(), "day"
    if m := YEAR.match(text):
        return f"{m.group(1)}-01-01", "year"
    vague = bool(VAGUE.search(text))
    text = VAGUE.sub("", text).strip()
    for i, name in enumerate(MONTHS):
        if re.fullmatch(rf"{name}|{name[:3]}\.?", text):
            if base is None:
                return None, "none"
            year = base.year if i + 1 <= base.month else base.year - 1
            if future:
                year = base.year if i + 1 >= base.month else base.year + 1
            return f"{year}-{i + 1:02d}-01", "month"
        if m := re.fullmatch(rf"{name} ((?:19|20)\d\d)", text):
            return f"{m.group(1)}-{i + 1:02d}-01", "month"
    if vague:
        return None, "none"
    return _dateparser(text, published)


@lru_cache(maxsize=4096)
def _dateparser(text: str, published: str | None) -> tuple[str | None, str]:
    if not re.search(r"\d|" + "|".join(m[:3] for m in MONTHS), text):
        return None, "none"
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first"}
    if published:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime.fromisoformat(published)
    found = dateparser.parse(text, languages=["en"], settings=settings)
    if found is None:
        return None, "none"
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(r"(19|20)\d\d", "", text)))
    if has_day:
        return found.date().isoformat(), "day"
    if any(m[:3] in text for m in MONTHS):
        return found.date().replace(day=1).isoformat(), "month"
    return f"{found.year}-01-01", "year"


def date_entities(parsed) -> dict[int, list]:
    """The date and time expressions of a parsed document, by the start of their sentence."""
    starts = [s.start for s in parsed.sents]
    found: dict[int, list] = {}
    for ent in parsed.ents:
        if ent.label_ in ("DATE", "TIME"):
            found.setdefault(starts[bisect_right(starts, ent.start) - 1], []).append(ent)
    return found


def event_date(dates: list, head, published: str | None,
               future: bool = False) -> tuple[str | None, str, str | None]:
    """The date of the event triggered at head, from the date expressions of its sentence:
    (date, precision, the words that gave it)."""
    best = None
    for ent in dates:
        anchor = ent.root
        chain, t = [], anchor
        while t.head.i != t.i and len(chain) < 6:
            t = t.head
            chain.append(t)
        if head in chain or anchor.head.i == head.i:
            best = ent
            break
    if best is None and len(dates) == 1 and dates[0].root.head.dep_ in ("ROOT", "prep"):
        best = dates[0]
    if best is not None:
        resolved, precision = resolve(best.text, published, future)
        if resolved:
            return resolved, precision, best.text
    if published:
        return published, "day", None
    return None, "none", None


def is_historical(event_day: str | None, precision: str, published: str | None) -> bool:
    """An event more than a year before its report is history, not news."""
    if not event_day or not published or precision == "none":
        return False
    return date.fromisoformat(event_day) < date.fromisoformat(published) - timedelta(days=400)
