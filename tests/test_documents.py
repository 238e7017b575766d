"""Required documents read from the seeds (facts read from the documents by hand)."""

from __future__ import annotations

from gonggo import ingest
from gonggo.extractors.documents import extract_documents, parties
from gonggo.extractors.header import read_header
from gonggo.ingest import read_bytes, read_document
from gonggo.reading.programs import split_programs
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import DocumentReq

from .conftest import seed_path


def _scopes(prefix: str) -> list[Scope]:
    doc = read_document(seed_path(prefix))
    return split_programs(doc, read_header(doc).announced_on)


def _checked(scope: Scope, docs: list[DocumentReq]) -> dict[str, DocumentReq]:
    for d in docs:
        assert d.evidence, d
        for ev in d.evidence:
            assert scope.doc.text[ev.start:ev.end] == ev.quote
            assert scope.start <= ev.start <= ev.end <= scope.end
    return {d.name: d for d in docs}


def test_seed_000_mark_columns_and_remarks() -> None:
    [scope] = _scopes("000")
    docs = _checked(scope, extract_documents(scope))
    assert list(docs)[:6] == [
        "참가신청서 및 참가신청내역서",  # [붙임2-양식①] dropped
        "중소기업 지원사업 통합관리시스템 정보활용동의서",  # 1부 dropped
        "특수관계인 여부 확인서",
        "국세 및 지방세 완납 증명서",
        "중소기업 확인서",
        "사업자등록증명원",
    ]
    assert docs["국세 및 지방세 완납 증명서"].validity_months == 3
    assert docs["중소기업 확인서"].submitters == ["도입기업"]  # ○ | X
    assert docs["특수관계인 여부 확인서"].submitters == ["도입기업", "공급기업"]
    assert docs["참가신청서 및 참가신청내역서"].required is True  # 비고: 필수
    optional = docs["중소기업기술마켓 인증서"]
    assert optional.required is False and optional.submitters == []  # 비고: 선택
    # the note of row 6 adds a document for one case
    extra = docs["사업자단위과세 적용 종된 사업장 명세"]
    assert extra.condition == "종된사업장의 경우"


def test_seed_001_bullets_in_cells_with_category_column() -> None:
    [scope] = _scopes("001")
    docs = _checked(scope, extract_documents(scope))
    assert len(docs) == 8
    assert docs["사업계획서"].submitters == ["도입기업", "공급기업"]  # 공통 제출 (도입·공급기업)
    assert docs["중소기업 확인서"].submitters == ["도입기업"]  # 도입기업 제출
    assert docs["중소기업 확인서"].validity_months == 3
    assert docs["최근 3개년도 재무제표"].validity_months is None
    export = docs["최근 년도('25) 수출실적 확인 및 증명서"]
    assert export.condition == "해당시"
    assert docs["사업자단위과세 적용 종된사업장 명세"].condition == "종된사업장에 구축시"


def test_seed_004_flattened_numbered_table() -> None:
    [scope] = _scopes("004")
    docs = _checked(scope, extract_documents(scope))
    assert list(docs)[:5] == [
        "스마트공장 AS지원사업 신청서",
        "사업자등록증명원",
        "국세 및 지방세 납세증명서",
        "개인(신용) 및 기업(신용) 정보 수집・이용・제공・조회 동의서",
        "최근 3개년 국세청 홈택스 재무제표 발급번호",
    ]
    assert docs["국세 및 지방세 납세증명서"].validity_months == 3
    assert docs["사업 완료보고서"].condition == "정부지원으로 스마트공장을 구축한 기업"
    assert docs["수준확인서"].condition == "기업 자체적으로 스마트공장을 구축한 기업"


def test_seed_002_programs() -> None:
    scopes = _scopes("002")
    robot = _checked(scopes[4], extract_documents(scopes[4]))
    assert len(robot) == 11
    assert robot["공장등록증"].submitters == ["도입기업"]  # the column after `1부`
    assert robot["사업자등록증"].submitters == ["도입기업", "공급기업"]
    # rows under the vertical `선택 제출 서류` label are optional
    assert robot["국내복귀기업 선정확인서"].required is False
    assert robot["국내복귀기업 선정확인서"].condition == "국내복귀기업 지원시"
    assert robot["로봇활용 제조혁신지원 사업계획서"].required is True
    meister = _checked(scopes[7], extract_documents(scopes[7]))
    assert list(meister) == ["사업신청서", "개인·기업정보활용 동의서", "국세 및 지방세 완납증명서"]
    aftercare = _checked(scopes[9], extract_documents(scopes[9]))  # ①…④ inline list
    assert len(aftercare) == 4 and "스마트공장 보급 확산사업 완료보고서" in aftercare
    cluster = _checked(scopes[1], extract_documents(scopes[1]))
    assert cluster["지자체 지원금 매칭 확약서"].condition == "해당시"
    assert cluster["기타 사업 추진에 필요한 서류"].required is None
    # a summary line (`사업계획서 및 사업자 등록증명원 등`) is not a document
    assert not any(name.endswith("등") for s in scopes for name in _checked(s, extract_documents(s)))


