"""Parse helpers of the event coder: pure functions over spaCy tokens and spans.

They read the dependency parse (a clause's subject, the clauses governing a verb, what a
phrase is part of) and cut an event's evidence to its own clause. No actor, date or
lexicon look-up happens here; :mod:`parley.extract.events` and its context classes
(:mod:`parley.extract.event_actors`, :mod:`parley.extract.event_timing`) build on them.
"""

from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Span, Token

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECT_DEPS = ("dobj", "attr", "oprd", "dative")
# Dependencies through which a verb without a subject takes its governor's.
CONTROL_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acl"})


def _names(token: Token) -> set[str]:
    """The lemma of an object and of the words that qualify it ("military aid")."""
    # the surface form too: an object noun tagged as a verb keeps its noun ("the ruling" is
    # not lemmatised to "rule")
    names = {token.lemma_.lower(), token.lower_}
    names.update(c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound", "nmod"))
    return names


def _governing_clauses(verb: Token) -> list[Token]:
    """The verbs a subjectless participle or infinitive clause hangs on: "sent a letter in
    2015, calling for his dismissal" is dated by "sent". A clause with its own subject, or a
    reported one (ccomp), has its own time."""
    found: list[Token] = []
    node = verb
    for _ in range(4):
        if node.dep_ not in ("advcl", "xcomp", "conj") or node.head.i == node.i:
            break
        if any(c.dep_ in SUBJECTS + PASSIVE_SUBJECTS or c.dep_ == "mark" for c in node.children):
            break
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            break
        found.append(node)
    return found


def _subject(verb: Token, object_control: frozenset[str] = frozenset()) -> Optional[Token]:
    """The clause's subject; a verb without one takes its governor's ("vowed to bring",
    "after meeting Zelenskiy", "refused and continues to refuse"). Under a governor whose
    lemma is in ``object_control`` the governor's object acts, named or not ("persuade
    utilities to agree": the utilities agree)."""
    node = verb
    for _ in range(5):
        # a governor's passive subject controls its infinitive: "Brazil is set to host",
        # "Kyiv was urged to withdraw" (the verb's own passive subject is its target)
        deps = SUBJECTS if node is verb else SUBJECTS + PASSIVE_SUBJECTS
        for child in node.children:
            if child.dep_ in deps:
                return child
        # "is willing to send": the infinitive hangs on the adjective, the subject on "is"
        if node.dep_ not in CONTROL_DEPS and node.dep_ != "acomp" or node.head.i == node.i:
            return None
        if node.dep_ == "xcomp" and node.head.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            # "prompting Beijing to summon the ambassador": the governor's object acts, when
            # it is a name ("take measures to defend" is a purpose, the subject's own)
            controlling = node.head.lemma_.lower() in object_control
            controller = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i
                               and (c.pos_ == "PROPN" or controlling and c.pos_ == "NOUN")), None)
            if controller is not None:
                return controller
        node = node.head
        while node.pos_ not in ("VERB", "AUX") and node.dep_ in ("prep", "pcomp") and node.head.i != node.i:
            node = node.head
    return None


