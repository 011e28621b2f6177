"""The stored values of a worksheet that openpyxl would not survive, found before it reads them.

Why a module of its own: openpyxl converts each cell's stored text as it reads a sheet
(`openpyxl/worksheet/_reader.py`, `WorkSheetParser.parse_cell`) and stops the whole
workbook with a bare `ValueError` at the first it cannot convert, naming no cell. The XML
scan (`source/arsip_pindai.py`) asks `masalah_nilai` about every cell that holds a value, so
that such a cell is reported at its own reference, in lkjip's words, and openpyxl never sees
the workbook. This mirrors openpyxl's conversion of a value (compare it with `parse_cell` when
openpyxl changes; how openpyxl finds rows and cells is mirrored by the scan), using
openpyxl's public helper where there is one (`from_ISO8601`, imported when a date cell is
met, so that importing lkjip loads no openpyxl).
"""

from __future__ import annotations

import math
import re

from lkjip_cli.source.arsip_hasil import ringkas


def masalah_nilai(jenis: str, nilai: str, jumlah_teks: int) -> tuple[str, str] | None:
    """Why openpyxl could not read the stored value `nilai` of a cell of type `jenis`
    (`t`), in lkjip's words; None when it can. Mirrors `WorkSheetParser.parse_cell`."""
    if jenis == "n":
        return _masalah_angka(nilai)
    if jenis == "s":
        try:
            nomor = int(nilai)
        except ValueError:
            nomor = -1
        if not 0 <= nomor < jumlah_teks:
            return ("cell-invalid", f"sel menunjuk teks bersama nomor {nilai!r} yang tidak ada; "
                    "simpan ulang buku kerja di Excel atau LibreOffice")
        return None
    if jenis == "b":
        if nilai not in ("0", "1"):  # openpyxl would read `2` as true, and stop at `yes`
            return ("cell-invalid", f"sel ya/tidak (boolean) berisi {ringkas(nilai)}, bukan 0 "
                    "atau 1; ketik ulang nilainya")
        return None
    if jenis == "d":
        from openpyxl.utils.datetime import from_ISO8601

        try:
            from_ISO8601(nilai)  # type: ignore[no-untyped-call]
        except (ValueError, TypeError, OverflowError):
            return ("cell-date", f"sel bertipe tanggal berisi {ringkas(nilai)}, bukan tanggal; "
                    "ubah format sel menjadi Number (Angka) lalu ketik ulang nilainya")
    return None


#: A number as Excel and every other writer store it (`97.3`, `-5`, `4.5E+15`). Python,
#: and so openpyxl, would also take `1_000`, ` 5`, `٣` (an Arabic-Indic digit), `nan`, `inf`.
_ANGKA = re.compile(r"^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


def _masalah_angka(nilai: str) -> tuple[str, str] | None:
    """Why the stored value of a number cell is no number (openpyxl reads it with `float`
    when it has `.`, `e` or `E`, else with `int`, and stops at the first it cannot)."""
    if not _ANGKA.match(nilai):
        return ("cell-invalid", f"sel angka berisi {ringkas(nilai)}, bukan angka; ketik ulang "
                "nilainya")
    try:
        angka_ = float(nilai) if "." in nilai or "e" in nilai or "E" in nilai else int(nilai)
    except ValueError:  # an integer of more digits than Python converts (4,300)
        return ("cell-invalid", f"sel angka berisi {ringkas(nilai)}, bilangan bulat yang "
                "terlalu panjang; ketik ulang nilainya")
    if isinstance(angka_, float) and not math.isfinite(angka_):
        return ("cell-invalid", f"sel angka berisi {ringkas(nilai)}, bukan angka terhingga; "
                "ketik ulang nilainya")
    return None
