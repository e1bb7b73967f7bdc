"""Reads the knowledge-base data files, checks them, and builds the phrase index.

Files (all in this folder, each entry with an id):
  countries.yaml      states: names, adjectives, capital, seats of power
  organisations.yaml  IGOs, armed groups, parties, media
  regions.yaml        world regions with CAMEO region codes (read like organisations)
  places.tsv          cities and regions (for locations and metonyms)
  sectors.tsv         role words: titles and group nouns
  relations.tsv       nouns naming others than whom they are said of ("Russia's allies")
  peoples.tsv         peoples without a state (Kurds, Rohingya): a role and their homelands
  persons/*.tsv       persons with dated offices
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import yaml

from polevents.kb.entries import Entry, Office, normalize, plural_forms

HERE = Path(__file__).parent
ROLE_CODES = {"GOV", "MIL", "COP", "REB", "OPP", "LEG", "JUD", "CVL", "MED", "BUS", "REF", "EDU",
              "HLH", "SPY", "UAF", "LAB", "REL", "HRI", "IGO", "NGO", "AGR", "ELI", "PTY", "ENV",
              "MOD", "RAD", "IMG", "INS", "CRM", "DEV", "SEP"}
ROMAN = re.compile(r"^[IVXL]+$")
ARTICLE = re.compile(r"^(al|el|ad|as|ar|an|at|az)[-‐]", re.I)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii"}


def _valid_date(value: str) -> bool:
    if not DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False  # "2021-02-30"
    return True


class KBError(ValueError):
    """A knowledge-base file that cannot be used; the message names the file and line."""


class KnowledgeBase:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.index: dict[str, list[tuple[Entry, float]]] = defaultdict(list)
        self.countries: dict[str, Entry] = {}
        self.first_words: set[str] = set()
        self.prefixes: set[str] = set()   # every leading run of words of an indexed phrase
        self.cased: dict[tuple[str, str], set[str]] = {}
        self.lowercase: set[tuple[str, str]] = set()  # (key, kb_id) also written all in lower case
        self._offices: dict | None = None   # built on first use by _held
        self.english_words: frozenset[str] = frozenset()  # set by the coder from its pipeline
        self.max_words = 1

    def add(self, entry: Entry, where: str) -> None:
        if entry.kb_id in self.entries:
            raise KBError(f"{where}: duplicate id {entry.kb_id!r}")
        self.entries[entry.kb_id] = entry
        if entry.kind == "country":
            self.countries[entry.code] = entry

    def add_phrase(self, phrase: str, entry: Entry, strength: float = 1.0) -> None:
        key = normalize(phrase)
        if not key:
            return
        form = phrase.strip()
        if form == form.lower():
            self.lowercase.add((key, entry.kb_id))
        if len(form) <= 6 and not any(c.islower() for c in form):
            # an acronym ("IS", "US", "ICE") names something only in capitals, never "is", "us"
            if self.cased.get((key, entry.kb_id)) != set():
                self.cased.setdefault((key, entry.kb_id), set()).add(form)
        else:
            self.cased[(key, entry.kb_id)] = set()  # also written in lower case: any case will do
        bucket = self.index[key]
        for i, (known, old) in enumerate(bucket):
            if known is entry:
                bucket[i] = (entry, max(old, strength))
                return
        bucket.append((entry, strength))
        words = key.split(" ")
        self.first_words.add(words[0])
        self.first_words.add(re.split(r"[-']", words[0])[0])  # "Diaz-Canel" is three tokens
        self.max_words = max(self.max_words, len(words))
        self.prefixes.add(key)
        for i, char in enumerate(key):  # tokens end at spaces, hyphens and apostrophes
            if char in " -'":
                self.prefixes.update((key[:i], key[:i + 1].strip()))

    def replace(self, entry: Entry) -> None:
        """A user's entry overrides a bundled one with the same id."""
        old = self.entries.pop(entry.kb_id, None)
        if old is not None:
            for bucket in self.index.values():
                bucket[:] = [(e, s) for e, s in bucket if e is not old]
        self.entries[entry.kb_id] = entry

    def holder(self, country: str, title: str, date: str | None) -> Entry | None:
        """Who held an office ("prime minister" of ISR) on a date: "the Israeli prime
        minister" in 2024 is Netanyahu."""
        held = self._held(country, date, lambda t: t.lower() == title.lower())
        return held[0] if held else None

    def holder_in(self, code: str, title: str, date: str | None) -> Entry | None:
        """Who held a titled post in an organisation on a date ("the Nato secretary general"
        in 2013 is Rasmussen); nobody when the post is unknown or held by several."""
        wanted = title.lower().replace("-", " ")
        held = self._held(code, date, lambda t: t.lower().replace("-", " ").startswith(wanted))
        return held[0] if len(held) == 1 else None

    def _held(self, code: str, date: str | None, fits) -> list[Entry]:
        """Persons with an office under a code (a full code, or a country's three letters)
        whose title fits and that covers the date (or is current, with no date)."""
        if self._offices is None:
            self._offices = defaultdict(list)
            for entry in self.entries.values():
                for office in entry.offices if entry.kind == "person" else ():
                    if office.title:
                        for key in {office.code, office.code[:3]}:
                            self._offices[key].append((entry, office))
        held = []
        for person, office in self._offices.get(code, []):
            current = office.covers(date) if date else office.end is None
            if current and fits(office.title) and person not in held:
                held.append(person)
        return held

    def lookup(self, phrase: str, key: str | None = None) -> list[tuple[Entry, float]]:
        key = normalize(phrase) if key is None else key
        text = phrase.strip()
        text = text[4:] if text.lower().startswith("the ") else text
        # a proper name written all in lower case is a common word: "the congress of Syrian
        # national dialogue" is no US Congress, "may" no Theresa May
        lower = text == text.lower() and text != text.upper()
        return [(e, s) for e, s in self.index.get(key, [])
                if (not self.cased.get((key, e.kb_id)) or text in self.cased[(key, e.kb_id)])
                and not (lower and (key, e.kb_id) not in self.lowercase)]


