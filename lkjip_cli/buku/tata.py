"""The layout of the data-entry workbook: its sheets, their columns, and what each column holds.

Why one description for both directions: `lkjip init --to xlsx` and `export --data` write the
workbook from it (`buku/tulis.py`) and `lkjip import` reads it back (`buku/baca.py`),
so a column can never be written under one heading and looked for under another. Each sheet is
a plain table: one header row, one record per row, columns found by their heading (their
order does not matter). docs/excel.md documents the same layout for people.

The whole report model has a home here (issue 20): the budget tree at any depth is one sheet
with a row per node (`Tingkat` names its level, `Induk` its parent), spending by class has its
own sheets, and every printed figure is a row of `Dilaporkan`. `PETA_MODEL` says, for every
field of the model, the sheet and column that hold it, and `HANYA_YAML` lists the few fields
the workbook does not hold, each with its reason; `tests/test_buku_model.py` walks the
pydantic model and fails, naming what to add where, when a field has neither. Sheets added
after the first layout are optional (`opsional`), so a workbook written by an older lkjip
still imports.

This module holds the core sheets (the figures of an LKjIP) and the lists every reader and
writer walks (`LEMBAR`, `PETA_MODEL`, `BAGIAN_DILAPORKAN`, `HANYA_YAML`). The parts of a sheet
live in `buku/kolom.py`; a later family of sheets lives in a module of its own (the analyst's
text in `buku/tata_narasi.py`, the cascade of issue 23 in `buku/tata_kaskade.py`) that defines
its `Lembar`s and its part of the model map, and is registered here by adding its sheets to
`LEMBAR` and its map to `PETA_MODEL`. Names other modules import from here stay importable
from here.
"""

from __future__ import annotations

from dataclasses import replace

from lkjip_cli.buku.kolom import BAGIAN as BAGIAN
from lkjip_cli.buku.kolom import (
    FORMAT_RUPIAH as FORMAT_RUPIAH,
)
from lkjip_cli.buku.kolom import (
    KLASIFIKASI,
    METODE_EFISIENSI,
    METODE_RATA_RATA,
    POLARITAS,
    REKAP,
    RUMUS_NEGATIF,
    TABEL,
    YA_TIDAK,
    kolom_target,
)
from lkjip_cli.buku.kolom import SKALA as SKALA
from lkjip_cli.buku.kolom import TINGKAT as TINGKAT
from lkjip_cli.buku.kolom import Kolom as Kolom
from lkjip_cli.buku.kolom import Lembar as Lembar
from lkjip_cli.buku.tata_hitung import HITUNG as HITUNG
from lkjip_cli.buku.tata_hitung import LEMBAR_HITUNG, PETA_HITUNG
from lkjip_cli.buku.tata_hitung import MASUKAN_HITUNG as MASUKAN_HITUNG
from lkjip_cli.buku.tata_kaskade import (
    BAGIAN_DILAPORKAN_KASKADE,
    KOLOM_INDIKATOR_SIMPUL,
    LEMBAR_KASKADE,
    PETA_KASKADE,
)
from lkjip_cli.buku.tata_narasi import KUNCI_ANALISIS as KUNCI_ANALISIS
from lkjip_cli.buku.tata_narasi import KUNCI_BERJUDUL as KUNCI_BERJUDUL
from lkjip_cli.buku.tata_narasi import KUNCI_LAPORAN as KUNCI_LAPORAN
from lkjip_cli.buku.tata_narasi import KUNCI_TEKS as KUNCI_TEKS
from lkjip_cli.buku.tata_narasi import NARASI as NARASI
from lkjip_cli.buku.tata_narasi import PETA_NARASI
from lkjip_cli.buku.tata_pendapatan import DILAPORKAN_PENDAPATAN, PETA_PENDAPATAN
from lkjip_cli.buku.tata_pendapatan import PENDAPATAN as PENDAPATAN
from lkjip_cli.buku.tata_pendapatan import TABEL_PENDAPATAN as TABEL_PENDAPATAN
from lkjip_cli.model.persen import JENIS_PERSEN

