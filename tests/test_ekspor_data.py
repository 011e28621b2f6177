"""`lkjip export --to xlsx --data` writes the data-entry workbook that `lkjip import` reads
back into the same report (the CLI wiring of issue 12 to issue 11's command)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.loader import load

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
runner = CliRunner()


def test_export_data_then_import_gives_the_same_report(tmp_path: Path) -> None:
    buku, kembali = tmp_path / "isian.xlsx", tmp_path / "kembali.yaml"
    result = runner.invoke(app, ["export", str(DATA), "--to", "xlsx", "--data", "-o", str(buku)])
    assert result.exit_code == 0, result.output
    assert "grafik" not in result.stderr  # a data workbook has no charts to leave out
    result = runner.invoke(app, ["import", str(buku), "-o", str(kembali)])
    assert result.exit_code == 0, result.output
    asli, dibaca = load(DATA).report, load(kembali).report
    assert asli is not None and dibaca is not None
    assert dibaca == asli


def test_a_data_workbook_lkjip_wrote_is_replaced_without_force(tmp_path: Path) -> None:
    buku = tmp_path / "isian.xlsx"
    args = ["export", str(DATA), "--to", "xlsx", "--data", "-o", str(buku)]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, args).exit_code == 0  # its creator says lkjip


def test_data_only_with_xlsx(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(DATA), "--to", "docx", "--data",
                                 "-o", str(tmp_path / "x.docx")], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "--data" in result.stderr and "hanya untuk --to xlsx" in result.stderr
    assert list(tmp_path.iterdir()) == []
