"""The XLSX export of derived indicators and the new efficiency methods: every formula lkjip
writes recalculates (with the `formulas` package, independent of lkjip) to lkjip's figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_cli.engine import hitung
from lkjip_cli.loader import load_text
from lkjip_cli.render.xlsx.buku_kerja import buku_kerja
from tests.rekalkulasi import bandingkan, hitung_ulang
from tests.test_docs import feature_examples, format_md

pytest.importorskip("formulas")


@pytest.mark.parametrize("efisiensi", ["indeks-efisiensi", "nilai-efisiensi-pmk-22-2021"])
def test_rumus_turunan_dihitung_ulang(tmp_path: Path, efisiensi: str) -> None:
    text = feature_examples(format_md())["hitung-ikm"].replace(
        "efisiensi: {sasaran: indeks-efisiensi}",
        f"efisiensi: {{sasaran: {efisiensi}, keseluruhan: {efisiensi}}}").replace(
        '"diselesaikan / diterima * 100"', '"diselesaikan / diterima * 100 * 1,0"')
    loaded = load_text(text)
    assert loaded.report is not None
    h = hitung(loaded.report)
    wb, lembar = buku_kerja(h, bab=["3"])
    path = tmp_path / "l.xlsx"
    wb.save(path)
    t35 = next(lb for lb in lembar if lb.tabel.nomor == "3.5")
    # The realisasi cells are live formulas of the inputs: 42/45*100, and the IKM over the
    # NRR of its nine unsur (105/29, ...), / 9 * 25.
    r = t35.baris(0)
    assert t35.ws.cell(r, 5).value == "=42/45*100*1.0"  # the file's decimal comma: `.`
    ikm = str(t35.ws.cell(r + 1, 5).value)
    assert ikm.startswith("=(105/29+101/29+") and ikm.endswith(")/9*25")
    n, beda = bandingkan(lembar, hitung_ulang(path), h.laporan.aturan)
    assert beda == []
    assert n >= 5  # two realisasi, two capaian, and more
    t310 = next(lb for lb in lembar if lb.tabel.nomor == "3.10")
    cell = t310.ws.cell(t310.baris(0), 5)
    if efisiensi == "indeks-efisiensi":
        assert str(cell.value).startswith("=IF(")
    else:
        # No formula over the sheet's cells: the value, its formula in the comment.
        assert cell.comment is not None
        assert "nilai efisiensi = 50 + E / 20 x 50" in cell.comment.text


@pytest.mark.parametrize(("metode", "dasar"), [
    ("geometrik-pmk-22-2021", "indikator"), ("geometrik-pmk-22-2021", "sasaran"),
    ("rasio-rata-rata", "indikator"), ("tertimbang-pagu", "indikator"),
])
def test_ringkasan_rata_rata_menurut_metode(tmp_path: Path, metode: str, dasar: str) -> None:
    """The summary sheet's averages follow the report's averaging method (PRODUCT^(1/n), SUM/SUM;
    pagu weights are not on the sheets, so that one is a value) and recalculate to lkjip's."""
    contoh = Path(__file__).resolve().parent.parent / "data" / "contoh-hitung-2023.yaml"
    text = contoh.read_text(encoding="utf-8").replace(
        "rata_rata: {metode: geometrik-pmk-22-2021}",
        f"rata_rata: {{metode: {metode}, dasar: {dasar}}}").replace(
        "satuan: indeks", 'satuan: "%"')  # one unit, for rasio-rata-rata
    loaded = load_text(text)
    assert loaded.report is not None
    h = hitung(loaded.report)
    wb, lembar = buku_kerja(h, bab=["3", "4"])
    path = tmp_path / "l.xlsx"
    wb.save(path)
    _, beda = bandingkan(lembar, hitung_ulang(path), h.laporan.aturan)
    assert beda == []
    ringkasan = next(lb for lb in lembar if lb.tabel.nomor == "Ringkasan")
    rumus = [str(c.value) for row in ringkasan.ws.iter_rows() for c in row
             if str(c.value).startswith("=")]
    kata = {"geometrik-pmk-22-2021": "PRODUCT(", "rasio-rata-rata": "SUM(",
            "tertimbang-pagu": None}[metode]
    if kata is None:
        assert not any("AVERAGE(" in r for r in rumus)
    else:
        assert any(kata in r for r in rumus)
