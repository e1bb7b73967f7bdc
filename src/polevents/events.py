"""Events from one parsed sentence: trigger words from the lexicon, source and target from the
dependency parse (subjects, objects, prepositions, passives, coordination, relative clauses)."""

from __future__ import annotations

from dataclasses import dataclass, field

from polevents.lexicon import Lexicon, Trigger, word_list

VISIT = "042"  # CAMEO: make a visit
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "csubj", "parataxis", "acl", "pcomp"}
SUBJECTS = {"nsubj", "csubj", "expl"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# word lists kept with the lexicon's cues (lexicon/cues.yaml)
LIGHT_VERBS = word_list("light_verbs")
OBJECT_CONTROL = word_list("object_control")
QUANTITIES = word_list("quantities")
COLLECTIVES = word_list("collectives")


@dataclass
class Hit:
    """A trigger found in the sentence, with the tokens that make it up and its arguments."""

    trigger: Trigger
    head: object                   # spaCy token
    words: list = field(default_factory=list)
    sources: list = field(default_factory=list)   # groups of coordinated words, best first
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
                if level == 0 and c.dep_ in ("nsubj", "csubj", "expl"):
                    continue  # the actor is no part of the act ("Trump's demand ... met")
                if c.dep_ not in CLAUSE_DEPS or c.dep_ == "xcomp" and level == 0:
                    nxt.append(c)
            if level == 0:
                nxt += _object_read_as_subject(t)
                # "called for Britain to stay": the "for" that marks the clause of the call
                nxt += [m for c in t.children if c.dep_ == "advcl" for m in c.children
                        if m.dep_ == "mark" and m.lower_ == "for"]
        # "released dozens of activists": look through a quantity to what is counted
        nxt += [obj for t in nxt if t.lemma_.lower() in QUANTITIES for p in t.children
                if p.dep_ == "prep" and p.lower_ == "of" for obj in p.children if obj.dep_ == "pobj"]
        if level == depth - 1:  # "pulled out of the deal": a compound preposition's object
            nxt += [obj for t in nxt if t.dep_ == "prep" and t.head.pos_ == "ADP"
                    for obj in t.children if obj.dep_ == "pobj"]
        yield from nxt
        frontier = nxt


def _fits(token, options: frozenset[str]) -> bool:
    if "@person" in options and token.dep_ in ("dobj", "pobj") and (
            token.ent_type_ == "PERSON" or token.pos_ == "PROPN" and not token.ent_type_):
        return True  # "released Aya Hijazi": a named person as the object
    if token.lemma_.lower() not in options and token.lower_ not in options \
            and _unhyphenated(token) not in options \
            and not (token.tag_ == "NNPS" and token.lower_[:-1] in options):  # "Christians"
        return False
    # a preposition or particle companion must be one, not the "to" of an infinitive
    if token.pos_ not in ("ADP", "PART"):
        return True
    if token.dep_ not in ("prep", "prt", "agent", "dative", "advmod"):  # "declare the war over"
        return False
    # "On Nov. 2, X called Y": a time phrase is no part of the act
    return not any(c.ent_type_ in ("DATE", "TIME") for c in token.children)


MUST = frozenset({"@must"})
OBLIGATION = {"must", "should"}


def _obligation(head):
    """The clause in which a speaker says someone must act ("told the EU it must take back")."""
    for clause in head.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in OBLIGATION
                                          for c in clause.children):
            return clause
    return None


def _attached(companion, head, words: list) -> bool:
    """A preposition belongs to the act when it hangs on the trigger or one of its words:
    in "called Erdogan to apologize for the case" the "for" is the apology's."""
    if companion.pos_ not in ("ADP", "PART"):
        return True
    governor = companion.head
    return governor.i == head.i or any(governor.i == w.i for w in words) \
        or governor.head.i == head.i and governor.dep_ not in CLAUSE_DEPS


def _unhyphenated(token) -> str | None:
    """The word a hyphenated compound spells when written solid ("cease-fire": "ceasefire",
    "pull-out": "pullout"), from its last part."""
    if token.i < 2 or token.nbor(-1).text != "-" or token.nbor(-1).whitespace_ \
            or token.nbor(-2).whitespace_:
        return None
    return token.nbor(-2).lower_ + token.lemma_.lower()


