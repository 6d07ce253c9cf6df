"""The quote scorer: Parley's quotes against gold quotes and against PolNeAR attributions.

**Gold format** (``../shared/gold-format.md``), per article and summed over a run:

- *quotes*: a prediction matches a gold quote when their spans overlap by at least half of
  the shorter one; pairs are one to one, greedy by largest overlap (``matching.py``).
  Precision, recall and F1 over those matches, and again counting only *exact* spans
  (equal once quote marks, white space, final punctuation and a leading "that" are trimmed).
- *speaker accuracy* over matched quotes: correct when the predicted speaker's canonical
  name, or any text the article's actor of that id was mentioned by, equals (folded) the
  gold speaker's name or an alias of that gold actor. A gold quote with no speaker is
  right only when none is predicted. Also broken down by the kind of the gold
  ``speaker_surface`` (:func:`surface_kind`): ``name``, ``pronoun``, ``role``, ``none``.
- *channel accuracy* over matched quotes whose gold channel is not null (labels compared
  folded), and the rate of matched quotes given a channel when the gold one is null.
- *kind accuracy* (direct/indirect) over matched quotes.

**PolNeAR** (brat attributions; PolNeAR annotates speech, thought and intention):

- *units*: PolNeAR annotates attributions, one per cue, and a quote split by its cue
  ("A," X said, "B.") is one attribution with a discontinuous Content; Parley's two records
  of such a quote, which share their ``cue_span``, are scored as one prediction with both
  pieces (:func:`as_attributions`).
- *content*: the same overlap rule between each prediction's span and each attribution's
  Content (a discontinuous Content counts all its pieces).
- *source*: a matched attribution's source is right when the predicted ``speaker.span``
  overlaps the gold Source span by at least one character. Source true positives need both.
  Source precision = source TP / predictions, leaving out predictions matched to an
  attribution without a Source (there is nothing to be right about); source recall =
  source TP / attributions with a Source.
- every figure for *all* attributions and for the *speech* subset: attributions whose Cue
  is a speech verb (:func:`cue_lemma` of the cue's words, read from the last, against the
  ``speech`` list of ``kb/data/lexicon/reporting_verbs.yaml``; "according to", ":" and
  dashes are not speech). Matching is done once against all attributions; for the speech
  figures a prediction matched to, or overlapping, a non-speech attribution is neither a
  true nor a false positive (Parley does not try to find thoughts).

Not scored: the quote ``date``, the speaker chain, PolNeAR's Cue span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import yaml

from ..kb import LEXICON_DIR
from ..model import ArticleResult
from .brat import Attribution, BratDocument
from .gold import GoldArticle
from .matching import Counts, Rate, Span, fold, match_exact, match_regions, names_match, overlap, overlaps_enough, pieces

WORDS_FILE = Path(__file__).parent / "data" / "words.yaml"
SURFACE_KINDS = ("name", "pronoun", "role", "none")


@lru_cache(maxsize=None)
def scorer_words() -> dict:
    """The scorer's word lists (pronouns, determiners, irregular verbs), read once."""
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _reporting_verbs() -> dict:
    return yaml.safe_load((LEXICON_DIR / "reporting_verbs.yaml").read_text(encoding="utf-8"))


def speech_lemmas() -> frozenset[str]:
    return frozenset(_reporting_verbs().get("speech") or [])


# The lists of ``reporting_verbs.yaml`` that hold verbs; the file's other lists are nouns,
# prepositions and markers, which must not be taken for a cue's verb.
VERB_LISTS = ("speech", "communication", "thought", "directive")


def known_lemmas() -> frozenset[str]:
    """Every reporting verb the lexicon knows: the verb lists and the verbs grouped by the
    kind of object they report (``object_statements``)."""
    verbs = _reporting_verbs()
    lemmas = {lemma for key in VERB_LISTS for lemma in (verbs.get(key) or [])}
    for group in (verbs.get("object_statements") or {}).values():
        lemmas.update(group)
    return frozenset(lemmas)


# ---------------------------------------------------------------- predictions


@dataclass
class Predicted:
    """What the scorer needs of one predicted quote, in gold offsets."""

    span: Span
    kind: Optional[str] = None
    speaker_names: set[str] = field(default_factory=set)
    speaker_span: Optional[Span] = None
    channel: Optional[str] = None
    text: str = ""
    cue_span: Optional[Span] = None


