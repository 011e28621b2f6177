"""`periksa`: every figure a report printed, collected, then compared with its exact value.

`kumpulkan` walks a report the way it is printed: each sasaran's indicators, then the
sasaran; the programs down their budget tree; each year's spending; the report level. One
rule module per kind of figure (`indikator`, `sasaran`, `anggaran`, `belanja`, `laporan`)
adds what the report printed, with its exact value and its likely alternatives, to one
`Kumpulan`. `temuan_dicetak` classifies each figure (`cetakan.bandingkan`), and `urutkan`
sorts findings as the report reads. Checks that need no printed figure are in `konsistensi`.
"""

from __future__ import annotations

from collections.abc import Iterable

from lkjip_cli.audit.anggaran import kumpulkan_program
from lkjip_cli.audit.belanja import kumpulkan_belanja
from lkjip_cli.audit.cetakan import bandingkan, tingkat_cetakan
from lkjip_cli.audit.hitungan import kumpulkan_hitungan
from lkjip_cli.audit.indikator import kumpulkan_indikator
from lkjip_cli.audit.kumpulan import Kumpulan
from lkjip_cli.audit.laporan import kumpulkan_evaluasi, kumpulkan_laporan
from lkjip_cli.audit.pendapatan import kumpulkan_pendapatan
from lkjip_cli.audit.renja import kumpulkan_renja
from lkjip_cli.audit.sasaran import kumpulkan_sasaran
from lkjip_cli.audit.tempat import nama_tempat, urutan_tempat
from lkjip_cli.audit.temuan import Temuan, Tingkat
from lkjip_cli.engine.hasil import Hasil


def kumpulkan(h: Hasil) -> Kumpulan:
    """Every printed figure of the report with the value it should have."""
    k = Kumpulan(h)
    for sas, model_sas in zip(h.sasaran, h.laporan.sasaran, strict=True):
        for ind, model_ind in zip(sas.indikator, model_sas.indikator, strict=True):
            kumpulkan_indikator(k, ind, model_ind)
            kumpulkan_hitungan(k, ind, model_ind.hitung)
        kumpulkan_sasaran(k, sas, model_sas)
    kumpulkan_program(k)
    by_year = {b.tahun: b for b in h.laporan.belanja}
    for b in h.belanja:
        kumpulkan_belanja(k, b, by_year.get(b.tahun))
    kumpulkan_pendapatan(k)
    kumpulkan_laporan(k)
    kumpulkan_evaluasi(k)
    kumpulkan_renja(k)
    return k


def temuan_dicetak(h: Hasil) -> list[Temuan]:
    k = kumpulkan(h)
    return [bandingkan(c, k.mode_di(c.lokasi), k.printed[(c.entitas, c.kuantitas)])
            for c in k.items]


def tingkat_dicetak(h: Hasil) -> list[tuple[Tingkat, tuple[object, ...]]]:
    """The class of every printed figure, in the order of `temuan_dicetak`, with what makes
    two findings the same error (`temuan.kesalahan_dari`: the path less its place, the
    printed value, the class)."""
    k = kumpulkan(h)
    out: list[tuple[Tingkat, tuple[object, ...]]] = []
    for c in k.items:
        tingkat = tingkat_cetakan(c, k.mode_di(c.lokasi))
        out.append((tingkat, (c.path[:-1], c.dicetak, tingkat)))
    return out


def _sort_key(t: Temuan) -> tuple[object, ...]:
    return (urutan_tempat(t.tabel), t.path)


def urutkan(temuan: Iterable[Temuan]) -> tuple[Temuan, ...]:
    return tuple(sorted(temuan, key=_sort_key))


__all__ = ["Temuan", "kumpulkan", "nama_tempat", "temuan_dicetak", "tingkat_dicetak",
           "urutkan"]
