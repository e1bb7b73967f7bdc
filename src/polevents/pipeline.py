"""The coder: parsed documents in, event records out (DESIGN.md's data flow, stage by stage)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product

from polevents import ontology
from polevents.actors import UNKNOWN, ActorResolver, DocMemory, restated
from polevents.dates import date_entities, event_date, is_historical
from polevents.events import (RESPONSE_ROOTS, Hit, find_arguments, infinitive_to, match_triggers,
                              prep_objects, verb_subject)
from polevents.lexicon import Lexicon, load_lexicon
from polevents.model import Actor, Document, Event
from polevents.modality import Modality, modality_of
from polevents.places import event_location, named_places
from polevents.version import CODER_VERSION, KB_VERSION

# A refused act is coded as the matching kind of rejection (CAMEO 12x), by the refused act's root.
REFUSAL_CODES = {"03": "127", "04": "125", "05": "127", "06": "121", "07": "122", "08": "124",
                 "02": "122", "10": "123"}
CHUNK = 64  # documents parsed in one memory zone
SPEAKER_PRONOUNS = {"it", "they", "we", "he", "she", "i"}


@dataclass
class Where:
    """The sentence being coded and what the coder knows around it."""

    doc: Document
    sent: object          # spaCy Span
    number: int
    resolver: ActorResolver
    hits: dict            # the sentence's triggers by head token index
    dates: dict           # date expressions by sentence start


@lru_cache(maxsize=4)
def _knowledge(kb_files: tuple[str, ...]):
    from polevents.kb import load_kb

    return load_kb(kb_files)


class Coder:
    def __init__(self, model: str | None = None, kb_files: tuple = ()):
        from polevents.nlp import BATCH_SIZE, english_words, load_pipeline, model_version

        self.nlp = load_pipeline(model)
        self.batch_size = BATCH_SIZE
        self.kb = _knowledge(tuple(kb_files))
        self.lexicon = load_lexicon()
        if not self.kb.english_words:
            self.kb.english_words = english_words(self.nlp)
        self.version = f"polevents {CODER_VERSION}; kb {KB_VERSION}; {model_version(self.nlp)}"

    def code(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Documents stream through in chunks; the strings spaCy learns while parsing a chunk
        are freed after it (a memory zone), so memory stays flat however long the stream."""
        docs = iter(docs)
        while chunk := list(islice(docs, CHUNK)):
            with self.nlp.memory_zone():
                pairs = ((d.text, d) for d in chunk)
                coded = [(doc, self.code_parsed(parsed, doc))
                         for parsed, doc in self.nlp.pipe(pairs, as_tuples=True,
                                                         batch_size=self.batch_size)]
            yield from coded

    def code_text(self, text: str, date: str | None = None, doc_id: str = "text") -> list[Event]:
        return next(self.code([Document(doc_id, text, date)]))[1]

    def code_parsed(self, parsed, doc: Document) -> list[Event]:
        resolver = ActorResolver(self.kb, doc.date, DocMemory())
        found: list[Event] = []
        untold: set[int] = set()  # acts told without the target their trigger expects
        dates = date_entities(parsed)
        number = 0
        for number, sent in enumerate(parsed.sents):
            resolver.start_sentence(sent)
            resolver.note_sentence_places()  # "protesters rallied in Minsk": Belarusians
            hits = match_triggers(sent, self.lexicon)
            for hit in hits:
                find_arguments(hit, self.lexicon.cues)
            at = Where(doc, sent, number, resolver, {h.head.i: h for h in hits}, dates)
            for hit in hits:
                events = self._events(hit, at)
                found.extend(events)
                if events and events[-1].source is not None:
                    resolver.memory.last_source = events[-1].source
                wants_target = hit.trigger.targets != ("none",) \
                    and hit.trigger.cameo[:2] not in self.lexicon.cues["standalone_roots"]
                untold.update(id(e) for e in events
                              if e.source is None or wants_target and e.target is None)
        # An act without a target says what happened but not to whom: it is kept only where
        # the document gives no dyadic event. So is an act whose actor is unknown ("were
        # released"). One whose trigger wants a target it lacks ("Isis offered"), or one told
        # with no actor at all, is kept only in a headline or a one- or two-sentence report:
        # in a longer story it is background, unless the story tells nothing more whole.
        if any(_complete(e) and e.modality == "asserted" for e in found):
            found = [e for e in found if _complete(e)]
        elif number >= 2 and found:  # a third sentence
            # the story's most telling act stays, whole or not
            best = max(found, key=lambda e: e.confidence)
            found = [e for e in found if id(e) not in untold or e is best]
        events = found
        for event in events:
            event.assign_id()
        return events

    def _events(self, hit: Hit, at: "Where") -> list[Event]:
        lexicon, resolver = self.lexicon, at.resolver
        if _orders_an_act(hit, at.hits, lexicon.cues["enacting_verbs"]):
            return []
        speaker_token = _speaker(hit.head, lexicon)
        reported_by = resolver.resolve(speaker_token) if speaker_token is not None else None
        sources = _first_resolved(hit.sources, resolver, reported_by, True,
                                  lexicon.cues["non_agents"])
        sources = [s for s in sources if not _venue(s, hit) and not _bare_act(s, at.hits)]
        targets = _first_resolved(hit.targets, resolver, None) \
            or _first_resolved(_owners(hit.targets), resolver, None) \
            or _said_before(hit.targets, resolver.memory, lexicon.cues["non_agents"]) \
            or _named_in_trigger(hit, resolver, {s.country for s in sources} - {None})
        mutual = hit.trigger.cameo[:2] in lexicon.cues["reciprocal_roots"]
        if not sources and mutual and hit.trigger.pos == "noun":
            if len(targets) > 1 and any(t.head.lower_ == "between" for g in hit.targets for t in g):
                sources = targets  # "a phone call between Trump and Erdoğan"
            elif (host := _host_subject(hit.head)) is not None:
                sources = _first_resolved([[host]], resolver, reported_by, True)
        if not sources:
            if not (hit.passive and targets):
                return []
            # "was jailed in Turkey": the state where it happened did it
            implied = _implied_agent(hit, resolver, lexicon.cues["implied_agents"])
            # "Two Russians were released": the act and its target are known, the actor is not
            pairs = [(implied, t) for t in targets if implied is None or _distinct(implied, t)]
            return self._build(hit, at, reported_by, pairs, False)
        pairs = [(s, t) for s in sources for t in targets
                 if _distinct(s, t) or _own_countrys_thing(s, t, hit)]
        if len(sources) == len(targets) > 1 and _respectively(hit.head):
            pairs = list(zip(sources, targets))  # "backed the government and rebels respectively"
        if hit.trigger.targets == ("clause.subject",):
            # "Germany must act, the minister said": an obligation of one's own is no demand
            # (but an opposition's or a citizen's demand on its own government is one)
            pairs = [(s, t) for s, t in pairs if not s.country or s.country != t.country
                     or not _the_state(s)]
        if not pairs and len(sources) > 1 and mutual and hit.trigger.targets != ("none",) \
                and all(t.dep_ not in ("amod", "compound") for g in hit.sources for t in g):
            # "Baghdad and Washington are in talks": each side acts on the other
            pairs = [(a, b) for a in sources for b in sources if _distinct(a, b)]
        code = _act_of_subject(hit, at.hits)
        complement = _complement(hit, at.hits)
        if not pairs and complement is not None:
            # "vowed to expel Iran's forces": the promise is made to, or the threat made against,
            # whom the promised act would touch; its code is that act's intent (or threat)
            targets = _first_resolved(complement.targets, resolver, None)
            pairs = [(s, t) for s in sources for t in targets if _distinct(s, t)]
            code = self.lexicon.intent_for(complement.trigger.cameo) if pairs else None
        nearest = False
        if not pairs and hit.trigger.targets != ("none",):
            pairs = _guessed_pairs(hit, resolver, sources, lexicon.cues)
            nearest = bool(pairs)
        if not pairs:
            pairs = [(s, None) for s in sources]
        return self._build(hit, at, reported_by, pairs, nearest, code)

    def _build(self, hit: Hit, at: "Where", reported_by: Actor | None, pairs: list,
               nearest: bool, announced: tuple[str, str] | None = None) -> list[Event]:
        """The event records of one trigger, one per (source, target) pair."""
        lexicon, doc, sent = self.lexicon, at.doc, at.sent
        mode = modality_of(hit.head, lexicon)
        cameo, rule = hit.trigger.cameo, f"lexicon:{hit.trigger.id}"
        if announced:
            cameo, rule = announced[1], f"{rule}+{announced[0]}"
        if mode.refusal and mode.refusal.endswith("rej.will") and cameo[:2] > "08":
            mode = Modality("negated", mode.cue)  # "will not attack" denies a threat, refuses nothing
        if mode.refusal and hit.trigger.pos == "noun" and _has_own_agent(hit.head):
            return []  # "the court rejected Australia's request": the refusal is the court's
        if mode.refusal:
            cameo = REFUSAL_CODES.get(cameo[:2], "120")
            rule += f"+{mode.refusal}"
        elif mode.cue:
            rule += f"+{mode.cue}"
        if nearest:
            rule += "+target.nearest"
        day, precision, _ = event_date(at.dates.get(sent.start, []), hit.head, doc.date,
                                       future=mode.mode == "future")
        modality = mode.mode
        if modality == "asserted" and is_historical(day, precision, doc.date):
            modality, rule = "historical", rule + "+hist.date"
        variants = [(cameo, rule, modality, day, precision)]
        intent = self.lexicon.intent_for(cameo) \
            if modality == "future" and mode.cue not in ("fut.expected", "fut.try") else None
        if intent and not _governed_by_hit(hit.head, at.hits):
            # the intent is expressed when reported, the act itself comes later
            said = (doc.date, "day") if doc.date else (None, "none")
            variants.append((intent[1], f"{rule}+{intent[0]}", "asserted", *said))
        start, end = _trigger_span(hit)
        trigger = {"text": doc.text[start:end], "start": start, "end": end}
        location = event_location(at.resolver, hit)
        out, told = [], set()
        for (cameo, rule, modality, day, precision), (source, target) in product(variants, pairs):
            if cameo in lexicon.cues["armed_support"] and source and ARMED & set(source.sectors):
                # "the army, backed by Shia fighters": armed backing is military cooperation
                cameo, rule = lexicon.cues["armed_support"][cameo], rule + "+armed"
            said = (_who(source), _who(target), cameo, modality)
            if said in told:
                continue  # "fighters and their families surrendered": one act of one side
            told.add(said)
            code = ontology.cameo(cameo)
            out.append(Event(
                doc_id=doc.id, sentence=at.number, text=sent.text.strip(), source=source, target=target,
                cameo=cameo,
                plover={"event": code.plover_event, "mode": code.plover_mode, "contexts": []},
                goldstein=code.goldstein, quad_class=code.quad_class, trigger=trigger,
                rule=rule, version=self.version, modality=modality, reported_by=reported_by,
                date=day, date_precision=precision, location=location,
                confidence=_confidence(hit, source, target, modality, nearest, at.number)))
        return out


