"""Eligibility, exclusions and obligations read from the seeds (facts read by hand)."""

from __future__ import annotations

from gonggo.extractors.clauses import extract_eligibility, extract_exclusions, extract_obligations
from gonggo.extractors.header import read_header
from gonggo.ingest import read_bytes, read_document
from gonggo.reading.outline import list_segments
from gonggo.reading.programs import split_programs
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Clause

from .conftest import seed_path


def _scopes(prefix: str) -> list[Scope]:
    doc = read_document(seed_path(prefix))
    return split_programs(doc, read_header(doc).announced_on)


def _read(text: str) -> Scope:
    doc = read_bytes(text.encode(), "case.txt")
    return Scope(doc=doc, start=0, end=len(doc.text))


def _checked(scope: Scope, clauses: list[Clause]) -> list[Clause]:
    for c in clauses:
        assert c.evidence, c
        for ev in c.evidence:
            assert scope.doc.text[ev.start:ev.end] == ev.quote
            assert scope.start <= ev.start <= ev.end <= scope.end
    return clauses


def _texts(clauses: list[Clause]) -> list[str]:
    return [c.text for c in clauses]


def test_seed_000_exclusions_item_and_two_column_table() -> None:
    [scope] = _scopes("000")
    found = _checked(scope, extract_exclusions(scope))
    # one item, then the five cells of the `< 부적격 사항 >` table its lead-in introduces
    assert len(found) == 6
    assert found[0].text.startswith("과제 신청일 기준")
    assert [c.kind for c in found[1:]] == ["status", "industry", "tax", "industry", "sanction"]
    assert "휴·폐업중인 기업" in _texts(found)
    assert not any("다음 부적격 사항" in t for t in _texts(found))
    assert not any(t.startswith("*") for t in _texts(found))  # notes are not clauses


def test_seed_000_eligibility_table_rows() -> None:
    [scope] = _scopes("000")
    found = _checked(scope, extract_eligibility(scope))
    # 고도화(동일수준) / 고도화 / 기초 / 참여우대 rows and the 공급기업 row
    assert len(found) == 5
    assert "강원도 소재 중소기업" in found[0].text and found[0].kind == "region"
    assert "* 중간1→중간1" not in found[0].text  # a note inside the cell is cut
    # rows below the first take the merged 구분 / 기업규모 cells the text table left empty
    assert all(t.startswith("도입 기업") and "강원도 소재 중소기업" in t for t in _texts(found)[:4])
    assert found[2].text.endswith("기초 수준 구축 예정기업")
    assert found[-1].text.startswith("공급 기업") and "강원도" not in found[-1].text


def test_seed_000_obligations_from_duty_notes() -> None:
    [scope] = _scopes("000")
    found = _checked(scope, extract_obligations(scope))
    kinds = {c.kind for c in found}
    assert {"education", "reporting", "retention", "escrow"} <= kinds
    assert any("로그기록" in t for t in _texts(found))
    # a duty before applying (공급기업 풀 등록) is not an obligation after selection
    assert not any("풀(Pool)" in t for t in _texts(found))


def test_seed_001_labelled_exclusions_inside_eligibility() -> None:
    [scope] = _scopes("001")
    eligibility = _checked(scope, extract_eligibility(scope))
    exclusions = _checked(scope, extract_exclusions(scope))
    assert [t[:6] for t in _texts(eligibility)] == ["(도입기업)", "(공급기업)"]
    assert eligibility[0].kind == "size"
    # five `▷` cells of the 부적격 table plus the sibling line the lead-in takes
    assert len(exclusions) == 6
    assert exclusions[-1].text.startswith("스마트제조혁신 지원사업에서 '참여제한'")
    assert exclusions[-1].kind == "sanction"
    assert any(c.kind == "duplicate" for c in exclusions)


def test_seed_001_obligations() -> None:
    [scope] = _scopes("001")
    found = _checked(scope, extract_obligations(scope))
    texts = _texts(found)
    assert any(t.startswith("관리지침 및 세부관리기준에 따라 도입기업은") for t in texts)  # (의무사항)
    assert any("이수하여야 함" in t for t in texts)  # □ 교육 이수
    assert any("로그기록" in t for t in texts)
    assert not any("필수 비용" in t or "원가계산비용" in t for t in texts)  # a budget line


