"""Budget and award-count variants (`gonggo/eval/variants_budget.py`): the line stating a call's
budget (and the count it prints) under the other labels and words real announcements use yields
the same budget and awards; a per-award amount under a budget label is no budget."""

from __future__ import annotations

from pathlib import Path

import pytest

from gonggo.eval.variants_budget import BUDGET_VARIANTS, BY_NAME
from gonggo.pipeline import parse
from gonggo.vocab.budget import budget_amount

# the head of mafra_high_value_food_rnd_2017 (field corpus, dev) as `gonggo ingest` prints it
HEAD = """농림축산식품부 공고 제 농축 2017– 126호
2017년도 고부가가치식품기술개발사업 지정공모과제 시행계획 공고
「2017년도 고부가가치식품기술개발사업 지정공모과제 시행계획」을다음과 같이 공고합니다.
2017년 3월 30일
농림축산식품부장관
1
공고 개요
□ 사업목적 :식품산업 핵심기술 개발을 통한 식품산업의 경쟁력 제고
{line}
*지정공모과제별 상세 지원내용은 <붙임 1>의 제안요구서(RFP)참조
*예산 상황,평가결과 등에 따라 연구개발과제별 연구비‧연구기간이 조정될 수 있음
□ 접수기간 :'17.4.14.(금)~4.28.(금),18:00까지
□ 지원대상 :각 과제별 제안요구서(RFP)상의 과제구성요건에 부합하는 연구팀
"""
LINES = [
    ("□ 공고규모 :’17년도 정부출연금 43.0억 원 이내,15개 과제", 4_300_000_000, 15),  # mafra 2017
    ("□ 지원 규모 : 총 10개 과제, 24,935백만원", 24_935_000_000, 10),  # motie_industry_talent_training_2026
    ("○ 지원 비용: 총 477,000천원(9개 기업 내외 지원)", 477_000_000, 9),  # suwon_carbon_neutral_livinglab_2026
]


def _budget_and_awards(text: str, tmp: Path) -> tuple[int | None, int | None]:
    path = tmp / "doc.txt"
    path.write_text(text, encoding="utf-8")
    program = parse(path).spec.programs[0]
    return program.budget_krw, program.awards.count if program.awards else None


# each budget rewrite on each line it applies to (`budget_year_word` needs a year's money)
CASES = [pytest.param(v.name, *case, id=f"{v.name}-{case[2]}")
         for v in BUDGET_VARIANTS if v.name.startswith(("budget_", "size_"))
         for case in LINES if v.apply(HEAD.format(line=case[0])) != HEAD.format(line=case[0])]


@pytest.mark.parametrize(("variant", "line", "budget", "count"), CASES)
def test_the_budget_line_in_other_words_keeps_budget_and_count(variant: str, line: str, budget: int,
                                                               count: int, tmp_path: Path) -> None:
    text = HEAD.format(line=line)
    new = BY_NAME[variant].apply(text)
    assert _budget_and_awards(text, tmp_path) == (budget, count)
    new_budget, new_count = _budget_and_awards(new, tmp_path)
    assert new_budget == budget, new.split("\n")[8:10]
    # the count a budget line prints under another label is not read (held back: on the held-out
    # totals it gave one wrong program count, see the session's closing note); never another count
    assert new_count in (count, None), new.split("\n")[8:10]


def test_every_budget_rewrite_applies_to_some_line() -> None:
    assert {c.values[0] for c in CASES} == {v.name for v in BUDGET_VARIANTS if v.name.startswith(("budget_", "size_"))}


