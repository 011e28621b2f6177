"""The report's tables as an Excel workbook whose derived figures are live formulas.

Why formulas: a reviewer audits an LKjIP in Excel. Each derived cell here is the formula
that made the figure, over the cells holding its inputs, so the reviewer can follow (and
change) any input and see every figure move as lkjip's engine would move it. The formula
is a rendering of the provenance the engine already keeps (`Sel.asal`, a `Nilai` with its
formula and rules), never a second derivation: the polarity and negative formula come from
the figure's rules, the target-0 rule and the cap from the report's `aturan`, and the test
suite recalculates every formula with two independent engines (the `formulas` package,
and LibreOffice where it is installed) and compares it with lkjip's own figure at the
printed precision.

Layout: one sheet per table model (`tabel/`), caption in row 1, header in row 3
(frozen), data from row 4, then the notes and "Sumber Data". The sheets are placed first,
then the map of the workbook is built (`peta`: the one home cell of each input, the first
table that shows it, shaded; where each figure is shown), and only then are cells written,
each by `turunan.rumus_sel`: a reference to its input's home, or a formula over the cells
of its inputs on any sheet. A figure lkjip cannot express as a formula (an input that no
sheet shows) is its exact value with a comment saying why. Category words are lookups over
the report's scales on the sheet "Skala" (`skala`). Rounding is Excel's ROUND (ROUNDDOWN
when the report truncates); a report rounding half-even differs from ROUND only on an exact
tie, which Excel cannot tell from its binary value anyway. Number formats use Excel's
neutral codes (`#,##0.00`), which an Indonesian Excel displays as the report prints
(`1.234,56`).

A sheet "Temuan" lists the findings of `lkjip check`, each linked to the sheet (and where it
can be placed, the cell) of the printed figure; printed figures sit in their own column
beside the computed one, filled red where they differ.

openpyxl is imported at the top; only `lkjip export` imports this module.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkjip_cli import angka as fmt
from lkjip_cli.audit.temuan import Temuan, Tingkat
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.render.xlsx.gaya import (
    ARSIR,
    ATAS,
    BEDA,
    GARIS,
    JUDUL,
    KANAN_ATAS,
    KETERANGAN,
    MASUKAN,
    TEBAL,
    TENGAH,
    gaya,
)
from lkjip_cli.render.xlsx.lembar import BARIS_DATA, BARIS_JUDUL, Lembar, lembar_ref, ref
from lkjip_cli.render.xlsx.peta import Peta
from lkjip_cli.render.xlsx.rumus import Rumus
from lkjip_cli.render.xlsx.skala import NAMA as NAMA_SKALA
from lkjip_cli.render.xlsx.skala import tulis_skala
from lkjip_cli.render.xlsx.turunan import (
    alasan_nilai,
    catatan_rumus,
    rumus_sel,
    rumus_teks,
)
from lkjip_cli.source.sel_aman import tulis_nilai, tulis_rumus, tulis_teks
from lkjip_cli.tabel import BUILDERS, Baris, Sel, Tabel, rentang_gabung

#: The creator written into the workbook's properties (see `cli/berkas.py`).
PEMBUAT = "lkjip"

#: The tables of each chapter, in the report's order (Bab IV has no table of its own).
BAB_TABEL = {
    "2": ("2.1", "2.4", "2.5", "2.6"),
    "3": ("3.1", "3.2", "3.4", "3.5", "3.6", "3.7", "kinerja-program", "3.8",
          "kinerja-sub-kegiatan", "3.9", "3.10", "3.11", "3.12",
          "3.13", "3.14", "renja"),
    "4": (),
}

#: Excel refuses a formula of 8,192 characters or more (its specification's limits).
PANJANG_RUMUS = 8192

# -------------------------------------------------------------------------- sheets


def _format_angka(sel: Sel, aturan: Aturan) -> str:
    if sel.jenis in ("persen", "poin"):
        d = aturan.desimal_persen
        return "#,##0" + ("." + "0" * d if d else "")
    if isinstance(sel.nilai, Decimal):
        d = fmt.desimal_dari(sel.nilai) if sel.jenis != "rupiah" else (
            0 if sel.nilai == sel.nilai.to_integral_value() else 2)
        kode = "#,##0" + ("." + "0" * d if d else "")
        return f"{kode};({kode})" if sel.kurung else kode
    return "General"


#: Characters Excel refuses in a sheet's name.
_TERLARANG = "[]:*?/\\"
#: The longest sheet name Excel accepts.
PANJANG_NAMA = 31


def nama_lembar(t: Tabel, dipakai: set[str]) -> str:
    """The sheet's name: the label the report prints for the table (`penomoran`: `Tabel
    III.4`, the Renja form's `Tabel E.81`), lkjip's number when the report sets none
    (`Tabel 3.5`), and the part of a table printed in parts (`Tabel 3.8 SS1`), so that a
    reviewer finds the sheet by the caption the document prints.

    Within Excel's rules: at most 31 characters, none of `[]:*?/\\`, no apostrophe at
    either end, and unique without regard to case (Excel's own comparison); a name already
    taken (a label the report prints twice, a continued part) gets ` 2`, ` 3`, ... in the
    order the tables are placed, so the same report always gets the same names. `dipakai`
    holds the names taken so far, case-folded.
    """
    nama = f"Tabel {t.label}" + (f" {t.bagian}" if t.bagian else "")
    for ch in _TERLARANG:
        nama = nama.replace(ch, "-")
    nama = nama[:PANJANG_NAMA].strip("' ") or "Tabel"
    base, n = nama, 2
    while nama.casefold() in dipakai:
        akhiran = f" {n}"
        nama = base[:PANJANG_NAMA - len(akhiran)].rstrip("' ") + akhiran
        n += 1
    dipakai.add(nama.casefold())
    return nama


def siapkan_lembar(wb: Workbook, t: Tabel, dipakai: set[str], nama: str | None = None,
                   rumus_luar: dict[tuple[int, int], str] | None = None) -> Lembar:
    """A sheet for a table, placed but not yet written: every formula may point to any
    sheet, so all are placed (and the map of inputs built) before a cell is written."""
    ws = wb.create_sheet(nama or nama_lembar(t, dipakai))
    return Lembar(ws, t, rumus=rumus_luar or {})


def tulis_lembar(lembar: Lembar, aturan: Aturan, peta: Peta, judul_polos: bool = False
                 ) -> None:
    ws, t = lembar.ws, lembar.tabel
    judul = " ".join(t.judul) if judul_polos else t.caption
    gaya(tulis_teks(ws.cell(1, 1), judul), font=JUDUL)
    for j, kolom in enumerate(t.kolom):
        gaya(tulis_teks(ws.cell(BARIS_JUDUL, j + 1), kolom.judul), font=TEBAL, fill=ARSIR,
             border=GARIS, alignment=TENGAH)
    for i, baris in enumerate(t.baris):
        _tulis_baris(lembar, i, baris, aturan, peta)
    for kol, awal, akhir in rentang_gabung(t):
        ws.merge_cells(start_row=lembar.baris(awal), start_column=kol + 1,
                       end_row=lembar.baris(akhir), end_column=kol + 1)
    bawah = BARIS_DATA + len(t.baris) + 1
    for n, teks in enumerate([*(f"Keterangan: {c}" for c in t.catatan),
                              *([f"Sumber Data: {t.sumber}"] if t.sumber else [])]):
        gaya(tulis_teks(ws.cell(bawah + n, 1), teks), font=KETERANGAN)
    _tata_halaman(ws, t)


def _tulis_baris(lembar: Lembar, i: int, baris: Baris, aturan: Aturan, peta: Peta) -> None:
    ws = lembar.ws
    r = lembar.baris(i)
    # A table that rounds its own way (`aturan.per_tempat`) rounds so in its formulas too.
    aturan = peta.hasil.laporan.aturan_di(lembar.tabel.nomor)
    rumus = peta.rumus if aturan is peta.rumus.aturan else Rumus(aturan)
    for j, sel in enumerate(baris.sel):
        c = ws.cell(r, j + 1)
        gaya(c, border=GARIS, alignment=ATAS)
        if baris.gaya == "jumlah":
            gaya(c, font=TEBAL)
        if sel.jenis == "teks":
            if (kata := rumus_teks(lembar, i, j, peta)) is not None and \
                    len(kata) < PANJANG_RUMUS:
                tulis_rumus(c, kata)
            else:
                tulis_teks(c, str(sel.nilai or ""))
            continue
        formula = rumus_sel(lembar, i, j, rumus, peta)
        if formula is not None and len(formula) >= PANJANG_RUMUS:
            formula = None  # written as its value, with the comment saying why
        if formula is not None:
            tulis_rumus(c, formula)
            catatan = catatan_rumus(lembar, i, j)
            if catatan is not None:
                c.comment = Comment(catatan, PEMBUAT)
        elif sel.nilai is None or isinstance(sel.nilai, str):
            tulis_teks(c, sel.nilai if isinstance(sel.nilai, str) else fmt.TIDAK_ADA)
            gaya(c, alignment=KANAN_ATAS)
            continue
        else:
            tulis_nilai(c, sel.nilai)
            if (ws.title, i, j) in peta.isian:
                gaya(c, fill=MASUKAN)
            elif (alasan := alasan_nilai(lembar, i, j, rumus_sel(lembar, i, j, rumus,
                                                                 peta))) is not None:
                c.comment = Comment(alasan, PEMBUAT)
        gaya(c, number_format=_format_angka(sel, aturan))


def _tata_halaman(ws: Worksheet, t: Tabel) -> None:
    ws.freeze_panes = f"A{BARIS_DATA}"
    ws.print_title_rows = f"{BARIS_JUDUL}:{BARIS_JUDUL}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    for j, kolom in enumerate(t.kolom):
        terpanjang = max([len(kolom.judul), *(len(str(b.sel[j].nilai or ""))
                                              for b in t.baris)], default=8)
        lebar = 16 if kolom.angka else min(max(terpanjang * 0.9, 6), 45)
        ws.column_dimensions[get_column_letter(j + 1)].width = lebar


# -------------------------------------------------------------------------- findings


def _tempat(lembar: Lembar, temuan: Temuan) -> tuple[int, int] | None:
    """The (row, column) of the computed figure a finding is about, when it can be placed.

    The row is the one whose figures were computed most wholly from inputs under the
    finding's entity (its path up to `dilaporkan`); the column the computed column whose
    header names the finding's quantity.
    """
    t = lembar.tabel
    kolom = _kolom(t, temuan.kolom)
    path = tuple(temuan.path)
    entitas = path[:path.index("dilaporkan")] if "dilaporkan" in path else path
    if not kolom or not entitas:
        return None
    terbaik: tuple[float, int] = (0.0, -1)
    for i, sumber in enumerate(lembar.sumber_baris()):
        if sumber:
            skor = sum(s[:len(entitas)] == entitas for s in sumber) / len(sumber)
            if skor > terbaik[0]:
                terbaik = (skor, i)
    if terbaik[1] < 0:
        return None
    return terbaik[1], kolom[0]


#: How `lkjip check` names a quantity that a table's header names otherwise.
_NAMA_KOLOM = {"realisasi anggaran (rp)": "realisasi (rp)", "efisiensi": "tingkat efisiensi"}


def _kolom(t: Tabel, kuantitas: str) -> list[int]:
    """The columns that can hold a quantity: the header equal to its name, else similar."""
    kuantitas = _NAMA_KOLOM.get(kuantitas.lower(), kuantitas.lower())
    sama = [j for j, k in enumerate(t.kolom) if k.judul.lower() == kuantitas]
    return sama or [j for j, k in enumerate(t.kolom) if _kolom_cocok(k.judul, kuantitas)]


def _kolom_cocok(judul: str, kuantitas: str) -> bool:
    judul = judul.lower()
    if "capaian" in kuantitas:
        return "capaian" in judul or judul == "%"
    if "penyerapan" in kuantitas or kuantitas.startswith("%"):
        return "%" in judul and "capaian" not in judul
    return bool(kuantitas) and kuantitas in judul


def tulis_temuan(wb: Workbook, lembar: Sequence[Lembar], temuan: Sequence[Temuan],
                 aturan: Aturan) -> None:
    """The sheet "Temuan", and each placed printed figure beside its computed one."""
    ws = wb.create_sheet("Temuan")
    judul = ["Tabel", "Tempat", "Kolom", "Dicetak", "Dihitung", "Selisih", "Tingkat",
             "Keterangan", "Sel"]
    for j, teks in enumerate(judul):
        gaya(tulis_teks(ws.cell(1, j + 1), teks), font=TEBAL, fill=ARSIR, border=GARIS,
             alignment=TENGAH)
    # A finding names its table as the report prints it (`Tabel III.4`, `Tabel E.81`,
    # `Tabel 3.8 (SS1)`), so its sheets are found by the same label.
    per_tabel: dict[str, list[Lembar]] = {}
    for lb in lembar:
        per_tabel.setdefault(lb.tabel.label, []).append(lb)
    for n, tm in enumerate(temuan):
        r = n + 2
        nilai = [tm.tabel, tm.lokasi, tm.kolom, _teks(tm.dicetak, aturan),
                 _teks(tm.dihitung, aturan), _teks(tm.selisih, aturan), tm.tingkat.value,
                 tm.keterangan]
        for j, v in enumerate(nilai):
            gaya(tulis_teks(ws.cell(r, j + 1), v), alignment=ATAS)
        if tm.tingkat is not Tingkat.COCOK:
            for j in range(len(nilai)):
                gaya(ws.cell(r, j + 1), fill=BEDA)
        label = tm.tabel.split(" (")[0].removeprefix("Tabel ")
        _taut(ws.cell(r, len(nilai) + 1), per_tabel.get(label, []), tm, aturan)
    for j, lebar in enumerate((8, 30, 18, 14, 14, 10, 12, 60, 18)):
        ws.column_dimensions[get_column_letter(j + 1)].width = lebar
    ws.freeze_panes = "A2"


def _taut(cell: Cell, lembar: Sequence[Lembar], tm: Temuan, aturan: Aturan) -> None:
    for lb in lembar:
        tempat = _tempat(lb, tm)
        if tempat is None:
            continue
        kolom = _kolom_cetak(lb, tempat[1])
        r = lb.baris(tempat[0])
        c = tulis_nilai(lb.ws.cell(r, kolom + 1), tm.dicetak if tm.dicetak is not None else "")
        if isinstance(tm.dicetak, Decimal):
            gaya(c, number_format="#,##0" + ("." + "0" * fmt.desimal_dari(tm.dicetak)
                                             if fmt.desimal_dari(tm.dicetak) else ""))
        gaya(c, border=GARIS)
        if tm.tingkat is not Tingkat.COCOK:
            gaya(c, fill=BEDA)
        _taut_ke(cell, f"{lembar_ref(lb.ws)}!{ref(kolom, r)}")
        return
    if lembar:
        _taut_ke(cell, f"{lembar_ref(lembar[0].ws)}!A1")


def _taut_ke(cell: Cell, alamat: str) -> None:
    """A link lkjip made to a cell of the workbook: the address as text, and the link."""
    tulis_teks(cell, alamat)
    cell.hyperlink = f"#{alamat}"
    cell.style = "Hyperlink"


def _kolom_cetak(lb: Lembar, j: int) -> int:
    """The printed-figure column beside computed column j (added at the table's right)."""
    if j not in lb.kolom_cetak:
        kolom = len(lb.tabel.kolom) + len(lb.kolom_cetak)
        lb.kolom_cetak[j] = kolom
        c = tulis_teks(lb.ws.cell(BARIS_JUDUL, kolom + 1),
                       f"Dicetak laporan: {lb.tabel.kolom[j].judul}")
        gaya(c, font=TEBAL, fill=BEDA, border=GARIS, alignment=TENGAH)
        lb.ws.column_dimensions[get_column_letter(kolom + 1)].width = 16
    return lb.kolom_cetak[j]


def _teks(v: Decimal | str | None, aturan: Aturan) -> str:
    if v is None:
        return ""
    return v if isinstance(v, str) else fmt.angka(v)


# ------------------------------------------------------------------------ workbook


def nomor_tabel(bab: Sequence[str], tabel: Sequence[str]) -> list[str]:
    if tabel:
        return list(tabel)
    return [n for b in bab for n in BAB_TABEL.get(b, ())]


def buku_kerja(hasil: Hasil, *, bab: Sequence[str], tabel: Sequence[str] = (),
               sumber: str = "", temuan: Sequence[Temuan] | None = None,
               grafik: Callable[[Workbook, Hasil, Sequence[Lembar]], None] | None = None
               ) -> tuple[Workbook, list[Lembar]]:
    """The workbook and where each table landed (tests and charts read the placement)."""
    aturan = hasil.laporan.aturan
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    props = wb.properties
    props.creator = PEMBUAT
    props.lastModifiedBy = PEMBUAT
    props.title = f"LKjIP {hasil.laporan.instansi.nama} Tahun {hasil.laporan.tahun}"
    props.description = f"dibuat oleh lkjip dari {sumber or 'laporan'}"
    dipakai: set[str] = set()
    lembar = [siapkan_lembar(wb, t, dipakai)
              for n in nomor_tabel(bab, tabel) for t in BUILDERS[n](hasil)]
    skala = None
    if any(lb.tabel.nomor in ("3.2", "3.5") for lb in lembar) or ("4" in bab and not tabel):
        skala = tulis_skala(wb, hasil)
    peta = Peta.susun(hasil, lembar, Rumus(aturan), skala)
    polos = None
    if "4" in bab and not tabel:
        from lkjip_cli.render.xlsx.ringkasan import NAMA, ringkasan

        t, formulas = ringkasan(hasil, lembar, peta)
        polos = siapkan_lembar(wb, t, dipakai, NAMA, formulas)
        lembar.append(polos)
    if skala:  # after the tables and the summary that look words up in it
        wb.move_sheet(NAMA_SKALA, len(wb.sheetnames) - 1 - wb.sheetnames.index(NAMA_SKALA))
    for lb in lembar:
        tulis_lembar(lb, aturan, peta, judul_polos=lb is polos)
    if temuan is not None:
        tulis_temuan(wb, lembar, temuan, aturan)
    if grafik is not None:
        grafik(wb, hasil, lembar)
    if not wb.worksheets:
        wb.create_sheet("Kosong")
    return wb, lembar


def buku_kerja_xlsx(hasil: Hasil, *, bab: Sequence[str], tabel: Sequence[str] = (),
                    sumber: str = "", grafik: bool = False) -> bytes:
    """The workbook as XLSX bytes, with the findings of `lkjip check`."""
    from lkjip_cli.audit import audit

    tambah = None
    if grafik:
        from lkjip_cli.render.xlsx.grafik import grafik_excel

        tambah = grafik_excel
    wb, _ = buku_kerja(hasil, bab=bab, tabel=tabel, sumber=sumber,
                       temuan=audit(hasil).temuan, grafik=tambah)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
