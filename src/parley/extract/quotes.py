"""Statements: who said what, in whose words, through which channel, when.

What is extracted:

- **direct** quotations (the words between quotation marks, see ``quotemarks.py``), with
  the speaker before, after or inside the quotation ("'We are ready,' Peskov said, 'but
  ...'"), inverted cues ("said Peskov"), quotations over several paragraphs, and a
  paragraph of quotation with no cue, whose speaker is the previous speaker;
- **indirect** speech: a reporting verb of the lexicon with a clausal complement
  ("Peskov said Russia was open to talks"), participial cues ("..., adding that ..."),
  and "according to X";
- the **speaker**, resolved to an actor through names, pronouns and role nouns
  (``coref.py``), with the mention nearest the quote and the chain that led to the actor;
- the **channel** (X, Telegram, a statement, a press conference, ...) named in the cue's
  sentence, or carried over from the speaker's last statement or from a sentence where the
  speaker used it ("Peskov convened a conference call");
- the **date**: a date expression in the cue's sentence, else the publication date.

What is not: short scare quotes with no cue ('to end "the madness"'), thoughts and
intentions ("X believes ..."; PolNeAR annotates them, the scorer reports them apart),
statements inside statements beyond one level.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Optional, TypeVar

import yaml
from spacy.tokens import Doc, Span, Token

from ..kb import LEXICON_DIR, KnowledgeBase, normalise
from ..model import DateRef, MentionDetail, Quote, Speaker
from ..nlp.sentences import text_of, sentence_of, sentences
from .actors import ResolvedActors
from .coref import Resolution as SpeakerResolution, SpeakerResolver
from .quotemarks import DOUBLE_MARKS, QuotedSpan, find_quoted_spans, paragraphs

T = TypeVar("T")

DOUBLE_OR_SINGLE = DOUBLE_MARKS + "‘’'"

SCARE_QUOTE_MAX_WORDS = 4
CHANNEL_MEMORY_PARAGRAPHS = 4
_TRIM = " \t\n,;:—–-•·"  # bullets too: "• Ethiopia's army has moved ..., according to residents"
# The first link of a speaker chain that is the subject phrase itself, not a mention elsewhere:
# the speaker span stays on the subject ("he", "the general", "a spokesman").
SUBJECT_LINKS = ("pronoun", "role noun", "organisation noun", "role family", "representative", "government")


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs, statement nouns and channel phrases, from ``kb/data/lexicon``."""

    speech: frozenset[str]
    thought: frozenset[str]
    according_to: tuple[str, ...]
    channels: tuple[tuple[str, str], ...]  # (phrase, label), longest phrase first
    role_nouns: dict[str, str]
    addressees: dict[str, str] = field(default_factory=dict)  # "reporter" -> "reporters"
    settings: dict[str, str] = field(default_factory=dict)  # "briefing" -> "press conference"
    compounds: dict[str, str] = field(default_factory=dict)  # "news conference" -> "press conference"

    def noun_channel(self, noun: Token, table: dict[str, str]) -> Optional[str]:
        """The channel a noun names, its compound first ("news conference"), then the noun."""
        for child in noun.children:
            if child.dep_ in ("compound", "amod"):
                label = self.compounds.get(f"{child.lemma_.lower()} {noun.lemma_.lower()}")
                if label:
                    return label
        return table.get(noun.lemma_.lower())
    directive: frozenset[str] = frozenset()
    object_statements: dict[str, frozenset[str]] = field(default_factory=dict)
    claim_nouns: frozenset[str] = frozenset()
    narrative_marks: frozenset[str] = frozenset()
    filing_addressees: frozenset[str] = frozenset()
    withheld: frozenset[str] = frozenset()

    def is_speech(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.speech


@lru_cache(maxsize=4)
def load_lexicon(folder: str = str(LEXICON_DIR), titles: tuple[tuple[str, str], ...] = ()) -> Lexicon:
    verbs = yaml.safe_load(open(f"{folder}/reporting_verbs.yaml", encoding="utf-8"))
    channels = yaml.safe_load(open(f"{folder}/channels.yaml", encoding="utf-8"))
    phrases = sorted(
        ((phrase.lower(), entry["label"]) for entry in channels["phrases"] for phrase in entry["phrases"]),
        key=lambda item: -len(item[0]),
    )
    return Lexicon(
        speech=frozenset(verbs["speech"]) | frozenset(verbs.get("communication", [])),
        thought=frozenset(verbs["thought"]) - frozenset(verbs["speech"]),
        according_to=tuple(verbs.get("according_to", [])),
        channels=tuple(phrases),
        role_nouns=dict(titles),
        addressees=dict(channels.get("addressees") or {}),
        settings=dict(channels.get("settings") or {}),
        compounds=dict(channels.get("compounds") or {}),
        directive=frozenset(verbs.get("directive", [])),
        object_statements={k: frozenset(v) for k, v in (verbs.get("object_statements") or {}).items()},
        claim_nouns=frozenset(verbs.get("claim_nouns", [])),
        narrative_marks=frozenset(verbs.get("narrative_marks", [])),
        filing_addressees=frozenset(verbs.get("filing_addressees", [])),
        withheld=frozenset(verbs.get("withheld", [])),
    )


# A new conjunct after a source phrase: ", and ...", ", but ...".
_CONJUNCT_NEXT = re.compile(r"\s*,\s*(?:and|but)\s")

# A list item's marker at a paragraph's start: "1. ", "2) ", "- ", "• ".
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[-•*–·])\s+")

# A live blog's time stamp opening an entry's heading: "06:40 BST – ", "9.15am GMT - ".
_TIME_STAMP = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?\s*[-–—|]\s*")

# A speaker's label before a colon opening a quotation ("Marcos, speaking to reporters:") is a
# short phrase; a longer opening is a sentence of its own.
LABEL_MAX_TOKENS = 8


@dataclass
class _Statement:
    start: int
    end: int
    kind: str
    cue: Optional[Token]
    subject: Optional[Token]
    paragraph: int
    inherit: bool = False  # no cue of its own: the previous speaker continues
    speaker_id: Optional[str] = None
    speaker_name: Optional[str] = None
    speaker_span: Optional[tuple[int, int]] = None
    chain: list = field(default_factory=list)
    channel: Optional[str] = None