def test_seed_004_wrapped_items() -> None:
    [scope] = _scopes("004")
    eligibility = _checked(scope, extract_eligibility(scope))
    exclusions = _checked(scope, extract_exclusions(scope))
    assert len(eligibility) == 1
    # three printed lines are one item
    assert eligibility[0].text.endswith("발급받은 중소 제조기업")
    assert len(exclusions) == 4
    assert [c.kind for c in exclusions][:3] == ["status", "tax", "sanction"]
    obligations = _checked(scope, extract_obligations(scope))
    assert len(obligations) == 1 and "수행계획서 제출" in obligations[0].text


def test_seed_002_every_program_with_an_exclusion_section() -> None:
    scopes = _scopes("002")
    assert len(scopes) == 10
    counts = [len(_checked(s, extract_exclusions(s))) for s in scopes]
    # (3) and (4) recruit host organisations and print no exclusions
    assert counts[2] == counts[3] == 0
    assert all(n >= 4 for i, n in enumerate(counts) if i not in (2, 3))
    first = extract_exclusions(scopes[0])
    assert "도입 솔루션과 장비가 연동이 안 되는 업체" in _texts(first)
    # a bullet wrapped onto a second line stays one clause
    last = _texts(extract_exclusions(scopes[9]))
    assert "스마트공장 보급‧확산사업과 관련하여 사업참여 제한 등 제재 중인 기업" in last
    # stray URLs and private-use glyph headings are not clauses
    assert not any("http" in t or "모집" in t for s in scopes for t in _texts(extract_exclusions(s)))


def test_seed_002_eligibility_label_inside_heading() -> None:
    scopes = _scopes("002")
    host = _checked(scopes[2], extract_eligibility(scopes[2]))
    # `□ 신청자격 및 우대요건` → its two labelled items, `(신청자격)` and `(우대요건)`
    assert len(host) == 2 and "중소․중견기업과 협력하여" in host[0].text
    assert "즉시 매칭 가능한 공급기업" in host[1].text
    assert all(extract_eligibility(s) for s in scopes)


def test_sentences_when_no_items() -> None:
    scope = _read("□ 신청자격\n\n공고일 현재 부산광역시에 소재한 중소기업. 업력 3년 이상인 기업.\n")
    found = _checked(scope, extract_eligibility(scope))
    assert _texts(found) == ["공고일 현재 부산광역시에 소재한 중소기업.", "업력 3년 이상인 기업."]
    assert found[0].kind == "region"


def test_bullet_lines_under_a_lead_in() -> None:
    scope = _read(
        "□ 지원제외대상\n\n◦ 다음 부적격 사항에 해당하는 경우 지원 대상에서 제외\n\n"
        "‧ 휴·폐업중인 기업 ‧ 유흥·향락업, 숙박·음식점\n"
        "‧ 국세 및 지방세 체납 중인 기업\n"
    )
    found = _checked(scope, extract_exclusions(scope))
    assert _texts(found) == ["휴·폐업중인 기업", "유흥·향락업, 숙박·음식점", "국세 및 지방세 체납 중인 기업"]


def test_list_segments_in_a_cell() -> None:
    text = "< 다음의 경우는 제외 >\no 첫째 항목\n- 세부 사항\n* 주석\no 둘째 항목\n이어지는 줄"
    assert [text[a:b] for a, b in list_segments(text)] == ["o 첫째 항목", "o 둘째 항목\n이어지는 줄"]
    inline = "‧ 휴·폐업중인 기업 ‧ 국세 체납 기업"
    assert [inline[a:b].strip() for a, b in list_segments(inline)] == ["‧ 휴·폐업중인 기업", "‧ 국세 체납 기업"]


def test_empty_label_cells_continue_the_group_above() -> None:
    scope = _read(
        "□ 신청자격\n\n구분\t유형\t지역\t요건\n"
        "도입기업\t기초\t부산광역시 소재\t제조업 영위 기업\n"
        "\t고도화\t\t기초 수준 구축 완료 기업\n"
        "공급기업\t\t\t솔루션 공급 역량 보유 기업\n"
    )
    found = _checked(scope, extract_eligibility(scope))
    assert _texts(found) == [
        "도입기업 기초 부산광역시 소재 제조업 영위 기업",
        "도입기업 고도화 부산광역시 소재 기초 수준 구축 완료 기업",
        "공급기업 솔루션 공급 역량 보유 기업",  # a new group: nothing carried over
    ]
    assert scope.doc.text.count("부산광역시 소재") == 1  # the document is not changed


