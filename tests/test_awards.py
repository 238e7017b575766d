"""How many are selected, read from the seeds."""

from __future__ import annotations

from gonggo.extractors.awards import extract_awards
from gonggo.extractors.header import read_header
from gonggo.ingest import read_document
from gonggo.reading.programs import split_programs

from .conftest import seed_path


def _awards(prefix: str):  # type: ignore[no-untyped-def]
    doc = read_document(seed_path(prefix))
    out = {}
    for scope in split_programs(doc, read_header(doc).announced_on):
        award = extract_awards(scope)
        if award is not None:
            for ev in award.evidence:
                assert doc.text[ev.start:ev.end] == ev.quote
            assert award.evidence
        out[scope.name] = award
    return out


def _triple(award):  # type: ignore[no-untyped-def]
    return None if award is None else (award.count, award.approx, award.unit)


def test_seed_000_total_wins_over_per_track_counts() -> None:
    [award] = _awards("000").values()
    assert _triple(award) == (5, False, "개사")
    assert award.evidence[0].quote == "총 5개사"


def test_seed_001_projects() -> None:
    [award] = _awards("001").values()
    assert _triple(award) == (29, False, "개")


def test_seed_004_approximate() -> None:
    [award] = _awards("004").values()
    assert _triple(award) == (90, True, "개사")


def test_seed_002_programs() -> None:
    awards = {name: _triple(a) for name, a in _awards("002").items()}

    def of(part: str):  # type: ignore[no-untyped-def]
        return next(v for n, v in awards.items() if n and part in n)

    assert of("디지털 클러스터") == (10, True, "개 기관")
    assert of("로봇") == (57, True, "개사")
    assert of("클라우드") == (5, False, "개 과제")
    # `최소 10개 과제 이상의 신청수요` is a requirement, not how many are selected
    assert of("업종별 특화") is None
    assert of("스마트공장 구축 및 고도화") is None