class QuoteExtractor:
    """Finds the statements of one parsed Doc, given its resolved actors and dates."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def extract(
        self, doc: Doc, resolved: ResolvedActors, dates: Iterable[DateRef] = (), published: Optional[dt.date] = None,
        kb: Optional[KnowledgeBase] = None,
    ) -> list[Quote]:
        paras = paragraphs(text_of(doc))
        quoted = find_quoted_spans(text_of(doc))
        quoted_ranges = [(q.start, q.end) for q in quoted]
        statements = self._direct(doc, paras, quoted, resolved)
        indirect = self._indirect(doc, paras, quoted_ranges, statements) + self._listed(doc, paras, quoted_ranges)
        # 'The army said it was "ready to sign"': the quoted fragment is part of the indirect
        # statement around it, not a statement of its own.
        statements = [
            d for d in statements
            if d.inherit or not any(i.start <= d.start and d.end <= i.end for i in indirect)
        ] + indirect
        statements.sort(key=lambda s: s.start)
        self._resolve_speakers(doc, resolved, quoted_ranges, statements, kb, published)
        self._channels(doc, resolved, paras, statements)
        dates = list(dates)
        return [self._record(doc, s, dates, published, statements) for s in statements]

    # -- direct quotations -------------------------------------------------------
    def _direct(self, doc: Doc, paras, quoted: list[QuotedSpan], resolved: ResolvedActors) -> list[_Statement]:
        found = []
        for span in quoted:
            p = _paragraph_of(paras, span.start)
            p_start, p_end = paras[p]
            cue = self._cue_for(doc, span, quoted, p_start, p_end)
            whole_paragraph = self._covers_paragraph(text_of(doc), span, quoted, p_start, p_end)
            if cue is None and whole_paragraph and p > 0:
                cue = self._colon_cue(doc, paras[p - 1])
                if cue is not None:
                    found.append(_Statement(span.start, span.end, "direct", cue, _subject_of(cue), p))
                    continue
            if cue is None:
                speaker = self._label_speaker(doc, span, p_start, resolved)
                if speaker is not None:
                    found.append(_Statement(span.start, span.end, "direct", None, speaker, p))
                    continue
                if not (whole_paragraph or span.continued or len(text_of(doc)[span.start:span.end].split()) > SCARE_QUOTE_MAX_WORDS) or _mid_clause(text_of(doc), span) and not whole_paragraph:
                    continue  # a scare quote inside someone else's sentence
                if not whole_paragraph and not span.continued:
                    # A long quotation inside a sentence with no cue: attributed only if its
                    # sentence has an indirect cue; left to _indirect otherwise.
                    continue
                found.append(_Statement(span.start, span.end, "direct", None, None, p, inherit=True))
                continue
            if not whole_paragraph and len(text_of(doc)[span.start:span.end].split()) <= SCARE_QUOTE_MAX_WORDS and _mid_clause(text_of(doc), span):
                continue  # 'called for negotiations to end "the madness"': part of a sentence, not a statement
            found.append(_Statement(span.start, span.end, "direct", cue, _subject_of(cue), p))
        return found

    def _cue_for(self, doc: Doc, span: QuotedSpan, quoted: list[QuotedSpan], p_start: int, p_end: int) -> Optional[Token]:
        """The reporting verb outside quotation marks nearest the quotation, in its paragraph."""
        best, best_distance = None, None
        inside = [(q.start - 1, q.end + 1) for q in quoted if q.end > p_start and q.start < p_end]
        for token in doc.char_span(p_start, p_end, alignment_mode="expand") or []:
            if not self.lex.is_speech(token) or any(s <= token.idx < e for s, e in inside):
                continue
            if token.idx < span.start:
                distance = span.start - token.idx
                # A cue before the quote belongs to it only if no other quote lies between.
                if any(token.idx < q.start < span.start for q in quoted if q is not span):
                    distance += 10_000
            else:
                distance = token.idx - span.end
                if any(span.end < q.start < token.idx for q in quoted if q is not span):
                    distance += 1_000  # "'A,' he said, 'B.'" keeps "said" for both, nearest first
            if _subject_of(token) is None and token.dep_ not in ("advcl", "acl", "xcomp"):
                distance += 500
            if best_distance is None or distance < best_distance:
                best, best_distance = token, distance
        if best is not None and best_distance is not None and best_distance >= 10_000:
            return None
        return best

    @staticmethod
    def _label_speaker(doc: Doc, span: QuotedSpan, p_start: int, resolved: ResolvedActors) -> Optional[Token]:
        """The speaker named as a label before a colon that opens the quotation, the live-blog
        and headline style: 'Kallas: "Russia is not interested in peace."', 'Marcos, speaking
        to reporters: "..."'. The label is a name, at most a short phrase, opening its paragraph
        or sentence, or following a live blog's time stamp ("06:40 BST – Lai: '...'")."""
        stamp = _TIME_STAMP.match(text_of(doc), p_start, span.start)
        if stamp is not None:
            p_start = stamp.end()
        opening = doc.char_span(p_start, span.start, alignment_mode="contract")
        if opening is None or not len(opening):
            return None
        label = [t for t in opening if not t.is_space and not t.is_quote]
        if not label or label[-1].text != ":" or len(label) > LABEL_MAX_TOKENS:
            return None
        first = label[0]
        named = resolved.actor_at(first.idx, first.idx + len(first.text)) is not None
        if not first.text[:1].isupper() or not (named or first.pos_ == "PROPN"):
            return None
        name_end = first.i
        while name_end + 1 < label[-1].i and doc[name_end + 1].text[:1].isupper() and doc[name_end + 1].pos_ in ("PROPN", "NOUN"):
            name_end += 1
        return doc[name_end]

    def _colon_cue(self, doc: Doc, paragraph: tuple[int, int]) -> Optional[Token]:
        """'Kobakhidze said in a televised address:' closing a paragraph introduces the next one."""
        start, end = paragraph
        text = text_of(doc)[start:end].rstrip()
        if not text.endswith(":"):
            return None
        span = doc.char_span(start, start + len(text), alignment_mode="expand")
        sentence = sentence_of(span[-1]) if span is not None and len(span) else None
        if sentence is None:
            return None
        cues = [t for t in sentence if self.lex.is_speech(t)]
        if not cues:
            return None
        # "Taiwan's president posted on X shortly after the drills were announced:": the verb
        # of the main clause introduces the quote, not one in a clause of time under it.
        return min(reversed(cues), key=lambda t: sum(1 for _ in t.ancestors))

    @staticmethod
    def _covers_paragraph(text: str, span: QuotedSpan, quoted, p_start: int, p_end: int) -> bool:
        """The paragraph is all quotation (marks and punctuation aside)."""
        rest = text[p_start:p_end]
        for q in quoted:
            if q.start >= p_start and q.end <= p_end:
                rest = rest.replace(text[q.start:q.end], "")
        return not any(c.isalnum() for c in rest)


    # -- indirect speech ---------------------------------------------------------
    def _listed(self, doc: Doc, paras, quoted_ranges) -> list[_Statement]:
        """The press-release list: "The European Union stresses the need for:" closing a
        paragraph, then numbered or bulleted paragraphs, each one item of what was said."""
        found = []
        for p, paragraph in enumerate(paras[:-1]):
            cue = self._colon_cue(doc, paragraph)
            if cue is None or _subject_of(cue) is None:
                continue
            for q in range(p + 1, len(paras)):
                start, end = paras[q]
                marker = _LIST_ITEM.match(text_of(doc), start, end)
                if marker is None:
                    break
                start, end = _trim(doc, marker.end(), end)
                if end - start < 10 or _inside(start, quoted_ranges):
                    continue
                found.append(_Statement(start, end, "indirect", cue, _subject_of(cue), q))
        return found


    def _indirect(self, doc: Doc, paras, quoted_ranges, direct: list[_Statement]) -> list[_Statement]:
        found: list[_Statement] = []
        # Content that is a direct quotation already found is not reported again; a partial
        # or scare quote inside reported speech does not count ('said his temperament is "dangerous"').
        direct_ranges = [(d.start, d.end) for d in direct]
        quoted = _coverage(quoted_ranges)
        for token in doc:
            if quoted(token.idx):
                continue
            if self.lex.is_speech(token):
                if _addressed(token, self.lex) or _imperative(token) or self._comment_on_claim(token) or self._withheld(token) \
                        or _expected_to_say(token):
                    continue
                content = self._complement(token)
                if content is None or any(c.dep_ == "neg" for c in token.children):
                    continue
                content = self._without_tail(doc, *content)
                subject = _subject_of(token)
                if subject is not None and content[0] <= subject.left_edge.idx < content[1]:
                    # A mis-parse that hangs the speaker on the reported clause: what was
                    # said ends where its speaker begins.
                    content = (content[0], subject.left_edge.idx)
                # "said he was ready and that any deal would need verification": one statement per that-clause.
                for part_start, part_end in _split_that_clauses(text_of(doc), *content):
                    start, end = _trim(doc, part_start, part_end)
                    if end <= start or self._mostly_quoted(start, end, direct_ranges, text_of(doc)):
                        continue
                    if len(text_of(doc)[start:end].split()) < MIN_INDIRECT_WORDS:
                        continue  # "What Armenia says happened": a heading, no content
                    found.append(_Statement(start, end, "indirect", token, subject, _paragraph_of(paras, start)))
            elif token.pos_ == "NOUN" and token.lemma_.lower() in self.lex.claim_nouns:
                statement = self._noun_cue(token, paras)
                if statement is not None and not self._mostly_quoted(statement.start, statement.end, direct_ranges):
                    found.append(statement)
            elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                if self._relays_direct_quote(token, quoted_ranges):
                    continue
                statement = self._according_to(doc, token, paras)
                if statement is not None:
                    found.append(statement)
        return _drop_nested(found)

    def _complement(self, verb: Token) -> Optional[tuple[int, int]]:
        """Character range of what a reporting verb reports: its clausal complement(s),
        after the verb ("said that ...") or before it ("..., sources said"); for directive
        verbs, the addressee and the infinitive ("urged supporters to monitor polls")."""
        # "..., EU sources said, which was not enough": a clause opened by a relative
        # pronoun comments on the report; it is never the words reported.
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and not (c.left_edge.i > verb.i and _opens_with_relative(c))]
        if not clauses:
            clauses = _object_that_clause(verb)
        if not clauses:
            return self._directive(verb) or self._object_statement(verb) or _parenthetical_content(verb)
        if clauses[0].i < verb.i:
            first = clauses[0]
            if verb.i - first.right_edge.i > 3 and not any(t.is_punct for t in verb.doc[first.right_edge.i + 1 : verb.i]):
                return None
            return first.left_edge.idx, first.right_edge.idx + len(first.right_edge.text)
        clauses = [c for c in clauses if c.i > verb.i]
        last = clauses[-1]
        # "said Russia was open to talks, but that they had to be based on ...": the conjoined clause too.
        for child in verb.children:
            if child.dep_ == "conj" and child.i > last.i and any(g.dep_ == "mark" for g in child.children):
                last = child
        first = clauses[0]
        # The content starts after the cue: in "which Peskov said would ...", "which" and the
        # speaker belong to the clause around the statement, not to what was said.
        left = first.left_edge if first.left_edge.i > verb.i else verb.doc[verb.i + 1]
        # Only the clause's own marker or adverb: "at least" in "at least 70 leaders" is content.
        while left.i < first.i and (left.dep_ in ("mark", "punct") or (left.dep_ == "advmod" and left.head == first) or left.lower_ == "that"):
            left = left.doc[left.i + 1]
        left = _after_time_of_report(left, first)
        right = last.right_edge
        # "saying peace was not just a piece of paper, but needed guarantees": the parser
        # often hangs a coordinated tail on the main verb; it is still what was said.
        sentence = sentence_of(verb)
        tail = [t for t in verb.doc[right.i + 1 : sentence.end] if not t.is_punct and not t.is_space]
        if tail and tail[0].dep_ == "cc" and tail[0].lower_ in ("but", "and") and not any(
            t.dep_ in ("nsubj", "nsubjpass") or self.lex.is_speech(t) for t in tail
        ):
            right = tail[-1]
        right = self._before_narrative(left, right)
        return left.idx, right.idx + len(right.text)

    def _withheld(self, verb: Token) -> bool:
        """"Lin refused to say how long ...", "declined to comment": words not said."""
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lex.withheld

    def _comment_on_claim(self, verb: Token) -> bool:
        """"..., a charge aid groups have long disputed": the verb of a summary apposition
        answers the claim just reported; it reports no content of its own."""
        doc = verb.doc
        start = sentence_of(verb).start
        for i in range(verb.i - 1, max(start, verb.i - MAX_APPOSITION) - 1, -1):
            if doc[i].text == ",":
                stretch = doc[i + 1 : verb.i]
                return (
                    len(stretch) > 1 and stretch[0].lower_ in ("a", "an")
                    and any(t.lemma_.lower() in self.lex.claim_nouns for t in stretch)
                )
        return False

    def _without_tail(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """A reported content without the narrator's tail: the content ends at the first
        comma or semicolon after which the writer, not the speaker, goes on (see
        ``_narrator_tail``)."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return start, end
        for token in span[1:]:
            if token.text in (",", ";") and self._narrator_tail(span, token):
                cut = _trim(doc, start, token.idx)
                return cut if cut[1] > cut[0] else (start, end)
        return start, end

    def _narrator_tail(self, content: Span, mark: Token) -> bool:
        """What follows ``mark`` (a comma or semicolon inside a reported content) is the
        writer's own sentence part:
        - "...; the opposition called the vote a farce": a clause with its own subject after a semicolon;
        - "..., and called on all parties to ...": the speaker's next reporting verb;
        - "..., a charge Cotonou denies", "..., a move that could affect ...": a summary
          apposition carrying a clause, which comments on what was said;
        - "..., which Iranian officials put at ...": a relative clause with a subject of its own;
        - "could take measures if talks fail, and in October his office opened ...": a plain
          past or present clause conjoined to a content in reported form (modal or "had")."""
        tail = [t for t in content.doc[mark.i + 1 : content.end] if not t.is_space]
        if len(tail) < 2:
            return False
        head = content.doc[content.start : mark.i]
        if mark.text == ";":
            return any(t.dep_ in ("nsubj", "nsubjpass") and t.head in tail and t.head.tag_ in FINITE for t in tail)
        first = tail[0]
        if first.dep_ == "cc" and first.lower_ in ("and", "but"):
            clause = next((t for t in tail[1:] if t.pos_ in ("VERB", "AUX") and t.dep_ == "conj"), None)
            if clause is None:
                return False
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            if self.lex.is_speech(clause) and not own_subject:
                return True
            reported_form = any(t.tag_ == "MD" or (t.dep_ == "aux" and t.lower_ == "had") for t in head)
            plain = clause.tag_ in FINITE and clause.tag_ != "MD" and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
            return own_subject and reported_form and plain
        # The two comment forms below run to the content's end as one phrase: "the talks,
        # which the UN brokered, would resume" goes on with what was said.
        inside = {t.i for t in tail}
        if len([t for t in tail if not t.is_punct and (t.head.i not in inside or t.head == t)]) != 1:
            return False
        if first.lower_ in ("a", "an") and first.dep_ == "det":
            noun = first.head
            clause = noun.head if noun.head.i in inside and noun.head.tag_ in FINITE else next(
                (c for c in noun.children if c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ in FINITE)), None)
            return noun.pos_ == "NOUN" and noun.i in inside and clause is not None
        if first.lower_ == "which" and first.dep_ not in ("nsubj", "nsubjpass"):
            clause = first.head
            return clause.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in clause.children)
        return False

    def _before_narrative(self, left: Token, right: Token) -> Token:
        """The last token of a content once a trailing narrative clause (", as thousands
        filled the streets") is cut off; ``right`` itself when there is none."""
        doc = right.doc
        for token in doc[left.i : right.i + 1]:
            if token.dep_ != "advcl" or token.right_edge.i != right.i or token.tag_ != "VBD":
                continue
            mark = next((c for c in token.children if c.dep_ == "mark"), None)
            if mark is None or mark.lower_ not in self.lex.narrative_marks or mark.i != token.left_edge.i:
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                continue
            if any(c.dep_ in ("aux", "auxpass") for c in token.children):
                continue  # "as talks would resume", "while it had refused": still reported
            before = doc[mark.i - 1] if mark.i > left.i else None
            if before is None or before.text != ",":
                continue
            end = before.i - 1
            if end > left.i:
                return doc[end]
        return right

    def _names_channel(self, prep: Token) -> bool:
        """"thanked Trump on X": a phrase that says where the words were published, not what they were."""
        phrase = " ".join(t.lower_ for t in prep.subtree)
        return any(phrase == known for known, _ in self.lex.channels)

    def _directive(self, verb: Token) -> Optional[tuple[int, int]]:
        """'urged supporters to monitor polling places': the object and its infinitive."""
        if verb.lemma_.lower() not in self.lex.directive:
            return None
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
        if obj is None:
            # "called on Obama to retaliate", "appealed to donors to give": the addressee
            # comes in a prepositional phrase.
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") and c.i == verb.i + 1), None)
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        infinitive = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i), None)
        if infinitive is None and obj is not None:
            infinitive = next((c for c in obj.children if c.dep_ in ("relcl", "acl") and c.i > obj.i), None)
        if obj is None or infinitive is None or not any(t.lower_ == "to" for t in infinitive.subtree):
            return None
        if obj.lemma_.lower() in self.lex.filing_addressees:
            return None  # "asked a labor court to order ...": a legal filing, not words said
        return obj.left_edge.idx, infinitive.right_edge.idx + len(infinitive.right_edge.text)

    def _object_statement(self, verb: Token) -> Optional[tuple[int, int]]:
        """Statements whose content is the verb's object and what follows it ("accused Hamas
        of backtracking", "called the deal 'reckless'", "denied arming the RSF",
        "threatened to quit", "called for a full count"); verb classes from the lexicon."""
        lemma = verb.lemma_.lower()
        kinds = self.lex.object_statements
        after = [c for c in verb.children if c.i > verb.i]
        obj = next((c for c in after if c.dep_ in ("dobj", "dative")), None)

        def span(first: Token, last: Token) -> tuple[int, int]:
            return first.idx, last.idx + len(last.text)

        if obj is not None and lemma in kinds.get("accuse", ()):
            # The parser hangs "of ..." on the verb or on its object ("accused the opposition of trying").
            # On the object, only "of"/"for" complete the charge; "the attack on a police
            # patrol" is the object's own phrase ("condemns the attack on ..." states nothing).
            # "accused al Shabaab militants of ...": the parser may split the object in two.
            objects = [c for c in after if c.dep_ in ("dobj", "dative")]
            candidates = [*(c for c in after if c.lower_ in ("of", "for", "on", "over")), *(c for o in objects for c in o.children if c.lower_ in ("of", "for"))]
            prep = next((c for c in candidates if c.dep_ == "prep" and c.i > obj.i and not self._names_channel(c)), None)
            if prep is not None:
                return span(obj.left_edge, prep.right_edge)
        if obj is not None and lemma in kinds.get("name", ()):
            complement = next(
                (c for c in after if c.i > obj.i and (c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as"))),
                None,
            )
            if complement is None:
                complement = next((c for c in obj.children if c.dep_ in ("appos", "amod", "acomp", "oprd") and c.i > obj.i), None)
            if complement is not None:
                return span(obj.left_edge, complement.right_edge)
        if lemma in kinds.get("deny", ()):
            gerund = next((c for c in after if c.dep_ in ("xcomp", "pcomp", "dobj") and c.tag_ == "VBG"), None)
            if gerund is not None:
                return span(gerund.left_edge, gerund.right_edge)
        if lemma in kinds.get("commit", ()):
            infinitive = next((c for c in after if c.dep_ == "xcomp" and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)), None)
            if infinitive is not None:
                return span(infinitive.left_edge, infinitive.right_edge)
        if obj is not None and lemma in kinds.get("demand", ()):
            return span(obj.left_edge, obj.right_edge)
        if lemma in kinds.get("request", ()) and obj is None:
            # Not "called an emergency meeting for Thursday": with an object, "for" is no request.
            prep = next((c for c in after if c.dep_ == "prep" and c.lower_ == "for"), None)
            # "called for a full count", "called for reducing the rate": a noun or a gerund.
            target = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if target is not None:
                return span(target.left_edge, target.right_edge)
        return None

    def _noun_cue(self, noun: Token, paras) -> Optional[_Statement]:
        """"Trump's claim that there have been thousands of shootings": a speaker's statement noun."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)), None)
        if owner is None or clause is None:
            return None
        start, end = _trim(noun.doc, clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text))
        if start < end and text_of(noun.doc)[start:end].lower().startswith("that "):
            start += 5
        return _Statement(start, end, "indirect", noun, owner, _paragraph_of(paras, start))

    @staticmethod
    def _mostly_quoted(start: int, end: int, quoted_ranges, text: str = "") -> bool:
        """The content is a quotation already reported as direct speech. Not when the
        writer's own words around the quotation carry a clause ("said Beijing would 'never
        renounce the use of force'", "urged both sides to 'step back'"): the partial
        quotation is then part of the indirect statement."""
        covered = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted_ranges)
        if covered <= 0.5 * (end - start):
            return False
        return len(_unquoted_words(text, start, end, quoted_ranges)) < PARTIAL_QUOTE_OWN_WORDS if text else True

    def _relays_direct_quote(self, according: Token, quoted_ranges) -> bool:
        """'"...," the president said at a meeting, according to his office': the phrase
        names who passed on a quotation whose own cue names its speaker; the quotation is
        the statement, and the relay is no second one."""
        verb = according.head
        if not self.lex.is_speech(verb) or verb.i > according.i or _subject_of(verb) is None:
            return False
        sentence = sentence_of(according)
        return any(sentence.start_char <= s and e <= verb.idx for s, e in quoted_ranges)

    def _according_to(self, doc: Doc, according: Token, paras) -> Optional[_Statement]:
        to = doc[according.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        sentence = sentence_of(according)
        phrase_start, phrase_end = according.idx, source.right_edge.idx + len(source.right_edge.text)
        clause = according.head
        after = text_of(doc)[phrase_end:sentence.end_char]
        if clause.dep_ == "relcl" and clause.left_edge.i < according.i:
            # "Israel, which Washington did not consult according to two diplomats, insists
            # ...": the source vouches for the relative clause only.
            start, end = clause.left_edge.idx, phrase_start
        elif phrase_start - sentence.start_char > (sentence.end_char - phrase_end) or _CONJUNCT_NEXT.match(after):
            # "..., according to X." and "..., according to X, and the levy has hit ...":
            # what X vouches for comes before; a conjunct after it is the writer's.
            start, end = sentence.start_char, phrase_start
        else:
            start, end = phrase_end, sentence.end_char  # "According to X, ..."
        start, end = _trim(doc, start, end)
        if end - start < 10:
            return None
        return _Statement(start, end, "indirect", according, source, _paragraph_of(paras, start))

    # -- speakers ----------------------------------------------------------------
    def _resolve_speakers(self, doc: Doc, resolved: ResolvedActors, quoted_ranges, statements: list[_Statement], kb, published) -> None:
        resolver = SpeakerResolver(doc, resolved, quoted_ranges, self.lex.role_nouns, kb, published)
        previous: Optional[_Statement] = None
        for statement in statements:
            if statement.inherit:
                if previous is not None and statement.paragraph - previous.paragraph <= 1:
                    statement.speaker_id, statement.speaker_name = previous.speaker_id, previous.speaker_name
                    statement.chain = [*previous.chain]
                    statement.speaker_span = None
                    statement.cue = None
                    previous = statement
                continue
            if statement.subject is None:
                continue
            result = resolver.resolve(statement.subject, previous.speaker_id if previous else None)
            result = _own_state_inside(statement, result, statements, resolved) or result
            statement.speaker_id, statement.speaker_name = result.actor_id, result.name
            subject = statement.subject
            statement.speaker_span = (result.mention.start, result.mention.end) if result.mention and result.chain and result.chain[0].how not in SUBJECT_LINKS else (subject.idx, subject.idx + len(subject.text))
            relative = _relative_subject(statement.cue) if statement.cue is not None else None
            if relative is not None:
                # "Kamin, who said ...": the mention nearest the quote is the relative pronoun;
                # the chain goes on from it to the noun it stands for.
                statement.speaker_span = (relative.idx, relative.idx + len(relative.text))
                result.chain = [MentionDetail(span=statement.speaker_span, text=relative.text, how="relative pronoun"), *result.chain]
            statement.chain = result.chain
            previous = statement
        statements[:] = [s for s in statements if s.speaker_name is not None or not s.inherit]

    # -- channels ----------------------------------------------------------------
    def _channels(self, doc: Doc, resolved: ResolvedActors, paras, statements: list[_Statement]) -> None:
        # Sentences where an actor, as subject, names a channel: "Peskov convened a conference call".
        announced: dict[str, tuple[str, int]] = {}
        by_sentence = {}
        for statement in statements:
            if statement.cue is not None:
                by_sentence.setdefault(sentence_of(statement.cue).start, []).append(statement)
        last_channel: dict[str, tuple[str, int]] = {}
        statement_iter = iter(sorted(statements, key=lambda s: s.start))
        pending = next(statement_iter, None)
        channel_in = _memo_by_start(lambda sentence: self._channel_in(doc, sentence, statements))
        for sentence in sentences(doc):
            channel = channel_in(sentence)
            if channel:
                for mention in resolved.mentions:
                    if (
                        sentence.start_char <= mention.start < sentence.end_char
                        and _is_subject_token(doc[mention.token_end - 1])
                        and not any(q.kind == "direct" and q.start <= mention.start < q.end for q in statements)
                    ):
                        announced[mention.actor_id] = (channel, _paragraph_of(paras, sentence.start_char))
            while pending is not None and pending.start < sentence.end_char:
                own = None
                if pending.cue is not None:
                    own = self._channel_of_cue(pending.cue, resolved) or channel_in(sentence_of(pending.cue))
                speaker = pending.speaker_id
                if own:
                    pending.channel = own
                elif speaker and speaker in last_channel and pending.paragraph - last_channel[speaker][1] <= CHANNEL_MEMORY_PARAGRAPHS:
                    pending.channel = last_channel[speaker][0]
                elif speaker and speaker in announced and pending.paragraph - announced[speaker][1] <= CHANNEL_MEMORY_PARAGRAPHS:
                    pending.channel = announced[speaker][0]
                if speaker and pending.channel:
                    last_channel[speaker] = (pending.channel, pending.paragraph)
                pending = next(statement_iter, None)

    def _channel_of_cue(self, cue: Token, resolved: ResolvedActors) -> Optional[str]:
        """The channel the cue's own clause names: whom it addresses ("told reporters", "told
        AFP", "told the Council") or where ("said in a statement", "at a briefing")."""
        media = {m.token_start for m in resolved.mentions if resolved.actors[m.actor_id].type == "media"}
        for child in cue.children:
            if child.dep_ in ("dobj", "dative", "iobj") or (child.dep_ == "prep" and child.lower_ == "to"):
                target = child if child.dep_ != "prep" else next((g for g in child.children if g.dep_ == "pobj"), None)
                if target is None:
                    continue
                if any(t.i in media for t in target.subtree):
                    platform = self._platform(target, resolved)
                    return platform or "interview"
                label = self.lex.noun_channel(target, self.lex.addressees)
                if label:
                    return label
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "during", "on", "via", "through"):
                for noun in child.children:
                    if noun.dep_ != "pobj":
                        continue
                    platform = self._platform(noun, resolved)
                    if platform:
                        return platform
                    label = self.lex.noun_channel(noun, self.lex.settings)
                    if label:
                        return label
        return None

    @staticmethod
    def _platform(phrase: Token, resolved: ResolvedActors) -> Optional[str]:
        """A social platform named in a phrase ("on Telegram", "on his X account")."""
        for mention in resolved.mentions:
            actor = resolved.actors[mention.actor_id]
            if actor.type == "media" and actor.sector != "JRN" and phrase.left_edge.i <= mention.token_start <= phrase.right_edge.i:
                return actor.name
        return None

    def _channel_in(self, doc: Doc, sentence: Span, statements) -> Optional[str]:
        """The channel a sentence names outside quotation, if any."""
        offset = sentence.start_char
        text = text_of(doc)[offset:sentence.end_char].lower()
        if not _any_phrase(self.lex.channels).search(text):
            return None  # no phrase anywhere in the sentence: skip the scan phrase by phrase
        for phrase, label in self.lex.channels:
            at = _find_phrase(text, phrase)
            if at >= 0 and not any(s.kind == "direct" and s.start <= offset + at < s.end for s in statements):
                return label
        return None

    # -- records -----------------------------------------------------------------
    def _record(self, doc: Doc, statement: _Statement, dates: list[DateRef], published: Optional[dt.date], statements=()) -> Quote:
        return Quote(
            span=(statement.start, statement.end),
            text=text_of(doc)[statement.start:statement.end],
            kind=statement.kind,
            speaker=Speaker(
                actor_id=statement.speaker_id, name=statement.speaker_name, span=statement.speaker_span, chain=statement.chain
            ),
            cue=statement.cue.text if statement.cue is not None else None,
            cue_span=_cue_span(statement.cue),
            channel=statement.channel,
            date=self._date(statement, dates, published, statements),
        )

    @staticmethod
    def _date(statement: _Statement, dates: list[DateRef], published: Optional[dt.date], statements=()) -> Optional[str]:
        """When the statement was made: a date in the cue's sentence outside anything said
        with that cue ("in Istanbul in 2022" inside the content is not when it was said)."""
        if statement.cue is not None:
            sentence = sentence_of(statement.cue)
            said = [(s.start, s.end) for s in statements if s.cue is statement.cue] or [(statement.start, statement.end)]
            for date in dates:
                inside_content = any(start <= date.span[0] < end for start, end in said)
                if sentence.start_char <= date.span[0] < sentence.end_char and not inside_content and date.value:
                    return date.value
        return published.isoformat() if published else None


