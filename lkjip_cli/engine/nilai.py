"""A computed figure that can say how it was made.

`Nilai` is what every engine formula returns: the exact value (or None with the reason it
cannot be computed), the formula's name and text, the inputs with the place in the file each
came from, and the report rules that were applied. Nothing here rounds: rounding belongs to
presentation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, localcontext
from functools import wraps
from typing import ParamSpec, TypeVar

from lkjip_cli.diagnostics import Path

#: Significant digits of every engine computation: far beyond any printed place, so that a
#: quotient such as 73/75 is exact to the last place a report could print.
PRESISI = 50

HUNDRED = Decimal(100)

P = ParamSpec("P")
R = TypeVar("R")


def presisi(func: Callable[P, R]) -> Callable[P, R]:
    """Run `func` in a decimal context of `PRESISI` digits (thread-local, no global state)."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with localcontext() as ctx:
            ctx.prec = PRESISI
            return func(*args, **kwargs)

    return wrapper


@dataclass(frozen=True, slots=True)
class Masukan:
    """One input of a formula: its name, value, and where the file holds it."""

    nama: str
    nilai: Decimal | None
    sumber: Path | None = None


@dataclass(frozen=True, slots=True)
class Nilai:
    """A computed figure with its provenance."""

    nilai: Decimal | None
    rumus: str
    masukan: tuple[Masukan, ...] = ()
    aturan: tuple[str, ...] = ()
    alasan: str | None = None
    satuan: str = "%"
    turunan: tuple[Nilai, ...] = field(default=(), repr=False)
    #: The formula with the numbers put in, as a template over `uraian_angka`
    #: (`"{0} / {1} x 100"`), so that presentation formats the numbers its own way.
    uraian: str = ""
    uraian_angka: tuple[Decimal, ...] = ()

    @property
    def ada(self) -> bool:
        """Whether the figure could be computed."""
        return self.nilai is not None

    def with_aturan(self, *aturan: str) -> Nilai:
        return replace(self, aturan=(*self.aturan, *aturan))

    def with_uraian(self, uraian: str, *angka: Decimal) -> Nilai:
        # Called for almost every figure: the constructor, not `dataclasses.replace`
        # (which inspects the fields on every call, about twice as slow).
        return Nilai(nilai=self.nilai, rumus=self.rumus, masukan=self.masukan,
                     aturan=self.aturan, alasan=self.alasan, satuan=self.satuan,
                     turunan=self.turunan, uraian=uraian, uraian_angka=angka)


def tidak_dapat(rumus: str, alasan: str, masukan: Iterable[Masukan] = (), *,
                satuan: str = "%", aturan: Iterable[str] = ()) -> Nilai:
    """A figure that cannot be computed, and why."""
    return Nilai(None, rumus, tuple(masukan), tuple(aturan), alasan, satuan)


def jumlah(rumus: str, bagian: Iterable[Masukan], *, satuan: str = "Rp") -> Nilai:
    """The sum of the given inputs; not computable when one of them is missing."""
    parts = tuple(bagian)
    missing = [m.nama for m in parts if m.nilai is None]
    if missing:
        return tidak_dapat(rumus, f"tidak ada nilai untuk {', '.join(missing)}", parts,
                           satuan=satuan)
    numbers = tuple(m.nilai for m in parts if m.nilai is not None)
    uraian = " + ".join(f"{{{i}}}" for i in range(len(numbers)))
    return Nilai(sum(numbers, Decimal(0)), rumus, parts, satuan=satuan).with_uraian(
        uraian, *numbers)


@presisi
def persentase(rumus: str, pembilang: Masukan, penyebut: Masukan) -> Nilai:
    """`pembilang / penyebut x 100`, never dividing by zero."""
    inputs = (pembilang, penyebut)
    if pembilang.nilai is None or penyebut.nilai is None:
        return tidak_dapat(rumus, "data tidak lengkap", inputs)
    if penyebut.nilai == 0:
        return tidak_dapat(rumus, f"{penyebut.nama} bernilai 0", inputs)
    return Nilai(pembilang.nilai / penyebut.nilai * HUNDRED, rumus, inputs).with_uraian(
        "{0} / {1} x 100", pembilang.nilai, penyebut.nilai)


def dari(nama: str, nilai: Nilai) -> Masukan:
    """Use a computed figure as the input of another formula."""
    return Masukan(nama, nilai.nilai, None)