def test_labelled_item_under_its_heading_is_one_item() -> None:
    scope = _read(
        "□ 참가자격 및 우대사항\n\n◦ (참가자격) 공고일 기준 창업 7년 이내 기업\n\n"
        "◦ (우대사항) 여성기업 또는 장애인기업\n"
    )
    found = _checked(scope, extract_eligibility(scope))
    assert len(found) == 2 and "여성기업" in found[1].text


def test_label_rows_of_a_flattened_table() -> None:
    scope = _read(
        "□ 신청자격\n\n◦ 아래 등록기준을 충족하는 기관\n\n구분 세부내용\n\n"
        "◦ 컨설팅 수행역량을 보유한 법인\n\n인력 ◦ 전문가 3명 이상 보유\n\n"
        "실적 ◦ 관련 컨설팅 실적 5건 이상\n"
    )
    texts = _texts(_checked(scope, extract_eligibility(scope)))
    assert "인력 ◦ 전문가 3명 이상 보유" in texts and "실적 ◦ 관련 컨설팅 실적 5건 이상" in texts


def test_exclusions_under_genitive_and_lead_in_headings() -> None:
    # real layout of the MAFRA R&D calls: the R&D 참여제한 list under `연구자 및 …의 참여 제한`
    # (a lead-in item's sub-items are the clauses) and a heading that is itself a lead-in
    scope = _read(
        "□ 연구자 및 연구개발기관의 참여 제한\n"
        " ◦ 신청 마감일 전날까지 국가연구개발사업 참여제한 기간이 끝나지 않은 연구자 및 연구기관은 참여할 수 없음\n"
        " ◦ 연구개발기관(영리기관인 경우)이 공고 마감일 전날까지 채무불이행 등 부실 위험이 있는 다음 중 하나에 해당하는 경우 참여 불가\n"
        " - 기업의 부도, 휴·폐업\n"
        " - 세무 당국에 의하여 국세, 지방세 등의 체납처분을 받은 경우\n"
        " - 최근 결산 기준 자본전액잠식인 경우\n"
        "□ 연구책임자 및 참여연구원의 국가연구개발사업 참여율 초과 제한\n"
        " ◦ 참여율은 100%를 초과할 수 없음\n"
        "□ 다음의 경우 사전검토 시 또는 선정 시에 제외됨\n"
        "① 연구책임자 및 연구개발기관이 신청자격에 부적합한 경우\n"
        "② 필수제출서류를 미제출한 경우\n"
        "□ 신청 방법\n"
        " ◦ 범부처통합연구지원시스템(IRIS)에서 접수\n")
    texts = _texts(_checked(scope, extract_exclusions(scope)))
    assert texts == [
        "신청 마감일 전날까지 국가연구개발사업 참여제한 기간이 끝나지 않은 연구자 및 연구기관은 참여할 수 없음",
        "기업의 부도, 휴·폐업",
        "세무 당국에 의하여 국세, 지방세 등의 체납처분을 받은 경우",
        "최근 결산 기준 자본전액잠식인 경우",
        "연구책임자 및 연구개발기관이 신청자격에 부적합한 경우",
        "필수제출서류를 미제출한 경우",
    ]


def test_exclusions_the_outline_put_beside_their_heading() -> None:
    # real layout (PIPC R&D call): `○` ranks above `가.` in the document, so the items of
    # `가. 사전 지원제외 대상` are the heading's siblings; they are read up to the next heading
    scope = _read(
        "□ 접수방법 : 범부처통합연구지원시스템을 통한 신청 접수\n"
        "○ 기관부담연구개발비는 다음 비율에 따라 산정된 금액을 현금으로 부담해야 함\n"
        "가. 사전 지원제외 대상\n"
        "< 다음의 경우는 지원 대상에서 제외할 수 있음 >\n"
        "○ 신청과제가 공고된 과제제안요구서(RFP)의 목표 및 내용에 부합하지 않는 경우\n"
        "○ 접수기간 내에 연구개발계획서 등 해당 필수 서류를 미제출한 경우\n"
        "나. 영리기관 인건비 현금산정 기준\n"
        "○ 중소·중견기업인 연구개발기관이 신규로 채용한 연구자\n")
    assert _texts(_checked(scope, extract_exclusions(scope))) == [
        "신청과제가 공고된 과제제안요구서(RFP)의 목표 및 내용에 부합하지 않는 경우",
        "접수기간 내에 연구개발계획서 등 해당 필수 서류를 미제출한 경우",
    ]


