"""`load_cepat`: the same report as `load` for a clean file, and exactly `load`'s
diagnostics (with lines and columns) for anything else."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.loader import load
from lkjip_cli.loader_cepat import load_cepat
from lkjip_cli.source.cepat import Lambat, parse_tanpa_posisi
from tests.conftest import MINIMAL, PROGRAM

ROOT = Path(__file__).resolve().parent.parent


def test_the_reference_report_is_the_same_report() -> None:
    fast, slow = load_cepat(ROOT / "data" / "2020.yaml"), load(ROOT / "data" / "2020.yaml")
    assert fast.report is not None and fast.report == slow.report
    # Its warnings are the same problems, only without a position.
    assert [(d.code, d.path) for d in fast.diagnostics] == \
        [(d.code, d.path) for d in slow.diagnostics]


@pytest.mark.parametrize("text", [
    MINIMAL + "tahun: 2021\n",  # a duplicate key
    MINIMAL.replace("realisasi: 72", "realisasi: 7,2.1"),  # a bad number (a string here)
    MINIMAL.replace("realisasi: 72", "realisasi: 072"),  # refused by the number rules
    MINIMAL.replace("target: 80", "target: &t 80").replace("realisasi: 72", "realisasi: *t"),
    MINIMAL.replace("nama: Indikator satu", "nama: Indikator satu\n          x: 1"),
    MINIMAL + PROGRAM.replace("mendukung: [IKU1]", "mendukung: [IKU9]"),  # semantic error
    "- a\n- b\n",  # not a mapping
    "a: [\n",  # syntax
])
def test_anything_unusual_gives_exactly_what_load_gives(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_cepat(path) == load(path)


@pytest.mark.parametrize(("text", "why"), [
    ("a: 1\na: 2\n", "duplicate key"),
    ("a: &x [1]\nb: *x\n", "alias"),
    ("<<: {a: 1}\n", "key"),
    ("[1]\n", "top"),
    ("a: 0x1F\n", "NumberError"),
])
def test_the_fast_parse_refuses_what_the_walk_reports(text: str, why: str) -> None:
    with pytest.raises(Lambat, match=why):
        parse_tanpa_posisi(text)


def test_keys_stay_text_and_numbers_exact() -> None:
    assert parse_tanpa_posisi("2019: 10.50\n") == {"2019": Decimal("10.50")}
