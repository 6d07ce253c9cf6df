"""When, where and how surely an event happened: dates, modality and place.

Reads an event's own date or a fallback (the quote's or the article's date), its
modality (asserted, negated, hypothetical, future, historical) from auxiliaries,
negation, conditions and time markers, and its place, refining a meeting's code by where
it was held. Works over the actor context (:mod:`parley.extract.event_actors`) for
quotes, places and actors' countries.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Span, Token

from ..model import Location, Quote
from ..nlp.sentences import text_of
from .dates import load_lexicon
from .event_actors import ActorContext
from .event_syntax import SUBJECTS, _char_token, _governing_clauses

if TYPE_CHECKING:
    from .events import _Match

# Roots whose act is itself a statement: dated by the statement when told in a quote.
VERBAL_ROOTS = frozenset({"01", "02", "03", "09", "10", "11", "12", "13"})
# A dateline at a paragraph start: "NAIROBI, March 19 (Reuters) - ", "Goma (DR Congo) (AFP) – ",
# "GENEVA/KINSHASA, 8 October 2025 - ": the first place, then what may follow it before the dash.
_DATELINE = re.compile(r"(?m)^[ \t]*(?P<place>[A-Z][^\n,(/–—-]{1,30}?)(?P<rest>(?:/[^\n,(–—]{1,30})?(?:,[^\n(–—]{1,30})?"
                       r"(?:\s*\([^)\n]{1,40}\))*)\s*[–—-]{1,2}\s")
# how many sentences after a report a dispute of "the charge" may come: the next, or the one
# after a live blog's one-line heading ("11:05 GMT - Azerbaijan rejects accusation")
_DISPUTE_REACH = 2
_DATELINE_REACH = 600  # a dateline opens the body, after a headline and standfirst at most
# how many sentences back a narrated past act looks for the time the writer set it in
# ("In September 2022, clashes killed 100. ... Dushanbe accused Kyrgyz troops of shelling")
# (within its paragraph: letting the time run on across paragraph breaks made news acts
# background on every development set)
_FRAME_REACH = 2
# how many paragraphs back a past time set there may still hold, when every sentence between
# narrates the past (``EventTiming._carried_frame``)
_CARRY_REACH = 4
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]{3,}")  # a word of a sentence, not a dateline's
_PARENS = re.compile(r"\([^)]*\)")
_ISO_WEEK = re.compile(r"^\d{4}-W\d{2}$")  # "2023-W49", a week as the dates extractor writes it
_DECADE = re.compile(r"^(1[0-9]|20)?[0-9]0'?s$|^'[0-9]0s$")  # "1990s", "the '90s", "80s"


class EventTiming:
    """Per-Doc look-ups of dates and places by sentence, and the modality of a match."""

    def __init__(self, actors: ActorContext, dates, published):
        self.actors, self.doc, self.w, self.places = actors, actors.doc, actors.w, actors.places
        self.published = published
        self.dates = [(d, _char_token(actors.doc, d.span[0])) for d in dates if d.value]
        self._dateline = False  # not looked for yet
        self._filed: Optional[list[tuple[int, int]]] = None  # dateline spans, not looked for yet

    # dates
    def own_date(self, match: _Match):
        """A date expression of the event's own clause (not one bounding it: "since 2022"); for
        an undated past act told inside a clause or phrase of an older act, that act's date."""
        governors = self._timing_governors(match.predicate)
        anchors = {match.trigger.i, match.predicate.i} | {v.i for v in governors}
        found = self._date_at(anchors, match.trigger.sent, match.predicate)
        for verb in [match.predicate, *governors]:
            if found is not None:
                break
            found = self._complement_date(verb)
        return found if found is not None else self._enclosing_past_date(match)

    def _timing_governors(self, verb: Token) -> list[Token]:
        """The verbs whose time a subjectless clause shares: those it hangs on as a participle
        or infinitive, and the act it is the means of ("helped broker a truce in July by
        threatening to halt talks": the threat is as old as the truce)."""
        governors = _governing_clauses(verb)
        for node in [verb, *governors]:
            means = self._means_of(node)
            if means is not None:
                return governors + [means, *_governing_clauses(means)]
        return governors

    def _means_of(self, verb: Token) -> Optional[Token]:
        """The verb a subjectless gerund is the means of: "[helped] ... by [threatening]"."""
        if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or any(c.dep_ in SUBJECTS for c in verb.children):
            return None
        prep = verb.head
        if prep.lower_ not in self.w.means_preps or prep.head.i == prep.i or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        return prep.head

    def _complement_date(self, verb: Token):
        """A past date the parser hung on the act's bare complement: "asked Algeria to take
        back 2,800 nationals last year", "ordered Dadaab closed in 2016". A past request or
        order is as old as what it asked for; a reported clause ("said that ...", "would")
        and a later date ("agreed to meet next month") have their own time."""
        if verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return None
        for child in verb.children:
            if child.dep_ == "xcomp" or (child.dep_ == "ccomp" and not any(
                    c.dep_ in ("aux", "auxpass", "mark") for c in child.children)):
                found = self._date_at({child.i}, child.sent, child)
                if found is not None and self.is_historical(found.value) and self._times_verb(found, child):
                    return found
        return None

    def _times_verb(self, date, verb: Token) -> bool:
        """The date is an adverbial of ``verb`` itself ("last year", "in 2016"), not part of its
        object ("to respect the 2016 ruling", "to honour the Declaration of December 2023")."""
        span = self.doc.char_span(date.span[0], date.span[1], alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ == "pobj" and root.head.dep_ == "prep":
            return root.head.head.i == verb.i
        return root.dep_ in ("npadvmod", "advmod") and root.head.i == verb.i

    def _enclosing_past_date(self, match: _Match):
        """The date of the act an undated past act is told around, when that date is before
        the news: "freed in December after the US lifted sanctions", "the Argyle Declaration
        of December 2023, in which both presidents pledged ...", "shut the border in September
        during the exercises held by Russia": background told with background. The nearest
        dated clause decides (a recent one keeps the act news); a reported clause (ccomp) has
        its own time and stops the search."""
        if not _past_form(match.predicate):
            return None
        for head in self._enclosing_heads(match.predicate):
            verb = head.pos_ in ("VERB", "AUX")
            if verb and not _past_form(head):
                return None  # "talks are scheduled for September in Accra, which X offered to host": told now
            if not verb and self._in_date(head):
                continue  # "for September": the time itself, not a thing with a date
            found = self._date_at({head.i}, head.sent, head if verb else None)
            if found is not None:
                return found if self.is_historical(found.value) else None
        return None

    def _in_date(self, token: Token) -> bool:
        return any(date.span[0] <= token.idx < date.span[1] for date, _ in self.dates)

    @staticmethod
    def _enclosing_heads(verb: Token) -> list[Token]:
        """The verbs and nouns a clause is told inside, nearest first: up through time and
        describing clauses (advcl, relcl, acl) and the noun phrases they hang on."""
        found, node = [], verb
        for _ in range(8):
            head = node.head
            if head.i == node.i or node.dep_ not in _ENCLOSING_DEPS:
                break
            if node.dep_ in _CLAUSE_DEPS or head.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
                found.append(head)
            node = head
        return found

    def _date_at(self, anchors: set[int], sent: Span, predicate: Optional[Token]):
        """A date expression of the sentence that hangs on one of ``anchors`` without crossing
        another verb or a bounding preposition. With no ``predicate`` (a noun anchor) a date
        naming the thing counts: "the Argyle Declaration of December 2023". The dateline's date
        ("KYIV, Sept 22 - When X signed the deal on April 30, ...") is when the story was filed,
        which the parser hangs on the first clause: a date of the clause's own comes first."""
        found = [date for date, token in self._dates_on(anchors, sent, predicate)]
        filed = self._dateline_spans()
        own = [date for date in found if not any(start <= date.span[0] < end for start, end in filed)]
        return (own or found or [None])[0]

    def _dateline_spans(self) -> list[tuple[int, int]]:
        """Character ranges of the datelines opening the first paragraphs ("NAIROBI, March 19
        (Reuters) - "), found once."""
        if self._filed is None:
            text = text_of(self.doc)
            self._filed = [(found.start(), found.end()) for found in _DATELINE.finditer(text[:_DATELINE_REACH])
                           if not _LOWER_WORD.search(_PARENS.sub("", found.group("rest")))]
        return self._filed

    def _dates_on(self, anchors: set[int], sent: Span, predicate: Optional[Token]):
        """Every date of the sentence that hangs on one of ``anchors`` (see ``_date_at``)."""
        for date, token in self.dates:
            if token is None or not (sent.start <= token.i < sent.end):
                continue
            if predicate is not None and _names_a_thing(date, token) and _present(predicate):
                continue  # "remains committed to the 2021 understanding": the thing's date, not the stance's
            node, blocked = token, False
            for _ in range(12):
                if node.i in anchors:
                    break
                if node.dep_ == "prep" and node.lower_ in self.w.non_dating_preps:
                    blocked = True
                if node.pos_ in ("VERB", "AUX") and node.i != token.i or node.head.i == node.i:
                    node = None
                    break
                node = node.head
            if node is not None and node.i in anchors and not blocked:
                yield date, token

    def fallback_date(self, match: _Match, modality: str, quote: Optional[Quote], location) -> Optional[str]:
        """A statement told in a quote has the quote's date; an asserted past act of the news
        cycle the article's; a historical act the date the article gives its place."""
        root = match.pattern.root if match.pattern is not None else ""
        if modality != "asserted":
            return None
        verb = match.predicate
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        reduced = verb.tag_ == "VBN" and not aux and verb.dep_ == "acl"  # "an agreement reached ...": not the statement's act
        if root in VERBAL_ROOTS and quote is not None and not reduced:
            return self.statement_date(quote)
        verb, aux = self._tensed(verb, aux)
        if verb.tag_ == "VBD" and not aux & {"had", "has", "have", "'d"}:
            return self.published.isoformat() if self.published else None
        if verb.tag_ in ("VBZ", "VBP") and root in VERBAL_ROOTS:
            return self.published.isoformat() if self.published else None
        if self._news_present(verb, aux):
            return self.published.isoformat() if self.published else None
        if location is not None and self._is_past_form(verb):
            return self._date_of_place(location.name, match.trigger.sent)
        return None

    @staticmethod
    def _tensed(verb: Token, aux: set[str]) -> tuple[Token, set[str]]:
        """The verb whose tense tells the act's time, with its auxiliaries: a subjectless
        participle ("..., accusing Western powers of ...") is told in its governor's tense."""
        if verb.tag_ != "VBG" or aux:
            return verb, aux
        for governor in _governing_clauses(verb):
            if governor.tag_ != "VBG":
                return governor, {c.lower_ for c in governor.children if c.dep_ in ("aux", "auxpass")}
        return verb, aux

    @staticmethod
    def _news_present(verb: Token, aux: set[str]) -> bool:
        """The day's news told in the present perfect ("has imposed sanctions") or the present
        progressive ("is demanding"): the article's date, when no date word says otherwise."""
        if verb.tag_ == "VBN":
            return bool(aux & {"has", "have", "'s", "'ve"}) and not aux & {"had", "'d"}
        return verb.tag_ == "VBG" and bool(aux & {"is", "are", "am", "'s", "'re", "'m"})

    def statement_date(self, quote: Quote) -> Optional[str]:
        """When the quote was made; a date the quote took from its own content ("agreements
        reached in 2022") is not it, and the article's date stands in."""
        published = self.published.isoformat() if self.published else None
        if not quote.date:
            return published
        sent_end = self.doc[_char_token(self.doc, quote.span[0]).i].sent.end_char if _char_token(self.doc, quote.span[0]) else quote.span[1]
        inside = any(quote.span[0] <= d.span[0] < max(quote.span[1], sent_end) and d.value == quote.date for d, _ in self.dates)
        if (inside or self._described_only(quote)) and self.is_historical(quote.date):
            return published
        return quote.date

    def _described_only(self, quote: Quote) -> bool:
        """The quote's date is written only inside a clause describing a noun of its
        sentence ("Russia, which brokered the 2020 truce, said it was ready"): the date of
        the thing described, not of the saying."""
        start = _char_token(self.doc, quote.span[0])
        if start is None:
            return False
        sent = start.sent
        tokens = [t for d, t in self.dates if t is not None and d.value == quote.date and sent.start <= t.i < sent.end]
        return bool(tokens) and all(_in_describing_clause(t) for t in tokens)

    @staticmethod
    def _is_past_form(verb: Token) -> bool:
        return verb.tag_ in ("VBD", "VBN")

    def _date_of_place(self, name: str, sent: Span) -> Optional[str]:
        """'in Istanbul in 2022' elsewhere in the article dates what happened in Istanbul."""
        for place, token in self.places:
            if place.name != name or token is None or sent.start <= token.i < sent.end:
                continue
            for date, dtoken in self.dates:
                if dtoken is not None and 0 < dtoken.i - token.i <= 3:
                    return date.value
        return None

    def is_historical(self, value: str) -> bool:
        """Before the news: a day or week that ended more than a news cycle ago, or a whole
        month or year that is over ("last month", "in 2024"): a report of today tells such
        acts as background even when the month ended days ago (the day's news has a day)."""
        if self.published is None or not value:
            return False
        end = _period_end(value)
        if end is None:
            return False
        if _is_month_or_longer(value):
            return end < self.published
        return end < self.published - dt.timedelta(days=self.w.news_cycle_days)

    # modality
    def modality(self, match: _Match, own_date) -> str:
        verb = match.predicate
        chain = _control_chain(verb)
        children = [c for v in chain for c in v.children]
        if match.trigger.pos_ == "NOUN":
            children += list(match.trigger.children)
        if any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in self.w.negation) for c in children):
            return "negated"
        if any(v.lemma_.lower() in self.w.negating_verbs for v in chain[1:]):
            return "negated"  # "failed to agree on a ceasefire"
        if self._no_plan_for(match):
            return "negated"
        told = self.alleged(match)
        if told is not None:
            return told  # "accused Russia of shelling", "denied attacking": the act is not reported as done
        if said_before(verb, self.w):
            return "historical"  # "had previously said they would take further measures"
        aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        root = match.pattern.root if match.pattern is not None else ""
        # a threat states its condition as its content: "threatened to strike if Iran rebuilds"
        own_condition = root not in self.w.conditional_content_roots
        if aux & self.w.hypothetical_aux or self._conditional(verb, own_condition) or self._guessed(verb, children):
            return "hypothetical"
        if self._needed(verb):
            return "hypothetical"  # "we need to support our first responders": what should be done
        if aux & self.w.backshift_aux:
            # reported "will" ("said it would stage a strike"); "would have" did not happen
            return "hypothetical" if "have" in aux else "future"
        if aux & self.w.future_aux or any(v.lemma_.lower() in self.w.future_verbs for v in chain[1:]):
            return "future"
        if own_date is not None:
            if self.is_historical(own_date.value) or self._earlier_in_period(own_date):
                return "historical"
            start = _period_start(own_date.value)
            if self.published and start and start > self.published and not _told_as_done(verb):
                return "future"
        # A past perfect alone is no mark of the past: reported speech backshifts the day's
        # news ("said Pakistan had accepted the ceasefire"). "already"/"previously" is, and so
        # is a fact a reporter recalls ("noted that Zelenskiy had banned contacts").
        elif any(c.dep_ == "advmod" and c.lower_ in self.w.prior_markers for c in children):
            return "historical"
        elif self._long_ago(chain + _governing_clauses(verb)):
            return "historical"
        elif self._follows_past(verb):
            return "historical"
        elif self._counted_from(match.trigger) or self._repeated_before(verb, children):
            return "historical"
        elif self._habitual(verb, children) or self._prior_object(match):
            return "historical"
        elif "had" in aux and verb.tag_ == "VBN" and (self._recalled(verb) or self._narrated_before(verb)):
            return "historical"
        elif self._described_before(chain, aux):
            return "historical"
        elif self._since_then(verb) or any(self._since_then(h) for h in self._enclosing_heads(verb)):
            return "historical"  # "Pakistan has since deported refugees, a campaign the Taliban have condemned"
        elif self._framed_in_past(match):
            return "historical"
        return "asserted"

    # alleged and denied acts
    def alleged(self, match: _Match) -> Optional[str]:
        """An act told only as someone's allegation is ``hypothetical``; one told as what a
        denial denies is ``negated``. The allegation or denial is read from the grammar: a verb
        or noun of allegation or denial governing the act ("accused Russia of shelling", "claims
        that Hamas had violated the truce", "denied attacking the tanker"), a hearsay passive ("are
        said to have shelled"), a modifier on the act noun ("the alleged strike"), or a dispute of
        the report in the same sentence ("Kyiv says Russian forces fired first, which Moscow
        denies"). The accusing or denying itself is no allegation: it is reported as done."""
        trigger = match.trigger
        if trigger.lemma_.lower() in self.w.allegation_heads | self.w.reporting_verbs:
            return None
        if self._alleged_noun(trigger):
            return "hypothetical"
        for token in dict.fromkeys((trigger, match.predicate)):
            told = self._told_under(token)
            if told is not None:
                return told
        if self._disputed_in_sentence(trigger, match.predicate) or self._unsupported_claim(trigger):
            return "hypothetical"
        # a later rebuttal answers a reported deed; an appeal, demand or threat is made in words
        # by its own speaker, whose reporting clause the parser may hang it under
        root = match.pattern.root if match.pattern is not None else ""
        if root not in VERBAL_ROOTS and self._disputed_next(trigger):
            return "hypothetical"
        return None

    def _alleged_noun(self, trigger: Token) -> bool:
        """The act noun is marked as alleged ("condemned the alleged strike"), or the act is
        what an alleged act did ("the alleged bombing by government forces killed nine"). An
        alleged person ("suspected militants attacked") leaves the act itself reported."""
        def marked(noun: Token) -> bool:
            return any(c.dep_ == "amod" and c.lower_ in self.w.alleged_modifiers for c in noun.children)
        if trigger.pos_ in ("NOUN", "PROPN"):
            return marked(trigger)
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in self.w.act_nouns and marked(c)
                   for c in trigger.children)

    def _told_under(self, token: Token) -> Optional[str]:
        """What governs the act's clause up the tree, through control verbs ("accused X of
        trying to suppress turnout"), conjuncts and stories ("dismissed reports that ..."): a
        verb or noun of allegation (hypothetical) or of denial (negated); None at anything else."""
        node = token
        for _ in range(8):
            head = node.head
            if head.i == node.i:
                return None
            dep = node.dep_
            if dep in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in self.w.content_preps:
                owner = head.head  # "accused X of [shelling]", "allegations of [interference]"
                told = self._governor(owner, "of")
                if told is not None or owner.lemma_.lower() not in self.w.hearsay_nouns:
                    return told
                node = owner  # "reports of troop movements", denied further up
                continue
            if dep in ("ccomp", "xcomp", "acl"):
                told = self._governor(head, dep)
                if told is not None:
                    return told
                if dep == "xcomp" or head.lemma_.lower() in self.w.hearsay_nouns:
                    node = head  # "accused X of [trying] to suppress", "reports [that ...]"
                    continue
                return None
            if dep == "dobj" and node.lemma_.lower() in self.w.hearsay_nouns:
                # "dismissed reports that it had shelled the town"
                return "negated" if head.lemma_.lower() in self.w.denial_verbs else None
            if dep == "conj":
                node = head
                continue
            return None
        return None

    def _governor(self, head: Token, dep: str) -> Optional[str]:
        """The modality an allegation or denial head gives the act it governs by ``dep``."""
        lemma = head.lemma_.lower()
        if lemma in self.w.denial_verbs and head.pos_ in ("VERB", "AUX") and dep != "acl":
            return "negated"  # "denied attacking", "denies that its troops crossed"
        if lemma in self.w.allegation_heads:
            return "hypothetical"  # "accused X of", "claims that", "accusations that"
        if dep == "xcomp" and lemma in self.w.hearsay_verbs and any(c.dep_ == "auxpass" for c in head.children):
            return "hypothetical"  # "are said to have shelled the village"
        return None

    def _disputed_in_sentence(self, trigger: Token, predicate: Token) -> bool:
        """The act is told in someone's report and the sentence disputes that report: a
        relative or appended clause of dispute after it ("Kyiv says Russian forces fired first,
        which Moscow denies"; "..., a charge Cotonou rejects"), hanging on the act's clause or
        on a clause governing it, or on the last words of the act's own clause, where the
        parser often hangs it (it may also make the dispute the sentence's root)."""
        if not self._reported(trigger):
            return False  # the reporter's own account, not someone's report
        ancestors = [trigger, *trigger.ancestors]
        near = {a.i for a in ancestors} | {t.i for t in predicate.subtree}
        for verb in trigger.sent:
            if verb.i <= trigger.i or verb.lemma_.lower() not in self.w.dispute_verbs or verb.pos_ != "VERB":
                continue
            if verb.dep_ == "conj":
                continue  # "who is supporting Sanders but dismissed the story": the doer's own second act
            if verb.i not in near and verb.head.i not in near and verb.head.head.i not in near:
                continue
            if any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and (c.lower_ in self.w.dispute_relatives
                   or (c.lemma_.lower() in self.w.hearsay_nouns and c.i > trigger.i)) for c in verb.children):
                return True
            if verb.dep_ == "relcl" and verb.head.lemma_.lower() in self.w.hearsay_nouns and verb.head.i > trigger.i:
                return True  # "..., a charge Paris has rejected"
        return False

    def _unsupported_claim(self, trigger: Token) -> bool:
        """The act is the content of a claim ("the ad suggests [the officers support Trump]",
        "claimed [Clinton had helped Machado]") and the sentence calls the claim false or
        unsupported: "wrongfully", "a baseless story", "contradicting", "offered no proof"."""
        if self._claim_head(trigger) is None:
            return False
        words = [t for t in trigger.sent if t.i != trigger.i]
        if any(t.lemma_.lower() in self.w.falsity_words or t.lower_ in self.w.falsity_words for t in words):
            return True
        return any(t.lemma_.lower() in self.w.proof_nouns and self._absent(t) for t in words)

    def _claim_head(self, trigger: Token) -> Optional[Token]:
        """The verb or noun of saying or claiming whose content clause holds the act, up to
        three clauses up ("claimed [Clinton had helped]", "the claim [that he had refused]")."""
        heads = self.w.reporting_verbs | self.w.allegation_heads | self.w.hearsay_nouns | self.w.telling_heads
        token = trigger
        for _ in range(3):
            if token.head.i == token.i:
                return None
            if token.dep_ in ("ccomp", "acl", "xcomp") and token.head.lemma_.lower() in heads:
                return token.head
            if token.dep_ not in ("ccomp", "acl", "xcomp", "conj", "relcl"):
                return None
            token = token.head
        return None

    def _absent(self, noun: Token) -> bool:
        """"no proof", "without evidence", "little evidence"."""
        if any(c.lower_ in self.w.absence_words for c in noun.children if c.dep_ in ("det", "amod", "neg")):
            return True
        return noun.dep_ == "pobj" and noun.head.lower_ in self.w.absence_words

    def _disputed_next(self, trigger: Token) -> bool:
        """The act is told in someone's report and one of the next sentences answers it with a
        dispute of "the charge", "the accusation", "that claim", "the report": "Kyiv says Minsk
        supplied fuel to the Russian army. Belarus denies the charge." A denial that names its
        own matter ("denied attacking the convoy") answers no report."""
        if not self._reported(trigger):
            return False
        doc, end = trigger.doc, trigger.sent.end
        for _ in range(_DISPUTE_REACH):
            if end >= len(doc):
                return False
            sent = doc[end].sent
            for verb in sent:
                if verb.lemma_.lower() in self.w.dispute_verbs and verb.pos_ == "VERB" and any(
                        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.w.hearsay_nouns
                        and all(d.lower_ in self.w.told_determiners for d in c.children if d.dep_ == "det")
                        for c in verb.children):
                    return True
            end = sent.end
        return False

    def _reported(self, trigger: Token) -> bool:
        """The act is told under a verb of saying or alleging, not in the reporter's own voice. A
        conjunct of that verb is no content of it: in "accused the government of ... and demanded
        that the minister appear", the demand is made, not reported."""
        node = trigger
        for _ in range(12):
            head = node.head
            if head.i == node.i:
                return False
            if node.dep_ != "conj" and head.lemma_.lower() in self.w.reporting_verbs | self.w.allegation_heads:
                return True
            node = head
        return False

    @staticmethod
    def _described_before(chain: list[Token], aux: set[str]) -> bool:
        """"Hungary, which had threatened to block the package, dropped its objections": a
        past perfect describing the actor is background to the clause it sits in. The
        perfect may sit on a verb the act is governed through ("whose governments had tried
        to mediate"): the act shares its time."""
        return "had" in aux and any(v.tag_ == "VBN" and v.dep_ == "relcl" for v in chain)

    def _since_then(self, verb: Token) -> bool:
        """"has since deported", "has since written to him": a bare "since" counts the act from
        the last time told before it (in its sentence or the one before, in its paragraph);
        from a time before the news ("talks collapsed in November. Pakistan has since ..."),
        the act is background; from a recent one ("last Thursday") it is the news."""
        since = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in self.w.starting_point_words
                      and not list(c.children)), None)
        if since is None:
            return False
        sent = since.sent
        start = sent.start
        if start > 0 and self._paragraph_start(sent) < start:
            start = max(self._paragraph_start(sent), self.doc[start - 1].sent.start)
        before = [d for d, t in self.dates if t is not None and start <= t.i < since.i]
        return bool(before) and self.is_historical(before[-1].value)

    def _framed_in_past(self, match: _Match) -> bool:
        """A simple past with no time of its own, told after a time before the news: the
        writer has moved into background ("In September 2022, a week of clashes killed 100
        more. Dushanbe accused Kyrgyz troops of shelling ..."; "In January, Burundi accused Rwanda
        ..., an accusation Kigali dismissed"). The last time named before the act,
        in its sentence or up to ``_FRAME_REACH`` sentences of its paragraph back, sets its
        time. A time of the news in its sentence or the framing one ("on Monday") keeps it
        news, and a present or perfect verb reaches the present. Dates that describe a thing
        ("the 2016 ruling", "which Turkey brokered in 2024") or bound a span reaching now
        ("since January") set no time."""
        verb = _narrating_verb(match.predicate)
        if verb is None or self.actors.quote_at(verb.idx) is not None:
            return False  # a speaker's own words keep their own time
        trigger, sent = match.trigger, match.trigger.sent
        told = self._framing_dates(sent)
        # a time still to come elsewhere in the sentence ("a pledge to cut emissions by 2025") is
        # what the act is about, not the time it is told in
        if any(not self._before_news(date) for date, _ in told) or self._news_time_in(sent, ahead=False):
            return False
        earlier = [date for date, token in told if token.i < trigger.i]
        if earlier:
            return True
        paragraph = self._paragraph_start(sent)
        # "Putin apologized days later": the time counted from is the last one told, even
        # across a paragraph break
        crossing = self._counted_later(verb)
        for _ in range(_FRAME_REACH):
            if sent.start == 0:
                return False
            if sent.start <= paragraph and not crossing:
                # a new paragraph keeps the time of the ones before it only while they narrate
                # the past, and only for deeds: a statement, appeal or accusation after a
                # background paragraph is most often the day's reaction to the news
                return self._carried_frame(match.trigger.sent, cued=self._done_act(match))
            sent = self.doc[sent.start - 1].sent
            told = self._framing_dates(sent, earlier=True)
            if told:
                return all(self._before_news(date) for date, _ in told)
        return False

    @staticmethod
    def _done_act(match: _Match) -> bool:
        """The act is a deed (a meeting, support, a material act), not one done in words."""
        root = match.pattern.root if match.pattern is not None else ""
        return bool(root) and root not in VERBAL_ROOTS

    def _carried_frame(self, sent: Span, cued: bool) -> bool:
        """A past time set in an earlier paragraph still holds for ``sent``: reading back, up to
        ``_CARRY_REACH`` paragraphs, a sentence that sets a time before the news comes before any
        return to the present (a date of the news, a clause in the reporter's present or perfect,
        "now", a heading). Asides are read past: a parenthesis, a speaker's own words, a glance
        ahead ("In hindsight, it would prove significant. The accord is expected to be ratified
        next month"). A retrospective told over several paragraphs stays in its past; a news
        paragraph after a background one starts again from the present. Unless ``cued`` (a
        deed), the way back must pass a word pointing back to that time ("the senator said
        then", "Cruz said at the time"): a statement or appeal after a background paragraph is
        most often the day's reaction to the news."""
        paragraph, crossed = self._paragraph_start(sent), 0
        cued = cued or self._told_then(sent)
        while sent.start > 0:
            sent = self.doc[sent.start - 1].sent
            if sent.start < paragraph:
                crossed += 1
                if crossed > _CARRY_REACH:
                    return False
                paragraph = self._paragraph_start(sent)
            narration = self._narration_of(sent)
            if narration != "past":
                return narration == "frame" and cued
            cued = cued or self._told_then(sent)
        return False

    def _told_then(self, sent: Span) -> bool:
        """The reporter sets the sentence in a time told before: a past verb followed by "then"
        or "at the time" ("the senator said then", "Cruz said at the time"); not the "then" of a
        sequence ("he then flew to Paris", "and then"), which comes before its verb."""
        for token in sent:
            head = token.head
            if head.tag_ != "VBD" or token.i < head.i or self.actors.quote_at(token.idx) is not None:
                continue
            if token.dep_ == "advmod" and token.lower_ in self.w.recalled_times:
                return True
            if token.dep_ == "prep" and token.lower_ == "at" and any(
                    c.dep_ == "pobj" and c.lemma_.lower() == "time" and any(
                        d.dep_ == "det" and d.lower_ in self.w.told_determiners for d in c.children)
                    and not any(d.dep_ not in ("det",) for d in c.children)
                    for c in token.children):
                return True
        return False

    def _narration_of(self, sent: Span) -> str:
        """What a sentence does to the time a narrative runs in: ``frame`` sets a time before
        the news, ``present`` comes back to the news, ``past`` (or an aside) goes on in the time
        already set."""
        told = self._framing_dates(sent, earlier=True)
        if any(not self._before_news(date) and not self._ahead(date) for date, _ in told) or self._news_time_in(sent, ahead=False):
            return "present"
        if told and all(self._before_news(date) for date, _ in told):
            return "frame"
        if self._aside(sent):
            return "past"
        root = sent.root
        if root.pos_ not in ("VERB", "AUX"):
            return "present"  # a heading or a live blog's time stamp opens a new section
        if _present(root) or any(c.dep_ == "advmod" and c.lower_ in self.w.present_markers for c in root.children):
            return "present"
        return "past"

    def _aside(self, sent: Span) -> bool:
        """A sentence that does not move the narrative's time: in parentheses, all in a speaker's
        own words, or a glance ahead (a date to come, or a modal on its main verb)."""
        text = sent.text.strip()
        if text.startswith("(") and text.rstrip(".").endswith(")"):
            return True
        root = sent.root
        if self.actors.quote_at(root.idx) is not None:
            return True
        if any(token is not None and sent.start <= token.i < sent.end and self._ahead(date) for date, token in self.dates):
            return True
        return any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children)

    def _ahead(self, date) -> bool:
        start = _period_start(date.value)
        return bool(self.published and start and start > self.published)

    def _counted_later(self, verb: Token) -> bool:
        """"days later", "a week later": the act is timed from a time told before it."""
        def counted(adverb: Token) -> bool:
            # the span may hang on the adverb or, misparsed, sit just before it ("Azerbaijan days later")
            before = adverb.doc[adverb.i - 1] if adverb.i > 0 else adverb
            return any(g.dep_ == "npadvmod" for g in adverb.children) or before.lemma_.lower() in self.w.counted_units
        return any(c.dep_ == "advmod" and c.lower_ in self.w.later_adverbs and counted(c) for c in verb.children)

    def _framing_dates(self, sent: Span, earlier: bool = False) -> list:
        """The dates of ``sent`` that time a narrated clause, in order, as (date, first token).
        With ``earlier`` (``sent`` comes before the act's own sentence), a date in a clause
        telling what a person did then also sets the time the writer moves into ("risky for
        Cruz, who refused to endorse Trump at the convention in July. Cruz exhorted
        Republicans to ..."); a clause describing a thing does not ("the deal, which Turkey
        brokered in 2024")."""
        found = []
        for date, token in self.dates:
            if token is None or not (sent.start <= token.i < sent.end) or _names_a_thing(date, token):
                continue
            span = self.doc.char_span(date.span[0], date.span[1], alignment_mode="expand")
            root = span.root if span is not None else token
            if _in_describing_clause(root) and not (earlier and self._persons_past(root)):
                continue
            if self._bounded(root) and not _narrated_at(root):
                continue  # "since January" sets no time; "since April 2025, when Algeria downed a drone" does
            found.append((date, token))
        return found

    def _news_time_in(self, sent: Span, ahead: bool = True) -> bool:
        """A time of the news anywhere in ``sent``, also in a describing clause: "In a video
        posted this week, he urged ..." is told now whatever came before. Without ``ahead``, a
        time still to come ("next month") is no time of the news."""
        return any(token is not None and sent.start <= token.i < sent.end and not self._before_news(date)
                   and (ahead or not self._ahead(date)) for date, token in self.dates)

    def _persons_past(self, token: Token) -> bool:
        """``token`` sits in a relative clause narrating a person's own past act: a simple
        past whose subject is a personal relative pronoun ("who refused to endorse him in July")."""
        node = token
        for _ in range(20):
            if node.dep_ in ("relcl", "acl"):
                break
            if node.head.i == node.i:
                return False
            node = node.head
        clause = node
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "relcl" or clause.tag_ != "VBD":
            return False
        return any(c.dep_ in SUBJECTS and c.lower_ in self.w.person_relatives for c in clause.children)

    def _bounded(self, token: Token) -> bool:
        """The date hangs under a bounding preposition on its way up to its verb ("since the
        end of September")."""
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
                return False
            if token.dep_ == "prep" and token.lower_ in self.w.frame_bounds:
                return True
            token = token.head
        return False

    def _before_news(self, date) -> bool:
        return self.is_historical(date.value) or self._earlier_in_period(date)

    def _earlier_in_period(self, date) -> bool:
        """"earlier this year", "earlier this month": a time the writer puts before now
        within a month or longer still running; told as background, like a month that is
        over ("earlier this week" stays news: the week is the news cycle)."""
        words = set(date.text.lower().split())
        return bool(words & _prior_edges()) and _is_month_or_longer(date.value)

    def _no_plan_for(self, match: _Match) -> bool:
        """The act noun (the trigger or its object) sits under a denied intent: "has no
        plans for direct talks", "no intention of meeting him"."""
        for noun in [match.trigger, *match.objects]:
            if noun.head.dep_ != "prep" or noun.head.i == noun.i:
                continue
            owner = noun.head.head
            if owner.lemma_.lower() in self.w.plan_nouns and any(
                    c.dep_ == "det" and c.lower_ in self.w.negation for c in owner.children):
                return True
        return False

    def _habitual(self, verb: Token, children: list[Token]) -> bool:
        """"has long mediated", "had long resisted", "has hosted refugees for four decades":
        a practice of long standing, background to the news."""
        if verb.tag_ not in ("VBN", "VBD"):
            return False
        if any(c.dep_ == "advmod" and c.lower_ in self.w.habitual_markers for c in children):
            return True
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        return perfect and any(
            c.dep_ == "prep" and c.lower_ == "for"
            and any(t.lemma_.lower() in self.w.standing_units for t in c.subtree)
            for c in verb.children)

    def _prior_object(self, match: _Match) -> bool:
        """The act's own object is placed before the news: "mediated earlier rounds of talks"."""
        if match.trigger.pos_ not in ("VERB", "AUX"):
            return False
        objects = [c for c in match.trigger.children if c.dep_ in ("dobj", "attr")]
        return any(c.dep_ == "amod" and c.lower_ in self.w.prior_adjectives for o in objects for c in o.children)

    def _needed(self, verb: Token) -> bool:
        """The act is what someone says must be done: an infinitive under "need", directly or
        through a purpose clause ("need to do everything we can to support them")."""
        node = verb
        for _ in range(3):
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            if node.dep_ not in ("xcomp", "advcl") or not infinitive or node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in self.w.necessity_verbs:
                return True
        return False

    def _long_ago(self, verbs: list[Token]) -> bool:
        """"criticised her years ago", "in the 1990s": a span of time counted back from now,
        or a decade, on the clause or a clause governing it (no resolved date says so)."""
        for verb in verbs:
            for child in verb.children:
                if child.dep_ == "advmod" and (child.lower_ == "ago" or self._offset(child)):
                    if any(c.lemma_.lower() in self.w.long_ago_units for c in child.subtree):
                        return True
                if child.dep_ == "prep" and child.lower_ in ("in", "during") and any(
                        _DECADE.match(c.lower_) for c in _own_phrase(child)):
                    return True
        return False

    def _offset(self, adverb: Token) -> bool:
        """"weeks earlier", "two years later" (not a bare "earlier": "said earlier" is today):
        the span before the adverb is what makes it a time counted from another past one."""
        return adverb.lower_ in self.w.offset_adverbs and adverb.tag_ in ("RBR", "RB", "IN")

    def _follows_past(self, verb: Token) -> bool:
        """A past act told as following another act dated before the news: "resigned after
        Russia seized Crimea in 2014", "fled following the 2019 coup". Only a simple or past
        perfect past: "has grown after the 2014 war" reaches the present."""
        if verb.tag_ != "VBD" and not (verb.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)):
            return False
        clause_marks = self.w.sequel_words | self.w.frame_marks  # "after ...", "when ..."
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in self.w.sequel_words:
                phrase = list(child.subtree)
            elif child.dep_ == "advcl" and any(
                    m.dep_ in ("mark", "prep", "advmod") and m.lower_ in clause_marks for m in child.children):
                phrase = list(child.subtree)
            else:
                continue
            if self._dated_before_news(phrase[0].i, phrase[-1].i):
                return True
            if child.dep_ == "advcl" and self._long_ago([child]):
                return True  # "Back when it signed on more than 20 years ago, the US pledged"
        return False

    def _dated_before_news(self, first: int, last: int) -> bool:
        """A date among tokens ``first``..``last`` lies before the news cycle."""
        return any(token is not None and first <= token.i <= last and self.is_historical(date.value)
                   for date, token in self.dates)

    def _guessed(self, verb: Token, children: list[Token]) -> bool:
        """A guess ("Perhaps the moderators will demand ...") or a scenario set up by an
        opening imperative "Say"/"Suppose"/"Imagine" (the parser often makes what follows
        its object, so the whole sentence is the scenario)."""
        if any(c.dep_ == "advmod" and c.lower_ in self.w.hypothetical_adverbs for c in children):
            return True
        first = next((t for t in verb.sent if not t.is_punct), None)
        return (first is not None and first.lemma_.lower() in self.w.supposition_verbs
                and first.tag_ == "VB" and first.dep_ == "ROOT"
                and not any(c.dep_ in SUBJECTS for c in first.children))

    def _narrated_before(self, verb: Token) -> bool:
        """A past perfect in the reporter's own main clause, outside any quote: "Mali had
        expelled the French ambassador, and relations soured" tells background. Reported
        speech ("said Pakistan had accepted") and time clauses ("after Hamas had rejected
        the plan") backshift the day's news and are left alone."""
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        return node.dep_ == "ROOT" and self.actors.quote_at(verb.idx) is None

    def _recalled(self, verb: Token) -> bool:
        """The clause is a fact recalled by a reporter ("noted that ...", "recalled that ...")."""
        node = verb
        while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        return node.dep_ == "ccomp" and node.head.lemma_.lower() in self.w.background_reporting_verbs

    def _conditional(self, verb: Token, own_condition: bool = True) -> bool:
        """The act sits in a condition or is its consequence. ``own_condition`` False skips a
        condition on the act's own verb (a threat's content). A relative clause is told as a
        fact even inside a condition: "only if the juntas commit, a condition Mali has rejected"."""
        node = verb
        for _ in range(6):
            if self._condition_mark(node):
                return True
            # the consequence of a condition: "would send tanks if Germany agreed"
            if (own_condition or node is not verb) and any(
                    c.dep_ == "advcl" and self._condition_mark(c) for c in node.children):
                return True
            if node.dep_ in ("ROOT", "ccomp", "relcl") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _counted_from(self, trigger: Token) -> bool:
        """The act is the point a later time is counted from, so it lies before the news:
        "six months after Mali quit the bloc", "since Washington imposed tariffs", or it is
        told in a clause on an earlier date ("since January, when Petro suspended talks after
        the rebels launched an offensive"). A bare "after" is no mark: the day's news is
        often told "after" its cause."""
        node = trigger
        for _ in range(8):
            if self._measured_anteriority(node) or self._since(node):
                return True
            # a clause in the present on a past date is told now: "killed civilians in 2021,
            # which the army denies"
            if node.dep_ in ("relcl", "advcl", "acl") and not _present(node) and self._on_past_date(node.head):
                return True
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _measured_anteriority(self, node: Token) -> bool:
        """"<n> months after": a span of time counted from the act (parsed on the clause, on
        the act noun, or on the preposition itself)."""
        marks = [c for c in node.children if c.dep_ in ("mark", "prep") and c.lower_ in self.w.anteriority_words]
        for child in node.children:
            if child.dep_ == "npadvmod" and child.lemma_.lower() in self.w.long_ago_units:
                if marks or any(g.lower_ in self.w.anteriority_words for g in child.children):
                    return True
        return node.lower_ in self.w.anteriority_words and any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in self.w.long_ago_units for c in node.children)

    def _since(self, node: Token) -> bool:
        """"since the government arrested him", "since the invasion": what a state of things
        has lasted from. Only a past clause: "since Kyiv refuses" gives a reason."""
        if node.dep_ == "prep" and node.lower_ in self.w.starting_point_words:
            return True
        return node.tag_ in ("VBD", "VBN") and any(
            c.dep_ == "mark" and c.lower_ in self.w.starting_point_words for c in node.children)

    def _on_past_date(self, token: Token) -> bool:
        """``token`` is part of a date before the news cycle ("since January, when ...")."""
        for date, start in self.dates:
            if start is not None and start.i <= token.i and token.idx < date.span[1]:
                if self.is_historical(date.value):
                    return True
        return False

    def _repeated_before(self, verb: Token, children: list[Token]) -> bool:
        """"has hosted several rounds of talks": a perfect counting repeated occasions tells a
        record of past acts, background to the news."""
        if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
            return False
        for obj in (c for c in children if c.dep_ == "dobj"):
            counted = any(c.lower_ in self.w.repeat_quantifiers for c in obj.children)
            if counted and obj.lemma_.lower() in self.w.occasion_nouns:
                return True
        return False

    def _condition_mark(self, clause: Token) -> bool:
        """The clause opens with "if"/"unless"/"whether", not with a concession: "vowed to
        fight on even if it takes a hundred years" holds whatever happens."""
        for mark in (c for c in clause.children if c.dep_ == "mark" and c.lower_ in self.w.conditional_marks):
            before = clause.doc[mark.i - 1] if mark.i > 0 else None
            if before is None or before.lower_ not in self.w.concessive_words:
                return True
        return False

    # places
    def location(self, match: _Match, sent: Span, actor_ids: list[str]) -> Optional[Location]:
        """The place of the act's own clause ("met in Oslo"), of a clause it hangs on
        ("In Kinshasa, protesters attacked ..., accusing ..."), or of the scene a fronted
        phrase sets for its paragraph ("At a briefing in Beijing, Guo said ... . He accused ...")."""
        governing = set(v.i for v in _governing_clauses(match.predicate))
        anchors = {match.trigger.i, match.predicate.i}
        for place, token in self.places:
            if token is None or not (sent.start <= token.i < sent.end) or self.actors.by_token[token.i] in actor_ids:
                continue
            prev = self.doc[token.i - 1] if token.i > 0 else None
            visit = match.pattern is not None and match.pattern.code == "042"
            locative = (prev is not None and prev.lower_ in self.w.locative_preps) or self._locative_prep(token) is not None
            # a visit's place may be its object: "visited Kyiv", "travelled to Paris"
            if not locative and not (visit and (token.dep_ == "dobj" or (prev is not None and prev.lower_ == "to"))):
                continue
            node = token
            for _ in range(12):
                if node.i in anchors or node.head.i == node.i:
                    break
                if node.pos_ in ("VERB", "AUX") and node.i != token.i:
                    break
                node = node.head
            if node.i in anchors or (locative and node.i in governing):
                return _as_location(place)
        scene = self._scene(match.predicate, sent)
        return _as_location(scene) if scene is not None else None

    def dateline_location(self, match: _Match, modality: str, date: Optional[str],
                          source: list[str]) -> Optional[Location]:
        """The dateline's place ("NAIROBI, March 19 (Reuters) -") for an act of the day's news
        that the text places nowhere else, by actors who may be there: of the dateline's
        country, or of none known (an international body, an unnamed official). A foreign
        government's act is told from its own capital, not the reporter's."""
        dateline = self.dateline()
        if dateline is None or modality != "asserted" or (date is not None and not self._in_news_cycle(date)):
            return None
        if any(self.actors.country(a) not in (None, dateline.country) for a in source):
            return None
        sent = match.trigger.sent
        if any(sent.start <= t.i < sent.end and p.country != dateline.country and self._locative_prep(t) is not None
               for p, t in self.places if t is not None):
            return None  # the sentence tells of somewhere else: "an attack on a site in Mirebalais"
        return _as_location(dateline)

    def dateline(self):
        """The place of the article's dateline, found once: a place opening one of the first
        paragraphs and followed, before a dash, only by a country, a date or an agency."""
        if self._dateline is False:
            self._dateline = None
            text = text_of(self.doc)
            for found in _DATELINE.finditer(text[:_DATELINE_REACH]):
                if _LOWER_WORD.search(_PARENS.sub("", found.group("rest"))):
                    continue  # a sentence, not a dateline
                start = found.start("place")
                place = next((p for p, _ in self.places if p.span[0] == start and p.kind == "city"), None)
                self._dateline = place or _dateline_city(found.group("place").strip(), found.group("rest"))
                if self._dateline is not None:
                    break
        return self._dateline

    def _in_news_cycle(self, value: str) -> bool:
        start = _period_start(value)
        return not self.is_historical(value) and not (self.published and start and start > self.published)

    def _locative_prep(self, token: Token) -> Optional[Token]:
        """The locative preposition a toponym is the object of, through the noun phrase it
        names: "in the capital, Sanaa", "in the eastern state of Kassala"."""
        node = token
        for _ in range(6):
            if node.head.i == node.i:
                return None
            if node.dep_ == "pobj":
                prep = node.head
                if prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "PROPN"):
                    node = prep.head  # "the department of Arauca": the department is the place
                    continue
                return prep if prep.lower_ in self.w.locative_preps else None
            if node.dep_ not in ("appos", "compound", "amod", "nmod") or node.head.pos_ not in ("NOUN", "PROPN"):
                return None
            node = node.head
        return None

    def _scene(self, predicate: Token, sent: Span):
        """The place a fronted phrase sets at the head of a sentence of the event's paragraph
        ("In Washington, Biden was asked ...", "Speaking in Kassala, he said ..."), up to the
        event's sentence; the nearest before the event wins. A paragraph break ends a scene."""
        start = self._paragraph_start(sent)
        found = None
        for place, token in self.places:
            if token is None or token.i < start or token.i >= sent.end:
                continue
            if token.i in self.actors.metonyms or not self._fronted(token):
                continue
            if token.sent.start == sent.start and token.i > predicate.i:
                continue
            found = place
        return found

    def _fronted(self, token: Token) -> bool:
        """The toponym is in a locative phrase set before its sentence's main clause, closed by
        a comma: "In Kinshasa, ...", "At the UN in New York, ...", "Speaking to troops in X, ..."."""
        prep = self._locative_prep(token)
        root = token.sent.root
        if prep is None or root.i < token.i:
            return False
        between = token.doc[token.i + 1:root.i]
        if not any(t.text == "," for t in between):
            return False
        # the phrase hangs on the main verb (directly or through a participle opening the sentence)
        node = prep
        for _ in range(8):
            if node.i == root.i:
                return True
            if node.head.i == node.i or (node.pos_ in ("VERB", "AUX") and node.dep_ not in ("advcl",)):
                return False
            node = node.head
        return False

    def _paragraph_start(self, sent: Span) -> int:
        """Token index where the paragraph holding ``sent`` begins (after the last line break)."""
        brk = text_of(self.doc).rfind("\n", 0, sent.start_char)
        if brk < 0:
            return 0
        token = _char_token(self.doc, brk + 1)
        return token.i if token is not None else 0

    def meeting_code(self, code: str, source: list[str], target: list[str], location: Location) -> str:
        """Where a meeting happened decides visit (042), host (043) or third location (044)."""
        if code not in ("040", "046") or not location.country:
            return code
        src = {self.actors.country(a) for a in source}
        tgt = {self.actors.country(a) for a in target}
        if None in src or None in tgt:
            return code
        here = location.country
        if here not in src and here not in tgt:
            return "044"
        if code == "046":
            return code
        if here in tgt and here not in src:
            return "042"
        if here in src and tgt and here not in tgt:
            return "043"
        return code


