"""One Roman-numeral converter serves Word's numbering, section headings and the validator."""

from kehoach.parsers.docx.numbering import format_number
from kehoach.plan.patterns import roman_value
from kehoach.roman import MAX, from_roman, to_roman
from kehoach.validate.rules.numbering import render, value_of


def test_round_trip_over_the_whole_range() -> None:
    for n in range(1, 4000):
        assert from_roman(to_roman(n)) == n
    assert to_roman(1994) == "MCMXCIV" and to_roman(MAX).startswith("MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM")


def test_outside_the_range_is_written_in_digits() -> None:
    assert [to_roman(n) for n in (0, -3, MAX + 1)] == ["0", "-3", str(MAX + 1)]


def test_reading_is_case_blind_and_rejects_other_letters() -> None:
    assert from_roman("iv") == from_roman("IV") == 4
    assert from_roman("") is None and from_roman("IVA") is None and from_roman("1") is None


def test_every_user_agrees() -> None:
    # the validator's "mục" numbers, Word's upperRoman labels and heading values are one converter
    for n in (1, 4, 9, 14, 40, 399, 400, 444):
        assert render(n, "roman") == format_number(n, "upperRoman") == to_roman(n)
        assert value_of(to_roman(n) + ".", "roman") == roman_value(to_roman(n)) == n
    # before the merge the validator wrote 400 as "CCCC"
    assert render(400, "roman") == "CD"
    assert roman_value("A") == 0
