"""Inspecting an Office file (a zip of XML parts) before openpyxl or python-docx reads it.

Why: those libraries trust the file. openpyxl walks a sheet row by row up to its last row,
parses every part it needs whole, and stops with a bare `ValueError` at the first value it
cannot convert; python-docx parses every XML part into a tree. A workbook from anyone can
therefore hang lkjip, eat its memory, or end in an error that names no cell. `periksa` looks
at the whole file first, with Python's standard zip and XML readers, and refuses it with one
`Penolakan` naming the limit (`source/batas.py`) and where it was found:

1. the zip's directory: how many parts, the size each part declares once unzipped, their
   sum and each part's compression ratio (a zip bomb is refused before a byte expands);
2. every part, decompressed once as a stream with the bytes counted (the zip module also
   stops at the declared size and checks the CRC, so a part that lies about its size is
   refused, never trusted);
3. every XML part, scanned as it streams with expat (`source/arsip_pindai.py`; no tree is
   built): a DTD or entity is refused (Office files never have one), as is XML that is not
   well formed; all elements and those outside cell data are counted; in a sheet, the
   number of every row and the reference of every cell that holds something are checked
   against the row and column limits, cells and shared strings are counted, merged ranges
   are counted and kept, and formula cells without a saved value are kept (so openpyxl is
   asked for values only, and the workbook is loaded once instead of twice).

It also finds what openpyxl would not survive: a stored value it cannot convert (`NaN` or
`INF` in a number cell, `yes` in a boolean one, a date that is no date, a shared string that
does not exist, a broken cell reference, rows out of order). Those are `SelRusak`, each at
its cell, and the workbook is not handed to openpyxl at all. The scan mirrors openpyxl's own
conversions (`openpyxl/worksheet/_reader.py`, `WorkSheetParser.parse_cell`;
`source/arsip_nilai.py`), using its public helpers where it has them.

The sheet names come from the package's own map ([Content_Types].xml, the workbook part and
its relationships), read the way openpyxl reads it, so a problem is reported at
`Lembar!Sel` rather than at a part's name.

This module keeps the order of those steps, the zip and the package's map; what the
inspection reports and the count it keeps are in `source/arsip_hasil.py`. The readers of
workbooks and documents import every name from here (`__all__`).
"""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from lkjip_cli.diagnostics import Diagnostic, Severity
from lkjip_cli.source.arsip_hasil import (
    KODE_BATAS,
    KODE_RUSAK,
    Hitungan,
    Lembar,
    Paket,
    Penolakan,
    SelRusak,
    ukuran,
)
from lkjip_cli.source.arsip_pindai import NS_UTAMA, Pemindai
from lkjip_cli.source.batas import BatasArsip, Tenggat, ribuan
from lkjip_cli.source.berkas import BerkasTerlaluBesar, baca_biner_biasa, diagnostik_baca

#: The names the readers of workbooks and documents import from here (`buku/`,
#: `source/dokumen.py`), those of the modules the inspection is made of included.
__all__ = [
    "JENIS_BUKU",
    "JENIS_TEKS_BERSAMA",
    "KODE_BATAS",
    "KODE_RUSAK",
    "NS_R",
    "NS_UTAMA",
    "Lembar",
    "Paket",
    "Penolakan",
    "SelRusak",
    "baca_isi",
    "buka_zip",
    "bukan_berkas",
    "diagnostik",
    "periksa",
    "periksa_bagian",
    "periksa_direktori",
]

NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#: Content types of a workbook part, in the order openpyxl looks for them.
JENIS_BUKU = (
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
JENIS_TEKS_BERSAMA = ("application/vnd.openxmlformats-officedocument.spreadsheetml."
                      "sharedStrings+xml")

#: Parts scanned as XML: by name, and every part the workbook names as a sheet.
_XML = (".xml", ".rels")

#: The mark of an OLE2 compound file: an .xls, or an .xlsx saved with a password.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ------------------------------------------------------------------- the zip directory


#: How a message names each kind of file, and how to save one lkjip can read.
_JENIS = {"xlsx": ("buku kerja .xlsx", "simpan sebagai Excel Workbook (.xlsx)"),
          "docx": ("dokumen Word (.docx)", "simpan sebagai Word Document (.docx)")}


def bukan_berkas(jenis: str, sebab: str) -> Penolakan:
    """The refusal of a file that is not a readable workbook or document."""
    nama, saran = _JENIS[jenis]
    return Penolakan(KODE_RUSAK[jenis], f"berkas bukan {nama} yang dapat dibaca ({sebab}); "
                     f"{saran}")


def buka_zip(isi: bytes, jenis: str) -> zipfile.ZipFile:
    """The zip of `isi`; a file that is no zip is refused in words the user can act on."""
    if isi.startswith(_OLE2):
        raise bukan_berkas(jenis, "format Office lama .xls/.doc, atau disimpan dengan kata "
                           "sandi")
    try:
        return zipfile.ZipFile(io.BytesIO(isi))
    except Exception as exc:  # whatever the zip module trips on, it is no zip to read
        raise bukan_berkas(jenis, f"bukan arsip zip: {type(exc).__name__}") from None


def periksa_bagian(info: zipfile.ZipInfo, batas: BatasArsip, jenis: str,
                   lembar: str | None = None) -> None:
    """Refuse one part by what the zip's directory declares of it, before it expands."""
    if info.flag_bits & 0x1:
        raise Penolakan(KODE_RUSAK[jenis], f"bagian {info.filename} terenkripsi; simpan "
                        "ulang berkas tanpa kata sandi", lembar=lembar)
    if info.file_size > batas.terurai_bagian:
        raise Penolakan("too-large", f"bagian {info.filename} berukuran "
                        f"{ukuran(info.file_size)} setelah diurai, melewati batas "
                        f"{ukuran(batas.terurai_bagian)} per bagian", lembar=lembar)
    if info.file_size > batas.rasio_mulai and \
            info.file_size > batas.rasio * max(info.compress_size, 1):
        rasio = info.file_size // max(info.compress_size, 1)
        raise Penolakan("too-large", f"bagian {info.filename} mengembang {ribuan(rasio)} kali "
                        f"saat diurai ({ukuran(info.compress_size)} menjadi "
                        f"{ukuran(info.file_size)}), melewati batas {batas.rasio} kali: "
                        "tampaknya bom zip", lembar=lembar)


def periksa_direktori(daftar: list[zipfile.ZipInfo], batas: BatasArsip, jenis: str,
                      nama: dict[str, str]) -> None:
    """Refuse a zip by what its directory declares, before anything more is decompressed
    (`nama`: the sheet each part holds, for the message)."""
    total = 0
    for info in daftar:
        periksa_bagian(info, batas, jenis, nama.get(info.filename))
        total += info.file_size
    if total > batas.terurai:
        raise Penolakan("too-large", f"isi arsip berukuran {ukuran(total)} setelah diurai, "
                        f"melewati batas {ukuran(batas.terurai)}")


# ------------------------------------------------------------------------- the package


def _baca_bagian(arsip: zipfile.ZipFile, info: zipfile.ZipInfo, hitung: Hitungan,
                 umpan: Callable[[bytes], None] | None, lembar: str | None) -> None:
    """Decompress one part as a stream, counting its bytes against the limits and handing
    each piece to `umpan` (the XML scan) when given."""
    batas = hitung.batas
    terurai = 0
    try:
        with arsip.open(info) as sumber:
            while potong := sumber.read(1 << 16):
                terurai += len(potong)
                hitung.terurai += len(potong)
                if terurai > batas.terurai_bagian or hitung.terurai > batas.terurai:
                    raise Penolakan("too-large", f"bagian {info.filename} setelah diurai "
                                    f"melewati batas {ukuran(batas.terurai_bagian)} per "
                                    f"bagian atau {ukuran(batas.terurai)} seluruhnya",
                                    lembar=lembar)
                if hitung.tenggat.lewat():
                    raise hitung.batas_waktu(lembar)
                if umpan is not None:
                    umpan(potong)
    except Penolakan:
        raise
    except Exception as exc:  # a bad CRC, a truncated stream, an unknown compression, ...
        raise Penolakan(KODE_RUSAK[hitung.jenis], f"bagian {info.filename} rusak dan tidak "
                        f"dapat diurai ({type(exc).__name__}: {str(exc)[:80]})",
                        lembar=lembar) from None


def _pindai(arsip: zipfile.ZipFile, info: zipfile.ZipInfo, hitung: Hitungan,
            lembar: Lembar | None = None, dicatat: tuple[str, ...] = (),
            jumlah_teks: int = 0) -> Pemindai:
    """Decompress and scan one XML part (checked first by what the zip declares of it)."""
    nama = lembar.nama if lembar else None
    periksa_bagian(info, hitung.batas, hitung.jenis, nama)
    pemindai = Pemindai(info.filename, lembar, hitung, dicatat, jumlah_teks)
    _baca_bagian(arsip, info, hitung, pemindai.umpan, nama)
    pemindai.umpan(b"", akhir=True)
    return pemindai


@dataclass
class _Peta:
    """The package's map: the sheets' parts and names, and the shared-string part."""

    lembar: dict[str, str] = field(default_factory=dict)  # part -> sheet name
    teks_bersama: str | None = None


def _target(rels: str, target: str) -> str:
    """A relationship's target as a part name, resolved as openpyxl resolves it."""
    if target.startswith("/"):
        return target[1:]
    induk = posixpath.split(posixpath.dirname(rels))[0]
    return posixpath.normpath(posixpath.join(induk, target))


def _peta(arsip: zipfile.ZipFile, ada: dict[str, zipfile.ZipInfo], hitung: Hitungan,
          dipindai: set[str]) -> _Peta:
    """Read the package's map the way openpyxl does (a broken map is left for openpyxl to
    refuse: lkjip then reports the file as unreadable)."""
    peta = _Peta()
    if "[Content_Types].xml" not in ada:
        return peta
    dipindai.add("[Content_Types].xml")
    jenis = _pindai(arsip, ada["[Content_Types].xml"], hitung,
                    dicatat=("Override", "Default")).catatan
    bagian = {a.get("ContentType"): a.get("PartName", "") for n, a in reversed(jenis)
              if n == "Override"}
    teks = bagian.get(JENIS_TEKS_BERSAMA)
    peta.teks_bersama = teks[1:] if teks else None
    buku = next((bagian[j][1:] for j in JENIS_BUKU if j in bagian), None)
    if buku is None and any(a.get("ContentType") in JENIS_BUKU for n, a in jenis
                            if n == "Default"):
        buku = "xl/workbook.xml"
    if buku is None or buku not in ada:
        return peta
    folder, nama = posixpath.split(buku)
    rels = posixpath.join(folder, "_rels", f"{nama}.rels")
    dipindai.add(buku)
    lembar = [a for n, a in _pindai(arsip, ada[buku], hitung, dicatat=("sheet",)).catatan
              if n == "sheet"]
    if rels not in ada:
        return peta
    dipindai.add(rels)
    target = {a.get("Id"): _target(rels, a.get("Target", ""))
              for n, a in _pindai(arsip, ada[rels], hitung, dicatat=("Relationship",)).catatan
              if n == "Relationship" and a.get("TargetMode") != "External"}
    for a in lembar:
        part = target.get(a.get(f"{NS_R} id"))
        if part is not None and a.get("name"):
            peta.lembar.setdefault(part, a["name"])
    return peta


def baca_isi(path: str | os.PathLike[str], file: str, batas: BatasArsip,
             jenis: str) -> bytes | Diagnostic:
    """The bytes of the Office file `path`, read once through lkjip's reader of regular files
    (a FIFO or device is refused, never waited on) within `batas.byte`; or the one
    diagnostic saying why not."""
    try:
        return baca_biner_biasa(path, batas.byte)
    except BerkasTerlaluBesar:
        return Diagnostic(file, None, None, Severity.ERROR, "too-large",
                          f"{_JENIS[jenis][0]} lebih besar dari batas {ukuran(batas.byte)}")
    except OSError as exc:
        return diagnostik_baca(file, exc)


def diagnostik(file: str, tolak: Penolakan) -> Diagnostic:
    """A refusal as the diagnostic the user reads, at its sheet and cell when known."""
    return Diagnostic(file, None, None, Severity.ERROR, tolak.code, tolak.pesan,
                      sheet=tolak.lembar, cell=tolak.sel)


def periksa(isi: bytes, batas: BatasArsip, tenggat: Tenggat, jenis: str = "xlsx") -> Paket:
    """Inspect the Office file `isi` (`jenis`: xlsx or docx); raise `Penolakan` for the
    first limit it goes over or the first part it cannot read."""
    hitung = Hitungan(batas, tenggat, jenis)
    with buka_zip(isi, jenis) as arsip:
        daftar = arsip.infolist()
        if len(daftar) > batas.bagian:
            raise Penolakan("too-large", f"arsip berisi {ribuan(len(daftar))} bagian, "
                            f"melewati batas {ribuan(batas.bagian)} bagian")
        ada = {info.filename: info for info in daftar}
        dipindai: set[str] = set()
        peta = _peta(arsip, ada, hitung, dipindai)  # its few small parts checked first
        periksa_direktori(daftar, batas, jenis, peta.lembar)
        jumlah_teks = 0
        if peta.teks_bersama in ada and peta.teks_bersama is not None:
            dipindai.add(peta.teks_bersama)
            jumlah_teks = _pindai(arsip, ada[peta.teks_bersama], hitung).si
        lembar: dict[str, Lembar] = {}
        for part in [*peta.lembar, *ada]:
            info = ada.get(part)
            if info is None or part in dipindai:
                continue
            dipindai.add(part)
            nama = peta.lembar.get(part)
            if nama is not None:
                _pindai(arsip, info, hitung, lembar.setdefault(nama, Lembar(nama)),
                        jumlah_teks=jumlah_teks)
            elif part.endswith(_XML):
                _pindai(arsip, info, hitung, jumlah_teks=jumlah_teks)
            else:
                _baca_bagian(arsip, info, hitung, None, None)
    return Paket(lembar, hitung.rusak, hitung.rusak_lagi)
