"""A small learned demand detector over sentences, to back up the rules of :mod:`.demands`.

The rules find demands by their words ("must", "urged X to", "unless"); a writer who words a
demand otherwise ("We are still waiting for justice", "Our operations will continue until
...") slips past them. This module scores every sentence the rules left empty with a
logistic model over features of its parse (modal verbs and their negation, the lemmas of
its verbs and function words, dependency relations, condition markers, whether it is
someone's statement) and proposes the sentences above a threshold as demands. Party and
addressee are then resolved by :meth:`DemandExtractor.set_records` as for any rule match.

The weights are a JSON table ``feature -> weight`` (``kb/data/models/demands.json``),
trained by :mod:`parley.train.demands` on the team's demand annotations; names of people
and places are not features (they would tie the model to one article's story). The file
also names the feature groups it reads (see ``sentence_features``); ``$PARLEY_DEMAND_MODEL``
points the pipeline at another file.

Measured transfer (``python -m parley.train.demands SETS... --leave-one-set-out``, five
writer sets, each held out in turn): no variant tried beat the rules alone on any held-out
set; with the threshold chosen honestly on the training sets it mostly declines to propose
anything. The sentences the rules leave empty hold few demands (29 of 743 across the five
sets), and the ones that look most like demands are often pledges or threats the guidelines
leave out. So the learned part stays off by default.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..kb import LEXICON_DIR
from ..model import Quote
from ..nlp.sentences import sentences
from .demands import Found

MODEL_PATH = LEXICON_DIR.parent / "models" / "demands.json"
# Names a model file to use instead of the shipped one (and turns the learned part on).
MODEL_ENV = "PARLEY_DEMAND_MODEL"
# Parts of speech whose words name the story rather than the act (names, numbers).
_OPAQUE_POS = ("PROPN", "NUM", "PUNCT", "SPACE", "SYM", "X")
# Clause relations that carry what one party asks of another ("urged X to ...", "said that ...").
_CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "conj", "ROOT", "relcl", "acl")


# -- features -----------------------------------------------------------------------
# Feature groups a model may use (named in its JSON, so that an older file keeps its meaning):
#   base    the words of the sentence (lemmas), modals, negation, clause relations, root verb;
#   cues    the demands.yaml word lists the sentence's words belong to ("cue:demand_verbs"):
#           what kind of word, not which word, so that a writer's synonyms share one weight;
#   frame   the shape of the main clause: who its subject is (first, second, third person,
#           an actor-like name), whether an object is followed by an infinitive ("urged X to"),
#           the mood of the statement's own verb;
#   speaker who says it and where: the speaker's sector (GOV, MIL, ...), the sentence's place in
#           the statement (first sentence of a quote, a later one), whether it carries the cue;
#   nolex   drop "lem:" features of content words (nouns, adjectives): they name the story.
BASE_GROUPS = ("base",)
# demands.yaml lists whose membership is a feature of the "cues" group.
CUE_LISTS = ("obligation_modals", "obligation_verbs", "need_verbs", "demand_verbs", "refusal_verbs",
             "rejection_verbs", "rejected_things", "threat_verbs", "commitment_modals", "permission_verbs",
             "condition_nouns", "wish_verbs", "wanted_things", "verdict_words", "acceptable_words",
             "dependence_verbs", "coercion_verbs", "pressure_verbs", "pushing_verbs", "continuation_verbs",
             "continuation_markers", "weak_condition_markers", "yield_verbs", "nominal_demand_nouns",
             "restriction_words", "none_words", "reporting_verbs", "first_person", "hypothetical_auxes")
_CONTENT_POS = ("NOUN", "ADJ")


def sentence_features(sent: Span, quotes: Sequence[Quote] = (), groups: Sequence[str] = BASE_GROUPS,
                      actors=None) -> list[str]:
    """The sparse features of one sentence (a list of names; repeats are kept once).

    ``groups``: which feature groups (see above); ``actors``: the doc's resolved actors, for the
    speaker's sector (``doc._.actors``)."""
    feats = set(_base_features(sent, quotes, drop_content="nolex" in groups))
    if "cues" in groups:
        feats.update(_cue_features(sent))
    if "frame" in groups:
        feats.update(_frame_features(sent, quotes))
    if "speaker" in groups:
        feats.update(_speaker_features(sent, quotes, actors))
    return sorted(feats)


