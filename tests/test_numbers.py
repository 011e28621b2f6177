"""Numbers: exact Decimals from YAML, Indonesian strings, and every refusal with its code.

Expected values come from the number rules (rules.md section 5, numbers.py docstring): the dot
groups thousands in threes, the comma separates decimals, `Rp`/`Rp.`/`,-`/`%` are dropped, a
string readable two ways is refused, English formatting is refused.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from lkjip_cli.model.types import Angka, Rupiah
from lkjip_cli.source.numbers import NumberError, decimal_from_yaml_text, parse_number
from lkjip_cli.source.yamlsource import INVALID, parse_yaml_text

ANGKA = TypeAdapter(Angka)
RUPIAH = TypeAdapter(Rupiah)


def yaml_value(text: str) -> object:
    """The value of key `x` in the one-line document `x: <text>`, and no diagnostic."""
    parsed = parse_yaml_text("t.yaml", f"x: {text}\n")
    assert parsed.diagnostics == []
    assert parsed.data is not None
    return parsed.data["x"]


def yaml_refusal(text: str) -> tuple[str, int, int]:
    """(code, line, column) of the single diagnostic for `x: <text>`; the value is INVALID."""
    parsed = parse_yaml_text("t.yaml", f"x: {text}\n")
    assert parsed.data is not None
    assert parsed.data["x"] is INVALID
    assert len(parsed.diagnostics) == 1
    diag = parsed.diagnostics[0]
    assert diag.line is not None and diag.column is not None
    return diag.code, diag.line, diag.column


def refusal_code(value: object) -> str:
    with pytest.raises(ValidationError) as info:
        ANGKA.validate_python(value)
    errors = info.value.errors()
    assert len(errors) == 1
    return str(errors[0]["type"])


# ------------------------------------------------------------------ YAML numbers, exact


def test_yaml_float_keeps_its_printed_places() -> None:
    value = yaml_value("10.50")
    assert isinstance(value, Decimal)
    assert value == Decimal("10.50")
    # Two places, as printed: a float (or a normalised Decimal) would have one.
    assert value.as_tuple() == Decimal("10.50").as_tuple()
    assert value.as_tuple().exponent == -2
    assert str(value) == "10.50"


def test_yaml_float_with_many_digits_is_exact() -> None:
    value = yaml_value("12345678901234567.89")
    assert isinstance(value, Decimal)
    assert str(value) == "12345678901234567.89"
    # The float this text would become loses the cents.
    assert float("12345678901234567.89") != value


def test_yaml_float_168_50() -> None:
    value = yaml_value("168.50")
    assert isinstance(value, Decimal)
    assert str(value) == "168.50"


def test_yaml_int_is_a_decimal() -> None:
    value = yaml_value("22984963000")
    assert isinstance(value, Decimal)
    assert value == 22984963000
    assert str(value) == "22984963000"


def test_yaml_int_with_underscores() -> None:
    assert yaml_value("1_000_000") == Decimal(1000000)


def test_yaml_dotted_thousands_is_a_string_read_by_the_model() -> None:
    # YAML has no number with two dots: `22.984.963.000` is a string, which Angka then reads.
    raw = yaml_value("22.984.963.000")
    assert raw == "22.984.963.000"
    assert ANGKA.validate_python(raw) == Decimal(22984963000)


# ------------------------------------------------------------ Indonesian number strings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22.984.963.000", "22984963000"),
        ("Rp1.368.120.592,-", "1368120592"),
        ("Rp. 1.544.000.000,00", "1544000000.00"),
        ("Rp 23.265.036.415", "23265036415"),
        ("Rp. 8.584.486.632,-", "8584486632"),
        ("27.407.070.963,98", "27407070963.98"),
        ("91,79", "91.79"),
        ("97,3%", "97.3"),
        ("94,34%", "94.34"),
        ("0,45", "0.45"),
        ("168,5", "168.5"),
        ("100", "100"),
        ("0", "0"),
        ("-3,77", "-3.77"),
        ("  91,79  ", "91.79"),
    ],
)
def test_indonesian_strings(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value == Decimal(expected)
    # Same digits and places, not only the same value: `,00` keeps its two places.
    assert value.as_tuple() == Decimal(expected).as_tuple()


def test_rupiah_with_cents_keeps_two_places() -> None:
    value = parse_number("Rp. 1.544.000.000,00")
    assert str(value) == "1544000000.00"


def test_percent_stays_in_percent_units() -> None:
    # "97,3%" is 97.3 (percent units), not 0.973.
    assert parse_number("97,3%") == Decimal("97.3")


def test_money_marker_settles_a_single_group() -> None:
    # `Rp` or `,-` says it is money, and money is written the Indonesian way.
    assert parse_number("Rp1.000") == Decimal(1000)
    assert parse_number("1.000,-") == Decimal(1000)


def test_model_reads_indonesian_strings() -> None:
    assert ANGKA.validate_python("Rp1.368.120.592,-") == Decimal(1368120592)
    assert ANGKA.validate_python("91,79") == Decimal("91.79")
    assert RUPIAH.validate_python("Rp. 1.544.000.000,00") == Decimal("1544000000.00")


# -------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("text", ["1.234", "12,345", "999.999", "1,234", "1.234%"])
def test_ambiguous_strings_are_refused(text: str) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert info.value.code == "number-ambiguous"


def test_ambiguous_message_names_both_readings() -> None:
    with pytest.raises(NumberError) as info:
        parse_number("1.234")
    message = info.value.message
    assert "1234 (cara Indonesia)" in message
    assert "1.234 (cara Inggris)" in message


@pytest.mark.parametrize("text", ["2,389,713,180", "168.5", "1,234.56", "0.5"])
def test_english_format_strings_are_refused(text: str) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert info.value.code == "number-format"


def test_english_format_message_suggests_the_indonesian_spelling() -> None:
    with pytest.raises(NumberError) as info:
        parse_number("2,389,713,180")
    assert "'2.389.713.180'" in info.value.message


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "NaN", "Infinity", "12.34.567", "1.234,", "--5", "%", "Rp", "Rp.", ",-"],
)
def test_non_numbers_are_refused(text: str) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert info.value.code == "number-invalid"


def test_model_refusals_carry_the_number_codes() -> None:
    assert refusal_code("1.234") == "number-ambiguous"
    assert refusal_code("12,345") == "number-ambiguous"
    assert refusal_code("2,389,713,180") == "number-format"
    assert refusal_code("168.5") == "number-format"
    assert refusal_code("%") == "number-invalid"


@pytest.mark.parametrize("text", [".nan", ".NaN", ".inf", "-.inf", "+.inf", ".Inf"])
def test_yaml_nan_and_infinities_are_refused(text: str) -> None:
    code, line, column = yaml_refusal(text)
    assert (code, line, column) == ("number-invalid", 1, 4)


def test_yaml_exponent_beyond_range_is_refused() -> None:
    assert yaml_refusal("1.0e+400") == ("number-range", 1, 4)


def test_yaml_exponent_just_above_the_bound_is_refused() -> None:
    # 10^18 is the largest magnitude allowed; 1.0e+19 is above it.
    assert yaml_refusal("1.0e+19") == ("number-range", 1, 4)
    assert yaml_value("1.0e+18") == Decimal("1.0E+18")


def test_too_many_decimal_places_are_refused() -> None:
    # 13 decimal places; the limit is 12.
    assert yaml_refusal("0.0000000000001") == ("number-range", 1, 4)
    assert yaml_value("0.000000000001") == Decimal("1E-12")


@pytest.mark.parametrize("text", ["017", "-017", "00"])
def test_leading_zero_ints_are_refused(text: str) -> None:
    assert yaml_refusal(text) == ("number-invalid", 1, 4)


@pytest.mark.parametrize("text", ["0x1F", "0b101", "1:30"])
def test_other_yaml_int_spellings_are_refused(text: str) -> None:
    assert yaml_refusal(text) == ("number-invalid", 1, 4)


def test_leading_zero_message() -> None:
    with pytest.raises(NumberError) as info:
        decimal_from_yaml_text("017")
    assert "diawali nol" in info.value.message


def test_python_float_is_refused_by_the_model() -> None:
    assert refusal_code(97.3) == "number-float"
    assert refusal_code(0.0) == "number-float"


def test_boolean_is_not_a_number() -> None:
    assert refusal_code(True) == "number-type"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (Decimal("NaN"), "number-invalid"),
        (Decimal("Infinity"), "number-invalid"),
        (Decimal("-Infinity"), "number-invalid"),
        (Decimal("1E+19"), "number-range"),
        (10**19, "number-range"),
    ],
)
def test_model_refuses_non_finite_and_huge_values(value: object, code: str) -> None:
    assert refusal_code(value) == code


def test_model_accepts_exact_inputs() -> None:
    assert ANGKA.validate_python(Decimal("10.50")).as_tuple() == Decimal("10.50").as_tuple()
    assert ANGKA.validate_python(75) == Decimal(75)
    assert ANGKA.validate_python(10**18) == Decimal(10**18)


def test_rupiah_refuses_negative() -> None:
    with pytest.raises(ValidationError) as info:
        RUPIAH.validate_python(Decimal(-5))
    assert info.value.errors()[0]["type"] == "negative"
    assert RUPIAH.validate_python(Decimal(0)) == 0


# ---------------------------------------------------------------------- properties


def grouped(n: int) -> str:
    """`n` with a dot every three digits from the right, as Indonesian reports print it."""
    digits = str(n)
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(parts)


def test_grouped_helper() -> None:
    assert grouped(22984963000) == "22.984.963.000"
    assert grouped(1000) == "1.000"
    assert grouped(7) == "7"


@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_rupiah_text_reads_as_the_integer(n: int) -> None:
    assert parse_number(f"Rp{grouped(n)},-") == Decimal(n)
    assert parse_number(f"Rp. {grouped(n)},00") == Decimal(n)


@given(st.integers(min_value=1_000_000, max_value=10**18 - 1), st.integers(0, 99))
def test_two_or_more_groups_with_cents(n: int, cents: int) -> None:
    assert parse_number(f"{grouped(n)},{cents:02d}") == Decimal(n) + Decimal(cents) / 100
    assert parse_number(grouped(n)) == Decimal(n)


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=99))
def test_percent_with_two_places(whole: int, frac: int) -> None:
    assert parse_number(f"{whole},{frac:02d}%") == Decimal(f"{whole}.{frac:02d}")


@pytest.mark.parametrize("text", ["00,5", "012.345", "007"])
def test_leading_zero_refused_in_every_form(text: str) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert info.value.code == "number-invalid"
    assert "diawali nol" in info.value.message
