"""Text as the renderer prints it: what no document can hold dropped, one-line fields folded."""

from __future__ import annotations

import pytest

from resumeforge.rendering.layout import clean, one_line


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("  Senior Engineer  ", "Senior Engineer"),
        ("Senior  Engineer", "Senior Engineer"),
        ("Senior\tEngineer\r\nBerlin", "Senior Engineer Berlin"),
        ("Bell\x07 and\x7f delete", "Bell and delete"),
        ("Zürich\u00a0–\u2028Genève", "Zürich – Genève"),
        ("", ""),
    ],
)
def test_a_one_line_field_keeps_its_words_with_single_spaces(typed: str, printed: str) -> None:
    assert one_line(typed) == printed


def test_clean_text_keeps_its_lines_and_drops_what_no_document_holds() -> None:
    assert clean(" First line\r\nSecond\rThird\x00 \ud800") == "First line\nSecond\nThird"
    assert clean("Plain  ASCII, kept as typed ") == "Plain  ASCII, kept as typed"
