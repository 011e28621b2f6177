"""`lkjip check` over many files on every core, with output in the order of the files.

Why here and not in the command: the command prints; this module computes, in worker
processes (`lkjip_cli.banyak.paralel`), what each file prints, and hands it back in input
order whatever order the workers finish in. The workers also format the findings (the text
tables, the GitHub annotations, the JSON of each finding: `Tercetak`), so only text and the
counts cross between processes and the main process only writes: before, it laid out every
file's tables while the workers waited, and each file's audit and source map were pickled
to it. Memory stays one file's worth in each process.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from lkjip_cli.audit import Audit
from lkjip_cli.audit.temuan import Ringkasan
from lkjip_cli.diagnostics import Diagnostic
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.source.yamlsource import SourceMap

if TYPE_CHECKING:
    from rich.console import Console


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


@dataclass(frozen=True, slots=True)
class Tercetak:
    """One file as `check` prints it, formatted where it was audited: `teks` for the text
    and GitHub formats, `json` (each finding's object) and `ringkasan` for JSON; or, for
    an invalid file (`ringkasan` None), its diagnostics."""

    berkas: str
    teks: str
    json: tuple[str, ...]
    ringkasan: Ringkasan | None
    #: A finding at or above the level that makes `check` exit 1.
    gagal: bool
    diagnostik: tuple[Diagnostic, ...]


#: The output formats a worker formats for (the command's `--format`).
BENTUK = ("text", "json", "github")


def periksa_cetak(berkas: str, bentuk: str, semua: bool, ambang: int) -> Tercetak:
    """Check one file and format what it prints in `bentuk`; never raises for a user's
    mistake. `ambang`: the weight (`Tingkat.berat`) of a finding that fails the check."""
    from lkjip_cli.render.teks import temuan as out

    done = periksa_berkas(berkas)
    if done.audit is None or done.aturan is None:
        return Tercetak(berkas, "", (), None, False, done.diagnostik)
    hasil = out.HasilBerkas(done.berkas, done.audit, done.source, done.aturan)
    gagal = any(t.tingkat.berat >= ambang for t in done.audit.temuan)
    ringkasan = done.audit.ringkasan
    if bentuk == "json":
        return Tercetak(berkas, "", tuple(out.json_temuan(hasil)), ringkasan, gagal, ())
    teks = (out.github_berkas(hasil) if bentuk == "github"
            else out.teks_berkas(_konsol(), hasil, semua=semua))
    return Tercetak(berkas, teks, (), ringkasan, gagal, ())


def _konsol() -> Console:
    """The console `check` prints with (a worker inherits the standard output it decides
    the width and colours by)."""
    from lkjip_cli.render.teks.terminal import console_for_output

    return console_for_output()


def cetak_semua(berkas: Sequence[str], bentuk: str, *, semua: bool, ambang: int,
                proses: int | None = None) -> Iterator[Tercetak]:
    """Every file checked and formatted, in input order, on `proses` processes."""
    from lkjip_cli.banyak.paralel import peta_urut

    if bentuk not in BENTUK:
        raise ValueError(bentuk)
    return peta_urut(partial(periksa_cetak, bentuk=bentuk, semua=semua, ambang=ambang),
                     berkas, proses)
