"""Reading numbers exactly, as an Indonesian report prints them.

Every figure in lkjip is a `decimal.Decimal` built from text, never from a float. This module
turns the strings an analyst copies from a report into Decimals: `"22.984.963.000"`,
`"Rp1.368.120.592,-"`, `"Rp. 1.544.000.000,00"`, `"91,79"`, `"97,3%"`.

Why not Babel's `parse_decimal(..., locale="id", strict=True)`: it would read `"1.234"` as
1234 without a word, while an analyst who pasted it from an English spreadsheet meant 1,234.
lkjip must refuse such a string rather than guess, and must explain which readings it saw;
Babel gives neither, and it would add its CLDR data (tens of megabytes) to read two
separators. The grammar here is small, strict and fully tested instead.

Rules:
- `.` groups thousands (groups of exactly three digits), `,` separates decimals;
- `Rp`, `Rp.`, `Rp ` before and `,-` after are allowed; `%` after is allowed and dropped
  (the number stays in percent units: `"97,3%"` is 97.3);
- a string that reads as a number in both the Indonesian and the English convention with
  different values (`"1.234"`, `"12,345"`) is refused, as is an English-formatted one;
- NaN, infinities and magnitudes no report could hold are refused;
- digits are ASCII `0`-`9` only. Python's `int()`, `Decimal()`, `str.isdigit` and the digit
  class of `re` all accept any Unicode digit (`"８٤,５"` would read as 84,5, full-width and
  Arabic-Indic digits mixed), so a number with any other digit is refused, naming it; the
  patterns here are compiled with `re.ASCII`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

#: Largest power of ten a figure may reach (10^18 rupiah is far above any budget) and the
#: smallest decimal place it may carry.
MAX_ADJUSTED_EXPONENT = 18
MIN_EXPONENT = -12


@dataclass(frozen=True, slots=True)
class NumberError(ValueError):
    """Why a text is not accepted as a number; `code` becomes the diagnostic code."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


_CURRENCY = re.compile(r"^rp\.?\s*", re.IGNORECASE | re.ASCII)
_TRAILING_DASH = re.compile(r",-+$")
_PLAIN = re.compile(r"^\d+$", re.ASCII)
_ID_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$", re.ASCII)
_ID_DECIMAL = re.compile(r"^\d+,\d+$", re.ASCII)
_EN_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$", re.ASCII)
_EN_DECIMAL = re.compile(r"^\d+\.\d+$", re.ASCII)


#: A negative amount in accounting parentheses, `(149.500.000)` or `(Rp1.250.000)`; no sign
#: inside (`(-5)` is refused as any other text).
_KURUNG = re.compile(r"^\(\s*([^()+\-\s][^()+\-]*?)\s*\)$")


def parse_number(text: str) -> Decimal:
    """Parse one Indonesian-formatted number; raise `NumberError` with the reason."""
    body = text.strip()
    if not body:
        raise NumberError("number-invalid", "harus berupa angka, ditemukan teks kosong")
    hanya_ascii(text)
    kurung = _KURUNG.match(body)
    if kurung:  # `(149.500.000)`: a shortfall as a Laporan Realisasi Anggaran prints it
        return -parse_number(kurung.group(1))
    is_money = bool(_CURRENCY.match(body)) or bool(_TRAILING_DASH.search(body))
    body = _CURRENCY.sub("", body)
    body = _TRAILING_DASH.sub("", body)
    if body.endswith("%") and not is_money:
        body = body[:-1].rstrip()
    sign = ""
    if body[:1] in ("+", "-"):  # not `in "+-"`: the empty string is in every string
        sign, body = ("-" if body[0] == "-" else ""), body[1:].lstrip()
    value = Decimal(sign + _digits_of(body, original=text, is_money=is_money))
    return check_magnitude(value, original=text)


def hanya_ascii(text: str) -> None:
    """Refuse a number written with any digit but ASCII `0`-`9` (full-width `８`, Arabic-Indic
    `٤`, Devanagari `४`, ...), which Python's own parsers would accept silently."""
    for char in text:
        if not char.isascii() and unicodedata.category(char) == "Nd":
            raise NumberError(
                "number-digit",
                f"{text!r} memuat angka bukan ASCII {char!r} (U+{ord(char):04X} "
                f"{unicodedata.name(char, '?')}); tulis angka hanya dengan 0-9",
            )