INSTANSI = Lembar("Instansi", (
    Kolom("Nama instansi", "nama", wajib=True, lebar=50),
    Kolom("Singkatan", "singkatan"),
    Kolom("Tahun", "tahun", "bulat", wajib=True, lebar=8),
    Kolom("Renstra mulai", "renstra_mulai", "bulat", wajib=True),
    Kolom("Renstra selesai", "renstra_selesai", "bulat", wajib=True),
    Kolom("Sumber data evaluasi SAKIP", "sumber_evaluasi", lebar=40,
          bantuan="baris 'Sumber Data' Tabel 3.2"),
    Kolom("Periode sampai", "periode", "periode", lebar=12,
          bantuan="laporan antara: TW1..TW4, atau bulan sebagai teks ('2023-06'); "
          "kosong: laporan tahunan"),
    Kolom("Tingkat anggaran", "tingkat_anggaran", "nama", lebar=30,
          bantuan="nama tingkat pohon anggaran dari atas, dipisah koma (atau satu per baris "
          "dalam sel bila sebuah nama memuat koma); kosong: Program, Kegiatan, Sub Kegiatan"),
    Kolom("Versi format", "versi_format", "bulat", bantuan="kosong: versi lkjip ini"),
), satu_baris=True)

ATURAN = Lembar("Aturan", (
    Kolom("Desimal persen", "desimal_persen", "bulat", bantuan="bawaan 2"),
    Kolom("Pembulatan", "pembulatan", "pilihan", ("half-up", "half-even", "down")),
    Kolom("Rumus negatif", "rumus_negatif", "pilihan", RUMUS_NEGATIF),
    Kolom("Target nol", "target_nol", "pilihan",
          ("tidak-dapat-dihitung", "100-jika-realisasi-0"), lebar=22),
    Kolom("Batas atas", "batas_atas", "angka", bantuan="kosong: tanpa batas"),
    Kolom("Batas atas berlaku", "batas_atas_berlaku", "daftar",
          bantuan="rata-rata, tampilan (pisahkan dengan koma); - untuk tidak ada"),
    Kolom("Rata-rata dasar", "rata_rata_dasar", "pilihan", ("indikator", "sasaran")),
    Kolom("Efisiensi sasaran", "efisiensi_sasaran", "pilihan",
          (*METODE_EFISIENSI, "output-input"), lebar=22,
          bantuan="output-input: per masukan di lembar Masukan (BPKP)"),
    Kolom("Efisiensi keseluruhan", "efisiensi_keseluruhan", "pilihan", METODE_EFISIENSI,
          lebar=22),
    Kolom("Efisiensi tahunan", "efisiensi_tahunan", "pilihan", ("nominal", "sisa-anggaran")),
    Kolom("Skala interpretasi", "skala_interpretasi", "pilihan",
          ("permendagri-86-2017", "enam-tingkat", "lembar Skala"), lebar=22),
    Kolom("Skala predikat", "skala_predikat", "pilihan",
          ("permenpan-rb-12-2015", "lembar Skala"), lebar=22),
    Kolom("Ambang berhasil", "ambang_berhasil", "angka", bantuan="bawaan 100"),
    Kolom("Batas bawah", "batas_bawah", "angka",
          bantuan="kosong: tanpa batas bawah (capaian negatif dicetak apa adanya)"),
    Kolom("Bulatkan realisasi", "bulatkan_realisasi", "bulat",
          bantuan="kosong: tidak; angka: realisasi dibulatkan sekian desimal sebelum capaian"),
    # Issue 22, after every older column so that none moves.
    Kolom("Rata-rata metode", "rata_rata_metode", "pilihan", METODE_RATA_RATA, lebar=22,
          bantuan="kosong: rata-rata"),
    Kolom("Batas E", "efisiensi_batas_e", "angka",
          bantuan="nilai-efisiensi-pmk-22-2021: E dibatasi -batas sampai batas; kosong: 20"),
    Kolom("Kata kategori", "kata_kategori", "pilihan", ("laporan", "peraturan"),
          bantuan="laporan: Sangat Baik ... Sangat Kurang; peraturan: kata Permendagri "
          "86/2017 (Sangat Tinggi ... Sangat Rendah)"),
), satu_baris=True)

DIKECUALIKAN = Lembar("Dikecualikan", (
    Kolom("Indikator", "indikator", wajib=True),
    Kolom("Alasan", "alasan", wajib=True, lebar=60),
))

SKALA_PITA = Lembar("Skala", (
    Kolom("Skala", "skala", "pilihan", SKALA, wajib=True),
    Kolom("Kode", "kode", wajib=True),
    Kolom("Sebutan", "sebutan", wajib=True, lebar=20),
    Kolom("Mulai", "mulai", "angka", bantuan="kosong: tanpa batas bawah"),
    Kolom("Inklusif", "inklusif", "yatidak", YA_TIDAK),
))

