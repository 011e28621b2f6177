"""`lkjip check`'s rules, one small inline report each: the three classes of a printed figure,
every likely-cause pattern, and the consistency checks that need no printed figure.

Every expected value is worked by hand in the comment next to it.
"""

from __future__ import annotations

import textwrap
from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import MINIMAL, PROGRAM

from lkjip_cli.audit import Audit, Temuan, Tingkat, audit
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load_text

D = Decimal
COCOK, PEMBULATAN, SELISIH = Tingkat.COCOK, Tingkat.PEMBULATAN, Tingkat.SELISIH

HEAD = textwrap.dedent(
    """\
    instansi:
      nama: Dinas Contoh
    tahun: 2020
    renstra: {mulai: 2019, selesai: 2023}
    """
)


def laporan(indikator: str, rest: str = "", satuan: str = '"%"') -> str:
    """A report with sasaran SS1 and its one indicator IKU1; `indikator` holds IKU1's other
    keys (target, realisasi, dilaporkan, ...) and `rest` further top-level keys."""
    return (
        HEAD
        + textwrap.dedent(
            f"""\
            sasaran:
              - kode: SS1
                nama: Sasaran satu
                indikator:
                  - kode: IKU1
                    nama: Indikator satu
                    satuan: {satuan}
            """
        )
        + textwrap.indent(textwrap.dedent(indikator), " " * 8)
        + textwrap.dedent(rest)
    )


def periksa(text: str) -> Audit:
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return audit(hitung(loaded.report))


def satu(a: Audit, tabel: str, kolom: str, lokasi: str = "IKU1",
         jenis: str = "dicetak") -> Temuan:
    found = [t for t in a.temuan
             if (t.tabel, t.lokasi, t.kolom, t.jenis) == (tabel, lokasi, kolom, jenis)]
    assert len(found) == 1, [(t.tabel, t.lokasi, t.kolom, t.jenis) for t in a.temuan]
    return found[0]


def half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# ------------------------------------------------------------------------ cocok


def test_cocok_at_the_printed_places() -> None:
    # 73 / 75 x 100 = 97,333..: 97,3 at one place, 97,33 at two, 97 at none
    a = periksa(laporan("""\
        target: 75
        realisasi: 73
        dilaporkan:
          capaian: {"3.5": "97,3", "3.12": "97,33", bab4: 97}
        """))
    exact = D(73) / D(75) * 100
    for tabel, dicetak in (("Tabel 3.5", D("97.3")), ("Tabel 3.12", D("97.33")),
                           ("Bab IV", D(97))):
        t = satu(a, tabel, "Capaian (%)")
        assert (t.dicetak, t.tingkat, t.selisih, t.keterangan) == (dicetak, COCOK, D(0), "")
        assert isinstance(t.dihitung, Decimal) and abs(t.dihitung - exact) < D("1e-25")
    assert a.ringkasan.diperiksa == a.ringkasan.cocok == 3
    assert a.ringkasan.pembulatan == a.ringkasan.selisih == a.ringkasan.konsistensi == 0


def test_cocok_follows_the_reports_rounding_mode() -> None:
    # 4,69 / 200 x 100 = 2,345 exactly: half-even gives 2,34, half-up 2,35
    indikator = """\
        target: 200
        realisasi: 4.69
        dilaporkan: {capaian: {"3.5": "2,34"}}
        """
    even = periksa(laporan(indikator, "aturan: {pembulatan: half-even}\n", satuan="PNS"))
    assert satu(even, "Tabel 3.5", "Capaian (%)").tingkat is COCOK
    up = satu(periksa(laporan(indikator, satuan="PNS")), "Tabel 3.5", "Capaian (%)")
    assert (up.tingkat, up.selisih) == (PEMBULATAN, D("-0.01"))
    assert "dipotong" in up.keterangan  # 2,345 truncated is 2,34


def test_input_figures_printed_as_given_are_cocok() -> None:
    a = periksa(laporan("""\
        target: 75
        realisasi: 73
        dilaporkan: {target: {"3.5": 75}, realisasi: {"3.5": 73}}
        """))
    assert satu(a, "Tabel 3.5", "Target").tingkat is COCOK
    assert satu(a, "Tabel 3.5", "Realisasi").tingkat is COCOK


# ------------------------------------------------------------------- pembulatan


