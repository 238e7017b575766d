"""Extraction on real announcements outside the seed corpus.

Every readable announcement in ../shared/samples goes through ingest → extract → validate
without error; for two of them, facts read from the documents by a person are checked
(read by the lead engineer from `gonggo ingest` output of each file, 2026-11-22).
"""

from __future__ import annotations

import functools
from datetime import date, datetime, timedelta, timezone

import pytest

from gonggo.extractors.pipeline import extract
from gonggo.ingest import IngestError, read_document
from gonggo.schemas.announcement import Announcement
from gonggo.validate.checks import validate

from .conftest import SAMPLES, needs_samples

pytestmark = needs_samples
KST = timezone(timedelta(hours=9))
SUFFIXES = {".pdf", ".hwp", ".hwpx", ".txt", ".md"}


def readable_samples() -> list[str]:
    if not SAMPLES.exists():
        return []
    return sorted(str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*")
                  if p.suffix.lower() in SUFFIXES)


@functools.cache
def spec(name: str) -> Announcement:
    doc = read_document(SAMPLES / name)
    return validate(doc, extract(doc))


@pytest.mark.parametrize("name", readable_samples())
def test_every_readable_sample_extracts(name: str) -> None:
    try:
        doc = read_document(SAMPLES / name)
    except IngestError:
        pytest.skip("not readable (typed error; covered by test_samples)")
    ann = validate(doc, extract(doc))
    Announcement.model_validate(ann.model_dump())
    for program in ann.programs:
        assert program.name.strip()


# 2025년도 창업도약패키지(일반형) 창업기업 모집 수정 공고 (PDF) -----------------------------
KISED = "pdf/kised_dodak_2025_gonggo.pdf"


def test_kised_header() -> None:
    ann = spec(KISED)
    assert "창업도약패키지" in ann.title
    assert ann.notice_no is not None and "2025" in ann.notice_no and "147" in ann.notice_no
    assert ann.announced_on == date(2025, 2, 20)


def test_kised_window_and_awards() -> None:
    # □ 접수 기간 : ’25.2.20.(목)~3.13.(목),16:00까지 / 총 253개사
    (program,) = spec(KISED).programs
    assert any(w.opens == date(2025, 2, 20) and w.closes == datetime(2025, 3, 13, 16, 0, tzinfo=KST)
               for w in program.windows)
    assert program.awards is not None and program.awards.count == 253


def test_kised_exclusions_and_contacts() -> None:
    (program,) = spec(KISED).programs
    texts = [c.text for c in program.exclusions]
    assert any("국세 또는 지방세 체납" in t for t in texts)
    assert any("휴‧폐업" in t or "휴·폐업" in t for t in texts)
    phones = {c.phone for c in program.contacts}
    assert "1357" in phones  # (시스템 문의)국번없이 1357
    assert any(p and p.startswith("032-858-6592") for p in phones)  # 인천테크노파크


def test_kised_funding_comes_from_the_rules_not_the_worked_example() -> None:
    # • 총 사업비 = 정부지원사업비 70% 이하 + 자기부담사업비* 30% 이상; 사업화 자금 최대 3억원.
    # The table under '< 사업비 구성 예시 (정부지원사업비 1.5억원인 경우) >' is an example.
    (program,) = spec(KISED).programs
    funding = [f for t in program.tracks for f in t.funding]
    caps = {f.cap_krw for f in funding if f.cap_krw is not None}
    assert 150_000_000 not in caps and 22_000_000 not in caps
    shares = {(f.payer, f.share_pct, f.share_bound) for f in funding if f.share_pct is not None}
    assert ("government", 70, "max") in shares
    assert ("applicant", 30, "min") in shares
    assert shares <= {("government", 70, "max"), ("applicant", 30, "min"),
                      ("government", 50, "max")}  # 50%: 추가 지원사업비, 기본의 최대 50%


