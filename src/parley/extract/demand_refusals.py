"""Finders for refusals and rejections: what a party says it will not do or accept.

"will not negotiate", "refused talks", "rejected the demand", "is unacceptable", "out of the
question", "no deal without ...", "would negotiate only indirectly", "not prepared to", "no
pressure will make us ...", "cannot keep/afford ...", "the only acceptable outcome is ...".
Each finder is ``finder(lex, token) -> Found | None``, with ``stance`` refusal or rejection
where the words refuse.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from .demand_lexicon import DemandLexicon
from .demand_syntax import _text, _subject, _participle_owner, _patient, _owner, _verb_above, _clause_range, _done_already, _actor_like, SUBJECT_DEPS
from .demand_clauses import _negation_between, _own_clause
from .demand_found import Found


def commitment(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """A refusal or commitment voiced in a statement: "will/would/can not" + verb ("the army
    would not negotiate with ...", "Iran could not be allowed to have ..."). Kept only inside
    a statement (see :func:`~.demand_records.to_records`)."""
    if token.dep_ != "aux" or token.lower_ not in lex.commitment_modals:
        return None
    head = token.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in lex.commitment_exclude \
            or head.lemma_.lower() in lex.speech_after_modal:
        return None
    if not any(c.dep_ == "neg" for c in head.children) and not _negation_between(token, head):
        return None
    # "would not have happened": a judgement about the past.
    if any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in head.children):
        return None
    subject = _subject(head)
    if subject is not None and subject.lower_ in lex.epistemic_subjects and subject.lower_ != "it":
        return None
    # "cannot be considered democratic", "he cannot escape charges": "can" states ability;
    # it commits only with a verb of permission ("Iran could not be allowed to ...").
    maxim = _incompatible(lex, head, subject)
    if token.lower_ in lex.ability_modals and head.lemma_.lower() not in lex.permission_verbs and not maxim:
        return None
    # A stand is taken by someone: a pronoun, a name or a collective ("the army"), or a
    # passive subject ("Ontario will not be pushed around"); not "this election will not change".
    if subject is None or not (subject.pos_ in ("PRON", "PROPN") or subject.dep_ == "nsubjpass" or maxim
                               or subject.lemma_.lower() in lex.collective_nouns):
        return None
    # "Rwanda would not be pushed into a corner": defiance, not a refusal of something asked.
    # "Ontario will not be pushed around", "would not be bullied into ...": a refusal to
    # yield to pressure is kept.
    if subject.dep_ == "nsubjpass" and head.lemma_.lower() not in lex.permission_verbs \
            and not _yield_to_pressure(lex, head):
        return None
    if not _refused_act(lex, head, subject):
        return None
    start, end = _clause_range(head, _own_clause)
    return Found("commitment", token, start, end, stance="refusal", subject=subject,
                 patient=_patient(head), context=head)


def _refused_act(lex: DemandLexicon, verb: Token, subject: Optional[Token]) -> bool:
    """Whether a negated act of the subject refuses something: not a pledge to hold on
    ("will not give up on diplomacy"), not restraint ("will not provoke"), not defiance of
    the other side ("they will not break our resolve")."""
    if _pledge(lex, verb):
        return False
    if verb.lemma_.lower() in lex.restraint_verbs and not any(c.dep_ == "dobj" for c in verb.children):
        return False  # "Taiwan will not provoke": restraint or defiance, nothing refused
    return not _defiance(lex, verb, subject)


def _defiance(lex: DemandLexicon, verb: Token, subject: Optional[Token]) -> bool:
    """'"They will not bend our resolve"': another party (a third-person pronoun) said to
    fail against the speaker's side is defiance, not a refusal by anyone."""
    if _rallying(lex, verb, subject):
        return True
    if subject is None or subject.pos_ != "PRON" or subject.lower_ in lex.first_person:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and (obj.lower_ in lex.first_person
                                or any(c.dep_ == "poss" and c.lower_ in lex.first_person for c in obj.children))


def _incompatible(lex: DemandLexicon, verb: Token, subject: Optional[Token]) -> bool:
    """"Terror and talks cannot go together", "peace cannot coexist with occupation": two
    things said not to go together (the speaker demands that one of them end)."""
    joined = subject is not None and any(c.dep_ == "conj" for c in subject.children)
    together = any(c.lower_ == "together" for c in verb.children)
    if verb.lemma_.lower() not in lex.incompatible_verbs:
        return joined and together  # "water and blood cannot flow together"
    return joined or together or any(c.lower_ == "with" for c in verb.children)


def _rallying(lex: DemandLexicon, verb: Token, subject: Optional[Token]) -> bool:
    """"We will not hand our streets to criminals": the speaker's own side refusing to hand
    something to its enemies, with no "over" of a transfer someone asked for."""
    if subject is None or subject.lower_ not in lex.first_person or verb.lemma_.lower() not in lex.handing_verbs:
        return False
    return not any(c.dep_ in ("prt", "advmod") and c.lower_ in lex.transfer_particles for c in verb.children)


def _pledge(lex: DemandLexicon, verb: Token) -> bool:
    """"We will not give up on diplomacy", "will not sacrifice our welfare state": a pledge
    to hold on to something is a refusal of a demand only when that thing names an issue
    ("will never give up its right to enrich uranium")."""
    if verb.lemma_.lower() not in lex.yield_verbs:
        return False
    if any(c.dep_ == "prt" and c.lower_ in lex.yielding_particles for c in verb.children):
        return False  # "will not give in to blackmail": refusing to yield
    held = " ".join(_text(c) for c in verb.children if c.dep_ in ("dobj", "prep", "xcomp", "prt", "pcomp"))
    if verb.dep_ == "relcl":
        # "enrichment is a right Iran will not give up": what is held is the noun the clause
        # qualifies, with what that noun is said of.
        noun = verb.head
        held += " " + (_text(noun.head) if noun.dep_ == "attr" else _text(noun))
    return lex.issue_of(held) is None


def _yield_to_pressure(lex: DemandLexicon, verb: Token) -> bool:
    """A passive verb of pressure: "bullied", "intimidated" always; "pushed", "forced" only
    as "pushed around" or "forced into changing ..." ("pushed into a corner" is defiance,
    not a refusal of anything asked)."""
    lemma = verb.lemma_.lower()
    if lemma in lex.pressure_verbs:
        return True
    if lemma not in lex.pushing_verbs:
        return False
    if any(c.dep_ in ("prt", "advmod") and c.lower_ == "around" for c in verb.children):
        return True
    if any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in lex.expulsion_words for c in verb.children):
        return True  # "will not be driven away from our waters": a refusal to leave
    into = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "into"), None)
    return into is not None and any(c.tag_ == "VBG" for c in into.children)