def test_pembulatan_by_truncation() -> None:
    # 2 / 3 x 100 = 66,666..: rounded 66,67; 66,66 is it truncated
    t = satu(periksa(laporan("""\
        target: 3
        realisasi: 2
        dilaporkan: {capaian: {"3.5": "66,66"}}
        """)), "Tabel 3.5", "Capaian (%)")
    assert (t.tingkat, t.selisih) == (PEMBULATAN, D("-0.01"))
    assert isinstance(t.dihitung, Decimal) and half_up(t.dihitung, 4) == D("66.6667")
    assert "dipotong" in t.keterangan


def test_one_unit_up_that_no_rounding_gives_is_selisih() -> None:
    # 66,68 is one unit above 66,67 in the last place, but no rounding of 66,666.. to two
    # places gives it (half-up 66,67, down 66,66, up 66,67): not pembulatan (issue 9, point 2)
    t = satu(periksa(laporan("""\
        target: 3
        realisasi: 2
        dilaporkan: {capaian: {"3.5": "66,68"}}
        """)), "Tabel 3.5", "Capaian (%)")
    assert (t.tingkat, t.selisih) == (SELISIH, D("0.01"))
    assert "dipotong" not in t.keterangan


def test_pembulatan_by_another_rounding_says_which() -> None:
    # 1 / 3 x 100 = 33,333..: half-up 33,33; rounded up (away from zero) 33,34
    t = satu(periksa(laporan("""\
        target: 3
        realisasi: 1
        dilaporkan: {capaian: {"3.5": "33,34"}}
        """)), "Tabel 3.5", "Capaian (%)")
    assert (t.tingkat, t.selisih) == (PEMBULATAN, D("0.01"))
    assert "dibulatkan menjauhi nol" in t.keterangan


def test_whole_number_change_printed_one_off_is_selisih() -> None:
    # realisasi 1 this year and 1 last year: selisih 1 - 1 = 0 poin; a printed "+1" was not
    # rounded from anything (issue 9, point 2)
    t = satu(periksa(laporan("""\
        target: 80
        realisasi: 1
        realisasi_sebelumnya: {2019: 1}
        dilaporkan: {perubahan_poin: {"3.6": 1}}
        """)), "Tabel 3.6", "Selisih (poin)")
    assert (t.tingkat, t.selisih) == (SELISIH, D(1))
    assert "beda satu satuan" not in t.keterangan


# ---------------------------------------------------------------------- selisih


def test_selisih_when_nothing_reproduces_the_figure() -> None:
    # 73 / 75 = 97,3 at one place; 90,1 is 7,2 off; neither the negative formula
    # ((2x75 - 73)/75 = 102,7) nor a digit slip of 97,3 gives 90,1
    t = satu(periksa(laporan("""\
        target: 75
        realisasi: 73
        dilaporkan: {capaian: {"3.5": "90,1"}}
        """)), "Tabel 3.5", "Capaian (%)")
    assert (t.tingkat, t.selisih) == (SELISIH, D("-7.2"))
    assert t.keterangan.startswith("tidak ada pola")


def test_selisih_when_printed_where_nothing_can_be_computed() -> None:
    # target 0: capaian R / T cannot be computed (aturan target_nol: tidak-dapat-dihitung)
    t = satu(periksa(laporan("""\
        target: 0
        realisasi: 0
        dilaporkan: {capaian: {"3.4": 0}}
        """)), "Tabel 3.4", "Capaian (%)")
    assert (t.dicetak, t.dihitung, t.selisih, t.tingkat) == (D(0), None, None, SELISIH)
    assert "tidak dapat dihitung" in t.keterangan


def test_selisih_when_realisasi_is_missing() -> None:
    t = satu(periksa(laporan("""\
        target: 80
        realisasi: null
        dilaporkan: {capaian: {"3.5": 100}}
        """)), "Tabel 3.5", "Capaian (%)")
    assert (t.dihitung, t.tingkat) == (None, SELISIH)
    assert "tidak dapat dihitung" in t.keterangan


# ------------------------------------------------------------ text predicates

SAKIP = textwrap.dedent(
    """\
    evaluasi_sakip:
      komponen:
        - {kode: perencanaan, nama: Perencanaan Kinerja, bobot: 30}
        - {kode: pengukuran, nama: Pengukuran Kinerja, bobot: 25}
        - {kode: pelaporan, nama: Pelaporan Kinerja, bobot: 15}
        - {kode: evaluasi, nama: Evaluasi Kinerja, bobot: 10}
        - {kode: capaian, nama: Capaian Kinerja, bobot: 20}
      hasil:
        - tahun: 2019
          nilai: {perencanaan: 25.93, pengukuran: 20.00, pelaporan: 12.14, evaluasi: 7.27,
                  capaian: 14.03}
          dilaporkan: {nilai: {"3.2": "79,37"}, predikat: {"3.2": BB, bab3: A}}
    """
)


