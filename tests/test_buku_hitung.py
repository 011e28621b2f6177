"""The workbook sheets of derived indicators (`Hitung`, `Masukan Hitung`): a mistake typed in
them is reported at its cell, as a YAML mistake is at its line."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from lkjip_cli.buku.impor import impor
from lkjip_cli.buku.tulis import buku_data, simpan
from lkjip_cli.loader import load

ROOT = Path(__file__).resolve().parent.parent


def _buku(tmp_path: Path, ubah: dict[tuple[str, str], object]) -> Path:
    """contoh-hitung-2023 as a filled workbook, with some cells retyped."""
    lap = load(ROOT / "data" / "contoh-hitung-2023.yaml").report
    assert lap is not None
    path = tmp_path / "isian.xlsx"
    path.write_bytes(simpan(buku_data(lap)))
    wb = openpyxl.load_workbook(path)
    for (lembar, sel), nilai in ubah.items():
        wb[lembar][sel] = nilai
    wb.save(path)
    return path


def _masalah(path: Path) -> list[tuple[str | None, str | None, str, str]]:
    hasil = impor(path)
    assert hasil.laporan is None
    return [(d.sheet, d.cell, d.code, d.message) for d in hasil.diagnostics]


def test_rumus_salah_di_selnya(tmp_path: Path) -> None:
    # Hitung!B2 is IKU1's realisasi formula; `**` is refused at its column
    [(lembar, sel, kode, pesan)] = _masalah(_buku(tmp_path, {
        ("Hitung", "B2"): "diselesaikan ** diterima"}))
    assert (lembar, sel, kode) == ("Hitung", "B2", "rumus")
    assert "kolom 14 dalam rumus" in pesan


def test_rumus_target_atas_masukan_tanpa_nilai_target(tmp_path: Path) -> None:
    # IKU1 gets a target formula, but its inputs give no target value: every input row is
    # then read as a pair whose target is empty (no data), so the figure is not computable,
    # never computed from the realisasi values; the model accepts it
    path = _buku(tmp_path, {("Hitung", "D2"): "diselesaikan / diterima * 100",
                            ("Indikator", "G2"): None})
    hasil = impor(path)
    assert hasil.laporan is not None, hasil.diagnostics
    h = hasil.laporan.sasaran[0].indikator[0].hitung
    assert h is not None and h.target == "diselesaikan / diterima * 100"
    assert h.nilai("target") == {"diselesaikan": None, "diterima": None}


def test_masukan_tanpa_baris_hitung_dan_nama_ganda(tmp_path: Path) -> None:
    # Masukan Hitung!A4 is IKM's first unsur: renamed to an indicator without a Hitung row;
    # B3 repeats the name of B2
    masalah = _masalah(_buku(tmp_path, {("Masukan Hitung", "A4"): "IKU9",
                                        ("Masukan Hitung", "B3"): "diselesaikan"}))
    kode = {(lembar, sel): k for lembar, sel, k, _ in masalah}
    assert kode[("Masukan Hitung", "A4")] == "unknown-ref"
    assert kode[("Masukan Hitung", "B3")] == "duplicate-key"
