"""The budget tree: money typed at its leaves, realisasi against pagu.

The tree below kegiatan nests no deeper than `MAKS_RINCIAN`; a leaf carries its pagu and
realisasi and a level with `rincian` does not (it is their sum; a total the report printed
belongs under its `dilaporkan`). A realisasi above its pagu is a warning wherever a pagu is
typed (budgets shift in the APBD-P, but a reviewer must see it), and the belanja langsung
given for the report's year agrees with the sum of its kegiatan.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_cli import angka
from lkjip_cli.checks.dokumen import Doc, items, mapping, number, year
from lkjip_cli.checks.konteks import MAKS_RINCIAN, Konteks
from lkjip_cli.diagnostics import Path, Severity


def spending(ctx: Konteks) -> None:
    for base, keg in ctx.daun():
        over_pagu(ctx, (*base, "realisasi"), keg.get("pagu"), keg.get("realisasi"))
    for i, entry in items(ctx.data, "belanja"):
        for name in ("langsung", "tidak_langsung"):
            pos = mapping(entry, name)
            over_pagu(ctx, ("belanja", i, name, "realisasi"), pos.get("pagu"),
                      pos.get("realisasi"))


def over_pagu(ctx: Konteks, path: Path, pagu_raw: Any, realisasi_raw: Any) -> None:
    pagu, realisasi = number(pagu_raw), number(realisasi_raw)
    if pagu is None or realisasi is None or pagu < 0 or realisasi < 0:
        return  # a missing or negative amount is the model validation's to report
    if realisasi > pagu:
        ctx.add(path, "realisasi-over-pagu",
                f"realisasi {angka.rupiah(realisasi)} melebihi pagu "
                f"{angka.rupiah(pagu)}", Severity.WARNING)


def belanja_langsung(ctx: Konteks) -> None:
    """The report year's belanja langsung, when given, against the sum of its kegiatan."""
    kegiatan = [keg for _, keg in ctx.daun()]
    tahun = year(ctx.data.get("tahun"))
    if not kegiatan:
        return
    totals: dict[str, Decimal | None] = {}
    for name in ("pagu", "realisasi"):
        parts = [number(keg.get(name)) for keg in kegiatan]
        totals[name] = None if any(p is None for p in parts) else sum(
            (p for p in parts if p is not None), Decimal(0))
    for i, entry in items(ctx.data, "belanja"):
        if year(entry.get("tahun")) != tahun:
            continue
        for name in ("pagu", "realisasi"):
            given = number(mapping(entry, "langsung").get(name))
            total = totals[name]
            if given is None or total is None:
                continue
            if given != total:
                ctx.add(("belanja", i, "langsung", name), "belanja-langsung",
                        f"{name} belanja langsung {angka.rupiah(given)} berbeda dengan "
                        f"jumlah kegiatan, {angka.rupiah(total)}", Severity.WARNING)


def budget_tree_checks(ctx: Konteks) -> None:
    """Money is typed at the leaves of the budget tree and nowhere above them: a leaf needs
    its pagu and realisasi; a level with rincian is their sum, and a total the report printed
    for it belongs under its `dilaporkan`."""
    for base, _ in ctx.rincian():
        if base.count("rincian") > MAKS_RINCIAN:
            ctx.add(base, "budget-too-deep",
                    f"rincian bertingkat lebih dari {MAKS_RINCIAN} di bawah kegiatan; "
                    "pohon anggaran sedalam ini bukan nomenklatur yang dikenal")
            return
    for base, node in (*ctx.kegiatan(), *ctx.rincian()):
        has_rincian = bool(node.get("rincian"))
        for key in ("pagu", "realisasi"):
            if has_rincian and node.get(key) is not None:
                ctx.add((*base, key), "budget-above-leaf",
                        f"`{key}` diisi pada tingkat yang mempunyai rincian: nilainya "
                        f"adalah jumlah rinciannya. Hapus `{key}`, atau catat angka yang "
                        f"dicetak laporan di `dilaporkan.{key}` agar lkjip check "
                        "membandingkannya")
            elif not has_rincian and key not in node and not (
                    key == "realisasi" and node.get("realisasi_bulanan")):
                ctx.add((*base, key), "missing",
                        f"kunci wajib `{key}` tidak ada: tingkat terbawah pohon anggaran "
                        f"(tanpa `rincian`) membawa pagu dan realisasinya sendiri",
                        mark_at=base)
        _bulanan(ctx, base, node, has_rincian)


def _bulanan(ctx: Konteks, base: Path, node: Doc, has_rincian: bool) -> None:
    """Monthly realisasi belong to a leaf, and sum to its realisasi when both are given."""
    months = node.get("realisasi_bulanan")
    if not isinstance(months, list) or not months:
        return
    if has_rincian:
        ctx.add((*base, "realisasi_bulanan"), "budget-above-leaf",
                "`realisasi_bulanan` diisi pada tingkat yang mempunyai rincian: isi pada "
                "rinciannya")
        return
    values = [number(v) for v in months]
    given = number(node.get("realisasi"))
    total = sum((v for v in values if v is not None), Decimal(0))
    if given is not None and any(v is not None for v in values) and given != total:
        ctx.add((*base, "realisasi"), "rekap-bulanan",
                f"realisasi {angka.rupiah(given)} berbeda dengan jumlah realisasi bulanannya "
                f"{angka.rupiah(total)}", Severity.WARNING)
