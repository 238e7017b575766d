"""How an announcement names one of the 사업 it calls for, in a list of them.

A call for several 사업 at once lists them one item each under `□ 사업목적` / `□ 지원대상 사업`
(vocab.headings.PROGRAM_LIST): the item is the 사업's name (`○ 정보통신방송표준개발지원사업`), or
the name with the 부문 / 분야 of it the call is for (`○ 정보통신・방송 기술개발사업의 인공지능,
AI반도체, 양자 … 부문`). A purpose or a sentence about a 사업 (`○ 기업의 기술과 주민참여 활동의
결합을 통한 …`, `◦ 2025년도 …사업 시행계획 공고(…)에 따른 신청서 접수 결과,`) is not a name.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from gonggo.vocab.text import norm_key, strip_marker

# the item's text (marker removed, white space collapsed to single spaces)
PROGRAM_ITEM = regex.compile(r"""
    ^(?P<name>[^\s(（<「『\[][^\n]{1,60}?사업)
    (?: \s*$
      | 의\s+(?P<divisions>[^\n]{2,200}?)\s*(?:부문|분야)\s*$ )
""", regex.VERBOSE)
# a line broken after a conjunction (`◦ 현장평가 결과 및 사업` / `…지원 여부 판단`): not a name
_BROKEN = regex.compile(r"(?:^|\s)(?:및|등|또는|와|과|의|위한|통한)\s*사업$")
_DIVISION_SEP = regex.compile(r"\s*[,，、]\s*")
_TRAILING_BUSINESS = regex.compile(r"사업$")
_SPACE = regex.compile(r"\s+")
# a name shorter than this (its key without `사업`) is a word, not a 사업 (`○ 지원사업`)
MIN_KEY = 4


@dataclass(frozen=True)
class ProgramItem:
    name: str
    divisions: tuple[str, ...]  # the 부문 listed, as comparison keys (norm_key)


def business_key(name: str) -> str:
    """One 사업's comparison key: `정보통신방송표준개발지원사업` and the table cell
    `정보통신방송표준개발지원` name the same 사업."""
    key = norm_key(name)
    return _TRAILING_BUSINESS.sub("", key) or key


def program_item(text: str) -> ProgramItem | None:
    """The 사업 a list item names (its marker may still be on), or None."""
    body = _SPACE.sub(" ", strip_marker(text)).strip()
    m = PROGRAM_ITEM.match(body)
    if m is None or len(business_key(m["name"])) < MIN_KEY or _BROKEN.search(m["name"]):
        return None
    divisions = tuple(d for d in (norm_key(x) for x in _DIVISION_SEP.split(m["divisions"] or "")) if d)
    # `… 부문` printed without separators is not a list to tell table rows by
    return ProgramItem(m["name"], divisions if len(divisions) >= 2 else ())


def corpus_value(text: str) -> dict | None:
    """`{"name", "divisions"}` of the 사업 an item names, or None (corpus/programs.jsonl)."""
    item = program_item(text)
    return None if item is None else {"name": item.name, "divisions": list(item.divisions)}
