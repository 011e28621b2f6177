"""The XLSX export's formulas are proven, not assumed.

Each workbook is recalculated by the `formulas` package (an Excel formula engine that shares
no code with lkjip) and every formula cell is compared with lkjip's own figure as the report
prints it (tests/rekalkulasi.py). For data/2020.yaml the figures themselves are also the
reference report's (Tabel 3.4: 73 / 75 x 100 = 97,33; (2 x 20 - 6,23) / 20 x 100 = 168,85;
Tabel 3.13 program 1: 2.098.578.585 / 2.120.554.565 x 100 = 98,96), so the formulas are held
to the report and not only to the engine.

Recalculating is slow (about 4 s for the whole 2020 workbook, ~1 s for a small random one),
so the random reports are a handful, drawn with a fixed seed from the property tests'
strategy.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from rekalkulasi import bandingkan, hitung_ulang, hitung_ulang_libreoffice
from test_engine_properties import laporan_acak

from lkjip_cli.engine import hitung
from lkjip_cli.loader import load
from lkjip_cli.model.laporan import Laporan
from lkjip_cli.render.xlsx.buku_kerja import buku_kerja

pytest.importorskip("formulas")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def simpan_2020(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, list[Any], Path]:
    result = load(str(ROOT / "data" / "2020.yaml"))
    assert result.report is not None
    h = hitung(result.report)
    wb, lembar = buku_kerja(h, bab=["2", "3", "4"])
    path = tmp_path_factory.mktemp("xlsx") / "2020.xlsx"
    wb.save(path)
    return h, lembar, path


@pytest.fixture(scope="module")
def buku_2020(simpan_2020: Any) -> tuple[Any, list[Any], dict[str, Any]]:
    h, lembar, path = simpan_2020
    return h, lembar, hitung_ulang(path)


def test_libreoffice_recalculates_2020_to_lkjips_figures(simpan_2020: Any) -> None:
    """A second independent engine where it is installed (never in CI: too slow to set up)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    h, lembar, path = simpan_2020
    n, beda = bandingkan(lembar, hitung_ulang_libreoffice(path, soffice), h.laporan.aturan)
    assert n > 100
    assert beda == []


def test_every_formula_of_2020_recalculates_to_lkjips_figure(buku_2020: Any) -> None:
    h, lembar, nilai = buku_2020
    n, beda = bandingkan(lembar, nilai, h.laporan.aturan)
    # 16 capaian of Tabel 3.4, 4 of 3.5, 8 of 3.6, ..., the averages: over a hundred
    assert n > 100
    names = {lb.ws.title for lb in lembar}
    assert "Ringkasan" in names
    assert beda == []


@pytest.mark.parametrize(("sheet", "cell", "dicetak"), [
    ("TABEL 3.4", "I7", 97.33),     # IKU1 TW.IV: 73 / 75 x 100 = 97,333... -> 97,33
    ("TABEL 3.4", "I15", 168.85),   # IKU3 TW.IV: (2 x 20 - 6,23) / 20 x 100 = 168,85
    ("TABEL 3.5", "F6", 168.85),
    ("TABEL 3.13", "E4", 98.96),    # 2.098.578.585 / 2.120.554.565 x 100 = 98,963...
    ("TABEL 3.13", "C4", 2120554565),  # program 1 = its one kegiatan
    ("TABEL 3.10", "E4", 8.03),     # 100 - 91,97 (Tabel 3.10, SS1: 100 - penyerapan)
    # Sasaran I without IKU2 (excluded by the report's rule): 97,33 (Ikhtisar prints 97,3)
    ("RINGKASAN", "B4", 97.33),
    # (97,333... + 168,85 + 100) / 3 = 122,06 (IKU2 excluded; the report printed 121,93)
    ("RINGKASAN", "B7", 122.06),
    # Bab IV efficiency (selisih): 122,0611... - 94,3452... = 27,7159... -> 27,72
    ("RINGKASAN", "B8", 27.72),
])
def test_recalculated_figures_are_the_reports(buku_2020: Any, sheet: str, cell: str,
                                              dicetak: float) -> None:
    _, _, nilai = buku_2020
    assert nilai[f"{sheet}!{cell}"] == pytest.approx(dicetak, abs=1e-9)


@settings(max_examples=5, derandomize=True, deadline=None, phases=[Phase.generate],
          suppress_health_check=list(HealthCheck))  # no shrinking: each example costs ~1 s
@given(data=laporan_acak())
def test_random_reports_formulas_recalculate_to_lkjips_figures(data: dict[str, Any]) -> None:
    import tempfile

    h = hitung(Laporan.model_validate(data))
    wb, lembar = buku_kerja(h, bab=["3", "4"])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acak.xlsx"
        wb.save(path)
        nilai = hitung_ulang(path)
    _, beda = bandingkan(lembar, nilai, h.laporan.aturan)
    assert beda == []
