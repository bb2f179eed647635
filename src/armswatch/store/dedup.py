"""Near-duplicate reports: syndicated copies and light rewrites of one story.

Each report gets a MinHash signature over its word 5-grams; an LSH index finds earlier
reports whose estimated Jaccard similarity reaches the threshold, and the new report is
linked to the original story of the most similar one. Signatures are stored with the
documents so a later run still recognises copies of reports ingested long before.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.5
SHINGLE_WORDS = 5
SEED = 1
SCHEME = "affine32"  # 32-bit hashes; stored signatures depend on it
_WORD = re.compile(r"\w+")
# Permutations are drawn once: every MinHash shares them, which is what makes them comparable.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Lower-cased word n-grams; a text shorter than n words gives its words."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {w.encode() for w in words}
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def _crc32(data: bytes) -> int:
    # Stable across processes (unlike hash()), which stored signatures require.
    return zlib.crc32(data)


def signature(text: str) -> np.ndarray:
    """The MinHash values of `text` as uint32 (the hash space is 32 bits)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_crc32,
                      permutations=_PERMUTATIONS, scheme=SCHEME)
    grams = shingles(text)
    if grams:
        minhash.update_batch(list(grams))
    return minhash.hashvalues.astype(np.uint32)


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype="<u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two reports' shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass
class Match:
    original: int  # document id of the original story
    similarity: float


@dataclass
class NearDuplicateIndex:
    """An in-memory LSH index of every stored report's signature."""

    threshold: float = THRESHOLD
    lsh: MinHashLSH = field(init=False)
    signatures: dict[int, np.ndarray] = field(default_factory=dict)
    originals: dict[int, int] = field(default_factory=dict)  # copy id -> original id

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self.signatures)

    def _minhash(self, values: np.ndarray) -> MinHash:
        return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values.astype(np.uint64),
                       permutations=_PERMUTATIONS, scheme=SCHEME)

    def find(self, values: np.ndarray) -> Match | None:
        """The original story of the most similar indexed report, if any is close enough."""
        best: Match | None = None
        for key in self.lsh.query(self._minhash(values)):
            score = similarity(values, self.signatures[key])
            # Ties go to the earliest report, so the result does not depend on set order.
            if score >= self.threshold and (
                best is None or score > best.similarity
                or (score == best.similarity and key < best.original)
            ):
                best = Match(key, score)
        if best is None:
            return None
        return Match(self.originals.get(best.original, best.original), best.similarity)

    def add(self, document_id: int, values: np.ndarray, original: int | None = None) -> None:
        if document_id in self.signatures:
            return
        self.signatures[document_id] = values
        if original is not None:
            self.originals[document_id] = original
        self.lsh.insert(document_id, self._minhash(values))

    def load(self, rows: Iterable[tuple[int, bytes | None, int | None]]) -> None:
        """Fill from stored (document id, signature, duplicate_of) rows."""
        for document_id, raw, original in rows:
            if raw:
                self.add(document_id, from_bytes(raw), original)
