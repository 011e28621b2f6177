"""The programs, kegiatan and sub kegiatan that support one sasaran (53/2014 analysis 7).

Why from the budget tree: the report already says which indicators each line of the tree
supports (`mendukung`, inherited downward), for the budgets of sasaran and indicators. The
same mapping answers "analisis program/kegiatan yang menunjang keberhasilan ataupun kegagalan
pencapaian pernyataan kinerja": every node with at least one supporting line under it, in the
tree's order, with its own pagu, realisasi and penyerapan; a node only part of whose lines
support the sasaran says so (`sebagian`), since its figures then include other work.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkjip_cli.engine.hasil import BarisPendukung, HasilProgram, Simpul
from lkjip_cli.engine.konteks import Konteks


def _daun(simpul: Simpul) -> Iterator[Simpul]:
    if not simpul.anak:
        yield simpul
    for anak in simpul.anak:
        yield from _daun(anak)


def _mendukung(simpul: Simpul, kode: frozenset[str]) -> bool:
    return not isinstance(simpul, HasilProgram) and bool(kode.intersection(simpul.mendukung))


def _baris(k: Konteks, simpul: Simpul, tingkat: int, kode: frozenset[str]
           ) -> Iterator[BarisPendukung]:
    daun = list(_daun(simpul))
    ikut = [d for d in daun if _mendukung(d, kode)]
    if not ikut:
        return
    nama = _nama_tingkat(k, tingkat)
    yield BarisPendukung(tingkat, nama, simpul.kode, simpul.nama,
                         simpul.anggaran, len(ikut) < len(daun))
    for anak in simpul.anak:
        yield from _baris(k, anak, tingkat + 1, kode)


def _nama_tingkat(k: Konteks, tingkat: int) -> str:
    """The level's name as the report writes it (`Program`, `Sub Kegiatan`, `KRO`)."""
    names = k.laporan.tingkat_anggaran
    return names[tingkat] if tingkat < len(names) else "Rincian"


def pendukung_sasaran(k: Konteks, program: tuple[HasilProgram, ...],
                      kode_indikator: frozenset[str]) -> tuple[BarisPendukung, ...]:
    """The supporting nodes of one sasaran (its indicators' codes), top-down."""
    return tuple(b for p in program for b in _baris(k, p, 0, kode_indikator))
