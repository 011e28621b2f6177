"""Derived indicators (formula, IKM) and the registries of averaging and efficiency methods,
each against a vector worked by hand from its rule (research note for issue 22, section 8),
never against values read back from the engine."""

from __future__ import annotations

import textwrap
import typing
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.angka import bulatkan
from lkjip_cli.engine import hitung
from lkjip_cli.engine.efisiensi import METODE_EFISIENSI, nilai_efisiensi_pmk
from lkjip_cli.engine.hasil import Anggaran, Hasil
from lkjip_cli.engine.ikm import METODE_IKM, mutu
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.engine.rata_rata import METODE_RATA_RATA, rata_geometrik
from lkjip_cli.loader import load_text
from lkjip_cli.model.hitungan import MetodeBawaan
from lkjip_cli.model.laporan import MetodeEfisiensi, MetodeRataRata

D = Decimal


def hasil(text: str) -> Hasil:
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return hitung(loaded.report)


def r2(v: Decimal | None, places: int = 2) -> Decimal:
    assert v is not None
    return bulatkan(v, places, "half-up")


KEPALA = textwrap.dedent("""\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    """)

IKM_1 = KEPALA + textwrap.dedent("""\
    sasaran:
      - kode: SS1
        nama: Meningkatnya kepuasan layanan
        indikator:
          - kode: IKU1
            nama: Indeks Kepuasan Masyarakat
            satuan: indeks
            target: 85
            hitung:
              bawaan: ikm-permenpan-rb-14-2017
              responden: 29
              masukan: {u1: 105, u2: 101, u3: 100, u4: 116, u5: 102, u6: 105, u7: 106,
                        u8: 105, u9: 115}
    """)


def test_ikm_permenpan_14_2017_dari_jumlah_nilai() -> None:
    # IKM-1a: 955 / (29 x 9) x 25 = 91,4751 -> 91,48, mutu A (>= 88,31).
    ind = hasil(IKM_1).indikator[0]
    assert ind.hitungan is not None
    assert r2(ind.realisasi) == D("91.48")
    assert r2(ind.hitungan.nilai_indeks.nilai if ind.hitungan.nilai_indeks else None, 4) \
        == D("3.6590")
    assert ind.hitungan.mutu is not None and ind.hitungan.mutu.kode == "A"
    assert ind.hitungan.mutu.sebutan == "Sangat Baik"
    # NRR u1 = 105 / 29 = 3,6207
    assert r2(dict(ind.hitungan.nrr)["u1"].nilai, 4) == D("3.6207")
    # capaian = 91,4751 / 85 x 100 = 107,62
    assert r2(ind.capaian.nilai) == D("107.62")


def test_ikm_kepmenpan_25_2004_dari_nrr() -> None:
    # IKM-2b: 14 NRR summing to 43,08; 43,08 / 14 x 25 = 76,9286 -> 76,93, mutu B (2004).
    nrr = ["3.06", "2.98", "3.06", "2.9", "3.06", "3.14", "3.04", "3.06", "3.18", "3.08",
           "3.2", "3.18", "3.1", "3.04"]
    masukan = ", ".join(f"u{i + 1}: {v}" for i, v in enumerate(nrr))
    text = IKM_1.replace("ikm-permenpan-rb-14-2017", "ikm-kepmenpan-25-2004").split(
        "          responden:")[0] + f"          masukan: {{{masukan}}}\n"
    ind = hasil(text).indikator[0]
    assert r2(ind.realisasi) == D("76.93")
    assert ind.hitungan is not None and ind.hitungan.mutu is not None
    assert ind.hitungan.mutu.kode == "B"


@pytest.mark.parametrize(("ikm", "kode"), [
    ("88.30", "B"), ("88.305", "B"), ("88.31", "A"), ("64.99", "D"), ("65.00", "C"),
    ("76.60", "C"), ("76.61", "B"),
])
def test_pita_ikm_2017(ikm: str, kode: str) -> None:
    band = mutu("ikm-permenpan-rb-14-2017", D(ikm))
    assert band is not None and band.kode == kode


RUMUS = KEPALA + textwrap.dedent("""\
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - kode: IKU1
            nama: Persentase perkara diselesaikan tepat waktu
            satuan: "%"
            target: 90
            hitung:
              masukan: {diselesaikan: 42, diterima: 45}
              realisasi: "diselesaikan / diterima * 100"
    """)


