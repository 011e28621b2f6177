"""Invariants of the Evaluasi Hasil Renja over random budget trees (hypothesis).

Whatever the tree: a node's pagu, realisasi and quarters are its children's sums; column 14
Rp is 6 + 12; each tingkat capaian Rp is 12 / 7 x 100 where the pagu is not 0; every
average lies between the least and the greatest of what it averaged; a K column of a `jumlah`
indicator is the sum of its quarters. The hand-worked figures are in tests/test_renja.py.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil_renja import HasilRenja, SimpulRenjaHasil
from lkjip_cli.model.laporan import Laporan

UANG = st.integers(0, 10**12).map(Decimal)
K = st.integers(0, 500).map(Decimal)


@st.composite
def _indikator(draw: st.DrawFn, kode: str) -> dict[str, Any]:
    quarters = draw(st.lists(st.tuples(K, K), min_size=0, max_size=4))
    return {"kode": kode, "nama": f"Indikator {kode}", "satuan": "unit",
            "polaritas": draw(st.sampled_from(["positif", "negatif"])),
            "rekap_triwulan": draw(st.sampled_from(["jumlah", "terakhir"])),
            "target": draw(K), "triwulan": [{"target": t, "realisasi": r} for t, r in quarters],
            "target_renstra": {y: draw(K) for y in range(2021, 2027)},
            "realisasi_sebelumnya": {y: draw(K) for y in (2021, 2022)}}


@st.composite
def _daun(draw: st.DrawFn, kode: str) -> dict[str, Any]:
    pagu = draw(UANG)
    tw = draw(st.lists(UANG, min_size=2, max_size=2))
    return {"kode": kode, "nama": f"Sub kegiatan {kode}", "pagu": pagu,
            "realisasi": sum(tw, Decimal(0)), "realisasi_triwulan": tw,
            "pagu_renstra": {y: draw(UANG) for y in range(2021, 2027)},
            "realisasi_sebelumnya": {2021: draw(UANG), 2022: draw(UANG)},
            "indikator": [draw(_indikator(f"I{kode}"))]}


@st.composite
def laporan_renja(draw: st.DrawFn) -> dict[str, Any]:
    program = []
    for p in range(draw(st.integers(1, 2))):
        kegiatan = []
        for k in range(draw(st.integers(1, 2))):
            rincian = [draw(_daun(f"{p}.{k}.{r}")) for r in range(draw(st.integers(1, 3)))]
            kegiatan.append({"kode": f"{p}.{k}", "nama": f"Kegiatan {p}.{k}",
                             "rincian": rincian, "indikator": [draw(_indikator(f"K{p}{k}"))]})
        program.append({"kode": f"P{p}", "nama": f"Program {p}", "mendukung": ["IKU1"],
                        "indikator": [draw(_indikator(f"P{p}"))], "kegiatan": kegiatan})
    return {"instansi": {"nama": "Dinas Acak"}, "tahun": 2023,
            "renstra": {"mulai": 2021, "selesai": 2026},
            "sasaran": [{"kode": "SS1", "nama": "Sasaran", "indikator": [
                {"kode": "IKU1", "nama": "IKU", "satuan": "%", "target": 1}]}],
            "program": program, "evaluasi_renja": {"sampai": "TW2"}}


def _renja(data: dict[str, Any]) -> HasilRenja:
    r = hitung(Laporan.model_validate(data)).renja
    assert r is not None
    return r


def _anak(r: HasilRenja, s: SimpulRenjaHasil) -> list[SimpulRenjaHasil]:
    i = r.simpul.index(s)
    out = []
    for x in r.simpul[i + 1:]:
        if x.tingkat <= s.tingkat:
            break
        if x.tingkat == s.tingkat + 1:
            out.append(x)
    return out


@settings(max_examples=25, deadline=None)
@given(laporan_renja())
def test_node_columns_add_up(data: dict[str, Any]) -> None:
    r = _renja(data)
    for s in r.simpul:
        anak = _anak(r, s)
        if anak:
            for pilih in (lambda x: x.pagu, lambda x: x.realisasi, lambda x: x.pagu_renstra,
                          lambda x: x.realisasi_lalu):
                assert pilih(s).nilai == sum((pilih(a).nilai or Decimal(0) for a in anak),
                                             Decimal(0))
        assert s.realisasi_kumulatif.nilai == (s.realisasi_lalu.nilai or 0) + (
            s.realisasi.nilai or 0)
        tw = [q.nilai for q in s.triwulan[:2] if q is not None]
        assert sum((v or Decimal(0) for v in tw), Decimal(0)) == s.realisasi.nilai
        assert s.triwulan[2] is None and s.triwulan[3] is None
        pagu, real = s.pagu.nilai, s.realisasi.nilai
        assert pagu is not None and real is not None
        if pagu:
            assert s.capaian.nilai is not None
            expected = real / pagu * 100  # 28 digits here, 50 in the engine
            assert abs(s.capaian.nilai - expected) <= abs(expected) * Decimal("1e-25")
        else:
            assert s.capaian.nilai is None


@settings(max_examples=25, deadline=None)
@given(laporan_renja())
def test_k_columns_and_averages(data: dict[str, Any]) -> None:
    r = _renja(data)
    for i in r.indikator:
        known = [q for q in i.triwulan if q is not None]
        if i.rekap_triwulan == "jumlah" and known:
            assert i.realisasi.nilai == sum(known, Decimal(0))
            assert i.realisasi_kumulatif.nilai == (i.realisasi_lalu.nilai or 0) + sum(
                known, Decimal(0))
        if i.rekap_triwulan == "terakhir" and known:
            assert i.realisasi.nilai == known[-1]
    for rata, nilai in ((r.rata_kinerja, [i.capaian.nilai for i in r.indikator]),
                        (r.rata_anggaran, [s.capaian.nilai for s in r.simpul])):
        ada = [v for v in nilai if v is not None]
        if ada:
            assert rata.nilai.nilai is not None
            with localcontext() as ctx:
                ctx.prec = 60  # the engine's figures carry 50 digits
                assert min(ada) - Decimal("1e-30") <= rata.nilai.nilai
                assert rata.nilai.nilai <= max(ada) + Decimal("1e-30")
        else:
            assert rata.nilai.nilai is None