def predicted_quotes(result: ArticleResult, offset: int = 0) -> list[Predicted]:
    """The result's quotes with spans shifted by ``-offset``; quotes before the body are dropped.

    A speaker's names are its canonical name, and the actor's name and mention texts when
    ``actor_id`` is one of ``result.actors``.
    """
    actors = {actor.id: actor for actor in result.actors}
    predicted = []
    for quote in result.quotes:
        start, end = quote.span[0] - offset, quote.span[1] - offset
        if end <= 0:
            continue  # a quote in the headline: the gold text has no offsets for it
        names = {quote.speaker.name} if quote.speaker.name else set()
        actor = actors.get(quote.speaker.actor_id or "")
        if actor is not None:
            names.add(actor.name)
            names.update(m.text for m in actor.mention_details)
        speaker_span = None
        if quote.speaker.span is not None:
            speaker_span = (quote.speaker.span[0] - offset, quote.speaker.span[1] - offset)
        cue_span = None
        if getattr(quote, "cue_span", None) is not None:
            cue_span = (quote.cue_span[0] - offset, quote.cue_span[1] - offset)
        predicted.append(Predicted(span=(max(0, start), end), kind=quote.kind, speaker_names=names,
                                   speaker_span=speaker_span, channel=quote.channel, text=quote.text,
                                   cue_span=cue_span))
    return predicted


def as_attributions(predicted: list[Predicted]) -> list[Predicted]:
    """Predicted quotes grouped into attributions, PolNeAR's unit: the pieces of one statement
    around one cue ("A," X said, "B.") become one prediction whose span has both pieces.

    Parley reports such a split quote as two records, one per piece, as the gold format asks;
    PolNeAR annotates one attribution with a discontinuous content. Quotes share a cue only
    when they are pieces of one reported act, so grouping by cue span (and speaker) compares
    like with like. Quotes with no cue stay as they are.
    """
    grouped: list[Predicted] = []
    by_cue: dict[tuple, int] = {}
    for quote in predicted:
        key = (quote.cue_span, quote.speaker_span)
        if quote.cue_span is None or key not in by_cue:
            if quote.cue_span is not None:
                by_cue[key] = len(grouped)
            grouped.append(quote)
            continue
        first = grouped[by_cue[key]]
        grouped[by_cue[key]] = Predicted(
            span=tuple(sorted(pieces(first.span) + pieces(quote.span))),
            kind=first.kind, speaker_names=first.speaker_names | quote.speaker_names,
            speaker_span=first.speaker_span, channel=first.channel,
            text=f"{first.text} {quote.text}", cue_span=first.cue_span,
        )
    return grouped


# ---------------------------------------------------------------- gold format


def surface_kind(surface: Optional[str]) -> str:
    """The kind of a gold ``speaker_surface``: ``name``, ``pronoun``, ``role`` or ``none``.

    ``none`` when null or blank; ``pronoun`` when it is one pronoun of ``data/words.yaml``;
    ``role`` when it starts with a determiner and some later word is lower case ("the
    spokesman", "a senior US official"), or when no word is capitalised ("officials");
    otherwise ``name`` ("Peskov", "Kremlin spokesman Dmitry Peskov", "the Kremlin").
    """
    if surface is None or not surface.strip():
        return "none"
    words = surface.split()
    folded = [fold(w) for w in words]
    if len(words) == 1 and folded[0] in scorer_words()["pronouns"]:
        return "pronoun"
    if folded[0] in scorer_words()["determiners"]:
        rest = [w for w in words[1:] if w[:1].isalpha()]
        return "role" if not rest or any(w[0].islower() for w in rest) else "name"
    if not any(w[:1].isupper() for w in words):
        return "role"
    return "name"


