"""The LKjIP tables of node indicators at every level of the budget tree: Tabel 3.8's kegiatan
case, the capaian kinerja program (a program's outcome with its money) and the levels below
kegiatan, on every surface, audited at their places.

Figures are data/contoh-renja.yaml's, worked by hand (docs/renja.md section 6), measured to
the report's period (s.d. Triwulan II): IKP1 negative and rolled up by the last quarter,
target 10, realisasi 8, capaian (2 x 10 - 8) / 10 x 100 = 120,00; program money pagu 800 +
400 = 1.200 juta, realisasi 200 + 180 = 380 juta, 380 / 1.200 x 100 = 31,67; ISK1 summed,
target 10 + 10 = 20, realisasi 10 + 6 = 16, 16 / 20 x 100 = 80,00; ISK2 last quarter 45 of 45,
100,00; ISK3 target 0: n/a.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli import angka
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load, load_text
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.tabel import Tabel, bangun, format_sel

D = Decimal
ROOT = Path(__file__).resolve().parent.parent
TEKS = (ROOT / "data" / "contoh-renja.yaml").read_text(encoding="utf-8")
ATURAN = Aturan()


def hasil(teks: str = TEKS) -> Hasil:
    result = load_text(teks, "contoh-renja.yaml")
    assert result.report is not None, result.diagnostics
    return hitung(result.report)


def baris(t: Tabel) -> list[list[str]]:
    return [[format_sel(s, ATURAN) for s in b.sel] for b in t.baris]


def test_the_program_table_prints_outcome_with_the_programs_money() -> None:
    [t] = bangun(hasil(), ["kinerja-program"])
    assert t.nomor_cetak == "3.7a"
    assert t.judul == ("Capaian Kinerja Program Pendukung Sasaran Strategis I: Meningkatnya "
                       "derajat kesehatan ibu dan anak",)
    assert [k.judul for k in t.kolom] == [
        "Program", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)", "Pagu (Rp)",
        "Realisasi (Rp)", "Penyerapan (%)"]
    assert baris(t) == [[
        "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
        "Angka kematian bayi", "per 1.000 KH", "10", "8", "120,00", "1.200.000.000",
        "380.000.000", "31,67"]]
    assert any("% = realisasi / alokasi x 100" in c for c in t.catatan)


def test_every_level_below_kegiatan_gets_the_same_table() -> None:
    [t] = bangun(hasil(), ["kinerja-sub-kegiatan"])
    assert t.nomor_cetak == "3.8a"
    assert t.kolom[0].judul == "Sub Kegiatan"
    assert [r[1:] for r in baris(t)] == [
        ["Jumlah alat kesehatan yang diadakan", "unit", "20", "16", "80,00", "800.000.000",
         "200.000.000", "25,00"],
        ["Cakupan kunjungan ibu hamil K4", "%", "45", "45", "100,00", "400.000.000",
         "180.000.000", "45,00"],
        ["Jumlah kasus kematian ibu", "orang", "0", "0", angka.TIDAK_ADA, "0", "0",
         angka.TIDAK_ADA]]


def test_the_kegiatan_table_is_the_kegiatan_case_and_2020_has_no_other_level() -> None:
    [t] = bangun(hasil(), ["3.8"])
    # IKK1 summed 4 + 7 = 11 of 5 + 5 = 10: 110,00; IKK2 last quarter 52 of 50: 104,00
    assert [r[1:] for r in baris(t)] == [
        ["Jumlah fasilitas kesehatan yang dipelihara", "unit", "10", "11", "110,00"],
        ["Persentase ibu hamil yang mendapat pelayanan kesehatan", "%", "50", "52", "104,00"]]
    result = load(ROOT / "data" / "2020.yaml")
    assert result.report is not None
    h2020 = hitung(result.report)
    assert bangun(h2020, ["kinerja-program", "kinerja-sub-kegiatan"]) == []
    assert len(bangun(h2020, ["3.8"])) == len(h2020.sasaran)  # as before, one per sasaran


def test_a_program_supports_the_sasaran_its_indicator_names() -> None:
    # Without the program's `mendukung: [IKU1]` no budget line names IKU1; IKP1's
    # `mendukung: [SS1]` still places the program under Sasaran Strategis I.
    teks = TEKS.replace("    mendukung: [IKU1]\n", "", 1)
    [t] = bangun(hasil(teks), ["kinerja-program"])
    assert t.bagian == "SS1"
    assert baris(t)[0][5] == "120,00"


_KL = """
instansi: {nama: Kementerian Contoh}
tahun: 2024
renstra: {mulai: 2020, selesai: 2024}
tingkat_anggaran: [Program, Kegiatan, KRO, RO]
sasaran:
  - kode: SS1
    nama: Layanan meningkat
    indikator:
      - {kode: IKU1, nama: Indeks layanan, satuan: indeks, target: 4, realisasi: 3}
