"""Header: the announcement date line."""

def test_a_header_date_line_in_a_mixed_spelling_is_still_read() -> None:
    """The date rules read one spelling per date; a signature date mixing them (`2025. 6. 3일`)
    was read by the header before they took over and must stay read."""
    from gonggo.extractors.header import _line_date

    assert str(_line_date("2025. 6. 3일")) == "2025-06-03"
    assert str(_line_date("2025.6.3일(화)")) == "2025-06-03"
    assert str(_line_date("’26. 6. 15.")) == "2026-06-15"
    assert _line_date("2025. 6. 3일 까지") is None
    assert _line_date("2025. 2. 30.") is None
