"""Help texts as an Indonesian user reads them: one place that every command registers through.

Why a command class of our own: typer builds `--help` (and, with completion on,
`--install-completion` and `--show-completion`) itself, in English, and shows a flag's type
as `<bool>`, an argument's as `<list[Path]>`. lkjip's users read Indonesian and should see
no Python type names. `PerintahLkjip` and `GrupLkjip` relabel those built-in options and
hide type labels wherever a metavar was chosen; `daftarkan` registers a command with an
example invocation under its help ("Contoh:"), so `lkjip compute --help` shows a real call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

#: The help texts of the options typer adds by itself, in Indonesian.
BANTUAN_BAWAAN = {
    "--help": "Tampilkan bantuan ini lalu keluar.",
    "--install-completion": "Pasang pelengkapan otomatis (tab) untuk shell yang dipakai.",
    "--show-completion": "Cetak skrip pelengkapan otomatis untuk shell yang dipakai, "
                         "untuk disalin atau diubah.",
}


def _indonesiakan(params: Sequence[Any]) -> None:
    """Relabel typer's own options and hide type labels of parameters that have a metavar."""
    for param in params:
        for opt in getattr(param, "opts", ()):
            if opt in BANTUAN_BAWAAN:
                param.help = BANTUAN_BAWAAN[opt]
                param.metavar = ""  # flags: no <bool>
        if isinstance(param, TyperArgument) and param.metavar:
            # typer shows an argument's Python type (`<list[Path]>`) even with a metavar.
            param.display_type_rich = _tanpa_tipe  # type: ignore[method-assign]


def _tanpa_tipe(ctx: Any = None) -> None:
    return None


#: typer's own words on a help page (module constants of `typer.rich_utils`), in Indonesian.
KATA_HALAMAN_BANTUAN = {
    "DEFAULT_STRING": "[bawaan: {}]",
    "REQUIRED_LONG_STRING": "[wajib]",
    "ENVVAR_STRING": "[variabel lingkungan: {}]",
    "DEPRECATED_STRING": "(usang) ",
    "ARGUMENTS_PANEL_TITLE": "Argumen",
    "OPTIONS_PANEL_TITLE": "Opsi",
    "COMMANDS_PANEL_TITLE": "Perintah",
}


def _kata_indonesia() -> None:
    """Set typer's help-page words; called only when help is printed (rich is heavy)."""
    try:
        from typer import rich_utils
    except ImportError:  # typer without rich: plain help, words stay as they are
        return
    for nama, kata in KATA_HALAMAN_BANTUAN.items():
        if hasattr(rich_utils, nama):
            setattr(rich_utils, nama, kata)


class PerintahLkjip(TyperCommand):
    """A command whose help reads in Indonesian, without Python type names."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        _indonesiakan(params)
        return params

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _kata_indonesia()
        super().format_help(ctx, formatter)


class GrupLkjip(TyperGroup):
    """The `lkjip` group, with the same Indonesian help as its commands."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        _indonesiakan(params)
        return params

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _kata_indonesia()
        super().format_help(ctx, formatter)


def contoh(*baris: str) -> str:
    """An epilog of example invocations, one per line (`\\b` keeps the line breaks)."""
    return "Contoh:\n\b\n" + "\n".join(f"  {b}" for b in baris)


def daftarkan(app: typer.Typer, nama: str, fungsi: Callable[..., Any],
              *contoh_baris: str) -> None:
    """Register `fungsi` as `lkjip NAMA` with Indonesian help and its examples."""
    app.command(nama, cls=PerintahLkjip, epilog=contoh(*contoh_baris))(fungsi)
