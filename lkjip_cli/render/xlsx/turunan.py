"""The formula of each cell of a table sheet: an input's reference to its home cell, or a
derived figure over the cells of its inputs, on any sheet.

Why one module: which cells a figure is computed from is decided here for every table,
in one order (an input shown again; the table's own rule: a capaian, a share, a change, an
efficiency; a level of the budget tree or of the spending classes as the SUM of its children;
the same figure shown on an earlier sheet; a sum of inputs over their home cells), so that a
figure is never a constant while its inputs are on a sheet. What cannot be a formula
(`alasan_nilai`) says so in a comment on its cell.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from lkjip_cli import angka as fmt
from lkjip_cli.engine.capaian import RUMUS_DALAM_RENTANG
from lkjip_cli.render.xlsx.lembar import Lembar, ref
from lkjip_cli.render.xlsx.pendapatan import rumus_pendapatan
from lkjip_cli.render.xlsx.peta import (
    CAPAIAN,
    Peta,
    angka_sel,
    rata_metode,
    realisasi_turunan,
    rumus_polaritas,
    target_rentang,
)
from lkjip_cli.render.xlsx.renja import rumus_renja
from lkjip_cli.render.xlsx.rumus import Rumus, konstanta
from lkjip_cli.tabel import Sel, Tabel

Aturan = Callable[[Lembar, int, int, Rumus, Peta], "str | None"]


def _nama_rumus(sel: Sel) -> str | None:
    n = sel.asal
    if n is None or n.nilai is None:
        return None
    return n.turunan[0].rumus if n.turunan else n.rumus


def rumus_sel(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    """The formula of cell (row i, column j) of a table, or None to write its value."""
    if (i, j) in lb.rumus:
        return lb.rumus[(i, j)]
    sel = lb.tabel.baris[i].sel[j]
    if realisasi_turunan(sel) and peta.rujukan(lb, i, j) is None:
        # a derived realisasi's (or target's) home, in the first table that shows it: the
        # arithmetic of its inputs (`=42/45*100`)
        assert sel.asal is not None
        return konstanta(sel.asal)
    if (lb.ws.title, i, j) in peta.isian:  # an input: its home holds the value
        return peta.rujukan(lb, i, j)
    if lb.tabel.nomor == "3.2":
        return _jumlah_sakip(lb, i, j)
    if (gulungan := _gulungan(lb, i, j, peta)) is not None:
        return gulungan
    if sel.asal is None or sel.asal.nilai is None:
        return None
    for aturan in ATURAN:
        formula = aturan(lb, i, j, rumus, peta)
        if formula is not None:
            return formula
    tempat = peta.tampil.get(id(sel.asal))
    if tempat is not None and (tempat[0] is not lb or tempat[1:] != (i, j)):
        return peta.alamat(tempat)
    if sel.jenis == "rupiah":
        return peta.jumlah(sel.asal)
    return None


#: The columns of an indicator's period realisasi (and target) per table, one row per
#: indicator from the first.
PERIODE = {("3.5", ""): (4, 3), ("3.6", ""): (4, None), ("3.6", "capaian"): (6, 4),
           ("3.7", ""): (4, None), ("3.12", ""): (4, 3)}


def _gulungan(lb: Lembar, i: int, j: int, peta: Peta) -> str | None:
    """An interim report's realisasi (or target) up to its period rolled up from quarters by
    a sum or a mean: the roll-up over the quarters' cells in Tabel 3.4, not a copy."""
    kolom = PERIODE.get((lb.tabel.nomor, lb.tabel.bagian))
    sel = lb.tabel.baris[i].sel[j]
    if kolom is None or j not in kolom or i >= len(peta.hasil.indikator) or \
            not angka_sel(sel):
        return None
    ind = peta.hasil.indikator[i]
    rekap = ind.rekap_realisasi if j == kolom[0] else ind.rekap_target
    periode = ind.realisasi_periode if j == kolom[0] else ind.target_periode
    if rekap.nilai is None or rekap.nilai != sel.nilai or periode != sel.nilai:
        return None
    return peta.gulungan(rekap)


