"""The workbook's `Narasi` sheet: the analyst's own text, one row per text, its `Kunci` naming it.

Why apart from the core layout: the narrative (issue 21) is the largest family of keys and has
nothing in common with the figures' sheets except the parts in `buku/kolom.py`; keeping its keys,
its sheet and its part of the model map together keeps `buku/tata.py` to the figures.
"""

from __future__ import annotations

from lkjip_cli.buku.kolom import Kolom, Lembar

#: `Narasi`: what each Kunci names. Report level: the cover, the Kata Pengantar and its
#: signatory (one key per line of the signature), the Ikhtisar, and the sections of Bab I,
#: Bab IV and the Lampiran. A sasaran or an indicator: the analyses of PermenPAN-RB 53/2014.
KUNCI_LAPORAN = ("sampul.judul", "sampul.logo", "kata_pengantar", "penandatangan.tempat_tanggal",
                 "penandatangan.jabatan", "penandatangan.nama", "penandatangan.pangkat",
                 "penandatangan.nip", "ikhtisar", "bab1", "bab4", "lampiran")
KUNCI_ANALISIS = ("standar_nasional", "penyebab", "solusi", "program", "lain")
#: Keys whose rows are sections under their own heading, in row order.
KUNCI_BERJUDUL = ("bab1", "bab4", "lampiran", "lain")
#: Keys that are a narrative (with a `Sumber`), not a single line such as a name.
KUNCI_TEKS = ("kata_pengantar", "ikhtisar", *KUNCI_BERJUDUL, *KUNCI_ANALISIS)

NARASI = Lembar("Narasi", (
    Kolom("Bagian", "bagian", "pilihan", ("laporan", "sasaran", "indikator"), wajib=True),
    Kolom("Kode", "kode", bantuan="kode sasaran atau indikator; kosong untuk laporan"),
    Kolom("Kunci", "kunci", "pilihan", KUNCI_LAPORAN + KUNCI_ANALISIS, wajib=True, lebar=26),
    Kolom("Judul", "judul", lebar=30,
          bantuan="untuk bab1, bab4, lampiran dan lain: judul bagian (satu baris per bagian)"),
    Kolom("Teks", "teks", wajib=True, lebar=80,
          bantuan="teks penyusun apa adanya (boleh Markdown); tidak pernah dibaca sebagai rumus"),
    Kolom("Sumber", "sumber", lebar=30, bantuan="asal kata-kata, bila disalin"),
), opsional=True)


