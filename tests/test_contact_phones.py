"""Contacts v2: every full number of a printed phone, and numbers completed by a table header."""

from __future__ import annotations

from gonggo.extractors.contacts import INQUIRY_CUE, LINE_NUMBERS, PHONE_PREFIX, SUBMIT_CUE, Row


def test_prefix_in_the_phone_column_header() -> None:
    m = PHONE_PREFIX.match("(031-420-)")
    assert m is not None and m["prefix"] == "031-420-"
    assert PHONE_PREFIX.match("031-420-6756") is None
    assert LINE_NUMBERS.fullmatch("6754,6756") and LINE_NUMBERS.fullmatch("9782")


def test_row_completed_by_prefix() -> None:
    c = Row("정보운영팀", "접수시스템 관련", "9843,6841", None, [], prefix="061-338-").contact()
    assert c.phone == "061-338-9843"
    assert c.phones == ["061-338-9843", "061-338-6841"]
    assert c.phone_printed == "9843,6841"


def test_printed_phone_expanded() -> None:
    c = Row("식품사업실", None, "031-420-6773~5", None, []).contact()
    assert c.phone_printed == "031-420-6773~5"
    assert c.phones == ["031-420-6773", "031-420-6774", "031-420-6775"]


def test_submission_address_is_no_contact_cue() -> None:
    assert SUBMIT_CUE.search("· 접수 주소: dnjs1518@ucf.or.kr")
    assert SUBMIT_CUE.search("- 제출처 : kisapet@kisa.or.kr")
    assert INQUIRY_CUE.search("□ 문의") and not SUBMIT_CUE.search("○ E-MAIL : bdcenter@kspo.or.kr")
