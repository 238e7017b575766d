"""Contacts, read on the seeds (values read from the documents)."""

from __future__ import annotations

from gonggo.extractors.contacts import extract_contacts
from gonggo.ingest import read_bytes
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Contact
from gonggo.schemas.document import Document


def _check(doc: Document, contacts: list[Contact]) -> None:
    for c in contacts:
        assert c.phone or c.email
        assert c.evidence and all(doc.text[e.start : e.end] == e.quote for e in c.evidence)
        assert c.phone is None or any(e.quote == c.phone for e in c.evidence)


def test_contact_table_and_line_with_the_same_phone(seeds) -> None:  # type: ignore[no-untyped-def]
    doc, scopes = seeds["000"]
    contacts = extract_contacts(scopes[0])
    _check(doc, contacts)
    assert [(c.org, c.topic, c.phone, c.email) for c in contacts] == [
        ("국민건강보험공단", "스마트공장 지원사업 관련", "033-736-1672", None),
        ("한국생산성본부", None, "02-724-1196", "jhnam@kpc.or.kr"),
    ]  # the 연수원 table of 붙임 1 is an attachment: not read when the body has contacts


def test_merged_org_cells_and_a_prose_contact(seeds) -> None:  # type: ignore[no-untyped-def]
    doc, scopes = seeds["001"]
    contacts = extract_contacts(scopes[0])
    _check(doc, contacts)
    assert [(c.org, c.phone) for c in contacts] == [
        ("중소벤처기업부 (제조혁신과)", "044-204-7257"),
        ("중소기업기술정보진흥원", "044-300-0954"),
        ("중소기업기술정보진흥원", "044-998-0418"),  # org cell left empty under a merged cell
        ("한국표준협회", "02-6240-4848"),
        ("대중소농어업협력재단 기술자료 임치센터", "02-368-8484"),
    ]
    assert contacts[2].topic == "사업관리시스템 문의"
    assert contacts[4].topic == "임치기관" and contacts[4].email == "escrow@win-win.or.kr"


def test_flattened_regional_table(seeds) -> None:  # type: ignore[no-untyped-def]
    doc, scopes = seeds["004"]
    contacts = extract_contacts(scopes[0])
    _check(doc, contacts)
    assert len(contacts) == 17
    assert {c.org for c in contacts} == {"중소벤처기업진흥공단"}
    assert (contacts[0].topic, contacts[0].phone) == ("서울지역본부", "02-2106-7455")
    assert (contacts[-1].topic, contacts[-1].phone) == ("제주지역본부", "064-754-5154")


def test_master_announcement_rows_go_to_the_program_they_name(seeds) -> None:  # type: ignore[no-untyped-def]
    doc, scopes = seeds["002"]
    by_name = {s.name: extract_contacts(s) for s in scopes}
    for contacts in by_name.values():
        _check(doc, contacts)
        assert all(c.phone != "1357" for c in contacts)  # 공고내용 문의 names no program
    robot = by_name["로봇활용 제조혁신지원"]
    assert [(c.org, c.phone) for c in robot] == [("한국로봇산업진흥원", "053-210-9552~5")]
    sector = by_name["업종별 특화 스마트공장 사업 운영기관 모집"]
    assert [(c.org, c.topic, c.phone) for c in sector] == [
        ("스마트제조혁신추진단", "업종별특화", "042-388-0853")
    ]
    meister = by_name["스마트 마이스터 운영"]
    assert [c.phone for c in meister] == ["042-388-0852", "02-6050-3855"]
    # `지역별 문의처 참조` → the rows of the regional table
    first = by_name["스마트공장 구축 및 고도화(기초·고도화1·고도화2)"]
    assert len(first) == 19
    assert ("경북", "경북 스마트제조혁신센터", "053-819-3045~6, 3055~9") in [
        (c.topic, c.org, c.phone) for c in first
    ]
    # a contact section whose title names the program, plus the row of the program table
    aftercare = by_name["스마트공장 사후관리"]
    assert len(aftercare) == 17 and aftercare[0].phone == "055-751-9292, 9771"
    assert {c.org for c in aftercare} == {"중소벤처기업진흥공단"}


def test_header_roles_of_a_cell_grid() -> None:
    text = (
        "6. 문의처\n구분\t기관명\t연락처\t이메일\n공고내용 문의\t중소벤처기업부\t국번없이 1357\t\n"
        "서울\t서울 스마트제조혁신센터\t02-944-6057\tsmart@example.or.kr\n"
    )
    doc = read_bytes(text.encode(), "grid.txt")
    contacts = extract_contacts(Scope(doc=doc, start=0, end=len(doc.text)))
    assert [(c.org, c.topic, c.phone, c.email) for c in contacts] == [
        ("중소벤처기업부", "공고내용 문의", "1357", None),
        ("서울 스마트제조혁신센터", "서울", "02-944-6057", "smart@example.or.kr"),
    ]


def test_an_org_or_topic_is_a_name() -> None:
    """Real labels read in the samples' contact lines (msit 공고 제기처, mcst 보도자료 담당 부서,
    navy 구매요구서, pps 입찰공고): a number or a sentence is no name, a label is stripped."""
    from gonggo.extractors.contacts import _name

    assert _name("34054") is None  # `- (34054) 대전광역시 …`: a postal code
    assert _name("044-203-3111") is None  # `(044-203-3111)` in a table's label column
    assert _name("연락처 : 방위사업청") == "방위사업청"
    assert _name("문의처 : 해군군수사 국내조달품검사과") == "해군군수사 국내조달품검사과"
    assert _name("조달청 경쟁입찰참가자격 등록은 수시로 가능하며, 입찰참가를 위해서는 입찰서(제안서) "
                 "제출마감일 전일 18:00까지 등록을 하여야 합니다. 등록절차와 나라장터 이용안내는 "
                 "정부조달콜센터") is None
    assert _name("방위사업청 담당자의 안내에 따라 생산자 부호 등록절차 수행 □ 지원부서 : 방위사업청 "
                 "미래전력사업표준자원관리팀 □ 연락처") is None
    # the right neighbours keep their names
    assert _name("정보통신기획평가원 기술혁신본부 AI반도체・SW단 기술전략・평가총괄팀") == (
        "정보통신기획평가원 기술혁신본부 AI반도체・SW단 기술전략・평가총괄팀")
    assert _name("스마트공장 지원사업 관련") == "스마트공장 지원사업 관련"
    assert _name("시스템 문의") == "시스템 문의"
    # a list marker before a topic cell's text is no part of it (mafra 문의처 table, dev)
    assert _name("▪ 신청방법, 신청절차, 제출서류 및 선정절차 등") == "신청방법, 신청절차, 제출서류 및 선정절차 등"
    assert _name(None) is None
