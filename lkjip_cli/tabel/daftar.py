"""The one place in `tabel/` where a table is registered: what lkjip knows about it by number.

Its builder (`BUILDERS`, each one labelling its tables as the report numbers them through
`penomoran`), whether `lkjip compute` shows it by default (`BAB_III`), and which of its cells
the report merges (`GABUNG`, read through `rentang_gabung`), and how a table too wide for any
page is printed as tables of fewer columns (`BAGIAN`, read through `bagian_tabel`). Every
surface and command finds a table through here, so a new table is a new builder module in
`tabel/` plus its entries below.
The builder modules never import each other nor this one; docs/arsitektur.md lists what a new
table needs outside `tabel/` (its number in the file format, its template, its Excel sheet).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from lkjip_cli.angka import uraian_pembulatan
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.model.penomoran import Penomoran
from lkjip_cli.tabel.anggaran import tabel_3_10, tabel_3_11, tabel_3_12, tabel_3_13
from lkjip_cli.tabel.capaian import (
    tabel_3_4,
    tabel_3_5,
    tabel_3_6,
    tabel_3_7,
    tabel_3_8,
    tabel_3_9,
    tabel_kinerja_program,
    tabel_kinerja_sub_kegiatan,
)
from lkjip_cli.tabel.pendapatan import tabel_3_14
from lkjip_cli.tabel.perencanaan import tabel_2_1, tabel_2_4, tabel_2_5, tabel_2_6
from lkjip_cli.tabel.renja import bagian_renja, tabel_renja
from lkjip_cli.tabel.sakip import tabel_3_1, tabel_3_2
from lkjip_cli.tabel.sel import Baris, Sel, Tabel


def _bernomor(nomor: str, build: Callable[[Hasil], list[Tabel]]
              ) -> Callable[[Hasil], list[Tabel]]:
    """A builder whose tables carry the label the report prints for them (`penomoran`)."""

    def build_bernomor(h: Hasil) -> list[Tabel]:
        label = Penomoran(h.laporan.penomoran).label(nomor)
        tabel = [replace(t, nomor_cetak=label) for t in build(h)]
        aturan = h.laporan.aturan_di(nomor)
        if aturan is not h.laporan.aturan:
            tabel = [_dibulatkan(t, aturan, h.laporan.aturan) for t in tabel]
        return tabel

    return build_bernomor


def _dibulatkan(t: Tabel, aturan: Aturan, umum: Aturan) -> Tabel:
    """A table of a place that rounds its own way (`aturan.per_tempat`): its percentages
    carry that rounding, and its notes say it instead of the report's."""
    rows = tuple(replace(b, sel=tuple(
        replace(s, desimal=aturan.desimal_persen, pembulatan=aturan.pembulatan)
        if s.jenis in ("persen", "poin") else s for s in b.sel)) for b in t.baris)
    lama = uraian_pembulatan(umum.desimal_persen, umum.pembulatan)
    baru = uraian_pembulatan(aturan.desimal_persen, aturan.pembulatan)
    return replace(t, baris=rows, catatan=tuple(c.replace(lama, baru) for c in t.catatan))


_PEMBANGUN: dict[str, Callable[[Hasil], list[Tabel]]] = {
    "2.1": tabel_2_1, "2.4": tabel_2_4, "2.5": tabel_2_5, "2.6": tabel_2_6,
    "3.1": tabel_3_1, "3.2": tabel_3_2, "3.4": tabel_3_4, "3.5": tabel_3_5,
    "3.6": tabel_3_6, "3.7": tabel_3_7, "kinerja-program": tabel_kinerja_program,
    "3.8": tabel_3_8, "kinerja-sub-kegiatan": tabel_kinerja_sub_kegiatan, "3.9": tabel_3_9,
    "3.10": tabel_3_10, "3.11": tabel_3_11, "3.12": tabel_3_12, "3.13": tabel_3_13,
    "3.14": tabel_3_14, "renja": tabel_renja,
}

BUILDERS: dict[str, Callable[[Hasil], list[Tabel]]] = {
    nomor: _bernomor(nomor, build) for nomor, build in _PEMBANGUN.items()}

#: What `lkjip compute` shows when no --tabel is given: Bab III's figures.
BAB_III = ("3.4", "3.5", "3.6", "3.7", "kinerja-program", "3.8", "kinerja-sub-kegiatan", "3.9",
           "3.10", "3.11", "3.12", "3.13",
           "3.14")


def bangun(h: Hasil, nomor: Sequence[str]) -> list[Tabel]:
    """The requested tables, in the order asked; unknown numbers raise KeyError."""
    return [t for n in nomor for t in BUILDERS[n](h)]