@pytest.mark.parametrize(("name", "before", "after"), [
    ("budget_label_business", "□ 공고규모 :’17년도 정부출연금 43.0억 원 이내,15개 과제",
     "□ 사업예산 : ’17년도 정부출연금 43.0억 원 이내,15개 과제"),
    ("budget_label_paren", "□ 지원 규모 : 총 10개 과제, 24,935백만원", "◦ (사업예산) 총 10개 과제, 24,935백만원"),
    ("budget_label_no_colon", "○ 지원 비용: 총 477,000천원(9개 기업 내외 지원)",
     "○ 총 지원예산 총 477,000천원(9개 기업 내외 지원)"),
    ("budget_year_word", "□ 공고규모 : 2025년 신규과제 정부지원연구개발비 총 157백만 원 이내",
     "□ 공고규모 : ’25년 예산 157백만 원 이내"),
    ("budget_bound_word", "□ 공고규모 :'19년 정부출연금 32억 원 내외", "□ 공고규모 : '19년 정부출연금 32억 원 규모"),
    # a line stating no budget is left as printed
    ("budget_label_business", "□ 지원규모 : 과제당 160백만 원 내외", "□ 지원규모 : 과제당 160백만 원 내외"),
    ("awards_approx_prefix", "◦ (지원규모) 90개사 내외", "◦ (지원규모) 약 90개사"),
    ("awards_approx_prefix", "□ 선정규모 : 총 535개사(명)내외", "□ 선정규모 : 총 약 535개사(명)"),
    ("awards_label_paren", "□ 지원규모 : 총 5개사", "◦ (지원규모) 총 5개사"),
    # a lettered line keeps its letter: a bullet in place of `가.` breaks the 가/나/다 run
    ("awards_label_paren", " 가. 선정규모 : 13개 대학(단독형+연합형)", " 가. 선정규모 : 13개 대학(단독형+연합형)"),
    ("awards_label_target_and_size", "□ 선정규모 : 총 535개사(명)내외", "□ 지원대상 및 규모 : 총 535개사(명)내외"),
    ("cap_size_label_business", " □ 지원규모 : 과제당 160백만 원 내외", " □ 사업규모 : 과제당 160백만 원 내외"),
    ("cap_size_label_paren", " □ 지원규모 : 과제당 160백만 원 내외", " ◦ (지원규모) 과제당 160백만 원 내외"),
    # a size line stating a count, not one award's money, is left as printed
    ("cap_size_label_business", "□ 지원규모 : 총 5개사", "□ 지원규모 : 총 5개사"),
])
def test_each_rewrite(name: str, before: str, after: str) -> None:
    assert BY_NAME[name].apply(before) == after


@pytest.mark.parametrize("line", [
    "· (예산) 총 10억 원 내외(과제당)",  # knpa_policelab_rnd_2026: one project's money
    "□ 사업예산 : 과제당 최대 5억원",
    "지원예산 : 기업당 최대 1억 원",  # suwon_carbon_neutral_livinglab_2026's column, as a line
    "○ 예산 범위 내에서 최대 5천만원 지원",
])
def test_one_awards_money_under_a_budget_label_is_no_budget(line: str) -> None:
    assert budget_amount(line) is None


def test_a_per_award_amount_before_the_total_leaves_the_total() -> None:
    a = budget_amount("○ 지원예산 : 기업당 최대 5천만원, 총 5억원")
    assert a is not None and a.krw == 500_000_000


def test_a_column_of_several_rows_is_no_one_budget_or_count(tmp_path: Path) -> None:
    """Under `선정규모` / `지원예산` headers, a table of two rows or more prints each row's (a track's)
    count and money: neither is the call's."""
    line = ("구분\t선정규모\t지원예산\n에너지\t5개사\t5억원\n수송\t4개사\t4억원")
    assert _budget_and_awards(HEAD.format(line=line), tmp_path) == (None, None)


def test_a_row_of_one_key_over_several_values_is_no_pair_row(tmp_path: Path) -> None:
    """`사업예산 | 12억원 | 8억원 | -` under `구분 | 일반형 | 성장형 | 비고` prints each type's money: the
    row is not two key/value pairs (its third cell is an amount, no label), and no one budget."""
    line = "구분\t일반형\t성장형\t비고\n사업예산\t12억원\t8억원\t-"
    assert _budget_and_awards(HEAD.format(line=line), tmp_path)[0] is None
    pairs = "사업명\t고부가가치식품기술개발사업\t주관기관\t농림식품기술기획평가원\n사업예산\t12억원\t선정규모\t20개 과제"
    assert _budget_and_awards(HEAD.format(line=pairs), tmp_path) == (1_200_000_000, 20)


@pytest.mark.parametrize("table", [
    "선정규모\t20개사 내외\n지원금액\t기업당 최대 5천만원",  # key | value rows: the value right of the label
])
def test_a_two_row_table_counts_right_of_its_label(table: str, tmp_path: Path) -> None:
    assert _budget_and_awards(HEAD.format(line=table), tmp_path) == (None, 20)
