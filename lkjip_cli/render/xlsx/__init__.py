"""The report as an Excel workbook whose derived figures are live formulas: one sheet per
table (`buku_kerja`), the Bab IV summary sheet (`ringkasan`) and the findings of `lkjip check`.

openpyxl imports numpy, when it is installed (matplotlib brings it), only to accept numpy's
number types as cell values; lkjip writes Decimal, int and str, so openpyxl is imported here
with numpy held back (a tenth of a second of `export --to xlsx`). numpy stays importable for
anything after; an openpyxl imported earlier in the process is left as it is.
"""

import sys


def _openpyxl_tanpa_numpy() -> None:
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` fails
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


_openpyxl_tanpa_numpy()