def _kind(token) -> str | None:
    if token.dep_ in ("amod", "compound"):
        return None  # "US-backed forces", "aid workers": a modifier names no act
    if token.pos_ == "VERB" or token.pos_ == "AUX" and token.dep_ == "ROOT":
        return "verb"
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "ROOT"):
        return "verb"  # "is sceptical of", "was critical of": the predicate acts like a verb
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
            candidates = lexicon.by_head.get((token.lower_, kind)) \
                or lexicon.by_head.get((_unhyphenated(token), kind))
        if not candidates:
            continue
        near = list(_near(token))
        if any(c.dep_ == "oprd" for c in token.children):
            # "an offensive called Operation Olive Branch", "called the deal a disaster": the
            # verb names or judges something; a bare verb row does not say what happened
            candidates = [t for t in candidates if t.companions]
        best, best_rank, best_words = None, None, None
        for trig in candidates:
            words = []
            for options in trig.companions:
                if options == MUST:
                    found = _obligation(token)
                else:
                    found = next((t for t in near if _fits(t, options) and t not in words), None)
                if found is None:
                    break
                words.append(found)
            else:
                if not all(_attached(t, token, words) for t in words):
                    continue
                # most companions, then most content words, then the most specific code
                rank = (len(words), sum(t.pos_ not in ("ADP", "PART") for t in words),
                        len(trig.cameo))
                if best is None or rank > best_rank:
                    best, best_rank, best_words = trig, rank, words
        if best is None:
            continue
        if best.id in lexicon.cues["military_senses"] and _military(token):
            # "Israeli strikes", "strikes against Syria": air strikes, not a walkout
            best = lexicon.cues["military_senses"][best.id]
        used.update(t.i for t in best_words)
        hits.append(Hit(best, token, [token, *best_words]))
    # A word consumed as a companion of another trigger ("held talks") is no event of its own.
    return [h for h in hits if h.head.i not in _companion_ids(hits)]


def _military(noun) -> bool:
    """A noun told with a nation as its maker ("Israeli strikes") or a country as its mark
    ("a strike against Syria")."""
    return noun.tag_ == "NNS" and any(c.dep_ in ("amod", "compound") and c.ent_type_ in NATIONS
                                      for c in noun.children) \
        or any(o.ent_type_ in NATIONS for p in noun.children if p.dep_ == "prep"
               and p.lower_ in ("on", "against") for o in p.children if o.dep_ == "pobj")


NATIONS = {"GPE", "NORP"}


def _companion_ids(hits: list[Hit]) -> set[int]:
    return {t.i for h in hits for t in h.words[1:]}


def _with_conjuncts(token) -> list:
    for appos in (c for c in token.children if c.dep_ == "appos" and token.pos_ == "NOUN"):
        if any(c.dep_ == "conj" for c in appos.children):
            # "the three guarantors - Russia, Turkey and Iran -": the list names the actors
            return _with_conjuncts(appos)
    out = [token]
    for c in token.children:
        if c.dep_ == "conj":
            out.extend(_with_conjuncts(c))
    return out


RESPONSE_ROOTS = {"05", "10", "11", "12"}  # approving, demanding, criticising, rejecting
JOINING_ROOTS = {"04", "06"}  # meeting and cooperating: "attended the EU summit"
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def prep_objects(tokens, prep_word: str) -> list:
    return [obj for t in tokens for c in t.children
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep_word
            for obj in c.children if obj.dep_ == "pobj" and obj.ent_type_ not in NOT_ACTORS]


def _antecedent(relcl):
    """Whom a relative clause tells of: "Putin and Erdoğan, who have backed" both of them (the
    plural verb says so), "met Putin and Erdoğan, who backed" the last one named."""
    noun = relcl.head
    plural = any(t.tag_ == "VBP" or t.lower_ in ("were", "are")
                 for t in [relcl, *(c for c in relcl.children if c.dep_ in ("aux", "auxpass"))])
    while plural and noun.dep_ == "conj" and noun.head.pos_ in ("PROPN", "NOUN"):
        noun = noun.head
    return noun


