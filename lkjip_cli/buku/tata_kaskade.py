"""The workbook's sheets for the cascade of issue 23: indicators of every node of the budget
tree, the money of each node per quarter, per month and per Renstra year, and the Evaluasi
Hasil Renja block (docs/renja.md).

Why these shapes: an analyst fills the cascade the way the other sheets already ask, one
record per row with its keys in the first columns. A node's indicator is a row of `Indikator
Simpul` naming its node's kode (a program's outcome, a sub kegiatan's output; a kegiatan's
stays on `Indikator Kegiatan`, which gains the same columns), and its quarters, months and
Renstra years are rows of the existing `Triwulan`, `Bulan` and `Renstra` sheets, which take
any indicator's kode (every kode of a report is unique), so there is one place per kind of
value whatever the level. A node's money over time is long too (`Anggaran Triwulan`,
`Anggaran Bulan`, `Anggaran Renstra`: node kode, period, rupiah), and the Renja block is a
one-row sheet like `Instansi` and `Aturan`, its narrative in text cells. Every sheet here is
optional: a workbook written before it imports as before.
"""

from __future__ import annotations

from lkjip_cli.buku.kolom import (
    POLARITAS,
    REKAP,
    RUMUS_NEGATIF,
    YA_TIDAK,
    Kolom,
    Lembar,
    kolom_target,
)
from lkjip_cli.model.persen import JENIS_PERSEN

REKAP_RENSTRA = ("terakhir", "jumlah")


#: The columns of an indicator of a node, after the node's own column; the first eleven are
#: the `Indikator Kegiatan` sheet's since issue 19, the rest came with the cascade.
KOLOM_INDIKATOR_SIMPUL: tuple[Kolom, ...] = (
    Kolom("Kode", "kode", wajib=True),
    Kolom("Nama", "nama", wajib=True, lebar=50),
    Kolom("Satuan", "satuan", wajib=True, lebar=10),
    Kolom("Polaritas", "polaritas", "pilihan", POLARITAS),
    *kolom_target(),
    Kolom("Realisasi", "realisasi", "angka"),
    Kolom("Jenis persen", "jenis_persen", "pilihan", JENIS_PERSEN, lebar=12,
          bantuan="untuk satuan %: bagian (0-100), laju, rasio, indeks; kosong: dari nama"),
    Kolom("Persen maks 100", "persen_maks_100", "yatidak", YA_TIDAK,
          bantuan="kolom lama: ya = bagian, tidak = rasio; pakai Jenis persen"),
    Kolom("Rencana aksi", "rencana_aksi", lebar=50, bantuan="satu aksi per baris dalam sel"),
    # Issue 23: the cascade's columns, after every older one so that none moves.
    Kolom("Rumus negatif", "rumus_negatif", "pilihan", RUMUS_NEGATIF,
          bantuan="kosong: Aturan/Rumus negatif"),
    Kolom("Rekap triwulan", "rekap_triwulan", "pilihan", REKAP,
          bantuan="triwulan (lembar Triwulan) menjadi angka tahun: terakhir (kumulatif, "
          "persen), jumlah (hitungan per triwulan), rata-rata; kosong: terakhir"),
    Kolom("Rekap Renstra", "rekap_renstra", "pilihan", REKAP_RENSTRA,
          bantuan="tahun-tahun Renstra (lembar Renstra) menjadi kolom 5, 6 dan 14 Evaluasi "
          "Renja; kosong: jumlah bila Rekap triwulan jumlah, selain itu terakhir"),
    Kolom("Mendukung", "mendukung", "daftar", lebar=18,
          bantuan="indikator program: kode sasaran atau IKU; indikator kegiatan dan sub "
          "kegiatan: kode indikator satu tingkat di atasnya (kosong: semua indikator "
          "induknya); dipisah koma"),
    Kolom("Keterangan", "keterangan", lebar=30,
          bantuan="kolom Keterangan formulir Evaluasi Renja"),
    Kolom("Sama dengan", "sama_dengan", lebar=12,
          bantuan="kode IKU yang sama dengan indikator ini (indikator program yang sama "
          "dengan IKU sasarannya): target, realisasi, triwulan dan bulannya diambil dari IKU "
          "itu; kosongkan kolom angkanya di sini"),
)