def test_text_predicate_cocok_and_selisih() -> None:
    # 25,93 + 20,00 + 12,14 + 7,27 + 14,03 = 79,37; PermenPAN-RB 12/2015: 70 < 79,37 <= 80 is BB
    a = periksa(laporan("target: 75\nrealisasi: 73\n", SAKIP))
    lokasi = "Evaluasi SAKIP 2019"
    nilai = satu(a, "Tabel 3.2", "Nilai hasil evaluasi", lokasi)
    assert (nilai.dihitung, nilai.tingkat) == (D("79.37"), COCOK)
    bb = satu(a, "Tabel 3.2", "Predikat", lokasi)
    assert (bb.dicetak, bb.dihitung, bb.selisih, bb.tingkat) == ("BB", "BB", None, COCOK)
    a_ = satu(a, "Bab III", "Predikat", lokasi)
    assert (a_.dicetak, a_.dihitung, a_.selisih, a_.tingkat) == ("A", "BB", None, SELISIH)
    assert "BB di Tabel 3.2" in a_.keterangan


def test_text_category_of_an_indicator() -> None:
    # 73 / 75 = 97,33 >= 91: Permendagri 86/2017 "Sangat Tinggi", printed as "Sangat Baik"
    a = periksa(laporan("""\
        target: 75
        realisasi: 73
        dilaporkan: {kategori: {"3.5": Sangat Baik, bab3: Cukup}}
        """))
    assert satu(a, "Tabel 3.5", "Kategori").tingkat is COCOK
    cukup = satu(a, "Bab III", "Kategori")
    assert (cukup.dihitung, cukup.tingkat) == ("Sangat Baik", SELISIH)


# --------------------------------------------------------------- likely causes


def test_cause_the_other_negative_formula() -> None:
    # negatif, T = 7, R = 6,5: (2T - R)/T = 7,5 / 7 = 107,142..; T/R = 7 / 6,5 = 107,692..
    a = periksa(laporan("""\
        polaritas: negatif
        target: 7
        realisasi: 6.5
        dilaporkan: {capaian: {"3.5": "107,69", "3.12": "107,14"}}
        """))
    wrong = satu(a, "Tabel 3.5", "Capaian (%)")
    assert (wrong.tingkat, wrong.selisih) == (SELISIH, D("0.55"))
    assert "rumus negatif T/R" in wrong.keterangan
    assert satu(a, "Tabel 3.12", "Capaian (%)").tingkat is COCOK


def test_cause_the_other_negative_formula_the_other_way_round() -> None:
    a = periksa(laporan("""\
        polaritas: negatif
        target: 7
        realisasi: 6.5
        dilaporkan: {capaian: {"3.5": "107,14", "3.12": "107,69"}}
        """, "aturan: {rumus_negatif: T/R}\n"))
    assert "rumus negatif (2T-R)/T" in satu(a, "Tabel 3.5", "Capaian (%)").keterangan
    assert satu(a, "Tabel 3.12", "Capaian (%)").tingkat is COCOK


def test_cause_a_difference_printed_under_a_ratio_heading() -> None:
    # R = 80, R 2019 = 75: ratio (80 / 75 - 1) x 100 = 6,67; difference 80 - 75 = 5
    a = periksa(laporan("""\
        target: 80
        realisasi: 80
        realisasi_sebelumnya: {2019: 75}
        dilaporkan:
          perubahan_persen: {"3.6": "5,00", bab3: "6,67"}
          perubahan_poin: {"3.6": "6,67", bab3: 5}
        """))
    ratio = satu(a, "Tabel 3.6", "% Peningkatan/Penurunan")
    assert (ratio.tingkat, ratio.selisih) == (SELISIH, D("-1.67"))
    assert "selisih poin dicetak di bawah judul rasio" in ratio.keterangan
    poin = satu(a, "Tabel 3.6", "Selisih (poin)")
    assert (poin.dihitung, poin.tingkat) == (D(5), SELISIH)
    assert "rasio (R/R lalu - 1) x 100 dicetak di bawah judul selisih" in poin.keterangan
    assert satu(a, "Bab III", "% Peningkatan/Penurunan").tingkat is COCOK
    assert satu(a, "Bab III", "Selisih (poin)").tingkat is COCOK


