"""The years of a report.

The Renstra period runs forward and holds the report's year (outside it, a warning); a year
is given once among the `belanja` years and the SAKIP evaluation results; and two keys of an
indicator's mapping by year (`realisasi_sebelumnya`, `target_sebelumnya`, `target_renstra`)
never name the same year (`2019` and `"2019,0"`), which would silently merge them.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkjip_cli.checks.dokumen import Doc, items, mapping, year
from lkjip_cli.checks.konteks import Konteks
from lkjip_cli.diagnostics import Diagnostic, Path, Severity, format_path


def years(ctx: Konteks) -> None:
    tahun = year(ctx.data.get("tahun"))
    renstra = mapping(ctx.data, "renstra")
    mulai, selesai = year(renstra.get("mulai")), year(renstra.get("selesai"))
    if mulai is not None and selesai is not None:
        if mulai > selesai:
            ctx.add(("renstra",), "range-order",
                    f"renstra.mulai ({mulai}) sesudah renstra.selesai ({selesai}); tukar "
                    "keduanya")
        elif tahun is not None and not mulai <= tahun <= selesai:
            ctx.add(("tahun",), "outside-renstra",
                    f"tahun {tahun} di luar periode Renstra {mulai}-{selesai}",
                    Severity.WARNING)
    unique_years(ctx, ("belanja",), items(ctx.data, "belanja"))
    unique_years(ctx, ("evaluasi_sakip", "hasil"),
                 items(mapping(ctx.data, "evaluasi_sakip"), "hasil"))


def unique_years(ctx: Konteks, base: Path, entries: Iterator[tuple[int, Doc]]) -> None:
    seen: set[int] = set()
    for i, entry in entries:
        y = year(entry.get("tahun"))
        if y is None:
            continue
        if y in seen:
            ctx.add((*base, i, "tahun"), "duplicate-year",
                    f"tahun {y} muncul dua kali; setiap tahun cukup sekali")
        seen.add(y)


def year_keys(ctx: Konteks) -> None:
    """Two keys of one mapping by year that name the same year (`2019` and `"2019,0"`)
    would silently merge into one entry."""
    bertahun = [*((b, i, ("realisasi_sebelumnya", "target_sebelumnya", "target_renstra"))
                  for b, i in ctx.indikator()),
                *((b, i, ("realisasi_sebelumnya", "target_renstra"))
                  for b, i, _ in ctx.indikator_simpul()),
                *((b, n, ("pagu_renstra", "realisasi_sebelumnya")) for b, n, _ in ctx.simpul())]
    for base, ind, names in bertahun:
        for name in names:
            first: dict[int, str] = {}
            for key in mapping(ind, name):
                y = year(key)
                if y is None:
                    continue
                if y not in first:
                    first[y] = key
                    continue
                path = (*base, name, key)
                mark = ctx.source.key_mark(path)
                ctx.found.append(Diagnostic(
                    ctx.source.file, mark.line if mark else None,
                    mark.column if mark else None, Severity.ERROR, "duplicate-year",
                    f"kunci `{key}` menyebut tahun {y} lagi (sudah ada `{first[y]}`); "
                    "satu tahun hanya boleh satu kunci: hapus salah satunya",
                    format_path(path)))