def _country_code(kb: KnowledgeBase, code, where: str) -> str | None:
    if code in (None, "", "null"):
        return None
    if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code)):
        raise KBError(f"{where}: bad country code {code!r}")
    if kb.countries and code not in kb.countries:
        raise KBError(f"{where}: unknown country code {code!r}")
    return code


def _sectors(value, where: str) -> tuple[str, ...]:
    items = value.split("|") if isinstance(value, str) else list(value or [])
    items = [s.strip() for s in items if s.strip()]
    for s in items:
        if s not in ROLE_CODES:
            raise KBError(f"{where}: unknown role code {s!r}")
    return tuple(items)


def _yaml(path: Path) -> list[dict]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise KBError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, list):
        raise KBError(f"{path}: a list of entries is expected")
    return data


def _tsv(path: Path):
    with path.open(encoding="utf-8", newline="") as f:
        lines = [(n, line) for n, line in enumerate(f, start=1)
                 if line.strip() and not line.startswith("#")]
    if not lines:
        return
    header = lines[0][1].rstrip("\r\n").split("\t")
    for number, line in lines[1:]:
        values = line.rstrip("\r\n").split("\t")
        values += [""] * (len(header) - len(values))
        yield f"{path}:{number}", dict(zip(header, (v.strip() for v in values)))


def load_countries(kb: KnowledgeBase, path: Path) -> None:
    for i, item in enumerate(_yaml(path), start=1):
        where = f"{path}: entry {i}"
        code = item.get("code")
        if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code)):
            raise KBError(f"{where}: bad country code {code!r}")
        country = Entry(item["id"], "country", item.get("name") or code, code, code,
                        lat=item.get("lat"), lon=item.get("lon"))
        kb.add(country, where)
        for phrase in [country.name, *(item.get("names") or []), *(item.get("adjectives") or [])]:
            kb.add_phrase(phrase, country)
        capital = item.get("capital") or {}
        if capital.get("name"):
            city = Entry(f"{item['id']}.capital", "place", capital["name"], code, code,
                         lat=capital.get("lat"), lon=capital.get("lon"))
            kb.add(city, where)
            for phrase in [city.name, *(item.get("capital_aliases") or [])]:
                kb.add_phrase(phrase, city)
        for j, seat in enumerate(item.get("seats") or [], start=1):
            entry = Entry(f"{item['id']}.seat{j}", "seat", seat["text"], code, code,
                          _sectors(seat.get("sectors"), where), capital.get("lat"),
                          capital.get("lon"), place=capital.get("name"))
            kb.add(entry, where)
            kb.add_phrase(seat["text"], entry)


def load_organisations(kb: KnowledgeBase, path: Path) -> None:
    for i, item in enumerate(_yaml(path), start=1):
        where = f"{path}: entry {i}"
        if not item.get("id") or not item.get("code"):
            raise KBError(f"{where}: an organisation needs an id and a code")
        entry = Entry(item["id"], "org", item.get("name") or item["code"], item["code"],
                      _country_code(kb, item.get("country"), where),
                      _sectors(item.get("sectors"), where))
        for period in item.get("periods") or []:
            entry.offices.append(_period(period, where))
        kb.add(entry, where)
        for phrase in [entry.name, *(item.get("names") or [])]:
            kb.add_phrase(phrase, entry)


