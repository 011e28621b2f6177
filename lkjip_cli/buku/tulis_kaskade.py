"""The rows a filled data-entry workbook holds for the cascade of issue 23: every node's
indicators with their quarters, months and Renstra years, the node's money per quarter, month
and Renstra year, and the Evaluasi Hasil Renja block; plus the two row makers every record
shares (a target in one or two cells, the printed figures of a `dilaporkan`).

Why apart from `tulis.py`: these are plain rows (sheet name, column key -> value) computed
from the model, without openpyxl, read back by `susun_kaskade.py`; `tulis.py` lays every
row into its sheet. The sheets are `tata_kaskade.py`'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from lkjip_cli.buku import tata_kaskade as tk
from lkjip_cli.model.dasar import Model
from lkjip_cli.model.indikator import IndikatorPeriodik, Rentang
from lkjip_cli.model.kaskade import EvaluasiRenja, IndikatorSimpul, SimpulRenja

Baris = dict[str, Any]
Rekaman = Iterator[tuple[str, Baris]]


def target(prefix: str, nilai: Decimal | Rentang | None) -> Baris:
    """A target in its column, or a range in the column and its `maks` column."""
    if isinstance(nilai, Rentang):
        return {prefix: nilai.min, f"{prefix}_maks": nilai.maks}
    return {prefix: nilai}


def dilaporkan(bagian: str, kode: str | int | None, model: Model,
               triwulan: int | None = None, butir: str | int | None = None) -> Rekaman:
    """One `Dilaporkan` row per printed figure of `model` (a `dilaporkan` block); a quantity
    keyed one level further (an earlier year's figures, a derived indicator's input) names
    that key in `Butir`."""
    for besaran in type(model).model_fields:
        for kunci, nilai in getattr(model, besaran).items():
            if isinstance(nilai, Model):  # an earlier year: its own quantities
                yield from dilaporkan(bagian, kode, nilai, triwulan, kunci)
                continue
            tempat_nilai = nilai.items() if isinstance(nilai, dict) else [(kunci, nilai)]
            for tempat, v in tempat_nilai:
                yield "Dilaporkan", {"bagian": bagian, "kode": kode, "triwulan": triwulan,
                                     "besaran": besaran, "tempat": tempat, "nilai": v,
                                     "butir": kunci if isinstance(nilai, dict) else butir}


def baris_periodik(ind: IndikatorPeriodik) -> Rekaman:
    """An indicator's quarters, months and Renstra years, at any level of the cascade (the
    `Triwulan`, `Bulan` and `Renstra` sheets take any indicator's kode)."""
    for n, tw in enumerate(ind.triwulan, start=1):
        yield "Triwulan", {"indikator": ind.kode, "triwulan": n,
                           **target("target", tw.target), "realisasi": tw.realisasi}
        yield from dilaporkan("triwulan", ind.kode, tw.dilaporkan, n)
    for n, bulan in enumerate(ind.bulanan, start=1):
        yield "Bulan", {"indikator": ind.kode, "bulan": n, "target": bulan.target,
                        "realisasi": bulan.realisasi}
        yield from dilaporkan("bulan", ind.kode, bulan.dilaporkan, butir=n)
    sebelumnya: dict[int, Any] = getattr(ind, "target_sebelumnya", {})  # an IKU's only
    for tahun in sorted(set(ind.target_renstra) | set(ind.realisasi_sebelumnya)
                        | set(sebelumnya)):
        yield "Renstra", {"indikator": ind.kode, "tahun": tahun,
                          **target("target_renstra", ind.target_renstra.get(tahun)),
                          "realisasi_sebelumnya": ind.realisasi_sebelumnya.get(tahun),
                          **target("target_sebelumnya", sebelumnya.get(tahun))}


def _daftar(kode: tuple[str, ...]) -> str | None:
    return ", ".join(kode) or None


