"""The layout of the data-entry workbook: its sheets, their columns, and what each column holds.

Why one description for both directions: `lkjip init --to xlsx` and `export --data` write the
workbook from it (`buku/tulis.py`) and `lkjip import` reads it back (`buku/baca.py`),
so a column can never be written under one heading and looked for under another. Each sheet is
a plain table: one header row, one record per row, columns found by their heading (their
order does not matter). docs/excel.md documents the same layout for people.

Room to grow: the budget tree has a `Tingkat` column (program, kegiatan; sub kegiatan when the
model holds it) and belanja rows can gain a classification column (Belanja Operasi/Modal)
without moving any other column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lkjip_cli.model.persen import JENIS_PERSEN

Jenis = Literal["teks", "angka", "rupiah", "bulat", "pilihan", "yatidak", "daftar", "bebas"]


@dataclass(frozen=True, slots=True)
class Kolom:
    """One column: its heading, its key in the reader, what it holds, and the help shown."""

    judul: str
    kunci: str
    jenis: Jenis = "teks"
    pilihan: tuple[str, ...] = ()
    wajib: bool = False
    lebar: int = 14
    bantuan: str = ""


@dataclass(frozen=True, slots=True)
class Lembar:
    nama: str
    kolom: tuple[Kolom, ...]
    satu_baris: bool = False

    def kolom_kunci(self, kunci: str) -> Kolom:
        return next(k for k in self.kolom if k.kunci == kunci)


POLARITAS = ("positif", "negatif")
RUMUS_NEGATIF = ("(2T-R)/T", "T/R")
REKAP = ("terakhir", "jumlah", "rata-rata")
YA_TIDAK = ("ya", "tidak")
TINGKAT = ("program", "kegiatan")
BAGIAN = ("laporan", "sasaran", "indikator", "triwulan", "program", "kegiatan",
          "indikator kegiatan", "belanja", "evaluasi")
SKALA = ("interpretasi", "predikat")


def _target(judul: str = "Target", kunci: str = "target") -> list[Kolom]:
    return [
        Kolom(judul, kunci, "angka",
              bantuan="angka; untuk target rentang: batas bawah"),
        Kolom(f"{judul} maks", f"{kunci}_maks", "angka",
              bantuan="hanya untuk target rentang: batas atas (kosongkan bila satu angka)"),
    ]


INSTANSI = Lembar("Instansi", (
    Kolom("Nama instansi", "nama", wajib=True, lebar=50),
    Kolom("Singkatan", "singkatan"),
    Kolom("Tahun", "tahun", "bulat", wajib=True, lebar=8),
    Kolom("Renstra mulai", "renstra_mulai", "bulat", wajib=True),
    Kolom("Renstra selesai", "renstra_selesai", "bulat", wajib=True),
    Kolom("Sumber data evaluasi SAKIP", "sumber_evaluasi", lebar=40,
          bantuan="baris 'Sumber Data' Tabel 3.2"),
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
          ("selisih", "sisa-anggaran", "rasio", "nominal")),
    Kolom("Efisiensi keseluruhan", "efisiensi_keseluruhan", "pilihan",
          ("selisih", "sisa-anggaran", "rasio", "nominal")),
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
), satu_baris=True)

ATURAN_TEMPAT = Lembar("Aturan Tempat", (
    Kolom("Tempat", "tempat", wajib=True, bantuan='tabel atau bagian: "3.5", III.2, ikhtisar'),
    Kolom("Pembulatan", "pembulatan", "pilihan", ("half-up", "half-even", "down")),
    Kolom("Desimal", "desimal", "bulat", bantuan="kosong: desimal persen laporan"),
))

DIKECUALIKAN = Lembar("Dikecualikan", (
    Kolom("Indikator", "indikator", wajib=True),
    Kolom("Alasan", "alasan", wajib=True, lebar=60),
))

TANDA_CETAK = Lembar("Tanda Cetak", (
    Kolom("Besaran", "besaran", wajib=True, lebar=24,
          bantuan="besaran yang dicetak, seperti di lembar Dilaporkan: perubahan_pagu, ..."),
    Kolom("Tempat", "tempat", lebar=10, bantuan="kosong: setiap tempat yang mencetaknya"),
    Kolom("Tanda", "tanda", "pilihan", ("dibalik", "tanpa-tanda"), wajib=True,
          bantuan="dibalik: pemotongan dicetak positif sebagai penghematan; tanpa-tanda: "
          "nilai mutlak, arahnya dalam kata"),
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
    *_target(),
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
))

TRIWULAN = Lembar("Triwulan", (
    Kolom("Indikator", "indikator", wajib=True),
    Kolom("Triwulan", "triwulan", "bulat", wajib=True, bantuan="1 sampai 4"),
    *_target(),
    Kolom("Realisasi", "realisasi", "angka"),
))

RENSTRA = Lembar("Renstra", (
    Kolom("Indikator", "indikator", wajib=True),
    Kolom("Tahun", "tahun", "bulat", wajib=True),
    *_target("Target Renstra", "target_renstra"),
    Kolom("Realisasi tahun itu", "realisasi_sebelumnya", "angka",
          bantuan="realisasi tahun-tahun sebelumnya (Tabel 3.6)"),
    *_target("Target tahun itu", "target_sebelumnya"),
))

ANGGARAN = Lembar("Program Kegiatan", (
    Kolom("Tingkat", "tingkat", "pilihan", TINGKAT, wajib=True),
    Kolom("Kode", "kode", wajib=True),
    Kolom("Induk", "induk", bantuan="kode program sebuah kegiatan"),
    Kolom("Nama", "nama", wajib=True, lebar=50),
    Kolom("Pagu", "pagu", "rupiah", lebar=18, bantuan="kegiatan: pagu (rupiah)"),
    Kolom("Realisasi", "realisasi", "rupiah", lebar=18),
    Kolom("Anggaran PK", "anggaran_perjanjian_kinerja", "rupiah", lebar=18,
          bantuan="program: anggaran di Perjanjian Kinerja (Tabel 2.4)"),
    Kolom("Sumber dana", "sumber_dana"),
    Kolom("Mendukung", "mendukung", "daftar", bantuan="kode indikator, dipisah koma"),
))

INDIKATOR_KEGIATAN = Lembar("Indikator Kegiatan", (
    Kolom("Kegiatan", "kegiatan", wajib=True, bantuan="kode kegiatan"),
    Kolom("Kode", "kode", wajib=True),
    Kolom("Nama", "nama", wajib=True, lebar=50),
    Kolom("Satuan", "satuan", wajib=True, lebar=10),
    Kolom("Polaritas", "polaritas", "pilihan", POLARITAS),
    *_target(),
    Kolom("Realisasi", "realisasi", "angka"),
    Kolom("Jenis persen", "jenis_persen", "pilihan", JENIS_PERSEN, lebar=12,
          bantuan="untuk satuan %: bagian (0-100), laju, rasio, indeks; kosong: dari nama"),
    Kolom("Persen maks 100", "persen_maks_100", "yatidak", YA_TIDAK,
          bantuan="kolom lama: ya = bagian, tidak = rasio; pakai Jenis persen"),
    Kolom("Rencana aksi", "rencana_aksi", lebar=50, bantuan="satu aksi per baris dalam sel"),
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
))

#: Every sheet, in workbook order.
LEMBAR: tuple[Lembar, ...] = (
    INSTANSI, ATURAN, ATURAN_TEMPAT, DIKECUALIKAN, TANDA_CETAK, SKALA_PITA, TUJUAN, SASARAN,
    INDIKATOR, TRIWULAN, RENSTRA, ANGGARAN, INDIKATOR_KEGIATAN, BELANJA, KOMPONEN, NILAI_SAKIP,
    DILAPORKAN,
)

#: Number format of a rupiah column: thousands grouped, as Excel's locale prints them.
FORMAT_RUPIAH = "#,##0"
