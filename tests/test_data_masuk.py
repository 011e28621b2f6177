"""Data in: the three-decimal warning and the CSV for Indonesian Excel (issue 12)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import Result
from conftest import MINIMAL, PROGRAM, vary
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.loader import load_text

ROOT = Path(__file__).resolve().parent.parent
DATA = str(ROOT / "data" / "2020.yaml")


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


# ------------------------------------------------------------ three-decimal warning


def _warnings(text: str) -> list[tuple[str, int | None, int | None, str]]:
    return [(d.code, d.line, d.column, d.path) for d in load_text(text).diagnostics]


def test_three_decimals_in_a_count_unit_warns_with_the_fix() -> None:
    text = vary(vary(MINIMAL, 'satuan: "%"', "satuan: orang"), "target: 80", "target: 5.840")
    result = load_text(text)
    assert result.ok  # a warning, not an error
    # Line 12 `        target: 5.840`: value at column 17 (conftest layout).
    assert _warnings(text) == [("number-thousands", 12, 17, "sasaran[0].indikator[0].target")]
    message = result.diagnostics[0].message
    assert "5840" in message and '"5.840,-"' in message


@pytest.mark.parametrize("satuan, target", [
    ('"%"', "5.840"),          # a share: decimals are normal
    ("orang", "5.84"),         # two decimals: not a thousands group
    ("orang", '"5.840,-"'),    # the fix itself
    ("orang", "5840"),         # the other fix
    ("orang", "1234.567"),     # four digits before the dot: no thousands group
])
def test_no_warning_without_both_a_count_unit_and_three_decimals(satuan: str,
                                                                   target: str) -> None:
    text = vary(vary(MINIMAL, 'satuan: "%"', f"satuan: {satuan}"), "target: 80",
                f"target: {target}")
    assert _warnings(text) == []


def test_warning_reaches_quarters_ranges_years_and_kegiatan_indicators() -> None:
    text = vary(MINIMAL, 'satuan: "%"', "satuan: Dokumen PNS")
    text = vary(text, "realisasi: 72\n", "realisasi: 72\n"
                "        triwulan: [{target: 1.250, realisasi: 7}]\n"
                "        realisasi_sebelumnya: {2019: 2.500}\n"
                "        target_renstra: {2021: {min: 3.000, maks: 4000}}\n")
    text += vary(PROGRAM, "mendukung: [IKU1]", "mendukung: [IKU1]\n"
                 "        indikator:\n"
                 "          - {kode: K1, nama: Pelatihan, satuan: peserta, target: 1.500}\n")
    paths = [p for code, _, _, p in _warnings(text) if code == "number-thousands"]
    assert paths == [
        "sasaran[0].indikator[0].triwulan[0].target",
        "sasaran[0].indikator[0].realisasi_sebelumnya.2019",
        "sasaran[0].indikator[0].target_renstra.2021.min",
        "program[0].kegiatan[0].indikator[0].target",
    ]


def test_reference_report_has_no_mistyped_thousands() -> None:
    text = Path(DATA).read_text(encoding="utf-8")
    assert "number-thousands" not in [d.code for d in load_text(text).diagnostics]


# ---------------------------------------------------------------- CSV, locale id


def test_csv_locale_id_opens_with_semicolons_and_comma_decimals() -> None:
    result = run("compute", DATA, "--tabel", "3.5", "--format", "csv", "--locale", "id")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter=";"))
    assert rows[0] == ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi",
                       "Capaian (%)", "Kategori"]
    # IKU1: 73 / 75 x 100 = 97,333... -> 97,33 (two places, half-up, as Tabel 3.5 rounds).
    assert rows[1][3:6] == ["75", "73", "97,33"]
    # IKU3 negative: (2 x 20 - 6,23) / 20 x 100 = 168,85; realisasi keeps its own places.
    assert rows[3][3:6] == ["20", "6,23", "168,85"]


def test_csv_locale_id_rupiah_has_no_thousands_dots() -> None:
    result = run("compute", DATA, "--tabel", "3.13", "--format", "csv", "--locale", "id")
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter=";"))
    # Program 1: pagu 2.120.554.565, realisasi 2.098.578.585; 2098578585/2120554565 = 98,96%.
    assert rows[1][2:5] == ["2120554565", "2098578585", "98,96"]


def test_csv_default_stays_machine_readable() -> None:
    result = run("compute", DATA, "--tabel", "3.5", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1][5].startswith("97.3333")  # 73/75*100 exact, dot decimal


def test_locale_only_with_csv() -> None:
    result = run("compute", DATA, "--locale", "id")
    assert result.exit_code == 2
    assert "--locale hanya untuk --format csv" in result.output
