"""Finders for conditions: what must happen before a party acts.

Conditions by marker ("unless", "only if", "on condition that", "as long as", "until") on a
negated, modal or threatening main clause; bare "if" on a threat or pledge; provisos ("subject
to", "provided that"), "only then", "will continue until", "depends on", "made X a
precondition", "gave X until Friday to", deadlines, and copular conditions ("the condition
is ..."). :func:`conditions` works on a sentence's text; the rest are ``finder(lex, token)``.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..nlp.sentences import sentence_of
from .demand_lexicon import DemandLexicon
from .demand_syntax import _lemma_in, _subject, _patient, _participle_owner, _verb_above, _clause_under_preposition, _main_clause_start, _clause_range, _trim_range, _refusing_clause, _actor_like, _committal, SUBJECT_DEPS
from .demand_clauses import TIME_ENTITIES, _forecast, _own_clause, _ready, _sanctioning, _threat
from .demand_found import Found


def conditions(lex: DemandLexicon, sent: Span) -> list[Found]:
    found = []
    text = sent.text.lower()
    taken: list[int] = []
    for marker in lex.condition_markers:
        for m in re.finditer(r"\b" + re.escape(marker) + r"\b", text):
            start_char = sent.start_char + m.start()
            if any(abs(start_char - t) < 20 for t in taken):
                continue  # "only if" already found, do not take its "if" again
            last = sent.doc.char_span(sent.start_char + m.end() - 1, sent.start_char + m.end(), alignment_mode="expand")
            if last is None:
                continue
            mark = last[-1]
            hidden = _clause_under_preposition(mark)
            if hidden is None and not _taken_near(taken, start_char):
                kept = _continue_until(lex, mark)
                if kept is not None:
                    taken.append(start_char)
                    found.append(kept)
                    continue
            if hidden is not None:
                # "will continue until the aggression against Gaza stops": the small parser
                # reads "until" as a preposition and the condition's verb as its object.
                clause, main = hidden, mark.head
            elif mark.head.pos_ not in ("VERB", "AUX") or not (
                    mark.dep_ == "mark" or (" " in marker and mark.dep_ == "advmod" and mark.head.dep_ == "advcl")):
                continue  # ("only when Hungary meets ...": the parser reads "when" as an adverb)
            else:
                clause = mark.head
                main = clause.head if clause.dep_ != "ROOT" else None
            main = _marker_head(lex, main)
            if mark.dep_ == "advmod" and not _committal(main):
                continue  # "had learned of it only when the president announced it": a time
            if " " in marker and main is not None and main.pos_ in ("NOUN", "PROPN") and clause.dep_ in ("acl", "relcl"):
                # "would accept the plan provided that Kosovo ...": a two-word marker cannot
                # qualify a noun; the parser hung the clause on the verb's object.
                main = _verb_above(main)
            if main is None or main.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            weak = marker in lex.weak_condition_markers
            refusing = marker in lex.refusal_condition_markers
            if refusing and not _refusing_clause(main):
                continue  # "read the report while travelling": time or contrast, no condition
            if weak and (not _threat_or_pledge(lex, main) or (mark.i > 0 and mark.doc[mark.i - 1].lower_ == "even")):
                continue  # "even if it takes a hundred years": concessive, not a condition
            if weak and _ready(lex, main) and not _threat(lex, main) and _subject(clause) is None:
                continue  # "ready if needed": no one is asked to do anything
            if weak and main.lemma_.lower() in lex.commitment_exclude and not _ready(lex, main) \
                    and main.lemma_.lower() not in lex.retaliation_verbs:
                continue  # "if they say no, we will know ...": no stand is taken
            if main.lemma_.lower() in lex.obligation_verbs and _forecast(lex, main, _subject(main)):
                continue  # "Pretoria would need to give ground if ...": a forecast
            taken.append(start_char)
            # The condition with the clause it conditions: "would not join any new process
            # until the RSF withdrew ...", "threatened to quit the coalition if it was approved".
            start = _main_clause_start(main, mark)
            end = (mark if hidden is not None else clause).right_edge.i + 1
            # "Serbia cannot be rewarded ... while ...": a passive subject is acted on, it sets nothing.
            owner = _subject(main)
            owner = None if owner is not None and owner.dep_ == "nsubjpass" else owner
            found.append(Found("condition", mark, start, end, party_token=owner,
                               subject=_subject(clause), patient=_patient(clause) or _patient(main)
                               or next((_patient(x) for x in main.children if x.dep_ == "xcomp"), None), context=main,
                               needs_statement=(weak and not _threat(lex, main) and not _sanctioning(lex, main))
                               or refusing,
                               label_start=mark.i + 1))
    return found


def bare_proviso(lex: DemandLexicon, mark: Token) -> Optional[Found]:
    """"ready to send troops to Haiti provided the UN funded the mission": "provided" with no
    "that" as a condition marker. It must head a clause with its own subject and have no
    subject, object or auxiliary of its own ("the UN provided aid", "was provided")."""
    if mark.lower_ not in lex.bare_proviso_words or mark.i == 0:
        return None
    if any(c.dep_ in SUBJECT_DEPS + ("dobj", "aux", "auxpass", "dative") for c in mark.children):
        return None
    if mark.doc[mark.i - 1].lower_ in lex.condition_nouns or mark.nbor(1).lower_ == "that":
        return None  # "provided that" is read by the marker list
    clause = _clause_after(mark)
    main = _proviso_main(mark)
    if clause is None or main is None or not (_committal(main) or _ready(lex, main) or _threat(lex, main)):
        return None
    return Found("condition", mark, _main_clause_start(main, mark), clause.right_edge.i + 1,
                 party_token=_subject(main), subject=_subject(clause), patient=_patient(clause), context=main,
                 label_start=mark.i + 1)


def _clause_after(mark: Token) -> Optional[Token]:
    """The verb whose subject starts right after ``mark`` ("provided the UN funded ..."),
    wherever the parser hung it."""
    if mark.i + 1 >= len(mark.doc):
        return None
    token = mark.doc[mark.i + 1]
    for _ in range(4):
        if token.dep_ in SUBJECT_DEPS and token.left_edge.i == mark.i + 1:
            verb = token.head
            return verb if verb.i > mark.i and verb.pos_ in ("VERB", "AUX") else None
        if token.head is token:
            return None
        token = token.head
    return None


def _proviso_main(mark: Token) -> Optional[Token]:
    """The clause a bare "provided" conditions: its head when that comes before it, else
    (the parser hangs it on the verb of saying: "said it was ready ... provided ...") the
    last clause of that head before the marker."""
    head = mark.head
    if head.i > mark.i or head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    before = [c for c in head.children if c.dep_ in ("ccomp", "xcomp") and c.i < mark.i]
    main = before[-1] if before else head
    while True:  # "was ready to send": from "ready" down to the verb with the offer
        inner = next((c for c in main.children if c.dep_ in ("xcomp", "acomp") and c.i < mark.i), None)
        if inner is None or _committal(main) or main.lower_ in ("ready", "willing", "prepared"):
            return main
        main = inner


def only_then(lex: DemandLexicon, mark: Token) -> Optional[Found]:
    """"Talks could only begin after Ukraine recognised the new borders", "would only sign
    when ...": "only" on the main verb makes its time or "if" clause a condition."""
    if mark.lower_ not in lex.only_markers or mark.head.dep_ != "advcl" or not _marks_clause(mark):
        return None
    clause, main = mark.head, mark.head.head
    if main.pos_ not in ("VERB", "AUX") or not _committal(main) \
            or not any(c.dep_ == "advmod" and c.lower_ in lex.restriction_words and c.i < mark.i for c in main.children):
        return None
    return Found("condition", mark, _main_clause_start(main, mark), clause.right_edge.i + 1,
                 party_token=_subject(main), subject=_subject(clause), patient=_patient(clause), context=main,
                 needs_statement=True, label_start=mark.i + 1)