# -- small helpers ---------------------------------------------------------------
# Words of the writer's own (outside quotation marks) that make a content with a partial
# quotation an indirect statement: "Beijing would", "both sides to".
PARTIAL_QUOTE_OWN_WORDS = 2


def _own_state_inside(statement: _Statement, result, statements: list[_Statement], resolved: ResolvedActors):
    """A body's statement names its own state by the capital or the country ("The State
    Department says Washington is concerned and urges Beijing to ..."): a reporting verb whose
    subject is that state, inside the body's reported words, is still the body speaking."""
    actor = resolved.actors.get(result.actor_id) if result.actor_id else None
    if actor is None or actor.type != "country" or statement.cue is None or statement.subject is None:
        return None
    if statement.subject.pos_ != "PROPN":
        return None  # "US officials say": people of the state, not its name standing for the body
    # The outer statement's cue governs this one: its reported clause, or a conjunct of it.
    outer = next((s for s in reversed(statements) if s.cue is not None and s is not statement
                  and s.speaker_id and s.cue.is_ancestor(statement.cue)), None)
    if outer is None or outer.speaker_id == actor.id or _beside(statement.cue, outer.cue):
        return None
    body = resolved.actors.get(outer.speaker_id)
    if body is None or body.type == "country" or not actor.country or body.country != actor.country:
        return None
    return SpeakerResolution(outer.speaker_id, outer.speaker_name, None, [*outer.chain])


