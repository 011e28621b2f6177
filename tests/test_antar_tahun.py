"""Capaian across years (issue 22, class 1): earlier years' target, realisasi and capaian as
report quantities, the change of capaian, their table, sentence and audit.

The figures are those of Kecamatan Gunung Kaler (Kab. Tangerang), LKjIP 2020, Tabel 3.5
"Analisis Pencapaian Sasaran 1", worked by hand from R / T x 100:
- IKM: 88,94 / 82,5 = 107,806 -> 107,81 (2019); 88,95 / 84,75 = 104,956 -> 104,96 (2020);
  change 104,9558 - 107,8061 = -2,8503 -> -2,85 poin; relative 104,9558 / 107,8061 - 1 =
  -2,644% -> -2,64;
- desa minimal berkembang: 66,67 / 65 = 102,569 -> 102,57; 66,67 / 70 = 95,243 -> 95,24;
- laporan pertanggungjawaban: 44,44 / 44,44 and 55,56 / 55,56 = 100,00.
The report prints the change "penurunan sebesar 2,85%": points printed with a % sign.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.audit import Tingkat, audit
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.engine.tahun import perubahan_capaian
from lkjip_cli.loader import load_text
from lkjip_cli.tabel import bangun

D = Decimal

GUNUNG_KALER = textwrap.dedent(
    """\
    instansi: {nama: Kecamatan Gunung Kaler, singkatan: Kec. Gunung Kaler}
    tahun: 2020
    renstra: {mulai: 2019, selesai: 2023}
    sasaran:
      - kode: SS1
        nama: Meningkatnya kualitas pelayanan
        indikator:
          - kode: IKM
            nama: Indeks Kepuasan Masyarakat
            satuan: indeks
            target: 84.75
            realisasi: 88.95
            target_sebelumnya: {2019: 82.5}
            realisasi_sebelumnya: {2019: 88.94}
            dilaporkan:
              target_tahun_lalu: {"3.6": "82,5"}
              capaian_tahun_lalu: {"3.6": "107,81"}
              capaian: {"3.6": "104,96"}
              perubahan_capaian_poin: {"3.6": "-2,85", bab3: "2,85"}
              perubahan_capaian_persen: {bab3: "-2,85"}
          - kode: DESA
            nama: Persentase desa minimal berkembang
            satuan: "%"
            target: 70
            realisasi: 66.67
            target_sebelumnya: {2019: 65}
            realisasi_sebelumnya: {2019: 66.67}
            dilaporkan:
              capaian_tahun_lalu: {"3.6": "102,57"}
          - kode: LPJ
            nama: Persentase laporan pertanggungjawaban
            satuan: "%"
            target: 55.56
            realisasi: 55.56
            target_sebelumnya: {2019: 44.44}
            realisasi_sebelumnya: {2019: 44.44}
            dilaporkan:
              capaian_tahun_lalu: {"3.6": "100,00", bab3: "107,81"}
    """
)


def hasil(text: str) -> Hasil:
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return hitung(loaded.report)


def q2(value: Decimal | None) -> Decimal:
    assert value is not None
    return value.quantize(D("0.01"))


def test_earlier_capaian_is_computed_by_the_same_rule() -> None:
    ikm, desa, lpj = hasil(GUNUNG_KALER).indikator
    for ind, lalu, kini in ((ikm, "107.81", "104.96"), (desa, "102.57", "95.24"),
                            (lpj, "100.00", "100.00")):
        a = ind.antar_tahun
        assert a is not None and a.ada
        assert q2(a.capaian_tahun_lalu.nilai) == D(lalu)
        assert q2(ind.capaian.nilai) == D(kini)
        assert [y.tahun for y in a.tahun] == [2019]
    a = ikm.antar_tahun
    assert a is not None
    assert q2(a.perubahan_capaian_poin.nilai) == D("-2.85")
    assert q2(a.perubahan_capaian_persen.nilai) == D("-2.64")
    assert a.capaian_tahun_lalu.masukan[0].sumber == (
        "sasaran", 0, "indikator", 0, "target_sebelumnya", "2019")


def test_percent_change_from_a_base_at_or_below_zero_is_not_computable() -> None:
    poin, persen = perubahan_capaian(Nilai(D(50), "c"), Nilai(D(-100), "c"))
    assert poin.nilai == D(150)
    assert persen.nilai is None and "0 atau negatif" in (persen.alasan or "")
    poin, persen = perubahan_capaian(Nilai(D(50), "c"), Nilai(None, "c", alasan="x"))
    assert poin.alasan == "capaian tahun lalu tidak tersedia"


def test_a_year_without_target_gives_no_capaian_and_no_table() -> None:
    text = GUNUNG_KALER.replace("target_sebelumnya: {2019: 82.5}", "").replace(
        "target_sebelumnya: {2019: 65}", "").replace("target_sebelumnya: {2019: 44.44}", "")
    text = "\n".join(line for line in text.splitlines()
                     if not any(w in line for w in ("dilaporkan", '"3.6"', "bab3")))
    h = hasil(text)
    a = h.indikator[0].antar_tahun
    assert a is not None and not a.ada
    assert "tidak ada target" not in (a.capaian_tahun_lalu.alasan or "")  # realisasi exists
    assert [t.bagian for t in bangun(h, ["3.6"])] == [""]


def test_table_3_6_shows_both_years_side_by_side() -> None:
    tabel = bangun(hasil(GUNUNG_KALER), ["3.6"])
    assert [t.bagian for t in tabel] == ["", "capaian"]
    t = tabel[1]
    assert [k.judul for k in t.kolom][3:] == [
        "Target 2019", "Target 2020", "Realisasi 2019", "Realisasi 2020", "Capaian 2019 (%)",
        "Capaian 2020 (%)", "Perubahan capaian (9-8) poin"]
    ikm = t.baris[0].sel
    assert [ikm[j].nilai for j in (3, 4, 5, 6)] == [D("82.5"), D("84.75"), D("88.94"),
                                                    D("88.95")]
    assert q2(ikm[7].nilai) == D("107.81") and q2(ikm[8].nilai) == D("104.96")
    assert q2(ikm[9].nilai) == D("-2.85")


def test_printed_figures_across_years_are_audited() -> None:
    temuan = audit(hasil(GUNUNG_KALER)).temuan
    kode = {0: "IKM", 1: "DESA", 2: "LPJ"}
    found = {(kode[t.path[3]], t.path[-2], t.tabel): t for t in temuan if t.jenis == "dicetak"}
    for key in (("IKM", "capaian_tahun_lalu", "Tabel 3.6"),
                ("IKM", "target_tahun_lalu", "Tabel 3.6"),
                ("DESA", "capaian_tahun_lalu", "Tabel 3.6"),
                ("LPJ", "capaian_tahun_lalu", "Tabel 3.6"),
                ("IKM", "perubahan_capaian_poin", "Tabel 3.6")):
        assert found[key].tingkat is Tingkat.COCOK, found[key]
    # The narrative prints the fall without its sign, and points under a % heading.
    unsigned = found[("IKM", "perubahan_capaian_poin", "Bab III")]
    assert unsigned.tingkat is Tingkat.SELISIH
    assert "selisih tanpa tanda" in unsigned.keterangan
    as_points = found[("IKM", "perubahan_capaian_persen", "Bab III")]
    assert as_points.tingkat is Tingkat.SELISIH
    assert "selisih poin dicetak di bawah judul rasio" in as_points.keterangan
    # A capaian of another indicator's year printed in its place is named.
    wrong = found[("LPJ", "capaian_tahun_lalu", "Bab III")]
    assert wrong.tingkat is Tingkat.SELISIH


def test_xlsx_capaian_across_years_are_live_formulas(tmp_path: Path) -> None:
    pytest.importorskip("formulas")
    from rekalkulasi import bandingkan, hitung_ulang

    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja

    h = hasil(GUNUNG_KALER)
    wb, lembar = buku_kerja(h, bab=["3"])
    path = tmp_path / "gk.xlsx"
    wb.save(path)
    ws = next(lb.ws for lb in lembar if lb.tabel.bagian == "capaian")
    # Row 4 is IKM: capaian 2019 (H), 2020 (I) and the change (J) are formulas.
    assert [str(ws[f"{c}4"].value).startswith("=") for c in "HIJ"] == [True] * 3
    nilai = hitung_ulang(path)
    n, beda = bandingkan(lembar, nilai, h.laporan.aturan)
    assert beda == [] and n >= 9
    assert nilai[f"{ws.title.upper()}!J4"] == pytest.approx(-2.85, abs=1e-9)
    assert nilai[f"{ws.title.upper()}!H5"] == pytest.approx(102.57, abs=1e-9)


# ------------------------------------------------------------------ sign convention (class 6)

BELANJA_DIPOTONG = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh (rekaan), singkatan: Dinas}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - {kode: IKU1, nama: Indikator satu, satuan: "%", target: 80, realisasi: 84,
             realisasi_sebelumnya: {2022: 87.77},
             dilaporkan: {perubahan_poin: {"3.6": "-3,77", bab3: "3,77"}}}
    belanja:
      - tahun: 2023
        klasifikasi: apbn
        jenis:
          - {jenis: "51", pagu: 10.000.000.000, pagu_murni: 10.000.000.000,
             realisasi: 9.800.000.000}
          - {jenis: "52", pagu: 6.456.000.000, pagu_murni: 8.000.000.000,
             realisasi: 5.400.000.000}
        dilaporkan:
          perubahan_pagu: {bab2: 1.544.000.000, "2.5": -1.544.000.000}
    """
)
TANDA = """\
aturan:
  tanda_cetak:
    - {besaran: perubahan_pagu, tempat: bab2, tanda: dibalik}
    - {besaran: perubahan_poin, tempat: bab3, tanda: tanpa-tanda}
"""


