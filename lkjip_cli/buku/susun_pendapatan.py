"""The revenue sheets (`Pendapatan`, `Tabel Pendapatan`) put together as `pendapatan`.

Why a module of its own: revenue is an account tree of its own (`model/pendapatan.py`), read
like the budget tree but with each account naming its parent by kode (`Induk`), which must
stand on an earlier row. Both sheets are optional: a workbook made before them imports as
before, and a report without revenue has no `pendapatan`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.buku.baca_sel import Rekaman
from lkjip_cli.buku.penyusun import Indeks, Penyusun
from lkjip_cli.diagnostics import Path


@dataclass
class AkunBuku:
    """The accounts read, by kode (the Jumlah under `""`), and the codes of rows that could
    not be placed (their printed figures are passed over, not reported once more each)."""

    akun: Indeks = field(default_factory=dict)
    gagal: set[str] = field(default_factory=set)

#: The account's own columns, each the key of the same name.
_KOLOM_AKUN = ("kode", "uraian", "target", "realisasi", "realisasi_sebelumnya")
_KOLOM_TABEL = ("judul", "kolom", "sumber_data")
_BARIS_LAIN = ("target", "realisasi", "realisasi_sebelumnya", "keterangan")


def susun_pendapatan(p: Penyusun, doc: dict[str, Any]) -> AkunBuku:
    """The revenue accounts by kode, for the printed figures of `Dilaporkan`; the Jumlah's
    own under the empty kode (`""`) when the report has revenue."""
    L = tb.PENDAPATAN
    pendapatan: dict[str, Any] = {}
    _tabel(p, pendapatan)
    hasil = AkunBuku()
    akun = hasil.akun
    puncak: list[Any] = []
    for rek in p.rekaman(L):
        if p.kode(rek, "induk") is None:
            path: Path = ("pendapatan", "akun", len(puncak))
            item: dict[str, Any] = {}
            p.baris_item(path, rek)
            puncak.append(item)
        else:
            anak = p.anak(rek, "induk", "akun pendapatan", akun, L, "rincian")
            if anak is None:
                hasil.gagal.add(p.kode(rek) or "")
                continue
            item, path = anak
        for k in _KOLOM_AKUN:
            p.taruh(item, k, rek, k, (*path, k), L)
        kode = p.kode(rek)
        if kode is not None:
            akun.setdefault(kode, (item, path))
    if puncak:
        pendapatan["akun"] = puncak
    if pendapatan:
        doc["pendapatan"] = pendapatan
        akun[""] = (pendapatan, ("pendapatan",))
    return hasil


def objek_pendapatan(p: Penyusun, rek: Rekaman, buku: AkunBuku
                     ) -> tuple[dict[str, Any], Path] | None:
    """The account (or, without a kode, the Jumlah row) a `Dilaporkan` row of bagian
    `pendapatan` describes; None with a diagnostic when it names none."""
    L = tb.DILAPORKAN
    kode = p.kode(rek)
    if kode is None and rek["kode"].nilai is None:
        if "" not in buku.akun:
            p.galat(L.nama, rek["kode"].sel, "unknown-ref", "baris Jumlah pendapatan (Kode "
                    "kosong) memerlukan akun di lembar Pendapatan", "Kode atau tahun")
        return buku.akun.get("")
    if kode in buku.gagal:
        return None  # its own row said why it could not be placed
    found: tuple[dict[str, Any], Path] | None = p.rujukan(
        rek, "kode", "akun pendapatan", buku.akun, L)
    return found


def _tabel(p: Penyusun, pendapatan: dict[str, Any]) -> None:
    """`Tabel Pendapatan`: the table's caption, columns, source and the rows not listed."""
    L = tb.TABEL_PENDAPATAN
    rows = p.rekaman(L)
    if not rows:
        return
    rek = rows[0]
    for k in _KOLOM_TABEL:
        p.taruh(pendapatan, k, rek, k, ("pendapatan", k), L)
    lain: dict[str, Any] = {}
    for k in _BARIS_LAIN:
        p.taruh(lain, k, rek, f"baris_lain_{k}", ("pendapatan", "baris_lain", k), L)
    if lain:
        pendapatan["baris_lain"] = lain
