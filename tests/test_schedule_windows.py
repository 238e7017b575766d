"""Windows read from schedule sections (`□ 추진일정`, `2 사업 추진절차`), and a joint
announcement's 공고규모 that sums several programs (phrases copied from dev documents)."""

from __future__ import annotations

from datetime import date, datetime

from gonggo.extractors.header import read_header
from gonggo.extractors.windows import extract_windows
from gonggo.ingest import read_bytes
from gonggo.reading.programs import split_programs
from gonggo.vocab.budget import several_programs
from gonggo.vocab.dates import KST

FLOW = """탄소중립 리빙랩 참여기업 모집 공고
2026. 1. 29.
□ 접수기간: 2026. 1. 29.(목) ~ 2. 27.(금) 16:00
□ 접수방법: 방문 또는 우편 접수
2 사업 추진절차
절차 일정 비고
사업 공고
1. 29. ~ 2. 27.
수원도시재단 홈페이지
▼
사업 접수
1. 29. ~ 2. 27.
우편 또는 방문 접수
▼
서류심사
3. 3. ~ 3. 10.
-
▼
선정 공고
3. 18.(수)
수원도시재단 홈페이지
▼
착수보고회·협약식
3. 25.(수)
필수 참석
▼
1차 실행계획서 제출· 보조금 교부
3. 31.(화)
50% 선지급
▼
중간보고서 제출
7. 1.(수) ~ 7. 17.(금)
잔금 50% 지급
3 세부 사업내용
□ 사업 내용
"""


def _windows(text: str):  # type: ignore[no-untyped-def]
    doc = read_bytes(text.encode(), "case.txt")
    [scope] = split_programs(doc, read_header(doc).announced_on)
    windows = extract_windows(scope)
    for w in windows:
        assert w.evidence
        for ev in w.evidence:
            assert doc.text[ev.start:ev.end] == ev.quote
    return [(w.stage, w.opens, w.closes) for w in windows]


def test_flow_chart_steps_give_stages_and_leave_out_what_applicants_do_not_do() -> None:
    got = _windows(FLOW)
    assert ("application", date(2026, 1, 29), datetime(2026, 2, 27, 16, tzinfo=KST)) in got
    assert ("evaluation", date(2026, 3, 3), date(2026, 3, 10)) in got
    assert ("agreement", date(2026, 3, 25), date(2026, 3, 25)) in got
    assert ("plan_submission", None, date(2026, 3, 31)) in got
    # the schedule's 사업 접수 (no hour) repeats the application window; 공고, 보고서: no window
    assert len(got) == 4, got


def test_schedule_without_a_schedule_title_is_not_read() -> None:
    got = _windows(FLOW.replace("2 사업 추진절차", "2 참고 사항"))
    assert [s for s, *_ in got] == ["application"]


def test_joint_call_budget_over_program_rows() -> None:
    column = ["사업명", "사업명", "(농식품부)\n축산현안대응 산업화기술개발",
              "(농식품부)\n축산현안대응 산업화기술개발", "(농진청)\n축산현안대응 고도화 기술개발",
              "합 계"]
    assert several_programs(column)
    assert not several_programs(column[:4] + ["합 계"])  # one program's rows
    assert not several_programs(["내역\n사업명", "데이터 안전활용 기술", "개인정보 표준"])


TOC = """과학기술정보통신부 공고 제2026-19호
2026년도 치안현장 맞춤형 연구개발사업 신규과제 선정계획 공고
2026년 1월 9일
- 목 차 -
1. 사업개요
2. 신청 자격 및 제한
3. 신청기간 및 방법
4. 선정절차
5. 신청 시 유의사항
6. 기타사항
7. 향후 일정
8. 문의처
신규과제 접수 시 필수 확인사항
① 온라인(IRIS) 접수 기간 및 절차
 ※ ① 및 ②: 연구책임자 포함 참여연구자 전원 필수,
③: 연구책임자만 필수
1. 사업개요
가. 사업목적
 ㅇ 현장 중심의 치안문제 해결
마. 공모방식 및 지원내용
 ㅇ (지원내용) 사전검증연구 12개 과제 평가를 통해 현장적용R&D(현안대응형, 국제협력형) 총 4개 과제 최종 선정 및 지원 추진
2. 신청 자격 및 제한
 ㅇ 주관연구개발기관: 대학, 연구기관, 기업
"""