def _temuan(text: str) -> dict[tuple[str, str], Tingkat]:
    return {(t.path[-2], t.tabel): t.tingkat for t in audit(hasil(text)).temuan
            if t.jenis == "dicetak"}


def test_a_cut_printed_positive_is_flagged_until_its_sign_is_declared() -> None:
    # pagu 16.456.000.000 - pagu murni 18.000.000.000 = -1.544.000.000; 84 - 87,77 = -3,77
    found = _temuan(BELANJA_DIPOTONG)
    assert found[("perubahan_pagu", "Bab II")] is Tingkat.SELISIH
    assert found[("perubahan_poin", "Bab III")] is Tingkat.SELISIH
    found = _temuan(BELANJA_DIPOTONG.replace("tahun: 2023\nrenstra", TANDA
                                             + "tahun: 2023\nrenstra", 1))
    assert found[("perubahan_pagu", "Bab II")] is Tingkat.COCOK
    assert found[("perubahan_pagu", "Tabel 2.5")] is Tingkat.COCOK  # signed there
    assert found[("perubahan_poin", "Bab III")] is Tingkat.COCOK
    assert found[("perubahan_poin", "Tabel 3.6")] is Tingkat.COCOK


def test_an_unknown_quantity_in_tanda_cetak_is_refused_with_a_suggestion() -> None:
    text = BELANJA_DIPOTONG.replace("tahun: 2023\nrenstra", "aturan: {tanda_cetak: [{besaran: "
                                    "perubahan_pagus, tanda: dibalik}]}\ntahun: 2023\nrenstra", 1)
    loaded = load_text(text)
    assert loaded.report is None
    (d,) = loaded.diagnostics
    assert "perubahan_pagus" in d.message and "maksudnya `perubahan_pagu`" in d.message
    assert (d.line, d.path) == (2, "aturan.tanda_cetak[0].besaran")


