"""Start-up (issue 24 P1): each command pays only for the heavy libraries it uses.

Not timed: each command runs once in a fresh process through the console script's entry
point, and the test reads which modules it imported (`sys.modules`). The figures are in
docs/performance.md (`python benchmarks/perintah.py --mulai`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BERAT = ("jinja2", "openpyxl", "docx", "matplotlib", "rich.table", "rich.console",
         "multiprocessing", "json", "zipfile", "lkjip_cli.engine", "lkjip_cli.tabel",
         "lkjip_cli.audit", "lkjip_cli.render.markdown", "lkjip_cli.render.xlsx",
         "lkjip_cli.banyak", "lkjip_cli.buku")

KODE = """
import contextlib, io, sys
sys.argv = ["lkjip", *sys.argv[1:]]
from lkjip_cli.cli.app import main
kode = 0
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main()
    except SystemExit as exc:
        kode = exc.code
print(kode)
print(" ".join(m for m in {berat!r} if m in sys.modules))
"""

#: command -> heavy modules it must not import (those it needs are not listed).
TIDAK_DIIMPOR = {
    "validate": ("jinja2", "openpyxl", "docx", "matplotlib", "rich.table", "rich.console",
                 "multiprocessing", "json", "lkjip_cli.engine", "lkjip_cli.tabel",
                 "lkjip_cli.audit", "lkjip_cli.render.markdown", "lkjip_cli.banyak",
                 "lkjip_cli.buku"),
    "compute": ("jinja2", "openpyxl", "docx", "matplotlib", "rich.table", "multiprocessing",
                "json", "lkjip_cli.audit", "lkjip_cli.render.markdown", "lkjip_cli.banyak",
                "lkjip_cli.buku"),
    "compute --format json": ("jinja2", "openpyxl", "docx", "matplotlib", "rich.console",
                              "lkjip_cli.audit", "lkjip_cli.render.markdown"),
    "check": ("jinja2", "openpyxl", "docx", "matplotlib", "rich.table",
              "lkjip_cli.render.markdown", "lkjip_cli.buku"),
    "render": ("openpyxl", "docx", "matplotlib", "rich.table", "rich.console",
               "multiprocessing", "lkjip_cli.audit", "lkjip_cli.banyak", "lkjip_cli.buku"),
    "export --to xlsx --force -o {tmp}/x.xlsx": ("jinja2", "docx", "lkjip_cli.render.markdown"),
}


@pytest.mark.parametrize("perintah", list(TIDAK_DIIMPOR))
def test_perintah_hanya_mengimpor_yang_dipakainya(perintah: str, tmp_path: Path) -> None:
    argv = [*perintah.format(tmp=tmp_path).split(), str(ROOT / "data" / "2020.yaml")]
    out = subprocess.run([sys.executable, "-c", KODE.format(berat=BERAT), *argv],
                         capture_output=True, text=True, check=True, cwd=tmp_path)
    kode, modul = [*out.stdout.splitlines(), ""][:2]
    assert kode in ("0", "1" if perintah == "check" else "0"), out.stdout + out.stderr
    diimpor = set(modul.split())
    assert diimpor.isdisjoint(TIDAK_DIIMPOR[perintah]), diimpor & set(TIDAK_DIIMPOR[perintah])


def test_bab_opsi_sama_dengan_bab_templat() -> None:
    """`--bab all` (cli/opsi.py, without Jinja2) names the chapters the templates do."""
    from lkjip_cli.cli.opsi import Bab, pilih_bab
    from lkjip_cli.render.markdown.templat import BAB

    assert pilih_bab(None, []) == list(BAB)
    assert pilih_bab(Bab.semua, []) == list(BAB)
