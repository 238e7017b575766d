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
