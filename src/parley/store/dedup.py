"""Near-duplicate and syndicated-copy detection with MinHash (datasketch).

An article is represented by the set of its word bigrams (lower-cased, punctuation
dropped); 256 permutations estimate the Jaccard similarity of two such sets to about
+/-0.03. An LSH index finds candidates, and a candidate counts as a copy when the
estimated similarity reaches :data:`THRESHOLD`.

Why 0.45: a wire story republished with a new headline, a trimmed last paragraph or an
outlet's boilerplate keeps well over half its bigrams, while two different stories on the
same event share names and phrases but rarely a fifth of their bigrams (measured on the
test corpus; see ``docs/corpus.md``). Exact copies are caught earlier by content hash.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 256
THRESHOLD = 0.45
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with runs of whitespace collapsed: identical copies, however wrapped."""
    return hashlib.sha256(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()


def shingles(text: str) -> set[bytes]:
    """The word bigrams of ``text`` (single words for a one-word text)."""
    words = _WORD.findall(text.lower())
    if len(words) < 2:
        return {w.encode("utf-8") for w in words}
    return {f"{a} {b}".encode("utf-8") for a, b in zip(words, words[1:])}


# One permutation set shared by every signature (datasketch draws them per MinHash otherwise).
SCHEME = "affine32"  # datasketch 2 default, named because stored signatures must match it
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)


def signature(text: str) -> MinHash:
    """The MinHash of ``text``'s bigrams."""
    sketch = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_TEMPLATE.permutations)
    sketch.update_batch(list(shingles(text)))
    return sketch


def to_bytes(sketch: MinHash) -> bytes:
    return np.asarray(sketch.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint32).copy()
    return MinHash(num_perm=len(values), seed=1, hashvalues=values, scheme=SCHEME, permutations=_TEMPLATE.permutations)


@dataclass
class DuplicateIndex:
    """Originals seen so far; :meth:`find` names the one a new text copies, if any."""

    threshold: float = THRESHOLD
    lsh: MinHashLSH = field(init=False)
    sketches: dict[int, MinHash] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)

    def add(self, article_id: int, sketch: MinHash) -> None:
        if article_id not in self.sketches:
            self.lsh.insert(article_id, sketch)
            self.sketches[article_id] = sketch

    def find(self, sketch: MinHash) -> Optional[tuple[int, float]]:
        """The most similar original at or above the threshold, with its estimated Jaccard."""
        best: Optional[tuple[int, float]] = None
        for candidate in self.lsh.query(sketch):
            score = sketch.jaccard(self.sketches[candidate])
            if score >= self.threshold and (best is None or score > best[1] or (score == best[1] and candidate < best[0])):
                best = (candidate, score)
        return best