def verb_subject(verb, seen=None):
    """The subject of a verb, looking up through conjunctions, control and relative clauses."""
    seen = seen or set()
    if verb.i in seen:
        return None, False
    seen.add(verb.i)
    for c in verb.children:
        if c.dep_ in SUBJECTS:
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return _antecedent(verb), False
            return c, False
    for aux in (c for c in verb.children if c.dep_ in ("aux", "auxpass")):
        for c in aux.children:  # "X however have opposed": the parser hangs X on "have"
            if c.dep_ in SUBJECTS or c.dep_ == "nsubjpass":
                return c, c.dep_ == "nsubjpass"
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head, True
            return c, True
    if verb.dep_ in ("relcl", "acl"):
        passive = verb.tag_ == "VBN" and verb.dep_ == "acl"
        return verb.head, passive
    if verb.dep_ == "xcomp" and (noun := _reduced_relative(verb.head)) is not None:
        return noun, False  # "two men killed fighting Isis have ...": the men fought
    if (controller := controlling_verb(verb)) is not None:
        return next(c for c in controller.children if c.dep_ == "dobj"), False
    if verb.dep_ in ("advcl", "ROOT") and (orphan := _orphan_subject(verb)) is not None:
        return orphan, False
    # ", killing 12" and "sent aircraft to attack" share the subject of the main verb;
    # other adverbial clauses have subjects of their own
    shares = verb.dep_ in ("conj", "xcomp", "acomp") or verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB")
    if shares and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL:
            # "urged Iran to release": the object of the governing verb acts
            for c in verb.head.children:
                if c.dep_ == "dobj":
                    return c, False
        subject, passive = verb_subject(verb.head, seen)
        if passive and verb.dep_ == "conj" and verb.tag_ == "VBG":
            # "civilians have been killed in airstrikes and shelling by forces": the victims of
            # the first verb do not do the second; "by" names who does
            return next(iter(prep_objects([verb], "by")), None), False
        # "is reported to have ordered": the raising verb's passive is not the act's
        return subject, passive and verb.dep_ == "conj" and verb.tag_ == "VBN"
    return None, False


def infinitive_to(verb):
    """The "to" of a to-infinitive ("to help", "to comply"), or None."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)


def controlling_verb(verb):
    """"issued a statement urging North Korea to comply", with "to comply" hung on "issued":
    the verb of control ("urging") whose object the infinitive follows, or None."""
    to = infinitive_to(verb)
    if verb.dep_ != "advcl" or to is None or to.i == 0:
        return None
    obj = verb.doc[to.i - 1]
    while obj.dep_ in ("compound", "flat") and obj.head.i > obj.i:
        obj = obj.head
    controller = obj.head
    if obj.dep_ == "dobj" and controller.i != verb.head.i and controller.i < obj.i \
            and controller.lemma_.lower() in OBJECT_CONTROL:
        return controller
    return None


SUBORDINATORS = {"as", "while", "when", "after", "before", "since", "until", "because"}


def _orphan_subject(verb):
    """A verb without a subject whose subject the small model misread: hung on a preposition
    ("as the adviser, John Bolton, visited Ankara": "as" read as a preposition; "In September
    Turkey persuaded Russia": the name read as the object of "in") or read as an adverb."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].is_punct:
        i -= 1
    if i < 0:
        return None
    token = verb.doc[i]
    while token.dep_ in ("appos", "compound", "flat") and token.head.i < verb.i:
        token = token.head
    if token.dep_ == "advmod" and token.head.i == verb.i and token.text.isupper() and len(token) > 1:
        return token  # "USAID provided support": an acronym read as an adverb
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return None
    if token.head.lower_ in SUBORDINATORS:
        return token
    named = token.pos_ == "PROPN" and token.ent_type_ not in NOT_ACTORS
    dated = any(c.ent_type_ in ("DATE", "TIME") for c in token.children)
    return token if named and dated and token.head.head.i == verb.i else None


def _agent(verb):
    for c in verb.children:
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _named(token) -> bool:
    """A companion that names someone ("released Aya Hijazi") is the act's object too."""
    return token.ent_type_ == "PERSON" or token.pos_ == "PROPN"


def find_arguments(hit: Hit, cues: dict) -> None:
    """Fills hit.sources and hit.targets: candidate groups in order of preference; the coder
    takes the first group in which some word names an actor. The lexicon's cues say which
    verbs judge a text ("condemned a report urging X") and which verbs help."""
    if hit.trigger.pos == "verb":
        sources, targets = _verb_arguments(hit, cues["judging_verbs"])
    else:
        sources, targets = _noun_arguments(hit)
    helping = cues["helping_verbs"]
    if hit.trigger.cameo.startswith(tuple(helping["codes"])) \
            and hit.trigger.targets != ("none",):
        targets += _helped(hit, helping["verbs"])
    # the words naming the act name no actor, but for a person named as its object
    own = {t.i for t in hit.words if not _named(t)}
    hit.sources = [_with_conjuncts(t) for t in _unique(sources) if t.i not in own]
    taken = own | {t.i for group in hit.sources for t in group}
    hit.targets = [_with_conjuncts(t) for t in _unique(targets) if t.i not in taken]