def test_the_new_keys_round_trip_through_the_data_workbook(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app

    asal, buku, kembali = tmp_path / "a.yaml", tmp_path / "a.xlsx", tmp_path / "b.yaml"
    for text in (GUNUNG_KALER.replace("target_sebelumnya: {2019: 65}",
                                      "target_sebelumnya: {2019: {min: 60, maks: 65}}\n"
                                      "        jenis_persen: rasio"),
                 # belanja by class is not in the workbook yet (issue 20): no belanja here
                 TANDA + GUNUNG_KALER):
        asal.write_text(text, encoding="utf-8")
        runner = CliRunner()
        result = runner.invoke(app, ["export", str(asal), "--to", "xlsx", "--data", "-o",
                                     str(buku), "--force"])
        assert result.exit_code == 0, result.output
        result = runner.invoke(app, ["import", str(buku), "-o", str(kembali), "--force"])
        assert result.exit_code == 0, result.output
        assert load_text(kembali.read_text(encoding="utf-8")).report == load_text(text).report


# ------------------------------------------------------------------ roll-ups (class 5)

TRIWULAN_SAJA = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - kode: IKU1
            nama: Jumlah pelatihan
            satuan: kegiatan
            target: 40
            rekap_triwulan: jumlah
            triwulan:
              - {target: 10, realisasi: 8}
              - {target: 10, realisasi: 12}
              - {target: 10, realisasi: 9}
              - {target: 10, realisasi: 7}
            dilaporkan: {realisasi: {"3.5": 36}, capaian: {"3.5": "90,00"}}
          - kode: IKU2
            nama: Persentase layanan tepat waktu
            satuan: "%"
            target: 90
            bulanan: [{realisasi: 80}, {realisasi: 85}, {realisasi: 88}]
            dilaporkan: {capaian: {"3.5": "97,78"}}
    """
)


def test_an_annual_report_without_annual_realisasi_uses_the_roll_up() -> None:
    h = hasil(TRIWULAN_SAJA)
    jumlah, terakhir = h.indikator
    # 8 + 12 + 9 + 7 = 36; 36 / 40 x 100 = 90
    assert jumlah.realisasi_periode == D(36) and jumlah.capaian.nilai == D(90)
    assert jumlah.realisasi is None  # the file's own value stays as written
    assert any("tidak diisi" in a for a in jumlah.capaian.aturan)
    assert jumlah.capaian.masukan[1].sumber == ("sasaran", 0, "indikator", 0, "triwulan", 3,
                                                "realisasi")
    # cumulative months: the last one, 88; 88 / 90 x 100 = 97,777... -> 97,78
    assert terakhir.realisasi_periode == D(88)
    assert q2(terakhir.capaian.nilai) == D("97.78")
    found = {(t.path[3], t.path[-2]): t.tingkat for t in audit(h).temuan}
    assert found[(0, "realisasi")] is Tingkat.COCOK
    assert found[(0, "capaian")] is Tingkat.COCOK
    assert found[(1, "capaian")] is Tingkat.COCOK
    (t35,) = bangun(h, ["3.5"])
    assert any("Jumlah pelatihan: nilai tahunan tidak diisi" in c for c in t35.catatan)


# ------------------------------------------------------------------ sentences (class 9)


def test_a_change_from_a_negative_base_is_said_in_points_only() -> None:
    from lkjip_cli.render.markdown.templat import render_markdown

    text = textwrap.dedent(
        """\
        instansi: {nama: Dinas Contoh (rekaan)}
        tahun: 2023
        renstra: {mulai: 2021, selesai: 2026}
        sasaran:
          - kode: SS1
            nama: Sasaran satu
            indikator:
              - {kode: IKU1, nama: Laju pertumbuhan ekonomi, satuan: "%", target: 40,
                 realisasi: 50, realisasi_sebelumnya: {2022: -100},
                 target_sebelumnya: {2022: -80}}
        """)
    h = hasil(text)
    ind = h.indikator[0]
    assert ind.perubahan_poin.nilai == D(150) and ind.perubahan_persen.nilai is None
    a = ind.antar_tahun
    assert a is not None
    # capaian 2022: -100 / -80 x 100 = 125; 2023: 50 / 40 x 100 = 125: no change
    assert a.capaian_tahun_lalu.nilai == D(125) and a.perubahan_capaian_poin.nilai == 0
    bab3 = render_markdown(h, bab=["3"])
    line = next(x for x in bab3.splitlines() if x.startswith("- Laju pertumbuhan"))
    assert "naik 150,00 poin (persentase perubahan tidak dapat dihitung: realisasi tahun " \
           "lalu negatif" in line
    assert "penurunan" not in line
    assert "Capaiannya 125,00%, dibandingkan capaian 125,00% pada tahun 2022: sama dengan " \
           "tahun sebelumnya." in line


# ------------------------------------------------------------------ empty targets (class 7)

TANPA_TARGET = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - {kode: IKU1, nama: Indikator tanpa target, satuan: "%", realisasi: 50,
             dilaporkan: {pagu: {"3.12": 100.000.000}}}
    program:
      - kode: P1
        nama: Program satu
        kegiatan:
          - {kode: K1, nama: Kegiatan satu, pagu: 100.000.000, realisasi: 90.000.000,
             mendukung: [IKU1], indikator: [{kode: IK1, nama: Output, satuan: dokumen,
                                             realisasi: 3}]}
    """
)


