"""The data-entry workbook carries the cascade of issue 23 (point 6): indicators of programs,
kegiatan and sub kegiatan with their quarters, months and Renstra years, each node's money
per quarter, month and Renstra year, its unit penanggung jawab, and the Evaluasi Renja block
with its narrative and printed figures. data/contoh-renja.yaml goes YAML -> workbook -> YAML
with the same figures; findings name the cells of the new sheets; mistakes there are named
at their cells, all at once, exit 2, nothing written; a workbook without the new sheets (an
older lkjip's) still imports."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import listing
from typer.testing import CliRunner

from lkjip_cli.buku import tata_kaskade as tk
from lkjip_cli.buku.impor import impor
from lkjip_cli.buku.tulis import buku_data, simpan
from lkjip_cli.cli.app import app
from lkjip_cli.diagnostics import format_text
from lkjip_cli.loader import load
from lkjip_cli.model.laporan import Laporan

ROOT = Path(__file__).resolve().parent.parent
RENJA = ROOT / "data" / "contoh-renja.yaml"


def _jalankan(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def _laporan(path: Path) -> Laporan:
    lap = load(path).report
    assert lap is not None
    return lap


def _buku(tmp: Path, sumber: Path = RENJA) -> tuple[Path, openpyxl.Workbook]:
    path = tmp / "isian.xlsx"
    path.write_bytes(simpan(buku_data(_laporan(sumber))))
    return path, openpyxl.load_workbook(path)


def _kolom(ws: Any, judul: str) -> int:
    return next(i for i, c in enumerate(ws[1], start=1) if c.value == judul)


def _baris(ws: Any, **kunci: Any) -> int:
    """The row whose columns (by heading) hold `kunci`."""
    kolom = {j: _kolom(ws, j) for j in kunci}
    for r in range(2, ws.max_row + 1):
        if all(ws.cell(r, kolom[j]).value == v for j, v in kunci.items()):
            return r
    raise AssertionError(kunci)


def _sel(ws: Any, judul: str, **kunci: Any) -> Any:
    return ws.cell(_baris(ws, **kunci), _kolom(ws, judul))


# -------------------------------------------------------------------- round trip


@pytest.mark.parametrize("nama", ["contoh-renja.yaml", "contoh-2023.yaml", "2020.yaml"])
def test_export_data_and_import_give_the_same_computed_report(tmp_path: Path,
                                                              nama: str) -> None:
    sumber = ROOT / "data" / nama
    buku, kembali = tmp_path / "isian.xlsx", tmp_path / "kembali.yaml"
    ekspor = _jalankan("export", str(sumber), "--to", "xlsx", "--data", "-o", str(buku))
    assert ekspor.exit_code == 0, ekspor.output
    assert _jalankan("import", str(buku), "-o", str(kembali)).exit_code == 0
    assert _laporan(kembali).model_dump() == _laporan(sumber).model_dump()
    asli = _jalankan("compute", str(sumber), "--format", "json")
    lagi = _jalankan("compute", str(kembali), "--format", "json")
    assert asli.exit_code == lagi.exit_code == 0
    assert json.loads(lagi.stdout) == json.loads(asli.stdout)


def test_the_cascade_lands_on_its_sheets(tmp_path: Path) -> None:
    """Figures of data/contoh-renja.yaml, read on the sheets an analyst fills."""
    _, wb = _buku(tmp_path)
    simpul = wb["Indikator Simpul"]
    assert [(simpul.cell(r, 1).value, simpul.cell(r, 2).value) for r in range(2, 6)] == [
        ("1.02.02", "IKP1"), ("1.02.02.2.01.0014", "ISK1"), ("1.02.02.2.02.0001", "ISK2"),
        ("1.02.02.2.02.0002", "ISK3")]
    assert _sel(simpul, "Polaritas", Kode="IKP1").value == "negatif"
    assert _sel(simpul, "Mendukung", Kode="IKP1").value == "SS1"
    assert _sel(simpul, "Rekap triwulan", Kode="ISK1").value == "jumlah"
    assert _sel(simpul, "Keterangan", Kode="ISK3").value == (
        "Target nol kasus; capaian tidak dapat dihitung")
    assert _sel(wb["Indikator Kegiatan"], "Rekap triwulan", Kode="IKK1").value == "jumlah"
    # A node indicator's quarters and Renstra years on the sheets every indicator uses.
    assert _sel(wb["Triwulan"], "Realisasi", Indikator="IKP1", Triwulan=1).value == 9
    assert _sel(wb["Renstra"], "Target Renstra", Indikator="IKK1", Tahun=2026).value == 24
    assert _sel(wb["Renstra"], "Realisasi tahun itu", Indikator="ISK3", Tahun=2021).value == 2
    # A node's money over time, and who answers for it.
    uang = wb["Anggaran Triwulan"]
    assert _sel(uang, "Realisasi", Kode="1.02.02.2.01.0014", Triwulan=2).value == 150_000_000
    renstra = wb["Anggaran Renstra"]
    assert _sel(renstra, "Pagu Renstra", Kode="1.02.02.2.02.0002", Tahun=2024).value == (
        150_000_000)
    assert _sel(renstra, "Realisasi tahun itu", Kode="1.02.02.2.02.0001",
                Tahun=2022).value == 330_000_000
    assert _sel(wb["Program Kegiatan"], "Penanggung jawab",
                Kode="1.02.02.2.02.0001").value == "Seksi Kesehatan Keluarga"
    ev = wb["Evaluasi Renja"]
    assert [c.value for c in ev[2]][:7] == ["TW2", "17-kolom", "renja", "tahunan", "semua",
                                           "permendagri-86-2017",
                                           "Program, Kegiatan, Sub Kegiatan"]
    assert ev.cell(2, _kolom(ev, "Faktor penghambat")).data_type == "s"
    assert _sel(wb["Dilaporkan"], "Nilai", Bagian="evaluasi renja",
                Besaran="predikat_anggaran").value == "Sangat Rendah"
    capaian = _sel(wb["Dilaporkan"], "Nilai", Bagian="indikator simpul", **{
        "Kode atau tahun": "IKP1", "Besaran": "capaian"})
    assert (capaian.value, capaian.number_format) == (120, "0.00")  # printed 120,00


def test_monthly_realisasi_of_a_leaf_keeps_its_empty_months(tmp_path: Path) -> None:
    """`realisasi_bulanan` with a month without data in the middle and at the end: a row
    with an empty Realisasi each, read back as null in its place."""
    teks = RENJA.read_text(encoding="utf-8").replace(
        "            realisasi_triwulan: [50000000, 150000000]\n",
        "            realisasi_triwulan: [50000000, 150000000]\n"
        "            realisasi_bulanan: [10000000, null, 40000000, 50000000, 50000000, "
        "50000000, null]\n", 1)
    sumber = tmp_path / "bulanan.yaml"
    sumber.write_text(teks, encoding="utf-8")
    path, wb = _buku(tmp_path, sumber)
    bulan = wb["Anggaran Bulan"]
    assert [(bulan.cell(r, 2).value, bulan.cell(r, 3).value) for r in range(2, 9)] == [
        (1, 10_000_000), (2, None), (3, 40_000_000), (4, 50_000_000), (5, 50_000_000),
        (6, 50_000_000), (7, None)]
    hasil = impor(path)
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    assert hasil.laporan.program[0].kegiatan[0].rincian[0].realisasi_bulanan == (
        Decimal(10_000_000), None, Decimal(40_000_000), *[Decimal(50_000_000)] * 3, None)
    assert hasil.laporan.model_dump() == _laporan(sumber).model_dump()


# ------------------------------------------------------------ findings at the cells


def _impor_yaml(tmp: Path, wb: openpyxl.Workbook) -> Path:
    buku, out = tmp / "isian.xlsx", tmp / "renja.yaml"
    wb.save(buku)
    result = _jalankan("import", str(buku), "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    return out


def test_imported_yaml_names_the_cells_of_the_cascade(tmp_path: Path) -> None:
    _, wb = _buku(tmp_path)
    teks = _impor_yaml(tmp_path, wb).read_text(encoding="utf-8")
    for baris in ("- kode: IKP1  # Indikator Simpul!B2", "- 150000000  # Anggaran Triwulan!C3",
                  "2024: 150000000  # Anggaran Renstra!C",
                  "penanggung_jawab: Seksi Kesehatan Keluarga  # Program Kegiatan!N",
                  "sampai: TW2  # Evaluasi Renja!A2", "rekap_triwulan: jumlah  # Indikator "
                  "Kegiatan!M2"):
        assert baris in teks


def test_check_and_explain_name_the_cells_of_the_renja_form(tmp_path: Path) -> None:
    _, wb = _buku(tmp_path)
    dilaporkan = wb["Dilaporkan"]
    rata = _sel(dilaporkan, "Nilai", Bagian="evaluasi renja",
                Besaran="rata_rata_capaian_kinerja")
    assert (rata.value, rata.number_format) == (63.4, "0.00")  # (120+55+40+52+50) / 5
    rata.value = 64.4
    out = _impor_yaml(tmp_path, wb)
    hasil = _jalankan("check", str(out), "--format", "json")
    assert hasil.exit_code == 1, hasil.output
    temuan = [t for t in json.loads(hasil.output)["temuan"]
              if t["path"] == "evaluasi_renja.dilaporkan.rata_rata_capaian_kinerja.E.81"]
    assert [(t["buku"], t["sel"]) for t in temuan] == [
        ("isian.xlsx", f"Dilaporkan!{rata.coordinate}")]
    # explain: a program indicator's quarter came from its Triwulan row.
    tw2 = _sel(wb["Triwulan"], "Realisasi", Indikator="IKP1", Triwulan=2)
    penjelasan = _jalankan("explain", str(out), "IKP1")
    assert penjelasan.exit_code == 0, penjelasan.output
    assert f"isian.xlsx:Triwulan!{tw2.coordinate}" in penjelasan.output


def test_validate_names_the_cell_of_a_quarter_that_does_not_add_up(tmp_path: Path) -> None:
    """A leaf's money per quarter no longer adds up to its realisasi: the warning
    (`realisasi-triwulan`) names the Anggaran Triwulan cells' sheet."""
    _, wb = _buku(tmp_path)
    sel = _sel(wb["Anggaran Triwulan"], "Realisasi", Kode="1.02.02.2.01.0014", Triwulan=2)
    sel.value = 140_000_000
    out = _impor_yaml(tmp_path, wb)
    result = _jalankan("validate", str(out))
    baris = [b for b in result.output.splitlines() if "realisasi-triwulan" in b]
    assert baris and "isian.xlsx:Anggaran Triwulan!" in baris[0], result.output


