"""Capaian across years: an indicator's earlier years as report quantities, and the change.

PermenPAN-RB 53/2014 asks a report to compare this year's capaian with earlier years'
(rules.md section 1), and published tables do (Kecamatan Gunung Kaler, LKjIP 2020, Tabel 3.5:
Target, Realisasi and Capaian of 2019 and 2020 side by side). An earlier year's capaian is
computed exactly as this year's, by the indicator's polarity and the report's rules, from the
target (`target_sebelumnya`) and realisasi (`realisasi_sebelumnya`) the file gives for it, so
that a wrong printed capaian of an earlier year is caught like any other.

The change is given both ways and labelled: in points (C - C lalu) and relative
((C / C lalu - 1) x 100). A relative change from a base of 0 or below has no meaning (a
rise from -100 to 50 is not "a fall of 150%"), so it is not computable there and sentences
give the points only. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.nilai import HUNDRED, Masukan, Nilai, presisi, tidak_dapat
from lkjip_cli.model.laporan import IndikatorKinerja, Rentang

Target = Decimal | Rentang

#: (target, realisasi, place of the target, place of the realisasi) -> capaian
HitungCapaian = Callable[[Target | None, Decimal | None, Path, Path], Nilai]

RUMUS_CAPAIAN_POIN = "perubahan capaian = capaian - capaian tahun lalu"
RUMUS_CAPAIAN_PERSEN = "perubahan capaian = (capaian / capaian tahun lalu - 1) x 100"


@dataclass(frozen=True, slots=True)
class HasilTahun:
    """One earlier year of an indicator: its target, realisasi and capaian."""

    tahun: int
    target: Target | None
    realisasi: Decimal | None
    capaian: Nilai
    path: Path


@dataclass(frozen=True, slots=True)
class AntarTahun:
    """An indicator's earlier years, oldest first, and the change of capaian from last year."""

    tahun: tuple[HasilTahun, ...]
    tahun_lalu: int
    target_tahun_lalu: Target | None
    capaian_tahun_lalu: Nilai
    perubahan_capaian_poin: Nilai
    perubahan_capaian_persen: Nilai

    @property
    def ada(self) -> bool:
        """Whether the file gives a capaian for last year (a table shows the years then)."""
        return self.capaian_tahun_lalu.ada


def tahun_sebelumnya(ind: IndikatorKinerja, tahun: int) -> list[int]:
    """The earlier years the file gives a target or realisasi for, oldest first."""
    return sorted(y for y in set(ind.target_sebelumnya) | set(ind.realisasi_sebelumnya)
                  if y < tahun)


def hitung_antar_tahun(ind: IndikatorKinerja, path: Path, tahun: int, capaian: Nilai,
                       hitung: HitungCapaian) -> AntarTahun:
    """Every earlier year's capaian, and this year's `capaian` against last year's."""
    years = []
    for y in tahun_sebelumnya(ind, tahun):
        path_t: Path = (*path, "target_sebelumnya", str(y))
        path_r: Path = (*path, "realisasi_sebelumnya", str(y))
        target, realisasi = ind.target_sebelumnya.get(y), ind.realisasi_sebelumnya.get(y)
        years.append(HasilTahun(y, target, realisasi, hitung(target, realisasi, path_t, path_r),
                                (*path, "target_sebelumnya", str(y))))
    lalu = tahun - 1
    prev = next((y for y in years if y.tahun == lalu), None)
    cap_lalu = prev.capaian if prev is not None else tidak_dapat(
        capaian.rumus, f"tidak ada target dan realisasi tahun {lalu}")
    poin, persen = perubahan_capaian(capaian, cap_lalu)
    return AntarTahun(tuple(years), lalu, prev.target if prev else None, cap_lalu, poin,
                      persen)


@presisi
def perubahan_capaian(kini: Nilai, lalu: Nilai, nama: str = "capaian") -> tuple[Nilai, Nilai]:
    """The change of capaian (or of another quantity, `nama`: the average capaian) from
    last year, in points and relative, each labelled."""
    rumus_poin, rumus_persen = (
        (RUMUS_CAPAIAN_POIN, RUMUS_CAPAIAN_PERSEN) if nama == "capaian" else
        (f"perubahan {nama} = {nama} - {nama} tahun lalu",
         f"perubahan {nama} = ({nama} / {nama} tahun lalu - 1) x 100"))
    inputs = (Masukan(f"{nama} tahun ini", kini.nilai), Masukan(f"{nama} tahun lalu",
                                                                lalu.nilai))
    if kini.nilai is None or lalu.nilai is None:
        alasan = (f"{nama} tahun lalu tidak tersedia" if lalu.nilai is None
                  else f"{nama} tahun ini tidak tersedia")
        return (tidak_dapat(rumus_poin, alasan, inputs, satuan="poin"),
                tidak_dapat(rumus_persen, alasan, inputs))
    c, p = kini.nilai, lalu.nilai
    poin = Nilai(c - p, rumus_poin, inputs, satuan="poin").with_uraian("{0} - {1}", c, p)
    if p <= 0:
        return poin, tidak_dapat(rumus_persen, f"{nama} tahun lalu 0 atau negatif: "
                                 "perubahan relatif tidak bermakna, pakai selisih poin",
                                 inputs)
    persen = Nilai((c / p - 1) * HUNDRED, rumus_persen, inputs).with_uraian(
        "({0} / {1} - 1) x 100", c, p)
    return poin, persen
