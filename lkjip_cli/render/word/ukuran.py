"""Column widths from the width of the text in the typeface, so numbers never wrap.

Why measure: relative widths gave Tabel 3.13's "No" column 10 pt of text room for a bold
"No" 12 pt wide, and Word broke it inside the word ("N/o", "APB/D"). Here each column gets,
in twips, at least the width its content cannot go below: a number or a one-word header
whole (digits joined by `.` and `,` are no line-break opportunity), the longest word of a
text (a line may also break after a slash or a hyphen). What is left of the page goes first
to text columns up to a comfortable width (a few words a line, more for a long text), then
up to their longest text on one line, then to every column alike. A table whose comfortable
widths do not fit a portrait page goes on a landscape page (`render/docx.py`).

Widths are Helvetica's (Arial and Liberation Sans have the same metrics), 1/1000 em, from
Adobe's AFM file; a character not listed counts as a lower-case letter's average; bold is
taken 8% wider. Each cell keeps Word's default 0,19 cm padding on both sides.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Helvetica (regular) advance widths of printable ASCII, from the space (32) to `~` (126).
_AFM = (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584)
_LAIN = 556
TEBAL = 1.08
#: Where a line may break inside a text: spaces, and after a slash or a hyphen
#: ("Kab/Kota/Provinsi", "e-kinerja"), as Word and LibreOffice break them (UAX #14).
_PECAH = re.compile(r"\s+|(?<=[/-])")
#: A cell's left and right padding (Word's default 108 twips each) and a little slack.
TEPI = 2 * 108 + 40
#: A text column's comfortable width, in twips: about 2,4 cm, three short words a line; or
#: wide enough for its longest text in MAKS_BARIS lines (Tabel 3.9's rencana aksi, several
#: sentences a cell, would otherwise stand a page tall in a narrow column).
NYAMAN = 1360
MAKS_BARIS = 8


def lebar_teks(teks: str, pt: float, *, tebal: bool = False) -> float:
    """The width of `teks` on one line, in twips (1/20 pt)."""
    em = sum(_AFM[ord(c) - 32] if 32 <= ord(c) <= 126 else _LAIN for c in teks) / 1000
    return em * pt * 20 * (TEBAL if tebal else 1.0)


@dataclass(frozen=True, slots=True)
class Ukuran:
    """A column's widths in twips: the least it can have, comfortable, all on one line."""

    minimal: int
    nyaman: int
    penuh: int


def ukur_kolom(judul: str, isi: Sequence[str], *, angka: bool, pt: float) -> Ukuran:
    """The widths of a column from its header (bold, wraps between words) and its cells."""
    def kata(teks: str, tebal: bool = False) -> float:
        return max((lebar_teks(w, pt, tebal=tebal) for w in _PECAH.split(teks)), default=0.0)

    minimal = kata(judul, True)
    penuh = lebar_teks(judul, pt, tebal=True)
    for teks in isi:
        utuh = lebar_teks(teks, pt)
        # a number is never broken, nor a text without a break opportunity (a code)
        minimal = max(minimal, utuh if angka else kata(teks))
        penuh = max(penuh, utuh)
    # a long text wants more room than a short one: at most MAKS_BARIS lines a cell
    nyaman = minimal if angka else max(minimal, min(penuh, max(NYAMAN, penuh / MAKS_BARIS)))
    return Ukuran(int(minimal) + TEPI, int(nyaman) + TEPI, int(penuh) + TEPI)


def perlu_lebar(ukuran: Sequence[Ukuran]) -> int:
    """The width a table needs to be comfortable, in twips."""
    return sum(u.nyaman for u in ukuran)


def bagi_lebar(ukuran: Sequence[Ukuran], tersedia: int) -> list[int]:
    """Each column's width in twips, summing to `tersedia`: every column its minimum, then
    the rest in three rounds (comfortable, one line, then alike); a table wider than the
    page at its minimum is scaled down (the cells then wrap where they must)."""
    lebar = [float(u.minimal) for u in ukuran]
    if sum(lebar) >= tersedia:
        return _bulat([w * tersedia / sum(lebar) for w in lebar], tersedia)
    for sasaran in ([u.nyaman for u in ukuran], [u.penuh for u in ukuran]):
        sisa = tersedia - sum(lebar)
        kurang = [max(s - w, 0.0) for s, w in zip(sasaran, lebar, strict=True)]
        if sum(kurang) <= 0:
            continue
        bagian = min(1.0, sisa / sum(kurang))
        lebar = [w + k * bagian for w, k in zip(lebar, kurang, strict=True)]
    sisa = tersedia - sum(lebar)
    if sisa > 0:
        lebar = [w + sisa * w / sum(lebar) for w in lebar]
    return _bulat(lebar, tersedia)


def _bulat(lebar: Sequence[float], tersedia: int) -> list[int]:
    out = [int(w) for w in lebar]
    out[-1] += tersedia - sum(out)
    return out


#: A line of table text at 9 pt with Word's single spacing, in twips (about 1,15 x the size),
#: and a row's own padding and border.
BARIS_TWIPS = 1.15 * 20
TEPI_BARIS = 60


def tinggi_tabel(baris: Sequence[Sequence[str]], lebar: Sequence[int], pt: float) -> int:
    """About how tall a table's rows are, in twips, their text wrapped in `lebar`: for
    deciding whether to keep it on one page, not for drawing it."""
    total = 0.0
    for sel in baris:
        garis = max((math.ceil(lebar_teks(teks, pt) / max(w - TEPI, 1)) if teks else 1
                     for teks, w in zip(sel, lebar, strict=True)), default=1)
        total += garis * pt * BARIS_TWIPS + TEPI_BARIS
    return int(total)
