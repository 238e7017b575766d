"""The 신구대비표 staff read: Korean pairing reasons, one money style, page/line locations
linked into the review page."""

from __future__ import annotations

import re

import pytest

from gonggo.changes.diff import diff
from gonggo.changes.locate import annotate
from gonggo.changes.report import Source, reason_ko, report_money_style, to_html
from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_document
from gonggo.validate.checks import validate

from .conftest import seed_path


@pytest.fixture(scope="module")
def pair():  # type: ignore[no-untyped-def]
    docs = [read_document(seed_path(p)) for p in ("002", "004")]
    old, new = (validate(d, extract(d)) for d in docs)
    return docs, annotate(diff(old, new), *docs)


def test_reasons_are_korean() -> None:
    assert reason_ko("track name / terms similarity 0.45") == "유형 명칭·조건 유사도 0.45"
    assert reason_ko("name, content and distinctive words 0.32 (name and content 0.40)") == \
        "사업명·내용·고유 단어 유사도 0.32 (명칭·내용 0.40)"
    assert not re.search(r"[a-z]{4,}", reason_ko("text similarity 0.9: renamed A → B"))


def test_page_has_no_english_reasons_and_links_locations(pair) -> None:  # type: ignore[no-untyped-def]
    docs, cs = pair
    page = to_html(cs, "(2021)", "(2023)", Source(docs[0].text, "../review/002.html"),
                   Source(docs[1].text, "../review/004.html"))
    assert "similarity" not in page and "counterpart" not in page
    assert re.search(r'<a href="\.\./review/004\.html#at\d+">(?:\d+쪽 )?\d+행</a>', page)
    assert not re.search(r"@\d+", page)


def test_one_money_style_per_report(pair) -> None:  # type: ignore[no-untyped-def]
    from gonggo.changes.report import describe, in_report_context

    _docs, cs = pair
    style = report_money_style(cs)

    def amounts() -> list[str]:
        out = []
        for ch in cs.changes + cs.same:  # type: ignore[operator]
            for value in (getattr(ch, "old", None), getattr(ch, "new", None),
                          getattr(ch, "value", None)):
                text = describe(ch.field, value) if value is not None else ""
                out += re.findall(r"\d[\d,.]*(?:억원|만원|원)", text)
        return out

    found = in_report_context(cs, None, None, amounts)
    assert found
    assert all(a.endswith(style) and (style != "원" or not a.endswith(("만원", "억원")))
               for a in found), (style, found)
