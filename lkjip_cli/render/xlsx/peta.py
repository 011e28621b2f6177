"""Where each input of the report stands in the workbook, and where each figure is shown.

Why a map before any cell is written: an input must stand once, in the first table that
shows it (Tabel 3.4 for a quarter's realisasi, Tabel 3.13 for a sub kegiatan's pagu), and
every later cell showing it, on any sheet, is a reference to that cell; a derived figure on
a later sheet (the pagu of a sasaran in Tabel 2.6, the total of Tabel 3.12) is a formula
over those cells. The tables are laid out first (`Lembar`), this map is built over all of
them in the workbook's order, and only then are cells written, so that a formula may point
to a sheet written after its own.

An input is known by its place in the report's file (the `sumber` of the engine's
`Masukan`: `('program', 0, 'kegiatan', 0, 'rincian', 1, 'pagu')`), read from the provenance
the engine keeps for each figure, never from a cell's value; a figure by the identity of
the engine's `Nilai`, so the same figure shown twice (a budget total in Tabel 2.5 and 3.11)
is computed once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine import ATURAN_TARGET_TURUNAN, ATURAN_TURUNAN
from lkjip_cli.engine.capaian import nama_rumus
from lkjip_cli.engine.hasil import Hasil, HasilIndikator
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.render.xlsx.lembar import Lembar, lembar_ref, ref
from lkjip_cli.render.xlsx.rumus import Rumus, konstanta
from lkjip_cli.render.xlsx.skala import Skala
from lkjip_cli.tabel import Sel, Tabel

#: (capaian column, target column, realisasi column) per table.
CAPAIAN = {"3.4": (8, 6, 7), "3.5": (5, 3, 4), "3.7": (5, 3, 4), "3.8": (5, 3, 4),
           "kinerja-program": (5, 3, 4), "kinerja-sub-kegiatan": (5, 3, 4), "3.12": (5, 3, 4)}
#: Columns that show a node's money again beside its indicators (its pagu and realisasi):
#: never the figure's first place, so that they refer to Tabel 3.13, where the tree sums it.
SALINAN = {"kinerja-program": (6, 7), "kinerja-sub-kegiatan": (6, 7)}
#: The inputs of Tabel 3.6's change: the engine's input name -> column.
PERUBAHAN = {"realisasi tahun ini": 4, "realisasi tahun lalu": 3}


def angka_sel(sel: Sel) -> bool:
    """Whether a cell shows a number written as a number (not a range, not `n/a`): an
    input, or a realisasi derived from its inputs (`hitung`), a formula of its own."""
    return (sel.jenis in ("input", "rupiah", "bilangan") or realisasi_turunan(sel)) and \
        isinstance(sel.nilai, Decimal)


def realisasi_turunan(sel: Sel) -> bool:
    """A realisasi (or target) derived from named inputs (`hitung`) whose arithmetic Excel
    can redo."""
    return sel.asal is not None and konstanta(sel.asal) is not None and \
        (ATURAN_TURUNAN in sel.asal.aturan or ATURAN_TARGET_TURUNAN in sel.asal.aturan)


def rata_metode(metode: str, parts: Sequence[str]) -> str | None:
    """The Excel average of `parts` by a named averaging method; None for one whose weights
    are not on the sheets (pagu per indicator), written as its value."""
    if metode == "rata-rata":
        return f"AVERAGE({','.join(parts)})"
    if metode == "geometrik-pmk-22-2021":
        # PRODUCT()^(1/n), not GEOMEAN: a capaian of 0 makes the mean 0, where GEOMEAN fails.
        return f"PRODUCT({','.join(f'({p})/100' for p in parts)})^(1/{len(parts)})*100"
    return None


def sumber_isian(nilai: Nilai | None, angka: Decimal | str | None) -> Path | None:
    """The file place of a figure that is one input as the file gives it, else None.

    A place ending in a field name (`pagu`, `target`, `2026` of `target_renstra`) is an
    input; one ending in an index (an indicator, a budget node) is a computed figure's.
    """
    if nilai is None or len(nilai.masukan) != 1 or not isinstance(angka, Decimal):
        return None
    m = nilai.masukan[0]
    if m.sumber is None or not m.sumber or not isinstance(m.sumber[-1], str) or \
            m.nilai != angka:
        return None
    return tuple(m.sumber)


def target_rentang(nilai: Nilai | None) -> tuple[Decimal, Decimal] | None:
    """The (minimum, maximum) of a capaian's range target, from its inputs."""
    batas = {m.nama: m.nilai for m in nilai.masukan} if nilai is not None else {}
    lo, hi = batas.get("target minimum"), batas.get("target maksimum")
    return (lo, hi) if lo is not None and hi is not None else None


