"""Actor mentions: from a noun phrase in the parse to an Actor with a CAMEO-style code.

The knowledge base names things (countries, capitals, seats, organisations, persons, role words);
this module finds those names in a sentence, gathers the ones inside one noun phrase, and composes
the code: a person's dated office, else an organisation's code, else country + role.
Within a document, later mentions ("Bennett", "he", "the government") reuse earlier ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from polevents.events import verb_subject
from polevents.kb.entries import HYPHENS, Entry, normalize, normalize_word
from polevents.kb.loader import KnowledgeBase
from polevents.model import Actor

# Dependents that belong to the noun phrase of an actor.
NP_LEFT = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case"}
NP_RIGHT_PREPS = {"of", "in", "from", "at", "by"}
PLACING_PREPS = {"in", "at", "near", "inside"}
ALLEGIANCE = {"loyal", "allied", "affiliated", "aligned", "linked"}  # "militias loyal to X"
PRONOUNS = {"he", "she", "him", "her"}
POSSESSIVES = {"its", "their"}
UNKNOWN = "---"  # the code of an actor nothing is known of
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}
COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
# Nouns that, after "the", refer back to an organisation already named ("the terror group").
GROUP_NOUNS = {"group", "organisation", "organization", "movement", "militia", "faction"}
# Roles whose bare noun ("the government", "police") belongs to the country the story is about.
STATE_ROLES = {"GOV", "MIL", "COP", "LEG", "JUD", "OPP", "SPY"}
# Roles that, with no country named, belong to the country the document is about.
LOCAL_ROLES = {"REB"}
# Roles that, with no country named, belong to a country named in their own sentence
# ("protesters gathered in Minsk"), and otherwise stay unknown ("fleeing families": ---CVL).
RESIDENT_ROLES = {"CVL", "REF", "EDU", "HLH"}
# Roles that are codes of their own when no country is named ("NGOs", "international bodies").
TRANSNATIONAL_ROLES = {"IGO", "NGO"}


@dataclass
class Match:
    start: int      # token index, inclusive
    end: int        # token index, exclusive
    entry: Entry
    strength: float


@dataclass
class DocMemory:
    """What earlier sentences of the document established."""

    names: dict[str, Actor] = field(default_factory=dict)
    last_person: Actor | None = None
    last_org: Actor | None = None
    persons: list[Actor] = field(default_factory=list)   # distinct persons, latest last
    countries: Counter = field(default_factory=Counter)
    last_country: str | None = None
    here: Counter = field(default_factory=Counter)   # countries named in this sentence
    subjects: list[tuple[int, Actor]] = field(default_factory=list)  # persons as subjects, by token
    group: list[Actor] = field(default_factory=list)  # the last actors named together
    last_source: Actor | None = None  # who did or said the latest act coded

    def remember_country(self, code: str | None) -> None:
        if code:
            self.countries[code] += 1
            self.last_country = code

    def homeland(self, homelands: tuple[str, ...]) -> str:
        """The first of a people's homelands that the document names, else the first."""
        named = self.countries + self.here
        return next((c for c in homelands if named.get(c)), homelands[0])

    def story_country(self, with_this_sentence: bool = False) -> str | None:
        """The country the document is mostly about so far (the latest one on a tie).
        Places in the sentence itself count for residents ("protesters rallied in Minsk")
        but not for a state's organs ("the ministry is sending troops to Mali")."""
        counts = self.countries + self.here if with_this_sentence else self.countries
        if not counts:
            return None
        top = max(counts.values())
        if counts.get(self.last_country) == top:
            return self.last_country
        return next(c for c, n in counts.items() if n == top)


