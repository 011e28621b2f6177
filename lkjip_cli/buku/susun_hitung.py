"""`Hitung` and `Masukan Hitung`: each derived indicator's rule and its named inputs, read into
the indicator's `hitung` (layout: `buku/tata_hitung.py`).

Why the reader decides what an input is: the YAML holds a plain number (a realisasi value, as
before target formulas existed) or a pair `{target, realisasi}`; a row is read as a pair when
its indicator has a target formula (every input then declares its target value, an empty
cell meaning no data, so that the formula is never silently fed the realisasi) or when its
Target cell is filled, and as a plain number otherwise. Formulas are text: the model reads
them with the safe formula language and reports a wrong one at its cell.
"""

from __future__ import annotations

from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.buku.penyusun import Indeks, Penyusun
from lkjip_cli.diagnostics import Path


def susun_hitung(p: Penyusun, indikator: Indeks) -> Indeks:
    """The `hitung` of every indicator that has a `Hitung` row, indexed by indicator kode
    (for the printed figures of `Dilaporkan`, `Bagian` hitung)."""
    L = tb.HITUNG
    hitung: Indeks = {}
    for rek in p.rekaman(L):
        induk = p.rujukan(rek, "indikator", "indikator", indikator, L)
        kode = p.kode(rek, "indikator")
        if induk is None or kode is None:
            continue
        if kode in hitung:
            p.galat(L.nama, rek["indikator"].sel, "duplicate-key",
                    f"indikator `{kode}` sudah punya baris di lembar {L.nama}", "Indikator")
            continue
        ind, base = induk
        path: Path = (*base, "hitung")
        p.baris_item(path, rek)
        item: dict[str, Any] = {}
        for kolom in ("realisasi", "bawaan", "target", "responden"):
            p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
        ind["hitung"] = item
        hitung[kode] = (item, path)
    _susun_masukan(p, hitung)
    return hitung


def _susun_masukan(p: Penyusun, hitung: Indeks) -> None:
    L = tb.MASUKAN_HITUNG
    for rek in p.rekaman(L):
        induk = p.rujukan(rek, "indikator", "indikator dengan baris Hitung", hitung, L)
        nama = p.kode(rek, "nama")
        if induk is None:
            continue
        if nama is None:
            p.galat(L.nama, rek["nama"].sel, "missing", "baris masukan memerlukan Nama", "Nama")
            continue
        h, base = induk
        masukan = h.setdefault("masukan", {})
        path: Path = (*base, "masukan", nama)
        if nama in masukan:
            p.galat(L.nama, rek["nama"].sel, "duplicate-key",
                    f"masukan `{nama}` sudah ditulis untuk indikator ini", "Nama")
            continue
        p.catat(path, rek, rek["nama"], "Nama")
        if "target" in h or rek["target"].nilai is not None:
            pasangan: dict[str, Any] = {}
            p.taruh(pasangan, "target", rek, "target", (*path, "target"), L)
            p.taruh(pasangan, "realisasi", rek, "realisasi", (*path, "realisasi"), L)
            pasangan.setdefault("target", None)  # declared: the target formula reads it
            masukan[nama] = pasangan
        else:
            p.taruh(masukan, nama, rek, "realisasi", path, L)
            masukan.setdefault(nama, None)
        _responden(p, rek, h, base, nama)


def _responden(p: Penyusun, rek: Any, h: dict[str, Any], base: Path, nama: str) -> None:
    """An unsur's own respondents (the questionnaires that answered it)."""
    L = tb.MASUKAN_HITUNG
    if rek["responden"].nilai is None:
        return
    semua = h.get("responden")
    if semua is not None and not isinstance(semua, dict):
        p.galat(L.nama, rek["responden"].sel, "value",
                f"responden semua unsur sudah diisi di lembar {tb.HITUNG.nama}; isi per unsur "
                "di sini atau satu angka di sana, tidak keduanya", "Responden")
        return
    p.taruh(h.setdefault("responden", {}), nama, rek, "responden",
            (*base, "responden", nama), L)
