"""The one number formatter: PUEBI separators, Rp, the report's rounding modes.

Every expected string is written by hand from the convention (dot for thousands, comma for
decimals, `Rp` with no dot or space) and the rounding rule.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip_cli.angka import angka, bulatkan, desimal_dari, desimal_polos, persen, rupiah, tepat

D = Decimal


@pytest.mark.parametrize(("value", "places", "expected"), [
    (D("1234567.891"), 2, "1.234.567,89"),
    (D("1234567.895"), 2, "1.234.567,90"),   # half-up
    (D("999"), None, "999"),
    (D("1000"), None, "1.000"),
    (D("70.42"), None, "70,42"),             # an input keeps its own places
    (D("20.00"), None, "20,00"),
    (D("-13.291"), 2, "-13,29"),
    (D("-0.001"), 2, "0,00"),                # rounds to zero: no sign, places kept
    (D("0.004"), 2, "0,00"),
    (D("-0.004"), 0, "0"),
    (None, 2, "n/a"),
])
def test_angka(value: Decimal | None, places: int | None, expected: str) -> None:
    assert angka(value, places) == expected


@pytest.mark.parametrize(("mode", "expected"), [
    ("half-up", D("96.43")), ("half-even", D("96.42")), ("down", D("96.42"))])
def test_rounding_modes_on_the_yogyakarta_average(mode: str, expected: Decimal) -> None:
    # (98,06 + 94,79) / 2 = 96,425 (BKD Kota Yogyakarta 2015 printed 96,43)
    assert bulatkan(D("96.425"), 2, mode) == expected


def test_huge_valid_figure_rounds_instead_of_raising() -> None:
    # target 0,000000000001 and realisasi 1,2 x 10^17: capaian 1,2 x 10^31 percent
    value = D("120000000000000000") / D("0.000000000001") * 100
    assert bulatkan(value, 2) == D("12000000000000000000000000000000.00")


def test_persen_and_rupiah() -> None:
    assert persen(D("97.3333"), 2) == "97,33"
    assert persen(D("97.3333"), 1, tanda=True) == "97,3%"
    assert persen(None, tanda=True) == "n/a"
    assert rupiah(D(1582395750)) == "Rp1.582.395.750"
    assert rupiah(D("27407070963.98")) == "Rp27.407.070.963,98"
    assert rupiah(D(-5)) == "-Rp5"
    assert rupiah(D(1582395750), awalan=False) == "1.582.395.750"


def test_exact_forms() -> None:
    assert desimal_dari(D("97.30")) == 2
    assert desimal_dari(D("100")) == 0
    assert desimal_polos(D("168.8500")) == "168.85"
    assert desimal_polos(D("100")) == "100"
    assert desimal_polos(None) is None
    assert tepat(D(73) / D(75) * 100) == "97,3333333333…"
    assert tepat(D("6.23")) == "6,23"
