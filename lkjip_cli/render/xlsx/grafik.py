"""The report's charts as native Excel charts, on a sheet "Grafik" of the report workbook.

What each chart shows is decided once, in `render/grafik.py` (`data_grafik`), for the Word
document, the SVG files and this sheet alike; here each chart's data becomes a small table
(text through `source/sel_aman.py`) and an openpyxl `BarChart` over it. A chart of one panel
per indicator (figures in each indicator's own unit) becomes one Excel chart per indicator
(`pecah`), since an Excel chart has one value axis.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook

from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.render.grafik import data_grafik, pecah
from lkjip_cli.render.xlsx.lembar import Lembar


def grafik_excel(wb: Workbook, h: Hasil, lembar: Sequence[Lembar]) -> None:
    """A sheet "Grafik": each chart's data as a small table, and a native Excel chart of it."""
    from openpyxl.chart import BarChart, Reference

    from lkjip_cli.source.sel_aman import tulis_nilai, tulis_teks

    ws = wb.create_sheet("Grafik")
    baris = 1
    for data in (satu for g in data_grafik(h) for satu in pecah(g)):
        tulis_teks(ws.cell(baris, 1), data.judul)
        tulis_teks(ws.cell(baris + 1, 1), "Kode")
        for k, seri in enumerate(data.seri):
            tulis_teks(ws.cell(baris + 1, k + 2), seri.nama)
        for i, kategori in enumerate(data.kategori):
            tulis_teks(ws.cell(baris + 2 + i, 1), kategori)
            for k, seri in enumerate(data.seri):
                c = tulis_nilai(ws.cell(baris + 2 + i, k + 2), seri.nilai[i])
                c.number_format = "#,##0.00"
        chart = BarChart()
        chart.type = "bar" if data.jenis == "mendatar" else "col"
        chart.title = data.judul
        chart.y_axis.title = data.sumbu
        chart.y_axis.number_format = "#,##0"
        akhir = baris + 1 + len(data.kategori)
        chart.add_data(Reference(ws, min_col=2, max_col=1 + len(data.seri), min_row=baris + 1,
                                 max_row=akhir), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=baris + 2, max_row=akhir))
        chart.height, chart.width = 7.5, 16
        ws.add_chart(chart, f"{chr(ord('A') + len(data.seri) + 2)}{baris}")
        baris = max(akhir + 2, baris + 17)
    ws.column_dimensions["A"].width = 14