TUJUAN = Lembar("Tujuan", (
    Kolom("Kode", "kode", wajib=True),
    Kolom("Nama", "nama", wajib=True, lebar=60),
))

SASARAN = Lembar("Sasaran", (
    Kolom("Kode", "kode", wajib=True),
    Kolom("Nama", "nama", wajib=True, lebar=60),
    Kolom("Tujuan", "tujuan", bantuan="kode tujuan"),
))

INDIKATOR = Lembar("Indikator", (
    Kolom("Sasaran", "sasaran", wajib=True, bantuan="kode sasaran"),
    Kolom("Kode", "kode", wajib=True),
    Kolom("Nama", "nama", wajib=True, lebar=50),
    Kolom("Satuan", "satuan", wajib=True, lebar=10),
    Kolom("Polaritas", "polaritas", "pilihan", POLARITAS),
    Kolom("Rumus negatif", "rumus_negatif", "pilihan", RUMUS_NEGATIF),
    *kolom_target(),
    Kolom("Realisasi", "realisasi", "angka", bantuan="kosong: belum ada data"),
    Kolom("Jenis persen", "jenis_persen", "pilihan", JENIS_PERSEN, lebar=12,
          bantuan="untuk satuan %: bagian (0-100), laju, rasio, indeks; kosong: dari nama"),
    Kolom("Persen maks 100", "persen_maks_100", "yatidak", YA_TIDAK,
          bantuan="kolom lama: ya = bagian, tidak = rasio; pakai Jenis persen"),
    Kolom("Rekap triwulan", "rekap_triwulan", "pilihan", REKAP),
    Kolom("Penjelasan", "penjelasan", lebar=40),
    Kolom("Pembilang", "pembilang", lebar=30),
    Kolom("Penyebut", "penyebut", lebar=30),
    Kolom("Sumber data", "sumber_data", lebar=25),
    Kolom("Penanggung jawab", "penanggung_jawab", lebar=25),
    Kolom("Standar nasional", "standar_nasional", "angka",
          bantuan="analisis 4 PermenPAN-RB 53/2014: standar nasional dalam satuan indikator"),
    Kolom("Sumber standar nasional", "standar_nasional_sumber", lebar=40,
          bantuan="peraturan atau lembaga penetapnya, dengan nama lengkap"),
    Kolom("Tahun standar nasional", "standar_nasional_tahun", "bulat"),
))

#: The Triwulan, Bulan and Renstra sheets take any indicator's kode (issue 23).
_KODE_INDIKATOR = ("kode indikator: IKU, atau indikator program, kegiatan atau sub kegiatan "
                   "(lembar Indikator Kegiatan, Indikator Simpul)")

TRIWULAN = Lembar("Triwulan", (
    Kolom("Indikator", "indikator", wajib=True, bantuan=_KODE_INDIKATOR),
    Kolom("Triwulan", "triwulan", "bulat", wajib=True, bantuan="1 sampai 4"),
    *kolom_target(),
    Kolom("Realisasi", "realisasi", "angka"),
))

RENSTRA = Lembar("Renstra", (
    Kolom("Indikator", "indikator", wajib=True, bantuan=_KODE_INDIKATOR),
    Kolom("Tahun", "tahun", "bulat", wajib=True),
    *kolom_target("Target Renstra", "target_renstra"),
    Kolom("Realisasi tahun itu", "realisasi_sebelumnya", "angka",
          bantuan="realisasi tahun-tahun sebelumnya (Tabel 3.6)"),
    *kolom_target("Target tahun itu", "target_sebelumnya"),
))

