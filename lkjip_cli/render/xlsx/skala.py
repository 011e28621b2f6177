"""The report's interpretation scale on a sheet "Skala", and the lookup that turns a capaian
into its category word over it.

Why a sheet: a category word ("Sangat Baik") is a function of a capaian and of the report's
scale (`aturan.skala_interpretasi`: a named scale or the report's own bands). With the bands
in cells, the word is a formula: change a realisasi and the word follows; change a band's
start and every word follows. The engine classifies the unrounded capaian, each band from
its start (inclusive or not) to the next band's start (`engine/skala.py`); the lookup counts
the bands whose start the value passes (`>` or, for an inclusive start, `=`), in ascending
order, and takes that band's word, or the open-ended lowest band's when it passes none.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.skala import skala
from lkjip_cli.model.laporan import Pita
from lkjip_cli.render.xlsx.lembar import BARIS_DATA, BARIS_JUDUL, lembar_ref
from lkjip_cli.source.sel_aman import tulis_nilai, tulis_teks

NAMA = "Skala"


@dataclass(frozen=True)
class Skala:
    """Where the scale landed: the sheet, and the rows of its bounded bands."""

    lembar: str
    #: bands with a start, ascending; rows BARIS_DATA ... BARIS_DATA + n - 1
    berbatas: tuple[Pita, ...]
    #: the open-ended lowest band (no start), written below the others, or None
    bawah: Pita | None

    def kata(self, x: str) -> str | None:
        """The category word of the value `x` (an expression), as a formula."""
        n = len(self.berbatas)
        if n == 0:
            return None
        awal, akhir = BARIS_DATA, BARIS_DATA + n - 1
        mulai = f"{self.lembar}!$C${awal}:$C${akhir}"
        inklusif = f"{self.lembar}!$D${awal}:$D${akhir}"
        k = f"SUMPRODUCT(({x}>{mulai})+({x}={mulai})*{inklusif})"
        lain = f"{self.lembar}!$B${akhir + 1}" if self.bawah is not None else '""'
        return f"IF({k}=0,{lain},INDEX({self.lembar}!$B${awal}:$B${akhir},{k}))"


def tulis_skala(wb: Workbook, h: Hasil) -> Skala:
    """The sheet "Skala": one band per row, lowest start first."""
    bands = skala(h.laporan.aturan.skala_interpretasi)
    berbatas = tuple(sorted((b for b in bands if b.mulai is not None),
                            key=lambda b: b.mulai or Decimal(0)))
    bawah = next((b for b in bands if b.mulai is None), None)
    ws = wb.create_sheet(NAMA)
    tulis_teks(ws.cell(1, 1), "Skala interpretasi capaian (kata kategori Tabel 3.5 dan "
               "Ringkasan dicari di sini)").font = Font(bold=True, size=12)
    for j, judul in enumerate(("Kategori", "Sebutan", "Mulai (>)", "Inklusif (>=)")):
        tulis_teks(ws.cell(BARIS_JUDUL, j + 1), judul).font = Font(bold=True)
    for i, pita in enumerate((*berbatas, *((bawah,) if bawah else ()))):
        r = BARIS_DATA + i
        tulis_teks(ws.cell(r, 1), pita.kode)
        tulis_teks(ws.cell(r, 2), pita.sebutan)
        tulis_nilai(ws.cell(r, 3), pita.mulai)
        tulis_nilai(ws.cell(r, 4), int(pita.inklusif) if pita.mulai is not None else None)
    for kolom, lebar in zip("ABCD", (18, 18, 12, 14), strict=True):
        ws.column_dimensions[kolom].width = lebar
    return Skala(lembar_ref(ws), berbatas, bawah)
