"""Helpers over the spaCy parse for demand extraction: subjects, objects, owners, clause
ranges, negation and modality, looking only at tokens, spans and the demand lexicon."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..nlp.sentences import text_of
from .demand_lexicon import DemandLexicon

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_WORDS = ("which", "that", "who", "whom")


def _headline_line(token: Token, max_words: int) -> Optional[Span]:
    """The tokens of the token's text line when it is a headline: a short line of its own,
    followed by a line break, with no full stop at its end."""
    doc = token.doc
    text = text_of(doc)
    begin = text.rfind("\n", 0, token.idx) + 1
    finish = text.find("\n", token.idx)
    if finish < 0 or (begin == 0 and finish == len(text)):
        return None
    line = text[begin:finish].rstrip()
    if not line or line[-1] in ".!?;,\"”’'" or len(line.split()) > max_words:
        return None
    return doc.char_span(begin, begin + len(line), alignment_mode="expand")


def _lemma_in(token: Token, words: frozenset[str]) -> Optional[str]:
    """The word of ``words`` the token inflects, trusting its form when the lemmatizer
    slips ("hoped" given the lemma "hop")."""
    lemma, form = token.lemma_.lower(), token.lower_
    for guess in (lemma, form, form[:-1], form[:-2], form[:-3] + "e", form[:-3]):
        if guess in words:
            return guess
    return None


def _text(token: Token) -> str:
    return token.doc[token.left_edge.i:token.right_edge.i + 1].text


def _subject(verb: Optional[Token]) -> Optional[Token]:
    """The subject of a verb; for a conjoined or infinitive verb, of the verb it hangs on."""
    token = verb
    for _ in range(4):
        if token is None:
            return None
        subj = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return subj
        if token.dep_ in ("conj", "xcomp") and token.head is not token:
            token = token.head
            continue
        return None
    return None


def _resolve_relative(token: Optional[Token]) -> Optional[Token]:
    """The noun a relative pronoun stands for ("decree, which ...", "it was Ukraine that refused")."""
    if token is None or token.lower_ not in RELATIVE_WORDS:
        return token
    clause = token.head
    for _ in range(4):
        if clause.dep_ == "relcl":
            return clause.head
        attr = next((c for c in clause.head.children if c.dep_ == "attr"), None) if clause.dep_ == "ccomp" else None
        if attr is not None:
            return attr  # cleft: "it was Ukraine that refused"
        if clause.head is clause:
            break
        clause = clause.head
    return token


def _patient(verb: Token) -> Optional[Token]:
    """The thing acted on by a passive verb ("the decree ... would have to be revoked")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        for child in verb.children:
            if child.dep_ == "xcomp":
                subj = next((c for c in child.children if c.dep_ == "nsubjpass"), None)
                if subj is not None:
                    break
    if subj is None and verb.tag_ == "VBN":
        subj = _subject(verb)
    return _resolve_relative(subj) if subj is not None else None


def _owner(noun: Token) -> Optional[Token]:
    """Who a thing belongs to: its possessor, "by/of/from X", or the subject of the verb it hangs on."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "PROPN":
                return pobj
    head = noun.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX"):
            return _subject(head)
        if head.head is head:
            break
        head = head.head
    return None


def _modal_or_subjunctive(clause: Token) -> bool:
    """A clause that states what should happen: a modal ("must remove") or a bare verb after
    its subject ("insisted that he resign")."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
        return True
    if clause.tag_ == "VB" and any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return True
    # "insisted that any disagreement be settled ...": the passive's bare "be" carries the mood.
    if any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in clause.children) \
            and any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return True
    # "insists that Washington lift ...": a bare verb after a singular noun (tagged VBP).
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return clause.tag_ == "VBP" and subject is not None and subject.tag_ in ("NNP", "NN")


def _participle_owner(verb: Token) -> Optional[Token]:
    """Who does a subjectless participle's act: ", urging all parties to ..." belongs to the
    subject of the clause it hangs on; "a resolution calling on ..." to whoever adopted it."""
    if verb.tag_ not in ("VBG", "VBN"):
        return None
    head = verb.head
    for _ in range(4):
        if head is verb or head is None:
            return None
        if head.pos_ in ("NOUN", "PROPN") and verb.dep_ == "acl":
            if head.dep_ in SUBJECT_DEPS:
                return head
            head = head.head
            continue
        if head.pos_ in ("VERB", "AUX"):
            return _subject(head) or (_participle_owner(head) if head.tag_ in ("VBG", "VBN") else None)
        head = head.head
    return None


