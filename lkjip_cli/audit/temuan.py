"""What `lkjip check` finds: one record per printed figure or consistency problem.

A finding's `tingkat` is `cocok` (the printed figure is the exact value rounded to the printed
places by the report's mode), `pembulatan` (one unit off in its last printed place, and some
rounding of the exact value, or of the parts of a sum, gives it) or `selisih` (anything else:
"+1" printed for 1 - 1 = 0 is not rounding, nor is a figure printed where nothing can be
computed). Consistency problems found without a printed figure are `selisih` too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from lkjip_cli.diagnostics import Path


class Tingkat(StrEnum):
    COCOK = "cocok"
    PEMBULATAN = "pembulatan"
    SELISIH = "selisih"

    @property
    def berat(self) -> int:
        return {"cocok": 0, "pembulatan": 1, "selisih": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Temuan:
    """One audited figure or one consistency problem."""

    tabel: str
    lokasi: str
    kolom: str
    dicetak: Decimal | str | None
    dihitung: Decimal | str | None
    selisih: Decimal | None
    tingkat: Tingkat
    keterangan: str
    path: Path
    jenis: str = "dicetak"  # or "konsistensi"
    satuan: str = ""


@dataclass(frozen=True, slots=True)
class Ringkasan:
    diperiksa: int
    cocok: int
    pembulatan: int
    selisih: int
    konsistensi: int
    #: Distinct wrong figures among the `selisih`: one wrong value of one quantity printed
    #: at several places is one error (the summary says "3 kesalahan, dicetak di 5 tempat").
    kesalahan: int = 0


def kesalahan_dari(t: Temuan) -> tuple[object, ...]:
    """What makes two findings the same error: the same quantity of the same thing (the
    path less its place), printed with the same value, in the same class."""
    return (t.path[:-1], t.dicetak, t.tingkat)


def ringkas(temuan: tuple[Temuan, ...]) -> Ringkasan:
    printed = [t for t in temuan if t.jenis == "dicetak"]
    wrong = [t for t in printed if t.tingkat is Tingkat.SELISIH]
    return Ringkasan(
        diperiksa=len(printed),
        cocok=sum(t.tingkat is Tingkat.COCOK for t in printed),
        pembulatan=sum(t.tingkat is Tingkat.PEMBULATAN for t in printed),
        selisih=len(wrong),
        konsistensi=sum(t.jenis == "konsistensi" for t in temuan),
        kesalahan=len({kesalahan_dari(t) for t in wrong}),
    )
