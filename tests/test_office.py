"""The 신구대비표 and the spec summary as .xlsx and .docx: the same rows, struck and underlined
words kept, Korean headers."""

from __future__ import annotations

from io import BytesIO

import pytest

from gonggo.changes.diff import diff
from gonggo.changes.locate import annotate
from gonggo.changes.office import plain_rows, to_docx, to_xlsx
from gonggo.export.office import summary_docx, summary_rows, summary_xlsx
from gonggo.pipeline import parse

from .conftest import seed_path


@pytest.fixture(scope="module")
def results():  # type: ignore[no-untyped-def]
    return [parse(seed_path(p)) for p in ("002", "004")]


@pytest.fixture(scope="module")
def changes(results):  # type: ignore[no-untyped-def]
    old, new = results
    return annotate(diff(old.spec, new.spec), old.document, new.document)


def test_xlsx_report_keeps_rows_and_marks(changes) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook
    from openpyxl.cell.rich_text import CellRichText

    book = load_workbook(BytesIO(to_xlsx(changes, "(2021)", "(2023)")), rich_text=True)
    sheet = book["신구대비표"]
    cells = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any(str(v).startswith("현 행") for v in cells)
    rich = [v for v in cells if isinstance(v, CellRichText)]
    fonts = [b.font for v in rich for b in v if hasattr(b, "font")]
    assert any(f.strike for f in fonts) and any(f.u == "single" for f in fonts)
    notes = [sheet.cell(r, 3).value for r in range(1, sheet.max_row + 1)]
    assert len([n for n in notes if n and n != "비 고"]) == len(plain_rows(changes)) > 10


def test_docx_report_has_one_table_row_per_change_row(changes) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    doc = Document(BytesIO(to_docx(changes, "(2021)", "(2023)")))
    rows = sum(len(t.rows) - 1 for t in doc.tables)
    assert rows == len(plain_rows(changes)) > 10
    runs = [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs
            for r in p.runs]
    assert any(r.font.strike for r in runs) and any(r.font.underline for r in runs)


def test_summary_lists_every_fact_as_a_sentence(results) -> None:  # type: ignore[no-untyped-def]
    from docx import Document
    from openpyxl import load_workbook

    spec = results[1].spec
    rows = summary_rows(spec)
    book = load_workbook(BytesIO(summary_xlsx(spec)))
    assert book.sheetnames == ["개요", "사실", "검토의견"]
    assert book["사실"].max_row == len(rows) + 1
    assert not any("cap_krw" in str(r[2]) for r in rows)
    doc = Document(BytesIO(summary_docx(spec)))
    assert len(doc.tables[0].rows) == len(rows) + 1
