"""Who sets a condition: the party and its voice for a found demand.

:func:`attribute` names the party (the speaker of the statement the words are in, the subject
or agent of the demand verb, a reporter, a pronoun's antecedent, a document's author, or a
speaker or group no known actor names); :func:`voice_of` puts a spokesperson's words on their
state and keeps the person in ``voiced_by``. Addressees are :mod:`.demand_addressees`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..nlp.sentences import sentence_of, sentences
from ..model import Actor, MentionDetail, Quote
from .actors import ResolvedActors
from .demand_lexicon import DemandLexicon, load_demand_lexicon
from .demand_syntax import (_subject, _resolve_relative, _owner, _name_start, _doer_of_participle, SUBJECT_DEPS)
from .demand_found import Found, SPEAKER_FORMS, STATEMENT_FORMS
from .quotemarks import DOUBLE_MARKS
from .demand_actor_index import LEADING_WORDS, actor_of, group_actor, is_person, new_actor_id
from .demand_addressees import PartyLexicon

def _commentator(lex: DemandLexicon, doc: Doc, quote: Optional[Quote], party: str, party_tok: Optional[Token],
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
               for w in lex.commentator_words)


def _own_noun_subject(lex: DemandLexicon, item: Found, party_tok: Optional[Token], quote: Optional[Quote]) -> bool:
    """The demand verb has a common-noun subject of its own, written inside a statement it
    does not cue: the subject, not the statement's speaker, made the demand."""
    if quote is None or party_tok is None or item.party_token is None or party_tok.pos_ != "NOUN":
        return False
    if item.party_token.head != item.act or _cued_by(quote, item.act):
        return False
    lemma = party_tok.lemma_.lower()
    if lemma in lex.document_nouns or lemma in lex.first_person:
        return False
    weak = item.act.lemma_.lower() in lex.weak_demand_verbs
    return not weak or (bool(item.addressees) and item.act.lemma_.lower() not in lex.thing_subject_verbs)


def _pronoun_party(lex: DemandLexicon, doc: Doc, pronoun: Token, quotes: Sequence[Quote], resolved: ResolvedActors,
                   actor_at: dict[int, str]) -> Optional[str]:
    """"He also ruled out elections": "he"/"she" is the person whose statement encloses it or
    who spoke last before it (the news convention that a pronoun subject continues the
    previous speaker); "it"/"they" is the body or group that did ("the office said it would
    respond ... and called on ..."). Speakers of the other kind are passed over, within
    ``pronoun_window`` characters."""
    kind = _pronoun_kind(pronoun.lower_)
    if kind is None:
        return None
    near = [q for q in quotes if q.span[0] <= pronoun.idx and pronoun.idx - q.span[0] <= lex.pronoun_window]
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


def _nationality_only(lex: DemandLexicon, noun: Token, actor_at: dict[int, str], resolved: ResolvedActors) -> bool:
    """A common noun named only by a nationality adjective ("German carmakers", "French
    farmers' unions"), that is neither a state's body nor its people in office (lexicon
    ``collective_nouns`` and ``state_nouns``)."""
    if noun.pos_ != "NOUN" or noun.i in actor_at:
        return False
    if noun.lemma_.lower() in lex.collective_nouns or noun.lemma_.lower() in lex.state_nouns:
        return False
    named = [t for t in noun.doc[noun.left_edge.i:noun.i] if t.i in actor_at]
    if not named or not all(t.dep_ in ("amod", "compound", "poss", "case") and t.tag_ in ("JJ", "NNP", "NNPS", "POS")
                            for t in named):
        return False
    actor = resolved.actors.get(actor_at[named[0].i])
    return actor is not None and actor.type == "country" and all(t.tag_ == "JJ" for t in named)


