"""Averages of capaian: a sasaran's over its indicators, and the report's.

The plain mean (rules.md section 2), with the report's choices made visible in each figure:
indicators left out (`rata_rata.dikecualikan`), a cap applied before averaging
(`batas_atas`), and the report's basis (`rata_rata.dasar`: every indicator, or each
sasaran). `mean` is also the mean the output-over-input efficiency takes over a sasaran's
inputs (`efisiensi.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip_cli.engine.capaian import batasi
from lkjip_cli.engine.hasil import HasilIndikator, HasilSasaran
from lkjip_cli.engine.konteks import Konteks
from lkjip_cli.engine.nilai import Masukan, Nilai, presisi, tidak_dapat

RUMUS_RATA_RATA = "rata-rata capaian = jumlah capaian / banyak indikator"


@presisi
def rata_rata(k: Konteks, label: str, indikator: Sequence[HasilIndikator]) -> Nilai:
    """Plain mean of the included indicators' capaian (capped if the report says so)."""
    batas = k.batas_untuk("rata-rata")
    included = [i for i in indikator if i.dikecualikan is None]
    aturan = tuple(f"{i.kode} dikecualikan: {i.dikecualikan}" for i in indikator
                   if i.dikecualikan is not None)
    if batas is not None:
        aturan = (*aturan, f"batas_atas={batas} sebelum dirata-rata")
    rumus = f"{RUMUS_RATA_RATA} ({label})"
    inputs = tuple(Masukan(f"capaian {i.kode}", batasi(i.capaian, batas).nilai, i.path)
                   for i in included)
    missing = [m.nama for m in inputs if m.nilai is None]
    if not inputs:
        return tidak_dapat(rumus, "semua indikator dikecualikan", aturan=aturan)
    if missing:
        return tidak_dapat(rumus, f"tidak ada nilai untuk {', '.join(missing)}", inputs,
                           aturan=aturan)
    return mean(rumus, inputs, aturan)


@presisi
def rata_rata_laporan(k: Konteks, sasaran: Sequence[HasilSasaran]) -> Nilai:
    """The report's average: over every indicator, or over each sasaran's average."""
    if k.aturan.rata_rata.dasar == "indikator":
        return rata_rata(k, "laporan", [i for s in sasaran for i in s.indikator])
    # A sasaran whose indicators are all excluded leaves the average, as its indicators
    # would on the indicator basis.
    counted = [s for s in sasaran if any(i.dikecualikan is None for i in s.indikator)]
    inputs = tuple(Masukan(f"capaian {s.kode}", s.capaian.nilai, s.path) for s in counted)
    rumus = "rata-rata capaian = jumlah capaian sasaran / banyak sasaran"
    if any(m.nilai is None for m in inputs) or not inputs:
        return tidak_dapat(rumus, "capaian sasaran tidak lengkap", inputs)
    return mean(rumus, inputs, ("rata_rata.dasar=sasaran",))


def mean(rumus: str, inputs: tuple[Masukan, ...], aturan: tuple[str, ...]) -> Nilai:
    """The plain mean of the inputs' values, written out as a sum over their count (the
    callers have made sure that none is missing)."""
    numbers = tuple(m.nilai for m in inputs if m.nilai is not None)
    uraian = "(" + " + ".join(f"{{{i}}}" for i in range(len(numbers))) + f") / {len(numbers)}"
    rerata = sum(numbers, Decimal(0)) / len(numbers)
    return Nilai(rerata, rumus, inputs, aturan).with_uraian(uraian, *numbers)
