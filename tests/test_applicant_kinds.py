"""Applicant kinds: one canonical spelling for the ways announcements write the same row."""

import pytest

from gonggo.vocab.applicants import kinds_in


@pytest.mark.parametrize("printed, kinds", [
    ("공기업･대기업", ("공기업", "대기업")),
    ("대기업,공기업", ("공기업", "대기업")),
    ("대기업, 공기업", ("공기업", "대기업")),
    ("제19조제1항제3호 또는 제4호에 해당하는 연구개발기관", ("제19조제1항제3호", "제19조제1항제4호")),
    ("제19조제1항제1호에 해당", ("제19조제1항제1호",)),
    # `A 중 B`: the B among the A (gold of mafra_smartfarm 2021 lists the two B kinds only)
    ("중소기업 중 영농조합법인 또는 농업회사법인", ("농업회사법인", "영농조합법인")),
    ("중소기업(영농조합법인 또는 농업회사법인 포함)", ("농업회사법인", "영농조합법인", "중소기업")),
    ("그 외의 경우", ("그 외",)),
    ("중소기업\n(영 제19조제1항제1호)", ("중소기업",)),
    ("공기업, 지방직영기업・\n지방공사・지방공단,\n이 외의 기업\n(영 제19조제1항제3호, 제4호))", ("공기업", "대기업")),
    ("예비창업자", ("예비창업자",)),
    ("창업기업", ("창업기업",)),
    ("비영리기관", ("비영리기관",)),
    ("중견기업(평균매출액 등이 3천억 원 미만)", ("중견기업",)),
    # msit_ict_rnd_2026_1st_gonggo: the column of 영 제19조제1항제3호, 제4호 names no SME, it excludes them
    ("공기업, 지방직영기업・ 지방공사・지방공단, 중소‧중견기업이 아닌 기업 (영 제19조제1항제3호, 제4호))",
     ("공기업", "대기업")),
    ("중소‧중견기업이 아닌 기업", ("대기업",)),
    ("중소‧중견기업", ("중견기업", "중소기업")),
    ("중소기업이 아닌 기업", ("대기업", "중견기업")),
])
def test_kinds_in(printed, kinds):
    assert kinds_in(printed) == kinds


@pytest.mark.parametrize("printed", ["연구개발비의 75% 이하", "총 사업비", "그 외 사항은 별도 공지"])
def test_no_kind(printed):
    assert kinds_in(printed) == ()
