"""An indicator's printed figures, and the causes that belong to one indicator.

Target, realisasi and capaian with its category; last year's realisasi and the change from
it, as a ratio, in points or as a comparison; earlier years' target, realisasi and capaian;
the Renstra targets and their capaian; the indicator's budget; its quarters or months. A
capaian may have been computed by the other negative-polarity formula, as the opposite
polarity, from the realisasi the report printed, or be last year's; a change may be printed
under the other heading, or without its sign.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import cast

from lkjip_cli.audit.anggaran import kumpulkan_anggaran
from lkjip_cli.audit.capaian import tanpa_batas, tanpa_batas_di
from lkjip_cli.audit.cetakan import plain
from lkjip_cli.audit.hitungan import alternatif_realisasi, alternatif_target
from lkjip_cli.audit.kumpulan import Kumpulan, alt, isian, isian_target
from lkjip_cli.audit.sebab import Alternatif, aman
from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.capaian import hitung_capaian
from lkjip_cli.engine.hasil import HasilIndikator, HasilTriwulan, Target
from lkjip_cli.engine.nilai import HUNDRED, Nilai, tidak_dapat
from lkjip_cli.model.laporan import (
    DilaporkanTriwulan,
    IndikatorKinerja,
    Polaritas,
    RumusNegatif,
    target_tunggal,
)
from lkjip_cli.model.periode import DilaporkanBulan


def kumpulkan_indikator(k: Kumpulan, ind: HasilIndikator,
                        model_ind: IndikatorKinerja) -> None:
    d = model_ind.dilaporkan
    rumus = model_ind.rumus_negatif or k.aturan.rumus_negatif
    label = ind.kode
    base = ind.path

    def capaian_alts(lokasi: str) -> Iterator[Alternatif]:
        yield from tanpa_batas(k, ind.capaian)
        yield from _capaian_cara_lain(ind, ind.target_periode, ind.realisasi_periode, rumus)
        r_cetak = k.dicetak_di(ind.kode, "realisasi", lokasi)
        t_cetak = k.dicetak_di(ind.kode, "target", lokasi) or target_tunggal(ind.target)
        if r_cetak is not None and r_cetak != ind.realisasi_periode:
            yield Alternatif(f"dihitung dari realisasi yang dicetak ({plain(r_cetak)})",
                             _capaian(t_cetak, r_cetak, ind.polaritas, rumus))
            for alt in _capaian_cara_lain(ind, t_cetak, r_cetak, rumus):
                yield Alternatif(f"{alt.keterangan}, dari realisasi yang dicetak "
                                 f"({plain(r_cetak)})", alt.nilai)
        yield from _capaian_tahun_lalu(ind, k, rumus)

    def realisasi_alts(lokasi: str) -> Iterator[Alternatif]:
        yield from alternatif_realisasi(ind, k, lokasi)
        yield Alternatif(f"realisasi tahun {ind.tahun_lalu}", ind.realisasi_tahun_lalu)
        yield Alternatif("capaian, bukan realisasi", ind.capaian.nilai)

    def perubahan_alts(as_ratio: bool) -> Callable[[str], Iterator[Alternatif]]:
        def make(lokasi: str) -> Iterator[Alternatif]:
            now, prev = ind.realisasi_periode, ind.realisasi_tahun_lalu
            yield from _perubahan_cara_lain(now, prev, as_ratio, "")
            r_cetak = k.dicetak_di(ind.kode, "realisasi", lokasi)
            p_cetak = k.dicetak_di(ind.kode, "realisasi_tahun_lalu", lokasi) or prev
            if r_cetak is not None and r_cetak != now:
                yield from _perubahan_cara_lain(
                    r_cetak, p_cetak, as_ratio,
                    f", dari realisasi {ind.tahun_lalu + 1} yang dicetak ({plain(r_cetak)})",
                    include_same=True)
        return make

    k.add(ind.kode, label, base, d.target, "target",
          ind.hitungan.target if ind.hitungan is not None and ind.hitungan.target is not None
          else isian_target(ind.target), "", lambda lokasi: alternatif_target(ind, k, lokasi))
    k.add(ind.kode, label, base, d.realisasi, "realisasi",
          ind.hitungan.realisasi if ind.hitungan is not None
          else isian("realisasi", ind.realisasi_periode),
          "", realisasi_alts)
    k.add(ind.kode, label, base, d.capaian, "capaian", k.h.tampil(ind.capaian), "%",
          capaian_alts)
    k.add_kategori(ind.kode, label, base, d.kategori, ind.kategori, ind.capaian)
    k.add(ind.kode, label, base, d.realisasi_tahun_lalu, "realisasi_tahun_lalu",
          isian("realisasi tahun lalu", ind.realisasi_tahun_lalu), "")
    k.add(ind.kode, label, base, d.perubahan_persen, "perubahan_persen", ind.perubahan_persen,
          "%", perubahan_alts(True))
    k.add(ind.kode, label, base, d.perubahan_poin, "perubahan_poin", ind.perubahan_poin,
          "poin", perubahan_alts(False))
    k.add(ind.kode, label, base, d.perbandingan_persen, "perbandingan_persen",
          ind.perbandingan_persen, "%", lambda lokasi: _perbandingan_lain(ind))
    kumpulkan_antar_tahun(k, ind, model_ind, rumus)
    k.add(ind.kode, label, base, d.target_renstra_akhir, "target_renstra_akhir",
          isian_target(ind.target_renstra_akhir), "")
    k.add(ind.kode, label, base, d.capaian_renstra_akhir, "capaian_renstra_akhir",
          k.h.tampil(ind.capaian_renstra_akhir), "%",
          lambda lokasi: itertools.chain(
              tanpa_batas(k, ind.capaian_renstra_akhir),
              _capaian_cara_lain(ind, ind.target_renstra_akhir, ind.realisasi_periode,
                                 rumus)))
    k.add(ind.kode, label, base, d.capaian_renstra_tahun, "capaian_renstra_tahun",
          ind.capaian_renstra_tahun, "%")
    standar = ind.capaian_standar_nasional or tidak_dapat(
        "capaian terhadap standar nasional", "indikator ini tidak punya standar_nasional")
    k.add(ind.kode, label, base, d.capaian_standar_nasional, "capaian_standar_nasional",
          k.h.tampil(standar), "%")
    kumpulkan_anggaran(k, ind.kode, label, base, ind.anggaran,
                       {"pagu": d.pagu, "realisasi": d.realisasi_anggaran,
                        "penyerapan": d.penyerapan})
    # Quarters derived from months carry no printed figures of their own; months do.
    periodic: list[tuple[str, HasilTriwulan, DilaporkanTriwulan | DilaporkanBulan]] = [
        (f"{ind.kode} TW {tw.nomor}", tw, m.dilaporkan)
        for tw, m in zip(ind.triwulan, model_ind.triwulan, strict=False)]
    periodic += [(f"{ind.kode} bulan {b.nomor}", b, m.dilaporkan)
                 for b, m in zip(ind.bulanan, model_ind.bulanan, strict=True)]
    for tw_label, tw, dt in periodic:
        k.add(tw_label, tw_label, tw.path, dt.target, "target", isian_target(tw.target), "")
        k.add(tw_label, tw_label, tw.path, dt.realisasi, "realisasi",
              isian("realisasi", tw.realisasi), "")
        k.add(tw_label, tw_label, tw.path, dt.capaian, "capaian", k.h.tampil(tw.capaian), "%",
              tanpa_batas_di(k, tw.capaian))


def _capaian(target: Target | None, realisasi: Decimal | None, polaritas: str,
             rumus: str) -> Decimal | None:
    """Capaian by the named polarity and negative formula (names come from the model)."""
    return hitung_capaian(target, realisasi, polaritas=cast(Polaritas, polaritas),
                          rumus_negatif=cast(RumusNegatif, rumus)).nilai


def _capaian_cara_lain(ind: HasilIndikator, target: Target | None,
                       realisasi: Decimal | None, mode_rumus: str) -> Iterator[Alternatif]:
    """Capaian by the other formulas (other negative formula, the opposite polarity)."""
    formulas: list[tuple[str, str, str]] = []
    if ind.polaritas == "negatif":
        other = "T/R" if mode_rumus == "(2T-R)/T" else "(2T-R)/T"
        formulas += [("negatif", other, f"rumus negatif {other}"),
                     ("positif", mode_rumus, "dihitung seperti polaritas positif (R / T)")]
    else:
        formulas += [("negatif", "(2T-R)/T", "dihitung seperti polaritas negatif")]
    for polaritas, rumus, words in formulas:
        yield Alternatif(words, _capaian(target, realisasi, polaritas, rumus))
    dasar = _capaian(target, realisasi, ind.polaritas, mode_rumus)
    if dasar is not None and dasar < 0:  # a report that floors it without saying so
        yield Alternatif("capaian negatif dicetak 0 (bila laporan memakai batas bawah, isi "
                         "aturan.batas_bawah: 0)", Decimal(0))


def _perbandingan_lain(ind: HasilIndikator) -> Iterator[Alternatif]:
    """What a printed R / R lalu x 100 may be instead: the relative change, or upside down."""
    now, prev = ind.realisasi_periode, ind.realisasi_tahun_lalu
    if now is None or prev is None:
        return
    yield alt("perubahan relatif (R / R lalu - 1) x 100 dicetak di bawah judul perbandingan",
              lambda: (now / prev - 1) * HUNDRED)
    yield alt("terbalik: R lalu / R x 100", lambda: prev / now * HUNDRED)
    yield Alternatif("capaian, bukan perbandingan dengan tahun lalu", ind.capaian.nilai)


def _capaian_tahun_lalu(ind: HasilIndikator, k: Kumpulan, rumus: str) -> Iterator[Alternatif]:
    if ind.antar_tahun is not None and ind.antar_tahun.ada:
        yield Alternatif(f"capaian tahun {ind.tahun_lalu}",
                         ind.antar_tahun.capaian_tahun_lalu.nilai)
        return
    model_ind = k.model_indikator.get(ind.kode)
    target_lalu = None if model_ind is None else model_ind.target_renstra.get(ind.tahun_lalu)
    if target_lalu is not None and ind.realisasi_tahun_lalu is not None:
        yield Alternatif(f"capaian tahun {ind.tahun_lalu}",
                         _capaian(target_lalu, ind.realisasi_tahun_lalu, ind.polaritas, rumus))


def kumpulkan_antar_tahun(k: Kumpulan, ind: HasilIndikator, model_ind: IndikatorKinerja,
                          rumus: str) -> None:
    """Last year's printed target and capaian, and the printed change of capaian."""
    a = ind.antar_tahun
    if a is None:
        return
    d, label, base = model_ind.dilaporkan, ind.kode, ind.path
    k.add(ind.kode, label, base, d.target_tahun_lalu, "target_tahun_lalu",
          isian_target(a.target_tahun_lalu), "")
    k.add(ind.kode, label, base, d.capaian_tahun_lalu, "capaian_tahun_lalu",
          k.h.tampil(a.capaian_tahun_lalu), "%",
          lambda lokasi: itertools.chain(
              tanpa_batas(k, a.capaian_tahun_lalu),
              _capaian_cara_lain(ind, a.target_tahun_lalu, ind.realisasi_tahun_lalu, rumus),
              [Alternatif(f"capaian tahun {ind.tahun_lalu + 1}, bukan tahun lalu",
                          ind.capaian.nilai)]))
    kini, lalu = ind.capaian.nilai, a.capaian_tahun_lalu.nilai

    def perubahan_capaian_alts(as_ratio: bool) -> Callable[[str], Iterator[Alternatif]]:
        def make(lokasi: str) -> Iterator[Alternatif]:
            yield from _perubahan_cara_lain(kini, lalu, as_ratio, "")
            c_cetak = k.dicetak_di(ind.kode, "capaian", lokasi)
            l_cetak = k.dicetak_di(ind.kode, "capaian_tahun_lalu", lokasi)
            if c_cetak is not None and l_cetak is not None and (c_cetak, l_cetak) != (kini, lalu):
                yield from _perubahan_cara_lain(
                    c_cetak, l_cetak, as_ratio,
                    f", dari capaian yang dicetak ({plain(c_cetak)} dan {plain(l_cetak)})",
                    include_same=True)
        return make

    k.add(ind.kode, label, base, d.perubahan_capaian_poin, "perubahan_capaian_poin",
          a.perubahan_capaian_poin, "poin", perubahan_capaian_alts(False))
    k.add(ind.kode, label, base, d.perubahan_capaian_persen, "perubahan_capaian_persen",
          a.perubahan_capaian_persen, "%", perubahan_capaian_alts(True))
    kumpulkan_tahun_sebelumnya(k, ind, model_ind, rumus)


