"""A spec summary staff paste into an internal 보고서: every fact as a Korean sentence with its
printed words and page, and the findings; as .xlsx (openpyxl) or .docx (python-docx)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from gonggo.export.labels import FAMILY_KO, SEVERITY_KO, finding_title
from gonggo.export.review import fact_rows
from gonggo.schemas.announcement import Announcement
from gonggo.vocab.kinds import KIND_KO

FACT_HEAD = ("사업", "종류", "내용", "근거 (원문)", "쪽")
FINDING_HEAD = ("구분", "의견", "내용")


def summary_rows(ann: Announcement) -> list[tuple[Any, ...]]:
    out = []
    for r in fact_rows(ann):
        quote = " … ".join(" ".join(e.quote.split()) for e in r.evidence[:2])
        page = next((e.page for e in r.evidence if e.page), None)
        out.append((r.program or "공고", FAMILY_KO[r.family], r.summary, quote[:300], page))
    return out


def _overview(ann: Announcement) -> list[tuple[str, str]]:
    return [("제목", ann.title), ("공고 번호", ann.notice_no or ""), ("공고 기관", ann.issuer or ""),
            ("공고일", ann.announced_on.isoformat() if ann.announced_on else ""),
            ("문서 종류", KIND_KO[ann.kind]), ("사업 수", str(len(ann.programs))),
            ("원본", ann.source.path)]


def summary_xlsx(ann: Announcement) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    first = book.active
    first.title = "개요"
    for row in _overview(ann):
        first.append(row)
    first.column_dimensions["A"].width = 14
    first.column_dimensions["B"].width = 90
    for title, head, rows, widths in (
            ("사실", FACT_HEAD, summary_rows(ann), (28, 10, 60, 60, 6)),
            ("검토의견", FINDING_HEAD, [(SEVERITY_KO[f.severity], finding_title(f.code), f.message)
                                    for f in ann.findings], (8, 24, 100))):
        sheet = book.create_sheet(title)
        sheet.append(head)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DFE7F3")
        for row in rows:
            sheet.append(list(row))
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for i, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + i)].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def summary_docx(ann: Announcement) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(ann.title or ann.source.path, level=1)
    for key, value in _overview(ann)[1:]:
        if value:
            doc.add_paragraph(f"{key}: {value}")
    doc.add_heading("추출한 사실", level=2)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("종류", "내용", "근거 (원문)"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for program, family, summary, quote, page in summary_rows(ann):
        cells = table.add_row().cells
        cells[0].text = family
        cells[1].text = summary if program == "공고" else f"[{program}] {summary}"
        cells[2].text = quote + (f" ({page}쪽)" if page else "")
    if ann.findings:
        doc.add_heading("검토 의견", level=2)
        for f in ann.findings:
            doc.add_paragraph(f"[{SEVERITY_KO[f.severity]}] {finding_title(f.code)}: {f.message}",
                              style="List Bullet")
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
