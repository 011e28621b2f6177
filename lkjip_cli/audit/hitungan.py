"""Printed figures of an indicator derived from its inputs (`hitung`), and the causes a
derived realisasi (or target) may have.

The printed inputs (counts, and their target values) against those the file holds; for the
IKM, each unsur's NRR, the index on the 1-4 scale and the band (mutu, kinerja). The causes
tried for a printed realisasi (or derived target) that does not match: a ratio printed
without its x 100 (or with it twice), the formula on the inputs the report printed, and the
IKM's known wrong weights (1/U rounded to 0,11 or 0,111, NRR rounded before weighting, the
index rounded before x 25, the index without x 25), derived from the number of unsur rather
than hard-coded (research for issue 22, section 1.5).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from lkjip_cli.audit.cetakan import plain
from lkjip_cli.audit.kumpulan import Kumpulan, PenghasilDiTempat, isian
from lkjip_cli.audit.sebab import Alternatif, aman
from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.hasil import HasilIndikator
from lkjip_cli.engine.ikm import KALI_IKM
from lkjip_cli.engine.nilai import HUNDRED, Masukan, Nilai, presisi
from lkjip_cli.engine.turunan import HasilHitungan
from lkjip_cli.model.ekspresi import TidakDapatDihitung, hitung_rumus, urai
from lkjip_cli.model.hitungan import HitungIndikator, nilai_sisi


def kumpulkan_hitungan(k: Kumpulan, ind: HasilIndikator, model: HitungIndikator | None) -> None:
    """Every printed input and intermediate figure of a derived indicator."""
    h = ind.hitungan
    if h is None or model is None:
        return
    d = model.dilaporkan
    base = h.path
    for kuantitas, cetak, sisi in (("masukan", d.masukan, "realisasi"),
                                   ("masukan_target", d.masukan_target, "target")):
        for nama, dicetak in cetak.items():
            _add_bersarang(k, f"{ind.kode} {nama}", base, kuantitas, nama, dicetak,
                           isian(nama, nilai_sisi(model.masukan.get(nama), sisi)))
    nrr = dict(h.nrr)
    for nama, dicetak in d.nrr.items():
        _add_bersarang(k, f"{ind.kode} NRR {nama}", base, "nrr", nama, dicetak,
                       nrr.get(nama))
    for nama, dicetak in d.nrr_tertimbang.items():
        _add_bersarang(k, f"{ind.kode} NRR tertimbang {nama}", base, "nrr_tertimbang", nama,
                       dicetak, _tertimbang(nrr.get(nama), len(nrr)),
                       _tertimbang_lain(nrr.get(nama), len(nrr)))
    if h.nilai_indeks is not None:
        k.add(ind.kode, ind.kode, base, d.nilai_indeks, "nilai_indeks", h.nilai_indeks, "",
              lambda lokasi: _indeks_lain(h))
    k.add(ind.kode, ind.kode, base, d.mutu, "mutu", h.mutu.kode if h.mutu else None, "")
    k.add(ind.kode, ind.kode, base, d.kinerja, "kinerja", h.mutu.sebutan if h.mutu else None,
          "")


def _add_bersarang(k: Kumpulan, entitas: str, base: Path, kuantitas: str, nama: str,
                   dicetak: dict[str, Decimal], dihitung: Nilai | None,
                   *penghasil: PenghasilDiTempat) -> None:
    """A printed figure under `dilaporkan.<kuantitas>.<nama>`: added like any other, then
    given its real place in the file."""
    start = len(k.items)
    k.add(entitas, entitas, base, dicetak, kuantitas, dihitung, "", *penghasil)
    for c in k.items[start:]:
        c.path = (*base, "dilaporkan", kuantitas, nama, c.path[-1])


@presisi
def _tertimbang(nrr: Nilai | None, u: int) -> Nilai | None:
    """An unsur's NRR tertimbang: its NRR times the exact weight 1/U."""
    if nrr is None:
        return None
    rumus = f"NRR tertimbang = NRR x 1/{u}"
    if nrr.nilai is None:
        return Nilai(None, rumus, satuan="", alasan=nrr.alasan)
    return Nilai(nrr.nilai / u, rumus, (Masukan("NRR", nrr.nilai),), satuan="").with_uraian(
        f"{{0}} / {u}", nrr.nilai)


def _tertimbang_lain(nrr: Nilai | None, u: int) -> PenghasilDiTempat:
    """An unsur's NRR tertimbang with each known wrong weight."""
    def make(lokasi: str) -> Iterator[Alternatif]:
        if nrr is None or nrr.nilai is None:
            return
        for words, w in _bobot_salah(u):
            yield Alternatif(f"dihitung dengan {words}", nrr.nilai * w, True)
    return make


