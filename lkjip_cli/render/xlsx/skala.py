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
from lkjip_cli.render.xlsx.lembar import lembar_ref
from lkjip_cli.source.sel_aman import tulis_nilai, tulis_teks

NAMA = "Skala"


@dataclass(frozen=True)
class Skala:
    """Where one scale landed: the sheet, and the first row of its bounded bands."""

    lembar: str
    awal: int
    #: bands with a start, ascending; rows awal ... awal + n - 1
    berbatas: tuple[Pita, ...]
    #: the open-ended lowest band (no start), written below the others, or None
    bawah: Pita | None

    def kata(self, x: str, *, dengan_kode: bool = False) -> str | None:
        """The category word of the value `x` (an expression), as a formula; with the
        band's code first (`BB (Sangat Baik)`) when asked."""
        n = len(self.berbatas)
        if n == 0:
            return None
        awal, akhir = self.awal, self.awal + n - 1
        mulai = f"{self.lembar}!$C${awal}:$C${akhir}"
        inklusif = f"{self.lembar}!$D${awal}:$D${akhir}"
        k = f"SUMPRODUCT(({x}>{mulai})+({x}={mulai})*{inklusif})"

        def teks(kolom: str, baris: str) -> str:
            return f"INDEX({self.lembar}!${kolom}${awal}:${kolom}${akhir + 1},{baris})"

        baris = f"IF({k}=0,{n + 1},{k})"
        kata = f'{teks("A", baris)}&" ("&{teks("B", baris)}&")"' if dengan_kode else \
            teks("B", baris)
        if self.bawah is None:
            return f'IF({k}=0,"",{kata})'
        return kata


#: The scales the sheet holds: (title, the rule naming the scale).
SKALA = (("Skala interpretasi capaian (kata kategori Tabel 3.5 dan Ringkasan)",
          "skala_interpretasi"),
         ("Skala predikat evaluasi SAKIP (Tabel 3.1; predikat Tabel 3.2)", "skala_predikat"))


def tulis_skala(wb: Workbook, h: Hasil) -> dict[str, Skala]:
    """The sheet "Skala": each scale a block, one band per row, lowest start first, by the
    name of the rule that chose it."""
    ws = wb.create_sheet(NAMA)
    out, baris = {}, 1
    for judul, aturan in SKALA:
        bands = skala(getattr(h.laporan.aturan, aturan))
        berbatas = tuple(sorted((b for b in bands if b.mulai is not None),
                                key=lambda b: b.mulai or Decimal(0)))
        bawah = next((b for b in bands if b.mulai is None), None)
        tulis_teks(ws.cell(baris, 1), judul).font = Font(bold=True, size=12)
        for j, kolom in enumerate(("Kategori", "Sebutan", "Mulai (>)", "Inklusif (>=)")):
            tulis_teks(ws.cell(baris + 1, j + 1), kolom).font = Font(bold=True)
        for i, pita in enumerate((*berbatas, *((bawah,) if bawah else ()))):
            r = baris + 2 + i
            tulis_teks(ws.cell(r, 1), pita.kode)
            tulis_teks(ws.cell(r, 2), pita.sebutan)
            tulis_nilai(ws.cell(r, 3), pita.mulai)
            tulis_nilai(ws.cell(r, 4), int(pita.inklusif) if pita.mulai is not None else None)
        out[aturan] = Skala(lembar_ref(ws), baris + 2, berbatas, bawah)
        baris += 2 + len(bands) + 2
    for kolom, lebar in zip("ABCD", (18, 18, 12, 14), strict=True):
        ws.column_dimensions[kolom].width = lebar
    return out