def exclusion(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"No deal without a full withdrawal", "there will be no new money without exemptions":
    what the speaker denies unless a condition is met. Kept only inside a statement."""
    if token.lower_ not in lex.exclusion_preps or token.dep_ != "prep":
        return None
    denied = token.head
    if _refused_without(lex, denied):
        # "could not support a major operation without a credible plan": what the speaker
        # will not do unless the condition is met.
        pobj = next((c for c in token.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None:
            return None
        start, end = _clause_range(denied, _own_clause)
        return Found("restriction", token, start, max(end, pobj.right_edge.i + 1), subject=_subject(denied),
                     patient=pobj, context=pobj, label_start=token.i + 1)
    if denied.pos_ in ("VERB", "AUX") and denied.lemma_.lower() in lex.copula_verbs \
            and any(c.dep_ == "acomp" and c.lower_ in lex.impossibility_words for c in denied.children):
        # "peace was impossible without the return of all prisoners": the same denial.
        pobj = next((c for c in token.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None or lex.issue_of(_text(pobj)) is None:
            return None  # "life was impossible without electricity": a hardship, no condition
        start, end = _clause_range(denied, _own_clause)
        return Found("restriction", token, start, max(end, pobj.right_edge.i + 1), patient=pobj, context=pobj,
                     label_start=token.i + 1)
    if denied.pos_ in ("VERB", "AUX") and denied.lemma_.lower() in lex.copula_verbs:
        denied = next((c for c in denied.children if c.dep_ in ("attr", "nsubj") and c.pos_ == "NOUN"), denied)
    if denied.pos_ != "NOUN" or not any(c.lower_ == "no" and c.dep_ == "det" for c in denied.children):
        return None
    pobj = next((c for c in token.children if c.dep_ in ("pobj", "pcomp")), None)
    if pobj is None:
        return None
    verb = denied.head if denied.head.pos_ in ("VERB", "AUX") else denied
    start = min(denied.left_edge.i, verb.i if verb.i < denied.i else denied.left_edge.i)
    return Found("restriction", token, start, pobj.right_edge.i + 1, subject=_subject(pobj.head) if pobj.dep_ == "pcomp" else None,
                 patient=pobj, context=pobj, label_start=token.i + 1)


def _refused_without(lex: DemandLexicon, verb: Token) -> bool:
    """A verb of a stand ("will not", "could not") negated with a modal, with someone as
    subject: "X will not sign without ..." is a condition, "it cannot happen without" not."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in lex.commitment_exclude:
        return False
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in lex.commitment_modals for c in verb.children):
        return False
    subject = _subject(verb)
    return subject is not None and _actor_like(subject, lex)