def rumus_polaritas(nilai: Nilai) -> str:
    """The formula a capaian's polarity names (a range target's, outside the range)."""
    aturan = dict(a.split("=", 1) for a in nilai.aturan if "=" in a)
    negatif = aturan.get("polaritas") == "negatif"
    kebalikan = aturan.get("rumus_negatif") == "T/R"
    return nama_rumus("negatif" if negatif else "positif", "T/R" if kebalikan else "(2T-R)/T")


@dataclass
class Peta:
    """The home cell of every input, and the cell of every figure shown, by sheet."""

    hasil: Hasil
    rumus: Rumus
    #: file place of an input -> (sheet, table row, column) of its home cell
    rumah: dict[Path, tuple[Lembar, int, int]] = field(default_factory=dict)
    #: id of an engine figure -> (sheet, table row, column) where it is first shown
    tampil: dict[int, tuple[Lembar, int, int]] = field(default_factory=dict)
    #: (sheet title, row, column) -> the file place of the input the cell shows
    isian: dict[tuple[str, int, int], Path] = field(default_factory=dict)
    #: the report's scales by the rule naming them, for category words (sheet "Skala")
    skala: dict[str, Skala] = field(default_factory=dict)
    #: the table sheets, in the workbook's order
    tampil_lembar: tuple[Lembar, ...] = ()
    #: id of an indicator -> the cell of its capaian as averages take it (Ringkasan), so that
    #: an average over hundreds of indicators stays within Excel's formula length
    capaian_rata: dict[int, str] = field(default_factory=dict)

    @classmethod
    def susun(cls, hasil: Hasil, lembar: Sequence[Lembar], rumus: Rumus,
              skala: dict[str, Skala] | None = None) -> Peta:
        peta = cls(hasil, rumus, skala=skala or {}, tampil_lembar=tuple(lembar))
        for lb in lembar:
            struktur = _masukan_tanpa_rumus(hasil, lb.tabel)
            for i in range(len(lb.tabel.baris)):
                for j, sumber in kunci_baris(lb, i, struktur.get(i, {})).items():
                    rumah = peta.rumah.setdefault(sumber, (lb, i, j))
                    # the engine names a rolled-up realisasi by its last quarter: a cell
                    # whose value is not its input's is no copy of it
                    if _nilai(rumah) == lb.tabel.baris[i].sel[j].nilai:
                        peta.isian[(lb.ws.title, i, j)] = sumber
                salinan = SALINAN.get(lb.tabel.nomor, ())
                for j, sel in enumerate(lb.tabel.baris[i].sel):
                    if sel.asal is not None and sel.asal.nilai is not None and \
                            j not in salinan:
                        peta.tampil.setdefault(id(sel.asal), (lb, i, j))
        return peta

    @staticmethod
    def alamat(tempat: tuple[Lembar, int, int]) -> str:
        lb, i, j = tempat
        return f"{lembar_ref(lb.ws)}!{ref(j, lb.baris(i))}"

    def rujukan(self, lb: Lembar, i: int, j: int) -> str | None:
        """`'Tabel 3.4'!H5` when the cell shows an input whose home is another cell."""
        sumber = self.isian.get((lb.ws.title, i, j))
        if sumber is None:
            return None
        rumah = self.rumah[sumber]
        if rumah[0] is lb and rumah[1:] == (i, j):
            return None
        return self.alamat(rumah)

    def alamat_isian(self, sumber: Path | None, nilai: Decimal | None = None) -> str | None:
        """The home cell of an input, when it holds `nilai` (the value the engine used)."""
        if sumber is None:
            return None
        rumah = self.rumah.get(tuple(sumber))
        if rumah is None or (nilai is not None and _nilai(rumah) != nilai):
            return None
        return self.alamat(rumah)

    def alamat_nilai(self, nilai: Nilai | None) -> str | None:
        """The cell where a figure is shown first (by identity), if it is shown."""
        if nilai is None:
            return None
        tempat = self.tampil.get(id(nilai))
        return None if tempat is None else self.alamat(tempat)

    def jumlah(self, nilai: Nilai) -> str | None:
        """A sum of inputs as `SUM(...)` over their home cells, when every input has one."""
        if nilai.nilai is None or not nilai.masukan:
            return None
        sel = [self.alamat_isian(m.sumber, m.nilai) for m in nilai.masukan]
        if any(s is None for s in sel):
            return None
        return "SUM(" + ",".join(s for s in sel if s is not None) + ")"

    def gulungan(self, nilai: Nilai) -> str | None:
        """A year (or period) rolled up from its quarters by the indicator's rule
        (`rekap_triwulan`: the last, their sum or their mean), over the quarters' cells."""
        aturan = next((a for a in nilai.aturan if a.startswith("rekap_triwulan=")), "")
        sel = [self.alamat_isian(m.sumber, m.nilai) for m in nilai.masukan]
        if nilai.nilai is None or not sel or None in sel:
            return None
        daftar = ",".join(s for s in sel if s is not None)
        return {"terakhir": sel[-1], "jumlah": f"SUM({daftar})",
                "rata-rata": f"AVERAGE({daftar})"}.get(aturan.removeprefix("rekap_triwulan="))

    def capaian_tepat(self, ind: HasilIndikator, batas: Decimal | None) -> str | None:
        """An indicator's unrounded capaian over the home cells of its target and
        realisasi, capped at `batas` (the cap the report applies before averaging)."""
        n = ind.capaian
        if n.nilai is None:
            return None
        kolom = {"target": 3, "realisasi": 4}  # Tabel 3.5's columns
        tempat = {m.nama: self.alamat_isian(m.sumber, m.nilai) or
                  self._sel_3_5(ind, kolom[m.nama], m.nilai)
                  for m in n.masukan if m.nama in kolom}
        r = tempat.get("realisasi")
        if r is None:
            return None
        rentang = target_rentang(n)
        if rentang is not None:
            return self.rumus.capaian_rentang(*rentang, r, rumus_polaritas(n), batas=batas,
                                              bulat=False)
        t = tempat.get("target")
        if t is None:
            return None
        nama = n.turunan[0].rumus if n.turunan else n.rumus
        return self.rumus.capaian(t, r, nama, batas=batas, bulat=False)

    def _sel_3_5(self, ind: HasilIndikator, j: int, nilai: Decimal | None) -> str | None:
        """Tabel 3.5's cell showing `nilai` in the indicator's row: a period's target or
        realisasi rolled up from quarters has no single home, but that cell holds it (as
        the SUM of its quarters, or its value)."""
        t35 = next((lb for lb in self.tampil_lembar if lb.tabel.nomor == "3.5"), None)
        k = next((n for n, x in enumerate(self.hasil.indikator) if x is ind), None)
        if t35 is None or k is None or nilai is None:
            return None
        sel = t35.tabel.baris[k].sel[j]
        return self.alamat((t35, k, j)) if sel.nilai == nilai and angka_sel(sel) else None

    @property
    def batas_rata(self) -> Decimal | None:
        """The cap the report applies to capaian before averaging, if any."""
        cap = self.hasil.laporan.aturan.batas_atas
        return cap.nilai if cap is not None and "rata-rata" in cap.berlaku else None

    def kategori(self, ind: HasilIndikator) -> str | None:
        """An indicator's category word, looked up from its unrounded capaian."""
        skala = self.skala.get("skala_interpretasi")
        if skala is None or ind.kategori is None:
            return None
        x = self.capaian_tepat(ind, None)
        return None if x is None else skala.kata(x)

    def rata(self, inds: Sequence[HasilIndikator]) -> str | None:
        """The unrounded average capaian over exactly the indicators the report's rules
        include, capped as the report caps them before averaging, by the report's
        averaging method (`rata_rata.metode`)."""
        metode = self.hasil.laporan.aturan.rata_rata.metode
        included = [i for i in inds if i.dikecualikan is None]
        if metode == "rasio-rata-rata":
            return self.rasio_rata(included)
        batas = self.batas_rata
        parts = [self.capaian_rata.get(id(i)) or self.capaian_tepat(i, batas)
                 for i in included]
        if not parts or any(p is None for p in parts):
            return None
        return rata_metode(metode, [p for p in parts if p is not None])

    def rasio_rata(self, inds: Sequence[HasilIndikator]) -> str | None:
        """Sum of realisasi over sum of target x 100, over their home cells."""
        sel = [{m.nama: self.alamat_isian(m.sumber, m.nilai) for m in i.capaian.masukan
                if m.nama in ("target", "realisasi")} for i in inds]
        if not sel or any(s.get("target") is None or s.get("realisasi") is None
                          for s in sel):
            return None
        real = ",".join(str(s["realisasi"]) for s in sel)
        target = ",".join(str(s["target"]) for s in sel)
        return f"SUM({real})/SUM({target})*100"


