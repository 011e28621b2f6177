"""Where a table landed on a sheet of the report workbook, and the names Excel gives to it.

Why a module of its own: the table sheets (`buku_kerja`), the summary sheet (`ringkasan`)
and the findings' links all write formulas or links over cells placed by `Lembar`; with the
placement here, none of them imports another to learn where a row is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkjip_cli.tabel import Tabel

#: The sheet row of a table's header, and of its first data row.
BARIS_JUDUL = 3
BARIS_DATA = BARIS_JUDUL + 1


def ref(kolom: int, baris: int) -> str:
    """The A1 name of a table's column `kolom` (from 0) in sheet row `baris`."""
    return f"{get_column_letter(kolom + 1)}{baris}"


def lembar_ref(ws: Worksheet) -> str:
    """A sheet's name as a formula or a link names it: quoted, a quote in it doubled."""
    return "'" + ws.title.replace("'", "''") + "'"


@dataclass
class Lembar:
    """One sheet as written: where each table row landed, for formulas and links."""

    ws: Worksheet
    tabel: Tabel
    kolom_cetak: dict[int, int] = field(default_factory=dict)  # computed col -> printed col
    #: Formulas decided outside this sheet's table (the summary sheet's), by (row, column).
    rumus: dict[tuple[int, int], str] = field(default_factory=dict)
    _sumber: list[list[tuple[str | int, ...]]] | None = field(default=None, repr=False,
                                                              compare=False)

    def baris(self, i: int) -> int:
        return BARIS_DATA + i

    def sumber_baris(self) -> list[list[tuple[str | int, ...]]]:
        """For each table row, the model path of every input its computed cells were made
        from (what a finding of `check` is placed by), gathered once per sheet."""
        if self._sumber is None:
            self._sumber = [
                [tuple(m.sumber) for sel in baris.sel if sel.asal is not None
                 for m in (*sel.asal.masukan, *(m for n in sel.asal.turunan
                                                for m in n.masukan))
                 if m.sumber is not None]
                for baris in self.tabel.baris]
        return self._sumber