def _base_features(sent: Span, quotes: Sequence[Quote], drop_content: bool = False) -> set[str]:
    feats: set[str] = {"bias"}
    feats.add("quote:" + _quote_kind(sent, quotes))
    for tok in sent:
        if tok.pos_ in _OPAQUE_POS:
            if tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "dobj", "pobj"):
                feats.add("propn:" + tok.dep_)
            continue
        lemma = tok.lemma_.lower()
        if not (drop_content and tok.pos_ in _CONTENT_POS):
            feats.add("lem:" + lemma)
        if tok.tag_ == "MD":
            feats.update(_modal_features(tok))
        elif tok.dep_ == "neg":
            feats.add("neg:" + tok.head.lemma_.lower())
        elif tok.dep_ == "mark":
            feats.add("mark:" + lemma)
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS:
            feats.add(f"clause:{tok.dep_}:{lemma}")
            if tok.dep_ in ("xcomp", "ccomp"):
                feats.add(f"under:{tok.head.lemma_.lower()}>{tok.dep_}")
        if tok.dep_ == "ROOT":
            feats.add("root:" + lemma)
            feats.add("roottag:" + tok.tag_)
            if tok.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children):
                feats.add("imperative")
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PRON":
            feats.add("subj:" + tok.lower_)
    if sent.text.rstrip().endswith("?"):
        feats.add("question")
    return feats


@lru_cache(maxsize=1)
def _cue_table() -> dict[str, tuple[str, ...]]:
    """word -> the demands.yaml lists it is in (single words only; the lists are the rules')."""
    from .demands import load_demand_lexicon

    lex = load_demand_lexicon()
    table: dict[str, list[str]] = {}
    for name in CUE_LISTS:
        for word in getattr(lex, name, ()) or ():
            word = str(word).lower()
            if " " not in word:
                table.setdefault(word, []).append(name)
    return {w: tuple(names) for w, names in table.items()}


def _cue_features(sent: Span) -> set[str]:
    """"cue:LIST" for each lexicon list a word of the sentence is in, and "cue:LIST:dep" for the
    list of the main verb and of clauses under it (the place of the cue matters)."""
    table = _cue_table()
    feats: set[str] = set()
    for tok in sent:
        for name in table.get(tok.lemma_.lower(), ()) + (table.get(tok.lower_, ()) if tok.tag_ == "MD" else ()):
            feats.add("cue:" + name)
            if tok.dep_ in ("ROOT", "ccomp", "xcomp", "advcl"):
                feats.add(f"cue:{name}:{tok.dep_}")
    return feats


def _person(tok: Token) -> str:
    """The subject's kind: first, second or third person pronoun, a name, or a noun."""
    word = tok.lower_
    if word in ("i", "we"):
        return "first"
    if word == "you":
        return "second"
    if tok.pos_ == "PRON":
        return "third"
    if tok.ent_type_:
        return "ent:" + tok.ent_type_
    return "noun"


def _frame_features(sent: Span, quotes: Sequence[Quote]) -> set[str]:
    """The shape of the main clause and of the statement's own clause."""
    feats: set[str] = set()
    root = sent.root
    deps = sorted({c.dep_ for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "xcomp", "ccomp",
                                                                 "advcl", "prep", "aux", "neg")})
    feats.add("frame:" + "-".join(deps))
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            feats.add("subjkind:" + _person(c))
        if c.dep_ == "dobj" and any(x.dep_ == "xcomp" for x in root.children):
            feats.add("obj_then_inf")  # "urged Israel to allow": someone is told to act
            feats.add("obj_then_inf:" + _person(c))
    # In "..., he said" the demand is in the clause under the cue: its subject and modal matter.
    for tok in sent:
        if tok.dep_ == "ccomp" and tok.head == root:
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    feats.add("inner_subj:" + _person(c))
                if c.tag_ == "MD":
                    feats.add("inner_md")
            feats.add("inner_tag:" + tok.tag_)
    return feats


def _speaker_features(sent: Span, quotes: Sequence[Quote], actors) -> set[str]:
    """Who speaks (sector and type of the speaker's actor) and the sentence's place in the quote."""
    start, end = sent.start_char, sent.end_char
    inside = [q for q in quotes if q.span[0] < end and q.span[1] > start]
    if not inside:
        return {"spk:none"}
    feats: set[str] = set()
    for q in inside:
        feats.add("qpos:first" if q.span[0] >= start else "qpos:later")
        feats.add("qcue:in" if q.cue_span and start <= q.cue_span[0] < end else "qcue:out")
        actor = _speaker_actor(q, actors)
        if actor is None:
            feats.add("spk:unknown")
        else:
            feats.add("spk:type:" + str(actor.type))
            feats.add("spk:sector:" + str(actor.sector or "none"))
    return feats