def _nilai(tempat: tuple[Lembar, int, int]) -> Decimal | str | None:
    lb, i, j = tempat
    return lb.tabel.baris[i].sel[j].nilai


def kunci_baris(lb: Lembar, i: int, struktur: dict[int, Path]) -> dict[int, Path]:
    """The inputs a table row shows: column -> the input's place in the report's file
    (`struktur`: those known from the table's layout alone)."""
    t = lb.tabel
    baris = t.baris[i]
    out: dict[int, Path] = {}
    for j, sel in enumerate(baris.sel):
        sumber = sumber_isian(sel.asal, sel.nilai)
        if sumber is not None and ((sel.asal is not None and sel.asal.rumus.endswith(
                "(isian)")) or _daun(t, i)):
            out[j] = sumber
    for j, nilai, sumber in _masukan_kolom(t.nomor, baris.sel):
        # a rolled-up realisasi (the mean of quarters) is no single input's value
        if angka_sel(baris.sel[j]) and nilai == baris.sel[j].nilai:
            out.setdefault(j, sumber)
    for j, sumber in struktur.items():
        if j < len(baris.sel) and angka_sel(baris.sel[j]):
            out.setdefault(j, sumber)
    return out


def _daun(t: Tabel, i: int) -> bool:
    """Whether row i of Tabel 3.13 is a leaf of the budget tree, where pagu and realisasi
    are given (a node's single child makes its sum look like an input)."""
    if t.nomor != "3.13" or (t.baris[i].gaya == "jumlah" and not t.baris[i].sel[0].nilai):
        return False
    return i + 1 >= len(t.baris) or t.baris[i + 1].tingkat <= t.baris[i].tingkat


