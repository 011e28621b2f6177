"""The data-entry workbook: YAML -> workbook -> YAML gives the same report, cells are read as
the user typed them, and a workbook with ten typical mistakes gets one diagnostic each."""

from __future__ import annotations

import json
import re
import textwrap
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import Result
from conftest import listing
from hypothesis import HealthCheck, given, settings
from test_docs import first_yaml_block
from test_engine_properties import laporan_acak
from typer.testing import CliRunner

from lkjip_cli.buku.baca_sel import desimal_dari_float
from lkjip_cli.buku.impor import PENANDA, impor
from lkjip_cli.buku.tata import LEMBAR
from lkjip_cli.buku.tulis import buku_data, buku_kosong, simpan
from lkjip_cli.cli.app import app
from lkjip_cli.diagnostics import format_text
from lkjip_cli.loader import load, load_text
from lkjip_cli.model.laporan import Laporan
from lkjip_cli.source.batas import BatasArsip

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _laporan(text: str) -> Laporan:
    loaded = load_text(text)
    assert loaded.report is not None, loaded.diagnostics
    return loaded.report


def _simpan(wb: Any, path: Path) -> Path:
    path.write_bytes(simpan(wb))
    return path


# -------------------------------------------------------------------- round trip


def test_reference_report_round_trips_through_the_workbook(tmp_path: Path) -> None:
    asli = load(DATA).report
    assert asli is not None
    buku = _simpan(buku_data(asli), tmp_path / "2020.xlsx")
    out = tmp_path / "2020.yaml"
    result = run("import", str(buku), "-o", str(out))
    assert result.exit_code == 0, result.output
    kembali = load(out)
    assert kembali.report is not None
    assert kembali.report.model_dump() == asli.model_dump()
    # The places a report printed survive (`99,90` is audited at two places, not one).
    pk = kembali.report.program[1].dilaporkan.penyerapan["3.13"]
    assert str(pk) == "99.90"
    # Every value names its cell.
    assert "realisasi: 27407070963.98  # Belanja!F3" in out.read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8").startswith(PENANDA)


def test_format_example_round_trips(tmp_path: Path) -> None:
    """docs/format.md's example holds what 2020.yaml lacks: a range target, a null realisasi,
    `batas_atas`, printed categories and Renstra captions."""
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    asli = _laporan(first_yaml_block(text))
    hasil = impor(_simpan(buku_data(asli), tmp_path / "contoh.xlsx"))
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    assert hasil.laporan.model_dump() == asli.model_dump()


def test_own_scale_bands_round_trip_through_the_skala_sheet(tmp_path: Path) -> None:
    text = BASE + textwrap.dedent("""\
        aturan:
          skala_interpretasi:
            - {kode: rendah, sebutan: Rendah}
            - {kode: sedang, sebutan: Sedang, mulai: 50, inklusif: false}
            - {kode: tinggi, sebutan: Tinggi, mulai: "90,5"}
          batas_atas: {nilai: 120, berlaku: []}
        """)
    asli = _laporan(text)
    wb = buku_data(asli)
    assert wb["Aturan"]["K2"].value == "lembar Skala"
    hasil = impor(_simpan(wb, tmp_path / "skala.xlsx"))
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    assert hasil.laporan.model_dump() == asli.model_dump()


def test_named_methods_round_trip_through_the_aturan_sheet(tmp_path: Path) -> None:
    """Issue 22's averaging method, efficiency methods and batas_e have Aturan columns."""
    text = BASE + textwrap.dedent("""\
        aturan:
          rata_rata: {metode: geometrik-pmk-22-2021}
          efisiensi: {sasaran: indeks-efisiensi, keseluruhan: nilai-efisiensi-pmk-22-2021,
                      batas_e: 25}
        """)
    asli = _laporan(text)
    hasil = impor(_simpan(buku_data(asli), tmp_path / "metode.xlsx"))
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    assert hasil.laporan.model_dump() == asli.model_dump()
    assert hasil.laporan.aturan.rata_rata.metode == "geometrik-pmk-22-2021"


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=laporan_acak())
def test_generated_reports_round_trip(tmp_path_factory: pytest.TempPathFactory,
                                      data: dict[str, Any]) -> None:
    asli = Laporan.model_validate(data)
    buku = _simpan(buku_data(asli), tmp_path_factory.mktemp("acak") / "acak.xlsx")
    hasil = impor(buku)
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    assert hasil.laporan.model_dump() == asli.model_dump()


