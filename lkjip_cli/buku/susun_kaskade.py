"""Reading the cascade of issue 23 from the workbook: the indicators of every node of the
budget tree (`Indikator Kegiatan` for a kegiatan's, `Indikator Simpul` for any node's), each
node's money per quarter, month and Renstra year, and the Evaluasi Renja block.

Why after the tree: every row here names a node by its kode, so the tree is read first (from
Program Kegiatan or from a kode-rekening sheet: `Pohon` is the same either way), and the
indicators read here join the sasaran's indicators in one index by kode, for the quarters,
months and Renstra years of the `Triwulan`, `Bulan` and `Renstra` sheets (any indicator's)
and for the printed figures of `Dilaporkan`.
"""

from __future__ import annotations

from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.buku import tata_kaskade as tk
from lkjip_cli.buku.baca_sel import Rekaman
from lkjip_cli.buku.penyusun import Indeks, Penyusun, Pohon
from lkjip_cli.diagnostics import Path
from lkjip_cli.source.yamlteks import Catatan

#: The columns of a node's indicator, read as they are (the target and the rencana aksi,
#: one per line of the cell, are read apart).
_KOLOM_INDIKATOR = ("kode", "nama", "satuan", "polaritas", "rumus_negatif")
_KOLOM_INDIKATOR_LAIN = ("realisasi", "jenis_persen", "persen_maks_100", "rekap_triwulan",
                         "rekap_renstra", "mendukung", "keterangan", "sama_dengan")


def _isi_indikator(p: Penyusun, rek: Rekaman, item: dict[str, Any], path: Path,
                   L: tb.Lembar) -> None:
    for kolom in _KOLOM_INDIKATOR:
        p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
    p.target(item, "target", rek, "target", (*path, "target"), L)
    for kolom in _KOLOM_INDIKATOR_LAIN:
        p.taruh(item, kolom, rek, kolom, (*path, kolom), L)
    aksi = rek["rencana_aksi"].nilai
    if isinstance(aksi, str):
        item["rencana_aksi"] = Catatan([a.strip() for a in aksi.splitlines() if a.strip()],
                                       f"{L.nama}!{rek['rencana_aksi'].sel}")


def _susun_lembar_indikator(p: Penyusun, L: tb.Lembar, kolom: str, jenis: str,
                            simpul: Indeks, indikator: Indeks) -> None:
    for rek in p.rekaman(L):
        baru = p.anak(rek, kolom, jenis, simpul, L, "indikator")
        if baru is None:
            continue
        item, path = baru
        _isi_indikator(p, rek, item, path, L)
        kode = p.kode(rek)
        if kode is not None:
            indikator.setdefault(kode, (item, path))


def susun_indikator_simpul(p: Penyusun, pohon: Pohon) -> Indeks:
    """The indicators of the tree's nodes by kode: a kegiatan's on `Indikator Kegiatan`,
    any node's on `Indikator Simpul` (after a kegiatan's own sheet, in row order)."""
    indikator: Indeks = {}
    _susun_lembar_indikator(p, tb.INDIKATOR_KEGIATAN, "kegiatan", "kegiatan", pohon.kegiatan,
                            indikator)
    _susun_lembar_indikator(p, tk.INDIKATOR_SIMPUL, "simpul",
                            "program, kegiatan atau sub kegiatan", _semua(pohon), indikator)
    return indikator


def _semua(pohon: Pohon) -> Indeks:
    """Every node of the tree by kode, whatever its level."""
    return {kode: (item, path) for kode, (item, path, _) in pohon.semua.items()}


# ------------------------------------------------------------------ a node's money


def _simpul(p: Penyusun, rek: Rekaman, L: tb.Lembar, pohon: Pohon, semua: Indeks
            ) -> tuple[dict[str, Any], Path] | None:
    """The node a row's Kode names; None with a diagnostic when there is none (or none
    again when the tree itself could not be read: its own sheet said why)."""
    if pohon.gagal:
        return None
    found: tuple[dict[str, Any], Path] | None = p.rujukan(
        rek, "kode", "baris Program Kegiatan", semua, L)
    return found


def _per_periode(p: Penyusun, L: tb.Lembar, kolom: str, maks: int, pohon: Pohon
                 ) -> dict[str, tuple[dict[str, Any], Path, dict[int, Rekaman]]]:
    """The rows of a sheet of money per quarter or month, by node and period; a period
    given twice is an error at its second row."""
    per_simpul: dict[str, tuple[dict[str, Any], Path, dict[int, Rekaman]]] = {}
    semua = _semua(pohon)
    for rek in p.rekaman(L):
        found = _simpul(p, rek, L, pohon, semua)
        n = p.nomor(rek, kolom, maks, L)
        kode = p.kode(rek)
        if found is None or n is None or kode is None:
            continue
        baris = per_simpul.setdefault(kode, (*found, {}))[2]
        if n in baris:
            judul = L.kolom_kunci(kolom).judul
            p.galat(L.nama, rek[kolom].sel, "duplicate-key",
                    f"{judul.lower()} {n} baris `{kode}` sudah diisi di baris "
                    f"{baris[n].baris}", judul)
            continue
        baris[n] = rek
    return per_simpul


