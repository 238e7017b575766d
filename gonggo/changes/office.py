"""The 신구대비표 as documents staff paste into an internal 보고서: .xlsx (openpyxl) and .docx
(python-docx). Same rows, words and locations as the HTML (`report.report_view`); struck words
stay struck (red) and new words underlined (blue)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from gonggo.changes.report import Source, in_report_context, report_view
from gonggo.schemas.changes import ChangeSet

OLD_RGB, NEW_RGB, HEAD_RGB = "B00000", "0048B3", "DFE7F3"


def _plain(side: dict[str, Any]) -> str:
    return side.get("mark") or "".join(r["text"] for r in side.get("runs", []))


def _where(side: dict[str, Any]) -> str:
    return " · ".join(x for x in (side.get("section"), side.get("where")) if x)


def _view(cs: ChangeSet, years: tuple[str, str], sources: tuple[Source | None, Source | None]
          ) -> dict[str, Any]:
    return in_report_context(cs, sources[0], sources[1], report_view, cs, *years)


def to_xlsx(cs: ChangeSet, old_year: str = "", new_year: str = "",
            old_source: Source | None = None, new_source: Source | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    view = _view(cs, (old_year, new_year), (old_source, new_source))
    book = Workbook()
    sheet = book.active
    sheet.title = "신구대비표"
    sheet.append([f"신구대비표: {cs.new_title}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"현 행 {old_year}: {cs.old_title}"])
    sheet.append([f"개 정 {new_year}: {cs.new_title}"])
    sheet.append([f"금액 단위: {view['money']}"])
    thin = Side(style="thin", color="777777")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    struck = InlineFont(strike=True, color=OLD_RGB)
    underlined = InlineFont(u="single", color=NEW_RGB)

    def rich(side: dict[str, Any]) -> Any:
        if side.get("mark"):
            return side["mark"]
        blocks = [TextBlock(struck if r["tag"] == "del" else underlined, r["text"])
                  if r["tag"] else r["text"] for r in side["runs"] if r["text"]]
        return CellRichText(blocks) if blocks else ""

    for program in view["programs"]:
        sheet.append([])
        sheet.append([program["name"]])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=12)
        head = [f"현 행 {old_year}".strip(), f"개 정 {new_year}".strip(), "비 고", "현행 위치",
                "개정 위치"]
        sheet.append(head)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=HEAD_RGB)
            cell.border = border
        for row in program["rows"]:
            note = f"{row['note']} ({row['kind']})" + (f"\n{row['reason']}" if row["reason"] else "")
            sheet.append([rich(row["old"]), rich(row["new"]), note, _where(row["old"]),
                          _where(row["new"])])
            for cell in sheet[sheet.max_row]:
                cell.alignment = wrap
                cell.border = border
            for col, side in ((4, row["old"]), (5, row["new"])):
                if side.get("href"):
                    sheet.cell(sheet.max_row, col).hyperlink = side["href"]
    for col, width in zip("ABCDE", (50, 50, 28, 30, 30), strict=True):
        sheet.column_dimensions[col].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def to_docx(cs: ChangeSet, old_year: str = "", new_year: str = "",
            old_source: Source | None = None, new_source: Source | None = None) -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    view = _view(cs, (old_year, new_year), (old_source, new_source))
    doc = Document()
    doc.add_heading(f"신구대비표: {cs.new_title}", level=1)
    doc.add_paragraph(f"현 행 {old_year}: {cs.old_title}\n개 정 {new_year}: {cs.new_title}\n"
                      f"금액 단위: {view['money']}")

    def fill(cell: Any, side: dict[str, Any]) -> None:
        para = cell.paragraphs[0]
        if side.get("mark"):
            para.add_run(side["mark"]).bold = True
            return
        for r in side["runs"]:
            run = para.add_run(r["text"])
            if r["tag"] == "del":
                run.font.strike = True
                run.font.color.rgb = RGBColor.from_string(OLD_RGB)
            elif r["tag"] == "ins":
                run.font.underline = True
                run.font.color.rgb = RGBColor.from_string(NEW_RGB)
        where = _where(side)
        if where:
            small = cell.add_paragraph().add_run(where)
            small.font.size = Pt(8)

    for program in view["programs"]:
        doc.add_heading(program["name"], level=2)
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, (f"현 행 {old_year}", f"개 정 {new_year}",
                                                    "비 고"), strict=True):
            cell.paragraphs[0].add_run(text.strip()).bold = True
        for row in program["rows"]:
            cells = table.add_row().cells
            fill(cells[0], row["old"])
            fill(cells[1], row["new"])
            cells[2].paragraphs[0].add_run(f"{row['note']} ({row['kind']})"
                                           + (f"\n{row['reason']}" if row["reason"] else ""))
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def plain_rows(cs: ChangeSet) -> list[tuple[str, str, str]]:
    """(현행, 개정, 비고) of every row, as plain text (for tests and quick looks)."""
    view = _view(cs, ("", ""), (None, None))
    return [(_plain(r["old"]), _plain(r["new"]), r["note"]) for p in view["programs"]
            for r in p["rows"]]
