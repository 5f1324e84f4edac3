"""Word number formats, one value at a time (the document-level behaviour is in test_docx_parser)."""

from __future__ import annotations

import pytest

from kehoach.parsers.docx.numbering import format_number


@pytest.mark.parametrize(
    "n, fmt, text",
    [
        (1, "upperRoman", "I"),
        (4, "upperRoman", "IV"),
        (9, "upperRoman", "IX"),
        (14, "upperRoman", "XIV"),
        (40, "upperRoman", "XL"),
        (1999, "upperRoman", "MCMXCIX"),
        (3, "lowerRoman", "iii"),
        (1, "lowerLetter", "a"),
        (5, "lowerLetter", "e"),
        (26, "lowerLetter", "z"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (7, "decimalZero", "07"),
        (12, "decimalZero", "12"),
        (12, "decimal", "12"),
        (3, "bullet", ""),
        (3, "none", ""),
        (3, "chineseCounting", "3"),
        (1, "vietnameseCounting", "một"),
        (10, "vietnameseCounting", "mười"),
        (15, "vietnameseCounting", "mười lăm"),
        (21, "vietnameseCounting", "hai mươi mốt"),
        (24, "vietnameseCounting", "hai mươi tư"),
        (105, "vietnameseCounting", "một trăm lẻ năm"),
    ],
)
def test_format_number(n: int, fmt: str, text: str):
    assert format_number(n, fmt) == text
