"""Diff, alignment and patches on constructed specs (the seeds are tested in test_changes)."""

from __future__ import annotations

import copy
import re
from datetime import date, datetime, timedelta, timezone

import jsonpatch

from gonggo.changes.align import align_tracks
from gonggo.changes.diff import diff
from gonggo.changes.patch import make_patch
from gonggo.changes.report import describe, rows_of, to_html, to_markdown, word_diff
from gonggo.schemas.announcement import (
    Announcement,
    Awards,
    Clause,
    Contact,
    Cost,
    Criterion,
    DocumentReq,
    Evidence,
    Funding,
    Program,
    Source,
    Submission,
    Track,
    Window,
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


# Report cells: readable values, one row per window ----------------------------------------

KST = timezone(timedelta(hours=9))
# Python reprs / JSON of a dict or list, and bare Python literals, in a rendered cell.
RAW = re.compile(r"[{}]|\[\s*['\"]|['\"]\s*:\s|\bNone\b|\bTrue\b|\bFalse\b|&#x27;\w+&#x27;:")


def md_cells(md: str) -> list[str]:
    return [cell for line in md.splitlines() if line.startswith("| ") and "---" not in line
            for cell in re.split(r"(?<!\\)\|", line)[1:-1]]


def html_cells(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", " ", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", page)]


def rich(year: int, **over: object) -> Announcement:
    """A program with every kind of fact, each item's words printed once."""
    facts: dict[str, object] = dict(  # noqa: C408 (keyword names read like the schema)
        tracks=[Track(name="AS지원", target_level="기초", duration_months=4, evidence=ev("AS지원"),
                      funding=[Funding(payer="government", payer_label="정부", cap_krw=20_000_000,
                                       share_pct=50, share_bound="max", evidence=ev("최대 20백만원"))])],
        awards=Awards(count=90, approx=True, unit="개사", evidence=ev("90개사 내외")),
        windows=[Window(label="1차", tracks=["AS지원"], opens=date(year, 3, 2),
                        closes=datetime(year, 3, 20, 18, 0, tzinfo=KST),
                        evidence=ev(f"{year}년 3월 2일 ~ 3월 20일 18시"))],
        submission=Submission(channels=["online"], urls=["smart-factory.kr"],
                              evidence=ev("smart-factory.kr 온라인 신청")),
        eligibility=[Clause(text="중소 제조기업", evidence=ev("중소 제조기업"))],
        documents=[DocumentReq(name="사업자등록증명원", submitters=["도입기업"], required=True,
                               validity_months=3, evidence=ev("사업자등록증명원 1부"))],
        evaluation=[Criterion(item="활용 정도", points=15, group="서면", evidence=ev("활용 정도 15"))],
        costs=[Cost(item="원가검증 수수료", amount_krw=300_000, condition="선정 시",
                    evidence=ev("원가검증 수수료 30만원"))],
        contacts=[Contact(org="중진공", topic="서울", phone="02-2106-7454",
                          evidence=ev("중진공 서울 02-2106-7454"))],
    )
    facts.update(over)
    return Announcement(
        source=Source(path=f"{year}.txt", sha256="0" * 64, format="txt"),
        title=f"{year}년도 공고", announced_on=date(year, 1, 1),
        programs=[Program(name="스마트공장 AS지원사업", key="as", **facts)])  # type: ignore[arg-type]


def test_describe_never_prints_a_dict_or_a_python_literal() -> None:
    assert describe("windows", {"label": None, "tracks": [], "opens": "2023-05-31",
                                "closes": "2023-06-22T18:00:00+09:00", "rolling": True,
                                "until_budget_exhausted": True}) == \
        "2023-05-31 ~ 2023-06-22 18:00 (수시, 예산 소진시까지)"
    assert describe("windows", {"opens": None, "closes": None, "rolling": True}) == "기간 미기재 (수시)" \
        or describe("windows", {"opens": None, "closes": None, "rolling": True}) == "(수시)"
    assert describe("awards", {"count": None, "approx": False, "unit": None}) == "규모 미기재"
    assert describe("windows.closes", "2026-04-24T18:00:00+09:00") == "2026-04-24 18:00"
    assert describe("windows.tracks", []) == "전 유형"
    for name, value in [("contacts", {"org": "중진공", "topic": "서울", "phone": "02-1", "email": None}),
                        ("costs", {"item": "수수료", "amount_krw": 300000, "condition": "선정 시"}),
                        ("evaluation", {"item": "활용", "points": 15.0, "group": "서면"}),
                        ("documents", {"name": "증명원", "submitters": ["도입기업"], "required": True,
                                       "validity_months": 3, "condition": None}),
                        ("unknown", {"a": {"b": [1, 2]}, "c": None}),
                        ("funding", [{"payer": "host", "payer_label": "대기업", "cap_krw": 5,
                                      "share_pct": 40.0, "share_bound": "max"}])]:
        text = describe(name, value)
        assert text and not RAW.search(text), (name, text)