def test_a_budget_only_excerpt_may_leave_targets_empty() -> None:
    from lkjip_cli.render.markdown.templat import render_markdown

    h = hasil(TANPA_TARGET)
    ind = h.indikator[0]
    assert ind.target is None and ind.capaian.alasan == "target tidak ada"
    assert h.kegiatan[0].indikator[0].capaian.alasan == "target tidak ada"
    (temuan,) = audit(h).temuan
    assert temuan.tingkat is Tingkat.COCOK  # the budget it printed: 100.000.000
    bab3 = render_markdown(h, bab=["3"])
    assert "mencapai 50% tanpa target yang ditetapkan, sehingga capaian tidak tersedia " \
           "(target tidak ada)." in bab3
    assert "target n/a" not in bab3


def test_sentences_that_read_wrong_are_fixed() -> None:
    from lkjip_cli.render.markdown.templat import render_markdown

    # a 2022 report whose belanja entry holds no figure: no BL/BTL words, no doubled phrases
    text = textwrap.dedent(
        """\
        instansi: {nama: Dinas Contoh (rekaan), singkatan: Dinas}
        tahun: 2022
        renstra: {mulai: 2021, selesai: 2026}
        sasaran:
          - kode: SS1
            nama: Sasaran satu
            indikator:
              - {kode: IKU1, nama: Indikator satu, satuan: "%", target: 1, realisasi: 13.378}
        belanja:
          - tahun: 2022
        """)
    md = render_markdown(hasil(text))
    assert "Langsung" not in md.replace("Belanja Langsung (Rp) | Belanja Tidak Langsung", "")
    assert ") (tidak tersedia" not in md
    assert "*Tabel 2.5 tidak disajikan" in md
    assert "Data belanja tahun 2022 tidak ada dalam berkas laporan" in md
    # 13,378 / 1 x 100 = 1.337,80: said with a word
    assert "sehingga capaian 1.337,80% (Sangat Baik). Capaian di atas 200%: realisasi jauh " \
           "melampaui target" in md
    # a K/L report (APBN): its budget is revised, not changed by an APBD-P
    kl = render_markdown(hasil(BELANJA_DIPOTONG), bab=["2", "3"])
    assert "melalui revisi anggaran (DIPA) menjadi" in kl and "APBD" not in kl


