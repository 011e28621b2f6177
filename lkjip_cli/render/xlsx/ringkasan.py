"""The workbook's "Ringkasan" sheet: the figures Bab IV states, as formulas over the tables.

Why a sheet of its own: the averages, the quarterly roll-ups and the overall efficiency are
printed in sentences (Bab III C.4, Bab IV), not in a table, yet a reviewer wants to follow
them too. Each is written as the formula the engine used, over the cells of Tabel 3.4, 3.5
and 3.13: an average over exactly the indicators the report's rules include (with the cap
the report applies before averaging), a roll-up over exactly the quarters that have a value
(the last, their sum or their mean, by the indicator's rule), the efficiency by the report's
method. Averages are taken over the unrounded capaian (the formula of each repeated inside),
as the engine takes them; only the result is rounded.

A figure whose inputs are not all on the sheets (a range target, a table left out) is its
exact value instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip_cli.engine.hasil import Hasil, HasilIndikator
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.render.xlsx.lembar import Lembar, lembar_ref, ref
from lkjip_cli.render.xlsx.rumus import Rumus
from lkjip_cli.tabel import Baris, Kolom, Sel, Tabel, persen, teks

ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _lembar(lembar: Sequence[Lembar], nomor: str) -> Lembar | None:
    return next((lb for lb in lembar if lb.tabel.nomor == nomor), None)


def _alamat(lb: Lembar, kolom: int, i: int) -> str:
    return f"{lembar_ref(lb.ws)}!{ref(kolom, lb.baris(i))}"


def rata_metode(metode: str, parts: Sequence[str]) -> str | None:
    """The Excel average of `parts` by a named averaging method; None for one whose weights
    are not on the sheets (pagu per indicator), written as its value."""
    if metode == "rata-rata":
        return f"AVERAGE({','.join(parts)})"
    if metode == "geometrik-pmk-22-2021":
        # PRODUCT()^(1/n), not GEOMEAN: a capaian of 0 makes the mean 0, where GEOMEAN fails.
        return f"PRODUCT({','.join(f'({p})/100' for p in parts)})^(1/{len(parts)})*100"
    return None


class _Penyusun:
    def __init__(self, h: Hasil, lembar: Sequence[Lembar], rumus: Rumus) -> None:
        self.h = h
        self.rumus = rumus
        self.t35 = _lembar(lembar, "3.5")
        self.t34 = _lembar(lembar, "3.4")
        self.t313 = _lembar(lembar, "3.13")
        cap = h.laporan.aturan.batas_atas
        self.batas_rata = cap.nilai if cap is not None and "rata-rata" in cap.berlaku else None
        self.baris: list[Baris] = []
        self.formulas: dict[tuple[int, int], str] = {}

    def tambah(self, uraian: str, nilai: Nilai, formula: str | None) -> None:
        if formula is not None and nilai.nilai is not None:
            self.formulas[(len(self.baris), 1)] = formula
        self.baris.append(Baris((teks(uraian), persen(nilai), teks(nilai.rumus))))

    def capaian_tepat(self, ind: HasilIndikator) -> str | None:
        """The unrounded capaian of one indicator over its Tabel 3.5 cells, capped for the
        average when the report caps it there."""
        if self.t35 is None or not isinstance(ind.target, Decimal) or ind.realisasi is None:
            return None
        k = next(n for n, i in enumerate(self.h.indikator) if i is ind)
        return self.rumus.capaian(_alamat(self.t35, 3, k), _alamat(self.t35, 4, k),
                                  ind.capaian.rumus, batas=self.batas_rata, bulat=False)

    def rata(self, inds: Sequence[HasilIndikator]) -> str | None:
        """The average of the included indicators by the report's averaging method."""
        included = [i for i in inds if i.dikecualikan is None]
        metode = self.h.laporan.aturan.rata_rata.metode
        if metode == "rasio-rata-rata":
            return self.rasio_rata(included)
        parts = [self.capaian_tepat(i) for i in included]
        if not parts or any(p is None for p in parts):
            return None
        return rata_metode(metode, [p for p in parts if p is not None])

    def rasio_rata(self, inds: Sequence[HasilIndikator]) -> str | None:
        """Sum of realisasi over sum of target, over the Tabel 3.5 cells."""
        t = self.t35
        if t is None or not inds or any(not isinstance(i.target, Decimal)
                                        or i.realisasi is None for i in inds):
            return None
        nomor = [next(n for n, x in enumerate(self.h.indikator) if x is i) for i in inds]
        real = ",".join(_alamat(t, 4, k) for k in nomor)
        target = ",".join(_alamat(t, 3, k) for k in nomor)
        return f"SUM({real})/SUM({target})*100"

    def sasaran(self) -> list[str | None]:
        out = []
        for n, sas in enumerate(self.h.sasaran):
            expr = self.rata(sas.indikator)
            out.append(expr)
            nomor = ROMAWI[n] if n < len(ROMAWI) else str(n + 1)
            self.tambah(f"Capaian Sasaran Strategis {nomor}", sas.capaian,
                        self.rumus.bulat(expr) if expr else None)
        return out

    def keseluruhan(self, per_sasaran: Sequence[str | None]) -> str | None:
        h = self.h
        if h.laporan.aturan.rata_rata.dasar == "indikator":
            expr = self.rata(h.indikator)
        else:
            counted = [e for s, e in zip(h.sasaran, per_sasaran, strict=True)
                       if any(i.dikecualikan is None for i in s.indikator)]
            metode = h.laporan.aturan.rata_rata.metode
            expr = None if not counted or None in counted else rata_metode(
                "rata-rata" if metode == "rasio-rata-rata" else metode,
                [e for e in counted if e is not None])
        self.tambah("Rata-rata capaian kinerja", h.rata_rata_capaian,
                    self.rumus.bulat(expr) if expr else None)
        return expr

    def efisiensi(self, rata: str | None) -> None:
        h = self.h
        metode = h.laporan.aturan.efisiensi.keseluruhan
        pen = None
        t = self.t313
        if t is not None and t.tabel.baris and t.tabel.baris[-1].sel[1].nilai == \
                "Total Belanja Langsung":
            i = len(t.tabel.baris) - 1
            pen = f"{_alamat(t, 3, i)}/{_alamat(t, 2, i)}*100"
        formula = None
        if pen is not None and metode == "sisa-anggaran":
            formula = self.rumus.bulat(f"100-{pen}")
        elif pen is not None and rata is not None and metode == "selisih":
            formula = self.rumus.bulat(f"{rata}-{pen}")
        elif pen is not None and rata is not None and metode == "rasio":
            formula = self.rumus.bulat(f"{rata}/({pen})*100")
        elif pen is not None and rata is not None and metode == "indeks-efisiensi":
            formula = self.rumus.bulat(f"{rata}/({pen})")
        if h.efisiensi.satuan != "Rp":
            self.tambah(f"Efisiensi penggunaan anggaran ({metode})", h.efisiensi, formula)

    def rekap(self) -> None:
        """Each indicator's year from its quarters, by its rule, over Tabel 3.4's cells."""
        t = self.t34
        i = 0
        for ind in self.h.indikator:
            rows = list(range(i, i + max(len(ind.triwulan), 1)))
            i += len(rows)
            rekap = ind.rekap_realisasi
            aturan = next((a for a in rekap.aturan if a.startswith("rekap_triwulan=")), "")
            rule = aturan.removeprefix("rekap_triwulan=")
            known = [r for r, tw in zip(rows, ind.triwulan, strict=False)
                     if tw.realisasi is not None]
            formula = None
            if t is not None and known:
                cells = ",".join(_alamat(t, 7, r) for r in known)
                formula = {"terakhir": _alamat(t, 7, known[-1]), "jumlah": f"SUM({cells})",
                           "rata-rata": f"AVERAGE({cells})"}.get(rule)
            if rekap.nilai is not None:
                if formula is not None:
                    self.formulas[(len(self.baris), 1)] = formula
                self.baris.append(Baris((teks(f"Realisasi tahunan {ind.kode} dari triwulan "
                                              f"({rule})"), Sel(rekap.nilai, "input", None,
                                                                rekap), teks(rekap.rumus))))


def ringkasan(h: Hasil, lembar: Sequence[Lembar], rumus: Rumus
              ) -> tuple[Tabel, dict[tuple[int, int], str]]:
    """The summary table and the formulas of its cells, by (row, column)."""
    p = _Penyusun(h, lembar, rumus)
    rata = p.keseluruhan(p.sasaran())
    p.efisiensi(rata)
    p.rekap()
    t = Tabel("Ringkasan", ("Angka Bab III C.4 dan Bab IV",),
              (Kolom("Uraian"), Kolom("Nilai", True), Kolom("Rumus")), tuple(p.baris),
              ("Rata-rata atas indikator yang tidak dikecualikan aturan laporan.",))
    return t, p.formulas
