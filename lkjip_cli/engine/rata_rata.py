"""Averages of capaian: a sasaran's over its indicators, and the report's.

By the report's named method (`METODE_RATA_RATA`, `rata_rata.metode`): the plain mean
(rules.md section 2, the default), mean realisasi over mean target, the pagu-weighted mean,
or PMK 22/2021's geometric mean. The report's choices are visible in each figure:
indicators left out (`rata_rata.dikecualikan`), a cap applied before averaging
(`batas_atas`), and the report's basis (`rata_rata.dasar`: every indicator, or each
sasaran). `mean` is also the mean the output-over-input efficiency takes over a sasaran's
inputs (`efisiensi.py`).

Last year's average (the footer of Tabel 3.6's capaian part) is the same average over each
indicator as it stood last year (its capaian, target and realisasi of that year), by the same
method and basis, so that the two averages a report compares are made alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from lkjip_cli.engine.capaian import batasi
from lkjip_cli.engine.hasil import HasilIndikator, HasilSasaran
from lkjip_cli.engine.konteks import Konteks
from lkjip_cli.engine.metode import Metode, daftar
from lkjip_cli.engine.nilai import HUNDRED, Masukan, Nilai, presisi, tidak_dapat
from lkjip_cli.model.laporan import target_tunggal

RUMUS_RATA_RATA = "rata-rata capaian = jumlah capaian / banyak indikator"

#: Every averaging method a report can name (`aturan.rata_rata.metode`), with its source.
METODE_RATA_RATA = daftar(
    Metode("rata-rata", "rata-rata capaian",
           "LKjIP BKD Kota Yogyakarta 2015; LKjIP Kecamatan Gunung Kaler 2020, Tabel 3.5",
           RUMUS_RATA_RATA, "=AVERAGE(CAPAIAN)"),
    Metode("rasio-rata-rata", "rata-rata realisasi terhadap rata-rata target",
           "issue 22 (laporan instansi yang disimpan terpisah); belum ada salinan publik",
           "rata-rata capaian = jumlah realisasi / jumlah target x 100",
           "=SUM(REALISASI)/SUM(TARGET)*100", pasti=False),
    Metode("tertimbang-pagu", "rata-rata tertimbang pagu",
           "issue 22 (laporan instansi yang disimpan terpisah); belum ada salinan publik",
           "rata-rata capaian = jumlah (pagu x capaian) / jumlah pagu",
           "=SUMPRODUCT(PAGU,CAPAIAN)/SUM(PAGU)", pasti=False),
    Metode("geometrik-pmk-22-2021", "rata-rata geometrik (PMK 22/2021)",
           "Peraturan Menteri Keuangan Nomor 22/PMK.02/2021 tentang Pengukuran dan Evaluasi "
           "Kinerja Anggaran atas Pelaksanaan Rencana Kerja dan Anggaran Kementerian Negara/"
           "Lembaga, Lampiran (capaian output program)",
           "rata-rata capaian = (hasil kali capaian / 100) ^ (1 / banyak) x 100",
           "=GEOMEAN(CAPAIAN/100)*100"),
)


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
    metode = k.aturan.rata_rata.metode
    if metode != "rata-rata":
        rumus = f"{METODE_RATA_RATA[metode].rumus} ({label})"
        aturan = (*aturan, f"rata_rata.metode={metode}")
    if not inputs:
        return tidak_dapat(rumus, "semua indikator dikecualikan", aturan=aturan)
    if metode == "rasio-rata-rata":
        return rasio_rata_rata(rumus, included, aturan)
    if missing:
        return tidak_dapat(rumus, f"tidak ada nilai untuk {', '.join(missing)}", inputs,
                           aturan=aturan)
    if metode == "tertimbang-pagu":
        return tertimbang(rumus, inputs, [(i.kode, i.anggaran.pagu) for i in included],
                          aturan)
    if metode == "geometrik-pmk-22-2021":
        return geometrik(rumus, inputs, aturan)
    return mean(rumus, inputs, aturan)


@presisi
def rata_rata_laporan(k: Konteks, sasaran: Sequence[HasilSasaran],
                      label: str = "laporan") -> Nilai:
    """The report's average: over every indicator, or over each sasaran's average."""
    if k.aturan.rata_rata.dasar == "indikator":
        return rata_rata(k, label, [i for s in sasaran for i in s.indikator])
    # A sasaran whose indicators are all excluded leaves the average, as its indicators
    # would on the indicator basis.
    counted = [s for s in sasaran if any(i.dikecualikan is None for i in s.indikator)]
    inputs = tuple(Masukan(f"capaian {s.kode}", s.capaian.nilai, s.path) for s in counted)
    rumus = "rata-rata capaian = jumlah capaian sasaran / banyak sasaran"
    if label != "laporan":
        rumus = f"{rumus} ({label})"
    aturan: tuple[str, ...] = ("rata_rata.dasar=sasaran",)
    metode = k.aturan.rata_rata.metode
    if metode in ("tertimbang-pagu", "geometrik-pmk-22-2021"):
        rumus = f"{METODE_RATA_RATA[metode].rumus} (sasaran)"
        aturan = (*aturan, f"rata_rata.metode={metode}")
    if any(m.nilai is None for m in inputs) or not inputs:
        return tidak_dapat(rumus, "capaian sasaran tidak lengkap", inputs, aturan=aturan)
    if metode == "tertimbang-pagu":
        return tertimbang(rumus, inputs, [(s.kode, s.anggaran.pagu) for s in counted], aturan)
    if metode == "geometrik-pmk-22-2021":
        return geometrik(rumus, inputs, aturan)
    return mean(rumus, inputs, aturan)


def _tahun_lalu(i: HasilIndikator) -> HasilIndikator:
    """An indicator as it stood last year: that year's capaian, target and realisasi."""
    a = i.antar_tahun
    if a is None:
        return replace(i, capaian=tidak_dapat("capaian tahun lalu", "tidak ada"),
                       target_periode=None, realisasi_periode=None)
    return replace(i, capaian=a.capaian_tahun_lalu, target_periode=a.target_tahun_lalu,
                   realisasi_periode=i.realisasi_tahun_lalu,
                   path=(*i.path, "target_sebelumnya", str(a.tahun_lalu)))


