"""`impor(path)`: a data-entry workbook to a validated report and its commented YAML text.

Why through YAML text: the file `lkjip import` writes is what the user keeps, so it is that
text, not the in-memory document, that the normal loader validates (`loader.load_text`): a
workbook can never yield a report file that `lkjip validate` would refuse. Each diagnostic the
loader finds at a path of the document is moved back to the workbook cell that path came
from, so the user fixes the workbook, not the YAML (`data.xlsx:Indikator!G7: error[...]`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkjip_cli.buku import tata as tb
from lkjip_cli.buku import tata_kaskade as tk
from lkjip_cli.buku.baca import baca_buku, baca_isi_buku
from lkjip_cli.buku.baca_sel import BacaanBuku
from lkjip_cli.buku.rekening import PilihanRekening
from lkjip_cli.diagnostics import Diagnostic, Severity, format_path, has_errors
from lkjip_cli.loader import load_text
from lkjip_cli.model.laporan import Laporan
from lkjip_cli.model.narasi import narasi_datar
from lkjip_cli.source.asal_sel import PENANDA_IMPOR
from lkjip_cli.source.batas import BATAS_BUKU, MIB, BatasArsip, ribuan
from lkjip_cli.source.yamlsource import MAX_FILE_BYTES
from lkjip_cli.source.yamlteks import yaml_teks

#: First line of every file `lkjip import` writes: such a file may be replaced by the next
#: import (the workbook is its source); any other file needs --force.
PENANDA = PENANDA_IMPOR

#: The sheet a top-level key of the report comes from, for problems no cell explains.
_LEMBAR_KUNCI = {
    "instansi": tb.INSTANSI.nama, "tahun": tb.INSTANSI.nama, "renstra": tb.INSTANSI.nama,
    "aturan": tb.ATURAN.nama, "tujuan": tb.TUJUAN.nama, "sasaran": tb.SASARAN.nama,
    "program": tb.ANGGARAN.nama, "belanja": tb.BELANJA.nama,
    "evaluasi_sakip": tb.KOMPONEN.nama, "dilaporkan": tb.DILAPORKAN.nama,
    "evaluasi_renja": tk.EVALUASI_RENJA.nama,
}
_URUT_LEMBAR = {lembar.nama: i for i, lembar in enumerate(tb.LEMBAR)}


@dataclass(frozen=True)
class HasilImpor:
    """The YAML text and the report (both None when any error was found), and diagnostics."""

    teks: str | None
    laporan: Laporan | None
    diagnostics: tuple[Diagnostic, ...]


def _induk(path: str) -> str | None:
    """`sasaran[0].indikator[2].satuan` -> `sasaran[0].indikator[2]`; None at the top."""
    parent = re.sub(r"(?:\.[^.\[\]]+|\[\d+\])$", "", path)
    return parent if parent != path and parent else None


def _ke_sel(diag: Diagnostic, bacaan: BacaanBuku, file: str) -> Diagnostic:
    if not diag.path:  # about the whole file: the workbook, not a sheet
        message = diag.message
        if diag.code == "too-large":
            message = (f"laporan dari buku kerja ini lebih besar dari batas berkas laporan "
                       f"{ribuan(MAX_FILE_BYTES)} byte ({MAX_FILE_BYTES // MIB} MiB): bagi "
                       "laporannya menjadi beberapa berkas")
        return Diagnostic(file, None, None, diag.severity, diag.code, message)
    peta = (bacaan.sel_kunci if diag.code in ("unknown-key", "unknown-place") else {})
    path: str | None = diag.path
    while path:
        found = peta.get(path) or bacaan.sel.get(path)
        if found is not None:
            sheet, cell, judul = found
            message = _pesan_sel(diag, path, judul, bacaan, sheet)
            return Diagnostic(file, None, None, diag.severity, diag.code, message,
                              judul or diag.path, sheet=sheet, cell=cell)
        path = _induk(path)
    top = re.split(r"[.\[]", diag.path, maxsplit=1)[0]
    return Diagnostic(file, None, None, diag.severity, diag.code, diag.message, diag.path,
                      sheet=_LEMBAR_KUNCI.get(top, tb.INSTANSI.nama))


def _pesan_sel(diag: Diagnostic, path: str, judul: str, bacaan: BacaanBuku,
               sheet: str = "") -> str:
    """The message in a workbook's terms where the loader's speaks of YAML (a line, a path,
    "a plain YAML number"); any other message is kept."""
    if diag.code == "missing" and path == diag.path and judul:
        return f"sel wajib `{judul}` kosong: isi sel ini"
    teks = bacaan.teks_angka.get(diag.path)
    if teks is not None and diag.code in _PESAN_ANGKA:
        indonesia = teks.replace(",", "\0").replace(".", ",").replace("\0", ".")
        pesan = _PESAN_ANGKA[diag.code]
        if diag.code == "number-invalid" and _rupiah(sheet, judul):
            pesan = _BUKAN_ANGKA_RUPIAH
        return pesan.format(teks=teks, indonesia=indonesia)
    if diag.code == "kaskade-renstra-tidak-lengkap":
        return _kata_lembar_renstra(diag.message)
    kode = re.search(r"`([^`]+)`", diag.message)
    if diag.code == "duplicate-kode" and kode and kode[1] in bacaan.kode_sel:
        return (f"kode `{kode[1]}` sudah dipakai di {bacaan.kode_sel[kode[1]]}; setiap kode "
                "dalam laporan harus unik")
    return diag.message


def _kata_lembar_renstra(message: str) -> str:
    """The Renstra years an indicator lacks, as the workbook holds them: rows of the Renstra
    sheet with its `Target Renstra` or `Realisasi tahun itu` column (the YAML keys
    `target_renstra` and `realisasi_sebelumnya` mean nothing to whoever filled the sheet)."""
    judul = {k.kunci: k.judul for k in tb.RENSTRA.kolom}

    def kata(m: re.Match[str]) -> str:
        return (f"tidak punya `{judul[m[1]]}` tahun {m[2]} di lembar {tb.RENSTRA.nama} "
                f"(Rekap Renstra: {m[3]})")

    return re.sub(r"tidak punya (target_renstra|realisasi_sebelumnya) ([0-9, -]+) "
                  r"\(rekap_renstra: (\w+)\)", kata, message)


def _rupiah(sheet: str, judul: str) -> bool:
    """Whether the cell's column holds rupiah (Pagu, Realisasi of a budget line): no unit
    goes with it, and the typical mistake is the thousands' dots."""
    lembar = next((x for x in tb.LEMBAR if x.nama == sheet), None)
    return lembar is not None and any(k.judul == judul and k.jenis == "rupiah"
                                      for k in lembar.kolom)