def test_awards_under_a_body_heading_after_a_table_of_contents() -> None:
    from gonggo.extractors.awards import extract_awards

    doc = read_bytes(TOC.encode(), "case.txt")
    [scope] = split_programs(doc, read_header(doc).announced_on)
    award = extract_awards(scope)
    assert award is not None and award.count == 4 and not award.approx
    assert all(doc.text[e.start:e.end] == e.quote for e in award.evidence)


def test_schedule_table_rows() -> None:
    """A schedule printed as a table (`단계 | 일정 | 비고`) reads like the flow chart."""
    text = FLOW.replace("""사업 공고
1. 29. ~ 2. 27.
수원도시재단 홈페이지
▼
""", "").replace("\n▼\n", "\n")
    rows = text.split("절차 일정 비고\n")[1].split("3 세부 사업내용")[0].strip().split("\n")
    table = "\n".join("\t".join(rows[i:i + 3]) for i in range(0, len(rows), 3))
    source = (text.split("절차 일정 비고\n")[0] + "절차\t일정\t비고\n" + table
              + "\n3 세부 사업내용\n□ 사업 내용\n")
    doc = read_bytes(source.encode(), "case.txt")
    assert any(b.table is not None and "서류심사" in doc.text[b.start:b.end] for b in doc.blocks)
    got = _windows(source)
    assert ("evaluation", date(2026, 3, 3), date(2026, 3, 10)) in got
    assert ("agreement", date(2026, 3, 25), date(2026, 3, 25)) in got
    assert ("plan_submission", None, date(2026, 3, 31)) in got


def test_fax_column_and_fax_line_are_no_contacts() -> None:
    from gonggo.extractors.contacts import extract_contacts

    text = """수성구 아이디어 공모 안내
2026. 6. 1.
□ 문의처
기관명\t전화번호\t팩스번호\tE-mail
수성구청 기획예산과\t053-666-4271\t053-666-2119\tplan@suseong.kr
❍ Fax: 053-666-2118
"""
    doc = read_bytes(text.encode(), "case.txt")
    [scope] = split_programs(doc, read_header(doc).announced_on)
    phones = [p for c in extract_contacts(scope) for p in c.phones]
    assert phones == ["053-666-4271"], phones


CALL_TABLE = """2026년도 개인정보 보호·활용 분야 R&D 사업 신규지원 대상과제 공고
2026년 1월 8일
1. 지원내용
 ○ (세부사업명) 개인정보 보호·활용 전문인력 양성
순번\t과 제 명\t총 수행기간\t‘26년 정부지원 연구개발비
1\t개인정보 보호‧활용 석‧박사 전문인력 양성 (총 2개 과제 지원)\t5년\t1,440
2. 근거법령 및 관련규정
 ○「국가연구개발혁신법」 및 같은 법 시행령
"""


def test_awards_of_a_one_row_call_table_but_not_of_one_row_among_several() -> None:
    from gonggo.extractors.awards import extract_awards

    def award(text: str):  # type: ignore[no-untyped-def]
        doc = read_bytes(text.encode(), "case.txt")
        [scope] = split_programs(doc, read_header(doc).announced_on)
        return extract_awards(scope)

    one = award(CALL_TABLE)
    assert one is not None and one.count == 2 and one.evidence[0].quote == "총 2개 과제"
    two = CALL_TABLE.replace("\n2. 근거법령", "\n2\t개인정보 표준화 기반 조성\t7년\t675\n2. 근거법령")
    assert award(two) is None
