"""Shared Korean NLP: spaCy's Korean language with the rule-based tokenizer, and kiwipiepy.

`spacy.blank("ko")` needs MeCab; the rule tokenizer does not, and needs no model download.
kiwipiepy costs ~1.5 s to load and ~300 MB, so it is loaded once, on first use, only by the
callers that need morphology (comparing clauses across years).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiwipiepy import Kiwi
    from spacy.language import Language
    from spacy.matcher import Matcher, PhraseMatcher

KOREAN_RULE_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}}


@lru_cache(maxsize=1)
def korean() -> Language:
    import spacy

    return spacy.blank("ko", config=KOREAN_RULE_TOKENIZER)


def phrase_matcher(labels: dict[str, Iterable[str]]) -> PhraseMatcher:
    """A PhraseMatcher over `korean()` with one rule per label."""
    from spacy.matcher import PhraseMatcher

    nlp = korean()
    matcher = PhraseMatcher(nlp.vocab)
    for label, phrases in labels.items():
        matcher.add(label, [nlp.make_doc(p) for p in phrases])
    return matcher


@lru_cache(maxsize=1)
def kiwi() -> Kiwi:
    from kiwipiepy import Kiwi

    return Kiwi()


# Particles (조사) and endings (어미) carry no requirement: `중소기업은` and `중소기업이` say
# the same thing. Content morphemes are kept.
_FUNCTION_TAGS = ("J", "E", "XSV", "XSA", "VCP", "SF", "SP", "SS", "SE", "SO", "SW")


def content_morphemes(text: str) -> list[str]:
    """The content morphemes of `text` (nouns, verb stems, numbers), particles dropped."""
    return [tok.form for tok in kiwi().tokenize(text) if not tok.tag.startswith(_FUNCTION_TAGS)]


# ---------------------------------------------------------------------------------------
# 시·도 names: a spaCy Matcher over the rule-tokenized text
#
# Korean writes a place name and what follows it as one word: `강원도에`, `충청북도내`,
# `강원지역`, `서울특별시`. The rule tokenizer splits on spaces and punctuation (`강원·충북`,
# `경기/인천`, `(강원도)` are separate tokens), so a 시·도 mention is a token that *starts* with
# one of the names below, whatever suffix or particle is glued on. Matching token prefixes
# (rather than stripping a particle list, which would have to know that the `도` of `강원도` is
# not the particle `도`) keeps the lexicon a plain table and adds the word-start boundary a
# substring search lacks (`세계대전` names no 대전, `달서대구` no 대구).

SIDO: dict[str, tuple[str, ...]] = {
    "서울": ("서울",), "부산": ("부산",), "대구": ("대구",), "인천": ("인천",), "광주": ("광주",),
    "대전": ("대전",), "울산": ("울산",), "세종": ("세종",), "경기": ("경기",), "강원": ("강원",),
    "충북": ("충북", "충청북도"), "충남": ("충남", "충청남도"), "전북": ("전북", "전라북도"),
    "전남": ("전남", "전라남도"), "경북": ("경북", "경상북도"), "경남": ("경남", "경상남도"),
    "제주": ("제주",),
}
# Bare stems that only name a 시·도 with an administrative suffix (`충청북도`, `경상남도`).
SIDO_STEMS = ("충청", "전라", "경상")
# What makes a name a location rule: an administrative suffix or 지역/소재/내, glued on
# (`강원도`, `충북지역`, `경남도내`) or as the next word (`강원 지역`, `서울 소재`).
SIDO_SUFFIX = ("특별시", "광역시", "특별자치시", "특별자치도", "남도", "북도", "도", "시")
LOCATION_WORD = ("지역", "소재", "내")
# `경기` is also the economy: `경기 침체`, `경기변동` name no 경기도.
NOT_GYEONGGI = ("침체", "변동", "상황")


# A list marker the tokenizer leaves glued on (`①서울특별시`, `※강원도`, `1.강원도`, `ㅇ강원도`).
_LEAD = "^[^가-힣]*"
_STEMS = tuple({f for forms in SIDO.values() for f in forms} | set(SIDO_STEMS))


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def sido_matcher() -> Matcher:
    """Labels `SIDO:<name>` (a token naming a 시·도) and `SIDO_RULE` (a name used as a location:
    `강원도`, `충청북도`, `서울특별시`, `충북지역`, `강원 지역`, `서울 소재`)."""
    from spacy.matcher import Matcher

    matcher = Matcher(korean().vocab)
    for name, forms in SIDO.items():
        matcher.add(f"SIDO:{name}", [[{"TEXT": {"REGEX": f"{_LEAD}(?:{_alt(forms)})"}}]])
    stems = _alt([f for forms in SIDO.values() for f in forms] + list(SIDO_STEMS))
    matcher.add("SIDO_RULE", [
        [{"TEXT": {"REGEX": f"{_LEAD}(?:{stems})(?:{_alt(SIDO_SUFFIX + LOCATION_WORD)})"}}],
        [{"TEXT": {"REGEX": f"{_LEAD}(?:{stems})$"}}, {"TEXT": {"REGEX": f"^(?:{_alt(LOCATION_WORD)})"}}],
    ])
    return matcher


def _sido_hits(text: str) -> list[tuple[str, int, int]]:
    """(label, start char, start token) of every 시·도 match in `text`, in text order."""
    if not any(stem in text for stem in _STEMS):
        return []  # every match starts with a stem: spaCy is not loaded for text naming none
    doc = korean().make_doc(text)
    vocab = doc.vocab.strings
    hits = []
    for match_id, start, _end in sido_matcher()(doc):
        label, tok = vocab[match_id], doc[start]
        if label == "SIDO:경기":
            rest = tok.text[tok.text.index("경기") + 2:]
            rest = rest or (doc[start + 1].text if start + 1 < len(doc) else "")
            if rest.startswith(NOT_GYEONGGI):
                continue
        hits.append((label, tok.idx, start))
    return sorted(hits, key=lambda h: (h[1], h[0]))


def sido_names(text: str) -> list[str]:
    """The 시·도 `text` names (`강원도에` → 강원, `충청북도내` → 충북), first mention order."""
    seen: dict[str, None] = {}
    for label, _, _ in _sido_hits(text):
        if label.startswith("SIDO:"):
            seen.setdefault(label[5:], None)
    return list(seen)


def names_sido_location(text: str) -> bool:
    """Whether `text` uses a 시·도 name as a location (`강원도 소재`, `서울특별시`, `충북지역`)."""
    return any(label == "SIDO_RULE" for label, _, _ in _sido_hits(text))
