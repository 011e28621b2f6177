"""Help texts and usage errors as an Indonesian user reads them: one place for every command.

Why a command class of our own: typer builds `--help` (and, with completion on,
`--install-completion` and `--show-completion`) itself, in English, and shows a flag's type
as `<bool>`, an argument's as `<list[Path]>`. lkjip's users read Indonesian and should see
no Python type names. `PerintahLkjip` and `GrupLkjip` relabel those built-in options and
hide type labels wherever a metavar was chosen; `daftarkan` registers a command with an
example invocation under its help ("Contoh:"), so `lkjip compute --help` shows a real call.

Why usage errors are translated by pattern: typer (through its copy of click) words them in
English f-strings ("Missing argument 'BERKAS'.", "No such option: --foo"), with no catalogue
to hook. `GrupLkjip` catches each one on its way out and rewrites its text through
`POLA_GALAT`; a message it does not know stays as it is rather than being lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

try:  # typer >= 0.2x carries its own click; older ones use click itself
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - depends on the installed typer
    from click.exceptions import ClickException  # type: ignore[assignment,unused-ignore]

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
    "ERRORS_PANEL_TITLE": "Galat",
    "RICH_HELP": "Bantuan: [blue]'{command_path} {help_option}'[/]",
    "ABORTED_TEXT": "Dibatalkan.",
}

#: How typer names a path parameter in its errors ("File", "dir", "Path").
_JALUR = r"(?:[Ff]ile|[Dd]ir(?:ectory)?|[Pp]ath)"

#: typer's usage errors, as (English pattern, Indonesian replacement); first match wins.
POLA_GALAT: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pola), ganti) for pola, ganti in (
        (r"^Missing argument '?([^'.]+)'?\.$", r"Argumen \1 belum diberikan."),
        (r"^Missing option '?([^'.]+)'?\.$", r"Opsi \1 wajib diberikan."),
        (r"^Missing parameter: (.+)$", r"Parameter \1 belum diberikan."),
        (r"^No such option: (\S+) \(Possible options: (.+)\)$",
         r"Opsi tidak dikenal: \1 (maksud Anda salah satu dari: \2?)"),
        (r"^No such option: (\S+)$", r"Opsi tidak dikenal: \1"),
        (r"^No such command '?([^'.]+)'?\. Did you mean '?([^'?]+)'?\?$",
         r"Perintah tidak dikenal: \1. Maksud Anda \2?"),
        (r"^No such command '?([^'.]+)'?\.$",
         r"Perintah tidak dikenal: \1. Daftar perintah: lkjip --help"),
        (r"^Missing command\.$", r"Perintah belum diberikan. Daftar perintah: lkjip --help"),
        (r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$", r"Argumen berlebih: \1"),
        (r"^Option '?([^' ]+)'? requires an argument\.$", r"Opsi \1 memerlukan nilai."),
        (r"^Option '?([^' ]+)'? does not take a value\.$", r"Opsi \1 tidak menerima nilai."),
        (r"^Invalid value for ([^:]+): (?:Value error, )?'([^']*)' is not one of (.+)\.$",
         r"Nilai tidak sah untuk \1: '\2' bukan salah satu dari \3."),
        (r"^Invalid value for ([^:]+): " + _JALUR + r" '([^']*)' does not exist\.$",
         r"Nilai tidak sah untuk \1: '\2' tidak ada."),
        (r"^Invalid value for ([^:]+): " + _JALUR + r" '([^']*)' is a file\.$",
         r"Nilai tidak sah untuk \1: '\2' adalah berkas, bukan direktori."),
        (r"^Invalid value for ([^:]+): " + _JALUR + r" '([^']*)' is a directory\.$",
         r"Nilai tidak sah untuk \1: '\2' adalah direktori, bukan berkas."),
        (r"^Invalid value for ([^:]+): (.*)$", r"Nilai tidak sah untuk \1: \2"),
    )
)


def terjemahkan_galat(teks: str) -> str:
    """A usage error's English text in Indonesian (unchanged if no pattern knows it)."""
    for pola, ganti in POLA_GALAT:
        if pola.match(teks):
            return pola.sub(ganti, teks, count=1)
    return teks


def _indonesiakan_galat(exc: ClickException) -> None:
    """Make `exc` print in Indonesian, wherever typer prints it from."""
    asli = exc.format_message
    exc.format_message = lambda: terjemahkan_galat(asli())  # type: ignore[method-assign]
    _kata_indonesia()


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
    """The `lkjip` group, with the same Indonesian help and usage errors as its commands."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except ClickException as exc:
            _indonesiakan_galat(exc)
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ClickException as exc:
            _indonesiakan_galat(exc)
            raise

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
