"""`lkjip check` over many files on every core, with output in the order of the files.

Why here and not in the command: the command prints; this module only computes, in worker
processes (`lkjip_cli.banyak.paralel`), what the printing needs of each file, and hands it back in
input order whatever order the workers finish in. What crosses between processes is kept
small: the findings, the report's rules and the compact source map (arrays of line and
column per node), never the whole report.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lkjip_cli.audit import Audit
from lkjip_cli.diagnostics import Diagnostic
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.source.yamlsource import SourceMap


@dataclass(frozen=True, slots=True)
class Diperiksa:
    """One file: its audit, or (when `audit` is None) the diagnostics that made it invalid."""

    berkas: str
    audit: Audit | None
    source: SourceMap
    aturan: Aturan | None
    diagnostik: tuple[Diagnostic, ...]


def periksa_berkas(berkas: str) -> Diperiksa:
    """Load, compute and audit one file; never raises for a user's mistake."""
    from lkjip_cli.audit import audit
    from lkjip_cli.engine import hitung
    from lkjip_cli.loader import load

    loaded = load(berkas)
    if loaded.report is None:
        return Diperiksa(berkas, None, loaded.source, None, loaded.diagnostics)
    hasil = audit(hitung(loaded.report))
    return Diperiksa(berkas, hasil, loaded.source,
                     loaded.report.aturan, loaded.diagnostics)


def periksa_semua(berkas: Sequence[str], proses: int | None = None) -> Iterator[Diperiksa]:
    """Every file checked, in input order, on `proses` processes (None: every core)."""
    from lkjip_cli.banyak.paralel import peta_urut

    return peta_urut(periksa_berkas, berkas, proses)
