"""The cells of the spreadsheets and CSV files lkjip writes: report text stays text.

Why one module: a report's names and sentences are someone else's text, and a spreadsheet
evaluates a cell that begins with `=` as a formula (in a CSV file also `+`, `-`, `@`, a tab
or a carriage return). A sasaran named `=HYPERLINK("http://...","klik")` or
`=cmd|' /C calc'!A0` would become a live link, or a DDE call, in the Excel of the reviewer
who opens what lkjip made of the report (OWASP "CSV injection", CWE-1236). So:

- every XLSX writer (the report workbook in `render/xlsx/`, its summary and chart sheets
  included, the data-entry workbook `buku/tulis.py`, the recap `banyak/keluaran.py`) puts
  text into a cell through `tulis_teks`, which makes the cell a text cell whatever the text
  begins with;
- a formula lkjip built itself from a figure's provenance is written through
  `tulis_rumus`, the one way a cell of lkjip's becomes a formula, so that the two can never
  be confused in the code;
- every CSV writer (`render/teks/ekspor.py`) puts a text field through `teks_csv`, which prefixes
  `'` to a field a spreadsheet would evaluate. Numbers are never touched: whether a field is
  a number is decided by the cell's kind in the table model (`Sel.jenis`), never by what its
  text looks like, so `-0,59` stays a number and a name `-0,59` is neutralised.

openpyxl is imported only inside the XLSX functions (cells are passed in), so that
`lkjip compute --format csv` does not pay for it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from lkjip_cli.diagnostics import aman_terminal

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell

#: First characters that make a spreadsheet read a field as a formula: OWASP's list (`=`,
#: `+`, `-`, `@`, tab, carriage return), and as a precaution their full-width forms, which
#: East Asian input methods turn into the ASCII ones.
PEMICU_RUMUS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

#: What `teks_csv` puts before a field that begins with a formula trigger (OWASP).
AWALAN_CSV = "'"


class GalatSel(ValueError):
    """Text that an XLSX cell cannot hold (a control character): one line for the user."""


def pemicu_rumus(teks: str) -> bool:
    """Whether a spreadsheet would read `teks`, typed or opened from CSV, as a formula. One
    character alone (the `-` of a recap row without a rank) calls nothing and stays as it
    is, as openpyxl leaves a lone `=` text."""
    return len(teks) > 1 and teks.startswith(PEMICU_RUMUS)


# ----------------------------------------------------------------------------- XLSX


def tulis_teks(cell: Cell | MergedCell, teks: str) -> Cell:
    """Text (a report's or lkjip's own words) as a text cell, never a formula.

    openpyxl takes any string that begins with `=` for a formula; the cell's type is set to
    text after the value. A text that begins with a formula trigger is also marked as Excel
    marks a typed `'=...` (`quotePrefix`), so that editing the cell keeps it text."""
    from openpyxl.utils.exceptions import IllegalCharacterError

    cell = _bukan_gabungan(cell)
    try:
        cell.value = teks
    except IllegalCharacterError:
        raise GalatSel(_pesan_kendali(cell, teks)) from None
    cell.data_type = "s"
    if pemicu_rumus(teks):
        cell.quotePrefix = True
    return cell


def tulis_rumus(cell: Cell | MergedCell, rumus: str) -> Cell:
    """A formula lkjip built itself (`render/xlsx/buku_kerja.py`: a figure's formula over the
    cells of its inputs), given without its `=`: the only way a cell of lkjip's becomes a
    formula."""
    cell = _bukan_gabungan(cell)
    cell.value = "=" + rumus
    return cell


def tulis_nilai(cell: Cell | MergedCell, nilai: Decimal | int | str | None) -> Cell:
    """A value of either kind: a number as a number, text through `tulis_teks`, None as an
    empty cell."""
    if isinstance(nilai, str):
        return tulis_teks(cell, nilai)
    cell = _bukan_gabungan(cell)
    if nilai is not None:
        cell.value = nilai
    return cell


def _bukan_gabungan(cell: Cell | MergedCell) -> Cell:
    """The cell, which lkjip writes before merging any range (a merged cell holds nothing)."""
    from openpyxl.cell.cell import Cell

    if not isinstance(cell, Cell):
        raise TypeError(f"{cell.coordinate} adalah bagian sel gabungan")
    return cell


def _pesan_kendali(cell: Cell, teks: str) -> str:
    kendali = sorted({aman_terminal(c) for c in teks if aman_terminal(c) != c})
    contoh = teks if len(teks) <= 60 else teks[:57] + "..."
    return (f"Tidak dapat menulis sel {cell.parent.title}!{cell.coordinate}: teks "
            f"\"{aman_terminal(contoh)}\" memuat karakter kendali ({', '.join(kendali)}) yang "
            "tidak dapat disimpan dalam buku kerja Excel; hapus karakter itu dari berkas "
            "laporan.")


# ------------------------------------------------------------------------------ CSV


def teks_csv(teks: str) -> str:
    """A text field of a CSV file that no spreadsheet evaluates: `'` before a field that
    begins with a formula trigger (OWASP's advice; the `'` stays visible). For text only: a
    field that is a number lkjip formatted is written as it is. Separators, quotes and line
    breaks inside a field are the `csv` module's to quote."""
    return AWALAN_CSV + teks if pemicu_rumus(teks) else teks