def _beside(inner: Token, outer: Token) -> bool:
    """The inner cue hangs on the outer one as a clause of its own ("..., the ministry said,
    though Baku insisted ..."), not inside what the outer speaker reported."""
    token = inner
    while token.i != outer.i and token.head.i != token.i:
        if token.dep_ in ("advcl", "parataxis"):
            return True
        token = token.head
    return False


def _unquoted_words(text: str, start: int, end: int, quoted_ranges) -> list[str]:
    """The words of ``text[start:end]`` outside the quoted ranges, "that" aside."""
    inside = _coverage(quoted_ranges)
    chars = [c if not inside(start + i) else " " for i, c in enumerate(text[start:end])]
    return [w for w in re.findall(r"\w+", "".join(chars)) if w.lower() != "that"]


# The longest summary apposition before its verb: ", a charge the ministry has repeatedly denied".
MAX_APPOSITION = 8
# An indirect content of one word is a heading or a fragment ("What Armenia says happened").
MIN_INDIRECT_WORDS = 2
# Finite verb tags: a clause of its own, not a participle or an infinitive.
FINITE = ("VBD", "VBZ", "VBP", "MD")


def _cue_span(cue: Optional[Token]) -> Optional[tuple[int, int]]:
    """Character offsets of a cue: the verb, or "according to" as one phrase."""
    if cue is None:
        return None
    end = cue
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].lower_ == "to":
        end = cue.doc[cue.i + 1]
    return cue.idx, end.idx + len(end.text)


