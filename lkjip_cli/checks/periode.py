"""An interim report (`periode`) and monthly figures (`bulanan`).

A period given as a month (`periode.sampai: 2020-06`) lies in the report's year, and an
indicator's year agrees with the roll-up of its months under its `rekap_triwulan` rule (a
warning), as `indikator.quarters` does for quarters. Where a file gives both months and
quarters (an indicator's `bulanan` and `triwulan`, a budget leaf's `realisasi_bulanan` and
`realisasi_triwulan`), each quarter agrees with the roll-up of its three months: by the
indicator's rule, by their sum for money (`bulanan-triwulan`, a warning at the quarter).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from lkjip_cli import angka
from lkjip_cli.checks.dokumen import Doc, items, mapping, number, year
from lkjip_cli.checks.konteks import Konteks
from lkjip_cli.diagnostics import Path, Severity
from lkjip_cli.model.rumus import ATURAN_REKAP, gulung_triwulan


def periode_checks(ctx: Konteks) -> None:
    """An interim period lies in the report's year; a year's value agrees with its months."""
    sampai = mapping(ctx.data, "periode").get("sampai")
    tahun = year(ctx.data.get("tahun"))
    if isinstance(sampai, str) and re.match(r"^[0-9]{4}-", sampai) and tahun is not None \
            and int(sampai[:4]) != tahun:
        ctx.add(("periode", "sampai"), "periode-tahun",
                f"periode {sampai} tidak berada di tahun laporan {tahun}")
    for base, ind in _semua_indikator(ctx):
        rule = ind.get("rekap_triwulan", "terakhir")
        months = [m for _, m in items(ind, "bulanan")]
        if rule not in ATURAN_REKAP or not months:
            continue
        for name in ("target", "realisasi"):
            annual = number(ind.get(name))
            rolled = gulung_triwulan(rule, [v for v in (number(m.get(name)) for m in months)
                                            if v is not None])
            if annual is not None and rolled is not None and annual != rolled:
                ctx.add((*base, name), "rekap-bulanan",
                        f"{name} tahunan {angka.angka(annual)} berbeda dengan rekap "
                        f"bulanan {angka.angka(rolled)} (rekap_triwulan: {rule})",
                        Severity.WARNING)


def _semua_indikator(ctx: Konteks) -> Iterator[tuple[Path, Doc]]:
    """Every indicator: the IKU, then those of the budget tree's nodes."""
    yield from ctx.indikator()
    for base, ind, _ in ctx.indikator_simpul():
        yield base, ind


def bulanan_triwulan(ctx: Konteks) -> None:
    """Each quarter given beside its months is the roll-up of its three months."""
    for base, ind in _semua_indikator(ctx):
        rule = ind.get("rekap_triwulan", "terakhir")
        months = [m for _, m in items(ind, "bulanan")]
        quarters = [tw for _, tw in items(ind, "triwulan")]
        if rule not in ATURAN_REKAP or not months or not quarters:
            continue
        for name in ("target", "realisasi"):
            _bandingkan_triwulan(ctx, [number(tw.get(name)) for tw in quarters],
                                 [number(m.get(name)) for m in months], rule,
                                 ((*base, "triwulan"), (name,)), name, angka.angka)
    for base, node in ctx.daun():
        months_rp = node.get("realisasi_bulanan")
        quarters_rp = node.get("realisasi_triwulan")
        if not isinstance(months_rp, list) or not isinstance(quarters_rp, list):
            continue
        _bandingkan_triwulan(ctx, [number(v) for v in quarters_rp],
                             [number(v) for v in months_rp], "jumlah",
                             ((*base, "realisasi_triwulan"), ()), "realisasi", angka.rupiah)


def _bandingkan_triwulan(ctx: Konteks, quarters: Sequence[Decimal | None],
                         months: Sequence[Decimal | None], rule: str,
                         tempat: tuple[Path, Path], name: str,
                         tulis: Callable[[Decimal], str]) -> None:
    """Quarter q against its months 3q+1..3q+3 rolled up by `rule`; a quarter whose months
    the file does not reach to its last, or whose months hold no value, is not compared.
    `tempat` is the quarters' list and what follows the index, to place the warning."""
    daftar, sesudah = tempat
    for q, value in enumerate(quarters):
        if value is None or len(months) < 3 * q + 3:
            continue
        known = [v for v in months[3 * q:3 * q + 3] if v is not None]
        rolled = gulung_triwulan(rule, known)
        if rolled is None or rolled == value:
            continue
        ctx.add((*daftar, q, *sesudah), "bulanan-triwulan",
                f"{name} triwulan {q + 1} {tulis(value)} berbeda dengan rekap bulan "
                f"{3 * q + 1}-{3 * q + 3} {tulis(rolled)} ({_kata_rekap(rule)})",
                Severity.WARNING)


def _kata_rekap(rule: str) -> str:
    if rule == "terakhir":
        return "rekap_triwulan: terakhir, nilai bulan terakhir triwulan itu"
    if rule == "jumlah":
        return "jumlah ketiga bulan"
    return "rekap_triwulan: rata-rata ketiga bulan"
