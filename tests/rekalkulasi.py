"""Recalculate an lkjip workbook with an engine independent of lkjip (the `formulas` package)
and compare every formula cell with lkjip's own figure at the report's printed precision.

The recalculated values are IEEE doubles, as in Excel; each is turned into a Decimal through
its shortest repr and then formatted by `lkjip_cli/angka.py` exactly as the report prints the
engine's figure. A double carries 15 significant digits, so figures above 10^13 (only the
property tests' extreme budgets), and unrounded figures (a quarterly roll-up of inputs with
many places), are compared to 13 significant digits instead.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from decimal import Decimal, localcontext
from pathlib import Path
from typing import Any

from lkjip_cli import angka as fmt
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.render.xlsx.buku_kerja import MASUKAN
from lkjip_cli.render.xlsx.lembar import Lembar
from lkjip_cli.tabel import Sel, format_sel

BATAS_DOUBLE = Decimal(10) ** 13


@dataclass(frozen=True)
class Beda:
    lembar: str
    sel: str
    rumus: str
    lkjip: str
    excel: str


def hitung_ulang(path: Path) -> dict[str, Any]:
    """Every cell's value after recalculation, keyed `SHEET!A1` (sheet upper-cased)."""
    import formulas

    model = formulas.ExcelModel().loads(str(path)).finish()
    solusi = model.calculate()
    out: dict[str, Any] = {}
    for kunci, nilai in solusi.items():
        sheet_cell = kunci.split("]", 1)[1]
        sheet, _, cell = sheet_cell.rpartition("!")
        value = getattr(nilai, "value", nilai)
        with contextlib.suppress(TypeError, IndexError):
            value = value[0][0]
        out[f"{sheet.strip(chr(39))}!{cell}"] = value
    return out


def hitung_ulang_libreoffice(path: Path, soffice: str) -> dict[str, Any]:
    """Every cell's value after LibreOffice (headless) loads, recalculates and saves `path`."""
    import subprocess

    import openpyxl

    out_dir = path.parent / "libreoffice"
    subprocess.run([soffice, "--headless", "--calc", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out_dir), str(path)],
                   check=True, capture_output=True, timeout=300)
    wb = openpyxl.load_workbook(out_dir / path.name, data_only=True)
    return {f"{ws.title.upper()}!{c.coordinate}": c.value
            for ws in wb.worksheets for row in ws.iter_rows() for c in row}


def calc_terpasang(soffice: str) -> bool:
    """Whether LibreOffice has its Calc component (libsclo), without which it converts no
    spreadsheet: Debian splits it out (libreoffice-calc), and a Writer-only install exists."""
    import os

    program = Path(os.path.realpath(soffice)).parent
    return any(program.glob("libsclo.*"))


def tanpa_rumus(lembar: list[Lembar]) -> list[str]:
    """The computed figures written as a constant without a comment saying why (an input's
    home, shaded as one, is no computed figure)."""
    out = []
    for lb in lembar:
        for i, baris in enumerate(lb.tabel.baris):
            for j, sel in enumerate(baris.sel):
                cell = lb.ws.cell(lb.baris(i), j + 1)
                hitungan = sel.asal is not None and sel.asal.nilai is not None and \
                    sel.jenis in ("persen", "poin", "rupiah")
                rumus = isinstance(cell.value, str) and cell.value.startswith("=")
                masukan = str(cell.fill.fgColor.rgb).endswith(MASUKAN.fgColor.rgb[-6:])
                if hitungan and not rumus and not masukan and cell.comment is None and \
                        sel.asal:
                    out.append(f"{lb.ws.title}!{cell.coordinate} ({sel.asal.rumus})")
    return out