def _document_author(lex: DemandLexicon, token: Token, quotes: Sequence[Quote], resolved: ResolvedActors,
                     actor_at: dict[int, str]) -> Optional[str]:
    """The body that issued or adopted a statement, resolution or communique named as the
    subject of a demand: its owner ("the G7's statement"), else the subject of the verb
    that issued such a document in this or the previous sentences ("NATO leaders ended
    their summit with a communique"), else the last body that spoke, else the last body
    named before it."""
    token = _resolve_relative(token)
    if token is None or token.lemma_.lower() not in lex.document_nouns:
        return None
    owner = actor_of(_owner(token), actor_at) if token.dep_ not in SUBJECT_DEPS else None
    owner = owner or next((actor_at[c.i] for c in token.children if c.dep_ == "poss" and c.i in actor_at), None)
    if owner is not None:
        return owner
    own = sentence_of(token)
    sents = [s for s in sentences(token.doc) if s.start <= own.start][-lex.author_sentences:]
    for sent in reversed(sents):
        for noun in reversed([t for t in sent if t.i < token.i and t.lemma_.lower() in lex.document_nouns]):
            author = actor_of(_owner(noun), actor_at)
            if author is not None and not is_person(author, resolved):
                return author
    spoke = [q for q in quotes if q.span[1] <= token.idx and q.speaker.actor_id
             and token.idx - q.span[1] <= lex.pronoun_window
             and not is_person(q.speaker.actor_id, resolved)]
    if spoke:
        return max(spoke, key=lambda q: q.span[1]).speaker.actor_id
    start = sents[0].start if sents else token.sent.start
    bodies = [actor_at[i] for i in range(start, token.i) if i in actor_at
              and getattr(resolved.actors.get(actor_at[i]), "type", None) in ("igo", "organisation")]
    return bodies[-1] if bodies else None


def _reporter(lex: DemandLexicon, act: Token, actor_at: dict, resolved: ResolvedActors) -> Optional[str]:
    """The actor named as subject of the verb of saying a clause depends on, if any."""
    tok = act.head if act.dep_ in ("aux", "mark", "auxpass") else act
    for _ in range(4):
        said_in = _said_in_document(lex, tok)
        if said_in is not None:
            tok = said_in
        elif tok.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or tok.head is tok:
            return None
        else:
            tok = tok.head
        if tok.lemma_.lower() in lex.reporting_verbs or _made_clear(lex, tok):
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


def _said_in_document(lex: DemandLexicon, clause: Token) -> Optional[Token]:
    """"says in a statement that the presidency is working ...": the small parser often
    hangs the reported clause on the document noun; the verb of saying is the one the
    document's "in" phrase belongs to."""
    noun = clause.head
    if clause.dep_ != "acl" or noun.lemma_.lower() not in lex.document_nouns or noun.dep_ != "pobj":
        return None
    prep = noun.head
    return prep.head if prep.dep_ == "prep" and prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX") else None


def _made_clear(lex: DemandLexicon, verb: Token) -> bool:
    """"made (it) clear that ...": "make" with an adjective of clarity is a verb of saying."""
    return verb.lemma_.lower() == "make" and any(c.lower_ in lex.clarity_words for c in verb.children)


def _voice(lex: DemandLexicon, party: str, resolved: ResolvedActors) -> tuple[str, Optional[str]]:
    """A spokesperson's demand is their state's (``RUS`` voiced by ``dmitry-peskov``)."""
    actor: Optional[Actor] = resolved.actors.get(party)
    if actor is None or actor.type != "person" or not actor.role or not actor.country:
        return party, None
    role = actor.role.lower()
    if actor.sector in lex.voice_sectors and any(w in role for w in lex.voice_role_words):
        return actor.country, party
    return party, None


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


PERSONAL_PRONOUNS = ("he", "she")


GROUP_PRONOUNS = ("they",)


def _unnamed_speaker(doc: Doc, quote: Quote, resolved: ResolvedActors, actor_at: dict[int, str]) -> Optional[str]:
    """A group actor for a statement's speaker that no known actor names, from the words the
    text uses for it ("Rights groups", "a ministry spokesperson")."""
    name = (quote.speaker.name or "").strip()
    where = quote.speaker.span
    if not name or where is None:
        return None
    start = doc.text.find(name, max(0, where[0] - len(name)))
    if (start < 0 or start > where[0]) and _pronoun_at(doc, where):
        # "The CPN-UML ... has issued a statement ... It said the party would not ...": the
        # pronoun's antecedent, as the speaker's chain names it, written before it.
        before = doc.text.rfind(name, 0, where[0])
        if before >= 0:
            where = (before, before + len(name))
            start = before
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
        or group_actor(span, resolved, actor_at)


