"""Every figure of the reference report (data/2020.yaml), worked by hand from its inputs.

The report is the LKjIP 2020 of BKD Prov. Kalimantan Timur
(../shared/seed/000_985d35e42a581f3d.txt). Each expected value is a literal with the
arithmetic next to it; where the report printed something else, the comment says so and the
test asserts the correct figure.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from lkjip_cli.engine import Hasil, hitung
from lkjip_cli.engine.hasil import (
    HasilBelanja,
    HasilIndikator,
    HasilIndikatorKegiatan,
    HasilProgram,
    HasilSasaran,
)
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.loader import load
from lkjip_cli.model.laporan import AturanRataRata, BatasAtas, Laporan

D = Decimal
DATA = Path(__file__).resolve().parent.parent / "data" / "2020.yaml"


def q(value: Decimal | None, places: int = 2) -> Decimal:
    """Round half-up to `places`, as the report's rule `pembulatan: half-up` says."""
    assert value is not None, "expected a computed figure"
    return value.quantize(D(1).scaleb(-places), ROUND_HALF_UP)


@pytest.fixture(scope="module")
def laporan() -> Laporan:
    result = load(DATA)
    assert result.report is not None, result.diagnostics
    return result.report


@pytest.fixture(scope="module")
def h() -> Hasil:
    result = load(DATA)
    assert result.report is not None, result.diagnostics
    return hitung(result.report)


def ind(h: Hasil, kode: str) -> HasilIndikator:
    return next(i for i in h.indikator if i.kode == kode)


def sas(h: Hasil, kode: str) -> HasilSasaran:
    return next(s for s in h.sasaran if s.kode == kode)


def prog(h: Hasil, kode: str) -> HasilProgram:
    return next(p for p in h.program if p.kode == kode)


def keg_ind(h: Hasil, kode: str) -> HasilIndikatorKegiatan:
    return next(i for k in h.kegiatan for i in k.indikator if i.kode == kode)


def belanja(h: Hasil, tahun: int) -> HasilBelanja:
    b = h.belanja_tahun(tahun)
    assert b is not None
    return b


def not_computable(n: Nilai) -> bool:
    return n.nilai is None and bool(n.alasan)


# ------------------------------------------------------------------ capaian of the IKUs


def test_iku1_capaian(h: Hasil) -> None:
    c = ind(h, "IKU1").capaian
    # 73 / 75 x 100 = 97,333...
    assert q(c.nilai) == D("97.33")
    assert q(c.nilai, 1) == D("97.3")   # as Tabel 3.5 and Bab IV print it


def test_iku1_first_quarter(h: Hasil) -> None:
    tw1 = ind(h, "IKU1").triwulan[0]
    assert tw1.nomor == 1
    # 70,42 / 72 x 100 = 97,805...
    assert q(tw1.capaian.nilai) == D("97.81")
    assert q(tw1.capaian.nilai, 1) == D("97.8")   # printed in Tabel 3.4
    assert tw1.capaian.masukan[0].sumber == ("sasaran", 0, "indikator", 0, "triwulan", 0,
                                             "target")


def test_iku1_quarters_two_and_three_are_zero(h: Hasil) -> None:
    # 0 / 73 x 100 = 0 and 0 / 74 x 100 = 0 (Tabel 3.4 prints 0)
    tws = ind(h, "IKU1").triwulan
    assert tws[1].capaian.nilai == 0
    assert tws[2].capaian.nilai == 0


def test_iku3_negative_capaian(h: Hasil) -> None:
    i = ind(h, "IKU3")
    assert i.polaritas == "negatif"
    # (2 x 20 - 6,23) / 20 x 100 = 33,77 / 20 x 100 = 168,85 exactly
    # (the report printed 168,5 everywhere: the engine must give the right figure)
    assert i.capaian.nilai == D("168.85")
    assert q(i.capaian.nilai) != D("168.50")


def test_iku4_capaian(h: Hasil) -> None:
    # 100 / 100 x 100 = 100, every quarter too
    i = ind(h, "IKU4")
    assert i.capaian.nilai == D(100)
    assert [tw.capaian.nilai for tw in i.triwulan] == [D(100)] * 4


def test_iku2_capaian_is_zero_and_excluded(h: Hasil) -> None:
    i = ind(h, "IKU2")
    # 0 / 50 x 100 = 0
    assert i.capaian.nilai == D(0)
    assert i.dikecualikan is not None and "e-kinerja" in i.dikecualikan
    # the averages name the excluded indicator and why
    for rata in (sas(h, "SS1").capaian, h.rata_rata_capaian):
        assert all(m.nama != "capaian IKU2" for m in rata.masukan)
        assert any(a.startswith("IKU2 dikecualikan:") for a in rata.aturan)


