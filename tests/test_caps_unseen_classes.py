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