def find_matches(kb: KnowledgeBase, sent) -> list[Match]:
    """Longest knowledge-base phrases in the sentence, left to right, not overlapping."""
    doc = sent.doc
    words = [normalize_word(t.text) for t in sent]
    spaces = [bool(t.whitespace_) for t in sent]
    matches: list[Match] = []
    i, end = sent.start, sent.end
    while i < end:
        found = None
        first = i + 1 if doc[i].lower_ == "the" else i  # "the Kremlin" is indexed as "kremlin"
        if first < end and words[first - sent.start] in kb.first_words:
            for j, key in _keys(kb, words, spaces, first - sent.start, end - sent.start):
                j += sent.start
                hits = kb.lookup(doc[i:j].text, key)
                if hits and j - first == 1 and not _can_be_surname(doc[first], kb):
                    hits = [h for h in hits if h[1] >= 1.0]
                if hits:
                    strength = max(h[1] for h in hits)
                    found = [Match(i, j, e, s) for e, s in hits if s == strength]
                    break
        if found:
            matches.extend(found)
            i = found[0].end
        else:
            i += 1
    return matches


def _keys(kb: KnowledgeBase, words: list[str], spaces: list[bool], start: int, end: int):
    """(end, key) of the runs of words from start that begin some indexed phrase, longest
    first; the run stops growing as soon as no phrase begins with it."""
    runs, key = [], ""
    for k in range(start, min(end, start + kb.max_words + 2)):
        key = key + (" " if k > start and spaces[k - 1] else "") + words[k]
        if any(h in key for h in HYPHENS):
            key = normalize(key)
        if key not in kb.prefixes:
            break
        runs.append((k + 1, key))
    return reversed(runs)