INDIKATOR_SIMPUL = Lembar("Indikator Simpul", (
    Kolom("Simpul", "simpul", wajib=True, lebar=20,
          bantuan="kode program, kegiatan atau sub kegiatan (KRO, RO) di lembar Program "
          "Kegiatan: indikator outcome program, indikator output di bawahnya"),
    *KOLOM_INDIKATOR_SIMPUL,
), opsional=True)

ANGGARAN_TRIWULAN = Lembar("Anggaran Triwulan", (
    Kolom("Kode", "kode", wajib=True, lebar=20, bantuan="kode baris Program Kegiatan"),
    Kolom("Triwulan", "triwulan", "bulat", wajib=True, bantuan="1 sampai 4"),
    Kolom("Realisasi", "realisasi", "rupiah", wajib=True, lebar=18,
          bantuan="rupiah yang dibelanjakan dalam triwulan itu saja (bukan kumulatif); "
          "jumlahnya s.d. periode sama dengan Realisasi baris itu"),
), opsional=True)

ANGGARAN_BULAN = Lembar("Anggaran Bulan", (
    Kolom("Kode", "kode", wajib=True, lebar=20, bantuan="kode baris terbawah Program Kegiatan"),
    Kolom("Bulan", "bulan", "bulat", wajib=True, bantuan="1 (Januari) sampai 12"),
    Kolom("Realisasi", "realisasi", "rupiah", lebar=18,
          bantuan="rupiah yang dibelanjakan dalam bulan itu saja (bukan kumulatif); kosong: "
          "belum ada data"),
), opsional=True)

ANGGARAN_RENSTRA = Lembar("Anggaran Renstra", (
    Kolom("Kode", "kode", wajib=True, lebar=20, bantuan="kode baris Program Kegiatan"),
    Kolom("Tahun", "tahun", "bulat", wajib=True, lebar=8),
    Kolom("Pagu Renstra", "pagu_renstra", "rupiah", lebar=18,
          bantuan="pagu indikatif Renstra tahun itu"),
    Kolom("Realisasi tahun itu", "realisasi_sebelumnya", "rupiah", lebar=18,
          bantuan="realisasi anggaran tahun-tahun sebelumnya (kolom 6 Evaluasi Renja)"),
), opsional=True)

#: The Evaluasi Renja block's settings (model/kaskade.py `EvaluasiRenja`) and its narrative.
EVALUASI_RENJA = Lembar("Evaluasi Renja", (
    Kolom("Sampai", "sampai", "pilihan", ("TW1", "TW2", "TW3", "TW4"), lebar=8,
          bantuan="kosong: Instansi/Periode sampai, atau setahun penuh (TW4)"),
    Kolom("Bentuk", "bentuk", "pilihan", ("17-kolom", "15-kolom"), lebar=10,
          bantuan="17-kolom mencetak tingkat capaian Renja (12/7 x 100); 15-kolom tidak"),
    Kolom("Tingkat dokumen", "tingkat_dokumen", "pilihan", ("renja", "rkpd"),
          bantuan="renja: kata Renstra/Renja (Perangkat Daerah); rkpd: kata RPJMD/RKPD "
          "(Bappeda)"),
    Kolom("Capaian Renja terhadap", "capaian_renja_terhadap", "pilihan",
          ("tahunan", "periode"), lebar=12,
          bantuan="tahunan: realisasi terhadap target tahun (12/7); periode: terhadap target "
          "s.d. periode"),
    Kolom("Rata-rata", "rata_rata", "pilihan", ("semua", "program"), lebar=10,
          bantuan="baris yang dirata-rata: semua indikator dan simpul, atau program saja"),
    Kolom("Skala", "skala", "pilihan", ("permendagri-86-2017", "enam-tingkat"), lebar=20),
    Kolom("Wajib indikator", "wajib_indikator", "nama", lebar=30,
          bantuan="tingkat pohon anggaran yang setiap simpul beranggarannya wajib "
          "berindikator (Program, Kegiatan, Sub Kegiatan), dipisah koma"),
    Kolom("Faktor pendorong", "faktor_pendorong", lebar=60),
    Kolom("Faktor penghambat", "faktor_penghambat", lebar=60),
    Kolom("Tindak lanjut triwulan", "tindak_lanjut_triwulan", lebar=60,
          bantuan="tindak lanjut yang diperlukan dalam triwulan berikutnya"),
    Kolom("Tindak lanjut Renja", "tindak_lanjut_renja", lebar=60,
          bantuan="tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya"),
), satu_baris=True, opsional=True)

