"""Spending by class: a `belanja` year's lines follow its classification.

Each `jenis` is a class of the year's `klasifikasi` (an unknown one gets the nearest code),
given once; a group is given whole or by its types, never both; `kelompok` names a group;
`langsung`/`tidak_langsung` are the bl-btl classes and belong to no other classification. A
line's realisasi above its pagu is the budget tree's warning (`anggaran.over_pagu`).
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Any

from lkjip_cli.checks.anggaran import over_pagu
from lkjip_cli.checks.dokumen import items, text
from lkjip_cli.checks.konteks import Konteks
from lkjip_cli.diagnostics import Path
from lkjip_cli.model.klasifikasi import KLASIFIKASI, adalah_kelompok, anggota


def kode_kelas(value: Any) -> str | None:
    """A spending class code as the model reads it: text, or a number's own digits."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return str(value)
    return text(value)


def belanja_checks(ctx: Konteks) -> None:
    """A year's spending lines are classes of its classification, each once; a group is
    given whole or by its types, not both; `langsung`/`tidak_langsung` are the bl-btl
    classes and belong to no other classification."""
    for i, entry in items(ctx.data, "belanja"):
        base: Path = ("belanja", i)
        klas = entry.get("klasifikasi", "bl-btl")
        if klas not in KLASIFIKASI:
            continue  # the model validation reports it
        legacy = [k for k in ("langsung", "tidak_langsung") if k in entry]
        for key in legacy:
            if klas != "bl-btl" or entry.get("jenis"):
                ctx.add((*base, key), "klasifikasi-belanja",
                        f"`{key}` adalah kelas klasifikasi bl-btl; tahun ini "
                        + (f"memakai klasifikasi {klas}: tulis belanjanya di `jenis`"
                           if klas != "bl-btl" else "sudah diisi per `jenis`: pilih satu"))
        codes = [k.kode for k in KLASIFIKASI[klas]]
        seen: set[str] = set()
        for j, line in items(entry, "jenis"):
            kode = kode_kelas(line.get("jenis"))
            if kode is None:
                continue
            path = (*base, "jenis", j, "jenis")
            if kode not in codes:
                close = difflib.get_close_matches(kode, codes, n=1, cutoff=0.5)
                hint = f"; mungkin maksudnya `{close[0]}`?" if close else ""
                ctx.add(path, "unknown-jenis",
                        f"`{kode}` bukan kelas klasifikasi {klas} ({', '.join(codes)}){hint}")
            elif kode in seen:
                ctx.add(path, "duplicate-jenis", f"jenis `{kode}` diisi dua kali")
            seen.add(kode)
            over_pagu(ctx, (*base, "jenis", j, "realisasi"), line.get("pagu"),
                      line.get("realisasi"))
        for g in sorted(k for k in seen if adalah_kelompok(klas, k)):
            parts = sorted(seen & {k.kode for k in anggota(klas, g)})
            if parts:
                ctx.add((*base, "jenis"), "duplicate-jenis",
                        f"kelompok `{g}` diisi utuh dan juga per jenis ({', '.join(parts)}): "
                        "isi salah satu, jumlah kelompok dihitung dari jenisnya")
        for j, group in items(entry, "kelompok"):
            kode = kode_kelas(group.get("kelompok"))
            if kode is not None and not adalah_kelompok(klas, kode):
                groups = [k.kode for k in KLASIFIKASI[klas] if adalah_kelompok(klas, k.kode)]
                ctx.add((*base, "kelompok", j, "kelompok"), "unknown-jenis",
                        f"`{kode}` bukan kelompok klasifikasi {klas}"
                        + (f" ({', '.join(groups)})" if groups else
                           ": klasifikasi ini tidak berkelompok"))
