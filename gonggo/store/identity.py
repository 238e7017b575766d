"""Who issued an announcement (the issuer family), which year and which round (1차, 2차) it
is for: what places an edition in a program's history.

The family is the organisation printed before `공고 제…호` (or `제…호`) at the head of the
document, else the signer without the office title; renamed ministries map to one family.
The year is the program year printed in the title (`2026년도`; an announcement issued in
December for next year carries next year), else the first such year at the head, else the
year announced.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from gonggo.schemas.announcement import Announcement

# organisation before the notice number: `농림축산식품부 공고 제 농축2020–63호`, `교육부 제2025-19호`
_NOTICE_ORG = regex.compile(r"([가-힣A-Za-z()]{2,30}?)\s*(?:공고\s*[–-]?\s*)?제\s*(?:[가-힣]+\s*)?"
                            r"['’]?\d{2,4}")
_SIGNER_TITLE = regex.compile(r"\s*(?:장관|위원장|이사장|원장|청장|시장|군수|구청장|대표이사|대표|총장|"
                              r"회장|장)(?:\s+[가-힣](?:\s?[가-힣]){1,3})?$")
_LEGAL_FORM = regex.compile(r"^(?:\(재\)|\(사\)|재단법인|사단법인)\s*")
# renamed or abbreviated bodies → one family
ALIASES = {"산업통상자원부": "산업통상부", "농식품부": "농림축산식품부", "과기정통부": "과학기술정보통신부",
           "중기부": "중소벤처기업부", "행안부": "행정안전부", "개인정보위": "개인정보보호위원회"}
_PROGRAM_YEAR = regex.compile(r"(20\d{2})\s*년도|['’](\d{2})년도?|(20\d{2})\s*년(?!\s*\d{1,2}\s*월)"
                              r"|(?<![\d.-])(20\d{2})(?=\s+[가-힣])")
_ROUND = regex.compile(r"(?:제\s*)?([1-9])\s*차(?![가-힣])")


@dataclass(frozen=True)
class Identity:
    issuer_family: str
    year: int | None
    round: int | None


def _clean_org(name: str) -> str:
    name = _LEGAL_FORM.sub("", name.strip()).strip()
    name = name.removesuffix("공고").strip()
    return ALIASES.get(name, name)


def issuer_family(spec: Announcement, head: str) -> str:
    for line in head.splitlines()[:12]:
        m = _NOTICE_ORG.search(line)
        if m and ("공고" in line or regex.match(r"^\W*[가-힣]+\s*제\s*\d", line)):
            org = _clean_org(m.group(1))
            if len(org) >= 2 and not org.startswith("제"):
                return org
    if spec.notice_no:
        m = _NOTICE_ORG.search(spec.notice_no)
        if m:
            return _clean_org(m.group(1))
    if spec.issuer:
        first = regex.split(r"[·ㆍ･,]", spec.issuer)[0]
        return _clean_org(_SIGNER_TITLE.sub("", first))
    return "미상"


def program_year(spec: Announcement, head: str) -> int | None:
    for text in (spec.title, head[:1500]):
        for m in _PROGRAM_YEAR.finditer(text or ""):
            if m.group(2):
                return 2000 + int(m.group(2))
            return int(m.group(1) or m.group(3) or m.group(4))
    return spec.announced_on.year if spec.announced_on else None


def program_round(spec: Announcement, head: str) -> int | None:
    for text in (spec.title, head[:400]):
        m = _ROUND.search(text or "")
        if m:
            return int(m.group(1))
    return None


def identify(spec: Announcement, text: str) -> Identity:
    head = text[:3000]
    return Identity(issuer_family(spec, head), program_year(spec, head), program_round(spec, head))
