"""Shared inline reports for the loader, diagnostics and CLI tests.

`MINIMAL` is the smallest valid report; tests vary it with `str.replace` and work out the
expected line and column by hand from the numbered layout below (1-based, as the
diagnostics print them).

     1  instansi:
     2    nama: Dinas Contoh
     3  tahun: 2020
     4  renstra: {mulai: 2019, selesai: 2023}
     5  sasaran:
     6    - kode: SS1
     7      nama: Sasaran satu
     8      indikator:
     9        - kode: IKU1          (key `kode` at column 9, value at column 15)
    10          nama: Indikator satu
    11          satuan: "%"
    12          target: 80          (value at column 17)
    13          realisasi: 72       (value at column 20)

`PROGRAM` appended to it adds lines 14 to 22:

    14  program:
    15    - kode: P01
    16      nama: Program satu
    17      kegiatan:
    18        - kode: P01.01
    19          nama: Kegiatan satu
    20          pagu: 2.000.000     (value at column 15)
    21          realisasi: 1.500.000  (value at column 20)
    22          mendukung: [IKU1]   (IKU1 at column 21)
"""

from __future__ import annotations

import contextlib
import os
import signal
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests explore at random while you develop (`LKJIP_HYPOTHESIS=acak`), but the normal
# run, CI included, is derandomized: the same examples every run, so a red CI means a change,
# not a lucky draw. A test's own @settings still sets its example count.
settings.register_profile("tetap", derandomize=True, database=None)
settings.register_profile("acak", derandomize=False)
settings.load_profile("acak" if os.environ.get("LKJIP_HYPOTHESIS") == "acak" else "tetap")

# No test reads or writes the user's cache (~/.cache/lkjip): it is off for the whole run, the
# processes the tests start included; tests of the cache point it at a temporary directory.
os.environ["LKJIP_CACHE"] = "0"

MINIMAL = textwrap.dedent(
    """\
    instansi:
      nama: Dinas Contoh
    tahun: 2020
    renstra: {mulai: 2019, selesai: 2023}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - kode: IKU1
            nama: Indikator satu
            satuan: "%"
            target: 80
            realisasi: 72
    """
)

PROGRAM = textwrap.dedent(
    """\
    program:
      - kode: P01
        nama: Program satu
        kegiatan:
          - kode: P01.01
            nama: Kegiatan satu
            pagu: 2.000.000
            realisasi: 1.500.000
            mendukung: [IKU1]
    """
)


def vary(text: str, old: str, new: str) -> str:
    """`text` with the one occurrence of `old` replaced (fails loudly if it is not there once)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


@pytest.fixture
def minimal() -> str:
    return MINIMAL


@pytest.fixture
def with_program() -> str:
    return MINIMAL + PROGRAM


@pytest.fixture
def laporan(tmp_path: Path) -> Path:
    """MINIMAL written to a file, for the CLI tests that read and write files."""
    path = tmp_path / "laporan.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


def listing(directory: Path) -> list[str]:
    """The names in a directory, sorted: what a command left behind."""
    return sorted(p.name for p in directory.iterdir())


class Macet(Exception):
    """The alarm went off: a command blocked or hung."""


@contextlib.contextmanager
def alarm(detik: int) -> Iterator[None]:
    """Fail (not hang) when the block takes `detik` seconds: SIGALRM interrupts a blocking
    `open()` of a FIFO as it interrupts a loop, raising `Macet`."""
    def bunyi(signum: int, frame: Any) -> None:
        raise Macet(f"blocked for {detik} s")

    lama = signal.signal(signal.SIGALRM, bunyi)
    signal.alarm(detik)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, lama)


@pytest.fixture(autouse=True, scope="session")
def _cache_templat_sementara(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """`lkjip render` keeps compiled templates in the user's cache directory
    (render/markdown/cache.py): the suite's renders use a directory of its own, never the
    home directory of whoever runs it."""
    lama = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if lama is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = lama