def alternatif_realisasi(ind: HasilIndikator, k: Kumpulan, lokasi: str) \
        -> Iterator[Alternatif]:
    """What a printed realisasi of a derived indicator may have been computed as instead."""
    h = ind.hitungan
    if h is None or h.realisasi.nilai is None:
        return
    if h.bawaan is not None:
        yield from _kali_seratus(h.realisasi.nilai)
        yield from _ikm_lain(h)
        return
    yield from _rumus_lain(ind.kode, k, lokasi, h.realisasi, h.rumus, h.masukan, "masukan")


def alternatif_target(ind: HasilIndikator, k: Kumpulan, lokasi: str) -> Iterator[Alternatif]:
    """What a printed target derived by `hitung.target` may have been computed as instead."""
    h = ind.hitungan
    if h is None or h.target is None or h.rumus_target is None:
        return
    yield from _rumus_lain(ind.kode, k, lokasi, h.target, h.rumus_target, h.masukan_target,
                           "masukan_target")


def _kali_seratus(v: Decimal) -> Iterator[Alternatif]:
    yield Alternatif("rasio tanpa x 100", aman(lambda: v / HUNDRED))
    yield Alternatif("dikali 100 dua kali", v * HUNDRED)


def _rumus_lain(kode: str, k: Kumpulan, lokasi: str, hasil: Nilai, teks: str,
                masukan: tuple[Masukan, ...], kuantitas: str) -> Iterator[Alternatif]:
    """A formula's figure without (or twice) its x 100, and the formula over the inputs the
    report printed (`dilaporkan.<kuantitas>`) where they differ from the file's."""
    if hasil.nilai is None:
        return
    yield from _kali_seratus(hasil.nilai)
    printed = {m.nama: k.dicetak_di(f"{kode} {m.nama}", kuantitas, lokasi, fallback=True)
               for m in masukan}
    if any(p is not None and p != m.nilai for m, p in zip(masukan, printed.values(),
                                                          strict=True)):
        values = {m.nama: printed[m.nama] if printed[m.nama] is not None else m.nilai
                  for m in masukan}
        try:
            dari_cetak = hitung_rumus(urai(teks), values)
        except TidakDapatDihitung:
            return
        shown = ", ".join(f"{n} {plain(p)}" for n, p in printed.items() if p is not None)
        yield Alternatif(f"dihitung dari masukan yang dicetak ({shown})", dari_cetak, True)


def _nrr(h: HasilHitungan) -> list[Decimal] | None:
    values = [n.nilai for _, n in h.nrr]
    known = [v for v in values if v is not None]
    return known if known and len(known) == len(values) else None


def _bobot_salah(u: int) -> Iterator[tuple[str, Decimal]]:
    """1/U as copies of the regulations print it: rounded or cut to 2 or 3 places."""
    exact = Decimal(1) / u
    seen = set()
    for places in (2, 3):
        q = Decimal(1).scaleb(-places)
        for rounding in (ROUND_HALF_UP, ROUND_DOWN):
            w = exact.quantize(q, rounding=rounding)
            if w not in seen and w != exact:
                seen.add(w)
                yield f"bobot {plain(w)}, bukan 1/{u}", w


def _indeks_berbobot(h: HasilHitungan) -> Iterator[tuple[str, Decimal]]:
    """The 1-4 index as computed with each known wrong weight, and the words for it."""
    nrr = _nrr(h)
    if nrr is None:
        return
    total = sum(nrr, Decimal(0))
    for words, w in _bobot_salah(len(nrr)):
        yield f"dihitung dengan {words}", total * w


def _ikm_lain(h: HasilHitungan) -> Iterator[Alternatif]:
    for words, x in _indeks_berbobot(h):
        yield Alternatif(words, x * KALI_IKM, True)
        yield Alternatif(f"{words}, indeks dibulatkan 3 desimal sebelum x 25",
                         x.quantize(Decimal("0.001"), ROUND_HALF_UP) * KALI_IKM, True)
    nrr = _nrr(h)
    if nrr is None:
        return
    u = len(nrr)
    rounded = [v.quantize(Decimal("0.01"), ROUND_HALF_UP) for v in nrr]
    yield Alternatif("NRR dibulatkan 2 desimal sebelum dibobot",
                     sum(rounded, Decimal(0)) / u * KALI_IKM, True)
    x = sum(nrr, Decimal(0)) / u
    yield Alternatif("indeks dibulatkan 3 desimal sebelum x 25",
                     x.quantize(Decimal("0.001"), ROUND_HALF_UP) * KALI_IKM, True)
    yield Alternatif("nilai indeks (skala 1-4), belum dikali 25", x, True)


def _indeks_lain(h: HasilHitungan) -> Iterator[Alternatif]:
    for words, x in _indeks_berbobot(h):
        yield Alternatif(words, x, True)
