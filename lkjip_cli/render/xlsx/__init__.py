"""The report as an Excel workbook whose derived figures are live formulas: one sheet per
table (`buku_kerja`), the Bab IV summary sheet (`ringkasan`) and the findings of `lkjip check`.
"""