def _reporting_subject(verb: Token, lex: Optional[DemandLexicon] = None) -> Optional[Token]:
    """"Asif told Al Jazeera that Islamabad would support ..., and called on India to ...":
    a past verb the parser joined to a clause under "would" cannot share its auxiliary; it
    continues the verb of saying, whose subject is the party."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    head = verb.head
    # "said any relocation had to be voluntary and called on donors ...": a past verb joined
    # to a bare infinitive cannot share its "to" either; climb to the reported clause.
    while head.tag_ == "VB" and head.dep_ == "xcomp" and head.head is not head:
        head = head.head
    # "warned that renewed fighting has forced ..., and called on all parties to ...": a thing
    # calls on no one; the demand continues the verb of saying too.
    thing = lex is not None and (_subject(head) is None or not _actor_like(_subject(head), lex))
    if not (any(c.tag_ == "MD" for c in head.children) or head.lemma_.lower() in ("have", "need") or thing) \
            or head.dep_ != "ccomp":
        return None
    said = head.head
    return _subject(said) if said.pos_ in ("VERB", "AUX") and said.tag_ == "VBD" else None


def _lost_subject(verb: Token) -> Optional[Token]:
    """The subject of a finite verb the parser left without one: "The statement called on
    ..." read as a noun with a participle (the noun), or "Einav Zangauker, whose son is held
    in Gaza, pleaded with ..." read with the name inside an earlier phrase (the noun phrase
    that ends at the comma before the verb, not the object of a preposition)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i:
        return head
    if verb.dep_ != "ROOT" or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    token = verb.doc[verb.i - 2]
    while token.head is not token and token.head.i < verb.i:
        if token.pos_ == "PROPN" and token.dep_ not in ("pobj", "poss", "compound") and token.right_edge.i == verb.i - 2:
            return token
        token = token.head
    return None


def _verb_above(token: Optional[Token], steps: int = 3) -> Optional[Token]:
    """The token itself if a verb, else the nearest verb above it (within ``steps``)."""
    for _ in range(steps + 1):
        if token is None:
            return None
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _clause_under_preposition(marker: Token) -> Optional[Token]:
    """The finite verb of a clause the parser hung under a marker read as a preposition
    ("until the aggression against Gaza stops": "stops" as the object of "until")."""
    if marker.dep_ != "prep" or marker.head.pos_ not in ("VERB", "AUX"):
        return None
    for t in marker.subtree:
        if t.i <= marker.i or t.tag_ not in ("VBZ", "VBP", "VBD"):
            continue
        if t.dep_ == "pobj" or any(c.dep_ in SUBJECT_DEPS for c in t.children):
            return t
    return None


def _main_clause_start(main: Token, mark: Token) -> int:
    """Where the clause a condition hangs on starts: at its subject, else at its first
    auxiliary or "to", else at the verb (never after the condition's marker)."""
    verb = main
    while verb.dep_ == "xcomp" and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "threatened to quit ... if": from "threatened"
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.i < verb.i:
        start = subject.left_edge.i
    else:
        aux = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
        start = min(aux + [verb.i])
    return min(start, mark.i)


def _name_start(token: Token) -> int:
    """Where the name ending at ``token`` starts (its compounds: "Robert Fico")."""
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].tag_ != "POS":
        start -= 1
    return start


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)


def _before(token: Token) -> int:
    """The token index where a conjoined clause starts, with its "and"/"that" and comma."""
    i = token.left_edge.i
    doc = token.doc
    while i > 0 and doc[i - 1].dep_ in ("cc", "punct", "mark") and doc[i - 1].head in (token, token.head):
        i -= 1
    return i


def _clause_range(clause: Token, own_clause) -> tuple[int, int]:
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        # "To ensure that ..., we must guarantee ...": the condition starts at its subject.
        leading = [c for c in clause.children if c.i < subject.i and c.dep_ in ("advcl", "prep", "npadvmod", "punct", "advmod")]
        if leading:
            start = subject.left_edge.i
    for child in clause.children:
        if child.dep_ == "conj" and child.i > clause.i and own_clause(child):
            end = min(end, _before(child))
    sent = clause.sent
    return max(start, sent.start), min(end, sent.end)


def _trim_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Without leading "that"/"and"/punctuation/quote marks and trailing punctuation."""
    while start < end and (doc[start].dep_ in ("mark", "cc", "punct") or doc[start].is_quote or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def _done_already(subject: Token, lex: DemandLexicon) -> bool:
    """The subject names an act that has happened: "these detentions", "what happened today"
    (a clause in the past tense)."""
    if subject.dep_ == "csubj":
        return subject.tag_ == "VBD"
    return any(c.dep_ == "det" and c.lower_ in lex.deictic_determiners for c in subject.children)


def _refusing_clause(main: Token) -> bool:
    """The clause refuses something: it is negated ("we cannot sign ...") or denies its
    thing ("there can be no dialogue")."""
    if any(c.dep_ == "neg" for c in main.children):
        return True
    return any(c.dep_ in ("attr", "dobj", "nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
               for c in main.children)


def _negated(verb: Token) -> bool:
    """The verb is negated, itself or through the auxiliary it shares with the verb it is
    joined to ("cannot impose sanctions and ask for access": "ask" is under "cannot")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.tag_ in ("VB", "VBP") and any(c.dep_ == "neg" for c in verb.head.children)