def _digits_of(body: str, *, original: str, is_money: bool) -> str:
    """The number as Python's Decimal syntax (digits and one optional dot)."""
    if re.match(r"^0[0-9]", body):
        raise NumberError("number-invalid", f"{original!r} diawali nol: tulis angkanya "
                          "tanpa nol di depan, atau biarkan sebagai teks bila itu kode")
    if _PLAIN.match(body):
        return body
    if _ID_GROUPED.match(body):
        if _is_ambiguous_grouping(body) and not is_money:
            raise _ambiguous(original, as_id=body.replace(".", ""), as_en=body)
        return body.replace(".", "").replace(",", ".")
    if _ID_DECIMAL.match(body):
        whole, frac = body.split(",")
        if len(frac) == 3 and whole[0] != "0" and len(whole) <= 3 and not is_money:
            raise _ambiguous(original, as_id=f"{whole}.{frac}", as_en=whole + frac)
        return f"{whole}.{frac}"
    if _EN_GROUPED.match(body) or _EN_DECIMAL.match(body):
        raise NumberError(
            "number-format",
            f"{original!r} ditulis dengan cara Inggris; pada angka Indonesia titik memisahkan "
            "ribuan dan koma memisahkan desimal: tulis "
            f"{_english_to_indonesian(body)!r}, atau tulis sebagai angka YAML biasa "
            "(angka dan satu titik desimal, tanpa tanda kutip)",
        )
    raise NumberError("number-invalid", _bukan_angka(original))


_RENTANG = re.compile(r"^\s*([^\s–-][^–]*?)\s*[-–]\s*([^\s–-].*?)\s*$")


def _bukan_angka(original: str) -> str:
    """Not a number; a range written `60-85` is told how a range is written."""
    match = _RENTANG.match(original)
    if match:
        low, high = match.groups()
        try:
            parse_number(low), parse_number(high)
        except NumberError:
            pass
        else:
            return (f"harus berupa angka, ditemukan {original!r}; target rentang ditulis "
                    f"{{min: {low}, maks: {high}}}")
    return f"harus berupa angka, ditemukan {original!r}"


def _is_ambiguous_grouping(body: str) -> bool:
    """`1.234` (one group, no decimals) is 1234 in Indonesian and 1.234 in English."""
    return body.count(".") == 1 and "," not in body


def _ambiguous(original: str, *, as_id: str, as_en: str) -> NumberError:
    return NumberError(
        "number-ambiguous",
        f"{original!r} dapat dibaca dua cara: {as_id} (cara Indonesia) atau {as_en} "
        "(cara Inggris); lkjip tidak menebak. Tulis nilainya sebagai angka YAML biasa, "
        "atau tambahkan yang memastikannya (misalnya bagian desimal: '1.234,00')",
    )


def _english_to_indonesian(body: str) -> str:
    return body.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def check_magnitude(value: Decimal, *, original: str) -> Decimal:
    """Refuse NaN, infinities and magnitudes beyond any report's figures."""
    if not value.is_finite():
        raise NumberError("number-invalid", f"{original!r} bukan angka terhingga")
    if value != 0 and value.adjusted() > MAX_ADJUSTED_EXPONENT:
        raise NumberError(
            "number-range", f"{original!r} melebihi angka terbesar sebuah laporan (10^18)"
        )
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < MIN_EXPONENT:
        raise NumberError(
            "number-range",
            f"{original!r} punya lebih dari {-MIN_EXPONENT} angka desimal",
        )
    return value


def decimal_from_yaml_text(text: str) -> Decimal:
    """Build a Decimal from the text of a YAML int or float scalar (`10.50`, `1_000`)."""
    hanya_ascii(text)
    cleaned = text.replace("_", "")
    if re.match(r"^[-+]?0[0-9]", cleaned) and "." not in cleaned:
        raise NumberError(
            "number-invalid",
            f"{text!r} diawali nol (YAML 1.1 membacanya sebagai bilangan oktal): beri tanda "
            "kutip bila itu kode, atau hapus nolnya",
        )
    if re.match(r"^[-+]?0[box]", cleaned) or ":" in cleaned:
        raise NumberError(
            "number-invalid", f"{text!r}: bilangan heksadesimal, biner, oktal dan seksagesimal "
            "tidak diterima: tulis angka desimal biasa"
        )
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # `.inf`, `.nan` and other YAML spellings
        raise NumberError("number-invalid", f"{text!r} bukan angka terhingga") from exc
    return check_magnitude(value, original=text)
