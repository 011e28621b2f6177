"""The budget tree's index: which budget lines support which indicator, and level names.

A report's money is typed on the leaves of a tree (program, kegiatan, then as many levels of
rincian as `tingkat_anggaran` names: sub kegiatan, RO, ...). `mendukung` is inherited
downward, so a leaf supports what its ancestors support; the index of leaves by indicator is
built once per report, and every budget a sasaran or indicator shows (Tabel 2.6, 3.10, 3.12)
is the sum of the leaves supporting it. The levels' own results are `program.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.anggaran import KegiatanDenganPath, anggaran_dari
from lkjip_cli.engine.hasil import Anggaran
from lkjip_cli.model.anggaran import RincianAnggaran
from lkjip_cli.model.laporan import Kegiatan, Laporan


@dataclass(frozen=True, slots=True)
class Daun:
    """A leaf of the budget tree with the indicators it supports, inherited included."""

    baris: Kegiatan | RincianAnggaran
    path: Path
    tingkat: int
    mendukung: frozenset[str]


class PohonAnggaran:
    """The budget tree's leaves with the indicators each supports, and the name of each
    level, for the budgets of sasaran and indicators and the words of their formulas."""

    def __init__(self, laporan: Laporan) -> None:
        self.laporan = laporan
        self.daun: list[Daun] = [
            daun for i, prog in enumerate(laporan.program)
            for j, keg in enumerate(prog.kegiatan)
            for daun in _daun(keg, ("program", i, "kegiatan", j), 1,
                              frozenset(prog.mendukung))
        ]
        self.kegiatan: list[KegiatanDenganPath] = [(d.baris, d.path) for d in self.daun]
        self.jumlah_kegiatan = sum(len(prog.kegiatan) for prog in laporan.program)
        # kode indikator -> positions in self.daun of the leaves supporting it, and each
        # leaf's level, built once: a lookup per indicator instead of a scan of every leaf.
        self.pendukung: dict[str, list[int]] = {}
        for nomor, d in enumerate(self.daun):
            for kode in d.mendukung:
                self.pendukung.setdefault(kode, []).append(nomor)
        self.tingkat_baris = {id(d.baris): d.tingkat for d in self.daun}

    def kegiatan_untuk(self, kode_indikator: Iterable[str]) -> list[KegiatanDenganPath]:
        """The leaves supporting any of the indicators (`mendukung`, inherited downward),
        each once, in file order."""
        nomor = {n for kode in set(kode_indikator) for n in self.pendukung.get(kode, ())}
        return [(self.daun[n].baris, self.daun[n].path) for n in sorted(nomor)]

    def bagian(self, baris: Sequence[KegiatanDenganPath]) -> str:
        """What a set of leaves is called in a formula: `kegiatan`, `sub kegiatan`, `RO`."""
        levels = {self.tingkat_baris[id(b)] for b, _ in baris if id(b) in self.tingkat_baris}
        if len(levels) == 1:
            tingkat = levels.pop()
            return "kegiatan" if tingkat == 1 else self.nama_tingkat(tingkat)
        return "kegiatan" if not levels else "baris anggaran"

    def nama_tingkat(self, tingkat: int) -> str:
        names = self.laporan.tingkat_anggaran
        name = names[tingkat] if tingkat < len(names) else "Rincian"
        return name if name.isupper() else name.lower()

    def anggaran_untuk(self, rumus: str, kode_indikator: Iterable[str]) -> Anggaran:
        baris = self.kegiatan_untuk(kode_indikator)
        return anggaran_dari(rumus, baris, self.bagian(baris))


def _daun(node: Kegiatan | RincianAnggaran, path: Path, tingkat: int,
          warisan: frozenset[str]) -> Iterator[Daun]:
    """The leaves under a node, each with the indicators it supports, inherited included."""
    mendukung = warisan | set(node.mendukung)
    if not node.rincian:
        yield Daun(node, path, tingkat, mendukung)
    for n, r in enumerate(node.rincian):
        yield from _daun(r, (*path, "rincian", n), tingkat + 1, mendukung)