def _can_be_surname(token, kb: KnowledgeBase) -> bool:
    """A bare surname ("May", "Turk") names a person only as a capitalised proper noun, and
    not after another given name ("Jean-Pierre Lacroix" is not the Lacroix we know)."""
    if not token.text[:1].isupper():
        return False
    # the small tagger calls some names nouns ("Starmer", "Lapid"): a capitalised word that is
    # no English word is taken as a name all the same
    unknown = token.pos_ in ("NOUN", "ADJ") and token.lower_ not in kb.english_words \
        and not (token.i > 0 and token.doc[token.i - 1].text in "-‐")
    # a name the recogniser took for an organisation ("Trump" read as a noun) is a name still
    if not (token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG") or unknown):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    if token.ent_type_ in ("DATE", "GPE", "NORP"):
        # "President Buhari" read as a place: after a title it is a name
        return token.ent_type_ != "DATE" and before is not None and before.text[:1].isupper() \
            and any(e.kind == "title" for e, _ in kb.lookup(before.text))
    if before is not None and before.pos_ == "PROPN" and before.head.i == token.i \
            and before.ent_iob_ != "O" and before.ent_type_ == "PERSON":
        return any(e.kind in ("title", "noun") for e, _ in kb.lookup(before.text))
    return True


def noun_phrase(token, agents: bool = False) -> list:
    """The tokens of the noun phrase headed by token: its modifiers, appositions, 'of X', and
    with agents, the agent of a participle ("missiles fired by the Israeli military")."""
    tokens = [token]
    if token.dep_ == "compound":  # "an Afghan government offer": the adjective is the government's
        tokens.extend(t for c in token.head.children if c.dep_ in ("amod", "compound", "nmod")
                      and c.i < token.i for t in c.subtree)
    for child in token.children:
        if child.dep_ in NP_LEFT and child.i < token.i:
            tokens.extend(child.subtree)
        elif child.dep_ == "appos":
            # "Alexander Lukashenko, his son and six others": a list is no part of the name
            # nor is a relative clause ("Erdoğan, who had urged him")
            left = {t.i for c in child.children if c.dep_ in ("conj", "cc", "relcl") for t in c.subtree}
            tokens.extend(t for t in child.subtree if t.i not in left)
        elif child.dep_ == "amod" and child.lower_ in ALLEGIANCE and child.i > token.i:
            tokens.extend(child.subtree)  # "forces loyal to Assad" are Assad's
        elif child.dep_ == "prep" and child.lower_ in NP_RIGHT_PREPS and child.i > token.i:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    tokens.append(child)
                    tokens.extend(noun_phrase(obj))
        elif agents and child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for obj in agent.children:
                    if obj.dep_ == "pobj":
                        tokens.extend([child, agent, *noun_phrase(obj)])
    return sorted(set(tokens), key=lambda t: t.i)


class ActorResolver:
    def __init__(self, kb: KnowledgeBase, date: str | None, memory: DocMemory | None = None):
        self.kb = kb
        self.date = date
        self.memory = memory or DocMemory()
        self.matches: dict[int, list[Match]] = {}
        self._doc, self._doc_text = None, ""
        self._sent = None  # the sentence being read

    def _text(self, token) -> str:
        """The document's text, built once: spaCy joins its tokens anew on every access."""
        if self._doc is not token.doc:
            self._doc, self._doc_text = token.doc, token.doc.text
        return self._doc_text

    def start_sentence(self, sent) -> None:
        self.memory.countries.update(self.memory.here)
        self.memory.here = Counter()
        self.matches = {}
        self._sent = sent
        for m in find_matches(self.kb, sent):
            for i in range(m.start, m.end):
                self.matches.setdefault(i, []).append(m)
        self._note_subjects(sent)

    def _note_subjects(self, sent) -> None:
        """Persons who are subjects of any verb, acts or not: "he" most often points back to
        the last of them ("Erdoğan has said ... as he lambasted decisions by Trump")."""
        for token in sent:
            # only a person's name or a title can name a person (the title's holder)
            if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ in PRONOUNS or \
                    token.ent_type_ != "PERSON" and not any(
                        m.entry.kind in ("person", "title") for m in self.matches.get(token.i, ())):
                continue
            tokens = noun_phrase(token)
            actor = self._compose(token, tokens, self.matches_in(tokens))
            if actor is not None and ((actor.kb_id or "").startswith("per.")
                                      or token.ent_type_ == "PERSON"):
                self.memory.subjects.append((token.i, actor))

    def matches_in(self, tokens) -> list[Match]:
        seen, out = set(), []
        for t in tokens:
            for m in self.matches.get(t.i, []):
                if id(m) not in seen:
                    seen.add(id(m))
                    out.append(m)
        return out

    def resolve(self, token) -> Actor | None:
        """The actor named by the noun phrase headed by token, or None."""
        if token.lower_ in PRONOUNS and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            before = [actor for i, actor in self.memory.subjects if i < token.i]
            known = before[-1] if before else self.memory.last_person
            if known is None:
                return None
            return self._pointed(token, known, 0.7)
        if token.lower_ in ("him", "her") and token.dep_ in ("dobj", "dative", "pobj"):
            return self._object_pronoun(token)
        if token.lower_ in POSSESSIVES and token.dep_ == "poss" \
                and (owner := self._own_subject(token)) is not None:
            return owner
        if token.lower_ in ("latter", "former") and token.dep_ in ARGUMENT_DEPS and self.memory.group:
            # "the Turkish military and their Syrian rebel proxies ... the latter swept into"
            known = self.memory.group[-1 if token.lower_ == "latter" else 0]
            return restated(known, token, 0.6)
        tokens = noun_phrase(token)
        matches = self.matches_in(tokens)
        actor = self._anaphor(token, tokens, matches) or self._compose(token, tokens, matches)
        if actor is None:
            actor = self._remembered(token, tokens)
        if actor is None:  # a thing that acts for someone: "missiles fired by the army"
            tokens = noun_phrase(token, agents=True)
            actor = self._compose(token, tokens, self.matches_in(tokens))
        if actor is not None:
            self._remember(token, tokens, actor)
        elif token.ent_type_ in ("PERSON", "ORG") and token.pos_ == "PROPN":
            # a person or organisation the knowledge base does not know: an actor of unknown code
            # ("---"), whose events are kept only where nothing more complete is said
            actor = self._stranger(token, tokens)
        return actor

    def _own_subject(self, pronoun) -> Actor | None:
        """"North Korea reiterated its demand": a possessive on the object of a verb is most
        often the verb's own subject."""
        noun = pronoun.head
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB":
            return None
        subject = verb_subject(verb)[0]
        if subject is None or subject.i in (noun.i, pronoun.i) or subject.pos_ == "PRON":
            return None
        known = self.resolve(subject)
        return self._pointed(pronoun, known, 0.6) if known is not None else None

    def _pointed(self, pronoun, known: Actor, sure: float) -> Actor:
        """The actor a pronoun points to: its name where the sentence gives it ("McConnell
        says he is pessimistic"), else the pronoun's own words."""
        if known.start >= pronoun.sent.start_char and known.end <= pronoun.sent.end_char \
                and self._text(pronoun)[known.start:known.end] == known.text:
            return replace(known, confidence=min(known.confidence, sure))
        return restated(known, pronoun, sure)

    def _object_pronoun(self, token) -> Actor | None:
        """"urged him to leave": the latest person named before, other than whoever urges
        (a pronoun object is not its own clause's subject; that would be "himself")."""
        verb = token.head.head if token.dep_ == "pobj" else token.head
        subject = verb_subject(verb)[0] if verb.pos_ in ("VERB", "AUX") else None
        actor = self.resolve(subject) if subject is not None and subject.i != token.i else None
        earlier = [a for i, a in self.memory.subjects if i < token.i] + self.memory.persons
        named = self._person_before(token)  # "called President Erdoğan ... and urged him"
        if named is not None:
            earlier.append(named)
        for known in reversed(earlier):
            if actor is None or (known.code, known.name) != (actor.code, actor.name):
                return self._pointed(token, known, 0.6)
        return None

    def remember_group(self, actors: list[Actor]) -> None:
        if len({a.code for a in actors}) > 1:
            self.memory.group = list(actors)

    def resolve_all(self, token) -> list[Actor]:
        """Like resolve, but "the presidents of Iran and Turkey" are two actors, "the two
        leaders" are the last two persons named, and "the three countries" the last three
        actors named together."""
        count = next((COUNTS[c.lower_] for c in token.children if c.lower_ in COUNTS), 0)
        if token.tag_ == "NNS" and count and not self.matches_in(noun_phrase(token))[1:]:
            own = self.matches.get(token.i)
            people = own and own[0].entry.kind == "title"
            # "the two leaders": the last persons; "the three countries": the last actors named
            # together, else the last persons' ("mediate between the two countries")
            choices = [self.memory.persons[-count:]] if people else \
                [self.memory.group, self.memory.persons[-count:]]
            group = next((g for g in choices if len(g) == count), [])
            if group:
                return [restated(a, token, 0.7) for a in group]
        if token.tag_ in ("NNS", "NNPS"):
            # "the Russian and Turkish presidents", "US and British forces": one actor each
            for adj in token.children:
                if adj.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in adj.children):
                    listed = {t.i for t in adj.subtree}
                    own = [t for t in noun_phrase(token) if t.i not in listed]
                    actors = self._one_each(token, own, [(each, [each]) for each in _conjuncts(adj)],
                                            listed)
                    if len(actors) > 1:
                        return actors
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    objs = [o for o in prep.children if o.dep_ == "pobj"]
                    if objs and any(c.dep_ == "conj" for c in objs[0].children):
                        own = [t for t in noun_phrase(token) if t not in prep.subtree]
                        actors = self._one_each(token, own, [(obj, noun_phrase(obj))
                                                             for obj in _conjuncts(objs[0])])
                        if actors:
                            return actors
        actor = self.resolve(token)
        return [actor] if actor is not None else []

    def _one_each(self, head, own: list, parts: list, listed: set = frozenset()) -> list[Actor]:
        """One actor for each listed part with the phrase's own words; a name that reaches into
        another part of the list is not this part's ("the Russian and Turkish presidents")."""
        actors = []
        for part, words in parts:
            tokens = sorted(own + words, key=lambda t: t.i)
            matches = [m for m in self.matches_in(tokens)
                       if not listed & set(range(m.start, m.end)) - {part.i}]
            actor = self._compose(head, tokens, matches)
            if actor is not None:
                self._remember(head, tokens, actor)
                actors.append(actor)
        return actors

    def _anaphor(self, head, tokens, matches: list[Match]) -> Actor | None:
        """"the terror group" and "its fighters" point back to the last organisation named,
        "his bodyguards" to the last person, when the phrase names no one itself."""
        if any(m.entry.kind not in ("title", "noun") for m in matches):
            return None
        owner = next((c.lower_ for c in head.children if c.dep_ == "poss"), None)
        article = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
        known = None
        if owner in ("his", "her"):
            known = self._person_before(head) or self.memory.last_person
        elif owner in ("its", "their") and matches or article == "the" and head.lemma_ in GROUP_NOUNS \
                and not any(c.dep_ in ("relcl", "acl") for c in head.children):
            known = self.memory.last_org  # (not "the factions that ousted the group")
        if known is None:
            return None
        start, end = _span(tokens, head)
        return replace(known, text=self._text(head)[start:end], start=start, end=end,
                       confidence=min(known.confidence, 0.7))

    def only_placed(self, head) -> bool:
        """Does the phrase name nothing but where its head is ("a car bomb in Kyiv")? Such a
        thing may be acted on, but does not act."""
        matches = self.matches_in(noun_phrase(head))
        where = {t.i for p in head.children if p.dep_ == "prep" and p.lower_ in PLACING_PREPS
                 for t in p.subtree}
        return bool(matches) and all(m.entry.kind in ("country", "place") and m.start in where
                                     for m in matches)

    def _stranger(self, head, tokens) -> Actor:
        """An actor the phrase says something of, but not who it is: code "---"."""
        start, end = _span(tokens, head)
        return Actor(text=self._text(head)[start:end], start=start, end=end, code=UNKNOWN,
                     confidence=0.3)

    def _person_before(self, token) -> Actor | None:
        """The person named last before token in its sentence ("Assad and his allies"), as the
        whole phrase names him."""
        before = [m for ms in self.matches.values() for m in ms
                  if m.entry.kind == "person" and m.end <= token.i]
        if not before:
            return None
        return self.resolve(token.doc[max(m.end for m in before) - 1])

    def _compose(self, head, tokens, matches: list[Match]) -> Actor | None:
        backed = [m for m in matches if _sponsor(m, head.doc)]
        matches = [m for m in matches if m not in backed]
        if not matches:  # "an Iran-allied group": someone, not Iran
            return self._stranger(head, tokens) if backed else None
        if any(m.entry.kind == "relation" and m.start <= head.i < m.end for m in matches):
            # "Indonesia's donors", "allies of Iran": others than the owner, whoever they are
            # (but "its Kurdish allies", "their Nato partners" are Kurds and Nato)
            owner = {t.i for c in head.children if c.dep_ == "poss" or c.dep_ == "prep"
                     and c.lower_ == "of" for t in c.subtree}
            matches = [m for m in matches if m.entry.kind != "relation" and m.start not in owner]
            if not matches:
                return self._stranger(head, tokens) if owner else None
        # "Salih Muslim" is not Barham Salih: a name inside a longer name names no one
        persons = [m for m in matches if m.entry.kind == "person"
                   and not (head.pos_ == "PROPN" and m.end <= head.i
                            and head.doc[m.end - 1].dep_ == "compound"
                            and head.doc[m.end - 1].head.i == head.i
                            and head.lower_ not in m.entry.name.lower())]
        orgs = [m for m in matches if m.entry.kind in ("org", "seat")]
        places = [m for m in matches if m.entry.kind in ("country", "place")]
        roles = [m for m in matches if m.entry.kind in ("title", "noun") and not self._rank_as_word(m)]
        # The match nearest the head (the head's own word first) says what the phrase is.
        roles.sort(key=lambda m: (m.end <= head.i, abs(head.i - m.start)))
        country = next((m.entry.country for m in places if m.entry.country), None)
        sectors = list(roles[0].entry.sectors) if roles else []
        titled = bool(roles) and _titled_now(roles[0], tokens)
        former = bool(roles) and roles[0].entry.kind == "title" and not titled
        if former:
            sectors = []  # "the former Prime Minister of Sri Lanka" holds no office
        if sectors[:1] == ["MIL"] and (backed or any(r.entry.sectors[:1] in (("REB",), ("OPP",))
                                                     for r in roles)):
            sectors = ["REB"]  # "opposition forces", "US-backed forces": armed, not the state's
        name, kb_id, code, sure = None, None, None, 1.0
        if persons:
            person, rivals = self._pick_person(persons, country)
            strength = max(m.strength for m in persons if m.entry is person)
            sure = strength / (1 + rivals)  # a bare surname shared by others is a guess
            office = person.office_on(self.date)
            name, kb_id = person.name, person.kb_id
            code = office.code if office else person.code or person.country or ""
            country = person.country or country
            if office:
                sectors = _role_of(office.code, country) or sectors
            elif self.date is None and country and sectors and titled:
                code = country + sectors[0]  # undated: "Chancellor Angela Merkel" governs
            own = [m for m in roles if m.start <= head.i < m.end and m.entry.sectors]
            if country and own and _loyal(head):
                # "rebels loyal to Riek Machar" are rebels of his country, not Machar
                sectors = list(own[0].entry.sectors)
                name, kb_id, code = None, None, country + sectors[0]
        elif orgs and (not roles or any(_names_head(m, head) for m in orgs)):
            # "Isis fighters", "UN peacekeepers", "its allies, the SDF": the members act for
            # the organisation named before them or in apposition; one named after ("troops
            # in Nato countries") only counts when nothing else is named
            org = next((m for m in orgs if _names_head(m, head)), orgs[0]).entry
            name, kb_id = org.name, org.kb_id
            country = org.country or (country if org.code in ("NGO", "MED") else None)
            sectors = list(org.sectors) or sectors
            period = org.office_on(self.date) if org.offices else None
            code = period.code if period else org.code
            if org.kind == "seat":
                code = org.code + "".join(org.sectors[:1])
            elif org.kb_id.startswith("region.") and roles:
                code = org.code + "".join(roles[0].entry.sectors[:1])  # "European leaders"
            if period:
                sectors = _role_of(code, country) or sectors
            title = roles[0].entry if titled else None
            if title and _definite(head) and head.tag_ != "NNS" and org.kind == "org":
                holder = self.kb.holder_in(code, title.name, self.date)
                if holder is not None:
                    name, kb_id = holder.name, holder.kb_id
        elif places:
            place = min(places, key=lambda m: abs(head.i - m.start)).entry
            country = country or place.country
            name, kb_id = (place.name, place.kb_id) if not roles else (None, None)
        homelands = next((m.entry.homelands for m in roles if m.entry.homelands), ())
        if code is None and country is None and homelands:
            country = self.memory.homeland(homelands)  # "the Kurds" in a Syrian story
        if code is None:
            sure = 0.9 if country else 0.5
            if country is None and sectors and sectors[0] in STATE_ROLES and _definite(head) \
                    and head.pos_ != "PROPN":  # "Tory MP John Redwood": a stranger, not the story's
                country = self.memory.story_country()
                sure = 0.6
            elif country is None and sectors and sectors[0] in LOCAL_ROLES:
                country = self.memory.story_country(with_this_sentence=True)
                sure = 0.6
            elif country is None and sectors and sectors[0] in RESIDENT_ROLES and self.memory.here:
                country = self.memory.here.most_common(1)[0][0]
                sure = 0.7
            if country is None and not sectors and not former:
                return None
            if country is None and sectors and sectors[0] in TRANSNATIONAL_ROLES:
                code = sectors[0]
            else:
                code = (country or "---") + (sectors[0] if sectors else "")
            title = roles[0].entry if titled else None
            if title and country and _definite(head) and head.tag_ != "NNS":
                holder = self.kb.holder(country, title.name, self.date)
                if holder is not None:
                    name, kb_id = holder.name, holder.kb_id
        start, end = _span(tokens, head)
        doc = head.doc
        for m in matches:  # a name the parse split ("the Organisation for the Prohibition of ...")
            first = doc[m.start + 1] if doc[m.start].lower_ == "the" and m.end - m.start > 1 else doc[m.start]
            start, end = min(start, first.idx), max(end, doc[m.end - 1].idx + len(doc[m.end - 1]))
        return Actor(text=self._text(head)[start:end], start=start, end=end, code=code, name=name,
                     country=country, sectors=sectors[:1] if sectors else _role_of(code, country),
                     kb_id=kb_id, confidence=round(sure, 2))

    def _rank_as_word(self, m: Match) -> bool:
        """"a general strike", "the general public": a title in lower case that modifies a
        common noun, not a name, is an ordinary word."""
        last = self._sent.doc[m.end - 1]
        return m.entry.kind == "title" and last.dep_ in ("amod", "compound", "nmod") \
            and last.head.pos_ == "NOUN" and not self.matches.get(last.head.i) \
            and all(t.text.islower() for t in self._sent.doc[m.start:m.end])

    def _pick_person(self, persons: list[Match], country: str | None) -> tuple[Entry, int]:
        """The likeliest person, and how many others are exactly as likely."""
        def score(m: Match):
            e = m.entry
            in_office = e.office_on(self.date) is not None
            # out of office, the one who left most recently is the likelier subject of news
            ended = max((o.end or "9999" for o in e.offices if not self.date or o.start <= self.date),
                        default="")
            return (m.strength, in_office, e.country == country,
                    self.memory.countries.get(e.country, 0), ended,
                    e.offices[-1].start if e.offices else "")
        scores = {id(m.entry): score(m) for m in persons}
        best = max(persons, key=lambda m: scores[id(m.entry)]).entry
        rivals = {id(m.entry) for m in persons if m.entry is not best
                  and scores[id(m.entry)][:4] == scores[id(best)][:4]}
        return best, len(rivals)

    def _remembered(self, head, tokens) -> Actor | None:
        if head.pos_ != "PROPN":
            return None
        known = self.memory.names.get(normalize(head.text))
        if known is None:
            return None
        start, end = _span(tokens, head)
        return Actor(text=self._text(head)[start:end], start=start, end=end, code=known.code,
                     name=known.name, country=known.country, sectors=list(known.sectors),
                     kb_id=known.kb_id)

    def _remember(self, head, tokens, actor: Actor) -> None:
        self.memory.remember_country(actor.country)
        if head.ent_type_ == "PERSON" or actor.kb_id and actor.kb_id.startswith("per."):
            # "he" in the next sentence is most often the last subject, not the last object
            if head.dep_.startswith("nsubj") or self.memory.last_person is None:
                self.memory.last_person = actor
            if actor.kb_id or actor.name:
                known = [p for p in self.memory.persons if p.code != actor.code or p.name != actor.name]
                self.memory.persons = known[-4:] + [actor]
            names = [t for t in tokens if t.ent_type_ == "PERSON" or t.pos_ == "PROPN"]
            if names:
                self.memory.names.setdefault(normalize(names[-1].text), actor)
        elif head.pos_ == "PROPN":
            self.memory.names.setdefault(normalize(head.text), actor)
        if actor.kb_id and not actor.kb_id.startswith(("per.", "country.", "region.")) and actor.name:
            self.memory.last_org = actor

    def note_sentence_places(self) -> None:
        """Countries named anywhere in the sentence set the story's country for later roles."""
        unique = {id(m): m for ms in self.matches.values() for m in ms}
        for m in unique.values():
            doc = self._sent.doc
            if m.entry.kind in ("country", "place", "seat") and m.entry.country \
                    and doc[m.end - 1].pos_ != "ADJ" and not _sponsor(m, doc):
                # counted, but the latest country stays the latest actor's
                self.memory.here[m.entry.country] += 1


