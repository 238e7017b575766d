"""Diff, alignment and patches on constructed specs (the seeds are tested in test_changes)."""

from __future__ import annotations

import copy
from datetime import date

import jsonpatch

from changes.align import align_tracks
from changes.diff import diff
from changes.patch import make_patch
from changes.report import to_html, to_markdown, word_diff
from schemas.announcement import (
    Announcement,
    Awards,
    Clause,
    DocumentReq,
    Evidence,
    Funding,
    Program,
    Source,
    Track,
)


def ev(quote: str, start: int = 0) -> list[Evidence]:
    return [Evidence(start=start, end=start + len(quote), quote=quote)]


def spec(year: int, cap: int, tracks: list[str], exclusions: list[str], docs: list[str],
         awards: int = 90) -> Announcement:
    return Announcement(
        source=Source(path=f"{year}.txt", sha256="0" * 64, format="txt"),
        title=f"{year}년도 스마트공장 AS지원사업 공고", announced_on=date(year, 5, 31),
        programs=[Program(
            name="스마트공장 AS지원사업", key="스마트공장as지원사업",
            awards=Awards(count=awards, approx=True, unit="개사", evidence=ev(f"{awards}개사 내외")),
            tracks=[Track(name=t, duration_months=4, evidence=ev(t),
                          funding=[Funding(payer="government", payer_label="정부", cap_krw=cap,
                                           share_pct=50, share_bound="max",
                                           evidence=ev(f"최대 {cap // 1_000_000}백만원"))])
                    for t in tracks],
            exclusions=[Clause(text=t, kind="tax", evidence=ev(t)) for t in exclusions],
            documents=[DocumentReq(name=d, required=True, evidence=ev(d)) for d in docs],
        )],
    )


OLD = spec(2021, 20_000_000, ["AS지원", "긴급복구형"],
           ["국세 또는 지방세를 체납하고 있는 기업", "휴·폐업 중인 기업"], ["사업자등록증", "신청서"])


def test_a_spec_against_itself_has_no_change() -> None:
    cs = diff(OLD, copy.deepcopy(OLD))
    assert cs.changes == []
    assert cs.unchanged > 0


def test_cap_change_and_rename_and_list_changes() -> None:
    new = spec(2023, 30_000_000, ["AS지원", "긴급AS"],
               ["국세 또는 지방세를 체납 중인 기업", "휴·폐업 중인 기업", "참여제한 중인 기업"],
               ["사업자 등록증"], awards=90)
    cs = diff(OLD, new)
    kinds = {(c.field, c.kind, c.track) for c in cs.changes}
    assert ("funding.government.cap_krw", "changed", "AS지원") in kinds
    assert ("tracks.name", "renamed", "긴급AS") in kinds
    added = [c for c in cs.changes if c.field == "exclusions" and c.kind == "added"]
    assert [c.new for c in added] == ["참여제한 중인 기업"]
    removed_docs = [c for c in cs.changes if c.field == "documents" and c.kind == "removed"]
    assert [c.old for c in removed_docs] == ["신청서"]
    # spacing / particle differences are not changes; the rewording "체납하고 있는" → "체납 중인" is
    assert not any(c.field == "documents.name" for c in cs.changes)
    assert not any(c.field == "awards.count" for c in cs.changes)


def test_track_rename_is_aligned_with_a_reason() -> None:
    pairs = align_tracks(OLD.programs[0].tracks, spec(2023, 1, ["AS지원", "긴급AS"], [], []).
                         programs[0].tracks)
    renamed = [p for p in pairs if p.old and p.new and p.old.name != p.new.name]
    assert len(renamed) == 1 and renamed[0].old.name == "긴급복구형"  # type: ignore[union-attr]
    assert "renamed" in renamed[0].reason


def test_patch_turns_the_old_spec_into_the_new_one_on_changed_facts() -> None:
    new = spec(2023, 30_000_000, ["AS지원", "긴급AS"],
               ["휴·폐업 중인 기업", "참여제한 중인 기업"], ["사업자등록증"], awards=100)
    cs = diff(OLD, new)
    ops = make_patch(cs, OLD, new)
    assert all("evidence" in op for op in ops)
    patched = jsonpatch.apply_patch(OLD.model_dump(mode="json"), ops)
    p = patched["programs"][0]
    assert [t["name"] for t in p["tracks"]] == ["AS지원", "긴급AS"]
    assert {f["cap_krw"] for t in p["tracks"] for f in t["funding"]} == {30_000_000}
    assert p["awards"]["count"] == 100
    assert sorted(c["text"] for c in p["exclusions"]) == sorted(["휴·폐업 중인 기업", "참여제한 중인 기업"])
    assert [d["name"] for d in p["documents"]] == ["사업자등록증"]


def test_reports_mark_words_and_new_or_deleted_facts() -> None:
    new = spec(2023, 30_000_000, ["AS지원", "긴급AS"], ["휴·폐업 중인 기업"], ["사업자등록증", "신청서"])
    cs = diff(OLD, new)
    md = to_markdown(cs, "(2021)", "(2023)")
    assert "| 현 행 (2021) | 개 정 (2023) | 비 고 |" in md
    assert "<삭 제>" in md and "최대 ~~20백만원~~" in md and "최대 **30백만원**" in md
    page = to_html(cs)
    assert "<del>" in page and "<ins>" in page and "&lt;삭 제&gt;" in page
    left, right = word_diff("최대 20백만원 이내", "최대 30백만원 이내")
    assert ("del", "20백만원") in left and ("ins", "30백만원") in right