def test_realisasi_dari_rumus() -> None:
    ind = hasil(RUMUS).indikator[0]
    # 42 / 45 x 100 = 93,33; capaian 93,333 / 90 x 100 = 103,70
    assert r2(ind.realisasi) == D("93.33")
    assert r2(ind.capaian.nilai) == D("103.70")
    assert ind.hitungan is not None
    assert [m.nama for m in ind.hitungan.realisasi.masukan] == ["diselesaikan", "diterima"]
    assert ind.hitungan.realisasi.masukan[0].sumber == (
        "sasaran", 0, "indikator", 0, "hitung", "masukan", "diselesaikan")


def test_rumus_dibagi_nol_tidak_dapat_dihitung() -> None:
    ind = hasil(RUMUS.replace("diterima: 45", "diterima: 0")).indikator[0]
    assert ind.realisasi is None
    assert ind.hitungan is not None and "pembagian dengan 0" in str(ind.hitungan.realisasi.alasan)


@pytest.mark.parametrize(("ganti", "kata"), [
    ('"diselesaikan / diterima * 100"', "pangkat"),
    ('"diselesaikan / diterma * 100"', "maksudnya `diterima`"),
])
def test_rumus_salah_ditolak_saat_dimuat(ganti: str, kata: str) -> None:
    bad = {"pangkat": '"diselesaikan / diterima ** 2"',
           "maksudnya `diterima`": '"diselesaikan / diterma * 100"'}[kata]
    loaded = load_text(RUMUS.replace(ganti, bad) if ganti != bad else RUMUS.replace(
        '"diselesaikan / diterima * 100"', bad))
    assert loaded.report is None
    [d] = loaded.diagnostics
    assert d.code == "rumus" and kata in d.message and d.line == 14
    # The column of the offending character in the file: the formula's quote is at column
    # 22 of line 14, so its k-th character is at column 22 + k.
    kolom = {"pangkat": 25, "maksudnya `diterima`": 16}[kata]
    assert d.column == 22 + kolom


def test_realisasi_dan_hitung_tidak_bersama() -> None:
    loaded = load_text(RUMUS.replace("        hitung:\n",
                                     "        realisasi: 93\n        hitung:\n"))
    assert loaded.report is None
    assert any("hapus `realisasi`" in d.message for d in loaded.diagnostics)


# ------------------------------------------------------------- averaging methods

DUA = KEPALA + textwrap.dedent("""\
    aturan:
      rata_rata: {metode: METODE}
      efisiensi: {sasaran: EFISIENSI, keseluruhan: EFISIENSI}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - {kode: IKU1, nama: Indikator satu, satuan: "%", target: 80, realisasi: 84}
          - {kode: IKU2, nama: Indikator dua, satuan: "%", target: 90, realisasi: 81}
    program:
      - kode: P1
        nama: Program satu
        kegiatan:
          - {kode: K1, nama: Kegiatan satu, pagu: 100000000, realisasi: 90000000,
             mendukung: [IKU1]}
          - {kode: K2, nama: Kegiatan dua, pagu: 300000000, realisasi: 294000000,
             mendukung: [IKU2]}
    """)


def dua(metode: str = "rata-rata", efisiensi: str = "selisih") -> Hasil:
    return hasil(DUA.replace("METODE", metode).replace("EFISIENSI", efisiensi))


@pytest.mark.parametrize(("metode", "benar"), [
    ("rata-rata", "97.50"),              # (105 + 90) / 2
    ("rasio-rata-rata", "97.06"),        # 165 / 170 x 100 = 97,0588
    ("tertimbang-pagu", "93.75"),        # (105 x 100 + 90 x 300) / 400
    ("geometrik-pmk-22-2021", "97.21"),  # sqrt(1,05 x 0,90) = 0,972111
])
def test_metode_rata_rata(metode: str, benar: str) -> None:
    h = dua(metode)
    assert r2(h.sasaran[0].capaian.nilai) == D(benar)
    assert r2(h.rata_rata_capaian.nilai) == D(benar)


def test_rasio_rata_rata_menolak_satuan_berbeda() -> None:
    h = hasil(DUA.replace("METODE", "rasio-rata-rata").replace("EFISIENSI", "selisih")
              .replace('satuan: "%", target: 90', "satuan: orang, target: 90"))
    assert h.sasaran[0].capaian.nilai is None
    assert "satuan indikator berbeda" in str(h.sasaran[0].capaian.alasan)


