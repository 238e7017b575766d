"""Shares by applicant kind (extractors/shares.py) through the whole pipeline: every track gets
the program-wide rows with evidence, a track's own share wins, conflicting tables give none."""

from __future__ import annotations

from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_bytes

TABLE = (
    "연구개발기관 유형\t정부지원연구개발비\t기관부담연구개발비\t기관부담연구개발비 중 현금 부담 비율\n"
    "중소기업\t75% 이하\t25% 이상\t10% 이상\n"
    "중견기업\t70% 이하\t30% 이상\t13% 이상\n"
)


def _shares(text: str) -> list[list[tuple]]:
    doc = read_bytes(text.encode(), "call.txt")
    spec = extract(doc)
    out = []
    for program in spec.programs:
        for track in program.tracks:
            rows = []
            for f in track.funding:
                if f.share_pct is None:
                    continue
                for e in f.evidence:
                    assert doc.text[e.start : e.end] == e.quote
                assert any("share_pct" in e.supports for e in f.evidence)
                rows.append((f.payer, f.share_pct, f.share_bound, tuple(f.applicant_kinds)))
            out.append(rows)
    return out


def test_program_wide_table_and_sentence_reach_the_track() -> None:
    text = ("2026년도 테스트 기술개발사업 신규과제 공고\n□ 지원내용\n○ 과제당 연 5억원 이내\n"
            "□ 연구개발비 부담기준\n" + TABLE +
            "* 산업위기대응지역 중소기업의 경우 정부지원연구개발비를 연구개발비의 80% 이하 지원 가능\n")
    (rows,) = _shares(text)
    assert rows == [("government", 75, "max", ("중소기업",)), ("applicant", 25, "min", ("중소기업",)),
                    ("government", 70, "max", ("중견기업",)), ("applicant", 30, "min", ("중견기업",)),
                    ("government", 80, "max", ("산업위기대응지역 중소기업",))]


def test_a_track_printing_its_own_share_keeps_it() -> None:
    text = ("2026년도 테스트 지원사업 공고\n□ 지원내용\n○ 정부지원금 최대 1억원 (총사업비의 50% 이내)\n"
            "□ 부담기준\n" + TABLE)
    (rows,) = _shares(text)
    assert rows == [("government", 50, "max", ())]


def test_two_tables_disagreeing_on_a_kind_give_no_row_for_it() -> None:
    other = TABLE.replace("중견기업\t70% 이하\t30% 이상", "중견기업\t60% 이하\t40% 이상")
    text = ("2026년도 테스트 기술개발사업 신규과제 공고\n□ 1단계 부담기준\n" + TABLE +
            "□ 2단계 부담기준\n" + other)
    (rows,) = _shares(text)
    assert rows == [("government", 75, "max", ("중소기업",)), ("applicant", 25, "min", ("중소기업",))]


def test_a_share_of_the_payers_money_is_no_share_of_the_total() -> None:
    from gonggo.extractors.shares import corpus_value

    head = "구분\t정부지원연구개발비\t기관부담연구개발비\n"
    assert corpus_value(head + "중소기업\t연구개발비의 75% 이하\t연구개발비의 25% 이상")
    for cell in ("정부지원연구개발비 대비 25% 이상", "정부출연금 중 25% 이상", "기관부담연구개발비의 25% 이상"):
        assert corpus_value(head + f"중소기업\t연구개발비의 75% 이하\t{cell}") == []


def test_a_caption_over_a_run_of_definitions_still_names_the_payer() -> None:
    # msit_ict_rnd_2026_1st_gonggo.hwp: the caption, nine `*` definitions, then the kinds across the top
    from gonggo.vocab.applicants import kinds_in

    notes = [" * ‘중소기업’이란 「중소기업기본법」제2조에 따른 중소기업임",
             " * ‘중견기업’이란 「중견기업 성장촉진 및 경쟁력 강화에 관한 특별법」 제2조제1호에 따른 중견기업임",
             " ※ 초기 중견기업의 기관부담 연구개발비 가이드라인 적용(과학기술정보통신부 연구제도혁신과-2883, 2021.12.30.)",
             " * ‘공기업’이란 「공공기관의 운영에 관한 법률」 제5조제4항제1호에 따른 공기업임",
             " * ‘지방직영기업・지방공사・지방공단’이란 「지방공기업법」에 따른 지방직영기업・지방공사・지방공단임",
             " * 수요기업으로 참여하는 기업은 정부지원연구개발비 없이 과제에 참여할 수 있음",
             " * 평균매출액등”이란 「중견기업 성장촉진 및 경쟁력 강화에 관한 특별법 시행령」 제7조에 따른 평균매출액등을 말함",
             " * 공개소프트웨어 과제의 경우 위 기준에도 불구하고 더 높은 비율로 지원 가능",
             " * 기타 사항은 「국가연구개발사업 연구개발비 사용 기준」을 따름"]
    text = ("2026년도 제1차 정보통신 기술개발 신규지원 대상과제 공고\n□ 지원 기준\n"
            "o 영 제19조제1항제1호부터 제4호까지 해당되는 기업은 연구개발기관의 유형에 따라 "
            "정부지원연구개발비 지원 기준은 아래와 같음\n" + "\n".join(notes) + "\n"
            "중소기업 (영 제19조제1항제1호)\t중견기업 (영 제19조제1항제2호)\t"
            "공기업, 지방직영기업・지방공사・지방공단, 중소‧중견기업이 아닌 기업 (영 제19조제1항제3호, 제4호))\n"
            "연도별 해당 기관의 국제공동연구개발비를 제외한 연구개발비의 75%이하\t"
            "연도별 해당 기관의 국제공동연구개발비를 제외한 연구개발비의 70%이내\t"
            "연도별 해당 기관의 국제공동연구개발비를 제외한 연구개발비의 50%이하\n")
    (rows,) = _shares(text)
    assert [(p, pct, b, kinds_in(k[0])) for p, pct, b, k in rows] == [
        ("government", 75, "max", ("중소기업",)), ("government", 70, "max", ("중견기업",)),
        ("government", 50, "max", ("공기업", "대기업"))]


