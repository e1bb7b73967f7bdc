"""Where an event happened: a place named in a prepositional phrase of its clause
("in the Kremlin", "in Aleppo"), or the destination of a visit."""

from __future__ import annotations

LOCATIVE = {"in", "at", "near", "outside", "inside", "into", "to", "across", "around"}
PLACE_KINDS = {"place", "seat", "country"}


def _location(entry, text: str) -> dict:
    return {"text": text, "name": entry.place or entry.name, "country": entry.country,
            "lat": entry.lat, "lon": entry.lon}


def named_places(resolver, token, preps=LOCATIVE):
    """Knowledge-base places named in the prepositional phrases of token ("in Aleppo")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    yield from (m for m in resolver.matches_in(obj.subtree)
                                if m.entry.kind in PLACE_KINDS)


def event_location(resolver, hit) -> dict | None:
    """The most specific place named around the trigger: a city or seat before a country."""
    doc = hit.head.doc
    targets = [t for group in hit.targets for t in group]
    holders = [hit.head, *hit.words[1:], *targets]
    found = [(m, doc[m.start:m.end].text) for token in holders for m in named_places(resolver, token)]
    for target in targets:
        for m in resolver.matches_in([target]):
            if m.entry.kind in ("place", "seat") and hit.trigger.cameo.startswith("04"):
                found.append((m, doc[m.start:m.end].text))
    if not found:
        return None
    rank = {"seat": 0, "place": 1, "country": 2}
    m, text = min(found, key=lambda f: rank[f[0].entry.kind])
    return _location(m.entry, text)
