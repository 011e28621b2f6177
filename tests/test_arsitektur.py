"""The map of lkjip_cli holds (docs/arsitektur.md): imports point one way, rooms stay small.

The layering rule is declared once, as import-linter contracts in pyproject.toml
([tool.importlinter]); these tests run import-linter on the source tree, and on a copy with
one wrong import per contract to show that each contract can fail. The rest keeps the map
honest: every package is a room the page names and the wheel ships, the heavy libraries are
imported lazily below render/, and a module over 600 lines is named on the page with its
reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAKET = ROOT / "lkjip_cli"
ARSITEKTUR = ROOT / "docs" / "arsitektur.md"

#: Beyond this many lines a module must be named, with its reason, in docs/arsitektur.md.
MAKS_BARIS = 600

#: import-linter's own command line, run by this Python (the venv's console script may not
#: be on PATH). It reads the contracts from pyproject.toml in its working directory.
LINT_IMPORTS = [sys.executable, "-c",
                "from importlinter.cli import lint_imports_command as c; c()",
                "--no-cache", "--no-logo"]


def lint_imports(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """import-linter on the package under `root` (its pyproject.toml, its lkjip_cli)."""
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "200"}
    return subprocess.run([*LINT_IMPORTS, *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=120)


def kontrak() -> list[dict[str, Any]]:
    """The contracts as pyproject.toml declares them."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        contracts: list[dict[str, Any]] = tomllib.load(f)["tool"]["importlinter"]["contracts"]
    return contracts


# ------------------------------------------------------------------------- layering