@presisi
def rata_rata_tahun_lalu(k: Konteks, sasaran: Sequence[HasilSasaran]) -> Nilai | None:
    """Last year's average capaian by the report's method and basis (the footer of Tabel
    3.6's capaian part); None when no indicator gives last year's capaian. The pagu-weighted
    mean needs last year's pagu, which the file does not hold: not computable, so said."""
    if not any(i.antar_tahun is not None and i.antar_tahun.ada
               for s in sasaran for i in s.indikator):
        return None
    lalu = k.laporan.tahun - 1
    label = f"tahun {lalu}"
    if k.aturan.rata_rata.metode == "tertimbang-pagu":
        return tidak_dapat(f"{METODE_RATA_RATA['tertimbang-pagu'].rumus} ({label})",
                           f"rata-rata tertimbang pagu memerlukan pagu tahun {lalu}, yang "
                           "tidak dimuat berkas", aturan=("rata_rata.metode=tertimbang-pagu",))
    mundur = []
    for s in sasaran:
        inds = tuple(_tahun_lalu(i) for i in s.indikator)
        mundur.append(replace(s, indikator=inds,
                              capaian=rata_rata(k, f"sasaran {s.kode}, {label}", inds)))
    return rata_rata_laporan(k, mundur, label)


def rasio_rata_rata(rumus: str, indikator: Sequence[HasilIndikator],
                    aturan: tuple[str, ...]) -> Nilai:
    """Sum of realisasi over sum of target x 100: only for indicators of one unit and
    positive polarity with single-number targets (otherwise the sums mean nothing)."""
    inputs = tuple(m for i in indikator for m in (
        Masukan(f"realisasi {i.kode}", i.realisasi_periode, (*i.path, "realisasi")),
        Masukan(f"target {i.kode}", target_tunggal(i.target_periode), (*i.path, "target"))))
    bad = [i.kode for i in indikator if i.polaritas != "positif"
           or target_tunggal(i.target_periode) is None]
    if bad:
        return tidak_dapat(rumus, "hanya untuk indikator positif dengan target satu angka: "
                           + ", ".join(bad), inputs, aturan=aturan)
    if len({i.satuan for i in indikator}) > 1:
        return tidak_dapat(rumus, "satuan indikator berbeda: "
                           + ", ".join(sorted({i.satuan for i in indikator})), inputs,
                           aturan=aturan)
    if any(m.nilai is None for m in inputs):
        return tidak_dapat(rumus, "realisasi atau target tidak lengkap", inputs, aturan=aturan)
    real = sum((m.nilai for m in inputs[0::2] if m.nilai is not None), Decimal(0))
    target = sum((m.nilai for m in inputs[1::2] if m.nilai is not None), Decimal(0))
    if target == 0:
        return tidak_dapat(rumus, "jumlah target 0", inputs, aturan=aturan)
    return Nilai(real / target * HUNDRED, rumus, inputs, aturan).with_uraian(
        "{0} / {1} x 100", real, target)