@dataclass
class QuoteScores:
    """Sums for the gold-format quote figures (one article, or many added together)."""

    quotes: Counts = field(default_factory=Counts)
    exact: Counts = field(default_factory=Counts)
    speaker: Rate = field(default_factory=Rate)
    speaker_by_surface: dict[str, Rate] = field(default_factory=lambda: {k: Rate() for k in SURFACE_KINDS})
    channel: Rate = field(default_factory=Rate)
    channel_when_gold_null: Rate = field(default_factory=Rate)
    kind: Rate = field(default_factory=Rate)
    articles: int = 0

    def add(self, other: "QuoteScores") -> "QuoteScores":
        self.quotes.add(other.quotes)
        self.exact.add(other.exact)
        self.speaker.add(other.speaker)
        for key, rate in other.speaker_by_surface.items():
            self.speaker_by_surface.setdefault(key, Rate()).add(rate)
        self.channel.add(other.channel)
        self.channel_when_gold_null.add(other.channel_when_gold_null)
        self.kind.add(other.kind)
        self.articles += other.articles
        return self

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "quotes": self.quotes.as_dict(),
            "quotes_exact": self.exact.as_dict(),
            "speaker_accuracy": self.speaker.as_dict(),
            "speaker_accuracy_by_surface": {k: v.as_dict() for k, v in self.speaker_by_surface.items()},
            "channel_accuracy": self.channel.as_dict(),
            "channel_given_when_gold_null": self.channel_when_gold_null.as_dict(),
            "kind_accuracy": self.kind.as_dict(),
        }


def score_gold_article(gold: GoldArticle, predicted: list[Predicted]) -> QuoteScores:
    """Score one article's predictions (spans in gold offsets) against its gold quotes."""
    scores = QuoteScores(articles=1)
    located = [q for q in gold.quotes if q.span is not None]
    unlocated = len(gold.quotes) - len(located)
    pairs = match_regions([q.span for q in located], [p.span for p in predicted])  # type: ignore[misc]
    scores.quotes = Counts(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold.quotes) - len(pairs))
    exact_tp = len(match_exact(gold.text, [q.span for q in located], [p.span for p in predicted]))  # type: ignore[misc]
    scores.exact = Counts(tp=exact_tp, fp=len(predicted) - exact_tp, fn=len(located) + unlocated - exact_tp)
    for gi, pi in pairs:
        g, p = located[gi], predicted[pi]
        if g.speaker:
            right = names_match(p.speaker_names, gold.names_of(g.speaker))
        else:
            right = not p.speaker_names
        scores.speaker.count(right)
        scores.speaker_by_surface[surface_kind(g.speaker_surface)].count(right)
        if g.channel:
            scores.channel.count(bool(p.channel) and fold(p.channel) == fold(g.channel))
        else:
            scores.channel_when_gold_null.count(bool(p.channel))
        if g.kind:
            scores.kind.count(p.kind == g.kind)
    return scores


# ---------------------------------------------------------------- PolNeAR


def cue_lemma(cue: str) -> Optional[str]:
    """The reporting verb of a cue: its words read from the last, the first one whose lemma
    (irregular table of ``data/words.yaml``, else -s/-es/-ies/-ed/-ied/-ing rules with a
    doubled final consonant undone) is a known reporting verb; else the last word's lemma."""
    words = [fold(w) for w in cue.split()]
    words = [w for w in words if w.isalpha()]
    if not words:
        return None
    known = known_lemmas()
    for word in reversed(words):
        for candidate in _lemma_candidates(word):
            if candidate in known:
                return candidate
    return _lemma_candidates(words[-1])[0]


def _lemma_candidates(word: str) -> list[str]:
    irregular = scorer_words()["irregular_verbs"]
    if word in irregular:
        return [irregular[word]]
    out = [word]
    for suffix, replacements in (("ies", ["y"]), ("ied", ["y"]), ("es", ["", "e"]), ("s", [""]),
                                 ("ed", ["", "e"]), ("d", [""]), ("ing", ["", "e"])):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            out.extend(stem + r for r in replacements)
            if suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # admitted -> admit, plotting -> plot
    return out


def is_speech(attribution: Attribution, lemmas: Optional[frozenset[str]] = None) -> bool:
    """True when the attribution's cue is a speech verb (see the module docstring)."""
    if attribution.cue is None:
        return False
    lemma = cue_lemma(attribution.cue.text)
    return lemma is not None and lemma in (lemmas if lemmas is not None else speech_lemmas())


