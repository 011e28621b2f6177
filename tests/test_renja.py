"""The Evaluasi Hasil Renja of data/contoh-renja.yaml, every column worked by hand.

The example and its arithmetic are docs/renja.md section 6 (the research note's hand-worked
"s.d. Triwulan II" example, recomputed with Decimal): a negative `terakhir` program indicator
(IKP1), counts rolled up by sum (IKK1, ISK1), levels rolled up by the last quarter (IKK2,
ISK2), a sub kegiatan without money and with a target of 0 (S3, ISK3). Each expected figure
is a literal with its arithmetic beside it, never a value read back from the engine.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil_renja import HasilRenja, IndikatorRenja, SimpulRenjaHasil
from lkjip_cli.loader import load, load_text

D = Decimal
DATA = Path(__file__).resolve().parent.parent / "data" / "contoh-renja.yaml"
TEKS = DATA.read_text(encoding="utf-8")
JT = D(1_000_000)


def q(value: Decimal | None, places: int = 2) -> Decimal:
    assert value is not None, "expected a computed figure"
    return value.quantize(D(1).scaleb(-places), ROUND_HALF_UP)


def renja(teks: str = TEKS) -> HasilRenja:
    result = load_text(teks, "contoh-renja.yaml")
    assert result.report is not None, result.diagnostics
    hasil = hitung(result.report).renja
    assert hasil is not None
    return hasil


@pytest.fixture(scope="module")
def r() -> HasilRenja:
    return renja()


def ind(r: HasilRenja, kode: str) -> IndikatorRenja:
    return next(i for i in r.indikator if i.kode == kode)


def node(r: HasilRenja, kode: str) -> SimpulRenjaHasil:
    return next(s for s in r.simpul if s.kode == kode)


P, K1, S1, K2, S2, S3 = ("1.02.02", "1.02.02.2.01", "1.02.02.2.01.0014", "1.02.02.2.02",
                         "1.02.02.2.02.0001", "1.02.02.2.02.0002")


def test_the_example_validates_and_rows_follow_the_tree(r: HasilRenja) -> None:
    assert load(DATA).ok
    assert [s.kode for s in r.simpul] == [P, K1, S1, K2, S2, S3]
    assert [s.tingkat for s in r.simpul] == [0, 1, 2, 1, 2, 2]
    assert r.sampai == 2
    assert node(r, P).sasaran == ("Meningkatnya derajat kesehatan ibu dan anak",)
    # penanggung_jawab is inherited downward: S3 from K2, S1 from the program
    assert node(r, S3).penanggung_jawab == "Bidang Kesehatan Masyarakat"
    assert node(r, S2).penanggung_jawab == "Seksi Kesehatan Keluarga"
    assert node(r, S1).penanggung_jawab == "Bidang Pelayanan Kesehatan"


# ------------------------------------------------------------------------------ Rp


@pytest.mark.parametrize(("kode", "k5", "k6", "k7", "tw1", "tw2", "k12", "k14"), [
    # 5 = Σ pagu_renstra 2021-2026; 6 = Σ realisasi 2021-2022; 14 = 6 + 12 (juta rupiah)
    (S1, 700 + 750 + 800 + 850 + 900 + 1000, 650 + 700, 800, 50, 150, 200, 1350 + 200),
    (S2, 300 + 350 + 400 + 400 + 450 + 500, 280 + 330, 400, 80, 100, 180, 610 + 180),
    (S3, 150 + 150, 0, 0, 0, 0, 0, 0),
    (K1, 5000, 1350, 800, 50, 150, 200, 1550),          # = S1
    (K2, 2400 + 300, 610 + 0, 400, 80, 100, 180, 790),  # S2 + S3
    (P, 5000 + 2700, 1350 + 610, 1200, 130, 250, 380, 2340),
])
def test_rupiah_columns(r: HasilRenja, kode: str, k5: int, k6: int, k7: int, tw1: int,
                        tw2: int, k12: int, k14: int) -> None:
    s = node(r, kode)
    assert s.pagu_renstra.nilai == k5 * JT
    assert s.realisasi_lalu.nilai == k6 * JT
    assert s.pagu.nilai == k7 * JT
    assert [t.nilai if t else None for t in s.triwulan] == [tw1 * JT, tw2 * JT, None, None]
    assert s.realisasi.nilai == k12 * JT
    assert s.realisasi_kumulatif.nilai == k14 * JT


@pytest.mark.parametrize(("kode", "k13", "k15"), [
    (S1, D("25.00"), D("31.00")),     # 200/800; 1.550/5.000
    (S2, D("45.00"), D("32.92")),     # 180/400; 790/2.400 = 32,9166...
    (K1, D("25.00"), D("31.00")),
    (K2, D("45.00"), D("29.26")),     # 790/2.700 = 29,2592...
    (P, D("31.67"), D("30.39")),      # 380/1.200 = 31,666...; 2.340/7.700 = 30,3896...
])
def test_rupiah_tingkat_capaian(r: HasilRenja, kode: str, k13: Decimal, k15: Decimal) -> None:
    assert q(node(r, kode).capaian.nilai) == k13
    assert q(node(r, kode).capaian_renstra.nilai) == k15


def test_a_node_without_money_has_no_renja_capaian_but_a_renstra_one(r: HasilRenja) -> None:
    s = node(r, S3)
    assert s.capaian.nilai is None and s.capaian.alasan == "pagu bernilai 0"
    assert s.capaian_renstra.nilai == 0  # 0 / 300 juta


# ------------------------------------------------------------------------------- K


@pytest.mark.parametrize(("kode", "k5", "k6", "tw", "k12", "k14"), [
    ("IKP1", 8, 11, (9, 8), 8, 8),                 # terakhir: T2026, R2022, last quarter
    ("IKK1", 18 + 20 + 20 + 22 + 22 + 24, 17 + 21, (4, 7), 4 + 7, 38 + 11),
    ("ISK1", 30 + 35 + 40 + 40 + 45 + 50, 28 + 36, (10, 6), 16, 64 + 16),
    ("IKK2", 100, 96, (24, 52), 52, 52),           # a level: never 24 + 52 nor 96 + 52
    ("ISK2", 95, 86, (20, 45), 45, 45),
    ("ISK3", 0, 2 + 1, (0, 0), 0, 3 + 0),
])
def test_kinerja_columns(r: HasilRenja, kode: str, k5: int, k6: int, tw: tuple[int, int],
                         k12: int, k14: int) -> None:
    i = ind(r, kode)
    assert i.target_renstra.nilai == k5
    assert i.realisasi_lalu.nilai == k6
    assert i.triwulan == (D(tw[0]), D(tw[1]), None, None)
    assert i.realisasi.nilai == k12
    assert i.realisasi_kumulatif.nilai == k14


@pytest.mark.parametrize(("kode", "k13", "k15"), [
    ("IKP1", D("120.00"), D("100.00")),   # (2·10 − 8)/10; (2·8 − 8)/8
    ("IKK1", D("55.00"), D("38.89")),     # 11/20; 49/126 = 38,888...
    ("ISK1", D("40.00"), D("33.33")),     # 16/40; 80/240
    ("IKK2", D("52.00"), D("52.00")),     # 52/100; 52/100
    ("ISK2", D("50.00"), D("47.37")),     # 45/90; 45/95 = 47,368...
])
def test_kinerja_tingkat_capaian(r: HasilRenja, kode: str, k13: Decimal, k15: Decimal) -> None:
    assert q(ind(r, kode).capaian.nilai) == k13
    assert q(ind(r, kode).capaian_renstra.nilai) == k15


def test_target_zero_is_not_computable_under_the_default_rule(r: HasilRenja) -> None:
    i = ind(r, "ISK3")
    assert i.capaian.nilai is None
    assert i.capaian_renstra.nilai is None  # T = 0, R = 3


def test_averages_and_predikat(r: HasilRenja) -> None:
    # col 13 K: (120 + 55 + 40 + 52 + 50) / 5 = 63,40, ISK3 left out (target 0)
    assert r.rata_kinerja.nilai.nilai == D("63.40")
    assert r.rata_kinerja.predikat is not None
    assert r.rata_kinerja.predikat.kode == "Rendah"
    assert any("ISK3" in a for a in r.rata_kinerja.nilai.aturan)
    # col 15 K: (100 + 350/9 + 100/3 + 52 + 900/19) / 5 = 54,3181...
    assert q(r.rata_renstra_kinerja.nilai.nilai) == D("54.32")
    expected = (D(100) + D(350) / 9 + D(100) / 3 + D(52) + D(900) / 19) / 5
    assert r.rata_renstra_kinerja.nilai.nilai is not None
    assert abs(r.rata_renstra_kinerja.nilai.nilai - expected) < D("1e-20")
    # col 13 Rp: (31,666... + 25 + 25 + 45 + 45) / 5, S3 left out (pagu 0) = 34,33
    assert q(r.rata_anggaran.nilai.nilai) == D("34.33")
    assert r.rata_anggaran.predikat is not None
    assert r.rata_anggaran.predikat.kode == "Sangat Rendah"
    # col 15 Rp over all six nodes, S3's 0 included: 154,5655... / 6 = 25,76
    assert q(r.rata_renstra_anggaran.nilai.nilai) == D("25.76")


# ------------------------------------------------------------------------ variants


def test_rumus_negatif_t_over_r() -> None:
    teks = TEKS.replace("        polaritas: negatif\n        mendukung: [SS1]",
                        "        polaritas: negatif\n        rumus_negatif: T/R\n"
                        "        mendukung: [SS1]")
    i = ind(renja(teks), "IKP1")
    assert i.capaian.nilai == D("125")          # 10 / 8
    assert i.capaian_renstra.nilai == D("100")  # 8 / 8


def test_capaian_against_the_target_up_to_the_period() -> None:
    r = renja(TEKS.replace("  bentuk: 17-kolom", "  bentuk: 17-kolom\n"
                           "  capaian_renja_terhadap: periode"))
    got = {k: q(ind(r, k).capaian.nilai) for k in ("IKP1", "IKK1", "ISK1", "IKK2", "ISK2")}
    # (2·10−8)/10; 11/(5+5); 16/(10+10); 52/50 (TW II target); 45/45
    assert got == {"IKP1": D("120.00"), "IKK1": D("110.00"), "ISK1": D("80.00"),
                   "IKK2": D("104.00"), "ISK2": D("100.00")}
    assert r.rata_kinerja.nilai.nilai == D("102.80")  # 514 / 5
    assert r.rata_kinerja.predikat is not None
    assert r.rata_kinerja.predikat.kode == "Sangat Tinggi"


def test_target_zero_with_the_hundred_rule() -> None:
    r = renja(TEKS.replace("renstra: {mulai: 2021, selesai: 2026}\n",
                           "renstra: {mulai: 2021, selesai: 2026}\n"
                           "aturan: {target_nol: 100-jika-realisasi-0}\n"))
    i = ind(r, "ISK3")
    assert i.capaian.nilai == 100          # T = 0, R = 0
    assert i.capaian_renstra.nilai is None  # T = 0, R = 3


def test_cap_on_averages() -> None:
    r = renja(TEKS.replace("renstra: {mulai: 2021, selesai: 2026}\n",
                           "renstra: {mulai: 2021, selesai: 2026}\n"
                           "aturan: {batas_atas: {nilai: 100, berlaku: [rata-rata]}}\n"))
    assert r.rata_kinerja.nilai.nilai == D("59.40")  # (100 + 55 + 40 + 52 + 50) / 5


def test_program_rows_only() -> None:
    r = renja(TEKS.replace("  bentuk: 17-kolom", "  bentuk: 17-kolom\n  rata_rata: program"))
    assert r.rata_renstra_kinerja.nilai.nilai == 100
    assert q(r.rata_anggaran.nilai.nilai) == D("31.67")


def test_first_renstra_year_has_no_column_six() -> None:
    r = renja(TEKS.replace("renstra: {mulai: 2021, selesai: 2026}",
                           "renstra: {mulai: 2023, selesai: 2026}"))
    i = ind(r, "IKK1")
    assert i.realisasi_lalu.nilai is None
    assert i.realisasi_kumulatif.nilai == 11  # = column 12
    s = node(r, S1)
    assert s.realisasi_kumulatif.nilai == 200 * JT
    # col 5 over 2023-2026 only: 800 + 850 + 900 + 1.000
    assert s.pagu_renstra.nilai == 3550 * JT


def test_whole_year_leaves_no_quarter_blank() -> None:
    r = renja(TEKS.replace("  sampai: TW2\n", "  sampai: TW4\n"))
    assert r.sampai == 4
    s = node(r, S1)
    # only two quarters were given: TW III and IV are not computable, not 0
    assert s.triwulan[2] is not None and s.triwulan[2].nilai is None


def test_a_file_without_the_block_has_no_evaluation() -> None:
    teks = TEKS[:TEKS.index("evaluasi_renja:")]
    result = load_text(teks)
    assert result.report is not None
    assert hitung(result.report).renja is None


# --------------------------------------------------------------------------- check


def _temuan(teks: str) -> list[tuple[str, str, str]]:
    from lkjip_cli.audit import Tingkat, audit

    result = load_text(teks, "contoh-renja.yaml")
    assert result.report is not None, result.diagnostics
    return [(t.lokasi, t.kolom, t.tingkat.value) for t in audit(hitung(result.report)).temuan
            if t.tingkat is not Tingkat.COCOK]


def test_the_example_checks_clean() -> None:
    assert _temuan(TEKS) == []


def test_check_catches_what_naive_regional_formulas_print() -> None:
    # IKP1's quarters summed (9 + 8 = 17) instead of the last one; IKK2's "6 + 12" would be
    # 96 + 52 = 148 for a percentage; a zero pagu printed as capaian 0.
    teks = (TEKS.replace('realisasi: {E.81: 8}                         # TW II',
                         'realisasi: {E.81: 17}                        # TW II')
            .replace('rata_rata_capaian_kinerja: {E.81: "63,40"}',
                     'rata_rata_capaian_kinerja: {E.81: "59,40"}'))
    found = _temuan(teks)
    assert ("IKP1 (Evaluasi Renja)", "Realisasi", "selisih") in found
    assert ("Evaluasi Hasil Renja", "Rata-rata capaian kinerja Renja (%)", "selisih") in found


# ------------------------------------------------------------------ cascade checks


def _kode(teks: str) -> list[tuple[str, str, str]]:
    result = load_text(teks, "contoh-renja.yaml")
    return [(d.code, d.severity.value, d.path) for d in result.diagnostics]


def test_the_example_has_no_diagnostic() -> None:
    assert _kode(TEKS) == []


def test_an_iku_no_program_supports() -> None:
    teks = (TEKS.replace("    mendukung: [IKU1]\n", "")
            .replace("        mendukung: [SS1]\n", ""))
    assert _kode(teks) == [("kaskade-iku-tanpa-program", "warning",
                            "sasaran[0].indikator[0].kode")]


def test_a_program_indicator_no_kegiatan_indicator_supports() -> None:
    teks = TEKS.replace(
        "    dilaporkan:\n      pagu_renstra_akhir",
        "      - {kode: IKP2, nama: Indeks lain, satuan: indeks, target: 1}\n"
        "    dilaporkan:\n      pagu_renstra_akhir").replace(
        "            rekap_triwulan: jumlah             # rekap_renstra: jumlah (bawaan)",
        "            rekap_triwulan: jumlah\n            mendukung: [IKP1]").replace(
        "            satuan: \"%\"\n            target: 100",
        "            satuan: \"%\"\n            mendukung: [IKP1]\n            target: 100")
    got = [d for d in _kode(teks) if d[0] == "kaskade-ikp-tanpa-kegiatan"]
    assert got == [("kaskade-ikp-tanpa-kegiatan", "warning", "program[0].indikator[1].kode")]


def test_quarterly_money_that_does_not_add_up() -> None:
    teks = TEKS.replace("realisasi_triwulan: [50000000, 150000000]",
                        "realisasi_triwulan: [50000000, 140000000]")
    assert _kode(teks) == [("realisasi-triwulan", "warning",
                            "program[0].kegiatan[0].rincian[0].realisasi_triwulan")]


def test_missing_renstra_years() -> None:
    teks = TEKS.replace("2025: 9, 2026: 8}", "2025: 9}")
    assert _kode(teks) == [("kaskade-renstra-tidak-lengkap", "warning",
                            "program[0].indikator[0].kode")]


def test_unknown_and_duplicate_codes_of_node_indicators() -> None:
    teks = TEKS.replace("mendukung: [SS1]", "mendukung: [SS9]").replace(
        "          - kode: IKK2\n", "          - kode: IKK1\n")
    got = _kode(teks)
    assert ("unknown-ref", "error", "program[0].indikator[0].mendukung[0]") in got
    assert ("duplicate-kode", "error", "program[0].kegiatan[1].indikator[0].kode") in got


# ---------------------------------------------------------------------- surfaces


def test_the_xlsx_sheet_recalculates_to_the_hand_worked_figures(tmp_path: Path) -> None:
    pytest.importorskip("formulas")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from rekalkulasi import bandingkan, hitung_ulang

    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja

    result = load_text(TEKS)
    assert result.report is not None
    h = hitung(result.report)
    wb, lembar = buku_kerja(h, bab=[], tabel=["renja"])
    path = tmp_path / "renja.xlsx"
    wb.save(path)
    nilai = hitung_ulang(path)
    n, beda = bandingkan(lembar, nilai, h.laporan.aturan)
    assert beda == []
    assert n >= 30
    sheet = lembar[0].ws.title.upper()
    assert sheet == "TABEL E.81"  # the form's printed label; it was "Tabel renja", its key
    # row 4 is program 1.02.02; V = (13) K, W = (13) Rp, Z = (15) K, AA = (15) Rp
    assert nilai[f"{sheet}!V4"] == pytest.approx(120.0)       # (2 x 10 - 8) / 10 x 100
    assert nilai[f"{sheet}!W4"] == pytest.approx(31.67)       # 380 / 1.200 x 100
    assert nilai[f"{sheet}!AA4"] == pytest.approx(30.39)      # 2.340 / 7.700 x 100
    assert nilai[f"{sheet}!K4"] == pytest.approx(1_200_000_000)  # 800 + 400 juta
    assert nilai[f"{sheet}!Y5"] == pytest.approx(1_550_000_000)  # 1.350 + 200 juta
    assert nilai[f"{sheet}!X5"] == pytest.approx(49)          # IKK1: 38 + 11


def test_the_xlsx_sheet_rounds_as_the_forms_place_says(tmp_path: Path) -> None:
    # aturan.per_tempat for E.81: one decimal, truncated. Program 1.02.02's (13) Rp is
    # 380 / 1.200 x 100 = 31,666... -> 31,6 (not 31,67); (15) Rp 2.340 / 7.700 x 100 =
    # 30,389... -> 30,3; IKK1's (15) K 49 / 126 x 100 = 38,888... -> 38,8. Tabel 3.13 keeps
    # the report's rule: 31,67.
    pytest.importorskip("formulas")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from rekalkulasi import bandingkan, hitung_ulang

    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja

    teks = TEKS.replace("periode: {sampai: TW2}\n", "periode: {sampai: TW2}\naturan:\n"
                        "  per_tempat:\n    E.81: {desimal: 1, pembulatan: down}\n")
    result = load_text(teks)
    assert result.report is not None
    h = hitung(result.report)
    wb, lembar = buku_kerja(h, bab=[], tabel=["renja", "3.13"])
    path = tmp_path / "renja.xlsx"
    wb.save(path)
    nilai = hitung_ulang(path)
    renja_lb, t313 = lembar
    assert bandingkan([renja_lb], nilai, h.laporan.aturan_di("renja"))[1] == []
    assert bandingkan([t313], nilai, h.laporan.aturan)[1] == []
    sheet, s313 = renja_lb.ws.title.upper(), t313.ws.title.upper()
    assert renja_lb.ws["W4"].value == '=IF(K4=0,"n/a",ROUNDDOWN(U4/K4*100,1))'
    assert nilai[f"{sheet}!W4"] == pytest.approx(31.6)
    assert nilai[f"{sheet}!AA4"] == pytest.approx(30.3)
    assert nilai[f"{sheet}!Z5"] == pytest.approx(38.8)
    assert nilai[f"{s313}!E4"] == pytest.approx(31.67)


def test_two_documents_rounding_their_own_ways_do_not_contradict() -> None:
    # E.81 truncates to one decimal: 31,6 there and 31,67 in Tabel 3.13 are one 31,666...
    teks = TEKS.replace("periode: {sampai: TW2}\n", "periode: {sampai: TW2}\naturan:\n"
                        "  per_tempat:\n    E.81: {desimal: 1, pembulatan: down}\n")
    teks = teks.replace('penyerapan: {"3.13": "31,67", E.81: "31,67"}',
                        'penyerapan: {"3.13": "31,67", E.81: "31,6"}')
    assert ("1.02.02", "Penyerapan (%)", "pembulatan") not in _temuan(teks)
    assert not any(t[2] == "selisih" and t[0] == "1.02.02" for t in _temuan(teks))


def test_the_15_column_form_leaves_column_13_out() -> None:
    from lkjip_cli.tabel import bangun

    result = load_text(TEKS.replace("bentuk: 17-kolom", "bentuk: 15-kolom"))
    assert result.report is not None
    [t] = bangun(hitung(result.report), ["renja"])
    judul = [k.judul for k in t.kolom]
    assert len(judul) == 26  # 5 + 10 K/Rp pairs + 1
    assert judul[-3:] == ["(14) K", "(14) Rp", "(15) Unit Perangkat Daerah Penanggung Jawab"]
    legenda = t.catatan[0]
    assert "capaian Renja" not in legenda
    assert "(13) Realisasi Renstra s.d. 2023; (14) Tingkat capaian Renstra s.d. 2023 (%)" in \
        legenda
    assert t.nomor_judul == "Tabel E.81"


def test_rkpd_words() -> None:
    from lkjip_cli.tabel import bangun

    result = load_text(TEKS.replace("bentuk: 17-kolom", "tingkat_dokumen: rkpd"))
    assert result.report is not None
    [t] = bangun(hitung(result.report), ["renja"])
    assert t.judul[0] == "Evaluasi terhadap Hasil RKPD"
    assert "(5) Target RPJMD akhir periode (2026)" in t.catatan[0]


def test_word_prints_the_form_in_two_parts() -> None:
    """Word: the K columns, then the Rp columns (tests/test_renja_word.py measures them)."""
    pytest.importorskip("docx")
    import io

    import docx

    from lkjip_cli.render.docx import dokumen_docx

    result = load_text(TEKS)
    assert result.report is not None
    data = dokumen_docx(hitung(result.report), bab=[], tabel=["renja"])
    doc = docx.Document(io.BytesIO(data))
    k, rp = [t for t in doc.tables if len(t.columns) in (18, 13)]  # 5 + 11 + 2; 2 + 11
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert "Tabel E.81\nEvaluasi terhadap Hasil Renja Perangkat Daerah" in teks
    assert any(s.orientation == 1 for s in doc.sections)  # landscape
    assert "120,00" in {c.text for row in k.rows for c in row.cells}
    assert "1.200.000.000" in {c.text for row in rp.rows for c in row.cells}


def test_rkpd_recap_ranks_programs_of_many_opd(tmp_path: Path) -> None:
    from lkjip_cli.banyak.rekap import ringkas_berkas, susun

    a = tmp_path / "a.yaml"
    a.write_text(TEKS, encoding="utf-8")
    b = tmp_path / "b.yaml"
    # another OPD whose IKP1 ends TW II at 9: (2 x 10 - 9) / 10 x 100 = 110
    b.write_text(TEKS.replace("Dinas Kesehatan Kabupaten Contoh", "Dinas Lain Contoh")
                 .replace("          - {target: 10, realisasi: 8}\n          - {target: 10}\n"
                          "          - {target: 10}\n        target_renstra",
                          "          - {target: 10, realisasi: 9}\n          - {target: 10}\n"
                          "          - {target: 10}\n        target_renstra"),
                 encoding="utf-8")
    rows = [ringkas_berkas(str(p)) for p in (b, a)]
    r = susun(rows, urut="capaian")
    got = [(x.instansi.split(" (")[0], x.program.kode, x.program.capaian_kinerja, x.peringkat)
           for x in r.rkpd]
    assert got == [("Dinas Kesehatan Kabupaten Contoh", "1.02.02", D("120"), 1),
                   ("Dinas Lain Contoh", "1.02.02", D("110"), 2)]
    assert r.rkpd[0].program.predikat_kinerja == "Sangat Tinggi"
    # by anggaran: both 380 / 1.200 x 100 = 31,666...: one rank, Sangat Rendah
    r = susun(rows, urut="serapan")
    assert [x.peringkat for x in r.rkpd] == [1, 1]
    assert q(r.rkpd[0].program.capaian_anggaran) == D("31.67")
    assert r.rkpd[0].program.predikat_anggaran == "Sangat Rendah"


def test_explain_gives_every_column_of_a_node_indicator() -> None:
    from lkjip_cli.render.teks.jelaskan import jelaskan, semua_ref

    result = load_text(TEKS, "contoh-renja.yaml")
    assert result.report is not None
    h = hitung(result.report)
    lines = jelaskan(h, "IKP1", result.source)
    assert lines is not None
    text = "\n".join(lines)
    assert "(13) Tingkat capaian Renja: 120,00%" in text       # (2 x 10 - 8) / 10 x 100
    assert "(15) Tingkat capaian Renstra: 100,00%" in text
    assert "IKP1" in semua_ref(h) and "renja" in semua_ref(h)
    renja_lines = jelaskan(h, "renja", result.source)
    assert renja_lines is not None
    assert "Rata-rata capaian kinerja Renja: 63,40%" in "\n".join(renja_lines)


def test_an_interim_lkjip_measures_kegiatan_indicators_to_the_period(r: HasilRenja) -> None:
    # Tabel 3.8 of the same file, s.d. TW II: IKK1 11 / (5 + 5) = 110; IKK2 52 / 50 = 104,
    # while the form's column 13 compares with the year's target (55 and 52)
    result = load_text(TEKS)
    assert result.report is not None
    h = hitung(result.report)
    got = {i.kode: i.capaian.nilai for k in h.kegiatan for i in k.indikator}
    assert got == {"IKK1": D(110), "IKK2": D(104)}


def test_one_figure_two_documents() -> None:
    from lkjip_cli.audit import audit

    teks = TEKS.replace('penyerapan: {"3.13": "31,67", E.81: "31,67"}',
                        'penyerapan: {"3.13": "31,67", E.81: "31,76"}')
    result = load_text(teks)
    assert result.report is not None
    found = [t for t in audit(hitung(result.report)).temuan if t.jenis == "konsistensi"]
    assert len(found) == 1
    t = found[0]
    assert (t.tabel, t.lokasi, t.dicetak, t.dihitung) == ("Tabel E.81", "1.02.02",
                                                          D("31.76"), D("31.67"))
    assert "Tabel 3.13 mencetak 31,67, Tabel E.81 mencetak 31,76" in t.keterangan
    assert _temuan(TEKS) == []  # printed alike in both: nothing


def test_money_without_an_indicator_where_the_file_requires_one() -> None:
    import yaml

    data = yaml.safe_load(TEKS)
    del data["program"][0]["kegiatan"][0]["indikator"]            # K1 keeps its 800 juta
    del data["program"][0]["kegiatan"][1]["rincian"][1]["indikator"]  # S3: no money
    data["evaluasi_renja"]["wajib_indikator"] = ["kegiatan", "Sub Kegiatan"]
    got = [d for d in _kode(yaml.safe_dump(data, allow_unicode=True))
           if d[0] == "kaskade-anggaran-tanpa-indikator"]
    assert got == [("kaskade-anggaran-tanpa-indikator", "warning",
                    "program[0].kegiatan[0].kode")]


def test_a_node_with_two_indicators_prints_its_money_once_and_merges_it() -> None:
    from lkjip_cli.tabel import bangun, rentang_gabung

    teks = TEKS.replace(
        "    dilaporkan:\n      pagu_renstra_akhir",
        "      - {kode: IKP2, nama: Indeks lain, satuan: indeks, target: 1, realisasi: 1}\n"
        "    dilaporkan:\n      pagu_renstra_akhir")
    result = load_text(teks)
    assert result.report is not None
    [t] = bangun(hitung(result.report), ["renja"])
    first, second = t.baris[0], t.baris[1]
    assert first.sel[0].nilai == "1.02.02" and second.sel[0].nilai == ""
    assert second.sel[3].nilai == "Indeks lain"
    assert second.sel[6].nilai == ""           # (5) Rp printed once, on the node's row
    assert second.sel[9].nilai == 1            # (7) K of IKP2
    merged = rentang_gabung(t)
    assert (0, 0, 1) in merged and (6, 0, 1) in merged and (20, 0, 1) in merged
    assert not any(c == 5 for c, _, _ in merged)  # K columns never merge


def test_markdown_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    """The form as `lkjip render --tabel renja` prints it; read by eye against docs/renja.md
    section 6 when written (rewrite with LKJIP_UPDATE_GOLDEN=1 after reading the diff)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from snapshot import assert_matches_golden
    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app

    monkeypatch.chdir(DATA.parent.parent)
    result = CliRunner().invoke(app, ["render", "data/contoh-renja.yaml", "--tabel", "renja"],
                                env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert result.exit_code == 0
    assert_matches_golden("renja.md", result.stdout,
                          "lkjip render data/contoh-renja.yaml --tabel renja")


def test_next_years_starter_carries_the_cascade() -> None:
    from lkjip_cli.model.kerangka import kerangka_lanjutan

    result = load_text(TEKS)
    assert result.report is not None
    lanjut = load_text(kerangka_lanjutan(result.report, "contoh-renja.yaml"))
    assert [d.code for d in lanjut.diagnostics if d.is_error] == []
    lap = lanjut.report
    assert lap is not None and lap.tahun == 2024
    prog = lap.program[0]
    assert prog.indikator[0].target == 9          # target_renstra 2024 of IKP1
    assert prog.indikator[0].realisasi is None
    s1 = prog.kegiatan[0].rincian[0]
    assert s1.realisasi_triwulan == ()              # last year's quarters are not this year's
    assert 2023 not in s1.realisasi_sebelumnya      # an interim file's realisasi is no year's
    assert prog.kegiatan[0].pagu is None            # money stays at the leaves
    assert lap.evaluasi_renja is not None and lap.evaluasi_renja.faktor_pendorong is None


def test_check_reads_a_quarter_printed_in_the_form() -> None:
    # IKK1 is rolled up by sum: its TW II is 7 spent in the quarter, not 4 + 7 = 11
    teks = TEKS.replace("realisasi: {E.81: 7}", "realisasi: {E.81: 11}")
    assert _temuan(teks) == [("IKK1 TW 2", "Realisasi", "selisih")]


def test_a_program_indicator_is_checked_in_its_lkjip_table_too() -> None:
    # IKP1's LKjIP table is the capaian kinerja program (label 3.7a by default): printed
    # there, its capaian is the LKjIP's, (2 x 10 - 8) / 10 x 100 = 120,00, not 112,00
    teks = TEKS.replace('capaian: {E.81: "120,00"}', 'capaian: {"3.7a": "112,00"}')
    assert _temuan(teks) == [("IKP1", "Capaian (%)", "selisih")]


# ------------------------------------------- issue 22's indicator keys at every level

_IKP1 = ("        satuan: per 1.000 KH\n        polaritas: negatif\n"
         "        mendukung: [SS1]\n        target: 10\n")


def test_a_program_indicator_declared_a_share_cannot_pass_100() -> None:
    # jenis_persen sits on every indicator of the cascade: a program's outcome declared a
    # share with a target of 110% is as wrong as an IKU's; its kind is typed on the
    # workbook's Indikator Simpul sheet, or in the YAML.
    from lkjip_cli.audit import audit

    teks = TEKS.replace(_IKP1, '        satuan: "%"\n        jenis_persen: bagian\n'
                        "        mendukung: [SS1]\n        target: 110\n")
    result = load_text(teks, "contoh-renja.yaml")
    assert result.report is not None, result.diagnostics
    got = [t for t in audit(hitung(result.report)).temuan
           if t.jenis == "konsistensi" and t.lokasi == "IKP1"]
    assert [(t.kolom, t.dicetak) for t in got] == [("Target", Decimal(110))]
    assert "isi kolom 'Jenis persen' di lembar Indikator Simpul dengan rasio, laju atau " \
        "indeks (di YAML: jenis_persen: rasio)" in got[0].keterangan


def test_a_node_indicator_whose_kinds_contradict_is_refused() -> None:
    teks = TEKS.replace(_IKP1, _IKP1 + "        jenis_persen: laju\n"
                        "        persen_maks_100: true\n")
    assert ("jenis-persen", "error", "program[0].indikator[0].persen_maks_100") in _kode(teks)


def test_a_node_indicator_without_target_has_no_renja_capaian() -> None:
    # An empty target (issue 22) holds at every level: the form prints no tingkat capaian.
    teks = TEKS.replace(_IKP1, _IKP1.replace("        target: 10\n", ""))
    i = ind(renja(teks), "IKP1")
    assert i.target is None
    assert i.capaian.nilai is None
    assert i.realisasi.nilai == 8


def test_target_sebelumnya_belongs_to_an_iku_only() -> None:
    # Capaian across years is Tabel 3.6's, of IKUs: a node indicator has no such key.
    teks = TEKS.replace(_IKP1, _IKP1 + "        target_sebelumnya: {2022: 11}\n")
    assert [p for _, sev, p in _kode(teks) if sev == "error"] == [
        "program[0].indikator[0].target_sebelumnya"]