def kumpulkan_tahun_sebelumnya(k: Kumpulan, ind: HasilIndikator,
                               model_ind: IndikatorKinerja, rumus: str) -> None:
    """The printed target, realisasi and capaian of each earlier year
    (`dilaporkan.tahun_sebelumnya.<tahun>`), against that year's figures computed by the
    report's rules; a year the file gives no target or realisasi for is not computable,
    with that reason."""
    a = ind.antar_tahun
    if a is None:
        return
    per_tahun = {y.tahun: y for y in a.tahun}
    for tahun, dt in model_ind.dilaporkan.tahun_sebelumnya.items():
        y = per_tahun.get(tahun)
        entitas = f"{ind.kode} {tahun}"
        target = y.target if y is not None else None
        realisasi = y.realisasi if y is not None else None
        capaian = y.capaian if y is not None else tidak_dapat(
            "capaian", f"tidak ada target dan realisasi tahun {tahun}")
        tempat: Path = (*ind.path, "dilaporkan", "tahun_sebelumnya", str(tahun))

        def capaian_alts(lokasi: str, entitas: str = entitas, target: Target | None = target,
                         realisasi: Decimal | None = realisasi, capaian: Nilai = capaian
                         ) -> Iterator[Alternatif]:
            yield from tanpa_batas(k, capaian)
            yield from _capaian_cara_lain(ind, target, realisasi, rumus)
            r_cetak = k.dicetak_di(entitas, "realisasi", lokasi)
            t_cetak = k.dicetak_di(entitas, "target", lokasi) or target_tunggal(target)
            if r_cetak is not None and r_cetak != realisasi:
                yield Alternatif(f"dihitung dari realisasi yang dicetak ({plain(r_cetak)})",
                                 _capaian(t_cetak, r_cetak, ind.polaritas, rumus))
            yield Alternatif(f"capaian tahun {ind.tahun_lalu + 1}, bukan tahun {entitas[-4:]}",
                             ind.capaian.nilai)

        for kuantitas, dicetak, dihitung, satuan, alts in (
                ("target", dt.target, isian_target(target), "", ()),
                ("realisasi", dt.realisasi, isian("realisasi", realisasi), "", ()),
                ("capaian", dt.capaian, k.h.tampil(capaian), "%", (capaian_alts,))):
            awal = len(k.items)
            k.add(entitas, entitas, ind.path, dicetak, kuantitas, dihitung, satuan, *alts)
            for c in k.items[awal:]:
                c.path = (*tempat, kuantitas, c.path[-1])


