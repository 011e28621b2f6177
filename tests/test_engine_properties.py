"""Properties of the engine that hold for every input (hypothesis).

- capaian is monotone in realisasi: rising for a positive indicator, falling for a negative one
  (both formulas; T / R only over R > 0), also with range targets;
- a program's pagu and realisasi are the sums of its kegiatan's, and Belanja Langsung the sum
  of all kegiatan;
- no input makes the engine raise: every figure is either a finite number or a
  not-computable Nilai that says why.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_cli.engine import Hasil, hitung
from lkjip_cli.engine.capaian import hitung_capaian
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.laporan import Laporan, Rentang

D = Decimal
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def decimals(lo: int | str, hi: int | str, places: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=D(lo), max_value=D(hi), allow_nan=False,
                       allow_infinity=False, places=places)


#: Any figure a report can hold: zero, tiny decimals, ordinary values, up to 10^18.
ANGKA = st.one_of(
    st.just(D(0)),
    decimals(-1000, 1000, 2),
    decimals("-0.000001", "0.000001", 12),
    decimals(-(10**18), 10**18, 0),
    decimals(-(10**6), 10**6, 12),
)
#: A budget: never negative.
RUPIAH = st.one_of(
    st.just(D(0)),
    decimals(0, 10**12, 0),
    decimals(0, 10**15, 2),
    decimals(0, 10**18, 0),
    decimals(0, 1, 2),  # rupiah carry at most two places (sen)
)
POSITIVE_T = decimals("0.0001", 10**6, 4)
REALISASI = decimals(-(10**6), 10**6, 4)


# ------------------------------------------------------------------------- monotonicity


@SETTINGS
@given(t=POSITIVE_T, r1=REALISASI, r2=REALISASI)
def test_positive_capaian_never_falls_as_realisasi_rises(t: Decimal, r1: Decimal,
                                                         r2: Decimal) -> None:
    lo, hi = sorted((r1, r2))
    c_lo = hitung_capaian(t, lo, polaritas="positif").nilai
    c_hi = hitung_capaian(t, hi, polaritas="positif").nilai
    assert c_lo is not None and c_hi is not None
    assert c_lo <= c_hi


@SETTINGS
@given(t=POSITIVE_T, r1=REALISASI, r2=REALISASI)
def test_negative_selisih_capaian_never_rises_as_realisasi_rises(t: Decimal, r1: Decimal,
                                                                 r2: Decimal) -> None:
    lo, hi = sorted((r1, r2))
    c_lo = hitung_capaian(t, lo, polaritas="negatif", rumus_negatif="(2T-R)/T").nilai
    c_hi = hitung_capaian(t, hi, polaritas="negatif", rumus_negatif="(2T-R)/T").nilai
    assert c_lo is not None and c_hi is not None
    assert c_lo >= c_hi


@SETTINGS
@given(t=POSITIVE_T, r1=decimals("0.0001", 10**6, 4), r2=decimals("0.0001", 10**6, 4))
def test_negative_inverse_capaian_never_rises_as_realisasi_rises(t: Decimal, r1: Decimal,
                                                                 r2: Decimal) -> None:
    lo, hi = sorted((r1, r2))
    c_lo = hitung_capaian(t, lo, polaritas="negatif", rumus_negatif="T/R").nilai
    c_hi = hitung_capaian(t, hi, polaritas="negatif", rumus_negatif="T/R").nilai
    assert c_lo is not None and c_hi is not None
    assert c_lo >= c_hi


@st.composite
def rentang(draw: st.DrawFn) -> Rentang:
    a, b = draw(POSITIVE_T), draw(POSITIVE_T)
    return Rentang(min=min(a, b), maks=max(a, b))


@SETTINGS
@given(target=rentang(), r1=decimals("0.0001", 10**6, 4), r2=decimals("0.0001", 10**6, 4),
       polaritas=st.sampled_from(["positif", "negatif"]),
       rumus=st.sampled_from(["(2T-R)/T", "T/R"]))
def test_range_target_capaian_is_monotone(target: Rentang, r1: Decimal, r2: Decimal,
                                          polaritas: Any, rumus: Any) -> None:
    lo, hi = sorted((r1, r2))
    c_lo = hitung_capaian(target, lo, polaritas=polaritas, rumus_negatif=rumus).nilai
    c_hi = hitung_capaian(target, hi, polaritas=polaritas, rumus_negatif=rumus).nilai
    assert c_lo is not None and c_hi is not None
    if polaritas == "positif":
        assert c_lo <= c_hi
    else:
        assert c_lo >= c_hi
    # inside the range it is exactly 100; outside, on the side the polarity says
    for r, c in ((lo, c_lo), (hi, c_hi)):
        if target.min <= r <= target.maks:
            assert c == 100
        elif (r > target.maks) == (polaritas == "positif"):
            assert c >= 100
        else:
            assert c <= 100


@SETTINGS
@given(t=POSITIVE_T, r=REALISASI)
def test_positive_capaian_matches_exact_fraction(t: Decimal, r: Decimal) -> None:
    c = hitung_capaian(t, r).nilai
    assert c is not None
    exact = Fraction(r) / Fraction(t) * 100
    assert abs(Fraction(c) - exact) <= Fraction(1, 10**30) * max(Fraction(1), abs(exact))


# --------------------------------------------------------------------- budgets roll up

_SASARAN = [{"kode": "SS1", "nama": "Sasaran satu", "indikator": [
    {"kode": "IKU1", "nama": "Indikator satu", "satuan": "%", "target": 80,
     "realisasi": 72}]}]


def laporan(**extra: Any) -> Laporan:
    data: dict[str, Any] = {"instansi": {"nama": "Dinas Contoh"}, "tahun": 2020,
                            "renstra": {"mulai": 2019, "selesai": 2023}, "sasaran": _SASARAN}
    data.update(extra)
    return Laporan.model_validate(data)


KEGIATAN = st.lists(st.tuples(RUPIAH, RUPIAH), min_size=1, max_size=6)


@SETTINGS
@given(programs=st.lists(KEGIATAN, min_size=1, max_size=4))
def test_program_budget_is_sum_of_its_kegiatan(
        programs: list[list[tuple[Decimal, Decimal]]]) -> None:
    rep = laporan(program=[
        {"kode": f"P{i}", "nama": f"Program {i}", "kegiatan": [
            {"kode": f"P{i}.{j}", "nama": f"Kegiatan {i}.{j}", "pagu": pagu,
             "realisasi": real, "mendukung": ["IKU1"]}
            for j, (pagu, real) in enumerate(kegiatan)]}
        for i, kegiatan in enumerate(programs)])
    h = hitung(rep)
    assert len(h.program) == len(programs)
    for hp, kegiatan in zip(h.program, programs, strict=True):
        pagu = sum((Fraction(p) for p, _ in kegiatan), Fraction(0))
        real = sum((Fraction(r) for _, r in kegiatan), Fraction(0))
        assert hp.anggaran.pagu.nilai is not None
        assert Fraction(hp.anggaran.pagu.nilai) == pagu
        assert hp.anggaran.realisasi.nilai is not None
        assert Fraction(hp.anggaran.realisasi.nilai) == real
        pen = hp.anggaran.penyerapan
        if pagu == 0:
            assert pen.nilai is None and pen.alasan
        else:
            assert pen.nilai is not None
            exact = real / pagu * 100
            assert abs(Fraction(pen.nilai) - exact) <= Fraction(1, 10**30) * max(Fraction(1), exact)
    every = [k for kegiatan in programs for k in kegiatan]
    bl = h.belanja_tahun(2020)
    assert bl is not None
    assert Fraction(bl.pagu_langsung.nilai or 0) == sum(Fraction(p) for p, _ in every)
    assert Fraction(bl.realisasi_langsung.nilai or 0) == sum(Fraction(r) for _, r in every)
    # every kegiatan supports IKU1, so its budget is Belanja Langsung too
    assert h.indikator[0].anggaran.pagu.nilai == bl.pagu_langsung.nilai


# ------------------------------------------------------------------------ never raises


def nilai_in(obj: Any) -> Iterator[Nilai]:
    """Every Nilai reachable from an engine result (not the input Laporan)."""
    if isinstance(obj, Nilai):
        yield obj
        for t in obj.turunan:
            yield from nilai_in(t)
    elif isinstance(obj, tuple):
        for item in obj:
            yield from nilai_in(item)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.name != "laporan":
                yield from nilai_in(getattr(obj, f.name))


def assert_number_or_reason(n: Nilai) -> None:
    if n.nilai is None:
        assert n.alasan, f"not computable without a reason: {n.rumus}"
    else:
        assert isinstance(n.nilai, Decimal) and n.nilai.is_finite(), n


TARGET = st.one_of(
    ANGKA,
    st.tuples(ANGKA, ANGKA).map(lambda ab: {"min": min(ab), "maks": max(ab)}),
)
MAYBE = st.one_of(st.none(), ANGKA)
POLARITAS = st.sampled_from(["positif", "negatif"])
RUMUS_NEGATIF = st.sampled_from(["(2T-R)/T", "T/R"])
METODE = st.sampled_from(["selisih", "sisa-anggaran", "rasio", "nominal", "indeks-efisiensi",
                          "selisih-rata-rata-serapan", "nilai-efisiensi-pmk-22-2021"])
METODE_RATA = st.sampled_from(["rata-rata", "rasio-rata-rata", "tertimbang-pagu",
                               "geometrik-pmk-22-2021"])
METODE_TAHUNAN = st.sampled_from(["nominal", "sisa-anggaran"])


@SETTINGS
@given(target=st.one_of(st.none(), ANGKA, st.tuples(ANGKA, ANGKA).map(
           lambda ab: Rentang(min=ab[0], maks=ab[1]))),
       realisasi=MAYBE, polaritas=POLARITAS, rumus=RUMUS_NEGATIF,
       target_nol=st.sampled_from(["tidak-dapat-dihitung", "100-jika-realisasi-0"]))
def test_capaian_never_raises(target: Any, realisasi: Decimal | None, polaritas: Any,
                              rumus: Any, target_nol: Any) -> None:
    # ranges here may even run downward (the loader refuses them; the engine must not raise)
    c = hitung_capaian(target, realisasi, polaritas=polaritas, rumus_negatif=rumus,
                       target_nol=target_nol)
    assert_number_or_reason(c)


@st.composite
def indikator(draw: st.DrawFn, kode: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kode": kode, "nama": f"Indikator {kode}", "satuan": "%",
        "polaritas": draw(POLARITAS), "target": draw(TARGET), "realisasi": draw(MAYBE),
        "rekap_triwulan": draw(st.sampled_from(["terakhir", "jumlah", "rata-rata"])),
        "triwulan": draw(st.lists(st.fixed_dictionaries(
            {"target": st.one_of(st.none(), TARGET), "realisasi": MAYBE}), max_size=4)),
    }
    if draw(st.booleans()):
        data["rumus_negatif"] = draw(RUMUS_NEGATIF)
    if draw(st.booleans()):
        data["realisasi_sebelumnya"] = {2019: draw(ANGKA)}
    if draw(st.booleans()):
        data["target_renstra"] = {2020: draw(TARGET), 2023: draw(TARGET)}
    return data


@st.composite
def laporan_acak(draw: st.DrawFn) -> dict[str, Any]:
    sasaran = []
    kodes: list[str] = []
    for i in range(draw(st.integers(1, 3))):
        inds = []
        for j in range(draw(st.integers(1, 3))):
            kode = f"IKU{i}{j}"
            kodes.append(kode)
            inds.append(draw(indikator(kode)))
        sasaran.append({"kode": f"SS{i}", "nama": f"Sasaran {i}", "indikator": inds})
    program = [
        {"kode": f"P{i}", "nama": f"Program {i}", "kegiatan": [
            {"kode": f"P{i}.{j}", "nama": f"Kegiatan {i}.{j}", "pagu": draw(RUPIAH),
             "realisasi": draw(RUPIAH),
             "mendukung": draw(st.lists(st.sampled_from(kodes), max_size=2, unique=True)),
             "indikator": [{"kode": f"P{i}.{j}-1", "nama": "Keluaran", "satuan": "unit",
                            "polaritas": draw(POLARITAS), "target": draw(TARGET),
                            "realisasi": draw(MAYBE)}]}
            for j in range(draw(st.integers(1, 3)))]}
        for i in range(draw(st.integers(0, 2)))]
    rupiah_or_none = st.one_of(st.none(), RUPIAH)
    belanja = [
        {"tahun": tahun,
         "langsung": {"pagu": draw(rupiah_or_none), "realisasi": draw(rupiah_or_none)},
         "tidak_langsung": {"pagu": draw(rupiah_or_none), "realisasi": draw(rupiah_or_none)},
         "realisasi": draw(rupiah_or_none)}
        for tahun in draw(st.lists(st.sampled_from([2018, 2019, 2020]), unique=True))]
    aturan: dict[str, Any] = {
        "rumus_negatif": draw(RUMUS_NEGATIF),
        "target_nol": draw(st.sampled_from(["tidak-dapat-dihitung", "100-jika-realisasi-0"])),
        "rata_rata": {
            "metode": draw(METODE_RATA),
            "dasar": draw(st.sampled_from(["indikator", "sasaran"])),
            "dikecualikan": [{"indikator": k, "alasan": "uji"} for k in
                             draw(st.lists(st.sampled_from(kodes), unique=True))]},
        "efisiensi": {"sasaran": draw(METODE), "keseluruhan": draw(METODE),
                      "tahunan": draw(METODE_TAHUNAN)},
        "skala_interpretasi": draw(st.sampled_from(["permendagri-86-2017", "enam-tingkat"])),
    }
    if draw(st.booleans()):
        # A cap is above 0 and a floor not below it (issue 8.7: both are validated).
        aturan["batas_atas"] = {"nilai": draw(POSITIVE_T), "berlaku": draw(st.lists(
            st.sampled_from(["rata-rata", "tampilan"]), unique=True))}
    if draw(st.booleans()):
        floor = draw(decimals(0, 100, 2))
        if "batas_atas" not in aturan or floor < aturan["batas_atas"]["nilai"]:
            aturan["batas_bawah"] = floor
    data: dict[str, Any] = {
        "instansi": {"nama": "Dinas Acak"}, "tahun": 2020,
        "renstra": {"mulai": 2019, "selesai": 2023}, "aturan": aturan,
        "sasaran": sasaran, "program": program, "belanja": belanja,
    }
    if draw(st.booleans()):
        komponen = ["perencanaan", "pengukuran", "capaian"]
        data["evaluasi_sakip"] = {
            "komponen": [{"kode": k, "nama": k, "bobot": 10} for k in komponen],
            "hasil": [{"tahun": 2019, "nilai": {k: draw(decimals(0, 10, 2)) for k in komponen
                                                  if draw(st.booleans())}}]}
    return data


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=laporan_acak())
def test_engine_never_raises(data: dict[str, Any]) -> None:
    rep = Laporan.model_validate(data)
    h = hitung(rep)
    assert isinstance(h, Hasil)
    found = list(nilai_in(h))
    assert found, "the walk found no figure at all"
    for n in found:
        assert_number_or_reason(n)
    assert len(h.indikator) == sum(len(s["indikator"]) for s in data["sasaran"])
