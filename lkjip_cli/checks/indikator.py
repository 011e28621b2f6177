"""An indicator's figures agree with themselves.

A range target (`min`/`maks`) runs upward, for the year, each quarter, each Renstra year and
each kegiatan indicator; and a year's target and realisasi agree with the roll-up of its
quarters under the indicator's `rekap_triwulan` rule (a warning).
"""

from __future__ import annotations

from typing import Any

from lkjip_cli import angka
from lkjip_cli.checks.dokumen import items, mapping, number
from lkjip_cli.checks.konteks import Konteks
from lkjip_cli.diagnostics import Path, Severity
from lkjip_cli.model.persen import JENIS_PERSEN
from lkjip_cli.model.rumus import ATURAN_REKAP, gulung_triwulan


def ranges(ctx: Konteks) -> None:
    for base, ind in ctx.indikator():
        range_order(ctx, (*base, "target"), ind.get("target"))
        for t, tw in items(ind, "triwulan"):
            range_order(ctx, (*base, "triwulan", t, "target"), tw.get("target"))
        for name in ("target_sebelumnya", "target_renstra"):
            for key, target in mapping(ind, name).items():
                range_order(ctx, (*base, name, key), target)
    for base, ik, _ in ctx.indikator_simpul():
        range_order(ctx, (*base, "target"), ik.get("target"))
        for t, tw in items(ik, "triwulan"):
            range_order(ctx, (*base, "triwulan", t, "target"), tw.get("target"))
        for key, target in mapping(ik, "target_renstra").items():
            range_order(ctx, (*base, "target_renstra", key), target)


def range_order(ctx: Konteks, path: Path, target: Any) -> None:
    if not isinstance(target, dict):
        return
    low, high = number(target.get("min")), number(target.get("maks"))
    if low is not None and high is not None and low > high:
        ctx.add(path, "range-order",
                f"target rentang terbalik: min {angka.angka(low)} lebih besar dari maks "
                f"{angka.angka(high)}; tukar keduanya")


def quarters(ctx: Konteks) -> None:
    """A year's target and realisasi against the roll-up of its quarters."""
    semua = [*ctx.indikator(), *((b, i) for b, i, _ in ctx.indikator_simpul())]
    for base, ind in semua:
        rule = ind.get("rekap_triwulan", "terakhir")
        quarters = [tw for _, tw in items(ind, "triwulan")]
        if rule not in ATURAN_REKAP or not quarters:
            continue
        for name in ("target", "realisasi"):
            annual = number(ind.get(name))
            values = [number(tw.get(name)) for tw in quarters]
            rolled = gulung_triwulan(rule, [v for v in values if v is not None])
            if annual is not None and rolled is not None and annual != rolled:
                ctx.add((*base, name), "rekap-triwulan",
                        f"{name} tahunan {angka.angka(annual)} berbeda dengan rekap "
                        f"triwulan {angka.angka(rolled)} (rekap_triwulan: {rule})",
                        Severity.WARNING)


def shares(ctx: Konteks) -> None:
    """`jenis_persen` and the older `persen_maks_100` do not contradict each other (whether
    a share's figures stay within 0-100 is `check`'s: audit/konsistensi.py)."""
    nodes = [*ctx.indikator(), *((b, i) for b, i, _ in ctx.indikator_simpul())]
    for base, ind in nodes:
        jenis, maks = ind.get("jenis_persen"), ind.get("persen_maks_100")
        if jenis in JENIS_PERSEN and isinstance(maks, bool) and (jenis == "bagian") != maks:
            ctx.add((*base, "persen_maks_100"), "jenis-persen",
                    f"persen_maks_100: {str(maks).lower()} bertentangan dengan jenis_persen: "
                    f"{jenis}; hapus persen_maks_100 (kunci lama) dan pakai jenis_persen saja")
