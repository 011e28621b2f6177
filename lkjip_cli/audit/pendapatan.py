"""Printed figures of the revenue table: each account's target, realisasi, capaian,
lebih/(kurang), share and growth, and the Jumlah row.

An account with rincian is their sum, so a wrong printed total has usually left a row out:
its alternatives are the sums over the other sets of its children, as in the budget tree. The
ratios are tried the ways a report gets them wrong: from the rounded figures it printed,
turned upside down, the difference with its sign reversed, the share of the account's parent
instead of the total, or last year's realisasi as a ratio rather than a growth. A capaian
above 100 is never a finding by itself: revenue above target is good.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from lkjip_cli.audit.kumpulan import Kumpulan, alt, bagi_persen
from lkjip_cli.audit.sebab import Alternatif
from lkjip_cli.engine.hasil_pendapatan import HasilAkun
from lkjip_cli.engine.nilai import HUNDRED, Nilai
from lkjip_cli.model.pendapatan import AkunPendapatan, DilaporkanPendapatan

#: The headings of the revenue table (`tabel/pendapatan.py`), by printed quantity.
KOLOM = {"target": "Target (Rp)", "realisasi": "Realisasi (Rp)", "capaian": "Capaian (%)",
         "selisih": "Lebih/(Kurang) (Rp)", "porsi": "Porsi (%)",
         "realisasi_sebelumnya": "Realisasi {tahun} (Rp)", "pertumbuhan": "Pertumbuhan (%)"}

#: Most children whose subsets a wrong total is tried with (2^10 sums at most).
MAKS_ANAK = 10

Penghasil = Callable[[str], Iterator[Alternatif]]


def _nilai(a: HasilAkun, kuantitas: str) -> Decimal | None:
    n = getattr(a, kuantitas)
    return None if n is None else n.nilai


def _bagian(anak: Sequence[HasilAkun], kuantitas: str) -> Penghasil:
    """The same sum over every proper subset of the children: a row left out."""
    def make(_lokasi: str) -> Iterator[Alternatif]:
        if not 1 < len(anak) <= MAKS_ANAK:
            return
        for size in range(1, len(anak)):
            for combo in itertools.combinations(anak, size):
                values = [_nilai(a, kuantitas) for a in combo]
                if any(v is None for v in values):
                    continue
                left_out = [a.kode for a in anak if a not in combo]
                yield Alternatif("jumlah tanpa akun " + ", ".join(left_out),
                                 sum((v for v in values if v is not None), Decimal(0)))
    return make


def _capaian(k: Kumpulan, a: HasilAkun) -> Penghasil:
    def make(lokasi: str) -> Iterator[Alternatif]:
        t, r = a.target.nilai, a.realisasi.nilai
        if t is not None and r is not None:
            yield alt("target / realisasi x 100 (terbalik)", lambda: t / r * HUNDRED)
            if a.capaian.nilai is not None and a.capaian.nilai > HUNDRED:
                yield Alternatif("dibatasi 100 seperti belanja, padahal capaian pendapatan "
                                 "tidak dibatasi", HUNDRED)
        tc = k.dicetak_di(a.path_key, "target", lokasi)
        rc = k.dicetak_di(a.path_key, "realisasi", lokasi)
        if tc is not None and rc is not None:
            yield alt("dihitung dari target dan realisasi yang dicetak",
                      lambda: rc / tc * HUNDRED)
    return make


def _selisih(a: HasilAkun) -> Penghasil:
    def make(_lokasi: str) -> Iterator[Alternatif]:
        if a.selisih.nilai is not None:
            yield Alternatif("target - realisasi (tanda terbalik); bila laporan mencetak "
                             "kekurangan tanpa tanda minus, nyatakan di aturan.tanda_cetak",
                             -a.selisih.nilai)
    return make


def _porsi(a: HasilAkun, induk: HasilAkun | None, jumlah: HasilAkun) -> Penghasil:
    def make(_lokasi: str) -> Iterator[Alternatif]:
        r = a.realisasi.nilai
        if r is None:
            return
        if induk is not None and induk.realisasi.nilai:
            pr = induk.realisasi.nilai
            yield alt(f"terhadap realisasi akun induknya {induk.kode}, bukan terhadap Jumlah",
                      lambda: r / pr * HUNDRED)
        t, tj = a.target.nilai, jumlah.target.nilai
        if t is not None and tj:
            yield alt("porsi target, bukan porsi realisasi", lambda: t / tj * HUNDRED)
    return make


def _pertumbuhan(a: HasilAkun) -> Penghasil:
    def make(_lokasi: str) -> Iterator[Alternatif]:
        r = a.realisasi.nilai
        lalu = a.realisasi_sebelumnya.nilai if a.realisasi_sebelumnya else None
        if r is not None and lalu:
            yield Alternatif("realisasi / realisasi tahun lalu x 100 (perbandingan, bukan "
                             "pertumbuhan)", bagi_persen(r, lalu))
            if a.target.nilai is not None:
                t = a.target.nilai
                yield alt("terhadap target, bukan realisasi tahun lalu",
                          lambda: (r - t) / t * HUNDRED)
    return make


def _akun(k: Kumpulan, a: HasilAkun, d: DilaporkanPendapatan, induk: HasilAkun | None,
          jumlah: HasilAkun) -> None:
    entitas, base = a.path_key, a.path
    label = "Jumlah pendapatan" if a.tingkat < 0 else a.kode
    lalu = k.h.laporan.tahun - 1

    def tambah(dicetak: dict[str, Decimal], kunci: str, nilai: Nilai | None, satuan: str,
               penghasil: Penghasil) -> None:
        judul = KOLOM[kunci].format(tahun=lalu)
        if nilai is None:
            k.add(entitas, label, base, dicetak, kunci, None, satuan, kolom=judul,
                  catatan="realisasi tahun lalu tidak diisi di akun terbawah "
                  "(`realisasi_sebelumnya`)")
        else:
            k.add(entitas, label, base, dicetak, kunci, nilai, satuan, penghasil, kolom=judul)

    tambah(d.target, "target", a.target, "Rp", _bagian(a.anak, "target"))
    tambah(d.realisasi, "realisasi", a.realisasi, "Rp", _bagian(a.anak, "realisasi"))
    tambah(d.capaian, "capaian", a.capaian, "%", _capaian(k, a))
    tambah(d.selisih, "selisih", a.selisih, "Rp", _selisih(a))
    tambah(d.porsi, "porsi", a.porsi, "%", _porsi(a, induk, jumlah))
    tambah(d.realisasi_sebelumnya, "realisasi_sebelumnya", a.realisasi_sebelumnya, "Rp",
           _bagian(a.anak, "realisasi_sebelumnya"))
    tambah(d.pertumbuhan, "pertumbuhan", a.pertumbuhan, "%", _pertumbuhan(a))


def kumpulkan_pendapatan(k: Kumpulan) -> None:
    """The printed figures of every account, top-down, then the Jumlah row."""
    hp, p = k.h.pendapatan, k.h.laporan.pendapatan
    if hp is None or p is None:
        return
    stack: list[tuple[HasilAkun, AkunPendapatan, HasilAkun | None]] = [
        (a, m, None) for a, m in reversed(list(zip(hp.akun, p.akun, strict=True)))]
    while stack:
        a, m, induk = stack.pop()
        _akun(k, a, m.dilaporkan, induk, hp.jumlah)
        stack += [(c, cm, a) for c, cm in reversed(list(zip(a.anak, m.rincian, strict=True)))]
    _akun(k, hp.jumlah, p.dilaporkan, None, hp.jumlah)
