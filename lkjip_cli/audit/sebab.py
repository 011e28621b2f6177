"""Likely causes of a printed figure that does not match: try the known alternatives.

An alternative is a value computed another way (truncated instead of rounded, the other
negative-polarity formula, a difference instead of a ratio, a different set of rows, the
same quantity from another table or last year, the formula applied to the figures the report
printed). An alternative "reproduces" the printed figure when, rounded or truncated to the
printed places, it equals it. Digit slips (two digits swapped, one dropped, one mistyped)
are recognised by comparing the digit strings. When nothing reproduces the figure, the
finding says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

from lkjip_cli.angka import bulatkan, desimal_dari
from lkjip_cli.engine.nilai import PRESISI


@dataclass(frozen=True, slots=True)
class Alternatif:
    """A value computed another way, and the words that say which way."""

    keterangan: str
    nilai: Decimal | None
    #: A computed way that, when it reproduces the figure, outranks a digit slip (an average
    #: over a subset of the indicators is not a typing error).
    utama: bool = False


Penghasil = Callable[[], Iterable[Alternatif]]


def aman(func: Callable[[], Decimal | None]) -> Decimal | None:
    """Evaluate an alternative's arithmetic; a division by zero means "no alternative"."""
    try:
        with localcontext() as ctx:
            ctx.prec = PRESISI
            return func()
    except (InvalidOperation, ZeroDivisionError, TypeError):
        return None


def mereproduksi(alt: Decimal, dicetak: Decimal, mode: str) -> str | None:
    """How `alt` reproduces the printed figure: rounded (""), truncated, or not (None)."""
    return _Cetak(dicetak).mereproduksi(alt, mode)


#: One unit of the last printed place, by the number of places (0,01 for two).
_SATUAN = tuple(Decimal(1).scaleb(-p) for p in range(12))
#: Fewer digits than the default context's 28: the printed figure plus or minus one unit is
#: then exact.
_DIGIT_PASTI = 25


class _Cetak:
    """A printed figure, its places and the open interval one unit of its last place
    around it, worked out once for every alternative tried against it."""

    __slots__ = ("atas", "bawah", "dicetak", "places")

    def __init__(self, dicetak: Decimal) -> None:
        self.dicetak = dicetak
        self.places = places = desimal_dari(dicetak)
        unit = _SATUAN[places] if places < len(_SATUAN) else Decimal(1).scaleb(-places)
        # Exact while the printed figure's digits fit the context, as any printed figure's
        # do; otherwise no interval, and every alternative is rounded.
        pasti = dicetak.adjusted() + places < _DIGIT_PASTI
        self.bawah = dicetak - unit if pasti else None
        self.atas = dicetak + unit if pasti else None

    def mereproduksi(self, alt: Decimal, mode: str) -> str | None:
        # No rounding moves a value by a whole unit of the last place: most alternatives
        # are farther than that, and two comparisons say so without rounding them twice.
        if self.bawah is not None and self.atas is not None and \
                not self.bawah < alt < self.atas:
            return None
        if bulatkan(alt, self.places, mode) == self.dicetak:
            return ""
        if bulatkan(alt, self.places, "down") == self.dicetak:
            return "dipotong, bukan dibulatkan"
        return None


def _digits(rounded: Decimal) -> str:
    """The digits of a figure already rounded to the places compared."""
    return f"{abs(rounded):f}".replace(".", "")


def salah_ketik(dicetak: Decimal, benar: Decimal, mode: str) -> str | None:
    """A digit slip that turns the right figure into the printed one, if there is one."""
    places = desimal_dari(dicetak)
    printed = _digits(dicetak)  # a printed figure has exactly its places
    for extra in (0, 1, 2):
        longer = _digits(bulatkan(benar, places + extra, mode))
        if len(longer) == len(printed) + 1 and any(
            longer[:i] + longer[i + 1:] == printed for i in range(len(longer))
        ):
            return "satu angka hilang"
    right = _digits(bulatkan(benar, places, mode))
    if len(printed) != len(right) or printed == right:
        return None
    diff = [i for i in range(len(right)) if printed[i] != right[i]]
    if len(diff) == 2 and diff[1] == diff[0] + 1 and \
            printed[diff[0]] == right[diff[1]] and printed[diff[1]] == right[diff[0]]:
        return "dua angka bertukar tempat"
    last_place_by_one = diff == [len(right) - 1] and \
        abs(int(printed[-1]) - int(right[-1])) == 1
    if len(diff) == 1 and not last_place_by_one:
        return "satu angka salah ketik"
    return None


def cari_sebab(dicetak: Decimal, benar: Decimal | None, mode: str,
               penghasil: Sequence[Penghasil]) -> list[str]:
    """Every alternative that reproduces the printed figure, in the order tried."""
    found: list[str] = []
    slip: str | None = None
    cetak = _Cetak(dicetak)
    if benar is not None:
        how = cetak.mereproduksi(benar, mode)
        if how:
            found.append(how)
        slip = salah_ketik(dicetak, benar, mode)
        if slip and not how:
            found.append(slip)
    for make in penghasil:
        for alt in make():
            if alt.nilai is None:
                continue
            how = cetak.mereproduksi(alt.nilai, mode)
            if how is not None:
                text = alt.keterangan + (f" ({how})" if how else "")
                if alt.utama and slip in found:
                    found.remove(slip)
                if text not in found:
                    found.append(text)
    return found
