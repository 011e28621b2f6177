"""The safe formula language (model/ekspresi.py): worked vectors, refusals at their column,
and a fuzz over hostile text with a fixed seed (never a traceback, never unbounded)."""

from __future__ import annotations

import contextlib
import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_cli.model.ekspresi import (
    MAKS_KEDALAMAN,
    GalatRumus,
    TidakDapatDihitung,
    hitung_rumus,
    periksa_nama,
    urai,
)

D = Decimal


@pytest.mark.parametrize(("teks", "hasil"), [
    ("8/4/2", D(1)),            # left-associative division
    ("8-4-2", D(2)),            # left-associative subtraction
    ("-(2)*3", D(-6)),
    ("2+3*4", D(14)),           # precedence
    ("(2+3)*4", D(20)),
    ("0,11 * 9", D("0.99")),    # Indonesian decimal comma
    ("0.11 * 9", D("0.99")),
    ("--3", D(3)),
    ("1/3*3", D("0." + "9" * 50)),  # 50 significant digits, then x 3
])
def test_nilai_rumus(teks: str, hasil: Decimal) -> None:
    assert hitung_rumus(urai(teks), {}) == hasil


def test_nama_masukan_dan_uraian() -> None:
    r = urai("diselesaikan / diterima * 100")
    assert r.nama == ("diselesaikan", "diterima")
    # 42 / 45 x 100 = 93,333...
    assert hitung_rumus(r, {"diselesaikan": D(42), "diterima": D(45)}).quantize(
        D("0.0001")) == D("93.3333")
    assert r.uraian() == ("{0} / {1} x 100", ("diselesaikan", "diterima"))
    assert r.excel({"diselesaikan": "C2", "diterima": "C3"}) == "C2/C3*100"
    assert urai("a * 0,11").excel({"a": "B1"}) == "B1*0.11"


@pytest.mark.parametrize(("teks", "kolom", "kata"), [
    ("2**3", 2, "pangkat"),
    ("2^3", 2, "pangkat"),
    ("1e5", 2, "eksponen"),
    ("1_000", 2, "garis bawah"),
    ("1.234,5", 6, "pemisah ribuan"),
    ("", 1, "kosong"),
    ("a +", 4, "berakhir"),
    ("(a + b", 7, "tidak ditutup"),
    ("a b", 3, "tidak diharapkan"),
    ("abs(a)", 4, "fungsi"),
    ("a.b", 2, "atribut"),
    ("a\tb", 2, "satu baris"),
    ("* a", 1, "operator"),
    ("x = 1", 3, "tidak diizinkan"),
    ("A + 1", 1, "huruf kecil"),
])
def test_ditolak_di_kolomnya(teks: str, kolom: int, kata: str) -> None:
    with pytest.raises(GalatRumus) as exc:
        urai(teks)
    assert exc.value.kolom == kolom
    assert kata in exc.value.pesan


def test_nama_tak_dikenal_dengan_saran() -> None:
    with pytest.raises(GalatRumus) as exc:
        periksa_nama(urai("diselesaikan / diterma"), {"diselesaikan": 1, "diterima": 1})
    assert exc.value.kolom == 16
    assert "maksudnya `diterima`" in exc.value.pesan


def test_tidak_dapat_dihitung() -> None:
    with pytest.raises(TidakDapatDihitung, match="kolom 2"):
        hitung_rumus(urai("1/0"), {})
    with pytest.raises(TidakDapatDihitung, match="`a` kosong"):
        hitung_rumus(urai("a + 1"), {"a": None})


def test_batas() -> None:
    with pytest.raises(GalatRumus, match="bersarang"):
        urai("(" * (MAKS_KEDALAMAN + 1) + "1" + ")" * (MAKS_KEDALAMAN + 1))
    with pytest.raises(GalatRumus, match="bersarang"):
        urai("-" * 100 + "1")
    with pytest.raises(GalatRumus, match="terlalu panjang"):
        urai("-" * 100000 + "1")
    with pytest.raises(GalatRumus, match="terlalu panjang"):
        urai("+".join(["1"] * 200000))
    with pytest.raises(GalatRumus, match="terlalu panjang"):
        urai("1+" * 120 + "1")  # 241 tokens
    with pytest.raises(GalatRumus, match="digit"):
        urai("1" * 31)
    # The deepest allowed nesting still evaluates.
    assert hitung_rumus(urai("(" * MAKS_KEDALAMAN + "1" + ")" * MAKS_KEDALAMAN), {}) == 1


_ALFABET = "ab01 ,.+-*/()^_e\t=x9"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALFABET, max_size=60))
def test_sifat_tidak_pernah_traceback(teks: str) -> None:
    """Any text is either a formula (which evaluates or says why not) or a GalatRumus."""
    try:
        r = urai(teks)
    except GalatRumus as exc:
        assert 1 <= exc.kolom <= len(teks) + 1
        return
    with contextlib.suppress(TidakDapatDihitung):
        hitung_rumus(r, {"a": D(3), "b": D(0), "x": D("0.5"), "e": D(2)})


def test_fuzz_seed_tetap() -> None:
    """Random hostile strings, fixed seed: only GalatRumus or a value, bounded time."""
    rng = random.Random(22)
    pieces = ["(", ")", "-", "+", "*", "/", "1", "0", "a", " ", "**", "9" * 40, "((", "--",
              "1,5", "1.2.3", "é", "\x00", "_", "\n"]
    for _ in range(2000):
        teks = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 80)))
        try:
            r = urai(teks)
            hitung_rumus(r, {"a": D(7)})
        except (GalatRumus, TidakDapatDihitung):
            pass


def test_uraian_minus_dan_desimal() -> None:
    assert urai("a * -b").uraian() == ("{0} x -{1}", ("a", "b"))
    assert urai("-(a - 0.5)").uraian() == ("-({0} - 0,5)", ("a",))
