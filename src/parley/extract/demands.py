"""Demands and conditions: what one party requires of another, in the text's words.

What is extracted (each a :class:`~parley.model.Demand`, words from ``lexicon/demands.yaml``):

- **obligations in speech**: a modal or "have/need to" clause inside a statement
  ("Ukraine must not join NATO", "talks had to be based on ...", "there should be an
  immediate ceasefire"), and "need/require" with an object that names an issue
  ("peace ... needed guarantees");
- **demand verbs** with an actor or a speaker behind them: "called for a ceasefire",
  "called on Hamas to release ...", "urged Israel to allow ...", "demanded that ...",
  "insisted on ...";
- **conditions** introduced by "unless", "only if", "on condition that", "as long as",
  "provided that", "until", when the main clause is negated or modal ("will not agree to a
  ceasefire unless Kyiv withdraws") or is someone's statement;
- **stated conditions**: "the conditions for ... were set out by President Putin";
- **refusals** ("refused negotiations", "declined to attend": ``stance="refusal"``) and
  **rejections** of a demand or proposal ("rejected the demand", "ruled out talks":
  ``stance="rejection"``);
- **forms with no classic cue word**: hopes and expectations addressed to someone ("hoped
  Beijing would lift ..."), "the only acceptable outcome is ...", "depends on Tehran
  restoring ...", "no pressure will make us ...", "will not be pushed around", "will
  continue until ...", "made X a precondition", "set X as a condition", "gave X until Friday
  to ...", "ready to ... if ...", and headline lines read by position ("Machado demands
  tallies");
- **more ways of saying it**: "was obliged to", "has no choice but to", "it is essential that
  X ...", "the onus is on X to", "it is up to X to" (obligations in a statement); "X was
  urged by Y to" (passive, agent as party); "requested that X withdraw" (subjunctive);
  "warned X against ...", "hold out for", "encourages X to"; conditions with "only when",
  "provided that" hung on an object, "should X escalate" (inverted), "once", "subject to",
  "only ... after", "impossible without"; refusals "out of the question", "not on the
  table", "not for negotiation", "non-negotiable", "not prepared to"; wants that name an
  issue ("wants zero enrichment"), "want to see X do"; "X's demands include ...".

When the parse names no party, fallbacks keep the demand: a pronoun subject continues the
speaker of the enclosing or most recent statement of its kind; a statement, resolution or
communique is its issuer's; a subject the parser lost (a participle read as a noun, a name
before "whose ..., pleaded") is found again.

Who: the **party** is the speaker of the statement the words are in (``doc._.quotes``), or
the subject of the demand verb; a refusal or rejection belongs to its subject even inside
someone else's statement ("it was Ukraine that refused"). When the speaker is a government
or military spokesperson (role words in the lexicon, e.g. "Kremlin spokesman"), the party is
the **state** they speak for (``RUS``) and the person is kept in ``voiced_by``; any other
speaker is the party themselves. The **addressee** is the actor told to act (the object of
"urge"/"call on", the subject of the obligation clause, the parties "between X and Y", the
owner of a thing to be revoked), else the addressee of the party's previous demand, else,
for issues between two sides (talks, ceasefire, territory, ...), the country other than the
party's that the article names most. A demand phrased in the first person ("we must ...")
has no addressee unless one is named.

Modality is that of the act of demanding: ``negated`` ("did not call for"), ``future``
("will demand"), ``hypothetical`` ("could call for"), ``historical`` (a past perfect act,
or a date in the sentence more than ``historical_days`` before publication), else
``asserted``. A condition that is itself negative ("must not join") stays asserted.

What is not: obligations with no speaker and no actor subject in narrative text (the
reporter's own "should"); epistemic modals ("it should rain", "must have been");
conditions in questions; wishes with no one asked to act ("wants peace").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..nlp.sentences import sentence_of, sentences, text_of
from ..model import Actor, DateRef, Demand, MentionDetail, Quote
from .actors import ActorMention, ResolvedActors
from .demand_lexicon import DemandLexicon, load_demand_lexicon  # re-exported
from .demand_syntax import (
    _headline_line,
    _lemma_in,
    _text,
    _subject,
    _resolve_relative,
    _patient,
    _owner,
    _modal_or_subjunctive,
    _participle_owner,
    _reporting_subject,
    _lost_subject,
    _verb_above,
    _clause_under_preposition,
    _main_clause_start,
    _name_start,
    _going_to,
    _before,
    _clause_range,
    _trim_range,
    _done_already,
    _refusing_clause,
    _negated,
    _bare_conjuncts,
    _doer_of_participle,
    _actor_like,
    _names_actor_like,
    _committal,
    SUBJECT_DEPS,
)

CLAUSE_DEPS = ("advcl", "ccomp", "xcomp", "acl", "relcl", "conj", "ROOT", "pcomp")
_EDGE_DEPS = ("mark", "cc", "punct", "prep")
PERSONAL_PRONOUNS = ("he", "she")
GROUP_PRONOUNS = ("they",)
TIME_ENTITIES = ("DATE", "TIME")
# Issues that lie between two sides: a condition about them with no named addressee is
# addressed to the other side of the conflict.
# Forms whose party is the speaker of the statement they are in (not their grammatical subject).
SPEAKER_FORMS = ("obligation", "need", "condition", "commitment", "imperative", "verdict", "no_right", "restriction",
                 "learned", "acceptable", "dependence", "warning")
# Forms kept only inside a statement or after a named speaker's verb of saying: in narrative
# they are the reporter's own words ("the plan is unacceptable to many").
STATEMENT_FORMS = ("obligation", "need", "commitment", "imperative", "verdict", "no_right", "restriction", "learned",
                   "acceptable", "dependence", "warning")
BILATERAL_ISSUES = ("talks", "ceasefire", "territory", "withdrawal", "NATO membership", "recognition", "prisoners")


@dataclass
class Found:
    """A demand as found in the parse, before its party and addressee are resolved."""

    form: str  # obligation, need, verb, condition, statement, refusal, rejection
    act: Token  # the word that carries the act of demanding (modal, verb, marker)
    start: int  # token range of the condition's words [start, end)
    end: int
    stance: str = "demand"
    party_token: Optional[Token] = None  # whose words name the party (subject, agent)
    subject: Optional[Token] = None  # subject of the condition clause (addressee candidate)
    addressees: list[Token] = field(default_factory=list)  # tokens naming the addressee
    patient: Optional[Token] = None  # a thing to be acted on whose owner is the addressee
    context: Optional[Token] = None  # a clause whose words give the issue when the condition's do not
    label_start: Optional[int] = None  # where the condition proper starts, when the words include its main clause
    needs_statement: bool = False  # kept only inside someone's statement (a bare "if ... would")


class DemandExtractor:
    """Finds demands in a parsed Doc (:meth:`match`) and resolves them to records (:meth:`extract`)."""

    def __init__(self, lexicon: Optional[DemandLexicon] = None):
        self.lex = lexicon or load_demand_lexicon()

    # -- finding ------------------------------------------------------------------
    def match(self, doc: Doc) -> list[Found]:
        """Every demand form in the Doc, in text order, overlapping duplicates removed."""
        found: list[Found] = []
        finders = (self._obligation, self._need, self._demand_verb, self._statement,
                   self._refusal, self._rejection, self._commitment, self._imperative,
                   self._verdict, self._no_right, self._wish, self._copula_condition,
                   self._exchange, self._nominal, self._restriction, self._exclusion,
                   self._time_for, self._only_acceptable, self._dependence, self._no_pressure,
                   self._condition_made, self._headline_demand, self._given_until, self._necessity,
                   self._no_choice, self._proviso, self._onus, self._not_prepared,
                   self._only_then, self._warning, self._none_on_us, self._unbound, self._bare_proviso,
                   self._cannot_keep, self._cannot_afford, self._deadline_for)
        for token in doc:
            if token.is_punct or token.is_space:
                continue  # no demand form starts on punctuation
            for finder in finders:
                item = finder(token)
                if isinstance(item, list):
                    found.extend(item)
                elif item is not None:
                    found.append(item)
        for sent in doc.sents:
            found.extend(self._conditions(sent))
        return self._merge(_split_conjoined(_listed(_dedupe(found))))

    def _commitment(self, token: Token) -> Optional[Found]:
        """A refusal or commitment voiced in a statement: "will/would/can not" + verb ("the army
        would not negotiate with ...", "Iran could not be allowed to have ..."). Kept only inside
        a statement (see :meth:`set_records`)."""
        lex = self.lex
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
        maxim = self._incompatible(head, subject)
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
                and not self._yield_to_pressure(head):
            return None
        if self._pledge(head):
            return None
        if head.lemma_.lower() in lex.restraint_verbs and not any(c.dep_ == "dobj" for c in head.children):
            return None  # "Taiwan will not provoke": restraint or defiance, nothing refused
        start, end = _clause_range(head, self._own_clause)
        return Found("commitment", token, start, end, stance="refusal", subject=subject,
                     patient=_patient(head), context=head)

    def _incompatible(self, verb: Token, subject: Optional[Token]) -> bool:
        """"Terror and talks cannot go together", "peace cannot coexist with occupation": two
        things said not to go together (the speaker demands that one of them end)."""
        joined = subject is not None and any(c.dep_ == "conj" for c in subject.children)
        together = any(c.lower_ == "together" for c in verb.children)
        if verb.lemma_.lower() not in self.lex.incompatible_verbs:
            return joined and together  # "water and blood cannot flow together"
        return joined or together or any(c.lower_ == "with" for c in verb.children)

    def _exclusion(self, token: Token) -> Optional[Found]:
        """"No deal without a full withdrawal", "there will be no new money without exemptions":
        what the speaker denies unless a condition is met. Kept only inside a statement."""
        if token.lower_ not in self.lex.exclusion_preps or token.dep_ != "prep":
            return None
        denied = token.head
        if self._refused_without(denied):
            # "could not support a major operation without a credible plan": what the speaker
            # will not do unless the condition is met.
            pobj = next((c for c in token.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                return None
            start, end = _clause_range(denied, self._own_clause)
            return Found("restriction", token, start, max(end, pobj.right_edge.i + 1), subject=_subject(denied),
                         patient=pobj, context=pobj, label_start=token.i + 1)
        if denied.pos_ in ("VERB", "AUX") and denied.lemma_.lower() in self.lex.copula_verbs \
                and any(c.dep_ == "acomp" and c.lower_ in self.lex.impossibility_words for c in denied.children):
            # "peace was impossible without the return of all prisoners": the same denial.
            pobj = next((c for c in token.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or self.lex.issue_of(_text(pobj)) is None:
                return None  # "life was impossible without electricity": a hardship, no condition
            start, end = _clause_range(denied, self._own_clause)
            return Found("restriction", token, start, max(end, pobj.right_edge.i + 1), patient=pobj, context=pobj,
                         label_start=token.i + 1)
        if denied.pos_ in ("VERB", "AUX") and denied.lemma_.lower() in self.lex.copula_verbs:
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

    def _refused_without(self, verb: Token) -> bool:
        """A verb of a stand ("will not", "could not") negated with a modal, with someone as
        subject: "X will not sign without ..." is a condition, "it cannot happen without" not."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() in self.lex.commitment_exclude:
            return False
        if not any(c.dep_ == "neg" for c in verb.children):
            return False
        if not any(c.dep_ == "aux" and c.lower_ in self.lex.commitment_modals for c in verb.children):
            return False
        subject = _subject(verb)
        return subject is not None and _actor_like(subject, self.lex)

    def _time_for(self, token: Token) -> Optional[Found]:
        """"It is time for Kyiv to accept the new realities": what "X" is told it must now do."""
        if token.lemma_.lower() not in self.lex.obligation_nouns or token.dep_ not in ("attr", "nsubj"):
            return None
        if token.head.lemma_.lower() not in self.lex.copula_verbs:
            return None
        clause = next((c for c in token.children if c.dep_ in ("relcl", "acl")
                       and any(m.lower_ == "for" and m.dep_ == "mark" for m in c.children)
                       and any(a.lower_ == "to" for a in c.children)), None)
        who = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None) if clause is not None else None
        if who is None:
            return None
        return Found("obligation", token, who.left_edge.i, clause.right_edge.i + 1, subject=who,
                     addressees=[who], context=clause)

    def _pledge(self, verb: Token) -> bool:
        """"We will not give up on diplomacy", "will not sacrifice our welfare state": a pledge
        to hold on to something is a refusal of a demand only when that thing names an issue
        ("will never give up its right to enrich uranium")."""
        if verb.lemma_.lower() not in self.lex.yield_verbs:
            return False
        held = " ".join(_text(c) for c in verb.children if c.dep_ in ("dobj", "prep", "xcomp", "prt", "pcomp"))
        if verb.dep_ == "relcl":
            # "enrichment is a right Iran will not give up": what is held is the noun the clause
            # qualifies, with what that noun is said of.
            noun = verb.head
            held += " " + (_text(noun.head) if noun.dep_ == "attr" else _text(noun))
        return self.lex.issue_of(held) is None

    def _restriction(self, token: Token) -> Optional[Found]:
        """"Iran would negotiate only indirectly", "would withdraw its troops only at the request
        of legitimate authorities": a restriction on what the speaker will do is a condition.
        Kept only inside a statement."""
        if token.lower_ not in self.lex.restriction_words or token.dep_ != "advmod":
            return None
        verb = token.head
        for _ in range(2):  # "only" modifies an adverb or a preposition of the verb
            if verb.pos_ in ("VERB", "AUX"):
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in self.lex.commitment_exclude:
            return None
        if not any(c.dep_ == "aux" and c.lower_ in self.lex.forecast_auxes for c in verb.children):
            return None
        if any(c.dep_ == "neg" for c in verb.children):
            return None  # "would not only ..., but": an addition
        subject = _subject(verb)
        if subject is None or not _actor_like(subject, self.lex):
            return None
        start, end = _clause_range(verb, self._own_clause)
        return Found("restriction", token, start, end, subject=subject, patient=_patient(verb), context=verb,
                     label_start=token.i)

    def _imperative(self, token: Token) -> Optional[Found]:
        """A bare verb heading its sentence with no subject: "Please, stay away from ...",
        "The message to the Houthis is simple: stop." Kept only inside a direct quote."""
        if token.tag_ != "VB" or token.lemma_.lower() in self.lex.imperative_exclude:
            return None
        # The head of its sentence, or of a quote before its cue ("'Stay away,' he wrote")
        # (the parser may read the quoted clause as an adverbial: '"Lift the blockade," X said'),
        # or the first word of a quote after a colon ('Zelenskiy to Putin: "Withdraw ..."').
        doc = token.doc
        after_colon = token.i > 1 and doc[token.i - 1].is_quote and doc[token.i - 2].text == ":"
        if token.dep_ != "ROOT" and not after_colon \
                and not (token.dep_ in ("ccomp", "advcl", "parataxis") and token.i < token.head.i
                         and token.head.lemma_.lower() in self.lex.reporting_verbs):
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

    # -- demands without a modal or a demand verb -----------------------------------
    def _verdict(self, token: Token) -> Optional[Found]:
        """"Any freeze of the front line is unacceptable": a verdict that rejects its subject.
        Kept only inside a statement (see :meth:`set_records`)."""
        lex = self.lex
        phrase = self._verdict_phrase(token)
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
        start, end = _clause_range(verb, self._own_clause)
        return Found("verdict", token, min(start, subject.left_edge.i), end, stance="rejection",
                     patient=subject, context=subject)

    def _verdict_phrase(self, token: Token) -> Optional[Token]:
        """The copula of a verdict said as a phrase ("a ceasefire was out of the question",
        "concessions are not on the table"), read from the phrase's last word."""
        doc = token.doc
        if token.lower_ not in _last_words(self.lex.verdict_phrases + self.lex.negated_verdict_phrases):
            return None  # (cheap test first: this runs on every token)
        for phrases, negation in ((self.lex.verdict_phrases, False), (self.lex.negated_verdict_phrases, True)):
            for phrase in phrases:
                words = phrase.split()
                first = token.i - len(words) + 1
                if first < 0 or [t.lower_ for t in doc[first:token.i + 1]] != words:
                    continue
                verb = _verb_above(doc[first], steps=2)  # "is not up for negotiation": via "up"
                if verb is None or verb.lemma_.lower() not in self.lex.copula_verbs \
                        or any(c.dep_ == "neg" for c in verb.children) != negation:
                    continue
                return verb
        return None

    def _no_choice(self, token: Token) -> Optional[Found]:
        """"Caracas has no choice but to accept the results": the subject is left one act, which
        the speaker demands. Kept only in a statement, like a modal."""
        if token.lemma_.lower() not in self.lex.no_choice_nouns or token.dep_ != "dobj" \
                or not any(c.lower_ == "no" for c in token.children):
            return None
        but = next((c for c in token.children if c.lower_ == "but"), None)
        act = next((c for c in but.children if c.pos_ in ("VERB", "AUX")), None) if but is not None else None
        if act is None or not any(a.lower_ == "to" for a in act.children):
            return None
        verb = token.head
        subject = _subject(verb)
        if subject is None or not _actor_like(subject, self.lex) or subject.lower_ in self.lex.first_person:
            return None  # "we have no choice but to defend ourselves": a justification, no demand
        start, end = _clause_range(verb, self._own_clause)
        return Found("obligation", token, start, end, subject=subject, addressees=[subject],
                     patient=_patient(act), context=act, label_start=act.i)

    def _proviso(self, token: Token) -> Optional[Found]:
        """"Aid will resume subject to guarantees that it reaches civilians": what the committed
        act waits on. Kept only in a statement, or when the clause commits."""
        if token.lower_ not in self.lex.proviso_words or token.pos_ != "ADJ":
            return None
        to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")), None)
        what = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None) if to is not None else None
        main = _verb_above(token.head) if token.dep_ not in ("acomp",) else token.head
        if what is None or main is None or not _committal(main):
            return None
        return Found("condition", token, _main_clause_start(main, token), what.right_edge.i + 1,
                     party_token=_subject(main), patient=what, context=main, needs_statement=True,
                     label_start=to.i + 1)

    def _no_right(self, token: Token) -> Optional[Found]:
        """"Russia has no right to dictate ...": the party demands the subject not act."""
        if token.lemma_.lower() not in self.lex.right_nouns or token.dep_ != "dobj" or token.head.lemma_.lower() != "have":
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
        start, end = _clause_range(verb, self._own_clause)
        return Found("no_right", token, start, end, subject=subject, context=infinitive)

    def _wish(self, token: Token) -> Optional[Found]:
        """"The Authority expects Israel to halt ...", "wants sanctions lifted", "seeks an
        exemption": what the subject wants of another. Wanting to do something oneself
        ("wants to meet Putin") is an intention and is left out."""
        lex = self.lex
        lemma = _lemma_in(token, lex.wish_verbs)
        if lemma is None or token.pos_ != "VERB":
            return None
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
            return None  # "is expected to": a forecast
        clause = next((c for c in token.children if c.dep_ in ("ccomp", "xcomp")
                       and any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)
        seeing = next((c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in lex.seeing_verbs), None)
        if clause is None and seeing is not None:
            # "We want to see Russian troops leave Ukraine": what is to be seen is wanted.
            clause = next((c for c in seeing.children if c.dep_ in ("ccomp", "xcomp")
                           and any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)
        dobj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if clause is None and dobj is not None:
            clause = next((c for c in token.children if c.dep_ in ("xcomp", "oprd", "ccomp")), None)
            clause = clause if clause is not None and clause.i > dobj.i else None
        party_token = _subject(token) or _participle_owner(token)
        if clause is not None:
            who = next((g for g in clause.children if g.dep_ in SUBJECT_DEPS), dobj)
            if who is None:
                return None
            if lemma in lex.predictive_wish_verbs and not (who.pos_ == "PROPN" or who.lemma_.lower() in lex.collective_nouns):
                return None  # "analysts expect prices to rise"
            if who.lower_ in lex.first_person:
                return None  # "I want us to keep our way of life": a wish for oneself
            start = min(who.left_edge.i, clause.left_edge.i)
            return Found("verb", token, start, clause.right_edge.i + 1, party_token=party_token,
                         addressees=[who] if any(a.lower_ == "to" for a in clause.children) else [],
                         subject=who, patient=who, context=clause)
        if dobj is None or lemma in lex.predictive_wish_verbs:
            return None
        # "wants a negotiated settlement", "wants peace": a hope, not something asked of anyone.
        # "wants zero enrichment on Iranian soil", "wants sanctions relief": a thing wanted that
        # names a contested issue is asked of the other side (but "wants a deal" only hopes).
        # Only a present want stated without negation: "did not want a trade war", "they wanted
        # empty polling stations" tell a wish or an intent, not a position held now.
        if dobj.lemma_.lower() not in lex.wanted_things:
            issue = lex.issue_of(_text(dobj))
            if issue is None or issue in lex.hoped_issues or token.tag_ not in ("VBZ", "VBP") or _negated(token):
                return None
        return Found("verb", token, dobj.left_edge.i, dobj.right_edge.i + 1, party_token=party_token,
                     patient=dobj, context=dobj)

    def _copula_condition(self, token: Token) -> Optional[Found]:
        """"Russia's condition for a ceasefire is a halt to arms deliveries", "a full
        withdrawal is a precondition for talks": a condition stated with "be"."""
        if _noun_key(token, self.lex.copula_condition_nouns) is None or token.dep_ not in ("nsubj", "attr"):
            return None
        verb = token.head
        listing = verb.lemma_.lower() in self.lex.listing_verbs and token.dep_ == "nsubj"
        if verb.lemma_.lower() not in self.lex.copula_verbs and not listing:
            return None  # "is a halt to ..."; "Russia's demands include the demilitarisation of ..."
        other = next((c for c in verb.children if c.i != token.i
                      and c.dep_ in (("dobj",) if listing else ("attr", "nsubj", "ccomp", "acomp"))), None)
        if other is None:
            return None
        start, end = _clause_range(verb, self._own_clause)
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        announced = _after_colon(verb.doc, end)
        if announced is not None:
            # "Washington's core demand was unchanged: Iran can never have ...": the words after
            # the colon are the demand; the clause before only announces it.
            start, end = announced
        return Found("statement", token, start, end, party_token=owner, context=verb,
                     patient=other if listing else None, needs_statement=owner is None)

    def _exchange(self, token: Token) -> Optional[Found]:
        """"Hamas offered to free ten hostages in return for a pause": what is asked in return."""
        if token.lower_ not in self.lex.exchange_nouns or token.dep_ != "pobj" or token.head.lower_ != "in":
            return None
        what = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        verb = token.head.head
        if what is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        start = _main_clause_start(verb, token.head)
        main = verb
        while main.dep_ == "xcomp" and main.head.pos_ in ("VERB", "AUX"):
            main = main.head
        return Found("exchange", token, start, what.right_edge.i + 1, party_token=_subject(main) or _participle_owner(main),
                     context=what, label_start=what.i + 1)

    def _yield_to_pressure(self, verb: Token) -> bool:
        """A passive verb of pressure: "bullied", "intimidated" always; "pushed", "forced" only
        as "pushed around" or "forced into changing ..." ("pushed into a corner" is defiance,
        not a refusal of anything asked)."""
        lemma = verb.lemma_.lower()
        if lemma in self.lex.pressure_verbs:
            return True
        if lemma not in self.lex.pushing_verbs:
            return False
        if any(c.dep_ in ("prt", "advmod") and c.lower_ == "around" for c in verb.children):
            return True
        into = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "into"), None)
        return into is not None and any(c.tag_ == "VBG" for c in into.children)

    def _headline_demand(self, token: Token) -> Optional[Found]:
        """A headline line "Venezuela: Machado demands tallies", "ASEAN presses junta",
        "Houthis set terms": headline writing drops what the parser needs, so the line is read
        by position: a short name, a demand verb, then what is demanded (or of whom)."""
        lex = self.lex
        verb = _lemma_in(token, lex.headline_verbs)
        if verb is None or token.pos_ in ("ADP", "DET", "PRON"):
            return None
        line = _headline_line(token, lex.headline_max_words)
        if line is None:
            return None
        start = next((t.i + 1 for t in line if t.text == ":" and t.i < token.i), line.start)
        before = [t for t in token.doc[start:token.i] if not (t.is_space or t.is_punct)]
        after = [t for t in token.doc[token.i + 1:line.end] if not (t.is_space or t.is_punct and not t.is_quote)]
        if not before or not after or len(before) > 4 or not all(t.pos_ == "PROPN" or t.is_title or t.is_upper
                                                                 for t in before):
            return None
        if verb in lex.statement_verbs and after[0].lemma_.lower() not in lex.condition_nouns:
            return None  # "Houthis set terms", not "Houthis set fire"
        whom = [after[0]] if verb in lex.headline_addressee_verbs and after[0].pos_ in ("PROPN", "NOUN") else []
        return Found("verb", token, after[0].i, after[-1].i + 1, party_token=before[-1], addressees=whom,
                     context=after[-1])

    def _given_until(self, token: Token) -> Optional[Found]:
        """"The EU gave Belarus until Friday to return the passengers": a deadline given to
        someone to act. A verb of giving, "until"/"by" + a time, and a "to" infinitive."""
        lex = self.lex
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

    def _refusing(self, verb: Optional[Token]) -> bool:
        """A clause that refuses: "ruled out signing the treaty until ...", "refused to recognise
        Kosovo unless ..." (the verb, or the verb its infinitive or gerund hangs on)."""
        lex = self.lex
        for _ in range(2):
            if verb is None:
                return False
            lemma = verb.lemma_.lower()
            if lemma in lex.refusal_verbs or lemma in lex.rejection_verbs or (
                    lemma in lex.rejection_phrasal
                    and any(c.dep_ == "prt" and c.lower_ == lex.rejection_phrasal[lemma] for c in verb.children)):
                return True
            if verb.dep_ not in ("xcomp", "pcomp") or verb.head is verb:
                return False
            verb = verb.head
        return False

    def _only_acceptable(self, token: Token) -> Optional[Found]:
        """"The only acceptable outcome is a full withdrawal": what the speaker will settle for.
        An adjective of acceptance on a noun with "only"/"sole", the noun joined by "be" to the
        thing accepted. Kept only in a statement."""
        lex = self.lex
        if token.lemma_.lower() in lex.sole_words and token.dep_ in ("amod", "advmod") \
                and token.head.lemma_.lower() in lex.sole_outcome_nouns:
            return self._sole_outcome(token)
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
        start, end = _clause_range(verb, self._own_clause)
        return Found("acceptable", token, start, end, patient=other, context=other, label_start=other.left_edge.i)

    def _sole_outcome(self, only: Token) -> Optional[Found]:
        """"The only safe solution is the full withdrawal of Russian forces", "the only way out
        is a negotiated settlement": the one outcome the speaker will settle for, when it names
        an issue ("the only way to get there is by boat" names none). Kept only in a statement."""
        noun = only.head
        verb = noun.head
        if noun.dep_ not in ("nsubj", "attr") or verb.lemma_.lower() not in self.lex.copula_verbs:
            return None
        other = next((c for c in verb.children if c.i != noun.i and c.dep_ in ("attr", "nsubj", "ccomp")), None)
        if other is None or self.lex.issue_of(_text(other)) is None:
            return None
        start, end = _clause_range(verb, self._own_clause)
        return Found("acceptable", only, start, end, patient=other, context=other, label_start=other.left_edge.i)

    def _warning(self, token: Token) -> Optional[Found]:
        """"Whoever plays with fire will get burnt", "any attempt to use the corridor for
        provocations will receive a response": a consequence promised to a generic doer (a
        "whoever" clause, "anyone who", "any" + an attempt or act) warns off what that doer
        would do. A future modal on the consequence; kept only in a statement."""
        lex = self.lex
        verb = token.head
        # "will", or a reported "would" ("warned that any incursion would be met with ...").
        reported = token.lower_ == "would" and verb.dep_ == "ccomp"
        if token.dep_ != "aux" or not (token.lower_ in lex.future_auxes or reported):
            return None
        doer = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS + ("csubj", "csubjpass")), None)
        if doer is None or not self._generic_doer(doer):
            return None
        start, end = _clause_range(verb, self._own_clause)
        return Found("warning", token, min(start, doer.left_edge.i), end, patient=doer, context=verb)

    def _generic_doer(self, doer: Token) -> bool:
        """A doer named only as anyone who might act: "whoever ...", "anyone who ...", "any attempt to ..."."""
        lex = self.lex
        if doer.dep_ in ("csubj", "csubjpass"):
            return any(c.lower_ in lex.warning_subjects for c in doer.children)
        if doer.lower_ in lex.warning_subjects:
            return doer.lower_ == "whoever" or any(c.dep_ == "relcl" for c in doer.children)
        return doer.lemma_.lower() in lex.warning_nouns and any(c.lower_ == "any" for c in doer.children)

    def _none_on_us(self, token: Token) -> Optional[Found]:
        """"No one will decide for us again", "nobody is going to come here and take power": a
        negated universal doer acting on the speaker's own side is a refusal to yield. Kept
        only in a statement, and only with a word of the speaker's side in the clause."""
        lex = self.lex
        if token.dep_ not in SUBJECT_DEPS or not self._nobody(token):
            return None
        verb = token.head
        future = any(c.dep_ == "aux" and c.lower_ in lex.future_auxes for c in verb.children) \
            or (verb.lemma_.lower() == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children))
        if not future or verb.lemma_.lower() in lex.commitment_exclude and verb.lemma_.lower() != "go":
            return None
        if not any(t.lower_ in lex.own_side_words for t in verb.subtree if t.i > verb.i):
            return None  # "no one will get everything they want": a forecast, no stand taken
        start, end = _clause_range(verb, self._own_clause)
        return Found("commitment", token, min(start, token.left_edge.i), end, stance="refusal", context=verb)

    def _nobody(self, token: Token) -> bool:
        if token.lower_ in ("nobody", "noone"):
            return True
        return token.lower_ == "one" and any(c.lower_ == "no" for c in token.children)

    def _unbound(self, token: Token) -> Optional[Found]:
        """'It was "not bound" by an agreement to which it was not a party': denying that an
        agreement binds the speaker rejects it. A negated passive of one of unbound_verbs with
        its "by" agent."""
        if token.lemma_.lower() not in self.lex.unbound_verbs or token.tag_ != "VBN":
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

    def _dependence(self, token: Token) -> Optional[Found]:
        """"Any easing of sanctions depends on Tehran restoring access": the thing waits on an
        act of someone named (or on words that name an issue). Kept only in a statement."""
        lex = self.lex
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
        start, end = _clause_range(token, self._own_clause)
        return Found("dependence", token, start, min(end, prep.right_edge.i + 1) if end > prep.i else end,
                     subject=doer, addressees=[doer], context=what, label_start=prep.i + 1)

    def _no_pressure(self, token: Token) -> Optional[Found]:
        """"No pressure will make us give up our land", "no amount of intimidation would make
        Taiwan give up ...": nothing will force the one named to yield. A refusal, kept only in
        a statement."""
        lex = self.lex
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
        start, end = _clause_range(token, self._own_clause)
        return Found("commitment", token, min(start, subject.left_edge.i), end, stance="refusal",
                     subject=None if who is None or who.lower_ in lex.first_person else who, context=act)

    def _condition_made(self, token: Token) -> Optional[Found]:
        """"Israel made the return of all hostages a precondition for ...", "the AU set the
        release of detained ministers as a condition for ...": the thing made a condition is
        demanded by the subject."""
        lex = self.lex
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

    def _nominal(self, token: Token) -> Optional[Found]:
        """"Kyiv's demand for a full withdrawal", "renewed its call for a ceasefire": a demand
        named by a noun, owned by its possessor or by the subject of the verb that voices it."""
        lex = self.lex
        if token.lemma_.lower() not in lex.nominal_demand_nouns or token.pos_ != "NOUN":
            return None
        if any(c.dep_ in ("amod", "compound") and c.lower_ in lex.fundraising_words for c in token.children):
            return None  # "the humanitarian appeal for Yemen": a call for funds
        if any(c.dep_ == "det" and c.lower_ in lex.none_words for c in token.children):
            return None  # "there is no need for panic": reassurance, nothing asked
        content = next((c for c in token.children if (c.dep_ == "prep" and c.lower_ == "for")
                        or (c.dep_ in ("acl", "ccomp", "advcl") and (any(a.lower_ == "to" for a in c.children)
                                                                      or any(m.lower_ == "that" for m in c.children)))), None)
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if content is not None and token.dep_ == "dobj" and token.head.lemma_.lower() in lex.granting_verbs:
            return None  # "granted a request from the parties to ...": the grantor's decision
        further: list[Found] = []
        if content is None and token.dep_ == "dobj":
            # "reiterated its call on donors to close the gap": the parser hangs the infinitive
            # on the verb; "..., and on the M23 to withdraw": a second addressee, a second demand.
            content, further = self._call_on_infinitive(token)
        if content is None:
            # "accepted the National Assembly's demand": a named owner's demand referred to.
            if owner is None or owner.pos_ != "PROPN" or token.dep_ != "dobj":
                return None
            return Found("nominal", token, owner.left_edge.i, token.i + 1, party_token=owner, context=token)
        if owner is None and token.dep_ == "dobj" and token.head.lemma_.lower() in lex.nominal_demand_verbs:
            owner = _subject(token.head) or _participle_owner(token.head)
        if owner is not None and owner.lower_ in ("its", "their", "his", "her") and token.dep_ == "dobj":
            owner = _subject(token.head) or owner
        start = token.i if owner is None or owner.i > token.i else owner.i
        start = min(start, token.left_edge.i) if owner is None else start
        addressees = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "to", "from")
                      for c in c.children if c.dep_ == "pobj"]
        if not addressees and token.dep_ == "dobj":
            # "gave the junta an ultimatum to ...": the one it is given to.
            addressees = [c for c in token.head.children if c.dep_ == "dative"]
        if not addressees and any(m.dep_ == "mark" and m.lower_ == "that" for m in content.children):
            # "its demand that Venezuela refrain from ...": the one who must act.
            addressees = [c for c in content.children if c.dep_ == "nsubj"]
        if not addressees and any(m.dep_ == "mark" and m.lower_ == "for" for m in content.children):
            # "set a deadline for Hamas to release ...": the one who must act.
            addressees = [c for c in content.children if c.dep_ == "nsubj"]
        end = content.right_edge.i + 1
        if further:
            end = min(end, _before(further[0].act))
        item = Found("nominal", token, start, end, party_token=owner,
                     addressees=addressees, context=content, needs_statement=owner is None)
        for other in further:
            other.party_token, other.needs_statement = owner, owner is None
        return [item] + further if further else item

    def _call_on_infinitive(self, noun: Token) -> tuple[Optional[Token], list[Found]]:
        """The infinitive of "its call on X to ..." when the parser hung it on the verb, and one
        demand for each further "and on Y to ..." joined to that verb."""
        head = noun.head
        that = next((c for c in head.children if c.dep_ == "ccomp" and c.i > noun.i
                     and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == noun.i + 1 for m in c.children)), None)
        if that is not None:
            return that, []  # "reiterates its demand that Venezuela refrain from ..."
        infinitives = [c for c in head.children if c.dep_ in ("xcomp", "advcl", "conj") and c.i > noun.i
                       and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
        on = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
        if on is None or not infinitives or infinitives[0].i < on.i or infinitives[0].dep_ == "conj":
            return None, []
        further = []
        for verb in infinitives[1:]:
            # "..., and on the M23 to withdraw": the "on" may hang on the verb or on the second infinitive.
            prep = next((c for c in list(head.children) + list(verb.children) if c.lower_ in ("on", "upon")
                         and infinitives[0].i < c.i < verb.i and any(g.dep_ == "pobj" for g in c.children)), None)
            if prep is None:
                continue
            who = [c for c in prep.children if c.dep_ == "pobj"]
            further.append(Found("nominal", prep, prep.i, verb.right_edge.i + 1, addressees=who, context=verb))
        return infinitives[0], further

    def _obligation(self, token: Token) -> Optional[Found]:
        lex = self.lex
        if token.dep_ == "aux" and token.lower_ in lex.obligation_modals:
            head = token.head
            marker = token
        elif (token.lemma_.lower() in lex.obligation_verbs and token.pos_ in ("VERB", "AUX") and token.dep_ != "aux") \
                or self._obliged(token):
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
        if head.pos_ in ("PUNCT", "SPACE") or head.lemma_.lower() in lex.speech_after_modal:
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
            return self._inverted_condition(token, head, subject)
        # "it needs to cool reactor fuel": what a thing requires, not what someone demands.
        if marker.dep_ != "aux" and subject is not None and subject.lower_ in lex.epistemic_subjects:
            return None
        if marker.dep_ != "aux" and not any(a.dep_ == "auxpass" for a in auxes) and not self._obliged(marker) \
                and self._forecast(marker, subject):
            return None
        start, end = _clause_range(clause, self._own_clause)
        return Found("obligation", marker, start, end, subject=subject, patient=_patient(head), context=clause)

    def _inverted_condition(self, modal: Token, clause: Token, subject: Token) -> Optional[Found]:
        """"The EU will not hesitate to use ... should Venezuela escalate further", "would respond
        should Hezbollah fire again": a condition on the subject of the inverted clause, kept
        when the clause it conditions commits (the parser may make either clause the root).
        A sentence that opens with the modal is a question, not a condition."""
        sent = modal.sent
        if modal.lower_ not in self.lex.inverted_condition_modals or modal.i == sent.start or sent[-1].text == "?":
            return None
        if clause.dep_ == "advcl":
            main = clause.head
        else:
            main = next((c for c in clause.children if c.dep_ in ("ccomp", "parataxis") and c.i < modal.i), None)
        if main is None or main.pos_ not in ("VERB", "AUX") or not (_committal(main) or self._threat(main)):
            return None
        return Found("condition", modal, min(main.left_edge.i, modal.i), clause.right_edge.i + 1,
                     party_token=_subject(main), subject=subject, patient=_patient(clause), context=main,
                     label_start=modal.i)

    def _onus(self, token: Token) -> Optional[Found]:
        """"The onus is on Moscow to show ...", "it is up to Hamas to accept the deal": the
        one named after "on"/"up to" must act. Kept only in a statement, like a modal."""
        lex = self.lex
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
        start, end = _clause_range(verb, self._own_clause)
        return Found("obligation", token, start, end, subject=who, addressees=[who], patient=_patient(act),
                     context=act, label_start=act.i)

    def _not_prepared(self, token: Token) -> Optional[Found]:
        """"Moscow was not prepared to freeze the conflict", "is not willing to ...": a refusal
        stated as unreadiness. Kept only in a statement, like "will not"."""
        lex = self.lex
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
        start, end = _clause_range(verb, self._own_clause)
        return Found("commitment", token, start, end, stance="refusal", subject=subject,
                     patient=_patient(act), context=act)

    def _obliged(self, token: Token) -> bool:
        """"Kyiv was obliged to recognise ...", "is required to declare ...": a passive
        participle that lays an obligation on its subject."""
        return token.tag_ == "VBN" and token.lemma_.lower() in self.lex.obligation_participles \
            and any(c.dep_ == "auxpass" for c in token.children)

    def _necessity(self, token: Token) -> Optional[Found]:
        """"It is essential that Rwanda withdraws ...", "it was vital for Russia to return ...":
        an adjective of necessity after an expletive "it" states an obligation on the subject of
        its clause. Kept only inside a statement, like a modal."""
        if token.lower_ not in self.lex.necessity_words or token.dep_ != "acomp":
            return None
        verb = token.head
        subject = _subject(verb)
        if verb.lemma_.lower() not in self.lex.copula_verbs or subject is None or subject.lower_ != "it":
            return None
        clause = next((c for c in list(verb.children) + list(token.children) if c.i > token.i and c.dep_ in ("ccomp", "xcomp", "advcl")
                       and any(m.lower_ in ("that", "for") and m.dep_ == "mark" for m in c.children)), None)
        if clause is None:
            return None
        if not any(m.lower_ == "for" for m in clause.children) and not _modal_or_subjunctive(clause) \
                and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            return None
        who = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        start, end = _clause_range(verb, self._own_clause)
        return Found("obligation", token, max(start, subject.i), end, subject=who,
                     addressees=[who] if who is not None else [], patient=_patient(clause), context=clause,
                     label_start=clause.left_edge.i)

    def _forecast(self, marker: Token, subject: Optional[Token]) -> bool:
        """"Kyiv would need to show flexibility", "both sides will have to compromise": a
        future "need/have to" with an actor as subject predicts; it demands nothing. With a
        thing as subject, or in the passive, it is a condition ("any deal would have to include
        ...", "the decree would have to be revoked")."""
        # "X will have to give up ...", in someone's statement, lays down what X must do;
        # "will need to" and "would have to" forecast.
        auxes = self.lex.forecast_auxes if marker.lemma_.lower() != "have" else self.lex.conditional_forecast_auxes
        if not any(c.dep_ == "aux" and c.lower_ in auxes for c in marker.children):
            return False
        return subject is not None and _actor_like(subject, self.lex)

    def _need(self, token: Token) -> Optional[Found]:
        if token.lemma_.lower() not in self.lex.need_verbs or token.pos_ != "VERB":
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
        own = subject is not None and subject.lower_ in self.lex.first_person
        # "WFP said it needed US$120 million to sustain operations": a sum or a count that a
        # body (a pronoun, in its own reported words) says it needs is its appeal.
        counted = subject is not None and subject.lower_ in ("it", "they") and _counted(obj)
        if not own and not counted and self.lex.issue_of(_text(obj) + " " + (_text(subject) if subject is not None else "")) is None:
            return None
        if counted:
            return Found("need", token, subject.i, token.right_edge.i + 1 if token.right_edge.i < obj.right_edge.i + 12
                         else obj.right_edge.i + 1, subject=subject, context=obj)
        start = subject.left_edge.i if own and subject.i < token.i else token.i
        return Found("need", token, start, obj.right_edge.i + 1, subject=subject, context=obj)

    def _demand_verb(self, token: Token) -> Optional[Found]:
        lemma = token.lemma_.lower()
        spec = self.lex.demand_verbs.get(lemma)
        if spec is None or token.pos_ != "VERB":
            return None
        children = list(token.children)
        # "was asked by reporters for his reaction": the subject is asked, not asking;
        # "push up prices": a phrasal verb, not a demand (but "called on all parties", its "on"
        # read as a particle with an object, is the addressee's preposition).
        passive_party = None
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
            # "Israel was urged by the European Union to halt ...": the agent demands of the
            # passive subject; with no agent ("was asked by reporters for ...") it is left out.
            passive_party = self._passive_demand(token)
            if passive_party is None:
                return None
            agent, addressee, infinitive = passive_party
            return Found("verb", token, addressee.left_edge.i, infinitive.right_edge.i + 1, party_token=agent,
                         addressees=[addressee], subject=addressee, context=infinitive)
        if any(c.dep_ == "prt" and not _particle_with_object(c, spec) and c.lower_ not in spec["particle"]
               for c in children):
            return None
        if spec["particle"] and not any(c.dep_ == "prt" and c.lower_ in spec["particle"] for c in children):
            return None  # "held talks for hours": "hold" demands only in "hold out for"
        speaker = _subject(token)
        if _negated(token) and (token.dep_ == "conj" or (speaker is not None and speaker.lower_ in self.lex.first_person)):
            # "we are not asking for favours" disclaims; "cannot impose ... and ask for access"
            # rebukes. (A third party's "did not call for" stays: a negated act.)
            return None
        if lemma in self.lex.legal_object_verbs and not any(c.dep_ == "prep" and c.i == token.i + 1 for c in children):
            return None  # "appealed the ruling to the Appellate Body": a court appeal ("appealed for", "to" follow at once)
        subject = _subject(token)
        if subject is not None and subject.lemma_.lower() in self.lex.legal_subjects:
            return None  # "the constitution requires the president to be elected ...": a rule
        addressees: list[Token] = []
        content: Optional[Token] = None
        for child in children:
            if child.dep_ in ("prep", "prt") and child.lower_ in spec["addressee"]:
                # "called on Sunday for ...": a day is not an addressee.
                addressees += [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in TIME_ENTITIES]
            elif child.dep_ == "prep" and child.lower_ in spec["object"]:
                what = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if what is not None and what.ent_type_ in TIME_ENTITIES \
                        and not any(c.dep_ in ("relcl", "acl") for c in what.children):
                    continue  # "called an emergency meeting for Thursday": a date, not a thing demanded
                    # (but "lobbied Berlin for months to block ...": the parser's infinitive)
                content = content or what
        infinitive = next((c for c in children if c.dep_ in ("xcomp", "advcl")
                           and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
        dobj = next((c for c in children if c.dep_ == "dobj"), None)
        ccomp = next((c for c in children if c.dep_ == "ccomp"), None)
        if infinitive is not None and not addressees and dobj is None \
                and any(c.dep_ == "mark" and c.lower_ == "for" for c in infinitive.children):
            # "called for the Council to address ...": the infinitive's subject is addressed.
            addressees = [c for c in infinitive.children if c.dep_ in SUBJECT_DEPS]  # also "for X to be held ..."
        if infinitive is not None and dobj is None and not addressees:
            # "ASEAN presses junta to end ...": a bare noun the parser hung on the verb is the addressee.
            dobj = next((c for c in children if c.dep_ in ("advmod", "npadvmod") and c.pos_ in ("PROPN", "NOUN", "ADJ")
                         and not c.lower_.endswith("ly")
                         and token.i < c.i < infinitive.i), None)
        if infinitive is not None and (dobj is not None or addressees):
            # "urged Israel to allow ...", "called on Hamas to release ...": ignore a "to" clause
            # of purpose after "called for X to end ..." (it has no addressee before it).
            if dobj is not None and not addressees:
                if lemma in self.lex.object_not_addressee_verbs:
                    return None  # "called Putin on Tuesday to discuss the war": a telephone call
                addressees = [dobj]
            content = infinitive
        elif content is None and ccomp is not None and lemma in self.lex.subjunctive_demand_verbs \
                and _modal_or_subjunctive(ccomp):
            content = ccomp  # "requested that the IAEA withdraw its report"
        elif content is None and ccomp is not None and lemma not in self.lex.weak_demand_verbs and lemma != "call":
            if lemma in self.lex.assertive_demand_verbs and not _modal_or_subjunctive(ccomp):
                return None  # "insists that Russia is not interfering": a claim
            content = ccomp
        elif content is None and dobj is not None and lemma not in self.lex.weak_demand_verbs and lemma != "call":
            content = dobj
        if content is None or (content.pos_ == "PRON" and not list(content.children)):
            return None  # "we didn't ask for this": no demand in a bare pronoun
        if content.ent_type_ == "MONEY" or any(t.tag_ == "$" for t in content.children):
            return None  # "appealed for $4bn": a funding appeal
        if lemma in self.lex.object_needs_addressee_verbs and content.dep_ in ("pobj", "pcomp") and dobj is None:
            return None  # "warned against what he called ...": a warning with no one to heed it
        if lemma in self.lex.object_needs_addressee_verbs and content.dep_ in ("pobj", "pcomp") and not addressees:
            addressees = [dobj]  # "warned Washington against sending ...": Washington is warned
        if not addressees and content is dobj:
            # "demanded an apology from Belgium": the addressee hangs on the thing demanded.
            addressees = [g for c in content.children if c.dep_ == "prep" and c.lower_ in spec["addressee"]
                          for g in c.children if g.dep_ == "pobj"]
        first = min([content.left_edge.i] + [a.left_edge.i for a in addressees])
        end = content.right_edge.i + 1
        party_token = _reporting_subject(token, self.lex) or _subject(token) or _participle_owner(token) or _lost_subject(token)
        further: list[Found] = []
        for child in content.children:  # a further clause of its own ("... and called on Hamas")
            if child.dep_ == "conj" and child.i > content.i and self._own_clause(child):
                end = min(end, _before(child))
            elif child.dep_ in ("conj", "prep") and child.i > content.i and child.lower_ in spec["addressee"] \
                    and infinitive is content:
                # "called on Rwanda to withdraw ... and on the M23 to halt ...": two demands.
                end = min(end, _before(child))
                who = [c for c in child.children if c.dep_ == "pobj"]
                verb = next((c for c in content.children if c.i > child.i and c.pos_ in ("VERB", "AUX")
                             and any(a.lower_ == "to" for a in c.children)), None)
                last = max([child.right_edge.i] + ([verb.right_edge.i] if verb is not None else []))
                further.append(Found("verb", token, child.i, last + 1, party_token=party_token, addressees=who,
                                     subject=None, context=verb or child))
            elif child.dep_ == "conj" and child.i > content.i and child.pos_ == "VERB" and infinitive is content \
                    and any(a.lower_ == "to" and a.dep_ == "aux" for a in child.children) \
                    and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
                # "calling on Russia to withdraw ... and to return the plant ...": one condition each.
                end = min(end, _before(child))
                further.append(Found("verb", token, child.left_edge.i, child.right_edge.i + 1, party_token=party_token,
                                     addressees=addressees, context=child))
        if infinitive is content:
            # "calls on Serbia to cooperate ..., and to hand over ...": the parser may join the
            # second infinitive to the demand verb itself; it is a second condition.
            for child in children:
                if child.dep_ == "conj" and child.i > content.i and child.pos_ in ("VERB", "AUX") \
                        and any(a.lower_ == "to" and a.dep_ == "aux" for a in child.children) \
                        and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
                    end = min(end, _before(child))
                    further.append(Found("verb", token, child.left_edge.i, child.right_edge.i + 1,
                                         party_token=party_token, addressees=addressees, context=child))
        if content.dep_ in ("pobj", "pcomp"):
            # "called for a truce and for the release of ...": a second "for" is a second demand
            # (the parser may hang it on a preposition inside the first: "halt to the fighting
            # ... and for the withdrawal").
            inner = [t for t in content.subtree if t.dep_ == "conj" and t.pos_ == "ADP"]
            for other in dict.fromkeys(list(content.head.children) + inner):
                if other.dep_ == "conj" and other.lower_ in spec["object"]:
                    what = next((c for c in other.children if c.dep_ in ("pobj", "pcomp")), None)
                    if what is not None:
                        end = min(end, _before(other))
                        further.append(Found("verb", token, what.left_edge.i, what.right_edge.i + 1,
                                             party_token=party_token, addressees=addressees, context=what))
        if content.pos_ == "NOUN" and content.dep_ in ("dobj", "pobj") and not further:
            # "demands the lifting of sanctions and the release of frozen assets": two things,
            # each with its own article, are two conditions.
            parts = _noun_conjuncts(token.doc, content.left_edge.i, end)
            if len(parts) > 1:
                return [Found("verb", token, a, b, party_token=party_token, addressees=addressees,
                              context=token.doc[a:b].root) for a, b in parts]
        item = Found("verb", token, first, end, party_token=party_token, addressees=addressees,
                     subject=_subject(content) if content.pos_ in ("VERB", "AUX") else None, context=content)
        return [item] + further if further else item

    def _passive_demand(self, verb: Token) -> Optional[tuple[Token, Token, Token]]:
        """(agent, addressee, infinitive) of a passive demand verb with a named agent and a "to"
        infinitive: "Israel was urged by the European Union to halt ..."."""
        agent = next((g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
        addressee = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        infinitive = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl")
                           and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
        if agent is None or addressee is None or infinitive is None or not _actor_like(agent, self.lex):
            return None
        return agent, addressee, infinitive

    def _statement(self, token: Token) -> Optional[Found]:
        lex = self.lex
        if token.lemma_.lower() not in lex.condition_nouns or token.pos_ != "NOUN":
            return None
        verb = token.head
        if token.dep_ not in ("nsubjpass", "dobj") or verb.lemma_.lower() not in lex.statement_verbs:
            return None
        particle = next((c for c in verb.children if c.dep_ == "prt"), None)
        end = token.right_edge.i + 1
        if verb.lemma_.lower() in ("set", "lay", "spell", "put") and (particle is None or particle.lower_ not in lex.statement_particles):
            # "set terms for halting ...": a plural object with a "for" of the verb is the same act.
            purpose = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > token.i), None)
            # "set conditions including the recognition of ...": the list is the condition.
            listing = next((c for c in token.children if c.dep_ in ("prep", "acl") and c.lower_ in self.lex.listing_preps), None)
            if verb.lemma_.lower() == "set" and token.tag_ == "NNS" and listing is not None:
                purpose = listing
            if not (verb.lemma_.lower() == "set" and token.tag_ == "NNS" and purpose is not None):
                return None
            end = purpose.right_edge.i + 1
        # "their conditions" alone says nothing: keep "conditions for ..." or a named issue.
        if end == token.right_edge.i + 1 and not any(c.dep_ == "prep" for c in token.children) \
                and lex.issue_of(_text(token)) is None:
            return None
        agent = next((g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
        party = agent if token.dep_ == "nsubjpass" else _subject(verb)
        return Found("statement", verb, token.left_edge.i, max(end, token.right_edge.i + 1), party_token=party, context=token)

    def _refusal(self, token: Token) -> Optional[Found]:
        if token.lemma_.lower() not in self.lex.refusal_verbs or token.pos_ != "VERB":
            return None
        content = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if content is not None and content.lemma_.lower() in self.lex.refusal_exclude:
            return None
        content = content or next((c for c in token.children if c.dep_ == "dobj"), None)
        if content is None:
            return None
        return Found("refusal", token, token.i, content.right_edge.i + 1, stance="refusal",
                     party_token=_subject(token), context=content)

    def _rejection(self, token: Token) -> Optional[Found]:
        lemma = token.lemma_.lower()
        phrasal = self.lex.rejection_phrasal.get(lemma)
        if token.pos_ != "VERB":
            return None
        if lemma not in self.lex.rejection_verbs:
            if phrasal is None or not any(c.dep_ == "prt" and c.lower_ == phrasal for c in token.children):
                return None
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is None:
            # "ruled out holding talks": the gerund's object is what is rejected.
            gerund = next((c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
            obj = next((c for c in gerund.children if c.dep_ == "dobj"), None) if gerund is not None else None
            if obj is None:
                return None
        if obj.lemma_.lower() in self.lex.rejected_claims:
            return None  # "rejected accusations that ...": a denial, not a refusal of a demand
        # "opposes any unilateral attempt to change the status quo": "any" makes the object a
        # class of acts refused in advance, whatever its noun.
        refused_in_advance = any(c.dep_ == "det" and c.lower_ == "any" for c in obj.children)
        if obj.lemma_.lower() not in self.lex.rejected_things and self.lex.issue_of(_text(obj)) is None \
                and not refused_in_advance:
            return None
        owner = _owner(obj)
        end = obj.right_edge.i + 1
        # "rebuffed calls to condemn the invasion": the parser hangs the call's infinitive on the verb.
        follow = next((c for c in token.children if c.dep_ == "xcomp" and c.left_edge.i == end
                       and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
        if follow is not None and obj.lemma_.lower() in self.lex.rejected_things:
            end = follow.right_edge.i + 1
        reason = self._rejection_reason(token, obj)
        if reason is not None:
            end = reason.right_edge.i + 1
        return Found("rejection", token, token.i, end, stance="rejection",
                     party_token=_subject(token), addressees=[owner] if owner is not None else [], context=obj)

    def _rejection_reason(self, verb: Token, obj: Token) -> Optional[Token]:
        """"rejected the idea, saying any restart would be illegal": when the rejected thing is
        named only by a bare noun ("the idea", "the proposal"), the participle of saying after
        it carries what is rejected and why, so the rejection runs to its end."""
        if obj.lemma_.lower() not in self.lex.rejected_things:
            return None
        if any(c.dep_ in ("prep", "acl", "relcl", "amod", "compound", "poss", "nmod") for c in obj.children):
            return None  # "rejected the American proposal for talks": the thing is named
        return next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > obj.i and c.tag_ == "VBG"
                     and c.lemma_.lower() in self.lex.reporting_verbs), None)

    def _conditions(self, sent: Span) -> list[Found]:
        found = []
        text = sent.text.lower()
        taken: list[int] = []
        for marker in self.lex.condition_markers:
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
                    kept = self._continue_until(mark)
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
                main = self._marker_head(main)
                if mark.dep_ == "advmod" and not _committal(main):
                    continue  # "had learned of it only when the president announced it": a time
                if " " in marker and main is not None and main.pos_ in ("NOUN", "PROPN") and clause.dep_ in ("acl", "relcl"):
                    # "would accept the plan provided that Kosovo ...": a two-word marker cannot
                    # qualify a noun; the parser hung the clause on the verb's object.
                    main = _verb_above(main)
                if main is None or main.pos_ not in ("VERB", "AUX", "ADJ"):
                    continue
                weak = marker in self.lex.weak_condition_markers
                refusing = marker in self.lex.refusal_condition_markers
                if refusing and not _refusing_clause(main):
                    continue  # "read the report while travelling": time or contrast, no condition
                if weak and (not self._threat_or_pledge(main) or (mark.i > 0 and mark.doc[mark.i - 1].lower_ == "even")):
                    continue  # "even if it takes a hundred years": concessive, not a condition
                if weak and self._ready(main) and not self._threat(main) and _subject(clause) is None:
                    continue  # "ready if needed": no one is asked to do anything
                if weak and main.lemma_.lower() in self.lex.commitment_exclude and not self._ready(main) \
                        and main.lemma_.lower() not in self.lex.retaliation_verbs:
                    continue  # "if they say no, we will know ...": no stand is taken
                if main.lemma_.lower() in self.lex.obligation_verbs and self._forecast(main, _subject(main)):
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
                                   needs_statement=(weak and not self._threat(main)) or refusing,
                                   label_start=mark.i + 1))
        return found

    def _bare_proviso(self, mark: Token) -> Optional[Found]:
        """"ready to send troops to Haiti provided the UN funded the mission": "provided" with no
        "that" as a condition marker. It must head a clause with its own subject and have no
        subject, object or auxiliary of its own ("the UN provided aid", "was provided")."""
        if mark.lower_ not in self.lex.bare_proviso_words or mark.i == 0:
            return None
        if any(c.dep_ in SUBJECT_DEPS + ("dobj", "aux", "auxpass", "dative") for c in mark.children):
            return None
        if mark.doc[mark.i - 1].lower_ in self.lex.condition_nouns or mark.nbor(1).lower_ == "that":
            return None  # "provided that" is read by the marker list
        clause = self._clause_after(mark)
        main = self._proviso_main(mark)
        if clause is None or main is None or not (_committal(main) or self._ready(main) or self._threat(main)):
            return None
        return Found("condition", mark, _main_clause_start(main, mark), clause.right_edge.i + 1,
                     party_token=_subject(main), subject=_subject(clause), patient=_patient(clause), context=main,
                     label_start=mark.i + 1)

    @staticmethod
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

    @staticmethod
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

    def _cannot_keep(self, modal: Token) -> Optional[Found]:
        """"The world cannot keep looking away", "Europe cannot go on paying for ...": "can not"
        + a verb of continuing + a gerund says the thing must stop. Kept only in a statement."""
        lex = self.lex
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
        start, end = _clause_range(verb, self._own_clause)
        return Found("obligation", modal, start, end, subject=subject,
                     addressees=[subject] if subject is not None else [], context=doing, needs_statement=True)

    def _cannot_afford(self, modal: Token) -> Optional[Found]:
        """"Our region cannot afford a wall between brothers", "we cannot afford another war":
        one more of something that must not happen. Kept only in a statement."""
        lex = self.lex
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
        start, end = _clause_range(verb, self._own_clause)
        return Found("obligation", modal, start, end, subject=_subject(verb), patient=thing, context=thing,
                     needs_statement=True)

    def _deadline_for(self, noun: Token) -> Optional[Found]:
        """"set a deadline of Friday for Hamas to respond", "gave them a deadline for them to leave":
        a time limit for someone to act is a demand on them by whoever set it. The parser hangs
        "for X to ..." on the noun or on the verb that has the noun as object."""
        if noun.lemma_.lower() not in self.lex.deadline_nouns or noun.pos_ != "NOUN":
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

    def _only_then(self, mark: Token) -> Optional[Found]:
        """"Talks could only begin after Ukraine recognised the new borders", "would only sign
        when ...": "only" on the main verb makes its time or "if" clause a condition."""
        lex = self.lex
        if mark.dep_ != "mark" or mark.lower_ not in lex.only_markers or mark.head.dep_ != "advcl":
            return None
        clause, main = mark.head, mark.head.head
        if main.pos_ not in ("VERB", "AUX") or not _committal(main) \
                or not any(c.dep_ == "advmod" and c.lower_ in lex.restriction_words and c.i < mark.i for c in main.children):
            return None
        return Found("condition", mark, _main_clause_start(main, mark), clause.right_edge.i + 1,
                     party_token=_subject(main), subject=_subject(clause), patient=_patient(clause), context=main,
                     needs_statement=True, label_start=mark.i + 1)

    def _continue_until(self, mark: Token) -> Optional[Found]:
        """"Our operations will continue until the aggression against Gaza stops" (read with
        the condition as a noun phrase), "will keep fighting until victory": going on with
        something until a state of affairs ends is a refusal to stop before it does. A
        continuation verb with "will/would" and "until" + a noun phrase that is not a date.
        Kept only in a statement."""
        if mark.lower_ not in self.lex.continuation_markers or mark.dep_ != "prep":
            return None
        main = mark.head
        while main.dep_ == "xcomp" and main.head.pos_ in ("VERB", "AUX"):
            main = main.head  # "will keep fighting until": from "keep"
        if main.pos_ not in ("VERB", "AUX") or _lemma_in(main, self.lex.continuation_verbs) is None:
            return None
        if not any(c.dep_ == "aux" and c.lower_ in self.lex.forecast_auxes for c in main.children):
            return None
        pobj = next((c for c in mark.children if c.dep_ == "pobj"), None)
        if pobj is None or any(t.ent_type_ in TIME_ENTITIES for t in pobj.subtree):
            return None  # "will continue until Sunday"
        return Found("condition", mark, _main_clause_start(main, mark), mark.right_edge.i + 1,
                     party_token=_subject(main), patient=pobj, context=main, needs_statement=True,
                     label_start=mark.i + 1)

    def _marker_head(self, main: Optional[Token]) -> Optional[Token]:
        """The clause a condition hangs on when the parser hung it on the marker's own words:
        "long" in "as long as", "condition" in "on condition that"."""
        if main is None:
            return None
        if main.lower_ in self.lex.marker_adverbs and main.dep_ in ("advmod", "amod"):
            # "would leave as soon as ..." sets a condition; "planned to travel as soon as
            # conditions allowed" only tells when. The parser may hang "soon" on the verb's
            # object ("would halt attacks on shipping as soon as ..."): the verb above it.
            verb = _verb_above(main.head)
            return verb if _committal(verb) or (verb is not None and self._ready(verb)) else None
        if main.lemma_.lower() in self.lex.condition_nouns and main.dep_ == "pobj" and main.head.dep_ == "prep":
            # "would reopen the talks on condition that ...", "will return to the talks on
            # condition that ...": the parser may hang it on the object; the verb above it.
            main = _verb_above(main.head.head) or main.head.head
        return main

    def _threat(self, main: Token) -> bool:
        """The clause is the infinitive of a threat or pledge ("threatened to quit ...")."""
        verb = main
        for _ in range(3):
            if verb.lemma_.lower() in self.lex.threat_verbs:
                return True
            if verb.dep_ != "xcomp" or verb.head is verb:
                return False
            verb = verb.head
        return False

    def _ready(self, main: Token) -> bool:
        """"Tehran was ready to resume talks if ...": an offer on a condition (the clause is
        "be" with an adjective of readiness, or that adjective's infinitive)."""
        words = self.lex.readiness_words
        if main.lower_ in words or any(c.dep_ == "acomp" and c.lower_ in words for c in main.children):
            return True
        return main.dep_ == "xcomp" and main.head.lower_ in words

    def _threat_or_pledge(self, main: Token) -> bool:
        """The clause a bare "if" hangs on is a threat or a pledge: after "threaten/vow to" or
        with "will/would" ("would march on Kinshasa if ...")."""
        if self._threat(main) or self._ready(main):
            return True
        if main.tag_ == "MD" and main.lower_ in self.lex.forecast_auxes:
            return True  # "If the state does not disarm Hezbollah, we will": the verb left out
        subject = _subject(main)
        # "it would be a disaster if ...": a judgement; "it would strike Haifa if ...": a threat.
        if subject is not None and subject.lower_ in self.lex.epistemic_subjects \
                and (subject.lower_ != "it" or main.lemma_.lower() in self.lex.epistemic_verbs):
            return False
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in main.children):
            return True
        # "warned that Washington could take measures if ...", "signalled that it could resume
        # funding if ...": what an actor could do, reported from its own side, is a threat or an
        # offer ("the deal could collapse if ..." has a thing as subject).
        return any(c.dep_ == "aux" and c.lower_ in self.lex.conditional_offer_auxes for c in main.children) \
            and main.dep_ == "ccomp" and subject is not None and (subject.lower_ == "it" or _actor_like(subject, self.lex)) \
            and _lemma_in(main.head, self.lex.offer_reporting_verbs) is not None

    def _own_clause(self, token: Token) -> bool:
        """A conjoined clause with its own subject is a separate demand; so is a finite verb
        joined to a bare one ("would never recognise ..., and repeated Kyiv's demand ...": a
        modal's conjuncts are bare too, so a past or present tense has left its scope)."""
        if token.pos_ not in ("VERB", "AUX"):
            return False
        if any(c.dep_ in SUBJECT_DEPS for c in token.children):
            return True
        return token.dep_ == "conj" and token.tag_ in ("VBD", "VBZ") and token.head.tag_ == "VB"

    def _merge(self, found: list[Found]) -> list[Found]:
        """Join a conjoined obligation with no named subject to the one before it in the same
        sentence ("There should be an immediate ceasefire and negotiations should begin")."""
        merged: list[Found] = []
        for item in found:
            prev = merged[-1] if merged else None
            if (prev is not None and prev.form == item.form and item.form in ("obligation", "need")
                    and prev.act.sent == item.act.sent and prev.act.i != item.act.i  # not one modal split in two
                    and item.start - prev.end <= 2 and not _names_actor_like(item.subject)):
                prev.end = max(prev.end, item.end)
                continue
            merged.append(item)
        return merged

    # -- resolving ----------------------------------------------------------------
    def extract(self, doc: Doc, resolved: ResolvedActors, quotes: Sequence[Quote] = (),
                published: Optional[dt.date] = None, dates: Sequence[DateRef] = ()) -> list[Demand]:
        """The demands of the Doc as records, in text order.

        Args:
            doc: a parsed Doc.
            resolved: the article's actors (``doc._.actors``).
            quotes: the article's statements (``doc._.quotes``), whose speakers own the demands inside them.
            published: the publication date (for historical modality).
            dates: the article's date expressions (``doc._.dates``).
        """
        return self.set_records(doc, self.match(doc), resolved, quotes, published, dates)

    def set_records(self, doc: Doc, found: list[Found], resolved: ResolvedActors, quotes: Sequence[Quote],
                    published: Optional[dt.date], dates: Sequence[DateRef]) -> list[Demand]:
        actor_at = _mention_index(resolved)
        demands: list[Demand] = []
        last_addressee: dict[str, object] = {}
        counterparts = _country_counts(resolved)
        for item in found:
            quote = _quote_at(quotes, item.act)
            if quote is None and item.form in STATEMENT_FORMS:
                # "The US must 'stop arming Taiwan', he said": the modal stands outside the quote
                # marks but the words demanded are the speaker's.
                quote = _quote_over(quotes, doc[item.start:item.end])
            party_tok = _named_by_appositive(_doer_of_participle(_resolve_relative(item.party_token)), actor_at, resolved)
            party = _actor_of(party_tok, actor_at)
            if party_tok is not None and party_tok.lower_ in self.lex.first_person and quote is not None:
                party = None  # "we urge ...": the speaker
            if party is None and item.form == "verb" and party_tok is not None and party_tok.pos_ == "NOUN" \
                    and item.party_token is not None and item.party_token.head == item.act \
                    and party_tok.lemma_.lower() not in self.lex.document_nouns \
                    and (_cued_by(quote, item.act) or _quote_cued_by(quotes, item.act) is not None):
                # "African leaders meeting in Tanzania have called for ...": the verb's own
                # subject, as written, over a speaker the quote finder guessed for this very verb.
                party = _unnamed_subject(party_tok, resolved, actor_at, self.lex)
            if party is None and item.form == "verb" and self._own_noun_subject(item, party_tok, quote):
                # "Haddad said the government had seized on ... to press UN agencies to ...": a
                # demand verb with its own noun subject inside someone else's statement is that
                # subject's demand; the speaker only reports it.
                party = _unnamed_subject(party_tok, resolved, actor_at, self.lex)
            if party is not None and party_tok is not None and party_tok.i not in actor_at and quote is not None \
                    and not quote.speaker.actor_id and quote.speaker.span is not None \
                    and quote.speaker.span[0] == party_tok.idx and party_tok.pos_ == "NOUN":
                # "Japan's embassy in Manila says it ... and opposes ...": the body the speaker's
                # words name, not the country only its modifier names.
                party = _unnamed_speaker(doc, quote, resolved, actor_at) or party
            voice = quote or _quote_cued_by(quotes, item.act)
            if party is not None and voice is not None and _speaks_for_country(voice.speaker.actor_id, party, resolved):
                # "The State Department said Washington called on Pyongyang to ...": the state named
                # inside its own organ's (or official's) statement is the one who voiced it.
                party = voice.speaker.actor_id
            if party is not None and party_tok is not None and self._nationality_only(party_tok, actor_at, resolved):
                # "German carmakers have lobbied ...": a group of the country, not the state.
                party = _unnamed_subject(party_tok, resolved, actor_at, self.lex) or party
            if item.form in SPEAKER_FORMS or party is None:
                if quote is not None and quote.speaker.actor_id:
                    # Inside a statement the speaker owns the obligation; a refusal or rejection
                    # keeps its own subject ("it was Ukraine that refused").
                    party = quote.speaker.actor_id
                elif party is None:
                    cue_quote = _quote_cued_by(quotes, item.act)
                    party = cue_quote.speaker.actor_id if cue_quote is not None else None
            reporter = None
            if quote is None or not quote.speaker.actor_id:
                # Reported speech the quote finder missed or could not attribute: the named
                # subject of the verb of saying it depends on ("Campbell told a forum that ...").
                reporter = self._reporter(item.act, actor_at, resolved) or _headline_speaker(item.act, actor_at)
                if reporter is not None and (party is None or item.form in SPEAKER_FORMS):
                    party = reporter
            if party is None and party_tok is not None:
                party = self._pronoun_party(doc, party_tok, quotes, resolved, actor_at)
            if party is None and party_tok is not None:
                # "The statement called on ...", "a resolution that would ask ...": its author.
                party = self._document_author(party_tok, quotes, resolved, actor_at)
            if party is None and quote is not None and not quote.speaker.actor_id:
                # A statement whose speaker is named by no known actor ("Rights groups said ...",
                # "a ministry spokesperson"): the speaker as the text names them; a document
                # ("a resolution that would ask ...") is its author's when the text names one.
                root = _speaker_root(doc, quote)
                if root is not None:
                    party = self._document_author(root, quotes, resolved, actor_at)
                party = party or _unnamed_speaker(doc, quote, resolved, actor_at)
            if party is None and item.form == "verb" and (item.act.lemma_.lower() not in self.lex.weak_demand_verbs
                                                          or (item.addressees and item.act.lemma_.lower()
                                                              not in self.lex.thing_subject_verbs)):
                # "Rights groups are demanding an investigation": the subject as written (a weak
                # verb only with an addressee and an infinitive: "ministers pressed X to ...").
                party = _unnamed_subject(party_tok, resolved, actor_at, self.lex)
            if party is None and item.form == "nominal" and party_tok is not None and party_tok.pos_ == "PROPN" \
                    and party_tok.dep_ in SUBJECT_DEPS:
                # "The Secretary-General reiterates his call on ...": a title no known actor names.
                party = _unnamed_subject(party_tok, resolved, actor_at, self.lex)
            if party is None and item.form in ("refusal", "rejection") and party_tok is not None \
                    and party_tok.lemma_.lower() in self.lex.collective_nouns:
                # "The junta in Niamey has rejected every call ...": the subject as written.
                party = _unnamed_subject(party_tok, resolved, actor_at, self.lex)
            if party is None:
                continue  # precision first: a demand nobody is known to make is left out
            if self._commentator(doc, quote, party, party_tok, resolved):
                continue  # an analyst's "must" or "should" is an opinion, not a demand
            if item.form in STATEMENT_FORMS and quote is None and reporter is None:
                continue  # the reporter's own "should", "will not", or a headline's imperative
            if item.form == "imperative" and (quote is None or quote.kind != "direct"):
                continue
            if item.needs_statement and quote is None and reporter is None:
                continue  # "the deal would collapse if ...": the reporter's hypothesis
            if item.form == "condition" and quote is None and not _committal(item.context) \
                    and not self._refusing(item.context) and not self._threat(item.context):
                continue  # "talks began only when ...": a narrative, not a condition
            party, voiced_by = self._voice(party, resolved)
            if voiced_by is None and quote is not None and quote.speaker.actor_id \
                    and quote.speaker.actor_id != party and _is_person(quote.speaker.actor_id, resolved) \
                    and not _is_person(party, resolved):
                # "Touray said the bloc demanded ...": the bloc's demand, voiced by Touray.
                voiced_by = quote.speaker.actor_id
            addressee = self._addressee(item, party, actor_at, resolved)
            if addressee is None and not (item.subject is not None and item.subject.lower_ in self.lex.first_person):
                issue_guess = self._issue(doc, item)
                addressee = last_addressee.get(party)
                if addressee is None and issue_guess in BILATERAL_ISSUES and item.stance == "demand":
                    addressee = _counterpart(party, resolved, counterparts)
            if addressee is not None:
                last_addressee[party] = addressee
            start, end = item.start, item.end
            if quote is not None:  # the words of the statement only, not "which Peskov said"
                q = doc.char_span(quote.span[0], quote.span[1], alignment_mode="expand")
                if q is not None:
                    start, end = max(start, q.start), min(end, q.end)
            start, end = _trim_range(doc, start, _hyphen_end(doc, end))
            if end <= start:
                continue
            span = doc[start:end]
            demands.append(Demand(
                party=party, addressee=addressee, text=span.text, span=(span.start_char, span.end_char),
                issue=self._issue(doc, item), modality=self._modality(item, dates, published, span),
                voiced_by=voiced_by, label=self.lex.label_of(_label_words(doc, item, start, end)) or None,
                stance=item.stance,
            ))
        return self._drop_heading_echoes(text_of(doc), _drop_restated(demands))

    def _drop_heading_echoes(self, text: str, demands: list[Demand]) -> list[Demand]:
        """A live-blog heading ("06:40 – Lai: 'We will not be intimidated'") restates words
        the entry below it reports in full: the heading's demand is dropped when a later demand
        of the same party, in the next lines, has all its content words."""
        kept = []
        for k, demand in enumerate(demands):
            words = self._content_words(demand.text)
            if words and self._heading_line(text, demand.span) and any(
                    later.party == demand.party and later.span[0] - demand.span[1] < self.lex.pronoun_window
                    and words <= self._content_words(later.text) for later in demands[k + 1:]):
                continue
            kept.append(demand)
        return kept

    def _content_words(self, words: str) -> frozenset[str]:
        stop = self.lex.label_stopwords | self.lex.first_person
        return frozenset(w for w in re.findall(r"[\w'-]+", words.lower()) if w not in stop)

    def _heading_line(self, text: str, span: tuple[int, int]) -> bool:
        """The span sits on a short line of its own (a heading, not a paragraph)."""
        start = text.rfind("\n", 0, span[0]) + 1
        end = text.find("\n", span[1])
        line = text[start:end if end >= 0 else len(text)]
        return len(line.split()) <= self.lex.headline_max_words

    def _commentator(self, doc: Doc, quote: Optional[Quote], party: str, party_tok: Optional[Token],
                     resolved: ResolvedActors) -> bool:
        """The demand's voice is a commentator's: the words naming the speaker (or the party)
        call them an analyst, an expert, a think tank's fellow ..."""
        words = [_speaker_words(doc, quote)] if quote is not None else []
        if party_tok is not None and party_tok.pos_ != "PRON":
            words.append(_described(party_tok))
        actor = resolved.actors.get(party)
        if actor is not None:
            words += [actor.name or "", actor.role or ""]
        text = " " + " ".join(words).lower() + " "
        return any(f" {w}" in text and (f" {w} " in text or f" {w}s " in text or f" {w}," in text or f" {w}." in text)
                   for w in self.lex.commentator_words)

    def _own_noun_subject(self, item: Found, party_tok: Optional[Token], quote: Optional[Quote]) -> bool:
        """The demand verb has a common-noun subject of its own, written inside a statement it
        does not cue: the subject, not the statement's speaker, made the demand."""
        if quote is None or party_tok is None or item.party_token is None or party_tok.pos_ != "NOUN":
            return False
        if item.party_token.head != item.act or _cued_by(quote, item.act):
            return False
        lemma = party_tok.lemma_.lower()
        if lemma in self.lex.document_nouns or lemma in self.lex.first_person:
            return False
        weak = item.act.lemma_.lower() in self.lex.weak_demand_verbs
        return not weak or (bool(item.addressees) and item.act.lemma_.lower() not in self.lex.thing_subject_verbs)

    def _pronoun_party(self, doc: Doc, pronoun: Token, quotes: Sequence[Quote], resolved: ResolvedActors,
                       actor_at: dict[int, str]) -> Optional[str]:
        """"He also ruled out elections": "he"/"she" is the person whose statement encloses it or
        who spoke last before it (the news convention that a pronoun subject continues the
        previous speaker); "it"/"they" is the body or group that did ("the office said it would
        respond ... and called on ..."). Speakers of the other kind are passed over, within
        ``pronoun_window`` characters."""
        kind = _pronoun_kind(pronoun.lower_)
        if kind is None:
            return None
        near = [q for q in quotes if q.span[0] <= pronoun.idx and pronoun.idx - q.span[0] <= self.lex.pronoun_window]
        for quote in sorted(near, key=lambda q: q.span[0], reverse=True):
            if not quote.speaker.actor_id:
                # "Students who have led the protests say ... they urged ...", "the president's
                # office said it would ... and called on ...": the speaker as written, when the
                # number agrees; otherwise the pronoun is someone else's.
                root = _speaker_root(doc, quote)
                plural = root is not None and root.tag_ in ("NNS", "NNPS")
                if kind == "group" and root is not None and root.pos_ in ("NOUN", "PROPN") \
                        and plural == (pronoun.lower_ in GROUP_PRONOUNS):
                    return _unnamed_speaker(doc, quote, resolved, actor_at)
                return None
            actor = resolved.actors.get(quote.speaker.actor_id)
            if actor is not None and _kind_fits(kind, pronoun.lower_, actor.type):
                return actor.id
        return None

    def _nationality_only(self, noun: Token, actor_at: dict[int, str], resolved: ResolvedActors) -> bool:
        """A common noun named only by a nationality adjective ("German carmakers", "French
        farmers' unions"), that is neither a state's body nor its people in office (lexicon
        ``collective_nouns`` and ``state_nouns``)."""
        if noun.pos_ != "NOUN" or noun.i in actor_at:
            return False
        if noun.lemma_.lower() in self.lex.collective_nouns or noun.lemma_.lower() in self.lex.state_nouns:
            return False
        named = [t for t in noun.doc[noun.left_edge.i:noun.i] if t.i in actor_at]
        if not named or not all(t.dep_ in ("amod", "compound", "poss", "case") and t.tag_ in ("JJ", "NNP", "NNPS", "POS")
                                for t in named):
            return False
        actor = resolved.actors.get(actor_at[named[0].i])
        return actor is not None and actor.type == "country" and all(t.tag_ == "JJ" for t in named)

    def _document_author(self, token: Token, quotes: Sequence[Quote], resolved: ResolvedActors,
                         actor_at: dict[int, str]) -> Optional[str]:
        """The body that issued or adopted a statement, resolution or communique named as the
        subject of a demand: its owner ("the G7's statement"), else the subject of the verb
        that issued such a document in this or the previous sentences ("NATO leaders ended
        their summit with a communique"), else the last body that spoke, else the last body
        named before it."""
        token = _resolve_relative(token)
        if token is None or token.lemma_.lower() not in self.lex.document_nouns:
            return None
        owner = _actor_of(_owner(token), actor_at) if token.dep_ not in SUBJECT_DEPS else None
        owner = owner or next((actor_at[c.i] for c in token.children if c.dep_ == "poss" and c.i in actor_at), None)
        if owner is not None:
            return owner
        own = sentence_of(token)
        sents = [s for s in sentences(token.doc) if s.start <= own.start][-self.lex.author_sentences:]
        for sent in reversed(sents):
            for noun in reversed([t for t in sent if t.i < token.i and t.lemma_.lower() in self.lex.document_nouns]):
                author = _actor_of(_owner(noun), actor_at)
                if author is not None and not _is_person(author, resolved):
                    return author
        spoke = [q for q in quotes if q.span[1] <= token.idx and q.speaker.actor_id
                 and token.idx - q.span[1] <= self.lex.pronoun_window
                 and not _is_person(q.speaker.actor_id, resolved)]
        if spoke:
            return max(spoke, key=lambda q: q.span[1]).speaker.actor_id
        start = sents[0].start if sents else token.sent.start
        bodies = [actor_at[i] for i in range(start, token.i) if i in actor_at
                  and getattr(resolved.actors.get(actor_at[i]), "type", None) in ("igo", "organisation")]
        return bodies[-1] if bodies else None

    def _reporter(self, act: Token, actor_at: dict, resolved: ResolvedActors) -> Optional[str]:
        """The actor named as subject of the verb of saying a clause depends on, if any."""
        tok = act.head if act.dep_ in ("aux", "mark", "auxpass") else act
        for _ in range(4):
            said_in = self._said_in_document(tok)
            if said_in is not None:
                tok = said_in
            elif tok.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or tok.head is tok:
                return None
            else:
                tok = tok.head
            if tok.lemma_.lower() in self.lex.reporting_verbs or self._made_clear(tok):
                subject = _resolve_relative(_subject(tok))
                if subject is None:
                    return None
                if subject.i in actor_at:
                    return actor_at[subject.i]
                named = _named_by_appositive(subject, actor_at, resolved)
                if named is not None and named.i in actor_at:
                    return actor_at[named.i]  # "chief negotiator Yalchin Rafiyev says ..."

                named = [actor_at[i] for i in range(subject.left_edge.i, subject.i) if i in actor_at]
                return named[-1] if named and subject.pos_ == "PROPN" else None
        return None

    def _said_in_document(self, clause: Token) -> Optional[Token]:
        """"says in a statement that the presidency is working ...": the small parser often
        hangs the reported clause on the document noun; the verb of saying is the one the
        document's "in" phrase belongs to."""
        noun = clause.head
        if clause.dep_ != "acl" or noun.lemma_.lower() not in self.lex.document_nouns or noun.dep_ != "pobj":
            return None
        prep = noun.head
        return prep.head if prep.dep_ == "prep" and prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX") else None

    def _made_clear(self, verb: Token) -> bool:
        """"made (it) clear that ...": "make" with an adjective of clarity is a verb of saying."""
        return verb.lemma_.lower() == "make" and any(c.lower_ in self.lex.clarity_words for c in verb.children)

    def _voice(self, party: str, resolved: ResolvedActors) -> tuple[str, Optional[str]]:
        """A spokesperson's demand is their state's (``RUS`` voiced by ``dmitry-peskov``)."""
        actor: Optional[Actor] = resolved.actors.get(party)
        if actor is None or actor.type != "person" or not actor.role or not actor.country:
            return party, None
        role = actor.role.lower()
        if actor.sector in self.lex.voice_sectors and any(w in role for w in self.lex.voice_role_words):
            return actor.country, party
        return party, None

    def _addressee(self, item: Found, party: str, actor_at: dict, resolved: ResolvedActors):
        ids: list[str] = []
        for tok in item.addressees:
            ids += _actors_of(_resolve_relative(tok), actor_at)
        if not ids and item.subject is not None:
            ids = _actors_of(_resolve_relative(item.subject), actor_at)
        if not ids:
            ids = _between(item, actor_at)
        if not ids and item.patient is not None:
            owner = _owner(item.patient)
            ids = _actors_of(owner, actor_at) if owner is not None else []
        if not ids and item.form == "condition" and item.context is not None:
            # "Hamas would pay a horrible price if ...": the one threatened is addressed.
            ids = _actors_of(_resolve_relative(_subject(item.context)), actor_at)
        if not ids and item.form == "verb":
            # "demanded that Israel halt settlement expansion", parsed as one noun phrase: the
            # name that opens the condition is who must act.
            doc = item.act.doc
            first = next((t for t in doc[item.start:item.end] if t.dep_ != "mark" and not t.is_punct), None)
            if first is not None and first.i in actor_at and first.i > item.act.i \
                    and (any(t.tag_ == "VB" for t in doc[first.i:min(item.end, first.i + 4)])
                         or (first.dep_ == "compound" and item.context is not None and first.head == item.context)):
                # ("that Pakistan act against ...", its verb tagged as a noun with the name as compound)
                ids = [actor_at[first.i]]
        party_country = _country(party, resolved)
        ids = [i for i in dict.fromkeys(ids) if i != party and not (
            _country(i, resolved) == party_country and party_country and i == party_country)]
        if not ids:
            return None
        return ids[0] if len(ids) == 1 else ids

    def _issue(self, doc: Doc, item: Found) -> Optional[str]:
        issue = self.lex.issue_of(doc[item.label_start if item.label_start is not None else item.start:item.end].text)
        if issue is None and item.label_start is not None:
            issue = self.lex.issue_of(doc[item.start:item.end].text)
        if issue is None and item.context is not None:
            issue = self.lex.issue_of(_text(item.context))
        if issue is None:
            issue = self.lex.issue_of(item.act.sent.text)
        return issue

    def _modality(self, item: Found, dates: Sequence[DateRef], published: Optional[dt.date], words: Span) -> str:
        act = item.act
        verb = act.head if act.dep_ in ("aux", "mark") else act
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
        if item.form in ("verb", "refusal", "rejection", "statement"):
            if any(a.dep_ == "neg" for a in auxes):
                return "negated"
            aux_words = {a.lower_ for a in auxes}
            if aux_words & self.lex.future_auxes or _going_to(verb):
                return "future"
            if aux_words & self.lex.hypothetical_auxes:
                return "hypothetical"
            if "had" in aux_words and verb.tag_ == "VBN":
                return "historical"
        if published is not None and _dated_before(act.sent, words, dates, published, self.lex.historical_days):
            return "historical"
        return "asserted"


# -- helpers over the parse ---------------------------------------------------------
def _counted(obj: Token) -> bool:
    """An object that is a sum or a count ("US$120 million", "500 trucks a day")."""
    return any(t.like_num or t.tag_ == "$" for t in obj.subtree)


def _negation_between(modal: Token, verb: Token) -> bool:
    """'would "never" recognise': a negation between a modal and its verb that the parser
    hung elsewhere (on a quotation mark, a preposition)."""
    if verb.i <= modal.i or verb.i - modal.i > 4:
        return False
    return any(t.lower_ in ("not", "never", "n't") for t in modal.doc[modal.i + 1:verb.i])


def _particle_with_object(particle: Token, spec: dict) -> bool:
    """"called on all parties": the addressee's preposition read as a particle with an object."""
    return particle.lower_ in spec["addressee"] and any(c.dep_ == "pobj" for c in particle.children)


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


def _hyphen_end(doc: Doc, end: int) -> int:
    """Extend an end index over a word the tokenizer split at a hyphen ("to de-escalate"
    parsed as "de" with "-escalate" hung elsewhere)."""
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return end


def _after_colon(doc: Doc, end: int) -> Optional[tuple[int, int]]:
    """The token range of what follows a colon that ends a clause at ``end`` in the same
    sentence ("... was unchanged: Iran can never have ..."), or None when no colon follows or
    nothing but punctuation comes after it."""
    if end >= len(doc) or doc[end].text != ":":
        return None
    sent = sentence_of(doc[end])
    start, stop = _trim_range(doc, end + 1, sent.end)
    return (start, stop) if stop - start >= 2 else None


def _taken_near(taken: list[int], start_char: int) -> bool:
    return any(abs(start_char - t) < 20 for t in taken)


def _label_words(doc: Doc, item: Found, start: int, end: int) -> str:
    """The words the short label is made of: the condition proper ("Ukraine withdraws its
    troops", not the "will not agree ... unless" before it)."""
    if item.label_start is not None and start <= item.label_start < end:
        return doc[item.label_start:end].text
    return doc[start:end].text


def _headline_speaker(act: Token, actor_at: dict[int, str]) -> Optional[str]:
    """The actor a headline attributes its words to: "Rutte: allies must ...", "Fico: no new
    money without ...". A name of at most four words, then a colon, opening the sentence."""
    sent = act.sent
    colon = next((t for t in sent[:5] if t.text == ":"), None)
    if colon is None or colon.i >= act.i or colon.i == sent.start:
        return None
    name = sent.doc[sent.start:colon.i]
    # "Slovakia's Fico:": a possessive before the name is allowed; the name is the last one.
    if not all(t.pos_ == "PROPN" or t.i in actor_at or t.is_punct or t.tag_ == "POS" for t in name):
        return None
    last = [t for t in name if t.pos_ == "PROPN" or t.i in actor_at][-1:]
    ids = {actor_at[t.i] for t in name if t.i in actor_at and (not last or t.i >= _name_start(last[0]))}
    return ids.pop() if len(ids) == 1 else None


_LIST_MARK = re.compile(r"(?:\d{1,2}[.)]|[a-z][.)]|[•·▪*\-–—])\s+")


def _listed(found: list[Found]) -> list[Found]:
    """A demand that ends in a colon closing its paragraph introduces a list ("The EU stresses
    the need for:", "urges both sides to:"): each item that follows (numbered, bulleted, or
    opening in lower case) is one condition, with the introducing words' party and addressee."""
    out: list[Found] = []
    for item in found:
        items = _list_items(item)
        if not items:
            out.append(item)
            continue
        for start, end in [part for whole in items for part in _noun_conjuncts(item.act.doc, *whole)]:
            out.append(Found(item.form, item.act, start, end, stance=item.stance, party_token=item.party_token,
                             addressees=item.addressees, context=item.act.doc[start:end].root,
                             needs_statement=item.needs_statement))
    return out


def _noun_conjuncts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A list item naming two things, each with its own article ("the de-escalation of ... and
    the withdrawal of ..."), is two conditions."""
    root = doc[start:end].root
    parts = [c for c in doc[start:end] if c.dep_ == "conj" and c.pos_ == "NOUN"
             and (_top_level(c, root) or _parallel_of(c, root)) and any(d.dep_ == "det" for d in c.children)]
    if root.pos_ != "NOUN" or not parts:
        return [(start, end)]
    bounds = [start] + [_before(c) for c in parts] + [end]
    ranges = []
    for k in range(len(bounds) - 1):
        a, b = _trim_range(doc, bounds[k], bounds[k + 1])
        if b > a:
            ranges.append((a, b))
    return ranges


def _top_level(token: Token, root: Token) -> bool:
    """The token hangs on ``root`` itself, not inside one of its phrases ("of ... and ...")."""
    head = token.head
    for _ in range(4):
        if head.i == root.i:
            return True
        if head.dep_ in ("prep", "pobj", "relcl", "acl", "dobj") or head.head is head:
            return False
        head = head.head
    return False


def _parallel_of(token: Token, root: Token) -> bool:
    """"the lifting of sanctions and the release of assets": the parser hangs the second "the
    B of ..." inside the first one's "of" phrase; two parallel "of" nouns are two things."""
    of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
    return bool(of) and token.head.dep_ == "pobj" and token.head.head.i == of[0].i \
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _list_items(item: Found) -> list[tuple[int, int]]:
    """The token ranges of the list items after the colon that ends ``item``'s paragraph."""
    doc = item.act.doc
    text = text_of(doc)
    end = item.end - 1  # the words may end at the colon or just before it
    while end > item.start and doc[end].is_space:
        end -= 1
    if doc[end].text != ":":
        end += 1
        while end < len(doc) and doc[end].is_space:
            end += 1
    if end >= len(doc) or doc[end].text != ":" or not text[doc[end].idx + 1:].lstrip(" ").startswith("\n"):
        return []
    ranges = []
    pos = doc[end].idx + 1
    for line in text[pos:].split("\n"):
        where = pos
        pos += len(line) + 1
        body = line.strip()
        if not body:
            continue
        mark = _LIST_MARK.match(body)
        if mark is None and not body[0].islower():
            break
        first = where + line.index(body) + (mark.end() if mark else 0)
        last = where + line.index(body) + len(body.rstrip(";.,").removesuffix(" and").removesuffix(" or").rstrip(";.,"))
        span = doc.char_span(first, last, alignment_mode="expand")
        if span is not None and len(span):
            ranges.append((span.start, span.end))
    return ranges


def _split_conjoined(found: list[Found]) -> list[Found]:
    """One demand per conjoined infinitive: "urged the government to drop its appeal and open
    talks" asks two things of it, and a report lists each condition apart."""
    out: list[Found] = []
    for item in found:
        out.append(item)
        if item.form == "condition":
            out.extend(_conjoined_conditions(item))
            continue
        verb = item.context
        # "Both sides must pull back their forces and return to the talks": a modal governs
        # each bare verb joined to its own, one condition each.
        modal = item.form == "obligation" and item.act.dep_ == "aux" and verb is not None and verb.i == item.act.head.i
        if not modal and (item.form != "verb" or verb is None or verb.pos_ not in ("VERB", "AUX")
                          or not any(a.lower_ == "to" and a.dep_ == "aux" for a in verb.children)):
            continue
        # "to purchase insurance or face a fine": alternatives are one demand; a bare verb with
        # nothing after it ("what to say or not say") names no act of its own.
        parts = [c for c in _bare_conjuncts(verb) if item.start < c.i < item.end
                 and not any(t.lower_ in ("or", "nor") for t in c.doc[_before(c):c.i])
                 and any(g.dep_ in ("dobj", "prep", "xcomp", "ccomp", "acomp", "prt") for g in c.children)]
        for k, part in enumerate(parts):
            start = next((a.i for a in part.children if a.lower_ == "to" and a.dep_ == "aux"), part.i)
            end = _before(parts[k + 1]) if k + 1 < len(parts) else min(item.end, part.right_edge.i + 1)
            if k == 0:
                item.end = min(item.end, _before(part))
            out.append(Found(item.form, item.act, start, end, stance=item.stance, party_token=item.party_token,
                             subject=item.subject, addressees=item.addressees, context=part))
    return out


def _conjoined_conditions(item: Found) -> list[Found]:
    """"only if the ELN releases all its hostages and halts attacks on civilians": each verb
    joined to the condition's own, with its object and no subject of its own, is a further
    condition ("or" gives alternatives: one condition)."""
    mark = item.act
    clause = mark.head
    if mark.dep_ not in ("mark", "advmod") or clause.pos_ not in ("VERB", "AUX"):
        return []
    parts = [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB" and item.start < c.i < item.end
             and c.tag_ == clause.tag_ and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
             and not any(t.lower_ in ("or", "nor") for t in c.doc[_before(c):c.i])
             and any(g.dep_ in ("dobj", "prep") for g in c.children)]
    out = []
    for k, part in enumerate(parts):
        end = _before(parts[k + 1]) if k + 1 < len(parts) else min(item.end, part.right_edge.i + 1)
        if k == 0:
            item.end = min(item.end, _before(part))
        out.append(Found("condition", mark, part.i, end, stance=item.stance, party_token=item.party_token,
                         subject=item.subject, patient=item.patient, context=item.context,
                         needs_statement=item.needs_statement))
    return out


def _dedupe(found: list[Found]) -> list[Found]:
    """Drop a demand whose words lie inside another's (a modal inside "demanded that ... must")."""
    order = {"verb": 0, "rejection": 1, "refusal": 1, "condition": 2, "statement": 2, "exchange": 2, "restriction": 2,
             "obligation": 3, "commitment": 3, "no_right": 3, "verdict": 3, "acceptable": 3, "dependence": 3, "warning": 3,
             "need": 4, "nominal": 4,
             "imperative": 5}
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (order[f.form], f.start)):
        if any(k.start <= item.start and item.end <= k.end for k in kept) or \
                any(item.start <= k.start and k.end <= item.end and k.form == item.form for k in kept):
            continue
        kept.append(item)
    return sorted(kept, key=lambda f: (f.start, f.end))


# -- parties named by no known actor --------------------------------------------------
_SLUG = re.compile(r"[^a-z0-9]+")
_LEADING = ("the", "a", "an", "its", "their", "his", "her", "some", "several")


def _unnamed_speaker(doc: Doc, quote: Quote, resolved: ResolvedActors, actor_at: dict[int, str]) -> Optional[str]:
    """A group actor for a statement's speaker that no known actor names, from the words the
    text uses for it ("Rights groups", "a ministry spokesperson")."""
    name = (quote.speaker.name or "").strip()
    where = quote.speaker.span
    if not name or where is None:
        return None
    start = doc.text.find(name, max(0, where[0] - len(name)))
    if start < 0 or not (start <= where[0] and where[1] <= start + len(name)):
        # '"...," said the country director, Hanna Bergstrom': the speaker's name stands just
        # after the role noun the span points at; the person named is the speaker.
        person = _person_after(doc, name, where, resolved)
        if person is not None:
            return person
        start, name = where[0], doc.text[where[0]:where[1]]
    # "the country's largest union, the Korean Confederation of Trade Unions": the appositive
    # name is the better one.
    head, _, appositive = name.rpartition(", ")
    if head and appositive[:1].isupper() or appositive.lower().startswith("the "):
        if head:
            start, name = start + len(head) + 2, appositive
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    if span is None:
        return None
    return _named_after(span, resolved, actor_at) or _spoken_for(span, resolved, actor_at) \
        or _group_actor(span, resolved, actor_at)


def _person_after(doc: Doc, name: str, where: tuple[int, int], resolved: ResolvedActors) -> Optional[str]:
    """A person actor for a speaker's full name (two or more capitalised words) written
    within a few characters after the role noun the speaker's span points at."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    at = doc.text.find(name, where[1], where[1] + 40)
    if at < 0 or doc.text[where[1]:at].strip() not in (",", ""):
        return None
    actor_id = "new:person:" + _SLUG.sub("-", name.lower()).strip("-")
    actor = resolved.actors.get(actor_id)
    if actor is None:
        actor = resolved.actors[actor_id] = Actor(id=actor_id, name=name, type="person")
    where_name = (at, at + len(name))
    if where_name not in actor.mentions:
        actor.mentions.append(where_name)
        actor.mention_details.append(MentionDetail(span=where_name, text=name, how="new"))
    return actor_id


def _named_after(span: Span, resolved: ResolvedActors, actor_at: dict[int, str]) -> Optional[str]:
    """"said the country director, Hanna Bergstrom": a role noun followed by a comma and a
    known person's name is that person (the appositive the speaker's words stopped short of)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or any(t.pos_ == "PROPN" for t in span):
        return None
    actor_id = actor_at.get(doc[span.end + 1].i)
    return actor_id if actor_id is not None and _is_person(actor_id, resolved) else None


def _spoken_for(span: Span, resolved: ResolvedActors, actor_at: dict[int, str],
                lex: Optional[DemandLexicon] = None) -> Optional[str]:
    """"A spokesman for the UN climate secretariat", "a spokeswoman for the agency": an unnamed
    voice speaks for the body after "for"; a body named only by a common noun ("the agency")
    is the last organisation the article named before."""
    doc = span.doc
    lex = lex or load_demand_lexicon()
    voice = next((t for t in span if t.lemma_.lower() in lex.body_voice_nouns), None)
    if voice is None:
        return None
    prep = next((c for c in voice.children if c.dep_ == "prep" and c.lower_ in lex.body_voice_preps), None)
    body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if body is None:
        return None
    if body.i in actor_at:
        return actor_at[body.i]  # "a spokesman for the Kremlin"
    if any(t.pos_ == "PROPN" for t in body.subtree):
        # "a spokesman for the UN climate secretariat": the body as the text names it.
        return _group_actor(doc[body.left_edge.i:body.right_edge.i + 1], resolved, actor_at)
    if body.pos_ == "NOUN" and any(c.lower_ in ("the", "its", "this") for c in body.children):
        before = [m for m in resolved.mentions if m.end <= doc[body.i].idx and not m.actor_id.startswith(("agent:", "new:"))
                  and getattr(resolved.actors.get(m.actor_id), "type", None) in ("organisation", "igo")]
        return before[-1].actor_id if before else None
    return None


def _unnamed_subject(subject: Optional[Token], resolved: ResolvedActors, actor_at: dict[int, str],
                     lex: DemandLexicon) -> Optional[str]:
    """A group actor for the noun subject of a demand verb ("Rights groups are demanding ...")."""
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.lower_ in lex.first_person:
        return None
    start = min([subject.i] + [c.left_edge.i for c in subject.children
                               if c.i < subject.i and c.dep_ in ("amod", "compound", "poss", "det", "nmod", "nummod")])
    # "Lawyers for the 14 refugees who brought the case", "members of the coalition": the
    # noun alone would name nobody; its "of"/"for" phrase says whose they are.
    end = max([subject.i] + [c.right_edge.i for c in subject.children
                             if c.i > subject.i and c.dep_ == "prep" and c.lower_ in lex.body_voice_preps])
    span = subject.doc[start:end + 1]
    return _spoken_for(span, resolved, actor_at, lex) or _group_actor(span, resolved, actor_at)


def _group_actor(span: Span, resolved: ResolvedActors, actor_at: dict[int, str]) -> Optional[str]:
    """The id of a group actor named by ``span``, added to the article's actors (as the
    events extractor does for "protesters"); None for a pronoun or a number."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    # "about 300 activists" are activists: the count stays in the mention, not the name.
    while words and len(words) > 1 and (words[0].lower_ in _LEADING or words[0].like_num
                                        or words[0].dep_ == "quantmod" or words[0].head.like_num):
        words = words[1:]
    if not words or all(t.pos_ in ("PRON", "NUM", "DET") for t in words):
        return None
    named = next((actor_at[t.i] for t in words if t.i in actor_at), None)
    if named is not None and len(words) == 1:
        return named
    phrase = span.doc[words[0].i:words[-1].i + 1]
    actor_id = "new:group:" + _SLUG.sub("-", phrase.text.lower()).strip("-")
    actor = resolved.actors.get(actor_id)
    if actor is None:
        actor = Actor(id=actor_id, name=phrase.text, type="group", country=_country_named_in(phrase, resolved, actor_at))
        resolved.actors[actor_id] = actor
    # The mention keeps the words as written ("Its foreign ministry"); the name drops them.
    first = next((t.i for t in span if not (t.is_punct or t.is_space) and t.lower_ not in ("the", "a", "an")), phrase.start)
    phrase = span.doc[min(first, phrase.start):phrase.end]
    where = (phrase.start_char, phrase.end_char)
    if where not in actor.mentions:
        actor.mentions.append(where)
        actor.mention_details.append(MentionDetail(span=where, text=phrase.text, how="new"))
        resolved.mentions.append(ActorMention(where[0], where[1], actor_id, "new", phrase.start, phrase.end, phrase.text))
        resolved.mentions.sort(key=lambda m: m.start)
    return actor_id



def _country_named_in(phrase: Span, resolved: ResolvedActors, actor_at: dict[int, str]) -> Optional[str]:
    """The one country a group's words name ("Japan's embassy in Manila" -> JPN), so the group
    stays linked to the state it belongs to; None when they name none or several."""
    countries = {resolved.actors[actor_at[t.i]].country for t in phrase
                 if t.i in actor_at and actor_at[t.i] in resolved.actors
                 and resolved.actors[actor_at[t.i]].type == "country"}
    return countries.pop() if len(countries) == 1 else None


def _drop_restated(demands: list[Demand]) -> list[Demand]:
    """One record per condition: a demand of the same party whose words overlap an earlier
    one's by half of the shorter is the same condition found twice ("would not join ...
    until ..." is both a refusal and a condition)."""
    kept: list[Demand] = []
    for demand in demands:
        if any(k.party == demand.party and _overlap(k.span, demand.span) for k in kept):
            continue
        kept.append(demand)
    return kept


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def _noun_key(token: Token, phrases: frozenset[str]) -> Optional[str]:
    """The noun's lemma, or its adjective and lemma ("red line"), when one is in ``phrases``."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "amod" and f"{child.lower_} {lemma}" in phrases:
            return f"{child.lower_} {lemma}"
    return lemma if lemma in phrases else None


def _described(token: Token) -> str:
    """The words of a noun phrase with its appositives and "of"-phrases, without relative
    clauses ("Ali Vaez of the International Crisis Group", "Park, a North Korea expert at ...")."""
    skip: set[int] = set()
    for child in token.children:
        if child.dep_ in ("relcl", "acl"):
            skip.update(t.i for t in child.subtree)
    return " ".join(t.text for t in token.subtree if t.i not in skip)


def _speaker_words(doc: Doc, quote: Quote) -> str:
    """The words the text uses for a statement's speaker, from every mention on its chain."""
    spans = [quote.speaker.span] + [m.span for m in quote.speaker.chain]
    parts = []
    for where in spans:
        if not where:
            continue
        span = doc.char_span(where[0], where[1], alignment_mode="expand")
        if span is not None and len(span):
            parts.append(_described(span.root))
    return " ".join(parts)


def _pronoun_kind(word: str) -> Optional[str]:
    """"he"/"she" stand for a person; "it"/"they" for a body or a group."""
    if word in PERSONAL_PRONOUNS:
        return "person"
    if word in GROUP_PRONOUNS or word == "it":
        return "group"
    return None


def _kind_fits(kind: str, word: str, actor_type: str) -> bool:
    """A speaker of the pronoun's kind: a person for "he"/"she"; a body for "it" (a country
    too: "Israel said it would ..."); a body or a group for "they" (not a country, which news
    writing calls "it")."""
    if kind == "person":
        return actor_type == "person"
    if word == "it":
        return actor_type in ("organisation", "igo", "country", "group", "media")
    return actor_type in ("organisation", "igo", "group")


def _cued_by(quote: Optional[Quote], verb: Token) -> bool:
    """The statement is one the quote finder hung on this very verb."""
    cue = getattr(quote, "cue_span", None) if quote is not None else None
    return bool(cue) and cue[0] <= verb.idx < cue[1]


def _speaker_root(doc: Doc, quote: Quote) -> Optional[Token]:
    """The head word of the words naming a statement's speaker ("Students" in "Students who ...")."""
    where = quote.speaker.span
    span = doc.char_span(where[0], where[1], alignment_mode="expand") if where else None
    return span.root if span is not None and len(span) > 0 else None


def _named_by_appositive(token: Optional[Token], actor_at: dict[int, str], resolved: ResolvedActors) -> Optional[Token]:
    """"Ukraine's foreign minister, Andrii Sybiha, urges ...": the person the appositive names
    voiced the demand, not the state of the role noun."""
    if token is None or token.pos_ != "NOUN":
        return token
    for child in token.children:
        if child.dep_ == "appos" and child.i in actor_at and _is_person(actor_at[child.i], resolved):
            return child
    return token


def _speaks_for_country(speaker: Optional[str], party: str, resolved: ResolvedActors) -> bool:
    """``speaker`` is a person or body of the country ``party`` (a country actor), so the
    country named in their statement is their own voice."""
    if not speaker or speaker == party:
        return False
    country = resolved.actors.get(party)
    actor = resolved.actors.get(speaker)
    return country is not None and actor is not None and country.type == "country" \
        and actor.type != "country" and actor.country == country.id


def _is_person(actor_id: Optional[str], resolved: ResolvedActors) -> bool:
    actor = resolved.actors.get(actor_id) if actor_id else None
    return actor is not None and actor.type == "person"


def _dated_before(sent: Span, words: Span, dates: Sequence[DateRef], published: dt.date, days: int) -> bool:
    """A date in the sentence, outside the condition's own words ("agreements reached in 2022"
    dates the agreements, not the demand), more than ``days`` before publication."""
    for ref in dates:
        if words.start_char <= ref.span[0] < words.end_char:
            continue
        if ref.value and sent.start_char <= ref.span[0] < sent.end_char:
            try:
                value = dt.date.fromisoformat(_month_end(ref.value))
            except ValueError:
                continue
            if (published - value).days > days:
                return True
    return False


def _month_end(value: str) -> str:
    """The last day an ISO year, month or date can mean (so "this month" is never historical)."""
    if re.fullmatch(r"\d{4}", value):
        return value + "-12-31"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = map(int, value.split("-"))
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return value[:10]


# -- helpers over actors and quotes ---------------------------------------------------
def _mention_index(resolved: ResolvedActors) -> dict[int, str]:
    index: dict[int, str] = {}
    for mention in resolved.mentions:
        for i in range(mention.token_start, mention.token_end):
            index.setdefault(i, mention.actor_id)
    return index


def _actor_of(token: Optional[Token], actor_at: dict[int, str]) -> Optional[str]:
    ids = _actors_of(token, actor_at)
    return ids[0] if ids else None


def _actors_of(token: Optional[Token], actor_at: dict[int, str]) -> list[str]:
    """The actors a noun phrase names: its head's mention, else one in the words before the
    head, plus those of conjoined nouns ("Ukraine and Russia")."""
    if token is None:
        return []
    ids: list[str] = []
    if token.i in actor_at:
        ids.append(actor_at[token.i])
    else:
        for i in range(token.left_edge.i, token.i):
            if i in actor_at:
                ids.append(actor_at[i])
                break
    for child in token.children:
        if child.dep_ == "conj":
            ids += _actors_of(child, actor_at)
    return ids


def _between(item: Found, actor_at: dict[int, str]) -> list[str]:
    doc = item.act.doc
    for token in doc[item.start:item.end]:
        if token.lower_ == "between" and token.dep_ == "prep":
            pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
            ids = _actors_of(pobj, actor_at)
            if len(ids) >= 2:
                return ids
    return []


def _quote_at(quotes: Sequence[Quote], token: Token) -> Optional[Quote]:
    inside = [q for q in quotes if q.span[0] <= token.idx < q.span[1]]
    return min(inside, key=lambda q: q.span[1] - q.span[0]) if inside else None


def _quote_over(quotes: Sequence[Quote], words: Span) -> Optional[Quote]:
    """A statement with a known speaker that holds most (over half) of the words."""
    size = words.end_char - words.start_char
    for q in quotes:
        shared = min(q.span[1], words.end_char) - max(q.span[0], words.start_char)
        if q.speaker.actor_id and size > 0 and shared * 2 > size:
            return q
    return None


def _quote_cued_by(quotes: Sequence[Quote], verb: Token) -> Optional[Quote]:
    """The statement this verb introduces ("He urged Israel to ..." as an indirect quote)."""
    sent = verb.sent
    for q in quotes:
        if q.cue and q.cue.lower() == verb.lower_ and sent.start_char <= q.span[0] < sent.end_char + 1 \
                and q.span[0] >= verb.idx:
            return q
    return None


def _country(actor_id: Optional[str], resolved: ResolvedActors) -> Optional[str]:
    if actor_id is None:
        return None
    actor = resolved.actors.get(actor_id)
    if actor is not None:
        return actor.country
    return actor_id if re.fullmatch(r"[A-Z]{3}", actor_id) else None


def _country_counts(resolved: ResolvedActors) -> Counter:
    """How often each country is named as a country (or its capital or government)."""
    counts: Counter = Counter()
    for mention in resolved.mentions:
        actor = resolved.actors.get(mention.actor_id)
        if actor is not None and actor.country and actor.type in ("country", "organisation", "group") \
                and (actor.type == "country" or mention.actor_id.startswith("agent:")):
            counts[actor.country] += 1
    return counts


def _counterpart(party: str, resolved: ResolvedActors, counts: Counter) -> Optional[str]:
    """The country other than the party's that the article names most (the other side)."""
    own = _country(party, resolved)
    for country, _ in counts.most_common():
        if country != own and country in resolved.actors:
            return country
    return None


def extract_demands(doc: Doc, resolved_actors: Optional[ResolvedActors], quotes: Optional[Sequence[Quote]],
                    published: Optional[dt.date], dates: Optional[Sequence[DateRef]] = None,
                    lexicon: Optional[DemandLexicon] = None) -> list[Demand]:
    """The demands, conditions, refusals and rejections of a parsed Doc (see the module docstring).

    Args:
        doc: a Doc parsed by spaCy (dependency parse needed).
        resolved_actors: ``doc._.actors``; without it no party can be named and nothing is returned.
        quotes: ``doc._.quotes``; demands inside a statement belong to its speaker.
        published: the publication date, for historical modality.
        dates: ``doc._.dates`` (defaults to them when set).
        lexicon: word lists (default: the bundled ``demands.yaml``).
    """
    if resolved_actors is None:
        return []
    if dates is None:
        dates = getattr(doc._, "dates", None) or [] if Doc.has_extension("dates") else []
    return DemandExtractor(lexicon).extract(doc, resolved_actors, quotes or [], published, dates)
