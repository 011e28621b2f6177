"""The workbook's revenue sheets: `Pendapatan` (one row per account) and `Tabel Pendapatan`.

Why apart from the core layout: revenue (issue 22, `model/pendapatan.py`) is a family of its
own, an account tree like the budget tree but with target and realisasi. An account names its
parent by kode (`Induk`; empty for a top account), money is typed on the accounts without a
row below them, and the table's own settings (caption, extra columns, source line, the rows a
printed Jumlah covers that the file does not list) are one row of `Tabel Pendapatan`. Both
sheets are optional: a workbook made before them imports as before.
"""

from __future__ import annotations

from lkjip_cli.buku.kolom import Kolom, Lembar

PENDAPATAN = Lembar("Pendapatan", (
    Kolom("Kode", "kode", wajib=True, lebar=18,
          bantuan="kode rekening pendapatan: 4.1.01, 4.1.01.06, 423111"),
    Kolom("Induk", "induk", lebar=18,
          bantuan="kode akun di atasnya (yang baris-nya lebih dulu); kosong: akun teratas"),
    Kolom("Uraian", "uraian", wajib=True, lebar=44),
    Kolom("Target", "target", "rupiah", lebar=18,
          bantuan="hanya di akun terbawah (tanpa akun di bawahnya): target pendapatan"),
    Kolom("Realisasi", "realisasi", "rupiah", lebar=18,
          bantuan="hanya di akun terbawah: realisasi pendapatan"),
    Kolom("Realisasi tahun lalu", "realisasi_sebelumnya", "rupiah", lebar=18,
          bantuan="hanya di akun terbawah: untuk kolom pertumbuhan"),
), opsional=True)

#: The optional columns of the revenue table (`model.pendapatan.KolomPendapatan`).
KOLOM_PENDAPATAN = ("porsi", "realisasi_sebelumnya", "pertumbuhan")

TABEL_PENDAPATAN = Lembar("Tabel Pendapatan", (
    Kolom("Judul", "judul", lebar=40, bantuan="kosong: Target dan Realisasi Pendapatan"),
    Kolom("Kolom tambahan", "kolom", "daftar", lebar=30,
          bantuan=f"{', '.join(KOLOM_PENDAPATAN)} (dipisah koma, berurutan); - untuk tidak "
          "ada; kosong: realisasi tahun lalu dan pertumbuhan bila ada"),
    Kolom("Sumber data", "sumber_data", lebar=40, bantuan="baris 'Sumber Data' tabel"),
    Kolom("Target baris lain", "baris_lain_target", "rupiah", lebar=18,
          bantuan="akun yang tercakup Jumlah yang dicetak tetapi tidak dirinci (tabel "
          "lanjutan)"),
    Kolom("Realisasi baris lain", "baris_lain_realisasi", "rupiah", lebar=18),
    Kolom("Realisasi tahun lalu baris lain", "baris_lain_realisasi_sebelumnya", "rupiah",
          lebar=18),
    Kolom("Keterangan baris lain", "baris_lain_keterangan", lebar=24,
          bantuan="di mana baris itu dicetak"),
), satu_baris=True, opsional=True)

#: The revenue part of `tata.PETA_MODEL`; a deeper account is a row naming its `Induk`.
PETA_PENDAPATAN: dict[str, str] = {
    "pendapatan.akun.kode": "Pendapatan/Kode",
    "pendapatan.akun.uraian": "Pendapatan/Uraian",
    "pendapatan.akun.target": "Pendapatan/Target",
    "pendapatan.akun.realisasi": "Pendapatan/Realisasi",
    "pendapatan.akun.realisasi_sebelumnya": "Pendapatan/Realisasi tahun lalu",
    "pendapatan.akun.rincian": "Pendapatan/Induk",
    "pendapatan.judul": "Tabel Pendapatan/Judul",
    "pendapatan.kolom": "Tabel Pendapatan/Kolom tambahan",
    "pendapatan.sumber_data": "Tabel Pendapatan/Sumber data",
    "pendapatan.baris_lain.target": "Tabel Pendapatan/Target baris lain",
    "pendapatan.baris_lain.realisasi": "Tabel Pendapatan/Realisasi baris lain",
    "pendapatan.baris_lain.realisasi_sebelumnya":
        "Tabel Pendapatan/Realisasi tahun lalu baris lain",
    "pendapatan.baris_lain.keterangan": "Tabel Pendapatan/Keterangan baris lain",
}

#: The revenue part of `tata.BAGIAN_DILAPORKAN`: an account by its kode; the Jumlah row is
#: the `pendapatan` row without a kode.
DILAPORKAN_PENDAPATAN: dict[str, str] = {
    "pendapatan.akun.dilaporkan": "pendapatan",
    "pendapatan.dilaporkan": "pendapatan",
}