def bandingkan_semua(lembar: list[Lembar], path: Path, lembar_baru: list[Lembar],
                     aturan: Aturan) -> tuple[int, list[Beda]]:
    """Every number of every sheet of the workbook at `path` after recalculation (formulas
    and constants alike) against lkjip's figures for the changed report, laid out in the
    same cells as `lembar`."""
    import openpyxl

    nilai = hitung_ulang(path)
    buku = openpyxl.load_workbook(path)
    n, beda = 0, []
    for lb, baru in zip(lembar, lembar_baru, strict=True):
        ws = buku[lb.ws.title]
        assert ws.title == baru.ws.title and len(lb.tabel.baris) == len(baru.tabel.baris)
        for i, baris in enumerate(baru.tabel.baris):
            for j, sel in enumerate(baris.sel):
                cell = ws.cell(lb.baris(i), j + 1)
                rumus = isinstance(cell.value, str) and cell.value.startswith("=")
                if sel.jenis == "teks" and not rumus:  # a category word is a formula
                    continue
                value = nilai.get(f"{ws.title.upper()}!{cell.coordinate}") if rumus \
                    else cell.value
                n += 1
                lkjip = format_sel(sel, aturan) if sel.nilai is not None else fmt.TIDAK_ADA
                if isinstance(sel.nilai, str):
                    lkjip = sel.nilai
                excel = _teks_excel(value, sel, aturan)
                if not _sama(lkjip, excel, sel, value, aturan):
                    beda.append(Beda(ws.title, cell.coordinate, str(cell.value), lkjip, excel))
    return n, beda


def _teks_excel(value: Any, sel: Sel, aturan: Aturan) -> str:
    if isinstance(value, str):
        return str(value)  # also an Excel error (#VALUE!), a str subclass
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    angka = Decimal(repr(float(value)))
    if sel.jenis in ("input", "bilangan") and isinstance(sel.nilai, Decimal):
        # an input prints its own places: 73.0 read back for 73 prints 73, 0.0 for 0.00 0,00
        with localcontext() as ctx:  # a 10^26 input with its places needs more than 28 digits
            ctx.prec = 60
            angka = angka.quantize(Decimal(1).scaleb(-fmt.desimal_dari(sel.nilai)))
    return format_sel(Sel(angka, sel.jenis, kurung=sel.kurung), aturan)


#: `formulas` rounds through a Decimal of 28 digits (formulas/functions/math.py,
#: `round_up`), so its ROUND gives #VALUE! from 10^28 / 10^places on, where Excel rounds.
BATAS_ROUND_FORMULAS = Decimal(10) ** 28


def _sama(lkjip: str, excel: str, sel: Sel, value: Any, aturan: Aturan) -> bool:
    if lkjip == excel:
        return True
    if str(excel) == "#VALUE!" and isinstance(sel.nilai, Decimal) and \
            abs(sel.nilai) * 100 >= BATAS_ROUND_FORMULAS:
        return True  # only the evaluator's limit, for the property tests' 10^26 figures
    # Beyond a double's digits: a huge figure, or an unrounded one (a roll-up of inputs
    # with ten places), or a percentage printed with more than 13 significant digits (the
    # property tests' 779.021.136.743,06 %: a ratio over a ratio of 10^15 budgets, a chain
    # of doubles), is compared to 13 significant digits.
    persen = sel.jenis in ("persen", "poin")
    batas = BATAS_DOUBLE.scaleb(-aturan.desimal_persen) if persen else BATAS_DOUBLE
    besar = isinstance(sel.nilai, Decimal) and (abs(sel.nilai) >= batas or
                                                sel.jenis in ("input", "bilangan"))
    if besar and isinstance(sel.nilai, Decimal) and isinstance(value, int | float):
        a, b = sel.nilai, Decimal(repr(float(value)))
        return abs(a - b) <= abs(a) * Decimal("1e-13")
    return False


def bandingkan(lembar: list[Lembar], nilai: dict[str, Any], aturan: Aturan
               ) -> tuple[int, list[Beda]]:
    """(number of formula cells checked, the cells whose value differs from lkjip's)."""
    n, beda = 0, []
    for lb in lembar:
        ws, t = lb.ws, lb.tabel
        for i, baris in enumerate(t.baris):
            for j, sel in enumerate(baris.sel):
                cell = ws.cell(lb.baris(i), j + 1)
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    continue
                n += 1
                kunci = f"{ws.title.upper()}!{cell.coordinate}"
                value = nilai.get(kunci)
                lkjip = format_sel(sel, aturan) if sel.nilai is not None else fmt.TIDAK_ADA
                excel = _teks_excel(value, sel, aturan)
                if not _sama(lkjip, excel, sel, value, aturan):
                    beda.append(Beda(ws.title, cell.coordinate, cell.value, lkjip, excel))
    return n, beda
