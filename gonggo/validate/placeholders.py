"""Placeholders left in the announcement: `제00호`, `○○`, `0개`, `00건` in its head or terms
(a form's blanks inside 양식 / 서식 appendices are meant to be filled in, and are not)."""

from __future__ import annotations

import regex

from gonggo.schemas.announcement import Announcement, Finding
from gonggo.schemas.document import Document
from gonggo.validate.common import ev, finding, in_terms, line_at, q
from gonggo.vocab.text import compiled

# the notice number and the head: any blank number is a placeholder
_NOTICE_BLANK = regex.compile(r"제\s*(?:[0○OＯ]\s*){2,}(?:\s*[-–]\s*(?:[0○]\s*)+)?\s*호")
# in the terms: a count or a name left blank
_COUNT_BLANK = regex.compile(r"(?<![\d.,\p{L}])(?:0{1,3}|○{1,3})\s*(?:개\s*사|개\s*과제|개|건|명|억\s*원|"
                             r"백만\s*원|천만\s*원|만\s*원|원)(?![\p{Hangul}\d])")
_NAME_BLANK = regex.compile(r"○{2,}")
# a line that shows how to write something (an example) is meant to hold ○○
_EXAMPLE = regex.compile(r"예\s*시|예\s*[):]|작성\s*(?:예|방법|요령)|기재|서약|\(인\)|성\s*명|서\s*식|양\s*식")
_HEAD = 400  # the head: notice number, title, preamble


def _table_line(doc: Document, offset: int) -> bool:
    lo, hi = line_at(doc, offset)
    return "\t" in doc.text[lo:hi]


_CALL = regex.compile(r"공\s*고|모\s*집|공\s*모")
_FORM_HEAD = regex.compile(r"서\s*식|양\s*식|별\s*지|별\s*표")


def _names_are_blanks(doc: Document) -> bool:
    """`○○` is a blank left in a call for applications; in a form it is to be filled in and in
    a ruling (`○○지방국세청`) it hides a name on purpose."""
    head = doc.text[:_HEAD]
    return bool(_CALL.search(head)) and not _FORM_HEAD.search(head[:200])


def check_placeholders(doc: Document, ann: Announcement) -> list[Finding]:
    """Blanks left in the head (`제00호`) or the terms (`○○`, `0개`, `00건`)."""
    out = []
    names = _names_are_blanks(doc)
    seen: set[int] = set()
    for m in _NOTICE_BLANK.finditer(doc.text, 0, min(len(doc.text), _HEAD)):
        lo, hi = line_at(doc, m.start())
        seen.add(lo)
        out.append(finding("placeholder_left",
                           f"공고번호 ‘{q(doc.text[lo:hi], 40)}’에 빈칸 ‘{q(m[0], 10)}’이 "
                           f"그대로 남아 있습니다.", [ev(doc, m.start(), m.end())]))
    for pattern, what in ((_COUNT_BLANK, "수량"), (_NAME_BLANK, "이름")):
        for m in pattern.finditer(doc.text):
            lo, hi = line_at(doc, m.start())
            line = doc.text[lo:hi]
            if (pattern is _NAME_BLANK and not names) or lo in seen or not in_terms(doc, m.start()) or _table_line(doc, m.start()) \
                    or _EXAMPLE.search(line) or (pattern is _COUNT_BLANK and "0" not in m[0]
                                                 and "○" not in m[0]):
                continue
            if pattern is _COUNT_BLANK and m[0].lstrip().startswith("0") \
                    and not compiled(r"0{2,}|0\s*(?:개|건)").match(m[0].strip()):
                continue  # `0명` alone is a real zero (의무채용 0명); `0개`, `00명` are blanks
            seen.add(lo)
            out.append(finding("placeholder_left",
                               f"‘{q(line, 50)}’에 {what} 자리표시 ‘{q(m[0], 10)}’이 그대로 "
                               f"남아 있습니다.", [ev(doc, m.start(), m.end())]))
    return out