#: The settings of `EVALUASI_RENJA`, in the model's order; the rest of its columns are text.
SETELAN_RENJA = ("sampai", "bentuk", "tingkat_dokumen", "capaian_renja_terhadap",
                 "rata_rata", "skala", "wajib_indikator")
NARASI_RENJA = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut_triwulan",
                "tindak_lanjut_renja")

#: This module's sheets, in workbook order (after the sheets of the first layouts).
LEMBAR_KASKADE = (INDIKATOR_SIMPUL, ANGGARAN_TRIWULAN, ANGGARAN_BULAN, ANGGARAN_RENSTRA,
                  EVALUASI_RENJA)

#: The `Bagian` of a `Dilaporkan` row for the cascade's printed figures.
BAGIAN_KASKADE = ("indikator simpul", "evaluasi renja")


# ------------------------------------------------------------- the model's home here

#: The fields of a node's indicator and the column holding each, on the node's indicator
#: sheet (`None`: the sheet of `Indikator Simpul` or `Indikator Kegiatan`) or another.
_INDIKATOR: dict[str, str] = {
    "kode": "Kode", "nama": "Nama", "satuan": "Satuan", "polaritas": "Polaritas",
    "rumus_negatif": "Rumus negatif", "target": "Target", "target.min": "Target",
    "target.maks": "Target maks", "realisasi": "Realisasi", "jenis_persen": "Jenis persen",
    "persen_maks_100": "Persen maks 100", "rekap_triwulan": "Rekap triwulan",
    "rekap_renstra": "Rekap Renstra", "mendukung": "Mendukung", "keterangan": "Keterangan",
    "rencana_aksi": "Rencana aksi", "sama_dengan": "Sama dengan",
}
_PERIODIK: dict[str, str] = {
    "triwulan.target": "Triwulan/Target", "triwulan.target.min": "Triwulan/Target",
    "triwulan.target.maks": "Triwulan/Target maks", "triwulan.realisasi": "Triwulan/Realisasi",
    "bulanan.target": "Bulan/Target", "bulanan.realisasi": "Bulan/Realisasi",
    "realisasi_sebelumnya": "Renstra/Realisasi tahun itu",
    "target_renstra": "Renstra/Target Renstra", "target_renstra.min": "Renstra/Target Renstra",
    "target_renstra.maks": "Renstra/Target Renstra maks",
}
#: The levels of the tree as model paths (list items without an index).
_SIMPUL = ("program", "program.kegiatan", "program.kegiatan.rincian")


def _peta_indikator(simpul: str, lembar: str) -> dict[str, str]:
    return {**{f"{simpul}.indikator.{k}": f"{lembar}/{v}" for k, v in _INDIKATOR.items()},
            **{f"{simpul}.indikator.{k}": v for k, v in _PERIODIK.items()}}


PETA_KASKADE: dict[str, str] = {
    **_peta_indikator("program", INDIKATOR_SIMPUL.nama),
    **_peta_indikator("program.kegiatan", "Indikator Kegiatan"),
    **_peta_indikator("program.kegiatan.rincian", INDIKATOR_SIMPUL.nama),
    **{f"{s}.realisasi_triwulan": "Anggaran Triwulan/Realisasi" for s in _SIMPUL},
    **{f"{s}.pagu_renstra": "Anggaran Renstra/Pagu Renstra" for s in _SIMPUL},
    **{f"{s}.realisasi_sebelumnya": "Anggaran Renstra/Realisasi tahun itu" for s in _SIMPUL},
    **{f"{s}.penanggung_jawab": "Program Kegiatan/Penanggung jawab" for s in _SIMPUL},
    **{f"{s}.realisasi_bulanan": "Anggaran Bulan/Realisasi" for s in _SIMPUL[1:]},
    **{f"evaluasi_renja.{k.kunci}": f"{EVALUASI_RENJA.nama}/{k.judul}"
       for k in EVALUASI_RENJA.kolom},
}

BAGIAN_DILAPORKAN_KASKADE: dict[str, str] = {
    "program.indikator.dilaporkan": "indikator simpul",
    "program.kegiatan.rincian.indikator.dilaporkan": "indikator simpul",
    **{f"{s}.indikator.triwulan.dilaporkan": "triwulan" for s in _SIMPUL},
    **{f"{s}.indikator.bulanan.dilaporkan": "bulan" for s in _SIMPUL},
    "evaluasi_renja.dilaporkan": "evaluasi renja",
}
