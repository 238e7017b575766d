"""How alike two texts are. Lexical by default (offline, no model); semantic when asked.

The lexical measure mixes character bigrams (robust to spacing and small rewordings) with
content terms (robust to particles: `중소기업은` / `중소기업이`). The terms come from a light
normaliser first (each word with its particle or ending cut off by one regex, then its
character bigrams: `중소벤처기업진흥공단` shares `기업`, `진흥` with the morphemes kiwipiepy
finds); kiwipiepy's content morphemes (a 2.5 s, ~300 MB model load) are asked only when the
light score falls within `BAND` of a threshold the aligner decides pairs by, where the two
could decide differently. On the 1,267 sentence pairs the seed and corpus year pairs compare,
the light score is within ±0.09 of the kiwipiepy one (96 % within ±0.05, mean +0.001) and
crosses no threshold the other does not. A sentence-
transformers model can replace it behind the same `Similarity` interface, but only from a
local path: nothing is downloaded at run time. English-only models (all-MiniLM) map most
Hangul to unknown tokens, so `semantic_similarity` refuses a model whose tokenizer does.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import regex

from gonggo.vocab.text import char_bigrams, compiled, dice

Similarity = Callable[[str, str], float]


def _key(text: str) -> str:
    return compiled(r"[\s\p{P}\p{S}]+").sub("", text).lower()


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


# Particles (조사) and endings (어미) at the end of a word; one is cut, the stem is kept.
_ENDING = regex.compile(
    r"(?:에서는|에서도|으로서|으로써|으로는|에게는|에서|에게|으로|로서|로써|부터|까지|보다|이나|이며|"
    r"이고|이면|라도|처럼|만큼|하는|하고|하여|하며|해야|해서|하면|하지|한다|합니다|된다|되는|되어|되며|"
    r"되고|됨|함|한|할|된|될|은|는|이|가|을|를|의|에|와|과|도|만|로|며|고|인|임|및|등)$")
_WORD = regex.compile(r"\p{Hangul}+|\p{Latin}+|\d+(?:[-.,]\d+)*")


def _stems(text: str) -> list[str]:
    """The words of `text`, lower-cased, each Hangul word without its particle or ending."""
    out = []
    for w in _WORD.findall(text.lower()):
        if len(w) > 1 and "\uac00" <= w[0] <= "\ud7a3":
            w = _ENDING.sub("", w) or w
        out.append(w)
    return out


@lru_cache(maxsize=8192)
def light_terms(text: str) -> frozenset[str]:
    """Content terms without a model: the character bigrams inside each particle-stripped
    Hangul word (a one-letter word: itself), Latin words and numbers whole."""
    out: set[str] = set()
    for w in _stems(text):
        if len(w) > 1 and "\uac00" <= w[0] <= "\ud7a3":
            out.update(w[i : i + 2] for i in range(len(w) - 1))
        else:
            out.add(w)
    return frozenset(out)


def stem_letters(text: str) -> str:
    """The letters of the particle-stripped words in their order, without spaces: `수준을 확인`
    and `수준확인` give the same letters."""
    return "".join(_stems(text))


@lru_cache(maxsize=8192)
def light_letters(text: str) -> str:
    """The letters of the particle-stripped words, sorted: equal for the same words in any
    spacing or order (`확산사업과 … 제재 중인` / `확산 사업과 … 제재중인`)."""
    return "".join(sorted("".join(_stems(text))))


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 1.0 if x == y else 0.0
    return len(x & y) / len(x | y)


def light_jaccard(a: str, b: str) -> float:
    return _jaccard(light_terms(a), light_terms(b))


def morpheme_jaccard(a: str, b: str) -> float:
    x, y = _morphemes(a), _morphemes(b)
    if not x or not y:
        return 1.0 if x == y else 0.0
    return len(x & y) / len(x | y)


# The scores `changes.align` decides pairs at (ITEM_THRESHOLD, ITEM_LEFTOVER_THRESHOLD), and
# the half-width of the band around them where the light score is not trusted: on the 1,267
# sentence pairs the seed and corpus year pairs compare, the light score strays from the
# kiwipiepy one by at most 0.087.
DECISION_POINTS = (0.3, 0.45)
BAND = 0.09


def light_similarity(a: str, b: str) -> float:
    """Character bigrams, and light content terms for sentences (never loads a model)."""
    char = bigram_dice(a, b)
    if char in (0.0, 1.0) or max(len(a), len(b)) < 12:
        return char
    return max(char, 0.5 * char + 0.5 * light_jaccard(a, b))


def morpheme_similarity(a: str, b: str) -> float:
    """Character bigrams, and kiwipiepy content morphemes for sentences."""
    char = bigram_dice(a, b)
    if char in (0.0, 1.0) or max(len(a), len(b)) < 12:
        return char
    return max(char, 0.5 * char + 0.5 * morpheme_jaccard(a, b))


def undecided(a: str, b: str, light: float,
              thresholds: tuple[float, ...] = DECISION_POINTS) -> bool:
    """Whether the morphemes could put `light_similarity(a, b)` on the other side of one of
    `thresholds` (the character score alone, a floor of both, already clears it)."""
    if max(len(a), len(b)) < 12:
        return False
    char = bigram_dice(a, b)
    return char not in (0.0, 1.0) and any(abs(light - t) < BAND and char < t for t in thresholds)


def lexical_similarity(a: str, b: str, morphology: bool = True) -> float:
    """Character bigrams, and content terms for sentences (where particles vary): light
    terms, or kiwipiepy's morphemes when the light score is within `BAND` of a decision."""
    if not morphology:
        return bigram_dice(a, b)
    light = light_similarity(a, b)
    return morpheme_similarity(a, b) if undecided(a, b, light) else light


def same_words(a: str, b: str) -> bool:
    """Equal facts in different spacing, punctuation or particles. Texts whose particle-
    stripped letters differ are different words without asking kiwipiepy; the rest (texts
    with the same letters) are confirmed by their content morphemes."""
    if _key(a) == _key(b):
        return True
    if len(a) < 12 or light_letters(a) != light_letters(b):
        return False
    return _morphemes(a) == _morphemes(b)


def words_within(short: str, long_: str) -> bool:
    """Whether every content word of `short` is one of `long_`'s (and there are two or more):
    `사업 완료보고서` within `스마트공장 보급 확산사업 완료보고서`. A letter of `short` that
    `long_` lacks settles it without kiwipiepy."""
    if not set(light_letters(short)) <= set(light_letters(long_)):
        return False
    x, y = _morphemes(short), _morphemes(long_)
    return len(x) >= 2 and x <= y


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