def test_blank_workbook_has_every_sheet_and_its_validation(tmp_path: Path) -> None:
    buku = tmp_path / "isian.xlsx"
    result = run("init", str(buku), "--to", "xlsx", "--tahun", "2022", "--renstra",
                 "2021-2026", "--sasaran", "2", "--indikator", "3")
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(buku)
    assert wb.sheetnames == [lembar.nama for lembar in LEMBAR]
    # The kode are laid out as `lkjip init` lays them out: 3 indicators over 2 sasaran, 2 + 1,
    # with a row for each of 4 quarters and each of the 6 Renstra years 2021-2026.
    assert [(r[0].value, r[1].value) for r in wb["Indikator"].iter_rows(min_row=2)] == [
        ("SS1", "IKU1"), ("SS1", "IKU2"), ("SS2", "IKU3")]
    assert wb["Triwulan"].max_row == 1 + 3 * 4
    assert wb["Renstra"].max_row == 1 + 3 * 6
    ws = wb["Indikator"]
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["E2:E1001"] == '"positif,negatif"'  # Polaritas dropdown
    money = next(dv for dv in wb["Program Kegiatan"].data_validations.dataValidation
                 if str(dv.sqref) == "E2:E1001")
    assert (money.type, money.operator, money.formula1) == ("decimal", "greaterThanOrEqual",
                                                            "0")
    # Imported blank, it names what is still missing, at its cell.
    lines = [format_text(d) for d in impor(buku).diagnostics]
    assert f"{buku}:Instansi!A2: error[missing]: Nama instansi: sel wajib `Nama instansi` " \
           "kosong: isi sel ini" in lines
    assert f"{buku}:Indikator!D4: error[missing]: Satuan: sel wajib `Satuan` kosong: isi " \
           "sel ini" in lines


# ------------------------------------------------------------------ reading cells


@pytest.mark.parametrize("stored, number_format, expected", [
    (0.1, "General", "0.1"),                    # Excel's float for a typed 0.1
    (0.1 + 0.2, "General", "0.3"),              # 0.30000000000000004: 15 digits, as Excel shows
    (0.973, "0.0%", "97.3"),                    # shown 97,3%: read as the analyst sees it
    (0.5, "0%", "50"),
    (97.3, "0.00", "97.30"),                    # two places shown: two places kept
    (97.333, "0.00", "97.333"),                 # shown rounded, but typed with three
    (2120554565.0, "#,##0", "2120554565"),
    (5.84, "0.000", "5.840"),
])
def test_float_cells_read_as_typed(stored: float, number_format: str, expected: str) -> None:
    got = desimal_dari_float(stored, number_format)
    assert str(got) == expected


BASE = textwrap.dedent("""\
    instansi: {nama: Dinas Contoh}
    tahun: 2020
    renstra: {mulai: 2019, selesai: 2023}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - kode: IKU1
            nama: Indikator satu
            satuan: "%"
            target: 80
            realisasi: 72
            triwulan:
              - {target: 20, realisasi: 18}
              - {target: 40, realisasi: 36}
              - {target: 60, realisasi: 54}
              - {target: 80, realisasi: 72}
            target_renstra: {2019: 70, 2020: 80}
          - {kode: IKU2, nama: Indikator dua, satuan: orang, target: 100, realisasi: 90}
    program:
      - kode: P01
        nama: Program satu
        kegiatan:
          - {kode: P01.01, nama: Kegiatan satu, pagu: 2000000, realisasi: 1500000,
             mendukung: [IKU1]}
    """)


def _buku(tmp_path: Path) -> Any:
    path = _simpan(buku_data(_laporan(BASE)), tmp_path / "dasar.xlsx")
    return openpyxl.load_workbook(path)