def _perubahan_cara_lain(now: Decimal | None, prev: Decimal | None, as_ratio: bool,
                         suffix: str, include_same: bool = False) -> Iterator[Alternatif]:
    if now is None or prev is None:
        return
    ratio = aman(lambda: (now / prev - 1) * HUNDRED)
    diff = now - prev
    if as_ratio:
        yield Alternatif("selisih poin dicetak di bawah judul rasio" + suffix, diff)
        yield alt("perbandingan R / R lalu x 100 dicetak di bawah judul perubahan" + suffix,
                  lambda: now / prev * HUNDRED)
        if diff < 0:
            yield Alternatif("selisih poin tanpa tanda, di bawah judul rasio" + suffix,
                             abs(diff))
        if include_same:
            yield Alternatif("dihitung dengan rumus kolom" + suffix, ratio)
    else:
        yield Alternatif("rasio (R/R lalu - 1) x 100 dicetak di bawah judul selisih" + suffix,
                         ratio)
        if diff < 0:
            yield Alternatif("selisih tanpa tanda" + suffix, abs(diff))
        if include_same:
            yield Alternatif("dihitung dengan rumus kolom" + suffix, diff)
    if ratio is not None and ratio < 0:
        yield Alternatif("rasio tanpa tanda" + suffix, abs(ratio))
