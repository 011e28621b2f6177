"""Charts: the data each chart shows (not its pixels), and where charts land.

Expected data from the reference report (LKjIP 2020 BKD Prov. Kaltim): Tabel 3.5 targets and
realisasi (IKU1 75 / 73, IKU2 50 / 0, IKU3 20 / 6,23 negatif, IKU4 100 / 100), capaian
73 / 75 = 97,33, (2 x 20 - 6,23) / 20 = 168,85; Tabel 3.6 realisasi 2019 (84,19, 0, 10, 100);
Tabel 3.7 Renstra 2023 targets (85, 85, 10, 100); Tabel 3.13 penyerapan per program
(98,96 ... 99,16); the Permendagri 86/2017 bands (< 51, 51-66, 66-76, 76-91, >= 91).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import listing
from typer.testing import CliRunner

from lkjip_cli.cli import export_cmd, opsi
from lkjip_cli.cli.app import app
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load
from lkjip_cli.render.grafik import Seri, data_grafik, pecah

D = Decimal
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
runner = CliRunner()


@pytest.fixture(scope="module")
def grafik() -> dict[str, Any]:
    result = load(str(DATA))
    assert result.report is not None
    return {g.kode: g for g in data_grafik(hitung(result.report))}


def test_one_chart_per_sasaran_and_one_of_each_other_kind(grafik: dict[str, Any]) -> None:
    assert list(grafik) == ["target-realisasi-SS1", "target-realisasi-SS2",
                            "target-realisasi-SS3", "capaian-skala", "realisasi-tahunan",
                            "penyerapan-program"]


def test_target_vs_realisasi_per_sasaran(grafik: dict[str, Any]) -> None:
    ss1 = grafik["target-realisasi-SS1"]
    assert ss1.judul == "Target dan Realisasi Sasaran Strategis I"
    assert ss1.kategori == ("IKU1", "IKU2")
    assert ss1.seri == (Seri("Target", (D(75), D(50))), Seri("Realisasi", (D(73), D(0))))
    assert ss1.label == ("capaian 97,33%", "capaian 0,00%")
    # IKU3 is negative (6,23 below the target 20 is good): the panel says so
    assert grafik["target-realisasi-SS2"].label == ("capaian 168,85% (makin kecil makin baik)",)
    # one panel per indicator, each on its own axis in the indicator's unit
    assert ss1.satuan == ("%", "%")
    assert ss1.label_kategori(0) == "IKU1 Persentase SDM Aparatur yang memenuhi …"


def test_a_chart_of_panels_is_one_excel_chart_per_indicator(grafik: dict[str, Any]) -> None:
    satu, dua = pecah(grafik["target-realisasi-SS1"])
    assert (satu.kode, satu.judul, satu.kategori, satu.sumbu) == (
        "target-realisasi-SS1-IKU1", "Target dan Realisasi Sasaran Strategis I: IKU1",
        ("IKU1",), "%")
    assert dua.seri == (Seri("Target", (D(50),)), Seri("Realisasi", (D(0),)))
    assert dua.label == ("capaian 0,00%",)
    assert pecah(grafik["capaian-skala"]) == [grafik["capaian-skala"]]  # one unit: one chart


def test_one_unit_never_shares_an_axis_with_another() -> None:
    """Panels: an indicator near 107 and one near 0,09 each get an axis of their own."""
    pytest.importorskip("matplotlib")
    from lkjip_cli.render.grafik import DataGrafik, _panel

    data = DataGrafik("x", "Contoh", "3.5", ("A", "B"),
                      (Seri("Target", (D(107), D("0.09"))), Seri("Realisasi", (D(100), D("0.08")))),
                      "Nilai", satuan=("indeks", "rasio"), nama=("Indeks A", "Rasio B"))
    fig = _panel(data)
    a, b = fig.axes[:2]
    assert a.get_ylabel() == "indeks" and b.get_ylabel() == "rasio"
    assert b.get_ylim()[1] < 1 < 107 < a.get_ylim()[1]
    assert [t.get_text() for t in b.texts] == ["0,09", "0,08"]


def test_capaian_against_the_scale_bands(grafik: dict[str, Any]) -> None:
    g = grafik["capaian-skala"]
    assert g.label == ("97,33%", "0,00%", "168,85%", "100,00%")
    assert [(p.sebutan, p.rentang) for p in g.pita] == [
        ("Sangat Kurang", "< 51"), ("Kurang", "51–66"), ("Cukup", "66–76"),
        ("Baik", "76–91"), ("Sangat Baik", "≥ 91")]
    # the top band reaches above the highest bar: 168,85 x 1,1 = 185,735
    assert g.pita[-1].atas == D("185.735")


def test_multi_year_realisasi(grafik: dict[str, Any]) -> None:
    g = grafik["realisasi-tahunan"]
    assert [s.nama for s in g.seri] == ["Realisasi 2019", "Realisasi 2020",
                                        "Target Akhir Renstra (2023)"]
    assert g.seri[1].nilai == (D(73), D(0), D("6.23"), D(100))
    assert g.seri[0].nilai == (D("84.19"), D(0), D(10), D(100))
    assert g.satuan == ("%", "%", "%", "%")
    assert g.label == ("", "", "makin kecil makin baik", "")  # IKU3 is negative


def test_penyerapan_per_program(grafik: dict[str, Any]) -> None:
    g = grafik["penyerapan-program"]
    assert g.kategori == ("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08")
    assert g.label == ("98,96%", "99,90%", "99,27%", "99,85%", "99,64%", "94,48%", "90,08%",
                       "99,16%")
    # each bar by kode and name (the report's own words, "Program" left out)
    assert g.label_kategori(5, 40) == "P06 Peningkatan Kompetensi Aparatur"


# ------------------------------------------------------------------------ placement


def test_export_inserts_charts_in_docx_and_xlsx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("matplotlib")
    out = tmp_path / "grafik.docx"
    assert runner.invoke(app, ["export", str(DATA), "--to", "docx", "-o", str(out),
                               "--bab", "3"]).exit_code == 0
    doc = docx.Document(str(out))
    assert len(doc.inline_shapes) == 6
    # every chart: a numbered Gambar caption below it (a SEQ field, numbered within the
    # chapter of the table it illustrates) and its source
    teks = [p.text for p in doc.paragraphs]
    caps = [p for p in doc.paragraphs if p.style.name == "Caption" and p.text.startswith("Gambar")]
    assert [c.text for c in caps] == [
        "Gambar 3.1 Target dan Realisasi Sasaran Strategis I",
        "Gambar 3.2 Target dan Realisasi Sasaran Strategis II",
        "Gambar 3.3 Target dan Realisasi Sasaran Strategis III",
        "Gambar 3.4 Capaian Indikator Kinerja dan Skala Kategori",
        "Gambar 3.5 Realisasi 2019, 2020 dan Target Akhir Renstra (2023)",
        "Gambar 3.6 Penyerapan Anggaran per Program Tahun 2020"]
    seq = [[t.text.strip() for t in c._p.iter(qn("w:instrText"))] for c in caps]
    assert seq == [[r"SEQ Gambar \* ARABIC \r 1"]] + [[r"SEQ Gambar \* ARABIC"]] * 5
    sumber = [teks[teks.index(c.text) + 1] for c in caps]
    assert sumber == ["Sumber: Tabel 3.5, diolah"] * 4 + ["Sumber: Tabel 3.7, diolah",
                                                          "Sumber: Tabel 3.13, diolah"]
    xlsx = tmp_path / "grafik.xlsx"
    assert runner.invoke(app, ["export", str(DATA), "--to", "xlsx", "-o", str(xlsx),
                               "--tabel", "3.5"]).exit_code == 0
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Tabel 3.5", "Skala", "Temuan", "Grafik"]  # Skala: Kategori
    assert wb["Grafik"]["A1"].value == "Target dan Realisasi Sasaran Strategis I: IKU1"


def test_export_without_matplotlib_says_so_in_one_line(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    docx = pytest.importorskip("docx")
    monkeypatch.setattr(export_cmd, "matplotlib_ada", lambda: False)
    out = tmp_path / "tanpa.docx"
    result = runner.invoke(app, ["export", str(DATA), "--to", "docx", "-o", str(out),
                                 "--tabel", "3.5"])
    assert result.exit_code == 0
    assert opsi.TANPA_GRAFIK in result.stderr.splitlines()
    assert "pip install 'lkjip[grafik]'" in opsi.TANPA_GRAFIK
    assert len(docx.Document(str(out)).inline_shapes) == 0


def test_render_grafik_writes_svg_beside_the_markdown(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "bab.md"
    args = ["render", str(DATA), "-o", str(out), "--tabel", "3.5", "--grafik",
            str(tmp_path / "grafik")]
    assert runner.invoke(app, args).exit_code == 0
    assert listing(tmp_path / "grafik") == [
        "capaian-skala.svg", "penyerapan-program.svg", "realisasi-tahunan.svg",
        "target-realisasi-SS1.svg", "target-realisasi-SS2.svg", "target-realisasi-SS3.svg"]
    md = out.read_text(encoding="utf-8")
    assert "![Capaian Indikator Kinerja dan Skala Kategori](grafik/capaian-skala.svg)" in md
    svg = (tmp_path / "grafik" / "capaian-skala.svg").read_text(encoding="utf-8")
    assert svg.startswith("<!-- dibuat oleh lkjip grafik dari 2020.yaml")
    # lkjip's own charts are replaced without --force; a foreign file is kept
    assert runner.invoke(app, args).exit_code == 0
    (tmp_path / "grafik" / "capaian-skala.svg").write_text("<svg/>", encoding="utf-8")
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "tidak ditulis oleh lkjip" in result.stderr
    assert (tmp_path / "grafik" / "capaian-skala.svg").read_text(encoding="utf-8") == "<svg/>"