def _awards_of_text(tmp_path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    [scope] = split_programs(doc, None)
    return doc, extract_awards(scope)


# lines of mafra_livestock_issues_master_2021 (dev): two call types, each with its own count,
# under a line stating the program's total
LIVESTOCK = ("□ 농림축산식품부 소관 사업 :총 19개 과제(지정공모 15,자유응모 4)\n"
             "◦ 지정공모과제 :15개 과제\n"
             "◦ 자유응모과제(분야제안):4개 과제\n")


def test_total_value_of_a_labelled_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc, award = _awards_of_text(tmp_path, "지원 대상\n" + LIVESTOCK)
    assert _triple(award) == (19, False, "개 과제")
    assert [e.quote for e in award.evidence] == ["총 19개 과제"]
    assert all(doc.text[e.start:e.end] == e.quote for e in award.evidence)


def test_total_value_under_another_facet_is_no_count(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the rule alone: a total under a 신청자격 heading is a condition, not how many are selected
    from gonggo.extractors.awards import _total_value
    from gonggo.reading.items import items

    def rule(text: str):  # type: ignore[no-untyped-def]
        path = tmp_path / "call.txt"
        path.write_text(text, encoding="utf-8")
        [scope] = split_programs(read_document(path), None)
        return _total_value(scope, items(scope))

    line = "◦ 농림축산식품부 소관 사업 :총 19개 과제(지정공모 15,자유응모 4)\n"
    assert rule("□ 지원 대상\n" + line) is not None
    assert rule("□ 신청자격\n" + line) is None


# msit_bio_rfp_2026 (an RFP sheet drawn as boxes): the `4. 특기사항` box holds the sheet's prose
BOX = ("4. 특기사항\tㅇ 선정 과제 수 : 2개 과제 내외\n- 과제별 연구비 : 1차년도 8억원 내외\n"
       "ㅇ 총 연구개발 기간은 5년(3+2)이며\n")


def _box_table(text: str):  # type: ignore[no-untyped-def]
    from gonggo.schemas.document import Cell, Table

    head, _, rest = text.partition("\t")
    at = len(head) + 1
    return Table(n_rows=1, n_cols=2, cells=[
        Cell(row=0, col=0, text=head, start=0, end=len(head)),
        Cell(row=0, col=1, text=rest, start=at, end=at + len(rest))])


def test_a_labelled_size_line_inside_a_boxed_cell_counts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gonggo.extractors.awards import _boxed_line_count

    path = tmp_path / "rfp.txt"
    path.write_text(BOX, encoding="utf-8")
    [scope] = split_programs(read_document(path), None)
    award = _boxed_line_count(scope, _box_table(scope.doc.text))
    assert _triple(award) == (2, True, "개 과제")
    assert [e.quote for e in award.evidence] == ["2개 과제 내외"]
    # one size line per row of a list of tracks: no one program's count
    two = BOX + "ㅇ 선정 과제 수 : 3개 과제 내외\n"
    path.write_text(two, encoding="utf-8")
    [scope] = split_programs(read_document(path), None)
    assert _boxed_line_count(scope, _box_table(scope.doc.text)) is None


def test_a_count_right_after_its_selection_is_the_programs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # bizinfo list (kstartup): the count follows the verb, no `내외`, no label
    path = tmp_path / "call.txt"
    path.write_text("□ 지원내용\n - 선발 8개사 대상 총 26억원 이내 先투자\n"
                    " - 액셀러레이팅 프로그램을 통한 기업 성장 지원\n", encoding="utf-8")
    doc = read_document(path)
    [scope] = split_programs(doc, read_header(doc).announced_on)
    award = extract_awards(scope)
    assert _triple(award) == (8, False, "개사")
    assert award.evidence[0].quote == "8개사"


def test_a_team_make_up_is_no_count(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "call.txt"
    path.write_text("□ 지원내용\n ○ 리더예술인(1명) 및 참여예술인(4명 내외) 매칭 지원 및 협업 기회 제공\n",
                    encoding="utf-8")
    doc = read_document(path)
    [scope] = split_programs(doc, read_header(doc).announced_on)
    assert extract_awards(scope) is None


def test_a_summary_row_and_a_later_line_the_first_printed_wins(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """mss_startup_univ_regional_2026 prints its size in the overview (`총 535개사(명)내외`), then
    again in its section without `내외`; laid out as a summary table's row, the row comes first.
    The call's money in such a row (`공고규모 | …`) is its budget."""
    from gonggo.pipeline import parse

    text = ("중소벤처기업부 공고 제2026-135호\n2026년 창업중심대학 모집공고\n□ 사업개요\n"
            "공고규모\t’26년도 정부출연금 43.0억 원 이내\n선정규모\t총 535개사(명)내외 (대학별 48개사(명)내외)\n"
            "□ 지원내용\n○ 기업당 최대 1억원\n□ 선정규모 : 총 535개사 (창업중심대학별 48개사 내외)\n"
            "□ 접수 기간 : ’26.3.3.(화)~3.23.(월),16:00까지\n")
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    (program,) = parse(path).spec.programs
    assert program.awards is not None and (program.awards.count, program.awards.approx) == (535, True)
    assert program.budget_krw == 4_300_000_000


def test_the_same_size_label_in_two_parts_counts_no_one_program(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """daegutp_startup_scaleup_rnd_2026 prints a box per part of the call (`지원과제 수 | ○ 2 개사`,
    `지원과제 수 | ○ 6 개사`); as labelled lines (the table_key_lines layout) neither is the program's."""
    from gonggo.pipeline import parse

    head = "대구테크노파크 공고 제2026-10호\n2026년 창업기업 스케일업 지원사업 공고\n□ 지원내용\n"
    parts = ("󰋎 민간투자연계형 R&D 과제지원\n○ 지원과제 수 : 2 개사\n○ 지원금액 : 과제당 최대 2억원\n"
             "󰋏 창업초기기업형 R&D 과제지원\n○ 지원과제 수 : 6 개사\n○ 지원금액 : 과제당 최대 1억원\n")
    tail = "□ 접수기간 : 2026. 2. 2.(월) ~ 2. 27.(금)\n"
    got = []
    for body in (parts, parts.split("󰋏")[0]):
        path = tmp_path / "doc.txt"
        path.write_text(head + body + tail, encoding="utf-8")
        (program,) = parse(path).spec.programs
        got.append(program.awards.count if program.awards else None)
    assert got == [None, 2]


# lines of msit_lab_startup_univ_2025 (dev) with its size line worded as other calls word it
# (`가. 지원대상 및 규모 :`, variants_budget.awards_label_target_and_size; the listing cache's `교육대상
# 및 규모`): the call's 13 universities, not the starred other program's `30개 내외` in a note
LAB_TARGET_AND_SIZE = (
    "2. 선정계획\n"
    " 가. 지원대상 및 규모 : 13개 대학(단독형+연합형)\n"
    " 나. 지원기간 : ’25.4월 ~ ’26.12월(9개월+1년)\n"
    " 라. 지원내용\n"
    " - 창업에 성공한 초기 실험실 창업기업은 창업중심대학(중기부)*으로 연계, 사업화 자금, 멘토링 등 지원으로 안정적인 후속성장 도모\n"
    " * 제한공모를 통한 지원신청 및 지원대상 선정\n"
    " * ‘25년도 지원규모(안) : 30개 내외(평균 75백만원, 최대 200백만원)\n")


def test_size_joined_to_its_target_by_and(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, award = _awards_of_text(tmp_path, LAB_TARGET_AND_SIZE)
    assert award is not None and (award.count, award.approx) == (13, False)
