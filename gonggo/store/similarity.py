"""Is this program the next edition of that one? Two signals, both offline and lexical:

- `head`: TF-IDF cosine of the character bigrams of the first 800 characters (the preamble:
  issuer line, title, the sentence that announces), IDF over every announcement in the store,
  so words every 공고 prints (공고, 다음과 같이, 신청) weigh little;
- `name`: the best bigram Dice between the names each side gives the program (its title, the
  program names and keys, names quoted in 「」『』 at the head, and the head lines that name
  a 사업 / 공모 / 모집, such as the sentence that announces it), with years, rounds and generic
  words (공고, 시행계획, 사업, 모집 …) removed, and law names (…법, …법률) left out.

Thresholds, measured on the 40 corpus files (`../shared/corpus`, MANIFEST `pair_with`): every
listed pair that is adjacent in time scores name ≥ 0.818 (the loose 산업혁신인재성장지원 pair)
and combined (0.5 head + 0.5 name) ≥ 0.485; the best unrelated earlier candidate scores
name ≤ 0.70 (농기계 2020 → 스마트팜 2021, same ministry) and combined ≤ 0.453. So: name ≥ 0.75
and combined ≥ 0.40; across issuer families the head must agree too (≥ 0.30). Same issuer
family and the same program key pair outright.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import regex

from gonggo.changes.similarity import bigram_dice
from gonggo.schemas.announcement import Announcement, Program

NAME_MIN = 0.75
SCORE_MIN = 0.40
HEAD_MIN_ACROSS_FAMILIES = 0.30
HEAD_CHARS = 800

_QUOTED = regex.compile(r"[「『｢󰡔“‘<]([^」』｣󰡕”’>\n]{4,60})[」』｣󰡕”’>]")
_GENERIC = regex.compile(r"\d+|년도|년|제\s*\d*\s*차|재공고|추가공고|수정|통합공고|공고문?|시행계획|"
                         r"신규지원|신규과제|대상과제|모집|공모|사업|[^\p{L}]")
_NAMING_LINE = regex.compile(r"사업|공모|모집")
_NOTICE_LINE = regex.compile(r"공고\s*제|제\s*\d")
_LAW = regex.compile(r"(?:법|법률|규정|령|지침)$")
_LETTERS = regex.compile(r"[^가-힣A-Za-z]")


def core(name: str) -> str:
    return _GENERIC.sub("", name)


def program_names(spec: Announcement, program: Program, text: str) -> list[str]:
    """The names one program goes by; the announcement's own title and quoted names count
    when it announces this one program only."""
    found = [program.name, program.key]
    if len(spec.programs) == 1:
        found.append(spec.title)
        found += _QUOTED.findall(text[:1500])
        found += [line for line in text[:600].splitlines()[:8]
                  if _NAMING_LINE.search(line) and not _NOTICE_LINE.search(line)]
    names = {core(n) for n in found if n and not _LAW.search(n.strip())}
    return sorted(n for n in names if len(n) >= 3)


def head_terms(text: str) -> Counter[str]:
    t = _LETTERS.sub("", text[:HEAD_CHARS])
    return Counter(t[i:i + 2] for i in range(len(t) - 1))


def name_similarity(old: Sequence[str], new: Sequence[str]) -> float:
    return max((bigram_dice(a, b) for a in old for b in new), default=0.0)


class HeadIndex:
    """TF-IDF vectors of every head in the store, for cosines between any two."""

    def __init__(self, heads: dict[int, Counter[str]]) -> None:
        df: Counter[str] = Counter(t for h in heads.values() for t in h)
        n = len(heads)
        self.vectors: dict[int, dict[str, float]] = {}
        for key, h in heads.items():
            v = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) for t, c in h.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            self.vectors[key] = {t: x / norm for t, x in v.items()}

    def cosine(self, a: int, b: int) -> float:
        va, vb = self.vectors.get(a, {}), self.vectors.get(b, {})
        return sum(x * vb.get(t, 0.0) for t, x in va.items())


def judge(head: float, name: float, same_family: bool, same_key: bool) -> tuple[float, str] | None:
    """(score, why) when the two are editions of one program, else None."""
    if same_family and same_key:
        return 1.0, "같은 발행기관·같은 사업 키"
    score = 0.5 * head + 0.5 * name
    if name < NAME_MIN or score < SCORE_MIN:
        return None
    if not same_family and head < HEAD_MIN_ACROSS_FAMILIES:
        return None
    where = "같은 발행기관" if same_family else "다른 발행기관(머리글 일치)"
    return score, f"{where}, 사업명 유사도 {name:.2f}, 머리글 유사도 {head:.2f}"
