"""Tables for the terminal laid out in time linear in their cells, looking as rich's `Table`.

Why not rich's `Table` itself: it sends every cell through its whole pipeline (a `Padding`,
`Console.render_lines`, `Text.wrap`, justify, crop, `Segment.set_shape`), about 70 µs a cell
however short the cell, so the Bab III tables of a report with 5,000 indicators took three
times as long to print as to load and compute (issue 18). Here the column widths are found
once (fixed, as lkjip computes them, or measured as rich measures a cell: its longest line),
a cell that fits its column on one line becomes a padded string, and only a cell that wraps
goes through rich (`Console.render_lines`, the call rich's table makes for it). The title,
the caption and the header rule are rich's own as well, and the console (colour, NO_COLOR,
terminal or not) is rich's. tests/test_tabel_teks.py holds the output byte for byte against
rich's `Table` on generated tables, plain and in colour.

The part of rich's `Table` reproduced is what lkjip uses: box `SIMPLE_HEAD` (or whatever rich
substitutes for it on the console) without edges, padding (0, 1, 0, 0) without edge padding,
not expanded, the header in the `table.header` style and aligned to the bottom, body cells to
the top, a style per row, folding overflow. A cell given as `str` is literal text, never
markup (safer than rich, which reads a `str` cell as markup); a cell holding control
characters goes through `Text`, which strips them as rich does.

`cetak` prints a table a slice of rows at a time, so what rich buffers for one `print` stays
small however long the table.

A text rich 15 cannot crop (`terukur`): rich measures a zero-width joiner two ways, and
cropping or padding `"\u200d\u200d漢字"` to 3 cells raises IndexError inside rich (to 1 cell,
ZeroDivisionError), which a report's name in a column squeezed by a narrow terminal reached
(`lkjip compute` at `COLUMNS=40`). Both layouts print such a text with its joiners made
zero-width spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from typing import TYPE_CHECKING

from rich import box
from rich import cells as rich_cells
from rich.cells import cell_len
from rich.padding import Padding
from rich.segment import Segment, Segments
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, JustifyMethod, OverflowMethod, RenderResult
    from rich.table import Table

#: A cell: literal text, or a `Text` (its own style kept).
Isi = str | Text

#: Rows printed by one `Console.print` in `cetak`.
BARIS_PER_CETAK = 256


@dataclass(frozen=True, slots=True)
class KolomTeks:
    """A column: its header, alignment, and a fixed width (as rich's `Column.width`, the
    padding not included) or None to measure the cells."""

    judul: Text
    kanan: bool = False
    lebar: int | None = None
    no_wrap: bool = False
    overflow: OverflowMethod = "fold"


@dataclass(frozen=True, slots=True)
class BarisTeks:
    """A body row: one cell per column and the row's style (rich's row `style`)."""

    sel: Sequence[Isi]
    gaya: str | None = None


@dataclass(frozen=True, slots=True)
class TabelTeks:
    """A table with a title above and a caption below (both wrapped to the table's width),
    printable with `cetak` or, in one piece, with `console.print`."""

    kolom: Sequence[KolomTeks]
    baris: Sequence[BarisTeks]
    judul: Text | None = None
    judul_rata: JustifyMethod = "center"
    catatan: Text | None = None
    catatan_rata: JustifyMethod = "center"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        tabel = terukur(self)
        letak = TataLetak.untuk(tabel, console, options)
        if letak is None:
            yield from console.render(sebagai_rich(tabel), options)
            return
        yield from letak.kepala()
        yield from letak.isi(self.baris, 0)
        yield from letak.ekor()


def cetak(console: Console, tabel: TabelTeks) -> None:
    """Print `tabel` as `console.print(tabel)` would, `BARIS_PER_CETAK` rows at a time."""
    tabel = terukur(tabel)
    letak = TataLetak.untuk(tabel, console, _opsi_cetak(console))
    if letak is None:
        console.print(sebagai_rich(tabel))
        return
    # The title, the header and the caption cropped line by line as `print` crops them;
    # the rows are lines with newlines as segments of their own, so unless rich made the
    # table wider than the console (it can, when squeezed), nothing is left to crop.
    kepala = _potong(letak.kepala(), console.width)
    ekor = _potong(letak.ekor(), console.width)
    crop = letak.options.max_width > console.width
    rows = tabel.baris
    starts = range(0, len(rows), BARIS_PER_CETAK) or range(1)
    for awal in starts:
        segments = letak.isi(rows[awal:awal + BARIS_PER_CETAK], awal)
        if awal == starts[0]:
            segments = chain(kepala, segments)
        if awal == starts[-1]:
            segments = chain(segments, ekor)
        console.print(Segments(_gabung(segments)), crop=crop)


def _potong(segments: Iterable[Segment], width: int) -> list[Segment]:
    lines = Segment.split_and_crop_lines(segments, width, pad=False)
    return [segment for line in lines for segment in line]


def _gabung(segments: Iterable[Segment]) -> Iterator[Segment]:
    """Runs of unstyled segments joined into one (printed the same, byte for byte); styled
    segments kept apart, as rich gives each its own escape codes."""
    plain: list[str] = []
    for segment in segments:
        if segment.control or (segment.style is not None and segment.style):
            if plain:
                yield Segment("".join(plain))
                plain.clear()
            yield segment
        else:
            plain.append(segment.text)
    if plain:
        yield Segment("".join(plain))


def _opsi_cetak(console: Console) -> ConsoleOptions:
    """The options `Console.print` renders with when given no arguments."""
    return console.options.update(justify=None, overflow=None, height=None, no_wrap=None,
                                  markup=None, highlight=None)


class TataLetak:
    """A table's widths and box on one console: header, rows and caption as segments."""

    def __init__(self, tabel: TabelTeks, console: Console, options: ConsoleOptions,
                 widths: list[int]) -> None:
        self.tabel = tabel
        self.console = console
        self.widths = widths
        n = len(widths)
        self.pads = [0 if i == n - 1 else 1 for i in range(n)]
        self.options = options.update(width=sum(widths) + n - 1, highlight=False, height=None)
        self.box = box.SIMPLE_HEAD.substitute(options, safe=console.safe_box)
        self.border = console.get_style("")
        self.kepala_gaya = console.get_style("table.header")
        self.gaya_baris: dict[str | None, Style] = {}
        #: A console without colours (output piped, `lkjip check > berkas`) prints styles as
        #: nothing at all, so a styled row is printed as plain text too.
        self.tanpa_gaya = console.color_system is None

    @classmethod
    def untuk(cls, tabel: TabelTeks, console: Console,
              options: ConsoleOptions) -> TataLetak | None:
        """The layout rich's `Table` would give, or None on a console narrower than the
        table has columns."""
        if _ada_lebar_bergantung(tabel):
            return None
        widths = lebar_kolom(tabel, options.max_width - (len(tabel.kolom) - 1))
        if widths is None:
            return None
        return cls(tabel, console, options, widths)

    def kepala(self) -> Iterator[Segment]:
        """The title, the header row and the rule under it."""
        if self.tabel.judul:
            yield from self._anotasi(self.tabel.judul, self.tabel.judul_rata)
        cells = [self._sel(k.judul, i, self.kepala_gaya) for i, k in enumerate(self.tabel.kolom)]
        yield from self._baris(cells, self.box.head_vertical, self.kepala_gaya, Style.null(),
                               bawah=True)
        yield Segment(self.box.get_row(self.widths, "head", edge=False), self.border)
        yield Segment.line()

    def isi(self, rows: Sequence[BarisTeks], awal: int) -> Iterator[Segment]:
        """Body rows, the first of them row `awal` of the table: the table's last row takes
        the box's foot divider, as in rich. A row without style whose cells are plain text
        is one string; any other row is built from segments cell by cell."""
        last = len(self.tabel.baris) - 1
        for nomor, row in enumerate(rows, awal):
            divider = self.box.foot_vertical if nomor == last else self.box.mid_vertical
            style = self._gaya(row.gaya)
            if self.tanpa_gaya or (not style and not self.border):
                text = self._baris_polos(row.sel, divider)
                if text is not None:
                    yield Segment(text)
                    continue
            cells = [self._sel(c, i, style) for i, c in enumerate(row.sel)]
            yield from self._baris(cells, divider, style, style, bawah=False)

    def ekor(self) -> Iterator[Segment]:
        if self.tabel.catatan:
            yield from self._anotasi(self.tabel.catatan, self.tabel.catatan_rata)

    # --------------------------------------------------------------------------- pieces

    def _anotasi(self, text: Text, justify: JustifyMethod) -> Iterator[Segment]:
        yield from self.console.render(text, self.options.update(justify=justify))

    def _gaya(self, gaya: str | None) -> Style:
        """A body cell's style: the column's (none) and the row's, as rich adds them."""
        style = self.gaya_baris.get(gaya)
        if style is None:
            row = Style.null() + (self.console.get_style(gaya) if gaya is not None
                                  else Style.null())
            style = self.gaya_baris[gaya] = self.console.get_style("") + row
        return style

    def _baris_polos(self, sel: Sequence[Isi], divider: str) -> str | None:
        """A row of unstyled text cells as lines of text (newline ended), each cell's lines
        filled below with blanks; None if a cell is styled or not plain text."""
        cells = []
        for isi, width, pad, kolom in zip(sel, self.widths, self.pads, self.tabel.kolom,
                                          strict=True):
            if not (type(isi) is str or (isinstance(isi, Text)
                                         and (self.tanpa_gaya or not isi.style))):
                return None
            lines = self._baris_teks(isi, width - pad, kolom)
            if lines is None:
                return None
            cells.append((lines, " " * pad, " " * (width - pad)))
        height = max(len(lines) for lines, _, _ in cells)
        out = []
        for line_no in range(height):
            out.append(divider.join(
                (lines[line_no] if line_no < len(lines) else blank) + right
                for lines, right, blank in cells))
        return "\n".join(out) + "\n"

    def _sel(self, isi: Isi, i: int, gaya: Style) -> list[list[Segment]]:
        """The lines of one cell, each as wide as the column with its padding: a plain
        printable text justified or wrapped here; anything else rendered by rich exactly as
        its table renders a cell."""
        width, pad, kolom = self.widths[i], self.pads[i], self.tabel.kolom[i]
        lines = self._baris_teks(isi, width - pad, kolom)
        if lines is not None:
            own = self.console.get_style(isi.style) if isinstance(isi, Text) else None
            style = gaya + own if own else gaya
            right = [Segment(" " * pad, gaya)] if pad else []
            return [[Segment(line, style), *right] for line in lines]
        cell = Padding(Text(isi) if isinstance(isi, str) else isi, (0, pad, 0, 0))
        options = self.options.update(width=width, justify="right" if kolom.kanan else "left",
                                      no_wrap=kolom.no_wrap, overflow=kolom.overflow,
                                      height=None, highlight=False)
        return self.console.render_lines(cell, options, style=gaya)

    def _baris_teks(self, isi: Isi, width: int, kolom: KolomTeks) -> list[str] | None:
        """The lines of a plain printable text, each `width` cells; None for other cells."""
        text = isi if isinstance(isi, str) else isi.plain if _polos(isi) else None
        if text is None or not text.isprintable() or width < 1:
            return None
        line = _satu_baris(text, width, kolom.kanan)
        if line is not None:
            return [line]
        if text.isascii() and kolom.overflow == "fold" and not kolom.no_wrap:
            return _bungkus(text, width, kolom.kanan)
        lines = [wrapped.plain for wrapped in Text(text).wrap(
            self.console, width, justify="right" if kolom.kanan else "left",
            overflow=kolom.overflow, no_wrap=kolom.no_wrap)]
        return lines if all(cell_len(line) == width for line in lines) else None

    def _baris(self, cells: list[list[list[Segment]]], divider_text: str, cell_style: Style,
               row_style: Style, *, bawah: bool) -> Iterator[Segment]:
        """A row of rendered cells, shorter cells filled with blank lines (at the top of
        the header, at the bottom of a body row)."""
        height = max(len(c) for c in cells)
        divider = Segment(divider_text, self.border if divider_text.strip()
                          else row_style.background_style + self.border)
        for cell, width in zip(cells, self.widths, strict=True):
            fill = [[Segment(" " * width, cell_style)]] * (height - len(cell))
            cell[:] = fill + cell if bawah else cell + fill
            if not cell:  # a row of cells with no line at all is still one line high
                cell.append([Segment(" " * width)])
        for line_no in range(max(height, 1)):
            for i, cell in enumerate(cells):
                if i:
                    yield divider
                yield from cell[line_no]
            yield Segment.line()


#: Unicode categories whose width rich measures together with their neighbours: format
#: characters (zero-width joiner and space, word joiner, BOM) and combining marks.
KATEGORI_BERGANTUNG = frozenset({"Cf", "Mn", "Me"})


def _lebar_bergantung(teks: str) -> bool:
    return not teks.isascii() and any(
        unicodedata.category(c) in KATEGORI_BERGANTUNG for c in teks)


def _ada_lebar_bergantung(tabel: TabelTeks) -> bool:
    """Whether a header or cell holds a character whose width rich measures by its
    neighbours. rich 15 measures a text beginning with a zero-width joiner one cell short
    (`cell_len("\u200dkat") == 2`) in some of its steps and not in others, so a table
    holding one is laid out by rich itself, whose output lkjip's must equal byte for byte
    (found by tests/test_tabel_teks.py: `"\u200dkatakata"` in a squeezed column)."""
    teks = [k.judul.plain for k in tabel.kolom]
    teks += [isi if isinstance(isi, str) else isi.plain for row in tabel.baris for isi in row.sel]
    return any(_lebar_bergantung(t) for t in teks)


#: rich 15's `cell_len` gives `"\u200d\u200d漢字"` 4 cells, its grapheme splitter 2 (a joiner
#: after nothing takes the next character in without its width), and `set_cell_size` fails
#: on any width between the two; a wrapped line can begin with such a joiner too. A
#: zero-width space is as invisible, joins nothing, is one character as well (a `Text`'s
#: styles stay on their characters) and is measured alike.
ZWJ = "\u200d"
PENGGANTI_ZWJ = "\u200b"


def teks_terukur(teks: str) -> str:
    """`teks` with every zero-width joiner that does not join two visible characters made
    a zero-width space: an emoji sequence keeps its joiners, a stray joiner goes (a random
    test holds every part of the result croppable by rich to every width)."""
    if ZWJ not in teks:
        return teks
    lebar = rich_cells.get_character_cell_size
    akhir = len(teks) - 1
    return "".join(
        PENGGANTI_ZWJ if c == ZWJ and not (0 < i < akhir and lebar(teks[i - 1]) > 0
                                           and lebar(teks[i + 1]) > 0) else c
        for i, c in enumerate(teks))


def _isi_terukur(isi: Isi) -> Isi:
    return teks_terukur(isi) if isinstance(isi, str) else _text_terukur(isi)


def _text_terukur(text: Text) -> Text:
    aman = teks_terukur(text.plain)
    if aman == text.plain:
        return text
    salinan = text.copy()
    salinan.plain = aman  # the same length: every span stays where it was
    return salinan


def terukur(tabel: TabelTeks) -> TabelTeks:
    """`tabel` with every text rich could not crop made croppable (`teks_terukur`); the same
    table when none holds a zero-width joiner (almost always)."""
    teks = [k.judul.plain for k in tabel.kolom]
    teks += [t.plain for t in (tabel.judul, tabel.catatan) if t is not None]
    teks += [isi if isinstance(isi, str) else isi.plain for row in tabel.baris for isi in row.sel]
    if not any(ZWJ in t for t in teks):
        return tabel
    return replace(
        tabel,
        kolom=[replace(k, judul=_text_terukur(k.judul)) for k in tabel.kolom],
        baris=[replace(b, sel=[_isi_terukur(isi) for isi in b.sel]) for b in tabel.baris],
        judul=None if tabel.judul is None else _text_terukur(tabel.judul),
        catatan=None if tabel.catatan is None else _text_terukur(tabel.catatan))


def _polos(text: Text) -> bool:
    """Whether a `Text` lays out as its plain string would: no spans, no settings of its own."""
    return (not text.spans and text.justify is None and text.overflow is None
            and text.no_wrap is None and text.end == "\n")


def _satu_baris(text: str, width: int, kanan: bool) -> str | None:
    """A printable text that fits on one line, justified to `width` as rich justifies it
    (right: trailing spaces dropped first); None if it does not fit."""
    length = len(text) if text.isascii() else cell_len(text)
    if length > width:
        return None
    if kanan:
        text = text.rstrip()
        return " " * (width - (len(text) if text.isascii() else cell_len(text))) + text
    return text + " " * (width - length)


#: A word and the spaces after it, as rich's wrapping finds words.
KATA = re.compile(r"\s*\S+\s*")


def _bungkus(text: str, width: int, kanan: bool) -> list[str]:
    """A printable ASCII text (one cell a character) wrapped to `width` as rich's `Text.wrap`
    wraps it with folding overflow: a break before each word that does not fit the line,
    a word longer than the line folded over lines, spaces past the edge dropped, each line
    justified to `width` (right: trailing spaces dropped first)."""
    breaks = []
    offset = 0
    for match in KATA.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            pieces = [word[i:i + width] for i in range(0, len(word), width)]
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    lines = []
    for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True):
        line = text[a:b]
        if len(line) > width:
            spaces = len(line) - len(line.rstrip())
            line = line[:len(line) - min(spaces, len(line) - width)]
        if kanan:
            line = line.rstrip()[:width]
            lines.append(" " * (width - len(line)) + line)
        else:
            lines.append(line[:width].ljust(width))
    return lines


