"""Live formulas of the revenue table (lkjip's Tabel 3.14), over its own cells.

An account with rincian is the SUM of its children's rows, the Jumlah row the SUM of the top
accounts; capaian is realisasi / target x 100, lebih/(kurang) realisasi - target, porsi the
row's realisasi over the Jumlah's, growth the change over last year's realisasi column. Each
formula is written only where the cells it reads hold exactly the figure's inputs (a Jumlah
that also covers rows the file does not list, `baris_lain`, stays a value).
"""

from __future__ import annotations

import re
from decimal import Decimal

from lkjip_cli.render.xlsx.lembar import Lembar, ref
from lkjip_cli.render.xlsx.rumus import Rumus
from lkjip_cli.tabel import Sel

#: The fixed columns: kode, uraian, target, realisasi, capaian, lebih/(kurang).
TARGET, REALISASI, CAPAIAN, SELISIH = 2, 3, 4, 5


def _angka(sel: Sel) -> Decimal | None:
    return sel.nilai if sel.jenis == "rupiah" and isinstance(sel.nilai, Decimal) else None


def _kolom(lembar: Lembar, pola: str) -> int | None:
    return next((j for j, k in enumerate(lembar.tabel.kolom) if re.fullmatch(pola, k.judul)),
                None)


def _anak(lembar: Lembar, i: int) -> list[int]:
    """The rows a row sums: its children one level down, or the top accounts for Jumlah."""
    rows = lembar.tabel.baris
    if rows[i].gaya == "jumlah":
        return [k for k in range(i) if rows[k].tingkat == 0]
    out = []
    for k in range(i + 1, len(rows)):
        if rows[k].gaya == "jumlah" or rows[k].tingkat <= rows[i].tingkat:
            break
        if rows[k].tingkat == rows[i].tingkat + 1:
            out.append(k)
    return out


def _jumlah(lembar: Lembar, i: int, j: int) -> str | None:
    """A total as the SUM of the rows below it, when their values make it exactly."""
    anak = _anak(lembar, i)
    rows = lembar.tabel.baris
    cell = _angka(rows[i].sel[j])
    values = [_angka(rows[k].sel[j]) for k in anak]
    if not anak or cell is None or any(v is None for v in values) or \
            sum((v for v in values if v is not None), Decimal(0)) != cell:
        return None
    return "SUM(" + ",".join(ref(j, lembar.baris(k)) for k in anak) + ")"


def rumus_pendapatan(lembar: Lembar, i: int, j: int, rumus: Rumus) -> str | None:
    """The formula of cell (row i, column j) of the revenue sheet, or None for a value."""
    baris = lembar.tabel.baris[i]
    r = lembar.baris(i)
    porsi, lalu, tumbuh = (_kolom(lembar, r"Porsi \(%\)"),
                           _kolom(lembar, r"Realisasi \d{4} \(Rp\)"),
                           _kolom(lembar, r"Pertumbuhan \(%\)"))
    ada = {c: _angka(baris.sel[c]) is not None for c in (TARGET, REALISASI)}
    if j in (TARGET, REALISASI) or j == lalu:
        return _jumlah(lembar, i, j) if _anak(lembar, i) else None
    if j == CAPAIAN and all(ada.values()):
        return rumus.bagi(ref(REALISASI, r), ref(TARGET, r))
    if j == SELISIH and all(ada.values()):
        return f"{ref(REALISASI, r)}-{ref(TARGET, r)}"
    if j == porsi and ada[REALISASI]:
        total = len(lembar.tabel.baris) - 1
        return rumus.bagi(ref(REALISASI, r), ref(REALISASI, lembar.baris(total)))
    if j == tumbuh and lalu is not None and ada[REALISASI] and \
            _angka(baris.sel[lalu]) is not None:
        return rumus.perubahan(ref(REALISASI, r), ref(lalu, r))
    return None