# ---------------------------------------------------------------- mistakes


def _kesalahan(tmp: Path) -> Path:
    path, wb = _buku(tmp)
    simpul, uang = wb["Indikator Simpul"], wb["Anggaran Triwulan"]
    r = simpul.max_row + 1                                            # 1 no such node
    for judul, nilai in (("Simpul", "1.02.02.2.01.014"), ("Kode", "ISK9"),
                         ("Nama", "Jumlah puskesmas"), ("Satuan", "unit")):
        simpul.cell(r, _kolom(simpul, judul)).value = nilai
    _sel(simpul, "Target", Kode="ISK2").value = "sembilan puluh"       # 2 a word
    _sel(simpul, "Rekap Renstra", Kode="ISK3").value = "rata-rata"     # 3 not a choice
    _sel(uang, "Triwulan", Kode="1.02.02.2.02.0001", Triwulan=2).value = 1  # 4 twice
    _sel(uang, "Realisasi", Kode="1.02.02.2.02.0002", Triwulan=1).value = None  # 5 empty
    _sel(wb["Renstra"], "Target tahun itu", Indikator="IKP1", Tahun=2022).value = 11  # 6
    ev = wb["Evaluasi Renja"]
    ev.cell(2, _kolom(ev, "Bentuk")).value = "16-kolom"                 # 7 not a choice
    _sel(wb["Anggaran Renstra"], "Kode", Kode="1.02.02.2.01.0014",
         Tahun=2021).value = "1.02.02.9"                                # 8 no such node
    wb.save(path)
    return path


