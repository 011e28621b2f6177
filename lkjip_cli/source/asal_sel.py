"""Where each value of an imported report was typed: the workbook cell named by the comment
`lkjip import` writes after it (`target: 80  # Indikator!G2`).

Why comments and not a sidecar key: the file stays a plain, valid report that any version of
lkjip reads with the same results; a comment survives hand edits of other lines, costs nothing
to a reader that ignores it, and `lkjip import` writes the same comments again on every
re-import. The header line (`# lkjip import: diimpor dari isian.xlsx; ...`) names the workbook,
so `validate`, `check` and `explain` can say `isian.xlsx:Dilaporkan!F3` beside the YAML line.
A value moved or retyped by hand keeps whatever comment its line has: the cell is a pointer
back to the source, not a second source of truth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lkjip_cli.diagnostics import Diagnostic

#: First line of every file `lkjip import` writes (`buku/impor.py` writes it).
PENANDA_IMPOR = "# lkjip import:"

_SUMBER = re.compile(r"^# lkjip import: diimpor dari (?P<buku>.+?); ")
#: `  # Lembar!A1` at the end of a line; a sheet name may hold spaces, not `!` or `#`.
_SEL = re.compile(r"  # (?P<lembar>[^!#\n]+)!(?P<sel>[A-Z]{1,3}[1-9][0-9]*)$")


@dataclass(frozen=True, slots=True)
class AsalSel:
    """The workbook a report was imported from, and the cell of each line's value."""

    buku: str
    sel: dict[int, tuple[str, str]]

    def di(self, line: int | None) -> tuple[str, str] | None:
        """(sheet, cell) of the value on `line` (1-based), when its comment names one."""
        return self.sel.get(line) if line is not None else None

    def teks(self, line: int | None) -> str | None:
        """`isian.xlsx:Dilaporkan!F3` for the value on `line`, or None."""
        found = self.di(line)
        return f"{self.buku}:{found[0]}!{found[1]}" if found else None


def asal_sel(text: str) -> AsalSel | None:
    """The cells of a file `lkjip import` wrote; None for any other file (read no further)."""
    if not text.startswith(PENANDA_IMPOR):
        return None
    head = _SUMBER.match(text)
    if head is None:
        return None
    sel: dict[int, tuple[str, str]] = {}
    for nomor, baris in enumerate(text.splitlines(), start=1):
        found = _SEL.search(baris)
        if found:
            sel[nomor] = (found["lembar"], found["sel"])
    return AsalSel(head["buku"], sel)


def tandai(diag: Diagnostic, asal: AsalSel | None) -> Diagnostic:
    """A diagnostic at a YAML line, with the workbook cell that line's value came from."""
    found = asal.di(diag.line) if asal is not None else None
    if asal is None or found is None or diag.sheet is not None:
        return diag
    return replace(diag, sheet=found[0], cell=found[1], buku=asal.buku)
