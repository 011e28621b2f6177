"""Which lkjip made a figure, and which data format a report file was written for.

Why the package version lives in `lkjip_cli.__version__` and nowhere else: pyproject.toml
reads it from there (`[tool.setuptools.dynamic]`), so the installed package metadata, `lkjip
--version` and the `"lkjip"` field of every JSON output are one value. Reading it back with
`importlib.metadata` would cost start-up time and fail in a source checkout.

Why a format version besides the package version: a report file outlives the tool that
checked it. A file that says `versi_format: 2` uses keys that an lkjip knowing only format 1
cannot understand; without this check it would get a list of "unknown key" errors that
blame the file, when the fix is to upgrade lkjip. So such a file gets one error saying so.
A file that states no version is read as the current format (every file written before
the key existed is format 1).
"""

from __future__ import annotations

import platform
from decimal import Decimal
from typing import Any

from lkjip_cli import __version__
from lkjip_cli.diagnostics import Diagnostic, Severity

#: The data format this lkjip reads: the highest `versi_format` it accepts.
VERSI_FORMAT = 1

#: The key of a report file that states its format version.
KUNCI_VERSI = "versi_format"


def versi_lkjip() -> str:
    """lkjip's own version, as in the package metadata."""
    return __version__


def info_versi() -> dict[str, Any]:
    """The versions an auditor cites: lkjip, its format, Python and the libraries that read.

    Imports pydantic and yaml, so only `lkjip version` calls it, never start-up.
    """
    import pydantic
    import yaml

    libyaml: str | None = None
    if getattr(yaml, "__with_libyaml__", False):
        libyaml = yaml._yaml.get_version_string()
    return {
        "lkjip": __version__,
        "versi_format": VERSI_FORMAT,
        "python": platform.python_version(),
        "pydantic": pydantic.VERSION,
        "pyyaml": yaml.__version__,
        "libyaml": libyaml,
    }


def periksa_versi_format(file: str, data: dict[str, Any],
                         posisi: tuple[int, int] | None) -> Diagnostic | None:
    """One error when the file states a format newer than this lkjip reads; else None.

    A malformed value (text, a fraction, zero) is left to the model, which reports it with
    the usual message; only a well-formed newer version stops reading here.
    """
    nilai = data.get(KUNCI_VERSI)
    if isinstance(nilai, bool) or not isinstance(nilai, int | Decimal):
        return None
    if nilai != int(nilai) or int(nilai) <= VERSI_FORMAT:
        return None
    line, column = posisi if posisi else (None, None)
    pesan = (f"berkas ini ditulis untuk format data versi {int(nilai)}, sedangkan lkjip "
             f"{__version__} hanya memahami sampai versi {VERSI_FORMAT}; perbarui lkjip "
             "(`pip install -U lkjip`) lalu ulangi")
    return Diagnostic(file, line, column, Severity.ERROR, "versi-format", pesan, KUNCI_VERSI)