def _masukan_kolom(nomor: str, sel: Sequence[Sel]
                   ) -> Iterator[tuple[int, Decimal | None, Path]]:
    """The input cells beside a figure computed over them (a capaian, a change)."""
    if nomor in CAPAIAN and len(sel) > CAPAIAN[nomor][0]:
        jc, jt, jr = CAPAIAN[nomor]
        asal = sel[jc].asal
        kolom = {"target": jt, "realisasi": jr}
        for m in asal.masukan if asal is not None else ():
            if m.nama in kolom and m.sumber is not None:
                yield kolom[m.nama], m.nilai, tuple(m.sumber)
    if nomor == "3.6" and len(sel) > 5:
        asal = sel[5].asal
        for m in asal.masukan if asal is not None else ():
            if m.nama in PERUBAHAN and m.sumber is not None:
                yield PERUBAHAN[m.nama], m.nilai, tuple(m.sumber)
    if nomor == "3.6" and len(sel) == 10:  # its capaian part: each year's capaian
        for jc, (jt, jr) in ((7, (3, 5)), (8, (4, 6))):
            asal = sel[jc].asal
            kolom = {"target": jt, "realisasi": jr}
            for m in asal.masukan if asal is not None else ():
                if m.nama in kolom and m.sumber is not None:
                    yield kolom[m.nama], m.nilai, tuple(m.sumber)


def _baris_3_4(h: Hasil) -> dict[int, HasilIndikator]:
    """Tabel 3.4's first row of each indicator (one per quarter, or one when no quarter
    holds a value), where its yearly target stands."""
    out, i = {}, 0
    for ind in h.indikator:
        out[i] = ind
        ada = any(tw.target is not None or tw.realisasi is not None for tw in ind.triwulan)
        i += len(ind.triwulan) if ada else 1
    return out


def _indikator_3_9(h: Hasil, t: Tabel) -> dict[int, Path]:
    """Tabel 3.9's rows as the kegiatan indicators they show, found by the kegiatan's and
    the indicator's names (a name shared by two is left alone)."""
    jalan: dict[tuple[str, str], list[Path]] = {}
    for keg in h.kegiatan:
        for ik in keg.indikator:
            jalan.setdefault((keg.nama, ik.nama), []).append(ik.path)
    out, kegiatan = {}, ""
    for i, baris in enumerate(t.baris):
        kegiatan = str(baris.sel[0].nilai or "") or kegiatan
        cocok = jalan.get((kegiatan, str(baris.sel[1].nilai or "")), [])
        if len(cocok) == 1:
            out[i] = cocok[0]
    return out


def _masukan_tanpa_rumus(h: Hasil, t: Tabel) -> dict[int, dict[int, Path]]:
    """Inputs which no figure beside them is computed from, by row and column: the
    Perjanjian Kinerja's target (Tabel 2.4) and the Renstra's targets (Tabel 2.1), one row
    per indicator in the report's order; the yearly target of Tabel 3.4; the kegiatan
    indicators of Tabel 3.9."""
    out: dict[int, dict[int, Path]] = {}
    if t.nomor == "3.4":
        for i, ind in _baris_3_4(h).items():
            out[i] = {4: (*ind.path, "target")}
    elif t.nomor == "3.9":
        for i, path in _indikator_3_9(h, t).items():
            out[i] = {2: (*path, "target"), 3: (*path, "realisasi")}
    elif t.nomor == "2.4" and t.bagian == "kinerja":
        for i, ind in enumerate(h.indikator):
            out[i] = {4: (*ind.path, "target")}
    elif t.nomor == "2.1":
        r = h.laporan.renstra
        for i, ind in enumerate(h.indikator):
            out[i] = {4 + k: (*ind.path, "target_renstra", str(tahun))
                      for k, tahun in enumerate(range(r.mulai, r.selesai + 1))}
    return out