# ------------------------------------------------------------------------- column widths


def lebar_kolom(tabel: TabelTeks, max_width: int) -> list[int] | None:
    """Each column's width with its padding, as rich's `Table` (not expanded) computes it
    for `max_width` cells of room; None if there is no room at all."""
    n = len(tabel.kolom)
    if max_width < 1 or not n:
        return None
    pads = [0 if i == n - 1 else 1 for i in range(n)]
    widest = [None if k.lebar is not None else
              max(_baris_terpanjang(k.judul),
                  max((_baris_terpanjang(b.sel[i]) for b in tabel.baris), default=0))
              for i, k in enumerate(tabel.kolom)]

    def ukur(i: int, room: int) -> int:
        return _ukuran(tabel.kolom[i], widest[i], pads[i], room)

    widths = [ukur(i, max_width) or 1 for i in range(n)]
    if sum(widths) > max_width:
        wrapable = [k.lebar is None and not k.no_wrap for k in tabel.kolom]
        widths = _ciutkan(widths, wrapable, max_width)
        if sum(widths) > max_width:
            widths = _kurangi(sum(widths) - max_width, [1] * n, widths, widths)
        widths = [ukur(i, width) for i, width in enumerate(widths)]  # rich measures again
    return widths


def _ukuran(kolom: KolomTeks, widest: int | None, pad: int, room: int) -> int:
    """The widest a column wants to be in `room` cells, padding included (the maximum of
    rich's `Measurement` of the column): its fixed width, or its widest line's."""
    if room < 1:
        return 0
    if kolom.lebar is not None:
        return min(kolom.lebar + pad, room)
    assert widest is not None
    if room - pad < 1:
        return room
    return min(min(widest, room) + pad, room)