def _the_state(actor: Actor) -> bool:
    """Does the actor speak for its state: the country itself or one of its organs?"""
    return (actor.kb_id or "").startswith("country.") \
        or bool(actor.sectors) and set(actor.sectors) <= STATE_ORGANS


def _who(actor: Actor | None) -> str | None:
    """What the data says of an actor: its code, or for an unknown one its words."""
    return actor and (actor.text if actor.code == UNKNOWN else actor.code)


def _has_own_agent(noun) -> bool:
    """Does the event noun name its own actor ("Australia's request", "a call by Iran")?"""
    return any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "by" for c in noun.children)


def _complete(event: Event) -> bool:
    """Both actors are there and something is known of each."""
    return all(a is not None and a.code != UNKNOWN for a in (event.source, event.target))


def _trigger_span(hit: Hit) -> tuple[int, int]:
    """Characters of the head and the companions close to it ("held talks", "imposed new
    sanctions"); a companion far away ("spoke with X by phone") is left out of the span."""
    words = sorted(hit.words, key=lambda t: t.i)
    i = words.index(hit.head)
    first = last = hit.head
    for t in reversed(words[:i]):
        if first.i - t.i > 3:
            break
        first = t
    for t in words[i + 1:]:
        if t.i - last.i > 3:
            break
        last = t
    return first.idx, last.idx + len(last.text)


