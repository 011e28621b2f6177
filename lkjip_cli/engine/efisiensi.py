"""Efficiency by the report's named method, and each input's use for output over input.

A report names its method for each place (`aturan.efisiensi`: per sasaran, for the year's
spending, for the whole report) because published LKjIPs use several (rules.md section 3):
`selisih`, `sisa-anggaran`, `rasio`, `nominal`, and `output-input`, the BPKP way, where each
input of a sasaran (`masukan`: money, people, time) has its own capaian and the sasaran's
efficiency is the mean of capaian keluaran / capaian masukan over them; issue 22 added the
index without x100 (IE, with TE = IE - 1, BPOM), the difference from the parts' mean
absorption, and the Ministry of Finance's nilai efisiensi (PMK 22/2021). `METODE_EFISIENSI`
is the registry (source, formula, Excel form of each, by name) and `RUMUS_EFISIENSI` the
formula by name; audit, tables and templates read them through the engine's face.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.hasil import Anggaran, HasilMasukan
from lkjip_cli.engine.metode import Metode, daftar
from lkjip_cli.engine.nilai import HUNDRED, Masukan, Nilai, dari, persentase, presisi, tidak_dapat
from lkjip_cli.engine.rata_rata import mean
from lkjip_cli.model.masukan import MasukanSasaran

_LKJIP_KALTIM = "LKjIP BKD Provinsi Kalimantan Timur 2020"
_PMK_22 = ("Peraturan Menteri Keuangan Nomor 22/PMK.02/2021 tentang Pengukuran dan Evaluasi "
           "Kinerja Anggaran atas Pelaksanaan Rencana Kerja dan Anggaran Kementerian Negara/"
           "Lembaga")

#: Every efficiency method a report can name (`aturan.efisiensi`), with its source.
METODE_EFISIENSI = daftar(
    Metode("selisih", "selisih", f"{_LKJIP_KALTIM}, Bab IV",
           "efisiensi = capaian kinerja - penyerapan anggaran", "=CAPAIAN-PENYERAPAN"),
    Metode("sisa-anggaran", "sisa anggaran", f"{_LKJIP_KALTIM}, Tabel 3.10",
           "efisiensi = 100 - penyerapan anggaran", "=100-PENYERAPAN"),
    Metode("rasio", "rasio", "LKj BPKP 2021, Tabel 3.23",
           "efisiensi = capaian kinerja / penyerapan anggaran x 100",
           "=CAPAIAN/PENYERAPAN*100"),
    Metode("nominal", "nominal", f"{_LKJIP_KALTIM}, Tabel 3.11",
           "efisiensi = pagu - realisasi", "=PAGU-REALISASI"),
    Metode("output-input", "output-input (BPKP)",
           "Pedoman Evaluasi Kinerja Badan Pengawasan Keuangan dan Pembangunan (2021)",
           "efisiensi = rata-rata per masukan dari capaian keluaran / capaian masukan x 100",
           "=AVERAGE(CAPAIAN/CAPAIAN_MASUKAN*100)"),
    Metode("indeks-efisiensi", "indeks efisiensi (IE)",
           "LKj Pusat Riset dan Kajian Obat dan Makanan (BPOM) 2021, Tabel 28 'Analisis "
           "Tingkat Efisiensi Kegiatan'",
           "IE = capaian kinerja / penyerapan anggaran (tanpa x 100); tingkat efisiensi "
           "TE = IE - 1; efisien bila IE > 1", "=CAPAIAN/PENYERAPAN"),
    Metode("selisih-rata-rata-serapan", "selisih terhadap rata-rata penyerapan",
           "issue 22 (laporan instansi yang disimpan terpisah); belum ada salinan publik",
           "efisiensi = capaian kinerja - rata-rata penyerapan anggaran bagiannya",
           "=CAPAIAN-AVERAGE(PENYERAPAN_BAGIAN)", pasti=False),
    Metode("nilai-efisiensi-pmk-22-2021", "nilai efisiensi (PMK 22/2021)", _PMK_22,
           "E = (jumlah (pagu x capaian) - jumlah realisasi) / jumlah (pagu x capaian) x 100; "
           "nilai efisiensi = 50 + E / 20 x 50",
           "=50+((SUMPRODUCT(PAGU,CAPAIAN)-SUM(REALISASI))/SUMPRODUCT(PAGU,CAPAIAN)*100)/20*50",
           pasti=False),
)
RUMUS_EFISIENSI = {kode: m.rumus for kode, m in METODE_EFISIENSI.items()}
#: Methods whose figure carries a derived one (`Nilai.turunan`): TE = IE - 1, and E.
TURUNAN_EFISIENSI = ("indeks-efisiensi", "nilai-efisiensi-pmk-22-2021")
#: A part of what an efficiency is taken over: a sasaran's indicators, the report's sasaran.
Bagian = tuple[str, Nilai, Anggaran]
RUMUS_EFISIENSI_MASUKAN = "efisiensi masukan = capaian keluaran / capaian masukan x 100"
RUMUS_CAPAIAN_MASUKAN = "capaian masukan = realisasi masukan / rencana masukan x 100"


@presisi
def efisiensi(metode: str, capaian: Nilai, anggaran: Anggaran,
              bagian: Sequence[Bagian] = (), batas_e: Decimal | None = None) -> Nilai:
    """Efficiency by the report's named method (rules.md section 3); `bagian` are the
    parts for the methods taken over parts (mean absorption, PMK 22/2021)."""
    rumus = RUMUS_EFISIENSI[metode]
    aturan = (f"metode efisiensi={metode}",)
    if metode == "selisih-rata-rata-serapan":
        return _selisih_rata_serapan(rumus, capaian, bagian, aturan)
    if metode == "nilai-efisiensi-pmk-22-2021":
        return nilai_efisiensi_pmk(rumus, bagian, batas_e, aturan)
    if metode == "nominal":
        return anggaran.sisa.with_aturan(*aturan)
    penyerapan = anggaran.penyerapan.nilai
    inputs: tuple[Masukan, ...] = (dari("capaian kinerja", capaian),
                                   dari("penyerapan anggaran", anggaran.penyerapan))
    if metode == "sisa-anggaran":
        inputs = inputs[1:]
        if penyerapan is None:
            return tidak_dapat(rumus, "penyerapan tidak dapat dihitung", inputs, aturan=aturan)
        return Nilai(HUNDRED - penyerapan, rumus, inputs, aturan, satuan="poin").with_uraian(
            "100 - {0}", penyerapan)
    if capaian.nilai is None or penyerapan is None:
        return tidak_dapat(rumus, "capaian atau penyerapan tidak dapat dihitung", inputs,
                           aturan=aturan)
    if metode == "selisih":
        return Nilai(capaian.nilai - penyerapan, rumus, inputs, aturan,
                     satuan="poin").with_uraian("{0} - {1}", capaian.nilai, penyerapan)
    if penyerapan == 0:
        return tidak_dapat(rumus, "penyerapan 0", inputs, aturan=aturan)
    if metode == "indeks-efisiensi":
        ie = capaian.nilai / penyerapan
        te = Nilai(ie - 1, "TE = IE - 1", (Masukan("IE", ie),), aturan,
                   satuan="indeks").with_uraian("{0} - 1", ie)
        return Nilai(ie, rumus, inputs, aturan, satuan="indeks",
                     turunan=(te,)).with_uraian("{0} / {1}", capaian.nilai, penyerapan)
    return Nilai(capaian.nilai / penyerapan * HUNDRED, rumus, inputs, aturan).with_uraian(
        "{0} / {1} x 100", capaian.nilai, penyerapan)


def _selisih_rata_serapan(rumus: str, capaian: Nilai, bagian: Sequence[Bagian],
                          aturan: tuple[str, ...]) -> Nilai:
    """Capaian minus the plain mean of the parts' absorption (not the pooled absorption)."""
    inputs = (dari("capaian kinerja", capaian),
              *(dari(f"penyerapan {nama}", a.penyerapan) for nama, _, a in bagian))
    values = [m.nilai for m in inputs]
    if len(inputs) < 2 or any(v is None for v in values):
        return tidak_dapat(rumus, "capaian atau penyerapan bagian tidak lengkap", inputs,
                           satuan="poin", aturan=aturan)
    known = [v for v in values if v is not None]
    serapan = sum(known[1:], Decimal(0)) / len(known[1:])
    uraian = "{0} - (" + " + ".join(f"{{{i}}}" for i in range(1, len(known))) + \
        f") / {len(known) - 1}"
    return Nilai(known[0] - serapan, rumus, inputs, aturan, satuan="poin").with_uraian(
        uraian, *known)