def test_exclusions_under_a_caption_and_a_bare_label() -> None:
    # real layouts (Ulju calls): a caption `〈 지원제외 대상 〉` over `▪` bullets, and an item
    # that is only the label `○ 신청 불가한 경우` over `-` sub-items
    scope = _read(
        "□ 지원 내용\n"
        "〈 지원제외 대상 〉\n"
        "▪ 문화예술, 지역문화, 생활문화와 관계가 없는 활동\n"
        "▪ 영리 행위를 목적으로 사업을 진행하는 경우\n"
        "□ 주요 안내사항\n"
        " ○ 신청 불가한 경우\n"
        " - 정치·종교 활동 등을 목적으로 한 행사의 일환으로 신청한 경우\n"
        " ○ 지원 횟수는 1회가 원칙이나, 필요에 따라 추가 지원이 가능할 수 있습니다.\n")
    assert sorted(_texts(_checked(scope, extract_exclusions(scope)))) == [
        "문화예술, 지역문화, 생활문화와 관계가 없는 활동",
        "영리 행위를 목적으로 사업을 진행하는 경우",
        "정치·종교 활동 등을 목적으로 한 행사의 일환으로 신청한 경우",
    ]


# The standard R&D 참여제한 list (dev: knpa_policelab_rnd_2026): labelled `(… 제한)` items, then
# an item lead-in `지원 제외 조건(…)` whose numbered entries restart under group captions.
RND_EXCLUSIONS = """2. 신청자격 및 제한
 ㅇ (연구개발기관의 자격)「국가연구개발혁신법」제2조제3호 및 동법 시행령 제2조제1항에 따른 기관 및 단체
 ㅇ (과제수 제한) 연구자가 연구원으로 국가연구개발사업에 참여할 수 있는 연구개발과제는 「국가연구개발혁신법 시행령」제64조에 의거 5개 이내로 하며, 연구책임자로 수행할 수 있는 과제는 3개 이내임
 ※ 동일기관 여부는 법인등록번호를 기준으로 판단함(혁신법 매뉴얼 준용)
 ㅇ (중복신청 제한) 주관/공동/위탁연구개발기관 책임자는 각 문제정의서 1개당 1개의 과제만 신청할 수 있음(참여연구원의 경우, 중복 신청 지양 권고)
 ㅇ 국가연구개발사업 지원 제외 조건(신청자격 적정성 확인서 해당 항목)
 - 아래의 사항에 해당하나, 그 사실을 통지하지 않고 사후 적발될 경우 사안에 따라 협약의 해약, 연구비 회수/환수 및 제재 처분 등의 조치가 이루어질 수 있음
[공통 사항]
1. 신청과제가 사업목적 및 내용, 지원대상 분야(과제), 기술 분야 등 공고 내용과 부합하지 않는 경우
2. 연구개발과제 신청 자격에 부합하지 않는 연구개발기관(단체) 또는 사람이 있는 경우
3. 의무사항 불이행 여부
 ◦ 주관연구개발기관, 공동연구개발기관, 연구책임자 등이 신청 마감일 현재 의무사항을 불이행하고 있는 경우
[기업만 해당(신청 마감일 기준 아래 어느 하나에 해당하는 경우)]
1. 신청과제에 참여하는 기업이 신청 마감일 기준 부도 상태에 해당하는 경우
2. 세무 당국에 의하여 국세, 지방세 등의 체납처분을 받은 경우
 (단, 회생인가 받은 기업, 중소기업진흥공단 등으로부터 재창업자금을 지원받은 기업은 예외)
3. 파산, 회생절차, 개인회생절차의 개시 신청이 이루어진 경우
 ◦ 상기의 신용등급 ‘BBB’에는 ‘BBB+’, ‘BBB’, ‘BBB-’를 모두 포함함
 ㅇ 연구개발기관 및 연구책임자의 자격 및 권한
 - 「국가연구개발혁신법」제2조제3호를 충족하는 기관 및 단체에 소속이며, 동법 제6조 및 제7조의 요건을 갖춘 자
"""