def test_iku2_quarters_with_target_zero_are_not_computable(h: Hasil) -> None:
    # Tabel 3.4 prints 0 for T = 0, R = 0; under the default rule that is not computable
    for tw in ind(h, "IKU2").triwulan:
        assert not_computable(tw.capaian)


def test_iku3_against_renstra_end_target(h: Hasil) -> None:
    i = ind(h, "IKU3")
    assert i.target_renstra_akhir == D(10)
    # (2 x 10 - 6,23) / 10 x 100 = 13,77 / 10 x 100 = 137,7 (Tabel 3.7)
    assert i.capaian_renstra_akhir.nilai == D("137.7")
    assert i.capaian_renstra_akhir.masukan[0].sumber == (
        "sasaran", 1, "indikator", 0, "target_renstra", "2023")


def test_iku1_against_renstra_end_target(h: Hasil) -> None:
    # 73 / 85 x 100 = 85,882... -> 85,88 (Tabel 3.7)
    assert q(ind(h, "IKU1").capaian_renstra_akhir.nilai) == D("85.88")


def test_iku1_against_renstra_target_of_the_year(h: Hasil) -> None:
    # Renstra 2020 target 75: 73 / 75 x 100 = 97,33
    assert q(ind(h, "IKU1").capaian_renstra_tahun.nilai) == D("97.33")


def test_iku2_against_renstra_end_target(h: Hasil) -> None:
    # 0 / 85 x 100 = 0 (Tabel 3.7)
    assert ind(h, "IKU2").capaian_renstra_akhir.nilai == D(0)


# ----------------------------------------------------------------- change from last year


def test_iku1_change_from_2019(h: Hasil) -> None:
    i = ind(h, "IKU1")
    assert i.tahun_lalu == 2019
    assert i.realisasi_tahun_lalu == D("84.19")
    # relative: (73 / 84,19 - 1) x 100 = (0,86708... - 1) x 100 = -13,291... -> -13,29
    assert q(i.perubahan_persen.nilai) == D("-13.29")
    # difference: 73 - 84,19 = -11,19 points (the report printed 13,11 under the relative
    # heading of Tabel 3.6: neither figure)
    assert i.perubahan_poin.nilai == D("-11.19")
    assert i.perubahan_poin.satuan == "poin"


def test_iku3_change_from_2019(h: Hasil) -> None:
    i = ind(h, "IKU3")
    # relative: (6,23 / 10 - 1) x 100 = (0,623 - 1) x 100 = -37,7
    assert i.perubahan_persen.nilai == D("-37.7")
    # difference: 6,23 - 10 = -3,77 (printed 3,77 as an increase)
    assert i.perubahan_poin.nilai == D("-3.77")


def test_iku2_change_from_zero(h: Hasil) -> None:
    i = ind(h, "IKU2")
    # relative change from 0 divides by zero: not computable; difference 0 - 0 = 0
    assert not_computable(i.perubahan_persen)
    assert i.perubahan_poin.nilai == D(0)


def test_iku4_change_is_zero(h: Hasil) -> None:
    # (100 / 100 - 1) x 100 = 0 and 100 - 100 = 0
    i = ind(h, "IKU4")
    assert i.perubahan_persen.nilai == D(0)
    assert i.perubahan_poin.nilai == D(0)


# ---------------------------------------------------------------- sasaran and the agency


def test_sasaran_capaian(h: Hasil) -> None:
    # SS1: IKU2 excluded, so the mean of IKU1 alone: 73 / 75 x 100 = 97,33
    assert q(sas(h, "SS1").capaian.nilai) == D("97.33")
    # SS2: IKU3 alone, 168,85; SS3: IKU4 alone, 100
    assert sas(h, "SS2").capaian.nilai == D("168.85")
    assert sas(h, "SS3").capaian.nilai == D(100)


def test_agency_average(h: Hasil) -> None:
    # (97,333... + 168,85 + 100) / 3 = 366,18333... / 3 = 122,06111... -> 122,06
    # (the report printed 121,93 = (97,3 + 168,5 + 100) / 3 from its own rounded, wrong figures)
    rata = h.rata_rata_capaian
    assert q(rata.nilai) == D("122.06")
    assert [m.nama for m in rata.masukan] == ["capaian IKU1", "capaian IKU3", "capaian IKU4"]


