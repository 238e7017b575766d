"""Korean words staff read: fact families, finding codes, severities, clause kinds."""

from __future__ import annotations

FAMILY_KO = {
    "FUNDING": "지원금", "TRACK": "지원유형", "WINDOW": "신청기간", "AWARDS": "선정규모",
    "SUBMISSION": "접수방법", "ELIGIBILITY": "신청자격", "EXCLUSION": "제외대상",
    "DOCUMENT": "제출서류", "EVALUATION": "평가", "BONUS": "가점", "OBLIGATION": "의무사항",
    "COST": "비용", "CONTACT": "문의처", "HEADER": "공고정보", "CHANGE": "주요변경",
    "FINDING": "검토의견",
}

SEVERITY_KO = {"error": "오류", "warning": "경고", "info": "참고"}

# One Korean title per finding code (the message beside it keeps the printed words).
FINDING_KO = {
    "impossible_date": "달력에 없는 날짜",
    "weekday_mismatch": "요일 불일치",
    "window_closes_before_opens": "마감이 시작보다 이름",
    "window_before_announcement": "공고일 전에 마감",
    "shares_do_not_add_up": "부담 비율 합계 불일치",
    "caps_disagree_with_shares": "한도와 비율 불일치",
    "caps_do_not_add_up": "금액 합계 불일치",
    "conflicting_values": "같은 사실, 다른 값",
    "unplaced_item": "추출되지 않은 항목",
    "unplaced_text": "어느 사업에도 속하지 않은 본문",
    "fact_without_evidence": "근거 없는 사실",
    "ungrounded_evidence": "본문과 다른 근거",
    "schema_error": "계약(스키마) 위반",
    "check_failed": "검사 실패",
    "not_an_announcement": "지원사업 공고 아님",
    "unmapped_glyphs": "읽을 수 없는 글자",
    "truncated_text": "잘린 본문",
    "llm_assist": "LLM 보조 결과",
    "corrupt_records": "손상된 레코드",
    "dropped_equations": "빠진 수식",
    "hwp_distribution": "배포용 문서 복호화",
    "hwpx_annotations_skipped": "건너뛴 주석",
    "hwpx_bad_content_hpf": "잘못된 목차 파일",
    "hwpx_missing_section": "빠진 구역",
    "hwpx_unplaced_text": "배치되지 않은 본문",
    "no_text_layer": "글자 층 없음 (스캔본)",
    "page_over_limit": "쪽수 한도 초과",
    "truncated_body": "잘린 본문",
    "unreadable_section": "읽을 수 없는 구역",
}

# Reader findings that mean the text itself may be wrong: the review page warns first.
READER_ERRORS = {"unmapped_glyphs", "truncated_text", "truncated_body", "corrupt_records",
                 "no_text_layer", "unreadable_section", "hwpx_missing_section", "page_over_limit"}

CLAUSE_KIND_KO = {"size": "기업규모", "region": "지역", "tax": "체납", "status": "휴·폐업",
                  "sanction": "제재", "industry": "업종", "duplicate": "중복지원", "other": "기타"}


def finding_title(code: str) -> str:
    return FINDING_KO.get(code, code)