def _susun_triwulan(p: Penyusun, pohon: Pohon) -> None:
    """`Anggaran Triwulan`: each quarter's rupiah, from the first quarter on."""
    L = tk.ANGGARAN_TRIWULAN
    for kode, (item, path, baris) in _per_periode(p, L, "triwulan", 4, pohon).items():
        daftar: list[Any] = []
        base: Path = (*path, "realisasi_triwulan")
        p.catat(base, baris[min(baris)], baris[min(baris)]["kode"], "Kode")
        for n in sorted(baris):
            rek = baris[n]
            if n != len(daftar) + 1:
                p.galat(L.nama, rek["triwulan"].sel, "missing",
                        f"triwulan {len(daftar) + 1} baris `{kode}` belum diisi: isi setiap "
                        "triwulan sebelum triwulan ini (0 bila tidak ada belanja)", "Triwulan")
                break
            if rek["realisasi"].nilai is None:
                p.galat(L.nama, rek["realisasi"].sel, "missing",
                        "sel wajib `Realisasi` kosong: isi rupiah triwulan itu (0 bila tidak "
                        "ada belanja)", "Realisasi")
                break
            _taruh_urut(p, daftar, rek, (*base, n - 1), L)
        item["realisasi_triwulan"] = daftar


def _taruh_urut(p: Penyusun, daftar: list[Any], rek: Rekaman, path: Path,
                L: tb.Lembar) -> None:
    """The next entry of a list of periods: the cell's value, or None when it is empty or
    was already reported (the model then says nothing more of it)."""
    wadah: dict[str, Any] = {}
    p.taruh(wadah, "nilai", rek, "realisasi", path, L)
    daftar.append(wadah.get("nilai"))


def _susun_bulan(p: Penyusun, pohon: Pohon) -> None:
    """`Anggaran Bulan`: each month's rupiah at a leaf; a month without a row, or with an
    empty Realisasi, has no data."""
    L = tk.ANGGARAN_BULAN
    for _, (item, path, baris) in _per_periode(p, L, "bulan", 12, pohon).items():
        daftar: list[Any] = []
        base: Path = (*path, "realisasi_bulanan")
        p.catat(base, baris[min(baris)], baris[min(baris)]["kode"], "Kode")
        for n in range(1, max(baris) + 1):
            if n in baris:
                _taruh_urut(p, daftar, baris[n], (*base, n - 1), L)
            else:
                daftar.append(None)
        item["realisasi_bulanan"] = daftar


def _susun_renstra(p: Penyusun, pohon: Pohon) -> None:
    """`Anggaran Renstra`: a node's pagu indikatif and realisasi by year."""
    L = tk.ANGGARAN_RENSTRA
    semua = _semua(pohon)
    for rek in p.rekaman(L):
        found = _simpul(p, rek, L, pohon, semua)
        tahun = p.tahun(rek, L)
        if found is None or tahun is None:
            continue
        item, path = found
        for kolom in ("pagu_renstra", "realisasi_sebelumnya"):
            if rek[kolom].nilai is None:
                continue
            wadah = item.setdefault(kolom, {})
            if tahun in wadah:
                judul = L.kolom_kunci(kolom).judul
                p.galat(L.nama, rek[kolom].sel, "duplicate-key",
                        f"{judul} tahun {tahun} baris `{p.kode(rek)}` sudah diisi di baris "
                        "lain", judul)
                continue
            p.taruh(wadah, tahun, rek, kolom, (*path, kolom, str(tahun)), L)


def susun_uang_simpul(p: Penyusun, pohon: Pohon) -> None:
    """Every node's money over time: per quarter, per month and per Renstra year."""
    _susun_triwulan(p, pohon)
    _susun_bulan(p, pohon)
    _susun_renstra(p, pohon)


# ------------------------------------------------------------- the Renja evaluation


def susun_renja(p: Penyusun, doc: dict[str, Any]) -> None:
    """`Evaluasi Renja` (one row): the block's settings and its narrative; a row makes the
    block, as the key does in YAML."""
    L = tk.EVALUASI_RENJA
    rows = p.rekaman(L)
    if not rows:
        return
    rek = rows[0]
    blok: dict[str, Any] = doc.setdefault("evaluasi_renja", {})
    p.catat(("evaluasi_renja",), rek, rek["bentuk"], "")
    for kolom in (*tk.SETELAN_RENJA, *tk.NARASI_RENJA):
        p.taruh(blok, kolom, rek, kolom, ("evaluasi_renja", kolom), L)


def objek_renja(p: Penyusun, doc: dict[str, Any]) -> tuple[dict[str, Any], Path]:
    """Where a printed figure of the Renja block goes (`Dilaporkan`, Bagian `evaluasi
    renja`): the block, made by the row when the Evaluasi Renja sheet has none."""
    if "evaluasi_renja" not in doc:
        p.hasil.sel.setdefault("evaluasi_renja", (tb.DILAPORKAN.nama, "A2", ""))
    return doc.setdefault("evaluasi_renja", {}), ("evaluasi_renja",)

