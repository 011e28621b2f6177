"""The budget tree: which budget lines support which indicator, and each level's results.

A report's money is typed on the leaves of a tree (program, kegiatan, then as many levels of
rincian as `tingkat_anggaran` names: sub kegiatan, RO, ...). `mendukung` is inherited
downward, so a leaf supports what its ancestors support; the index of leaves by indicator is
built once per report, and every budget a sasaran or indicator shows (Tabel 2.6, 3.10, 3.12)
is the sum of the leaves supporting it. The levels' results (`HasilProgram`, `HasilKegiatan`,
`HasilRincian`) sum their children, and a kegiatan's own indicators get their capaian here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.anggaran import KegiatanDenganPath, anggaran_dari, anggaran_gabungan
from lkjip_cli.engine.capaian import batasi_bawah, hitung_capaian
from lkjip_cli.engine.hasil import (
    Anggaran,
    HasilIndikatorKegiatan,
    HasilKegiatan,
    HasilProgram,
    HasilRincian,
)
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
    """The budget tree: its leaves with the indicators each supports, the name of each
    level, and the results of its programs, kegiatan and rincian."""

    def __init__(self, laporan: Laporan) -> None:
        self.laporan = laporan
        self.aturan = laporan.aturan
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

    # ---------------------------------------------------------------------- levels

    def program(self) -> tuple[HasilProgram, ...]:
        out = []
        for i, prog in enumerate(self.laporan.program):
            path: Path = ("program", i)
            kegiatan = tuple(self.kegiatan_hasil(k, (*path, "kegiatan", j), prog.mendukung)
                             for j, k in enumerate(prog.kegiatan))
            if all(not k.rincian for k in prog.kegiatan):
                # Kegiatan that are leaves: the program sums their typed money (2020).
                anggaran = anggaran_dari(f"program {prog.kode}",
                                         [(k, (*path, "kegiatan", j))
                                          for j, k in enumerate(prog.kegiatan)])
            else:
                anggaran = anggaran_gabungan(f"program {prog.kode}", "kegiatan",
                                             [(k.kode, k.anggaran, k.path) for k in kegiatan],
                                             frozenset(k.kode for k in kegiatan if not k.anak))
            out.append(HasilProgram(prog.kode, prog.nama, anggaran,
                                    prog.anggaran_perjanjian_kinerja, prog.sumber_dana,
                                    kegiatan, path, prog.mendukung))
        return tuple(out)

    def rincian_hasil(self, r: RincianAnggaran, path: Path, tingkat: int,
                      warisan: tuple[str, ...]) -> HasilRincian:
        """One node below kegiatan: a leaf's typed money, or the sum of its rincian."""
        mendukung = _gabung(warisan, r.mendukung)
        anak = tuple(self.rincian_hasil(x, (*path, "rincian", n), tingkat + 1, mendukung)
                     for n, x in enumerate(r.rincian))
        return HasilRincian(r.kode, r.nama, tingkat,
                            self.anggaran_simpul(r, path, tingkat, anak), mendukung, anak,
                            path)

    def anggaran_simpul(self, node: Kegiatan | RincianAnggaran, path: Path, tingkat: int,
                        anak: Sequence[HasilRincian]) -> Anggaran:
        label = f"{self.nama_tingkat(tingkat)} {node.kode}"
        if not anak:
            return anggaran_dari(label, [(node, path)],
                                 "kegiatan" if tingkat == 1 else self.nama_tingkat(tingkat))
        return anggaran_gabungan(label, self.nama_tingkat(tingkat + 1),
                                 [(x.kode, x.anggaran, x.path) for x in anak],
                                 frozenset(x.kode for x in anak if not x.anak))

    def kegiatan_hasil(self, keg: Kegiatan, path: Path,
                       warisan: tuple[str, ...] = ()) -> HasilKegiatan:
        indikator = []
        for k, ik in enumerate(keg.indikator):
            ipath: Path = (*path, "indikator", k)
            cap = batasi_bawah(hitung_capaian(ik.target, ik.realisasi, polaritas=ik.polaritas,
                                              rumus_negatif=self.aturan.rumus_negatif,
                                              target_nol=self.aturan.target_nol,
                                              sumber_target=(*ipath, "target"),
                                              sumber_realisasi=(*ipath, "realisasi")),
                               self.aturan.batas_bawah)
            indikator.append(HasilIndikatorKegiatan(ik.kode, ik.nama, ik.satuan, ik.target,
                                                    ik.realisasi, cap, ik.rencana_aksi, ipath))
        mendukung = _gabung(warisan, keg.mendukung)
        rincian = tuple(self.rincian_hasil(r, (*path, "rincian", n), 2, mendukung)
                        for n, r in enumerate(keg.rincian))
        return HasilKegiatan(keg.kode, keg.nama, self.anggaran_simpul(keg, path, 1, rincian),
                             mendukung, tuple(indikator), path, rincian)


def _daun(node: Kegiatan | RincianAnggaran, path: Path, tingkat: int,
          warisan: frozenset[str]) -> Iterator[Daun]:
    """The leaves under a node, each with the indicators it supports, inherited included."""
    mendukung = warisan | set(node.mendukung)
    if not node.rincian:
        yield Daun(node, path, tingkat, mendukung)
    for n, r in enumerate(node.rincian):
        yield from _daun(r, (*path, "rincian", n), tingkat + 1, mendukung)


def _gabung(warisan: tuple[str, ...], sendiri: tuple[str, ...]) -> tuple[str, ...]:
    """Inherited and own `mendukung`, in order, without repeats."""
    return tuple(dict.fromkeys((*warisan, *sendiri)))