def _paragraph_of(paras, char: int) -> int:
    for index, (start, end) in enumerate(paras):
        if start <= char <= end:
            return index
    return len(paras) - 1


_THAT_CLAUSE = re.compile(r",?\s+(?:and|but|while)\s+(?:also\s+)?that\s+|;\s+(?:and\s+)?that\s+")


def _split_that_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a reported content joined by "and that" / "but that"."""
    parts, cursor = [], start
    for match in _THAT_CLAUSE.finditer(text, start, end):
        parts.append((cursor, match.start()))
        cursor = match.end()
    parts.append((cursor, end))
    return parts


def _object_that_clause(verb: Token) -> list[Token]:
    """"told a briefing that China opposed ...": the parser takes the complement clause for
    a relative clause of the object. A relative "that" is the clause's subject or object; a
    complementiser "that" (``mark``) before a clause with a subject of its own is not."""
    for obj in _objects_after(verb):
        for clause in obj.children:
            if clause.dep_ not in ("relcl", "acl") or clause.i < obj.i:
                continue
            marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who") for c in clause.children)
            if marked and subject:
                return [clause]
    return []


def _addressed(verb: Token, lexicon: Lexicon) -> bool:
    """"Biden was asked by reporters for his reaction", "was urged to resign": a passive
    appeal; its subject is who was asked, not a speaker."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive and verb.lemma_.lower() in lexicon.directive


