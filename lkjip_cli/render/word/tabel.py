"""A table model (`lkjip_cli.tabel`) as a Word table in the report's layout.

Why here: the table is drawn from the same model every surface draws (caption, columns,
cells through `format_sel`, so through `lkjip_cli/angka.py`, merged cells from
`rentang_gabung`); this module knows only Word's side of it: the header row and the row of
column numbers repeated on every page, shaded, rows that do not split, borders when the
reference document has no "Table Grid", and the column widths that `ukuran.py` measured,
written where both Word and LibreOffice read them.

Speed (issue 24): python-docx's `Table.cell()` rebuilds the table's whole cell grid on every
call and a merge walks the table again for each cell it reaches, which made the tables a
third of a Word export. The cells are written in one pass over the rows python-docx made,
each paragraph a copy of a prototype built once through python-docx's own API, and a merge
applies python-docx's own cell-merge steps to the cells it already holds; the XML is the same
byte for byte (tests/test_word.py compares it with the API's).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from copy import deepcopy
from typing import Any

from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_Merge
from docx.oxml.table import CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.shared import Pt, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from lkjip_cli.model.laporan import Aturan
from lkjip_cli.tabel import Baris, Tabel, format_sel, rentang_gabung

UKURAN_TABEL = 9
WARNA_JUDUL_KOLOM = "D9D9D9"


def tabel_word(doc: DocumentObject, t: Tabel, aturan: Aturan, *, gaya_bawaan: bool,
               lebar: Sequence[int], utuh: bool = False, nomor_kolom: Sequence[int] = (),
               gabung: Sequence[tuple[int, int, int]] | None = None) -> Table:
    """One table model as a Word table in the report's layout; `lebar`: each column's width
    in twips (`render/word/ukuran.py`); `utuh`: kept on one page (it moves to the next page
    whole rather than leave its first rows at the foot of one). A part of a split table
    (`tabel.bagian_tabel`) gives the numbers of its columns in the whole table
    (`nomor_kolom`, from 0) and its merged cells (`gabung`)."""
    n = len(t.kolom)
    table: Table = doc.add_table(rows=2 + len(t.baris), cols=n)
    styles: Any = doc.styles
    try:
        table.style = styles["Table Grid"]
    except KeyError:
        _garis(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # One pass over the rows python-docx made, each cell written from a prototype paragraph
    # (`Table.cell()` would rebuild the whole cell grid on every call).
    baris_tr = [tr.tc_lst for tr in table._tbl.tr_lst]
    for j, kolom in enumerate(t.kolom):
        _isi(baris_tr[0][j], kolom.judul, rata="tengah", tebal=True, kecil=gaya_bawaan)
        nomor = nomor_kolom[j] if nomor_kolom else j
        _isi(baris_tr[1][j], str(nomor + 1), rata="tengah", kecil=gaya_bawaan)
    for r in (0, 1):
        _ulang_judul(table.rows[r])
        for tc in baris_tr[r]:
            _arsir(tc, WARNA_JUDUL_KOLOM)
    for i, baris in enumerate(t.baris):
        _baris(baris_tr[2 + i], t, baris, aturan, kecil=gaya_bawaan)
    for kol, awal, akhir in rentang_gabung(t) if gabung is None else gabung:
        _gabung([baris_tr[2 + r][kol] for r in range(awal, akhir + 1)])
    _lebar_kolom(table, lebar)
    if utuh:
        _utuh(table)
    return table


def _baris(cells: Sequence[CT_Tc], t: Tabel, baris: Baris, aturan: Aturan, *,
           kecil: bool) -> None:
    for j, (sel, kolom) in enumerate(zip(baris.sel, t.kolom, strict=True)):
        angka = sel.jenis != "teks" or (kolom.angka and _seperti_angka(sel.nilai))
        _isi(cells[j], format_sel(sel, aturan), rata="kanan" if angka else "kiri",
             tebal=baris.gaya == "jumlah", kecil=kecil)


def _seperti_angka(nilai: object) -> bool:
    return isinstance(nilai, str) and bool(re.fullmatch(r"[\d.,–-]+", nilai))


def _isi(tc: CT_Tc, teks: str, *, rata: str, tebal: bool = False, kecil: bool) -> None:
    """The cell's one paragraph: a copy of the prototype for its alignment and weight, then
    the text (python-docx's run text: a tab or a line break becomes Word's own element)."""
    p = deepcopy(_prototipe(rata, tebal, kecil))
    if teks:
        p.r_lst[0].text = teks
    tc.replace(tc.p_lst[0], p)


@functools.cache
def _prototipe(rata: str, tebal: bool, kecil: bool) -> CT_P:
    """A cell paragraph as python-docx writes it (aligned, no space after, one run in the
    weight and size asked), made once through python-docx's own API and copied per cell."""
    par = Paragraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]
    par.paragraph_format.alignment = {"kiri": WD_ALIGN_PARAGRAPH.LEFT,
                                      "kanan": WD_ALIGN_PARAGRAPH.RIGHT,
                                      "tengah": WD_ALIGN_PARAGRAPH.CENTER}[rata]
    par.paragraph_format.space_after = Pt(0)
    run = par.add_run()
    run.bold = tebal
    if kecil:
        run.font.size = Pt(UKURAN_TABEL)
    return par._p


def _gabung(tcs: Sequence[CT_Tc]) -> None:
    """Merge a column's cells from the first to the last, as python-docx's `_Cell.merge`
    does (the lower cells' content moved into the first, vMerge restart/continue), without
    its walk over the whole table for each cell; then drop the moved empty paragraphs."""
    top = tcs[0]
    top.vMerge = ST_Merge.RESTART
    for tc in tcs[1:]:
        tc._move_content_to(top)
        tc.vMerge = ST_Merge.CONTINUE
    for p in top.p_lst[1:]:  # the merged rows' empty paragraphs
        if not Paragraph(p, None).text:  # type: ignore[arg-type]
            top.remove(p)


def _ulang_judul(row: Any) -> None:
    """Repeat the row at the top of every page the table runs over (w:tblHeader)."""
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)
    cant = OxmlElement("w:cantSplit")
    trpr.append(cant)


def _arsir(tc: CT_Tc, warna: str) -> None:
    tcpr = tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    tcpr.append(shd)


def _garis(table: Table) -> None:
    """Single borders on every edge, for a reference document without "Table Grid"."""
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tblpr.append(borders)


def _lebar_kolom(table: Table, lebar: Sequence[int]) -> None:
    """Column widths in twips, written both where LibreOffice reads them (w:gridCol) and
    where Word does (w:tcW of every cell), with a fixed layout and the table's own width."""
    table.autofit = False
    for j, w in enumerate(lebar):
        table.columns[j].width = Twips(w)
    for tr in table._tbl.tr_lst:
        for tc, w in zip(tr.tc_lst, lebar, strict=True):  # every row has n cells
            tc.width = Twips(w)
    tblw = table._tbl.tblPr.find(qn("w:tblW"))
    if tblw is not None:
        tblw.set(qn("w:type"), "dxa")
        tblw.set(qn("w:w"), str(sum(lebar)))


def _utuh(table: Table) -> None:
    """Keep the table on one page: every row's paragraphs keep with the next row (Word's own
    way, "Keep with next" on all rows but the last)."""
    for tr in table._tbl.tr_lst[:-1]:
        for p in tr.iter(qn("w:p")):
            ppr = p.get_or_add_pPr()
            ppr.keepNext_val = True
