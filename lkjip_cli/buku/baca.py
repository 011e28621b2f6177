"""`baca_buku(path)`: the data-entry workbook (docs/excel.md) to a report document, with the
sheet and cell of every value and every problem found on the way.

This module opens and checks the workbook: the file is read once, inspected before openpyxl
sees it (`source/arsip.py`), and opened read-only. Putting its records together as the report
document is `susun.py`'s job (with `susun_kinerja.py`, `susun_anggaran.py` and the shared
`penyusun.py`); the cells are read by `baca_sel.py`. It only gathers and reports:
`lkjip_cli/buku/impor.py` turns the document into commented YAML and validates it with the
normal loader, mapping each diagnostic back to its cell.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path as FsPath
from typing import Any

from lkjip_cli.buku.baca_sel import BacaanBuku
from lkjip_cli.buku.penyusun import Penyusun
from lkjip_cli.buku.rekening import PilihanRekening
from lkjip_cli.buku.susun import susun
from lkjip_cli.diagnostics import Diagnostic, Severity
from lkjip_cli.source.arsip import (
    Paket,
    Penolakan,
    baca_isi,
    bukan_berkas,
    diagnostik,
    periksa,
)
from lkjip_cli.source.batas import BATAS_BUKU, BatasArsip, Tenggat, ribuan

__all__ = ["baca_buku", "baca_isi_buku"]


def baca_buku(path: str | FsPath, nama: str | None = None,
              batas: BatasArsip = BATAS_BUKU,
              rekening: PilihanRekening | None = None) -> BacaanBuku:
    """Read a data-entry workbook; never raises for a user's mistake.

    The file is read once, through lkjip's reader of regular files (a FIFO or a device is
    refused, never waited on), into memory within `batas.byte`; the zip and its XML are
    inspected (`source/arsip.py`) before openpyxl sees a byte of it, and openpyxl then reads
    those bytes, once, read-only."""
    file = nama or str(path)
    isi = baca_isi(path, file, batas, "xlsx")
    if isinstance(isi, Diagnostic):
        return BacaanBuku({}, diagnostics=[isi])
    return baca_isi_buku(isi, file, batas, rekening)


def baca_isi_buku(isi: bytes, file: str, batas: BatasArsip = BATAS_BUKU,
                  rekening: PilihanRekening | None = None) -> BacaanBuku:
    """Read a data-entry workbook already in memory (`file` names it in diagnostics)."""
    tenggat = Tenggat(batas.detik)
    # openpyxl warns on stderr about what it drops (extensions, a date it cannot convert):
    # lkjip reports what matters itself, at its cell.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            paket = periksa(isi, batas, tenggat)
            if paket.rusak:
                return BacaanBuku({}, diagnostics=_sel_rusak(file, paket, batas))
            wb = _buka(isi)
            try:
                return susun(Penyusun(file, wb, paket, tenggat, batas), rekening)
            finally:
                wb.close()
        except Penolakan as exc:
            return BacaanBuku({}, diagnostics=[diagnostik(file, exc)])


def _buka(isi: bytes) -> Any:
    """The workbook of `isi`, opened by openpyxl read-only, for the values Excel saved."""
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(isi), read_only=True, data_only=True,
                                      keep_links=False)
    except Exception as exc:  # any unreadable file is the user's mistake, never a crash
        raise bukan_berkas("xlsx", type(exc).__name__) from None


def _sel_rusak(file: str, paket: Paket, batas: BatasArsip) -> list[Diagnostic]:
    """One diagnostic per cell openpyxl could not read, and one for those not listed."""
    out = [Diagnostic(file, None, None, Severity.ERROR, r.code, r.pesan, sheet=r.lembar,
                      cell=r.sel) for r in paket.rusak]
    if paket.rusak_lagi:
        out.append(Diagnostic(file, None, None, Severity.ERROR, "cell-invalid",
                              f"{ribuan(paket.rusak_lagi)} sel lain juga tidak dapat dibaca "
                              f"(hanya {batas.sel_rusak} yang pertama disebut)"))
    return out