def _expected_to_say(verb: Token) -> bool:
    """"Hamas expected the mediators to guarantee that ...", "wants Kyiv to confirm that ...":
    an infinitive with a subject of its own is what someone else expects or asks of them, not
    a statement they made ("he went on to say that ..." has none and stays)."""
    if verb.dep_ not in ("xcomp", "ccomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)


def _imperative(verb: Token) -> bool:
    """"Thank you for following": a sentence that opens on a bare verb addresses the
    reader; nobody is reported as saying anything."""
    return verb.dep_ == "ROOT" and verb.tag_ in ("VB", "VBP") and verb.i == sentence_of(verb).start and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    )


def _objects_after(verb: Token) -> list[Token]:
    """The objects after a cue, and the channel noun of "said in a statement that ...",
    on which the parser also hangs the reported clause."""
    found = []
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in ("dobj", "dative"):
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ == "in":
            found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def _after_time_of_report(left: Token, clause: Token) -> Token:
    """"said last month they had detained ...": a time phrase between the cue and the
    reported clause's subject dates the report, not what was reported."""
    for child in clause.children:
        if child.dep_ == "npadvmod" and child.left_edge.i == left.i and child.ent_type_ in ("DATE", "TIME"):
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and child.right_edge.i < subject.i:
                return child.doc[child.right_edge.i + 1]
    return left


def _opens_with_relative(clause: Token) -> bool:
    """The clause starts with a relative pronoun ("which was not enough ...")."""
    first = clause.left_edge
    # "wrote that Chisinau was ...": a "that" taken for the subject of a clause that has a
    # subject of its own is the complementiser.
    second_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in clause.children)
    if first.lower_ == "that" and second_subject:
        return False
    return first.tag_ == "WDT" and first.dep_ in ("nsubj", "nsubjpass") and first.head.i == clause.i


def _parenthetical_content(verb: Token) -> Optional[tuple[int, int]]:
    """"Ten states voted in favour, EU sources said, ...": a cue set off by commas after
    the clause it reports, which the parser hangs on that clause as ``parataxis``."""
    if verb.dep_ != "parataxis" or verb.head.i > verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > verb.i:
        return None
    start = verb.head.left_edge
    end = subject.left_edge.i - 1
    doc = verb.doc
    while end > start.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    if end <= start.i or doc[end + 1].text not in (",", "—", "–"):
        return None
    return start.idx, doc[end].idx + len(doc[end].text)


def _mid_clause(text: str, span: QuotedSpan) -> bool:
    """The quotation follows a word of the same clause ('a "charade"', 'to end "the madness"')."""
    i = span.start - 1
    while i >= 0 and (text[i] in DOUBLE_OR_SINGLE or text[i] == " "):
        i -= 1
    return i >= 0 and text[i].isalnum()


def _inside(char: int, ranges) -> bool:
    return any(start <= char < end for start, end in ranges)


