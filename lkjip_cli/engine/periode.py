"""Periodic values of an indicator: quarters derived from months, and the values up to the
report's period (an interim report, "s.d. Triwulan II").

Months roll up to a quarter, and quarters or months to a period, by the indicator's
`rekap_triwulan` rule, the same rule that rolls quarters up to the year (lkjip_cli/model/rumus.py):
`terakhir` for cumulative values, `jumlah`, `rata-rata`. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.indikator import IndikatorPeriodik
from lkjip_cli.model.laporan import Rentang, Triwulan, target_tunggal
from lkjip_cli.model.periode import Bulan, PeriodeLaporan
from lkjip_cli.model.rumus import gulung_triwulan

Target = Decimal | Rentang
#: An indicator with quarters: an IKU, or an indicator of a node of the budget tree.
Indikator = IndikatorPeriodik


def triwulan_efektif(ind: Indikator, path: Path) -> list[tuple[Triwulan, Path]]:
    """The indicator's quarters with their place in the file; derived from its months when
    it gives months only (a quarter's place is then its last month's)."""
    if ind.triwulan or not ind.bulanan:
        return [(tw, (*path, "triwulan", i)) for i, tw in enumerate(ind.triwulan)]
    out: list[tuple[Triwulan, Path]] = []
    for q in range(4):
        months = list(enumerate(ind.bulanan))[3 * q:3 * q + 3]
        if not months:
            break
        tw = Triwulan.model_construct(
            target=_gulung(ind.rekap_triwulan, [m.target for _, m in months]),
            realisasi=_gulung(ind.rekap_triwulan, [m.realisasi for _, m in months]))
        out.append((tw, (*path, "bulanan", months[-1][0])))
    return out


def _gulung(rule: str, values: Sequence[Decimal | None]) -> Decimal | None:
    return gulung_triwulan(rule, [v for v in values if v is not None])


@dataclass(frozen=True, slots=True)
class NilaiPeriode:
    """An indicator's target and realisasi up to the report's period, with their places."""

    target: Target | None
    realisasi: Decimal | None
    path_target: Path
    path_realisasi: Path
    aturan: tuple[str, ...]


def nilai_periode(ind: Indikator, path: Path, periode: PeriodeLaporan | None,
                  tws: Sequence[tuple[Triwulan, Path]]) -> NilaiPeriode:
    """The year's values for a yearly report; for an interim one, the roll-up of the months
    (or whole quarters) up to the period, the target falling back to the year's when the
    file gives no periodic target."""
    if periode is None:
        return NilaiPeriode(ind.target, ind.realisasi, (*path, "target"), (*path, "realisasi"),
                            ())
    rule = ind.rekap_triwulan
    items: list[tuple[Triwulan | Bulan, Path]]
    if ind.bulanan:
        items = [(b, (*path, "bulanan", i))
                 for i, b in enumerate(ind.bulanan[:periode.bulan_akhir])]
    else:
        items = list(tws[:periode.bulan_akhir // 3])
    aturan = [f"periode s.d. {periode.sebutan} (rekap_triwulan={rule})"]
    reals = [(x.realisasi, p) for x, p in items if x.realisasi is not None]
    if reals:
        realisasi: Decimal | None = _gulung(rule, [v for v, _ in reals])
        path_r: Path = (*reals[-1][1], "realisasi")
    else:
        realisasi, path_r = ind.realisasi, (*path, "realisasi")
    targets = [(x.target, p) for x, p in items if x.target is not None]
    target: Target | None
    if targets and rule == "terakhir":
        target, path_t = targets[-1][0], (*targets[-1][1], "target")
    elif targets and all(target_tunggal(t) is not None for t, _ in targets):
        target = _gulung(rule, [target_tunggal(t) for t, _ in targets])
        path_t = (*targets[-1][1], "target")
    else:
        target, path_t = ind.target, (*path, "target")
        aturan.append("target tahunan dipakai: tidak ada target periode")
    return NilaiPeriode(target, realisasi, path_t, path_r, tuple(aturan))


def isi_dari_rekap(per: NilaiPeriode, realisasi: Nilai, target: Nilai) -> NilaiPeriode:
    """A yearly report whose file gives quarters or months but no annual value: the year's
    value is their roll-up (`rekap_triwulan`), as the report itself reads it, with the rule
    named, rather than "belum ada data realisasi" under a right capaian."""
    aturan = list(per.aturan)
    r, path_r = per.realisasi, per.path_realisasi
    if r is None and realisasi.nilai is not None and realisasi.masukan:
        r, path_r = realisasi.nilai, realisasi.masukan[-1].sumber or path_r
        aturan.append(f"realisasi tahunan tidak diisi: {realisasi.rumus}")
    t, path_t = per.target, per.path_target
    if t is None and target.nilai is not None and target.masukan:
        t, path_t = target.nilai, target.masukan[-1].sumber or path_t
        aturan.append(f"target tahunan tidak diisi: {target.rumus}")
    return NilaiPeriode(t, r, path_t, path_r, tuple(aturan))