def _marks_clause(mark: Token) -> bool:
    """The word opens its clause: a "mark", or "once"/"when" read as an adverb before the
    clause's subject ("will only negotiate once Russian troops leave")."""
    if mark.dep_ == "mark":
        return True
    subject = _subject(mark.head)
    return mark.dep_ == "advmod" and subject is not None and mark.i < subject.left_edge.i


def _continue_until(lex: DemandLexicon, mark: Token) -> Optional[Found]:
    """"Our operations will continue until the aggression against Gaza stops" (read with
    the condition as a noun phrase), "will keep fighting until victory": going on with
    something until a state of affairs ends is a refusal to stop before it does. A
    continuation verb with "will/would" and "until" + a noun phrase that is not a date.
    Kept only in a statement."""
    if mark.lower_ not in lex.continuation_markers or mark.dep_ != "prep":
        return None
    main = mark.head
    while main.dep_ == "xcomp" and main.head.pos_ in ("VERB", "AUX"):
        main = main.head  # "will keep fighting until": from "keep"
    if main.pos_ not in ("VERB", "AUX") or _lemma_in(main, lex.continuation_verbs) is None:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in lex.forecast_auxes for c in main.children):
        return None
    pobj = next((c for c in mark.children if c.dep_ == "pobj"), None)
    if pobj is None or any(t.ent_type_ in TIME_ENTITIES for t in pobj.subtree):
        return None  # "will continue until Sunday"
    return Found("condition", mark, _main_clause_start(main, mark), mark.right_edge.i + 1,
                 party_token=_subject(main), patient=pobj, context=main, needs_statement=True,
                 label_start=mark.i + 1)


