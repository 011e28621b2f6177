"""A table is registered in one place, `tabel/daftar.py`; these tests keep that true.

The few lists of table numbers outside `tabel/` (the numbers a report may relabel through
`penomoran`, the Excel workbook's sheet per chapter) must name exactly the registered tables,
so a new table missing from one of them fails here rather than silently going unnumbered or
unexported. Every module of `tabel/` must sit in a layer of the import-linter contract `tabel`,
so that a new family of tables is held to the same rule as the others (it imports only
`catatan` and `sel`, and no other family).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import get_args

from lkjip_cli.model.laporan import NomorTabel
from lkjip_cli.model.penomoran import TABEL_LKJIP
from lkjip_cli.tabel import BAB_III, BUILDERS, GABUNG

ROOT = Path(__file__).resolve().parent.parent


def test_the_lists_outside_tabel_name_exactly_the_registered_tables() -> None:
    from lkjip_cli.render.xlsx.buku_kerja import BAB_TABEL

    terdaftar = tuple(BUILDERS)
    assert terdaftar == TABEL_LKJIP  # penomoran's known tables
    assert terdaftar == get_args(NomorTabel)  # the keys a report's `penomoran` may use
    assert terdaftar == tuple(n for bab in BAB_TABEL.values() for n in bab)  # Excel sheets
    assert set(BAB_III) <= set(terdaftar)
    assert set(GABUNG) <= set(terdaftar)


def test_every_module_of_tabel_sits_in_a_layer_of_its_contract() -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        contracts = tomllib.load(f)["tool"]["importlinter"]["contracts"]
    [kontrak] = [k for k in contracts if k["id"] == "tabel"]
    dilapis = {m.strip() for lapis in kontrak["layers"] for m in lapis.split("|")}
    modul = {p.stem for p in (ROOT / "lkjip_cli" / "tabel").glob("*.py")} - {"__init__"}
    assert modul == dilapis, "place the module in the contract `tabel` in pyproject.toml"
