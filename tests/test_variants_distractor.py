"""Distractor variants (`gonggo/eval/variants_distractor.py`): a real line that looks like a
fact but is none, inserted next to the section of the fact it imitates, adds no fact."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import regex

from gonggo.eval.score import similarity
from gonggo.eval.variants import compare_facts, facts
from gonggo.eval.variants_distractor import BY_NAME, DISTRACTORS, KINDS, NEAR, insert_near
from gonggo.pipeline import parse
from gonggo.vocab.money import find_amounts

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"


@cache
def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def _facts(text: str, tmp: Path, name: str) -> object:
    tmp.mkdir(exist_ok=True)
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return facts(parse(path).spec.model_dump(mode="json"))


def _gold(source: str) -> dict:
    if source.startswith("seed "):
        return json.loads(next((ROOT / "corpus" / "gold").glob(source.split()[1] + "_*.json")).read_text())
    return json.loads((ROOT / "corpus" / "field" / "gold" / f"{source}.json").read_text())


PERCENT = regex.compile(r"(\d+(?:\.\d+)?)\s?%")
MONTHS = regex.compile(r"(?:(\d+)\s?년\s?)?(\d+)\s?개월|(\d+)\s?년(?!도)")


def test_every_class_has_distractors_and_a_place() -> None:
    assert set(KINDS) == {d.kind for d in DISTRACTORS} == set(NEAR)
    assert all(d.source for d in DISTRACTORS)


@pytest.mark.parametrize("d", DISTRACTORS, ids=lambda d: f"{d.kind}:{d.line[:12]}")
def test_a_distractor_states_no_fact_of_its_source(d) -> None:  # type: ignore[no-untyped-def]
    """The line's amounts, shares and periods are no cap, share or duration of the document
    it was copied from (gold); a seed's line is printed in the seed."""
    if d.source.startswith("seed "):
        flat = regex.sub(r"\s+", " ", _seed(d.source.split()[1]).read_text(encoding="utf-8"))
        assert regex.sub(r"\s+", " ", d.line) in flat
    gold = _gold(d.source)
    caps, shares, months = set(), set(), set()
    for p in gold.get("programs") or []:
        for t in p.get("tracks") or []:
            months |= {t.get("duration_months"), t.get("extension_months")} - {None}
            for f in t.get("funding") or []:
                caps |= {f.get("cap_krw")} - {None}
                shares |= {float(f["share_pct"])} if f.get("share_pct") is not None else set()
    clauses = [c["text"] for p in gold.get("programs") or [] for c in p.get("exclusions") or []]
    clauses += [c["name"] for p in gold.get("programs") or [] for c in p.get("documents") or []]
    assert max((similarity(d.line, c) for c in clauses), default=0.0) < 0.5, "a clause of its source"
    said_months = {int(m[1] or 0) * 12 + int(m[2]) if m[2] else int(m[3]) * 12 for m in MONTHS.finditer(d.line)}
    assert not {a.krw for a in find_amounts(d.line)} & caps
    assert not {float(m[1]) for m in PERCENT.finditer(d.line)} & shares
    assert not said_months & months


def test_an_insert_lands_beside_the_items_of_a_section() -> None:
    text = "□ 지원제외 대상\n- 휴·폐업중인 기업\n- 국세 체납 기업\n□ 신청기간 : 2025. 3. 4. ~ 3. 20.\n구분\t내용\n"
    got = insert_near("exclusion_note")(text).split("\n")
    # between the first and the second item, the note keeping its own mark
    assert got[1] == "- 휴·폐업중인 기업"
    assert got[2].startswith("※ 접수규모가")
    assert got[-4] == "- 국세 체납 기업" or "- 국세 체납 기업" in got
    # never inside a table, nor between a line and the table it leads
    assert BY_NAME["distractor_briefing"].apply("□ 신청기간\n구분\t기간\n1차\t3. 4.\n") == (
        "□ 신청기간\n구분\t기간\n1차\t3. 4.\n- 사업설명회 : ’26. 1. 16. (금), 온라인* 게시 예정\n")


PREAMBLE = ("중소벤처기업부 공고 제2025-101호\n2025년 창업성장 지원사업 공고\n"
            "□ 지원내용 : 과제당 최대 1억원 (총사업비의 70% 이하)\n"
            "□ 사업기간 : 협약일 ~ 2025. 12. 31.\n{line}\n"
            "□ 신청기간 : 2025. 3. 4.(화) ~ 3. 20.(목) 18:00까지\n")


@pytest.mark.parametrize("line", [
    "- 미수상작은 경진대회 결과 발표일로부터 6개월 이내에 모두 폐기함",  # kspo_public_data_contest_2023
    "- 연간(12개월 기준) 정부출연금 1억 원 미만 과제를 신청하는 경우",  # mafra_high_value_food_rnd_2025
])
def test_a_count_under_the_period_heading_that_is_no_period(line: str, tmp_path: Path) -> None:
    # the period printed as dates only: the count under it was read as the months
    path = tmp_path / "doc.txt"
    path.write_text(PREAMBLE.format(line=line), encoding="utf-8")
    assert [t.duration_months for p in parse(path).spec.programs for t in p.tracks] == [None]


# Distractor classes one seed must survive (one parse each side): each gained a fact before
# its class was fixed (an evaluation's days read as the application window).
@pytest.mark.parametrize("seed", ["000", "004"])
def test_seed_facts_survive_the_distractors(seed: str, tmp_path: Path) -> None:
    text = _seed(seed).read_text(encoding="utf-8")
    new = BY_NAME["distractor_period_after_event"].apply(BY_NAME["distractor_evaluation_schedule"].apply(text))
    assert new != text
    lost, gained = compare_facts(_facts(text, tmp_path / "a", "seed.txt"),  # type: ignore[arg-type]
                                 _facts(new, tmp_path / "b", "seed.txt"))  # type: ignore[arg-type]
    assert not gained, f"gained {gained}"
    assert not lost, f"lost {lost}"


def test_an_instruction_between_exclusion_items_is_no_exclusion(tmp_path: Path) -> None:
    # mafra_smartfarm_multi_ministry_rnd_2021 (dev) prints this under a document; under an
    # exclusion heading it was read as one more exclusion
    doc = PREAMBLE.format(line="") + ("□ 지원제외 대상\n- 휴·폐업중인 기업\n"
                                      "- 3천만 원 이상의 연구시설･장비를 구입하려는 경우에만 제출\n"
                                      "- 국세 및 지방세 체납 중인 기업\n□ 문의처 : 02-123-4567\n")
    path = tmp_path / "doc.txt"
    path.write_text(doc, encoding="utf-8")
    got = [c.text for p in parse(path).spec.programs for c in p.exclusions]
    assert got == ["휴·폐업중인 기업", "국세 및 지방세 체납 중인 기업"]