#: number-invalid in a rupiah column, where the indicator's advice (a unit in the Satuan
#: column) does not apply.
_BUKAN_ANGKA_RUPIAH = ("{teks!r} bukan angka: ketik angkanya saja, titik setiap tiga angka "
                       "dan koma desimal (1.250.000.000 atau 1.250.000.000,50), dan data "
                       "yang belum ada dikosongkan")

_PESAN_ANGKA = {
    "number-invalid": "{teks!r} bukan angka: ketik angkanya saja (75, 70,42); satuan ditulis "
                      "di kolom Satuan, dan data yang belum ada dikosongkan",
    "number-format": "{teks!r} ditulis dengan konvensi Inggris; dalam angka Indonesia titik "
                     "memisahkan ribuan dan koma desimal: ketik {indonesia!r}, atau ketik "
                     "angkanya di sel berformat Number",
    "number-ambiguous": "{teks!r} dapat dibaca dua cara (titik ribuan atau titik desimal); "
                        "lkjip tidak menebak: ketik angkanya di sel berformat Number, atau "
                        "tambahkan bagian desimal ('1.234,00')",
}


def _urutan(diag: Diagnostic) -> tuple[int, int, int, str]:
    match = re.match(r"([A-Z]+)(\d+)", diag.cell or "")
    kolom = sum((ord(c) - 64) * 26 ** i for i, c in enumerate(reversed(match[1]))) if match else 0
    return (_URUT_LEMBAR.get(diag.sheet or "", -1), int(match[2]) if match else 0, kolom,
            diag.code)


def kepala(sumber: str) -> str:
    return (f"{PENANDA[2:]} diimpor dari {sumber}; jangan sunting berkas ini, sunting buku "
            "kerjanya\nlalu impor ulang. Komentar di setiap nilai menyebut lembar dan sel "
            "asalnya.")


def impor(path: str | Path, nama: str | None = None,
          batas: BatasArsip = BATAS_BUKU,
          rekening: PilihanRekening | None = None) -> HasilImpor:
    """Read, convert and validate one workbook; never raises for a user's mistake (`batas`:
    the limits of reading it, `source/batas.py`; `rekening`: the sheet of kode rekening the
    budget tree is read from, `buku/rekening.py`)."""
    file = nama or str(path)
    return _impor(baca_buku(path, file, batas, rekening), file)