def baris_indikator_simpul(node: SimpulRenja, kode: str, lembar: str, induk: str) -> Rekaman:
    """The indicators of one node on `lembar` (`Indikator Simpul`, or `Indikator Kegiatan`
    for a kegiatan, whose column `induk` names it), each followed by its periodic rows and
    printed figures."""
    bagian = "indikator kegiatan" if lembar != tk.INDIKATOR_SIMPUL.nama else "indikator simpul"
    for ind in node.indikator:
        yield lembar, _indikator(ind, induk, kode)
        yield from dilaporkan(bagian, ind.kode, ind.dilaporkan)
        yield from baris_periodik(ind)


def _indikator(ind: IndikatorSimpul, induk: str, kode: str) -> Baris:
    return {
        induk: kode, "kode": ind.kode, "nama": ind.nama, "satuan": ind.satuan,
        "polaritas": ind.polaritas, "rumus_negatif": ind.rumus_negatif,
        **target("target", ind.target), "realisasi": ind.realisasi,
        "jenis_persen": ind.jenis_persen, "persen_maks_100": ind.persen_maks_100,
        # the default is left empty, as the column's help says an analyst may leave it
        "rekap_triwulan": None if ind.rekap_triwulan == "terakhir" else ind.rekap_triwulan,
        "rekap_renstra": ind.rekap_renstra, "mendukung": _daftar(ind.mendukung),
        "keterangan": ind.keterangan, "rencana_aksi": "\n".join(ind.rencana_aksi) or None,
        "sama_dengan": ind.sama_dengan}


def baris_uang_simpul(node: SimpulRenja, kode: str) -> Rekaman:
    """A node's money over time: per quarter, per month (a leaf's `realisasi_bulanan`, a
    month without data as a row with an empty Realisasi) and per Renstra year."""
    for n, uang in enumerate(node.realisasi_triwulan, start=1):
        yield tk.ANGGARAN_TRIWULAN.nama, {"kode": kode, "triwulan": n, "realisasi": uang}
    bulanan: tuple[Decimal | None, ...] = getattr(node, "realisasi_bulanan", ())
    for n, bulan in enumerate(bulanan, start=1):
        yield tk.ANGGARAN_BULAN.nama, {"kode": kode, "bulan": n, "realisasi": bulan}
    for tahun in sorted(set(node.pagu_renstra) | set(node.realisasi_sebelumnya)):
        yield tk.ANGGARAN_RENSTRA.nama, {
            "kode": kode, "tahun": tahun, "pagu_renstra": node.pagu_renstra.get(tahun),
            "realisasi_sebelumnya": node.realisasi_sebelumnya.get(tahun)}


def baris_simpul(node: SimpulRenja, kode: str, tingkat: int) -> Rekaman:
    """Everything of the cascade on one node of level `tingkat` (1 program, 2 kegiatan, 3
    and below rincian) besides its own Program Kegiatan row."""
    if tingkat == 2:
        yield from baris_indikator_simpul(node, kode, "Indikator Kegiatan", "kegiatan")
    else:
        yield from baris_indikator_simpul(node, kode, tk.INDIKATOR_SIMPUL.nama, "simpul")
    yield from baris_uang_simpul(node, kode)


def baris_renja(ev: EvaluasiRenja | None) -> Rekaman:
    """The Evaluasi Renja row: every setting written (the defaults too, so that a block of
    defaults is still a row), the narrative as text; and its printed figures."""
    if ev is None:
        return
    row: Baris = {k: getattr(ev, k) for k in (*tk.SETELAN_RENJA, *tk.NARASI_RENJA)}
    row["wajib_indikator"] = sel_nama(ev.wajib_indikator) or None
    yield tk.EVALUASI_RENJA.nama, row
    yield from dilaporkan("evaluasi renja", None, ev.dilaporkan)


def sel_nama(nama: tuple[str, ...]) -> str:
    """Names in one cell: comma-separated, or one per line when a name holds a comma or a
    semicolon (the reader splits on lines whenever the cell has one)."""
    return ("\n" if any("," in n or ";" in n for n in nama) else ", ").join(nama)
