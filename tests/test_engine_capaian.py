"""Capaian, efisiensi, scales and averages: the worked examples of rules.md, by hand.

Every expected figure below is a literal worked by hand from a rule (the arithmetic is in the
comment next to it) or printed in a published report that rules.md cites; none is read back
from the engine.
"""

from __future__ import annotations

import textwrap
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest

from lkjip_cli.engine import hitung
from lkjip_cli.engine.anggaran import anggaran_total
from lkjip_cli.engine.capaian import hitung_capaian
from lkjip_cli.engine.efisiensi import efisiensi
from lkjip_cli.engine.hasil import Anggaran, Hasil
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.engine.skala import (
    ENAM_TINGKAT,
    PERMENDAGRI_86_2017,
    PERMENPAN_RB_12_2015,
    klasifikasi,
)
from lkjip_cli.loader import load_text
from lkjip_cli.model.laporan import Rentang

D = Decimal


def q2(value: Decimal | None) -> Decimal:
    """Round half-up to the 2 places a report prints."""
    assert value is not None, "expected a computed figure"
    return value.quantize(D("0.01"), ROUND_HALF_UP)


def assert_not_computable(nilai: Nilai) -> None:
    assert nilai.nilai is None
    assert not nilai.ada
    assert nilai.alasan, "a figure that cannot be computed must say why"


def hasil_dari(text: str) -> Hasil:
    result = load_text(textwrap.dedent(text))
    assert result.report is not None, result.diagnostics
    return hitung(result.report)


# ------------------------------------------------------------------- positive indicator


def test_positive_73_of_75_is_97_33() -> None:
    # 73 / 75 x 100 = 97,333... -> 97,33 (1 place: 97,3 as Tabel 3.5 prints it)
    c = hitung_capaian(D(75), D(73))
    assert q2(c.nilai) == D("97.33")
    assert c.nilai is not None and c.nilai.quantize(D("0.1"), ROUND_HALF_UP) == D("97.3")
    assert c.alasan is None


def test_positive_over_target() -> None:
    # 248 / 200 x 100 = 124 exactly
    assert hitung_capaian(D(200), D(248)).nilai == D(124)


# --------------------------------------------------------------------- negative indicator


def test_negative_selisih_formula() -> None:
    # (2 x 7 - 6,5) / 7 x 100 = 7,5 / 7 x 100 = 107,142... -> 107,14
    c = hitung_capaian(D(7), D("6.5"), polaritas="negatif", rumus_negatif="(2T-R)/T")
    assert q2(c.nilai) == D("107.14")
    assert "(2T - R) / T" in c.rumus


def test_negative_selisih_is_the_default_formula() -> None:
    # same numbers as above, without naming the formula: PermenPAN-RB 6/2022 is the default
    assert q2(hitung_capaian(D(7), D("6.5"), polaritas="negatif").nilai) == D("107.14")


def test_negative_inverse_formula() -> None:
    # 7 / 6,5 x 100 = 107,692... -> 107,69 (a different number from 107,14)
    c = hitung_capaian(D(7), D("6.5"), polaritas="negatif", rumus_negatif="T/R")
    assert q2(c.nilai) == D("107.69")
    assert "T / R" in c.rumus


def test_negative_goes_below_zero_when_r_exceeds_2t() -> None:
    # (2 x 10 - 25) / 10 x 100 = -5 / 10 x 100 = -50 exactly
    c = hitung_capaian(D(10), D(25), polaritas="negatif")
    assert c.nilai == D(-50)


def test_negative_at_target_is_100_and_at_2t_is_0() -> None:
    # (2 x 20 - 20) / 20 x 100 = 100; (2 x 20 - 40) / 20 x 100 = 0
    assert hitung_capaian(D(20), D(20), polaritas="negatif").nilai == D(100)
    assert hitung_capaian(D(20), D(40), polaritas="negatif").nilai == D(0)


def test_negative_reference_report_iku3() -> None:
    # Tabel 3.5 IKU3: (2 x 20 - 6,23) / 20 x 100 = 33,77 / 20 x 100 = 168,85
    c = hitung_capaian(D(20), D("6.23"), polaritas="negatif")
    assert c.nilai == D("168.85")


