"""Caps classes read on program pages nobody tuned on (issue 13; capsr9's classes re-landed one by
one in caps10, each with a guard). Real lines of the untuned pages in /work/scratch/unseen (sources
in its SOURCES.tsv), each read in a small document as the page prints it, beside lines of the same
shape that state no per-award cap.
"""

from __future__ import annotations

from pathlib import Path

from gonggo.pipeline import parse
from gonggo.vocab.money import find_amounts


def _funding(text: str, tmp: Path) -> list[tuple]:
    path = tmp / "doc.txt"
    path.write_text(text, encoding="utf-8")
    spec = parse(path).spec
    return sorted(((t.name or "", f.payer, f.cap_krw, f.share_pct, f.share_bound)
                   for p in spec.programs for t in p.tracks for f in t.funding
                   if f.cap_krw is not None or f.share_pct is not None), key=str)


# --- class: a range printed high to low (hunter_w_startup_package) ---------------------------

def test_a_range_printed_high_to_low_is_bounded_by_its_high_end() -> None:
    assert [(a.krw, a.bound) for a in find_amounts("기업당 700만원~200만원 차등 지급")] == [
        (7_000_000, "max"), (2_000_000, "min")]
    assert [(a.krw, a.bound) for a in find_amounts("700~200만원")] == [(7_000_000, "max"), (2_000_000, "min")]


def test_a_range_printed_low_to_high_keeps_its_second_end() -> None:
    # dev ulju_youth_culture_project_2025 `팀별 최소 200만원 ~ 500만원`
    assert [(a.krw, a.bound) for a in find_amounts("팀별 최소 200만원 ~ 500만원")] == [
        (2_000_000, "min"), (5_000_000, "max")]


# --- class: a track's name cell with a starred note after the name (inu_startup_business) ---

INU_TRACKS = ("창업아이템 및 고급기술 창업자 창업활동 지원\n"
              "모집구분\n"
              "구분\t자격요건\t지원금액\n"
              "고급기술 창업 *신청자가 3가지 조건 중 1개라도 해당될 경우 인정\t(조건 ①) 대학교수, 대학원생, 석사 또는 "
              "박사학위 보유자\t최대 70백만원 한도\n"
              "\t(조건 ②) 6개 신산업창출 분야(산업부) 업종을 영위하는 자\t\n"
              "일반창업\t제한 없음\t최대 50백만원 한도\n")


def test_a_track_name_with_a_starred_note_after_it(tmp_path: Path) -> None:
    assert _funding(INU_TRACKS, tmp_path) == [("고급기술 창업", "government", 70_000_000, None, None),
                                              ("일반창업", "government", 50_000_000, None, None)]


def test_a_note_stating_money_is_no_name_note(tmp_path: Path) -> None:
    # a starred note with its own amount is no bare name: the row stays unread as before
    text = INU_TRACKS.replace("*신청자가 3가지 조건 중 1개라도 해당될 경우 인정", "* 총 사업비 3억원 이상 과제에 한함")
    assert _funding(text, tmp_path) == [("일반창업", "government", 50_000_000, None, None)]
