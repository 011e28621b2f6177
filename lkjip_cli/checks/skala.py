"""The scales a report is judged on.

A SAKIP component's score is at most its weight, and under the built-in PermenPAN-RB
12/2015 scale the weights add up to at most 100; the lower bound of capaian
(`aturan.batas_bawah`) lies below its cap (`aturan.batas_atas.nilai`).
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli import angka
from lkjip_cli.checks.dokumen import items, mapping, number
from lkjip_cli.checks.konteks import Konteks


def sakip_scores(ctx: Konteks) -> None:
    """A SAKIP component's score lies between 0 and its weight (PermenPAN-RB 12/2015)."""
    evaluasi = mapping(ctx.data, "evaluasi_sakip")
    bobot = {k: number(komp.get("bobot")) for _, komp in items(evaluasi, "komponen")
             if isinstance(k := komp.get("kode"), str)}
    skala = mapping(ctx.data, "aturan").get("skala_predikat", "permenpan-rb-12-2015")
    total = sum((b for b in bobot.values() if b is not None and b > 0), Decimal(0))
    if skala == "permenpan-rb-12-2015" and total > 100:
        ctx.add(("evaluasi_sakip", "komponen"), "score-range",
                f"jumlah bobot komponen {angka.angka(total)} melebihi 100; skala predikat "
                "PermenPAN-RB 12/2015 menilai dari 0 sampai 100: periksa bobotnya")
    for i, hasil in items(evaluasi, "hasil"):
        for kode, raw in mapping(hasil, "nilai").items():
            skor, batas = number(raw), bobot.get(kode)
            if skor is not None and batas is not None and batas > 0 and skor > batas:
                ctx.add(("evaluasi_sakip", "hasil", i, "nilai", kode), "score-range",
                        f"nilai komponen `{kode}` {angka.angka(skor)} melebihi bobotnya "
                        f"{angka.angka(batas)}; nilai sebuah komponen paling tinggi "
                        "sama dengan bobotnya: periksa nilai atau bobot")


def capaian_bounds(ctx: Konteks) -> None:
    """`aturan.batas_bawah` must lie below `aturan.batas_atas.nilai`."""
    aturan = mapping(ctx.data, "aturan")
    bawah = number(aturan.get("batas_bawah"))
    atas = number(mapping(aturan, "batas_atas").get("nilai"))
    if bawah is not None and atas is not None and bawah >= atas:
        ctx.add(("aturan", "batas_bawah"), "range-order",
                f"batas_bawah {angka.angka(bawah)} tidak di bawah batas_atas "
                f"{angka.angka(atas)}; batas bawah capaian harus lebih kecil")