def test_rnd_exclusion_list_numbered_entries_restart_under_captions() -> None:
    scope = _read(RND_EXCLUSIONS)
    texts = _texts(_checked(scope, extract_exclusions(scope)))
    assert texts == [
        ("연구자가 연구원으로 국가연구개발사업에 참여할 수 있는 연구개발과제는 「국가연구개발혁신법 시행령」제64조에 "
         "의거 5개 이내로 하며, 연구책임자로 수행할 수 있는 과제는 3개 이내임"),
        ("주관/공동/위탁연구개발기관 책임자는 각 문제정의서 1개당 1개의 과제만 신청할 수 있음(참여연구원의 경우, "
         "중복 신청 지양 권고)"),
        "신청과제가 사업목적 및 내용, 지원대상 분야(과제), 기술 분야 등 공고 내용과 부합하지 않는 경우",
        "연구개발과제 신청 자격에 부합하지 않는 연구개발기관(단체) 또는 사람이 있는 경우",
        ("의무사항 불이행 여부 주관연구개발기관, 공동연구개발기관, 연구책임자 등이 신청 마감일 현재 의무사항을 "
         "불이행하고 있는 경우"),
        "신청과제에 참여하는 기업이 신청 마감일 기준 부도 상태에 해당하는 경우",
        "세무 당국에 의하여 국세, 지방세 등의 체납처분을 받은 경우",
        "파산, 회생절차, 개인회생절차의 개시 신청이 이루어진 경우",
    ]
    # the eligibility label, the lead-in, the proviso, the note and the next item are no clauses
    assert not any("자격 및 권한" in t or "아래의 사항" in t or "단, 회생인가" in t or "BBB" in t
                   for t in texts)


# `나. 지원제외 대상` whose `□ …` items the outline ranks above it (dev:
# motie_industry_talent_hrd_council_2025); a `□` sentence naming 참여 제한 is an item, not a heading.
RANKED_ABOVE = """신청자격
가. 주관연구개발기관 신청자격
 □ 해당 산업 분야의 대표성이 있으며, ｢산업발전법｣ 제12조제2항에 따라 SC를 구성･운영할 수 있는 비영리기관
나. 지원제외 대상
 □ 국가연구개발사업에 참여 제한 중인 자(기관 및 개인)
 * 국가연구개발사업종합관리시스템(NTIS)의 사업과제-제재정보에서 확인 가능
 □ 연구개발기관, 연구(책임)자 등이 접수마감일 현재 각종 의무사항(보고서 제출, 기술료 납부, 정산금 및 환수금 납부 등) 불이행인 경우
 □ 신청서류 등이 사업목적에 부합하지 않거나 시행계획에 정한 요건을 갖추지 못한 경우 사전지원제외 대상과제로 처리 가능
다. 신청 구비서류(협약서류는 과제 선정 시, 별도 안내 예정)
 □ 연구개발계획서 1부
 □ 연구개발기관의 신청자격 적정성 확인서 1부
라. 문의처
 □ 사업 관련 문의
"""


def test_items_ranked_above_their_heading_and_sentence_headings() -> None:
    scope = _read(RANKED_ABOVE)
    assert _texts(_checked(scope, extract_exclusions(scope))) == [
        "국가연구개발사업에 참여 제한 중인 자(기관 및 개인)",
        ("연구개발기관, 연구(책임)자 등이 접수마감일 현재 각종 의무사항(보고서 제출, 기술료 납부, 정산금 및 환수금 "
         "납부 등) 불이행인 경우"),
        ("신청서류 등이 사업목적에 부합하지 않거나 시행계획에 정한 요건을 갖추지 못한 경우 사전지원제외 대상과제로 "
         "처리 가능"),
    ]