def _marker_head(lex: DemandLexicon, main: Optional[Token]) -> Optional[Token]:
    """The clause a condition hangs on when the parser hung it on the marker's own words:
    "long" in "as long as", "condition" in "on condition that"."""
    if main is None:
        return None
    if main.lower_ in lex.marker_adverbs and main.dep_ in ("advmod", "amod"):
        # "would leave as soon as ..." sets a condition; "planned to travel as soon as
        # conditions allowed" only tells when. The parser may hang "soon" on the verb's
        # object ("would halt attacks on shipping as soon as ..."): the verb above it.
        verb = _catenative_head(_verb_above(main.head))
        return verb if _committal(verb) or (verb is not None and _ready(lex, verb)) else None
    if main.lemma_.lower() in lex.condition_nouns and main.dep_ == "pobj" and main.head.dep_ == "prep":
        # "would reopen the talks on condition that ...", "will return to the talks on
        # condition that ...": the parser may hang it on the object; the verb above it.
        main = _verb_above(main.head.head) or main.head.head
    return main


def _catenative_head(verb: Optional[Token]) -> Optional[Token]:
    """The verb that carries the modal of a chain of infinitives and gerunds: "would keep
    attacking Kenya as long as ...", "will continue to fight as long as ..." commit on "keep"
    and "continue", where the parser hangs the condition on the last verb of the chain."""
    head = verb
    for _ in range(3):
        if head is None or _committal(head) or head.dep_ != "xcomp" or head.head.pos_ not in ("VERB", "AUX"):
            break
        head = head.head
    return head if _committal(head) else verb


def _threat_or_pledge(lex: DemandLexicon, main: Token) -> bool:
    """The clause a bare "if" hangs on is a threat or a pledge: after "threaten/vow to" or
    with "will/would" ("would march on Kinshasa if ...")."""
    if _threat(lex, main) or _ready(lex, main):
        return True
    if main.tag_ == "MD" and main.lower_ in lex.forecast_auxes:
        return True  # "If the state does not disarm Hezbollah, we will": the verb left out
    subject = _subject(main)
    # "it would be a disaster if ...": a judgement; "it would strike Haifa if ...": a threat.
    if subject is not None and subject.lower_ in lex.epistemic_subjects \
            and (subject.lower_ != "it" or main.lemma_.lower() in lex.epistemic_verbs):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in main.children):
        return True
    # "warned that Washington could take measures if ...", "signalled that it could resume
    # funding if ...": what an actor could do, reported from its own side, is a threat or an
    # offer ("the deal could collapse if ..." has a thing as subject).
    return any(c.dep_ == "aux" and c.lower_ in lex.conditional_offer_auxes for c in main.children) \
        and main.dep_ == "ccomp" and subject is not None and (subject.lower_ == "it" or _actor_like(subject, lex)) \
        and _lemma_in(main.head, lex.offer_reporting_verbs) is not None