def _subject_of_saying_above(lex: DemandLexicon, act: Token) -> Optional[Token]:
    """The subject of the nearest verb of saying above ``act`` in the parse, whatever the links,
    outside quotation marks (a quoted "announced by ..." is no one's saying here)."""
    for verb in act.ancestors:
        if verb.lemma_.lower() in lex.reporting_verbs and not _inside_quote_marks(verb):
            return _resolve_relative(_subject(verb))
    return None


_QUOTE_MARKS = frozenset(DOUBLE_MARKS)  # double marks only: ’ is mostly an apostrophe


def _inside_quote_marks(token: Token) -> bool:
    """Whether ``token`` stands between quotation marks of its sentence (an odd number of
    marks before it)."""
    sent = sentence_of(token)
    return sum(1 for t in token.doc[sent.start:token.i] if t.text in _QUOTE_MARKS) % 2 == 1


def _quoted_apart(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is inside quotation marks that close before ``verb``, which stands
    outside them."""
    if noun.i >= verb.i or not _inside_quote_marks(noun) or _inside_quote_marks(verb):
        return False
    return any(t.text in _QUOTE_MARKS for t in noun.doc[noun.i + 1:verb.i])


def _pronoun_at(doc: Doc, where: tuple[int, int]) -> bool:
    """The words at ``where`` are a pronoun ("It", "they")."""
    span = doc.char_span(where[0], where[1], alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ == "PRON"


def _person_after(doc: Doc, name: str, where: tuple[int, int], resolved: ResolvedActors) -> Optional[str]:
    """A person actor for a speaker's full name (two or more capitalised words) written
    within a few characters after the role noun the speaker's span points at."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    at = doc.text.find(name, where[1], where[1] + 40)
    if at < 0 or doc.text[where[1]:at].strip() not in (",", ""):
        return None
    actor_id = new_actor_id("person", name)
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
    return actor_id if actor_id is not None and is_person(actor_id, resolved) else None


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
        return group_actor(doc[body.left_edge.i:body.right_edge.i + 1], resolved, actor_at)
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
    # "Lawyers for the 14 refugees who brought the case", "members of the coalition", "The
    # junta in Niamey": the noun alone would name nobody; its phrase says whose or where they are.
    end = max([subject.i] + [c.right_edge.i for c in subject.children
                             if c.i > subject.i and c.dep_ == "prep" and c.lower_ in lex.group_phrase_preps])
    span = subject.doc[start:end + 1]
    return _spoken_for(span, resolved, actor_at, lex) or group_actor(span, resolved, actor_at)


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
    for child in _appositions(token):
        if child.i in actor_at and is_person(actor_at[child.i], resolved):
            return child
    named = _name_right_after(token, actor_at, resolved)
    return named if named is not None else token


def _name_right_after(title: Token, actor_at: dict[int, str], resolved: ResolvedActors) -> Optional[Token]:
    """"The European Union's foreign policy chief Kaja Kallas urged ...": the parser may give
    the verb two subjects, the title and the name written right after it; the person named
    is the one who spoke."""
    doc = title.doc
    if title.i + 1 >= len(doc) or title.i + 1 not in actor_at or not is_person(actor_at[title.i + 1], resolved):
        return None
    name = doc[title.i + 1]
    while name.dep_ in ("compound", "flat") and name.head.i > name.i and name.head.i in actor_at:
        name = name.head
    same_verb = name.head == title.head and name.dep_ in SUBJECT_DEPS
    return name if same_verb else None


def _appositions(noun: Token) -> list[Token]:
    """The appositions of a noun phrase: those of its head, and those the parser hung on the
    last noun of its "of"-phrase ("The chairperson of the African Union Commission, Mahmoud
    Ali Youssouf, urged ...": the name stands for the chairperson, not the commission)."""
    found = [c for c in noun.children if c.dep_ == "appos"]
    for t in noun.subtree:
        if t.dep_ == "appos" and t.head.dep_ == "pobj" and _in_of_phrase(t.head, noun):
            found.append(t)
    return found


def _in_of_phrase(pobj: Token, noun: Token) -> bool:
    """``pobj`` is the object of a chain of prepositional phrases hanging on ``noun``."""
    node = pobj
    while node.dep_ in ("pobj", "prep") and node.head != node:
        node = node.head
        if node == noun:
            return True
    return False


def _owned_body(lex: DemandLexicon, noun: Optional[Token], actor_at: dict[int, str]) -> bool:
    """``noun`` is a body the text names only through a known owner's possessive ("Ukraine's
    energy ministry", "President Yoon Suk Yeol's office"): the head word is a body noun no
    known actor covers, and the actor is named by its possessive."""
    if noun is None or noun.pos_ != "NOUN" or noun.i in actor_at or noun.lemma_.lower() not in lex.owned_body_nouns:
        return False
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return owner is not None and any(t.i in actor_at for t in owner.subtree)


def _speaks_for_country(speaker: Optional[str], party: str, resolved: ResolvedActors) -> bool:
    """``speaker`` is a person or body of the country ``party`` (a country actor), so the
    country named in their statement is their own voice."""
    if not speaker or speaker == party:
        return False
    country = resolved.actors.get(party)
    actor = resolved.actors.get(speaker)
    # A person who only reports their state's request ("Kihara says Japan has asked Beijing to
    # ...") leaves it the state's, voiced by them (:func:`voice_of`); only an organ's statement
    # ("The State Department said Washington called on ...") makes the organ the voice.
    return country is not None and actor is not None and country.type == "country" \
        and actor.type not in ("country", "person") and actor.country == country.id


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


@dataclass
class Attribution:
    """Whose a found demand is, and the words that said so."""

    party: Optional[str]  # the actor who sets the condition; None when no one is known to
    quote: Optional[Quote]  # the statement the demand is in (its speaker owns speaker forms)
    party_tok: Optional[Token]  # the word naming the party in the parse (subject, agent)
    reporter: Optional[str]  # the named subject of a verb of saying the quote finder missed


def attribute(lex: DemandLexicon, doc: Doc, item: Found, quotes: Sequence[Quote], resolved: ResolvedActors,
              actor_at: dict[int, str]) -> Attribution:
    """The party of a found demand, tried in order: the parse's own subject or agent, the
    speaker of the statement it is in, a reporter named by a verb of saying, a pronoun's
    antecedent, a document's author, and lastly a speaker or subject no known actor names."""
    quote = _quote_at(quotes, item.act)
    if quote is None and item.form in STATEMENT_FORMS:
        # "The US must 'stop arming Taiwan', he said": the modal stands outside the quote
        # marks but the words demanded are the speaker's.
        quote = _quote_over(quotes, doc[item.start:item.end])
    party_tok = _named_by_appositive(_doer_of_participle(_resolve_relative(item.party_token)), actor_at, resolved)
    if party_tok is not None and _quoted_apart(party_tok, item.act):
        # 'Mrema told reporters the party would not recognise a result "announced by a
        # commission that excluded the opposition" and demanded a new vote': the parser joined
        # the demand to the quoted clause; a noun inside quotation marks is not the subject of
        # a verb outside them. The one who speaks in the sentence made the demand.
        party_tok = _subject_of_saying_above(lex, item.act)
    party = actor_of(party_tok, actor_at)
    if party is not None and _owned_body(lex, party_tok, actor_at):
        # "Ukraine's energy ministry rejected the idea": the ministry, not Ukraine.
        party = _unnamed_subject(party_tok, resolved, actor_at, lex) or party
    if party_tok is not None and party_tok.lower_ in lex.first_person and quote is not None:
        party = None  # "we urge ...": the speaker
    if party is None and item.form == "verb" and party_tok is not None and party_tok.pos_ == "NOUN" \
            and item.party_token is not None and item.party_token.head == item.act \
            and party_tok.lemma_.lower() not in lex.document_nouns \
            and (_cued_by(quote, item.act) or _quote_cued_by(quotes, item.act) is not None):
        # "African leaders meeting in Tanzania have called for ...": the verb's own
        # subject, as written, over a speaker the quote finder guessed for this very verb.
        party = _unnamed_subject(party_tok, resolved, actor_at, lex)
    if party is None and item.form == "verb" and _own_noun_subject(lex, item, party_tok, quote):
        # "Haddad said the government had seized on ... to press UN agencies to ...": a
        # demand verb with its own noun subject inside someone else's statement is that
        # subject's demand; the speaker only reports it.
        party = _unnamed_subject(party_tok, resolved, actor_at, lex)
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
    if party is not None and party_tok is not None and _nationality_only(lex, party_tok, actor_at, resolved):
        # "German carmakers have lobbied ...": a group of the country, not the state.
        party = _unnamed_subject(party_tok, resolved, actor_at, lex) or party
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
        reporter = _reporter(lex, item.act, actor_at, resolved) or _headline_speaker(item.act, actor_at)
        if reporter is not None and (party is None or item.form in SPEAKER_FORMS):
            party = reporter
    if party is None and party_tok is not None:
        party = _pronoun_party(lex, doc, party_tok, quotes, resolved, actor_at)
    if party is None and party_tok is not None:
        # "The statement called on ...", "a resolution that would ask ...": its author.
        party = _document_author(lex, party_tok, quotes, resolved, actor_at)
    if party is None and quote is not None and not quote.speaker.actor_id:
        # A statement whose speaker is named by no known actor ("Rights groups said ...",
        # "a ministry spokesperson"): the speaker as the text names them; a document
        # ("a resolution that would ask ...") is its author's when the text names one.
        root = _speaker_root(doc, quote)
        if root is not None:
            party = _document_author(lex, root, quotes, resolved, actor_at)
        party = party or _unnamed_speaker(doc, quote, resolved, actor_at)
    if party is None and item.form == "verb" and (item.act.lemma_.lower() not in lex.weak_demand_verbs
                                                  or (item.addressees and item.act.lemma_.lower()
                                                      not in lex.thing_subject_verbs)):
        # "Rights groups are demanding an investigation": the subject as written (a weak
        # verb only with an addressee and an infinitive: "ministers pressed X to ...").
        party = _unnamed_subject(party_tok, resolved, actor_at, lex)
    if party is None and item.form == "nominal" and party_tok is not None and party_tok.pos_ == "PROPN" \
            and party_tok.dep_ in SUBJECT_DEPS:
        # "The Secretary-General reiterates his call on ...": a title no known actor names.
        party = _unnamed_subject(party_tok, resolved, actor_at, lex)
    if party is None and item.form in ("refusal", "rejection") and party_tok is not None \
            and party_tok.lemma_.lower() in lex.collective_nouns:
        # "The junta in Niamey has rejected every call ...": the subject as written.
        party = _unnamed_subject(party_tok, resolved, actor_at, lex)
    if party is None:
        # "The Government:" then "1. calls on ...": the points share the heading's subject,
        # who speaks each of them as a reporter's named subject would.
        party = _list_heading_party(lex, doc, item, resolved, actor_at)
        reporter = reporter or party
    return Attribution(party, quote, party_tok, reporter)


# The start of a point of a numbered or bulleted list: "1.", "2)", "(a)", "•", "-".
_LIST_POINT = re.compile(r"[ \t]*(?:\(?\d{1,2}[.)]|\([a-z]\)|[•*\-–—])[ \t]+")


def _list_heading_party(lex: DemandLexicon, doc: Doc, item: Found, resolved: ResolvedActors,
                        actor_at: dict[int, str]) -> Optional[str]:
    """The one actor named by the heading of the list whose point opens with the demand
    verb ("The Government:" / "1. calls on Russia to ..."): a release writes its operative
    points as verbs with no subject of their own, the subject once in the heading (a body
    no known actor names is taken as the text names it)."""
    text = doc.text
    verb = item.act.head if item.act.dep_ in ("aux", "auxpass") else item.act
    line_start = text.rfind("\n", 0, verb.idx) + 1
    point = _LIST_POINT.match(text, line_start)
    if point is None or point.end() != verb.idx:
        return None  # not the first word of a point: the point has a subject of its own
    heading = _heading_above(text, line_start)
    if heading is None or len(text[heading[0]:heading[1]].split()) > lex.list_header_max_words:
        return None
    words = doc.char_span(heading[0], heading[1], alignment_mode="expand")
    if words is None:
        return None
    named = {actor_at[t.i] for t in words if t.i in actor_at}
    if named:
        return named.pop() if len(named) == 1 else None
    return _unnamed_subject(words.root, resolved, actor_at, lex)


def _heading_above(text: str, line_start: int) -> Optional[tuple[int, int]]:
    """The character range of the line ending in a colon above a list point, past the blank
    lines and the earlier points between them; None when the line above is anything else."""
    end = line_start - 1  # the newline before the point
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip()
        if line.strip() and not _LIST_POINT.match(line):
            return (start, start + len(line)) if line.endswith(":") else None
        end = start - 1
    return None


def voice_of(lex: DemandLexicon, party: str, quote: Optional[Quote], resolved: ResolvedActors) -> tuple[str, Optional[str]]:
    """The party and the person who voiced its demand: a spokesperson's words are their
    state's (:func:`_voice`); a body's demand reported in a person's statement is voiced by them."""
    party, voiced_by = _voice(lex, party, resolved)
    if voiced_by is None and quote is not None and quote.speaker.actor_id \
            and quote.speaker.actor_id != party and is_person(quote.speaker.actor_id, resolved) \
            and not is_person(party, resolved):
        # "Touray said the bloc demanded ...": the bloc's demand, voiced by Touray.
        voiced_by = quote.speaker.actor_id
    return party, voiced_by


def anonymous_voice(plex: PartyLexicon, doc: Doc, party: Optional[str], quote: Optional[Quote],
                    resolved: ResolvedActors) -> Optional[str]:
    """A person actor for an unnamed speaker ("A White House official", "Some former Colombian
    diplomats") whose statement holds a demand the speaker's body or state is the party of.
    Quotes keep such a speaker's words as its name; a demand names only actors, so the words
    become the voice of the body's demand. None when the speaker is named or is the party."""
    if party is None or quote is None or quote.speaker.actor_id != party or quote.speaker.span is None \
            or is_person(party, resolved):
        return None
    span = doc.char_span(*quote.speaker.span, alignment_mode="expand")
    head = span.root if span is not None else None
    if head is None or head.pos_ != "NOUN" or head.lower_ not in plex.anonymous_voice_nouns:
        return None
    phrase = _anonymous_phrase(plex, head)
    if any(t.ent_type_ == "PERSON" for t in phrase):
        return None  # "an official, John Smith": a named person, found elsewhere
    return _anonymous_actor(phrase, resolved.actors.get(party), resolved)


def _anonymous_phrase(plex: PartyLexicon, head: Token) -> Span:
    """The words describing an unnamed speaker: its modifiers and its "of"/"in"/"at" phrases,
    not a relative clause or an appositive."""
    end = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in plex.anonymous_voice_preps:
            end = child.right_edge.i
        else:
            break
    return head.doc[head.left_edge.i:end + 1]


def _anonymous_actor(phrase: Span, body: Optional[Actor], resolved: ResolvedActors) -> str:
    """The article's person actor for ``phrase``, named without its determiner ("White House
    official") and mentioned by the words as written ("A White House official")."""
    words = [t for t in phrase if not t.is_punct]
    start = 1 if len(words) > 1 and words[0].lower_ in LEADING_WORDS + ("one", "two") else 0
    name = phrase.doc[words[start].i:phrase.end].text
    actor_id = new_actor_id("person", name)
    actor = resolved.actors.get(actor_id)
    if actor is None:
        actor = resolved.actors[actor_id] = Actor(id=actor_id, name=name, type="person",
                                                  country=body.country if body is not None else None)
    for where, text in (((phrase.start_char, phrase.end_char), phrase.text),
                        ((phrase.doc[words[start].i].idx, phrase.end_char), name)):
        if where not in actor.mentions:
            actor.mentions.append(where)
            actor.mention_details.append(MentionDetail(span=where, text=text, how="new"))
    return actor_id