def test_agency_category(h: Hasil) -> None:
    # 122,06 >= 91: Sangat Tinggi, "Sangat Baik" as Bab IV words it
    assert h.kategori is not None
    assert h.kategori.kode == "Sangat Tinggi"
    assert h.kategori.sebutan == "Sangat Baik"


def test_sasaran_success(h: Hasil) -> None:
    # ambang_berhasil 100: SS1 has 97,33 (and 0) below it, "belum berhasil" (Bab III C.4)
    assert sas(h, "SS1").berhasil is False
    assert sas(h, "SS2").berhasil is True    # 168,85 >= 100
    assert sas(h, "SS3").berhasil is True    # 100 >= 100


def test_average_basis_sasaran_without_exclusion(laporan: Laporan) -> None:
    rep = laporan.model_copy(update={"aturan": laporan.aturan.model_copy(
        update={"rata_rata": AturanRataRata(dasar="sasaran")})})
    hs = hitung(rep)
    # SS1 = (97,333... + 0) / 2 = 48,666...
    assert q(sas(hs, "SS1").capaian.nilai) == D("48.67")
    # (48,666... + 168,85 + 100) / 3 = 317,51666... / 3 = 105,83888... -> 105,84
    assert q(hs.rata_rata_capaian.nilai) == D("105.84")


def test_average_basis_indikator_without_exclusion(laporan: Laporan) -> None:
    rep = laporan.model_copy(update={"aturan": laporan.aturan.model_copy(
        update={"rata_rata": AturanRataRata(dasar="indikator")})})
    # (97,333... + 0 + 168,85 + 100) / 4 = 366,18333... / 4 = 91,54583... -> 91,55
    assert q(hitung(rep).rata_rata_capaian.nilai) == D("91.55")


def test_cap_before_averaging(laporan: Laporan) -> None:
    rep = laporan.model_copy(update={"aturan": laporan.aturan.model_copy(
        update={"batas_atas": BatasAtas(nilai=D(120), berlaku=("rata-rata",))})})
    hs = hitung(rep)
    # IKU3 capped at 120: (97,333... + 120 + 100) / 3 = 317,333... / 3 = 105,777... -> 105,78
    assert q(hs.rata_rata_capaian.nilai) == D("105.78")
    # the indicator's own capaian is not changed by a cap on averages
    assert ind(hs, "IKU3").capaian.nilai == D("168.85")
    assert ind(hs, "IKU3").capaian_dibatasi.nilai == D("168.85")


def test_cap_on_display_only(laporan: Laporan) -> None:
    rep = laporan.model_copy(update={"aturan": laporan.aturan.model_copy(
        update={"batas_atas": BatasAtas(nilai=D(120), berlaku=("tampilan",))})})
    hs = hitung(rep)
    assert ind(hs, "IKU3").capaian_dibatasi.nilai == D(120)
    assert ind(hs, "IKU3").capaian.nilai == D("168.85")
    # the average is not capped: still 122,06
    assert q(hs.rata_rata_capaian.nilai) == D("122.06")


# ------------------------------------------------------------------------- belanja 2020


def test_belanja_langsung_2020(h: Hasil) -> None:
    b = belanja(h, 2020)
    # sum of the 19 kegiatan of Tabel 3.13
    assert b.pagu_langsung.nilai == D(23_265_036_415)
    assert b.realisasi_langsung.nilai == D(21_947_576_337)
    # 21.947.576.337 / 23.265.036.415 x 100 = 94,337... -> 94,34 (Tabel 2.5, Bab IV)
    assert q(b.penyerapan_langsung.nilai) == D("94.34")


def test_belanja_tidak_langsung_2020(h: Hasil) -> None:
    b = belanja(h, 2020)
    # 8.584.486.635 / 11.185.483.000 x 100 = 76,746... -> 76,75
    assert q(b.penyerapan_tidak_langsung.nilai) == D("76.75")


def test_belanja_total_2020(h: Hasil) -> None:
    b = belanja(h, 2020)
    # 23.265.036.415 + 11.185.483.000 = 34.450.519.415
    assert b.pagu_total.nilai == D(34_450_519_415)
    # 21.947.576.337 + 8.584.486.635 = 30.532.062.972
    assert b.realisasi_total.nilai == D(30_532_062_972)
    # 30.532.062.972 / 34.450.519.415 x 100 = 88,626... -> 88,63
    assert q(b.penyerapan_total.nilai) == D("88.63")
    # Tabel 3.11: 34.450.519.415 - 30.532.062.972 = 3.918.456.443
    assert b.efisiensi_nominal.nilai == D(3_918_456_443)


