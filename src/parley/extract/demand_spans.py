"""Splitting, merging and dropping the spans of found demands, without looking at parties.

After the finders: duplicates removed (:func:`dedupe`), a demand that introduces a list split
into its items (:func:`expand_lists`), conjoined conditions split (:func:`split_conjoined`)
and a subjectless conjoined obligation joined to the one before (:func:`merge_conjoined`).
After the records are made: a demand restated inside a longer one (:func:`drop_restated`) and
live-blog headings that echo the entry below (:func:`drop_heading_echoes`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..nlp.sentences import text_of
from ..model import Demand
from .demand_lexicon import DemandLexicon
from .demand_syntax import _before, _trim_range, _bare_conjuncts, _names_actor_like, SUBJECT_DEPS
from .demand_found import Found


def merge_conjoined(found: list[Found]) -> list[Found]:
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


_LIST_MARK = re.compile(r"(?:\d{1,2}[.)]|[a-z][.)]|[•·▪*\-–—])\s+")


def expand_lists(found: list[Found]) -> list[Found]:
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


def split_conjoined(found: list[Found]) -> list[Found]:
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
        # ("his call on the parties to respect ... and to refrain from ...": a demand noun
        # with its infinitive splits the same way as the verb)
        if not modal and (item.form not in ("verb", "nominal") or verb is None or verb.pos_ not in ("VERB", "AUX")
                          or not any(a.lower_ == "to" and a.dep_ == "aux" for a in verb.children)):
            continue
        # "to purchase insurance or face a fine": alternatives are one demand; a bare verb with
        # nothing after it ("what to say or not say") names no act of its own.
        parts = [c for c in _bare_conjuncts(verb) if item.start < c.i < item.end
                 and not any(t.lower_ in ("or", "nor") for t in c.doc[_before(c):c.i])
                 and any(g.dep_ in ("dobj", "prep", "xcomp", "ccomp", "acomp", "prt") for g in c.children)]
        whole_end = item.end  # the first part is cut below; the last part still ends within the whole
        for k, part in enumerate(parts):
            start = next((a.i for a in part.children if a.lower_ == "to" and a.dep_ == "aux"), part.i)
            end = _before(parts[k + 1]) if k + 1 < len(parts) else min(whole_end, part.right_edge.i + 1)
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
    whole_end = item.end  # the first part is cut below; the last part still ends within the whole
    for k, part in enumerate(parts):
        end = _before(parts[k + 1]) if k + 1 < len(parts) else min(whole_end, part.right_edge.i + 1)
        if k == 0:
            item.end = min(item.end, _before(part))
        out.append(Found("condition", mark, part.i, end, stance=item.stance, party_token=item.party_token,
                         subject=item.subject, patient=item.patient, context=item.context,
                         needs_statement=item.needs_statement))
    return out


def cut_pointed_orders(found: list[Found]) -> list[Found]:
    """"... refrain from any action, as ordered by the Court in May": the order pointed back to
    is the author's own demand, so the clause before it ends at "as" (one demand each)."""
    tails = [f.start for f in found if _points_back(f)]
    for item in found:
        for start in tails:
            if item.start < start < item.end and not _points_back(item):
                item.end = start
    return found


def _points_back(item: Found) -> bool:
    """The demand is an "as ordered by X" phrase (see :func:`~.demand_calls.as_ordered`)."""
    return item.form == "verb" and item.start == item.act.i - 1 and item.act.doc[item.start].lower_ == "as"


def dedupe(found: list[Found]) -> list[Found]:
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


def drop_restated(demands: list[Demand]) -> list[Demand]:
    """One record per condition: a demand of the same party whose words overlap an earlier
    one's by half of the shorter is the same condition found twice ("would not join ...
    until ..." is both a refusal and a condition)."""
    kept: list[Demand] = []
    for demand in demands:
        if any(k.party == demand.party and _overlap(k.span, demand.span) and not _each_addressed(k, demand)
               for k in kept):
            continue
        kept.append(demand)
    return kept