def test_text_percent_and_formula_cells(tmp_path: Path) -> None:
    wb = _buku(tmp_path)
    ind = wb["Indikator"]
    ind["I2"] = "70,42"               # Indonesian text in a number cell: the YAML parser
    ind["I3"] = 0.973                 # IKU2 realisasi, shown 97,3%
    ind["I3"].number_format = "0.0%"
    ind["G3"] = "=50+50"              # a formula: its cached value is used (added below)
    path = _simpan(wb, tmp_path / "rumus.xlsx")
    _cache(path, "Indikator", "G3", "100")
    hasil = impor(path)
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    iku1, iku2 = hasil.laporan.sasaran[0].indikator
    assert iku1.realisasi == Decimal("70.42")
    assert iku2.realisasi == Decimal("97.3")
    assert iku2.target == Decimal(100)


def _cache(path: Path, sheet: str, cell: str, value: str) -> None:
    """Give a formula cell the value Excel would have saved with it (openpyxl cannot)."""
    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index(sheet) + 1
    name = f"xl/worksheets/sheet{index}.xml"
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts[name].decode("utf-8")
    xml, count = re.subn(rf'(<c r="{cell}"[^>]*>\s*<f>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)',
                         rf"\1<v>{value}</v>", xml)
    assert count == 1
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_three_decimals_in_a_count_unit_warn_at_the_cell(tmp_path: Path) -> None:
    wb = _buku(tmp_path)
    wb["Indikator"]["I3"] = 5.84      # IKU2 (orang) realisasi typed 5.840 in a 0.000 cell
    wb["Indikator"]["I3"].number_format = "0.000"
    hasil = impor(_simpan(wb, tmp_path / "ribuan.xlsx"))
    assert hasil.laporan is not None
    warned = [(d.sheet, d.cell, d.code) for d in hasil.diagnostics]
    assert warned == [("Indikator", "I3", "number-thousands")]


# ----------------------------------------------------------------- ten mistakes


def _sepuluh_kesalahan(tmp_path: Path) -> Path:
    wb = _buku(tmp_path)
    ind, tw = wb["Indikator"], wb["Triwulan"]
    ind["I2"] = "72 persen"                          # 1 text in a number cell
    wb["Program Kegiatan"]["E3"] = "2,000,000.00"    # 2 an English-format number
    del wb["Renstra"]                                # 3 a missing sheet
    ind["D1"] = "Satuan indikator"                   # 4 a renamed column
    ind.merge_cells("L2:M2")                         # 5 a merged cell
    wb["Sasaran"]["B2"] = None                       # 6 an empty required cell
    ind["B3"] = "IKU1"                               # 7 a duplicated kode
    ind["G3"] = "=50+50"                             # 8 a formula without a cached value
    tw["C2"].number_format = "dd/mm/yyyy"            # 9 a date-formatted target
    ind["G2"] = "delapan puluh"                      # 10 a target typed as a word
    return _simpan(wb, tmp_path / "data.xlsx")


def test_ten_mistakes_one_diagnostic_each(tmp_path: Path) -> None:
    path = _sepuluh_kesalahan(tmp_path)
    found = [(d.sheet, d.cell, d.code) for d in impor(path).diagnostics]
    assert sorted(found, key=str) == sorted([
        ("Indikator", "I2", "number-invalid"),
        ("Program Kegiatan", "E3", "number-format"),
        ("Renstra", None, "sheet-missing"),
        ("Indikator", "D1", "column-unknown"),
        ("Indikator", "L2", "cell-merged"),
        ("Sasaran", "B2", "missing"),
        ("Indikator", "B3", "duplicate-kode"),
        ("Indikator", "G3", "cell-formula"),
        ("Triwulan", "C2", "cell-date"),
        ("Indikator", "G2", "number-invalid"),
    ], key=str)