def _taken_near(taken: list[int], start_char: int) -> bool:
    return any(abs(start_char - t) < 20 for t in taken)


def proviso(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Aid will resume subject to guarantees that it reaches civilians": what the committed
    act waits on. Kept only in a statement, or when the clause commits."""
    predicative = _predicative_proviso(lex, token)
    if not predicative and (token.lower_ not in lex.proviso_words or token.pos_ != "ADJ"):
        return None
    # "is conditional on free elections": the parser may hang the "on" on "is".
    around = list(token.children) + (list(token.head.children) if token.dep_ == "acomp" else [])
    to = next((c for c in around if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon") and c.i > token.i), None)
    what = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None) if to is not None else None
    main = token.head if token.dep_ == "acomp" else token if predicative else _verb_above(token.head)
    # A thing said to be conditional on something states the condition itself; "will resume
    # subject to ..." needs a committing clause.
    if what is None or main is None or not (predicative or _committal(main)):
        return None
    return Found("condition", token, _main_clause_start(main, token), what.right_edge.i + 1,
                 party_token=_subject(main), patient=what, context=main, needs_statement=True,
                 label_start=to.i + 1)


def _predicative_proviso(lex: DemandLexicon, token: Token) -> bool:
    """"Aid is conditional on free elections", "the deal was conditioned on the release of
    ...": said of a thing with "be" (not "subject to", which after "be" means exposed to)."""
    if token.lower_ not in lex.predicative_proviso_words:
        return False
    return token.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in token.children)


