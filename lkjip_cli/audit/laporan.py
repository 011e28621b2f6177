"""Figures a report prints once about itself, not about one sasaran, indicator or budget line.

The overall average capaian and its category (in the Ikhtisar Eksekutif and Bab IV), last
year's average and the change of the average (Tabel 3.6's capaian part), the
overall efficiency, the totals of the budget tied to the Perjanjian Kinerja (the `Jumlah` row
of its table), and the results of past SAKIP evaluations (nilai and predikat per year). The
average may have been taken over another set of indicators, or from the capaian the report
printed for each indicator or its sasaran (`_cetak_capaian`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from lkjip_cli.audit.capaian import capaian_rata, metode_rata_lain, rata, rata_tanpa
from lkjip_cli.audit.cetakan import plain
from lkjip_cli.audit.kumpulan import Kumpulan, alt, lengkap
from lkjip_cli.audit.sasaran import efisiensi_bagian_lain, efisiensi_lain
from lkjip_cli.audit.sebab import Alternatif
from lkjip_cli.engine.hasil import Anggaran, HasilIndikator
from lkjip_cli.engine.nilai import HUNDRED, tidak_dapat


def kumpulkan_laporan(k: Kumpulan) -> None:
    h = k.h
    d = h.laporan.dilaporkan
    included = [i for i in h.indikator if i.dikecualikan is None]

    def rata_alts(lokasi: str) -> Iterator[Alternatif]:
        yield from rata("rata-rata semua indikator, tanpa pengecualian",
                        [i.capaian.nilai for i in h.indikator])
        printed = [_cetak_capaian(k, i, lokasi) for i in included]
        shown = "; ".join(plain(p) for p in printed if p is not None)
        yield from rata(f"rata-rata dari capaian indikator yang dicetak ({shown})", printed)
        yield from rata("rata-rata capaian sasaran", [s.capaian.nilai for s in h.sasaran])
        if k.aturan.rata_rata.dasar == "indikator":
            yield from rata_tanpa("rata-rata",
                                  [(i.kode, capaian_rata(k, i)) for i in included])
            yield from rata_tanpa("rata-rata capaian yang dicetak",
                                  list(zip((i.kode for i in included), printed, strict=True)))
        yield from metode_rata_lain(k, None)

    def efisiensi_alts(lokasi: str) -> Iterator[Alternatif]:
        b = h.belanja_tahun_ini
        metode = k.aturan.efisiensi.keseluruhan
        if b is not None:
            a = Anggaran(b.pagu_langsung, b.realisasi_langsung, b.penyerapan_langsung,
                         b.efisiensi_nominal, ())
            yield from efisiensi_lain(metode, h.rata_rata_capaian.nilai, a)
        yield from efisiensi_bagian_lain(k, "efisiensi.keseluruhan", metode, None)
        rata_cetak = k.dicetak_di("laporan", "rata_rata_capaian", lokasi)
        pen = k.dicetak_di(f"Belanja {h.laporan.tahun}", "penyerapan_langsung", lokasi)
        if rata_cetak is not None and pen is not None and metode == "selisih":
            yield Alternatif(f"dihitung dari angka yang dicetak ({plain(rata_cetak)} - "
                             f"{plain(pen)})", rata_cetak - pen)

    def pk_alts(field_name: str) -> Callable[[str], Iterator[Alternatif]]:
        def make(lokasi: str) -> Iterator[Alternatif]:
            quantity = {"pagu": "pagu", "realisasi": "realisasi_anggaran"}
            if field_name in quantity:
                rows = lengkap([k.dicetak_di(i.kode, quantity[field_name], lokasi)
                                for i in h.indikator])
                if rows is not None:
                    yield Alternatif("jumlah baris yang dicetak", sum(rows, Decimal(0)))
            else:
                pagu = k.dicetak_di("laporan", "pagu_perjanjian_kinerja", lokasi)
                real = k.dicetak_di("laporan", "realisasi_perjanjian_kinerja", lokasi)
                if pagu is not None and real is not None:
                    yield alt("dihitung dari jumlah yang dicetak",
                              lambda: real / pagu * HUNDRED)
        return make

    kumpulkan_rata_tahun_lalu(k)
    pk = h.anggaran_perjanjian_kinerja
    k.add("laporan", "Keseluruhan", (), d.rata_rata_capaian, "rata_rata_capaian",
          h.rata_rata_capaian, "%", rata_alts)
    k.add_kategori("laporan", "Keseluruhan", (), d.kategori, h.kategori, h.rata_rata_capaian)
    k.add("laporan", "Keseluruhan", (), d.efisiensi, "efisiensi", h.efisiensi,
          h.efisiensi.satuan, efisiensi_alts)
    k.add("laporan", "Keseluruhan", (), d.pagu_perjanjian_kinerja, "pagu_perjanjian_kinerja",
          pk.pagu, "Rp", pk_alts("pagu"))
    k.add("laporan", "Keseluruhan", (), d.realisasi_perjanjian_kinerja,
          "realisasi_perjanjian_kinerja", pk.realisasi, "Rp", pk_alts("realisasi"))
    k.add("laporan", "Keseluruhan", (), d.penyerapan_perjanjian_kinerja,
          "penyerapan_perjanjian_kinerja", pk.penyerapan, "%", pk_alts("penyerapan"))


def kumpulkan_rata_tahun_lalu(k: Kumpulan) -> None:
    """Last year's average capaian (the footer of Tabel 3.6's capaian part) and the change
    of the average; they may have been taken from the capaian the table printed, or be this
    year's average."""
    h, d = k.h, k.h.laporan.dilaporkan
    rata_lalu = h.rata_rata_capaian_tahun_lalu or tidak_dapat(
        "rata-rata capaian tahun lalu", "tidak ada indikator dengan capaian tahun lalu")
    included = [i for i in h.indikator if i.dikecualikan is None]

    def lalu_alts(lokasi: str) -> Iterator[Alternatif]:
        printed = [k.dicetak_di(i.kode, "capaian_tahun_lalu", lokasi, fallback=True)
                   for i in included]
        shown = "; ".join(plain(p) for p in printed if p is not None)
        yield from rata(f"rata-rata dari capaian tahun lalu yang dicetak ({shown})", printed)
        yield from rata("rata-rata biasa capaian tahun lalu",
                        [i.antar_tahun.capaian_tahun_lalu.nilai if i.antar_tahun else None
                         for i in included])
        yield Alternatif(f"rata-rata capaian tahun {h.laporan.tahun}, bukan tahun lalu",
                         h.rata_rata_capaian.nilai)

    def perubahan_alts(lokasi: str) -> Iterator[Alternatif]:
        kini = k.dicetak_di("laporan", "rata_rata_capaian", lokasi)
        lalu = k.dicetak_di("laporan", "rata_rata_capaian_tahun_lalu", lokasi)
        if kini is not None and lalu is not None:
            yield Alternatif(f"dihitung dari rata-rata yang dicetak ({plain(kini)} - "
                             f"{plain(lalu)})", kini - lalu)
        a, b = h.rata_rata_capaian.nilai, rata_lalu.nilai
        if a is not None and b is not None:
            yield alt("perubahan relatif (rata-rata / rata-rata tahun lalu - 1) x 100",
                      lambda: (a / b - 1) * HUNDRED)

    k.add("laporan", "Keseluruhan", (), d.rata_rata_capaian_tahun_lalu,
          "rata_rata_capaian_tahun_lalu", rata_lalu, "%", lalu_alts)
    k.add("laporan", "Keseluruhan", (), d.perubahan_rata_rata_capaian_poin,
          "perubahan_rata_rata_capaian_poin",
          h.perubahan_rata_rata_capaian or rata_lalu, "poin", perubahan_alts)


def _cetak_capaian(k: Kumpulan, ind: HasilIndikator, lokasi: str) -> Decimal | None:
    """The capaian the report printed for `ind`: at `lokasi`, at its sasaran there, or
    anywhere else."""
    own = k.dicetak_di(ind.kode, "capaian", lokasi)
    if own is not None:
        return own
    sas = k.sasaran_tunggal.get(ind.kode)
    if sas is not None:
        at_sasaran = k.dicetak_di(sas.kode, "capaian", lokasi)
        if at_sasaran is not None:
            return at_sasaran
    return k.dicetak_di(ind.kode, "capaian", lokasi, fallback=True)


def kumpulkan_evaluasi(k: Kumpulan) -> None:
    ev = k.h.laporan.evaluasi_sakip
    if ev is None:
        return
    for hasil, model in zip(k.h.evaluasi, ev.hasil, strict=True):
        label = f"Evaluasi SAKIP {hasil.tahun}"
        k.add(label, label, hasil.path, model.dilaporkan.nilai, "nilai", hasil.total, "")
        k.add(label, label, hasil.path, model.dilaporkan.predikat, "predikat",
              hasil.predikat.kode if hasil.predikat else None, "")
