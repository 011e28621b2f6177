"""`lkjip compute --bandingkan`: the figures under other rules, as one table.

Each row is the report recomputed under one other choice of one rule (`engine/bandingkan`),
the report's own first; the columns are the figures a choice moves: the overall average and
its category, the overall efficiency, and each sasaran's capaian. Each row is rounded by its
own rules (a row that changes the rounding shows it), so the figures are put in as the report
would print them; terminal, JSON and CSV draw the same `Tabel`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from lkjip_cli import angka as fmt
from lkjip_cli.engine.bandingkan import Varian
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.tabel.catatan import susun_tabel
from lkjip_cli.tabel.sel import Baris, Kolom, Sel, Tabel


def _sel(nilai: Nilai, aturan: Aturan) -> Sel:
    """A figure as the variant's rules print it; why not, when it cannot be computed."""
    if nilai.nilai is None:
        return Sel(None, "input", nilai.alasan)
    if nilai.satuan == "Rp":
        return Sel(nilai.nilai, "rupiah")
    places = aturan.desimal_persen + (1 if nilai.satuan == "indeks" else 0)
    return Sel(fmt.bulatkan(nilai.nilai, places, aturan.pembulatan), "input")


def tabel_bandingkan(varian: Sequence[Varian]) -> Tabel:
    own = varian[0].hasil
    sasaran = [s.kode for s in own.sasaran]
    kolom = (Kolom("Aturan"), Kolom("Pilihan"), Kolom("Rata-rata capaian", True),
             Kolom("Kategori"), Kolom("Efisiensi", True),
             *(Kolom(f"Capaian {kode}", True) for kode in sasaran))
    rows = []
    for v in varian:
        h, a = v.hasil, v.aturan
        rows.append(Baris((
            Sel(v.aspek, "teks"), Sel(v.pilihan or "(pilihan laporan)", "teks"),
            _sel(h.rata_rata_capaian, a), Sel(h.kategori.sebutan if h.kategori else "", "teks"),
            _sel(h.efisiensi, a), *(_sel(s.capaian, a) for s in h.sasaran)),
            "jumlah" if v.milik_laporan else "biasa"))
    notes = ["Setiap baris menghitung ulang seluruh laporan dengan satu aturan diganti dari "
             "aturan laporan (baris pertama); angka dibulatkan menurut aturan baris itu.",
             f"Efisiensi menurut aturan laporan: {own.laporan.aturan.efisiensi.keseluruhan}; "
             "baris efisiensi.keseluruhan memakai metode lain."]
    tabel = susun_tabel("bandingkan", ("Angka Laporan menurut Aturan Lain",
                                       f"{own.laporan.instansi.nama} Tahun {own.laporan.tahun}"),
                        kolom, rows, notes)
    return replace(tabel, nomor_cetak="Perbandingan Aturan")