def test_inverse_with_zero_realisasi_is_not_computable() -> None:
    c = hitung_capaian(D(7), D(0), polaritas="negatif", rumus_negatif="T/R")
    assert_not_computable(c)


def test_selisih_with_zero_realisasi_is_computable() -> None:
    # (2 x 7 - 0) / 7 x 100 = 200
    assert hitung_capaian(D(7), D(0), polaritas="negatif").nilai == D(200)


# -------------------------------------------------------------------------- range target


def test_positive_range_below_uses_lower_bound() -> None:
    # 80-90 %, R = 70: 70 / 80 x 100 = 87,5
    c = hitung_capaian(Rentang(min=D(80), maks=D(90)), D(70))
    assert c.nilai == D("87.5")


def test_positive_range_above_uses_upper_bound() -> None:
    # 80-90 %, R = 92: 92 / 90 x 100 = 102,222... -> 102,22 (the regulation prints 113: erratum)
    c = hitung_capaian(Rentang(min=D(80), maks=D(90)), D(92))
    assert q2(c.nilai) == D("102.22")


@pytest.mark.parametrize("realisasi", ["80", "85", "90"])
def test_positive_range_inside_is_100(realisasi: str) -> None:
    c = hitung_capaian(Rentang(min=D(80), maks=D(90)), D(realisasi))
    assert c.nilai == D(100)
    assert c.alasan is None
    assert "di dalam rentang" in c.rumus   # the range rule, not R / T with a bound


def test_negative_range_below_uses_lower_bound() -> None:
    # 7-8 bulan, R = 6,5: (2 x 7 - 6,5) / 7 x 100 = 107,142... -> 107,14
    c = hitung_capaian(Rentang(min=D(7), maks=D(8)), D("6.5"), polaritas="negatif")
    assert q2(c.nilai) == D("107.14")


def test_negative_range_above_uses_upper_bound() -> None:
    # 7-8 bulan, R = 9: (2 x 8 - 9) / 8 x 100 = 7 / 8 x 100 = 87,5
    c = hitung_capaian(Rentang(min=D(7), maks=D(8)), D(9), polaritas="negatif")
    assert c.nilai == D("87.5")


@pytest.mark.parametrize("realisasi", ["7", "7.5", "8"])
def test_negative_range_inside_is_100(realisasi: str) -> None:
    c = hitung_capaian(Rentang(min=D(7), maks=D(8)), D(realisasi), polaritas="negatif")
    assert c.nilai == D(100)
    assert "di dalam rentang" in c.rumus


def test_negative_range_with_inverse_formula() -> None:
    # R = 6,5 below 7-8: 7 / 6,5 x 100 = 107,69; R = 9 above: 8 / 9 x 100 = 88,888... -> 88,89
    rentang = Rentang(min=D(7), maks=D(8))
    below = hitung_capaian(rentang, D("6.5"), polaritas="negatif", rumus_negatif="T/R")
    above = hitung_capaian(rentang, D(9), polaritas="negatif", rumus_negatif="T/R")
    assert q2(below.nilai) == D("107.69")
    assert q2(above.nilai) == D("88.89")


# ---------------------------------------------------------------- target 0, missing data


@pytest.mark.parametrize("polaritas", ["positif", "negatif"])
def test_target_zero_is_not_computable(polaritas: str) -> None:
    assert_not_computable(hitung_capaian(D(0), D(5), polaritas=polaritas))  # type: ignore[arg-type]
    assert_not_computable(hitung_capaian(D(0), D(0), polaritas=polaritas))  # type: ignore[arg-type]


def test_target_zero_rule_counts_zero_realisasi_as_100() -> None:
    c = hitung_capaian(D(0), D(0), polaritas="negatif", target_nol="100-jika-realisasi-0")
    assert c.nilai == D(100)
    assert any("100-jika-realisasi-0" in a for a in c.aturan)


def test_target_zero_rule_does_not_cover_nonzero_realisasi() -> None:
    c = hitung_capaian(D(0), D(3), polaritas="negatif", target_nol="100-jika-realisasi-0")
    assert_not_computable(c)


