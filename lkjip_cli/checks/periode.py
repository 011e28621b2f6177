"""An interim report (`periode`) and monthly figures (`bulanan`).

A period given as a month (`periode.sampai: 2020-06`) lies in the report's year, and an
indicator's year agrees with the roll-up of its months under its `rekap_triwulan` rule (a
warning), as `indikator.quarters` does for quarters.
"""

from __future__ import annotations

import re

from lkjip_cli import angka
from lkjip_cli.checks.dokumen import items, mapping, number, year
from lkjip_cli.checks.konteks import Konteks
from lkjip_cli.diagnostics import Severity
from lkjip_cli.model.rumus import ATURAN_REKAP, gulung_triwulan


def periode_checks(ctx: Konteks) -> None:
    """An interim period lies in the report's year; a year's value agrees with its months."""
    sampai = mapping(ctx.data, "periode").get("sampai")
    tahun = year(ctx.data.get("tahun"))
    if isinstance(sampai, str) and re.match(r"^[0-9]{4}-", sampai) and tahun is not None \
            and int(sampai[:4]) != tahun:
        ctx.add(("periode", "sampai"), "periode-tahun",
                f"periode {sampai} tidak berada di tahun laporan {tahun}")
    for base, ind in ctx.indikator():
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
