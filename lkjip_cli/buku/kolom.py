"""The parts every sheet of the data-entry workbook is made of: a column, a sheet, the value lists.

Why a module of its own: the layout of the workbook is spread over several modules (the core
sheets in `buku/tata.py`, the analyst's text in `buku/tata_narasi.py`, and each later family of
sheets in its own module), and each of them builds its sheets from these same parts, so that
the writer, the reader and the model walk (`tests/test_buku_model.py`) treat every sheet alike.
`buku/tata.py` re-exports them, so `tata.Kolom` keeps working for the modules that use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Jenis = Literal["teks", "angka", "rupiah", "bulat", "pilihan", "yatidak", "daftar", "nama",
                "periode", "bebas"]


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
    #: The list offers the usual values, Excel warns on another but lets it stand.
    terbuka: bool = False


@dataclass(frozen=True, slots=True)
class Lembar:
    nama: str
    kolom: tuple[Kolom, ...]
    satu_baris: bool = False
    #: Added after the first layout: an older workbook without it still imports.
    opsional: bool = False

    def kolom_kunci(self, kunci: str) -> Kolom:
        return next(k for k in self.kolom if k.kunci == kunci)


POLARITAS = ("positif", "negatif")
RUMUS_NEGATIF = ("(2T-R)/T", "T/R")
REKAP = ("terakhir", "jumlah", "rata-rata")
YA_TIDAK = ("ya", "tidak")
TINGKAT = ("program", "kegiatan", "sub kegiatan")
BAGIAN = ("laporan", "sasaran", "indikator", "triwulan", "program", "kegiatan",
          "indikator kegiatan", "belanja", "evaluasi", "bulan", "masukan", "rincian",
          "jenis belanja", "kelompok belanja",
          # issue 23: the cascade's indicators at any node, the Renja form's figures
          "indikator simpul", "evaluasi renja",
          # issue 22: revenue accounts (the Jumlah row without a kode), a derived
          # indicator's printed inputs and index
          "pendapatan", "hitung")
KLASIFIKASI = ("bl-btl", "permendagri-77-2020", "apbn")
TABEL = ("2.1", "2.4", "2.5", "2.6", "3.1", "3.2", "3.4", "3.5", "3.6", "3.7", "3.8",
         "3.9", "3.10", "3.11", "3.12", "3.13", "3.14")
SKALA = ("interpretasi", "predikat")
#: The named methods the Aturan sheet offers (engine/rata_rata.py, engine/efisiensi.py).
METODE_RATA_RATA = ("rata-rata", "rasio-rata-rata", "tertimbang-pagu", "geometrik-pmk-22-2021")
METODE_EFISIENSI = ("selisih", "sisa-anggaran", "rasio", "nominal", "indeks-efisiensi",
                    "selisih-rata-rata-serapan", "nilai-efisiensi-pmk-22-2021")


def kolom_target(judul: str = "Target", kunci: str = "target") -> list[Kolom]:
    return [
        Kolom(judul, kunci, "angka",
              bantuan="angka; untuk target rentang: batas bawah"),
        Kolom(f"{judul} maks", f"{kunci}_maks", "angka",
              bantuan="hanya untuk target rentang: batas atas (kosongkan bila satu angka)"),
    ]


#: Number format of a rupiah column: thousands grouped, as Excel's locale prints them.
FORMAT_RUPIAH = "#,##0"
