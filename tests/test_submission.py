"""Application channels, URLs and e-mails read from the seeds."""

from __future__ import annotations

import pytest

from gonggo.extractors.header import read_header
from gonggo.extractors.submission import extract_submission
from gonggo.ingest import read_document
from gonggo.reading.programs import split_programs

from .conftest import seed_path


def _submissions(prefix: str):  # type: ignore[no-untyped-def]
    doc = read_document(seed_path(prefix))
    scopes = split_programs(doc, read_header(doc).announced_on)
    out = []
    for scope in scopes:
        sub = extract_submission(scope)
        for ev in sub.evidence:
            assert doc.text[ev.start:ev.end] == ev.quote
        out.append((scope, sub))
    return out


def test_seed_000_email_only() -> None:
    [(_, sub)] = _submissions("000")
    # `온라인 등록 서류` (a documents table) and the training appendix's 홈페이지 are not channels
    assert sub.channels == ["email"]
    assert sub.emails == ["jhnam@kpc.or.kr"]
    assert sub.urls == []


@pytest.mark.parametrize(("prefix", "url"), [("001", "www.smart-factory.kr"),
                                              ("004", "smart-factory.kr")])
def test_online_system(prefix: str, url: str) -> None:
    [(_, sub)] = _submissions(prefix)
    assert sub.channels == ["online"]
    assert sub.urls == [url]
    assert sub.emails == []


def test_seed_002_each_program_applies_online() -> None:
    subs = {scope.name: sub for scope, sub in _submissions("002")}
    assert all(sub.channels == ["online"] for sub in subs.values())
    cloud = next(s for n, s in subs.items() if n and "클라우드" in n)
    assert cloud.urls == ["it.smplatform.go.kr"]
    aftercare = next(s for n, s in subs.items() if n and "사후관리" in n)
    assert aftercare.urls == ["http://www.kosmes.or.kr"]
    # one URL per site: `www.smart-factory.kr` and `http://smart-factory.kr` are one
    first = next(s for n, s in subs.items() if n and n.startswith("스마트공장 구축 및 고도화"))
    assert first.urls == ["www.smart-factory.kr"]
