"""The small speedups of the batch path keep every result as it was."""

from __future__ import annotations

import dataclasses
import json
from decimal import ROUND_DOWN, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_cli.engine.nilai import Masukan, Nilai


def test_with_uraian_keeps_every_other_field() -> None:
    full = Nilai(Decimal(1), "r", (Masukan("m", Decimal(2), ("a",)),), ("x",), None, "poin",
                 (Nilai(None, "t"),), "old", (Decimal(3),))
    values = {f.name: getattr(full, f.name) for f in dataclasses.fields(Nilai)}
    assert all(v not in ("", (), "%") for k, v in values.items() if k != "alasan")  # all set
    assert full.with_uraian("{0} x", Decimal(5)) == dataclasses.replace(
        full, uraian="{0} x", uraian_angka=(Decimal(5),))


_SKALAR = st.one_of(st.text(), st.none(), st.booleans(), st.integers())


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(min_size=1), _SKALAR, min_size=1, max_size=6))
def test_json_finding_object_is_json_dumps_indented(d: dict[str, object]) -> None:
    # A finding's object, encoded a scalar at a time in the workers, is the object of the
    # one JSON document `json.dumps(..., indent=2)` writes, at the depth a finding stands.
    from lkjip_cli.render.teks.temuan import _objek_datar

    tertulis = json.dumps({"temuan": [d]}, ensure_ascii=False, indent=2)
    assert f"[\n{_objek_datar(d)}\n  ]" in tertulis


_DESIMAL = st.decimals(min_value=-10**6, max_value=10**6, allow_nan=False,
                       allow_infinity=False, places=6)


@settings(max_examples=300, deadline=None)
@given(_DESIMAL, st.decimals(min_value=-10**6, max_value=10**6, allow_nan=False,
                             allow_infinity=False, places=2),
       st.sampled_from(["half-up", "half-even", "down"]))
def test_reproducing_an_alternative_needs_no_rounding_when_a_unit_away(
        alt: Decimal, dicetak: Decimal, mode: str) -> None:
    # `mereproduksi` first rejects an alternative a whole unit of the last place or more
    # from the printed figure; the answer is what rounding and truncating it say.
    from lkjip_cli.angka import bulatkan
    from lkjip_cli.audit.sebab import mereproduksi

    turun = alt.quantize(Decimal("0.01"), ROUND_DOWN)
    sen = Decimal("0.01")
    for cetak in (dicetak, alt.quantize(sen), turun, turun - sen, turun + sen):  # near ones
        lambat = ("" if bulatkan(alt, 2, mode) == cetak
                  else "dipotong, bukan dibulatkan" if bulatkan(alt, 2, "down") == cetak
                  else None)
        assert mereproduksi(alt, cetak, mode) == lambat