def test_ten_mistakes_exit_2_and_write_nothing(tmp_path: Path) -> None:
    path = _sepuluh_kesalahan(tmp_path)
    out = tmp_path / "hasil.yaml"
    result = run("import", str(path), "-o", str(out))
    assert result.exit_code == 2
    assert not out.exists()
    assert listing(tmp_path) == ["dasar.xlsx", "data.xlsx"]
    lines = result.stderr.splitlines()
    assert len(lines) == 10
    # In the workbook's terms: no YAML line, path or advice.
    assert not [line for line in lines if "YAML" in line or "line" in line or "[0]" in line]
    assert f"{path}:Indikator!B3: error[duplicate-kode]: Kode: kode `IKU1` sudah dipakai di " \
           "Indikator!B2; setiap kode dalam laporan harus unik" in lines
    assert any(line.startswith(f"{path}:Renstra: error[sheet-missing]: lembar `Renstra` "
                               "tidak ada") for line in lines)
    assert f"{path}:Indikator!D1: error[column-unknown]: kolom `Satuan indikator` tidak " \
           "dikenal; maksudnya `Satuan`? Kembalikan judul kolom itu" in lines
    assert any(line.startswith(f"{path}:Triwulan!C2: error[cell-date]: Target: sel berformat "
                               "tanggal") for line in lines)
    assert any(line.startswith(f"{path}:Indikator!G3: error[cell-formula]: Target: sel berisi "
                               "rumus =50+50 tanpa nilai tersimpan") for line in lines)


def test_import_keeps_a_foreign_file_and_replaces_its_own(tmp_path: Path) -> None:
    path = _simpan(buku_data(_laporan(BASE)), tmp_path / "data.xlsx")
    out = tmp_path / "data.yaml"
    out.write_text("# ditulis tangan\n", encoding="utf-8")
    refused = run("import", str(path), "-o", str(out))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "# ditulis tangan\n"
    assert run("import", str(path), "-o", str(out), "--force").exit_code == 0
    assert run("import", str(path), "-o", str(out)).exit_code == 0  # its own: replaced
    assert _laporan(out.read_text(encoding="utf-8")).model_dump() == \
        _laporan(BASE).model_dump()


def test_not_a_workbook_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "bukan.xlsx"
    path.write_text("bukan zip", encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}: error[xlsx-invalid]: berkas bukan buku kerja")


def test_blank_workbook_keeps_given_instansi(tmp_path: Path) -> None:
    wb = buku_kosong(tahun=2022, mulai=2021, selesai=2026, instansi="Dinas X")
    assert [c.value for c in wb["Instansi"][2]][:5] == ["Dinas X", None, 2022, 2021, 2026]


def test_docs_name_every_sheet_column_and_workbook_code() -> None:
    text = (ROOT / "docs" / "excel.md").read_text(encoding="utf-8")
    missing = [f"{lembar.nama}/{k.judul}" for lembar in LEMBAR for k in lembar.kolom
               if f"### {lembar.nama}\n" not in text or f"| {k.judul} |" not in text]
    assert missing == []
    source = "".join(p.read_text(encoding="utf-8")
                     for p in (ROOT / "lkjip_cli" / "buku").glob("baca*.py"))
    codes = set(re.findall(r'"((?:sheet|column|cell|xlsx)-[a-z]+)"', source))
    assert codes and sorted(c for c in codes if f"| `{c}` | error |" not in text) == []


def test_a_workbook_that_unzips_too_large_is_refused_unopened(tmp_path: Path) -> None:
    path = _simpan(buku_data(_laporan(BASE)), tmp_path / "besar.xlsx")
    # the sheets' XML exceeds 10,000 bytes altogether
    found = [(d.code, d.sheet) for d in impor(path, batas=BatasArsip(terurai=10_000)).diagnostics]
    assert found == [("too-large", None)]


def test_json_diagnostics_carry_sheet_and_cell(tmp_path: Path) -> None:
    wb = _buku(tmp_path)
    wb["Indikator"]["G2"] = "delapan puluh"
    result = run("import", str(_simpan(wb, tmp_path / "data.xlsx")), "--format", "json")
    assert result.exit_code == 2
    rows = json.loads(result.stdout)["diagnostics"]
    assert [(r["sheet"], r["cell"], r["code"], r["line"]) for r in rows] == [
        ("Indikator", "G2", "number-invalid", None)]
