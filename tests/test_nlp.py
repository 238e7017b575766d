"""시·도 names by regex over space/punctuation tokens: clause kinds and region rules."""

from __future__ import annotations

import pytest

from gonggo.export import clauses as export_clauses
from gonggo.extractors.clauses import corpus_value
from gonggo.vocab.clause_kinds import CRITERIA_KINDS, clause_kind
from gonggo.vocab.nlp import names_sido_location, sido_names, tokens


def test_tokens_split_on_spaces_and_punctuation_only() -> None:
    assert [t for t, _ in tokens("강원·충북 지역(강원도에 소재)")] == [
        "강원", "충북", "지역", "강원도에", "소재"]
    assert [t for t, _ in tokens("①서울특별시 소재")] == ["①서울특별시", "소재"]


@pytest.mark.parametrize(("text", "names"), [
    ("강원도에 소재한 기업", ["강원"]),                     # particle glued to the name
    ("서울특별시 소재 중소기업은", ["서울"]),
    ("충청북도내 사업장", ["충북"]),                        # long form, suffix glued on
    ("경기/인천 지역 기업", ["경기", "인천"]),
    ("강원·충북 지역", ["강원", "충북"]),
    ("부산광역시·울산광역시", ["부산", "울산"]),
    ("(전라남도) 경상북도", ["전남", "경북"]),
    ("강원특별자치도 원주시", ["강원"]),
    ("①서울특별시 소재", ["서울"]),                        # list markers the tokenizer keeps
    ("※강원도 소재 기업", ["강원"]),
    ("ㅇ경기도 소재", ["경기"]),
])
def test_sido_names(text: str, names: list[str]) -> None:
    assert sido_names(text) == names


@pytest.mark.parametrize("text", [
    "경기 침체로 매출이 감소한 기업",       # 경기 the economy, two words
    "경기변동에 따른 손실",                # one word
    "휴대전화 부품가공",                   # 대전 inside a word, not at its start
    "세계대전 이후",
    "중소기업은 신청 가능",
])
def test_no_sido_names(text: str) -> None:
    assert sido_names(text) == []


@pytest.mark.parametrize("text", [
    "강원도에 소재한 중소기업", "서울특별시 소재 기업", "충북지역 기업", "강원 지역 기업",
    "서울 소재 기관", "전라남도 내 사업장", "경남도내 기업",
])
def test_sido_as_location(text: str) -> None:
    assert names_sido_location(text)


@pytest.mark.parametrize("text", [
    "서울보증보험 증권", "강원대학교 산학협력단", "대전세종지역본부 042-281-3746", "경기 침체 지역",
    "중소기업은 신청 가능",
])
def test_sido_name_not_a_location(text: str) -> None:
    assert not names_sido_location(text)


@pytest.mark.parametrize(("text", "kind"), [
    ("강원도에 소재한 중소기업", "region"),       # region comes before size in the table
    ("서울특별시 소재 기업", "region"),
    ("충청남도 지역 제조기업", "region"),
    ("비수도권 소재 기업", "region"),             # regex cue, no 시·도 name
    ("관내 사업장 보유 기업", "region"),
    ("중소기업은 신청 가능", "size"),
    ("서울보증보험 증권 발급 기업", None),
    ("국세 체납 중인 서울특별시 소재 기업", "tax"),  # first match wins
    ("「강원특별자치도 설치 등에 관한 특별법」에 따른 기업", None),  # names of laws are skipped
])
def test_clause_kind_region(text: str, kind: str | None) -> None:
    assert clause_kind(text, CRITERIA_KINDS) == kind
    assert corpus_value(text) == kind


def test_export_regions_with_particles() -> None:
    assert export_clauses.regions("강원도에 소재한 중소기업") == ["강원"]
    assert export_clauses.regions("서울특별시 소재 중소기업은") == ["서울"]
    assert export_clauses.regions("경기 침체 지역 소재 기업") == []
    assert export_clauses.regions("충청북도내 소재 기업") == ["충북"]
    assert export_clauses.region_of("대전광역시 유성구") == "대전"
    assert export_clauses.region_of("휴대전화 판매") is None