def restriction(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Iran would negotiate only indirectly", "would withdraw its troops only at the request
    of legitimate authorities": a restriction on what the speaker will do is a condition.
    Kept only inside a statement."""
    if token.lower_ not in lex.restriction_words or token.dep_ != "advmod":
        return None
    verb = token.head
    for _ in range(2):  # "only" modifies an adverb or a preposition of the verb
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in lex.commitment_exclude:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in lex.forecast_auxes for c in verb.children):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "would not only ..., but": an addition
    subject = _subject(verb)
    if subject is None or not _actor_like(subject, lex):
        return None
    start, end = _clause_range(verb, _own_clause)
    return Found("restriction", token, start, end, subject=subject, patient=_patient(verb), context=verb,
                 label_start=token.i)


def verdict(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Any freeze of the front line is unacceptable": a verdict that rejects its subject.
    Kept only inside a statement (see :func:`~.demand_records.to_records`)."""
    phrase = _verdict_phrase(lex, token)
    if phrase is not None:
        verb, word, negated = phrase, None, False
    elif token.dep_ not in ("acomp", "attr", "oprd"):
        return None
    else:
        verb, word = token.head, _hyphen_word(token)
        negated = any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "neg" for c in token.children)
    if word is not None and not (word in lex.verdict_words and not negated) \
            and not (word in lex.negated_verdict_words and negated):
        return None  # "is unacceptable", "non-negotiable"; "are not optional", "is not negotiable"
    if verb.lemma_.lower() not in lex.copula_verbs:
        return None
    subject = _subject(verb)
    if subject is None or subject.lower_ in ("that", "this", "which"):
        return None
    if _done_already(subject, lex):
        return None  # "These detentions are unacceptable": a protest at an act, no condition
    start, end = _clause_range(verb, _own_clause)
    return Found("verdict", token, min(start, subject.left_edge.i), end, stance="rejection",
                 patient=subject, context=subject)


def _verdict_phrase(lex: DemandLexicon, token: Token) -> Optional[Token]:
    """The copula of a verdict said as a phrase ("a ceasefire was out of the question",
    "concessions are not on the table"), read from the phrase's last word."""
    doc = token.doc
    if token.lower_ not in _last_words(lex.verdict_phrases + lex.negated_verdict_phrases):
        return None  # (cheap test first: this runs on every token)
    for phrases, negation in ((lex.verdict_phrases, False), (lex.negated_verdict_phrases, True)):
        for phrase in phrases:
            words = phrase.split()
            first = token.i - len(words) + 1
            if first < 0 or [t.lower_ for t in doc[first:token.i + 1]] != words:
                continue
            verb = _verb_above(doc[first], steps=2)  # "is not up for negotiation": via "up"
            if verb is None or verb.lemma_.lower() not in lex.copula_verbs \
                    or any(c.dep_ == "neg" for c in verb.children) != negation:
                continue
            return verb
    return None


@lru_cache(maxsize=8)
def _last_words(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p.split()[-1] for p in phrases if p.split())


def _hyphen_word(token: Token) -> str:
    """The token with the hyphenated pieces written against it before ("non-negotiable",
    split by the tokenizer into "non", "-", "negotiable")."""
    doc, i = token.doc, token.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return doc[i:token.i + 1].text.lower()