#: The narrative's part of `tata.PETA_MODEL` (a file's text is written, not its name;
#: docs/excel.md).
PETA_NARASI: dict[str, str] = {
    "narasi.sampul.judul": "Narasi/Teks",
    "narasi.sampul.logo": "Narasi/Teks",
    "narasi.kata_pengantar": "Narasi/Teks",
    "narasi.kata_pengantar.teks": "Narasi/Teks",
    "narasi.kata_pengantar.berkas": "Narasi/Teks",
    "narasi.kata_pengantar.sumber": "Narasi/Sumber",
    "narasi.penandatangan.tempat_tanggal": "Narasi/Teks",
    "narasi.penandatangan.jabatan": "Narasi/Teks",
    "narasi.penandatangan.nama": "Narasi/Teks",
    "narasi.penandatangan.pangkat": "Narasi/Teks",
    "narasi.penandatangan.nip": "Narasi/Teks",
    "narasi.ikhtisar": "Narasi/Teks",
    "narasi.ikhtisar.teks": "Narasi/Teks",
    "narasi.ikhtisar.berkas": "Narasi/Teks",
    "narasi.ikhtisar.sumber": "Narasi/Sumber",
    "narasi.bab1.judul": "Narasi/Judul",
    "narasi.bab1.isi": "Narasi/Teks",
    "narasi.bab1.isi.teks": "Narasi/Teks",
    "narasi.bab1.isi.berkas": "Narasi/Teks",
    "narasi.bab1.isi.sumber": "Narasi/Sumber",
    "narasi.bab4.judul": "Narasi/Judul",
    "narasi.bab4.isi": "Narasi/Teks",
    "narasi.bab4.isi.teks": "Narasi/Teks",
    "narasi.bab4.isi.berkas": "Narasi/Teks",
    "narasi.bab4.isi.sumber": "Narasi/Sumber",
    "narasi.lampiran.judul": "Narasi/Judul",
    "narasi.lampiran.isi": "Narasi/Teks",
    "narasi.lampiran.isi.teks": "Narasi/Teks",
    "narasi.lampiran.isi.berkas": "Narasi/Teks",
    "narasi.lampiran.isi.sumber": "Narasi/Sumber",
    "narasi.sasaran.standar_nasional": "Narasi/Teks",
    "narasi.sasaran.standar_nasional.teks": "Narasi/Teks",
    "narasi.sasaran.standar_nasional.berkas": "Narasi/Teks",
    "narasi.sasaran.standar_nasional.sumber": "Narasi/Sumber",
    "narasi.sasaran.penyebab": "Narasi/Teks",
    "narasi.sasaran.penyebab.teks": "Narasi/Teks",
    "narasi.sasaran.penyebab.berkas": "Narasi/Teks",
    "narasi.sasaran.penyebab.sumber": "Narasi/Sumber",
    "narasi.sasaran.solusi": "Narasi/Teks",
    "narasi.sasaran.solusi.teks": "Narasi/Teks",
    "narasi.sasaran.solusi.berkas": "Narasi/Teks",
    "narasi.sasaran.solusi.sumber": "Narasi/Sumber",
    "narasi.sasaran.program": "Narasi/Teks",
    "narasi.sasaran.program.teks": "Narasi/Teks",
    "narasi.sasaran.program.berkas": "Narasi/Teks",
    "narasi.sasaran.program.sumber": "Narasi/Sumber",
    "narasi.sasaran.lain.judul": "Narasi/Judul",
    "narasi.sasaran.lain.isi": "Narasi/Teks",
    "narasi.sasaran.lain.isi.teks": "Narasi/Teks",
    "narasi.sasaran.lain.isi.berkas": "Narasi/Teks",
    "narasi.sasaran.lain.isi.sumber": "Narasi/Sumber",
    "narasi.indikator.standar_nasional": "Narasi/Teks",
    "narasi.indikator.standar_nasional.teks": "Narasi/Teks",
    "narasi.indikator.standar_nasional.berkas": "Narasi/Teks",
    "narasi.indikator.standar_nasional.sumber": "Narasi/Sumber",
    "narasi.indikator.penyebab": "Narasi/Teks",
    "narasi.indikator.penyebab.teks": "Narasi/Teks",
    "narasi.indikator.penyebab.berkas": "Narasi/Teks",
    "narasi.indikator.penyebab.sumber": "Narasi/Sumber",
    "narasi.indikator.solusi": "Narasi/Teks",
    "narasi.indikator.solusi.teks": "Narasi/Teks",
    "narasi.indikator.solusi.berkas": "Narasi/Teks",
    "narasi.indikator.solusi.sumber": "Narasi/Sumber",
    "narasi.indikator.program": "Narasi/Teks",
    "narasi.indikator.program.teks": "Narasi/Teks",
    "narasi.indikator.program.berkas": "Narasi/Teks",
    "narasi.indikator.program.sumber": "Narasi/Sumber",
    "narasi.indikator.lain.judul": "Narasi/Judul",
    "narasi.indikator.lain.isi": "Narasi/Teks",
    "narasi.indikator.lain.isi.teks": "Narasi/Teks",
    "narasi.indikator.lain.isi.berkas": "Narasi/Teks",
    "narasi.indikator.lain.isi.sumber": "Narasi/Sumber",
}