def test_a_chapter_the_table_of_contents_lists_ends_the_section() -> None:
    # sample msit_ict_rnd_2026_1st_gonggo.pdf (untuned): the PDF drops the chapters' banner
    # boxes; only the line `8` and the title line are left, so `7 사전지원제외 대상` ran on into
    # chapter 8's rules. The table of contents (dot leaders) names the chapters.
    text = ("- 목 차 -\n"
            "7. 사전지원제외 대상·························································12\n"
            "8. 공통적용사항 및 동시 수행과제 수 제한···············································13\n"
            "\n7 사전지원제외 대상\n< 다음의 경우는 지원 대상에서 제외할 수 있음 >\n"
            "o 신청과제가 공고된 과제제안요구서(RFP)의 목표 및 내용에 부합하지 않는 경우\n"
            "o 신청과제의 기술개발 목표 및 내용이 기 지원, 기 개발된 과제와 동일한 경우\n"
            "- 12 -\n8\n공통적용사항 및 동시 수행과제수 제한\n공통사항\n"
            "o 본공고에서 지원하는 과제는 관련법령 및 규정에 따른 ‘동시수행 연구개발과제 수 제한’ 과제에 해당\n"
            "- 동시 수행 과제 수는 본 공고 과제를 포함하여 최대 5개로, 그 중 연구책임자로서 동시 수행"
            " 과제 수는 최대 3개로 제한\n")
    doc = read_bytes(text.encode(), "case.txt")
    got = [c.text for c in extract_exclusions(Scope(doc=doc, start=0, end=len(doc.text)))]
    assert got == ["신청과제가 공고된 과제제안요구서(RFP)의 목표 및 내용에 부합하지 않는 경우",
                   "신청과제의 기술개발 목표 및 내용이 기 지원, 기 개발된 과제와 동일한 경우"]


def test_exclusion_heading_variants_carry_and_are_not_eligibility() -> None:
    # headings of untuned calls: `지원대상 제외`, `참여 불가 대상`, `신청 및 참여 제한`, `지원 배제
    # 대상` (the eligibility rule no longer takes `지원대상 제외` / `신청대상 제외` as its own)
    for title in ("지원대상 제외", "참여 불가 대상", "신청 및 참여 제한", "지원 배제 대상",
                  "지원 대상에서 제외되는 경우"):
        text = (f"□ 신청자격\n ○ 관내 소재 중소기업\n□ {title}\n ○ 국세 또는 지방세 체납 중인 자\n"
                " ○ 휴·폐업 중인 기업\n□ 신청방법\n ○ 이메일 접수\n")
        doc = read_bytes(text.encode(), "case.txt")
        scope = Scope(doc=doc, start=0, end=len(doc.text))
        assert [c.text for c in extract_exclusions(scope)] == [
            "국세 또는 지방세 체납 중인 자", "휴·폐업 중인 기업"], title
        assert [c.text for c in extract_eligibility(scope)] == ["관내 소재 중소기업"], title
    text = "□ 신청 불가 시 조치사항\n ○ 담당자에게 문의\n"
    doc = read_bytes(text.encode(), "case.txt")
    assert extract_exclusions(Scope(doc=doc, start=0, end=len(doc.text))) == []


def test_standard_rnd_restriction_list_under_a_lead_in() -> None:
    # the standard R&D 사전지원제외 list under `다음에 해당하는 …` (a lead-in: `다음에` was not
    # one), numbered `1)` … and, in another layout, several circled items on one line
    text = ("□ 사전지원 제외 대상\n○ 접수마감일 현재 다음에 해당하는 경우 지원에서 제외\n"
            " 1) 기업의 부도\n 2) 세무당국에 의하여 국세, 지방세 등의 체납처분을 받은 경우\n"
            " 3) 최근 결산 기준 부채비율이 1,000% 이상인 경우\n 4) 최근 결산 기준 자본전액잠식\n"
            "□ 신청방법\n○ 온라인 접수\n")
    doc = read_bytes(text.encode(), "case.txt")
    got = _checked(Scope(doc=doc, start=0, end=len(doc.text)),
                   extract_exclusions(Scope(doc=doc, start=0, end=len(doc.text))))
    assert [c.text for c in got] == [
        "기업의 부도", "세무당국에 의하여 국세, 지방세 등의 체납처분을 받은 경우",
        "최근 결산 기준 부채비율이 1,000% 이상인 경우", "최근 결산 기준 자본전액잠식"]
    text = ("□ 신청제한\n○ 다음에 해당하는 기업은 신청할 수 없음\n"
            " ①기업의 부도 ②국세·지방세 체납처분 ③채무불이행자 등록 ④파산·회생절차 개시\n"
            "□ 신청방법\n○ 온라인 접수\n")
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    assert [c.text for c in _checked(scope, extract_exclusions(scope))] == [
        "기업의 부도", "국세·지방세 체납처분", "채무불이행자 등록", "파산·회생절차 개시"]


