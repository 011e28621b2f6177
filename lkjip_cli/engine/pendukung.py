"""The programs, kegiatan and sub kegiatan that support one sasaran (53/2014 analysis 7).

Why from the budget tree: the report already says which indicators each line of the tree
supports (`mendukung`, inherited downward), for the budgets of sasaran and indicators. The
same mapping answers "analisis program/kegiatan yang menunjang keberhasilan ataupun kegagalan
pencapaian pernyataan kinerja": every node with at least one supporting line under it, in the
tree's order, with its own pagu, realisasi and penyerapan; a node only part of whose lines
support the sasaran says so (`sebagian`), since its figures then include other work.
One walk serves every sasaran: each node counts, per sasaran, the leaves under it that support
it, so a report of N nodes costs N steps (times the few sasaran a line supports), not N for
each sasaran and again for each level above a leaf.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_cli.engine.hasil import BarisPendukung, HasilProgram, Simpul
from lkjip_cli.engine.konteks import Konteks


@dataclass(frozen=True, slots=True)
class _Hitungan:
    """A node with its leaf count and, per sasaran (by index), its supporting leaves."""

    simpul: Simpul
    daun: int
    dukung: Counter[int]
    anak: tuple[_Hitungan, ...]


def _hitung(simpul: Simpul, sasaran_dari: dict[str, frozenset[int]]) -> _Hitungan:
    if not simpul.anak:
        dukung: Counter[int] = Counter()
        if not isinstance(simpul, HasilProgram):
            dukung.update(frozenset().union(*(sasaran_dari.get(kode, frozenset())
                                              for kode in simpul.mendukung)))
        return _Hitungan(simpul, 1, dukung, ())
    anak = tuple(_hitung(a, sasaran_dari) for a in simpul.anak)
    total: Counter[int] = Counter()
    for a in anak:
        total.update(a.dukung)
    return _Hitungan(simpul, sum(a.daun for a in anak), total, anak)


def _baris(k: Konteks, h: _Hitungan, tingkat: int, keluar: list[list[BarisPendukung]]
           ) -> None:
    """Top-down: the node's row in the list of every sasaran some leaf under it supports."""
    s = h.simpul
    for i, n in h.dukung.items():
        keluar[i].append(BarisPendukung(tingkat, _nama_tingkat(k, tingkat), s.kode, s.nama,
                                        s.anggaran, n < h.daun))
    for anak in h.anak:
        _baris(k, anak, tingkat + 1, keluar)


def _nama_tingkat(k: Konteks, tingkat: int) -> str:
    """The level's name as the report writes it (`Program`, `Sub Kegiatan`, `KRO`)."""
    names = k.laporan.tingkat_anggaran
    return names[tingkat] if tingkat < len(names) else "Rincian"


def pendukung_sasaran(k: Konteks, program: tuple[HasilProgram, ...],
                      kode_indikator: Sequence[frozenset[str]]
                      ) -> tuple[tuple[BarisPendukung, ...], ...]:
    """The supporting nodes of each sasaran (given by its indicators' codes), top-down."""
    sasaran_dari: dict[str, set[int]] = {}
    for i, kode in enumerate(kode_indikator):
        for c in kode:
            sasaran_dari.setdefault(c, set()).add(i)
    beku = {c: frozenset(v) for c, v in sasaran_dari.items()}
    keluar: list[list[BarisPendukung]] = [[] for _ in kode_indikator]
    for p in program:
        _baris(k, _hitung(p, beku), 0, keluar)
    return tuple(tuple(b) for b in keluar)