def test_cause_a_fall_printed_without_its_sign() -> None:
    # R = 6, R 2019 = 10: ratio (6 / 10 - 1) x 100 = -40; difference -4, printed 4
    t = satu(periksa(laporan("""\
        target: 10
        realisasi: 6
        realisasi_sebelumnya: {2019: 10}
        dilaporkan: {perubahan_persen: {"3.6": 4}}
        """)), "Tabel 3.6", "% Peningkatan/Penurunan")
    assert (t.dihitung, t.tingkat) == (D(-40), SELISIH)
    assert "tanpa tanda" in t.keterangan


BELANJA_2020 = textwrap.dedent(
    """\
    program:
      - kode: P01
        nama: Program satu
        kegiatan:
          - kode: P01.01
            nama: Kegiatan satu
            pagu: 2.345.678
            realisasi: 1.987.654
            mendukung: [IKU1]
    belanja:
      - tahun: 2020
        tidak_langsung: {pagu: 1.234.567, realisasi: 1.111.111}
        dilaporkan:
          pagu_langsung: {"2.5": 2.345.678, "3.13": 3.580.245}
          realisasi_langsung: {"3.13": 3.098.765}
    """
)


def test_cause_bl_plus_btl_printed_as_belanja_langsung() -> None:
    # BL = the one kegiatan: 2.345.678 pagu, 1.987.654 realisasi;
    # BL + BTL = 2.345.678 + 1.234.567 = 3.580.245 and 1.987.654 + 1.111.111 = 3.098.765
    a = periksa(laporan("target: 75\nrealisasi: 73\n", BELANJA_2020))
    assert satu(a, "Tabel 2.5", "Pagu Belanja Langsung (Rp)", "Belanja 2020").tingkat is COCOK
    pagu = satu(a, "Tabel 3.13", "Pagu Belanja Langsung (Rp)", "Belanja 2020")
    assert (pagu.dihitung, pagu.selisih, pagu.tingkat) == (D(2345678), D(1234567), SELISIH)
    assert "BL + BTL (pagu)" in pagu.keterangan
    real = satu(a, "Tabel 3.13", "Realisasi Belanja Langsung (Rp)", "Belanja 2020")
    assert (real.dihitung, real.tingkat) == (D(1987654), SELISIH)
    assert "BL + BTL (realisasi)" in real.keterangan


TAHUN_LALU = textwrap.dedent(
    """\
    belanja:
      - tahun: 2018
        langsung: {pagu: 10.000.000}
        tidak_langsung: {pagu: 5.000.000}
        realisasi: 12.345.678
        dilaporkan:
          pagu_total: {"3.11": 15.000.000}
          efisiensi_nominal: {"3.11": 2.654.321}
    """
)


def test_cause_a_sum_one_rupiah_off() -> None:
    # 10.000.000 + 5.000.000 = 15.000.000; 15.000.000 - 12.345.678 = 2.654.322
    a = periksa(laporan("target: 75\nrealisasi: 73\n", TAHUN_LALU))
    assert satu(a, "Tabel 3.11", "Total APBD (Rp)", "Belanja 2018").tingkat is COCOK
    t = satu(a, "Tabel 3.11", "Nilai efisiensi (Rp)", "Belanja 2018")
    assert (t.dihitung, t.selisih, t.tingkat) == (D(2654322), D(-1), PEMBULATAN)
    assert "Rp1" in t.keterangan


def test_cause_a_sum_one_sen_off_names_one_sen() -> None:
    # 26.035.000.000 + 9.881.135.262 - 27.407.070.963,98 = 8.509.064.298,02; printed ,01
    a = periksa(laporan("target: 75\nrealisasi: 73\n", textwrap.dedent(
        """\
        belanja:
          - tahun: 2019
            langsung: {pagu: 26.035.000.000}
            tidak_langsung: {pagu: 9.881.135.262}
            realisasi: 27.407.070.963,98
            dilaporkan:
              efisiensi_nominal: {"3.11": "8.509.064.298,01"}
        """)))
    t = satu(a, "Tabel 3.11", "Nilai efisiensi (Rp)", "Belanja 2019")
    assert (t.selisih, t.tingkat) == (D("-0.01"), PEMBULATAN)
    assert "Rp0,01" in t.keterangan


def test_cause_last_years_value() -> None:
    a = periksa(laporan("""\
        target: 80
        realisasi: 80
        realisasi_sebelumnya: {2019: 75}
        dilaporkan: {realisasi: {"3.12": 75}}
        """))
    t = satu(a, "Tabel 3.12", "Realisasi")
    assert (t.dihitung, t.selisih, t.tingkat) == (D(80), D(-5), SELISIH)
    assert "realisasi tahun 2019" in t.keterangan


