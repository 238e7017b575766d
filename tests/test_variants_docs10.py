"""Documents printed the ways other announcements print them (issue 13, docs10): the list
under the other section words (`접수서류`, a contest's `응모서류`), and names behind a form
index's unbracketed label (`서식 1 입찰참가 접수 확인서`); the variants of
`gonggo.eval.variants_docs` keep what they rewrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from gonggo.eval.variants_docs import BY_NAME as DOCS
from tests.variants_support import parse_text

PREAMBLE = ("중소벤처기업부 공고 제2025-10호\n2025년 스마트공장 지원사업 공고\n□ 지원내용\n○ 기업당 최대 5천만원\n"
            "□ 신청기간 : 2025. 3. 4.(화) ~ 3. 20.(목) 18:00까지\n")
TAIL = "□ 문의처\n○ 중소벤처기업부 044-204-7253\n"
# names from dangjin_gift_voucher_merchants' `5. 구비서류` and mss_startup_univ_regional_2026's list
DOCS_PRINTED = ["가맹점지정신청서 및 개인정보동의서", "사업자등록증 사본", "사업계획서"]


def _names(tmp_path: Path, text: str) -> list[str]:
    result = parse_text(text, tmp_path)
    doc_text = result.document.text
    for p in result.spec.programs:
        for d in p.documents:
            assert all(doc_text[e.start:e.end] == e.quote for e in d.evidence)
    return [d.name for p in result.spec.programs for d in p.documents]


@pytest.mark.parametrize("heading", ["□ 접수서류", "□ 응모서류", "□ 응모 접수 서류", "5. 접수서류"])
def test_the_list_under_the_other_section_words(heading: str, tmp_path: Path) -> None:
    body = "".join(f"○ {d} 1부\n" for d in DOCS_PRINTED)
    assert _names(tmp_path, PREAMBLE + heading + "\n" + body + TAIL) == DOCS_PRINTED


def test_the_section_words_inline_and_not_the_review(tmp_path: Path) -> None:
    inline = f"□ 신청방법\n○ 접수서류 : {', '.join(d + ' 1부' for d in DOCS_PRINTED)}\n"
    assert _names(tmp_path, PREAMBLE + inline + TAIL) == DOCS_PRINTED
    # the review of what was handed in is a step, not a list of documents
    review = "□ 접수서류 검토\n○ 요건 미비 시 보완 요청\n○ 서면평가 후 선정\n"
    assert _names(tmp_path, PREAMBLE + review + TAIL) == []


def test_names_behind_a_form_index_label(tmp_path: Path) -> None:
    # gangbuk_rfp_2023_music_festival's `[제출서식 목록]` prints `서식 1 입찰참가 접수 확인서`
    body = "".join(f"○ 서식 {n} {d} 1부\n" for n, d in enumerate(DOCS_PRINTED, 1))
    assert _names(tmp_path, PREAMBLE + "□ 제출서류\n" + body + TAIL) == DOCS_PRINTED


SECTION = ("□ 제출서류\n◦ 사업계획서 1부\n◦ 사업자등록증명 (해당시)\n◦ 국세 및 지방세 완납증명서 각 1부\n"
           "□ 평가절차\n○ 서면평가\n")


# (the `docs_head_*` variants rewrite a table's head row, which this list has not: test_variants_docs)
@pytest.mark.parametrize("name", sorted(n for n in DOCS if not n.startswith("docs_head_")))
def test_each_documents_variant_keeps_the_documents(name: str, tmp_path: Path) -> None:
    original = PREAMBLE + SECTION + TAIL
    rewritten = DOCS[name].apply(original)
    assert rewritten != original, "the variant rewrote nothing"
    assert _names(tmp_path, rewritten) == _names(tmp_path, original)


APPENDIX_BODY = "□ 제출서류 : 붙임 2 참조\n" + TAIL + "\n"


@pytest.mark.parametrize("items", [
    "".join(f"{n}. {d} 1부\n" for n, d in enumerate(DOCS_PRINTED, 1)),
    # the body's box marker, read as headings (motie_industry_talent_hrd_council_2025's `□ … 1부`)
    "".join(f"□ {d} 1부\n" for d in DOCS_PRINTED),
    # group captions over the items (mafra_high_value_food_rnd_2017 `<필수사항>` / `① …`)
    (f"<필수사항>\n① {DOCS_PRINTED[0]} 1부\n<선택사항(해당 시 제출)>\n② {DOCS_PRINTED[1]} 1부\n"
     f"-3천만 원 이상인 경우에만 제출\n③ {DOCS_PRINTED[2]} 1부\n"),
])
@pytest.mark.parametrize("title", ["붙임 2\t\t제출서류 목록", "붙임 2\n제출서류 목록"])
def test_a_list_under_an_appendix_title_box(title: str, items: str, tmp_path: Path) -> None:
    # `붙임 2 | 제출서류 목록`: one row of the label and the title (as HWP/HWPX print
    # mafra_high_value_food_rnd_2025's `붙임 1 | 푸드테크 핵심 기술분야`), or the two lines a PDF's
    # text prints for it (mafra_high_value_food_rnd_2017's `붙임 1` / `일반자유과제 연구개발계획서 서식`)
    text = PREAMBLE + APPENDIX_BODY + title + "\n" + items + "붙임 3\t\t사업신청서\n성명\t\n"
    assert _names(tmp_path, text) == DOCS_PRINTED


def test_an_appendix_title_box_of_another_topic_is_no_list(tmp_path: Path) -> None:
    # mafra_high_value_food_rnd_2025 `붙임 1 | 푸드테크 핵심 기술분야` over its fields
    text = (PREAMBLE + "□ 제출서류\n○ 사업계획서 1부\n" + TAIL + "\n붙임 1\t\t푸드테크 핵심 기술분야\n"
            "1. 대체식품 제조 기술 보고서\n2. 스마트 식품 유통 자료\n")
    assert _names(tmp_path, text) == ["사업계획서"]


def test_copies_in_parentheses_leave_the_name(tmp_path: Path) -> None:
    # a gov24 call's `… 건물의 구조안전 확인 서류(각 1부)`: the name was cut before its
    # parenthesis (`사업자등록증 사본 (`)
    body = "".join(f"○ {d} (각 1부)\n" for d in DOCS_PRINTED)
    assert _names(tmp_path, PREAMBLE + "□ 제출서류\n" + body + TAIL) == DOCS_PRINTED