#: Cells the report merges down its rows, per table number: (anchor column, columns). A
#: group starts at a row whose anchor cell has text and runs over the following rows whose
#: anchor cell is empty (never into a "jumlah" row); the listed columns are merged over it.
#: Earlier groups bound later ones (an indikator never spans two sasaran). Renderers that
#: can merge (DOCX, XLSX) draw from this; text renderers leave the cells blank.
GABUNG: dict[str, tuple[tuple[int, tuple[int, ...]], ...]] = {
    "2.1": ((1, (0, 1)), (2, (2,))),
    "2.4": ((1, (0, 1)),),
    "3.4": ((1, (0, 1)), (2, (2, 3, 4))),
    # A node's name (and, for programs and sub kegiatan, its money) over its indicators.
    "kinerja-program": ((0, (0, 6, 7, 8)),),
    "3.8": ((0, (0,)),),
    "kinerja-sub-kegiatan": ((0, (0, 6, 7, 8)),),
    "3.9": ((0, (0,)),),
    "3.12": ((1, (0, 1)),),
    "3.13": ((0, (0, 5)),),
    # Evaluasi Hasil Renja: a node's kode, name, sasaran and Rp columns (5-12 sit at the
    # same place in the 17- and 15-column forms) over its indicators' rows.
    "renja": ((0, (0, 1, 2, 6, 8, 10, 12, 14, 16, 18, 20)),),
}


def rentang_gabung(t: Tabel) -> list[tuple[int, int, int]]:
    """The merged cells of `t` as (column, first row, last row), rows counted from 0."""
    batas: set[int] = set()  # rows where a group of an earlier rule starts
    out: list[tuple[int, int, int]] = []
    for anchor, cols in GABUNG.get(t.nomor, ()):
        starts = [i for i, b in enumerate(t.baris)
                  if i in batas or b.gaya == "jumlah" or _ada_teks(b.sel[anchor])]
        for n, start in enumerate(starts):
            end = start
            nxt = starts[n + 1] if n + 1 < len(starts) else len(t.baris)
            while end + 1 < nxt and t.baris[end + 1].gaya != "jumlah":
                end += 1
            if end > start and _ada_teks(t.baris[start].sel[anchor]):
                out += [(c, start, end) for c in cols]
        batas |= set(starts)
    return out


def _ada_teks(sel: Sel) -> bool:
    return sel.nilai not in (None, "")


#: Tables too wide for a page printed as several tables of fewer columns with the same row
#: labels, per table number: the columns of each part (docs/renja.md section 4). Only pages
#: (Word, PDF) split a table; every other surface prints it whole.
BAGIAN: dict[str, Callable[[Tabel], tuple[tuple[int, ...], ...]]] = {
    "renja": bagian_renja,
}


@dataclass(frozen=True, slots=True)
class Bagian:
    """One part of a split table: a table of its own (the second and later ones captioned
    "(lanjutan)"), the table's columns it holds (to number them as the whole table does),
    and its merged cells as (column, first row, last row) in the part's own rows."""

    tabel: Tabel
    kolom: tuple[int, ...]
    gabung: tuple[tuple[int, int, int], ...]


def bagian_tabel(t: Tabel) -> list[Bagian]:
    """`t` in the parts `BAGIAN` gives it (one part, itself, for any other table). A part
    leaves out the rows that have nothing in its columns (a node's second indicator in the
    Rp part), and keeps the merges of the whole table that fall on its columns and rows."""
    gabung = rentang_gabung(t)
    bagi = BAGIAN.get(t.nomor)
    if bagi is None:
        return [Bagian(t, tuple(range(len(t.kolom))), tuple(gabung))]
    out = []
    for n, kolom in enumerate(bagi(t)):
        baris = [i for i, b in enumerate(t.baris) if any(_ada_teks(b.sel[j]) for j in kolom)]
        ke = {i: n for n, i in enumerate(baris)}
        tempat = {j: n for n, j in enumerate(kolom)}
        sisa = (_bagian_gabung(c, awal, akhir, ke, tempat) for c, awal, akhir in gabung)
        out.append(Bagian(
            replace(t, kolom=tuple(t.kolom[j] for j in kolom),
                    baris=tuple(_potong(t.baris[i], kolom) for i in baris),
                    lanjutan=t.lanjutan or n > 0, nomor_cetak=t.label),
            kolom, tuple(g for g in sisa if g is not None)))
    return out


def _potong(b: Baris, kolom: Sequence[int]) -> Baris:
    return replace(b, sel=tuple(b.sel[j] for j in kolom))


def _bagian_gabung(c: int, awal: int, akhir: int, ke: dict[int, int], tempat: dict[int, int]
                   ) -> tuple[int, int, int] | None:
    """A merge of the whole table in a part's rows and columns, if it still spans rows."""
    baris = [ke[i] for i in range(awal, akhir + 1) if i in ke]
    if c not in tempat or awal not in ke or len(baris) < 2:
        return None
    return tempat[c], baris[0], baris[-1]