def _distinct(source: Actor, target: Actor) -> bool:
    """Two mentions of different actors; the same code is fine ("Isis executed its own
    fighters") unless both name the same entity, and a state's own country as a whole is no
    target of its acts ("the White House will withdraw US troops"); a rebel's may be."""
    if source.country and target.kb_id == f"country.{source.country}" \
            and set(source.sectors) <= STATE_ORGANS:
        return False
    if source.code != target.code:
        return True
    return source.start != target.start and (source.kb_id is None or source.kb_id != target.kb_id)


def _own_countrys_thing(source: Actor, target: Actor, hit: Hit) -> bool:
    """"Merkel defended Germany's decision": judging one's own country's act targets it."""
    return hit.trigger.cameo[:2] in RESPONSE_ROOTS and source.code != target.code \
        and any(c.dep_ == "poss" and c.idx == target.start
                for w in hit.words[1:] for c in w.children)


STATE_ORGANS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
ARMED = {"MIL", "REB", "UAF"}
RELEASE = "0841"  # CAMEO: return, release person(s)
NEAR = 4  # a guessed target lies at most this many dependency steps below the trigger


def _guessed_pairs(hit: Hit, resolver, sources: list[Actor], cues: dict) -> list:
    """A target guessed from the noun phrases of the trigger's clause, nearest first. A guess
    must name someone known, not a city where it happened ("talks in Geneva"), a role word
    ("their citizens") or a thing ("talks to end the Syrian civil war"), and not the actor's
    own side."""
    for group in _nearby(hit):
        if _where_fought(group[0], hit) or group[0].lemma_.lower() in cues["abstract_nouns"] \
                or _on_the_side_of(group[0], hit.head, cues["siding_words"]):
            continue
        targets = [t for t in _first_resolved([group], resolver, None)
                   if t.kb_id and not t.kb_id.startswith("place.") and not t.kb_id.endswith(".capital")]
        pairs = [(s, t) for s in sources for t in targets
                 if _distinct(s, t) and not (s.country and s.country == t.country)][:1]
        if pairs:
            return pairs
    return []