PMK = KEPALA + textwrap.dedent("""\
    aturan:
      rata_rata: {metode: geometrik-pmk-22-2021, dasar: sasaran}
    sasaran:
      - kode: OP1a
        nama: Output program 1a
        indikator:
          - {kode: IOP1, nama: Indikator 1a1, satuan: unit, target: 5, realisasi: 5}
          - {kode: IOP2, nama: Indikator 1a2, satuan: unit, target: 10, realisasi: 9}
      - kode: OP1b
        nama: Output program 1b
        indikator:
          - {kode: IOP3, nama: Indikator 1b1, satuan: unit, target: 3, realisasi: 2}
          - {kode: IOP4, nama: Indikator 1b2, satuan: unit, target: 6, realisasi: 4}
          - {kode: IOP5, nama: Indikator 1b3, satuan: unit, target: 5, realisasi: 5}
    """)


def test_geometrik_pmk_22_2021_contoh_peraturan() -> None:
    # PMK 22/PMK.02/2021 Lampiran: COP per OP sqrt(0,9) = 94,87 and (4/9)^(1/3) = 76,31;
    # COP per program sqrt(0,948683 x 0,763143) = 85,09.
    h = hasil(PMK)
    assert [r2(s.capaian.nilai) for s in h.sasaran] == [D("94.87"), D("76.31")]
    assert r2(h.rata_rata_capaian.nilai) == D("85.09")
    # COP of the eselon I unit over program 1 (0,850871) and program 2 (1): 92,24.
    assert r2(rata_geometrik([D("0.8508709"), D(1)]) * 100) == D("92.24")
    assert rata_geometrik([D(0), D(1)]) == 0


# ------------------------------------------------------------ efficiency methods

@pytest.mark.parametrize(("metode", "benar", "places"), [
    ("selisih", "1.50", 2),                     # 97,50 - 96,00
    ("selisih-rata-rata-serapan", "3.50", 2),   # 97,50 - (90 + 98) / 2
    ("sisa-anggaran", "4.00", 2),               # 100 - 96,00
    ("rasio", "101.56", 2),                     # 97,50 / 96,00 x 100
    ("indeks-efisiensi", "1.016", 3),           # 97,50 / 96,00 = 1,015625
])
def test_metode_efisiensi(metode: str, benar: str, places: int) -> None:
    h = dua(efisiensi=metode)
    assert r2(h.sasaran[0].efisiensi.nilai, places) == D(benar)


def test_indeks_efisiensi_te() -> None:
    eff = dua(efisiensi="indeks-efisiensi").sasaran[0].efisiensi
    [te] = eff.turunan
    assert r2(te.nilai, 3) == D("0.016")
    assert eff.satuan == "indeks"


def _a(pagu: str, real: str) -> Anggaran:
    def n(v: str) -> Nilai:
        return Nilai(D(v), "isian", satuan="Rp")
    return Anggaran(n(pagu), n(real), n("0"), n("0"), ())


def test_nilai_efisiensi_pmk_22_2021() -> None:
    # EKA-2: RO1 pagu 100 jt, capaian 100%, realisasi 95 jt; RO2 50 jt, 80%, 48 jt:
    # E = (140 - 143) / 140 = -2,142857%; NE = 50 + E/20 x 50 = 44,64.
    parts = [("RO1", Nilai(D(100), "c"), _a("100000000", "95000000")),
             ("RO2", Nilai(D(80), "c"), _a("50000000", "48000000"))]
    ne = nilai_efisiensi_pmk("r", parts, D(20))
    assert r2(ne.nilai) == D("44.64")
    assert r2(ne.turunan[0].nilai, 6) == D("-2.142857")
    # EKA-3 (PMK 214/2017's data): E = 25,665%; NE 114,16 unbounded, 100 with E <= 20.
    parts = [("a", Nilai(D(122), "c"), _a("4000000000", "3800000000")),
             ("b", Nilai(D(80), "c"), _a("1000000000", "975000000")),
             ("c", Nilai(D(142), "c"), _a("5000000000", "4725000000"))]
    assert r2(nilai_efisiensi_pmk("r", parts, None).nilai) == D("114.16")
    assert r2(nilai_efisiensi_pmk("r", parts, D(20)).nilai) == D("100.00")