def copula_condition(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Russia's condition for a ceasefire is a halt to arms deliveries", "a full
    withdrawal is a precondition for talks": a condition stated with "be"."""
    if _noun_key(token, lex.copula_condition_nouns) is None or token.dep_ not in ("nsubj", "attr"):
        return None
    verb = token.head
    listing = verb.lemma_.lower() in lex.listing_verbs and token.dep_ == "nsubj"
    if verb.lemma_.lower() not in lex.copula_verbs and not listing:
        return None  # "is a halt to ..."; "Russia's demands include the demilitarisation of ..."
    other = next((c for c in verb.children if c.i != token.i
                  and c.dep_ in (("dobj",) if listing else ("attr", "nsubj", "ccomp", "acomp"))), None)
    if other is None:
        return None
    start, end = _clause_range(verb, _own_clause)
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    announced = _after_colon(verb.doc, end)
    if announced is not None:
        # "Washington's core demand was unchanged: Iran can never have ...": the words after
        # the colon are the demand; the clause before only announces it.
        start, end = announced
    return Found("statement", token, start, end, party_token=owner, context=verb,
                 patient=other if listing else None, needs_statement=owner is None)


def dependence(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Any easing of sanctions depends on Tehran restoring access": the thing waits on an
    act of someone named (or on words that name an issue). Kept only in a statement."""
    if token.lemma_.lower() not in lex.dependence_verbs or token.pos_ != "VERB":
        return None
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
    what = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if what is None:
        return None
    doer = next((c for c in what.children if c.dep_ in ("nsubj", "poss")), None) if what.tag_ == "VBG" else None
    if doer is None and what.pos_ in ("PROPN", "NOUN"):
        # "depends on Tehran restoring ...", read as a noun with a participle.
        doer = what if any(c.dep_ == "acl" and c.tag_ == "VBG" for c in what.children) else None
    if doer is None and what.pos_ == "NOUN":
        # "Serbia's path to the EU depended on tangible results": the owner of what waits
        # must deliver it.
        waiting = _subject(token)
        doer = next((c for c in waiting.children if c.dep_ == "poss"), None) if waiting is not None else None
    # Someone named must act ("the harvest depends on the rain" does not), and the verb is
    # finite: "it is risky to depend on one power line" states no condition.
    if doer is None or not _actor_like(doer, lex) or token.tag_ not in ("VBZ", "VBP", "VBD", "VB") \
            or any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
        return None
    start, end = _clause_range(token, _own_clause)
    return Found("dependence", token, start, min(end, prep.right_edge.i + 1) if end > prep.i else end,
                 subject=doer, addressees=[doer], context=what, label_start=prep.i + 1)


def condition_made(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Israel made the return of all hostages a precondition for ...", "the AU set the
    release of detained ministers as a condition for ...": the thing made a condition is
    demanded by the subject."""
    if token.lemma_.lower() not in lex.condition_nouns or token.pos_ != "NOUN":
        return None
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif token.dep_ not in ("dobj", "oprd", "attr", "ccomp", "xcomp"):
        return None
    if verb.lemma_.lower() not in lex.making_verbs or verb.pos_ not in ("VERB", "AUX"):
        return None
    thing = next((c for c in token.children if c.dep_ == "nsubj"), None) \
        or next((c for c in verb.children if c.dep_ == "dobj" and c.i != token.i), None)
    if thing is None:
        return None
    end = max(token.right_edge.i, thing.right_edge.i) + 1
    return Found("statement", verb, thing.left_edge.i, end, party_token=_subject(verb) or _participle_owner(verb),
                 patient=thing, context=thing)


def given_until(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"The EU gave Belarus until Friday to return the passengers": a deadline given to
    someone to act. A verb of giving, "until"/"by" + a time, and a "to" infinitive."""
    if token.lemma_.lower() not in lex.deadline_verbs or token.pos_ != "VERB":
        return None
    until = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in lex.continuation_markers), None)
    if until is None:
        # "gave the government 48 hours to release ...": the time given is the object.
        until = next((c for c in token.children if c.dep_ == "dobj" and c.ent_type_ in TIME_ENTITIES
                      and any(d.dep_ == "dative" for d in token.children)), None)
    act = next((c for c in token.children if c.dep_ in ("advcl", "xcomp", "ccomp")
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    if act is None and until is not None:
        # "gave the junta until the end of the month to restore ...": the parser hangs the
        # infinitive on the time noun.
        act = next((c for c in until.subtree if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                    and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    whom = next((c for c in token.children if c.dep_ in ("dobj", "dative") and c is not until), None)
    if until is None or act is None or whom is None or act.i < until.i:
        return None
    return Found("verb", token, whom.left_edge.i, act.right_edge.i + 1, party_token=_subject(token),
                 addressees=[whom], context=act)


def deadline_for(lex: DemandLexicon, noun: Token) -> Optional[Found]:
    """"set a deadline of Friday for Hamas to respond", "gave them a deadline for them to leave":
    a time limit for someone to act is a demand on them by whoever set it. The parser hangs
    "for X to ..." on the noun or on the verb that has the noun as object."""
    if noun.lemma_.lower() not in lex.deadline_nouns or noun.pos_ != "NOUN":
        return None
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    clause = next((c for h in holders for c in h.children if c.dep_ in ("advcl", "acl", "relcl") and c.i > noun.i
                   and any(m.lower_ == "for" and m.dep_ == "mark" for m in c.children)
                   and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    if clause is None or (noun.head is not noun and clause.head is noun):
        return None  # hung on the noun itself: the nominal finder reads it
    who = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if who is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        owner = _subject(noun.head) or _participle_owner(noun.head)
    start = owner.left_edge.i if owner is not None and owner.dep_ == "poss" else noun.left_edge.i
    return Found("nominal", noun, start, clause.right_edge.i + 1, party_token=owner, subject=who,
                 addressees=[who], context=clause, needs_statement=owner is None)


def _after_colon(doc: Doc, end: int) -> Optional[tuple[int, int]]:
    """The token range of what follows a colon that ends a clause at ``end`` in the same
    sentence ("... was unchanged: Iran can never have ..."), or None when no colon follows or
    nothing but punctuation comes after it."""
    if end >= len(doc) or doc[end].text != ":":
        return None
    sent = sentence_of(doc[end])
    start, stop = _trim_range(doc, end + 1, sent.end)
    return (start, stop) if stop - start >= 2 else None


def _noun_key(token: Token, phrases: frozenset[str]) -> Optional[str]:
    """The noun's lemma, or its adjective and lemma ("red line"), when one is in ``phrases``."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "amod" and f"{child.lower_} {lemma}" in phrases:
            return f"{child.lower_} {lemma}"
    return lemma if lemma in phrases else None
