"""The limits on an Office file lkjip reads: a workbook to import, a reference document.

Why a module of its own: a workbook or a Word document is a zip of XML parts, and a small
file can hold a great deal of work. A sheet of 150 MB zips to a few hundred kB; one cell in
row 1,048,576 makes a reader walk a million rows; fifty thousand merged ranges, a million
styles or a shared-string table of a million entries each cost seconds to minutes and
gigabytes in openpyxl or python-docx. lkjip reads such a file from anyone (an OPD sends its
workbook, CI imports it), so every kind of work a file can ask for has a named limit here,
with its value and its reason, checked before or while the file is read
(`source/arsip.py` for the zip and its XML, `buku/baca_sel.py` while the sheets are
read). Going over a limit stops the reading with one diagnostic naming the limit, the file
and, where known, the sheet and cell (docs/excel.md, section 4; SECURITY.md).

The limits are far above any real report: the largest workbook that can still become a
report file (5 MiB of YAML, `source/yamlsource.py`: about 860 indicators) has 32 thousand
rows in its largest sheet and 235 thousand cells. Tests pass smaller limits through
`BatasArsip`; the command line has no option to change them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.angka import angka

MIB = 1024 * 1024

# ------------------------------------------------------------------- the zip (both kinds)

#: Largest workbook file read, in bytes. It is read whole into memory, once, and every
#: later step works on those bytes (nothing reopens the path). The data-entry workbook of
#: the 2020 report is 46 kB; one of 1,000 indicators (beyond what a report file may hold)
#: is 1.3 MB.
MAKS_BYTE_BUKU = 20 * MIB

#: Largest reference document (`export --reference-doc`). A Word template with its logo and
#: embedded fonts is a few MB; last year's report used as the reference, photographs and
#: all, can be tens of MB. python-docx holds every part in memory.
MAKS_BYTE_DOKUMEN = 64 * MIB

#: Parts (files) in the zip. The data-entry workbook has 56, a Word document a few dozen;
#: each part costs a record in memory before anything is read.
MAKS_BAGIAN = 1_000

#: Largest part once unzipped (a sheet's XML), in bytes, by the size the zip declares and
#: again by the bytes actually decompressed. The largest sheet of a 1,000-indicator
#: workbook is 11 MB.
MAKS_TERURAI_BAGIAN = 64 * MIB

#: All parts together once unzipped, in bytes (declared, and counted while decompressing).
MAKS_TERURAI = 128 * MIB

#: Largest ratio of a part's unzipped size to its zipped size, for parts larger than
#: `RASIO_MULAI`: the mark of a zip bomb (a part of zeros or of one repeated row zips
#: 250 to 1,000 times). Apache POI refuses the same ratio (its `MIN_INFLATE_RATIO`, 0.01)
#: for every workbook it opens; real sheets zip 5 to 20 times.
MAKS_RASIO = 100

#: Parts smaller than this, unzipped, are not held to `MAKS_RASIO` (a small XML part of
#: repeated markup can zip very well and costs nothing). Apache POI's grace size.
RASIO_MULAI = 100 * 1024

#: Wall-clock seconds for reading one file, from its first byte to the last cell, checked
#: while the zip is inspected and at every row read: the backstop for work the other limits
#: do not foresee. The largest workbook these limits accept takes a few seconds.
MAKS_DETIK = 60.0

# ----------------------------------------------------------------------- the XML parts

#: XML elements in all parts together. Each costs a few microseconds in openpyxl or
#: python-docx, so this bounds the time and memory of parsing whatever the parts hold.
#: A sheet cell is two or three elements.
MAKS_ELEMEN = 4_000_000

#: XML elements outside the sheets' cell data and the shared-string table: styles, merged
#: ranges, data validations, conditional formats, column widths, defined names. openpyxl
#: turns each style into an object (about 20 microseconds: a styles part of 240,000 cell
#: formats takes five seconds), so they have their own, lower limit. The 2020 workbook has
#: about 1,000; Excel itself allows 64,000 cell formats.
MAKS_ELEMEN_LAIN = 250_000

#: Elements of a reference document. python-docx parses every XML part into a tree held in
#: memory: one million elements take 2.5 seconds and 350 MB (two million 5 s and 650 MB). A
#: Word template has a few thousand; a 300-page report a few hundred thousand.
MAKS_ELEMEN_DOKUMEN = 1_000_000

# ----------------------------------------------------------------------- the sheets

#: Largest row number in a sheet. openpyxl reads a sheet row by row up to its last row,
#: including every empty row above it, so a cell in row 1,048,576 costs a million rows:
#: the limit is on the row's number, not on how many rows hold data (empty rows below the
#: data, formatted or not, do not count). A report file holds at most about 32 thousand
#: rows of its largest sheet (Dilaporkan).
MAKS_BARIS = 50_000

#: Largest column number (256 is column IV, Excel 2003's last column). The widest sheet of
#: the layout has 16 columns; other columns are refused as unknown anyway.
MAKS_KOLOM = 256

#: Cells (`<c>` elements, empty formatted cells included) in all sheets together, and
#: entries of the shared-string table. A 1,000-indicator workbook has 273 thousand.
MAKS_SEL = 500_000

#: Merged ranges in all sheets together. lkjip reads one value per cell, so every merged
#: range is an error the user must undo; beyond this many, one diagnostic says so instead
#: of a thousand.
MAKS_GABUNGAN = 1_000

#: Characters of text in one cell or one shared string: Excel's own limit (32,767).
MAKS_TEKS_SEL = 32_767

#: Cells with a stored value that cannot be read (`NaN`, a date that is no date), each
#: reported at its cell; beyond this many the rest are counted in one more diagnostic.
MAKS_SEL_RUSAK = 100


# ------------------------------------------------------------ the assembling of a report

#: Unknown codes that get a "did you mean" suggestion (as `checks.MAX_SARAN` for a report
#: file): each costs a scan of every code. 3,400 rows naming unknown indicators of a
#: report of 850 cost 16 seconds more than the rest of the import before this limit.
MAKS_SARAN = 20

#: Longest heading a renamed column is looked for (Python's `difflib` indexes every
#: character of the text it matches; the layout's longest heading has 26).
MAKS_JUDUL = 100


@dataclass(frozen=True, slots=True)
class BatasArsip:
    """The limits of reading one Office file (the constants above, unless a test passes
    smaller ones)."""

    byte: int = MAKS_BYTE_BUKU
    bagian: int = MAKS_BAGIAN
    terurai_bagian: int = MAKS_TERURAI_BAGIAN
    terurai: int = MAKS_TERURAI
    rasio: int = MAKS_RASIO
    rasio_mulai: int = RASIO_MULAI
    detik: float = MAKS_DETIK
    elemen: int = MAKS_ELEMEN
    elemen_lain: int = MAKS_ELEMEN_LAIN
    baris: int = MAKS_BARIS
    kolom: int = MAKS_KOLOM
    sel: int = MAKS_SEL
    gabungan: int = MAKS_GABUNGAN
    teks_sel: int = MAKS_TEKS_SEL
    sel_rusak: int = MAKS_SEL_RUSAK


#: The limits of every workbook `lkjip import` reads.
BATAS_BUKU = BatasArsip()

#: The limits of a reference document (`lkjip export --to docx --reference-doc`): a larger
#: file, its elements counted as a whole (there are no sheets in a document).
BATAS_DOKUMEN = BatasArsip(byte=MAKS_BYTE_DOKUMEN, terurai=2 * MAKS_TERURAI,
                           elemen=MAKS_ELEMEN_DOKUMEN, elemen_lain=MAKS_ELEMEN_DOKUMEN)


class Tenggat:
    """The moment reading one file must be over (`BatasArsip.detik` from its start)."""

    def __init__(self, detik: float) -> None:
        self.detik = detik
        self.akhir = time.monotonic() + detik

    def lewat(self) -> bool:
        return time.monotonic() > self.akhir


def ribuan(n: int) -> str:
    """`1048576` -> `1.048.576`, as the messages print a limit or a size."""
    return angka(Decimal(n))
