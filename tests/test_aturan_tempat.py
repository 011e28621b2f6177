"""Rules that differ by place (issue 22, class 4): one report truncates capaian in its IKU
table and rounds in its summary; another rounds realisasi before computing capaian. Worked
by hand: 2 / 3 x 100 = 66,666...: half-up 66,67, truncated 66,66, one decimal 66,7;
66,666 rounded to 66,7 first: 66,7 / 70 x 100 = 95,2857... -> 95,29 (unrounded: 95,2371...
-> 95,24)."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.audit import Tingkat, audit
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load_text
from lkjip_cli.tabel import bangun, format_sel

D = Decimal

LAPORAN = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    penomoran: {"3.5": "III.2"}
    aturan:
      per_tempat:
        "Tabel III.2": {pembulatan: down}
        "3.12": {desimal: 1}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - kode: IKU1
            nama: Jumlah dokumen
            satuan: dokumen
            target: 3
            realisasi: 2
            dilaporkan: {capaian: {"III.2": "66,66", ikhtisar: "66,67", "3.12": "66,7"}}
    """
)


def hasil(text: str) -> Hasil:
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return hitung(loaded.report)


def test_each_place_is_checked_by_its_own_rounding() -> None:
    temuan = [t for t in audit(hasil(LAPORAN)).temuan if t.jenis == "dicetak"]
    assert {t.tabel: t.tingkat for t in temuan} == {
        "Tabel III.2": Tingkat.COCOK, "Ikhtisar Eksekutif": Tingkat.COCOK,
        "Tabel 3.12": Tingkat.COCOK}
    # without the rule, the truncated figure is one unit off
    plain = LAPORAN.replace('    "Tabel III.2": {pembulatan: down}\n', "")
    temuan = [t for t in audit(hasil(plain)).temuan if t.jenis == "dicetak"]
    assert {t.tabel: t.tingkat for t in temuan}["Tabel III.2"] is not Tingkat.COCOK


def test_each_table_prints_by_its_own_rounding() -> None:
    h = hasil(LAPORAN)
    aturan = h.laporan.aturan
    (t35,) = bangun(h, ["3.5"])
    (t312,) = bangun(h, ["3.12"])
    assert format_sel(t35.baris[0].sel[5], aturan) == "66,66"
    assert any("dipotong (tidak dibulatkan) pada dua desimal" in c for c in t35.catatan)
    assert format_sel(t312.baris[0].sel[5], aturan) == "66,7"
    (t37,) = bangun(h, ["3.4"])
    assert all("dipotong" not in c for c in t37.catatan)


def test_xlsx_formulas_follow_the_tables_rounding(tmp_path: Path) -> None:
    pytest.importorskip("formulas")
    from rekalkulasi import bandingkan, hitung_ulang

    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja

    h = hasil(LAPORAN)
    wb, lembar = buku_kerja(h, bab=["3"])
    wb.save(tmp_path / "a.xlsx")
    ws = next(lb.ws for lb in lembar if lb.tabel.nomor == "3.5")
    assert "ROUNDDOWN" in str(ws["F4"].value)
    nilai = hitung_ulang(tmp_path / "a.xlsx")
    for lb in lembar:  # each sheet at its own table's rounding
        assert bandingkan([lb], nilai, h.laporan.aturan_di(lb.tabel.nomor))[1] == []
    assert nilai[f"{ws.title.upper()}!F4"] == pytest.approx(66.66, abs=1e-9)


def test_realisasi_rounded_before_capaian() -> None:
    text = LAPORAN.replace("  per_tempat:", "  bulatkan_realisasi: 1\n  per_tempat:") \
        .replace("target: 3\n", "target: 70\n").replace("realisasi: 2\n", "realisasi: 66.666\n")
    ind = hasil(text).indikator[0]
    assert ind.realisasi_periode == D("66.7")
    assert ind.capaian.nilai is not None
    assert ind.capaian.nilai.quantize(D("0.01")) == D("95.29")
    assert any(a.startswith("bulatkan_realisasi=1") for a in ind.capaian.aturan)


def test_a_place_that_names_no_table_is_refused() -> None:
    loaded = load_text(LAPORAN.replace('"3.12": {desimal: 1}', '"III.9": {desimal: 1}'))
    assert loaded.report is None
    assert [d.code for d in loaded.diagnostics] == ["unknown-place"]


