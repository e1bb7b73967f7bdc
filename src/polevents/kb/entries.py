"""The entries of the actor knowledge base and the phrase index over them."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Office:
    code: str
    title: str
    start: str          # ISO date
    end: str | None     # None: still in office

    def covers(self, date: str) -> bool:
        return self.start <= date and (self.end is None or date <= self.end)


@dataclass
class Entry:
    """One thing a phrase can name: a country, a city, a seat of power, an organisation,
    a person, or a role word (title or group noun)."""

    kb_id: str
    kind: str                       # country, place, seat, org, person, title, noun, relation
    name: str
    code: str = ""                  # base code: "ISR", "IGOWSTNAT", "" for role words
    country: str | None = None
    sectors: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    place: str | None = None        # for a seat: the city it stands in
    offices: list[Office] = field(default_factory=list)
    homelands: tuple[str, ...] = ()  # for a people without a state: where it lives

    def office_on(self, date: str | None) -> Office | None:
        if not self.offices:
            return None
        if date is None:
            current = [o for o in self.offices if o.end is None]
            return current[-1] if current else None
        held = [o for o in self.offices if o.covers(date)]
        # When two offices overlap (party leader and prime minister), the state office wins.
        held.sort(key=lambda o: (o.code.endswith("GOV"), o.start))
        return held[-1] if held else None


_SPACE = re.compile(r"\s+")
HYPHENS = "-‐‑–'’"
_HYPHEN = re.compile(r"\s*([-‐‑–'’])\s*")


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    return normalize(word)


def normalize(text: str) -> str:
    """The key under which a phrase is indexed: lower case, no accents, tidy spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("‐", "-").replace("‑", "-").replace("–", "-")
    text = _HYPHEN.sub(r"\1", text)
    text = _SPACE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def plural_forms(phrase: str) -> list[str]:
    """Plural spellings of a role phrase, so the index needs no lemmatizer."""
    words = phrase.split(" ")
    last = words[-1]
    forms = {last + "s"}
    if last.endswith(("s", "x", "ch", "sh")):
        forms = {last + "es"}
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = {last[:-1] + "ies"}
    elif last.endswith("man"):
        forms = {last[:-3] + "men"}
    elif last.endswith("person"):
        forms = {last[:-6] + "people"}
    return [" ".join(words[:-1] + [f]) for f in sorted(forms)]
