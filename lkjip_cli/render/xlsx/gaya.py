"""Cell styles of the report workbook, set through one cache of openpyxl style arrays.

Why: openpyxl stores a cell's style as indexes into the workbook's lists of fonts, fills,
borders, alignments and number formats, and every assignment (`cell.font = TEBAL`) hashes
the style object, field by field, to find its index: a third of building the workbook went
there. `gaya` sets a cell's styles the ordinary way the first time a combination (the cell's
current style and the objects asked) is seen in a workbook, remembers the resulting array,
and copies it onto every later cell with the same combination. The workbook's lists are
filled in the same order as before (each object is still added by its first cell), so the
file is the same. The objects must live as long as the process (module constants, as below):
the cache knows them by identity.
"""

from __future__ import annotations

import weakref
from copy import copy
from typing import Any

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.workbook import Workbook

TEBAL = Font(bold=True)
JUDUL = Font(bold=True, size=12)
KETERANGAN = Font(italic=True, size=9)
ARSIR = PatternFill("solid", fgColor="D9D9D9")
BEDA = PatternFill("solid", fgColor="F4CCCC")
#: An input's one home (every other cell showing it refers to it): the cell to change.
MASUKAN = PatternFill("solid", fgColor="FFF2CC")
GARIS = Border(*(Side(style="thin"),) * 4)
TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
ATAS = Alignment(vertical="top", wrap_text=True)
KANAN_ATAS = Alignment(horizontal="right", vertical="top")

_CACHE: weakref.WeakKeyDictionary[Workbook, dict[tuple[Any, ...], Any]] = \
    weakref.WeakKeyDictionary()


def gaya(sel: Cell | MergedCell, *, font: Font | None = None, fill: PatternFill | None = None,
         border: Border | None = None, alignment: Alignment | None = None,
         number_format: str | None = None) -> Cell | MergedCell:
    """Set the styles given (None: leave as it is) on a cell, in this order."""
    c: Any = sel  # the style array is openpyxl's own attribute, not in its type hints
    cache = _CACHE.setdefault(c.parent.parent, {})
    kunci = (tuple(c._style or ()), id(font), id(fill), id(border), id(alignment), number_format)
    larik = cache.get(kunci)
    if larik is not None:
        c._style = copy(larik)
        return sel
    if font is not None:
        c.font = font
    if fill is not None:
        c.fill = fill
    if border is not None:
        c.border = border
    if alignment is not None:
        c.alignment = alignment
    if number_format is not None:
        c.number_format = number_format
    cache[kunci] = copy(c._style)
    return sel
