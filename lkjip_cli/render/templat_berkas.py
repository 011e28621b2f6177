"""A user's template directory, read without hanging and without reading without bound.

Why: `--template-dir` is often someone else's directory. Jinja2's `FileSystemLoader` opens
any name that `os.path.isfile` accepted a moment before (a FIFO swapped in between blocks the
render forever) and reads a file whole however large it is; a FIFO or device in the place of
a template is skipped without a word, so the built-in template is used silently. This loader
reads through `source.berkas.baca_teks_biasa` instead: a name in the directory that is not a
regular file (after following links) is refused with a message naming it, and a template
larger than `MAKS_TEMPLAT_BYTE` is refused.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable

import jinja2
from jinja2.loaders import split_template_path

from lkjip_cli.source.berkas import baca_teks_biasa

#: Largest template file read (the built-in ones are a few kilobytes).
MAKS_TEMPLAT_BYTE = 1024 * 1024


class LoaderDirektoriAman(jinja2.FileSystemLoader):
    """`FileSystemLoader` that reads regular files only, bounded, never blocking."""

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            filename = posixpath.join(searchpath, *pieces)
            if not os.path.lexists(filename):
                continue
            try:
                contents = baca_teks_biasa(filename, MAKS_TEMPLAT_BYTE)
            except (OSError, UnicodeDecodeError) as exc:
                alasan = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                raise jinja2.TemplateError(
                    f"templat {filename} tidak dapat dibaca: {alasan}") from None
            return contents, os.path.normpath(filename), lambda: False
        raise jinja2.TemplateNotFound(template)