def test_kised_documents() -> None:
    # < 제출서류 및 제출방법 >: ① 사업신청서 ② 사업계획서 ③ 기타 제출서류
    (program,) = spec(KISED).programs
    names = [d.name for d in program.documents]
    assert "사업신청서" in names and "사업계획서" in names
    assert "평가 및 선정" not in names  # the next chapter's title, not a document


# 과학기술정보통신부 공고 제2026-0002호 (HWP) --------------------------------------------
MSIT = "hwp/msit_ict_rnd_2026_1st_gonggo.hwp"


def test_msit_header_reads_the_boxed_title() -> None:
    ann = spec(MSIT)
    assert ann.title == ("2026년도 제1차 정보통신‧방송 기술개발 및 정보통신 표준개발지원사업 "
                         "신규지원 대상과제 공고")
    assert ann.notice_no == "과학기술정보통신부 공고 제2026-0002호"
    assert ann.announced_on == date(2026, 1, 2)


def test_msit_window_is_the_filing_period() -> None:
    # ○ 전산접수기간 : 2026. 1.19.(월) ～ 2026. 2.10.(화) 15시까지
    windows = [w for p in spec(MSIT).programs for w in p.windows]
    assert any(w.opens == date(2026, 1, 19) and w.closes == datetime(2026, 2, 10, 15, tzinfo=KST)
               for w in windows)


def test_msit_documents() -> None:
    # □ 제출 서류 table: 1 연구개발계획서 … 7 연구데이터 관리계획서 (해당시 필수)
    docs = {d.name: d for p in spec(MSIT).programs for d in p.documents}
    assert "연구개발계획서" in docs
    assert "국세・지방세 완납 증명서 또는 세금 분납 계획서" in docs
    assert docs["연구데이터 관리계획서"].condition is not None
    assert docs["연구개발계획서"].condition is None


# The PDF twin of the same 공고 (digits of some fonts drawn as outlines, pages 1, 3, 6-10 …):
# where its text still holds the facts, it must give what the HWP gives.
MSIT_PDF = "pdf/msit_ict_rnd_2026_1st_gonggo.pdf"


def test_msit_pdf_twin_reads_the_window_from_the_filing_table() -> None:
    # 공고기간 | 전산(iris.go.kr) 등록기간 / … | 2026. 1. 19.(월)~ 2026. 2. 10.(화) 15시 까지
    # the call is for two 사업 (정보통신·방송 기술개발, 표준개발지원): each has the one window
    programs = spec(MSIT_PDF).programs
    assert len(programs) == 2
    for program in programs:
        assert [(w.opens, w.closes) for w in program.windows] == [
            (date(2026, 1, 19), datetime(2026, 2, 10, 15, tzinfo=KST))]


def test_msit_pdf_twin_keeps_every_exclusion_and_share_of_the_hwp() -> None:
    # `… 예외` / `o 주관연구개발기관, …`: a Latin-o item the PDF had joined to the note above;
    # 중견기업's sub-rows (평균매출액 3천억 미만 75% / 이상 70%) as a table inside the PDF's cell
    def facts(name: str) -> list[tuple[list[str], set[tuple]]]:
        read = []
        for program in spec(name).programs:
            shares = {(f.payer, f.share_pct, f.share_bound, f.applicant_kinds[0][:4])
                      for t in program.tracks for f in t.funding if f.share_pct is not None}
            read.append(([x.text[:20] for x in program.exclusions], shares))
        return read
    hwp, pdf = facts(MSIT), facts(MSIT_PDF)
    assert len(hwp) == len(pdf) == 2
    for (hwp_exclusions, hwp_shares), (pdf_exclusions, pdf_shares) in zip(hwp, pdf):
        assert pdf_exclusions == hwp_exclusions and len(hwp_exclusions) == 12
        assert pdf_shares == hwp_shares
        assert ("government", 70, "max", "중견기업") in pdf_shares