@pytest.mark.parametrize("polaritas", ["positif", "negatif"])
def test_missing_realisasi_is_not_computable(polaritas: str) -> None:
    c = hitung_capaian(D(75), None, polaritas=polaritas)  # type: ignore[arg-type]
    assert_not_computable(c)


def test_missing_target_is_not_computable() -> None:
    assert_not_computable(hitung_capaian(None, D(73)))


def test_missing_realisasi_in_a_report_is_not_computable() -> None:
    h = hasil_dari(
        """\
        instansi: {nama: Dinas Contoh}
        tahun: 2020
        renstra: {mulai: 2019, selesai: 2023}
        sasaran:
          - kode: SS1
            nama: Sasaran satu
            indikator:
              - {kode: IKU1, nama: Indikator satu, satuan: "%", target: 80, realisasi: null}
        """
    )
    ind = h.indikator[0]
    assert_not_computable(ind.capaian)
    # the sasaran's and agency's averages cannot be computed either, and say why
    assert_not_computable(h.sasaran[0].capaian)
    assert_not_computable(h.rata_rata_capaian)


# ------------------------------------------------------------------------------ efisiensi


def anggaran_dengan_penyerapan(penyerapan: str | None) -> Anggaran:
    """An Anggaran that carries only a penyerapan (the other figures are not used)."""
    kosong = Nilai(None, "tidak dipakai", alasan="tidak dipakai dalam uji", satuan="Rp")
    pen = (Nilai(D(penyerapan), "penyerapan (isian uji)") if penyerapan is not None
           else Nilai(None, "penyerapan", alasan="tidak ada"))
    return Anggaran(pagu=kosong, realisasi=kosong, penyerapan=pen, sisa=kosong, kegiatan=())


@pytest.mark.parametrize(
    ("capaian", "penyerapan", "expected"),
    [
        ("106.52", "97.80", "108.92"),   # 106,52 / 97,80 x 100 = 108,916... (BPKP 2021 Tabel 3.23)
        ("119.98", "103.39", "116.05"),  # 119,98 / 103,39 x 100 = 116,046...
    ],
)
def test_efisiensi_rasio_bpkp(capaian: str, penyerapan: str, expected: str) -> None:
    e = efisiensi("rasio", Nilai(D(capaian), "capaian"), anggaran_dengan_penyerapan(penyerapan))
    assert q2(e.nilai) == D(expected)
    assert "metode efisiensi=rasio" in e.aturan


def test_efisiensi_selisih_bab_iv() -> None:
    # Bab IV of the reference report: 121,93 - 94,34 = 27,59 percentage points
    e = efisiensi("selisih", Nilai(D("121.93"), "capaian"), anggaran_dengan_penyerapan("94.34"))
    assert e.nilai == D("27.59")
    assert e.satuan == "poin"
    assert "capaian kinerja - penyerapan anggaran" in e.rumus


def test_efisiensi_sisa_anggaran_tabel_3_10() -> None:
    # Tabel 3.10 Sasaran I: 100 - 91,97 = 8,03
    e = efisiensi("sisa-anggaran", Nilai(D(100), "capaian"), anggaran_dengan_penyerapan("91.97"))
    assert e.nilai == D("8.03")


def test_efisiensi_nominal_is_pagu_minus_realisasi() -> None:
    # Tabel 3.11 2020: 34.450.519.415 - 30.532.062.972 = 3.918.456.443 rupiah
    ang = anggaran_total(Nilai(D(34_450_519_415), "pagu", satuan="Rp"),
                         Nilai(D(30_532_062_972), "realisasi", satuan="Rp"))
    e = efisiensi("nominal", Nilai(D(100), "capaian"), ang)
    assert e.nilai == D(3_918_456_443)
    # and its penyerapan: 30.532.062.972 / 34.450.519.415 x 100 = 88,626... -> 88,63
    assert q2(ang.penyerapan.nilai) == D("88.63")


def test_efisiensi_rasio_with_zero_penyerapan_is_not_computable() -> None:
    e = efisiensi("rasio", Nilai(D(100), "capaian"), anggaran_dengan_penyerapan("0"))
    assert_not_computable(e)