def test_list_under_heading() -> None:
    doc = read_bytes(
        "□ 제출서류\n\n◦ 사업자등록증 사본 1부\n◦ 법인등기부등본 1부(발행일로부터 3개월 이내)\n"
        "◦ 가점 증빙서류(해당기업)\n◦ 추천서 (선택)\n※ 서식은 홈페이지 참조\n".encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    docs = _checked(scope, extract_documents(scope))
    assert list(docs) == ["사업자등록증 사본", "법인등기부등본", "가점 증빙서류", "추천서"]
    assert docs["법인등기부등본"].validity_months == 3
    assert docs["가점 증빙서류"].condition == "해당기업"
    assert docs["추천서"].required is False


def test_parties() -> None:
    assert parties("도입·공급기업") == ["도입기업", "공급기업"]
    assert parties("주관·공동연구개발기관") == ["주관연구개발기관", "공동연구개발기관"]
    assert parties("도입기업 도입기업, 공급기업") == ["도입기업", "공급기업"]
    assert parties("지정양식") == []


def test_documents_table_under_a_caption_row_and_stage() -> None:
    # real layout (HWP R&D call): the table's first row is its caption, sub-numbered rows
    # (`4-1 | 사업자등록증`) under a spanning name column, a `- ` sub-line under a name
    from gonggo.extractors.documents import stage_of

    assert stage_of("선정 이후 채무불이행확인서 ⦁선정 이후 협약 시 제출") == "agreement"
    assert stage_of("12 발표자료 접수 후 별도 안내") == "plan_submission"
    assert stage_of("사업제안 발표자료는 서류심사 이후 대면평가 제안사 대상 별도 제출 요청 예정") == "plan_submission"
    assert stage_of("6 전 기관 사업자등록증(필수) 온라인 업로드(PDF)") == "application"


def test_form_title_tables_labelled_as_numbered_submissions() -> None:
    # dev: ulju_culture_delivery_2025 — each form opens with `제출서류 N | <form name>`
    text = ("제출서류 1\t\t2025 울주문화배달·일터로 찾아가는 문화배달 신청서\n"
            "2025 울주문화배달·일터로 찾아가는 문화배달 신청서\n신청인 성명\t\t\n\n"
            "제출서류 2\t\t개인정보활용동의서\n개인정보 수집 이용 동의\n")
    doc = read_bytes(text.encode(), "case.txt")
    docs = extract_documents(Scope(doc=doc, start=0, end=len(doc.text)))
    assert [d.name for d in docs] == ["2025 울주문화배달·일터로 찾아가는 문화배달 신청서", "개인정보활용동의서"]
    for d in docs:
        assert all(doc.text[e.start:e.end] == e.quote for e in d.evidence)


def test_group_entry_is_one_document_unless_it_restates_the_list() -> None:
    # dev: mafra_high_value_food_rnd_2025 lists a group as one item; seed 002 restates its list
    listed = "□ 제출 서류\n ◦ 연구개발계획서 : 붙임 4 서식\n ◦ 가점적용 신청서, 민간 투자계약서, 투자의향서 및 투자협약서 등\n"
    doc = read_bytes(listed.encode(), "case.txt")
    names = [d.name for d in extract_documents(Scope(doc=doc, start=0, end=len(doc.text)))]
    assert names == ["연구개발계획서", "가점적용 신청서, 민간 투자계약서, 투자의향서 및 투자협약서 등"]
    restated = ("□ 제출서류\n ◦ 사업계획서 1부\n ◦ 사업자 등록증명원 1부\n"
                " ◦ 사업계획서 및 사업자 등록증명원 등(온라인 접수 시 첨부)\n")
    doc = read_bytes(restated.encode(), "case.txt")
    names = [d.name for d in extract_documents(Scope(doc=doc, start=0, end=len(doc.text)))]
    assert names == ["사업계획서", "사업자 등록증명원"]


def test_chapter_banner_table_ends_the_list() -> None:
    # sample msit_ict_rnd_2026_1st_gonggo (untuned): the `□ 제출 서류` section ran on past the
    # next chapter banner (`3 | 연구개발계획서 작성‧신청 시 중점 고려사항`, a one-row table) into
    # an example figure, whose cell `참여비중` was read as a document (the outline's
    # `block_range` now ends a `□` section at a banner)
    text = ("2\t\t제출서류\t\n□ 제출 서류\n구분\t제출 서류명\t제출 대상\t필수 여부\n"
            "1\t연구개발계획서\t주관연구개발기관 제출\t필수\n"
            "2\t신청자격 적정성 및 자기진단서\t모든 신청기관 제출\t필수\n"
            "o 1,2번 제출 서류는 본 공고에서 제공되는 양식을 사용하여야 함\n"
            "3\t\t연구개발계획서 작성‧신청 시 중점 고려사항\t\n"
            " ㅇ (수행체계) 산학연 협력 체계를 구성하여 제시할 것\n"
            "\t\t수행기간\t\t\n\t\tD년\t~~~~\tD+N년\n"
            "수행주체 (컨소시움)\t학계/ 연구계\t\t\t참여비중\n(역할, 예산 등)\t산업계\t\t\t\n"
            "4\t\t과제 선정 이후 연구자의 이행사항 안내\t\n")
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    docs = _checked(scope, extract_documents(scope))
    assert list(docs) == ["연구개발계획서", "신청자격 적정성 및 자기진단서"]


def test_tagged_title_over_a_numbered_list() -> None:
    # dev: mafra_smartfarm_multi_ministry_rnd_2025 — `<별첨 서식> 공통 제출자료` over `1) …`
    # entries where the forms begin; a title naming no documents, or one entry, is no list
    text = ("□ 제출 서류\n ◦ 연구개발계획서 : 붙임 서식(별첨된 서류 포함)\n"
            "<별첨 서식> 공통 제출자료\n1) 신청 자격의 적정성 확인서\n2) 개인정보 제공 및 활용 동의서\n"
            "3) 기업참여의사 확인서\n[별첨 1]\n신청 자격의 적정성 확인서\n")
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    assert list(_checked(scope, extract_documents(scope))) == [
        "연구개발계획서", "신청 자격의 적정성 확인서", "개인정보 제공 및 활용 동의서", "기업참여의사 확인서"]
    other = ("<별첨 서식> 평가 기준\n1) 기술성 평가서\n2) 사업성 평가서\n"
             "<별첨 서식> 공통 제출자료\n1) 신청 자격의 적정성 확인서\n")
    doc = read_bytes(other.encode(), "case.txt")
    assert extract_documents(Scope(doc=doc, start=0, end=len(doc.text))) == []


def test_quoted_request_anywhere_in_the_body_with_its_stage() -> None:
    # dev: pipc_privacy_rnd_2025 (a box of the body), mss_startup_univ_regional_2026 (preamble);
    # a quoted name in a case (`를 제출한 기업`) or a report after the project is no requirement
    from gonggo.extractors.documents import quoted_requests

    line = ("○ 연구개발성과 소유기관(기술료＊ 등 납부 의무기관)은 과제협약 시 ‘정부납부기술료 납부 "
            "확약서’와 ‘기술기여도 산정 근거자료’를 제출하여야 합니다.")
    got = quoted_requests(line)
    assert [(n, s) for n, s, _, _ in got] == [("정부납부기술료 납부 확약서", "agreement"),
                                            ("기술기여도 산정 근거자료", "agreement")]
    assert all(line[a:b].strip("‘’") == n for n, _, a, b in got)
    assert [n for n, *_ in quoted_requests(
        "※ 최종 선정 통보된 예비선정자(기업) 통보일 다음날부터 3일 이내에 「2026년도 창업중심대학 "
        "지원사업(지역기반)」 ‘협약체결 확약서’를 제출해야 합니다.")] == ["협약체결 확약서"]
    assert quoted_requests("‘가점 적용 신청서(별첨 6)’를 제출한 경우 가점 부여") == []
    assert quoted_requests("“붙임 2. 평가위원 기피 및 제척 신청서” 제출)") == []
    assert quoted_requests("사업 종료 후 ‘최종보고서’를 제출하여야 함") == []
    text = "□ 제출서류\n◦ 사업계획서 1부\n□ 기술료\n" + line + "\n"
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    docs = _checked(scope, extract_documents(scope))
    assert list(docs) == ["사업계획서", "정부납부기술료 납부 확약서", "기술기여도 산정 근거자료"]
    assert docs["정부납부기술료 납부 확약서"].stage == "agreement"


def test_note_row_of_a_documents_table_asking_for_one_more() -> None:
    # dev: pipc_privacy_rnd_2026 — the table's last row spans it and holds ○ notes
    from gonggo.schemas.document import Block, Cell, Document, Table

    rows = [["번호", "제출서류", "비고"], ["1", "신청용 연구개발계획서", "필수"],
            ["2", "사업자등록증", "필수"]]
    note = ("○ 1~2번 서류는 본 공고에서 제공되는 양식을 사용하여야 함\n"
            "○ 사업제안 발표자료는 서류심사 이후 대면평가 제안사 대상 별도 제출 요청 예정")
    head = "□ 제출서류\n"
    text = head
    cells = []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cells.append(Cell(row=r, col=c, text=value, start=len(text), end=len(text) + len(value)))
            text += value + ("\t" if c < 2 else "\n")
    cells.append(Cell(row=3, col=0, col_span=3, text=note, start=len(text), end=len(text) + len(note)))
    text += note + "\n"
    table = Table(n_rows=4, n_cols=3, cells=cells)
    doc = read_bytes(head.encode(), "case.txt")
    doc = Document(source=doc.source, text=text, blocks=[
        Block(kind="heading", start=0, end=len(head) - 1, marker="□", section=0, section_path=[0]),
        Block(kind="table", start=len(head), end=len(text) - 1, table=table, section=0,
              section_path=[0])], sections=doc.sections[:0])
    from gonggo.schemas.document import Section

    doc.sections.append(Section(index=0, block=0, parent=None, level=0, marker="□", title="제출서류",
                                start=0, end=len(text)))
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    docs = _checked(scope, extract_documents(scope))
    assert list(docs) == ["신청용 연구개발계획서", "사업자등록증", "사업제안 발표자료"]
    assert docs["사업제안 발표자료"].stage == "plan_submission"


def test_labelled_list_inside_an_application_step() -> None:
    # local calls: `○ 제출서류: 신청서 1부, …` under `□ 신청방법` (the label's colon was never
    # seen: `^` of COLON anchored at the title's start, not at the label's end)
    text = ("□ 신청방법\n○ 접수방법: 이메일 접수\n"
            "○ 제출서류: 신청서 1부, 주민등록초본 1부(발급일로부터 1개월 이내), 통장 사본 1부\n"
            "□ 문의처\n○ 문화예술과 052-229-1234\n")
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    docs = _checked(scope, extract_documents(scope))
    assert list(docs) == ["신청서", "주민등록초본", "통장 사본"]
    assert docs["주민등록초본"].validity_months == 1


def test_documents_heading_variants() -> None:
    from gonggo.reading.outline import HEADINGS, title_match

    rx = HEADINGS["documents"]
    for title in ("신청 시 제출서류", "제출서류 안내", "제출서류 목록", "구비 서류", "신청서류 및 작성방법"):
        assert title_match(title, rx, item=True, listing=True) is not None, title
    for title in ("신청서 작성 시 유의사항", "평가 기준 및 유의사항", "제출 방법"):
        assert title_match(title, rx, item=True, listing=True) is None, title


def test_groups_tables_and_asides_of_local_calls() -> None:
    # a `해당 시 제출서류` group makes its documents conditional; a `구분 | 내용 | 비고` table
    # under the heading names its documents in the content column; an application step lists
    # them in an aside with their copies
    def names(text: str) -> dict[str, DocumentReq]:
        doc = read_bytes(text.encode(), "case.txt")
        scope = Scope(doc=doc, start=0, end=len(doc.text))
        return _checked(scope, extract_documents(scope))

    groups = names("□ 제출서류\n ○ 필수서류\n  - 사업신청서 1부\n ○ 해당 시 제출서류\n"
                   "  - 가점 증빙서류 1부\n  - 중소기업확인서 1부\n□ 선정방법\n ○ 서면 평가\n")
    assert list(groups) == ["사업신청서", "가점 증빙서류", "중소기업확인서"]
    assert groups["사업신청서"].condition is None
    assert groups["중소기업확인서"].condition == "해당 시"
    table = names("□ 제출서류\n구분\t내용\t비고\n필수\t사업신청서 1부\t서식 1\n"
                  "필수\t사업계획서 1부\t서식 2\n□ 선정방법\n○ 서면 평가\n")
    assert list(table) == ["사업신청서", "사업계획서"]
    formats = names("□ 제출서류\n구분\t내용\n파일 형식\tPDF로 변환\n용량\t30MB 이하\n□ 선정방법\n")
    assert formats == {}
    aside = names("□ 신청방법\n ○ 방문 또는 이메일 접수(신청서, 개인정보 수집·이용 동의서, "
                  "주민등록초본 각 1부)\n ○ 접수처: 문화예술과(2층)\n□ 선정방법\n")
    assert list(aside) == ["신청서", "개인정보 수집·이용 동의서", "주민등록초본"]


def test_mark_columns_that_say_whether_not_who() -> None:
    # `구분 | 서류명 | 필수 | 해당시` with ○ marks: the marks say whether a document is due
    # (they were read as submitters named 필수 / 해당시); `도입기업 | 공급기업` marks still say who
    text = ("□ 제출서류\n구분\t서류명\t필수\t해당시\n1\t사업신청서\t○\t\n2\t사업계획서\t○\t\n"
            "3\t가점 증빙서류\t\t○\n□ 선정방법\n○ 서면 평가\n")
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    docs = _checked(scope, extract_documents(scope))
    assert list(docs) == ["사업신청서", "사업계획서", "가점 증빙서류"]
    assert all(d.submitters == [] for d in docs.values())
    assert docs["사업신청서"].required is True and docs["사업신청서"].condition is None
    assert docs["가점 증빙서류"].condition == "해당시"
    text = ("□ 제출서류\n서류명\t도입기업\t공급기업\n사업계획서\t○\t○\n중소기업 확인서\t○\tX\n"
            "□ 선정방법\n○ 서면 평가\n")
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    docs = _checked(scope, extract_documents(scope))
    assert docs["중소기업 확인서"].submitters == ["도입기업"]


def test_cell_of_parallel_tagged_lines() -> None:
    # dev: knpa_policelab_rnd_2026 — row 7-2 holds `(기존인력 / 필수) …` and `(신규인력 / 필수) …`
    text = ("□ 제출서류\n번호\t제출서류\t양식\n1\t연구개발계획서\t양식1\n"
            "2\t(기존인력 / 필수) 전문연구사업자 신고증\t-\n□ 선정방법\n○ 발표평가\n")
    doc = read_bytes(text.encode(), "case.txt")
    table = next(b.table for b in doc.blocks if b.table is not None)
    cell = next(c for c in table.cells if c.text.startswith("(기존인력"))
    assert cell.row == 2
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    docs = _checked(scope, extract_documents(scope))
    assert docs["전문연구사업자 신고증"].condition == "기존인력의 경우"


def test_cell_of_two_tagged_lines_is_two_documents() -> None:
    from gonggo.schemas.document import Block, Cell, Document, Section, Table

    head = "□ 제출서류\n"
    rows = [["번호", "제출서류"], ["7-1", "영리기관의 현금 계상 인건비 관리 계획 및 현황"],
            ["7-2", "(기존인력 / 필수) 전문연구사업자 신고증\n(신규인력 / 필수) 신규채용 증빙서류 등"]]
    text, cells = head, []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cells.append(Cell(row=r, col=c, text=value, start=len(text), end=len(text) + len(value)))
            text += value + ("\t" if c == 0 else "\n")
    base = read_bytes(head.encode(), "case.txt")
    doc = Document(source=base.source, text=text, blocks=[
        Block(kind="heading", start=0, end=len(head) - 1, marker="□", section=0, section_path=[0]),
        Block(kind="table", start=len(head), end=len(text) - 1, section=0, section_path=[0],
              table=Table(n_rows=3, n_cols=2, cells=cells))],
        sections=[Section(index=0, block=0, parent=None, level=0, marker="□", title="제출서류",
                          start=0, end=len(text))])
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    docs = _checked(scope, extract_documents(scope))
    assert list(docs) == ["영리기관의 현금 계상 인건비 관리 계획 및 현황", "전문연구사업자 신고증",
                          "신규채용 증빙서류 등"]
    assert docs["신규채용 증빙서류 등"].condition == "신규인력의 경우"


def test_a_documents_title_numbered_like_the_headings_it_follows() -> None:
    # real lines (MOTIE HRD council call 2025), its `가.` headings numbered `가)`: `다) 신청
    # 구비서류 …` is left a paragraph (a `□` closed `나)`), its list runs to `라) 문의처`
    text = ("□ 산업계 주도의 체계적 인력수요 발굴을 통해 정부 및 인력양성 기관에 전달\n"
            "가) 접수기간\n □ 2025년 4월 24일(목) ~ 2025년 5월 26일(월) 18:00\n"
            "나) 접수방법\n □ (온라인 접수방법) 범부처통합연구지원시스템(IRIS)에 연구책임자가 접수\n"
            "다) 신청 구비서류(협약서류는 과제 선정 시, 별도 안내 예정)\n"
            " □ 연구개발계획서 1부\n □ 연구개발기관의 신청자격 적정성 확인서 1부\n"
            " □ 개인정보 및 과세정보 제공활용동의서 1부\n"
            "라) 문의처\n □ 사업 관련 문의\n")
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    names = list(_checked(scope, extract_documents(scope)))
    assert names == ["연구개발계획서", "연구개발기관의 신청자격 적정성 확인서",
                     "개인정보 및 과세정보 제공활용동의서"]


def _names(text: str) -> dict[str, DocumentReq]:
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    return _checked(scope, extract_documents(scope))


def test_catch_all_row_is_an_entry_and_a_catch_all_item_stands_for_a_list() -> None:
    # sample kised_dodak_2025 (table row `③ 기타 제출서류`) vs dev mss_startup_univ_regional_2026
    # (the item `◦ 기타 제출서류 각 1부 (해당 시,[별첨 2] 참고)` over a table naming them)
    row = ("□ 제출서류\n◦ 사업계획서 1부 ([별첨 1]양식)\n◦ 기타 제출서류 각 1부 ([별첨 2]양식)\n"
           "< 제출서류 및 제출방법 >\n제출서류\t제출방법\t비고\n① 사업신청서\t온라인 입력\t-\n"
           "② 사업계획서\t파일 첨부\t용량제한 30MB\n③ 기타 제출서류\t파일 첨부\t\n")
    docs = _names(row)
    assert list(docs) == ["사업계획서", "사업신청서", "기타 제출서류"]
    assert docs["기타 제출서류"].required is True  # a row of the table: due (`필요한 서류` is open)
    item = ("□ 제출서류\n◦ 사업계획서 1부 ([별첨 1] 양식)\n◦ 기타 제출서류 각 1부 (해당 시,[별첨 2] 참고)\n"
            "제출서류\t제출 방법\t비고\n① 사업신청서\t온라인 입력\t-\n② 사업계획서\t파일 첨부\t용량제한 30MB\n"
            "③ 공동대표 또는 각자대표 신분증 및 동의서 (해당시)\t파일 첨부\t\n")
    assert "기타 제출서류" not in _names(item)


def test_a_later_stage_asks_for_a_named_document() -> None:
    # sample kised_dodak_2025 and dev mss_startup_univ_regional_2026 (KISED template)
    from gonggo.extractors.documents import named_asks, quoted_requests

    quoted = "★ 서류평가 통과자를 대상으로 ‘창업기업확인서’ 등 창업업력 및 창업기업 여부를 확인할 수 있는 관련 증빙서류 제출 요청 예정"
    assert [(n, s) for n, s, _, _ in quoted_requests(quoted)] == [("창업기업확인서", "plan_submission")]
    starred = "-서류평가 통과자를 대상으로 ‘창업기업확인서*’등 요건검토를 위한 서류를 요청할 예정이며"
    assert [n for n, *_ in quoted_requests(starred)] == ["창업기업확인서"]
    # the quoted word names no document: nothing
    assert quoted_requests("-서류평가 통과자를 대상으로 ‘창업기업’임을 확인할 수 있는 증빙 서류 등을 제출받아 검토할 예정") == []
    note = ("* 창업기업확인서 발급이 필요한 기업은 발급기간(약 3주)을 고려하여 사전준비 필요, "
            "창업기업확인서 제출처 등 자세한 사항은 서류평가 통과자 대상 별도 안내예정")
    got = named_asks(note)
    assert {(n, s) for n, s, _, _ in got} == {("창업기업확인서", "plan_submission")}
    assert all(note[a:b] == n for n, _, a, b in got)
    # no later stage named: a mention, not an ask
    assert named_asks("* 사업자등록증 발급이 필요한 경우 세무서 방문") == []


def test_group_row_over_sub_rows_is_a_heading() -> None:
    # dev knpa_policelab_rnd_2026: `7 | [영리기업] … 증빙서류 | -` over `7-1 | …`, `7-2 | …`
    from gonggo.extractors.documents import Collector
    from gonggo.reading.outline import outline_of
    from gonggo.schemas.document import Cell, Table

    rows = [["연번", "제출 서류", "", "비고"],
            ["6", "[영리기업] 영리기관의 연구실운영비 활용·관리 계획", None, "양식6"],
            ["7", "[영리기업] 영리기관의 현금 인건비 계상을 위한 증빙서류", None, "-"],
            [None, "7-1", "영리기관의 현금 계상 인건비 관리 계획 및 현황", "양식7"],
            [None, "7-2", "전문연구사업자 신고증", ""]]
    text, cells = "", []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            span = 2 if c == 1 and row[2] is None else 1
            cells.append(Cell(row=r, col=c, row_span=1, col_span=span, start=len(text),
                              end=len(text) + len(value), text=value))
            text += value + "\t"
        text += "\n"
    doc = read_bytes(text.encode(), "case.txt")
    col = Collector(outline_of(Scope(doc=doc, start=0, end=len(doc.text))))
    col.table(Table(n_rows=len(rows), n_cols=4, cells=cells))
    names = [f.line.name for f in col.found]
    assert names == ["영리기관의 연구실운영비 활용·관리 계획", "영리기관의 현금 계상 인건비 관리 계획 및 현황",
                     "전문연구사업자 신고증"]
    assert col.found[1].line.condition == "영리기업의 경우"  # the group's tag


def test_plan_form_annex_list_and_form_list_layouts() -> None:
    # dev mafra_high_value_food_rnd_2017: the plan form's untitled 별첨 list, where the body
    # takes the plan with its 별첨s
    body = ("□ 제출서류 <서식 준수>\n① 연구개발계획서 :붙임 2서식(별첨된 서류 포함)\n"
            "□ 신청서 작성 시 유의사항\n◦ 회계연도 기준으로 연구수행기간 구성\n")
    annex = ("1)특허,논문,제품(시장)분석보고서(별첨 1)\n2)신청 자격의 적정성 확인서(별첨 2)\n"
             "3)개인정보 제공 및 활용 동의서(별첨 3)\n*개인정보(이름,전화번호,이메일주소 등)을 기재한 자는 빠짐없이 작성\n"
             "4)승인서 (별첨 4)\n*국‧공립 연구소가 주관연구기관일 경우에 한함\n5)기업참여의사 확인서 (별첨 5)\n[별첨 1]\n")
    assert list(_names(body + annex)) == [
        "연구개발계획서", "특허,논문,제품(시장)분석보고서", "신청 자격의 적정성 확인서",
        "개인정보 제공 및 활용 동의서", "승인서", "기업참여의사 확인서"]
    # without the body's `별첨된 서류 포함` the numbered forms are not asked for
    assert list(_names(body.replace("(별첨된 서류 포함)", "") + annex)) == ["연구개발계획서"]
    # dev mafra_high_value_food_rnd_2025: `<별첨 서식> 공통 제출자료` as lines, a table, one line;
    # the form of the body's 가점적용 신청서 item stays that item; `현황` forms count
    head = ("□ 제출 서류\n ◦ 연구개발계획서 : 붙임 4 서식(별첨된 서류 포함)\n"
            " ◦ 가점적용 신청서, 민간 투자계약서, 투자의향서 및 투자협약서 등\n"
            "□ 평가 방법\n ◦ 서면평가\n<별첨 서식> 공통 제출자료\n")
    forms = ["신청 자격의 적정성 확인서", "농림축산식품연구개발사업 가점적용 신청서",
             "기업 재무현황 및 국가연구개발사업 수행과제 성과현황(기업체만 해당, 최근 5년)"]
    want = ["연구개발계획서", "가점적용 신청서, 민간 투자계약서, 투자의향서 및 투자협약서 등",
            "신청 자격의 적정성 확인서", "기업 재무현황 및 국가연구개발사업 수행과제 성과현황"]
    lines = "".join(f"{k}) {f}\n" for k, f in enumerate(forms, 1))
    table = "연번\t내용\n" + "".join(f"{k}\t{f}\n" for k, f in enumerate(forms, 1))
    for layout in (lines, table):
        docs = _names(head + layout + "[별첨 1]\t\n신청 자격의 적정성 확인서\n")
        assert list(docs) == want, layout
        assert docs[want[-1]].condition == "기업체만 해당"
    # one numbered line naming short forms (a comma inside a parenthesis separates nothing)
    inline = "1) 신청 자격의 적정성 확인서, 개인정보 제공(이름, 연락처) 동의서, 기업참여의사 확인서\n"
    assert list(_names(head + inline + "[별첨 1]\t\n")) == want[:2] + [
        "신청 자격의 적정성 확인서", "개인정보 제공(이름, 연락처) 동의서", "기업참여의사 확인서"]


def test_group_captions_case_lines_and_case_notes_qualify_the_documents() -> None:
    # dev mafra_high_value_food_rnd_2018 (real lines): `<기업이 주관인 경우>` and `<선택사항(해당 시
    # 제출)>` head groups of the list; a `-` sub-line and a `*` note say in which case one is due
    text = ("□ 제출서류 <서식 준수>\n<필수사항>\n① 연구개발계획서 :붙임 2서식(별첨된 서류 포함)\n"
            "<기업이 주관인 경우>\n② 사업자등록증 :국세청(홈텍스)또는 관할세무서\n"
            "<선택사항(해당 시 제출)>\n⑦ 기업간 공동연구 협약서(의 선정 시 우대사항 참조)\n"
            "-기업간 공동연구 가점을 받고자 하는 경우 제출(붙임 3서식)\n⑧ 연구장비예산심의요청서 :붙임 4서식\n"
            "-3천만 원 이상의 연구시설·장비를 구입하려는 경우에만 제출\n"
            "※ 모든 제출서류는 주관연구기관장의 직인 및 주관연구책임자의 서명을 날인하여야 함\n"
            "□ 신청서 작성 시 유의사항\n◦ 회계연도 기준으로 연구수행기간 구성\n")
    docs = _names(text)
    assert list(docs) == ["연구개발계획서", "사업자등록증", "기업간 공동연구 협약서", "연구장비예산심의요청서"]
    assert (docs["연구개발계획서"].required, docs["연구개발계획서"].condition) == (True, None)
    assert (docs["사업자등록증"].required, docs["사업자등록증"].condition) == (True, "기업이 주관인 경우")
    joint = docs["기업간 공동연구 협약서"]
    assert (joint.required, joint.condition) == (False, "기업간 공동연구 가점을 받고자 하는 경우 제출")
    assert docs["연구장비예산심의요청서"].condition == "3천만 원 이상의 연구시설·장비를 구입하려는 경우에만 제출"
    # a `*` note restricting a form to a case (dev mafra_high_value_food_rnd_2017's 별첨 list)
    annex = ("□ 제출서류\n① 연구개발계획서 :붙임 2서식(별첨된 서류 포함)\n□ 신청서 작성 시 유의사항\n◦ 회계연도 기준\n"
             "1)신청 자격의 적정성 확인서(별첨 1)\n2)승인서 (별첨 2)\n*국‧공립 연구소가 주관연구기관일 경우에 한함\n"
             "3)기업참여의사 확인서 (별첨 3)\n[별첨 1]\n")
    docs = _names(annex)
    assert docs["승인서"].condition == "국‧공립 연구소가 주관연구기관일 경우에 한함"
    assert docs["신청 자격의 적정성 확인서"].condition is None


def test_a_bracketed_title_over_its_list() -> None:
    # `< 제출서류 >` over a circled list, outside every documents heading (the layout of
    # kised_dodak_2025's `< 제출서류 및 제출방법 >` caption, over a list instead of a table)
    text = ("□ 신청방법\n◦ K-Startup 누리집에서 온라인 접수\n< 제출서류 >\n① 사업신청서\n② 사업계획서 1부\n"
            "③ 사업자등록증명원 1부\n□ 평가방법\n◦ 서류평가 후 발표평가\n")
    assert list(_names(text)) == ["사업신청서", "사업계획서", "사업자등록증명원"]
    # a bracketed title of another topic over a circled list: nothing (negative)
    other = text.replace("< 제출서류 >", "< 유의 사항 >")
    assert list(_names(other)) == []


def test_a_key_value_box_lists_the_documents_in_the_cell_beside_its_label() -> None:
    # a 신청방법 box (`접수기간 | …`, `제출서류 | - 사업신청서 1부 …`) outside every documents
    # heading; the value cell as dash lines, circled lines or one inline line
    from gonggo.pipeline import parse_document

    from .test_ingest_hwpx import _cell, one_section, para, t

    def box(rows: list[list[list[str]]]) -> str:
        xml = f'<hp:tbl rowCnt="{len(rows)}" colCnt="2">'
        for r, row in enumerate(rows):
            xml += "<hp:tr>" + "".join(_cell(r, c, "".join(para(t(x)) for x in v))
                                       for c, v in enumerate(row)) + "</hp:tr>"
        return xml + "</hp:tbl>"

    def documents(label: str, value: list[str]) -> list[str]:
        body = [para(t("울주군 공고 제2025-100호")), para(t("2025년 청년 창업지원사업 참여자 모집 공고")),
                para(t("□ 사업개요")), para(t("○ 지원규모 : 기업당 최대 5백만원")), para(t("□ 신청방법")),
                para(box([[["접수기간"], ["2025. 3. 4.(화) ~ 3. 20.(목)"]], [["접수방법"], ["방문 또는 이메일 접수"]],
                          [[label], value]])),
                para(t("□ 문의처 : 울주군청 052-123-4567"))]
        result = parse_document(ingest.read_bytes(one_section(*body), "box.hwpx"))
        text = result.document.text
        for p in result.spec.programs:
            for d in p.documents:
                assert all(text[e.start:e.end] == e.quote for e in d.evidence)
        return [d.name for p in result.spec.programs for d in p.documents]

    want = ["사업신청서", "사업계획서", "사업자등록증 사본"]
    assert documents("제출서류", ["- 사업신청서 1부", "- 사업계획서 1부", "- 사업자등록증 사본 1부"]) == want
    assert documents("구비서류", ["① 사업신청서 1부", "② 사업계획서 1부", "③ 사업자등록증 사본 1부"]) == want
    assert documents("제출 서류", ["사업신청서, 사업계획서, 사업자등록증 사본 각 1부"]) == want
    # another label: its cell is no list of documents (negative)
    assert documents("선정방법", ["- 서류평가 후 발표평가", "- 평가위원회 심의"]) == []


def test_a_sentence_saying_what_the_documents_are() -> None:
    # `제출서류는 A, B, C 각 1부임` under a 신청방법 heading; how many copies is no list (negatives)
    text = "□ 신청방법\n○ 접수방법 : 이메일 접수\n○ 제출서류는 사업신청서, 사업계획서, 사업자등록증 사본 각 1부임\n"
    assert list(_names(text)) == ["사업신청서", "사업계획서", "사업자등록증 사본"]
    for other in ("○ 제출서류는 원본 1부, 사본 2부를 제출", "※ 제출서류는 반환하지 않음",
                  "※ 모든 제출서류는 주관연구기관장의 직인 및 주관연구책임자의 서명을 날인하여야 함"):
        assert list(_names("□ 신청방법\n○ 접수방법 : 이메일 접수\n" + other + "\n")) == []


def test_cells_a_pdf_flattened_beside_a_row_name() -> None:
    # a 제출서류 table printed as lines: the category before the name, the form, remark or
    # marks after it are cells, not words of the name
    head = "□ 제출서류\n"
    docs = _names(head + "구분 제출서류 비고\n필수 사업신청서 [서식 1]\n사업계획서 [서식 2]\n"
                  "선택 가점 증빙서류\n해당시 중소기업 확인서\n□ 평가방법\n◦ 서류평가\n")
    assert list(docs) == ["사업신청서", "사업계획서", "가점 증빙서류", "중소기업 확인서"]
    assert docs["가점 증빙서류"].required is False
    assert docs["중소기업 확인서"].condition == "해당시"
    docs = _names(head + "연번 서류명 비고\n1 사업신청서 서식1\n2 사업계획서 양식 2\n3 중소기업 확인서 해당시\n"
                  "□ 평가방법\n◦ 서류평가\n")
    assert list(docs) == ["사업신청서", "사업계획서", "중소기업 확인서"]
    assert docs["중소기업 확인서"].condition == "해당시"
    docs = _names(head + "서류명 필수 해당시\n사업신청서 ○\n사업계획서 ○\n중소기업 확인서 ○\n□ 평가방법\n◦ 서류평가\n")
    assert list(docs) == ["사업신청서", "사업계획서", "중소기업 확인서"]
    assert docs["중소기업 확인서"].required is None  # which mark column is lost with the table


def test_a_group_heading_naming_a_stage() -> None:
    # `○ 협약 시 제출서류` heads the documents due at the agreement (not a document itself);
    # `<선정 후 협약 시>` says when, not in which case
    for text in (("□ 제출서류\n○ 신청 시 제출서류\n- 사업신청서 1부\n- 사업계획서 1부\n○ 협약 시 제출서류\n"
                 "- 협약체결 확약서 1부\n- 통장 사본 1부\n□ 평가\n◦ 서면평가\n"),
                 ("□ 제출서류\n<신청 시>\n① 사업신청서 1부\n② 사업계획서 1부\n<선정 후 협약 시>\n"
                 "③ 협약체결 확약서 1부\n④ 통장 사본 1부\n□ 평가\n◦ 서면평가\n")):
        docs = _names(text)
        assert [(n, d.stage, d.condition) for n, d in docs.items()] == [
            ("사업신청서", "application", None), ("사업계획서", "application", None),
            ("협약체결 확약서", "agreement", None), ("통장 사본", "agreement", None)]


def test_a_later_procedures_documents_are_no_application_documents() -> None:
    # untuned dangjin_gift_voucher_merchants: `상품권 환전 안내` printed bare (a web page's heading)
    # after the application's 구비서류, its own `구비서류:` the exchange's; then the same under a
    # `□` heading, and a settlement note inside the application's list (suwon_carbon_neutral_2026)
    bare = ("5. 구비서류\n- 가맹점지정신청서 및 개인정보동의서 1부. (읍·면·동주민센터 비치)\n"
            "- 사업자등록증 사본 1부, 통장사본(대표자명의) 사본 1부\n상품권 환전 안내\n"
            "- 환전신청: 가까운 판매대행점(금융기관)을 방문하여 환전 신청\n"
            "- 구비서류: 환전청구서(판매대행점 비치), 신분증\n")
    headed = ("□ 제출서류\n◦ 사업계획서 1부\n◦ 사업자등록증 사본 1부\n"
              "○ 정산 서류 제출 시, 각 사업비 사용 내용에 맞는 관련 증빙 서류 제출 필수\n"
              "□ 상품권 환전 안내\n- 구비서류: 환전청구서(판매대행점 비치), 신분증\n")
    for text, want in ((bare, ["가맹점지정신청서 및 개인정보동의서", "사업자등록증 사본", "통장사본(대표자명의) 사본"]),
                       (headed, ["사업계획서", "사업자등록증 사본"])):
        doc = read_bytes(text.encode(), "case.txt")
        docs = extract_documents(Scope(doc=doc, start=0, end=len(doc.text)))
        assert [d.name for d in docs] == want


def test_name_column_headed_as_forms_or_submissions() -> None:
    # issue 13 (r11b): the name column headed `양식명` (a table of forms) or `제출물`, the way other
    # calls head it; the rest of mois_regional_disaster_rnd_2025's `번호 | 서 류 명 | 대상기관 및 비고`
    for head in ("양식명", "제출물", "서 류 명"):
        text = (f"□ 제출서류\n번호\t{head}\t대상기관 및 비고\n1\t사업신청서\t필수\n2\t사업계획서\t필수\n"
                "3\t가점 증빙서류\t해당 시\n□ 선정방법\n○ 서면 평가\n")
        doc = read_bytes(text.encode(), "case.txt")
        scope = Scope(doc=doc, start=0, end=len(doc.text))
        assert list(_checked(scope, extract_documents(scope))) == ["사업신청서", "사업계획서", "가점 증빙서류"], head
    # a `양식` column beside the name column is the form's number, not the name
    text = ("□ 제출서류\n번호\t양식\t비고\n1\t서식 1\t필수\n□ 선정방법\n○ 서면 평가\n")
    doc = read_bytes(text.encode(), "case.txt")
    scope = Scope(doc=doc, start=0, end=len(doc.text))
    assert list(_checked(scope, extract_documents(scope))) == []


def test_numbered_items_on_one_line_split_only_in_sequence() -> None:
    # issue 13 (r11b): split at two or more markers of one sequence in order from the first
    from gonggo.extractors.documents import parse_doc_line
    text = "○ 제출서류 : 1) 사업신청서 1부 2) 사업계획서 1부 3) 사업자등록증 사본 1부"
    docs = parse_doc_line(text)
    assert [d.name for d in docs] == ["사업신청서", "사업계획서", "사업자등록증 사본"]
    assert [text[a:b] for a, b in (d.span for d in docs)] == ["사업신청서 1부", "사업계획서 1부", "사업자등록증 사본 1부"]
    assert len(parse_doc_line("1) 사업신청서 1부 3) 사업계획서 1부")) == 1  # a skipped number: no sequence
    assert len(parse_doc_line("- 사업신청서(2025. 3. 4. 기준) 1부")) == 1  # a date's dots: no markers
    assert len(parse_doc_line("가. 사업신청서 1부 다. 사업계획서 1부")) == 1
