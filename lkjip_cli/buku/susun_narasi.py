"""The `Narasi` sheet: the analyst's text (`model/narasi.py`) put together, one text a row.

Why a module of its own: narrative is not a record of the report's figures but free text on
the report, a sasaran or an indicator, named by a `Kunci` (kata_pengantar, bab1, penyebab,
...); the sections under a heading (Bab I, Bab IV, Lampiran, `lain`) come in row order. The
sheet is optional: a workbook made before it imports as before.
"""

from __future__ import annotations

from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.buku.baca_sel import Rekaman, sebagai
from lkjip_cli.buku.penyusun import Penyusun
from lkjip_cli.diagnostics import Path, format_path


def susun_narasi(p: Penyusun, doc: dict[str, Any]) -> None:
    """The `Narasi` sheet (optional: a workbook made before it has none): one text per row,
    on the report, or on a sasaran or an indicator by its kode (the loader checks the kode);
    the sections under a heading in row order."""
    L = tb.NARASI
    narasi: dict[str, Any] = {}
    for rek in p.rekaman(L):
        bagian, kunci = (sebagai("teks", rek[k].nilai) for k in ("bagian", "kunci"))
        base: Path = ("narasi",)
        if bagian == "laporan":
            wadah = narasi
        elif bagian in ("sasaran", "indikator") and (kode := p.kode(rek)) is not None:
            wadah = narasi.setdefault(str(bagian), {}).setdefault(kode, {})
            base = ("narasi", str(bagian), kode)
            p.catat(base, rek, rek["kode"], "Kode")
        elif bagian in ("sasaran", "indikator"):
            p.galat(L.nama, rek["kode"].sel, "missing", f"baris {bagian} memerlukan Kode "
                    f"{bagian}nya", "Kode")
            continue
        else:
            continue  # an unknown Bagian: the column's own check reports it
        boleh = tb.KUNCI_LAPORAN if bagian == "laporan" else tb.KUNCI_ANALISIS
        if kunci not in boleh:
            p.galat(L.nama, rek["kunci"].sel, "value", f"kunci `{kunci}` tidak dikenal untuk "
                    f"bagian {bagian}; pilih: {', '.join(boleh)}", "Kunci")
            continue
        _taruh_narasi(p, rek, wadah, base, str(kunci))
    if narasi:
        doc["narasi"] = narasi


def _taruh_narasi(p: Penyusun, rek: Rekaman, wadah: dict[str, Any], base: Path,
                  kunci: str) -> None:
    L = tb.NARASI
    if kunci in tb.KUNCI_BERJUDUL:
        daftar = wadah.setdefault(kunci, [])
        base, wadah, kunci = (*base, kunci, len(daftar)), {}, "isi"
        p.taruh(wadah, "judul", rek, "judul", (*base, "judul"), L)
        daftar.append(wadah)
    elif "." in kunci:
        induk, kunci = kunci.split(".", 1)
        wadah, base = wadah.setdefault(induk, {}), (*base, induk)
    if kunci in wadah:
        p.galat(L.nama, rek["kunci"].sel, "duplicate-key",
                f"{format_path((*base, kunci))} sudah diisi baris lain", "Kunci")
    elif rek["sumber"].nilai is not None and kunci in (*tb.KUNCI_TEKS, "isi"):
        teks: dict[str, Any] = wadah.setdefault(kunci, {})
        for kolom in ("teks", "sumber"):
            p.taruh(teks, kolom, rek, kolom, (*base, kunci, kolom), L)
    else:
        p.taruh(wadah, kunci, rek, "teks", (*base, kunci), L)