def tertimbang(rumus: str, inputs: tuple[Masukan, ...], pagu: Sequence[tuple[str, Nilai]],
               aturan: tuple[str, ...]) -> Nilai:
    """The mean of the inputs weighted by each one's pagu; a part without pagu is an error,
    not a zero weight."""
    weights = tuple(Masukan(f"pagu {kode}", p.nilai) for kode, p in pagu)
    both = (*inputs, *weights)
    missing = [w.nama for w in weights if w.nilai is None]
    if missing:
        return tidak_dapat(rumus, f"tidak ada pagu untuk {', '.join(missing)}", both,
                           aturan=aturan)
    w = [m.nilai for m in weights if m.nilai is not None]
    c = [m.nilai for m in inputs if m.nilai is not None]
    total = sum(w, Decimal(0))
    if total == 0:
        return tidak_dapat(rumus, "jumlah pagu 0", both, aturan=aturan)
    n = len(c)
    uraian = "(" + " + ".join(f"{{{i + n}}} x {{{i}}}" for i in range(n)) + ") / (" + \
        " + ".join(f"{{{i + n}}}" for i in range(n)) + ")"
    value = sum((a * b for a, b in zip(w, c, strict=True)), Decimal(0)) / total
    return Nilai(value, rumus, both, aturan).with_uraian(uraian, *c, *w)


def geometrik(rumus: str, inputs: tuple[Masukan, ...], aturan: tuple[str, ...]) -> Nilai:
    """The geometric mean of the capaian as ratios, x 100 (PMK 22/2021); a capaian of 0
    makes it 0, a negative one leaves it undefined."""
    c = [m.nilai for m in inputs if m.nilai is not None]
    if any(v < 0 for v in c):
        return tidak_dapat(rumus, "capaian negatif tidak mempunyai rata-rata geometrik",
                           inputs, aturan=aturan)
    uraian = "(" + " x ".join(f"{{{i}}} / 100" for i in range(len(c))) + \
        f") ^ (1/{len(c)}) x 100"
    return Nilai(rata_geometrik([v / HUNDRED for v in c]) * HUNDRED, rumus, inputs,
                 aturan).with_uraian(uraian, *c)


@presisi
def rata_geometrik(nilai: Sequence[Decimal]) -> Decimal:
    """The n-th root of the product, as exp(mean of ln) at the engine's precision."""
    if any(v == 0 for v in nilai):
        return Decimal(0)
    return (sum((v.ln() for v in nilai), Decimal(0)) / len(nilai)).exp()


def mean(rumus: str, inputs: tuple[Masukan, ...], aturan: tuple[str, ...]) -> Nilai:
    """The plain mean of the inputs' values, written out as a sum over their count (the
    callers have made sure that none is missing)."""
    numbers = tuple(m.nilai for m in inputs if m.nilai is not None)
    uraian = "(" + " + ".join(f"{{{i}}}" for i in range(len(numbers))) + f") / {len(numbers)}"
    rerata = sum(numbers, Decimal(0)) / len(numbers)
    return Nilai(rerata, rumus, inputs, aturan).with_uraian(uraian, *numbers)