def test_every_import_linter_contract_is_kept() -> None:
    out = lint_imports(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"Contracts: {len(kontrak())} kept, 0 broken." in out.stdout


#: One wrong import per contract (by id), each in a module where it would be easy to add.
SALAH = {
    # the engine reaching up for a table model
    "lapisan": ("engine/nilai.py", "from lkjip_cli.tabel import Sel"),
    # the terminal reaching into the template sandbox
    "permukaan": ("render/teks/ekspor.py", "from lkjip_cli.render.markdown import konteks"),
    # the workbook writer reading the reader instead of the layout
    "buku": ("buku/tulis.py", "from lkjip_cli.buku import baca"),
    # one table family borrowing another's helper instead of tabel/catatan.py
    "tabel": ("tabel/capaian.py", "from lkjip_cli.tabel import anggaran"),
    # the monthly roll-up borrowing the quarterly check instead of the model's rule
    "pemeriksaan": ("checks/periode.py", "from lkjip_cli.checks import indikator"),
    # the comparison of a printed figure reaching up for a rule about one kind of figure
    "audit": ("audit/cetakan.py", "from lkjip_cli.audit import indikator"),
    # one command borrowing another's option
    "perintah": ("cli/export_cmd.py", "from lkjip_cli.cli import render_cmd"),
    # an efficiency method reaching up into the sasaran it serves
    "mesin": ("engine/efisiensi.py", "from lkjip_cli.engine import sasaran"),
    "typer": ("model/dasar.py", "import typer"),
    "inti-murni": ("tabel/sel.py", "import rich"),
    "berkas-tanpa-tampilan": ("source/berkas.py", "import jinja2"),
    # the circle issue 19 broke: a sheet's placement importing the workbook it serves
    "tanpa-lingkaran": ("render/xlsx/lembar.py", "from lkjip_cli.render.xlsx import buku_kerja"),
}


def test_each_contract_fails_on_its_wrong_import(tmp_path: Path) -> None:
    """On a copy of the package, each wrong import above breaks its contract."""
    assert sorted(SALAH) == sorted(str(k["id"]) for k in kontrak())
    salinan = tmp_path / "salinan"
    shutil.copytree(PAKET, salinan / "lkjip_cli", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", salinan)
    nama = {str(k["id"]): str(k["name"]) for k in kontrak()}
    for ident, (modul, impor) in SALAH.items():
        path = salinan / "lkjip_cli" / modul
        asli = path.read_text(encoding="utf-8")
        path.write_text(f"{asli}\n{impor}  # noqa\n", encoding="utf-8")
        out = lint_imports(salinan, "--contract", ident)
        path.write_text(asli, encoding="utf-8")
        assert out.returncode == 1, (ident, out.stdout + out.stderr)
        assert f"{nama[ident]} BROKEN" in out.stdout, (ident, out.stdout)


#: Rooms held to an order of their own by a layers contract on the room: every module of the
#: room sits in one of its layers, so that a new module follows the room's order like the others.
RUANG_BERLAPIS = ("audit",)


def test_every_module_of_a_layered_room_sits_in_its_contract() -> None:
    for ruang in RUANG_BERLAPIS:
        [kontrak_ruang] = [k for k in kontrak() if k.get("containers") == [f"lkjip_cli.{ruang}"]]
        lapisan = {m.strip() for lapis in kontrak_ruang["layers"] for m in lapis.split("|")}
        modul = {p.stem for p in (PAKET / ruang).glob("*.py")} - {"__init__"}
        assert modul == lapisan, f"place the module in the layers of `{kontrak_ruang['id']}`"


def test_the_one_ignored_import_is_the_old_workbook_path() -> None:
    """render/ never imports buku/ but through the re-export docs/excel.md once named."""
    ignored = [imp for k in kontrak() for imp in k.get("ignore_imports", [])]
    assert ignored == ["lkjip_cli.render.buku_data -> lkjip_cli.buku.tulis"]
    from lkjip_cli.buku import tulis
    from lkjip_cli.render.buku_data import buku_data, buku_kosong, simpan

    assert (buku_data, buku_kosong, simpan) == (tulis.buku_data, tulis.buku_kosong, tulis.simpan)


#: The libraries only a surface may load when it is imported.
BERAT = ("openpyxl", "docx", "matplotlib", "jinja2", "rich", "typer")
#: The rooms below render/ and buku/, and the modules at the package root besides the CLI's.
DI_BAWAH = ("angka", "diagnostics", "pesan", "versi", "memori", "loader", "source", "model",
            "checks", "engine", "audit", "tabel")


def test_nothing_below_the_surfaces_loads_a_heavy_library_when_imported() -> None:
    """Every module below render/ imports openpyxl, python-docx, matplotlib, jinja2, rich and
    typer inside the functions that need them, if at all (source/ reads office files)."""
    code = (
        "import importlib, pkgutil, sys\n"
        "names = []\n"
        f"for room in {DI_BAWAH!r}:\n"
        "    mod = importlib.import_module('lkjip_cli.' + room)\n"
        "    names.append(mod.__name__)\n"
        "    for m in pkgutil.walk_packages(getattr(mod, '__path__', []), mod.__name__ + '.'):\n"
        "        names.append(importlib.import_module(m.name).__name__)\n"
        f"print(len(names), sorted({{m.split('.')[0] for m in sys.modules}} & set({BERAT!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=120)
    jumlah, berat = out.stdout.split(" ", 1)
    assert int(jumlah) > 30  # the walk found the modules (43 when this was written)
    assert berat.strip() == "[]"


# ---------------------------------------------------------------------------- rooms


def paket() -> list[str]:
    """Every package of lkjip_cli, dotted."""
    return sorted(".".join(p.parent.relative_to(ROOT).parts) for p in PAKET.rglob("__init__.py"))


def test_the_wheel_lists_every_package() -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        listed = tomllib.load(f)["tool"]["setuptools"]["packages"]
    assert sorted(listed) == sorted([*paket(), "lkjip_cli.templates"])


def test_every_room_says_its_job_and_is_on_the_map() -> None:
    peta = ARSITEKTUR.read_text(encoding="utf-8")
    for nama in paket():
        doc = (ROOT / nama.replace(".", "/") / "__init__.py").read_text(encoding="utf-8")
        assert doc.startswith('"""') and len(doc.split('"""')[1].split()) >= 8, nama
        folder = nama.removeprefix("lkjip_cli").lstrip(".").split(".")[-1]
        assert not folder or f"{folder}/" in peta, nama


def baris(path: Path) -> int:
    with path.open(encoding="utf-8") as f:
        return sum(1 for _ in f)


def pengecualian() -> set[str]:
    """The modules docs/arsitektur.md names in its section on modules over 600 lines."""
    teks = ARSITEKTUR.read_text(encoding="utf-8")
    bagian = re.search(r"^## [^\n]*600 baris\n(.*?)(?=^## )", teks, re.MULTILINE | re.DOTALL)
    assert bagian is not None, "docs/arsitektur.md has no section on modules over 600 lines"
    return set(re.findall(r"`(lkjip_cli/[\w/]+\.py)`", bagian.group(1)))


def test_a_module_over_600_lines_is_named_with_its_reason() -> None:
    besar = {p.relative_to(ROOT).as_posix() for p in PAKET.rglob("*.py")
             if baris(p) > MAKS_BARIS}
    named = pengecualian()
    assert sorted(besar - named) == [], "name it in docs/arsitektur.md, or split it"
    # a module split since (or gone) leaves the list, so the list stays the truth
    assert sorted(named - besar) == []
