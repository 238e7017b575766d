"""Metamorphic tests: the seeds rewritten in the other glyphs and formats real announcements
print (`gonggo/eval/variants.py`) yield the same facts; each rewrite keeps what it rewrites."""

from __future__ import annotations

from functools import cache, reduce
from pathlib import Path

import pytest
import regex

from gonggo.eval.variants import BY_NAME, VARIANTS, compare_facts, facts
from gonggo.pipeline import parse
from gonggo.vocab.dates import find_dates
from gonggo.vocab.money import find_amounts
from gonggo.vocab.text import MIDDLE_DOTS, circled_ordinal

SEEDS = sorted((Path(__file__).resolve().parents[1] / "corpus" / "seeds").glob("*.txt"))
PACKAGE = Path(__file__).resolve().parents[1] / "gonggo"

# The rewrites every seed must survive, applied one after the other to one text (one parse
# per seed): each broke a fact of some seed before the shared reading knew its class.
STABLE = ["dates_short_year",        # `’26. 4. 8.`: the header's date line
          "range_wave_dash",         # `032-260-0626〜9`: a phone range
          "bullets_dash_dot",        # `∙ * 도입 및 공급기업 모두 해당`: a note under a bullet
          "numbers_dingbat",         # `➊ 신청서`: items numbered with dingbats
          "bound_synonym",           # `발행일로부터 3개월 이하`: a validity
          "middle_dot_hyphenation",  # `휴‧폐업`
          "money_eok_decimal",       # `1.0억원`, `0.2억원`
          "bullets_hancom_pua",      # Hancom's private-use bullets, as an HWP file holds them
          "bullets_hangul_o",        # `ㅇ 대면평가(발표평가) : …`: ㅇ is a letter drawn as a bullet
          "times_pm",                # `오후 6시까지` under a step's dates
          "fullwidth_parens",        # `（목）`, `1）`: full-width forms, folded at ingest
          "percent_fullwidth",       # `75％ 이내`
          "fullwidth_colon",         # `접수기간：`
          "headings_paren_half",     # `1) 스마트공장 구축 …`: a master's programs numbered `1)`
          "headings_hangul_half",    # `가) 지원분야`: headings numbered `가)`
          "bullets_square",          # `•상기 … 서류 일체`: `▪` and `•`, one bullet level
          "dates_korean", "times_korean", "range_wave"]


@cache
def _facts(name: str, text: str, tmp: Path) -> object:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return facts(parse(path).spec.model_dump(mode="json"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_facts_survive_the_field_variants(seed: Path, tmp_path: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    variant = reduce(lambda t, name: BY_NAME[name].apply(t), STABLE, text)
    assert variant != text
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    before = _facts(seed.name, text, tmp_path / "a")
    after = _facts(seed.name, variant, tmp_path / "b")
    lost, gained = compare_facts(before, after)  # type: ignore[arg-type]
    assert not lost and not gained, f"lost {lost}\ngained {gained}"


# --- each rewrite keeps the meaning of what it rewrites ---------------------------------------

SAMPLE = """Ⅰ. 사업개요
□ 지원규모 : 총 5개사, 과제당 1억 5천만원 이내 (정부출연금 0.18억원, 20백만원, 455천원), 1~2억원
 ○ 총사업비의 30% 이내, 6개월 이내, 중소·중견기업
(1) 접수기간 : 2025. 3. 4.(화) ~ 3. 20.(목) 18:00까지
가. 발표 : 2026년 4월 8일 09:00 ~ 4월 24일 18시, 문의 032-260-0626~9
구분\t- 사업계획서 - 재무제표\t① 신청서 ② 확인서
"""


def test_money_rewrites_keep_every_won() -> None:
    want = [a.krw for a in find_amounts(SAMPLE)]
    for name in ("money_space_won", "money_baekman", "money_cheonwon", "money_eok_decimal",
                 "money_won"):
        new = BY_NAME[name].apply(SAMPLE)
        assert new != SAMPLE, name
        assert [a.krw for a in find_amounts(new)] == want, name


def test_money_rewrite_leaves_a_range_head_its_unit() -> None:
    # `1~2억원`: the bare 1 takes 억원; rewriting 2억원 alone would change the 1
    assert "1~2억원" in BY_NAME["money_baekman"].apply("예산 1~2억원")


def test_date_and_time_rewrites_keep_every_date() -> None:
    from datetime import date

    want = [m.value for m in find_dates(SAMPLE, date(2026, 4, 8))]
    assert len(want) >= 4
    for v in VARIANTS:
        if v.name.startswith(("dates_", "times_", "range_")):
            got = [m.value for m in find_dates(v.apply(SAMPLE), date(2026, 4, 8))]
            assert got == want, v.name


def test_bullet_swap_never_merges_two_levels() -> None:
    text = "○ 가\nㅇ 나\n◦ 다\n"
    # ㅇ already marks a level: ○ and ◦ keep theirs
    assert BY_NAME["bullets_hangul_o"].apply(text) == text
    assert BY_NAME["bullets_circle_swap"].apply(text) == "◦ 가\nㅇ 나\n○ 다\n"
    # the inline items of a cell change with the one opening it
    assert BY_NAME["bullets_dash_dot"].apply("구분\t- 가 - 나\n중소-중견") == "구분\t∙ 가 ∙ 나\n중소-중견"


def test_numbering_rewrites_apply_only_without_the_target_style() -> None:
    assert BY_NAME["headings_hangul_half"].apply("가. 지원대상\n나. 제외") == "가) 지원대상\n나) 제외"
    assert BY_NAME["headings_hangul_half"].apply("가. 지원대상\n가) 세부") == "가. 지원대상\n가) 세부"
    assert BY_NAME["headings_roman_latin"].apply("Ⅱ. 지원내용") == "II. 지원내용"


def test_circled_ordinals() -> None:
    assert [circled_ordinal(c) for c in "①⑳❶➀➊➓a"] == [1, 20, 1, 1, 1, 10, None]


# --- one list of middle dots ------------------------------------------------------------------

_CLASS = regex.compile(r"\[(?:\\.|[^\]\\])*\]")


def test_every_middle_dot_class_lists_all_middle_dots() -> None:
    """A rule's character class holding two middle dots (`[·ㆍ]`) is a class of middle dots:
    it must hold every one announcements print (`‧`, `・` … : `vocab.text.MIDDLE_DOTS`)."""
    partial = []
    for path in [*(PACKAGE / "vocab").glob("*.py"), *(PACKAGE / "reading").glob("*.py"),
                 PACKAGE / "extractors" / "header.py"]:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in _CLASS.finditer(line):
                dots = {c for c in m[0] if c in MIDDLE_DOTS}
                if {"·", "ㆍ"} <= dots and dots != set(MIDDLE_DOTS):
                    partial.append(f"{path.name}:{n} {m[0]}")
    assert partial == []


def test_the_command_line_names_a_bad_input_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gonggo.eval.variants import main

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    for argv, said in (([str(tmp_path / "missing.txt")], "missing.txt: No such file"),
                       ([str(bad)], "bad.txt: not UTF-8 text"),
                       ([str(SEEDS[0]), "--only", "nosuch"], "--only: no such variant")):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert said in err and len(err.strip().splitlines()) == 1
