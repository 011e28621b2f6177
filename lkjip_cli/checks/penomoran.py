"""Printed table labels: `penomoran` and the `dilaporkan` places that use them.

A label printed for a table (`penomoran`) names one table only, and every place a report
printed a figure (`dilaporkan`: `"3.5"`, `"Tabel 19"`, ...) resolves, through `penomoran`,
to a table the report prints; an unknown place gets the nearest label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lkjip_cli.checks.dokumen import Doc, mapping
from lkjip_cli.checks.konteks import Konteks
from lkjip_cli.diagnostics import Path
from lkjip_cli.model.penomoran import Penomoran
from lkjip_cli.model.types import POLA_LOKASI


def _dilaporkan(node: Any, path: Path) -> Iterator[tuple[Path, Doc]]:
    """Every `dilaporkan` mapping of the document, with its path."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "dilaporkan" and isinstance(value, dict):
                yield (*path, key), value
            else:
                yield from _dilaporkan(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _dilaporkan(value, (*path, i))


def _tempat_cetak(printed: Doc, path: Path, puncak: bool = True
                  ) -> Iterator[tuple[Path, str]]:
    """Every place a `dilaporkan` mapping names, at any depth (a quantity's places; an
    input's or an earlier year's, one level further down), with its path. A key that is not
    a place at all is left to the model validation."""
    for key, value in printed.items():
        if isinstance(value, dict):
            yield from _tempat_cetak(value, (*path, key), False)
        elif not puncak and isinstance(key, str) and re.match(POLA_LOKASI, key):
            yield (*path, key), key


def penomoran_checks(ctx: Konteks) -> None:
    """Printed labels in `penomoran` are unique, and every `dilaporkan` place names a table
    the report prints (resolved through `penomoran`), with the nearest label suggested."""
    peta = {k: v for k, v in mapping(ctx.data, "penomoran").items()
            if isinstance(k, str) and isinstance(v, str)}
    nomoran = Penomoran(peta)
    seen: dict[str, str] = {}
    for nomor, label in nomoran.cetak.items():
        if label in seen:
            ctx.add(("penomoran", nomor), "duplicate-label",
                    f"label `{label}` sudah dipakai untuk Tabel {seen[label]}; satu label "
                    "cetakan hanya dapat menunjuk satu tabel")
        seen.setdefault(label, nomor)
    for base, printed in _dilaporkan(ctx.data, ()):
        for path, tempat in _tempat_cetak(printed, base):
            if nomoran.resolusi(tempat) is None:
                ctx.add(path, "unknown-place", nomoran.pesan_tidak_dikenal(tempat))
    aturan = ctx.data.get("aturan") if isinstance(ctx.data, dict) else None
    for tempat in mapping(aturan, "per_tempat"):
        if isinstance(tempat, str) and re.match(POLA_LOKASI, tempat) and \
                nomoran.resolusi(tempat) is None:
            ctx.add(("aturan", "per_tempat", tempat), "unknown-place",
                    nomoran.pesan_tidak_dikenal(tempat),
                    mark_at=("aturan", "per_tempat", tempat))
