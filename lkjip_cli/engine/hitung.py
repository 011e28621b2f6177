"""`hitung(laporan)`: every figure of Bab III from a validated report, exactly.

Pure: no I/O, no printing, and it imports neither typer, rich nor jinja2. Figures keep full
precision (`PRESISI` digits); rounding is the renderers' job, by the report's rules.
Budgets reach sasaran and indicators through the kegiatan that support them (`mendukung`),
as Tabel 2.6, 3.10 and 3.12 of an LKjIP attribute them.

This module only assembles: the year's spending first (a sasaran's budget is a share of
belanja langsung), then each sasaran, the report's average and efficiency, the programs of
the budget tree and the SAKIP evaluation. Each of those is a module of `engine/` with one
concern (docs/arsitektur.md, section 1).
"""

from __future__ import annotations

import dataclasses

from lkjip_cli.engine.anggaran import anggaran_dari, anggaran_gabungan, anggaran_total
from lkjip_cli.engine.belanja import hitung_belanja
from lkjip_cli.engine.efisiensi import efisiensi
from lkjip_cli.engine.hasil import Anggaran, Hasil, HasilBelanja
from lkjip_cli.engine.konteks import Konteks
from lkjip_cli.engine.nilai import presisi, tidak_dapat
from lkjip_cli.engine.pendapatan import hitung_pendapatan
from lkjip_cli.engine.pendukung import pendukung_sasaran
from lkjip_cli.engine.program import hitung_program
from lkjip_cli.engine.rata_rata import rata_rata_laporan, rata_rata_tahun_lalu
from lkjip_cli.engine.renja import hitung_renja
from lkjip_cli.engine.sakip import hitung_evaluasi
from lkjip_cli.engine.sasaran import hitung_sasaran
from lkjip_cli.engine.skala import klasifikasi, skala_interpretasi
from lkjip_cli.engine.tahun import perubahan_capaian
from lkjip_cli.memori import tanpa_gc
from lkjip_cli.model.laporan import Laporan


def anggaran_belanja_langsung(tahun_ini: HasilBelanja | None) -> Anggaran:
    """The year's direct spending as the report's efficiency takes it."""
    if tahun_ini is None:
        return anggaran_dari("belanja langsung", [])
    return anggaran_total(tahun_ini.pagu_langsung, tahun_ini.realisasi_langsung)


def _hasil(k: Konteks) -> Hasil:
    """The report's figures, each concern after those whose figures it takes."""
    belanja = hitung_belanja(k)
    this_year = next((b for b in belanja if b.tahun == k.laporan.tahun), None)
    bl = this_year.pagu_langsung if this_year else tidak_dapat(
        "pagu belanja langsung", "tidak ada data belanja", satuan="Rp")
    sasaran = tuple(hitung_sasaran(k, s, ("sasaran", i), bl)
                    for i, s in enumerate(k.laporan.sasaran))
    rata = rata_rata_laporan(k, sasaran)
    rata_lalu = rata_rata_tahun_lalu(k, sasaran)
    bl_anggaran = anggaran_belanja_langsung(this_year)
    pk = k.pohon.anggaran_untuk("perjanjian kinerja",
                                (i.kode for s in sasaran for i in s.indikator))
    program = hitung_program(k)
    if program:
        pendukung = pendukung_sasaran(
            k, program, [frozenset(i.kode for i in s.indikator) for s in sasaran])
        sasaran = tuple(dataclasses.replace(s, pendukung=baris)
                        for s, baris in zip(sasaran, pendukung, strict=True))
    semua = (anggaran_gabungan("seluruh program", "program",
                               [(p.kode, p.anggaran, p.path) for p in program])
             if program else None)
    return Hasil(
        laporan=k.laporan, sasaran=sasaran, program=program, belanja=belanja,
        evaluasi=hitung_evaluasi(k.laporan), rata_rata_capaian=rata,
        kategori=klasifikasi(rata.nilai, skala_interpretasi(k.aturan)),
        anggaran_perjanjian_kinerja=pk,
        efisiensi=efisiensi(k.aturan.efisiensi.keseluruhan, rata, bl_anggaran,
                            [(s.kode, s.capaian, s.anggaran) for s in sasaran],
                            k.aturan.efisiensi.batas_e),
        anggaran_program=semua, renja=hitung_renja(k, program),
        rata_rata_capaian_tahun_lalu=rata_lalu,
        perubahan_rata_rata_capaian=(
            None if rata_lalu is None
            else perubahan_capaian(rata, rata_lalu, "rata-rata capaian")[0]),
        pendapatan=hitung_pendapatan(k.laporan.pendapatan),
    )


@presisi
def hitung(laporan: Laporan) -> Hasil:
    """Compute every figure of the report."""
    with tanpa_gc():  # thousands of acyclic records: see lkjip_cli/memori.py
        return _hasil(Konteks(laporan))
