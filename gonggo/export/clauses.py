"""A clause's text → the values an engine can compare without reading Korean.

- `applies_to`: whom the clause is about when it opens by saying so: `(도입기업) 국내 …`,
  `공급 기업 스마트공장 …` (a table row labelled with the role);
- `sizes`: the size classes it names as eligible (any of them), `중소․중견기업` being two; a
  class that only qualifies a partner (`중소기업과 협력하여`, `중소기업을 회원사로 하는`) is not
  one, a subclass beside its class narrows it (`중소기업 중 … 소기업 규모 기준` is 소기업), and a
  clause that also admits bodies no size class covers (`공공기관`, `협·단체`) has none;
- `regions`: the 시·도 it names where the region lexicon says location matters (`강원도 소재`);
- `industries`: for an industry clause, the comma-separated industry names (`유흥·향락업,
  숙박·음식점`).

Names of laws (`「중소기업기본법」에 따른`) name no size. Sizes and regions are read from each
evidence quote on its own (a table row's cells are joined into one clause text).
"""

from __future__ import annotations

import regex

from gonggo.vocab.clause_kinds import CRITERIA_KINDS, LAW_NAME
from gonggo.vocab.nlp import SIDO, sido_names
from gonggo.vocab.text import compiled

ROLE = regex.compile(
    r"^\s*[(\[]?\s*(도입|공급|주관|운영|협업|기획|확인|컨설팅|수요|참여)\s*(기업|기관)\s*[)\]]?")

# The 17 시·도, matched by the regex in `vocab.nlp` (a token starting with a name:
# `강원도에`, `충청북도내`, `서울특별시`; not `경기 침체`).
REGIONS: tuple[str, ...] = tuple(SIDO)
CAPITAL_AREA = ("서울", "인천", "경기")

# A size class that qualifies a partner (`중소기업과 협력하여`) or a name (`중소기업 스마트화
# 역량강화지원사업`, `중소기업 단독 신청`) is not the applicant's: the class must end its phrase.
_PARTNER = (r"(?!\s*(?:과|와|을|를|의)\s*(?:협력|함께|회원|연계|매칭|상생|즉시))"
            r"(?![ \t]+(?!(?:및|또는|중|등|으로|이|가|규모|기준|요건|범위|해당)(?!\p{Hangul}))\p{Hangul})")
SIZES: list[tuple[str, regex.Pattern[str]]] = [
    ("중소기업", regex.compile(r"중소\s*(?:[·ㆍ‧․,]\s*중견\s*)?(?:제조\s*)?기업" + _PARTNER)),
    ("중견기업", regex.compile(r"중견\s*(?:제조\s*)?기업" + _PARTNER
                            + r"|중소\s*[·ㆍ‧․,]\s*중견\s*(?:제조\s*)?기업" + _PARTNER)),
    ("소기업", regex.compile(r"(?<!중)소기업" + _PARTNER)),
    ("소상공인", regex.compile(r"소상공인" + _PARTNER)),
    ("대기업", regex.compile(r"대기업" + _PARTNER)),
]

OTHER_APPLICANTS = regex.compile(r"기관|단체|협회|조합|법인")
_REGION_LEXICON = dict(CRITERIA_KINDS)["region"]
_INDUSTRY_NAME = regex.compile(r"^[\p{Hangul}·ㆍ‧\s]{2,24}(?:업|점)$")


def applies_to(text: str) -> str | None:
    m = ROLE.match(text)
    return f"{m[1]}{m[2]}" if m else None


def sizes(text: str) -> list[str]:
    """A subclass named beside its class narrows it: `중소기업 중 … 소기업 규모 기준` is 소기업.
    A clause that also admits bodies sized by no class (`공공기관`, `협·단체`) has no size rule."""
    plain = LAW_NAME.sub(" ", text)
    if OTHER_APPLICANTS.search(plain):
        return []
    found = [name for name, rx in SIZES if rx.search(plain)]
    if "중소기업" in found and ("소기업" in found or "소상공인" in found):
        found.remove("중소기업")
    return found


def region_of(text: str) -> str | None:
    """`강원도`, `강원특별자치도`, `강원` → 강원: the 시·도 a profile's address names first."""
    names = sido_names(text)
    return names[0] if names else None


def regions(text: str) -> list[str]:
    plain = LAW_NAME.sub(" ", text)
    if not _REGION_LEXICON.search(plain):
        return []
    if compiled(r"비\s*수도권").search(plain):
        return [r for r in REGIONS if r not in CAPITAL_AREA]
    named = set(sido_names(plain))
    found = [name for name in REGIONS if name in named]
    if not found and "수도권" in plain:
        return list(CAPITAL_AREA)
    return found


def industries(text: str) -> list[str]:
    parts = [p.strip(" ·-*") for p in compiled(r"[,，]").split(LAW_NAME.sub(" ", text))]
    return [p for p in parts if _INDUSTRY_NAME.match(p)]


PREFERENTIAL = regex.compile(r"^\s*(?:참여\s*)?우대(?:\s*(?:사항|대상|조건|기업))?(?![\p{Hangul}])")


def _after_role(text: str) -> str:
    m = ROLE.match(text)
    return text[m.end():] if m else text


def preferential(text: str) -> bool:
    """A row labelled `참여우대` / `우대` (after its role): a preference, not a condition."""
    return bool(PREFERENTIAL.match(_after_role(text)))


def _squashed(text: str) -> str:
    return regex.sub(r"[^\p{L}\p{N}]+", "", text)


def tracks_named(text: str, track_names: list[str]) -> list[str]:
    """The track a clause row is labelled with: its text (after the role) opens with the track's
    name, the longest name that fits (`고도화 (동일수준)` before `고도화`)."""
    head = _squashed(_after_role(text))[:40]
    named = sorted((n for n in track_names if n and _squashed(n)), key=lambda n: -len(_squashed(n)))
    for name in named:
        if head.startswith(_squashed(name)):
            return [name]
    return []


BUSINESS_AGE = regex.compile(r"(?:업력|창업(?:\s*후)?|설립(?:\s*후)?)\s*(\d+(?:\.\d+)?)\s*년\s*"
                             r"(이내|이하|미만|이상|초과)")


def business_age(text: str) -> tuple[float | None, float | None] | None:
    """`창업 7년 이내` → (None, 7), `업력 3년 이상` → (3, None): the 업력 a clause requires."""
    m = BUSINESS_AGE.search(LAW_NAME.sub(" ", text))
    if not m:
        return None
    years = float(m[1])
    return (None, years) if m[2] in ("이내", "이하", "미만") else (years, None)
