"""Industries as announcements name them, and the 한국표준산업분류 (KSIC, 10th revision) codes.

An industry clause (`유흥·향락업, 숙박·음식점`) names categories; an applicant states its KSIC
code (`C29`, `56111`) and/or a category name (`제조업`). They match when the applicant's code
lies inside a code the clause's category covers, or when the two names are the same category
(`숙박·음식점` = `숙박 및 음식점업`). Never by substring: `제조업` is not `불건전 오락용품 제조업`.
"""

from __future__ import annotations

import regex

from gonggo.vocab.text import compiled

# KSIC sections: letter → (name, the two-digit divisions it covers)
SECTIONS: dict[str, tuple[str, range]] = {
    "A": ("농업, 임업 및 어업", range(1, 4)),
    "B": ("광업", range(5, 9)),
    "C": ("제조업", range(10, 35)),
    "D": ("전기, 가스, 증기 및 공기 조절 공급업", range(35, 36)),
    "E": ("수도, 하수 및 폐기물 처리, 원료 재생업", range(36, 40)),
    "F": ("건설업", range(41, 43)),
    "G": ("도매 및 소매업", range(45, 48)),
    "H": ("운수 및 창고업", range(49, 53)),
    "I": ("숙박 및 음식점업", range(55, 57)),
    "J": ("정보통신업", range(58, 64)),
    "K": ("금융 및 보험업", range(64, 67)),
    "L": ("부동산업", range(68, 69)),
    "M": ("전문, 과학 및 기술 서비스업", range(70, 74)),
    "N": ("사업시설 관리, 사업 지원 및 임대 서비스업", range(74, 77)),
    "O": ("공공 행정, 국방 및 사회보장 행정", range(84, 85)),
    "P": ("교육 서비스업", range(85, 86)),
    "Q": ("보건업 및 사회복지 서비스업", range(86, 88)),
    "R": ("예술, 스포츠 및 여가관련 서비스업", range(90, 92)),
    "S": ("협회 및 단체, 수리 및 기타 개인 서비스업", range(94, 97)),
    "T": ("가구 내 고용활동 및 달리 분류되지 않은 자가 소비 생산활동", range(97, 99)),
    "U": ("국제 및 외국기관", range(99, 100)),
}

# Categories announcements exclude by name, beyond the section names: name → KSIC prefixes.
NAMED: dict[str, tuple[str, ...]] = {
    "숙박음식점": ("55", "56"),
    "숙박": ("55",),
    "음식점": ("561",),
    "주점": ("5621",),
    "유흥주점": ("56211", "56212"),
    "유흥향락": ("56211", "56212"),
    "무도장": ("91291",),
    "사행시설관리및운영": ("9124",),
    "도박": ("9124",),
    "부동산임대": ("6811",),
    "금융보험": ("64", "65", "66"),
}

_CODE = regex.compile(r"^\s*([A-Ua-u])?\s*(\d{2,5})?\s*$")


def category_key(name: str) -> str:
    """A category name with separators, `및`, and a trailing `업`/`사업` dropped:
    `숙박 및 음식점업` and `숙박·음식점` are both `숙박음식점`."""
    key = compiled(r"[^\p{L}\p{N}]+").sub("", compiled(r"\s및\s|\s또는\s").sub(" ", name))
    return compiled(r"(?:관련)?업$").sub("", key)


def _section_codes(letter: str) -> tuple[str, ...]:
    return tuple(f"{d:02d}" for d in SECTIONS[letter][1])


_BY_SECTION_NAME = {category_key(name): letter for letter, (name, _r) in SECTIONS.items()}


def codes_of_name(name: str) -> tuple[str, ...]:
    """The KSIC code prefixes a category name covers (none for a name we do not know)."""
    key = category_key(name)
    if key in _BY_SECTION_NAME:
        return _section_codes(_BY_SECTION_NAME[key])
    return NAMED.get(key, ())


def codes_of_code(code: str) -> tuple[str, ...] | None:
    """`C` → its divisions, `C29`/`29` → (`29`,), `56111` → (`56111`,); None when not a code."""
    m = _CODE.match(code)
    if not m or not (m[1] or m[2]):
        return None
    if m[2]:
        if m[1] and m[1].upper() in SECTIONS and int(m[2][:2]) not in SECTIONS[m[1].upper()][1]:
            return None  # a letter that contradicts its digits
        return (m[2],)
    return _section_codes(m[1].upper()) if m[1].upper() in SECTIONS else None


def within(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Every code of mine lies inside one of theirs (a whole section inside a division: no)."""
    return bool(mine and theirs) and all(any(c.startswith(t) for t in theirs) for c in mine)


def same_category(a: str, b: str) -> bool:
    return bool(a.strip() and b.strip()) and category_key(a) == category_key(b)
