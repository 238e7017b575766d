"""Variants of how other announcements print windows, the header and lists (issue 13): each
rewrite keeps what it rewrites, and the readers read the rewritten forms the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gonggo.eval.variants import BY_NAME
from gonggo.eval.variants_layout import BY_NAME as LAYOUT
from gonggo.extractors.header import corpus_value as header_value
from gonggo.extractors.windows import corpus_value as window_value
from gonggo.vocab.dates import find_dates
from tests.variants_support import parse_text

# real period lines of dev texts (mafra_high_value_food_rnd_2025, knpa_policelab_rnd_2026,
# mois_regional_disaster_rnd_2025, ulju_culture_delivery_2025, seed 002)
PERIODS = [
    "□ 접수 기간 : 2025. 2. 10.(월) ∼ 2. 17.(월), 16:00:00 까지",
    "접수 기간\t2026. 1. 26.(월) ~ 2026. 2. 9.(월) 11:00",
    "○ 전산신청기간 : 2025년 2월 11일(화) 09:00 ~ 3월 6일(목) 18:00까지",
    "사전 신청기간\t2025. 2. 4.(화) ~ 2. 27.(목)",
    "◦ (신청기간) 2021년 1월 22일(금)부터 2월 25일(목) 17시까지",
]
WINDOW_VARIANTS = ["dates_right_year", "dates_right_no_year", "dates_iso", "dates_no_weekday",
                   "range_words"]


@pytest.mark.parametrize("name", WINDOW_VARIANTS)
def test_window_rewrites_keep_every_date_and_window(name: str) -> None:
    changed = 0
    for line in PERIODS:
        new = BY_NAME[name].apply(line)
        changed += new != line
        ref = date(2025, 2, 1)
        assert [m.value for m in find_dates(new, ref)] == [m.value for m in find_dates(line, ref)], new
        assert window_value(new) == window_value(line), new
    assert changed, name


def test_window_rewrites_as_printed() -> None:
    assert BY_NAME["dates_right_year"].apply(PERIODS[0]).startswith(
        "□ 접수 기간 : 2025. 2. 10.(월) ∼ 2025. 2. 17.(월)")
    assert BY_NAME["dates_right_no_year"].apply(PERIODS[1]) == "접수 기간\t2026. 1. 26.(월) ~ 2. 9.(월) 11:00"
    assert BY_NAME["dates_iso"].apply(PERIODS[3]) == "사전 신청기간\t2025-02-04(화) ~ 2025-02-27(목)"
    assert BY_NAME["range_words"].apply(PERIODS[2]) == (
        "○ 전산신청기간 : 2025년 2월 11일(화) 09:00부터 3월 6일(목) 18:00까지")
    # a year-end range takes the next year on its right end
    assert BY_NAME["dates_right_year"].apply("2025. 12. 20. ~ 1. 10.") == "2025. 12. 20. ~ 2026. 1. 10."


@pytest.mark.parametrize(("name", "line", "want"), [
    ("notice_en_dash", "중소벤처기업부 공고 제2026-135호", "중소벤처기업부 공고 제2026–135호"),
    ("notice_spaced", "농림축산식품부 공고 제2021-86호", "농림축산식품부 공고 제 2021-86호"),
    ("signer_spacing", "중소벤처기업부장관", "중소벤처기업부 장관"),
    ("signer_spacing", "중소벤처기업부 장관", "중소벤처기업부장관"),
])
def test_header_rewrites_read_the_same(name: str, line: str, want: str) -> None:
    new = BY_NAME[name].apply(line)
    assert new == want
    key = "issuer" if name.startswith("signer") else "notice_no"
    assert header_value(new) == {key: want}


LIST = "□ 지원제외 대상\n- 휴·폐업중인 기업\n- 국세 및 지방세 체납 중인 기업\n- 유흥·향락업, 숙박·음식점\n□ 제출서류\n"


def test_a_page_break_lands_inside_a_list_once() -> None:
    new = LAYOUT["list_page_break"].apply(LIST)
    assert new == LIST.replace("- 국세", "- 7 -\n- 국세")
    # two items: no page break
    two = "□ 지원제외 대상\n- 휴·폐업중인 기업\n- 국세 및 지방세 체납 중인 기업\n□ 제출서류\n"
    assert LAYOUT["list_page_break"].apply(two) == two


TITLE = "2025년 스마트공장 지원사업 공고"
PREAMBLE = (f"중소벤처기업부 공고 제2025-10호\n{TITLE}\n□ 지원내용\n○ 기업당 최대 5천만원\n"
            "□ 신청기간 : 2025. 3. 4.(화) ~ 3. 20.(목) 18:00까지\n")
EXCLUDED = ["휴·폐업중인 기업", "국세 및 지방세 체납 중인 기업", "유흥·향락업, 숙박·음식점"]  # seed 002
LAYOUTS = {
    "bullets": "□ 지원제외 대상\n" + "".join(f"- {c}\n" for c in EXCLUDED),
    "page_break": "□ 지원제외 대상\n" + f"- {EXCLUDED[0]}\n- 7 -\n" + "".join(f"- {c}\n" for c in EXCLUDED[1:]),
    # a PDF text's page number between bullets of a lower rank than `-` (seed 002's `‧` items)
    "page_break_under_lead_in": "□ 지원제외 대상\n○ 다음 부적격 사항에 해당하는 경우 지원대상에서 제외\n"
                                + f"‧ {EXCLUDED[0]}\n‧ {EXCLUDED[1]}\n- 7 -\n‧ {EXCLUDED[2]}\n",
    # a `-` line of another list (mafra_smartfarm_multi_ministry_rnd_2021's equipment note, the
    # distractor `threshold`) over circled items: `-` does not hold `①`, they are the heading's
    "dash_over_circled": "□ 지원제외 대상\n- 3천만 원 이상의 연구시설･장비를 구입하려는 경우에만 제출\n"
                         + "".join(f"{'①②③'[k]} {c}\n" for k, c in enumerate(EXCLUDED)),
    # a table a PDF printed as lines, under the heading or under a lead-in item
    "flat_table": "□ 지원제외 대상\n연번 내용\n" + "".join(f"{k + 1} {c}\n" for k, c in enumerate(EXCLUDED)),
    "flat_table_lead_in": "□ 지원제외 대상\n○ 다음 부적격 사항에 해당하는 경우 지원대상에서 제외\n연번 내용\n"
                          + "".join(f"{k + 1} {c}\n" for k, c in enumerate(EXCLUDED)),
    # a PDF text's page numbers with the running title under them, inside a bulleted and a
    # numbered list (`ingest.text`: footer and header blocks, as the PDF reader makes them)
    "page_break_running_title": "□ 지원제외 대상\n" + f"- {EXCLUDED[0]}\n- 7 -\n{TITLE}\n- {EXCLUDED[1]}\n"
                                + f"- 8 -\n{TITLE}\n- {EXCLUDED[2]}\n",
    "numbered_page_break_running_title": "□ 지원제외 대상\n" + f"① {EXCLUDED[0]}\n– 7 –\n{TITLE}\n"
                                         + f"② {EXCLUDED[1]}\n- 8 -\n{TITLE}\n③ {EXCLUDED[2]}\n",
    # a lead-in item under the eligibility heading, its list the exclusions (no heading of its own)
    "lead_in_under_eligibility": "□ 신청자격\n○ 공고일 기준 중소기업기본법 제2조에 따른 중소기업\n"
                                 + "○ 다음 각 호에 해당하는 자는 신청할 수 없음\n" + "".join(f"- {c}\n" for c in EXCLUDED),
    # numbered items, a lead-in over a numbered list, then `○` items (suwon_carbon_neutral_livinglab_2026)
    "circled_then_items": "□ 지원제외 대상\n" + "".join(f"{'①②'[k]} {c}\n" for k, c in enumerate(EXCLUDED[:2]))
                          + "③ 아래 사전 지원제외 대상에 해당되는 경우(기업)\n【 검토 기준 】\n1. 기업의 부도\n"
                          + "2. 최근 결산 기준 완전 자본 잠식 기업\n" + f"○ {EXCLUDED[2]}\n",
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_an_exclusion_list_in_every_layout(layout: str, tmp_path: Path) -> None:
    result = parse_text(PREAMBLE + LAYOUTS[layout] + "□ 제출서류\n- 사업계획서 1부\n", tmp_path)
    got = [c.text for p in result.spec.programs for c in p.exclusions]
    want = EXCLUDED if layout != "circled_then_items" else [
        *EXCLUDED[:2], "기업의 부도", "최근 결산 기준 완전 자본 잠식 기업", EXCLUDED[2]]
    assert got == want
    text = result.document.text
    assert all(text[e.start:e.end] == e.quote for p in result.spec.programs for c in p.exclusions
               for e in c.evidence)


# an item under 신청자격 that takes applicants out in one sentence (msit_global_training_master_2025
# prints it labelled `▪(제한사항) 동일 사업을 통해 지원받은 이력이 있는 연구자는 신청 불가`; here without
# its label, as the standard R&D restriction paragraph is printed under the conditions)
ELIGIBILITY = ("□ 신청자격\n○ 공고일 기준 중소기업기본법 제2조에 따른 중소기업\n"
               "○ 동일 사업을 통해 지원받은 이력이 있는 연구자는 신청 불가\n"
               "○ 접수마감일 현재 주관연구개발기관 등이 기업의 부도, 국세·지방세 체납, 채무불이행자 등록에 "
               "해당하는 경우 신청 불가\n○ 예비창업자도 신청 가능\n")


def test_an_excluding_item_under_eligibility_is_an_exclusion(tmp_path: Path) -> None:
    (program,) = parse_text(PREAMBLE + ELIGIBILITY + "□ 제출서류\n- 사업계획서 1부\n", tmp_path).spec.programs
    assert [c.text for c in program.exclusions] == [
        "동일 사업을 통해 지원받은 이력이 있는 연구자는 신청 불가",
        "접수마감일 현재 주관연구개발기관 등이 기업의 부도, 국세·지방세 체납, 채무불이행자 등록에 해당하는 경우 신청 불가"]
    assert [c.text for c in program.eligibility] == ["공고일 기준 중소기업기본법 제2조에 따른 중소기업",
                                                     "예비창업자도 신청 가능"]


def test_docs_name_head_rewrites_only_the_name_head() -> None:
    # the head rows of mois_regional_disaster_rnd_2025 and suwon_carbon_neutral_livinglab_2026
    from gonggo.eval.variants_docs import BY_NAME as DOCS
    form, sub = DOCS["docs_head_form_name"].apply, DOCS["docs_head_submission"].apply
    assert form("번호\t서 류 명\t대상기관 및 비고") == "번호\t양식명\t대상기관 및 비고"
    assert sub("구분\t제출서류\t용도\t비 고") == "구분\t제출물\t용도\t비 고"
    assert sub("□ 제출서류") == "□ 제출서류"  # a heading, no table head
    assert sub("1\t제출서류\t") == "1\t제출서류\t"  # no other column's head beside it


def test_docs_polite_upload_keeps_names() -> None:
    # an entry of mafra_smartfarm_multi_ministry_rnd_2025 with a polite instruction after a colon:
    # the rewrite appends it to entries only, and the reader still names the document
    from gonggo.eval.variants_docs import BY_NAME as DOCS
    from gonggo.extractors.documents import extract_documents
    from gonggo.ingest import read_bytes
    from gonggo.reading.scope import Scope
    text = "□ 제출서류\n ◦ 연구장비예산심의요청서\n ◦ 사업계획서 1부\n□ 선정방법\n○ 서면 평가\n"
    new = DOCS["docs_polite_upload"].apply(text)
    assert " ◦ 사업계획서 1부 : 온라인 접수 시 업로드해 주시기 바랍니다." in new.split("\n")
    assert new.split("\n")[0] == "□ 제출서류" and new.split("\n")[-3] == "□ 선정방법"

    def names(t: str) -> list[str]:
        doc = read_bytes(t.encode(), "case.txt")
        return [d.name for d in extract_documents(Scope(doc=doc, start=0, end=len(doc.text)))]

    assert names(new) == names(text) == ["연구장비예산심의요청서", "사업계획서"]
