"""One event from many reports: clusters event mentions into real events.

Two mentions report the same event when they have the same directed dyad (actor keys), the same
CAMEO root, dates within `window_days` of each other, and similar sentences (word-set Jaccard
at least `min_similarity`, or the same named place). Mentions are blocked by (dyad, root, factual
or not) and each block is swept once in date order against the clusters still open in the date
window, so the cost grows with the number of mentions, never with the number of pairs.

Future and hypothetical mentions ("Russia will attack ...") never merge with reports of what
happened. Contradictions are flagged on clusters: `asserted-negated` when the same dyad, root and
day is reported both as happening and as not happening, `cooperation-conflict` when the same
dyad and day is reported (asserted) as cooperation (quad class 1-2) and as conflict (3-4).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field

FACTUAL = {"asserted", "negated", "historical"}
STOPWORDS = frozenset(
    "the and for with that this from have has had was were are been will would said says its his"
    " her their they them than then there also after before over into about more most other some"
    " such only which while who whom what when where why how not but all any can could may might"
    " our out per she him you your new one two".split())
TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Mention:
    key: str  # unique id of the mention (the store uses "doc_hash:event_id")
    doc: str  # the document it is in
    outlet: str  # who published the document, for counting distinct sources
    source: str  # actor key of the source ("" when none)
    target: str
    cameo: str
    quad_class: int
    modality: str
    day: int | None  # date as a proleptic ordinal (date.toordinal()), None when unknown
    text: str
    location: str | None = None
    goldstein: float = 0.0


@dataclass
class Cluster:
    cluster_id: str
    source: str
    target: str
    cameo: str
    quad_class: int
    goldstein: float
    modality: str
    first_day: int | None
    last_day: int | None
    members: list[str]
    representative: str
    n_mentions: int
    n_documents: int
    n_sources: int
    contradictions: list[str] = field(default_factory=list)

    def row(self) -> dict:
        """The cluster as a row of the store's clusters table."""
        day = lambda d: dt.date.fromordinal(d) if d else None  # noqa: E731
        doc_hash, event_id = self.representative.split(":", 1)
        return {"cluster_id": self.cluster_id, "source_key": self.source,
                "target_key": self.target, "cameo": self.cameo, "cameo_root": self.cameo[:2],
                "quad_class": self.quad_class, "goldstein": self.goldstein,
                "modality": self.modality, "day": day(self.first_day),
                "last_day": day(self.last_day), "n_mentions": self.n_mentions,
                "n_documents": self.n_documents, "n_sources": self.n_sources,
                "contradictions": self.contradictions, "rep_doc_hash": doc_hash,
                "rep_event_id": event_id}


def tokens(text: str) -> frozenset[str]:
    return frozenset(w for w in TOKEN.findall(text.lower()) if len(w) > 2 and w not in STOPWORDS)


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


class _Open:
    """A cluster being built: its mentions, a few token sets to compare against, its places."""

    __slots__ = ("mentions", "samples", "places", "last_day")

    def __init__(self, group: list[Mention], toks: frozenset):
        m = group[0]
        self.mentions, self.samples, self.last_day = group, [toks], m.day
        self.places = {m.location.lower()} if m.location else set()

    def similarity(self, m: Mention, toks: frozenset) -> float:
        if m.location and m.location.lower() in self.places:
            return 1.0
        return max(jaccard(toks, s) for s in self.samples)

    def add(self, m: Mention, toks: frozenset, max_samples: int = 4) -> None:
        self.mentions.append(m)
        self.last_day = max(self.last_day, m.day)
        if m.location:
            self.places.add(m.location.lower())
        if len(self.samples) < max_samples:
            self.samples.append(toks)
        else:  # keep the first mention and the most recent ones
            self.samples[1:] = self.samples[2:] + [toks]


def _sweep(block: list[Mention], window: int, threshold: float, max_open: int) -> list[list[Mention]]:
    """Greedy single pass over one block's dated mentions, sorted by day."""
    groups: list[list[Mention]] = []
    open_: OrderedDict[int, _Open] = OrderedDict()  # ordered by last_day, oldest first
    for m in block:
        while open_ and next(iter(open_.values())).last_day < m.day - window:
            open_.popitem(last=False)
        toks = tokens(m.text)
        best, best_sim = None, threshold
        for n, (i, c) in enumerate(reversed(open_.items())):
            if n >= max_open:
                break
            sim = c.similarity(m, toks)
            if sim >= best_sim:
                best, best_sim = i, sim
        if best is None:
            groups.append([m])
            open_[len(groups) - 1] = _Open(groups[-1], toks)
        else:
            open_[best].add(m, toks)
            open_.move_to_end(best)
    return groups


def cluster_mentions(mentions, window_days: int = 2, min_similarity: float = 0.2,
                     max_open: int = 64) -> list[Cluster]:
    """Groups mentions into clusters; every mention lands in exactly one cluster."""
    blocks: dict[tuple, list[Mention]] = defaultdict(list)
    for m in mentions:
        blocks[(m.source, m.target, m.cameo[:2], m.modality in FACTUAL)].append(m)
    groups: list[list[Mention]] = []
    for key in sorted(blocks):
        block = blocks[key]
        groups.extend([m] for m in sorted((m for m in block if m.day is None), key=lambda m: m.key))
        dated = sorted((m for m in block if m.day is not None), key=lambda m: (m.day, m.key))
        groups.extend(_sweep(dated, window_days, min_similarity, max_open))
    flags = _contradictions(mentions)
    clusters = [_summarise(g, flags) for g in groups]
    clusters.sort(key=lambda c: (c.first_day or 0, c.source, c.target, c.cluster_id))
    return clusters


def _contradictions(mentions) -> dict[str, set[str]]:
    """Flags per mention key: asserted-negated and cooperation-conflict on the same dyad-day."""
    said: dict[tuple, set] = defaultdict(set)
    sides: dict[tuple, set] = defaultdict(set)
    for m in mentions:
        if m.day is None:
            continue
        if m.modality in ("asserted", "negated"):
            said[(m.source, m.target, m.cameo[:2], m.day)].add(m.modality)
        if m.modality == "asserted" and m.quad_class:
            sides[(m.source, m.target, m.day)].add("coop" if m.quad_class <= 2 else "conflict")
    flags: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.day is None:
            continue
        if len(said.get((m.source, m.target, m.cameo[:2], m.day), ())) == 2:
            flags[m.key].add("asserted-negated")
        if len(sides.get((m.source, m.target, m.day), ())) == 2:
            flags[m.key].add("cooperation-conflict")
    return flags


def _summarise(group: list[Mention], flags) -> Cluster:
    first = group[0]
    rep = next((m for m in group if m.modality == "asserted"), first)
    codes = Counter(m.cameo for m in group)
    cameo = min(codes, key=lambda c: (-codes[c], c))
    coded = next(m for m in group if m.cameo == cameo)
    modalities = Counter(m.modality for m in group)
    modality = "asserted" if "asserted" in modalities else modalities.most_common(1)[0][0]
    days = [m.day for m in group if m.day is not None]
    found = set().union(*(flags.get(m.key, set()) for m in group))
    return Cluster(
        cluster_id=hashlib.sha1(first.key.encode()).hexdigest()[:16],
        source=first.source, target=first.target, cameo=cameo, quad_class=coded.quad_class,
        goldstein=coded.goldstein, modality=modality,
        first_day=min(days) if days else None, last_day=max(days) if days else None,
        members=[m.key for m in group], representative=rep.key, n_mentions=len(group),
        n_documents=len({m.doc for m in group}), n_sources=len({m.outlet for m in group}),
        contradictions=sorted(found))
