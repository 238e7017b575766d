"""Layout variants (`gonggo/eval/variants_layout.py`): the same list in the other layouts
real announcements print (numbered otherwise, a table, one inline line, notes between
items) yields the same facts; each rewrite keeps the list it rewrites."""

from __future__ import annotations

from functools import reduce
from pathlib import Path

import pytest

from gonggo.eval.variants_layout import BY_NAME, runs
from gonggo.pipeline import parse
from gonggo.reading.items import entry_ordinal
from tests.variants_support import lost_gained
from tests.variants_support import seed_text as _seed

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"




# Layout rewrites every seed must survive, one after the other on one text (one parse per seed).
# Not yet: `list_table` (seed 002's `□ 지원조건` lines as a `연번 | 지원조건` table lose their
# shares), `list_hangul` (`가.` entries under a caption inside a `◦` item leave its subtree),
# `list_inline_comma` (exclusions inline: a comma may sit inside one clause).
CHAIN = ["list_inline_arrow", "list_paren_number", "list_notes", "table_key_lines"]


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")), ids=lambda n: n[:3])
def test_seed_facts_survive_the_layout_variants(seed: str, tmp_path: Path) -> None:
    text = _seed(seed)
    new = reduce(lambda t, name: BY_NAME[name].apply(t), CHAIN, text)
    assert new != text
    lost, gained = lost_gained(text, new, tmp_path, seed)
    assert not lost and not gained, f"lost {lost}\ngained {gained}"