# how far up through conjuncts and complements the content of a statement is looked for
_SAID_REACH = 4


def said_before(node: Token, words) -> bool:
    """The act is the content of a statement marked as made before ("had previously said
    they would take measures", "had already announced it would withdraw"): the threat,
    pledge or plan is one recalled, not made in the news. ``node`` is the act's verb (or,
    for an act derived from a clause, the clause's head); ``words`` the coder's modality
    words (``cameo/modality.yaml``: reporting_verbs, prior_markers)."""
    for _ in range(_SAID_REACH):
        if node.head.i == node.i:
            return False
        if node.dep_ == "ccomp":
            statement = node.head
            return (statement.lemma_.lower() in words.reporting_verbs
                    and any(c.dep_ == "advmod" and c.lower_ in words.prior_markers for c in statement.children))
        if node.dep_ not in ("conj", "xcomp"):
            return False
        node = node.head
    return False


# a date in one of these relations to a noun says which thing it is ("the 2021 understanding",
# "last year's talks"), not when the act was done
_THING_DATE_DEPS = ("nummod", "compound", "amod", "poss", "nmod")


def _names_a_thing(date, token: Token) -> bool:
    """The date expression modifies a noun: every one of its words hangs inside the phrase
    and the phrase's head word is a noun modifier."""
    doc = token.doc
    span = doc.char_span(date.span[0], date.span[1], alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return head.dep_ in _THING_DATE_DEPS and head.head.pos_ in ("NOUN", "PROPN") and not head.head.i in range(span.start, span.end)


# how an act's clause hangs inside another act's: time and describing clauses, and the noun
# phrases they describe ("during the exercises held by Russia"); a reported clause has its own time
_CLAUSE_DEPS = ("advcl", "relcl", "acl")
_ENCLOSING_DEPS = _CLAUSE_DEPS + ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos", "pcomp")
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
_PAST_BE = frozenset({"was", "were"})


def _past_form(verb: Token) -> bool:
    """A past act: a simple past, a participle ("held by", "has condemned") or a subjectless
    gerund adjunct; a noun act. A present tense tells a state that may still hold."""
    if verb.pos_ in ("NOUN", "PROPN"):
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG":
        return not aux
    # "is scheduled", "are held": a present passive
    return verb.tag_ in ("VBD", "VBN") and not any(a.lower_ in _PRESENT_BE for a in aux)


def _narrating_verb(verb: Token) -> Optional[Token]:
    """The simple-past verb that narrates the act: the act's own, or for a participle on a
    noun ("established a policy urging employees") or a subjectless adjunct ("..., calling
    it a disgrace") the verb it hangs from. None for any other tense or a modal."""
    node = verb
    for _ in range(4):
        if node.tag_ == "VB" and node.dep_ in ("xcomp", "conj") and node.head.i != node.i and not any(
                c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in node.children):
            node = node.head  # "led Mali to recall its ambassador": the infinitive's time is its governor's
            continue
        if node.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in node.children):
            break
        head = node.head
        if node.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
            head = head.head
        elif node.dep_ not in ("advcl", "xcomp", "conj") or head.i == node.i:
            return None
        node = head
    aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
    if node.tag_ == "VBD" and not aux or node.tag_ == "VBN" and aux and aux <= _PAST_BE:
        return node  # "accused", "was arrested"
    if node.tag_ == "VBN" and not aux and any(c.dep_ in SUBJECTS for c in node.children):
        return node  # "an accusation Kigali dismissed": a past the tagger read as a participle
    return None