def test_mistakes_on_the_new_sheets_are_named_at_their_cells_all_at_once(
        tmp_path: Path) -> None:
    found = [(d.sheet, d.cell, d.code) for d in impor(_kesalahan(tmp_path)).diagnostics]
    assert found == [
        ("Renstra", "F3", "value"),
        ("Indikator Simpul", "F4", "number-invalid"),
        ("Indikator Simpul", "N5", "type"),
        ("Indikator Simpul", "A6", "unknown-ref"),
        # the second quarter given as the first: the first stands, and the model warns
        # that one quarter is short of the evaluation's TW2
        ("Anggaran Triwulan", "A4", "realisasi-triwulan"),
        ("Anggaran Triwulan", "B5", "duplicate-key"),
        ("Anggaran Triwulan", "C6", "missing"),
        ("Anggaran Renstra", "A2", "unknown-ref"),
        ("Evaluasi Renja", "B2", "type"),
    ]


def test_mistakes_exit_2_write_nothing_and_speak_of_the_workbook(tmp_path: Path) -> None:
    path = _kesalahan(tmp_path)
    out = tmp_path / "hasil.yaml"
    result = _jalankan("import", str(path), "-o", str(out))
    assert result.exit_code == 2
    assert listing(tmp_path) == ["isian.xlsx"]
    lines = result.stderr.splitlines()
    assert len(lines) == 9, result.stderr
    assert f"{path}:Indikator Simpul!A6: error[unknown-ref]: Simpul: tidak ada program, " \
           "kegiatan atau sub kegiatan berkode `1.02.02.2.01.014`; maksudnya " \
           "`1.02.02.2.01.0014`?" in lines
    assert f"{path}:Anggaran Triwulan!B5: error[duplicate-key]: Triwulan: triwulan 1 baris " \
           "`1.02.02.2.02.0001` sudah diisi di baris 4" in lines
    assert f"{path}:Anggaran Triwulan!C6: error[missing]: Realisasi: sel wajib `Realisasi` " \
           "kosong: isi rupiah triwulan itu (0 bila tidak ada belanja)" in lines
    assert f"{path}:Renstra!F3: error[value]: Target tahun itu: `IKP1` indikator program, " \
           "kegiatan atau sub kegiatan: target tahun-tahun sebelumnya hanya untuk indikator " \
           "kinerja utama (Tabel 3.6); kosongkan sel ini" in lines
    assert f"{path}:Evaluasi Renja!B2: error[type]: Bentuk: harus salah satu dari: 17-kolom, " \
           '15-kolom, ditemukan "16-kolom"' in lines
    assert not [line for line in lines if "YAML" in line or "[0]" in line]


