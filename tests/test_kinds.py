"""`kind`: support calls get programs; other notices, forms and unknown files get one finding."""

from __future__ import annotations

import pytest

from gonggo.vocab.kinds import decide_kind

from .conftest import SAMPLES, SEEDS, SHARED, needs_samples, seed_path

HEADS = [
    ("중소벤처기업부 공고 제2023-330호\n2023년도 스마트공장 AS지원사업 공고 (2차)", "support_call"),
    ("2026년도 청년 채용 장려금 지원사업 참여기업 모집 공고", "support_call"),
    ("2026년 창업 아이디어 공모 지원사업 공고", "support_call"),
    ("수성구 공고 제2026-982호\n 2026년 수성구 제안 공모\n주민의 창의적인 의견", "other_notice"),
    # a schedule line of an untuned page (wwg_overseas_promo `- 매년 4월 : 지원사업 공고`) printed in the
    # head's first items: the preamble decides, not a step's words
    (("수성구 공고 제2026-982호\n 2026년 수성구 제안 공모\n주민의 창의적인 의견\n 1. 공모기간: 2026. 7. 1.(수) ~ "
      "8. 14.(금)\n- 매년 4월 : 지원사업 공고"), "other_notice"),
    ("2026년 창업 아이디어 공모 지원사업 공고\n1. 공모기간: 2026. 7. 1. ~ 8. 14.", "support_call"),
    ("서울특별시 강남구 공고 제2023-745호 공무직 관리 규정 일부개정규칙안 입법예고", "other_notice"),
    ("2025년 시설관리원 용역업체 선정 입찰공고\n1. 입찰에 부치는 사항", "other_notice"),
    ("○○구 기간제 근로자 채용 공고", "other_notice"),
    ("문화체육관광부\t보도자료\n보도시점 2024. 1. 2.", "other_notice"),
    ("[별지 제7호 서식]\n참여인력 상세이력\n성 명", "form"),
    ("창업도약패키지 사업계획서 작성 목차 (일반형)", "form"),
    ("공공데이터 제공 표준 (2023.5.18.)\n대중교통환승센터", "unknown"),
    # [별첨 3] 주관기관 소개자료 (kised_dodak_2025_host_orgs.pdf): one profile card per 기관
    (("(재)경남창조경제혁신센터\n기 관 현 황\n홈페이지 https://ccei.creativekorea.or.kr/gyeongnam/\n"
      "문 의 처 055-291-9336,9307,9308,9345,9356\n지 원 개 요"), "other_notice"),
    ("중소벤처기업부 공고 제2025-147호\n2025년도 창업도약패키지 창업기업 모집 공고\n주관기관 소개자료 참고",
     "support_call"),
]


@pytest.mark.parametrize("head, kind", HEADS)
def test_rule_table(head: str, kind: str) -> None:
    assert decide_kind(head).kind == kind


def test_seeds_are_support_calls() -> None:
    for path in sorted(SEEDS.iterdir()):
        assert decide_kind(path.read_text(encoding="utf-8")).kind == "support_call", path.name


SAMPLE_KINDS = {
    "hwpx/gangnam_gongo_2023_745_ipbeop.hwpx": "other_notice",
    "hwpx/mcst_press_release_2024_olympics.hwpx": "other_notice",
    "hwpx/pps_bid_notice_2026_template.hwpx": "other_notice",
    "hwp/msit_press_release_2018_noori.hwp": "other_notice",
    "hwp/gangnam_seum_bid_gongo_2024_distribution.hwp": "other_notice",
    "hwpx/form_koica_personnel_detail.hwpx": "form",
    "hwp/msit_ict_rnd_2026_1st_gonggo.hwp": "support_call",
    "pdf/kised_dodak_2025_gonggo.pdf": "support_call",
    "pdf/kised_dodak_2025_host_orgs.pdf": "other_notice",
    "pdf/kised_dodak_2025_qna.pdf": "other_notice",
}


@needs_samples
@pytest.mark.samples
@pytest.mark.parametrize("name, kind", SAMPLE_KINDS.items())
def test_sample_kinds(name: str, kind: str) -> None:
    from gonggo.ingest import read_document

    assert decide_kind(read_document(SAMPLES / name).text).kind == kind


IDEA_CONTEST = SHARED / "corpus" / "hwpx" / "suseong_idea_contest_2026_gonggo.hwpx"


@pytest.mark.skipif(not IDEA_CONTEST.exists(), reason="../shared/corpus is not beside this checkout")
def test_citizen_idea_contest_is_not_an_announcement(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gonggo.export.config import write_configs
    from gonggo.pipeline import parse

    spec = parse(IDEA_CONTEST).spec
    assert spec.kind == "other_notice" and spec.programs == []
    assert [f.code for f in spec.findings] == ["not_an_announcement"]
    assert "지원사업 공고가 아닙니다" in spec.findings[0].message
    assert write_configs(spec, tmp_path / "rules") == []


def test_a_notice_gets_no_programs_and_one_korean_finding(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gonggo.export.config import write_configs
    from gonggo.pipeline import parse

    path = tmp_path / "notice.txt"
    path.write_text("○○구 공고 제2026-1호\n\n2026년 ○○구 기간제 근로자 채용 공고\n\n"
                    "1. 채용인원: 3명\n2. 지원자격: 관내 거주자\n", encoding="utf-8")
    spec = parse(path).spec
    assert spec.kind == "other_notice" and spec.programs == []
    assert [f.code for f in spec.findings] == ["not_an_announcement"]
    assert "채용" in spec.findings[0].evidence[0].quote
    assert write_configs(spec, tmp_path / "rules") == []


def test_demo_pairs_no_notice_and_its_index_says_why(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A notice gets no 신구대비표 even when its programs would pair; the index names its kind."""
    import io

    from rich.console import Console

    from gonggo.cli.demo import run_demo, year_over_year_pairs
    from gonggo.pipeline import parse

    specs = {p: parse(seed_path(p)).spec for p in ("002", "004")}
    assert {(p.old, p.new) for p in year_over_year_pairs(specs)} == {("002", "004")}
    specs["004"] = specs["004"].model_copy(update={"kind": "other_notice"})
    assert year_over_year_pairs(specs) == []

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notice.txt").write_text("○○구 공고 제2026-1호\n\n2026년 ○○구 기간제 근로자 채용 공고\n",
                                       encoding="utf-8")
    (folder / "004.txt").write_bytes(seed_path("004").read_bytes())
    assert run_demo(folder, tmp_path / "out", Console(file=io.StringIO())) == 0
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "기타 공지" in index and "지원사업 공고 아님" in index and "공고문별 결과" in index
    assert not list((tmp_path / "out" / "rules" / "notice").glob("*.yaml"))