def restated(actor: Actor, token, sure: float) -> Actor:
    """An actor named again by a single word ("he", "the latter", "the claim"), no surer
    than that word makes it."""
    return replace(actor, text=token.text, start=token.idx, end=token.idx + len(token.text),
                   confidence=min(actor.confidence, sure))


def _sponsor(match: Match, doc) -> bool:
    """"US-backed fighters", "Iran-funded militias": the backer is not the actor (but
    "Kurdish-led forces" are Kurdish)."""
    return match.entry.kind not in ("title", "noun") and match.end + 1 < len(doc) \
        and doc[match.end].text in HYPHENS and doc[match.end + 1].lower_ in SPONSORSHIP


SPONSORSHIP = {"backed", "funded", "sponsored", "supported", "armed", "trained", "financed",
               "allied", "aligned", "affiliated", "linked", "installed", "brokered", "inspired"}


def _loyal(head) -> bool:
    """"forces loyal to Assad", "militias allied to the government"."""
    return any(c.dep_ == "amod" and c.lower_ in ALLEGIANCE and c.i > head.i for c in head.children)


def _titled_now(role: Match, tokens) -> bool:
    """A title the text gives a person, not a past one ("former president Mugabe")."""
    return role.entry.kind == "title" and not any(
        t.lower_ in PAST_TITLE_WORDS and t.i < role.end for t in tokens)