def test_cause_transposed_digits() -> None:
    # 91,97 / 100 x 100 = 91,97, printed 91,79; no other alternative gives 91,79
    # ((2x100 - 91,97)/100 = 108,03 for the opposite polarity)
    t = satu(periksa(laporan("""\
        target: 100
        realisasi: 91.97
        dilaporkan: {capaian: {"3.5": "91,79"}}
        """)), "Tabel 3.5", "Capaian (%)")
    assert (t.selisih, t.tingkat) == (D("-0.18"), SELISIH)
    assert t.keterangan == "kemungkinan: dua angka bertukar tempat"


def test_cause_one_digit_mistyped() -> None:
    # 91,97 printed 91,57: one digit wrong, not in the last place
    t = satu(periksa(laporan("""\
        target: 100
        realisasi: 91.97
        dilaporkan: {capaian: {"3.5": "91,57"}}
        """)), "Tabel 3.5", "Capaian (%)")
    assert t.tingkat is SELISIH
    assert "satu angka salah ketik" in t.keterangan


def test_cause_a_dropped_digit_in_the_decimals() -> None:
    # negatif: (2x20 - 6,23)/20 x 100 = 168,85, printed 168,5
    t = satu(periksa(laporan("""\
        polaritas: negatif
        target: 20
        realisasi: 6.23
        dilaporkan: {capaian: {"3.5": "168,5"}}
        """)), "Tabel 3.5", "Capaian (%)")
    assert (t.selisih, t.tingkat) == (D("-0.4"), SELISIH)  # 168,5 - 168,9 at one place
    assert "satu angka hilang" in t.keterangan


PROGRAM_LIMA = textwrap.dedent(
    """\
    program:
      - kode: P05
        nama: Program lima
        dilaporkan: {pagu: {"3.13": 158.395.750}}
        kegiatan:
          - kode: P05.01
            nama: Kegiatan satu
            pagu: 1.582.395.750
            realisasi: 1.576.758.887
    """
)


def test_cause_a_dropped_digit_at_the_printed_places() -> None:
    a = periksa(laporan("target: 75\nrealisasi: 73\n", PROGRAM_LIMA))
    t = satu(a, "Tabel 3.13", "Alokasi (Rp)", "P05")
    assert (t.dihitung, t.tingkat) == (D(1582395750), SELISIH)
    assert "satu angka hilang" in t.keterangan


def test_cause_nothing_reproduces() -> None:
    # 1.582.395.750 printed 157.125.000, as in the reference report's Tabel 3.13
    a = periksa(laporan("target: 75\nrealisasi: 73\n",
                        PROGRAM_LIMA.replace("158.395.750", "157.125.000")))
    t = satu(a, "Tabel 3.13", "Alokasi (Rp)", "P05")
    assert (t.selisih, t.tingkat) == (D(157125000) - D(1582395750), SELISIH)
    assert t.keterangan == "tidak ada pola yang diketahui yang mereproduksi angka ini"


def test_cause_the_same_quantity_printed_differently_elsewhere() -> None:
    # 73 / 75 = 97,3 printed in Tabel 3.5 and Bab III; Tabel 3.12 prints 112
    a = periksa(laporan("""\
        target: 75
        realisasi: 73
        dilaporkan: {capaian: {"3.5": "97,3", bab3: "97,3", "3.12": 112}}
        """))
    t = satu(a, "Tabel 3.12", "Capaian (%)")
    assert t.tingkat is SELISIH
    assert "dicetak berbeda: 97,3 di Tabel 3.5, Bab III" in t.keterangan
    assert satu(a, "Tabel 3.5", "Capaian (%)").tingkat is COCOK


# ------------------------------------------------------------------ consistency


def konsistensi(a: Audit) -> list[Temuan]:
    return [t for t in a.temuan if t.jenis == "konsistensi"]


def test_year_value_against_the_quarterly_roll_up() -> None:
    # rekap terakhir: the year's target is the last quarter's, 75, not 80
    a = periksa(laporan("""\
        target: 80
        realisasi: 60
        rekap_triwulan: terakhir
        triwulan:
          - {target: 20, realisasi: 15}
          - {target: 40, realisasi: 30}
          - {target: 60, realisasi: 45}
          - {target: 75, realisasi: 60}
        """))
    [t] = konsistensi(a)
    assert (t.tabel, t.lokasi, t.kolom) == ("Tabel 3.4", "IKU1", "Target")
    assert (t.dicetak, t.dihitung, t.selisih, t.tingkat) == (D(80), D(75), D(5), SELISIH)
    assert a.ringkasan.konsistensi == 1 and a.ringkasan.diperiksa == 0