@pytest.mark.parametrize("metode", ["selisih", "rasio", "sisa-anggaran"])
def test_efisiensi_without_penyerapan_is_not_computable(metode: str) -> None:
    e = efisiensi(metode, Nilai(D(100), "capaian"), anggaran_dengan_penyerapan(None))
    assert_not_computable(e)


@pytest.mark.parametrize("metode", ["selisih", "rasio"])
def test_efisiensi_without_capaian_is_not_computable(metode: str) -> None:
    capaian = Nilai(None, "capaian", alasan="tidak ada")
    assert_not_computable(efisiensi(metode, capaian, anggaran_dengan_penyerapan("94.34")))


# --------------------------------------------------------------------------------- scales


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        ("100", "AA"),
        ("90.01", "AA"),
        ("90.00", "A"),     # lower bound exclusive: 90,00 belongs to >80-90
        ("80.01", "A"),
        ("80", "BB"),
        ("79.37", "BB"),
        ("77.28", "BB"),
        ("60.36", "B"),     # Maluku Utara
        ("60", "CC"),
        ("50", "C"),
        ("42.64", "C"),     # Maluku Utara
        ("30.01", "C"),
        ("30", "D"),
        ("0", "D"),
    ],
)
def test_permenpan_rb_12_2015_predicates(nilai: str, kode: str) -> None:
    pita = klasifikasi(D(nilai), PERMENPAN_RB_12_2015)
    assert pita is not None and pita.kode == kode


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        ("120", "Sangat Tinggi"),
        ("91", "Sangat Tinggi"),
        ("90.99", "Tinggi"),
        ("90.5", "Tinggi"),      # in the gap of the integer bands: [76, 91) is Tinggi
        ("76", "Tinggi"),
        ("75.99", "Sedang"),
        ("66", "Sedang"),
        ("65.5", "Rendah"),
        ("51", "Rendah"),
        ("50.5", "Sangat Rendah"),
        ("50", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
        ("-50", "Sangat Rendah"),
    ],
)
def test_permendagri_86_2017_bands(nilai: str, kode: str) -> None:
    pita = klasifikasi(D(nilai), PERMENDAGRI_86_2017)
    assert pita is not None and pita.kode == kode


def test_permendagri_sebutan() -> None:
    pita = klasifikasi(D("122.06"), PERMENDAGRI_86_2017)
    assert pita is not None and pita.sebutan == "Sangat Baik"


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [("85.01", "Memuaskan"), ("85", "Sangat Baik"), ("75", "Baik"), ("65", "Cukup Baik"),
     ("50", "Agak Kurang"), ("30", "Kurang"), ("0", "Kurang")],
)
def test_six_band_scale(nilai: str, kode: str) -> None:
    pita = klasifikasi(D(nilai), ENAM_TINGKAT)
    assert pita is not None and pita.kode == kode


def test_no_value_has_no_band() -> None:
    assert klasifikasi(None, PERMENPAN_RB_12_2015) is None


# ------------------------------------------------------------------------------- average

YOGYAKARTA = """\
    instansi: {nama: BKD Kota Yogyakarta}
    tahun: 2015
    renstra: {mulai: 2012, selesai: 2016}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - {kode: IKU1, nama: Indikator satu, satuan: "%", target: 100, realisasi: 98.06}
          - {kode: IKU2, nama: Indikator dua, satuan: "%", target: 100, realisasi: 94.79}
    """


def test_average_96_425_rounds_half_up_to_96_43() -> None:
    # BKD Kota Yogyakarta 2015: (98,06 + 94,79) / 2 = 192,85 / 2 = 96,425, printed 96,43
    h = hasil_dari(YOGYAKARTA)
    capaian = [i.capaian.nilai for i in h.indikator]
    assert capaian == [D("98.06"), D("94.79")]      # 98,06 / 100 x 100 and 94,79 / 100 x 100
    rata = h.rata_rata_capaian.nilai
    assert rata == D("96.425")                       # exact, not yet rounded
    assert q2(rata) == D("96.43")
    # the half-even rounding a careless renderer might use would print 96,42 instead
    assert rata is not None and rata.quantize(D("0.01"), ROUND_HALF_EVEN) == D("96.42")
    assert h.sasaran[0].capaian.nilai == D("96.425")