ANGGARAN = Lembar("Program Kegiatan", (
    Kolom("Tingkat", "tingkat", "pilihan", TINGKAT, wajib=True, lebar=16,
          bantuan="tingkat pohon anggaran (Instansi: Tingkat anggaran), atau nomornya: "
          "1 program, 2 kegiatan, 3 sub kegiatan, ...", terbuka=True),
    Kolom("Kode", "kode", wajib=True, lebar=20),
    Kolom("Induk", "induk", lebar=20,
          bantuan="kode baris di tingkat atasnya; kosong: baris terdekat di atasnya"),
    Kolom("Nama", "nama", wajib=True, lebar=50),
    Kolom("Pagu", "pagu", "rupiah", lebar=18,
          bantuan="hanya di baris terbawah (tanpa baris di bawahnya): pagu (rupiah)"),
    Kolom("Realisasi", "realisasi", "rupiah", lebar=18),
    Kolom("Anggaran PK", "anggaran_perjanjian_kinerja", "rupiah", lebar=18,
          bantuan="program: anggaran di Perjanjian Kinerja (Tabel 2.4)"),
    Kolom("Sumber dana", "sumber_dana"),
    Kolom("Mendukung", "mendukung", "daftar",
          bantuan="kode indikator, dipisah koma; diwariskan ke baris di bawahnya"),
    Kolom("RPD", "rpd", "rupiah", lebar=18,
          bantuan="rencana penarikan dana s.d. periode laporan (baris terbawah)"),
    Kolom("Pagu baris lain", "baris_lain_pagu", "rupiah", lebar=18,
          bantuan="program: pagu kegiatan yang tercakup dalam Jumlah yang dicetak tetapi "
          "tidak dirinci (tabel lanjutan)"),
    Kolom("Realisasi baris lain", "baris_lain_realisasi", "rupiah", lebar=18),
    Kolom("Keterangan baris lain", "baris_lain_keterangan", lebar=24,
          bantuan="di mana baris itu dicetak"),
    Kolom("Penanggung jawab", "penanggung_jawab", lebar=25,
          bantuan="unit penanggung jawab (Evaluasi Renja); diwariskan ke baris di bawahnya; "
          "kosong: instansi"),
))

#: A kegiatan's indicators: the cascade's node indicator (`tata_kaskade.py`) on the sheet
#: of its own that 2020's reports already filled.
INDIKATOR_KEGIATAN = Lembar("Indikator Kegiatan", (
    Kolom("Kegiatan", "kegiatan", wajib=True, bantuan="kode kegiatan"),
    *KOLOM_INDIKATOR_SIMPUL,
))

BELANJA = Lembar("Belanja", (
    Kolom("Tahun", "tahun", "bulat", wajib=True, lebar=8),
    Kolom("Pagu langsung", "pagu_langsung", "rupiah", lebar=18),
    Kolom("Realisasi langsung", "realisasi_langsung", "rupiah", lebar=18),
    Kolom("Pagu tidak langsung", "pagu_tidak_langsung", "rupiah", lebar=18),
    Kolom("Realisasi tidak langsung", "realisasi_tidak_langsung", "rupiah", lebar=18),
    Kolom("Realisasi total", "realisasi", "rupiah", lebar=18,
          bantuan="untuk tahun yang hanya diketahui totalnya"),
    Kolom("Pagu murni", "pagu_murni", "rupiah", lebar=18),
    Kolom("Jumlah program", "jumlah_program", "bulat"),
    Kolom("Jumlah kegiatan", "jumlah_kegiatan", "bulat"),
    Kolom("Klasifikasi", "klasifikasi", "pilihan", KLASIFIKASI, lebar=20,
          bantuan="kosong: bl-btl (sebelum 2021); sejak 2021 permendagri-77-2020, "
          "K/L apbn: isi lembar Jenis Belanja"),
))

KOMPONEN = Lembar("Komponen SAKIP", (
    Kolom("Kode", "kode", wajib=True),
    Kolom("Nama", "nama", wajib=True, lebar=30),
    Kolom("Bobot", "bobot", "angka", wajib=True),
))

NILAI_SAKIP = Lembar("Nilai SAKIP", (
    Kolom("Tahun", "tahun", "bulat", wajib=True, lebar=8),
    Kolom("Komponen", "komponen", wajib=True),
    Kolom("Nilai", "nilai", "angka", wajib=True),
))

DILAPORKAN = Lembar("Dilaporkan", (
    Kolom("Bagian", "bagian", "pilihan", BAGIAN, wajib=True, lebar=18),
    Kolom("Kode atau tahun", "kode", lebar=16,
          bantuan="kode sasaran/indikator/program/kegiatan, atau tahun belanja/evaluasi"),
    Kolom("Triwulan", "triwulan", "bulat", bantuan="untuk bagian triwulan: 1 sampai 4"),
    Kolom("Besaran", "besaran", wajib=True, lebar=24, bantuan="capaian, realisasi, pagu, ..."),
    Kolom("Tempat", "tempat", wajib=True, lebar=10, bantuan='"3.5", ikhtisar, bab3, ...'),
    Kolom("Nilai", "nilai", "bebas", wajib=True, lebar=18,
          bantuan="seperti dicetak: angka, atau teks untuk kategori/status/predikat"),
    Kolom("Butir", "butir", lebar=14,
          bantuan="bulan 1-12 (bagian bulan), kode kelas 5.1.01 (jenis/kelompok belanja), "
          "nama masukan (masukan, hitung) atau tahun sebelumnya (indikator: target, "
          "realisasi, capaian tahun itu)"),
))

