"""Applicant kinds as announcements name them (`대기업`, `중견기업`, `중소기업`, `비영리기관` …).

Shares and caps often differ by the kind of applicant: a table row `공기업･대기업 | 50% 이하`,
a sentence `중소기업은 연구개발비의 75% 이하`, or the legal form `제19조제1항제1호에 해당하는
연구개발기관` (국가연구개발혁신법 시행령; the announcement does not say which kind each 호 is, so
the reference itself is the kind). `kinds_in(text)` names the kinds a phrase covers, in one
canonical spelling, so that `공기업･대기업`, `대기업, 공기업` and `대기업,공기업` are the same row;
`중소기업 중 영농조합법인 또는 농업회사법인` names the kinds after `중` (those among the first);
`중소‧중견기업이 아닌 기업` names the sizes it excludes (대기업).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex


@dataclass(frozen=True)
class Kind:
    name: str
    pattern: str
    why: str


KINDS: list[Kind] = [
    Kind("대기업", r"대기업|상호출자제한기업|이\s?외의\s?기업", "the large-company row (`그 외 기업`)"),
    Kind("공기업", r"공기업|지방직영기업|지방공사|지방공단", "public enterprises share the large row"),
    Kind("중견기업", r"중견기업", ""),
    Kind("중소기업", r"중소기업|중소·?벤처기업|중소\s*[·ㆍ‧・･․⸱∙,]?\s*(?=중견\s*기업)", "`중소‧중견기업`: both"),
    Kind("소상공인", r"소상공인", ""),
    Kind("비영리기관", r"비영리\s?(?:기관|법인|연구기관)?", "universities and institutes row"),
    Kind("영농조합법인", r"영농조합법인", "agricultural R&D calls"),
    Kind("농업회사법인", r"농업회사법인", "agricultural R&D calls"),
    Kind("사회적기업", r"사회적\s?기업", ""),
    Kind("협동조합", r"협동조합", ""),
    Kind("예비창업자", r"예비\s?창업자", "startup packages"),
    Kind("창업기업", r"(?<!예비\s?)창업\s?기업", "startup packages"),
    Kind("그 외", r"^(?:그\s?외|기타)(?:의\s?경우)?$", "a closing `그 외` row"),
]

_LEGAL = regex.compile(r"제\s?(\d+)\s?조\s?제\s?(\d+)\s?항\s?((?:제\s?\d+\s?호(?:\s?(?:또는|및|,|·)\s?)?)+)")
_HO = regex.compile(r"(\d+)\s?호")
# `중소기업 중 영농조합법인 또는 농업회사법인`: the kinds after `중` narrow the ones before
_AMONG = regex.compile(r"^.*?\s중\s+(?=\S)")
_BRACKETED_LEGAL = regex.compile(r"[(（][^()（）]*제\s?\d+\s?조[^()（）]*[)）]")
_PATTERNS = [(k.name, regex.compile(k.pattern)) for k in KINDS]
# `중소‧중견기업이 아닌 기업` (msit_ict_rnd 2026's 영 제19조제1항제3호 column): the kinds of company size
# it does not name, never the ones it names
_NOT_OF = regex.compile(r"(?P<named>[^,()（）]*?기업)\s*(?:이|가)\s*아닌\s*(?:기업|자|법인|경우)")
SIZES = ("대기업", "중견기업", "중소기업")


@lru_cache(maxsize=8192)  # a pure function of the phrase, asked per program, family and check
def kinds_in(text: str) -> tuple[str, ...]:
    """The canonical kinds a phrase names (sorted, no duplicates); () when it names none."""
    found: set[str] = set()
    among = _AMONG.match(text)
    if among and among.end() < len(text) and kinds_in(text[among.end() :]):
        return kinds_in(text[among.end() :])
    named = _BRACKETED_LEGAL.sub(" ", text)
    if named != text and kinds_in(named):
        return kinds_in(named)  # `중소기업(영 제19조제1항제1호)`: the reference restates the kind
    for m in _LEGAL.finditer(text):
        for ho in _HO.findall(m.group(3)):
            found.add(f"제{m.group(1)}조제{m.group(2)}항제{ho}호")
    rest = _LEGAL.sub(" ", text).strip()
    for m in _NOT_OF.finditer(rest):
        excluded = {k for k in kinds_in(m["named"]) if k in SIZES}
        if excluded:
            found.update(k for k in SIZES if k not in excluded)
    rest = _NOT_OF.sub(" ", rest)
    for name, pattern in _PATTERNS:
        if pattern.search(rest):
            found.add(name)
    return tuple(sorted(found))