def _narrated_at(date_root: Token) -> bool:
    """The date heads a clause telling what happened then: "since April 2025, when Algeria
    downed a drone"."""
    return any(c.dep_ == "relcl" and any(w.dep_ == "advmod" and w.tag_ == "WRB" for w in c.children)
               for c in date_root.subtree)


def _present(verb: Token) -> bool:
    """The clause is told in the present ("remains", "is committed")."""
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _own_phrase(head: Token) -> list[Token]:
    """The words of ``head``'s phrase, without the clauses inside it: "in a move that could
    close a conflict that has raged since the 1980s" is no "in the 1980s"."""
    found, stack = [], [head]
    while stack:
        token = stack.pop()
        found.append(token)
        stack += [c for c in token.children if c.pos_ not in ("VERB", "AUX")]
    return found


def _in_describing_clause(token: Token) -> bool:
    """The token sits in a relative or participial clause on a noun."""
    node = token
    for _ in range(20):
        if node.dep_ in ("relcl", "acl"):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _dateline_city(name: str, rest: str):
    """A dateline's city the place finder left out (an upper-case "CHISINAU" is no entity to the
    tagger): the gazetteer's city of that name, in the country the dateline names if it does."""
    from ..geo.gazetteer import get_gazetteer

    gazetteer = get_gazetteer()
    cities = [c.entry for c in gazetteer.lookup(name) if c.entry.kind == "city"]
    named = rest.split(",")[1].split("(")[0].strip() if "," in rest else ""
    countries = {c.entry.country for c in gazetteer.lookup(named) if c.entry.kind == "country"} if named else set()
    if countries:
        cities = [c for c in cities if c.country in countries]
    return max(cities, key=lambda c: c.population, default=None)


