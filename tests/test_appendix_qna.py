"""A call with its Q&A appended (`[참고 3] … 주요 질의응답`): the Q&A's `참고 사항` boxes, answers and
tables are reference material, not the call's terms. Lines copied from the 2025 창업도약패키지
공고 (samples/pdf/kised_dodak_2025_gonggo.pdf) and its 주요 질의응답 (kised_dodak_2025_qna.pdf)."""

from __future__ import annotations

import gonggo

CALL = """중소벤처기업부 공고 제2025–147호
2025년도 창업도약패키지(일반형) 창업기업 모집 수정공고
1
사업 개요
□ 지원내용 : 사업화 자금 최대 3억원(기본 지원사업비 최대 2억원,추가지원사업비 최대 1억원)
• 총 사업비 = 정부지원사업비 70% 이하 + 자기부담사업비* 30% 이상
2
신청 및 접수
□ 접수 기간 : ’25.2.20.(목)~3.13.(목),16:00까지
3
기타사항
◦ (시스템 문의)국번없이 1357
"""
QNA = """[참고 3] 2025년도 창업도약패키지(일반형) 창업기업 모집 공고 주요 질의응답
참고 사항
☞ 채무의 경우, 신청자가 금융기관 등으로부터 채무를 불이행하거나 국세 또는지방세를 체납 중인 자(기업)를 지원 제외 대상으로 확인하고 있습니다. 다만, 접수마감일(’25.3.13.)까지 아래의 예외 사항에 해당되면 사업 신청이 가능합니다.
참고 사항
** (등록센터 문의번호) ☎ 02-3279-6500 (SCI평가정보 등록문의)
< 총 사업비 구성 >
총사업비\t정부지원사업비\t창업기업 자기부담사업비
현금\t현물
100%\t총사업비의 70% 이하\t총사업비의 10% 이상\t총사업비의 20% 이하
"""


def _facts(tmp_path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    (program,) = gonggo.parse(path).spec.programs
    shares = sorted((f.payer, f.share_pct) for t in program.tracks for f in t.funding
                    if f.share_pct is not None)
    windows = [(w.opens, w.closes) for w in program.windows]
    return windows, sorted(c.phone for c in program.contacts), shares


def test_an_appended_qna_adds_and_changes_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    alone = _facts(tmp_path, CALL)
    assert alone[2] == [("applicant", 30.0), ("government", 70.0)]
    assert len(alone[0]) == 1 and "1357" in alone[1]
    # the answer's `접수마감일(’25.3.13.)` is no second window, the 등록센터 no contact of the
    # call, and the Q&A table's `현금 10% 이상` (a part of the 30%) no applicant share
    assert _facts(tmp_path, CALL + QNA) == alone
