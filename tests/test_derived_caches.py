"""Caches of derived readings (speed only): they must give what computing afresh gives."""

from __future__ import annotations

from pathlib import Path

from gonggo.schemas.document import Cell, Table

ROOT = Path(__file__).resolve().parents[1]


def _table(texts: list[str]) -> Table:
    cells = [Cell(row=0, col=c, text=t, start=c, end=c + len(t)) for c, t in enumerate(texts)]
    return Table(n_rows=1, n_cols=len(cells), cells=cells)


def test_a_derived_reading_is_computed_once_per_table_and_key() -> None:
    calls: list[str] = []

    def count(table: Table) -> int:
        calls.append("x")
        return len(table.cells)

    a, b = _table(["구분", "금액"]), _table(["구분", "금액"])
    assert a.derived("n", lambda: count(a)) == 2
    assert a.derived("n", lambda: count(a)) == 2
    assert len(calls) == 1  # the second ask is the kept value
    assert b.derived("n", lambda: count(b)) == 2 and len(calls) == 2  # another table: its own
    assert a.derived("other", lambda: count(a)) == 2 and len(calls) == 3  # another key: its own


def test_a_derived_reading_is_forgotten_when_the_cells_change() -> None:
    a = _table(["구분", "금액"])
    assert a.derived("texts", lambda: tuple(c.text for c in a.cells)) == ("구분", "금액")
    a.cells = a.cells[:1]
    a.n_cols = 1
    assert a.derived("texts", lambda: tuple(c.text for c in a.cells)) == ("구분",)


def test_the_grid_of_single_and_merged_cells() -> None:
    cells = [Cell(row=0, col=0, col_span=2, text="구분", start=0, end=2),
             Cell(row=1, col=0, text="A", start=3, end=4),
             Cell(row=1, col=1, row_span=2, text="B", start=5, end=6),
             Cell(row=2, col=0, text="C", start=7, end=8)]
    table = Table(n_rows=3, n_cols=2, cells=cells)
    assert table.rows_text() == [["구분", "구분"], ["A", "B"], ["C", "B"]]
    grid = table.grid()
    grid[0][0] = None  # a caller's copy
    assert table.grid()[0][0] is cells[0]


def test_the_withheld_spec_is_a_deep_copy() -> None:
    """`withhold_conflicting_terms` works on a copy: equal to the spec, sharing no object."""
    from gonggo.pipeline import parse
    from gonggo.validate.checks import _deep_copy

    spec = parse(min((ROOT / "corpus" / "seeds").glob("*.txt"))).spec
    copy = _deep_copy(spec)
    assert copy == spec and copy.model_dump_json() == spec.model_dump_json()
    assert copy.programs[0] is not spec.programs[0]
    copy.programs[0].name = "바뀐 이름"
    assert spec.programs[0].name != "바뀐 이름"
