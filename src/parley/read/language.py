"""Language detection: which items are confidently not English.

Parley's pipeline analyses English. An item is called non-English only when
the evidence is strong: its body (at most :data:`SAMPLE_CHARS` characters) has
at least :data:`MIN_LETTERS` letters, and py3langid's normalised probability
that it is *not* English is at least :data:`MIN_CONFIDENCE`. Short texts and
headlines full of foreign names are therefore never refused.

py3langid distinguishes regional varieties (Cantonese and Wu beside Mandarin,
Moroccan and Egyptian beside Standard Arabic); their probabilities are added
to the language they belong to before the language is named, which is what
makes a Chinese or Arabic text a confident call. Codes are ISO 639-1 where one
exists (``de``, ``zh``), ISO 639-3 otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SAMPLE_CHARS = 2000
"""Characters of the body the detector sees: enough to decide, cheap on long articles."""
MIN_LETTERS = 40
"""Below this many letters no text is called non-English."""
MIN_CONFIDENCE = 0.9
"""Probability (0-1) that a text is not English needed to call it non-English."""

ENGLISH = "en"
# Labels of the py3langid model folded into another before naming the language:
# varieties into their language, and labels that are not a foreign language
# (Nigerian Pidgin is English-based; 'zxx' means no linguistic content).
_FOLD = {
    "wuu": "zh",
    "yue": "zh",
    "ary": "ar",
    "arz": "ar",
    "uzs": "uz",
    "sdh": "ku",
    "hbo": "he",
    "nn": "no",
    "pcm": ENGLISH,
    "zxx": ENGLISH,
}


@dataclass(frozen=True)
class Guess:
    """The detector's verdict on one text."""

    code: str | None
    """ISO 639 code of the most likely language, or None when the text is too short to say."""
    confidence: float
    """Probability of that language (0-1)."""
    foreign: bool
    """True when the text is confidently not English."""

    @property
    def name(self) -> str:
        """The language's English name (e.g. 'German'), or its code when unknown."""
        return language_name(self.code) if self.code else "an unknown language"


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # Loaded once (about a second); norm_probs gives probabilities that sum to 1.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Guess:
    """Guess the language of ``text`` (only its first :data:`SAMPLE_CHARS` characters are read)."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return Guess(code=None, confidence=0.0, foreign=False)
    folded: dict[str, float] = {}
    for label, probability in _identifier().rank(sample):
        code = _FOLD.get(label, label)
        folded[code] = folded.get(code, 0.0) + probability
    others = {code: p for code, p in folded.items() if code != ENGLISH}
    if sum(others.values()) >= MIN_CONFIDENCE:
        code, confidence = max(others.items(), key=lambda item: item[1])
        return Guess(code=_iso639_1(code), confidence=confidence, foreign=True)
    confidence = folded.get(ENGLISH, 0.0)
    if confidence >= MIN_CONFIDENCE:
        return Guess(code=ENGLISH, confidence=confidence, foreign=False)
    return Guess(code=None, confidence=confidence, foreign=False)


def language_name(code: str) -> str:
    """English name of an ISO 639-1 or 639-3 code ('de' -> 'German'); the code itself if unknown."""
    import pycountry

    try:
        found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    except (KeyError, LookupError):
        found = None
    if found is None:
        return code
    # 'Modern Greek (1453-)' -> 'Modern Greek': the qualifier only tells ISO variants apart.
    return re.sub(r"\s*\(.*\)$", "", found.name)


def _iso639_1(code: str) -> str:
    """The two-letter code for a three-letter one when ISO 639-1 has it."""
    if len(code) == 2:
        return code
    import pycountry

    found = pycountry.languages.get(alpha_3=code)
    return (getattr(found, "alpha_2", None) or code) if found is not None else code
