"""Events from one parsed sentence: trigger words from the lexicon, source and target from the
dependency parse (subjects, objects, prepositions, passives, coordination, relative clauses)."""

from __future__ import annotations

from dataclasses import dataclass, field

from polevents.lexicon import Lexicon, Trigger

CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "csubj", "parataxis", "acl", "pcomp"}
SUBJECTS = {"nsubj", "csubj", "expl"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "mount", "hold", "make", "issue", "announce",
               "begin", "start", "continue", "step", "order", "approve", "lead", "take", "pay",
               "impose", "give", "provide", "send", "deliver", "offer", "unleash", "resume",
               "stag"}  # the small English model lemmatizes "staged" as "stag"


@dataclass
class Hit:
    """A trigger found in the sentence, with the tokens that make it up and its arguments."""

    trigger: Trigger
    head: object                   # spaCy token
    words: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    passive: bool = False


def _near(token, depth: int = 2):
    """Dependents of token within depth, not crossing into another clause, except into the
    verb of a to-infinitive ("declined to comment", "threatened to impose sanctions")."""
    frontier = [token]
    for level in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ not in CLAUSE_DEPS or c.dep_ == "xcomp" and level == 0:
                    nxt.append(c)
        yield from nxt
        frontier = nxt


def _fits(token, options: frozenset[str]) -> bool:
    if token.lemma_.lower() not in options and token.lower_ not in options:
        return False
    # a preposition or particle companion must be one, not the "to" of an infinitive
    return token.pos_ not in ("ADP", "PART") or token.dep_ in ("prep", "prt", "agent", "dative")


def _kind(token) -> str | None:
    if token.dep_ in ("amod", "compound"):
        return None  # "US-backed forces", "aid workers": a modifier names no act
    if token.pos_ == "VERB" or token.pos_ == "AUX" and token.dep_ == "ROOT":
        return "verb"
    if token.pos_ == "NOUN":
        return "noun"
    return None


def match_triggers(sent, lexicon: Lexicon) -> list[Hit]:
    hits, used = [], set()
    for token in sent:
        kind = _kind(token)
        if kind is None or token.i in used:
            continue
        candidates = lexicon.by_head.get((token.lemma_.lower(), kind))
        if not candidates and kind == "noun":
            candidates = lexicon.by_head.get((token.lower_, kind))
        if not candidates:
            continue
        near = list(_near(token))
        best, best_rank, best_words = None, None, None
        for trig in candidates:
            words = []
            for options in trig.companions:
                found = next((t for t in near if _fits(t, options) and t not in words), None)
                if found is None:
                    break
                words.append(found)
            else:
                # most companions, then most content words, then the most specific code
                rank = (len(words), sum(t.pos_ not in ("ADP", "PART") for t in words),
                        len(trig.cameo))
                if best is None or rank > best_rank:
                    best, best_rank, best_words = trig, rank, words
        if best is None:
            continue
        used.update(t.i for t in best_words)
        hits.append(Hit(best, token, [token, *best_words]))
    # A word consumed as a companion of another trigger ("held talks") is no event of its own.
    return [h for h in hits if h.head.i not in _companion_ids(hits)]


def _companion_ids(hits: list[Hit]) -> set[int]:
    return {t.i for h in hits for t in h.words[1:]}


def _with_conjuncts(token) -> list:
    out = [token]
    for c in token.children:
        if c.dep_ == "conj":
            out.extend(_with_conjuncts(c))
    return out


NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def _prep_object(tokens, prep_word: str):
    for t in tokens:
        for c in t.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep_word:
                for obj in c.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ not in NOT_ACTORS:
                        return obj
    return None


def verb_subject(verb, seen=None):
    """The subject of a verb, looking up through conjunctions, control and relative clauses."""
    seen = seen or set()
    if verb.i in seen:
        return None, False
    seen.add(verb.i)
    for c in verb.children:
        if c.dep_ in SUBJECTS:
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head, False
            return c, False
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head, True
            return c, True
    if verb.dep_ in ("relcl", "acl"):
        passive = verb.tag_ == "VBN" and verb.dep_ == "acl"
        return verb.head, passive
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "xcomp":
            # "urged Iran to release": the object of the governing verb acts
            for c in verb.head.children:
                if c.dep_ == "dobj":
                    return c, False
        return verb_subject(verb.head, seen)
    return None, False


def _agent(verb):
    for c in verb.children:
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def find_arguments(hit: Hit) -> None:
    if hit.trigger.pos == "verb":
        _verb_arguments(hit)
    else:
        _noun_arguments(hit)


def _verb_arguments(hit: Hit) -> None:
    verb = hit.head
    subject, passive = verb_subject(verb)
    is_passive = passive or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    hit.passive = is_passive
    target = None
    if is_passive:
        target = subject
        subject = _agent(verb)
    else:
        target = _slot(hit)
    if subject is not None:
        hit.sources = _with_conjuncts(subject)
    if target is not None:
        hit.targets = _with_conjuncts(target)


def _slot(hit: Hit):
    places = [*hit.words[1:], hit.head]  # "imposed sanctions on X": the companion's prep first
    for slot in hit.trigger.targets:
        if slot == "none":
            return None
        if slot == "dobj":
            verbs = [hit.head] + [w for w in hit.words[1:] if w.pos_ == "VERB"]
            for verb in verbs:  # "refused to meet X": the object of the infinitive
                for c in verb.children:
                    if c.dep_ in ("dobj", "dative", "attr") and c not in hit.words:
                        return c
        elif slot.startswith("prep:"):
            obj = _prep_object(places, slot[5:])
            if obj is not None:
                return obj
    return None


def _noun_arguments(hit: Hit) -> None:
    noun = hit.head
    source = None
    for c in noun.children:
        if c.dep_ == "poss" or c.dep_ in ("amod", "compound") and c.i < noun.i and c.pos_ in ("ADJ", "PROPN"):
            source = c
            break
    if source is None:
        source = _prep_object([noun], "by")
    governor = noun.head
    if source is None and noun.dep_ in ("dobj", "nsubjpass") and governor.pos_ == "VERB" \
            and governor.lemma_ in LIGHT_VERBS:
        source, passive = verb_subject(governor)
        if passive:
            source = _agent(governor)
    if source is None and noun.dep_ == "pobj" and governor.head.pos_ == "VERB" \
            and governor.head.lemma_ in LIGHT_VERBS:
        source, _ = verb_subject(governor.head)
    target = _slot(hit)
    if target is not None and source is not None and target.i == source.i:
        target = None
    if source is not None:
        hit.sources = _with_conjuncts(source)
    if target is not None:
        hit.targets = _with_conjuncts(target)