def _where_fought(word, hit: Hit) -> bool:
    """"fighting in Syria": where violence happened is not whom it struck (but "hit positions
    in Saudi Arabia" struck Saudi Arabia's)."""
    return hit.trigger.cameo[:2] in VIOLENT_ROOTS and word.dep_ == "pobj" \
        and word.head.lower_ == "in" and word.head.head.i == hit.head.i


def _on_the_side_of(word, head, siding: frozenset) -> bool:
    """"forces fighting on behalf of the Assad regime", "fought alongside the YPG": an ally,
    not a target."""
    while word.i != head.i and word.head.i != word.i:
        if word.lower_ in siding:
            return True
        word = word.head
    return False


def _bare_act(actor: Actor, hits: dict) -> bool:
    """An act named as the actor, with nothing to say whose it is ("a widespread military
    operation targeting Kurdish groups"): no actor at all."""
    return actor.country is None and actor.kb_id is None and any(
        h.trigger.pos == "noun" and actor.start <= h.head.idx < actor.end for h in hits.values())


def _respectively(head) -> bool:
    return any(t.lower_ == "respectively" for t in head.subtree)


def _venue(actor: Actor, hit: Hit) -> bool:
    """A city naming an event ("the Warsaw summit", "the Geneva talks") says where, not who."""
    return bool(actor.kb_id) and (actor.kb_id.startswith("place.") or actor.kb_id.endswith(".capital")) \
        and any(c.dep_ in ("compound", "nmod") and c.idx == actor.start for c in hit.head.children)


def _owners(groups) -> list[list]:
    """Whose thing the act touches, when the thing itself is no actor ("refuted Trump's
    comments", "a claim against a decision by the UK government")."""
    words = [t for group in groups for t in group]
    # "offers for peace talks by the Kabul government": a "by" may hang one noun lower
    inner = [o for t in words for p in t.children if p.dep_ == "prep" and p.lower_ != "by"
             for o in p.children if o.dep_ == "pobj"]
    return [[c] for t in words for c in t.children if c.dep_ == "poss"] \
        + [agents for t in words + inner if (agents := prep_objects([t], "by"))]


def _said_before(groups, memory, said: frozenset) -> list[Actor]:
    """"the claim was disputed by Kurdish forces": a claim, decision or move named with "the"
    and no owner is the one the story just told, by whoever made it."""
    for group in groups[:1]:
        word = group[0]
        if word.lemma_.lower() in said and memory.last_source is not None and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in word.children) \
                and not any(c.dep_ in ("poss", "prep", "acl", "relcl") for c in word.children):
            return [restated(memory.last_source, word, 0.5)]
    return []


