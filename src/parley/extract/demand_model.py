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
and places are not features (they would tie the model to one article's story).
"""

from __future__ import annotations

import json
import math
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
# Parts of speech whose words name the story rather than the act (names, numbers).
_OPAQUE_POS = ("PROPN", "NUM", "PUNCT", "SPACE", "SYM", "X")
# Clause relations that carry what one party asks of another ("urged X to ...", "said that ...").
_CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "conj", "ROOT", "relcl", "acl")


# -- features -----------------------------------------------------------------------
def sentence_features(sent: Span, quotes: Sequence[Quote] = ()) -> list[str]:
    """The sparse features of one sentence (a list of names; repeats are kept once)."""
    feats: set[str] = {"bias"}
    feats.add("quote:" + _quote_kind(sent, quotes))
    for tok in sent:
        if tok.pos_ in _OPAQUE_POS:
            if tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "dobj", "pobj"):
                feats.add("propn:" + tok.dep_)
            continue
        lemma = tok.lemma_.lower()
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
    return sorted(feats)


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
    """A logistic model: ``weights`` by feature name, and the ``threshold`` a sentence's
    probability must reach to be proposed as a demand."""

    weights: dict
    threshold: float = 0.5

    def probability(self, features: Iterable[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        return {"threshold": self.threshold, "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "DemandModel":
        return cls(weights={str(k): float(v) for k, v in data["weights"].items()}, threshold=float(data["threshold"]))


@lru_cache(maxsize=4)
def load_demand_model(path: str = str(MODEL_PATH)) -> Optional[DemandModel]:
    """The shipped model (read once per process); None when the file is absent."""
    file = Path(path)
    if not file.exists():
        return None
    return DemandModel.from_json(json.loads(file.read_text(encoding="utf-8")))


# -- proposing demands --------------------------------------------------------------
def learned_found(doc: Doc, model: DemandModel, quotes: Sequence[Quote], taken: Sequence[tuple[int, int]]) -> list[Found]:
    """A :class:`Found` for every sentence no rule demand touches (``taken``: character spans
    of the demands already found) whose probability reaches the model's threshold."""
    found = []
    for sent in sentences(doc):
        if any(s < sent.end_char and e > sent.start_char for s, e in taken):
            continue
        if len(sent) < 4:
            continue  # a dateline or a fragment
        if model.probability(sentence_features(sent, quotes)) < model.threshold:
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
