"""What the PDF reader could not read faithfully, as `ReadFinding`s (messages in Korean, for
the staff who read them).

Unmapped glyphs come in two kinds. Some fonts have no ToUnicode map, so PDFium reports
characters it cannot name (counted while reading characters, `pdf_page`). Other PDFs (macOS
Quartz prints of HWP files) draw the glyphs of such fonts as vector outlines: the page shows
`제2026-0002호`, the text layer holds nothing there. `pdf_outlines` puts one U+FFFD where
each of those was drawn; both kinds are counted per page here.
"""

from __future__ import annotations

from typing import Any

from gonggo.schemas.document import ReadFinding


def page_list(pages: list[int]) -> str:
    """[1, 3, 6, 7, 8] → "1, 3, 6-8"."""
    out: list[str] = []
    i = 0
    while i < len(pages):
        j = i
        while j + 1 < len(pages) and pages[j + 1] == pages[j] + 1:
            j += 1
        out.append(str(pages[i]) if i == j else f"{pages[i]}-{pages[j]}")
        i = j + 1
    return ", ".join(out)


def unmapped_finding(per_page: dict[int, int], outlines: dict[int, int],
                     example: tuple[int, str] | None, settings: dict[str, Any]
                     ) -> ReadFinding | None:
    """One finding for glyphs that have no text: pages, counts, and an example line.

    The message says, in Korean, how many characters on which pages could not be read, that
    numbers, dates, amounts and phone numbers may be missing there, and to check the
    original (the HWP) — then a line as read (`예: 1쪽 "공고 제���호"`; `validate` quotes it)."""
    pages = sorted(p for p in set(per_page) | set(outlines)
                   if per_page.get(p, 0) + outlines.get(p, 0) >= settings["unmapped_min_glyphs"])
    if not pages:
        return None
    n_chars = sum(per_page.get(p, 0) for p in pages)
    n_outlines = sum(outlines.get(p, 0) for p in pages)
    what = []
    if n_outlines:
        what.append(f"{n_outlines}자가 문자 정보 없이 그림(벡터 윤곽)으로만 그려져 있어")
    if n_chars:
        what.append(f"{n_chars}자는 글꼴에 유니코드 대응이 없어")
    message = (f"{page_list(pages)}쪽: " + ", ".join(what)
               + " 읽을 수 없습니다(본문에 \ufffd로 표시). 그 자리의 숫자·영문·기호(공고번호, 날짜, "
               "금액, 전화번호 등)가 빠졌을 수 있으니 HWP 원본으로 확인하십시오")
    if example is not None:
        message += f'. 예: {example[0]}쪽 "{example[1][:80]}"'
    severity = "error" if n_chars + n_outlines >= settings["unmapped_error_min"] else "warning"
    return ReadFinding(code="unmapped_glyphs", severity=severity, message=message, pages=pages)
