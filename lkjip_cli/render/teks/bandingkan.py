"""`lkjip compute --bandingkan`: the figures under other rules, as one table.

Each row is the report recomputed under one other choice of one rule (`engine/bandingkan`),
the report's own first; the columns are the figures a choice moves: the overall average and
its category, the overall efficiency, and each sasaran's capaian. Each row is rounded by its
own rules (a row that changes the rounding shows it), at the place the report prints each
figure (`aturan.per_tempat`), so the figures are put in as the report would print them;
terminal, JSON and CSV draw the same `Tabel`.
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
    return Sel(fmt.bulatkan(nilai.nilai, aturan.desimal_persen, aturan.pembulatan), "input")


#: Where the report prints each figure of a row, whose rounding it is shown with
#: (`aturan.per_tempat`): the average in the Ikhtisar, the overall efficiency (an IE too, with
#: the report's decimals, not a fixed number of them) in Bab IV, a sasaran's capaian in
#: Tabel 3.10.
TEMPAT = ("ikhtisar", "bab4", "3.10")


def _aturan_di(v: Varian, tempat: str) -> Aturan:
    """The variant's rules at a place: its own, with the report's rounding for that place."""
    if not v.aturan.per_tempat:
        return v.aturan
    return v.hasil.laporan.model_copy(update={"aturan": v.aturan}).aturan_di(tempat)


def tabel_bandingkan(varian: Sequence[Varian]) -> Tabel:
    own = varian[0].hasil
    sasaran = [s.kode for s in own.sasaran]
    kolom = (Kolom("Aturan"), Kolom("Pilihan"), Kolom("Rata-rata capaian", True),
             Kolom("Kategori"), Kolom("Efisiensi", True),
             *(Kolom(f"Capaian {kode}", True) for kode in sasaran))
    rows = []
    for v in varian:
        h = v.hasil
        di_rata, di_efisiensi, di_sasaran = (_aturan_di(v, t) for t in TEMPAT)
        rows.append(Baris((
            Sel(v.aspek, "teks"), Sel(v.pilihan or "(pilihan laporan)", "teks"),
            _sel(h.rata_rata_capaian, di_rata),
            Sel(h.kategori.sebutan if h.kategori else "", "teks"),
            _sel(h.efisiensi, di_efisiensi), *(_sel(s.capaian, di_sasaran) for s in h.sasaran)),
            "jumlah" if v.milik_laporan else "biasa"))
    notes = ["Setiap baris menghitung ulang seluruh laporan dengan satu aturan diganti dari "
             "aturan laporan (baris pertama); angka dibulatkan menurut aturan baris itu.",
             f"Efisiensi menurut aturan laporan: {own.laporan.aturan.efisiensi.keseluruhan}; "
             "baris efisiensi.keseluruhan memakai metode lain."]
    tabel = susun_tabel("bandingkan", ("Angka Laporan menurut Aturan Lain",
                                       f"{own.laporan.instansi.nama} Tahun {own.laporan.tahun}"),
                        kolom, rows, notes)
    return replace(tabel, nomor_cetak="Perbandingan Aturan")
