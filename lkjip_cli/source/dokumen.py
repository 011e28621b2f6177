"""`baca_dokumen(path)`: an agency's Word document (`export --to docx --reference-doc`),
read and inspected like a workbook before python-docx opens it.

Why: the reference document is someone else's file as much as a workbook is, and python-docx
trusts it more: it reads every part into memory and parses every XML part into a tree. So
the document is read once through lkjip's reader of regular files (a FIFO or device is
refused, never waited on), within its size limit (`source/batas.py`, `BATAS_DOKUMEN`); its
zip and XML are inspected (`source/arsip.py`: sizes declared and actually decompressed,
compression ratio, parts, a DTD, elements, time); and python-docx opens those bytes, once.
Every failure is one diagnostic naming the document, in the same form as `lkjip validate`'s.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from typing import Any

from lkjip_cli.diagnostics import Diagnostic
from lkjip_cli.source.arsip import Penolakan, baca_isi, bukan_berkas, diagnostik, periksa
from lkjip_cli.source.batas import BATAS_DOKUMEN, BatasArsip, Tenggat


@dataclass(frozen=True)
class Dokumen:
    """The opened document (python-docx's `Document`), or None and why."""

    dokumen: Any
    diagnostics: tuple[Diagnostic, ...] = ()


def baca_dokumen(path: str | os.PathLike[str], nama: str | None = None,
                 batas: BatasArsip = BATAS_DOKUMEN) -> Dokumen:
    """Read, inspect and open a Word document; never raises for a user's mistake."""
    file = nama or os.fspath(path)
    isi = baca_isi(path, file, batas, "docx")
    if isinstance(isi, Diagnostic):
        return Dokumen(None, (isi,))
    try:
        periksa(isi, batas, Tenggat(batas.detik), "docx")
        return Dokumen(_buka(isi))
    except Penolakan as exc:
        return Dokumen(None, (diagnostik(file, exc),))


def _buka(isi: bytes) -> Any:
    import docx

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return docx.Document(io.BytesIO(isi))
    except Exception as exc:  # a zip that is no Word document, a damaged part, ...
        raise bukan_berkas("docx", type(exc).__name__) from None