def _bare_conjuncts(verb: Token) -> list[Token]:
    """Infinitives joined to an infinitive with no subject of their own: "to respect the
    results and refrain from violence", "to halt ... and to present ..." (each one act)."""
    chain, todo = [], [verb]
    while todo:
        current = todo.pop()
        # "to respect the results and refrain from violence": the parser may join the second
        # bare verb to the first one's object.
        objects = [o for o in current.children if o.dep_ == "dobj"]
        for c in list(current.children) + [c for o in objects for c in o.children if c.tag_ == "VB"]:
            # The small model tags some bare verbs in the plural present ("and account for").
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.tag_ in ("VB", "VBP") \
                    and not any(g.dep_ in SUBJECT_DEPS for g in c.children) and c not in chain:
                chain.append(c)
                todo.append(c)
        for c in _misjoined_conjuncts(current) + _infinitive_series(current):
            if c not in chain:
                chain.append(c)
                todo.append(c)
    return sorted(chain, key=lambda t: t.i)


def _has_to(verb: Token) -> bool:
    return any(a.lower_ == "to" and a.dep_ == "aux" for a in verb.children)


def _misjoined_conjuncts(verb: Token) -> list[Token]:
    """Bare verbs of the verb's own series that the parser joined to a word deeper in its
    phrase: "must admit guilt, punish those responsible and pay ..." ("pay" on
    "responsible"), "to refrain from any action that could reignite a war, and to settle
    ..." ("to settle" on "reignite"). A bare verb cannot be coordinated with a noun, an
    adjective or a participle, nor a "to" infinitive with a finite verb, so such a join is
    the parser's slip and the verb is one more act of the series."""
    found = []
    for t in verb.subtree:
        if t.dep_ != "conj" or t.head is verb or t.tag_ != "VB" or t.pos_ not in ("VERB", "AUX") \
                or any(g.dep_ in SUBJECT_DEPS for g in t.children) or t.i <= verb.i:
            continue
        first = min([t.i] + [a.i for a in t.children if a.dep_ == "aux" and a.i < t.i])
        if t.doc[first - 1].lower_ not in ("and", ","):
            continue
        if _has_to(t) and not _has_to(t.head) or not _has_to(t) and t.head.tag_ not in ("VB", "VBP"):
            found.append(t)
    return found


def _infinitive_series(verb: Token) -> list[Token]:
    """"to guarantee a fair trial, to grant access, and to consider ...": the parser hangs the
    second infinitive of a comma series as an adverbial of the first; with an "and to" after
    it, it is one more item of the series (a lone ", to ..." may be a purpose)."""
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and _has_to(c)
            and c.doc[c.left_edge.i - 1].text == ","
            and any(g.dep_ == "conj" and _has_to(g) for g in c.children)]


def _doer_of_participle(token: Optional[Token]) -> Optional[Token]:
    """"Foreign ministers meeting in Brussels called for ...": the parser may make the
    participle, read as a noun, the subject; the doers are the plural noun before it."""
    if token is None or not token.lower_.endswith("ing") or token.pos_ not in ("NOUN", "VERB"):
        return token
    doers = [c for c in token.children if c.dep_ in ("compound", "nsubj", "amod") and c.i < token.i
             and c.tag_ in ("NNS", "NNPS")]
    return doers[-1] if doers else token


def _actor_like(token: Token, lex: DemandLexicon) -> bool:
    """A subject that can act: a name, a personal pronoun, a collective ("the army") or a
    named group ("Chinese brands" is not; "Kyiv", "we", "both sides" are)."""
    if token.pos_ == "PRON":
        return token.lower_ not in lex.epistemic_subjects
    return token.pos_ == "PROPN" or token.lemma_.lower() in lex.collective_nouns \
        or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _names_actor_like(token: Optional[Token]) -> bool:
    return token is not None and token.pos_ in ("PROPN",)


def _committal(main: Optional[Token]) -> bool:
    """A main clause that commits or refuses: negated, modal or future ("will not agree ... unless")."""
    if main is None:
        return False
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in main.children)


def _condition_clauses(lex: DemandLexicon, words: Span) -> list[Token]:
    """The verbs of the condition clauses in ``words`` ("until the RSF withdrew", "unless
    Kinshasa disbanded ...", "if Pristina takes steps"), in text order: a marker word that
    ends one of the lexicon's condition or continuation markers, and the clause it opens
    (its head when it is a subordinating mark; the clause under it when the parser read
    the marker as a preposition)."""
    ends = {m.split()[-1] for m in lex.condition_markers} | set(lex.continuation_markers)
    clauses = []
    for token in words:
        if token.lower_ not in ends:
            continue
        if token.dep_ == "mark" and token.head.pos_ in ("VERB", "AUX"):
            clauses.append(token.head)
        elif token.dep_ == "prep":
            clause = _clause_under_preposition(token)
            if clause is not None:
                clauses.append(clause)
    return clauses
