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

The Word document (`render/docx.py`) is XML too: a control character in a report's text
(`BKD\x07 Kaltim`) cannot be stored there either, and lxml would stop with a traceback
half-way through. `teks_tak_tersimpan` finds every such text before anything is built, so
the user gets the same one-line message per text as the spreadsheets give, exit 2, and no
file.

openpyxl is imported only inside the XLSX functions (cells are passed in), so that
`lkjip compute --format csv` does not pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


#: What XML 1.0 cannot hold (the XML of XLSX and DOCX alike; lxml and openpyxl refuse it):
#: C0 control characters except tab, line feed and carriage return, lone surrogates, and
#: the non-characters U+FFFE and U+FFFF.
BUKAN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class GalatSel(ValueError):
    """Text that an XLSX cell or a Word document cannot hold (a control character): one
    line per text for the user."""


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
    return _pesan(f"sel {cell.parent.title}!{cell.coordinate}", teks, "buku kerja Excel")


def _tampak(teks: str) -> str:
    """`aman_terminal`, and the non-characters it leaves alone (U+FFFE) as escapes too."""
    return BUKAN_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", aman_terminal(teks))


def _pesan(tempat: str, teks: str, wadah: str) -> str:
    kendali = sorted({_tampak(c) for c in teks if _tampak(c) != c})
    contoh = teks if len(teks) <= 60 else teks[:57] + "..."
    return (f"Tidak dapat menulis {tempat}: teks \"{_tampak(contoh)}\" memuat karakter "
            f"kendali ({', '.join(kendali)}) yang tidak dapat disimpan dalam {wadah}; hapus "
            "karakter itu dari berkas laporan.")


# ------------------------------------------------------------------------------ DOCX


def teks_tak_tersimpan(teks: Iterable[tuple[str, str]], wadah: str = "dokumen Word"
                       ) -> None:
    """Raise `GalatSel` for the first of `(tempat, teks)` pairs that XML cannot hold, saying
    how many other texts hold such a character too (a name printed in fifty sentences is
    one fix in the report, so one line)."""
    buruk = [(tempat, isi) for tempat, isi in teks if BUKAN_XML.search(isi)]
    if buruk:
        tempat, isi = buruk[0]
        lain = len({isi for _, isi in buruk}) - 1
        raise GalatSel(_pesan(tempat, isi, wadah + (f" (juga di {lain} teks lain)" if lain
                                                     else "")))


# ------------------------------------------------------------------------------ CSV


def teks_csv(teks: str) -> str:
    """A text field of a CSV file that no spreadsheet evaluates: `'` before a field that
    begins with a formula trigger (OWASP's advice; the `'` stays visible). For text only: a
    field that is a number lkjip formatted is written as it is. Separators, quotes and line
    breaks inside a field are the `csv` module's to quote."""
    return AWALAN_CSV + teks if pemicu_rumus(teks) else teks
