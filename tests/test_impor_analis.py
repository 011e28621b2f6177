"""What an analyst does to the data-entry workbook between `lkjip init --to xlsx` (or
`export --to xlsx --data`) and `lkjip import`, and what lkjip must say about it: found by
filling a 2021+ cascade workbook by hand (branch i2x-coba). Every mistake is named at its
sheet and cell, all at once, exit 2, nothing written; nothing typed is dropped silently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from typer.testing import CliRunner

from lkjip_cli.buku.impor import impor
from lkjip_cli.buku.tulis import buku_data, simpan
from lkjip_cli.cli.app import app
from lkjip_cli.loader import load

ROOT = Path(__file__).resolve().parent.parent
RENJA = ROOT / "data" / "contoh-renja.yaml"


def _buku(tmp: Path) -> Any:
    lap = load(RENJA).report
    assert lap is not None
    path = tmp / "isian.xlsx"
    path.write_bytes(simpan(buku_data(lap)))
    return openpyxl.load_workbook(path)


def _simpan(wb: Any, path: Path) -> Path:
    wb.save(path)
    return path


def test_a_renamed_optional_sheet_is_named_not_dropped(tmp_path: Path) -> None:
    # contoh-renja's node money per quarter (6 rows on Anggaran Triwulan) and per Renstra
    # year (16 rows on Anggaran Renstra) were lost without a word when the analyst renamed
    # the two sheets: both are optional (an older workbook has neither), so a missing one was
    # taken as absent and the import wrote its YAML, exit 0.
    wb = _buku(tmp_path)
    wb["Anggaran Triwulan"].title = "Realisasi per TW"   # no name close: its headings tell
    wb["Anggaran Renstra"].title = "Pagu Renstra"
    path = _simpan(wb, tmp_path / "ganti.xlsx")
    out = tmp_path / "hasil.yaml"
    result = CliRunner().invoke(app, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert result.stderr.splitlines() == [
        f"{path}:Anggaran Triwulan: error[sheet-missing]: lembar `Anggaran Triwulan` tidak "
        "ada; lembar `Realisasi per TW` tampaknya lembar ini yang diganti namanya: "
        "kembalikan namanya",
        f"{path}:Anggaran Renstra: error[sheet-missing]: lembar `Anggaran Renstra` tidak ada; "
        "lembar `Pagu Renstra` tampaknya lembar ini yang diganti namanya: kembalikan namanya",
    ]


def test_an_absent_optional_sheet_and_a_notes_sheet_still_import(tmp_path: Path) -> None:
    wb = _buku(tmp_path)
    del wb["Anggaran Bulan"]                   # an older workbook's: optional, not there
    catatan = wb.create_sheet("Catatan")       # the analyst's own sheet, other headings
    catatan.append(["Kode", "Uraian"])
    catatan.append(["1.02.02", "cek ulang pagu"])
    hasil = impor(_simpan(wb, tmp_path / "catatan.xlsx"))
    assert hasil.laporan is not None
    assert [d.code for d in hasil.diagnostics if d.severity.value == "error"] == []


def _galat(path: Path) -> list[str]:
    result = CliRunner().invoke(app, ["import", str(path), "-o", str(path.with_suffix(".yaml"))])
    assert result.exit_code == 2
    assert not path.with_suffix(".yaml").exists()
    return [line.removeprefix(f"{path}:") for line in result.stderr.splitlines()
            if "error[" in line]


def test_a_required_column_missing_is_one_diagnostic_not_one_per_row(tmp_path: Path) -> None:
    # The heading cleared on Sasaran (1 row) and Anggaran Renstra (16 rows) gave 1 + 16 more
    # errors, each at column A (Kode) of its row, the latter "tahun harus bilangan bulat,
    # bukan None".
    wb = _buku(tmp_path)
    wb["Sasaran"]["B1"] = None
    wb["Anggaran Renstra"]["B1"] = None
    assert _galat(_simpan(wb, tmp_path / "judul.xlsx")) == [
        "Sasaran!1:1: error[column-missing]: kolom wajib `Nama` tidak ada di baris judul",
        "Anggaran Renstra!1:1: error[column-missing]: kolom wajib `Tahun` tidak ada di baris "
        "judul",
    ]


def test_an_empty_year_cell_says_so_in_words(tmp_path: Path) -> None:
    wb = _buku(tmp_path)
    ws = wb["Anggaran Renstra"]
    assert (ws["A2"].value, ws["B2"].value) == ("1.02.02.2.01.0014", 2021)
    ws["B2"] = None
    assert _galat(_simpan(wb, tmp_path / "tahun.xlsx")) == [
        "Anggaran Renstra!B2: error[missing]: Tahun: sel wajib `Tahun` kosong: isi tahunnya "
        "(misalnya 2023)",
    ]


def test_no_two_tables_of_an_example_carry_the_same_caption() -> None:
    # contoh-2023 printed "Tabel III.5" over both Realisasi Kinerja and the capaian of 2022
    # beside 2023 (its second part, with a title of its own), in Markdown, Word and PDF.
    # (data/2020.yaml prints Tabel 3.8 once per sasaran, as its report does: not checked.)
    import re
    from collections import Counter

    for nama in ("contoh-2023", "contoh-renja", "contoh-hitung-2023"):
        result = CliRunner().invoke(app, ["render", str(ROOT / "data" / f"{nama}.yaml"),
                                          "--bab", "all"])
        assert result.exit_code == 0, result.output
        judul = re.findall(r"^\*\*Tabel [^*]+\*\*(?: \(lanjutan\))?", result.stdout, re.M)
        assert len(judul) >= 10
        assert [j for j, n in Counter(judul).items() if n > 1] == [], nama
    assert "**Tabel III.5** (lanjutan) Perbandingan Capaian Kinerja" in CliRunner().invoke(
        app, ["render", str(ROOT / "data" / "contoh-2023.yaml"), "--bab", "3"]).stdout


def test_a_rupiah_typo_gets_rupiah_advice_not_the_satuan_column(tmp_path: Path) -> None:
    # '1000.000.000' (a dot left out) in Pagu Renstra was told "satuan ditulis di kolom
    # Satuan": Anggaran Renstra has no Satuan column, and a rupiah has no unit to move.
    wb = _buku(tmp_path)
    wb["Anggaran Renstra"]["C2"] = "1000.000.000"
    wb["Indikator"]["G2"] = "sepuluh"          # an indicator's target keeps its advice
    assert _galat(_simpan(wb, tmp_path / "rupiah.xlsx")) == [
        "Indikator!G2: error[number-invalid]: Target: 'sepuluh' bukan angka: ketik angkanya "
        "saja (75, 70,42); satuan ditulis di kolom Satuan, dan data yang belum ada dikosongkan",
        "Anggaran Renstra!C2: error[number-invalid]: Pagu Renstra: '1000.000.000' bukan "
        "angka: ketik angkanya saja, titik setiap tiga angka dan koma desimal (1.250.000.000 "
        "atau 1.250.000.000,50), dan data yang belum ada dikosongkan",
    ]