def test_a_missing_quarter_is_named_at_the_next_one(tmp_path: Path) -> None:
    path, wb = _buku(tmp_path)
    uang = wb["Anggaran Triwulan"]
    uang.delete_rows(_baris(uang, Kode="1.02.02.2.01.0014", Triwulan=1))
    wb.save(path)
    assert [format_text(d) for d in impor(path).diagnostics] == [
        f"{path}:Anggaran Triwulan!B2: error[missing]: Triwulan: triwulan 1 baris "
        "`1.02.02.2.01.0014` belum diisi: isi setiap triwulan sebelum triwulan ini (0 bila "
        "tidak ada belanja)"]


# -------------------------------------------------------------- older workbooks


def test_a_workbook_without_the_cascade_sheets_still_imports(tmp_path: Path) -> None:
    """A workbook of an older lkjip: no cascade sheets, no new columns on Indikator
    Kegiatan and Program Kegiatan. data/contoh-2023.yaml has no cascade: it comes back."""
    path, wb = _buku(tmp_path, ROOT / "data" / "contoh-2023.yaml")
    for lembar in tk.LEMBAR_KASKADE:
        del wb[lembar.nama]
    for nama, judul in (("Indikator Kegiatan", "Rumus negatif"),
                        ("Program Kegiatan", "Penanggung jawab")):
        ws = wb[nama]
        ws.delete_cols(_kolom(ws, judul), ws.max_column)
    wb.save(path)
    hasil = impor(path)
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    assert hasil.laporan.model_dump() == _laporan(
        ROOT / "data" / "contoh-2023.yaml").model_dump()


def test_a_kegiatan_indicator_may_also_be_typed_on_indikator_simpul(tmp_path: Path) -> None:
    """Indikator Simpul takes any node's kode: an analyst who lists a kegiatan's indicator
    there (after those of Indikator Kegiatan) gets it on that kegiatan."""
    path, wb = _buku(tmp_path)
    simpul = wb["Indikator Simpul"]
    r = simpul.max_row + 1
    for judul, nilai in (("Simpul", "1.02.02.2.01"), ("Kode", "IKK9"),
                         ("Nama", "Jumlah puskesmas yang dikunjungi"), ("Satuan", "unit"),
                         ("Target", 12)):
        simpul.cell(r, _kolom(simpul, judul)).value = nilai
    wb.save(path)
    hasil = impor(path)
    assert hasil.laporan is not None, [format_text(d) for d in hasil.diagnostics]
    kegiatan = hasil.laporan.program[0].kegiatan[0]
    assert [(i.kode, i.target) for i in kegiatan.indikator] == [
        ("IKK1", Decimal(20)), ("IKK9", Decimal(12))]


def test_missing_renstra_year_names_the_renstra_sheets_column(tmp_path: Path) -> None:
    # contoh-renja's ISK1 sums its Renstra years 2021-2026 (rekap_triwulan jumlah); without
    # the Renstra sheet's 2026 row its column 5 cannot be computed. The workbook's user
    # reads the sheet and column, not the YAML key; the YAML (check, validate) keeps it.
    path, wb = _buku(tmp_path)
    ws = wb["Renstra"]
    ws.delete_rows(_baris(ws, Indikator="ISK1", Tahun=2026))
    wb.save(path)
    found = [d for d in impor(path).diagnostics if d.code == "kaskade-renstra-tidak-lengkap"]
    assert [d.message for d in found] == [
        "indikator `ISK1` tidak punya `Target Renstra` tahun 2026 di lembar Renstra "
        "(Rekap Renstra: jumlah); kolom 5 Evaluasi Hasil Renja tidak dapat dihitung"]
    assert found[0].sheet is not None and found[0].cell is not None