def _helped(hit: Hit, verbs: frozenset) -> list:
    """Whom the purpose of a cooperative act helps ("earmarked aid to help Haiti cope with",
    "sent teams to assist flood victims")."""
    out = []
    for word in [hit.head, *hit.words[1:]]:
        for clause in word.children:
            if clause.dep_ in ("advcl", "xcomp", "acl", "relcl") and clause.lemma_.lower() in verbs \
                    and infinitive_to(clause) is not None:
                out += [c for c in clause.children if c.dep_ in ("dobj", "dative")]
                out += [verb_subject(c)[0] for c in clause.children if c.dep_ == "ccomp"]
    return out


def _unique(tokens) -> list:
    seen, out = set(), []
    for t in tokens:
        if t is not None and t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


def _verb_arguments(hit: Hit, judging: frozenset):
    verb = hit.head
    if (noun := _reduced_relative(verb)) is not None:
        hit.passive = True  # "two British men killed fighting Isis": the men were killed
        return [_agent(verb)], [noun, *_slot_candidates(hit)]
    subject, passive = verb_subject(verb)
    hit.passive = passive or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if hit.passive:
        return [_agent(verb)], [subject, *_slot_candidates(hit)]
    sources = [subject]
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "Trump's decision to pull out", "a decision by Trump to pull out": who decided acts
        noun = verb.head
        sources += [c for c in noun.children if c.dep_ == "poss"] + prep_objects([noun], "by")
    if verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "pobj"):
        # "HRW issued a statement calling on X": the statement's author acts (but whoever
        # "condemned a report urging X" did not write it)
        owner = verb.head.head if verb.head.dep_ == "dobj" else verb.head.head.head
        if owner.lemma_.lower() not in judging:
            sources.append(verb_subject(owner)[0])
    return sources, _slot_candidates(hit)


def _slot_candidates(hit: Hit) -> list:
    places = [*hit.words[1:], hit.head]  # "imposed sanctions on X": the companion's prep first
    first = hit.head
    while hit.trigger.pos == "noun" and first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head
        places.append(first)  # "air and artillery strikes on X"
    governor = first.head
    out = []
    if hit.trigger.pos == "noun" and first.dep_ == "dobj" and governor.lemma_ in LIGHT_VERBS:
        places.append(governor)  # "launched an offensive on Sunday against X"
        out.extend(c for c in governor.children if c.dep_ == "dative")  # "gave Putin a warning"
    # "lifted a ban imposed on X": the participle that says what the thing did
    places += [acl for w in hit.words[1:] if w.pos_ == "NOUN"
               for acl in w.children if acl.dep_ == "acl"]
    for slot in hit.trigger.targets:
        if slot == "none":
            break
        if slot == "dobj":
            verbs = [hit.head] + [w for w in hit.words[1:] if w.pos_ == "VERB"]
            for verb in verbs:  # "refused to meet X": the object of the infinitive
                objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr")
                           or _misread_object(c)] + _object_read_as_subject(verb)
                out.extend(c for c in objects if c not in hit.words or _named(c))
        elif slot.startswith("prep:"):
            out.extend(prep_objects(places, slot[5:]))
        elif slot == "clause.subject":  # "said Iran must stop", "called for Iran to stop"
            out.extend(verb_subject(w)[0] for w in hit.words[1:] if w.dep_ == "ccomp")
            out.extend(subject for w in hit.words[1:] if w.dep_ == "mark"  # (not "for X to be done")
                       for subject, passive in [verb_subject(w.head)] if not passive)
        elif slot == "about":
            out.extend(_told_of(hit))
    # "returned 12 skulls that date back to AD 640 to Peru": the parser may hang the act's
    # preposition on a clause inside its object; such a phrase is the last guess of a slot
    strays = [clause for t in [hit.head, *hit.words[1:]] for obj in [t, *t.children]
              if obj.i == t.i or obj.dep_ == "dobj"
              for clause in obj.children if clause.dep_ in ("acl", "relcl", "advcl")
              and clause.tag_ in ("VBN", "VBG", "VBP", "VBZ", "VBD")]
    for slot in hit.trigger.targets:
        if slot.startswith("prep:"):
            out.extend(prep_objects(strays, slot[5:])[-1:])
    # "rejected Theresa May's offer", "rejected a request by Erdogan": whose offer or request
    for word in hit.words[1:]:
        if word.pos_ == "NOUN":  # (not "its" or "their": the actor's own)
            out.extend(c for c in word.children
                       if c.dep_ == "poss" and c.lower_ not in ("its", "their"))
            # a response to someone's thing: "rejected an Afghan government offer", "backed a
            # UN proposal"; joining someone's: "joined Nato exercises" (but "lifted UN
            # sanctions" targets the sanctioned, not the UN)
            if hit.trigger.cameo[:2] in RESPONSE_ROOTS | JOINING_ROOTS:
                out.extend(c for c in word.children if c.dep_ == "compound" and c.i < word.i
                           and c.pos_ in ("NOUN", "PROPN"))
            out.extend(prep_objects([word], "by") + prep_objects([word], "from"))
            if word.lemma_.lower() not in COLLECTIVES:  # "sent a team of experts": its members
                out.extend(prep_objects([word], "of"))  # "revoked the citizenship of X"
            for acl in (c for c in word.children if c.dep_ == "acl"):
                out.extend(prep_objects([acl], "by"))
    if hit.trigger.pos == "verb" and not hit.passive and any(w.pos_ == "NOUN" for w in hit.words[1:]):
        out.extend(prep_objects([hit.head], "by"))  # "denied charges by X", "by" hung on the verb
    return out