def test_year_value_against_the_quarterly_sum() -> None:
    # rekap jumlah: 20 + 30 + 10 + 20 = 80, the year says 90; targets 4 x 25 = 100 agree
    a = periksa(laporan("""\
        target: 100
        realisasi: 90
        rekap_triwulan: jumlah
        triwulan:
          - {target: 25, realisasi: 20}
          - {target: 25, realisasi: 30}
          - {target: 25, realisasi: 10}
          - {target: 25, realisasi: 20}
        """))
    [t] = konsistensi(a)
    assert (t.tabel, t.lokasi, t.kolom) == ("Tabel 3.4", "IKU1", "Realisasi")
    assert (t.dicetak, t.dihitung, t.selisih) == (D(90), D(80), D(10))


def test_falling_cumulative_quarter() -> None:
    # cumulative (terakhir) realisasi 15, 30, 25, 60: TW 3 falls from 30 to 25
    a = periksa(laporan("""\
        target: 80
        realisasi: 60
        rekap_triwulan: terakhir
        triwulan:
          - {target: 20, realisasi: 15}
          - {target: 40, realisasi: 30}
          - {target: 60, realisasi: 25}
          - {target: 80, realisasi: 60}
        """))
    [t] = konsistensi(a)
    assert (t.tabel, t.lokasi, t.kolom, t.dicetak, t.tingkat) == (
        "Tabel 3.4", "IKU1 TW 3", "Realisasi", D(25), SELISIH)
    assert "turun dari 30 ke 25" in t.keterangan


_NAIK_TURUN = """\
    target: 6
    realisasi: 5.5
    rekap_triwulan: terakhir
    triwulan:
      - {target: 6, realisasi: 6.2}
      - {target: 6, realisasi: 5.1}
      - {target: 6, realisasi: 5.8}
      - {target: 6, realisasi: 5.5}
    """


@pytest.mark.parametrize("jenis", ["jenis_persen: laju", "jenis_persen: rasio",
                                   "jenis_persen: indeks", "persen_maks_100: false"])
def test_a_rate_rolled_up_by_its_last_quarter_may_fall(jenis: str) -> None:
    # a growth rate of 6,2% in TW 1 and 5,1% in TW 2 (each quarter's level, the year's
    # value the last: 5,5) is no running total that fell; every capaian is R / T x 100 of
    # the period's target 6: nothing contradicts
    a = periksa(laporan(jenis + "\n" + textwrap.dedent(_NAIK_TURUN)))
    assert konsistensi(a) == []


def test_a_share_rolled_up_by_its_last_quarter_still_may_not_fall() -> None:
    # the same quarters on a share (jenis_persen: bagian): TW 2 falls from 6,2 to 5,1, and
    # TW 4 from 5,8 to 5,5 (the fall is measured from the highest quarter so far, 6,2)
    a = periksa(laporan("jenis_persen: bagian\n" + textwrap.dedent(_NAIK_TURUN)))
    got = [(t.lokasi, t.dicetak) for t in konsistensi(a)]
    assert got == [("IKU1 TW 2", D("5.1")), ("IKU1 TW 3", D("5.8")), ("IKU1 TW 4", D("5.5"))]


def test_quarters_summed_may_fall() -> None:
    # rekap jumlah: quarters are not cumulative, 30 then 10 is no fall; 20+30+10+20 = 80
    a = periksa(laporan("""\
        target: 100
        realisasi: 80
        rekap_triwulan: jumlah
        triwulan:
          - {target: 25, realisasi: 20}
          - {target: 25, realisasi: 30}
          - {target: 25, realisasi: 10}
          - {target: 25, realisasi: 20}
        """))
    assert a.temuan == ()


def test_kegiatan_realisasi_above_pagu() -> None:
    # P01.01 spends 1.000.001 of 1.000.000; the belanja langsung total (3.000.000 pagu,
    # 2.500.001 realisasi) is within its pagu
    a = periksa(MINIMAL + textwrap.dedent(
        """\
        program:
          - kode: P01
            nama: Program satu
            kegiatan:
              - kode: P01.01
                nama: Kegiatan satu
                pagu: 1.000.000
                realisasi: 1.000.001
                mendukung: [IKU1]
              - kode: P01.02
                nama: Kegiatan dua
                pagu: 2.000.000
                realisasi: 1.500.000
        """))
    [t] = konsistensi(a)
    assert (t.tabel, t.lokasi, t.kolom) == ("Tabel 3.13", "P01.01", "Realisasi (Rp)")
    # Nothing was printed and nothing computed: the value in the file, and the comparison in
    # words.
    assert (t.dicetak, t.dihitung, t.selisih, t.tingkat) == (D(1000001), None, None, SELISIH)
    assert t.keterangan == "realisasi Rp1.000.001 melebihi alokasi Rp1.000.000"


