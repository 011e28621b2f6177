"""What a printed capaian may be instead, wherever it is printed: capped or averaged otherwise.

A capaian is printed for an indicator, a quarter, a sasaran and the whole report. Wherever it
stands, it may be the value before the display cap (`tanpa_batas`); where it is an average
(a sasaran's, the report's), it may have been taken over another set: every indicator with
none left out, the capaian as printed, or one or two indicators left out (`rata_tanpa`).
Causes that belong to one indicator (another formula, last year) are in `audit.indikator`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from decimal import Decimal

from lkjip_cli.audit.kumpulan import Kumpulan, PenghasilDiTempat, alt, lengkap
from lkjip_cli.audit.sebab import Alternatif, aman
from lkjip_cli.engine import METODE_RATA_RATA
from lkjip_cli.engine.hasil import HasilIndikator
from lkjip_cli.engine.nilai import Nilai


def tanpa_batas(k: Kumpulan, capaian: Nilai) -> Iterator[Alternatif]:
    """The capaian before the display cap, when the report caps what it shows."""
    if k.h.tampil(capaian).nilai != capaian.nilai:
        yield Alternatif("nilai sebelum batas_atas tampilan", capaian.nilai)


def tanpa_batas_di(k: Kumpulan, capaian: Nilai) -> PenghasilDiTempat:
    return lambda lokasi: tanpa_batas(k, capaian)


def rata(keterangan: str, values: Sequence[Decimal | None]) -> Iterator[Alternatif]:
    known = lengkap(values)
    if known is not None:
        yield alt(keterangan, lambda: sum(known, Decimal(0)) / len(known))


#: Up to this many indicators, averages leaving out two of them are tried too. Beyond it
#: the pairs are so many (n(n-1)/2) that one of them matches a wrong figure by chance, and
#: the search would cost more than the rest of the audit.
MAKS_TANPA_DUA = 40


def rata_tanpa(awalan: str, values: Sequence[tuple[str, Decimal | None]]
               ) -> Iterator[Alternatif]:
    """The average over every subset that leaves out one indicator (or two, for up to
    `MAKS_TANPA_DUA` indicators), named by what it left out ("rata-rata tanpa IKU7"), as
    sums over kegiatan already are. Each is the total less the left-out values, so a subset
    costs one subtraction, not a new sum."""
    if len(values) < 2 or any(v is None for _, v in values):
        return
    angka_ = [v for _, v in values if v is not None]
    total = sum(angka_, Decimal(0))
    n = len(angka_)
    for size in (1, 2):
        if size >= n or (size == 2 and n > MAKS_TANPA_DUA):
            return
        for left_out in itertools.combinations(range(n), size):
            sisa = total - sum((angka_[i] for i in left_out), Decimal(0))
            names = ", ".join(values[i][0] for i in left_out)
            yield Alternatif(f"{awalan} tanpa {names}", _bagi(sisa, n - size), utama=True)


def _bagi(jumlah: Decimal, banyak: int) -> Decimal | None:
    return aman(lambda: jumlah / banyak)


def _rata_dari(values: Sequence[Decimal]) -> Decimal | None:
    return aman(lambda: sum(values, Decimal(0)) / len(values))


def metode_rata_lain(k: Kumpulan, sasaran: str | None) -> Iterator[Alternatif]:
    """The average (the report's, or sasaran `sasaran`'s) by every other named averaging
    method: the registry `compute --bandingkan` shows."""
    own = k.aturan.rata_rata.metode
    for kode in METODE_RATA_RATA:
        if kode == own:
            continue
        angka = k.varian("rata_rata.metode", kode)
        nilai = angka.laporan if sasaran is None else angka.sasaran[sasaran]
        yield Alternatif(f"metode rata-rata {kode}", nilai.nilai, utama=True)


def capaian_rata(k: Kumpulan, ind: HasilIndikator) -> Decimal | None:
    """An indicator's capaian as the average takes it (capped when the cap applies there)."""
    cap = k.aturan.batas_atas
    value = ind.capaian.nilai
    if cap is not None and "rata-rata" in cap.berlaku and value is not None:
        return min(value, cap.nilai)
    return value