# the standard R&D share rule (the values of msit_ict_rnd_2026's and mohw_health_rnd_master_2026's
# tables) printed as lines instead of a table: a kind opening each clause, its payer named before
# its share, or carried to the next kinds' clauses
def test_a_kinds_shares_printed_as_clauses_of_a_line() -> None:
    lines = ("□ 지원 기준\n- 중소기업의 경우 정부지원연구개발비 75% 이하, 기관부담연구개발비 25% 이상\n"
             "- 중견기업 : 정부지원연구개발비 70% 이하\n"
             "- 공기업, 대기업은 정부지원연구개발비 50% 이하, 그 외는 100% 이하\n")
    assert _shares(lines) == [[
        ("government", 75.0, "max", ("중소기업",)), ("applicant", 25.0, "min", ("중소기업",)),
        ("government", 70.0, "max", ("중견기업",)), ("government", 50.0, "max", ("공기업, 대기업",)),
        ("government", 100.0, "max", ("그 외",))]]


def test_clauses_that_do_not_add_up_or_leave_a_share_unowned_give_none() -> None:
    for line in ("- 중소기업의 경우 정부지원연구개발비 75% 이하, 기관부담연구개발비 30% 이상",  # 105
                 "- 중소기업 : 정부지원연구개발비 75% 이하(현금 10% 이상)",  # two shares in a clause
                 "- 중소기업 : 기관부담연구개발비의 10% 이상",  # a part of the applicant's share
                 "- 중소기업은 정부지원연구개발비 75% 이하, 참여율은 70% 이하",  # not a cost split
                 "- 중소기업 : 75% 이하"):  # no payer
        assert _shares("□ 지원 기준\n" + line + "\n") in ([], [[]]), line


def test_a_table_printing_its_shares_in_words_or_full_width() -> None:
    """`75퍼센트 이하` (the statute's word, mois/시행령 prints) and `75％ 이하`: the table is read as with `%`
    (variants.percent_word lost every table's shares: the cheap test looked for `%` only)."""
    for sign in ("퍼센트", "％"):
        text = ("2026년도 테스트 기술개발사업 신규과제 공고\n□ 지원내용\n○ 과제당 연 5억원 이내\n"
                "□ 연구개발비 부담기준\n" + TABLE.replace("%", sign))
        (rows,) = _shares(text)
        assert rows == [("government", 75, "max", ("중소기업",)), ("applicant", 25, "min", ("중소기업",)),
                        ("government", 70, "max", ("중견기업",)), ("applicant", 30, "min", ("중견기업",))]


def test_the_standard_table_with_its_merged_header_flattened() -> None:
    """mohw_health_rnd_master_2026's 부담기준 table as its text prints it: `연구개발비 비율` merged over
    `정부지원연구개발비 | 기관부담연구개발비`, the merge lost (two header rows of 3 and 2 cells over
    rows of 4)."""
    text = ("2026년도 테스트 기술개발사업 신규과제 공고\n□ 지원내용\n○ 과제당 연 5억원 이내\n"
            "○ 기관유형별 기관부담연구개발비 부담기준\n"
            "연구개발기관 유형\t연구개발비 비율\t기관부담연구개발비 중 현금 부담 비율\n"
            "정부지원연구개발비\t기관부담연구개발비\n"
            "중소기업\t75% 이하\t25% 이상\t10% 이상\n중견기업\t70% 이하\t30% 이상\t13% 이상\n")
    (rows,) = _shares(text)
    assert rows == [("government", 75, "max", ("중소기업",)), ("applicant", 25, "min", ("중소기업",)),
                    ("government", 70, "max", ("중견기업",)), ("applicant", 30, "min", ("중견기업",))]
