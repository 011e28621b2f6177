"""The files a command over many reports reads: files named, `*.yaml` under directories, and
glob matches, each once, in a fixed order.

Why one module: `lkjip rekap` and `lkjip check` take the same PATH arguments (a CI job or a
reviewer names a folder or a pattern, not a thousand files), so they expand them one way.
A path that names nothing is kept as a diagnostic, never dropped.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from lkjip_cli.diagnostics import Diagnostic, Severity


def cari_berkas(paths: Iterable[str | Path]) -> tuple[list[str], list[Diagnostic]]:
    """Files named, `*.yaml` under directories (sorted), and glob matches, each once; and an
    `io` error for each path that names no file."""
    found: list[str] = []
    missing: list[Diagnostic] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        key = os.path.normpath(name)
        if key not in seen:
            seen.add(key)
            found.append(name)

    for raw in paths:
        text = str(raw)
        if os.path.isdir(text):
            names = sorted(str(p) for p in Path(text).rglob("*.yaml") if p.is_file())
            for name in names:
                add(name)
            if not names:
                missing.append(_io(text, "direktori ini tidak memuat berkas *.yaml"))
        elif os.path.exists(text):
            add(text)
        elif glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            for name in matches:
                add(name)
            if not matches:
                missing.append(_io(text, "pola ini tidak cocok dengan berkas mana pun"))
        else:
            missing.append(_io(text, "berkas atau direktori tidak ada"))
    return found, missing


def _io(name: str, pesan: str) -> Diagnostic:
    return Diagnostic(name, None, None, Severity.ERROR, "io", pesan)