def _impor(bacaan: BacaanBuku, file: str) -> HasilImpor:
    if not bacaan.doc:
        return HasilImpor(None, None, tuple(bacaan.diagnostics))
    teks = yaml_teks(bacaan.doc, kepala(Path(file).name))
    loaded = load_text(teks, name=file)
    diagnostics = list(bacaan.diagnostics)
    for diag in loaded.diagnostics:
        if diag.path not in bacaan.sudah:
            diagnostics.append(_ke_sel(diag, bacaan, file))
    diagnostics = [d for d in diagnostics if d.code == "column-missing"
                   or (d.sheet, d.path) not in bacaan.kolom_hilang]
    diagnostics.sort(key=_urutan)
    ok = loaded.report is not None and not has_errors(diagnostics)
    return HasilImpor(teks if ok else None, loaded.report if ok else None, tuple(diagnostics))


def buku_utuh(laporan: Laporan, file: str, pembuat: str | None = None
              ) -> tuple[bytes | None, list[Diagnostic]]:
    """The filled data-entry workbook of `laporan` as .xlsx bytes, proved whole first: it is
    read back as `lkjip import` reads it, and any field that does not come back equal makes
    the workbook refused with one `xlsx-lossy` diagnostic per field (at most
    `MAKS_LOSSY`), never written lossy (issue 20). `file` names the report in diagnostics,
`pembuat` is the workbook's creator property.

    openpyxl is imported by `tulis`, which is imported here only when a workbook is made."""
    from lkjip_cli.buku.tulis import buku_data, simpan

    wb = buku_data(laporan)
    if pembuat is not None:
        wb.properties.creator = pembuat
    isi = simpan(wb)
    nama = f"{Path(file).stem}.xlsx"
    hasil = _impor(baca_isi_buku(isi, nama, BATAS_BUKU), nama)
    if hasil.laporan is None:
        return None, [Diagnostic(file, None, None, Severity.ERROR, "xlsx-lossy",
                                 "buku kerja isian dari laporan ini tidak terbaca kembali "
                                 f"sebagai laporan yang sah ({d.code}: {d.message}); buku "
                                 "tidak ditulis", d.path)
                      for d in hasil.diagnostics if d.is_error][:MAKS_LOSSY]
    asli, kembali = laporan.model_dump(), hasil.laporan.model_dump()
    # narrative compares by its text: the workbook holds a file's text, not its name
    asli["narasi"], kembali["narasi"] = narasi_datar(laporan), narasi_datar(hasil.laporan)
    beda = list(_beda(asli, kembali, ()))
    if beda:
        return None, [Diagnostic(file, None, None, Severity.ERROR, "xlsx-lossy",
                                 _pesan_lossy(path, asli, kembali), format_path(path))
                      for path, asli, kembali in beda[:MAKS_LOSSY]]
    return isi, []


def _pesan_lossy(path: tuple[str | int, ...], asli: Any, kembali: Any) -> str:
    """Why a field did not come back: a field the workbook does not hold by design
    (`tata.HANYA_YAML`, with its reason), or a value it failed to hold (a bug)."""
    isian = ".".join(str(p) for p in path if isinstance(p, str))
    alasan = next((v for k, v in tb.HANYA_YAML.items()
                   if k == isian or k.startswith(f"{isian}.")), None)
    if alasan is not None:
        return (f"buku kerja isian tidak memuat `{isian}` (hanya di YAML: {alasan}); buku "
                "tidak ditulis: pakai YAML-nya")
    return (f"buku kerja isian tidak dapat memuat nilai ini persis: {asli!r} terbaca kembali "
            f"sebagai {kembali!r}; buku tidak ditulis (laporkan sebagai bug lkjip, atau pakai "
            "YAML-nya)")


#: The fields named when a workbook cannot hold a report: the first few say enough.
MAKS_LOSSY = 10


def _beda(a: Any, b: Any, path: tuple[str | int, ...]
          ) -> Iterator[tuple[tuple[str | int, ...], Any, Any]]:
    """(path, original, read back) of every leaf where two dumped reports differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in dict.fromkeys((*a, *b)):
            yield from _beda(a.get(k), b.get(k), (*path, k))
    elif isinstance(a, list | tuple) and isinstance(b, list | tuple) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from _beda(x, y, (*path, i))
    elif a != b:
        yield path, a, b