@presisi
def nilai_efisiensi_pmk(rumus: str, bagian: Sequence[Bagian], batas_e: Decimal | None,
                        aturan: tuple[str, ...] = ()) -> Nilai:
    """PMK 22/2021: E over the parts' pagu, capaian (as a ratio) and realisasi, then the
    nilai efisiensi 50 + E/20 x 50, with E held to [-batas_e, batas_e] when given."""
    inputs = tuple(m for nama, cap, a in bagian
                   for m in (dari(f"pagu {nama}", a.pagu), dari(f"capaian {nama}", cap),
                             dari(f"realisasi {nama}", a.realisasi)))
    if batas_e is not None:
        aturan = (*aturan, f"E dibatasi -{batas_e} sampai {batas_e} (batas_e)")
    if not bagian or any(m.nilai is None for m in inputs):
        return tidak_dapat(rumus, "pagu, capaian atau realisasi bagian tidak lengkap",
                           inputs, satuan="", aturan=aturan)
    values = [m.nilai for m in inputs if m.nilai is not None]
    seharusnya = sum((values[i] * values[i + 1] / HUNDRED for i in range(0, len(values), 3)),
                     Decimal(0))
    realisasi = sum((values[i + 2] for i in range(0, len(values), 3)), Decimal(0))
    if seharusnya == 0:
        return tidak_dapat(rumus, "jumlah pagu x capaian 0", inputs, satuan="", aturan=aturan)
    e = (seharusnya - realisasi) / seharusnya * HUNDRED
    nilai_e = Nilai(e, "E = (jumlah (pagu x capaian) - jumlah realisasi) / jumlah (pagu x "
                    "capaian) x 100", inputs, aturan).with_uraian(
        "({0} - {1}) / {0} x 100", seharusnya, realisasi)
    e_dipakai = e if batas_e is None else max(-batas_e, min(batas_e, e))
    ne = Decimal(50) + e_dipakai / 20 * Decimal(50)
    return Nilai(ne, rumus, (Masukan("E", e_dipakai),), aturan, satuan="",
                 turunan=(nilai_e,)).with_uraian("50 + {0} / 20 x 50", e_dipakai)