def rumus_teks(lb: Lembar, i: int, j: int, peta: Peta) -> str | None:
    """The formula of a text cell: a category word looked up over the report's scale."""
    if (i, j) in lb.rumus:
        return lb.rumus[(i, j)]
    t = lb.tabel
    if t.nomor == "3.5" and j == 6 and i < len(peta.hasil.indikator):
        return peta.kategori(peta.hasil.indikator[i])
    if t.nomor == "3.2" and j >= 3 and i > 0 and (skala := peta.skala.get("skala_predikat")):
        # the predicate below the evaluation result it is read from
        atas = t.baris[i - 1].sel[j]
        if t.baris[i].sel[j].nilai != fmt.TIDAK_ADA and isinstance(atas.nilai, Decimal):
            return skala.kata(ref(j, lb.baris(i - 1)), dengan_kode=True)
    return None


def catatan_rumus(lb: Lembar, i: int, j: int) -> str | None:
    """The comment of a formula that holds numbers of its own: a range target's bounds."""
    rentang = target_rentang(lb.tabel.baris[i].sel[j].asal)
    if rentang is None:
        return None
    return (f"Target rentang {rentang[0]}–{rentang[1]}: batasnya ditulis di dalam rumus "
            "(sel target berupa teks); di dalam rentang capaian = 100, di luar memakai "
            "batas yang dilewati.")


def alasan_nilai(lb: Lembar, i: int, j: int, terlalu_panjang: str | None = None
                 ) -> str | None:
    """Why a computed figure is written as its value, for the comment on its cell (its
    formula, when it had one that Excel cannot hold)."""
    sel = lb.tabel.baris[i].sel[j]
    if sel.asal is None or sel.asal.nilai is None or sel.jenis not in (
            "persen", "poin", "rupiah"):
        return None
    if terlalu_panjang is not None:
        return (f"Nilai, bukan rumus: rumusnya {len(terlalu_panjang)} karakter, di atas batas "
                f"Excel (8.192); {sel.asal.rumus}.")
    if _nama_rumus(sel) == RUMUS_DALAM_RENTANG or any(
            m.nama.startswith("target m") for m in sel.asal.masukan):
        return ("Nilai, bukan rumus: targetnya rentang (sel teks), dihitung lkjip dengan "
                "aturan target rentang.")
    return (f"Nilai, bukan rumus: {sel.asal.rumus}; masukannya tidak tampil di lembar mana "
            "pun di buku kerja ini.")


# ----------------------------------------------------------------- per-table rules