def test_items_nested_under_the_last_number_belong_to_the_heading() -> None:
    # dev: suwon_carbon_neutral_livinglab_2026 — `-` items, one leading in to a numbered list
    # (`【 검토 기준 】 1. … 5.` / `【 조치 방법 】 1. 2.`), then `○ 기타 …` items: nested by first
    # appearance, the `○` items fell under the last number
    text = ("□ 선정 제외 대상\n- 동일 내용으로 타 기관 지원을 받아 수행하는 경우\n"
            "- 아래 사전 지원제외 대상에 해당되는 경우(기업)\n【 검토 기준 】\n1. 기업의 부도\n"
            "2. 최근 결산 기준 완전 자본 잠식 기업\n3. 신청일 현재 휴·폐업 중인 기관(단체), 기업\n"
            "【 조치 방법 】\n1. 수행기관 대표자의 경우 : 해당과제 지원제외 처리\n"
            "2. 접수마감일 이후 해당하게 된 때에는 선정을 취소할 수 있음\n"
            "○ 기타 본 사업에 적정하지 않다고 판단되는 경우\n"
            "○ 허위 사항으로 신청하여 적발되는 경우, 선정이 취소됨\n□ 신청 방법\n○ 방문 접수\n")
    scope = _read(text)
    got = _texts(_checked(scope, extract_exclusions(scope)))
    assert got[0] == "동일 내용으로 타 기관 지원을 받아 수행하는 경우"
    assert "기업의 부도" in got
    assert got[-2:] == ["기타 본 사업에 적정하지 않다고 판단되는 경우",
                        "허위 사항으로 신청하여 적발되는 경우, 선정이 취소됨"]


def test_lead_in_item_naming_who_may_not_apply() -> None:
    # `○ 다음에 해당하는 기업은 신청 불가` under 신청자격: an exclusion list, not eligibility
    scope = _read("□ 신청자격\n ○ 관내 소재 중소기업\n ○ 다음에 해당하는 기업은 신청 불가\n"
                  "  - 국세 체납 기업\n  - 휴·폐업 중인 기업\n□ 신청방법\n ○ 이메일\n")
    assert _texts(_checked(scope, extract_exclusions(scope))) == ["국세 체납 기업", "휴·폐업 중인 기업"]
    assert _texts(extract_eligibility(scope)) == ["관내 소재 중소기업"]
    bonus = _read("□ 신청자격\n ○ 관내 소재 중소기업\n ○ 다음에 해당하는 기업은 우대\n"
                  "  - 청년 창업기업\n□ 신청방법\n ○ 이메일\n")
    assert extract_exclusions(bonus) == []


def test_an_item_that_points_at_its_list_is_no_exclusion() -> None:
    """msit_ict_rnd_2026_1st_gonggo (sample): `o 접수 마감일 현재 … 등이 아래의 어느 하나에 해당하는
    경우(단, 비영리기관 및 공기업/공사는 비적용)` over `- 기업의 부도`, `- 세무당국에 의한 …`."""
    from gonggo.extractors.clauses import _without_lead_ins
    from gonggo.reading.outline import Unit

    lead = Unit("접수 마감일 현재 주관연구개발기관, 주관연구개발기관의 장, 위탁연구개발기관의 책임자 등이 "
                "아래의 어느 하나에 해당하는 경우(단, 비영리기관 및 공기업/공사는 비적용)", [(0, 10)])
    items = [Unit("기업의 부도", [(11, 17)]),
             Unit("세무당국에 의한 국세, 지방세 등의 체납처분을 받은 경우(단, 회생인가 받은 기업, "
                  "중소벤처기업진흥공단 등으로부터 재창업자금을 지원받은 기업은 예외)", [(18, 40)])]
    assert _without_lead_ins([lead, *items]) == items
    assert _without_lead_ins([Unit("다음 각 호의 어느 하나에 해당하는 자", [(0, 5)]), *items]) == items
    # a condition of its own stays, and so does a lead-in with nothing after it
    own = Unit("신청과제가 공고된 과제제안요구서(RFP)의 목표 및 내용에 부합하지 않는 경우", [(0, 5)])
    assert _without_lead_ins([own, *items]) == [own, *items]
    assert _without_lead_ins([lead]) == [lead]
