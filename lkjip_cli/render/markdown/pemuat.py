"""Where templates come from: `--template-dir`, and nothing outside it.

Why a module of its own: which files a template can reach is a guarantee of its own
(SECURITY.md, "Templates load only from their directory"), separate from what a running
template can reach (`render/markdown/sandbox.py`). `{% include %}`, `{% import %}` and
`{% extends %}` name a template, and `LoaderDirektori` turns that name into a file only if
it is a regular file whose real path (symbolic links resolved) lies inside the directory, no
larger than `MAKS_UKURAN_TEMPLAT`: `..` and absolute names never leave it (Jinja2's
`split_template_path`), a link to outside is refused, and a FIFO or device is refused without
waiting (the one reader of regular files, `source/berkas.py`). Compiling a template cannot be
interrupted, so the render's clock is checked before each one is read and its size counted
in the render's volume.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

from lkjip_cli.render.markdown.batas import MAKS_UKURAN_TEMPLAT, GalatBatas, ribuan
from lkjip_cli.render.markdown.sandbox import Sandbox
from lkjip_cli.source.berkas import BukanBerkasBiasa, baca_berkas_biasa


class LoaderDirektori(jinja2.BaseLoader):
    """Templates from `--template-dir`: regular files inside it, of a bounded size.

    The name a template is reported by is the path as the user gave the directory
    (`templat-dinas/tabel_3_5.md.j2`), as Jinja2's FileSystemLoader reports it.
    """

    def __init__(self, direktori: Path, maks_ukuran: int = MAKS_UKURAN_TEMPLAT) -> None:
        self.direktori = direktori
        self.akar = direktori.resolve()
        self.maks_ukuran = maks_ukuran

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses `..`; `/etc/x` becomes `etc/x`
        shown = os.path.normpath(os.path.join(self.direktori, *pieces))
        try:
            real = self.akar.joinpath(*pieces).resolve(strict=True)
        except (OSError, RuntimeError):  # missing, or a symlink loop
            raise jinja2.TemplateNotFound(template) from None
        if not real.is_relative_to(self.akar):
            raise SecurityError(f"templat {template} menunjuk ke luar --template-dir "
                                f"({real}); tautan simbolik ke luar direktori templat ditolak")
        if isinstance(environment, Sandbox):
            environment.anggaran.cek_waktu()
        source = self._baca(real, shown, template)
        if isinstance(environment, Sandbox):
            environment.anggaran.tambah_volume(len(source))
        return source, shown, lambda: True

    def _baca(self, real: Path, shown: str, template: str) -> str:
        # The one reader of regular files (source/berkas.py): a FIFO or device is refused
        # without waiting for a writer.
        try:
            data = baca_berkas_biasa(real, self.maks_ukuran + 1)
        except BukanBerkasBiasa as exc:
            raise SecurityError(f"templat {shown} tidak dapat dibaca: {exc}") from None
        if len(data) > self.maks_ukuran:
            raise GalatBatas(f"templat {template} lebih dari {ribuan(self.maks_ukuran)} byte "
                             "(MAKS_UKURAN_TEMPLAT)")
        return data.decode("utf-8")