def refusal(lex: DemandLexicon, token: Token) -> Optional[Found]:
    if token.lemma_.lower() not in lex.refusal_verbs or token.pos_ != "VERB":
        return None
    content = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if content is not None and content.lemma_.lower() in lex.refusal_exclude and not _refusing_particle(lex, content):
        return None
    content = content or next((c for c in token.children if c.dep_ == "dobj"), None)
    if content is None:
        return None
    # "was barred from the vote after refusing to sign ...": a participle's refusal is its
    # clause's subject's, as for the demand verbs.
    return Found("refusal", token, token.i, content.right_edge.i + 1, stance="refusal",
                 party_token=_subject(token) or _participle_owner(token), context=content)


def _refusing_particle(lex: DemandLexicon, verb: Token) -> bool:
    """"refused to give up": the particle makes an excluded verb ("give") a refusal."""
    particle = lex.refusal_exclude_unless.get(verb.lemma_.lower())
    return particle is not None and any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


def rejection(lex: DemandLexicon, token: Token) -> Optional[Found]:
    lemma = token.lemma_.lower()
    phrasal = lex.rejection_phrasal.get(lemma)
    if token.pos_ != "VERB":
        return None
    if lemma not in lex.rejection_verbs:
        if phrasal is None or not any(c.dep_ == "prt" and c.lower_ == phrasal for c in token.children):
            return None
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None:
        # "ruled out holding talks": the gerund's object is what is rejected.
        gerund = next((c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        obj = next((c for c in gerund.children if c.dep_ == "dobj"), None) if gerund is not None else None
        if obj is None:
            return None
    if obj.lemma_.lower() in lex.rejected_claims:
        return None  # "rejected accusations that ...": a denial, not a refusal of a demand
    if obj.lemma_.lower() not in lex.rejected_things and \
            any(c.dep_ == "prep" and c.lower_ in lex.characterising_preps and c.i > obj.i for c in token.children):
        # "dismissed the agreement as a gimmick": a verdict on a thing done (but "dismissed
        # the proposal as a trap" still refuses what was put to the party).
        return None
    # "opposes any unilateral attempt to change the status quo": "any" makes the object a
    # class of acts refused in advance, whatever its noun.
    refused_in_advance = any(c.dep_ == "det" and c.lower_ == "any" for c in obj.children)
    if obj.lemma_.lower() not in lex.rejected_things and lex.issue_of(_text(obj)) is None \
            and not refused_in_advance:
        return None
    owner = _owner(obj)
    end = obj.right_edge.i + 1
    # "rebuffed calls to condemn the invasion": the parser hangs the call's infinitive on the verb.
    follow = next((c for c in token.children if c.dep_ == "xcomp" and c.left_edge.i == end
                   and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    if follow is not None and obj.lemma_.lower() in lex.rejected_things:
        end = follow.right_edge.i + 1
    reason = _rejection_reason(lex, token, obj)
    if reason is not None:
        end = reason.right_edge.i + 1
    return Found("rejection", token, token.i, end, stance="rejection",
                 party_token=_subject(token), addressees=[owner] if owner is not None else [], context=obj)


def _rejection_reason(lex: DemandLexicon, verb: Token, obj: Token) -> Optional[Token]:
    """"rejected the idea, saying any restart would be illegal": when the rejected thing is
    named only by a bare noun ("the idea", "the proposal"), the participle of saying after
    it carries what is rejected and why, so the rejection runs to its end."""
    if obj.lemma_.lower() not in lex.rejected_things:
        return None
    if any(c.dep_ in ("prep", "acl", "relcl", "amod", "compound", "poss", "nmod") for c in obj.children):
        return None  # "rejected the American proposal for talks": the thing is named
    return next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > obj.i and c.tag_ == "VBG"
                 and c.lemma_.lower() in lex.reporting_verbs), None)


def not_prepared(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Moscow was not prepared to freeze the conflict", "is not willing to ...": a refusal
    stated as unreadiness. Kept only in a statement, like "will not"."""
    if token.lower_ not in lex.readiness_words or token.dep_ != "acomp":
        return None
    verb = token.head
    if verb.lemma_.lower() not in lex.copula_verbs or not any(c.dep_ == "neg" for c in verb.children):
        return None
    act = next((c for c in token.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)), None)
    subject = _subject(verb)
    if act is None or subject is None or not _actor_like(subject, lex) \
            or act.lemma_.lower() in lex.commitment_exclude:
        return None
    start, end = _clause_range(verb, _own_clause)
    return Found("commitment", token, start, end, stance="refusal", subject=subject,
                 patient=_patient(act), context=act)


def none_on_us(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"No one will decide for us again", "nobody is going to come here and take power": a
    negated universal doer acting on the speaker's own side is a refusal to yield. Kept
    only in a statement, and only with a word of the speaker's side in the clause."""
    if token.dep_ not in SUBJECT_DEPS or not _nobody(token):
        return None
    verb = token.head
    future = any(c.dep_ == "aux" and c.lower_ in lex.future_auxes for c in verb.children) \
        or (verb.lemma_.lower() == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children))
    if not future or verb.lemma_.lower() in lex.commitment_exclude and verb.lemma_.lower() != "go":
        return None
    if not any(t.lower_ in lex.own_side_words for t in verb.subtree if t.i > verb.i):
        return None  # "no one will get everything they want": a forecast, no stand taken
    start, end = _clause_range(verb, _own_clause)
    return Found("commitment", token, min(start, token.left_edge.i), end, stance="refusal", context=verb)


def _nobody(token: Token) -> bool:
    if token.lower_ in ("nobody", "noone"):
        return True
    return token.lower_ == "one" and any(c.lower_ == "no" for c in token.children)


def unbound(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """'It was "not bound" by an agreement to which it was not a party': denying that an
    agreement binds the speaker rejects it. A negated passive of one of unbound_verbs with
    its "by" agent."""
    if token.lemma_.lower() not in lex.unbound_verbs or token.tag_ != "VBN":
        return None
    if not any(c.dep_ == "neg" for c in token.children):
        return None
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    thing = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
    if thing is None or subject is None:
        return None
    start = subject.i
    return Found("verdict", token, start, thing.right_edge.i + 1, stance="rejection", party_token=subject,
                 patient=thing, context=thing)


def no_pressure(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"No pressure will make us give up our land", "no amount of intimidation would make
    Taiwan give up ...": nothing will force the one named to yield. A refusal, kept only in
    a statement."""
    if token.lemma_.lower() not in lex.coercion_verbs or token.pos_ != "VERB":
        return None
    subject = _subject(token)
    if subject is None or not (subject.lower_ in lex.none_words
                               or any(c.dep_ == "det" and c.lower_ in lex.none_words for c in subject.children)):
        return None
    act = next((c for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
    if act is None:
        return None
    who = next((c for c in act.children if c.dep_ in SUBJECT_DEPS), None) \
        or next((c for c in token.children if c.dep_ == "dobj"), None)
    start, end = _clause_range(token, _own_clause)
    return Found("commitment", token, min(start, subject.left_edge.i), end, stance="refusal",
                 subject=None if who is None or who.lower_ in lex.first_person else who, context=act)


def cannot_keep(lex: DemandLexicon, modal: Token) -> Optional[Found]:
    """"The world cannot keep looking away", "Europe cannot go on paying for ...": "can not"
    + a verb of continuing + a gerund says the thing must stop. Kept only in a statement."""
    if modal.dep_ != "aux" or modal.lower_ not in lex.ability_modals:
        return None
    verb = modal.head
    if verb.lemma_.lower() not in lex.continuing_verbs or not (any(c.dep_ == "neg" for c in verb.children)
                                                                or _negation_between(modal, verb)):
        return None
    doing = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp") and c.tag_ == "VBG"), None)
    if doing is None:
        return None
    subject = _subject(verb)
    start, end = _clause_range(verb, _own_clause)
    return Found("obligation", modal, start, end, subject=subject,
                 addressees=[subject] if subject is not None else [], context=doing, needs_statement=True)


def cannot_afford(lex: DemandLexicon, modal: Token) -> Optional[Found]:
    """"Our region cannot afford a wall between brothers", "we cannot afford another war":
    one more of something that must not happen. Kept only in a statement."""
    if modal.dep_ != "aux" or modal.lower_ not in lex.ability_modals:
        return None
    verb = modal.head
    if verb.lemma_.lower() not in lex.affording_verbs or not (any(c.dep_ == "neg" for c in verb.children)
                                                               or _negation_between(modal, verb)):
        return None
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None or not any(c.dep_ in ("det", "amod") and c.lower_ in lex.affording_determiners
                                for c in thing.children):
        return None
    start, end = _clause_range(verb, _own_clause)
    return Found("obligation", modal, start, end, subject=_subject(verb), patient=thing, context=thing,
                 needs_statement=True)


def only_acceptable(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"The only acceptable outcome is a full withdrawal": what the speaker will settle for.
    An adjective of acceptance on a noun with "only"/"sole", the noun joined by "be" to the
    thing accepted. Kept only in a statement."""
    if token.lemma_.lower() in lex.sole_words and token.dep_ in ("amod", "advmod") \
            and token.head.lemma_.lower() in lex.sole_outcome_nouns:
        return _sole_outcome(lex, token)
    if token.lemma_.lower() not in lex.acceptable_words or token.dep_ != "amod":
        return None
    noun = token.head
    if not any(c.lemma_.lower() in lex.sole_words and c.dep_ in ("amod", "advmod") for c in noun.children):
        return None
    verb = noun.head
    if noun.dep_ not in ("nsubj", "attr") or verb.lemma_.lower() not in lex.copula_verbs:
        return None
    other = next((c for c in verb.children if c.i != noun.i and c.dep_ in ("attr", "nsubj", "acomp", "ccomp")), None)
    if other is None:
        return None
    start, end = _clause_range(verb, _own_clause)
    return Found("acceptable", token, start, end, patient=other, context=other, label_start=other.left_edge.i)


def _sole_outcome(lex: DemandLexicon, only: Token) -> Optional[Found]:
    """"The only safe solution is the full withdrawal of Russian forces", "the only way out
    is a negotiated settlement": the one outcome the speaker will settle for, when it names
    an issue ("the only way to get there is by boat" names none). Kept only in a statement."""
    noun = only.head
    verb = noun.head
    if noun.dep_ not in ("nsubj", "attr") or verb.lemma_.lower() not in lex.copula_verbs:
        return None
    other = next((c for c in verb.children if c.i != noun.i and c.dep_ in ("attr", "nsubj", "ccomp")), None)
    if other is None or lex.issue_of(_text(other)) is None:
        return None
    start, end = _clause_range(verb, _own_clause)
    return Found("acceptable", only, start, end, patient=other, context=other, label_start=other.left_edge.i)


def stand(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"would keep sending vessels 'whatever the pressure'", "will not rejoin ECOWAS under any
    circumstances": a concessive phrase on a will/would clause marks a stand held against
    whatever the other side asks. A refusal whose party is the clause's subject, kept in
    narrative too (the phrase itself says a position is held)."""
    if token.lower_ not in _first_words(lex.concessive_phrases) or not _phrase_at(lex.concessive_phrases, token):
        return None
    verb = _stand_verb(lex, token)
    if verb is None or verb.lemma_.lower() in lex.commitment_exclude:
        return None
    subject = _subject(verb)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if subject is not None and passive and not _actor_like(subject, lex):
        # "the election would be held on 5 March 'whatever the pressure'": a thing that will be
        # done whatever happens is the stand of whoever says so (kept only in a statement).
        start, end = _clause_range(verb, _own_clause)
        return Found("commitment", token, min(start, subject.i), max(end, token.i + 1), stance="refusal",
                     patient=subject, context=verb)
    if subject is None or not _actor_like(subject, lex) or subject.lower_ in lex.epistemic_subjects:
        return None
    start, end = _clause_range(verb, _own_clause)
    return Found("refusal", token, min(start, subject.i), max(end, token.i + 1), stance="refusal",
                 party_token=subject, patient=_patient(verb), context=verb)


def _stand_verb(lex: DemandLexicon, token: Token) -> Optional[Token]:
    """The nearest verb above the phrase that is (or hangs, as "keep sending" does, on) a
    verb with a modal of the future ("will", "would")."""
    verb = token
    own = _own_phrase_end(lex, token)
    for _ in range(5):
        if verb.head is verb:
            return None
        verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or token.i <= verb.i < own:
            continue  # "whatever happens", "come what may": the phrase's own verb is not the stand
        if any(c.dep_ == "aux" and c.lower_ in lex.stand_modals for c in verb.children):
            return verb
        if verb.dep_ != "xcomp":
            return None  # another clause: "said", "happens"
    return None


def _own_phrase_end(lex: DemandLexicon, token: Token) -> int:
    """The index just after the longest concessive phrase that starts at ``token``."""
    doc = token.doc
    lengths = [len(p.split()) for p in lex.concessive_phrases
               if [t.lower_ for t in doc[token.i:token.i + len(p.split())]] == p.split()]
    return token.i + max(lengths, default=1)


def _phrase_at(phrases: tuple[str, ...], token: Token) -> bool:
    doc = token.doc
    for phrase in phrases:
        words = phrase.split()
        if [t.lower_ for t in doc[token.i:token.i + len(words)]] == words:
            return True
    return False


@lru_cache(maxsize=8)
def _first_words(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p.split()[0] for p in phrases if p.split())


def negated_pledge(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Orban vowed never to approve the talks", "pledged not to lift the veto": a negated
    pledge refuses the act. Not a joint pledge ("Maduro and Ali pledged not to use force":
    two sides agreeing) nor one told in a relative clause about an old text ("in which ...")."""
    if token.lemma_.lower() not in lex.pledge_verbs or token.pos_ != "VERB" or token.dep_ == "relcl":
        return None
    act = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if act is None or not (any(c.dep_ == "neg" for c in act.children) or _negation_between(token, act)):
        return None
    subject = _subject(token)
    if subject is None or any(c.dep_ == "conj" for c in subject.children):
        return None
    if act.lemma_.lower() in lex.commitment_exclude or not _refused_act(lex, act, subject):
        return None
    return Found("refusal", token, token.i, act.right_edge.i + 1, stance="refusal", party_token=subject,
                 patient=_patient(act), context=act)


def not_going_to(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"We are not going to negotiate with terrorists": "be not going to" + a verb refuses
    it as "will not" does. Kept only in a statement, like "will not"."""
    if token.lower_ != "going" or token.tag_ != "VBG" or not any(c.dep_ == "neg" for c in token.children):
        return None
    act = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                and any(a.lower_ == "to" for a in c.children)), None)
    if act is None or act.lemma_.lower() in lex.commitment_exclude:
        return None
    subject = _subject(token)
    if subject is None or not _actor_like(subject, lex) or not _refused_act(lex, act, subject):
        return None
    start, end = _clause_range(token, _own_clause)
    return Found("commitment", token, start, end, stance="refusal", subject=subject,
                 patient=_patient(act), context=act)


def no_intention(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"We have no intention of withdrawing": "have no" + a noun of will + the act refuses
    it. Kept only in a statement, and only when the clause is what is said ("the attack
    showed that Russia had no intention of ..." is a reading of someone else's aims)."""
    if token.lemma_.lower() not in lex.refusal_nouns or token.dep_ != "dobj" \
            or not any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return None
    have = token.head
    if have.lemma_.lower() != "have" or not (have.dep_ == "ROOT" or (
            have.dep_ == "ccomp" and have.head.lemma_.lower() in lex.reporting_verbs)):
        return None
    act = _intended_act(token)
    if act is None or act.lemma_.lower() in lex.commitment_exclude:
        return None
    subject = _subject(have)
    # "it had no intention of ...": "it" is the organisation speaking, as with "will not".
    if subject is None or not (_actor_like(subject, lex) or subject.lower_ == "it"):
        return None
    start, end = _clause_range(have, _own_clause)
    return Found("commitment", token, start, end, stance="refusal", subject=subject,
                 patient=_patient(act), context=act)


def _intended_act(noun: Token) -> Optional[Token]:
    """The act after "no intention of" (a gerund) or "no intention to" (an infinitive)."""
    act = next((c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    if act is not None:
        return act
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ in ("pcomp", "pobj") and c.tag_ == "VBG"), None) if of is not None else None


def named_verdict(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Diop called the withdrawal 'irreversible'", "declared the proposal unacceptable": a
    verdict given by naming rejects what it names when the word is one of permanence or
    the thing named is a demand, a proposal or an issue; calling an act already done
    "unacceptable" is a protest ("calling its actions unacceptable")."""
    if token.dep_ != "oprd" or token.head.lemma_.lower() not in lex.naming_verbs:
        return None
    word = _hyphen_word(token)
    if word not in lex.verdict_words and word not in lex.permanence_words:
        return None
    verb = token.head
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None or _done_already(thing, lex):
        return None
    if word not in lex.permanence_words and thing.lemma_.lower() not in lex.rejected_things \
            and lex.issue_of(_text(thing)) is None:
        return None
    return Found("rejection", token, verb.i, token.i + 1, stance="rejection", party_token=_subject(verb),
                 patient=thing, context=thing)
