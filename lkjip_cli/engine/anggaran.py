"""The money of a set of budget lines: pagu, realisasi, RPD, penyerapan and sisa.

One job: turn budget lines (the leaves of the budget tree, or the totals of a level's
children) into an `Anggaran` whose every figure names the lines it summed. The tree itself
(which lines support which indicator, the levels) is `pohon.py`; the spending classes of a
year are `belanja.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.hasil import Anggaran
from lkjip_cli.engine.nilai import Masukan, Nilai, dari, jumlah, persentase, tidak_dapat
from lkjip_cli.model.anggaran import BarisLain, RincianAnggaran
from lkjip_cli.model.laporan import Kegiatan

RUMUS_PENYERAPAN = "penyerapan = realisasi / pagu x 100"
RUMUS_SISA = "sisa anggaran = pagu - realisasi"
RUMUS_PENYERAPAN_RPD = "penyerapan terhadap RPD = realisasi / RPD x 100"
RUMUS_PERSEN_RPD = "RPD terhadap pagu = RPD / pagu x 100"

#: A leaf of the budget tree (where money is typed) and where the file holds it.
KegiatanDenganPath = tuple[Kegiatan | RincianAnggaran, Path]


def anggaran_dari(rumus: str, kegiatan: Sequence[KegiatanDenganPath],
                  bagian: str = "kegiatan") -> Anggaran:
    """Pagu, realisasi, penyerapan and sisa of a set of budget lines (leaves)."""
    pagu = jumlah(f"pagu {rumus} = jumlah pagu {bagian}",
                  [Masukan(f"pagu {k.kode}", k.pagu, (*p, "pagu")) for k, p in kegiatan])
    real = jumlah(f"realisasi {rumus} = jumlah realisasi {bagian}",
                  [realisasi_daun(k, p) for k, p in kegiatan])
    rpd = None
    if any(k.rpd is not None for k, _ in kegiatan):
        rpd = jumlah(f"RPD {rumus} = jumlah RPD {bagian}",
                     [Masukan(f"RPD {k.kode}", k.rpd, (*p, "rpd")) for k, p in kegiatan])
    return anggaran_total(pagu, real, tuple(k.kode for k, _ in kegiatan), rpd)


def realisasi_daun(node: Kegiatan | RincianAnggaran, path: Path) -> Masukan:
    """A leaf's realisasi: as typed, or the sum of its monthly realisasi when only those are
    given (a report printing spending per month)."""
    if node.realisasi is not None or not node.realisasi_bulanan:
        return Masukan(f"realisasi {node.kode}", node.realisasi, (*path, "realisasi"))
    bulan = [v for v in node.realisasi_bulanan if v is not None]
    return Masukan(f"realisasi {node.kode} (jumlah {len(bulan)} bulan)",
                   sum(bulan, Decimal(0)) if bulan else None, (*path, "realisasi_bulanan"))


def anggaran_gabungan(rumus: str, bagian: str,
                      anak: Sequence[tuple[str, Anggaran, Path]],
                      daun: frozenset[str] = frozenset()) -> Anggaran:
    """A level of the budget tree above the leaves: the sum of its children's totals. A
    child that is a leaf (its kode in `daun`) is named by the place of its typed figure."""

    def tempat(kode: str, path: Path, key: str) -> Path:
        return (*path, key) if kode in daun else path

    pagu = jumlah(f"pagu {rumus} = jumlah pagu {bagian}",
                  [Masukan(f"pagu {kode}", a.pagu.nilai, tempat(kode, path, "pagu"))
                   for kode, a, path in anak])
    real = jumlah(f"realisasi {rumus} = jumlah realisasi {bagian}",
                  [Masukan(f"realisasi {kode}", a.realisasi.nilai,
                           tempat(kode, path, "realisasi"))
                   for kode, a, path in anak])
    leaves = tuple(k for _, a, _ in anak for k in a.kegiatan)
    rpd = None
    if any(a.rpd is not None for _, a, _ in anak):
        rpd = jumlah(f"RPD {rumus} = jumlah RPD {bagian}",
                     [Masukan(f"RPD {kode}", a.rpd.nilai if a.rpd else None,
                              tempat(kode, path, "rpd"))
                      for kode, a, path in anak])
    return anggaran_total(pagu, real, leaves, rpd)


def anggaran_total(pagu: Nilai, realisasi: Nilai, kegiatan: tuple[str, ...] = (),
                   rpd: Nilai | None = None) -> Anggaran:
    if not kegiatan and not pagu.masukan and pagu.nilai == 0:
        pagu = tidak_dapat(pagu.rumus, "tidak ada kegiatan yang dikaitkan", satuan="Rp")
        realisasi = tidak_dapat(realisasi.rumus, "tidak ada kegiatan yang dikaitkan",
                                satuan="Rp")
    penyerapan = persentase(RUMUS_PENYERAPAN, dari("realisasi", realisasi), dari("pagu", pagu))
    penyerapan_rpd = None if rpd is None else persentase(
        RUMUS_PENYERAPAN_RPD, dari("realisasi", realisasi), dari("RPD", rpd))
    persen_rpd = None if rpd is None else persentase(
        RUMUS_PERSEN_RPD, dari("RPD", rpd), dari("pagu", pagu))
    return Anggaran(pagu, realisasi, penyerapan, selisih_rupiah(pagu, realisasi), kegiatan,
                    rpd, penyerapan_rpd, persen_rpd)


def selisih_rupiah(pagu: Nilai, realisasi: Nilai) -> Nilai:
    inputs = (dari("pagu", pagu), dari("realisasi", realisasi))
    if pagu.nilai is None or realisasi.nilai is None:
        return tidak_dapat(RUMUS_SISA, "data tidak lengkap", inputs, satuan="Rp")
    return Nilai(pagu.nilai - realisasi.nilai, RUMUS_SISA, inputs, satuan="Rp").with_uraian(
        "{0} - {1}", pagu.nilai, realisasi.nilai)


def dengan_baris_lain(a: Anggaran, lain: BarisLain | None, path: Path) -> Anggaran:
    """A total that also covers rows the file does not list (`baris_lain`): their money
    joins the sum as one more named part."""
    if lain is None:
        return a

    def tambah(n: Nilai, nilai: Decimal | None, kunci: str) -> Nilai:
        extra = Masukan(f"{kunci} baris lain (tidak dirinci)", nilai, (*path, kunci))
        return jumlah(f"{n.rumus} + baris lain", [*n.masukan, extra])

    return anggaran_total(tambah(a.pagu, lain.pagu, "pagu"),
                          tambah(a.realisasi, lain.realisasi, "realisasi"), a.kegiatan, a.rpd)
