"""Revenue: target and realisasi of each account, capaian, lebih/(kurang), share, growth.

The tree is summed bottom-up as the budget tree is (a parent is the sum of its children,
each input named by its place in the file), then each account's figures follow from its two
sums. Revenue reads the other way round from spending: a realisasi above target is a capaian
above 100 and a positive lebih, so no cap or upper bound of the report (`aturan.batas_atas`)
applies here, and nothing calls an excess impossible. Growth is over last year's realisasi
(`realisasi_sebelumnya`), computed only when the file gives it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.hasil_pendapatan import HasilAkun, HasilPendapatan
from lkjip_cli.engine.nilai import (
    HUNDRED,
    Masukan,
    Nilai,
    dari,
    jumlah,
    persentase,
    presisi,
    tidak_dapat,
)
from lkjip_cli.model.pendapatan import AkunPendapatan, Pendapatan

RUMUS_CAPAIAN = "capaian pendapatan = realisasi / target x 100 (tanpa batas atas)"
RUMUS_SELISIH = "lebih/(kurang) = realisasi - target"
RUMUS_PORSI = "porsi = realisasi akun / realisasi jumlah pendapatan x 100"
RUMUS_PERTUMBUHAN = ("pertumbuhan = (realisasi - realisasi tahun lalu) / realisasi tahun lalu "
                     "x 100")

JUDUL_BAWAAN = "Target dan Realisasi Pendapatan"


@dataclass(frozen=True, slots=True)
class _Uang:
    """The amounts of an account before its ratios: target, realisasi, last year's."""

    target: Nilai
    realisasi: Nilai
    sebelumnya: Nilai | None


@dataclass(frozen=True, slots=True)
class _Simpul:
    """An account with its amounts and the accounts below it, summed bottom-up."""

    akun: AkunPendapatan
    uang: _Uang
    path: Path
    anak: tuple[_Simpul, ...]


def _isian(kata: str, kode: str, value: Decimal | None, path: Path) -> Nilai:
    """A leaf's typed amount as a figure naming its place in the file."""
    m = Masukan(f"{kata} {kode}", value, path)
    if value is None:
        return tidak_dapat(f"{kata} {kode} (isian)", "tidak diisi", (m,), satuan="Rp")
    return Nilai(value, f"{kata} {kode} (isian)", (m,), satuan="Rp").with_uraian("{0}", value)


def _jumlah(rumus: str, kata: str, pick: str, key: str, bagian: Sequence[_Simpul],
            lain: Masukan | None = None) -> Nilai:
    """The sum of one amount over some accounts, each named by its place in the file (a
    leaf by its typed key)."""
    parts = []
    for s in bagian:
        n: Nilai | None = getattr(s.uang, pick)
        parts.append(Masukan(f"{kata} {s.akun.kode}", None if n is None else n.nilai,
                             s.path if s.akun.rincian else (*s.path, key)))
    if lain is not None:
        parts.append(lain)
    return jumlah(rumus, parts)


def _uang(bagian: Sequence[_Simpul], kode: str, ada_lalu: bool) -> _Uang:
    """A level's amounts: the sums of its children's."""
    def masuk(kata: str, pick: str, key: str) -> Nilai:
        return _jumlah(f"{kata} {kode} = jumlah {kata} rinciannya", kata, pick, key, bagian)

    return _Uang(masuk("target", "target", "target"),
                 masuk("realisasi", "realisasi", "realisasi"),
                 masuk("realisasi tahun lalu", "sebelumnya", "realisasi_sebelumnya")
                 if ada_lalu else None)


def _simpul(a: AkunPendapatan, path: Path, ada_lalu: bool) -> _Simpul:
    """An account and everything below it, amounts summed bottom-up."""
    if not a.rincian:
        lalu = (_isian("realisasi tahun lalu", a.kode, a.realisasi_sebelumnya,
                       (*path, "realisasi_sebelumnya")) if ada_lalu else None)
        return _Simpul(a, _Uang(_isian("target", a.kode, a.target, (*path, "target")),
                                _isian("realisasi", a.kode, a.realisasi,
                                       (*path, "realisasi")), lalu), path, ())
    anak = tuple(_simpul(c, (*path, "rincian", n), ada_lalu) for n, c in enumerate(a.rincian))
    return _Simpul(a, _uang(anak, a.kode, ada_lalu), path, anak)