def _baris_terpanjang(isi: Isi) -> int:
    text = isi if isinstance(isi, str) and isi.isprintable() else None
    if text is not None:
        return cell_len(text)
    plain = Text(isi).plain if isinstance(isi, str) else isi.plain
    return max((cell_len(line) for line in plain.splitlines()), default=0)


def _ciutkan(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """rich's `Table._collapse_widths`: narrow the widest wrapping columns first."""
    total_width = sum(widths)
    excess_width = total_width - max_width
    if any(wrapable):
        while total_width and excess_width > 0:
            max_column = max(w for w, allow in zip(widths, wrapable, strict=True) if allow)
            second_max_column = max(w if allow and w != max_column else 0
                                    for w, allow in zip(widths, wrapable, strict=True))
            column_difference = max_column - second_max_column
            ratios = [1 if (w == max_column and allow) else 0
                      for w, allow in zip(widths, wrapable, strict=True)]
            if not any(ratios) or not column_difference:
                break
            max_reduce = [min(excess_width, column_difference)] * len(widths)
            widths = _kurangi(excess_width, ratios, max_reduce, widths)
            total_width = sum(widths)
            excess_width = total_width - max_width
    return widths


def _kurangi(total: int, ratios: list[int], maximums: list[int],
             values: list[int]) -> list[int]:
    """rich's `ratio_reduce`: take `total` from `values` in proportion to `ratios`."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


# ---------------------------------------------------------------------- the rich original


def sebagai_rich(tabel: TabelTeks) -> Table:
    """The same table as rich's `Table`: printed on a console narrower than the table has
    columns, and the reference the tests hold this module to. Texts rich could not crop
    are guarded here too (`terukur`)."""
    from rich.table import Table

    tabel = terukur(tabel)
    table = Table(title=tabel.judul, title_justify=tabel.judul_rata, caption=tabel.catatan,
                  caption_justify=tabel.catatan_rata, box=box.SIMPLE_HEAD, show_edge=False,
                  pad_edge=False, expand=False, padding=(0, 1, 0, 0))
    for k in tabel.kolom:
        table.add_column(k.judul, justify="right" if k.kanan else "left",
                         overflow=k.overflow, width=k.lebar, no_wrap=k.no_wrap)
    for b in tabel.baris:
        table.add_row(*(Text(c) if isinstance(c, str) else c for c in b.sel), style=b.gaya)
    return table