def _named_in_trigger(hit: Hit, resolver, own: set) -> list[Actor]:
    """People the trigger's own words name ("expelled the top American diplomat",
    "released 40 opposition politicians"): they are the target, unless they are the actor's
    own forces ("withdrew US troops", "deployed police")."""
    freed = hit.trigger.cameo.startswith(RELEASE)  # whoever is released is never one's own force
    for word in hit.words[1:]:
        if word.pos_ != "NOUN":
            continue
        roles = [m for m in resolver.matches.get(word.i, []) if m.entry.kind in ("title", "noun")
                 or freed and m.entry.kind == "org"]  # "will release the 21 UN peacekeepers"
        if roles and (freed or "MIL" not in roles[0].entry.sectors):
            actor = resolver.resolve(word)
            if actor is not None and (freed or actor.country not in own and not (
                    actor.country is None and {"COP", "MIL"} & set(actor.sectors))):
                return [actor]
        elif not roles and _of_a_country(word, resolver):
            # "released two Kenyan pilots", "lift the ban on Cypriot ships": whose they are
            actor = resolver.resolve(word)
            if actor is not None and actor.country and actor.country not in own:
                return [actor]
    return []


def _of_a_country(noun, resolver) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.i < noun.i and any(
        m.entry.kind == "country" for m in resolver.matches.get(c.i, [])) for c in noun.children)


def _host_subject(noun):
    """"Erdoğan said in a phone call with Putin", "agreed during talks with": whoever does the
    verb that the meeting frames took part in it."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "on the second day of a state visit"
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("in", "during", "at", "after", "on") \
            and prep.head.pos_ in ("VERB", "AUX"):
        return verb_subject(prep.head)[0]
    return None


def _implied_agent(hit: Hit, resolver, roles: dict) -> Actor | None:
    """The state organ that jails, tries or deports in the country where a passive act took
    place ("a British soldier has been jailed in Turkey": TURJUD), when no one is named."""
    role = roles.get(hit.head.lemma_.lower())
    if role is None:
        return None
    for m in named_places(resolver, hit.head, ("in", "by")):
        if m.entry.kind in ("country", "place") and m.entry.country:
            span = hit.head.doc[m.start:m.end]
            return Actor(text=span.text, start=span.start_char, end=span.end_char,
                         code=m.entry.country + role, country=m.entry.country, sectors=[role],
                         confidence=0.5)
    return None


def _depth(token, head) -> int:
    steps = 0
    while token.i != head.i and token.head.i != token.i:
        token, steps = token.head, steps + 1
    return steps


OTHER_CLAUSES = {"advcl", "relcl", "parataxis"}


def _in_other_clause(token, head) -> bool:
    """Is the word in a clause of its own below the trigger ("pleading business, while France
    is sending a civil servant")?"""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ in OTHER_CLAUSES and not _purpose(token):
            return True
        token = token.head
    return False


def _purpose(clause) -> bool:
    """"sent aid to help Somalia": a purpose is part of its act."""
    return clause.dep_ == "advcl" and clause.tag_ == "VB" and infinitive_to(clause) is not None


def _nearby(hit: Hit) -> list[list]:
    """Noun phrases inside the trigger's own clause, nearest first: where the parse hides
    the target ("launched strikes against X" attached elsewhere)."""
    taken = {t.i for group in hit.sources for t in group} | {t.i for t in hit.words}
    words = [t for t in hit.head.subtree if t.pos_ in ("PROPN", "NOUN") and t.i not in taken
             and t.dep_ in ("pobj", "dobj", "appos", "conj") and _depth(t, hit.head) <= NEAR
             and not _in_other_clause(t, hit.head)]
    # whom a meeting is "with" comes first ("discussed developments in Syria with Erdoğan")
    partner = "prep:with" in hit.trigger.targets
    words.sort(key=lambda t: (not (partner and t.head.lower_ == "with"), t.i < hit.head.i,
                              abs(t.i - hit.head.i)))
    return [[t] for t in words]


def _first_resolved(groups, resolver, speaker: Actor | None, as_source: bool = False,
                    non_agents: frozenset = frozenset()) -> list[Actor]:
    """The actors of the first candidate group that names any ("it" in a reported clause is
    the speaker: "the ministry said it had expelled...")."""
    for group in groups:
        actors = []
        for token in group:
            if as_source and (token.lemma_.lower() in non_agents or resolver.only_placed(token)):
                continue  # "Trump's demand met a response", "a car bomb in Kyiv": no actor
            if token.lower_ in SPEAKER_PRONOUNS - {"he", "she"} and speaker is not None:
                actors.append(speaker)
            else:
                actors.extend(resolver.resolve_all(token))
        actors = [a for a in actors if a is not None]
        if actors:
            resolver.remember_group(actors)
            return actors
    return []


def _orders_an_act(hit: Hit, hits: dict, enacting: frozenset) -> bool:
    """"Trump ordered a withdrawal of US troops", "a judge approved the extradition of X": the
    order is the act itself, coded from its noun with the one who ordered it as actor (a light
    verb), not a demand on anyone nor an endorsement."""
    return hit.head.lemma_.lower() in enacting \
        and any(c.dep_ == "dobj" and c.i in hits for c in hit.head.children)


VIOLENT_ROOTS = {"18", "19", "20"}


def _act_of_subject(hit: Hit, hits: dict) -> tuple[str, str] | None:
    """"A suicide bombing killed four Americans": the subject names the act, the verb only
    what it did; the act's own code is the more telling."""
    if hit.trigger.pos != "verb" or hit.trigger.cameo[:2] not in VIOLENT_ROOTS:
        return None
    subject, _ = verb_subject(hit.head)
    act = hits.get(subject.i) if subject is not None else None
    if act is None or act.trigger.cameo[:2] not in VIOLENT_ROOTS:
        return None
    return act.trigger.id, act.trigger.cameo


COMMISSIVE_ROOTS = {"03", "13"}  # promises and threats, whose complement says what is promised


def _complement(hit: Hit, hits: dict) -> Hit | None:
    """The act a promise or threat announces ("vowed to expel", "pledged that it would send")."""
    if hit.trigger.cameo[:2] not in COMMISSIVE_ROOTS:
        return None
    for child in hit.head.children:
        if child.dep_ in ("xcomp", "ccomp") and child.i in hits:
            return hits[child.i]
    return None


def _governed_by_hit(token, heads) -> bool:
    """Is the act the complement of another trigger ("pledged to send aid")? Then that trigger
    already codes the intent."""
    for _ in range(3):
        if token.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or token.head.i == token.i:
            return False
        token = token.head
        if token.i in heads:
            return True
    return False


def _speaker(head, lexicon: Lexicon):
    """The subject of the speech verb that reports this clause ("..., the ministry said")."""
    token = head
    for _ in range(3):  # a noun's clause is its verb's ("said it had begun an incursion")
        if token.pos_ not in ("NOUN", "PROPN", "ADP") or token.head.i == token.i:
            break
        token = token.head
    for _ in range(4):
        if token.dep_ in ("ccomp", "parataxis") and token.head.lemma_.lower() in lexicon.cues["speech_verbs"]:
            subject, _ = verb_subject(token.head)
            return subject
        if token.head.i == token.i or token.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "parataxis", "acomp"):
            break
        token = token.head
    for child in head.sent.root.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


