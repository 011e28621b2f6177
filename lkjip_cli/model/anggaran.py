"""The budget tree below a program: kegiatan's sub kegiatan (regions), or KRO and RO (K/L).

From the 2021 budget year a region's pagu and realisasi sit on the sub kegiatan (Permendagri
90/2019; SIPD codes such as `5.03.02.1.01.0001`), and a ministry's on the RO of a KRO (Program
→ Kegiatan → KRO → RO). Rather than one model per nomenclature, a kegiatan holds `rincian`,
and a rincian holds its own `rincian`, to any depth; the report names its levels
(`tingkat_anggaran`). Program and kegiatan of 2020 are the first two levels of the same tree:
a kegiatan without `rincian` is a leaf with its own pagu, as it always was.

Money is typed at the leaves only; every level above is their sum. A total the report printed
for a level goes under its `dilaporkan`, where `lkjip check` compares it with that sum.
"""

from __future__ import annotations

from pydantic import Field

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.types import Dicetak, Kode, Rupiah

#: The level names of the reference report's tree and of a 2021+ region's.
TINGKAT_BAWAAN = ("Program", "Kegiatan", "Sub Kegiatan")


class DilaporkanAnggaran(Model):
    """Printed pagu, realisasi and penyerapan of one node of the budget tree (Tabel 3.13)."""

    pagu: Dicetak = {}
    realisasi: Dicetak = {}
    penyerapan: Dicetak = {}


class RincianAnggaran(Model):
    """A level below kegiatan: a sub kegiatan, a KRO, an RO; any depth."""

    kode: Kode
    nama: str = Field(min_length=1)
    pagu: Rupiah | None = Field(default=None, description="Only at a leaf (no rincian)")
    realisasi: Rupiah | None = Field(default=None, description="Only at a leaf (no rincian)")
    mendukung: tuple[Kode, ...] = Field(
        default=(), description="Kode of the indikator kinerja this line supports; "
        "inherited by every line below it")
    rincian: tuple[RincianAnggaran, ...] = Field(
        default=(), description="The next level down (sub kegiatan, KRO, RO)")
    dilaporkan: DilaporkanAnggaran = DilaporkanAnggaran()