def _capaian(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    t = lb.tabel
    if t.nomor not in CAPAIAN or j != CAPAIAN[t.nomor][0]:
        return None
    baris = t.baris[i]
    _, jt, jr = CAPAIAN[t.nomor]
    nama = _nama_rumus(baris.sel[j])
    if nama is None or not angka_sel(baris.sel[jr]):
        return None
    r = lb.baris(i)
    asal = baris.sel[j].asal
    rentang = target_rentang(asal)
    if rentang is not None and asal is not None:
        return rumus.capaian_rentang(*rentang, ref(jr, r), rumus_polaritas(asal),
                                     batas=rumus.batas_tampil)
    if not angka_sel(baris.sel[jt]):
        return None
    return rumus.capaian(ref(jt, r), ref(jr, r), nama, batas=rumus.batas_tampil)


def _kolom_belanja(t: Tabel) -> tuple[int, int, int, int | None]:
    """Tabel 2.5's (pagu, realisasi, %, pagu murni or None) columns."""
    murni = len(t.kolom) == 7
    return (4, 5, 6, 2) if murni else (2, 3, 4, None)


#: (%, realisasi, pagu) columns of a table part's absorption, by `nomor/bagian` or `nomor`.
PENYERAPAN = {"3.12": (8, 7, 6), "3.13": (4, 3, 2), "3.11/efisiensi": (4, 2, 1)}
#: The same, for a table whose every part (one per sasaran) has it.
PENYERAPAN_TABEL = {"kinerja-program": (8, 7, 6), "kinerja-sub-kegiatan": (8, 7, 6)}


def _penyerapan(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    t = lb.tabel
    kolom: tuple[int, int, int] | None = PENYERAPAN.get(
        f"{t.nomor}/{t.bagian}" if t.bagian else t.nomor, PENYERAPAN_TABEL.get(t.nomor))
    if t.nomor == "2.5":
        jp, jr, jpct, _ = _kolom_belanja(t)
        kolom = (jpct, jr, jp)
    if t.nomor == "3.13" and j == 6 and len(t.kolom) == 9:
        kolom = (6, 3, 5)  # % terhadap RPD
    if t.nomor == "3.13" and j == 7 and len(t.kolom) == 9:
        kolom = (7, 5, 2)  # RPD terhadap pagu
    if kolom is None or j != kolom[0]:
        return None
    r = lb.baris(i)
    return rumus.bagi(ref(kolom[1], r), ref(kolom[2], r))


def _perubahan(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    baris = lb.tabel.baris[i]
    if lb.tabel.nomor != "3.6" or lb.tabel.bagian or j not in (5, 6) or not (
            angka_sel(baris.sel[3]) and angka_sel(baris.sel[4])):
        return None
    kini, lalu = ref(4, lb.baris(i)), ref(3, lb.baris(i))
    return rumus.perubahan(kini, lalu) if j == 5 else rumus.bulat(f"{kini}-{lalu}")


def _efisiensi_tahunan(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    t = lb.tabel
    if (t.nomor, t.bagian, j) != ("3.11", "efisiensi", 3):
        return None
    pagu, real = ref(1, lb.baris(i)), ref(2, lb.baris(i))
    if rumus.aturan.efisiensi.tahunan == "nominal":
        return f"{pagu}-{real}"
    return f"100-{rumus.bagi(real, pagu)}"


def _sasaran_3_10(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    """Tabel 3.10 by the report's method: the sasaran's capaian (the unrounded mean of its
    indicators) and penyerapan (over the sub kegiatan supporting it), then the efficiency."""
    t = lb.tabel
    metode = rumus.aturan.efisiensi.sasaran
    if t.nomor != "3.10" or metode == "output-input" or i >= len(peta.hasil.sasaran):
        return None
    s = peta.hasil.sasaran[i]
    r = lb.baris(i)
    cap, pen = ref(2, r), ref(3, r)
    if j == 2 and metode != "sisa-anggaran":
        tampil = t.baris[i].sel[2].asal
        if tampil is not None and tampil.turunan:  # capped for display: not its mean
            return None
        return peta.rata(s.indikator)
    if j == 3:
        pagu, real = peta.jumlah(s.anggaran.pagu), peta.jumlah(s.anggaran.realisasi)
        return None if pagu is None or real is None else rumus.bagi(real, pagu, bulat=False)
    if j != 4:
        return None
    if metode == "sisa-anggaran":
        return rumus.bulat(f"100-{pen}")
    capaian = t.baris[i].sel[2].asal
    if capaian is not None and capaian.turunan:  # a capped capaian is not its input
        return None
    if metode == "selisih":
        return rumus.bulat(f"{cap}-{pen}")
    if metode == "rasio":
        return rumus.bagi(cap, pen)
    if metode == "indeks-efisiensi":  # the ratio without x 100 (BPOM)
        return f'IF({pen}=0,"{fmt.TIDAK_ADA}",{rumus.bulat(f"{cap}/{pen}")})'
    return None


def _baris_output_input(t: Tabel, h_sasaran: int, masukan: list[int]
                        ) -> dict[int, tuple[int, int, int | None]]:
    """Tabel 3.10 by BPKP's method, row -> (sasaran, its first row, input or None for the
    mean row): one row per input (one when it has none), then their mean when several."""
    out: dict[int, tuple[int, int, int | None]] = {}
    i = 0
    for k in range(h_sasaran):
        awal = i
        for m in range(max(masukan[k], 1)):
            out[i] = (k, awal, m if masukan[k] else None)
            i += 1
        if masukan[k] > 1:
            out[i] = (k, awal, None)
            i += 1
    return out


def _output_input(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    """Tabel 3.10 by BPKP's method: the output's capaian (the mean of the sasaran's
    indicators), the money input's use (its penyerapan), each input's efficiency (output
    over input), and their mean."""
    t = lb.tabel
    if t.nomor != "3.10" or rumus.aturan.efisiensi.sasaran != "output-input":
        return None
    h = peta.hasil
    tempat = _baris_output_input(t, len(h.sasaran), [len(s.masukan) for s in h.sasaran])
    if i not in tempat:
        return None
    k, awal, m = tempat[i]
    s = h.sasaran[k]
    cap = t.baris[awal].sel[2].asal
    if j == 2 and i == awal and cap is not None and not cap.turunan:
        return peta.rata(s.indikator)
    if j == 4 and m is not None and s.masukan[m].capaian is s.anggaran.penyerapan:
        pagu, real = peta.jumlah(s.anggaran.pagu), peta.jumlah(s.anggaran.realisasi)
        return None if pagu is None or real is None else rumus.bagi(real, pagu, bulat=False)
    if j == 5 and m is not None:
        return rumus.bagi(ref(2, lb.baris(awal)), ref(4, lb.baris(i)), bulat=False)
    if j == 5 and len(s.masukan) > 1:
        return "AVERAGE(" + ",".join(ref(5, lb.baris(r)) for r in range(awal, i)) + ")"
    return None


def _porsi_2_6(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    """Tabel 2.6's share: the sasaran's pagu over the year's program budget."""
    b = peta.hasil.belanja_tahun_ini
    if lb.tabel.nomor != "2.6" or j != 3 or b is None:
        return None
    bl = peta.alamat_nilai(b.pagu_langsung) or peta.jumlah(b.pagu_langsung)
    return None if bl is None else rumus.bagi(ref(2, lb.baris(i)), bl)


def _perubahan_pagu(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    """Tabel 2.5's change of pagu: after the change minus murni."""
    t = lb.tabel
    if t.nomor != "2.5":
        return None
    jp, _, _, jm = _kolom_belanja(t)
    if jm is None or j != jm + 1:
        return None
    r = lb.baris(i)
    return f"{ref(jp, r)}-{ref(jm, r)}"


def _anak(t: Tabel, i: int) -> list[int] | None:
    """The rows a tree row or total row sums (Tabel 3.13 by level, 2.5 by class), or None."""
    baris = t.baris[i]
    if t.nomor == "3.13":
        if _total(t, i):  # the total: the programs
            return [k for k in range(i) if t.baris[k].tingkat == 0]
        anak = []
        for k in range(i + 1, len(t.baris)):
            if t.baris[k].tingkat <= baris.tingkat or _total(t, k):
                break
            if t.baris[k].tingkat == baris.tingkat + 1:
                anak.append(k)
        return anak or None
    if t.nomor == "2.5":
        if baris.gaya == "jumlah":  # Jumlah: the groups and the ungrouped classes
            return [k for k in range(i) if t.baris[k].gaya != "rinci"]
        if baris.gaya == "rinci":
            return None
        anak = []
        for k in range(i + 1, len(t.baris)):
            if t.baris[k].gaya != "rinci":
                break
            anak.append(k)
        return anak or None
    return None


def _jumlah_sakip(lb: Lembar, i: int, j: int) -> str | None:
    """Tabel 3.2's evaluation result: the sum of its components' scores."""
    t = lb.tabel
    if t.baris[i].gaya != "jumlah" or not isinstance(t.baris[i].sel[j].nilai, Decimal):
        return None
    komponen = [k for k in range(i) if t.baris[k].gaya != "jumlah"]
    if not komponen or not all(isinstance(t.baris[k].sel[j].nilai, Decimal)
                               for k in komponen):
        return None
    return "SUM(" + ",".join(ref(j, lb.baris(k)) for k in komponen) + ")"


def _total(t: Tabel, i: int) -> bool:
    """Whether row i is Tabel 3.13's total (a bold row without a number or kode)."""
    return t.baris[i].gaya == "jumlah" and not t.baris[i].sel[0].nilai


def _jumlah_anak(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    t = lb.tabel
    if t.baris[i].sel[j].jenis != "rupiah":
        return None
    anak = _anak(t, i)
    if not anak or not all(isinstance(t.baris[k].sel[j].nilai, Decimal) for k in anak):
        return None
    return "SUM(" + ",".join(ref(j, lb.baris(k)) for k in anak) + ")"


def _renja(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    """Form E.81 (Evaluasi Hasil Renja): its own printed formulas (`renja.py`)."""
    return rumus_renja(lb, i, j, rumus) if lb.tabel.nomor == "renja" else None


def _pendapatan(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    """The revenue table (Tabel 3.14): sums, capaian, lebih/(kurang), share, growth."""
    return rumus_pendapatan(lb, i, j, rumus) if lb.tabel.nomor == "3.14" else None


#: Tabel 3.6 (capaian): (capaian column, target column, realisasi column) of each year.
CAPAIAN_TAHUN = {7: (3, 5), 8: (4, 6)}


def _capaian_antar_tahun(lb: Lembar, i: int, j: int, rumus: Rumus, peta: Peta) -> str | None:
    """Tabel 3.6's capaian part: last year's and this year's capaian over their cells, and
    the change in points as the difference of the two unrounded capaian (as the engine)."""
    t = lb.tabel
    if (t.nomor, t.bagian) != ("3.6", "capaian") or j not in (7, 8, 9):
        return None
    if t.baris[i].gaya == "jumlah":
        return _rata_antar_tahun(lb, j, rumus, peta)
    if j in CAPAIAN_TAHUN:
        return _inti_capaian_tahun(lb, i, j, rumus, rumus.batas_tampil, True)
    kini = _inti_capaian_tahun(lb, i, 8, rumus, None, False)
    lalu = _inti_capaian_tahun(lb, i, 7, rumus, None, False)
    if kini is None or lalu is None:
        return None
    return rumus.bulat(f"({kini})-({lalu})")


def _inti_capaian_tahun(lb: Lembar, i: int, kolom: int, rumus: Rumus,
                        batas: Decimal | None, bulat: bool) -> str | None:
    """One year's capaian of row i of Tabel 3.6's capaian part, over its cells."""
    baris, r = lb.tabel.baris[i], lb.baris(i)
    jt, jr = CAPAIAN_TAHUN[kolom]
    nama = _nama_rumus(baris.sel[kolom])
    if nama is None or not (angka_sel(baris.sel[jt]) and angka_sel(baris.sel[jr])):
        return None
    return rumus.capaian(ref(jt, r), ref(jr, r), nama, batas=batas, bulat=bulat)


def _rata_antar_tahun(lb: Lembar, j: int, rumus: Rumus, peta: Peta) -> str | None:
    """The Rata-rata row: each year's average by the report's method over the rows of the
    indicators it counts, unrounded and capped as the report averages; the change as the
    difference of the two. None (the value, with its reason) on the sasaran basis or a
    method whose weights are not on the sheet."""
    a = rumus.aturan.rata_rata
    if a.dasar != "indikator":
        return None
    rows = [n for n, ind in enumerate(peta.hasil.indikator) if ind.dikecualikan is None]

    def rata(kolom: int) -> str | None:
        if a.metode == "rasio-rata-rata":
            jt, jr = CAPAIAN_TAHUN[kolom]
            real = ",".join(ref(jr, lb.baris(n)) for n in rows)
            target = ",".join(ref(jt, lb.baris(n)) for n in rows)
            return f"SUM({real})/SUM({target})*100" if rows else None
        parts = [_inti_capaian_tahun(lb, n, kolom, rumus, peta.batas_rata, False)
                 for n in rows]
        if not parts or any(p is None for p in parts):
            return None
        return rata_metode(a.metode, [p for p in parts if p is not None])

    if j in CAPAIAN_TAHUN:
        expr = rata(j)
        return None if expr is None else rumus.bulat(expr)
    kini, lalu = rata(8), rata(7)
    return None if kini is None or lalu is None else rumus.bulat(f"({kini})-({lalu})")


ATURAN: tuple[Aturan, ...] = (_renja, _pendapatan, _capaian, _capaian_antar_tahun,
                              _penyerapan, _perubahan, _efisiensi_tahunan,
                              _sasaran_3_10, _output_input, _porsi_2_6, _perubahan_pagu,
                              _jumlah_anak)