PENOMORAN = Lembar("Penomoran", (
    Kolom("Tabel", "tabel", "pilihan", TABEL, wajib=True,
          bantuan="nomor tabel lkjip, sebagai teks ('3.10)"),
    Kolom("Label", "label", wajib=True, bantuan="label cetakan laporan: III.2, 19, IV.1"),
), opsional=True)

BULAN = Lembar("Bulan", (
    Kolom("Indikator", "indikator", wajib=True, bantuan=_KODE_INDIKATOR),
    Kolom("Bulan", "bulan", "bulat", wajib=True, bantuan="1 (Januari) sampai 12"),
    Kolom("Target", "target", "angka"),
    Kolom("Realisasi", "realisasi", "angka"),
), opsional=True)

MASUKAN = Lembar("Masukan", (
    Kolom("Sasaran", "sasaran", wajib=True, bantuan="kode sasaran"),
    Kolom("Nama", "nama", wajib=True, lebar=30),
    Kolom("Satuan", "satuan", lebar=12),
    Kolom("Anggaran", "anggaran", "yatidak", YA_TIDAK,
          bantuan="ya: dana, dari pagu dan realisasi anggaran sasaran (Target dan Realisasi "
          "kosong)"),
    Kolom("Target", "target", "angka", bantuan="rencana pemakaian"),
    Kolom("Realisasi", "realisasi", "angka", bantuan="pemakaian sesungguhnya"),
), opsional=True)

JENIS_BELANJA = Lembar("Jenis Belanja", (
    Kolom("Tahun", "tahun", "bulat", wajib=True, lebar=8),
    Kolom("Jenis", "jenis", wajib=True, lebar=12,
          bantuan="kode kelas klasifikasi tahunnya: 5.1.01, 5.2 (satu kelompok utuh), 52"),
    Kolom("Pagu murni", "pagu_murni", "rupiah", lebar=18, bantuan="sebelum perubahan"),
    Kolom("Pagu", "pagu", "rupiah", lebar=18, bantuan="setelah perubahan"),
    Kolom("Realisasi", "realisasi", "rupiah", lebar=18),
), opsional=True)

KELOMPOK_BELANJA = Lembar("Kelompok Belanja", (
    Kolom("Tahun", "tahun", "bulat", wajib=True, lebar=8),
    Kolom("Kelompok", "kelompok", wajib=True, lebar=12,
          bantuan="kode kelompok yang jumlahnya dicetak laporan: 5.1, 5.2"),
), opsional=True)

def dengan_tingkat(tingkat: tuple[str, ...]) -> Lembar:
    """The budget tree's sheet whose `Tingkat` list offers a report's own level names."""
    kolom = tuple(replace(k, pilihan=tingkat) if k.kunci == "tingkat" else k
                  for k in ANGGARAN.kolom)
    return Lembar(ANGGARAN.nama, kolom, ANGGARAN.satu_baris, ANGGARAN.opsional)


ATURAN_TEMPAT = Lembar("Aturan Tempat", (
    Kolom("Tempat", "tempat", wajib=True, bantuan='tabel atau bagian: "3.5", III.2, ikhtisar'),
    Kolom("Pembulatan", "pembulatan", "pilihan", ("half-up", "half-even", "down")),
    Kolom("Desimal", "desimal", "bulat", bantuan="kosong: desimal persen laporan"),
), opsional=True)

TANDA_CETAK = Lembar("Tanda Cetak", (
    Kolom("Besaran", "besaran", wajib=True, lebar=24,
          bantuan="besaran yang dicetak, seperti di lembar Dilaporkan: perubahan_pagu, ..."),
    Kolom("Tempat", "tempat", lebar=10, bantuan="kosong: setiap tempat yang mencetaknya"),
    Kolom("Tanda", "tanda", "pilihan", ("dibalik", "tanpa-tanda"), wajib=True,
          bantuan="dibalik: pemotongan dicetak positif sebagai penghematan; tanpa-tanda: "
          "nilai mutlak, arahnya dalam kata"),
), opsional=True)