@dataclass
class AttributionScores:
    """Content and source counts for one subset of attributions."""

    content: Counts = field(default_factory=Counts)
    exact: Counts = field(default_factory=Counts)
    source: Counts = field(default_factory=Counts)
    source_given_content: Rate = field(default_factory=Rate)

    def add(self, other: "AttributionScores") -> "AttributionScores":
        self.content.add(other.content)
        self.exact.add(other.exact)
        self.source.add(other.source)
        self.source_given_content.add(other.source_given_content)
        return self

    def as_dict(self) -> dict:
        return {"content": self.content.as_dict(), "content_exact": self.exact.as_dict(),
                "source": self.source.as_dict(), "source_accuracy_over_matches": self.source_given_content.as_dict()}


@dataclass
class PolnearScores:
    all: AttributionScores = field(default_factory=AttributionScores)
    speech: AttributionScores = field(default_factory=AttributionScores)
    attributions: int = 0
    speech_attributions: int = 0
    predictions: int = 0
    articles: int = 0

    def add(self, other: "PolnearScores") -> "PolnearScores":
        self.all.add(other.all)
        self.speech.add(other.speech)
        self.attributions += other.attributions
        self.speech_attributions += other.speech_attributions
        self.predictions += other.predictions
        self.articles += other.articles
        return self

    def as_dict(self) -> dict:
        return {"articles": self.articles, "attributions": self.attributions,
                "speech_attributions": self.speech_attributions, "predictions": self.predictions,
                "all": self.all.as_dict(), "speech": self.speech.as_dict()}


def score_polnear_document(doc: BratDocument, predicted: list[Predicted],
                           lemmas: Optional[frozenset[str]] = None) -> PolnearScores:
    """Score one document's predictions against its attributions (see the module docstring)."""
    gold = [a for a in doc.attributions if a.content is not None]
    speech = [is_speech(a, lemmas) for a in gold]
    regions = [a.content.pieces for a in gold]  # type: ignore[union-attr]
    spans = [p.span for p in predicted]
    pairs = match_regions(regions, spans)
    exact = match_exact(doc.text, regions, spans)
    matched_pred = {p: g for g, p in pairs}
    scores = PolnearScores(attributions=len(gold), speech_attributions=sum(speech),
                           predictions=len(predicted), articles=1)

    def source_right(g: int, p: int) -> bool:
        source, speaker = gold[g].source, predicted[p].speaker_span
        return source is not None and speaker is not None and overlap(source.pieces, speaker) > 0

    for subset, wanted in ((scores.all, None), (scores.speech, True)):
        in_subset = [wanted is None or s == wanted for s in speech]
        # Predictions that count for this subset: all of them for "all"; for "speech", those
        # neither matched to nor overlapping a non-speech attribution.
        counted = []
        for p, region in enumerate(spans):
            if wanted is None:
                counted.append(p)
            elif p in matched_pred:
                if in_subset[matched_pred[p]]:
                    counted.append(p)
            elif not any(overlaps_enough(regions[g], region) for g in range(len(gold)) if not in_subset[g]):
                counted.append(p)
        tp_pairs = [(g, p) for g, p in pairs if in_subset[g]]
        n_gold = sum(in_subset)
        subset.content = Counts(tp=len(tp_pairs), fp=len(counted) - len(tp_pairs), fn=n_gold - len(tp_pairs))
        exact_tp = sum(1 for g, p in exact if in_subset[g])
        subset.exact = Counts(tp=exact_tp, fp=len(counted) - exact_tp, fn=n_gold - exact_tp)
        source_tp = sum(source_right(g, p) for g, p in tp_pairs)
        sourceless = sum(1 for g, p in tp_pairs if gold[g].source is None)
        with_source = sum(1 for g in range(len(gold)) if in_subset[g] and gold[g].source is not None)
        subset.source = Counts(tp=source_tp, fp=len(counted) - sourceless - source_tp, fn=with_source - source_tp)
        for g, p in tp_pairs:
            if gold[g].source is not None:
                subset.source_given_content.count(source_right(g, p))
    return scores


def total(scores: Iterable[QuoteScores | PolnearScores]) -> QuoteScores | PolnearScores:
    """The sum of per-article scores (all of one type)."""
    items = list(scores)
    result = type(items[0])() if items else QuoteScores()
    for item in items:
        result.add(item)
    return result
