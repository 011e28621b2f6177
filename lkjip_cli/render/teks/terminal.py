"""Tables for the terminal: numbers right-aligned, captions as the report prints them,
footnotes naming the formulas and rules. Readable at 100 columns; rich itself honours
NO_COLOR and non-terminal output.

Every piece of text comes from the report file (names, units, captions) and reaches the
table as a literal string or a `Text`, never as rich markup: rich reads `[...]` in a string
as markup, so a name holding `[/]` would end the command with a traceback and `[link=...]`
would make a link. Terminal control characters are shown escaped (`diagnostics.aman_terminal`).

The table is laid out by `render/teks/tabel_teks.py` (rich's look, in time linear in the cells:
a report with thousands of indicators prints in a fraction of the time it takes to compute).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from lkjip_cli.diagnostics import aman_terminal
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.render.teks.tabel_teks import BarisTeks, KolomTeks, TabelTeks, cetak
from lkjip_cli.tabel import Sel, Tabel, format_sel


def tabel_teks(tabel: Tabel, aturan: Aturan, width: int = 100) -> TabelTeks:
    """A Bab III table (or any `Tabel`) for a console `width` cells wide."""
    rows = [_cells(baris.sel, baris.gaya, aturan, baris.tingkat) for baris in tabel.baris]
    widths = column_widths(tabel, rows, width)
    kolom = [KolomTeks(teks_aman(k.judul), kanan=k.angka, lebar=w + 1)  # + right padding
             for k, w in zip(tabel.kolom, widths, strict=True)]
    baris = [BarisTeks(cells, "bold" if b.gaya == "jumlah" else None)  # cells: escaped
             for b, cells in zip(tabel.baris, rows, strict=True)]
    return TabelTeks(
        kolom, baris, judul=teks_aman(tabel.nomor_judul, *tabel.judul),
        catatan=teks_aman(*tabel.catatan,
                          *([f"Sumber Data: {tabel.sumber}"] if tabel.sumber else [])),
        catatan_rata="left")


def teks_aman(*lines: str) -> Text:
    """Lines of text from the data for rich, one under another: never markup, and controls
    (a newline inside a line too) shown escaped."""
    return Text("\n".join(aman_terminal(line) for line in lines))


def _cells(sel: Sequence[Sel], gaya: str, aturan: Aturan, tingkat: int = 0) -> list[str]:
    """The row's texts; a detail row, or a row of a tree below its first level, indented."""
    cells = [aman_terminal(format_sel(s, aturan)) for s in sel]
    inden = max(tingkat, 1 if gaya == "rinci" else 0)
    if inden and len(cells) > 1:
        cells[1] = "  " * inden + cells[1]
    return cells


#: Narrowest a text column gets before figures give up room.
LEBAR_TEKS_MIN = 8


def column_widths(tabel: Tabel, rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Figures get their full width (a number split over two lines is misread); text
    columns share what is left, in proportion to their content, wrapping between words."""
    n = len(tabel.kolom)
    natural = [max([len(k.judul)] + [len(r[i]) for r in rows]) for i, k in enumerate(tabel.kolom)]
    fixed = {i: max([len(r[i]) for r in rows] + [len(w) for w in k.judul.split()])
             for i, k in enumerate(tabel.kolom) if k.angka}
    # Each column has one space of padding and one of separation, less the last separator.
    room = width - (2 * n - 1) - sum(fixed.values())
    text = [i for i in range(n) if i not in fixed]
    small = {i: natural[i] for i in text if natural[i] <= LEBAR_TEKS_MIN}
    room -= sum(small.values())
    wide = [i for i in text if i not in small]
    share = _share_text(wide, natural, _longest_words(rows, tabel), room)
    return [fixed.get(i) or small.get(i) or share.get(i, 1) for i in range(n)]


def _longest_words(rows: Sequence[Sequence[str]], tabel: Tabel) -> list[int]:
    return [max(len(w) for text in [k.judul, *(r[i] for r in rows)] for w in text.split() or [""])
            for i, k in enumerate(tabel.kolom)]


def _share_text(wide: list[int], natural: list[int], words: list[int],
                room: int) -> dict[int, int]:
    """Widths of the wrapping text columns: each gets its longest word when the room allows
    (so words are not split), and the rest of the room in proportion to its content."""
    floors = {i: min(natural[i], max(LEBAR_TEKS_MIN, words[i])) for i in wide}
    if sum(floors.values()) > room:
        floors = {i: min(natural[i], LEBAR_TEKS_MIN) for i in wide}
    spare = max(0, room - sum(floors.values()))
    wanted = sum(natural[i] - floors[i] for i in wide) or 1
    return {i: min(natural[i], floors[i] + spare * (natural[i] - floors[i]) // wanted)
            for i in wide}


#: The width tables are laid out for when the output is not a terminal.
LEBAR_BAKU = 100


def console_for_output() -> Console:
    """A console as wide as the terminal, or `LEBAR_BAKU` columns when piped."""
    probe = Console()
    return probe if probe.is_terminal else Console(width=LEBAR_BAKU)


def print_tables(console: Console, tables: Sequence[Tabel], aturan: Aturan) -> None:
    for i, tabel in enumerate(tables):
        if i:
            console.print()
        cetak(console, tabel_teks(tabel, aturan, console.width))
