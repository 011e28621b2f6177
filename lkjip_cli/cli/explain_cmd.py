"""`lkjip explain BERKAS KODE`: the formula behind a figure, its numbers and their lines.

Why codes are matched without regard to case: people type `iku1` for `IKU1`. A code that
differs from a known one only in case is that one (unless two known codes differ only in
case: then it must be typed exactly), and the "did you mean" hint compares without case too.
"""

from __future__ import annotations

import difflib
from typing import Annotated

import typer

from lkjip_cli.cli.bantuan import daftarkan
from lkjip_cli.cli.output import EXIT_INVALID, SatuBerkasArg, cetak_peringatan, load_or_exit
from lkjip_cli.diagnostics import aman_terminal


def cari_ref(ref: str, known: list[str]) -> str | None:
    """`ref` as a known code: exact, else the one known code equal to it ignoring case."""
    if ref in known:
        return ref
    same = {k for k in known if k.casefold() == ref.casefold()}
    return same.pop() if len(same) == 1 else None


def saran(ref: str, known: list[str]) -> str | None:
    """The known code closest to `ref`, ignoring case; None if none is close."""
    by_fold = {k.casefold(): k for k in reversed(known)}  # the first spelling wins
    close = difflib.get_close_matches(ref.casefold(), list(by_fold), n=1)
    return by_fold[close[0]] if close else None


def explain(
    file: SatuBerkasArg,
    ref: Annotated[str, typer.Argument(
        help="Kode indikator, sasaran, program atau kegiatan; atau rata-rata, efisiensi.",
        metavar="KODE", show_default=False)],
) -> None:
    """Jelaskan rumus, angka dan asal (berkas:baris) sebuah angka."""
    result = load_or_exit(str(file), peringatan_nanti=True)
    assert result.report is not None

    from lkjip_cli.engine import hitung
    from lkjip_cli.render.teks.jelaskan import jelaskan, semua_ref

    hasil = hitung(result.report)
    known = semua_ref(hasil)
    found = cari_ref(ref, known)
    lines = None if found is None else jelaskan(hasil, found, result.source)
    if lines is None:
        close = saran(ref, known)
        hint = f" Maksud Anda `{close}`?" if close else ""
        typer.echo(aman_terminal(f"Tidak ada `{ref}` dalam {file}.{hint} Pilihan: "
                                 f"{', '.join(known)}"), err=True)
        raise typer.Exit(EXIT_INVALID)
    typer.echo("\n".join(aman_terminal(line) for line in lines))  # names from the file
    cetak_peringatan(result)


def register(app: typer.Typer) -> None:
    daftarkan(app, "explain", explain,
              "lkjip explain data/2020.yaml IKU3",
              "lkjip explain data/2020.yaml rata-rata")