def test_program_and_kegiatan_counts_2020(h: Hasil) -> None:
    # Tabel 3.11: 8 programs, 1+2+3+2+3+4+2+2 = 19 kegiatan
    b = belanja(h, 2020)
    assert b.jumlah_program == 8
    assert b.jumlah_kegiatan == 19


def test_belanja_2018(h: Hasil) -> None:
    b = belanja(h, 2018)
    # 13.486.200.000 + 9.498.763.000 = 22.984.963.000
    assert b.pagu_total.nilai == D(22_984_963_000)
    # 22.984.963.000 - 21.616.842.407 = 1.368.120.593 (the report printed ...592)
    assert b.efisiensi_nominal.nilai == D(1_368_120_593)
    # 21.616.842.407 / 22.984.963.000 x 100 = 94,047... -> 94,05
    assert q(b.penyerapan_total.nilai) == D("94.05")
    assert (b.jumlah_program, b.jumlah_kegiatan) == (6, 22)


def test_belanja_2019(h: Hasil) -> None:
    b = belanja(h, 2019)
    # 26.035.000.000 + 9.881.135.262 = 35.916.135.262
    assert b.pagu_total.nilai == D(35_916_135_262)
    # 35.916.135.262 - 27.407.070.963,98 = 8.509.064.298,02
    assert b.efisiensi_nominal.nilai == D("8509064298.02")
    # 27.407.070.963,98 / 35.916.135.262 x 100 = 76,308... -> 76,31
    assert q(b.penyerapan_total.nilai) == D("76.31")
    assert (b.jumlah_program, b.jumlah_kegiatan) == (5, 24)


def test_belanja_years_in_order(h: Hasil) -> None:
    assert [b.tahun for b in h.belanja] == [2018, 2019, 2020]


# ----------------------------------------------------------------------------- programs

#: Tabel 3.13 program totals, each the sum of its kegiatan (P05 worked out below).
PROGRAM_PAGU = {
    "P01": D(2_120_554_565),
    "P02": D(1_516_538_224),   # 461.784.000 + 1.054.754.224
    "P03": D(1_099_544_940),   # 555.455.000 + 137.714.000 + 406.375.940
    "P04": D(402_448_410),     # 89.998.000 + 312.450.410
    "P05": D(1_582_395_750),   # 390.891.000 + 996.015.000 + 195.489.750 (printed 157.125.000)
    "P06": D(6_806_299_226),   # 454.376.226 + 4.457.048.000 + 546.195.000 + 1.348.680.000
    "P07": D(9_055_375_300),   # 395.307.100 + 8.660.068.200
    "P08": D(681_880_000),     # 299.000.000 + 382.880.000
}


@pytest.mark.parametrize(("kode", "pagu"), sorted(PROGRAM_PAGU.items()))
def test_program_pagu_is_sum_of_kegiatan(h: Hasil, kode: str, pagu: Decimal) -> None:
    assert prog(h, kode).anggaran.pagu.nilai == pagu


def test_program_totals_sum_to_belanja_langsung(h: Hasil) -> None:
    # 2.120.554.565 + 1.516.538.224 + 1.099.544.940 + 402.448.410 + 1.582.395.750
    # + 6.806.299.226 + 9.055.375.300 + 681.880.000 = 23.265.036.415
    assert sum(PROGRAM_PAGU.values()) == D(23_265_036_415)
    assert sum((p.anggaran.pagu.nilai or D(0)) for p in h.program) == D(23_265_036_415)


def test_program_p05(h: Hasil) -> None:
    a = prog(h, "P05").anggaran
    assert a.pagu.nilai == D(1_582_395_750)
    # 388.686.560 + 993.464.667 + 194.607.660 = 1.576.758.887
    assert a.realisasi.nilai == D(1_576_758_887)
    # 1.576.758.887 / 1.582.395.750 x 100 = 99,643... -> 99,64 (as printed)
    assert q(a.penyerapan.nilai) == D("99.64")
    assert a.kegiatan == ("P05.01", "P05.02", "P05.03")
    assert [m.sumber for m in a.pagu.masukan] == [
        ("program", 4, "kegiatan", j, "pagu") for j in range(3)]