#: Every sheet, in workbook order.
LEMBAR: tuple[Lembar, ...] = (
    INSTANSI, ATURAN, DIKECUALIKAN, SKALA_PITA, TUJUAN, SASARAN, INDIKATOR, TRIWULAN, RENSTRA,
    ANGGARAN, INDIKATOR_KEGIATAN, BELANJA, KOMPONEN, NILAI_SAKIP, DILAPORKAN,
    PENOMORAN, BULAN, MASUKAN, JENIS_BELANJA, KELOMPOK_BELANJA, ATURAN_TEMPAT, TANDA_CETAK,
    NARASI, *LEMBAR_KASKADE, *LEMBAR_HITUNG, PENDAPATAN, TABEL_PENDAPATAN,
)



# ------------------------------------------------------------- the model's home here

#: Where each field of the report model stands in the workbook: the model path (list items
#: without an index, `program.kegiatan.rincian.rincian` for the deeper levels of the tree)
#: -> `Lembar/Judul kolom`. `tests/test_buku_model.py` walks the pydantic model and fails
#: when a field is neither here, in `BAGIAN_DILAPORKAN`, nor in `HANYA_YAML`.
PETA_MODEL: dict[str, str] = {
    "versi_format": "Instansi/Versi format",
    "instansi.nama": "Instansi/Nama instansi",
    "instansi.singkatan": "Instansi/Singkatan",
    "tahun": "Instansi/Tahun",
    "periode.sampai": "Instansi/Periode sampai",
    "renstra.mulai": "Instansi/Renstra mulai",
    "renstra.selesai": "Instansi/Renstra selesai",
    "tingkat_anggaran": "Instansi/Tingkat anggaran",
    "aturan.desimal_persen": "Aturan/Desimal persen",
    "aturan.pembulatan": "Aturan/Pembulatan",
    "aturan.rumus_negatif": "Aturan/Rumus negatif",
    "aturan.target_nol": "Aturan/Target nol",
    "aturan.batas_atas.nilai": "Aturan/Batas atas",
    "aturan.batas_atas.berlaku": "Aturan/Batas atas berlaku",
    "aturan.batas_bawah": "Aturan/Batas bawah",
    "aturan.rata_rata.dasar": "Aturan/Rata-rata dasar",
    "aturan.rata_rata.metode": "Aturan/Rata-rata metode",
    "aturan.efisiensi.batas_e": "Aturan/Batas E",
    "aturan.rata_rata.dikecualikan.indikator": "Dikecualikan/Indikator",
    "aturan.rata_rata.dikecualikan.alasan": "Dikecualikan/Alasan",
    "aturan.efisiensi.sasaran": "Aturan/Efisiensi sasaran",
    "aturan.efisiensi.keseluruhan": "Aturan/Efisiensi keseluruhan",
    "aturan.efisiensi.tahunan": "Aturan/Efisiensi tahunan",
    "aturan.skala_interpretasi": "Aturan/Skala interpretasi",
    "aturan.skala_interpretasi.kode": "Skala/Kode",
    "aturan.skala_interpretasi.sebutan": "Skala/Sebutan",
    "aturan.skala_interpretasi.mulai": "Skala/Mulai",
    "aturan.skala_interpretasi.inklusif": "Skala/Inklusif",
    "aturan.skala_predikat": "Aturan/Skala predikat",
    "aturan.skala_predikat.kode": "Skala/Kode",
    "aturan.skala_predikat.sebutan": "Skala/Sebutan",
    "aturan.skala_predikat.mulai": "Skala/Mulai",
    "aturan.skala_predikat.inklusif": "Skala/Inklusif",
    "aturan.ambang_berhasil": "Aturan/Ambang berhasil",
    "aturan.bulatkan_realisasi": "Aturan/Bulatkan realisasi",
    "aturan.per_tempat.pembulatan": "Aturan Tempat/Pembulatan",
    "aturan.per_tempat.desimal": "Aturan Tempat/Desimal",
    "aturan.tanda_cetak.besaran": "Tanda Cetak/Besaran",
    "aturan.tanda_cetak.tempat": "Tanda Cetak/Tempat",
    "aturan.tanda_cetak.tanda": "Tanda Cetak/Tanda",
    "penomoran": "Penomoran/Label",
    "tujuan.kode": "Tujuan/Kode",
    "tujuan.nama": "Tujuan/Nama",
    "sasaran.kode": "Sasaran/Kode",
    "sasaran.nama": "Sasaran/Nama",
    "sasaran.tujuan": "Sasaran/Tujuan",
    "sasaran.indikator.kode": "Indikator/Kode",
    "sasaran.indikator.nama": "Indikator/Nama",
    "sasaran.indikator.satuan": "Indikator/Satuan",
    "sasaran.indikator.polaritas": "Indikator/Polaritas",
    "sasaran.indikator.rumus_negatif": "Indikator/Rumus negatif",
    "sasaran.indikator.target": "Indikator/Target",
    "sasaran.indikator.target.min": "Indikator/Target",
    "sasaran.indikator.target.maks": "Indikator/Target maks",
    "sasaran.indikator.realisasi": "Indikator/Realisasi",
    "sasaran.indikator.persen_maks_100": "Indikator/Persen maks 100",
    "sasaran.indikator.jenis_persen": "Indikator/Jenis persen",
    "sasaran.indikator.rekap_triwulan": "Indikator/Rekap triwulan",
    "sasaran.indikator.triwulan.target": "Triwulan/Target",
    "sasaran.indikator.triwulan.target.min": "Triwulan/Target",
    "sasaran.indikator.triwulan.target.maks": "Triwulan/Target maks",
    "sasaran.indikator.triwulan.realisasi": "Triwulan/Realisasi",
    "sasaran.indikator.bulanan.target": "Bulan/Target",
    "sasaran.indikator.bulanan.realisasi": "Bulan/Realisasi",
    "sasaran.indikator.realisasi_sebelumnya": "Renstra/Realisasi tahun itu",
    "sasaran.indikator.target_renstra": "Renstra/Target Renstra",
    "sasaran.indikator.target_renstra.min": "Renstra/Target Renstra",
    "sasaran.indikator.target_renstra.maks": "Renstra/Target Renstra maks",
    "sasaran.indikator.target_sebelumnya": "Renstra/Target tahun itu",
    "sasaran.indikator.target_sebelumnya.min": "Renstra/Target tahun itu",
    "sasaran.indikator.target_sebelumnya.maks": "Renstra/Target tahun itu maks",
    "sasaran.indikator.definisi.penjelasan": "Indikator/Penjelasan",
    "sasaran.indikator.definisi.pembilang": "Indikator/Pembilang",
    "sasaran.indikator.definisi.penyebut": "Indikator/Penyebut",
    "sasaran.indikator.definisi.sumber_data": "Indikator/Sumber data",
    "sasaran.indikator.definisi.penanggung_jawab": "Indikator/Penanggung jawab",
    "sasaran.indikator.standar_nasional.nilai": "Indikator/Standar nasional",
    "sasaran.indikator.standar_nasional.sumber": "Indikator/Sumber standar nasional",
    "sasaran.indikator.standar_nasional.tahun": "Indikator/Tahun standar nasional",
    "sasaran.masukan.nama": "Masukan/Nama",
    "sasaran.masukan.satuan": "Masukan/Satuan",
    "sasaran.masukan.anggaran": "Masukan/Anggaran",
    "sasaran.masukan.target": "Masukan/Target",
    "sasaran.masukan.realisasi": "Masukan/Realisasi",
    "program.kode": "Program Kegiatan/Kode",
    "program.nama": "Program Kegiatan/Nama",
    "program.anggaran_perjanjian_kinerja": "Program Kegiatan/Anggaran PK",
    "program.sumber_dana": "Program Kegiatan/Sumber dana",
    "program.mendukung": "Program Kegiatan/Mendukung",
    "program.baris_lain.pagu": "Program Kegiatan/Pagu baris lain",
    "program.baris_lain.realisasi": "Program Kegiatan/Realisasi baris lain",
    "program.baris_lain.keterangan": "Program Kegiatan/Keterangan baris lain",
    "program.kegiatan.kode": "Program Kegiatan/Kode",
    "program.kegiatan.nama": "Program Kegiatan/Nama",
    "program.kegiatan.pagu": "Program Kegiatan/Pagu",
    "program.kegiatan.realisasi": "Program Kegiatan/Realisasi",
    "program.kegiatan.rpd": "Program Kegiatan/RPD",
    "program.kegiatan.mendukung": "Program Kegiatan/Mendukung",
    "program.kegiatan.rincian.kode": "Program Kegiatan/Kode",
    "program.kegiatan.rincian.nama": "Program Kegiatan/Nama",
    "program.kegiatan.rincian.pagu": "Program Kegiatan/Pagu",
    "program.kegiatan.rincian.realisasi": "Program Kegiatan/Realisasi",
    "program.kegiatan.rincian.rpd": "Program Kegiatan/RPD",
    "program.kegiatan.rincian.mendukung": "Program Kegiatan/Mendukung",
    "program.kegiatan.rincian.rincian": "Program Kegiatan/Tingkat",
    "belanja.tahun": "Belanja/Tahun",
    "belanja.langsung.pagu": "Belanja/Pagu langsung",
    "belanja.langsung.realisasi": "Belanja/Realisasi langsung",
    "belanja.tidak_langsung.pagu": "Belanja/Pagu tidak langsung",
    "belanja.tidak_langsung.realisasi": "Belanja/Realisasi tidak langsung",
    "belanja.realisasi": "Belanja/Realisasi total",
    "belanja.pagu_murni": "Belanja/Pagu murni",
    "belanja.jumlah_program": "Belanja/Jumlah program",
    "belanja.jumlah_kegiatan": "Belanja/Jumlah kegiatan",
    "belanja.klasifikasi": "Belanja/Klasifikasi",
    "belanja.jenis.jenis": "Jenis Belanja/Jenis",
    "belanja.jenis.pagu": "Jenis Belanja/Pagu",
    "belanja.jenis.pagu_murni": "Jenis Belanja/Pagu murni",
    "belanja.jenis.realisasi": "Jenis Belanja/Realisasi",
    "belanja.kelompok.kelompok": "Kelompok Belanja/Kelompok",
    "evaluasi_sakip.komponen.kode": "Komponen SAKIP/Kode",
    "evaluasi_sakip.komponen.nama": "Komponen SAKIP/Nama",
    "evaluasi_sakip.komponen.bobot": "Komponen SAKIP/Bobot",
    "evaluasi_sakip.hasil.tahun": "Nilai SAKIP/Tahun",
    "evaluasi_sakip.hasil.nilai": "Nilai SAKIP/Nilai",
    "evaluasi_sakip.sumber_data": "Instansi/Sumber data evaluasi SAKIP",
    "aturan.kata_kategori": "Aturan/Kata kategori",
    # Families of sheets in modules of their own add their part here.
    **PETA_NARASI,
    **PETA_KASKADE,
    **PETA_HITUNG,
    **PETA_PENDAPATAN,
}

