"""The review page for staff: Korean sentences, tables as tables, no page furniture, a banner
when the reader could not read the file faithfully (no browser needed)."""

from __future__ import annotations

from gonggo.export.review import render_review
from gonggo.pipeline import parse_document
from gonggo.schemas.document import Block, Cell, Document, ReadFinding, SourceInfo, Table

TEXT = ("2026년 시험 지원사업 공고\n\n□ 지원내용\n구분\t정부\n지원금\t최대 1,800만원\n\n- 2 -\n\n"
        "□ 신청자격\n- 강원도 소재 중소기업\n")


def _document(findings: list[ReadFinding]) -> Document:
    t0 = TEXT.index("구분")
    t1 = TEXT.index("\n\n- 2 -")
    cells = []
    for r, line in enumerate(TEXT[t0:t1].split("\n")):
        pos = t0 + TEXT[t0:t1].index(line)
        for c, word in enumerate(line.split("\t")):
            start = TEXT.index(word, pos)
            cells.append(Cell(row=r, col=c, text=word, start=start, end=start + len(word)))
            pos = start + len(word)
    blocks = [Block(kind="paragraph", start=0, end=TEXT.index("\n")),
              Block(kind="table", start=t0, end=t1, table=Table(n_rows=2, n_cols=2, cells=cells))]
    return Document(source=SourceInfo(path="t.txt", sha256="0", format="txt"), text=TEXT,
                    blocks=blocks, findings=findings)


def test_tables_render_as_tables_and_furniture_is_dropped() -> None:
    doc = _document([])
    page = render_review(parse_document(doc).spec, doc.text, doc)
    assert '<table class="src">' in page and "<td>구분</td>" in page
    assert "\t정부" not in page  # not tab-separated lines
    assert "- 2 -" not in page
    assert 'class="banner"' not in page


def test_a_banner_when_the_reader_could_not_read_everything() -> None:
    doc = _document([ReadFinding(code="unmapped_glyphs", message="12 glyphs unmapped", pages=[2])])
    page = render_review(parse_document(doc).spec, doc.text, doc)
    assert 'class="banner"' in page and "읽을 수 없는 글자" in page
    assert "온전히 읽히지 않았습니다" in page


def test_script_json_is_not_html_escaped_into_garbage() -> None:
    doc = _document([])
    page = render_review(parse_document(doc).spec, doc.text, doc)
    meta = page.split('id="meta">')[1].split("</script>")[0]
    assert '"source": "t.txt"' in meta and "&#34;" not in meta and "&quot;" not in meta
