"""The new user's path of issue 20, end to end: an analyst of a Dinas Pendidikan who knows
Excel and not YAML writes a 2024 report. `lkjip init --to xlsx`, fill a three-level budget
tree (program, kegiatan, sub kegiatan) with Belanja Operasi/Modal and pagu murni in Excel,
`lkjip import`, `lkjip compute`, `lkjip export --to xlsx`, then change one cell of the
workbook and import and compute again. Every figure below is worked by hand from the typed
inputs.

The exported report workbook is then changed in the same cell (the sub kegiatan's realisasi,
its one home in Tabel 3.13) and recalculated by an engine independent of lkjip (the
`formulas` package): every figure of every sheet must equal lkjip's own for the changed
report, so the workbook the user hands on computes what lkjip computes.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from rekalkulasi import bandingkan_semua
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load
from lkjip_cli.render.xlsx.buku_kerja import buku_kerja

SUB = [
    # (tingkat, kode, induk, nama, pagu, realisasi)
    ("program", "1.01.02", None, "Program Pengelolaan Pendidikan", None, None),
    ("kegiatan", "1.01.02.2.01", "1.01.02", "Pengelolaan Pendidikan Sekolah Dasar", None, None),
    ("sub kegiatan", "1.01.02.2.01.0001", "1.01.02.2.01", "Pembangunan Ruang Kelas Baru",
     1_200_000_000, 1_080_000_000),
    ("sub kegiatan", "1.01.02.2.01.0009", "1.01.02.2.01", "Penyediaan Biaya Operasional",
     800_000_000, 760_000_000),
    ("program", "1.01.01", None, "Program Penunjang Urusan Pemerintahan Daerah", None, None),
    ("kegiatan", "1.01.01.2.02", "1.01.01", "Administrasi Keuangan Perangkat Daerah", None,
     None),
    ("sub kegiatan", "1.01.01.2.02.0001", "1.01.01.2.02", "Penyediaan Gaji dan Tunjangan ASN",
     3_000_000_000, 2_850_000_000),
]
JENIS = [  # Belanja Pegawai and Barang dan Jasa (Operasi), Modal Gedung dan Bangunan
    (2024, "5.1.01", 3_100_000_000, 3_000_000_000, 2_850_000_000),
    (2024, "5.1.02", 750_000_000, 800_000_000, 760_000_000),
    (2024, "5.2.03", 1_300_000_000, 1_200_000_000, 1_080_000_000),
]


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def _isi(ws: Any, baris: int, nilai: dict[str, Any]) -> None:
    """Type values into row `baris` under the headings named, as the user does."""
    judul = {c.value: int(c.column or 0) for c in ws[1]}
    for kolom, v in nilai.items():
        ws.cell(row=baris, column=judul[kolom], value=v)


def _isi_buku(path: Path) -> None:
    wb = openpyxl.load_workbook(path)
    _isi(wb["Sasaran"], 2, {"Nama": "Meningkatnya akses pendidikan dasar"})
    _isi(wb["Indikator"], 2, {"Nama": "Angka Partisipasi Murni SD", "Satuan": "%",
                              "Target": 98, "Realisasi": 97.02})
    for nama in ("Triwulan", "Renstra"):  # the starter rows: not used in this report
        wb[nama].delete_rows(2, wb[nama].max_row)
    for i, (tingkat, kode, induk, nama, pagu, realisasi) in enumerate(SUB, start=2):
        _isi(wb["Program Kegiatan"], i, {"Tingkat": tingkat, "Kode": kode, "Induk": induk,
                                         "Nama": nama, "Pagu": pagu, "Realisasi": realisasi,
                                         "Mendukung": "IKU1" if tingkat == "program" else None})
    _isi(wb["Belanja"], 2, {"Tahun": 2024, "Klasifikasi": "permendagri-77-2020"})
    for i, (tahun, jenis, murni, pagu, realisasi) in enumerate(JENIS, start=2):
        _isi(wb["Jenis Belanja"], i, {"Tahun": tahun, "Jenis": jenis, "Pagu murni": murni,
                                      "Pagu": pagu, "Realisasi": realisasi})
    wb.save(path)


def _hasil(path: Path) -> Hasil:
    loaded = load(path)
    assert loaded.report is not None, loaded.diagnostics
    return hitung(loaded.report)


def test_a_new_user_goes_from_a_blank_workbook_to_a_computed_report(tmp_path: Path) -> None:
    buku = tmp_path / "isian.xlsx"
    run("init", str(buku), "--to", "xlsx", "--tahun", "2024", "--renstra", "2021-2026",
        "--instansi", "Dinas Pendidikan Kabupaten Contoh")
    _isi_buku(buku)
    yaml = tmp_path / "2024.yaml"
    run("import", str(buku), "-o", str(yaml))

    h = _hasil(yaml)
    pendidikan = h.program[0]
    assert [r.kode for r in pendidikan.kegiatan[0].rincian] == [
        "1.01.02.2.01.0001", "1.01.02.2.01.0009"]
    # 1.200.000.000 + 800.000.000; 1.080.000.000 + 760.000.000; 1.840 / 2.000 x 100
    assert pendidikan.anggaran.pagu.nilai == Decimal(2_000_000_000)
    assert pendidikan.anggaran.realisasi.nilai == Decimal(1_840_000_000)
    assert pendidikan.anggaran.penyerapan.nilai == Decimal(92)
    belanja = h.belanja[0]
    # Operasi 5.1 = 3.000.000.000 + 800.000.000 (murni 3.100 + 750 juta), Modal 5.2 = 1,2 M
    kelompok = {k.kode: k for k in belanja.kelompok}
    assert kelompok["5.1"].pagu.nilai == Decimal(3_800_000_000)
    assert kelompok["5.1"].pagu_murni.nilai == Decimal(3_850_000_000)
    assert kelompok["5.1"].realisasi.nilai == Decimal(3_610_000_000)
    assert kelompok["5.1"].penyerapan.nilai == Decimal(95)  # 3.610 / 3.800 x 100
    assert kelompok["5.2"].penyerapan.nilai == Decimal(90)  # 1.080 / 1.200 x 100
    assert belanja.pagu_total.nilai == Decimal(5_000_000_000)
    assert belanja.pagu_murni is not None and belanja.pagu_murni.nilai == Decimal(5_150_000_000)
    assert h.sasaran[0].indikator[0].capaian.nilai == Decimal(99)  # 97,02 / 98 x 100

    compute = run("compute", str(yaml), "--tabel", "3.13")
    assert "1.840.000.000" in compute.output and "92,00" in compute.output
    laporan = tmp_path / "laporan.xlsx"
    run("export", str(yaml), "--to", "xlsx", "-o", str(laporan))
    _, lembar_laporan = buku_kerja(h, bab=["2", "3", "4"])  # where the export put each table
    wb = openpyxl.load_workbook(laporan)
    rumus = [c for ws in wb for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert len(rumus) > 20  # live formulas, proved by tests/test_export_rumus.py

    # The user changes one cell: the operational sub kegiatan spent 780.000.000.
    wb = openpyxl.load_workbook(buku)
    ws = wb["Program Kegiatan"]
    judul = {c.value: int(c.column or 0) for c in ws[1]}
    sel = ws.cell(row=5, column=judul["Realisasi"])
    assert ws.cell(row=5, column=judul["Kode"]).value == "1.01.02.2.01.0009"
    sel.value = 780_000_000
    wb.save(buku)
    run("import", str(buku), "-o", str(yaml))  # replaces its own earlier import
    h = _hasil(yaml)
    # 1.080.000.000 + 780.000.000 = 1.860.000.000 of 2.000.000.000: 93,00%; overall
    # 1.860.000.000 + 2.850.000.000 = 4.710.000.000 of 5.000.000.000.
    assert h.program[0].anggaran.realisasi.nilai == Decimal(1_860_000_000)
    assert h.program[0].anggaran.penyerapan.nilai == Decimal(93)
    total = sum((p.anggaran.realisasi.nilai or 0 for p in h.program), Decimal(0))
    assert total == Decimal(4_710_000_000)
    # The imported file names the cell the user changed.
    assert f"realisasi: 780000000  # Program Kegiatan!{sel.coordinate}" in yaml.read_text(
        encoding="utf-8")

    # The same change in the exported report workbook, recalculated outside lkjip: every
    # figure of every sheet (sub kegiatan, kegiatan, program and total in 3.13, the sasaran's
    # budget in 2.6, 3.10 and 3.12, the Bab IV efficiency) is the changed report's.
    wb = openpyxl.load_workbook(laporan)
    ws = wb["Tabel 3.13"]
    baris = next(r for r in range(1, ws.max_row + 1)
                 if ws.cell(row=r, column=1).value == "1.01.02.2.01.0009")
    assert ws.cell(row=baris, column=4).value == 760_000_000  # its one home, a value
    ws.cell(row=baris, column=4).value = 780_000_000
    wb.save(laporan)
    _, lembar_baru = buku_kerja(h, bab=["2", "3", "4"])
    n, beda = bandingkan_semua(lembar_laporan, laporan, lembar_baru, h.laporan.aturan)
    assert n > 100
    assert beda == []