def test_percent_indicator_above_100() -> None:
    # satuan %: 105 and 100,5 are impossible shares (one declared, one named as a share);
    # 150 PNS is a count, and an APK of 107,12% a ratio that normally passes 100
    a = periksa(laporan("target: 100\nrealisasi: 105\njenis_persen: bagian\n", textwrap.dedent(
        """\
        program:
          - kode: P01
            nama: Program satu
            kegiatan:
              - kode: P01.01
                nama: Kegiatan satu
                pagu: 1.000.000
                realisasi: 900000
                mendukung: [IKU1]
                indikator:
                  - {kode: P01.01-1, nama: Persentase dokumen selesai, satuan: "%",
                     target: 90, realisasi: 100.5}
                  - {kode: P01.01-2, nama: Jumlah, satuan: PNS, target: 90, realisasi: 150}
                  - {kode: P01.01-3, nama: Angka Partisipasi Kasar SD, satuan: "%",
                     target: 105, realisasi: 107.12}
                  - {kode: P01.01-4, nama: Persentase kenaikan PAD, satuan: "%",
                     target: 105, realisasi: 107.12}
        """)))
    found = {(t.tabel, t.lokasi, t.kolom, t.dicetak, t.tingkat) for t in konsistensi(a)}
    assert found == {("Tabel 3.5", "IKU1", "Realisasi", D(105), SELISIH),
                     ("Tabel 3.8", "P01.01-1", "Realisasi", D("100.5"), SELISIH)}


def test_consistent_report_without_dilaporkan_has_no_findings() -> None:
    a = periksa(MINIMAL + PROGRAM)
    assert a.temuan == ()
    r = a.ringkasan
    assert (r.diperiksa, r.cocok, r.pembulatan, r.selisih, r.konsistensi) == (0, 0, 0, 0, 0)


# ------------------------------------------------------------- review follow-ups


def test_growth_rate_may_exceed_100_when_declared() -> None:
    # "Persentase kenaikan PAD" 110 of a target 112: a rate, not a share.
    a = periksa(laporan("target: 112\nrealisasi: 110\npersen_maks_100: false\n"))
    assert konsistensi(a) == []


def test_an_input_printed_one_unit_off_is_selisih_not_pembulatan() -> None:
    # Realisasi typed as 72 in the file, printed 73 in Tabel 3.5: a different value, nothing
    # was rounded.
    a = periksa(laporan('target: 80\nrealisasi: 72\ndilaporkan: {realisasi: {"3.5": 73}}\n'))
    t = satu(a, "Tabel 3.5", "Realisasi")
    assert (t.tingkat, t.selisih) == (SELISIH, D(1))


def test_a_ratio_one_unit_off_that_no_rounding_gives_is_selisih() -> None:
    # 84 / 80 x 100 = 105 exactly; printed 106 at no decimals: one unit off in its last
    # place, but no rounding of 105 gives 106, so it is not pembulatan (issue 9, point 2).
    a = periksa(laporan('target: 80\nrealisasi: 84\ndilaporkan: {capaian: {"3.5": 106}}\n'))
    t = satu(a, "Tabel 3.5", "Capaian (%)")
    assert (t.tingkat, t.selisih) == (SELISIH, D(1))
    assert t.keterangan == "tidak ada pola yang diketahui yang mereproduksi angka ini"


# ----------------------------------------------------- issue 9: rules honoured


CAP_TAMPILAN = """\
    aturan:
      batas_atas: {nilai: 100, berlaku: [rata-rata, tampilan]}
    """


def test_figure_printed_under_display_cap_is_compared_with_the_capped_value() -> None:
    # 97 / 50 x 100 = 194; shown at most 100 (batas_atas, berlaku tampilan): a printed
    # 100 is cocok, a printed 194 is the value before the cap
    a = periksa(laporan("""\
        target: 50
        realisasi: 97
        dilaporkan: {capaian: {"3.5": 100, "3.12": 194}}
        """, CAP_TAMPILAN))
    assert satu(a, "Tabel 3.5", "Capaian (%)").tingkat is COCOK
    t = satu(a, "Tabel 3.12", "Capaian (%)")
    assert (t.tingkat, t.dihitung, t.selisih) == (SELISIH, D(100), D(94))
    assert "nilai sebelum batas_atas tampilan" in t.keterangan


