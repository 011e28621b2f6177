"""The workbook's sheets for indicators derived from their inputs (`hitung`, issue 22).

Why two sheets: an indicator's rule is one record (the realisasi formula or a built-in index,
a target formula, the IKM's respondents) and its inputs are many (one row per named input,
with a target value and a realisasi value, or one row per IKM unsur with its own
respondents), so `Hitung` has a row per derived indicator and `Masukan Hitung` a row per
input, as `Indikator` and `Triwulan` are laid out. A formula is text in its cell, never an
Excel formula: the reader hands it to the safe formula language like the YAML's. The printed
inputs, NRR, index and band are rows of `Dilaporkan` (`Bagian` hitung, `Butir` the input).
"""

from __future__ import annotations

from lkjip_cli.buku.kolom import Kolom, Lembar

#: The built-in indices (`model/hitungan.MetodeBawaan`).
BAWAAN = ("ikm-permenpan-rb-14-2017", "ikm-kepmenpan-25-2004")

HITUNG = Lembar("Hitung", (
    Kolom("Indikator", "indikator", wajib=True, bantuan="kode indikator kinerja"),
    Kolom("Rumus realisasi", "realisasi", lebar=36,
          bantuan="atas nama masukan: angka, nama, + - * / dan kurung "
          "(diselesaikan / diterima * 100); kosong bila memakai Bawaan"),
    Kolom("Bawaan", "bawaan", "pilihan", BAWAAN, lebar=26,
          bantuan="indeks bawaan (IKM); setiap masukan adalah satu unsur"),
    Kolom("Rumus target", "target", lebar=36,
          bantuan="target dari nilai target masukan (kolom Target lembar Masukan Hitung); "
          "kosong: target diketik di lembar Indikator"),
    Kolom("Responden", "responden", "angka",
          bantuan="IKM: responden semua unsur (masukan = jumlah nilai tiap unsur); kosong: "
          "masukan adalah NRR, atau responden per unsur di lembar Masukan Hitung"),
), opsional=True)

MASUKAN_HITUNG = Lembar("Masukan Hitung", (
    Kolom("Indikator", "indikator", wajib=True,
          bantuan="kode indikator yang punya baris di lembar Hitung"),
    Kolom("Nama", "nama", wajib=True, lebar=18,
          bantuan="nama masukan dalam rumus: huruf kecil, angka dan _ (diselesaikan, u1)"),
    Kolom("Target", "target", "angka",
          bantuan="nilai target masukan, dibaca Rumus target; kosong: tidak ada"),
    Kolom("Realisasi", "realisasi", "angka",
          bantuan="nilai realisasi masukan (IKM: jumlah nilai unsur, atau NRR); kosong: "
          "belum ada data"),
    Kolom("Responden", "responden", "angka",
          bantuan="IKM: kuesioner yang menjawab unsur ini (bila berbeda antarunsur)"),
), opsional=True)

#: The sheets of this family, in workbook order.
LEMBAR_HITUNG = (HITUNG, MASUKAN_HITUNG)

#: This family's part of `tata.PETA_MODEL`.
PETA_HITUNG: dict[str, str] = {
    "sasaran.indikator.hitung.realisasi": "Hitung/Rumus realisasi",
    "sasaran.indikator.hitung.bawaan": "Hitung/Bawaan",
    "sasaran.indikator.hitung.target": "Hitung/Rumus target",
    "sasaran.indikator.hitung.responden": "Hitung/Responden",
    "sasaran.indikator.hitung.masukan": "Masukan Hitung/Realisasi",
    "sasaran.indikator.hitung.masukan.target": "Masukan Hitung/Target",
    "sasaran.indikator.hitung.masukan.realisasi": "Masukan Hitung/Realisasi",
}
