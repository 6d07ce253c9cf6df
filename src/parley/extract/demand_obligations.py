"""Finders for obligations and their kin: what someone says another must do.

Modals and "have/need to" ("Ukraine must not join NATO"), "need/require" with an issue,
"is obliged to", "has no choice but to", "it is essential that", "the onus is on X to", "it is
time for X to", imperatives in a direct quote, "has no right to", and warnings ("warned X
against ..."). Each finder is ``finder(lex, token) -> Found | None``; most are kept only inside
a statement (:data:`~.demand_found.STATEMENT_FORMS`).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .demand_lexicon import DemandLexicon
from .demand_syntax import _text, _subject, _patient, _modal_or_subjunctive, _clause_range, _actor_like, _committal, SUBJECT_DEPS
from .demand_clauses import _forecast, _own_clause, _sanctioning, _threat
from .demand_found import Found


def obligation(lex: DemandLexicon, token: Token) -> Optional[Found]:
    if token.dep_ == "aux" and token.lower_ in lex.obligation_modals:
        head = token.head
        marker = token
    elif (token.lemma_.lower() in lex.obligation_verbs and token.pos_ in ("VERB", "AUX") and token.dep_ != "aux") \
            or _obliged(lex, token):
        head = next((c for c in token.children if c.dep_ == "xcomp"
                     and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
        if head is None and not any(c.dep_ == "dobj" for c in token.children):
            # "said Israel needed to stop the strikes": the parser may hang the infinitive as
            # an adverbial (but "needed money to buy ..." has an object: a purpose).
            head = next((c for c in token.children if c.dep_ == "advcl" and c.i == token.i + 2
                         and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
        if head is None:
            return None
        marker = token
    else:
        return None
    # "a must-win moment": a modal joined by a hyphen is part of an adjective.
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-":
        return None
    # The small model tags some verbs after a modal as nouns ("we must ... talk"): any head
    # but punctuation will do.
    if head.pos_ in ("PUNCT", "SPACE") or (head.lemma_.lower() in lex.speech_after_modal
                                           and not _owned_up_to(lex, head)):
        return None
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    # "must have been", "should have known": a judgement about the past, not a demand.
    if token.dep_ == "aux" and any(a.lower_ in ("have", "'ve") for a in auxes) and head.tag_ == "VBN" \
            and not any(a.dep_ == "auxpass" for a in auxes):
        return None
    # "should be able to": ability, not obligation.
    if any(c.lower_ == "able" for c in head.children):
        return None
    # "officials must now decide whether to extend the mission": a choice described, with
    # nothing asked of the one choosing.
    if head.lemma_.lower() in lex.deferring_verbs and any(
            t.lower_ in ("whether", "if", "how", "what", "which", "when") for c in head.children
            if c.dep_ in ("ccomp", "xcomp") for t in c.subtree if t.i < c.i):
        return None
    # "Ukraine must not join": the clause is headed by "join"; "they had to be based on ...":
    # by "had", so that its subject and conjuncts are the clause's.
    clause = head if marker.dep_ == "aux" else marker
    subject = _subject(clause) or _subject(head)
    if (subject is None or subject.lower_ in lex.epistemic_subjects) and head.lemma_.lower() in lex.epistemic_verbs:
        return None
    if token.dep_ == "aux" and subject is not None and token.i < subject.i:
        # "..., should Venezuela escalate further": an inverted "if", not an obligation.
        return _inverted_condition(lex, token, head, subject)
    # "it needs to cool reactor fuel": what a thing requires, not what someone demands.
    if marker.dep_ != "aux" and subject is not None and subject.lower_ in lex.epistemic_subjects:
        return None
    if marker.dep_ != "aux" and not any(a.dep_ == "auxpass" for a in auxes) and not _obliged(lex, marker) \
            and _forecast(lex, marker, subject):
        return None
    start, end = _clause_range(clause, _own_clause)
    return Found("obligation", marker, start, end, subject=subject, patient=_patient(head), context=clause)


def _owned_up_to(lex: DemandLexicon, verb: Token) -> bool:
    """"Moscow must admit guilt": a verb of saying with a thing to own up to and someone
    else as subject asks for an act; "I must admit", "it should be noted" only comment."""
    subject = _subject(verb)
    return subject is not None and subject.pos_ in ("PROPN", "NOUN") and subject.lower_ not in lex.first_person \
        and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)


def _inverted_condition(lex: DemandLexicon, modal: Token, clause: Token, subject: Token) -> Optional[Found]:
    """"The EU will not hesitate to use ... should Venezuela escalate further", "would respond
    should Hezbollah fire again": a condition on the subject of the inverted clause, kept
    when the clause it conditions commits (the parser may make either clause the root).
    A sentence that opens with the modal is a question, not a condition."""
    sent = modal.sent
    if modal.lower_ not in lex.inverted_condition_modals or modal.i == sent.start or sent[-1].text == "?":
        return None
    if clause.dep_ == "advcl":
        main = clause.head
    else:
        main = next((c for c in clause.children if c.dep_ in ("ccomp", "parataxis") and c.i < modal.i), None)
    if main is None or main.pos_ not in ("VERB", "AUX") or not (_committal(main) or _threat(lex, main)):
        return None
    return Found("condition", modal, min(main.left_edge.i, modal.i), clause.right_edge.i + 1,
                 party_token=_subject(main), subject=subject, patient=_patient(clause), context=main,
                 label_start=modal.i)


def _obliged(lex: DemandLexicon, token: Token) -> bool:
    """"Kyiv was obliged to recognise ...", "is required to declare ...": a passive
    participle that lays an obligation on its subject."""
    return token.tag_ == "VBN" and token.lemma_.lower() in lex.obligation_participles \
        and any(c.dep_ == "auxpass" for c in token.children)


def need(lex: DemandLexicon, token: Token) -> Optional[Found]:
    if token.lemma_.lower() not in lex.need_verbs or token.pos_ != "VERB":
        return None
    if any(c.dep_ == "xcomp" for c in token.children):
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    subject = _subject(token)
    # "What we need is a green light": the whole clause.
    if obj.tag_ in ("WP", "WDT") and token.dep_ == "csubj":
        return Found("need", token, token.head.left_edge.i, token.head.right_edge.i + 1, subject=subject,
                     context=token.head)
    # "We need more Patriot systems", "any deal would need robust verification": in the first
    # person, or when the need or the needer names an issue ("the city needed rain" does not).
    own = subject is not None and subject.lower_ in lex.first_person
    if subject is not None and not own and _counted_people(subject):
        return None  # "9.3 million people need humanitarian assistance": a figure of needs
    # "WFP said it needed US$120 million to sustain operations": a sum or a count that a
    # body (a pronoun, in its own reported words) says it needs is its appeal.
    counted = subject is not None and subject.lower_ in ("it", "they") and _counted(obj)
    if not own and not counted and lex.issue_of(_text(obj) + " " + (_text(subject) if subject is not None else "")) is None:
        return None
    if counted:
        return Found("need", token, subject.i, token.right_edge.i + 1 if token.right_edge.i < obj.right_edge.i + 12
                     else obj.right_edge.i + 1, subject=subject, context=obj)
    start = subject.left_edge.i if own and subject.i < token.i else token.i
    return Found("need", token, start, obj.right_edge.i + 1, subject=subject, context=obj)


def _counted_people(subject: Token) -> bool:
    """A subject that is a head count ("9.3 million people", "about 500,000 residents"):
    people counted by those reporting on them, not a party asking for anything."""
    return any(t.like_num for t in subject.doc[subject.left_edge.i:subject.i])


def _counted(obj: Token) -> bool:
    """An object that is a sum or a count ("US$120 million", "500 trucks a day")."""
    return any(t.like_num or t.tag_ == "$" for t in obj.subtree)


def onus(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"The onus is on Moscow to show ...", "it is up to Hamas to accept the deal": the
    one named after "on"/"up to" must act. Kept only in a statement, like a modal."""
    if token.lemma_.lower() in lex.onus_nouns and token.dep_ == "nsubj":
        verb, preps = token.head, ("on", "upon", "with")
    elif token.lower_ == "up" and token.dep_ in ("prep", "advmod", "prt") and _subject(token.head) is not None \
            and _subject(token.head).lower_ == "it":
        verb, preps = token.head, ("to",)
    else:
        return None
    if verb.lemma_.lower() not in lex.copula_verbs and verb.lemma_.lower() not in ("lie", "rest", "fall"):
        return None
    holders = [verb, token] + [c for c in token.children if c.dep_ == "prep"]
    prep = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps), None)
    who = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    act = next((c for h in (verb, token, who) if h is not None for c in h.children
                if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.pos_ in ("VERB", "AUX")
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    if who is None or act is None or act.lemma_.lower() in lex.deferring_verbs:
        return None
    start, end = _clause_range(verb, _own_clause)
    return Found("obligation", token, start, end, subject=who, addressees=[who], patient=_patient(act),
                 context=act, label_start=act.i)


def necessity(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"It is essential that Rwanda withdraws ...", "it was vital for Russia to return ...":
    an adjective of necessity after an expletive "it" states an obligation on the subject of
    its clause. Kept only inside a statement, like a modal."""
    if token.lower_ not in lex.necessity_words or token.dep_ != "acomp":
        return None
    verb = token.head
    subject = _subject(verb)
    if verb.lemma_.lower() not in lex.copula_verbs or subject is None or subject.lower_ != "it":
        return None
    clause = next((c for c in list(verb.children) + list(token.children) if c.i > token.i and c.dep_ in ("ccomp", "xcomp", "advcl")
                   and any(m.lower_ in ("that", "for") and m.dep_ == "mark" for m in c.children)), None)
    if clause is None:
        return None
    if not any(m.lower_ == "for" for m in clause.children) and not _modal_or_subjunctive(clause) \
            and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return None
    who = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    start, end = _clause_range(verb, _own_clause)
    return Found("obligation", token, max(start, subject.i), end, subject=who,
                 addressees=[who] if who is not None else [], patient=_patient(clause), context=clause,
                 label_start=clause.left_edge.i)


def no_choice(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Caracas has no choice but to accept the results": the subject is left one act, which
    the speaker demands. Kept only in a statement, like a modal."""
    if token.lemma_.lower() not in lex.no_choice_nouns or token.dep_ != "dobj" \
            or not any(c.lower_ == "no" for c in token.children):
        return None
    but = next((c for c in token.children if c.lower_ == "but"), None)
    act = next((c for c in but.children if c.pos_ in ("VERB", "AUX")), None) if but is not None else None
    if act is None or not any(a.lower_ == "to" for a in act.children):
        return None
    verb = token.head
    subject = _subject(verb)
    if subject is None or not _actor_like(subject, lex) or subject.lower_ in lex.first_person:
        return None  # "we have no choice but to defend ourselves": a justification, no demand
    start, end = _clause_range(verb, _own_clause)
    return Found("obligation", token, start, end, subject=subject, addressees=[subject],
                 patient=_patient(act), context=act, label_start=act.i)


def time_for(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"It is time for Kyiv to accept the new realities": what "X" is told it must now do."""
    if token.lemma_.lower() not in lex.obligation_nouns or token.dep_ not in ("attr", "nsubj"):
        return None
    if token.head.lemma_.lower() not in lex.copula_verbs:
        return None
    clause = next((c for c in token.children if c.dep_ in ("relcl", "acl")
                   and any(m.lower_ == "for" and m.dep_ == "mark" for m in c.children)
                   and any(a.lower_ == "to" for a in c.children)), None)
    who = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None) if clause is not None else None
    if who is None:
        return None
    return Found("obligation", token, who.left_edge.i, clause.right_edge.i + 1, subject=who,
                 addressees=[who], context=clause)


def imperative(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """A bare verb heading its sentence with no subject: "Please, stay away from ...",
    "The message to the Houthis is simple: stop." Kept only inside a direct quote."""
    if token.tag_ != "VB" or token.lemma_.lower() in lex.imperative_exclude:
        return None
    # The head of its sentence, or of a quote before its cue ("'Stay away,' he wrote")
    # (the parser may read the quoted clause as an adverbial: '"Lift the blockade," X said'),
    # or the first word of a quote after a colon ('Zelenskiy to Putin: "Withdraw ..."').
    doc = token.doc
    after_colon = token.i > 1 and doc[token.i - 1].is_quote and doc[token.i - 2].text == ":"
    if token.dep_ != "ROOT" and not after_colon \
            and not (token.dep_ in ("ccomp", "advcl", "parataxis") and token.i < token.head.i
                     and token.head.lemma_.lower() in lex.reporting_verbs):
        return None
    if any(c.dep_ in SUBJECT_DEPS + ("aux", "auxpass", "expl", "mark") for c in token.children):
        return None
    sent = token.sent
    # The verb must open its sentence (after "Please," or a name and a comma) or follow a colon.
    before = [t for t in sent if t.i < token.i and not (t.is_punct or t.is_space or t.is_quote)]
    colon = (token.i > sent.start and token.doc[token.i - 1].text == ":") or after_colon
    if before and not colon and not all(t.lower_ == "please" or t.pos_ in ("PROPN", "INTJ") for t in before):
        return None
    start = token.left_edge.i if not colon else max(sent.start, token.i - 1 if after_colon else sent.start)
    end = token.right_edge.i + 1
    if token.dep_ != "ROOT" and token.head.i > token.i:
        end = min(end, token.head.i)
    return Found("imperative", token, start, end, context=token)


def no_right(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Russia has no right to dictate ...": the party demands the subject not act."""
    if token.lemma_.lower() not in lex.right_nouns or token.dep_ != "dobj" or token.head.lemma_.lower() != "have":
        return None
    verb = token.head
    denied = any(c.lower_ == "no" for c in token.children) or any(c.dep_ == "neg" for c in verb.children)
    infinitive = next((c for c in token.children if c.dep_ in ("acl", "relcl")
                       and any(a.lower_ == "to" for a in c.children)), None)
    if infinitive is None:
        # 'has "no right" to resupply the ship': the parser may hang the infinitive on "have".
        infinitive = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > token.i
                           and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    if not denied or infinitive is None:
        return None
    subject = _subject(verb)
    start, end = _clause_range(verb, _own_clause)
    return Found("no_right", token, start, end, subject=subject, context=infinitive)


def warning(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Whoever plays with fire will get burnt", "any attempt to use the corridor for
    provocations will receive a response": a consequence promised to a generic doer (a
    "whoever" clause, "anyone who", "any" + an attempt or act) warns off what that doer
    would do. A future modal on the consequence; kept only in a statement."""
    verb = token.head
    # "will", or a reported "would" ("warned that any incursion would be met with ...").
    reported = token.lower_ == "would" and verb.dep_ == "ccomp"
    if token.dep_ != "aux" or not (token.lower_ in lex.future_auxes or reported):
        return None
    doer = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS + ("csubj", "csubjpass")), None)
    start, end = _clause_range(verb, _own_clause)
    if doer is not None and (_generic_doer(lex, doer) or _penalised_act(lex, doer, verb)):
        return Found("warning", token, min(start, doer.left_edge.i), end, patient=doer, context=verb)
    target = _sanctioned_target(lex, verb)
    if target is not None and doer is not None and _actor_like(doer, lex):
        return Found("warning", token, start, end, patient=target, context=verb)
    return None


def _penalised_act(lex: DemandLexicon, doer: Token, verb: Token) -> bool:
    """"Any transfer of technology would be met with further sanctions", "any seizure of
    power will lead to the suspension of ...": whatever act "any" names, a penalty promised
    for it warns it off."""
    if not any(c.dep_ == "det" and c.lower_ in lex.generic_determiners for c in doer.children):
        return False
    own = {t.i for t in doer.subtree}
    return any(t.lemma_.lower() in lex.penalty_words for t in verb.subtree if t.i not in own)


def _sanctioned_target(lex: DemandLexicon, verb: Token) -> Optional[Token]:
    """"Would veto any budget that punishes ...", "would consider sanctions against any party
    that chose escalation": a sanction aimed at whatever "any" + a noun with a relative clause
    names sets a condition on doing what the clause says. The noun is the verb's object, or
    hangs on it or on its object through prepositions; the verb sanctions, or a penalty word
    lies on the way to the noun."""
    for det in verb.subtree:
        if det.dep_ != "det" or det.lower_ not in lex.generic_determiners:
            continue
        noun = det.head
        if not any(c.dep_ in ("relcl", "acl") for c in noun.children):
            continue
        path = _object_path(noun, verb)
        if path is not None and (_sanctioning(lex, verb) or any(t.lemma_.lower() in lex.penalty_words for t in path)):
            return noun
    return None


def _object_path(noun: Token, verb: Token) -> Optional[list[Token]]:
    """The tokens between ``noun`` and ``verb`` when the noun is the verb's object or hangs on
    it through objects and prepositions only ("sanctions against any party"); None when a
    clause lies between them."""
    path, token = [], noun
    for _ in range(5):
        if token.dep_ not in ("dobj", "pobj", "prep") or token.head.i == token.i:
            return None
        token = token.head
        if token.i == verb.i:
            return path
        path.append(token)
    return None


def _generic_doer(lex: DemandLexicon, doer: Token) -> bool:
    """A doer named only as anyone who might act: "whoever ...", "anyone who ...", "any attempt to ..."."""
    if doer.dep_ in ("csubj", "csubjpass"):
        return any(c.lower_ in lex.warning_subjects for c in doer.children)
    if doer.lower_ in lex.warning_subjects:
        return doer.lower_ == "whoever" or any(c.dep_ == "relcl" for c in doer.children)
    return doer.lemma_.lower() in lex.warning_nouns and any(c.lower_ == "any" for c in doer.children)