def _speaker_actor(quote: Quote, actors):
    if actors is None or not quote.speaker.actor_id:
        return None
    table = getattr(actors, "actors", None) or {}
    return table.get(quote.speaker.actor_id)


def _modal_features(modal: Token) -> list[str]:
    """"must", "will not", "should ... be": the modal, with its negation and its verb."""
    word = modal.lower_.replace("'ll", "will").replace("ca", "can") if modal.lower_ in ("'ll", "ca") else modal.lower_
    head = modal.head
    negated = any(c.dep_ == "neg" for c in head.children)
    feats = ["md:" + word, f"md:{word}:{head.lemma_.lower()}"]
    if negated:
        feats.append(f"md_neg:{word}")
    return feats


def _quote_kind(sent: Span, quotes: Sequence[Quote]) -> str:
    """Whether the sentence is (partly) someone's statement, and of which kind."""
    start, end = sent.start_char, sent.end_char
    kinds = {q.kind for q in quotes if q.span[0] < end and q.span[1] > start}
    if "direct" in kinds:
        return "direct"
    return "indirect" if kinds else "none"


# -- the model ------------------------------------------------------------------------
@dataclass(frozen=True)
class DemandModel:
    """A logistic model: ``weights`` by feature name, the ``threshold`` a sentence's
    probability must reach to be proposed as a demand, and the feature ``groups`` it reads."""

    weights: dict
    threshold: float = 0.5
    groups: tuple = BASE_GROUPS

    def probability(self, features: Iterable[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def features(self, sent: Span, quotes: Sequence[Quote] = (), actors=None) -> list[str]:
        return sentence_features(sent, quotes, self.groups, actors)

    def to_json(self) -> dict:
        return {"threshold": self.threshold, "groups": list(self.groups),
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "DemandModel":
        return cls(weights={str(k): float(v) for k, v in data["weights"].items()}, threshold=float(data["threshold"]),
                   groups=tuple(data.get("groups") or BASE_GROUPS))


@lru_cache(maxsize=4)
def load_demand_model(path: str = str(MODEL_PATH)) -> Optional[DemandModel]:
    """The shipped model (read once per process); None when the file is absent."""
    file = Path(path)
    if not file.exists():
        return None
    return DemandModel.from_json(json.loads(file.read_text(encoding="utf-8")))


def configured_demand_model(learned: bool) -> Optional[DemandModel]:
    """The model the ``parley_demands`` component uses: the file named by ``$PARLEY_DEMAND_MODEL``
    when set (turns the learned part on, e.g. to score a model trained apart:
    ``PARLEY_DEMAND_MODEL=/tmp/m.json parley eval demands DIR``; ``off`` turns it off), else the
    shipped model when ``learned``, else None."""
    path = os.environ.get(MODEL_ENV, "").strip()
    if path.lower() in ("off", "none", "0"):
        return None
    if path:
        if not Path(path).exists():
            raise FileNotFoundError(f"{MODEL_ENV}={path}: no such demand model file")
        return load_demand_model(path)
    return load_demand_model() if learned else None


# -- proposing demands --------------------------------------------------------------
def learned_found(doc: Doc, model: DemandModel, quotes: Sequence[Quote], taken: Sequence[tuple[int, int]],
                  actors=None) -> list[Found]:
    """A :class:`Found` for every sentence no rule demand touches (``taken``: character spans
    of the demands already found) whose probability reaches the model's threshold."""
    found = []
    for sent in sentences(doc):
        if any(s < sent.end_char and e > sent.start_char for s, e in taken):
            continue
        if len(sent) < 4:
            continue  # a dateline or a fragment
        if model.probability(model.features(sent, quotes, actors)) < model.threshold:
            continue
        found.append(_as_found(sent, quotes))
    return found


def _as_found(sent: Span, quotes: Sequence[Quote]) -> Found:
    """The sentence as a demand: its words are the statement's inside it (cut to the quote by
    ``set_records``); the act is the statement's first word, else the sentence's root, so that
    the party is the statement's speaker, else the root's subject."""
    inside = [q for q in quotes if q.span[0] < sent.end_char and q.span[1] > sent.start_char]
    act = sent.root
    if inside:
        quote = max(inside, key=lambda q: min(q.span[1], sent.end_char) - max(q.span[0], sent.start_char))
        act = next((t for t in sent if t.idx >= quote.span[0] and not (t.is_punct or t.is_space)), act)
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return Found("learned", act, sent.start, sent.end, party_token=subject, context=sent.root)
