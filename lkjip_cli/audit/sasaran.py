"""A sasaran's printed figures, and the efficiency of its spending.

A sasaran's capaian (an average of its indicators', see `audit.capaian`), category and
status, its budget and share of direct spending, and its efficiency: by the report's method,
and for each input (masukan) as output capaian over input capaian. A printed efficiency may
follow another of the known methods (`efisiensi_lain`, tried at the report level too).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from lkjip_cli.audit.anggaran import kumpulkan_anggaran
from lkjip_cli.audit.capaian import (
    capaian_rata,
    metode_rata_lain,
    rata,
    rata_tanpa,
    tanpa_batas,
)
from lkjip_cli.audit.cetakan import plain
from lkjip_cli.audit.kumpulan import Kumpulan, PenghasilDiTempat, alt
from lkjip_cli.audit.sebab import Alternatif
from lkjip_cli.engine import RUMUS_EFISIENSI
from lkjip_cli.engine.hasil import Anggaran, HasilMasukan, HasilSasaran
from lkjip_cli.engine.nilai import HUNDRED
from lkjip_cli.model.laporan import Sasaran


def kumpulkan_sasaran(k: Kumpulan, sas: HasilSasaran, model_sas: Sasaran) -> None:
    d = model_sas.dilaporkan
    label = sas.kode
    metode = k.aturan.efisiensi.sasaran

    def capaian_alts(lokasi: str) -> Iterator[Alternatif]:
        yield from tanpa_batas(k, sas.capaian)
        yield from rata("rata-rata semua indikator, tanpa pengecualian",
                        [i.capaian.nilai for i in sas.indikator])
        included = [i for i in sas.indikator if i.dikecualikan is None]
        printed = [k.dicetak_di(i.kode, "capaian", lokasi, fallback=True) for i in included]
        shown = "; ".join(plain(p) for p in printed if p is not None)
        yield from rata(f"rata-rata dari capaian indikator yang dicetak ({shown})", printed)
        yield from rata_tanpa("rata-rata", [(i.kode, capaian_rata(k, i)) for i in included])
        yield from rata_tanpa("rata-rata capaian yang dicetak",
                              list(zip((i.kode for i in included), printed, strict=True)))
        yield from metode_rata_lain(k, sas.kode)

    def efisiensi_alts(lokasi: str) -> Iterator[Alternatif]:
        yield from efisiensi_lain(metode, sas.capaian.nilai, sas.anggaran)
        yield from efisiensi_bagian_lain(k, "efisiensi.sasaran", metode, sas.kode)
        pen = k.dicetak_di(sas.kode, "penyerapan", lokasi)
        if pen is not None and metode == "sisa-anggaran":
            yield alt("dihitung dari penyerapan yang dicetak", lambda: HUNDRED - pen)

    k.add(sas.kode, label, sas.path, d.capaian, "capaian", k.h.tampil(sas.capaian), "%",
          capaian_alts)
    k.add_kategori(sas.kode, label, sas.path, d.kategori, sas.kategori, sas.capaian)
    status = None if sas.berhasil is None else ("berhasil" if sas.berhasil else
                                                 "belum berhasil")
    k.add(sas.kode, label, sas.path, d.status, "status", status, "",
          catatan=f"berhasil bila capaian setiap indikator sekurang-kurangnya "
                  f"{plain(k.aturan.ambang_berhasil)} (aturan.ambang_berhasil)")
    kumpulkan_anggaran(k, sas.kode, label, sas.path, sas.anggaran,
                       {"pagu": d.pagu, "realisasi": d.realisasi_anggaran,
                        "penyerapan": d.penyerapan})
    k.add(sas.kode, label, sas.path, d.porsi_belanja_langsung, "porsi_belanja_langsung",
          sas.porsi_belanja_langsung, "%")
    k.add(sas.kode, label, sas.path, d.efisiensi, "efisiensi", sas.efisiensi,
          sas.efisiensi.satuan, efisiensi_alts)
    for m, model_m in zip(sas.masukan, model_sas.masukan, strict=True):
        entitas = f"{sas.kode} {m.nama}"
        dm = model_m.dilaporkan
        k.add(entitas, entitas, m.path, dm.capaian, "capaian", m.capaian, "%")
        k.add(entitas, entitas, m.path, dm.efisiensi, "efisiensi", m.efisiensi, "%",
              _efisiensi_masukan_lain(sas, m))


def _efisiensi_masukan_lain(sas: HasilSasaran, m: HasilMasukan) -> PenghasilDiTempat:
    """What a printed efficiency over one input may be instead."""
    def make(lokasi: str) -> Iterator[Alternatif]:
        out, used = sas.capaian.nilai, m.capaian.nilai
        if out is None or used is None:
            return
        yield alt("terbalik: capaian masukan / capaian keluaran x 100",
                  lambda: used / out * HUNDRED)
        yield Alternatif("selisih capaian keluaran - capaian masukan", out - used)
        yield Alternatif("capaian masukan, bukan efisiensi", used)
    return make


#: The efficiency methods taken over parts (a sasaran's indicators, the report's sasaran):
#: tried as causes by recomputing the efficiencies with them.
METODE_BAGIAN = ("selisih-rata-rata-serapan", "nilai-efisiensi-pmk-22-2021")


def efisiensi_bagian_lain(k: Kumpulan, kunci: str, metode: str,
                          sasaran: str | None) -> Iterator[Alternatif]:
    """The efficiency by each method over parts that the report did not choose."""
    for other in METODE_BAGIAN:
        if other == metode:
            continue
        angka = k.varian(kunci, other)
        nilai = angka.laporan if sasaran is None else angka.sasaran[sasaran]
        yield Alternatif(f"metode efisiensi {other}", nilai.nilai)


def efisiensi_lain(metode: str, capaian: Decimal | None, a: Anggaran) -> Iterator[Alternatif]:
    pen, pagu, real = a.penyerapan.nilai, a.pagu.nilai, a.realisasi.nilai
    for other in RUMUS_EFISIENSI:
        if other == metode:
            continue
        if other == "selisih" and capaian is not None and pen is not None:
            yield Alternatif("metode efisiensi selisih", capaian - pen)
        elif other == "sisa-anggaran" and pen is not None:
            yield Alternatif("metode efisiensi sisa-anggaran", HUNDRED - pen)
        elif other == "rasio" and capaian is not None and pen is not None:
            yield alt("metode efisiensi rasio", lambda: capaian / pen * HUNDRED)
        elif other == "nominal" and pagu is not None and real is not None:
            yield Alternatif("metode efisiensi nominal", pagu - real)
        elif other == "indeks-efisiensi" and capaian is not None and pen is not None:
            # The ratio printed without its x 100 (or, for an index, with it).
            yield alt("metode indeks-efisiensi (rasio tanpa x 100)", lambda: capaian / pen)