@pytest.mark.parametrize(
    ("kode", "penyerapan"),
    [
        ("P01", "98.96"),   # 2.098.578.585 / 2.120.554.565
        ("P02", "99.90"),   # 1.515.041.631 / 1.516.538.224
        ("P03", "99.27"),   # 1.091.529.849 / 1.099.544.940
        ("P04", "99.85"),   # 401.841.350 / 402.448.410
        ("P06", "94.48"),   # 6.430.908.665 / 6.806.299.226
        ("P07", "90.08"),   # 8.156.754.270 / 9.055.375.300
        ("P08", "99.16"),   # 676.163.100 / 681.880.000
    ],
)
def test_program_penyerapan(h: Hasil, kode: str, penyerapan: str) -> None:
    assert q(prog(h, kode).anggaran.penyerapan.nilai) == D(penyerapan)


# ------------------------------------------------------ sasaran budgets (2.6, 3.10, 3.12)


def test_sasaran_1_budget(h: Hasil) -> None:
    s = sas(h, "SS1")
    # IKU1 kegiatan P06.01-04 (6.806.299.226) + IKU2 kegiatan P07.01-02 (9.055.375.300)
    # = 15.861.674.526 (Tabel 2.6)
    assert s.anggaran.pagu.nilai == D(15_861_674_526)
    # 6.430.908.665 + 8.156.754.270 = 14.587.662.935
    assert s.anggaran.realisasi.nilai == D(14_587_662_935)
    # 14.587.662.935 / 15.861.674.526 x 100 = 91,968... -> 91,97 (Tabel 3.10)
    assert q(s.anggaran.penyerapan.nilai) == D("91.97")
    # 15.861.674.526 / 23.265.036.415 x 100 = 68,178... -> 68,18 (Tabel 2.6)
    assert q(s.porsi_belanja_langsung.nilai) == D("68.18")
    # sisa-anggaran: 100 - 91,968... = 8,031... -> 8,03 (Tabel 3.10)
    assert q(s.efisiensi.nilai) == D("8.03")


def test_sasaran_2_budget(h: Hasil) -> None:
    s = sas(h, "SS2")
    assert s.anggaran.pagu.nilai == D(195_489_750)   # P05.03 Penempatan PNS
    # 194.607.660 / 195.489.750 x 100 = 99,548... -> 99,55
    assert q(s.anggaran.penyerapan.nilai) == D("99.55")
    # 100 - 99,548... = 0,451... -> 0,45
    assert q(s.efisiensi.nilai) == D("0.45")
    # 195.489.750 / 23.265.036.415 x 100 = 0,840... -> 0,84
    assert q(s.porsi_belanja_langsung.nilai) == D("0.84")


def test_sasaran_3_budget(h: Hasil) -> None:
    s = sas(h, "SS3")
    assert s.anggaran.pagu.nilai == D(681_880_000)   # P08.01 + P08.02
    # 676.163.100 / 681.880.000 x 100 = 99,161... -> 99,16
    assert q(s.anggaran.penyerapan.nilai) == D("99.16")
    # 100 - 99,161... = 0,838... -> 0,84
    assert q(s.efisiensi.nilai) == D("0.84")
    # 681.880.000 / 23.265.036.415 x 100 = 2,930... -> 2,93
    assert q(s.porsi_belanja_langsung.nilai) == D("2.93")


def test_tabel_3_12_iku1(h: Hasil) -> None:
    a = ind(h, "IKU1").anggaran
    assert a.pagu.nilai == D(6_806_299_226)
    assert a.realisasi.nilai == D(6_430_908_665)
    # 6.430.908.665 / 6.806.299.226 x 100 = 94,484... -> 94,48
    assert q(a.penyerapan.nilai) == D("94.48")


def test_tabel_3_12_iku2(h: Hasil) -> None:
    a = ind(h, "IKU2").anggaran
    # 395.307.100 + 8.660.068.200 = 9.055.375.300 (Tabel 3.12 left out Penegakan Kode Etik
    # and printed 8.660.068.200)
    assert a.pagu.nilai == D(9_055_375_300)
    # 391.510.500 + 7.765.243.770 = 8.156.754.270; / 9.055.375.300 x 100 = 90,076... -> 90,08
    assert a.realisasi.nilai == D(8_156_754_270)
    assert q(a.penyerapan.nilai) == D("90.08")


