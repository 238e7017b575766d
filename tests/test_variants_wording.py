"""Metamorphic tests, second family (`gonggo/eval/variants_wording.py`): a section heading spelled
the way another real announcement spells its facet yields the same facts."""

from __future__ import annotations

from functools import reduce
from pathlib import Path

import pytest

from gonggo.eval.variants import compare_facts, facts
from gonggo.eval.variants_wording import BY_NAME, SEEN, WORDING_VARIANTS, heading_pattern
from gonggo.pipeline import parse

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"


def _facts(path: Path, text: str) -> object:
    path.write_text(text, encoding="utf-8")
    return facts(parse(path).spec.model_dump(mode="json"))


def test_every_wording_has_a_variant_and_a_source() -> None:
    from gonggo.eval.variants_wording import LEAD_INS

    assert len(WORDING_VARIANTS) == sum(len(w) for w in SEEN.values()) + len(LEAD_INS)
    assert all(where for words in SEEN.values() for where in words.values())


def test_an_exclusions_heading_as_its_lead_in_sentence() -> None:
    text = "□ 지원제외 대상\n- 휴·폐업중인 기업\n◦ (지원제외 대상) 휴·폐업중인 기업\n□ 신청자격\n"
    got = BY_NAME["heading_exclusions_lead_in_mois"].apply(text)
    # the heading alone on its line only; a label with its content stays
    assert got == text.replace("□ 지원제외 대상", "□ 다음의 경우는 지원대상에서 제외될 수 있음", 1)


def test_a_heading_rewrite_changes_only_the_words_of_headings() -> None:
    text = ("□ 제출서류\n◦ (제출서류) 사업계획서 1부\n- 제출 서류 : 신청서\n"
            "온라인 사업신청(제출서류 업로드)\n* 제출서류 양식은 홈페이지에서 다운로드\n"
            "구분\t제출서류\n□ 신청기간 및 방법\n")
    got = BY_NAME["heading_documents_필요서류"].apply(text)
    assert got == ("□ 필요서류\n◦ (필요서류) 사업계획서 1부\n- 필요서류 : 신청서\n"
                   "온라인 사업신청(제출서류 업로드)\n* 제출서류 양식은 홈페이지에서 다운로드\n"
                   "구분\t필요서류\n□ 신청기간 및 방법\n")
    # a longer wording is one heading, not a shorter one and a rest
    assert heading_pattern("exclusions").search("□ 지원제외 대상\n")["w"] == "지원제외 대상"
    assert BY_NAME["heading_windows_공모기간"].apply("◦ (신청기간) 2025. 3. 4.\n") == "◦ (공모기간) 2025. 3. 4.\n"


# A bare title line over a line of names, under another facet's heading (seed 002's last
# programs): every real prefix of `…서류` names the list.
_BARE = ("□ 신청기간 및 방법\n\n◦ (신청기간) 2021년 4월 1일(목)부터 예산 소진시까지 수시 접수\n\n{w}\n\n"
         "사업신청서, 개인·기업정보활용 동의서, 국세 및 지방세 완납증명서\n"
         " ◦ (신청방법) 온라인 접수\n")


@pytest.mark.parametrize("wording", sorted(SEEN["documents"]))
def test_a_bare_documents_title_in_every_real_wording(wording: str, tmp_path: Path) -> None:
    path = tmp_path / "bare.txt"
    path.write_text(_BARE.format(w=wording), encoding="utf-8")
    names = [d.name for p in parse(path).spec.programs for d in p.documents]
    assert names == ["사업신청서", "개인·기업정보활용 동의서", "국세 및 지방세 완납증명서"]


# Heading rewrites one seed must survive, one after the other (one parse): each broke a fact
# before its family read the wording.
CHAIN = ["heading_documents_필요서류",    # `필요서류` over a line of names (seed 002: 3 documents)
         "heading_duration_수행기간",      # `◦ (수행기간)` sections (seed 002: 8 durations)
         "heading_exclusions_결격사유", "heading_windows_공모기간", "heading_contacts_담당자"]


def test_seed_facts_survive_heading_rewrites(tmp_path: Path) -> None:
    seed = SEEDS / "002_34b7be75f7e38256.txt"
    text = seed.read_text(encoding="utf-8")
    variant = reduce(lambda t, name: BY_NAME[name].apply(t), CHAIN, text)
    assert variant != text
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    before = _facts(tmp_path / "a" / seed.name, text)
    after = _facts(tmp_path / "b" / seed.name, variant)
    lost, gained = compare_facts(before, after)  # type: ignore[arg-type]
    assert not lost and not gained, f"lost {lost}\ngained {gained}"


# A project-period section in every real wording of the period: its bare month count is the
# period (수행기간, 연구기간, 연구개발기간 were read only as labels, not as sections).
@pytest.mark.parametrize("wording", sorted(SEEN["duration"]))
def test_a_period_section_in_every_real_wording(wording: str, tmp_path: Path) -> None:
    path = tmp_path / "period.txt"
    path.write_text(f"□ 지원내용\n\n○ 기업당 최대 5천만원\n\n□ {wording}\n\n○ 협약일로부터 6개월\n",
                    encoding="utf-8")
    tracks = [t for p in parse(path).spec.programs for t in p.tracks]
    assert [t.duration_months for t in tracks] == [6]
    assert [f.cap_krw for t in tracks for f in t.funding] == [50_000_000]


# Lead phrases of a cap, a share and a period in the spellings real announcements use: the
# same value whichever (`연간 5천만원 내외` is approximate: no cap, precision first).
LEADS = [("지원금액 : 기업당 최대 5천만원", 50_000_000, None, None),
         ("지원금액 : 1개사당 5천만원 한도", 50_000_000, None, None),
         ("지원금액 : 5천만원/개사", 50_000_000, None, None),
         ("지원금액 : 과제당 5천만원 이내", 50_000_000, None, None),
         ("지원규모 : 연간 5천만원 내외", None, None, None),
         ("정부지원금 : 총사업비의 70% 이내", None, 70.0, None),
         ("정부지원금은 총사업비의 70% 이하", None, 70.0, None),
         ("지원기간 : 협약일로부터 6개월", None, None, 6),
         ("연구개발기간 : 협약시작일로부터 6개월 이내", None, None, 6)]


@pytest.mark.parametrize(("phrase", "cap", "share", "months"), LEADS, ids=[p for p, *_ in LEADS])
def test_lead_phrases_in_their_real_spellings(phrase: str, cap: int | None, share: float | None,
                                              months: int | None, tmp_path: Path) -> None:
    path = tmp_path / "lead.txt"
    path.write_text(f"□ 지원내용\n\n◦ {phrase}\n", encoding="utf-8")
    tracks = [t for p in parse(path).spec.programs for t in p.tracks]
    funding = [f for t in tracks for f in t.funding]
    assert [f.cap_krw for f in funding if f.cap_krw is not None] == ([cap] if cap else [])
    assert [f.share_pct for f in funding if f.share_pct is not None] == ([share] if share else [])
    assert [t.duration_months for t in tracks if t.duration_months] == ([months] if months else [])
