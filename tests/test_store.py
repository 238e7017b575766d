"""The program history store on SQLite and on PostgreSQL: migrations on first use, `update`
(incremental, pairing editions), approve / reject, `pairs`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import inspect, select, text

from gonggo.store.db import open_engine, sessions, transaction
from gonggo.store.models import Announcement, ChangeSet, Program, RuleConfig
from gonggo.store.queries import pairs
from gonggo.store.review import DecisionError, approve, reject
from gonggo.store.update import update

from .store_support import CORPUS, SUBSET, needs_corpus

TINY = """중소벤처기업부 공고 제{year}-35호

{year}년도 {round}스마트공장 보급사업 공고

「{year}년도 {round}스마트공장 보급사업」을 다음과 같이 공고합니다.

{year}년 3월 2일
중소벤처기업부 장관

1. 지원내용
□ 지원금액: 최대 {cap}억원 이내 (총 사업비의 50% 이내)
□ 지원기간: 6개월 이내

2. 신청자격
□ 중소기업기본법 제2조에 따른 중소기업

3. 신청기간
□ {year}년 3월 2일 ~ {year}년 3월 31일 18:00

4. 제출서류
□ 사업계획서 1부
"""


def test_first_use_migrates(db_url: str) -> None:
    engine = open_engine(db_url)
    tables = set(inspect(engine).get_table_names())
    assert {"announcements", "announcement_paths", "programs", "editions", "rule_configs",
            "change_sets", "failures", "alembic_version"} <= tables
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == "0001"
    open_engine(db_url)  # a second open is a no-op


@needs_corpus
def test_update_pairs_only_related_and_second_run_does_nothing(db_url: str, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for f in SUBSET:
        shutil.copy(CORPUS / f, inputs / Path(f).name)
    (inputs / "sub").mkdir()
    shutil.copy(CORPUS / SUBSET[0], inputs / "sub" / "copy.hwpx")  # same bytes, another path
    out = tmp_path / "out"
    first = update([inputs], db_url, out, jobs=1)
    assert (first.files, first.new, first.failed, first.paired) == (5, 4, [], 4)
    assert (first.unchanged, first.copies) == (0, 1)  # the copy: read once, both paths kept
    found = sessions(open_engine(db_url))
    with found() as s:
        listed = pairs(s)
        assert [(Path(p["old"]["paths"][0]).name, Path(p["new"]["paths"][0]).name)
                for p in listed] == [("motie_industry_talent_hrd_council_2025_gonggo.hwpx",
                                      "motie_industry_talent_training_2026_gonggo.hwpx")]
        pair = listed[0]
        assert pair["score"] >= 0.4 and "사업명 유사도" in pair["why"]
        assert (out / pair["report_md"]).read_text(encoding="utf-8").count("|") > 10
        assert "<table" in (out / pair["report_html"]).read_text(encoding="utf-8")
        assert isinstance(json.loads((out / pair["patch"]).read_text(encoding="utf-8")), list)
        names = s.scalars(select(Announcement.name)).all()
        assert len(set(names)) == 4 and all(n.split("_")[-1].isalnum() for n in names)
        copies = s.scalar(select(Announcement).where(Announcement.sha256 == pair["old"]["sha256"]))
        assert copies is not None and len(copies.paths) == 2
        statuses = sorted(s.scalars(select(ChangeSet.status)).all())
        assert statuses == ["new", "new", "new", "to_review"]
    second = update([inputs], db_url, out, jobs=1)
    assert not second.did_work and second.new == 0 and second.unchanged == 5


def tiny(folder: Path, name: str, year: int, round_: int | None = None, cap: int = 1) -> Path:
    """A one-program announcement (text) of a given year, 차 and cap."""
    path = folder / name
    path.write_text(TINY.format(year=year, round=f"제{round_}차 " if round_ else "", cap=cap),
                    encoding="utf-8")
    return path


def test_rounds_of_one_year_pair_and_a_later_edition_is_never_old(db_url: str,
                                                                  tmp_path: Path) -> None:
    first = tiny(tmp_path, "r1.txt", 2021, 1)
    second = tiny(tmp_path, "r2.txt", 2021, 2, cap=2)
    out = tmp_path / "out"
    # the 2차 arrives first: the 1차 that follows must not take it as its previous edition;
    # it becomes the 2차's previous edition instead
    update([second], db_url, out)
    update([first], db_url, out)
    with sessions(open_engine(db_url))() as s:
        [p] = pairs(s)
        assert (p["old"]["round"], p["new"]["round"]) == (1, 2) and p["status"] == "to_review"
        assert "1억원" in (out / p["report_md"]).read_text(encoding="utf-8")
    fresh = f"sqlite:///{tmp_path / 'both.db'}"
    update([first, second], fresh, out)
    with sessions(open_engine(fresh))() as s:
        [p] = pairs(s)
        assert (p["old"]["round"], p["new"]["round"]) == (1, 2)
        assert "1억원" in (out / p["report_md"]).read_text(encoding="utf-8")
        assert p["old"]["year"] == p["new"]["year"] == 2021


def test_approve_sets_the_config_and_keeps_history(db_url: str, tmp_path: Path) -> None:
    a = tiny(tmp_path, "a.txt", 2021)
    b = tiny(tmp_path, "b.txt", 2022, cap=2)
    update([a, b], db_url, tmp_path / "out")
    factory = sessions(open_engine(db_url))
    with transaction(factory) as s:
        first, second = s.scalars(select(ChangeSet).order_by(ChangeSet.id)).all()
        assert (first.status, second.status) == ("new", "to_review")
        approve(s, first.id, "김담당", "2021 기준 설정")
    with transaction(factory) as s:
        program = s.get(Program, first.program_id)
        assert program is not None and program.approved_config_id == first.proposed_config_id
        try:
            approve(s, first.id, "김담당")
            raise AssertionError("a decided change set was decided twice")
        except DecisionError:
            pass
        approve(s, second.id, "이과장", "2022 공고 반영")
    with factory() as s:
        program = s.get(Program, first.program_id)
        assert program is not None and program.approved_config_id == second.proposed_config_id
        history = s.scalars(select(RuleConfig).where(RuleConfig.program_id == program.id)
                            .order_by(RuleConfig.id)).all()
        assert [(c.status, c.decided_by) for c in history] == [("superseded", "김담당"),
                                                               ("approved", "이과장")]
        assert history[1].reason == "2022 공고 반영" and history[1].decided_at is not None


def test_reject_keeps_the_approved_config(db_url: str, tmp_path: Path) -> None:
    a = tiny(tmp_path, "a.txt", 2021)
    b = tiny(tmp_path, "b.txt", 2022, cap=2)
    update([a, b], db_url, tmp_path / "out")
    factory = sessions(open_engine(db_url))
    with transaction(factory) as s:
        first, second = s.scalars(select(ChangeSet).order_by(ChangeSet.id)).all()
        approve(s, first.id, "김담당")
        reject(s, second.id, "이과장", "금액 오추출")
    with factory() as s:
        program = s.get(Program, first.program_id)
        assert program is not None and program.approved_config_id == first.proposed_config_id
        cs = s.get(ChangeSet, second.id)
        assert cs is not None and (cs.status, cs.decided_by, cs.reason) == (
            "rejected", "이과장", "금액 오추출")