#: Every `dilaporkan` of the model -> the `Bagian` of its rows on the Dilaporkan sheet.
BAGIAN_DILAPORKAN: dict[str, str] = {
    "dilaporkan": "laporan",
    "sasaran.dilaporkan": "sasaran",
    "sasaran.indikator.dilaporkan": "indikator",
    "sasaran.indikator.triwulan.dilaporkan": "triwulan",
    "sasaran.indikator.bulanan.dilaporkan": "bulan",
    "sasaran.masukan.dilaporkan": "masukan",
    "program.dilaporkan": "program",
    "program.kegiatan.dilaporkan": "kegiatan",
    "program.kegiatan.indikator.dilaporkan": "indikator kegiatan",
    "program.kegiatan.rincian.dilaporkan": "rincian",
    "belanja.dilaporkan": "belanja",
    "belanja.jenis.dilaporkan": "jenis belanja",
    "belanja.kelompok.dilaporkan": "kelompok belanja",
    "evaluasi_sakip.hasil.dilaporkan": "evaluasi",
    **BAGIAN_DILAPORKAN_KASKADE,
    "sasaran.indikator.hitung.dilaporkan": "hitung",
    **DILAPORKAN_PENDAPATAN,
}

#: Fields of the model the workbook does not hold, each with the reason (docs/excel.md
#: lists them); `export --to xlsx --data` refuses a report that uses one (`xlsx-lossy`)
#: rather than writing part of it. None today: the cascade (issue 23, `tata_kaskade.py`)
#: and a derived indicator's `hitung` (issue 22, `tata_hitung.py`) have their sheets.
HANYA_YAML: dict[str, str] = {
}