TIGA_INDIKATOR = HEAD + textwrap.dedent("""\
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        dilaporkan: {capaian: {"3.10": "95,00"}}
        indikator:
          - {kode: IKU1, nama: Satu, satuan: "%", target: 100, realisasi: 100}
          - {kode: IKU2, nama: Dua, satuan: "%", target: 100, realisasi: 90}
          - {kode: IKU3, nama: Tiga, satuan: "%", target: 100, realisasi: 80}
    dilaporkan: {rata_rata_capaian: {ikhtisar: 100, bab4: "85,00"}}
    """)


def test_wrong_average_names_the_indicator_it_left_out() -> None:
    # capaian 100, 90, 80: average 90,00. Printed 95,00 = (100 + 90) / 2, without IKU3; a
    # digit slip of 90,00 (one digit mistyped) is not the cause to give.
    a = periksa(TIGA_INDIKATOR)
    t = satu(a, "Tabel 3.10", "Capaian (%)", lokasi="SS1")
    assert t.tingkat is SELISIH
    assert t.keterangan == "kemungkinan: rata-rata tanpa IKU3"
    # Printed 100 = IKU1 alone, leaving out two; 85,00 = (90 + 80) / 2, without IKU1.
    assert satu(a, "Ikhtisar Eksekutif", "Rata-rata capaian (%)",
                lokasi="Keseluruhan").keterangan.startswith(
                    "kemungkinan: rata-rata tanpa IKU2, IKU3; ")
    assert satu(a, "Bab IV", "Rata-rata capaian (%)",
                lokasi="Keseluruhan").keterangan.startswith("kemungkinan: rata-rata tanpa IKU1; ")


def test_category_word_of_another_vocabulary_is_cocok_only_for_the_same_band() -> None:
    # The report's own scale has Permendagri 86/2017's bounds (>=91, >=76, >=66, >=51, else)
    # with its own words; 95 / 100 x 100 = 95 is in the top band (>=91), which Permendagri
    # calls "Sangat Tinggi": the same band, so cocok, saying which vocabulary was recognised.
    skala = """\
        aturan:
          skala_interpretasi:
            - {kode: A, sebutan: Istimewa, mulai: 91}
            - {kode: B, sebutan: Bagus, mulai: 76}
            - {kode: C, sebutan: Cukup, mulai: 66}
            - {kode: D, sebutan: Kurang, mulai: 51}
            - {kode: E, sebutan: Buruk}
        """
    a = periksa(laporan('target: 100\nrealisasi: 95\ndilaporkan: {kategori: {"3.5": Sangat '
                        'Tinggi, bab4: Sangat Memuaskan}}\n', skala))
    t = satu(a, "Tabel 3.5", "Kategori")
    assert t.tingkat is COCOK
    assert t.keterangan == ("“Sangat Tinggi” dikenali sebagai kode permendagri-86-2017, pita "
                            "yang sama")
    # "Sangat Memuaskan" is no interpretation scale's word: selisih, as before
    assert satu(a, "Bab IV", "Kategori").tingkat is SELISIH


def test_category_word_naming_another_band_is_selisih_and_says_its_band() -> None:
    # enam-tingkat: 80 / 100 x 100 = 80 is "Sangat Baik" (>75 up to 85). "Tinggi" is
    # Permendagri 86/2017's band >=76 up to 91: another band, so selisih.
    a = periksa(laporan('target: 100\nrealisasi: 80\ndilaporkan: {kategori: {"3.5": Tinggi}}\n',
                        "aturan: {skala_interpretasi: enam-tingkat}\n"))
    t = satu(a, "Tabel 3.5", "Kategori")
    assert t.tingkat is SELISIH
    assert t.keterangan.endswith("“Tinggi” menurut permendagri-86-2017 adalah pita ≥76 s/d <91")


def test_sasaran_capaian_printed_under_display_cap_is_compared_with_the_capped_value() -> None:
    # One indicator, 194 uncapped; the sasaran's average shown at most 100 (Tabel 3.10)
    text = laporan('target: 50\nrealisasi: 97\n', """\
        aturan:
          batas_atas: {nilai: 100, berlaku: [tampilan]}
        """).replace("    nama: Sasaran satu\n",
                     '    nama: Sasaran satu\n    dilaporkan: {capaian: {"3.10": 100}}\n')
    assert satu(periksa(text), "Tabel 3.10", "Capaian (%)", lokasi="SS1").tingkat is COCOK