program:
  - kode: P1
    nama: Program Dukungan
    mendukung: [IKU1]
    kegiatan:
      - kode: K1
        nama: Kegiatan Layanan
        rincian:
          - kode: KRO1
            nama: Layanan Perkantoran
            indikator:
              - {kode: IKRO1, nama: Layanan yang diberikan, satuan: layanan, target: 8,
                 realisasi: 6}
            rincian:
              - kode: RO1
                nama: Layanan Umum
                pagu: 1000
                realisasi: 900
                indikator:
                  - {kode: IRO1, nama: Dokumen layanan, satuan: dokumen, target: 50,
                     realisasi: 55}
"""


def test_a_ministrys_kro_and_ro_get_a_table_each_named_by_its_level() -> None:
    tables = bangun(hasil(_KL), ["kinerja-sub-kegiatan"])
    assert [t.kolom[0].judul for t in tables] == ["KRO", "RO"]
    assert tables[0].judul[0].startswith("Capaian Kinerja KRO Pendukung Sasaran Strategis I")
    # IKRO1 6 / 8 x 100 = 75,00 beside the KRO's money (its one RO's): 900 / 1.000 = 90,00
    assert baris(tables[0]) == [["Layanan Perkantoran", "Layanan yang diberikan", "layanan",
                                 "8", "6", "75,00", "1.000", "900", "90,00"]]
    # IRO1 55 / 50 x 100 = 110,00
    assert baris(tables[1])[0][3:6] == ["50", "55", "110,00"]


def test_penomoran_relabels_the_program_table_and_check_reads_its_place() -> None:
    from lkjip_cli.audit import audit

    teks = TEKS.replace("periode: {sampai: TW2}\n",
                        'periode: {sampai: TW2}\npenomoran: {kinerja-program: "III.4"}\n')
    # printed 121,00 where (2 x 10 - 8) / 10 x 100 = 120,00
    teks = teks.replace('capaian: {E.81: "120,00"}', 'capaian: {E.81: "120,00", III.4: "121,00"}')
    h = hasil(teks)
    [t] = bangun(h, ["kinerja-program"])
    assert t.caption.startswith("Tabel III.4 ")
    got = [(f.tabel, f.lokasi, f.dicetak, f.dihitung, f.tingkat.value)
           for f in audit(h).temuan if f.tingkat.value != "cocok"]
    assert got == [
        # the two documents of one file disagree (audit/renja.py), naming both places
        ("Tabel E.81", "IKP1", D("120.00"), D("121.00"), "selisih"),
        ("Tabel III.4", "IKP1", D("121.00"), D("120"), "selisih")]


def test_check_reads_a_sub_kegiatan_indicator_at_its_table() -> None:
    from lkjip_cli.audit import audit

    # ISK1 in its LKjIP table (3.8a) is measured to the report's period: 16 / 20 = 80,00;
    # 40,00 is the form's (16 of the year's 40), printed at the wrong place
    teks = TEKS.replace("                target: 40\n",
                        '                target: 40\n                dilaporkan: '
                        '{capaian: {"3.8a": "40,00"}}\n', 1)
    got = [(f.tabel, f.lokasi, f.dicetak, f.dihitung) for f in audit(hasil(teks)).temuan
           if f.lokasi == "ISK1"]
    assert got == [("Tabel 3.8a", "ISK1", D("40.00"), D("80"))]


def test_compute_prints_json_and_csv_of_the_program_table() -> None:
    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app

    path = str(ROOT / "data" / "contoh-renja.yaml")
    out = CliRunner().invoke(app, ["compute", path, "--tabel", "kinerja-program",
                                   "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    text = json.dumps(data, ensure_ascii=False)
    assert "Capaian Kinerja Program" in text and "31,67" in text and "120,00" in text
    out = CliRunner().invoke(app, ["compute", path, "--tabel", "kinerja-sub-kegiatan",
                                   "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert "Jumlah alat kesehatan yang diadakan,unit,20,16,80,800000000,200000000,25\n" \
        in out.output


def test_markdown_places_each_level_around_tabel_3_8() -> None:
    from lkjip_cli.render.markdown.templat import render_markdown

    md = render_markdown(hasil(), bab=["3"])
    program = md.index("**Tabel 3.7a** Capaian Kinerja Program")
    kegiatan = md.index("**Tabel 3.8** Indikator Kinerja Kegiatan")
    sub = md.index("**Tabel 3.8a** Capaian Kinerja Sub Kegiatan")
    assert program < kegiatan < sub


def test_explain_names_a_program_indicator_and_its_level() -> None:
    from lkjip_cli.render.teks.jelaskan import jelaskan

    result = load_text(TEKS, "contoh-renja.yaml")
    assert result.report is not None
    lines = jelaskan(hitung(result.report), "IKP1", result.source)
    assert lines is not None
    assert lines[0] == "IKP1 — Angka kematian bayi (indikator program 1.02.02)"
    assert "Capaian: 120,00%" in lines


def test_word_prints_the_program_table() -> None:
    pytest.importorskip("docx")
    import docx

    from lkjip_cli.render.docx import dokumen_docx

    data = dokumen_docx(hasil(), bab=[], tabel=["kinerja-program"])
    doc = docx.Document(io.BytesIO(data))
    [t] = doc.tables
    cells = [c.text for c in t.rows[2].cells]  # under the titles and the column numbers
    assert cells[5:] == ["120,00", "1.200.000.000", "380.000.000", "31,67"]


def test_the_xlsx_sheets_recalculate_to_the_hand_worked_figures(tmp_path: Path) -> None:
    pytest.importorskip("formulas")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from rekalkulasi import bandingkan, hitung_ulang

    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja

    h = hasil()
    wb, lembar = buku_kerja(h, bab=[], tabel=["kinerja-program", "kinerja-sub-kegiatan",
                                              "3.13"])
    path = tmp_path / "kinerja.xlsx"
    wb.save(path)
    nilai = hitung_ulang(path)
    n, beda = bandingkan(lembar, nilai, h.laporan.aturan)
    assert beda == []
    assert n >= 20
    program, sub = (lb.ws for lb in lembar[:2])
    # row 4: the first indicator row; F capaian, G-H the node's money, I penyerapan
    assert program["F4"].value.startswith("=")
    assert program["G4"].value == "='Tabel 3.13'!C4"       # the program's pagu, summed there
    assert nilai[f"{program.title.upper()}!F4"] == pytest.approx(120.0)
    assert nilai[f"{program.title.upper()}!I4"] == pytest.approx(31.67)  # 380 / 1.200
    assert nilai[f"{program.title.upper()}!G4"] == pytest.approx(1_200_000_000)
    assert nilai[f"{sub.title.upper()}!F4"] == pytest.approx(80.0)       # 16 / 20
    assert nilai[f"{sub.title.upper()}!I5"] == pytest.approx(45.0)       # 180 / 400