def test_nilai_efisiensi_pmk_dari_yaml() -> None:
    text = DUA.replace("METODE", "rata-rata").replace(
        "EFISIENSI", "nilai-efisiensi-pmk-22-2021").replace(
        "target: 80, realisasi: 84", "target: 100, realisasi: 100").replace(
        "target: 90, realisasi: 81", "target: 100, realisasi: 80").replace(
        "pagu: 100000000, realisasi: 90000000", "pagu: 100000000, realisasi: 95000000").replace(
        "pagu: 300000000, realisasi: 294000000", "pagu: 50000000, realisasi: 48000000")
    assert r2(hasil(text).sasaran[0].efisiensi.nilai) == D("44.64")


# ------------------------------------------------------------------ the registries

def test_registri_sama_dengan_format() -> None:
    """Every method the YAML can name has a registry entry with its source, and back."""
    assert set(typing.get_args(MetodeRataRata)) == set(METODE_RATA_RATA)
    assert set(typing.get_args(MetodeEfisiensi)) | {"output-input"} == set(METODE_EFISIENSI)
    assert set(typing.get_args(MetodeBawaan)) == set(METODE_IKM)
    docs = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text("utf-8")
    for m in (*METODE_RATA_RATA.values(), *METODE_EFISIENSI.values(), *METODE_IKM.values()):
        assert m.sumber and m.rumus and m.nama and m.excel
        assert f"`{m.kode}`" in docs, m.kode


# ------------------------------------------------------------------------ check

