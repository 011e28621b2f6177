"""Live formulas of the Evaluasi Hasil Renja sheet (form E.81), over its own cells.

The form prints its formulas (`13 = 12/7 x 100`, `14 = 6 + 12`, `15 = 14/5 x 100`), and a
node's Rp is the sum of the nodes below it; the sheet writes each as a formula over the cells
it names, so a reviewer who corrects a realisasi sees every column move. A formula is written
only where the cells it reads hold exactly the figure's inputs (a K column rolled up from a
level, or a Renstra's money given on the node itself, stays a value). The averages under the
table stay values: the engine averages unrounded capaian, Excel would average the rounded
cells (docs/excel.md).
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.render.xlsx.lembar import Lembar, ref
from lkjip_cli.render.xlsx.rumus import Rumus
from lkjip_cli.tabel import Baris, Sel

#: Columns before the first K/Rp pair: Kode, name, Sasaran, Indikator, Satuan.
AWAL = 5
#: The K/Rp pairs of the 17-column form, in order; the 15-column form lacks column 13.
PASANGAN_17 = (5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)


def _posisi(lembar: Lembar) -> dict[int, int]:
    """The sheet column of each K cell by its 17-column form number (Rp is the next one)."""
    tujuh_belas = any(k.judul.startswith("(17)") for k in lembar.tabel.kolom)
    pasangan = [n for n in PASANGAN_17 if tujuh_belas or n != 13]
    return {n: AWAL + 2 * i for i, n in enumerate(pasangan)}


def _angka(sel: Sel) -> Decimal | None:
    if sel.jenis in ("input", "rupiah") and isinstance(sel.nilai, Decimal):
        return sel.nilai
    return None


def _anak(lembar: Lembar, i: int) -> list[int]:
    """The rows of a node's children: the first row of each node one level below, up to
    the next node at its own level or above."""
    rows = lembar.tabel.baris
    tingkat = rows[i].tingkat
    out = []
    for k in range(i + 1, len(rows)):
        b = rows[k]
        if not b.sel[0].nilai:
            if b.gaya == "jumlah":  # the averages under the table
                break
            continue
        if b.tingkat <= tingkat:
            break
        if b.tingkat == tingkat + 1:
            out.append(k)
    return out


def _jumlah_anak(lembar: Lembar, i: int, j: int) -> str | None:
    """A node's Rp as the SUM of its children's, when that is what the cell holds."""
    anak = _anak(lembar, i)
    values = [_angka(lembar.tabel.baris[k].sel[j]) for k in anak]
    cell = _angka(lembar.tabel.baris[i].sel[j])
    if not anak or cell is None or any(v is None for v in values):
        return None
    if sum((v for v in values if v is not None), Decimal(0)) != cell:
        return None
    return "SUM(" + ",".join(ref(j, lembar.baris(k)) for k in anak) + ")"


def _capaian(baris: Baris, r: int, jt: int, jr: int, j: int, rumus: Rumus) -> str | None:
    """A K tingkat capaian by the figure's own formula, over its target and realisasi
    cells, when those cells hold its inputs."""
    sel = baris.sel[j]
    asal = sel.asal
    t, real = _angka(baris.sel[jt]), _angka(baris.sel[jr])
    if asal is None or asal.nilai is None or t is None or real is None:
        return None
    dasar = asal.turunan[0] if asal.turunan else asal
    inputs = {m.nama: m.nilai for m in dasar.masukan}
    if inputs.get("target") != t or inputs.get("realisasi") != real:
        return None
    return rumus.capaian(ref(jt, r), ref(jr, r), dasar.rumus, batas=rumus.batas_tampil)


def rumus_renja(lembar: Lembar, i: int, j: int, rumus: Rumus) -> str | None:
    """The formula of cell (row i, column j) of the Renja sheet, or None for a value."""
    baris = lembar.tabel.baris[i]
    if baris.gaya == "jumlah" and not baris.sel[0].nilai:
        return None  # averages and predikat: values
    pos = _posisi(lembar)
    r = lembar.baris(i)
    k = {n: c for n, c in pos.items()}
    rp = {n: c + 1 for n, c in pos.items()}
    if 13 in pos and j == k[13]:
        return _capaian(baris, r, k[7], k[12], j, rumus)
    if j == k[15]:
        return _capaian(baris, r, k[5], k[14], j, rumus)
    if 13 in pos and j == rp[13] and _angka(baris.sel[rp[12]]) is not None \
            and _angka(baris.sel[rp[7]]):
        return rumus.bagi(ref(rp[12], r), ref(rp[7], r))
    if j == rp[15] and _angka(baris.sel[rp[14]]) is not None and _angka(baris.sel[rp[5]]):
        return rumus.bagi(ref(rp[14], r), ref(rp[5], r))
    if j in (k[14], rp[14]):
        lalu, kini = (k[6], k[12]) if j == k[14] else (rp[6], rp[12])
        a, b, c = _angka(baris.sel[lalu]), _angka(baris.sel[kini]), _angka(baris.sel[j])
        if a is not None and b is not None and c == a + b:
            return f"{ref(lalu, r)}+{ref(kini, r)}"
        return None
    if j in {rp[n] for n in (5, 6, 7, 8, 9, 10, 11, 12)}:
        return _jumlah_anak(lembar, i, j)
    return None