def test_tabel_3_12_jumlah(h: Hasil) -> None:
    pk = h.anggaran_perjanjian_kinerja
    # 6.806.299.226 + 9.055.375.300 + 195.489.750 + 681.880.000 = 16.739.044.276
    # (printed 16.343.737.176)
    assert pk.pagu.nilai == D(16_739_044_276)
    # 6.430.908.665 + 8.156.754.270 + 194.607.660 + 676.163.100 = 15.458.433.695
    assert pk.realisasi.nilai == D(15_458_433_695)
    # 15.458.433.695 / 16.739.044.276 x 100 = 92,349... -> 92,35 (printed 92,18)
    assert q(pk.penyerapan.nilai) == D("92.35")


def test_overall_efisiensi_bab_iv(h: Hasil) -> None:
    # selisih: 122,06111... - 94,33713... = 27,72398... -> 27,72 (the report printed
    # 121,93 - 94,34 = 27,59 from its wrong average)
    e = h.efisiensi
    assert q(e.nilai) == D("27.72")
    assert "metode efisiensi=selisih" in e.aturan
    assert e.satuan == "poin"


# ------------------------------------------------------------------ kegiatan indicators


@pytest.mark.parametrize(
    ("kode", "capaian"),
    [
        ("P06.01-1", "472.00"),   # 472 / 100 x 100 = 472
        ("P06.03-1", "34.15"),    # 111 / 325 x 100 = 34,153...
        ("P06.02-1", "124.00"),   # 248 / 200 x 100 = 124
        ("P06.04-1", "115.25"),   # 102 / 88,5 x 100 = 115,254... (printed 115)
        ("P07.01-1", "101.02"),   # 99 / 98 x 100 = 101,020... (printed 101)
        ("P07.02-1", "0.00"),     # 0 / 80 x 100 = 0
        ("P05.03-1", "40.00"),    # 8 / 20 x 100 = 40
        ("P05.03-2", "93.33"),    # 28 / 30 x 100 = 93,333... (printed 93)
        ("P08.01-1", "302.38"),   # 16631 / 5500 x 100 = 302,381... (printed 302)
        ("P08.02-1", "180.00"),   # 5400 / 3000 x 100 = 180
    ],
)
def test_kegiatan_indicator_capaian(h: Hasil, kode: str, capaian: str) -> None:
    assert q(keg_ind(h, kode).capaian.nilai) == D(capaian)


# ------------------------------------------------------------------------------- SAKIP


def test_sakip_2018(h: Hasil) -> None:
    ev = next(e for e in h.evaluasi if e.tahun == 2018)
    # 25,52 + 19,38 + 11,91 + 6,89 + 13,58 = 77,28; >70-80 is BB
    assert ev.total.nilai == D("77.28")
    assert ev.predikat is not None and ev.predikat.kode == "BB"


def test_sakip_2019(h: Hasil) -> None:
    ev = next(e for e in h.evaluasi if e.tahun == 2019)
    # 25,93 + 20,00 + 12,14 + 7,27 + 14,03 = 79,37 (the report printed 79,36); BB
    assert ev.total.nilai == D("79.37")
    assert ev.predikat is not None and ev.predikat.kode == "BB"
    assert [k.bobot for k in ev.komponen] == [D(30), D(25), D(15), D(10), D(20)]


# --------------------------------------------------------------------------- diagnostics


def test_only_warning_is_iku2_quarterly_target() -> None:
    # IKU2: annual target 50, last quarter's target 0 (rekap_triwulan: terakhir). IKU1's
    # TW IV realisasi 73 and target 75 equal the annual ones, as do IKU3's and IKU4's.
    diagnostics = load(DATA).diagnostics
    assert [(d.code, d.path) for d in diagnostics] == [
        ("rekap-triwulan", "sasaran[0].indikator[1].target")]
    d = diagnostics[0]
    assert d.severity == "warning"
    # The line of data/2020.yaml that reads `        target: 50`: the value at column 17.
    lines = (Path(__file__).resolve().parent.parent / "data" / "2020.yaml").read_text(
        encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("        target: 50"))
    assert (d.line, d.column) == (line, 17)
    assert "50" in d.message and "0" in d.message


def test_rekap_of_iku2(h: Hasil) -> None:
    i = ind(h, "IKU2")
    assert i.rekap_target.nilai == D(0)       # last quarter's target
    assert i.rekap_realisasi.nilai == D(0)


def test_rekap_of_iku1(h: Hasil) -> None:
    i = ind(h, "IKU1")
    assert i.rekap_realisasi.nilai == D(73)   # TW IV, the last known
    assert i.rekap_target.nilai == D(75)