def _selisih(target: Nilai, realisasi: Nilai) -> Nilai:
    inputs = (dari("realisasi", realisasi), dari("target", target))
    if target.nilai is None or realisasi.nilai is None:
        return tidak_dapat(RUMUS_SELISIH, "data tidak lengkap", inputs, satuan="Rp")
    return Nilai(realisasi.nilai - target.nilai, RUMUS_SELISIH, inputs,
                 satuan="Rp").with_uraian("{0} - {1}", realisasi.nilai, target.nilai)


def _pertumbuhan(realisasi: Nilai, lalu: Nilai | None) -> Nilai | None:
    if lalu is None:
        return None
    inputs = (dari("realisasi", realisasi), dari("realisasi tahun lalu", lalu))
    if realisasi.nilai is None or lalu.nilai is None:
        return tidak_dapat(RUMUS_PERTUMBUHAN, "data tidak lengkap", inputs)
    if lalu.nilai == 0:
        return tidak_dapat(RUMUS_PERTUMBUHAN, "realisasi tahun lalu bernilai 0", inputs)
    return Nilai((realisasi.nilai - lalu.nilai) / lalu.nilai * HUNDRED, RUMUS_PERTUMBUHAN,
                 inputs).with_uraian("({0} - {1}) / {1} x 100", realisasi.nilai, lalu.nilai)


def _porsi(realisasi: Nilai, total: Nilai) -> Nilai:
    return persentase(RUMUS_PORSI, dari("realisasi akun", realisasi),
                      dari("realisasi jumlah pendapatan", total))


def _ada_lalu(p: Pendapatan) -> bool:
    """Whether any leaf (or the rows not listed) gives last year's realisasi."""
    stack = list(p.akun)
    while stack:
        a = stack.pop()
        if not a.rincian and a.realisasi_sebelumnya is not None:
            return True
        stack += a.rincian
    return p.baris_lain is not None and p.baris_lain.realisasi_sebelumnya is not None


def _hasil(kode: str, uraian: str, u: _Uang, tingkat: int, anak: tuple[HasilAkun, ...],
           path: Path, total: Nilai) -> HasilAkun:
    return HasilAkun(
        kode=kode, uraian=uraian, tingkat=tingkat, target=u.target, realisasi=u.realisasi,
        capaian=persentase(RUMUS_CAPAIAN, dari("realisasi", u.realisasi),
                           dari("target", u.target)),
        selisih=_selisih(u.target, u.realisasi), porsi=_porsi(u.realisasi, total),
        realisasi_sebelumnya=u.sebelumnya, pertumbuhan=_pertumbuhan(u.realisasi, u.sebelumnya),
        anak=anak, path=path)


def _akun(s: _Simpul, tingkat: int, total: Nilai) -> HasilAkun:
    anak = tuple(_akun(c, tingkat + 1, total) for c in s.anak)
    return _hasil(s.akun.kode, s.akun.uraian, s.uang, tingkat, anak, s.path, total)


@presisi
def hitung_pendapatan(p: Pendapatan | None) -> HasilPendapatan | None:
    """Every figure of the revenue table, or None when the file has no `pendapatan`."""
    if p is None:
        return None
    ada_lalu = _ada_lalu(p)
    top = tuple(_simpul(a, ("pendapatan", "akun", n), ada_lalu) for n, a in enumerate(p.akun))
    total = _total(p, top, ada_lalu)
    akun = tuple(_akun(s, 0, total.realisasi) for s in top)
    jumlah_baris = _hasil("pendapatan", "Jumlah", total, -1, akun, ("pendapatan",),
                          total.realisasi)
    return HasilPendapatan(akun=akun, jumlah=jumlah_baris, judul=p.judul or JUDUL_BAWAAN,
                           sumber_data=p.sumber_data or "")


def _total(p: Pendapatan, top: Sequence[_Simpul], ada_lalu: bool) -> _Uang:
    """The Jumlah row: the top accounts, and the rows the file does not list."""
    lain = p.baris_lain

    def masuk(kata: str, pick: str, key: str) -> Nilai:
        rumus = f"{kata} jumlah pendapatan = jumlah {kata} akun teratas"
        extra = None
        if lain is not None:
            extra = Masukan(f"{kata} baris lain (tidak dirinci)", getattr(lain, key),
                            ("pendapatan", "baris_lain", key))
            rumus += " + baris lain"
        return _jumlah(rumus, kata, pick, key, top, extra)

    return _Uang(masuk("target", "target", "target"),
                 masuk("realisasi", "realisasi", "realisasi"),
                 masuk("realisasi tahun lalu", "sebelumnya", "realisasi_sebelumnya")
                 if ada_lalu else None)