PAST_TITLE_WORDS = {"former", "ex", "late", "then", "onetime", "erstwhile"}


def _names_head(match: Match, head) -> bool:
    """Does the organisation say whom the phrase's people act for: named before them, in
    apposition, or as what they come from ("inspectors from the OPCW", "members of Hamas")?"""
    if match.start <= head.i:
        return True
    return any((c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ in ("of", "from"))
               and c.left_edge.i <= match.start <= c.right_edge.i for c in head.children)


def _conjuncts(token) -> list:
    out = [token]
    for c in token.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _role_of(code: str, country: str | None) -> list[str]:
    rest = code[3:] if code[:3] == (country or "---") else ""
    return [rest[i:i + 3] for i in range(0, len(rest), 3)][:1]


def _definite(head) -> bool:
    """"the government", "police", "its army" point back into the story; "a court" and bare
    plurals ("foreign ministers gathered") do not."""
    dets = [c.lower_ for c in head.children if c.dep_ in ("det", "poss")]
    if any(d in ("a", "an", "some", "another", "one", "many", "several") for d in dets):
        return False
    return bool(dets) or head.tag_ != "NNS"


def _span(tokens, head) -> tuple[int, int]:
    """Characters from the first to the last word of the phrase, leading determiners dropped."""
    words = [t for t in tokens if not t.is_punct] or [head]
    while len(words) > 1 and words[0].dep_ in ("det", "case"):
        words = words[1:]
    first, last = words[0], words[-1]
    commas = [t.i for t in tokens if t.text == "," and first.i < t.i < last.i]
    if commas and head.i >= first.i:
        # An apposition after a comma can make a long phrase; keep the head's own side of it.
        stop = min((c for c in commas if c > head.i), default=last.i + 1)
        last = max((t for t in words if head.i <= t.i < stop), key=lambda t: t.i, default=head)
    return first.idx, last.idx + len(last.text)
