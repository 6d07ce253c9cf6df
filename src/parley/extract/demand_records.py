"""Found demands turned into :class:`~parley.model.Demand` records.

For each :class:`~.demand_found.Found`: its party (:mod:`.demand_parties`), whether it is kept
(someone's demand, not the reporter's or an analyst's words), its addressee with the fallbacks
(the party's previous addressee, the other side for issues between two sides), its words,
issue, modality and label. Used for rule matches and for the learned scorer's finds alike.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Sequence

from spacy.tokens import Doc, Span

from ..nlp.sentences import sentence_of, text_of
from ..model import DateRef, Demand, Quote
from .actors import ResolvedActors
from .demand_lexicon import DemandLexicon
from .demand_syntax import _text, _going_to, _trim_range, _committal
from .demand_clauses import _refusing, _threat
from .demand_found import Found, STATEMENT_FORMS
from .demand_actor_index import mention_index
from .demand_addressees import (addressed_to_all, answers_other_side, find_addressee, load_party_lexicon, off_own_side,
                                other_side, pair_phrase, pair_sides)
from .demand_parties import Attribution, _commentator, attribute, voice_of, anonymous_voice, _quote_cued_by
from .demand_spans import drop_heading_echoes, drop_restated, hyphen_end, one_per_addressee


# Issues that lie between two sides: an obligation a speaker states about them with no one
# named is put to the other side ("talks had to be based on the Istanbul agreements").
BILATERAL_ISSUES = ("talks", "ceasefire", "territory", "withdrawal", "NATO membership", "recognition", "prisoners")


def to_records(lex: DemandLexicon, doc: Doc, found: list[Found], resolved: ResolvedActors, quotes: Sequence[Quote],
                published: Optional[dt.date], dates: Sequence[DateRef]) -> list[Demand]:
    """The records of demands found in the Doc, in the order found: each with its party
    (:func:`~.demand_parties.attribute`), addressee, issue, modality and label. A demand no
    one is known to make, or that is the reporter's or a commentator's words, is left out;
    so are restated demands and live-blog headings that echo the entry below them."""
    actor_at = mention_index(resolved)
    plex = load_party_lexicon()
    demands: list[Demand] = []
    said_to: dict[str, tuple[int, object, bool]] = {}  # party -> (sentence start, addressee, a pair?) of its last demand
    for item in found:
        who = attribute(lex, doc, item, quotes, resolved, actor_at)
        if not _kept(lex, doc, item, who, resolved):
            continue
        quote = who.quote
        party, voiced_by = voice_of(lex, who.party, quote, resolved)
        if voiced_by is None:
            # "A White House official said ...": the body's demand, voiced by the unnamed official.
            voiced_by = anonymous_voice(plex, doc, party, quote or _quote_cued_by(quotes, item.act), resolved)
        sentence = sentence_of(item.act).start
        sides = _pair_sides(plex, item, party, voiced_by, resolved, actor_at)
        paired = bool(sides)
        addressee = sides or off_own_side(plex, item, party, voiced_by,
                                          find_addressee(item, party, actor_at, resolved, lex, plex), resolved, actor_at)
        if addressee is None and not addressed_to_all(plex, item, actor_at):
            if party in said_to and said_to[party][0] == sentence:
                # "urged Israel to allow aid in and to stop ...": the second act is asked of
                # the same addressee; a later sentence may address someone else.
                _, addressee, paired = said_to[party]
                if paired and item.stance != "demand":
                    # "urged both sides to talk, saying it would not allow ...": its own refusal
                    # is not put to the pair.
                    addressee, paired = None, False
            elif answers_other_side(plex, item) or (item.form in ("obligation", "need") and not _first_person(lex, item)
                                                    and _issue(lex, doc, item) in BILATERAL_ISSUES):
                addressee = other_side(plex, item, party, voiced_by, resolved, actor_at)
        if addressee is not None:
            said_to[party] = (sentence, addressee, paired)
        start, end = _word_range(doc, item, quote)
        if end <= start:
            continue
        span = doc[start:end]
        record = Demand(
            party=party, addressee=addressee, text=span.text, span=(span.start_char, span.end_char),
            issue=_issue(lex, doc, item), modality=_modality(lex, item, dates, published, span),
            voiced_by=voiced_by, label=lex.label_of(_label_words(doc, item, start, end)) or None,
            stance=item.stance,
        )
        # "urged both sides to ...": one appeal to two sides is one demand per side.
        demands.extend(one_per_addressee([record]) if paired else [record])
    return drop_heading_echoes(lex, text_of(doc), drop_restated(demands))


def _pair_sides(plex, item: Found, party: str, voiced_by: Optional[str], resolved: ResolvedActors,
                actor_at: dict[int, str]) -> list[str]:
    """The two sides a demand put to an unnamed pair is asked of ("urged both sides to ...",
    "the two neighbours"), or none when it is not put to a pair (or the sides are not found)."""
    if not plex.split_pairs:
        return []
    pair = pair_phrase(plex, item, actor_at)
    return pair_sides(plex, item, pair, party, voiced_by, resolved, actor_at) if pair is not None else []


def _first_person(lex: DemandLexicon, item: Found) -> bool:
    """"We must ...": a demand the speaker puts to their own side names no one else."""
    return item.subject is not None and item.subject.lower_ in lex.first_person


def _kept(lex: DemandLexicon, doc: Doc, item: Found, who: Attribution, resolved: ResolvedActors) -> bool:
    """Whether a found demand is someone's demand and not the reporter's or an analyst's words."""
    party, quote, party_tok, reporter = who.party, who.quote, who.party_tok, who.reporter
    if party is None:
        return False  # precision first: a demand nobody is known to make is left out
    if _commentator(lex, doc, quote, party, party_tok, resolved):
        return False  # an analyst's "must" or "should" is an opinion, not a demand
    if item.form in STATEMENT_FORMS and quote is None and reporter is None:
        return False  # the reporter's own "should", "will not", or a headline's imperative
    if item.form == "imperative" and (quote is None or quote.kind != "direct"):
        return False
    if item.needs_statement and quote is None and reporter is None:
        return False  # "the deal would collapse if ...": the reporter's hypothesis
    if item.form == "condition" and quote is None and not _committal(item.context) \
            and not _refusing(lex, item.context) and not _threat(lex, item.context):
        return False  # "talks began only when ...": a narrative, not a condition
    return True


