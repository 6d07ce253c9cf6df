"""A learned confidence for every coded event: would an analyst accept it?

The coder and its reliability checks (:mod:`.events`, :mod:`.event_checks`) are rules; on open
news text about half of what they code is rejected by a judge, and each round of hand-written
checks fixes the last sample's kinds while the next sample shows new ones. This module scores
each coded event with a logistic model over features that describe the *kind* of event and
how it was read, never the story (no names of people or places):

- its codes: CAMEO root and code, PLOVER type, modality;
- its trigger: verb, noun or none (an act derived from another one), dependency label, tag,
  lemma, the lemma of the word it hangs from ("refused to meet": ``head:refuse``);
- its actors: source and target resolved to a KB actor, an unresolved ``new:`` mention, none;
  their type; whether they are mentioned in the event's own sentence; a pronoun as subject;
  a named person, organisation or place as the trigger's object while the target is empty;
- its setting: inside a direct or an indirect quote, ``reported_by`` set, negation and modal
  words on the trigger, a condition or a question, another year named in the sentence, the
  sentence's place in the article, how many events the sentence holds.

``confidence`` is the model's probability. The weights are a JSON table ``feature -> weight``
(``kb/data/models/events.json``), trained by :mod:`parley.train.events` on the judged samples
of ``eval/events_precision`` and the team's gold sets; the file also holds the threshold chosen
on training folds. The ``parley_events`` component sets ``confidence`` on every event and moves
the events below the threshold to ``doc._.dropped_events`` (check name ``low_confidence``).

Environment:

- ``PARLEY_EVENT_MIN_CONFIDENCE``: a number in [0, 1] used instead of the model's threshold
  (``0`` keeps every event, still with its confidence);
- ``PARLEY_EVENT_MODEL``: another model file (``off`` turns the confidence off).

Only the tokens of the event's own sentence are read, so scoring costs little next to parsing.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..kb import LEXICON_DIR
from ..model import Event
from ..nlp.sentences import sentence_of, sentences

MODEL_PATH = LEXICON_DIR.parent / "models" / "events.json"
THRESHOLD_ENV = "PARLEY_EVENT_MIN_CONFIDENCE"
MODEL_ENV = "PARLEY_EVENT_MODEL"
LOW_CONFIDENCE = "low_confidence"  # the check name of the events the model drops

# entity types that make an object a named party ("tariffs on China": a target the coder left out)
_PARTY_ENTS = ("PERSON", "ORG", "GPE", "NORP")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
_FIRST_SECOND = ("i", "we", "you", "me", "us")

TriggerOf = Callable[[Span, str], Optional[Token]]


# -- per-document context -----------------------------------------------------------------
@dataclass
class DocContext:
    """What every event of one doc shares: sentence order, events per sentence, quotes, actors."""

    sentence_index: dict  # sentence start token -> index in the doc
    n_sentences: int
    per_sentence: dict  # sentence start token -> events coded in it
    quotes: Sequence
    actors: dict  # actor id -> Actor
    published_year: Optional[int]

    @classmethod
    def of(cls, doc: Doc, located: Sequence[tuple[Event, Optional[Token], Optional[Span]]]) -> "DocContext":
        sents = sentences(doc)
        per: dict = {}
        for _, _, sent in located:
            if sent is not None:
                per[sent.start] = per.get(sent.start, 0) + 1
        resolved = doc._.actors
        published = doc._.published
        return cls({s.start: i for i, s in enumerate(sents)}, len(sents), per, doc._.quotes or [],
                   resolved.actors if resolved else {}, getattr(published, "year", None))


def locate(doc: Doc, event: Event, trigger_of: TriggerOf) -> tuple[Optional[Token], Optional[Span]]:
    """The event's trigger token (None when derived from another act) and its sentence."""
    span = doc.char_span(event.evidence[0], event.evidence[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    trigger = trigger_of(span, event.cameo)
    return trigger, sentence_of(trigger if trigger is not None else span[0])


# -- features -------------------------------------------------------------------------------
def event_features(event: Event, trigger: Optional[Token], sent: Optional[Span], ctx: DocContext) -> list[str]:
    """The sparse features of one coded event (names; each once)."""
    root = event.cameo[:2]
    feats = {"bias", "root:" + root, "cameo:" + event.cameo, "plover:" + event.plover.type, "mode:" + event.modality}
    if event.date:
        feats.add("has_date")
    if event.location is not None:
        feats.add("has_place")
    feats.update(_actor_features("src", event.source, sent, ctx))
    feats.update(_actor_features("tgt", event.target, sent, ctx))
    if isinstance(event.source, list) and event.source and event.source == event.target:
        feats.add("src_is_tgt")
    feats.add("reported" if event.reported_by else "unreported")
    feats.add("quote:" + _quote_kind(event, ctx.quotes))
    feats.update(_trigger_features(trigger, root, event))
    if sent is not None:
        feats.update(_sentence_features(sent, ctx))
    return sorted(feats)


def _actor_features(side: str, ref, sent: Optional[Span], ctx: DocContext) -> set[str]:
    """Resolved to the KB, a ``new:`` mention or none; the actor's type; whether the sentence names it."""
    ids = [r for r in (ref if isinstance(ref, list) else [ref]) if r]
    if not ids:
        return {f"{side}:none"}
    feats = {f"{side}:many"} if len(ids) > 1 else set()
    for actor_id in ids:
        feats.add(f"{side}:" + ("new" if str(actor_id).startswith("new:") else "kb"))
        actor = ctx.actors.get(actor_id)
        if actor is None:
            feats.add(f"{side}:unknown")
            continue
        feats.add(f"{side}_type:{actor.type}")
        if sent is not None and not any(s < sent.end_char and e > sent.start_char for s, e in actor.mentions):
            feats.add(f"{side}:not_in_sentence")  # read through coreference or the quote's speaker
    return feats


def _quote_kind(event: Event, quotes: Sequence) -> str:
    start, end = event.evidence
    kinds = {q.kind for q in quotes if q.span[0] < end and q.span[1] > start}
    return "direct" if "direct" in kinds else "indirect" if kinds else "none"


def _trigger_features(trigger: Optional[Token], root: str, event: Event) -> set[str]:
    if trigger is None:
        return {"trig:derived"}
    pos = "verb" if trigger.pos_ in ("VERB", "AUX") else "noun"
    lemma = trigger.lemma_.lower()
    # (pairs such as lemma x code or root x modality were tried: no gain on held-out samples)
    feats = {"trig:" + pos, "dep:" + trigger.dep_, "tag:" + trigger.tag_, "lemma:" + lemma}
    head = trigger.head
    if head is not trigger and trigger.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "dobj", "relcl", "acl"):
        feats.add(f"head:{head.lemma_.lower()}")
    for child in trigger.children:
        if child.dep_ == "neg":
            feats.add("neg")
        elif child.tag_ == "MD":
            feats.add("md:" + child.lower_)
        elif child.dep_ in _SUBJECT_DEPS:
            feats.add("subj:" + _kind(child))
        elif child.dep_ in _OBJECT_DEPS or child.dep_ == "prep":
            feats.update(_object_features(child, event))
        elif child.dep_ == "mark":
            feats.add("mark:" + child.lower_)
    if pos == "noun" and not any(c.dep_ == "poss" or c.dep_ == "prep" for c in trigger.children):
        feats.add("bare_noun")  # "an attack", "talks": no doer or object attached to the noun
    return feats


def _kind(token: Token) -> str:
    """A subject's kind: first/second person, another pronoun, a named entity type, a noun."""
    if token.lower_ in _FIRST_SECOND:
        return "first_second"
    if token.pos_ == "PRON":
        return "pronoun"
    if token.ent_type_:
        return "ent"
    return "noun"


def _object_features(child: Token, event: Event) -> set[str]:
    """A named party as the trigger's object (directly or after a preposition) while no target is coded."""
    objects = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
    feats = set()
    for obj in objects:
        if obj.ent_type_ in _PARTY_ENTS:
            feats.add("obj:named" + (":no_target" if not event.target else ""))
        elif obj.pos_ == "PRON":
            feats.add("obj:pronoun")
    return feats


def _sentence_features(sent: Span, ctx: DocContext) -> set[str]:
    index = ctx.sentence_index.get(sent.start, 0)
    n_events = ctx.per_sentence.get(sent.start, 1)
    feats = {"sent_pos:" + _bucket(index, (0, 1, 2, 5, 10, 20)), "events_in_sent:" + _bucket(n_events, (1, 2, 3)),
             "sent_len:" + _bucket(len(sent), (8, 15, 25, 40))}
    if ctx.n_sentences and index / ctx.n_sentences > 0.66:
        feats.add("late_in_article")
    if sent.text.rstrip().endswith("?"):
        feats.add("question")
    for tok in sent:
        if tok.dep_ == "mark" and tok.lower_ in ("if", "unless", "whether"):
            feats.add("condition")
        elif tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2099:
            if ctx.published_year is None or int(tok.text) != ctx.published_year:
                feats.add("other_year")
    return feats


def _bucket(value: int, edges: Sequence[int]) -> str:
    """The first edge ``value`` does not exceed, or ``>last``: small ordinal features."""
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


# -- the model --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model: ``weights`` by feature name and the ``threshold`` an event's
    confidence must reach to stay in the default output."""

    weights: dict
    threshold: float = 0.0

    def probability(self, features: Iterable[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self, **extra) -> dict:
        return {"threshold": self.threshold, **extra,
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "ConfidenceModel":
        return cls(weights={str(k): float(v) for k, v in data["weights"].items()},
                   threshold=float(data.get("threshold", 0.0)))


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> Optional[ConfidenceModel]:
    file = Path(path)
    if not file.exists():
        return None
    return ConfidenceModel.from_json(json.loads(file.read_text(encoding="utf-8")))


def configured_model() -> Optional[ConfidenceModel]:
    """The model the component uses: ``$PARLEY_EVENT_MODEL`` when set (``off``: none), else the
    shipped file (None when it is absent)."""
    path = os.environ.get(MODEL_ENV, "").strip()
    if path.lower() in ("off", "none", "0"):
        return None
    if path:
        if not Path(path).exists():
            raise FileNotFoundError(f"{MODEL_ENV}={path}: no such event model file")
        return load_model(path)
    return load_model()


def configured_threshold(model: ConfidenceModel) -> float:
    """``$PARLEY_EVENT_MIN_CONFIDENCE`` when set (a number in [0, 1]), else the model's threshold."""
    raw = os.environ.get(THRESHOLD_ENV, "").strip()
    if not raw:
        return model.threshold
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(f"{THRESHOLD_ENV}={raw!r}: expected a number between 0 and 1") from exc
    return min(1.0, max(0.0, value))


class EventConfidence:
    """Sets ``confidence`` on coded events and splits off the ones below the threshold."""

    def __init__(self, model: ConfidenceModel, trigger_of: TriggerOf, threshold: Optional[float] = None):
        self.model = model
        self.trigger_of = trigger_of
        self.threshold = configured_threshold(model) if threshold is None else threshold

    def features(self, doc: Doc, events: Sequence[Event]) -> list[list[str]]:
        """Each event's features, in order."""
        located = [(e, *locate(doc, e, self.trigger_of)) for e in events]
        ctx = DocContext.of(doc, located)
        return [event_features(e, trigger, sent, ctx) for e, trigger, sent in located]

    def review(self, doc: Doc, events: Sequence[Event]) -> tuple[list[Event], list[tuple[Event, str]]]:
        """The events at or above the threshold (with their confidence) and the others, named
        ``low_confidence``."""
        kept, dropped = [], []
        for event, feats in zip(events, self.features(doc, events)):
            scored = event.model_copy(update={"confidence": round(self.model.probability(feats), 4)})
            if scored.confidence >= self.threshold:
                kept.append(scored)
            else:
                dropped.append((scored, LOW_CONFIDENCE))
        return kept, dropped
