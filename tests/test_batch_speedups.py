"""The small speedups of the batch path keep every result as it was."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from lkjip_cli.engine.nilai import Masukan, Nilai


def test_with_uraian_keeps_every_other_field() -> None:
    full = Nilai(Decimal(1), "r", (Masukan("m", Decimal(2), ("a",)),), ("x",), None, "poin",
                 (Nilai(None, "t"),), "old", (Decimal(3),))
    values = {f.name: getattr(full, f.name) for f in dataclasses.fields(Nilai)}
    assert all(v not in ("", (), "%") for k, v in values.items() if k != "alasan")  # all set
    assert full.with_uraian("{0} x", Decimal(5)) == dataclasses.replace(
        full, uraian="{0} x", uraian_angka=(Decimal(5),))
