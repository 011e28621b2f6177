"""The workbook's "Ringkasan" sheet: the figures Bab IV states, as formulas over the tables.

Why a sheet of its own: the averages, the quarterly roll-ups and the overall efficiency are
printed in sentences (Bab III C.4, Bab IV), not in a table, yet a reviewer wants to follow
them too. Each is written as the formula the engine used, over the home cells of its
inputs (`peta`): an average over exactly the indicators the report's rules include (with the
cap the report applies before averaging; a range target's capaian with its bounds), a
roll-up over exactly the quarters that have a value (the last, their sum or their mean, by
the indicator's rule), the efficiency by the report's method over the absorption of the
year's program budget wherever it stands (the total of a tree of any depth), the overall
category word looked up over the report's scale. Averages are taken over the unrounded
capaian (the formula of each repeated inside), as the engine takes them; only the result is
rounded.

A figure whose inputs are not all on the sheets (a table left out) is its exact value
instead, with a comment saying so.
"""

from __future__ import annotations

from collections.abc import Sequence

from lkjip_cli.engine.capaian import batasi
from lkjip_cli.engine.hasil import Hasil, HasilIndikator
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.render.xlsx.lembar import BARIS_DATA, Lembar, ref
from lkjip_cli.render.xlsx.peta import Peta, rata_metode
from lkjip_cli.tabel import Baris, Kolom, Sel, Tabel, persen, teks

#: The summary sheet's name, as formulas on any sheet name it.
NAMA = "Ringkasan"

ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


class _Penyusun:
    def __init__(self, h: Hasil, lembar: Sequence[Lembar], peta: Peta) -> None:
        self.h = h
        self.peta = peta
        self.rumus = peta.rumus
        self.baris: list[Baris] = []
        self.formulas: dict[tuple[int, int], str] = {}

    def tambah(self, uraian: str, nilai: Nilai, formula: str | None) -> None:
        if formula is not None and nilai.nilai is not None:
            self.formulas[(len(self.baris), 1)] = formula
        self.baris.append(Baris((teks(uraian), persen(nilai), teks(nilai.rumus))))

    def rata(self, inds: Sequence[HasilIndikator]) -> str | None:
        return self.peta.rata(inds)

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
        """The overall efficiency by the report's method, over the mean capaian and the
        absorption of the year's program budget (wherever its pagu and realisasi stand)."""
        h = self.h
        metode = h.laporan.aturan.efisiensi.keseluruhan
        b = h.belanja_tahun_ini
        pen = None
        if b is not None:
            pagu = self.peta.alamat_nilai(b.pagu_langsung) or self.peta.jumlah(b.pagu_langsung)
            real = self.peta.alamat_nilai(b.realisasi_langsung) or \
                self.peta.jumlah(b.realisasi_langsung)
            if pagu is not None and real is not None:
                pen = f"{real}/{pagu}*100"
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

    def kategori(self, rata: str | None) -> None:
        """The overall category word, looked up from the unrounded mean over the scale."""
        h = self.h
        if h.kategori is None:
            return
        skala = self.peta.skala.get("skala_interpretasi")
        if rata is not None and skala is not None and (kata := skala.kata(rata)) is not None:
            self.formulas[(len(self.baris), 1)] = kata
        self.baris.append(Baris((teks("Kategori capaian kinerja"), teks(h.kategori.sebutan),
                                 teks(f"skala {h.laporan.aturan.skala_interpretasi}"
                                      if isinstance(h.laporan.aturan.skala_interpretasi, str)
                                      else "skala laporan"))))

    def rekap(self) -> None:
        """Each indicator's year from its quarters, by its rule, over the quarters' cells."""
        for ind in self.h.indikator:
            rekap = ind.rekap_realisasi
            aturan = next((a for a in rekap.aturan if a.startswith("rekap_triwulan=")), "")
            rule = aturan.removeprefix("rekap_triwulan=")
            formula = self.peta.gulungan(rekap)
            if rekap.nilai is not None:
                if formula is not None:
                    self.formulas[(len(self.baris), 1)] = formula
                self.baris.append(Baris((teks(f"Realisasi tahunan {ind.kode} dari triwulan "
                                              f"({rule})"), Sel(rekap.nilai, "input", None,
                                                                rekap), teks(rekap.rumus))))


def _baris_atas(h: Hasil) -> int:
    """How many rows the summary's figures take, above the capaian the averages take."""
    return (len(h.sasaran) + 1 + (h.efisiensi.satuan != "Rp") + (h.kategori is not None)
            + sum(ind.rekap_realisasi.nilai is not None for ind in h.indikator))


def ringkasan(h: Hasil, lembar: Sequence[Lembar], peta: Peta
              ) -> tuple[Tabel, dict[tuple[int, int], str]]:
    """The summary table and the formulas of its cells, by (row, column): the figures, then
    the capaian of each indicator the averages count, as they count it (capped when the
    report caps before averaging), which every average refers to (`Peta.capaian_rata`)."""
    p = _Penyusun(h, lembar, peta)
    dihitung = [ind for ind in h.indikator
                if ind.dikecualikan is None and ind.capaian.nilai is not None]
    awal = _baris_atas(h)
    rumus_rata: dict[int, str] = {}
    for k, ind in enumerate(dihitung):
        formula = peta.capaian_tepat(ind, peta.batas_rata)
        if formula is not None:
            rumus_rata[awal + k] = formula
            peta.capaian_rata[id(ind)] = f"'{NAMA}'!{ref(1, BARIS_DATA + awal + k)}"
    rata = p.keseluruhan(p.sasaran())
    p.efisiensi(rata)
    p.kategori(rata)
    p.rekap()
    assert len(p.baris) == awal
    for k, ind in enumerate(dihitung):
        if awal + k in rumus_rata:
            p.formulas[(len(p.baris), 1)] = rumus_rata[awal + k]
        nilai = batasi(ind.capaian, peta.batas_rata)
        p.baris.append(Baris((teks(f"Capaian {ind.kode} untuk rata-rata"), persen(nilai),
                              teks(nilai.rumus))))
    t = Tabel("Ringkasan", ("Angka Bab III C.4 dan Bab IV",),
              (Kolom("Uraian"), Kolom("Nilai", True), Kolom("Rumus")), tuple(p.baris),
              ("Rata-rata atas indikator yang tidak dikecualikan aturan laporan.",))
    return t, p.formulas
