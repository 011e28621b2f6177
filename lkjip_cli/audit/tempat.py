"""Where a finding stands and what its column is called, in the words a report prints.

A printed figure's place is kept as lkjip's table number (`"3.5"`) or a part of the report
(`ikhtisar`, `bab4/...`), but a reader looks for `Tabel III.2` or `Ikhtisar Eksekutif`, under a
column heading such as `Capaian (%)`. This module names both, and gives the reading order the
findings are sorted in, so that the comparison and the sorting speak of places one way.
"""

from __future__ import annotations

from lkjip_cli.model.penomoran import Penomoran, urutan_label

#: Where each place of the report stands, to sort findings as the report reads.
URUTAN_TEMPAT = ("ikhtisar", "bab2", "2.", "bab3", "3.", "bab4")

NAMA_KOLOM = {
    "masukan": "Masukan rumus", "masukan_target": "Masukan rumus target",
    "nrr": "NRR per unsur", "nrr_tertimbang": "NRR tertimbang",
    "nilai_indeks": "Nilai indeks (1-4)", "mutu": "Mutu pelayanan",
    "kinerja": "Kinerja unit pelayanan",
    "target": "Target", "realisasi": "Realisasi", "capaian": "Capaian (%)",
    "kategori": "Kategori", "realisasi_tahun_lalu": "Realisasi tahun lalu",
    "perubahan_persen": "% Peningkatan/Penurunan", "perubahan_poin": "Selisih (poin)",
    "target_renstra_akhir": "Target akhir Renstra", "capaian_renstra_akhir": "Capaian Renstra (%)",
    "capaian_renstra_tahun": "Capaian target Renstra tahun ini (%)",
    "capaian_standar_nasional": "Capaian terhadap standar nasional (%)",
    "pagu": "Alokasi (Rp)", "realisasi_anggaran": "Realisasi anggaran (Rp)",
    "penyerapan": "Penyerapan (%)", "porsi_belanja_langsung": "% dari Belanja Langsung",
    "efisiensi": "Efisiensi", "pagu_langsung": "Pagu Belanja Langsung (Rp)",
    "realisasi_langsung": "Realisasi Belanja Langsung (Rp)",
    "penyerapan_langsung": "Penyerapan Belanja Langsung (%)",
    "pagu_tidak_langsung": "Pagu Belanja Tidak Langsung (Rp)",
    "realisasi_tidak_langsung": "Realisasi Belanja Tidak Langsung (Rp)",
    "penyerapan_tidak_langsung": "Penyerapan Belanja Tidak Langsung (%)",
    "pagu_total": "Total APBD (Rp)", "realisasi_total": "Realisasi total (Rp)",
    "penyerapan_total": "Penyerapan total (%)", "efisiensi_nominal": "Nilai efisiensi (Rp)",
    "jumlah_program": "Jumlah program", "jumlah_kegiatan": "Jumlah kegiatan",
    "rata_rata_capaian": "Rata-rata capaian (%)",
    "rata_rata_capaian_tahun_lalu": "Rata-rata capaian tahun lalu (%)",
    "perubahan_rata_rata_capaian_poin": "Perubahan rata-rata capaian (poin)",
    "pagu_perjanjian_kinerja": "Jumlah alokasi (Rp)",
    "realisasi_perjanjian_kinerja": "Jumlah realisasi (Rp)",
    "penyerapan_perjanjian_kinerja": "Jumlah penyerapan (%)",
    "nilai": "Nilai hasil evaluasi", "predikat": "Predikat", "status": "Berhasil/belum",
    "perbandingan_persen": "% Realisasi terhadap tahun lalu",
    "rpd": "RPD (Rp)", "penyerapan_rpd": "% terhadap RPD", "persen_rpd": "RPD terhadap pagu (%)",
    "porsi": "% dari total pagu",
    "pagu_murni": "Pagu murni (Rp)", "perubahan_pagu": "Perubahan pagu (Rp)",
    "target_tahun_lalu": "Target tahun lalu", "capaian_tahun_lalu": "Capaian tahun lalu (%)",
    "perubahan_capaian_poin": "Perubahan capaian (poin)",
    "perubahan_capaian_persen": "Perubahan capaian (%)",
    # The Evaluasi Hasil Renja (form E.81), by the 17-column form's numbers.
    "pagu_renstra_akhir": "(5) Pagu Renstra (Rp)",
    "realisasi_renstra_lalu": "(6) Realisasi Renstra s.d. tahun lalu",
    **{f"realisasi_tw{n}": f"({7 + n}) Realisasi triwulan {r} (Rp)"
       for n, r in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))},
    "realisasi_renstra_kumulatif": "(14) Realisasi Renstra s.d. tahun ini",
    "capaian_renstra_kumulatif": "(15) Tingkat capaian Renstra (%)",
    "rata_rata_capaian_kinerja": "Rata-rata capaian kinerja Renja (%)",
    "rata_rata_capaian_anggaran": "Rata-rata capaian anggaran Renja (%)",
    "rata_rata_capaian_renstra_kinerja": "Rata-rata capaian kinerja Renstra (%)",
    "rata_rata_capaian_renstra_anggaran": "Rata-rata capaian anggaran Renstra (%)",
    "predikat_kinerja": "Predikat kinerja", "predikat_anggaran": "Predikat anggaran",
}


def nama_tempat(lokasi: str, penomoran: Penomoran | None = None) -> str:
    """`"3.5"` -> `Tabel 3.5` (or the label the report prints for it); `ikhtisar` ->
    `Ikhtisar Eksekutif`; `bab4/x` -> `Bab IV (x)`."""
    base, _, suffix = lokasi.partition("/")
    names = {"ikhtisar": "Ikhtisar Eksekutif", "bab1": "Bab I", "bab2": "Bab II",
             "bab3": "Bab III", "bab4": "Bab IV"}
    text = names.get(base) or (penomoran or Penomoran()).nama_tabel(base)
    return f"{text} ({suffix})" if suffix else text


def urutan_tempat(tabel: str) -> tuple[int, tuple[int, ...], str]:
    """Findings in reading order: the printed label's numbers, Roman or Arabic."""
    order = {"Ikhtisar Eksekutif": 0, "Bab II": 1, "Bab III": 3, "Bab IV": 5}
    base = tabel.split(" (")[0]
    if base.startswith("Tabel "):
        numbers = urutan_label(base[6:])
        rank = 2 if numbers[:1] == (2,) and len(numbers) > 1 else 4
        return (rank, numbers, tabel)
    return (order.get(base, 6), (), tabel)