def test_every_fact_kind_added_or_removed_reads_as_text_in_both_reports() -> None:
    empty = rich(2021, tracks=[Track(name="기본", evidence=ev("기본"))], awards=None, windows=[],
                 submission=Submission(), eligibility=[], documents=[], evaluation=[], costs=[],
                 contacts=[])
    full = rich(2023)
    for old, new in ((empty, full), (full, empty)):
        cs = diff(old, new)
        assert {c.kind for c in cs.changes} & {"added", "removed"}
        md, page = to_markdown(cs), to_html(cs)
        for cell in md_cells(md) + html_cells(page):
            assert not RAW.search(cell), cell
    md = to_markdown(diff(empty, full))
    assert "(1차) 2023-03-02 ~ 2023-03-20 18:00" in md
    assert "90개사 내외" in md


def test_one_windows_changes_are_one_row_even_when_its_words_are_the_same() -> None:
    # The same printed words both years (a reprint of the line), with other dates read from it:
    # without grouping, opens / closes / rolling would be three rows quoting the same line.
    quote = ev("2023년 5월 31일(수) ~ 6월 22일(목) 까지, 수시 접수")
    old = rich(2021, windows=[Window(label="1차", opens=date(2021, 1, 22), closes=date(2021, 6, 30),
                                     evidence=quote)])
    new = rich(2023, windows=[Window(label="1차", opens=date(2023, 5, 31), closes=date(2023, 6, 22),
                                     rolling=True, evidence=quote)])
    cs = diff(old, new)
    window_changes = [c for c in cs.changes if c.field.startswith("windows.")]
    assert {c.field for c in window_changes} == {"windows.opens", "windows.closes",
                                                 "windows.rolling"}
    rows = [r for r in rows_of(cs.changes) if any(c.field.startswith("windows") for c in r.changes)]
    assert len(rows) == 1 and rows[0].kind == "changed"
    assert rows[0].labels == ["신청 시작", "신청 마감", "수시접수"]
    assert "2021-01-22" in rows[0].old_text and "2023-05-31" in rows[0].new_text
    md = to_markdown(cs)
    [line] = [ln for ln in md.splitlines() if "신청 시작" in ln]
    assert "신청 시작·마감·수시접수" in line and "~~2021-01-22~~" in line and "**2023-05-31**" in line
    page = to_html(cs)
    assert page.count("2023년 5월 31일(수) ~ 6월 22일(목) 까지") == 2  # once a side, one row


def test_one_windows_changes_with_their_own_printing_are_one_row() -> None:
    old = rich(2021, windows=[Window(opens=date(2021, 1, 22), rolling=True,
                                     until_budget_exhausted=True,
                                     evidence=ev("2021년 1월 22일부터 예산 소진시까지 수시 접수"))])
    new = rich(2023, windows=[Window(opens=date(2023, 3, 27), closes=date(2023, 6, 22),
                                     evidence=ev("2023년 3월 27일 ~ 6월 22일"))])
    cs = diff(old, new)
    assert len([c for c in cs.changes if c.field.startswith("windows.")]) >= 3
    rows = [r for r in rows_of(cs.changes) if any(c.field.startswith("windows") for c in r.changes)]
    assert len(rows) == 1
    assert rows[0].old_text == "2021년 1월 22일부터 예산 소진시까지 수시 접수"
    assert rows[0].new_text == "2023년 3월 27일 ~ 6월 22일"


def test_a_share_row_by_kind_spelt_two_ways_is_one_row() -> None:
    """`대기업, 공기업` (one year) and `대기업,공기업` (the next) are the same row: no change."""
    from gonggo.changes.diff import _kinds
    from gonggo.schemas.announcement import Funding

    a = Funding(payer="government", payer_label="정부지원연구개발비", share_pct=50, share_bound="max",
                applicant_kinds=["대기업, 공기업"])
    b = a.model_copy(update={"applicant_kinds": ["대기업,공기업"]})
    c = a.model_copy(update={"applicant_kinds": ["중견기업"]})
    assert _kinds(a) == _kinds(b) != _kinds(c)