def _coverage(ranges) -> Callable[[int], bool]:
    """:func:`_inside` for many characters of the same ranges: the ranges merged once, each
    character then found by bisection (a test per token over every quotation is quadratic)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(r for r in ranges if r[0] < r[1]):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)

    def inside(char: int) -> bool:
        k = bisect_right(starts, char) - 1
        return k >= 0 and char < ends[k]
    return inside


def _subject_of(verb: Token) -> Optional[Token]:
    """The subject of a cue; for a participle or conjoined cue ("..., adding that", "reacted
    to the message saying"), the subject of the nearest clause above it that has one."""
    found = _absolute_subject(verb) or _clause_subject(verb)
    if found is None:
        found = _subject_after_quote(verb) or _fronted_phrase_subject(verb) or _reduced_relative_subject(verb)
    if found is not None:
        return _after_dateline(found, verb)
    return _bare_name_before(verb)


# A dateline opening a release or a wire story: place names (several joined by "/"), an
# optional date and agency, then a dash: "GENEVA/KINSHASA, 8 October 2025 - ",
# "Brussels, 17 June 2025 – ", "NAIROBI (Reuters) — ".
_DATELINE = re.compile(
    r"(?P<places>[A-Z][\w.'’-]*(?:[ /][A-Z][\w.'’-]*){0,4})"
    r"(?P<date>,\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?(?:\s+\d{4})?)?"
    r"(?P<agency>\s*\([^)]{1,40}\))?"
    r"\s+[-–—]+\s+"
)


def _dateline_end(sentence: Span) -> Optional[int]:
    """Character offset where a sentence's opening dateline ends, or None. A name before a
    dash ("Ruto - a veteran - said") is no dateline: one needs a date, an agency or a
    place in capitals."""
    match = _DATELINE.match(sentence.text)
    if match is None or not (match["date"] or match["agency"] or match["places"].isupper()):
        return None
    return sentence.start_char + match.end()


def _after_dateline(subject: Token, verb: Token) -> Token:
    """"GENEVA/KINSHASA, 8 October 2025 - The UN Office ... today warned": the parser often
    takes a dateline's place name for the subject and hangs the real one on it; the
    speaker is the noun phrase between the dash and the cue."""
    sentence = sentence_of(verb)
    end = _dateline_end(sentence) if subject.i - sentence.start < 12 else None
    if end is None or subject.idx >= end or verb.idx < end:
        return subject
    doc = verb.doc
    stretch = [t for t in doc[sentence.start : verb.i] if t.idx >= end]
    inside = {t.i for t in stretch}
    for token in stretch:
        if token.head.i not in inside and token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ != "npadvmod":
            return token
    return subject


MAX_BARE_NAME = 4


def _bare_name_before(verb: Token) -> Optional[Token]:
    """"Geely said it was ...": a name the tagger did not know (tagged as an adverb, say)
    opening the sentence right before its main reporting verb; only capitalised words that
    are not function words stand before the verb."""
    if verb.dep_ != "ROOT":
        return None
    start = sentence_of(verb).start
    before = verb.doc[start : verb.i]
    if not 0 < len(before) <= MAX_BARE_NAME or not all(t.is_title and not t.is_stop and t.is_alpha for t in before):
        return None
    return before[-1]


# Marks that close a quotation just before an inverted cue's subject ("...," a diplomat said).
CLOSING_MARKS = ("”", '"', "’", "'", "»")
MAX_SUBJECT_AFTER_QUOTE = 14


def _subject_after_quote(verb: Token) -> Optional[Token]:
    """"“...,” a senior executive at a shipping firm told Al Jazeera": the parser often
    hangs the noun phrase between the closing mark and the cue on the quoted clause (as
    its object), leaving the cue with no subject. The phrase is the subject: the one
    token of that stretch whose head lies outside it, when it is a noun or a name."""
    doc = verb.doc
    mark = None
    for i in range(verb.i - 1, max(verb.i - MAX_SUBJECT_AFTER_QUOTE, 0) - 1, -1):
        if doc[i].text in CLOSING_MARKS:
            mark = i
            break
        if doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ not in ("amod", "compound"):
            return None  # a clause of its own between the quote and the cue
    if mark is None or mark + 1 >= verb.i or doc[mark - 1].text not in (",", "?", "!"):
        return None
    stretch = range(mark + 1, verb.i)
    roots = [doc[i] for i in stretch if doc[i].head.i not in stretch or doc[i].head.i == doc[i].i]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return roots[0]


def _fronted_phrase_subject(verb: Token) -> Optional[Token]:
    """"In a post on Facebook, its president, Christian Tein, said ...": after an opening
    prepositional phrase the parser often hangs the speaker on the phrase's last noun as an
    apposition, leaving the cue with no subject. The apposition that runs up to the comma
    before the cue, inside a phrase the cue itself governs, is the subject."""
    if verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    node = verb.doc[verb.i - 2]
    while node.dep_ in ("compound", "flat", "appos") and node.head.i < node.i:
        top, node = node, node.head
        if top.dep_ == "appos" and node.dep_ == "pobj" and _in_fronted_phrase(node, verb):
            return _outer_apposition(top)
    return None


def _in_fronted_phrase(noun: Token, verb: Token) -> bool:
    """The noun lies in a prepositional phrase before the verb that the verb governs ("In a
    post on Facebook, ... said")."""
    return any(a.dep_ == "prep" and a.head == verb and a.i < noun.i for a in noun.ancestors)


def _outer_apposition(token: Token) -> Token:
    """The first of a chain of appositions ("its president" in "Facebook, its president,
    Christian Tein"), whose own apposition names the person."""
    while token.head.dep_ == "appos" and token.head.i < token.i:
        token = token.head
    return token


def _reduced_relative_subject(verb: Token) -> Optional[Token]:
    """"Loyalist leader Sonia Backès, president of the Southern Province, posted on X:": a
    sentence whose only verb the parser read as a participle modifying the noun before it
    (the noun left as the sentence's root) has that noun as the cue's subject."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or head.i > verb.i:
        return None
    return head


def _absolute_subject(verb: Token) -> Optional[Token]:
    """"..., with the home secretary, Jane Doe, saying the number should rise": in an absolute
    phrase the noun after "with" is the subject of the participle right after it (an
    apposition and commas may stand between), not the subject of the clause above."""
    if verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].is_punct:
        k -= 1
    if k < 0:
        return None
    node = doc[k]
    while node.head.i != node.i and node.dep_ in ("appos", "compound", "flat", "amod"):
        node = node.head
    preposition = node.head
    # set off by a comma: "in line with inflation, adding ..." is no absolute phrase
    if node.dep_ == "pobj" and preposition.lower_ in _ABSOLUTE_PREPOSITIONS() and node.right_edge.i >= k \
            and preposition.i > 0 and doc[preposition.i - 1].text == ",":
        return node
    return None


@lru_cache(maxsize=1)
def _ABSOLUTE_PREPOSITIONS() -> frozenset[str]:
    data = yaml.safe_load((LEXICON_DIR / "reporting_verbs.yaml").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data.get("absolute_prepositions") or [])


def _clause_subject(verb: Token) -> Optional[Token]:
    token = verb
    reporter = _reporting_head(verb)
    if reporter is not None:
        token = reporter
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "National Security Minister Itamar Ben-Gvir called": a parse that splits one noun
        # phrase into two subjects; the last one before the verb heads the phrase.
        if len(subjects) > 1 and all(c.i < token.i for c in subjects[:2]):
            subjects = [max((c for c in subjects if c.i < token.i), key=lambda c: c.i)]
        # '"Full panic mode," said Leslie Wimes': a noun inside the quotation that the parser
        # also made a subject of the cue did not speak; the subject outside the marks did.
        if len(subjects) > 1:
            subjects = [c for c in subjects if not _across_quote(c, token)] or subjects
        for child in subjects:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                    described = token.head  # "Morial, who suggested ...": the noun the clause describes
                    return _person_placed(described) if child.lower_ == "who" else described
                return child
        # "responded by saying ...", "for acknowledging that ...": a gerund after a preposition too.
        if token.dep_ not in ("conj", "advcl", "acl", "xcomp", "pobj", "prep", "dobj", "pcomp") or token.head == token:
            return None
        token = token.head
    return None


def _person_placed(noun: Token) -> Token:
    """The person a "who" stands for when the parser hangs the clause on a place that only
    locates that person: in "a union official in Arlit, who said ..." and "a trader at the
    Grand Marché, who said ..." the official and the trader speak, not Arlit or the market;
    a description set beside a name stands for the name."""
    while noun.dep_ == "pobj" and noun.head.lower_ in _LOCATIVE_PREPOSITIONS() \
            and noun.head.head.pos_ in ("NOUN", "PROPN") and noun.head.head.i < noun.i \
            and noun.ent_type_ not in ("PERSON", "NORP"):
        noun = noun.head.head
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        noun = noun.head  # "Fatoumata Keita, a trader at the Grand Marché, who said ...": the name
    return noun


@lru_cache(maxsize=1)
def _LOCATIVE_PREPOSITIONS() -> frozenset[str]:
    verbs = yaml.safe_load(open(f"{LEXICON_DIR}/reporting_verbs.yaml", encoding="utf-8"))
    return frozenset(verbs.get("locative_prepositions") or [])


def _across_quote(subject: Token, verb: Token) -> bool:
    """True when a quotation mark stands between a subject before its verb and the verb:
    the subject then lies inside a quotation the verb reports, not in the narrator's words."""
    if subject.i >= verb.i:
        return False
    return any(t.is_quote for t in verb.doc[subject.i + 1 : verb.i])


def _reporting_head(cue: Token) -> Optional[Token]:
    """"The spokeswoman said no decision had been taken, adding that ...": the parser hangs
    the participle on the reported clause, whose subject did not speak; the speaker is the
    subject of the verb that reports that clause. None for any other cue."""
    # A participle ("..., adding that"), or a reporting verb coordinated with the reported
    # clause ("said 17 sailors were Filipino and urged the Houthis to ...").
    if cue.dep_ not in ("advcl", "xcomp", "conj") or (cue.tag_ != "VBG" and cue.dep_ != "conj"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    clause = cue.head
    if clause.dep_ == "ccomp" and clause.head.i < clause.i and clause.head.lemma_.lower() in _REPORTING_LEMMAS():
        return clause.head
    # "said any relocation had to be voluntary and called on donors to ...": the parser hangs
    # the cue on an infinitive inside the reported clause; a finite cue conjoined with a bare
    # infinitive cannot share its subject, so it is the reporter's second verb.
    if cue.dep_ != "conj" or clause.tag_ != "VB" or cue.tag_ == "VB":
        return None
    for _ in range(MAX_CLAUSE_CLIMB):
        if clause.dep_ != "xcomp":
            break
        clause = clause.head
    reporter = clause.head
    if clause.dep_ == "ccomp" and reporter.i < clause.i and reporter.tag_ == cue.tag_ and reporter.lemma_.lower() in _REPORTING_LEMMAS():
        return reporter
    return None


# How many infinitives ("had to be", "wanted to try to be") separate a cue from its reported clause.
MAX_CLAUSE_CLIMB = 2


@lru_cache(maxsize=1)
def _REPORTING_LEMMAS() -> frozenset[str]:
    return load_lexicon().speech


def _relative_subject(verb: Token) -> Optional[Token]:
    """The relative pronoun subject of a cue in a relative clause ("who said"), if any."""
    token = verb
    for _ in range(3):
        if token.dep_ == "relcl":
            # "who" and "which" stand for the speaker; a restrictive "that" does not ("rules
            # that promise ..."): the noun phrase it completes is the mention.
            return next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") and c.lower_ != "that"), None)
        if token.dep_ not in ("conj", "xcomp") or token.head == token:
            return None
        token = token.head
    return None


def _is_subject_token(token: Token) -> bool:
    while token.dep_ in ("compound", "flat", "appos") and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = text_of(doc)
    while start < end and (text[start] in _TRIM or text[start] in "\"“”"):
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] in ".\"“”"):
        end -= 1
    return start, end