# A documents list under a tagged title (mafra_smartfarm_multi_ministry_rnd_2021, dev), in the
# layouts other announcements print it in.
TAGGED = "<별첨 서식> 공통 제출자료\n"
NAMES = ["신청 자격의 적정성 확인서", "개인정보 제공 및 활용 동의서", "기업참여의사 확인서"]
LAYOUTS = {
    "numbered": "".join(f"{k + 1}) {n}\n" for k, n in enumerate(NAMES)),
    "hangul": "".join(f"{'가나다'[k]}. {n}\n" for k, n in enumerate(NAMES)),
    "dash": "".join(f"- {n}\n" for n in NAMES),
    "notes": "".join(f"{k + 1}) {n}\n  ※ 세부 사항은 붙임 참조\n" for k, n in enumerate(NAMES)),
    "table": "연번\t제출서류\n" + "".join(f"{k + 1}\t{n}\n" for k, n in enumerate(NAMES)),
    "inline": ", ".join(NAMES) + "\n",
    "arrow": "".join(f"▷ {n} " for n in NAMES).rstrip() + "\n",
    # one numbered line naming them all (`1) a, b, c`; dev mafra_smartfarm 2021 as list_inline_comma)
    "numbered_inline": "1) " + ", ".join(NAMES) + "\n",
    # a table a PDF printed as lines (dev mafra 2025 / smartfarm 2021 as list_flat_table)
    "flat_table": "연번 제출서류\n" + "".join(f"{k + 1} {n}\n" for k, n in enumerate(NAMES)),
    # the table runs on into the first form's `[별첨 1]\t` row (dev mafra 2025 as list_table)
    "table_into_form": "연번\t내용\n" + "".join(f"{k + 1}\t{n}\n" for k, n in enumerate(NAMES))
                       + "[별첨 1]\t\n",
}
PREAMBLE = ("농림축산식품부 공고 제2025-101호\n2025년 스마트팜 다부처패키지 혁신기술개발사업 신규과제 공고\n"
            "□ 사업 개요\n○ 지원 분야 : 스마트팜\n○ 지원 규모 : 과제당 연간 5억원 이내\n"
            "□ 신청기간 : 2025. 3. 4.(화) ~ 3. 20.(목) 18:00까지\n□ 신청 방법 : 온라인 접수\n")


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_tagged_documents_list_in_every_layout(layout: str, tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(PREAMBLE + TAGGED + LAYOUTS[layout] + "- 31 -\n[별첨 1]\n", encoding="utf-8")
    result = parse(path)
    spec = result.spec
    names = [d.name for p in spec.programs for d in p.documents]
    assert sorted(names) == sorted(NAMES), names
    text = result.document.text
    for p in spec.programs:
        for d in p.documents:
            assert all(text[e.start:e.end] == e.quote for e in d.evidence)


def test_a_long_inline_line_is_no_list(tmp_path: Path) -> None:
    # a sentence with commas under the title is not a list of names (negative)
    path = tmp_path / "doc.txt"
    path.write_text(PREAMBLE + TAGGED + "제출자료는 주관기관 직인 날인 후, 온라인으로 제출하여야 하며, 누락 시 "
                    "불이익은 신청기관에 있음\n", encoding="utf-8")
    assert [d.name for p in parse(path).spec.programs for d in p.documents] == []


# --- the rewrites themselves ------------------------------------------------------------

SAMPLE = """□ 지원제외 대상
○ 다음에 해당하는 경우 지원 제외
- 휴·폐업중인 기업
- 국세 및 지방세 체납 중인 기업
□ 제출서류
○ 제출서류
- 사업계획서 1부
  ※ 세부 사항은 붙임 참조
- 재무제표 1부
‧ 휴·폐업중인 기업 ‧ 유흥·향락업, 숙박·음식점
‧ 국세 및 지방세 체납 중인 기업 ‧ 불건전 오락용품 제조업
○ 사업 내용
- 시제품 제작 지원
- 마케팅 지원
  - 국내 전시회
"""


def test_runs_are_whole_groups_of_leaves() -> None:
    found = runs(SAMPLE.split("\n"))
    # the first group only: the second has a note under an item, the side-by-side `‧` lines
    # hold two items each, the last has a child under its last item
    assert [r.bodies for r in found] == [["휴·폐업중인 기업", "국세 및 지방세 체납 중인 기업"]]


def test_rewrites_keep_each_item() -> None:
    table = BY_NAME["list_table"].apply(SAMPLE)
    assert "연번\t다음에 해당하는 경우 지원 제외" not in table  # a sentence is no label
    assert "1\t휴·폐업중인 기업\n2\t국세 및 지방세 체납 중인 기업" in table
    assert "- 휴·폐업중인 기업, 국세 및 지방세 체납 중인 기업" in BY_NAME["list_inline_comma"].apply(SAMPLE)
    # `가.` numbers a section's entries, not a bullet's children
    assert "가. " not in BY_NAME["list_hangul"].apply(SAMPLE)
    assert "가. 휴·폐업중인 기업\n나. 국세" in BY_NAME["list_hangul"].apply(SAMPLE.replace("○ 다음에 해당하는 경우 지원 제외", "〈 지원 제외 〉"))
    assert "① 휴·폐업중인 기업\n② 국세" in BY_NAME["list_circled"].apply(SAMPLE)


@pytest.mark.parametrize(("line", "want"), [
    ("1) 신청서", ("n)", 1)), ("(2) 확인서", ("(n)", 2)), ("다. 동의서", ("h.", 3)),
    ("② 사본", ("c", 2)), ("가) 확인서", ("h)", 1)), ("2025. 3. 4. 접수", None), ("- 신청서", None),
])
def test_entry_ordinal(line: str, want: tuple[str, int] | None) -> None:
    assert entry_ordinal(line) == want


# `〈 지원제외 대상 〉` over its entries (ulju_youth_culture_project_2025, dev): bullets as
# printed, or `가.` / `1.` numberings, which the outline ranks as headings.
EXCLUDED = ["신청자가 개인, 공공기관, 정부·지방자치단체의 투자·출연·출자기관, 종교단체인 경우",
            "문화예술, 지역문화, 생활문화와 관계가 없는 활동",
            "영리 행위를 목적으로 사업을 진행하는 경우"]
MARKS = {"bullets": ["▪ "] * 3, "hangul": ["가. ", "나. ", "다. "], "numbers": ["1. ", "2. ", "3. "]}


@pytest.mark.parametrize("marks", list(MARKS))
def test_a_caption_owns_its_numbered_entries(marks: str, tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(PREAMBLE + "□ 공모 세부내용\n- 활동장소: 울주군 12개 읍·면\n"
                    "〈 지원제외 대상 〉\n" + "".join(m + c + "\n" for m, c in zip(MARKS[marks], EXCLUDED, strict=True))
                    + "□ 제출서류\n- 지원신청서 1부\n", encoding="utf-8")
    got = [c.text for p in parse(path).spec.programs for c in p.exclusions]
    assert got == EXCLUDED


def test_a_numbered_table_row_is_data_not_a_head(tmp_path: Path) -> None:
    # kised_dodak_2025 (sample) `∙추가 지원사업비 : … 기본 지원사업비의 최대 50%를 …` lines printed as a
    # `연번 | 내용` table: row 1 was read as a second head row, its `정부지원사업비` a payer column,
    # and the 50% under it the state's share (negative: no share from these rows)
    path = tmp_path / "doc.txt"
    path.write_text(PREAMBLE + "□ 지원내용 : 사업화 자금 최대 3억원\n연번\t내용\n"
                    "1\t기본 지원사업비 : 창업기업이 일반형 선정 시 배정받은 정부지원사업비\n"
                    "2\t추가 지원사업비 : 성공환원형에 선정된 창업기업을 대상으로 기본 지원사업비의 최대 50%를 추가로 "
                    "지원하는 정부지원사업비\n", encoding="utf-8")
    shares = [f.share_pct for p in parse(path).spec.programs for t in p.tracks for f in t.funding
              if f.share_pct is not None]
    assert 50 not in shares