def _as_location(place) -> Location:
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                    geonames_id=place.geonames_id)


def _period_end(value: str) -> Optional[dt.date]:
    try:
        if _is_decade(value):
            return dt.date(int(value[:4]) + 9, 12, 31)
        if len(value) == 4:
            return dt.date(int(value), 12, 31)
        if len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:7])
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        if _ISO_WEEK.match(value):
            return dt.date.fromisoformat(value[:8]) + dt.timedelta(days=6)  # its Sunday
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _is_month_or_longer(value: str) -> bool:
    """A month ("2025-09"), a year or a decade, as the dates extractor writes them."""
    return _is_decade(value) or len(value) == 4 or (len(value) == 7 and value[4] == "-")


def _told_as_done(verb: Token) -> bool:
    """A simple past is an act already done: a later date on it names what the act is about
    ("called for street protests next week", "agreed to talks next month"), not its time."""
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _control_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is governed through as a complement or a conjunct sharing
    their auxiliary: "will meet and discuss", "will be unable to turn the crowd and accuse
    the audience" (accuse, turn, unable). Tense, modals and negating heads are read on them.
    A conjunct with an auxiliary or subject of its own keeps its own ("did not oppose the plan
    and would take part": "take" is not negated)."""
    chain, node = [verb], verb
    for _ in range(6):
        if node.head.i == node.i:
            break
        if node.dep_ == "xcomp" or (node.dep_ == "conj" and node.tag_ == "VB" and not _own_auxiliary(node)) \
                or _purpose_clause(node):
            node = node.head
            chain.append(node)
        else:
            break
    return chain


def _purpose_clause(verb: Token) -> bool:
    """A bare "to" infinitive that tells what its governing act is for: "will dispatch a
    delegation to Juba to meet President Kiir". Its act is done when the governing one is, so
    it shares that act's tense and modals (the meeting is as future as the dispatch)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VB" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    children = list(verb.children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and not any(
        c.dep_ in SUBJECTS or c.dep_ == "mark" for c in children)


def _own_auxiliary(verb: Token) -> bool:
    """The verb has its own modal, negation or subject ("opposed the decision and would take
    measures"): a conjunct so marked does not share the tense, modal or negation of the verb
    before it. An infinitive's "to" is no auxiliary of its own ("unable to turn ... and to accuse")."""
    return any((c.dep_ in ("aux", "auxpass", "neg") and c.lower_ != "to") or c.dep_ in SUBJECTS
               for c in verb.children)


@lru_cache(maxsize=1)
def _prior_edges() -> frozenset[str]:
    """Edge words of a date that put the time before now within its period (time.yaml)."""
    return frozenset(str(w).lower() for w in load_lexicon().words.get("prior_edges") or ())


def _period_start(value: str) -> Optional[dt.date]:
    try:
        if _is_decade(value):
            return dt.date(int(value[:4]), 1, 1)
        if len(value) == 4:
            return dt.date(int(value), 1, 1)
        if len(value) == 7 and value[4] == "-":
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _is_decade(value: str) -> bool:
    """A decade as the dates extractor writes it: "1990s"."""
    return len(value) == 5 and value.endswith("s") and value[:4].isdigit()
