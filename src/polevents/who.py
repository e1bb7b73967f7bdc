"""`polevents who`: how the knowledge base resolves a name on a date, and why."""

from __future__ import annotations

from polevents.kb import KnowledgeBase


def code_on(entry, date: str | None) -> tuple[str, str]:
    """The actor code an entry gives on a date, with the reason."""
    if entry.kind == "person":
        office = entry.office_on(date)
        if office:
            until = office.end or "now"
            return office.code, f"{office.title} from {office.start} to {until}"
        when = "on that date" if date else "now"
        return entry.code or entry.country or "", f"holds no office in the knowledge base {when}"
    if entry.kind in ("title", "noun"):
        return "---" + "".join(entry.sectors[:1]), "a role word: the country comes from context"
    if entry.kind == "seat":
        return entry.code + "".join(entry.sectors), f"seat of power in {entry.place}"
    if entry.kind == "place":
        return entry.code, "a place: stands for its country"
    return entry.code, entry.kind


def explain(kb: KnowledgeBase, name: str, date: str | None) -> list[str]:
    hits = sorted(kb.lookup(name), key=lambda h: (-h[1], h[0].office_on(date) is None, h[0].kb_id))
    lines = []
    for rank, (entry, strength) in enumerate(hits):
        code, why = code_on(entry, date)
        how = "full name" if strength >= 1 else "surname only"
        marker = "->" if rank == 0 else "  "
        lines.append(f"{marker} {code or '(none)':<12} {entry.name}  [{entry.kb_id}, {entry.kind}, "
                     f"{how}] {why}")
        for office in entry.offices:
            lines.append(f"      {office.code:<12} {office.title}: {office.start} .. {office.end or 'now'}")
    if len(hits) > 1:
        lines.append(f"{len(hits)} candidates; in a document the coder also weighs the countries "
                     "the document names")
    return lines