def test_an_interim_report_says_up_to_when() -> None:
    from lkjip_cli.loader import load
    from lkjip_cli.render.markdown.templat import render_markdown

    loaded = load(str(Path(__file__).resolve().parent.parent / "data" / "contoh-2023.yaml"))
    assert loaded.report is not None
    md = render_markdown(hitung(loaded.report))
    assert "Target Belanja Dinkes Contoh s.d. Triwulan II Tahun 2023" in md
    assert "Realisasi anggaran s.d. Triwulan II tahun 2023 sebesar Rp1.770.000.000 (44,25%)" \
           in md
    assert "| 2023 s.d. Triwulan II | 4.000.000.000 | 1.770.000.000 | 2.230.000.000 |" in md
    assert "| Tahun | Total Anggaran (Rp) | Realisasi (Rp) | Sisa Anggaran (Rp) | % |" in md
    assert "Nilai Efisiensi" not in md
    assert "angka sementara: tahun anggaran belum berakhir" in md


def test_a_yaml_syntax_error_is_explained_in_indonesian() -> None:
    loaded = load_text("instansi: {nama: [1, }\n")
    (d,) = loaded.diagnostics
    assert d.code == "yaml-syntax" and "libyaml" not in d.message
    assert d.message.startswith("nilai kosong di dalam `[ ]` atau `{ }`")
