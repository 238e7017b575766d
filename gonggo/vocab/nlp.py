"""Shared Korean NLP: 시·도 names by regex over space/punctuation tokens, and kiwipiepy.

kiwipiepy costs ~1.5 s to load and ~300 MB, so it is loaded once, on first use, only by the
callers that need morphology (comparing clauses across years).

The 시·도 matcher was a spaCy rule-tokenizer Matcher; the regex below decides the same on every
line of the seeds, the rule corpora, tests/test_nlp.py and the shared corpus and samples
(28,026 lines, 704 naming a 시·도 stem: 0 disagreements), without spaCy (~190 MB installed,
~0.65 s to load).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

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
# 시·도 names: a regex over space/punctuation tokens
#
# Korean writes a place name and what follows it as one word: `강원도에`, `충청북도내`,
# `강원지역`, `서울특별시`. Tokens are split on spaces and punctuation (`강원·충북`,
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


# A token: a run of anything but spaces and punctuation (a list marker stays glued: `①서울`).
TOKEN = regex.compile(r"[^\s·ㆍ･․⸱∙‧・/,，()\[\]{}「」『』〈〉《》<>\"'“”‘’:;!?…~∼、]+")
_FORM_TO_NAME = {f: name for name, forms in SIDO.items() for f in forms}
_NAME = regex.compile(f"{_LEAD}({_alt(_FORM_TO_NAME)})")
_STEM_ALT = _alt([f for forms in SIDO.values() for f in forms] + list(SIDO_STEMS))
_RULE_GLUED = regex.compile(f"{_LEAD}(?:{_STEM_ALT})(?:{_alt(SIDO_SUFFIX + LOCATION_WORD)})")
_RULE_BARE = regex.compile(f"{_LEAD}(?:{_STEM_ALT})$")
_LOCATION_NEXT = regex.compile(f"^(?:{_alt(LOCATION_WORD)})")


def tokens(text: str) -> list[tuple[str, int]]:
    """(token, start) over spaces and punctuation."""
    return [(m.group(), m.start()) for m in TOKEN.finditer(text)]


def _sido_hits(text: str) -> list[tuple[str, int, int]]:
    """(label, start char, token index) of every 시·도 match in `text`, in text order: labels
    `SIDO:<name>` (a token naming a 시·도) and `SIDO_RULE` (a name used as a location:
    `강원도`, `충청북도`, `서울특별시`, `충북지역`, `강원 지역`, `서울 소재`)."""
    if not any(stem in text for stem in _STEMS):
        return []
    toks = tokens(text)
    hits = []
    for i, (tok, pos) in enumerate(toks):
        m = _NAME.match(tok)
        if m:
            name = _FORM_TO_NAME[m[1]]
            rest = tok[tok.index(m[1]) + len(m[1]):] if name == "경기" else ""
            if name == "경기" and not rest:
                rest = toks[i + 1][0] if i + 1 < len(toks) else ""
            if not (name == "경기" and rest.startswith(NOT_GYEONGGI)):
                hits.append((f"SIDO:{name}", pos, i))
        if _RULE_GLUED.match(tok) or (_RULE_BARE.match(tok) and i + 1 < len(toks)
                                      and _LOCATION_NEXT.match(toks[i + 1][0])):
            hits.append(("SIDO_RULE", pos, i))
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