def _each_addressed(a: Demand, b: Demand) -> bool:
    """The same words asked of two different addressees (split by :func:`split_addressees`):
    one demand each, not a restatement."""
    return tuple(a.span) == tuple(b.span) and a.addressee is not None and b.addressee is not None \
        and a.addressee != b.addressee


def one_per_addressee(demands: list[Demand]) -> list[Demand]:
    """"encourages Morocco, the Frente POLISARIO, Algeria and Mauritania to engage ...",
    "unless Belgium and Germany also agree to ...": one appeal to several parties is asked of
    each of them, so a report lists one demand per addressee, with the same words."""
    out: list[Demand] = []
    for demand in demands:
        if isinstance(demand.addressee, list) and len(demand.addressee) > 1:
            out.extend(demand.model_copy(update={"addressee": each}) for each in demand.addressee)
        else:
            out.append(demand)
    return out


def split_addressees(found: list[Found]) -> list[Found]:
    """"encourages Morocco, the Frente POLISARIO, Algeria and Mauritania to engage ...",
    "unless Belgium and Germany also agree to ...": one appeal to several named parties is
    asked of each of them, so a report lists one demand per addressee (same words)."""
    out: list[Found] = []
    for item in found:
        out.append(item)
        named = item.addressees[:1] if item.addressees else (
            [item.subject] if item.form == "condition" and item.subject is not None else [])
        if not named or not _names_actor_like(named[0]):
            continue
        first = named[0]
        for other in _named_conjuncts(first):
            out.append(Found(item.form, item.act, item.start, item.end, stance=item.stance,
                             party_token=item.party_token,
                             subject=other if item.subject is not None and item.subject.i == first.i else item.subject,
                             addressees=[other] if item.addressees else [], patient=item.patient,
                             context=item.context, label_start=item.label_start,
                             needs_statement=item.needs_statement))
    return out


def _named_conjuncts(token: Token) -> list[Token]:
    """The names listed after ``token`` ("Morocco, the Frente POLISARIO, Algeria and
    Mauritania"), none when they are alternatives ("Armenia or Azerbaijan")."""
    chain, joined = [], False
    todo = [token]
    while todo:
        head = todo.pop()
        for child in head.children:
            # The parser reads a list's second name as an apposition to the first ("Morocco,
            # the Frente POLISARIO, Algeria and ..."): that counts once a conjunct shows a list.
            if child.dep_ in ("conj", "appos") and _names_actor_like(child):
                joined = joined or child.dep_ == "conj"
                chain.append(child)
                todo.append(child)
    if not joined or any(t.lower_ in ("or", "nor") for t in token.doc[token.i:max(c.i for c in chain)]):
        return []
    return sorted(chain, key=lambda t: t.i)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def drop_heading_echoes(lex: DemandLexicon, text: str, demands: list[Demand]) -> list[Demand]:
    """A live-blog heading ("06:40 – Lai: 'We will not be intimidated'") restates words
    the entry below it reports in full: the heading's demand is dropped when a later demand
    of the same party, in the next lines, has all its content words."""
    kept = []
    for k, demand in enumerate(demands):
        words = _content_words(lex, demand.text)
        if words and _heading_line(lex, text, demand.span) and any(
                later.party == demand.party and 0 <= later.span[0] - demand.span[1] < lex.pronoun_window
                and words <= _content_words(lex, later.text) for later in demands[k + 1:]):
            continue
        kept.append(demand)
    return kept


def _content_words(lex: DemandLexicon, words: str) -> frozenset[str]:
    stop = lex.label_stopwords | lex.first_person
    return frozenset(w for w in re.findall(r"[\w'-]+", words.lower()) if w not in stop)


def _heading_line(lex: DemandLexicon, text: str, span: tuple[int, int]) -> bool:
    """The span sits on a short line of its own (a heading, not a paragraph)."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    line = text[start:end if end >= 0 else len(text)]
    return len(line.split()) <= lex.headline_max_words


def hyphen_end(doc: Doc, end: int) -> int:
    """Extend an end index over a word the tokenizer split at a hyphen ("to de-escalate"
    parsed as "de" with "-escalate" hung elsewhere)."""
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return end