def _period(period: dict, where: str) -> Office:
    """An organisation's code over a span of time ('until' is exclusive)."""
    start, until = str(period.get("from") or "0001-01-01"), period.get("until")
    for value in (start, until):
        if value is not None and not _valid_date(str(value)):
            raise KBError(f"{where}: bad period date {value!r} (YYYY-MM-DD)")
    end = None
    if until:
        end = (date.fromisoformat(str(until)) - timedelta(days=1)).isoformat()
    return Office(str(period["code"]), "", start, end)


def load_places(kb: KnowledgeBase, path: Path) -> None:
    for where, row in _tsv(path):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            raise KBError(f"{where}: bad coordinates {row['lat']!r}, {row['lon']!r}") from None
        code = _country_code(kb, row["country"], where)
        entry = Entry(row["id"], "place", row["name"], code or "", code, lat=lat, lon=lon)
        kb.add(entry, where)
        for phrase in [row["name"], *row["aliases"].split("|")]:
            kb.add_phrase(phrase, entry)


def load_sectors(kb: KnowledgeBase, path: Path) -> None:
    for where, row in _tsv(path):
        kind = row.get("kind") or "noun"
        if kind not in ("title", "noun"):
            raise KBError(f"{where}: kind must be title or noun, not {kind!r}")
        entry = Entry(row["id"], kind, row["phrase"], "", None, _sectors(row["sectors"], where))
        kb.add(entry, where)
        kb.add_phrase(row["phrase"], entry)
        for plural in plural_forms(row["phrase"]):
            if not kb.lookup(plural):
                kb.add_phrase(plural, entry)


def load_relations(kb: KnowledgeBase, path: Path) -> None:
    for where, row in _tsv(path):
        entry = Entry(row["id"], "relation", row["phrase"], "", None)
        kb.add(entry, where)
        for phrase in [row["phrase"], *plural_forms(row["phrase"])]:
            kb.add_phrase(phrase, entry)


def load_peoples(kb: KnowledgeBase, path: Path) -> None:
    for where, row in _tsv(path):
        homelands = tuple(_country_code(kb, c, where) for c in row["homelands"].split("|"))
        if not all(homelands):
            raise KBError(f"{where}: a people needs its homelands")
        names = row["names"].split("|")
        entry = Entry(row["id"], "noun", names[0], "", None, _sectors(row["sectors"], where),
                      homelands=homelands)
        kb.add(entry, where)
        for name in names:
            kb.add_phrase(name, entry)


def load_persons(kb: KnowledgeBase, path: Path) -> None:
    for where, row in _tsv(path):
        pid = row.get("person_id")
        if not pid or not row.get("name"):
            raise KBError(f"{where}: a person needs person_id and name")
        for field_name in ("start", "end"):
            if row.get(field_name) and not _valid_date(row[field_name]):
                raise KBError(f"{where}: bad {field_name} date {row[field_name]!r} (YYYY-MM-DD)")
        if not row.get("start"):
            raise KBError(f"{where}: an office needs a start date")
        if row.get("end") and row["end"] < row["start"]:
            raise KBError(f"{where}: office ends before it starts")
        country = _country_code(kb, row.get("country"), where)
        person = kb.entries.get(pid)
        if person is None:
            person = Entry(pid, "person", row["name"], country or "", country)
            kb.add(person, where)
            _index_person(kb, person, row.get("aliases", ""))
        elif person.kind != "person":
            raise KBError(f"{where}: id {pid!r} is already used by a {person.kind}")
        elif row.get("aliases"):
            _index_person(kb, person, row["aliases"])
        person.offices.append(Office(row["code"].upper(), row.get("office", ""), row["start"],
                                     row.get("end") or None))
        person.offices.sort(key=lambda o: o.start)


def _index_person(kb: KnowledgeBase, person: Entry, aliases: str) -> None:
    names = [person.name, *(a for a in aliases.split("|") if a.strip())]
    for name in names:
        kb.add_phrase(name, person)
        words = [w for w in name.split() if w.lower().strip(",") not in SUFFIXES]
        if len(words) > 1 and not ROMAN.match(words[-1]):
            kb.add_phrase(words[-1], person, 0.6)
            bare = ARTICLE.sub("", words[-1])
            if bare != words[-1]:
                kb.add_phrase(bare, person, 0.6)  # "al-Baghdadi" is also "Baghdadi"


def load_bundled() -> KnowledgeBase:
    kb = KnowledgeBase()
    load_countries(kb, HERE / "countries.yaml")
    load_organisations(kb, HERE / "organisations.yaml")
    load_organisations(kb, HERE / "regions.yaml")
    load_places(kb, HERE / "places.tsv")
    load_sectors(kb, HERE / "sectors.tsv")
    load_relations(kb, HERE / "relations.tsv")
    load_peoples(kb, HERE / "peoples.tsv")
    for path in sorted((HERE / "persons").glob("*.tsv")):
        load_persons(kb, path)
    return kb