def _word_range(doc: Doc, item: Found, quote: Optional[Quote]) -> tuple[int, int]:
    """The token range of the demand's words, inside its statement when it is in one; empty
    (end <= start) when nothing but punctuation is left."""
    start, end = item.start, item.end
    if quote is not None:  # the words of the statement only, not "which Peskov said"
        q = doc.char_span(quote.span[0], quote.span[1], alignment_mode="expand")
        if q is not None:
            start, end = max(start, q.start), min(end, q.end)
    return _trim_range(doc, start, hyphen_end(doc, end))


def _issue(lex: DemandLexicon, doc: Doc, item: Found) -> Optional[str]:
    issue = lex.issue_of(doc[item.label_start if item.label_start is not None else item.start:item.end].text)
    if issue is None and item.label_start is not None:
        issue = lex.issue_of(doc[item.start:item.end].text)
    if issue is None and item.context is not None:
        issue = lex.issue_of(_text(item.context))
    if issue is None:
        issue = lex.issue_of(item.act.sent.text)
    return issue


def _modality(lex: DemandLexicon, item: Found, dates: Sequence[DateRef], published: Optional[dt.date], words: Span) -> str:
    act = item.act
    verb = act.head if act.dep_ in ("aux", "mark") else act
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    if item.form in ("verb", "refusal", "rejection", "statement"):
        if any(a.dep_ == "neg" for a in auxes):
            return "negated"
        aux_words = {a.lower_ for a in auxes}
        if aux_words & lex.future_auxes or _going_to(verb):
            return "future"
        if aux_words & lex.hypothetical_auxes:
            return "hypothetical"
        if "had" in aux_words and verb.tag_ == "VBN":
            return "historical"
    if published is not None and _dated_before(act.sent, words, dates, published, lex.historical_days):
        return "historical"
    return "asserted"


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


def _label_words(doc: Doc, item: Found, start: int, end: int) -> str:
    """The words the short label is made of: the condition proper ("Ukraine withdraws its
    troops", not the "will not agree ... unless" before it)."""
    if item.label_start is not None and start <= item.label_start < end:
        return doc[item.label_start:end].text
    return doc[start:end].text
