"""Probably mistyped thousands: `5.840 orang`.

YAML reads `5.840` as the decimal 5,84, while an Indonesian writer means 5840. Where an
indicator's satuan counts whole things (`SATUAN_HITUNG`, docs/format.md "Satuan hitung"), a
figure with exactly three decimals and a whole part of 1 to 999 gets a warning with both
readings and how to write the one meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lkjip_cli import angka
from lkjip_cli.checks.dokumen import Doc, items, mapping
from lkjip_cli.checks.konteks import Konteks
from lkjip_cli.diagnostics import Path, Severity

#: Units that count whole things (docs/format.md, "Satuan hitung"): a figure in one of them
#: is never fractional, so `5.840` there is a thousands separator YAML read as 5,84.
SATUAN_HITUNG = frozenset({
    "orang", "pegawai", "pns", "asn", "peserta", "jiwa", "keluarga", "kk", "dokumen", "berkas",
    "naskah", "laporan", "kegiatan", "unit", "buah", "paket", "kali", "data", "lokasi", "desa",
    "kelurahan", "sekolah", "rumah", "aplikasi", "sistem", "produk", "sertifikat", "surat",
    "izin", "perda", "pergub", "perbup", "regulasi", "rekomendasi", "kasus", "pengaduan",
})


def satuan_hitung(satuan: Any) -> bool:
    """Whether a satuan counts whole things (any of its words is in `SATUAN_HITUNG`)."""
    if not isinstance(satuan, str):
        return False
    words = "".join(c if c.isalnum() else " " for c in satuan.lower()).split()
    return any(w in SATUAN_HITUNG for w in words)


def ribuan_tersamar(value: Any) -> bool:
    """A plain YAML number like `5.840`: three decimals after a whole part of 1 to 999."""
    if not isinstance(value, Decimal) or not value.is_finite():
        return False
    return value.as_tuple().exponent == -3 and 1 <= abs(value) < 1000


def _nilai_angka(node: Doc) -> Iterator[tuple[Path, Any]]:
    """(relative path, value) of every figure of an indicator that is in its satuan."""
    for name in ("target", "realisasi"):
        yield from _target_parts((name,), node.get(name))
    for t, tw in items(node, "triwulan"):
        for name in ("target", "realisasi"):
            yield from _target_parts(("triwulan", t, name), tw.get(name))
    for key, value in mapping(node, "realisasi_sebelumnya").items():
        yield ("realisasi_sebelumnya", key), value
    for name in ("target_sebelumnya", "target_renstra"):
        for key, value in mapping(node, name).items():
            yield from _target_parts((name, key), value)


def _target_parts(path: Path, value: Any) -> Iterator[tuple[Path, Any]]:
    if isinstance(value, dict):
        for bound in ("min", "maks"):
            yield (*path, bound), value.get(bound)
    else:
        yield path, value


def ribuan_salah_ketik(ctx: Konteks) -> None:
    """Warn where a count-unit figure is written `5.840`: almost surely 5840, not 5,84."""
    indikator = list(ctx.indikator())
    indikator += [(base, ik) for base, ik, _ in ctx.indikator_simpul()]
    for base, ind in indikator:
        if not satuan_hitung(ind.get("satuan")):
            continue
        for rel, value in _nilai_angka(ind):
            if ribuan_tersamar(value):
                bulat = str(value).replace(".", "")
                ctx.add((*base, *rel), "number-thousands",
                        f"{value} dengan satuan `{ind.get('satuan')}` terbaca sebagai "
                        f"{angka.angka(value)} (titik desimal YAML); satuan itu menghitung "
                        f"barang utuh, jadi titik itu tampaknya pemisah ribuan: tulis "
                        f"{int(bulat)} atau \"{angka.angka(Decimal(bulat))},-\"",
                        Severity.WARNING)
