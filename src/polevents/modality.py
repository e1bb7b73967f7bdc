"""PLOVER's auxiliary modes: was the event asserted, negated, future or hypothetical?

Looks at the trigger, then up the chain of verbs that govern it ("refused to meet",
"plans to visit", "denied attacking"). Historical is decided from the event's date (dates.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from polevents.events import controlling_verb
from polevents.lexicon import Lexicon

GOVERNING = {"xcomp", "ccomp", "pcomp", "advcl", "acl", "relcl", "pobj", "prep", "dobj", "nsubj",
             "nsubjpass", "conj"}


@dataclass
class Modality:
    mode: str = "asserted"
    cue: str | None = None
    refusal: str | None = None      # the refusal cue when the act was refused: code it as REJECT


def _own(token, lexicon: Lexicon) -> Modality | None:
    negation = next((c for c in token.children
                     if c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no"), None)
    if negation is not None:
        cue = lexicon.cue_id("negation", negation.lower_) or "neg.not"
        if any(c.dep_ == "aux" and lexicon.cue_id("refusal_aux", c.lower_) for c in token.children):
            # "said it would not attend", "will not accept": a refusal, coded as REJECT
            return Modality("asserted", cue, refusal=f"{cue}+rej.will")
        return Modality("negated", cue)
    for c in token.children:
        low = c.lower_
        if c.dep_ in ("aux", "auxpass") and (cue := lexicon.cue_id("future_aux", low)):
            return Modality("future", cue)
        if c.dep_ == "aux" and (cue := lexicon.cue_id("reported_future_aux", low)) \
                and _reported(token, lexicon):
            return Modality("future", cue)
        if c.dep_ == "aux" and (cue := lexicon.cue_id("hypothetical_aux", low)):
            return Modality("hypothetical", cue)
        if c.dep_ == "mark" and (cue := lexicon.cue_id("hypothetical_marks", low)):
            return Modality("hypothetical", cue)
        if c.dep_ == "amod" and (cue := lexicon.cue_id("future_adjectives", low)):
            return Modality("future", cue)
        if c.dep_ == "amod" and (cue := lexicon.cue_id("hypothetical_adjectives", low)):
            return Modality("hypothetical", cue)
    return None


def _reported(clause, lexicon: Lexicon) -> bool:
    """"said it would send troops": a "will" reported in the past, unless a condition makes it
    hypothetical ("would attack if ...")."""
    speaker = clause.head
    if clause.dep_ != "ccomp" or speaker.tag_ not in ("VBD", "VBN") or \
            speaker.lemma_.lower() not in lexicon.cues["speech_verbs"]:
        return False
    return not any(lexicon.cue_id("hypothetical_marks", m.lower_) for c in clause.children
                   if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark")


def _governed(token, governor, lexicon: Lexicon, dep: str | None = None) -> Modality | None:
    dep = dep or token.dep_
    lemma = governor.lemma_.lower()
    particle = next((c.lower_ for c in governor.children if c.dep_ == "prt"), None)
    # "ruled out meeting", "held off from attacking": the phrasal verb first
    lemmas = (f"{lemma} {particle}", lemma) if particle else (lemma,)

    def cue_of(group: str) -> str | None:
        return next((cue for w in lemmas if (cue := lexicon.cue_id(group, w))), None)

    if dep in ("xcomp", "pcomp", "dobj", "ccomp", "prep", "pobj") and governor.pos_ in ("VERB", "ADJ"):
        if cue := cue_of("refusal_verbs"):
            return Modality("asserted", cue, refusal=cue)
        if cue := cue_of("negating_verbs"):
            return Modality("negated", cue)
        if dep in ("xcomp", "pcomp", "dobj"):
            if cue := cue_of("future_verbs"):
                return Modality("future", cue)
            if cue := cue_of("hypothetical_verbs"):
                return Modality("hypothetical", cue)
    elif dep in ("acl", "ccomp") and token.pos_ == "VERB" and governor.pos_ == "NOUN" \
            or dep == "prep" and token.lower_ == "for" and governor.pos_ == "NOUN":
        # "Trump's demand that Germany prosecute its citizens", "a plan to withdraw troops",
        # "calls for Assad to leave office", "calls for a ceasefire"
        for group, mode in (("refusal_verbs", "refused"), ("future_verbs", "future"),
                            ("hypothetical_verbs", "hypothetical")):
            if cue := cue_of(group):
                return Modality("asserted", cue, refusal=cue) if mode == "refused" else Modality(mode, cue)
    return None


def modality_of(head, lexicon: Lexicon) -> Modality:
    """The mode of the event whose trigger is head; the first cue found going up wins."""
    token = head
    for _ in range(4):
        found = _own(token, lexicon)
        if found:
            return found
        governor = token.head
        if governor.i == token.i or token.dep_ not in GOVERNING:
            break
        if (controller := controlling_verb(token)) is not None:
            # "a statement urging X to comply", with "to comply" misattached: X is urged to
            found = _governed(token, controller, lexicon, dep="xcomp")
            if found:
                return found
            token = controller
            continue
        if token.dep_ in ("ccomp", "conj", "relcl", "advcl") and token.pos_ == "VERB":
            # a clause of its own: its mode does not come from the verb above it
            if token.dep_ == "advcl":
                # "are due to meet on Friday to discuss Idlib": a purpose shares its act's mode
                purpose = token.tag_ == "VB" and any(c.lower_ == "to" for c in token.children)
                if not purpose:
                    return Modality()
                if cue := lexicon.cue_id("future_verbs", governor.lemma_.lower()):
                    return Modality("future", cue)  # "pledged $5bn to support Jordan"
                token = governor
                continue
            found = _governed(token, governor, lexicon)
            if found and found.refusal is None:
                return found
            if token.dep_ != "conj":
                return Modality()
        found = _governed(token, governor, lexicon)
        if found:
            return found
        if token.dep_ == "acl" and governor.pos_ == "NOUN" and token.tag_ == "VB" \
                and any(c.dep_ == "poss" or c.lower_ == "by" for c in governor.children):
            return Modality()  # "rejected Trump's decision to recognise": the decision stands
        token = governor
    return Modality()