# ----------------------------------------------------------------------------- provenance


def test_capaian_names_formula_inputs_and_paths() -> None:
    h = hasil_dari(
        """\
        instansi: {nama: Dinas Contoh}
        tahun: 2020
        renstra: {mulai: 2019, selesai: 2023}
        sasaran:
          - kode: SS1
            nama: Sasaran satu
            indikator:
              - {kode: IKU1, nama: Indikator satu, satuan: "%", target: 75, realisasi: 73}
        """
    )
    c = h.indikator[0].capaian
    assert "R / T" in c.rumus
    by_name = {m.nama: m for m in c.masukan}
    assert by_name["target"].nilai == D(75)
    assert by_name["target"].sumber == ("sasaran", 0, "indikator", 0, "target")
    assert by_name["realisasi"].nilai == D(73)
    assert by_name["realisasi"].sumber == ("sasaran", 0, "indikator", 0, "realisasi")
    assert c.uraian.format(*c.uraian_angka) == "73 / 75 x 100"
    assert "polaritas=positif" in c.aturan


def test_negative_capaian_uraian_puts_the_numbers_in() -> None:
    c = hitung_capaian(D(20), D("6.23"), polaritas="negatif",
                       sumber_target=("x", "target"), sumber_realisasi=("x", "realisasi"))
    assert c.uraian.format(*c.uraian_angka) == "(2 x 20 - 6.23) / 20 x 100"
    assert [m.sumber for m in c.masukan] == [("x", "target"), ("x", "realisasi")]
    assert "polaritas=negatif" in c.aturan
    assert "rumus_negatif=(2T-R)/T" in c.aturan


def test_range_capaian_names_both_bounds() -> None:
    c = hitung_capaian(Rentang(min=D(80), maks=D(90)), D(85), sumber_target=("t",))
    names = [m.nama for m in c.masukan]
    assert names == ["target minimum", "target maksimum", "realisasi"]
    assert [m.nilai for m in c.masukan] == [D(80), D(90), D(85)]
    assert c.uraian.format(*c.uraian_angka) == "80 <= 85 <= 90"


def test_average_names_its_inputs() -> None:
    h = hasil_dari(YOGYAKARTA)
    rata = h.rata_rata_capaian
    assert [m.nama for m in rata.masukan] == ["capaian IKU1", "capaian IKU2"]
    assert [m.sumber for m in rata.masukan] == [("sasaran", 0, "indikator", 0),
                                                ("sasaran", 0, "indikator", 1)]
    # the numbers are exact Decimals (98,06 may carry trailing zeros: formatting is the
    # renderer's job), so compare them as numbers
    assert rata.uraian == "({0} + {1}) / 2"
    assert rata.uraian_angka == (D("98.06"), D("94.79"))


SASARAN_DIKECUALIKAN = """\
    instansi: {nama: Dinas Contoh}
    tahun: 2020
    renstra: {mulai: 2019, selesai: 2023}
    aturan:
      rata_rata:
        dasar: DASAR
        dikecualikan:
          - {indikator: IKU2, alasan: realisasi belum dapat diukur}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - {kode: IKU1, nama: Indikator satu, satuan: "%", target: 80, realisasi: 72}
      - kode: SS2
        nama: Sasaran dua
        indikator:
          - {kode: IKU2, nama: Indikator dua, satuan: "%", target: 80, realisasi: null}
    """


def test_exclusion_on_indicator_basis() -> None:
    # IKU2 left out: the mean of IKU1 alone, 72 / 80 x 100 = 90
    h = hasil_dari(SASARAN_DIKECUALIKAN.replace("DASAR", "indikator"))
    assert h.rata_rata_capaian.nilai == D(90)


def test_exclusion_of_a_whole_sasaran_on_sasaran_basis() -> None:
    # SS2's only indicator is excluded, so SS2 has no capaian to average: the agency mean
    # is SS1 alone, 72 / 80 x 100 = 90, the same figure as on the indicator basis.
    h = hasil_dari(SASARAN_DIKECUALIKAN.replace("DASAR", "sasaran"))
    assert h.sasaran[1].capaian.nilai is None      # all its indicators excluded
    assert h.rata_rata_capaian.nilai == D(90)