def temuan(text: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(kolom, path tail) -> (tingkat, keterangan) of every printed figure."""
    from lkjip_cli.audit import audit
    out = {}
    for t in audit(hasil(text)).temuan:
        if t.jenis == "dicetak":
            out[(t.kolom, str(t.path[-3:]))] = (t.tingkat.value, t.keterangan)
    return out


def test_check_ikm_bobot_salah() -> None:
    # IKM-1b: the tool printed 90,56 = 955/29 x 0,11 x 25 (weight 0,11 for 1/9); the NRR of
    # u1 3,62 (105/29 = 3,6207), the index 3,659, mutu A and kinerja Sangat Baik are right.
    text = IKM_1 + (
        "          dilaporkan:\n"
        '            nrr: {u1: {"3.5": "3,62"}}\n'
        # GASPUL prints NRR tertimbang 4,0000 x 0,11 = 0,4400 for u4 (116 / 29 = 4)
        '            nrr_tertimbang: {u4: {"3.5": 0.4400}}\n'
        '            nilai_indeks: {"3.5": 3.659}\n'
        '            mutu: {"3.5": A}\n'
        '            kinerja: {"3.5": Sangat Baik}\n'
        "        dilaporkan:\n"
        '          realisasi: {"3.5": "90,56"}\n')
    found = temuan(text)
    real = [v for (kolom, _), v in found.items() if kolom == "Realisasi"]
    assert real and real[0][0] == "selisih"
    assert "bobot 0,11, bukan 1/9" in real[0][1]
    others = {kolom: v[0] for (kolom, _), v in found.items()
              if kolom not in ("Realisasi", "NRR tertimbang")}
    assert others == {"NRR per unsur": "cocok", "Nilai indeks (1-4)": "cocok",
                      "Mutu pelayanan": "cocok", "Kinerja unit pelayanan": "cocok"}
    # 4 / 9 = 0,4444: the printed 0,4400 is 4 x 0,11.
    [tertimbang] = [v for (kolom, _), v in found.items() if kolom == "NRR tertimbang"]
    assert tertimbang[0] == "selisih" and "bobot 0,11, bukan 1/9" in tertimbang[1]


def test_check_rumus_tanpa_x100_dan_masukan_dicetak() -> None:
    text = RUMUS + (
        "          dilaporkan:\n"
        '            masukan: {diterima: {"3.5": 44}}\n'
        "        dilaporkan:\n"
        '          realisasi: {"3.5": "0,93", bab3: "95,45"}\n')
    found = temuan(text)
    by_place = {k[1]: v for k, v in found.items() if k[0] == "Realisasi"}
    assert any("rasio tanpa x 100" in v[1] for v in by_place.values())
    # 42 / 44 x 100 = 95,45: the report divided by the count it printed, not the file's.
    assert any("dihitung dari masukan yang dicetak (diterima 44)" in v[1]
               for v in by_place.values())
    masukan = [v for k, v in found.items() if k[0] == "Masukan rumus"]
    assert masukan and masukan[0][0] == "selisih"


def test_check_capaian_tanpa_x100() -> None:
    # 93,33... / 90 = 1,0370: a capaian printed as the ratio, without x 100.
    text = RUMUS + ("        dilaporkan:\n"
                    '          capaian: {"3.5": "1,04"}\n')
    [cap] = [v for k, v in temuan(text).items() if k[0] == "Capaian (%)"]
    assert cap[0] == "selisih" and "rasio tanpa x 100" in cap[1]


def test_check_ikm_2004_bobot_0071_dan_indeks_dibulatkan() -> None:
    # IKM-2a: 14 NRR summing to 43,08; the report printed 43,08 x 0,071 = 3,05868 -> 3,059,
    # then 3,059 x 25 = 76,475 (the exact rule gives 76,9286).
    nrr = ["3.06", "2.98", "3.06", "2.9", "3.06", "3.14", "3.04", "3.06", "3.18", "3.08",
           "3.2", "3.18", "3.1", "3.04"]
    masukan = ", ".join(f"u{i + 1}: {v}" for i, v in enumerate(nrr))
    text = IKM_1.replace("ikm-permenpan-rb-14-2017", "ikm-kepmenpan-25-2004").split(
        "          responden:")[0] + f"          masukan: {{{masukan}}}\n" + (
        "          dilaporkan:\n"
        '            nilai_indeks: {"3.5": 3.059}\n'
        "        dilaporkan:\n"
        '          realisasi: {"3.5": 76.475}\n')
    found = temuan(text)
    [real] = [v for k, v in found.items() if k[0] == "Realisasi"]
    assert real[0] == "selisih"
    assert "dihitung dengan bobot 0,071, bukan 1/14, indeks dibulatkan 3 desimal sebelum x 25" \
        in real[1]
    [indeks] = [v for k, v in found.items() if k[0] == "Nilai indeks (1-4)"]
    assert "bobot 0,071, bukan 1/14" in indeks[1]


def test_ikm_responden_per_unsur() -> None:
    # IKM-3 (1): 2 unsur, 3 respondents, R2 left unsur 2 empty: U1 = (4+4+2)/3, U2 = (4+3)/2;
    # ((10/3) + 3,5) / 2 x 25 = 85,42.
    text = IKM_1.split("          responden:")[0] + (
        "          responden: {u1: 3, u2: 2}\n"
        "          masukan: {u1: 10, u2: 7}\n")
    assert r2(hasil(text).indikator[0].realisasi) == D("85.42")
    bad = load_text(text.replace("{u1: 3, u2: 2}", "{u1: 3, u3: 2}"))
    assert bad.report is None
    assert any("berbeda: u2, u3" in d.message for d in bad.diagnostics)


def test_indeks_efisiensi_prkom_2021() -> None:
    # LKj PRKOM (BPOM) 2021 Tabel 28, row 1: anggaran 6.495.748.767 / 6.910.387.000 = 94,00%,
    # output 99,92%: IE = 99,92 / 93,9998... = 1,063 (printed), TE 0,063.
    from lkjip_cli.engine.efisiensi import efisiensi

    a = _a("6910387000", "6495748767")
    pen = Nilai(D("6495748767") / D("6910387000") * 100, "p")
    a = Anggaran(a.pagu, a.realisasi, pen, a.sisa, ())
    ie = efisiensi("indeks-efisiensi", Nilai(D("99.92"), "c"), a)
    assert r2(ie.nilai, 3) == D("1.063")
    assert r2(ie.turunan[0].nilai, 3) == D("0.063")


def test_check_metode_lain_sebagai_sebab() -> None:
    # The report declares the geometric mean (97,21) but printed the plain mean (97,50), and
    # printed PMK 22/2021's nilai efisiensi under 'selisih': over the one sasaran, capaian
    # sqrt(1,05 x 0,90) = 0,972111; E = (400 x 0,972111 - 384) / 388,8444 = 1,2459%;
    # 50 + 1,2459 / 20 x 50 = 53,11.
    text = DUA.replace("METODE", "geometrik-pmk-22-2021").replace("EFISIENSI", "selisih") + (
        "dilaporkan:\n"
        '  rata_rata_capaian: {ikhtisar: "97,50"}\n'
        '  efisiensi: {bab4: "53,11"}\n')
    found = temuan(text)
    rata = [v for k, v in found.items() if k[0] == "Capaian (%)" or "rata" in k[0].lower()]
    assert any("metode rata-rata rata-rata" in v[1] for v in rata), found
    eff = [v for k, v in found.items() if k[0] == "Efisiensi"]
    assert eff and "metode efisiensi nilai-efisiensi-pmk-22-2021" in eff[0][1]
