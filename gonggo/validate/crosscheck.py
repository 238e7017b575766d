"""The summary against the body: an application deadline or a selection count printed one way
in the overview (the head of the announcement, a `사업개요` / `공고 개요` / `요약` section) and
another way in the body; a year range of one rule (`’14~’20년 … 참여`) printed with other years
elsewhere (`’13∼’20 동사업의 지원을 받은`)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from gonggo.schemas.announcement import Announcement, Evidence, Finding
from gonggo.schemas.document import Document
from gonggo.validate import calendar
from gonggo.validate.common import day_of, ev, finding, forms_start, in_terms, line_at, q
from gonggo.vocab.text import compiled, norm_key

_OVERVIEW_TITLE = regex.compile(r"개\s*요|요\s*약|한\s*눈에|주요\s*내용|공고\s*개요|모집\s*개요")
_APPLY = regex.compile(r"신청|접수|모집|공모|응모")


def _overview_end(doc: Document) -> int:
    """Where the overview ends: the end of the first top-level section titled 개요 / 요약, or
    the first top-level heading (what precedes it is the head's summary)."""
    tops = [s for s in doc.sections if s.parent is None and doc.blocks[s.block].kind == "heading"]
    for s in tops[:3]:
        if _OVERVIEW_TITLE.search(s.title[:20]):
            return s.end
    return tops[1].start if len(tops) > 1 else 0


def _split(items: list[tuple[object, Evidence]], end: int
           ) -> tuple[list[tuple[object, Evidence]], list[tuple[object, Evidence]]]:
    return [i for i in items if i[1].start < end], [i for i in items if i[1].start >= end]


def _disagree(doc: Document, items: list[tuple[object, Evidence]], what: str) -> list[Finding]:
    """One value in the overview, one (other) value in the body: a finding."""
    head, body = _split(items, _overview_end(doc))
    heads, bodies = {v for v, _ in head}, {v for v, _ in body}
    if len(heads) != 1 or len(bodies) != 1 or heads == bodies:
        return []
    h, b = head[0][1], body[0][1]
    return [finding("summary_disagrees_with_body",
                    f"개요의 {what} ‘{q(h.quote, 30)}’과 본문의 {what} ‘{q(b.quote, 30)}’이 "
                    f"다릅니다.", [h, b])]


def _deadlines(doc: Document, ann: Announcement) -> list[tuple[object, Evidence]]:
    out: list[tuple[object, Evidence]] = []
    for m, opens in calendar._deadlines(doc, ann):
        lo, _ = line_at(doc, opens)
        if _APPLY.search(doc.text[lo:opens]):
            out.append((day_of(m.value), ev(doc, m.start, m.end)))  # type: ignore[arg-type]
    return out


_COUNT_LABEL = regex.compile(r"(?:선정|지원|모집|선발)\s*(?:규모|기업\s*수|과제\s*수|인원|대상\s*수)")
_COUNT = regex.compile(r"[^\n\d]{0,12}?(?:총\s*)?(?P<n>\d{1,3}(?:,\d{3})*)\s*"
                       r"(?P<u>개\s*사|개\s*과제|과제|개\s*기업|개\s*팀|팀|명|개\s*소|개\s*기관)")


def _counts(doc: Document) -> list[tuple[object, Evidence]]:
    out: list[tuple[object, Evidence]] = []
    end = forms_start(doc)
    for m in _COUNT_LABEL.finditer(doc.text, 0, end):
        c = _COUNT.match(doc.text, m.end())
        if c is None or not in_terms(doc, m.start()):
            continue
        value = (int(c["n"].replace(",", "")), compiled(r"\s+").sub("", c["u"]))
        out.append((value, ev(doc, m.start(), c.end())))
    return out


def check_summary(doc: Document, ann: Announcement) -> list[Finding]:
    """The overview's application deadline and selection count against the body's."""
    return _disagree(doc, _deadlines(doc, ann), "마감일") + _disagree(doc, _counts(doc), "선정규모")


# year ranges of one rule ---------------------------------------------------------------------

_RANGE = regex.compile(
    r"(?:(?P<a>(?:19|20)\d{2})|[‘’'](?P<aa>\d{2}))\s*년?\s*[~∼～\-]\s*"
    r"(?:(?P<b>(?:19|20)\d{2})|[‘’'](?P<bb>\d{2}))\s*년?(?:\s*까지)?")
_PRIOR = regex.compile(r"참여|지원\s*을?\s*받|수혜|선정\s*(?:된|기업)")
_SAME = regex.compile(r"^\s*(?:동|본|해당|같은)\s*사업")
_CONTEXT = 30


def _years(m: regex.Match[str]) -> tuple[int, int]:
    a = int(m["a"]) if m["a"] else 2000 + int(m["aa"])
    b = int(m["b"]) if m["b"] else 2000 + int(m["bb"])
    return a, b


def _prior_ranges(doc: Document) -> Iterator[tuple[regex.Match[str], str]]:
    for m in _RANGE.finditer(doc.text, 0, forms_start(doc)):
        after = doc.text[m.end() : m.end() + _CONTEXT].split("\n")[0]
        a, b = _years(m)
        if a < b and _PRIOR.search(after) and in_terms(doc, m.start()):
            yield m, after


def _same_rule(x: str, y: str) -> bool:
    """Both ranges qualify the same words (`’22~’24년 초기창업패키지 참여 …`); `동사업` is the
    program the sentence sits in, which need not be the one the other range names."""
    kx, ky = norm_key(x)[:8], norm_key(y)[:8]
    return len(kx) >= 6 and kx == ky and not _SAME.match(x)


def check_year_ranges(doc: Document, ann: Announcement) -> list[Finding]:
    """Two ranges of past support years for the same rule that share one end but not both."""
    ranges = list(_prior_ranges(doc))
    out: list[Finding] = []
    for i, (m, after) in enumerate(ranges):
        for n, after2 in ranges[i + 1 :]:
            (a, b), (c, d) = _years(m), _years(n)
            if (a, b) == (c, d) or (a != c and b != d) or not _same_rule(after, after2):
                continue
            out.append(finding(
                "summary_disagrees_with_body",
                f"같은 참여 이력 기준의 연도 범위가 ‘{q(m[0] + after, 40)}’과 "
                f"‘{q(n[0] + after2, 40)}’로 다릅니다.",
                [ev(doc, m.start(), m.end()), ev(doc, n.start(), n.end())]))
            break
    return out

