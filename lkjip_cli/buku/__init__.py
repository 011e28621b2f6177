"""The data-entry workbook (docs/excel.md), both directions side by side: its layout
(`tata`), declared once, the writer that follows it (`tulis`), the reader that follows it
back (`baca`, `baca_sel`) and the import that turns a workbook into a validated report file
(`impor`).
"""
