"""How alike two texts are. Lexical by default (offline, no model); semantic when asked.

The lexical measure mixes character bigrams (robust to spacing and small rewordings) with
kiwipiepy content morphemes (robust to particles: `중소기업은` / `중소기업이`). A sentence-
transformers model can replace it behind the same `Similarity` interface, but only from a
local path: nothing is downloaded at run time. English-only models (all-MiniLM) map most
Hangul to unknown tokens, so `semantic_similarity` refuses a model whose tokenizer does.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import regex

from gonggo.vocab.text import char_bigrams, dice

Similarity = Callable[[str, str], float]


def _key(text: str) -> str:
    return regex.sub(r"[\s\p{P}\p{S}]+", "", text).lower()


def bigrams(text: str) -> list[str]:
    """Character bigrams of the text without spaces and punctuation (one letter: itself)."""
    k = _key(text)
    return [k[i : i + 2] for i in range(len(k) - 1)] or ([k] if k else [])


def bigram_dice(a: str, b: str) -> float:
    x, y = _key(a), _key(b)
    if not x or not y:
        return 1.0 if x == y else 0.0
    if x == y:
        return 1.0
    return dice(char_bigrams(x, _key), char_bigrams(y, _key))


@lru_cache(maxsize=4096)
def _morphemes(text: str) -> frozenset[str]:
    from gonggo.vocab.nlp import content_morphemes

    return frozenset(content_morphemes(text))


def morpheme_jaccard(a: str, b: str) -> float:
    x, y = _morphemes(a), _morphemes(b)
    if not x or not y:
        return 1.0 if x == y else 0.0
    return len(x & y) / len(x | y)


def lexical_similarity(a: str, b: str, morphology: bool = True) -> float:
    """Character bigrams, and content morphemes for sentences (where particles vary)."""
    char = bigram_dice(a, b)
    if not morphology or char in (0.0, 1.0) or max(len(a), len(b)) < 12:
        return char
    return max(char, 0.5 * char + 0.5 * morpheme_jaccard(a, b))


def same_words(a: str, b: str) -> bool:
    """Equal facts in different spacing, punctuation or particles."""
    if _key(a) == _key(b):
        return True
    return len(a) >= 12 and _morphemes(a) == _morphemes(b)


class UnsuitableModel(ValueError):
    pass


def semantic_similarity(model_path: str | Path) -> Similarity:
    """Cosine similarity from a local sentence-transformers model (extra `semantic`)."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    path = Path(model_path)
    if not path.exists():
        raise UnsuitableModel(f"no local model at {path} (models are never downloaded)")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    probe = model.tokenizer.tokenize("중소기업 지원제외대상 국세 체납")
    unknown = sum(t == model.tokenizer.unk_token for t in probe)
    if probe and unknown / len(probe) > 0.3:
        raise UnsuitableModel(f"{path.name} maps {unknown}/{len(probe)} Korean tokens to "
                              f"unknown; it cannot compare Korean clauses")

    @lru_cache(maxsize=8192)
    def embed(text: str):  # type: ignore[no-untyped-def]
        return model.encode(text, normalize_embeddings=True)

    def similarity(a: str, b: str) -> float:
        return float(max(0.0, (embed(a) * embed(b)).sum()))

    return similarity