def _verb_with_object(token: Token) -> bool:
    """A complement verb acting on its own object names an act, not the thing a pattern's
    object list wants: "ordered the ministry to halt all relocations" is an order, not "a
    halt" ordered; "ordered troops to patrol" still names the patrol."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" for c in token.children)


# The word that opens an upper bound on a count ("up to 16 advisers"): the parser often reads
# it as the verb's particle and "to" as a preposition, so the counted noun looks like a goal.
_BOUND_OPENERS = frozenset({"up"})


def counted_object(verb: Token) -> Optional[Token]:
    """The object of ``verb`` when a bound on its count hides it: in "kidnapped up to 16
    advisers" the parser hangs "to 16 advisers" on "up" as a particle's phrase, so the
    advisers are no object. The noun after "to" counts as the object only when a number
    follows "to" at once ("moved up to the front line" has no count)."""
    for opener in (c for c in verb.children if c.lower_ in _BOUND_OPENERS and c.dep_ in ("prt", "advmod", "prep")):
        for prep in (c for c in opener.children if c.dep_ == "prep" and c.lower_ == "to" and c.i == opener.i + 1):
            after = prep.i + 1
            if after >= len(verb.doc) or not verb.doc[after].like_num:
                continue
            noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if noun is not None:
                return noun
    return None


def _bare_institution(noun: Token) -> bool:
    """"the government", "the interior ministry": a definite body named by its function
    alone, with no owner or nationality ("Russia's ambassador", "three Russian diplomats")
    that would place it elsewhere."""
    return (_common_noun(noun)
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and not any(c.dep_ in ("poss", "nummod") or c.ent_type_ in ("NORP", "GPE")
                        for c in noun.children))


def _common_noun(token: Token) -> bool:
    """A noun, also one the tagger took for a name though written in lower case ("the
    interior ministry")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)


def _dative_prep(token: Token) -> bool:
    """A preposition the parser labels dative ("gave $5m to the party"): it has an object."""
    return token.dep_ == "dative" and token.pos_ == "ADP" and any(c.dep_ == "pobj" for c in token.children)


def _passive_subjects(verb: Token) -> list[Token]:
    """Who a passive verb is done to, its own passive subject or the one it shares: "Scott
    was shot and killed by an officer" (a participle joined to a passive shares its subject
    and auxiliary), "before being assassinated" (a passive clause with no subject of its own
    takes its governor's). That subject is the one acted upon, never the doer."""
    own = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
    if own or verb.tag_ != "VBN" or any(c.dep_ in SUBJECTS for c in verb.children):
        return own
    if any(_passive_auxiliary(c) for c in verb.children):
        subject = _subject(verb)
        return [subject] if subject is not None else []
    head = verb.head
    if (verb.dep_ == "conj" and head.i != verb.i and head.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and any(_passive_auxiliary(c) for c in head.children)):
        return _passive_subjects(head)
    return []


def _passive_auxiliary(token: Token) -> bool:
    """A passive's "be" or "get" ("was shot", "got arrested"); the parser also calls stray
    words auxpass ("the £476m agreed": "m")."""
    return token.dep_ == "auxpass" and token.lemma_.lower() in ("be", "get")


def _reduced_passive(verb: Token) -> bool:
    """A past participle describing a noun, with its doer after "by": "the deal, signed by
    Iran in 2015", "sanctions imposed by Washington". Without the agent it may be an
    adjective ("the disputed region"), so the agent is required."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBN"
            and any(c.dep_ == "agent" for c in verb.children))


def _is_time(prep: Token) -> bool:
    """'on Friday': a preposition whose object is a date does not introduce a target."""
    return any(c.ent_type_ in ("DATE", "TIME") for c in prep.children if c.dep_ == "pobj")


def _governs(head: Token, token: Token) -> bool:
    return head.i != token.i and head in token.ancestors


def _acting(head: Token) -> bool:
    """The phrase is a clause's doer: its subject or a passive's "by" agent."""
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in SUBJECTS or (node.dep_ == "pobj" and node.head.dep_ == "agent")


def _coordinated(head: Token, token: Token) -> bool:
    """``token`` hangs on ``head`` through a coordinated verb: "called the deal reckless and
    threatened to quit" are two acts, the second not inside the first's complement."""
    node = token
    while node.head.i != head.i and node.head.i != node.i:
        node = node.head
    return node.dep_ == "conj"


def _in_relative_clause(head: Token, token: Token) -> bool:
    """``token`` sits in a relative clause below ``head``: "accused Rwanda of backing the M23,
    a charge Kigali denies" tells the denial as a clause of its own, not as what is accused."""
    node = token
    while node.head.i != head.i and node.head.i != node.i:
        if _relative(node):
            return True
        node = node.head
    return _relative(node)


def _relative(token: Token) -> bool:
    """A relative clause proper: a clause the parser hangs on a noun without a "that"
    subordinator (which would make it the noun's content: "told reporters in a call that
    Russia only hits military targets")."""
    return token.dep_ == "relcl" and not any(c.dep_ == "mark" for c in token.children)


def _close_words(token: Token) -> list[Token]:
    """``token``, its owner, name parts and object, and their "of" phrases: "Obama's
    dismissal", "the release of Navalny", not a clause further down ("a compromise
    rebuffed by Republicans")."""
    found = [token]
    for child in token.children:
        if child.dep_ in ("poss", "compound", "dobj", "nmod", "appos"):
            found += [child, *[c for c in child.children if c.dep_ in ("poss", "compound")]]
        elif child.dep_ == "prep" and child.lower_ == "of":
            found += [c for c in child.children if c.dep_ == "pobj"]
    return found


def _in_subject_phrase(token: Token) -> bool:
    """``token`` is a subject or a name-part or owner of one: "The Foreign Office says",
    "India's strikes hit", "Armenian and Azeri leaders met"."""
    node = token
    for _ in range(3):
        if node.dep_ in SUBJECTS + PASSIVE_SUBJECTS:
            return True
        if node.dep_ not in ("compound", "poss", "amod", "conj", "appos") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _in_subject(head: Token, token: Token) -> bool:
    subject = _subject(head)
    return subject is not None and (subject.i == token.i or subject in token.ancestors)


def _char_token(doc: Doc, offset: int) -> Optional[Token]:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _unique(ids: list[str]) -> list[str]:
    seen: list[str] = []
    for i in ids:
        if i and i not in seen:
            seen.append(i)
    return seen

def _clause_span(predicate: Token, sent: Span, others: Sequence[Token] = (),
                 asides: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The characters of the event's clause: the words around the predicate that belong to
    it, with its subject (a controlled verb's subject sits higher: "Russia vowed to attack").
    Cut out: the clauses coordinated to it ("attacked X and signed Y" are two acts, each with
    its own evidence), the subject's relative clause ("Oman, which mediated earlier talks,
    offered to host"), and the adverbial or relative clauses of ``others``, the sentence's
    other event predicates ("suspended the talks after rebels launched an offensive"), and
    a participle of ``asides`` that reports something else (", saying the Philippines would
    keep sending vessels"). The span is the unbroken run of kept words around the predicate, so two events of one
    sentence point to their own words, not both to the sentence."""
    skip = _foreign_tokens(predicate, others, asides) | _asides_on_nouns(predicate)
    subject = _subject(predicate)
    if subject is not None and subject.sent == sent:
        skip |= _asides_on_nouns(subject)
    kept = {t.i for t in predicate.subtree if t.i not in skip}
    # a coordinated verb's subject is its partner's ("X accused Y and demanded Z"): taking it
    # would pull the partner's words in; a controlled verb's is taken with the words between
    if subject is not None and subject.sent == sent:
        start = _controlled_start(predicate, subject)
        kept |= {i for i in range(start, predicate.i) if i not in skip}
    doc = sent.doc
    start = end = predicate.i
    while start - 1 >= sent.start and start - 1 in kept:
        start -= 1
    while end + 1 < sent.end and end + 1 in kept:
        end += 1
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end].is_punct and doc[end].lower_ not in ('"', "'", "”", "’", ")"):
        end -= 1
    if start > end:
        return sent.start_char, _trim_end(sent)
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def _controlled_start(predicate: Token, subject: Token) -> int:
    """Where the words before ``predicate`` that belong to its clause begin: its subject's
    first word, unless the way up to the subject passes a coordinated verb ("X committed to
    A but failed to agree on B": "agree" begins at "failed", not at X)."""
    node, top = predicate, None
    for _ in range(6):
        if node.i == subject.head.i or node.head.i == node.i:
            break
        if node.dep_ == "conj":
            top = node
        node = node.head
    if top is None:
        return subject.left_edge.i
    return min([top.i] + [c.left_edge.i for c in top.children
                          if c.i < top.i and c.dep_ not in ("cc", "punct") and c.dep_ not in SUBJECTS])


# Clauses on a noun that describe it; set off by a comma they add a fact of their own
# ("Trump, who had pressed allies for months, praised the deal") and are no part of the act.
_NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})
_SETTING_OFF = frozenset({",", "—", "–", "(", ";"})


def _asides_on_nouns(head: Token) -> set[int]:
    """Token indices of the non-restrictive clauses on the nouns of ``head``'s subtree: a
    relative or participle clause (or an apposition holding one) set off by a comma. A
    restrictive one ("an agreement that protects civilians") names the thing and stays."""
    skip: set[int] = set()
    for token in head.subtree:
        if token.i == head.i or token.i in skip or token.dep_ not in _NOUN_CLAUSE_DEPS | {"appos"}:
            continue
        if token.head.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if token.dep_ == "appos" and not any(c.dep_ in _NOUN_CLAUSE_DEPS for c in token.children):
            continue  # "Peskov, the Kremlin spokesman," names the doer, no other fact
        edge = token.left_edge
        if edge.i > 0 and edge.nbor(-1).text in _SETTING_OFF:
            skip.update(t.i for t in token.subtree)
    return skip


# Clause links under which another event's predicate is an act of its own, not the content
# of this one ("accused X of trying to suppress turnout" keeps "suppress" inside).
_OWN_CLAUSE_DEPS = frozenset({"advcl", "relcl", "conj", "parataxis", "acl"})


def _foreign_tokens(predicate: Token, others: Sequence[Token], asides: frozenset[str] = frozenset()) -> set[int]:
    """Token indices in ``predicate``'s subtree that belong to other acts: coordinated verbs
    (with their "and") and other event predicates' own clauses hanging below it."""
    skip: set[int] = set()
    for child in predicate.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in child.subtree)
            skip.update(c.i for c in predicate.children if c.dep_ == "cc" and c.i < child.i)
        elif child.dep_ == "advcl" and child.i > predicate.i and child.lemma_.lower() in asides:
            skip.update(t.i for t in child.subtree)
    for other in others:
        if other.i == predicate.i or other in predicate.ancestors or predicate not in other.ancestors:
            continue
        clause = other
        while clause.head.i != predicate.i and clause.dep_ not in _OWN_CLAUSE_DEPS:
            clause = clause.head
        if clause.dep_ in _OWN_CLAUSE_DEPS:
            skip.update(t.i for t in clause.subtree)
    return skip

def _own_words(sent: Span, events: list, asides: frozenset[str] = frozenset(),
               said_roots: frozenset[str] = frozenset()) -> list:
    """Recut each event's evidence to its own clause now that the sentence's other acts are
    known (their predicates' clauses are left out of it)."""
    # only verbs head clauses; a noun trigger's own phrase is not cut out of another's
    predicates = {m.predicate.i: m.predicate for m, _ in events}
    verbs = [t for t in predicates.values() if t.pos_ in ("VERB", "AUX")]
    out = []
    for match, event in events:
        others = [t for t in verbs if t.i != match.predicate.i]
        # "lashed out at the UN, saying its silence amounted to complicity": what a verbal
        # act says is its own words; "urged X to talk, saying Y" says something else
        own_asides = frozenset() if event.cameo[:2] in said_roots else asides
        span = _clause_span(match.predicate, sent, others, own_asides)
        out.append((match, event if span == event.evidence else event.model_copy(update={"evidence": span})))
    return out


def _trim_end(sent: Span) -> int:
    text = sent.text.rstrip()
    return sent.start_char + len(text)