def _told_of(hit: Hit) -> list:
    """Whom a comment is about: the subject of the clause it hopes or doubts ("hoped that
    Gambari would be in Myanmar", "sceptical about the government being able to")."""
    out = []
    for word in [hit.head, *hit.words[1:]]:
        for c in word.children:
            if c.dep_ == "prep":
                c = next((g for g in c.children if g.dep_ == "pcomp"), c)
            if c.dep_ in ("ccomp", "acl", "pcomp") and c.pos_ in ("VERB", "AUX"):
                out.append(verb_subject(c)[0])
    return out


def _object_read_as_subject(verb) -> list:
    """"will not accept any refugees fleeing the violence", parsed with "refugees" as the
    subject of "fleeing": a noun between a verb and its participle clause is the verb's object."""
    if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [s for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.tag_ == "VBG"
            for s in c.children if s.dep_ == "nsubj" and verb.i < s.i < c.i]


def _reduced_relative(verb):
    """"The families of two British men killed fighting Isis have condemned ...", parsed with
    "killed" as the main verb and "have condemned" as its conjunct: the participle tells of
    the noun before it. Returns that noun, or None."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN") or verb.i == 0 \
            or any(c.dep_ in ("aux", "auxpass", "cc") for c in verb.children):
        return None
    main = [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"
            and any(a.dep_ == "aux" and a.lemma_ == "have" for a in c.children)
            and not any(s.dep_ in SUBJECTS for s in c.children)]
    noun = verb.doc[verb.i - 1]
    return noun if main and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ != "nsubj" else None


def _misread_object(token) -> bool:
    """"visited Ankara" with Ankara read as an adverbial noun: a name there is the object."""
    return token.dep_ == "npadvmod" and token.pos_ == "PROPN" and token.ent_type_ not in NOT_ACTORS


def _judged_arguments(hit: Hit):
    """"Erdoğan said the US envoy had made a serious mistake": whoever says it judges the
    clause's subject."""
    verb = hit.head.head
    if hit.head.dep_ not in ("dobj", "attr") or verb.dep_ != "ccomp":
        return [], []
    judged = verb_subject(verb)[0]
    if judged is None or judged.pos_ == "PRON":
        return [], []  # "admitted he had made a mistake": most often the speaker's own
    return [verb_subject(verb.head)[0]], [judged]


def _noun_arguments(hit: Hit):
    if hit.trigger.targets == ("judged",):
        return _judged_arguments(hit)
    noun = hit.head
    sources = [c for c in noun.children if c.dep_ == "poss"]
    sources += prep_objects([noun], "by")
    # "Israeli strikes", "Russian shelling": the modifier may name the actor, unless the phrase
    # says who acts ("a military offensive by the Turkish government", "Turkey launched ...")
    # (a nationality is written with a capital; "a military clash" names no one)
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
                 and (c.pos_ == "PROPN" or c.pos_ == "ADJ" and c.text[:1].isupper())]
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "launched air and artillery strikes": the list's first word is the object
    governor = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and governor.pos_ == "VERB" and governor.lemma_ in LIGHT_VERBS:
        subject, passive = verb_subject(governor)
        sources.append(_agent(governor) if passive else subject)
    if noun.dep_ == "pobj" and governor.head.pos_ == "VERB" and governor.head.lemma_ in LIGHT_VERBS:
        sources.append(verb_subject(governor.head)[0])
    if noun.dep_ == "pobj" and governor.lower_ == "in" and governor.head.lemma_ == "be":
        sources.append(verb_subject(governor.head)[0])  # "Baghdad and Washington are in talks"
    if hit.trigger.cameo == VISIT:  # "a UK state visit", "his China visit": a name says where to
        where = [m for m in modifiers if m.pos_ == "PROPN"]
        return sources + [m for m in modifiers if m not in where], _slot_candidates(hit) + where
    return sources + modifiers, _slot_candidates(hit)
