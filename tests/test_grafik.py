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
from lkjip_cli.render.grafik import Seri, data_grafik

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
    assert grafik["target-realisasi-SS2"].label == ("capaian 168,85%",)


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


def test_penyerapan_per_program(grafik: dict[str, Any]) -> None:
    g = grafik["penyerapan-program"]
    assert g.kategori == ("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08")
    assert g.label == ("98,96%", "99,90%", "99,27%", "99,85%", "99,64%", "94,48%", "90,08%",
                       "99,16%")


# ------------------------------------------------------------------------ placement


def test_export_inserts_charts_in_docx_and_xlsx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("matplotlib")
    out = tmp_path / "grafik.docx"
    assert runner.invoke(app, ["export", str(DATA), "--to", "docx", "-o", str(out),
                               "--bab", "3"]).exit_code == 0
    assert len(docx.Document(str(out)).inline_shapes) == 6
    xlsx = tmp_path / "grafik.xlsx"
    assert runner.invoke(app, ["export", str(DATA), "--to", "xlsx", "-o", str(xlsx),
                               "--tabel", "3.5"]).exit_code == 0
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Tabel 3.5", "Skala", "Temuan", "Grafik"]  # Skala: Kategori
    assert wb["Grafik"]["A1"].value == "Target dan Realisasi Sasaran Strategis I"


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