@presisi
def hitung_masukan(m: MasukanSasaran, path: Path, keluaran: Nilai,
                   anggaran: Anggaran) -> HasilMasukan:
    """One input's use (money: the sasaran's penyerapan) and the output's efficiency over it."""
    if m.anggaran:
        capaian = anggaran.penyerapan
    else:
        capaian = persentase(RUMUS_CAPAIAN_MASUKAN,
                             Masukan(f"realisasi {m.nama}", m.realisasi, (*path, "realisasi")),
                             Masukan(f"rencana {m.nama}", m.target, (*path, "target")))
    eff = persentase(RUMUS_EFISIENSI_MASUKAN, dari("capaian keluaran", keluaran),
                     dari(f"capaian masukan {m.nama}", capaian))
    return HasilMasukan(m.nama, m.satuan, capaian, eff.with_aturan(
        "metode efisiensi=output-input"), path)


@presisi
def efisiensi_output_input(masukan: Sequence[HasilMasukan]) -> Nilai:
    """A sasaran's efficiency over all its inputs: the mean of each input's (BPKP)."""
    rumus = RUMUS_EFISIENSI["output-input"]
    aturan = ("metode efisiensi=output-input",)
    inputs = tuple(dari(f"efisiensi {m.nama}", m.efisiensi) for m in masukan)
    if not inputs:
        return tidak_dapat(rumus, "sasaran tidak mempunyai masukan", aturan=aturan)
    if any(i.nilai is None for i in inputs):
        return tidak_dapat(rumus, "efisiensi masukan tidak lengkap", inputs, aturan=aturan)
    return mean(rumus, inputs, aturan)
