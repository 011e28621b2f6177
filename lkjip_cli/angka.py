"""The one place that turns a Decimal into text a report reader sees, and that rounds.

It sits below every layer that shows or compares a figure (checks, audit, renderers, CLI)
and depends on nothing of lkjip's, so none of them has to import another to format.

Indonesian conventions (PUEBI): dot for thousands, comma for decimals, `Rp` with no dot or
space (`Rp1.405.183.265.160`). Rounding happens here and only here, with the report's mode
and places. Rich tables, Jinja2 templates (through the `angka`, `persen`, `rupiah` filters),
`lkjip explain` and `lkjip check` all call these functions; nothing else formats a figure.
"""

from __future__ import annotations

from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Decimal,
    localcontext,
)

#: What a figure that cannot be computed prints as (published reports print "n/a").
TIDAK_ADA = "n/a"

MODES = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN, "down": ROUND_DOWN,
         # Not a report's rule; `lkjip check` tries them to tell rounding from a wrong figure.
         "up": ROUND_UP, "ceiling": ROUND_CEILING, "floor": ROUND_FLOOR}


def bulatkan(nilai: Decimal, desimal: int, mode: str = "half-up") -> Decimal:
    """Round to `desimal` places by the report's mode (`half-up`, `half-even`, `down`).

    The context holds every digit the result needs, so a huge but valid figure (10^30 from a
    tiny target) rounds instead of raising `InvalidOperation`.
    """
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, nilai.adjusted() + desimal + 2)
        return nilai.quantize(Decimal(1).scaleb(-desimal), rounding=MODES[mode])


BILANGAN = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam")


def uraian_pembulatan(desimal: int, mode: str = "half-up") -> str:
    """The report's rounding in words a footnote keeps: `dibulatkan dua desimal`."""
    places = BILANGAN[desimal] if desimal < len(BILANGAN) else str(desimal)
    if mode == "down":
        return "dipotong (tidak dibulatkan) pada " + (
            "bilangan bulat" if desimal == 0 else f"{places} desimal")
    text = "dibulatkan ke bilangan bulat" if desimal == 0 else f"dibulatkan {places} desimal"
    return text + (", angka 5 dibulatkan ke genap" if mode == "half-even" else "")


def desimal_dari(nilai: Decimal) -> int:
    """How many decimal places a Decimal carries (`Decimal('97.30')` -> 2)."""
    exponent = nilai.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _kelompokkan(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return ".".join(reversed(groups))


def angka(nilai: Decimal | None, desimal: int | None = None, mode: str = "half-up") -> str:
    """`1234567.891` -> `1.234.567,89` with 2 places; with `desimal=None` the value's own."""
    if nilai is None:
        return TIDAK_ADA
    if desimal is not None:
        nilai = bulatkan(nilai, desimal, mode)
    text = f"{nilai:f}"
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    out = _kelompokkan(whole) + ("," + frac if frac else "")
    # A value that rounds to zero prints without a minus sign, keeping its places: "0,00".
    return out if set(out) <= {"0", ",", "."} else sign + out


def persen(nilai: Decimal | None, desimal: int = 2, mode: str = "half-up", *,
           tanda: bool = False) -> str:
    """A percentage: `97,33`, or `97,33%` with `tanda=True`."""
    text = angka(nilai, desimal, mode)
    return text + "%" if tanda and nilai is not None else text


def rupiah(nilai: Decimal | None, *, awalan: bool = True, kurung: bool = False) -> str:
    """`Rp1.582.395.750`; sen only when the amount has them (`Rp27.407.070.963,98`). With
    `kurung`, a negative amount in parentheses as a Laporan Realisasi Anggaran prints a
    shortfall under "Lebih/(Kurang)": `(149.500.000)`."""
    if nilai is None:
        return TIDAK_ADA
    if kurung and nilai < 0:
        return f"({rupiah(-nilai, awalan=awalan)})"
    desimal = 0 if nilai == nilai.to_integral_value() else 2
    text = angka(nilai, desimal)
    if not awalan:
        return text
    return f"-Rp{text[1:]}" if text.startswith("-") else f"Rp{text}"


def desimal_polos(nilai: Decimal | None) -> str | None:
    """The exact value as a plain decimal string for JSON and CSV (`'97.3333'`), or None."""
    if nilai is None:
        return None
    text = f"{nilai:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def tepat(nilai: Decimal | None, maks: int = 10) -> str:
    """The exact value for explanations: all its places, or `maks` of them and `…`."""
    if nilai is None:
        return TIDAK_ADA
    if desimal_dari(nilai) <= maks:
        polos = desimal_polos(nilai)
        return angka(Decimal(polos)) if polos is not None else TIDAK_ADA
    return angka(bulatkan(nilai, maks, "down")) + "…"