def _memo_by_start(read: Callable[[Span], T]) -> Callable[[Span], T]:
    """``read`` of a sentence, worked out once per sentence (sentences known by their start)."""
    done: dict[int, T] = {}

    def once(sentence: Span) -> T:
        if sentence.start not in done:
            done[sentence.start] = read(sentence)
        return done[sentence.start]
    return once


@lru_cache(maxsize=4)
def _any_phrase(channels: tuple[tuple[str, str], ...]) -> re.Pattern:
    """A test for any channel phrase in a text (as a plain substring, which each phrase must be)."""
    return re.compile("|".join(re.escape(phrase) for phrase, _ in channels))


def _find_phrase(text: str, phrase: str) -> int:
    """Index of ``phrase`` in ``text`` at word boundaries, or -1."""
    at = text.find(phrase)
    while at >= 0:
        before = text[at - 1] if at > 0 else " "
        after = text[at + len(phrase)] if at + len(phrase) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        at = text.find(phrase, at + 1)
    return -1


def _relays(outer: _Statement, inner: _Statement) -> bool:
    """"Guterres called on all parties to ..., a spokesman said": the trailing cue only passes
    on a whole statement of someone else, which is the statement; the relay is not another."""
    if outer is inner or outer.cue is None or inner.cue is None or inner.subject is None:
        return False
    if not (outer.end <= outer.cue.idx and outer.start <= inner.subject.idx < inner.cue.idx < outer.end):
        return False
    return inner.subject.left_edge.idx <= outer.start


def _reported_within(outer: _Statement, inner: _Statement) -> bool:
    """"Ribeiro said the union was demanding a 9% raise", "says police told her family to
    pack": the inner cue's whole clause is what the outer speaker said; the article reports
    the outer statement only, and the inner one is part of its content, not another."""
    if outer is inner or outer.cue is None or inner.cue is None or outer.kind != "indirect":
        return False
    if outer.cue.pos_ not in ("VERB", "AUX"):
        return False  # "X said Y, according to Z": Z relays X's statement, which stays
    if not outer.start <= inner.cue.idx < outer.end or outer.start <= outer.cue.idx < outer.end:
        return False
    clause = inner.cue  # the inner cue heads the very clause the outer cue reports
    return clause.dep_ == "ccomp" and clause.head == outer.cue and clause.left_edge.idx <= outer.start and inner.end <= outer.end


def _drop_nested(statements: list[_Statement]) -> list[_Statement]:
    """Univocal statements: an outer content that ends with an inner statement stops before it."""
    statements.sort(key=lambda s: (s.start, -(s.end - s.start)))
    relays = {id(outer) for outer in statements for inner in statements if _relays(outer, inner)}
    statements = [s for s in statements if id(s) not in relays]
    reported = {id(inner) for outer in statements for inner in statements if _reported_within(outer, inner)}
    statements = [s for s in statements if id(s) not in reported]
    for outer in statements:
        for inner in statements:
            if inner is outer or inner.cue is None:
                continue
            if outer.start < inner.cue.idx < outer.end:
                subject_at = inner.subject.idx if inner.subject is not None and inner.subject.idx > outer.start else inner.cue.idx
                clause_start = min(inner.start, inner.cue.idx, subject_at)
                clause_start = min(clause_start, inner.cue.left_edge.idx)
                if clause_start > outer.start:
                    doc = inner.cue.doc
                    outer.start, outer.end = _trim(doc, outer.start, clause_start)
                    text = text_of(doc)[outer.start:outer.end]
                    for relative in (" which", " who", " that", " and", " but"):
                        if text.endswith(relative):
                            outer.end -= len(relative)
                    outer.start, outer.end = _trim(doc, outer.start, outer.end)
    # "repeated his accusation that ...": the verb and the noun cue report one content once.
    unique, seen = [], set()
    for statement in statements:
        if statement.end > statement.start and (statement.start, statement.end) not in seen:
            seen.add((statement.start, statement.end))
            unique.append(statement)
    return unique