def test_the_rules_round_trip_through_the_data_workbook(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app

    # penomoran is not in the workbook yet (issue 20): places by lkjip's numbers here
    text = LAPORAN.replace("  per_tempat:", "  bulatkan_realisasi: 2\n  per_tempat:").replace(
        'penomoran: {"3.5": "III.2"}\n', "").replace("III.2", "3.5").replace("Tabel 3.5", "3.5")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["export", str(tmp_path / "a.yaml"), "--to", "xlsx", "--data",
                                 "-o", str(tmp_path / "a.xlsx")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["import", str(tmp_path / "a.xlsx"), "-o",
                                 str(tmp_path / "b.yaml")])
    assert result.exit_code == 0, result.output
    assert load_text((tmp_path / "b.yaml").read_text(encoding="utf-8")).report == \
        load_text(text).report


# ------------------------------------------------------------ RPD as a share (class 5)

RPD = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    periode: {sampai: TW2}
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - {kode: IKU1, nama: Indikator satu, satuan: dokumen, target: 4, realisasi: 2}
    program:
      - kode: P1
        nama: Program satu
        kegiatan:
          - {kode: K1, nama: Kegiatan satu, pagu: 1.000.000.000, rpd: 400.000.000,
             realisasi: 300.000.000,
             dilaporkan: {persen_rpd: {"3.13": "40,00", bab3: "75,00"}}}
    """
)


def test_rpd_as_a_share_of_pagu_is_a_figure_of_its_own() -> None:
    h = hasil(RPD)
    a = h.kegiatan[0].anggaran
    # 400.000.000 / 1.000.000.000 x 100 = 40; 300.000.000 / 400.000.000 x 100 = 75
    assert a.persen_rpd is not None and a.persen_rpd.nilai == D(40)
    assert a.penyerapan_rpd is not None and a.penyerapan_rpd.nilai == D(75)
    found = {t.tabel: t for t in audit(h).temuan if t.jenis == "dicetak"}
    assert found["Tabel 3.13"].tingkat is Tingkat.COCOK
    assert found["Bab III"].tingkat is Tingkat.SELISIH
    assert "realisasi terhadap RPD, bukan RPD terhadap pagu" in found["Bab III"].keterangan
    (t,) = bangun(h, ["3.13"])
    assert [k.judul for k in t.kolom][5:8] == ["RPD s.d. Triwulan II (Rp)", "% terhadap RPD",
                                               "RPD terhadap pagu (%)"]
    assert format_sel(t.baris[1].sel[7], h.laporan.aturan) == "40,00"


def test_a_nodes_share_of_the_whole_tree_is_audited() -> None:
    text = RPD.replace("dilaporkan: {persen_rpd: {\"3.13\": \"40,00\", bab3: \"75,00\"}}}",
                       "dilaporkan: {porsi: {bab3: \"80,00\"}}}\n"
                       "      - {kode: K2, nama: Kegiatan dua, pagu: 250.000.000,\n"
                       "         realisasi: 100.000.000, dilaporkan: {porsi: {bab3: \"20,00\"}}}")
    h = hasil(text)
    # 1.000.000.000 / 1.250.000.000 x 100 = 80; 250.000.000 / 1.250.000.000 x 100 = 20
    assert [h.porsi(k).nilai for k in h.kegiatan] == [D(80), D(20)]
    found = [t.tingkat for t in audit(h).temuan if t.jenis == "dicetak"]
    assert found == [Tingkat.COCOK, Tingkat.COCOK]


def test_monthly_realisasi_of_a_leaf_sum_to_its_realisasi() -> None:
    text = RPD.replace("realisasi: 300.000.000,",
                       "realisasi_bulanan: [50.000.000, 70.000.000, null, 80.000.000, "
                       "60.000.000, 40.000.000],")
    h = hasil(text)
    a = h.kegiatan[0].anggaran
    # 50 + 70 + 80 + 60 + 40 million = 300.000.000 (March had no data)
    assert a.realisasi.nilai == D(300_000_000)
    assert a.realisasi.masukan[0].sumber == ("program", 0, "kegiatan", 0, "realisasi_bulanan")
    assert a.penyerapan_rpd is not None and a.penyerapan_rpd.nilai == D(75)


def test_monthly_realisasi_that_disagree_with_the_year_are_a_warning() -> None:
    text = RPD.replace("realisasi: 300.000.000,",
                       "realisasi: 300.000.000, realisasi_bulanan: [100.000.000, 150.000.000],")
    loaded = load_text(text)
    (d,) = loaded.diagnostics
    # 100.000.000 + 150.000.000 = 250.000.000, not 300.000.000
    assert (d.code, d.severity.value) == ("rekap-bulanan", "warning")
    assert "Rp250.000.000" in d.message and loaded.report is not None


# ------------------------------------------------------------ continued tables (class 7)


def test_a_programs_total_may_cover_rows_not_listed() -> None:
    text = RPD.replace("    kegiatan:\n",
                       "    baris_lain: {pagu: 500.000.000, realisasi: 450.000.000,\n"
                       "                 keterangan: tabel halaman sebelumnya}\n"
                       "    dilaporkan: {pagu: {\"3.13\": 1.500.000.000},\n"
                       "                 realisasi: {\"3.13\": 750.000.000}}\n    kegiatan:\n")
    h = hasil(text)
    a = h.program[0].anggaran
    # 1.000.000.000 + 500.000.000 and 300.000.000 + 450.000.000
    assert (a.pagu.nilai, a.realisasi.nilai) == (D(1_500_000_000), D(750_000_000))
    assert a.pagu.masukan[-1].sumber == ("program", 0, "baris_lain", "pagu")
    found = [t.tingkat for t in audit(h).temuan if t.lokasi == "P1"]
    assert found == [Tingkat.COCOK, Tingkat.COCOK]
    (t,) = bangun(h, ["3.13"])
    assert any(c == "Jumlah Program satu mencakup kegiatan yang tidak dirinci di tabel ini (tabel "
               "halaman sebelumnya): alokasi Rp500.000.000, realisasi Rp450.000.000."
               for c in t.catatan)
    b = h.belanja_tahun_ini
    assert b is None or b.pagu_langsung.nilai in (None, D(1_500_000_000))
