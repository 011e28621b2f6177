"""Cost of `lkjip export` and of proving its formulas, measured side by side in one run.

Run: `PYTHONPATH=. python benchmarks/export.py [RUNS]`. Prints the median CPU time (this
process's; a busy shared machine stretches wall time far more) of, for
data/2020.yaml: building the Word document without and with charts, building the workbook,
drawing the charts alone, and recalculating the whole workbook with the `formulas` package
(what tests/test_export_rumus.py pays per workbook), with the number of formula cells, and
the ratio of recalculation to building. In-process, so import costs are paid once, before
timing. Another tree's figures: run its copy of this script with PYTHONPATH=that tree.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def median_ms(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        func()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main(runs: int) -> None:
    from rekalkulasi import bandingkan, hitung_ulang

    from lkjip_cli.engine import hitung
    from lkjip_cli.loader import load
    from lkjip_cli.render.docx import dokumen_docx
    from lkjip_cli.render.grafik import data_grafik, gambar, png_per_tabel
    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja, buku_kerja_xlsx

    result = load(str(ROOT / "data" / "2020.yaml"))
    assert result.report is not None
    h = hitung(result.report)
    bab = ["2", "3", "4"]
    png = png_per_tabel(h)  # warm matplotlib's font cache once
    rows = {
        "docx tanpa grafik": median_ms(lambda: dokumen_docx(h, bab=bab), runs),
        "docx dengan grafik (gambar siap)": median_ms(
            lambda: dokumen_docx(h, bab=bab, grafik=png), runs),
        "gambar 6 grafik (PNG)": median_ms(
            lambda: [gambar(d, "png") for d in data_grafik(h)], runs),
        "xlsx (dengan temuan check)": median_ms(lambda: buku_kerja_xlsx(h, bab=bab), runs),
    }
    wb, lembar = buku_kerja(h, bab=bab)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "2020.xlsx"
        wb.save(path)
        rows["hitung ulang xlsx (formulas)"] = median_ms(lambda: hitung_ulang(path),
                                                         max(1, runs // 2))
        n, beda = bandingkan(lembar, hitung_ulang(path), h.laporan.aturan)
    for name, ms in rows.items():
        print(f"{name:40} {ms:9.0f} ms CPU")
    print(f"sel rumus: {n}, berbeda: {len(beda)}")
    ratio = rows["hitung ulang xlsx (formulas)"] / rows["xlsx (dengan temuan check)"]
    print(f"hitung ulang / membangun xlsx: {ratio:.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
