"""The levels of the budget tree: each program, kegiatan and rincian with its results.

A level's budget is the sum of its children, down to the leaves where money is typed
(`anggaran.py`), and each is named by the report's `tingkat_anggaran` (Tabel 3.13 prints the
tree row by row). Every node's own indicators (a program's outcome, a kegiatan's or sub
kegiatan's output) get their capaian here, by the report's rules, one function for every level.
Which leaves support which indicator is the tree's index (`pohon.py`), read through
`Konteks`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.anggaran import anggaran_dari, anggaran_gabungan, dengan_baris_lain
from lkjip_cli.engine.capaian import batasi_bawah, hitung_capaian
from lkjip_cli.engine.hasil import (
    Anggaran,
    HasilIndikatorSimpul,
    HasilKegiatan,
    HasilProgram,
    HasilRincian,
)
from lkjip_cli.engine.konteks import Konteks
from lkjip_cli.engine.periode import nilai_periode, triwulan_efektif
from lkjip_cli.model.anggaran import RincianAnggaran
from lkjip_cli.model.laporan import Kegiatan, Program, Rentang


def hitung_program(k: Konteks) -> tuple[HasilProgram, ...]:
    """Every program with its kegiatan and their rincian, each level with its budget."""
    out = []
    for i, prog in enumerate(k.laporan.program):
        path: Path = ("program", i)
        kegiatan = tuple(kegiatan_hasil(k, keg, (*path, "kegiatan", j), prog.mendukung)
                         for j, keg in enumerate(prog.kegiatan))
        if all(not keg.rincian for keg in prog.kegiatan):
            # Kegiatan that are leaves: the program sums their typed money (2020).
            anggaran = anggaran_dari(f"program {prog.kode}",
                                     [(keg, (*path, "kegiatan", j))
                                      for j, keg in enumerate(prog.kegiatan)])
        else:
            anggaran = anggaran_gabungan(f"program {prog.kode}", "kegiatan",
                                         [(x.kode, x.anggaran, x.path) for x in kegiatan],
                                         frozenset(x.kode for x in kegiatan if not x.anak))
        anggaran = dengan_baris_lain(anggaran, prog.baris_lain, (*path, "baris_lain"))
        out.append(HasilProgram(prog.kode, prog.nama, anggaran,
                                prog.anggaran_perjanjian_kinerja, prog.sumber_dana,
                                kegiatan, path, prog.mendukung,
                                indikator_simpul(k, prog, path)))
    return tuple(out)


def rincian_hasil(k: Konteks, r: RincianAnggaran, path: Path, tingkat: int,
                  warisan: tuple[str, ...]) -> HasilRincian:
    """One node below kegiatan: a leaf's typed money, or the sum of its rincian."""
    mendukung = _gabung(warisan, r.mendukung)
    anak = tuple(rincian_hasil(k, x, (*path, "rincian", n), tingkat + 1, mendukung)
                 for n, x in enumerate(r.rincian))
    return HasilRincian(r.kode, r.nama, tingkat,
                        anggaran_simpul(k, r, path, tingkat, anak), mendukung, anak,
                        path, indikator_simpul(k, r, path))


def anggaran_simpul(k: Konteks, node: Kegiatan | RincianAnggaran, path: Path, tingkat: int,
                    anak: Sequence[HasilRincian]) -> Anggaran:
    """A node's budget: its typed money when it is a leaf, else the sum of its children."""
    label = f"{k.pohon.nama_tingkat(tingkat)} {node.kode}"
    if not anak:
        return anggaran_dari(label, [(node, path)],
                             "kegiatan" if tingkat == 1 else k.pohon.nama_tingkat(tingkat))
    return anggaran_gabungan(label, k.pohon.nama_tingkat(tingkat + 1),
                             [(x.kode, x.anggaran, x.path) for x in anak],
                             frozenset(x.kode for x in anak if not x.anak))


def indikator_simpul(k: Konteks, node: Program | Kegiatan | RincianAnggaran,
                     path: Path) -> tuple[HasilIndikatorSimpul, ...]:
    """The indicators of one node, at any level of the tree, each with its capaian by the
    report's rules. An indicator with quarters or months (the cascade, issue 23) is measured
    like an IKU: up to the report's period, by its roll-up rule."""
    out = []
    for n, sendiri in enumerate(node.indikator):
        ipath: Path = (*path, "indikator", n)
        # an indicator that is an IKU (`sama_dengan`) is measured from the IKU's values
        ik, vpath, _ = k.indikator_efektif(sendiri, ipath)
        target: Decimal | Rentang | None = ik.target
        realisasi = ik.realisasi
        path_t, path_r = (*vpath, "target"), (*vpath, "realisasi")
        aturan: tuple[str, ...] = ()
        if ik.triwulan or ik.bulanan:
            per = nilai_periode(ik, vpath, k.laporan.periode, triwulan_efektif(ik, vpath))
            target, realisasi = per.target, per.realisasi
            path_t, path_r, aturan = per.path_target, per.path_realisasi, per.aturan
        cap = batasi_bawah(hitung_capaian(target, realisasi, polaritas=ik.polaritas,
                                          rumus_negatif=ik.rumus_negatif
                                          or k.aturan.rumus_negatif,
                                          target_nol=k.aturan.target_nol,
                                          sumber_target=path_t, sumber_realisasi=path_r),
                           k.aturan.batas_bawah).with_aturan(*aturan)
        out.append(HasilIndikatorSimpul(ik.kode, ik.nama, ik.satuan,
                                        ik.target if target is None else target,
                                        realisasi, cap, ik.rencana_aksi, ipath,
                                        ik.mendukung))
    return tuple(out)


def kegiatan_hasil(k: Konteks, keg: Kegiatan, path: Path,
                   warisan: tuple[str, ...] = ()) -> HasilKegiatan:
    """One kegiatan: its indicators' capaian, its rincian, and its budget."""
    mendukung = _gabung(warisan, keg.mendukung)
    rincian = tuple(rincian_hasil(k, r, (*path, "rincian", n), 2, mendukung)
                    for n, r in enumerate(keg.rincian))
    return HasilKegiatan(keg.kode, keg.nama, anggaran_simpul(k, keg, path, 1, rincian),
                         mendukung, indikator_simpul(k, keg, path), path, rincian)


def _gabung(warisan: tuple[str, ...], sendiri: tuple[str, ...]) -> tuple[str, ...]:
    """Inherited and own `mendukung`, in order, without repeats."""
    return tuple(dict.fromkeys((*warisan, *sendiri)))