# clauses that tell an act as background to another: modifiers, adverbials, complements
EMBEDDING_DEPS = {"acl", "relcl", "advcl", "xcomp", "ccomp", "csubj", "pcomp", "parataxis"}
LEAD_DECAY = 0.8  # each sentence after the lead makes an act less likely the story's own, up to 3


def _clause_depth(token) -> int:
    """How many clauses down from the sentence's main clause the act is told: 0 for the main
    verb (and its coordinated verbs), 1 in "forces backed by Russia" or "said they had
    attacked", 2 in a relative clause inside that, and so on."""
    depth = 0
    for _ in range(32):
        if token.head.i == token.i:
            break
        depth += token.dep_ in EMBEDDING_DEPS
        token = token.head
    return depth


def _confidence(hit: Hit, source: Actor, target: Actor | None, modality: str,
                nearest: bool, sentence: int = 0) -> float:
    score = 0.45
    score += 0.1 * min(len(hit.trigger.companions), 2)
    score += 0.15 if source and source.kb_id else 0.05 if source else -0.1
    score += 0.0 if target is None else 0.05 if nearest else 0.1
    score += 0.1 if hit.trigger.pos == "verb" else 0.0
    score -= 0.1 if modality != "asserted" else 0.0
    # the main clause's act outweighs one told in a subordinate clause ("forces backed by
    # Russia", "who vowed to enter talks"), the more so the deeper it is embedded
    score -= 0.2 * min(_clause_depth(hit.head), 3)
    score -= 0.1 if hit.trigger.cameo[:2] == "01" else 0.0
    score = max(0.05, min(0.99, score))
    # a story leads with its main event: acts told later are more often background
    score *= LEAD_DECAY ** min(sentence, 3)
    return round(max(0.05, min(0.99, score)), 3)
