"""Scales that turn a number into a category: SAKIP predicates and capaian interpretation.

Built-in scales (rules.md section 4), or the report's own list of bands. Each band starts at
`mulai` (inclusive or not) and runs up to the next band's start; classification is on the
unrounded value, so the integer bands of Permendagri 86/2017 leave no gap (90,5 is Tinggi).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from lkjip_cli.model.laporan import Aturan, Pita


def _pita(kode: str, sebutan: str, mulai: int | None, inklusif: bool) -> Pita:
    return Pita(kode=kode, sebutan=sebutan,
                mulai=None if mulai is None else Decimal(mulai), inklusif=inklusif)


#: PermenPAN-RB 12/2015 (Tabel 3.1 of the reference report): lower bound exclusive.
PERMENPAN_RB_12_2015: tuple[Pita, ...] = (
    _pita("AA", "Sangat Memuaskan", 90, False),
    _pita("A", "Memuaskan", 80, False),
    _pita("BB", "Sangat Baik", 70, False),
    _pita("B", "Baik", 60, False),
    _pita("CC", "Cukup", 50, False),
    _pita("C", "Kurang", 30, False),
    _pita("D", "Sangat Kurang", 0, True),
)

#: Permendagri 86/2017 style bands: >=91, 76-90, 66-75, 51-65, <=50, read as half-open
#: intervals [91, inf), [76, 91), [66, 76), [51, 66), (-inf, 51). The kode is the
#: regulation's word, the sebutan the one LKjIPs usually print.
PERMENDAGRI_86_2017: tuple[Pita, ...] = (
    _pita("Sangat Tinggi", "Sangat Baik", 91, True),
    _pita("Tinggi", "Baik", 76, True),
    _pita("Sedang", "Cukup", 66, True),
    _pita("Rendah", "Kurang", 51, True),
    _pita("Sangat Rendah", "Sangat Kurang", None, True),
)

#: The six-band scale some reports use: >85, >75, >65, >50, >30, else.
ENAM_TINGKAT: tuple[Pita, ...] = (
    _pita("Memuaskan", "Memuaskan", 85, False),
    _pita("Sangat Baik", "Sangat Baik", 75, False),
    _pita("Baik", "Baik", 65, False),
    _pita("Cukup Baik", "Cukup Baik", 50, False),
    _pita("Agak Kurang", "Agak Kurang", 30, False),
    _pita("Kurang", "Kurang", None, True),
)

BUILTIN: dict[str, tuple[Pita, ...]] = {
    "permenpan-rb-12-2015": PERMENPAN_RB_12_2015,
    "permendagri-86-2017": PERMENDAGRI_86_2017,
    "enam-tingkat": ENAM_TINGKAT,
}


def skala(spec: str | tuple[Pita, ...]) -> tuple[Pita, ...]:
    """The bands of a named built-in scale or of a report's own list."""
    return BUILTIN[spec] if isinstance(spec, str) else spec


def skala_interpretasi(aturan: Aturan) -> tuple[Pita, ...]:
    """The report's interpretation scale in the words it chose (`aturan.kata_kategori`):
    'peraturan' prints each band's kode (the regulation's word, Permendagri 86/2017's
    Sangat Tinggi ... Sangat Rendah) as its sebutan; 'laporan' keeps the usual LKjIP words."""
    bands = skala(aturan.skala_interpretasi)
    if aturan.kata_kategori == "laporan":
        return bands
    return _dengan_kata_peraturan(bands)


@cache
def _dengan_kata_peraturan(bands: tuple[Pita, ...]) -> tuple[Pita, ...]:
    return tuple(b.model_copy(update={"sebutan": b.kode}) for b in bands)


def klasifikasi(nilai: Decimal | None, bands: tuple[Pita, ...]) -> Pita | None:
    """The band `nilai` falls in (highest start first), or None (no value, below all bands)."""
    if nilai is None:
        return None
    bounded = sorted((b for b in bands if b.mulai is not None),
                     key=lambda b: b.mulai or Decimal(0), reverse=True)
    for band in bounded:
        assert band.mulai is not None
        if nilai > band.mulai or (band.inklusif and nilai == band.mulai):
            return band
    return next((b for b in bands if b.mulai is None), None)
