"""The values every surface draws: a table (`Tabel`) of columns (`Kolom`) and rows (`Baris`) of
cells (`Sel`), the constructors the builders make cells with, and `format_sel`, the one way a
cell becomes the text a reader sees.

A cell keeps its exact Decimal and the kind that says how to print it; only `format_sel`
(through `lkjip_cli.angka`) rounds. Kept apart from the builders so that a surface, or a new
builder, depends on these few shapes and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from lkjip_cli import angka as fmt
from lkjip_cli.engine.hasil import HasilIndikator, Target
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.laporan import Aturan, Rentang

Jenis = Literal["teks", "input", "persen", "poin", "rupiah", "bilangan"]
Gaya = Literal["biasa", "jumlah", "rinci"]
ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True, slots=True)
class Sel:
    """One cell: text, or an exact number with the kind that says how to print it."""

    nilai: Decimal | str | None
    jenis: Jenis = "teks"
    alasan: str | None = None
    #: The computed figure behind the cell (formula, inputs, rules), for renderers that
    #: write the formula itself (the XLSX export); None for text and inputs.
    asal: Nilai | None = field(default=None, compare=False, repr=False)
    #: Places an input prints with, when a row compares two inputs (Tabel 3.6: 84,19 beside
    #: 73,00); None keeps the places the file gave.
    desimal: int | None = None
    #: A place's own rounding of its percentages (`aturan.per_tempat`); None: the report's.
    pembulatan: str | None = None
    #: A negative rupiah printed in parentheses, as under a "Lebih/(Kurang)" heading.
    kurung: bool = False


@dataclass(frozen=True, slots=True)
class Kolom:
    judul: str
    angka: bool = False


@dataclass(frozen=True, slots=True)
class Baris:
    """One row. `tingkat` is its level in a tree (Tabel 3.13: 0 program, 1 kegiatan, 2 sub
    kegiatan...); every output indents the second column by the levels beyond the first."""

    sel: tuple[Sel, ...]
    gaya: Gaya = "biasa"
    tingkat: int = 0


@dataclass(frozen=True, slots=True)
class Tabel:
    """A table as the report prints it: number, caption lines, columns, rows, notes."""

    nomor: str
    judul: tuple[str, ...]
    kolom: tuple[Kolom, ...]
    baris: tuple[Baris, ...]
    catatan: tuple[str, ...] = ()
    sumber: str = ""
    bagian: str = field(default="")
    #: The second part of a table the report prints as one (Tabel 2.4, 3.11): its caption
    #: says "(lanjutan)", so that two parts never carry the same caption.
    lanjutan: bool = False
    #: The label the report prints for this table (`penomoran`): `19`, `III.2`; `nomor` is
    #: lkjip's own number, which selects the table and its template.
    nomor_cetak: str = ""

    @property
    def label(self) -> str:
        return self.nomor_cetak or self.nomor

    @property
    def nomor_judul(self) -> str:
        """`Tabel 3.11`, or `Tabel 3.11 (lanjutan)` for a table's continued part; the label
        the report prints (`penomoran`) when it has one."""
        return f"Tabel {self.label}" + (" (lanjutan)" if self.lanjutan else "")

    @property
    def caption(self) -> str:
        return f"{self.nomor_judul} " + " ".join(self.judul)


# --------------------------------------------------------------------------- cells


def teks(value: str | None) -> Sel:
    return Sel(value or "", "teks")


def masukan(value: Decimal | None) -> Sel:
    return Sel(value, "input")


def _turunan(ind: HasilIndikator) -> Nilai | None:
    """The derived realisasi (`hitung`) when it is the realisasi the tables show."""
    hh = ind.hitungan
    if hh is None or hh.realisasi.nilai is None or hh.realisasi.nilai != ind.realisasi_periode:
        return None
    return hh.realisasi


def _target_turunan(ind: HasilIndikator) -> Nilai | None:
    """The derived target (`hitung.target`) when it is the target the tables show."""
    hh = ind.hitungan
    if hh is None or hh.target is None or hh.target.nilai is None or \
            hh.target.nilai != ind.target_periode:
        return None
    return hh.target


def _sel_turunan(turunan: Nilai) -> Sel:
    """A figure derived from named inputs, rounded by the report's rule like any other, or
    a whole number when it is one (a sum of counts, 57/60*100 = 95)."""
    if turunan.nilai is not None and turunan.nilai == turunan.nilai.to_integral_value():
        return Sel(turunan.nilai.to_integral_value(), "input", None, turunan)
    return Sel(turunan.nilai, "persen", None, turunan)


def realisasi_sel(ind: HasilIndikator) -> Sel:
    """An indicator's realisasi: as typed, or, when derived from its inputs (`hitung`), a
    computed figure rounded by the report's rule like any other."""
    turunan = _turunan(ind)
    return masukan(ind.realisasi_periode) if turunan is None else _sel_turunan(turunan)


def target_indikator_sel(ind: HasilIndikator, periode: bool = True) -> Sel:
    """An indicator's target (up to the period, or the year's): as typed, or derived from
    its inputs' target values (`hitung.target`) like a derived realisasi."""
    turunan = _target_turunan(ind)
    if turunan is None:
        return target_sel(ind.target_periode if periode else ind.target)
    return _sel_turunan(turunan)


def realisasi_tampil(ind: HasilIndikator, aturan: Aturan) -> Decimal | None:
    """The realisasi as printed: typed, or derived and rounded by the report's rule (to
    stand beside typed values in one row)."""
    turunan = _turunan(ind)
    if turunan is None or turunan.nilai is None:
        return ind.realisasi_periode
    return fmt.bulatkan(turunan.nilai, aturan.desimal_persen, aturan.pembulatan)


def target_sel(target: Target | None) -> Sel:
    if isinstance(target, Rentang):
        return Sel(f"{fmt.angka(target.min)}–{fmt.angka(target.maks)}", "teks")
    return masukan(target)


def persen(nilai: Nilai) -> Sel:
    """A computed figure's cell, of the kind its unit says (an efficiency may be rupiah)."""
    if nilai.satuan == "Rp":
        return rp(nilai)
    return Sel(nilai.nilai, "poin" if nilai.satuan == "poin" else "persen", nilai.alasan,
               nilai)


def rp(nilai: Nilai | Decimal | None) -> Sel:
    if isinstance(nilai, Nilai):
        return Sel(nilai.nilai, "rupiah", nilai.alasan, nilai)
    return Sel(nilai, "rupiah")


def bilangan(value: int | None) -> Sel:
    return Sel(None if value is None else Decimal(value), "bilangan")


def format_sel(sel: Sel, aturan: Aturan) -> str:
    """The cell as the reader sees it, rounded by the report's rules."""
    if sel.jenis == "teks":
        return str(sel.nilai or "")
    assert not isinstance(sel.nilai, str)
    if sel.jenis in ("persen", "poin"):
        return fmt.persen(sel.nilai, aturan.desimal_persen if sel.desimal is None
                          else sel.desimal, sel.pembulatan or aturan.pembulatan)
    if sel.jenis == "rupiah":
        return fmt.rupiah(sel.nilai, awalan=False, kurung=sel.kurung)
    return fmt.angka(sel.nilai, sel.desimal)
